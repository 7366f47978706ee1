/* hashpipe.c - the files' SHA-256 on a second thread (see hashpipe.h).
 *
 * One ring of HP_RING bytes, one producer (the parsing thread, "A") and one
 * consumer (the hashing thread, "B").  A command is a 16-byte header and
 * its payload, padded to 16 bytes, so that a header never wraps (a payload
 * may).  A waits when the ring is full, B when it is empty; each sleeps on
 * the one condition variable only after spinning a little, and the other
 * wakes it only when it says it sleeps (and, for B, once there is enough
 * to do: a wake-up per packet would cost more than the hashing). */
#include "hashpipe.h"

#include "../capture/mapread.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HP_RING (4u << 20)        /* bytes in flight at most */
#define HP_PIECE (1u << 20)       /* a data command carries at most this */
#define HP_SLOTS 8192             /* digests pending at once */
#define HP_WAKE (128u << 10)      /* what wakes a sleeping hashing thread */
#define HP_HOLES (OUT_BUFSZ / HP_HEX + 1)
#define HP_SPIN 200
#define HP_WINDOWS 8              /* the reader's mappings held for us at most */

enum { C_INIT = 1, C_DATA, C_REF, C_UNMAP, C_FINAL, C_OUT, C_STOP };

/* C_REF: bytes of a mapping, hashed where they are; C_UNMAP: a mapping
 * the reader is done with */
struct ref {
	uintptr_t p;
	uint64_t n;
};

struct cmd {
	uint32_t type, slot;
	uint64_t n; /* payload bytes */
};

struct hole {
	uint32_t off, slot;
};

struct hashpipe {
	uint8_t *ring;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_mutex_t cmu;     /* held by whoever carries out commands (B's state below) */
	pthread_t th;
	int started;
	/* shared, each on its own line */
	_Alignas(64) _Atomic size_t head; /* written by A: bytes published */
	_Alignas(64) _Atomic size_t tail; /* written by B: bytes consumed */
	_Alignas(64) atomic_int a_sleeps, b_sleeps, eof, kick;
	_Alignas(64) _Atomic uint64_t unmapped; /* by B */
	/* A's */
	_Alignas(64) size_t whead, seen_tail;
	struct out po;           /* the events, holes and all */
	struct out *dst;
	uint32_t *free_slot, nfree;
	uint32_t *refs;
	uint32_t *release, nrelease; /* free once the next buffer is sent */
	struct hole *holes;
	size_t nholes;
	uintptr_t cur_m, cur_len; /* the reader's mapping now */
	uint64_t retired;         /* mappings handed to B */
	struct mapread_keep keep;
	/* B's, or A's while it holds cmu */
	_Alignas(64) size_t rtail;
	const EVP_MD *md;
	EVP_MD_CTX **ctx;
	char (*hex)[HP_HEX];
	struct hole *bholes;
	struct out bo;           /* B's writer onto dst's descriptor */
};

static size_t pad16(size_t n) { return (n + 15) & ~(size_t)15; }

static inline void relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

/* ---- A: the producer ------------------------------------------------------ */

static int some(struct hashpipe *h, unsigned max);

static void wake(struct hashpipe *h)
{
	atomic_store(&h->kick, 1); /* B: work on whatever there is */
	pthread_mutex_lock(&h->mu);
	pthread_cond_broadcast(&h->cv);
	pthread_mutex_unlock(&h->mu);
}

static int has_room(struct hashpipe *h, size_t need)
{
	h->seen_tail = atomic_load(&h->tail);
	return HP_RING - (h->whead - h->seen_tail) >= need;
}

static int few_held(struct hashpipe *h, size_t unused)
{
	(void)unused;
	return h->retired - atomic_load(&h->unmapped) <= HP_WINDOWS;
}

/* Waits until ok(h, arg), which B's progress makes true; B has work then
 * (it is woken if it sleeps). */
static void await(struct hashpipe *h, int (*ok)(struct hashpipe *, size_t), size_t arg)
{
	for (int spin = 0; !ok(h, arg); spin++) {
		/* rather than wait for B (descheduled, perhaps, on a busy
		 * machine), do its work: the commands are carried out in order
		 * whoever does it */
		if (pthread_mutex_trylock(&h->cmu) == 0) {
			while (!ok(h, arg) && atomic_load(&h->head) != h->rtail)
				if (some(h, 1))
					break; /* (never: C_STOP is the last command) */
			pthread_mutex_unlock(&h->cmu);
			continue;
		}
		if (atomic_load(&h->b_sleeps))
			wake(h);
		if (spin < HP_SPIN) {
			relax();
			continue;
		}
		pthread_mutex_lock(&h->mu);
		atomic_store(&h->a_sleeps, 1);
		while (!ok(h, arg) && !atomic_load(&h->b_sleeps))
			pthread_cond_wait(&h->cv, &h->mu);
		atomic_store(&h->a_sleeps, 0);
		pthread_mutex_unlock(&h->mu);
	}
}

/* Waits until need bytes are free. */
static void room(struct hashpipe *h, size_t need)
{
	if (HP_RING - (h->whead - h->seen_tail) < need)
		await(h, has_room, need);
}

static void put(struct hashpipe *h, const void *p, size_t n)
{
	size_t at = h->whead & (HP_RING - 1), k = HP_RING - at < n ? HP_RING - at : n;
	memcpy(h->ring + at, p, k);
	if (k < n)
		memcpy(h->ring, (const uint8_t *)p + k, n - k);
	h->whead += n;
}

static void publish(struct hashpipe *h)
{
	h->whead = pad16(h->whead);
	atomic_store(&h->head, h->whead);
	if (atomic_load(&h->b_sleeps) &&
	    h->whead - atomic_load_explicit(&h->tail, memory_order_relaxed) >= HP_WAKE)
		wake(h);
}

/* A command with its payload in up to two pieces. */
static void cmd_send(struct hashpipe *h, uint32_t type, uint32_t slot, const void *p1, size_t n1,
                 const void *p2, size_t n2)
{
	struct cmd c = { type, slot, (uint64_t)(n1 + n2) };
	room(h, sizeof c + pad16(n1 + n2));
	put(h, &c, sizeof c);
	if (n1)
		put(h, p1, n1);
	if (n2)
		put(h, p2, n2);
	publish(h);
}

/* The private buffer is full (or flushed): it goes to B with its holes,
 * and the slots whose last hole it carried become free. */
static void sink(void *ctx, const char *p, size_t n)
{
	struct hashpipe *h = ctx;
	uint32_t hdr[2] = { (uint32_t)h->nholes, (uint32_t)n };
	struct cmd c = { C_OUT, 0, sizeof hdr + h->nholes * sizeof *h->holes + n };
	room(h, sizeof c + pad16((size_t)c.n));
	put(h, &c, sizeof c);
	put(h, hdr, sizeof hdr);
	put(h, h->holes, h->nholes * sizeof *h->holes);
	put(h, p, n);
	publish(h);
	h->nholes = 0;
	for (uint32_t i = 0; i < h->nrelease; i++)
		h->free_slot[h->nfree++] = h->release[i];
	h->nrelease = 0;
}

struct out *hp_out(struct hashpipe *h)
{
	return &h->po;
}

int hp_begin(struct hashpipe *h)
{
	if (!h->nfree && h->nrelease)
		out_flush(&h->po); /* frees the slots waiting for it */
	if (!h->nfree)
		return -1;
	uint32_t s = h->free_slot[--h->nfree];
	h->refs[s] = 0;
	cmd_send(h, C_INIT, s, NULL, 0, NULL, 0);
	return (int)s;
}

void hp_data(struct hashpipe *h, int slot, const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	if (a >= h->cur_m && a - h->cur_m <= h->cur_len && n <= h->cur_len - (a - h->cur_m)) {
		/* in the reader's mapping: hashed there, not copied */
		struct ref r = { a, (uint64_t)n };
		cmd_send(h, C_REF, (uint32_t)slot, &r, sizeof r, NULL, 0);
		return;
	}
	const uint8_t *b = p;
	while (n) {
		size_t k = n < HP_PIECE ? n : HP_PIECE;
		cmd_send(h, C_DATA, (uint32_t)slot, b, k, NULL, 0);
		b += k;
		n -= k;
	}
}

void hp_end(struct hashpipe *h, int slot, char *tok)
{
	cmd_send(h, C_FINAL, (uint32_t)slot, NULL, 0, NULL, 0);
	h->refs[slot] = 1;
	snprintf(tok, 16, "%c%d", HP_TOKEN, slot);
}

static int slot_of(const char *s)
{
	return hp_is_token(s) ? atoi(s + 1) : -1;
}

void hp_hold(struct hashpipe *h, const char *s)
{
	int k = slot_of(s);
	if (k >= 0)
		h->refs[k]++;
}

void hp_drop(struct hashpipe *h, const char *s)
{
	int k = slot_of(s);
	if (k >= 0 && h->refs[k] && --h->refs[k] == 0)
		h->release[h->nrelease++] = (uint32_t)k;
}

void hp_hole(struct hashpipe *h, const char *s)
{
	int k = slot_of(s);
	char *d = out_room(&h->po, HP_HEX);
	memset(d, '0', HP_HEX);
	h->holes[h->nholes].off = (uint32_t)h->po.len;
	h->holes[h->nholes].slot = (uint32_t)k;
	h->nholes++;
	out_commit(&h->po, HP_HEX);
}

static void kept_mapped(void *ctx, const void *m, size_t len)
{
	struct hashpipe *h = ctx;
	h->cur_m = (uintptr_t)m;
	h->cur_len = len;
}

static void kept_retire(void *ctx, void *m, size_t len)
{
	struct hashpipe *h = ctx;
	if ((uintptr_t)m == h->cur_m)
		h->cur_m = h->cur_len = 0;
	if (!h->started) {
		munmap(m, len);
		return;
	}
	struct ref r = { (uintptr_t)m, (uint64_t)len };
	cmd_send(h, C_UNMAP, 0, &r, sizeof r, NULL, 0);
	h->retired++;
	if (atomic_load(&h->b_sleeps))
		wake(h); /* unmapped soon, not when the ring has filled: memory */
	if (!few_held(h, 0))
		await(h, few_held, 0);
}

const struct mapread_keep *hp_keep(struct hashpipe *h)
{
	return &h->keep;
}

/* ---- B: the hashing thread ------------------------------------------------ */

/* The ring's bytes [at, at + n) as up to two pieces. */
static void span(const struct hashpipe *h, size_t at, size_t n, const uint8_t **p1, size_t *n1,
                 const uint8_t **p2, size_t *n2)
{
	size_t i = at & (HP_RING - 1), k = HP_RING - i < n ? HP_RING - i : n;
	*p1 = h->ring + i;
	*n1 = k;
	*p2 = h->ring;
	*n2 = n - k;
}

static void get(const struct hashpipe *h, size_t at, void *d, size_t n)
{
	const uint8_t *p1, *p2;
	size_t n1, n2;
	span(h, at, n, &p1, &n1, &p2, &n2);
	memcpy(d, p1, n1);
	memcpy((uint8_t *)d + n1, p2, n2);
}

static void out_ring(struct hashpipe *h, size_t at, size_t n)
{
	const uint8_t *p1, *p2;
	size_t n1, n2;
	span(h, at, n, &p1, &n1, &p2, &n2);
	out_mem(&h->bo, p1, n1);
	if (n2)
		out_mem(&h->bo, p2, n2);
}

static void do_out(struct hashpipe *h, size_t at)
{
	uint32_t hdr[2];
	get(h, at, hdr, sizeof hdr);
	at += sizeof hdr;
	get(h, at, h->bholes, hdr[0] * sizeof *h->bholes);
	at += hdr[0] * sizeof *h->bholes;
	size_t pos = 0;
	for (uint32_t i = 0; i < hdr[0]; i++) {
		const struct hole *o = &h->bholes[i];
		out_ring(h, at + pos, o->off - pos);
		out_mem(&h->bo, h->hex[o->slot], HP_HEX);
		pos = (size_t)o->off + HP_HEX;
	}
	out_ring(h, at + pos, hdr[1] - pos);
}

static void do_final(struct hashpipe *h, uint32_t s)
{
	static const char x[] = "0123456789abcdef";
	uint8_t md[EVP_MAX_MD_SIZE];
	unsigned n = 0;
	memset(md, 0, sizeof md);
	if (h->ctx[s])
		EVP_DigestFinal_ex(h->ctx[s], md, &n);
	for (unsigned i = 0; i < 32; i++) {
		h->hex[s][2 * i] = x[md[i] >> 4];
		h->hex[s][2 * i + 1] = x[md[i] & 15];
	}
}

/* Waits for a command; 0 at the end of the run. */
static int next(struct hashpipe *h, size_t *headp)
{
	for (int spin = 0;; spin++) {
		size_t hd = atomic_load_explicit(&h->head, memory_order_acquire);
		if (hd != atomic_load(&h->tail)) {
			*headp = hd;
			return 1;
		}
		if (atomic_load(&h->eof))
			return 0;
		if (spin < HP_SPIN) {
			relax();
			continue;
		}
		pthread_mutex_lock(&h->mu);
		atomic_store(&h->b_sleeps, 1);
		while (atomic_load(&h->head) - atomic_load(&h->tail) < HP_WAKE && !atomic_load(&h->eof) &&
		       !atomic_load(&h->kick))
			pthread_cond_wait(&h->cv, &h->mu);
		atomic_store(&h->b_sleeps, 0);
		atomic_store(&h->kick, 0);
		pthread_mutex_unlock(&h->mu);
	}
}

/* Carries out the command at rtail (not C_STOP); the caller holds cmu. */
static void one(struct hashpipe *h, const struct cmd *c)
{
	size_t at = h->rtail + sizeof *c;
	switch (c->type) {
	case C_INIT:
		if (!h->ctx[c->slot])
			h->ctx[c->slot] = EVP_MD_CTX_new();
		if (h->ctx[c->slot] && !EVP_DigestInit_ex(h->ctx[c->slot], h->md, NULL)) {
			EVP_MD_CTX_free(h->ctx[c->slot]);
			h->ctx[c->slot] = NULL;
		}
		break;
	case C_DATA:
		if (h->ctx[c->slot]) {
			const uint8_t *p1, *p2;
			size_t n1, n2;
			span(h, at, (size_t)c->n, &p1, &n1, &p2, &n2);
			EVP_DigestUpdate(h->ctx[c->slot], p1, n1);
			if (n2)
				EVP_DigestUpdate(h->ctx[c->slot], p2, n2);
		}
		break;
	case C_REF:
		if (h->ctx[c->slot]) {
			struct ref r;
			get(h, at, &r, sizeof r);
			EVP_DigestUpdate(h->ctx[c->slot], (const void *)r.p, (size_t)r.n);
		}
		break;
	case C_UNMAP: {
		struct ref r;
		get(h, at, &r, sizeof r);
		munmap((void *)r.p, (size_t)r.n);
		atomic_fetch_add(&h->unmapped, 1);
		break;
	}
	case C_FINAL:
		do_final(h, c->slot);
		break;
	case C_OUT:
		do_out(h, at);
		break;
	}
	h->rtail = pad16(at + (size_t)c->n);
	atomic_store(&h->tail, h->rtail);
}

/* Carries out the commands published, at most max of them, under cmu;
 * 1 when C_STOP was reached (left in place). */
static int some(struct hashpipe *h, unsigned max)
{
	size_t hd = atomic_load_explicit(&h->head, memory_order_acquire);
	for (unsigned i = 0; i < max && h->rtail != hd; i++) {
		struct cmd c;
		get(h, h->rtail, &c, sizeof c);
		if (c.type == C_STOP)
			return 1;
		one(h, &c);
	}
	return 0;
}

static void *run(void *arg)
{
	struct hashpipe *h = arg;
	size_t hd;
	int stop = 0;
	while (!stop && next(h, &hd)) {
		/* a few commands at a time: the parsing thread, when it would
		 * wait for us, carries them out itself between two batches */
		pthread_mutex_lock(&h->cmu);
		stop = some(h, 16);
		pthread_mutex_unlock(&h->cmu);
		if (atomic_load(&h->a_sleeps))
			wake(h);
	}
	out_flush(&h->bo);
	return NULL;
}

/* ---- life ------------------------------------------------------------------ */

struct hashpipe *hp_new(struct out *dst)
{
	struct hashpipe *h = aligned_alloc(64, (sizeof *h + 63) & ~(size_t)63);
	if (!h)
		return NULL;
	memset(h, 0, sizeof *h);
	h->dst = dst;
	EVP_MD *m = EVP_MD_fetch(NULL, "SHA256", NULL);
	h->md = m ? m : EVP_sha256();
	h->ring = malloc(HP_RING);
	h->free_slot = malloc(HP_SLOTS * sizeof *h->free_slot);
	h->refs = calloc(HP_SLOTS, sizeof *h->refs);
	h->release = malloc(HP_SLOTS * sizeof *h->release);
	h->holes = malloc(HP_HOLES * sizeof *h->holes);
	h->bholes = malloc(HP_HOLES * sizeof *h->bholes);
	h->ctx = calloc(HP_SLOTS, sizeof *h->ctx);
	h->hex = calloc(HP_SLOTS, sizeof *h->hex);
	int po = out_init(&h->po, -1) == 0, bo = out_init(&h->bo, dst->fd) == 0;
	if (!h->ring || !h->free_slot || !h->refs || !h->release || !h->holes || !h->bholes ||
	    !h->ctx || !h->hex || !po || !bo) {
		hp_free(h);
		return NULL;
	}
	for (uint32_t i = 0; i < HP_SLOTS; i++)
		h->free_slot[i] = HP_SLOTS - 1 - i; /* slot 0 first */
	h->nfree = HP_SLOTS;
	h->po.sink = sink;
	h->po.sink_ctx = h;
	h->keep = (struct mapread_keep){ h, kept_mapped, kept_retire };
	pthread_mutex_init(&h->mu, NULL);
	pthread_cond_init(&h->cv, NULL);
	pthread_mutex_init(&h->cmu, NULL);
	out_flush(dst); /* what was written before goes first */
	/* the stop signals are for the reading thread (their handlers);
	 * SIGPIPE stays with whoever writes, as on one thread */
	sigset_t all, old;
	sigfillset(&all);
	sigdelset(&all, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int e = pthread_create(&h->th, NULL, run, h);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (e != 0) {
		pthread_mutex_destroy(&h->cmu);
		pthread_mutex_destroy(&h->mu);
		pthread_cond_destroy(&h->cv);
		hp_free(h);
		return NULL;
	}
	h->started = 1;
	return h;
}

void hp_finish(struct hashpipe *h)
{
	if (!h || !h->started)
		return;
	out_flush(&h->po);
	cmd_send(h, C_STOP, 0, NULL, 0, NULL, 0);
	atomic_store(&h->eof, 1);
	wake(h);
	pthread_join(h->th, NULL);
	h->started = 0;
	pthread_mutex_destroy(&h->cmu);
	pthread_mutex_destroy(&h->mu);
	pthread_cond_destroy(&h->cv);
	if (h->bo.failed && !h->dst->failed)
		h->dst->failed = h->bo.failed;
}

void hp_free(struct hashpipe *h)
{
	if (!h)
		return;
	hp_finish(h);
	if (h->ctx)
		for (uint32_t i = 0; i < HP_SLOTS; i++)
			EVP_MD_CTX_free(h->ctx[i]);
	if (h->md != EVP_sha256())
		EVP_MD_free((EVP_MD *)h->md);
	free(h->ring);
	free(h->free_slot);
	free(h->refs);
	free(h->release);
	free(h->holes);
	free(h->bholes);
	free(h->ctx);
	free(h->hex);
	out_free(&h->po);
	out_free(&h->bo);
	free(h);
}
