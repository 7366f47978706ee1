/* rules_match_test.c - the rule matcher (src/rules/match.c) on hand-built
 * detection lists and header tests. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/rules/internal.h"

static int ntests, nfailed;
static struct rm_scratch *S;

#define CHECK(expr, want)                                                               \
	do {                                                                            \
		int got_ = (expr);                                                      \
		ntests++;                                                               \
		if (got_ != (want)) {                                                   \
			nfailed++;                                                      \
			fprintf(stderr, "%s:%d: %s: got %d, want %d\n", __FILE__, __LINE__, \
			        #expr, got_, (want));                                   \
		}                                                                       \
	} while (0)

/* ---- builders ---------------------------------------------------------------- */

static struct rm mk(int kind)
{
	struct rm m;
	memset(&m, 0, sizeof m);
	m.kind = (uint8_t)kind;
	m.buf = RB_PKT;
	m.offset.var = m.depth.var = m.distance.var = m.within.var = m.value.var = -1;
	m.multiplier = 1;
	return m;
}

static struct rm content(const char *s)
{
	struct rm m = mk(RM_CONTENT);
	m.pat = (uint8_t *)s;
	m.plen = (uint32_t)strlen(s);
	return m;
}

static struct rm contentn(const void *s, size_t n)
{
	struct rm m = mk(RM_CONTENT);
	m.pat = (uint8_t *)s;
	m.plen = (uint32_t)n;
	return m;
}

static struct rm with_offset(struct rm m, int v)
{
	m.has |= RMH_OFFSET;
	m.offset.v = v;
	return m;
}

static struct rm with_depth(struct rm m, int v)
{
	m.has |= RMH_DEPTH;
	m.depth.v = v;
	return m;
}

static struct rm with_distance(struct rm m, int v)
{
	m.has |= RMH_DISTANCE;
	m.flags |= RMF_RELATIVE;
	m.distance.v = v;
	return m;
}

static struct rm with_within(struct rm m, int v)
{
	m.has |= RMH_WITHIN;
	m.flags |= RMF_RELATIVE;
	m.within.v = v;
	return m;
}

static struct rm flag(struct rm m, unsigned f)
{
	m.flags |= (uint16_t)f;
	return m;
}

static struct rm on(struct rm m, unsigned buf)
{
	m.buf = (uint8_t)buf;
	return m;
}

static pcre2_code *compiled[64];
static unsigned ncompiled;

static struct rm pcre(const char *re, uint32_t opts)
{
	int err;
	PCRE2_SIZE eo;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts, &err, &eo, NULL);
	if (!c) {
		fprintf(stderr, "bad test regex %s\n", re);
		exit(2);
	}
	pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	if (ncompiled < 64)
		compiled[ncompiled++] = c;
	struct rm m = mk(RM_PCRE);
	m.re = c;
	return m;
}

/* byte_test:nbytes,op,value,offset */
static struct rm btest(int nb, int op, int32_t value, int off)
{
	struct rm m = mk(RM_BYTE_TEST);
	m.nbytes = (uint8_t)nb;
	m.op = (uint8_t)op;
	m.value.v = value;
	m.offset.v = off;
	return m;
}

static struct rm bjump(int nb, int off)
{
	struct rm m = mk(RM_BYTE_JUMP);
	m.nbytes = (uint8_t)nb;
	m.offset.v = off;
	return m;
}

static struct rm bextract(int nb, int off, int var)
{
	struct rm m = mk(RM_BYTE_EXTRACT);
	m.nbytes = (uint8_t)nb;
	m.offset.v = off;
	m.var = (uint8_t)var;
	return m;
}

static struct rm isdataat(int off)
{
	struct rm m = mk(RM_ISDATAAT);
	m.offset.v = off;
	return m;
}

static struct rm bsize(int op, int32_t v, uint64_t v2)
{
	struct rm m = mk(RM_BSIZE);
	m.op = (uint8_t)op;
	m.value.v = v;
	m.value2 = v2;
	return m;
}

static struct rm str(struct rm m, int base)
{
	m.flags |= RMF_STRING;
	m.base = (uint8_t)base;
	return m;
}

/* ---- running ------------------------------------------------------------------- */

static int runb(struct rm *ms, unsigned n, const struct rm_bufs *b)
{
	struct rule r;
	memset(&r, 0, sizeof r);
	r.m = ms;
	r.nm = n;
	r.fast = -1;
	return rm_match(&r, b, S);
}

/* the list on one RB_PKT buffer */
static int run_old(struct rm *ms, unsigned n, const void *p, size_t len, uint32_t pkt_old)
{
	struct rm_bufs b;
	memset(&b, 0, sizeof b);
	b.have = (uint64_t)1 << RB_PKT;
	b.p[RB_PKT] = p;
	b.n[RB_PKT] = (uint32_t)len;
	b.pkt_old = pkt_old;
	return runb(ms, n, &b);
}

#define RUN(buf, ...) run_list((const char *)(buf), sizeof(buf) - 1, 0, __VA_ARGS__)
#define RUNOLD(buf, old, ...) run_list((const char *)(buf), sizeof(buf) - 1, old, __VA_ARGS__)
#define END_LIST ((struct rm *)0)

static int run_list(const char *p, size_t len, uint32_t old, ...)
{
	struct rm ms[32];
	unsigned n = 0;
	va_list ap;
	va_start(ap, old);
	for (;;) {
		struct rm *m = va_arg(ap, struct rm *);
		if (!m)
			break;
		ms[n++] = *m;
	}
	va_end(ap);
	return run_old(ms, n, p, len, old);
}

/* compound literal helper */
#define E(x) (&(struct rm[]){ x }[0])

/* ---- tests --------------------------------------------------------------------- */

static void test_content(void)
{
	CHECK(RUN("hello world", E(content("world")), END_LIST), 1);
	CHECK(RUN("hello world", E(content("World")), END_LIST), 0);
	CHECK(RUN("hello world", E(flag(content("WoRLD"), RMF_NOCASE)), END_LIST), 1);
	CHECK(RUN("HELLO WORLD", E(flag(content("o w"), RMF_NOCASE)), END_LIST), 1);
	CHECK(RUN("aAaAaAaAb", E(flag(content("AAB"), RMF_NOCASE)), END_LIST), 1);
	CHECK(RUN("aAaAaAaAc", E(flag(content("AAB"), RMF_NOCASE)), END_LIST), 0);
	CHECK(RUN("x/Y/z", E(flag(content("/y/"), RMF_NOCASE)), END_LIST), 1);
	CHECK(RUN("x/Y-z", E(flag(content("/y/"), RMF_NOCASE)), END_LIST), 0);
	CHECK(RUN("q", E(flag(content("qq"), RMF_NOCASE)), END_LIST), 0);
	/* nocase of non-letters is exact */
	CHECK(RUN("a[b", E(flag(content("A{B"), RMF_NOCASE)), END_LIST), 0);
	CHECK(RUN("\x00\x01\x02", E(contentn("\x01\x02", 2)), END_LIST), 1);
	CHECK(RUN("", E(content("a")), END_LIST), 0);

	/* offset, depth */
	CHECK(RUN("abcXabc", E(with_offset(content("abc"), 3)), END_LIST), 1);
	CHECK(RUN("abcXabc", E(with_offset(content("abc"), 5)), END_LIST), 0);
	CHECK(RUN("Xabc", E(with_depth(content("abc"), 3)), END_LIST), 0);
	CHECK(RUN("Xabc", E(with_depth(content("abc"), 4)), END_LIST), 1);
	CHECK(RUN("XXabcX", E(with_depth(with_offset(content("abc"), 2), 3)), END_LIST), 1);
	CHECK(RUN("XXXabc", E(with_depth(with_offset(content("abc"), 2), 3)), END_LIST), 0);
	CHECK(RUN("XXXabc", E(with_depth(with_offset(content("abc"), 2), 4)), END_LIST), 1);

	/* startswith, endswith */
	CHECK(RUN("GET / HTTP", E(flag(content("GET"), RMF_STARTSWITH)), END_LIST), 1);
	CHECK(RUN(" GET / HTTP", E(flag(content("GET"), RMF_STARTSWITH)), END_LIST), 0);
	CHECK(RUN("a.exe", E(flag(content(".exe"), RMF_ENDSWITH)), END_LIST), 1);
	CHECK(RUN("a.exe.txt", E(flag(content(".exe"), RMF_ENDSWITH)), END_LIST), 0);
	CHECK(RUN("a.exe.exe", E(flag(content(".exe"), RMF_ENDSWITH)), END_LIST), 1);
	CHECK(RUN("abc", E(flag(content("abc"), RMF_STARTSWITH | RMF_ENDSWITH)), END_LIST), 1);
	CHECK(RUN("abcd", E(flag(content("abc"), RMF_STARTSWITH | RMF_ENDSWITH)), END_LIST), 0);
	CHECK(RUN("a.EXE", E(flag(content(".exe"), RMF_ENDSWITH | RMF_NOCASE)), END_LIST), 1);
	/* startswith relative: right after the previous match */
	CHECK(RUN("ab", E(content("a")), E(flag(content("b"), RMF_STARTSWITH | RMF_RELATIVE)),
	          END_LIST), 1);
	CHECK(RUN("axb", E(content("a")), E(flag(content("b"), RMF_STARTSWITH | RMF_RELATIVE)),
	          END_LIST), 0);

	/* negation */
	CHECK(RUN("GET /", E(flag(content("POST"), RMF_NEG)), END_LIST), 1);
	CHECK(RUN("POST /", E(flag(content("POST"), RMF_NEG)), END_LIST), 0);
	CHECK(RUN("post /", E(flag(content("POST"), RMF_NEG | RMF_NOCASE)), END_LIST), 0);
	CHECK(RUN("XXPOST", E(with_depth(flag(content("POST"), RMF_NEG), 4)), END_LIST), 1);
	CHECK(RUN("ac", E(content("a")), E(with_within(flag(content("b"), RMF_NEG), 1)), END_LIST), 1);
	CHECK(RUN("ab", E(content("a")), E(with_within(flag(content("b"), RMF_NEG), 1)), END_LIST), 0);
	CHECK(RUN("acb", E(content("a")), E(with_within(flag(content("b"), RMF_NEG), 1)), END_LIST),
	      1);
	/* a negated content does not move prev */
	CHECK(RUN("ab", E(content("a")), E(flag(content("x"), RMF_NEG)),
	          E(with_within(with_distance(content("b"), 0), 1)), END_LIST), 1);
	CHECK(RUN("GET x", E(flag(content("GET"), RMF_STARTSWITH | RMF_NEG)), END_LIST), 0);
	CHECK(RUN(" GET x", E(flag(content("GET"), RMF_STARTSWITH | RMF_NEG)), END_LIST), 1);
}

/* the search against a naive one, on random text of a small alphabet,
 * through windows (offset, depth) of every alignment */
static int naive(const char *h, int hl, const char *nd, int nl, int from, int to, int nocase)
{
	for (int i = from; i + nl <= to && i + nl <= hl; i++) {
		int j = 0;
		for (; j < nl; j++) {
			char a = h[i + j], b = nd[j];
			if (nocase) {
				if (a >= 'A' && a <= 'Z')
					a = (char)(a + 32);
				if (b >= 'A' && b <= 'Z')
					b = (char)(b + 32);
			}
			if (a != b)
				break;
		}
		if (j == nl)
			return 1;
	}
	return 0;
}

static void test_search_random(void)
{
	static const char alpha[] = "aAbB/@`{[\x00";
	unsigned seed = 12345, bad = 0;
	char h[200], nd[12];
	for (int t = 0; t < 20000; t++) {
		seed = seed * 1103515245u + 12345u;
		int hl = (int)(seed >> 8) % 200, nl = 1 + (int)(seed >> 20) % 11;
		for (int i = 0; i < hl; i++) {
			seed = seed * 1103515245u + 12345u;
			h[i] = alpha[(seed >> 16) % 10];
		}
		for (int i = 0; i < nl; i++) {
			seed = seed * 1103515245u + 12345u;
			nd[i] = alpha[(seed >> 16) % (t & 1 ? 4 : 10)];
		}
		seed = seed * 1103515245u + 12345u;
		int off = hl ? (int)(seed >> 16) % (hl + 1) : 0, depth = (int)(seed >> 8) % 64 + 1;
		int nocase = (seed >> 30) & 1;
		struct rm m = contentn(nd, (size_t)nl);
		if (nocase)
			m = flag(m, RMF_NOCASE);
		int want = naive(h, hl, nd, nl, 0, hl, nocase);
		if (run_old(&m, 1, h, (size_t)hl, 0) != want)
			bad++;
		m = with_depth(with_offset(m, off), depth);
		want = naive(h, hl, nd, nl, off, off + depth, nocase);
		if (run_old(&m, 1, h, (size_t)hl, 0) != want)
			bad++;
	}
	CHECK(bad, 0);
}

static void test_relative(void)
{
	/* distance */
	CHECK(RUN("aXXb", E(content("a")), E(with_distance(content("b"), 2)), END_LIST), 1);
	CHECK(RUN("aXb", E(content("a")), E(with_distance(content("b"), 2)), END_LIST), 0);
	CHECK(RUN("ba", E(content("a")), E(with_distance(content("b"), 0)), END_LIST), 0);
	/* within: the match ends at or before prev + within */
	CHECK(RUN("aXb", E(content("a")), E(with_within(content("b"), 2)), END_LIST), 1);
	CHECK(RUN("aXXb", E(content("a")), E(with_within(content("b"), 2)), END_LIST), 0);
	CHECK(RUN("aXbc", E(content("a")), E(with_within(content("bc"), 2)), END_LIST), 0);
	CHECK(RUN("aXbc", E(content("a")), E(with_within(content("bc"), 3)), END_LIST), 1);
	/* distance and within together: within counts from prev + distance */
	CHECK(RUN("\x00\x01" "ABCD" "\x00\x00\x00\x01",
	          E(contentn("\x00\x01", 2)),
	          E(with_within(with_distance(contentn("\x00\x00\x00\x01", 4), 4), 4)), END_LIST), 1);
	CHECK(RUN("\x00\x01" "ABCDE" "\x00\x00\x00\x01",
	          E(contentn("\x00\x01", 2)),
	          E(with_within(with_distance(contentn("\x00\x00\x00\x01", 4), 4), 4)), END_LIST), 0);
	/* negative distance, clamped at 0 */
	CHECK(RUN("abc", E(content("bc")), E(with_distance(content("ab"), -3)), END_LIST), 1);
	CHECK(RUN("abc", E(content("bc")), E(with_distance(content("ab"), -2)), END_LIST), 0);
	CHECK(RUN("abc", E(content("c")), E(with_distance(content("a"), -100)), END_LIST), 1);
	/* a relative element first in its buffer is relative to 0 */
	CHECK(RUN("XXab", E(with_distance(content("ab"), 2)), END_LIST), 1);
	CHECK(RUN("XXab", E(with_distance(content("ab"), 3)), END_LIST), 0);

	/* backtracking: only the second "a" has a "b" right after it */
	CHECK(RUN("aXab", E(content("a")), E(with_within(with_distance(content("b"), 0), 1)),
	          END_LIST), 1);
	CHECK(RUN("aXaXb", E(content("a")), E(with_within(with_distance(content("b"), 0), 1)),
	          END_LIST), 0);
	/* three levels: "k=" then a digit then ";" within 1 */
	CHECK(RUN("k=1 k=2x k=3;", E(content("k=")), E(with_within(content("3"), 1)),
	          E(with_within(content(";"), 1)), END_LIST), 1);
	CHECK(RUN("k=3x k=3 k=1;", E(content("k=")), E(with_within(content("3"), 1)),
	          E(with_within(content(";"), 1)), END_LIST), 0);
	/* the retried element is the one the failing one depends on, past
	 * an absolute one in between */
	CHECK(RUN("aXab HDR", E(content("a")), E(content("HDR")), E(with_within(content("b"), 1)),
	          END_LIST), 0);
	CHECK(RUN("aXab HDRb", E(content("a")), E(content("HDR")), E(with_within(content("b"), 1)),
	          END_LIST), 1);
	/* an absolute content after the chain that is absent: no match */
	CHECK(RUN("aXab", E(content("a")), E(with_within(content("b"), 1)), E(content("zz")),
	          END_LIST), 0);
	/* backtracking with nocase */
	CHECK(RUN("USER x\r\nuser root", E(flag(content("user "), RMF_NOCASE)),
	          E(with_within(content("root"), 4)), END_LIST), 1);
}

static void test_budget(void)
{
	/* many "a"s, each relative to the one before, then a "b" that is
	 * not there: exponential without the budget */
	size_t n = 200000;
	char *buf = malloc(n);
	memset(buf, 'a', n);
	struct rm ms[8];
	for (int i = 0; i < 7; i++)
		ms[i] = i ? with_within(with_distance(content("a"), 0), 100000) : content("a");
	ms[7] = with_distance(content("b"), 0);
	clock_t t0 = clock();
	CHECK(run_old(ms, 8, buf, n, 0), 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 2.0, 1);
	/* the same list matches when its "b" is found within the budget */
	buf[10] = 'b';
	CHECK(run_old(ms, 8, buf, 12, 0), 1);
	/* a catastrophic regex is stopped by pcre2's match limit */
	memset(buf, 'a', 5000);
	buf[5000] = '!';
	struct rm p = pcre("(a+)+$", 0);
	t0 = clock();
	CHECK(run_old(&p, 1, buf, 5001, 0), 0);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 2.0, 1);
	/* pcre retried over and over: bounded as well */
	memset(buf, 'a', n);
	struct rm q[2] = { pcre("a", 0), with_distance(content("b"), 0) };
	t0 = clock();
	CHECK(run_old(q, 2, buf, n, 0), 0);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 2.0, 1);
	free(buf);
}

static void test_pcre(void)
{
	CHECK(RUN("GET /index.php?id=12", E(pcre("id=\\d+", 0)), END_LIST), 1);
	CHECK(RUN("GET /index.php?id=x", E(pcre("id=\\d+", 0)), END_LIST), 0);
	CHECK(RUN("get /", E(pcre("^GET", PCRE2_CASELESS)), END_LIST), 1);
	CHECK(RUN("POST /", E(flag(pcre("^GET", 0), RMF_NEG)), END_LIST), 1);
	CHECK(RUN("GET /", E(flag(pcre("^GET", 0), RMF_NEG)), END_LIST), 0);
	/* R: from prev, ^ anchored there */
	CHECK(RUN("xxUSER root", E(content("USER ")), E(flag(pcre("^root", 0), RMF_RELATIVE)),
	          END_LIST), 1);
	CHECK(RUN("USER x root", E(content("USER ")), E(flag(pcre("^root", 0), RMF_RELATIVE)),
	          END_LIST), 0);
	CHECK(RUN("rootUSER ", E(content("USER ")), E(flag(pcre("root", 0), RMF_RELATIVE)), END_LIST),
	      0);
	/* prev set by the pcre's end */
	CHECK(RUN("id=123;", E(pcre("id=\\d+", 0)), E(with_within(content(";"), 1)), END_LIST), 1);
	CHECK(RUN("id=123 ;", E(pcre("id=\\d+", 0)), E(with_within(content(";"), 1)), END_LIST), 0);
	/* a pcre retried at its next match */
	CHECK(RUN("abXacZ", E(pcre("a.", 0)), E(with_within(content("Z"), 1)), END_LIST), 1);
	CHECK(RUN("abXacY", E(pcre("a.", 0)), E(with_within(content("Z"), 1)), END_LIST), 0);
	/* not JIT-compiled too */
	int err;
	PCRE2_SIZE eo;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)"b+c", PCRE2_ZERO_TERMINATED, 0, &err, &eo, NULL);
	struct rm m = mk(RM_PCRE);
	m.re = c;
	CHECK(RUN("abbbc", E(m), END_LIST), 1);
	CHECK(RUN("abbbd", E(m), END_LIST), 0);
	pcre2_code_free(c);
}

static void test_byte_test(void)
{
	const char bin[] = "\x01\x02\x03\x04\xf0\x0f";
	CHECK(RUN(bin, E(btest(2, OP_EQ, 0x0102, 0)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(2, OP_EQ, 0x0201, 0)), END_LIST), 0);
	CHECK(RUN(bin, E(flag(btest(2, OP_EQ, 0x0201, 0), RMF_LITTLE)), END_LIST), 1);
	CHECK(RUN(bin, E(flag(btest(2, OP_EQ, 0x0201, 0), RMF_DCE)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(4, OP_EQ, 0x01020304, 0)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(1, OP_NE, 3, 2)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_NE, 4, 2)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(1, OP_LT, 4, 2)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(1, OP_LT, 3, 2)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_GT, 2, 2)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(1, OP_GT, 3, 2)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_LE, 3, 2)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(1, OP_LE, 2, 2)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_GE, 3, 2)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(1, OP_GE, 4, 2)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_AND, 0x10, 4)), END_LIST), 1);
	CHECK(RUN(bin, E(btest(1, OP_AND, 0x01, 4)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_OR, 0xf0, 4)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_OR, 0xf1, 4)), END_LIST), 1);
	/* ! negates */
	CHECK(RUN(bin, E(flag(btest(1, OP_EQ, 3, 2), RMF_NEG)), END_LIST), 0);
	CHECK(RUN(bin, E(flag(btest(1, OP_AND, 0x01, 4), RMF_NEG)), END_LIST), 1);
	/* out of the buffer: no match, negated or not */
	CHECK(RUN(bin, E(btest(4, OP_GE, 0, 3)), END_LIST), 0);
	CHECK(RUN(bin, E(flag(btest(4, OP_EQ, 1, 3), RMF_NEG)), END_LIST), 0);
	CHECK(RUN(bin, E(btest(1, OP_GE, 0, -1)), END_LIST), 0);
	/* bitmask, shifted right by its trailing zeros */
	struct rm m = btest(1, OP_EQ, 0xf, 4);
	m.bitmask = 0xf0;
	CHECK(RUN(bin, E(m), END_LIST), 1);
	m.value.v = 0xf0;
	CHECK(RUN(bin, E(m), END_LIST), 0);
	m = btest(2, OP_EQ, 0x3, 0);
	m.bitmask = 0x0300;
	CHECK(RUN("\x03\x00", E(m), END_LIST), 1);
	/* 32-bit values stored as negative numbers */
	CHECK(RUN("\xff\xff\xff\xff", E(btest(4, OP_EQ, -1, 0)), END_LIST), 1);
	CHECK(RUN("\x80\x00\x00\x00", E(btest(4, OP_GT, 0x7fffffff, 0)), END_LIST), 1);
	/* 8 bytes */
	CHECK(RUN("\x00\x00\x00\x01\x00\x00\x00\x00", E(btest(8, OP_GT, -1, 0)), END_LIST), 1);
	/* strings */
	CHECK(RUN("Content-Length: 1234\r\n", E(str(btest(4, OP_GT, 1000, 16), 10)), END_LIST), 1);
	CHECK(RUN("Content-Length: 0999\r\n", E(str(btest(4, OP_GT, 1000, 16), 10)), END_LIST), 0);
	CHECK(RUN("len=12\r\n", E(str(btest(4, OP_EQ, 12, 4), 10)), END_LIST), 1);
	CHECK(RUN("len=x12\r\n", E(str(btest(4, OP_EQ, 12, 4), 10)), END_LIST), 0);
	CHECK(RUN("len=x12\r\n", E(flag(str(btest(4, OP_EQ, 12, 4), 10), RMF_NEG)), END_LIST), 0);
	CHECK(RUN("ff", E(str(btest(2, OP_EQ, 255, 0), 16)), END_LIST), 1);
	CHECK(RUN("FF", E(str(btest(2, OP_EQ, 255, 0), 16)), END_LIST), 1);
	CHECK(RUN("17", E(str(btest(2, OP_EQ, 15, 0), 8)), END_LIST), 1);
	CHECK(RUN("18", E(str(btest(2, OP_EQ, 1, 0), 8)), END_LIST), 1);
	CHECK(RUN("9999999999", E(str(btest(10, OP_GT, 0x7fffffff, 0), 10)), END_LIST), 1);
	/* relative, negative offset, and not moving prev */
	CHECK(RUN("ab\x05z", E(content("ab")), E(flag(btest(1, OP_EQ, 5, 0), RMF_RELATIVE)),
	          END_LIST), 1);
	CHECK(RUN("ab\x05z", E(content("ab")), E(flag(btest(1, OP_EQ, 'b', -1), RMF_RELATIVE)),
	          END_LIST), 1);
	CHECK(RUN("ab\x05z", E(content("ab")), E(flag(btest(1, OP_EQ, 5, 0), RMF_RELATIVE)),
	          E(with_within(content("\x05"), 1)), END_LIST), 1);
	/* relative byte_test picks the right occurrence by backtracking */
	CHECK(RUN("ab\x01" "ab\x05", E(content("ab")), E(flag(btest(1, OP_EQ, 5, 0), RMF_RELATIVE)),
	          END_LIST), 1);
}

static void test_byte_jump(void)
{
	/* length 3 at 0, then "END" right after the 3 bytes skipped */
	CHECK(RUN("\x03xyzEND", E(bjump(1, 0)), E(with_within(content("END"), 3)), END_LIST), 1);
	CHECK(RUN("\x02xyzEND", E(bjump(1, 0)), E(with_within(content("END"), 3)), END_LIST), 0);
	/* relative */
	CHECK(RUN("LEN\x00\x02xyEND", E(content("LEN")), E(flag(bjump(2, 0), RMF_RELATIVE)),
	          E(with_within(content("END"), 3)), END_LIST), 1);
	/* multiplier */
	struct rm m = bjump(1, 0);
	m.multiplier = 2;
	CHECK(RUN("\x02xyzwEND", E(m), E(with_within(content("END"), 3)), END_LIST), 1);
	/* align: 1 rounds up to 4 */
	m = flag(bjump(1, 0), RMF_ALIGN);
	CHECK(RUN("\x01xyzwEND", E(m), E(with_within(content("END"), 3)), END_LIST), 1);
	CHECK(RUN("\x01xEND", E(m), E(with_within(content("END"), 3)), END_LIST), 0);
	/* from_beginning: the value counts from 0 */
	m = flag(bjump(1, 1), RMF_BEGIN);
	CHECK(RUN("A\x04xyEND", E(m), E(with_within(content("END"), 3)), END_LIST), 1);
	/* post_offset */
	m = bjump(1, 0);
	m.post_offset = -2;
	CHECK(RUN("\x03xENDz", E(m), E(with_within(content("END"), 3)), END_LIST), 1);
	/* from_end with a negative post_offset: the last 3 bytes */
	m = flag(bjump(1, 0), RMF_END);
	m.post_offset = -3;
	CHECK(RUN("\x00xxxxEND", E(m), E(with_within(content("END"), 3)), END_LIST), 1);
	/* beyond the buffer: no match; exactly its end: a match */
	CHECK(RUN("\x09xyz", E(bjump(1, 0)), END_LIST), 0);
	CHECK(RUN("\x03xyz", E(bjump(1, 0)), END_LIST), 1);
	CHECK(RUN("\x03xyz", E(bjump(1, 0)), E(flag(isdataat(1), RMF_RELATIVE | RMF_NEG)), END_LIST),
	      1);
	m = bjump(1, 0);
	m.post_offset = -5;
	CHECK(RUN("\x01xyz", E(m), END_LIST), 0);
	/* string */
	CHECK(RUN("12xxxxxxxxxxxxEND", E(str(bjump(2, 0), 10)), E(with_within(content("END"), 3)),
	          END_LIST), 1);
	/* huge values do not overflow */
	CHECK(RUN("\xff\xff\xff\xff\xff\xff\xff\xffx", E(bjump(8, 0)), END_LIST), 0);
	m = bjump(4, 0);
	m.multiplier = 65535;
	CHECK(RUN("\xff\xff\xff\xffx", E(m), END_LIST), 0);
}

static void test_byte_extract(void)
{
	/* byte_extract:1,0,len; content:"X"; distance:len (a variable) */
	struct rm x = mk(RM_CONTENT);
	x = content("X");
	x = with_distance(x, 0);
	x.distance.var = 0;
	CHECK(RUN("\x03" "abcX", E(bextract(1, 0, 0)), E(x), END_LIST), 1);
	CHECK(RUN("\x04" "abcX", E(bextract(1, 0, 0)), E(x), END_LIST), 0);
	/* ... and within:len */
	x = with_within(content("X"), 0);
	x.within.var = 2;
	CHECK(RUN("\x03" "abX", E(bextract(1, 0, 2)), E(x), END_LIST), 1);
	CHECK(RUN("\x02" "abX", E(bextract(1, 0, 2)), E(x), END_LIST), 0);
	/* a variable compared by byte_test */
	struct rm t = btest(1, OP_EQ, 0, 1);
	t.value.var = 1;
	CHECK(RUN("\x07\x07", E(bextract(1, 0, 1)), E(t), END_LIST), 1);
	CHECK(RUN("\x07\x08", E(bextract(1, 0, 1)), E(t), END_LIST), 0);
	/* ... and used as an offset */
	struct rm o = with_offset(content("Z"), 0);
	o.offset.var = 3;
	o = with_depth(o, 1);
	CHECK(RUN("\x02xZ", E(bextract(1, 0, 3)), E(o), END_LIST), 1);
	CHECK(RUN("\x01xZ", E(bextract(1, 0, 3)), E(o), END_LIST), 0);
	/* prev after the bytes read; string, multiplier */
	struct rm e = str(bextract(2, 0, 0), 10);
	e.multiplier = 2;
	x = with_distance(content("X"), 0);
	x.distance.var = 0;
	x = with_within(x, 1);
	CHECK(RUN("03abcdefX", E(e), E(x), END_LIST), 1);
	CHECK(RUN("03abcdeX", E(e), E(x), END_LIST), 0);
	/* relative to a content; out of the buffer */
	t = flag(btest(1, OP_EQ, 'Q', 2), RMF_RELATIVE);
	CHECK(RUN("hdr\x02zzQ", E(content("hdr")), E(flag(bextract(1, 0, 0), RMF_RELATIVE)), E(t),
	          END_LIST), 1);
	CHECK(RUN("hdr", E(content("hdr")), E(flag(bextract(1, 0, 0), RMF_RELATIVE)), END_LIST), 0);
	/* a variable from one buffer used in another (buffers in the order of
	 * their first element) */
	struct rm l[2];
	l[0] = on(with_depth(content("/"), 1), SB_HTTP_URI);
	l[1] = bextract(1, 0, 0);
	struct rm_bufs b;
	memset(&b, 0, sizeof b);
	b.have = (uint64_t)1 << RB_PKT | (uint64_t)1 << SB_HTTP_URI;
	b.p[RB_PKT] = (const uint8_t *)"\x02";
	b.n[RB_PKT] = 1;
	b.p[SB_HTTP_URI] = (const uint8_t *)"/ab";
	b.n[SB_HTTP_URI] = 3;
	CHECK(runb(l, 2, &b), 1);
	struct rm l2[3];
	l2[0] = bextract(1, 0, 0);
	l2[1] = on(content("z"), SB_HTTP_URI);
	l2[1].has |= RMH_OFFSET;
	l2[1].offset.var = 0;
	l2[2] = btest(1, OP_EQ, 2, 0);
	b.p[SB_HTTP_URI] = (const uint8_t *)"/az";
	CHECK(runb(l2, 3, &b), 1);
	b.p[SB_HTTP_URI] = (const uint8_t *)"/za";
	CHECK(runb(l2, 3, &b), 0);
	/* an invalid variable number does not match */
	CHECK(RUN("\x01", E(bextract(1, 0, RULE_VARS_MAX)), END_LIST), 0);
}

static void test_isdataat_bsize(void)
{
	/* isdataat:N: byte N exists */
	CHECK(RUN("abcd", E(isdataat(3)), END_LIST), 1);
	CHECK(RUN("abcd", E(isdataat(4)), END_LIST), 0);
	CHECK(RUN("abcd", E(flag(isdataat(4), RMF_NEG)), END_LIST), 1);
	/* relative: N more bytes after prev */
	CHECK(RUN("PASSxx", E(content("PASS")), E(flag(isdataat(2), RMF_RELATIVE)), END_LIST), 1);
	CHECK(RUN("PASSxx", E(content("PASS")), E(flag(isdataat(3), RMF_RELATIVE)), END_LIST), 0);
	/* isdataat:!1,relative: the match ends the buffer */
	CHECK(RUN("xPASS", E(content("PASS")), E(flag(isdataat(1), RMF_RELATIVE | RMF_NEG)), END_LIST),
	      1);
	CHECK(RUN("PASSx", E(content("PASS")), E(flag(isdataat(1), RMF_RELATIVE | RMF_NEG)), END_LIST),
	      0);
	/* which backtracks to the last PASS */
	CHECK(RUN("PASS PASS", E(content("PASS")), E(flag(isdataat(1), RMF_RELATIVE | RMF_NEG)),
	          END_LIST), 1);

	CHECK(RUN("abcd", E(bsize(OP_EQ, 4, 0)), END_LIST), 1);
	CHECK(RUN("abcd", E(bsize(OP_EQ, 5, 0)), END_LIST), 0);
	CHECK(RUN("abcd", E(bsize(OP_LT, 5, 0)), END_LIST), 1);
	CHECK(RUN("abcd", E(bsize(OP_GT, 4, 0)), END_LIST), 0);
	CHECK(RUN("abcd", E(bsize(OP_GE, 4, 0)), END_LIST), 1);
	CHECK(RUN("abcd", E(bsize(OP_RANGE, 3, 5)), END_LIST), 1);
	CHECK(RUN("abcd", E(bsize(OP_RANGE, 4, 5)), END_LIST), 0);
	CHECK(RUN("abcd", E(bsize(OP_RANGE, 3, 4)), END_LIST), 0);
	CHECK(RUN("abcd", E(flag(bsize(OP_EQ, 4, 0), RMF_NEG)), END_LIST), 0);
	/* urilen as bsize on http.uri */
	struct rm u = on(bsize(OP_GT, 10, 0), SB_HTTP_URI);
	struct rm_bufs b;
	memset(&b, 0, sizeof b);
	b.have = (uint64_t)1 << SB_HTTP_URI;
	b.p[SB_HTTP_URI] = (const uint8_t *)"/index.php?q=1";
	b.n[SB_HTTP_URI] = 14;
	CHECK(runb(&u, 1, &b), 1);
	b.n[SB_HTTP_URI] = 6;
	CHECK(runb(&u, 1, &b), 0);
}

static void test_buffers(void)
{
	struct rm_bufs b;
	memset(&b, 0, sizeof b);
	b.have = (uint64_t)1 << RB_PKT | (uint64_t)1 << SB_HTTP_HOST;
	b.p[RB_PKT] = (const uint8_t *)"GET / HTTP/1.1\r\nHost: evil.com\r\n\r\n";
	b.n[RB_PKT] = 34;
	b.p[SB_HTTP_HOST] = (const uint8_t *)"evil.com";
	b.n[SB_HTTP_HOST] = 8;
	/* an absent buffer: no match, negated or not */
	struct rm a = on(content("x"), SB_HTTP_USER_AGENT);
	CHECK(runb(&a, 1, &b), 0);
	a = flag(a, RMF_NEG);
	CHECK(runb(&a, 1, &b), 0);
	struct rm l[2] = { content("GET"), on(flag(content("x"), RMF_NEG), SB_HTTP_USER_AGENT) };
	CHECK(runb(l, 2, &b), 0);
	/* present but empty: a negated content holds */
	b.have |= (uint64_t)1 << SB_HTTP_USER_AGENT;
	b.p[SB_HTTP_USER_AGENT] = (const uint8_t *)"";
	b.n[SB_HTTP_USER_AGENT] = 0;
	CHECK(runb(&a, 1, &b), 1);
	CHECK(runb(l, 2, &b), 1);
	b.p[SB_HTTP_USER_AGENT] = NULL;
	CHECK(runb(&a, 1, &b), 1);
	struct rm pe = on(pcre("^$", 0), SB_HTTP_USER_AGENT);
	CHECK(runb(&pe, 1, &b), 1);
	pe = on(flag(pcre("x", 0), RMF_NEG), SB_HTTP_USER_AGENT);
	CHECK(runb(&pe, 1, &b), 1);
	pe = on(bsize(OP_EQ, 0, 0), SB_HTTP_USER_AGENT);
	CHECK(runb(&pe, 1, &b), 1);
	/* buffers are independent: a relative content on http.host does
	 * not start at the payload's prev */
	struct rm h[3] = { content("Host: "), on(flag(content("evil"), RMF_STARTSWITH), SB_HTTP_HOST),
	                   on(with_within(with_distance(content(".com"), 0), 4), SB_HTTP_HOST) };
	CHECK(runb(h, 3, &b), 1);
	struct rm h2[2] = { on(content("evil"), SB_HTTP_HOST),
	                    with_within(with_distance(content("GET"), 0), 3) };
	CHECK(runb(h2, 2, &b), 1);
	/* interleaved elements keep their buffer's prev */
	struct rm h3[4] = { content("GET"), on(content("evil"), SB_HTTP_HOST),
	                    with_within(with_distance(content(" /"), 0), 2),
	                    on(with_within(content(".com"), 4), SB_HTTP_HOST) };
	CHECK(runb(h3, 4, &b), 1);
	h3[2] = with_within(with_distance(content(".com"), 0), 4);
	CHECK(runb(h3, 4, &b), 0);
	/* an invalid buffer number */
	struct rm bad = on(content("GET"), RB_MAX);
	CHECK(runb(&bad, 1, &b), 0);
	/* no elements: a match */
	CHECK(runb(NULL, 0, &b), 1);
}

static void test_pkt_old(void)
{
	/* the only "abc" was inspected before */
	CHECK(RUNOLD("abcXXXXX", 5, E(content("abc")), END_LIST), 0);
	CHECK(RUNOLD("abcXXabc", 5, E(content("abc")), END_LIST), 1);
	/* ending right at pkt_old is old; one past is new */
	CHECK(RUNOLD("XXabcXXX", 5, E(content("abc")), END_LIST), 0);
	CHECK(RUNOLD("XXXabcXX", 5, E(content("abc")), END_LIST), 1);
	/* the last position-setting match decides, not the first */
	CHECK(RUNOLD("GET XXXX /evil", 6, E(content("GET")), E(content("/evil")), END_LIST), 1);
	CHECK(RUNOLD("/evil GET XXXX", 12, E(content("/evil")), E(content("GET")), END_LIST), 0);
	/* a negated or non-moving element after it is not one */
	CHECK(RUNOLD("abc XXXX", 4, E(content("abc")), E(flag(content("zz"), RMF_NEG)), END_LIST), 0);
	/* the chain retried to a later occurrence */
	CHECK(RUNOLD("a1 a2 a1", 5, E(content("a")), E(with_within(content("1"), 1)), END_LIST), 1);
	CHECK(RUNOLD("a1 a2 a1", 8, E(content("a")), E(with_within(content("1"), 1)), END_LIST), 0);
	/* pcre */
	CHECK(RUNOLD("id=1 id=22", 4, E(pcre("id=\\d+", 0)), END_LIST), 1);
	CHECK(RUNOLD("id=1 id=22", 10, E(pcre("id=\\d+", 0)), END_LIST), 0);
	/* no position-setting element on the payload: no constraint */
	CHECK(RUNOLD("abcd", 4, E(flag(content("zz"), RMF_NEG)), END_LIST), 1);
	CHECK(RUNOLD("abcd", 4, E(btest(1, OP_EQ, 'a', 0)), END_LIST), 1);
	/* pkt_old concerns the payload only */
	struct rm_bufs b;
	memset(&b, 0, sizeof b);
	b.have = (uint64_t)1 << SB_HTTP_URI;
	b.p[SB_HTTP_URI] = (const uint8_t *)"/x";
	b.n[SB_HTTP_URI] = 2;
	b.pkt_old = 100;
	struct rm u = on(content("/x"), SB_HTTP_URI);
	CHECK(runb(&u, 1, &b), 1);
}

/* ---- header tests ---------------------------------------------------------------- */

static int hdr(const struct facts *f, int field, int op, int neg, uint32_t lo, uint32_t hi)
{
	struct rh h = { (uint8_t)field, (uint8_t)op, (uint8_t)neg, lo, hi };
	struct rule r;
	memset(&r, 0, sizeof r);
	r.hdr = &h;
	r.nhdr = 1;
	return rh_match(&r, f);
}

static void test_headers(void)
{
	struct facts f;
	memset(&f, 0, sizeof f);
	f.net = NET_IP4;
	f.addr_len = 4;
	memcpy(f.src, "\x0a\x00\x00\x01", 4);
	memcpy(f.dst, "\x0a\x00\x00\x02", 4);
	f.proto = 6;
	f.ttl = 64;
	f.tos = 8;
	f.ip_id = 4242;
	f.ip_flags = IPF_DF;
	f.ip_opts = 1u << 7; /* record route */
	f.has_tcp = 1;
	f.has_ports = 1;
	f.tcp_flags = TH_SYN | TH_ECE | TH_CWR;
	f.seq = 1000;
	f.ack = 0;
	f.win = 512;
	f.payload_len = 0;

	/* no tests: true */
	struct rule r;
	memset(&r, 0, sizeof r);
	CHECK(rh_match(&r, &f), 1);

	CHECK(hdr(&f, RH_DSIZE, OP_EQ, 0, 0, 0), 1);
	CHECK(hdr(&f, RH_DSIZE, OP_GT, 0, 0, 0), 0);
	f.payload_len = 300;
	CHECK(hdr(&f, RH_DSIZE, OP_RANGE, 0, 299, 301), 1);
	CHECK(hdr(&f, RH_DSIZE, OP_RANGE, 0, 300, 400), 0);
	CHECK(hdr(&f, RH_DSIZE, OP_LT, 0, 300, 0), 0);
	CHECK(hdr(&f, RH_DSIZE, OP_LE, 0, 300, 0), 1);
	CHECK(hdr(&f, RH_DSIZE, OP_NE, 0, 300, 0), 0);
	CHECK(hdr(&f, RH_DSIZE, OP_GE, 1, 300, 0), 0);

	CHECK(hdr(&f, RH_IP_PROTO, OP_EQ, 0, 6, 0), 1);
	CHECK(hdr(&f, RH_IP_PROTO, OP_EQ, 1, 6, 0), 0);
	CHECK(hdr(&f, RH_IP_PROTO, OP_LT, 0, 7, 0), 1);
	CHECK(hdr(&f, RH_TTL, OP_EQ, 0, 64, 0), 1);
	CHECK(hdr(&f, RH_TTL, OP_LT, 0, 10, 0), 0);
	CHECK(hdr(&f, RH_TTL, OP_RANGE, 0, 60, 70), 1);
	CHECK(hdr(&f, RH_TOS, OP_EQ, 0, 8, 0), 1);
	CHECK(hdr(&f, RH_TOS, OP_EQ, 1, 8, 0), 0);
	CHECK(hdr(&f, RH_TOS, OP_EQ, 1, 16, 0), 1);
	CHECK(hdr(&f, RH_ID, OP_EQ, 0, 4242, 0), 1);
	CHECK(hdr(&f, RH_ID, OP_EQ, 1, 0, 0), 1);
	CHECK(hdr(&f, RH_SEQ, OP_EQ, 0, 1000, 0), 1);
	CHECK(hdr(&f, RH_ACK, OP_EQ, 0, 0, 0), 1);
	CHECK(hdr(&f, RH_ACK, OP_EQ, 0, 1, 0), 0);
	CHECK(hdr(&f, RH_WINDOW, OP_EQ, 0, 512, 0), 1);
	CHECK(hdr(&f, RH_WINDOW, OP_EQ, 1, 512, 0), 0);

	/* flags */
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_EXACT, 0, TH_SYN, 0), 0);
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_EXACT, 0, TH_SYN, TH_ECE | TH_CWR), 1); /* flags:S,12 */
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_EXACT, 0, TH_SYN | TH_ECE | TH_CWR, 0), 1);
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_ALL, 0, TH_SYN, 0), 1);                 /* flags:S+ */
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_ALL, 0, TH_SYN | TH_ACK, 0), 0);        /* flags:SA+ */
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_ANY, 0, TH_SYN | TH_ACK, 0), 1);        /* flags:SA* */
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_ANY, 0, TH_FIN | TH_ACK, 0), 0);
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_NOT, 0, TH_ACK, 0), 1);                 /* flags:!A */
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_NOT, 0, TH_SYN, 0), 0);
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_EXACT, 1, TH_SYN, TH_ECE | TH_CWR), 0);
	f.tcp_flags = 0;
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_EXACT, 0, 0, 0), 1);                    /* flags:0 */
	f.tcp_flags = TH_SYN | TH_ECE | TH_CWR;

	/* fragbits */
	CHECK(hdr(&f, RH_FRAGBITS, RH_BITS_EXACT, 0, IPF_DF, 0), 1);
	CHECK(hdr(&f, RH_FRAGBITS, RH_BITS_EXACT, 0, IPF_MF, 0), 0);
	CHECK(hdr(&f, RH_FRAGBITS, RH_BITS_ANY, 0, IPF_MF | IPF_DF, 0), 1);
	CHECK(hdr(&f, RH_FRAGBITS, RH_BITS_ALL, 0, IPF_MF | IPF_DF, 0), 0);
	CHECK(hdr(&f, RH_FRAGBITS, RH_BITS_NOT, 0, IPF_MF | IPF_RB, 0), 1);
	CHECK(hdr(&f, RH_FRAGBITS, RH_BITS_NOT, 0, IPF_DF, 0), 0);

	/* ipopts */
	CHECK(hdr(&f, RH_IPOPTS, OP_EQ, 0, 7, 0), 1);
	CHECK(hdr(&f, RH_IPOPTS, OP_EQ, 0, 68, 0), 0); /* ts: 68 & 31 = 4 */
	CHECK(hdr(&f, RH_IPOPTS, OP_EQ, 0, 256, 0), 1);
	f.ip_opts = 0;
	CHECK(hdr(&f, RH_IPOPTS, OP_EQ, 0, 256, 0), 0);
	f.ip_opts = 1u << (68 & 31);
	CHECK(hdr(&f, RH_IPOPTS, OP_EQ, 0, 68, 0), 1);

	/* sameip */
	CHECK(hdr(&f, RH_SAMEIP, OP_EQ, 0, 0, 0), 0);
	CHECK(hdr(&f, RH_SAMEIP, OP_EQ, 1, 0, 0), 1);
	memcpy(f.dst, f.src, 4);
	CHECK(hdr(&f, RH_SAMEIP, OP_EQ, 0, 0, 0), 1);

	/* not TCP: the TCP tests are false, negated or not */
	f.has_tcp = 0;
	CHECK(hdr(&f, RH_FLAGS, RH_BITS_ANY, 0, 0xff, 0), 0);
	CHECK(hdr(&f, RH_SEQ, OP_EQ, 1, 1, 0), 0);
	CHECK(hdr(&f, RH_WINDOW, OP_GE, 0, 0, 0), 0);
	CHECK(hdr(&f, RH_ACK, OP_GE, 0, 0, 0), 0);

	/* ICMP */
	CHECK(hdr(&f, RH_ITYPE, OP_EQ, 0, 0, 0), 0);
	CHECK(hdr(&f, RH_ITYPE, OP_EQ, 1, 0, 0), 0);
	f.proto = 1;
	f.has_icmp = 1;
	f.icmp_type = 8;
	f.icmp_code = 0;
	CHECK(hdr(&f, RH_ITYPE, OP_EQ, 0, 8, 0), 1);
	CHECK(hdr(&f, RH_ITYPE, OP_GT, 0, 8, 0), 0);
	CHECK(hdr(&f, RH_ITYPE, OP_RANGE, 0, 7, 9), 1);
	CHECK(hdr(&f, RH_ICODE, OP_EQ, 0, 0, 0), 1);
	CHECK(hdr(&f, RH_ICODE, OP_EQ, 1, 0, 0), 0);
	CHECK(hdr(&f, RH_ICMP_ID, OP_EQ, 0, 0, 0), 0); /* not an echo read */
	f.has_icmp_echo = 1;
	f.icmp_id = 77;
	f.icmp_seq = 3;
	CHECK(hdr(&f, RH_ICMP_ID, OP_EQ, 0, 77, 0), 1);
	CHECK(hdr(&f, RH_ICMP_SEQ, OP_EQ, 0, 3, 0), 1);
	CHECK(hdr(&f, RH_ICMP_SEQ, OP_EQ, 0, 4, 0), 0);

	/* IPv6: no id, fragbits or ipopts; ttl is the hop limit */
	f.net = NET_IP6;
	f.addr_len = 16;
	CHECK(hdr(&f, RH_ID, OP_EQ, 1, 0, 0), 0);
	CHECK(hdr(&f, RH_FRAGBITS, RH_BITS_NOT, 0, IPF_MF, 0), 0);
	CHECK(hdr(&f, RH_IPOPTS, OP_EQ, 0, 256, 0), 0);
	CHECK(hdr(&f, RH_TTL, OP_EQ, 0, 64, 0), 1);
	/* not IP at all */
	f.net = NET_ARP;
	CHECK(hdr(&f, RH_TTL, OP_GE, 0, 0, 0), 0);
	CHECK(hdr(&f, RH_IP_PROTO, OP_GE, 0, 0, 0), 0);
	CHECK(hdr(&f, RH_SAMEIP, OP_EQ, 1, 0, 0), 0);

	/* every test must hold */
	f.net = NET_IP4;
	f.addr_len = 4;
	struct rh two[2] = { { RH_TTL, OP_EQ, 0, 64, 0 }, { RH_TOS, OP_EQ, 0, 8, 0 } };
	r.hdr = two;
	r.nhdr = 2;
	CHECK(rh_match(&r, &f), 1);
	two[1].lo = 9;
	CHECK(rh_match(&r, &f), 0);
}

int main(void)
{
	S = rm_scratch_new();
	if (!S) {
		fprintf(stderr, "rm_scratch_new failed\n");
		return 1;
	}
	test_content();
	test_search_random();
	test_relative();
	test_budget();
	test_pcre();
	test_byte_test();
	test_byte_jump();
	test_byte_extract();
	test_isdataat_bsize();
	test_buffers();
	test_pkt_old();
	test_headers();
	rm_scratch_free(S);
	for (unsigned i = 0; i < ncompiled; i++)
		pcre2_code_free(compiled[i]);
	printf("rules-match: %d tests, %d failed\n", ntests, nfailed);
	return nfailed != 0;
}
