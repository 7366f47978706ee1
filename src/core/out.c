#include "out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int out_init(struct out *o, int fd)
{
	o->buf = malloc(OUT_BUFSZ);
	o->len = 0;
	o->fd = fd;
	o->failed = 0;
	o->sink = NULL;
	o->sink_ctx = NULL;
	return o->buf ? 0 : -1;
}

void out_free(struct out *o)
{
	free(o->buf);
	o->buf = NULL;
}

void out_flush(struct out *o)
{
	if (o->sink) {
		if (o->len)
			o->sink(o->sink_ctx, o->buf, o->len);
		o->len = 0;
		return;
	}
	size_t off = 0;
	while (off < o->len && !o->failed) {
		ssize_t n = write(o->fd, o->buf + off, o->len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			o->failed = errno;
			break;
		}
		off += (size_t)n;
	}
	o->len = 0;
}

void out_grow_(struct out *o, size_t need)
{
	out_flush(o);
	if (need > OUT_BUFSZ)
		abort(); /* callers append in pieces far smaller than the buffer */
}

void out_mem_slow_(struct out *o, const void *p, size_t n)
{
	const char *s = p;
	while (n > 0) {
		size_t room = OUT_BUFSZ - o->len;
		if (room == 0) {
			out_flush(o);
			room = OUT_BUFSZ;
		}
		size_t k = n < room ? n : room;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}

void out_u(struct out *o, uint64_t v)
{
	if (v < 10) {
		out_c(o, (char)('0' + v));
		return;
	}
	char tmp[20];
	int i = 20;
	if (v <= UINT32_MAX) {
		uint32_t w = (uint32_t)v; /* 32-bit division is cheaper */
		do {
			tmp[--i] = (char)('0' + w % 10);
			w /= 10;
		} while (w);
	} else {
		do {
			tmp[--i] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
	}
	out_mem(o, tmp + i, (size_t)(20 - i));
}

void out_d(struct out *o, int64_t v)
{
	if (v < 0) {
		out_c(o, '-');
		out_u(o, (uint64_t)0 - (uint64_t)v);
	} else {
		out_u(o, (uint64_t)v);
	}
}

void out_uw(struct out *o, uint64_t v, int width, char pad)
{
	char tmp[24];
	int i = 24;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (24 - i < width && i > 0)
		tmp[--i] = pad;
	out_mem(o, tmp + i, (size_t)(24 - i));
}

void out_x(struct out *o, uint64_t v, int width)
{
	static const char hex[] = "0123456789abcdef";
	char tmp[16];
	int i = 16;
	do {
		tmp[--i] = hex[v & 15];
		v >>= 4;
	} while (v);
	while (16 - i < width && i > 0)
		tmp[--i] = '0';
	out_mem(o, tmp + i, (size_t)(16 - i));
}

void out_vf(struct out *o, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	size_t room = OUT_BUFSZ - o->len;
	int n = vsnprintf(o->buf + o->len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	if ((size_t)n < room) {
		o->len += (size_t)n;
		return;
	}
	out_flush(o);
	if ((size_t)n < OUT_BUFSZ) {
		n = vsnprintf(o->buf, OUT_BUFSZ, fmt, ap);
		o->len = (size_t)n;
		return;
	}
	/* Larger than the whole buffer: format on the heap. */
	char *big = malloc((size_t)n + 1);
	if (!big)
		return;
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	out_mem(o, big, (size_t)n);
	free(big);
}

void out_f(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	out_vf(o, fmt, ap);
	va_end(ap);
}
