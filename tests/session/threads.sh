#!/usr/bin/env bash
# --sessions with the files' SHA-256 on a second thread (src/session/
# hashpipe.c) against the same run on one thread (--threads 1): the
# output (text and --json) and the messages must be the same bytes, on
# every capture of the conformance corpus, tests/gen/gen's captures, the
# captures the other suites wrote under tests/out (run them first for the
# most), and any capture given.  Also through a pipe read slowly (the
# thread waits on the output) and with -c (a run stopped early).
#   threads.sh [BINARY] [CAPTURE...]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
[ $# -gt 0 ] && shift
dir=${CAPTURE_DIR:-$root/tests/out}/threads
corpus="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
mkdir -p "$dir"
export TZ=GMT0
pass=0 fail=0

for m in demo basics snapped truncated hostile; do
	"$root/tests/gen/gen" "$m" "$dir/gen-$m.pcap" >/dev/null 2>&1 || true
done

same() { # same NAME ARGS...: one thread and two give the same bytes
	local name=$1
	shift
	"$bin" --threads 1 "$@" >"$dir/one.out" 2>"$dir/one.err"
	local r1=$?
	"$bin" "$@" >"$dir/two.out" 2>"$dir/two.err"
	local r2=$?
	if [ "$r1" = "$r2" ] && cmp -s "$dir/one.out" "$dir/two.out" && cmp -s "$dir/one.err" "$dir/two.err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL threads $name: $* (exit $r1/$r2)"
		diff "$dir/one.out" "$dir/two.out" | head -5
		diff "$dir/one.err" "$dir/two.err" | head -5
	fi
}

caps=()
for f in "$corpus"/*.pcap "$corpus"/*.pcapng "$dir"/gen-*.pcap "$@"; do
	[ -f "$f" ] && caps+=("$f")
done
if [ -d "$root/tests/out" ]; then
	while IFS= read -r f; do caps+=("$f"); done < <(find "$root/tests/out" -path "$dir" -prune -o \
		-type f \( -name '*.pcap' -o -name '*.pcapng' \) -print | sort)
fi
for f in "${caps[@]}"; do
	same "$(basename "$f")" -r "$f" --sessions
	same "$(basename "$f") json" -r "$f" --sessions --json
done

# the capture with the most files, read through a slow pipe, and cut short
big=$(ls -S "${caps[@]}" | head -1)
"$bin" --threads 1 -r "$big" --sessions --json 2>/dev/null >"$dir/one.out"
"$bin" -r "$big" --sessions --json 2>/dev/null | (sleep 1; cat) >"$dir/two.out"
cmp -s "$dir/one.out" "$dir/two.out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL threads: through a pipe ($big)"; }
for c in 1 100 5000; do
	same "-c $c" -r "$big" --sessions -c "$c"
done
# several files in one run
same "several files" -r "$dir/gen-demo.pcap" -r "$dir/gen-basics.pcap" -r "$big" --sessions --json

echo "threads: $pass passed, $fail failed (${#caps[@]} captures)"
[ "$fail" = 0 ]
