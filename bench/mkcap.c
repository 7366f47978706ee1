/* mkcap.c - writes a large, deterministic capture of mixed traffic for
 * bench/analyze.sh: interleaved TCP sessions (HTTP requests with Host, TLS
 * ClientHellos with SNI, bulk downloads, SSH, SMTP), DNS queries and answers,
 * some IPv6, ICMP echo, ARP and a little IP protocol 11.  Thousands of
 * clients and servers, so the conversation table and talker table work.
 *
 *   mkcap FILE MEGABYTES */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (uint32_t)(rs >> 11);
}

static FILE *out;
static uint64_t written;
static uint32_t now_s = 1700000000, now_us;

static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }
static void le32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }

static void emit(const uint8_t *p, unsigned len)
{
	uint8_t h[16];
	now_us += 20 + rnd() % 400;
	now_s += now_us / 1000000;
	now_us %= 1000000;
	le32(h, now_s);
	le32(h + 4, now_us);
	le32(h + 8, len);
	le32(h + 12, len);
	fwrite(h, 1, 16, out);
	fwrite(p, 1, len, out);
	written += 16 + len;
}

struct ep {
	int v6;
	uint8_t a[16];
	unsigned port;
};

static unsigned hdr(uint8_t *b, const struct ep *s, const struct ep *d, unsigned proto, unsigned plen)
{
	static const uint8_t m1[6] = { 0, 0x50, 0x56, 1, 2, 3 }, m2[6] = { 0, 0x0c, 0x29, 4, 5, 6 };
	memcpy(b, m2, 6);
	memcpy(b + 6, m1, 6);
	if (!s->v6) {
		put16(b + 12, 0x0800);
		uint8_t *h = b + 14;
		memset(h, 0, 20);
		h[0] = 0x45;
		put16(h + 2, 20 + plen);
		put16(h + 4, rnd() & 0xffff);
		h[8] = 64;
		h[9] = (uint8_t)proto;
		memcpy(h + 12, s->a, 4);
		memcpy(h + 16, d->a, 4);
		return 34;
	}
	put16(b + 12, 0x86dd);
	uint8_t *h = b + 14;
	memset(h, 0, 40);
	h[0] = 0x60;
	put16(h + 4, plen);
	h[6] = (uint8_t)proto;
	h[7] = 64;
	memcpy(h + 8, s->a, 16);
	memcpy(h + 24, d->a, 16);
	return 54;
}

static void tcp(const struct ep *s, const struct ep *d, unsigned flags, uint32_t seq, uint32_t ack,
		const void *data, unsigned n)
{
	uint8_t b[1600];
	unsigned o = hdr(b, s, d, 6, 20 + n);
	uint8_t *t = b + o;
	memset(t, 0, 20);
	put16(t, s->port);
	put16(t + 2, d->port);
	put32(t + 4, seq);
	put32(t + 8, ack);
	t[12] = 0x50;
	t[13] = (uint8_t)flags;
	put16(t + 14, 65535);
	if (data)
		memcpy(t + 20, data, n);
	else
		memset(t + 20, 0x5a, n);
	emit(b, o + 20 + n);
}

static void udp(const struct ep *s, const struct ep *d, const void *data, unsigned n)
{
	uint8_t b[1600];
	unsigned o = hdr(b, s, d, 17, 8 + n);
	put16(b + o, s->port);
	put16(b + o + 2, d->port);
	put16(b + o + 4, 8 + n);
	put16(b + o + 6, 0);
	memcpy(b + o + 8, data, n);
	emit(b, o + 8 + n);
}

static void addr(struct ep *e, int v6, uint32_t x)
{
	memset(e, 0, sizeof *e);
	e->v6 = v6;
	if (v6) {
		e->a[0] = 0x20; e->a[1] = 0x01; e->a[2] = 0x0d; e->a[3] = 0xb8;
		put32(e->a + 12, x);
	} else {
		put32(e->a, x);
	}
}

static unsigned dnsname(uint8_t *m, const char *name)
{
	unsigned n = 0;
	while (*name) {
		const char *dot = strchr(name, '.');
		unsigned l = dot ? (unsigned)(dot - name) : (unsigned)strlen(name);
		m[n++] = (uint8_t)l;
		memcpy(m + n, name, l);
		n += l;
		name += l + (dot ? 1 : 0);
	}
	m[n++] = 0;
	return n;
}

/* A session in progress: one TCP connection. */
struct sess {
	struct ep c, s;
	int kind;          /* 0 http, 1 tls, 2 ssh, 3 smtp */
	int step, left;
	uint32_t cseq, sseq;
};

#define ACTIVE 256

static void start(struct sess *x)
{
	uint32_t r = rnd();
	int v6 = r % 10 == 0;
	addr(&x->c, v6, v6 ? rnd() : (0x0a000000u | (rnd() & 0xffff)));
	addr(&x->s, v6, v6 ? 0x1000 + rnd() % 3000 : (0xc6330000u | (rnd() % 5000)));
	static const unsigned ports[4] = { 80, 443, 22, 25 };
	x->kind = (int)(rnd() % 10);
	x->kind = x->kind < 4 ? 0 : x->kind < 8 ? 1 : x->kind < 9 ? 2 : 3;
	x->c.port = 1024 + rnd() % 60000;
	x->s.port = ports[x->kind];
	x->step = 0;
	x->left = 2 + (int)(rnd() % 40);
	x->cseq = rnd();
	x->sseq = rnd();
}

static void advance(struct sess *x)
{
	char req[512];
	uint8_t hello[300];
	switch (x->step) {
	case 0: tcp(&x->c, &x->s, 0x02, x->cseq++, 0, NULL, 0); break;
	case 1: tcp(&x->s, &x->c, 0x12, x->sseq++, x->cseq, NULL, 0); break;
	case 2: tcp(&x->c, &x->s, 0x10, x->cseq, x->sseq, NULL, 0); break;
	case 3:
		if (x->kind == 0) {
			int n = snprintf(req, sizeof req, "GET /item/%u HTTP/1.1\r\nHost: www%u.example.com\r\nUser-Agent: bench\r\nAccept: */*\r\n\r\n",
					 rnd() % 100000, rnd() % 500);
			tcp(&x->c, &x->s, 0x18, x->cseq, x->sseq, req, (unsigned)n);
			x->cseq += (unsigned)n;
		} else if (x->kind == 1) {
			char sni[64];
			int sl = snprintf(sni, sizeof sni, "cdn%u.example.net", rnd() % 800);
			unsigned ext = 4 + 5 + (unsigned)sl;
			unsigned body = 2 + 32 + 1 + 4 + 2 + 2 + ext;
			uint8_t *p = hello;
			p[0] = 0x16; p[1] = 3; p[2] = 1; put16(p + 3, 4 + body);
			p[5] = 1; p[6] = 0; put16(p + 7, body);
			uint8_t *q = p + 9;
			q[0] = 3; q[1] = 3; memset(q + 2, 0x42, 32); q += 34;
			*q++ = 0;                       /* session id */
			put16(q, 2); put16(q + 2, 0x1301); q += 4; /* suites */
			*q++ = 1; *q++ = 0;             /* compression */
			put16(q, ext); q += 2;
			put16(q, 0); put16(q + 2, 5 + (unsigned)sl);
			put16(q + 4, 3 + (unsigned)sl); q[6] = 0; put16(q + 7, (unsigned)sl);
			memcpy(q + 9, sni, (size_t)sl); q += 9 + sl;
			tcp(&x->c, &x->s, 0x18, x->cseq, x->sseq, hello, (unsigned)(q - p));
			x->cseq += (unsigned)(q - p);
		} else {
			tcp(&x->s, &x->c, 0x18, x->sseq, x->cseq, "220 banner ready\r\n", 18);
			x->sseq += 18;
		}
		break;
	default:
		if (x->left-- > 0) {
			unsigned n = rnd() % 4 ? 1448 : 100 + rnd() % 1300;
			tcp(&x->s, &x->c, 0x10, x->sseq, x->cseq, NULL, n);
			x->sseq += n;
			if (rnd() % 2)
				tcp(&x->c, &x->s, 0x10, x->cseq, x->sseq, NULL, 0);
			return;
		}
		if (x->step == 4) {
			tcp(&x->c, &x->s, 0x11, x->cseq++, x->sseq, NULL, 0);
		} else {
			tcp(&x->s, &x->c, rnd() % 20 ? 0x11 : 0x14, x->sseq++, x->cseq, NULL, 0);
			start(x);
			return;
		}
		x->left = 0;
		break;
	}
	x->step++;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: mkcap FILE MEGABYTES\n");
		return 2;
	}
	out = fopen(argv[1], "wb");
	if (!out) {
		perror(argv[1]);
		return 1;
	}
	uint64_t target = strtoull(argv[2], NULL, 10) << 20;
	uint8_t gh[24];
	le32(gh, 0xa1b2c3d4);
	gh[4] = 2; gh[5] = 0; gh[6] = 4; gh[7] = 0;
	le32(gh + 8, 0); le32(gh + 12, 0); le32(gh + 16, 262144); le32(gh + 20, 1);
	fwrite(gh, 1, 24, out);
	static struct sess act[ACTIVE];
	for (int i = 0; i < ACTIVE; i++)
		start(&act[i]);
	while (written < target) {
		uint32_t r = rnd() % 100;
		if (r < 90) {
			advance(&act[rnd() % ACTIVE]);
		} else if (r < 97) {
			struct ep c, s;
			addr(&c, 0, 0x0a000000u | (rnd() & 0xffff));
			addr(&s, 0, 0x08080800u | (rnd() % 4));
			c.port = 1024 + rnd() % 60000;
			s.port = 53;
			uint8_t m[300];
			char name[64];
			snprintf(name, sizeof name, "host%u.zone%u.example.org", rnd() % 20000, rnd() % 50);
			put16(m, rnd() & 0xffff); put16(m + 2, 0x0100); put16(m + 4, 1);
			memset(m + 6, 0, 6);
			unsigned n = 12 + dnsname(m + 12, name);
			put16(m + n, 1); put16(m + n + 2, 1); n += 4;
			udp(&c, &s, m, n);
			put16(m + 2, 0x8180); put16(m + 6, 1);
			put16(m + n, 0xc00c); put16(m + n + 2, 1); put16(m + n + 4, 1);
			put32(m + n + 6, 300); put16(m + n + 10, 4); put32(m + n + 12, rnd());
			udp(&s, &c, m, n + 16);
		} else if (r < 99) {
			struct ep c, s;
			uint8_t b[128];
			addr(&c, 0, 0x0a000000u | (rnd() & 0xffff));
			addr(&s, 0, 0xc6330000u | (rnd() % 5000));
			unsigned o = hdr(b, &c, &s, 1, 64);
			memset(b + o, 0, 64);
			b[o] = 8;
			emit(b, o + 64);
		} else {
			struct ep c, s;
			uint8_t b[128];
			addr(&c, 0, 0xc0a8642du);
			addr(&s, 0, 0xc0a86400u | (rnd() % 3));
			unsigned o = hdr(b, &c, &s, 11, 22);
			memset(b + o, 3, 22);
			emit(b, o + 22);
		}
	}
	fclose(out);
	return 0;
}
