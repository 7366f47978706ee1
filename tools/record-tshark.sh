#!/usr/bin/env bash
# Records what tshark exports as HTTP objects (`tshark -r CAPTURE -q
# --export-objects http,DIR`) for every capture of the tcpdump corpus and
# for the captures of tests/gen/gen_http.py, into
# tests/session/tshark-http.expected, which tests/session/http.sh compares
# trawl --extract's HTTP files with.  Run once where tshark is installed
# (it need not be where the test runs); commit the result.
#   record-tshark.sh [CORPUS_DIR]
# The preferences are given explicitly.  tshark's defaults: TCP and HTTP
# reassembly on, bodies dechunked and decompressed (gzip, deflate), so that
# an exported object is the decoded body, as trawl's files are.  Not its
# default: tcp.reassemble_out_of_order (FALSE in tshark 4.0, which then
# exports single segments of a reordered connection as objects): on, as
# trawl's stream layer always reorders.  One line per exported object:
#   CAPTURE SHA256 SIZE
# sorted (LC_ALL=C); captures where tshark exports nothing are left out.
# CAPTURE is the corpus file's name, or gen/NAME for gen_http.py's (its
# "bomb" capture left out: tshark spends minutes and gigabytes on it).
# '#' lines are comments: the version, the options, the counts.
set -eu
export LC_ALL=C TZ=GMT0
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}}
out=$root/tests/session/tshark-http.expected
command -v tshark >/dev/null || { echo "record-tshark: tshark is not installed (apt-get install tshark)" >&2; exit 1; }
[ -d "$corpus" ] || { echo "record-tshark: no corpus at $corpus" >&2; exit 1; }
ver=$(tshark --version 2>/dev/null | head -1)
opts=(-o tcp.desegment_tcp_streams:TRUE -o tcp.reassemble_out_of_order:TRUE -o http.desegment_headers:TRUE -o http.desegment_body:TRUE
      -o http.dechunk_body:TRUE -o http.decompress_body:TRUE)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/tests/gen/gen_http.py" "$tmp/gen"
rm -f "$tmp/gen/bomb.pcap"

body=$tmp/body
: >"$body"
ncap=0 nobj=0 ncapo=0
one() { # one NAME PATH
	local name=$1 cap=$2 d=$tmp/o n=0
	rm -rf "$d"
	mkdir "$d"
	ncap=$((ncap + 1))
	timeout 300 tshark "${opts[@]}" -r "$cap" -q --export-objects "http,$d" >/dev/null 2>&1 || true
	while IFS= read -r -d '' f; do
		printf '%s %s %s\n' "$name" "$(sha256sum <"$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" >>"$body"
		n=$((n + 1))
	done < <(find "$d" -type f -print0)
	nobj=$((nobj + n))
	[ "$n" -gt 0 ] && ncapo=$((ncapo + 1))
	return 0
}
for cap in "$corpus"/*.pcap "$corpus"/*.pcapng; do
	[ -f "$cap" ] && one "$(basename "$cap")" "$cap"
done
ncorpus=$ncap cobj=$nobj ccapo=$ncapo
for cap in "$tmp"/gen/*.pcap; do
	one "gen/$(basename "$cap")" "$cap"
done
{
	echo "# $ver: \`tshark ${opts[*]} -r CAPTURE -q --export-objects http,DIR\`"
	echo "# Recorded by tools/record-tshark.sh; compared with trawl --extract by tests/session/http.sh."
	echo "# CAPTURE SHA256 SIZE, one line per exported object (the decoded body); captures with none left out."
	echo "# corpus: $ncorpus captures read, $ccapo with objects, $cobj objects;"
	echo "# gen_http.py: $((ncap - ncorpus)) captures, $((ncapo - ccapo)) with objects, $((nobj - cobj)) objects"
	sort "$body"
} >"$out"
echo "record-tshark: $ncap captures ($ncorpus corpus), $nobj objects from $ncapo of them; wrote $out"
