#!/usr/bin/env bash
# Records the expected outputs of tests/golden/cases from the reference,
# tcpdump 4.99.3 (Debian's).  Run once when adding a case; commit the .out.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ver=$(tcpdump --version 2>&1 | head -1)
[ "$ver" = "tcpdump version 4.99.3" ] || { echo "need tcpdump 4.99.3, have: $ver" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
make -C "$root" -s tests/gen/gen
for c in demo basics snapped truncated; do "$root/tests/gen/gen" "$c" "$dir/$c.pcap"; done
only=${1:-}
while read -r name capture args; do
	case $name in ''|'#'*) continue ;; esac
	[ -n "$only" ] && [ "$only" != "$name" ] && continue
	eval "set -- $args"
	TZ=GMT0 tcpdump -r "$dir/$capture.pcap" "$@" >"$root/tests/golden/$name.out" 2>/dev/null
	echo "recorded $name"
done <"$root/tests/golden/cases"
