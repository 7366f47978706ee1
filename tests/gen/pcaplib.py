"""pcaplib - the small packet-building kit the golden-capture generators
(tests/gen/gen_*.py) share.  Deterministic: no clocks, no randomness unless
seeded by the caller.  Checksums are computed unless a value is given."""
import struct

DLT_EN10MB = 1


def cksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def ip4(text):
    return bytes(int(x) for x in text.split('.'))


def ip6(text):
    import ipaddress
    return ipaddress.IPv6Address(text).packed


def mac(text):
    return bytes(int(x, 16) for x in text.split(':'))


class Pcap:
    """A classic pcap file; packets get timestamps one millisecond apart
    from `start` unless given."""

    def __init__(self, path, linktype=DLT_EN10MB, snaplen=65535, start=1700000000):
        self.f = open(path, 'wb')
        self.f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, snaplen, linktype))
        self.snaplen = snaplen
        self.t = start * 1000000

    def add(self, frame, caplen=None, ts=None):
        if ts is not None:
            self.t = ts
        n = min(len(frame), self.snaplen if caplen is None else caplen)
        self.f.write(struct.pack('<IIII', self.t // 1000000, self.t % 1000000, n, len(frame)))
        self.f.write(frame[:n])
        self.t += 1000

    def close(self):
        self.f.close()


def ether(payload, etype=0x0800, src='00:50:56:10:20:30', dst='00:0c:29:aa:bb:cc'):
    return mac(dst) + mac(src) + struct.pack('!H', etype) + payload


def ipv4(payload, proto, src='192.0.2.1', dst='198.51.100.2', ttl=64, ident=1, flags=0x4000,
         tos=0, options=b''):
    hl = 20 + len(options)
    h = struct.pack('!BBHHHBBH4s4s', 0x40 | (hl // 4), tos, hl + len(payload), ident, flags,
                    ttl, proto, 0, ip4(src), ip4(dst)) + options
    h = h[:10] + struct.pack('!H', cksum(h)) + h[12:]
    return h + payload


def ipv6(payload, nh, src='2001:db8::1', dst='2001:db8::2', hlim=64, tclass=0, flow=0):
    return struct.pack('!IHBB', (6 << 28) | (tclass << 20) | flow, len(payload), nh, hlim) + \
        ip6(src) + ip6(dst) + payload


def _pseudo(src, dst, proto, length):
    if len(src) == 4:
        return src + dst + struct.pack('!BBH', 0, proto, length)
    return src + dst + struct.pack('!IxxxB', length, proto)


def udp(payload, sport, dport, src='192.0.2.1', dst='198.51.100.2', csum=None):
    addr = ip6 if ':' in src else ip4
    h = struct.pack('!HHHH', sport, dport, 8 + len(payload), 0)
    if csum is None:
        csum = cksum(_pseudo(addr(src), addr(dst), 17, 8 + len(payload)) + h + payload) or 0xffff
    return h[:6] + struct.pack('!H', csum) + payload


def tcp(payload, sport, dport, seq=1, ack=0, flags=0x18, win=8192, options=b'',
        src='192.0.2.1', dst='198.51.100.2', urg=0):
    addr = ip6 if ':' in src else ip4
    hl = 20 + len(options)
    h = struct.pack('!HHIIBBHHH', sport, dport, seq, ack, (hl // 4) << 4, flags, win, 0, urg) + options
    c = cksum(_pseudo(addr(src), addr(dst), 6, hl + len(payload)) + h + payload)
    return h[:16] + struct.pack('!H', c) + h[18:] + payload


def udp4(payload, sport, dport, src='192.0.2.1', dst='198.51.100.2', **kw):
    return ether(ipv4(udp(payload, sport, dport, src, dst), 17, src, dst, **kw))


def udp6(payload, sport, dport, src='2001:db8::1', dst='2001:db8::2'):
    return ether(ipv6(udp(payload, sport, dport, src, dst), 17, src, dst), 0x86dd)


def tcp4(payload, sport, dport, src='192.0.2.1', dst='198.51.100.2', **kw):
    return ether(ipv4(tcp(payload, sport, dport, src=src, dst=dst, **kw), 6, src, dst))


def ether_vlan(payload, vid, etype=0x0800, pcp=0, **kw):
    """An Ethernet frame with one 802.1Q tag (VLAN ID vid) before etype."""
    return ether(struct.pack('!HH', (pcp << 13) | (vid & 0xfff), etype) + payload, 0x8100, **kw)


def ipv4_frag(data, proto, off, more, src='192.0.2.1', dst='198.51.100.2', ident=1, ttl=64):
    """One IPv4 fragment: DATA is the part of the datagram's payload (what
    follows the IP header) starting at byte OFF (a multiple of 8 unless it
    is the only fragment); MORE sets the more-fragments flag."""
    assert off % 8 == 0
    return ipv4(data, proto, src, dst, ttl=ttl, ident=ident,
                flags=(0x2000 if more else 0) | (off >> 3))


def ipv6_frag(data, nh, off, more, src='2001:db8::1', dst='2001:db8::2', ident=1, hlim=64):
    """One IPv6 fragment (a Fragment extension header, then DATA, the part
    of the fragmentable payload starting at byte OFF; NH the protocol it
    carries)."""
    assert off % 8 == 0
    fh = struct.pack('!BBHI', nh, 0, off | (1 if more else 0), ident)
    return ipv6(fh + data, 44, src, dst, hlim=hlim)


def write_frames(path, frames, linktype=DLT_EN10MB, cuts=None, snaplen=65535):
    """Writes FRAMES to the pcap file PATH; with CUTS, each frame once per
    cut shorter than it (caplen = the cut) instead of whole."""
    p = Pcap(path, linktype=linktype, snaplen=snaplen)
    for f in frames:
        if cuts is None:
            p.add(f)
        else:
            for c in cuts:
                if c < len(f):
                    p.add(f, caplen=c)
    p.close()
