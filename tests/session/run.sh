#!/usr/bin/env bash
# --sessions on the demo capture, checked against what tests/gen/gen
# planted (the FTP break-in's commands and replies, the IRC bot's
# registration and channel), text and EVE JSON (valid, with community_id);
# then every conformance capture through --sessions --json under
# ASan+UBSan, every line valid JSON.
#   run.sh [BINARY [SANITIZER_BINARY]]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}/session
corpus="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
mkdir -p "$dir"
export TZ=GMT0
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL session $*"; }
has() { grep -qF -- "$2" "$1" && ok || bad "no line with '$2' in $1"; }

"$root/tests/gen/gen" demo "$dir/demo.pcap" || { echo "session: gen failed"; exit 1; }
"$bin" -r "$dir/demo.pcap" --sessions >"$dir/demo.txt" 2>"$dir/demo.err" || bad "--sessions exited $?"
has "$dir/demo.txt" 'ftp 61.219.90.180.3711 > 192.168.100.45.21: USER ftp -> 331 Guest login ok'
has "$dir/demo.txt" 'ftp 61.219.90.180.3711 > 192.168.100.45.21: PASS mozilla@ -> 230 Guest login ok'
has "$dir/demo.txt" 'ftp 61.219.90.180.3711 > 192.168.100.45.21: SITE EXEC %020d|%.f%.f| -> 200-31 '
has "$dir/demo.txt" 'irc 172.16.134.191.1030 > 209.126.161.29.6667: > NICK rbot-4711'
has "$dir/demo.txt" 'irc 172.16.134.191.1030 > 209.126.161.29.6667: > JOIN #owned'
has "$dir/demo.txt" 'irc 172.16.134.191.1030 > 209.126.161.29.6667: < :irc.example.net 001 rbot-4711 :Welcome'
n=$(grep -c . "$dir/demo.txt")
[ "$n" = 8 ] && ok || bad "demo: $n events, want 8"

"$bin" -r "$dir/demo.pcap" --sessions --json >"$dir/demo.json" 2>/dev/null || bad "--sessions --json exited $?"
if command -v jq >/dev/null; then
	jq -e -s 'length == 8' "$dir/demo.json" >/dev/null && ok || bad "demo.json: not 8 JSON events"
	jq -e -s '[.[] | select(.event_type == "ftp" and .ftp.command == "USER" and .ftp.command_data == "ftp"
	          and .ftp.completion_code == [331] and .src_ip == "61.219.90.180" and .dest_port == 21)] | length == 1' \
		"$dir/demo.json" >/dev/null && ok || bad "demo.json: the FTP USER event"
	jq -e -s '[.[] | select(.event_type == "irc" and .irc.command == "JOIN" and .irc.params == "#owned"
	          and .irc.direction == "to_server")] | length == 1' "$dir/demo.json" >/dev/null && ok ||
		bad "demo.json: the IRC JOIN event"
	jq -e -s 'all(.[]; (.community_id | test("^1:[A-Za-z0-9+/]{27}=$")) and (.timestamp | test("^2001-10-07T")))' \
		"$dir/demo.json" >/dev/null && ok || bad "demo.json: community_id or timestamp"
else
	bad "jq is needed (apt-get install jq)"
fi

if [ -d "$corpus" ]; then
	if [ -x "$san" ]; then
		n=0
		for f in "$corpus"/*.pcap "$corpus"/*.pcapng; do
			n=$((n + 1))
			timeout 60 "$san" -r "$f" --sessions --json >"$dir/c.json" 2>"$dir/c.err"
			rc=$?
			if grep -q "Sanitizer\|runtime error" "$dir/c.err" || [ $rc -gt 1 ]; then
				bad "$(basename "$f"): exit $rc: $(grep -m1 -E 'ERROR|runtime error' "$dir/c.err")"
			elif ! jq -e . "$dir/c.json" >/dev/null 2>&1 && [ -s "$dir/c.json" ]; then
				bad "$(basename "$f"): invalid JSON"
			else
				ok
			fi
		done
		echo "session: --sessions --json over $n corpus captures under ASan+UBSan"
	else
		bad "no sanitizer build at $san"
	fi
elif [ "${CI:-}" = true ]; then
	bad "the conformance corpus is missing at $corpus (CI)"
else
	echo "session: SKIPPED the corpus sweep: $corpus is missing"
fi
echo "session: $pass passed, $fail failed"
[ "$fail" = 0 ]
