/* defrag.c - IPv4 and IPv6 fragment reassembly, bounded (see defrag.h).
 *
 * Layout: every datagram being collected is a struct dg, found through a
 * hash table of fixed size (chains capped at CHAIN_MAX) and linked into one
 * list in order of creation, so the oldest is at its head: expiry and the
 * memory bound both give up datagrams from the head, O(given up).  Since
 * creation times are clamped to the latest capture time seen, creation
 * order is also age order even when the capture's clock steps back.
 *
 * A datagram's data is a list of pieces sorted by offset that never
 * overlap: a fragment adds a piece for each hole it fills, and its bytes
 * that fall where a piece already is are dropped (the first copy wins).
 * Every byte held is accounted against the bound: each piece's data and
 * header, and each datagram's record, each with the allocator's overhead.
 *
 * A datagram given up as invalid stays as a "dead" record (no data, just
 * its key) until its timeout, so the rest of its fragments are dropped
 * (counted in `ignored`) rather than starting a new datagram that would be
 * counted again when it times out.  A dead record is made only if there is
 * room for it without giving up anything else. */
#include "defrag.h"

#include <stdlib.h>
#include <string.h>

#define DG_MAX_LEN 65535u        /* a datagram's data is at most this long */
#define HASH_SIZE 16384u         /* buckets (a power of two) */
#define CHAIN_MAX 32u            /* datagrams per bucket at most */
#define DG_COUNT_MAX 65536u      /* datagrams held at most */
#define PIECES_MAX 1024u         /* pieces per datagram at most: bounds the walk of
                                  * each fragment (fragments of 64 bytes or more
                                  * always fit) */
#define ALLOC_OVERHEAD 16u       /* the allocator's bookkeeping per block, roughly */
#define PIECE_COST (sizeof(struct piece) + ALLOC_OVERHEAD) /* + its data */
#define DG_COST (sizeof(struct dg) + ALLOC_OVERHEAD)

struct piece {
	struct piece *next;
	uint32_t off, len;
	uint8_t data[];
};

struct dg {
	struct dg *hnext, **hprev;   /* hash chain */
	struct dg *older, *newer;    /* age list */
	uint64_t born;               /* capture second of its first fragment (clamped) */
	uint64_t seq;                /* creation order */
	uint32_t id;
	uint8_t net, alen, proto;
	uint8_t dead;                /* given up as invalid: drop its fragments */
	uint8_t has_end;             /* its last fragment seen */
	uint32_t end;                /* the data's length, when has_end */
	uint32_t maxend;             /* the furthest byte held + 1 */
	uint32_t have;               /* bytes held */
	uint32_t npieces;
	size_t cost;                 /* bytes accounted for it */
	struct piece *pieces, *tail;
	uint8_t src[16], dst[16];
};

struct defrag {
	size_t mem;                  /* bound */
	size_t held;                 /* accounted now */
	unsigned timeout;
	uint64_t now;                /* latest capture second seen */
	uint64_t seq;
	unsigned count;              /* datagrams held (dead ones too) */
	struct dg *oldest, *newest;
	struct dg **hash;
	struct defrag_stats st;
	uint8_t out[DG_MAX_LEN + 1];
};

struct defrag *defrag_new(size_t mem, unsigned timeout)
{
	struct defrag *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	d->hash = calloc(HASH_SIZE, sizeof *d->hash);
	if (!d->hash) {
		free(d);
		return NULL;
	}
	d->mem = mem;
	d->timeout = timeout;
	return d;
}

static void free_pieces(struct defrag *d, struct dg *g)
{
	struct piece *p = g->pieces;
	while (p) {
		struct piece *n = p->next;
		free(p);
		p = n;
	}
	g->pieces = g->tail = NULL;
	g->npieces = 0;
	d->held -= g->cost - DG_COST;
	g->cost = DG_COST;
	g->have = 0;
}

/* Unlinks and frees g; the caller has counted it. */
static void drop(struct defrag *d, struct dg *g)
{
	if (!g->dead && d->st.pending)
		d->st.pending--;
	free_pieces(d, g);
	*g->hprev = g->hnext;
	if (g->hnext)
		g->hnext->hprev = g->hprev;
	if (g->older)
		g->older->newer = g->newer;
	else
		d->oldest = g->newer;
	if (g->newer)
		g->newer->older = g->older;
	else
		d->newest = g->older;
	d->held -= DG_COST;
	d->count--;
	free(g);
}

/* Gives g up for the memory bound (a dead one was counted already). */
static void give_up_mem(struct defrag *d, struct dg *g)
{
	if (!g->dead)
		d->st.mem++;
	drop(d, g);
}

/* Gives g up as invalid: its data freed, its record kept (dead) to drop the
 * rest of its fragments. */
static void give_up_bad(struct defrag *d, struct dg *g)
{
	if (g->dead)
		return;
	d->st.bad++;
	if (d->st.pending)
		d->st.pending--;
	free_pieces(d, g);
	g->dead = 1;
	g->has_end = 0;
	g->end = g->maxend = 0;
}

void defrag_free(struct defrag *d)
{
	if (!d)
		return;
	/* `pending` already counts the incomplete datagrams: the caller reads
	 * the stats before this call */
	while (d->oldest) {
		struct dg *g = d->oldest;
		d->oldest = g->newer;
		struct piece *p = g->pieces;
		while (p) {
			struct piece *n = p->next;
			free(p);
			p = n;
		}
		free(g);
	}
	free(d->hash);
	free(d);
}

const struct defrag_stats *defrag_stats(const struct defrag *d)
{
	return &d->st;
}

static void expire(struct defrag *d)
{
	/* at most d->count iterations: each one frees a datagram */
	while (d->oldest && d->now - d->oldest->born > d->timeout) {
		struct dg *g = d->oldest;
		if (!g->dead)
			d->st.timed_out++;
		drop(d, g);
	}
}

static uint32_t hash_key(const struct facts *f)
{
	/* a fixed multiplicative mix (chains are capped, so a crafted
	 * collision costs only the colliding datagrams) */
	uint64_t h = 0x6a09e667f3bcc908u ^ ((uint64_t)f->frag_id << 16) ^
		     ((uint64_t)f->frag_proto << 8) ^ f->addr_len;
	for (unsigned i = 0; i < f->addr_len; i++) {
		h ^= (uint64_t)f->src[i] << ((i & 7) * 8);
		if ((i & 7) == 7 || i + 1 == f->addr_len) {
			h *= 0x9e3779b97f4a7c15u;
			h ^= h >> 31;
		}
	}
	for (unsigned i = 0; i < f->addr_len; i++) {
		h ^= (uint64_t)f->dst[i] << ((i & 7) * 8);
		if ((i & 7) == 7 || i + 1 == f->addr_len) {
			h *= 0xbf58476d1ce4e5b9u;
			h ^= h >> 29;
		}
	}
	h *= 0x94d049bb133111ebu;
	h ^= h >> 32;
	return (uint32_t)h & (HASH_SIZE - 1);
}

static int same(const struct dg *g, const struct facts *f)
{
	return g->id == f->frag_id && g->proto == f->frag_proto && g->net == f->net &&
	       g->alen == f->addr_len && memcmp(g->src, f->src, f->addr_len) == 0 &&
	       memcmp(g->dst, f->dst, f->addr_len) == 0;
}

/* Makes room for need more bytes (and, when add, one more datagram) by
 * giving up the oldest datagrams other than keep.  Returns 0 when there is
 * not room even with all of them given up (nothing is given up then when
 * spare is set: a dead record never costs a live datagram). */
static int make_room(struct defrag *d, size_t need, int add, const struct dg *keep, int spare)
{
	if (need > d->mem)
		return 0;
	if (spare)
		return d->held <= d->mem - need && (!add || d->count < DG_COUNT_MAX);
	/* each iteration frees one datagram, so at most d->count of them */
	while (d->held > d->mem - need || (add && d->count >= DG_COUNT_MAX)) {
		struct dg *g = d->oldest;
		if (g == keep)
			g = g->newer;
		if (!g)
			return 0;
		give_up_mem(d, g);
	}
	return 1;
}

static struct dg *create(struct defrag *d, const struct facts *f, unsigned bucket)
{
	struct dg *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->born = d->now;
	g->seq = d->seq++;
	g->id = f->frag_id;
	g->net = f->net;
	g->alen = f->addr_len;
	g->proto = f->frag_proto;
	memcpy(g->src, f->src, f->addr_len);
	memcpy(g->dst, f->dst, f->addr_len);
	g->cost = DG_COST;
	d->held += DG_COST;
	d->count++;
	g->hnext = d->hash[bucket];
	if (g->hnext)
		g->hnext->hprev = &g->hnext;
	g->hprev = &d->hash[bucket];
	d->hash[bucket] = g;
	g->older = d->newest;
	if (d->newest)
		d->newest->newer = g;
	else
		d->oldest = g;
	d->newest = g;
	d->st.pending++;
	return g;
}

/* A piece of len bytes at off, or NULL when out of memory. */
static struct piece *new_piece(uint32_t off, const uint8_t *p, uint32_t len)
{
	struct piece *pc = malloc(sizeof *pc + len);
	if (!pc)
		return NULL;
	pc->next = NULL;
	pc->off = off;
	pc->len = len;
	memcpy(pc->data, p, len);
	return pc;
}

/* Adds the bytes [s, e) of the fragment (data p, from s) where g has none.
 * Returns 0 when it cannot (memory), 1 when done; *overlap set when some
 * bytes were there already. */
static int insert(struct defrag *d, struct dg *g, uint32_t s, uint32_t e, const uint8_t *p,
                  int *overlap)
{
	*overlap = 0;
	if (s == e)
		return 1;
	/* the common case: beyond everything held */
	if (!g->tail || s >= g->tail->off + g->tail->len) {
		size_t need = PIECE_COST + (e - s);
		if (g->npieces >= PIECES_MAX || !make_room(d, need, 0, g, 0))
			return 0;
		struct piece *pc = new_piece(s, p, e - s);
		if (!pc)
			return 0;
		if (g->tail)
			g->tail->next = pc;
		else
			g->pieces = pc;
		g->tail = pc;
		g->npieces++;
		g->have += e - s;
		g->cost += need;
		d->held += need;
		return 1;
	}
	/* first pass: the holes it fills and what they cost */
	size_t need = 0;
	unsigned more = 0;
	uint32_t cur = s;
	for (const struct piece *q = g->pieces; q && cur < e; q = q->next) {
		uint32_t qe = q->off + q->len;
		if (qe <= cur)
			continue;
		if (q->off >= e)
			break;
		if (q->off > cur) {
			need += PIECE_COST + (q->off - cur);
			more++;
		}
		*overlap = 1;
		cur = qe;
	}
	if (cur < e) {
		need += PIECE_COST + (e - cur);
		more++;
	}
	if (need == 0)
		return 1;
	if (g->npieces + more > PIECES_MAX || !make_room(d, need, 0, g, 0))
		return 0;
	/* second pass: fill them, keeping the list sorted */
	struct piece **link = &g->pieces;
	cur = s;
	while (cur < e) {
		struct piece *q = *link;
		if (q && q->off + q->len <= cur) {
			link = &q->next;
			continue;
		}
		uint32_t hole_end = e;
		if (q && q->off < hole_end)
			hole_end = q->off;
		if (hole_end > cur) {
			struct piece *pc = new_piece(cur, p + (cur - s), hole_end - cur);
			if (!pc)
				return 0; /* what was added so far is accounted */
			size_t c = PIECE_COST + (hole_end - cur);
			pc->next = q;
			*link = pc;
			if (!q)
				g->tail = pc;
			g->npieces++;
			g->have += hole_end - cur;
			g->cost += c;
			d->held += c;
			link = &pc->next;
			cur = hole_end;
			continue;
		}
		/* q starts at or before cur: skip past it */
		cur = q->off + q->len;
		link = &q->next;
	}
	return 1;
}

int defrag_add(struct defrag *d, const struct facts *f, const uint8_t **out, unsigned *outlen)
{
	if (f->sec > d->now)
		d->now = f->sec;
	expire(d);
	if (!f->is_frag || !((f->net == NET_IP4 && f->addr_len == 4) ||
	                     (f->net == NET_IP6 && f->addr_len == 16)))
		return 0;
	d->st.fragments++;

	uint32_t s = (uint32_t)f->frag_off * 8;
	uint32_t e = s + f->frag_len;
	int last = !f->more_frags;
	int bad = e > DG_MAX_LEN || f->frag_data.len < f->frag_len ||
		  (!last && f->frag_len % 8 != 0) || (f->frag_len && !f->frag_data.p);

	unsigned b = hash_key(f);
	struct dg *g = NULL, *oldest_here = NULL;
	unsigned chain = 0;
	for (struct dg *q = d->hash[b]; q; q = q->hnext) {
		if (same(q, f)) {
			g = q;
			break;
		}
		if (!oldest_here || q->seq < oldest_here->seq)
			oldest_here = q;
		chain++;
	}
	if (g && g->dead) {
		d->st.ignored++;
		return 0;
	}
	if (g && !bad) {
		if (last && g->has_end && e != g->end)
			bad = 1;
		else if (last && g->maxend > e)
			bad = 1;
		else if (!last && g->has_end && e > g->end)
			bad = 1;
	}
	if (bad) {
		if (g) {
			give_up_bad(d, g);
			return 0;
		}
		d->st.bad++;
		/* a dead record for it, when there is room to spare */
		if (chain < CHAIN_MAX && make_room(d, DG_COST, 1, NULL, 1)) {
			g = create(d, f, b);
			if (g) {
				d->st.pending--;
				g->dead = 1;
			}
		}
		return 0;
	}
	if (!g) {
		if (chain >= CHAIN_MAX && oldest_here)
			give_up_mem(d, oldest_here);
		if (!make_room(d, DG_COST, 1, NULL, 0)) {
			d->st.mem++;
			return 0;
		}
		g = create(d, f, b);
		if (!g) {
			d->st.mem++;
			return 0;
		}
	}
	int overlap = 0;
	if (!insert(d, g, s, e, f->frag_data.p, &overlap)) {
		give_up_mem(d, g);
		return 0;
	}
	if (overlap)
		d->st.overlaps++;
	if (e > g->maxend)
		g->maxend = e;
	if (last) {
		g->has_end = 1;
		g->end = e;
	}
	if (!g->has_end || g->have != g->end)
		return 0;

	/* complete: the pieces are sorted, disjoint and within [0, end), and
	 * they add up to end, so they cover it */
	uint32_t n = 0;
	for (const struct piece *q = g->pieces; q; q = q->next) {
		memcpy(d->out + q->off, q->data, q->len);
		n += q->len;
	}
	d->st.datagrams++;
	drop(d, g);
	*out = d->out;
	*outlen = n;
	return 1;
}
