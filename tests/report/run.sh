#!/usr/bin/env bash
# --report FILE.html, checked in a real browser: headless Chromium (Debian's
# /usr/bin/chromium) driven by playwright-core (tests/report/check.js).
#
# Captures: the demo capture (tests/gen/gen demo), tests/gen/gen_xss.py's
# xss.pcap (markup and script in DNS names, HTTP URL, Host and User-Agent,
# TLS SNI, and an extracted file named by the hostile URL) and its
# xss-big.pcap (thousands of long names that escape to several times their
# size).  For each page check.js loads it with every request but the page
# refused and recorded, and checks: no console error or warning (a script
# or a load the page's Content-Security-Policy blocked would be one), no
# request, every section there (and the alerts and files sections only when
# there is something to show), the overview's packets, bytes and hosts, the
# top talkers, the IP protocol and application counts equal to
# `trawl --summary --json`'s on the same capture, the time table adding up to
# the packets, the conversations table sorting by a column (the inline
# script works under the CSP), and for the hostile captures that no planted
# script ran (window.__pwned unset, alert() not called, no img/iframe/
# event-handler attribute in the DOM), also with the CSP bypassed, while the
# planted text shows as text.  A full-page screenshot of each is kept in
# tests/out/report/.
# Also: the page stays under 2 MB on xss-big.pcap; the alerts section via
# report_alert() (tests/report/alerts.c, until --rules calls it) with a
# hostile message; --summary's output is the same with --report; the
# ASan+UBSan binary writes the same pages and reports nothing; a live
# capture (-i lo, as root) writes its page at the stop signal; the progress
# line shows on a terminal and never when stderr is not one.
#   run.sh [BINARY [SANITIZER_BINARY]]
# Last line: "report: N passed, M failed"; exit 1 on any failure.  When
# chromium or playwright-core cannot be installed (tests/report/setup.sh),
# the browser checks fail under CI=true and are reported skipped otherwise.
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tests/report"
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
out=${CAPTURE_DIR:-$root/tests/out}/report
export TZ=GMT0
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL report $1: $2"; }
mkdir -p "$out"
rm -rf "$out"/*.html "$out"/*.png "$out"/ex-*

"$root/tests/gen/gen" demo "$out/demo.pcap" || bad gen "tests/gen/gen demo"
python3 "$root/tests/gen/gen_xss.py" "$out" || bad gen gen_xss.py
python3 "$root/tests/gen/gen_xss.py" "$out" big || bad gen "gen_xss.py big"

# the pages (and each capture's --summary --json)
page() { # NAME CAPTURE [trawl options...]
	local name=$1 cap=$2
	shift 2
	if ! "$bin" -r "$cap" --report "$out/$name.html" "$@" >"$out/$name.stdout" 2>"$out/$name.err"; then
		bad "$name" "trawl exited $? ($(tail -1 "$out/$name.err"))"
		return
	fi
	grep -q '</html>' "$out/$name.html" && ok || bad "$name" "page incomplete"
	"$bin" -r "$cap" --summary --json >"$out/$name.sum.json" 2>/dev/null || bad "$name" "--summary --json"
}
page demo "$out/demo.pcap"
page demo-extract "$out/demo.pcap" --extract "$out/ex-demo"
page xss "$out/xss.pcap" --extract "$out/ex-xss"
page big "$out/xss-big.pcap"

# the alerts hook, until --rules calls it
objs=$(ls "$root"/build/src/*/*.o "$root"/build/src/*.o 2>/dev/null | grep -v '/build/src/main\.o$')
alerts=
if cc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -o "$out/alerts" "$here/alerts.c" $objs \
	-lpcap -lcrypto -lz -lpcre2-8 -lhs -pthread -lm 2>"$out/alerts.err"; then
	alerts=$("$out/alerts" "$out/demo.pcap" "$out/alerts.html") || bad alerts "alerts.c failed"
	cp "$out/demo.sum.json" "$out/alerts.sum.json"
	ok
else
	bad alerts "alerts.c did not build: $(head -3 "$out/alerts.err")"
fi

# size: 2 MB whatever the capture
sz=$(stat -c %s "$out/big.html" 2>/dev/null || echo 0)
[ "$sz" -gt 0 ] && [ "$sz" -le 2000000 ] && ok || bad size "xss-big page is $sz bytes (limit 2000000)"
# and the strings were cut and escaped, none raw
if grep -q '<script>window' "$out/xss.html" "$out/big.html" 2>/dev/null; then
	bad escape "a raw <script> from a packet in the page"
else ok; fi

# --summary's own output is not changed by --report
"$bin" -r "$out/demo.pcap" --summary >"$out/s1.txt" 2>/dev/null
"$bin" -r "$out/demo.pcap" --summary --report "$out/s2.html" >"$out/s2.txt" 2>/dev/null
cmp -s "$out/s1.txt" "$out/s2.txt" && ok || bad summary "--summary output differs with --report"
"$bin" -r "$out/demo.pcap" --conversations --json >"$out/c1.txt" 2>/dev/null
"$bin" -r "$out/demo.pcap" --conversations --json --report "$out/c2.html" >"$out/c2.txt" 2>/dev/null
cmp -s "$out/c1.txt" "$out/c2.txt" && ok || bad conversations "--conversations --json output differs with --report"
# a path that cannot be written fails at once, before reading
if "$bin" -r "$out/demo.pcap" --report /nonexistent/dir/x.html >/dev/null 2>"$out/bad.err"; then
	bad badpath "exit 0 for an unwritable --report path"
else
	grep -q 'report' "$out/bad.err" && ok || bad badpath "no message: $(cat "$out/bad.err")"
fi

# sanitizers: the same pages, nothing reported
if [ -x "$san" ]; then
	for c in demo:demo xss:xss big:xss-big; do
		n=${c%%:*} cap=${c#*:}
		extra=()
		[ "$n" = xss ] && extra=(--extract "$out/ex-san-$n")
		if ! "$san" -r "$out/$cap.pcap" --report "$out/san-$n.html" "${extra[@]}" >/dev/null 2>"$out/san-$n.err"; then
			bad "sanitize $n" "exit status ($(grep -m1 -E 'ERROR|runtime error' "$out/san-$n.err"))"
		elif grep -qE 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' "$out/san-$n.err"; then
			bad "sanitize $n" "$(grep -m1 -E 'ERROR|runtime error' "$out/san-$n.err")"
		elif [ "$n" != xss ] && ! cmp -s "$out/san-$n.html" "$out/$n.html"; then
			bad "sanitize $n" "page differs from trawl's"
		else ok; fi
	done
else
	bad sanitize "no $san (make sanitize)"
fi

# the progress line: never when stderr is not a terminal; on a terminal
# while a pipe is read slowly (libpcap's loop), packets counted
"$bin" -r "$out/xss-big.pcap" --report "$out/p.html" >/dev/null 2>"$out/p.err"
if grep -q 'packets' "$out/p.err"; then bad progress "a progress line without a terminal"; else ok; fi
python3 - "$bin" "$out/xss-big.pcap" "$out/p2.html" >"$out/progress.out" 2>&1 <<'EOF'
import os, pty, select, subprocess, sys, time
binary, cap, page = sys.argv[1:4]
m, s = pty.openpty()
p = subprocess.Popen([binary, '-r', '-', '--report', page], stdin=subprocess.PIPE,
                     stdout=subprocess.DEVNULL, stderr=s)
os.close(s)
data = open(cap, 'rb').read()
got = b''
t0 = time.time()
step = len(data) // 40 + 1
for i in range(0, len(data), step):   # about two seconds in all
    p.stdin.write(data[i:i + step])
    p.stdin.flush()
    time.sleep(0.05)
    while select.select([m], [], [], 0)[0]:
        got += os.read(m, 65536)
p.stdin.close()
p.wait()
try:
    while select.select([m], [], [], 0.2)[0]:
        d = os.read(m, 65536)
        if not d:
            break
        got += d
except OSError:
    pass
ok = b'packets' in got and b'\r\x1b[K' in got and p.returncode == 0
print('progress:', 'ok' if ok else 'missing', repr(got[-300:]))
sys.exit(0 if ok else 1)
EOF
[ $? -eq 0 ] && ok || bad progress "no progress line on a terminal: $(tail -c 300 "$out/progress.out")"

# live: the page is written at the stop signal
if [ "$(id -u)" -eq 0 ]; then
	"$bin" -n -i lo --report "$out/live.html" udp port 9 >/dev/null 2>"$out/live.err" &
	lp=$!
	for _ in $(seq 50); do grep -q 'listening on' "$out/live.err" 2>/dev/null && break; sleep 0.1; done
	sleep 0.3
	python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(20):
    s.sendto(b"trawl report test %d" % i, ("127.0.0.1", 9))' 2>/dev/null
	sleep 0.5
	kill -INT "$lp" 2>/dev/null
	wait "$lp"
	if grep -q '</html>' "$out/live.html" 2>/dev/null &&
		grep -qE 'data-k="packets">[1-9]' "$out/live.html"; then ok
	else bad live "no complete page with packets after -i lo and SIGINT ($(tail -1 "$out/live.err"))"; fi
elif strict; then
	bad live "not root: the live part needs root (CI=true or STRICT=1)"
else
	echo "report: SKIPPED the live part: not root"
fi

# the browser
if ! "$here/setup.sh" 2>"$out/setup.err"; then
	why=$(tail -1 "$out/setup.err")
	if strict; then
		bad browser "cannot install chromium/playwright-core: $why (CI=true or STRICT=1)"
	else
		echo "report: browser checks SKIPPED: $why"
	fi
else
	base='"overview","time","protocols","talkers","graph","conversations","names"'
	echo "{\"sections\":[$base],\"absent\":[\"alerts\",\"files\"]}" >"$out/demo.opt.json"
	echo "{\"sections\":[$base,\"files\"],\"absent\":[\"alerts\"],\"files\":[\"lrk5.tgz\",\"shadow\"]}" >"$out/demo-extract.opt.json"
	cat >"$out/xss.opt.json" <<'EOF'
{"sections":["overview","time","protocols","talkers","graph","conversations","names","files"],
 "absent":["alerts"],
 "hostile":["<script>window.__pwned=1</script>.evil.example",
  "\"><img src=x onerror=window.__pwned=2>.example",
  "'></td></tr></table><svg onload=alert(3)>.x",
  "javascript:window.__pwned=4.example",
  "line\\u{2028}sep.rtl\\u{202e}exe.example",
  "bad\\xff\\xfeutf8.nul\\x00x.nl\\x0ax.example",
  "&amp;&lt;script&gt;.example",
  "/<script>window.__pwned=5</script>?q=\"><img%20src=x%20onerror=window.__pwned=6>",
  "<script>window.__pwned=7</script>.example",
  "\"><img src=x onerror=window.__pwned=8><script>alert(9)</script>",
  "<script>window.__pwned=11</script>.example"],
 "files":["/<script>window.__pwned=5</script>"]}
EOF
	echo "{\"sections\":[$base],\"absent\":[\"alerts\",\"files\"],\"screenshot\":false,\"nocsp\":false,\"hostile\":[\"\\\"<\\\\xff\\\"<\\\\xff\"]}" >"$out/big.opt.json"
	echo "{\"sections\":[$base,\"alerts\"],\"absent\":[\"files\"],\"alerts\":${alerts:-0},\"hostile\":[\"ET POLICY test <script>window.__pwned=20</script>\",\"\\\"><img src=x onerror=window.__pwned=21>\"]}" >"$out/alerts.opt.json"
	specs=()
	for n in demo demo-extract xss big alerts; do
		[ -f "$out/$n.html" ] || { bad "browser $n" "no page"; continue; }
		specs+=("$n:$out/$n.html:$out/$n.sum.json:$out/$n.png:$out/$n.opt.json")
	done
	node "$here/check.js" "${specs[@]}" >"$out/check.out" 2>&1
	for n in demo demo-extract xss big alerts; do
		if grep -q "^FAIL $n " "$out/check.out"; then
			bad "browser $n" "$(grep -m3 "^FAIL $n " "$out/check.out" | tr '\n' ' ' | cut -c1-600)"
		elif grep -q "^ok $n still no script ran" "$out/check.out"; then
			ok
		else
			bad "browser $n" "not checked: $(grep -m1 FAIL "$out/check.out")"
		fi
	done
fi

echo "report: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
