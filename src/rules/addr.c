/* addr.c - address and port sets of rule headers: any, addresses, CIDRs,
 * ranges, lists nested to any depth, negation of items and lists,
 * variables; the matching of a packet's address and port against them;
 * rs_resolve, which turns every rule's header text into these sets once the
 * variables are all known.
 *
 * A set is computed exactly: each expression becomes a union of disjoint
 * intervals (per address family), a list [a,!b,...] is (the union of its
 * positive items, or everything when it has none) minus the union of its
 * negated items, and a negated item or list is the complement.  The result
 * is written out as sorted, disjoint CIDRs (port ranges), either as the
 * set itself (in[]) or as any minus its complement (out[]), whichever is
 * shorter; addrset_match relies on that order for its binary search.
 *
 * Every recursion is bounded (nesting and variable depth) and so is the
 * work (items expanded), whatever the rule files hold. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

__extension__ typedef unsigned __int128 u128;

#define DEPTH_MAX 32          /* nested lists plus variable expansions */
#define ITEMS_MAX (1u << 16)  /* items looked at for one header field */

/* ---- interval sets ------------------------------------------------------- */

struct iv {
	u128 lo, hi; /* inclusive */
};

struct ivset {
	struct iv *v;
	unsigned n, cap;
	int oom;
};

static void ivs_free(struct ivset *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

static void ivs_add(struct ivset *s, u128 lo, u128 hi)
{
	if (s->n == s->cap) {
		unsigned cap = s->cap ? s->cap * 2 : 8;
		struct iv *v = realloc(s->v, cap * sizeof *v);
		if (!v) {
			s->oom = 1;
			return;
		}
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].lo = lo;
	s->v[s->n].hi = hi;
	s->n++;
}

static int iv_cmp(const void *a, const void *b)
{
	const struct iv *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return 0;
}

/* Sorts and merges overlapping or adjacent intervals. */
static void ivs_norm(struct ivset *s)
{
	if (s->n < 2)
		return;
	qsort(s->v, s->n, sizeof *s->v, iv_cmp);
	unsigned o = 0;
	for (unsigned i = 1; i < s->n; i++) {
		struct iv *last = &s->v[o];
		/* adjacent: last->hi + 1 == lo (no overflow: lo > last->lo) */
		if (s->v[i].lo <= last->hi || s->v[i].lo - 1 == last->hi) {
			if (s->v[i].hi > last->hi)
				last->hi = s->v[i].hi;
		} else {
			s->v[++o] = s->v[i];
		}
	}
	s->n = o + 1;
}

/* d = the complement of normalized s within [0, max] */
static void ivs_compl(const struct ivset *s, u128 max, struct ivset *d)
{
	u128 next = 0;
	int done = 0;
	for (unsigned i = 0; i < s->n; i++) {
		if (s->v[i].lo > next)
			ivs_add(d, next, s->v[i].lo - 1);
		if (s->v[i].hi == max) {
			done = 1;
			break;
		}
		next = s->v[i].hi + 1;
	}
	if (!done)
		ivs_add(d, next, max);
}

/* a = a minus b (both normalized): the complement of (complement(a) | b). */
static void ivs_minus(struct ivset *a, const struct ivset *b, u128 max)
{
	struct ivset c = {0}, r = {0};
	ivs_compl(a, max, &c);
	for (unsigned i = 0; i < b->n; i++)
		ivs_add(&c, b->v[i].lo, b->v[i].hi);
	ivs_norm(&c);
	ivs_compl(&c, max, &r);
	int oom = a->oom || c.oom || r.oom || b->oom;
	ivs_free(&c);
	ivs_free(a);
	*a = r;
	a->oom = oom;
}

/* a gets b's intervals (normalized later, once: a long list stays
 * n log n) */
static void ivs_append(struct ivset *a, const struct ivset *b)
{
	for (unsigned i = 0; i < b->n; i++)
		ivs_add(a, b->v[i].lo, b->v[i].hi);
	if (b->oom)
		a->oom = 1;
}

static int ivs_full(const struct ivset *s, u128 max)
{
	return s->n == 1 && s->v[0].lo == 0 && s->v[0].hi == max;
}

/* ---- the parser's state ---------------------------------------------------- */

struct actx {
	const struct ruleset *rs;
	int port;          /* parsing ports, not addresses */
	unsigned items;    /* work done */
	char err[200];
};

/* an address set: IPv4 and IPv6 parts; a port set uses v4 only */
struct aset {
	struct ivset v4, v6;
};

#define MAX4 ((u128)0xffffffffu)
#define MAX6 (~(u128)0)
#define MAXP ((u128)65535)

static void aset_free(struct aset *a)
{
	ivs_free(&a->v4);
	ivs_free(&a->v6);
}

static void aset_all(struct actx *c, struct aset *a)
{
	if (c->port) {
		ivs_add(&a->v4, 0, MAXP);
	} else {
		ivs_add(&a->v4, 0, MAX4);
		ivs_add(&a->v6, 0, MAX6);
	}
}

static const char *var_value(const struct ruleset *rs, const char *name, size_t n)
{
	/* the last definition wins (rs_set_var replaces in place anyway) */
	for (unsigned i = rs->nvars; i-- > 0;)
		if (strlen(rs->vars[i].name) == n && memcmp(rs->vars[i].name, name, n) == 0)
			return rs->vars[i].value;
	return NULL;
}

static int is_tokch(char ch)
{
	return ch && ch != ',' && ch != ']' && ch != '[' && ch != ' ' && ch != '\t' && ch != '!';
}

static void skipws(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

static int parse_expr(struct actx *c, const char **p, int depth, struct aset *out);

/* A range "a-b" of family af into set: 1 added, 0 not of that family,
 * -1 when a is above b. */
static int range_of(int af, const char *a, const char *b, struct ivset *set)
{
	unsigned char x[16], y[16];
	if (inet_pton(af, a, x) != 1 || inet_pton(af, b, y) != 1)
		return 0;
	u128 lo = 0, hi = 0;
	for (int i = 0; i < (af == AF_INET ? 4 : 16); i++) {
		lo = lo << 8 | x[i];
		hi = hi << 8 | y[i];
	}
	if (lo > hi)
		return -1;
	ivs_add(set, lo, hi);
	return 1;
}

/* one address "1.2.3.4", "1.2.3.0/24", "1.2.3.0/255.255.255.0", "::1",
 * "2001:db8::/32", or a range "a-b", into out */
static int parse_addr(struct actx *c, const char *tok, size_t n, struct aset *out)
{
	char buf[128];
	if (n >= sizeof buf) {
		snprintf(c->err, sizeof c->err, "address too long");
		return -1;
	}
	memcpy(buf, tok, n);
	buf[n] = 0;
	char *dash = strchr(buf, '-');
	char *slash = strchr(buf, '/');
	if (dash && !slash) {
		*dash = 0;
		int r = range_of(AF_INET, buf, dash + 1, &out->v4);
		if (r == 0)
			r = range_of(AF_INET6, buf, dash + 1, &out->v6);
		if (r > 0)
			return 0;
		if (r < 0)
			goto bad;
		*dash = '-';
		goto bad;
	}
	int bits = -1;
	if (slash) {
		*slash = 0;
		const char *m = slash + 1;
		unsigned char mask[4];
		if (strchr(m, '.')) {
			if (inet_pton(AF_INET, m, mask) != 1)
				goto bad;
			uint32_t mv = (uint32_t)mask[0] << 24 | (uint32_t)mask[1] << 16 |
			              (uint32_t)mask[2] << 8 | mask[3];
			bits = 0;
			while (bits < 32 && (mv & (0x80000000u >> bits)))
				bits++;
			if (bits < 32 && (mv << bits) != 0)
				goto bad; /* not contiguous */
		} else {
			if (!*m || strlen(m) > 3)
				goto bad;
			bits = 0;
			for (; *m; m++) {
				if (*m < '0' || *m > '9')
					goto bad;
				bits = bits * 10 + (*m - '0');
			}
		}
	}
	unsigned char a[16];
	int w;
	if (inet_pton(AF_INET, buf, a) == 1)
		w = 32;
	else if (inet_pton(AF_INET6, buf, a) == 1)
		w = 128;
	else
		goto bad;
	if (bits < 0)
		bits = w;
	if (bits > w)
		goto bad;
	u128 v = 0;
	for (int i = 0; i < w / 8; i++)
		v = v << 8 | a[i];
	u128 hostmask = bits == 0 ? (w == 32 ? MAX4 : MAX6)
	                          : (bits == w ? 0 : (((u128)1 << (w - bits)) - 1));
	u128 lo = v & ~hostmask, hi = lo | hostmask;
	ivs_add(w == 32 ? &out->v4 : &out->v6, lo, hi);
	return 0;
bad:
	snprintf(c->err, sizeof c->err, "bad address '%.*s'", (int)(n > 60 ? 60 : n), tok);
	return -1;
}

/* a port "N", "N:M", "N:", ":M" */
static int parse_port(struct actx *c, const char *tok, size_t n, struct aset *out)
{
	unsigned long lo = 0, hi = 65535;
	size_t i = 0;
	int have_lo = 0, have_hi = 0, colon = 0;
	unsigned long v = 0;
	int digits = 0;
	for (; i < n; i++) {
		char ch = tok[i];
		if (ch >= '0' && ch <= '9') {
			v = v * 10 + (unsigned long)(ch - '0');
			if (v > 65535 || ++digits > 5)
				goto bad;
		} else if (ch == ':' && !colon) {
			colon = 1;
			if (digits) {
				lo = v;
				have_lo = 1;
			}
			v = 0;
			digits = 0;
		} else {
			goto bad;
		}
	}
	if (digits) {
		if (colon) {
			hi = v;
			have_hi = 1;
		} else {
			lo = hi = v;
			have_lo = 1;
		}
	}
	if (!have_lo && !have_hi)
		goto bad;
	if (lo > hi)
		goto bad;
	ivs_add(&out->v4, lo, hi);
	return 0;
bad:
	snprintf(c->err, sizeof c->err, "bad port '%.*s'", (int)(n > 60 ? 60 : n), tok);
	return -1;
}

/* one item (no leading '!'): a list, a variable, any, an address or port */
static int parse_term(struct actx *c, const char **p, int depth, int neg, struct aset *out)
{
	if (++c->items > ITEMS_MAX) {
		snprintf(c->err, sizeof c->err, "list too long");
		return -1;
	}
	if (depth > DEPTH_MAX) {
		snprintf(c->err, sizeof c->err, "lists or variables nested too deep");
		return -1;
	}
	skipws(p);
	if (**p == '[') {
		(*p)++;
		struct aset pos = {0}, negs = {0};
		int npos = 0, nneg = 0;
		for (;;) {
			skipws(p);
			int ineg = 0;
			while (**p == '!') {
				ineg = !ineg;
				(*p)++;
				skipws(p);
			}
			struct aset it = {0};
			if (parse_term(c, p, depth + 1, ineg, &it) < 0) {
				aset_free(&it);
				aset_free(&pos);
				aset_free(&negs);
				return -1;
			}
			struct aset *to = ineg ? &negs : &pos;
			ivs_append(&to->v4, &it.v4);
			ivs_append(&to->v6, &it.v6);
			aset_free(&it);
			if (ineg)
				nneg++;
			else
				npos++;
			skipws(p);
			if (**p == ',') {
				(*p)++;
				continue;
			}
			if (**p == ']') {
				(*p)++;
				break;
			}
			snprintf(c->err, sizeof c->err, **p ? "unexpected '%c' in list" : "unterminated list",
			         **p);
			aset_free(&pos);
			aset_free(&negs);
			return -1;
		}
		if (!npos)
			aset_all(c, &pos);
		ivs_norm(&pos.v4);
		ivs_norm(&pos.v6);
		ivs_norm(&negs.v4);
		ivs_norm(&negs.v6);
		ivs_minus(&pos.v4, &negs.v4, c->port ? MAXP : MAX4);
		if (!c->port)
			ivs_minus(&pos.v6, &negs.v6, MAX6);
		aset_free(&negs);
		*out = pos;
		(void)nneg;
		return 0;
	}
	const char *t = *p;
	if (*t == '$') {
		t++;
		const char *s = t;
		while (*t && (*t == '_' || (*t >= 'A' && *t <= 'Z') || (*t >= 'a' && *t <= 'z') ||
		              (*t >= '0' && *t <= '9')))
			t++;
		size_t n = (size_t)(t - s);
		*p = t;
		const char *val = n ? var_value(c->rs, s, n) : NULL;
		if (!val) {
			snprintf(c->err, sizeof c->err, "undefined variable $%.*s", (int)(n > 60 ? 60 : n),
			         s);
			return -1;
		}
		const char *q = val;
		if (parse_expr(c, &q, depth + 1, out) < 0)
			return -1;
		skipws(&q);
		if (*q) {
			snprintf(c->err, sizeof c->err, "bad value of $%.*s", (int)(n > 60 ? 60 : n), s);
			return -1;
		}
		return 0;
	}
	while (is_tokch(*t))
		t++;
	size_t n = (size_t)(t - *p);
	const char *tok = *p;
	*p = t;
	if (n == 0) {
		snprintf(c->err, sizeof c->err, "%s expected", c->port ? "port" : "address");
		return -1;
	}
	if (n == 3 && memcmp(tok, "any", 3) == 0) {
		if (neg) {
			snprintf(c->err, sizeof c->err, "!any matches nothing");
			return -1;
		}
		aset_all(c, out);
		return 0;
	}
	return c->port ? parse_port(c, tok, n, out) : parse_addr(c, tok, n, out);
}

/* ['!'...] term */
static int parse_expr(struct actx *c, const char **p, int depth, struct aset *out)
{
	skipws(p);
	int neg = 0;
	while (**p == '!') {
		neg = !neg;
		(*p)++;
		skipws(p);
	}
	struct aset t = {0};
	if (parse_term(c, p, depth, neg, &t) < 0) {
		aset_free(&t);
		return -1;
	}
	ivs_norm(&t.v4);
	ivs_norm(&t.v6);
	if (neg) {
		struct aset r = {0};
		ivs_compl(&t.v4, c->port ? MAXP : MAX4, &r.v4);
		if (!c->port)
			ivs_compl(&t.v6, MAX6, &r.v6);
		r.v4.oom |= t.v4.oom;
		r.v6.oom |= t.v6.oom;
		aset_free(&t);
		t = r;
	}
	*out = t;
	return 0;
}

/* ---- into struct addrset / portset ------------------------------------------ */

struct cbuf {
	struct cidr *v;
	unsigned n, cap;
	int oom;
};

static void cbuf_add(struct cbuf *b, unsigned alen, u128 net, unsigned bits)
{
	if (b->n == b->cap) {
		unsigned cap = b->cap ? b->cap * 2 : 8;
		struct cidr *v = realloc(b->v, cap * sizeof *v);
		if (!v) {
			b->oom = 1;
			return;
		}
		b->v = v;
		b->cap = cap;
	}
	struct cidr *c = &b->v[b->n++];
	memset(c, 0, sizeof *c);
	c->alen = (uint8_t)alen;
	c->bits = (uint8_t)bits;
	for (unsigned i = alen; i-- > 0;) {
		c->a[i] = (uint8_t)net;
		net >>= 8;
	}
}

/* The smallest run of CIDRs covering exactly [lo, hi] in a w-bit space. */
static void split_cidrs(struct cbuf *b, unsigned w, u128 lo, u128 hi)
{
	u128 max = w == 32 ? MAX4 : MAX6;
	unsigned alen = w / 8;
	if (lo == 0 && hi == max) {
		cbuf_add(b, alen, 0, 0);
		return;
	}
	for (unsigned guard = 0; guard < 2 * 128 + 2; guard++) {
		unsigned k = 0; /* block of 2^k addresses, at most half the space */
		while (k + 1 <= w - 1) {
			u128 sz = (u128)1 << (k + 1);
			if (lo & (sz - 1))
				break;
			if (lo + sz - 1 > hi)
				break;
			k++;
		}
		cbuf_add(b, alen, lo, w - k);
		u128 end = lo + (((u128)1 << k) - 1);
		if (end >= hi)
			break;
		lo = end + 1;
	}
}

static void to_cidrs(const struct aset *a, struct cbuf *b)
{
	for (unsigned i = 0; i < a->v4.n; i++)
		split_cidrs(b, 32, a->v4.v[i].lo, a->v4.v[i].hi);
	for (unsigned i = 0; i < a->v6.n; i++)
		split_cidrs(b, 128, a->v6.v[i].lo, a->v6.v[i].hi);
}

/* text into *out; -1 with err (no file:line) when it is wrong */
static int addrset_parse(const struct ruleset *rs, const char *text, struct addrset *out,
                         char *err, size_t errlen)
{
	struct actx c = {.rs = rs};
	struct aset s = {0};
	const char *p = text;
	memset(out, 0, sizeof *out);
	if (parse_expr(&c, &p, 0, &s) < 0)
		goto fail;
	skipws(&p);
	if (*p) {
		snprintf(c.err, sizeof c.err, "unexpected '%c' in address", *p);
		goto fail;
	}
	if (s.v4.oom || s.v6.oom) {
		snprintf(c.err, sizeof c.err, "out of memory");
		goto fail;
	}
	if (s.v4.n == 0 && s.v6.n == 0) {
		/* an empty set: no packet matches (ET's ![$SMTP_SERVERS,
		 * $DNS_SERVERS] with those left at any) */
		aset_free(&s);
		return 0;
	}
	if (ivs_full(&s.v4, MAX4) && ivs_full(&s.v6, MAX6)) {
		out->any = 1;
		aset_free(&s);
		return 0;
	}
	struct aset comp = {0};
	ivs_compl(&s.v4, MAX4, &comp.v4);
	ivs_compl(&s.v6, MAX6, &comp.v6);
	struct cbuf in = {0}, ex = {0};
	to_cidrs(&s, &in);
	to_cidrs(&comp, &ex);
	aset_free(&comp);
	aset_free(&s);
	if (in.oom || ex.oom || comp.v4.oom || comp.v6.oom) {
		free(in.v);
		free(ex.v);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (ex.n < in.n) {
		out->any = 1;
		out->out = ex.v;
		out->nout = ex.n;
		free(in.v);
	} else {
		out->in = in.v;
		out->nin = in.n;
		free(ex.v);
	}
	return 0;
fail:
	aset_free(&s);
	snprintf(err, errlen, "%s", c.err);
	return -1;
}

static int portset_parse(const struct ruleset *rs, const char *text, struct portset *out,
                         char *err, size_t errlen)
{
	struct actx c = {.rs = rs, .port = 1};
	struct aset s = {0};
	const char *p = text;
	memset(out, 0, sizeof *out);
	if (parse_expr(&c, &p, 0, &s) < 0)
		goto fail;
	skipws(&p);
	if (*p) {
		snprintf(c.err, sizeof c.err, "unexpected '%c' in port", *p);
		goto fail;
	}
	if (s.v4.oom) {
		snprintf(c.err, sizeof c.err, "out of memory");
		goto fail;
	}
	if (s.v4.n == 0) {
		/* an empty set: no packet matches */
		aset_free(&s);
		return 0;
	}
	if (ivs_full(&s.v4, MAXP)) {
		out->any = 1;
		aset_free(&s);
		return 0;
	}
	struct ivset comp = {0};
	ivs_compl(&s.v4, MAXP, &comp);
	int usecomp = comp.n < s.v4.n;
	const struct ivset *src = usecomp ? &comp : &s.v4;
	struct portrange *v = malloc(src->n * sizeof *v);
	if (!v || comp.oom) {
		free(v);
		ivs_free(&comp);
		snprintf(c.err, sizeof c.err, "out of memory");
		goto fail;
	}
	for (unsigned i = 0; i < src->n; i++) {
		v[i].lo = (uint16_t)src->v[i].lo;
		v[i].hi = (uint16_t)src->v[i].hi;
	}
	if (usecomp) {
		out->any = 1;
		out->out = v;
		out->nout = src->n;
	} else {
		out->in = v;
		out->nin = src->n;
	}
	ivs_free(&comp);
	aset_free(&s);
	return 0;
fail:
	aset_free(&s);
	snprintf(err, errlen, "%s", c.err);
	return -1;
}

/* ---- matching --------------------------------------------------------------- */

static int cidr_has(const struct cidr *c, const uint8_t *ip, unsigned alen)
{
	if (c->alen != alen)
		return 0;
	unsigned full = c->bits / 8u, rem = c->bits % 8u;
	if (memcmp(c->a, ip, full) != 0)
		return 0;
	if (rem) {
		uint8_t m = (uint8_t)(0xff << (8 - rem));
		if ((ip[full] & m) != c->a[full])
			return 0;
	}
	return 1;
}

/* (alen, address) order of c's network against ip: <0, 0, >0 */
static int cidr_cmp(const struct cidr *c, const uint8_t *ip, unsigned alen)
{
	if (c->alen != alen)
		return c->alen < alen ? -1 : 1;
	return memcmp(c->a, ip, alen);
}

/* v[] sorted by network and disjoint (as addrset_parse makes them); short
 * lists are scanned, so any order works for them. */
static int cidrs_have(const struct cidr *v, unsigned n, const uint8_t *ip, unsigned alen)
{
	if (n <= 8) {
		for (unsigned i = 0; i < n; i++)
			if (cidr_has(&v[i], ip, alen))
				return 1;
		return 0;
	}
	/* the last network <= ip */
	unsigned lo = 0, hi = n;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (cidr_cmp(&v[mid], ip, alen) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && cidr_has(&v[lo - 1], ip, alen);
}

int addrset_match(const struct addrset *a, const uint8_t *ip, unsigned alen)
{
	if (alen != 4 && alen != 16)
		return 0;
	if (!a->any && !cidrs_have(a->in, a->nin, ip, alen))
		return 0;
	return !cidrs_have(a->out, a->nout, ip, alen);
}

static int ranges_have(const struct portrange *v, unsigned n, unsigned port)
{
	if (n <= 8) {
		for (unsigned i = 0; i < n; i++)
			if (port >= v[i].lo && port <= v[i].hi)
				return 1;
		return 0;
	}
	unsigned lo = 0, hi = n;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (v[mid].lo <= port)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && port <= v[lo - 1].hi;
}

int portset_match(const struct portset *p, unsigned port)
{
	if (!p->any && !ranges_have(p->in, p->nin, port))
		return 0;
	return !ranges_have(p->out, p->nout, port);
}

void addrset_free(struct addrset *a)
{
	free(a->in);
	free(a->out);
	memset(a, 0, sizeof *a);
}

void portset_free(struct portset *p)
{
	free(p->in);
	free(p->out);
	memset(p, 0, sizeof *p);
}

/* ---- rs_resolve -------------------------------------------------------------- */

int rs_resolve(struct ruleset *rs, char *err, size_t errlen)
{
	char e[256];
	for (unsigned i = 0; i < rs->nrules; i++) {
		struct rule *r = rs->rules[i];
		addrset_free(&r->src);
		addrset_free(&r->dst);
		portset_free(&r->sp);
		portset_free(&r->dp);
		const char *what = NULL;
		if (addrset_parse(rs, r->src_text, &r->src, e, sizeof e) < 0)
			what = r->src_text;
		else if (portset_parse(rs, r->sp_text, &r->sp, e, sizeof e) < 0)
			what = r->sp_text;
		else if (addrset_parse(rs, r->dst_text, &r->dst, e, sizeof e) < 0)
			what = r->dst_text;
		else if (portset_parse(rs, r->dp_text, &r->dp, e, sizeof e) < 0)
			what = r->dp_text;
		if (what) {
			if (strncmp(e, "undefined variable", 18) == 0)
				snprintf(err, errlen, "%s:%u: %s", r->file, r->line, e);
			else
				snprintf(err, errlen, "%s:%u: %s (in \"%.80s\")", r->file, r->line, e, what);
			return -1;
		}
		r->class_desc = NULL;
		int prio = 0;
		if (r->classtype) {
			for (unsigned k = 0; k < rs->nclasses; k++) {
				if (strcmp(rs->classes[k].name, r->classtype) == 0) {
					r->class_desc = rs->classes[k].desc;
					prio = rs->classes[k].priority;
					break;
				}
			}
		}
		/* the priority keyword wins (a rule holds 0 when none was given);
		 * once filled in here, a later rs_resolve keeps it */
		if (r->priority <= 0)
			r->priority = prio > 0 ? prio : 3;
	}
	return 0;
}
