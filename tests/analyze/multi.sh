#!/usr/bin/env bash
# Many files in one run (-V LIST, several -r, -r DIR): --summary and
# --conversations (text and --json) read on two threads and merged must be
# byte for byte what reading the same packets as one file gives, and what
# reading the files one after the other gives (--threads 1),
# stderr included.  The captures (tests/gen/gen_multi.py) are one capture
# cut into files at many places, so that conversations, handshakes among
# them, cross the boundaries; then the bounded tables: a --max-flows below,
# at and above what the files hold together, and more hosts than the
# summary's talker table holds (the merge must then fall back to reading
# the files again, with the same result).
#   multi.sh [BINARY]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
dir=${CAPTURE_DIR:-$root/tests/out}/multi
rm -rf "$dir"
mkdir -p "$dir"
python3 "$root/tests/gen/gen_multi.py" "$dir" || { echo "multi: gen_multi.py failed"; exit 1; }
export TZ=GMT0
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL multi $*"; }

# same NAME A B: files A and B are identical
same() {
	if cmp -s "$2" "$3"; then ok; else bad "$1: $(diff "$2" "$3" | head -5)"; fi
}

# threads: whether trawl ran a second thread (strace, when there is one)
threads() {
	command -v strace >/dev/null || return 0
	strace -f -e trace=clone,clone3 -o "$dir/strace" "$bin" "$@" >/dev/null 2>&1
	grep -qE 'clone3?\(' "$dir/strace"
}

reports=("--summary" "--summary --json" "--conversations" "--conversations --json"
	 "--summary --conversations" "--summary --conversations --json")

# check LABEL ONE-FILE-ARGS -- MANY-FILE-ARGS: every report of the many
# files, parallel and sequential, against the one file's
check() {
	local label=$1
	shift
	local one=() many=()
	while [ "$1" != -- ]; do one+=("$1"); shift; done
	shift
	many=("$@")
	local i=0
	for rep in "${reports[@]}"; do
		i=$((i + 1))
		# shellcheck disable=SC2086
		"$bin" -n "${one[@]}" $rep >"$dir/one.out" 2>/dev/null
		# shellcheck disable=SC2086
		"$bin" -n "${many[@]}" $rep >"$dir/par.out" 2>"$dir/par.err" ||
			bad "$label $rep: exited $?"
		# shellcheck disable=SC2086
		"$bin" --threads 1 -n "${many[@]}" $rep >"$dir/seq.out" 2>"$dir/seq.err"
		same "$label $rep (one file)" "$dir/one.out" "$dir/par.out"
		same "$label $rep (sequential)" "$dir/seq.out" "$dir/par.out"
		same "$label $rep (stderr)" "$dir/seq.err" "$dir/par.err"
	done
}

all=$dir/all.pcap
for c in cut2 cut3 cut7 cut12; do
	check "$c -r DIR" -r "$all" -- -r "$dir/$c"
	ls "$dir/$c"/part-*.pcap | sort -V >"$dir/$c.list"
	check "$c -V" -r "$all" -- -V "$dir/$c.list"
	rs=()
	while read -r f; do rs+=(-r "$f"); done <"$dir/$c.list"
	check "$c -r -r" -r "$all" -- "${rs[@]}"
	# with a filter: each thread filters its own files
	check "$c filter" -r "$all" "tcp or arp" -- -r "$dir/$c" "tcp or arp"
done

# the second thread really runs (and not when told not to)
if command -v strace >/dev/null; then
	threads -r "$dir/cut7" --conversations && ok || bad "no second thread for -r DIR --conversations"
	threads -r "$dir/cut7" --summary && ok || bad "no second thread for -r DIR --summary"
	threads --threads 1 -r "$dir/cut7" --conversations &&
		bad "a second thread with --threads 1" || ok
fi

# the flow table's limit: below what the files hold together (one read
# evicts; so does each part), just below (only together would they
# overflow), at it, above it
n=$("$bin" -n -r "$all" --conversations 2>/dev/null | sed -n 's/^Conversations: \([0-9]*\).*/\1/p')
[ "${n:-0}" -gt 20 ] && ok || bad "conversations in all.pcap: '$n'"
# (the halves of cut2 each hold fewer than all: only together do they overflow)
h0=$("$bin" -n -r "$dir/cut2/part-0.pcap" --conversations 2>/dev/null | sed -n 's/^Conversations: \([0-9]*\).*/\1/p')
h1=$("$bin" -n -r "$dir/cut2/part-1.pcap" --conversations 2>/dev/null | sed -n 's/^Conversations: \([0-9]*\).*/\1/p')
[ "$h0" -lt $((n - 1)) ] && [ "$h1" -lt $((n - 1)) ] && ok || bad "cut2's halves hold $h0 and $h1 of $n"
for m in 10 $((n - 1)) "$n" $((n + 1)); do
	check "cut2 --max-flows $m" -r "$all" --max-flows "$m" -- -r "$dir/cut2" --max-flows "$m"
	check "cut7 --max-flows $m" -r "$all" --max-flows "$m" -- -r "$dir/cut7" --max-flows "$m"
done
"$bin" -n -r "$dir/cut2" --conversations --max-flows $((n - 1)) 2>/dev/null | grep -q "; 0 evicted" &&
	bad "--max-flows $((n - 1)): nothing evicted" || ok

# more hosts than the talker table holds, in each half: read again
check "hosts" -r "$dir/hosts.pcap" -- -r "$dir/hosts"
"$bin" -n -r "$dir/hosts" --summary 2>/dev/null | grep -q 'table full at 65536' && ok ||
	bad "hosts: the talker table did not fill"

# a file that cannot be read, or cut short in a record, in either half (and
# with a flow table that overflows, so that the files are read again): what
# one read says and gives
printf 'not a capture\n' >"$dir/bad.pcap"
c3=$dir/cut3
head -c -30 "$c3/part-1.pcap" >"$dir/short1.pcap"
head -c -30 "$c3/part-2.pcap" >"$dir/short2.pcap"
lists=("$c3/part-0.pcap $dir/bad.pcap $c3/part-1.pcap $c3/part-2.pcap"
       "$c3/part-0.pcap $c3/part-1.pcap $dir/bad.pcap $c3/part-2.pcap"
       "$c3/part-0.pcap $dir/short1.pcap $c3/part-2.pcap"
       "$c3/part-0.pcap $c3/part-1.pcap $dir/short2.pcap $c3/part-0.pcap")
for l in "${lists[@]}"; do
	# shellcheck disable=SC2086
	printf '%s\n' $l >"$dir/bad.list"
	for rep in "--summary" "--conversations --json" "--conversations --max-flows 60"; do
		# shellcheck disable=SC2086
		"$bin" -n -V "$dir/bad.list" $rep >"$dir/par.out" 2>"$dir/par.err"
		prc=$?
		# shellcheck disable=SC2086
		"$bin" --threads 1 -n -V "$dir/bad.list" $rep >"$dir/seq.out" 2>"$dir/seq.err"
		src=$?
		[ $prc = $src ] && [ $prc = 1 ] && ok || bad "[${l//$dir\//}] $rep: exit $prc, sequential $src"
		same "[${l//$dir\//}] $rep" "$dir/seq.out" "$dir/par.out"
		same "[${l//$dir\//}] $rep (stderr)" "$dir/seq.err" "$dir/par.err"
	done
done

echo "multi: $pass passed, $fail failed"
[ $fail = 0 ]
