#!/usr/bin/env python3
"""mkstreams.py SIZE_MB FILE [CONNS] - a capture of long TCP streams, for
bench/stream.sh: CONNS (default 300) connections open at once, each a small
request and a response of 64 KiB to 4 MiB (HTTP-like headers, then text
and binary bytes) in 1448-byte segments with ACKs, the connections'
segments interleaved; a finished connection closes (FIN both ways) and a
new one takes its place on a new port.  About 1 segment in 100 is sent
twice (identical) and 1 in 200 swaps places with the next one.  IPv4 over
Ethernet (no padding of short frames: captured on the sender), checksums
correct.  Deterministic: the same bytes on every run.
bench/gen's sessions are short (a request, up to six segments back); this
is the other shape, where reassembly and writing the bytes, not opening
files, is the work."""
import array
import random
import struct
import sys

MSS = 1448


def csum16(data):
    if len(data) % 2:
        data += b'\0'
    a = array.array('H', data)
    if sys.byteorder == 'little':
        a.byteswap()
    s = sum(a)
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return s


def main():
    size = int(sys.argv[1]) << 20
    path = sys.argv[2]
    conns = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    rng = random.Random(7)
    # the bytes responses are cut from: text lines, then binary
    text = b''.join(b'line %06d: the quick brown fox jumps over the lazy dog %08x\r\n' % (i, i * 2654435761 & 0xffffffff)
                    for i in range(12000))
    blob = text + bytes(rng.getrandbits(8) for _ in range(1 << 20))
    out = open(path, 'wb', buffering=1 << 20)
    out.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    written = 24
    t = [1700000000 * 1000000]
    macs = (b'\x00\x0c\x29\xaa\xbb\xcc', b'\x00\x50\x56\x10\x20\x30')
    ipid = [0]

    def frame(src, dst, sp, dp, seq, ack, flags, payload):
        nonlocal written
        tcp = struct.pack('!HHIIBBHHH', sp, dp, seq & 0xffffffff, ack & 0xffffffff, 0x50, flags, 65535, 0, 0)
        pseudo = src + dst + struct.pack('!BBH', 0, 6, 20 + len(payload))
        c = (~csum16(pseudo + tcp + payload)) & 0xffff
        tcp = tcp[:16] + struct.pack('!H', c) + tcp[18:]
        ipid[0] = (ipid[0] + 1) & 0xffff
        ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 40 + len(payload), ipid[0], 0x4000, 64, 6, 0, src, dst)
        ip = ip[:10] + struct.pack('!H', (~csum16(ip)) & 0xffff) + ip[12:]
        fr = macs[0] + macs[1] + b'\x08\x00' + ip + tcp + payload
        t[0] += rng.randrange(5, 60)
        out.write(struct.pack('<IIII', t[0] // 1000000, t[0] % 1000000, len(fr), len(fr)) + fr)
        written += 16 + len(fr)

    nextport = [20000]

    def new_conn(i):
        c = struct.pack('!BBBB', 10, 1 + i % 200, (i // 200) % 250, 1 + rng.randrange(250))
        s = struct.pack('!BBBB', 172, 16, rng.randrange(8), 1 + rng.randrange(250))
        port = nextport[0]
        nextport[0] = 20000 + (nextport[0] - 19999) % 40000
        cs, ss = rng.getrandbits(32), rng.getrandbits(32)
        total = rng.choice((64 << 10, 256 << 10, 1 << 20, 4 << 20)) + rng.randrange(1 << 16)
        start = rng.randrange(len(blob) - MSS)
        frame(c, s, port, 80, cs, 0, 0x02, b'')
        frame(s, c, 80, port, ss, cs + 1, 0x12, b'')
        req = b'GET /file/%d HTTP/1.1\r\nHost: bench.example\r\nUser-Agent: mkstreams\r\n\r\n' % port
        frame(c, s, port, 80, cs + 1, ss + 1, 0x18, req)
        hdr = b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % total
        return {'c': c, 's': s, 'p': port, 'cs': cs + 1 + len(req), 'ss': ss + 1, 'sent': 0,
                'total': total + len(hdr), 'hdr': hdr, 'at': start, 'held': None}

    live = [new_conn(i) for i in range(conns)]
    k = conns
    while written < size:
        i = rng.randrange(len(live))
        x = live[i]
        n = min(MSS, x['total'] - x['sent'])
        if x['sent'] == 0:
            body = x['hdr'] + blob[x['at']:x['at'] + n - len(x['hdr'])]
        else:
            a = (x['at'] + x['sent']) % (len(blob) - MSS)
            body = blob[a:a + n]
        seg = (x['ss'] + x['sent'], body)
        x['sent'] += n
        r = rng.random()
        if x['held'] is not None:  # the swapped one goes out after this one
            frame(x['s'], x['c'], 80, x['p'], seg[0], x['cs'], 0x18, seg[1])
            frame(x['s'], x['c'], 80, x['p'], x['held'][0], x['cs'], 0x18, x['held'][1])
            x['held'] = None
        elif r < 0.005 and x['sent'] < x['total']:
            x['held'] = seg
            continue
        else:
            frame(x['s'], x['c'], 80, x['p'], seg[0], x['cs'], 0x18, seg[1])
            if r > 0.99:
                frame(x['s'], x['c'], 80, x['p'], seg[0], x['cs'], 0x18, seg[1])
        frame(x['c'], x['s'], x['p'], 80, x['cs'], x['ss'] + x['sent'], 0x10, b'')
        if x['sent'] >= x['total']:
            end = x['ss'] + x['sent']
            frame(x['s'], x['c'], 80, x['p'], end, x['cs'], 0x11, b'')
            frame(x['c'], x['s'], x['p'], 80, x['cs'], end + 1, 0x11, b'')
            frame(x['s'], x['c'], 80, x['p'], end + 1, x['cs'] + 1, 0x10, b'')
            live[i] = new_conn(k)
            k += 1
    out.close()


if __name__ == '__main__':
    main()
