/* summary.c - --summary: totals and protocol breakdowns.
 *
 * Fixed-size tables allocated once: counters per ethertype, IP protocol and
 * TCP/UDP port (arrays indexed by the number), a small table of link types
 * and application protocols, and an open-addressing table of hosts capped at
 * AN_HOSTS_MAX (hosts beyond it are counted, not tracked). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/ipproto.h"
#include "../core/names.h"
#include "analyze.h"
#include "internal.h"
#include "json.h"
#include "report.h"

struct ctr {
	uint64_t pkts, bytes;
};

struct host {
	uint64_t k[2]; /* the address, zero padded */
	uint8_t len;
	uint8_t a[16];
	struct ctr sent, rcvd;
};

#define HOST_SLOTS (AN_HOSTS_MAX * 2)
#define NAPPS 64
#define NDLTS 8
#define TOPN 10

struct summary {
	struct ctr all;
	uint64_t capbytes;
	uint64_t first_sec, last_sec;
	uint32_t first_frac, last_frac;
	int have_time;
	int nano;

	int dlt[NDLTS];
	struct ctr dlts[NDLTS];
	unsigned ndlt;
	struct ctr dlt_other;

	struct ctr *ether;       /* [65536] */
	struct ctr llc, nolink;
	struct ctr ip4, ip6, frags;
	struct ctr ipproto[256];
	struct ctr *tcpport;     /* [65536], by service port */
	struct ctr *udpport;
	uint64_t syn, synack, rst, fin;
	uint64_t dns_q, dns_r, http_req, http_resp, tls_hello, tls_sni;

	const char *app[NAPPS];
	struct ctr apps[NAPPS];
	unsigned napp;
	struct ctr app_none;

	uint32_t *slot;          /* [HOST_SLOTS]: index + 1 into hosts, 0 free */
	struct host *hosts;      /* [AN_HOSTS_MAX], the first nhosts in use */
	unsigned nhosts;
	uint64_t hosts_dropped;  /* packets whose host did not fit */
};

struct summary *summary_new(int nano)
{
	struct summary *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->nano = nano;
	s->ether = calloc(65536, sizeof *s->ether);
	s->tcpport = calloc(65536, sizeof *s->tcpport);
	s->udpport = calloc(65536, sizeof *s->udpport);
	s->slot = calloc(HOST_SLOTS, sizeof *s->slot);
	s->hosts = malloc(AN_HOSTS_MAX * sizeof *s->hosts);
	if (!s->ether || !s->tcpport || !s->udpport || !s->slot || !s->hosts) {
		summary_free(s);
		return NULL;
	}
	return s;
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	free(s->ether);
	free(s->tcpport);
	free(s->udpport);
	free(s->slot);
	free(s->hosts);
	free(s);
}

static inline void bump(struct ctr *c, unsigned len)
{
	c->pkts++;
	c->bytes += len;
}

static inline uint32_t host_hash(const uint8_t *a, unsigned len, uint64_t *k0, uint64_t *k1)
{
	/* Fixed-size loads: a variable-length memcpy into the keys made the
	 * following 8-byte read wait on a store it could not forward. */
	if (len == 4) {
		uint32_t v;
		memcpy(&v, a, 4);
		*k0 = v;
		*k1 = 0;
	} else if (len == 16) {
		memcpy(k0, a, 8);
		memcpy(k1, a + 8, 8);
	} else {
		uint8_t b[16] = { 0 };
		memcpy(b, a, len < 16 ? len : 16);
		memcpy(k0, b, 8);
		memcpy(k1, b + 8, 8);
	}
	uint64_t x = (*k0 ^ (*k1 * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
	return (uint32_t)(x >> 40) & (HOST_SLOTS - 1);
}

static struct host *host_slot(struct summary *s, const uint8_t *a, unsigned len,
                              uint32_t h, uint64_t k0, uint64_t k1)
{
	for (;;) {
		uint32_t id = s->slot[h];
		if (id == 0) {
			if (s->nhosts >= AN_HOSTS_MAX)
				return NULL;
			struct host *e = &s->hosts[s->nhosts++];
			memset(e, 0, sizeof *e);
			e->k[0] = k0;
			e->k[1] = k1;
			e->len = (uint8_t)len;
			memcpy(e->a, a, len);
			s->slot[h] = s->nhosts;
			return e;
		}
		struct host *e = &s->hosts[id - 1];
		if (e->k[0] == k0 && e->k[1] == k1 && e->len == len)
			return e;
		h = (h + 1) & (HOST_SLOTS - 1);
	}
}

static inline void add(struct ctr *d, const struct ctr *s)
{
	d->pkts += s->pkts;
	d->bytes += s->bytes;
}

/* Merging keeps what reading the two parts one after the other would have
 * given: link types, applications and hosts new to dst are appended in the
 * order src first saw them, and what no longer fits is counted as it would
 * have been.  (One approximation: a host dst tracks that src could not,
 * its own table being full, stays counted as dropped.) */
void summary_merge(struct summary *dst, const struct summary *src)
{
	add(&dst->all, &src->all);
	dst->capbytes += src->capbytes;
	if (src->have_time) {
		if (!dst->have_time) {
			dst->have_time = 1;
			dst->first_sec = src->first_sec;
			dst->first_frac = src->first_frac;
		}
		dst->last_sec = src->last_sec;
		dst->last_frac = src->last_frac;
	}
	for (unsigned j = 0; j < src->ndlt; j++) {
		unsigned i;
		for (i = 0; i < dst->ndlt; i++)
			if (dst->dlt[i] == src->dlt[j])
				break;
		if (i == dst->ndlt && dst->ndlt < NDLTS)
			dst->dlt[dst->ndlt++] = src->dlt[j];
		add(i < NDLTS ? &dst->dlts[i] : &dst->dlt_other, &src->dlts[j]);
	}
	add(&dst->dlt_other, &src->dlt_other);
	for (unsigned i = 0; i < 65536; i++) {
		add(&dst->ether[i], &src->ether[i]);
		add(&dst->tcpport[i], &src->tcpport[i]);
		add(&dst->udpport[i], &src->udpport[i]);
	}
	for (unsigned i = 0; i < 256; i++)
		add(&dst->ipproto[i], &src->ipproto[i]);
	add(&dst->llc, &src->llc);
	add(&dst->nolink, &src->nolink);
	add(&dst->ip4, &src->ip4);
	add(&dst->ip6, &src->ip6);
	add(&dst->frags, &src->frags);
	dst->syn += src->syn;
	dst->synack += src->synack;
	dst->rst += src->rst;
	dst->fin += src->fin;
	dst->dns_q += src->dns_q;
	dst->dns_r += src->dns_r;
	dst->http_req += src->http_req;
	dst->http_resp += src->http_resp;
	dst->tls_hello += src->tls_hello;
	dst->tls_sni += src->tls_sni;
	add(&dst->app_none, &src->app_none);
	for (unsigned j = 0; j < src->napp; j++) {
		unsigned i;
		for (i = 0; i < dst->napp; i++)
			if (strcmp(dst->app[i], src->app[j]) == 0)
				break;
		if (i == dst->napp) {
			if (dst->napp == NAPPS) {
				add(&dst->app_none, &src->apps[j]);
				continue;
			}
			dst->app[dst->napp++] = src->app[j];
		}
		add(&dst->apps[i], &src->apps[j]);
	}
	for (unsigned j = 0; j < src->nhosts; j++) {
		const struct host *e = &src->hosts[j];
		uint64_t k0, k1;
		uint32_t h = host_hash(e->a, e->len, &k0, &k1);
		struct host *d = host_slot(dst, e->a, e->len, h, k0, k1);
		if (!d) {
			dst->hosts_dropped += e->sent.pkts + e->rcvd.pkts;
			continue;
		}
		add(&d->sent, &e->sent);
		add(&d->rcvd, &e->rcvd);
	}
	dst->hosts_dropped += src->hosts_dropped;
}

/* True when summary_merge(dst, src) is exact for any dst: src's bounded
 * tables (link types, applications, hosts) never overflowed, so that
 * nothing src counted apart could have been counted by name in one read. */
int summary_merge_exact(const struct summary *src)
{
	return src->hosts_dropped == 0 && src->napp < NAPPS &&
	       (src->ndlt < NDLTS || src->dlt_other.pkts == 0);
}

/* The port a packet's service runs on: the destination of a SYN, the
 * source of a SYN/ACK, else a well-known one (named, or below 1024), else
 * the lower of the two. */
static unsigned service_port(const struct facts *f)
{
	if (f->has_tcp && (f->tcp_flags & (TH_SYN | TH_ACK)) == TH_SYN)
		return f->dport;
	if (f->has_tcp && (f->tcp_flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK))
		return f->sport;
	unsigned lo = f->sport < f->dport ? f->sport : f->dport;
	unsigned hi = f->sport < f->dport ? f->dport : f->sport;
	if (lo >= 1024 && !an_port_app(f->proto, lo) && an_port_app(f->proto, hi))
		return hi;
	return lo;
}

void summary_add(struct summary *s, const struct facts *f)
{
	unsigned len = f->len;
	uint32_t hs = 0, hd = 0;
	uint64_t s0 = 0, s1 = 0, d0 = 0, d1 = 0;
	int is_ip = f->net == NET_IP4 || f->net == NET_IP6;
	if (is_ip) { /* start loading the talker slots early */
		hs = host_hash(f->src, f->addr_len, &s0, &s1);
		hd = host_hash(f->dst, f->addr_len, &d0, &d1);
		__builtin_prefetch(&s->slot[hs]);
		__builtin_prefetch(&s->slot[hd]);
	}
	bump(&s->all, len);
	s->capbytes += f->caplen;
	if (!s->have_time) {
		s->have_time = 1;
		s->first_sec = f->sec;
		s->first_frac = f->frac;
	}
	s->last_sec = f->sec;
	s->last_frac = f->frac;

	unsigned i;
	for (i = 0; i < s->ndlt; i++)
		if (s->dlt[i] == f->dlt)
			break;
	if (i == s->ndlt && s->ndlt < NDLTS)
		s->dlt[s->ndlt++] = f->dlt;
	bump(i < NDLTS ? &s->dlts[i] : &s->dlt_other, len);

	if (f->llc)
		bump(&s->llc, len);
	else if (f->ethertype)
		bump(&s->ether[f->ethertype], len);
	else
		bump(&s->nolink, len);

	if (is_ip) {
		bump(f->net == NET_IP4 ? &s->ip4 : &s->ip6, len);
		bump(&s->ipproto[f->proto], len);
		if (f->frag)
			bump(&s->frags, len);
		struct host *h = host_slot(s, f->src, f->addr_len, hs, s0, s1);
		if (h)
			bump(&h->sent, len);
		else
			s->hosts_dropped++;
		h = host_slot(s, f->dst, f->addr_len, hd, d0, d1);
		if (h)
			bump(&h->rcvd, len);
		else
			s->hosts_dropped++;
	}
	if (f->has_ports)
		bump(f->has_tcp ? &s->tcpport[service_port(f)] : &s->udpport[service_port(f)], len);
	if (f->has_tcp) {
		unsigned fl = f->tcp_flags;
		if ((fl & (TH_SYN | TH_ACK)) == TH_SYN)
			s->syn++;
		else if ((fl & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK))
			s->synack++;
		if (fl & TH_RST)
			s->rst++;
		if (fl & TH_FIN)
			s->fin++;
	}
	switch (f->app) {
	case APP_DNS:
		if (f->dns.flags & 0x8000)
			s->dns_r++;
		else
			s->dns_q++;
		break;
	case APP_HTTP_REQ: s->http_req++; break;
	case APP_HTTP_RESP: s->http_resp++; break;
	case APP_TLS:
		if (f->tls_sni.p)
			s->tls_sni++;
		break;
	}
	const char *app = an_app_name(f);
	if (!app) {
		bump(&s->app_none, len);
		return;
	}
	for (i = 0; i < s->napp; i++)
		if (s->app[i] == app)
			break;
	if (i == s->napp)
		for (i = 0; i < s->napp; i++)
			if (strcmp(s->app[i], app) == 0)
				break;
	if (i == s->napp) {
		if (s->napp == NAPPS) {
			bump(&s->app_none, len);
			return;
		}
		s->app[s->napp++] = app;
	}
	bump(&s->apps[i], len);
}

/* ---- ranking ---------------------------------------------------------- */

struct rank {
	unsigned key;
	struct ctr c;
};

static int by_pkts(const void *x, const void *y)
{
	const struct rank *a = x, *b = y;
	if (a->c.pkts != b->c.pkts)
		return a->c.pkts > b->c.pkts ? -1 : 1;
	if (a->c.bytes != b->c.bytes)
		return a->c.bytes > b->c.bytes ? -1 : 1;
	return a->key < b->key ? -1 : a->key > b->key;
}

/* The non-zero entries of tab[0..n) ranked; returns how many (all of them
 * when limit is 0, else at most limit). r must hold n entries. */
static unsigned ranked(const struct ctr *tab, unsigned n, struct rank *r, unsigned limit)
{
	unsigned k = 0;
	for (unsigned i = 0; i < n; i++)
		if (tab[i].pkts)
			r[k++] = (struct rank){ i, tab[i] };
	qsort(r, k, sizeof *r, by_pkts);
	return limit && k > limit ? limit : k;
}

static int host_by_bytes(const void *x, const void *y)
{
	const struct host *a = *(const struct host *const *)x, *b = *(const struct host *const *)y;
	uint64_t ta = a->sent.bytes + a->rcvd.bytes, tb = b->sent.bytes + b->rcvd.bytes;
	if (ta != tb)
		return ta > tb ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return memcmp(a->a, b->a, a->len);
}

/* The top hosts by bytes sent and received, best first; returns the count
 * (<= TOPN).  One pass keeping the best TOPN in order. */
static unsigned top_hosts(struct summary *s, const struct host **top)
{
	unsigned k = 0;
	for (unsigned i = 0; i < s->nhosts; i++) {
		const struct host *h = &s->hosts[i];
		if (k == TOPN && host_by_bytes(&h, &top[TOPN - 1]) >= 0)
			continue;
		unsigned j = k < TOPN ? k++ : TOPN - 1;
		while (j > 0 && host_by_bytes(&h, &top[j - 1]) < 0) {
			top[j] = top[j - 1];
			j--;
		}
		top[j] = h;
	}
	return k;
}

static const char *dlt_name(int dlt)
{
	switch (dlt) {
	case 0: return "NULL";
	case 1: return "EN10MB";
	case 12: case 14: case 101: return "RAW";
	case 108: return "LOOP";
	case 113: return "LINUX_SLL";
	case 228: return "IPV4";
	case 229: return "IPV6";
	case 276: return "LINUX_SLL2";
	default: return NULL;
	}
}

/* ---- the row model ------------------------------------------------------
 *
 * What --summary shows, built once from the counters: the scalars, each
 * table's rows in the order shown (link types as first seen, the others
 * ranked by packets, then bytes, then number; ports and talkers the top
 * TOPN), and the top talkers.  summary_text and summary_json are two
 * renderings of the same model and decide nothing but layout. */

enum sum_tab { ST_DLT, ST_ETHER, ST_IPPROTO, ST_TCP, ST_UDP, ST_APP, ST_N };

enum sum_kind {
	SR_ROW,   /* a numbered row: key (and name, when it has one) */
	SR_LLC,   /* ethertypes: the 802.3 frames, which have none */
	SR_OTHER, /* link types: those beyond the NDLTS tracked */
};

struct sum_row {
	unsigned key;      /* link type, ethertype, IP protocol, port */
	const char *name;  /* its name, NULL when it has none */
	uint8_t kind;      /* enum sum_kind */
	struct ctr c;
	int dlt;           /* link types: the type as read (key is its bits) */
};

struct sum_model {
	const struct summary *s; /* the scalars, read as they are */
	uint64_t ns;             /* first to last packet */
	double secs;
	struct sum_row *row[ST_N];
	unsigned n[ST_N];
	const struct host *top[TOPN];
	unsigned ntop;
	struct sum_row *mem;
};

#define SUM_ROWS_MAX (NDLTS + 1 + 65536 + 1 + 256 + 2 * TOPN + NAPPS)

/* Appends the ranked non-zero entries of tab[0..n) (at most limit, 0: all)
 * to table t, naming each with name(key) when name is given. */
static void model_ranked(struct sum_model *m, enum sum_tab t, const struct ctr *tab,
                         unsigned n, unsigned limit, struct rank *r,
                         const char *(*name)(unsigned))
{
	unsigned k = ranked(tab, n, r, limit);
	for (unsigned i = 0; i < k; i++)
		m->row[t][m->n[t]++] = (struct sum_row){ r[i].key, name ? name(r[i].key) : NULL,
		                                         SR_ROW, r[i].c, 0 };
}

static const char *tcp_app(unsigned port) { return an_port_app(6, port); }
static const char *udp_app(unsigned port) { return an_port_app(17, port); }
static const char *ether_name(unsigned type) { return an_ethertype_name(type); }

/* Returns 0, or -1 when out of memory (the model then has no rows). */
static int model_build(struct sum_model *m, struct summary *s, int nano)
{
	memset(m, 0, sizeof *m);
	m->s = s;
	m->ns = s->have_time ? an_span_ns(s->first_sec, s->first_frac, s->last_sec, s->last_frac, nano) : 0;
	m->secs = (double)m->ns / 1e9;
	m->ntop = top_hosts(s, m->top);
	m->mem = malloc(SUM_ROWS_MAX * sizeof *m->mem);
	struct rank *r = malloc(65536 * sizeof *r);
	if (!m->mem || !r) {
		free(r);
		free(m->mem);
		m->mem = NULL;
		return -1;
	}
	struct sum_row *next = m->mem;
	static const unsigned room[ST_N] = { NDLTS + 1, 65536 + 1, 256, TOPN, TOPN, NAPPS };
	for (int t = 0; t < ST_N; t++) {
		m->row[t] = next;
		next += room[t];
	}

	for (unsigned i = 0; i < s->ndlt; i++)
		m->row[ST_DLT][m->n[ST_DLT]++] = (struct sum_row){ (unsigned)s->dlt[i], dlt_name(s->dlt[i]),
		                                                   SR_ROW, s->dlts[i], s->dlt[i] };
	if (s->dlt_other.pkts)
		m->row[ST_DLT][m->n[ST_DLT]++] = (struct sum_row){ 0, NULL, SR_OTHER, s->dlt_other, 0 };
	model_ranked(m, ST_ETHER, s->ether, 65536, 0, r, ether_name);
	if (s->llc.pkts)
		m->row[ST_ETHER][m->n[ST_ETHER]++] = (struct sum_row){ 0, NULL, SR_LLC, s->llc, 0 };
	model_ranked(m, ST_IPPROTO, s->ipproto, 256, 0, r, ipproto_report);
	model_ranked(m, ST_TCP, s->tcpport, 65536, TOPN, r, tcp_app);
	model_ranked(m, ST_UDP, s->udpport, 65536, TOPN, r, udp_app);
	struct ctr tmp[NAPPS];
	memcpy(tmp, s->apps, sizeof tmp);
	model_ranked(m, ST_APP, tmp, s->napp, 0, r, NULL);
	for (unsigned i = 0; i < m->n[ST_APP]; i++)
		m->row[ST_APP][i].name = s->app[m->row[ST_APP][i].key];
	free(r);
	return 0;
}

static void model_free(struct sum_model *m)
{
	free(m->mem);
	m->mem = NULL;
}

/* ---- text ------------------------------------------------------------- */

static void row(struct out *o, const char *label, const struct ctr *c, uint64_t total)
{
	out_f(o, "  %-24s %10llu pkts %14llu bytes %5.1f%%\n", label,
	      (unsigned long long)c->pkts, (unsigned long long)c->bytes,
	      total ? 100.0 * (double)c->pkts / (double)total : 0.0);
}

/* A row's label in the text tables. */
static void text_label(char *label, size_t size, enum sum_tab t, const struct sum_row *e)
{
	if (e->kind == SR_OTHER) {
		snprintf(label, size, "other");
		return;
	}
	if (e->kind == SR_LLC) {
		snprintf(label, size, "802.3 LLC");
		return;
	}
	switch (t) {
	case ST_DLT:
		if (e->name)
			snprintf(label, size, "%s (%d)", e->name, e->dlt);
		else
			snprintf(label, size, "dlt %d", e->dlt);
		break;
	case ST_ETHER:
		snprintf(label, size, "%s (0x%04x)", e->name ? e->name : "unknown", e->key);
		break;
	case ST_IPPROTO:
		snprintf(label, size, "%3u %s", e->key, e->name ? e->name : "(unassigned)");
		break;
	case ST_TCP:
	case ST_UDP:
		snprintf(label, size, "%s/%u%s%s", t == ST_TCP ? "tcp" : "udp", e->key,
		         e->name ? " " : "", e->name ? e->name : "");
		break;
	default:
		snprintf(label, size, "%s", e->name);
		break;
	}
}

static void text_table(struct out *o, const struct sum_model *m, enum sum_tab t)
{
	char label[64];
	for (unsigned i = 0; i < m->n[t]; i++) {
		text_label(label, sizeof label, t, &m->row[t][i]);
		row(o, label, &m->row[t][i].c, m->s->all.pkts);
	}
}

void summary_text(struct summary *s, struct out *o)
{
	struct sum_model m;
	int built = model_build(&m, s, s->nano);
	uint64_t n = s->all.pkts;
	double secs = m.secs;
	struct an_clock clk = { 0 };
	out_s(o, "Summary\n");
	out_f(o, "  packets                  %10llu\n", (unsigned long long)n);
	out_f(o, "  bytes                    %10llu (on the wire), %llu captured\n",
	      (unsigned long long)s->all.bytes, (unsigned long long)s->capbytes);
	if (s->have_time) {
		out_s(o, "  first                    ");
		an_put_time(o, &clk, s->first_sec, s->first_frac, s->nano, 1);
		out_s(o, "\n  last                     ");
		an_put_time(o, &clk, s->last_sec, s->last_frac, s->nano, 1);
		out_f(o, "\n  duration                 %.6f s\n", secs);
		if (secs > 0)
			out_f(o, "  rates                    %.1f pkts/s, %.1f bytes/s, %.1f kbit/s\n",
			      (double)n / secs, (double)s->all.bytes / secs,
			      (double)s->all.bytes * 8 / secs / 1000);
		if (n)
			out_f(o, "  average packet           %.1f bytes\n", (double)s->all.bytes / (double)n);
	}
	if (built < 0)
		return;

	if (m.n[ST_DLT]) {
		out_s(o, "\nLink types\n");
		text_table(o, &m, ST_DLT);
	}
	if (m.n[ST_ETHER]) {
		out_s(o, "\nEthertypes\n");
		text_table(o, &m, ST_ETHER);
	}
	if (m.n[ST_IPPROTO]) {
		out_s(o, "\nIP protocols");
		out_f(o, " (IPv4 %llu pkts, IPv6 %llu pkts", (unsigned long long)s->ip4.pkts,
		      (unsigned long long)s->ip6.pkts);
		if (s->frags.pkts)
			out_f(o, ", %llu non-first fragments", (unsigned long long)s->frags.pkts);
		out_s(o, ")\n");
		text_table(o, &m, ST_IPPROTO);
	}
	if (s->syn || s->synack || s->rst || s->fin)
		out_f(o, "\nTCP flags: %llu SYN, %llu SYN/ACK, %llu RST, %llu FIN\n",
		      (unsigned long long)s->syn, (unsigned long long)s->synack,
		      (unsigned long long)s->rst, (unsigned long long)s->fin);
	for (int t = ST_TCP; t <= ST_UDP; t++) {
		if (!m.n[t])
			continue;
		out_f(o, "\nTop %s ports (service side)\n", t == ST_TCP ? "tcp" : "udp");
		text_table(o, &m, (enum sum_tab)t);
	}
	if (m.n[ST_APP]) {
		out_s(o, "\nApplication protocols (by content: dns http tls; else by port)\n");
		text_table(o, &m, ST_APP);
		if (s->dns_q || s->dns_r || s->http_req || s->http_resp || s->tls_sni)
			out_f(o, "  (%llu DNS queries, %llu DNS responses, %llu HTTP requests, %llu HTTP responses, %llu TLS ClientHellos with SNI)\n",
			      (unsigned long long)s->dns_q, (unsigned long long)s->dns_r,
			      (unsigned long long)s->http_req, (unsigned long long)s->http_resp,
			      (unsigned long long)s->tls_sni);
	}

	if (m.ntop) {
		out_f(o, "\nTop talkers (%u hosts", s->nhosts);
		if (s->hosts_dropped)
			out_f(o, "; table full at %u, %llu packet ends not tracked",
			      AN_HOSTS_MAX, (unsigned long long)s->hosts_dropped);
		out_s(o, ")\n");
		out_f(o, "  %-39s %10s %14s %10s %14s\n", "host", "pkts out", "bytes out", "pkts in", "bytes in");
		for (unsigned i = 0; i < m.ntop; i++) {
			const struct host *h = m.top[i];
			char a[48];
			if (h->len == 4)
				fmt_ip4(a, h->a);
			else
				fmt_ip6(a, h->a);
			out_f(o, "  %-39s %10llu %14llu %10llu %14llu\n", a,
			      (unsigned long long)h->sent.pkts, (unsigned long long)h->sent.bytes,
			      (unsigned long long)h->rcvd.pkts, (unsigned long long)h->rcvd.bytes);
		}
	}
	model_free(&m);
}

/* ---- JSON ------------------------------------------------------------- */

static void ctr_json(struct out *o, const struct ctr *c)
{
	out_s(o, "\"packets\":");
	out_u(o, c->pkts);
	out_s(o, ",\"bytes\":");
	out_u(o, c->bytes);
}

/* A table as an array of objects: the row's number under the table's key
 * (the ethertype as a "0x%04x" string), its name where the table gives
 * names, and its counters.  The link types' "other" row is text only. */
static void json_table(struct out *o, int *first, const struct sum_model *m, enum sum_tab t)
{
	static const char *const key[ST_N] = { "link_types", "ethertypes", "ip_protocols",
	                                       "top_tcp_ports", "top_udp_ports", "applications" };
	static const char *const num[ST_N] = { "dlt", "type", "proto", "port", "port", NULL };
	json_key(o, first, key[t]);
	out_c(o, '[');
	int any = 0;
	for (unsigned i = 0; i < m->n[t]; i++) {
		const struct sum_row *e = &m->row[t][i];
		if (e->kind == SR_OTHER)
			continue;
		out_s(o, any++ ? ",{" : "{");
		if (e->kind == SR_LLC) {
			out_s(o, "\"type\":\"llc\"");
		} else if (t == ST_ETHER) {
			out_s(o, "\"type\":\"0x");
			out_x(o, e->key, 4);
			out_c(o, '"');
		} else if (num[t]) {
			out_c(o, '"');
			out_s(o, num[t]);
			out_s(o, "\":");
			out_u(o, e->key);
		}
		if (e->name && t != ST_TCP && t != ST_UDP) {
			out_s(o, t == ST_APP ? "\"name\":" : ",\"name\":");
			json_cstr(o, e->name);
		}
		out_c(o, ',');
		ctr_json(o, &e->c);
		out_c(o, '}');
	}
	out_c(o, ']');
}

void summary_json(struct summary *s, struct out *o, int nano)
{
	struct sum_model m;
	int built = model_build(&m, s, nano);
	int first = 1;
	out_c(o, '{');
	json_key(o, &first, "packets");
	out_u(o, s->all.pkts);
	json_key(o, &first, "bytes");
	out_u(o, s->all.bytes);
	json_key(o, &first, "captured_bytes");
	out_u(o, s->capbytes);
	if (s->have_time) {
		json_key(o, &first, "first");
		json_time(o, s->first_sec, s->first_frac, nano);
		json_key(o, &first, "last");
		json_time(o, s->last_sec, s->last_frac, nano);
	}
	json_key(o, &first, "duration");
	out_u(o, m.ns / 1000000000u);
	out_c(o, '.');
	out_uw(o, m.ns % 1000000000u, 9, '0');
	json_key(o, &first, "packets_per_second");
	json_fixed3(o, m.secs > 0 ? (double)s->all.pkts / m.secs : 0);
	json_key(o, &first, "bytes_per_second");
	json_fixed3(o, m.secs > 0 ? (double)s->all.bytes / m.secs : 0);
	if (built < 0) {
		out_c(o, '}');
		return;
	}

	json_table(o, &first, &m, ST_DLT);
	json_table(o, &first, &m, ST_ETHER);
	json_key(o, &first, "ip");
	out_s(o, "{\"v4\":{");
	ctr_json(o, &s->ip4);
	out_s(o, "},\"v6\":{");
	ctr_json(o, &s->ip6);
	out_s(o, "},\"fragments\":{");
	ctr_json(o, &s->frags);
	out_s(o, "}}");
	json_table(o, &first, &m, ST_IPPROTO);
	json_key(o, &first, "tcp_flags");
	out_f(o, "{\"syn\":%llu,\"synack\":%llu,\"rst\":%llu,\"fin\":%llu}",
	      (unsigned long long)s->syn, (unsigned long long)s->synack,
	      (unsigned long long)s->rst, (unsigned long long)s->fin);
	json_table(o, &first, &m, ST_TCP);
	json_table(o, &first, &m, ST_UDP);
	json_table(o, &first, &m, ST_APP);
	json_key(o, &first, "app_events");
	out_f(o, "{\"dns_queries\":%llu,\"dns_responses\":%llu,\"http_requests\":%llu,\"http_responses\":%llu,\"tls_sni\":%llu}",
	      (unsigned long long)s->dns_q, (unsigned long long)s->dns_r,
	      (unsigned long long)s->http_req, (unsigned long long)s->http_resp,
	      (unsigned long long)s->tls_sni);

	json_key(o, &first, "hosts");
	out_u(o, s->nhosts);
	json_key(o, &first, "hosts_untracked_packet_ends");
	out_u(o, s->hosts_dropped);
	json_key(o, &first, "top_talkers");
	out_c(o, '[');
	for (unsigned i = 0; i < m.ntop; i++) {
		out_s(o, i ? ",{\"host\":" : "{\"host\":");
		json_addr(o, m.top[i]->a, m.top[i]->len);
		out_s(o, ",\"sent\":{");
		ctr_json(o, &m.top[i]->sent);
		out_s(o, "},\"received\":{");
		ctr_json(o, &m.top[i]->rcvd);
		out_s(o, "}}");
	}
	out_s(o, "]}");
	model_free(&m);
}

/* ---- the report's view (report.h) ------------------------------------- */

static void rv_copy(struct rv_ctr *d, const struct ctr *s)
{
	d->pkts = s->pkts;
	d->bytes = s->bytes;
}

static unsigned rv_ports(const struct ctr *tab, struct rank *r, struct rv_port *out,
                         unsigned max, struct rv_ctr *rest)
{
	unsigned all = ranked(tab, 65536, r, 0);
	unsigned k = all < max ? all : max;
	for (unsigned i = 0; i < k; i++) {
		out[i].port = r[i].key;
		rv_copy(&out[i].c, &r[i].c);
	}
	for (unsigned i = k; rest && i < all; i++) {
		rest->pkts += r[i].c.pkts;
		rest->bytes += r[i].c.bytes;
	}
	return k;
}

void summary_view(struct summary *s, struct sum_view *v)
{
	memset(v, 0, sizeof *v);
	rv_copy(&v->all, &s->all);
	v->capbytes = s->capbytes;
	v->have_time = s->have_time;
	v->first_sec = s->first_sec;
	v->first_frac = s->first_frac;
	v->last_sec = s->last_sec;
	v->last_frac = s->last_frac;
	v->ndlt = s->ndlt < RV_NDLT ? s->ndlt : RV_NDLT;
	for (unsigned i = 0; i < v->ndlt; i++) {
		v->dlt[i] = s->dlt[i];
		rv_copy(&v->dlts[i], &s->dlts[i]);
	}
	rv_copy(&v->dlt_other, &s->dlt_other);
	rv_copy(&v->llc, &s->llc);
	rv_copy(&v->nolink, &s->nolink);
	rv_copy(&v->ip4, &s->ip4);
	rv_copy(&v->ip6, &s->ip6);
	rv_copy(&v->frags, &s->frags);
	for (unsigned i = 0; i < 256; i++)
		rv_copy(&v->ipproto[i], &s->ipproto[i]);
	struct rank *r = malloc(65536 * sizeof *r);
	if (r) {
		v->nether = rv_ports(s->ether, r, v->ether, 16, &v->ether_rest);
		v->ntcp = rv_ports(s->tcpport, r, v->tcp, RV_TOP_PORTS, NULL);
		v->nudp = rv_ports(s->udpport, r, v->udp, RV_TOP_PORTS, NULL);
		free(r);
	}
	v->syn = s->syn;
	v->synack = s->synack;
	v->rst = s->rst;
	v->fin = s->fin;
	v->dns_q = s->dns_q;
	v->dns_r = s->dns_r;
	v->http_req = s->http_req;
	v->http_resp = s->http_resp;
	v->tls_sni = s->tls_sni;
	v->napp = s->napp < RV_NAPP ? s->napp : RV_NAPP;
	for (unsigned i = 0; i < v->napp; i++) {
		v->app[i] = s->app[i];
		rv_copy(&v->apps[i], &s->apps[i]);
	}
	rv_copy(&v->app_none, &s->app_none);
	v->nhosts = s->nhosts;
	v->hosts_dropped = s->hosts_dropped;
	/* the top talkers as top_hosts() ranks them, RV_TOP_HOSTS of them */
	const struct host *top[RV_TOP_HOSTS];
	unsigned k = 0;
	struct rv_ctr sent = { 0, 0 };
	for (unsigned i = 0; i < s->nhosts; i++) {
		const struct host *h = &s->hosts[i];
		sent.pkts += h->sent.pkts;
		sent.bytes += h->sent.bytes;
		if (k == RV_TOP_HOSTS && host_by_bytes(&h, &top[RV_TOP_HOSTS - 1]) >= 0)
			continue;
		unsigned j = k < RV_TOP_HOSTS ? k++ : RV_TOP_HOSTS - 1;
		while (j > 0 && host_by_bytes(&h, &top[j - 1]) < 0) {
			top[j] = top[j - 1];
			j--;
		}
		top[j] = h;
	}
	v->ntop = k;
	for (unsigned i = 0; i < k; i++) {
		v->top[i].len = top[i]->len;
		memcpy(v->top[i].a, top[i]->a, sizeof v->top[i].a);
		rv_copy(&v->top[i].sent, &top[i]->sent);
		rv_copy(&v->top[i].rcvd, &top[i]->rcvd);
		sent.pkts -= top[i]->sent.pkts;
		sent.bytes -= top[i]->sent.bytes;
	}
	v->top_rest_sent = sent;
}
