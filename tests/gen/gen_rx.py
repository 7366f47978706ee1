#!/usr/bin/env python3
"""gen_rx - golden captures for AFS Rx (UDP 7000-7009): file server, cache
manager, protection, VLDB, kauth, volume and bos calls with their replies
(decoded through the call cache) and aborts, Ubik calls, acks with runs of
acked and nacked packets and the MTU trailer, the other packet types and
flags, an IPv6 exchange, and snap-length-cut twins; plus Kerberos version
lines (UDP 88).
Usage: python3 gen_rx.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, ipv6, udp  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
C, S = '192.0.2.10', '198.51.100.20'


def W(*a):
    return b''.join(struct.pack('!I', x & 0xffffffff) for x in a)


def STR(s):
    b = s.encode()
    return W(len(b)) + b + b'\0' * ((-len(b)) % 4)


def VEC(s, n):
    b = s.encode()
    return b''.join(W(c) for c in b) + W(*([0] * (n - len(b))))


def rxh(callnum, seq=1, typ=1, flags=1, serv=1, sec=2, ser=7):
    return struct.pack('!IIIIIBBBBHH', 0x38265f1a, 0x9e7c3004, callnum, seq, ser,
                       typ, flags, 0, sec, 0, serv)


class Gen:
    def __init__(self):
        self.frames = []
        self.n = 1000

    def frame(self, payload, sport, dport, src, dst, caplen=None):
        if ':' in src:
            f = ether(ipv6(udp(payload, sport, dport, src=src, dst=dst), 17, src=src, dst=dst),
                      etype=0x86dd)
        else:
            f = ether(ipv4(udp(payload, sport, dport, src=src, dst=dst), 17, src=src, dst=dst))
        self.frames.append((f, caplen))

    def call(self, port, op, body=b'', typ=1, flags=0x05, serv=1, cport=7001, cut=None,
             src=C, dst=S):
        self.n += 1
        self.frame(rxh(self.n, typ=typ, flags=flags, serv=serv) + W(op) + body, cport, port,
                   src, dst, cut)

    def reply(self, port, body=b'', typ=1, flags=0x04, serv=1, cport=7001, cut=None,
              src=S, dst=C, callnum=None):
        self.frame(rxh(callnum or self.n, typ=typ, flags=flags, serv=serv) + body, port, cport,
                   src, dst, cut)

    def write(self, name):
        p = Pcap(os.path.join(OUT, name + '.pcap'))
        for f, c in self.frames:
            p.add(f, caplen=None if c is None else 14 + 20 + 8 + c)
        p.close()


FID = W(536871098, 846, 1049757)
STORE = W(0x0d, 942356784, 0, 0, 0o755, 0)   # date, group, mode
ACL = STR('2\n1\nsystem:administrators 127\nbob 9\nbadguy 3\n')

# ---- file server and cache manager ----
g = Gen()
g.call(7000, 130, FID + W(0, 65536)); g.reply(7000, W(*range(1, 30)))
g.call(7000, 131, FID); g.reply(7000, ACL)
g.call(7000, 132, FID); g.reply(7000, W(*range(1, 30)))
g.call(7000, 133, FID + STORE + W(0, 100, 100))
g.call(7000, 134, FID + ACL)
g.call(7000, 135, FID + W(0x41f, 942356784, 1000, 100, 0o644, 65536))
g.call(7000, 136, FID + STR('rotcel')); g.reply(7000, W(*range(1, 30)))
g.call(7000, 137, FID + STR('newfile') + STORE); g.reply(7000, W(536871098, 677, 1097448))
g.call(7000, 138, FID + STR('old') + W(536871098, 1, 1) + STR('new'))
g.call(7000, 139, FID + STR('rotcel') + STR('#root.cell.'))
g.call(7000, 140, FID + STR('hard') + W(536871098, 9, 9))
g.call(7000, 141, FID + STR('tmpdir') + STORE); g.reply(7000, W(536871098, 678, 1097449))
g.call(7000, 142, FID + STR('tmp\x01dir\xff'))
g.call(7000, 148, STR('root.cell'))
g.call(7000, 149, W(536870915))
g.call(7000, 151); g.reply(7000, STR('root.afs'))
g.call(7000, 153); g.reply(7000, W(942356784, 5000))
g.call(7000, 154, STR('users.nneul'))
g.call(7000, 155, W(2, 1, 2, 3, 4, 5, 6))
g.call(7000, 65536, W(0))
g.call(7000, 65537, FID + W(1, 2, 0, 65536))
g.call(7000, 65538, FID + STORE + W(0, 1, 0, 2, 0, 3))
g.call(7000, 65541, W(0xc0000201))
g.call(7000, 999, W(1)); g.reply(7000, W(1))
for code in (103, 106, 111, 13, -1):
    g.call(7000, 132, FID); g.reply(7000, W(code), typ=4)
g.call(7001, 204, W(1) + FID + W(1, 1, 942360000, 1), cport=7000)
g.reply(7001, W(0), cport=7000)
g.call(7001, 204, W(0, 0), cport=7000)
g.call(7001, 206, cport=7000); g.reply(7001, b'', cport=7000)
g.call(7001, 214, W(0x12345678, 0x9abc, 0xdef0, 0x11, 0x22, 1, 2, 3, 4, 5, 6), cport=7000)
g.call(7001, 213, cport=7000); g.reply(7001, W(0x12345678, 0x9abc, 0xdef0, 0x11, 0x22, 1, 2, 3, 4, 5, 6), cport=7000)
g.call(7001, 206, cport=7000); g.reply(7001, W(5), typ=4, cport=7000)
g.write('rx_fs')

# ---- protection, VLDB, kauth, volume, bos, ubik ----
g = Gen()
g.call(7002, 500, STR('newuser') + W(0, 0))
g.call(7002, 504, W(2) + VEC('nneul', 64) + VEC('system:administrators', 64))
g.reply(7002, W(2, 5879, 0xffffff34))
g.call(7002, 505, W(2, 0xffffff34, 5113)); g.reply(7002, W(2) + VEC('system:administrators', 64) + VEC('5113', 64))
g.call(7002, 505, W(0)); g.reply(7002, W(0))
g.call(7002, 508, W(5879)); g.reply(7002, W(3, 5879, 0xffffff34, 0xfffffffe))
g.call(7002, 510); g.reply(7002, W(30000, 0xfffffc00))
g.call(7002, 513, W(5879) + STR('renamed') + W(0, 0))
g.call(7002, 515, W(5879, 0xffffff34)); g.reply(7002, b'')
g.call(7002, 504, STR('x')); g.reply(7002, W(267268), typ=4)
entry = VEC('root.cell', 65) + W(0, 3, 0x83970192, 0x8397013c, 0x8397013b, 0, 0, 0, 0, 0,
                                 0, 1, 27, 0, 0, 0, 0, 0, 4, 4, 4, 0, 0, 0, 0, 0,
                                 536870915, 536870916, 536870917, 0, 0)
nentry = VEC('users.nneul', 65) + W(2, 0x8397013b, 0x8397013c, *([0] * 11), 1, 26,
                                     *([0] * 11), *([0] * 13), 536871098, 536871099, 536871100, 0, 0)
g.call(7003, 504, STR('root.cell'), serv=52); g.reply(7003, entry, serv=52)
g.call(7003, 503, W(536870915, 0), serv=52); g.reply(7003, entry, serv=52)
g.call(7003, 519, STR('users.nneul'), serv=52); g.reply(7003, nentry, serv=52)
g.call(7003, 518, W(536871098, 1), serv=52); g.reply(7003, nentry, serv=52)
g.call(7003, 510, W(5), serv=52); g.reply(7003, W(1, 6) + entry, serv=52)
g.call(7003, 521, W(5), serv=52); g.reply(7003, W(1, 6) + nentry, serv=52)
g.call(7003, 505, W(3), serv=52); g.reply(7003, W(536871200), serv=52)
g.call(7003, 502, W(536870915, 2), serv=52)
g.call(7003, 506, W(536870915, 7) + VEC('root.afs', 65), serv=52)
g.call(7003, 501, VEC('new.vol', 65), serv=52)
g.call(7003, 504, STR('nonexistent'), serv=52); g.reply(7003, W(363524), typ=4, serv=52)
g.call(7004, 21, STR('admin') + STR(''))
g.call(7004, 23, W(0) + STR('EXAMPLE.COM') + W(5) + b'ticke' + STR('afs') + STR(''))
g.call(7004, 4, STR('bob') + STR('') + W(3))
g.call(7004, 12, STR('bob')); g.reply(7004, W(180490), typ=4)
g.call(7005, 100, W(1) + STR('scratch') + W(0, 0)); g.reply(7005, W(536871300, 77))
g.call(7005, 103, W(77, 942356784, 0x83970192, 7005, 0, 78))
g.call(7005, 107, W(77)); g.reply(7005, W(2))
g.call(7005, 112); g.reply(7005, STR('users.nneul'))
g.call(7005, 113); g.reply(7005, W(*range(1, 11)) + W(*([942356784] * 6)))
g.call(7005, 121, W(1, 536871098))
g.reply(7005, W(1) + VEC('users.nneul', 32) + W(536871098) + W(*range(21)))
g.call(7005, 116, W(1, 0)); g.reply(7005, W(0))
g.call(7005, 128, W(77, 942356784, 2, 1, 2, 3, 4, 5, 6))
g.call(7005, 65538, W(77, 0, 1))
g.call(7007, 80, STR('simple') + STR('kaserver'))
g.call(7007, 82, STR('fs') + W(1))
g.call(7007, 105, STR('/usr/afs/bin/fileserver') + W(100, 0, 942356784))
g.call(7007, 83, STR('fs')); g.reply(7007, W(39430), typ=4)
g.call(7002, 10000, W(1, 942356784, 3, 4, 5, 6)); g.reply(7002, W(942356800), typ=4)
g.call(7002, 10000, W(0, 942356784, 3, 4, 5, 6)); g.reply(7002, b'')
g.call(7003, 10003, W(0x8397013b), serv=52); g.reply(7003, W(0), serv=52)
g.call(7003, 20000, W(942356784, 12), serv=52); g.reply(7003, W(5376), typ=4, serv=52)
g.call(7003, 20002, W(942356784, 12, 0, 64, 1024, 2), serv=52)
g.call(7003, 20004, serv=52); g.reply(7003, W(942356784, 99), serv=52)
g.call(7003, 20006, W(0, 4096, 942356784, 99), serv=52)
g.call(7003, 20012, W(1, 2, 3, 4, 5, 6), serv=52)
g.call(7004, 20009, W(1, 2, 0, 512))
g.call(7002, 15000, W(1))
g.call(7008, 1, W(1))
g.write('rx_db')

# ---- the Rx layer: types, flags, acks, short packets, IPv6 ----
def ack(first, serial, reason, acks, trailer=b''):
    return struct.pack('!HHIIIBB', 4, 1, first, first - 1, serial, reason, len(acks)) + \
        bytes(acks) + b'\0' * 3 + trailer


g = Gen()
TR = W(5692, 1444, 32, 4)
for reason in (1, 2, 3, 4, 5, 6, 7, 8, 9, 12):
    g.frame(rxh(1, seq=0, typ=2, flags=0x21) + ack(2, 347, reason, [1, 1, 0, 1, 0, 0, 1], TR),
            7001, 7000, C, S)
g.frame(rxh(1, seq=0, typ=2, flags=0x01) + ack(5, 2576, 8, [1, 1, 2], W(5912, 1472)), 7001, 7000, C, S)
g.frame(rxh(1, seq=0, typ=2, flags=0x01) + ack(5, 2576, 8, []), 7001, 7000, C, S)
g.frame(rxh(1, seq=0, typ=2, flags=0x01) + ack(5, 2576, 8, [1, 0])[:12], 7001, 7000, C, S)
for t, fl in ((3, 0x01), (5, 0x01), (6, 0), (7, 0x01), (8, 0x02), (9, 0), (13, 0x10), (11, 0x3f), (0, 0)):
    g.frame(rxh(2, seq=0, typ=t, flags=fl) + W(1, 2, 3), 7001, 7003, C, S)
g.frame(rxh(3, typ=1, flags=0x3f) + W(132) + FID, 7001, 7000, C, S)
g.frame(rxh(3, seq=2, typ=1, flags=0x04) + W(1, 2, 3), 7000, 7001, S, C)
g.frame(rxh(3, typ=4, flags=0x01) + W(5), 7001, 7004, C, S)
g.frame(rxh(3)[:20], 7001, 7000, C, S)
g.frame(b'', 7001, 7000, C, S)
g.frame(rxh(4, flags=1), 7001, 7000, C, S)
# reply to another call number, another service id: not decoded
g.call(7000, 132, FID); g.reply(7000, W(1), callnum=1); g.reply(7000, W(1), serv=9)
# IPv6
A6, B6 = '2001:db8::10', '2001:db8::20'
g.call(7000, 132, FID, src=A6, dst=B6); g.reply(7000, W(1, 2, 3), src=B6, dst=A6)
# Kerberos: version 5 AS-REQ/AS-REP, TGS, versions 1-4
for b in (b'\x6a\x81', b'\x6b\x82', b'\x6c\x82', b'\x02\x00'):
    g.frame(b + b'\x30\x00', 1799, 88, C, S)
g.frame(b'\x04\x02admin\0\0EXAMPLE.COM\0\1\2\3\4\x60krbtgt\0EXAMPLE.COM\0', 1799, 88, C, S)
g.frame(b'\x04\x05admin\0root\0EXAMPLE.COM\0\1\2\3\4\x01\x00\x00\x00\x02\x00\x10\x00', 88, 1799, S, C)
g.frame(b'\x04\x06\x03EX.COM\0\x40\x30', 1799, 88, C, S)
g.frame(b'\x04\x0bbob\0\0EX\0\1\2\3\4\0\0\0\x07oops\0', 88, 1799, S, C)
g.frame(b'\x04\x0e', 1799, 88, C, S)
g.frame(b'\x04', 1799, 88, C, S)
g.write('rx_proto')

# ---- snap-length-cut twins ----
g = Gen()
g.call(7000, 137, FID + STR('newfile') + STORE, cut=28 + 4 + 12 + 6)
g.call(7000, 133, FID + STORE + W(0, 100, 100), cut=28 + 4 + 12 + 10)
g.call(7000, 132, FID, cut=28 + 4 + 6)
g.call(7000, 132, FID); g.reply(7000, W(103), typ=4, cut=28 + 2)
g.call(7002, 504, W(2) + VEC('nneul', 64) + VEC('system:administrators', 64), cut=28 + 8 + 256 + 40)
g.call(7002, 20002, W(1, 2, 3, 4, 5, 6), cut=28 + 4 + 20)
g.call(7003, 504, STR('root.cell'), serv=52); g.reply(7003, entry, serv=52, cut=28 + 260 + 16)
g.call(7003, 504, STR('root.cell'), serv=52); g.reply(7003, entry, serv=52, cut=28 + 260 + 4 + 4 + 32 + 12)
g.call(7004, 21, STR('administrator') + STR(''), cut=28 + 4 + 4 + 6)
g.call(7005, 128, W(77, 942356784, 2, 1, 2, 3, 4, 5, 6), cut=28 + 4 + 12 + 14)
g.call(7001, 204, W(1) + FID + W(2, 1, 942360000, 1, 2, 942360000, 1), cport=7000, cut=28 + 4 + 16 + 4 + 14)
g.frame(rxh(1, seq=0, typ=2, flags=0x21) + ack(2, 347, 8, [1, 1, 0, 1], TR), 7001, 7000, C, S,
        caplen=28 + 18 + 2)
g.frame(rxh(1), 7001, 7000, C, S, caplen=20)
g.write('rx_trunc')
