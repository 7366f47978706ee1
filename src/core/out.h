/* out.h - the one buffered writer all output goes through.
 *
 * Printers append to a large in-memory buffer; the buffer reaches the file
 * descriptor only when it fills, at the end of the run, or after each packet
 * when the user asked for line (-l) or packet (-U) buffering.  Appending never
 * makes a system call, which keeps the per-packet hot path free of them. */
#ifndef TRAWL_OUT_H
#define TRAWL_OUT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define OUT_BUFSZ (1u << 20)
/* Room every append may assume without checking: out_reserve() keeps at least
 * this much free before a packet starts and after each flush. */
#define OUT_SLACK 4096

struct out {
	char *buf;
	size_t len;
	int fd;
	int failed; /* errno of the first failed write, 0 when all went well */
	/* when set, a flush hands the buffer to sink instead of writing it to
	 * fd (the session layer's hashing thread: src/session/hashpipe.c) */
	void (*sink)(void *ctx, const char *p, size_t n);
	void *sink_ctx;
};

int out_init(struct out *o, int fd);
void out_free(struct out *o);
void out_flush(struct out *o);
void out_grow_(struct out *o, size_t need);

/* Makes sure n more bytes fit without overflowing the buffer. */
static inline void out_reserve(struct out *o, size_t n)
{
	if (o->len + n > OUT_BUFSZ)
		out_grow_(o, n);
}

static inline void out_c(struct out *o, char c)
{
	out_reserve(o, 1);
	o->buf[o->len++] = c;
}

void out_mem_slow_(struct out *o, const void *p, size_t n);

static inline void out_mem(struct out *o, const void *p, size_t n)
{
	if (o->len + n <= OUT_BUFSZ) {
		memcpy(o->buf + o->len, p, n);
		o->len += n;
	} else {
		out_mem_slow_(o, p, n);
	}
}

/* A NULL string prints as glibc's printf prints it for %s, so that a
 * printf converted to typed writers cannot turn a table's missing name
 * into a crash. */
static inline void out_s(struct out *o, const char *s)
{
	if (!s)
		s = "(null)";
	out_mem(o, s, strlen(s));
}

/* Room for n bytes at the end of the buffer, to be filled by the caller
 * and committed with out_commit. */
static inline char *out_room(struct out *o, size_t n)
{
	out_reserve(o, n);
	return o->buf + o->len;
}

static inline void out_commit(struct out *o, size_t n)
{
	o->len += n;
}
/* Typed writers: what printf's conversions give, appended in place.  The
 * per-packet path uses these; the equivalent conversion is named with each. */
void out_u(struct out *o, uint64_t v);                 /* %u, %lu, %llu */
void out_d(struct out *o, int64_t v);                  /* %d, %ld, %lld */
/* v in decimal, at least width digits, padded on the left with pad:
 * %0Nu with '0', %Nu with ' '. */
void out_uw(struct out *o, uint64_t v, int width, char pad);
/* v in decimal, padded on the right with spaces to width: %-Nu. */
void out_ul(struct out *o, uint64_t v, int width);
/* v in lower-case hex, at least width digits, zero padded: %x, %0Nx. */
void out_x(struct out *o, uint64_t v, int width);
/* The same in upper case: %X, %0NX. */
void out_xu(struct out *o, uint64_t v, int width);
/* %#x: "0" for zero, else "0x" and the digits. */
void out_xp(struct out *o, uint64_t v);
/* "0x" and at least width digits, always: 0x%0Nx. */
void out_0x(struct out *o, uint64_t v, int width);
/* %02x: two lower-case hex digits for a byte, more for a larger value. */
static inline void out_x2(struct out *o, unsigned v)
{
	static const char hexdig[] = "0123456789abcdef";
	if (v > 0xff) {
		out_x(o, v, 2);
		return;
	}
	char *b = out_room(o, 2);
	b[0] = hexdig[(v >> 4) & 15];
	b[1] = hexdig[v & 15];
	out_commit(o, 2);
}
/* Addresses: a.b.c.d; IPv6 as inet_ntop(3) writes it (the longest run of two
 * or more zero groups as "::", the first of equal runs; ::ffff:a.b.c.d and
 * ::a.b.c.d with the last four bytes dotted). */
void out_ip4(struct out *o, const uint8_t *a);
void out_ip6(struct out *o, const uint8_t *a);
/* The same into buf (16 / 46 bytes), NUL-terminated; return the length. */
size_t out_fmt_ip4(char *buf, const uint8_t *a);
size_t out_fmt_ip6(char *buf, const uint8_t *a);
/* printf-style: for rare paths only; the common printers format by hand. */
void out_f(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void out_vf(struct out *o, const char *fmt, va_list ap);

#endif
