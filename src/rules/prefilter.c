/* prefilter.c - Hyperscan literal databases (see prefilter.h).
 *
 * hs_compile_lit_multi takes the literals as bytes with their lengths, so
 * content with NULs or any byte needs no escaping.  Identical literals
 * (same bytes, same case handling) become one pattern whose id indexes a
 * list of rules: ET Open repeats many fast patterns ("GET ", "User-Agent"). */
#include "prefilter.h"

#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pf {
	hs_database_t *db;
	unsigned nlit;
	unsigned maxlen;
	uint32_t *first;  /* first[id] .. first[id + 1]: rules of literal id, in rules[] */
	uint32_t *rules;
};

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
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* A caseless literal is compared as lower case for merging. */
static int same(const struct pf_lit *x, const struct pf_lit *y)
{
	return x->nocase == y->nocase && x->n == y->n && !memcmp(x->p, y->p, x->n);
}

struct pf *pf_build(const struct pf_lit *lits, unsigned n, char *err, size_t errlen)
{
	struct pf *pf = calloc(1, sizeof *pf);
	const struct pf_lit **ord = calloc(n ? n : 1, sizeof *ord);
	const char **expr = calloc(n ? n : 1, sizeof *expr);
	unsigned *flags = calloc(n ? n : 1, sizeof *flags), *ids = calloc(n ? n : 1, sizeof *ids);
	size_t *lens = calloc(n ? n : 1, sizeof *lens);
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
	if (!pf || !ord || !expr || !flags || !ids || !lens || !low || !pf->first || !pf->rules) {
		snprintf(err, errlen, "out of memory building the prefilter");
		goto fail;
	}
	/* caseless literals merged on their lower-case form */
	struct pf_lit *tmp = malloc((n ? n : 1) * sizeof *tmp);
	if (!tmp) {
		snprintf(err, errlen, "out of memory building the prefilter");
		goto fail;
	}
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
			ids[nl] = nl;
			if (ord[i]->n > pf->maxlen)
				pf->maxlen = ord[i]->n;
			pf->first[nl] = i;
			nl++;
		}
		pf->rules[i] = ord[i]->rule;
	}
	pf->first[nl] = n;
	pf->nlit = nl;
	if (nl) {
		hs_compile_error_t *ce = NULL;
		if (hs_compile_lit_multi(expr, flags, ids, lens, nl, HS_MODE_BLOCK, NULL, &pf->db,
					 &ce) != HS_SUCCESS) {
			snprintf(err, errlen, "Hyperscan: %s", ce && ce->message ? ce->message : "compile failed");
			hs_free_compile_error(ce);
			free(tmp);
			goto fail;
		}
	}
	free(tmp);
	free(ord);
	free(expr);
	free(flags);
	free(ids);
	free(lens);
	free(low);
	return pf;
fail:
	free(ord);
	free(expr);
	free(flags);
	free(ids);
	free(lens);
	free(low);
	pf_free(pf);
	return NULL;
}

int pf_scratch(const struct pf *pf, void **scratch)
{
	if (!pf->db)
		return 0;
	hs_scratch_t *s = *scratch;
	if (hs_alloc_scratch(pf->db, &s) != HS_SUCCESS)
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
	if (!pf || !pf->db || !n || n > 0xffffffffu)
		return;
	struct scan_ctx c = { pf, hit, ctx };
	hs_scan(pf->db, (const char *)p, (unsigned)n, 0, scratch, on_match, &c);
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
	free(pf->first);
	free(pf->rules);
	free(pf);
}
