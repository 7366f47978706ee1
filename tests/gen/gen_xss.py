#!/usr/bin/env python3
"""gen_xss.py OUTDIR [big] - OUTDIR/xss.pcap: markup and script planted in
every string --report shows (tests/report/run.sh checks that none of it runs
and that it shows as text).  With "big", OUTDIR/xss-big.pcap instead: the
worst case for the page's size, thousands of different names of hundreds
of bytes that each escape to several times their length (quotes, <, bytes
that are not UTF-8), in as many conversations.

  DNS queries whose names are <script>, "><img onerror=...>, </td></table>
  <svg onload=...>, a javascript: URL, U+2028 and U+202E inside, bytes that
  are not UTF-8, a NUL and a newline; an HTTP request whose URL, Host and
  User-Agent carry script, answered with a body (so that --extract stores a
  file named by the hostile URL); a TLS ClientHello whose SNI is a <script>
  element.  Every payload would set window.__pwned (or call alert) if it
  ran.  Deterministic: fixed addresses, ports and timestamps."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, tcp4, udp4  # noqa: E402

SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01

# what the test looks for as text in the page (each also in the names below)
MARKERS = [
    b'<script>window.__pwned=1</script>',
    b'"><img src=x onerror=window.__pwned=2>',
]

DNS_NAMES = [
    [b'<script>window.__pwned=1</script>', b'evil', b'example'],
    [b'"><img src=x onerror=window.__pwned=2>', b'example'],
    [b"'></td></tr></table><svg onload=alert(3)>", b'x'],
    [b'javascript:window.__pwned=4', b'example'],
    [b'line\xe2\x80\xa8sep', b'rtl\xe2\x80\xaeexe', b'example'],
    [b'bad\xff\xfeutf8', b'nul\x00x', b'nl\nx', b'example'],
    [b'&amp;&lt;script&gt;', b'example'],
]


def dns_query(ident, labels, qtype=1):
    q = b''.join(bytes([len(l)]) + l for l in labels) + b'\0'
    return struct.pack('!HHHHHH', ident, 0x0100, 1, 0, 0, 0) + q + struct.pack('!HH', qtype, 1)


def tls_client_hello(sni):
    name = struct.pack('!BH', 0, len(sni)) + sni
    ext_sni = struct.pack('!HH', 0, len(name) + 2) + struct.pack('!H', len(name)) + name
    exts = ext_sni
    body = (struct.pack('!H', 0x0303) + bytes(32) + b'\0' + struct.pack('!H', 2) + b'\x13\x01' +
            b'\x01\x00' + struct.pack('!H', len(exts)) + exts)
    hs = b'\x01' + struct.pack('!I', len(body))[1:] + body
    return b'\x16\x03\x01' + struct.pack('!H', len(hs)) + hs


class Tcp:
    """A TCP connection (handshake, data, FIN both ways) into a Pcap."""

    def __init__(self, cap, c, cp, s, sp):
        self.cap, self.ends = cap, [(c, cp), (s, sp)]
        self.seq = [1000, 5000]

    def seg(self, d, flags, data=b''):
        (src, sp), (dst, dp) = self.ends[d], self.ends[1 - d]
        self.cap.add(tcp4(data, sp, dp, src=src, dst=dst, seq=self.seq[d],
                          ack=self.seq[1 - d] if flags & ACK else 0, flags=flags))
        self.seq[d] += len(data) + (1 if flags & (SYN | FIN) else 0)

    def run(self, request, response):
        self.seg(0, SYN)
        self.seg(1, SYN | ACK)
        self.seg(0, ACK)
        self.seg(0, PSH | ACK, request)
        self.seg(1, ACK)
        self.seg(1, PSH | ACK, response)
        self.seg(0, ACK)
        self.seg(0, FIN | ACK)
        self.seg(1, FIN | ACK)
        self.seg(0, ACK)


def big(out):
    cap = Pcap(os.path.join(out, 'xss-big.pcap'))
    for i in range(6000):
        # 4 labels of 60 bytes: quotes, angle brackets and bytes that are not UTF-8
        lab = [(b'"<\xff' * 20)[:56] + b'%04d' % i for _ in range(4)]
        cap.add(udp4(dns_query(i & 0xffff, lab), 1024 + i, 53,
                     src='10.%d.%d.2' % (i >> 8 & 255, i & 255), dst='10.9.0.53'))
    for i in range(3000):
        host = b'<"' * 100 + b'%d' % i
        req = (b'GET /' + b'<"&' * 160 + b'%d HTTP/1.1\r\nHost: ' % i + host +
               b'\r\nUser-Agent: ' + b'"\xfe<' * 150 + b'%d\r\n\r\n' % i)
        cap.add(tcp4(req, 20000 + i, 80, src='10.8.%d.%d' % (i >> 8 & 255, i & 255),
                     dst='10.9.0.80', flags=PSH | ACK))
        cap.add(tcp4(tls_client_hello(b'"<' * 120 + b'%d' % i), 20000 + i, 443,
                     src='10.7.%d.%d' % (i >> 8 & 255, i & 255), dst='10.9.0.43',
                     flags=PSH | ACK))
    cap.close()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    if sys.argv[2:] == ['big']:
        big(out)
        return
    cap = Pcap(os.path.join(out, 'xss.pcap'))
    for i, labels in enumerate(DNS_NAMES):
        cap.add(udp4(dns_query(0x100 + i, labels), 40000 + i, 53, src='10.9.0.2', dst='10.9.0.53'))
    req = (b'GET /<script>window.__pwned=5</script>?q="><img%20src=x%20onerror=window.__pwned=6> '
           b'HTTP/1.1\r\n'
           b'Host: <script>window.__pwned=7</script>.example\r\n'
           b'User-Agent: "><img src=x onerror=window.__pwned=8><script>alert(9)</script>\r\n'
           b'Accept: */*\r\n\r\n')
    body = b'<html><script>window.__pwned=10</script></html>\n'
    resp = (b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ' +
            str(len(body)).encode() + b'\r\n\r\n' + body)
    Tcp(cap, '10.9.0.2', 41000, '10.9.0.80', 80).run(req, resp)
    hello = tls_client_hello(b'<script>window.__pwned=11</script>.example')
    c = Tcp(cap, '10.9.0.2', 41001, '10.9.0.43', 443)
    c.seg(0, SYN)
    c.seg(1, SYN | ACK)
    c.seg(0, ACK)
    c.seg(0, PSH | ACK, hello)
    c.seg(1, ACK)
    cap.close()


if __name__ == '__main__':
    main()
