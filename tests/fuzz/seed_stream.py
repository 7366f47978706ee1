#!/usr/bin/env python3
"""Seeds fuzz_stream's corpus: runs of consecutive packets from capture files,
and a few made-up conversations (TCP with loss, reordering, retransmissions
and reuse; IPv4 and IPv6 fragments), in fuzz_stream's record format:
byte 0 the limits, then per packet [sel][len_hi][len_lo][bytes] (see
tests/fuzz/fuzz_stream.c).

    seed_stream.py CORPUS_DIR [CAPTURE...]"""
import os
import struct
import sys

LINKS = {1: 0, 0: 1, 108: 2, 101: 3, 228: 4, 229: 5, 113: 6, 276: 7}
RAW4, RAW6 = 4, 5
STEP_US = 1 << 3
STEP_S = 2 << 3


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
        caplen, wire = struct.unpack(e + 'II', data[off + 8:off + 16])
        off += 16
        if caplen > 65535 or off + caplen > len(data):
            return
        yield LINKS[link], data[off:off + caplen], wire > caplen
        off += caplen


def record(sel, pkt):
    return bytes([sel]) + struct.pack('>H', len(pkt)) + pkt


def ip4(src, dst, proto, payload, ident=1, off=0, mf=False):
    fo = (0x2000 if mf else 0) | (off // 8)
    h = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), ident, fo, 64, proto, 0,
                    bytes(src), bytes(dst))
    return h + payload


def ip6(src, dst, nh, payload, frag=None):
    if frag is not None:
        ident, off, mf, inner = frag
        payload = struct.pack('>BBHI', inner, 0, off | (1 if mf else 0), ident) + payload
        nh = 44
    h = struct.pack('>IHBB16s16s', 0x60000000, len(payload), nh, 64, bytes(src), bytes(dst))
    return h + payload


def tcp(sp, dp, seq, ack, flags, data=b''):
    return struct.pack('>HHIIBBHHH', sp, dp, seq & 0xffffffff, ack & 0xffffffff, 5 << 4,
                       flags, 65535, 0, 0) + data


def udp(sp, dp, data):
    return struct.pack('>HHHH', sp, dp, 8 + len(data), 0) + data


A4, B4 = [10, 0, 0, 1], [10, 0, 0, 2]
A6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [1]
B6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [2]
SYN, ACK, FIN, RST, PSH = 2, 16, 1, 4, 8


def tcp_conv(v6, reorder, lose, differ, end=FIN, isn=1000, payload=b'hello world, ' * 8):
    """A TCP connection as a list of (sel, packet)."""
    mk = (lambda t: ip6(A6, B6, 6, t)) if v6 else (lambda t: ip4(A4, B4, 6, t))
    mkr = (lambda t: ip6(B6, A6, 6, t)) if v6 else (lambda t: ip4(B4, A4, 6, t))
    sel = (RAW6 if v6 else RAW4) | STEP_US
    out = [(sel, mk(tcp(40000, 80, isn, 0, SYN))),
           (sel, mkr(tcp(80, 40000, 5000, isn + 1, SYN | ACK))),
           (sel, mk(tcp(40000, 80, isn + 1, 5001, ACK)))]
    segs = []
    seq = isn + 1
    for i in range(0, len(payload), 24):
        segs.append((sel, mk(tcp(40000, 80, seq, 5001, ACK | PSH, payload[i:i + 24]))))
        seq += len(payload[i:i + 24])
    if reorder and len(segs) > 2:
        segs[0], segs[2] = segs[2], segs[0]
    if lose and len(segs) > 3:
        del segs[1]
    if differ and segs:
        segs.append((sel, mk(tcp(40000, 80, isn + 1, 5001, ACK, b'X' * 24))))
    out += segs
    out.append((sel, mkr(tcp(80, 40000, 5001, seq, ACK | PSH, b'HTTP/1.0 200 OK\r\n\r\n'))))
    if end == FIN:
        out.append((sel, mk(tcp(40000, 80, seq, 5020, FIN | ACK))))
        out.append((sel, mkr(tcp(80, 40000, 5020, seq + 1, FIN | ACK))))
    elif end == RST:
        out.append((sel, mk(tcp(40000, 80, seq, 5020, RST))))
    return out


def frag_udp(v6, order, ident=7, size=100, step=24, overlap=False):
    data = udp(5353, 53, bytes((i * 7) & 0xff for i in range(size)))
    pieces = []
    for off in range(0, len(data), step):
        chunk = data[off:off + step]
        mf = off + step < len(data)
        if v6:
            pieces.append((RAW6 | STEP_US, ip6(A6, B6, 44, chunk, (ident, off, mf, 17))))
        else:
            pieces.append((RAW4 | STEP_US, ip4(A4, B4, 17, chunk, ident, off, mf)))
    if overlap:
        chunk = b'Z' * (2 * step)
        pieces.insert(1, (RAW4 | STEP_US, ip4(A4, B4, 17, chunk, ident, step, True)) if not v6 else
                      (RAW6 | STEP_US, ip6(A6, B6, 44, chunk, (ident, step, True, 17))))
    return [pieces[i] for i in order(len(pieces))]


def frag_tcp(v6):
    seg = tcp(40001, 21, 1, 0, ACK | PSH, b'USER anonymous\r\n' * 4)
    out = []
    for off in range(0, len(seg), 32):
        chunk = seg[off:off + 32]
        mf = off + 32 < len(seg)
        if v6:
            out.append((RAW6 | STEP_US, ip6(A6, B6, 44, chunk, (9, off, mf, 6))))
        else:
            out.append((RAW4 | STEP_US, ip4(A4, B4, 6, chunk, 9, off, mf)))
    return out


def write(corpus, name, cfg, recs):
    with open(os.path.join(corpus, name), 'wb') as o:
        o.write(bytes([cfg]) + b''.join(record(s, p) for s, p in recs))


def main():
    corpus, files = sys.argv[1], sys.argv[2:]
    os.makedirs(corpus, exist_ok=True)
    n = 0
    fwd = lambda k: list(range(k))
    rev = lambda k: list(range(k))[::-1]
    mid = lambda k: list(range(1, k)) + [0]
    synth = [
        tcp_conv(False, False, False, False),
        tcp_conv(True, True, False, False),
        tcp_conv(False, True, True, True),
        tcp_conv(True, False, True, False, end=RST),
        tcp_conv(False, False, False, False, end=None, isn=0xfffffff0),
        tcp_conv(False, False, False, False) + tcp_conv(False, False, False, True, isn=90000),
        frag_udp(False, fwd), frag_udp(True, rev), frag_udp(False, mid, overlap=True),
        frag_udp(True, mid, overlap=True, size=1000, step=256),
        frag_udp(False, fwd) + frag_udp(True, rev) + frag_tcp(False) + frag_tcp(True),
        frag_tcp(False) + tcp_conv(False, True, False, False),
    ]
    for i, recs in enumerate(synth):
        for cfg in (0x00, 0xff, 0x5a):
            write(corpus, 's%02d_%02x' % (i, cfg), cfg, recs)
            n += 1
    for i, path in enumerate(files):
        pk = [(sel | STEP_US | (0x20 if cut else 0), p) for sel, p, cut in packets(path)]
        for j in range(0, min(len(pk), 120), 40):
            write(corpus, 'p%04d_%03d' % (i, j), (i * 37 + j) & 0xff, pk[j:j + 40])
            n += 1
    print('seeded %d inputs for fuzz_stream' % n)


main()
