#!/usr/bin/env bash
# Records what tcpflow 1.6.1 (Debian's) writes for every capture of the
# tcpdump corpus and for the probe captures of tests/stream/probes.py, into
# tests/stream/tcpflow.expected, which tests/stream/tcpflow.sh compares
# trawl's --extract with.  Run once (tcpflow need not be installed where the
# test runs); commit the result.
#   record-tcpflow.sh [CORPUS_DIR]
# One line per file tcpflow writes (its report.xml left out):
#   CAPTURE FILENAME SIZE SHA256
# and, for a capture where it writes none, one line
#   CAPTURE - 0 none               (read, no TCP payload it could place)
#   CAPTURE - 0 unsupported-dltN   (tcpflow: "sorry - unknown datalink type N")
# CAPTURE is the corpus file's name, or probes/NAME for a probe.  Sorted
# (LC_ALL=C).  '#' lines are comments: the version and the counts.
set -eu
export LC_ALL=C TZ=GMT0
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}}
out=$root/tests/stream/tcpflow.expected
command -v tcpflow >/dev/null || { echo "record-tcpflow: tcpflow is not installed (apt-get install tcpflow)" >&2; exit 1; }
ver=$(tcpflow --version 2>&1 | head -1)
[ "$ver" = "TCPFLOW 1.6.1" ] || { echo "record-tcpflow: need tcpflow 1.6.1, have: $ver" >&2; exit 1; }
command -v tcpdump >/dev/null || { echo "record-tcpflow: tcpdump is needed to count TCP payload" >&2; exit 1; }
[ -d "$corpus" ] || { echo "record-tcpflow: no corpus at $corpus" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/tests/stream/probes.py" "$tmp/probes"

body=$tmp/body
: >"$body"
ncap=0 nfiles=0 ncapf=0 nunsup=0 npay=0 npayf=0
one() { # one NAME PATH
	local name=$1 cap=$2 d=$tmp/o rc=0 n dlt pay
	rm -rf "$d"
	mkdir "$d"
	tcpflow -r "$cap" -o "$d" >/dev/null 2>"$tmp/err" || rc=$?
	ncap=$((ncap + 1))
	# TCP segments with payload, as tcpdump -q sees them ("tcp N", N > 0)
	pay=$(tcpdump -q -n -r "$cap" 2>/dev/null | grep -cE ': tcp [1-9][0-9]*$' || true)
	[ "$pay" -gt 0 ] && npay=$((npay + 1))
	n=0
	while IFS= read -r -d '' f; do
		b=${f#"$d"/}
		[ "$b" = report.xml ] && continue
		printf '%s %s %s %s\n' "$name" "$b" "$(stat -c %s "$f")" "$(sha256sum <"$f" | cut -d' ' -f1)" >>"$body"
		n=$((n + 1))
	done < <(find "$d" -type f -print0)
	nfiles=$((nfiles + n))
	if [ "$n" -gt 0 ]; then
		ncapf=$((ncapf + 1))
		[ "$pay" -gt 0 ] && npayf=$((npayf + 1))
	elif dlt=$(grep -o 'unknown datalink type [0-9]*' "$tmp/err"); then
		printf '%s - 0 unsupported-dlt%s\n' "$name" "${dlt##* }" >>"$body"
		nunsup=$((nunsup + 1))
	else
		[ "$rc" = 0 ] || { echo "record-tcpflow: tcpflow exited $rc on $cap: $(head -c 200 "$tmp/err")" >&2; exit 1; }
		printf '%s - 0 none\n' "$name" >>"$body"
	fi
}
for cap in "$corpus"/*.pcap "$corpus"/*.pcapng; do
	[ -f "$cap" ] && one "$(basename "$cap")" "$cap"
done
ncorpus=$ncap cfiles=$nfiles ccapf=$ncapf cunsup=$nunsup cpay=$npay cpayf=$npayf
for cap in "$tmp"/probes/*.pcap; do
	one "probes/$(basename "$cap")" "$cap"
done
{
	echo "# tcpflow 1.6.1 (Debian), \`tcpflow -r CAPTURE -o DIR\`: every file it wrote (report.xml left out)."
	echo "# Recorded by tools/record-tcpflow.sh; compared with trawl --extract by tests/stream/tcpflow.sh."
	echo "# CAPTURE FILENAME SIZE SHA256; CAPTURE - 0 none|unsupported-dltN when it wrote no file."
	echo "# captures: $ncorpus from the tcpdump 4.99.3 corpus, $((ncap - ncorpus)) probes (tests/stream/probes.py)"
	echo "# corpus: $cpay captures with TCP payload (tcpdump -q prints a 'tcp N' line with N > 0), tcpflow wrote files for $cpayf of them;"
	echo "#   $ccapf captures, $cfiles files in all; $cunsup captures refused (link type unknown to tcpflow)"
	echo "# probes: $((npay - cpay)) with TCP payload, files for $((npayf - cpayf)); $((ncapf - ccapf)) captures, $((nfiles - cfiles)) files; $((nunsup - cunsup)) refused"
	sort "$body"
} >"$out"
echo "record-tcpflow: $ncap captures ($ncorpus corpus, $((ncap - ncorpus)) probes), $nfiles files from $ncapf of them, $nunsup refused; wrote $out"
