/* prefilter.h - the multi-pattern prefilter: one Hyperscan database of
 * literals per buffer, each literal naming the rules whose fast pattern it
 * is, so that a buffer is scanned once and only the rules one of whose
 * literals occurs in it are evaluated in full (as Suricata's MPM stage). */
#ifndef TRAWL_RULES_PREFILTER_H
#define TRAWL_RULES_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

struct pf;

/* A literal: the bytes, caseless or not, and the rule it stands for.
 * head, when not 0: the literal matters only when it ends within the
 * buffer's first head bytes (a content with offset and depth). */
struct pf_lit {
	const uint8_t *p;
	uint32_t n;
	uint8_t nocase;
	uint32_t rule;
	uint32_t head;
};

/* Literals that end within this many bytes go to a second database that
 * scans only the buffer's head: short ones (ET's "|00 01|" at depth 2 on
 * UDP) would otherwise match all over every payload. */
#define PF_HEAD_MAX 64

struct hscache_stats;

/* Builds the databases of lits (identical literals are merged), through
 * the Hyperscan cache directory cache (NULL: none; src/rules/hscache.h),
 * counting in *st those found there and those compiled; NULL with err on
 * failure. */
struct pf *pf_build(const struct pf_lit *lits, unsigned n, const char *cache,
                    struct hscache_stats *st, char *err, size_t errlen);
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
