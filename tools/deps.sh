#!/bin/sh
# Makes sure the build dependencies are present: installs them with apt-get
# on Debian/Ubuntu when run as root, otherwise names what to install.
missing=""
have_header() { printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1; }
have_header pcap/pcap.h || missing="$missing libpcap-dev"
have_header openssl/evp.h || missing="$missing libssl-dev"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1 ||
	{ apt-get update -qq >/dev/null 2>&1 &&
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; } ||
	{ echo "deps: apt-get install$missing failed; install them and re-run make" >&2; exit 1; }
else
	echo "deps: missing build dependencies; install:$missing (e.g. sudo apt-get install$missing)" >&2
	exit 1
fi
