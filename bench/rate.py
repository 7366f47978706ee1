#!/usr/bin/env python3
"""Reads a printer's output on stdin and reports its throughput in lines
(packets) per second over the first and the last tenth of the run, to show
whether speed holds as caches fill.  Prints: first_rate last_rate ratio."""
import sys
import time

marks = []
lines = 0
start = time.monotonic()
read = sys.stdin.buffer.read
while True:
    chunk = read(1 << 20)
    if not chunk:
        break
    lines += chunk.count(b'\n')
    marks.append((time.monotonic() - start, lines))
if lines < 10 or len(marks) < 10:
    print('0 0 0')
    sys.exit(0)

def at(fraction):
    target = lines * fraction
    for t, n in marks:
        if n >= target:
            return t, n
    return marks[-1]

t1, n1 = at(0.1)
t9, n9 = at(0.9)
tend, nend = marks[-1]
first = n1 / t1 if t1 > 0 else 0
last = (nend - n9) / (tend - t9) if tend > t9 else 0
print('%.0f %.0f %.3f' % (first, last, last / first if first else 0))
