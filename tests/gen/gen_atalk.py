#!/usr/bin/env python3
"""gen_atalk - golden captures for the atalk family: ARCNET (DLT 7: RFC 1051
and RFC 1201 headers, exception packets, fragments) and Linux ARCNET (DLT
129) carrying AppleTalk DDP (ATP requests/responses/releases, NBP lookups
and replies, echo, RTMP, unknown types), DDP over Ethernet and SNAP; the
wb whiteboard protocol (UDP 4567) and Zephyr notices (UDP 2103/2104).
Each has a truncated twin (frames cut at several depths).
Usage: python3 gen_atalk.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import ether, ip4, udp4, write_frames  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
DLT_ARCNET, DLT_ARCNET_LINUX = 7, 129


def ddp(t, body, sskt=8, dskt=7, dnet=0x102, snet=0x304, dnode=5, snode=6):
    return struct.pack('!HHHHBBBBB', 13 + len(body), 0, dnet, snet, dnode, snode,
                       dskt, sskt, t) + body


def nbp_tuple(net, node, skt, enum, obj, typ, zone):
    s = struct.pack('!HBBB', net, node, skt, enum)
    for x in (obj, typ, zone):
        s += bytes([len(x)]) + x.encode()
    return s


def atp(ctl, bm, tid, ud, data=b'data'):
    return ddp(3, struct.pack('!BBHI', ctl, bm, tid, ud) + data)


DDPS = [
    atp(0x40, 0x0f, 0x1234, 0x01020304),
    atp(0x60, 0x0f, 0x1234, 0x01020304),
    atp(0x50, 0x0f, 0x1234, 0x01020304),
    atp(0x48, 0x0f, 0x1234, 0x01020304),
    atp(0x80, 0x00, 0x1234, 0x01020304),
    atp(0x90, 0x02, 0x1234, 0x01020304),
    atp(0x98, 0x02, 0x1234, 0x01020304),
    atp(0xc0, 0x0f, 0x1234, 0x01020304),
    atp(0xc8, 0x0f, 0x1234, 0x01020304),
    atp(0x20, 0x0f, 0x1234, 0x01020304),
    ddp(2, bytes([0x11, 0x2a]) + nbp_tuple(0x304, 6, 0xfd, 0, '=', 'LaserWriter', '*')),
    ddp(2, bytes([0x21, 0x2b]) + nbp_tuple(0x304, 6, 0xfd, 0, '=', 'AFPServer', 'Eng')),
    ddp(2, bytes([0x22, 0x2c]) + nbp_tuple(0x304, 6, 0xfd, 0, 'obj', 'LaserWriter', '*')),
    ddp(2, bytes([0x31, 0x2a]) + nbp_tuple(0x304, 6, 0xfd, 0, 'printer', 'LaserWriter', '*')),
    ddp(2, bytes([0x41, 0x2a]) + nbp_tuple(0x304, 6, 0xfd, 0, '=', 'x', '*')),
    ddp(2, bytes([0x21, 0x05, 3, 4])),
    ddp(4, b'\x01\x02\x03'),
    ddp(1, struct.pack('!HBB', 0x304, 8, 6), sskt=1, dskt=1),
    ddp(5, b'\x01', sskt=1, dskt=1),
    ddp(6, bytes([5, 2]) + struct.pack('!HH', 0x304, 0x305), sskt=6, dskt=6),
    ddp(4, b'\x01\x02', dnode=255, dnet=0),
]


def arcnet(t, payload, flag=0, seq=0x1234, exc=False):
    if t in (0xf0, 0xf1, 0x80):
        return bytes([1, 2, t]) + payload
    if exc:
        return bytes([1, 2, t, 0xff, 0xff, 0xff, t, flag]) + struct.pack('!H', seq) + payload
    return bytes([1, 2, t, flag]) + struct.pack('!H', seq) + payload


IPPKT = bytes.fromhex('4500001c00010000400100000a0000010a000002 0800f7ff00000000'.replace(' ', ''))

ARC = [arcnet(0xdd, d) for d in DDPS[:12]] + [
    arcnet(0xdd, DDPS[0], flag=3),
    arcnet(0xdd, DDPS[0], flag=4),
    arcnet(0xdd, DDPS[10], exc=True),
    arcnet(0xdd, DDPS[10], flag=6, exc=True),
    arcnet(0xd4, IPPKT),
    arcnet(0xf0, IPPKT),
    arcnet(0x77, b'\x01\x02\x03\x04'),
    arcnet(0x80, b'\x05\x06\x07'),
]


def arclinux(t, payload, b2=0):
    if t in (0xf0, 0xf1, 0x80):
        return bytes([1, 2, b2, 0, t]) + payload
    return bytes([1, 2, b2, 0, t, 0, 0x12, 0x34]) + payload


ARCL = [arclinux(0xdd, d) for d in DDPS] + [
    arclinux(0xdd, DDPS[0], b2=0xdd),
    arclinux(0xd4, IPPKT),
    arclinux(0xf0, IPPKT),
    arclinux(0x55, b'\x01\x02\x03'),
    arclinux(0xdd, b'\x00' * 8),
]

ETH = [ether(d, 0x809b) for d in DDPS[::2]] + [
    ether(b'\xaa\xaa\x03\x08\x00\x07\x80\x9b' + DDPS[10], len(DDPS[10]) + 8),
]


def wb(t, body, fl=0, dport=4567):
    return udp4(struct.pack('!IIHBB', 0x0a000001, 0x11223344, 1, t, fl) + body, 1000, dport)


def ps(slot, a, uid, nid):
    return struct.pack('!I4sIBBH', slot, ip4(a), uid, nid, 0, 0)


def io(a, o):
    return ip4(a) + struct.pack('!I', o)


def dh(ts, ln, t):
    return struct.pack('!IHBB', ts, ln, 0, t)


D = ip4('10.0.0.2') + struct.pack('!III', 3, 4, 6)
WB = [
    wb(0, D + dh(100, 0, 2) + dh(101, 4, 3) + b'abcd' + dh(102, 0, 4)),
    wb(0, D + dh(100, 0, 2) + dh(101, 0, 9)),
    wb(0, D + dh(5, 0, 14) + dh(101, 0, 3)),
    wb(0, D + dh(100, 0, 15)),
    wb(0, D + dh(100, 0, 20) + dh(101, 0, 7) + dh(102, 0, 13)),
    wb(1, struct.pack('!I4sII4sI', 1, ip4('10.0.0.2'), 3, 4, ip4('10.0.0.3'), 5) +
       struct.pack('!HH', 2, 0) + io('10.0.0.5', 7) + io('10.0.0.6', 8) + b'alice\0'),
    wb(1, struct.pack('!I4sII4sI', 1, ip4('10.0.0.2'), 3, 4, ip4('10.0.0.3'), 5) +
       struct.pack('!HH', 0, 0) + b'bob\x01'),
    wb(1, struct.pack('!I4sII4sI', 1, ip4('10.0.0.2'), 3, 4, ip4('10.0.0.3'), 5) +
       struct.pack('!HH', 9, 0)),
    wb(2, struct.pack('!4s4sIII', ip4('10.0.0.1'), ip4('10.0.0.2'), 3, 4, 5)),
    wb(3, struct.pack('!4s4sIII', ip4('10.0.0.1'), ip4('10.0.0.2'), 3, 4, 5) +
       dh(100, 0, 5) + dh(101, 0, 6)),
    wb(4, b'', fl=1),
    wb(5, struct.pack('!4sII', ip4('10.0.0.2'), 3, 4)),
    wb(7, struct.pack('!I', 2) + ps(9, '10.0.0.2', 3, 1) + io('10.0.0.9', 77) +
       ps(10, '10.0.0.3', 4, 2) + io('10.0.0.8', 78) + io('10.0.0.7', 79)),
    wb(7, struct.pack('!I', 0)),
    wb(6, b'abc'),
    wb(2, b'\0' * 10),
    udp4(b'\0' * 11, 1000, 4567),
    udp4(struct.pack('!IIHBB', 1, 2, 1, 4, 0), 4567, 1234),
]


def zfields(fields):
    return b''.join(f.encode() + b'\0' for f in fields)


ZB = ['ZEPH0.2', '0x00000011', '0x00000002', '0x12345678 0x9abcdef0 0x00000001', '0x1234',
      '0x00000001', '0x00000000', '', 'MESSAGE', 'personal', 'PING', 'alice@ATHENA.MIT.EDU',
      'bob@ATHENA.MIT.EDU', '', '0x1234', '0/20', 'uid']


def zn(mods, body=(), sport=2104, dport=2103, n=None):
    f = list(ZB)
    for k, v in mods.items():
        f[k] = v
    if n is not None:
        f = f[:n]
    return udp4(zfields(f + list(body)), sport, dport)


ZEPH = [
    zn({}),
    zn({2: '0x00000000'}),
    zn({2: '0x00000005'}, ['hello world']),
    zn({2: '0x00000006', 12: ''}),
    zn({2: '0x0000000b', 11: ''}),
    zn({8: 'LOGIN', 10: 'USER_FLUSH'}),
    zn({8: 'LOGIN', 10: 'REALM-VISIBLE'}),
    zn({8: 'USER_LOCATE', 10: 'LOCATE', 9: 'Bob'}),
    zn({8: 'USER_LOCATE', 10: 'USER_HIDE'}),
    zn({8: 'ZEPHYR_CTL', 9: 'CLIENT', 10: 'SUBSCRIBE'}, ['MESSAGE', '*', 'bob']),
    zn({8: 'ZEPHYR_CTL', 9: 'CLIENT', 10: 'GIMME'}),
    zn({8: 'ZEPHYR_CTL', 9: 'HM', 10: 'BOOT'}),
    zn({8: 'ZEPHYR_CTL', 9: 'REALM', 10: 'ADD_SUBSCRIBE'}),
    zn({8: 'HM_CTL', 9: 'SERVER', 10: 'FLUSH'}),
    zn({8: 'HM_STAT', 9: 'HMST_CLIENT', 10: 'GIMMESTATS'}),
    zn({8: 'WG_CTL', 9: 'X', 10: 'Y'}, sport=2103, dport=2104),
    zn({0: 'ZEPH0.3'}),
    zn({0: 'XEPH0.2'}),
    zn({}, n=5),
    zn({2: 'zz'}),
]


def write(name, dlt, frames, cuts=None):
    write_frames(os.path.join(OUT, name + '.pcap'), frames, linktype=dlt, cuts=cuts)


os.makedirs(OUT, exist_ok=True)
write('atalk_arcnet', DLT_ARCNET, ARC)
write('atalk_arcnet_trunc', DLT_ARCNET, ARC[:2] + ARC[10:11] + ARC[14:16],
      cuts=[2, 3, 5, 6, 9, 12, 18, 20, 25, 30])
write('atalk_arcnet_linux', DLT_ARCNET_LINUX, ARCL)
write('atalk_arcnet_linux_trunc', DLT_ARCNET_LINUX, ARCL[:1] + ARCL[10:13],
      cuts=[4, 5, 7, 8, 12, 20, 22, 25, 30, 40])
write('atalk_ether', 1, ETH)
write('atalk_wb', 1, WB)
write('atalk_wb_trunc', 1, WB[:1] + WB[5:6] + WB[8:9] + WB[12:13],
      cuts=[42, 50, 54, 60, 66, 70, 75, 80, 90])
write('atalk_zephyr', 1, ZEPH)
write('atalk_zephyr_trunc', 1, ZEPH[2:3] + ZEPH[9:10], cuts=[42, 45, 50, 100, 200, 230, 250])
