#!/usr/bin/env python3
"""gen_aoe - golden captures for AoE's Reserve/Release command, whose
argument tcpdump 4.99.3 takes only when it is two bytes and whole Ethernet
addresses, the address count agreeing with the length (else "(invalid)"):
every argument length from 0 to 25 bytes with 0 to 3 addresses, whole and
with the last 3 bytes not captured.
Usage: python3 gen_aoe.py OUTDIR.  Deterministic."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, write_frames  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'

frames = []
for alen in range(26):
    for nmacs in range(4):
        head = bytes([0x18, 0, 0x40, 0xf6, 2, 3, 1, 1, 1, 1])  # response, Reserve/Release
        arg = (bytes([1, nmacs]) + bytes(range(1, 25)))[:alen]
        frames.append(ether(head + arg, 0x88a2))
write_frames(os.path.join(OUT, 'aoe_reserve.pcap'), frames)
cut = Pcap(os.path.join(OUT, 'aoe_reserve_cut.pcap'))
for f in frames:
    cut.add(f, caplen=len(f) - 3)
cut.close()
