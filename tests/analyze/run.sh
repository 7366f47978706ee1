#!/usr/bin/env bash
# The incident-response reports (--summary, --conversations, --json) on the
# project's own captures, with every number checked against what
# tests/gen/gen planted; --json validated with jq and Python's strict JSON
# and UTF-8 decoders (hostile bytes included); the flow-table limit and
# eviction; the zero-copy reader against libpcap's; and, when the sanitizer
# build and the conformance corpus are there, every corpus capture through
# the analyzer under ASan+UBSan with its JSON validated.
#   run.sh [BINARY [SANITIZER_BINARY]]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}/analyze
corpus="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
mkdir -p "$dir"
for c in demo basics truncated hostile; do
	"$root/tests/gen/gen" $c "$dir/$c.pcap" || { echo "analyze: gen $c failed"; exit 1; }
done
command -v jq >/dev/null || { echo "analyze: jq is needed (apt-get install jq)"; exit 1; }
export TZ=GMT0
demo=$dir/demo.pcap
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL analyze $*"; }

# jqt NAME FILE EXPR: EXPR (jq, on the JSON document in FILE) must be true
jqt() {
	local r
	r=$(jq -e "$3" "$2" 2>&1) && ok || bad "$1: jq '$3' gave ${r:0:200}"
}
# jqs NAME FILE EXPR: the same over all JSON lines of FILE as one array
jqs() {
	local r
	r=$(jq -e -s "$3" "$2" 2>&1) && ok || bad "$1: jq -s '$3' gave ${r:0:200}"
}
# run OUT ARGS...: trawl ARGS > OUT, must exit 0
run() {
	local out=$1
	shift
	"$bin" "$@" >"$out" 2>"$out.err" || bad "trawl $* exited $? ($(head -c 300 "$out.err"))"
}
# has NAME FILE REGEX: a line of FILE matches
has() { grep -qE -- "$3" "$2" && ok || bad "$1: no line /$3/ in $2"; }

# ---- --summary on the demo capture (what gen_demo planted: 2 DNS, an FTP
# session of 11 packets, 6 NVP, 5 IRC probes + answers, a 6-packet IRC
# session, 10 single-flag TCP packets, 2 ARP, 2 ICMP echo = 49 packets;
# then the FTP download (a 20-packet control connection, an 11-packet data
# connection), an SMTP message (19), the IRC order (1 more in the IRC
# session) and the HTTP download (12) = 112 packets)
run "$dir/sum.txt" -n -r "$demo" --summary
has sum-packets "$dir/sum.txt" '^  packets +112$'
has sum-ipv4 "$dir/sum.txt" '^  IPv4 \(0x0800\) +110 pkts'
has sum-arp "$dir/sum.txt" '^  ARP \(0x0806\) +2 pkts +120 bytes'
has sum-tcp "$dir/sum.txt" '^ +6 tcp +100 pkts'
has sum-nvp "$dir/sum.txt" '^ +11 nvp +6 pkts'
has sum-udp "$dir/sum.txt" '^ +17 udp +2 pkts'
has sum-icmp "$dir/sum.txt" '^ +1 icmp +2 pkts'
has sum-flags "$dir/sum.txt" '^TCP flags: 12 SYN, 9 SYN/ACK, 3 RST, 11 FIN$'
has sum-ftp-port "$dir/sum.txt" '^  tcp/21 ftp +31 pkts'
has sum-irc-port "$dir/sum.txt" '^  tcp/6667 irc +11 pkts'
has sum-dns-port "$dir/sum.txt" '^  udp/53 dns +2 pkts'
has sum-apps "$dir/sum.txt" '^  irc +17 pkts'
has sum-dns-events "$dir/sum.txt" '1 DNS queries, 1 DNS responses'
has sum-talker "$dir/sum.txt" '^  192\.168\.100\.45 +35 +3235 +32 +8477$'
has sum-first "$dir/sum.txt" '^  first +2001-10-07 12:08:20\.000000$'
has sum-duration "$dir/sum.txt" '^  duration +11\.590420 s$'

run "$dir/sum.json" -r "$demo" --summary --json
jqt sum-json-totals "$dir/sum.json" '.summary.packets == 112 and .summary.bytes == 19777 and .summary.duration == 11.59042'
jqt sum-json-protos "$dir/sum.json" '[.summary.ip_protocols[] | [.proto, .packets]] == [[6,100],[11,6],[17,2],[1,2]]'
jqt sum-json-nvp-name "$dir/sum.json" '.summary.ip_protocols[1].name == "nvp"'
jqt sum-json-ether "$dir/sum.json" '[.summary.ethertypes[] | [.type, .packets]] == [["0x0800",110],["0x0806",2]]'
jqt sum-json-link "$dir/sum.json" '.summary.link_types == [{"dlt":1,"name":"EN10MB","packets":112,"bytes":19777}]'
jqt sum-json-flags "$dir/sum.json" '.summary.tcp_flags == {"syn":12,"synack":9,"rst":3,"fin":11}'
jqt sum-json-ports "$dir/sum.json" '[.summary.top_tcp_ports[] | .port] | .[0:4] == [21,80,25,6667] and ([6666,6668,6669] - . == [])'
jqt sum-json-apps "$dir/sum.json" '[.summary.applications[] | [.name, .packets]] == [["ftp",31],["http",22],["smtp",19],["irc",17],["dns",2]]'
jqt sum-json-hosts "$dir/sum.json" '.summary.hosts == 18 and .summary.top_talkers[0].host == "192.168.100.45"'

# with a filter only matching packets count
run "$dir/sum11.json" -r "$demo" --summary --json proto 11
jqt sum-filter "$dir/sum11.json" '.summary.packets == 6 and (.summary.ip_protocols | length) == 1 and .summary.ip_protocols[0].proto == 11'
jqt sum-filter-talkers "$dir/sum11.json" '.summary.hosts == 4 and .summary.top_talkers[0].sent.packets == 6'
# -c stops the count
run "$dir/sumc.json" -r "$demo" --summary --json -c 5
jqt sum-count "$dir/sumc.json" '.summary.packets == 5'

# ---- --conversations: the seed's two questions
run "$dir/irc.txt" -n -r "$demo" --conversations 'tcp and host 172.16.134.191 and portrange 6666-6669'
has irc-count "$dir/irc.txt" '^Conversations: 6 '
[ "$(grep -c '^tcp  .*172\.16\.134\.191:10[23][0-9] ' "$dir/irc.txt")" = 6 ] && ok || bad "irc-client: 6 rows from 172.16.134.191"
has irc-est "$dir/irc.txt" '^tcp +172\.16\.134\.191:1030 +209\.126\.161\.29:6667 +established +4 +278 +3 +291 '
has irc-reset "$dir/irc.txt" '^tcp +172\.16\.134\.191:1026 +66\.33\.65\.58:6666 +reset +1 '
run "$dir/irc.json" -r "$demo" --conversations --json 'tcp and host 172.16.134.191 and portrange 6666-6669'
jqt irc-servers "$dir/irc.json" '[.conversations[] | .server] | unique == ["209.126.161.29","209.196.44.172","217.199.175.10","63.241.174.144","66.33.65.58"]'
jqt irc-states "$dir/irc.json" '[.conversations[] | .state] == ["syn-ack","reset","syn-ack","syn-ack","reset","established"]'
jqt irc-answered "$dir/irc.json" '[.conversations[] | select(.tcp.synack) | .server] | unique == ["209.126.161.29","217.199.175.10","63.241.174.144"]'
jqt irc-opened "$dir/irc.json" 'all(.conversations[]; .client == "172.16.134.191" and .opened_by == "syn" and (.server_port >= 6666 and .server_port <= 6669))'
jqt irc-rst-by-server "$dir/irc.json" '[.conversations[] | select(.state == "reset") | .tcp.rst_server] == [true, true]'

run "$dir/nvp.txt" -n -r "$demo" --conversations 'proto 11'
has nvp-count "$dir/nvp.txt" '^Conversations: 3 '
for peer in 192.168.100.28 206.252.192.195 61.134.3.11; do
	has "nvp-$peer" "$dir/nvp.txt" "^nvp +192\.168\.100\.45 +${peer//./\\.} +one-way +2 +108 +0 +0 "
done
run "$dir/conv.json" -r "$demo" --conversations --json
jqt conv-total "$dir/conv.json" '.flow_table.conversations == 27 and .flow_table.evicted == 0 and ([.conversations[] | .client_to_server.packets + .server_to_client.packets] | add) == 112'
jqt conv-ftp "$dir/conv.json" '.conversations[1] | .client == "61.219.90.180" and .client_port == 3711 and .server == "192.168.100.45" and .server_port == 21 and .state == "closed" and .tcp.fin_client and .tcp.handshake and .client_to_server.packets == 6 and .server_to_client.packets == 5'
jqt conv-dns "$dir/conv.json" '.conversations[0] | .proto_name == "udp" and .server_port == 53 and .state == "two-way" and .first == 1002456500.0'
jqt conv-flags "$dir/conv.json" '[.conversations[] | select(.server == "10.10.253.99") | .state] == ["closed","syn","reset","midstream","midstream","midstream","midstream","midstream","closed","midstream"]'
jqt conv-arp "$dir/conv.json" '[.conversations[] | select(.net == "arp")] | length == 1 and .[0].state == "two-way"'
jqt conv-icmp "$dir/conv.json" '[.conversations[] | select(.proto == 1)] | length == 1 and .[0].client_to_server.packets == 1 and .[0].server_to_client.packets == 1'
jqt conv-sorted "$dir/conv.json" '[.conversations[] | .first] | . == sort'

# the flow table limit: the least recently seen are evicted and counted
run "$dir/evict.json" -r "$demo" --conversations --json --max-flows 4
jqt evict-count "$dir/evict.json" '.flow_table.limit == 4 and .flow_table.conversations == 4 and .flow_table.evicted == 24'
jqt evict-sum "$dir/evict.json" '([.conversations[] | .client_to_server.packets + .server_to_client.packets] | add) + .flow_table.evicted_packets == 112'
jqt evict-lru "$dir/evict.json" '[.conversations[] | [.client, .server] | sort | join(" ")] == ["192.168.100.45 211.20.37.60","192.168.100.45 207.46.104.20","172.16.134.191 209.126.161.29","172.16.134.191 64.124.157.48"]'
run "$dir/evict.txt" -r "$demo" --conversations --max-flows 4
has evict-text "$dir/evict.txt" '^Conversations: 4 \(flow table limit 4; 24 evicted with 60 packets, 9944 bytes\)$'
"$bin" -r "$demo" --conversations --max-flows 0 >/dev/null 2>"$dir/mf.err"
[ $? -eq 1 ] && grep -q 'invalid flow table size 0' "$dir/mf.err" && ok || bad "max-flows 0 refused"

# ---- --json per packet
run "$dir/pkts.json" -r "$demo" --json
[ "$(wc -l <"$dir/pkts.json")" = 112 ] && ok || bad "json-lines: 112 lines"
jq -e . "$dir/pkts.json" >/dev/null 2>&1 && ok || bad "json-lines: jq rejects them"
jqs json-dns-q "$dir/pkts.json" '.[0] | .dns == {"id":54517,"qr":0,"opcode":0,"rcode":0,"qname":"www.bluecoat.com","qtype":"A","ancount":0} and .udp.dport == 53 and .ip.src == "10.10.253.34"'
jqs json-dns-a "$dir/pkts.json" '.[1] | .dns.answers == [{"type":"A","ttl":300,"data":"66.150.8.52"}]'
[ "$(jq -r 'select(.tcp and .ip.dst == "10.10.253.99") | .tcp.flags' "$dir/pkts.json" | tr '\n' ' ')" = "F S R P . U E W FPU  " ] && ok || bad "json-tcp-flags"
[ "$(jq -r 'select(.ip.proto == 11) | .ip.dst' "$dir/pkts.json" | sort -u | tr '\n' ' ')" = "192.168.100.28 206.252.192.195 61.134.3.11 " ] && ok || bad "json-nvp-peers"
[ "$(jq -s 'map(select(.arp)) | length' "$dir/pkts.json")" = 2 ] && ok || bad "json-arp"
jqs json-icmp "$dir/pkts.json" '[.[] | select(.icmp) | .icmp] == [{"type":8,"code":0},{"type":0,"code":0}]'
jqs json-lens "$dir/pkts.json" 'all(.[]; .caplen == .len and .len >= 52) and ([.[] | .n] == [range(1; 113)])'
run "$dir/nano.json" -r "$demo" --json --nano -c 2
jqs json-nano "$dir/nano.json" '.[1].ts == 1002456500.038'
grep -q '"ts":1002456500\.038000000,' "$dir/nano.json" && ok || bad "json-nano-digits"

# hostile bytes: always valid UTF-8 JSON, and the bytes come back exactly
run "$dir/hostile.json" -r "$dir/hostile.pcap" --json
[ "$(wc -l <"$dir/hostile.json")" = 14 ] && ok || bad "hostile: 14 lines"
jq -e . "$dir/hostile.json" >/dev/null 2>&1 && ok || bad "hostile: jq rejects the JSON"
if python3 - "$dir/hostile.json" <<'EOF'
import json, sys
lines = [json.loads(l.decode("utf-8", "strict")) for l in open(sys.argv[1], "rb")]
def lat(b):  # what trawl promises: valid UTF-8 kept, other bytes as U+00XX
    out, i = "", 0
    while i < len(b):
        for k in (4, 3, 2, 1):
            try:
                out += b[i:i + k].decode("utf-8", "strict"); i += k; break
            except UnicodeDecodeError:
                continue
        else:
            out += chr(b[i]); i += 1
    return out
want_q = lat(b'q"u\\ote".\x00\x01\n\r\x1f\x7f.\xff\xfe\xc0\x80\x80\xe2\x82\xed\xa0.\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80.a.b<>')
assert lines[0]["dns"]["qname"] == want_q, lines[0]["dns"]["qname"]
assert lines[0]["dns"]["qtype"] == "TXT"
assert lines[1]["dns"]["answers"][0] == {"type": "CNAME", "ttl": 60, "data": lat(b'\\"\x01\xff.net')}
assert lines[1]["dns"]["answers"][1]["data"] == "10.66.6.6"
assert lines[2]["dns"].get("truncated") and "qname" not in lines[2]["dns"]   # compression loop
assert lines[3]["dns"]["truncated"] and lines[3]["dns"]["ancount"] == 5
h = lines[7]["http"]
assert h["method"] == "GET" and h["uri"] == lat(b'/a"b\\c\x01\x1b[31m\xff\xfe/%00'), h
assert h["host"] == lat(b'evil"host\\\x7f\xc3(.example'), h
assert lines[8]["http"] == {"status": 404}
assert lines[9]["tls"]["sni"] == lat(b'ev"il\\\x00\x1f\xff\xed\xbf\xbf.x')
assert "tls" not in lines[10] and lines[10]["app"] == "https"
assert lines[11]["ip6"]["src"] == "2001:db8::1" and lines[11]["http"]["host"] == "[2001:db8::2]"
assert lines[12]["link"]["vlan"] == [42] and lines[12]["http"]["uri"] == "/v6"
every = b".".join(  # every byte value 0x00-0xff in five labels
    bytes(range(b, min(b + 52, 256))) for b in range(0, 256, 52))
assert lines[13]["dns"]["qname"] == lat(every[:255]), lines[13]["dns"]["qname"]  # names are kept to 255 bytes
EOF
then ok; else bad "hostile: decoded fields differ"; fi
raw=$(grep -c $'[\x01-\x1f]' "$dir/hostile.json")
[ "$raw" = 0 ] && ok || bad "hostile: raw control bytes in JSON"

# reports as JSON documents, together
run "$dir/both.json" -r "$dir/hostile.pcap" --summary --conversations --json
jqt both-keys "$dir/both.json" 'keys == ["conversations","flow_table","summary"] and .summary.packets == 14'
jqt both-v6 "$dir/both.json" '.summary.ip.v6.packets == 2 and ([.conversations[] | select(.net == "ipv6")] | length) == 1'
jqt both-app-events "$dir/both.json" '.summary.app_events == {"dns_queries":3,"dns_responses":2,"http_requests":3,"http_responses":1,"tls_sni":1}'
run "$dir/both.txt" -r "$dir/hostile.pcap" --summary --conversations
has both-text-sum "$dir/both.txt" '^Summary$'
has both-text-conv "$dir/both.txt" '^Conversations: 8 '
has both-text-v6 "$dir/both.txt" '^tcp6 +\[2001:db8::1\]:50123 +\[2001:db8::2\]:80 +midstream +2 '

# ---- the zero-copy reader gives what libpcap gives (stdin goes through libpcap)
"$bin" -r - --json <"$demo" >"$dir/stdin.json" 2>/dev/null
cmp -s "$dir/stdin.json" "$dir/pkts.json" && ok || bad "stdin --json differs from the file's"
"$bin" -r - --summary --conversations 'tcp or proto 11' <"$demo" >"$dir/stdin.txt" 2>/dev/null
"$bin" -r "$demo" --summary --conversations 'tcp or proto 11' >"$dir/file.txt" 2>/dev/null
cmp -s "$dir/stdin.txt" "$dir/file.txt" && ok || bad "stdin reports differ from the file's"
# -w keeps working alongside a report (libpcap path), and writes what matched
run "$dir/w.txt" -r "$demo" -w "$dir/nvp-w.pcap" --summary proto 11
has w-summary "$dir/w.txt" '^  packets +6$'
[ "$("$bin" -n -r "$dir/nvp-w.pcap" 2>/dev/null | wc -l)" = 6 ] && ok || bad "-w with --summary wrote 6 packets"
# a truncated file: the packets before the damage count, libpcap's message, exit 1
"$bin" -r "$dir/truncated.pcap" --summary >"$dir/trunc.txt" 2>"$dir/trunc.err"
[ $? -eq 1 ] && ok || bad "truncated: exit status"
grep -q 'truncated dump file; tried to read 43 captured bytes, only got 38' "$dir/trunc.err" && ok || bad "truncated: message"
has trunc-count "$dir/trunc.txt" "^  packets +$("$bin" -r "$dir/truncated.pcap" 2>/dev/null | wc -l)\$"
# -V: one report over all the files
printf '%s\n%s\n' "$demo" "$dir/basics.pcap" >"$dir/list.txt"
run "$dir/v.json" -V "$dir/list.txt" --summary --json
jqt file-list "$dir/v.json" ".summary.packets == $((112 + $("$bin" -r "$dir/basics.pcap" 2>/dev/null | wc -l)))"
# pcapng goes through libpcap
if [ -f "$corpus/CASES" ]; then
	ng=$(ls "$corpus"/*.pcapng 2>/dev/null | head -1)
	if [ -n "$ng" ]; then
		run "$dir/ng.json" -r "$ng" --summary --json
		jqt pcapng "$dir/ng.json" ".summary.packets == $("$bin" -r "$ng" 2>/dev/null | wc -l)"
	fi
fi

# ---- robustness: the analyzer over every corpus capture under ASan+UBSan
if [ -x "$san" ] && [ -f "$corpus/CASES" ]; then
	export ASAN_OPTIONS=detect_leaks=1:exitcode=86 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87
	export san dir
	one() {
		local f=$1 b
		b=$(basename "$f")
		timeout 20 "$san" -r "$f" --json >"$dir/san-$b.json" 2>"$dir/san-$b.err"
		local r1=$?
		timeout 20 "$san" -r "$f" --summary --conversations --json >"$dir/san-$b.doc" 2>>"$dir/san-$b.err"
		local r2=$?
		if [ $r1 -ge 86 ] || [ $r2 -ge 86 ] || grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$dir/san-$b.err"; then
			echo "$b sanitizer"
		elif ! jq -e . "$dir/san-$b.json" >/dev/null 2>&1 || ! jq -e '.summary and .conversations' "$dir/san-$b.doc" >/dev/null 2>&1; then
			echo "$b json"
		else
			echo "$b ok"
		fi
		rm -f "$dir/san-$b.json" "$dir/san-$b.doc"
	}
	export -f one
	ls "$corpus"/*.pcap "$corpus"/*.pcapng "$dir"/*.pcap 2>/dev/null |
		xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} bash -c 'one "$1"' _ {} >"$dir/san.results"
	n=$(wc -l <"$dir/san.results")
	nb=$(grep -vc ' ok$' "$dir/san.results")
	if [ "$nb" = 0 ]; then ok; else bad "sanitizer/JSON over corpus: $nb of $n"; grep -v ' ok$' "$dir/san.results" | head; fi
	echo "analyze: ran the analyzer over $n captures under ASan+UBSan"
elif [ "${CI:-}" = true ]; then
	bad "the corpus sweep needs $san and the corpus at $corpus (CI)"
else
	echo "analyze: SKIPPED the corpus sweep: sanitizer build or conformance corpus absent"
fi

# ---- --summary reads files of 64 MiB and more in two halves at once
# (mapread_loop2): the report must equal the one read in one piece (-c
# forces that), exit status included, on a plain file, on one whose middle
# holds a packet full of fake records (the second thread's guess of a record
# boundary is then wrong and must be thrown away), and on files damaged
# before and after the middle.
python3 - "$dir" <<'PY'
import os, struct, sys
sys.path.insert(0, os.path.join(os.environ.get('ROOT', '.'), 'tests', 'gen'))
out = sys.argv[1]

def rec(t, data, wire=None):
    return struct.pack('<IIII', 1700000000 + t // 1000000, t % 1000000, len(data),
                       wire or len(data)) + data

def frame(i):
    # Ethernet/IPv4/UDP or TCP with a size that varies, from many hosts
    size = 60 + (i * 37) % 1400
    proto = 17 if i % 3 else 6
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, size - 14, i & 0xffff, 0, 64, proto, 0,
                     bytes([10, (i >> 16) & 255, (i >> 8) & 255, i & 255]), bytes([192, 0, 2, i % 7]))
    l4 = struct.pack('!HHHH', 1024 + i % 5000, 53 if proto == 17 else 80, size - 34, 0)
    return b'\x00\x0c\x29\xaa\xbb\xcc\x00\x50\x56\x10\x20\x30\x08\x00' + ip + l4 + bytes(size - 42)

def write(name, recs):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for r in recs:
            f.write(r)

recs = []
size, i = 24, 0
while size < (70 << 20):
    r = rec(i * 100, frame(i))
    recs.append(r)
    size += len(r)
    i += 1
write('split-plain.pcap', recs)

# a decoy packet across the middle: 0xff bytes, then 40 believable records
fake = b''.join(rec(j, bytes(1000)) for j in range(40))
decoy = rec(0, b'\xff' * 600 + fake + b'\xff' * 64)
half, acc, k = (size + len(decoy)) // 2, 24, 0  # the middle falls in the 0xff bytes
while acc + len(recs[k]) < half - 300:
    acc += len(recs[k])
    k += 1
write('split-decoy.pcap', recs[:k] + [decoy] + recs[k:])

# damaged after the middle (the file ends inside a record) and before it
# (a record longer than the snapshot length)
write('split-cut.pcap', recs[:-1] + [recs[-1][:40]])
bad = struct.pack('<IIII', 1700000000, 0, 70000, 70000)
write('split-bad.pcap', recs[:len(recs) // 4] + [bad] + recs[len(recs) // 4:])
PY
for c in plain decoy cut bad; do
	f=$dir/split-$c.pcap
	"$bin" -r "$f" --summary >"$dir/split-$c.par" 2>"$dir/split-$c.par.err"; rp=$?
	"$bin" -r "$f" --summary -c 1000000000 >"$dir/split-$c.seq" 2>"$dir/split-$c.seq.err"; rs=$?
	if [ $rp = $rs ] && cmp -s "$dir/split-$c.par" "$dir/split-$c.seq" &&
	   cmp -s "$dir/split-$c.par.err" "$dir/split-$c.seq.err"; then ok; else
		bad "split-$c: two halves (exit $rp) differ from one piece (exit $rs)"
		diff "$dir/split-$c.seq" "$dir/split-$c.par" | head -5
	fi
done
has split-plain-count "$dir/split-plain.par" '^  packets +94657$'
[ "$(grep -c 'truncated dump file' "$dir/split-cut.par.err")" = 1 ] && ok || bad "split-cut: no truncated-file error"
# the split path did run: a second thread was made (strace, when there)
if command -v strace >/dev/null; then
	strace -f -e trace=clone,clone3 -o "$dir/split.strace" "$bin" -r "$dir/split-plain.pcap" --summary >/dev/null 2>&1
	grep -qE '^[0-9]+ +clone3?\(' "$dir/split.strace" && ok || bad "split-plain: no second thread"
fi
# and under ASan+UBSan, both threads at work
if [ -x "$san" ]; then
	for c in decoy cut; do
		"$san" -r "$dir/split-$c.pcap" --summary >"$dir/split-$c.san" 2>"$dir/split-$c.san.err"
		if ! grep -qE 'ERROR: AddressSanitizer|runtime error' "$dir/split-$c.san.err" &&
		   cmp -s "$dir/split-$c.san" "$dir/split-$c.seq"; then ok; else bad "split-$c under ASan+UBSan"; fi
	done
fi
rm -f "$dir"/split-*.pcap

# ---- the decoder against the printers: synthetic tunnels, then every
# conformance capture packet by packet (tests/analyze/decode-vs-print.py)
python3 "$root/tests/analyze/decode-vs-print.py" --trawl "$bin" --corpus "$corpus" \
	--out "$dir" >"$dir/decode-vs-print.txt" 2>&1
r=$?
grep -E '^decode-vs-print: (synthetic|coverage)' "$dir/decode-vs-print.txt" | sed 's/^/analyze: /'
if [ $r -eq 0 ]; then
	ok
elif [ $r -eq 77 ] && [ "${CI:-}" != true ]; then
	ok
	echo "analyze: decode-vs-print: SKIPPED the corpus comparison (no corpus at $corpus)"
else
	bad "decode-vs-print (exit $r; see $dir/decode-vs-print.txt)"
	grep -E '^(MISMATCH|FAIL|STALE|    )' "$dir/decode-vs-print.txt" | head -20
fi

echo "analyze: $pass passed, $fail failed"
[ $fail -eq 0 ]
