/* ospf6.c - OSPF for IPv6 (OSPFv3, RFC 5340), with the RFC 5613 LLS block
 * and RFC 7166 authentication trailer headers. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const struct tok opt_bits[] = {
	{ 0x01, "V6" }, { 0x02, "External" }, { 0x04, "Deprecated" },
	{ 0x08, "NSSA" }, { 0x10, "Router" }, { 0x20, "Demand Circuit" },
	{ 0x100, "AFs Support" }, { 0x200, "LLS" },
	{ 0x400, "Authentication Trailer" }, { 0, NULL },
};
static const struct tok rla_bits[] = {
	{ 0x01, "ABR" }, { 0x02, "External" }, { 0x04, "Virtual-Link Endpoint" },
	{ 0x08, "Deprecated" }, { 0x10, "NSSA Translator" }, { 0, NULL },
};
static const struct tok asla_bits[] = {
	{ 0x80000000, "External Type 2" }, { 0x02000000, "Forwarding" },
	{ 0x01000000, "Tag" }, { 0, NULL },
};
static const struct tok dd_bits[] = {
	{ 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" },
	{ 0x10, "IPv6 MTU" }, { 0, NULL },
};
static const struct tok prefix_bits[] = {
	{ 0x01, "No Unicast" }, { 0x02, "Local address" }, { 0x04, "Deprecated" },
	{ 0x08, "Propagate" }, { 0x10, "Down" }, { 0x20, "N-bit" }, { 0, NULL },
};

static const char *lsa_name(unsigned t)
{
	static const char *const n[] = {
		NULL, "Router", "Network", "Inter-Area Prefix",
		"Inter-Area Router", "External", "Deprecated", "NSSA", "Link",
		"Intra-Area Prefix", "Intra-Area TE", "Grace",
		"Router Information", "Inter-AS-TE", "Layer 1 VPN",
	};
	return t >= 1 && t <= 14 ? n[t] : "Unknown";
}

static void ls_type(nd_t *nd, unsigned t, const uint8_t *lsid)
{
	unsigned scope = t & 0x6000;
	nd_need(nd, lsid, 4);
	{
		const char *v0 = lsa_name(t & 0x1fff);
		nd_s(nd, "\n\t    ");
		nd_s(nd, v0);
		nd_s(nd, " LSA (");
		nd_u(nd, t & 0x1fff);
		nd_s(nd, "), ");
		nd_s(nd, scope == 0 ? "Link Local" : scope == 0x2000 ? "Area Local"
		  : scope == 0x4000 ? "Domain Wide" : "Unknown");
		nd_s(nd, " Scope");
		nd_s(nd, (t & 0x8000) ? ", transitive" : "");
		nd_s(nd, ", LSA-ID ");
	}
	put_ip4(nd, lsid);
}

/* Returns 1 when it ran out (the caller prints the truncation). */
static int lshdr(nd_t *nd, const uint8_t *h, const uint8_t *dataend)
{
	if (h + 20 > dataend)
		return 1;
	nd_need(nd, h, 20);
	nd_s(nd, "\n\t  Advertising Router ");
	put_ip4(nd, h + 8);
	nd_printf(nd, ", seq 0x%08x, age %us, length %llu", nd_be32(nd, h + 12),
		  nd_be16(nd, h),
		  (unsigned long long)nd_be16(nd, h + 18) - 20ULL); /* size_t */
	ls_type(nd, nd_be16(nd, h + 2), h + 4);
	return 0;
}

/* One prefix; returns its size or -1. */
static int lsa_prefix(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 4)
		return -1;
	len -= 4;
	nd_need(nd, p, 4);
	unsigned plen = p[0];
	unsigned words = (plen + 31) / 32;
	if (words * 4 > 16) {
		nd_s(nd, " bogus prefixlen /");
		nd_u(nd, plen);
		return -1;
	}
	if (len < words * 4)
		return -1;
	uint8_t a[16] = { 0 };
	nd_copy(nd, a, p + 4, words * 4);
	/* the prefix lives in a local buffer: show it as an address */
	const uint8_t *save_pkt = nd->pkt, *save_end = nd->end;
	nd->pkt = a;
	nd->end = a + 16;
	nd_s(nd, "\n\t\t");
	put_ip6(nd, a);
	nd->pkt = save_pkt;
	nd->end = save_end;
	nd_c(nd, '/');
	nd_u(nd, plen);
	if (p[1]) {
		nd_s(nd, ", Options [");
		put_bits(nd, prefix_bits, p[1], "none");
		nd_c(nd, ']');
	}
	{
		unsigned v0 = nd_be16(nd, p + 2);
		nd_s(nd, ", metric ");
		nd_u(nd, v0);
	}
	return (int)(4 + words * 4);
}

static void put_opts(nd_t *nd, const char *pre, uint32_t v)
{
	nd_s(nd, pre);
	put_bits(nd, opt_bits, v, "none");
	nd_c(nd, ']');
}

/* Returns 1 to stop with a truncation mark. */
static int lsa(nd_t *nd, const uint8_t *l, const uint8_t *dataend)
{
	if (lshdr(nd, l, dataend))
		return 1;
	unsigned length = nd_be16(nd, l + 18);
	if (length < 20 || l + length > dataend)
		return 1;
	unsigned left = length - 20;
	const uint8_t *t = l + 20;
	unsigned type = nd_be16(nd, l + 2);
	int n;
	unsigned prefixes;
	switch (type) {
	case 0x2001: { /* router */
		if (left < 4)
			return 1;
		left -= 4;
		put_opts(nd, "\n\t      Options [", nd_be32(nd, t));
		unsigned rf = nd_u8(nd, t);
		nd_s(nd, ", RLA-Flags [");
		put_bits(nd, rla_bits, rf, "none");
		nd_c(nd, ']');
		const uint8_t *r = t + 4;
		while (left != 0) {
			if (left < 16)
				return 1;
			left -= 16;
			nd_need(nd, r, 16);
			const char *what;
			switch (r[0]) {
			case 4: what = "Virtual Link: Neighbor Router-ID "; break;
			case 1: what = "Neighbor Router-ID "; break;
			case 2: what = "Neighbor Network-ID "; break;
			default:
				nd_s(nd, "\n\t      Unknown Router Links Type 0x");
				out_x2(nd->out, r[0]);
				return 0;
			}
			nd_s(nd, "\n\t      ");
			nd_s(nd, what);
			put_ip4(nd, r + 12);
			nd_s(nd, "\n\t      Neighbor Interface-ID ");
			put_ip4(nd, r + 8);
			nd_s(nd, ", Interface ");
			put_ip4(nd, r + 4);
			{
				unsigned v0 = nd_be16(nd, r + 2);
				nd_s(nd, ", metric ");
				nd_u(nd, v0);
			}
			r += 16;
		}
		break;
	}
	case 0x2002: { /* network */
		if (left < 4)
			return 1;
		left -= 4;
		put_opts(nd, "\n\t      Options [", nd_be32(nd, t));
		nd_s(nd, "\n\t      Connected Routers:");
		const uint8_t *a = t + 4;
		while (left != 0) {
			if (left < 4)
				return 1;
			left -= 4;
			nd_need(nd, a, 4);
			nd_s(nd, "\n\t\t");
			put_ip4(nd, a);
			a += 4;
		}
		break;
	}
	case 0x2003: /* inter-area prefix */
		if (left < 4)
			return 1;
		left -= 4;
		{
			unsigned v0 = nd_be32(nd, t) & 0xffffff;
			nd_s(nd, ", metric ");
			nd_u(nd, v0);
		}
		t += 4;
		while (left != 0) {
			n = lsa_prefix(nd, t, left);
			if (n < 0)
				return 1;
			left -= (unsigned)n;
			t += n;
		}
		break;
	case 0x4005: { /* AS external */
		if (left < 4)
			return 1;
		left -= 4;
		uint32_t f = nd_be32(nd, t);
		nd_s(nd, "\n\t     Flags [");
		put_bits(nd, asla_bits, f, "none");
		nd_s(nd, "] metric ");
		nd_u(nd, f & 0xffffff);
		const uint8_t *pp = t + 4;
		n = lsa_prefix(nd, pp, left);
		if (n < 0)
			return 1;
		left -= (unsigned)n;
		const uint8_t *q = pp + n;
		if (f & 0x02000000) {
			if (left < 16)
				return 1;
			left -= 16;
			nd_need(nd, q, 16);
			nd_s(nd, " forward ");
			put_ip6(nd, q);
			q += 16;
		}
		if (f & 0x01000000) {
			if (left < 4)
				return 1;
			left -= 4;
			nd_need(nd, q, 4);
			nd_s(nd, " tag ");
			put_ip4(nd, q);
			q += 4;
		}
		if (nd_u8(nd, pp + 2)) {
			if (left < 4)
				return 1;
			left -= 4;
			nd_need(nd, q, 4);
			nd_s(nd, " RefLSID: ");
			put_ip4(nd, q);
			q += 4;
		}
		break;
	}
	case 0x0008: { /* link */
		if (left < 4)
			return 1;
		left -= 4;
		put_opts(nd, "\n\t      Options [", nd_be32(nd, t));
		if (left < 20)
			return 1;
		left -= 20;
		prefixes = nd_be32(nd, t + 20);
		nd_need(nd, t, 24);
		nd_s(nd, "\n\t      Priority ");
		nd_u(nd, t[0]);
		nd_s(nd, ", Link-local address ");
		put_ip6(nd, t + 4);
		nd_s(nd, ", Prefixes ");
		nd_u(nd, prefixes);
		nd_c(nd, ':');
		t += 24;
		while (prefixes > 0) {
			n = lsa_prefix(nd, t, left);
			if (n < 0)
				return 1;
			prefixes--;
			left -= (unsigned)n;
			t += n;
		}
		break;
	}
	case 0x2009: /* intra-area prefix */
		if (left < 2)
			return 1;
		left -= 2;
		if (!nd_has(nd, t, 12)) /* the fixed part is checked as a whole */
			return 1;
		ls_type(nd, nd_be16(nd, t + 2), t + 4);
		/* tcpdump's length accounting drops 8 bytes of the 12-byte
		 * fixed part here */
		if (left < 6)
			return 1;
		left -= 6;
		prefixes = nd_be16(nd, t);
		nd_s(nd, "\n\t      Prefixes ");
		nd_u(nd, prefixes);
		nd_c(nd, ':');
		t += 12;
		while (prefixes > 0) {
			n = lsa_prefix(nd, t, left);
			if (n < 0)
				return 1;
			prefixes--;
			left -= (unsigned)n;
			t += n;
		}
		break;
	default: {
		if (!nd_has(nd, t, 0))
			return 1;
		size_t avail = nd_avail(nd, t);
		hex_dump(nd->out, "\n\t      ", t, left < avail ? left : (unsigned)avail, 0);
		break;
	}
	}
	return 0;
}

static int decode_v3(nd_t *nd, const uint8_t *op, const uint8_t *dataend)
{
	const uint8_t *b = op + 16;
	switch (nd_u8(nd, op + 1)) {
	case 1: /* hello */
		put_opts(nd, "\n\tOptions [", nd_be32(nd, b + 4));
		nd_need(nd, b, 12);
		{
			unsigned v0 = nd_be16(nd, b + 8);
			unsigned v1 = nd_be16(nd, b + 10);
			nd_s(nd, "\n\t  Hello Timer ");
			nd_u(nd, v0);
			nd_s(nd, "s, Dead Timer ");
			nd_u(nd, v1);
			nd_s(nd, "s, Interface-ID ");
		}
		nd_need(nd, b, 4);
		put_ip4(nd, b);
		{
			unsigned v0 = nd_u8(nd, b + 4);
			nd_s(nd, ", Priority ");
			nd_u(nd, v0);
		}
		if (nd_be32(nd, b + 12)) {
			nd_s(nd, "\n\t  Designated Router ");
			put_ip4(nd, b + 12);
		}
		if (nd_be32(nd, b + 16)) {
			nd_s(nd, ", Backup Designated Router ");
			put_ip4(nd, b + 16);
		}
		if (nd->opt->vflag > 1) {
			nd_s(nd, "\n\t  Neighbor List:");
			for (const uint8_t *a = b + 20; a < dataend; a += 4) {
				nd_need(nd, a, 4);
				nd_s(nd, "\n\t    ");
				put_ip4(nd, a);
			}
		}
		break;
	case 2: /* database description */
		put_opts(nd, "\n\tOptions [", nd_be32(nd, b));
		unsigned dfl = nd_u8(nd, b + 7);
		nd_s(nd, ", DD Flags [");
		put_bits(nd, dd_bits, dfl, "none");
		nd_c(nd, ']');
		nd_need(nd, b + 4, 8);
		{
			unsigned v0 = nd_be16(nd, b + 4);
			unsigned v1 = nd_be32(nd, b + 8);
			nd_s(nd, ", MTU ");
			nd_u(nd, v0);
			nd_s(nd, ", DD-Sequence 0x");
			out_x(nd->out, v1, 8);
		}
		if (nd->opt->vflag > 1)
			for (const uint8_t *h = b + 12; h < dataend; h += 20)
				if (lshdr(nd, h, dataend))
					return 1;
		break;
	case 3: /* LS request */
		if (nd->opt->vflag > 1)
			for (const uint8_t *r = b; r < dataend; r += 12) {
				if (!nd_has(nd, r, 12)) /* marked, not unwound */
					return 1;
				nd_s(nd, "\n\t  Advertising Router ");
				put_ip4(nd, r + 8);
				ls_type(nd, nd_be16(nd, r + 2), r + 4);
			}
		break;
	case 4: /* LS update */
		if (nd->opt->vflag > 1) {
			uint32_t n = nd_be32(nd, b); /* a count, unsigned (found by fuzz_print) */
			const uint8_t *l = b + 4;
			while (l < dataend && n != 0) {
				if (lsa(nd, l, dataend))
					return 1;
				l += nd_be16(nd, l + 18);
				n--;
			}
		}
		break;
	case 5: /* LS ack */
		if (nd->opt->vflag > 1)
			for (const uint8_t *h = b; h < dataend; h += 20)
				if (lshdr(nd, h, dataend))
					return 1;
		break;
	default:
		break;
	}
	return 0;
}

static int lls(nd_t *nd, const uint8_t *cp, unsigned len)
{
	if (len == 0)
		return 0;
	if (len < 4)
		return -1;
	{
		unsigned v0 = nd_be16(nd, cp);
		nd_s(nd, "\n\tLLS Checksum 0x");
		out_x(nd->out, v0, 4);
	}
	unsigned dl = nd_be16(nd, cp + 2);
	nd_s(nd, ", Data Length ");
	nd_u(nd, dl);
	if (dl < 4 || dl > len)
		return -1;
	if (!nd_has(nd, cp + 4, dl - 4))
		return -1;
	return (int)dl;
}

static int auth_trailer(nd_t *nd, const uint8_t *cp, unsigned len)
{
	if (len == 0)
		return 0;
	if (len < 16)
		return 1;
	unsigned at = nd_be16(nd, cp);
	if (at == 1)
		nd_s(nd, "\n\tAuthentication Type HMAC");
	else {
		nd_s(nd, "\n\tAuthentication Type unknown (0x");
		out_x(nd->out, at, 4);
		nd_c(nd, ')');
	}
	unsigned al = nd_be16(nd, cp + 2);
	nd_s(nd, ", Length ");
	nd_u(nd, al);
	if (al < 16 || al > len)
		return 1;
	{
		unsigned v0 = nd_be16(nd, cp + 6);
		nd_s(nd, ", SAID ");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_be32(nd, cp + 8);
		nd_s(nd, ", CSN 0x");
		out_x(nd->out, v0, 8);
	}
	{
		unsigned v0 = nd_be32(nd, cp + 12);
		nd_c(nd, ':');
		out_x(nd->out, v0, 8);
	}
	if (!nd_has(nd, cp + 16, al - 16))
		return 1;
	if (nd->opt->vflag > 1)
		hex_dump(nd->out, "\n\tAuthentication Data ", cp + 16, al - 16, 0);
	return 0;
}

static int trailer(nd_t *nd, const uint8_t *op, const uint8_t *cp, unsigned len)
{
	unsigned type = nd_u8(nd, op + 1);
	int has_lls = 0;
	if (type == 1)
		has_lls = (nd_be32(nd, op + 16 + 4) & 0x200) != 0;
	else if (type == 2)
		has_lls = (nd_be32(nd, op + 16) & 0x200) != 0;
	int ll = 0;
	if (has_lls && (ll = lls(nd, cp, len)) < 0)
		return 1;
	return auth_trailer(nd, cp + ll, len - (unsigned)ll);
}

void ospf6_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "ospf3");
	unsigned type = nd_u8(nd, bp + 1);
	static const char *const tn[] = { NULL, "Hello", "Database Description",
					  "LS-Request", "LS-Update", "LS-Ack" };
	unsigned ver = nd_u8(nd, bp);
	if (type >= 1 && type <= 5) {
		nd_s(nd, "OSPFv");
		nd_u(nd, ver);
		nd_s(nd, ", ");
		nd_s(nd, tn[type]);
		nd_s(nd, ", length ");
		nd_u(nd, length);
	} else {
		nd_s(nd, "OSPFv");
		nd_u(nd, ver);
		nd_s(nd, ", unknown packet type (");
		nd_u(nd, type);
		nd_s(nd, "), length ");
		nd_u(nd, length);
		return;
	}
	if (!nd->opt->vflag)
		return;
	unsigned datalen = nd_be16(nd, bp + 2);
	if (datalen > length) {
		nd_s(nd, " [len ");
		nd_u(nd, datalen);
		nd_c(nd, ']');
		return;
	}
	const uint8_t *dataend = bp + datalen;
	nd_need(nd, bp + 4, 4);
	nd_s(nd, "\n\tRouter-ID ");
	put_ip4(nd, bp + 4);
	if (nd_be32(nd, bp + 8)) {
		nd_s(nd, ", Area ");
		put_ip4(nd, bp + 8);
	} else {
		nd_s(nd, ", Backbone Area");
	}
	if (nd_u8(nd, bp + 14)) {
		nd_s(nd, ", Instance ");
		nd_u(nd, bp[14]);
	}
	if (ver == 3) {
		if (decode_v3(nd, bp, dataend) ||
		    trailer(nd, bp, dataend, length - datalen))
			nd_print_trunc(nd);
	}
}
