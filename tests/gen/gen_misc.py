#!/usr/bin/env python3
"""gen_misc - golden captures for the misc area: the Juniper link types
(ATM1, ES, Ethernet: flags, extension TLVs, cookies, no-L2 frames), SunATM
(LLC, LANE, Q.2931 signalling, OAM F4/F5 cells with right and wrong
CRC-10s), each with a truncated twin.
Usage: python3 gen_misc.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import ether, ipv4, udp, write_frames  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
DLT_SUNATM, DLT_JUNIPER_ES, DLT_JUNIPER_ATM1, DLT_JUNIPER_ETHER = 123, 132, 137, 178


def h(text):
    return bytes.fromhex(text.replace(' ', ''))


def crc10(data):
    crc = 0
    for byte in data:
        for b in range(7, -1, -1):
            top = (crc >> 9) & 1
            crc = (crc << 1) & 0x3ff
            if top ^ ((byte >> b) & 1):
                crc ^= 0x233
    return crc


def oam_payload(ct, body, good=True):
    """48 bytes: type octet, body, CRC-10 in the last ten bits."""
    pl = bytes([ct]) + body
    pl = pl[:46] + b'\0' * (46 - len(pl[:46]))
    if not good:
        return pl + b'\x01\x23'
    for c in range(1024):
        if crc10(pl + struct.pack('>H', c)) == 0:
            return pl + struct.pack('>H', c)
    raise ValueError('no CRC-10')


IP = h('4500001c00010000400100000a0000010a000002 0800f7ff00000000')
ETH = h('00112233445566778899aabb0800') + IP
LLC_IP = h('aaaa030000000800') + IP
LOOP = bytes([0x01]) + h('01020304') + bytes(range(16)) + bytes(range(16, 32))

ext_all = h('0104 05000000 0203 657430 0301 01 0401 07 0502 0100 0601 0e 0701 21 0801 12 0903 010203')
juniper_atm1 = [
    h('4d474300 aabbccdd') + LLC_IP,
    h('4d474301 aabbccdd') + LLC_IP,
    h('4d474381') + struct.pack('>H', len(ext_all)) + ext_all + h('aabbccdd') + LLC_IP,
    h('4d474385 0004 0604 00000005 aabbccdd') + LLC_IP,
    h('4d474340 aabbccdd') + h('fefe03') + h('cc') + IP,
    h('4d474300 aabbccdd 03cc') + IP,
    h('4d474300 aabbccdd') + IP,
    h('4d474300 aabbccdd 0000 0000 00'),
    h('4d474300 80bbccdd 0012345a') + oam_payload(0x18, LOOP),
    h('4d474300 80bbccdd 0012345a') + oam_payload(0x10, h('01 02') + bytes(range(16))),
    h('4d474300 80bbccdd 0012345a') + oam_payload(0x11, h('01 02') + bytes(range(16)), good=False),
    h('4d474300 80bbccdd 00000030') + oam_payload(0x24, b''),
    h('4d474300 80bbccdd 00000042') + oam_payload(0x81, b''),
    h('4d474300 80bbccdd 0000004e') + oam_payload(0xf0, b''),
    h('4d474302 00000002') + IP,
    h('4d474302 00000000 00'),
    h('4d474381 0004 0130 0000 aabbccdd') + LLC_IP,   # TLV overruns the list
    h('4d475300 aabbccdd') + LLC_IP,                   # bad magic
]
juniper_es = [
    h('4d474300 0102 0301 05060708 0a0b0c0d 01020304') + IP,
    h('4d474301 0102 0303 05060708 0a0b0c0d 01020304') + IP,
    h('4d474300 0102 0304 05060708 0a0b0c0d 01020304') + IP,
    h('4d474300 0102 0305 05060708 0a0b0c0d 01020304') + IP,
    h('4d474300 0102 0300 05060708 0a0b0c0d 01020304') + IP,
    h('4d474300 0102 0302') + IP,
]
juniper_ether = [
    h('4d474300') + ETH,
    h('4d474301') + ETH,
    h('4d474381 0003 0301 01') + ETH,
    h('4d474302 00000000') + IP,
    h('4d474302 00000000 4f'),
    h('4d474302 00000000 20'),
]
sunatm = [
    h('02000020') + LLC_IP,
    h('81010021') + LLC_IP,
    h('01000020 aaaa') + ETH,
    h('00000005 0903aabbcc05'),
    h('00000005 0903aabbcc4d'),
    h('00000005 0903aabbcc99'),
    h('00000005 0803'),
    h('00000003 00') + h('00000038') + oam_payload(0x18, LOOP),
    h('00000004 00') + h('00000048') + oam_payload(0x14, b''),
    h('00000003 00') + h('0000003a') + oam_payload(0x18, LOOP, good=False),
]


RTP = [h(x) for x in (
    '', '00', '80000001', '8000000100000002', '800000010000000200000003',
    '80080001 00000002 00000003 aabb', '90080001 00000002 00000003 00010000',
    '90080001 00000002 00000003 00010002 aabbccdd', '90880001 00000002 00000003 00000000',
    '801f0001 00000002 00000003 aabbccdd', '901f0001 00000002 00000003 00010000 aabbccdd',
    '82080001 00000002 00000003 00000004 00000005', 'a0e00001 00000002 00000003',
    '40800001 00000002 80010000', '40800001 00000002 00020000 80010000',
    '40800001 00000002 00000000', '409f0001 00000002 80010000 aabbccdd',
    '40c00001 00000002 80010000', '40400001 00000002', 'c0080001 00000002 00000003')]
rtp = [ether(ipv4(udp(x, 5004, 5006), 17)) for x in RTP]

PPPE = [h(x) for x in (
    '80fd 0101 0004', '0021', 'ff03 0021', 'ff03 c021 0101 0008 0304c023',
    '80fd 0101 000f 1805 ff', 'ff', '', '8888 00')]
ppp_eth = [h('00112233445566778899aabb 880b') + x + (IP if x in (h('0021'), h('ff03 0021')) else b'')
           for x in PPPE]


def write(name, dlt, frames, cuts=None):
    # with cuts, each frame cut at several depths: header, cookie, payload
    write_frames(os.path.join(OUT, name + '.pcap'), frames, linktype=dlt, cuts=cuts)


os.makedirs(OUT, exist_ok=True)
for name, dlt, frames in (('misc_juniper_atm1', DLT_JUNIPER_ATM1, juniper_atm1),
                          ('misc_juniper_es', DLT_JUNIPER_ES, juniper_es),
                          ('misc_juniper_ether', DLT_JUNIPER_ETHER, juniper_ether),
                          ('misc_sunatm', DLT_SUNATM, sunatm)):
    write(name, dlt, frames)
    write(name + '_trunc', dlt, frames, cuts=[2, 5, 7, 9, 11, 14, 20, 30])
write('misc_rtp', 1, rtp)
write('misc_pppeth', 1, ppp_eth)
write('misc_pppeth_trunc', 1, ppp_eth, cuts=[15, 17, 19, 21])
write('misc_rtp_trunc', 1, rtp[4:], cuts=[44, 48, 52, 54, 56])
