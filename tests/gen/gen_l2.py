#!/usr/bin/env python3
"""gen_l2 - golden captures for link-layer protocols: CDP versions 1 and 2
over 802.3/LLC/SNAP (every TLV kind the printer knows, an unknown one, a
malformed one), ATA over Ethernet (every command, flag and error), Linux
vsock monitor captures.
Usage: python3 gen_l2.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, mac  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'


def tlv(t, v):
    return struct.pack('>HH', t, len(v) + 4) + v


def cdp(version, tlvs, ttl=180):
    body = b''.join(tlvs)
    return bytes([version, ttl]) + b'\x00\x00' + body  # checksum not verified


def llc_snap_8023(payload, src='00:19:06:ea:b8:85'):
    llc = b'\xaa\xaa\x03\x00\x00\x0c\x20\x00' + payload
    return mac('01:00:0c:cc:cc:cc') + mac(src) + struct.pack('>H', len(llc)) + llc


ipv4_addr = struct.pack('>I', 1) + b'\x01\x01\xcc' + struct.pack('>H', 4) + bytes([192, 168, 0, 1])
full = [
    tlv(0x01, b'Switch'),
    tlv(0x05, b'Cisco IOS Software, C3560 Software, Version 12.2(25)SEB4\nCompiled by nobody'),
    tlv(0x06, b'cisco WS-C3560G-24PS'),
    tlv(0x02, ipv4_addr),
    tlv(0x03, b'GigabitEthernet0/5'),
    tlv(0x04, struct.pack('>I', 0x28)),
    tlv(0x08, b'\x00\x00\x0c\x01\x12' + b'\x00' * 27),
    tlv(0x09, b'Lab'),
    tlv(0x0a, struct.pack('>H', 1)),
    tlv(0x0b, b'\x01'),
    tlv(0x12, b'\x00'),
    tlv(0x13, b'\x00'),
    tlv(0x16, ipv4_addr),
    tlv(0x1a, b'\x00\x00\x00\x01\x00\x00\x00\x00\xff\xff\xff\xff'),
]
frames = [
    llc_snap_8023(cdp(2, full)),
    llc_snap_8023(cdp(1, [tlv(0x01, b'old-router'), tlv(0x03, b'Ethernet0'), tlv(0x04, struct.pack('>I', 1)),
                          tlv(0x05, b'IOS 11.1')], ttl=60)),
    llc_snap_8023(cdp(2, [tlv(0x01, b'sw2'), tlv(0x0a, b'\x00')])),              # native VLAN too short
    llc_snap_8023(cdp(2, [tlv(0x01, b'sw3'), struct.pack('>HH', 0x06, 2)])),    # TLV length < 4
    llc_snap_8023(cdp(2, [tlv(0x01, b'sw4'), struct.pack('>HH', 0x06, 40) + b'short'])),  # past the end
]
os.makedirs(OUT, exist_ok=True)
p = Pcap(os.path.join(OUT, 'l2_cdp.pcap'))
for f in frames:
    p.add(f)
p.close()
p = Pcap(os.path.join(OUT, 'l2_cdp_trunc.pcap'))
for c in (20, 26, 30, 40, 60, 100):
    p.add(frames[0], caplen=c)
p.close()


# ---- ATA over Ethernet (ethertype 0x88a2): every command, flag, error,
# name table entry, and lengths too short for what they announce
def aoe_eth(p):
    return mac('ff:ff:ff:ff:ff:ff') + mac('00:11:22:33:44:55') + struct.pack('>H', 0x88a2) + p


def aoe_hdr(ver=1, flags=0, err=0, major=0x14, minor=0, cmd=0, tag=0x1234):
    return bytes([ver << 4 | flags, err]) + struct.pack('>HBBI', major, minor, cmd, tag)


def aoe_frames():
    hdr = aoe_hdr
    fr = [hdr(ver=0), hdr(ver=2, cmd=1) + b'abc']
    for fl in (0, 8, 4, 2, 1, 0xf):
        fr.append(hdr(flags=fl, err=fl % 3, cmd=1) + struct.pack('>HHBBH', 5, 0x0e, 2, 0x11, 0))
    for e in range(0, 9):
        fr.append(hdr(flags=4, err=e, cmd=7))
    fr.append(hdr(cmd=0) + bytes([0x53, 1, 2, 0xec]) + bytes([1, 2, 3, 4, 5, 6]) + b'\0\0' + b'x' * 24)
    fr.append(hdr(cmd=0) + bytes([0x40, 0, 0, 0x24]) + bytes([1, 2, 3, 4, 5, 6]))      # too short
    fr.append(hdr(cmd=0) + bytes([0xff, 0, 0, 0]) + bytes(8))
    fr.append(hdr(cmd=0) + bytes([0xa4, 0, 0, 0]) + bytes(8))
    for cc in range(6):
        fr.append(hdr(cmd=1) + struct.pack('>HHBBH', 16, 0x4011, 7, 0x10 | cc, 5) + b'hello')
    fr.append(hdr(cmd=1) + struct.pack('>HHBBH', 16, 0x4011, 7, 0x12, 100) + b'hi')  # string past the end
    fr.append(hdr(cmd=1) + struct.pack('>HHBBH', 1, 2, 3, 0x10, 12) + b'a\x01b\x7f\xff\tc\nd\x00ef')

    def ent(dc, m):
        return bytes([0, dc]) + mac(m)
    fr.append(hdr(cmd=2) + bytes([0, 0, 0, 2]) + ent(0, '00:01:02:03:04:05') + ent(1, '00:01:02:03:04:06'))
    fr.append(hdr(cmd=2) + bytes([0, 1, 2, 3]) + ent(2, '00:01:02:03:04:05') + ent(3, '00:01:02:03:04:06') +
              ent(7, 'aa:bb:cc:dd:ee:ff'))
    fr.append(hdr(cmd=2) + bytes([0, 5, 9, 1]))
    fr.append(hdr(cmd=2) + bytes([0, 0, 1, 0]))
    fr.append(hdr(cmd=2) + bytes([0, 0, 3, 1]) + ent(0, '00:01:02:03:04:05') + b'trailing')
    for rc in range(4):
        fr.append(hdr(cmd=3) + bytes([rc, 2]) + mac('00:01:02:03:04:05') + mac('00:01:02:03:04:06'))
    fr.append(hdr(cmd=3) + bytes([0, 0]))
    fr.append(hdr(cmd=3) + bytes([1, 5]) + mac('00:01:02:03:04:05'))
    fr.append(hdr(cmd=5) + b'abcdef')
    fr.append(hdr(cmd=0xf0) + b'abcdef')
    fr.append(hdr()[:5])
    fr.append(bytes([0x10]))
    fr.append(hdr(cmd=1) + b'\0\1')
    fr.append(hdr(cmd=0) + b'\0\1\2')
    return [aoe_eth(f) for f in fr]


frames = aoe_frames()
p = Pcap(os.path.join(OUT, 'l2_aoe.pcap'))
for f in frames:
    p.add(f)
p.close()
p = Pcap(os.path.join(OUT, 'l2_aoe_trunc.pcap'))
for f in frames:
    for c in (15, 17, 20, 24, 26, 28, 30, 34, 40):
        if c < len(f):
            p.add(f, caplen=c)
p.close()


# ---- Linux vsock monitor captures (DLT_VSOCK 271): every transport,
# operation, virtio type and operation, payloads, headers cut short
def vsock_mon(op, tr, plen, scid=3, dcid=2, sp=1024, dp=1234):
    return struct.pack('<QQIIHHH2s', scid, dcid, sp, dp, op, tr, plen, b'\0\0')


def vsock_virtio(ln=0, typ=1, op=5, flags=0, buf=262144, fwd=0, scid=3, dcid=2, sp=1024, dp=1234):
    return struct.pack('<QQIIIHHIII', scid, dcid, sp, dp, ln, typ, op, flags, buf, fwd)


def vsock_frames():
    mon, virtio = vsock_mon, vsock_virtio
    fr = [mon(op, 2, 44) + virtio() for op in range(0, 7)]
    fr += [mon(4, tr, 4) + b'abcd' for tr in (0, 1, 3, 7)]
    fr += [mon(4, 2, 44) + virtio(ln=3, typ=typ, op=vop, flags=vop) + b'xyz' for typ in (0, 1, 2, 3)
           for vop in range(0, 9)]
    fr += [mon(4, 2, 44) + virtio(ln=40) + bytes(range(40)),
           mon(4, 2, 10) + virtio(), mon(4, 2, 44), mon(4, 2, 44) + virtio()[:20], mon(4, 1, 0),
           mon(4, 2, 100) + virtio(ln=3) + b'xyz',
           mon(4, 2, 44, scid=0xffffffff, dcid=2**40, sp=0xffffffff) + virtio(),
           mon(4, 2, 44) + virtio(ln=5) + b'xyz', mon(4, 1, 2) + b'abcd', mon(3, 2, 44) + virtio(ln=3) + b'xyz',
           mon(4, 2, 44) + virtio(ln=3, scid=9, sp=7) + b'xyz']
    return fr


frames = vsock_frames()
p = Pcap(os.path.join(OUT, 'l2_vsock.pcap'), 271)
for f in frames:
    p.add(f)
p.close()
p = Pcap(os.path.join(OUT, 'l2_vsock_trunc.pcap'), 271)
for f in frames[:8] + frames[-8:]:
    for c in (4, 16, 24, 30, 31, 32, 40, 60, 76, 80):
        if c < len(f):
            p.add(f, caplen=c)
p.close()
