#!/usr/bin/env bash
# Times trawl against tcpdump in the same run, on the same capture.
#
#   bench/run.sh [-s SIZE_MB] [-n RUNS] [-j JOBS] [CAPTURE]
#
# Jobs: print (-n), stamp (-n -S), verbose (-n -v), vv (-n -vv), ether
# (-n -e), hex (-n -X), ascii (-n -A), write (-w with a filter),
# names (no -n, on a capture where every flow has a new source address;
# run inside an empty network namespace so that the resolver fails at once
# and no query leaves the machine; also reports each program's throughput
# over the first and last tenth of the run), flat (trawl alone, no -n, on
# that capture, which must then be at least 2 GiB: throughput over its first
# and last gigabyte, by bench/flat.py; tcpdump too when FLAT_TCPDUMP=1 -
# it takes hours).
# For each job: checks that trawl's output is identical to tcpdump's (a job
# whose outputs differ is reported and not timed), then alternates the two
# programs RUNS times and prints the median wall-clock seconds, the ratio
# tcpdump/trawl and both peak RSS values.  TZ is set for both (tcpdump
# without TZ stats /etc/localtime per packet).  No thresholds are asserted.
# trawl's own jobs, which tcpdump has no equivalent for, are timed against
# tcpdump -n on the same capture in the same alternation (the ratio is
# tcpdump -n's time over the job's): summary, conversations, json (--json
# packet events), follow (--follow), extract (--extract DIR, a new directory
# each run), sessions, rules (ET Open from ../shared/rules/et-open, or
# BENCH_RULES; its compiled databases cached after the first run).
# `-j all` runs every job but names and flat.
# Then, for print, verbose and hex, the number of printf-family calls trawl
# makes per packet (bench/pfcount.c, built here, preloaded).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
size=1024 runs=3 jobs="print verbose hex write" cap=""
while getopts "s:n:j:" o; do
	case $o in
	s) size=$OPTARG ;;
	n) runs=$OPTARG ;;
	j) jobs=$OPTARG
	   [ "$jobs" = all ] && jobs="print stamp verbose vv ether hex ascii write summary conversations json follow extract sessions rules" ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
trawl=${TRAWL:-$root/trawl}
command -v tcpdump >/dev/null || { echo "bench: tcpdump not installed; nothing to compare with"; exit 1; }
work=${BENCH_DIR:-$root/bench/data}
mkdir -p "$work"
if [ $# -ge 1 ]; then
	cap=$1
else
	cap=$work/mix-$size.pcap
	[ -f "$cap" ] || { make -s -C "$root" bench/gen && "$root/bench/gen" "$size" "$cap"; } || exit 1
fi
export TZ=GMT0
mcap=$work/many-$size.pcap
case " $jobs " in *" flat "*)
	jobs=${jobs/flat/}
	command -v unshare >/dev/null && unshare -n true 2>/dev/null ||
		{ echo "bench: flat job needs unshare -n (root)"; exit 1; }
	[ -f "$mcap" ] || "$root/bench/gen" -m "$size" "$mcap" || exit 1
	echo "flat: trawl (no -n) over the first and last GiB of $mcap"
	unshare -n python3 "$root/bench/flat.py" "$mcap" -- "$trawl" -r "$mcap"
	if [ "${FLAT_TCPDUMP:-0}" = 1 ]; then
		echo "flat: tcpdump"
		unshare -n python3 "$root/bench/flat.py" "$mcap" -- tcpdump -r "$mcap"
	fi ;;
esac
case " $jobs " in *" names "*)
	command -v unshare >/dev/null && unshare -n true 2>/dev/null ||
		{ echo "bench: names job needs unshare -n (root); skipped"; jobs=${jobs/names/}; }
	[ -f "$mcap" ] || "$root/bench/gen" -m "$size" "$mcap" || exit 1 ;;
esac
iso() { if [ "$job" = names ]; then unshare -n "$@"; else "$@"; fi; }

args_for() {
	case $1 in
	print) echo "-n -r $cap" ;;
	stamp) echo "-n -S -r $cap" ;;
	verbose) echo "-n -v -r $cap" ;;
	vv) echo "-n -vv -r $cap" ;;
	ether) echo "-n -e -r $cap" ;;
	hex) echo "-n -X -r $cap" ;;
	ascii) echo "-n -A -r $cap" ;;
	write) echo "-r $cap -w @OUT@ tcp" ;;
	summary) echo "--summary -r $cap" ;;
	conversations) echo "-n --conversations -r $cap" ;;
	json) echo "--json -r $cap" ;;
	follow) echo "--follow -r $cap" ;;
	extract) echo "-r $cap --extract @DIR@" ;;
	sessions) echo "--sessions -r $cap" ;;
	rules) echo "--rules $rules -r $cap" ;;
	names) echo "-r $mcap" ;;
	esac
}

# run PROG JOB -> prints "seconds maxrss_kb"
run() {
	local prog=$1 job=$2 a
	a=$(args_for "$job")
	a=${a//@OUT@/$work/out-$(basename "$prog").pcap}
	a=${a//@DIR@/$work/extract}
	if [ "$job" = extract ]; then rm -rf "$work/extract"; sync; fi
	# -w writes a new file: the previous run's output is removed and the
	# disk synced first, untimed (overwriting a 700 MB file whose pages
	# are still being written back costs ext4 seconds, whoever writes)
	if [ "$job" = write ]; then rm -f "$work/out-$(basename "$prog").pcap"; sync; fi
	iso /usr/bin/time -f "%e %M" -o "$work/time" "$prog" $a >/dev/null 2>/dev/null
	cat "$work/time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-8s %10s %10s %8s %12s %12s\n' job tcpdump_s trawl_s ratio tcpdump_KiB trawl_KiB
trawl_only=" summary conversations json follow extract sessions rules "
rules=${BENCH_RULES:-$root/../shared/rules/et-open}
for job in $jobs; do
	a=$(args_for "$job")
	case $trawl_only in *" $job "*)
		if [ "$job" = rules ] && [ ! -e "$rules" ]; then echo "rules: no rule set at $rules (BENCH_RULES); skipped"; continue; fi
		: >"$work/t.tcpdump"; : >"$work/t.trawl"
		for i in $(seq "$runs"); do
			run "$(command -v tcpdump)" print >>"$work/t.tcpdump"
			run "$trawl" "$job" >>"$work/t.trawl"
		done
		ts=$(cut -d' ' -f1 "$work/t.tcpdump" | median)
		tt=$(cut -d' ' -f1 "$work/t.trawl" | median)
		ms=$(cut -d' ' -f2 "$work/t.tcpdump" | median)
		mt=$(cut -d' ' -f2 "$work/t.trawl" | median)
		printf '%-8s %10s %10s %8s %12s %12s   (tcpdump -n against trawl %s)\n' "$job" "$ts" "$tt" \
			"$(awk -v a="$ts" -v b="$tt" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')" "$ms" "$mt" "$a"
		continue ;;
	esac
	# identical output first
	if [ "$job" = write ]; then
		tcpdump ${a//@OUT@/$work/ref.pcap} 2>/dev/null
		"$trawl" ${a//@OUT@/$work/got.pcap} 2>/dev/null
		if ! cmp -s "$work/ref.pcap" "$work/got.pcap"; then
			echo "$job: OUTPUT DIFFERS (not timed)"; continue
		fi
		rm -f "$work/ref.pcap" "$work/got.pcap"
	else
		r=$(iso tcpdump $a 2>/dev/null | sha256sum)
		t=$(iso "$trawl" $a 2>/dev/null | sha256sum)
		if [ "$r" != "$t" ]; then
			echo "$job: OUTPUT DIFFERS (not timed)"; continue
		fi
	fi
	: >"$work/t.tcpdump"; : >"$work/t.trawl"
	for i in $(seq "$runs"); do
		run "$(command -v tcpdump)" "$job" >>"$work/t.tcpdump"
		run "$trawl" "$job" >>"$work/t.trawl"
	done
	ts=$(cut -d' ' -f1 "$work/t.tcpdump" | median)
	tt=$(cut -d' ' -f1 "$work/t.trawl" | median)
	ms=$(cut -d' ' -f2 "$work/t.tcpdump" | median)
	mt=$(cut -d' ' -f2 "$work/t.trawl" | median)
	printf '%-8s %10s %10s %8s %12s %12s\n' "$job" "$ts" "$tt" \
		"$(awk -v a="$ts" -v b="$tt" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }')" "$ms" "$mt"
done
# printf-family calls per packet (bench/pfcount.c, an LD_PRELOAD shim that
# counts the program's calls to the printf family and inet_ntop/inet_ntoa):
# the per-packet path should make next to none.
pf=$work/pfcount.so
if cc -O2 -shared -fPIC -o "$pf" "$root/bench/pfcount.c" -ldl 2>/dev/null; then
	npkt=""
	for job in $jobs; do
		case $job in print|verbose|hex) ;; *) continue ;; esac
		[ -n "$npkt" ] || npkt=$("$trawl" --summary -r "$cap" 2>/dev/null | awk '$1 == "packets" { print $2; exit }')
		c=$(LD_PRELOAD=$pf "$trawl" $(args_for "$job") 2>&1 >/dev/null | awk '/^pfcount: total/ { print $3 }')
		printf 'printf-family calls, %-8s %12s in %s packets: %s per packet\n' "$job" "${c:-?}" "${npkt:-?}" \
			"$(awk -v c="${c:-0}" -v n="${npkt:-0}" 'BEGIN { printf "%.3f", (n > 0 ? c / n : 0) }')"
	done
else
	echo "printf-family calls: not counted (no cc to build bench/pfcount.c)"
fi
case " $jobs " in *" names "*)
	a=$(args_for names)
	echo "names throughput (packets/s) over the first and last tenth of the run:"
	echo "  tcpdump: $(unshare -n tcpdump $a 2>/dev/null | python3 "$root/bench/rate.py")"
	echo "  trawl:   $(unshare -n "$trawl" $a 2>/dev/null | python3 "$root/bench/rate.py")"
	echo "  (first last last/first)" ;;
esac
rm -rf "$work"/out-*.pcap "$work/extract"
