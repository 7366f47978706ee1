#!/usr/bin/env python3
"""probes.py DIR - writes small captures into DIR, each exercising one
reassembly or naming case the tcpdump corpus lacks (IPv6, stacked VLAN tags,
a reused 4-tuple after FIN, RST or neither, holes, overlapping copies that
differ, fragments, SYN with data, sequence wrap, other link types).  tcpflow
1.6.1's files for them are recorded in tcpflow.expected next to the corpus's
(tools/record-tcpflow.sh); tcpflow.sh compares trawl's with them.
Deterministic: the same bytes on every run."""
import ipaddress
import os
import struct
import sys



# ---- a minimal packet kit of its own (the recorded tcpflow results depend
# on these exact bytes, so nothing here is shared with other generators)
class Pcap:
    """A classic pcap file, Ethernet unless told; timestamps 1 ms apart."""

    def __init__(self, path, linktype=1):
        self.f = open(path, 'wb')
        self.f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        self.t = 1700000000 * 1000000

    def add(self, frame, caplen=None):
        n = min(len(frame), 65535 if caplen is None else caplen)
        self.f.write(struct.pack('<IIII', self.t // 1000000, self.t % 1000000, n, len(frame)))
        self.f.write(frame[:n])
        self.t += 1000

    def close(self):
        self.f.close()


def cksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def addr(text):
    return ipaddress.ip_address(text).packed


def ether(payload, etype=0x0800):
    return b'\x00\x0c\x29\xaa\xbb\xcc\x00\x50\x56\x10\x20\x30' + struct.pack('!H', etype) + payload


def ipv4(payload, proto, src, dst, ident=1, flags=0x4000):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), ident, flags, 64, proto, 0,
                    addr(src), addr(dst))
    return h[:10] + struct.pack('!H', cksum(h)) + h[12:] + payload


def ipv6(payload, nh, src, dst):
    return struct.pack('!IHBB', 6 << 28, len(payload), nh, 64) + addr(src) + addr(dst) + payload


def tcp(payload, sport, dport, seq=1, ack=0, flags=0x18, src='', dst=''):
    h = struct.pack('!HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 8192, 0, 0)
    s, d = addr(src), addr(dst)
    pseudo = s + d + (struct.pack('!BBH', 0, 6, 20 + len(payload)) if len(s) == 4
                      else struct.pack('!IxxxB', 20 + len(payload), 6))
    return h[:16] + struct.pack('!H', cksum(pseudo + h + payload)) + h[18:] + payload


SYN, FIN, RST, PSH, ACK = 0x02, 0x01, 0x04, 0x08, 0x10
C4, S4 = '10.1.0.1', '10.2.0.2'
C6, S6 = '2001:db8::10', '2001:db8:0:1::20'


def body(tag, n):
    """n bytes of recognisable text: tag, then a counter."""
    out = b''
    i = 0
    while len(out) < n:
        out += b'%s-%05d\n' % (tag, i)
        i += 1
    return out[:n]


class Conn:
    """One TCP connection; seq/ack tracked per side; frames go to a writer."""

    def __init__(self, w, c=C4, s=S4, cport=40000, sport=80, isn=(1000, 5000), frame=None):
        self.w, self.c, self.s, self.cport, self.sport = w, c, s, cport, sport
        self.seq = [isn[0], isn[1]]
        self.frame = frame or self.eth

    def eth(self, seg, src, dst):
        if ':' in src:
            return ether(ipv6(seg, 6, src, dst), 0x86dd)
        return ether(ipv4(seg, 6, src, dst))

    def pkt(self, side, flags, data=b'', seq=None, advance=True):
        src, dst = (self.c, self.s) if side == 0 else (self.s, self.c)
        sp, dp = (self.cport, self.sport) if side == 0 else (self.sport, self.cport)
        s = self.seq[side] if seq is None else seq
        ack = self.seq[1 - side] & 0xffffffff if flags & ACK else 0
        seg = tcp(data, sp, dp, seq=s & 0xffffffff, ack=ack, flags=flags, src=src, dst=dst)
        self.w.add(self.frame(seg, src, dst))
        if advance and seq is None:
            self.seq[side] += len(data) + (1 if flags & (SYN | FIN) else 0)

    def open(self):
        self.pkt(0, SYN)
        self.pkt(1, SYN | ACK)
        self.pkt(0, ACK)

    def send(self, side, data):
        self.pkt(side, PSH | ACK, data)

    def close(self):
        self.pkt(0, FIN | ACK)
        self.pkt(1, FIN | ACK)
        self.pkt(0, ACK)


def simple(w, **kw):
    c = Conn(w, **kw)
    c.open()
    c.send(0, body(b'req', 120))
    c.send(1, body(b'resp', 300))
    c.close()
    return c


def p_ipv6(w):
    simple(w, c=C6, s=S6, cport=50123, sport=443)
    simple(w, c='fe80::1', s='::ffff:10.0.0.1', cport=1, sport=65535)


def vlan_frame(tags):
    def f(seg, src, dst):
        ip = ipv6(seg, 6, src, dst) if ':' in src else ipv4(seg, 6, src, dst)
        inner = 0x86dd if ':' in src else 0x0800
        hdr = b''
        for i, (tpid, tci) in enumerate(tags):
            nxt = tags[i + 1][0] if i + 1 < len(tags) else inner
            hdr += struct.pack('!H', tci) + struct.pack('!H', nxt)
        # ether() writes the first TPID as the ethertype
        return ether(hdr + ip, tags[0][0])
    return f


def p_vlan(w):
    simple(w, frame=vlan_frame([(0x8100, 100)]), cport=40001)
    simple(w, frame=vlan_frame([(0x8100, (3 << 13) | 100)]), cport=40002)  # priority 3
    simple(w, frame=vlan_frame([(0x8100, 4095)]), cport=40003)


def p_qinq(w):
    simple(w, frame=vlan_frame([(0x88a8, 10), (0x8100, 20)]), cport=40004)
    simple(w, frame=vlan_frame([(0x8100, 30), (0x8100, 40)]), cport=40005)


def p_vlan_v6(w):
    simple(w, c=C6, s=S6, frame=vlan_frame([(0x8100, 7)]))


def p_reuse_fin(w):
    simple(w, isn=(1000, 5000))
    simple(w, isn=(900000, 700000))  # same 4-tuple, after FIN both ways
    simple(w, isn=(5, 7))


def p_reuse_rst(w):
    c = Conn(w, isn=(1000, 5000))
    c.open()
    c.send(0, body(b'one', 50))
    c.send(1, body(b'uno', 60))
    c.pkt(1, RST | ACK)
    simple(w, isn=(200000, 300000))


def p_reuse_open(w):
    # a new SYN (new ISNs) while the first connection never closed
    c = Conn(w, isn=(1000, 5000))
    c.open()
    c.send(0, body(b'one', 50))
    c.send(1, body(b'uno', 60))
    simple(w, isn=(200000, 300000))


def p_reuse_onefin(w):
    c = Conn(w, isn=(1000, 5000))
    c.open()
    c.send(0, body(b'one', 50))
    c.send(1, body(b'uno', 60))
    c.pkt(0, FIN | ACK)
    c.pkt(1, ACK)
    simple(w, isn=(200000, 300000))


def p_reuse_same_isn(w):
    # after FIN both ways, a SYN with the same ISN as before
    simple(w, isn=(1000, 5000))
    simple(w, isn=(1000, 5000))


def p_midstream(w):
    c = Conn(w, isn=(77777, 88888))
    c.send(0, body(b'mid', 100))
    c.send(1, body(b'dim', 200))
    c.send(0, body(b'mid2', 100))
    c.close()


def p_midstream_before(w):
    # midstream; then a segment from before the first one seen
    c = Conn(w, isn=(77777, 88888))
    c.pkt(0, PSH | ACK, body(b'second', 100), seq=77777 + 100)
    c.pkt(0, PSH | ACK, body(b'first', 100), seq=77777)
    c.pkt(0, PSH | ACK, body(b'third', 100), seq=77777 + 200)


def p_gap(w):
    c = Conn(w)
    c.open()
    base = c.seq[0]
    c.pkt(0, PSH | ACK, body(b'aa', 100), seq=base)
    c.pkt(0, PSH | ACK, body(b'cc', 100), seq=base + 200)   # 100 missing
    c.pkt(0, PSH | ACK, body(b'dd', 100), seq=base + 300)
    c.pkt(0, PSH | ACK, body(b'ff', 50), seq=base + 1400)   # 1000 missing
    c.seq[0] = base + 1450
    c.send(1, body(b'resp', 80))
    c.close()


def p_gap_filled(w):
    # out of order, then filled: no hole in the end
    c = Conn(w)
    c.open()
    base = c.seq[0]
    c.pkt(0, PSH | ACK, body(b'bb', 100), seq=base + 100)
    c.pkt(0, PSH | ACK, body(b'cc', 100), seq=base + 200)
    c.pkt(0, PSH | ACK, body(b'aa', 100), seq=base)
    c.seq[0] = base + 300
    c.close()


def p_gap_big(w):
    # a hole of 3 MB (under trawl's 4 MiB per-direction bound) and one of 40 MB
    c = Conn(w)
    c.open()
    base = c.seq[0]
    c.pkt(0, PSH | ACK, body(b'aa', 100), seq=base)
    c.pkt(0, PSH | ACK, body(b'bb', 100), seq=base + 3000000)
    c.pkt(0, PSH | ACK, body(b'cc', 100), seq=base + 43000000)
    c.seq[0] = base + 43000100
    c.close()


def p_overlap(w):
    c = Conn(w)
    c.open()
    base = c.seq[0]
    c.pkt(0, PSH | ACK, b'A' * 100, seq=base)
    c.pkt(0, PSH | ACK, b'B' * 100, seq=base + 50)    # 50 bytes overlap, differ
    c.pkt(0, PSH | ACK, b'C' * 100, seq=base)         # whole retransmission, differs
    c.pkt(0, PSH | ACK, b'D' * 50, seq=base + 150)
    c.seq[0] = base + 200
    c.close()


def p_overlap_queued(w):
    # overlapping copies both ahead of the next byte (queued), then the hole filled
    c = Conn(w)
    c.open()
    base = c.seq[0]
    c.pkt(0, PSH | ACK, b'X' * 100, seq=base + 100)
    c.pkt(0, PSH | ACK, b'Y' * 100, seq=base + 150)
    c.pkt(0, PSH | ACK, b'Z' * 100, seq=base)
    c.seq[0] = base + 250
    c.close()


def p_retrans(w):
    c = Conn(w)
    c.open()
    d = body(b'same', 200)
    base = c.seq[0]
    c.pkt(0, PSH | ACK, d, seq=base)
    c.pkt(0, PSH | ACK, d, seq=base)
    c.pkt(0, PSH | ACK, d[:100], seq=base)
    c.seq[0] = base + 200
    c.close()


def frag4(seg, src, dst, ident, sizes):
    """IPv4 fragments of one TCP segment; sizes are fragment payload
    lengths (multiples of 8 but the last)."""
    out, off = [], 0
    for i, n in enumerate(sizes):
        more = 0x2000 if i + 1 < len(sizes) else 0
        out.append(ether(ipv4(seg[off:off + n], 6, src, dst, ident=ident,
                              flags=more | (off // 8))))
        off += n
    assert off == len(seg)
    return out


def p_frag4(w):
    c = Conn(w)
    c.open()
    d = body(b'frag', 1000)
    seg = tcp(d, c.cport, c.sport, seq=c.seq[0], ack=c.seq[1], flags=PSH | ACK, src=c.c, dst=c.s)
    fr = frag4(seg, c.c, c.s, 4242, [400, 400, len(seg) - 800])
    for f in (fr[0], fr[2], fr[1]):  # out of order
        w.add(f)
    c.seq[0] += len(d)
    c.send(1, body(b'ok', 20))
    c.close()


def p_frag6(w):
    c = Conn(w, c=C6, s=S6)
    c.open()
    d = body(b'frag6', 1000)
    seg = tcp(d, c.cport, c.sport, seq=c.seq[0], ack=c.seq[1], flags=PSH | ACK, src=c.c, dst=c.s)
    off = 0
    for n in (512, len(seg) - 512):
        more = 1 if off == 0 else 0
        fh = struct.pack('!BBHI', 6, 0, off | more, 0x1234)
        w.add(ether(ipv6(fh + seg[off:off + n], 44, c.c, c.s), 0x86dd))
        off += n
    c.seq[0] += len(d)
    c.send(1, body(b'ok', 20))
    c.close()


def p_syn_data(w):
    c = Conn(w)
    c.pkt(0, SYN, b'early data in the SYN')
    c.pkt(1, SYN | ACK)
    c.pkt(0, ACK)
    c.send(0, body(b'after', 40))
    c.send(1, body(b'back', 40))
    c.close()


def p_wrap(w):
    c = Conn(w, isn=(0xffffff00, 0xfffffff0))
    c.open()
    for i in range(4):
        c.send(0, body(b'w%d' % i, 100))
        c.send(1, body(b'v%d' % i, 10))
    c.close()


def p_data_after_fin(w):
    c = Conn(w)
    c.open()
    c.send(0, body(b'before', 30))
    c.pkt(0, FIN | ACK)
    c.pkt(0, PSH | ACK, body(b'after', 30))   # past the FIN: seq continues
    c.pkt(1, FIN | ACK)
    c.pkt(0, ACK)


def p_rst_data(w):
    c = Conn(w)
    c.open()
    c.send(0, body(b'x', 30))
    c.pkt(1, RST | ACK, b'reset with data')


def p_snaplen(w):
    # segments captured in part (snap length 100): caplen < len
    c = Conn(w)
    c.open()
    base = c.seq[0]
    for i in range(3):
        d = body(b'snap%d' % i, 200)
        seg = tcp(d, c.cport, c.sport, seq=base + 200 * i, ack=c.seq[1], flags=PSH | ACK,
                  src=c.c, dst=c.s)
        w.add(ether(ipv4(seg, 6, c.c, c.s)), caplen=100)
    c.seq[0] = base + 600
    c.close()


def raw_frame(seg, src, dst):
    return ipv6(seg, 6, src, dst) if ':' in src else ipv4(seg, 6, src, dst)


def null_frame(seg, src, dst):
    return struct.pack('<I', 30 if ':' in src else 2) + raw_frame(seg, src, dst)


def sll_frame(seg, src, dst):
    proto = 0x86dd if ':' in src else 0x0800
    return struct.pack('!HHH8sH', 0, 1, 6, b'\x00\x50\x56\x10\x20\x30\x00\x00', proto) + \
        raw_frame(seg, src, dst)


LINK = {'raw101': (101, raw_frame), 'raw12': (12, raw_frame), 'null': (0, null_frame),
        'loop': (108, lambda s, a, b: struct.pack('!I', 2) + raw_frame(s, a, b)),
        'sll': (113, sll_frame)}

PROBES = {
    'ipv6': p_ipv6, 'vlan': p_vlan, 'qinq': p_qinq, 'vlan-v6': p_vlan_v6,
    'reuse-fin': p_reuse_fin, 'reuse-rst': p_reuse_rst, 'reuse-open': p_reuse_open,
    'reuse-onefin': p_reuse_onefin, 'reuse-same-isn': p_reuse_same_isn,
    'midstream': p_midstream, 'midstream-before': p_midstream_before,
    'gap': p_gap, 'gap-filled': p_gap_filled, 'gap-big': p_gap_big,
    'overlap': p_overlap, 'overlap-queued': p_overlap_queued, 'retrans': p_retrans,
    'frag4': p_frag4, 'frag6': p_frag6, 'syn-data': p_syn_data, 'wrap': p_wrap,
    'data-after-fin': p_data_after_fin, 'rst-data': p_rst_data, 'snaplen': p_snaplen,
}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, fn in PROBES.items():
        w = Pcap(os.path.join(out, 'probe-%s.pcap' % name))
        fn(w)
        w.close()
    for name, (dlt, frame) in LINK.items():
        w = Pcap(os.path.join(out, 'probe-link-%s.pcap' % name), linktype=dlt)
        simple(w, frame=frame)
        simple(w, c=C6, s=S6, frame=frame)
        w.close()


if __name__ == '__main__':
    main()
