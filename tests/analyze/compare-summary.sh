#!/usr/bin/env bash
# Compares two trawl binaries' reports on every conformance capture and on
# the conformance captures read together (-V, which has more link types
# than --summary tracks): --summary, --summary --json, --nano --summary
# --json and --conversations, output and exit status, byte for byte.  For
# refactors of the reports that must not change them:
#   git stash; make; cp trawl /tmp/trawl-old; git stash pop; make
#   tests/analyze/compare-summary.sh /tmp/trawl-old ./trawl
# Prints the captures that differ; exit 1 when any does, 2 when the corpus
# is missing.
set -u
old=$1 new=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
[ -d "$corpus" ] || { echo "compare-summary: no corpus at $corpus"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=GMT0
run() { # BINARY ARGS...: stdout and the exit status
	"$@" 2>/dev/null
	echo "exit $?"
}
n=0 bad=0
ls "$corpus"/*.pcap "$corpus"/*.pcapng 2>/dev/null >"$work/all"
while read -r f; do
	n=$((n + 1))
	for opts in "--summary" "--summary --json" "--nano --summary --json" "--conversations"; do
		# shellcheck disable=SC2086
		run timeout 20 "$old" -r "$f" $opts >"$work/a"
		# shellcheck disable=SC2086
		run timeout 20 "$new" -r "$f" $opts >"$work/b"
		if ! cmp -s "$work/a" "$work/b"; then
			bad=$((bad + 1))
			echo "DIFFERS: $(basename "$f") $opts"
			diff "$work/a" "$work/b" | head -6
		fi
	done
done <"$work/all"
head -150 "$work/all" >"$work/list"
for opts in "--summary" "--summary --json"; do
	# shellcheck disable=SC2086
	run "$old" -V "$work/list" $opts >"$work/a"
	# shellcheck disable=SC2086
	run "$new" -V "$work/list" $opts >"$work/b"
	cmp -s "$work/a" "$work/b" || { bad=$((bad + 1)); echo "DIFFERS: -V (150 captures) $opts"; }
done
echo "compare-summary: $n captures, $bad differences"
[ $bad -eq 0 ]
