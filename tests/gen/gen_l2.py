#!/usr/bin/env python3
"""gen_l2 - golden captures for link-layer discovery protocols printed
differently with and without -v: CDP versions 1 and 2 over 802.3/LLC/SNAP
(every TLV kind the printer knows, an unknown one, a malformed one).
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
