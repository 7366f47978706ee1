/* conversations.c - --conversations: a bounded flow table.
 *
 * A conversation is the 5-tuple for TCP and UDP, the address pair (and IP
 * protocol) for the other IP protocols, the protocol-address pair for ARP
 * and the MAC pair (and ethertype) for the rest.  The table holds at most
 * max_flows conversations, allocated once; when it is full the least
 * recently seen conversation is evicted to make room, and the evictions
 * (conversations, packets, bytes) are counted and reported.  Lookups are a
 * hash with chaining; recency is a doubly linked list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/ipproto.h"
#include "../core/names.h"
#include "analyze.h"
#include "community_id.h"
#include "internal.h"
#include "json.h"
#include "report.h"

struct fkey {
	uint8_t kind;  /* enum net_kind */
	uint8_t alen;  /* 4, 16, or 6 for MACs */
	uint8_t proto; /* IP protocol */
	uint8_t pad;
	uint16_t etype;
	uint16_t pa, pb;
	uint8_t a[16], b[16];
};

enum { OPEN_FIRST, OPEN_SYN, OPEN_SYNACK, OPEN_PORT };
static const char *const opener_name[] = { "first-packet", "syn", "syn-ack", "port" };

/* TCP events, by side (A = side a of the key, B = side b) */
#define T_SYN     0x01 /* SYN without ACK */
#define T_SYNACK  0x02
#define T_HS      0x04 /* handshake completed: client ACK after SYN/ACK */
#define T_RST_A   0x08
#define T_RST_B   0x10
#define T_FIN_A   0x20
#define T_FIN_B   0x40
#define T_DATA_A  0x100
#define T_DATA_B  0x200

/* The handshake log's event: a SYN (without ACK) or a SYN/ACK, and its dir. */
#define HL_SYNACK 0x02

struct flow {
	struct fkey k;
	uint32_t hash;
	uint32_t hnext, prev, next; /* index + 1; 0 is none */
	uint8_t cli;                /* 0: side a is the client, 1: side b */
	uint8_t opener;
	uint16_t tcp;
	uint8_t tflags[2];          /* TCP flags seen, [0] from side a, [1] from b */
	uint8_t icmp_seen;          /* 1: from a, 2: from b, 4: b sent the first */
	uint8_t icmp[2][2];         /* the first ICMP type and code from a, from b */
	uint8_t hl_n;               /* the handshake log (flows_merge): events in hl_ev */
	uint8_t hl_ev[2];           /* the first SYN and first SYN/ACK: HL_SYNACK | dir */
	uint8_t hl_ack[3];          /* dirs (bit 0: a, 1: b) of ACKs before, between, after them */
	uint64_t seq;               /* creation order */
	uint64_t pkts[2], bytes[2]; /* [0] a to b, [1] b to a */
	uint64_t first_sec, last_sec;
	uint32_t first_frac, last_frac;
	void *ext;                  /* the stream layer's state, or NULL */
};

struct flowtab {
	struct flow *f;
	uint32_t *bucket;
	uint32_t nbucket; /* power of two */
	uint32_t max, used;
	uint32_t head, tail; /* most and least recently seen, index + 1 */
	uint64_t created;
	uint64_t evicted, ev_pkts, ev_bytes;
	uint64_t unkeyed;
	uint64_t last_sec;   /* the newest packet counted */
	uint32_t last_frac;
	uint32_t listed;     /* conversations with a packet (flows_slot makes empty ones) */
	void (*evict_fn)(void *ctx, void *ext);
	void *evict_ctx;
};

void flows_on_evict(struct flowtab *t, void (*fn)(void *ctx, void *ext), void *ctx)
{
	t->evict_fn = fn;
	t->evict_ctx = ctx;
}

struct flowtab *flows_new(unsigned max_flows)
{
	struct flowtab *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	if (max_flows < 1)
		max_flows = 1;
	t->max = max_flows;
	t->nbucket = 16;
	while (t->nbucket < 2 * max_flows)
		t->nbucket *= 2;
	t->f = malloc((size_t)max_flows * sizeof *t->f);
	t->bucket = calloc(t->nbucket, sizeof *t->bucket);
	if (!t->f || !t->bucket) {
		flows_free(t);
		return NULL;
	}
	return t;
}

void flows_free(struct flowtab *t)
{
	if (!t)
		return;
	free(t->f);
	free(t->bucket);
	free(t);
}

static void lru_unlink(struct flowtab *t, struct flow *e)
{
	if (e->prev)
		t->f[e->prev - 1].next = e->next;
	else
		t->head = e->next;
	if (e->next)
		t->f[e->next - 1].prev = e->prev;
	else
		t->tail = e->prev;
	e->prev = e->next = 0;
}

static void lru_push(struct flowtab *t, struct flow *e, uint32_t id)
{
	e->prev = 0;
	e->next = t->head;
	if (t->head)
		t->f[t->head - 1].prev = id;
	t->head = id;
	if (!t->tail)
		t->tail = id;
}

/* Frees the least recently seen conversation; returns its index + 1. */
static uint32_t evict(struct flowtab *t)
{
	uint32_t id = t->tail;
	struct flow *e = &t->f[id - 1];
	lru_unlink(t, e);
	uint32_t *pp = &t->bucket[e->hash & (t->nbucket - 1)];
	while (*pp && *pp != id)
		pp = &t->f[*pp - 1].hnext;
	if (*pp)
		*pp = e->hnext;
	t->evicted++;
	t->ev_pkts += e->pkts[0] + e->pkts[1];
	t->ev_bytes += e->bytes[0] + e->bytes[1];
	if (e->pkts[0] + e->pkts[1])
		t->listed--;
	if (e->ext && t->evict_fn)
		t->evict_fn(t->evict_ctx, e->ext);
	e->ext = NULL;
	return id;
}

/* Fills k for f with side a the smaller (address, port); returns the
 * packet's direction (0: a to b), or -1 when the packet has no key. */
static int make_key(struct fkey *k, const struct facts *f)
{
	const uint8_t *s, *d;
	unsigned sp = 0, dp = 0, len;
	memset(k, 0, sizeof *k);
	k->kind = f->net;
	if (f->net == NET_IP4 || f->net == NET_IP6) {
		s = f->src;
		d = f->dst;
		len = f->addr_len;
		k->proto = f->proto;
		if (f->has_ports) {
			sp = f->sport;
			dp = f->dport;
		}
	} else if (f->net == NET_ARP && f->addr_len) {
		s = f->src;
		d = f->dst;
		len = 4;
	} else if (f->has_mac) {
		k->kind = f->net == NET_ARP ? NET_ARP : NET_OTHER;
		k->etype = f->llc ? 0 : f->ethertype;
		s = f->smac;
		d = f->dmac;
		len = 6;
	} else {
		return -1;
	}
	k->alen = (uint8_t)len;
	int c = memcmp(s, d, len);
	int dir = c > 0 || (c == 0 && sp > dp);
	if (dir) {
		memcpy(k->a, d, len);
		memcpy(k->b, s, len);
		k->pa = (uint16_t)dp;
		k->pb = (uint16_t)sp;
	} else {
		memcpy(k->a, s, len);
		memcpy(k->b, d, len);
		k->pa = (uint16_t)sp;
		k->pb = (uint16_t)dp;
	}
	return dir;
}

/* A multiply-xorshift hash over the key's 64-bit words. */
static uint32_t key_hash(const struct fkey *k)
{
	uint64_t w[(sizeof *k + 7) / 8] = { 0 }, h = 0x9e3779b97f4a7c15ull;
	memcpy(w, k, sizeof *k);
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		h = (h ^ w[i]) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	return (uint32_t)h;
}

/* Finds or makes f's conversation; NULL when f has no key. */
static struct flow *lookup(struct flowtab *t, const struct facts *f, int *dirp)
{
	struct fkey k;
	int dir = make_key(&k, f);
	if (dir < 0)
		return NULL;
	uint32_t h = key_hash(&k);
	uint32_t *bp = &t->bucket[h & (t->nbucket - 1)];
	uint32_t id = *bp;
	struct flow *e = NULL;
	while (id) {
		e = &t->f[id - 1];
		if (e->hash == h && memcmp(&e->k, &k, sizeof k) == 0)
			break;
		id = e->hnext;
	}
	if (!id) {
		id = t->used < t->max ? ++t->used : evict(t);
		e = &t->f[id - 1];
		memset(e, 0, sizeof *e);
		e->k = k;
		e->hash = h;
		e->hnext = *bp;
		*bp = id;
		e->seq = t->created++;
		e->first_sec = f->sec;
		e->first_frac = f->frac;
		e->cli = (uint8_t)dir; /* the first sender, until a SYN says otherwise */
		e->opener = OPEN_FIRST;
		if (f->has_ports && f->sport < 1024 && f->dport >= 1024) {
			e->cli = (uint8_t)!dir; /* a reply from a well-known port */
			e->opener = OPEN_PORT;
		}
		lru_push(t, e, id);
	} else if (t->head != id) {
		lru_unlink(t, e);
		lru_push(t, e, id);
	}
	*dirp = dir;
	return e;
}

void **flows_slot(struct flowtab *t, const struct facts *f)
{
	int dir;
	struct flow *e = lookup(t, f, &dir);
	return e ? &e->ext : NULL;
}

/* The handshake log: what the opener and the handshake below depend on, so
 * that flows_merge can replay a part's packets on an earlier part's state.
 * A repeated SYN or SYN/ACK changes nothing once one was seen (whatever the
 * state before), and an ACK's effect depends only on the state the SYNs
 * and SYN/ACKs left: the first of each, in order, and the directions of
 * the ACKs around them, are all it takes. */
static void hl_record(struct flow *e, unsigned fl, int dir)
{
	unsigned sa = fl & (TH_SYN | TH_ACK);
	if (sa == TH_SYN || sa == (TH_SYN | TH_ACK)) {
		unsigned type = sa == TH_SYN ? 0 : HL_SYNACK;
		for (unsigned i = 0; i < e->hl_n; i++)
			if ((e->hl_ev[i] & HL_SYNACK) == type)
				return;
		e->hl_ev[e->hl_n++] = (uint8_t)(type | (unsigned)dir);
	} else if (fl & TH_ACK) {
		e->hl_ack[e->hl_n] |= (uint8_t)(1u << dir);
	}
}

void **flows_add(struct flowtab *t, const struct facts *f)
{
	int dir;
	struct flow *e = lookup(t, f, &dir);
	if (!e) {
		t->unkeyed++;
		return NULL;
	}
	if (!(e->pkts[0] + e->pkts[1]))
		t->listed++;
	e->last_sec = t->last_sec = f->sec;
	e->last_frac = t->last_frac = f->frac;
	e->pkts[dir]++;
	e->bytes[dir] += f->len;
	if (f->has_icmp && !(e->icmp_seen & (1 << dir))) {
		if (!(e->icmp_seen & 3) && dir)
			e->icmp_seen |= 4;
		e->icmp_seen |= (uint8_t)(1 << dir);
		e->icmp[dir][0] = f->icmp_type;
		e->icmp[dir][1] = f->icmp_code;
	}
	if (!f->has_tcp)
		return &e->ext;
	unsigned fl = f->tcp_flags;
	e->tflags[dir] |= (uint8_t)fl;
	hl_record(e, fl, dir);
	if ((fl & (TH_SYN | TH_ACK)) == TH_SYN) {
		e->tcp |= T_SYN;
		if (e->opener != OPEN_SYN) {
			e->cli = (uint8_t)dir;
			e->opener = OPEN_SYN;
		}
	} else if ((fl & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK)) {
		e->tcp |= T_SYNACK;
		if (e->opener != OPEN_SYN && e->opener != OPEN_SYNACK) {
			e->cli = (uint8_t)!dir;
			e->opener = OPEN_SYNACK;
		}
	} else if ((fl & TH_ACK) && (e->tcp & T_SYNACK) && dir == e->cli) {
		e->tcp |= T_HS;
	}
	if (fl & TH_RST)
		e->tcp |= dir ? T_RST_B : T_RST_A;
	if (fl & TH_FIN)
		e->tcp |= dir ? T_FIN_B : T_FIN_A;
	if (f->payload_len && !(fl & (TH_SYN | TH_RST)))
		e->tcp |= dir ? T_DATA_B : T_DATA_A;
	return &e->ext;
}

/* ---- merging parts (flows_merge) -------------------------------------- */

/* The conversation of key k, or NULL. */
static struct flow *find_key(struct flowtab *t, const struct fkey *k, uint32_t h)
{
	for (uint32_t id = t->bucket[h & (t->nbucket - 1)]; id; id = t->f[id - 1].hnext) {
		struct flow *e = &t->f[id - 1];
		if (e->hash == h && memcmp(&e->k, k, sizeof *k) == 0)
			return e;
	}
	return NULL;
}

/* Replays s's handshake log on d's state (d's packets came first), as
 * flows_add would have gone on with s's packets; then appends the log. */
static void hl_replay(struct flow *d, const struct flow *s)
{
	unsigned o = d->opener, c = d->cli;
	int synack = (d->tcp & T_SYNACK) != 0, hs = (d->tcp & T_HS) != 0;
	for (unsigned i = 0; i <= s->hl_n; i++) {
		if (synack && (s->hl_ack[i] >> c & 1))
			hs = 1;
		if (i == s->hl_n)
			break;
		unsigned ev = s->hl_ev[i], dir = ev & 1;
		if (!(ev & HL_SYNACK)) {
			if (o != OPEN_SYN) {
				o = OPEN_SYN;
				c = dir;
			}
		} else {
			synack = 1;
			if (o != OPEN_SYN && o != OPEN_SYNACK) {
				o = OPEN_SYNACK;
				c = !dir;
			}
		}
	}
	d->opener = (uint8_t)o;
	d->cli = (uint8_t)c;
	d->tcp = (uint16_t)(((d->tcp | s->tcp) & ~T_HS) | (hs ? T_HS : 0));
	/* the log of both, for a merge of this one after an earlier part */
	d->hl_ack[d->hl_n] |= s->hl_ack[0];
	for (unsigned i = 0; i < s->hl_n; i++) {
		unsigned j;
		for (j = 0; j < d->hl_n; j++)
			if ((d->hl_ev[j] & HL_SYNACK) == (s->hl_ev[i] & HL_SYNACK))
				break;
		if (j == d->hl_n) /* new: an event, else a repeat that changes nothing */
			d->hl_ev[d->hl_n++] = s->hl_ev[i];
		d->hl_ack[d->hl_n] |= s->hl_ack[i + 1];
	}
}

/* s's counts added into d (s's packets came after d's). */
static void merge_flow(struct flow *d, const struct flow *s)
{
	if (!(d->pkts[0] + d->pkts[1])) { /* (not made by flows_slot here) */
		d->first_sec = s->first_sec;
		d->first_frac = s->first_frac;
	}
	for (int i = 0; i < 2; i++) {
		d->pkts[i] += s->pkts[i];
		d->bytes[i] += s->bytes[i];
		d->tflags[i] |= s->tflags[i];
		if (!(d->icmp_seen & (1 << i)) && (s->icmp_seen & (1 << i))) {
			d->icmp[i][0] = s->icmp[i][0];
			d->icmp[i][1] = s->icmp[i][1];
		}
	}
	if (!(d->icmp_seen & 3))
		d->icmp_seen = s->icmp_seen;
	else
		d->icmp_seen |= (uint8_t)(s->icmp_seen & 3);
	if (s->pkts[0] + s->pkts[1]) {
		d->last_sec = s->last_sec;
		d->last_frac = s->last_frac;
	}
	hl_replay(d, s);
}

uint64_t flows_evicted(const struct flowtab *t)
{
	return t->evicted;
}

int flows_merge(struct flowtab *t, const struct flowtab *src)
{
	if (t->evicted || src->evicted || t->evict_fn || src->evict_fn || t->max != src->max)
		return -1;
	uint32_t fresh = 0;
	for (uint32_t i = 0; i < src->used; i++)
		if (!find_key(t, &src->f[i].k, src->f[i].hash))
			fresh++;
	if (fresh > t->max - t->used) /* one read would have evicted */
		return -1;
	/* least recently seen first, each then made the most recent: the
	 * order one read would have left */
	for (uint32_t id = src->tail; id; id = src->f[id - 1].prev) {
		const struct flow *s = &src->f[id - 1];
		struct flow *d = find_key(t, &s->k, s->hash);
		uint32_t did;
		if (d) {
			if (!(d->pkts[0] + d->pkts[1]) && (s->pkts[0] + s->pkts[1]))
				t->listed++;
			merge_flow(d, s);
			did = (uint32_t)(d - t->f) + 1;
			lru_unlink(t, d);
		} else {
			did = ++t->used;
			d = &t->f[did - 1];
			*d = *s;
			d->seq = t->created + s->seq; /* after all of t's, in src's order */
			d->ext = NULL;
			uint32_t *bp = &t->bucket[d->hash & (t->nbucket - 1)];
			d->hnext = *bp;
			*bp = did;
			if (s->pkts[0] + s->pkts[1])
				t->listed++;
		}
		lru_push(t, d, did);
	}
	t->created += src->created;
	t->unkeyed += src->unkeyed;
	if (src->created) { /* src counted a keyed packet: the newest */
		t->last_sec = src->last_sec;
		t->last_frac = src->last_frac;
	}
	return 0;
}

static const char *state_of(const struct flow *e)
{
	if (e->k.kind == NET_IP4 || e->k.kind == NET_IP6) {
		if (e->k.proto == 6) {
			if (e->tcp & (T_RST_A | T_RST_B))
				return "reset";
			if (e->tcp & (T_FIN_A | T_FIN_B))
				return "closed";
			if ((e->tcp & T_HS) || (e->tcp & (T_DATA_A | T_DATA_B)) == (T_DATA_A | T_DATA_B))
				return "established";
			if (e->tcp & T_SYNACK)
				return "syn-ack";
			if (e->tcp & T_SYN)
				return "syn";
			return "midstream";
		}
	}
	return e->pkts[0] && e->pkts[1] ? "two-way" : "one-way";
}

static int by_time(const void *x, const void *y)
{
	const struct flow *a = *(const struct flow *const *)x, *b = *(const struct flow *const *)y;
	if (a->first_sec != b->first_sec)
		return a->first_sec < b->first_sec ? -1 : 1;
	if (a->first_frac != b->first_frac)
		return a->first_frac < b->first_frac ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The conversations in the table, sorted by first packet; NULL on no memory. */
static const struct flow **sorted(struct flowtab *t)
{
	const struct flow **v = malloc(((size_t)t->used + 1) * sizeof *v);
	if (!v)
		return NULL;
	uint32_t k = 0;
	for (uint32_t i = 0; i < t->used; i++)
		if (t->f[i].pkts[0] + t->f[i].pkts[1])
			v[k++] = &t->f[i];
	qsort(v, k, sizeof *v, by_time);
	return v;
}

static void proto_label(char *buf, size_t n, const struct fkey *k)
{
	if (k->kind == NET_IP4 || k->kind == NET_IP6) {
		const char *pn = ipproto_report(k->proto);
		if (pn && k->kind == NET_IP6 && (k->proto == 6 || k->proto == 17))
			snprintf(buf, n, "%s6", pn);
		else if (pn)
			snprintf(buf, n, "%s", pn);
		else
			snprintf(buf, n, "ip-proto-%u", k->proto);
	} else if (k->kind == NET_ARP) {
		snprintf(buf, n, "arp");
	} else if (k->etype) {
		snprintf(buf, n, "ether-0x%04x", k->etype);
	} else {
		snprintf(buf, n, "llc");
	}
}

static int has_ports(const struct fkey *k)
{
	return (k->kind == NET_IP4 || k->kind == NET_IP6) && (k->proto == 6 || k->proto == 17) &&
	       (k->pa || k->pb);
}

static void endpoint(char *buf, size_t n, const struct fkey *k, int side)
{
	char a[48];
	const uint8_t *ad = side ? k->b : k->a;
	if (k->alen == 4)
		fmt_ip4(a, ad);
	else if (k->alen == 16)
		fmt_ip6(a, ad);
	else
		fmt_mac(a, ad);
	if (!has_ports(k))
		snprintf(buf, n, "%s", a);
	else if (k->alen == 16)
		snprintf(buf, n, "[%s]:%u", a, side ? k->pb : k->pa);
	else
		snprintf(buf, n, "%s:%u", a, side ? k->pb : k->pa);
}

void flows_text(struct flowtab *t, struct out *o, int nano)
{
	const struct flow **v = sorted(t);
	struct an_clock clk = { 0 };
	if (!v)
		return;
	out_f(o, "Conversations: %u", t->listed);
	out_f(o, " (flow table limit %u; %llu evicted", t->max, (unsigned long long)t->evicted);
	if (t->evicted)
		out_f(o, " with %llu packets, %llu bytes", (unsigned long long)t->ev_pkts,
		      (unsigned long long)t->ev_bytes);
	out_s(o, ")\n");
	out_f(o, "%-10s %-25s %-25s %-11s %8s %11s %8s %11s  %-15s  %s\n", "proto", "client",
	      "server", "state", "pkts>", "bytes>", "pkts<", "bytes<", "first", "last");
	for (uint32_t i = 0; i < t->listed; i++) {
		const struct flow *e = v[i];
		char proto[32], c[64], s[64];
		int ci = e->cli, si = !e->cli;
		proto_label(proto, sizeof proto, &e->k);
		endpoint(c, sizeof c, &e->k, ci);
		endpoint(s, sizeof s, &e->k, si);
		out_f(o, "%-10s %-25s %-25s %-11s %8llu %11llu %8llu %11llu  ", proto, c, s, state_of(e),
		      (unsigned long long)e->pkts[ci], (unsigned long long)e->bytes[ci],
		      (unsigned long long)e->pkts[si], (unsigned long long)e->bytes[si]);
		an_put_time(o, &clk, e->first_sec, e->first_frac, nano, 0);
		out_s(o, "  ");
		an_put_time(o, &clk, e->last_sec, e->last_frac, nano, 0);
		out_c(o, '\n');
	}
	free(v);
}

/* ---- --conversations --json: one EVE flow event per conversation ------ */

static int is_ip(const struct fkey *k)
{
	return k->kind == NET_IP4 || k->kind == NET_IP6;
}

/* EVE's flow.state from trawl's. */
static const char *eve_state(const char *st)
{
	if (!strcmp(st, "established") || !strcmp(st, "two-way"))
		return "established";
	if (!strcmp(st, "closed") || !strcmp(st, "reset"))
		return "closed";
	return "new";
}

/* EVE's tcp.state (a coarse mapping of trawl's). */
static const char *eve_tcp_state(const char *st)
{
	if (!strcmp(st, "syn"))
		return "syn_sent";
	if (!strcmp(st, "syn-ack"))
		return "syn_recv";
	if (!strcmp(st, "established"))
		return "established";
	if (!strcmp(st, "closed") || !strcmp(st, "reset"))
		return "closed";
	return "none";
}

static void flow_event(struct out *o, struct eve_clock *clk, const struct flow *e, int nano)
{
	const struct fkey *k = &e->k;
	int ci = e->cli, si = !e->cli;
	const uint8_t *ca = ci ? k->b : k->a, *sa = si ? k->b : k->a;
	unsigned cp = ci ? k->pb : k->pa, sp = si ? k->pb : k->pa;
	const char *st = state_of(e);
	char cid[COMMUNITY_ID_LEN + 1];
	uint64_t fid;
	cid[0] = 0;
	out_reserve(o, OUT_SLACK);
	if (is_ip(k)) {
		fid = flow_id_of(k->a, k->b, k->alen, k->proto, k->pa, k->pb);
		if (e->icmp_seen & 3) {
			/* the first ICMP message's, from its sender */
			int d = e->icmp_seen & 4 ? 1 : 0;
			community_id_icmp(cid, 0, d ? k->b : k->a, d ? k->a : k->b, k->alen, k->proto,
					  e->icmp[d][0], e->icmp[d][1]);
		} else {
			community_id_v1(cid, 0, k->a, k->b, k->alen, k->proto, k->pa, k->pb,
					has_ports(k));
		}
	} else {
		fid = eve_l2_flow_id(k->a, k->b, k->alen, k->kind == NET_ARP && k->alen == 4 ?
			0x0806 : k->etype);
	}
	eve_begin(o, clk, e->first_sec, e->first_frac, nano, 1, fid, cid, "flow");
	if (is_ip(k)) {
		eve_tuple(o, ca, sa, k->alen, k->proto, has_ports(k), cp, sp);
		for (int side = 0; side < 2; side++) {
			int d = side ? si : ci;
			if (!(e->icmp_seen & (1 << d)))
				continue;
			out_s(o, side ? ",\"response_icmp_type\":" : ",\"icmp_type\":");
			out_u(o, e->icmp[d][0]);
			out_s(o, side ? ",\"response_icmp_code\":" : ",\"icmp_code\":");
			out_u(o, e->icmp[d][1]);
		}
	} else if (k->alen == 4) {
		out_s(o, ",\"arp\":{\"src_ip\":");
		json_addr(o, ca, 4);
		out_s(o, ",\"dest_ip\":");
		json_addr(o, sa, 4);
		out_c(o, '}');
	} else {
		out_s(o, ",\"ether\":{\"src_mac\":");
		json_addr(o, ca, 6);
		out_s(o, ",\"dest_mac\":");
		json_addr(o, sa, 6);
		if (k->etype) {
			out_s(o, ",\"ether_type\":");
			out_u(o, k->etype);
		}
		out_c(o, '}');
	}
	out_s(o, ",\"flow\":{\"pkts_toserver\":");
	out_u(o, e->pkts[ci]);
	out_s(o, ",\"pkts_toclient\":");
	out_u(o, e->pkts[si]);
	out_s(o, ",\"bytes_toserver\":");
	out_u(o, e->bytes[ci]);
	out_s(o, ",\"bytes_toclient\":");
	out_u(o, e->bytes[si]);
	out_s(o, ",\"start\":\"");
	eve_put_time(o, clk, e->first_sec, e->first_frac, nano);
	out_s(o, "\",\"end\":\"");
	eve_put_time(o, clk, e->last_sec, e->last_frac, nano);
	out_s(o, "\",\"age\":");
	out_u(o, e->last_sec > e->first_sec ? e->last_sec - e->first_sec : 0);
	out_s(o, ",\"state\":\"");
	out_s(o, eve_state(st));
	out_s(o, "\",\"reason\":\"shutdown\",\"alerted\":false}");
	if (is_ip(k) && k->proto == 6) {
		int first = 1;
		out_s(o, ",\"tcp\":{");
		json_key(o, &first, "tcp_flags");
		eve_hex2(o, (unsigned)(e->tflags[0] | e->tflags[1]));
		json_key(o, &first, "tcp_flags_ts");
		eve_hex2(o, e->tflags[ci]);
		json_key(o, &first, "tcp_flags_tc");
		eve_hex2(o, e->tflags[si]);
		eve_tcp_flags(o, &first, (unsigned)(e->tflags[0] | e->tflags[1]));
		json_key(o, &first, "state");
		json_cstr(o, eve_tcp_state(st));
		out_c(o, '}');
	}
	/* what EVE has no name for */
	out_s(o, ",\"trawl\":{\"net\":");
	out_s(o, k->kind == NET_IP4 ? "\"ipv4\"" : k->kind == NET_IP6 ? "\"ipv6\"" :
		 k->kind == NET_ARP ? "\"arp\"" : "\"ether\"");
	out_s(o, ",\"state\":");
	json_cstr(o, st);
	out_s(o, ",\"opened_by\":");
	json_cstr(o, opener_name[e->opener]);
	if (is_ip(k) && k->proto == 6) {
		out_s(o, ",\"handshake\":");
		out_s(o, e->tcp & T_HS ? "true" : "false");
	}
	if (is_ip(k) && has_ports(k)) {
		const char *n = an_port_app(k->proto, sp < cp ? sp : cp);
		if (!n)
			n = an_port_app(k->proto, sp < cp ? cp : sp);
		if (n) {
			out_s(o, ",\"port_app\":");
			json_cstr(o, n);
		}
	}
	if (!is_ip(k) && k->alen == 6 && !k->etype) {
		out_s(o, ",\"llc\":true");
	}
	out_s(o, "}}\n");
}

void flows_json(struct flowtab *t, struct out *o, int nano)
{
	const struct flow **v = sorted(t);
	struct eve_clock clk = { 0 };
	for (uint32_t i = 0; v && i < t->listed; i++)
		flow_event(o, &clk, v[i], nano);
	free(v);
	/* the table's own counts, as a stats event */
	eve_begin(o, &clk, t->last_sec, t->last_frac, nano, 0, 0, NULL, "stats");
	out_s(o, ",\"stats\":{\"flow_table\":{\"limit\":");
	out_u(o, t->max);
	out_s(o, ",\"conversations\":");
	out_u(o, t->listed);
	out_s(o, ",\"evicted\":");
	out_u(o, t->evicted);
	out_s(o, ",\"evicted_packets\":");
	out_u(o, t->ev_pkts);
	out_s(o, ",\"evicted_bytes\":");
	out_u(o, t->ev_bytes);
	out_s(o, ",\"unkeyed_packets\":");
	out_u(o, t->unkeyed);
	out_s(o, "}}}\n");
}

/* ---- the report's view (report.h) ------------------------------------- */

void flows_each(struct flowtab *t, void (*fn)(void *ctx, const struct flow_view *v), void *ctx,
                struct flows_stats *st)
{
	st->max = t->max;
	st->listed = t->listed;
	st->evicted = t->evicted;
	st->ev_pkts = t->ev_pkts;
	st->ev_bytes = t->ev_bytes;
	st->unkeyed = t->unkeyed;
	for (uint32_t i = 0; i < t->used; i++) {
		const struct flow *e = &t->f[i];
		if (!(e->pkts[0] + e->pkts[1]))
			continue;
		struct flow_view v;
		int ci = e->cli, si = !e->cli;
		v.kind = e->k.kind;
		v.alen = e->k.alen;
		v.proto = e->k.proto;
		v.ports = (uint8_t)has_ports(&e->k);
		memcpy(v.cli, ci ? e->k.b : e->k.a, 16);
		memcpy(v.srv, si ? e->k.b : e->k.a, 16);
		v.cport = ci ? e->k.pb : e->k.pa;
		v.sport = si ? e->k.pb : e->k.pa;
		v.pkts[0] = e->pkts[ci];
		v.pkts[1] = e->pkts[si];
		v.bytes[0] = e->bytes[ci];
		v.bytes[1] = e->bytes[si];
		v.first_sec = e->first_sec;
		v.first_frac = e->first_frac;
		v.last_sec = e->last_sec;
		v.last_frac = e->last_frac;
		v.state = state_of(e);
		v.priv = e;
		fn(ctx, &v);
	}
}

void flow_view_text(const struct flow_view *v, char proto[32], char cli[64], char srv[64])
{
	const struct flow *e = v->priv;
	proto_label(proto, 32, &e->k);
	endpoint(cli, 64, &e->k, e->cli);
	endpoint(srv, 64, &e->k, !e->cli);
}
