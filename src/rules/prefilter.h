/* prefilter.h - the multi-pattern prefilter: one Hyperscan database of
 * literals per buffer, each literal naming the rules whose fast pattern it
 * is, so that a buffer is scanned once and only the rules one of whose
 * literals occurs in it are evaluated in full (as Suricata's MPM stage). */
#ifndef TRAWL_RULES_PREFILTER_H
#define TRAWL_RULES_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

struct pf;

/* A literal: the bytes, caseless or not, and the rule it stands for. */
struct pf_lit {
	const uint8_t *p;
	uint32_t n;
	uint8_t nocase;
	uint32_t rule;
};

/* Builds the database of lits (identical literals are merged); NULL with
 * err on failure. */
struct pf *pf_build(const struct pf_lit *lits, unsigned n, char *err, size_t errlen);
/* Makes sure scratch (NULL at first) can scan pf; -1 on failure. */
int pf_scratch(const struct pf *pf, void **scratch);
void pf_scratch_free(void *scratch);
/* Calls hit(ctx, rule, end) for each rule one of whose literals occurs in
 * p[0..n), end the offset just after the literal's first occurrence (a
 * rule may be named more than once). */
void pf_scan(const struct pf *pf, void *scratch, const uint8_t *p, size_t n,
             void (*hit)(void *ctx, uint32_t rule, size_t end), void *ctx);
/* The longest literal's length. */
unsigned pf_maxlen(const struct pf *pf);
/* Literals in the database (after merging). */
unsigned pf_size(const struct pf *pf);
void pf_free(struct pf *pf);

#endif
