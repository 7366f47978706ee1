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
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
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
# jq has no bitwise and: bit B (1, 2, 4 ...) of a two-digit hex string
bit='def hex: explode | map(if . >= 97 then . - 87 else . - 48 end) | .[0] * 16 + .[1];
     def bit($b): (hex / $b | floor) % 2 == 1;'
jqs irc-servers "$dir/irc.json" '[.[] | select(.event_type == "flow") | .dest_ip] | unique == ["209.126.161.29","209.196.44.172","217.199.175.10","63.241.174.144","66.33.65.58"]'
jqs irc-states "$dir/irc.json" '[.[] | select(.event_type == "flow") | .trawl.state] == ["syn-ack","reset","syn-ack","syn-ack","reset","established"]'
jqs irc-eve-states "$dir/irc.json" '[.[] | select(.event_type == "flow") | [.flow.state, .tcp.state]] == [["new","syn_recv"],["closed","closed"],["new","syn_recv"],["new","syn_recv"],["closed","closed"],["established","established"]]'
jqs irc-answered "$dir/irc.json" "$bit"' [.[] | select(.event_type == "flow" and (.tcp.tcp_flags_tc | bit(2)) and (.tcp.tcp_flags_tc | bit(16))) | .dest_ip] | unique == ["209.126.161.29","217.199.175.10","63.241.174.144"]'
jqs irc-opened "$dir/irc.json" "$bit"' [.[] | select(.event_type == "flow")] | length == 6 and all(.[]; .src_ip == "172.16.134.191" and .trawl.opened_by == "syn" and .proto == "TCP" and (.dest_port >= 6666 and .dest_port <= 6669) and .tcp.syn and (.tcp.tcp_flags_ts | bit(2)))'
jqs irc-rst-by-server "$dir/irc.json" "$bit"' [.[] | select(.trawl.state == "reset") | [(.tcp.tcp_flags_tc | bit(4)), (.tcp.tcp_flags_ts | bit(4)), .tcp.rst]] == [[true,false,true],[true,false,true]]'

run "$dir/nvp.txt" -n -r "$demo" --conversations 'proto 11'
has nvp-count "$dir/nvp.txt" '^Conversations: 3 '
for peer in 192.168.100.28 206.252.192.195 61.134.3.11; do
	has "nvp-$peer" "$dir/nvp.txt" "^nvp +192\.168\.100\.45 +${peer//./\\.} +one-way +2 +108 +0 +0 "
done
run "$dir/conv.json" -r "$demo" --conversations --json
jqs conv-total "$dir/conv.json" '(.[-1] | .event_type == "stats" and .stats.flow_table.conversations == 27 and .stats.flow_table.evicted == 0 and .stats.flow_table.unkeyed_packets == 0) and ([.[] | select(.event_type == "flow")] | length == 27 and ([.[] | .flow.pkts_toserver + .flow.pkts_toclient] | add) == 112 and ([.[] | .flow.bytes_toserver + .flow.bytes_toclient] | add) == 19777)'
jqs conv-ftp "$dir/conv.json" '.[1] | .src_ip == "61.219.90.180" and .src_port == 3711 and .dest_ip == "192.168.100.45" and .dest_port == 21 and .proto == "TCP" and .trawl.state == "closed" and .flow.state == "closed" and .flow.reason == "shutdown" and .flow.alerted == false and .trawl.handshake and .trawl.port_app == "ftp" and .flow.pkts_toserver == 6 and .flow.pkts_toclient == 5 and .flow.bytes_toserver == 386 and .flow.bytes_toclient == 565 and .tcp.tcp_flags == "1b" and .tcp.tcp_flags_ts == "1b" and .tcp.tcp_flags_tc == "1a" and .tcp.fin and .tcp.psh and (.tcp | has("rst") | not) and .flow.start == "2001-10-07T12:08:20.538000+0000" and .flow.end == "2001-10-07T12:08:21.719220+0000" and .flow.age == 1 and .timestamp == .flow.start'
jqs conv-dns "$dir/conv.json" '.[0] | .proto == "UDP" and .dest_port == 53 and .trawl.state == "two-way" and .flow.state == "established" and .timestamp == "2001-10-07T12:08:20.000000+0000" and .flow.age == 0 and (has("tcp") | not)'
jqs conv-flags "$dir/conv.json" '[.[] | select(.dest_ip == "10.10.253.99") | .trawl.state] == ["closed","syn","reset","midstream","midstream","midstream","midstream","midstream","closed","midstream"]'
jqs conv-flag-bits "$dir/conv.json" '[.[] | select(.dest_ip == "10.10.253.99") | .tcp.tcp_flags] == ["01","02","04","08","10","20","40","80","29","00"] and ([.[] | select(.dest_ip == "10.10.253.99") | .tcp | [keys[] | select(. != "tcp_flags" and . != "tcp_flags_ts" and . != "tcp_flags_tc" and . != "state")]] == [["fin"],["syn"],["rst"],["psh"],["ack"],["urg"],["ecn"],["cwr"],["fin","psh","urg"],[]])'
jqs conv-arp "$dir/conv.json" '[.[] | select(.trawl.net == "arp")] | length == 1 and .[0].trawl.state == "two-way" and .[0].arp == {"src_ip":"10.10.253.34","dest_ip":"10.10.253.1"} and (.[0] | has("src_ip") or has("community_id") | not) and (.[0].flow_id | type) == "number"'
jqs conv-icmp "$dir/conv.json" '[.[] | select(.proto == "ICMP")] | length == 1 and .[0].flow.pkts_toserver == 1 and .[0].flow.pkts_toclient == 1 and .[0].icmp_type == 8 and .[0].icmp_code == 0 and .[0].response_icmp_type == 0 and .[0].response_icmp_code == 0 and (.[0] | has("src_port") | not)'
jqs conv-nvp "$dir/conv.json" '[.[] | select(.proto == "NVP-II") | [.src_ip, .dest_ip, .flow.state, .flow.pkts_toserver, .flow.bytes_toserver]] == [["192.168.100.45","192.168.100.28","new",2,108],["192.168.100.45","206.252.192.195","new",2,108],["192.168.100.45","61.134.3.11","new",2,108]]'
jqs conv-sorted "$dir/conv.json" '[.[] | select(.event_type == "flow") | .timestamp] | . == sort'

# the flow table limit: the least recently seen are evicted and counted
run "$dir/evict.json" -r "$demo" --conversations --json --max-flows 4
jqs evict-count "$dir/evict.json" '.[-1].stats.flow_table | .limit == 4 and .conversations == 4 and .evicted == 24 and .evicted_packets == 60 and .evicted_bytes == 9944'
jqs evict-sum "$dir/evict.json" '([.[] | select(.event_type == "flow") | .flow.pkts_toserver + .flow.pkts_toclient] | add) + .[-1].stats.flow_table.evicted_packets == 112'
jqs evict-lru "$dir/evict.json" '[.[] | select(.event_type == "flow") | [.src_ip, .dest_ip] | sort | join(" ")] == ["192.168.100.45 211.20.37.60","192.168.100.45 207.46.104.20","172.16.134.191 209.126.161.29","172.16.134.191 64.124.157.48"]'
run "$dir/evict.txt" -r "$demo" --conversations --max-flows 4
has evict-text "$dir/evict.txt" '^Conversations: 4 \(flow table limit 4; 24 evicted with 60 packets, 9944 bytes\)$'
"$bin" -r "$demo" --conversations --max-flows 0 >/dev/null 2>"$dir/mf.err"
[ $? -eq 1 ] && grep -q 'invalid flow table size 0' "$dir/mf.err" && ok || bad "max-flows 0 refused"

# ---- --json per packet: one EVE "packet" event per line
run "$dir/pkts.json" -r "$demo" --json
[ "$(wc -l <"$dir/pkts.json")" = 112 ] && ok || bad "json-lines: 112 lines"
jq -e . "$dir/pkts.json" >/dev/null 2>&1 && ok || bad "json-lines: jq rejects them"
jqs json-dns-q "$dir/pkts.json" '.[0] | .dns == {"type":"query","id":54517,"flags":"0000","opcode":0,"rrname":"www.bluecoat.com","rrtype":"A","ancount":0} and .dest_port == 53 and .src_ip == "10.10.253.34" and .src_port == 2400 and .dest_ip == "192.5.5.241" and .proto == "UDP" and .app_proto == "dns" and .pkt.port_app == "dns"'
jqs json-dns-a "$dir/pkts.json" '.[1] | .dns.answers == [{"rrname":"www.bluecoat.com","rrtype":"A","ttl":300,"rdata":"66.150.8.52"}] and .dns.type == "answer" and .dns.rcode == "NOERROR" and .dns.qr and .dns.flags == "8180" and .src_ip == "192.5.5.241" and .src_port == 53'
[ "$(jq -r 'select(.tcp and .dest_ip == "10.10.253.99") | .tcp.tcp_flags' "$dir/pkts.json" | tr '\n' ' ')" = "01 02 04 08 10 20 40 80 29 00 " ] && ok || bad "json-tcp-flags"
jqs json-tcp-bools "$dir/pkts.json" '[.[] | select(.tcp and .dest_ip == "10.10.253.99") | .tcp | [keys_unsorted[] | select(. != "tcp_flags" and . != "seq" and . != "ack_seq" and . != "win")]] == [["fin"],["syn"],["rst"],["psh"],["ack"],["urg"],["ecn"],["cwr"],["fin","psh","urg"],[]]'
jqs json-tcp-nums "$dir/pkts.json" '.[2].tcp == {"tcp_flags":"02","syn":true,"seq":2831049217,"ack_seq":0,"win":5840} and .[3].tcp.ack_seq == 2831049218'
[ "$(jq -r 'select(.proto == "NVP-II") | .dest_ip' "$dir/pkts.json" | sort -u | tr '\n' ' ')" = "192.168.100.28 206.252.192.195 61.134.3.11 " ] && ok || bad "json-nvp-peers"
jqs json-arp "$dir/pkts.json" '[.[] | select(.arp)] | length == 2 and [.[] | .arp.opcode] == ["request","reply"] and .[0].arp.src_ip == "10.10.253.34" and .[0].ether.dest_mac == "ff:ff:ff:ff:ff:ff" and .[0].ether.ether_type == 2054 and .[0].flow_id == .[1].flow_id and (.[0] | has("src_ip") or has("community_id") | not)'
jqs json-icmp "$dir/pkts.json" '[.[] | select(has("icmp_type")) | [.proto, .icmp_type, .icmp_code]] == [["ICMP",8,0],["ICMP",0,0]]'
jqs json-lens "$dir/pkts.json" 'all(.[]; .pkt.caplen == .pkt.len and .pkt.len >= 52) and ([.[] | .pkt.n] == [range(1; 113)])'
jqs json-ip "$dir/pkts.json" '.[0].pkt == {"n":1,"caplen":76,"len":76,"ip_version":4,"ttl":128,"ip_id":4694,"ip_len":62,"payload_len":34,"port_app":"dns"} and .[0].ether == {"src_mac":"00:50:56:10:20:30","dest_mac":"00:0c:29:aa:bb:cc","ether_type":2048}'
run "$dir/nano.json" -r "$demo" --json --nano -c 2
jqs json-nano "$dir/nano.json" '.[1].timestamp == "2001-10-07T12:08:20.038000000+0000"'
TZ=EST5 "$bin" -r "$demo" --json -c 1 2>/dev/null | jq -e '.timestamp == "2001-10-07T07:08:20.000000-0500"' >/dev/null && ok || bad "json-local-time: EST5"

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
assert lines[0]["dns"]["rrname"] == want_q, lines[0]["dns"]["rrname"]
assert lines[0]["dns"]["rrtype"] == "TXT" and lines[0]["dns"]["type"] == "query"
assert lines[1]["dns"]["answers"][0] == {"rrname": want_q, "rrtype": "CNAME", "ttl": 60, "rdata": lat(b'\\"\x01\xff.net')}
assert lines[1]["dns"]["answers"][1]["rdata"] == "10.66.6.6"
assert lines[2]["dns"].get("truncated") and "rrname" not in lines[2]["dns"]   # compression loop
assert lines[3]["dns"]["truncated"] and lines[3]["dns"]["ancount"] == 5
h = lines[7]["http"]
assert h["http_method"] == "GET" and h["url"] == lat(b'/a"b\\c\x01\x1b[31m\xff\xfe/%00'), h
assert h["hostname"] == lat(b'evil"host\\\x7f\xc3(.example'), h
assert lines[7]["app_proto"] == "http"
assert lines[8]["http"] == {"status": 404}
assert lines[9]["tls"]["sni"] == lat(b'ev"il\\\x00\x1f\xff\xed\xbf\xbf.x') and lines[9]["app_proto"] == "tls"
assert "tls" not in lines[10] and lines[10]["app_proto"] == "tls" and lines[10]["pkt"]["port_app"] == "https"  # a ClientHello without SNI
assert lines[11]["src_ip"] == "2001:db8::1" and lines[11]["pkt"]["ip_version"] == 6 and lines[11]["http"]["hostname"] == "[2001:db8::2]"
assert lines[12]["vlan"] == [42] and lines[12]["http"]["url"] == "/v6"
every = b".".join(  # every byte value 0x00-0xff in five labels
    bytes(range(b, min(b + 52, 256))) for b in range(0, 256, 52))
assert lines[13]["dns"]["rrname"] == lat(every[:255]), lines[13]["dns"]["rrname"]  # names are kept to 255 bytes
EOF
then ok; else bad "hostile: decoded fields differ"; fi
raw=$(grep -c $'[\x01-\x1f]' "$dir/hostile.json")
[ "$raw" = 0 ] && ok || bad "hostile: raw control bytes in JSON"

# the reports together: the flow events, the flow table's stats event, and
# the summary document last, each on its own line
run "$dir/both.json" -r "$dir/hostile.pcap" --summary --conversations --json
jqs both-lines "$dir/both.json" '(.[-1] | keys == ["summary"] and .summary.packets == 14) and .[-2].event_type == "stats" and all(.[:-2][]; .event_type == "flow") and (.[:-2] | length) == 8'
jqs both-v6 "$dir/both.json" '.[-1].summary.ip.v6.packets == 2 and ([.[] | select(.trawl.net == "ipv6")] | length) == 1'
jqs both-app-events "$dir/both.json" '.[-1].summary.app_events == {"dns_queries":3,"dns_responses":2,"http_requests":3,"http_responses":1,"tls_sni":1}'
run "$dir/hostile-sum.json" -r "$dir/hostile.pcap" --summary --json
[ "$(wc -l <"$dir/hostile-sum.json")" = 1 ] && [ "$(tail -1 "$dir/both.json")" = "$(cat "$dir/hostile-sum.json")" ] && ok || bad "both: the summary line differs from --summary --json alone"
run "$dir/both.txt" -r "$dir/hostile.pcap" --summary --conversations
has both-text-sum "$dir/both.txt" '^Summary$'
has both-text-conv "$dir/both.txt" '^Conversations: 8 '
has both-text-v6 "$dir/both.txt" '^tcp6 +\[2001:db8::1\]:50123 +\[2001:db8::2\]:80 +midstream +2 '

# ---- EVE: every line one object with the common fields; one connection's
# packet, flow and session events share flow_id and community_id; the
# flow events say what the text report says; community_id is Community ID
# v1 (checked against the spec's published values and a Python
# implementation over planted TCP, UDP, ICMP, ICMPv6, IPv6 and others)
run "$dir/demo-sess.json" -r "$demo" --sessions --json
run "$dir/conv.txt" -n -r "$demo" --conversations
python3 - "$dir" "$bin" <<'EOF'
import base64, collections, hashlib, ipaddress, json, os, re, struct, subprocess, sys
d, trawl = sys.argv[1], sys.argv[2]
fails = []
def check(name, cond, info=''):
    if not cond:
        fails.append('%s %s' % (name, str(info)[:300]))

# -- Community ID v1, from the spec
ICMP4 = {8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 10: 9, 9: 10, 17: 18, 18: 17}
ICMP6 = {128: 129, 129: 128, 130: 131, 131: 130, 133: 134, 134: 133, 135: 136, 136: 135,
         139: 140, 140: 139, 144: 145, 145: 144}
def cid(src, dst, proto, sp=None, dp=None):
    s, t = ipaddress.ip_address(src).packed, ipaddress.ip_address(dst).packed
    one_way = False
    if proto in (1, 58) and sp is not None:
        m = ICMP4 if proto == 1 else ICMP6
        if sp in m:
            dp = m[sp]
        else:
            one_way = True
    if not one_way and not (s < t or (s == t and sp is not None and sp < dp)):
        s, t, sp, dp = t, s, dp, sp
    b = struct.pack('!H', 0) + s + t + struct.pack('!BB', proto, 0)
    if sp is not None:
        b += struct.pack('!HH', sp, dp)
    return '1:' + base64.b64encode(hashlib.sha1(b).digest()).decode()
# the implementation against the spec's baseline
for args, want in [(('128.232.110.120', '66.35.250.204', 6, 34855, 80), '1:LQU9qZlK+B5F3KDmev6m5PMibrg='),
                   (('66.35.250.204', '128.232.110.120', 6, 80, 34855), '1:LQU9qZlK+B5F3KDmev6m5PMibrg='),
                   (('192.168.1.52', '8.8.8.8', 17, 54585, 53), '1:d/FP5EW3wiY1vCndhwleRRKHowQ='),
                   (('2001:470:e5bf:dead:4957:2174:e82c:4887', '2607:f8b0:400c:c03::1a', 6, 63943, 25), '1:/qFaeAR+gFe1KYjMzVDsMv+wgU4='),
                   (('192.168.0.89', '192.168.0.1', 1, 8, 0), '1:X0snYXpgwiv9TZtqg64sgzUn6Dk='),
                   (('192.168.0.1', '192.168.0.89', 1, 0, 0), '1:X0snYXpgwiv9TZtqg64sgzUn6Dk='),
                   (('fe80::260:97ff:fe07:69ea', 'ff02::1', 58, 134, 0), '1:pkvHqCL88/tg1k4cPigmZXUtL00='),
                   (('10.1.12.1', '10.1.12.2', 46), '1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=')]:
    check('python-community-id', cid(*args) == want, (args, cid(*args), want))

def lines(path):
    out = []
    for i, l in enumerate(open(path, 'rb')):
        try:
            o = json.loads(l.decode('utf-8', 'strict'), object_pairs_hook=collections.OrderedDict)
        except ValueError as e:
            fails.append('%s:%d: not JSON: %s' % (path, i + 1, e))
            continue
        check('one-object-per-line', isinstance(o, dict), (path, i + 1))
        out.append(o)
    return out

TS = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}(\d{3})?[+-]\d{4}$')
CID = re.compile(r'^1:[A-Za-z0-9+/]{27}=$')
def common(name, o, etype):
    k = list(o.keys())
    check(name + ': timestamp first', k[0] == 'timestamp' and TS.match(o['timestamp']), k[:2])
    check(name + ': event_type', o.get('event_type') == etype, o.get('event_type'))
    head = [x for x in ('timestamp', 'flow_id', 'community_id', 'event_type') if x in o]
    check(name + ': field order', k[:len(head)] == head, k[:5])
    if 'flow_id' in o:
        check(name + ': flow_id', isinstance(o['flow_id'], int) and 0 < o['flow_id'] < 2 ** 53, o['flow_id'])
    if 'src_ip' in o:
        check(name + ': IP events have flow_id and community_id', 'flow_id' in o and CID.match(o.get('community_id', '')), o)
        check(name + ': tuple', all(x in o for x in ('dest_ip', 'proto')) and isinstance(o['proto'], str), o)
        check(name + ': ports', ('src_port' in o) == ('dest_port' in o), o)
        ipaddress.ip_address(o['src_ip']); ipaddress.ip_address(o['dest_ip'])

def ports(o):
    return (o['src_port'], o['dest_port']) if 'src_port' in o and (o['src_port'] or o['dest_port']) else (None, None)
PROTO = {'TCP': 6, 'UDP': 17, 'ICMP': 1, 'IPv6-ICMP': 58, 'NVP-II': 11, 'GRE': 47, 'RSVP': 46}

# -- the demo: packets, flows, sessions
pk = lines(os.path.join(d, 'pkts.json'))
fl = lines(os.path.join(d, 'conv.json'))
se = lines(os.path.join(d, 'demo-sess.json'))
for i, o in enumerate(pk):
    common('packet %d' % (i + 1), o, 'packet')
flows = [o for o in fl if o.get('event_type') == 'flow']
for i, o in enumerate(flows):
    common('flow %d' % (i + 1), o, 'flow')
    check('flow %d: has flow_id' % (i + 1), 'flow_id' in o)
    check('flow %d: flow object' % (i + 1), all(x in o['flow'] for x in ('pkts_toserver', 'pkts_toclient', 'bytes_toserver', 'bytes_toclient', 'start', 'end', 'age', 'state', 'reason', 'alerted')), o)
common('stats', fl[-1], 'stats')
check('session events', len(se) >= 3, len(se))
for i, o in enumerate(se):
    common('session %d' % (i + 1), o, o.get('event_type'))
by_fid = {}
for o in flows:
    check('flow_id unique per flow', o['flow_id'] not in by_fid, o['flow_id'])
    by_fid[o['flow_id']] = o
pk_ids = {}
for o in pk:
    if 'flow_id' not in o:
        continue
    check('packet flow_id has its flow event', o['flow_id'] in by_fid, o)
    f = by_fid.get(o['flow_id'], {})
    check('packet community_id == its flow event\'s', o.get('community_id') == f.get('community_id'), (o.get('community_id'), f.get('community_id')))
    if 'src_ip' in o:
        check('packet belongs to its flow', {o['src_ip'], o['dest_ip']} == {f.get('src_ip'), f.get('dest_ip')}, (o, f))
    pk_ids.setdefault(o['flow_id'], 0)
    pk_ids[o['flow_id']] += 1
for fid, f in by_fid.items():
    check('flow packet count == its packet events', f['flow']['pkts_toserver'] + f['flow']['pkts_toclient'] == pk_ids.get(fid), (fid, pk_ids.get(fid)))
for o in se:
    f = by_fid.get(o.get('flow_id'))
    check('session event has its flow event', f is not None, o)
    if f:
        check('session community_id == flow\'s', o.get('community_id') == f.get('community_id'))
        check('session src is the flow\'s client', (o['src_ip'], o['src_port'], o['dest_ip'], o['dest_port']) == (f['src_ip'], f['src_port'], f['dest_ip'], f['dest_port']), (o, f))
check('ftp session events seen', any(o['event_type'] == 'ftp' for o in se))
for o in flows:
    if 'src_ip' in o:
        sp, dp = ports(o)
        if 'icmp_type' in o:
            sp, dp = o['icmp_type'], o['icmp_code']
        check('flow community_id', o['community_id'] == cid(o['src_ip'], o['dest_ip'], PROTO[o['proto']], sp, dp), o)

# -- the text report says the same
rows = []
for l in open(os.path.join(d, 'conv.txt')):
    m = re.match(r'^(\S+) +(\S+) +(\S+) +(\S+) +(\d+) +(\d+) +(\d+) +(\d+) ', l)
    if m and m.group(1) != 'proto':
        rows.append((m.group(2), m.group(3), m.group(4)) + tuple(int(m.group(i)) for i in range(5, 9)))
def ep(o, side):
    if 'src_ip' in o:
        a, p = o[side + '_ip'], o.get(side + '_port')
        if p is None:
            return a
        return ('[%s]:%d' if ':' in a else '%s:%d') % (a, p)
    if 'arp' in o:
        return o['arp'][side + '_ip']
    return o['ether'][side + '_mac']
ev = [(ep(o, 'src'), ep(o, 'dest'), o['trawl']['state'], o['flow']['pkts_toserver'], o['flow']['bytes_toserver'],
       o['flow']['pkts_toclient'], o['flow']['bytes_toclient']) for o in flows]
check('flow events == the text report', rows == ev and len(rows) == 27, (len(rows), len(ev), [x for x in zip(rows, ev) if x[0] != x[1]][:2]))
m = re.search(r'^Conversations: (\d+) ', open(os.path.join(d, 'conv.txt')).read(), re.M)
check('stats conversations == the text count', m and int(m.group(1)) == fl[-1]['stats']['flow_table']['conversations'] == len(flows))

# -- community_id on planted traffic
def csum(b):
    if len(b) % 2:
        b += b'\0'
    t = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while t >> 16:
        t = (t & 0xffff) + (t >> 16)
    return ~t & 0xffff
def ip4(s, t, proto, pl):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(pl), 1, 0, 64, proto, 0,
                    ipaddress.ip_address(s).packed, ipaddress.ip_address(t).packed)
    return 0x0800, h[:10] + struct.pack('!H', csum(h)) + h[12:] + pl
def ip6(s, t, nh, pl):
    return 0x86dd, struct.pack('!IHBB', 0x60000000, len(pl), nh, 64) + ipaddress.ip_address(s).packed + ipaddress.ip_address(t).packed + pl
def tcp(sp, dp, fl=0x02):
    return struct.pack('!HHIIBBHHH', sp, dp, 1, 0, 0x50, fl, 8192, 0, 0)
def udp(sp, dp):
    return struct.pack('!HHHH', sp, dp, 12, 0) + b'abcd'
def icmp(t, c):
    return struct.pack('!BBHHH', t, c, 0, 1, 1) + b'ping'
plant = [  # (ip version fn, src, dst, proto, payload, Community ID ports)
    (ip4, '128.232.110.120', '66.35.250.204', 6, tcp(34855, 80), (34855, 80)),
    (ip4, '66.35.250.204', '128.232.110.120', 6, tcp(80, 34855, 0x12), (80, 34855)),
    (ip4, '192.168.1.52', '8.8.8.8', 17, udp(54585, 53), (54585, 53)),
    (ip4, '8.8.8.8', '192.168.1.52', 17, udp(53, 54585), (53, 54585)),
    (ip4, '192.168.0.89', '192.168.0.1', 1, icmp(8, 0), (8, 0)),
    (ip4, '192.168.0.1', '192.168.0.89', 1, icmp(0, 0), (0, 0)),
    (ip4, '192.168.0.1', '192.168.0.89', 1, icmp(3, 3), (3, 3)),        # one-way
    (ip4, '10.0.0.2', '10.0.0.1', 1, icmp(11, 0), (11, 0)),              # one-way, higher address first
    (ip4, '10.1.12.1', '10.1.12.2', 46, b'\0' * 8, (None, None)),
    (ip4, '10.0.0.1', '10.0.0.2', 47, b'\0\0\x08\x00', (None, None)),    # GRE, not followed (no inner header)
    (ip6, 'fe80::260:97ff:fe07:69ea', 'ff02::1', 58, icmp(134, 0), (134, 0)),
    (ip6, '2001:db8::1', '2001:db8::2', 58, icmp(128, 0), (128, 0)),
    (ip6, '2001:db8::2', '2001:db8::1', 58, icmp(129, 0), (129, 0)),
    (ip6, '2001:db8::9', '2001:db8::1', 58, icmp(1, 4), (1, 4)),         # one-way
    (ip6, '2001:470:e5bf:dead:4957:2174:e82c:4887', '2607:f8b0:400c:c03::1a', 6, tcp(63943, 25), (63943, 25)),
    (ip6, '2001:db8::1', '2001:db8::2', 17, udp(5353, 5353), (5353, 5353)),
    (ip6, '2001:db8::1', '2001:db8::1', 17, udp(2000, 1000), (2000, 1000)),  # same address: by port
]
cap = os.path.join(d, 'eve-cid.pcap')
with open(cap, 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (fn, s, t, proto, pl, _) in enumerate(plant):
        et, ip = fn(s, t, proto, pl)
        fr = b'\x00\x0c\x29\xaa\xbb\xcc\x00\x50\x56\x10\x20\x30' + struct.pack('!H', et) + ip
        f.write(struct.pack('<IIII', 1600000000 + i, 0, len(fr), len(fr)) + fr)
env = dict(os.environ, TZ='GMT0')
got = [json.loads(l) for l in subprocess.run([trawl, '-r', cap, '--json'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env).stdout.splitlines()]
check('planted: one event per packet', len(got) == len(plant), len(got))
for (fn, s, t, proto, pl, (sp, dp)), o in zip(plant, got):
    want = cid(s, t, proto, sp, dp)
    check('planted community_id %s %s>%s' % (proto, s, t), o.get('community_id') == want, (o.get('community_id'), want))
    check('planted tuple %s %s>%s' % (proto, s, t), (o.get('src_ip'), o.get('dest_ip')) == (s, t) and PROTO.get(o.get('proto'), o.get('proto')) in (proto, str(proto)), o)
check('spec value through trawl', got[0]['community_id'] == '1:LQU9qZlK+B5F3KDmev6m5PMibrg=' and got[1]['community_id'] == got[0]['community_id'])
check('flow_id both ways', got[0]['flow_id'] == got[1]['flow_id'] and got[2]['flow_id'] == got[3]['flow_id'] and got[0]['flow_id'] != got[2]['flow_id'])
check('ICMP one-way is not ordered', got[7]['community_id'] != cid('10.0.0.1', '10.0.0.2', 1, 11, 0))
check('ICMPv6 fields', got[11].get('icmp_type') == 128 and got[11].get('proto') == 'IPv6-ICMP' and 'src_port' not in got[11])
fl2 = [json.loads(l) for l in subprocess.run([trawl, '-r', cap, '--conversations', '--json'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env).stdout.splitlines()]
pk_by = {}
for o in got:
    pk_by.setdefault(o['flow_id'], []).append(o)
for o in fl2[:-1]:
    ps = pk_by.get(o['flow_id'], [])
    check('planted flow has packets', ps, o)
    if ps:  # the flow's Community ID is its first packet's
        check('planted flow community_id == its first packet\'s', o['community_id'] == ps[0]['community_id'], (o, ps[0]))
check('planted flows', fl2[-1]['stats']['flow_table']['conversations'] == len(fl2) - 1 == len(pk_by), (len(fl2), len(pk_by)))

for f in fails[:30]:
    print('FAIL analyze eve:', f)
sys.exit(1 if fails else 0)
EOF
[ $? -eq 0 ] && ok || bad "eve: see above"

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
	else
		bad "pcapng: no .pcapng capture in $corpus"
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
		elif ! jq -e -s 'all(.[]; type == "object" and .event_type == "packet" and (.timestamp | type) == "string" and (.pkt.n | type) == "number" and ((has("src_ip") | not) or (.community_id | type) == "string"))' "$dir/san-$b.json" >/dev/null 2>&1 ||
		     ! jq -e -s '(.[-1] | keys == ["summary"]) and .[-2].event_type == "stats" and all(.[:-2][]; .event_type == "flow" and (.flow_id | type) == "number")' "$dir/san-$b.doc" >/dev/null 2>&1; then
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
elif strict; then
	bad "corpus sweep: no sanitizer build ($san) or no conformance corpus ($corpus) under CI"
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
elif strict; then
	bad "split-plain: no strace to see the second thread (CI=true or STRICT=1)"
else
	echo "analyze: SKIPPED the second-thread check: no strace"
fi
# and under ASan+UBSan, both threads at work
if [ -x "$san" ]; then
	for c in decoy cut; do
		"$san" -r "$dir/split-$c.pcap" --summary >"$dir/split-$c.san" 2>"$dir/split-$c.san.err"
		if ! grep -qE 'ERROR: AddressSanitizer|runtime error' "$dir/split-$c.san.err" &&
		   cmp -s "$dir/split-$c.san" "$dir/split-$c.seq"; then ok; else bad "split-$c under ASan+UBSan"; fi
	done
elif strict; then
	bad "split under ASan+UBSan: no sanitizer build at $san (make sanitize) (CI=true or STRICT=1)"
else
	echo "analyze: SKIPPED the split reads under ASan+UBSan: no $san (make sanitize)"
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
elif [ $r -eq 77 ] && ! strict; then
	ok
	echo "analyze: decode-vs-print: SKIPPED the corpus comparison (no corpus at $corpus)"
else
	bad "decode-vs-print (exit $r; see $dir/decode-vs-print.txt)"
	grep -E '^(MISMATCH|FAIL|STALE|    )' "$dir/decode-vs-print.txt" | head -20
fi

echo "analyze: $pass passed, $fail failed"
[ $fail -eq 0 ]
