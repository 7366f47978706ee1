#!/usr/bin/env python3
"""gen_xdump - golden captures for where tcpdump's -x/-X dumps start after
a printer stops early.  A truncation that unwinds shows the whole frame; a
check that prints the marker and returns skips the link header.  Which one
a printer uses is per check, so each capture walks one printer through
every cut: LLC XID (over ATM and Ethernet), CLNP (fixed part, addresses,
segment part, options), Frame Relay with FRF.15 and Q.933, FRF.16 control
messages, Cisco Auto-RP (cut by the capture, and datagrams too short by
their own length), IPv6
Hop-by-Hop options that do not fit (over Ethernet and SLIP), LLDP
organisation TLVs too short for their subtype, and PPP IPCP IP header
compression with and without suboptions.
Usage: python3 gen_xdump.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, ipv6, udp, udp4, tcp4  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'


def h(text):
    return bytes.fromhex(text.replace(' ', ''))


def write(name, frames, linktype=1):
    """frames: bytes, or (bytes, caplen) pairs."""
    p = Pcap(os.path.join(OUT, name + '.pcap'), linktype=linktype)
    for f in frames:
        if isinstance(f, tuple):
            p.add(f[0], caplen=f[1])
        else:
            p.add(f)
    p.close()


# LLC XID: over ATM (an 802.6 header first) and over Ethernet 802.3
H6 = b'0' * 20
E3 = h('0011223344550011223344550020')
xid = []
for body in (h('3030bf 810102'), h('3030bf 00'), h('3030bf'), h('303003 45')):
    for cut in range(len(body) + 1):
        xid.append((H6 + body + bytes(8), 20 + cut))
write('xdump_llc_atm', xid, linktype=11)
write('xdump_llc_ether', [(E3 + h('3030bf 810102') + bytes(20), c) for c in range(14, 21)] +
      [E3 + h('3030bf')])

# CLNP over 802.3/LLC, cut at every byte
dst = h('49000100000000000001')
src = h('490001000000000000020a')
hdr = bytes([0x81, 0, 1, 20, 0x9c, 0, 0, 0, 0, len(dst)]) + dst + bytes([len(src)]) + src + \
    h('1234 0000 0040') + h('c5 02 0102') + h('cd 01 00')
hdr = hdr[:1] + bytes([len(hdr)]) + hdr[2:]
pdu = hdr + b'data!!'
pdu = pdu[:5] + struct.pack('!H', len(pdu)) + pdu[7:]
llc = h('fefe03') + pdu
fr = h('0180c2000014 001122334455') + struct.pack('!H', len(llc)) + llc
write('xdump_clnp', [(fr, c) for c in range(15, len(fr) + 1)])

# Frame Relay: Cisco-style and Q.922 headers, FRF.15, Q.933
frs = ['304b30b1', '304b30b1 00', ('304b30b1 0011', 4), ('304b30b1 0011', 5), '304b03',
       ('304b0300', 4), ('304b03cc', 4), ('304b03cc00', 4), ('304b03cc00', 5), ('304b0300cc', 4),
       ('304b03 00cc 0011', 5), ('304b0300cc0011', 6), ('304b03cc0011', 5), '00', '30',
       ('304b', 2), ('304b30', 3), ('304b03', 3), '3001', ('300103', 3), ('304b03b1 80', 4),
       '304b03b180 22', ('304b 0800 45', 4), ('304b 0800 4500', 5), ('304b 03 08 0000', 5),
       ('0841 2c00 0811 886b 98 00', 9), '0841 2c00 0811 886b 98', ('0841 0300 0800 886b 98', 7),
       '0841 03 08 00 11 886b 98 9c 03 0100 aa']
write('xdump_fr', [(h(f[0]), f[1]) if isinstance(f, tuple) else h(f) for f in frs], linktype=107)

# FRF.16 multilink Frame Relay control messages cut at every byte
mfr = []
for body in (h('ff00 03 0306 11223344 0106 41424344 0503 00'), h('ff0003 0303 00 0306 11223344')):
    mfr += [(body, c) for c in range(1, len(body) + 1)]
write('xdump_mfr', mfr, linktype=182)

# Cisco Auto-RP: every cut by the capture, and every short datagram
arp = h('11 02 00b4 00000000') + h('0a000001 03 02 00 04 e0000000  03 08 ef000000') + \
    h('0a000002 02 01 01 10 e1000000')
whole = udp4(arp, 496, 496)
write('xdump_autorp', [(whole, c) for c in range(42, len(whole) + 1)] +
      [udp4(arp[:n], 496, 496) for n in range(0, len(arp))] +
      [udp4(arp[:12], 496, 496) + bytes(10)])

# IPv6 Hop-by-Hop options that do not fit, over Ethernet and SLIP
hbh = []
for opts in ('01 08 000000000000', '01', '00 00 00 00 00 01', '05 02 0000 0000', '05 03 000000 00',
             'c2 04 00000000', 'c2 06 00010000', 'c9 10 00000000', '33 05 0000000000',
             '00 00 00 00 00 33', '01 04 00000000', '0104000000 01'):
    o = h(opts)
    x = bytes([17, 0]) + o
    x += bytes((8 - len(x) % 8) % 8)
    x = bytes([17, len(x) // 8 - 1]) + x[2:]
    hbh.append(ipv6(x + udp(b'ab', 1, 2, src='2001:db8::1', dst='2001:db8::2'), 0))
write('xdump_hbh', [ether(x, 0x86dd) for x in hbh])
slip = [bytes(16) + x for x in hbh]
slip.append((bytes(16) + hbh[0], 16 + 41))
slip.append((bytes(16) + hbh[0], 16 + 44))
write('xdump_hbh_slip', slip, linktype=8)

# LLDP organisation TLVs too short for their subtype
L = h('0180c200000e 001122334455 88cc')
write('xdump_lldp', [L + h(t) for t in (
    'fe04 00120f04 0000', 'fe05 00120f0405 0000', 'fe06 00120f0405dc 0000', 'fe04 00120f04',
    'fe05 00120f04 05', 'fe03 00120f 0000', 'fe03 0080c2 0000', 'fe03 00005e 0000',
    'fe03 aabbcc 0000', 'fe02 0080 0000', 'fe04 0080c2 09 0000', 'fe04 00005e 09 0000',
    'fe04 00120f 09 0000', 'fe04 aabbcc 09 0000', 'fe05 00005e 01 41 0000',
    'fe07 00005e 01 414243 0000')])


# PPP IPCP IP header compression (RFC 3544), with and without suboptions
def ipcp(opts):
    o = h(opts)
    return h('ff038021 0101') + struct.pack('!H', len(o) + 4) + o


FIX = '0061 0001 0002 0003 0004 0005'
write('xdump_ipcp', [ipcp(o) for o in (
    '02 0e ' + FIX, '02 12 ' + FIX + ' 01 04 aabb',
    '02 14 ' + FIX + ' 01 02 02 04 aabb 03 06 01020304',
    '02 12 ' + FIX + ' 01 08 aabb 03 06 01020304', '02 06 002d 0f01 03 06 01020304',
    '02 14 ' + FIX + ' 00 02 02 04 aabb 03 06 01020304', '02 0e ' + FIX + ' 03 06 01020304',
    '02 0e ' + FIX + ' 03', '02 0e ' + FIX + ' 03 06', '02 0f ' + FIX + ' 03 06 01020304')],
      linktype=9)
