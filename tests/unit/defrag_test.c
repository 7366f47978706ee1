/* defrag_test.c - unit tests of the defragmenter (src/stream/defrag.c).
 *
 * Real IPv4 and IPv6 fragments are built in byte buffers and run through
 * the analyzer's decoder (DLT_IPV4 228, DLT_IPV6 229), so the decoder's
 * fragment facts are tested on the way.  Prints "defrag: N passed, M
 * failed" last and exits non-zero when anything failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/analyze/decode.h"
#include "../../src/stream/defrag.h"

static unsigned passed, failed;

#define CHECK(c) check_((c), #c, __FILE__, __LINE__)
/* counted as one check, however often it runs */
#define CHECK_QUIET(c) do { if (!(c)) { check_(0, #c, __FILE__, __LINE__); } } while (0)
static int check_(int ok, const char *what, const char *file, int line)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
	}
	return ok;
}

/* ---- packet builders ------------------------------------------------- */

static uint8_t pkt[70000];
static struct facts fx;

static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

struct addrs {
	uint8_t net;      /* 4 or 6 */
	uint8_t src[16], dst[16];
};

static const struct addrs A4 = { 4, { 10, 0, 0, 1 }, { 10, 0, 0, 2 } };
static const struct addrs B4 = { 4, { 10, 0, 0, 3 }, { 10, 0, 0, 2 } };
static const struct addrs A6 = { 6, { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 }, { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 } };
static const struct addrs B6 = { 6, { 0x20, 0x01, 0x0d, 0xb8, [15] = 3 }, { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 } };

/* Builds a fragment of datagram id carrying proto: data[0..len) at byte
 * offset off (a multiple of 8), more fragments when mf.  Returns the packet
 * length. */
static unsigned build(const struct addrs *a, uint32_t id, unsigned proto, unsigned off, int mf,
                      const uint8_t *data, unsigned len)
{
	if (a->net == 4) {
		memset(pkt, 0, 20);
		pkt[0] = 0x45;
		put16(pkt + 2, 20 + len);
		put16(pkt + 4, id & 0xffff);
		put16(pkt + 6, (mf ? 0x2000 : 0) | ((off / 8) & 0x1fff));
		pkt[8] = 64;
		pkt[9] = (uint8_t)proto;
		memcpy(pkt + 12, a->src, 4);
		memcpy(pkt + 16, a->dst, 4);
		memcpy(pkt + 20, data, len);
		return 20 + len;
	}
	memset(pkt, 0, 48);
	pkt[0] = 0x60;
	put16(pkt + 4, 8 + len);
	pkt[6] = 44;
	pkt[7] = 64;
	memcpy(pkt + 8, a->src, 16);
	memcpy(pkt + 24, a->dst, 16);
	pkt[40] = (uint8_t)proto;
	put16(pkt + 42, ((off / 8) << 3) | (mf ? 1 : 0));
	put32(pkt + 44, id);
	memcpy(pkt + 48, data, len);
	return 48 + len;
}

/* Decodes the packet and hands it to d at time sec; caplen cut short by
 * cut bytes.  Returns defrag_add's answer. */
static const uint8_t *out;
static unsigned outlen;
static int feed_cut(struct defrag *d, const struct addrs *a, uint32_t id, unsigned proto,
                    unsigned off, int mf, const uint8_t *data, unsigned len, uint64_t sec,
                    unsigned cut)
{
	unsigned n = build(a, id, proto, off, mf, data, len);
	decode_packet(&fx, a->net == 4 ? 228 : 229, pkt, n - cut, n);
	fx.sec = sec;
	out = NULL;
	outlen = 0;
	return defrag_add(d, &fx, &out, &outlen);
}

static int feed(struct defrag *d, const struct addrs *a, uint32_t id, unsigned proto,
                unsigned off, int mf, const uint8_t *data, unsigned len, uint64_t sec)
{
	return feed_cut(d, a, id, proto, off, mf, data, len, sec, 0);
}

/* A UDP datagram of n bytes (header and a patterned payload). */
static uint8_t dgram[65536 + 64];
static void make_udp(unsigned n, unsigned seed)
{
	for (unsigned i = 0; i < n; i++)
		dgram[i] = (uint8_t)(i * 7 + seed + (i >> 8));
	put16(dgram, 1000 + seed);
	put16(dgram + 2, 53);
	put16(dgram + 4, n > 65535 ? 0 : n);
	put16(dgram + 6, 0);
}

static uint64_t rng = 88172645463325252u;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Sends the datagram (dgram, n bytes) as fragments of fl bytes in the order
 * order[] (indexes), returns how many calls completed it; the last call's
 * output is in out/outlen. */
static int send_frags(struct defrag *d, const struct addrs *a, uint32_t id, unsigned n,
                      unsigned fl, const unsigned *order, unsigned k, uint64_t sec)
{
	int done = 0;
	for (unsigned i = 0; i < k; i++) {
		unsigned off = order[i] * fl;
		unsigned len = off + fl < n ? fl : n - off;
		int r = feed(d, a, id, 17, off, off + len < n, dgram + off, len, sec);
		if (r)
			done++;
	}
	return done;
}

/* ---- tests ----------------------------------------------------------- */

static void test_decoder_facts(void)
{
	uint8_t data[16] = { 0 };
	unsigned n = build(&A4, 0xbeef, 17, 24, 1, data, 16);
	decode_packet(&fx, 228, pkt, n, n);
	CHECK(fx.is_frag && fx.frag_id == 0xbeef && fx.frag_off == 3 && fx.frag_len == 16 &&
	      fx.frag_data.len == 16 && fx.more_frags && fx.frag_proto == 17 && fx.net == NET_IP4);
	n = build(&A6, 0xdeadbeef, 6, 1480, 0, data, 12);
	decode_packet(&fx, 229, pkt, n, n);
	CHECK(fx.is_frag && fx.frag_id == 0xdeadbeef && fx.frag_off == 185 && fx.frag_len == 12 &&
	      fx.frag_data.len == 12 && !fx.more_frags && fx.frag_proto == 6 && fx.net == NET_IP6);
}

static void test_orders(void)
{
	for (int v = 0; v < 2; v++) {
		const struct addrs *a = v ? &A6 : &A4;
		struct defrag *d = defrag_new(1 << 20, 30);
		/* in order */
		make_udp(3000, 1);
		unsigned ord[512];
		for (unsigned i = 0; i < 3; i++)
			ord[i] = i;
		CHECK(send_frags(d, a, 7, 3000, 1480, ord, 3, 1) == 1);
		CHECK(outlen == 3000 && out && memcmp(out, dgram, 3000) == 0);
		/* the completing datagram decodes as UDP */
		decode_datagram(&fx, fx.frag_proto, out, outlen);
		CHECK(fx.has_ports && fx.sport == 1001 && fx.dport == 53 && fx.payload_len == 2992 &&
		      !fx.is_frag);
		/* reversed */
		make_udp(5000, 2);
		for (unsigned i = 0; i < 4; i++)
			ord[i] = 3 - i;
		CHECK(send_frags(d, a, 8, 5000, 1480, ord, 4, 2) == 1);
		CHECK(outlen == 5000 && memcmp(out, dgram, 5000) == 0);
		/* shuffled, 8-byte fragments */
		make_udp(4000, 3);
		for (unsigned i = 0; i < 500; i++)
			ord[i] = i;
		for (unsigned i = 499; i > 0; i--) {
			unsigned j = rnd(i + 1), t = ord[i];
			ord[i] = ord[j];
			ord[j] = t;
		}
		CHECK(send_frags(d, a, 9, 4000, 8, ord, 500, 3) == 1);
		CHECK(outlen == 4000 && memcmp(out, dgram, 4000) == 0);
		const struct defrag_stats *st = defrag_stats(d);
		CHECK(st->datagrams == 3 && st->fragments == 507 && st->pending == 0 && st->bad == 0 &&
		      st->overlaps == 0 && st->mem == 0 && st->timed_out == 0);
		defrag_free(d);
	}
}

static void test_duplicates(void)
{
	struct defrag *d = defrag_new(1 << 20, 30);
	make_udp(2000, 4);
	unsigned ord[] = { 0, 0, 1, 1, 0, 2 };
	CHECK(send_frags(d, &A4, 10, 2000, 800, ord, 6, 1) == 1);
	CHECK(outlen == 2000 && memcmp(out, dgram, 2000) == 0);
	CHECK(defrag_stats(d)->overlaps == 3 && defrag_stats(d)->datagrams == 1);
	/* the last fragment twice: the second completes nothing new (it starts
	 * a new datagram, which stays pending) */
	CHECK(send_frags(d, &A4, 10, 2000, 800, ord + 5, 1, 1) == 0);
	CHECK(defrag_stats(d)->pending == 1);
	defrag_free(d);
}

static void test_overlaps(void)
{
	for (int v = 0; v < 2; v++) {
		const struct addrs *a = v ? &A6 : &A4;
		struct defrag *d = defrag_new(1 << 20, 30);
		uint8_t A[64], B[64], C[64];
		memset(A, 'A', sizeof A);
		memset(B, 'B', sizeof B);
		memset(C, 'C', sizeof C);
		/* [0,16) A, then [8,24) B last: B only where A is not */
		CHECK(!feed(d, a, 1, 17, 0, 1, A, 16, 1));
		CHECK(feed(d, a, 1, 17, 8, 0, B, 16, 1) == 1);
		CHECK(outlen == 24 && memcmp(out, "AAAAAAAAAAAAAAAABBBBBBBB", 24) == 0);
		/* [0,8) A, [16,24) C, then [0,40) B: B fills the holes */
		CHECK(!feed(d, a, 2, 17, 0, 1, A, 8, 1));
		CHECK(!feed(d, a, 2, 17, 16, 1, C, 8, 1));
		CHECK(!feed(d, a, 2, 17, 0, 1, B, 40, 1));
		CHECK(feed(d, a, 2, 17, 40, 0, C, 5, 1) == 1);
		CHECK(outlen == 45 && memcmp(out, "AAAAAAAABBBBBBBBCCCCCCCCBBBBBBBBBBBBBBBBCCCCC", 45) == 0);
		/* a later fragment wholly inside an earlier one changes nothing */
		CHECK(!feed(d, a, 3, 17, 0, 1, A, 32, 1));
		CHECK(!feed(d, a, 3, 17, 8, 1, B, 8, 1));
		CHECK(feed(d, a, 3, 17, 32, 0, C, 5, 1) == 1);
		CHECK(outlen == 37 && memcmp(out, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACCCCC", 37) == 0);
		/* the last fragment first, then one covering it all (not beyond) */
		CHECK(!feed(d, a, 4, 17, 16, 0, C, 4, 1));
		CHECK(feed(d, a, 4, 17, 0, 1, A, 24, 1) == 0); /* ends at 24 > 20: beyond the end */
		CHECK(defrag_stats(d)->bad == 1);
		CHECK(defrag_stats(d)->overlaps == 3 && defrag_stats(d)->datagrams == 3);
		defrag_free(d);
	}
}

static void test_interleaved(void)
{
	struct defrag *d = defrag_new(1 << 20, 30);
	const struct addrs *as[4] = { &A4, &B4, &A6, &B6 };
	static uint8_t dg[4][3000];
	for (int k = 0; k < 4; k++) {
		make_udp(3000, 10 + (unsigned)k);
		memcpy(dg[k], dgram, 3000);
	}
	int done[4] = { 0 };
	for (unsigned i = 0; i < 3; i++)
		for (int k = 0; k < 4; k++) {
			unsigned off = i * 1000;
			if (feed(d, as[k], 77, 17, off, i < 2, dg[k] + off, 1000, 5)) {
				done[k]++;
				CHECK(outlen == 3000 && memcmp(out, dg[k], 3000) == 0);
			}
		}
	CHECK(done[0] == 1 && done[1] == 1 && done[2] == 1 && done[3] == 1);
	/* same addresses and id, different protocol: two datagrams */
	uint8_t A[16], B[16];
	memset(A, 'a', 16);
	memset(B, 'b', 16);
	CHECK(!feed(d, &A4, 5, 17, 0, 1, A, 8, 6));
	CHECK(!feed(d, &A4, 5, 6, 0, 1, B, 8, 6));
	CHECK(feed(d, &A4, 5, 17, 8, 0, A, 8, 6) && outlen == 16 && memcmp(out, "aaaaaaaaaaaaaaaa", 16) == 0);
	CHECK(feed(d, &A4, 5, 6, 8, 0, B, 8, 6) && outlen == 16 && memcmp(out, "bbbbbbbbbbbbbbbb", 16) == 0);
	/* IPv6 ids are 32 bits: 0x10005 is not 5 */
	CHECK(!feed(d, &A6, 5, 17, 0, 1, A, 8, 6));
	CHECK(!feed(d, &A6, 0x10005, 17, 8, 0, B, 8, 6));
	CHECK(defrag_stats(d)->pending == 2 && defrag_stats(d)->overlaps == 0);
	defrag_free(d);
}

static void test_timeout(void)
{
	struct defrag *d = defrag_new(1 << 20, 30);
	uint8_t A[8] = { 0 };
	CHECK(!feed(d, &A4, 1, 17, 0, 1, A, 8, 100));
	CHECK(!feed(d, &A4, 2, 17, 0, 1, A, 8, 110));
	/* 30 s later: not yet */
	CHECK(!feed(d, &A6, 3, 17, 0, 1, A, 8, 130));
	CHECK(defrag_stats(d)->timed_out == 0 && defrag_stats(d)->pending == 3);
	CHECK(feed(d, &A4, 1, 17, 8, 0, A, 8, 130) == 1 && outlen == 16);
	CHECK(!feed(d, &A4, 4, 17, 0, 1, A, 8, 130));
	/* 41 s after the second: it is gone, its last fragment starts anew */
	CHECK(!feed(d, &A4, 2, 17, 8, 0, A, 8, 151));
	CHECK(defrag_stats(d)->timed_out == 1 && defrag_stats(d)->pending == 3);
	/* the clock stepping back changes nothing */
	CHECK(!feed(d, &A4, 5, 17, 0, 1, A, 8, 10));
	CHECK(defrag_stats(d)->timed_out == 1);
	/* a big step: all go */
	CHECK(!feed(d, &A4, 6, 17, 0, 1, A, 8, 100000));
	CHECK(defrag_stats(d)->timed_out == 5 && defrag_stats(d)->pending == 1);
	defrag_free(d);
}

static void test_memory(void)
{
	/* room for about two datagrams of 10000 bytes held (each byte held
	 * counts, and some bytes of bookkeeping per datagram and piece) */
	struct defrag *d = defrag_new(25000, 30);
	static uint8_t big[30000];
	memset(big, 'x', sizeof big);
	const struct defrag_stats *st = defrag_stats(d);
	CHECK(!feed(d, &A4, 1, 17, 0, 1, big, 10000, 1));
	CHECK(!feed(d, &A4, 2, 17, 0, 1, big, 10000, 2));
	CHECK(st->mem == 0);
	CHECK(!feed(d, &A4, 3, 17, 0, 1, big, 10000, 3));
	/* the oldest (1) was given up for 3 */
	CHECK(st->mem == 1 && st->pending == 2);
	CHECK(feed(d, &A4, 2, 17, 10000, 0, big, 8, 3) == 1 && outlen == 10008);
	CHECK(feed(d, &A4, 3, 17, 10000, 0, big, 8, 3) == 1 && outlen == 10008);
	/* 1's last fragment: a new datagram, incomplete */
	CHECK(!feed(d, &A4, 1, 17, 10000, 0, big, 8, 3));
	CHECK(st->datagrams == 2 && st->pending == 1);
	/* a fragment bigger than the bound: its datagram is given up alone */
	CHECK(!feed(d, &A4, 9, 17, 0, 1, big, 30000, 4));
	CHECK(st->mem == 2 && st->pending == 1);
	/* a datagram growing past the bound gives up the oldest first, and
	 * no more than needed */
	CHECK(!feed(d, &A6, 1, 17, 0, 1, big, 16, 5));
	CHECK(!feed(d, &A6, 2, 17, 0, 1, big, 12000, 6));
	CHECK(!feed(d, &A6, 2, 17, 12000, 1, big, 12504, 6));
	CHECK(st->mem == 3 && st->pending == 2);
	CHECK(feed(d, &A6, 2, 17, 24504, 0, big, 8, 6) == 1 && outlen == 24512);
	CHECK(feed(d, &A6, 1, 17, 16, 0, big, 8, 6) == 1 && outlen == 24);
	CHECK(st->pending == 0 && st->timed_out == 0 && st->bad == 0);
	defrag_free(d);

	/* the bound on the pieces of one datagram: 1024 fit, not 1025 */
	d = defrag_new((size_t)1 << 30, 30);
	uint8_t E[32] = { 0 };
	for (unsigned i = 0; i < 1024; i++)
		CHECK_QUIET(!feed(d, &A6, 1, 17, i * 16, 1, E, 8, 1));
	CHECK(defrag_stats(d)->mem == 0 && defrag_stats(d)->pending == 1);
	CHECK(!feed(d, &A6, 1, 17, 1024 * 16, 1, E, 8, 1));
	CHECK(defrag_stats(d)->mem == 1 && defrag_stats(d)->pending == 0);
	/* one that fills a hole between two pieces adds one, and can join */
	for (unsigned i = 0; i < 1023; i++)
		CHECK_QUIET(!feed(d, &A6, 2, 17, i * 16, 1, E, 8, 1));
	CHECK(!feed(d, &A6, 2, 17, 0, 1, E, 16, 1)); /* 1024 pieces */
	CHECK(!feed(d, &A6, 2, 17, 16, 1, E, 24, 1)); /* would be 1025 */
	CHECK(defrag_stats(d)->mem == 2 && defrag_stats(d)->pending == 0);
	defrag_free(d);

	/* the bound on the number of datagrams */
	d = defrag_new((size_t)1 << 30, 30);
	uint8_t A[8] = { 0 };
	struct addrs a = A4;
	for (uint32_t i = 0; i < 70000; i++) {
		a.src[2] = (uint8_t)(i >> 16);
		feed(d, &a, i & 0xffff, 17, 0, 1, A, 8, 1);
	}
	CHECK(defrag_stats(d)->pending == 65536 && defrag_stats(d)->mem == 70000 - 65536);
	defrag_free(d);
}

static void test_invalid(void)
{
	for (int v = 0; v < 2; v++) {
		const struct addrs *a = v ? &A6 : &A4;
		struct defrag *d = defrag_new(1 << 20, 30);
		static uint8_t big[70000];
		memset(big, 'y', sizeof big);
		const struct defrag_stats *st = defrag_stats(d);
		/* beyond 65535 */
		CHECK(!feed(d, a, 1, 17, 65528, 0, big, 16, 1));
		CHECK(st->bad == 1 && st->pending == 0);
		/* the rest of it is ignored, not a new datagram */
		CHECK(!feed(d, a, 1, 17, 0, 1, big, 8, 1));
		CHECK(st->ignored == 1 && st->pending == 0);
		/* two last fragments that disagree */
		CHECK(!feed(d, a, 2, 17, 16, 0, big, 8, 1));
		CHECK(!feed(d, a, 2, 17, 16, 0, big, 16, 1));
		CHECK(st->bad == 2);
		CHECK(!feed(d, a, 2, 17, 0, 1, big, 16, 1)); /* would have completed */
		CHECK(st->ignored == 2 && st->datagrams == 0);
		/* the same last fragment twice is fine */
		CHECK(!feed(d, a, 3, 17, 16, 0, big, 8, 1));
		CHECK(!feed(d, a, 3, 17, 16, 0, big, 8, 1));
		CHECK(feed(d, a, 3, 17, 0, 1, big, 16, 1) == 1 && outlen == 24);
		/* data beyond the known end */
		CHECK(!feed(d, a, 4, 17, 16, 0, big, 8, 1));
		CHECK(!feed(d, a, 4, 17, 24, 1, big, 8, 1));
		CHECK(st->bad == 3);
		/* a last fragment ending before data held */
		CHECK(!feed(d, a, 5, 17, 32, 1, big, 8, 1));
		CHECK(!feed(d, a, 5, 17, 8, 0, big, 8, 1));
		CHECK(st->bad == 4);
		/* a non-last fragment whose length is not a multiple of 8 */
		CHECK(!feed(d, a, 6, 17, 0, 1, big, 12, 1));
		CHECK(st->bad == 5);
		CHECK(!feed(d, a, 6, 17, 16, 0, big, 12, 1));
		CHECK(st->ignored == 3);
		/* an invalid fragment gives up a datagram under way */
		CHECK(!feed(d, a, 7, 17, 0, 1, big, 8, 1));
		CHECK(st->pending == 1);
		CHECK(!feed(d, a, 7, 17, 8, 1, big, 10, 1));
		CHECK(st->bad == 6 && st->pending == 0);
		/* not wholly captured */
		CHECK(!feed_cut(d, a, 8, 17, 0, 1, big, 800, 1, 1));
		CHECK(fx.is_frag && fx.frag_data.len == 799 && fx.frag_len == 800);
		CHECK(st->bad == 7);
		CHECK(!feed(d, a, 8, 17, 800, 0, big, 8, 1));
		CHECK(st->ignored == 4 && st->pending == 0 && st->datagrams == 1);
		/* dead records go at the timeout, silently */
		CHECK(!feed(d, a, 1, 17, 0, 1, big, 8, 100));
		CHECK(st->timed_out == 0 && st->pending == 1 && st->ignored == 4);
		defrag_free(d);
	}
}

static void test_max_size(void)
{
	for (int v = 0; v < 2; v++) {
		const struct addrs *a = v ? &A6 : &A4;
		struct defrag *d = defrag_new(1 << 20, 30);
		make_udp(65535, 20);
		unsigned ord[9];
		for (unsigned i = 0; i < 9; i++)
			ord[i] = 8 - i;
		/* 8 fragments of 8000 and one of 1535: exactly 65535 */
		CHECK(send_frags(d, a, 1, 65535, 8000, ord, 9, 1) == 1);
		CHECK(outlen == 65535 && memcmp(out, dgram, 65535) == 0);
		/* one byte more */
		make_udp(65536, 21);
		CHECK(send_frags(d, a, 2, 65536, 8000, ord, 9, 1) == 0);
		CHECK(defrag_stats(d)->bad == 1 && defrag_stats(d)->ignored == 8 &&
		      defrag_stats(d)->pending == 0);
		defrag_free(d);
	}
}

/* Random fragments against a model: first copy of each byte wins. */
static void test_random_model(void)
{
	static uint8_t model[65536], have[65536], data[65536];
	unsigned ok = 0, runs = 300;
	for (unsigned r = 0; r < runs; r++) {
		struct defrag *d = defrag_new(1 << 22, 30);
		const struct addrs *a = r & 1 ? &A6 : &A4;
		unsigned end = 9 + rnd(4000);
		memset(have, 0, end);
		unsigned got = 0, bytes_ok = 1, sent_last = 0, covered = 0;
		for (unsigned i = 0; i < 400 && !got; i++) {
			unsigned s = rnd((end + 7) / 8) * 8;
			unsigned len;
			int last = (rnd(8) == 0 || i == 399);
			if (last || s + 8 >= end) {
				if (s == 0) /* not a fragment: the last one is not at 0 */
					s = (end - 1) / 8 * 8;
				len = end - s;
				last = 1;
			} else {
				unsigned maxl = (end - s) / 8;
				len = (1 + rnd(maxl)) * 8;
				if (s + len >= end) {
					len = end - s;
					last = 1;
				}
			}
			for (unsigned k = 0; k < len; k++)
				data[k] = (uint8_t)rnd(256);
			for (unsigned k = 0; k < len; k++)
				if (!have[s + k]) {
					have[s + k] = 1;
					covered++;
					model[s + k] = data[k];
				}
			sent_last |= last;
			int c = feed(d, a, r, 17, s, !last, data, len, 1);
			unsigned full = covered == end;
			if (c != (int)(full && sent_last)) {
				bytes_ok = 0;
				break;
			}
			if (c) {
				got = 1;
				bytes_ok = outlen == end && memcmp(out, model, end) == 0;
			}
		}
		if (bytes_ok && got && defrag_stats(d)->bad == 0 && defrag_stats(d)->pending == 0)
			ok++;
		else if (!got && bytes_ok)
			ok++; /* never completed (unlikely): no wrong answer */
		defrag_free(d);
	}
	CHECK(ok == runs);
}

int main(void)
{
	test_decoder_facts();
	test_orders();
	test_duplicates();
	test_overlaps();
	test_interleaved();
	test_timeout();
	test_memory();
	test_invalid();
	test_max_size();
	test_random_model();
	printf("defrag: %u passed, %u failed\n", passed, failed);
	return failed != 0;
}
