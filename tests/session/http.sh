#!/usr/bin/env bash
# HTTP/1.x in --sessions and --extract, against what tests/gen/gen_http.py
# planted and against tshark's HTTP object export.
#
# 1. gen_http.py writes one capture per case (plain GET, ports 8080 and
#    31337, pipelining, chunked, gzip, deflate (zlib and raw), chunked +
#    gzip, HEAD, 304/204/100, POST and chunked PUT bodies, a body until the
#    connection closes, a gap inside a body, a decompression bomb, huge
#    headers, a bad chunk size, bytes that are not UTF-8, requests and
#    responses without their other half) and its plan, http.expect.json.
#    For each capture: `--sessions --json` must give the planned http
#    events in order with the planned fields, every line valid JSON, and a
#    fileinfo event per body with the planted body's SHA-256, size and
#    state (CLOSED, or TRUNCATED where the plan says so); `--extract DIR`
#    must store DIR/files/SHA256 with exactly the planted bytes and list
#    them in DIR/files.json; the text lines of a few cases are checked
#    exactly.  The bomb must stay under a memory bound (max RSS).
# 2. The ASan+UBSan binary must give the same output on every capture and
#    report nothing.
# 3. tshark: tests/session/tshark-http.expected (tools/record-tshark.sh)
#    holds the SHA-256 of every object tshark 4.0 exports for each corpus
#    capture and each gen_http.py capture.  For every capture, the set of
#    SHA-256 of trawl's complete HTTP files (DIR/files.json: fileinfo,
#    app_proto http, state CLOSED) must be tshark's set.  A difference
#    passes only when tests/session/tshark-http.allow lists it:
#      CAPTURE SHA256|* KIND reason
#    KIND, checked: partial (tshark exports a body trawl has as TRUNCATED:
#    the same SHA-256 must be among trawl's TRUNCATED HTTP files),
#    only-tshark, only-trawl.
#   http.sh [BINARY [SANITIZER_BINARY]]
# Last line: "http: N passed, M failed"; exit 1 on any failure.  Without
# the corpus the corpus part fails when CI=true, and is reported skipped
# otherwise.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}/http
corpus=${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}
fail0() { echo "FAIL http $*"; echo "http: 0 passed, 1 failed"; exit 1; }
[ -x "$bin" ] || fail0 "no trawl binary at $bin"
[ -x "$san" ] || fail0 "no sanitizer binary at $san (make trawl-sanitize)"
[ -x /usr/bin/time ] || fail0 "/usr/bin/time is needed (apt-get install time)"
rm -rf "$dir"
mkdir -p "$dir"
python3 "$root/tests/gen/gen_http.py" "$dir/gen" || fail0 "gen_http.py failed"
export TZ=GMT0
exec python3 - "$bin" "$san" "$dir" "$corpus" "$root/tests/session/tshark-http.expected" \
	"$root/tests/session/tshark-http.allow" <<'PY'
import hashlib, json, os, re, subprocess, sys

binary, san, work, corpus, expected_path, allow_path = sys.argv[1:7]
gen = os.path.join(work, 'gen')
ci = os.environ.get('CI', '') == 'true' or os.environ.get('STRICT', '') == '1'
passed = failed = 0
RSS_MAX_MIB = 96   # the bomb: 64 MiB decoded are streamed, never held


def ok():
    global passed
    passed += 1


def fail(msg):
    global failed
    failed += 1
    print('FAIL http ' + msg)


def check(cond, msg):
    ok() if cond else fail(msg)
    return cond


def sha_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for b in iter(lambda: f.read(1 << 20), b''):
            h.update(b)
    return h.hexdigest()


def run(args, timeout=300):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)


def json_lines(data, what):
    evs = []
    for n, line in enumerate(data.splitlines(), 1):
        try:
            evs.append(json.loads(line))
        except ValueError:
            fail('%s: line %d is not JSON: %r' % (what, n, line[:200]))
            return None
    return evs


def sanitizer_clean(r, what):
    err = r.stderr.decode('latin-1')
    return check(r.returncode in (0, 1) and 'Sanitizer' not in err and 'runtime error' not in err,
                 '%s: exit %d %s' % (what, r.returncode, err[-400:]))


plan = json.load(open(os.path.join(gen, 'http.expect.json')))
SIMPLE = ('http_method', 'hostname', 'url', 'status', 'http_user_agent', 'http_content_type',
          'http_refer', 'length', 'protocol', 'redirect', 'tx_id', 'request_body_length',
          'request_body_sha256', 'request_headers_truncated', 'parse_error', 'sha256')

# ---- 1 and 2: the planted transactions
for cap in sorted(plan):
    path = os.path.join(gen, cap)
    want = plan[cap]
    r = run([binary, '-r', path, '--sessions', '--json'])
    if not check(r.returncode == 0, '%s: --sessions --json exited %d: %s' % (cap, r.returncode, r.stderr[-300:])):
        continue
    evs = json_lines(r.stdout, cap)
    if evs is None:
        continue
    ok()
    https = [e for e in evs if e.get('event_type') == 'http']
    files = [e for e in evs if e.get('event_type') == 'fileinfo']
    check(all(e.get('app_proto') == 'http' for e in evs), '%s: an event whose app_proto is not http' % cap)
    if not check(len(https) == len(want), '%s: %d http events, want %d' % (cap, len(https), len(want))):
        continue
    if all('conn' in w for w in want):
        # connections interleaved: events in order within each connection,
        # the connections in the order they end; matched by their URLs
        # (unique), and each connection's tx_id order checked
        by_url = {e.get('http', {}).get('url'): e for e in https}
        https = [by_url.get(w['url'], {}) for w in want]
        flows = {}
        for e, w in zip(https, want):
            flows.setdefault(w['conn'], set()).add(e.get('flow_id'))
        check(all(len(f) == 1 for f in flows.values()) and len({min(map(str, f)) for f in flows.values()}) == len(flows),
              '%s: transactions not grouped by their connections' % cap)
    for i, (e, w) in enumerate(zip(https, want)):
        h = e.get('http', {})
        bad = []
        for k in SIMPLE:
            if k in w and h.get(k) != w[k]:
                bad.append('%s=%r (want %r)' % (k, h.get(k), w[k]))
        if w.get('no_response') and 'status' in h:
            bad.append('a status, but no response was sent')
        if w.get('no_request') and 'http_method' in h:
            bad.append('a method, but no request was sent')
        if 'complete' in w and bool(h.get('body_truncated')) == w['complete']:
            bad.append('body_truncated=%r' % h.get('body_truncated'))
        if 'parse_error' not in w and 'parse_error' in h:
            bad.append('parse_error=%r' % h['parse_error'])
        check(not bad, '%s: event %d: %s' % (cap, i, '; '.join(bad)))
        # the body's fileinfo
        if 'sha256' in w:
            fi = [f['fileinfo'] for f in files if f['fileinfo'].get('sha256') == w['sha256']
                  and f['fileinfo'].get('direction') == 'to_client']
            good = fi and fi[0].get('size') == w['size'] and \
                fi[0].get('state') == ('CLOSED' if w['complete'] else 'TRUNCATED') and \
                fi[0].get('gaps') == bool(w.get('gaps')) and \
                ('filename' not in w or fi[0].get('filename') == w['filename'])
            check(good, '%s: event %d: no fileinfo with the planted body (sha256 %s, %d bytes, %s): %s' % (
                cap, i, w['sha256'][:16], w['size'], 'complete' if w['complete'] else 'truncated',
                [f['fileinfo'] for f in files]))
        if 'request_body_sha256' in w:
            fi = [f['fileinfo'] for f in files if f['fileinfo'].get('sha256') == w['request_body_sha256']
                  and f['fileinfo'].get('direction') == 'to_server']
            check(fi and fi[0].get('size') == w['upload_size'] and fi[0].get('state') == 'CLOSED',
                  '%s: event %d: no to_server fileinfo for the request body' % (cap, i))
    nbodies = sum(('sha256' in w) + ('request_body_sha256' in w) for w in want)
    check(len(files) == nbodies, '%s: %d fileinfo events, want %d' % (cap, len(files), nbodies))

    # --extract DIR
    xd = os.path.join(work, 'x-' + cap)
    os.makedirs(xd)
    rx = run([binary, '-r', path, '--extract', xd])
    if check(rx.returncode == 0, '%s: --extract exited %d' % (cap, rx.returncode)):
        fj = json_lines(open(os.path.join(xd, 'files.json'), 'rb').read(), cap + ' files.json') or []
        shas = {e['fileinfo']['sha256'] for e in fj if 'fileinfo' in e}
        for w in want:
            for key, size in (('sha256', 'size'), ('request_body_sha256', 'upload_size')):
                if key not in w:
                    continue
                p = os.path.join(xd, 'files', w[key])
                check(w[key] in shas, '%s: files.json lacks %s' % (cap, w[key][:16]))
                check(os.path.isfile(p) and os.path.getsize(p) == w[size] and sha_file(p) == w[key],
                      '%s: DIR/files/%s is not the planted body' % (cap, w[key][:16]))
        check(len(os.listdir(os.path.join(xd, 'files'))) == len(shas),
              '%s: DIR/files holds %s' % (cap, os.listdir(os.path.join(xd, 'files'))))
        if cap == 'bomb.pcap':
            os.remove(os.path.join(xd, 'files', want[0]['sha256']))

    # the sanitizer binary: the same events, nothing reported
    r2 = run([san, '-r', path, '--sessions', '--json'])
    if sanitizer_clean(r2, cap + ' under ASan+UBSan'):
        check(r2.stdout == r.stdout, '%s: the sanitizer binary\'s events differ' % cap)
    xs = os.path.join(work, 'xs-' + cap)
    os.makedirs(xs)
    sanitizer_clean(run([san, '-r', path, '--extract', xs]), cap + ' --extract under ASan+UBSan')
    for n in os.listdir(os.path.join(xs, 'files')):
        os.remove(os.path.join(xs, 'files', n))

# the text lines
def text_lines(cap):
    r = run([binary, '-r', os.path.join(gen, cap), '--sessions'])
    return [re.sub(r'^\S+ ', '', l) for l in r.stdout.decode('latin-1').splitlines()]


def has_line(cap, line):
    lines = text_lines(cap)
    check(line in lines, '%s: no text line %r in %r' % (cap, line, lines))


g = plan['get.pcap']
has_line('get.pcap', 'http 10.0.0.5.1040 > 10.0.0.9.80: GET www.example.com /a/b.tgz "Wget/1.5" -> 200 '
         'application/x-gzip 1234 sha256 ' + g[0]['sha256'])
has_line('get.pcap', 'http 10.0.0.5.1040 > 10.0.0.9.80: GET www.example.com /old?q=1 -> 302 - 0 '
         'location http://www.example.com/new')
p = plan['post.pcap']
has_line('post.pcap', 'http 10.8.0.2.2007 > 10.8.0.3.80: POST www.example.com /upload/form.cgi?x=1 upload 3000 '
         'sha256 %s -> 200 application/json 11 sha256 %s' % (p[0]['request_body_sha256'], p[0]['sha256']))
b = plan['bad_chunk.pcap']
has_line('bad_chunk.pcap', 'http 10.13.0.2.2013 > 10.13.0.3.80: GET www.example.com /badchunk -> 200 - 700 '
         'sha256 %s (truncated) [bad chunk size]' % b[0]['sha256'])
o = plan['orphans.pcap']
has_line('orphans.pcap', 'http 10.15.0.2.2015 > 10.15.0.3.80: GET www.example.com /unanswered -> (no response)')
has_line('orphans.pcap', 'http 10.15.0.2.2016 > 10.15.0.3.80: (no request) -> 200 - 50 sha256 ' + o[1]['sha256'])
has_line('nonutf8.pcap', 'http 10.14.0.2.2014 > 10.14.0.3.80: GET ho.st" /caf./.."q\\x..[31m?a=. '
         '"Mozilla."evil"" -> 404 - 0')

# the bomb: memory stays bounded while 64 MiB are decoded, hashed, stored
for mode in (['--sessions', '--json'], ['--extract', os.path.join(work, 'x-bomb-rss')]):
    if mode[0] == '--extract':
        os.makedirs(mode[1])
    r = run(['/usr/bin/time', '-v', binary, '-r', os.path.join(gen, 'bomb.pcap')] + mode)
    m = re.search(rb'Maximum resident set size \(kbytes\): (\d+)', r.stderr)
    rss = int(m.group(1)) // 1024 if m else 1 << 30
    check(r.returncode == 0 and rss <= RSS_MAX_MIB, 'bomb %s: max RSS %d MiB (bound %d), exit %d' % (
        mode[0], rss, RSS_MAX_MIB, r.returncode))
    if mode[0] == '--extract':
        for n in os.listdir(os.path.join(mode[1], 'files')):
            os.remove(os.path.join(mode[1], 'files', n))
print('http: %d generated captures checked (events, files, text, ASan+UBSan)' % len(plan))

# ---- 3: tshark
expected = {}
for line in open(expected_path):
    if line.startswith('#') or not line.strip():
        continue
    cap, sha, size = line.split()
    expected.setdefault(cap, set()).add(sha)
KINDS = ('partial', 'only-tshark', 'only-trawl')
allow, used = {}, set()
for n, line in enumerate(open(allow_path) if os.path.exists(allow_path) else [], 1):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    f = line.split(None, 3)
    if len(f) < 4 or f[2] not in KINDS:
        fail('tshark-http.allow:%d: want "CAPTURE SHA256|* KIND reason", KIND one of %s' % (n, ', '.join(KINDS)))
        continue
    allow[(f[0], f[1])] = f[2]

have_corpus = os.path.isdir(corpus) and any(n.endswith('.pcap') for n in os.listdir(corpus))
caps = ['gen/' + c for c in sorted(plan) if c != 'bomb.pcap']
if have_corpus:
    caps += sorted(n for n in os.listdir(corpus) if n.endswith('.pcap') or n.endswith('.pcapng'))
elif ci:
    fail('the conformance corpus is missing at %s (CI=true or STRICT=1)' % corpus)
else:
    print('http: SKIPPED the corpus part of the tshark comparison: %s is missing' % corpus)
identical = allowed = with_objects = 0
for cap in caps:
    path = os.path.join(gen, cap[4:]) if cap.startswith('gen/') else os.path.join(corpus, cap)
    xd = os.path.join(work, 'ts', cap.replace('/', '_'))
    os.makedirs(xd)
    try:
        r = run([binary, '-r', path, '--extract', xd], timeout=120)
    except subprocess.TimeoutExpired:
        fail('%s: trawl --extract timed out' % cap)
        continue
    if r.returncode not in (0, 1) or b'--extract' in r.stderr:
        fail('%s: trawl --extract exited %d: %s' % (cap, r.returncode, r.stderr[-300:]))
        continue
    closed, truncated = set(), set()
    try:
        for e in json_lines(open(os.path.join(xd, 'files.json'), 'rb').read(), cap) or []:
            fi = e.get('fileinfo', {})
            if e.get('app_proto') == 'http' and 'sha256' in fi:
                (closed if fi.get('state') == 'CLOSED' else truncated).add(fi['sha256'])
    except OSError:
        fail('%s: no files.json' % cap)
        continue
    import shutil
    shutil.rmtree(xd)
    theirs = expected.get(cap, set())
    if not theirs and not closed:
        continue
    with_objects += 1
    for sha in sorted(theirs | closed):
        if sha in theirs and sha in closed:
            identical += 1
            ok()
            continue
        kind = 'only-tshark' if sha in theirs else 'only-trawl'
        if kind == 'only-tshark' and sha in truncated:
            kind = 'partial'
        key = (cap, sha) if (cap, sha) in allow else (cap, '*')
        if allow.get(key) == kind:
            used.add(key)
            allowed += 1
            ok()
        else:
            fail('%s %s: %s%s' % (cap, sha, kind, '' if key not in allow else
                                   ' (tshark-http.allow says %s)' % allow[key]))
for key in sorted(set(allow) - used):
    if have_corpus or key[0].startswith('gen/'):
        print('note: tshark-http.allow lists %s %s (%s), which did not occur' % (key[0], key[1], allow[key]))
print('http: tshark comparison over %d captures (%d with an object on either side): %d objects identical, '
      '%d differences allowed' % (len(caps), with_objects, identical, allowed))
print('http: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
