#!/bin/sh
# Makes Debian's clickhouse-server and clickhouse-client present for
# tests/clickhouse/run.sh: installs them with apt-get when they are missing
# and this runs as root.  Exit 0 when both are there; otherwise prints why
# not on stdout (one line) and exits 1.
if command -v clickhouse-server >/dev/null 2>&1 && command -v clickhouse-client >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "clickhouse-server/clickhouse-client not installed, and not root to install them (apt-get install clickhouse-server clickhouse-client)"
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "clickhouse-server/clickhouse-client not installed, and no apt-get to install them"
	exit 1
fi
log=${TMPDIR:-/tmp}/trawl-clickhouse-apt.$$
# the package's own service must not start (policy-rc.d or not): we run our own servers
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clickhouse-server clickhouse-client >"$log" 2>&1; then
	DEBIAN_FRONTEND=noninteractive apt-get update >>"$log" 2>&1
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clickhouse-server clickhouse-client >>"$log" 2>&1; then
		echo "apt-get install clickhouse-server clickhouse-client failed: $(tail -1 "$log")"
		rm -f "$log"
		exit 1
	fi
fi
rm -f "$log"
if command -v clickhouse-server >/dev/null 2>&1 && command -v clickhouse-client >/dev/null 2>&1; then
	exit 0
fi
echo "clickhouse-server/clickhouse-client still missing after apt-get install"
exit 1
