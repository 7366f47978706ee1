#!/usr/bin/env bash
# trawl's events in a two-shard ClickHouse cluster (issue 18).
#
# Starts two clickhouse-server instances on 127.0.0.1 (own ports, own
# config and data under tests/out/clickhouse), the two shards of a cluster
# named trawl; creates docs/clickhouse.sql's tables on both; loads shard 1
# with the events of tests/gen/gen's demo capture (the seed's incident) and
# gen_files.py's smtp.pcap, shard 2 with gen_rules.py's incident.pcap and
# gen_dnstls.py's dnstls-tls.pcap and dnstls-dns.pcap, each file's
# `--conversations --sessions --rules ... --json` lines as they are
# (INSERT INTO trawl.eve FORMAT JSONEachRow); then asks the seed's
# questions through the Distributed tables and compares every answer,
# exactly, with trawl's own reports over the same captures read together
# (-V LIST, the files in order).
#
# Needs clickhouse-server and clickhouse-client (tests/clickhouse/setup.sh
# installs Debian's when root), jq and python3; otherwise says SKIPPED and
# exits 0, except under CI=true, where it fails.
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
here="$root/tests/clickhouse"
out="$root/tests/out/clickhouse"
export TZ=UTC  # not UTC0: ClickHouse looks TZ up in /usr/share/zoneinfo
pass=0 fail=0
pids=()

skip() {
	if strict; then echo "clickhouse: FAILED: $1 (CI=true or STRICT=1)"; exit 1; fi
	echo "clickhouse: SKIPPED: $1"
	exit 0
}

cleanup() {
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do
		for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$p" 2>/dev/null
	done
	[ -n "${KEEP:-}" ] && return
	rm -rf "$out/s1" "$out/s2"
	[ "$fail" -eq 0 ] && rm -rf "$out"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

why=$(sh "$here/setup.sh") || skip "$why"
command -v jq >/dev/null || skip "no jq"
command -v python3 >/dev/null || skip "no python3 for the capture generators"
[ -x "$bin" ] || { echo "clickhouse: FAILED: no $bin"; exit 1; }
[ -x "$root/tests/gen/gen" ] || { echo "clickhouse: FAILED: no tests/gen/gen (make tests/gen/gen)"; exit 1; }

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL clickhouse $1: $2"; }
# same NAME A B: files A and B must be equal
same() {
	if cmp -s "$2" "$3"; then ok; else
		bad "$1" "ClickHouse's answer ($2) differs from trawl's ($3)"
		diff "$2" "$3" | head -12 | sed 's/^/    /'
	fi
}

rm -rf "$out"
mkdir -p "$out/caps"

# ---- the captures -------------------------------------------------------------
"$root/tests/gen/gen" demo "$out/caps/demo.pcap" || skip "tests/gen/gen demo failed"
for g in gen_rules gen_files gen_dnstls; do
	python3 "$root/tests/gen/$g.py" "$out/caps" >/dev/null || { echo "clickhouse: FAILED: $g.py"; exit 1; }
done
shard1="demo.pcap smtp.pcap"
shard2="incident.pcap dnstls-tls.pcap dnstls-dns.pcap"
: >"$out/all.list"
for f in $shard1 $shard2; do echo "$out/caps/$f" >>"$out/all.list"; done
rules=(--rules "$root/tests/rules/incident.rules" --rules "$here/demo.rules" --var 'HOME_NET=[10.0.0.0/8]')

# ---- two servers, the two shards of cluster trawl ----------------------------------
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
declare -A tcp
for s in s1 s2; do tcp[$s]=$(freeport); done
for s in s1 s2; do
	d="$out/$s"
	mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
	cat >"$d/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/server.log</log><errorlog>$d/server.err.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>${tcp[$s]}</tcp_port>
  <http_port>$(freeport)</http_port>
  <interserver_http_port>$(freeport)</interserver_http_port>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers>
    <trawl>
      <shard><replica><host>127.0.0.1</host><port>${tcp[s1]}</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>${tcp[s2]}</port></replica></shard>
    </trawl>
  </remote_servers>
</yandex>
EOF
	cat >"$d/users.xml" <<'EOF'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
EOF
	clickhouse-server --config-file="$d/config.xml" >"$d/stdout" 2>&1 &
	pids+=($!)
done
ch() { local s=$1; shift; clickhouse-client --host 127.0.0.1 --port "${tcp[$s]}" "$@"; }
for s in s1 s2; do
	up=0
	for _ in $(seq 150); do
		ch $s -q 'SELECT 1' >/dev/null 2>&1 && { up=1; break; }
		sleep 0.2
	done
	if [ $up -eq 0 ]; then
		echo "clickhouse: FAILED: server $s did not start within 30 s"
		tail -5 "$out/$s/stdout" "$out/$s/server.err.log" 2>/dev/null | sed 's/^/    /'
		fail=1
		exit 1
	fi
done
echo "clickhouse: $(ch s1 -q 'SELECT version()') on 127.0.0.1:${tcp[s1]} and :${tcp[s2]}"

# ---- the schema, and each shard's events ---------------------------------------
for s in s1 s2; do
	ch $s --multiquery <"$root/docs/clickhouse.sql" || { bad schema "docs/clickhouse.sql failed on $s"; exit 1; }
done
load() {
	local s=$1 f=$2
	"$bin" -r "$out/caps/$f" --conversations --sessions "${rules[@]}" --json 2>/dev/null >"$out/$f.json"
	ch $s --input_format_skip_unknown_fields=1 --input_format_import_nested_json=1 \
		-q 'INSERT INTO trawl.eve FORMAT JSONEachRow' <"$out/$f.json" || bad load "INSERT of $f's events on $s failed"
}
for f in $shard1; do load s1 "$f"; done
for f in $shard2; do load s2 "$f"; done

# what each shard holds: the events of its own files, by kind
for s in s1 s2; do
	eval "files=\$shard${s#s}"
	for f in $files; do cat "$out/$f.json"; done |
		jq -r 'select(.event_type) | .event_type as $t |
			if $t == "flow" then "flow", (if .src_ip then "flow_host", "flow_host" else empty end)
			elif $t == "alert" then "alert" elif $t == "fileinfo" then "file"
			elif $t == "stats" then empty else "session" end' | sort | uniq -c | awk '{print $2, $1}' >"$out/$s.count.want"
	for t in alert file flow flow_host session; do
		echo "$t $(ch $s -q "SELECT count() FROM trawl.$t")"
	done | awk '$2 != 0' >"$out/$s.count.got"
	same "rows-$s" "$out/$s.count.got" "$out/$s.count.want"
done

# ---- the seed's questions, through the Distributed tables -------------------------
q() { ch s1 -q "$1" --format JSONEachRow | jq -cS . >"$2"; }
V() { "$bin" -V "$out/all.list" "$@" 2>/dev/null; }

# Which IRC servers (ports 6666-6669) did 172.16.134.191 talk to, and which answered?
q "SELECT peer AS server, port, toString(count()) AS flows, toString(sum(pkts_sent + pkts_rcvd)) AS packets,
          toString(sum(bytes_sent + bytes_rcvd)) AS bytes, arraySort(groupArray(state)) AS states
   FROM trawl.flow_host_all
   WHERE host = '172.16.134.191' AND role = 'client' AND proto = 'TCP' AND port BETWEEN 6666 AND 6669
   GROUP BY peer, port ORDER BY server, port" "$out/irc.got"
V --conversations --json 'tcp and host 172.16.134.191 and portrange 6666-6669' |
	jq -s -c '[.[] | select(.event_type == "flow" and .src_ip == "172.16.134.191")] |
		group_by([.dest_ip, .dest_port])[] |
		{server: .[0].dest_ip, port: .[0].dest_port, flows: (length | tostring),
		 packets: (map(.flow.pkts_toserver + .flow.pkts_toclient) | add | tostring),
		 bytes: (map(.flow.bytes_toserver + .flow.bytes_toclient) | add | tostring),
		 states: (map(.trawl.state) | sort)}' | jq -cS . >"$out/irc.want"
[ -s "$out/irc.want" ] || bad irc "trawl found no IRC server"
same irc-servers "$out/irc.got" "$out/irc.want"

# ... and the ones that spoke IRC (session events)
q "SELECT dest_ip AS server, dest_port AS port, arraySort(groupUniqArray(\`irc.command\`)) AS commands
   FROM trawl.session_all WHERE event_type = 'irc' AND src_ip = '172.16.134.191'
   GROUP BY dest_ip, dest_port ORDER BY server, port" "$out/irc-sessions.got"
V --sessions --json |
	jq -s -c '[.[] | select(.event_type == "irc" and .src_ip == "172.16.134.191")] |
		group_by([.dest_ip, .dest_port])[] |
		{server: .[0].dest_ip, port: .[0].dest_port, commands: (map(.irc.command) | unique)}' | jq -cS . >"$out/irc-sessions.want"
[ -s "$out/irc-sessions.want" ] || bad irc-sessions "trawl found no IRC session"
same irc-sessions "$out/irc-sessions.got" "$out/irc-sessions.want"

# Which hosts spoke IP protocol 11 with 192.168.100.45?
q "SELECT peer, role, toString(sum(pkts_sent)) AS pkts_sent, toString(sum(pkts_rcvd)) AS pkts_rcvd,
          toString(sum(bytes_sent)) AS bytes_sent, toString(sum(bytes_rcvd)) AS bytes_rcvd
   FROM trawl.flow_host_all WHERE host = '192.168.100.45' AND proto = 'NVP-II'
   GROUP BY peer, role ORDER BY peer, role" "$out/proto11.got"
V --conversations --json 'proto 11 and host 192.168.100.45' |
	jq -s -c '[.[] | select(.event_type == "flow") |
		if .src_ip == "192.168.100.45"
		then {peer: .dest_ip, role: "client", ps: .flow.pkts_toserver, pr: .flow.pkts_toclient, bs: .flow.bytes_toserver, br: .flow.bytes_toclient}
		else {peer: .src_ip, role: "server", ps: .flow.pkts_toclient, pr: .flow.pkts_toserver, bs: .flow.bytes_toclient, br: .flow.bytes_toserver} end] |
		group_by([.peer, .role])[] |
		{peer: .[0].peer, role: .[0].role, pkts_sent: (map(.ps) | add | tostring), pkts_rcvd: (map(.pr) | add | tostring),
		 bytes_sent: (map(.bs) | add | tostring), bytes_rcvd: (map(.br) | add | tostring)}' | jq -cS . >"$out/proto11.want"
[ -s "$out/proto11.want" ] || bad proto11 "trawl found no protocol 11 peer"
same proto11-peers "$out/proto11.got" "$out/proto11.want"

# Top talkers (bytes sent + received), as --summary ranks them: bytes, then
# IPv4 before IPv6, then the address's bytes
q "SELECT host, toString(sum(pkts_sent)) AS sp, toString(sum(bytes_sent)) AS sb,
          toString(sum(pkts_rcvd)) AS rp, toString(sum(bytes_rcvd)) AS rb
   FROM trawl.flow_host_all GROUP BY host
   ORDER BY sum(bytes_sent + bytes_rcvd) DESC, position(host, ':') > 0, IPv4StringToNum(host), IPv6StringToNum(host)
   LIMIT 10" "$out/talkers.got"
V --summary --json | jq -c '.summary.top_talkers[] |
	{host, sp: (.sent.packets | tostring), sb: (.sent.bytes | tostring), rp: (.received.packets | tostring), rb: (.received.bytes | tostring)}' |
	jq -cS . >"$out/talkers.want"
same top-talkers "$out/talkers.got" "$out/talkers.want"
q "SELECT toString(uniqExact(host)) AS hosts FROM trawl.flow_host_all" "$out/hosts.got"
V --summary --json | jq -c '{hosts: (.summary.hosts | tostring)}' | jq -cS . >"$out/hosts.want"
same hosts "$out/hosts.got" "$out/hosts.want"

# Alerts by signature (first and last in microseconds since the epoch)
us='(toUInt64(toUInt32(parseDateTimeBestEffort(timestamp))) * 1000000 + toUInt64(substring(timestamp, 21, 6)))'
q "SELECT toString(\`alert.gid\`) AS gid, toString(\`alert.signature_id\`) AS sid, toString(\`alert.rev\`) AS rev,
          \`alert.signature\` AS signature, toString(count()) AS count,
          toString(min($us)) AS first, toString(max($us)) AS last
   FROM trawl.alert_all GROUP BY \`alert.gid\`, \`alert.signature_id\`, \`alert.rev\`, \`alert.signature\`
   ORDER BY \`alert.signature_id\`, \`alert.gid\`" "$out/alerts.got"
V "${rules[@]}" --summary --json | jq -c '.alerts.signatures | sort_by(.signature_id, .gid)[] |
	{gid: (.gid | tostring), sid: (.signature_id | tostring), rev: (.rev | tostring), signature,
	 count: (.count | tostring), first: (.first * 1000000 | round | tostring), last: (.last * 1000000 | round | tostring)}' |
	jq -cS . >"$out/alerts.want"
[ "$(wc -l <"$out/alerts.want")" -gt 4 ] || bad alerts "trawl reported too few signatures"
same alerts-by-signature "$out/alerts.got" "$out/alerts.want"

# Files: every SHA-256 on either shard, with its names, as trawl tells them
q "SELECT \`fileinfo.sha256\` AS sha256, arraySort(groupUniqArray(\`fileinfo.filename\`)) AS names, toString(count()) AS n
   FROM trawl.file_all GROUP BY sha256 ORDER BY sha256" "$out/files.got"
V --sessions --json | jq -s -c '[.[] | select(.event_type == "fileinfo")] | group_by(.fileinfo.sha256)[] |
	{sha256: .[0].fileinfo.sha256, names: (map(.fileinfo.filename) | unique), n: (length | tostring)}' | jq -cS . >"$out/files.want"
same files "$out/files.got" "$out/files.want"

# every flow, counted once across the cluster, as trawl counts them reading the files together
q "SELECT toString(count()) AS flows FROM trawl.flow_all" "$out/flows.got"
V --conversations --json | jq -s -c '{flows: (map(select(.event_type == "flow")) | length | tostring)}' | jq -cS . >"$out/flows.want"
same flows "$out/flows.got" "$out/flows.want"

echo "clickhouse: $pass passed, $fail failed (answers: $(wc -l <"$out/irc.got") IRC servers, $(wc -l <"$out/proto11.got") protocol-11 peers, $(wc -l <"$out/talkers.got") top talkers, $(wc -l <"$out/alerts.got") signatures, $(wc -l <"$out/files.got") files)"
[ "$fail" -eq 0 ]
