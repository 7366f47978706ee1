/* unit.c - unit tests for the reader, the writer, timestamps, hex dumps,
 * address formatting and option parsing.  Prints one line per failure and
 * ends with "N passed, N failed". */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/analyze/community_id.h"
#include "../../src/analyze/json.h"
#include "../../src/core/gentab.h"
#include "../../src/core/hexdump.h"
#include "../../src/core/names.h"
#include "../../src/core/nd.h"
#include "../../src/core/out.h"
#include "../../src/core/ts.h"
#include "../../src/options.h"
#include "../../src/print/print.h"

static int passed, failed;

#define CHECK(cond) do { if (cond) passed++; else { failed++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

/* An out whose buffer we inspect instead of flushing. */
static struct out o;

static void reset(void) { o.len = 0; }
static int is(const char *want)
{
	int ok = o.len == strlen(want) && memcmp(o.buf, want, o.len) == 0;
	if (!ok)
		printf("  got [%.*s]\n  want [%s]\n", (int)o.len, o.buf, want);
	reset();
	return ok;
}

static void test_out(void)
{
	out_u(&o, 0); CHECK(is("0"));
	out_u(&o, 18446744073709551615ull); CHECK(is("18446744073709551615"));
	out_d(&o, -42); CHECK(is("-42"));
	out_uw(&o, 7, 5, ' '); CHECK(is("    7"));
	out_uw(&o, 123456, 3, '0'); CHECK(is("123456"));
	out_x(&o, 0x800, 4); CHECK(is("0800"));
	out_x(&o, 0xdeadbeef, 0); CHECK(is("deadbeef"));
	out_f(&o, "%s-%u", "a", 5u); CHECK(is("a-5"));
}

/* The writer's buffering: what reaches the file descriptor is every byte
 * appended, in order, across many flushes of the buffer; a failed write
 * is remembered (errno) and later appends do not crash. */
static void test_out_flush(void)
{
	char path[] = "/tmp/trawl-unit-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	unlink(path);
	struct out w;
	CHECK(out_init(&w, fd) == 0);
	size_t total = 0;
	static char big[OUT_BUFSZ + 1000];
	for (size_t i = 0; i < sizeof big; i++)
		big[i] = (char)('a' + i % 26);
	/* pieces of every size up to 3 x the buffer, through every path */
	for (unsigned round = 0; total < 3 * (size_t)OUT_BUFSZ; round++) {
		size_t n = (round * 7919u) % 9000u;
		if (round % 50 == 49)
			n = sizeof big;
		out_reserve(&w, 16);
		out_mem(&w, big, n);
		total += n;
		out_u(&w, round);
		total += (size_t)snprintf(NULL, 0, "%u", round);
	}
	out_flush(&w);
	CHECK(w.failed == 0);
	CHECK(lseek(fd, 0, SEEK_END) == (off_t)total);
	/* spot-check the content: re-create the expected stream and compare */
	lseek(fd, 0, SEEK_SET);
	char *got = malloc(total), *want = malloc(total);
	CHECK(got && want);
	if (got && want) {
		size_t k = 0;
		for (unsigned round = 0; k < total; round++) {
			size_t n = (round * 7919u) % 9000u;
			if (round % 50 == 49)
				n = sizeof big;
			memcpy(want + k, big, n);
			k += n;
			k += (size_t)sprintf(want + k, "%u", round);
		}
		size_t r = 0;
		while (r < total) {
			ssize_t g = read(fd, got + r, total - r);
			if (g <= 0)
				break;
			r += (size_t)g;
		}
		CHECK(r == total && memcmp(got, want, total) == 0);
	}
	free(got);
	free(want);
	close(fd);
	/* writing to a closed descriptor: the error is kept, nothing crashes */
	out_s(&w, "lost");
	out_flush(&w);
	CHECK(w.failed == EBADF);
	out_mem(&w, big, sizeof big);
	out_flush(&w);
	CHECK(w.failed == EBADF && w.len == 0);
	out_free(&w);
}

/* Reads back everything fd holds from the start; returns its length. */
static size_t slurp(int fd, char *dst, size_t cap)
{
	size_t r = 0;
	lseek(fd, 0, SEEK_SET);
	while (r < cap) {
		ssize_t g = read(fd, dst + r, cap - r);
		if (g <= 0)
			break;
		r += (size_t)g;
	}
	return r;
}

/* The writer's number formats at their edges, out_room/out_commit, and
 * out_f where it meets the end of the buffer (flush, then format again)
 * and where its text is larger than the whole buffer (formatted apart). */
static void test_out_edges(void)
{
	out_x(&o, 0, 0); CHECK(is("0"));
	out_x(&o, 0xabc, 6); CHECK(is("000abc"));
	out_x(&o, 0xffffffffffffffffull, 0); CHECK(is("ffffffffffffffff"));
	out_x(&o, 1, 40); CHECK(is("0000000000000000000000000000000000000001")); /* as printf's %040x */
	out_x(&o, 1, 99); CHECK(o.len == 64); reset(); /* 64 digits at most */
	out_d(&o, INT64_MIN); CHECK(is("-9223372036854775808"));
	out_d(&o, INT64_MAX); CHECK(is("9223372036854775807"));
	out_d(&o, 0); CHECK(is("0"));
	out_u(&o, 9); CHECK(is("9"));
	out_u(&o, 10); CHECK(is("10"));
	out_u(&o, 4294967295u); CHECK(is("4294967295"));
	out_u(&o, 4294967296ull); CHECK(is("4294967296"));
	out_uw(&o, 0, 3, '0'); CHECK(is("000"));
	out_uw(&o, 5, 0, ' '); CHECK(is("5"));
	out_uw(&o, 1, 30, '0'); CHECK(is("000000000000000000000000000001")); /* as %030u */
	out_uw(&o, 1, 99, ' '); CHECK(o.len == 64); reset(); /* 64 at most */
	char *r = out_room(&o, 3);
	memcpy(r, "xyz", 3);
	out_commit(&o, 3);
	out_c(&o, '!');
	CHECK(is("xyz!"));

	char path[] = "/tmp/trawl-unit-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	unlink(path);
	struct out w;
	CHECK(out_init(&w, fd) == 0);
	static char fill[OUT_BUFSZ];
	memset(fill, '.', sizeof fill);
	/* 3 bytes short of full: out_f's 10 bytes do not fit, so the buffer
	 * goes out first and the text is formatted again at its start */
	out_mem(&w, fill, OUT_BUFSZ - 3);
	CHECK(w.len == OUT_BUFSZ - 3);
	out_f(&w, "<%s>", "abcdefgh");
	CHECK(w.len == 10 && memcmp(w.buf, "<abcdefgh>", 10) == 0);
	/* exactly full, then one byte: out_c flushes first */
	out_mem(&w, fill, OUT_BUFSZ - 10);
	CHECK(w.len == OUT_BUFSZ);
	out_c(&w, '#');
	CHECK(w.len == 1);
	/* larger than the whole buffer */
	size_t bigl = OUT_BUFSZ + OUT_BUFSZ / 2;
	char *big = malloc(bigl + 1);
	CHECK(big != NULL);
	if (big) {
		for (size_t i = 0; i < bigl; i++)
			big[i] = (char)('A' + i % 23);
		big[bigl] = 0;
		out_f(&w, "[%s]", big);
	}
	out_flush(&w);
	CHECK(w.failed == 0 && w.len == 0);
	size_t want = (OUT_BUFSZ - 3) + 10 + (OUT_BUFSZ - 10) + 1 + (big ? bigl + 2 : 0);
	char *got = malloc(want + 16);
	CHECK(got != NULL);
	if (got && big) {
		size_t n = slurp(fd, got, want + 16);
		CHECK(n == want);
		size_t k = OUT_BUFSZ - 3;
		CHECK(n == want && memcmp(got + k, "<abcdefgh>", 10) == 0);
		k += 10 + (OUT_BUFSZ - 10);
		CHECK(n == want && got[k - 1] == '.' && got[k] == '#');
		k++;
		CHECK(n == want && got[k] == '[' && memcmp(got + k + 1, big, bigl) == 0 &&
		      got[k + 1 + bigl] == ']');
	}
	free(got);
	free(big);
	out_free(&w);
	close(fd);
}

static void test_ts(void)
{
	struct ts_state ts;
	setenv("TZ", "GMT0", 1);
	ts_init(&ts, 0, 0);
	ts_print(&ts, &o, 1120622255, 938066); CHECK(is("03:57:35.938066 "));
	ts_init(&ts, 1, 0);
	ts_print(&ts, &o, 1120622255, 938066); CHECK(is(""));
	ts_init(&ts, 2, 0);
	ts_print(&ts, &o, 1120622255, 938066); CHECK(is("1120622255.938066 "));
	ts_init(&ts, 4, 0);
	ts_print(&ts, &o, 1120622255, 938066); CHECK(is("2005-07-06 03:57:35.938066 "));
	ts_init(&ts, 4, 1);
	ts_print(&ts, &o, 0, 5); CHECK(is("1970-01-01 00:00:00.000000005 "));
	ts_init(&ts, 3, 0);
	ts_print(&ts, &o, 100, 999999); CHECK(is(" 00:00:00.000000 "));
	ts_print(&ts, &o, 101, 1); CHECK(is(" 00:00:00.000002 "));
	ts_print(&ts, &o, 3700, 1); CHECK(is(" 00:59:59.000000 "));
	ts_print(&ts, &o, 3699, 500000); CHECK(is("-00:00:00.500001 "));
	ts_init(&ts, 5, 0);
	ts_print(&ts, &o, 10, 0); CHECK(is(" 00:00:00.000000 "));
	ts_print(&ts, &o, 3671, 250); CHECK(is(" 01:01:01.000250 "));
	/* invalid fractions, as libpcap hands them over: all their digits,
	 * a negative one in its low 32 bits, one borrow at most (tcpdump) */
	ts_init(&ts, 0, 0);
	ts_print(&ts, &o, 1120622255, 1000000); CHECK(is("03:57:35.1000000 "));
	ts_print(&ts, &o, 1120622255, -2147483); CHECK(is("03:57:35.4292819813 "));
	ts_init(&ts, 3, 0);
	ts_print(&ts, &o, 3, 2147483647); CHECK(is(" 00:00:00.000000 "));
	ts_print(&ts, &o, 3, -2147483648); CHECK(is("-00:00:00.4294967295 "));
	ts_print(&ts, &o, 4, 5); CHECK(is(" 00:00:01.2147483653 "));
	ts_init(&ts, 5, 0);
	ts_print(&ts, &o, 1, 2147483); CHECK(is(" 00:00:00.000000 "));
	ts_print(&ts, &o, 2, -2147483); CHECK(is(" 00:00:00.4291672330 "));
	ts_init(&ts, 3, 1);
	ts_print(&ts, &o, 1, 2147483647); CHECK(is(" 00:00:00.000000000 "));
	ts_print(&ts, &o, 2, -2147483648); CHECK(is(" 00:00:00.1000000001 "));
	/* seconds outside 32-bit signed range are not converted, as tcpdump */
	ts_init(&ts, 0, 0);
	ts_print(&ts, &o, -369135528, 5); CHECK(is("[Error converting time] "));
	ts_init(&ts, 2, 0);
	ts_print(&ts, &o, 2147483647, 5); CHECK(is("2147483647.000005 "));
	ts_print(&ts, &o, -1, 5); CHECK(is("[Error converting time] "));
	ts_init(&ts, 3, 0);
	ts_print(&ts, &o, -369135528, 5); CHECK(is(" 00:00:00.000000 "));
	ts_print(&ts, &o, 2147483647, 5); CHECK(is(" [Error converting time] "));
	ts_print(&ts, &o, -2147483648, 5); CHECK(is("-[Error converting time] "));
	/* leap day and the far side of 2038 */
	int y; unsigned m, d;
	ts_civil(11016, &y, &m, &d); CHECK(y == 2000 && m == 2 && d == 29);
	ts_civil(25000, &y, &m, &d); CHECK(y == 2038 && m == 6 && d == 13);
	ts_civil(-1, &y, &m, &d); CHECK(y == 1969 && m == 12 && d == 31);
}

static void test_hex(void)
{
	const uint8_t p[] = { 0x45, 0x00, 0x00, 0x3c, 'G', 'E', 'T', ' ', '/',
			      0x0d, 0x0a, 0x7f, 0x20, 0x41, 0x42, 0x43, 0x44, 0x45 };
	hex_dump(&o, "\n\t", p, 3, 0);
	CHECK(is("\n\t0x0000:  4500 00"));
	hex_dump(&o, "\n\t", p, 18, 0);
	CHECK(is("\n\t0x0000:  4500 003c 4745 5420 2f0d 0a7f 2041 4243\n\t0x0010:  4445"));
	hex_ascii_dump(&o, "\n\t", p, 18, 0);
	CHECK(is("\n\t0x0000:  4500 003c 4745 5420 2f0d 0a7f 2041 4243  E..<GET./....ABC"
		 "\n\t0x0010:  4445                                     DE"));
	hex_ascii_dump(&o, "\n\t", p, 1, 0x20);
	CHECK(is("\n\t0x0020:  45                                       E"));
	const uint8_t t[] = { 'a', '\r', '\n', 'b', '\r', 'c', 0x01, '\t', 'd', '\r', 'e' };
	ascii_dump(&o, t, sizeof t);
	/* a CR before LF vanishes; a lone CR is a dot unless it is followed by
	 * exactly one last byte (tcpdump's rule) */
	CHECK(is("\na\nb.c.\tde"));
	ascii_dump(&o, t, 6);
	CHECK(is("\na\nbc"));
}

static void test_reader(void)
{
	static const uint8_t pkt[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	nd_t nd = { .pkt = pkt, .end = pkt + 6, .out = &o };
	CHECK(nd_has(&nd, pkt, 6));
	CHECK(!nd_has(&nd, pkt, 7));
	CHECK(!nd_has(&nd, pkt + 7, 0));
	CHECK(nd_avail(&nd, pkt + 4) == 2);
	CHECK(nd_avail(&nd, pkt + 8) == 0);
	volatile int unwound = 0;
	volatile uint32_t v = 0;
	if (setjmp(nd.trunc) == 0) {
		v = nd_be32(&nd, pkt);
		v += nd_be16(&nd, pkt + 4);
		(void)nd_be32(&nd, pkt + 4); /* 2 bytes short: unwinds */
		v = 0;
	} else {
		unwound = 1;
	}
	CHECK(unwound);
	CHECK(v == 0x01020304u + 0x0506);
	CHECK(nd_le32(&nd, pkt) == 0x04030201u);
	CHECK(nd_be24(&nd, pkt + 1) == 0x020304u);
	const uint8_t *old = nd_narrow(&nd, pkt, 3);
	CHECK(!nd_has(&nd, pkt, 4));
	nd_restore(&nd, old);
	CHECK(nd_has(&nd, pkt, 6));
	/* narrowing never widens */
	old = nd_narrow(&nd, pkt, 100);
	CHECK(nd.end == pkt + 6);
	(void)old;
}

/* Body for test_marked: 0 ends normally, 1 marks a truncation, 2 unwinds. */
static void marked_body(nd_t *nd, void *arg)
{
	int kind = *(const int *)arg;
	nd_s(nd, "x");
	if (kind == 1)
		nd_mark_trunc(nd);
	if (kind == 2)
		nd_trunc(nd);
	nd_s(nd, "y");
}

static void test_marked(void)
{
	nd_t nd = { .out = &o, .proto = "t" };
	volatile int outer = 0;
	if (setjmp(nd.trunc) == 0) {
		int kind = 0;
		nd_run_marked(&nd, marked_body, &kind);
		CHECK(is("xy"));
		kind = 1; /* the marker, then back here */
		nd_run_marked(&nd, marked_body, &kind);
		CHECK(is("x [|t]"));
		CHECK(!nd.marked);
		kind = 2; /* on to the outer trap, unmarked */
		nd_run_marked(&nd, marked_body, &kind);
		CHECK(0);
	} else {
		outer = 1;
	}
	CHECK(outer);
	CHECK(is("x"));
	/* the outer trap is back in place after a normal end */
	outer = 0;
	if (setjmp(nd.trunc) == 0) {
		int kind = 0;
		nd_run_marked(&nd, marked_body, &kind);
		nd_trunc(&nd);
	} else {
		outer = 1;
	}
	CHECK(outer);
	reset();
}

static void test_names(void)
{
	char buf[64];
	static const uint8_t a4[4] = { 10, 0, 255, 1 };
	CHECK(fmt_ip4(buf, a4) == 10 && strcmp(buf, "10.0.255.1") == 0);
	static const uint8_t a6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	fmt_ip6(buf, a6);
	CHECK(strcmp(buf, "2001:db8::1") == 0);
	static const uint8_t m[6] = { 0, 0x1b, 0x21, 0xab, 0xcd, 0xef };
	CHECK(fmt_mac(buf, m) == 17 && strcmp(buf, "00:1b:21:ab:cd:ef") == 0);
	static const uint8_t ck[] = { 0x45, 0x00, 0x00, 0x3c, 0x1b, 0x68, 0x40, 0x00, 0x40, 0x06,
				      0x21, 0x52, 0x7f, 0, 0, 1, 0x7f, 0, 0, 1 };
	CHECK(in_cksum(ck, sizeof ck, 0) == 0);
}

static int drops;
static void count_drop(void *v) { (void)v; drops++; }

static void test_gentab(void)
{
	struct gentab t;
	CHECK(gentab_init(&t, 4, sizeof(uint32_t), 100, count_drop) == 0);
	int fresh;
	/* insert 1000 keys; key 7 is used again after every insertion */
	uint32_t k7 = 7;
	uint32_t *v = gentab_put(&t, &k7, &fresh);
	CHECK(v && fresh);
	*v = 77;
	for (uint32_t k = 1000; k < 2000; k++) {
		v = gentab_put(&t, &k, &fresh);
		CHECK(v != NULL);
		*v = k * 2;
		uint32_t *w = gentab_get(&t, &k7);
		if (!w || *w != 77) {
			CHECK(!"recently used key kept with its value");
			break;
		}
	}
	/* bounded: never more than two generations of `limit` */
	CHECK(t.cur.n + t.old.n <= 200);
	CHECK(drops > 0 && (uint64_t)drops == t.dropped);
	/* the newest keys are there, the oldest are gone */
	uint32_t k = 1999, old = 1000;
	v = gentab_get(&t, &k);
	CHECK(v && *v == 3998);
	CHECK(gentab_get(&t, &old) == NULL);
	/* an entry found in the old generation survives the next turnover */
	uint32_t mid = 1950;
	CHECK(gentab_get(&t, &mid) != NULL);
	for (uint32_t n = 5000; n < 5150; n++)
		gentab_put(&t, &n, &fresh);
	v = gentab_get(&t, &mid);
	CHECK(v && *v == 3900);
	gentab_free(&t);
}

static int parse(struct options *opt, const char *line)
{
	char *argv[32], *copy = strdup(line), *save = NULL;
	int argc = 0;
	for (char *t = strtok_r(copy, " ", &save); t && argc < 31; t = strtok_r(NULL, " ", &save))
		argv[argc++] = t;
	argv[argc] = NULL;
	optind = 0; /* glibc: full re-initialisation */
	int saved = dup(2);
	freopen("/dev/null", "w", stderr);
	int rc = options_parse(opt, argc, argv);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	free(copy);
	return rc;
}

static void test_options(void)
{
	struct options opt;
	CHECK(parse(&opt, "trawl -nnvvXe -c10 -s0 -tttt -r f.pcap") == 0);
	CHECK(opt.nflag == 2 && opt.vflag == 2 && opt.Xflag == 1 && opt.eflag == 1);
	CHECK(opt.count == 10 && opt.snaplen == 0 && opt.snaplen_set && opt.tflag == 4);
	CHECK(opt.rfile && strcmp(opt.rfile, "f.pcap") == 0 && !opt.filter);
	options_free(&opt);
	CHECK(parse(&opt, "trawl -r f tcp and port 80 -n") == 0);
	CHECK(opt.filter && strcmp(opt.filter, "tcp and port 80") == 0 && opt.nflag == 1);
	options_free(&opt);
	CHECK(parse(&opt, "trawl --nano -# --number -S -q -A") == 0);
	CHECK(opt.nano && opt.number == 2 && opt.Sflag && opt.qflag && opt.Aflag);
	options_free(&opt);
	CHECK(parse(&opt, "trawl --time-stamp-precision=micro -w - -r -") == 0);
	CHECK(!opt.nano && strcmp(opt.wfile, "-") == 0 && strcmp(opt.rfile, "-") == 0);
	options_free(&opt);
	CHECK(parse(&opt, "trawl -c 0") == 1);
	CHECK(parse(&opt, "trawl -c abc") == 1);
	CHECK(parse(&opt, "trawl -s 262145") == 1);
	CHECK(parse(&opt, "trawl -s -1") == 1);
	CHECK(parse(&opt, "trawl --bogus") == 1);
	CHECK(parse(&opt, "trawl -r") == 1);
	CHECK(parse(&opt, "trawl --time-stamp-precision=pico") == 1);
	CHECK(parse(&opt, "trawl -tttttt") == 1);
	CHECK(parse(&opt, "trawl -r a -V b") == 1);
}

/* The Community ID spec's published baseline (seed 0): each flow both ways. */
static void test_community_id(void)
{
	static const struct {
		unsigned proto;
		const char *s, *d;
		int sp, dp; /* -1: no ports */
		const char *id;
	} v[] = {
		{ 6, "128.232.110.120", "66.35.250.204", 34855, 80, "1:LQU9qZlK+B5F3KDmev6m5PMibrg=" },
		{ 17, "192.168.1.52", "8.8.8.8", 54585, 53, "1:d/FP5EW3wiY1vCndhwleRRKHowQ=" },
		{ 6, "2001:470:e5bf:dead:4957:2174:e82c:4887", "2607:f8b0:400c:c03::1a", 63943, 25,
		  "1:/qFaeAR+gFe1KYjMzVDsMv+wgU4=" },
		{ 132, "192.168.170.8", "192.168.170.56", 7, 7, "1:MP2EtRCAUIZvTw6MxJHLV7N7JDs=" },
		{ 46, "10.1.12.1", "10.1.12.2", -1, -1, "1:KHlLkgoJW7ifUTyTSgyVfkFHzKw=" },
		{ 1, "192.168.0.89", "192.168.0.1", 8, 0, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=" },
		{ 1, "10.0.0.1", "10.0.0.2", 11, 0, "1:YHxtAirCG//0OzkcVAukqKQN9xM=" },
		{ 58, "fe80::200:86ff:fe05:80da", "fe80::260:97ff:fe07:69ea", 135, 136,
		  "1:dGHyGvjMfljg6Bppwm3bg0LO8TY=" },
		{ 58, "fe80::200:86ff:fe05:80da", "ff02::2", 133, 134, "1:hO+sN4H+MG5MY/8hIrXPqc4ZQz0=" },
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		uint8_t a[16], b[16];
		int fam = strchr(v[i].s, ':') ? AF_INET6 : AF_INET;
		unsigned alen = fam == AF_INET6 ? 16 : 4;
		CHECK(inet_pton(fam, v[i].s, a) == 1 && inet_pton(fam, v[i].d, b) == 1);
		int wp = v[i].sp >= 0;
		unsigned sp = wp ? (unsigned)v[i].sp : 0, dp = wp ? (unsigned)v[i].dp : 0;
		char id[COMMUNITY_ID_LEN + 1];
		CHECK(community_id_v1(id, 0, a, b, alen, v[i].proto, sp, dp, wp) == COMMUNITY_ID_LEN);
		CHECK(strcmp(id, v[i].id) == 0);
		CHECK(community_id_v1(id, 0, b, a, alen, v[i].proto, dp, sp, wp) == COMMUNITY_ID_LEN);
		CHECK(strcmp(id, v[i].id) == 0);
	}
}

/* ---- JSON (src/analyze/json.c) and the EVE ids --------------------------- */

/* json_str of n bytes must give exactly want. */
static int jstr(const void *p, size_t n, const char *want)
{
	reset();
	json_str(&o, p, n);
	return is(want);
}

static void test_json(void)
{
	/* quotes, backslashes, control bytes and DEL */
	CHECK(jstr("a\"b\\c", 5, "\"a\\\"b\\\\c\""));
	CHECK(jstr("\x00\x01\n\r\t\x1f\x7f", 7, "\"\\u0000\\u0001\\u000a\\u000d\\u0009\\u001f\\u007f\""));
	CHECK(jstr("", 0, "\"\""));
	CHECK(jstr(" ~/<>", 5, "\" ~/<>\""));
	/* well-formed UTF-8 kept: 2, 3 and 4 bytes, and the highest code point */
	CHECK(jstr("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9, "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\""));
	CHECK(jstr("\xf4\x8f\xbf\xbf", 4, "\"\xf4\x8f\xbf\xbf\""));
	CHECK(jstr("\xed\x9f\xbf", 3, "\"\xed\x9f\xbf\"")); /* U+D7FF, just below the surrogates */
	/* every byte that is not part of a well-formed sequence as \u00XX */
	CHECK(jstr("\xff\xfe", 2, "\"\\u00ff\\u00fe\""));
	CHECK(jstr("\x80", 1, "\"\\u0080\""));                        /* lone continuation */
	CHECK(jstr("\xc3", 1, "\"\\u00c3\""));                        /* cut at the end */
	CHECK(jstr("\xc3(", 2, "\"\\u00c3(\""));                      /* bad continuation */
	CHECK(jstr("\xc0\x80", 2, "\"\\u00c0\\u0080\""));             /* overlong NUL */
	CHECK(jstr("\xc1\xbf", 2, "\"\\u00c1\\u00bf\""));             /* overlong */
	CHECK(jstr("\xe0\x80\xaf", 3, "\"\\u00e0\\u0080\\u00af\""));  /* overlong 3 bytes */
	CHECK(jstr("\xed\xa0\x80", 3, "\"\\u00ed\\u00a0\\u0080\""));  /* a surrogate */
	CHECK(jstr("\xf0\x8f\xbf\xbf", 4, "\"\\u00f0\\u008f\\u00bf\\u00bf\"")); /* overlong 4 */
	CHECK(jstr("\xf4\x90\x80\x80", 4, "\"\\u00f4\\u0090\\u0080\\u0080\"")); /* above U+10FFFF */
	CHECK(jstr("\xf5\x80\x80\x80", 4, "\"\\u00f5\\u0080\\u0080\\u0080\""));
	CHECK(jstr("\xe2\x82", 2, "\"\\u00e2\\u0082\""));             /* 3-byte sequence cut */
	CHECK(jstr("a\xe2\x82\xacz\xff", 6, "\"a\xe2\x82\xacz\\u00ff\""));
	/* a long string: the unescaped run is written whole */
	{
		char big[3000];
		memset(big, 'x', sizeof big);
		big[1500] = '"';
		reset();
		json_str(&o, big, sizeof big);
		CHECK(o.len == sizeof big + 3 && o.buf[0] == '"' && o.buf[1501] == '\\' &&
		      o.buf[1502] == '"' && o.buf[o.len - 1] == '"');
		reset();
	}
	/* the other helpers */
	int first = 1;
	json_key(&o, &first, "a");
	out_u(&o, 1);
	json_key(&o, &first, "b");
	json_cstr(&o, "\x01");
	CHECK(is("\"a\":1,\"b\":\"\\u0001\""));
	uint8_t ip4[4] = { 192, 0, 2, 1 }, mac[6] = { 0, 0x50, 0x56, 0xab, 0xcd, 0xef };
	uint8_t ip6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	json_addr(&o, ip4, 4);
	json_addr(&o, ip6, 16);
	json_addr(&o, mac, 6);
	CHECK(is("\"192.0.2.1\"\"2001:db8::1\"\"00:50:56:ab:cd:ef\""));
	json_time(&o, 1002456500, 38000, 0);
	out_c(&o, ' ');
	json_time(&o, 1002456500, 38000, 1);
	CHECK(is("1002456500.038000 1002456500.000038000"));
	json_fixed3(&o, 2.0 / 3);
	out_c(&o, ' ');
	json_fixed3(&o, -1);
	CHECK(is("0.667 0.000"));
}

static void test_flow_id(void)
{
	uint8_t a[16] = { 10, 0, 0, 1 }, b[16] = { 10, 0, 0, 2 };
	uint8_t a6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 }, b6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };
	uint64_t x = flow_id_of(a, b, 4, 6, 40000, 80);
	/* the same both ways */
	CHECK(x == flow_id_of(b, a, 4, 6, 80, 40000));
	CHECK(flow_id_of(a6, b6, 16, 17, 53, 5353) == flow_id_of(b6, a6, 16, 17, 5353, 53));
	CHECK(flow_id_of(a, a, 4, 17, 1000, 2000) == flow_id_of(a, a, 4, 17, 2000, 1000));
	/* any other tuple differs: each field alone */
	CHECK(x != flow_id_of(a, b, 4, 17, 40000, 80));
	CHECK(x != flow_id_of(a, b, 4, 6, 40001, 80));
	CHECK(x != flow_id_of(a, b, 4, 6, 40000, 81));
	CHECK(x != flow_id_of(a, b, 4, 6, 80, 40000)); /* ports crossed over */
	CHECK(x != flow_id_of(a, b6, 4, 6, 40000, 80));
	CHECK(x != flow_id_of(a6, b6, 16, 6, 40000, 80));
	/* above 0, below 2^53 (JSON numbers stay exact), and distinct over many */
	static uint64_t seen[4096];
	int ok = 1, dup = 0;
	for (unsigned i = 0; i < 4096; i++) {
		uint8_t s[4] = { 10, (uint8_t)(i >> 8), (uint8_t)i, 1 };
		uint64_t v = flow_id_of(s, b, 4, 6, 1024 + i, 443);
		ok &= v > 0 && v < (1ull << 53) && v == flow_id_of(b, s, 4, 6, 443, 1024 + i);
		seen[i] = v;
	}
	for (unsigned i = 0; i < 4096; i++)
		for (unsigned j = i + 1; j < 4096; j++)
			dup += seen[i] == seen[j];
	CHECK(ok);
	CHECK(dup == 0);
	/* the high bits are used too (not only the low 32) */
	uint64_t bits = 0;
	for (unsigned i = 0; i < 64; i++)
		bits |= seen[i];
	CHECK(bits >> 45 != 0);
}

/* ICMP's Community ID: the spec's type mapping; one-way types unordered. */
static void test_community_id_icmp(void)
{
	uint8_t a[4] = { 192, 168, 0, 89 }, b[4] = { 192, 168, 0, 1 };
	char id[COMMUNITY_ID_LEN + 1], id2[COMMUNITY_ID_LEN + 1];
	/* echo request and its reply: the published value, both ways */
	CHECK(community_id_icmp(id, 0, a, b, 4, 1, 8, 0) == COMMUNITY_ID_LEN);
	CHECK(strcmp(id, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=") == 0);
	CHECK(community_id_icmp(id, 0, b, a, 4, 1, 0, 0) == COMMUNITY_ID_LEN);
	CHECK(strcmp(id, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=") == 0);
	/* ICMPv6 router advertisement to all nodes */
	uint8_t s6[16] = { 0xfe, 0x80, [8] = 0x02, 0x60, 0x97, 0xff, 0xfe, 0x07, 0x69, 0xea };
	uint8_t d6[16] = { 0xff, 0x02, [15] = 1 };
	CHECK(community_id_icmp(id, 0, s6, d6, 16, 58, 134, 0) == COMMUNITY_ID_LEN);
	CHECK(strcmp(id, "1:pkvHqCL88/tg1k4cPigmZXUtL00=") == 0);
	/* one-way (time exceeded): as it came, so the two directions differ, and
	 * the higher address first is kept first */
	CHECK(community_id_icmp(id, 0, a, b, 4, 1, 11, 0) == COMMUNITY_ID_LEN);
	CHECK(community_id_icmp(id2, 0, b, a, 4, 1, 11, 0) == COMMUNITY_ID_LEN);
	CHECK(strcmp(id, id2) != 0);
	CHECK(community_id_v1(id2, 0, a, b, 4, 1, 11, 0, 1) == COMMUNITY_ID_LEN);
	CHECK(strcmp(id, id2) != 0); /* v1 orders: b (192.168.0.1) first */
	unsigned sp, dp;
	CHECK(community_id_icmp_ports(1, 13, 0, &sp, &dp) == 0 && sp == 13 && dp == 14);
	CHECK(community_id_icmp_ports(1, 3, 3, &sp, &dp) == 1 && sp == 3 && dp == 3);
	CHECK(community_id_icmp_ports(58, 136, 0, &sp, &dp) == 0 && dp == 135);
	CHECK(community_id_icmp_ports(58, 1, 4, &sp, &dp) == 1 && dp == 4);
	CHECK(community_id_icmp_ports(58, 8, 0, &sp, &dp) == 1); /* 8 is not echo in v6 */
	/* no address of the right length: no ID */
	CHECK(community_id_icmp(id, 0, a, b, 6, 1, 8, 0) == 0 && id[0] == 0);
}
/* ---- end of the JSON tests ----------------------------------------------- */

/* ---- dispatch (src/print/dispatch.c): which printer a packet goes to ---- */

/* tcpdump's precedence: when both ports match a row, the earlier row in
 * its chain of tests wins, whichever of the two ports it is; ranges match
 * every port inside them; a printer whose own test fails hands the packet
 * to the next row matching either port, never an earlier one. */
static void test_dispatch(void)
{
	dispatch_init();
	/* link types, ethertypes, IP protocols */
	CHECK(dispatch_link(1) == ether_if_print);
	CHECK(dispatch_link(12) == raw_if_print && dispatch_link(228) == raw_if_print);
	CHECK(dispatch_link(113) == sll_if_print && dispatch_link(276) == sll2_if_print);
	CHECK(dispatch_link(4242) == NULL);
	CHECK(dispatch_ether(0x0800) == ip_print && dispatch_ether(0x86dd) == ip6_print);
	CHECK(dispatch_ether(0x0806) == arp_print && dispatch_ether(0x8035) == arp_print);
	CHECK(dispatch_ether(0x1234) == NULL);
	CHECK(dispatch_ipproto(6) == tcp_print && dispatch_ipproto(17) == udp_print);
	CHECK(dispatch_ipproto(1) == icmp_print);
	CHECK(dispatch_ipproto(0) == NULL && dispatch_ipproto(255) == NULL && dispatch_ipproto(256) == NULL);
	/* UDP: one port known, either side */
	CHECK(dispatch_udp(53, 40000) == dns_print && dispatch_udp(40000, 53) == dns_print);
	CHECK(dispatch_udp(40000, 40001) == NULL && dispatch_udp(0, 0) == NULL);
	/* ranges, at both ends and inside */
	CHECK(dispatch_udp(67, 9) == bootp_print && dispatch_udp(9, 68) == bootp_print);
	CHECK(dispatch_udp(7000, 1) == rx_print && dispatch_udp(1, 7009) == rx_print &&
	      dispatch_udp(7004, 1) == rx_print && dispatch_udp(7010, 1) == NULL);
	CHECK(dispatch_udp(161, 1) == snmp_print && dispatch_udp(1, 162) == snmp_print);
	/* both ports known: the earlier row wins, in either order */
	CHECK(dispatch_udp(53, 123) == dns_print && dispatch_udp(123, 53) == dns_print);
	CHECK(dispatch_udp(67, 161) == bootp_print && dispatch_udp(161, 67) == bootp_print);
	CHECK(dispatch_udp(5060, 514) == sip_print && dispatch_udp(514, 5060) == sip_print);
	CHECK(dispatch_udp(4789, 6081) == vxlan_print && dispatch_udp(6081, 4789) == vxlan_print);
	CHECK(dispatch_udp(2049, 53) == nfs_udp_print && dispatch_udp(53, 2049) == nfs_udp_print);
	CHECK(dispatch_udp(500, 4500) == isakmp_print && dispatch_udp(4500, 4501) == isakmp_rfc3948_print);
	CHECK(dispatch_udp(1812, 1985) == radius_print && dispatch_udp(1985, 1812) == radius_print);
	CHECK(dispatch_udp(4567, 9) == wb_print && dispatch_udp(49152, 9) == bcm_li_print);
	/* hand-offs go to the next matching row only */
	CHECK(dispatch_udp_next(nfs_udp_print, 2049, 53) == dns_print);
	CHECK(dispatch_udp_next(nfs_udp_print, 2049, 40000) == NULL);
	CHECK(dispatch_udp_next(wb_print, 4567, 1812) == radius_print);
	CHECK(dispatch_udp_next(wb_print, 53, 4567) == NULL); /* dns is earlier */
	CHECK(dispatch_udp_next(bcm_li_print, 49152, 53) == NULL);
	CHECK(dispatch_udp_next(dns_print, 53, 123) == ntp_print);
	/* TCP: tcpdump's own order, which is not the port numbers' */
	CHECK(dispatch_tcp(80, 40000) == http_print && dispatch_tcp(40000, 8080) == http_print);
	CHECK(dispatch_tcp(80, 23) == telnet_print && dispatch_tcp(23, 80) == telnet_print);
	CHECK(dispatch_tcp(179, 22) == ssh_print && dispatch_tcp(22, 179) == ssh_print);
	CHECK(dispatch_tcp(6379, 22) == resp_print && dispatch_tcp(22, 1723) == pptp_print);
	CHECK(dispatch_tcp(53, 80) == http_print && dispatch_tcp(2049, 53) == dns_tcp_print);
	CHECK(dispatch_tcp(21, 80) == ftp_print && dispatch_tcp(554, 8554) == rtsp_print);
	CHECK(dispatch_tcp(2049, 40000) == nfs_tcp_print && dispatch_tcp(443, 40000) == NULL);
	CHECK(dispatch_tcp_next(http_print, 80, 53) == dns_tcp_print);
	CHECK(dispatch_tcp_next(telnet_print, 23, 40000) == NULL);
	/* -T names */
	CHECK(dispatch_type("domain") == dns_print && dispatch_type("rtp") == rtp_print);
	CHECK(dispatch_type("rpc") == NULL && dispatch_type_known("rpc") == 1);
	CHECK(dispatch_type("nosuch") == NULL && dispatch_type_known("nosuch") == 0);
}

int main(void)
{
	if (out_init(&o, -1) < 0)
		return 1;
	test_out();
	test_out_flush();
	test_out_edges();
	test_ts();
	test_hex();
	test_reader();
	test_marked();
	test_names();
	test_gentab();
	test_options();
	test_community_id();
	test_json();
	test_flow_id();
	test_community_id_icmp();
	test_dispatch();
	out_free(&o);
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
