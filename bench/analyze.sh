#!/usr/bin/env bash
# Speed and memory of the reports on ~300 MB of mixed traffic.
#
#   bench/analyze.sh [MEGABYTES]     (default 300)
#
# Writes bench/out/mixed.pcap with bench/gen (deterministic: interleaved
# HTTP, TLS, SSH, SMTP sessions, DNS, IPv6, ICMP, IP protocol 11; tens of
# thousands of hosts and conversations) unless BENCH_CAPTURE names another
# capture, then times `trawl --summary` (and --conversations, --json) with
# /usr/bin/time -v, best of RUNS (default 5).  The target (issue 8): --summary
# in under 1/100 of `tshark -q -z io,phs` and at most 64 MiB resident.  When
# tshark is installed it is timed in the same run (best of up to 3) and that is the
# reference; otherwise the issue's 16 s (so 0.16 s).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-300}
runs=${RUNS:-5}
out=$root/bench/out
mkdir -p "$out"
trawl=$root/trawl
[ -x "$trawl" ] || make -C "$root" trawl >/dev/null
cap=${BENCH_CAPTURE:-$out/mixed.pcap}
if [ -z "${BENCH_CAPTURE:-}" ]; then
	make -s -C "$root" bench/gen
	[ -s "$cap" ] && [ "$(( $(stat -c %s "$cap") >> 20 ))" -ge "$mb" ] || "$root/bench/gen" "$mb" "$cap"
fi
size=$(stat -c %s "$cap")
cat "$cap" >/dev/null # in the page cache, as for every tool below

# best TOOL ARGS...: prints "elapsed_s cpu_s maxrss_kib" of the fastest of $runs runs
best() {
	local bestline="" e
	for _ in $(seq "$runs"); do
		/usr/bin/time -v "$@" >/dev/null 2>"$out/time.txt" || true
		e=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$out/time.txt")
		local u s m
		u=$(awk -F': ' '/User time/ {print $2}' "$out/time.txt")
		s=$(awk -F': ' '/System time/ {print $2}' "$out/time.txt")
		m=$(awk -F': ' '/Maximum resident/ {print $2}' "$out/time.txt")
		local line
		line="$e $(echo "$u + $s" | bc) $m"
		if [ -z "$bestline" ] || [ "$(echo "$e < ${bestline%% *}" | bc)" = 1 ]; then bestline=$line; fi
	done
	echo "$bestline"
}

packets=$("$trawl" -r "$cap" --summary --json 2>/dev/null | jq .summary.packets)
echo "capture: $cap, $((size >> 20)) MiB, $packets packets (nproc $(nproc), load $(cut -d' ' -f1 /proc/loadavg))"
printf '%-34s %10s %10s %12s\n' "command (best of $runs)" "elapsed s" "cpu s" "max RSS MiB"
row() {
	local name=$1
	shift
	read -r e c m <<<"$(best "$@")"
	printf '%-34s %10s %10s %12s\n' "$name" "$e" "$c" "$((m / 1024))"
	eval "${name//[^a-z]/_}_e=$e; ${name//[^a-z]/_}_m=$m; ${name//[^a-z]/_}_c=$c"
}
row "trawl --summary" "$trawl" -r "$cap" --summary
row "trawl --conversations" "$trawl" -r "$cap" --conversations
row "trawl --summary --conversations" "$trawl" -r "$cap" --summary --conversations
row "trawl --json (to /dev/null)" "$trawl" -r "$cap" --json
row "trawl -w /dev/null (libpcap read)" "$trawl" -r "$cap" -w /dev/null
if command -v tshark >/dev/null; then
	all=$runs
	runs=$(( runs < 3 ? runs : 3 )) # tshark takes seconds a run
	row "tshark -q -z io,phs" tshark -q -z io,phs -r "$cap"
	runs=$all
else
	echo "tshark: not installed here; the reference is issue 8's measurement: 16 s, 767 MiB for 300 MB"
fi
target=0.16
tref="issue 8's 16 s"
if [ -n "${tshark__q__z_io_phs_e:-}" ]; then # measured here, in this run
	target=$(echo "scale=4; $tshark__q__z_io_phs_e / 100" | bc)
	tref="tshark's $tshark__q__z_io_phs_e s in this run"
fi
load=$(cut -d' ' -f1 /proc/loadavg)
busy=$(echo "$load >= $(nproc)" | bc)
mem_ok=$([ "$trawl___summary_m" -le $((64 * 1024)) ] && echo 1 || echo 0)
el_ok=$(echo "$trawl___summary_e < $target" | bc)
cpu_ok=$(echo "$trawl___summary_c < $target" | bc)
echo "--summary: ${trawl___summary_e} s elapsed, ${trawl___summary_c} s CPU (user+sys), $((trawl___summary_m / 1024)) MiB max RSS"
if [ "$el_ok" = 1 ] && [ "$mem_ok" = 1 ]; then
	echo "target met: under ${target} s (1/100 of $tref) and at most 64 MiB"
elif [ "$busy" = 1 ] && [ "$cpu_ok" = 1 ] && [ "$mem_ok" = 1 ]; then
	echo "target met in CPU time (${trawl___summary_c} s < ${target} s), not in elapsed time: the machine is busy"
	echo "(load $load on $(nproc) CPUs), so elapsed time counts other processes' turns; rerun when idle"
else
	echo "target NOT met"
	exit 1
fi
