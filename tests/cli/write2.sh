#!/usr/bin/env bash
# -w with a filter on two cores (mapread_loop_write in src/capture/mapread.c)
# against one core and against tcpdump: the same savefile byte for byte, the
# same stderr and exit status, on the project's generated captures and every
# classic pcap of the conformance corpus, at a few filters, with -c, on
# files cut in the middle of a record, to a pipe (-w -), and for pcapng
# (libpcap's path).  TRAWL_WRITEPAR_CHUNK makes the chunks tiny, so that
# nearly every chunk starts at a guessed record boundary (and some guesses
# are wrong, and those chunks are read again); TRAWL_WRITEPAR_TRACE's line shows that both threads read
# chunks.  When tcpdump or the corpus is missing, what can run runs and
# says so; under CI=true or STRICT=1 that is a failure.
#   write2.sh [BINARY]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
base=${CAPTURE_DIR:-$root/tests/out}
mkdir -p "$base"
base=$(cd "$base" && pwd)
dir=$base/write2
mkdir -p "$dir"
"$root/tests/gen/make-captures.sh" "$base" >/dev/null || { echo "FAIL write2: generating captures failed"; exit 1; }
corpus=$root/../shared/conformance/tcpdump-4.99.3
tcpdump=${TCPDUMP:-/usr/bin/tcpdump}
strict=0
if [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; then strict=1; fi
export TZ=GMT0
pass=0 fail=0

have_td=1
if ! [ -x "$tcpdump" ]; then
	if [ $strict = 1 ]; then
		echo "FAIL write2: $tcpdump is missing (CI/STRICT: tcpdump is required)"
		exit 1
	fi
	echo "write2: $tcpdump missing: --threads 1 against --threads 2 only (no tcpdump comparison)"
	have_td=0
fi

files=("$base"/*.pcap)
if [ -d "$corpus" ]; then
	files+=("$corpus"/*.pcap)
elif [ $strict = 1 ]; then
	echo "FAIL write2: $corpus is missing (CI/STRICT: the corpus is required)"
	exit 1
else
	echo "write2: $corpus missing: the generated captures only"
fi

# same_file A B: both the same bytes, or neither written (a filter that
# cannot be compiled for the link type)
same_file() {
	if [ -e "$1" ] || [ -e "$2" ]; then
		cmp -s "$1" "$2"
	fi
}

failed() {
	fail=$((fail + 1))
	echo "FAIL write2 $*"
}

# wcase NAME TRAWL_ARGS... : tcpdump (when here), trawl --threads 1 and
# trawl --threads 2 write the same file, the two trawls say the same on
# stderr, and all exit alike.  The options go before -r and -w.
wcase() {
	local name=$1
	shift
	rm -f "$dir/w0.pcap" "$dir/w1.pcap" "$dir/w2.pcap"
	timeout 30 "$bin" --threads 1 "$@" -w "$dir/w1.pcap" >"$dir/w1.out" 2>"$dir/w1.err"
	local rc1=$?
	TRAWL_WRITEPAR_TRACE=1 timeout 30 "$bin" --threads 2 "$@" -w "$dir/w2.pcap" \
		>"$dir/w2.out" 2>"$dir/w2.all"
	local rc2=$?
	grep '^writepar: ' "$dir/w2.all" >>"$dir/trace"
	grep -v '^writepar: ' "$dir/w2.all" >"$dir/w2.err"
	if [ $rc1 -ne $rc2 ] || [ $rc1 -ge 124 ] || ! same_file "$dir/w1.pcap" "$dir/w2.pcap" ||
		! cmp -s "$dir/w1.err" "$dir/w2.err" || ! cmp -s "$dir/w1.out" "$dir/w2.out"; then
		failed "$name: trawl $* (exit $rc1 / $rc2)"
		cmp "$dir/w1.pcap" "$dir/w2.pcap"
		diff "$dir/w1.err" "$dir/w2.err" | head -4
		return
	fi
	if [ $have_td = 1 ] && [ "${td_now:-1}" = 1 ]; then
		timeout 30 "$tcpdump" "$@" -w "$dir/w0.pcap" >/dev/null 2>"$dir/w0.err"
		local rc0=$?
		if [ $rc0 -ne $rc1 ] || ! same_file "$dir/w0.pcap" "$dir/w1.pcap"; then
			failed "$name: tcpdump $* (exit $rc0, trawl $rc1)"
			cmp "$dir/w0.pcap" "$dir/w1.pcap"
			return
		fi
	fi
	pass=$((pass + 1))
}

: >"$dir/trace"

# every capture at chunks of 97 bytes with tcp (against tcpdump too) and
# no filter (the one-thread reader, which two threads must leave alone),
# and at chunks of 4096 with ip6 (sparse matches, and link types it cannot
# be compiled for); the other filters of the big capture below.  (udp and
# 'not arp' over every capture as well made this test 13 minutes of make
# check's 30.)
while read -r chunk filters; do
	export TRAWL_WRITEPAR_CHUNK=$chunk
	for f in "${files[@]}"; do
		n=$(basename "$f")
		for filt in $filters; do
			[ "$filt" = none ] && filt=
			filt=${filt//_/ }
			td_now=0
			[ "$filt" = tcp ] && td_now=1
			# shellcheck disable=SC2086
			wcase "$n [$filt] chunk $chunk" -r "$f" $filt
		done
	done
done <<'END'
97 tcp none
4096 ip6
END
td_now=1

# a chunk of one byte: a guess at every offset
export TRAWL_WRITEPAR_CHUNK=1
for f in "$base/demo.pcap" "$base/basics.pcap" "$base/truncated.pcap" "$base/snapped.pcap"; do
	[ -e "$f" ] && wcase "$(basename "$f") chunk 1" -r "$f" ip
done

# a bigger capture, cut in the middle of a record and of a header, with -c
# (within the file, past a chunk, past the end) and -w - into a pipe
big=$dir/big.pcap
python3 -c '
import struct, sys
# one classic Ethernet capture out of the records of the Ethernet ones
out = open(sys.argv[1], "wb")
out.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
n = 0
for path in sys.argv[2:]:
    d = open(path, "rb").read()
    if len(d) < 24 or d[:4] != bytes.fromhex("d4c3b2a1"):
        continue
    if struct.unpack("<I", d[20:24])[0] != 1:
        continue
    o = 24
    while o + 16 <= len(d):
        s, u, cl, ln = struct.unpack("<IIII", d[o:o + 16])
        if cl > 65535 or o + 16 + cl > len(d) or u >= 1000000:
            break
        out.write(struct.pack("<IIII", 1500000000 + n // 100, n % 1000000, cl, ln))
        out.write(d[o + 16:o + 16 + cl])
        n += 1
        o += 16 + cl
' "$big" "${files[@]}"
size=$(stat -c %s "$big")
head -c $((size / 2 + 7)) "$big" >"$dir/cut.pcap"
head -c $((size - 5)) "$big" >"$dir/cut-end.pcap"
printf 'write2: %s is %d bytes\n' "$big" "$size"
for chunk in 4000 65536 0; do
	if [ $chunk = 0 ]; then unset TRAWL_WRITEPAR_CHUNK; else export TRAWL_WRITEPAR_CHUNK=$chunk; fi
	for filt in tcp udp "not arp" "ip and not tcp"; do
		# shellcheck disable=SC2086
		wcase "big [$filt] chunk $chunk" -r "$big" $filt
		# shellcheck disable=SC2086
		wcase "cut [$filt] chunk $chunk" -r "$dir/cut.pcap" $filt
		# shellcheck disable=SC2086
		wcase "cut-end [$filt] chunk $chunk" -r "$dir/cut-end.pcap" $filt
		for c in 1 10 1000 100000000; do
			# shellcheck disable=SC2086
			wcase "big -c $c [$filt] chunk $chunk" -c $c -r "$big" $filt
		done
	done
done

# -w - into a pipe
export TRAWL_WRITEPAR_CHUNK=1000
for t in 1 2; do
	"$bin" --threads $t -r "$big" -w - tcp 2>/dev/null | cat >"$dir/pipe$t.pcap"
done
if [ $have_td = 1 ]; then
	"$tcpdump" -r "$big" -w - tcp 2>/dev/null | cat >"$dir/pipe0.pcap"
else
	cp "$dir/pipe1.pcap" "$dir/pipe0.pcap"
fi
if cmp -s "$dir/pipe1.pcap" "$dir/pipe2.pcap" && cmp -s "$dir/pipe0.pcap" "$dir/pipe1.pcap" &&
	[ -s "$dir/pipe1.pcap" ]; then
	pass=$((pass + 1))
else
	failed "-w - into a pipe differs"
fi

# pcapng: libpcap's own reader, whatever the threads
for f in "$corpus"/*.pcapng; do
	[ -e "$f" ] && wcase "$(basename "$f")" -r "$f" tcp
done

# both threads read chunks, and some guesses were wrong (the calling
# thread read those chunks again and still wrote the same file)
both=$(awk '$7 + 0 > 0 && $9 + 0 > 0' "$dir/trace" | wc -l)
wrong=$(awk '$10 + 0 > 0' "$dir/trace" | wc -l)
echo "write2: $(wc -l <"$dir/trace") two-thread runs, $both with chunks read by both threads, $wrong read chunks again after a wrong guess"
if [ "$both" -eq 0 ]; then
	failed "no run had both threads read chunks"
fi

echo "write2: $pass passed, $fail failed"
[ $fail -eq 0 ]
