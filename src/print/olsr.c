/* olsr.c - OLSR (RFC 3626) with the LQ extensions, olsrd's name service
 * and smart-gateway HNA entries, over IPv4 or IPv6. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

/* 8-bit mantissa/exponent time, in seconds. */
static double me_to_double(unsigned me)
{
	return 0.0625 * (1 + (double)(me >> 4) / 16) * (double)(1u << (me & 0x0f));
}

static const char *msg_name(unsigned t)
{
	switch (t) {
	case 1: return "Hello";
	case 2: return "TC";
	case 3: return "MID";
	case 4: return "HNA";
	case 128: return "Powerinfo";
	case 130: return "Nameservice";
	case 201: return "Hello-LQ";
	case 202: return "TC-LQ";
	}
	return "Unknown";
}

static void put_addr(nd_t *nd, const uint8_t *a, int v6)
{
	if (v6)
		put_ip6(nd, a);
	else
		put_ip4(nd, a);
}

/* Returns -1 when the capture ended. */
static int lq_neighbors(nd_t *nd, const uint8_t *p, unsigned len, int v6)
{
	unsigned sz = v6 ? 20 : 8, al = v6 ? 16 : 4;
	while (len >= sz) {
		if (!nd_has(nd, p, sz))
			return -1;
		nd_s(nd, "\n\t      neighbor ");
		put_addr(nd, p, v6);
		nd_printf(nd, ", link-quality %.2f%%, neighbor-link-quality %.2f%%",
			  (double)p[al] / 2.55, (double)p[al + 1] / 2.55);
		p += sz;
		len -= sz;
	}
	return 0;
}

static void neighbors(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_s(nd, "\n\t      neighbor\n\t\t");
	while (len >= 4) {
		put_ip4(nd, p);
		nd_c(nd, ' ');
		p += 4;
		len -= 4;
	}
}

static int mask2plen(uint32_t mask)
{
	int len = 32;
	uint32_t bit = 1;
	while (len > 0 && !(mask & bit)) {
		len--;
		bit <<= 1;
	}
	uint32_t want = len ? 0xffffffffu << (32 - len) : 0;
	return mask == want ? len : -1;
}

/* Leading one bits of an IPv6 mask, up to the first byte that is not
 * all ones (which adds its own leading ones only if it is a clean mask). */
static int mask62plen(const uint8_t *m)
{
	static const uint8_t bitmasks[9] = {
		0x00, 0x80, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc, 0xfe, 0xff,
	};
	int plen = 0;
	for (int i = 0; i < 16; i++) {
		for (int b = 0; b < 9; b++) {
			if (m[i] == bitmasks[b]) {
				plen += b;
				break;
			}
		}
		if (m[i] != 0xff)
			break;
	}
	return plen;
}

static uint32_t gw_speed(unsigned v)
{
	if (v == 0)
		return 0;
	if (v == 0xff)
		return 320000000;
	uint32_t speed = (v >> 3) + 1;
	for (unsigned e = v & 7; e > 0; e--)
		speed *= 10;
	return speed;
}

void olsr_print(nd_t *nd, const uint8_t *pptr, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport; (void)dport;
	int v6 = ip->ver == 6;
	nd_proto(nd, "olsr");
	nd_printf(nd, "OLSRv%u", v6 ? 6 : 4);
	if (length < 4 || !nd_has(nd, pptr, 4))
		goto trunc;
	unsigned plen = nd_be16(nd, pptr);
	if (plen < length)
		length = plen;
	nd_printf(nd, ", seq 0x%04x, length %u", nd_be16(nd, pptr + 2), length);
	if (!nd->opt->vflag)
		return;
	const uint8_t *tptr = pptr + 4;
	unsigned hsz = v6 ? 24 : 12, al = v6 ? 16 : 4;
	while (tptr < pptr + length) {
		if (!nd_has(nd, tptr, hsz))
			goto trunc;
		unsigned type = tptr[0], mlen = nd_be16(nd, tptr + 2);
		int valid = mlen >= hsz && mlen <= length;
		if (type == 0 || mlen == 0)
			return;
		nd_printf(nd, "\n\t%s Message (%#04x), originator ", msg_name(type), type);
		put_addr(nd, tptr + 4, v6);
		nd_printf(nd, ", ttl %u, hop %u\n\t  vtime %.3fs, msg-seq 0x%04x, length %u%s",
			  tptr[4 + al], tptr[5 + al], me_to_double(tptr[1]),
			  nd_be16(nd, tptr + 6 + al), mlen, valid ? "" : " (invalid)");
		if (!valid)
			return;
		unsigned tlen = mlen - hsz;
		const uint8_t *d = tptr + hsz;
		switch (type) {
		case 1: case 201:
			if (tlen < 4 || !nd_has(nd, d, 4))
				goto trunc;
			nd_printf(nd, "\n\t  hello-time %.3fs, MPR willingness %u",
				  me_to_double(d[2]), d[3]);
			d += 4;
			tlen -= 4;
			while (tlen >= 4) {
				if (!nd_has(nd, d, 4))
					goto trunc;
				unsigned hl = nd_be16(nd, d + 2), lc = d[0];
				static const char *const lt[] = {
					"Unspecified", "Asymmetric", "Symmetric", "Lost",
				};
				static const char *const nt[] = {
					"Not-Neighbor", "Symmetric", "Symmetric-MPR",
					"Unknown",
				};
				int ok = hl <= tlen && hl >= 4;
				nd_printf(nd, "\n\t    link-type %s, neighbor-type %s, len %u%s",
					  lt[lc & 3], (lc >> 2) < 3 ? nt[lc >> 2] : "Unknown", hl,
					  ok ? "" : " (invalid)");
				if (!ok)
					break;
				d += 4;
				tlen -= 4;
				hl -= 4;
				if (!nd_has(nd, d, hl))
					goto trunc;
				if (type == 1)
					neighbors(nd, d, hl);
				else if (lq_neighbors(nd, d, hl, v6) < 0)
					goto trunc;
				d += hl;
				tlen -= hl;
			}
			break;
		case 2: case 202:
			if (tlen < 4 || !nd_has(nd, d, 4))
				goto trunc;
			nd_printf(nd, "\n\t    advertised neighbor seq 0x%04x",
				  nd_be16(nd, d));
			d += 4;
			tlen -= 4;
			if (type == 2)
				neighbors(nd, d, tlen);
			else if (lq_neighbors(nd, d, tlen, v6) < 0)
				goto trunc;
			break;
		case 3:
			while (tlen >= al) {
				if (!nd_has(nd, d, al))
					goto trunc;
				nd_s(nd, "\n\t  interface address ");
				put_addr(nd, d, v6);
				d += al;
				tlen -= al;
			}
			break;
		case 4:
			nd_printf(nd, "\n\t  Advertised networks (total %u)", tlen / (2 * al));
			if (v6) {
				while (tlen >= 32) {
					if (!nd_has(nd, d, 32))
						goto trunc;
					nd_s(nd, "\n\t    #0: ");
					put_ip6(nd, d);
					nd_printf(nd, "/%u", (unsigned)mask62plen(d + 16));
					d += 32;
					tlen -= 32;
				}
			} else {
				int col = 0;
				while (tlen >= 8) {
					if (!nd_has(nd, d, 8))
						goto trunc;
					const uint8_t *m = d + 4;
					const char *ind = col == 0 ? "\n\t    " : ", ";
					if (!d[0] && !d[1] && !d[2] && !d[3] && !m[0] && m[1]) {
						unsigned f = m[1];
						nd_printf(nd, "%sSmart-Gateway:%s%s%s%s%s %u/%u", ind,
							  f & 1 ? " LINKSPEED" : "",
							  f & 2 ? " IPV4" : "",
							  f & 4 ? " IPV4-NAT" : "",
							  f & 8 ? " IPV6" : "",
							  f & 16 ? " IPv6-PREFIX" : "",
							  (f & 1) ? gw_speed(m[2]) : 0,
							  (f & 1) ? gw_speed(m[3]) : 0);
					} else {
						nd_s(nd, ind);
						put_ip4(nd, d);
						nd_printf(nd, "/%u", (unsigned)mask2plen(nd_be32(nd, m)));
					}
					d += 8;
					tlen -= 8;
					col = (col + 1) % 4;
				}
			}
			break;
		case 130: {
			if (tlen < 4)
				goto trunc;
			unsigned n = nd_be16(nd, d + 2);
			int ok = n > 0 && n * (4 + al) <= tlen;
			nd_printf(nd, "\n\t  Version %u, Entries %u%s", nd_be16(nd, d), n,
				  ok ? "" : " (invalid)");
			if (!ok)
				break;
			d += 4;
			tlen -= 4;
			for (unsigned i = 0; i < n; i++) {
				if (tlen < 4)
					break;
				unsigned et = nd_be16(nd, d), el = nd_be16(nd, d + 2);
				d += 4;
				tlen -= 4;
				int eok = el > 0 && al + el <= tlen;
				nd_printf(nd, "\n\t    #%u: type %#06x, length %u%s", i, et, el,
					  eok ? "" : " (invalid)");
				if (!eok)
					break;
				unsigned pad = el % 4 ? 4 - el % 4 : 0;
				if (tlen < al + el + pad || !nd_has(nd, d, al + el + pad))
					goto trunc;
				nd_s(nd, ", address ");
				put_addr(nd, d, v6);
				nd_s(nd, ", name \"");
				nd_print_chars(nd, d + al, el);
				nd_c(nd, '"');
				d += al + el + pad;
				tlen -= al + el + pad;
			}
			break;
		}
		default: {
			size_t avail = nd_avail(nd, d);
			hex_dump(nd->out, "\n\t    ", d, tlen < avail ? tlen : (unsigned)avail, 0);
			break;
		}
		}
		tptr += mlen;
	}
	return;
trunc:
	nd_print_trunc(nd);
}
