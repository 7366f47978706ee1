#!/usr/bin/env bash
# Measures what docs/scale.md sizes from: trawl's events per second and MB/s
# on one core, and one ClickHouse server's insert rate and bytes per event.
#
#   bench/clickhouse.sh [CAPTURE]      (default bench/data/mix-300.pcap, made by bench/gen)
#
# Starts one clickhouse-server on 127.0.0.1 (a free port; data under
# bench/data/clickhouse, removed at the end), creates docs/clickhouse.sql's
# tables (a one-shard cluster trawl), loads the capture's
# --conversations --sessions --json events into trawl.eve (the views route
# them), times trawl and the INSERT, and reads system.parts.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
trawl=${TRAWL:-$root/trawl}
cap=${1:-$root/bench/data/mix-300.pcap}
work=$root/bench/data
d=$work/clickhouse
export TZ=UTC
command -v clickhouse-server >/dev/null || { echo "bench: clickhouse-server not installed (tests/clickhouse/setup.sh)"; exit 1; }
if [ ! -f "$cap" ]; then
	make -s -C "$root" bench/gen && "$root/bench/gen" 300 "$cap" || exit 1
fi
pid=
cleanup() {
	[ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
	rm -f "$work"/events.part.*
	rm -rf "$d" "$work/events.json"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
rm -rf "$d"
mkdir -p "$d/data" "$d/tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
hport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$d/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/server.log</log><errorlog>$d/server.err.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>$port</tcp_port>
  <http_port>$hport</http_port>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <remote_servers><trawl><shard><replica><host>127.0.0.1</host><port>$port</port></replica></shard></trawl></remote_servers>
</yandex>
EOF
cat >"$d/users.xml" <<'EOF'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>8000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
EOF
clickhouse-server --config-file="$d/config.xml" >"$d/stdout" 2>&1 &
pid=$!
ch() { clickhouse-client --host 127.0.0.1 --port "$port" "$@"; }
for _ in $(seq 150); do ch -q 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
ch --multiquery <"$root/docs/clickhouse.sql" || exit 1

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf '%.3f'; }
capbytes=$(stat -c %s "$cap")
t0=$(now)
"$trawl" -r "$cap" --conversations --sessions --json 2>/dev/null >"$work/events.json"
t1=$(now)
events=$(wc -l <"$work/events.json")
jsonbytes=$(stat -c %s "$work/events.json")
ts=$(secs "$t0" "$t1")
echo "trawl --conversations --sessions --json: $events events, $capbytes capture bytes in $ts s (one core):" \
	"$(echo "$events / $ts" | bc) events/s, $(echo "$capbytes / $ts / 1000000" | bc) MB/s of capture;" \
	"$(echo "$jsonbytes / $events" | bc) bytes of JSON per event"
# the client parses the JSON into blocks (one core); the server's CPU time is
# read from /proc before and after
scpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
c0=$(scpu)
t0=$(now)
/usr/bin/time -f '%U %S' -o "$d/client.time" clickhouse-client --host 127.0.0.1 --port "$port" \
	--input_format_skip_unknown_fields=1 --input_format_import_nested_json=1 \
	-q 'INSERT INTO trawl.eve FORMAT JSONEachRow' <"$work/events.json" || exit 1
t1=$(now)
c1=$(scpu)
ti=$(secs "$t0" "$t1")
hz=$(getconf CLK_TCK)
echo "INSERT INTO trawl.eve (one clickhouse-client, one server, 2 cores): $ti s, $(echo "$events / $ti" | bc) events/s, $(echo "$jsonbytes / $ti / 1000000" | bc) MB/s of JSON;" \
	"CPU: client $(awk '{printf "%.2f", $1 + $2}' "$d/client.time") s, server $(echo "($c1 - $c0) / $hz" | bc -l | xargs printf '%.2f') s"
ch -q "OPTIMIZE TABLE trawl.flow FINAL"; ch -q "OPTIMIZE TABLE trawl.flow_host FINAL"
ch -q "OPTIMIZE TABLE trawl.session FINAL"; ch -q "OPTIMIZE TABLE trawl.file FINAL"
ch -q "SELECT table, sum(rows) AS n, sum(bytes_on_disk) AS disk_bytes, round(sum(bytes_on_disk) / sum(rows), 1) AS bytes_per_row,
              sum(data_uncompressed_bytes) AS uncompressed
       FROM system.parts WHERE database = 'trawl' AND active GROUP BY table ORDER BY table" --format PrettyCompactMonoBlock
ch -q "SELECT sum(bytes_on_disk) AS disk, round(sum(bytes_on_disk) / $events, 1) AS bytes_per_event,
              round(sum(bytes_on_disk) / $capbytes * 100, 2) AS pct_of_capture
       FROM system.parts WHERE database = 'trawl' AND active" --format PrettyCompactMonoBlock
# the same events again, split in two, by two clients at once (the client
# parses the JSON: one client is one core)
cpids=()
split -n l/2 "$work/events.json" "$work/events.part."
t0=$(now)
for f in "$work"/events.part.*; do
	ch --input_format_skip_unknown_fields=1 --input_format_import_nested_json=1 \
		-q 'INSERT INTO trawl.eve FORMAT JSONEachRow' <"$f" &
	cpids+=($!)
done
for p in "${cpids[@]}"; do wait "$p"; done
t1=$(now)
rm -f "$work"/events.part.*
tp=$(secs "$t0" "$t1")
echo "the same again, two clients at once: $tp s, $(echo "$events / $tp" | bc) events/s"
events=$((events * 2))
t0=$(now)
ch -q "SELECT host, sum(bytes_sent + bytes_rcvd) AS b FROM trawl.flow_host_all GROUP BY host ORDER BY b DESC LIMIT 10" >/dev/null
t1=$(now)
echo "top talkers over $(ch -q 'SELECT count() FROM trawl.flow_host') flow_host rows: $(secs "$t0" "$t1") s"
t0=$(now)
ch -q "SELECT peer, count() FROM trawl.flow_host_all WHERE host = (SELECT any(host) FROM trawl.flow_host) GROUP BY peer" >/dev/null
t1=$(now)
echo "one host's peers: $(secs "$t0" "$t1") s"
