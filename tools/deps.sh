#!/bin/sh
# Makes sure the build and test dependencies are present: installs them with
# apt-get on Debian/Ubuntu when run as root, otherwise names what to install.
#   libpcap-dev, libssl-dev      build
#   zlib1g-dev                   build (HTTP bodies in gzip/deflate)
#   libpcre2-dev, libhyperscan-dev  build (--rules: pcre, the multi-pattern prefilter)
#   clang, libclang-rt-14-dev    make sanitize / fuzz (make check runs both)
#   python3, jq, iproute2        test generators, JSON checks, live-capture tests
missing=""
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v jq >/dev/null 2>&1 || missing="$missing jq"
command -v ip >/dev/null 2>&1 || missing="$missing iproute2"
have_header() { printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1; }
have_header pcap/pcap.h || missing="$missing libpcap-dev"
have_header openssl/evp.h || missing="$missing libssl-dev"
have_header zlib.h || missing="$missing zlib1g-dev"
printf '#define PCRE2_CODE_UNIT_WIDTH 8\n#include <pcre2.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1 || missing="$missing libpcre2-dev"
have_header hs/hs.h || missing="$missing libhyperscan-dev"
if ! command -v clang >/dev/null 2>&1; then
	missing="$missing clang libclang-rt-14-dev"
else
	tmp=$(mktemp -d)
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' >"$tmp/f.c"
	clang -fsanitize=fuzzer,address,undefined -o "$tmp/f" "$tmp/f.c" >/dev/null 2>&1 ||
		missing="$missing libclang-rt-14-dev"
	rm -rf "$tmp"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -qq $missing >/dev/null 2>&1 ||
	{ apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $missing >/dev/null; } ||
	{ echo "deps: apt-get install$missing failed; install them and re-run make" >&2; exit 1; }
else
	echo "deps: missing build dependencies; install:$missing (e.g. sudo apt-get install$missing)" >&2
	exit 1
fi
