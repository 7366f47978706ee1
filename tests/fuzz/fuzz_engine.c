/* fuzz_engine.c - libFuzzer harness for the rule engine at run time
 * (src/rules/engine.c) as the analyzer drives it: packets decoded, counted
 * in a small flow table (evictions happen), defragmented and reassembled by
 * the stream layer, parsed by the session layer, whose buffers go to the
 * rules with the packets and the stream bytes.
 *
 * The rules are compiled once (below: every place a rule can run, every
 * kind of element, flowbits, thresholds, pass); the input is packets:
 *   [sel][len_hi][len_lo][len bytes]...
 * sel bits 0-1 the link type (Ethernet, raw IP, Linux cooked, null), bits
 * 2-3 the time step (0, 1 µs, 1 s, 100 s: thresholds' windows end), bit 4
 * the alerts as EVE JSON instead of fast lines.  Alerts go to /dev/null. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/analyze/decode.h"
#include "../../src/analyze/internal.h"
#include "../../src/core/out.h"
#include "../../src/rules/rules.h"
#include "../../src/session/session.h"
#include "../../src/stream/stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rules_text[] =
	"alert tcp any any -> any any (msg:\"split\"; content:\"EVIL-SPLIT\"; sid:1;)\n"
	"alert tcp any any -> any any (msg:\"chain\"; flow:established,to_server; content:\"USER \"; "
	"nocase; content:\"|0a|\"; within:40; pcre:\"/^PASS\\s+\\S+/Rmi\"; sid:2;)\n"
	"alert tcp any any -> any any (msg:\"anchored\"; content:\"GET\"; depth:3; isdataat:5,relative; "
	"byte_test:1,>,32,0,relative; sid:3;)\n"
	"alert udp any any -> any any (msg:\"udp\"; content:\"|00 01|\"; offset:2; depth:4; "
	"byte_extract:1,0,len; byte_jump:1,0,relative; content:\"x\"; distance:len; sid:4;)\n"
	"alert icmp any any -> any any (msg:\"ping\"; itype:8; icode:0; dsize:>4; sid:5;)\n"
	"alert tcp any any -> any [20:30,!23] (msg:\"syn\"; flags:S,12; sid:6;)\n"
	"alert ip any any -> any any (msg:\"frag\"; fragbits:M+; sid:7;)\n"
	"alert tcp any any -> any any (msg:\"login\"; content:\"USER root\"; flowbits:set,root; "
	"flowbits:noalert; sid:8;)\n"
	"alert tcp any any -> any any (msg:\"retr\"; content:\"RETR\"; flowbits:isset,root; sid:9;)\n"
	"alert tcp any any <> any any (msg:\"limit\"; content:\"AAAA\"; threshold:type limit, "
	"track by_src, count 1, seconds 60; sid:10;)\n"
	"alert udp any any -> any any (msg:\"df\"; content:\"BBBB\"; detection_filter:track by_dst, "
	"count 2, seconds 10; sid:11;)\n"
	"alert udp any any -> any any (msg:\"thr\"; content:\"CCCC\"; threshold:type both, track "
	"by_dst, count 3, seconds 5; sid:12;)\n"
	"pass udp any any -> any 7 (msg:\"pass\"; content:\"CCCC\"; sid:13;)\n"
	"alert http any any -> any any (msg:\"http\"; http.method; content:\"GET\"; http.uri; "
	"content:\"/x\"; startswith; http.host; content:\"evil\"; nocase; endswith; sid:14;)\n"
	"alert http any any -> any any (msg:\"ua\"; http.user_agent; bsize:>3; pcre:\"/bot/i\"; "
	"http.header; content:\"Accept\"; sid:15;)\n"
	"alert http any any -> any any (msg:\"body\"; flow:to_client; http.stat_code; content:\"200\"; "
	"file.data; content:\"MZ\"; depth:2; sid:16;)\n"
	"alert dns any any -> any any (msg:\"dns\"; dns.query; content:\".example\"; endswith; sid:17;)\n"
	"alert tls any any -> any any (msg:\"tls\"; tls.sni; content:\"bank\"; sid:18;)\n"
	"alert ftp any any -> any any (msg:\"ftp\"; content:\"SITE EXEC\"; sid:19;)\n"
	"alert tcp [10.0.0.0/8,!10.1.0.0/16] any -> any any (msg:\"addr\"; content:\"ZZ\"; "
	"flow:no_stream; sid:20;)\n"
	"alert ip [192.0.2.1,192.0.2.2,198.51.100.7] any -> any any (msg:\"reputation\"; sid:21;)\n"
	"alert tcp any any -> any any (msg:\"neg\"; content:\"HEAD\"; content:!\"HTTP/1.1\"; "
	"distance:0; sid:22;)\n";

static struct rules *R;
static struct out out;

static int setup(void)
{
	char path[] = "/tmp/fuzz_engine.XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	if (write(fd, rules_text, sizeof rules_text - 1) != (ssize_t)(sizeof rules_text - 1)) {
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	char err[512];
	R = rules_new();
	int rc = R && rules_load(R, path, err, sizeof err) == 0 && rules_compile(R, 1, err, sizeof err) == 0;
	unlink(path);
	if (!rc) {
		fprintf(stderr, "fuzz_engine: %s\n", err);
		abort(); /* the harness's own rules must load */
	}
	out_init(&out, open("/dev/null", O_WRONLY));
	return 0;
}

static void **slot_of(void *ctx, const struct facts *f)
{
	return flows_slot(ctx, f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		if (setup() < 0)
			return 0;
		ready = 1;
	}
	if (size < 1)
		return 0;
	static const int dlts[4] = { 1, 101, 113, 0 };
	struct flowtab *ft = flows_new(64);
	struct stream_limits lim = { 1 << 14, 1 << 16, 1 << 14, 5 };
	struct streams *st = ft ? streams_new(&lim, slot_of, ft) : NULL;
	char err[256];
	struct sessions *ss = st ? sessions_new(NULL, 0, 0, NULL, err, sizeof err) : NULL;
	if (!ss) {
		streams_free(st);
		flows_free(ft);
		return 0;
	}
	flows_on_evict(ft, streams_evict, st);
	struct stream_consumer c;
	sessions_consumer(ss, &c);
	sessions_set_slot(ss, streams_add_consumer(st, &c));
	rules_output(R, &out, data[0] & 16, 0);
	rules_sessions(R, ss);
	sessions_set_inspect(ss, rules_inspect, R);
	rules_consumer(R, &c);
	rules_set_slot(R, streams_add_consumer(st, &c));

	struct facts *f = malloc(sizeof *f);
	uint64_t sec = 1000000000u;
	uint32_t usec = 0;
	size_t o = 0;
	for (unsigned n = 0; f && n < 2048 && o + 3 <= size; n++) {
		unsigned sel = data[o];
		size_t len = (size_t)data[o + 1] << 8 | data[o + 2];
		o += 3;
		if (len > size - o)
			len = size - o;
		switch ((sel >> 2) & 3) {
		case 0: break;
		case 1: usec = (usec + 1) % 1000000; break;
		case 2: sec += 1; break;
		default: sec += 100; break;
		}
		uint8_t *pkt = malloc(len ? len : 1); /* a private copy: kept pointers are caught */
		if (!pkt)
			break;
		memcpy(pkt, data + o, len);
		o += len;
		decode_packet_lite(f, dlts[sel & 3], pkt, (unsigned)len, (unsigned)len);
		f->sec = sec;
		f->frac = usec;
		void **slot = flows_add(ft, f);
		/* as analyze_packet gives them */
		if (f->is_frag)
			rules_packet(R, f, NULL, 0);
		if (!streams_packet(st, f, slot) && !f->is_frag)
			rules_packet(R, f, NULL, 0);
		free(pkt);
	}
	free(f);
	streams_finish(st);
	sessions_finish(ss, err, sizeof err);
	streams_free(st);
	flows_free(ft);
	sessions_free(ss);
	rules_sessions(R, NULL);
	out_flush(&out);
	return 0;
}
