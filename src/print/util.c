/* util.c - checksums and the name tables several printers share. */
#include "../core/ethertype.h"
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

uint16_t in_cksum(const uint8_t *p, unsigned len, uint32_t sum)
{
	uint64_t s = sum;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Eight bytes at a time in the machine's order: a sum of byte-swapped
	 * 16-bit words, folded, is the byte-swapped sum (RFC 1071), so it is
	 * folded to 16 bits and swapped back before the rest is added. */
	if (len >= 16) {
		uint64_t w = 0;
		while (len >= 8) {
			uint32_t a, b;
			memcpy(&a, p, 4);
			memcpy(&b, p + 4, 4);
			w += (uint64_t)a + b;
			p += 8;
			len -= 8;
		}
		while (w >> 16)
			w = (w & 0xffff) + (w >> 16);
		s += (w >> 8 | w << 8) & 0xffff;
	}
#endif
	while (len >= 2) {
		s += (uint32_t)(p[0] << 8 | p[1]);
		p += 2;
		len -= 2;
	}
	if (len)
		s += (uint32_t)p[0] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static uint32_t sum_bytes(const uint8_t *p, unsigned n)
{
	uint32_t s = 0;
	for (unsigned i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	return s;
}

/* Checksum of an upper-layer packet with the IPv4 or IPv6 pseudo-header;
 * the caller has made sure len bytes of p were captured. */
uint16_t ip_pseudo_cksum(const struct ip_ctx *ip, const uint8_t *p,
                         unsigned len, unsigned proto)
{
	uint32_t s;
	if (ip->ver == 6) {
		s = sum_bytes(ip->src, 16) + sum_bytes(ip->dst, 16);
		s += (len >> 16) + (len & 0xffff) + proto;
	} else {
		const uint8_t *dst = ip_final_dst(ip->hdr); /* source route */
		s = sum_bytes(ip->src, 4) + sum_bytes(dst ? dst : ip->dst, 4);
		s += proto + (len & 0xffff);
	}
	return in_cksum(p, len, s);
}

const char *ethertype_name(unsigned type)
{
	return ethertype_print_name(type);
}

/* IANA address family numbers as tcpdump names them for BGP's AFI and
 * CFM's sender ID (LLDP, LDP and RSVP print their own lists). */
static const struct tok afnums[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" },
	{ 4, "HDLC" }, { 5, "BBN 1822" }, { 6, "802" }, { 7, "E.163" },
	{ 8, "E.164" }, { 9, "F.69" }, { 10, "X.121" }, { 11, "Novell IPX" },
	{ 12, "Appletalk" }, { 13, "Decnet IV" }, { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" }, { 25, "VPLS" },
	{ 196, "Layer-2 VPN" }, { 0, NULL },
};

const char *afnum_name(unsigned af)
{
	return tok_name(afnums, af);
}

int nd_try(nd_t *nd, void (*fn)(nd_t *, void *), void *arg)
{
	jmp_buf saved;
	memcpy(&saved, &nd->trunc, sizeof saved);
	if (setjmp(nd->trunc) == 0) {
		fn(nd, arg);
		memcpy(&nd->trunc, &saved, sizeof saved);
		return 0;
	}
	memcpy(&nd->trunc, &saved, sizeof saved);
	return 1;
}

struct span_call {
	void (*fn)(nd_t *, const uint8_t *, unsigned);
	const uint8_t *p;
	unsigned len;
};

static void span_run(nd_t *nd, void *arg)
{
	const struct span_call *c = arg;
	c->fn(nd, c->p, c->len);
}

int nd_try_span(nd_t *nd, void (*fn)(nd_t *, const uint8_t *, unsigned),
                const uint8_t *p, unsigned len)
{
	struct span_call c = { fn, p, len };
	return nd_try(nd, span_run, &c);
}

void print_unknown_data(nd_t *nd, const uint8_t *p, const char *ident,
                        unsigned len)
{
	/* as tcpdump: what was captured of it, without a truncation mark */
	if (p < nd->pkt || p > nd->end) {
		nd_s(nd, ident);
		nd_s(nd, "Dissector error: print_unknown_data called with pointer past end of packet");
		return;
	}
	size_t avail = nd_avail(nd, p);
	if (len > avail)
		len = (unsigned)avail;
	hex_dump(nd->out, ident, p, len, 0);
}

/* One byte as tcpdump shows untrusted text: "M-" for the high bit, "^X" for
 * control characters. */
void nd_print_char(nd_t *nd, uint8_t c)
{
	if (c & 0x80) {
		nd_s(nd, "M-");
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f) {
		nd_c(nd, '^');
		nd_c(nd, (char)(c ^ 0x40));
	} else {
		nd_c(nd, (char)c);
	}
}

/* Up to n bytes as text, stopping where the capture ends. Returns 1 when
 * the capture ended first. */
int nd_print_chars(nd_t *nd, const uint8_t *p, unsigned n)
{
	size_t avail = nd_avail(nd, p);
	unsigned k = n < avail ? n : (unsigned)avail;
	for (unsigned i = 0; i < k; i++)
		nd_print_char(nd, p[i]);
	return k < n;
}

/* A count of seconds as tcpdump's "1y2w3d4h5m6s" (units that are zero
 * left out; "0s" for zero). */
void put_relts_unsigned(nd_t *nd, uint32_t secs)
{
	static const char units[] = "ywdhms";
	static const uint32_t size[] = { 31536000, 604800, 86400, 3600, 60, 1 };
	if (secs == 0) {
		nd_s(nd, "0s");
		return;
	}
	for (int i = 0; i < 6 && secs > 0; i++) {
		if (secs >= size[i]) {
			nd_u(nd, secs / size[i]);
			nd_c(nd, units[i]);
			secs %= size[i];
		}
	}
}

const char *tok_name(const struct tok *t, uint32_t v)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return NULL;
}

const char *tok_name_or(const struct tok *t, uint32_t v, const char *dflt)
{
	const char *s = tok_name(t, v);
	return s ? s : dflt;
}

void put_bits(nd_t *nd, const struct tok *t, uint32_t v, const char *none)
{
	int any = 0;
	for (; t->s; t++)
		if (v & t->v) {
			if (any)
				nd_s(nd, ", ");
			nd_s(nd, t->s);
			any = 1;
		}
	if (!any)
		nd_s(nd, none);
}

void put_ip_addr(nd_t *nd, const struct ip_ctx *ip, const uint8_t *a)
{
	if (ip->ver == 6)
		put_ip6(nd, a);
	else
		put_ip4(nd, a);
}
