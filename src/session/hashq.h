/* hashq.h - consuming the files' bytes (hashing, writing) on a second
 * thread, in order per file, with memory bounded.
 *
 * One producer thread (the one that reads the capture) calls hq_put() and
 * hq_sync(); one worker thread, started on the first hq_put(), calls the
 * consumer function on the bytes in the order they were put, per object.
 * The bytes are copied into a ring of HQ_RING bytes; when it is full the
 * producer waits for the worker.  hq_sync() returns when all of an
 * object's bytes have been consumed: the ones the worker has not taken yet
 * are consumed by the caller itself, so it never waits behind the other
 * objects' bytes, at most for the one piece the worker is consuming. */
#ifndef TRAWL_SESSION_HASHQ_H
#define TRAWL_SESSION_HASHQ_H

#include <stddef.h>
#include <stdint.h>

/* Consumes n bytes at p of obj (on the worker or on the producer). */
typedef void hq_fn(void *obj, const uint8_t *p, size_t n);

/* Per object: where its last piece is; zeroed by hq_init. */
struct hq_link {
	uint64_t last; /* ring position of its last piece + 1, or 0: none */
};

static inline void hq_init(struct hq_link *l)
{
	l->last = 0;
}

/* Gives n bytes at p of obj to fn, now or later (a copy is kept). */
void hq_put(hq_fn *fn, struct hq_link *l, void *obj, const uint8_t *p, size_t n);
/* Returns when every byte hq_put() was given for obj has been consumed;
 * obj's memory is then the caller's alone. */
void hq_sync(hq_fn *fn, struct hq_link *l, void *obj);

#endif
