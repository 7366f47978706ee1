/* nd.h - the context every printer receives, and the bounds-checked reader.
 *
 * A printer never dereferences packet memory itself: it reads through the
 * nd_* accessors below, which compare against nd->end (the end of the
 * captured bytes, possibly narrowed to a protocol's own length).  A read past
 * it longjmps to the single place in print.c that prints " [|proto]", where
 * proto is the name the innermost printer set with nd_proto().  Printers that
 * want to print something else on truncation test with nd_has() first. */
#ifndef TRAWL_ND_H
#define TRAWL_ND_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../options.h"
#include "out.h"

struct names;
struct tcp_seqtab;
struct esp_state;
struct ts_state;
struct print_state;

typedef struct nd {
	const struct options *opt;
	struct out *out;
	struct names *names;         /* address and port name cache */
	struct tcp_seqtab *tcpseq;   /* relative TCP sequence numbers */
	struct esp_state *esp;       /* ESP decryption keys (-E) */
	struct ts_state *ts;         /* timestamp mode and deltas */
	struct print_state *ps;      /* what printers keep between packets (print/state.h) */

	/* per packet */
	const uint8_t *pkt;  /* first captured byte */
	const uint8_t *end;  /* one past the last readable byte */
	const char *proto;   /* name printed in the truncation marker */
	unsigned ll_hdr_len; /* link header length, skipped by -x/-X/-A */
	unsigned depth;      /* nesting of encapsulations, bounded */
	bool marked;         /* the unwinding came from nd_mark_trunc */
	jmp_buf trunc;
} nd_t;

/* Encapsulation depth at which printers stop descending (GRE in GRE ...). */
#define ND_MAX_DEPTH 32

_Noreturn void nd_trunc(nd_t *nd);

static inline void nd_proto(nd_t *nd, const char *name)
{
	nd->proto = name;
}

/* True when n bytes starting at p were captured. */
static inline bool nd_has(const nd_t *nd, const uint8_t *p, size_t n)
{
	return p >= nd->pkt && p <= nd->end && (size_t)(nd->end - p) >= n;
}

/* Bytes captured from p on (0 when p lies outside the packet). */
static inline size_t nd_avail(const nd_t *nd, const uint8_t *p)
{
	return (p >= nd->pkt && p <= nd->end) ? (size_t)(nd->end - p) : 0;
}

static inline void nd_need(nd_t *nd, const uint8_t *p, size_t n)
{
	if (!nd_has(nd, p, n))
		nd_trunc(nd);
}

static inline uint8_t nd_u8(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 1);
	return p[0];
}

static inline uint16_t nd_be16(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 2);
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t nd_be24(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 3);
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static inline uint32_t nd_be32(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t nd_be64(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	return (uint64_t)nd_be32(nd, p) << 32 | nd_be32(nd, p + 4);
}

static inline uint16_t nd_le16(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 2);
	return (uint16_t)(p[1] << 8 | p[0]);
}

static inline uint32_t nd_le32(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}

/* Copies n captured bytes or unwinds. */
static inline void nd_copy(nd_t *nd, void *dst, const uint8_t *p, size_t n)
{
	nd_need(nd, p, n);
	memcpy(dst, p, n);
}

/* Narrows the readable end to p+len when that is shorter (a protocol's own
 * length field says the rest is trailer); returns the previous end so the
 * caller can restore it. */
static inline const uint8_t *nd_narrow(nd_t *nd, const uint8_t *p, size_t len)
{
	const uint8_t *old = nd->end;
	if (p >= nd->pkt && p <= nd->end) {
		size_t have = (size_t)(nd->end - p);
		if (have > len)
			nd->end -= have - len;
	}
	return old;
}

static inline void nd_restore(nd_t *nd, const uint8_t *old_end)
{
	nd->end = old_end;
}

/* Output shorthands. */
static inline void nd_c(nd_t *nd, char c) { out_c(nd->out, c); }
static inline void nd_s(nd_t *nd, const char *s) { out_s(nd->out, s); }
static inline void nd_u(nd_t *nd, uint64_t v) { out_u(nd->out, v); }
#define nd_printf(nd, ...) out_f((nd)->out, __VA_ARGS__)

/* " [|proto]" - what tcpdump prints where a packet ran out. */
void nd_print_trunc(nd_t *nd);
/* " (invalid)" */
void nd_print_invalid(nd_t *nd);

/* tcpdump ends a truncation in one of two ways, and -x shows which: most
 * reads unwind (its dumps then start at the link header), but some checks
 * print the marker and return normally (the dumps then skip the link
 * header).  A printer with checks of the second kind runs its body through
 * nd_run_marked() and calls nd_mark_trunc() at those checks: the marker is
 * printed and nd_run_marked returns; any other truncation goes on
 * unwinding as usual. */
_Noreturn void nd_mark_trunc(nd_t *nd);
void nd_run_marked(nd_t *nd, void (*body)(nd_t *, void *), void *arg);

/* Runs fn(nd, arg) under a truncation trap of its own: a truncation in it
 * (nd_trunc or nd_mark_trunc) ends fn alone, and nd_try returns 1 with
 * the outer trap back in place for the caller to say what tcpdump says
 * there (mostly nd_print_trunc, or nd_trunc to unwind on after undoing
 * something); 0 when fn returned.  nd->marked is left as it is.
 * nd_try_span is the same for a printer of len bytes at p. */
int nd_try(nd_t *nd, void (*fn)(nd_t *, void *), void *arg);
int nd_try_span(nd_t *nd, void (*fn)(nd_t *, const uint8_t *, unsigned),
                const uint8_t *p, unsigned len);

#endif
