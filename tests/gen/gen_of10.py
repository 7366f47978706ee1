#!/usr/bin/env python3
"""gen_of10 - golden captures for OpenFlow 1.0 over TCP port 6653 (every
message type: features and ports, configuration, flow and port modification,
packet in/out carrying frames, flow removal, each statistics request and
reply, queue configuration, errors, echo, vendor messages and actions with
Big Switch Networks' extensions, invalid lengths and bogus bits) and ForCES
(RFC 5810) over SCTP (LFB select, operation, path-data, full/sparse data,
result and key TLVs), each with a truncated twin.
Usage: python3 gen_of10.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import ether, ipv4, tcp, mac, ip4, write_frames  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'


def h(text):
    return bytes.fromhex(text.replace(' ', ''))


# ---- OpenFlow 1.0 ----

def of(t, body=b'', xid=1, ver=1, length=None):
    n = 8 + len(body) if length is None else length
    return struct.pack('!BBHI', ver, t, n, xid) + body


def port(no, addr, name, config=0, state=0, curr=0, adv=0, sup=0, peer=0):
    return struct.pack('!H6s16sIIIIII', no, mac(addr), name.encode(), config, state,
                       curr, adv, sup, peer)


def match(w=0x3fffff, in_port=0, dl_src='00:00:00:00:00:00', dl_dst='00:00:00:00:00:00',
          vlan=0, pcp=0, dl_type=0, tos=0, proto=0, nw_src='0.0.0.0', nw_dst='0.0.0.0',
          tp_src=0, tp_dst=0):
    return struct.pack('!IH6s6sHBxHBBxx4s4sHH', w, in_port, mac(dl_src), mac(dl_dst), vlan, pcp,
                       dl_type, tos, proto, ip4(nw_src), ip4(nw_dst), tp_src, tp_dst)


def act(t, body):
    return struct.pack('!HH', t, 4 + len(body)) + body


A_OUT = act(0, struct.pack('!HH', 3, 0))
A_CTL = act(0, struct.pack('!HH', 0xfffd, 128))
ACTIONS = (A_OUT + A_CTL + act(1, struct.pack('!Hxx', 10)) + act(2, h('05000000')) +
           act(3, h('00000000')) + act(4, mac('02:00:00:00:00:01') + bytes(6)) +
           act(5, mac('02:00:00:00:00:02') + bytes(6)) + act(6, ip4('10.1.2.3')) +
           act(7, ip4('10.3.2.1')) + act(8, h('b8000000')) + act(9, h('00500000')) +
           act(10, h('01bb0000')) + act(11, struct.pack('!H6xI', 2, 7)))
A_VENDOR = act(0xffff, h('00001234') + b'vendor data 1234')
A_BSN = (act(0xffff, h('005c16c7 00000001 00000015 00000000 00 000000')) +
         act(0xffff, h('005c16c7 00000001 00000016 81003064 01 000000')) +
         act(0xffff, h('005c16c7 00000001 00000017 9100000a 02 000000')) +
         act(0xffff, h('005c16c7 00000002 0a000001')) +
         act(0xffff, h('005c16c7 00000009 00000000')))


def flow_mod(m, cmd, prio, acts=b'', cookie=1, idle=0, hard=0, buf=0xffffffff, out=0xffff,
             flags=1, xid=1):
    return of(14, m + struct.pack('!QHHHHIHH', cookie, cmd, idle, hard, prio, buf, out, flags) +
              acts, xid)


ICMP_FRAME = (mac('00:11:22:33:44:55') + mac('66:77:88:99:aa:bb') + h('0800') +
              h('45000054 0001 0000 4001 0000 0a000001 0a000002') + h('0800f7ff00010001') +
              bytes(56))
STATS = [
    of(16, struct.pack('!HH', 0, 0), 10),
    of(16, struct.pack('!HH', 1, 0) + match(0x3ffffe, in_port=1) + h('ff00fffd'), 11),
    of(16, struct.pack('!HH', 2, 0) + match() + h('fe00ffff'), 12),
    of(16, struct.pack('!HH', 3, 0), 13),
    of(16, struct.pack('!HH', 4, 0) + h('0005 000000000000'), 14),
    of(16, struct.pack('!HH', 5, 0) + h('fffe 0000 00000003'), 15),
    of(16, struct.pack('!HH', 0xffff, 0) + h('00002320 01020304'), 16),
    of(16, struct.pack('!HH', 9, 0), 17),
    of(17, struct.pack('!HH', 0, 0) + b'Maker\0'.ljust(256, b'\0') + b'HW'.ljust(256, b'\0') +
       b'SW 1.0'.ljust(256, b'\0') + b'SN42'.ljust(32, b'\0') + b'dp\tone'.ljust(256, b'\0'), 10),
    of(17, struct.pack('!HH', 1, 1) +
       struct.pack('!HBx', 88 + len(A_OUT), 3) + match(0x3fffef, dl_type=0x0806, proto=2) +
       struct.pack('!IIHHH6xQQQ', 5, 600, 100, 30, 60, 0xabcdef, 12, 3400) + A_OUT +
       struct.pack('!HBx', 88, 0xfe) + match(0x3ff0df, dl_type=0x800, nw_src='192.168.1.1') +
       struct.pack('!IIHHH6xQQQ', 1, 2, 3, 4, 5, 6, 7, 8), 11),
    of(17, struct.pack('!HH', 2, 0) + struct.pack('!QQI4x', 100, 20000, 7), 12),
    of(17, struct.pack('!HH', 3, 0) + struct.pack('!B3x32sIIIQQ', 0, b'main', 0x3fffff, 1000, 2,
                                                     300, 200) +
       struct.pack('!B3x32sIIIQQ', 0xfe, b'emerg', 0, 10, 0, 0, 0) +
       struct.pack('!B3x32sIIIQQ', 1, b'odd', 0xc0000001, 10, 0, 0, 0), 13),
    of(17, struct.pack('!HH', 4, 1) + struct.pack('!H6x12Q', 1, *range(1, 13)) +
       struct.pack('!H6x12Q', 0xfffe, *([2 ** 64 - 1] * 12)), 14),
    of(17, struct.pack('!HH', 5, 0) + struct.pack('!H2xIQQQ', 2, 1, 10, 20, 30), 15),
    of(17, struct.pack('!HH', 0xffff, 0) + h('005c16c7 0000000a'), 16),
    of(17, struct.pack('!HH', 1, 0) + struct.pack('!HBx', 200, 0) + bytes(20), 17),
]
OF_MSGS = [
    of(0), of(0, h('00010008 00000012'), 2),
    of(1, struct.pack('!HH', 0, 0) + b'hello failed', 3),
    of(1, struct.pack('!HH', 3, 5) + of(14, bytes(64), 9), 4),
    of(1, struct.pack('!HH', 9, 9), 5),
    of(2, b'ping', 6), of(3, b'', 7), of(5, b'', 8),
    of(4, h('00002320 00000010 0000'), 9),
    of(4, h('005c16c7 00000000 02000000 ffffff00'), 10),
    of(4, h('005c16c7 00000003 02000000'), 11),
    of(4, h('005c16c7 00000007') + b'shell output', 12),
    of(4, h('005c16c7 0000000c 0102'), 13),
    of(6, struct.pack('!QIB3xII', 0x0000000102030405, 256, 2, 0xff, 0xfff | 0x10000) +
       port(1, '02:00:00:00:00:01', 'eth1', 0x7f, 0x100, 0xfff, 0x1000, 0x20, 0x8) +
       port(0xfffe, '02:00:00:00:00:fe', 'local-port-name!', 0x80, 0x303, 0, 0, 0, 0), 1),
    of(6, struct.pack('!QIB3xII', 1, 0, 1, 0, 0) + bytes(10), 2),
    of(7, b'', 3), of(8, h('0001 0080'), 3), of(9, h('0002 ffff'), 4), of(9, h('0007 0000'), 5),
    of(9, h('0000'), 6),
    of(10, struct.pack('!IHHBx', 0x100, len(ICMP_FRAME), 2, 0) + ICMP_FRAME, 0),
    of(10, struct.pack('!IHHBx', 0xffffffff, 1500, 0xfffe, 7) + ICMP_FRAME[:20], 0),
    of(11, match(0x3ffffe, in_port=4) + struct.pack('!QHBxIIH2xQQ', 9, 100, 0, 60, 5000, 30, 10,
                                                      1000), 0),
    of(11, match() + struct.pack('!QHBxIIH2xQQ', 9, 100, 7, 60, 5000, 0, 10, 1000), 0),
    of(12, struct.pack('!B7x', 2) + port(3, '02:00:00:00:00:03', 'eth3', 1, 1, 0x2a0), 0),
    of(12, struct.pack('!B7x', 5) + port(4, '02:00:00:00:00:04', 'eth4'), 0),
    of(13, struct.pack('!IHH', 0xffffffff, 0xfffd, len(A_OUT)) + A_OUT + ICMP_FRAME, 20),
    of(13, struct.pack('!IHH', 0x1234, 1, 0) , 21),
    of(13, struct.pack('!IHH', 0x1234, 1, 64), 22),
    flow_mod(match(0, in_port=1, dl_src='00:00:00:00:00:01', dl_dst='00:00:00:00:00:02',
                   vlan=100, pcp=3, dl_type=0x800, tos=0x10, proto=6, nw_src='10.0.0.1',
                   nw_dst='10.0.0.2', tp_src=1234, tp_dst=80), 0, 1000, ACTIONS, idle=10,
             hard=20, buf=0x42, flags=7, xid=30),
    flow_mod(match(0x3fffef & ~(0x3f << 8) | (8 << 8), dl_type=0x806, proto=1,
                   nw_src='10.9.0.0'), 1, 5, A_VENDOR, flags=0, xid=31),
    flow_mod(match(0x3fff3d & ~(0x3f << 14) | (40 << 14), vlan=0xffff, proto=1, tp_src=8,
                   tp_dst=0), 2, 0, A_BSN, xid=32),
    flow_mod(match(0x3fffff, in_port=0xfffe), 3, 0, out=0xfffb, flags=8, xid=33),
    flow_mod(match(0x3ffffe, in_port=0xfff0), 4, 7, out=5, xid=34),
    flow_mod(match(), 9, 7, xid=35),
    flow_mod(match(), 0, 7, act(0, h('0001')), xid=36),
    flow_mod(match(), 0, 7, act(0x20, h('00000000')), xid=37),
    flow_mod(match(), 0, 7, act(4, bytes(4)), xid=38),
    flow_mod(match(), 0, 7, act(0, struct.pack('!HH', 0xfff8, 0)) + act(0, struct.pack('!HH', 0xfff9, 0)) +
             act(0, struct.pack('!HH', 0xfffa, 0)) + act(0, struct.pack('!HH', 0xfffb, 0)) +
             act(0, struct.pack('!HH', 0xfffc, 0)) + act(0, struct.pack('!HH', 0xff00, 0)), xid=39),
    of(15, struct.pack('!H6sIII4x', 7, mac('02:00:00:00:00:07'), 1, 0x41, 0x208), 40),
    of(15, struct.pack('!H6sIII', 7, mac('02:00:00:00:00:07'), 1, 0x41, 0x208), 41),
] + STATS + [
    of(18, b'', 50), of(19, b'', 50),
    of(20, h('0003 0000'), 51),
    of(21, h('0003 000000000000') + struct.pack('!IH2x', 1, 8) +
       struct.pack('!IH2x', 2, 24) + struct.pack('!HH4xH6x', 1, 16, 250) +
       struct.pack('!IH2x', 3, 32) + struct.pack('!HH4xH6x', 1, 16, 2000) +
       struct.pack('!HH4x', 0, 8), 52),
    of(21, h('0003 000000000000') + struct.pack('!IH2x', 4, 16) + struct.pack('!HH4x', 7, 8), 53),
    of(22, b'', 54), of(17, b'', 55, length=4), of(18, b'', 56, ver=4),
]


def tcp_flow(payloads, sport=40000, dport=6653):
    frames = []
    seq = 1000
    for pl in payloads:
        frames.append(ether(ipv4(tcp(pl, sport, dport, seq=seq, ack=1, flags=0x18), 6,
                                 src='10.0.0.1', dst='10.0.0.2')))
        seq += len(pl)
    return frames


# one message per segment, and a few segments holding several
of_frames = tcp_flow(OF_MSGS) + tcp_flow([b''.join(OF_MSGS[0:6]), b''.join(STATS[:4])],
                                         sport=6653, dport=40001)

# ---- ForCES over SCTP ----


def tlv(t, body):
    n = 4 + len(body)
    return struct.pack('!HH', t, n) + body + bytes((-n) % 4)


def forces(tom, body, src=0x40000001, dst=0x2, corr=1, flags=0xf8400000, ver=1, length=None):
    n = 24 + len(body)
    words = n // 4 if length is None else length
    return struct.pack('!BBHIIQI', ver << 4, tom, words, src, dst, corr, flags) + body


def pathdata(ids, inner=b'', flags=0):
    return tlv(0x110, struct.pack('!HH', flags, len(ids)) + b''.join(struct.pack('!I', i)
                                                                     for i in ids) + inner)


def lfb(cls, inst, ops):
    return tlv(0x1000, struct.pack('!II', cls, inst) + ops)


FULL = tlv(0x112, bytes(range(1, 21)))
FORCES_MSGS = [
    forces(0x04, lfb(1, 1, tlv(7, pathdata([1])))),
    forces(0x14, lfb(1, 1, tlv(9, pathdata([2], FULL))), src=2, dst=0x40000001, corr=2,
           flags=0x38400000),
    forces(0x03, lfb(3, 2, tlv(1, pathdata([60, 1], FULL)) + tlv(2, pathdata([5], FULL))),
           corr=3, flags=0x40800000),
    forces(0x03, lfb(0x1234, 0x20, tlv(5, pathdata([7], pathdata([8, 9], FULL))) +
                     tlv(0xc, b'')), corr=4, flags=0x80c00000),
    forces(0x13, lfb(2, 1, tlv(3, pathdata([1], tlv(0x114, h('00000000')))) +
                     tlv(6, pathdata([1], tlv(0x114, h('03000000'))))),
           src=2, dst=0x40000001, corr=5, flags=0x00b00000),
    forces(0x03, lfb(4, 1, tlv(1, pathdata([3], tlv(0x113, h('00000001 00000008 0000000a')))) +
                     tlv(8, pathdata([1], tlv(0x111, h('00000001') + FULL)))),
           corr=6, flags=0x07000000),
    forces(0x0f, b'', corr=7, flags=0xc0400000),
    forces(0x0f, b'', src=0xfffffffe, dst=0x80000001, corr=8, flags=0x00000000),
    forces(0x01, tlv(0x1000, struct.pack('!II', 1, 1) + tlv(1, pathdata([1], FULL))), corr=9),
    forces(0x11, tlv(0x10, h('00000000')), src=2, dst=0x40000001, corr=10),
    forces(0x02, tlv(0x11, h('00000001')), corr=11),
    forces(0x05, lfb(2, 1, tlv(0xb, pathdata([4], FULL))), src=2, dst=0x40000001, corr=12),
    forces(0x06, tlv(0x1, tlv(0x115, h('00000001 0004 0000')) + tlv(0x116, ICMP_FRAME[:24])),
           src=2, dst=0x40000001, corr=13),
    forces(0x03, lfb(1, 1, tlv(1, pathdata([1], FULL))), corr=14, length=4),
    forces(0x03, lfb(1, 1, tlv(0x33, pathdata([1], FULL))), corr=15),
    forces(0x03, tlv(0x2000, h('00000001')), corr=16),
    forces(0x03, lfb(1, 1, b''), corr=17),
    forces(0x03, lfb(1, 1, tlv(1, h('0000'))), corr=18),
    forces(0x03, lfb(1, 1, tlv(1, pathdata([1], FULL))), corr=19, ver=2),
    forces(0x42, b'', corr=20),
]


def sctp_data(payload, sport, dport, tsn, ssn):
    n = 16 + len(payload)
    chunk = struct.pack('!BBHIHHI', 0, 3, n, tsn, 0, ssn, 0) + payload + bytes((-n) % 4)
    return struct.pack('!HHII', sport, dport, 0x1234, 0) + chunk


forces_frames = [ether(ipv4(sctp_data(m, 6704 + (i % 3), 40000, 100 + i, i), 132,
                             src='192.0.2.10', dst='192.0.2.20'))
                 for i, m in enumerate(FORCES_MSGS)]
# the well-formed ones, and the others (tcpdump's ForCES printer checks
# them at every verbosity and complains in its own ways)
GOOD = [0, 1, 2, 4, 6, 7]
forces_good = [forces_frames[i] for i in GOOD]
forces_odd = [f for i, f in enumerate(forces_frames) if i not in GOOD]

# more of those complaints: top-level TLVs each message type takes (or
# not), association results and teardown reasons, the operations each
# message may carry and the data each operation may, SPARSEDATA's ILVs,
# padded data TLVs
LFB0 = struct.pack('!II', 1, 1)
SPARSE = [h(x) for x in ('00000001 00000008 0000000a', '00000001 00000004 0000000a',
                         '00000001 0000000c 0000000a', '00000001 00000008 0000000a 0000000b',
                         '00000001 00000009 0000000a 0000000b 0c',
                         '00000001 00000004 0000000a 00000002 00000004 0000000b')]
QUIRKS = []
for tom in (0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0f, 0x11, 0x13, 0x14):
    for body in (b'', tlv(0x1000, LFB0), tlv(0x10, h('00000000')), tlv(0x11, h('00000000')),
                 tlv(0x1, h('00000000')), tlv(0x2000, h('00000000')), tlv(0x110, h('00000000'))):
        QUIRKS.append(forces(tom, body))
for t in (0, 2, 0xf, 0x12, 0x10f, 0x111, 0x115, 0x116, 0x117, 0x1001, 0xffff):
    QUIRKS.append(forces(0x03, tlv(t, h('00000000'))))
for c in (0, 1, 2, 3, 4, 255, 256):
    QUIRKS.append(forces(0x11, tlv(0x10, struct.pack('!I', c)), src=2, dst=0x40000001))
for c in (0, 1, 2, 3, 4, 5, 255, 256, 0x10000):
    QUIRKS.append(forces(0x02, tlv(0x11, struct.pack('!I', c))))
QUIRKS += [forces(0x11, tlv(0x10, h('0000'))), forces(0x02, tlv(0x11, h('000000'))),
           forces(0x11, tlv(0x10, h('00000001 00000002'))),
           forces(0x0f, tlv(0x10, h('00000000')) + tlv(0x10, h('00000000'))),
           forces(0x11, tlv(0x10, h('00000000')) + tlv(0x10, h('00000001'))),
           forces(0x11, tlv(0x10, h('00000000')) + tlv(0x2000, h('00000001'))),
           forces(0x11, h('0010 0003 00000000')), forces(0x11, h('0010 0010 00000000')),
           forces(0x11, h('0010 0009 00000000 00 000000')),
           forces(0x06, tlv(0x1000, LFB0))]
for tom in (0x01, 0x03, 0x04, 0x05, 0x14):
    for op in range(0, 17):
        QUIRKS.append(forces(tom, lfb(1, 1, tlv(op, h('0110 0008 0000 0000')))))
QUIRKS += [forces(0x03, lfb(1, 1, tlv(7, pathdata([1])) + tlv(0xc, b''))),
           forces(0x03, lfb(1, 1, tlv(0xc, b'') + tlv(7, pathdata([1])))),
           forces(0x03, lfb(1, 1, tlv(0xc, pathdata([1]))))]
RES0 = tlv(0x114, h('00000000'))
SP0 = tlv(0x113, SPARSE[0])
for tom, ops in ((0x03, (1, 2, 5, 0xe)), (0x04, (7, 8)), (0x13, (3, 4, 6)), (0x14, (9, 0xa)),
                 (0x05, (0xb,))):
    for op in ops:
        for d in (FULL, RES0, SP0):
            QUIRKS.append(forces(tom, lfb(1, 1, tlv(op, pathdata([1], d)))))
            QUIRKS.append(forces(tom, lfb(1, 1, tlv(op, pathdata([1], pathdata([2], d))))))
for sp in SPARSE:
    QUIRKS.append(forces(0x03, lfb(1, 1, tlv(1, pathdata([1], tlv(0x113, sp))))))
for n in (1, 2, 3, 5, 17):
    QUIRKS.append(forces(0x03, lfb(1, 1, tlv(1, pathdata([1], tlv(0x112, bytes(range(n))))))))
for n in (1, 5):
    QUIRKS.append(forces(0x13, lfb(1, 1, tlv(3, pathdata([1], tlv(0x114, bytes(n)))))))
forces_quirks = [ether(ipv4(sctp_data(m, 6704 + (i % 3), 40000, 200 + i, i % 65536), 132,
                             src='192.0.2.10', dst='192.0.2.20'))
                 for i, m in enumerate(QUIRKS)]


def write(name, frames, cuts=None):
    write_frames(os.path.join(OUT, name + '.pcap'), frames, linktype=1, cuts=cuts)


os.makedirs(OUT, exist_ok=True)
write('of10_openflow', of_frames)
write('of10_openflow_trunc', of_frames[12:16] + of_frames[28:32], cuts=[60, 70, 80, 100, 130])
write('of10_forces', forces_good)
write('of10_forces_trunc', forces_good[:4], cuts=[60, 80, 90, 100, 110])
write('of10_forces_odd', forces_odd)
write('of10_forces_quirks', forces_quirks)
