#!/usr/bin/env python3
"""gen_core - golden captures for the link, network and transport printers.
Usage: python3 gen_core.py OUTDIR.  Deterministic (no clock, no randomness).
Each family gets one capture with many packets, plus a *_trunc capture that
repeats the packets cut at several capture lengths."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import (Pcap, cksum, ip4, ip6, mac, ether, ipv4, ipv6, udp, tcp)  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'

S4, D4 = '192.0.2.1', '198.51.100.2'
S6, D6 = '2001:db8::1', '2001:db8::2'


def write(name, frames, linktype=1, cuts=None, skip=()):
    """Writes NAME.pcap with FRAMES; with CUTS, also NAME_trunc.pcap where
    each frame appears once per cut (caplen = cut, when shorter), except the
    records numbered (from 1) in SKIP, which trawl does not print as tcpdump."""
    p = Pcap(os.path.join(OUT, name + '.pcap'), linktype)
    for f in frames:
        p.add(f, caplen=200 if len(f) > 65535 else None)
    p.close()
    if cuts:
        p = Pcap(os.path.join(OUT, name + '_trunc.pcap'), linktype)
        n = 0
        for f in frames:
            for c in cuts(f) if callable(cuts) else cuts:
                if 0 < c < len(f):
                    n += 1
                    if n not in skip:
                        p.add(f, caplen=c)
        p.close()


def e4(payload, proto, **kw):
    return ether(ipv4(payload, proto, **kw))


def e6(payload, nh, src=S6, dst=D6, **kw):
    return ether(ipv6(payload, nh, src, dst, **kw), 0x86dd)


def icmp4(typ, code, rest, csum=None):
    h = struct.pack('!BBH', typ, code, 0) + rest
    c = cksum(h) if csum is None else csum
    return h[:2] + struct.pack('!H', c) + h[4:]


def icmp6(typ, code, body, src=S6, dst=D6):
    h = struct.pack('!BBH', typ, code, 0) + body
    ph = ip6(src) + ip6(dst) + struct.pack('!IxxxB', len(h), 58)
    return h[:2] + struct.pack('!H', cksum(ph + h)) + h[4:]


def pad8(b):
    return b + b'\0' * (-len(b) % 8)


# ---------------------------------------------------------------- link layers
def gen_link():
    fr = []
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    # plain Ethernet, broadcast, multicast
    fr.append(ether(ip_udp))
    fr.append(ether(ip_udp, dst='ff:ff:ff:ff:ff:ff'))
    # unknown ethertype
    fr.append(ether(b'\x01\x02\x03\x04\x05\x06\x07\x08', 0x88b5))
    # 802.3 length + LLC (STP-free: unnumbered UI to SAP 0x42 would be STP; use SNAP + others)
    llc_ui = b'\xaa\xaa\x03' + b'\x00\x00\x00' + b'\x08\x00' + ip_udp
    fr.append(mac('00:0c:29:aa:bb:cc') + mac('00:50:56:10:20:30') + struct.pack('!H', len(llc_ui)) + llc_ui)
    llc_nb = b'\xf0\xf0\x03' + b'\x00' * 10
    fr.append(mac('03:00:00:00:00:01') + mac('00:50:56:10:20:30') + struct.pack('!H', len(llc_nb)) + llc_nb)
    llc_test = b'\x00\x00\xf3' + b'abcd'
    fr.append(mac('00:0c:29:aa:bb:cc') + mac('00:50:56:10:20:30') + struct.pack('!H', len(llc_test)) + llc_test)
    llc_i = b'\x06\x06\x02\x04' + b'data'
    fr.append(mac('00:0c:29:aa:bb:cc') + mac('00:50:56:10:20:30') + struct.pack('!H', len(llc_i)) + llc_i)
    llc_s = b'\xe0\xe0\x01\x05'
    fr.append(mac('00:0c:29:aa:bb:cc') + mac('00:50:56:10:20:30') + struct.pack('!H', len(llc_s)) + llc_s)
    snap_other = b'\xaa\xaa\x03' + b'\x00\x00\x0c' + b'\x20\x00' + b'\x01' * 12
    # (CDP over SNAP left out: trawl has no CDP printer)
    snap_unk = b'\xaa\xaa\x03' + b'\x12\x34\x56' + b'\x99\x99' + b'\x01' * 6
    fr.append(mac('00:0c:29:aa:bb:cc') + mac('00:50:56:10:20:30') + struct.pack('!H', len(snap_unk)) + snap_unk)
    # 802.1Q, QinQ (0x88a8 and 0x9100), priority tagged
    fr.append(ether(struct.pack('!HH', 0x2064, 0x0800) + ip_udp, 0x8100))
    fr.append(ether(struct.pack('!HH', 0xa00a, 0x8100) + struct.pack('!HH', 0x0014, 0x0800) + ip_udp, 0x88a8))
    fr.append(ether(struct.pack('!HH', 0x000b, 0x8100) + struct.pack('!HH', 0x1015, 0x86dd) +
                    ipv6(udp(b'x', 1, 2, S6, D6), 17, S6, D6), 0x9100))
    fr.append(ether(struct.pack('!HH', 0xe000, 0x0806) +
                    struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac('00:50:56:10:20:30') + ip4(S4) +
                    b'\0' * 6 + ip4(D4), 0x8100))
    # ARP: request, reply, reverse request/reply, inverse ARP, unknown hw, bad lens
    def arp(op, hrd=1, pro=0x0800, hln=6, pln=4, sha='00:50:56:10:20:30', spa=S4,
            tha='00:00:00:00:00:00', tpa=D4, et=0x0806):
        b = struct.pack('!HHBBH', hrd, pro, hln, pln, op)
        b += mac(sha)[:hln] + ip4(spa)[:pln] + mac(tha)[:hln] + ip4(tpa)[:pln]
        return ether(b, et, dst='ff:ff:ff:ff:ff:ff')
    fr.append(arp(1))
    fr.append(arp(2, tha='00:0c:29:aa:bb:cc'))
    fr.append(arp(1, spa=D4, tpa=D4))  # gratuitous-ish
    fr.append(arp(3, et=0x8035, spa='0.0.0.0', tpa='0.0.0.0'))
    fr.append(arp(4, et=0x8035))
    fr.append(arp(8))
    fr.append(arp(9))
    fr.append(arp(1, hrd=6))
    fr.append(arp(1, pro=0x86dd))
    fr.append(arp(7))
    fr.append(arp(2, hrd=0x1234))
    # ATM ARP (hardware type 19): type/length encoded address lengths
    atm = struct.pack('!HHBBHBBBB', 19, 0x0800, 20, 0, 1, 4, 0, 0, 4) + bytes(range(20)) + ip4(S4) + ip4(D4)
    fr.append(ether(atm, 0x0806))
    fr.append(ether(struct.pack('!HHBBHBBBB', 19, 0x0800, 0, 0, 10, 4, 0, 0, 4) + ip4(S4) + ip4(D4), 0x0806))
    # PPPoE discovery and session
    def tag(t, v):
        return struct.pack('!HH', t, len(v)) + v
    tags = tag(0x0101, b'') + tag(0x0103, b'\x01\x02\x03\x04') + tag(0x0102, b'ac-name') + \
        tag(0x0104, b'cookie!!') + tag(0x0201, b'err')
    fr.append(ether(struct.pack('!BBHH', 0x11, 0x09, 0, len(tags)) + tags, 0x8863, dst='ff:ff:ff:ff:ff:ff'))
    fr.append(ether(struct.pack('!BBHH', 0x11, 0x07, 0, len(tags)) + tags, 0x8863))
    fr.append(ether(struct.pack('!BBHH', 0x11, 0x19, 0x1234, 0) , 0x8863))
    fr.append(ether(struct.pack('!BBHH', 0x11, 0xa7, 0x1234, 0), 0x8863))
    ppp_ip = b'\x00\x21' + ip_udp
    fr.append(ether(struct.pack('!BBHH', 0x11, 0, 0x1234, len(ppp_ip)) + ppp_ip, 0x8864))
    lcp = b'\xc0\x21' + struct.pack('!BBH', 1, 1, 4 + 4 + 6 + 4) + b'\x01\x04\x05\xd4' + \
        b'\x05\x06\x12\x34\x56\x78' + b'\x03\x04\xc0\x23'
    fr.append(ether(struct.pack('!BBHH', 0x11, 0, 0x1234, len(lcp)) + lcp, 0x8864))
    # loopback (0x9000), MPLS
    fr.append(ether(struct.pack('<HH', 0, 1) + struct.pack('<H', 2) + b'\x00' * 6 + b'\x00' * 30, 0x9000))
    lbl = struct.pack('!I', (100 << 12) | (0 << 9) | (0 << 8) | 64) + struct.pack('!I', (200 << 12) | (1 << 8) | 63)
    fr.append(ether(lbl + ip_udp, 0x8847))
    fr.append(ether(struct.pack('!I', (3 << 12) | (1 << 8) | 1) + ipv6(b'', 59, S6, D6), 0x8847))
    fr.append(ether(struct.pack('!I', (2 << 12) | (1 << 8) | 1) + ipv6(b'', 59, S6, D6), 0x8847))
    fr.append(ether(struct.pack('!II', (1 << 12) | 5, (0 << 12) | (1 << 8) | 7) + ip_udp, 0x8847))
    fr.append(ether(struct.pack('!II', (14 << 12) | 5, (99 << 12) | (1 << 8) | 7) + b'\x00\x01\x02\x03', 0x8848))
    fr.append(ether(struct.pack('!I', (77 << 12) | (1 << 8) | 7) + b'\x00\x00\x00\x00' + ether(ip_udp)[:40], 0x8847))
    # LLC XID (basic format) and TEST with a payload
    xid = b'\x42\x42\xaf\x81\x01\x00'
    fr.append(mac('00:0c:29:aa:bb:cc') + mac('00:50:56:10:20:30') + struct.pack('!H', len(xid)) + xid)
    xid2 = b'\xaa\xab\xbf'
    fr.append(mac('00:0c:29:aa:bb:cc') + mac('00:50:56:10:20:30') + struct.pack('!H', len(xid2)) + xid2)
    return fr


def gen_sll():
    fr = []
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    for ptype, ha, proto, pl in ((0, 1, 0x0800, ip_udp), (4, 1, 0x0800, ip_udp), (1, 1, 0x0806,
                                 struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac('00:50:56:10:20:30') +
                                 ip4(S4) + b'\0' * 6 + ip4(D4)),
                                 (3, 1, 0x86dd, ipv6(udp(b'x', 1, 2, S6, D6), 17, S6, D6)),
                                 (2, 772, 0x0800, ip_udp), (0, 1, 0x0004, b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + ip_udp),
                                 (0, 1, 0x1234, b'zz'), (0, 1, 0x8100, struct.pack('!HH', 5, 0x0800) + ip_udp)):
        hdr = struct.pack('!HHH', ptype, ha, 6) + mac('00:50:56:10:20:30') + b'\0\0' + struct.pack('!H', proto)
        fr.append(hdr + pl)
    return fr


def gen_sll2():
    fr = []
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    for ptype, proto, pl in ((0, 0x0800, ip_udp), (4, 0x86dd, ipv6(b'', 59, S6, D6)), (1, 0x0806,
                             struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac('00:50:56:10:20:30') +
                             ip4(S4) + b'\0' * 6 + ip4(D4))):
        hdr = struct.pack('!HHIHBB', proto, 0, 2, 1, ptype, 6) + mac('00:50:56:10:20:30') + b'\0\0'
        fr.append(hdr + pl)
    return fr


def gen_null():
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    ip6_udp = ipv6(udp(b'x', 1, 2, S6, D6), 17, S6, D6)
    return [struct.pack('<I', 2) + ip_udp, struct.pack('<I', 24) + ip6_udp, struct.pack('<I', 28) + ip6_udp,
            struct.pack('<I', 30) + ip6_udp, struct.pack('<I', 99) + b'abcd']  # (AF 7 OSI / 23 IPX left out)


def gen_loop():
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    return [struct.pack('!I', 2) + ip_udp, struct.pack('!I', 24) + ipv6(b'', 59, S6, D6), struct.pack('!I', 99) + b'q']


def gen_raw():
    return [ipv4(udp(b'hello', 1234, 9999), 17), ipv6(udp(b'x', 1, 2, S6, D6), 17, S6, D6),
            b'\x50' + b'\0' * 19, ipv4(tcp(b'', 1, 2, flags=2), 6)]


def gen_ppp():
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    fr = []
    fr.append(b'\xff\x03\x00\x21' + ip_udp)
    fr.append(b'\xff\x03\x00\x57' + ipv6(b'', 59, S6, D6))
    opts = b'\x01\x04\x05\xdc' + b'\x02\x06\x00\x00\x00\x00' + b'\x03\x04\xc2\x23' + b'\x05\x06\x01\x02\x03\x04' + \
        b'\x07\x02' + b'\x08\x02' + b'\x0d\x03\x06' + b'\x11\x04\x05\xdc'
    for code in (1, 2, 3, 4):
        fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBH', code, 7, 4 + len(opts)) + opts)
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBH', 5, 8, 4) )
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBHI', 9, 9, 8, 0x11223344))
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBHI', 10, 10, 8, 0x11223344))
    ipcp = b'\x03\x06' + ip4('10.0.0.1') + b'\x81\x06' + ip4('10.0.0.53') + b'\x02\x06\x00\x2d\x0f\x01'
    fr.append(b'\xff\x03\x80\x21' + struct.pack('!BBH', 1, 1, 4 + len(ipcp)) + ipcp)
    ip6cp = b'\x01\x0a' + bytes(range(1, 9))
    fr.append(b'\xff\x03\x80\x57' + struct.pack('!BBH', 1, 1, 4 + len(ip6cp)) + ip6cp)
    fr.append(b'\xff\x03\xc0\x23' + struct.pack('!BBHB', 1, 1, 4 + 1 + 4 + 1 + 4, 4) + b'user' + b'\x04' + b'pass')
    fr.append(b'\xff\x03\xc0\x23' + struct.pack('!BBHB', 2, 1, 4 + 1 + 2, 2) + b'ok')
    fr.append(b'\xff\x03\xc2\x23' + struct.pack('!BBHB', 1, 1, 4 + 1 + 4 + 4, 4) + b'\x01\x02\x03\x04' + b'host')
    fr.append(b'\xff\x03\xc2\x23' + struct.pack('!BBH', 3, 1, 4))
    fr.append(b'\xff\x03\x80\xfd' + struct.pack('!BBH', 1, 1, 4 + 3) + b'\x12\x03\x01')
    fr.append(b'\xff\x03\x12\x34' + b'unknown')
    # more LCP codes: protocol/code reject, discard, identification, time remaining
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBHH', 8, 11, 10, 0x802b) + b'\x01\x01\x00\x04')
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBH', 7, 12, 8) + b'\x0e\x01\x00\x04')
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBHI', 11, 13, 8, 0x01020304))
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBHI', 12, 14, 13, 0x01020304) + b'hello')
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBHII', 13, 15, 12, 0x01020304, 3600))
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBH', 99, 16, 4))
    # more LCP options: quality protocol, FCS alternatives, SDP, numbered mode, multilink, link discriminator
    o2 = b'\x04\x08\xc0\x25\x00\x00\x00\x0a' + b'\x09\x03\x02' + b'\x0a\x03\x01' + b'\x0b\x04\x03\x04' + \
        b'\x0c\x03\x05' + b'\x13\x09\x01' + bytes(range(6)) + b'\x17\x04\x00\x07' + b'\x12\x02' + b'\x99\x03\x01'
    fr.append(b'\xff\x03\xc0\x21' + struct.pack('!BBH', 1, 17, 4 + len(o2)) + o2)
    # CHAP challenge/response/success/failure, PAP nak, BACP, BAP, ML-PPP, compressed protocol field
    fr.append(b'\xff\x03\xc2\x23' + struct.pack('!BBHB', 2, 1, 4 + 1 + 4 + 4, 4) + b'\xaa\xbb\xcc\xdd' + b'user')
    fr.append(b'\xff\x03\xc2\x23' + struct.pack('!BBH', 4, 1, 4 + 6) + b'denied')
    fr.append(b'\xff\x03\xc0\x23' + struct.pack('!BBHB', 3, 1, 4 + 1 + 3, 3) + b'bad')
    fr.append(b'\xff\x03\xc0\x2b' + struct.pack('!BBH', 1, 1, 4 + 6) + b'\x01\x06\x01\x02\x03\x04')
    fr.append(b'\xff\x03\xc0\x2d' + struct.pack('!BBHB', 1, 1, 5 + 4, 0) + b'\x01\x04\x00\x01')
    fr.append(b'\xff\x03\x00\x3d' + b'\xc0\x00\x00\x05' + b'\x00\x21' + ip_udp[:20])
    fr.append(b'\xff\x03\x21' + ip_udp)
    fr.append(b'\xff\x03\x80\x21' + struct.pack('!BBH', 2, 1, 4 + 6) + b'\x02\x06\x00\x2d\x0f\x01')
    fr.append(b'\xff\x03\x80\x21' + struct.pack('!BBH', 1, 2, 4 + 10 + 6 + 6 + 6) + b'\x01\x0a' + ip4('10.0.0.1') + ip4('10.0.0.2') +
              b'\x83\x06' + ip4('10.0.0.54') + b'\x82\x06' + ip4('10.0.0.55') + b'\x84\x06' + ip4('10.0.0.56'))
    fr.append(b'\xff\x03\x80\xfd' + struct.pack('!BBH', 1, 1, 4 + 5 + 4 + 3) + b'\x11\x05\x00\x01\x02' +
              b'\x15\x04\x01\x02' + b'\x01\x03\x00')
    fr.append(b'\x00\x21' + ip_udp)
    return fr


# ---------------------------------------------------------------- IPv4 + ICMP
def gen_ip4():
    fr = []
    u = udp(b'payload!', 1234, 9999)
    fr.append(e4(u, 17))
    fr.append(e4(u, 17, tos=0xb8, ttl=1, ident=0xbeef, flags=0))
    fr.append(e4(u, 17, tos=0x03))
    # options: NOP, EOL, RR, TS (several flavours), LSRR, SSRR, RA, security, unknown
    rr = b'\x07\x0b\x08' + ip4('10.0.0.1') + ip4('0.0.0.0') + b'\x01'
    fr.append(e4(u, 17, options=rr))
    fr.append(e4(u, 17, options=b'\x94\x04\x00\x00'))  # router alert
    fr.append(e4(u, 17, options=b'\x83\x0b\x04' + ip4('10.0.0.1') + ip4('10.0.0.2') + b'\x00'))  # LSRR
    fr.append(e4(u, 17, options=b'\x89\x0b\x0c' + ip4('10.0.0.1') + ip4('10.0.0.2') + b'\x00'))  # SSRR
    fr.append(e4(u, 17, options=b'\x44\x0c\x05\x00' + struct.pack('!II', 1000, 2000)))  # TS only
    fr.append(e4(u, 17, options=b'\x44\x14\x0d\x11' + ip4('10.0.0.1') + struct.pack('!I', 5) +
                 ip4('10.0.0.2') + struct.pack('!I', 6)))  # TS+addr
    fr.append(e4(u, 17, options=b'\x44\x0c\x05\x03' + ip4('10.0.0.1') + struct.pack('!I', 0)))  # prespec
    fr.append(e4(u, 17, options=b'\x01\x01\x01\x00'))
    fr.append(e4(u, 17, options=b'\x82\x0b' + b'\0' * 9 + b'\x00'))  # security
    fr.append(e4(u, 17, options=b'\x99\x04\xab\xcd'))  # unknown
    fr.append(e4(u, 17, options=b'\x07\x02\x00\x00'))  # bad RR len
    fr.append(e4(u, 17, options=b'\x44\x03\x05\x00'))  # bad TS len
    fr.append(e4(u, 17, options=b'\x94\x03\x00\x00'))  # bad RA len
    # fragments
    big = udp(b'A' * 64, 1111, 2222)
    fr.append(e4(big[:40], 17, ident=77, flags=0x2000))
    fr.append(e4(big[40:], 17, ident=77, flags=0x0005))
    fr.append(e4(b'B' * 16, 6, ident=78, flags=0x2000 | 10))
    fr.append(e4(b'', 17, ident=79, flags=0x8000))  # reserved bit
    # bad headers: ver 5, hl<5, total len too long/short, bad checksum
    good = ipv4(u, 17)
    fr.append(ether(bytes([0x55]) + good[1:]))
    fr.append(ether(bytes([0x44]) + good[1:]))
    fr.append(ether(good[:2] + struct.pack('!H', len(good) + 40) + good[4:]))
    fr.append(ether(good[:2] + struct.pack('!H', 10) + good[4:]))
    fr.append(ether(good[:10] + b'\x12\x34' + good[12:]))
    fr.append(ether(good + b'\0' * 10))  # trailer
    # unusual protocols over IP
    fr.append(e4(b'\x00' * 8, 250))
    fr.append(e4(b'', 59))
    fr.append(e4(ipv4(u, 17, '10.1.1.1', '10.2.2.2'), 4))  # IP in IP
    fr.append(e4(ipv6(udp(b'x', 1, 2, S6, D6), 17, S6, D6), 41))  # 6in4
    return fr


def icmp_quote(proto=17, payload=None):
    if payload is None:
        payload = udp(b'', 5000, 33434, D4, S4) if proto == 17 else tcp(b'', 40000, 80, seq=1234, flags=2, src=D4, dst=S4)
    return ipv4(payload, proto, D4, S4)


def gen_icmp():
    fr = []
    def ic(t, c, rest, **kw):
        return e4(icmp4(t, c, rest), 1, **kw)
    fr.append(ic(8, 0, struct.pack('!HH', 0x1234, 1) + b'ping data 0123456789'))
    fr.append(ic(0, 0, struct.pack('!HH', 0x1234, 1) + b'ping data 0123456789', src=D4, dst=S4))
    for code in range(0, 16):
        fr.append(ic(3, code, struct.pack('!HH', 0, 1400 if code == 4 else 0) + icmp_quote(17 if code % 2 else 6)))
    fr.append(ic(3, 4, b'\0\0\0\0' + icmp_quote()))  # frag needed, no MTU
    fr.append(ic(3, 3, b'\0\0\0\0' + icmp_quote(1, icmp4(8, 0, b'\0\1\0\1'))))
    fr.append(ic(4, 0, b'\0' * 4 + icmp_quote()))
    for code in range(4):
        fr.append(ic(5, code, ip4('10.9.9.9') + icmp_quote()))
    fr.append(ic(9, 0, struct.pack('!BBH', 2, 2, 1800) + ip4('10.0.0.1') + struct.pack('!I', 0) +
                 ip4('10.0.0.2') + struct.pack('!I', 10)))
    fr.append(ic(9, 16, struct.pack('!BBH', 0, 2, 600)))
    fr.append(ic(10, 0, b'\0' * 4))
    fr.append(ic(11, 0, b'\0' * 4 + icmp_quote()))
    fr.append(ic(11, 1, b'\0' * 4 + icmp_quote()))
    fr.append(ic(12, 0, b'\x14\0\0\0' + icmp_quote()))
    fr.append(ic(12, 1, b'\0\0\0\0' + icmp_quote()))
    fr.append(ic(13, 0, struct.pack('!HHIII', 7, 1, 1000, 0, 0)))
    fr.append(ic(14, 0, struct.pack('!HHIII', 7, 1, 1000, 2000, 3000)))
    fr.append(ic(15, 0, struct.pack('!HH', 3, 4)))
    fr.append(ic(16, 0, struct.pack('!HH', 3, 4)))
    fr.append(ic(17, 0, struct.pack('!HH', 5, 6) + b'\0' * 4))
    fr.append(ic(18, 0, struct.pack('!HH', 5, 6) + ip4('255.255.255.0')))
    fr.append(ic(30, 0, b'\0' * 16))
    fr.append(ic(40, 1, b'\0' * 4))
    fr.append(ic(99, 0, b'\0' * 4))
    # RFC 4884 extension (MPLS label stack) on time exceeded
    q = icmp_quote() + b'\0' * (128 - len(icmp_quote()))
    obj = struct.pack('!HBB', 8, 1, 1) + struct.pack('!I', (1234 << 12) | (1 << 8) | 1)
    ext = struct.pack('!BBH', 0x20, 0, 0) + obj
    ext = ext[:2] + struct.pack('!H', cksum(ext)) + ext[4:]
    fr.append(ic(11, 0, struct.pack('!BBH', 0, 32, 0) + q + ext))
    # bad checksum echo
    fr.append(e4(icmp4(8, 0, b'\0\1\0\2abcd', csum=0x1111), 1))
    return fr


# ---------------------------------------------------------------- IGMP, PIM, VRRP, routing protocols
def gen_mcast():
    fr = []
    def igmp(b, **kw):
        b = b[:2] + struct.pack('!H', 0) + b[4:]
        b = b[:2] + struct.pack('!H', cksum(b)) + b[4:]
        return e4(b, 2, dst=kw.pop('dst', '224.0.0.1'), ttl=1, options=b'\x94\x04\x00\x00', **kw)
    fr.append(igmp(struct.pack('!BBH', 0x11, 0, 0) + ip4('0.0.0.0')))  # v1 query
    fr.append(igmp(struct.pack('!BBH', 0x11, 100, 0) + ip4('0.0.0.0')))  # v2 query
    fr.append(igmp(struct.pack('!BBH', 0x11, 100, 0) + ip4('239.1.1.1')))
    fr.append(igmp(struct.pack('!BBH', 0x12, 0, 0) + ip4('239.1.1.1'), dst='239.1.1.1'))
    fr.append(igmp(struct.pack('!BBH', 0x16, 0, 0) + ip4('239.1.1.1'), dst='239.1.1.1'))
    fr.append(igmp(struct.pack('!BBH', 0x17, 0, 0) + ip4('239.1.1.1'), dst='224.0.0.2'))
    fr.append(igmp(struct.pack('!BBH', 0x11, 100, 0) + ip4('239.1.1.1') + struct.pack('!BBH', 0x0a, 125, 2) +
                   ip4('10.0.0.1') + ip4('10.0.0.2')))  # v3 query
    fr.append(igmp(struct.pack('!BBH', 0x11, 0x90, 0) + ip4('0.0.0.0') + struct.pack('!BBH', 0x02, 0x90, 0)))
    recs = b''
    for rt, srcs in ((1, ['10.0.0.1']), (2, []), (3, ['10.0.0.3', '10.0.0.4']), (4, []), (5, ['10.0.0.5']),
                     (6, ['10.0.0.6'])):
        recs += struct.pack('!BBH', rt, 0, len(srcs)) + ip4('239.2.2.%d' % rt) + b''.join(ip4(s) for s in srcs)
    fr.append(igmp(struct.pack('!BBHHH', 0x22, 0, 0, 0, 6) + recs, dst='224.0.0.22'))
    fr.append(igmp(struct.pack('!BBH', 0x13, 0, 0) + ip4('0.0.0.0') + b'\0' * 4))  # DVMRP
    fr.append(igmp(struct.pack('!BBH', 0x14, 0, 0) + b'\0' * 8))  # PIMv1
    fr.append(igmp(struct.pack('!BBH', 0x1e, 0, 0) + ip4('239.1.1.1') + b'\0' * 4))  # mtrace resp
    fr.append(igmp(struct.pack('!BBH', 0x55, 0, 0) + b'\0' * 4))
    # mtrace query / response
    mq = struct.pack('!BBH', 0x1f, 8, 0) + ip4('239.1.1.1') + ip4('10.0.0.1') + ip4('10.0.0.2') + \
        ip4('10.0.0.9') + struct.pack('!BBH', 32, 0x12, 0x3456)
    fr.append(igmp(mq, dst='10.0.0.2'))
    mr = struct.pack('!BBH', 0x1e, 8, 0) + ip4('239.1.1.1') + ip4('10.0.0.1') + ip4('10.0.0.2') + \
        ip4('10.0.0.9') + struct.pack('!BBH', 32, 0x12, 0x3456) + b'\0' * 32
    fr.append(igmp(mr, dst='10.0.0.9'))
    # PIMv2
    def pim(t, body, dst='224.0.0.13'):
        h = struct.pack('!BBH', 0x20 | t, 0, 0) + body
        h = h[:2] + struct.pack('!H', cksum(h)) + h[4:]
        return e4(h, 103, dst=dst, ttl=1)
    hello = struct.pack('!HHH', 1, 2, 105) + struct.pack('!HHI', 19, 4, 1) + struct.pack('!HHI', 20, 4, 0x12345678) + \
        struct.pack('!HHHH', 2, 4, 0x8000 | 500, 2500) + struct.pack('!HH', 24, 6) + b'\x01\x00' + ip4('10.0.0.7') + \
        struct.pack('!HHI', 99, 4, 7)
    fr.append(pim(0, hello))
    ugrp = lambda a: struct.pack('!BBBBB', 1, 0, 0, 32, 0)[:4] + b'' if False else b'\x01\x00\x00\x20' + ip4(a)
    usrc = lambda a, f=0x07: b'\x01\x00' + bytes([f, 32]) + ip4(a)
    uuni = lambda a: b'\x01\x00' + ip4(a)
    jp = uuni('10.0.0.254') + struct.pack('!BBH', 0, 1, 210) + ugrp('239.1.1.1') + struct.pack('!HH', 1, 1) + \
        usrc('10.0.0.1') + usrc('10.0.0.2', 0x04)
    fr.append(pim(3, jp))
    reg = struct.pack('!I', 0x40000000) + ipv4(udp(b'mc', 1, 2), 17, '10.0.0.1', '239.1.1.1')
    fr.append(pim(1, reg, dst='10.0.0.99'))
    fr.append(pim(2, ugrp('239.1.1.1') + uuni('10.0.0.1'), dst='10.0.0.1'))
    fr.append(pim(5, ugrp('239.1.1.1') + uuni('10.0.0.1') + struct.pack('!II', 0x80000000 | 100, 1000)))
    bsr = struct.pack('!HBB', 0x1234, 30, 100) + uuni('10.0.0.5') + ugrp('239.0.0.0') + struct.pack('!BBH', 1, 1, 0) + \
        uuni('10.0.0.6') + struct.pack('!HBB', 150, 1, 0)
    fr.append(pim(4, bsr))
    fr.append(pim(8, struct.pack('!BBH', 1, 10, 150) + ugrp('239.0.0.0') + uuni('10.0.0.6')))
    fr.append(pim(9, ugrp('239.1.1.1') + uuni('10.0.0.1') + uuni('10.0.0.2') + struct.pack('!HH', 1, 60)))
    fr.append(pim(6, uuni('10.0.0.254') + struct.pack('!BBH', 0, 1, 210) + ugrp('239.1.1.1') + struct.pack('!HH', 1, 0) +
                  usrc('10.0.0.1'), dst='10.0.0.254'))
    fr.append(pim(7, uuni('10.0.0.254') + struct.pack('!BBH', 0, 1, 210) + ugrp('239.1.1.1') + struct.pack('!HH', 0, 1) +
                  usrc('10.0.0.1'), dst='10.0.0.253'))
    fr.append(pim(0, struct.pack('!HH', 1, 2) + struct.pack('!H', 105)))  # odd hello
    fr.append(pim(15, b'\0' * 4))
    # VRRP v2, v3
    def vrrp(b):
        b = b[:6] + b'\0\0' + b[8:]
        return e4(b[:6] + struct.pack('!H', cksum(b)) + b[8:], 112, dst='224.0.0.18', ttl=255)
    fr.append(vrrp(struct.pack('!BBBBBBH', 0x21, 7, 100, 2, 1, 1, 0) + ip4('10.0.0.1') + ip4('10.0.0.2') + b'secret\0\0'))
    fr.append(vrrp(struct.pack('!BBBBBBH', 0x21, 8, 200, 1, 0, 3, 0) + ip4('10.0.0.1')))
    v3 = struct.pack('!BBBBHH', 0x31, 9, 100, 1, 100, 0) + ip4('10.0.0.1')
    ph = ip4(S4) + ip4('224.0.0.18') + struct.pack('!BBH', 0, 112, len(v3))
    v3 = v3[:6] + struct.pack('!H', cksum(ph + v3)) + v3[8:]
    fr.append(e4(v3, 112, dst='224.0.0.18', ttl=255))
    fr.append(e4(struct.pack('!BBBBBBH', 0x22, 7, 100, 1, 0, 1, 0) + ip4('10.0.0.1') + b'\0' * 8, 112, ttl=255))
    return fr


def gen_routing():
    fr = []
    # OSPFv2
    def ospf(t, body, rid='10.0.0.1', area='0.0.0.0', au=0, auth=b'\0' * 8, dst='224.0.0.5'):
        h = struct.pack('!BBH', 2, t, 24 + len(body)) + ip4(rid) + ip4(area) + struct.pack('!HH', 0, au) + auth + body
        if au != 2:
            c = cksum(h[:16] + h[24:])
            h = h[:12] + struct.pack('!H', c) + h[14:]
        return e4(h, 89, dst=dst, ttl=1, tos=0xc0)
    hello = ip4('255.255.255.0') + struct.pack('!HBBII', 10, 0x02, 1, 40, 0) + ip4('10.0.0.1') + ip4('0.0.0.0') + \
        ip4('10.0.0.2') + ip4('10.0.0.3')
    fr.append(ospf(1, hello))
    fr.append(ospf(1, hello, au=1, auth=b'password'))
    fr.append(ospf(1, hello, au=2, auth=struct.pack('!HBBI', 0, 1, 16, 0x1234)) + b'\0' * 16)
    lsah = lambda t, lsid, adv, seq=0x80000001, ln=20: struct.pack('!HBB', 1, 0x22, t) + ip4(lsid) + ip4(adv) + \
        struct.pack('!IHH', seq, 0x1234, ln)
    fr.append(ospf(2, struct.pack('!HBBI', 1500, 0x02, 0x07, 0x1234) ))
    fr.append(ospf(2, struct.pack('!HBBI', 1500, 0x42, 0x00, 0x1235) + lsah(1, '10.0.0.1', '10.0.0.1') +
                   lsah(2, '10.0.0.5', '10.0.0.1') + lsah(5, '0.0.0.0', '10.0.0.9')))
    fr.append(ospf(3, struct.pack('!I', 1) + ip4('10.0.0.1') + ip4('10.0.0.1') + struct.pack('!I', 3) +
                   ip4('10.0.0.0') + ip4('10.0.0.9')))
    router = struct.pack('!BBH', 0x01, 0, 3) + ip4('10.0.0.2') + ip4('10.0.0.1') + struct.pack('!BBH', 2, 0, 10) + \
        ip4('10.1.0.0') + ip4('255.255.0.0') + struct.pack('!BBH', 3, 0, 1) + ip4('10.0.0.9') + ip4('10.0.1.1') + \
        struct.pack('!BBH', 1, 1, 5) + struct.pack('!BBH', 7, 0, 20)
    net = ip4('255.255.255.0') + ip4('10.0.0.1') + ip4('10.0.0.2')
    summ = ip4('255.255.0.0') + struct.pack('!I', 100)
    ext = ip4('255.0.0.0') + struct.pack('!I', 0x80000000 | 20) + ip4('0.0.0.0') + struct.pack('!I', 0)
    lsas = b''
    for t, lsid, body in ((1, '10.0.0.1', router), (2, '10.0.0.1', net), (3, '10.2.0.0', summ),
                          (4, '10.0.0.9', summ), (5, '10.0.0.0', ext), (7, '10.3.0.0', ext)):
        lsas += lsah(t, lsid, '10.0.0.1', ln=20 + len(body)) + body
    fr.append(ospf(4, struct.pack('!I', 6) + lsas))
    fr.append(ospf(5, lsah(1, '10.0.0.1', '10.0.0.1') + lsah(3, '10.2.0.0', '10.0.0.1')))
    fr.append(ospf(1, hello, area='0.0.0.1'))
    fr.append(ospf(9, b'\0' * 4))
    # OSPFv3 hello
    o3 = struct.pack('!IIBBBBHH', 5, 0x01000013, 1, 0, 0, 0x13, 10, 40)[:4 + 4 + 4] + \
        struct.pack('!HH', 10, 40) + ip4('0.0.0.0') + ip4('0.0.0.0') + ip4('10.0.0.2')
    o3 = struct.pack('!I', 5) + struct.pack('!I', 0x01000013) + struct.pack('!HH', 10, 40) + ip4('10.0.0.1') + \
        ip4('0.0.0.0') + ip4('10.0.0.2')
    h3 = struct.pack('!BBH', 3, 1, 16 + len(o3)) + ip4('10.0.0.1') + ip4('0.0.0.0') + struct.pack('!HBB', 0, 0, 0) + o3
    ph = ip6('fe80::1') + ip6('ff02::5') + struct.pack('!IxxxB', len(h3), 89)
    h3 = h3[:12] + struct.pack('!H', cksum(ph + h3)) + h3[14:]
    fr.append(e6(h3, 89, src='fe80::1', dst='ff02::5', hlim=1))
    def o3(t, body):
        h = struct.pack('!BBH', 3, t, 16 + len(body)) + ip4('10.0.0.1') + ip4('0.0.0.0') + struct.pack('!HBB', 0, 0, 0) + body
        ph = ip6('fe80::1') + ip6('ff02::5') + struct.pack('!IxxxB', len(h), 89)
        return e6(h[:12] + struct.pack('!H', cksum(ph + h)) + h[14:], 89, src='fe80::1', dst='ff02::5', hlim=1)
    l3h = lambda t, lsid, ln=20: struct.pack('!HH', 1, t) + ip4(lsid) + ip4('10.0.0.1') + struct.pack('!IHH', 0x80000001, 0x1234, ln)
    fr.append(o3(2, struct.pack('!I', 0x13) + struct.pack('!HBB', 1500, 0, 7) + struct.pack('!I', 99)))
    fr.append(o3(2, struct.pack('!I', 0x13) + struct.pack('!HBB', 1500, 0, 0) + struct.pack('!I', 100) +
                 l3h(0x2001, '0.0.0.0') + l3h(0x0008, '0.0.0.5') + l3h(0x2009, '0.0.0.0')))
    fr.append(o3(3, struct.pack('!HH', 0, 0x2001) + ip4('0.0.0.0') + ip4('10.0.0.1') +
                 struct.pack('!HH', 0, 0x4005) + ip4('0.0.0.1') + ip4('10.0.0.1')))
    v3lsas = []
    v3lsas.append((0x2001, '0.0.0.0', struct.pack('!I', 0x01000013) + struct.pack('!BBHIII', 1, 0, 10, 5, 6, 0x0a000002) +
                   struct.pack('!BBHIII', 2, 0, 1, 5, 7, 0x0a000003)))
    v3lsas.append((0x2002, '0.0.0.5', struct.pack('!I', 0x13) + ip4('10.0.0.1') + ip4('10.0.0.2')))
    v3lsas.append((0x2003, '0.0.0.1', struct.pack('!I', 20) + struct.pack('!BBH', 64, 0, 0) + ip6('2001:db8:1::')[:8]))
    v3lsas.append((0x2004, '0.0.0.2', struct.pack('!II', 0x13, 30) + ip4('10.0.0.9')))
    v3lsas.append((0x4005, '0.0.0.3', struct.pack('!I', 0x05000000 | 40) + struct.pack('!BBH', 48, 0, 0) +
                   ip6('2001:db8:2::')[:8] + ip6('2001:db8::fe') + struct.pack('!I', 77)))
    v3lsas.append((0x0008, '0.0.0.5', struct.pack('!I', 0x01000013) + ip6('fe80::1') + struct.pack('!I', 1) +
                   struct.pack('!BBH', 64, 0, 0) + ip6('2001:db8:3::')[:8]))
    v3lsas.append((0x2009, '0.0.0.0', struct.pack('!HH', 2, 0x2001) + ip4('0.0.0.0') + ip4('10.0.0.1') +
                   struct.pack('!BBH', 64, 0x02, 10) + ip6('2001:db8:4::')[:8] + struct.pack('!BBH', 128, 0, 0) + ip6('2001:db8::1')))
    v3lsas.append((0x1234, '0.0.0.9', b'\1\2\3\4'))
    fr.append(o3(4, struct.pack('!I', len(v3lsas)) + b''.join(l3h(t, i, 20 + len(b)) + b for t, i, b in v3lsas)))
    fr.append(o3(5, l3h(0x2001, '0.0.0.0') + l3h(0x2002, '0.0.0.5')))
    fr.append(o3(9, b'\0' * 4))
    # EIGRP
    def eigrp(op, tlvs, flags=0, seq=0, ack=0):
        h = struct.pack('!BBHIIIHH', 2, op, 0, flags, seq, ack, 0, 100) + tlvs
        h = h[:2] + struct.pack('!H', cksum(h)) + h[4:]
        return e4(h, 88, dst='224.0.0.10', ttl=2)
    params = struct.pack('!HHBBBBBBH', 1, 12, 1, 0, 1, 0, 0, 0, 15)
    sw = struct.pack('!HHBBBB', 4, 8, 12, 4, 1, 2)
    fr.append(eigrp(5, params + sw))
    intr = struct.pack('!HH', 0x102, 28) + ip4('0.0.0.0') + struct.pack('!IIIBBBBBBBB', 0, 256000, 2560, 0, 1500 >> 8 & 0xff, 1500 & 0xff,
                                                                     0, 255, 1, 0, 0)[:20 - 0] + b'\x18\x0a\x01\x01'
    intr = struct.pack('!HH', 0x102, 0) + ip4('0.0.0.0') + struct.pack('!II', 256000, 2560) + \
        b'\x00\x05\xdc' + b'\x00' + b'\xff' + b'\x01' + b'\x00\x00' + b'\x18\x0a\x01\x01'
    intr = intr[:2] + struct.pack('!H', len(intr)) + intr[4:]
    fr.append(eigrp(1, intr, flags=1, seq=5))
    extr = struct.pack('!HH', 0x103, 0) + ip4('0.0.0.0') + ip4('10.0.0.9') + struct.pack('!IIIBBBB', 100, 200, 7, 3, 0, 0, 0) + \
        struct.pack('!II', 256000, 2560) + b'\x00\x05\xdc' + b'\x00' + b'\xff' + b'\x01' + b'\x00\x00' + b'\x10\x0a\x05'
    extr = extr[:2] + struct.pack('!H', len(extr)) + extr[4:]
    fr.append(eigrp(3, extr, seq=6, ack=5))
    fr.append(eigrp(5, b'', ack=6))
    fr.append(eigrp(4, params))
    fr.append(eigrp(99, b''))
    # RSVP
    def obj(cls, ctype, body):
        return struct.pack('!HBB', 4 + len(body), cls, ctype) + body
    sess = obj(1, 1, ip4('10.0.0.9') + struct.pack('!BBH', 17, 0, 5000))
    hop = obj(3, 1, ip4('10.0.0.1') + struct.pack('!I', 3))
    tv = obj(5, 1, struct.pack('!I', 30000))
    style = obj(8, 1, struct.pack('!I', 0x0a))
    flow = obj(9, 2, struct.pack('!HHBBHIIIII', 0, 7, 5, 0, 6, 127 << 24 | 0, 0x461c4000, 0x461c4000, 0x7f800000, 0)[:32])
    fspec = obj(10, 1, ip4('10.0.0.1') + struct.pack('!HH', 0, 4000))
    stempl = obj(11, 1, ip4('10.0.0.1') + struct.pack('!HH', 0, 4000))
    err = obj(6, 1, ip4('10.0.0.3') + struct.pack('!BBH', 0, 2, 4))
    lbl = obj(16, 1, struct.pack('!I', 1000))
    lreq = obj(19, 1, struct.pack('!HH', 0, 0x0800))
    ero = obj(20, 1, struct.pack('!BB', 0x01, 8) + ip4('10.0.0.2') + b'\x20\x00')
    unk = obj(200, 1, b'\1\2\3\4')
    def rsvp(mt, objs):
        h = struct.pack('!BBHBBH', 0x10, mt, 0, 63, 0, 8 + len(objs)) + objs
        h = h[:2] + struct.pack('!H', cksum(h)) + h[4:]
        return e4(h, 46, dst='10.0.0.9')
    fr.append(rsvp(1, sess + hop + tv + stempl + lreq + ero + unk))
    fr.append(rsvp(2, sess + hop + tv + style + flow + fspec + lbl))
    fr.append(rsvp(3, sess + err + stempl))
    fr.append(rsvp(4, sess + hop + err + style + fspec))
    fr.append(rsvp(5, sess + hop + stempl))
    fr.append(rsvp(6, sess + hop + style + fspec))
    fr.append(rsvp(99, sess))
    return fr


# ---------------------------------------------------------------- IPv6 + ICMPv6
def gen_ip6():
    fr = []
    u = udp(b'payload!', 1234, 9999, S6, D6)
    fr.append(e6(u, 17))
    fr.append(e6(u, 17, tclass=0xb8, flow=0x12345, hlim=1))
    # hop-by-hop with router alert, pad, jumbo, unknown
    hbh = struct.pack('!BB', 17, 0) + b'\x05\x02\x00\x00' + b'\x01\x00'
    fr.append(e6(hbh + u, 0))
    hbh2 = struct.pack('!BB', 17, 1) + b'\x01\x02\x00\x00' + b'\xc2\x04\x00\x01\x00\x00' + b'\x3e\x02\xaa\xbb' + b'\x00' * 2
    fr.append(e6(hbh2 + u, 0))
    # jumbo: payload len 0 with jumbo option
    jp = struct.pack('!BB', 17, 0) + b'\xc2\x04' + struct.pack('!I', 8 + len(u))
    fr.append(ether(struct.pack('!IHBB', 0x60000000, 0, 0, 64) + ip6(S6) + ip6(D6) + jp + u, 0x86dd))
    # a real jumbogram (UDP length 0), captured in part
    big = b'J' * 70000
    ju = struct.pack('!HHHH', 1234, 9999, 0, 0) + big
    jh = struct.pack('!BB', 17, 0) + b'\xc2\x04' + struct.pack('!I', len(ju) + 8)
    fr.append(ether(struct.pack('!IHBB', 0x60000000, 0, 0, 64) + ip6(S6) + ip6(D6) + jh + ju, 0x86dd))
    # destination options with tunnel limit/home address
    dst = struct.pack('!BB', 17, 3) + b'\x04\x01\x04' + b'\xc9\x10' + ip6('2001:db8::99') + b'\x01\x01\x00'
    fr.append(e6(pad8(dst) + u, 60))
    # routing type 0, type 2, SRH (type 4), unknown
    rt0 = struct.pack('!BBBBI', 17, 4, 0, 2, 0) + ip6('2001:db8::a') + ip6('2001:db8::b')
    fr.append(e6(rt0 + u, 43))
    rt2 = struct.pack('!BBBBI', 17, 2, 2, 1, 0) + ip6('2001:db8::c')
    fr.append(e6(rt2 + u, 43))
    srh = struct.pack('!BBBBBBH', 17, 6, 4, 1, 2, 0, 0) + ip6('2001:db8::d') + ip6('2001:db8::e') + ip6('2001:db8::f')
    fr.append(e6(srh + u, 43))
    rt9 = struct.pack('!BBBBI', 17, 0, 9, 0, 0)
    fr.append(e6(rt9 + u, 43))
    # fragments
    fh = lambda nh, off, m, ident: struct.pack('!BBHI', nh, 0, (off << 3) | m, ident)
    fr.append(e6(fh(17, 0, 1, 0x1234) + u[:8], 44))
    fr.append(e6(fh(17, 1, 0, 0x1234) + u[8:], 44))
    fr.append(e6(fh(17, 0, 0, 0x55) + u, 44))  # atomic
    fr.append(e6(fh(6, 100, 1, 0x56) + b'x' * 8, 44))
    # mobility header: BU, BA, BRR, HoTI, CoT, BE
    def mh(t, body, nh=59):
        b = struct.pack('!BBBBH', nh, 0, t, 0, 0) + body
        b = pad8(b)
        b = b[:1] + bytes([len(b) // 8 - 1]) + b[2:]
        ph = ip6(S6) + ip6(D6) + struct.pack('!IxxxB', len(b), 135)
        return e6(b[:4] + struct.pack('!H', cksum(ph + b)) + b[6:], 135)
    fr.append(mh(5, struct.pack('!HHH', 10, 0xf000, 100) + b'\x01\x00' + b'\x03\x10' + ip6('2001:db8::77')))
    fr.append(mh(6, struct.pack('!BBHH', 0, 0x80, 10, 100) + b'\x05\x04\x01\x02\x03\x04'))
    fr.append(mh(0, b'\0\0'))
    fr.append(mh(1, b'\0\0' + b'\x01\x02\x03\x04\x05\x06\x07\x08'))
    fr.append(mh(4, struct.pack('!H', 7) + b'\1' * 8 + b'\2' * 8))
    fr.append(mh(7, struct.pack('!BB', 1, 0) + ip6('2001:db8::78')))
    fr.append(mh(30, b'\0' * 6))
    # no next header, unknown nh, ext header chain, 4in6, 6in6, bad version, short plen
    fr.append(e6(b'', 59))
    fr.append(e6(b'\0' * 8, 253))
    fr.append(e6(struct.pack('!BB', 60, 0) + b'\1\4\0\0\0\0' + struct.pack('!BB', 44, 0) + b'\1\4\0\0\0\0' +
                 fh(17, 0, 0, 9) + u, 0))
    fr.append(e6(ipv4(udp(b'q', 7, 8), 17), 4))
    fr.append(e6(ipv6(u, 17, S6, D6), 41))
    raw = ipv6(u, 17, S6, D6)
    fr.append(ether(b'\x70' + raw[1:], 0x86dd))
    fr.append(ether(raw[:4] + struct.pack('!H', 400) + raw[6:], 0x86dd))
    fr.append(ether(raw[:4] + struct.pack('!H', 4) + raw[6:], 0x86dd))
    fr.append(ether(raw + b'trailer', 0x86dd))
    return fr


def gen_icmp6():
    fr = []
    LL = 'fe80::1'
    def ic(t, c, body, src=S6, dst=D6, hlim=64):
        return e6(icmp6(t, c, body, src, dst), 58, src=src, dst=dst, hlim=hlim)
    quote = ipv6(udp(b'', 5000, 33434, D6, S6), 17, D6, S6)
    fr.append(ic(128, 0, struct.pack('!HH', 0x42, 1) + b'echo data'))
    fr.append(ic(129, 0, struct.pack('!HH', 0x42, 1) + b'echo data', src=D6, dst=S6))
    for code in range(0, 8):
        fr.append(ic(1, code, b'\0' * 4 + quote))
    fr.append(ic(2, 0, struct.pack('!I', 1280) + quote))
    fr.append(ic(3, 0, b'\0' * 4 + quote))
    fr.append(ic(3, 1, b'\0' * 4 + quote))
    for code in range(3):
        fr.append(ic(4, code, struct.pack('!I', 40) + quote))
    # ND: RS, RA, NS, NA, Redirect with options
    sll = b'\x01\x01' + mac('00:50:56:10:20:30')
    tll = b'\x02\x01' + mac('00:0c:29:aa:bb:cc')
    pfx = b'\x03\x04\x40\xc0' + struct.pack('!III', 86400, 14400, 0) + ip6('2001:db8:1::')
    mtu = b'\x05\x01\x00\x00' + struct.pack('!I', 1500)
    rdnss = b'\x19\x03\x00\x00' + struct.pack('!I', 600) + ip6('2001:db8::53')
    dnssl = b'\x1f\x02\x00\x00' + struct.pack('!I', 600) + b'\x07example\x03com\x00' + b'\0' * 3
    rio = b'\x18\x02\x30\x08' + struct.pack('!I', 1800) + ip6('2001:db8:2::')[:8]
    unk = b'\xfe\x01\x01\x02\x03\x04\x05\x06'
    fr.append(ic(133, 0, b'\0' * 4 + sll, src=LL, dst='ff02::2', hlim=255))
    fr.append(ic(134, 0, struct.pack('!BBHII', 64, 0xc8, 1800, 30000, 1000) + sll + mtu + pfx + rdnss + dnssl + rio + unk,
                 src=LL, dst='ff02::1', hlim=255))
    fr.append(ic(135, 0, b'\0' * 4 + ip6(D6) + sll, src=S6, dst='ff02::1:ff00:2', hlim=255))
    fr.append(ic(136, 0, struct.pack('!I', 0xe0000000) + ip6(D6) + tll, src=D6, dst=S6, hlim=255))
    rh = b'\x04\x06' + b'\0' * 6 + quote
    fr.append(ic(137, 0, b'\0' * 4 + ip6('2001:db8::fe') + ip6(D6) + tll + rh, src=LL, dst=S6, hlim=255))
    fr.append(ic(135, 0, b'\0' * 4 + ip6(D6) + b'\x01\x00', src=S6, dst='ff02::1:ff00:2', hlim=255))  # zero-len opt
    # MLDv1 query/report/done, MLDv2 query/report
    fr.append(ic(130, 0, struct.pack('!HH', 10000, 0) + ip6('::'), src=LL, dst='ff02::1', hlim=1))
    fr.append(ic(131, 0, struct.pack('!HH', 0, 0) + ip6('ff05::1:3'), src=LL, dst='ff05::1:3', hlim=1))
    fr.append(ic(132, 0, struct.pack('!HH', 0, 0) + ip6('ff05::1:3'), src=LL, dst='ff02::2', hlim=1))
    fr.append(ic(130, 0, struct.pack('!HH', 10000, 0) + ip6('ff05::1:3') + struct.pack('!BBH', 0x0a, 125, 2) +
                 ip6('2001:db8::1') + ip6('2001:db8::2'), src=LL, dst='ff05::1:3', hlim=1))
    recs = b''
    for rt, n in ((1, 1), (2, 0), (3, 2), (4, 0), (5, 1), (6, 1)):
        recs += struct.pack('!BBH', rt, 0, n) + ip6('ff05::%x' % rt) + b''.join(ip6('2001:db8::%x' % (i + 10)) for i in range(n))
    fr.append(ic(143, 0, struct.pack('!HH', 0, 6) + recs, src=LL, dst='ff02::16', hlim=1))
    # router renumbering
    match = struct.pack('!BBBBBBH', 1, 5, 64, 48, 64, 0, 0) + ip6('2001:db8::')
    use = struct.pack('!BBBBIII', 24, 64, 0x20, 0xc0, 86400, 14400, 0xc0000000) + ip6('2001:db8:5::')
    fr.append(ic(138, 0, struct.pack('!IBBH', 7, 0, 0x1f, 0) + b'\0' * 4 + match + use, src=LL, dst='ff02::2'))
    fr.append(ic(138, 1, struct.pack('!IBBH', 8, 0, 0, 0) + b'\0' * 4 + struct.pack('!BBBB', 0, 0, 0, 64) + b'\0' * 4 + ip6(S6),
                 src=S6, dst=LL))
    fr.append(ic(138, 255, struct.pack('!IBBH', 9, 0, 0, 0) + b'\0' * 4))
    # node information query/reply
    nonce = b'\x01\x02\x03\x04\x05\x06\x07\x08'
    fr.append(ic(139, 0, struct.pack('!HH', 2, 0) + nonce + ip6(D6)))
    fr.append(ic(139, 1, struct.pack('!HH', 3, 0) + nonce + b'\x04host\x07example\x00'))
    fr.append(ic(139, 0, struct.pack('!HH', 0, 0) + nonce + ip6(D6)))
    fr.append(ic(140, 0, struct.pack('!HH', 2, 0) + nonce + struct.pack('!I', 60) + b'\x04host\x07example\x00', src=D6, dst=S6))
    fr.append(ic(140, 0, struct.pack('!HH', 3, 0) + nonce + struct.pack('!I', 60) + ip6('2001:db8::9'), src=D6, dst=S6))
    fr.append(ic(140, 1, struct.pack('!HH', 2, 0) + nonce, src=D6, dst=S6))
    # inverse ND, home agent discovery, mobile prefix, MRD, others
    fr.append(ic(141, 0, b'\0' * 4 + sll + tll))
    fr.append(ic(142, 0, b'\0' * 4 + sll))
    fr.append(ic(144, 0, struct.pack('!HH', 5, 0)))
    fr.append(ic(145, 0, struct.pack('!HH', 5, 0) + ip6('2001:db8::aa')))
    fr.append(ic(146, 0, struct.pack('!HH', 6, 0)))
    fr.append(ic(147, 0, struct.pack('!HH', 6, 0x8000) + pfx))
    fr.append(ic(151, 0, struct.pack('!BBH', 20, 0, 0) + struct.pack('!HH', 30, 10), src=LL, dst='ff02::6a'))
    fr.append(ic(152, 0, b'', src=LL, dst='ff02::6a'))
    fr.append(ic(153, 0, b'', src=LL, dst='ff02::6a'))
    fr.append(ic(200, 0, b'\1\2\3\4'))
    fr.append(ic(100, 0, b'\1\2\3\4'))
    # bad checksum
    b = icmp6(128, 0, b'\0\1\0\1')
    fr.append(e6(b[:2] + b'\xde\xad' + b[4:], 58))
    return fr


# ---------------------------------------------------------------- TCP
def gen_tcp():
    fr = []
    def t(opts=b'', flags=0x18, payload=b'', six=False, **kw):
        if six:
            return e6(tcp(payload, 40000, 443, options=opts, flags=flags, src=S6, dst=D6, **kw), 6)
        return e4(tcp(payload, 40000, 443, options=opts, flags=flags, **kw), 6)
    fr.append(t(b'\x02\x04\x05\xb4\x04\x02\x08\x0a' + struct.pack('!II', 1000, 0) + b'\x01\x03\x03\x07',
                flags=0x02, seq=1000000, win=64240))
    fr.append(t(b'\x02\x04\x05\xb4\x01\x01\x04\x02\x01\x03\x03\x07', flags=0x12, seq=2000000, ack=1000001))
    fr.append(t(b'\x01\x01\x08\x0a' + struct.pack('!II', 1001, 5000), flags=0x10, seq=1000001, ack=2000001))
    fr.append(t(b'', payload=b'GET / HTTP/1.0\r\n\r\n'[:10], seq=1000001, ack=2000001))
    # SACK with 1..3 blocks
    for n in (1, 2, 3):
        blocks = b''.join(struct.pack('!II', 2000100 + 100 * i, 2000150 + 100 * i) for i in range(n))
        fr.append(t(b'\x01\x01' + bytes([5, 2 + 8 * n]) + blocks, flags=0x10, seq=1000011, ack=2000001))
    fr.append(t(b'\x04\x02\x00\x00', flags=0x02))  # sackOK
    # md5 signature (invalid, cannot verify), echo, echoreply, cc, ccnew, ccecho
    fr.append(t(b'\x13\x12' + bytes(range(16)), flags=0x02))
    fr.append(t(b'\x06\x06\x00\x00\x00\x01\x07\x06\x00\x00\x00\x02', flags=0x10))
    fr.append(t(b'\x0b\x06\x00\x00\x00\x01\x0c\x06\x00\x00\x00\x02\x0d\x06\x00\x00\x00\x03\x00\x00', flags=0x10))
    # TFO: cookie request, cookie, experimental TFO (254 / 0xf989)
    fr.append(t(b'\x22\x02\x01\x01', flags=0x02))
    fr.append(t(b'\x22\x0a' + bytes(range(8)), flags=0x02, payload=b'data'))
    fr.append(t(b'\xfe\x04\xf9\x89', flags=0x02))
    fr.append(t(b'\xfe\x0c\xf9\x89' + bytes(range(8)), flags=0x12))
    fr.append(t(b'\xfe\x06\x12\x34\x00\x00', flags=0x02))
    # user timeout, auth (TCP-AO 29), unknown, bad lengths, EOL padding
    fr.append(t(b'\x1c\x04\x81\x2c', flags=0x10))
    fr.append(t(b'\x1d\x08\x01\x02\x11\x22\x33\x44', flags=0x10))
    fr.append(t(b'\x63\x04\xaa\xbb', flags=0x10))
    fr.append(t(b'\x02\x03\x05\x00', flags=0x02))  # bad mss len
    fr.append(t(b'\x08\x06\x00\x00\x00\x01', flags=0x10))  # bad ts len
    fr.append(t(b'\x03\x04\x07\x00', flags=0x02))
    fr.append(t(b'\x05\x07\x00\x00\x00\x01\x00\x00', flags=0x10))  # bad sack len
    fr.append(t(b'\x02\x00\x00\x00', flags=0x02))  # zero len
    fr.append(t(b'\x00\x01\x01\x01', flags=0x02))
    # MPTCP subtypes
    def mp(sub, body):
        return bytes([30, 3 + len(body)]) + bytes([(sub << 4) | (body[0] >> 4 if False else 0)]) + body
    fr.append(t(b'\x1e\x0c\x01\x81' + bytes(range(8)), flags=0x02))  # MP_CAPABLE syn
    fr.append(t(b'\x1e\x14\x01\x81' + bytes(range(8)) + bytes(range(8, 16)), flags=0x10))  # MP_CAPABLE ack
    fr.append(t(b'\x1e\x16\x01\x81' + bytes(range(8)) + bytes(range(8, 16)) + b'\x00\x04', flags=0x18,
                payload=b'abcd'))  # v1 with data
    fr.append(t(b'\x1e\x0c\x10\x02' + b'\x11\x22\x33\x44' + b'\x55\x66\x77\x88', flags=0x02))  # MP_JOIN syn
    fr.append(t(b'\x1e\x10\x10\x02' + bytes(range(8)) + b'\x01\x02\x03\x04', flags=0x12))  # MP_JOIN synack
    fr.append(t(b'\x1e\x18\x10\x00' + bytes(range(20)), flags=0x10))  # MP_JOIN ack
    fr.append(t(b'\x1e\x08\x20\x01' + struct.pack('!I', 0x11223344), flags=0x10))  # DSS ack
    fr.append(t(b'\x1e\x14\x20\x05' + struct.pack('!I', 1) + struct.pack('!IIHH', 100, 1, 4, 0xabcd), flags=0x18,
                payload=b'abcd'))  # DSS ack+map+csum
    fr.append(t(b'\x1e\x1c\x20\x0f' + struct.pack('!Q', 1) + struct.pack('!QIHH', 100, 1, 4, 0xabcd), flags=0x18,
                payload=b'abcd'))  # DSS 8-byte
    fr.append(t(b'\x1e\x04\x20\x10', flags=0x11))  # DATA_FIN
    fr.append(t(b'\x1e\x08\x30\x05' + ip4('10.0.0.1') + b'\x00\x00', flags=0x10))  # ADD_ADDR v0
    fr.append(t(b'\x1e\x10\x30\x05' + ip4('10.0.0.1') + bytes(range(8)), flags=0x10))  # ADD_ADDR v1 no port
    fr.append(t(b'\x1e\x12\x30\x05' + ip4('10.0.0.1') + b'\x1f\x90' + bytes(range(8)), flags=0x10))
    fr.append(t(b'\x1e\x1e\x30\x06' + ip6('2001:db8::5') + bytes(range(8)), flags=0x10))
    fr.append(t(b'\x1e\x05\x40\x05\x06', flags=0x10))  # REMOVE_ADDR
    fr.append(t(b'\x1e\x05\x51\x05\x00', flags=0x10))  # MP_PRIO
    fr.append(t(b'\x1e\x04\x50\x00', flags=0x10))
    fr.append(t(b'\x1e\x0c\x60\x00' + struct.pack('!Q', 12345), flags=0x10))  # MP_FAIL
    fr.append(t(b'\x1e\x0c\x70\x00' + struct.pack('!Q', 0x1122334455667788), flags=0x14))  # FASTCLOSE
    fr.append(t(b'\x1e\x04\x80\x00', flags=0x14))  # TCPRST
    fr.append(t(b'\x1e\x04\xf0\x00', flags=0x10))
    fr.append(t(b'\x1e\x02', flags=0x10))
    # flags: all combos of interest, urgent, ECN, zero window, RST with data
    for fl in (0x01, 0x04, 0x14, 0x11, 0x29, 0xc2, 0x52, 0x00, 0xff):
        fr.append(t(flags=fl, seq=5, ack=6, urg=7 if fl & 0x20 else 0))
    fr.append(t(flags=0x04, payload=b'reset reason', seq=9))
    fr.append(t(flags=0x10, win=0))
    # a whole connection on other ports: relative sequence numbers (and -S)
    def f(fl, seq, ack, pl=b'', back=False, opts=b''):
        if back:
            return e4(tcp(pl, 80, 41000, seq=seq, ack=ack, flags=fl, options=opts, src=D4, dst=S4), 6, src=D4, dst=S4)
        return e4(tcp(pl, 41000, 80, seq=seq, ack=ack, flags=fl, options=opts), 6)
    fr.append(f(0x02, 3000000000, 0, opts=b'\x02\x04\x05\xb4\x01\x03\x03\x02'))
    fr.append(f(0x12, 4000000000, 3000000001, back=True, opts=b'\x02\x04\x05\xb4\x01\x03\x03\x02'))
    fr.append(f(0x10, 3000000001, 4000000001))
    fr.append(f(0x18, 3000000001, 4000000001, b'x' * 20))
    fr.append(f(0x10, 4000000001, 3000000021, back=True))
    fr.append(f(0x18, 4000000001, 3000000021, b'y' * 30, back=True))
    fr.append(f(0x11, 3000000021, 4000000031))
    fr.append(f(0x11, 4000000031, 3000000022, back=True))
    fr.append(f(0x10, 3000000022, 4000000032))
    fr.append(f(0x04, 3000000022, 0))
    # IPv6 TCP
    fr.append(t(b'\x02\x04\x05\xa0', flags=0x02, six=True, seq=77))
    fr.append(t(flags=0x18, payload=b'hello6', six=True, seq=78, ack=5))
    # bad checksum, bad header length
    good = tcp(b'xyz', 40000, 443, flags=0x18, seq=10, ack=10)
    fr.append(e4(good[:16] + b'\x00\x01' + good[18:], 6))
    fr.append(e4(good[:12] + b'\x40' + good[13:], 6))
    fr.append(e4(good[:12] + b'\xf0' + good[13:], 6))
    # (a TCP header cut short by the IP length is left out: -X differs)
    # well-known ports: reserved bits, port names (-n leaves numbers)
    fr.append(e4(tcp(b'', 1, 2, flags=0x02, seq=1)[:12] + b'\x5e' + tcp(b'', 1, 2, flags=0x02, seq=1)[13:], 6))
    return fr


# ---------------------------------------------------------------- UDP, DCCP, SCTP
def gen_udp():
    fr = []
    fr.append(e4(udp(b'data', 40000, 9999), 17))
    fr.append(e4(udp(b'data', 40000, 9999, csum=0), 17))
    fr.append(e4(udp(b'data', 40000, 9999, csum=0x1234), 17))
    fr.append(e6(udp(b'data', 40000, 9999, S6, D6), 17))
    fr.append(e6(udp(b'data', 40000, 9999, S6, D6, csum=0), 17))
    fr.append(e6(udp(b'data', 40000, 9999, S6, D6, csum=0x1234), 17))
    u = udp(b'data', 40000, 9999)
    fr.append(e4(u[:4] + struct.pack('!H', 40) + u[6:], 17))  # too long
    fr.append(e4(u[:4] + struct.pack('!H', 4) + u[6:], 17))  # too short
    fr.append(e4(u[:4] + struct.pack('!H', 10) + u[6:], 17))  # shorter than IP
    fr.append(e4(u[:6], 17))
    # DCCP
    def dccp(t, body, x=1, seq=0x123456, ack=None, dport=5001, opts=b'', ccval=0, cscov=0):
        if x:
            h = struct.pack('!HHBBH', 40000, dport, 0, (ccval << 4) | cscov, 0) + \
                struct.pack('!BBH', (t << 1) | 1, 0, seq >> 32) + struct.pack('!I', seq & 0xffffffff)
            if ack is not None:
                h += struct.pack('!HHI', 0, ack >> 32, ack & 0xffffffff)
        else:
            h = struct.pack('!HHBBH', 40000, dport, 0, (ccval << 4) | cscov, 0) + \
                struct.pack('!B', t << 1) + struct.pack('!I', seq & 0xffffff)[1:]
            if ack is not None:
                h += struct.pack('!I', ack & 0xffffff)
        h += body
        h += opts
        h += b'\0' * (-len(h) % 4)
        h = h[:4] + bytes([len(h) // 4]) + h[5:]
        ph = ip4(S4) + ip4(D4) + struct.pack('!BBH', 0, 33, len(h))
        h = h[:6] + struct.pack('!H', cksum(ph + h)) + h[8:]
        return e4(h, 33)
    fr.append(dccp(0, struct.pack('!I', 42), opts=b'\x20\x04\x01\x02' + b'\x01\x00' + b'\x29\x06\x00\x00\x00\x01'))
    fr.append(dccp(1, struct.pack('!I', 42), ack=0x123456, opts=b'\x21\x03\x02' + b'\x2a\x06\x00\x00\x00\x01' +
                   b'\x2b\x06\x00\x00\x00\x05'))
    fr.append(dccp(2, b'payload', opts=b''))
    fr.append(dccp(3, b'', ack=5, opts=b'\x22\x03\x01\x23\x04\x02\x01' + b'\x26\x06\x00\x00\x00\x02' + b'\x2c\x06\x00\x00\x00\x03'))
    fr.append(dccp(4, b'both', ack=6))
    fr.append(dccp(5, struct.pack('!BBBB', 0, 0, 0, 0), ack=7))
    fr.append(dccp(6, b'', ack=8))
    fr.append(dccp(7, struct.pack('!BBBBI', 2, 0, 0, 0, 0), ack=9))
    fr.append(dccp(8, b'', ack=10))
    fr.append(dccp(9, b'', ack=11))
    fr.append(dccp(2, b'short', x=0, seq=0x010203))
    fr.append(dccp(3, b'', x=0, seq=0x010204, ack=0x05, opts=b'\x02\x80\x04\x01\x02'))
    fr.append(dccp(14, b'', ack=1))
    fr.append(dccp(2, b'xx', opts=b'\xc0\x03\x01' + b'\x03' + b'\x24\x03\x01' + b'\x25\x04\x01\x02' + b'\x27\x06\x01\x02\x03\x04'))
    fr.append(dccp(2, b'cov', cscov=1))
    # SCTP
    def crc32c(data):
        crc = 0xffffffff
        for b in data:
            crc ^= b
            for _ in range(8):
                crc = (crc >> 1) ^ (0x82f63b78 if crc & 1 else 0)
        return crc ^ 0xffffffff
    def sctp(chunks, vtag=0x11223344):
        h = struct.pack('!HHII', 40000, 5060, vtag, 0) + chunks
        c = crc32c(h)
        return e4(h[:8] + struct.pack('<I', c) + h[12:], 132)
    def ch(t, flags, body):
        c = struct.pack('!BBH', t, flags, 4 + len(body)) + body
        return c + b'\0' * (-len(c) % 4)
    fr.append(sctp(ch(1, 0, struct.pack('!IIHHI', 0xaabbccdd, 65536, 10, 10, 1) + b'\x00\x05\x00\x08' + ip4('10.0.0.1') +
                      b'\x00\x0c\x00\x06\x00\x05' + b'\0\0' + b'\x80\x00\x00\x04' + b'\xc0\x00\x00\x04'), vtag=0))
    fr.append(sctp(ch(2, 0, struct.pack('!IIHHI', 0x55667788, 65536, 10, 10, 1) + b'\x00\x07\x00\x08abcd')))
    fr.append(sctp(ch(10, 0, b'cookie!!')))
    fr.append(sctp(ch(11, 0, b'')))
    fr.append(sctp(ch(0, 3, struct.pack('!IHHI', 1, 0, 0, 46) + b'sctp data')))
    fr.append(sctp(ch(0, 0x0f, struct.pack('!IHHI', 2, 1, 5, 0) + b'x') + ch(0, 0x02, struct.pack('!IHHI', 3, 1, 6, 0) + b'y')))
    fr.append(sctp(ch(3, 0, struct.pack('!IIHH', 1, 65536, 2, 1) + struct.pack('!HH', 2, 3) + struct.pack('!HH', 5, 6) +
                      struct.pack('!I', 1))))
    fr.append(sctp(ch(4, 0, b'\x00\x01\x00\x08abcd')))
    fr.append(sctp(ch(5, 0, b'\x00\x01\x00\x08abcd')))
    fr.append(sctp(ch(6, 0, b'\x00\x01\x00\x08' + struct.pack('!HH', 1, 0))))
    fr.append(sctp(ch(6, 1, b'')))
    fr.append(sctp(ch(7, 0, struct.pack('!I', 5))))
    fr.append(sctp(ch(8, 0, b'')))
    fr.append(sctp(ch(9, 0, b'\x00\x03\x00\x08\x00\x05\x00\x00' + b'\x00\x01\x00\x08\x00\x01\x00\x00')))
    fr.append(sctp(ch(14, 0, b'')))
    fr.append(sctp(ch(15, 0, b'\x00\x01\x00\x08abcd')))
    fr.append(sctp(ch(128, 0, b'\x00\x00\x00\x01')))  # ASCONF ack-ish
    fr.append(sctp(ch(192, 0, struct.pack('!I', 9))))  # FORWARD TSN
    fr.append(sctp(ch(0x81, 0, struct.pack('!I', 1))))
    fr.append(sctp(ch(0x40, 0, b'')))  # unknown
    fr.append(sctp(ch(64, 3, struct.pack('!IHHII', 11, 2, 0, 3, 0) + b'idata')))  # I-DATA
    fr.append(sctp(ch(130, 0, struct.pack('!HHIII', 13, 16, 1, 2, 3))))  # RE-CONFIG
    fr.append(sctp(ch(132, 0, b'\0' * 8)))  # PAD
    fr.append(sctp(ch(193, 0, struct.pack('!I', 1) + struct.pack('!HHI', 0xc001, 8, 2) + b'\x00\x05\x00\x08' + ip4(S4))))
    fr.append(sctp(ch(9, 0, b'\x00\x01\x00\x08\x00\x05\x00\x00' + b'\x00\x0c\x00\x08\x00\x07\x00\x00' +
                      b'\x00\x06\x00\x04')))
    fr.append(sctp(ch(0, 0x01, struct.pack('!IHHI', 20, 3, 9, 51) + b'ppid 51') + ch(3, 0, struct.pack('!IIHH', 19, 4096, 0, 0))))
    fr.append(sctp(ch(0, 0x08, struct.pack('!IHHI', 21, 3, 10, 0) + b'i')))
    fr.append(sctp(ch(0, 3, struct.pack('!IHHI', 7, 0, 0, 0))[:4]))  # zero-length data chunk header only
    bad = sctp(ch(3, 0, struct.pack('!IIHH', 1, 65536, 0, 0)))
    fr.append(bad[:-1] if False else bad)
    return fr


# ---------------------------------------------------------------- tunnels: GRE, VXLAN, Geneve
def gen_tunnel():
    fr = []
    inner = ether(ipv4(udp(b'inner', 1, 2, '10.0.0.1', '10.0.0.2'), 17, '10.0.0.1', '10.0.0.2'))
    inner_ip = ipv4(udp(b'inner', 1, 2, '10.0.0.1', '10.0.0.2'), 17, '10.0.0.1', '10.0.0.2')
    def gre(flags, proto, body, extra=b''):
        return e4(struct.pack('!HH', flags, proto) + extra + body, 47)
    fr.append(gre(0, 0x0800, inner_ip))
    g = struct.pack('!HH', 0x8000, 0x0800) + b'\0\0\0\0' + inner_ip
    c = cksum(g)
    fr.append(e4(g[:4] + struct.pack('!H', c) + g[6:], 47))
    fr.append(gre(0x2000, 0x86dd, ipv6(b'', 59, S6, D6), struct.pack('!I', 0x1234)))
    fr.append(gre(0x3000, 0x6558, inner, struct.pack('!II', 42, 7)))
    fr.append(gre(0x1000, 0x0800, inner_ip, struct.pack('!I', 99)))
    fr.append(gre(0xb000, 0x0800, inner_ip, struct.pack('!HHII', 0x1111, 0, 5, 6)))
    fr.append(gre(0x0000, 0x8847, struct.pack('!I', (16 << 12) | (1 << 8) | 64) + inner_ip))
    fr.append(gre(0x0000, 0x1234, b'unknown'))
    fr.append(gre(0x0000, 0x88be, b'\x10\0\0\0\0\0\0\0' + inner))  # ERSPAN type II
    fr.append(gre(0x1000, 0x88be, b'\x10\x01\x00\x05\0\0\0\0' + inner, struct.pack('!I', 5)))
    # source routes (checksum and routing present): IPv4 and AS entries, the second current
    for af, entries in ((0x0800, ip4('10.0.0.1') + ip4('10.0.0.2')), (0xfffe, struct.pack('!HHHH', 1, 2, 3, 4))):
        sre = struct.pack('!HBB', af, len(entries) // 2, len(entries)) + entries + struct.pack('!HBB', 0, 0, 0)
        fr.append(gre(0xc000, 0x0800, inner_ip, b'\0\0\0\0' + sre))
    fr.append(gre(0x0000, 0x22eb, b'\x20\x00\x00\x01' + b'\0' * 8 + inner))  # ERSPAN type III
    fr.append(gre(0x0000, 0x0806, struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac('00:50:56:10:20:30') + ip4(S4) +
                  b'\0' * 6 + ip4(D4)))
    fr.append(gre(0x3081, 0x880b, b'\xff\x03\x00\x21' + inner_ip, struct.pack('!HHII', len(inner_ip) + 4, 0x55, 3, 2)))  # PPTP v1
    fr.append(gre(0x2001, 0x880b, b'', struct.pack('!HH', 0, 0x55)))
    fr.append(gre(0x0007, 0x0800, inner_ip))  # version 7
    fr.append(gre(0x0000, 0x0800, inner_ip)[:-len(inner_ip)] + ipv4(udp(b'', 1, 2), 17))
    # VXLAN, VXLAN-GPE, Geneve
    fr.append(e4(udp(struct.pack('!II', 0x08000000, 1234 << 8) + inner, 40000, 4789), 17))
    fr.append(e4(udp(struct.pack('!II', 0x00000000, 99 << 8) + inner, 40000, 4789), 17))
    fr.append(e4(udp(struct.pack('!BBBBI', 0x0c, 0, 0, 1, 55 << 8) + inner_ip, 40000, 4790), 17))
    fr.append(e4(udp(struct.pack('!BBBBI', 0x0c, 0, 0, 3, 55 << 8) + inner, 40000, 4790), 17))
    gopt = struct.pack('!HBB', 0x0102, 0x80, 1) + b'\1\2\3\4'
    fr.append(e4(udp(struct.pack('!BBHI', len(gopt) // 4, 0, 0x6558, 77 << 8) + gopt + inner, 40000, 6081), 17))
    fr.append(e4(udp(struct.pack('!BBHI', 0, 0xc0, 0x0800, 78 << 8) + inner_ip, 40000, 6081), 17))
    fr.append(e4(udp(struct.pack('!BBHI', 0x40, 0, 0x86dd, 79 << 8) + ipv6(b'', 59, S6, D6), 40000, 6081), 17))
    fr.append(e6(udp(struct.pack('!II', 0x08000000, 5 << 8) + inner, 40000, 4789, S6, D6), 17))
    return fr


# ---------------------------------------------------------------- other link types and ethertypes
def gen_more_links():
    """{capture: (linktype, frames)} for the rarer link layers."""
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    ip6_udp = ipv6(udp(b'x', 1, 2, S6, D6), 17, S6, D6)
    caps = {}
    slarp_req = struct.pack('!I', 0) + ip4('10.0.0.1') + ip4('255.255.255.0') + b'\0\0'
    slarp_ka = struct.pack('!IIIH', 2, 7, 6, 0xffff) + struct.pack('!I', 1000)
    caps['core_chdlc'] = (104, [b'\x0f\x00\x08\x00' + ip_udp, b'\x8f\x00\x86\xdd' + ip6_udp,
                                b'\x8f\x00\x80\x35' + slarp_req, b'\x8f\x00\x80\x35' + slarp_ka,
                                b'\x8f\x00\x80\x35' + struct.pack('!I', 1) + ip4('10.0.0.2') + ip4('255.0.0.0') + b'\0\0',
                                b'\x0f\x00\x12\x34' + b'unknown!', b'\x0f\x00\x88\x47' + struct.pack('!I', (5 << 12) | 0x100 | 9) + ip_udp])
    q922 = lambda dlci, fecn=0, becn=0, de=0: bytes([(dlci >> 4) << 2, ((dlci & 0xf) << 4) | (fecn << 3) | (becn << 2) | (de << 1) | 1])
    caps['core_fr'] = (107, [q922(100) + b'\x03\xcc' + ip_udp, q922(200, 1, 1, 1) + b'\x03\x8e' + ip6_udp,
                             q922(300) + b'\x03\x00\x80' + b'\x00\x00\x00\x08\x00' + ip_udp,
                             q922(16) + b'\x03\x99' + b'abcd', q922(17) + b'\x07\xcc' + ip_udp])
    slip_hdr = lambda d: bytes([d]) + b'\0' * 15
    caps['core_slip'] = (8, [slip_hdr(0) + ip_udp, slip_hdr(1) + ipv4(tcp(b'', 1, 2, flags=2), 6)])
    ipnet = lambda fam, pl: struct.pack('!BBHIIIII', 1, fam, 0, len(pl), 1, 0, 0, 0) + pl
    caps['core_ipnet'] = (226, [ipnet(2, ip_udp), ipnet(26, ip6_udp), ipnet(99, b'zzzz')])
    caps['core_atm'] = (11, [b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + ip_udp, b'\xaa\xaa\x03\x00\x00\x00\x86\xdd' + ip6_udp])  # (OSI NLPID 0xcc left out: tcpdump prints IP)
    caps['core_pppser'] = (50, [b'\xff\x03\x00\x21' + ip_udp, b'\x0f\x00\x08\x00' + ip_udp, b'\xff\x03\x00\x57' + ip6_udp])
    # ethertypes: MACsec, NSH (MD type 1 and 2)
    fr = []
    fr.append(ether(b'\x2c\x00' + struct.pack('!I', 1) + bytes(range(8)) + b'\xee' * 20 + b'\x11' * 16, 0x88e5))
    fr.append(ether(b'\x00\x00' + struct.pack('!I', 2) + b'\x08\x00' + ip_udp + b'\x11' * 16, 0x88e5))
    fr.append(ether(b'\x08\x30' + struct.pack('!I', 3) + b'\xee' * 0x30 + b'\x11' * 16, 0x88e5))
    nsh1 = struct.pack('!BBBB', 0x0f, 0xc6, 0x01, 0x01) + struct.pack('!I', (55 << 8) | 254) + b'\0' * 16
    fr.append(ether(nsh1 + ip_udp, 0x894f))
    nsh2 = struct.pack('!BBBB', 0x0f, 0xc6, 0x02, 0x03) + struct.pack('!I', (56 << 8) | 253) + \
        struct.pack('!HBB', 0x0101, 0x02, 4) + b'\1\2\3\4' + struct.pack('!HBB', 0x0102, 0x03, 2) + b'\5\6\0\0'
    fr.append(ether(nsh2 + ether(ip_udp), 0x894f))
    # MS NLB heartbeat: signature, version, priority (little-endian), cluster and host addresses
    fr.append(ether(struct.pack('<II', 0xc0de01bf, 0x206) + struct.pack('<I', 2) + ip4('192.0.2.80') +
                    ip4('192.0.2.82') + bytes(40), 0x886f, src='02:02:c0:00:02:50', dst='ff:ff:ff:ff:ff:ff'))
    caps['core_ethx'] = (1, fr)
    return caps


def gen_nflog():
    """NFLOG (DLT 239): family, version, resource id, then little-endian
    length/type TLVs padded to 4 bytes; type 9 holds the packet."""
    def tlv(t, v):
        return struct.pack('<HH', 4 + len(v), t) + v + bytes(-(4 + len(v)) % 4)
    ip_udp = ipv4(udp(b'hello', 1234, 53), 17)
    ip6_udp = ipv6(udp(b'x', 1, 2, S6, D6), 17, S6, D6)
    meta = tlv(1, b'\x08\x00\x01\x00') + tlv(10, b'\x00') + tlv(4, struct.pack('!I', 2)) + tlv(8, bytes(12))
    return [b'\x02\x00\x00\x14' + meta + tlv(9, ip_udp),
            b'\x0a\x00\x00\x15' + meta + tlv(9, ip6_udp),
            b'\x07\x00\x00\x16' + meta + tlv(9, b'some other family'),
            b'\x02\x00\x00\x17' + meta,                                  # no payload TLV
            b'\x02\x00\x00\x18' + struct.pack('<HH', 7, 1) + b'abc\0' + tlv(9, ip_udp),  # length not a multiple of 4
            b'\x02\x00\x00\x19' + struct.pack('<HH', 0, 1) + tlv(9, ip_udp),        # length 0
            b'\x02\x00\x00\x1a' + struct.pack('<HH', 4000, 1) + tlv(9, ip_udp)]     # longer than the packet


# ---------------------------------------------------------------- PGM, IGRP, DVMRP, HSRP, OTV, MPLS/UDP, ipether
def gen_misc():
    fr = []
    inner = ether(ipv4(udp(b'inner', 1, 2, '10.0.0.1', '10.0.0.2'), 17, '10.0.0.1', '10.0.0.2'))
    ip_udp = ipv4(udp(b'hello', 1234, 9999), 17)
    def pgm(t, body, opts=0):
        h = struct.pack('!HHBBH', 7500, 7501, t, opts, 0) + bytes(range(1, 7)) + struct.pack('!H', 0) + body
        return e4(h[:6] + struct.pack('!H', cksum(h)) + h[8:], 113, dst='239.9.9.9')
    fr.append(pgm(0, struct.pack('!IIIHH', 5, 1, 9, 1, 0) + ip4(S4)))
    fr.append(pgm(4, struct.pack('!II', 7, 1) + b'odata'))
    fr.append(pgm(5, struct.pack('!II', 8, 1) + b'rdata'))
    fr.append(pgm(8, struct.pack('!IHH', 7, 1, 0) + ip4(S4) + struct.pack('!HH', 1, 0) + ip4('239.9.9.9')))
    fr.append(pgm(9, struct.pack('!IHH', 7, 1, 0) + ip4(S4) + struct.pack('!HH', 1, 0) + ip4('239.9.9.9')))
    fr.append(pgm(10, struct.pack('!IHH', 7, 1, 0) + ip4(S4) + struct.pack('!HH', 1, 0) + ip4('239.9.9.9')))
    fr.append(pgm(1, struct.pack('!IHHHH', 3, 0, 2, 1, 0) + ip4(S4) + struct.pack('!II', 1, 0xffffffff)))
    fr.append(pgm(2, struct.pack('!IHH', 3, 0, 2) + ip4(S4)[:0] + struct.pack('!HH', 1, 0) + ip4(S4) + struct.pack('!I', 0)))
    fr.append(pgm(0x0c, b'\0' * 8))
    fr.append(pgm(0x33, b'\0' * 4))
    # IGRP update with interior, system and exterior routes
    ent = lambda n, d, b: n + struct.pack('!I', d)[1:] + struct.pack('!I', b)[1:] + struct.pack('!HBBB', 1500, 255, 1, 2)
    ig = struct.pack('!BBHHHHH', 0x11, 3, 100, 1, 1, 1, 0) + ent(b'\x0a\x01\x00', 100, 256) + \
        ent(b'\x0a\x02\x00', 200, 512) + ent(b'\x0a\x03\x00', 300, 1024)
    fr.append(e4(ig[:10] + struct.pack('!H', cksum(ig)) + ig[12:], 9))
    fr.append(e4(struct.pack('!BBHHHHH', 0x12, 0, 100, 0, 0, 0, 0), 9))
    fr.append(e4(struct.pack('!BBHHHHH', 0x21, 0, 100, 0, 0, 0, 0), 9))
    # DVMRP (IGMP type 0x13)
    def dv(code, body):
        b = struct.pack('!BBHBBBB', 0x13, code, 0, 0, 0, 3, 0xff) + body
        b = b[:2] + struct.pack('!H', cksum(b)) + b[4:]
        return e4(b, 2, dst='224.0.0.4', ttl=1)
    fr.append(dv(1, struct.pack('!I', 77) + ip4('10.0.0.2')))
    fr.append(dv(2, ip4('255.255.0.0')[1:] + b'\x0a\x01' + b'\x81'))
    fr.append(dv(3, b''))
    fr.append(dv(4, ip4('10.0.0.1') + struct.pack('!BBB', 1, 1, 1) + ip4('10.0.0.9')))
    fr.append(dv(5, b''))
    fr.append(dv(6, ip4('10.0.0.1') + struct.pack('!BBBBB', 1, 1, 0x10, 1, 0)[:4] + ip4('10.0.0.9')))
    fr.append(dv(7, ip4('10.0.0.1') + ip4('239.1.1.1') + struct.pack('!I', 7200)))
    fr.append(dv(8, ip4('10.0.0.1') + ip4('239.1.1.1')))
    fr.append(dv(9, ip4('10.0.0.1') + ip4('239.1.1.1')))
    fr.append(dv(99, b''))
    # HSRP hello, coup, resign, v1 with bad auth length
    for op, st in ((0, 16), (1, 8), (2, 4), (0, 2)):
        fr.append(e4(udp(struct.pack('!BBBBBBBB', 0, op, st, 3, 10, 100, 1, 0) + b'cisco\0\0\0' + ip4('10.0.0.254'),
                         1985, 1985, dst='224.0.0.2'), 17, dst='224.0.0.2', ttl=1))
    # OTV, MPLS in UDP, Ethernet over IPv6 (143)
    fr.append(e4(udp(struct.pack('!BBBBI', 0x08, 0, 0, 0, 55 << 8) + inner, 40000, 8472), 17))
    fr.append(e4(udp(struct.pack('!I', (1000 << 12) | 0x100 | 64) + ip_udp, 40000, 6635), 17))
    fr.append(e6(inner, 143))
    return fr


def cuts_small(f):
    return (14, 20, 30, 40, 54, 60, 70)


def cuts_noeth(f):
    return (4, 10, 16, 22, 30, 40)


def main():
    os.makedirs(OUT, exist_ok=True)
    write('core_link', gen_link(), cuts=(13, 16, 20, 24, 30, 40))
    write('core_sll', gen_sll(), 113, cuts=(10, 16, 20, 30, 40))
    write('core_sll2', gen_sll2(), 276, cuts=(10, 20, 24, 34))
    write('core_null', gen_null(), 0, cuts=(2, 4, 10))
    write('core_loop', gen_loop(), 108, cuts=(2, 4, 10))
    write('core_raw', gen_raw(), 101, cuts=(1, 10, 20, 30))
    # IP6CP Interface-ID cut inside: tcpdump prints "length 10[|ip6cp]", trawl " [|ppp]"
    write('core_ppp', gen_ppp(), 9, cuts=(2, 3, 5, 8, 12, 20), skip=(58,))
    write('core_ip4', gen_ip4(), cuts=(20, 30, 34, 40, 46))
    write('core_icmp', gen_icmp(), cuts=(34, 38, 42, 50, 60, 70))
    write('core_mcast', gen_mcast(), cuts=(38, 42, 46, 50, 60))
    write('core_routing', gen_routing(), cuts=(34, 40, 50, 60, 80))
    write('core_ip6', gen_ip6(), cuts=(20, 54, 58, 62, 70, 80))
    write('core_icmp6', gen_icmp6(), cuts=(54, 58, 62, 70, 80, 100))
    write('core_tcp', gen_tcp(), cuts=(40, 54, 60, 66, 74, 80))
    write('core_udp', gen_udp(), cuts=(36, 40, 42, 46, 50, 60, 70))
    write('core_tunnel', gen_tunnel(), cuts=(36, 40, 46, 50, 60, 80))
    write('core_misc', gen_misc(), cuts=(34, 40, 46, 50, 60, 70))
    # MACsec without encryption cut inside the inner IP: tcpdump [|macsec]
    skips = {'core_ethx': (12,)}
    write('core_nflog', gen_nflog(), 239, cuts=(2, 4, 6, 12, 30, 44, 50, 60))
    for name, (lt, frames) in gen_more_links().items():
        write(name, frames, lt, cuts=(2, 4, 8, 16, 20, 30), skip=skips.get(name, ()))


main()
