/* bench/gen.c - writes a large, realistic, deterministic mixed capture.
 *
 *   gen [-m] [-s SEED] SIZE_MB FILE
 *
 * The traffic: TCP sessions with HTTP requests and responses carrying
 * payloads, TLS handshakes on 443 (ClientHello with SNI), SSH and SMTP
 * sessions, DNS queries and answers, ICMP echo, ARP, IPv6 TCP, a little IP
 * protocol 11, some frames with an 802.1Q tag, among a few thousand hosts.
 * Used by bench/run.sh (printing against tcpdump) and bench/analyze.sh
 * (the reports).  With -m every flow comes from a new source address, so a file of
 * a few GB holds millions of distinct addresses (the name-cache stress case).
 * The output depends only on the arguments. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* xorshift64*: deterministic and fast */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ull) >> 32);
}

static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }
static void put32le(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static FILE *out;
static uint64_t written, limit;
static uint32_t now_sec = 1700000000, now_usec;

static void tick(void)
{
	now_usec += 1 + rnd() % 900;
	if (now_usec >= 1000000) {
		now_usec -= 1000000;
		now_sec++;
	}
}

static void emit(const uint8_t *p, unsigned len)
{
	uint8_t h[16];
	tick();
	put32le(h, now_sec);
	put32le(h + 4, now_usec);
	put32le(h + 8, len);
	put32le(h + 12, len);
	fwrite(h, 1, 16, out);
	fwrite(p, 1, len, out);
	written += 16 + len;
}

static uint16_t cksum(const uint8_t *p, unsigned len, uint32_t sum)
{
	for (unsigned i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

struct host {
	uint8_t mac[6];
	uint8_t v4[4];
	uint8_t v6[16];
};

/* A frame: link header (optionally VLAN-tagged), then L3 at l3. */
struct frame {
	uint8_t b[1600];
	unsigned l3;
};

static unsigned link_hdr(struct frame *f, const struct host *s, const struct host *d,
                         unsigned type, int vlan)
{
	memcpy(f->b, d->mac, 6);
	memcpy(f->b + 6, s->mac, 6);
	if (vlan) {
		put16(f->b + 12, 0x8100);
		put16(f->b + 14, (unsigned)vlan);
		put16(f->b + 16, type);
		f->l3 = 18;
	} else {
		put16(f->b + 12, type);
		f->l3 = 14;
	}
	return f->l3;
}

static uint32_t sum_words(const uint8_t *p, unsigned n)
{
	uint32_t s = 0;
	for (unsigned i = 0; i < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	return s;
}

/* Builds IPv4 or IPv6 + TCP/UDP around payload and emits the frame. */
static void l4(const struct host *s, const struct host *d, int v6, int vlan, unsigned proto,
               unsigned sport, unsigned dport, uint32_t seq, uint32_t ack, unsigned flags,
               const uint8_t *pl, unsigned plen)
{
	struct frame f;
	unsigned o = link_hdr(&f, s, d, v6 ? 0x86dd : 0x0800, vlan);
	unsigned hl = proto == 6 ? 20 : 8;
	unsigned iphl = v6 ? 40 : 20;
	uint8_t *ip = f.b + o, *t = ip + iphl;
	if (v6) {
		memset(ip, 0, 40);
		ip[0] = 0x60;
		put16(ip + 4, hl + plen);
		ip[6] = (uint8_t)proto;
		ip[7] = 64;
		memcpy(ip + 8, s->v6, 16);
		memcpy(ip + 24, d->v6, 16);
	} else {
		memset(ip, 0, 20);
		ip[0] = 0x45;
		put16(ip + 2, 20 + hl + plen);
		put16(ip + 4, rnd() & 0xffff);
		put16(ip + 6, 0x4000);
		ip[8] = 64;
		ip[9] = (uint8_t)proto;
		memcpy(ip + 12, s->v4, 4);
		memcpy(ip + 16, d->v4, 4);
		put16(ip + 10, cksum(ip, 20, 0));
	}
	memset(t, 0, hl);
	put16(t, sport);
	put16(t + 2, dport);
	if (proto == 6) {
		put32(t + 4, seq);
		put32(t + 8, ack);
		t[12] = 5 << 4;
		t[13] = (uint8_t)flags;
		put16(t + 14, 64240);
	} else {
		put16(t + 4, 8 + plen);
	}
	memcpy(t + hl, pl, plen);
	unsigned tl = hl + plen;
	uint32_t ps = v6 ? sum_words(ip + 8, 32) + tl + proto : sum_words(ip + 12, 8) + proto + tl;
	put16(t + (proto == 6 ? 16 : 6), cksum(t, tl, ps));
	emit(f.b, o + iphl + tl);
}

#define NHOSTS 4096
static struct host hosts[NHOSTS];
static struct host servers[64];
static uint32_t fresh_src = 0x0a000000u; /* -m: 10.0.0.0 upwards */

static void make_host(struct host *h, uint32_t v4)
{
	h->mac[0] = 0x02;
	for (int i = 1; i < 6; i++)
		h->mac[i] = (uint8_t)rnd();
	put32(h->v4, v4);
	memset(h->v6, 0, 16);
	put16(h->v6, 0x2001);
	put16(h->v6 + 2, 0x0db8);
	put32(h->v6 + 8, rnd());
	put32(h->v6 + 12, v4);
}

static const char *const paths[] = { "/", "/index.html", "/api/v1/items?id=42", "/static/app.js",
				     "/login", "/images/logo.png", "/search?q=incident+response" };
static const char *const names[] = { "www.example.com", "mail.example.org", "cdn.example.net",
				     "update.vendor.example", "api.example.com", "ntp.example.org" };

static void tcp_session(const struct host *c, const struct host *s, int v6, int vlan, int tls)
{
	unsigned cp = 32768 + rnd() % 28232, sp = tls ? 443 : 80; /* Linux ephemeral ports */
	uint32_t cs = rnd(), ss = rnd();
	uint8_t pl[1500];
	l4(c, s, v6, vlan, 6, cp, sp, cs, 0, 0x02, NULL, 0);
	l4(s, c, v6, vlan, 6, sp, cp, ss, cs + 1, 0x12, NULL, 0);
	cs++; ss++;
	l4(c, s, v6, vlan, 6, cp, sp, cs, ss, 0x10, NULL, 0);
	unsigned n;
	if (tls) {
		/* a ClientHello-shaped record with an SNI */
		const char *sni = names[rnd() % 6];
		n = 0;
		pl[n++] = 0x16; pl[n++] = 3; pl[n++] = 1;
		unsigned lenpos = n; n += 2;
		pl[n++] = 1; n += 3; /* handshake type and length */
		pl[n++] = 3; pl[n++] = 3;
		for (int i = 0; i < 32; i++) pl[n++] = (uint8_t)rnd();
		pl[n++] = 0; /* session id */
		pl[n++] = 0; pl[n++] = 4; pl[n++] = 0x13; pl[n++] = 0x01; pl[n++] = 0xc0; pl[n++] = 0x2f;
		pl[n++] = 1; pl[n++] = 0;
		unsigned sl = (unsigned)strlen(sni);
		put16(pl + n, sl + 9); n += 2; /* extensions length */
		put16(pl + n, 0); n += 2; put16(pl + n, sl + 5); n += 2;
		put16(pl + n, sl + 3); n += 2; pl[n++] = 0; put16(pl + n, sl); n += 2;
		memcpy(pl + n, sni, sl); n += sl;
		put16(pl + lenpos, n - 5);
	} else {
		n = (unsigned)snprintf((char *)pl, sizeof pl,
			"GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: bench/1.0\r\nAccept: */*\r\n\r\n",
			paths[rnd() % 7], names[rnd() % 6]);
	}
	l4(c, s, v6, vlan, 6, cp, sp, cs, ss, 0x18, pl, n);
	cs += n;
	unsigned segs = 1 + rnd() % 6;
	for (unsigned i = 0; i < segs; i++) {
		unsigned m = 200 + rnd() % 1200;
		if (i == 0 && !tls) {
			int h = snprintf((char *)pl, sizeof pl,
				"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %u\r\n\r\n", m * segs);
			for (unsigned k = (unsigned)h; k < m; k++)
				pl[k] = (uint8_t)(' ' + (k * 7 + i) % 90);
		} else {
			for (unsigned k = 0; k < m; k++)
				pl[k] = (uint8_t)rnd();
		}
		l4(s, c, v6, vlan, 6, sp, cp, ss, cs, 0x18, pl, m);
		ss += m;
		l4(c, s, v6, vlan, 6, cp, sp, cs, ss, 0x10, NULL, 0);
	}
	l4(c, s, v6, vlan, 6, cp, sp, cs, ss, 0x11, NULL, 0);
	l4(s, c, v6, vlan, 6, sp, cp, ss, cs + 1, 0x11, NULL, 0);
	l4(c, s, v6, vlan, 6, cp, sp, cs + 1, ss + 1, 0x10, NULL, 0);
}

/* A TCP conversation of text lines, client and server taking turns, then
 * binary segments (SSH after its banners, SMTP's message body). */
static void text_session(const struct host *c, const struct host *s, unsigned sp,
                         const char *const *lines, unsigned nlines, unsigned binary)
{
	unsigned cp = 32768 + rnd() % 28232;
	uint32_t cs = rnd(), ss = rnd();
	uint8_t pl[1500];
	l4(c, s, 0, 0, 6, cp, sp, cs, 0, 0x02, NULL, 0);
	l4(s, c, 0, 0, 6, sp, cp, ss, cs + 1, 0x12, NULL, 0);
	cs++; ss++;
	l4(c, s, 0, 0, 6, cp, sp, cs, ss, 0x10, NULL, 0);
	for (unsigned i = 0; i < nlines + binary; i++) {
		int from_server = (i % 2) == 0;
		unsigned n;
		if (i < nlines) {
			n = (unsigned)strlen(lines[i]);
			memcpy(pl, lines[i], n);
		} else {
			n = 64 + rnd() % 900;
			for (unsigned k = 0; k < n; k++)
				pl[k] = (uint8_t)rnd();
		}
		if (from_server) {
			l4(s, c, 0, 0, 6, sp, cp, ss, cs, 0x18, pl, n);
			ss += n;
		} else {
			l4(c, s, 0, 0, 6, cp, sp, cs, ss, 0x18, pl, n);
			cs += n;
		}
	}
	l4(c, s, 0, 0, 6, cp, sp, cs, ss, 0x11, NULL, 0);
	l4(s, c, 0, 0, 6, sp, cp, ss, cs + 1, 0x11, NULL, 0);
	l4(c, s, 0, 0, 6, cp, sp, cs + 1, ss + 1, 0x10, NULL, 0);
}

static const char *const ssh_lines[] = {
	"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n", "SSH-2.0-OpenSSH_9.6\r\n",
};
static const char *const smtp_lines[] = {
	"220 mail.example.org ESMTP Postfix\r\n", "EHLO client.example.com\r\n",
	"250-mail.example.org\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n",
	"MAIL FROM:<alice@example.com>\r\n", "250 2.1.0 Ok\r\n", "RCPT TO:<bob@example.org>\r\n",
	"250 2.1.5 Ok\r\n", "DATA\r\n", "354 End data with <CR><LF>.<CR><LF>\r\n",
};

/* A few packets of IP protocol 11 (NVP), as the seed's compromised host sent. */
static void nvp_packet(const struct host *c, const struct host *s)
{
	struct frame f;
	unsigned o = link_hdr(&f, c, s, 0x0800, 0);
	uint8_t *ip = f.b + o;
	unsigned n = 20 + rnd() % 200;
	memset(ip, 0, 20);
	ip[0] = 0x45; put16(ip + 2, 20 + n); put16(ip + 4, rnd() & 0xffff); ip[8] = 255; ip[9] = 11;
	memcpy(ip + 12, c->v4, 4); memcpy(ip + 16, s->v4, 4);
	put16(ip + 10, cksum(ip, 20, 0));
	for (unsigned i = 0; i < n; i++)
		ip[20 + i] = (uint8_t)rnd();
	emit(f.b, o + 20 + n);
}

static void dns_pair(const struct host *c, const struct host *s)
{
	uint8_t m[512];
	unsigned id = rnd() & 0xffff, n = 12;
	const char *name = names[rnd() % 6];
	put16(m, id); put16(m + 2, 0x0100); put16(m + 4, 1);
	memset(m + 6, 0, 6);
	for (const char *p = name; *p;) {
		const char *dot = strchr(p, '.');
		unsigned l = dot ? (unsigned)(dot - p) : (unsigned)strlen(p);
		m[n++] = (uint8_t)l;
		memcpy(m + n, p, l);
		n += l;
		p += l + (dot ? 1 : 0);
	}
	m[n++] = 0;
	unsigned type = rnd() % 3 ? 1 : 28;
	put16(m + n, type); put16(m + n + 2, 1);
	n += 4;
	unsigned sp = 32768 + rnd() % 28232;
	l4(c, s, 0, 0, 17, sp, 53, 0, 0, 0, m, n);
	put16(m + 2, 0x8180);
	put16(m + 6, 1);
	put16(m + n, 0xc00c); put16(m + n + 2, type); put16(m + n + 4, 1);
	put32(m + n + 6, 300);
	if (type == 1) {
		put16(m + n + 10, 4);
		put32(m + n + 12, rnd());
		n += 16;
	} else {
		put16(m + n + 10, 16);
		memcpy(m + n + 12, s->v6, 16);
		n += 28;
	}
	l4(s, c, 0, 0, 17, 53, sp, 0, 0, 0, m, n);
}

static void icmp_pair(const struct host *c, const struct host *s)
{
	struct frame f;
	for (int dir = 0; dir < 2; dir++) {
		const struct host *a = dir ? s : c, *b = dir ? c : s;
		unsigned o = link_hdr(&f, a, b, 0x0800, 0);
		uint8_t *ip = f.b + o, *ic = ip + 20;
		memset(ip, 0, 20);
		ip[0] = 0x45; put16(ip + 2, 20 + 64); ip[8] = 64; ip[9] = 1;
		memcpy(ip + 12, a->v4, 4); memcpy(ip + 16, b->v4, 4);
		put16(ip + 10, cksum(ip, 20, 0));
		memset(ic, 0, 64);
		ic[0] = dir ? 0 : 8;
		put16(ic + 4, 0x1234); put16(ic + 6, rnd() & 0xffff);
		for (int i = 8; i < 64; i++) ic[i] = (uint8_t)i;
		put16(ic + 2, cksum(ic, 64, 0));
		emit(f.b, o + 84);
	}
}

static void arp_pair(const struct host *c, const struct host *s)
{
	struct frame f;
	static const struct host bcast = { .mac = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff } };
	for (int op = 1; op <= 2; op++) {
		const struct host *a = op == 1 ? c : s, *b = op == 1 ? &bcast : c;
		unsigned o = link_hdr(&f, a, b, 0x0806, 0);
		uint8_t *p = f.b + o;
		put16(p, 1); put16(p + 2, 0x0800); p[4] = 6; p[5] = 4; put16(p + 6, (unsigned)op);
		memcpy(p + 8, a->mac, 6); memcpy(p + 14, a->v4, 4);
		memset(p + 18, 0, 6);
		if (op == 2) memcpy(p + 18, c->mac, 6);
		memcpy(p + 24, op == 1 ? s->v4 : c->v4, 4);
		memset(p + 28, 0, 18);
		emit(f.b, o + 46);
	}
}

int main(int argc, char **argv)
{
	int many = 0;
	uint64_t seed = 1;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-m"))
			many = 1;
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else
			break;
	}
	if (argc - i != 2) {
		fprintf(stderr, "usage: gen [-m] [-s SEED] SIZE_MB FILE\n");
		return 2;
	}
	limit = strtoull(argv[i], NULL, 10) << 20;
	out = fopen(argv[i + 1], "wb");
	if (!out || limit == 0) {
		fprintf(stderr, "gen: cannot write %s\n", argv[i + 1]);
		return 1;
	}
	static char buf[1 << 20];
	setvbuf(out, buf, _IOFBF, sizeof buf);
	rng_state = seed * 0x9e3779b97f4a7c15ull + 1;
	uint8_t gh[24];
	put32le(gh, 0xa1b2c3d4);
	gh[4] = 2; gh[5] = 0; gh[6] = 4; gh[7] = 0;
	put32le(gh + 8, 0); put32le(gh + 12, 0); put32le(gh + 16, 262144); put32le(gh + 20, 1);
	fwrite(gh, 1, 24, out);
	for (int h = 0; h < NHOSTS; h++)
		make_host(&hosts[h], 0xc0a80000u + (uint32_t)h + 1);  /* 192.168.x.y */
	for (int s = 0; s < 64; s++)
		make_host(&servers[s], 0xcb007100u + (uint32_t)s * 3 + 1); /* 203.0.113.x */
	while (written < limit) {
		struct host fresh;
		const struct host *c = &hosts[rnd() % NHOSTS];
		if (many) {
			make_host(&fresh, fresh_src++);
			c = &fresh;
		}
		const struct host *s = &servers[rnd() % 64];
		unsigned r = rnd() % 100;
		if (r < 40)
			tcp_session(c, s, 0, r < 8 ? 100 + (int)(r % 4) : 0, 0);
		else if (r < 55)
			tcp_session(c, s, 0, 0, 1);
		else if (r < 63)
			tcp_session(c, s, 1, 0, 0);
		else if (r < 66)
			text_session(c, s, 22, ssh_lines, 2, 6);
		else if (r < 69)
			text_session(c, s, 25, smtp_lines, 9, 1);
		else if (r < 86)
			dns_pair(c, s);
		else if (r < 93)
			icmp_pair(c, s);
		else if (r < 98)
			arp_pair(c, s);
		else
			nvp_packet(c, s);
	}
	fclose(out);
	return 0;
}
