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

static const char hexdig[] = "0123456789abcdef";
static const char hexdig_up[] = "0123456789ABCDEF";

/* "00" .. "99" */
static const char pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233"
	"34353637383940414243444546474849505152535455565758596061626364656667"
	"6869707172737475767778798081828384858687888990919293949596979899";

/* Writes v in decimal ending just before end; returns the first digit. */
static char *dec_back(char *end, uint64_t v)
{
	char *p = end;
	while (v > UINT32_MAX) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		p -= 2;
		memcpy(p, pairs + 2 * r, 2);
	}
	uint32_t w = (uint32_t)v; /* 32-bit division is cheaper */
	while (w >= 100) {
		unsigned r = w % 100;
		w /= 100;
		p -= 2;
		memcpy(p, pairs + 2 * r, 2);
	}
	if (w >= 10) {
		p -= 2;
		memcpy(p, pairs + 2 * w, 2);
	} else {
		*--p = (char)('0' + w);
	}
	return p;
}

/* The number of decimal digits of v. */
static unsigned dec_len(uint64_t v)
{
	if (v < 10)
		return 1;
	if (v < 100)
		return 2;
	unsigned n = 3;
	uint64_t t = 1000;
	while (n < 20 && v >= t) {
		n++;
		t *= 10; /* wraps only after the last comparison (n == 20) */
	}
	return n;
}

/* The writers below format straight into the buffer, sized first, rather
 * than through a temporary and a variable-length memcpy. */
void out_u(struct out *o, uint64_t v)
{
	char *b = out_room(o, 20);
	if (v < 10) {
		b[0] = (char)('0' + v);
		out_commit(o, 1);
	} else if (v < 100) {
		memcpy(b, pairs + 2 * v, 2);
		out_commit(o, 2);
	} else if (v < 1000) {
		b[0] = (char)('0' + v / 100);
		memcpy(b + 1, pairs + 2 * (v % 100), 2);
		out_commit(o, 3);
	} else {
		unsigned n = dec_len(v);
		dec_back(b + n, v);
		out_commit(o, n);
	}
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
	if (width > 64)
		width = 64;
	unsigned n = dec_len(v);
	unsigned total = width > 0 && (unsigned)width > n ? (unsigned)width : n;
	char *b = out_room(o, 64);
	dec_back(b + total, v);
	if (total > n)
		memset(b, pad, total - n);
	out_commit(o, total);
}

void out_ul(struct out *o, uint64_t v, int width)
{
	int w = width > 64 ? 64 : width;
	unsigned n = dec_len(v);
	unsigned total = w > 0 && (unsigned)w > n ? (unsigned)w : n;
	char *b = out_room(o, 64);
	dec_back(b + n, v);
	if (total > n)
		memset(b + n, ' ', total - n);
	out_commit(o, total);
	for (; w < width; w++)
		out_c(o, ' ');
}

static void hex_out(struct out *o, uint64_t v, int width, const char *dig)
{
	if (width > 64)
		width = 64;
	unsigned n = v ? (unsigned)(67 - __builtin_clzll(v)) / 4 : 1;
	unsigned total = width > 0 && (unsigned)width > n ? (unsigned)width : n;
	char *b = out_room(o, 64);
	char *p = b + total;
	do {
		*--p = dig[v & 15];
		v >>= 4;
	} while (v);
	if (p > b)
		memset(b, '0', (size_t)(p - b));
	out_commit(o, total);
}

void out_x(struct out *o, uint64_t v, int width)
{
	hex_out(o, v, width, hexdig);
}

void out_xu(struct out *o, uint64_t v, int width)
{
	hex_out(o, v, width, hexdig_up);
}

void out_xp(struct out *o, uint64_t v)
{
	if (v == 0) {
		out_c(o, '0');
		return;
	}
	if (v < 0x100) { /* a byte: telnet's options, flags */
		char *b = out_room(o, 4);
		b[0] = '0';
		b[1] = 'x';
		if (v < 0x10) {
			b[2] = hexdig[v];
			out_commit(o, 3);
		} else {
			b[2] = hexdig[v >> 4];
			b[3] = hexdig[v & 15];
			out_commit(o, 4);
		}
		return;
	}
	out_mem(o, "0x", 2);
	hex_out(o, v, 0, hexdig);
}

void out_0x(struct out *o, uint64_t v, int width)
{
	out_mem(o, "0x", 2);
	hex_out(o, v, width, hexdig);
}

/* Each byte's decimal digits and a dot, in four bytes (the rest filler),
 * and how many of them count. */
static const char ip4_dig[1025] =
	"0...1...2...3...4...5...6...7...8...9...10..11..12..13..14..15.."
	"16..17..18..19..20..21..22..23..24..25..26..27..28..29..30..31.."
	"32..33..34..35..36..37..38..39..40..41..42..43..44..45..46..47.."
	"48..49..50..51..52..53..54..55..56..57..58..59..60..61..62..63.."
	"64..65..66..67..68..69..70..71..72..73..74..75..76..77..78..79.."
	"80..81..82..83..84..85..86..87..88..89..90..91..92..93..94..95.."
	"96..97..98..99..100.101.102.103.104.105.106.107.108.109.110.111."
	"112.113.114.115.116.117.118.119.120.121.122.123.124.125.126.127."
	"128.129.130.131.132.133.134.135.136.137.138.139.140.141.142.143."
	"144.145.146.147.148.149.150.151.152.153.154.155.156.157.158.159."
	"160.161.162.163.164.165.166.167.168.169.170.171.172.173.174.175."
	"176.177.178.179.180.181.182.183.184.185.186.187.188.189.190.191."
	"192.193.194.195.196.197.198.199.200.201.202.203.204.205.206.207."
	"208.209.210.211.212.213.214.215.216.217.218.219.220.221.222.223."
	"224.225.226.227.228.229.230.231.232.233.234.235.236.237.238.239."
	"240.241.242.243.244.245.246.247.248.249.250.251.252.253.254.255.";

static unsigned char ip4_len(unsigned v)
{
	return (unsigned char)(v >= 100 ? 4 : v >= 10 ? 3 : 2);
}

/* The first three bytes are copied four characters at a time, which never
 * writes past where the terminating NUL goes; the last is written exactly. */
size_t out_fmt_ip4(char *buf, const uint8_t *a)
{
	char *s = buf;
	for (int i = 0; i < 3; i++) {
		memcpy(s, ip4_dig + 4 * a[i], 4);
		s += ip4_len(a[i]);
	}
	unsigned v = a[3];
	if (v >= 100) {
		*s++ = (char)('0' + v / 100);
		memcpy(s, pairs + 2 * (v % 100), 2);
		s += 2;
	} else if (v >= 10) {
		memcpy(s, pairs + 2 * v, 2);
		s += 2;
	} else {
		*s++ = (char)('0' + v);
	}
	*s = 0;
	return (size_t)(s - buf);
}

size_t out_fmt_ip6(char *buf, const uint8_t *a)
{
	unsigned w[8];
	for (int i = 0; i < 8; i++)
		w[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	/* the longest run of zero groups; the first when runs tie */
	int best = -1, bestlen = 0;
	for (int i = 0; i < 8;) {
		if (w[i]) {
			i++;
			continue;
		}
		int j = i;
		while (j < 8 && !w[j])
			j++;
		if (j - i > bestlen) {
			best = i;
			bestlen = j - i;
		}
		i = j;
	}
	if (bestlen < 2)
		best = -1;
	char *s = buf;
	for (int i = 0; i < 8; i++) {
		if (best >= 0 && i >= best && i < best + bestlen) {
			if (i == best)
				*s++ = ':';
			continue;
		}
		if (i)
			*s++ = ':';
		if (i == 6 && best == 0 &&
		    (bestlen == 6 || (bestlen == 5 && w[5] == 0xffff))) {
			s += out_fmt_ip4(s, a + 12);
			*s = 0;
			return (size_t)(s - buf);
		}
		unsigned v = w[i];
		if (v >= 0x1000)
			*s++ = hexdig[v >> 12];
		if (v >= 0x100)
			*s++ = hexdig[(v >> 8) & 15];
		if (v >= 0x10)
			*s++ = hexdig[(v >> 4) & 15];
		*s++ = hexdig[v & 15];
	}
	if (best >= 0 && best + bestlen == 8)
		*s++ = ':';
	*s = 0;
	return (size_t)(s - buf);
}

void out_ip4(struct out *o, const uint8_t *a)
{
	char *b = out_room(o, 16);
	out_commit(o, out_fmt_ip4(b, a));
}

void out_ip6(struct out *o, const uint8_t *a)
{
	char *b = out_room(o, 48);
	out_commit(o, out_fmt_ip6(b, a));
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
