#!/bin/sh
# Writes every capture the project's tests use into DIR: the C generator's
# (demo, basics, snapped, truncated, hostile) and each tests/gen/gen_*.py
# generator's (called as: python3 GEN.py DIR).  Deterministic.
set -e
dir=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dir"
for c in demo basics snapped truncated hostile; do
	"$root/tests/gen/gen" "$c" "$dir/$c.pcap"
done
for g in "$root"/tests/gen/gen_*.py; do
	[ -e "$g" ] || continue
	python3 "$g" "$dir"
done
