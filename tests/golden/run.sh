#!/usr/bin/env bash
# Runs the golden tests: regenerates the project's captures (tests/gen/gen
# and the generators tests/gen/gen_*.py) and compares trawl's output with the
# output recorded from tcpdump 4.99.3, case by case (tests/golden/*.cases:
# "name capture args...", expected output in tests/golden/NAME.out).
#   run.sh [BINARY]        (default ./trawl; CAPTURE_DIR overrides the scratch dir)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
dir=${CAPTURE_DIR:-$root/tests/out}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
"$root/tests/gen/make-captures.sh" "$dir" || { echo "golden: generating captures failed"; exit 1; }
pass=0 fail=0
cd "$root" # cases name files (e.g. ESP secrets) relative to the repository root
while read -r name capture args; do
	case $name in ''|'#'*) continue ;; esac
	exp="$root/tests/golden/$name.out"
	got="$dir/$name.got"
	eval "set -- $args"
	TZ=GMT0 timeout 10 "$bin" -r "$dir/$capture.pcap" "$@" >"$got" 2>"$dir/$name.err"
	rc=$?
	if [ $rc -eq 0 ] && cmp -s "$exp" "$got"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL golden $name (exit $rc): trawl -r $capture.pcap $args"
		diff "$exp" "$got" | head -10
	fi
done < <(cat "$root"/tests/golden/*.cases)
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
