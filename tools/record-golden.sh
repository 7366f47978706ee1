#!/usr/bin/env bash
# Records the expected outputs of tests/golden/*.cases from the reference,
# tcpdump 4.99.3 (Debian's).  Run once when adding a case; commit the .out.
#   record-golden.sh [CASE-NAME]    (default: every case)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ver=$(tcpdump --version 2>&1 | head -1)
[ "$ver" = "tcpdump version 4.99.3" ] || { echo "need tcpdump 4.99.3, have: $ver" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
make -C "$root" -s tests/gen/gen
"$root/tests/gen/make-captures.sh" "$dir"
only=${1:-}
cd "$root" # cases name files (e.g. ESP secrets) relative to the repository root
while read -r name capture args; do
	case $name in ''|'#'*) continue ;; esac
	[ -n "$only" ] && [ "$only" != "$name" ] && continue
	eval "set -- $args"
	TZ=GMT0 tcpdump -r "$dir/$capture.pcap" "$@" >"$root/tests/golden/$name.out" 2>/dev/null
	echo "recorded $name"
done < <(cat "$root"/tests/golden/*.cases)
