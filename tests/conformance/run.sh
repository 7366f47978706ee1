#!/usr/bin/env bash
# Runs tcpdump 4.99.3's conformance cases (../shared/conformance/tcpdump-4.99.3/CASES)
# against a trawl binary.
#
#   run.sh [-b BINARY] [-l LIST] [-n COUNT] [-d] [-w PASSFILE] [-j JOBS]
#     -b  binary to test (default ./trawl)
#     -l  run only the case names in LIST (one a line); a name the corpus
#         lacks, or a name listed twice, is an error
#     -n  with -l: the list must name at least COUNT cases (the count
#         recorded when the list last grew: a list that shrank fails)
#     -d  show the diff of every failing case (also CONFORMANCE_DIFF=1)
#     -w  write the names of the passing cases to PASSFILE
#     -r  ratchet: exit 1 when any case run fails (for pass.list)
# Ends with "conformance: P passed, F failed (C crashed, T timed out) of N";
# with -l, N is the number of names in LIST, every one of them run.
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
bin="$root/trawl" list="" diffs="${CONFORMANCE_DIFF:-0}" passfile="" ratchet=0 count=""
jobs=$(nproc 2>/dev/null || echo 2)
while getopts "b:l:n:dw:rj:" o; do
	case $o in
	b) bin=$(cd "$(dirname "$OPTARG")" && pwd)/$(basename "$OPTARG") ;;
	l) list=$OPTARG ;;
	n) count=$OPTARG ;;
	d) diffs=1 ;;
	w) passfile=$OPTARG ;;
	r) ratchet=1 ;;
	j) jobs=$OPTARG ;;
	*) exit 2 ;;
	esac
done
if [ ! -f "$corpus/CASES" ]; then
	if strict; then
		echo "conformance: FAILED: $corpus not found (the shared corpus must be beside the clone under CI=true or STRICT=1)"
		exit 1
	fi
	echo "conformance: SKIPPED: $corpus not found (the shared corpus is absent)"
	exit 0
fi
# a ratchet list naming a case the corpus does not have is an error, not
# a case quietly dropped
if [ -n "$list" ]; then
	missing=$(awk 'NR==FNR { have[$1]=1; next } NF && !($1 in have) { print $1 }' "$corpus/CASES" "$list")
	if [ -n "$missing" ]; then
		echo "conformance: FAILED: $list names cases the corpus does not have: $(echo $missing | head -c 300)"
		exit 1
	fi
	dups=$(awk 'NF { print $1 }' "$list" | sort | uniq -d)
	if [ -n "$dups" ]; then
		echo "conformance: FAILED: $list names cases more than once: $(echo $dups | head -c 300)"
		exit 1
	fi
	listed=$(awk 'NF' "$list" | wc -l)
	case $count in
	'') ;;
	*[!0-9]*) echo "conformance: -n wants a number, not '$count'"; exit 2 ;;
	*)
		if [ "$listed" -lt "$count" ]; then
			echo "conformance: FAILED: $list names $listed cases, fewer than the $count recorded (a case was dropped from the ratchet)"
			exit 1
		fi ;;
	esac
elif [ -n "$count" ]; then
	echo "conformance: -n needs -l"
	exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One case: prints "name STATUS" and leaves the diff in $work/name.diff.
run_case() {
	local name input expected args
	read -r name input expected args <<<"$1"
	local out="$work/$name.out"
	(
		cd "$corpus" || exit 99
		eval "set -- $args"
		TZ=GMT0 timeout 10 "$bin" -# -n -r "$input" "$@" >"$out" 2>"$work/$name.err"
	)
	local rc=$?
	local status=pass
	if [ $rc -eq 124 ]; then status=timeout
	elif [ $rc -ge 128 ]; then status=crash
	elif [ $rc -ne 0 ]; then status=fail
	elif ! cmp -s "$out" "$corpus/$expected"; then status=fail
	fi
	if [ $status != pass ]; then
		{ echo "=== $name (exit $rc): trawl -# -n -r $input $args"
		  diff "$corpus/$expected" "$out" | head -40
		  head -5 "$work/$name.err"; } >"$work/$name.diff" 2>&1
	fi
	echo "$name $status"
}
export -f run_case
export corpus bin work

if [ -n "$list" ]; then
	awk 'NR==FNR { want[$1]=1; next } ($1 in want)' "$list" "$corpus/CASES"
else
	cat "$corpus/CASES"
fi | grep -v '^[[:space:]]*$' | tr '\n' '\0' |
	xargs -0 -P "$jobs" -n 1 bash -c 'run_case "$1"' _ >"$work/results"

sort -o "$work/results" "$work/results"
total=$(wc -l <"$work/results")
pass=$(grep -c ' pass$' "$work/results")
crash=$(grep -c ' crash$' "$work/results")
tout=$(grep -c ' timeout$' "$work/results")
failed=$((total - pass))
if [ "$diffs" = 1 ] || [ $ratchet = 1 ]; then
	for n in $(awk '$2 != "pass" { print $1 }' "$work/results"); do
		cat "$work/$n.diff"
	done
fi
[ -n "$passfile" ] && awk '$2 == "pass" { print $1 }' "$work/results" >"$passfile"
echo "conformance: $pass passed, $failed failed ($crash crashed, $tout timed out) of $total"
# every listed name was run: a name that did not make it into the results
# (a line the case list does not match) is a failure, not a case dropped
if [ -n "$list" ] && [ "$total" -ne "$listed" ]; then
	echo "conformance: FAILED: $list names $listed cases, $total were run"
	exit 1
fi
if [ -n "$count" ] && [ "$listed" -gt "$count" ]; then
	echo "conformance: note: $list names $listed cases, more than the $count recorded: raise the count (CONFORMANCE_PASS in the Makefile)"
fi
[ $ratchet = 1 ] && [ $failed -ne 0 ] && exit 1
exit 0
