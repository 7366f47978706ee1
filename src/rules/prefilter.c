/* prefilter.c - Hyperscan literal databases (see prefilter.h).
 *
 * hs_compile_lit_multi takes the literals as bytes with their lengths, so
 * content with NULs or any byte needs no escaping.  Identical literals
 * (same bytes, same case handling) become one pattern whose id indexes a
 * list of rules: ET Open repeats many fast patterns ("GET ", "User-Agent"). */
#include "prefilter.h"
#include "hscache.h"

#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pf {
	hs_database_t *db;      /* the literals that may occur anywhere */
	hs_database_t *head;    /* those that end within the first head_len bytes */
	unsigned head_len;
	unsigned nlit;
	unsigned maxlen;
	uint32_t *first;  /* first[id] .. first[id + 1]: rules of literal id, in rules[] */
	uint32_t *rules;
};

/* A head bound worth a database of its own; 0: anywhere. */
static uint32_t head_of(const struct pf_lit *l)
{
	return l->head && l->head <= PF_HEAD_MAX ? l->head : 0;
}

static int lit_cmp(const void *a, const void *b)
{
	const struct pf_lit *x = *(const struct pf_lit *const *)a, *y = *(const struct pf_lit *const *)b;
	if (x->nocase != y->nocase)
		return x->nocase - y->nocase;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	int c = memcmp(x->p, y->p, x->n);
	if (c)
		return c;
	if (head_of(x) != head_of(y))
		return head_of(x) < head_of(y) ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* A caseless literal is compared as lower case for merging; the same
 * bytes with another head bound stay apart. */
static int same(const struct pf_lit *x, const struct pf_lit *y)
{
	return x->nocase == y->nocase && x->n == y->n && !memcmp(x->p, y->p, x->n) &&
	       head_of(x) == head_of(y);
}

/* Compiles the merged literals whose head bound is (head != 0) into *db. */
static int compile_part(struct pf *pf, int head, const char **expr, const unsigned *flags,
                        const size_t *lens, const uint32_t *heads, unsigned nl, const char *cache,
                        struct hscache_stats *st, hs_database_t **db, char *err, size_t errlen)
{
	const char **e = calloc(nl ? nl : 1, sizeof *e);
	unsigned *f = calloc(nl ? nl : 1, sizeof *f), *ids = calloc(nl ? nl : 1, sizeof *ids);
	size_t *l = calloc(nl ? nl : 1, sizeof *l);
	int rc = -1;
	if (!e || !f || !ids || !l) {
		snprintf(err, errlen, "out of memory building the prefilter");
		goto out;
	}
	unsigned k = 0;
	for (unsigned i = 0; i < nl; i++) {
		if ((heads[i] != 0) != head)
			continue;
		e[k] = expr[i];
		f[k] = flags[i];
		l[k] = lens[i];
		ids[k++] = i;
		if (head && heads[i] > pf->head_len)
			pf->head_len = heads[i];
	}
	rc = 0;
	if (!k)
		goto out;
	hs_compile_error_t *ce = NULL;
	int hit = 0;
	if (hscache_compile_lit(cache, e, f, ids, l, k, HS_MODE_BLOCK, db, &ce, &hit) != HS_SUCCESS) {
		snprintf(err, errlen, "Hyperscan: %s", ce && ce->message ? ce->message : "compile failed");
		hs_free_compile_error(ce);
		rc = -1;
	}
	if (st)
		__atomic_add_fetch(hit ? &st->hits : &st->compiled, 1, __ATOMIC_RELAXED);
out:
	free(e);
	free(f);
	free(ids);
	free(l);
	return rc;
}

struct pf *pf_build(const struct pf_lit *lits, unsigned n, const char *cache,
                    struct hscache_stats *st, char *err, size_t errlen)
{
	struct pf *pf = calloc(1, sizeof *pf);
	const struct pf_lit **ord = calloc(n ? n : 1, sizeof *ord);
	const char **expr = calloc(n ? n : 1, sizeof *expr);
	unsigned *flags = calloc(n ? n : 1, sizeof *flags);
	uint32_t *heads = calloc(n ? n : 1, sizeof *heads);
	size_t *lens = calloc(n ? n : 1, sizeof *lens);
	struct pf_lit *tmp = calloc(n ? n : 1, sizeof *tmp);
	uint8_t *low = NULL;
	size_t lowlen = 0;
	for (unsigned i = 0; i < n; i++)
		if (lits[i].nocase)
			lowlen += lits[i].n;
	low = malloc(lowlen ? lowlen : 1);
	if (pf)
		pf->first = calloc((size_t)n + 1, sizeof *pf->first);
	if (pf)
		pf->rules = calloc(n ? n : 1, sizeof *pf->rules);
	if (!pf || !ord || !expr || !flags || !heads || !lens || !tmp || !low || !pf->first ||
	    !pf->rules) {
		snprintf(err, errlen, "out of memory building the prefilter");
		goto fail;
	}
	/* caseless literals merged on their lower-case form */
	size_t lo = 0;
	for (unsigned i = 0; i < n; i++) {
		tmp[i] = lits[i];
		if (lits[i].nocase) {
			for (uint32_t k = 0; k < lits[i].n; k++) {
				uint8_t c = lits[i].p[k];
				low[lo + k] = (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
			}
			tmp[i].p = low + lo;
			lo += lits[i].n;
		}
		ord[i] = &tmp[i];
	}
	qsort(ord, n, sizeof *ord, lit_cmp);
	unsigned nl = 0;
	for (unsigned i = 0; i < n; i++) {
		if (i == 0 || !same(ord[i], ord[i - 1])) {
			expr[nl] = (const char *)ord[i]->p;
			lens[nl] = ord[i]->n;
			flags[nl] = HS_FLAG_SINGLEMATCH | (ord[i]->nocase ? HS_FLAG_CASELESS : 0);
			heads[nl] = head_of(ord[i]);
			if (ord[i]->n > pf->maxlen)
				pf->maxlen = ord[i]->n;
			pf->first[nl] = i;
			nl++;
		}
		pf->rules[i] = ord[i]->rule;
	}
	pf->first[nl] = n;
	pf->nlit = nl;
	if (compile_part(pf, 0, expr, flags, lens, heads, nl, cache, st, &pf->db, err, errlen) < 0 ||
	    compile_part(pf, 1, expr, flags, lens, heads, nl, cache, st, &pf->head, err, errlen) < 0)
		goto fail;
	free(tmp);
	free(ord);
	free(expr);
	free(flags);
	free(heads);
	free(lens);
	free(low);
	return pf;
fail:
	free(tmp);
	free(ord);
	free(expr);
	free(flags);
	free(heads);
	free(lens);
	free(low);
	pf_free(pf);
	return NULL;
}

int pf_scratch(const struct pf *pf, void **scratch)
{
	hs_scratch_t *s = *scratch;
	if ((pf->db && hs_alloc_scratch(pf->db, &s) != HS_SUCCESS) ||
	    (pf->head && hs_alloc_scratch(pf->head, &s) != HS_SUCCESS))
		return -1;
	*scratch = s;
	return 0;
}

void pf_scratch_free(void *scratch)
{
	if (scratch)
		hs_free_scratch(scratch);
}

struct scan_ctx {
	const struct pf *pf;
	void (*hit)(void *ctx, uint32_t rule, size_t end);
	void *ctx;
};

static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned fl,
                    void *vctx)
{
	(void)from;
	(void)fl;
	struct scan_ctx *c = vctx;
	for (uint32_t i = c->pf->first[id]; i < c->pf->first[id + 1]; i++)
		c->hit(c->ctx, c->pf->rules[i], (size_t)to);
	return 0;
}

void pf_scan(const struct pf *pf, void *scratch, const uint8_t *p, size_t n,
             void (*hit)(void *ctx, uint32_t rule, size_t end), void *ctx)
{
	if (!pf || !n || n > 0xffffffffu)
		return;
	struct scan_ctx c = { pf, hit, ctx };
	if (pf->db)
		hs_scan(pf->db, (const char *)p, (unsigned)n, 0, scratch, on_match, &c);
	if (pf->head)
		hs_scan(pf->head, (const char *)p, (unsigned)(n < pf->head_len ? n : pf->head_len), 0,
			scratch, on_match, &c);
}

unsigned pf_maxlen(const struct pf *pf)
{
	return pf ? pf->maxlen : 0;
}

unsigned pf_size(const struct pf *pf)
{
	return pf ? pf->nlit : 0;
}

void pf_free(struct pf *pf)
{
	if (!pf)
		return;
	if (pf->db)
		hs_free_database(pf->db);
	if (pf->head)
		hs_free_database(pf->head);
	free(pf->first);
	free(pf->rules);
	free(pf);
}
