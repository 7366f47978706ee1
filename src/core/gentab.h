/* gentab.h - a bounded hash table for per-run caches (names, TCP
 * connections) that must stay fast and small over captures of any size.
 *
 * Two generations: entries go into the current table; when it holds `limit`
 * entries it becomes the old one and the previous old one is dropped.  An
 * entry found in the old table moves back to the current one, so anything
 * used within the last `limit` insertions survives.  Memory is bounded by
 * two tables of `limit` entries; every operation is O(1). */
#ifndef TRAWL_GENTAB_H
#define TRAWL_GENTAB_H

#include <stddef.h>
#include <stdint.h>

#define GENTAB_MAX_STRIDE 256

struct gen {
	uint8_t *slots; /* cap entries of `stride` bytes */
	size_t cap, n;
};

struct gentab {
	size_t keylen, vallen, voff, stride, limit;
	void (*drop)(void *val); /* called for each value dropped, may be NULL */
	struct gen cur, old;
	uint64_t dropped; /* values dropped by generation turnover */
};

int gentab_init(struct gentab *t, size_t keylen, size_t vallen, size_t limit,
                void (*drop)(void *val));
void gentab_free(struct gentab *t);
/* The value stored under key, or NULL. */
void *gentab_get(struct gentab *t, const void *key);
/* The value under key, created zero-filled (and *fresh set) when absent.
 * NULL only when memory runs out. */
void *gentab_put(struct gentab *t, const void *key, int *fresh);

#endif
