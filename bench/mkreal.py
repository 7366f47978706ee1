#!/usr/bin/env python3
"""Builds a capture of real traffic for the benchmarks: the Ethernet
captures of the conformance corpus (classic pcap, either byte order,
microsecond or nanosecond), their packets concatenated and repeated until
the file holds at least SIZE megabytes, timestamps made increasing (each
copy starts a millisecond after the last packet written; within a copy
each packet keeps its distance from the one before, but never less than
zero nor more than a second).

    mkreal.py SIZE_MB OUT [CORPUS_DIR]

Writes a little-endian microsecond pcap, snap length 262144, and prints the
number of source captures, packets and bytes.  Deterministic: the same
corpus gives the same file."""
import glob
import os
import struct
import sys

size = int(sys.argv[1]) << 20
out = sys.argv[2]
corpus = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'conformance', 'tcpdump-4.99.3')

MAGICS = {b'\xd4\xc3\xb2\xa1': ('<', 1000), b'\xa1\xb2\xc3\xd4': ('>', 1000),
          b'\x4d\x3c\xb2\xa1': ('<', 1), b'\xa1\xb2\x3c\x4d': ('>', 1)}


def packets(path):
    """(ts in ns, orig len, bytes) of an Ethernet classic pcap, else []."""
    d = open(path, 'rb').read()
    if len(d) < 24 or d[:4] not in MAGICS:
        return []
    e, mul = MAGICS[d[:4]]
    if struct.unpack(e + 'I', d[20:24])[0] & 0x0fffffff != 1:
        return []
    o, res = 24, []
    while o + 16 <= len(d):
        sec, frac, incl, orig = struct.unpack(e + 'IIII', d[o:o + 16])
        if incl > 262144 or o + 16 + incl > len(d) or frac >= 1000000000:
            break
        res.append((sec * 1000000000 + frac * mul, max(orig, incl), d[o + 16:o + 16 + incl]))
        o += 16 + incl
    return res


srcs = [p for p in sorted(glob.glob(os.path.join(corpus, '*.pcap'))) if packets(p)]
if not srcs:
    sys.exit('mkreal: no Ethernet captures in %s' % corpus)
allp = []
for p in srcs:
    allp.append(packets(p))
written, npk = 24, 0
t = 1000000000 * 1000000000  # 2001-09-09, in ns
with open(out, 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    while written < size:
        for pk in allp:
            prev = pk[0][0]
            t += 1000000
            for ts, orig, b in pk:
                t += min(max(ts - prev, 0), 1000000000)
                prev = ts
                us = t // 1000
                f.write(struct.pack('<IIII', us // 1000000, us % 1000000, len(b), orig))
                f.write(b)
                written += 16 + len(b)
                npk += 1
            if written >= size:
                break
print('mkreal: %d captures, %d packets, %d bytes' % (len(srcs), npk, written))
