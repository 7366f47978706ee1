#!/usr/bin/env bash
# Runs ./trawl-sanitize (ASan + UBSan) over the project's captures with the
# flag sets that change code paths, and over every conformance case when the
# shared corpus is present.  Fails on any sanitizer report, crash or hang;
# the printed output itself is not compared here.
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}
corpus="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
mkdir -p "$dir/san"
for c in demo basics snapped truncated; do "$root/tests/gen/gen" $c "$dir/$c.pcap" || exit 1; done
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86
export LSAN_OPTIONS=suppressions=$root/tests/sanitize/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87
export TZ=GMT0

# one NAME DIR INPUT ARGS...: prints "NAME ok|bad"
one() {
	local name=$1 wd=$2
	shift 2
	local log="$dir/san/$name.log"
	(cd "$wd" && eval "timeout 20 \"$bin\" -# -n -r $*") >/dev/null 2>"$log"
	local rc=$?
	if [ $rc -eq 124 ] || [ $rc -ge 86 ] || grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$log"; then
		echo "$name bad $rc"
	else
		echo "$name ok"
		rm -f "$log"
	fi
}
export -f one
export bin dir

{
	for c in demo basics snapped truncated; do
		for a in "" -v -vv -vvv -e -x -X -XX -A -q -S "-ttt" "-ttttt --nano"; do
			printf '%s\0' "own-$c${a// /}|$dir|$c.pcap $a"
		done
	done
	# fuzzing findings (tests/fuzz/regress/), with the flag sets above
	for r in "$root"/tests/fuzz/regress/*.pcap; do
		[ -e "$r" ] || continue
		c=$(basename "$r" .pcap)
		for a in "" -v -vv -vvv -e -x -X -q -S "-vv -e -q -S -K"; do
			printf '%s\0' "fuzz-$c${a// /}|$root/tests/fuzz/regress|$c.pcap $a"
		done
	done
	if [ -f "$corpus/CASES" ]; then
		while read -r name input expected args; do
			[ -n "$name" ] && printf '%s\0' "case-$name|$corpus|$input $args"
		done <"$corpus/CASES"
	fi
} | xargs -0 -P "$(nproc 2>/dev/null || echo 2)" -n 1 bash -c 'IFS="|" read -r n d rest <<<"$1"; one "$n" "$d" "$rest"' _ >"$dir/san/results"

total=$(wc -l <"$dir/san/results")
bad=$(grep -c ' bad' "$dir/san/results")
if [ "$bad" -ne 0 ]; then
	grep ' bad' "$dir/san/results" | head -20
	for f in $(grep ' bad' "$dir/san/results" | head -3 | cut -d' ' -f1); do
		echo "--- $f"; head -20 "$dir/san/$f.log"
	done
fi
if [ ! -f "$corpus/CASES" ]; then
	if strict; then
		echo "sanitize: FAILED: the conformance corpus is missing at $corpus (CI=true or STRICT=1)"
		bad=$((bad + 1))
	else
		echo "sanitize: SKIPPED the conformance cases: corpus absent; ran the project's captures only"
	fi
fi
echo "sanitize: $((total - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
