#!/usr/bin/env python3
"""Seeds fuzz_match's corpus: small rules (contents with and without
modifiers, relative chains, pcre, byte_test/jump/extract, isdataat, bsize,
header tests) over HTTP-ish and binary buffers, in fuzz_match's input
format (see tests/fuzz/fuzz_match.c).

    seed_match.py CORPUS_DIR"""
import os
import random
import sys

# enum rm_kind
CONTENT, PCRE, BTEST, BJUMP, BEXTRACT, ISDATAAT, BSIZE = range(7)
# rm.flags (low byte)
NEG, NOCASE, REL, STARTS, ENDS = 0x01, 0x02, 0x04, 0x08, 0x10
# rm.flags (high byte)
STRING, LITTLE, BEGIN, END, ALIGN = 0x01, 0x02, 0x04, 0x08, 0x10
# rm.has
OFF, DEPTH, DIST, WITHIN = 1, 2, 4, 8


def elem(kind, buf=0, lo=0, hi=0, has=0, off=0, depth=0, dist=0, nb=0, op=0, val=0,
         pat=b'', var=False):
    hi = (hi & 0x1f) | (len(pat) << 5)
    b0 = kind | (buf << 3) | (0x40 if var else 0)
    return bytes([b0, lo, hi, has, off & 0xff, depth & 0xff, dist & 0xff, nb, op, val & 0xff]) + pat


def facts(net=0, proto=6, ttl=64, tos=0, ipf=2, opts=0, has=1, itype=8, icode=0,
          flags=0x18, plen=100):
    return bytes([net, proto, ttl, tos, ipf, opts, has, itype, icode, 0, 1, flags, 0, 1, 2, plen, 7])


def seed(elems, hdrs=b'', nh=0, bufs=b'', have=0x0f, pkt_old=0):
    elems = list(elems)
    head = bytes([(len(elems) - 1) | (nh << 3), pkt_old, have])
    return head + facts() + b''.join(elems) + hdrs + bufs


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    http = b'\x40\xc0GET /index.php?id=1234&cmd=AAAA HTTP/1.1\r\nHost: example.com\r\n' \
           b'User-Agent: Mozilla\r\nContent-Length: 0042\r\n\r\nbody'
    binr = b'\x80\x40' + bytes([0, 0, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8, 0xde, 0xad, 0xbe, 0xef]) * 4
    seeds = [
        seed([elem(CONTENT, pat=b'GET ')], bufs=http),
        seed([elem(CONTENT, lo=NOCASE, pat=b'host: ')], bufs=http),
        seed([elem(CONTENT, pat=b'GET'), elem(CONTENT, lo=REL, has=DIST | WITHIN, dist=1, depth=20,
                                              pat=b'.php')], bufs=http),
        seed([elem(CONTENT, pat=b'a'), elem(CONTENT, lo=REL, has=WITHIN, depth=3, pat=b'b')],
             bufs=b'\x00\x80aXXXXabzzzz'),
        seed([elem(CONTENT, lo=NEG, pat=b'POST'), elem(PCRE, op=13)], bufs=http),
        seed([elem(CONTENT, pat=b'id='), elem(BTEST, lo=REL, hi=STRING, nb=4, op=3, val=100)],
             bufs=http),
        seed([elem(BEXTRACT, nb=1, off=5, op=0x10), elem(CONTENT, lo=REL, has=DIST, var=True,
                                                          val=0x41, pat=b'\x01')], bufs=binr),
        seed([elem(BJUMP, nb=4, off=2, op=0x40), elem(BTEST, lo=REL, nb=1, op=0, val=5)], bufs=binr),
        seed([elem(ISDATAAT, off=10), elem(ISDATAAT, lo=NEG | REL, off=1)], bufs=binr),
        seed([elem(BSIZE, op=3, val=10)], bufs=http),
        seed([elem(PCRE, op=7)], bufs=b'\x00\x00' + b'a' * 60 + b'!'),
        seed([elem(PCRE, op=15)], bufs=b'\x00\x00' + b'x' * 80),
        seed([elem(CONTENT, lo=STARTS, pat=b'GET'), elem(CONTENT, lo=ENDS, pat=b'body')],
             bufs=http),
        seed([elem(CONTENT, buf=1, pat=b'/index'), elem(CONTENT, buf=2, lo=NOCASE, pat=b'EXAMPLE')],
             bufs=b'\x60\xa0/index.php' + b'example.com' + b'q.example'),
        seed([elem(CONTENT, pat=b'AAAA')], bufs=http, pkt_old=10),
        seed([elem(CONTENT, pat=b'a')], hdrs=bytes([12, 0x80, 0, 0x12, 0]) + bytes([6, 4, 0, 64, 0]),
             nh=2, bufs=b'\x00\x00a'),
        seed([elem(CONTENT, pat=b'a')], hdrs=bytes([13, 0x81, 0, 2, 0]) + bytes([14, 0, 2, 0, 0]) +
             bytes([15, 0, 0, 0, 0]) + bytes([1, 8, 1, 3, 9]), nh=4, bufs=b'\x00\x00a'),
    ]
    rnd = random.Random(1)
    for i in range(40):
        n = rnd.randrange(1, 9)
        es = []
        for _ in range(n):
            k = rnd.randrange(7)
            pat = bytes(rnd.choice(b'abAB/\x00') for _ in range(rnd.randrange(1, 4))) if k == 0 else b''
            es.append(elem(k, buf=rnd.randrange(2), lo=rnd.randrange(32), hi=rnd.randrange(32),
                           has=rnd.randrange(16), off=rnd.randrange(-4, 8), depth=rnd.randrange(20),
                           dist=rnd.randrange(-4, 8), nb=rnd.randrange(1, 9), op=rnd.randrange(256),
                           val=rnd.randrange(256), pat=pat, var=rnd.random() < 0.2))
        body = bytes(rnd.choice(b'aabAB/\x00\x01 0123') for _ in range(rnd.randrange(10, 200)))
        seeds.append(seed(es, bufs=bytes([rnd.randrange(256), rnd.randrange(256)]) + body,
                          pkt_old=rnd.randrange(8)))
    for i, s in enumerate(seeds):
        with open(os.path.join(out, 'seed-%03d' % i), 'wb') as f:
            f.write(s)


if __name__ == '__main__':
    main()
