#!/usr/bin/env bash
# --rules against what tests/gen/gen_rules.py planted.
#
# 1. gen_rules.py writes incident.pcap (and incident.fast.json) into
#    ${CAPTURE_DIR:-tests/out}/rules/.  `trawl -r incident.pcap --rules
#    tests/rules/incident.rules --var HOME_NET=[10.0.0.0/8]` must exit 0,
#    load every rule, and print fast alert lines whose count per sid
#    ([1:SID:REV]) is exactly tests/rules/incident.expect's (every sid
#    listed there; a sid not listed is a failure).  The fast lines of the
#    alerts incident.fast.json names are compared exactly (TZ=UTC0).
# 2. --json: every line valid JSON (jq), event_type alert, the same counts
#    per alert.signature_id, flow_id and community_id present, the alert
#    object's gid/rev/signature/category/severity those of the rule, and
#    app_proto on the alerts of HTTP, DNS, TLS and FTP transactions.
# 3. --summary lists the sids that fired with their counts (and no other);
#    --summary --json has a top-level "alerts" with the same.
# 4. Errors: an unbalanced quote, a rule without sid, a pcre that does not
#    compile: exit 1 and stderr naming FILE:LINE.  An unknown keyword: the
#    rule skipped and counted on the loading line; with --rules-strict,
#    exit 1.
# 5. ET Open (../shared/rules/et-open, or RULES_DIR): loads with exit 0,
#    "loaded N of M rules" with N/M >= 0.90, in under 10 s.  Absent: a
#    failure when CI=true, else reported skipped.
# 6. The ASan+UBSan binary: the same counts on incident.pcap, and ET Open
#    loaded, with no sanitizer report.
#   run.sh [BINARY [SANITIZER_BINARY]]
# Last line: "rules: N passed, M failed"; exit 1 on any failure.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}/rules
et=${RULES_DIR:-$root/../shared/rules/et-open}
fail0() { echo "FAIL rules $*"; echo "rules: 0 passed, 1 failed"; exit 1; }
[ -x "$bin" ] || fail0 "no trawl binary at $bin"
[ -x "$san" ] || fail0 "no sanitizer binary at $san (make trawl-sanitize)"
command -v jq >/dev/null || fail0 "jq is needed (apt-get install jq)"
rm -rf "$dir"
mkdir -p "$dir"
python3 "$root/tests/gen/gen_rules.py" "$dir" || fail0 "gen_rules.py failed"
export TZ=UTC0
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87
exec python3 - "$bin" "$san" "$dir" "$root/tests/rules" "$et" <<'PY'
import json, os, re, subprocess, sys, time

binary, san, work, rdir, et = sys.argv[1:6]
pcap = os.path.join(work, 'incident.pcap')
rules = os.path.join(rdir, 'incident.rules')
VARS = ['--var', 'HOME_NET=[10.0.0.0/8]']
ci = os.environ.get('CI', '') == 'true' or os.environ.get('STRICT', '') == '1'
passed = failed = 0
# the default Hyperscan cache ($XDG_CACHE_HOME/trawl) inside the work
# directory, not the user's
os.environ['XDG_CACHE_HOME'] = os.path.join(work, 'xdg')


def ok():
    global passed
    passed += 1


def bad(what):
    global failed
    failed += 1
    print('FAIL rules', what)


def run(args, b=binary, timeout=120):
    t = time.monotonic()
    try:
        p = subprocess.run([b] + args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 124, '', 'timeout', timeout
    return (p.returncode, p.stdout.decode('utf-8', 'replace'),
            p.stderr.decode('utf-8', 'replace'), time.monotonic() - t)


# ---- the plan -------------------------------------------------------------
expect = {}
for line in open(os.path.join(rdir, 'incident.expect')):
    line = line.split('#')[0].split()
    if line:
        expect[line[0]] = int(line[1])
meta = {}   # sid -> msg, classtype, rev
nrules = 0
for line in open(rules):
    if not line.strip() or line.lstrip().startswith('#'):
        continue
    nrules += 1
    sid = re.search(r'\bsid:\s*(\d+)', line).group(1)
    meta[sid] = {'msg': re.search(r'msg:"([^"]*)"', line).group(1),
                 'class': re.search(r'classtype:\s*([^;]+);', line).group(1),
                 'rev': re.search(r'\brev:\s*(\d+)', line).group(1)}
classes = {}
for line in open(os.path.join(rdir, 'classification.config')):
    m = re.match(r'config classification:\s*([^,]+),([^,]+),\s*(\d+)', line)
    if m:
        classes[m.group(1).strip()] = (m.group(2).strip(), int(m.group(3)))
if set(meta) != set(expect):
    bad('incident.expect and incident.rules list different sids: %s'
        % sorted(set(meta) ^ set(expect)))
fast = json.load(open(os.path.join(work, 'incident.fast.json')))

FAST_RE = re.compile(r'^(\d\d/\d\d-\d\d:\d\d:\d\d\.\d{6})  \[\*\*\] \[(\d+):(\d+):(\d+)\] (.*) \[\*\*\] '
                     r'(?:\[Classification: ([^\]]*)\] )?\[Priority: (\d+)\] \{([A-Z0-9:-]+)\} (\S+) -> (\S+)$')
LOADED_RE = re.compile(r'trawl: rules: loaded ([\d,]+) of ([\d,]+) rules')  # 23,083 of 24,827


def num(s):
    return int(s.replace(',', ''))


def compare(counts, what):
    """counts (sid -> n) against incident.expect; one failure per sid that
    differs; True when all agree"""
    good = True
    for sid in sorted(set(expect) | set(counts)):
        want, got = expect.get(sid), counts.get(sid, 0)
        if want is None:
            bad('%s: sid %s fired %d times and is not in incident.expect' % (what, sid, got))
            good = False
        elif got != want:
            bad('%s: sid %s fired %d times, expected %d (%s)' % (what, sid, got, want, meta[sid]['msg']))
            good = False
    return good


def fast_counts(out, what):
    counts, lines = {}, {}
    good = True
    for line in out.splitlines():
        m = FAST_RE.match(line)
        if not m:
            if good:
                bad('%s: not a fast alert line: %r' % (what, line))
            good = False
            continue
        sid = m.group(3)
        counts[sid] = counts.get(sid, 0) + 1
        lines.setdefault(sid, line)
    return counts, lines, good


# ---- 1. fast lines ---------------------------------------------------------
rc, out, err, _ = run(['-r', pcap, '--rules', rules] + VARS)
with open(os.path.join(work, 'fast.out'), 'w') as f:
    f.write(out)
with open(os.path.join(work, 'fast.err'), 'w') as f:
    f.write(err)
if rc != 0:
    bad('trawl --rules exited %d: %s' % (rc, err.strip()[-500:]))
else:
    ok()
m = LOADED_RE.search(err)
if not m:
    bad('no "trawl: rules: loaded N of M rules" line on stderr: %r' % err[:300])
elif (num(m.group(1)), num(m.group(2))) != (nrules, nrules):
    bad('loading line says %s of %s rules, expected %d of %d: %s'
        % (m.group(1), m.group(2), nrules, nrules, err.splitlines()[0]))
else:
    ok()
if len([l for l in err.splitlines() if l.startswith('trawl: rules:')]) < 2:
    bad('no closing counters line on stderr after the loading line: %r' % err[-300:])
else:
    ok()
counts, first, good = fast_counts(out, 'fast')
if good:
    ok()
fast_ok = compare(counts, 'fast')
if fast_ok:
    ok()
for sid, f in sorted(fast.items()):
    desc, prio = classes[meta[sid]['class']]
    want = '%s.%06d  [**] [1:%s:%s] %s [**] [Classification: %s] [Priority: %d] {%s} %s -> %s' % (
        time.strftime('%m/%d-%H:%M:%S', time.gmtime(f['sec'])), f['usec'], sid, meta[sid]['rev'],
        meta[sid]['msg'], desc, prio, f['proto'], f['src'], f['dst'])
    if first.get(sid) != want:
        bad('fast line of sid %s:\n  got  %r\n  want %r' % (sid, first.get(sid), want))
    else:
        ok()

# ---- 2. --json ---------------------------------------------------------------
rc, jout, err, _ = run(['-r', pcap, '--rules', rules, '--json'] + VARS)
if rc != 0:
    bad('--json exited %d: %s' % (rc, err.strip()[-300:]))
else:
    ok()
jq = subprocess.run(['jq', '-c', '.'], input=jout.encode(), capture_output=True)
if jq.returncode != 0 or len(jq.stdout.splitlines()) != len(jout.splitlines()):
    bad('--json: jq does not parse every line: %s' % jq.stderr.decode()[:300])
else:
    ok()
# the application protocol of the alerts on a session's transactions
APP = dict([(str(s), 'http') for s in range(1000033, 1000040)] +
           [('1000041', 'dns'), ('1000043', 'tls'), ('1000045', 'tls'), ('1000046', 'ftp')])
jcounts, probs = {}, []
for line in jout.splitlines():
    try:
        e = json.loads(line)
    except ValueError:
        probs.append('not JSON: %r' % line[:200])
        continue
    a = e.get('alert') or {}
    if e.get('event_type') != 'alert':
        probs.append('event_type %r' % e.get('event_type'))
        continue
    sid = str(a.get('signature_id'))
    jcounts[sid] = jcounts.get(sid, 0) + 1
    for k in ('flow_id', 'community_id', 'src_ip', 'dest_ip', 'proto', 'timestamp'):
        if k not in e:
            probs.append('sid %s: no %s' % (sid, k))
    if sid in meta:
        desc, prio = classes[meta[sid]['class']]
        want = {'gid': 1, 'rev': int(meta[sid]['rev']), 'signature': meta[sid]['msg'],
                'category': desc, 'severity': prio}
        for k, v in want.items():
            if a.get(k) != v:
                probs.append('sid %s: alert.%s %r, expected %r' % (sid, k, a.get(k), v))
    want_app = APP.get(sid)
    if want_app and e.get('app_proto') != want_app:
        probs.append('sid %s: app_proto %r, expected %r' % (sid, e.get('app_proto'), want_app))
    if e.get('proto') in ('TCP', 'UDP') and not ('src_port' in e and 'dest_port' in e):
        probs.append('sid %s: %s without src_port/dest_port' % (sid, e.get('proto')))
if probs:
    bad('--json: %d problems, first: %s' % (len(probs), '; '.join(sorted(set(probs))[:8])))
else:
    ok()
if jcounts != counts:
    compare(jcounts, 'json')
else:
    ok()

# ---- 3. --summary ----------------------------------------------------------------
fired = {s: n for s, n in expect.items() if n}
rc, sout, err, _ = run(['-r', pcap, '--rules', rules, '--summary'] + VARS)
with open(os.path.join(work, 'summary.out'), 'w') as f:
    f.write(sout)
sec = sout.split('Alerts:', 1)
if rc != 0 or len(sec) < 2:
    bad('--summary: exit %d, no "Alerts:" section' % rc)
else:
    body = sec[1].splitlines()
    # the section: up to the next unindented "Name:" heading
    lines = []
    for l in body[1:]:
        if re.match(r'^[A-Z][A-Za-z ]*:\s*$', l):
            break
        lines.append(l)
    got = {}
    for l in lines:
        m = re.search(r'\b1:(\d+):\d+\b', l) or re.search(r'\b(10000\d\d)\b', l)
        if not m:
            continue
        rest = l.replace(m.group(0), ' ')
        rest = re.sub(r'\d\d/\d\d-\d\d:\d\d:\d\d\.\d+|\d{4}-\d\d-\d\dT\S+|\d\d:\d\d:\d\d\S*', ' ', rest)
        rest = rest.replace(meta.get(m.group(1), {}).get('msg', '\0'), ' ')
        nums = re.findall(r'(?<![\w.:/-])(\d+)(?![\w.:/-])', rest)
        got[m.group(1)] = int(nums[0]) if nums else -1
    if got != fired:
        diff = sorted(set(got.items()) ^ set(fired.items()))
        bad('--summary Alerts: section differs from the expected counts: %s\n%s'
            % (diff[:10], '\n'.join(lines[:10])))
    else:
        ok()
rc, sjout, err, _ = run(['-r', pcap, '--rules', rules, '--summary', '--json'] + VARS)
summ = None
for line in reversed(sjout.splitlines()):
    try:
        o = json.loads(line)
    except ValueError:
        continue
    if isinstance(o, dict) and 'alerts' in o:
        summ = o
        break
if summ is None:
    try:
        o = json.loads(sjout)
        summ = o if isinstance(o, dict) and 'alerts' in o else None
    except ValueError:
        pass
if rc != 0 or summ is None:
    bad('--summary --json: exit %d, no JSON object with a top-level "alerts"' % rc)
else:
    got = {}

    def walk(x):
        if isinstance(x, dict):
            sid = x.get('signature_id', x.get('sid'))
            n = x.get('count', x.get('alerts'))
            if sid is not None and isinstance(n, int):
                got[str(sid)] = n
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(summ['alerts'])
    if got != fired:
        bad('--summary --json "alerts" differs from the expected counts: %s; %s'
            % (sorted(set(got.items()) ^ set(fired.items()))[:10], json.dumps(summ['alerts'])[:400]))
    else:
        ok()

# ---- 4. errors ---------------------------------------------------------------------
bd = os.path.join(work, 'bad')
os.makedirs(bd, exist_ok=True)
GOOD = 'alert tcp any any -> any 80 (msg:"fine"; content:"x"; sid:%d; rev:1;)\n'
cases = {
    'quote.rules': (GOOD % 1 + '# a comment\n' +
                    'alert tcp any any -> any 80 (msg:"unterminated"; content:"abc; sid:2; rev:1;)\n', 3),
    'nosid.rules': (GOOD % 1 + 'alert tcp any any -> any 80 (msg:"no sid"; content:"x"; rev:1;)\n', 2),
    'pcre.rules': (GOOD % 1 + GOOD % 2 + '\n' +
                   'alert tcp any any -> any 80 (msg:"bad pcre"; pcre:"/(unclosed/"; sid:3; rev:1;)\n', 4),
}
for name, (text, line) in cases.items():
    p = os.path.join(bd, name)
    with open(p, 'w') as f:
        f.write(text)
    rc, o, e, _ = run(['-r', pcap, '--rules', p])
    if rc != 1 or '%s:%d' % (name, line) not in e:
        bad('malformed %s: exit %d (expected 1), stderr %r (expected to name %s:%d)'
            % (name, rc, e.strip()[:300], name, line))
    else:
        ok()
p = os.path.join(bd, 'unknown.rules')
with open(p, 'w') as f:
    f.write(GOOD % 1 + 'alert tcp any any -> any 80 (msg:"unknown kw"; content:"x"; frobnicate:3; sid:2; rev:1;)\n'
            + GOOD % 3)
rc, o, e, _ = run(['-r', pcap, '--rules', p])
m = re.search(r'trawl: rules: loaded (\d+) of (\d+) rules; skipped (\d+)[^\n]*', e)
if rc != 0 or not m or m.group(1, 2, 3) != ('2', '3', '1') or 'frobnicate' not in m.group(0):
    bad('unknown keyword: exit %d (expected 0), loading line %r (expected "loaded 2 of 3 rules; '
        'skipped 1: ... frobnicate ...")' % (rc, m.group(0) if m else e[:300]))
else:
    ok()
rc, o, e, _ = run(['-r', pcap, '--rules', p, '--rules-strict'])
if rc != 1:
    bad('unknown keyword with --rules-strict: exit %d, expected 1 (%s)' % (rc, e.strip()[:200]))
else:
    ok()

# ---- 5. ET Open ------------------------------------------------------------------------
have_et = os.path.isdir(et)
if have_et:
    rc, o, e, secs = run(['-r', pcap, '--rules', et])
    m = LOADED_RE.search(e)
    if rc != 0:
        bad('ET Open: exit %d: %s' % (rc, e.strip()[-300:]))
    else:
        ok()
    if not m:
        bad('ET Open: no loading line: %r' % e[:300])
    else:
        n, tot = num(m.group(1)), num(m.group(2))
        line = [l for l in e.splitlines() if 'loaded' in l][0]
        print('rules: ET Open %s (%.2f s)' % (line[:300], secs))
        if tot == 0 or n / tot < 0.90:
            bad('ET Open: loaded %d of %d rules, under 90%%' % (n, tot))
        else:
            ok()
    if secs >= 10:
        bad('ET Open: took %.1f s, the bound is 10 s' % secs)
    else:
        ok()
elif ci:
    bad('ET Open is not at %s (CI=true or STRICT=1)' % et)
else:
    print('rules: ET Open not at %s: its part skipped' % et)

# ---- 7. the Hyperscan cache --------------------------------------------------------------
# --rules-cache DIR: the first run compiles and writes DIR/hs-*.db, the
# second reads them ("from the cache"); files damaged are compiled again;
# the alerts are the same every time.  --no-rules-cache writes nothing; the
# default is $XDG_CACHE_HOME/trawl; --rules-cache without --rules is an error.
import glob, shutil
CACHED_RE = re.compile(r'\((\d+) of (\d+) Hyperscan databases from the cache\)')
base_rc, base_o, base_e, _ = run(['-r', pcap, '--rules', rules, '--no-rules-cache'] + VARS)
cdir = os.path.join(work, 'hscache')
shutil.rmtree(cdir, ignore_errors=True)
for step in ('cold', 'warm', 'damaged'):
    if step == 'damaged':
        for f in glob.glob(os.path.join(cdir, 'hs-*.db')):
            with open(f, 'r+b') as fh:
                fh.seek(os.path.getsize(f) // 2)
                fh.write(b'\xde\xad\xbe\xef' * 8)
    rc, o, e, _ = run(['-r', pcap, '--rules', rules, '--rules-cache', cdir] + VARS)
    files = glob.glob(os.path.join(cdir, 'hs-*.db'))
    m = CACHED_RE.search(e)
    if rc != 0 or o != base_o or base_rc != 0:
        bad('cache %s: exit %d, alerts %s the uncached run\'s' % (step, rc, 'as' if o == base_o else 'unlike'))
    elif not files:
        bad('cache %s: no hs-*.db written in %s' % (step, cdir))
    elif step == 'warm' and not (m and m.group(1) == m.group(2)) or step != 'warm' and m and m.group(1) == m.group(2):
        bad('cache %s: loading line %r with %d files' % (step, CACHED_RE.findall(e), len(files)))
    else:
        ok()
xdg = os.environ['XDG_CACHE_HOME']
shutil.rmtree(xdg, ignore_errors=True)
run(['-r', pcap, '--rules', rules, '--no-rules-cache'] + VARS)
if os.path.exists(xdg):
    bad('--no-rules-cache wrote %s' % xdg)
else:
    ok()
run(['-r', pcap, '--rules', rules] + VARS)
if not glob.glob(os.path.join(xdg, 'trawl', 'hs-*.db')):
    bad('the default cache $XDG_CACHE_HOME/trawl was not written')
else:
    ok()
rc, o, e, _ = run(['-r', pcap, '--rules-cache', cdir])
if rc != 1 or '--rules' not in e:
    bad('--rules-cache without --rules: exit %d, %r' % (rc, e[:200]))
else:
    ok()

# ---- 6. the sanitizer binary -----------------------------------------------------------


def san_ok(rc, e, what):
    if rc in (86, 87) or re.search(r'AddressSanitizer|LeakSanitizer|runtime error:', e):
        bad('%s: sanitizer report (exit %d): %s' % (what, rc, e[-1500:]))
        return False
    if rc != 0:
        bad('%s: exit %d: %s' % (what, rc, e.strip()[-300:]))
        return False
    return True


rc, o, e, _ = run(['-r', pcap, '--rules', rules] + VARS, b=san, timeout=300)
if san_ok(rc, e, 'sanitizer, incident rules'):
    ok()
scounts, _, _ = fast_counts(o, 'sanitizer fast')
if scounts != counts:
    bad('sanitizer binary counts differ from trawl\'s: %s'
        % sorted(set(scounts.items()) ^ set(counts.items()))[:10])
else:
    ok()
if have_et:
    rc, o, e, secs = run(['-r', pcap, '--rules', et], b=san, timeout=300)
    if san_ok(rc, e, 'sanitizer, ET Open'):
        ok()

print('rules: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
