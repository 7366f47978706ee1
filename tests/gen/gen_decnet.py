#!/usr/bin/env python3
"""gen_decnet - golden captures for DECnet Phase IV (routing control
messages, short and long data headers, padding, every NSP message type,
bad lengths), TIPC (payload, internal and neighbour-detection messages,
short and long headers) and ZMTP/1.0 over PGM and over UDP-encapsulated
PGM (-T pgm_zmtp1: frame offsets, intermediate parts, 8- and 64-bit
frames), each with a twin cut by the snapshot length.
Usage: python3 gen_decnet.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import ether, ipv4, udp, write_frames  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'


def h(text):
    return bytes.fromhex(text.replace(' ', ''))


# ---- DECnet -------------------------------------------------------------

def dn(body, pktlen=None):
    ln = len(body) if pktlen is None else pktlen
    return ether(struct.pack('<H', ln) + body, 0x6003,
                 src='aa:00:04:00:02:04', dst='aa:00:04:00:01:04')


def short(nsp, flags=0x02, fwd=0):
    return dn(bytes([flags]) + h('0104 0208') + bytes([fwd]) + nsp)


def long_(nsp, flags=0x06, visits=5):
    return dn(bytes([flags]) + h('0000 aa0004000104 0000 aa0004000208 00') +
              bytes([visits]) + h('00 00') + nsp)


ADDR = h('0320 0420')  # NSP destination 8195, source 8196


def nsp(flg, rest=b''):
    return bytes([flg]) + ADDR + rest


def acks(a1, a2, seg):
    return struct.pack('<HHH', a1, a2, seg)


def routes(segs):
    body = b''.join(struct.pack('<HHH', c, i, info) for c, i, info in segs)
    s = 1 + sum(struct.unpack('<%dH' % (len(body) // 2), body))
    s = (s & 0xffff) + (s >> 16)
    return body + struct.pack('<H', s & 0xffff)


decnet = [
    # routing-layer control messages
    dn(h('01 0104 07 4002 020000 0f00 00')),                      # init endnode verif
    dn(h('01 0104 0e 4002 020000 0f00 00')),                      # init l1rout verif blo
    dn(h('03 0104 03 010203')),                                   # verification
    dn(h('05 0104 0c') + b'\xaa' * 12),                           # test, 12 (octal 14)
    dn(h('07 0104 00') + routes([(3, 5, 0x0402), (2, 20, 0x0805)])),
    dn(h('09 0104 00') + routes([(1, 10, 0x7c05)])),
    dn(h('0b 020000 aa0004000204 02 3240 40 00 0f00 00 0f') + bytes(7) + h('0e aa0004000304 85 aa0004000404 07')[:8]),
    dn(h('0b 020000 aa0004000204 65 3240 40 00 0f00 00 00')),
    dn(h('0d 020000 aa0004000104 03 3240 00 0000000000000000 aa0004000000 0a00 00 02aaaa')),
    dn(h('0d 020000 aa0004000104 24 3240 00 0000000000000000 aa0004000c04 0a00 00 09') + b'\xaa' * 9),
    dn(h('0d 020000 aa0004000104 03 3240 00 0000')),              # short endnode hello
    dn(h('0f 0001020304050607')),                                 # unknown control message
    # padding
    dn(h('83 0000 02 0104 0208 00') + nsp(0x04, struct.pack('<HH', 0x8001, 0xa002))),
    dn(h('82 00 05 0104 0c') + b'\xaa' * 12),
    # data messages, short and long headers, routing flags
    short(nsp(0x60, acks(0x8001, 0xa002, 3)) + b'hello, world'),
    short(nsp(0x20, acks(0x9001, 0xb002, 4)) + b'x'),
    short(nsp(0x00, struct.pack('<H', 7)) + b'seg only'),
    short(nsp(0x04, struct.pack('<HH', 0x8001, 0xa002)), flags=0x0a, fwd=3),
    short(nsp(0x14, struct.pack('<HH', 0x9005, 0xb006)), flags=0x3a, fwd=0x3f),
    long_(nsp(0x04, struct.pack('<HH', 0x8001, 0xa002))),
    long_(nsp(0x60, acks(0x8001, 0xa002, 9)) + b'long', flags=0x26, visits=17),
    # link service: flow-control variants
    short(nsp(0x10, acks(0x8001, 0xa002, 3) + bytes([0, 0]))),
    short(nsp(0x10, acks(0x8001, 0xa002, 3) + bytes([1, 5]))),
    short(nsp(0x10, acks(0x8001, 0xa002, 3) + bytes([2, 5]))),
    short(nsp(0x10, acks(0x8001, 0xa002, 3) + bytes([3, 5]))),
    short(nsp(0x10, acks(0x8001, 0xa002, 3) + bytes([4, 1]))),
    short(nsp(0x10, acks(0x8001, 0xa002, 3) + bytes([9, 1]))),
    short(nsp(0x30, acks(0x8001, 0x2002, 3)) + b'intr'),
    short(nsp(0x24)),                                              # conn-ack
    short(nsp(0x18, h('05 03 1340') + b'\x05LINUX')),              # conn-initiate
    short(nsp(0x68, h('09 02 0002'))),                            # retransmitted
    short(nsp(0x28, h('01 01 1340 03 010203'))),                  # conn-confirm
    short(nsp(0x38, h('0000 00'))),                                # disconn-initiate
    short(nsp(0x38, h('2a00 02 0102'))),
    short(nsp(0x48, h('0180'))),                                   # disconn-confirm, unnamed
    short(nsp(0x48, h('2700'))),
    short(nsp(0x08)), short(nsp(0x58)), short(nsp(0x0c)), short(nsp(0x50)), short(nsp(0x34)),
    # bad lengths and formats
    dn(h('02 0104 0208 00 04 03'), pktlen=9),                     # nsplen < 5
    dn(h('02 0104 0208 00 04 0320 0420 0180'), pktlen=4),         # pktlen < 6
    dn(h('02 0104 0208 00 04 0320 0420 0180'), pktlen=40),        # pktlen > length
    dn(h('02 0104 0208 00 04 0320 0420')),                        # data-ack too short
    dn(h('06 0104 0208 00 04')),                                  # long header too short
    dn(h('42 0104 0208 00 04 0320 0420 0180')),                   # future version
    dn(h('04 0104 0208 00 04 0320 0420 0180')),                   # unknown format
    dn(h('9f 00')),                                               # padding longer than message
]

# ---- TIPC ---------------------------------------------------------------


def tipc(user, hsize, mtype, msize=None, ver=2, extra=b''):
    w0 = (ver << 29) | (user << 25) | ((hsize // 4) << 21) | ((hsize + len(extra)) if msize is None else msize)
    words = [w0, (mtype << 29) | 0x00034567, 0x00101234, 0x01001002, 0x022c36a3,
             0xd150ac62, 0x01002003, 0x01003004, 0x00000042, 0x0000abcd,
             0x0a0b0c0d, 0x0e0f1011, 0x12345678, 0x9abcdef0]
    body = b''.join(struct.pack('!I', w) for w in words)[:max(hsize, 40)]
    return ether(body + extra, 0x88ca, src='00:00:00:00:00:01', dst='00:00:00:00:00:02')


tipc_frames = [
    tipc(0, 40, 2), tipc(0, 24, 0), tipc(1, 24, 1, extra=b'payload!'),
    tipc(2, 40, 3), tipc(3, 24, 0, msize=66000), tipc(8, 40, 2), tipc(11, 40, 7),
    tipc(5, 40, 0), tipc(6, 24, 1), tipc(7, 40, 3), tipc(10, 56, 6, ver=5),
    tipc(12, 40, 2), tipc(13, 24, 0), tipc(13, 40, 1), tipc(13, 24, 5),
    tipc(4, 24, 0), tipc(15, 40, 0),
]

# ---- ZMTP/1.0 over PGM ----------------------------------------------------

GSI = h('3329041eba74')


def pgm(ptype, tsdu, body, sport=13320, dport=5563, opts=False):
    hdr = struct.pack('!HHBBH', sport, dport, ptype, 0x01 if opts else 0, 0) + GSI + \
        struct.pack('!H', tsdu)
    return hdr + body


def odata(seq, payload, ptype=4, opts=b''):
    return pgm(ptype, len(payload), struct.pack('!II', seq, 100) + opts + payload,
               opts=bool(opts))


def zframes(*frames):
    out = b''
    for flags, body in frames:
        n = len(body) + 1
        out += (bytes([n]) if n < 255 else b'\xff' + struct.pack('!Q', n)) + bytes([flags]) + body
    return out


TEXT = b'The quick brown fox jumps over the lazy dog. ' * 8
payloads = [
    struct.pack('!H', 0) + zframes((0, b'hello'), (1, bytes(range(16))), (0, b'')),
    struct.pack('!H', 0) + zframes((0, TEXT[:200])),
    struct.pack('!H', 0xffff) + TEXT[:150],
    struct.pack('!H', 10) + TEXT[:10] + zframes((0x81, b'tail')),
    struct.pack('!H', 0) + b'\xff' + struct.pack('!Q', 3000) + b'\x00' + TEXT[:60],
    struct.pack('!H', 40) + TEXT[:12],                            # offset past the end
]
SPM = pgm(0, 0, struct.pack('!III', 92190, 21618, 54950) + struct.pack('!HH', 1, 0) + h('0a00002d'))
FRAG_OPT = h('0004 0014') + h('81 10 0000 00000007 00000000 00000064')


def pgm_ip(body):
    return ether(ipv4(body, 113, '10.0.0.45', '239.255.0.16', ttl=16, tos=0xb8))


def pgm_udp(body):
    return ether(ipv4(udp(body, 33280, 5563, '10.0.0.45', '239.255.0.16'), 17,
                      '10.0.0.45', '239.255.0.16', ttl=16))


pgm_frames = [SPM] + [odata(54951 + i, pl) for i, pl in enumerate(payloads)] + \
    [odata(60000, payloads[0], ptype=5), odata(60001, payloads[0], opts=FRAG_OPT)]


def write(name, frames, cuts=None, snaplen=65535):
    write_frames(os.path.join(OUT, name + '.pcap'), frames, cuts=cuts, snaplen=snaplen)


os.makedirs(OUT, exist_ok=True)
write('decnet', decnet)
write('decnet_trunc', [f for f in decnet if len(f) > 20], cuts=[15, 17, 19, 21, 23, 25, 28])
write('decnet_tipc', tipc_frames)
write('decnet_tipc_trunc', tipc_frames[:14], cuts=[18, 30, 40, 50])
write('decnet_pgm', [pgm_ip(b) for b in pgm_frames])
write('decnet_epgm', [pgm_udp(b) for b in pgm_frames])
write('decnet_pgm_trunc', [pgm_ip(b) for b in pgm_frames[1:]], cuts=[60, 64, 80, 120])
