#!/usr/bin/env python3
"""gen_streams.py OUTDIR - the stream layer's test capture and its plan.

Writes into OUTDIR:
  streams.pcap            every hard case of IP defragmentation and TCP
                          reassembly, the connections' packets interleaved
                          (timestamps increasing);
  streams.expect.json     the plan: per stream and direction the exact bytes
                          that must come out (base64), the gaps (offset,
                          length), the file name docs/streams.md gives it,
                          syn/fin/rst/midstream/closed, the stream id, and the
                          counters the plan determines;
  streams-half.pcap       the first half of streams.pcap's packets, and
  streams-half.expect.json  what a run stopped after them must have written.
With --tcpflow, also streams.tcpflow.json: what tcpflow 1.6 writes for the
same capture (the LAST copy of a byte wins, holes zero-filled), to validate
this generator against an independent reassembler.

Deterministic: a seeded PRNG gives every direction its own random-looking
bytes, so a byte put in the wrong place, or a later copy preferred to the
first, shows.  The bytes each direction must deliver are what was planted
(the payload with the never-sent ranges left out); a small reference model
of the policy in docs/streams.md replays the capture's events and must agree
with the plan (checked here), and gives the counters and the half run."""
import base64
import json
import os
import random
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import (Pcap, ether, ether_vlan, ipv4, ipv6, tcp, udp, ipv4_frag,  # noqa: E402
                     ipv6_frag)

R = random.Random(0x7247a11)
MASK = 0xffffffff
SYN, ACK, PSH, FIN, RST = 0x02, 0x10, 0x08, 0x01, 0x04


class Gen:
    def __init__(self):
        self.ident4 = 0x3000
        self.ident6 = 0x10000
        self.frag_fragments = 0
        self.frag_datagrams = 0
        self.frag_overlaps = 0

    def next_ident(self, fam):
        if fam == 4:
            self.ident4 += 1
            return self.ident4 & 0xffff
        self.ident6 += 7
        return self.ident6


G = Gen()


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def rtext(n):
    """Printable text with newlines (for an exact --follow text check)."""
    words = [b'alpha', b'bravo', b'charlie', b'delta', b'echo', b'foxtrot', b'golf',
             b'hotel', b'india', b'juliett', b'kilo', b'lima', b'42', b'GET', b'/x?y=1']
    out = b''
    while len(out) < n:
        out += R.choice(words) + (b'\n' if R.random() < 0.15 else b' ')
    return out[:n - 1] + b'\n'


def garble(b):
    """The same length, every byte different."""
    return bytes((x + 1 + R.randrange(255)) % 256 for x in b)


def fname(addr, port, fam):
    if fam == 4:
        return '.'.join('%03d' % int(o) for o in addr.split('.')) + '.%05d' % port
    import ipaddress
    return str(ipaddress.IPv6Address(addr)) + '.%05d' % port


class Frame:
    def __init__(self, frame, evs):
        self.frame = frame
        self.evs = evs      # events that become visible with this frame
        self.t = 0


class Conn:
    """One 4-tuple (two streams on it when reused).  Side 0 is the client
    (as src/stream/stream.c and --conversations decide: the SYN's sender,
    the SYN/ACK's receiver, the side not on a well-known port, else the
    first sender)."""
    proto = 'TCP'

    def __init__(self, name, c, cp, s, sp, vlan=None):
        self.name = name
        self.fam = 6 if ':' in c else 4
        self.addr = [(c, cp), (s, sp)]
        self.vlan = vlan
        self.frames = []
        self.streams = []

    def _ip(self, d, transport, proto):
        (src, _), (dst, _) = self.addr[d], self.addr[1 - d]
        if self.fam == 4:
            pkt, et = ipv4(transport, proto, src, dst, ident=G.next_ident(4)), 0x0800
        else:
            pkt, et = ipv6(transport, proto, src, dst), 0x86dd
        return self._link(pkt, et)

    def _link(self, pkt, et):
        if self.vlan is not None:
            return ether_vlan(pkt, self.vlan, et)
        return ether(pkt, et)

    def _frags(self, d, transport, proto, pieces, evs):
        """Sends TRANSPORT (a whole datagram's payload) as fragments: PIECES
        are (start, end, garble) in sending order; with garble, the bytes of
        the piece already held are sent different (the first copy must
        win).  The events go with the fragment completing the datagram."""
        (src, _), (dst, _) = self.addr[d], self.addr[1 - d]
        n = len(transport)
        ident = G.next_ident(self.fam)
        have = bytearray(n)
        last = done = False
        for a, b, garb in pieces:
            assert not done and a % 8 == 0 and 0 <= a < b <= n
            chunk = bytearray(transport[a:b])
            if garb:
                assert any(have[a:b])
                for i in range(a, b):
                    if have[i]:
                        chunk[i - a] = (chunk[i - a] + 1 + R.randrange(255)) % 256
            if any(have[a:b]):
                G.frag_overlaps += 1
            for i in range(a, b):
                have[i] = 1
            more = b < n
            last = last or not more
            if self.fam == 4:
                pkt = ipv4_frag(bytes(chunk), proto, a, more, src, dst, ident=ident)
                et = 0x0800
            else:
                pkt = ipv6_frag(bytes(chunk), proto, a, more, src, dst, ident=ident)
                et = 0x86dd
            G.frag_fragments += 1
            done = last and all(have)
            if done:
                G.frag_datagrams += 1
            self.frames.append(Frame(self._link(pkt, et), evs if done else []))
        assert done, 'fragments do not complete the datagram'


class Tcp(Conn):
    def stream(self, sizes, text=False, midstream=False, isn=None):
        """Opens the next stream on this 4-tuple: direction d carries
        sizes[d] bytes of sequence space."""
        gen = rtext if text else rbytes
        st = {'idx': len(self.streams), 'P': [gen(sizes[0]), gen(sizes[1])],
              'isn': list(isn) if isn else [R.getrandbits(32), R.getrandbits(32)],
              'midstream': midstream, 'gaps': [[], []], 'have': [bytearray(sizes[0]), bytearray(sizes[1])],
              'hi': [0, 0], 'finoff': [None, None], 'syn': [False, False], 'fin': [False, False],
              'rst': [False, False], 'closed': None, 'closed_ok': None}
        self.streams.append(st)
        self.st = st
        return st

    def key(self):
        return (self.name, self.st['idx'])

    def base(self, d):
        st = self.st
        return (st['isn'][d] + (0 if st['midstream'] else 1)) & MASK

    def _ack(self, d):
        o = 1 - d
        return (self.base(o) + self.st['hi'][o] + (1 if self.st['fin'][o] else 0)) & MASK

    def _seg(self, d, flags, seq, payload, ack=True):
        (_, sp), (_, dp) = self.addr[d], self.addr[1 - d]
        (src, _), (dst, _) = self.addr[d], self.addr[1 - d]
        return tcp(payload, sp, dp, seq=seq, ack=self._ack(d) if ack else 0, flags=flags,
                   win=65535, src=src, dst=dst)

    def _emit(self, d, flags, seq, payload, evs, ack=True):
        k = self.key()
        # a stream opens with a SYN or a byte: a bare ACK, FIN or RST of
        # an unknown connection opens nothing (src/stream/stream.c)
        evs = ([(k, 'pkt', d)] if flags & SYN or payload else []) + [(k,) + e for e in evs]
        self.frames.append(Frame(self._ip(d, self._seg(d, flags, seq, payload, ack), 6), evs))

    def syn(self, d=0):
        self.st['syn'][d] = True
        if d == 0:
            self._emit(0, SYN, self.st['isn'][0], b'', [('syn', 0)], ack=False)
        else:
            self._emit(1, SYN | ACK, self.st['isn'][1], b'', [('syn', 1)])

    def handshake(self):
        self.syn(0)
        self.syn(1)
        self.ack(0)

    def ack(self, d):
        self._emit(d, ACK, (self.base(d) + self.st['hi'][d] + (1 if self.st['fin'][d] else 0)) & MASK,
                   b'', [])

    def _payload(self, d, off, n, garb):
        st = self.st
        p = bytearray(st['P'][d][off:off + n])
        assert len(p) == n, (self.name, d, off, n)
        have = st['have'][d]
        if garb:
            assert any(have[off:off + n]), 'garbling bytes never sent'
            for i in range(n):
                if have[off + i]:
                    p[i] = (p[i] + 1 + R.randrange(255)) % 256
        for i in range(n):
            have[off + i] = 1
        st['hi'][d] = max(st['hi'][d], off + n)
        return bytes(p)

    def seg(self, d, off, n, garb=False, flags=PSH | ACK):
        p = self._payload(d, off, n, garb)
        self._emit(d, flags, (self.base(d) + off) & MASK, p, [('data', d, off, p)])

    def fragseg(self, d, off, n, pieces):
        """A data segment sent as IP fragments (see Conn._frags)."""
        p = self._payload(d, off, n, False)
        seg = self._seg(d, PSH | ACK, (self.base(d) + off) & MASK, p)
        k = self.key()
        self._frags(d, seg, 6, pieces, [(k, 'pkt', d), (k, 'data', d, off, p)])

    def missing(self, d, off, n):
        """Bytes never sent: a gap."""
        self.st['gaps'][d].append([off, n])

    def fin(self, d, off=None):
        st = self.st
        off = len(st['P'][d]) if off is None else off
        st['fin'][d] = True
        st['finoff'][d] = off
        self._emit(d, FIN | ACK, (self.base(d) + off) & MASK, b'', [('fin', d, off)])

    def rst(self, d):
        st = self.st
        st['rst'][d] = True
        self._emit(d, RST | ACK, (self.base(d) + st['hi'][d]) & MASK, b'', [('rst', d)])

    def close(self, closed, ok=None):
        self.st['closed'] = closed
        self.st['closed_ok'] = ok or [closed]


class Udp(Conn):
    proto = 'UDP'

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.st = {'idx': 0, 'P': [b'', b''], 'gaps': [[], []], 'midstream': False,
                   'syn': [False, False], 'fin': [False, False], 'rst': [False, False],
                   'closed': 'end', 'closed_ok': ['end']}
        self.streams.append(self.st)

    def dgram(self, d, n, pieces=None):
        p = rbytes(n)
        self.st['P'][d] += p
        (src, sp), (dst, dp) = self.addr[d], self.addr[1 - d]
        u = udp(p, sp, dp, src, dst)
        k = (self.name, 0)
        evs = [(k, 'pkt', d), (k, 'udp', d, p)]
        if pieces is None:
            self.frames.append(Frame(self._ip(d, u, 17), evs))
        else:
            self._frags(d, u, 17, pieces, evs)


def window_shuffle(items, w):
    out = []
    for i in range(0, len(items), w):
        chunk = items[i:i + w]
        R.shuffle(chunk)
        out += chunk
    return out


def cuts(total, lo, hi):
    """Splits range(total) into segments of lo..hi bytes."""
    out, o = [], 0
    while o < total:
        n = min(total - o, R.randint(lo, hi))
        out.append((o, n))
        o += n
    return out


def build():
    C = []

    # plain handshake, data both ways, one segment per direction change, FIN both ways
    c = Tcp('plain4', '192.0.2.10', 40001, '198.51.100.20', 80)
    c.stream((484, 2160), text=True)
    c.handshake()
    c.seg(0, 0, 120); c.seg(1, 0, 1460); c.seg(0, 120, 300); c.seg(1, 1460, 700)
    c.seg(0, 420, 64); c.ack(1); c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    c = Tcp('plain6', '2001:db8::10', 40002, '2001:db8::20', 443)
    c.stream((617, 4000))
    c.handshake()
    c.seg(0, 0, 517); c.seg(1, 0, 1440); c.seg(1, 1440, 1440); c.seg(1, 2880, 1120)
    c.seg(0, 517, 100); c.ack(1); c.fin(1); c.fin(0); c.ack(1)
    c.close('fin')
    C.append(c)

    # retransmissions, identical and different; overlaps
    c = Tcp('retrans4', '192.0.2.11', 40003, '198.51.100.21', 8080)
    c.stream((3000, 2500))
    c.handshake()
    c.seg(0, 0, 500); c.seg(0, 500, 500)
    c.seg(0, 0, 500)                 # identical retransmission
    c.seg(0, 500, 500, garb=True)    # retransmission with different bytes: dropped
    c.seg(0, 1500, 500)              # ahead of a hole (1000-1500): queued
    c.seg(1, 1000, 1000)             # server: ahead of a hole: queued
    c.seg(0, 1500, 500, garb=True)   # differs from the queued copy
    c.seg(1, 1000, 1000, garb=True)  # differs from the queued copy
    c.seg(0, 800, 900, garb=True)    # overlaps delivered (800-1000) and queued (1500-1700), fills the hole
    c.seg(1, 0, 1000)
    c.seg(0, 1900, 500, garb=True)   # partial overlap of delivered data (1900-2000), new 2000-2400
    c.seg(0, 2400, 600)
    c.seg(1, 2000, 500)
    c.seg(0, 2950, 50, garb=True)    # a tail retransmission with different bytes
    c.seg(1, 500, 1500)              # identical retransmission spanning two earlier segments
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    # out of order: reversed; shuffled within a window; many small segments
    c = Tcp('ooo4', '192.0.2.12', 40004, '198.51.100.22', 25)
    segs0 = cuts(2000, 100, 300)
    segs1 = cuts(480, 1, 20)
    c.stream((2000, 480))
    c.handshake()
    for o, n in reversed(segs0):
        c.seg(0, o, n)
    for o, n in window_shuffle(segs1, 8):
        c.seg(1, o, n)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    c = Tcp('ooo6', '2001:db8::12', 40005, '2001:db8::22', 8443)
    segs0 = cuts(800, 1, 7)
    c.stream((800, 6000))
    c.handshake()
    for o, n in window_shuffle(segs0, 16):
        c.seg(0, o, n)
    for k in (1, 0, 3, 2, 5, 4):
        c.seg(1, k * 1000, 1000)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    # missing segments: gaps of exact offset and length, data after delivered;
    # a missing segment at the very end before the FIN
    c = Tcp('gap4', '192.0.2.13', 40006, '198.51.100.23', 110)
    c.stream((3500, 1200))
    c.handshake()
    c.seg(0, 0, 1000); c.missing(0, 1000, 460); c.seg(0, 1460, 1000); c.seg(0, 2460, 540)
    c.seg(1, 0, 800); c.missing(1, 800, 400)
    c.missing(0, 3000, 100); c.seg(0, 3100, 400)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    c = Tcp('gap6', '2001:db8::13', 40007, '2001:db8::23', 21)
    c.stream((1000, 600))
    c.handshake()
    c.missing(0, 0, 200); c.seg(0, 200, 400); c.seg(0, 600, 400)   # the first segment lost
    c.seg(1, 0, 600)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    # sequence wrap: ISN near 2^32, > 8 KiB crossing zero, out of order across it;
    # the server's gap spans zero
    c = Tcp('wrap4', '192.0.2.15', 40008, '198.51.100.25', 443)
    c.stream((12000, 2000), isn=(0xFFFFF000, 0xFFFFFE00))
    c.handshake()
    for k in (0, 1, 2, 4, 3, 6, 5, 11, 10, 9, 8, 7):   # byte 4095 is sequence 0
        c.seg(0, k * 1000, 1000)
    c.seg(1, 0, 400); c.missing(1, 400, 300)            # bytes 400-700: sequence 0xFFFFFF91-0x000000BD
    c.seg(1, 1300, 700); c.seg(1, 700, 600)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    # midstream: no SYN, the first byte seen is offset 0
    c = Tcp('mid4', '192.0.2.16', 40009, '198.51.100.26', 80)
    c.stream((1000, 1500), midstream=True)
    c.seg(0, 0, 700); c.seg(1, 0, 1200); c.seg(0, 700, 300)
    c.seg(0, 0, 700)                 # an identical retransmission of the first segment
    c.seg(1, 1200, 300)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    # IPv6 midstream seen first from port 80 (the server: the client is the
    # side not on a well-known port, as for --conversations), starting with
    # a bare ACK, never finished
    c = Tcp('mid6', '2001:db8::16', 40010, '2001:db8::26', 80)
    c.stream((333, 3000), midstream=True)
    c.ack(1)
    c.seg(1, 0, 1400); c.seg(0, 0, 333); c.seg(1, 1400, 1400); c.seg(1, 2800, 200)
    c.close('end')
    C.append(c)

    # RST ends it
    c = Tcp('rst4', '192.0.2.17', 40011, '198.51.100.27', 6667)
    c.stream((500, 800))
    c.handshake()
    c.seg(0, 0, 300); c.seg(1, 0, 800); c.seg(0, 300, 200)
    c.rst(1)
    c.close('rst')
    C.append(c)

    # a reused 4-tuple: after FIN both ways (and the last ACK), a new SYN
    c = Tcp('reuse4', '192.0.2.18', 40012, '198.51.100.28', 21)
    c.stream((100, 250))
    c.handshake()
    c.seg(0, 0, 100); c.seg(1, 0, 250); c.fin(0); c.fin(1); c.ack(0)
    c.close('fin', ['fin', 'reused'])
    c.stream((150, 400))
    c.handshake()
    c.seg(0, 0, 150); c.seg(1, 0, 400); c.fin(1); c.fin(0); c.ack(1)
    c.close('fin')
    C.append(c)

    # TCP segments in IPv4 fragments: out of order, duplicated, overlapping
    # with different bytes (the first copy wins), a TCP header split across
    # two fragments
    c = Tcp('frag4', '192.0.2.19', 40013, '198.51.100.29', 80)
    c.stream((4000, 2500))
    c.handshake()
    c.fragseg(0, 0, 3000, [(2960, 3020, False), (0, 1480, False), (0, 1480, False),
                           (1400, 2000, True), (1480, 2960, False)])
    c.fragseg(1, 0, 2000, [(1008, 2020, False), (0, 1008, False)])
    c.seg(1, 2000, 500)
    c.seg(0, 3000, 100)
    c.fragseg(0, 3100, 900, [(8, 920, False), (0, 8, False)])
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    c = Tcp('frag6', '2001:db8::19', 40014, '2001:db8::29', 80)
    c.stream((2500, 4000))
    c.handshake()
    c.fragseg(0, 0, 2500, [(1232, 2520, False), (616, 1400, True), (616, 1232, False), (0, 624, False)])
    c.seg(1, 0, 1500)
    c.fragseg(1, 1500, 2500, [(1240, 2520, False), (1240, 2520, False), (0, 1240, False)])
    c.fin(1); c.fin(0); c.ack(1)
    c.close('fin')
    C.append(c)

    # UDP datagrams in fragments, both IP versions (for --follow)
    c = Udp('udp4', '192.0.2.20', 40015, '198.51.100.30', 5000)
    c.dgram(0, 100)
    c.dgram(0, 4000, [(2960, 4008, False), (1480, 2960, False), (1480, 2960, False), (0, 1480, False)])
    c.dgram(1, 3000, [(1480, 3008, False), (1000, 1600, True), (0, 1480, False)])
    c.dgram(1, 50)
    C.append(c)

    c = Udp('udp6', '2001:db8::20', 40016, '2001:db8::30', 5000)
    c.dgram(0, 200)
    c.dgram(0, 3000, [(2400, 3008, False), (0, 1200, False), (1200, 2400, False)])
    c.dgram(1, 2000, [(1000, 2008, False), (504, 1504, True), (0, 512, False)])
    C.append(c)

    # VLAN-tagged
    c = Tcp('vlan4', '192.0.2.21', 40017, '198.51.100.31', 179, vlan=42)
    c.stream((300, 400))
    c.handshake()
    c.seg(0, 0, 200); c.seg(1, 0, 400); c.seg(0, 200, 100)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    # data in one direction only: one file
    c = Tcp('oneway4', '192.0.2.24', 40021, '198.51.100.34', 514)
    c.stream((1500, 0))
    c.handshake()
    c.seg(0, 0, 500); c.seg(0, 500, 500); c.ack(1); c.seg(0, 1000, 500); c.ack(1)
    c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    # no data: no file
    c = Tcp('synonly4', '192.0.2.22', 40018, '198.51.100.32', 22)
    c.stream((0, 0))
    c.syn(0); c.syn(0)
    c.close('end')
    C.append(c)

    c = Tcp('nodata4', '192.0.2.23', 40019, '198.51.100.33', 22)
    c.stream((0, 0))
    c.handshake(); c.fin(0); c.fin(1); c.ack(0)
    c.close('fin')
    C.append(c)

    c = Tcp('nodata6', '2001:db8::23', 40020, '2001:db8::33', 22)
    c.stream((0, 0))
    c.syn(0); c.rst(1)
    c.close('rst')
    C.append(c)
    return C


def interleave(conns, start_us):
    """All connections' frames, each connection's order kept, interleaved at
    random; timestamps 0.1-2 ms apart."""
    pos = {c.name: 0 for c in conns}
    out, t = [], start_us
    live = [c for c in conns if c.frames]
    while live:
        c = R.choices(live, weights=[len(x.frames) - pos[x.name] for x in live])[0]
        f = c.frames[pos[c.name]]
        pos[c.name] += 1
        t += R.randint(100, 2000)
        f.t = t
        out.append(f)
        live = [x for x in live if pos[x.name] < len(x.frames)]
    return out


def tsfmt(t):
    return time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t // 1000000)) + '.%06d+0000' % (t % 1000000)


def model(frames, lastwins=False):
    """The policy of docs/streams.md replayed over the frames' events: the
    first copy of a byte wins (or, with lastwins, the last: tcpflow), holes
    are gaps (a FIN beyond the last byte makes a tail gap).  Returns
    {key: state} with 'id', 'data' [2], 'gaps' [2], 'first'/'last' [2], and
    the counters."""
    S, n = {}, 0
    stats = dict(retrans=0, retrans_differ=0, overlaps=0, out_of_order=0)
    for fr in frames:
        for ev in fr.evs:
            k, kind, d = ev[0], ev[1], ev[2]
            st = S.get(k)
            if st is None and kind != 'pkt':
                continue
            if st is None:
                st = S[k] = {'id': n, 'map': [{}, {}], 'next': [0, 0], 'fin': [None, None],
                             'udp': [b'', b''], 'first': [None, None], 'last': [None, None]}
                n += 1
            if kind == 'fin':
                st['fin'][d] = ev[3]
            elif kind == 'udp':
                st['udp'][d] += ev[3]
                st['first'][d] = st['first'][d] or fr.t
                st['last'][d] = fr.t
            elif kind == 'data':
                off, p = ev[3], ev[4]
                m = st['map'][d]
                nxt = st['next'][d]
                cov = [off + i in m for i in range(len(p))]
                # the counters (src/stream/stream.h, docs/streams.md):
                # retrans: wholly delivered or queued already; overlaps:
                # partly; out_of_order: queued ahead of a hole, new bytes
                # only; retrans_differ: a byte still queued (not yet
                # delivered) came again different.
                if off + len(p) <= nxt or all(cov):
                    stats['retrans'] += 1
                elif off < nxt or (off > nxt and any(cov)):
                    stats['overlaps'] += 1
                elif off > nxt:
                    stats['out_of_order'] += 1
                if any(off + i >= nxt and cov[i] and m[off + i] != p[i] for i in range(len(p))):
                    stats['retrans_differ'] += 1
                if all(cov) and not lastwins:
                    continue
                for i in range(len(p)):
                    if lastwins or not cov[i]:
                        m[off + i] = p[i]
                while st['next'][d] in m:
                    st['next'][d] += 1
                st['first'][d] = st['first'][d] or fr.t
                st['last'][d] = fr.t
    for k, st in S.items():
        st['data'], st['gaps'], st['zero'] = [], [], []
        for d in (0, 1):
            m = st['map'][d]
            end = max(m) + 1 if m else 0
            if st['fin'][d] is not None and (m or lastwins):
                end = max(end, st['fin'][d])
            data, gaps, zero, o = bytearray(), [], bytearray(), 0
            while o < end:
                if o in m:
                    data.append(m[o])
                    zero.append(m[o])
                    o += 1
                else:
                    a = o
                    while o < end and o not in m:
                        o += 1
                    gaps.append([a, o - a])
                    if o < end or not lastwins:
                        zero += bytes(o - a)
            st['data'].append(bytes(data) + st['udp'][d])
            st['gaps'].append(gaps)
            st['zero'].append(bytes(zero))
    return S, stats


def plan(conns, frames, S):
    """The expectation: per stream, the planted bytes and gaps."""
    out = []
    for c in conns:
        for st in c.streams:
            k = (c.name, st['idx'])
            m = S.get(k)
            ent = {'name': c.name, 'proto': c.proto, 'stream_id': m['id'] if m else None,
                   'reuse': st['idx'], 'vlan': c.vlan, 'midstream': st['midstream'],
                   'closed': st['closed'], 'closed_ok': st['closed_ok'],
                   'simple': c.name in ('plain4', 'plain6', 'vlan4', 'rst4', 'reuse4', 'oneway4'),
                   'dirs': []}
            for d in (0, 1):
                (src, sp), (dst, dp) = c.addr[d], c.addr[1 - d]
                P = st['P'][d]
                keep = bytearray(len(P))
                for o, n in st['gaps'][d]:
                    keep[o:o + n] = b'\1' * n
                data = bytes(b for i, b in enumerate(P) if not keep[i])
                gaps = sorted(st['gaps'][d])
                if m is not None:
                    assert m['data'][d] == data, ('model disagrees with the plan', c.name, st['idx'], d)
                    assert m['gaps'][d] == gaps, ('model gaps', c.name, d, m['gaps'][d], gaps)
                f = None
                if c.proto == 'TCP' and data:
                    f = fname(src, sp, c.fam) + '-' + fname(dst, dp, c.fam)
                    if c.vlan is not None:
                        f += '--%d' % c.vlan
                    if st['idx']:
                        f += 'c%d' % st['idx']
                ent['dirs'].append({
                    'direction': ('to_server', 'to_client')[d], 'src_ip': src, 'src_port': sp,
                    'dest_ip': dst, 'dest_port': dp, 'file': f, 'bytes': len(data),
                    'data': base64.b64encode(data).decode(), 'gaps': gaps,
                    'gap_bytes': sum(n for _, n in gaps),
                    'syn': st['syn'][d], 'fin': st['fin'][d], 'rst': st['rst'][d],
                    'first': tsfmt(m['first'][d]) if m and m['first'][d] else None,
                    'last': tsfmt(m['last'][d]) if m and m['last'][d] else None})
            out.append(ent)
    return out


def model_plan(conns, S):
    """The expectation of a partial run, from the model alone."""
    out = []
    for c in conns:
        for st in c.streams:
            k = (c.name, st['idx'])
            if k not in S:
                continue
            m = S[k]
            ent = {'name': c.name, 'proto': c.proto, 'stream_id': m['id'], 'reuse': st['idx'],
                   'vlan': c.vlan, 'dirs': []}
            for d in (0, 1):
                (src, sp), (dst, dp) = c.addr[d], c.addr[1 - d]
                data = m['data'][d]
                f = None
                if c.proto == 'TCP' and data:
                    f = fname(src, sp, c.fam) + '-' + fname(dst, dp, c.fam)
                    if c.vlan is not None:
                        f += '--%d' % c.vlan
                    if st['idx']:
                        f += 'c%d' % st['idx']
                ent['dirs'].append({'direction': ('to_server', 'to_client')[d], 'src_ip': src,
                                    'src_port': sp, 'dest_ip': dst, 'dest_port': dp, 'file': f,
                                    'bytes': len(data), 'data': base64.b64encode(data).decode(),
                                    'gaps': m['gaps'][d], 'gap_bytes': sum(n for _, n in m['gaps'][d])})
            out.append(ent)
    return out


def follow_text(conn, frames):
    """--follow's text for a connection whose every data segment is its own
    block (in order, the direction changing each time): headers and bytes."""
    out = ''
    for fr in frames:
        for ev in fr.evs:
            if ev[0][0] == conn.name and ev[1] == 'data':
                d, off, p = ev[2], ev[3], ev[4]
                (src, sp), (dst, dp) = conn.addr[d], conn.addr[1 - d]
                t = fr.t
                out += '== %s.%06d TCP %s.%d > %s.%d: bytes %d:%d (%d)\n' % (
                    time.strftime('%H:%M:%S', time.gmtime(t // 1000000)), t % 1000000,
                    src, sp, dst, dp, off, off + len(p), len(p))
                s = p.decode('ascii')
                out += s if s.endswith('\n') else s + '\n'
    return out


def check_frags(path):
    """An independent look at the written capture: its fragments put
    together (the first copy of a byte winning) must give datagrams whose
    TCP/UDP checksums (computed over the planted bytes) hold; the last copy
    winning must break some (the overlaps with different bytes are there)."""
    from pcaplib import cksum
    f = open(path, 'rb').read()
    o, pend, done, first_bad, last_bad = 24, {}, 0, 0, 0
    while o < len(f):
        cl = struct.unpack('<I', f[o + 8:o + 12])[0]
        fr, o = f[o + 16:o + 16 + cl], o + 16 + cl
        et, p = struct.unpack('!H', fr[12:14])[0], fr[14:]
        if et == 0x8100:
            et, p = struct.unpack('!H', p[2:4])[0], p[4:]
        if et == 0x0800:
            fo = struct.unpack('!H', p[6:8])[0]
            if not fo & 0x3fff:
                continue
            src, dst, proto, more, off = p[12:16], p[16:20], p[9], fo & 0x2000, (fo & 0x1fff) * 8
            key, data = (src, dst, p[4:6], proto), p[(p[0] & 15) * 4:struct.unpack('!H', p[2:4])[0]]
        elif et == 0x86dd and p[6] == 44:
            src, dst, proto = p[8:24], p[24:40], p[40]
            fo = struct.unpack('!H', p[42:44])[0]
            more, off, key, data = fo & 1, fo & ~7, (src, dst, p[44:48]), p[48:]
        else:
            continue
        d = pend.setdefault(key, [{}, {}, None])
        for i, b in enumerate(data):
            d[0].setdefault(off + i, b)
            d[1][off + i] = b
        if not more:
            d[2] = off + len(data)
        if d[2] is not None and all(i in d[0] for i in range(d[2])):
            del pend[key]
            done += 1
            for k, m in enumerate(d[:2]):
                dg = bytes(m[i] for i in range(d[2]))
                ph = src + dst + (struct.pack('!BBH', 0, proto, len(dg)) if len(src) == 4
                                  else struct.pack('!IxxxB', len(dg), proto))
                if cksum(ph + dg):
                    if k == 0:
                        first_bad += 1
                    else:
                        last_bad += 1
    assert done == G.frag_datagrams and not pend and not first_bad and last_bad, \
        ('fragments', done, len(pend), first_bad, last_bad)


def write_pcap(path, frames):
    p = Pcap(path)
    for f in frames:
        p.add(f.frame, ts=f.t)
    p.close()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    outdir = args[0] if args else '.'
    os.makedirs(outdir, exist_ok=True)
    conns = build()
    frames = interleave(conns, 1700000000 * 1000000)
    S, stats = model(frames)
    streams = plan(conns, frames, S)
    bymodel = [0, 0, 0, 0]
    for st in S.values():
        for d in (0, 1):
            bymodel[0] += len(st['data'][d])
            bymodel[1] += len(st['gaps'][d])
            bymodel[2] += sum(n for _, n in st['gaps'][d])
    tcp_streams = sum(1 for c in conns if c.proto == 'TCP' for st in c.streams)
    stats.update(tcp_streams=tcp_streams, udp_streams=sum(1 for c in conns if c.proto == 'UDP'),
                 bytes=bymodel[0], gaps=bymodel[1], gap_bytes=bymodel[2], evicted=0, truncated=0,
                 frag_fragments=G.frag_fragments, frag_datagrams=G.frag_datagrams,
                 frag_overlaps=G.frag_overlaps, frag_timeout=0, frag_mem=0, frag_bad=0,
                 gap_flow_mem=0, gap_total_mem=0)
    plain4 = [c for c in conns if c.name == 'plain4'][0]
    gap4 = [c for c in conns if c.name == 'gap4'][0]
    gap_lines = []
    for st in streams:
        if st['name'] == 'gap4':
            for dd in st['dirs']:
                for o, n in dd['gaps']:
                    gap_lines.append('TCP %s.%d > %s.%d: gap %d:%d (%d bytes missing)' % (
                        dd['src_ip'], dd['src_port'], dd['dest_ip'], dd['dest_port'], o, o + n, n))
    doc = {'capture': 'streams.pcap', 'packets': len(frames), 'first': tsfmt(frames[0].t),
           'last': tsfmt(frames[-1].t), 'streams': streams,
           'stats': stats,
           'follow_text': {'filter': 'tcp port %d' % plain4.addr[0][1], 'text': follow_text(plain4, frames)},
           'follow_gaps': {'filter': 'tcp port %d' % gap4.addr[0][1], 'lines': gap_lines}}
    write_pcap(os.path.join(outdir, 'streams.pcap'), frames)
    check_frags(os.path.join(outdir, 'streams.pcap'))
    with open(os.path.join(outdir, 'streams.expect.json'), 'w') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')
    # the first half, and what a run stopped there must have written
    half = frames[:len(frames) // 2]
    Sh, _ = model(half)
    write_pcap(os.path.join(outdir, 'streams-half.pcap'), half)
    with open(os.path.join(outdir, 'streams-half.expect.json'), 'w') as f:
        json.dump({'capture': 'streams-half.pcap', 'packets': len(half), 'streams': model_plan(conns, Sh)}, f, indent=1)
        f.write('\n')
    if '--tcpflow' in sys.argv:
        Sl, _ = model(frames, lastwins=True)
        files = {}
        for c in conns:
            for st in c.streams:
                m = Sl.get((c.name, st['idx']))
                for d in (0, 1):
                    if c.proto != 'TCP' or not m or not m['zero'][d]:
                        continue
                    (src, sp), (dst, dp) = c.addr[d], c.addr[1 - d]
                    fn = fname(src, sp, c.fam) + '-' + fname(dst, dp, c.fam)
                    fn += ('--%d' % c.vlan if c.vlan is not None else '') + ('c%d' % st['idx'] if st['idx'] else '')
                    files[fn] = base64.b64encode(m['zero'][d]).decode()
        with open(os.path.join(outdir, 'streams.tcpflow.json'), 'w') as f:
            json.dump(files, f, indent=1)


if __name__ == '__main__':
    main()
