#include "gentab.h"

#include <stdlib.h>
#include <string.h>

/* slot layout: [used:1][key:keylen] pad [value:vallen] pad; the value starts
 * 8-aligned so callers may store structs and pointers in it */

static uint64_t hash(const uint8_t *k, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, k, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
		k += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, k, n);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 29);
}

static int gen_alloc(struct gen *g, size_t cap, size_t stride)
{
	g->slots = calloc(cap, stride);
	g->cap = g->slots ? cap : 0;
	g->n = 0;
	return g->slots ? 0 : -1;
}

static void gen_drop(struct gentab *t, struct gen *g)
{
	if (t->drop)
		for (size_t i = 0; i < g->cap; i++) {
			uint8_t *s = g->slots + i * t->stride;
			if (s[0])
				t->drop(s + t->voff);
		}
	t->dropped += g->n;
	free(g->slots);
	g->slots = NULL;
	g->cap = g->n = 0;
}

/* The slot holding key, or the empty slot where it would go. */
static uint8_t *find(const struct gentab *t, const struct gen *g, const uint8_t *key)
{
	size_t mask = g->cap - 1;
	for (size_t i = (size_t)hash(key, t->keylen) & mask;; i = (i + 1) & mask) {
		uint8_t *s = g->slots + i * t->stride;
		if (!s[0] || memcmp(s + 1, key, t->keylen) == 0)
			return s;
	}
}

int gentab_init(struct gentab *t, size_t keylen, size_t vallen, size_t limit,
                void (*drop)(void *val))
{
	memset(t, 0, sizeof *t);
	t->keylen = keylen;
	t->vallen = vallen;
	t->voff = (1 + keylen + 7) & ~(size_t)7;
	t->stride = (t->voff + vallen + 7) & ~(size_t)7;
	if (t->stride > GENTAB_MAX_STRIDE)
		return -1;
	t->limit = limit < 16 ? 16 : limit;
	t->drop = drop;
	return gen_alloc(&t->cur, 64, t->stride);
}

void gentab_free(struct gentab *t)
{
	if (t->cur.slots)
		gen_drop(t, &t->cur);
	if (t->old.slots)
		gen_drop(t, &t->old);
}

static int grow(struct gentab *t)
{
	struct gen g;
	if (gen_alloc(&g, t->cur.cap * 2, t->stride) < 0)
		return -1;
	for (size_t i = 0; i < t->cur.cap; i++) {
		uint8_t *s = t->cur.slots + i * t->stride;
		if (s[0])
			memcpy(find(t, &g, s + 1), s, t->stride);
	}
	g.n = t->cur.n;
	free(t->cur.slots);
	t->cur = g;
	return 0;
}

/* Creates a zero-filled entry for key (known absent) in the current
 * generation, turning generations over when it is full. */
static void *insert(struct gentab *t, const uint8_t *key)
{
	if (t->cur.n >= t->limit) {
		if (t->old.slots)
			gen_drop(t, &t->old);
		t->old = t->cur;
		if (gen_alloc(&t->cur, 64, t->stride) < 0)
			return NULL;
	} else if ((t->cur.n + 1) * 4 > t->cur.cap * 3 && grow(t) < 0) {
		return NULL;
	}
	uint8_t *s = find(t, &t->cur, key);
	s[0] = 1;
	memcpy(s + 1, key, t->keylen);
	memset(s + t->voff, 0, t->vallen);
	t->cur.n++;
	return s + t->voff;
}

/* Removes slot o from generation g, re-placing the rest of its probe run
 * (linear probing keeps no tombstones). */
static void remove_slot(struct gentab *t, struct gen *g, uint8_t *o)
{
	size_t mask = g->cap - 1, i = (size_t)(o - g->slots) / t->stride;
	o[0] = 0;
	g->n--;
	for (size_t j = (i + 1) & mask;; j = (j + 1) & mask) {
		uint8_t *r = g->slots + j * t->stride;
		if (!r[0])
			break;
		uint8_t row[GENTAB_MAX_STRIDE];
		memcpy(row, r, t->stride);
		r[0] = 0;
		memcpy(find(t, g, row + 1), row, t->stride);
	}
}

void *gentab_get(struct gentab *t, const void *key)
{
	uint8_t *s = find(t, &t->cur, key);
	if (s[0])
		return s + t->voff;
	if (!t->old.slots)
		return NULL;
	uint8_t *o = find(t, &t->old, key);
	if (!o[0])
		return NULL;
	/* recently used again: move it into the current generation */
	uint8_t val[GENTAB_MAX_STRIDE];
	memcpy(val, o + t->voff, t->vallen);
	remove_slot(t, &t->old, o);
	uint8_t *v = insert(t, key);
	if (v)
		memcpy(v, val, t->vallen);
	else if (t->drop)
		t->drop(val);
	return v;
}

void *gentab_put(struct gentab *t, const void *key, int *fresh)
{
	void *v = gentab_get(t, key);
	*fresh = v == NULL;
	return v ? v : insert(t, key);
}
