/* hashq.c - the files' bytes consumed on a second thread (see hashq.h).
 *
 * The ring holds pieces: a header (the consumer, the object, the object's
 * previous and next pieces) and up to HQ_PIECE bytes.  The producer fills
 * one open piece at a time, adding to it while the same object's bytes
 * come, and publishes it (head) when another object's come or it is full;
 * the worker takes published pieces in order (tail).  A piece's state goes
 * READY -> TAKEN -> DONE on the worker, or READY -> STOLEN when hq_sync()
 * takes it back: it walks the object's pieces from the last backwards,
 * stealing each one still READY; the first it cannot steal is the
 * worker's, and so are all before it (the worker goes in order), so it
 * waits for that one to be DONE, then consumes the stolen ones forwards.
 * The producer alone writes the ring, and only beyond tail, so a piece at
 * or after tail stays as it was while the producer looks at it.
 *
 * Waking: the worker spins a little when the ring is empty, then sleeps;
 * the producer wakes it when HQ_WAKE bytes wait (fewer are left for the
 * producer to take back at hq_sync(), cheaper than a wake-up).  The
 * producer spins, then sleeps, when it waits for room or for a piece.
 * Neither side fences its stores to check the other's flag: a wake-up
 * missed that way costs at most HQ_NAP (both sleep that long at most),
 * never a result, since a piece the worker has not taken is the
 * producer's to take back.  The producer's, the worker's and the shared
 * flags live on separate cache lines, and the producer reads the worker's
 * tail only when its last copy says the ring is full. */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "hashq.h"

#define HQ_RING  (1u << 20)  /* bytes of the ring, a power of two */
#define HQ_PIECE (16u << 10) /* bytes of a piece at most */
#define HQ_WAKE  (16u << 10) /* bytes waiting that wake the worker */
#define HQ_SPIN  4000        /* polls before sleeping */
#define HQ_NAP   1000000L    /* ns of sleep at most, before looking again... */
#define HQ_NAP_MAX 64000000L /* ...doubling while there is nothing to do */
#define HQ_ALIGN 64u

enum { READY, TAKEN, DONE, STOLEN };

struct piece {
	hq_fn *fn;
	void *obj;          /* NULL: filler up to the ring's end */
	uint64_t prev;      /* obj's previous piece's position + 1, or 0 */
	uint64_t next;      /* obj's next piece's position + 1, or 0 (producer only) */
	uint32_t len;       /* bytes after the header */
	uint32_t size;      /* bytes of the whole piece, a multiple of HQ_ALIGN */
	_Atomic uint32_t state;
};

#define HDR ((uint32_t)((sizeof(struct piece) + HQ_ALIGN - 1) & ~(HQ_ALIGN - 1)))
#define ROUND(n) (((n) + HQ_ALIGN - 1) & ~(uint64_t)(HQ_ALIGN - 1))

_Static_assert(HDR <= HQ_ALIGN, "a filler's header fits in the smallest gap");
_Static_assert((HQ_RING & (HQ_RING - 1)) == 0, "ring size a power of two");
_Static_assert(HQ_RING >= 4 * (HDR + HQ_PIECE), "ring holds several pieces");

static struct {
	/* the producer's */
	_Alignas(64) int mode;   /* 0: not started; 1: worker running; -1: inline */
	uint8_t *ring;
	uint64_t wpos;           /* written up to */
	uint64_t open;           /* the open piece's position + 1, or 0 */
	uint64_t ctail;          /* tail when last read */
	/* the producer writes, the worker reads */
	_Alignas(64) _Atomic uint64_t head; /* published up to */
	/* the worker writes, the producer reads */
	_Alignas(64) _Atomic uint64_t tail; /* consumed up to */
	/* rarely written */
	_Alignas(64) _Atomic int sleeping; /* the worker waits for work */
	_Atomic int waiting;     /* the producer waits for the worker */
	_Atomic int stop;
	pthread_mutex_t mu;
	pthread_cond_t work, moved;
	pthread_t th;
} q = { .mu = PTHREAD_MUTEX_INITIALIZER };

static struct piece *at(uint64_t pos)
{
	return (struct piece *)(q.ring + (pos & (HQ_RING - 1)));
}

static uint8_t *data_of(struct piece *c)
{
	return (uint8_t *)c + HDR;
}

static void relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

/* Waits on c for ns at most (q.mu held). */
static void nap(pthread_cond_t *c, long ns)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += ns;
	while (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_cond_timedwait(c, &q.mu, &ts);
}

/* Copies n bytes into the ring bypassing the cache where it can: the
 * worker, on another core, reads them next; the writer's cache would only
 * have to give them up. */
static void copy_in(uint8_t *d, const uint8_t *p, size_t n)
{
#if defined(__SSE2__)
	size_t a = (size_t)(-(uintptr_t)d & 15);
	if (n >= 64 + a) {
		memcpy(d, p, a);
		d += a, p += a, n -= a;
		for (; n >= 64; d += 64, p += 64, n -= 64) {
			__m128i x0 = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
			__m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
			__m128i x3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));
			_mm_stream_si128((__m128i *)(void *)d, x0);
			_mm_stream_si128((__m128i *)(void *)(d + 16), x1);
			_mm_stream_si128((__m128i *)(void *)(d + 32), x2);
			_mm_stream_si128((__m128i *)(void *)(d + 48), x3);
		}
	}
#endif
	memcpy(d, p, n);
}

/* Orders copy_in's stores before what follows (the piece's publication). */
static void copied(void)
{
#if defined(__SSE2__)
	_mm_sfence();
#endif
}

static void *worker(void *arg)
{
	(void)arg;
	uint64_t t = atomic_load_explicit(&q.tail, memory_order_relaxed);
	long ns = 0; /* 0: working; else the next nap */
	for (;;) {
		uint64_t h = atomic_load_explicit(&q.head, memory_order_acquire);
		for (int i = 0; h == t && !ns && i < HQ_SPIN && !atomic_load_explicit(&q.stop, memory_order_relaxed); i++) {
			relax();
			h = atomic_load_explicit(&q.head, memory_order_acquire);
		}
		if (h == t) {
			ns = ns ? (ns < HQ_NAP_MAX ? 2 * ns : ns) : HQ_NAP;
			pthread_mutex_lock(&q.mu);
			atomic_store_explicit(&q.sleeping, 1, memory_order_relaxed);
			if (!atomic_load_explicit(&q.stop, memory_order_relaxed))
				nap(&q.work, ns);
			atomic_store_explicit(&q.sleeping, 0, memory_order_relaxed);
			pthread_mutex_unlock(&q.mu);
			h = atomic_load_explicit(&q.head, memory_order_acquire);
		}
		if (atomic_load_explicit(&q.stop, memory_order_relaxed))
			return NULL;
		if (h != t)
			ns = 0;
		while (t != h) {
			struct piece *c = at(t);
			if (c->obj) {
				uint32_t s = READY;
				if (atomic_compare_exchange_strong(&c->state, &s, TAKEN)) {
					c->fn(c->obj, data_of(c), c->len);
					atomic_store_explicit(&c->state, DONE, memory_order_release);
				}
			}
			t += c->size;
			atomic_store_explicit(&q.tail, t, memory_order_release);
			if (atomic_load_explicit(&q.waiting, memory_order_relaxed)) {
				pthread_mutex_lock(&q.mu);
				pthread_cond_signal(&q.moved);
				pthread_mutex_unlock(&q.mu);
			}
		}
	}
}

/* Joins the worker at exit; what it left is consumed here, and whatever
 * comes after is consumed inline. */
static void hq_stop(void)
{
	if (q.mode != 1)
		return;
	pthread_mutex_lock(&q.mu);
	atomic_store(&q.stop, 1);
	pthread_cond_signal(&q.work);
	pthread_mutex_unlock(&q.mu);
	pthread_join(q.th, NULL);
	for (uint64_t t = atomic_load(&q.tail); t < q.wpos; t += at(t)->size) {
		struct piece *c = at(t);
		if (c->obj && atomic_load(&c->state) == READY) {
			atomic_store(&c->state, DONE);
			c->fn(c->obj, data_of(c), c->len);
		}
	}
	atomic_store(&q.head, q.wpos);
	atomic_store(&q.tail, q.wpos);
	q.ctail = q.wpos;
	q.open = 0;
	q.mode = -1;
}

static int start(void)
{
	if (q.mode)
		return q.mode > 0;
	q.mode = -1;
	pthread_condattr_t ca;
	if (pthread_condattr_init(&ca) || pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) ||
	    pthread_cond_init(&q.work, &ca) || pthread_cond_init(&q.moved, &ca))
		return 0;
	pthread_condattr_destroy(&ca);
	if (!(q.ring = aligned_alloc(HQ_ALIGN, HQ_RING)))
		return 0;
	/* the worker takes no signals: they stay the reading thread's */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int e = pthread_create(&q.th, NULL, worker, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (e) {
		free(q.ring);
		q.ring = NULL;
		return 0;
	}
	q.mode = 1;
	atexit(hq_stop);
	return 1;
}

static int has_room(uint64_t n)
{
	if (q.wpos + n - q.ctail <= HQ_RING)
		return 1;
	q.ctail = atomic_load_explicit(&q.tail, memory_order_acquire);
	return q.wpos + n - q.ctail <= HQ_RING;
}

static void wake(void)
{
	if (atomic_load_explicit(&q.sleeping, memory_order_relaxed)) {
		pthread_mutex_lock(&q.mu);
		if (atomic_load_explicit(&q.sleeping, memory_order_relaxed)) {
			atomic_store_explicit(&q.sleeping, 0, memory_order_relaxed); /* once */
			pthread_cond_signal(&q.work);
		}
		pthread_mutex_unlock(&q.mu);
	}
}

/* Publishes what was written (closing the open piece); wakes the worker
 * when enough waits, or now. */
static void publish(int now)
{
	copied();
	q.open = 0;
	atomic_store_explicit(&q.head, q.wpos, memory_order_release);
	if (atomic_load_explicit(&q.sleeping, memory_order_relaxed) &&
	    (now || q.wpos - atomic_load_explicit(&q.tail, memory_order_relaxed) >= HQ_WAKE))
		wake();
}

/* Waits for room for n bytes (room) or for the piece at pos to be DONE. */
static int moved(int room, uint64_t arg)
{
	return room ? has_room(arg) : atomic_load_explicit(&at(arg)->state, memory_order_acquire) != TAKEN;
}

static void wait_worker(int room, uint64_t arg)
{
	for (int i = 0; i < HQ_SPIN; i++) {
		if (moved(room, arg))
			return;
		relax();
	}
	pthread_mutex_lock(&q.mu);
	atomic_store_explicit(&q.waiting, 1, memory_order_relaxed);
	while (!moved(room, arg))
		nap(&q.moved, HQ_NAP);
	atomic_store_explicit(&q.waiting, 0, memory_order_relaxed);
	pthread_mutex_unlock(&q.mu);
}

void hq_put(hq_fn *fn, struct hq_link *l, void *obj, const uint8_t *p, size_t n)
{
	if (!n)
		return;
	if (!start()) {
		fn(obj, p, n);
		return;
	}
	while (n) {
		struct piece *o = q.open ? at(q.open - 1) : NULL;
		if (o && (o->obj != obj || o->fn != fn || o->len == HQ_PIECE)) {
			publish(0);
			o = NULL;
		}
		if (!o) {
			/* a piece never crosses the ring's end: a filler up to it */
			uint64_t off = q.wpos & (HQ_RING - 1);
			uint64_t fill = HQ_RING - off < HDR + HQ_PIECE ? HQ_RING - off : 0;
			if (!has_room(fill + HDR + HQ_ALIGN)) {
				publish(1);
				wait_worker(1, fill + HDR + HQ_ALIGN);
			}
			if (fill) {
				struct piece *f = at(q.wpos);
				f->obj = NULL;
				f->size = (uint32_t)fill;
				q.wpos += fill;
			}
			o = at(q.wpos);
			o->fn = fn;
			o->obj = obj;
			o->prev = l->last;
			o->next = 0;
			o->len = 0;
			o->size = HDR;
			atomic_store_explicit(&o->state, READY, memory_order_relaxed);
			/* the previous piece, when still in the ring, links to this one */
			if (l->last && l->last - 1 >= q.ctail)
				at(l->last - 1)->next = q.wpos + 1;
			l->last = q.wpos + 1;
			q.open = q.wpos + 1;
			q.wpos += HDR;
		}
		size_t k = HQ_PIECE - o->len < n ? HQ_PIECE - o->len : n;
		uint64_t size = HDR + ROUND(o->len + k);
		if (!has_room(size - o->size)) {
			/* all but o to the worker, and room from it */
			copied();
			atomic_store_explicit(&q.head, q.open - 1, memory_order_release);
			wake();
			wait_worker(1, size - o->size);
		}
		copy_in(data_of(o) + o->len, p, k);
		o->len += (uint32_t)k;
		o->size = (uint32_t)size;
		q.wpos = q.open - 1 + size;
		p += k;
		n -= k;
	}
	publish(0);
}

void hq_sync(hq_fn *fn, struct hq_link *l, void *obj)
{
	uint64_t pos = l->last, first = 0;
	int own_open = pos && pos == q.open;
	l->last = 0;
	while (pos) {
		struct piece *c = at(pos - 1);
		if (pos != q.open) {
			if (pos - 1 < atomic_load_explicit(&q.tail, memory_order_acquire))
				break; /* the worker is past it */
			uint32_t s = READY;
			if (!atomic_compare_exchange_strong(&c->state, &s, STOLEN)) {
				if (s == TAKEN)
					wait_worker(0, pos - 1);
				break;
			}
		}
		first = pos;
		pos = c->prev;
	}
	for (pos = first; pos; pos = at(pos - 1)->next) {
		struct piece *c = at(pos - 1);
		fn(obj, data_of(c), c->len);
	}
	if (own_open) {
		q.wpos = q.open - 1;
		q.open = 0;
	}
}
