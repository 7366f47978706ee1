#!/usr/bin/env bash
# trawl --extract against tcpflow 1.6.1, file by file, without tcpflow: its
# files for every tcpdump-corpus capture and every probe capture
# (tests/stream/probes.py) are recorded in tcpflow.expected (name, size,
# SHA-256; tools/record-tcpflow.sh).  For each capture, `trawl -r CAP
# --extract DIR` must write the same set of files with the same bytes.
# A difference passes only when tcpflow.allow lists it, one line each:
#   CAPTURE FILENAME|* KIND reason...
# KIND says what the difference is, and is checked:
#   gap           trawl's file is tcpflow's with the holes tcpflow zero-filled
#                 left out (docs/streams.md): the holes trawl reports (its
#                 --follow --json gap blocks) filled with zeros, cut to
#                 tcpflow's length, must give tcpflow's SHA-256 exactly, and
#                 what is cut off past that length must be hole too;
#   overlap       both wrote it, the same length: tcpflow lets the last
#                 copy of a byte win, trawl the first;
#   padding       both wrote it, trawl's is shorter by at most 64 bytes:
#                 tcpflow wrote short frames' link-layer padding as data;
#                 for these two the script rebuilds the direction from the
#                 capture's segments (Ethernet, IPv4/IPv6, pcap or pcapng):
#                 overlapping copies written last-wins with each frame's
#                 padding must give tcpflow's SHA-256, first-wins without
#                 padding trawl's bytes;
#   only-tcpflow  tcpflow wrote the file, trawl did not;
#   only-trawl    trawl wrote the file, tcpflow did not;
#   differ        both wrote it, the bytes differ otherwise (say why).
# A listed difference that no longer occurs is reported as a note.  When
# tcpflow 1.6.1 is installed, an unexplained difference is shown in detail
# (first differing offset and the bytes there on each side).
#   tcpflow.sh [BINARY]
# Last line: "tcpflow: N passed, M failed"; exit 1 on any failure.  Without
# the corpus, only the probes run: the corpus part fails when CI=true and is
# reported skipped otherwise.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
corpus=${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}
dir=${CAPTURE_DIR:-$root/tests/out}/tcpflow
[ -x "$bin" ] || { echo "tcpflow: no trawl binary at $bin"; echo "tcpflow: 0 passed, 1 failed"; exit 1; }
rm -rf "$dir"
mkdir -p "$dir"
python3 "$root/tests/stream/probes.py" "$dir/probes" || { echo "tcpflow: probes.py failed"; echo "tcpflow: 0 passed, 1 failed"; exit 1; }
export TZ=GMT0
exec python3 - "$bin" "$corpus" "$dir" "$root/tests/stream/tcpflow.expected" "$root/tests/stream/tcpflow.allow" <<'PY'
import hashlib, json, os, shutil, struct, subprocess, sys

binary, corpus, work, expected_path, allow_path = sys.argv[1:6]
ci = os.environ.get('CI', '') == 'true' or os.environ.get('STRICT', '') == '1'
have_corpus = os.path.isdir(corpus) and any(n.endswith('.pcap') for n in os.listdir(corpus))
tcpflow = shutil.which('tcpflow')
if tcpflow:
    v = subprocess.run([tcpflow, '--version'], capture_output=True, text=True).stdout.strip()
    if v != 'TCPFLOW 1.6.1':
        tcpflow = None

# tcpflow.expected: capture -> {file: (size, sha)}; captures with no file map to {}
expected = {}
for line in open(expected_path):
    if line.startswith('#') or not line.strip():
        continue
    cap, name, size, sha = line.split()
    files = expected.setdefault(cap, {})
    if name != '-':
        files[name] = (int(size), sha)

# tcpflow.allow: (capture, file) -> (kind, reason)
KINDS = ('gap', 'overlap', 'padding', 'only-tcpflow', 'only-trawl', 'differ')
allow, used = {}, set()
bad_allow = []
for n, line in enumerate(open(allow_path) if os.path.exists(allow_path) else [], 1):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    f = line.split(None, 3)
    if len(f) < 4 or f[2] not in KINDS:
        bad_allow.append('tcpflow.allow:%d: want "CAPTURE FILE KIND reason" with KIND one of %s' % (n, ', '.join(KINDS)))
        continue
    allow[(f[0], f[1])] = (f[2], f[3])

passed = failed = 0
identical = allowed = empty = 0
kinds_seen = {}
notes = []


def fail(msg):
    global failed
    failed += 1
    print('FAIL tcpflow ' + msg)


for m in bad_allow:
    fail(m)


def sha(b):
    return hashlib.sha256(b).hexdigest()


def capture_path(cap):
    if cap.startswith('probes/'):
        return os.path.join(work, cap)
    return os.path.join(corpus, cap)


def trawl_gaps(path):
    """(stream_id, direction) -> [(offset, length)] from --follow --json."""
    r = subprocess.run([binary, '-r', path, '--follow', '--json'], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, timeout=120)
    gaps = {}
    for line in r.stdout.splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            continue
        s = o.get('stream') if isinstance(o, dict) else None
        if isinstance(s, dict) and s.get('gap'):
            gaps.setdefault((o.get('stream_id'), s.get('direction')), []).append((s['offset'], s['length']))
    return gaps


def with_holes(data, holes, size):
    """trawl's bytes with each hole put back as zeros, cut to size (a hole
    at the very end is past tcpflow's file: it never wrote it); None when
    that does not fit: holes out of order or past the data, or trawl's own
    bytes reaching past size."""
    out, pos, cur, data_end = bytearray(), 0, 0, 0
    for off, n in sorted(holes):
        take = off - cur
        if take < 0 or take > len(data) - pos:
            return None
        out += data[pos:pos + take]
        pos += take
        if take:
            data_end = len(out)
        out += bytes(n)
        cur = off + n
    if pos < len(data):
        out += data[pos:]
        data_end = len(out)
    if data_end > size or len(out) < size:
        return None
    return bytes(out[:size])


def tcpflow_bytes(cap, path, name):
    if not tcpflow:
        return None
    d = os.path.join(work, 'tf', cap.replace('/', '_'))
    if not os.path.isdir(d):
        os.makedirs(d)
        subprocess.run([tcpflow, '-r', path, '-o', d], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)
    p = os.path.join(d, name)
    return open(p, 'rb').read() if os.path.exists(p) else None


def show(b, off):
    return repr(bytes(b[off:off + 16]))


def tcp_segments(path):
    """The capture's TCP segments over Ethernet (802.1Q tags skipped) and
    IPv4/IPv6, unfragmented: (src, sport, dst, dport, seq, flags, payload,
    padding) with payload bounded by the IP length and padding the frame's
    bytes past it.  pcapng is first copied to pcap by trawl -w.  None when
    the capture is not that (another link type)."""
    import ipaddress
    src_path = path
    with open(path, 'rb') as f:
        magic = f.read(4)
    if magic == b'\x0a\x0d\x0d\x0a':
        src_path = os.path.join(work, 'seg.pcap')
        subprocess.run([binary, '-r', path, '-w', src_path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120)
    data = open(src_path, 'rb').read()
    if len(data) < 24:
        return None
    end = {b'\xd4\xc3\xb2\xa1': '<', b'\xa1\xb2\xc3\xd4': '>', b'\x4d\x3c\xb2\xa1': '<', b'\xa1\xb2\x3c\x4d': '>'}.get(data[:4])
    if not end or struct.unpack(end + 'I', data[20:24])[0] != 1:
        return None
    out, o = [], 24
    while o + 16 <= len(data):
        incl = struct.unpack(end + 'I', data[o + 8:o + 12])[0]
        fr = data[o + 16:o + 16 + incl]
        o += 16 + incl
        if len(fr) < 14:
            continue
        et, k = struct.unpack('!H', fr[12:14])[0], 14
        while et == 0x8100 and len(fr) >= k + 4:
            et, k = struct.unpack('!H', fr[k + 2:k + 4])[0], k + 4
        ip = fr[k:]
        if et == 0x0800 and len(ip) >= 20 and ip[9] == 6:
            hl, tot = (ip[0] & 15) * 4, struct.unpack('!H', ip[2:4])[0]
            if struct.unpack('!H', ip[6:8])[0] & 0x3fff:
                continue
            src, dst = ipaddress.ip_address(ip[12:16]), ipaddress.ip_address(ip[16:20])
        elif et == 0x86dd and len(ip) >= 40 and ip[6] == 6:
            hl, tot = 40, 40 + struct.unpack('!H', ip[4:6])[0]
            src, dst = ipaddress.ip_address(ip[8:24]), ipaddress.ip_address(ip[24:40])
        else:
            continue
        t = ip[hl:]
        if len(t) < 20:
            continue
        sp, dp, seq = struct.unpack('!HHI', t[:8])
        thl = (t[12] >> 4) * 4
        pay_end = min(tot, len(ip)) - hl
        out.append((str(src), sp, str(dst), dp, seq, t[13], t[thl:max(thl, pay_end)], t[max(thl, pay_end):]))
    return out


def emulate(segs, m, last_wins, padding):
    """One direction's bytes from its segments: offsets from the SYN's
    sequence number plus one, else from the first segment with bytes;
    overlapping copies: the last wins (tcpflow) or the first (trawl);
    padding: the link padding counts as bytes (tcpflow)."""
    img, have, base = bytearray(), bytearray(), None
    for src, sp, dst, dp, seq, fl, pay, pad in segs:
        if (src, sp, dst, dp) != (m.get('src_ip'), m.get('src_port'), m.get('dest_ip'), m.get('dest_port')):
            continue
        b = pay + pad if padding else pay
        if fl & 2:
            base, b = (seq + 1) & 0xffffffff, b
            seq = base
        if not b or fl & 4:
            continue
        if base is None:
            base = seq
        off = (seq - base) & 0xffffffff
        if off > 1 << 24:
            return None
        if len(img) < off + len(b):
            img += bytes(off + len(b) - len(img))
            have += bytes(off + len(b) - len(have))
        for i, c in enumerate(b):
            if last_wins or not have[off + i]:
                img[off + i] = c
                have[off + i] = 1
    return bytes(img)


def explain(path, m, mine, want_sha):
    """Whether the capture's own segments account for the difference: the
    last-copy-wins image (with link padding) gives tcpflow's SHA-256 and
    the first-copy-wins image (without) trawl's bytes."""
    try:
        segs = tcp_segments(path)
    except (OSError, struct.error, ValueError, subprocess.TimeoutExpired):
        return False
    if not segs:
        return False
    theirs = emulate(segs, m, True, True)
    ours = emulate(segs, m, False, False)
    return theirs is not None and ours == mine and sha(theirs) == want_sha


def detail(cap, path, name, mine):
    theirs = tcpflow_bytes(cap, path, name)
    if theirs is None or mine is None:
        return ''
    n = min(len(theirs), len(mine))
    off = next((i for i in range(n) if theirs[i] != mine[i]), n)
    return '; first difference at offset %d: trawl %s, tcpflow %s' % (off, show(mine, off), show(theirs, off))


corpus_caps = 0
os.makedirs(os.path.join(work, 'x'), exist_ok=True)
for cap in sorted(expected):
    path = capture_path(cap)
    if not cap.startswith('probes/'):
        if not have_corpus:
            continue
        corpus_caps += 1
    want = expected[cap]
    out = os.path.join(work, 'x', cap.replace('/', '_'))
    try:
        r = subprocess.run([binary, '-r', path, '--extract', out], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=120)
    except subprocess.TimeoutExpired:
        fail('%s: trawl --extract timed out' % cap)
        continue
    if r.returncode < 0 or r.returncode > 1:
        fail('%s: trawl --extract exited %d: %s' % (cap, r.returncode, r.stderr[:300]))
        continue
    if r.returncode and b'--extract' in r.stderr:
        fail('%s: trawl --extract exited %d: %s' % (cap, r.returncode, r.stderr[:300]))
        continue
    got = {}
    if os.path.isdir(out):
        for n in os.listdir(out):
            if n not in ('streams.json', 'files.json', 'files'):  # files: the sessions' (tests/session)
                got[n] = open(os.path.join(out, n), 'rb').read()
    meta, stats = {}, {}
    try:
        doc = json.load(open(os.path.join(out, 'streams.json')))
        stats = doc.get('stats', {})
        meta = {s['file']: s for s in doc.get('streams', []) if 'file' in s}
    except (OSError, ValueError, TypeError, AttributeError):
        if got:
            fail('%s: no valid streams.json next to the files' % cap)
    if not want and not got:
        passed += 1
        empty += 1
        continue
    gaps = None
    for name in sorted(set(want) | set(got)):
        mine = got.get(name)
        if name in want and mine is not None and sha(mine) == want[name][1]:
            passed += 1
            identical += 1
            continue
        verified = ''
        if name not in got:
            kind, what = 'only-tcpflow', 'tcpflow wrote it (%d bytes), trawl did not' % want[name][0]
        elif name not in want:
            kind, what = 'only-trawl', 'trawl wrote it (%d bytes), tcpflow did not' % len(mine)
        else:
            kind = 'differ'
            what = 'trawl %d bytes, tcpflow %d' % (len(mine), want[name][0])
            m = meta.get(name, {})
            if m.get('gaps'):
                if gaps is None:
                    gaps = trawl_gaps(path)
                holes = gaps.get((m.get('stream_id'), m.get('direction')), [])
                filled = with_holes(mine, holes, want[name][0]) if holes else None
                if filled is not None and sha(filled) == want[name][1]:
                    kind = 'gap'
                    verified = ' (%d hole(s), %d bytes, zero-filled by tcpflow: verified)' % (
                        len(holes), sum(h[1] for h in holes))
                else:
                    what += '; trawl reports %s hole(s) %s, but filling them with zeros does not give tcpflow\'s file' % (
                        m.get('gaps'), holes[:4])
        if kind == 'differ' and name in meta and explain(path, meta[name], mine, want[name][1]):
            # rebuilt from the capture's segments: tcpflow's last copies
            # and link padding against trawl's first copies
            if len(mine) == want[name][0]:
                kind = 'overlap'
            elif 0 < want[name][0] - len(mine) <= 64:
                kind = 'padding'
            verified = ' (rebuilt from the segments: verified)'
        key = (cap, name) if (cap, name) in allow else (cap, '*')
        a = allow.get(key)
        if a and (a[0] == kind or (a[0] == 'differ' and kind in ('gap', 'overlap', 'padding'))):
            used.add(key)
            passed += 1
            allowed += 1
            kinds_seen[kind] = kinds_seen.get(kind, 0) + 1
            continue
        if a:
            used.add(key)
            what += '; tcpflow.allow says %s but it is %s' % (a[0], kind)
        else:
            what += verified + '; not in tcpflow.allow (kind: %s)' % kind
        if kind in ('differ', 'overlap', 'padding'):
            what += detail(cap, path, name, mine)
        fail('%s %s: %s' % (cap, name, what))

for key in sorted(set(allow) - used):
    cap = key[0]
    if cap.startswith('probes/') or have_corpus:
        notes.append('note: tcpflow.allow lists %s %s (%s) but that difference did not occur' % (key[0], key[1], allow[key][0]))
for n in notes:
    print(n)
print('tcpflow: %d corpus captures, %d probes; %d files identical, %d differences allowed (%s), %d captures with no file on either side' % (
    corpus_caps, sum(1 for c in expected if c.startswith('probes/')), identical, allowed,
    ', '.join('%s %d' % kv for kv in sorted(kinds_seen.items())) or 'none', empty))
if not have_corpus:
    if ci:
        fail('corpus missing at %s (CI=true or STRICT=1)' % corpus)
    else:
        print('tcpflow: corpus not found at %s: corpus captures skipped (probes only)' % corpus)
print('tcpflow: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
