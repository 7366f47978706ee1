#!/usr/bin/env python3
"""gen_tsinv - savefiles whose timestamps' fractions are invalid: a
million microseconds or more in a microsecond file (magic 0xa1b2c3d4), a
billion nanoseconds or more in a nanosecond one (0xa1b23c4d), up to
2^32 - 1, in this machine's byte order (libpcap reads them signed) and
byte-swapped (read unsigned), with seconds past 2038 in the swapped ones;
and a pcapng file whose microsecond and nanosecond interfaces carry the
largest valid fractions (pcapng has no invalid ones: libpcap splits one
64-bit count).  tcpdump prints such a fraction's low 32 bits with all
their digits, and -ttt and -ttttt borrow one second at most.

    python3 gen_tsinv.py DIR
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import ether, ipv4, udp  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
PKT = ether(ipv4(udp(b'tsinv..!', 1000, 2000), 17))
S = 1700000000
W = 2 ** 32

# (seconds after S, fraction): three packets a second, so that -ttt sees
# fractions go up, down, past the unit and past 2^31 within a second and
# across one
US = [0, 999999, 1000000, 1000001, 1999999, 2000000, 4294967, 4294968, 12345678,
      2 ** 31 - 1, 2 ** 31, W - 1, 5, 999999, 1000000, 0]
NS = [0, 999999999, 1000000000, 1000000001, 1999999999, 2 ** 31 - 1, 2 ** 31, W - 1, 5,
      999999999, 123456789, 4294967, 2 ** 31 + 999, 1000000000, 0]
# absolute seconds: past 2038 and 2106's eve, for the swapped files
SECS = [(S, 5), (2 ** 31 - 1, 5), (2 ** 31, 5), (W - 1, 999999), (2 ** 31 + 5, 2 ** 31),
        (S, W - 1), (S + 1, 1000000)]


def savefile(name, magic, recs, endian='<'):
    with open(os.path.join(OUT, name + '.pcap'), 'wb') as f:
        f.write(struct.pack(endian + 'IHHiIII', magic, 2, 4, 0, 0, 65535, 1))
        for sec, frac in recs:
            f.write(struct.pack(endian + 'IIII', sec, frac, len(PKT), len(PKT)) + PKT)


def rel(fracs):
    return [(S + i // 3, fr) for i, fr in enumerate(fracs)]


def block(t, body):
    body += bytes((-len(body)) % 4)
    n = 12 + len(body)
    return struct.pack('<II', t, n) + body + struct.pack('<I', n)


def pcapng():
    shb = block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))
    idb_us = block(1, struct.pack('<HHI', 1, 0, 65535))
    idb_ns = block(1, struct.pack('<HHI', 1, 0, 65535) + struct.pack('<HHB', 9, 1, 9) + bytes(3) +
                   struct.pack('<HH', 0, 0))

    def epb(ifid, ts):
        return block(6, struct.pack('<IIIII', ifid, ts >> 32, ts & 0xffffffff, len(PKT), len(PKT)) + PKT)
    data = shb + idb_us + idb_ns
    for ifid, unit, fr in ((0, 10 ** 6, 999999), (1, 10 ** 9, 999999999), (1, 10 ** 9, 1),
                           (0, 10 ** 6, 0), (1, 10 ** 9, 999999499), (0, 10 ** 6, 1),
                           (1, 10 ** 9, 500)):
        data += epb(ifid, S * unit + fr)
    with open(os.path.join(OUT, 'tsinv_ng.pcap'), 'wb') as f:
        f.write(data)


os.makedirs(OUT, exist_ok=True)
savefile('tsinv_us', 0xa1b2c3d4, rel(US))
savefile('tsinv_ns', 0xa1b23c4d, rel(NS))
savefile('tsinv_usbe', 0xa1b2c3d4, rel(US) + SECS, '>')
savefile('tsinv_nsbe', 0xa1b23c4d, rel(NS) + SECS, '>')
savefile('tsinv_secs', 0xa1b2c3d4, SECS)
pcapng()
