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
        if isinstance(o, dict) and 'n' in o:
            out[o['n']] = o
    return out


def decoder_view(o):
    """(ver, src, sport, dst, dport, proto, first_fragment) or None."""
    ip = o.get('ip') or o.get('ip6')
    if not ip or 'src' not in ip:
        return None
    ver = 'IP' if 'ip' in o else 'IP6'
    l4 = o.get('tcp') or o.get('udp') or {}
    return (ver, norm(ip['src']), l4.get('sport'), norm(ip['dst']), l4.get('dport'),
            ip.get('proto'), ip.get('frag') == 'first')


def same(d, p, text):
    ver, s, sp, dst, dp, proto, _ = d
    if (ver, s, dst) != (p[0], p[1], p[3]):
        return False
    if sp is not None:
        return (sp, dp) == (p[2], p[4])
    # the printer shows the ports of a TCP or UDP header cut short; the
    # decoder keeps whole headers only
    return p[2] is None or proto not in (6, 17) or '[|tcp]' in text or '[|udp]' in text


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
    ap.add_argument('-v', action='store_true', help='list every mismatch')
    args = ap.parse_args()
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
