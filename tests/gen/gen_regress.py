#!/usr/bin/env python3
"""gen_regress - small captures for printer corrections found after the
family generators were written, one function per correction, each with the
packets that tell the right output from the wrong one.
Usage: python3 gen_regress.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, ipv6, mac, udp  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'


def lspping_timestamps():
    """LSP ping's receiver timestamp: "no timestamp" only when both its
    seconds and its fraction are zero."""
    A, B = '192.0.2.1', '192.0.2.2'
    frames = []
    for rs, rf in ((0, 0), (0, 5), (5, 0), (3900000000, 1 << 31)):
        body = struct.pack('!HHBBBBII', 1, 0, 2, 2, 3, 0, 0x1234, 1) + struct.pack('!IIII', 3900000000, 1, rs, rf)
        frames.append(ether(ipv4(udp(body, 3503, 40503, src=B, dst=A), 17, src=B, dst=A)))
    return frames


def raw_versions():
    """LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229) are read as raw IP: by
    the version nibble, whatever the link type says (IPv6 on 228, IPv4 on
    229, an unknown version, a packet of one byte)."""
    v4 = ipv4(udp(b'hello', 1000, 2000), 17)
    v6 = ipv6(udp(b'hello', 1000, 2000, src='2001:db8::1', dst='2001:db8::2'), 17)
    return [v4, v6, bytes([0x30]) + v4[1:], bytes([0x45]), bytes([0x60, 0, 0])]


def osi_in_ppp():
    """OSI (0xfefe) carrying PPP (NLPID 0xcf) carrying OSI again (protocol
    0x23, compressed or not): an NLPID that is not there is "[|isoclns]",
    one that is goes on as OSI."""
    eth = mac('00:00:5e:00:53:01') + mac('00:00:5e:00:53:02') + b'\xfe\xfe'
    return [eth + b'\x30\xcf\xff\x03\x23', eth + b'\x30\xcf\xff\x03\x00\x23',
            eth + b'\x30\xcf\xff\x03\x00\x23\x00\x81', eth + b'\x30\xcf\xff\x03\x23\x08']


os.makedirs(OUT, exist_ok=True)
p = Pcap(os.path.join(OUT, 'regress_osippp.pcap'))
for f in osi_in_ppp():
    p.add(f)
p.close()
for lt in (228, 229):
    p = Pcap(os.path.join(OUT, 'regress_raw%d.pcap' % lt), lt)
    for f in raw_versions():
        p.add(f)
    p.close()
p = Pcap(os.path.join(OUT, 'regress_lspping.pcap'))
for f in lspping_timestamps():
    p.add(f)
p.close()
