#!/usr/bin/env python3
"""gen_cfm - golden captures for IEEE 802.1ag CFM (CCM with every interval
and MD/MA name format, Loopback, Linktrace, the TLVs and their length
errors, Sender ID chassis and management address variants), LLDP with the
IEEE 802.1Qaz/Qau DCB TLVs, Babel updates with prefix compression, and
GeoNetworking (with and without CALM FAST), each with a truncated twin.
Usage: python3 gen_cfm.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
CFM_DST = '01:80:c2:00:00:30'


def h(text):
    return bytes.fromhex(text.replace(' ', ''))


def write(name, frames, snap=None):
    """frames: (frame, caplen or None) pairs."""
    p = Pcap(os.path.join(OUT, name + '.pcap'))
    for fr, cap in frames:
        p.add(fr, caplen=cap)
    p.close()


# ---------------------------------------------------------------- CFM

def maid(text):
    b = h(text)
    return b + bytes(max(0, 48 - len(b)))


MAID = maid('04 07 31323334353637 02 0a 31323334353637383930')
Z16 = bytes(16)


def ccm(flags, tlvs, m=MAID, fto=70, level=5, seq=7, mep=1):
    return bytes([level << 5, 1, flags, fto]) + struct.pack('>IH', seq, mep) + m + Z16 + tlvs


def cfm_frame(payload, etype=0x8902):
    return ether(payload, etype=etype, dst=CFM_DST, src='00:11:22:33:44:55')


LB_HDR = h('a0 03 00 04 00000009')
LT_BODY = h('00000009 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 02000101 00')

cfm = []
cfm.append(ccm(0x04, h('02000102 02000101 02000103 04000101 0400020101 05000401020304'
                       '05000400112233 07000200aa 08000111 1f000111 00')))
cfm.append(ccm(0x04, h('03000101 03000102 03000103 03000104 03000105 03000106 03000107'
                       '030001 08 0300020101 06000401020304 1f0006 00112233 4455'
                       '0100020301 00')))
for fl in (0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x80, 0x84, 0xff, 0x78):
    cfm.append(ccm(fl, h('020102 040101 00')))
for m in ('01 00 02 02 0005', '01 05 02 02 0005', '02 05 6162636465 01 02 0005',
          '03 08 0011223344550102 03 02 1234', '04 03 616263 04 07 01020304050607',
          '05 02 4142 05 02 4142', '00 00 02 03 616263', '02 00 02 03 616263',
          '04 40 616263 02 03 616263', '04 03 61 00 63 02 03 61 0a 63',
          '03 07 00112233445501 03 03 123456', '01 02 0102 01 03 010203',
          '02 05 6162636465 02 00', '03 06 001122334455 03 02 1234', '03 01 00 03 02 1234',
          '04 2c' + '41' * 44 + '02 00', '04 2b' + '41' * 43 + '02 01 42',
          '04 28' + '41' * 40 + '02 07 4242', '01 02 2e 0102', '01 02 2d 0102',
          '04 00 02 2c 0102', '04 00 02 2b 0102',
          '05 14 000102030405060708090a0b0c0d0e0f10111213 07 14 000102030405060708090a0b0c0d0e0f10111213'):
    cfm.append(ccm(0x04, h('00'), m=maid(m)))
for fto in (0, 69, 70, 71):
    cfm.append(ccm(0x04, h('02000102 00'), fto=fto))
for s in ('0100080604001122334400', '0100020601', '010001 00', '0100050003 616263',
          '010009 0003 616263 02 4142', '010009 0003 616263 03 4142',
          '01000d 00 06 2b0601020304 04 c0000201', '01000d 00 06 2b0601020304 00 c0000201',
          '0100 08 0201 41 00 00', '0100 08 0305 4142434445', '0100 0a 0507 41424344454647 00',
          '0100 0a 0703 414243 00 00 00 00', '0100 0a 0603 414243 00 00 00 00',
          '0100 0a 0503 414243 00 00 00 00', '0100 0a 0403 414243 00 00 00 00',
          '0100 0a 0803 414243 00 00 00 00', '0100 0a 0003 414243 00 00 00 00',
          '0100 04 0504 c0000201', '0100 07 02 0a 01 41 00 0000',
          '0100 0c 0801 41 01 7f 80 ff 0a 20 00 00 00', '010001 05', '01000205 01',
          '0100 0e 0003 414243 00 00 00 00 0000 0000',
          '0100 18 0014 000102030405060708090a0b0c0d0e0f10111213 00 00',
          '0100 0a 05 05 01 c0000201 00 0000',
          '0100 0e 11 05 02 20010db8000000000000000000000001 0000',
          '0100 0a 05 05 02 c0000201 00 0000', '0100 0a 03 05 01 c0000201 00 0000',
          '010000 00', '0100 02 0105 00', '0100 03 0105 01 00', '0100 03 0105 02 00',
          '0100 13 11 05 02 20010db8000000000000000000000001 00 0000',
          '0100 12 11 05 02 20010db8000000000000000000000001 00',
          '0100 06 0402 aabb 00 00', '0100 07 03 05 07 4142 00 00', '0100 07 03 05 03 4142 00 00',
          '0100 07 02 04 01 00 0000', '0100 0a 06 04 001122334455 00',
          '030014 000102030405060708090a0b0c0d0e0f10111213', '020000 0100', '030000 0100',
          '1f0003 001122', '1f0004 00112233', '1f0004 00000c33', '1f0007 0080c2010203ff',
          '050000', '0600020102', '070003010203', '400001ff'):
    cfm.append(LB_HDR + h(s) + h('00 ffffff'))
for op in (2, 3, 4, 5, 6, 0x2f):
    for fto in (4, 17, 0, 48, 6, 5):
        cfm.append(bytes([0xe0, op, 0xff, fto]) + LT_BODY)
cfm.append(h('a1 01 04 46 00'))       # version 1
cfm.append(h('a0 01 04'))             # shorter than the common header
cfm.append(h('a0 01 04 00'))
cfm.append(h('a0 05 00 21'))
frames = [(cfm_frame(p), None) for p in cfm]
frames.append((cfm_frame(h('00ff 0000 ff00 0001 0004 0104 9a00 000c fb'), etype=0xabcd), None))
write('cfm', frames)

# a Sender ID TLV whose chassis ID is a network address, for every address
# family number tcpdump names (0-15, 25, 196) and some it does not
MAID_STR = bytes([1, 2, 4]) + b'efgh'
MAID_STR += bytes(48 - len(MAID_STR))
write('cfm_sender_af', [(cfm_frame(ccm(0x04, h('01 0005 03 05 %02x 0102 00' % af), m=MAID_STR)), None)
                        for af in list(range(0, 32)) + [196, 255]])

# truncated twins: cut inside the header, the CCM body, each TLV part
full = ccm(0x04, h('02000102 0300010104000102 00'))
tr = [(cfm_frame(full), c) for c in (16, 17, 18, 40, 87, 88, 89, 90, 91, 92, 93, 94)]
lt = bytes([0xa0, 5, 0, 17]) + LT_BODY
tr += [(cfm_frame(lt), c) for c in (34, 35, 36, 37, 38)]
ltr = bytes([0xa0, 4, 0, 6]) + LT_BODY
tr += [(cfm_frame(ltr), c) for c in (22, 23, 24, 25)]
tr.append((cfm_frame(LB_HDR + h('030014 000102030405060708090a0b0c0d0e0f10111213 00')), 30))
tr.append((cfm_frame(LB_HDR + h('0100 0a 0507 41424344454647 00 00')), 30))
write('cfm_trunc', tr)

# ---------------------------------------------------------------- IS-IS
# (kday6's TLVs: Partition DIS and Inter-Domain Information Type)


def isis_lsp(tlvs):
    hdr = h('831b01001201 0000') + struct.pack('>HH', 27 + len(tlvs), 1200) + \
        h('1921 6800 1001 0000') + struct.pack('>I', 5) + h('0000 03')
    pl = h('fefe03') + hdr + tlvs
    return h('0180c2000014 001122334455') + struct.pack('>H', len(pl)) + pl


isis = [isis_lsp(h(t)) for t in (
    '0406 192168001001', '0404 01020304', '0407 19216800100102', '0400', '8301 01',
    '8303 01 aabb', '8303 02 aabb', '8305 02 00000064', '8301 02', '8300', '8302 00 11',
    '8302 03 11', '8311 01 000102030405060708090a0b0c0d0e0f', '8302 02 11 0406192168001001',
    '8303 02 1122')]
write('cfm_isis', [(f, None) for f in isis])

# ---------------------------------------------------------------- LLDP DCB
# IEEE 802.1Qau Congestion Notification (8), 802.1Qaz ETS Configuration (9)
# and Recommendation (10), 802.1 organisation-specific TLVs.


def lldp_tlv(t, v):
    return struct.pack('>H', (t << 9) | len(v)) + v


def lldp(org_tlvs):
    body = lldp_tlv(1, h('04 001122334455')) + lldp_tlv(2, h('05 657468302e31')) + \
        lldp_tlv(3, h('0078'))
    for v in org_tlvs:
        body += lldp_tlv(127, h('0080c2') + v)
    body += lldp_tlv(0, b'')
    return ether(body, etype=0x88cc, dst='01:80:c2:00:00:0e', src='00:11:22:33:44:55')


ETS = h('f411f414 00320000 32000000 00020000 02000000')
dcb = [
    lldp([h('08 2000'), h('08 ff81'), h('08 20'), h('08 200011')]),
    lldp([h('09 00') + ETS, h('0a 00') + ETS]),
    lldp([h('09 ff') + ETS, h('0a ff') + ETS, h('09 c5') + ETS + h('aa')]),
    lldp([h('09 83') + ETS[:19], h('0a 00') + ETS[:10], h('09'), h('0a')]),
    lldp([h('09 4b 01234567 0a141e28323c4650 00010204ff0a0b0c'),
          h('0a 07 89abcdef 6400000000000000 ffffffffffffffff')]),
]
write('cfm_dcb', [(f, None) for f in dcb])
write('cfm_dcb_trunc', [(dcb[1], c) for c in (50, 60, 70, 80, 90)] +
      [(dcb[0], c) for c in (40, 45)])

# ---------------------------------------------------------------- GeoNetworking
# ethertypes 0x8947 and 0x0707: every header type and subtype, next
# headers, BTP ports and ITS PDU types, length errors, truncations.

LPV = h('c0cc000c426968be f7d08f10 1eaed88f 035fbd0e 00000000 00167000')
LPVN = h('c0cc000c426968be f7d08f10 ffffffff 80000000 00000000 00167000')
EXT = h('0eaf0300') + LPV


def gn(nh, ht, rest, lpv=LPV, etype=0x8947, plen=None):
    if plen is None:
        plen = len(rest)
    hdr = bytes([nh, ht, 0, 2]) + struct.pack('>H', plen) + h('0002') + lpv
    return ether(hdr + rest, etype=etype, dst='ff:ff:ff:ff:ff:ff', src='00:0c:42:69:68:be')


BTP = h('1388 1389 0001 41424344')
geo = []
for ht in (0x00, 0x10, 0x11, 0x1f, 0x20, 0x21, 0x30, 0x31, 0x32, 0x33, 0x40, 0x41, 0x42,
           0x43, 0x50, 0x52, 0x60, 0x61, 0x62, 0x70, 0x80, 0xf0, 0x0f):
    geo.append(gn(1, ht, BTP))
geo.append(gn(1, 0x51, EXT + BTP))
geo.append(gn(1, 0x51, EXT + BTP, etype=0x0707))
for nh in (0, 2, 3, 4, 15, 0x31, 0xc1):
    geo.append(gn(nh, 0x10, BTP))
for t in (0, 1, 2, 17, 100, 101, 102, 103, 104, 105, 106, 107, 108, 255):
    geo.append(gn(1, 0x10, h('1388 1388 00') + bytes([t]) + h('ccdd')))
for rest in ('', '1388', '1388 1389', '1388 1389 00', '1388 1389 0001',
             '1388 1389 0001 4142434445464748494a4b4c4d4e4f505152'):
    geo.append(gn(1, 0x10, h(rest)))
geo.append(gn(1, 0x51, h('1388')))
geo.append(gn(1, 0x10, h('1388'), lpv=LPVN))
geo.append(gn(2, 0x50, h('0000 0000 0000'), lpv=LPVN, plen=0xffff))
for short in ('', '01', '0110 0002 000a 0002', '0110 0002 000a 0002' + '00' * 26):
    geo.append(ether(h(short), etype=0x8947, src='00:0c:42:69:68:be'))
# CALM FAST beside it, as in a capture mixing the two
geo.append(ether(h('0000 01ac 8005 4455 3540'), etype=0x1111, src='00:0c:42:69:68:be'))
write('cfm_geonet', [(f, None) for f in geo])

full = gn(1, 0x10, h('1388 1389 0001 41424344'))
mh = gn(1, 0x51, EXT + h('1388 1389 0001 4142434445464748'))
write('cfm_geonet_trunc', [(full, c) for c in (15, 16, 20, 21, 22, 23, 24, 30, 40, 45,
                                                49, 50, 51, 52, 53, 54, 55, 56)] +
      [(mh, c) for c in (60, 70, 85, 86, 87, 88)] +
      [(gn(1, 0x20, h('1388 1389 0001 4142434445464748')), 52)])

# ---------------------------------------------------------------- Babel
# updates with prefix compression (omitted bytes taken from the previous
# prefix of the same family, default prefixes set by the flags), router
# IDs, next hops, and malformed lengths.
from pcaplib import ipv6, udp  # noqa: E402


def babel(body):
    pkt = bytes([42, 2]) + struct.pack('>H', len(body)) + body
    u = udp(pkt, 6696, 6696, src='fe80::1', dst='ff02::1:6')
    return ether(ipv6(u, 17, src='fe80::1', dst='ff02::1:6'), etype=0x86dd)


def tlv(t, v):
    return bytes([t, len(v)]) + v


def upd(ae, flags, plen, omit, prefix, seq=1, metric=96, interval=400):
    return tlv(8, bytes([ae, flags, plen, omit]) + struct.pack('>HHH', interval, seq, metric) + prefix)


bab = [
    babel(tlv(6, h('0000 0102030405060708')) +
          upd(2, 0x80, 64, 0, h('20010db800010000')) +
          upd(2, 0x00, 64, 4, h('00020000')) +
          upd(2, 0x00, 128, 8, h('0000000000000001')) +
          upd(1, 0x80, 24, 0, h('c00002')) +
          upd(1, 0x00, 32, 3, h('05')) +
          upd(3, 0x00, 128, 0, h('0211223344556677'))),
    babel(tlv(6, h('0000 0102030405060708')) + upd(2, 0x40, 64, 0, h('20010db800020000')) +
          upd(0, 0x00, 0, 0, b'') + upd(2, 0x00, 48, 2, h('0db80003'))),
    babel(upd(2, 0x00, 64, 9, h('00'))),                # omitting more than a prefix has
    babel(upd(1, 0x00, 33, 0, h('0102030405'))),        # plen out of range
    babel(upd(2, 0x00, 64, 0, h('2001'))),              # prefix shorter than plen says
    babel(tlv(8, h('0200 40'))),                        # TLV shorter than an update
    babel(tlv(7, h('0000 0190 fe800000000000000000000000000001'[:20])) +
          tlv(5, h('0200 0000 0190 fe80000000000000 0000000000000001')) +
          tlv(4, h('0000 1234 0190')) + tlv(2, h('0000 1234')) + tlv(1, b'') + tlv(0, b'')),
]
write('cfm_babel', [(f, None) for f in bab])
write('cfm_babel_trunc', [(bab[0], c) for c in (70, 75, 80, 90, 100, 110, 120, 130)])


# ---------------------------------------------------------------- Kerberos v4
# (the UDP port 88 packets of babel_update_oobr): each message type, both
# byte orders, error codes, strings running off the capture.
from pcaplib import ipv4  # noqa: E402

KH = '616263 00 646566 00 474849 00'
KRB = [
    '04 02 ' + KH + ' 11223344 88 6b7262 00 696e7374 00',
    '04 03 ' + KH + ' 11223344 88 6b7262 00 696e7374 00',
    '04 04 ' + KH + ' 11223344 88 6b7262 00 696e7374 00',
    '04 06 00',
    '04 08 00',
    '04 0a ' + KH + ' 11223344 00000005 6572726f72 00',
    '04 0b ' + KH + ' 11223344 05000000 6572726f72 00',
    '04 0c 00',
    '04 0e 00',
    '04 10 00',
    '04 00 00',
    '05 02 00',
    '1d 02',
    '00',
    '',
    '04',
    '04 02',
    '04 02 41',
    '04 06 07 5245414c4d 00 09 0a 0b 0c 0d 0e 0f',
    '04 07 07 5245414c4d 00 09 0a 0b 0c',
    '04 06 07 5245414c4d',
    '04 05 ' + KH + ' 0102030405060708090a0b0c',
    '04 0b ' + KH + ' 11223344 00010000 78 00',
    '04 02 ' + KH + ' 1122',
    '04 04 ' + KH + ' 01020304050607080910',
    '04 02 ff01 7f 80 00 00 00 11223344 01 00 00',
    '04 0b ' + KH + ' 11223344 00000000 78 00',
    '04 0b ' + KH + ' 11223344 01000000 78 00',
    '04 0b ' + KH + ' 11223344 0a000000 78 00',
    '04 0b ' + KH + ' 11223344 0b000000 78 00',
    '04 0b ' + KH + ' 11223344 ff000000 78 00',
    '04 12 ' + KH + ' 00',
    '04 13 ' + KH + ' 00',
    '04 fe ' + KH + ' 00',
    '04 ff ' + KH + ' 00',
    '04 01 ' + KH + ' 00',
]
krb = []
for sp, dp in ((88, 1000), (1000, 750)):
    krb += [ether(ipv4(udp(h(p), sp, dp), 17)) for p in KRB]
write('cfm_krb', [(f, None) for f in krb])

# ---------------------------------------------------------------- Cisco Auto-RP
# (the UDP port 496 packets of babel_update_oobr): announcements and
# mappings, PIM versions, negative and bidir groups, reserved bits, cuts.
ARP = [
    '11 02 003c 00000000 0a000001 01 02 00 08 0a000000 03 10 ac100000 c0a80001 02 01 01 18 c0a80100',
    '12 01 00b4 00000000 0a000001 03 01 00 04 e0000000', '21 01 00b4 00000000 0a000001 00 00',
    '13 01 00b4 00000000', '10 01 00b4 00000000', '11 00 00b4 00000000',
    '11 01 0000 00000000 0a000001 fe 01 fc 04 e0000000', '11 01 0000 00000001 0a000001 02 00',
    '11', '11 01 003c 0000', '11 01 003c 00000000 0a00', '11 01 003c 00000000 0a000001 02 01 00',
    '11 01 003c 00000000 0a000001 02 01 00 08 0a00', '11 01 003c 00000000 0a000001',
    '11 01 003c 00000000 0a000001 02',
    '12 02 ffff 00000000 0a000001 01 02 00 08 0a000000 03 10 ac100000 c0a80001 02 01 01 18 c0a80100',
]
autorp = [ether(ipv4(udp(h(p), 1512, 496), 17)) for p in ARP]
autorp.append(ether(ipv4(udp(h(ARP[0]), 496, 1512), 17)))
write('cfm_autorp', [(f, None) for f in autorp])
