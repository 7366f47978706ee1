#!/usr/bin/env python3
"""gen_http.py OUTDIR - HTTP/1.x test captures for tests/session/http.sh.

Writes OUTDIR/NAME.pcap for every case below and OUTDIR/http.expect.json:
per capture, the transactions trawl --sessions must report, in order, each
with the fields it must carry and, for every body, the SHA-256 of the bytes
planted (the decoded body: what --extract must store), its size, and
whether the file must end complete (CLOSED) or not (TRUNCATED).

Each case is one or more TCP connections (a handshake, the messages in
segments of at most MSS bytes with correct sequence and acknowledgement
numbers and checksums, FIN both ways), IPv4 over Ethernet.  A segment can
be left out (a gap).  Deterministic: seeded PRNG, fixed timestamps."""
import gzip
import hashlib
import json
import os
import random
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv6, tcp, tcp4  # noqa: E402

R = random.Random(0x4711)
SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01
DECODED_MAX = 64 << 20   # src/session/http.c HTTP_DECODED_MAX


def rbytes(n):
    return R.getrandbits(8 * n).to_bytes(n, 'big') if n else b''


def sha(b):
    return hashlib.sha256(b).hexdigest()


class Conn:
    """One TCP connection written into a Pcap."""

    def __init__(self, cap, cip, cport, sip, sport, mss=1448):
        self.cap, self.mss = cap, mss
        self.addr = [(cip, cport), (sip, sport)]
        self.isn = [R.getrandbits(32), R.getrandbits(32)]
        self.off = [0, 0]
        self.fin = [False, False]

    def _pkt(self, payload, sp, dp, src, dst, **kw):
        if ':' in src:
            return ether(ipv6(tcp(payload, sp, dp, src=src, dst=dst, **kw), 6, src, dst), 0x86dd)
        return tcp4(payload, sp, dp, src=src, dst=dst, **kw)

    def _seg(self, d, flags, payload=b'', seq=None):
        (src, sp), (dst, dp) = self.addr[d], self.addr[1 - d]
        if seq is None:
            seq = (self.isn[d] + 1 + self.off[d]) & 0xffffffff
        ack = (self.isn[1 - d] + 1 + self.off[1 - d] + (1 if self.fin[1 - d] else 0)) & 0xffffffff
        self.cap.add(self._pkt(payload, sp, dp, src, dst, seq=seq, ack=ack if flags & ACK else 0,
                               flags=flags, win=65535))

    def open(self):
        (src, sp), (dst, dp) = self.addr[0], self.addr[1]
        self.cap.add(self._pkt(b'', sp, dp, src, dst, seq=self.isn[0], flags=SYN, win=65535))
        self.cap.add(self._pkt(b'', dp, sp, dst, src, seq=self.isn[1],
                               ack=(self.isn[0] + 1) & 0xffffffff, flags=SYN | ACK, win=65535))
        self._seg(0, ACK)
        return self

    def send(self, d, data, skip=()):
        """data in segments; the segments numbered in skip are left out."""
        i = 0
        for k, a in enumerate(range(0, len(data), self.mss)):
            chunk = data[a:a + self.mss]
            if k not in skip:
                self._seg(d, PSH | ACK, chunk)
            self.off[d] += len(chunk)
            i += 1
        self._seg(1 - d, ACK)

    def close(self, first=1):
        for d in (first, 1 - first):
            self._seg(d, FIN | ACK)
            self.fin[d] = True
        self._seg(first, ACK)


def req(method, url, host=b'www.example.com', headers=(), body=b'', proto=b'HTTP/1.1'):
    h = method + b' ' + url + b' ' + proto + b'\r\n'
    if host is not None:
        h += b'Host: ' + host + b'\r\n'
    for k, v in headers:
        h += k + b': ' + v + b'\r\n'
    return h + b'\r\n' + body


def resp(status, headers=(), body=b'', reason=None, proto=b'HTTP/1.1'):
    reasons = {100: b'Continue', 200: b'OK', 204: b'No Content', 302: b'Found',
               304: b'Not Modified', 404: b'Not Found'}
    h = proto + b' %d ' % status + (reason or reasons.get(status, b'X')) + b'\r\n'
    for k, v in headers:
        h += k + b': ' + v + b'\r\n'
    return h + b'\r\n' + body


def cl(b):
    return (b'Content-Length', b'%d' % len(b))


def chunked(b, sizes, ext=False, trailers=b''):
    out, i, k = b'', 0, 0
    while i < len(b):
        n = sizes[k % len(sizes)]
        k += 1
        piece = b[i:i + n]
        i += n
        out += b'%x' % len(piece) + (b';name=val' if ext and k % 2 else b'') + b'\r\n' + piece + b'\r\n'
    return out + b'0\r\n' + trailers + b'\r\n'


def raw_deflate(b):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(b) + c.flush()


def ev(method=None, host=None, url=None, status=None, body=None, complete=True, **kw):
    """One expected transaction: body is the decoded bytes (None: no file)."""
    e = {k: v for k, v in (('http_method', method), ('hostname', host), ('url', url),
                           ('status', status)) if v is not None}
    e.update(kw)
    if body is not None:
        e['sha256'] = sha(body)
        e['size'] = len(body)
        e['complete'] = complete
    return e


def text(b):
    return b.decode('latin-1')


CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


@case
def get(cap):
    """a plain GET, Content-Length body; then a second GET, a 302 redirect"""
    body = rbytes(1234)
    c = Conn(cap, '10.0.0.5', 1040, '10.0.0.9', 80).open()
    c.send(0, req(b'GET', b'/a/b.tgz', headers=[(b'User-Agent', b'Wget/1.5'),
                                                 (b'Referer', b'http://example.org/x')]))
    c.send(1, resp(200, [(b'Content-Type', b'application/x-gzip'), cl(body)], body))
    c.send(0, req(b'GET', b'/old?q=1'))
    c.send(1, resp(302, [(b'Location', b'http://www.example.com/new'), (b'Content-Length', b'0')]))
    c.close()
    return [ev('GET', 'www.example.com', '/a/b.tgz', 200, body, http_user_agent='Wget/1.5',
               http_content_type='application/x-gzip', http_refer='http://example.org/x',
               length=1234, protocol='HTTP/1.1', filename='/a/b.tgz'),
            ev('GET', 'www.example.com', '/old?q=1', 302, redirect='http://www.example.com/new', length=0)]


def simple_on(port):
    def f(cap):
        body = rbytes(3000)
        c = Conn(cap, '192.168.1.7', 40000 + port % 1000, '192.168.1.1', port).open()
        c.send(0, req(b'GET', b'/p%d.bin' % port, host=b'h%d.test' % port))
        c.send(1, resp(200, [(b'Content-Type', b'application/octet-stream'), cl(body)], body))
        c.close()
        return [ev('GET', 'h%d.test' % port, '/p%d.bin' % port, 200, body, length=3000)]
    return f


CASES['port8080'] = simple_on(8080)
CASES['port31337'] = simple_on(31337)


@case
def pipeline(cap):
    """three requests in one segment, then the three responses"""
    bodies = [rbytes(n) for n in (500, 7000, 1)]
    c = Conn(cap, '10.1.0.2', 2000, '10.1.0.3', 80).open()
    c.send(0, b''.join(req(b'GET', b'/r%d' % i) for i in range(3)))
    c.send(1, b''.join(resp(200, [cl(b)], b) for b in bodies))
    c.close()
    return [ev('GET', 'www.example.com', '/r%d' % i, 200, b, length=len(b), tx_id=i)
            for i, b in enumerate(bodies)]


@case
def chunked_body(cap):
    """chunked, with chunk extensions and a trailer"""
    body = rbytes(9000)
    c = Conn(cap, '10.2.0.2', 2001, '10.2.0.3', 80).open()
    c.send(0, req(b'GET', b'/chunks'))
    c.send(1, resp(200, [(b'Transfer-Encoding', b'chunked')],
                   chunked(body, [1000, 17, 4000, 3], ext=True, trailers=b'X-Trailer: yes\r\n')))
    c.send(0, req(b'GET', b'/after'))
    c.send(1, resp(200, [cl(b'ok')], b'ok'))
    c.close()
    return [ev('GET', 'www.example.com', '/chunks', 200, body, length=9000),
            ev('GET', 'www.example.com', '/after', 200, b'ok', length=2)]


@case
def gzip_body(cap):
    body = (b'gzip line of text, compressible %d\n' * 2000) % tuple(range(2000))
    wire = gzip.compress(body, mtime=0)
    c = Conn(cap, '10.3.0.2', 2002, '10.3.0.3', 80).open()
    c.send(0, req(b'GET', b'/page.html', headers=[(b'Accept-Encoding', b'gzip')]))
    c.send(1, resp(200, [(b'Content-Type', b'text/html'), (b'Content-Encoding', b'gzip'), cl(wire)], wire))
    c.close()
    return [ev('GET', 'www.example.com', '/page.html', 200, body, length=len(wire))]


@case
def deflate_body(cap):
    """deflate as RFC 1950 says (zlib), and as some servers send it (raw)"""
    b1 = b'zlib-wrapped deflate ' * 500
    b2 = b'raw deflate, no header ' * 500
    w1, w2 = zlib.compress(b1), raw_deflate(b2)
    c = Conn(cap, '10.4.0.2', 2003, '10.4.0.3', 80).open()
    c.send(0, req(b'GET', b'/z'))
    c.send(1, resp(200, [(b'Content-Encoding', b'deflate'), cl(w1)], w1))
    c.send(0, req(b'GET', b'/raw'))
    c.send(1, resp(200, [(b'Content-Encoding', b'deflate'), cl(w2)], w2))
    c.close()
    return [ev('GET', 'www.example.com', '/z', 200, b1, length=len(w1)),
            ev('GET', 'www.example.com', '/raw', 200, b2, length=len(w2))]


@case
def chunked_gzip(cap):
    body = rbytes(2000) + b'then text ' * 3000
    wire = gzip.compress(body, mtime=0)
    c = Conn(cap, '10.5.0.2', 2004, '10.5.0.3', 80).open()
    c.send(0, req(b'GET', b'/cg.js'))
    c.send(1, resp(200, [(b'Content-Type', b'application/javascript'), (b'Content-Encoding', b'x-gzip'),
                         (b'Transfer-Encoding', b'chunked')], chunked(wire, [100, 3000, 7])))
    c.close()
    return [ev('GET', 'www.example.com', '/cg.js', 200, body, length=len(wire))]


@case
def head(cap):
    """HEAD: its Content-Length announces no body; a GET follows"""
    body = rbytes(800)
    c = Conn(cap, '10.6.0.2', 2005, '10.6.0.3', 80).open()
    c.send(0, req(b'HEAD', b'/big.iso') + req(b'GET', b'/small'))
    c.send(1, resp(200, [(b'Content-Length', b'5000000')]) + resp(200, [cl(body)], body))
    c.close()
    return [ev('HEAD', 'www.example.com', '/big.iso', 200, length=0),
            ev('GET', 'www.example.com', '/small', 200, body, length=800)]


@case
def not_modified(cap):
    """304 and 204 have no body, whatever their headers say; 100 is interim"""
    body = rbytes(300)
    c = Conn(cap, '10.7.0.2', 2006, '10.7.0.3', 80).open()
    c.send(0, req(b'GET', b'/cached', headers=[(b'If-Modified-Since', b'Sat, 29 Oct 1994 19:43:31 GMT')]))
    c.send(1, resp(304, [(b'Content-Length', b'4000')]))
    c.send(0, req(b'GET', b'/nothing'))
    c.send(1, resp(204))
    c.send(0, req(b'GET', b'/fresh'))
    c.send(1, resp(100) + resp(200, [cl(body)], body))
    c.close()
    return [ev('GET', 'www.example.com', '/cached', 304, length=0),
            ev('GET', 'www.example.com', '/nothing', 204, length=0),
            ev('GET', 'www.example.com', '/fresh', 200, body, length=300)]


@case
def post(cap):
    """POST bodies: Content-Length, then chunked after 100-continue"""
    up1, up2 = rbytes(3000), rbytes(5000)
    ans = b'{"ok":true}'
    c = Conn(cap, '10.8.0.2', 2007, '10.8.0.3', 80).open()
    c.send(0, req(b'POST', b'/upload/form.cgi?x=1', headers=[(b'Content-Type', b'application/octet-stream'),
                                                              cl(up1)], body=up1))
    c.send(1, resp(200, [(b'Content-Type', b'application/json'), cl(ans)], ans))
    c.send(0, req(b'PUT', b'/put/file.bin', headers=[(b'Expect', b'100-continue'),
                                                      (b'Transfer-Encoding', b'chunked')]))
    c.send(1, resp(100))
    c.send(0, chunked(up2, [999]))
    c.send(1, resp(204))
    c.close()
    return [ev('POST', 'www.example.com', '/upload/form.cgi?x=1', 200, ans, length=len(ans),
               request_body_length=3000, request_body_sha256=sha(up1), upload=up1),
            ev('PUT', 'www.example.com', '/put/file.bin', 204, length=0,
               request_body_length=5000, request_body_sha256=sha(up2), upload=up2)]


@case
def close_body(cap):
    """HTTP/1.0, no Content-Length: the body ends when the server closes"""
    body = rbytes(6000)
    c = Conn(cap, '10.9.0.2', 2008, '10.9.0.3', 80).open()
    c.send(0, req(b'GET', b'/legacy', proto=b'HTTP/1.0'))
    c.send(1, resp(200, [(b'Connection', b'close'), (b'Content-Type', b'text/plain')], body, proto=b'HTTP/1.0'))
    c.close(first=1)
    return [ev('GET', 'www.example.com', '/legacy', 200, body, length=6000, protocol='HTTP/1.0')]


@case
def gap(cap):
    """a segment of a Content-Length body is missing: the file is
    incomplete, the next transaction is read as usual"""
    body = rbytes(20000)
    ok = rbytes(100)
    c = Conn(cap, '10.10.0.2', 2009, '10.10.0.3', 80, mss=1000).open()
    c.send(0, req(b'GET', b'/holey.bin'))
    hdr = resp(200, [cl(body)])
    msg = hdr + body
    # segment 5 of 1000 bytes (inside the body) never sent
    c.send(1, msg, skip={5})
    c.send(0, req(b'GET', b'/next'))
    c.send(1, resp(200, [cl(ok)], ok))
    c.close()
    seen = msg[:5000] + msg[6000:]
    return [ev('GET', 'www.example.com', '/holey.bin', 200, seen[len(hdr):], complete=False, length=20000,
               gaps=True),
            ev('GET', 'www.example.com', '/next', 200, ok, length=100)]


@case
def bomb(cap):
    """a decompression bomb: 256 MiB of zeros in ~250 KB of gzip; cut at
    the cap, the file TRUNCATED"""
    big = 256 << 20
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    z = bytearray()
    zero = bytes(1 << 20)
    for _ in range(big >> 20):
        z += co.compress(zero)
    z += co.flush()
    wire = bytes(z)
    c = Conn(cap, '10.11.0.2', 2010, '10.11.0.3', 80).open()
    c.send(0, req(b'GET', b'/bomb.gz'))
    c.send(1, resp(200, [(b'Content-Encoding', b'gzip'), cl(wire)], wire))
    c.close()
    capped = bytes(DECODED_MAX)
    return [ev('GET', 'www.example.com', '/bomb.gz', 200, capped, complete=False, length=len(wire))]


@case
def huge_header(cap):
    """a 100 KB header line, then a message with 300 header lines: the
    header section's cap stops the parsing of that direction"""
    c = Conn(cap, '10.12.0.2', 2011, '10.12.0.3', 80).open()
    c.send(0, req(b'GET', b'/h1', headers=[(b'X-Big', b'A' * 100000)]))
    c.send(1, resp(400, [(b'Content-Length', b'0')]))
    c.close()
    c2 = Conn(cap, '10.12.0.2', 2012, '10.12.0.3', 80).open()
    c2.send(0, req(b'GET', b'/h2', headers=[(b'X-N%d' % i, b'v') for i in range(300)]))
    c2.send(1, resp(400, [(b'Content-Length', b'0')]))
    c2.close()
    return [ev('GET', 'www.example.com', '/h1', 400, request_headers_truncated=True,
               parse_error='header section over 64 KiB'),
            ev('GET', 'www.example.com', '/h2', 400, request_headers_truncated=True,
               parse_error='more than 256 header lines')]


@case
def bad_chunk(cap):
    """a chunk size that is not hex: the body so far is a TRUNCATED file"""
    part = rbytes(700)
    c = Conn(cap, '10.13.0.2', 2013, '10.13.0.3', 80).open()
    c.send(0, req(b'GET', b'/badchunk'))
    c.send(1, resp(200, [(b'Transfer-Encoding', b'chunked')],
                   b'%x\r\n' % len(part) + part + b'\r\nzz-not-hex\r\n' + rbytes(100)))
    c.close()
    return [ev('GET', 'www.example.com', '/badchunk', 200, part, complete=False, length=700,
               parse_error='bad chunk size')]


@case
def nonutf8(cap):
    """bytes that are not UTF-8 in the URI and the Host, quotes and
    backslashes, control characters"""
    url = b'/caf\xe9/\xff\xfe"q\\x\x01\x1b[31m?a=\x80'
    c = Conn(cap, '10.14.0.2', 2014, '10.14.0.3', 80).open()
    c.send(0, req(b'GET', url, host=b'ho\xc0st"', headers=[(b'User-Agent', b'Mozilla\x00"evil"')]))
    c.send(1, resp(404, [(b'Content-Length', b'0')]))
    c.close()
    return [ev('GET', text(b'ho\xc0st"'), text(url), 404, http_user_agent=text(b'Mozilla\x00"evil"'))]


@case
def orphans(cap):
    """a request never answered (the connection closes first) and, on
    another connection, a response whose request is not in the capture"""
    body = rbytes(50)
    c = Conn(cap, '10.15.0.2', 2015, '10.15.0.3', 80).open()
    c.send(0, req(b'GET', b'/unanswered'))
    c.close(first=0)
    c2 = Conn(cap, '10.15.0.2', 2016, '10.15.0.3', 80).open()
    c2.send(1, resp(200, [cl(body)], body))
    c2.close()
    return [ev('GET', 'www.example.com', '/unanswered', no_response=True),
            ev(None, None, None, 200, body, length=50, no_request=True)]


class Held:
    """Frames of one connection, kept to be interleaved with others'."""

    def __init__(self):
        self.frames = []

    def add(self, frame):
        self.frames.append(frame)


@case
def mixed(cap):
    """24 keep-alive connections at once, IPv4 and IPv6, on ports 80, 8000
    and 8888, their packets interleaved; in each, transactions of every
    framing and coding; some data segments swapped with the next one or
    sent twice"""
    conns, plan = [], []
    for i in range(24):
        h = Held()
        if i % 4 == 3:
            c = Conn(h, '2001:db8::%x' % (i + 16), 41000 + i, '2001:db8:1::80', (80, 8000, 8888)[i % 3], mss=1200)
        else:
            c = Conn(h, '10.20.%d.%d' % (i // 8, 10 + i), 41000 + i, '10.20.9.%d' % (1 + i % 3),
                     (80, 8000, 8888)[i % 3], mss=1200)
        c.open()
        evs = []
        ntx = 1 + R.randrange(4)
        for t in range(ntx):
            kind = R.choice(['cl', 'chunked', 'gzip', 'deflate', 'chunked-gzip', 'post', 'empty'])
            if t == ntx - 1 and R.random() < 0.3:
                kind = 'close'
            n = R.choice((10, 500, 3000, 20000, 70000))
            body = (rbytes(n // 2) + b'text %d ' % i * (n // 16))[:n] or b'x'
            url = b'/c%d/t%d/%s.bin' % (i, t, kind.encode())
            host = b'site%d.example' % (i % 5)
            up = None
            if kind == 'post':
                up = rbytes(1 + R.randrange(9000))
                c.send(0, req(b'POST', url, host=host, headers=[cl(up)], body=up))
            else:
                c.send(0, req(b'GET', url, host=host))
            hdrs = [(b'Content-Type', b'application/octet-stream')]
            if kind in ('cl', 'post'):
                wire = body
                msg = resp(200, hdrs + [cl(body)], body)
            elif kind == 'chunked':
                wire = body
                msg = resp(200, hdrs + [(b'Transfer-Encoding', b'chunked')], chunked(body, [R.randrange(1, 5000)]))
            elif kind == 'gzip':
                wire = gzip.compress(body, mtime=0)
                msg = resp(200, hdrs + [(b'Content-Encoding', b'gzip'), cl(wire)], wire)
            elif kind == 'deflate':
                wire = zlib.compress(body)
                msg = resp(200, hdrs + [(b'Content-Encoding', b'deflate'), cl(wire)], wire)
            elif kind == 'chunked-gzip':
                wire = gzip.compress(body, mtime=0)
                msg = resp(200, hdrs + [(b'Content-Encoding', b'gzip'), (b'Transfer-Encoding', b'chunked')],
                           chunked(wire, [R.randrange(1, 3000)]))
            elif kind == 'empty':
                wire = body = b''
                msg = resp(200, hdrs + [cl(b'')])
            else:
                wire = body
                msg = resp(200, hdrs + [(b'Connection', b'close')], body, proto=b'HTTP/1.0')
            c.send(1, msg)
            e = ev('GET' if up is None else 'POST', text(host), text(url), 200, body or None,
                   length=len(wire), tx_id=t)
            if up is not None:
                e.update(request_body_length=len(up), request_body_sha256=sha(up), upload=up)
            evs.append(e)
            if kind == 'close':
                break
        c.close()
        # disorder: a data segment swapped with the next, or sent twice
        fr = h.frames
        for k in range(3, len(fr) - 4):
            r = R.random()
            if r < 0.03:
                fr[k], fr[k + 1] = fr[k + 1], fr[k]
            elif r < 0.05:
                fr.insert(k + 1, fr[k])
        conns.append(fr)
        plan.append(evs)
    # interleave, each connection's frames in their order
    pos = [0] * len(conns)
    while any(pos[i] < len(conns[i]) for i in range(len(conns))):
        i = R.choice([i for i in range(len(conns)) if pos[i] < len(conns[i])])
        cap.add(conns[i][pos[i]])
        pos[i] += 1
    # events come out connection by connection as each ends; the test
    # matches them per connection (by flow), so order them by the last frame
    return [dict(e, conn=i) for i, evs in enumerate(plan) for e in evs]


@case
def gzip_members(cap):
    """a gzip body of two members (RFC 1952 allows several): both decoded"""
    b1, b2 = b'first member ' * 300, b'second member ' * 300
    wire = gzip.compress(b1, mtime=0) + gzip.compress(b2, mtime=0)
    c = Conn(cap, '10.16.0.2', 2017, '10.16.0.3', 80).open()
    c.send(0, req(b'GET', b'/two.gz'))
    c.send(1, resp(200, [(b'Content-Encoding', b'gzip'), cl(wire)], wire))
    c.close()
    return [ev('GET', 'www.example.com', '/two.gz', 200, b1 + b2, length=len(wire))]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    only = sys.argv[2:]
    plan = {}
    for name, fn in CASES.items():
        if only and name not in only:
            continue
        cap = Pcap(os.path.join(out, name + '.pcap'), start=1700000000 + 1000 * len(plan))
        evs = fn(cap)
        cap.close()
        for e in evs:
            if 'upload' in e:
                e['upload_size'] = len(e.pop('upload'))
        plan[name + '.pcap'] = evs
    with open(os.path.join(out, 'http.expect.json'), 'w') as f:
        json.dump(plan, f, indent=1, sort_keys=True)


if __name__ == '__main__':
    main()
