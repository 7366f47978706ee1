/* engine.c - the rule engine at run time: which rules to evaluate where,
 * the per-connection state they need, thresholds, and the alerts.
 *
 * Each rule is evaluated at exactly one place, chosen when the rules are
 * compiled, so that one match is one alert:
 *   LOC_TX      a rule with a sticky buffer of the sessions (http.uri,
 *               dns.query, file.data ...): once per transaction, at the
 *               call that completes its buffers (rules_inspect);
 *   LOC_STREAM  a TCP rule with payload content and no per-packet test
 *               (dsize, flags, seq ...) nor no_stream: on the reassembled
 *               bytes of each direction, so that a content split across
 *               segments matches; the bytes are inspected as they are
 *               delivered, with the last RULES_TAIL bytes before them, and a
 *               match must end in the new bytes (struct rm_bufs.pkt_old);
 *               a rule anchored at absolute positions (offset, depth,
 *               startswith, an absolute byte_test, a pcre anchored at the
 *               start) is given the new bytes alone, from offset 0, as
 *               Snort and Suricata give it the chunk being flushed;
 *   LOC_PKT     everything else: each packet (and each datagram the
 *               defragmenter completed), its transport payload.
 * At each place the candidates are the rules one of whose fast-pattern
 * literals the Hyperscan prefilter found in the buffer, plus the rules
 * that have no literal: those are found by address (IP reputation lists:
 * a sorted table of their host addresses) or else tried on every packet
 * after a cheap protocol and port check.  Candidates are evaluated in rule
 * order; a matching pass rule silences the others of the same packet. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../analyze/community_id.h"
#include "../analyze/internal.h"
#include "../analyze/json.h"
#include "internal.h"
#include "hscache.h"
#include "prefilter.h"
#include "rules.h"

#define RULES_TAIL 2048                        /* stream bytes kept before new ones */
#define RULES_TAIL_TOTAL ((size_t)64 << 20)    /* all stream tails at once */
#define RULES_INSPECT_MAX ((size_t)64 << 10)   /* stream bytes inspected in one piece */
#define RULES_CACHE_MAX (256ULL << 20)         /* the Hyperscan cache, oldest removed past it */
#define THRESH_SLOTS 65536                     /* by_src/by_dst threshold entries */
#define ADDR_INDEX_MAX 4096                    /* keys one rule may put in the address index */

enum { LOC_PKT, LOC_STREAM, LOC_TX };

struct rstat {
	uint64_t alerts;
	uint64_t first_sec, last_sec;
	uint32_t first_frac, last_frac;
	/* by_rule threshold and detection_filter state */
	uint64_t thr_start, df_start;
	uint32_t thr_count, df_count;
};

/* A threshold entry tracked by address. */
struct tslot {
	uint32_t rule1;          /* rule index + 1; 0: free */
	uint8_t kind;            /* 0 threshold, 1 detection_filter */
	uint8_t alen;
	uint8_t addr[16];
	uint64_t start;
	uint32_t count;
};

struct akey {
	uint8_t alen;
	uint8_t a[16];
	uint32_t rule;
};

/* A rule that alerted on a stream direction's bytes, and the stream
 * offset its window ended at: its next match there must lie after it (so
 * that the tail kept for split contents does not make a match twice). */
#define RFLOW_RECENT 8
struct recent {
	uint32_t rule1;          /* rule index + 1; 0: free */
	uint64_t end;
};

#define RFLOW_HITS 16

/* Per-connection state, in stream.user[slot]. */
struct rflow {
	uint8_t *tail[2];
	uint32_t tail_len[2];
	struct recent recent[2][RFLOW_RECENT];
	uint8_t recent_next[2];
	/* prefilter hits of earlier pieces still inside the kept tail (the
	 * tail is not scanned again: end is the literal's end in the stream) */
	struct recent hits[2][RFLOW_HITS];
	uint8_t hits_next[2];
	uint8_t bits[];          /* flowbits */
};

struct rules {
	struct ruleset rs;
	int compiled;
	char *cache;             /* rules_cache: Hyperscan databases kept there */
	unsigned nrules;
	struct rule **r;         /* rs.rules */
	uint8_t *loc;            /* LOC_* of each rule */
	uint8_t *anchored;       /* LOC_STREAM: inspected on the new bytes alone */
	struct rstat *stat;
	/* prefilters and the rules without a literal */
	struct pf *pf_pkt[4], *pf_stream, *pf_tx[SB_MAX]; /* pf_pkt by bucket_of(protocol) */
	/* TCP and UDP packet literals of rules for a few ports, by port
	 * (port_pf): a packet is scanned with pf_pkt and with its ports' */
	struct port_pf *ppf;
	unsigned nppf;
	uint32_t *always_pkt, *always_stream, *always_tx;
	unsigned nalways_pkt, nalways_stream, nalways_tx;
	/* always_pkt split by the packet's protocol (bucket_of), and of those
	 * the rules that need no payload (for fragments) */
	uint32_t *always_by[4], *always_frag[4];
	unsigned nalways_by[4], nalways_frag[4];
	struct akey *aidx;       /* prefixes of address-indexed rules, sorted */
	size_t naidx;
	void *hs_scratch;
	struct rm_scratch *rms;
	/* the candidates of the current evaluation */
	uint32_t *stamp, gen;
	uint32_t *cand;
	unsigned ncand;
	uint32_t *matched;
	unsigned nmatched;
	/* connections */
	int slot;
	struct sessions *ss;
	size_t fbytes;           /* flowbit bytes per connection */
	size_t tail_mem;
	uint8_t *dot;            /* dotprefix's copies */
	size_t dotcap;
	uint64_t win_off;        /* the stream window's first byte's offset in its direction */
	uint32_t stream_over;    /* tail bytes the stream prefilter scans again: longest literal - 1 */
	uint64_t hit_base;       /* stream offset of the bytes being scanned */
	struct rflow *hit_fl;
	int hit_dir;
	uint8_t *ibuf;           /* tail + new bytes being inspected */
	/* thresholds by address */
	struct tslot *ts;
	/* output */
	rules_alert_fn on_alert;
	void *on_alert_ctx;
	struct out *o;
	int json, nano;
	struct an_clock clk;
	struct eve_clock eclk;
	uint64_t tm_sec;
	int tm_valid;
	char tm_head[48];        /* "MM/DD-HH:MM:SS" of tm_sec */
	/* counters */
	uint64_t alerts, suppressed, thresh_evicted, tail_dropped, budget_out;
};

/* The packet literals of the TCP (bk 0) or UDP (bk 1) rules for one
 * destination (side 0) or source (side 1) port. */
struct port_pf {
	uint32_t key;            /* port_key() */
	struct pf *pf;
};

static uint32_t port_key(unsigned bk, unsigned side, unsigned port)
{
	return (uint32_t)bk << 17 | (uint32_t)side << 16 | port;
}

/* ---- loading ------------------------------------------------------------- */

struct rules *rules_new(void)
{
	struct rules *R = calloc(1, sizeof *R);
	if (!R)
		return NULL;
	rs_init(&R->rs);
	R->slot = -1;
	return R;
}

int rules_cache(struct rules *R, const char *dir)
{
	free(R->cache);
	R->cache = NULL;
	return dir && !(R->cache = strdup(dir)) ? -1 : 0;
}

const char *rules_cache_default(char *buf, size_t len)
{
	return hscache_default_dir(buf, len);
}

int rules_var(struct rules *R, const char *nv, char *err, size_t errlen)
{
	const char *eq = strchr(nv, '=');
	if (!eq || eq == nv) {
		snprintf(err, errlen, "--var %s: expected NAME=VALUE", nv);
		return -1;
	}
	char name[128];
	size_t k = (size_t)(eq - nv);
	if (k >= sizeof name) {
		snprintf(err, errlen, "--var: name too long");
		return -1;
	}
	memcpy(name, nv, k);
	name[k] = 0;
	return rs_set_var(&R->rs, name, eq + 1, 1, err, errlen);
}

int rules_load(struct rules *R, const char *path, char *err, size_t errlen)
{
	return rs_load(&R->rs, path, err, errlen);
}

/* Whether a header test needs the packet (all of them do). */
static int loc_of(const struct rule *r)
{
	uint64_t tx = r->bufs & (((uint64_t)1 << SB_MAX) - 1);
	if (tx)
		return LOC_TX;
	if (r->ipproto == 6 && (r->bufs >> RB_PKT & 1) && !(r->flow & RF_NO_STREAM) && !r->nhdr)
		return LOC_STREAM;
	return LOC_PKT;
}

/* The address index: a rule whose source (or else destination) is a list
 * of networks is filed under each network's prefix, IPv4 /16 and IPv6
 * /32 (a shorter IPv4 network, down to /8, under each /16 it covers), and
 * found by the prefix of a packet's addresses; addrset_match confirms.
 * Returns the number of keys a set needs, 0 when it cannot be indexed. */
#define AKEY4 2  /* bytes of an IPv4 key */
#define AKEY6 4
static size_t index_keys(const struct addrset *a)
{
	if (a->any || !a->nin)
		return 0;
	size_t n = 0;
	for (unsigned i = 0; i < a->nin; i++) {
		const struct cidr *c = &a->in[i];
		if (c->alen == 16 && c->bits >= 32)
			n++;
		else if (c->alen == 4 && c->bits >= 16)
			n++;
		else if (c->alen == 4 && c->bits >= 8)
			n += (size_t)1 << (16 - c->bits);
		else
			return 0;
		if (n > ADDR_INDEX_MAX)
			return 0;
	}
	return n;
}

static int akey_cmp(const void *x, const void *y)
{
	const struct akey *a = x, *b = y;
	if (a->alen != b->alen)
		return a->alen - b->alen;
	int c = memcmp(a->a, b->a, a->alen);
	if (c)
		return c;
	return a->rule < b->rule ? -1 : a->rule > b->rule;
}

static void add_keys(struct akey *k, size_t *n, const struct addrset *a, uint32_t rule)
{
	for (unsigned i = 0; i < a->nin; i++) {
		const struct cidr *c = &a->in[i];
		size_t cnt = (c->alen == 4 && c->bits < 16) ? (size_t)1 << (16 - c->bits) : 1;
		for (size_t j = 0; j < cnt; j++) {
			struct akey *e = &k[(*n)++];
			memset(e, 0, sizeof *e);
			e->alen = c->alen == 4 ? AKEY4 : AKEY6;
			memcpy(e->a, c->a, e->alen);
			if (cnt > 1) {
				unsigned v = ((unsigned)c->a[0] << 8 | c->a[1]) + (unsigned)j;
				e->a[0] = (uint8_t)(v >> 8);
				e->a[1] = (uint8_t)v;
			}
			e->rule = rule;
		}
	}
}

/* Whether a payload rule reads absolute positions of its buffer (see the
 * top of the file). */
static int is_anchored(const struct rule *r)
{
	for (unsigned i = 0; i < r->nm; i++) {
		const struct rm *m = &r->m[i];
		if (m->buf != RB_PKT || (m->flags & RMF_RELATIVE))
			continue;
		switch (m->kind) {
		case RM_CONTENT:
			if ((m->has & (RMH_OFFSET | RMH_DEPTH)) || (m->flags & RMF_STARTSWITH))
				return 1;
			break;
		case RM_PCRE: {
			uint32_t opts = 0;
			if (m->re && !pcre2_pattern_info(m->re, PCRE2_INFO_ALLOPTIONS, &opts) &&
			    (opts & PCRE2_ANCHORED))
				return 1;
			break;
		}
		case RM_BYTE_TEST:
		case RM_BYTE_JUMP:
		case RM_BYTE_EXTRACT:
		case RM_ISDATAAT:
			return 1;
		}
	}
	return 0;
}

static int proto_ok(const struct rule *r, unsigned proto);

/* The always_pkt bucket of a protocol: TCP, UDP, ICMP (v4 or v6), others. */
static int bucket_of(unsigned proto)
{
	return proto == 6 ? 0 : proto == 17 ? 1 : (proto == 1 || proto == 58) ? 2 : 3;
}

/* A packet literal of nothing but 00 and ff bytes ("|00 00 00 00 00|",
 * "|ff ff 00 00|") occurs in most binary payloads: scanning for it costs
 * Hyperscan more than trying its few rules' header tests on every packet
 * (ET's UDP rules of this kind, with dsize and ports, made a third of the
 * time of --rules on real traffic). */
static int weak_literal(const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (p[i] != 0 && p[i] != 0xff)
			return 0;
	return 1;
}

static int literal_of(const struct rule *r, struct pf_lit *l)
{
	if (r->fast < 0)
		return 0;
	const struct rm *m = &r->m[r->fast];
	if (m->kind != RM_CONTENT || (m->flags & RMF_NEG) || !m->plen)
		return 0;
	if (m->buf == RB_PKT && loc_of(r) == LOC_PKT && weak_literal(m->pat, m->plen))
		return 0;
	uint32_t off = 0, n = m->plen;
	if (m->fp_len && m->fp_off < m->plen) {
		off = m->fp_off;
		n = m->fp_len < m->plen - off ? m->fp_len : m->plen - off;
	}
	/* with dotprefix the buffer scanned lacks the '.' the content may start with */
	if (off == 0 && n > 1 && m->pat[0] == '.' && m->buf < 64 && (r->dotprefix >> m->buf & 1)) {
		off = 1;
		n--;
	}
	/* a content placed from the buffer's start (offset and depth, or
	 * startswith) ends within offset + depth: the prefilter's head */
	uint32_t head = 0;
	if (!(m->has & (RMH_DISTANCE | RMH_WITHIN))) {
		if (m->flags & RMF_STARTSWITH)
			head = m->plen;
		else if ((m->has & RMH_DEPTH) && m->depth.var < 0 && m->depth.v > 0 &&
			 (!(m->has & RMH_OFFSET) || (m->offset.var < 0 && m->offset.v >= 0)))
			head = (uint32_t)m->depth.v + (m->has & RMH_OFFSET ? (uint32_t)m->offset.v : 0);
	}
	*l = (struct pf_lit){ m->pat + off, n, (m->flags & RMF_NOCASE) != 0, r->index, head };
	return 1;
}

/* One database to build, and its result. */
struct pf_job {
	const struct pf_lit *lits;
	unsigned n;
	struct pf **out;
	int failed;
	char err[256];
	const char *cache;  /* the Hyperscan cache directory, or NULL */
	struct hscache_stats *st; /* databases found there, and compiled */
};

struct pf_pool {
	struct pf_job *jobs;
	unsigned n, next;
	pthread_mutex_t mu;
};

static void *pf_worker(void *arg)
{
	struct pf_pool *pool = arg;
	for (;;) {
		pthread_mutex_lock(&pool->mu);
		unsigned i = pool->next++;
		pthread_mutex_unlock(&pool->mu);
		if (i >= pool->n)
			return NULL;
		struct pf_job *j = &pool->jobs[i];
		if (!(*j->out = pf_build(j->lits, j->n, j->cache, j->st, j->err, sizeof j->err)))
			j->failed = 1;
	}
}

static int job_cmp(const void *a, const void *b)
{
	const struct pf_job *x = a, *y = b;
	return x->n > y->n ? -1 : x->n < y->n;
}

/* Builds every job's database, on this thread and one more (alone when
 * the thread cannot be started). */
static int pf_build_all(struct pf_job *jobs, unsigned n, char *err, size_t errlen)
{
	qsort(jobs, n, sizeof *jobs, job_cmp);
	struct pf_pool pool = { jobs, n, 0, PTHREAD_MUTEX_INITIALIZER };
	pthread_t th;
	int two = pthread_create(&th, NULL, pf_worker, &pool) == 0;
	pf_worker(&pool);
	if (two)
		pthread_join(th, NULL);
	for (unsigned i = 0; i < n; i++)
		if (jobs[i].failed) {
			snprintf(err, errlen, "%s", jobs[i].err);
			return -1;
		}
	return 0;
}

/* A packet literal filed under a port (struct port_pf). */
struct keyed_lit {
	uint32_t key;
	struct pf_lit l;
};

static int keyed_cmp(const void *a, const void *b)
{
	const struct keyed_lit *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->l.rule < y->l.rule ? -1 : x->l.rule > y->l.rule;
}

/* The ports a TCP or UDP rule's packet literal is filed under: its
 * destination ports, or else its source ports, when they are listed and at
 * most PORT_KEYS_MAX; 0: any port (and always for <>, whose sides swap). */
#define PORT_KEYS_MAX 16
static unsigned port_keys(const struct rule *r, uint16_t *ports, unsigned *side)
{
	if (r->bidir)
		return 0;
	for (unsigned sd = 0; sd < 2; sd++) {
		const struct portset *p = sd ? &r->sp : &r->dp;
		if (p->any || !p->nin)
			continue;
		unsigned k = 0, wide = 0;
		for (unsigned i = 0; i < p->nin && !wide; i++)
			for (unsigned v = p->in[i].lo; v <= p->in[i].hi; v++) {
				if (!portset_match(p, v))
					continue;
				if (k == PORT_KEYS_MAX) {
					wide = 1;
					break;
				}
				ports[k++] = (uint16_t)v;
			}
		if (!wide && k) {
			*side = sd;
			return k;
		}
	}
	return 0;
}

/* Takes out of lp[0..*nlp) the literals of TCP-only and UDP-only rules
 * for a few ports, into kl (sorted by key, one entry per port) and their
 * pf_lit copies klits in the same order; *nkeys distinct keys. */
static int port_literals(struct rules *R, struct pf_lit *lp, unsigned *nlp, struct keyed_lit **kl,
                         size_t *nkl, struct pf_lit **klits, unsigned *nkeys)
{
	size_t cap = (size_t)*nlp * PORT_KEYS_MAX, n = 0;
	struct keyed_lit *v = malloc(cap ? cap * sizeof *v : 1);
	if (!v)
		return -1;
	unsigned keep = 0;
	for (unsigned q = 0; q < *nlp; q++) {
		const struct rule *r = R->r[lp[q].rule];
		uint16_t ports[PORT_KEYS_MAX];
		unsigned side = 0, k = 0;
		if (r->ipproto == 6 || r->ipproto == 17)
			k = port_keys(r, ports, &side);
		if (!k) {
			lp[keep++] = lp[q];
			continue;
		}
		for (unsigned i = 0; i < k; i++)
			v[n++] = (struct keyed_lit){ port_key(r->ipproto == 6 ? 0 : 1, side, ports[i]), lp[q] };
	}
	*nlp = keep;
	qsort(v, n, sizeof *v, keyed_cmp);
	struct pf_lit *l = malloc(n ? n * sizeof *l : 1);
	if (!l) {
		free(v);
		return -1;
	}
	unsigned keys = 0;
	for (size_t i = 0; i < n; i++) {
		l[i] = v[i].l;
		keys += i == 0 || v[i].key != v[i - 1].key;
	}
	*kl = v;
	*nkl = n;
	*klits = l;
	*nkeys = keys;
	return 0;
}

/* The port database of key, or NULL (R->ppf is sorted by key). */
static const struct pf *port_pf(const struct rules *R, uint32_t key)
{
	unsigned lo = 0, hi = R->nppf;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (R->ppf[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < R->nppf && R->ppf[lo].key == key ? R->ppf[lo].pf : NULL;
}

int rules_compile(struct rules *R, int strict, char *err, size_t errlen)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (rs_resolve(&R->rs, err, errlen) < 0)
		return -1;
	char rep[4096];
	rs_report(&R->rs, rep, sizeof rep);
	if (strict && R->rs.skipped) {
		snprintf(err, errlen, "--rules-strict: %s", rep);
		return -1;
	}
	unsigned n = R->nrules = R->rs.nrules;
	R->r = R->rs.rules;
	R->loc = calloc(n ? n : 1, 1);
	R->anchored = calloc(n ? n : 1, 1);
	R->stat = calloc(n ? n : 1, sizeof *R->stat);
	R->stamp = calloc(n ? n : 1, sizeof *R->stamp);
	R->cand = calloc(n ? n : 1, sizeof *R->cand);
	R->matched = calloc(n ? n : 1, sizeof *R->matched);
	R->always_pkt = calloc(n ? n : 1, sizeof(uint32_t));
	R->always_stream = calloc(n ? n : 1, sizeof(uint32_t));
	R->always_tx = calloc(n ? n : 1, sizeof(uint32_t));
	struct pf_lit *lp = calloc(n ? n : 1, sizeof *lp), *ls = calloc(n ? n : 1, sizeof *ls);
	unsigned nlp = 0, nls = 0, nlt[SB_MAX] = { 0 };
	struct hscache_stats st = { 0, 0 };
	uint32_t *tx_buf = calloc(n ? n : 1, sizeof *tx_buf);
	R->ts = calloc(THRESH_SLOTS, sizeof *R->ts);
	R->ibuf = malloc(RULES_TAIL + RULES_INSPECT_MAX);
	R->rms = rm_scratch_new();
	int rc = -1;
	if (!R->loc || !R->anchored || !R->stat || !R->stamp || !R->cand || !R->matched || !R->always_pkt ||
	    !R->always_stream || !R->always_tx || !lp || !ls || !tx_buf || !R->ts ||
	    !R->ibuf || !R->rms) {
		snprintf(err, errlen, "out of memory compiling the rules");
		goto out;
	}
	/* places, literals, the address index */
	size_t nhost = 0;
	unsigned nindexed = 0;
	for (unsigned i = 0; i < n; i++) {
		struct rule *r = R->r[i];
		r->index = i;
		int loc = R->loc[i] = (uint8_t)loc_of(r);
		R->anchored[i] = loc == LOC_STREAM && is_anchored(r);
		struct pf_lit l;
		int lit = literal_of(r, &l);
		if (loc == LOC_TX) {
			if (lit && r->m[r->fast].buf < SB_MAX)
				tx_buf[i] = r->m[r->fast].buf + 1;
			else
				R->always_tx[R->nalways_tx++] = i;
		} else if (loc == LOC_STREAM) {
			/* stream offsets count from the window, not the buffer */
			l.head = 0;
			if (lit)
				ls[nls++] = l;
			else
				R->always_stream[R->nalways_stream++] = i;
		} else {
			if (lit && r->m[r->fast].buf == RB_PKT) {
				lp[nlp++] = l;
			} else {
				size_t h = index_keys(&r->src), d = index_keys(&r->dst);
				if (h || d) {
					nhost += h ? h : d;
					nindexed++;
				} else {
					R->always_pkt[R->nalways_pkt++] = i;
				}
			}
		}
	}
	for (int bk = 0; bk < 4; bk++) {
		static const unsigned rep_proto[4] = { 6, 17, 1, 255 };
		R->always_by[bk] = calloc(R->nalways_pkt ? R->nalways_pkt : 1, sizeof(uint32_t));
		R->always_frag[bk] = calloc(R->nalways_pkt ? R->nalways_pkt : 1, sizeof(uint32_t));
		if (!R->always_by[bk] || !R->always_frag[bk]) {
			snprintf(err, errlen, "out of memory compiling the rules");
			goto out;
		}
		for (unsigned k = 0; k < R->nalways_pkt; k++) {
			const struct rule *r = R->r[R->always_pkt[k]];
			/* the "other" bucket keeps the rules for any protocol but
			 * the three (proto_ok decides each packet) */
			if (bk == 3 ? (r->ipproto == 6 || r->ipproto == 17 || r->ipproto == 1)
				    : !proto_ok(r, rep_proto[bk]))
				continue;
			R->always_by[bk][R->nalways_by[bk]++] = r->index;
			if (!(r->bufs >> RB_PKT & 1))
				R->always_frag[bk][R->nalways_frag[bk]++] = r->index;
		}
	}
	if (nhost) {
		R->aidx = calloc(nhost, sizeof *R->aidx);
		if (!R->aidx) {
			snprintf(err, errlen, "out of memory compiling the rules");
			goto out;
		}
		for (unsigned i = 0; i < n; i++) {
			struct rule *r = R->r[i];
			struct pf_lit l;
			if (R->loc[i] != LOC_PKT || (literal_of(r, &l) && r->m[r->fast].buf == RB_PKT))
				continue;
			size_t h = index_keys(&r->src), d = index_keys(&r->dst);
			if (h)
				add_keys(R->aidx, &R->naidx, &r->src, i);
			else if (d)
				add_keys(R->aidx, &R->naidx, &r->dst, i);
		}
		qsort(R->aidx, R->naidx, sizeof *R->aidx, akey_cmp);
	}
	/* the databases are compiled on two threads, the largest first */
	struct keyed_lit *kl = NULL;
	size_t nkl = 0;
	struct pf_lit *klits = NULL;
	unsigned nkeys = 0, npkt_lits = nlp;
	if (port_literals(R, lp, &nlp, &kl, &nkl, &klits, &nkeys) < 0) {
		snprintf(err, errlen, "out of memory compiling the rules");
		goto out;
	}
	struct pf_job *jobs = calloc(SB_MAX + 5 + nkeys, sizeof *jobs);
	R->ppf = calloc(nkeys ? nkeys : 1, sizeof *R->ppf);
	if (!jobs || !R->ppf) {
		free(jobs);
		free(kl);
		free(klits);
		snprintf(err, errlen, "out of memory compiling the rules");
		goto out;
	}
	unsigned nj = 0;
	for (size_t i = 0; i < nkl;) {
		size_t j = i;
		while (j < nkl && kl[j].key == kl[i].key)
			j++;
		R->ppf[R->nppf].key = kl[i].key;
		jobs[nj++] = (struct pf_job){ klits + i, (unsigned)(j - i), &R->ppf[R->nppf].pf, 0, "",
					      R->cache, &st };
		R->nppf++;
		i = j;
	}
	/* packet literals by protocol bucket (a rule for any IP in each) */
	struct pf_lit *lpb[4] = { 0 };
	for (int bk = 0; bk < 4; bk++) {
		static const unsigned rep_proto[4] = { 6, 17, 1, 255 };
		if (!(lpb[bk] = malloc((nlp ? nlp : 1) * sizeof *lpb[bk]))) {
			snprintf(err, errlen, "out of memory compiling the rules");
			for (int k = 0; k < bk; k++)
				free(lpb[k]);
			goto out;
		}
		unsigned k = 0;
		for (unsigned q = 0; q < nlp; q++) {
			const struct rule *r = R->r[lp[q].rule];
			if (bk == 3 ? !(r->ipproto == 6 || r->ipproto == 17 || r->ipproto == 1)
				    : proto_ok(r, rep_proto[bk]))
				lpb[bk][k++] = lp[q];
		}
		jobs[nj++] = (struct pf_job){ lpb[bk], k, &R->pf_pkt[bk], 0, "", R->cache, &st };
	}
	jobs[nj++] = (struct pf_job){ ls, nls, &R->pf_stream, 0, "", R->cache, &st };
	struct pf_lit *ltb[SB_MAX] = { 0 };
	for (unsigned b = 0; b < SB_MAX; b++) {
		unsigned k = 0;
		for (unsigned i = 0; i < n; i++)
			k += tx_buf[i] == b + 1;
		nlt[b] = k;
		if (!k)
			continue;
		if (!(ltb[b] = malloc(k * sizeof *ltb[b]))) {
			snprintf(err, errlen, "out of memory compiling the rules");
			goto out_tx;
		}
		k = 0;
		for (unsigned i = 0; i < n; i++) {
			struct pf_lit l;
			if (tx_buf[i] == b + 1 && literal_of(R->r[i], &l))
				ltb[b][k++] = l;
		}
		jobs[nj++] = (struct pf_job){ ltb[b], k, &R->pf_tx[b], 0, "", R->cache, &st };
	}
	int built = pf_build_all(jobs, nj, err, errlen);
	if (built == 0)
		hscache_prune(R->cache, RULES_CACHE_MAX);
	free(jobs);
	free(kl);
	free(klits);
	for (int bk = 0; bk < 4; bk++)
		free(lpb[bk]);
	if (built < 0)
		goto out_tx;
	for (unsigned b = 0; b < SB_MAX; b++)
		free(ltb[b]);
	if (pf_scratch(R->pf_stream, &R->hs_scratch) < 0)
		goto scratch;
	for (int bk = 0; bk < 4; bk++)
		if (pf_scratch(R->pf_pkt[bk], &R->hs_scratch) < 0)
			goto scratch;
	for (unsigned k = 0; k < R->nppf; k++)
		if (pf_scratch(R->ppf[k].pf, &R->hs_scratch) < 0)
			goto scratch;
	for (unsigned b = 0; b < SB_MAX; b++)
		if (R->pf_tx[b] && pf_scratch(R->pf_tx[b], &R->hs_scratch) < 0)
			goto scratch;
	R->fbytes = (R->rs.nfb + 7) / 8;
	R->stream_over = pf_maxlen(R->pf_stream) ? pf_maxlen(R->pf_stream) - 1 : 0;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	unsigned ntx = 0;
	for (unsigned b = 0; b < SB_MAX; b++)
		ntx += nlt[b];
	char cached[64] = "";
	if (st.hits)
		snprintf(cached, sizeof cached, " (%u of %u Hyperscan databases from the cache)", st.hits,
			 st.hits + st.compiled);
	fprintf(stderr,
		"trawl: rules: %s; prefilter: %u packet, %u stream, %u transaction literals, "
		"%u rules found by address, %u tried everywhere; compiled in %.2f s%s\n",
		rep, npkt_lits, pf_size(R->pf_stream), ntx, nindexed,
		R->nalways_pkt + R->nalways_stream + R->nalways_tx, secs, cached);
	R->compiled = 1;
	rc = 0;
	goto out;
scratch:
	snprintf(err, errlen, "Hyperscan: cannot allocate scratch space");
	goto out;
out_tx:
	for (unsigned b = 0; b < SB_MAX; b++)
		free(ltb[b]);
out:
	free(lp);
	free(ls);
	free(tx_buf);
	return rc;
}

void rules_output(struct rules *R, struct out *o, int json, int nano)
{
	R->o = o;
	R->json = json;
	R->nano = nano;
}

void rules_on_alert(struct rules *R, rules_alert_fn fn, void *ctx)
{
	R->on_alert = fn;
	R->on_alert_ctx = ctx;
}

void rules_sessions(struct rules *R, struct sessions *ss)
{
	R->ss = ss;
}

void rules_set_slot(struct rules *R, int slot)
{
	R->slot = slot;
}

/* ---- per-connection state ------------------------------------------------ */

static struct rflow *flow_of(struct rules *R, struct stream *s, int make)
{
	if (!s || R->slot < 0)
		return NULL;
	struct rflow *fl = s->user[R->slot];
	if (!fl && make) {
		fl = calloc(1, sizeof *fl + R->fbytes);
		s->user[R->slot] = fl;
	}
	return fl;
}

/* Established: TCP after the handshake (or a connection picked up in the
 * middle), UDP once both directions have been seen. */
static int established(const struct stream *s, const struct facts *f)
{
	if (!s)
		return 0;
	if (s->proto == 6) {
		if (s->midstream)
			return 1;
		return s->side[0].syn && s->side[1].syn && !(f && (f->tcp_flags & TH_SYN));
	}
	return s->side[0].pkts && s->side[1].pkts;
}

/* ---- checks -------------------------------------------------------------- */

struct tuple {
	const uint8_t *src, *dst;
	unsigned alen, proto;
	int ports;
	unsigned sp, dp;
};

static int proto_ok(const struct rule *r, unsigned proto)
{
	if (!r->ipproto)
		return 1;
	if (r->ipproto == 1)
		return proto == 1 || proto == 58;
	return r->ipproto == proto;
}

static int side_ok(const struct rule *r, const uint8_t *a, const uint8_t *b, unsigned alen,
                   int ports, unsigned pa, unsigned pb)
{
	/* the ports first: cheaper than address lists such as $HOME_NET */
	if (!ports ? !(r->sp.any && r->dp.any) : !portset_match(&r->sp, pa) || !portset_match(&r->dp, pb))
		return 0;
	return addrset_match(&r->src, a, alen) && addrset_match(&r->dst, b, alen);
}

static int header_ok(const struct rule *r, const struct tuple *t)
{
	if (!proto_ok(r, t->proto))
		return 0;
	if (side_ok(r, t->src, t->dst, t->alen, t->ports, t->sp, t->dp))
		return 1;
	return r->bidir && side_ok(r, t->dst, t->src, t->alen, t->ports, t->dp, t->sp);
}

static int flow_ok(const struct rule *r, const struct stream *s, int dir, int est, int loc)
{
	unsigned fl = r->flow;
	if (!fl)
		return 1;
	if ((fl & RF_ESTABLISHED) && !est)
		return 0;
	if ((fl & RF_NOT_ESTABLISHED) && est)
		return 0;
	if ((fl & RF_TO_SERVER) && (!s || dir != 0))
		return 0;
	if ((fl & RF_TO_CLIENT) && (!s || dir != 1))
		return 0;
	if ((fl & RF_ONLY_STREAM) && loc == LOC_PKT && r->ipproto == 6)
		return 0;
	return 1;
}

static int app_ok(struct rules *R, const struct rule *r, const struct stream *s)
{
	if (!r->app)
		return 1;
	const char *a = (R->ss && s) ? sessions_app(R->ss, s) : NULL;
	return a && !strcmp(a, r->app);
}

static int bit(const uint8_t *bits, uint32_t id)
{
	return bits && (bits[id >> 3] >> (id & 7) & 1);
}

static int flowbits_ok(const struct rule *r, const struct rflow *fl)
{
	const uint8_t *bits = fl ? fl->bits : NULL;
	for (unsigned i = 0; i < r->nfb; i++) {
		const struct fbop *op = &r->fb[i];
		if (op->op != FB_ISSET && op->op != FB_ISNOTSET)
			continue;
		int want = op->op == FB_ISSET;
		int ok = op->any ? 0 : 1;
		for (unsigned k = 0; k < op->n; k++) {
			int v = bit(bits, op->ids[k]) == want;
			if (op->any && v) {
				ok = 1;
				break;
			}
			if (!op->any && !v) {
				ok = 0;
				break;
			}
		}
		if (!ok)
			return 0;
	}
	return 1;
}

static void flowbits_apply(const struct rule *r, struct rflow *fl)
{
	if (!fl)
		return;
	for (unsigned i = 0; i < r->nfb; i++) {
		const struct fbop *op = &r->fb[i];
		for (unsigned k = 0; k < op->n; k++) {
			uint32_t id = op->ids[k];
			uint8_t m = (uint8_t)(1u << (id & 7));
			if (op->op == FB_SET)
				fl->bits[id >> 3] |= m;
			else if (op->op == FB_UNSET)
				fl->bits[id >> 3] &= (uint8_t)~m;
			else if (op->op == FB_TOGGLE)
				fl->bits[id >> 3] ^= m;
		}
	}
}

/* ---- thresholds -------------------------------------------------------------- */

/* A time in microseconds. */
static uint64_t usec(struct rules *R, uint64_t sec, uint32_t frac)
{
	return sec * 1000000u + (R->nano ? frac / 1000 : frac);
}

/* Counts one match in a window of th->seconds starting at *start; returns
 * the count within the window (1 for the first). */
static uint32_t count_in(uint64_t now, uint32_t secs, uint64_t *start, uint32_t *count)
{
	if (!*count || now - *start > (uint64_t)secs * 1000000u) {
		*start = now;
		*count = 0;
	}
	return ++*count;
}

/* Whether the n-th match of its window alerts. */
static int thr_says(const struct rthresh *th, uint32_t n)
{
	switch (th->type) {
	case THR_LIMIT:
		return n <= th->count;
	case THR_THRESHOLD:
		return th->count && n % th->count == 0;
	case THR_BOTH:
		return n == th->count;
	case THR_DETECTION_FILTER:
		return n > th->count;
	}
	return 1;
}

static struct tslot *tslot_of(struct rules *R, uint32_t rule, int kind, const uint8_t *a,
                              unsigned alen, uint64_t now)
{
	uint32_t h = an_hash(a, alen, 2166136261u ^ rule * 2654435761u ^ (uint32_t)kind);
	struct tslot *oldest = NULL;
	for (unsigned k = 0; k < 8; k++) {
		struct tslot *t = &R->ts[(h + k) & (THRESH_SLOTS - 1)];
		if (t->rule1 == rule + 1 && t->kind == kind && t->alen == alen && !memcmp(t->addr, a, alen))
			return t;
		if (!t->rule1) {
			oldest = t;
			break;
		}
		if (!oldest || t->start < oldest->start)
			oldest = t;
	}
	if (oldest->rule1)
		R->thresh_evicted++;
	memset(oldest, 0, sizeof *oldest);
	oldest->rule1 = rule + 1;
	oldest->kind = (uint8_t)kind;
	oldest->alen = (uint8_t)alen;
	memcpy(oldest->addr, a, alen);
	oldest->start = now;
	return oldest;
}

static int thresh_pass(struct rules *R, const struct rule *r, const struct rthresh *th, int kind,
                       const struct tuple *t, uint64_t now)
{
	if (th->type == THR_NONE)
		return 1;
	struct rstat *st = &R->stat[r->index];
	uint32_t n;
	if (th->track == TRK_RULE) {
		n = kind ? count_in(now, th->seconds, &st->df_start, &st->df_count)
			 : count_in(now, th->seconds, &st->thr_start, &st->thr_count);
	} else {
		uint8_t key[32];
		unsigned kl = t->alen;
		if (th->track == TRK_BOTH) {
			memcpy(key, t->src, t->alen);
			memcpy(key + t->alen, t->dst, t->alen);
			kl = 2 * t->alen;
		} else {
			memcpy(key, th->track == TRK_DST ? t->dst : t->src, t->alen);
		}
		struct tslot *s = tslot_of(R, r->index, kind, key, kl > 16 ? 16 : kl, now);
		if (kl > 16) { /* both IPv6 addresses: the key is their hash */
			uint32_t h = an_hash(key, kl, 2166136261u);
			memcpy(s->addr, &h, 4);
		}
		n = count_in(now, th->seconds, &s->start, &s->count);
	}
	return thr_says(th, n);
}

/* ---- alerts ------------------------------------------------------------------ */

static const char *proto_tag(unsigned p, char *buf)
{
	switch (p) {
	case 6:
		return "TCP";
	case 17:
		return "UDP";
	case 1:
		return "ICMP";
	case 58:
		return "IPV6-ICMP";
	}
	snprintf(buf, 16, "PROTO:%03u", p & 255);
	return buf;
}

/* MM/DD-HH:MM:SS.uuuuuu, local time, as Snort's fast alerts. */
static void put_fast_time(struct rules *R, uint64_t sec, uint32_t frac)
{
	struct out *o = R->o;
	if (!R->tm_valid || R->tm_sec != sec) {
		time_t t = (time_t)sec;
		struct tm tm;
		if (!localtime_r(&t, &tm)) {
			out_u(o, sec);
			out_c(o, '.');
			out_uw(o, frac, R->nano ? 9 : 6, '0');
			return;
		}
		snprintf(R->tm_head, sizeof R->tm_head, "%02d/%02d-%02d:%02d:%02d", tm.tm_mon + 1,
			 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		R->tm_sec = sec;
		R->tm_valid = 1;
	}
	out_s(o, R->tm_head);
	out_c(o, '.');
	out_uw(o, frac, R->nano ? 9 : 6, '0');
}

/* [gid:sid:rev] without the brackets. */
static void put_gsr(struct out *o, const struct rule *r)
{
	out_u(o, r->gid);
	out_c(o, ':');
	out_u(o, r->sid);
	out_c(o, ':');
	out_u(o, r->rev);
}

/* "gid":..,"signature_id":..,"rev":..,"signature":".." (alert events and
 * the summary's signatures). */
static void put_sig_json(struct out *o, const struct rule *r)
{
	out_s(o, "\"gid\":");
	out_u(o, r->gid);
	out_s(o, ",\"signature_id\":");
	out_u(o, r->sid);
	out_s(o, ",\"rev\":");
	out_u(o, r->rev);
	out_s(o, ",\"signature\":");
	json_cstr(o, r->msg ? r->msg : "");
}

static void alert(struct rules *R, const struct rule *r, const struct tuple *t, uint64_t sec,
                  uint32_t frac, const struct stream *s)
{
	struct rstat *st = &R->stat[r->index];
	if (!st->alerts) {
		st->first_sec = sec;
		st->first_frac = frac;
	}
	st->alerts++;
	st->last_sec = sec;
	st->last_frac = frac;
	R->alerts++;
	if (R->on_alert)
		R->on_alert(R->on_alert_ctx, r->sid, r->gid, r->rev, r->msg ? r->msg : "", sec, frac);
	struct out *o = R->o;
	if (!o)
		return;
	char pb[16];
	out_reserve(o, OUT_SLACK);
	if (!R->json) {
		put_fast_time(R, sec, frac);
		out_s(o, "  [**] [");
		put_gsr(o, r);
		out_s(o, "] ");
		out_s(o, r->msg ? r->msg : "");
		out_s(o, " [**] ");
		if (r->classtype) {
			out_s(o, "[Classification: ");
			out_s(o, r->class_desc ? r->class_desc : r->classtype);
			out_s(o, "] ");
		}
		out_s(o, "[Priority: ");
		out_u(o, (uint64_t)r->priority);
		out_s(o, "] {");
		out_s(o, proto_tag(t->proto, pb));
		out_s(o, "} ");
		an_put_addr(o, t->src, t->alen);
		if (t->ports) {
			out_c(o, ':');
			out_u(o, t->sp);
		}
		out_s(o, " -> ");
		an_put_addr(o, t->dst, t->alen);
		if (t->ports) {
			out_c(o, ':');
			out_u(o, t->dp);
		}
		out_c(o, '\n');
		return;
	}
	char cid[COMMUNITY_ID_LEN + 1] = "";
	unsigned sp = t->ports ? t->sp : 0, dp = t->ports ? t->dp : 0;
	if (t->ports)
		community_id_v1(cid, 0, t->src, t->dst, t->alen, t->proto, t->sp, t->dp, 1);
	else
		community_id_v1(cid, 0, t->src, t->dst, t->alen, t->proto, 0, 0, 0);
	uint64_t fid = flow_id_of(t->src, t->dst, t->alen, t->proto, sp, dp);
	eve_begin(o, &R->eclk, sec, frac, R->nano, 1, fid, cid, "alert");
	eve_tuple(o, t->src, t->dst, t->alen, t->proto, t->ports, t->sp, t->dp);
	const char *app = (R->ss && s) ? sessions_app(R->ss, s) : NULL;
	if (app) {
		out_s(o, ",\"app_proto\":");
		json_cstr(o, app);
	}
	out_s(o, ",\"alert\":{\"action\":\"allowed\",");
	put_sig_json(o, r);
	out_s(o, ",\"category\":");
	json_cstr(o, r->class_desc ? r->class_desc : r->classtype ? r->classtype : "");
	out_s(o, ",\"severity\":");
	out_u(o, (uint64_t)r->priority);
	out_s(o, "}}\n");
}

/* ---- evaluation -------------------------------------------------------------- */

static void consider(void *ctx, uint32_t i, size_t end)
{
	(void)end;
	struct rules *R = ctx;
	if (R->stamp[i] != R->gen) {
		R->stamp[i] = R->gen;
		R->cand[R->ncand++] = i;
	}
}

static void begin(struct rules *R)
{
	R->ncand = 0;
	R->nmatched = 0;
	if (++R->gen == 0) { /* wrapped: stamps of 2^32 evaluations ago could collide */
		memset(R->stamp, 0, R->nrules * sizeof *R->stamp);
		R->gen = 1;
	}
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The matched rules: flowbits set, then the alerts (none when a pass rule
 * matched), with their thresholds. */
static void finish(struct rules *R, const struct tuple *t, struct rflow *fl, uint64_t sec,
                   uint32_t frac, const struct stream *s)
{
	int pass = 0;
	for (unsigned i = 0; i < R->nmatched; i++) {
		const struct rule *r = R->r[R->matched[i]];
		flowbits_apply(r, fl);
		if (r->action == RA_PASS)
			pass = 1;
	}
	uint64_t now = usec(R, sec, frac);
	for (unsigned i = 0; i < R->nmatched; i++) {
		const struct rule *r = R->r[R->matched[i]];
		if (r->noalert || r->action == RA_PASS)
			continue;
		if (pass) {
			R->suppressed++;
			continue;
		}
		if (!thresh_pass(R, r, &r->df, 1, t, now) || !thresh_pass(R, r, &r->thr, 0, t, now)) {
			R->suppressed++;
			continue;
		}
		alert(R, r, t, sec, frac, s);
	}
}

/* The stream offset before which rule i may not match again on dir (0:
 * none). */
static uint64_t recent_end(const struct rflow *fl, int dir, uint32_t i)
{
	if (!fl)
		return 0;
	for (unsigned k = 0; k < RFLOW_RECENT; k++)
		if (fl->recent[dir][k].rule1 == i + 1)
			return fl->recent[dir][k].end;
	return 0;
}

static void recent_set(struct rflow *fl, int dir, uint32_t i, uint64_t end)
{
	if (!fl)
		return;
	struct recent *r = fl->recent[dir];
	for (unsigned k = 0; k < RFLOW_RECENT; k++)
		if (r[k].rule1 == i + 1) {
			r[k].end = end;
			return;
		}
	r[fl->recent_next[dir]] = (struct recent){ i + 1, end };
	fl->recent_next[dir] = (uint8_t)((fl->recent_next[dir] + 1) % RFLOW_RECENT);
}

/* rm_match with the dotprefix transform: the buffers it names given with
 * a '.' before them (copied into R->dot, grown as needed). */
static int match_dotted(struct rules *R, const struct rule *r, const struct rm_bufs *b)
{
	struct rm_bufs nb = *b;
	size_t need = 0;
	for (unsigned i = 0; i < SB_MAX; i++)
		if ((r->dotprefix & b->have) >> i & 1)
			need += (size_t)b->n[i] + 1;
	if (need > R->dotcap) {
		uint8_t *d = realloc(R->dot, need);
		if (!d)
			return 0;
		R->dot = d;
		R->dotcap = need;
	}
	size_t o = 0;
	for (unsigned i = 0; i < SB_MAX; i++) {
		if (!((r->dotprefix & b->have) >> i & 1))
			continue;
		R->dot[o] = '.';
		if (b->n[i])
			memcpy(R->dot + o + 1, b->p[i], b->n[i]);
		nb.p[i] = R->dot + o;
		nb.n[i] = b->n[i] + 1;
		o += (size_t)b->n[i] + 1;
	}
	return rm_match(r, &nb, R->rms);
}

/* Evaluates the candidates and the rules tried everywhere (always, n of
 * them, in rule order), in rule order. */
static void evaluate(struct rules *R, int loc, const struct tuple *t, const struct facts *f,
                     struct stream *s, int dir, const struct rm_bufs *b, struct rflow *fl,
                     const uint32_t *always, unsigned nalways)
{
	if (R->ncand > 1)
		qsort(R->cand, R->ncand, sizeof *R->cand, u32_cmp);
	int est = established(s, f);
	unsigned i = 0, k = 0;
	while (i < R->ncand || k < nalways) {
		uint32_t next;
		if (k >= nalways || (i < R->ncand && R->cand[i] < always[k]))
			next = R->cand[i++];
		else
			next = always[k++];
		const struct rule *r = R->r[next];
		if (R->loc[r->index] != loc || !header_ok(r, t) || !flow_ok(r, s, dir, est, loc))
			continue;
		if (loc == LOC_TX && ((r->bufs & ~b->have) || !(r->bufs & b->have)))
			continue;
		if (!app_ok(R, r, s) || !flowbits_ok(r, fl))
			continue;
		if (loc == LOC_PKT && f && r->nhdr && !rh_match(r, f))
			continue;
		if (r->nm && loc == LOC_STREAM) {
			struct rm_bufs nb = *b;
			uint32_t skip = b->pkt_old; /* anchored: the new bytes alone */
			if (!R->anchored[r->index]) { /* not again over bytes it alerted on */
				uint64_t e = recent_end(fl, dir, r->index);
				skip = e > R->win_off ? (uint32_t)(e - R->win_off < b->pkt_old ? e - R->win_off : b->pkt_old) : 0;
			}
			nb.p[RB_PKT] += skip;
			nb.n[RB_PKT] -= skip;
			nb.pkt_old -= skip;
			if (!rm_match(r, &nb, R->rms))
				continue;
			recent_set(fl, dir, r->index, R->win_off + b->n[RB_PKT]);
		} else if (r->nm && r->dotprefix) {
			if (!match_dotted(R, r, b))
				continue;
		} else if (r->nm && !rm_match(r, b, R->rms)) {
			continue;
		}
		R->matched[R->nmatched++] = r->index;
	}
}

static void tuple_of_facts(struct tuple *t, const struct facts *f)
{
	*t = (struct tuple){ f->src, f->dst, f->addr_len, f->proto, f->has_ports, f->sport, f->dport };
}

static void tuple_of_stream(struct tuple *t, const struct stream *s, int dir)
{
	*t = (struct tuple){ s->side[dir].addr, s->side[!dir].addr, s->alen, s->proto, 1,
			     s->side[dir].port, s->side[!dir].port };
}

static void addr_lookup(struct rules *R, const uint8_t *a, unsigned alen)
{
	if (!R->naidx)
		return;
	size_t lo = 0, hi = R->naidx;
	while (lo < hi) { /* the first key not below (a, rule 0) */
		size_t mid = (lo + hi) / 2;
		const struct akey *k = &R->aidx[mid];
		int c = k->alen != alen ? (k->alen < alen ? -1 : 1) : memcmp(k->a, a, alen);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < R->naidx && R->aidx[lo].alen == alen && !memcmp(R->aidx[lo].a, a, alen); lo++)
		consider(R, R->aidx[lo].rule, 0);
}

static void packet(struct rules *R, const struct facts *f, struct stream *s, int dir)
{
	if (!R->compiled || (f->net != NET_IP4 && f->net != NET_IP6))
		return;
	struct tuple t;
	tuple_of_facts(&t, f);
	struct rflow *fl = flow_of(R, s, R->fbytes > 0);
	begin(R);
	struct rm_bufs b = { 0 };
	/* a fragment (before its datagram is whole) is given to the header
	 * tests only: its payload is inspected in the datagram */
	if (!f->is_frag && f->payload.len) {
		b.have = (uint64_t)1 << RB_PKT;
		b.p[RB_PKT] = f->payload.p;
		b.n[RB_PKT] = f->payload.len;
		int bk = bucket_of(f->proto);
		pf_scan(R->pf_pkt[bk], R->hs_scratch, f->payload.p, f->payload.len, consider, R);
		if (bk < 2 && R->nppf) {
			const struct pf *g;
			if ((g = port_pf(R, port_key((unsigned)bk, 0, f->dport))))
				pf_scan(g, R->hs_scratch, f->payload.p, f->payload.len, consider, R);
			if ((g = port_pf(R, port_key((unsigned)bk, 1, f->sport))))
				pf_scan(g, R->hs_scratch, f->payload.p, f->payload.len, consider, R);
		}
	}
	addr_lookup(R, f->src, f->addr_len == 4 ? AKEY4 : AKEY6);
	addr_lookup(R, f->dst, f->addr_len == 4 ? AKEY4 : AKEY6);
	int bk = bucket_of(f->proto);
	const uint32_t *always = R->always_by[bk];
	unsigned nalways = R->nalways_by[bk];
	if (f->is_frag) { /* the rules that need no payload */
		unsigned k = 0;
		for (unsigned i = 0; i < R->ncand; i++)
			if (!(R->r[R->cand[i]]->bufs >> RB_PKT & 1))
				R->cand[k++] = R->cand[i];
		R->ncand = k;
		always = R->always_frag[bk];
		nalways = R->nalways_frag[bk];
	}
	if (!R->ncand && !nalways)
		return;
	evaluate(R, LOC_PKT, &t, f, s, dir, &b, fl, always, nalways);
	if (R->nmatched)
		finish(R, &t, fl, f->sec, f->frac, s);
}

void rules_packet(struct rules *R, const struct facts *f, struct stream *s, int dir)
{
	packet(R, f, s, dir);
}

static void on_packet(void *ctx, struct stream *s, int dir, const struct facts *f)
{
	packet(ctx, f, s, dir);
}

/* A stream prefilter hit: a candidate, and remembered for the pieces to
 * come while its literal stays in the tail. */
static void stream_hit(void *ctx, uint32_t i, size_t end)
{
	struct rules *R = ctx;
	consider(R, i, end);
	struct rflow *fl = R->hit_fl;
	if (!fl)
		return;
	struct recent *h = fl->hits[R->hit_dir];
	uint64_t e = R->hit_base + end;
	for (unsigned k = 0; k < RFLOW_HITS; k++)
		if (h[k].rule1 == i + 1) {
			h[k].end = e;
			return;
		}
	h[fl->hits_next[R->hit_dir]] = (struct recent){ i + 1, e };
	fl->hits_next[R->hit_dir] = (uint8_t)((fl->hits_next[R->hit_dir] + 1) % RFLOW_HITS);
}

/* Stream bytes: inspected with the tail of what came before, then the
 * tail kept. */
static void stream_piece(struct rules *R, struct stream *s, int dir, struct rflow *fl,
                         uint64_t off, const uint8_t *p, size_t n, const struct stream_ts *ts)
{
	uint32_t old = fl && fl->tail[dir] ? fl->tail_len[dir] : 0;
	R->win_off = off - old;
	uint8_t *buf = R->ibuf;
	if (old)
		memcpy(buf, fl->tail[dir], old);
	memcpy(buf + old, p, n);
	size_t len = old + n;
	begin(R);
	/* the prefilter scans the new bytes and, before them, just enough of
	 * the tail for a literal that ends in them; hits of earlier pieces
	 * whose literal is still in the tail are candidates again */
	uint32_t over = R->stream_over < old ? R->stream_over : old;
	R->hit_base = R->win_off + (old - over);
	R->hit_fl = fl;
	R->hit_dir = dir;
	if (fl)
		for (unsigned k = 0; k < RFLOW_HITS; k++)
			if (fl->hits[dir][k].rule1 && fl->hits[dir][k].end > R->win_off)
				consider(R, fl->hits[dir][k].rule1 - 1, 0);
	pf_scan(R->pf_stream, R->hs_scratch, buf + (old - over), len - (old - over), stream_hit, R);
	R->hit_fl = NULL;
	if (R->ncand || R->nalways_stream) {
		struct rm_bufs b = { 0 };
		b.have = (uint64_t)1 << RB_PKT;
		b.p[RB_PKT] = buf;
		b.n[RB_PKT] = (uint32_t)len;
		b.pkt_old = old;
		struct tuple t;
		tuple_of_stream(&t, s, dir);
		evaluate(R, LOC_STREAM, &t, NULL, s, dir, &b, fl, R->always_stream, R->nalways_stream);
		if (R->nmatched)
			finish(R, &t, fl, ts->sec, ts->frac, s);
	}
	if (!fl)
		return;
	if (!fl->tail[dir]) {
		if (R->tail_mem + RULES_TAIL > RULES_TAIL_TOTAL) {
			R->tail_dropped++;
			return;
		}
		if (!(fl->tail[dir] = malloc(RULES_TAIL)))
			return;
		R->tail_mem += RULES_TAIL;
	}
	size_t keep = len < RULES_TAIL ? len : RULES_TAIL;
	memcpy(fl->tail[dir], buf + len - keep, keep);
	fl->tail_len[dir] = (uint32_t)keep;
}

static void on_data(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p, size_t n,
                    const struct stream_ts *ts)
{
	struct rules *R = ctx;
	if (!R->compiled || s->proto != 6 || (!R->pf_stream && !R->nalways_stream))
		return;
	if (!pf_size(R->pf_stream) && !R->nalways_stream)
		return;
	struct rflow *fl = flow_of(R, s, 1);
	while (n) {
		size_t k = n < RULES_INSPECT_MAX ? n : RULES_INSPECT_MAX;
		stream_piece(R, s, dir, fl, off, p, k, ts);
		off += k;
		p += k;
		n -= k;
	}
}

static void on_gap(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n,
                   const struct stream_ts *ts)
{
	(void)off;
	(void)n;
	(void)ts;
	struct rflow *fl = flow_of(ctx, s, 0);
	if (fl) /* nothing matches across a hole */
		fl->tail_len[dir] = 0;
}

static void on_close(void *ctx, struct stream *s)
{
	struct rules *R = ctx;
	struct rflow *fl = flow_of(R, s, 0);
	if (!fl)
		return;
	for (int d = 0; d < 2; d++)
		if (fl->tail[d]) {
			free(fl->tail[d]);
			R->tail_mem -= RULES_TAIL;
		}
	free(fl);
	s->user[R->slot] = NULL;
}

void rules_consumer(struct rules *R, struct stream_consumer *c)
{
	*c = (struct stream_consumer){ R, NULL, on_data, on_gap, on_close, on_packet };
}

void rules_inspect(void *ctx, struct stream *s, int dir, const struct sess_bufs *sb,
                   const struct stream_ts *ts)
{
	struct rules *R = ctx;
	if (!R->compiled)
		return;
	begin(R);
	struct rm_bufs b = { 0 };
	b.have = sb->have;
	for (unsigned i = 0; i < SB_MAX; i++) {
		if (!(sb->have >> i & 1))
			continue;
		b.p[i] = sb->p[i];
		b.n[i] = sb->n[i];
		if (R->pf_tx[i])
			pf_scan(R->pf_tx[i], R->hs_scratch, sb->p[i], sb->n[i], consider, R);
	}
	for (unsigned i = 0; i < R->nalways_tx; i++)
		consider(R, R->always_tx[i], 0);
	/* only the rules some of whose buffers are new at this call */
	unsigned k = 0;
	for (unsigned i = 0; i < R->ncand; i++)
		if (R->r[R->cand[i]]->bufs & sb->fresh)
			R->cand[k++] = R->cand[i];
	R->ncand = k;
	if (!k)
		return;
	struct tuple t;
	tuple_of_stream(&t, s, dir);
	struct rflow *fl = flow_of(R, s, R->fbytes > 0);
	evaluate(R, LOC_TX, &t, NULL, s, dir, &b, fl, NULL, 0);
	if (R->nmatched)
		finish(R, &t, fl, ts->sec, ts->frac, s);
}

/* ---- the end ------------------------------------------------------------------ */

static int by_count(const void *a, const void *b, void *ctx)
{
	const struct rules *R = ctx;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	const struct rstat *p = &R->stat[x], *q = &R->stat[y];
	if (p->alerts != q->alerts)
		return p->alerts > q->alerts ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The rules that alerted, most alerts first. */
static uint32_t *fired(struct rules *R, unsigned *n)
{
	*n = 0;
	if (!R->compiled)
		return NULL;
	uint32_t *v = malloc((R->nrules ? R->nrules : 1) * sizeof *v);
	if (!v)
		return NULL;
	for (unsigned i = 0; i < R->nrules; i++)
		if (R->stat[i].alerts)
			v[(*n)++] = i;
	qsort_r(v, *n, sizeof *v, by_count, R);
	return v;
}

void rules_summary_text(struct rules *R, struct out *o)
{
	unsigned n;
	uint32_t *v = fired(R, &n);
	out_s(o, "Alerts: ");
	out_u(o, R->alerts);
	out_s(o, " from ");
	out_u(o, n);
	out_s(o, n == 1 ? " signature\n" : " signatures\n");
	for (unsigned i = 0; i < n; i++) {
		const struct rule *r = R->r[v[i]];
		const struct rstat *st = &R->stat[v[i]];
		out_s(o, "  ");
		out_uw(o, st->alerts, 8, ' ');
		out_s(o, "  [");
		put_gsr(o, r);
		out_s(o, "] ");
		out_s(o, r->msg ? r->msg : "");
		out_s(o, "  first ");
		an_put_time(o, &R->clk, st->first_sec, st->first_frac, R->nano, 1);
		out_s(o, " last ");
		an_put_time(o, &R->clk, st->last_sec, st->last_frac, R->nano, 1);
		out_c(o, '\n');
		out_reserve(o, OUT_SLACK);
	}
	free(v);
}

void rules_summary_json(struct rules *R, struct out *o)
{
	unsigned n;
	uint32_t *v = fired(R, &n);
	out_s(o, "{\"total\":");
	out_u(o, R->alerts);
	out_s(o, ",\"signatures\":[");
	for (unsigned i = 0; i < n; i++) {
		const struct rule *r = R->r[v[i]];
		const struct rstat *st = &R->stat[v[i]];
		out_s(o, i ? ",{" : "{");
		put_sig_json(o, r);
		out_s(o, ",\"count\":");
		out_u(o, st->alerts);
		out_s(o, ",\"first\":");
		json_time(o, st->first_sec, st->first_frac, R->nano);
		out_s(o, ",\"last\":");
		json_time(o, st->last_sec, st->last_frac, R->nano);
		out_c(o, '}');
		out_reserve(o, OUT_SLACK);
	}
	out_s(o, "]}");
	free(v);
}

void rules_finish(struct rules *R)
{
	if (!R->compiled)
		return;
	unsigned n;
	uint32_t *v = fired(R, &n);
	free(v);
	fprintf(stderr,
		"trawl: rules: %llu alerts from %u signatures; %llu matches not alerted (threshold, "
		"detection_filter, pass); %llu threshold entries evicted; %llu stream tails not kept "
		"(--rules' %zu MiB for them)\n",
		(unsigned long long)R->alerts, n, (unsigned long long)R->suppressed,
		(unsigned long long)R->thresh_evicted, (unsigned long long)R->tail_dropped,
		RULES_TAIL_TOTAL >> 20);
}

void rules_free(struct rules *R)
{
	if (!R)
		return;
	free(R->cache);
	for (int bk = 0; bk < 4; bk++)
		pf_free(R->pf_pkt[bk]);
	for (unsigned k = 0; k < R->nppf; k++)
		pf_free(R->ppf[k].pf);
	free(R->ppf);
	pf_free(R->pf_stream);
	for (unsigned b = 0; b < SB_MAX; b++)
		pf_free(R->pf_tx[b]);
	pf_scratch_free(R->hs_scratch);
	if (R->rms)
		rm_scratch_free(R->rms);
	free(R->always_pkt);
	for (int bk = 0; bk < 4; bk++) {
		free(R->always_by[bk]);
		free(R->always_frag[bk]);
	}
	free(R->always_stream);
	free(R->always_tx);
	free(R->aidx);
	free(R->loc);
	free(R->anchored);
	free(R->stat);
	free(R->stamp);
	free(R->cand);
	free(R->matched);
	free(R->ts);
	free(R->ibuf);
	free(R->dot);
	rs_free(&R->rs);
	free(R);
}
