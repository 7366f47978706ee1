#!/usr/bin/env python3
"""seed_engine.py CORPUS_DIR - seeds for fuzz_engine: the planted incident of
tests/gen/gen_rules.py (and its traffic's pieces), as the harness's records
([sel][len_hi][len_lo][packet]; sel 0: Ethernet, no time step), in runs of
up to 40 packets, plus the whole capture in one seed."""
import os
import struct
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = sys.argv[1]
os.makedirs(corpus, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, os.path.join(here, '..', 'gen', 'gen_rules.py'), tmp],
                   check=True, stdout=subprocess.DEVNULL)
    data = open(os.path.join(tmp, 'incident.pcap'), 'rb').read()
magic = struct.unpack('<I', data[:4])[0]
end = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
pkts, o = [], 24
while o + 16 <= len(data):
    _, _, incl, _ = struct.unpack(end + 'IIII', data[o:o + 16])
    pkts.append(data[o + 16:o + 16 + incl])
    o += 16 + incl


def rec(p, sel=0):
    return bytes([sel, len(p) >> 8 & 255, len(p) & 255]) + p


for i in range(0, len(pkts), 40):
    with open(os.path.join(corpus, 'run-%03d' % (i // 40)), 'wb') as f:
        f.write(b''.join(rec(p, 4 if j % 7 == 0 else 0) for j, p in enumerate(pkts[i:i + 40])))
with open(os.path.join(corpus, 'all'), 'wb') as f:
    f.write(b''.join(rec(p) for p in pkts))
with open(os.path.join(corpus, 'all-json'), 'wb') as f:
    f.write(b''.join(rec(p, 16 | 12) for p in pkts))
