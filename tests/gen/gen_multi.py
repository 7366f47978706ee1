#!/usr/bin/env python3
"""gen_multi.py DIR - captures for tests/analyze/multi.sh: one capture
(DIR/all.pcap) and the same packets cut into several files at many places
(DIR/cutN/part-K.pcap, several ways), so that conversations cross file
boundaries: TCP handshakes whose SYN, SYN/ACK and ACK land in different
files, SYNs from both sides, resets, closes, UDP, ICMP (both directions
first), ARP and non-IP frames, equal and backward timestamps.  Also
DIR/hosts.pcap and its halves: more hosts than the summary's talker table
holds.  Deterministic (seeded)."""
import os
import random
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import ether, ipv4, ipv6, tcp, udp, mac  # noqa: E402

SYN, FIN, RST, PSH, ACK = 0x02, 0x01, 0x04, 0x08, 0x10


def icmp4(t, c, rest=b'\0\0\0\0'):
    return struct.pack('!BBH', t, c, 0) + rest


def write(path, recs, linktype=1):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for t, fr in recs:
            f.write(struct.pack('<IIII', t // 1000000, t % 1000000, len(fr), len(fr)))
            f.write(fr)


def flows_capture(rng):
    hosts4 = ['10.0.%d.%d' % (rng.randrange(4), rng.randrange(1, 30)) for _ in range(40)]
    hosts6 = ['2001:db8::%x' % rng.randrange(1, 40) for _ in range(12)]
    convs = []
    for i in range(90):
        v6 = rng.random() < 0.2
        hs = hosts6 if v6 else hosts4
        a, b = rng.sample(hs, 2)
        kind = rng.choice(['tcp'] * 6 + ['udp'] * 2 + ['icmp'])
        pa = rng.choice([80, 443, 22, 53, 25, 1234, 40000 + i])
        pb = rng.choice([80, 443, 1500, 50000 + i, 60000 + i])
        convs.append((kind, v6, a, b, pa, pb))
    # handshakes in order, with data one way only (established by the
    # handshake alone), some answered by a SYN from the other side first
    scripts = []
    for i in range(30):
        c, sv = '10.9.%d.1' % i, '10.9.%d.2' % i
        steps = [(c, sv, SYN), (sv, c, SYN | ACK), (c, sv, ACK), (c, sv, PSH | ACK)]
        if i % 5 == 0:
            steps.insert(0, (sv, c, SYN))
        if i % 7 == 0:
            steps.insert(2, (sv, c, ACK))
        scripts.append(steps)
    recs = []
    t = 1700000000 * 1000000
    seqs = {}
    for n in range(3000):
        r = rng.random()
        live = [x for i, x in enumerate(scripts) if x and n >= i * 95]  # some start late
        if live and r < 0.06:
            a, b, fl = rng.choice(live).pop(0)
            pa, pb = (33000, 80) if a.endswith('.1') else (80, 33000)
            fr = ether(ipv4(tcp(b'GET' if fl & PSH else b'', pa, pb, flags=fl, ack=1, src=a, dst=b),
                            6, a, b))
        elif r < 0.08:  # ARP request or reply
            op = rng.choice([1, 2])
            spa, tpa = rng.sample(['10.0.0.1', '10.0.0.2', '10.0.0.3'], 2)
            arp = struct.pack('!HHBBH', 1, 0x0800, 6, 4, op) + mac('00:00:00:00:00:0%d' % rng.randrange(1, 4)) + \
                bytes(int(x) for x in spa.split('.')) + b'\0' * 6 + bytes(int(x) for x in tpa.split('.'))
            fr = ether(arp, 0x0806)
        elif r < 0.09:  # LLDP-like, non-IP
            fr = ether(b'\x02\x07\x04' + bytes(20), 0x88cc,
                       src='00:11:22:33:44:%02x' % rng.randrange(3))
        else:
            kind, v6, a, b, pa, pb = rng.choice(convs)
            if rng.random() < 0.5:
                a, b, pa, pb = b, a, pb, pa
            if kind == 'tcp':
                fl = rng.choice([SYN, SYN | ACK, ACK, ACK, ACK, PSH | ACK, PSH | ACK, PSH | ACK,
                                 PSH, 0] * 8 + [FIN | ACK, FIN | ACK, RST, RST | ACK])
                data = bytes(rng.randrange(0, 3) * 100) if fl & (SYN | RST) == 0 else b''
                k = (a, b, pa, pb)
                seqs[k] = seqs.get(k, rng.randrange(1 << 31)) + len(data)
                l4 = tcp(data, pa, pb, seq=seqs[k], ack=1 if fl & ACK else 0, flags=fl, src=a, dst=b)
                proto = 6
            elif kind == 'udp':
                l4 = udp(bytes(rng.randrange(1, 200)), pa, pb, src=a, dst=b)
                proto = 17
            else:
                if v6:
                    l4 = struct.pack('!BBH', rng.choice([128, 129, 1]), 0, 0) + b'\0\0\0\1'
                    proto = 58
                else:
                    l4 = icmp4(rng.choice([8, 0, 3, 11]), rng.choice([0, 1]))
                    proto = 1
            if v6:
                fr = ether(ipv6(l4, proto, a, b), 0x86dd)
            else:
                fr = ether(ipv4(l4, proto, a, b, ident=n & 0xffff))
        recs.append((t, fr))
        step = rng.choice([0, 0, 1, 7, 250, 1000, 1000, 3000])
        if rng.random() < 0.01:
            step = -5000  # a timestamp that goes back
        t += step
    return recs


def hosts_capture():
    """70,000 UDP packets between 140,000 addresses: the summary's talker
    table (65,536) overflows in each half."""
    recs = []
    t = 1700000000 * 1000000
    payload = udp(b'x', 1000, 2000, src='10.0.0.1', dst='10.0.0.2')
    for n in range(70000):
        s = struct.pack('!I', (10 << 24) | (1 << 20) | n)
        d = struct.pack('!I', (10 << 24) | (2 << 20) | n)
        h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), n & 0xffff, 0, 64, 17, 0, s, d)
        fr = b'\x00\x0c\x29\xaa\xbb\xcc\x00\x50\x56\x10\x20\x30\x08\x00' + h + payload
        recs.append((t, fr))
        t += 10
    return recs


def cut(recs, bounds):
    out, prev = [], 0
    for b in bounds + [len(recs)]:
        out.append(recs[prev:b])
        prev = b
    return out


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    rng = random.Random(18)
    recs = flows_capture(rng)
    write(os.path.join(d, 'all.pcap'), recs)
    n = len(recs)
    ways = {
        'cut2': [n // 2],
        'cut3': [n // 10, n // 3],
        'cut7': sorted(rng.sample(range(1, n), 6)),
        'cut12': sorted(rng.sample(range(1, n), 10)) + [n],  # the last one empty
    }
    for name, bounds in ways.items():
        sub = os.path.join(d, name)
        os.makedirs(sub, exist_ok=True)
        for i, part in enumerate(cut(recs, bounds)):
            write(os.path.join(sub, 'part-%d.pcap' % i), part)
    hrecs = hosts_capture()
    write(os.path.join(d, 'hosts.pcap'), hrecs)
    sub = os.path.join(d, 'hosts')
    os.makedirs(sub, exist_ok=True)
    for i, part in enumerate(cut(hrecs, [len(hrecs) // 2])):
        write(os.path.join(sub, 'part-%d.pcap' % i), part)


main()
