#!/usr/bin/env python3
"""gen_apps.py OUTDIR - golden captures for the application-layer printers
(DNS, DHCP, NTP, SNMP, RADIUS, text protocols, routing protocols, IPsec...).
Deterministic; the packets are built here from the protocols' wire formats.

ESP: the ciphertexts below were produced once with the `openssl enc`
command-line tool (the Python standard library has no AES/3DES; Blowfish is left out
because tcpdump 4.99.3 crashes loading it from OpenSSL 3's legacy provider),
from plaintexts this file describes (inner packets built by esp_inner()),
with keys the project chose (see tests/golden/apps.cases and
tests/golden/esp-secrets.txt).  They are the project's own fixture data; the
tests do not run openssl."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, ipv6, udp, tcp, udp4, udp6, tcp4, ip4, ip6, mac  # noqa: E402

H = bytes.fromhex


class Rec(Pcap):
    """A Pcap that also keeps its whole frames, for the truncation capture."""
    frames = []

    def add(self, frame, caplen=None, ts=None):
        if caplen is None:
            Rec.frames.append(frame)
        super().add(frame, caplen, ts)


def be16(v):
    return struct.pack('!H', v)


def be32(v):
    return struct.pack('!I', v)


# ---------------------------------------------------------------- DNS
def dname(name):
    if name in ('', '.'):
        return b'\0'
    out = b''
    for lab in name.rstrip('.').split('.'):
        out += bytes([len(lab)]) + lab.encode()
    return out + b'\0'


def dns_q(name, qtype, qclass=1):
    return (dname(name) if isinstance(name, str) else name) + struct.pack('!HH', qtype, qclass)


def dns_rr(name, rtype, rdata, ttl=3600, rclass=1):
    n = dname(name) if isinstance(name, str) else name
    return n + struct.pack('!HHIH', rtype, rclass, ttl, len(rdata)) + rdata


PTR12 = b'\xc0\x0c'  # compression pointer to the first question name


def dns_msg(ident, flags, qd=(), an=(), ns=(), ar=()):
    return struct.pack('!HHHHHH', ident, flags, len(qd), len(an), len(ns), len(ar)) + \
        b''.join(qd) + b''.join(an) + b''.join(ns) + b''.join(ar)


def opt_rr(options=b'', udpsize=4096, do=False, ext_rcode=0, version=0):
    return b'\0' + struct.pack('!HHBBHH', 41, udpsize, ext_rcode, version, 0x8000 if do else 0,
                               len(options)) + options


def edns_opt(code, data):
    return struct.pack('!HH', code, len(data)) + data


def gen_dns(out):
    p = Rec(os.path.join(out, 'apps-dns.pcap'))
    C, S = '192.0.2.10', '192.0.2.53'
    q = lambda m: p.add(udp4(m, 33000, 53, C, S))      # noqa: E731
    r = lambda m: p.add(udp4(m, 53, 33000, S, C))      # noqa: E731
    # A query / answer with compression, CNAME chain, authority, additional
    q(dns_msg(0x1001, 0x0100, [dns_q('www.example.com', 1)]))
    r(dns_msg(0x1001, 0x8180, [dns_q('www.example.com', 1)],
              [dns_rr(PTR12, 5, dname('web.example.com')),
               dns_rr(dname('web.example.com'), 1, ip4('198.51.100.80'), 300)],
              [dns_rr(b'\xc0\x10', 2, dname('ns1.example.com'), 86400)],
              [dns_rr(dname('ns1.example.com'), 1, ip4('192.0.2.53'))]))
    # AAAA, MX, TXT, SOA, SRV, PTR, HINFO, NS, CAA-less types
    q(dns_msg(0x1002, 0x0100, [dns_q('example.com', 28)]))
    r(dns_msg(0x1002, 0x8580, [dns_q('example.com', 28)],
              [dns_rr(PTR12, 28, ip6('2001:db8::80')), dns_rr(PTR12, 28, ip6('2001:db8:1::1'))]))
    q(dns_msg(0x1003, 0x0100, [dns_q('example.com', 15)]))
    r(dns_msg(0x1003, 0x8180, [dns_q('example.com', 15)],
              [dns_rr(PTR12, 15, be16(10) + dname('mail.example.com')),
               dns_rr(PTR12, 15, be16(20) + b'\x05mail2\xc0\x0c')]))
    q(dns_msg(0x1004, 0x0100, [dns_q('example.com', 16)]))
    r(dns_msg(0x1004, 0x8180, [dns_q('example.com', 16)],
              [dns_rr(PTR12, 16, b'\x0bv=spf1 -all\x05hello')]))
    r(dns_msg(0x1005, 0x8183, [dns_q('nope.example.com', 1)], [],
              [dns_rr(dname('example.com'), 6, dname('ns1.example.com') + dname('hostmaster.example.com') +
                      struct.pack('!IIIII', 2023010101, 7200, 3600, 1209600, 300))]))
    r(dns_msg(0x1006, 0x8180, [dns_q('_sip._udp.example.com', 33)],
              [dns_rr(PTR12, 33, struct.pack('!HHH', 10, 60, 5060) + dname('sip.example.com'))]))
    r(dns_msg(0x1007, 0x8180, [dns_q('2.100.51.198.in-addr.arpa', 12)],
              [dns_rr(PTR12, 12, dname('host.example.com'))]))
    r(dns_msg(0x1008, 0x8180, [dns_q('example.com', 13)],
              [dns_rr(PTR12, 13, b'\x03x86\x05Linux')]))
    r(dns_msg(0x1009, 0x8180, [dns_q('example.com', 2)],
              [dns_rr(PTR12, 2, dname('a.ns.example.com')), dns_rr(PTR12, 2, b'\x01b\xc0\x0c')]))
    # rcodes and flags
    r(dns_msg(0x100a, 0x8182, [dns_q('example.org', 1)]))
    r(dns_msg(0x100b, 0x8385, [dns_q('example.org', 255)]))
    q(dns_msg(0x100c, 0x0000, [dns_q('example.org', 252)]))
    q(dns_msg(0x100d, 0x2800, [dns_q('example.org', 6)], [], [],
              [dns_rr(dname('example.org'), 1, ip4('192.0.2.7'))]))  # UPDATE opcode
    q(dns_msg(0x100e, 0x0110, [dns_q('example.org', 1)]))  # CD
    q(dns_msg(0x100f, 0x0120, [dns_q('example.org', 1)]))  # AD
    # EDNS with options
    opts = edns_opt(10, H('0102030405060708')) + edns_opt(8, H('00011800c0000200')) + \
        edns_opt(3, b'') + edns_opt(12, bytes(4)) + edns_opt(11, be16(300)) + \
        edns_opt(15, be16(18) + b'blocked') + edns_opt(65001, b'xy')
    q(dns_msg(0x1010, 0x0120, [dns_q('example.net', 1)], [], [], [opt_rr(opts, 1232, do=True)]))
    r(dns_msg(0x1010, 0x81a0, [dns_q('example.net', 1)],
              [dns_rr(PTR12, 1, ip4('203.0.113.5'))], [], [opt_rr(b'', 1232, do=True)]))
    q(dns_msg(0x1011, 0x0100, [dns_q('example.net', 1)], [], [], [opt_rr(b'', 512, version=1)]))
    # DNSSEC records
    key = bytes(range(1, 33))
    r(dns_msg(0x1012, 0x8180, [dns_q('example.net', 48)],
              [dns_rr(PTR12, 48, struct.pack('!HBB', 257, 3, 13) + key),
               dns_rr(PTR12, 46, struct.pack('!HBBIIIH', 48, 13, 2, 3600, 1700100000, 1699000000, 12345) +
                      b'\xc0\x0c' + bytes(64))],
              [], [opt_rr(b'', 4096, do=True)]))
    r(dns_msg(0x1013, 0x8180, [dns_q('example.net', 43)],
              [dns_rr(PTR12, 43, struct.pack('!HBB', 12345, 13, 2) + bytes(range(32)))]))
    r(dns_msg(0x1014, 0x8183, [dns_q('zz.example.net', 1)], [],
              [dns_rr(dname('example.net'), 47, dname('www.example.net') + H('0006400000000003')),
               dns_rr(dname('abc.example.net'), 50, H('0100000a04aabbccdd04eeff0011') + H('000722000000000290'))]))
    # unknown type, class CHAOS, TXT version.bind
    q(dns_msg(0x1015, 0x0100, [dns_q('version.bind', 16, 3)]))
    r(dns_msg(0x1016, 0x8180, [dns_q('example.net', 65280)], [dns_rr(PTR12, 65280, b'\xde\xad\xbe\xef')]))
    # more record types: NAPTR, LOC, A6, NSEC3PARAM, TLSA, SSHFP, SVCB-less unknowns, URI, CAA
    r(dns_msg(0x1020, 0x8180, [dns_q('example.net', 255)],
              [dns_rr(PTR12, 35, struct.pack('!HH', 100, 10) + b'\x01U\x07E2U+sip\x1b!^.*$!sip:info@example.net!\x00'),
               dns_rr(PTR12, 29, H('00121616') + be32(0x8b0d2c8c) + be32(0x7f7ee140) + be32(0x00989680)),
               dns_rr(PTR12, 38, b'\x40' + H('0000000000000001') + dname('pfx.example.net')),
               dns_rr(PTR12, 51, H('0100000a04aabbccdd')),
               dns_rr(PTR12, 52, H('030101') + bytes(32)),
               dns_rr(PTR12, 44, H('0401') + bytes(20)),
               dns_rr(PTR12, 256, H('000a0001') + b'https://example.net/'),
               dns_rr(PTR12, 257, b'\x00\x05issueca.example'),
               dns_rr(PTR12, 99, b'\x0fv=spf1 ~all'),
               dns_rr(PTR12, 39, dname('other.example')),
               dns_rr(PTR12, 17, dname('admin.example.net') + dname('txt.example.net')),
               dns_rr(PTR12, 24, be16(1) + be16(5) + b'\x03\x08' + be32(3600) + be32(1700100000) + be32(1699000000) +
                      be16(7) + dname('example.net') + bytes(8)),
               dns_rr(PTR12, 25, H('0100') + b'\x03\x05' + bytes(16)),
               dns_rr(PTR12, 30, dname('next.example.net') + H('40000000')),
               dns_rr(PTR12, 42, H('0001000c') + H('02040001') + H('c0000200')[:3]),
               dns_rr(PTR12, 14, dname('box.example.net') + dname('err.example.net')),
               dns_rr(PTR12, 3, dname('md.example.net')),
               dns_rr(PTR12, 7, dname('mb.example.net')),
               dns_rr(PTR12, 26, be16(10) + dname('map.example.net') + dname('x.example.net')),
               dns_rr(PTR12, 36, be16(5) + dname('kx.example.net')),
               dns_rr(PTR12, 12, dname('p.example.net'))],
              [], [opt_rr(edns_opt(8, H('0002300020010db8000100')) + edns_opt(10, bytes(8) + bytes(16)) +
                          edns_opt(5, H('0508')) + edns_opt(6, H('0102')) + edns_opt(7, H('01')) +
                          edns_opt(9, be32(3600)), 1400, do=True, ext_rcode=1),
                   dns_rr(dname('key.example'), 250, dname('hmac-sha256') + H('000065530f00012c') + be16(32) + bytes(32) +
                          be16(0x1020) + be16(0) + be16(0), 0, 255)]))
    q(dns_msg(0x1021, 0x0100, [dns_q('example.net', 251)], [], [dns_rr(PTR12, 6, dname('a.example') +
      dname('b.example') + struct.pack('!IIIII', 5, 1, 1, 1, 1))]))
    q(dns_msg(0x1022, 0x2400, [dns_q('example.net', 6)], [dns_rr(PTR12, 6, dname('a.example') + dname('b.example') +
      struct.pack('!IIIII', 6, 1, 1, 1, 1))]))
    q(dns_msg(0x1023, 0x1000, [dns_q('example.net', 1)]))
    q(dns_msg(0x1024, 0x0900, [dns_q('example.net', 1)], [], [], [opt_rr(edns_opt(12, bytes(10)), 4096)]))
    r(dns_msg(0x1025, 0x8780, [dns_q('example.net', 1)], [dns_rr(PTR12, 1, ip4('192.0.2.1'), 2 ** 31 + 5)]))
    r(dns_msg(0x1026, 0x8184, [dns_q('example.net', 1)]))
    r(dns_msg(0x1027, 0x818f, [dns_q('example.net', 1)], [], [], [opt_rr(b'', 512, ext_rcode=1)]))
    # IPv6 transport, long label, escaped characters
    p.add(udp6(dns_msg(0x1017, 0x0100, [dns_q('we\\ird.exa"mple.com', 1)]), 33001, 53))
    p.add(udp6(dns_msg(0x1018, 0x0100, [dns_q('a' * 63 + '.example.com', 28)]), 33001, 53))
    # compression loop / bad pointer (must not hang)
    r(dns_msg(0x1019, 0x8180, [b'\xc0\x0c' + struct.pack('!HH', 1, 1)]))
    r(dns_msg(0x101a, 0x8180, [dns_q('ok.example', 1)], [dns_rr(b'\xc0\x7f', 1, ip4('192.0.2.1'))]))
    # truncated answer (caplen) and truncated message
    m = dns_msg(0x101b, 0x8180, [dns_q('www.example.com', 1)],
                [dns_rr(PTR12, 1, ip4('198.51.100.80')), dns_rr(PTR12, 1, ip4('198.51.100.81'))])
    p.add(udp4(m, 53, 33000, S, C), caplen=14 + 20 + 8 + len(m) - 6)
    p.add(udp4(m, 53, 33000, S, C), caplen=14 + 20 + 8 + 20)
    p.add(udp4(m[:-6], 53, 33000, S, C))
    # DNS over TCP (length prefix), two messages in one segment
    m1 = dns_msg(0x2001, 0x0100, [dns_q('tcp.example.com', 1)])
    m2 = dns_msg(0x2001, 0x8180, [dns_q('tcp.example.com', 1)], [dns_rr(PTR12, 1, ip4('192.0.2.99'))])
    p.add(tcp4(be16(len(m1)) + m1, 40053, 53, C, S))
    p.add(tcp4(be16(len(m2)) + m2, 53, 40053, S, C, seq=1000, ack=1 + 2 + len(m1)))
    p.add(tcp4(be16(len(m2)) + m2[:10], 53, 40053, S, C, seq=2000))
    # mDNS query (QU bit) and announcement (cache flush), LLMNR-ish port
    p.add(udp4(dns_msg(0, 0, [dns_q('printer.local', 255, 0x8001)]), 5353, 5353, '192.0.2.20', '224.0.0.251'))
    p.add(udp4(dns_msg(0, 0x8400, [], [dns_rr(dname('printer.local'), 1, ip4('192.0.2.20'), 120, 0x8001),
                                       dns_rr(dname('_ipp._tcp.local'), 12, b'\x07printer\xc0\x14', 4500)]),
               5353, 5353, '192.0.2.20', '224.0.0.251'))
    p.add(udp6(dns_msg(0, 0, [dns_q('_http._tcp.local', 12)]), 5353, 5353, 'fe80::1', 'ff02::fb'))
    # LLMNR (RFC 4795) query and answer, over IPv4 and IPv6
    p.add(udp4(dns_msg(0x3a01, 0, [dns_q('fileserver', 1)]), 52000, 5355, '192.0.2.20', '224.0.0.252'))
    p.add(udp4(dns_msg(0x3a01, 0x8000, [dns_q('fileserver', 1)], [dns_rr(PTR12, 1, ip4('192.0.2.30'), 30)]),
               5355, 52000, '192.0.2.30', '192.0.2.20'))
    p.add(udp6(dns_msg(0x3a02, 0x0400, [dns_q('fileserver', 28)]), 52001, 5355, 'fe80::1', 'ff02::1:3'))
    p.close()
    # DNS on another port (decoded with -T domain)
    p = Pcap(os.path.join(out, 'apps-dnsalt.pcap'))  # not in apps-trunc
    p.add(udp4(dns_msg(0x3001, 0x0100, [dns_q('alt.example.com', 1)]), 33002, 5300, C, S))
    p.add(udp4(dns_msg(0x3001, 0x8180, [dns_q('alt.example.com', 1)], [dns_rr(PTR12, 1, ip4('192.0.2.3'))]),
               5300, 33002, S, C))
    # extended response codes (OPT's upper bits): tcpdump prints 17 and 21 unspaced
    for rc in (16, 17, 21, 22, 23):
        p.add(udp4(dns_msg(0x3002, 0x8000 | (rc & 15), ar=[opt_rr(ext_rcode=rc >> 4)]), 53, 33003, S, C))
    p.close()


# ---------------------------------------------------------------- DHCP / BOOTP
def bootp(op, xid, chaddr, options, ciaddr='0.0.0.0', yiaddr='0.0.0.0', siaddr='0.0.0.0', giaddr='0.0.0.0',
          flags=0, secs=0, hops=0, sname=b'', file=b'', cookie=True):
    b = struct.pack('!BBBBIHH4s4s4s4s', op, 1, 6, hops, xid, secs, flags, ip4(ciaddr), ip4(yiaddr),
                    ip4(siaddr), ip4(giaddr))
    b += mac(chaddr) + bytes(10) + sname.ljust(64, b'\0') + file.ljust(128, b'\0')
    if cookie:
        b += H('63825363')
    return b + options


def o(code, data):
    return bytes([code, len(data)]) + data


def gen_dhcp(out):
    p = Rec(os.path.join(out, 'apps-dhcp.pcap'))
    cm = '00:11:22:33:44:55'
    disc = o(53, b'\x01') + o(61, b'\x01' + mac(cm)) + o(50, ip4('192.0.2.100')) + o(12, b'client1') + \
        o(60, b'MSFT 5.0') + o(55, bytes([1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252])) + \
        o(57, be16(1500)) + o(116, b'\x01') + o(81, b'\x00\x00\x00client1.example.com') + b'\xff'
    p.add(udp4(bootp(1, 0x3903f326, cm, disc, flags=0x8000, secs=3), 68, 67, '0.0.0.0', '255.255.255.255'))
    offer = o(53, b'\x02') + o(54, ip4('192.0.2.1')) + o(51, be32(86400)) + o(58, be32(43200)) + \
        o(59, be32(75600)) + o(1, ip4('255.255.255.0')) + o(3, ip4('192.0.2.1')) + \
        o(6, ip4('192.0.2.53') + ip4('192.0.2.54')) + o(15, b'example.com') + o(28, ip4('192.0.2.255')) + \
        o(42, ip4('192.0.2.123')) + o(44, ip4('192.0.2.5')) + o(46, b'\x08') + o(2, be32(3600)) + \
        o(121, H('18c0a801c0000201') + H('00c0000201')) + o(119, b'\x07example\x03com\x00') + \
        o(43, H('0104c0000201')) + o(19, b'\x00') + o(23, b'\x40') + o(26, be16(1400)) + \
        o(33, ip4('10.0.0.0') + ip4('192.0.2.1')) + o(66, b'tftp.example.com') + o(67, b'pxelinux.0') + \
        o(82, o(1, b'eth0/1') + o(2, b'relay1')) + o(150, ip4('192.0.2.69')) + o(252, b'http://wpad/wpad.dat') + \
        b'\x00\x00\xff'
    p.add(udp4(bootp(2, 0x3903f326, cm, offer, yiaddr='192.0.2.100', siaddr='192.0.2.1', sname=b'server1',
                     file=b'boot.img'), 67, 68, '192.0.2.1', '192.0.2.100'))
    req = o(53, b'\x03') + o(50, ip4('192.0.2.100')) + o(54, ip4('192.0.2.1')) + o(12, b'client1') + \
        o(55, bytes([1, 3, 6])) + o(77, b'userclass') + o(93, be16(7)) + o(94, b'\x01\x02\x01') + \
        o(97, b'\x00' + bytes(range(16))) + o(125, H('00000de9') + b'\x06' + o(1, b'abcd')) + \
        o(124, H('00000de9') + b'\x05\x01\x03xyz') + b'\xff'
    p.add(udp4(bootp(1, 0x3903f327, cm, req, hops=1, giaddr='192.0.2.254'), 67, 67, '192.0.2.254', '192.0.2.1'))
    ack = o(53, b'\x05') + o(54, ip4('192.0.2.1')) + o(51, be32(0xffffffff)) + o(1, ip4('255.255.255.0')) + \
        o(3, ip4('192.0.2.1')) + o(158, b'') + o(200, b'vendor!') + b'\xff'
    p.add(udp4(bootp(2, 0x3903f327, cm, ack, ciaddr='192.0.2.100', yiaddr='192.0.2.100'), 67, 68,
               '192.0.2.1', '192.0.2.100'))
    more = o(53, b'\x01') + o(52, b'\x03') + o(61, b'\x00client-name') + o(81, b'\x05\x00\x00\x04host\x07example\x00') + \
        o(82, o(1, b'\x00\x04\x00\x01\x00\x02') + o(2, b'\x00\x06' + mac('00:aa:bb:cc:dd:ee')) + o(5, ip4('192.0.2.0')) +
          o(9, be32(3561) + b'\x05' + o(1, b'abc')) + o(11, ip4('192.0.2.1')) + o(151, b'v')) + \
        o(249, H('18c0a801c0000201')) + o(60, b'PXEClient:Arch:00000:UNDI:002001') + o(93, be16(0)) + \
        o(44, ip4('192.0.2.5')) + o(46, b'\x02') + o(47, b'scope') + o(16, ip4('192.0.2.16')) + o(4, ip4('192.0.2.4')) + \
        o(9, ip4('192.0.2.9')) + o(17, b'/root') + o(37, b'\x40') + o(64, b'nisdom') + o(65, ip4('192.0.2.65')) + \
        o(69, ip4('192.0.2.25')) + o(100, b'EST5EDT') + o(101, b'America/New_York') + o(118, ip4('192.0.2.0')) + \
        o(145, b'\x01') + o(212, b'\x20\x00' + bytes(16) + ip4('192.0.2.1')) + o(255 - 1, b'zz') + b'\xff'
    p.add(udp4(bootp(1, 0x3903f400, cm, more, sname=o(12, b'over') + b'\xff', file=o(15, b'file.example') + b'\xff'),
               68, 67, '0.0.0.0', '255.255.255.255'))
    for t in (4, 6, 7, 8, 9, 10, 11, 12, 13, 18):
        p.add(udp4(bootp(1, 0x1000 + t, cm, o(53, bytes([t])) + o(56, b'message') + b'\xff',
                         ciaddr='192.0.2.100'), 68, 67, '192.0.2.100', '192.0.2.1'))
    # BOOTP without cookie (vendor area zeros), bad cookie, truncated options
    p.add(udp4(bootp(1, 0x2000, cm, bytes(64), cookie=False), 68, 67, '0.0.0.0', '255.255.255.255'))
    p.add(udp4(bootp(1, 0x2001, cm, H('0102030400000000') + bytes(56), cookie=False), 68, 67, '0.0.0.0',
               '255.255.255.255'))
    f = udp4(bootp(1, 0x2002, cm, disc), 68, 67, '0.0.0.0', '255.255.255.255')
    p.add(f, caplen=len(f) - 20)
    p.add(f, caplen=14 + 20 + 8 + 100)
    # DHCPv6
    duid = be16(1) + be16(1) + be32(0x2a000000) + mac(cm)
    sduid = be16(3) + be16(1) + mac('00:50:56:00:00:01')
    d6o = lambda c, d: struct.pack('!HH', c, len(d)) + d   # noqa: E731
    ia = d6o(3, be32(0x0e1a2b3c) + be32(3600) + be32(5400) +
             d6o(5, ip6('2001:db8::100') + be32(7200) + be32(10800)))
    solicit = b'\x01' + H('aabbcc') + d6o(1, duid) + d6o(8, be16(0)) + ia + \
        d6o(6, be16(23) + be16(24) + be16(31) + be16(82)) + d6o(39, b'\x00\x07client1') + \
        d6o(16, be32(311) + be16(8) + b'MSFT 5.0') + d6o(14, b'')
    p.add(udp6(solicit, 546, 547, 'fe80::211:22ff:fe33:4455', 'ff02::1:2'))
    adv = b'\x02' + H('aabbcc') + d6o(1, duid) + d6o(2, sduid) + ia + d6o(7, b'\x0a') + \
        d6o(23, ip6('2001:db8::53') + ip6('2001:db8::54')) + d6o(24, b'\x07example\x03com\x00') + \
        d6o(13, be16(0) + b'all good') + d6o(25, be32(1) + be32(0) + be32(0) +
                                               d6o(26, be32(3600) + be32(7200) + b'\x38' + ip6('2001:db8:100::')))
    p.add(udp6(adv, 547, 546, 'fe80::1', 'fe80::211:22ff:fe33:4455'))
    for t, extra in ((3, d6o(2, sduid)), (5, b''), (7, d6o(13, be16(2) + b'NoAddrsAvail')), (8, b''), (9, b''),
                     (11, d6o(6, be16(23))), (10, b'')):
        p.add(udp6(bytes([t]) + H('010203') + d6o(1, duid) + extra + d6o(8, be16(100)), 546, 547,
                   'fe80::211:22ff:fe33:4455', 'ff02::1:2'))
    # more DHCPv6 options: auth, unicast, status, rapid commit, user/vendor class, vendor opts, interface-id,
    # reconfigure message/accept, IA_TA, SNTP/NTP servers, SIP servers, NIS, lifetime, FQDN, remote-id, ERO
    extra = d6o(11, b'\x03\x01\x00' + bytes(8) + bytes(16)) + d6o(12, ip6('2001:db8::1')) + d6o(14, b'') + \
        d6o(15, be16(4) + b'corp') + d6o(17, be32(9) + be16(1) + be16(3) + b'abc') + d6o(19, b'\x05') + d6o(20, b'') + \
        d6o(4, be32(7) + d6o(5, ip6('2001:db8::7') + be32(1) + be32(2))) + d6o(21, b'\x03sip\x07example\x00') + \
        d6o(22, ip6('2001:db8::5060')) + d6o(27, ip6('2001:db8::111')) + d6o(29, b'\x03nis\x00') + \
        d6o(31, ip6('2001:db8::123')) + d6o(32, be32(86400)) + d6o(39, b'\x01\x04host\x07example\x00') + \
        d6o(38, b'subscriber') + d6o(43, be16(23)) + \
        d6o(56, d6o(1, ip6('2001:db8::124')) + d6o(3, b'\x03ntp\x00')) + d6o(82, be32(3600)) + d6o(83, be32(60)) + \
        d6o(999, b'??')
    p.add(udp6(b'\x07' + H('0a0b0c') + d6o(1, duid) + d6o(2, sduid) + extra, 547, 546, 'fe80::1',
               'fe80::211:22ff:fe33:4455'))
    relay = b'\x0c\x00' + ip6('2001:db8::1') + ip6('fe80::211:22ff:fe33:4455') + d6o(18, b'eth0') + \
        d6o(9, solicit) + d6o(37, be32(9) + b'remote')
    p.add(udp6(relay, 547, 547, '2001:db8::1', '2001:db8::2'))
    p.add(udp6(b'\x0d\x00' + ip6('2001:db8::1') + ip6('fe80::1') + d6o(9, adv), 547, 547,
               '2001:db8::2', '2001:db8::1'))
    f = udp6(solicit, 546, 547, 'fe80::211:22ff:fe33:4455', 'ff02::1:2')
    p.add(f, caplen=len(f) - 9)
    p.close()


# ---------------------------------------------------------------- NTP, SNMP, syslog, TFTP, RADIUS ...
def ntp_pkt(li_vn_mode, stratum, poll, prec, refid, ts=(0, 0, 0, 0)):
    return struct.pack('!BBbbII4s', li_vn_mode, stratum, poll, prec, 0x00000123, 0x00004567, refid) + \
        b''.join(struct.pack('!II', t, 0x80000000 if t else 0) for t in ts)


def ber(tag, data):
    n = len(data)
    if n < 128:
        return bytes([tag, n]) + data
    return bytes([tag, 0x81 if n < 256 else 0x82]) + (bytes([n]) if n < 256 else be16(n)) + data


def bint(v, tag=2):
    b = v.to_bytes(max(1, (v.bit_length() + 8) // 8), 'big', signed=True) if v >= 0 else \
        v.to_bytes(4, 'big', signed=True)
    return ber(tag, b)


def boid(text):
    a = [int(x) for x in text.split('.')]
    out = bytes([a[0] * 40 + a[1]])
    for v in a[2:]:
        enc = [v & 0x7f]
        v >>= 7
        while v:
            enc.insert(0, 0x80 | (v & 0x7f))
            v >>= 7
        out += bytes(enc)
    return ber(6, out)


def gen_udpapps(out):
    p = Rec(os.path.join(out, 'apps-udp.pcap'))
    A, B = '192.0.2.1', '192.0.2.2'
    # NTP client/server/broadcast/symmetric and v3
    p.add(udp4(ntp_pkt(0xe3, 0, 6, -20, b'\0\0\0\0', (0, 0, 0, 3900000000)), 123, 123, A, B))
    p.add(udp4(ntp_pkt(0x24, 2, 6, -23, ip4('192.0.2.123'), (3899999000, 3900000000, 3900000000, 3900000001)),
               123, 123, B, A))
    p.add(udp4(ntp_pkt(0x1c, 1, 10, -29, b'GPS\0', (3899999000, 0, 3900000000, 3900000001)), 123, 123, B, A))
    p.add(udp4(ntp_pkt(0x25, 3, 6, -18, ip4('10.1.1.1'), (3899999000, 0, 0, 3900000001)), 123, 123, B,
               '224.0.1.1'))
    p.add(udp4(ntp_pkt(0xd9, 16, 4, -6, b'INIT', (0, 0, 0, 0)) + be32(1) + bytes(16), 123, 123, A, B))
    p.add(udp4(ntp_pkt(0xe4, 0, 6, -20, b'RATE', (0, 0, 0, 1)), 123, 123, A, B))
    # NTP control (mode 6) and private (mode 7)
    p.add(udp4(struct.pack('!BBHHHHH', 0x16, 0x02, 1, 0, 0, 0, 0), 40123, 123, A, B))
    p.add(udp4(struct.pack('!BBHHHHH', 0x16, 0x82, 1, 0x0615, 0, 0, 12) + b'version="4"\0', 123, 40123, B, A))
    p.add(udp4(b'\x17\x00\x03\x2a' + bytes(4), 40123, 123, A, B))
    # NTP with a symmetric-key MAC (key id + MD5 / SHA1 digest), stratum 16, leap bits, v1..v3
    p.add(udp4(ntp_pkt(0x23, 2, 6, -23, ip4('192.0.2.123'), (3899999000, 3900000000, 3900000000, 3900000001)) +
               be32(42) + bytes(range(16)), 123, 123, A, B))
    p.add(udp4(ntp_pkt(0xe3, 2, 17, -23, ip4('192.0.2.123'), (3899999000, 3900000000, 3900000000, 3900000001)) +
               be32(7) + bytes(range(20)), 123, 123, A, B))
    p.add(udp4(ntp_pkt(0x9c, 16, 6, 0, b'STEP', (0, 0, 0, 0)), 123, 123, B, A))
    p.add(udp4(ntp_pkt(0x0b, 1, 6, -20, b'PPS\0', (0, 0, 0, 1)), 123, 123, B, A))
    p.add(udp4(ntp_pkt(0x27, 1, 6, -20, b'LOCL', (0, 0, 0, 1)) + bytes(8), 123, 123, B, A))
    # NTP control: read status response with data, error response, more flag, auth trailer
    p.add(udp4(struct.pack('!BBHHHHH', 0x26, 0xa2, 3, 0x0618, 7, 0, 8) + b'offset=1', 123, 40123, B, A))
    p.add(udp4(struct.pack('!BBHHHHH', 0x26, 0xc1, 4, 0x0400, 0, 0, 0), 123, 40123, B, A))
    p.add(udp4(struct.pack('!BBHHHHH', 0x1e, 0x04, 5, 0, 0, 0, 0) + be32(1) + bytes(16), 40123, 123, A, B))
    # NTP mode 7 (private): request and response
    p.add(udp4(b'\x97\x00\x03\x2a' + struct.pack('!HH', 1, 0x0048) + bytes(72), 123, 40123, B, A))
    p.add(udp4(b'\x17\x80\x03\x10' + struct.pack('!HH', 0, 0), 40123, 123, A, B))
    f = udp4(ntp_pkt(0x24, 2, 6, -23, ip4('192.0.2.123'), (1, 2, 3, 4)), 123, 123, B, A)
    p.add(f, caplen=len(f) - 20)
    # SNMP v1 get / response / trap, v2c getbulk, v3
    vb = lambda oid, val: ber(0x30, boid(oid) + val)     # noqa: E731
    pdu = lambda t, rid, vbs, e=0, i=0: ber(t, bint(rid) + bint(e) + bint(i) + ber(0x30, b''.join(vbs)))  # noqa
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'public') + pdu(0xa0, 1234, [vb('1.3.6.1.2.1.1.1.0', b'\x05\x00'),
                                                                       vb('1.3.6.1.2.1.1.3.0', b'\x05\x00')])),
               40161, 161, A, B))
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'public') + pdu(0xa2, 1234, [
        vb('1.3.6.1.2.1.1.1.0', ber(4, b'Linux box')), vb('1.3.6.1.2.1.1.3.0', bint(123456, 0x43)),
        vb('1.3.6.1.2.1.1.2.0', boid('1.3.6.1.4.1.8072.3.2.10')), vb('1.3.6.1.2.1.4.20.1.1.1', ber(0x40, ip4('10.0.0.1'))),
        vb('1.3.6.1.2.1.2.2.1.10.1', bint(4000000000, 0x41)), vb('1.3.6.1.2.1.2.2.1.5.1', bint(100000, 0x42)),
        vb('1.3.6.1.2.1.31.1.1.1.6.1', bint(2 ** 40, 0x46)), vb('1.3.6.1.2.1.1.4.0', bint(-5))])), 161, 40161, B, A))
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'private') + pdu(0xa3, 7, [vb('1.3.6.1.2.1.1.5.0', ber(4, b'newname'))])),
               40161, 161, A, B))
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'public') + pdu(0xa2, 8, [vb('1.3.6.1.2.1.1.9.0', b'\x05\x00')], 2, 1)),
               161, 40161, B, A))
    trap = ber(0xa4, boid('1.3.6.1.4.1.8072') + ber(0x40, ip4('192.0.2.2')) + bint(6) + bint(17) +
               bint(5000, 0x43) + ber(0x30, vb('1.3.6.1.2.1.1.1.0', ber(4, b'x'))))
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'public') + trap), 40162, 162, B, A))
    p.add(udp4(ber(0x30, bint(1) + ber(4, b'public') + ber(0xa5, bint(99) + bint(0) + bint(10) +
                                                          ber(0x30, vb('1.3.6.1.2.1.2.2', b'\x05\x00')))),
               40161, 161, A, B))
    p.add(udp4(ber(0x30, bint(1) + ber(4, b'public') + pdu(0xa7, 5, [
        vb('1.3.6.1.2.1.1.3.0', bint(1000, 0x43)), vb('1.3.6.1.6.3.1.1.4.1.0', boid('1.3.6.1.6.3.1.1.5.3')),
        vb('1.3.6.1.2.1.2.2.1.1.1', b'\x80\x00')])), 40162, 162, B, A))
    p.add(udp4(ber(0x30, bint(1) + ber(4, b'public') + pdu(0xa2, 6, [vb('1.3.6.1.2.1.1.1.0', b'\x81\x00'),
                                                                     vb('1.3.6.1.2.1.1.2.0', b'\x82\x00')])),
               161, 40161, B, A))
    usm = ber(0x30, ber(4, H('80001f8880e9630000d61ff449')) + bint(5) + bint(1234) + ber(4, b'admin') +
              ber(4, bytes(12)) + ber(4, H('0001020304050607')))
    p.add(udp4(ber(0x30, bint(3) + ber(0x30, bint(0x1234) + bint(65507) + ber(4, b'\x04') + bint(3)) +
                   ber(4, usm) + ber(0x30, ber(4, H('80001f8880e9630000d61ff449')) + ber(4, b'') +
                                     pdu(0xa0, 11, [vb('1.3.6.1.2.1.1.1.0', b'\x05\x00')]))), 40161, 161, A, B))
    p.add(udp4(ber(0x30, bint(3) + ber(0x30, bint(0x1235) + bint(65507) + ber(4, b'\x07') + bint(3)) +
                   ber(4, usm) + ber(4, bytes(range(24)))), 40161, 161, A, B))
    p.add(udp4(b'\x30\x84\x00\x00\x00\x05\x02\x01\x00\x04\x00', 40161, 161, A, B))
    p.add(udp4(ber(0x30, bint(1) + ber(4, b'public') + pdu(0xa6, 21, [vb('1.3.6.1.2.1.1.3.0', bint(5, 0x43)),
                                                                      vb('1.3.6.1.2.1.1.1.0', ber(0x44, b'\x01\x02')),
                                                                      vb('1.3.6.1.2.1.1.7.0', ber(4, b'\x00\x01bin')),
                                                                      vb('1.3.6.1.4.1.99999.2147483648', b'\x05\x00')])),
               40162, 162, B, A))
    p.add(udp4(ber(0x30, bint(1) + ber(4, b'public') + pdu(0xa8, 22, [vb('1.3.6.1.6.3.15.1.1.4.0', bint(7, 0x41))])),
               161, 40161, B, A))
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'public') + pdu(0xa1, 23, [vb('1.3.6.1.2.1', b'\x05\x00')])), 40161, 161, A, B))
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'public') + pdu(0xa2, 24, [vb('1.3.6.1.2.1.1.1.0', ber(0x04, b'x' * 300))])),
               161, 40161, B, A))
    p.add(udp4(ber(0x30, bint(2) + ber(4, b'public') + pdu(0xa0, 25, [])), 40161, 161, A, B))
    p.add(udp4(ber(0x30, bint(0) + ber(4, b'public') + ber(0xaf, b'\x02\x01\x01')), 40161, 161, A, B))
    f = udp4(ber(0x30, bint(0) + ber(4, b'public') + pdu(0xa0, 1234, [vb('1.3.6.1.2.1.1.1.0', b'\x05\x00')])),
             40161, 161, A, B)
    p.add(f, caplen=len(f) - 8)
    # syslog
    for m in (b'<34>Oct 11 22:14:15 mymachine su: \'su root\' failed for lonvick on /dev/pts/8',
              b'<165>1 2003-10-11T22:14:15.003Z host app - ID47 - hello\n', b'<13>plain', b'<999>bad', b'noprio',
              b'<0>\x01ctl\xffbyte'):
        p.add(udp4(m, 514, 514, A, B))
    f = udp4(b'<30>Nov 26 10:00:00 host daemon[1]: a long message for truncation', 514, 514, A, B)
    p.add(f, caplen=len(f) - 30)
    # TFTP
    p.add(udp4(b'\x00\x01pxelinux.0\x00octet\x00blksize\x001456\x00tsize\x000\x00', 40069, 69, A, B))
    p.add(udp4(b'\x00\x02upload.txt\x00netascii\x00', 40069, 69, A, B))
    p.add(udp4(b'\x00\x06blksize\x001456\x00tsize\x0012345\x00', 40070, 69, B, A))
    p.add(udp4(b'\x00\x03\x00\x01' + bytes(512), 40070, 69, B, A))
    p.add(udp4(b'\x00\x04\x00\x01', 40069, 69, A, B))
    p.add(udp4(b'\x00\x05\x00\x01File not found\x00', 40070, 69, B, A))
    p.add(udp4(b'\x00\x05\x00\x09weird\x00', 40070, 69, B, A))
    p.add(udp4(b'\x00\x09what', 40070, 69, B, A))
    p.add(udp4(b'\x00\x01noterminator', 40069, 69, A, B))
    # RADIUS
    ra = lambda t, d: bytes([t, len(d) + 2]) + d     # noqa: E731
    attrs = ra(1, b'alice') + ra(2, bytes(16)) + ra(4, ip4('192.0.2.1')) + ra(5, be32(7)) + ra(6, be32(2)) + \
        ra(7, be32(1)) + ra(30, b'00-11-22-33-44-55') + ra(31, b'66-77-88-99-aa-bb') + ra(32, b'nas1') + \
        ra(61, be32(15)) + ra(12, be32(1500)) + ra(26, be32(9) + b'\x01\x0cshell:priv') + ra(80, bytes(16)) + \
        ra(87, b'port7') + ra(44, b'sess-1') + ra(95, ip6('2001:db8::1')) + ra(97, b'\x00\x40' + ip6('2001:db8::')[:8])
    p.add(udp4(struct.pack('!BBH', 1, 42, 20 + len(attrs)) + bytes(range(16)) + attrs, 40000, 1812, A, B))
    acc = ra(18, b'Welcome') + ra(8, ip4('10.0.0.9')) + ra(9, ip4('255.255.255.0')) + ra(27, be32(3600)) + \
        ra(28, be32(600)) + ra(25, b'class') + ra(64, b'\x00\x00\x00\x0d') + ra(65, b'\x00\x00\x00\x06') + \
        ra(81, b'\x00100')
    p.add(udp4(struct.pack('!BBH', 2, 42, 20 + len(acc)) + bytes(16) + acc, 1812, 40000, B, A))
    p.add(udp4(struct.pack('!BBH', 3, 43, 20 + 9) + bytes(16) + ra(18, b'Denied!'), 1812, 40000, B, A))
    p.add(udp4(struct.pack('!BBH', 11, 44, 20 + 18) + bytes(16) + ra(24, b'state') + ra(18, b'Chal!') +
               ra(79, b'\x01\x02\x00\x04'), 1812, 40000, B, A))
    acct = ra(40, be32(1)) + ra(44, b'sess-1') + ra(1, b'alice') + ra(46, be32(3600)) + ra(42, be32(1000)) + \
        ra(43, be32(2000)) + ra(47, be32(10)) + ra(48, be32(20)) + ra(49, be32(1)) + ra(55, be32(1700000000)) + \
        ra(45, be32(1)) + ra(41, be32(0))
    p.add(udp4(struct.pack('!BBH', 4, 45, 20 + len(acct)) + bytes(16) + acct, 40001, 1813, A, B))
    p.add(udp4(struct.pack('!BBH', 5, 45, 20) + bytes(16), 1813, 40001, B, A))
    p.add(udp4(struct.pack('!BBH', 40, 46, 20 + 8) + bytes(16) + ra(1, b'alice') + ra(44, b'x'), 40002, 3799, A, B))
    p.add(udp4(struct.pack('!BBH', 99, 47, 20 + 3) + bytes(16) + ra(200, b'z'), 40002, 1645, A, B))
    # tunnel attributes (tagged), EAP, Message-Authenticator, Framed-IPv6, NAS-Port-Type, Service-Type...
    more = ra(64, b'\x01\x00\x00\x03') + ra(65, b'\x01\x00\x00\x01') + ra(66, b'\x01192.0.2.1') + \
        ra(67, b'\x01192.0.2.2') + ra(69, b'\x01' + bytes(18)) + ra(81, b'\x01grp') + ra(82, b'\x01asg') + \
        ra(83, b'\x01\x00\x00\x05') + ra(79, H('0201000a017573657231')) + ra(80, bytes(16)) + ra(96, bytes(8)) + \
        ra(97, b'\x00\x40' + bytes(8)) + ra(99, b'routeinfo') + ra(100, b'pool6') + ra(123, b'\x00\x38' + bytes(7)) + \
        ra(6, be32(11)) + ra(10, be32(2)) + ra(13, be32(1)) + ra(15, be32(0)) + ra(29, be32(2)) + \
        ra(62, be32(2)) + ra(76, b'\x01') + ra(85, be32(30)) + ra(101, b'err') + ra(3, b'\x01' + bytes(16)) + \
        ra(60, bytes(16)) + ra(33, b'proxy') + ra(11, b'filter') + ra(20, b'cb') + ra(19, b'cbn') + ra(22, b'r') + \
        ra(26, be32(311) + b'\x10\x06abcd') + ra(26, be32(14988) + b'\x01\x05mt!')
    p.add(udp4(struct.pack('!BBH', 1, 48, 20 + len(more)) + bytes(16) + more, 40000, 1812, A, B))
    p.add(udp4(struct.pack('!BBH', 43, 49, 20 + 6) + bytes(16) + ra(101, b'oops'), 3799, 40002, B, A))
    p.add(udp4(struct.pack('!BBH', 45, 50, 20) + bytes(16), 3799, 40002, B, A))
    p.add(udp4(struct.pack('!BBH', 1, 51, 20 + 2) + bytes(16) + b'\x01\x01', 40000, 1812, A, B))
    f = udp4(struct.pack('!BBH', 1, 42, 20 + len(attrs)) + bytes(range(16)) + attrs, 40000, 1812, A, B)
    p.add(f, caplen=len(f) - 40)
    # SIP variants and syslog with 8-bit text
    p.add(udp4(b'REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1\r\nExpires: 3600\r\n\r\n', 5060, 5060, A, B))
    p.add(udp4(b'SIP/2.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm="x"\r\n\r\nv=0\r\n', 5060, 5060, B, A))
    p.add(udp4(b'NOTSIP\x00\x01\x02', 5060, 5060, B, A))
    p.add(udp4(b'<190>Nov 26 10:00:00 h caf\xc3\xa9 \x1b[0m tab\there\r\n', 514, 514, A, B))
    # HSRP
    p.add(udp4(struct.pack('!BBBBBBBB', 0, 0, 16, 3, 10, 120, 1, 0) + b'cisco\0\0\0' + ip4('192.0.2.254'),
               1985, 1985, '192.0.2.2', '224.0.0.2', ttl=1))
    p.add(udp4(struct.pack('!BBBBBBBB', 0, 1, 8, 3, 10, 100, 2, 0) + b'secret12' + ip4('192.0.2.254'),
               1985, 1985, '192.0.2.3', '224.0.0.2', ttl=1))
    for op, state in ((2, 0), (0, 1), (0, 2), (0, 4), (0, 8), (2, 16), (9, 7)):
        p.add(udp4(struct.pack('!BBBBBBBB', 0, op, 3, 10, 4, 100, 1, 0) + b'cisco\0\0\0' + ip4('192.0.2.254'),
                   1985, 1985, '192.0.2.2', '224.0.0.2', ttl=1))
    p.add(udp4(struct.pack('!BBBBBBBB', 1, 0, 3, 10, 4, 100, 1, 0), 1985, 1985, '192.0.2.2', '224.0.0.2', ttl=1))
    # RIP v1/v2 request/response with auth
    rte = lambda af, ip, mask, nh, metric, tag=0: struct.pack('!HH4s4s4sI', af, tag, ip4(ip), ip4(mask), ip4(nh), metric)  # noqa
    p.add(udp4(b'\x01\x02\x00\x00' + rte(0, '0.0.0.0', '0.0.0.0', '0.0.0.0', 16), 520, 520, A, '224.0.0.9'))
    p.add(udp4(b'\x02\x02\x00\x00' + rte(2, '10.0.0.0', '255.0.0.0', '0.0.0.0', 1) +
               rte(2, '172.16.0.0', '255.240.0.0', '192.0.2.9', 3, 7), 520, 520, A, '224.0.0.9'))
    p.add(udp4(b'\x02\x01\x00\x00' + rte(2, '10.0.0.0', '0.0.0.0', '0.0.0.0', 2), 520, 520, A, '255.255.255.255'))
    p.add(udp4(b'\x02\x02\x00\x00' + b'\xff\xff\x00\x02' + b'password\0\0\0\0\0\0\0\0' +
               rte(2, '10.0.0.0', '255.0.0.0', '0.0.0.0', 1), 520, 520, A, '224.0.0.9'))
    p.add(udp4(b'\x02\x02\x00\x00' + b'\xff\xff\x00\x03' + struct.pack('!HBBII', 44, 1, 16, 5, 0) + bytes(8) +
               rte(2, '10.0.0.0', '255.0.0.0', '0.0.0.0', 1) + b'\xff\xff\x00\x01' + bytes(16),
               520, 520, A, '224.0.0.9'))
    # BFD control / echo
    p.add(udp4(struct.pack('!BBBBIIIII', 0x20, 0xc0, 3, 24, 1, 2, 300000, 300000, 0), 49200, 3784, A, B, ttl=255))
    p.add(udp4(struct.pack('!BBBBIIIII', 0x21, 0x64, 5, 24, 0x11, 0, 1000000, 1000000, 50000), 49201, 3784, A, B,
               ttl=255))
    p.add(udp4(struct.pack('!BBBBIIIII', 0x20, 0xc4, 3, 24 + 11, 1, 2, 300000, 300000, 0) +
               b'\x01\x0b\x05secret', 49200, 3784, A, B, ttl=255))
    p.add(udp4(b'echo-data-12345678', 3785, 3785, A, B, ttl=255))
    for diag, sta, auth in ((1, 0xc8, b'\x02\x18\x01\x00' + be32(9) + bytes(16)), (3, 0x58, b'\x04\x1c\x02\x00' + be32(9) + bytes(20)),
                            (8, 0xe0, b''), (31, 0x7e, b''), (5, 0x40, b'\x03\x18\x01\x00' + be32(1) + bytes(16))):
        flags = sta | (0x04 if auth else 0)
        p.add(udp4(struct.pack('!BBBBIIIII', 0x20 | diag, flags, 3, 24 + len(auth), 7, 8, 50000, 50000, 0) + auth,
                   49202, 3784, A, B, ttl=255))
    p.add(udp4(struct.pack('!BBBBIIIII', 0x40, 0xc0, 3, 24, 1, 2, 300000, 300000, 0), 49202, 3784, A, B, ttl=255))
    p.add(udp4(struct.pack('!BBBBIIIII', 0x20, 0xc0, 3, 24, 1, 2, 300000, 300000, 0), 49202, 6784, A, B, ttl=255))
    p.add(udp4(struct.pack('!BBBBIIIII', 0x20, 0x40, 3, 24, 1, 2, 300000, 300000, 0), 49200, 4784, A, B, ttl=255))
    # SIP over UDP
    p.add(udp4(b'INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060\r\n'
               b'From: <sip:alice@example.com>\r\nTo: <sip:bob@example.com>\r\nCall-ID: 1@192.0.2.1\r\n'
               b'CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n', 5060, 5060, A, B))
    p.add(udp4(b'SIP/2.0 180 Ringing\r\nCSeq: 1 INVITE\r\n\r\n', 5060, 5060, B, A))
    p.close()


# ---------------------------------------------------------------- TCP text and binary protocols
def gen_tcpapps(out):
    p = Rec(os.path.join(out, 'apps-tcp.pcap'))
    C, S = '192.0.2.10', '198.51.100.20'
    seq = [1000]

    def c2s(data, port, sport=40000):
        p.add(tcp4(data, sport, port, C, S, seq=seq[0], ack=5000, flags=0x18))
        seq[0] += len(data)

    def s2c(data, port, sport=40000):
        p.add(tcp4(data, port, sport, S, C, seq=5000, ack=seq[0], flags=0x18))

    # HTTP
    c2s(b'GET /index.html HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: trawl-test/1.0\r\nAccept: */*\r\n\r\n', 80)
    s2c(b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n\r\n<html></html>', 80)
    c2s(b'POST /api HTTP/1.0\r\nContent-Length: 4\r\n\r\nabcd', 8080)
    c2s(b'PROPFIND /dav HTTP/1.1\r\n\r\n', 80)
    c2s(b'NOTHTTP junk line\r\n', 80)
    c2s(b'GET /partial HTTP/1.1', 80)
    # FTP
    s2c(b'220 ProFTPD Server ready.\r\n', 21)
    c2s(b'USER anonymous\r\n', 21)
    s2c(b'331 Password required\r\n', 21)
    c2s(b'PASS guest@\r\n', 21)
    s2c(b'230-Welcome\r\n230 Login ok\r\n', 21)
    c2s(b'PASV\r\n', 21)
    s2c(b'227 Entering Passive Mode (198,51,100,20,195,80).\r\n', 21)
    # SMTP
    s2c(b'220 mail.example.com ESMTP\r\n', 25)
    c2s(b'EHLO client.example.com\r\n', 25)
    s2c(b'250-mail.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\n', 25)
    c2s(b'MAIL FROM:<a@example.com>\r\n', 25)
    c2s(b'DATA\r\n', 25)
    c2s(b'Subject: hi\r\n\r\nbody\r\n.\r\n', 25)
    # RTSP
    c2s(b'DESCRIBE rtsp://media.example.com/stream RTSP/1.0\r\nCSeq: 2\r\n\r\n', 554)
    s2c(b'RTSP/1.0 200 OK\r\nCSeq: 2\r\n\r\n', 554)
    c2s(b'OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n', 8554)
    # text edge cases: bare LF, no line end, control and 8-bit bytes, long line, many lines, IPv6
    c2s(b'GET /a\x01b\xffc HTTP/1.1\nHost: x\n\n', 80)
    c2s(b'HTTP/1.0 404 Not Found\r\nServer: ' + b'z' * 300 + b'\r\n\r\n', 80)
    s2c(b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n', 80)
    c2s(b'\r\n\r\n', 80)
    c2s(b'OPTIONS * HTTP/1.1\r' + b'\r\n', 80)
    s2c(b'421-Too many\r\n421-users\r\n421 Bye\r\n', 21)
    c2s(b'RETR file with spaces.txt\r\n', 21)
    s2c(b'550 5.7.1 relay denied\r\n', 25)
    c2s(b'SETUP rtsp://m.example/s/trackID=1 RTSP/1.0\r\nTransport: RTP/AVP;unicast;client_port=8000-8001\r\n\r\n', 554)
    p.add(tcp4(b'INVITE sip:x@example.com SIP/2.0\r\n\r\n', 40060, 5060, C, S, seq=1, ack=1))
    p.add(ether(ipv6(tcp(b'GET /v6 HTTP/1.1\r\nHost: [2001:db8::2]\r\n\r\n', 40080, 80, src='2001:db8::1',
                         dst='2001:db8::2', seq=1, ack=1), 6), 0x86dd))
    p.add(ether(ipv6(tcp(b'SSH-2.0-v6\r\n', 40022, 22, src='2001:db8::1', dst='2001:db8::2', seq=1, ack=1), 6), 0x86dd))
    # SIP over TCP is not decoded by port 5060/tcp in tcpdump
    # WHOIS
    c2s(b'example.com\r\n', 43)
    s2c(b'Domain Name: EXAMPLE.COM\r\nRegistrar: RESERVED-IANA\r\n\r\n', 43)
    # SSH banners
    c2s(b'SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n', 22, 40022)
    s2c(b'SSH-2.0-dropbear_2022.83\r\n', 22, 40022)
    c2s(b'SSH-1.99-Old\n', 22, 40023)
    c2s(b'\x00\x00\x00\x1c\x0a\x14' + bytes(26), 22, 40022)
    # Telnet option negotiation
    c2s(b'\xff\xfd\x18\xff\xfd\x20\xff\xfb\x1f\xff\xfb\x27', 23, 40023)
    s2c(b'\xff\xfa\x18\x01\xff\xf0\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0', 23, 40023)
    c2s(b'\xff\xfa\x18\x00XTERM\xff\xf0\xff\xfc\x01login: ', 23, 40023)
    s2c(b'\xff\xf4\xff\xf2\xff\xfe\x22\xff\xff', 23, 40023)
    # RESP (Redis)
    c2s(b'*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n', 6379, 40379)
    s2c(b'$5\r\nvalue\r\n', 6379, 40379)
    s2c(b'+OK\r\n:42\r\n-ERR unknown command\r\n$-1\r\n*-1\r\n', 6379, 40379)
    c2s(b'*3\r\n$3\r\nSET\r\n$1\r\nk\r\n*1\r\n:7\r\n', 6379, 40379)
    c2s(b'PING\r\n', 6379, 40379)
    c2s(b'$100\r\nshort\r\n', 6379, 40379)
    # BGP OPEN with capabilities, KEEPALIVE, UPDATE, NOTIFICATION, ROUTE-REFRESH
    mk = b'\xff' * 16
    bgp = lambda t, body: mk + struct.pack('!HB', 19 + len(body), t) + body   # noqa: E731
    caps = H('0206010400010001') + H('02024000') + H('02064104fdea0000') + H('02020200') + \
        H('0206010400020001') + H('02084006007800010180')
    c2s(bgp(1, struct.pack('!BHH4sB', 4, 23456, 180, ip4('192.0.2.10'), len(caps)) + caps), 179, 40179)
    s2c(bgp(4, b''), 179, 40179)
    attrs = H('40010100') + H('40020a02020000fdea0000fdeb') + H('400304c0000201') + H('80040400000064') + \
        H('40050400000064') + H('c0080cfdea0001fdea0002ffffff01') + H('400600') + H('c0070800000064c0000201') + \
        H('c010080002fdea00000064') + H('c0200c0000fdea0000000100000002')
    nlri = b'\x18\xc6\x33\x64' + b'\x10\xac\x10' + b'\x20\x0a\x00\x00\x01'
    c2s(bgp(2, be16(4) + b'\x18\xcb\x00\x71' + be16(len(attrs)) + attrs + nlri), 179, 40179)
    mpr = be16(2) + b'\x01' + b'\x20' + ip6('2001:db8::1') + ip6('fe80::1') + b'\x00' + \
        b'\x30' + ip6('2001:db8:aa::')[:6] + b'\x40' + ip6('2001:db8:bb:cc::')[:8]
    mp = H('800e') + bytes([len(mpr)]) + mpr
    mpu = H('800f') + bytes([3 + 7]) + be16(2) + b'\x01' + b'\x30' + ip6('2001:db8:dd::')[:6]
    c2s(bgp(2, be16(0) + be16(len(mp) + len(mpu) + 4) + H('40010100') + mp + mpu), 179, 40179)
    c2s(bgp(2, be16(0) + be16(6) + H('800f03000201')), 179, 40179)
    c2s(bgp(3, b'\x06\x02\x08shutdown'), 179, 40179)
    c2s(bgp(3, b'\x02\x02\x00\x02'), 179, 40179)
    c2s(bgp(3, b'\x06\x02' + b'shutdown'), 179, 40179)
    c2s(bgp(5, H('00010001')), 179, 40179)
    c2s(bgp(4, b'') + bgp(4, b''), 179, 40179)
    f = tcp4(bgp(2, be16(4) + b'\x18\xcb\x00\x71' + be16(len(attrs)) + attrs + nlri), 40179, 179, C, S, seq=90000)
    p.add(f, caplen=len(f) - 25)
    p.close()


# ---------------------------------------------------------------- IPsec, IKE
ESP_FIXTURES = [
    # (spi, dst, iv, ciphertext) -- keys in tests/golden/apps.cases / esp-secrets.txt
    # aes128-cbc key 0x101112131415161718191a1b1c1d1e1f, tunnel mode, inner UDP 10.0.0.1 > 10.0.0.2
    (0x1001, '198.51.100.2', 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf',
     'c103c1dad2b128e75c822c5a44d26b4c5863266e30b28d2a3fa49ac29430b1d933c086a4e97010ae4886c40e2e989850'),
    # 3des-cbc key 0x303132333435363738393a3b3c3d3e3f4041424344454647
    (0x1002, '198.51.100.2', 'b0b1b2b3b4b5b6b7',
     '012880db61675362ae5ef555b011d0a42eb6bb306bafca90acb93153b13d0c4a448c6d0c3edfa045ce05823389b2e2b9'),
    # aes256-cbc key 0x505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f
    (0x1003, '198.51.100.2', 'c0c1c2c3c4c5c6c7c8c9cacbcccdcecf',
     'cac22e3b4a72050fd751372fd578b9e54336cd40d4cf5bb235cba405e532c890b8043dbc7235193722f43e16e357bcb0'),
    # aes192-cbc key 0x707172737475767778797a7b7c7d7e7f8081828384858687
    (0x1004, '198.51.100.2', 'd0d1d2d3d4d5d6d7d8d9dadbdcdddedf',
     'bc011c16e7a3fc91e048056f8ea0a447fc577d7bd78143597a320b3eb3fb23a370a8f36a618a5248f56f74ce1d4d2254'),
    # aes128-cbc (same key as 0x1001; no SA in the tests yet), transport mode, TCP 40100 > 80 "GET / HTTP/1.0"
    (0x1005, '198.51.100.2', 'c0c1c2c3c4c5c6c7c8c9cacbcccdcecf',
     'b3cf92f7405efc198a1081e42e7af7be28579af60ff980bb987fe1caf7599f679579c425fa9ad9bf948bbc3bd3eebfde'),
]


def esp_inner(i):
    """The plaintext tunnel packets the fixtures were made from (documentation)."""
    return ipv4(udp(b'trawl esp test %d' % i, 40000 + i, 7, '10.0.0.1', '10.0.0.2'), 17, '10.0.0.1',
                '10.0.0.2', ident=100 + i)


def isakmp_payload(np, body):
    return struct.pack('!BBH', np, 0, 4 + len(body)) + body


def gen_ipsec(out):
    p = Rec(os.path.join(out, 'apps-ipsec.pcap'))
    A, B = '192.0.2.1', '198.51.100.2'
    icv = bytes(range(0xe0, 0xec))
    for n, (spi, dst, iv, ct) in enumerate(ESP_FIXTURES):
        esp = be32(spi) + be32(n + 1) + H(iv) + H(ct) + icv
        p.add(ether(ipv4(esp, 50, A, dst)))
    # unknown SPI (no SA: printed undecrypted), and truncated ESP
    p.add(ether(ipv4(be32(0x9999) + be32(1) + bytes(40), 50, A, B)))
    f = ether(ipv4(be32(0x1001) + be32(7) + bytes(40), 50, A, B))
    p.add(f, caplen=14 + 20 + 6)
    # UDP-encapsulated ESP (RFC 3948), NAT keepalive, IKE over 4500 with non-ESP marker
    spi, dst, iv, ct = ESP_FIXTURES[0]
    p.add(udp4(be32(spi) + be32(9) + H(iv) + H(ct) + icv, 4500, 4500, A, B))
    p.add(udp4(b'\xff', 4500, 4500, A, B))
    # AH (transport, over ICMP echo) and IPComp
    icmp = b'\x08\x00\x00\x00\x12\x34\x00\x01' + b'ping'
    p.add(ether(ipv4(struct.pack('!BBHII', 1, 4, 0, 0x2001, 1) + bytes(range(12)) + icmp, 51, A, B)))
    p.add(ether(ipv4(struct.pack('!BBHII', 41, 4, 0, 0x2002, 2) + bytes(range(12)) +
                     ipv6(b'', 59, '2001:db8::1', '2001:db8::2'), 51, A, B)))
    p.add(ether(ipv4(struct.pack('!BBH', 4, 0, 0x4242) + bytes(20), 108, A, B)))
    p.add(ether(ipv6(be32(0x3001) + be32(1) + bytes(32), 50), 0x86dd))
    # the aes128 fixture again, carried over IPv6 (SA 0x1001@2001:db8::2)
    spi, dst, iv, ct = ESP_FIXTURES[0]
    p.add(ether(ipv6(be32(spi) + be32(11) + H(iv) + H(ct) + icv, 50), 0x86dd))
    p.add(ether(ipv6(be32(0x1002) + be32(12) + H(ESP_FIXTURES[1][2]) + H(ESP_FIXTURES[1][3]) + icv, 50), 0x86dd))
    # IKEv1 main mode SA proposal, KE/nonce, informational, aggressive
    xform = struct.pack('!BBHBBH', 0, 0, 0, 1, 1, 0) + H('800b0001800c7080800100058003fde9800200028004000e')
    xform = struct.pack('!BBH', 0, 0, 8 + len(xform) - 8) + xform[4:]
    prop = struct.pack('!BBHBBBB', 0, 0, 8 + len(xform), 1, 1, 0, 1) + xform
    sa = be32(1) + be32(1) + prop
    vid = H('4a131c81070358455c5728f20e95452f')
    body = isakmp_payload(13, sa) + isakmp_payload(0, vid)
    hdr = lambda ic, rc, np, et, flags, mid, blen: ic + rc + struct.pack('!BBBBII', np, 0x10, et, flags, mid, 28 + blen)  # noqa
    ic, rc = H('1122334455667788'), bytes(8)
    p.add(udp4(hdr(ic, rc, 1, 2, 0, 0, len(body)) + body, 500, 500, A, B))
    rc = H('99aabbccddeeff00')
    ke = isakmp_payload(10, bytes(range(128))) + isakmp_payload(20, bytes(range(16))) + \
        isakmp_payload(20, H('00') + bytes(19)) + isakmp_payload(0, bytes(20))
    p.add(udp4(hdr(ic, rc, 4, 2, 0, 0, len(ke)) + ke, 500, 500, A, B))
    idp = isakmp_payload(8, struct.pack('!BBH', 1, 17, 500) + ip4('192.0.2.1')) + isakmp_payload(0, bytes(20))
    p.add(udp4(hdr(ic, rc, 5, 2, 0, 0, len(idp)) + idp, 500, 500, A, B))
    p.add(udp4(hdr(ic, rc, 5, 2, 1, 0, 32) + bytes(32), 500, 500, A, B))
    note = isakmp_payload(0, be32(1) + struct.pack('!BBH', 1, 0, 36136) + b'')
    p.add(udp4(hdr(ic, rc, 11, 5, 0, 0x1234, len(note)) + note, 500, 500, A, B))
    dele = isakmp_payload(0, be32(1) + struct.pack('!BBH', 1, 16, 1) + ic + rc)
    p.add(udp4(hdr(ic, rc, 12, 5, 0, 0x5678, len(dele)) + dele, 500, 500, A, B))
    p.add(udp4(hdr(ic, rc, 8, 32, 1, 0x9abc, 48) + bytes(48), 500, 500, A, B))
    # IKEv2 SA_INIT request, AUTH (encrypted), INFORMATIONAL
    h2 = lambda ic, rc, np, et, flags, mid, blen: ic + rc + struct.pack('!BBBBII', np, 0x20, et, flags, mid, 28 + blen)  # noqa
    tr = lambda last, t, tid, attr=b'': struct.pack('!BBHBBH', 0 if last else 3, 0, 8 + len(attr), t, 0, tid) + attr  # noqa
    trs = tr(0, 1, 12, H('800e0080')) + tr(0, 2, 2) + tr(0, 3, 12) + tr(1, 4, 14)
    prop2 = struct.pack('!BBHBBBB', 0, 0, 8 + len(trs), 1, 1, 0, 4) + trs
    body = isakmp_payload(34, prop2) + isakmp_payload(40, be16(14) + be16(0) + bytes(64)) + \
        isakmp_payload(41, bytes(range(32))) + isakmp_payload(41, struct.pack('!BBH', 0, 0, 16388) + bytes(20)) + \
        isakmp_payload(0, struct.pack('!BBH', 0, 0, 16389) + bytes(20))
    ic2 = H('0102030405060708')
    p.add(udp4(h2(ic2, bytes(8), 33, 34, 0x08, 0, len(body)) + body, 500, 500, A, B))
    p.add(udp4(h2(ic2, bytes(8), 41, 34, 0x20, 0, 12) + isakmp_payload(0, struct.pack('!BBH', 0, 0, 17) + b'\0\x0e'),
               500, 500, B, A))
    enc = isakmp_payload(35, bytes(16) + bytes(range(48)) + bytes(12))
    p.add(udp4(b'\0\0\0\0' + h2(ic2, H('a1a2a3a4a5a6a7a8'), 46, 35, 0x08, 1, len(enc)) + enc, 4500, 4500, A, B))
    p.add(udp4(h2(ic2, H('a1a2a3a4a5a6a7a8'), 46, 37, 0x20, 2, len(enc)) + enc, 500, 500, B, A))
    f = udp4(h2(ic2, bytes(8), 33, 34, 0x08, 0, len(body)) + body, 500, 500, A, B)
    p.add(f, caplen=len(f) - 60)
    # IKEv2 payloads as sent inside SK{} (here in clear): IDi, CERT, CERTREQ, AUTH, N, TSi, TSr, CP, V, D, EAP
    ts = be32(1 << 24) + struct.pack('!BBHHH', 7, 17, 16, 0, 65535) + ip4('10.0.0.0') + ip4('10.0.0.255')
    ts6 = be32(1 << 24) + struct.pack('!BBHHH', 8, 0, 40, 0, 65535) + ip6('2001:db8::') + ip6('2001:db8::ffff')
    pl = isakmp_payload(37, struct.pack('!BBBB', 1, 0, 0, 0) + ip4('192.0.2.1')) + \
        isakmp_payload(38, b'\x04' + bytes(20)) + isakmp_payload(39, b'\x04' + bytes(20)) + \
        isakmp_payload(41, b'\x02\x00\x00\x00' + bytes(32)) + \
        isakmp_payload(44, struct.pack('!BBH', 3, 4, 16387) + be32(0x11223344)) + \
        isakmp_payload(45, ts) + isakmp_payload(47, ts6) + \
        isakmp_payload(43, b'\x01\x00\x00\x00' + struct.pack('!HH', 1, 0) + struct.pack('!HH', 3, 0)) + \
        isakmp_payload(42, b'trawl-vendor-id!') + isakmp_payload(48, struct.pack('!BBBB', 3, 4, 0, 1) + be32(0x11223344)) + \
        isakmp_payload(0, struct.pack('!BBHB', 2, 1, 9, 1) + b'user')
    p.add(udp4(h2(ic2, H('a1a2a3a4a5a6a7a8'), 35, 35, 0x08, 1, len(pl)) + pl, 500, 500, A, B))
    p.add(udp4(h2(ic2, H('a1a2a3a4a5a6a7a8'), 0, 37, 0x28, 3, 0), 500, 500, B, A))
    p.add(udp4(h2(ic2, H('a1a2a3a4a5a6a7a8'), 0, 36, 0x08, 4, 0), 500, 500, A, B))
    # IKEv1: aggressive mode with SA, KE, nonce, ID (FQDN), VID; quick mode with hash, SA(ESP), nonce, IDs
    t1 = struct.pack('!BBHBBH', 0, 0, 8 + 24, 1, 1, 0) + H('800100078002000280030001800400028001000580020002')[:24]
    pr1 = struct.pack('!BBHBBBB', 0, 0, 8 + len(t1), 1, 1, 0, 1) + t1
    ag = isakmp_payload(4, be32(1) + be32(1) + pr1) + isakmp_payload(10, bytes(64)) + isakmp_payload(5, bytes(16)) + \
        isakmp_payload(13, struct.pack('!BBH', 2, 0, 0) + b'vpn.example.com') + \
        isakmp_payload(13, H('afcad71368a1f1c96b8696fc77570100')) + isakmp_payload(0, H('4048b7d56ebce88525e7de7f00d6c2d3'))
    p.add(udp4(hdr(ic, bytes(8), 1, 4, 0, 0, len(ag)) + ag, 500, 500, A, B))
    t2 = struct.pack('!BBHBBH', 0, 0, 8 + 16, 1, 12, 0) + H('80010001800204b08004000180050002')
    pr2 = struct.pack('!BBHBBBB', 0, 0, 12 + len(t2), 1, 3, 4, 1) + be32(0xc0ffee01) + t2
    qm = isakmp_payload(1, bytes(20)) + isakmp_payload(10, be32(1) + be32(1) + pr2) + isakmp_payload(5, bytes(16)) + \
        isakmp_payload(5, struct.pack('!BBH', 4, 0, 0) + ip4('10.0.0.0') + ip4('255.255.255.0')) + \
        isakmp_payload(0, struct.pack('!BBH', 1, 17, 500) + ip4('10.1.0.1'))
    p.add(udp4(hdr(ic, rc, 8, 32, 0, 0x2468, len(qm)) + qm, 500, 500, A, B))
    cr = isakmp_payload(7, b'\x04' + bytes(8)) + isakmp_payload(9, b'\x04' + bytes(8)) + isakmp_payload(0, bytes(24))
    p.add(udp4(hdr(ic, rc, 6, 2, 0, 0, len(cr)) + cr, 500, 500, B, A))
    p.close()


def gen_misc(out):
    """The less common UDP/TCP application printers."""
    p = Rec(os.path.join(out, 'apps-misc.pcap'))
    A, B = '192.0.2.1', '192.0.2.2'
    # Babel (RFC 8966): Hello, IHU, Router-ID, Next Hop, Update, Request, Pad
    tlv = lambda t, d: bytes([t, len(d)]) + d   # noqa: E731
    body = tlv(4, H('0000') + be16(7) + be16(400)) + tlv(5, b'\x03\x00' + be16(96) + be16(1200) + ip6('fe80::2')[8:]) + \
        tlv(6, b'\x00\x00' + H('0102030405060708')) + tlv(7, b'\x01\x00' + ip4('192.0.2.9')) + \
        tlv(8, b'\x01\x00\x18\x00' + be16(400) + be16(3) + be16(96) + ip4('10.1.2.0')[:3]) + \
        tlv(9, b'\x01\x18' + ip4('10.1.2.0')[:3]) + tlv(1, b'') + b'\x00'
    p.add(udp6(b'\x2a\x02' + be16(len(body)) + body, 6696, 6696, 'fe80::1', 'ff02::1:6'))
    p.add(udp6(b'\x2a\x02' + be16(8) + tlv(2, H('0000') + be16(0x1234) + be16(100)), 6696, 6696, 'fe80::1', 'ff02::1:6'))
    p.add(udp6(b'\x2a\x01\x00\x00', 6696, 6696, 'fe80::1', 'ff02::1:6'))
    # AHCP
    p.add(udp6(b'\x2b\x01\x02\x00' + be32(0x11223344) + bytes(8), 5359, 5359, 'fe80::1', 'ff02::cca6:c0f9:e182:5359'))
    ao = lambda t, d: bytes([t, len(d)]) + d   # noqa: E731
    opts = ao(2, be32(1700000000)) + ao(3, be32(3600)) + ao(4, ip6('2001:db8::7')) + ao(5, ip4('192.0.2.7')) + \
        ao(6, ip6('2001:db8::') + b'\x40') + ao(7, ip4('192.0.2.0') + b'\x18') + ao(9, ip6('2001:db8::53')) + \
        ao(10, ip4('192.0.2.123')) + b'\x00' + b'\x01' + ao(8, b'\x00\x01') + ao(99, b'xy')
    p.add(udp6(b'\x2b\x01\x02\x00' + be32(0x11223344) + H('0102030405060708') + bytes(8) + b'\x01\x00' + be16(len(opts)) + opts, 5359, 5359,
               'fe80::1', 'ff02::cca6:c0f9:e182:5359'))
    # LWRES (BIND lightweight resolver)
    lw = lambda op, res, data, flags=0: struct.pack('!IHHIIIIHH', 28 + len(data), 0, flags, 42, op, res, 4096, 0, 0) + data  # noqa
    p.add(udp4(lw(0x00010001, 0, be32(0) + be32(3) + be16(11) + b'example.com\0'), 40921, 921, A, B))
    p.add(udp4(lw(0x00010001, 0, be32(0) + be16(0) + be16(2) + be16(11) + b'example.com\0' +
                  be32(1) + be16(4) + ip4('192.0.2.44') + be32(2) + be16(16) + ip6('2001:db8::44'), 1), 921, 40921, B, A))
    p.add(udp4(lw(0x00010002, 0, be32(0) + be32(1) + be16(4) + ip4('192.0.2.44')), 40921, 921, A, B))
    p.add(udp4(lw(0x00010003, 1, b''), 921, 40921, B, A))
    # OLSR: HELLO, TC, MID, HNA
    msg = lambda t, body, seq: struct.pack('!BBH4sBBH', t, 0x86, 12 + len(body), ip4(A), 255, 0, seq) + body  # noqa
    hello = b'\x00\x00\x06\x07' + b'\x06\x00' + be16(4 + 8) + ip4('192.0.2.3') + ip4('192.0.2.4')
    tc = be16(5) + be16(0) + ip4('192.0.2.3')
    mid = ip4('10.9.9.9')
    hna = ip4('10.0.0.0') + ip4('255.0.0.0')
    pk = msg(1, hello, 1) + msg(2, tc, 2) + msg(3, mid, 3) + msg(4, hna, 4)
    p.add(udp4(be16(4 + len(pk)) + be16(77) + pk, 698, 698, A, '255.255.255.255'))
    # sFlow v5 with a flow sample (raw header) and a counter sample
    raw = tcp4(b'', 1234, 80)[:60]
    flowrec = be32(1) + be32(16 + len(raw)) + be32(1) + be32(len(raw) + 4) + be32(4) + be32(len(raw)) + raw
    flow = be32(1) + be32(len(flowrec) + 32) + be32(5) + be32(3) + be32(400) + be32(10000) + be32(0) + be32(3) + be32(0x40000000) + be32(1) + flowrec
    ctr = be32(1) + be32(88 + 20) + be32(1) + be32(3) + be32(1) + be32(1) + be32(88) + be32(3) + be32(6) + \
        struct.pack('!QI', 1000000000, 1) + be32(3) + struct.pack('!QIIIIIQIIIII', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
    p.add(udp4(be32(5) + be32(1) + ip4(A) + be32(0) + be32(9) + be32(123456) + be32(2) + flow + ctr, 40343, 6343, A, B))
    # SOME/IP request and notification
    p.add(udp4(struct.pack('!HHIHHBBBB', 0x1234, 0x0421, 8 + 4, 0x0001, 0x0002, 1, 1, 0, 0) + b'abcd', 30490, 30490, A, B))
    p.add(udp4(struct.pack('!HHIHHBBBB', 0xffff, 0x8100, 8 + 2, 0, 0x10, 1, 1, 2, 0) + b'\x01\x02', 30490, 30490, B, A))
    p.add(udp4(struct.pack('!HHIHHBBBB', 0x1234, 0x0421, 8, 0x0001, 0x0003, 1, 1, 0x81, 0x02), 30490, 30490, B, A))
    # LMP Hello and Config
    lmpobj = lambda cls, ctype, d: struct.pack('!BBH', ctype, cls, 4 + len(d)) + d   # noqa: E731
    obj = lmpobj(1, 1, be32(1)) + lmpobj(5, 1, be32(5)) + lmpobj(6, 1, be16(150) + be16(500))
    p.add(udp4(struct.pack('!HBBHH', 0x1000, 0, 1, 8 + len(obj), 0) + obj, 701, 701, A, B))
    obj = lmpobj(1, 1, be32(1)) + lmpobj(7, 1, be32(1) + be32(2))
    p.add(udp4(struct.pack('!HBBHH', 0x1000, 0, 20, 8 + len(obj), 0) + obj, 701, 701, A, B))
    # OTV carrying an Ethernet frame
    p.add(udp4(H('08000000') + H('00000100') + ether(ipv4(b'\x08\x00\xf7\xff\x00\x00\x00\x00', 1,
               '10.0.0.1', '10.0.0.2')), 40472, 8472, A, B))
    # BEEP
    tc4 = lambda d, sp, dp: tcp4(d, sp, dp, A, B, seq=1, ack=1)   # noqa: E731
    p.add(tc4(b'MSG 0 1 . 0 52\r\nContent-Type: application/beep+xml\r\n\r\n<greeting/>END\r\n', 40288, 10288))
    p.add(tc4(b'RPY 0 1 . 0 10\r\nhelloEND\r\n', 10288, 40288))
    p.add(tc4(b'SEQ 0 0 4096\r\n', 40288, 10288))
    p.add(tc4(b'XYZ junk\r\n', 40288, 10288))
    # ZMTP/1.0 (decoded with -T zmtp1): greeting and a two-part message
    p.add(tc4(b'\x01\x00' + b'\x06\x01hello' + b'\x04\x00abc' + b'\xff' + be32(0) + be32(4) + b'\x00wxy', 40555, 5555))
    # radius/snmp/tftp/resp on other ports (-T)
    p.add(udp4(ber_snmp_get(), 40000, 9161, A, B))
    p.add(udp4(struct.pack('!BBH', 1, 9, 20 + 7) + bytes(16) + b'\x01\x07alice', 40000, 9812, A, B))
    p.add(udp4(b'\x00\x01boot.img\x00octet\x00', 40000, 9069, A, B))
    p.add(tc4(b'*1\r\n$4\r\nPING\r\n', 40000, 9379))
    p.close()


# ------------------------------------------- L2TP, PPTP, LDP, LSP ping, VQP
def gen_tunnels(out):
    """Tunnel set-up and label distribution: L2TP control and data, PPTP
    control, LDP over UDP and TCP, LSP ping, and VQP."""
    p = Rec(os.path.join(out, 'apps-tun.pcap'))
    A, B = '192.0.2.1', '192.0.2.2'
    # L2TP (RFC 2661): AVP = M|H|len(10 bits), vendor, type, value
    avp = lambda t, v, m=0x8000, vendor=0: be16(m | (6 + len(v))) + be16(vendor) + be16(t) + v  # noqa: E731
    ctl = lambda tid, sid, ns, nr, avps: struct.pack('!HHHHHH', 0xc802, 12 + len(avps), tid, sid, ns, nr) + avps  # noqa
    sccrq = avp(0, be16(1)) + avp(2, b'\x01\x00') + avp(3, be32(3)) + avp(4, be32(1)) + \
        avp(6, be16(0x0690), m=0) + avp(7, b'lac.example') + avp(8, b'trawl', m=0) + avp(9, be16(7)) + \
        avp(10, be16(4)) + avp(11, H('00112233445566778899aabbccddeeff'))
    p.add(udp4(ctl(0, 0, 0, 0, sccrq), 1701, 1701, A, B))
    sccrp = avp(0, be16(2)) + avp(2, b'\x01\x00') + avp(3, be32(1)) + avp(7, b'lns') + avp(9, be16(9)) + \
        avp(13, H('0f0e0d0c0b0a09080706050403020100'))
    p.add(udp4(ctl(7, 0, 0, 1, sccrp), 1701, 1701, B, A))
    p.add(udp4(ctl(9, 0, 1, 1, avp(0, be16(3))), 1701, 1701, A, B))
    p.add(udp4(ctl(7, 0, 1, 2, b''), 1701, 1701, B, A))    # ZLB ack
    icrq = avp(0, be16(10)) + avp(14, be16(5)) + avp(15, be32(12345)) + avp(18, be32(1)) + \
        avp(21, b'5551234') + avp(22, b'5559876') + avp(23, b'sub') + avp(25, be32(1)) + avp(36, be32(9))
    p.add(udp4(ctl(9, 0, 2, 1, icrq), 1701, 1701, A, B))
    iccn = avp(0, be16(12)) + avp(24, be32(10000000)) + avp(19, be32(1)) + avp(38, be32(10000000)) + \
        avp(26, b'\x01\x04\x05\xdc') + avp(27, b'\x01\x04\x05\xdc') + avp(28, b'\x01\x04\x05\xdc') + \
        avp(29, be16(3)) + avp(30, b'bob') + avp(31, be16(1)) + avp(32, b'\x55' * 16) + avp(33, b'\x01' * 8)
    p.add(udp4(ctl(9, 5, 3, 2, iccn), 1701, 1701, A, B))
    p.add(udp4(ctl(9, 5, 4, 2, avp(0, be16(16)) + avp(34, be16(0) + be32(0xffffffff) + be32(0xffffffff))), 1701, 1701, A, B))
    p.add(udp4(ctl(9, 5, 5, 2, avp(0, be16(14)) + avp(1, be16(1) + be16(0) + b'bye') +
                   avp(46, be16(1) + b'\x01' + b'\x0cconfig')), 1701, 1701, A, B))
    p.add(udp4(ctl(9, 0, 6, 2, avp(0, be16(4)) + avp(1, be16(2) + be16(6))), 1701, 1701, A, B))
    p.add(udp4(ctl(9, 0, 7, 2, avp(0, be16(6))), 1701, 1701, A, B))     # HELLO
    p.add(udp4(ctl(9, 0, 8, 2, avp(0, be16(99)) + avp(200, b'xy', vendor=9)), 1701, 1701, A, B))
    # data: with length and sequence, then plain, each carrying PPP IPCP/IP
    ppp_ip = b'\xff\x03\x00\x21' + ipv4(b'\x08\x00\xf7\xff\x00\x00\x00\x00', 1, '10.0.0.1', '10.0.0.2')
    p.add(udp4(struct.pack('!HHHHHH', 0x4802, 12 + len(ppp_ip), 9, 5, 1, 2) + ppp_ip, 1701, 1701, A, B))
    p.add(udp4(struct.pack('!HHH', 0x0002, 9, 5) + ppp_ip, 1701, 1701, A, B))
    p.add(udp4(struct.pack('!HHHH', 0x0202, 9, 5, 0) + b'\xff\x03\x80\x21\x01\x01\x00\x04', 1701, 1701, A, B))
    p.add(udp4(struct.pack('!HHH', 0x0003, 9, 5), 1701, 1701, A, B))     # version 3
    # PPTP (RFC 2637) control messages over TCP 1723
    pptp = lambda t, body: struct.pack('!HHIHH', 12 + len(body), 1, 0x1A2B3C4D, t, 0) + body  # noqa: E731
    pad = lambda s, n: s.encode().ljust(n, b'\0')   # noqa: E731
    t4 = lambda d, sp, dp, src=A, dst=B: tcp4(d, sp, dp, src, dst, seq=1, ack=1)  # noqa: E731
    p.add(t4(pptp(1, be16(0x0100) + be16(0) + be32(3) + be32(3) + be16(100) + be16(0x1234) +
                  pad('pns.example', 64) + pad('trawl', 64)), 40001, 1723))
    p.add(t4(pptp(2, be16(0x0100) + b'\x01\x00' + be32(1) + be32(2) + be16(0) + be16(1) +
                  pad('pac', 64) + pad('vendor', 64)), 1723, 40001, B, A))
    p.add(t4(pptp(3, b'\x01\x00' + be16(0)), 40001, 1723))
    p.add(t4(pptp(4, b'\x01\x02' + be16(0)), 1723, 40001, B, A))
    p.add(t4(pptp(5, be32(77)), 40001, 1723))
    p.add(t4(pptp(6, be32(77) + b'\x01\x00' + be16(0)), 1723, 40001, B, A))
    p.add(t4(pptp(7, be16(1) + be16(2) + be32(300) + be32(100000000) + be32(3) + be32(3) + be16(64) + be16(0) +
                  be16(7) + be16(0) + pad('5551234', 64) + pad('sub', 64)), 40001, 1723))
    p.add(t4(pptp(8, be16(9) + be16(1) + b'\x01\x00' + be16(0) + be32(64000) + be16(16) + be16(0) + be32(42)), 1723, 40001, B, A))
    p.add(t4(pptp(9, be16(3) + be16(4) + be32(64000) + be32(1) + be32(1) + be16(16) + be16(0) + be16(7) + be16(3) +
                  pad('5551234', 64) + pad('5559876', 64) + pad('sub', 64)), 1723, 40001, B, A))
    p.add(t4(pptp(10, be16(9) + be16(0)), 40001, 1723))
    p.add(t4(pptp(11, be16(3) + be16(0) + be32(64000) + be16(16) + be16(0) + be32(1)), 1723, 40001, B, A))
    p.add(t4(pptp(12, be16(9) + be16(0)), 40001, 1723))
    p.add(t4(pptp(13, be16(9) + b'\x03\x00' + be16(0) + be16(0) + pad('gone', 128)), 1723, 40001, B, A))
    p.add(t4(pptp(14, be16(9) + be16(0) + be32(1) + be32(2) + be32(3) + be32(4) + be32(5) + be32(6)), 1723, 40001, B, A))
    p.add(t4(pptp(15, be16(9) + be16(0) + be32(0xffffffff) + be32(0)), 40001, 1723))
    p.add(t4(pptp(99, b''), 40001, 1723))
    # LDP (RFC 5036): PDU header, messages of TLVs
    tlv = lambda t, v: be16(t) + be16(len(v)) + v     # noqa: E731
    msg = lambda t, mid, tlvs: be16(t) + be16(4 + len(tlvs)) + be32(mid) + tlvs   # noqa: E731
    pdu = lambda lsr, msgs: be16(1) + be16(6 + len(msgs)) + ip4(lsr) + be16(0) + msgs   # noqa: E731
    hello = msg(0x0100, 1, tlv(0x0400, be16(15) + be16(0)) + tlv(0x0401, ip4(A)) + tlv(0x0402, be32(7)))
    p.add(udp4(pdu(A, hello), 646, 646, A, '224.0.0.2', ttl=1))
    p.add(udp4(pdu(B, msg(0x0100, 2, tlv(0x0400, be16(45) + be16(0xc000)) + tlv(0x0401, ip4(B)))), 646, 646, B, A))
    init = msg(0x0200, 3, tlv(0x0500, be16(1) + be16(30) + b'\x00\x00' + be16(4096) + ip4(B) + be16(0)))
    p.add(t4(pdu(A, init), 40646, 646))
    p.add(t4(pdu(B, msg(0x0201, 4, b'')), 646, 40646, B, A))
    addr = msg(0x0300, 5, tlv(0x0101, be16(1) + ip4(A) + ip4('10.1.1.1')))
    lmap = msg(0x0400, 6, tlv(0x0100, b'\x02' + be16(1) + b'\x18' + ip4('10.2.3.0')[:3] +
                              b'\x02' + be16(1) + b'\x20' + ip4('10.9.9.9')) + tlv(0x0200, be32(16)))
    lreq = msg(0x0401, 7, tlv(0x0100, b'\x01'))
    notif = msg(0x0001, 8, tlv(0x0300, be32(0x8000000a) + be32(6) + be16(0x0400)))
    unk = msg(0x3e00, 9, tlv(0x3e01, b'ab'))
    p.add(t4(pdu(A, addr + lmap + lreq + notif + unk), 40646, 646))
    p.add(t4(pdu(A, msg(0x0404, 10, tlv(0x0100, b'\x02' + be16(1) + b'\x10' + ip4('10.7.0.0')[:2]) + tlv(0x0201, be32(0x00100001)))), 40646, 646))
    p.add(t4(b'\x00\x02' + be16(6) + ip4(A) + be16(0), 40646, 646))      # version 2
    # LSP ping (RFC 8029) echo request / reply over UDP 3503
    sub = lambda t, v: be16(t) + be16(len(v)) + v + bytes(-len(v) % 4)  # noqa: E731
    fec = tlv(1, sub(1, ip4('10.9.9.9') + b'\x20') + sub(3, ip4('10.9.9.9') + be16(0) + be16(1) + ip4(A)) +
              sub(4, ip4('10.9.9.9') + ip4('10.8.8.8') + b'\x20'))
    dsmap = tlv(2, be16(1500) + b'\x01\x00' + ip4(B) + ip4('10.3.3.3') + b'\x00\x00\x00\x00' + be32(0x00010100))
    hdr = lambda mt, rm, rc, seq: be16(1) + be16(0) + bytes([mt, rm, rc, 0]) + be32(0x1234) + be32(seq) + \
        struct.pack('!IIII', 3900000000, 1, 0, 0)   # noqa: E731
    p.add(udp4(hdr(1, 2, 0, 1) + fec + dsmap + tlv(3, b'padpad\0\0'), 40503, 3503, A, '127.0.0.1', ttl=1))
    p.add(udp4(hdr(2, 2, 3, 1) + tlv(9, tlv(1, b'ab')), 3503, 40503, B, A))
    p.add(udp4(hdr(1, 1, 0, 2) + tlv(1, sub(7, ip6('2001:db8::9') + b'\x80')) + tlv(99, b'zz\0\0'), 40503, 3503, A, B))
    ds = lambda at, body: tlv(2, be16(1500) + bytes([at, 0]) + body)  # noqa: E731
    rd0, rd1, rd2 = bytes([0, 0, 0, 100, 0, 0, 0, 5]), bytes([0, 1, 10, 0, 0, 1, 0, 5]), bytes([0, 2, 0, 0, 0, 1, 0, 5])
    for i, t in enumerate((
            ds(2, ip4(B) + be32(7) + bytes(4)), ds(3, ip6('2001:db8::2') + ip6('2001:db8::3') + bytes(4)),
            ds(4, ip6('2001:db8::2') + be32(9) + bytes(4)), ds(5, ip4(B) + ip4(B) + bytes(4)),
            ds(1, ip4(B)), ds(3, ip6('2001:db8::2') + ip6('2001:db8::3')), ds(1, ip4(B) + ip4('10.3.3.3')),
            tlv(2, be16(1500) + b'\x01'),
            tlv(2, be16(1500) + b'\x01\x00' + ip4(B) + ip4(B) + b'\x01\x00' + be16(4) + be32(5) + b'\x00\x01\x01\x03'),
            tlv(1, sub(6, rd0 + ip4('10.9.9.0') + b'\x18') + sub(6, rd1 + ip4('10.9.8.0') + b'\x18') +
                sub(6, rd2 + ip4('10.9.7.0') + b'\x18')),
            tlv(1, sub(7, rd0 + ip6('2001:db8::') + b'\x40') + sub(8, rd1 + be16(3) + be16(4) + be16(5))),
            tlv(1, sub(9, ip4(B) + be32(33) + be16(5)) + sub(10, ip4(A) + ip4(B) + be32(33) + be16(4))),
            tlv(1, sub(10, ip4(A) + ip4(B) + be32(33) + be16(0x8004)) + sub(11, ip4(A))),
            tlv(1, sub(8, bytes(3))), tlv(1, sub(6, bytes(3))), tlv(1, sub(9, bytes(12))))):
        p.add(udp4(hdr(1, 2, 0, 10 + i) + t, 40503, 3503, A, B))
    # VQP (VLAN Query Protocol) over UDP 1589
    vtlv = lambda t, v: be32(t) + be16(len(v)) + v  # noqa: E731
    vq = vtlv(0x0c01, ip4(A)) + vtlv(0x0c02, b'Fa0/1') + vtlv(0x0c03, b'') + vtlv(0x0c04, b'corp') + \
        vtlv(0x0c05, bytes(14)) + vtlv(0x0c06, mac('00:11:22:33:44:55')) + vtlv(0x0c08, mac('00:11:22:33:44:55'))
    p.add(udp4(bytes([1, 1, 0, 7]) + be32(42) + vq, 1589, 1589, A, B))
    p.add(udp4(bytes([1, 2, 0, 2]) + be32(42) + vtlv(0x0c03, b'engineering') + vtlv(0x0c08, mac('00:11:22:33:44:55')),
               1589, 1589, B, A))
    p.add(udp4(bytes([1, 4, 3, 1]) + be32(43) + vtlv(0x0c77, b'??'), 1589, 1589, B, A))
    p.add(udp4(bytes([2, 1, 0, 0]) + be32(44), 1589, 1589, A, B))
    p.close()


# ------------------------------------------------------------ ONC RPC / NFS
def rpc_call(xid, prog, vers, proc, body):
    auth = be32(1) + be32(24) + be32(1700000000) + be32(4) + b'host' + be32(0) + be32(0) + be32(0)
    return struct.pack('!IIIIII', xid, 0, 2, prog, vers, proc) + auth + be32(0) + be32(0) + body


def rpc_reply(xid, body, stat=0, accept=0):
    return struct.pack('!III', xid, 1, stat) + be32(0) + be32(0) + be32(accept) + body


def fattr3(ftype=1, size=4096, mode=0o644, rdev=(0, 0)):
    return struct.pack('!IIIIIQQIIQQ', ftype, mode, 1, 0, 0, size, size, rdev[0], rdev[1], 0x1234, 99) + \
        struct.pack('!IIIIII', 1700000000, 0, 1700000001, 0, 1700000002, 0)


def fattr2(ftype=1, size=4096, mode=0o100644):
    return struct.pack('!IIIIIIIIIII', ftype, mode, 2, 1000, 100, size, 4096, 7, 8, 9, 0x77) + \
        struct.pack('!IIIIII', 1700000000, 5, 1700000001, 6, 1700000002, 7)


def sattr3(mode=None, uid=None, gid=None, size=None, atime=0, mtime=0):
    b = b''
    for v in (mode, uid, gid):
        b += be32(0) if v is None else be32(1) + be32(v)
    b += be32(0) if size is None else be32(1) + struct.pack('!Q', size)
    for t in (atime, mtime):
        b += be32(t) + (struct.pack('!II', 1700000100, 500) if t == 2 else b'')
    return b


def post_attr(ftype=1, size=4096):
    return be32(1) + fattr3(ftype, size)


def wcc(pre=True, post=True):
    b = be32(1) + struct.pack('!QIIII', 100, 1600000000, 11, 1600000001, 12) if pre else be32(0)
    return b + (post_attr() if post else be32(0))


def gen_rpc(out):
    """NFS calls and replies over UDP and TCP (record marking), and other RPC."""
    p = Rec(os.path.join(out, 'apps-rpc.pcap'))
    C, S = '192.0.2.40', '192.0.2.41'
    fh3 = be32(32) + bytes(range(32))
    fh3s = be32(12) + bytes(range(0x40, 0x4c))                 # a short handle
    name = lambda s: be32(len(s)) + s + bytes(-len(s) % 4)   # noqa: E731
    pfh = be32(1) + fh3s                                     # post_op_fh3
    verf = bytes.fromhex('0123456789abcdef')
    calls = [
        (0, b'', 0, b''),                                                    # NULL
        (1, fh3, 0, fattr3()),                                               # GETATTR
        (1, fh3, 70, b''),                                                   # GETATTR -> ESTALE
        (2, fh3 + sattr3(0o755, 10, 20, 1 << 33, 1, 2) + be32(1) + struct.pack('!II', 1600000000, 7), 0, wcc()),  # SETATTR
        (2, fh3 + sattr3() + be32(0), 1, wcc(False, False)),                 # SETATTR -> EPERM
        (3, fh3 + name(b'etc'), 0, fh3 + be32(1) + fattr3(2) + be32(0)),      # LOOKUP
        (3, fh3s + name(b'nope'), 2, post_attr(2)),                          # LOOKUP -> ENOENT
        (4, fh3 + be32(0x3f), 0, be32(0) + be32(0x1f)),                       # ACCESS
        (4, fh3 + be32(0x25), 0, post_attr() + be32(0x21)),                   # ACCESS read|delete|exec
        (4, fh3 + be32(0x40), 13, be32(0)),                                   # ACCESS -> EACCES
        (5, fh3, 0, post_attr(5, 11) + name(b'/usr/lib/x')),                  # READLINK
        (6, fh3 + struct.pack('!QI', 8192, 512), 0, be32(1) + fattr3() + struct.pack('!III', 5, 1, 5) + b'hello\0\0\0'),  # READ
        (6, fh3 + struct.pack('!QI', 0, 512), 0, be32(0) + struct.pack('!III', 3, 0, 3) + b'abc\0'),  # READ, not EOF
        (7, fh3 + struct.pack('!QII', 0, 4, 2) + be32(4) + b'data', 0, be32(0) + be32(0) + be32(4) + be32(2) + bytes(8)),  # WRITE
        (7, fh3 + struct.pack('!QII', 1 << 40, 6, 0) + be32(6) + b'data12\0\0', 0, wcc() + be32(6) + be32(0) + verf),  # WRITE unstable
        (7, fh3 + struct.pack('!QII', 9, 2, 1) + be32(2) + b'ab\0\0', 28, wcc(True, False)),  # WRITE datasync -> ENOSPC
        (8, fh3 + name(b'new.txt') + be32(0) + sattr3(0o600), 0, pfh + post_attr() + wcc()),   # CREATE unchecked
        (8, fh3 + name(b'g.txt') + be32(1) + sattr3(None, 5, 6), 0, be32(0) + be32(0) + wcc(False, True)),  # CREATE guarded
        (8, fh3 + name(b'x.txt') + be32(2) + verf, 17, wcc()),                 # CREATE exclusive -> EEXIST
        (9, fh3 + name(b'dir') + sattr3(0o755), 0, pfh + post_attr(2) + wcc()),  # MKDIR
        (10, fh3 + name(b'ln') + sattr3(0o777) + name(b'../target'), 0, pfh + post_attr(5) + wcc()),  # SYMLINK
        (11, fh3 + name(b'tty') + be32(4) + sattr3(0o620) + struct.pack('!II', 4, 64), 0, pfh + post_attr(4) + wcc()),  # MKNOD chr
        (11, fh3 + name(b'fifo') + be32(7) + sattr3(0o600), 0, be32(0) + be32(0) + wcc()),  # MKNOD fifo
        (11, fh3 + name(b'reg') + be32(1), 10, wcc(False, False)),              # MKNOD reg -> EBADTYPE
        (12, fh3 + name(b'old'), 0, wcc()),                                    # REMOVE
        (13, fh3 + name(b'olddir'), 66, wcc()),                                # RMDIR -> ENOTEMPTY
        (14, fh3 + name(b'a') + fh3s + name(b'b'), 0, wcc() + wcc(False, True)),  # RENAME
        (15, fh3 + fh3s + name(b'hard'), 0, post_attr() + wcc()),              # LINK
        (16, fh3 + struct.pack('!QQI', 0, 0, 4096), 0, post_attr(2) + verf +
         be32(1) + struct.pack('!Q', 11) + name(b'.') + struct.pack('!Q', 1) +
         be32(1) + struct.pack('!Q', 12) + name(b'file') + struct.pack('!Q', 2) + be32(0) + be32(1)),  # READDIR
        (16, fh3 + struct.pack('!QQI', 5, 0x1122334455667788, 512), 0, be32(0) + verf + be32(0) + be32(0)),  # READDIR, not EOF
        (17, fh3 + struct.pack('!QQII', 0, 0, 512, 4096), 0, post_attr(2) + verf +
         be32(1) + struct.pack('!Q', 21) + name(b'sub') + struct.pack('!Q', 7) + post_attr(2) + pfh +
         be32(1) + struct.pack('!Q', 22) + name(b'f') + struct.pack('!Q', 8) + be32(0) + be32(0) + be32(0) + be32(1)),  # READDIRPLUS
        (17, fh3 + struct.pack('!QQII', 3, 0, 512, 4096), 0, be32(0) + verf + be32(0) + be32(0)),  # READDIRPLUS empty
        (18, fh3, 0, post_attr(2) + struct.pack('!QQQQQQI', 1 << 40, 1 << 30, 1 << 29, 1000, 500, 400, 0)),  # FSSTAT
        (19, fh3, 0, post_attr(2) + struct.pack('!IIIIIIIQIII', 65536, 32768, 512, 65536, 32768, 512, 4096, (1 << 63) - 1, 0, 1, 0x1b)),  # FSINFO
        (20, fh3, 0, post_attr(2) + struct.pack('!IIIIII', 32000, 255, 1, 1, 0, 1)),  # PATHCONF
        (21, fh3 + struct.pack('!QI', 0, 0), 0, wcc() + verf),                 # COMMIT
        (21, fh3 + struct.pack('!QI', 4096, 8192), 5, wcc(False, False)),      # COMMIT -> EIO
        (22, fh3, 0, b''),                                                   # no such procedure
        (25, fh3, 0, b''),                                                   # NOOP
        (1, fh3, 0, fattr3(6, 0, 0o755)),                                    # GETATTR, a socket (no name)
        (4, fh3 + be32(0), 0, be32(0) + be32(0)),                            # ACCESS, no bits
        (10, fh3 + name(b'sl') + sattr3(None, 5, 6, None, 2, 2) + name(b'/x/y'), 0, be32(0) + wcc(False, False)),  # SYMLINK, ids and times
        (11, fh3 + name(b'sock') + be32(6) + sattr3(0o600, None, None, 77, 1, 0), 0, be32(0) + wcc(False, False)),  # MKNOD sock, size set
        (11, fh3 + name(b'blk') + be32(3) + sattr3(0o640, 0, 6) + struct.pack('!II', 8, 3), 0, pfh + post_attr(3) + wcc()),  # MKNOD blk
        (7, fh3 + struct.pack('!QII', 0, 1, 5) + be32(1) + b'z\0\0\0', 0, wcc(False, False) + be32(1) + be32(9) + verf),  # WRITE, odd stable values
        (20, fh3, 22, post_attr(2)),                                          # PATHCONF -> EINVAL
        (19, fh3, 10001, be32(0)),                                            # FSINFO -> BADHANDLE
        (18, fh3, 0, be32(0) + struct.pack('!QQQQQQI', 0, 0, 0, 0, 0, 0, 0)),  # FSSTAT, no attributes
        (20, fh3, 0, be32(0) + struct.pack('!IIIIII', 0, 0, 0, 0, 0, 0)),     # PATHCONF, all false
        (3, fh3 + name(b'a\x01\xffb'), 0, be32(20) + bytes(range(0x61, 0x75)) + be32(0) + be32(0)),  # LOOKUP, odd name, 20-byte handle
    ]
    for i, (proc, args, st, res) in enumerate(calls):
        xid = 0x5000 + i
        p.add(udp4(rpc_call(xid, 100003, 3, proc, args), 800, 2049, C, S))
        p.add(udp4(rpc_reply(xid, (be32(st) if proc else b'') + res), 2049, 800, S, C))
    # NFSv2 calls and replies
    fh2 = bytes(range(32))
    sattr2 = struct.pack('!IIIIIIII', 0o644, 0xffffffff, 0xffffffff, 0xffffffff, 1600000000, 0, 0xffffffff, 0xffffffff)
    v2 = [
        (0, b'', 0, b''),                                                    # NULL
        (1, fh2, 0, fattr2()),                                               # GETATTR
        (1, fh2, 70, b''),                                                   # GETATTR -> ESTALE
        (2, fh2 + sattr2, 0, fattr2()),                                      # SETATTR
        (3, b'', 0, b''),                                                    # ROOT
        (4, fh2 + name(b'passwd'), 0, fh2 + fattr2()),                       # LOOKUP
        (4, fh2 + name(b'gone'), 2, b''),                                    # LOOKUP -> ENOENT
        (5, fh2, 0, name(b'/a/b')),                                          # READLINK
        (6, fh2 + struct.pack('!III', 0, 1024, 0), 0, fattr2() + name(b'hi')),  # READ
        (7, b'', 0, b''),                                                    # WRITECACHE
        (8, fh2 + struct.pack('!III', 0, 512, 0) + name(b'wxyz'), 0, fattr2(1, 512)),  # WRITE
        (9, fh2 + name(b'n2') + sattr2, 0, fh2 + fattr2()),                  # CREATE
        (10, fh2 + name(b'n2'), 0, b''),                                     # REMOVE
        (11, fh2 + name(b'a') + fh2 + name(b'b'), 0, b''),                   # RENAME
        (12, fh2 + fh2 + name(b'l'), 0, b''),                                # LINK
        (13, fh2 + name(b's') + name(b'/t') + sattr2, 0, b''),               # SYMLINK
        (14, fh2 + name(b'd') + sattr2, 0, fh2 + fattr2(2)),                 # MKDIR
        (15, fh2 + name(b'd'), 66, b''),                                     # RMDIR -> ENOTEMPTY
        (16, fh2 + struct.pack('!II', 0, 1024), 0, be32(1) + be32(5) + name(b'x') + be32(1) + be32(0) + be32(1)),  # READDIR
        (17, fh2, 0, struct.pack('!IIIII', 8192, 1024, 10000, 5000, 4000)),  # STATFS
        (18, fh2, 0, b''),                                                   # no such procedure
        (26, fh2, 0, b''),                                                   # past the table
        (17, fh2, 5, b''),                                                   # STATFS -> EIO
        (1, fh2, 0, fattr2(6, 0, 0o140755)),                                 # GETATTR, unknown type
        (16, fh2 + struct.pack('!II', 7, 512), 0, be32(0) + be32(0)),        # READDIR, short result
    ]
    for i, (proc, args, st, res) in enumerate(v2):
        xid = 0x6000 + i
        p.add(udp4(rpc_call(xid, 100003, 2, proc, args), 801, 2049, C, S))
        p.add(udp4(rpc_reply(xid, (be32(st) if proc not in (0, 3, 7) else b'') + res), 2049, 801, S, C))
    # over TCP with record marking
    m = rpc_call(0x7001, 100003, 3, 3, fh3 + name(b'home'))
    p.add(tcp4(be32(0x80000000 | len(m)) + m, 901, 2049, C, S, seq=1, ack=1))
    m = rpc_reply(0x7001, be32(2) + be32(0))
    p.add(tcp4(be32(0x80000000 | len(m)) + m, 2049, 901, S, C, seq=1, ack=1 + 4 + 84))
    m = rpc_call(0x7002, 100003, 3, 1, fh3)
    p.add(tcp4(be32(0x80000000 | len(m)) + m, 901, 2049, C, S, seq=89, ack=37))
    m = rpc_reply(0x7002, be32(0) + fattr3(3, 0, 0o660, (8, 1)))
    p.add(tcp4(be32(0x80000000 | len(m)) + m, 2049, 901, S, C, seq=37, ack=89 + 4 + len(m)))
    # a denied reply, accepted-but-failed replies, an unknown xid, portmapper
    p.add(udp4(rpc_call(0x8001, 100003, 3, 1, fh3), 802, 2049, C, S))
    p.add(udp4(struct.pack('!IIII', 0x8001, 1, 1, 1) + be32(1), 2049, 802, S, C))
    p.add(udp4(rpc_call(0x8003, 100003, 3, 1, fh3), 802, 2049, C, S))
    p.add(udp4(struct.pack('!IIII', 0x8003, 1, 1, 0) + be32(2) + be32(4), 2049, 802, S, C))
    for j, acc in enumerate((1, 2, 3, 4, 5)):
        xid = 0x8010 + j
        p.add(udp4(rpc_call(xid, 100003, 3, 6, fh3 + struct.pack('!QI', 0, 8)), 802, 2049, C, S))
        p.add(udp4(rpc_reply(xid, struct.pack('!II', 2, 3) if acc == 2 else b'', accept=acc), 2049, 802, S, C))
    p.add(udp4(rpc_reply(0x8fff, be32(0) + fattr3()), 2049, 802, S, C))
    p.add(udp4(rpc_call(0x8020, 100003, 3, 1, fh3), 804, 2049, C, S))
    p.add(udp4(rpc_reply(0x8020, be32(0) + fattr3()), 2049, 804, '192.0.2.42', C))   # another server: no match
    p.add(udp4(struct.pack('!IIIII', 0x8020, 1, 1, 1, 9), 2049, 804, S, C))          # unknown auth failure
    p.add(udp4(struct.pack('!IIII', 0x8021, 1, 1, 2), 2049, 804, S, C))              # unknown denial
    p.add(udp4(rpc_call(0x8022, 100003, 3, 1, fh3), 804, 2049, C, S))
    p.add(udp4(rpc_reply(0x8022, b'', accept=9), 2049, 804, S, C))                   # unknown accept status
    p.add(udp4(rpc_call(0x8023, 100003, 3, 1, fh3), 804, 2049, C, S))
    p.add(udp4(struct.pack('!IIIII', 0x8023, 1, 0, 1, 0x7ffffff0) + bytes(8), 2049, 804, S, C))  # verifier longer than the reply
    p.add(udp4(rpc_call(0x8024, 100003, 3, 2, fh3 + sattr3() + be32(0)), 804, 2049, C, S))
    p.add(udp4(rpc_reply(0x8024, be32(0) + be32(1) + bytes(8)), 2049, 804, S, C))   # SETATTR, pre-op attributes cut short
    p.add(udp6(rpc_call(0x8030, 100003, 3, 3, fh3 + name(b'six')), 805, 2049))
    p.add(udp6(rpc_reply(0x8030, be32(0) + fh3 + be32(0) + be32(0)), 2049, 805, '2001:db8::2', '2001:db8::1'))
    p.add(udp4(struct.pack('!III', 0x8ffe, 1, 7), 2049, 802, S, C))
    p.add(udp4(rpc_call(0x8002, 100000, 2, 3, struct.pack('!IIII', 100003, 3, 17, 0)), 803, 111, C, S))
    p.add(udp4(rpc_reply(0x8002, be32(2049)), 111, 803, S, C))
    p.close()


def ber_snmp_get():
    vb = ber(0x30, boid('1.3.6.1.2.1.1.5.0') + b'\x05\x00')
    return ber(0x30, bint(1) + ber(4, b'public') + ber(0xa1, bint(3) + bint(0) + bint(0) + ber(0x30, vb)))


# Cuts (indexes into the list gen_trunc walks) to leave out of
# apps-trunc.pcap, should a truncated form ever need excluding; none is.
TRUNC_SKIP = set()


def gen_trunc(out):
    """Every whole frame of the other captures, cut short at a few points
    past the UDP/TCP header (caplen), to exercise each printer's bounds."""
    p = Pcap(os.path.join(out, 'apps-trunc.pcap'))
    n = 0
    for f in Rec.frames:
        start = 14 + (40 if f[12:14] == b'\x86\xdd' else 20) + 8
        cuts = sorted({c for c in (start + 2, start + 9, (start + len(f)) // 2, len(f) - 3, len(f) - 1)
                       if start < c < len(f)})
        for c in cuts:
            if n not in TRUNC_SKIP:
                p.add(f, caplen=c)
            n += 1
    p.close()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    gen_dns(out)
    gen_dhcp(out)
    gen_udpapps(out)
    gen_tcpapps(out)
    gen_ipsec(out)
    gen_misc(out)
    gen_tunnels(out)
    gen_rpc(out)
    gen_trunc(out)


if __name__ == '__main__':
    main()
