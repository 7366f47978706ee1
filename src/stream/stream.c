/* stream.c - TCP reassembly and the stream layer's dispatch (see stream.h).
 *
 * Per direction the state is a base sequence number (the one at offset 0),
 * the next expected offset, and a queue of out-of-order pieces sorted by
 * offset that never overlap each other: a piece is cut against what is
 * already queued before it goes in, which is how the first copy of a byte
 * wins.  In-order bytes are handed to the consumers straight from the
 * packet, without a copy; only what arrives ahead of a hole is copied. */
#include "stream.h"

#include <stdlib.h>
#include <string.h>

#include "defrag.h"

/* Queued pieces per direction at most: bounds the insertion walk, which a
 * flood of tiny segments would otherwise make quadratic. */
#define SEGS_MAX 4096

struct seg {
	struct seg *next;
	uint64_t off;
	uint32_t len;
	uint8_t data[];
};

struct dirstate {
	uint8_t started;    /* base is known */
	uint8_t done;       /* FIN reached: every byte before it delivered */
	uint8_t has_fin;
	uint32_t base;      /* sequence number of offset 0 */
	uint64_t next;      /* offset of the next byte to deliver */
	uint64_t fin_off;   /* offset of the FIN when has_fin */
	struct seg *q;
	size_t qbytes;      /* memory the queue holds, headers included */
	unsigned qsegs;
};

struct sflow {
	struct stream s;          /* what consumers see */
	struct dirstate d[2];
	struct sflow *prev, *next;   /* every sflow the layer owns */
	struct sflow *qprev, *qnext; /* those with something queued, oldest first */
	uint8_t inq;
	uint8_t ended;            /* closed; kept to absorb late packets */
	uint32_t isn[2];          /* SYN sequence numbers seen (for reuse) */
	uint8_t has_isn[2];
};

struct streams {
	struct stream_limits lim;
	stream_slot_fn slot;
	void *slot_ctx;
	struct stream_consumer c[STREAM_CONSUMERS_MAX];
	int nc;
	struct sflow *all;        /* list head */
	struct sflow *qhead, *qtail;
	size_t qbytes;            /* all queues */
	uint64_t next_id;
	struct defrag *defrag;
	struct stream_stats st;
};

struct streams *streams_new(const struct stream_limits *lim, stream_slot_fn slot, void *slot_ctx)
{
	struct streams *st = calloc(1, sizeof *st);
	if (!st)
		return NULL;
	st->lim = *lim;
	if (!st->lim.flow_mem)
		st->lim.flow_mem = STREAM_FLOW_MEM_DEFAULT;
	if (!st->lim.total_mem)
		st->lim.total_mem = STREAM_TOTAL_MEM_DEFAULT;
	if (!st->lim.frag_mem)
		st->lim.frag_mem = STREAM_FRAG_MEM_DEFAULT;
	if (!st->lim.frag_timeout)
		st->lim.frag_timeout = STREAM_FRAG_TIMEOUT_DEFAULT;
	st->slot = slot;
	st->slot_ctx = slot_ctx;
	st->defrag = defrag_new(st->lim.frag_mem, st->lim.frag_timeout);
	if (!st->defrag) {
		free(st);
		return NULL;
	}
	return st;
}

int streams_add_consumer(struct streams *st, const struct stream_consumer *c)
{
	if (st->nc >= STREAM_CONSUMERS_MAX)
		return -1;
	st->c[st->nc] = *c;
	return st->nc++;
}

const struct stream_stats *streams_stats(const struct streams *st)
{
	return &st->st;
}

/* ---- the queue-holders list (for the total memory bound) -------------- */

static void q_link(struct streams *st, struct sflow *sf)
{
	if (sf->inq)
		return;
	sf->inq = 1;
	sf->qnext = NULL;
	sf->qprev = st->qtail;
	if (st->qtail)
		st->qtail->qnext = sf;
	else
		st->qhead = sf;
	st->qtail = sf;
}

static void q_unlink(struct streams *st, struct sflow *sf)
{
	if (!sf->inq)
		return;
	sf->inq = 0;
	if (sf->qprev)
		sf->qprev->qnext = sf->qnext;
	else
		st->qhead = sf->qnext;
	if (sf->qnext)
		sf->qnext->qprev = sf->qprev;
	else
		st->qtail = sf->qprev;
	sf->qprev = sf->qnext = NULL;
}

/* ---- delivery ----------------------------------------------------------- */

static void deliver(struct streams *st, struct sflow *sf, int dir, const uint8_t *p, size_t n,
                    const struct stream_ts *ts)
{
	struct dirstate *d = &sf->d[dir];
	if (!n)
		return;
	for (int i = 0; i < st->nc; i++)
		if (st->c[i].data)
			st->c[i].data(st->c[i].ctx, &sf->s, dir, d->next, p, n, ts);
	d->next += n;
	sf->s.side[dir].bytes += n;
	st->st.bytes += n;
}

static void declare_gap(struct streams *st, struct sflow *sf, int dir, uint64_t n,
                        const struct stream_ts *ts)
{
	struct dirstate *d = &sf->d[dir];
	if (!n)
		return;
	for (int i = 0; i < st->nc; i++)
		if (st->c[i].gap)
			st->c[i].gap(st->c[i].ctx, &sf->s, dir, d->next, n, ts);
	d->next += n;
	sf->s.side[dir].gaps++;
	sf->s.side[dir].gap_bytes += n;
	st->st.gaps++;
	st->st.gap_bytes += n;
}

static void seg_free(struct streams *st, struct dirstate *d, struct seg *x)
{
	size_t sz = sizeof *x + x->len;
	d->qbytes -= sz;
	d->qsegs--;
	st->qbytes -= sz;
	free(x);
}

/* Delivers the queued pieces that now continue the stream. */
static void drain(struct streams *st, struct sflow *sf, int dir, const struct stream_ts *ts)
{
	struct dirstate *d = &sf->d[dir];
	struct seg *x;
	while ((x = d->q) != NULL && x->off <= d->next) {
		uint64_t end = x->off + x->len;
		if (end > d->next)
			deliver(st, sf, dir, x->data + (d->next - x->off), (size_t)(end - d->next), ts);
		d->q = x->next;
		seg_free(st, d, x);
	}
}

/* Gives up waiting: each hole before queued data becomes a gap. */
static void flush_dir(struct streams *st, struct sflow *sf, int dir, const struct stream_ts *ts)
{
	struct dirstate *d = &sf->d[dir];
	while (d->q) {
		if (d->q->off > d->next)
			declare_gap(st, sf, dir, d->q->off - d->next, ts);
		drain(st, sf, dir, ts);
	}
}

static void flush_all(struct streams *st, struct sflow *sf, const struct stream_ts *ts)
{
	flush_dir(st, sf, 0, ts);
	flush_dir(st, sf, 1, ts);
	q_unlink(st, sf);
}

static void check_fin(struct sflow *sf, int dir)
{
	struct dirstate *d = &sf->d[dir];
	if (d->has_fin && !d->done && d->next >= d->fin_off && !d->q)
		d->done = 1;
}

/* ---- streams' life ------------------------------------------------------ */

static void close_stream(struct streams *st, struct sflow *sf, enum stream_close why)
{
	if (sf->ended)
		return;
	struct stream_ts ts = sf->s.last;
	flush_all(st, sf, &ts);
	/* bytes missing before a FIN are missing for good */
	for (int dir = 0; dir < 2; dir++) {
		struct dirstate *d = &sf->d[dir];
		if (d->has_fin && d->fin_off > d->next)
			declare_gap(st, sf, dir, d->fin_off - d->next, &ts);
	}
	sf->ended = 1;
	sf->s.closed = (uint8_t)why;
	for (int i = 0; i < st->nc; i++)
		if (st->c[i].close)
			st->c[i].close(st->c[i].ctx, &sf->s);
}

static void unlink_free(struct streams *st, struct sflow *sf)
{
	q_unlink(st, sf);
	for (int k = 0; k < 2; k++) {
		struct seg *x = sf->d[k].q;
		while (x) {
			struct seg *n = x->next;
			seg_free(st, &sf->d[k], x);
			x = n;
		}
		sf->d[k].q = NULL;
	}
	if (sf->prev)
		sf->prev->next = sf->next;
	else
		st->all = sf->next;
	if (sf->next)
		sf->next->prev = sf->prev;
	free(sf);
}

static struct sflow *open_stream(struct streams *st, const struct facts *f, unsigned reuse)
{
	struct sflow *sf = calloc(1, sizeof *sf);
	if (!sf)
		return NULL;
	struct stream *s = &sf->s;
	s->id = st->next_id++;
	s->proto = f->proto;
	s->alen = f->addr_len;
	s->reuse = reuse;
	/* as tcpflow names files: the outermost 802.1Q tag whole (priority
	 * bits included); none under an 802.1ad (0x88a8) outer tag */
	if (f->nvlan && f->vlan_tpid != 0x88a8) {
		s->has_vlan = 1;
		s->vlan = f->vlan_tci;
	}
	/* side 0 is the client: the sender of a SYN, the receiver of a
	 * SYN/ACK, the side not on a well-known port, else the first sender */
	int fromsrv = 0;
	if (f->has_tcp && (f->tcp_flags & 0x12) == 0x12)
		fromsrv = 1;
	else if (!(f->has_tcp && (f->tcp_flags & 0x12) == 0x02) && f->sport < 1024 && f->dport >= 1024)
		fromsrv = 1;
	struct stream_side *c = &s->side[fromsrv], *v = &s->side[!fromsrv];
	memcpy(c->addr, f->src, f->addr_len);
	c->port = f->sport;
	memcpy(v->addr, f->dst, f->addr_len);
	v->port = f->dport;
	s->first.sec = f->sec;
	s->first.frac = f->frac;
	sf->next = st->all;
	if (st->all)
		st->all->prev = sf;
	st->all = sf;
	if (f->proto == 6)
		st->st.tcp_streams++;
	else
		st->st.udp_streams++;
	for (int i = 0; i < st->nc; i++)
		if (st->c[i].open)
			st->c[i].open(st->c[i].ctx, s);
	return sf;
}

static int direction(const struct sflow *sf, const struct facts *f)
{
	const struct stream_side *c = &sf->s.side[0];
	if (c->port == f->sport && memcmp(c->addr, f->src, sf->s.alen) == 0 &&
	    (sf->s.side[1].port == f->dport && memcmp(sf->s.side[1].addr, f->dst, sf->s.alen) == 0))
		return 0;
	return 1;
}

/* ---- TCP ---------------------------------------------------------------- */

static void maybe_close(struct streams *st, struct sflow *sf)
{
	check_fin(sf, 0);
	check_fin(sf, 1);
	if (sf->d[0].done && sf->d[1].done)
		close_stream(st, sf, STREAM_FIN);
}

/* Gives up the first hole of a direction's queue (a gap) and delivers
 * what follows it. */
static void flush_one(struct streams *st, struct sflow *sf, int dir, const struct stream_ts *ts)
{
	struct dirstate *d = &sf->d[dir];
	if (!d->q)
		return;
	if (d->q->off > d->next)
		declare_gap(st, sf, dir, d->q->off - d->next, ts);
	drain(st, sf, dir, ts);
}

/* Queues [off, off+n) of p, keeping only the bytes no queued piece has
 * (the first copy wins; counted says whether the segment is counted in
 * the statistics), then holds the queues to their bounds: the
 * direction's own first, then, oldest first, everybody's.  The new piece
 * is queued before the bounds are enforced, so that a forced gap never
 * covers bytes we hold. */
static void enqueue(struct streams *st, struct sflow *sf, int dir, uint64_t off, const uint8_t *p,
                    size_t n, const struct stream_ts *ts, int counted)
{
	struct dirstate *d = &sf->d[dir];
	uint64_t s = off, e = off + n;
	int overlapped = 0, differ = 0, added = 0;
	struct seg **pp = &d->q;
	while (s < e) {
		struct seg *x = *pp;
		if (x && x->off + x->len <= s) {
			pp = &x->next;
			continue;
		}
		if (x && x->off <= s) { /* s lies inside x: x's bytes win */
			uint64_t xe = x->off + x->len, oe = xe < e ? xe : e;
			overlapped = 1;
			if (memcmp(x->data + (s - x->off), p + (s - off), (size_t)(oe - s)))
				differ = 1;
			s = oe;
			pp = &x->next;
			continue;
		}
		uint64_t stop = x && x->off < e ? x->off : e;
		size_t len = (size_t)(stop - s), sz = sizeof(struct seg) + len;
		struct seg *y = malloc(sz);
		if (!y)
			break;
		y->off = s;
		y->len = (uint32_t)len;
		memcpy(y->data, p + (s - off), len);
		y->next = x;
		*pp = y;
		d->qbytes += sz;
		d->qsegs++;
		st->qbytes += sz;
		added = 1;
		pp = &y->next;
		s = stop;
	}
	if (added)
		q_link(st, sf);
	if (counted) { /* not for the rest of a segment whose front was delivered */
		if (!added)
			st->st.retrans++;
		else if (overlapped)
			st->st.overlaps++;
		else
			st->st.out_of_order++;
	}
	if (differ)
		st->st.retrans_differ++;
	drain(st, sf, dir, ts);
	uint64_t g = st->st.gaps;
	while (d->q && (d->qbytes > st->lim.flow_mem || d->qsegs > SEGS_MAX))
		flush_one(st, sf, dir, ts);
	st->st.gap_flow_mem += st->st.gaps - g;
	g = st->st.gaps;
	while (st->qbytes > st->lim.total_mem && st->qhead) {
		struct sflow *o = st->qhead;
		flush_all(st, o, ts);
		if (o != sf)
			maybe_close(st, o);
	}
	st->st.gap_total_mem += st->st.gaps - g;
	if (!sf->d[0].q && !sf->d[1].q)
		q_unlink(st, sf);
}

static void tcp_segment(struct streams *st, struct sflow *sf, int dir, const struct facts *f)
{
	struct dirstate *d = &sf->d[dir];
	struct stream_side *side = &sf->s.side[dir];
	struct stream_ts ts = { f->sec, f->frac };
	unsigned fl = f->tcp_flags;
	uint32_t seq = f->seq;
	if (fl & 0x02) { /* SYN */
		side->syn = 1;
		/* the first SYN, or a repeated one with a new sequence number
		 * before any data: offsets count from it */
		if (!d->started || (d->next == 0 && !d->q)) {
			d->started = 1;
			d->base = seq + 1;
			d->next = 0;
		}
		seq++;
	}
	size_t n = f->payload.len;
	unsigned wire = f->payload_len;
	if (n > wire)
		n = wire;
	if (!d->started) {
		if (!wire && !(fl & 0x01)) {
			/* a bare ACK says nothing about where data starts */
			if (fl & 0x04) {
				side->rst = 1;
				close_stream(st, sf, STREAM_RST);
			}
			return;
		}
		d->started = 1;
		d->base = seq;
		d->next = 0;
		if (wire)
			sf->s.midstream = 1;
	}
	if (wire) {
		if (!side->data_pkts)
			side->first = ts;
		side->last = ts;
		side->data_pkts++;
	}
	/* the segment's offset: next, moved by the signed sequence distance */
	int64_t start = (int64_t)d->next + (int32_t)(seq - (d->base + (uint32_t)d->next));
	int64_t wend = start + (int64_t)wire;
	if (fl & 0x01) { /* FIN: after this segment's bytes */
		side->fin = 1;
		if (!d->has_fin && wend >= 0) {
			d->has_fin = 1;
			d->fin_off = (uint64_t)wend;
		}
	}
	if (wire && n < wire)
		st->st.truncated++;
	if (n) {
		const uint8_t *p = f->payload.p;
		int64_t end = start + (int64_t)n;
		if (end <= (int64_t)d->next) {
			st->st.retrans++;
		} else {
			if (start < (int64_t)d->next) { /* part of it delivered already */
				size_t cut = (size_t)((int64_t)d->next - start);
				p += cut;
				n -= cut;
				start = (int64_t)d->next;
				st->st.overlaps++;
			}
			if ((uint64_t)start == d->next) {
				/* straight from the packet up to the first queued
				 * piece, whose bytes came first and win */
				size_t direct = n;
				if (d->q && d->q->off < (uint64_t)start + n)
					direct = (size_t)(d->q->off - (uint64_t)start);
				deliver(st, sf, dir, p, direct, &ts);
				if (direct < n) {
					enqueue(st, sf, dir, d->next, p + direct, n - direct, &ts, 0);
				} else {
					/* bytes cut off by the snap length are lost for good */
					uint64_t ge = (uint64_t)wend;
					if (d->q && d->q->off < ge)
						ge = d->q->off;
					if (ge > d->next)
						declare_gap(st, sf, dir, ge - d->next, &ts);
					drain(st, sf, dir, &ts);
				}
				if (!d->q && !sf->d[!dir].q)
					q_unlink(st, sf);
			} else {
				enqueue(st, sf, dir, (uint64_t)start, p, n, &ts, 1);
			}
		}
	}
	if (fl & 0x04) { /* RST: after its payload, which some stacks fill */
		side->rst = 1;
		close_stream(st, sf, STREAM_RST);
		return;
	}
	maybe_close(st, sf);
}

/* ---- entry points ------------------------------------------------------- */

/* The defragmenter's counters, copied into the layer's. */
static void frag_stats(struct streams *st)
{
	const struct defrag_stats *d = defrag_stats(st->defrag);
	st->st.frag_fragments = d->fragments;
	st->st.frag_datagrams = d->datagrams;
	st->st.frag_timeout = d->timed_out;
	st->st.frag_mem = d->mem;
	st->st.frag_bad = d->bad;
	st->st.frag_overlaps = d->overlaps;
}

static void tell_packet(struct streams *st, struct sflow *sf, int dir, const struct facts *f)
{
	for (int i = 0; i < st->nc; i++)
		if (st->c[i].packet)
			st->c[i].packet(st->c[i].ctx, &sf->s, dir, f);
}

int streams_packet(struct streams *st, struct facts *f, void **slot)
{
	if (f->is_frag) {
		const uint8_t *dp;
		unsigned dl;
		int done = defrag_add(st->defrag, f, &dp, &dl);
		frag_stats(st);
		if (!done)
			return 0;
		decode_datagram(f, f->frag_proto, dp, dl);
		slot = st->slot ? st->slot(st->slot_ctx, f) : NULL;
	}
	if (!slot || !f->has_ports || (f->proto != 6 && f->proto != 17))
		return 0;
	struct sflow *sf = *slot;
	if (sf && sf->s.alen != f->addr_len)
		return 0; /* not ours: cannot happen with the flow table's keys */
	if (f->proto == 6) {
		int syn = (f->tcp_flags & 0x12) == 0x02;
		if (sf && sf->ended) {
			if (!syn)
				return 0; /* late packets of a closed connection */
			unsigned reuse = sf->s.reuse + 1;
			unlink_free(st, sf);
			*slot = sf = open_stream(st, f, reuse);
		} else if (sf && syn) {
			int dir = direction(sf, f);
			if (sf->has_isn[dir] && sf->isn[dir] != f->seq &&
			    (sf->d[0].next || sf->d[1].next)) {
				/* a new connection on the 4-tuple without a close */
				unsigned reuse = sf->s.reuse + 1;
				close_stream(st, sf, STREAM_REUSED);
				unlink_free(st, sf);
				*slot = sf = open_stream(st, f, reuse);
			}
		}
		if (!sf) {
			if (!f->payload_len && !(f->tcp_flags & 0x02))
				return 0; /* nothing to follow yet */
			*slot = sf = open_stream(st, f, 0);
		}
		if (!sf)
			return 0;
		int dir = direction(sf, f);
		if (syn && !sf->has_isn[dir]) {
			sf->has_isn[dir] = 1;
			sf->isn[dir] = f->seq;
		}
		sf->s.last.sec = f->sec;
		sf->s.last.frac = f->frac;
		sf->s.side[dir].pkts++;
		tell_packet(st, sf, dir, f);
		tcp_segment(st, sf, dir, f);
		return 1;
	}
	/* UDP: every datagram's payload, in capture order */
	if (!sf) {
		*slot = sf = open_stream(st, f, 0);
		if (!sf)
			return 0;
	}
	int dir = direction(sf, f);
	struct stream_ts ts = { f->sec, f->frac };
	struct stream_side *side = &sf->s.side[dir];
	sf->s.last = ts;
	side->pkts++;
	tell_packet(st, sf, dir, f);
	size_t n = f->payload.len;
	if (n) {
		if (!side->data_pkts)
			side->first = ts;
		side->last = ts;
		side->data_pkts++;
		deliver(st, sf, dir, f->payload.p, n, &ts);
	}
	return 1;
}

void streams_evict(void *ctx, void *ext)
{
	struct streams *st = ctx;
	struct sflow *sf = ext;
	if (!sf)
		return;
	if (!sf->ended) {
		st->st.evicted++;
		close_stream(st, sf, STREAM_EVICTED);
	}
	unlink_free(st, sf);
}

void streams_finish(struct streams *st)
{
	/* oldest first, so that consumers see closes in the order of opening */
	struct sflow *sf = st->all, *last = NULL;
	for (; sf; sf = sf->next)
		last = sf;
	for (sf = last; sf; sf = sf->prev) {
		if (sf->ended)
			continue;
		int fin = sf->d[0].has_fin || sf->d[1].has_fin;
		close_stream(st, sf, fin ? STREAM_FIN : STREAM_END);
	}
}

void streams_free(struct streams *st)
{
	if (!st)
		return;
	while (st->all)
		unlink_free(st, st->all);
	defrag_free(st->defrag);
	free(st);
}
