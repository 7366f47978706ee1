#!/usr/bin/env bash
# Speed of --rules with the whole Emerging Threats Open set against tcpdump
# printing the same capture, in the same run.
#
#   bench/rules.sh [CAPTURE...]
#
# Default captures: bench/out/real-300.pcap (bench/mkreal.py 300: real
# traffic from ../shared/conformance) and bench/out/mixed-300.pcap
# (bench/gen 300), each made when missing.  RULES names another rule set
# (default ../shared/rules/et-open).  For each capture, best of RUNS
# (default 3) wall-clock seconds of
#   tcpdump -n -r CAP >/dev/null
#   trawl -r CAP --rules RULES >/dev/null
# and the load alone (trawl --rules RULES on a capture of one packet), cold
# (--no-rules-cache: every Hyperscan database compiled) and warm (read from
# a cache directory under BENCH_DIR, filled by the first run); the runs over
# the captures use that warm cache.  Prints the ratio tcpdump/trawl (the
# goal: at least 1, as fast as tcpdump prints) and the alerts by signature
# count.  No threshold is asserted.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
rules=${RULES:-$root/../shared/rules/et-open}
out=${BENCH_DIR:-$root/bench/out}
trawl=${TRAWL:-$root/trawl}
mkdir -p "$out"
[ -x "$trawl" ] || make -s -C "$root" trawl
[ -e "$rules" ] || { echo "bench/rules: $rules is missing"; exit 1; }
export TZ=GMT0
caps=("$@")
if [ ${#caps[@]} -eq 0 ]; then
	[ -s "$out/real-300.pcap" ] || python3 "$root/bench/mkreal.py" 300 "$out/real-300.pcap"
	if [ ! -s "$out/mixed-300.pcap" ]; then
		make -s -C "$root" bench/gen
		"$root/bench/gen" 300 "$out/mixed-300.pcap"
	fi
	caps=("$out/real-300.pcap" "$out/mixed-300.pcap")
fi

# best RUNS CMD...: the fastest wall-clock time of RUNS runs, in seconds.
best() {
	local n=$1 b="" t
	shift
	for _ in $(seq "$n"); do
		/usr/bin/time -f %e -o "$out/rules-time.txt" "$@" >/dev/null 2>&1 || true
		t=$(tail -1 "$out/rules-time.txt")
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}

echo "trawl $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(tcpdump --version 2>&1 | head -1), nproc $(nproc), load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%F)"
one=$out/rules-one.pcap
"$trawl" -r "${caps[0]}" -c 1 -w "$one" 2>/dev/null
cache=$out/rules-cache
rm -rf "$cache"
"$trawl" -r "$one" --rules "$rules" --rules-cache "$cache" 2>&1 >/dev/null | grep 'rules: loaded'
cold=$(best "$runs" "$trawl" -r "$one" --rules "$rules" --no-rules-cache)
warm=$(best "$runs" "$trawl" -r "$one" --rules "$rules" --rules-cache "$cache")
echo "load alone (parse, Hyperscan): cold $cold s, with the Hyperscan cache $warm s"
for cap in "${caps[@]}"; do
	echo "capture: $cap ($(($(stat -c %s "$cap") >> 20)) MiB)"
	td=$(best "$runs" tcpdump -n -r "$cap")
	tr=$(best "$runs" "$trawl" -r "$cap" --rules "$rules" --rules-cache "$cache")
	ratio=$(echo "scale=2; $td / $tr" | bc)
	echo "  tcpdump -n -r: $td s   trawl --rules: $tr s   ratio ${ratio}x"
	"$trawl" -r "$cap" --rules "$rules" --rules-cache "$cache" 2>/dev/null | grep -o '\[[0-9]*:[0-9]*:[0-9]*\] [^[]*' |
		sort | uniq -c | sort -rn | head -5 | sed 's/^/  /'
done
