#!/usr/bin/env python3
"""Throughput over the first and the last gigabyte of a capture.

    bench/flat.py CAPTURE -- COMMAND [ARG...]

COMMAND prints one line per packet of CAPTURE (e.g. `trawl -r CAPTURE`).
This script first walks CAPTURE's record headers (classic pcap) to find the
packet numbers at which the first GiB ends and the last GiB starts, then
runs COMMAND, counts its output lines as they arrive, and notes the time at
which each of those packet numbers is reached.  Output is read in 1 MiB
chunks, and trawl writes in 1 MiB blocks, so the marks are exact to about ten
thousand packets.

Prints: first_GiB_MB/s last_GiB_MB/s last/first, and checks that the line
count equals the packet count (a printer that wrote two lines for a packet
would skew the marks; the run is then reported as unusable)."""
import mmap
import struct
import subprocess
import sys
import time

GIB = 1 << 30


def marks(path):
    """Packet counts at the end of the first GiB and the start of the last."""
    with open(path, 'rb') as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        size = len(m)
        magic = m[:4]
        if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
            fmt = '<IIII'
        elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
            fmt = '>IIII'
        else:
            sys.exit('flat.py: %s: not a classic pcap file' % path)
        if size < 2 * GIB:
            sys.exit('flat.py: %s: needs at least 2 GiB, has %d bytes' % (path, size))
        unpack = struct.Struct(fmt).unpack_from
        off, n = 24, 0
        first_end = last_start = None
        while off + 16 <= size:
            if first_end is None and off >= GIB:
                first_end = (n, off)
            if last_start is None and off >= size - GIB:
                last_start = (n, off)
            caplen = unpack(m, off)[2]
            off += 16 + caplen
            n += 1
        return size, n, first_end, last_start


def main():
    if len(sys.argv) < 4 or sys.argv[2] != '--':
        sys.exit(__doc__)
    size, total, (n1, o1), (n2, o2) = marks(sys.argv[1])
    start = time.monotonic()
    proc = subprocess.Popen(sys.argv[3:], stdout=subprocess.PIPE)
    lines, t1, t2 = 0, None, None
    read = proc.stdout.read
    while True:
        chunk = read(1 << 20)
        if not chunk:
            break
        lines += chunk.count(b'\n')
        now = time.monotonic() - start
        if t1 is None and lines >= n1:
            t1 = now
        if t2 is None and lines >= n2:
            t2 = now
    end = time.monotonic() - start
    proc.wait()
    if lines != total or t1 is None or t2 is None:
        sys.exit('flat.py: %d lines for %d packets; unusable' % (lines, total))
    first = o1 / t1 / 1e6
    last = (size - o2) / (end - t2) / 1e6
    print('packets %d, size %d MiB, total %.1f s' % (total, size >> 20, end))
    print('first GiB %.1f MB/s, last GiB %.1f MB/s, last/first %.3f' % (first, last, last / first))


if __name__ == '__main__':
    main()
