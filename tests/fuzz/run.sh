#!/usr/bin/env bash
# Runs the libFuzzer harnesses.
#   run.sh SECONDS_PER_HARNESS [HARNESS...]
# Corpora live in tests/fuzz/corpus/NAME (seeded from the project's captures
# and, when present, the conformance captures); crashes are kept in
# tests/fuzz/findings/ and fail the run.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
shift || true
harnesses=${*:-"fuzz_print fuzz_file fuzz_decode fuzz_stream fuzz_session fuzz_rules fuzz_match fuzz_engine"}
corpus_src="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
out=$root/tests/out/fuzz
mkdir -p "$out" "$root/tests/fuzz/findings"
for c in demo basics snapped; do "$root/tests/gen/gen" $c "$out/$c.pcap"; done
rc=0
for h in $harnesses; do
	corpus=$out/corpus-$h
	mkdir -p "$corpus"
	if [ -z "$(ls -A "$corpus")" ]; then
		# seeds: whole files for fuzz_file, single packets for fuzz_print,
		# runs of packets and made-up conversations for fuzz_stream, one
		# conversation per protocol for fuzz_session; the others with a
		# seed_NAME.py of their own (fuzz_rules: rule files) make theirs
		if [ -f "$root/tests/fuzz/seed_${h#fuzz_}.py" ] && [ "$h" != fuzz_stream ]; then
			python3 "$root/tests/fuzz/seed_${h#fuzz_}.py" "$corpus"
		elif [ "$h" = fuzz_stream ]; then
			python3 "$root/tests/fuzz/seed_stream.py" "$corpus" "$out"/*.pcap \
				$( [ -d "$corpus_src" ] && ls "$corpus_src"/*.pcap 2>/dev/null | head -400 )
		else
			python3 "$root/tests/fuzz/seed.py" "$h" "$corpus" "$out"/*.pcap \
				$( [ -d "$corpus_src" ] && ls "$corpus_src"/*.pcap 2>/dev/null | head -400 )
		fi
	fi
	echo "fuzz: $h for ${secs}s"
	# Leaks are checked after every input (libFuzzer's own check), not at
	# exit: at exit LeakSanitizer sometimes reports OpenSSL's global state
	# (its algorithm and name tables, set up by the ESP printer) as
	# indirect leaks inside libcrypto, on some runs and not others.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}leak_check_at_exit=0 \
	"$root/tests/fuzz/$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$root/tests/fuzz/findings/$h-" -print_final_stats=1 \
		"$corpus" >"$out/$h.log" 2>&1
	r=$?
	grep -E '^stat::number_of_executed_units|^stat::peak_rss|^#[0-9]+.*DONE' "$out/$h.log" | tail -2
	if [ $r -ne 0 ]; then
		echo "fuzz: $h FAILED (exit $r); see $out/$h.log and tests/fuzz/findings/"
		grep -E 'ERROR|SUMMARY' "$out/$h.log" | head -5
		rc=1
	fi
done
exit $rc
