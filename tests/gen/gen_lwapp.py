#!/usr/bin/env python3
"""gen_lwapp - golden captures for LWAPP (RFC 5412; UDP 12222 data, 12223
control): every control message type tcpdump names and some it does not,
to the control port (with the AP identity) and from it, several messages
in one packet, messages that run past the header's length, data packets
with short, exact and long lengths, versions 1-3, the flag and radio-id
bits, over IPv4 and IPv6; a truncated twin (each packet cut at many
snaplens) and packets whose UDP length disagrees with the IP length.
Usage: python3 gen_lwapp.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, udp, udp4, udp6, write_frames  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
DATA, CTRL = 12222, 12223
AP = bytes.fromhex('00000c123456')   # a Cisco OUI (named without -n)
AP2 = bytes.fromhex('02aabbccddee')


def hdr(b0, frag, length, status=0):
    return struct.pack('!BBHH', b0, frag, length, status)


def msg(mtype, seq, elems, session=0x11223344, mlen=None):
    return struct.pack('!BBHI', mtype, seq, len(elems) if mlen is None else mlen,
                       session) + elems


def ctl(msgs, b0=0x04, frag=0, length=None, status=0):
    body = b''.join(msgs)
    return hdr(b0, frag, len(body) if length is None else length, status) + body


ELEM = bytes.fromhex('01 0004 c0000201 1f 0003 414243')

frames = []
# every message type tcpdump names (and its neighbours), to the control port
for i, t in enumerate(list(range(0, 42)) + [100, 254, 255]):
    frames.append(udp4(AP + ctl([msg(t, i, ELEM if i % 3 else b'', session=i * 0x01010101)]),
                       32768 + i, CTRL))
# from the control port (no AP identity), several messages in one packet
three = [msg(1, 5, b'\xaa\xbb\xcc\xdd'), msg(2, 6, b''), msg(3, 7, b'\xee\xff')]
for length in (0, 1, 7, 8, 12, 19, 20, 21, 22, 30, 31, 32, 40, 0xffff):
    frames.append(udp4(ctl(three, length=length), CTRL, 5246))
# the flag and radio-id bits, the fragment id, the status field
for b0 in (0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x2c, 0x3f):
    frames.append(udp4(AP2 + ctl([msg(22, b0, b'')], b0=b0, frag=(b0 * 7) & 0xff, status=0xffff),
                       5246, CTRL))
    frames.append(udp4(ctl([msg(23, b0, b'')], b0=b0, frag=255 - b0), CTRL, 5246))
# versions other than 0, on each port and direction
for b0 in (0x44, 0x80, 0xc4, 0xff):
    frames.append(udp4(AP + ctl([msg(1, 1, b'')], b0=b0), 5246, CTRL))
    frames.append(udp4(ctl([msg(1, 1, b'')], b0=b0), CTRL, 5246))
    frames.append(udp4(hdr(b0, 1, 10) + b'abcd', DATA, 5247))
# data to and from port 12222: lengths short of, at, and past the header
payload = bytes(range(0x40, 0x40 + 40))
for length in (0, 1, 5, 6, 7, 8, 22, 46, 47, 100, 0xffff):
    frames.append(udp4(hdr(0x00, 3, length) + payload, DATA, 5247))
for b0 in (0x01, 0x03, 0x04, 0x3f):
    frames.append(udp4(hdr(b0, 9, 14) + payload[:8], 5247, DATA))
# between the two ports: to the control port wins, then from it
frames.append(udp4(AP + ctl(three), DATA, CTRL))
frames.append(udp4(ctl(three), CTRL, DATA))
frames.append(udp4(hdr(0x04, 2, 12) + payload[:12], DATA, DATA))
frames.append(udp4(AP + ctl(three), CTRL, CTRL))
# short payloads (not cut by the capture: the datagram is that short)
for n in range(0, 14):
    frames.append(udp4((AP + ctl(three))[:n], 5246, CTRL))
    frames.append(udp4(ctl(three)[:n], CTRL, 5246))
    frames.append(udp4((hdr(0, 1, 20) + payload)[:n], DATA, 5247))
# IPv6
frames.append(udp6(AP + ctl(three), 5246, CTRL))
frames.append(udp6(ctl(three), CTRL, 5246))
frames.append(udp6(hdr(0x01, 4, 26) + payload[:20], DATA, 5247))
write_frames(os.path.join(OUT, 'lwapp.pcap'), frames)

# each of a few packets cut at every length from the UDP header on
trunc = [udp4(AP + ctl(three), 5246, CTRL),
         udp4(ctl(three), CTRL, 5246),
         udp4(ctl(three, length=40), CTRL, 5246),
         udp4(AP + ctl([msg(10, 1, bytes(20)), msg(11, 2, b'')]), 5246, CTRL),
         udp4(hdr(0x00, 3, 30) + payload[:24], DATA, 5247),
         udp4(hdr(0x00, 3, 4) + payload[:4], DATA, 5247),
         udp4(hdr(0x40, 3, 4) + payload[:4], DATA, 5247)]
write_frames(os.path.join(OUT, 'lwapp_trunc.pcap'), trunc, cuts=range(34, 90))


# UDP lengths that disagree with the IP length
def bad_udp(payload, sport, dport, ulen):
    u = udp(payload, sport, dport)
    u = u[:4] + struct.pack('!H', ulen) + u[6:]
    return ether(ipv4(u, 17))


bad = []
for body, sp, dp in ((AP + ctl(three), 5246, CTRL), (ctl(three), CTRL, 5246),
                     (hdr(0x00, 3, 30) + payload[:24], DATA, 5247)):
    n = 8 + len(body)
    for ulen in (0, 7, 8, 9, 14, 20, 26, n - 1, n + 1, n + 20, 0xffff):
        bad.append(bad_udp(body, sp, dp, ulen))
    bad.append(ether(ipv4(udp(body, sp, dp), 17) + b'\0' * 12))  # Ethernet padding
write_frames(os.path.join(OUT, 'lwapp_badlen.pcap'), bad)
