#!/bin/sh
# Writes every capture the project's tests use into DIR: the C generator's
# (demo, basics, snapped, truncated, hostile), each tests/gen/gen_*.py
# generator's (called as: python3 GEN.py DIR), and the fuzzing regression
# captures.  Deterministic.
set -e
dir=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
for c in demo basics snapped truncated hostile; do
	"$root/tests/gen/gen" "$c" "$dir/$c.pcap"
done
# the fuzzing regression captures (tests/fuzz/regress/), as they are
for r in "$root"/tests/fuzz/regress/*.pcap; do
	[ -e "$r" ] && cp "$r" "$dir/"
done
for g in "$root"/tests/gen/gen_*.py; do
	[ -e "$g" ] || continue
	python3 "$g" "$dir"
done
