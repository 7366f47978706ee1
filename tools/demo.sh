#!/usr/bin/env bash
# make demo: the seed's incident walkthrough on a capture the project makes.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
trawl="$root/trawl"
mkdir -p "$root/demo"
cap="$root/demo/incident.pcap"
"$root/tests/gen/gen" demo "$cap"
export TZ=${TZ:-GMT0}
step() {
	printf '\n== %s\n$ trawl %s\n' "$1" "$2"
	eval "\"$trawl\" $2" 2>/dev/null
}
echo "trawl demo: a honeypot incident (generated capture: demo/incident.pcap)"
step "Everything, as tcpdump -n -r would print it" "-n -r '$cap'"
step "SYN/ACKs only (tcp[13] == 18): which servers answered a connection attempt" "-n -r '$cap' 'tcp[13] == 18'"
step "IP protocol 11 (NVP): the compromised honeypot 192.168.100.45 and its peers" "-n -r '$cap' proto 11"
step "Which IRC servers (ports 6666-6669) did the Windows box 172.16.134.191 talk to?" "-n -r '$cap' 'tcp and host 172.16.134.191 and portrange 6666-6669 and tcp[13] == 18'"
step "The DNS lookup, decoded" "-n -r '$cap' port 53"
step "The FTP break-in with the payload in ASCII" "-n -A -r '$cap' 'port 21 and tcp[13] & 8 != 0' -c 3"

echo
echo "== The same questions, one command each (trawl's reports)"
step "Totals and protocol breakdown (what the seed ran snort for)" "-r '$cap' --summary"
step "Which IRC servers did 172.16.134.191 talk to, and which answered?" "-n -r '$cap' --conversations 'tcp and host 172.16.134.191 and portrange 6666-6669'"
step "Which hosts used IP protocol 11?" "-n -r '$cap' --conversations 'proto 11'"
step "Every conversation" "-n -r '$cap' --conversations"
step "One JSON event per packet, EVE-shaped (here the DNS lookup)" "-r '$cap' --json port 53"
if command -v jq >/dev/null; then
	printf '\n== The names looked up, with jq\n$ trawl -r %s --json port 53 | jq -r '"'"'select(.dns.type == "query") .dns.rrname'"'"'\n' "$cap"
	"$trawl" -r "$cap" --json port 53 2>/dev/null | jq -r 'select(.dns.type == "query") .dns.rrname'
fi
step "The IRC servers that answered, as EVE flow events (and the flow table's stats event)" "-r '$cap' --conversations --json 'tcp[13] == 18 and portrange 6666-6669'"

echo
echo "== What the intruder did next: application sessions, files (one command each)"
step "What did the intruder type over FTP? (both sessions: the break-in, and the rootkit fetched from the honeypot)" "-r '$cap' --sessions 'port 21'"
step "The rootkit's FTP session with its data connection (found from the PASV reply): the file, its size and SHA-256" "-r '$cap' --sessions 'host 211.20.37.60'"
rm -rf "$root/demo/extract"
mkdir -p "$root/demo/extract"
step "Every file moved (FTP, HTTP, the mailed attachment), stored by SHA-256" "-r '$cap' --extract '$root/demo/extract'"
printf '$ cat demo/extract/files.json | jq -c .fileinfo\n'
if command -v jq >/dev/null; then
	jq -c '.fileinfo | {filename, size, sha256, state}' "$root/demo/extract/files.json"
else
	cat "$root/demo/extract/files.json"
fi
printf '$ ls demo/extract/files\n'
ls "$root/demo/extract/files"
step "What was mailed out (SMTP with its MIME attachment)" "-r '$cap' --sessions port 25"
if command -v jq >/dev/null; then
	printf '\n== Which channel did the bot join, and what was it told?\n$ trawl -r %s --sessions --json port 6667 | jq -r '"'"'select(.irc.command == "JOIN" or .irc.command == "PRIVMSG") | "\\(.irc.command) \\(.irc.params) \\(.irc.text // "")"'"'"'\n' "$cap"
	"$trawl" -r "$cap" --sessions --json port 6667 2>/dev/null |
		jq -r 'select(.irc.command == "JOIN" or .irc.command == "PRIVMSG") | "\(.irc.command) \(.irc.params) \(.irc.text // "")"'
	printf '\n== Every file as an EVE fileinfo event\n$ trawl -r %s --sessions --json | jq -c '"'"'select(.event_type == "fileinfo") | .fileinfo | {filename, sha256}'"'"'\n' "$cap"
	"$trawl" -r "$cap" --sessions --json 2>/dev/null | jq -c 'select(.event_type == "fileinfo") | .fileinfo | {filename, sha256}'
fi

# Which rules fire: the Emerging Threats Open set when ../shared has it,
# else the project's few rules for this capture.
et="$root/../shared/rules/et-open"
if [ -d "$et" ]; then
	step "Which Emerging Threats Open rules fire? (Snort's fast alert lines)" "-r '$cap' --rules '$et'"
else
	step "Which rules fire? (tests/clickhouse/demo.rules; ../shared/rules/et-open is not here)" "-r '$cap' --rules '$root/tests/clickhouse/demo.rules'"
fi
step "The HTML report to hand on (demo/report.html: traffic, talkers, names, alerts on the time axis)" "-r '$cap' --report '$root/demo/report.html' $( [ -d "$et" ] && echo "--rules '$et'" ) >/dev/null"
ls -l "$root/demo/report.html"
