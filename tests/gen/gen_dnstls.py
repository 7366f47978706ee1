#!/usr/bin/env python3
"""gen_dnstls.py OUTDIR - captures for the session layer's DNS and TLS
parsers (tests/session/dnstls.sh checks what trawl --sessions makes of them
against the values planted here).  Deterministic.

  dnstls-dns.pcap     DNS over UDP: A, AAAA (IPv6), a CNAME chain, MX, TXT,
                      NXDOMAIN with a SOA authority, SRV, PTR, a query on a
                      port that is not 53; NTP and syslog that are not DNS
  dnstls-dnstcp.pcap  DNS over TCP: a message split across segments (its
                      length prefix too), two messages in one segment, an
                      answer sent byte by byte, DNS over TCP on port 8053
  dnstls-dnsbad.pcap  hostile DNS: a compression pointer loop, a message
                      cut short, label bytes that are not printable (nor
                      UTF-8), a name longer than 255 bytes, a TCP message
                      the connection ends inside
  dnstls-tls.pcap     TLS: a ClientHello split across 3 segments, a TLS 1.2
                      handshake with a certificate (its message spanning two
                      records), TLS 1.3, a resumed session on port 8443, an
                      unparsable certificate on port 31337, garbage after the
                      hello, a handshake sent one byte a segment, a gap in
                      the server's flight, bogus lengths and extensions, an
                      SSLv2-style ClientHello

CERT_DER is a certificate made once with the openssl command-line tool
(a P-256 key, signed by a throwaway test CA whose key was discarded):
  subject C=CH, L=Zürich, O=Example Corp, CN=www.example.com
  issuer  C=US, O=Trawl Test CA, CN=Trawl Test Root
  serial  0A:1B:2C:3D:4E:5F:60:71:82:93
  valid   2026-12-03T13:21:37 to 2036-11-30T13:21:37
  SHA-1   9f:6c:02:f9:fd:e8:14:cc:9b:fd:bd:bc:e7:b6:67:3c:15:46:f0:33
It is the project's own fixture data; the tests do not run openssl."""
import hashlib
import os
import random
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, ipv6, tcp, udp, udp4, udp6  # noqa: E402

R = random.Random(0xd15715)
SYN, ACK, PSH, FIN, RST = 0x02, 0x10, 0x08, 0x01, 0x04

CERT_DER = bytes.fromhex(
    '3082017f30820126020a0a1b2c3d4e5f60718293300a06082a8648ce3d040302303f310b3009'
    '06035504061302555331163014060355040a0c0d547261776c20546573742043413118301606'
    '035504030c0f547261776c205465737420526f6f74301e170d3236313230333133323133375a'
    '170d3336313133303133323133375a3050310b30090603550406130243483110300e06035504'
    '070c075ac3bc7269636831153013060355040a0c0c4578616d706c6520436f72703118301606'
    '035504030c0f7777772e6578616d706c652e636f6d3059301306072a8648ce3d020106082a86'
    '48ce3d03010703420004daf1c109a74815ad6d9bbfcc3dee4856a4ca5ebf6add919026bd5c40'
    '88c366f9b9ad6bdcf4a6b794407d0f13d281ecd94478e60cfd914095cb1f61094b3a155c300a'
    '06082a8648ce3d040302034700304402201975cdbb938a3c83b19d0518d3ce6ebd563aec1169'
    '1910f012dd62084c50b366022032fedf24841aa99e369d1ae8170683d1eee46b0b8112cf66d3'
    '9396097601a5a2')
assert hashlib.sha1(CERT_DER).hexdigest() == '9f6c02f9fde814cc9bfdbdbce7b6673c1546f033'


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


class TCPConn:
    """One TCP connection written to a Pcap: side 0 the client."""

    def __init__(self, pc, c, cp, s, sp):
        self.pc, self.addr = pc, [(c, cp), (s, sp)]
        self.seq = [R.getrandbits(32), R.getrandbits(32)]
        self.v6 = ':' in c
        self.pkt(0, b'', SYN)
        self.seq[0] += 1
        self.pkt(1, b'', SYN | ACK)
        self.seq[1] += 1
        self.pkt(0, b'', ACK)

    def pkt(self, d, data, flags=ACK | PSH):
        (src, sp), (dst, dp) = self.addr[d], self.addr[1 - d]
        ack = self.seq[1 - d] if flags & ACK else 0
        seg = tcp(data, sp, dp, seq=self.seq[d] & 0xffffffff, ack=ack & 0xffffffff,
                  flags=flags, src=src, dst=dst)
        if self.v6:
            self.pc.add(ether(ipv6(seg, 6, src, dst), 0x86dd))
        else:
            self.pc.add(ether(ipv4(seg, 6, src, dst)))

    def send(self, d, data, sizes=None):
        """DATA from side d, cut into segments of SIZES (the rest whole)."""
        pieces = []
        for k in sizes or []:
            if not data:
                break
            pieces.append(data[:k])
            data = data[k:]
        if data:
            pieces.append(data)
        for p in pieces:
            self.pkt(d, p)
            self.seq[d] += len(p)

    def skip(self, d, n):
        """N bytes of side d never captured (a gap)."""
        self.seq[d] += n

    def close(self):
        for d in (0, 1):
            self.pkt(d, b'', FIN | ACK)
            self.seq[d] += 1
        self.pkt(0, b'', ACK)


# ------------------------------------------------------------------ DNS

def dname(name):
    if isinstance(name, bytes):
        return name
    out = b''
    for lab in name.rstrip('.').split('.'):
        if lab:
            out += bytes([len(lab)]) + lab.encode()
    return out + b'\0'


def q(name, qtype, qclass=1):
    return dname(name) + struct.pack('!HH', qtype, qclass)


def rr(name, rtype, rdata, ttl=300, rclass=1):
    return dname(name) + struct.pack('!HHIH', rtype, rclass, ttl, len(rdata)) + rdata


def msg(ident, flags, qd=(), an=(), ns=(), ar=(), counts=None):
    c = counts or (len(qd), len(an), len(ns), len(ar))
    return struct.pack('!HHHHHH', ident, flags, *c) + b''.join(qd) + b''.join(an) + \
        b''.join(ns) + b''.join(ar)


P12 = b'\xc0\x0c'  # a pointer to the question's name
QF, AF = 0x0100, 0x8180  # query with RD; answer with RD RA
A = lambda s: bytes(int(x) for x in s.split('.'))  # noqa: E731
C, S = '10.1.1.10', '10.1.1.53'


def gen_dns(out):
    p = Pcap(os.path.join(out, 'dnstls-dns.pcap'), start=1710000000)

    def ex(cp, query, answer, sp=53, c=C, s=S):
        p.add(udp4(query, cp, sp, c, s))
        p.add(udp4(answer, sp, cp, s, c))

    # A, two addresses
    ex(40001, msg(0x1001, QF, [q('www.example.com', 1)]),
       msg(0x1001, AF, [q('www.example.com', 1)],
           [rr(P12, 1, A('93.184.216.34')), rr(P12, 1, A('93.184.216.35'), ttl=60)]))
    # AAAA over IPv6
    import ipaddress
    c6, s6 = '2001:db8:1::10', '2001:db8:1::53'
    p.add(udp6(msg(0x1002, QF, [q('ipv6.example.com', 28)]), 40002, 53, c6, s6))
    p.add(udp6(msg(0x1002, AF, [q('ipv6.example.com', 28)],
                   [rr(P12, 28, ipaddress.IPv6Address('2001:db8::1').packed)]), 53, 40002, s6, c6))
    # a CNAME chain: www.chain.example -> a.chain.example -> b.cdn.example -> A
    qd = q('www.chain.example', 1)
    an1 = rr(P12, 5, b'\x01a\xc0\x10')            # a. + "chain.example" (at 16)
    off_a = 12 + len(qd) + 12                     # where "a.chain.example" starts
    an2 = rr(struct.pack('!H', 0xc000 | off_a), 5, b'\x01b\x03cdn\x07example\x00')
    off_b = 12 + len(qd) + len(an1) + 2 + 10      # "b.cdn.example"
    an3 = rr(struct.pack('!H', 0xc000 | off_b), 1, A('192.0.2.7'), ttl=20)
    ex(40003, msg(0x1003, QF, [qd]), msg(0x1003, AF, [qd], [an1, an2, an3]))
    # MX
    qd = q('example.org', 15)
    ex(40004, msg(0x1004, QF, [qd]),
       msg(0x1004, AF, [qd], [rr(P12, 15, b'\x00\x0a\x04mail\xc0\x0c'),
                              rr(P12, 15, b'\x00\x14\x03mx2\xc0\x0c')]))
    # TXT: two strings, one with a quote, a BEL and UTF-8
    qd = q('txt.example.org', 16)
    s2 = b'say "hi"\x07\xc3\xa9 x'
    txt = b'\x0bv=spf1 -all' + bytes([len(s2)]) + s2
    ex(40005, msg(0x1005, QF, [qd]), msg(0x1005, AF, [qd], [rr(P12, 16, txt)]))
    # NXDOMAIN with the zone's SOA in the authority section
    qd = q('nx.example.com', 1)
    soa = dname('ns1.example.com') + dname('hostmaster.example.com') + \
        struct.pack('!IIIII', 2024010101, 7200, 3600, 1209600, 300)
    ex(40006, msg(0x1006, QF, [qd]),
       msg(0x1006, 0x8183, [qd], ns=[rr('example.com', 6, soa, ttl=900)]))
    # SRV
    qd = q('_sip._tcp.example.com', 33)
    ex(40007, msg(0x1007, QF, [qd]),
       msg(0x1007, 0x8580, [qd], [rr(P12, 33, struct.pack('!HHH', 10, 60, 5060) +
                                     dname('sip.example.com'))]))
    # PTR
    qd = q('34.216.184.93.in-addr.arpa', 12)
    ex(40008, msg(0x1008, QF, [qd]),
       msg(0x1008, AF, [qd], [rr(P12, 12, dname('www.example.com'), ttl=3600)]))
    # DNS on port 5300
    qd = q('alt.example.net', 1)
    ex(40009, msg(0x1009, QF, [qd]), msg(0x1009, AF, [qd], [rr(P12, 1, A('198.51.100.9'))]),
       sp=5300)
    # not DNS: an NTP client request, a syslog line, random bytes on port 9999
    ntp = struct.pack('!BBbb', 0x23, 0, 6, -20) + bytes(8) + b'\0\0\0\0' + bytes(24) + \
        struct.pack('!II', 0xe8d2f000, 0x12345678)
    p.add(udp4(ntp, 40010, 123, C, S))
    p.add(udp4(b'<34>Oct 11 22:14:15 mymachine su: \'su root\' failed for lonvick',
               40011, 514, C, S))
    p.add(udp4(rbytes(60), 40012, 9999, C, S))
    p.close()


def gen_dnstcp(out):
    p = Pcap(os.path.join(out, 'dnstls-dnstcp.pcap'), start=1710000100)

    def framed(m):
        return struct.pack('!H', len(m)) + m
    # a query split across segments (the length prefix itself too), answered whole
    t = TCPConn(p, C, 40020, S, 53)
    qd = q('tcp.example.com', 1)
    t.send(0, framed(msg(0x2001, QF, [qd])), sizes=[1, 6, 10])
    t.send(1, framed(msg(0x2001, AF, [qd], [rr(P12, 1, A('203.0.113.1'))])))
    # two queries in one segment; two answers in one segment, the second
    # then a third sent byte by byte
    q2, q3 = q('two.example.com', 1), q('three.example.com', 28)
    t.send(0, framed(msg(0x2002, QF, [q2])) + framed(msg(0x2003, QF, [q3])))
    a2 = framed(msg(0x2002, AF, [q2], [rr(P12, 1, A('203.0.113.2'))]))
    a3 = framed(msg(0x2003, AF, [q3], [rr(P12, 28, bytes(15) + b'\x03')]))
    t.send(1, a2 + a3[:7])
    t.send(1, a3[7:], sizes=[1] * len(a3))
    t.close()
    # DNS over TCP on port 8053
    t = TCPConn(p, C, 40021, S, 8053)
    qd = q('tcp-alt.example.net', 1)
    t.send(0, framed(msg(0x2004, QF, [qd])))
    t.send(1, framed(msg(0x2004, AF, [qd], [rr(P12, 1, A('203.0.113.4'))])))
    t.close()
    p.close()


def gen_dnsbad(out):
    p = Pcap(os.path.join(out, 'dnstls-dnsbad.pcap'), start=1710000200)
    # a compression pointer loop in the answer (the pointer points at itself)
    qd = q('loop.example.com', 1)
    at = 12 + len(qd)
    p.add(udp4(msg(0x3001, QF, [qd]), 40030, 53, C, S))
    p.add(udp4(msg(0x3001, AF, [qd], [rr(struct.pack('!H', 0xc000 | at), 1, A('1.2.3.4'))]),
               53, 40030, S, C))
    # a message cut short: 3 answers announced, one and a half present
    qd = q('cut.example.com', 1)
    m = msg(0x3002, AF, [qd], [rr(P12, 1, A('1.2.3.5')), rr(P12, 1, A('1.2.3.6'))],
            counts=(1, 3, 0, 0))
    p.add(udp4(msg(0x3002, QF, [qd]), 40031, 53, C, S))
    p.add(udp4(m[:-7], 53, 40031, S, C))
    # label bytes that are neither printable nor UTF-8, and a dot inside a label
    name = b'\x04caf\xe9\x04\x01bad\x03a.b\x07example\x00'
    p.add(udp4(msg(0x3003, QF, [name + struct.pack('!HH', 1, 1)]), 40032, 53, C, S))
    # a name longer than 255 bytes in an answer (after a good query)
    qd = q('long.example.com', 1)
    long_name = (b'\x3f' + b'x' * 63) * 5 + b'\0'
    p.add(udp4(msg(0x3004, QF, [qd]), 40033, 53, C, S))
    p.add(udp4(msg(0x3004, AF, [qd], [rr(long_name, 1, A('1.2.3.7'))]), 53, 40033, S, C))
    # TCP: the connection ends inside a message
    t = TCPConn(p, C, 40034, S, 53)
    qd = q('unfinished.example.com', 1)
    m = msg(0x3005, QF, [qd])
    t.send(0, struct.pack('!H', len(m) + 60) + m)
    t.close()
    # a message whose counts promise thousands of records: bounded, malformed
    qd = q('many.example.com', 1)
    p.add(udp4(msg(0x3006, QF, [qd]), 40035, 53, C, S))
    p.add(udp4(msg(0x3006, AF, [qd], [rr(P12, 1, A('1.2.3.8'))] * 70,
                   counts=(1, 65535, 65535, 0)), 53, 40035, S, C))
    p.close()


# ------------------------------------------------------------------ TLS

def record(ctype, body, ver=0x0303):
    return struct.pack('!BHH', ctype, ver, len(body)) + body


def hs(htype, body):
    return bytes([htype]) + struct.pack('!I', len(body))[1:] + body


def ext(etype, data):
    return struct.pack('!HH', etype, len(data)) + data


def sni_ext(name):
    n = name.encode() if isinstance(name, str) else name
    entry = b'\x00' + struct.pack('!H', len(n)) + n
    return ext(0, struct.pack('!H', len(entry)) + entry)


def client_hello(sni=None, versions=None, sid=b'', extra=b'', ver=0x0303):
    exts = b''
    if sni is not None:
        exts += sni_ext(sni)
    exts += ext(0xfe0d, rbytes(9))  # something unknown to skip
    if versions:
        v = b''.join(struct.pack('!H', x) for x in versions)
        exts += ext(43, bytes([len(v)]) + v)
    exts += extra
    suites = [0x1301, 0x1302, 0xc02f, 0xc030, 0x009c, 0x002f]
    body = struct.pack('!H', ver) + rbytes(32) + bytes([len(sid)]) + sid + \
        struct.pack('!H', 2 * len(suites)) + b''.join(struct.pack('!H', s) for s in suites) + \
        b'\x01\x00' + struct.pack('!H', len(exts)) + exts
    return hs(1, body)


def server_hello(cipher, sid=b'', version=None, ver=0x0303):
    exts = ext(0xff01, b'\x00')
    if version:
        exts += ext(43, struct.pack('!H', version))
    body = struct.pack('!H', ver) + rbytes(32) + bytes([len(sid)]) + sid + \
        struct.pack('!HB', cipher, 0) + struct.pack('!H', len(exts)) + exts
    return hs(2, body)


def certificate(*ders):
    lst = b''.join(struct.pack('!I', len(d))[1:] + d for d in ders)
    return hs(11, struct.pack('!I', len(lst))[1:] + lst)


SHD = hs(14, b'')
CCS = record(20, b'\x01')
TC, TS = '10.2.2.20', '10.2.2.44'


def gen_tls(out):
    p = Pcap(os.path.join(out, 'dnstls-tls.pcap'), start=1710000300)
    # 41001: a ClientHello split across 3 segments; the server says nothing
    t = TCPConn(p, TC, 41001, TS, 443)
    ch = record(22, client_hello('split.example.com'), ver=0x0301)
    t.send(0, ch, sizes=[3, 60])
    t.close()
    # 41002: a TLS 1.2 handshake with a certificate whose message spans two
    # records, the records split across segments
    t = TCPConn(p, TC, 41002, TS, 443)
    t.send(0, record(22, client_hello('www.example.com'), ver=0x0301))
    cert = certificate(CERT_DER, rbytes(40))
    flight = record(22, server_hello(0xc02f) + cert[:100]) + record(22, cert[100:] + SHD)
    t.send(1, flight, sizes=[50, 200])
    t.send(0, record(22, hs(16, rbytes(66))) + CCS + record(22, rbytes(40)))
    t.send(1, CCS + record(22, rbytes(40)))
    t.send(0, record(23, rbytes(100)))
    t.close()
    # 41003: TLS 1.3: chosen by supported_versions; the rest encrypted
    t = TCPConn(p, TC, 41003, TS, 443)
    t.send(0, record(22, client_hello('tls13.example.com', versions=[0x3a3a, 0x0304, 0x0303],
                                      sid=rbytes(32)), ver=0x0301))
    t.send(1, record(22, server_hello(0x1301, sid=rbytes(32), version=0x0304)) + CCS +
           record(23, rbytes(800)) + record(23, rbytes(300)))
    t.send(0, CCS + record(23, rbytes(60)))
    t.close()
    # 8443: a resumed session (the server echoes the session id, no certificate)
    sid = rbytes(32)
    t = TCPConn(p, TC, 41004, TS, 8443)
    t.send(0, record(22, client_hello('port8443.example.com', sid=sid)))
    t.send(1, record(22, server_hello(0x009c, sid=sid)) + CCS + record(22, rbytes(40)))
    t.send(0, CCS + record(22, rbytes(40)) + record(23, rbytes(50)))
    t.close()
    # 31337: a certificate that is not DER
    bad = b'\x30\x82\x01\x00' + rbytes(120)
    t = TCPConn(p, TC, 41005, TS, 31337)
    t.send(0, record(22, client_hello('odd.example.net')))
    t.send(1, record(22, server_hello(0x002f) + certificate(bad) + SHD))
    t.close()
    # 41006: garbage after the hello; the server never answers
    t = TCPConn(p, TC, 41006, TS, 443)
    t.send(0, record(22, client_hello('garbage.example.com')) + b'GET / HTTP/1.0\r\n\r\n')
    t.close()
    # 41007: the whole handshake one byte a segment
    t = TCPConn(p, TC, 41007, TS, 443)
    t.send(0, record(22, client_hello('bytes.example.com')), sizes=[1] * 2000)
    t.send(1, record(22, server_hello(0xc030) + certificate(CERT_DER) + SHD), sizes=[1] * 2000)
    t.close()
    # 41008: a gap in the server's flight, in its certificate
    t = TCPConn(p, TC, 41008, TS, 443)
    t.send(0, record(22, client_hello('gap.example.com')))
    flight = record(22, server_hello(0xc02f)) + record(22, certificate(CERT_DER) + SHD)
    cut = len(record(22, server_hello(0xc02f))) + 50
    t.send(1, flight[:cut])
    t.skip(1, 100)
    t.send(1, flight[cut + 100:])
    t.close()
    # 41009: bogus lengths: an extension running past its block, then a
    # handshake message announcing 16 MiB
    t = TCPConn(p, TC, 41009, TS, 443)
    chb = client_hello('bogus.example.com', extra=struct.pack('!HH', 0x0010, 5000) + b'h2')
    # keep the outer lengths consistent with what is sent
    t.send(0, record(22, chb))
    t.send(1, record(22, server_hello(0xc02f)) + record(22, b'\x0b\xff\xff\xff' + rbytes(200)))
    t.close()
    # 41010: an SSLv2-style ClientHello offering TLS 1.0; a TLS 1.0 answer
    t = TCPConn(p, TC, 41010, TS, 443)
    specs = b'\x00\x00\x2f\x00\x00\x35\x01\x00\x80'
    body = b'\x01\x03\x01' + struct.pack('!HHH', len(specs), 0, 16) + specs + rbytes(16)
    t.send(0, struct.pack('!H', 0x8000 | len(body)) + body)
    t.send(1, record(22, server_hello(0x002f, ver=0x0301), ver=0x0301) +
           record(22, SHD, ver=0x0301), )
    t.close()
    p.close()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    gen_dns(out)
    gen_dnstcp(out)
    gen_dnsbad(out)
    gen_tls(out)


if __name__ == '__main__':
    main()
