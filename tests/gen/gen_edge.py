#!/usr/bin/env python3
"""Held-back families of issue 16 that need no printer of their own:
LISP with lengths that lie, Kerberos over TCP, LDAP over TCP and UDP
(edge_misc.pcap); and pcapng timestamps past 2038 and 2106, from interfaces
with microsecond and nanosecond resolution (edge_times.pcap, a pcapng file
despite its name: libpcap goes by the magic).  tcpdump refuses the seconds
whose bit 31 is set and prints the others, with -tt the low 32 bits.

    python3 gen_edge.py DIR
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import ether, ipv4, udp, udp4, tcp4, write_frames  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'


def misc():
    lisp = [
        # map-register claiming one record of 20 bytes, then less
        bytes([0x30, 0, 0, 1]) + bytes(8) + struct.pack('!HH', 1, 20) + bytes(20) +
        bytes([0, 0, 0, 0x18, 0, 1, 0x20, 0]) + bytes(4),
        # five records announced, four bytes of them
        bytes([0x30, 0, 0, 5]) + bytes(8) + struct.pack('!HH', 1, 20) + bytes(4),
        # a map-request cut short
        bytes([0x10, 0, 0, 1]) + bytes(8) + bytes(4),
    ]
    frames = [udp4(p, 4342, 4342) for p in lisp]
    krb5 = bytes([0x6a, 0x10]) + bytes(16)  # an AS-REQ's application tag
    frames += [tcp4(struct.pack('!I', len(krb5)) + krb5, 40000, 88), tcp4(krb5, 88, 40000)]
    ldap = bytes([0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00,
                  0x80, 0x00])  # a simple bind request
    frames += [tcp4(ldap, 40001, 389), udp4(ldap, 40002, 389)]
    write_frames(os.path.join(OUT, 'edge_misc.pcap'), frames)


def block(t, body):
    body += bytes((-len(body)) % 4)
    n = 12 + len(body)
    return struct.pack('<II', t, n) + body + struct.pack('<I', n)


def times():
    shb = block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))
    idb_us = block(1, struct.pack('<HHI', 1, 0, 65535))
    # if_tsresol 9: nanoseconds
    idb_ns = block(1, struct.pack('<HHI', 1, 0, 65535) + struct.pack('<HHB', 9, 1, 9) + bytes(3) +
                   struct.pack('<HH', 0, 0))
    pkt = ether(ipv4(udp(b'x' * 8, 1000, 2000), 17))

    def epb(ifid, ts):
        return block(6, struct.pack('<IIIII', ifid, ts >> 32, ts & 0xffffffff, len(pkt), len(pkt)) + pkt)
    data = shb + idb_us + idb_ns
    for s in (1700000000, 2**31 - 1, 2**31, 2**32, 2**33, 10**11, 253402300799, 10**12, 2**40,
              2**42 - 1, 9 * 10**12):
        data += epb(0, s * 10**6 + 5)
    for s in (5000000000, 2**32, 2**32 + 2**31):
        data += epb(1, s * 10**9 + 123456789)
    with open(os.path.join(OUT, 'edge_times.pcap'), 'wb') as f:
        f.write(data)


os.makedirs(OUT, exist_ok=True)
misc()
times()
