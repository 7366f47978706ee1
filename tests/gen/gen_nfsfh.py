#!/usr/bin/env python3
"""gen_nfsfh - golden captures for NFS file handles: NFSv2 and NFSv3 calls
whose handles take each branch of tcpdump's server guess (Auspex, SunOS 4,
IRIX 4, DEC OSF/1 both ways, BSD 4.4, Ultrix, SunOS 5 both ways, HP-UX 9,
VMS UCX names, the Unknown fallback), v3 handles of short, odd, long and
over-long lengths, and a capture cut by the snap length inside handles.
Usage: python3 gen_nfsfh.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, udp  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
GETATTR3, LOOKUP3, READLINK3, RENAME3 = 1, 3, 5, 14
GETATTR2, LOOKUP2, READLINK2 = 1, 4, 5


def h(text):
    return bytes.fromhex(text.replace(' ', ''))


def fh(*sets, n=32, base=None):
    """n bytes: base (default zeros) with sets of (offset, bytes) laid on."""
    b = bytearray(base if base is not None else bytes(n))[:n]
    b += bytes(n - len(b))
    for off, val in sets:
        b[off:off + len(val)] = val
    return bytes(b)


DISTINCT = bytes(range(0x20, 0x60))  # every byte different, none zero


def call(xid, vers, proc, body):
    return struct.pack('!IIIIIIIIII', xid, 0, 2, 100003, vers, proc, 0, 0, 0, 0) + body


def v3fh(b):
    return struct.pack('!I', len(b)) + b + bytes(-len(b) % 4)


def name(s):
    return struct.pack('!I', len(s)) + s + bytes(-len(s) % 4)


def frame(rpc, sport=812):
    return ether(ipv4(udp(rpc, sport, 2049), 17))


# (handle, why) for 32-byte handles, each a branch of the guess
HANDLES = [
    (bytes(32), 'all zero: Auspex'),
    (fh(base=DISTINCT, n=32, *[(0, h('0000 0000'))]), 'Auspex, bytes 6,7 and 12..15'),
    (fh(base=DISTINCT, n=32, *[(0, h('0000'))]), 'SunOS 4'),
    (h('0000 0702 0000 0000 000a 0000 0000 1234 0000 5678 000a 0000 0000 0002 0000 abcd'),
     'SunOS 4, a typical one'),
    (fh(base=DISTINCT, n=32, *[(0, h('0000')), (4, h('0100')), (8, h('0c00'))]),
     'DEC OSF/1 with a zero minor'),
    (fh(base=DISTINCT, n=32, *[(0, h('0000')), (4, h('0008 0000'))]), 'IRIX 4'),
    (fh(base=DISTINCT, n=32, *[(2, h('0000')), (6, h('0000'))]), 'BSD 4.4'),
    (fh((0, h('41')), n=32), 'BSD 4.4, one byte'),
    (fh(base=DISTINCT, n=32, *[(2, h('0000')), (21, h('00')), (23, h('00'))]), 'Ultrix'),
    (fh(base=DISTINCT, n=32, *[(2, h('0000')), (9, h('0a'))]), 'SunOS 5, zero low fsid'),
    (fh((0, h('0100')), (6, h('01')), (21, h('01'))), 'Unknown: no Ultrix, no SunOS 5'),
    (fh(base=DISTINCT, n=32, *[(8, h('0c00'))]), 'DEC OSF/1'),
    (fh(base=DISTINCT, n=32, *[(8, h('000a'))]), 'SunOS 5'),
    (h('0700 0002 0700 0000 000a 0000 0000 1234 0000 5678 000a 0000 0000 0002 0000 abcd'),
     'SunOS 5, a typical one'),
    (fh(base=DISTINCT, n=32, *[(4, h('0000 0000 000a'))]), 'HP-UX 9'),
    (fh(base=DISTINCT, n=32, *[(7, h('02')), (8, h('000a'))]), 'SunOS 5, byte 7 is 2'),
    (b'0' * 32, 'VMS UCX, all ASCII zero digits'),
    (b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef', 'VMS UCX name'),
    (fh((0, b'\x06DISK$A'), (22, h('1122')), (26, h('3344'))), 'VMS UCX, NUL-ended name'),
    (fh((0, b'ABC DEFGHIJKLM'), (22, h('0102')), (26, h('0304'))), 'VMS UCX, name cut at a space'),
    (fh((0, b'A BCDEFGHIJKLM')), 'VMS UCX, empty name'),
    (fh((0, b'ABCDEFGHIJKLMN'), (14, h('ff80 01'))), 'VMS UCX, bytes past 13 unchecked'),
    (fh((0, b'ABCDEFGHIJKLM\x01')), 'Unknown: byte 13 not printable'),
    (fh((0, b'ABC\0EFGH')), 'Unknown: a character after the NUL'),
    (fh((0, b'ABCDEFG\x7f')), 'Unknown: DEL'),
    (bytes(range(1, 33)), 'Unknown: counting bytes'),
]


def v2():
    p = Pcap(os.path.join(OUT, 'nfsfh_v2.pcap'))
    for i, (b, _) in enumerate(HANDLES):
        p.add(frame(call(0x2000 + i, 2, GETATTR2, b)))
    p.add(frame(call(0x2100, 2, LOOKUP2, HANDLES[3][0] + name(b'etc'))))
    p.add(frame(call(0x2101, 2, READLINK2, HANDLES[17][0])))
    p.close()


def v3():
    p = Pcap(os.path.join(OUT, 'nfsfh_v3.pcap'))
    xid = 0x3000
    for b, _ in HANDLES:
        p.add(frame(call(xid, 3, GETATTR3, v3fh(b))))
        xid += 1
    ucx = b'ABCDEFGHIJKLMNabcdefghijklmnopqrstuvwxyz0123456789' * 6
    ultrix = fh((0, h('0102')), (4, h('0506 0708')), n=64)
    others = [
        bytes(0), bytes(4), h('0102 0304 0506 0708 090a 0b0c'),  # too short to guess
        bytes(15), bytes(16), fh((12, h('01')), n=16),
        fh((0, h('0100')), (6, h('01')), n=20),       # Ultrix wants 24 bytes
        fh((0, h('0100')), (6, h('01')), n=24),
        fh((0, h('0100')), (6, h('01')), (9, h('0a')), n=16),  # SunOS 5 in 16
        ucx[:24], ucx[:27], ucx[:28], ucx[:36], ucx[:60], ucx[:64],  # UCX wants 28
        ucx[:68], ucx[:256], ucx[:300],                 # names of 64 at most
        fh((0, b'ABCDEFGHIJKLMN'), (14, h('8081 0082')), n=64),
        ultrix, fh(base=DISTINCT, n=64, *[(8, h('000a'))]),
    ]
    for b in others:
        p.add(frame(call(xid, 3, GETATTR3, v3fh(b))))
        xid += 1
    p.add(frame(call(xid, 3, LOOKUP3, v3fh(HANDLES[14][0]) + name(b'passwd'))))
    p.add(frame(call(xid + 1, 3, READLINK3, v3fh(ucx[:32]))))
    p.add(frame(call(xid + 2, 3, RENAME3, v3fh(HANDLES[3][0]) + name(b'a') +
                     v3fh(ultrix) + name(b'b'))))
    p.close()


def trunc():
    """Cut inside a handle, right after one, and inside a second one."""
    p = Pcap(os.path.join(OUT, 'nfsfh_trunc.pcap'))
    hdr = 14 + 20 + 8 + 40
    for i, (b, cut) in enumerate([
            (HANDLES[17][0], hdr + 20), (HANDLES[3][0], hdr + 4 + 31),
            (HANDLES[3][0], hdr + 4 + 32), (HANDLES[13][0], hdr + 4 + 32 + 8 + 10)]):
        body = v3fh(b) + name(b'a') + v3fh(HANDLES[8][0]) + name(b'b')
        p.add(frame(call(0x4000 + i, 3, RENAME3, body)), caplen=cut)
    p.add(frame(call(0x4010, 2, GETATTR2, HANDLES[16][0])), caplen=hdr + 31)
    p.close()


v2()
v3()
trunc()
