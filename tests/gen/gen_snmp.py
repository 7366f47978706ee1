#!/usr/bin/env python3
"""gen_snmp - golden captures for SNMP object identifiers as tcpdump names
them without -n: the abbreviations for mib-2 (""), enterprises ("E:"),
experimental ("X:") and snmpModules ("S:"), the names below them and below
iso, and near misses (one arc off, shorter than an abbreviation, an arc cut
in the middle, non-minimal encodings that hide an abbreviation, long arcs,
arcs of 2^32 and more that wrap, first subidentifiers of 2^31 and more).
SNMPv1 get, getnext, set, response and trap; SNMPv2c getbulk, inform,
v2 trap and report; SNMPv3 with USM (snmp.pcap), a sweep of every arc
0-31 below the named nodes and 0-140 below enterprises (snmp_sweep.pcap),
the messages cut short inside their OIDs (snmp_trunc.pcap) and elements
with high tag numbers (snmp_tags.pcap).  Both addresses are 127.0.0.1 so
that runs without -n print "localhost" from /etc/hosts and ask no DNS
server.

    python3 gen_snmp.py DIR
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, udp4  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
HOST = '127.0.0.1'


def tlv(tag, value):
    n = len(value)
    if n < 0x80:
        hdr = bytes([n])
    elif n < 0x100:
        hdr = bytes([0x81, n])
    else:
        hdr = bytes([0x82]) + struct.pack('!H', n)
    return bytes([tag]) + hdr + value


def subid(x):
    """One subidentifier in base 128 (any size: arcs past 2^32 too)."""
    out = [x & 0x7f]
    x >>= 7
    while x:
        out.append(0x80 | (x & 0x7f))
        x >>= 7
    return bytes(reversed(out))


def oid_bytes(arcs):
    if isinstance(arcs, bytes):
        return arcs  # raw contents
    if isinstance(arcs, str):
        arcs = [int(a) for a in arcs.strip('.').split('.')]
    b = subid(arcs[0] * 40 + arcs[1])
    for a in arcs[2:]:
        b += subid(a)
    return b


def oid(arcs):
    return tlv(0x06, oid_bytes(arcs))


def integer(v):
    return tlv(0x02, v.to_bytes(max(1, (v.bit_length() + 8) // 8), 'big', signed=True))


def octets(b):
    return tlv(0x04, b)


def seq(*items):
    return tlv(0x30, b''.join(items))


NULL = b'\x05\x00'


def timeticks(v):
    return tlv(0x43, v.to_bytes(4, 'big'))


def ipaddr(text):
    return tlv(0x40, bytes(int(x) for x in text.split('.')))


def varbinds(vbs):
    return seq(*[seq(oid(o), v) for o, v in vbs])


def pdu(tag, reqid, vbs, status=0, index=0):
    return tlv(tag, integer(reqid) + integer(status) + integer(index) + varbinds(vbs))


def community(p, version=0, comm=b'public'):
    return seq(integer(version), octets(comm), p)


def v1trap(enterprise, agent, generic, specific, ticks, vbs):
    return tlv(0xa4, oid(enterprise) + ipaddr(agent) + integer(generic) + integer(specific) +
               timeticks(ticks) + varbinds(vbs))


def v3(p, flags=0x04, user=b'admin', engine=bytes.fromhex('80001f8880aabbccdd'), ctx=b''):
    usm = seq(octets(engine), integer(3), integer(1234), octets(user), octets(b''), octets(b''))
    head = seq(integer(77), integer(65507), octets(bytes([flags])), integer(3))
    scoped = seq(octets(engine), octets(ctx), p)
    return seq(integer(3), head, octets(usm), scoped)


GET, GETNEXT, RESPONSE, SET, GETBULK, INFORM, V2TRAP, REPORT = \
    0xa0, 0xa1, 0xa2, 0xa3, 0xa5, 0xa6, 0xa7, 0xa8

# Each abbreviation: exactly it, a named child, a deep name, an unknown arc
# then a name's arc (numbers from there on), and numbers past the names.
MIB2 = ['1.3.6.1.2.1', '1.3.6.1.2.1.1', '1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.5.0',
        '1.3.6.1.2.1.2.2.1.10.3', '1.3.6.1.2.1.4.21.1.7.10.0.0.1',
        '1.3.6.1.2.1.6.13.1.1.127.0.0.1.22.0.0.0.0.0', '1.3.6.1.2.1.7.5.1.2',
        '1.3.6.1.2.1.8.5.1.15', '1.3.6.1.2.1.10.7', '1.3.6.1.2.1.11.30.0',
        '1.3.6.1.2.1.9', '1.3.6.1.2.1.12.1', '1.3.6.1.2.1.99.1', '1.3.6.1.2.1.1.99.1',
        '1.3.6.1.2.1.1.1.0.1.3.6.1', '1.3.6.1.2.1.31.1.1.1.6']
ENTERPRISES = ['1.3.6.1.4.1', '1.3.6.1.4.1.0', '1.3.6.1.4.1.1', '1.3.6.1.4.1.9.1.1',
               '1.3.6.1.4.1.11.2.3', '1.3.6.1.4.1.43', '1.3.6.1.4.1.101',
               '1.3.6.1.4.1.102', '1.3.6.1.4.1.135', '1.3.6.1.4.1.136.1',
               '1.3.6.1.4.1.137', '1.3.6.1.4.1.8072.3.2.10', '1.3.6.1.4.1.2021.11.9.0']
EXPERIMENTAL = ['1.3.6.1.3', '1.3.6.1.3.1', '1.3.6.1.3.5.1.0']
SNMPMODULES = ['1.3.6.1.6.3', '1.3.6.1.6.3.1.1.4.1.0', '1.3.6.1.6.3.1.1.5.3',
               '1.3.6.1.6.3.10.2.1.1.0', '1.3.6.1.6.3.10.2.1.3.0', '1.3.6.1.6.3.10.2.1.5',
               '1.3.6.1.6.3.11.2.1.2.0', '1.3.6.1.6.3.11.3.1.1',
               '1.3.6.1.6.3.15.1.1.4.0', '1.3.6.1.6.3.15.1.2.2.1.3.9.128.0.31.136.4.65.66.67.68',
               '1.3.6.1.6.3.15.2.2.1', '1.3.6.1.6.3.12.1', '1.3.6.1.6.3.16.1']
# The tree from the root: iso.org.dod.internet and the nodes beside the
# abbreviations, one arc off each of them.
ROOT = ['1.3', '1.3.6', '1.3.6.1', '1.3.6.1.1', '1.3.6.1.1.1', '1.3.6.1.2', '1.3.6.1.2.2',
        '1.3.6.1.2.0.1', '1.3.6.1.4', '1.3.6.1.4.2', '1.3.6.1.4.0.9', '1.3.6.1.5', '1.3.6.1.5.5.7',
        '1.3.6.1.6', '1.3.6.1.6.2', '1.3.6.1.6.4', '1.3.6.1.7', '1.3.6.2', '1.3.5', '1.2.840.10045',
        '0.0', '0.4.0.127', '2.5.4.3', '2.999.1', '1.0.8802.1.1.2', '1.39', '2.100']
# Contents as bytes: shorter than an abbreviation, an arc cut (continuation
# bit on the last byte), non-minimal encodings (0x80 padding) that keep the
# bytes from matching an abbreviation, so the names come from the root.
RAW = [b'', b'\x2b', b'\x2b\x06', b'\x2b\x06\x01\x02', b'\x2b\x06\x01\x04',
       b'\x2b\x06\x01\x02\x01\x81', b'\x2b\x06\x01\x04\x01\x89', b'\x2b\x06\x01\x03\xff',
       b'\x2b\x06\x01\x06\x03\x8f', b'\x2b\x86',
       b'\x2b\x06\x01\x02\x80\x01', b'\x2b\x06\x01\x02\x80\x01\x01\x01\x00',
       b'\x2b\x06\x01\x04\x80\x01', b'\x2b\x06\x01\x04\x80\x01\x09\x01',
       b'\x2b\x06\x01\x80\x03', b'\x2b\x06\x01\x80\x03\x05',
       b'\x2b\x06\x01\x06\x80\x03', b'\x2b\x06\x01\x06\x80\x03\x0f\x01\x01\x01',
       b'\x2b\x06\x01\x06\x80\x03\x01\x01\x04\x01\x00', b'\x80\x2b\x06',
       b'\x2b\x06\x01\x02\x01\x01\xff\xff\xff\xff\xff\x01',
       b'\x2b\x06\x01\x02\x01\x01\x80\x80\x80\x80\x80\x80\x01']
W = 2 ** 32
# Arcs of 2^31 and more, and past 2^32 (they wrap to 32 bits, and may then
# land on a name), first subidentifiers of 2^31 and more.
LONG = [[1, 3, 6, 1, 2, 1, 2 ** 31], [1, 3, 6, 1, 2, 1, 2 ** 31 + 1], [1, 3, 6, 1, 2, 1, W - 1],
        [1, 3, 6, 1, 2, 1, W + 1], [1, 3, 6, 1, 2, 1, W + 2, 1], [1, 3, 6, 1, 2, 1, 2 ** 35 + 7],
        [1, 3, 6, 1, 2, 1, 2 ** 64 + 3], [1, 3, 6, 1, 2, 1, 1, W + 1],
        [1, 3, 6, 1, 4, 1, W + 9, 1], [1, 3, 6, 1, 4, 1, 9, W + 9, 1], [1, 3, 6, W + 1],
        [1, 3, 6, 1, 6, 3, 15, W + 1, 1], [1, W + 3], [1, W - 41], [0, 2 ** 31], [0, W - 1],
        [0, W + 5], [2, 2 ** 31 - 80], [2, 2 ** 31 - 81], [2, 2 ** 31], [2, W - 1], [2, W + 3],
        [2, 2 ** 33 + 43], [1, 3, 6, 1, 2, 1, 1, 1, 0, 2 ** 28, 2 ** 21, 2 ** 14, 127, 128]]


def groups():
    """Every OID above in packets of a few."""
    every = MIB2 + ENTERPRISES + EXPERIMENTAL + SNMPMODULES + ROOT + RAW + LONG
    return [every[i:i + 4] for i in range(0, len(every), 4)]


def main_msgs():
    msgs = []
    kinds = [GET, GETNEXT, SET, RESPONSE]
    for n, g in enumerate(groups()):
        kind = kinds[n % 4]
        if kind in (GET, GETNEXT):
            vbs = [(o, NULL) for o in g]
        else:
            vbs = [(o, integer(i)) for i, o in enumerate(g)]
        msgs.append((community(pdu(kind, 100 + n, vbs)), 161))
    # values that are OIDs (sysObjectID, snmpTrapOID), errors, other communities
    msgs.append((community(pdu(RESPONSE, 7, [
        ('1.3.6.1.2.1.1.2.0', oid('1.3.6.1.4.1.9.1.122')),
        ('1.3.6.1.2.1.1.1.0', octets(b'router 1')),
        ('1.3.6.1.2.1.1.3.0', timeticks(123456)),
        ('1.3.6.1.2.1.4.20.1.1.127.0.0.1', ipaddr('127.0.0.1')),
        ('1.3.6.1.2.1.2.2.1.10.1', tlv(0x41, b'\x01\x00')),
        ('1.3.6.1.2.1.2.2.1.5.1', tlv(0x42, b'\x3b\x9a\xca\x00')),
        ('1.3.6.1.6.3.1.1.4.1.0', oid('1.3.6.1.6.3.1.1.5.1')),
        ('1.3.6.1.2.1.1.9', oid(b'\x2b\x06\x01\x03\x05')),
        ('1.3.6.1.2.1.1.10', oid('1.3.6.1.6.3.10.3.1.1'))])), 161))
    msgs.append((community(pdu(RESPONSE, 8, [('1.3.6.1.2.1.1.4.0', NULL)], status=2, index=1),
                           comm=b'private'), 161))
    # SNMPv1 traps: generic ones from named and unnamed enterprises, a
    # specific one, one from an experimental OID
    traps = [('1.3.6.1.4.1.9.1.122', 0, 0), ('1.3.6.1.4.1.8072.3.2.10', 1, 0),
             ('1.3.6.1.2.1.11', 2, 0), ('1.3.6.1.4.1.2', 6, 17), ('1.3.6.1.3.5', 4, 0),
             ('1.3.6.1.6.3.1.1.5', 3, 0), ('1.2.3.4', 5, 0)]
    for ent, gen, spec in traps:
        msgs.append((community(v1trap(ent, '127.0.0.1', gen, spec, 4242, [
            ('1.3.6.1.2.1.2.2.1.1.2', integer(2)), ('1.3.6.1.4.1.9.2.2.1.1.20.2', octets(b'down'))])),
            162))
    # SNMPv2c: getbulk, inform, v2 trap, report
    msgs.append((community(pdu(GETBULK, 9, [('1.3.6.1.2.1.2.2.1.2', NULL),
                                            ('1.3.6.1.4.1.9.9.13', NULL)], 0, 10), 1), 161))
    v2vbs = [('1.3.6.1.2.1.1.3.0', timeticks(99)), ('1.3.6.1.6.3.1.1.4.1.0', oid('1.3.6.1.6.3.1.1.5.4')),
             ('1.3.6.1.2.1.2.2.1.1.3', integer(3)), ('1.3.6.1.4.1.11.2.14.11.1', octets(b'up'))]
    msgs.append((community(pdu(V2TRAP, 10, v2vbs), 1), 162))
    msgs.append((community(pdu(INFORM, 11, v2vbs), 1), 162))
    msgs.append((community(pdu(REPORT, 12, [('1.3.6.1.6.3.15.1.1.4.0', tlv(0x41, b'\x05'))]), 1), 161))
    # SNMPv3 (no auth, auth, auth+priv flags) carrying the same
    msgs.append((v3(pdu(GET, 13, [('1.3.6.1.2.1.1.5.0', NULL), ('1.3.6.1.6.3.10.2.1.1.0', NULL)])), 161))
    msgs.append((v3(pdu(REPORT, 13, [('1.3.6.1.6.3.15.1.1.4.0', tlv(0x41, b'\x07'))]), flags=0), 161))
    msgs.append((v3(pdu(GETNEXT, 14, [('1.3.6.1.4.1.9.9.13.1', NULL)]), flags=0x05, ctx=b'vrf1'), 161))
    msgs.append((v3(pdu(SET, 15, [('1.3.6.1.2.1.1.6.0', octets(b'lab'))]), flags=0x07), 161))
    return msgs


def sweep_msgs():
    """Arcs 0-31 below the named nodes (the tables' columns, the groups'
    objects), 0-140 below enterprises and at the top."""
    parents = ['1.3.6.1.2.1', '1.3.6.1.2.1.1', '1.3.6.1.2.1.2', '1.3.6.1.2.1.2.2.1',
               '1.3.6.1.2.1.3.1.1', '1.3.6.1.2.1.4', '1.3.6.1.2.1.4.20.1', '1.3.6.1.2.1.4.21.1',
               '1.3.6.1.2.1.4.22.1', '1.3.6.1.2.1.5', '1.3.6.1.2.1.6', '1.3.6.1.2.1.6.13.1',
               '1.3.6.1.2.1.7', '1.3.6.1.2.1.7.5.1', '1.3.6.1.2.1.8', '1.3.6.1.2.1.8.5.1',
               '1.3.6.1.2.1.11', '1.3.6.1.6.3', '1.3.6.1.6.3.10', '1.3.6.1.6.3.10.2.1',
               '1.3.6.1.6.3.11', '1.3.6.1.6.3.11.2.1', '1.3.6.1.6.3.11.3', '1.3.6.1.6.3.15',
               '1.3.6.1.6.3.15.1', '1.3.6.1.6.3.15.1.1', '1.3.6.1.6.3.15.1.2',
               '1.3.6.1.6.3.15.1.2.2.1', '1.3.6.1.6.3.15.2', '1.3.6.1', '1.3.6.1.6', '1.3.6.1.3',
               '1.3.6.1.2.1.2.2', '1.3.6.1.2.1.4.20', '1.3.6.1.6.3.15.1.2.2']
    msgs = []
    for p in parents:
        msgs.append((community(pdu(GETNEXT, 1, [(p + '.%d' % a, NULL) for a in range(32)])), 161))
    for lo in range(0, 141, 47):
        msgs.append((community(pdu(GET, 2, [('1.3.6.1.4.1.%d.1' % a, NULL)
                                           for a in range(lo, min(lo + 47, 141))])), 161))
    msgs.append((community(pdu(GET, 3, [('%d.%d' % (a, b), NULL) for a in range(3) for b in range(0, 40, 3)])), 161))
    return msgs


def write(name, msgs, cuts=None):
    p = Pcap(os.path.join(OUT, name + '.pcap'))
    for m, port in msgs:
        f = udp4(m, 1161 if port == 161 else 1162, port, src=HOST, dst=HOST)
        if cuts is None:
            p.add(f)
        else:
            for c in cuts:
                if 42 + c < len(f):
                    p.add(f, caplen=42 + c)
    p.close()


def trunc_msgs():
    """Messages whose capture ends inside the OIDs."""
    return [(community(pdu(GET, 5, [('1.3.6.1.2.1.1.1.0', NULL), ('1.3.6.1.4.1.9.9.13.1.3.1.3', NULL)])), 161),
            (community(v1trap('1.3.6.1.4.1.9.1.122', '127.0.0.1', 6, 1, 5, [])), 162)]


def tag_msgs():
    """Elements with high tag numbers (0x1f, then base-128 bytes) in every
    class and form where the community belongs: tcpdump keeps the number's
    low 8 bits, so some become known tags again (0x82 0x80 0x05 is 5)."""
    tags = [[0x30], [0x7f], [0x81, 0x00], [0x81, 0x30], [0xff, 0x30], [0x82, 0x80, 0x05],
            [0x80, 0x05], [0x83, 0x7f], [0x81, 0x81, 0x81, 0x01], [0x8f, 0xff, 0xff, 0xff, 0x7f],
            [0x90, 0x80, 0x80, 0x80, 0x80, 0x01], [0x80, 0x80, 0x04]]
    return [(seq(integer(0), bytes([lead] + t + [1, 0x41])), 161)
            for lead in (0x1f, 0x3f, 0x5f, 0x7f, 0x9f, 0xbf, 0xdf, 0xff) for t in tags]


write('snmp', main_msgs())
write('snmp_tags', tag_msgs())
write('snmp_sweep', sweep_msgs())
write('snmp_trunc', trunc_msgs(), cuts=[20, 27, 30, 33, 36, 40, 45, 50])
