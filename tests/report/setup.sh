#!/bin/sh
# tests/report/setup.sh - what the report test needs besides trawl: Debian's
# chromium (installed with apt-get when missing and running as root) and
# playwright-core from npm in tests/report/node_modules (not committed), which
# drives /usr/bin/chromium.  Exit status 0 when both are there, 1 otherwise
# (with the reason on stderr).
here=$(cd "$(dirname "$0")" && pwd)
if ! [ -x /usr/bin/chromium ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "report setup: installing chromium (apt-get)" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -qq chromium >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; }
	fi
	[ -x /usr/bin/chromium ] || { echo "report setup: no /usr/bin/chromium (apt-get install chromium)" >&2; exit 1; }
fi
if ! [ -f "$here/node_modules/playwright-core/package.json" ]; then
	command -v npm >/dev/null 2>&1 || { echo "report setup: npm missing (apt-get install npm)" >&2; exit 1; }
	echo "report setup: installing playwright-core (npm)" >&2
	(cd "$here" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) ||
		{ echo "report setup: npm install playwright-core failed" >&2; exit 1; }
fi
exit 0
