/* stream_test.c - unit tests of the TCP reassembly in src/stream/stream.c:
 * segments fed as decoded facts, what the consumer receives checked byte
 * for byte (in-order, out-of-order, first copy wins, gaps, bounds, wrap,
 * midstream, FIN/RST, reuse, eviction, snap length). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/analyze/internal.h"
#include "../../src/stream/stream.h"

static int passed, failed;

#define CHECK(c, ...)                                          \
	do {                                                   \
		if (c) {                                       \
			passed++;                              \
		} else {                                       \
			failed++;                              \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                   \
			printf("\n");                          \
		}                                              \
	} while (0)

/* What the consumer saw, per direction: the bytes (gaps as '#'), the gap
 * list, opens and closes. */
struct rec {
	char buf[2][1 << 16];
	size_t len[2];
	int ngaps[2];
	uint64_t gap_off[2][16], gap_len[2][16];
	int opens, closes;
	int last_closed;
	unsigned last_reuse;
	int bad_offset;
};

static void r_open(void *ctx, struct stream *s)
{
	struct rec *r = ctx;
	(void)s;
	r->opens++;
}

static void r_data(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p, size_t n,
                   const struct stream_ts *ts)
{
	struct rec *r = ctx;
	(void)s;
	(void)ts;
	if (off != r->len[dir])
		r->bad_offset = 1;
	if (r->len[dir] + n <= sizeof r->buf[dir]) {
		memcpy(r->buf[dir] + r->len[dir], p, n);
		r->len[dir] += n;
	}
}

static void r_gap(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n,
                  const struct stream_ts *ts)
{
	struct rec *r = ctx;
	(void)s;
	(void)ts;
	if (off != r->len[dir])
		r->bad_offset = 1;
	if (r->ngaps[dir] < 16) {
		r->gap_off[dir][r->ngaps[dir]] = off;
		r->gap_len[dir][r->ngaps[dir]] = n;
		r->ngaps[dir]++;
	}
	for (uint64_t i = 0; i < n && r->len[dir] < sizeof r->buf[dir]; i++)
		r->buf[dir][r->len[dir]++] = '#';
}

static void r_close(void *ctx, struct stream *s)
{
	struct rec *r = ctx;
	r->closes++;
	r->last_closed = s->closed;
	r->last_reuse = s->reuse;
}

static void *slot;
static void **slot_fn(void *ctx, const struct facts *f)
{
	(void)ctx;
	(void)f;
	return &slot;
}

static struct streams *mk(struct rec *r, size_t flow_mem, size_t total_mem)
{
	memset(r, 0, sizeof *r);
	slot = NULL;
	struct stream_limits lim = { flow_mem, total_mem, 0, 0 };
	struct streams *st = streams_new(&lim, slot_fn, NULL);
	struct stream_consumer c = { r, r_open, r_data, r_gap, r_close, NULL };
	streams_add_consumer(st, &c);
	return st;
}

static uint64_t now;

/* dir 0: 10.0.0.1:40000 -> 10.0.0.2:80; dir 1 back. */
static void seg(struct streams *st, int dir, uint32_t seq, unsigned flags, const char *data,
                unsigned wire)
{
	struct facts f;
	memset(&f, 0, sizeof f);
	f.net = NET_IP4;
	f.addr_len = 4;
	uint8_t a[4] = { 10, 0, 0, 1 }, b[4] = { 10, 0, 0, 2 };
	memcpy(f.src, dir ? b : a, 4);
	memcpy(f.dst, dir ? a : b, 4);
	f.proto = 6;
	f.has_ports = f.has_tcp = 1;
	f.sport = dir ? 80 : 40000;
	f.dport = dir ? 40000 : 80;
	f.seq = seq;
	f.tcp_flags = (uint8_t)flags;
	size_t n = data ? strlen(data) : 0;
	f.payload = (struct bytes){ (const uint8_t *)data, (unsigned)n };
	f.payload_len = wire ? wire : (unsigned)n;
	f.sec = 1000 + now++;
	streams_packet(st, &f, &slot);
}

#define SYN 0x02
#define ACK 0x10
#define FIN 0x01
#define RST 0x04
#define PSH 0x18

static int is(const struct rec *r, int dir, const char *want)
{
	return r->len[dir] == strlen(want) && memcmp(r->buf[dir], want, r->len[dir]) == 0;
}

static void test_inorder(void)
{
	struct rec r;
	struct streams *st = mk(&r, 0, 0);
	seg(st, 0, 100, SYN, NULL, 0);
	seg(st, 1, 500, SYN | ACK, NULL, 0);
	seg(st, 0, 101, PSH, "hello ", 0);
	seg(st, 0, 107, PSH, "world", 0);
	seg(st, 1, 501, PSH, "ok", 0);
	seg(st, 0, 112, FIN | ACK, NULL, 0);
	CHECK(r.closes == 0, "closed after one FIN");
	seg(st, 1, 503, FIN | ACK, NULL, 0);
	CHECK(is(&r, 0, "hello world"), "dir0 %.*s", (int)r.len[0], r.buf[0]);
	CHECK(is(&r, 1, "ok"), "dir1");
	CHECK(r.closes == 1 && r.last_closed == STREAM_FIN, "closed %d why %d", r.closes, r.last_closed);
	CHECK(!r.bad_offset, "offsets");
	streams_finish(st);
	CHECK(r.closes == 1, "closed twice");
	streams_free(st);
}

static void test_ooo_overlap(void)
{
	struct rec r;
	struct streams *st = mk(&r, 0, 0);
	seg(st, 0, 0, SYN, NULL, 0);
	seg(st, 0, 7, PSH, "HIJ", 0);       /* 6..9 */
	seg(st, 0, 4, PSH, "DEF", 0);       /* 3..6 */
	seg(st, 0, 5, PSH, "xyzWV", 0);     /* 4..9: all held already: E F H I J win */
	seg(st, 0, 1, PSH, "AB", 0);        /* 0..2 */
	CHECK(is(&r, 0, "AB"), "before hole filled: %.*s", (int)r.len[0], r.buf[0]);
	seg(st, 0, 3, PSH, "Cq", 0);        /* 2..4: q overlaps D, D wins */
	CHECK(is(&r, 0, "ABCDEFHIJ"), "got %.*s", (int)r.len[0], r.buf[0]);
	const struct stream_stats *s = streams_stats(st);
	CHECK(s->retrans_differ >= 1, "retrans_differ %llu", (unsigned long long)s->retrans_differ);
	seg(st, 0, 1, PSH, "ZZZZ", 0);      /* all delivered already: dropped */
	CHECK(is(&r, 0, "ABCDEFHIJ"), "retransmission changed bytes");
	CHECK(s->retrans == 2, "retrans %llu", (unsigned long long)s->retrans);
	CHECK(!r.bad_offset, "offsets");
	streams_finish(st);
	streams_free(st);
}

static void test_gap(void)
{
	struct rec r;
	struct streams *st = mk(&r, 0, 0);
	seg(st, 0, 1000, SYN, NULL, 0);
	seg(st, 0, 1001, PSH, "aaaa", 0);
	seg(st, 0, 1009, PSH, "cccc", 0);   /* 4 missing */
	seg(st, 0, 1013, FIN | ACK, NULL, 0);
	CHECK(is(&r, 0, "aaaa"), "held until the end");
	streams_finish(st);
	CHECK(is(&r, 0, "aaaa####cccc"), "got %.*s", (int)r.len[0], r.buf[0]);
	CHECK(r.ngaps[0] == 1 && r.gap_off[0][0] == 4 && r.gap_len[0][0] == 4, "gap");
	CHECK(r.last_closed == STREAM_FIN, "one FIN then end: %d", r.last_closed);
	CHECK(!r.bad_offset, "offsets");
	streams_free(st);
}

static void test_wrap_midstream(void)
{
	struct rec r;
	struct streams *st = mk(&r, 0, 0);
	/* no SYN: the first data segment starts the stream, just before 2^32 */
	seg(st, 0, 0xfffffffcu, PSH, "1234", 0);
	seg(st, 0, 4, PSH, "9abc", 0);          /* after the wrap, ahead of 0..3 */
	seg(st, 0, 0, PSH, "5678", 0);
	CHECK(is(&r, 0, "123456789abc"), "got %.*s", (int)r.len[0], r.buf[0]);
	streams_finish(st);
	CHECK(r.last_closed == STREAM_END, "end");
	streams_free(st);
}

static void test_flow_mem(void)
{
	struct rec r;
	struct streams *st = mk(&r, 4096, 0);
	seg(st, 0, 0, SYN, NULL, 0);
	static char big[3000];
	memset(big, 'x', sizeof big - 1);
	seg(st, 0, 1 + 10, PSH, big, 0);        /* queued: ~3 KB */
	seg(st, 0, 1 + 10 + 2999, PSH, big, 0); /* passes 4 KB: the hole is given up */
	const struct stream_stats *s = streams_stats(st);
	CHECK(s->gap_flow_mem == 1, "forced gaps %llu", (unsigned long long)s->gap_flow_mem);
	CHECK(r.ngaps[0] == 1 && r.gap_off[0][0] == 0 && r.gap_len[0][0] == 10, "gap at 0 of 10");
	CHECK(r.len[0] == 10 + 2 * 2999, "delivered %zu", r.len[0]);
	CHECK(!r.bad_offset, "offsets");
	streams_finish(st);
	streams_free(st);
}

static void test_rst_reuse(void)
{
	struct rec r;
	struct streams *st = mk(&r, 0, 0);
	seg(st, 0, 100, SYN, NULL, 0);
	seg(st, 0, 101, PSH, "one", 0);
	seg(st, 1, 7, RST, NULL, 0);
	CHECK(r.closes == 1 && r.last_closed == STREAM_RST, "rst");
	seg(st, 0, 104, PSH, "late", 0);      /* after the end: ignored */
	CHECK(r.opens == 1, "late packet opened a stream");
	seg(st, 0, 9000, SYN, NULL, 0);       /* the 4-tuple again */
	CHECK(r.opens == 2, "reuse opens");
	seg(st, 0, 9001, PSH, "two", 0);
	streams_finish(st);
	CHECK(r.closes == 2 && r.last_reuse == 1, "reuse %u", r.last_reuse);
	CHECK(is(&r, 0, "onetwo"), "got %.*s", (int)r.len[0], r.buf[0]);
	streams_free(st);
}

static void test_snaplen(void)
{
	struct rec r;
	struct streams *st = mk(&r, 0, 0);
	seg(st, 0, 0, SYN, NULL, 0);
	seg(st, 0, 1, PSH, "abc", 10);  /* 10 on the wire, 3 captured */
	seg(st, 0, 11, PSH, "z", 0);
	CHECK(is(&r, 0, "abc#######z"), "got %.*s", (int)r.len[0], r.buf[0]);
	CHECK(streams_stats(st)->truncated == 1, "truncated");
	streams_finish(st);
	streams_free(st);
}

static void test_evict(void)
{
	struct rec r;
	struct streams *st = mk(&r, 0, 0);
	seg(st, 0, 0, SYN, NULL, 0);
	seg(st, 0, 5, PSH, "later", 0);
	void *ext = slot;
	slot = NULL;
	streams_evict(st, ext);
	CHECK(r.closes == 1 && r.last_closed == STREAM_EVICTED, "evicted");
	CHECK(r.ngaps[0] == 1 && is(&r, 0, "####later"), "flushed on eviction");
	CHECK(streams_stats(st)->evicted == 1, "counted");
	streams_finish(st);
	CHECK(r.closes == 1, "closed twice");
	streams_free(st);
}

/* The stream layer on the analyzer's flow table: a table of 2
 * conversations, 3 connections; the least recently seen one is evicted,
 * and its stream flushed and closed. */
static void **table_slot(void *ctx, const struct facts *f)
{
	return flows_slot(ctx, f);
}

static void table_seg(struct streams *st, struct flowtab *t, unsigned port, uint32_t seq,
                      unsigned flags, const char *data)
{
	struct facts f;
	memset(&f, 0, sizeof f);
	f.net = NET_IP4;
	f.addr_len = 4;
	uint8_t a[4] = { 10, 0, 0, 1 }, b[4] = { 10, 0, 0, 2 };
	memcpy(f.src, a, 4);
	memcpy(f.dst, b, 4);
	f.proto = 6;
	f.has_ports = f.has_tcp = 1;
	f.sport = (uint16_t)port;
	f.dport = 80;
	f.seq = seq;
	f.tcp_flags = (uint8_t)flags;
	size_t n = data ? strlen(data) : 0;
	f.payload = (struct bytes){ (const uint8_t *)data, (unsigned)n };
	f.payload_len = (unsigned)n;
	f.sec = 2000 + now++;
	streams_packet(st, &f, flows_add(t, &f));
}

static void test_flow_table(void)
{
	struct rec r;
	memset(&r, 0, sizeof r);
	struct flowtab *t = flows_new(2);
	struct stream_limits lim = { 0, 0, 0, 0 };
	struct streams *st = streams_new(&lim, table_slot, t);
	struct stream_consumer c = { &r, r_open, r_data, r_gap, r_close, NULL };
	streams_add_consumer(st, &c);
	flows_on_evict(t, streams_evict, st);
	table_seg(st, t, 1001, 0, SYN, NULL);
	table_seg(st, t, 1001, 5, PSH, "held"); /* queued behind a hole */
	table_seg(st, t, 1002, 0, SYN, NULL);
	CHECK(r.opens == 2 && r.closes == 0, "two open");
	table_seg(st, t, 1003, 0, SYN, NULL); /* evicts 1001 */
	CHECK(r.opens == 3 && r.closes == 1 && r.last_closed == STREAM_EVICTED, "evicted: %d %d",
	      r.closes, r.last_closed);
	CHECK(is(&r, 0, "####held"), "flushed: %.*s", (int)r.len[0], r.buf[0]);
	CHECK(streams_stats(st)->evicted == 1, "counted");
	streams_finish(st);
	CHECK(r.closes == 3, "all closed at the end: %d", r.closes);
	streams_free(st);
	flows_free(t);
}

int main(void)
{
	test_inorder();
	test_ooo_overlap();
	test_gap();
	test_wrap_midstream();
	test_flow_mem();
	test_rst_reuse();
	test_snaplen();
	test_evict();
	test_flow_table();
	printf("stream: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
