#!/usr/bin/env bash
# Printing on two cores (src/printpar.c) against one: the same bytes on
# stdout and stderr and the same exit status, on the project's generated
# captures and on every classic pcap of the conformance corpus, at the flag
# sets whose printers keep state across packets.  TRAWL_PRINTPAR_CHUNK makes
# the chunks tiny (1 and 3 packets), so that each thread shadows the other's
# packets all through a capture; TRAWL_PRINTPAR_TRACE's counts show that both
# threads printed and that every kind of shadowing happened.
#   run.sh [BINARY]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
dir=${CAPTURE_DIR:-$root/tests/out}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
"$root/tests/gen/make-captures.sh" "$dir" >/dev/null || { echo "printpar: generating captures failed"; exit 1; }
corpus=$root/../shared/conformance/tcpdump-4.99.3
export TZ=GMT0
pass=0 fail=0

files=("$dir"/*.pcap)
if [ -d "$corpus" ]; then
	files+=("$corpus"/*.pcap)
elif [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; then
	echo "FAIL printpar: $corpus is missing (CI/STRICT: the corpus is required)"
	exit 1
else
	echo "printpar: $corpus missing: the generated captures only"
fi

# same NAME ARGS...: --threads 1 and --threads 2 print the same
same() {
	local name=$1
	shift
	timeout 20 "$bin" --threads 1 "$@" >"$dir/pp1.out" 2>"$dir/pp1.err"
	local rc1=$?
	timeout 20 "$bin" --threads 2 "$@" >"$dir/pp2.out" 2>"$dir/pp2.err"
	local rc2=$?
	if [ $rc1 -eq $rc2 ] && [ $rc1 -lt 124 ] && cmp -s "$dir/pp1.out" "$dir/pp2.out" &&
		cmp -s "$dir/pp1.err" "$dir/pp2.err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL printpar $name: trawl $* (exit $rc1 / $rc2)"
		diff "$dir/pp1.out" "$dir/pp2.out" | head -4
		diff "$dir/pp1.err" "$dir/pp2.err" | head -4
	fi
}

# chunk size and flags: every other packet the other thread's with -n,
# runs of 2 to 5 with the flags that add state or bytes
while read -r chunk flags; do
	export TRAWL_PRINTPAR_CHUNK=$chunk
	for f in "${files[@]}"; do
		same "$(basename "$f")" $flags -r "$f"
	done
done <<'END'
1 -n
2 -nvvv
3 -nttt -e
4 -nttttt -v
5 -nX -#
END

# the sanitizers' build on the generated captures (make check builds it)
if [ -x "$root/trawl-sanitize" ]; then
	keep=$bin
	bin=$root/trawl-sanitize
	export TRAWL_PRINTPAR_CHUNK=1
	for f in "$dir"/*.pcap; do
		same "san-$(basename "$f")" -nv -r "$f"
	done
	bin=$keep
elif [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; then
	echo "FAIL printpar: $root/trawl-sanitize is missing (make trawl-sanitize)"
	fail=$((fail + 1))
fi

# -c, filters, and a file cut inside a record (libpcap takes over there)
"$root/tests/gen/gen" demo "$dir/pp-demo.pcap" || exit 1
export TRAWL_PRINTPAR_CHUNK=2
same demo-c7 -n -c 7 -r "$dir/pp-demo.pcap"
same demo-c8 -n -c 8 -r "$dir/pp-demo.pcap"
same demo-tcp -n -r "$dir/pp-demo.pcap" tcp
same demo-port -nv -r "$dir/pp-demo.pcap" port 21 or port 80
size=$(stat -c %s "$dir/pp-demo.pcap")
head -c $((size * 2 / 3)) "$dir/pp-demo.pcap" >"$dir/pp-cut.pcap"
same demo-cut -n -r "$dir/pp-cut.pcap"
same demo-cut-c -n -c 100000 -r "$dir/pp-cut.pcap"

# the run really went on two threads, and shadowed each kind of packet
trace=$(TRAWL_PRINTPAR_TRACE=1 "$bin" --threads 2 -n -r "$dir/pp-demo.pcap" 2>&1 >/dev/null | grep '^printpar:')
if [[ $trace =~ chunks\ printed\ ([0-9]+)\ \+\ ([0-9]+)\;\ shadowed:\ printed\ ([0-9]+)\ \+\ ([0-9]+),\ untouched\ ([0-9]+)\ \+\ ([0-9]+),\ tcp\ ([0-9]+)\ \+\ ([0-9]+) ]] &&
	[ "${BASH_REMATCH[1]}" -gt 0 ] && [ "${BASH_REMATCH[2]}" -gt 0 ] &&
	[ $((BASH_REMATCH[3] + BASH_REMATCH[4])) -gt 0 ] &&
	[ $((BASH_REMATCH[5] + BASH_REMATCH[6])) -gt 0 ] &&
	[ $((BASH_REMATCH[7] + BASH_REMATCH[8])) -gt 0 ]; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL printpar trace: both threads print and shadow every kind: '$trace'"
fi
# --threads 1, a pcapng file, or no -n: one thread (no trace line)
for args in "--threads 1 -n -r $dir/pp-demo.pcap" "--threads 2 -r $dir/pp-demo.pcap"; do
	if TRAWL_PRINTPAR_TRACE=1 "$bin" $args 2>&1 >/dev/null | grep -q '^printpar:'; then
		fail=$((fail + 1))
		echo "FAIL printpar: trawl $args ran on two threads"
	else
		pass=$((pass + 1))
	fi
done
echo "printpar: $pass passed, $fail failed"
[ $fail -eq 0 ]
