#!/usr/bin/env python3
"""The analyzer's decoder against the tcpdump printers, packet by packet, on
every conformance capture.

For each capture (every *.pcap* file of the corpus directory) it runs
`trawl -n -r CAP` (the printer's text) and `trawl -r CAP --json` (the
decoder's facts, one object per packet) and compares, for each packet, the
decoder's IP addresses and TCP/UDP ports with the innermost IP header the
printer shows.

What counts as agreement
  * The printer's IP headers are the `IP SRC > DST:` and `IP6 SRC > DST:`
    pairs of the packet's text (its first line and any continuation lines:
    VXLAN and MPLS put the inner packet on a line of its own).  With -n an
    address carrying a port is ADDR.PORT.  tcpdump prints a tunnel as the
    outer header then the inner one, so the LAST pair is the innermost
    header: the decoder's addresses must be that pair's.
  * Ports: when the decoder decoded TCP or UDP ports they must be the ones
    that pair shows; when it did not, the pair must show none, unless the
    decoder's protocol is neither TCP nor UDP (SCTP and DCCP print ports the
    decoder does not keep).
  * No pair and no decoder IP header: agreement (not IP).
  * ICMP and ICMPv6 errors are not tunnels: without -v tcpdump does not
    print the quoted header as an `IP a > b:` pair, and the decoder keeps
    the outer packet, so they compare like any other packet.
  * An outer IP fragment is never followed into a tunnel by the decoder
    (its datagram is reassembled first, then followed), while tcpdump
    decodes the first fragment's payload: a first fragment whose decoder
    facts match the FIRST pair agrees (counted as "outer first fragment").
  * Anything else is a mismatch, and so is a packet where the printer shows
    an IP header and the decoder found none (the coverage line counts
    those).  Mismatches named in the allow-list (decode-vs-print.allow next
    to this script: CAPTURE PACKETS REASON, PACKETS a list of numbers and
    ranges or *) are reported as allowed; an allow-list entry that no
    longer matches anything is reported as stale and fails the run.

Exit status 0 when every capture agrees (allowed exceptions aside), 1 when
some does not, 77 when the corpus is missing (the caller decides whether
that is a skip or a failure).
  decode-vs-print.py [--trawl BIN] [--corpus DIR] [--allow FILE] [-v]
"""
import argparse
import ipaddress
import json
import os
import re
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# a packet's first line: its time stamp, or what stands in for one
TS = re.compile(rb'^(?:\d+:\d\d:\d\d\.\d+ |\[Error converting time\]|\[Invalid header)')
# an IPv4 or IPv6 header as the printer shows it without -v
PAIR = re.compile(r'(?<![\w-])(IP6?) (?:truncated-ip6? - \d+ bytes missing! ?)?'
                  r'([0-9A-Fa-f:.]+) > ([0-9A-Fa-f:.]+):')
# ports printed without addresses, after IPv6 extension headers
PORTS = re.compile(r' (\d+) > (\d+): ')


def split_port(ver, a):
    """ADDR[.PORT] as tcpdump -n prints it -> (address, port or None)."""
    if ver == 'IP':
        parts = a.split('.')
        if len(parts) == 5:
            return '.'.join(parts[:4]), int(parts[4])
        return a, None
    tail = a.rsplit(':', 1)[-1]
    dots = tail.count('.')
    if dots == 1 or dots == 4:  # ADDR.PORT, or ::a.b.c.d.PORT
        addr, port = a.rsplit('.', 1)
        return addr, int(port)
    return a, None


def norm(addr):
    try:
        return str(ipaddress.ip_address(addr))
    except ValueError:
        return None


def pairs(text):
    out = []
    ms = list(PAIR.finditer(text))
    for i, m in enumerate(ms):
        ver = m.group(1)
        try:
            s, sp = split_port(ver, m.group(2))
            d, dp = split_port(ver, m.group(3))
        except ValueError:
            continue
        s, d = norm(s), norm(d)
        if s is None or d is None:
            continue
        if ver == 'IP6' and sp is None:
            # after extension headers tcpdump prints "SPORT > DPORT:" alone
            rest = text[m.end():ms[i + 1].start() if i + 1 < len(ms) else len(text)]
            pm = PORTS.search(rest)
            if pm:
                sp, dp = int(pm.group(1)), int(pm.group(2))
        out.append((ver, s, sp, d, dp))
    return out


def printer_packets(trawl, cap):
    r = subprocess.run([trawl, '-n', '-r', cap], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, env=dict(os.environ, TZ='GMT0'))
    pkts = []
    for line in r.stdout.split(b'\n'):
        if TS.match(line):
            pkts.append([line])
        elif pkts:
            pkts[-1].append(line)
    return [b'\n'.join(p).decode('utf-8', 'replace') for p in pkts]


def decoder_packets(trawl, cap):
    r = subprocess.run([trawl, '-r', cap, '--json'], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    out = {}
    for line in r.stdout.split(b'\n'):
        if not line.strip():
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if isinstance(o, dict) and isinstance(o.get('pkt'), dict) and 'n' in o['pkt']:
            out[o['pkt']['n']] = o
    return out


# EVE's protocol names of the protocols compared here (others: any value)
PROTO_NUM = {'TCP': 6, 'UDP': 17}


def decoder_view(o):
    """(ver, src, sport, dst, dport, proto, first_fragment) or None."""
    if 'src_ip' not in o:
        return None
    pkt = o.get('pkt', {})
    ver = 'IP' if pkt.get('ip_version') == 4 else 'IP6'
    proto = PROTO_NUM.get(o.get('proto'), o.get('proto'))
    if isinstance(proto, str) and proto.isdigit():
        proto = int(proto)
    return (ver, norm(o['src_ip']), o.get('src_port'), norm(o['dest_ip']), o.get('dest_port'),
            proto, pkt.get('fragment') == 'first')


def same(d, p, text):
    ver, s, sp, dst, dp, proto, _ = d
    if (ver, s, dst) != (p[0], p[1], p[3]):
        return False
    if sp is not None:
        return (sp, dp) == (p[2], p[4])
    # the printer shows the ports of a TCP or UDP header cut short; the
    # decoder keeps whole headers only
    return p[2] is None or proto not in (6, 17) or '[|tcp]' in text or '[|udp]' in text


# ---- synthetic tunnels: what the corpus lacks --------------------------

def _csum(b):
    if len(b) % 2:
        b += b'\0'
    t = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while t >> 16:
        t = (t & 0xffff) + (t >> 16)
    return ~t & 0xffff


def _ip4(src, dst, proto, pl, ident=1, off=0, mf=0, tl=None):
    a = ipaddress.ip_address(src).packed + ipaddress.ip_address(dst).packed
    h = struct.pack('!BBHHHBBH', 0x45, 0, tl or 20 + len(pl), ident,
                    (0x2000 if mf else 0) | off, 64, proto, 0) + a
    return h[:10] + struct.pack('!H', _csum(h)) + h[12:] + pl


def _ip6(src, dst, nh, pl):
    return (struct.pack('!IHBB', 0x60000000, len(pl), nh, 64) +
            ipaddress.ip_address(src).packed + ipaddress.ip_address(dst).packed + pl)


def _udp(sp, dp, pl=b'x' * 8):
    return struct.pack('!HHHH', sp, dp, 8 + len(pl), 0) + pl


def _tcp(sp, dp, pl=b''):
    return struct.pack('!HHIIBBHHH', sp, dp, 1, 0, 0x50, 0x02, 8192, 0, 0) + pl


def _eth(t, pl):
    return b'\x02\0\0\0\0\x01\x02\0\0\0\0\x02' + struct.pack('!H', t) + pl


def _gre(flags, prot, opts, pl):
    return struct.pack('!HH', flags, prot) + opts + pl


def _mpls(pl, labels=(1000, 2000)):
    out = b''
    for i, l in enumerate(labels):
        out += struct.pack('!I', l << 12 | (0x100 if i == len(labels) - 1 else 0) | 64)
    return out + pl


A, B, C, D = '192.0.2.1', '192.0.2.2', '198.51.100.1', '198.51.100.2'
A6, B6, C6, D6 = '2001:db8::1', '2001:db8::2', '2001:db8:1::1', '2001:db8:1::2'


def synth_cases():
    """(name, Ethernet frame, expected decoder view, printer decodes it)"""
    t4 = _ip4(C, D, 6, _tcp(1111, 8080))
    u4 = _ip4(C, D, 17, _udp(4000, 5000))
    t6 = _ip6(C6, D6, 6, _tcp(2222, 8080))
    u6 = _ip6(C6, D6, 17, _udp(4001, 5001))
    in_t4 = ('IP', C, 1111, D, 8080)
    in_u4 = ('IP', C, 4000, D, 5000)
    in_t6 = ('IP6', C6, 2222, D6, 8080)
    in_u6 = ('IP6', C6, 4001, D6, 5001)
    ppp_t4 = b'\xff\x03\x00\x21' + t4
    gtp = struct.pack('!BBHI', 0x30, 0xff, len(u4), 7) + u4
    gtpx = struct.pack('!BBHIHBB', 0x34, 0xff, 8 + len(u6), 7, 1, 0, 0x85) + b'\x01\x10\x05\x00' + u6
    vx = b'\x08\0\0\0\0\0\x64\0' + _eth(0x0800, t4)
    l2tp = struct.pack('!HHH', 0x0002, 1, 2) + ppp_t4
    deep = t4
    for _ in range(6):
        deep = _ip4(A, B, 4, deep)
    frag_first = _ip4(C, D, 17, _udp(4000, 5000, b'y' * 24), ident=9, mf=1, tl=20 + 16)[:36]
    frag_later = _ip4(C, D, 17, b'z' * 16, ident=9, off=2)
    cases = [
        ('ip-in-ip 4 in 4', _eth(0x0800, _ip4(A, B, 4, t4)), in_t4, True),
        ('ip-in-ip 6 in 4', _eth(0x0800, _ip4(A, B, 41, u6)), in_u6, True),
        ('ip-in-ip 6 in 6', _eth(0x86dd, _ip6(A6, B6, 41, t6)), in_t6, True),
        ('ip-in-ip 4 in 6', _eth(0x86dd, _ip6(A6, B6, 4, u4)), in_u4, True),
        ('gre ip', _eth(0x0800, _ip4(A, B, 47, _gre(0, 0x0800, b'', t4))), in_t4, True),
        ('gre csum key seq ip6', _eth(0x0800, _ip4(A, B, 47, _gre(0xb000, 0x86dd, b'\0' * 12, u6))),
         in_u6, True),
        ('gre over ip6, key, ethernet', _eth(0x86dd, _ip6(A6, B6, 47, _gre(
            0x2000, 0x6558, b'\0\0\0\x2a', _eth(0x0800, t4)))), in_t4, True),
        ('gre mpls', _eth(0x0800, _ip4(A, B, 47, _gre(0, 0x8847, b'', _mpls(t4)))), in_t4, True),
        ('gre v1 pptp ppp', _eth(0x0800, _ip4(A, B, 47, _gre(
            0x3001, 0x880b, struct.pack('!HHI', len(ppp_t4), 5, 1), ppp_t4))), in_t4, True),
        ('vxlan', _eth(0x0800, _ip4(A, B, 17, _udp(40000, 4789, vx))), in_t4, True),
        ('geneve with options', _eth(0x0800, _ip4(A, B, 17, _udp(40001, 6081, struct.pack(
            '!BBHI', 2, 0, 0x0800, 0x64 << 8) + b'\x01\x02\x03\x01' + b'\0' * 4 + u4))), in_u4, True),
        ('gtp-u', _eth(0x0800, _ip4(A, B, 17, _udp(2152, 2152, gtp))), in_u4, False),
        ('gtp-u sequence and extension', _eth(0x0800, _ip4(A, B, 17, _udp(2152, 2152, gtpx))),
         in_u6, False),
        ('l2tp data', _eth(0x0800, _ip4(A, B, 17, _udp(1701, 1701, l2tp))), in_t4, True),
        ('pppoe session', _eth(0x8864, struct.pack('!BBHH', 0x11, 0, 1, len(ppp_t4) - 2) + ppp_t4[2:]),
         in_t4, True),
        ('vlan 0x9200', _eth(0x9200, b'\0\x0a\x08\x00' + t4), in_t4, True),
        ('mpls', _eth(0x8847, _mpls(u6, (16, 17, 18))), in_u6, True),
        ('vxlan in gre', _eth(0x0800, _ip4(A, B, 47, _gre(0, 0x0800, b'', _ip4(
            '10.0.0.1', '10.0.0.2', 17, _udp(40002, 4789, vx))))), in_t4, True),
        ('first fragment in gre', _eth(0x0800, _ip4(A, B, 47, _gre(0, 0x0800, b'', frag_first))),
         ('IP', C, 4000, D, 5000), True),
        ('later fragment in gre', _eth(0x0800, _ip4(A, B, 47, _gre(0, 0x0800, b'', frag_later))),
         ('IP', C, None, D, None), True),
        # an outer fragment is not followed: its datagram is, once whole
        ('gre in an outer first fragment', _eth(0x0800, _ip4(A, B, 47, _gre(0, 0x0800, b'', t4),
                                                            ident=3, mf=1)),
         ('IP', A, None, B, None), True),
        # seven IPv4 headers: the decoder follows four tunnels, to the fifth
        ('ip-in-ip nested too deep', _eth(0x0800, deep), ('IP', A, None, B, None), False),
        ('ipv6 hip header', _eth(0x86dd, _ip6(A6, B6, 139, b'\x06\x00' + b'\0' * 6 + _tcp(3333, 80))),
         ('IP6', A6, 3333, B6, 80), False),
        ('ipv6 shim6 and experimental headers', _eth(0x86dd, _ip6(
            A6, B6, 140, b'\xfd\x00' + b'\0' * 6 + b'\x11\x00' + b'\0' * 6 + _udp(4444, 5555))),
         ('IP6', A6, 4444, B6, 5555), False),
    ]
    return cases


def write_pcap(path, frames):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack('<IIII', 1000 + i, 0, len(fr), len(fr)) + fr)


def run_synth(trawl, outdir):
    """Returns the number of failures."""
    os.makedirs(outdir, exist_ok=True)
    cases = synth_cases()
    cap = os.path.join(outdir, 'decode-tunnels.pcap')
    write_pcap(cap, [c[1] for c in cases])
    text = printer_packets(trawl, cap)
    facts = decoder_packets(trawl, cap)
    fails = 0
    for i, (name, _, want, printer_ok) in enumerate(cases, 1):
        o = facts.get(i)
        d = decoder_view(o) if o else None
        got = d[:5] if d else None
        want = (want[0], norm(want[1]), want[2], norm(want[3]), want[4])
        problems = []
        if got != want:
            problems.append('decoder %s, want %s' % (got, want))
        if printer_ok and i <= len(text) and d:
            P = pairs(text[i - 1])
            if not P or not (same(d, P[-1], text[i - 1]) or
                             (d[6] and len(P) > 1 and same(d, P[0], text[i - 1]))):
                problems.append('printer shows %s' % (P[-1] if P else None,))
        if problems:
            fails += 1
            print('FAIL synthetic %s (#%d): %s' % (name, i, '; '.join(problems)))
    print('decode-vs-print: synthetic tunnels: %d packets, %d failed' % (len(cases), fails))
    return fails


def parse_allow(path):
    allow = []
    if not os.path.exists(path):
        return allow
    with open(path) as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3:
                sys.exit('%s:%d: want CAPTURE PACKETS REASON' % (path, ln))
            cap, spec, reason = parts
            nums = None
            if spec != '*':
                nums = set()
                for item in spec.split(','):
                    a, _, b = item.partition('-')
                    nums.update(range(int(a), int(b or a) + 1))
            allow.append({'cap': cap, 'nums': nums, 'reason': reason, 'used': 0})
    return allow


def allowed(allow, cap, n):
    for a in allow:
        if a['cap'] == cap and (a['nums'] is None or n in a['nums']):
            a['used'] += 1
            return a
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--trawl', default=os.path.join(ROOT, 'trawl'))
    ap.add_argument('--corpus', default=os.environ.get(
        'CONFORMANCE_DIR', os.path.join(ROOT, '..', 'shared', 'conformance', 'tcpdump-4.99.3')))
    ap.add_argument('--allow', default=os.path.join(HERE, 'decode-vs-print.allow'))
    ap.add_argument('--out', default=os.path.join(
        os.environ.get('CAPTURE_DIR', os.path.join(ROOT, 'tests', 'out')), 'analyze'))
    ap.add_argument('-v', action='store_true', help='list every mismatch')
    args = ap.parse_args()
    if run_synth(args.trawl, args.out):
        print('decode-vs-print: FAIL (synthetic tunnels)')
        return 1
    if not os.path.isdir(args.corpus):
        print('decode-vs-print: no corpus at %s' % args.corpus)
        return 77
    caps = sorted(c for c in os.listdir(args.corpus) if '.pcap' in c)
    allow = parse_allow(args.allow)
    tot = dict(packets=0, ip=0, agree_ip=0, agree_none=0, frag_outer=0, tunnelled=0,
               mismatch=0, allowed=0, invalid=0, uncovered=0, decoder_only=0)
    bad_caps = 0
    for cap in caps:
        path = os.path.join(args.corpus, cap)
        text = printer_packets(args.trawl, path)
        facts = decoder_packets(args.trawl, path)
        problems = []
        if len(text) != len(facts):
            problems.append('printer shows %d packets, --json %d' % (len(text), len(facts)))
        for i, t in enumerate(text, 1):
            tot['packets'] += 1
            if t.startswith('[Invalid header'):
                tot['invalid'] += 1  # the printer shows nothing of it
                continue
            P = pairs(t)
            o = facts.get(i)
            d = decoder_view(o) if o else None
            why = None
            if P:
                tot['ip'] += 1
            if not P and d is None:
                tot['agree_none'] += 1
                continue
            if P and d is None:
                tot['uncovered'] += 1
                why = 'printer shows %s, decoder found no IP header' % (P[-1],)
            elif not P:
                tot['decoder_only'] += 1
                why = 'decoder found %s, printer shows no IP header' % (d[:5],)
            elif same(d, P[-1], t):
                tot['agree_ip'] += 1
                if len(P) > 1:
                    tot['tunnelled'] += 1
                continue
            elif d[6] and len(P) > 1 and same(d, P[0], t):
                tot['frag_outer'] += 1
                continue
            else:
                why = 'printer innermost %s, decoder %s' % (P[-1], d[:5])
            a = allowed(allow, cap, i)
            if a:
                tot['allowed'] += 1
                if args.v:
                    print('  allowed %s #%d: %s (%s)' % (cap, i, why, a['reason']))
                continue
            tot['mismatch'] += 1
            problems.append('#%d: %s' % (i, why))
        if problems:
            bad_caps += 1
            print('MISMATCH %s: %d problem(s)' % (cap, len(problems)))
            for p in problems[:None if args.v else 3]:
                print('    ' + p)
            if len(problems) > 3 and not args.v:
                print('    ... (-v lists all)')
    stale = [a for a in allow if a['used'] == 0]
    for a in stale:
        print('STALE allow-list entry: %s %s (%s)' % (
            a['cap'], '*' if a['nums'] is None else 'some', a['reason']))
    print('decode-vs-print: %d captures, %d packets; printer shows IP in %d: decoder agrees '
          'on %d (%d through tunnels, %d outer first fragments), %d allowed exceptions, '
          '%d mismatches; %d not IP on either side; %d decoder-only; %d invalid records'
          % (len(caps), tot['packets'], tot['ip'], tot['agree_ip'], tot['tunnelled'],
             tot['frag_outer'], tot['allowed'], tot['mismatch'], tot['agree_none'],
             tot['decoder_only'], tot['invalid']))
    print('decode-vs-print: coverage: %d packets whose printer line shows IP but the decoder '
          'found none' % tot['uncovered'])
    if bad_caps or stale:
        print('decode-vs-print: FAIL (%d captures with mismatches, %d stale allow-list entries)'
              % (bad_caps, len(stale)))
        return 1
    print('decode-vs-print: PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
