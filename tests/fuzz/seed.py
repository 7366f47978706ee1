#!/usr/bin/env python3
"""Seeds a libFuzzer corpus from capture files.

fuzz_file takes whole files (cut to 64 KiB); fuzz_print takes single packets,
prefixed with the link-type selector byte and a flag byte."""
import os
import struct
import sys

LINKS = {1: 0, 0: 1, 108: 2, 101: 3, 228: 4, 229: 5, 113: 6, 276: 7,
         105: 8, 127: 9, 119: 10, 163: 11, 195: 12, 230: 13, 283: 14}

def packets(path):
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) < 24:
        return
    magic = data[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        e = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        e = '>'
    else:
        return
    link = struct.unpack(e + 'I', data[20:24])[0] & 0xffff
    if link not in LINKS:
        return
    off = 24
    while off + 16 <= len(data):
        caplen = struct.unpack(e + 'I', data[off + 8:off + 12])[0]
        off += 16
        if caplen > 65536 or off + caplen > len(data):
            return
        yield LINKS[link], data[off:off + caplen]
        off += caplen

def main():
    harness, corpus, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    n = 0
    for i, path in enumerate(files):
        if harness == 'fuzz_file':
            with open(path, 'rb') as f:
                blob = f.read(65536)
            name = 'f%04d' % i
            with open(os.path.join(corpus, name), 'wb') as o:
                o.write(blob)
            n += 1
            continue
        for j, (sel, pkt) in enumerate(packets(path)):
            if j >= 20:
                break
            flags = (i * 7 + j * 13) & 0xff
            with open(os.path.join(corpus, 'p%04d_%02d' % (i, j)), 'wb') as o:
                o.write(bytes([sel, flags]) + pkt)
            n += 1
    print('seeded %d inputs for %s' % (n, harness))

main()
