/* fuzz_stream.c - libFuzzer harness for the stream layer (src/stream/:
 * IP defragmentation, TCP reassembly, UDP), as the analyzer drives it.
 *
 * Input layout: byte 0 picks the limits (small ones, so that the bounds,
 * gaps, evictions and fragment timeouts are reached); then records, each
 *   [sel][len_hi][len_lo][len bytes of one captured packet]
 * sel: bits 0-2 the link type, bits 3-4 the time step before the packet
 * (0, 1 µs, 1 s, 40 s), bit 5 the packet was longer on the wire than
 * captured, bit 6 the flow table evicts the packet's conversation first.
 * Each packet (a private copy, freed after the call, so that a pointer kept
 * into it is caught) is decoded and fed with its slot from a tiny fake flow
 * table (64 slots; a conversation hashing onto a slot held by another
 * evicts it, as the analyzer's table evicts).
 *
 * Two consumers check the layer's promises: every stream is opened once
 * and closed once; the data and gap calls of a direction follow each other
 * without a hole or an overlap, from offset 0; what they report adds up to
 * the stream's and the layer's counters.  A third is --follow's (text, hex
 * or JSON by the input's length), writing to /dev/null. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>

#include "../../src/analyze/decode.h"
#include "../../src/core/out.h"
#include "../../src/session/session.h"
#include "../../src/stream/follow.h"
#include "../../src/stream/stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int dlts[8] = { 1, 0, 108, 101, 228, 229, 113, 276 };

#define NSLOTS 64
#define MAX_RECORDS 4096

struct fkey {
	uint8_t net, alen, proto;
	uint8_t a[16], b[16];
	uint16_t pa, pb;
};

struct fslot {
	int used;
	struct fkey k;
	void *ext;
};

struct tracker {
	uint64_t next[2];    /* the offset the next call of each direction must have */
	uint64_t data[2], gaps[2]; /* bytes reported */
	int consumer;
};

struct harness {
	struct streams *st;
	struct fslot slot[NSLOTS];
	uint64_t opens[2], closes[2];
	uint64_t bytes[2], gap_bytes[2];
	int finished;        /* after streams_finish: nothing may come but through free */
};

#define REQUIRE(c)                                                                \
	do {                                                                      \
		if (!(c)) {                                                       \
			fprintf(stderr, "fuzz_stream: %s:%d: broken: %s\n", __FILE__, \
			        __LINE__, #c);                                    \
			abort();                                                  \
		}                                                                 \
	} while (0)

/* ---- the fake flow table ----------------------------------------------- */

static int make_key(struct fkey *k, const struct facts *f)
{
	memset(k, 0, sizeof *k);
	if ((f->net != NET_IP4 && f->net != NET_IP6) || (f->addr_len != 4 && f->addr_len != 16))
		return -1;
	k->net = f->net;
	k->alen = f->addr_len;
	k->proto = f->proto;
	unsigned sp = f->has_ports ? f->sport : 0, dp = f->has_ports ? f->dport : 0;
	int c = memcmp(f->src, f->dst, f->addr_len);
	if (c > 0 || (c == 0 && sp > dp)) {
		memcpy(k->a, f->dst, f->addr_len);
		memcpy(k->b, f->src, f->addr_len);
		k->pa = (uint16_t)dp;
		k->pb = (uint16_t)sp;
	} else {
		memcpy(k->a, f->src, f->addr_len);
		memcpy(k->b, f->dst, f->addr_len);
		k->pa = (uint16_t)sp;
		k->pb = (uint16_t)dp;
	}
	return 0;
}

static unsigned key_slot(const struct fkey *k)
{
	const uint8_t *p = (const uint8_t *)k;
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < sizeof *k; i++)
		h = (h ^ p[i]) * 16777619u;
	return h % NSLOTS;
}

static void evict_slot(struct harness *H, struct fslot *s)
{
	if (s->ext)
		streams_evict(H->st, s->ext);
	s->ext = NULL;
	s->used = 0;
}

static void **slot_of(void *ctx, const struct facts *f)
{
	struct harness *H = ctx;
	struct fkey k;
	if (make_key(&k, f) < 0)
		return NULL;
	struct fslot *s = &H->slot[key_slot(&k)];
	if (s->used && memcmp(&s->k, &k, sizeof k) != 0)
		evict_slot(H, s);
	if (!s->used) {
		s->used = 1;
		s->k = k;
		s->ext = NULL;
	}
	return &s->ext;
}

/* ---- the checking consumers ------------------------------------------- */

struct cctx {
	struct harness *H;
	int k;               /* its slot in stream.user[] */
	int full;            /* takes data and gaps too */
};

static void c_open(void *ctx, struct stream *s)
{
	struct cctx *c = ctx;
	REQUIRE(!c->H->finished);
	REQUIRE(s->user[c->k] == NULL);
	REQUIRE(s->closed == STREAM_OPEN);
	REQUIRE(s->proto == 6 || s->proto == 17);
	REQUIRE(s->alen == 4 || s->alen == 16);
	struct tracker *t = calloc(1, sizeof *t);
	REQUIRE(t != NULL);
	t->consumer = c->k;
	s->user[c->k] = t;
	c->H->opens[c->k]++;
}

static void check_side(const struct stream *s, int dir, uint64_t off)
{
	/* offsets count delivered bytes and declared gaps alike */
	REQUIRE(s->side[dir].bytes + s->side[dir].gap_bytes == off);
}

static void c_data(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p,
                   size_t n, const struct stream_ts *ts)
{
	struct cctx *c = ctx;
	struct tracker *t = s->user[c->k];
	REQUIRE(t != NULL);
	REQUIRE(dir == 0 || dir == 1);
	REQUIRE(s->closed == STREAM_OPEN);
	REQUIRE(n > 0 && p != NULL && ts != NULL);
	REQUIRE(off == t->next[dir]);
	check_side(s, dir, off);
	if (s->proto == 17)
		REQUIRE(s->side[dir].gaps == 0);
	/* every byte must be readable (ASan checks) */
	volatile uint8_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum ^= p[i];
	(void)sum;
	t->next[dir] += n;
	t->data[dir] += n;
	c->H->bytes[c->k] += n;
}

static void c_gap(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n,
                  const struct stream_ts *ts)
{
	struct cctx *c = ctx;
	struct tracker *t = s->user[c->k];
	REQUIRE(t != NULL);
	REQUIRE(dir == 0 || dir == 1);
	REQUIRE(s->proto == 6); /* UDP has no gaps */
	REQUIRE(n > 0 && ts != NULL);
	REQUIRE(off == t->next[dir]);
	check_side(s, dir, off);
	REQUIRE(t->next[dir] + n > t->next[dir]); /* no wrap */
	t->next[dir] += n;
	t->gaps[dir] += n;
	c->H->gap_bytes[c->k] += n;
}

static void c_close(void *ctx, struct stream *s)
{
	struct cctx *c = ctx;
	struct tracker *t = s->user[c->k];
	REQUIRE(t != NULL);
	REQUIRE(s->closed > STREAM_OPEN && s->closed <= STREAM_END);
	for (int dir = 0; dir < 2 && c->full; dir++) {
		REQUIRE(s->side[dir].bytes == t->data[dir]);
		REQUIRE(s->side[dir].gap_bytes == t->gaps[dir]);
	}
	free(t);
	s->user[c->k] = NULL;
	c->H->closes[c->k]++;
}

/* ---- the run ----------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const size_t flow_mem[4] = { 64, 1000, 16384, (size_t)1 << 20 };
	static const size_t total_mem[4] = { 128, 3000, 65536, (size_t)4 << 20 };
	static const size_t frag_mem[4] = { 100, 2000, 65536, (size_t)4 << 20 };
	static const unsigned frag_timeout[2] = { 1, 30 };
	unsigned cfg = data[0];
	struct stream_limits lim = {
		.flow_mem = flow_mem[cfg & 3],
		.total_mem = total_mem[(cfg >> 2) & 3],
		.frag_mem = frag_mem[(cfg >> 4) & 3],
		.frag_timeout = frag_timeout[(cfg >> 6) & 1],
	};
	static struct out out;
	static int ready;
	if (!ready) {
		out_init(&out, open("/dev/null", O_WRONLY));
		ready = 1;
	}
	struct harness H;
	memset(&H, 0, sizeof H);
	H.st = streams_new(&lim, slot_of, &H);
	if (!H.st)
		return 0;
	/* with bit 7, consumer 1 wants only opens and closes */
	struct cctx cc[2] = { { &H, 0, 1 }, { &H, 1, !(cfg & 0x80) } };
	for (int i = 0; i < 2; i++) {
		struct stream_consumer c = { .ctx = &cc[i], .open = c_open,
		                             .data = cc[i].full ? c_data : NULL,
		                             .gap = cc[i].full ? c_gap : NULL, .close = c_close };
		int k = streams_add_consumer(H.st, &c);
		REQUIRE(k == i);
		cc[i].k = k;
	}
	static const enum follow_mode modes[3] = { FOLLOW_ASCII, FOLLOW_HEX, FOLLOW_JSON };
	struct follow *fw = follow_new(&out, modes[size % 3], (int)(size & 8));
	if (fw) {
		struct stream_consumer c;
		follow_consumer(fw, &c);
		REQUIRE(streams_add_consumer(H.st, &c) == 2);
	}
	/* and --sessions' parsers, text or EVE JSON */
	char serr[256];
	struct sessions *se = sessions_new(&out, (int)(size & 16), (int)(size & 8), NULL, serr,
	                                   sizeof serr);
	if (se) {
		struct stream_consumer c;
		sessions_consumer(se, &c);
		int k = streams_add_consumer(H.st, &c);
		REQUIRE(k == 3);
		sessions_set_slot(se, k);
	}

	uint64_t sec = 1000000000u;
	uint32_t usec = 0;
	size_t o = 1;
	struct facts *f = malloc(sizeof *f);
	REQUIRE(f != NULL);
	for (unsigned r = 0; r < MAX_RECORDS && o + 3 <= size; r++) {
		unsigned sel = data[o];
		size_t len = (size_t)data[o + 1] << 8 | data[o + 2];
		o += 3;
		if (len > size - o)
			len = size - o;
		switch ((sel >> 3) & 3) {
		case 0: break;
		case 1:
			if (++usec == 1000000) {
				usec = 0;
				sec++;
			}
			break;
		case 2: sec += 1; break;
		default: sec += 40; break;
		}
		uint8_t *pkt = malloc(len ? len : 1);
		REQUIRE(pkt != NULL);
		memcpy(pkt, data + o, len);
		o += len;
		unsigned wire = (unsigned)len + (sel & 0x20 ? 10 : 0);
		decode_packet(f, dlts[sel & 7], pkt, (unsigned)len, wire);
		f->sec = sec;
		f->frac = usec;
		if (sel & 0x40) { /* the table needs the room */
			struct fkey k;
			if (make_key(&k, f) == 0)
				evict_slot(&H, &H.slot[key_slot(&k)]);
		}
		void **slot = slot_of(&H, f);
		streams_packet(H.st, f, slot);
		free(pkt);
	}
	free(f);
	streams_finish(H.st);
	H.finished = 1;
	const struct stream_stats *ss = streams_stats(H.st);
	for (int i = 0; i < 2; i++) {
		REQUIRE(H.opens[i] == H.closes[i]);
		REQUIRE(!cc[i].full || H.bytes[i] == ss->bytes);
		REQUIRE(!cc[i].full || H.gap_bytes[i] == ss->gap_bytes);
	}
	REQUIRE(H.opens[0] == ss->tcp_streams + ss->udp_streams);
	/* each datagram completed or given up, and each fragment refused,
	 * owns a fragment of its own */
	REQUIRE(ss->frag_datagrams + ss->frag_timeout + ss->frag_mem + ss->frag_bad <=
	        ss->frag_fragments);
	REQUIRE(ss->frag_overlaps <= ss->frag_fragments);
	static int verbose = -1;
	if (verbose < 0)
		verbose = getenv("FUZZ_STREAM_VERBOSE") != NULL;
	if (verbose)
		fprintf(stderr, "fuzz_stream: %llu tcp %llu udp, %llu bytes, %llu gaps (%llu bytes); "
		        "fragments %llu, datagrams %llu, given up %llu/%llu/%llu, overlaps %llu\n",
		        (unsigned long long)ss->tcp_streams, (unsigned long long)ss->udp_streams,
		        (unsigned long long)ss->bytes, (unsigned long long)ss->gaps,
		        (unsigned long long)ss->gap_bytes, (unsigned long long)ss->frag_fragments,
		        (unsigned long long)ss->frag_datagrams, (unsigned long long)ss->frag_timeout,
		        (unsigned long long)ss->frag_mem, (unsigned long long)ss->frag_bad,
		        (unsigned long long)ss->frag_overlaps);
	/* the fake table's slots point into the layer: drop them first */
	streams_free(H.st);
	REQUIRE(H.opens[0] == H.closes[0] && H.opens[1] == H.closes[1]);
	follow_free(fw);
	if (se)
		sessions_finish(se, serr, sizeof serr);
	sessions_free(se);
	out_flush(&out);
	return 0;
}
