#!/usr/bin/env bash
# Many files in one run: --summary and --conversations on one capture, on
# the same packets cut into files in a directory read one file after the
# other (--threads 1), and on the directory read as trawl
# reads it (two threads, reports merged), each output checked equal.
#
#   bench/multi.sh [MEGABYTES [FILE_MB]]     (default 300 and 20)
#
# Writes bench/out/real-MB.pcap with bench/mkreal.py (real traffic from the
# conformance corpus) unless BENCH_CAPTURE names another capture, cuts it
# with `tcpdump -C FILE_MB` into bench/out/multi-MB/, and prints the best
# wall-clock seconds (and CPU seconds) of RUNS runs (default 5), files in
# the page cache, with the date and the load average.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-300}
fmb=${2:-20}
runs=${RUNS:-5}
out=$root/bench/out
mkdir -p "$out"
trawl=$root/trawl
[ -x "$trawl" ] || make -C "$root" trawl >/dev/null
cap=${BENCH_CAPTURE:-$out/real-$mb.pcap}
[ -s "$cap" ] || python3 "$root/bench/mkreal.py" "$mb" "$cap" >/dev/null
dir=$out/multi-$(basename "$cap" .pcap)-$fmb
if [ ! -d "$dir" ]; then
	mkdir -p "$dir"
	tcpdump -r "$cap" -w "$dir/part" -C "$fmb" -Z "$(id -un)" 2>/dev/null
fi
nfiles=$(find "$dir" -type f | wc -l)
cat "$cap" "$dir"/* >/dev/null # in the page cache
export TZ=GMT0

# best ARGS...: "wall cpu" seconds of the fastest of $runs runs
best() {
	local b="" line
	for _ in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %S' -o "$out/multi.time" "$@" >/dev/null 2>&1 || true
		line=$(awk '{printf "%.2f %.2f", $1, $2 + $3}' "$out/multi.time")
		if [ -z "$b" ] || awk -v a="${line%% *}" -v c="${b%% *}" 'BEGIN {exit !(a < c)}'; then
			b=$line
		fi
	done
	echo "$b"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "capture: $(basename "$cap"), $(( $(stat -c %s "$cap") >> 20 )) MiB; $nfiles files of ${fmb} MB in $(basename "$dir")"
printf '%-16s %14s %22s %20s\n' "" "one file" "directory, in turn" "directory, 2 threads"
for rep in --summary --conversations; do
	"$trawl" -n -r "$cap" $rep >"$out/multi.one" 2>/dev/null
	"$trawl" --threads 1 -n -r "$dir" $rep >"$out/multi.seq" 2>/dev/null
	"$trawl" -n -r "$dir" $rep >"$out/multi.par" 2>/dev/null
	cmp -s "$out/multi.one" "$out/multi.par" && cmp -s "$out/multi.seq" "$out/multi.par" ||
		echo "multi: $rep: the outputs differ"
	one=$(best "$trawl" -n -r "$cap" $rep)
	seq=$(best "$trawl" --threads 1 -n -r "$dir" $rep)
	par=$(best "$trawl" -n -r "$dir" $rep)
	printf '%-16s %14s %22s %20s\n' "$rep" "${one% *} (${one#* })" "${seq% *} (${seq#* })" \
		"${par% *} (${par#* })"
done
echo "(wall-clock seconds, best of $runs; CPU seconds in parentheses)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
