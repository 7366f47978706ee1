#!/usr/bin/env python3
"""gen_rules.py OUTDIR - the capture of tests/rules/run.sh (--rules).

Writes OUTDIR/incident.pcap: a small incident, IPv4 over Ethernet plus a
few IPv6 packets, in which each rule of tests/rules/incident.rules has
planted traffic that makes it fire an exact, known number of times, and
decoys that must leave it silent.  tests/rules/incident.expect holds the
counts; each is justified here, next to the traffic (the "->" comments)
and again beside the rule.  Also writes OUTDIR/incident.fast.json: the
time, protocol and endpoints of a few alerts whose fast lines run.sh
checks exactly.

Hosts: 10.0.0.0/8 is HOME_NET (run.sh gives --var HOME_NET=[10.0.0.0/8]);
203.0.113.66/.67 the attacker, 203.0.113.77 a scanner, 10.0.0.10 the
victim server, 10.0.0.20 a workstation, 10.0.0.30 the scanned host,
10.0.0.53 its DNS server, 198.51.100.0/24 servers outside.  Every TCP
connection (but the midstream one) has a three-way handshake, correct
sequence and acknowledgement numbers and checksums, and FIN both ways.
Packets are 1 ms apart from 2023-11-14 22:13:20 UTC.  Deterministic:
seeded PRNG, fixed timestamps."""
import gzip
import json
import os
import random
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import (Pcap, cksum, ether, ip4, ip6, ipv4, ipv4_frag, ipv6, ipv6_frag,  # noqa: E402
                     tcp, udp, udp4, _pseudo)
import gen_dnstls as dt  # noqa: E402  (DNS messages, TLS records, the test certificate)

R = random.Random(0x1de5)
SYN, ACK, PSH, FIN, RST, URG, ECE, CWR = 0x02, 0x10, 0x08, 0x01, 0x04, 0x20, 0x40, 0x80

ATT, ATT2, SCAN = '203.0.113.66', '203.0.113.67', '203.0.113.77'
SRV, WS, TGT, DNS = '10.0.0.10', '10.0.0.20', '10.0.0.30', '10.0.0.53'
ATT6, SRV6 = '2001:db8::66', '2001:db8::10'

FAST = {}   # sid -> what its (first) fast line must show


def note(sid, cap, proto, src, dst):
    """the next packet added to cap is the one sid alerts on"""
    FAST[str(sid)] = {'sec': cap.t // 1000000, 'usec': cap.t % 1000000, 'proto': proto,
                      'src': src, 'dst': dst}


class Conn:
    """One TCP connection written to a Pcap: side 0 the client."""

    def __init__(self, cap, c, cp, s, sp, handshake=True):
        self.cap, self.addr = cap, [(c, cp), (s, sp)]
        self.seq = [R.getrandbits(32), R.getrandbits(32)]
        if handshake:
            self.pkt(0, b'', SYN, ack=False)
            self.seq[0] += 1
            self.pkt(1, b'', SYN | ACK)
            self.seq[1] += 1
            self.pkt(0, b'', ACK)

    def pkt(self, d, data, flags=PSH | ACK, seq=None, ack=True):
        (src, sp), (dst, dp) = self.addr[d], self.addr[1 - d]
        s = self.seq[d] if seq is None else seq
        a = self.seq[1 - d] if ack else 0
        seg = tcp(data, sp, dp, seq=s & 0xffffffff, ack=a & 0xffffffff, flags=flags,
                  win=65535, src=src, dst=dst)
        if ':' in src:
            self.cap.add(ether(ipv6(seg, 6, src, dst), 0x86dd))
        else:
            self.cap.add(ether(ipv4(seg, 6, src, dst)))

    def send(self, d, *segs):
        """each of segs one segment from side d, in order; then the other
        side's ACK"""
        for s in segs:
            self.pkt(d, s)
            self.seq[d] += len(s)
        self.pkt(1 - d, b'', ACK)

    def close(self):
        for d in (0, 1):
            self.pkt(d, b'', FIN | ACK)
            self.seq[d] += 1
        self.pkt(0, b'', ACK)


def icmp4(cap, src, dst, itype, code=0, ident=1, seq=1, data=b'abcdefghijklmnop'):
    h = struct.pack('!BBHHH', itype, code, 0, ident, seq) + data
    h = h[:2] + struct.pack('!H', cksum(h)) + h[4:]
    cap.add(ether(ipv4(h, 1, src, dst)))


def icmp6(cap, src, dst, itype, code=0, ident=1, seq=1, data=b'abcdefghijklmnop'):
    h = struct.pack('!BBHHH', itype, code, 0, ident, seq) + data
    c = cksum(_pseudo(ip6(src), ip6(dst), 58, len(h)) + h)
    h = h[:2] + struct.pack('!H', c) + h[4:]
    cap.add(ether(ipv6(h, 58, src, dst), 0x86dd))


def gen(cap):
    # -- 1. a content split across two segments ---------------------------
    # 1000001 (stream, "SPLIT-MARKER-ALPHA") -> 1: the reassembled stream
    # has it once.  1000062 (flow:no_stream, same content) -> 0: no packet
    # holds it whole.  1000063 (dsize:>0; "SPLIT-MAR": per packet) -> 1:
    # only the first segment holds "SPLIT-MAR".
    c = Conn(cap, ATT, 40001, SRV, 7001)
    c.send(0, b'AUTH hello SPLIT-MAR', b'KER-ALPHA end\n')
    c.close()

    # -- 2. retransmission and overlap ------------------------------------
    # 1000002 ("RETRANS-MARKER-BRAVO") -> 1: the segment is sent, then sent
    # again whole (same seq), then a segment overlapping it from byte 13
    # ("MARKER-BRAVO ;tail\n" again) with new bytes after: the marker is in
    # the stream once.
    c = Conn(cap, ATT, 40002, SRV, 7002)
    d1 = b'DATA RETRANS-MARKER-BRAVO ;tail\n'
    base = c.seq[0]
    c.send(0, d1)
    c.pkt(0, d1, seq=base)                      # the retransmission
    c.pkt(1, b'', ACK)
    more = b'more new data\n'
    c.pkt(0, d1[13:] + more, seq=base + 13)     # overlap + new
    c.seq[0] += len(more)
    c.pkt(1, b'', ACK)
    c.close()

    # -- 3. out of order ----------------------------------------------------
    # 1000003 ("OUT-OF-ORDER-CHARLIE") -> 1: the second segment arrives
    # first; in sequence order the content is whole, once.  1000064
    # ("ZULU-ENDYANKEE-START", the end of the later segment followed by the
    # start of the earlier, i.e. the bytes in arrival order) -> 0.
    c = Conn(cap, ATT, 40003, SRV, 7003)
    s1, s2 = b'YANKEE-START pad OUT-OF-O', b'RDER-CHARLIE pad ZULU-END'
    base = c.seq[0]
    c.pkt(0, s2, seq=base + len(s1))
    c.pkt(0, s1, seq=base)
    c.seq[0] += len(s1) + len(s2)
    c.pkt(1, b'', ACK)
    c.close()

    # -- 4. distance / within -----------------------------------------------
    # 1000004 ("CMD=open" then "ARG=evil" distance:0 within:20) -> 1: 7
    # bytes between them, "ARG=evil" ends 15 bytes after "CMD=open".
    # 1000005 ("CMD=close" then "ARG=evil" within:20) -> 0: 100 bytes
    # between them.  Neither content pair is elsewhere.
    c = Conn(cap, ATT, 40004, SRV, 7004)
    c.send(0, b'CMD=open; x=1; ARG=evil\n')
    c.close()
    c = Conn(cap, ATT, 40005, SRV, 7004)
    c.send(0, b'CMD=close;' + b'P' * 100 + b'ARG=evil\n')
    c.close()

    # -- 5. pcre /i and R -------------------------------------------------------
    # 1000006 ("LOGIN-TOKEN"; pcre "/^\s*=\s*admin[0-9]+/Ri") -> 1;
    # 1000007 (the same without i) -> 0: the traffic says ADMIN42.
    c = Conn(cap, ATT, 40006, SRV, 7006)
    c.send(0, b'LOGIN-TOKEN = ADMIN42\r\n')
    c.close()

    # -- 6. nocase ----------------------------------------------------------------
    # 1000008 ("evil.exe"; nocase) -> 1; 1000009 ("EVIL.exe") -> 0.
    c = Conn(cap, ATT, 40007, SRV, 7007)
    c.send(0, b'FETCH EVIL.EXE\r\n')
    c.close()

    # -- 7. negated content -------------------------------------------------------
    # 1000010 ("BEACON-ECHO"; !"ack-ok") -> 1: the first connection; the
    # second has "ack-ok" in the same segment.
    c = Conn(cap, ATT, 40008, SRV, 7008)
    c.send(0, b'BEACON-ECHO id=1\n')
    c.close()
    c = Conn(cap, ATT, 40009, SRV, 7008)
    c.send(0, b'BEACON-ECHO id=2 ack-ok\n')
    c.close()

    # -- 8. offset / depth (UDP, per packet) ------------------------------------
    # "MAGIC" at payload bytes 4..8.  1000011 (offset:4; depth:5) -> 1;
    # 1000012 (depth:8: must end by byte 8) -> 0; 1000065 (offset:5) -> 0.
    cap.add(udp4(b'\x00\x01\x02\x03MAGIC-rest', 40010, 9001, ATT, SRV))

    # -- 9. byte_test, isdataat -------------------------------------------------
    # 30 bytes: a big-endian 1024, "HDR!" (ends at 6), 24 bytes.  1000013
    # (byte_test:2,>,1000,0; isdataat:10,relative) -> 1; 1000014
    # (byte_test:2,>,2000,0) -> 0; 1000015 (isdataat:30,relative: byte 36)
    # -> 0.
    cap.add(udp4(b'\x04\x00HDR!' + b'D' * 24, 40011, 9002, ATT, SRV))

    # -- 10. flowbits -------------------------------------------------------------
    # 1000016 ("USER root"; flowbits:set,trawl.rootlogin; noalert) -> 0
    # alerts (it fires once, on the first connection, silently).  1000017
    # ("RETR "; isset) -> 1: the first connection only.  1000018 ("RETR ";
    # isnotset) -> 1: the second connection (USER guest) only.  1000068
    # (to_client "230 "; isset) -> 1: the bit set by the client's bytes is
    # seen in the server's, on the first connection only.
    for cp, who, path in ((40012, b'root', b'/etc/shadow'), (40013, b'guest', b'/pub/readme.txt')):
        c = Conn(cap, ATT if who == b'root' else ATT2, cp, SRV, 21)
        c.send(1, b'220 FTP server ready\r\n')
        c.send(0, b'USER ' + who + b'\r\n')
        c.send(1, b'331 Password required\r\n')
        c.send(0, b'PASS secret\r\n')
        c.send(1, b'230 Logged in\r\n')
        c.send(0, b'RETR ' + path + b'\r\n')
        c.send(1, b'150 Opening data connection\r\n')
        c.close()

    # -- 11. thresholds (UDP, every packet from ATT, all within 60 s) ----------
    # 1000019 limit by_src count 1 seconds 60, 5 packets -> 1 (the first).
    # 1000020 threshold count 3, 7 packets -> 2 (the 3rd and 6th).
    # 1000021 detection_filter count 2, 4 packets -> 2 (the 3rd and 4th).
    # 1000022 both count 3, 7 packets -> 1 (the 3rd).
    for i in range(5):
        if i == 0:
            note(1000019, cap, 'UDP', ATT + ':40014', SRV + ':9003')
        cap.add(udp4(b'SCAN-PROBE %d' % i, 40014, 9003, ATT, SRV))
    for i in range(7):
        cap.add(udp4(b'BRUTE-TRY %d' % i, 40015, 9004, ATT, SRV))
    for i in range(4):
        cap.add(udp4(b'FLOOD-PKT %d' % i, 40016, 9005, ATT, SRV))
    for i in range(7):
        cap.add(udp4(b'BOTH-TRY %d' % i, 40017, 9009, ATT, SRV))

    # -- 12. an IPv4 UDP datagram in two fragments ------------------------------
    # The first fragment: the UDP header and payload bytes 0..23; the
    # content, at payload bytes 20..40, spans the boundary.  1000023 ->
    # 1 (on the datagram).  1000024 (ip, fragbits:M, to 10.0.0.10) -> 1:
    # the first fragment, the only packet to it with MF (the others have
    # DF; the reassembled datagram is no fragment).
    dg = udp(b'0123456789abcdefghijFRAG-SPANNING-CONTENT tail', 40018, 9006, ATT, SRV)
    cap.add(ether(ipv4_frag(dg[:32], 17, 0, True, ATT, SRV, ident=0x4242)))
    cap.add(ether(ipv4_frag(dg[32:], 17, 32, False, ATT, SRV, ident=0x4242)))

    # -- 13. an IPv6 UDP datagram in two fragments ------------------------------
    # 1000025 ("V6-FRAG-SPAN-CONTENT", payload bytes 13..32, the boundary
    # after payload byte 15) -> 1.
    dg = udp(b'v6 frag test V6-FRAG-SPAN-CONTENT end', 40019, 9007, ATT6, SRV6)
    cap.add(ether(ipv6_frag(dg[:24], 17, 0, True, ATT6, SRV6, ident=0x6666), 0x86dd))
    cap.add(ether(ipv6_frag(dg[24:], 17, 24, False, ATT6, SRV6, ident=0x6666), 0x86dd))

    # -- 14. ICMP -----------------------------------------------------------------
    # 1000026 (icmp -> $HOME_NET, itype:8; icode:0) -> 1: ATT's echo
    # request to SRV; WS's echo request goes to 192.0.2.99 (outside).
    # 1000027 (-> $HOME_NET, itype:0) -> 0: the only echo reply goes to ATT.
    # 1000028 (icmp, itype:128) -> 1: the ICMPv6 echo request.
    note(1000026, cap, 'ICMP', ATT, SRV)
    icmp4(cap, ATT, SRV, 8)
    icmp4(cap, SRV, ATT, 0)
    icmp4(cap, WS, '192.0.2.99', 8, ident=2)
    note(1000028, cap, 'IPV6-ICMP', ATT6, SRV6)
    icmp6(cap, ATT6, SRV6, 128)
    icmp6(cap, SRV6, ATT6, 129)

    # -- 15. a SYN scan ----------------------------------------------------------
    # 1000029 (-> 10.0.0.30 [20:30,!23], flags:S) -> 3: SYNs to 21, 22, 25;
    # 23 is negated, 80 and 445 out of the range; the SYN|ECE|CWR and the
    # FIN|PSH|URG to 22 are not exactly S; the answers go to SCAN.
    for port in (21, 22, 23, 25, 80, 445):
        cap.add(ether(ipv4(tcp(b'', 55555, port, seq=1000, flags=SYN, src=SCAN, dst=TGT), 6, SCAN, TGT)))
        fl = SYN | ACK if port == 22 else RST | ACK
        cap.add(ether(ipv4(tcp(b'', port, 55555, seq=5000, ack=1001, flags=fl, src=TGT, dst=SCAN),
                           6, TGT, SCAN)))
    cap.add(ether(ipv4(tcp(b'', 55556, 22, seq=2000, flags=SYN | ECE | CWR, src=SCAN, dst=TGT), 6, SCAN, TGT)))
    cap.add(ether(ipv4(tcp(b'', 55557, 22, seq=3000, flags=FIN | PSH | URG, src=SCAN, dst=TGT), 6, SCAN, TGT)))

    # -- 16. dsize ------------------------------------------------------------------
    # 1000030 (dsize:100<>200, Suricata's exclusive range) -> 2: payloads
    # of 50, 100, 150, 199, 200, 300 bytes; 150 and 199 are inside.
    for n in (50, 100, 150, 199, 200, 300):
        cap.add(udp4(b'S' * n, 40020, 9008, ATT, SRV))

    # -- 17. a bidirectional rule ------------------------------------------------
    # 1000031 (10.0.0.20 any <> 198.51.100.50 7777, "BIDI-MARK") -> 2: the
    # client's bytes and the server's each hold it once.  1000032 (the same
    # with ->) -> 1: the client's.
    c = Conn(cap, WS, 50000, '198.51.100.50', 7777)
    c.send(0, b'BIDI-MARK hello\n')
    c.send(1, b'BIDI-MARK reply\n')
    c.close()

    # -- 18. HTTP on port 8080 ----------------------------------------------------
    # One transaction; the URI's "p" of payload sent as %70.  1000033
    # (http.method GET, http.uri startswith "/download/payload.php": the
    # normalized URI) -> 1; 1000069 (http.uri.raw "%70ayload") -> 1;
    # 1000070 (http.uri "%70ayload") -> 0; 1000034 (http.host
    # "evil-cdn.example.net" endswith: lower-cased, port removed) -> 1;
    # 1000035 (http.host "evil-cdn.example.net:8080") -> 0; 1000036
    # (http.user_agent "TrawlBot/") -> 1; 1000037 (tcp -> $HTTP_PORTS,
    # "id=1337"; http_uri) -> 1; 1000038 (http.stat_code "200") -> 1;
    # 1000039 (file.data "INVOKE-SHELLCODE-DECODED") -> 1: in the body once
    # gunzipped; 1000040 (tcp, that content on the raw stream) -> 0: on the
    # wire it is gzip.
    c = Conn(cap, WS, 50100, '198.51.100.80', 8080)
    c.send(0, b'GET /download/%70ayload.php?id=1337 HTTP/1.1\r\n'
              b'Host: Evil-CDN.example.net:8080\r\n'
              b'User-Agent: TrawlBot/6.6\r\n'
              b'Accept-Encoding: gzip\r\n\r\n')
    body = b'<html><body>' + b'filler text, compressible. ' * 40 + \
        b'<script>INVOKE-SHELLCODE-DECODED</script>' + b'more filler. ' * 40 + b'</body></html>\n'
    wire = gzip.compress(body, mtime=0)
    assert b'INVOKE-SHELLCODE-DECODED' not in wire
    c.send(1, b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n'
              b'Content-Length: %d\r\n\r\n' % len(wire) + wire)
    c.close()

    # -- 19. DNS --------------------------------------------------------------------
    # 1000041 (dns.query "malware-c2.example" endswith nocase) -> 1: the
    # query for update.malware-c2.example (its response is no query); the
    # second name, malware-c2.example.org, does not end so.  1000042
    # (dns.query "malware-c2" endswith) -> 0.
    qd = dt.q('update.malware-c2.example', 1)
    cap.add(udp4(dt.msg(0x2001, dt.QF, [qd]), 53001, 53, WS, DNS))
    cap.add(udp4(dt.msg(0x2001, dt.AF, [qd], [dt.rr(dt.P12, 1, ip4('198.51.100.66'))]), 53, 53001, DNS, WS))
    qd = dt.q('malware-c2.example.org', 1)
    cap.add(udp4(dt.msg(0x2002, dt.QF, [qd]), 53002, 53, WS, DNS))
    cap.add(udp4(dt.msg(0x2002, 0x8183, [qd]), 53, 53002, DNS, WS))

    # -- 20. TLS --------------------------------------------------------------------
    # 1000043 (tls.sni "phish-bank") -> 1; 1000044 (tls.sni
    # "phish-bank.example.com") -> 0: the SNI is login.phish-bank.example;
    # 1000045 (tls.cert_subject "CN=www.example.com") -> 1: the server's
    # certificate (gen_dnstls.CERT_DER).
    c = Conn(cap, WS, 50200, '198.51.100.43', 443)
    c.send(0, dt.record(22, dt.client_hello('login.phish-bank.example'), ver=0x0301))
    c.send(1, dt.record(22, dt.server_hello(0xc02f) + dt.certificate(dt.CERT_DER) + dt.SHD))
    c.close()

    # -- 21. FTP on port 2121 -------------------------------------------------------
    # 1000046 (alert ftp, to_server, "SITE EXEC") -> 1: the FTP session
    # (found by its 220 greeting); the connection to port 7010 carries
    # "SITE EXEC" too but is no FTP.  1000047 (alert ftp, to_client, "SITE
    # EXEC") -> 0: the server never says it.
    c = Conn(cap, ATT, 40100, SRV, 2121)
    c.send(1, b'220 ProFTPD Server ready\r\n')
    c.send(0, b'USER anonymous\r\n')
    c.send(1, b'331 Anonymous login ok\r\n')
    c.send(0, b'PASS a@b.c\r\n')
    c.send(1, b'230 Anonymous access granted\r\n')
    c.send(0, b'SITE EXEC /bin/sh -c id\r\n')
    c.send(1, b'200 Command okay\r\n')
    c.close()
    c = Conn(cap, ATT, 40101, SRV, 7010)
    c.send(0, b'SITE EXEC not-ftp\r\n')
    c.close()

    # -- 22. flow direction and state ------------------------------------------------
    # 1000048 (established,to_server "DIRTEST-REQ") -> 1; 1000049
    # (established,to_client "DIRTEST-REQ") -> 0; 1000050 (to_client
    # "DIRTEST-RESP") -> 1; 1000051 (to_server "DIRTEST-RESP") -> 0;
    # 1000052 (-> 7020, established; flags:S) -> 0; 1000053 (-> 7020,
    # not_established; flags:S) -> 1: the SYN; 1000066 (7020 ->,
    # not_established; flags:SA) -> 1: the SYN/ACK; 1000067 (7020 ->,
    # established; flags:SA) -> 0.
    c = Conn(cap, ATT, 40200, SRV, 7020)
    c.send(0, b'DIRTEST-REQ\n')
    c.send(1, b'DIRTEST-RESP\n')
    c.close()

    # -- 23. a connection picked up midstream -----------------------------------------
    # 1000054 (established,to_server "MIDSTREAM-DATA") -> 1: no handshake
    # seen, the first sender (from the high port) taken as the client.
    c = Conn(cap, WS, 50300, '198.51.100.90', 7030, handshake=False)
    c.send(0, b'MIDSTREAM-DATA\n')
    c.send(1, b'ok\n')

    # -- 24. UDP established ------------------------------------------------------------
    # 1000055 (udp, established, "UDP-EST") -> 1: the second request, after
    # the reply; the first came before both directions were seen.
    cap.add(udp4(b'UDP-EST 1', 51000, 9010, WS, '198.51.100.91'))
    cap.add(udp4(b'pong', 9010, 51000, '198.51.100.91', WS))
    cap.add(udp4(b'UDP-EST 2', 51000, 9010, WS, '198.51.100.91'))

    # -- 25. pass --------------------------------------------------------------------------
    # 1000056 (pass -> 7040, "PASS-ME") -> 0 alerts: pass rules print none.
    # 1000057 (alert -> [7040,7041], "PASS-ME") -> 1: silenced on 7040 by
    # the pass rule, alerts on 7041.
    for port in (7040, 7041):
        c = Conn(cap, ATT, 40300 + port % 10, SRV, port)
        c.send(0, b'PASS-ME please\n')
        c.close()

    # -- 26. address lists, negation, $HOME_NET -------------------------------------------
    # From 10.0.1.5, 10.0.5.7, 192.0.2.9.  1000058 ($HOME_NET) -> 2;
    # 1000059 ([$HOME_NET,!10.0.5.0/24]) -> 1: 10.0.1.5; 1000060
    # (!$HOME_NET) -> 1: 192.0.2.9.
    for i, src in enumerate(('10.0.1.5', '10.0.5.7', '192.0.2.9')):
        cap.add(udp4(b'ADDRNEG %d' % i, 40400 + i, 9011, src, '198.51.100.92'))

    # -- 27. a content twice in one packet, twice in one segment ------------------
    # 1000071 (udp "TWICE-HIT") -> 1 and 1000072 (tcp stream "DOUBLE-HIT")
    # -> 1: a rule alerts at most once per packet, or per inspection of
    # the stream's new bytes, however often its content occurs there.
    cap.add(udp4(b'TWICE-HIT and TWICE-HIT', 40500, 9012, ATT, SRV))
    c = Conn(cap, ATT, 40501, SRV, 7050)
    c.send(0, b'DOUBLE-HIT DOUBLE-HIT\n')
    c.close()

    # -- 28. GRE ------------------------------------------------------------------------------
    # 1000061 (ip, ip_proto:47) -> 1: one GRE packet (of a protocol type
    # nobody decodes).
    note(1000061, cap, 'PROTO:047', ATT, SRV)
    cap.add(ether(ipv4(struct.pack('!HH', 0, 0x1234) + b'opaque tunnel bytes', 47, ATT, SRV)))

    # -- 29. how the packet prefilter files literals -------------------------------------
    # By port: 1000079 (udp any 9021 -> any, "SRCPORT-KEYED") -> 1: the
    # packet from port 9021; 1000080 (the same content to port 9021) -> 0.
    # Over 16 ports (not filed by port): 1000081 ([9030:9060], "WIDE-PORTS")
    # -> 1: the packet to 9045.  In the head database: 1000082 ("HEAD-ONLY",
    # startswith) -> 1: the first of "HEAD-ONLY ..." and "x HEAD-ONLY".
    # A literal of 00 and ff bytes only (left out of Hyperscan, its rules
    # tried on every packet): 1000083 ("|00 00 00 00 00|" to 9023, dsize:<40)
    # -> 1: the 20-byte packet, not the 60-byte one.
    cap.add(udp4(b'SRCPORT-KEYED', 9021, 40600, SRV, ATT))
    cap.add(udp4(b'WIDE-PORTS', 40601, 9045, ATT, SRV))
    cap.add(udp4(b'HEAD-ONLY first', 40602, 9022, ATT, SRV))
    cap.add(udp4(b'x HEAD-ONLY second', 40603, 9022, ATT, SRV))
    cap.add(udp4(b'zero' + bytes(16), 40604, 9023, ATT, SRV))
    cap.add(udp4(b'zero' + bytes(56), 40605, 9023, ATT, SRV))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cap = Pcap(os.path.join(out, 'incident.pcap'), start=1700000000)
    gen(cap)
    cap.close()
    with open(os.path.join(out, 'incident.fast.json'), 'w') as f:
        json.dump(FAST, f, indent=1, sort_keys=True)


if __name__ == '__main__':
    main()
