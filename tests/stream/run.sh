#!/usr/bin/env bash
# The stream layer (--extract, --follow) on tests/gen/gen_streams.py's
# capture, every byte checked against what the generator planted: every
# file's bytes exactly, no file that was not planned, streams.json (valid
# JSON; bytes, gaps, gap_bytes, sha256, syn/fin/rst/midstream/closed, stream
# ids, the counters the plan determines), --follow --json (each direction's
# payloads and gaps put back together), --follow's text for two connections;
# the errors (a non-empty or unwritable DIR); a run stopped by SIGINT while
# reading a FIFO fed half the capture; the same under ASan+UBSan; and live
# capture (tests/stream/live.sh, as root).
#   run.sh [BINARY [SANITIZER_BINARY]]
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}/stream
rm -rf "$dir"
mkdir -p "$dir"
command -v jq >/dev/null || { echo "stream: jq is needed (apt-get install jq)"; exit 1; }
python3 "$root/tests/gen/gen_streams.py" "$dir" || { echo "stream: gen_streams.py failed"; exit 1; }
export TZ=GMT0
cap=$dir/streams.pcap
plan=$dir/streams.expect.json
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL stream $*"; }
said() { head -c 300 "$1" | tr '\n' ' '; }

# The checks that compare with the plan, in Python: each prints "ok" or
# "FAIL what" lines, counted by pycheck.
read -r -d '' checker <<'EOF'
import base64, hashlib, json, os, re, sys

mode, planf = sys.argv[1], sys.argv[2]
P = json.load(open(planf))
partial = 'half' in os.path.basename(planf)


def ok():
    print('ok')


def bad(msg):
    print('FAIL ' + msg.replace('\n', ' ')[:600])


def planned_dirs():
    """(stream entry, dir entry, data) of every direction that has bytes."""
    for s in P['streams']:
        for d in s['dirs']:
            yield s, d, base64.b64decode(d['data'])


def diff(name, want, got):
    if want == got:
        return True
    i = next((i for i in range(min(len(want), len(got))) if want[i] != got[i]), min(len(want), len(got)))
    bad('%s: %d bytes, want %d; first difference at byte %d (want %s, got %s)' % (
        name, len(got), len(want), i, want[i:i + 8].hex() or 'end', got[i:i + 8].hex() or 'end'))
    return False


def check_extract(outdir):
    if not os.path.isdir(outdir):
        bad('no directory %s' % outdir)
        return
    files = {}
    for s, d, data in planned_dirs():
        if d['file']:
            files[d['file']] = (s, d, data)
    have = set(os.listdir(outdir))
    for f in sorted(have - set(files) - {'streams.json', 'files.json', 'files'}):
        bad('unplanned file %s (%d bytes)' % (f, os.path.getsize(os.path.join(outdir, f))))
    for f, (s, d, data) in files.items():
        if f not in have:
            bad('%s %s: no file %s (want %d bytes)' % (s['name'], d['direction'], f, len(data)))
            continue
        got = open(os.path.join(outdir, f), 'rb').read()
        if diff('%s %s file %s' % (s['name'], d['direction'], f), data, got):
            ok()
    if 'streams.json' not in have:
        bad('no streams.json')
        return
    try:
        doc = json.loads(open(os.path.join(outdir, 'streams.json'), 'rb').read().decode('utf-8', 'strict'))
    except Exception as e:
        bad('streams.json is not valid JSON: %s' % e)
        return
    ok()
    ents = doc.get('streams')
    if not isinstance(ents, list):
        bad('streams.json: no "streams" list')
        return
    byfile = {}
    for e in ents:
        byfile.setdefault(e.get('file'), []).append(e)
    for f in sorted(set(byfile) - set(files)):
        bad('streams.json: entry for unplanned file %s' % f)
    for f, (s, d, data) in sorted(files.items()):
        es = byfile.get(f, [])
        if len(es) != 1:
            bad('streams.json: %d entries for %s (%s %s)' % (len(es), f, s['name'], d['direction']))
            continue
        e = es[0]
        want = {'stream_id': s['stream_id'], 'direction': d['direction'], 'proto': 'TCP',
                'src_ip': d['src_ip'], 'src_port': d['src_port'], 'dest_ip': d['dest_ip'],
                'dest_port': d['dest_port'], 'bytes': len(data), 'gaps': len(d['gaps']),
                'gap_bytes': d['gap_bytes'], 'sha256': hashlib.sha256(data).hexdigest()}
        if not partial:
            want.update(syn=d['syn'], fin=d['fin'], rst=d['rst'], midstream=s['midstream'])
            if s['vlan'] is not None:
                want['vlan'] = s['vlan']
            if s['simple']:
                want.update(first=d['first'], last=d['last'])
        errs = ['%s %s, want %s' % (k, json.dumps(e.get(k, '(missing)')), json.dumps(v))
                for k, v in want.items() if e.get(k, '(missing)') != v]
        if not partial and e.get('closed') not in s['closed_ok']:
            errs.append('closed %s, want %s' % (json.dumps(e.get('closed', '(missing)')), ' or '.join(s['closed_ok'])))
        if s['vlan'] is None and 'vlan' in e:
            errs.append('vlan %s, want none' % e['vlan'])
        for k in ('first', 'last'):
            if not re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+0000', str(e.get(k))):
                errs.append('%s %s is not a timestamp as docs/streams.md writes it' % (k, e.get(k)))
        if errs:
            bad('streams.json %s %s (%s): %s' % (s['name'], d['direction'], f, '; '.join(errs)))
        else:
            ok()
        if os.path.exists(os.path.join(outdir, f)):
            h = hashlib.sha256(open(os.path.join(outdir, f), 'rb').read()).hexdigest()
            if e.get('sha256') != h:
                bad('streams.json %s: sha256 is not the file\'s' % f)
    ids = [e.get('stream_id') for e in ents]
    if ids == sorted(ids, key=lambda x: (x is None, x)):
        ok()
    else:
        bad('streams.json: streams not listed in the order they opened: stream ids %s' % ids)
    if partial:
        return
    st = doc.get('stats')
    if not isinstance(st, dict):
        bad('streams.json: no "stats" object')
        return
    errs = ['%s %s, want %s' % (k, st.get(k, '(missing)'), v) for k, v in P['stats'].items()
            if st.get(k, '(missing)') != v]
    if errs:
        bad('streams.json stats: ' + '; '.join(errs))
    else:
        ok()


def check_follow_json(path):
    objs = []
    for n, line in enumerate(open(path, 'rb'), 1):
        try:
            objs.append(json.loads(line.decode('utf-8', 'strict')))
        except Exception as e:
            bad('--follow --json line %d is not JSON: %s' % (n, e))
            return
    ok()
    want = {}
    for s, d, data in planned_dirs():
        key = (s['proto'], d['src_ip'], d['src_port'], d['dest_ip'], d['dest_port'])
        want.setdefault(key, []).append((s, d, data))
    got = {}   # (key, stream_id) -> [payload, gaps, next offset, direction]
    for n, o in enumerate(objs, 1):
        try:
            b = o['stream']
            key = (o['proto'], o['src_ip'], o['src_port'], o['dest_ip'], o['dest_port'])
            sid = o['stream_id']
            off, ln = b['offset'], b['length']
        except Exception as e:
            bad('--follow --json line %d: missing %s: %s' % (n, e, json.dumps(o)[:200]))
            continue
        if o.get('event_type') != 'stream':
            bad('--follow --json line %d: event_type %s' % (n, o.get('event_type')))
        if not (P['first'] <= o.get('timestamp', '') <= P['last']):
            bad('--follow --json line %d: timestamp %s not within the capture (%s to %s)' % (
                n, o.get('timestamp'), P['first'], P['last']))
        g = got.setdefault((key, sid), [b'', [], 0, b.get('direction')])
        if off != g[2]:
            bad('--follow --json line %d (%s stream %d): offset %d, want %d' % (n, key, sid, off, g[2]))
        if b.get('gap'):
            g[1].append([off, ln])
        else:
            p = base64.b64decode(b.get('payload', ''))
            if len(p) != ln:
                bad('--follow --json line %d: length %d, payload %d bytes' % (n, ln, len(p)))
            g[0] += p
        g[2] = off + ln
    seen = set()
    for key, lst in want.items():
        sids = sorted(sid for (k, sid) in got if k == key)
        for s, d, data in lst:
            name = '%s %s %s' % (s['name'] + ('#%d' % s['reuse'] if s['reuse'] else ''), s['proto'], d['direction'])
            if not data and not d['gaps']:
                if s['stream_id'] in sids:
                    bad('--follow --json %s: blocks for a direction without bytes' % name)
                continue
            if s['stream_id'] not in sids:
                bad('--follow --json %s: no block with stream_id %s (the 4-tuple has stream ids %s)' % (
                    name, s['stream_id'], sids))
                continue
            seen.add((key, s['stream_id']))
            g = got[(key, s['stream_id'])]
            errs = []
            if g[3] != d['direction']:
                errs.append('direction %s, want %s' % (g[3], d['direction']))
            if g[1] != d['gaps']:
                errs.append('gaps %s, want %s' % (g[1], d['gaps']))
            if errs:
                bad('--follow --json %s: %s' % (name, '; '.join(errs)))
            if diff('--follow --json %s payloads' % name, data, g[0]) and not errs:
                ok()
    for k in sorted(set(got) - seen, key=str):
        bad('--follow --json: unplanned blocks for %s stream %s' % (k[0], k[1]))


def check_follow_text(path):
    got = open(path, 'rb').read().decode('latin-1')
    want = P['follow_text']['text']
    if got == want:
        ok()
        return
    g, w = got.split('\n'), want.split('\n')
    i = next((i for i in range(min(len(g), len(w))) if g[i] != w[i]), min(len(g), len(w)))
    bad('--follow %s text, line %d: got %r, want %r' % (P['follow_text']['filter'], i + 1,
        g[i] if i < len(g) else '(end)', w[i] if i < len(w) else '(end)'))


def check_follow_gaps(path):
    """gap header lines exact (but for the time); bytes and gap ranges of
    each direction tile it from 0 without overlap."""
    hdr = re.compile(r'== \d\d:\d\d:\d\d\.\d{6} (TCP (\S+) > (\S+): (bytes (\d+):(\d+) \((\d+)\)|gap (\d+):(\d+) \((\d+) bytes missing\)))$')
    gaps, tiles = [], {}
    for line in open(path, 'rb').read().decode('latin-1').split('\n'):
        if not line.startswith('== '):
            continue
        m = hdr.match(line)
        if not m:
            bad('--follow header line not as docs/streams.md writes it: %r' % line)
            continue
        a, b = (int(m.group(5)), int(m.group(6))) if m.group(5) else (int(m.group(8)), int(m.group(9)))
        if m.group(8):
            gaps.append(m.group(1))
        tiles.setdefault((m.group(2), m.group(3)), []).append((a, b))
    want = P['follow_gaps']['lines']
    if sorted(gaps) == sorted(want):
        ok()
    else:
        bad('--follow %s gap lines %s, want %s' % (P['follow_gaps']['filter'], gaps, want))
    for k, t in tiles.items():
        pos = 0
        for a, b in t:
            if a != pos:
                bad('--follow %s > %s: range %d:%d after %d' % (k[0], k[1], a, b, pos))
                break
            pos = b
        else:
            ok()


def check_same(a, b):
    """Two extraction directories hold the same files, byte for byte."""
    if not (os.path.isdir(a) and os.path.isdir(b)):
        bad('no directory %s' % (b if os.path.isdir(a) else a))
        return
    fa, fb = sorted(os.listdir(a)), sorted(os.listdir(b))
    if fa != fb:
        bad('%s and %s hold different files: %s' % (a, b, sorted(set(fa) ^ set(fb))))
        return
    for f in fa:
        if f == 'files':
            check_same(os.path.join(a, f), os.path.join(b, f))
            continue
        if open(os.path.join(a, f), 'rb').read() != open(os.path.join(b, f), 'rb').read():
            bad('%s differs between %s and %s' % (f, a, b))
            return
    ok()


{'extract': check_extract, 'follow-json': check_follow_json, 'follow-text': check_follow_text,
 'follow-gaps': check_follow_gaps, 'same': check_same}[mode](*sys.argv[3:])
EOF

# pycheck LABEL MODE PLAN ARGS...: runs a check of the checker above
pycheck() {
	local label=$1 line
	shift
	while IFS= read -r line; do
		case $line in
		ok) ok ;;
		FAIL*) bad "$label: ${line#FAIL }" ;;
		*) bad "$label: checker said: $line" ;;
		esac
	done < <(python3 -c "$checker" "$@" 2>&1)
}

# extract NAME BINARY ARGS...: BINARY -r streams.pcap --extract $dir/NAME ARGS, exit 0
extract() {
	local name=$1 b=$2
	shift 2
	"$b" -r "$cap" --extract "$dir/$name" "$@" >"$dir/$name.out" 2>"$dir/$name.err"
	local rc=$?
	[ $rc -eq 0 ] && ok || bad "$name: trawl --extract exited $rc ($(said "$dir/$name.err"))"
	jq -e . "$dir/$name/streams.json" >/dev/null 2>&1 && ok || bad "$name: jq rejects streams.json"
}

# ---- --extract: every file, streams.json, the counters
extract ex "$bin"
pycheck extract extract "$plan" "$dir/ex"
# the counters on stderr (the lead's wording: "streams: N tcp, N udp, N
# bytes; N gaps (N bytes missing; ...); N retransmitted (N differing), N out
# of order, N overlapping, ..." and "fragments: N taken, N datagrams
# reassembled; ... N overlapping")
for k in streams fragments; do
	want=$(python3 -c '
import json, re, sys
s = json.load(open(sys.argv[1]))["stats"]
if sys.argv[2] == "streams":
    t = ("streams: %(tcp_streams)d tcp, %(udp_streams)d udp, %(bytes)d bytes; %(gaps)d gaps (%(gap_bytes)d bytes missing; @); "
         "%(retrans)d retransmitted (%(retrans_differ)d differing), %(out_of_order)d out of order, %(overlaps)d overlapping")
else:
    t = "fragments: %(frag_fragments)d taken, %(frag_datagrams)d datagrams reassembled; @ %(frag_overlaps)d overlapping"
print(re.escape(t % s).replace("\\ ", " ").replace("@", ".*"))' "$plan" $k)
	grep -qE "$want" "$dir/ex.err" && ok || bad "extract: stderr has no line /$want/: $(grep "$k:" "$dir/ex.err")"
done
# a filter selects what is extracted
extract ex-filter "$bin" 'tcp port 40001'
[ "$(ls "$dir/ex-filter" | tr '\n' ' ')" = "192.000.002.010.40001-198.051.100.020.00080 198.051.100.020.00080-192.000.002.010.40001 files files.json streams.json " ] &&
	ok || bad "extract with a filter: files $(ls "$dir/ex-filter" | tr '\n' ' ')"

# ---- --follow --json: each direction's bytes and gaps put back together
"$bin" -r "$cap" --follow --json >"$dir/follow.json" 2>"$dir/follow.err" && ok || bad "follow --json: exit $? ($(said "$dir/follow.err"))"
jq -e . "$dir/follow.json" >/dev/null 2>&1 && ok || bad "follow --json: jq rejects it"
pycheck follow-json follow-json "$plan" "$dir/follow.json"

# ---- --follow text: one connection exactly; the gaps of another
f=$(jq -r .follow_text.filter "$plan")
"$bin" -r "$cap" --follow $f >"$dir/follow-plain.txt" 2>"$dir/follow-plain.err" && ok || bad "follow $f: exit $?"
pycheck follow-text follow-text "$plan" "$dir/follow-plain.txt"
f=$(jq -r .follow_gaps.filter "$plan")
"$bin" -r "$cap" --follow $f >"$dir/follow-gaps.txt" 2>"$dir/follow-gaps.err" && ok || bad "follow $f: exit $?"
pycheck follow-gaps follow-gaps "$plan" "$dir/follow-gaps.txt"
# the whole capture as text: as many headers as JSON blocks
"$bin" -r "$cap" --follow >"$dir/follow-all.txt" 2>"$dir/follow-all.err" && ok || bad "follow: exit $?"
nj=$(wc -l <"$dir/follow.json")
nt=$(grep -c '^== [0-9:.]* \(TCP\|UDP\) .*: \(bytes\|gap\) ' "$dir/follow-all.txt")
[ "$nj" = "$nt" ] && ok || bad "follow text: $nt block headers, --json has $nj blocks"

# ---- errors: a non-empty DIR, an unwritable one, a file
mkdir -p "$dir/full"
echo keep >"$dir/full/keep"
"$bin" -r "$cap" --extract "$dir/full" >/dev/null 2>"$dir/e.err"; rc=$?
[ $rc -eq 1 ] && grep -qF "$dir/full" "$dir/e.err" && [ "$(ls "$dir/full")" = keep ] && ok ||
	bad "non-empty DIR: exit $rc, files $(ls "$dir/full" | tr '\n' ' '), said: $(said "$dir/e.err")"
"$bin" -r "$cap" --extract /proc/trawl-stream-test >/dev/null 2>"$dir/e.err"; rc=$?
[ $rc -eq 1 ] && grep -qF /proc/trawl-stream-test "$dir/e.err" && ok ||
	bad "unwritable DIR (/proc): exit $rc, said: $(said "$dir/e.err")"
"$bin" -r "$cap" --extract "$dir/full/keep" >/dev/null 2>"$dir/e.err"; rc=$?
[ $rc -eq 1 ] && grep -qF "$dir/full/keep" "$dir/e.err" && ok ||
	bad "DIR a file: exit $rc, said: $(said "$dir/e.err")"
mkdir -p "$dir/ro"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o ro,size=64k trawl-stream-ro "$dir/ro" 2>/dev/null; then
	"$bin" -r "$cap" --extract "$dir/ro" >/dev/null 2>"$dir/e.err"; rc=$?
	[ $rc -eq 1 ] && grep -qF "$dir/ro" "$dir/e.err" && ok ||
		bad "unwritable DIR (read-only file system): exit $rc, said: $(said "$dir/e.err")"
	umount "$dir/ro"
fi
# a small file system filling up: an error naming the file system's file, exit 1
mkdir -p "$dir/small"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=32k trawl-stream-small "$dir/small" 2>/dev/null; then
	"$bin" -r "$cap" --extract "$dir/small/x" >/dev/null 2>"$dir/e.err"; rc=$?
	[ $rc -eq 1 ] && grep -qF "$dir/small/x" "$dir/e.err" && grep -q "No space left on device" "$dir/e.err" && ok ||
		bad "DIR filling up: exit $rc, said: $(said "$dir/e.err")"
	umount "$dir/small"
fi

# ---- SIGINT while reading a FIFO fed half the capture: what was fed is
# written completely, streams.json valid
rm -f "$dir/fifo"
mkfifo "$dir/fifo"
exec 3<>"$dir/fifo"   # held open (read-write: no blocking) so the reader sees no end
"$bin" -r "$dir/fifo" --extract "$dir/sig" >"$dir/sig.out" 2>"$dir/sig.err" &
spid=$!
cat "$dir/streams-half.pcap" >&3
sleep 1.5
kill -INT $spid 2>/dev/null
for _ in $(seq 100); do kill -0 $spid 2>/dev/null || break; sleep 0.1; done
if kill -0 $spid 2>/dev/null; then
	bad "SIGINT: trawl did not stop within 10 s while blocked reading the FIFO"
	exec 3>&-
	sleep 2
	kill -KILL $spid 2>/dev/null
fi
wait $spid; rc=$?
exec 3>&-
[ $rc -eq 0 ] && ok || bad "SIGINT: exit $rc ($(said "$dir/sig.err"))"
jq -e . "$dir/sig/streams.json" >/dev/null 2>&1 && ok || bad "SIGINT: jq rejects streams.json"
pycheck sigint extract "$dir/streams-half.expect.json" "$dir/sig"

# ---- the same under ASan+UBSan
if [ -x "$san" ]; then
	export ASAN_OPTIONS=detect_leaks=1:exitcode=86 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87
	extract san-ex "$san"
	pycheck san-extract extract "$plan" "$dir/san-ex"
	pycheck san-same same "$plan" "$dir/ex" "$dir/san-ex"
	"$san" -r "$cap" --follow --json >"$dir/san-follow.json" 2>"$dir/san-follow.err" && ok || bad "sanitize follow --json: exit $?"
	cmp -s "$dir/follow.json" "$dir/san-follow.json" && ok || bad "sanitize: follow --json differs from trawl's"
	"$san" -r "$cap" --follow -X >/dev/null 2>>"$dir/san-follow.err" && ok || bad "sanitize follow -X: exit $?"
	"$san" -r "$dir/streams-half.pcap" --extract "$dir/san-half" >/dev/null 2>>"$dir/san-follow.err" && ok || bad "sanitize half: exit $?"
	pycheck san-half extract "$dir/streams-half.expect.json" "$dir/san-half"
	if grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$dir/san-ex.err" "$dir/san-follow.err"; then
		bad "sanitize: $(grep -hE 'AddressSanitizer|runtime error:|LeakSanitizer' "$dir/san-ex.err" "$dir/san-follow.err" | head -3)"
	else ok; fi
elif strict; then
	bad "sanitize: no $san (make sanitize) (CI=true or STRICT=1)"
else
	echo "stream: SKIPPED the sanitizer runs: no $san (make sanitize)"
fi

# ---- live capture (root)
if [ "$(id -u)" -eq 0 ]; then
	"$root/tests/stream/live.sh" "$bin" >"$dir/live.txt" 2>&1
	grep -v '^stream live: ' "$dir/live.txt"
	read -r lp lf < <(sed -n 's/^stream live: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' "$dir/live.txt")
	if [ -n "${lp:-}" ]; then
		pass=$((pass + lp)) fail=$((fail + lf))
	else
		bad "live: tests/stream/live.sh gave no result"
	fi
elif strict; then
	bad "live: not root (live capture needs root)"
else
	echo "stream: live capture SKIPPED: not root"
fi

echo "stream: $pass passed, $fail failed"
[ $fail -eq 0 ]
