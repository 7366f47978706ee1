#!/usr/bin/env bash
# --sessions on the DNS and TLS captures of tests/gen/gen_dnstls.py, text
# and EVE JSON checked against what the generator planted; the same under
# ASan+UBSan (same output, no report); then --sessions --json over every
# conformance capture (each line valid JSON), and the dns events of the
# captures that hold DNS compared with what tcpdump -n prints for the same
# packets (trawl -n prints it byte for byte; tcpdump itself when present).
#   dnstls.sh [BINARY [SANITIZER_BINARY]]
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}/dnstls
corpus="${CONFORMANCE_DIR:-$root/../shared/conformance/tcpdump-4.99.3}"
mkdir -p "$dir"
export TZ=GMT0
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL dnstls $*"; }
has() { grep -qF -- "$2" "$1" && ok || bad "no line with '$2' in $(basename "$1")"; }
# jqt FILE FILTER WHAT: FILTER (over all events, slurped) must be true
jqt() { jq -e -s "$2" "$1" >/dev/null 2>&1 && ok || bad "$(basename "$1"): $3"; }

command -v jq >/dev/null || { echo "dnstls: jq is needed (apt-get install jq)"; exit 1; }
python3 "$root/tests/gen/gen_dnstls.py" "$dir" || { echo "dnstls: generator failed"; exit 1; }

for c in dns dnstcp dnsbad tls; do
	"$bin" -r "$dir/dnstls-$c.pcap" --sessions >"$dir/$c.txt" 2>"$dir/$c.err" || bad "$c: --sessions exited $?"
	"$bin" -r "$dir/dnstls-$c.pcap" --sessions --json >"$dir/$c.json" 2>>"$dir/$c.err" ||
		bad "$c: --sessions --json exited $?"
	jq -e . "$dir/$c.json" >/dev/null 2>&1 && ok || bad "$c.json: not valid JSON"
done

# ---- DNS over UDP
t=$dir/dns.txt j=$dir/dns.json
has "$t" '16:00:00.000000 dns 10.1.1.10.40001 > 10.1.1.53.53: query 4097 A www.example.com'
has "$t" 'dns 10.1.1.10.40001 > 10.1.1.53.53: answer 4097 NOERROR A www.example.com: 93.184.216.34, 93.184.216.35'
has "$t" 'dns 2001:db8:1::10.40002 > 2001:db8:1::53.53: answer 4098 NOERROR AAAA ipv6.example.com: 2001:db8::1'
has "$t" 'answer 4099 NOERROR A www.chain.example: CNAME a.chain.example, CNAME b.cdn.example, 192.0.2.7'
has "$t" 'answer 4100 NOERROR MX example.org: 10 mail.example.org, 20 mx2.example.org'
has "$t" 'answer 4101 NOERROR TXT txt.example.org: "v=spf1 -all" "say \"hi\"\007\195\169 x"'
has "$t" 'answer 4102 NXDOMAIN A nx.example.com; authority SOA ns1.example.com'
has "$t" 'answer 4103 NOERROR SRV _sip._tcp.example.com: 10 60 5060 sip.example.com'
has "$t" 'answer 4104 NOERROR PTR 34.216.184.93.in-addr.arpa: www.example.com'
has "$t" 'dns 10.1.1.10.40009 > 10.1.1.53.5300: query 4105 A alt.example.net'
has "$t" 'dns 10.1.1.10.40009 > 10.1.1.53.5300: answer 4105 NOERROR A alt.example.net: 198.51.100.9'
n=$(grep -c . "$t")
[ "$n" = 18 ] && ok || bad "dns: $n events, want 18 (9 queries and their answers; NTP, syslog, noise none)"
jqt "$j" 'length == 18 and all(.[]; .event_type == "dns" and .app_proto == "dns" and .proto == "UDP"
	and .dns.version == 2)' "18 dns events over UDP"
jqt "$j" '[.[] | select(.src_port >= 40010 and .src_port <= 40012)] | length == 0' "NTP or syslog taken for DNS"
jqt "$j" '[.[] | select(.dns.id == 4097 and .dns.type == "query")] | length == 1 and
	(.[0] | .src_ip == "10.1.1.10" and .dest_ip == "10.1.1.53" and .dest_port == 53 and
	 .dns.rrname == "www.example.com" and .dns.rrtype == "A" and .dns.flags == "0100" and
	 .dns.rd == true and .dns.qr == false and .dns.opcode == 0 and (.dns | has("answers") | not))' \
	"the query for www.example.com"
jqt "$j" '[.[] | select(.dns.id == 4097 and .dns.type == "answer")] | length == 1 and
	(.[0] | .src_ip == "10.1.1.10" and .src_port == 40001 and .dns.flags == "8180" and .dns.qr and .dns.rd and
	 .dns.ra and (.dns.aa | not) and .dns.rcode == "NOERROR" and
	 .dns.answers == [{"rrname":"www.example.com","rrtype":"A","ttl":300,"rdata":"93.184.216.34"},
	                  {"rrname":"www.example.com","rrtype":"A","ttl":60,"rdata":"93.184.216.35"}])' \
	"the answer for www.example.com (src is the client)"
jqt "$j" '.[] | select(.dns.id == 4098 and .dns.type == "answer") | .src_ip == "2001:db8:1::10" and
	.dns.answers[0].rdata == "2001:db8::1" and .dns.answers[0].rrtype == "AAAA"' "AAAA over IPv6"
jqt "$j" '.[] | select(.dns.id == 4099 and .dns.type == "answer") | [.dns.answers[] | [.rrname, .rrtype, .rdata]] ==
	[["www.chain.example","CNAME","a.chain.example"], ["a.chain.example","CNAME","b.cdn.example"],
	 ["b.cdn.example","A","192.0.2.7"]]' "the CNAME chain (compressed names)"
jqt "$j" '.[] | select(.dns.id == 4100 and .dns.type == "answer") | [.dns.answers[].rdata] ==
	["10 mail.example.org", "20 mx2.example.org"]' "MX preference and exchange"
jqt "$j" '.[] | select(.dns.id == 4101 and .dns.type == "answer") | .dns.answers[0].rdata ==
	"\"v=spf1 -all\" \"say \\\"hi\\\"\\007\\195\\169 x\""' "TXT strings, escaped"
jqt "$j" '.[] | select(.dns.id == 4102 and .dns.type == "answer") | .dns.rcode == "NXDOMAIN" and
	(.dns | has("answers") | not) and .dns.authorities == [{"rrname":"example.com","rrtype":"SOA","ttl":900,
	"rdata":"ns1.example.com","soa":{"mname":"ns1.example.com","rname":"hostmaster.example.com",
	"serial":2024010101,"refresh":7200,"retry":3600,"expire":1209600,"minimum":300}}]' "NXDOMAIN and the SOA"
jqt "$j" '.[] | select(.dns.id == 4103 and .dns.type == "answer") | .dns.aa and
	.dns.answers[0].rdata == "10 60 5060 sip.example.com"' "SRV"
jqt "$j" '[.[] | select(.dest_port == 5300)] | length == 2' "DNS on port 5300"

# ---- DNS over TCP
t=$dir/dnstcp.txt j=$dir/dnstcp.json
has "$t" 'dns 10.1.1.10.40020 > 10.1.1.53.53: query 8193 A tcp.example.com'
has "$t" 'dns 10.1.1.10.40020 > 10.1.1.53.53: answer 8193 NOERROR A tcp.example.com: 203.0.113.1'
has "$t" 'dns 10.1.1.10.40020 > 10.1.1.53.53: answer 8195 NOERROR AAAA three.example.com: ::3'
has "$t" 'dns 10.1.1.10.40021 > 10.1.1.53.8053: answer 8196 NOERROR A tcp-alt.example.net: 203.0.113.4'
jqt "$j" 'length == 8 and all(.[]; .proto == "TCP" and .src_ip == "10.1.1.10")' "8 events over TCP"
jqt "$j" '[.[] | select(.src_port == 40020) | [.dns.type, .dns.id]] == [["query",8193],["answer",8193],
	["query",8194],["query",8195],["answer",8194],["answer",8195]]' \
	"split message, two in a segment, one byte by byte: in order"
jqt "$j" '[.[] | select(.dns.malformed)] | length == 0' "a well-formed TCP message told malformed"

# ---- hostile DNS
t=$dir/dnsbad.txt j=$dir/dnsbad.json
has "$t" 'answer 12289 NOERROR A loop.example.com [malformed]'
has "$t" 'answer 12290 NOERROR A cut.example.com: 1.2.3.5 [malformed]'
has "$t" 'query 12291 A caf\233.\001bad.a\.b.example'
jqt "$j" '.[] | select(.dns.id == 12289 and .dns.type == "answer") | .dns.malformed and
	(.dns | has("answers") | not)' "the pointer loop"
jqt "$j" '.[] | select(.dns.id == 12290 and .dns.type == "answer") | .dns.malformed and
	[.dns.answers[].rdata] == ["1.2.3.5"]' "the message cut short"
jqt "$j" '.[] | select(.dns.id == 12291) | .dns.rrname == "caf\\233.\\001bad.a\\.b.example"' \
	"label bytes escaped as \\DDD, a dot in a label as \\."
jqt "$j" '.[] | select(.dns.id == 12292 and .dns.type == "answer") | .dns.malformed and
	(.dns | has("answers") | not)' "a name over 255 bytes"
jqt "$j" '.[] | select(.dns.id == 12293) | .proto == "TCP" and .dns.malformed and
	.dns.rrname == "unfinished.example.com"' "a TCP message the connection ends inside"
jqt "$j" '.[] | select(.dns.id == 12294 and .dns.type == "answer") | .dns.malformed and
	(.dns.answers | length) == 64 and .dns.rr_dropped == 6' "65535 answers announced: 64 told, the rest counted"

# ---- TLS
t=$dir/tls.txt j=$dir/tls.json
subj='C=CH, L=Zürich, O=Example Corp, CN=www.example.com'
has "$t" 'tls 10.2.2.20.41001 > 10.2.2.44.443: UNDETERMINED sni split.example.com'
has "$t" 'tls 10.2.2.20.41002 > 10.2.2.44.443: TLS 1.2 sni www.example.com subject "C=CH, L=Z..rich, O=Example Corp, CN=www.example.com"'
has "$t" 'tls 10.2.2.20.41003 > 10.2.2.44.443: TLS 1.3 sni tls13.example.com'
has "$t" 'tls 10.2.2.20.41004 > 10.2.2.44.8443: TLS 1.2 sni port8443.example.com resumed'
has "$t" 'tls 10.2.2.20.41005 > 10.2.2.44.31337: TLS 1.2 sni odd.example.net [certificate not parsable]'
has "$t" 'tls 10.2.2.20.41006 > 10.2.2.44.443: UNDETERMINED sni garbage.example.com [malformed]'
has "$t" 'tls 10.2.2.20.41007 > 10.2.2.44.443: TLS 1.2 sni bytes.example.com subject "C=CH, L=Z..rich'
has "$t" 'tls 10.2.2.20.41008 > 10.2.2.44.443: TLS 1.2 sni gap.example.com [gap]'
has "$t" 'tls 10.2.2.20.41010 > 10.2.2.44.443: TLS 1.0'
jqt "$j" 'length == 10 and all(.[]; .event_type == "tls" and .app_proto == "tls" and .proto == "TCP" and
	.src_ip == "10.2.2.20") and ([.[].src_port] | unique | length) == 10' "one tls event per connection"
jq -e -s --arg s "$subj" '.[] | select(.src_port == 41002) | .tls == {"version":"TLS 1.2","sni":"www.example.com",
	"subject":$s,"issuerdn":"C=US, O=Trawl Test CA, CN=Trawl Test Root","serial":"0A:1B:2C:3D:4E:5F:60:71:82:93",
	"fingerprint":"9f:6c:02:f9:fd:e8:14:cc:9b:fd:bd:bc:e7:b6:67:3c:15:46:f0:33",
	"notbefore":"2026-12-03T13:21:37","notafter":"2036-11-30T13:21:37","client_versions":["TLS 1.2"],
	"cipher_suite":49199}' "$j" >/dev/null && ok || bad "tls.json: the TLS 1.2 handshake's certificate"
jq -e -s --arg s "$subj" '.[] | select(.src_port == 41002) | .tls.subject == $s' "$j" >/dev/null && ok ||
	bad "tls.json: the subject (UTF-8)"
jqt "$j" '.[] | select(.src_port == 41003) | .tls.version == "TLS 1.3" and .tls.sni == "tls13.example.com" and
	.tls.client_versions == ["TLS 1.3","TLS 1.2"] and .tls.cipher_suite == 4865 and (.tls | has("subject") | not)' \
	"TLS 1.3 by supported_versions (GREASE left out)"
jqt "$j" '.[] | select(.dest_port == 8443) | .tls.session_resumed == true and (.tls | has("subject") | not)' \
	"the resumed session on 8443"
jqt "$j" '.[] | select(.dest_port == 31337) | .tls.cert_invalid == true and (.tls | has("subject") | not) and
	(.tls.fingerprint | test("^[0-9a-f]{2}(:[0-9a-f]{2}){19}$"))' "the certificate that is not DER"
jqt "$j" '.[] | select(.src_port == 41006) | .tls.malformed == true and .tls.sni == "garbage.example.com" and
	.tls.version == "UNDETERMINED"' "garbage after the hello"
jqt "$j" '.[] | select(.src_port == 41007) | .tls.fingerprint == "9f:6c:02:f9:fd:e8:14:cc:9b:fd:bd:bc:e7:b6:67:3c:15:46:f0:33"
	and .tls.cipher_suite == 49200' "a handshake one byte a segment"
jqt "$j" '.[] | select(.src_port == 41008) | .tls.gap == true and .tls.version == "TLS 1.2" and
	(.tls | has("subject") | not)' "a gap in the certificate"
jqt "$j" '.[] | select(.src_port == 41009) | .tls.truncated == true and .tls.malformed == true and
	.tls.sni == "bogus.example.com"' "bogus extension and handshake lengths"
jqt "$j" '.[] | select(.src_port == 41010) | .tls.sslv2_hello == true and .tls.version == "TLS 1.0" and
	.tls.client_versions == ["TLS 1.0"]' "the SSLv2-style ClientHello"

# ---- the same under ASan+UBSan
if [ -x "$san" ]; then
	for c in dns dnstcp dnsbad tls; do
		for mode in "" --json; do
			"$san" -r "$dir/dnstls-$c.pcap" --sessions $mode >"$dir/san.out" 2>"$dir/san.err"
			rc=$?
			ref=$dir/$c.txt
			[ -n "$mode" ] && ref=$dir/$c.json
			if grep -q "Sanitizer\|runtime error" "$dir/san.err" || [ $rc != 0 ]; then
				bad "$c $mode under ASan+UBSan: exit $rc: $(grep -m1 -E 'ERROR|runtime error' "$dir/san.err")"
			elif ! cmp -s "$dir/san.out" "$ref"; then
				bad "$c $mode: the sanitizer build writes something else"
			else
				ok
			fi
		done
	done
else
	bad "no sanitizer build at $san"
fi

# ---- the conformance corpus
if [ -d "$corpus" ]; then
	n=0
	: >"$dir/corpus-dns.list"
	for f in "$corpus"/*.pcap "$corpus"/*.pcapng; do
		[ -e "$f" ] || continue
		n=$((n + 1))
		b=$(basename "$f")
		timeout 60 "$bin" -r "$f" --sessions --json >"$dir/c.json" 2>/dev/null
		rc=$?
		if [ $rc -gt 1 ]; then
			bad "$b: --sessions --json exited $rc"
		elif [ -s "$dir/c.json" ] && ! jq -e . "$dir/c.json" >/dev/null 2>&1; then
			bad "$b: invalid JSON"
		else
			ok
		fi
		grep -q '"event_type":"dns"' "$dir/c.json" && echo "$f" >>"$dir/corpus-dns.list"
	done
	echo "dnstls: --sessions --json over $n corpus captures, $(grep -c . "$dir/corpus-dns.list") with dns events"
	# dns events against the per-packet lines (tcpdump's format): the
	# question of a query, the rcode and the addresses of an answer
	# against tcpdump; without it against trawl's own printer (which cannot
	# disagree with tcpdump's format where trawl's printer is wrong): a
	# failure under CI=true or STRICT=1
	ref=$bin
	if command -v tcpdump >/dev/null; then ref=tcpdump
	elif strict; then bad "no tcpdump to compare the dns events with (CI=true or STRICT=1)"
	else echo "dnstls: no tcpdump: the dns events compared with trawl's own printer"; fi
	python3 - "$bin" "$ref" "$dir/corpus-dns.list" <<'EOF' && ok || bad "dns events disagree with $ref -n (above)"
import re, subprocess, sys
binary, ref, lst = sys.argv[1:4]
RC = {'NXDOMAIN': 'NXDomain', 'SERVFAIL': 'ServFail', 'REFUSED': 'Refused', 'FORMERR': 'FormErr',
      'NOTIMP': 'NotImp'}
env = {'TZ': 'GMT0', 'PATH': '/usr/bin:/bin'}
compared = skipped = errs = 0
for f in open(lst).read().split():
    pk = subprocess.run([ref, '-n', '-r', f], capture_output=True, env=env).stdout.decode('latin-1')
    ev = subprocess.run([binary, '-r', f, '--sessions'], capture_output=True, env=env).stdout.decode('latin-1')
    bytime = {}
    for l in pk.splitlines():
        bytime.setdefault(l.split(' ', 1)[0], []).append(l)
    for e in ev.splitlines():
        m = re.match(r'(\S+) dns \S+ > \S+: (.*)$', e)
        if not m:
            continue
        ts, rest = m.groups()
        w = rest.split(' ')
        kind, ident = w[0], w[1]
        lines = [l for l in bytime.get(ts, []) if re.search(r'(: |length \d+ )%s[^0-9 /]* ' % ident, l)]
        if not lines:
            skipped += 1  # not one packet, or not DNS to tcpdump (NetBIOS)
            continue
        l, bad_ = lines[0], False
        if kind == 'query' and len(w) >= 4:
            qtype, qname = w[2], w[3]
            if re.fullmatch(r'[A-Za-z0-9._-]+', qname) and not qtype.startswith('TYPE'):
                bad_ = '%s? %s.' % (qtype, qname if qname != '.' else '') not in l
        elif kind == 'answer':
            rcode = w[2]
            for k, v in RC.items():
                if (k == rcode) != (v in l):
                    bad_ = True
            part = rest.split(': ', 1)[1].split('; authority')[0] if ': ' in rest else ''
            for a in re.findall(r'(?:^|, )((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]*:[0-9a-f:]+)(?=,|$| \[)', part):
                if not re.search(r' (A|AAAA) %s(,| |$)' % re.escape(a), l):
                    bad_ = True
        compared += 1
        if bad_:
            errs += 1
            print('disagree (%s):\n  %s\n  %s' % (f.rsplit('/', 1)[-1], e, l))
print('dnstls: %d dns events compared with %s -n, %d not one DNS packet there' % (compared, ref, skipped))
sys.exit(1 if errs or compared < 40 else 0)
EOF
elif strict; then
	bad "the conformance corpus is missing at $corpus (CI=true or STRICT=1)"
else
	echo "dnstls: SKIPPED the corpus sweep: $corpus is missing"
fi
echo "dnstls: $pass passed, $fail failed"
[ "$fail" = 0 ]
