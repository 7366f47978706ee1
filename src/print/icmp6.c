/* icmp6.c - ICMPv6 (RFC 4443): errors with the quoted packet, echo,
 * neighbour discovery (RFC 4861) and its options, MLD v1/v2 (RFC 2710,
 * RFC 3810), router renumbering (RFC 2894), node information (RFC 4620),
 * Mobile IPv6 home agent and prefix discovery (RFC 6275). */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const char *type_name(unsigned t)
{
	switch (t) {
	case 1: return "destination unreachable";
	case 2: return "packet too big";
	case 3: return "time exceeded in-transit";
	case 4: return "parameter problem";
	case 128: return "echo request";
	case 129: return "echo reply";
	case 130: return "multicast listener query";
	case 131: return "multicast listener report";
	case 132: return "multicast listener done";
	case 133: return "router solicitation";
	case 134: return "router advertisement";
	case 135: return "neighbor solicitation";
	case 136: return "neighbor advertisement";
	case 137: return "redirect";
	case 138: return "router renumbering";
	case 139: return "who-are-you request";
	case 140: return "who-are-you reply";
	case 141: return "inverse neighbor solicitation";
	case 142: return "inverse neighbor advertisement";
	case 143: return "multicast listener report v2";
	case 144: return "ha discovery request";
	case 145: return "ha discovery reply";
	case 146: return "mobile router solicitation";
	case 147: return "mobile router advertisement";
	case 155: return "RPL";
	case 200: return "mtrace response";
	case 201: return "mtrace message";
	default: return NULL;
	}
}

static const char *opt_name(unsigned t)
{
	switch (t) {
	case 1: return "source link-address";
	case 2: return "destination link-address";
	case 3: return "prefix info";
	case 4: return "redirected header";
	case 5: return "mtu";
	case 7: return "advertisement interval";
	case 8: return "homeagent information";
	case 24: return "route info";
	case 25: return "rdnss";
	case 31: return "dnssl";
	default: return NULL;
	}
}

/* "Flags [a, b]" from a table of bits, "none" when no bit is set. */
static void put_flags(nd_t *nd, unsigned v, const struct tok *t)
{
	nd_s(nd, "Flags [");
	put_bits(nd, t, v, "none");
	nd_c(nd, ']');
}

/* " addr", once the address is known to be captured. */
static void sp_ip6(nd_t *nd, const uint8_t *a)
{
	nd_need(nd, a, 16);
	nd_c(nd, ' ');
	put_ip6(nd, a);
}

/* The raw bytes of a message not decoded, as far as they were captured. */
static void raw_dump(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, "\n\t", p, len < avail ? len : (unsigned)avail, 0);
}

static void put_lifetime(nd_t *nd, uint32_t v)
{
	if (v == 0xffffffffu)
		nd_s(nd, "infinity");
	else {
		nd_u(nd, v);
		nd_c(nd, 's');
	}
}

static const char *pref_name(unsigned bits)
{
	static const char *const n[4] = { "medium", "high", "rsv", "low" };
	return n[bits & 3];
}

/* Link-layer address bytes as xx:xx:... */
static void put_lladdr(nd_t *nd, const uint8_t *p, unsigned n)
{
	nd_need(nd, p, n);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			nd_c(nd, ':');
		out_x2(nd->out, p[i]);
	}
}

/* Domain names of a DNSSL option: " name." for each. */
static void dnssl_names(nd_t *nd, const uint8_t *p, const uint8_t *end)
{
	while (p < end && nd_u8(nd, p) != 0) {
		nd_c(nd, ' ');
		for (;;) {
			unsigned l = nd_u8(nd, p);
			p++;
			if (l == 0)
				break;
			if ((l & 0xc0) == 0xc0) { /* no compression here */
				nd_s(nd, "<BAD PTR>");
				nd_trunc(nd);
			}
			if (l == 0x41) { /* EDNS0 bit-string label */
				unsigned bits = nd_u8(nd, p);
				if (bits == 0)
					bits = 256;
				const uint8_t *bp = p + 1;
				unsigned b = bits;
				nd_s(nd, "\\[x");
				for (; b > 7; b -= 8, bp++)
					out_x2(nd->out, nd_u8(nd, bp));
				if (b > 4)
					out_x2(nd->out, nd_u8(nd, bp++) & (0xff << (8 - b)));
				else if (b > 0)
					out_x(nd->out, (unsigned)((nd_u8(nd, bp++) >> 4) & (0x0f << (4 - b))), 0);
				nd_c(nd, '/');
				nd_u(nd, bits);
				nd_s(nd, "].");
				p = bp;
				continue;
			}
			if ((l & 0xc0) == 0x40) {
				nd_s(nd, "<ELT ");
				nd_u(nd, l & 0x3f);
				nd_c(nd, '>');
				nd_trunc(nd);
			}
			if (l & 0x80) {
				nd_s(nd, "<BAD LABEL TYPE>");
				nd_trunc(nd);
			}
			if (!nd_has(nd, p, 1)) {
				/* the capture ends at the label: tcpdump stops
				 * the name quietly */
				p += l;
				break;
			}
			for (unsigned i = 0; i < l; i++)
				nd_print_char(nd, nd_u8(nd, p + i));
			nd_c(nd, '.');
			p += l;
		}
	}
}

/* Neighbour discovery options; unwinds on a truncated or zero-length one. */
static void nd_options(nd_t *nd, const uint8_t *bp, unsigned resid)
{
	if (resid > 0x7fffffffu)
		return; /* tcpdump takes this length as a signed int */
	const uint8_t *op = bp;
	while (resid > 0 && nd_has(nd, op, 1)) {
		unsigned type = nd_u8(nd, op), olen = nd_u8(nd, op + 1);
		unsigned bytes = olen * 8;
		if (olen == 0 || bytes > resid || !nd_has(nd, op, bytes))
			nd_mark_trunc(nd);
		const char *name = opt_name(type);
		if (name) {
			nd_s(nd, "\n\t  ");
			nd_s(nd, name);
			nd_s(nd, " option (");
			nd_u(nd, type);
			nd_s(nd, "), length ");
			nd_u(nd, bytes);
			nd_s(nd, " (");
			nd_u(nd, olen);
			nd_s(nd, "): ");
		} else {
			nd_s(nd, "\n\t  unknown option (");
			nd_u(nd, type);
			nd_s(nd, "), length ");
			nd_u(nd, bytes);
			nd_s(nd, " (");
			nd_u(nd, olen);
			nd_s(nd, "): ");
		}
		switch (type) {
		case 1:
		case 2:
			put_lladdr(nd, op + 2, bytes - 2);
			break;
		case 3: {
			static const struct tok pf[] = {
				{ 0x80, "onlink" }, { 0x40, "auto" }, { 0x20, "router" },
				{ 0, NULL } };
			nd_need(nd, op, 32);
			put_ip6(nd, op + 16);
			nd_c(nd, '/');
			nd_u(nd, op[2]);
			nd_s(nd, olen != 4 ? "badlen" : "");
			nd_s(nd, ", ");
			put_flags(nd, op[3], pf);
			nd_s(nd, ", valid time ");
			put_lifetime(nd, nd_be32(nd, op + 4));
			nd_s(nd, ", pref. time ");
			put_lifetime(nd, nd_be32(nd, op + 8));
			break;
		}
		case 4:
			hex_dump(nd->out, "\n\t    ", bp, bytes, 0);
			break;
		case 5:
			{
				unsigned v0 = nd_be32(nd, op + 4);
				nd_c(nd, ' ');
				nd_u(nd, v0);
			}
			if (olen != 1)
				nd_s(nd, "bad option length");
			break;
		case 7:
			{
				unsigned v0 = nd_be32(nd, op + 4);
				nd_c(nd, ' ');
				nd_u(nd, v0);
				nd_s(nd, "ms");
			}
			break;
		case 8:
			{
				unsigned v0 = nd_be16(nd, op + 4);
				unsigned v1 = nd_be16(nd, op + 6);
				nd_s(nd, " preference ");
				nd_u(nd, v0);
				nd_s(nd, ", lifetime ");
				nd_u(nd, v1);
			}
			break;
		case 24: {
			uint8_t a[16] = { 0 };
			unsigned plen = nd_u8(nd, op + 2), fl = nd_u8(nd, op + 3);
			if (olen == 2)
				nd_copy(nd, a, op + 8, 8);
			else if (olen == 3)
				nd_copy(nd, a, op + 8, 16);
			else if (olen > 3)
				nd_trunc(nd);
			nd_s(nd, " ");
			char buf[64];
			fmt_ip6(buf, a);
			{
				const char *v0 = pref_name(fl >> 3);
				nd_s(nd, buf);
				nd_c(nd, '/');
				nd_u(nd, plen);
				nd_s(nd, ", pref=");
				nd_s(nd, v0);
				nd_s(nd, ", lifetime=");
			}
			uint32_t lt = nd_be32(nd, op + 4);
			if (lt == 0xffffffffu)
				nd_s(nd, "infinity");
			else {
				nd_u(nd, lt);
				nd_c(nd, 's');
			}
			break;
		}
		case 25:
			{
				unsigned v0 = nd_be32(nd, op + 4);
				nd_s(nd, " lifetime ");
				nd_u(nd, v0);
				nd_s(nd, "s,");
			}
			for (unsigned off = 8; off + 16 <= bytes; off += 16) {
				nd_need(nd, op + off, 16);
				nd_s(nd, " addr: ");
				put_ip6(nd, op + off);
			}
			break;
		case 31:
			{
				unsigned v0 = nd_be32(nd, op + 4);
				nd_s(nd, " lifetime ");
				nd_u(nd, v0);
				nd_s(nd, "s, domain(s):");
			}
			dnssl_names(nd, op + 8, op + bytes);
			break;
		default:
			if (nd->opt->vflag == 1) {
				/* and, at this level, the walk stops here */
				hex_dump(nd->out, "\n\t  ", op + 2, bytes - 2, 0);
				return;
			}
			break;
		}
		if (nd->opt->vflag > 1)
			hex_dump(nd->out, "\n\t    ", op + 2, bytes - 2, 0);
		op += bytes;
		resid -= bytes;
	}
}

/* Finds the upper-layer protocol of the quoted packet of an error and
 * prints its destination and port; returns 0 when it cannot. */
static int quoted_upper(nd_t *nd, const uint8_t *ip6)
{
	if (!nd_has(nd, ip6, 40))
		return 0;
	unsigned nh = ip6[6];
	const uint8_t *cp = ip6 + 40;
	for (int n = 0; n < 64; n++) {
		switch (nh) {
		case 0:
		case 60:
		case 43:
			if (!nd_has(nd, cp, 2))
				return 0;
			nh = cp[0];
			cp += (cp[1] + 1u) * 8;
			break;
		case 44:
			if (!nd_has(nd, cp, 4))
				return 0;
			if ((cp[2] << 8 | cp[3]) & 0xfff8)
				return 0;
			nh = cp[0];
			cp += 8;
			break;
		case 51:
			if (!nd_has(nd, cp, 2))
				return 0;
			nh = cp[0];
			cp += (cp[1] + 2u) * 4;
			break;
		case 6:
		case 17:
			if (!nd_has(nd, cp, 4))
				return 0;
			nd_need(nd, ip6 + 24, 16);
			nd_s(nd, ", ");
			put_ip6(nd, ip6 + 24);
			if (nh == 6) {
				nd_s(nd, " tcp port ");
				put_tcpport(nd, (unsigned)(cp[2] << 8 | cp[3]));
			} else {
				nd_s(nd, " udp port ");
				put_udpport(nd, (unsigned)(cp[2] << 8 | cp[3]));
			}
			return 1;
		default:
			return 0;
		}
	}
	return 0;
}

/* MLDv2 query (RFC 3810 section 5.1). */
static void mldv2_query(nd_t *nd, const uint8_t *bp, unsigned len)
{
	int v = nd->opt->vflag;
	nd_s(nd, " v2");
	if (v) {
		unsigned mrc = nd_be16(nd, bp + 4);
		unsigned mrd = mrc < 32768 ? mrc
			: ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3);
		nd_s(nd, " [max resp delay=");
		nd_u(nd, mrd);
		nd_c(nd, ']');
	}
	nd_need(nd, bp + 8, 16);
	nd_s(nd, " [gaddr ");
	put_ip6(nd, bp + 8);
	if (v) {
		unsigned f = nd_u8(nd, bp + 24);
		if (f & 0x08)
			nd_s(nd, " sflag");
		if (f & 0x07) {
			nd_s(nd, " robustness=");
			nd_u(nd, f & 0x07);
		}
		unsigned qqic = nd_u8(nd, bp + 25);
		unsigned qqi = qqic < 128 ? qqic
			: ((qqic & 0x0f) | 0x10) << (((qqic & 0x70) >> 4) + 3);
		nd_s(nd, " qqi=");
		nd_u(nd, qqi);
	}
	unsigned ns = nd_be16(nd, bp + 26);
	if (ns > 0) {
		if (len < 28 + ns * 16u) {
			nd_s(nd, " [invalid number of sources]");
		} else if (v > 1) {
			nd_s(nd, " {");
			for (unsigned i = 0; i < ns; i++) {
				nd_need(nd, bp + 28 + i * 16, 16);
				nd_c(nd, ' ');
				put_ip6(nd, bp + 28 + i * 16);
			}
			nd_s(nd, " }");
		} else {
			nd_s(nd, ", ");
			nd_u(nd, ns);
			nd_s(nd, " source(s)");
		}
	}
	nd_c(nd, ']');
}

/* MLDv2 report (RFC 3810 section 5.2). */
static void mldv2_report(nd_t *nd, const uint8_t *bp, unsigned len)
{
	static const char *const rt[] = { NULL, "is_in", "is_ex", "to_in", "to_ex",
					   "allow", "block" };
	if (len < 8) {
		nd_s(nd, " [invalid len ");
		nd_u(nd, len);
		nd_c(nd, ']');
		return;
	}
	unsigned ng = nd_be16(nd, bp + 6);
	nd_s(nd, ", ");
	nd_u(nd, ng);
	nd_s(nd, " group record(s)");
	if (!nd->opt->vflag)
		return;
	unsigned off = 8;
	for (unsigned i = 0; i < ng; i++) {
		if (len < off + 20) {
			nd_s(nd, " [invalid number of groups]");
			return;
		}
		const uint8_t *r = bp + off;
		nd_need(nd, r + 4, 16);
		nd_s(nd, " [gaddr ");
		put_ip6(nd, r + 4);
		unsigned t = nd_u8(nd, r);
		if (t >= 1 && t <= 6) {
			nd_c(nd, ' ');
			nd_s(nd, rt[t]);
		} else {
			nd_s(nd, "  [v2-report-#");
			nd_u(nd, t);
			nd_c(nd, ']');
		}
		unsigned ns = nd_be16(nd, r + 2);
		unsigned aux = nd_u8(nd, r + 1);
		if (len < off + 20 + ns * 16u) {
			nd_s(nd, " [invalid number of sources ");
			nd_u(nd, ns);
			nd_c(nd, ']');
			return;
		}
		if (nd->opt->vflag == 1) {
			nd_s(nd, ", ");
			nd_u(nd, ns);
			nd_s(nd, " source(s)");
		} else {
			nd_s(nd, " {");
			for (unsigned j = 0; j < ns; j++) {
				nd_need(nd, r + 20 + j * 16, 16);
				nd_c(nd, ' ');
				put_ip6(nd, r + 20 + j * 16);
			}
			nd_s(nd, " }");
		}
		nd_c(nd, ']');
		off += 20 + ns * 16u + aux * 4u;
	}
}

/* Router renumbering (RFC 2894). */
static void rr_print(nd_t *nd, const uint8_t *bp, unsigned len)
{
	int v = nd->opt->vflag;
	const char *sep = v > 1 ? "\n\t" : " ";
	nd_need(nd, bp, 16);
	unsigned code = bp[1];
	switch (code) {
	case 0: nd_s(nd, ", command"); break;
	case 1: nd_s(nd, ", result"); break;
	case 255: nd_s(nd, ", sequence number reset"); break;
	default: nd_s(nd, ", code-#"); nd_u(nd, code); break;
	}
	{
		unsigned v0 = nd_be32(nd, bp + 4);
		nd_s(nd, ", seq=");
		nd_u(nd, v0);
	}
	if (v) {
		unsigned f = bp[9];
		nd_c(nd, '[');
		if (f & 0x80) nd_c(nd, 'T');
		if (f & 0x40) nd_c(nd, 'R');
		if (f & 0x20) nd_c(nd, 'A');
		if (f & 0x10) nd_c(nd, 'S');
		if (f & 0x08) nd_c(nd, 'P');
		if (f)
			nd_c(nd, ',');
		{
			unsigned v0 = nd_be16(nd, bp + 10);
			nd_s(nd, "seg=");
			nd_u(nd, bp[8]);
			nd_s(nd, ",maxdelay=");
			nd_u(nd, v0);
		}
		uint32_t rsvd = nd_be32(nd, bp + 12);
		if (rsvd) {
			nd_s(nd, "rsvd=0x");
			out_x(nd->out, rsvd, 0);
		}
		nd_c(nd, ']');
	}
	if (code != 0)
		return;
	const uint8_t *m = bp + 16;
	nd_need(nd, m, 24);
	unsigned op = m[0];
	nd_s(nd, sep);
	nd_s(nd, "match(");
	switch (op) {
	case 1: nd_s(nd, "add"); break;
	case 2: nd_s(nd, "change"); break;
	case 3: nd_s(nd, "setglobal"); break;
	default: nd_c(nd, '#'); nd_u(nd, op); break;
	}
	if (v) {
		nd_s(nd, ",ord=");
		nd_u(nd, m[2]);
		nd_s(nd, ",min=");
		nd_u(nd, m[4]);
		nd_s(nd, ",max=");
		nd_u(nd, m[5]);
	}
	nd_c(nd, ',');
	put_ip6(nd, m + 8);
	nd_c(nd, '/');
	nd_u(nd, m[3]);
	nd_c(nd, ')');
	(void)len;
	/* the use-prefix parts: the length must leave whole ones */
	uint32_t n = (uint32_t)m[1] - 3u;
	if (n % 4)
		nd_trunc(nd);
	n /= 4;
	const uint8_t *u = m + 24;
	for (uint32_t i = 0; i < n; i++, u += 32) {
		nd_need(nd, u, 32);
		nd_s(nd, sep);
		nd_s(nd, "use(");
		unsigned uf = u[12];
		if (uf & 0x80)
			nd_c(nd, 'V');
		if (uf & 0x40)
			nd_c(nd, 'P');
		if (uf)
			nd_c(nd, ',');
		if (v) {
			nd_s(nd, "mask=0x");
			out_x(nd->out, u[2], 0);
			nd_s(nd, ",raflags=0x");
			out_x(nd->out, u[3], 0);
			nd_c(nd, ',');
			uint32_t vl = nd_be32(nd, u + 4), pl = nd_be32(nd, u + 8);
			if (vl == 0xffffffffu)
				nd_s(nd, "vltime=infty,");
			else {
				nd_s(nd, "vltime=");
				nd_u(nd, vl);
				nd_c(nd, ',');
			}
			if (pl == 0xffffffffu)
				nd_s(nd, "pltime=infty,");
			else {
				nd_s(nd, "pltime=");
				nd_u(nd, pl);
				nd_c(nd, ',');
			}
		}
		put_ip6(nd, u + 16);
		nd_c(nd, '/');
		nd_u(nd, u[0]);
		nd_c(nd, '/');
		nd_u(nd, u[1]);
		nd_c(nd, ')');
	}
}

/* A DNS name in node information, as ", \"a.b.\"", with "???" where a
 * label runs past the end. */
static void ni_dnsname(nd_t *nd, const uint8_t *p, const uint8_t *end)
{
	nd_s(nd, ", \"");
	while (p < end) {
		unsigned l = nd_u8(nd, p);
		p++;
		if (l == 0) {
			nd_s(nd, p == end ? "." : "???");
			break;
		}
		if (l > (unsigned)(end - p)) {
			nd_s(nd, "???");
			break;
		}
		for (; l > 0 && p < end; l--, p++)
			nd_print_char(nd, nd_u8(nd, p));
		if (p + 1 < end && nd_u8(nd, p))
			nd_c(nd, '.');
	}
	nd_c(nd, '"');
}

static void ni_addr_flags(nd_t *nd, unsigned f)
{
	if (!f)
		return;
	nd_s(nd, " [");
	nd_s(nd, (f & 0x20) ? "G" : "");
	nd_s(nd, (f & 0x10) ? "S" : "");
	nd_s(nd, (f & 0x08) ? "L" : "");
	nd_s(nd, (f & 0x04) ? "C" : "");
	nd_s(nd, (f & 0x02) ? "A" : "");
	nd_s(nd, (f & 0x01) ? "T" : "");
	nd_c(nd, ']');
}

/* Node information query and reply (RFC 4620); prints " [|icmp6]" and
 * returns when it runs out of bytes. */
static void nodeinfo(nd_t *nd, const uint8_t *bp, unsigned siz, unsigned type)
{
	int v = nd->opt->vflag;
	unsigned icmp6len = siz;
	if (nd_avail(nd, bp) < siz)
		siz = (unsigned)nd_avail(nd, bp); /* what was captured */
	const uint8_t *end = bp + siz;
	if (type == 139) {
		if (siz == 12) {
			nd_s(nd, " who-are-you request");
			return;
		}
		nd_s(nd, " node information query");
		if (!nd_has(nd, bp, 16))
			goto trunc;
		unsigned qtype = nd_be16(nd, bp + 4), flags = nd_be16(nd, bp + 6);
		unsigned code = bp[1];
		nd_s(nd, " (");
		switch (qtype) {
		case 0: nd_s(nd, "noop"); break;
		case 1:
			nd_s(nd, "supported qtypes");
			if (flags) {
				nd_s(nd, " [");
				nd_s(nd, (flags & 1) ? "C" : "");
				nd_c(nd, ']');
			}
			break;
		case 2: nd_s(nd, "DNS name"); break;
		case 3: nd_s(nd, "node addresses"); ni_addr_flags(nd, flags); break;
		default: nd_s(nd, "unknown"); break;
		}
		if (qtype == 0 || qtype == 1) {
			if (siz != 16 && v)
				nd_s(nd, ", invalid len");
			nd_c(nd, ')');
			return;
		}
		if (siz == 16) {
			nd_s(nd, ", 03 draft)");
			return;
		}
		const uint8_t *cp = bp + 16;
		switch (code) {
		case 0:
			if (!nd_has(nd, bp, 32))
				break;
			if (siz != 32) {
				if (v)
					nd_s(nd, ", invalid subject len");
				break;
			}
			nd_need(nd, cp, 16);
			nd_s(nd, ", subject=");
			put_ip6(nd, cp);
			break;
		case 1:
			nd_s(nd, ", subject=DNS name");
			if (cp < end && nd_u8(nd, cp) == end - cp - 1) {
				if (v)
					nd_s(nd, ", 03 draft");
				cp++;
				nd_s(nd, ", \"");
				while (cp < end) {
					nd_print_char(nd, *cp);
					cp++;
				}
				nd_c(nd, '"');
			} else {
				ni_dnsname(nd, cp, end);
			}
			break;
		case 2:
			if (!nd_has(nd, bp, 20))
				break;
			if (siz != 20) {
				if (v)
					nd_s(nd, ", invalid subject len");
				break;
			}
			nd_s(nd, ", subject=");
			put_ip4(nd, cp);
			break;
		default:
			nd_s(nd, ", unknown subject");
			break;
		}
		nd_c(nd, ')');
		return;
	}
	/* reply */
	if (icmp6len > siz)
		goto trunc;
	if (!nd_has(nd, bp, 16))
		goto trunc;
	{
		unsigned code = bp[1];
		unsigned qtype = nd_be16(nd, bp + 4), flags = nd_be16(nd, bp + 6);
		int comma = 0;
		nd_s(nd, " node information reply (");
		switch (code) {
		case 0:
			if (v) {
				nd_s(nd, "success");
				comma = 1;
			}
			break;
		case 1:
		case 2:
			nd_s(nd, code == 1 ? "refused" : "unknown");
			comma = 1;
			if (siz != 16 && v)
				nd_s(nd, ", invalid length");
			break;
		}
		if (code != 0) {
			nd_c(nd, ')');
			return;
		}
		if (comma)
			nd_s(nd, ", ");
		switch (qtype) {
		case 0:
			nd_s(nd, "noop");
			if (siz != 16 && v)
				nd_s(nd, ", invalid length");
			break;
		case 1:
			nd_s(nd, "supported qtypes");
			if (flags) {
				nd_s(nd, " [");
				nd_s(nd, (flags & 1) ? "C" : "");
				nd_c(nd, ']');
			}
			break;
		case 2: {
			nd_s(nd, "DNS name");
			const uint8_t *cp = bp + 20;
			if (cp < end && nd_u8(nd, cp) == end - cp - 1) {
				if (v)
					nd_s(nd, ", 03 draft");
				cp++;
				nd_s(nd, ", \"");
				while (cp < end) {
					nd_print_char(nd, *cp);
					cp++;
				}
				nd_c(nd, '"');
			} else {
				ni_dnsname(nd, cp, end);
			}
			if (flags & 1) {
				unsigned v0 = nd_be32(nd, bp + 16);
				nd_s(nd, " [TTL=");
				nd_u(nd, v0);
				nd_c(nd, ']');
			}
			break;
		}
		case 3:
			nd_s(nd, "node addresses");
			for (unsigned i = 16; i + 20 <= siz; i += 20) {
				nd_need(nd, bp + i + 4, 16);
				nd_c(nd, ' ');
				put_ip6(nd, bp + i + 4);
				{
					unsigned v0 = nd_be32(nd, bp + i);
					nd_c(nd, '(');
					nd_u(nd, v0);
					nd_c(nd, ')');
				}
			}
			ni_addr_flags(nd, flags);
			break;
		default:
			nd_s(nd, "unknown");
			break;
		}
		nd_c(nd, ')');
	}
	return;
trunc:
	nd_print_trunc(nd);
}


/* RPL control messages (RFC 6550). */
static void rpl_dagid(nd_t *nd, const uint8_t *p, int present)
{
	nd_s(nd, "[dagid:");
	if (present)
		put_ip6(nd, p);
	else
		nd_s(nd, "<elided>");
}

static void rpl_options(nd_t *nd, const uint8_t *p, unsigned len)
{
	static const char *const names[] = { "pad1", "padN", "metrics",
		"routinginfo", "config", "rpltarget", "transitinfo", NULL,
		"destprefix", "rpltargetdesc" };
	while (len > 0) {
		unsigned type = nd_u8(nd, p);
		if (type == 0) {
			nd_s(nd, " opt:pad1");
			p++;
			len--;
			continue;
		}
		unsigned olen = nd_u8(nd, p + 1) + 2u;
		if (type < 10 && names[type]) {
			nd_s(nd, " opt:");
			nd_s(nd, names[type]);
			nd_s(nd, " len:");
			nd_u(nd, olen);
			nd_c(nd, ' ');
		} else {
			nd_s(nd, " opt:subopt:");
			nd_u(nd, type);
			nd_s(nd, " len:");
			nd_u(nd, olen);
			nd_c(nd, ' ');
		}
		if (olen > len)
			nd_trunc(nd);
		nd_need(nd, p, olen);
		if (nd->opt->vflag > 2)
			hex_dump(nd->out, " ", p + 2, olen - 2, 0);
		p += olen;
		len -= olen;
	}
}

static void rpl_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	static const char *const names[] = { "DODAG Information Solicitation",
		"DODAG Information Object", "Destination Advertisement Object",
		"Destination Advertisement Object Ack" };
	unsigned code = nd_u8(nd, bp + 1);
	if (code & 0x80) {
		nd_s(nd, ", (SEC) [worktodo]");
		return;
	}
	nd_s(nd, ", (CLR)");
	if (code >= 4) {
		nd_s(nd, "RPL message, unknown code ");
		nd_u(nd, code);
		return;
	}
	nd_s(nd, names[code]);
	int v = nd->opt->vflag;
	if (!v)
		return;
	const uint8_t *m = bp + 4;
	unsigned mlen = length > 4 ? length - 4 : 0;
	switch (code) {
	case 1: {
		static const char *const mops[] = { "nonstoring", "storing",
			"nonstoring-multicast", "storing-multicast" };
		if (mlen < 24) {
			nd_s(nd, " [length ");
			nd_u(nd, mlen);
			nd_s(nd, " < 24]");
			nd_print_invalid(nd);
			return;
		}
		nd_need(nd, m, 24);
		unsigned f = m[4], mop = (f >> 3) & 7;
		nd_s(nd, " [dagid:");
		put_ip6(nd, m + 8);
		nd_s(nd, ",seq:");
		nd_u(nd, m[5]);
		nd_s(nd, ",instance:");
		nd_u(nd, m[0]);
		nd_s(nd, ",rank:");
		nd_u(nd, (unsigned)(m[2] << 8 | m[3]));
		nd_c(nd, ',');
		nd_s(nd, (f & 0x80) ? "grounded," : "");
		nd_s(nd, "mop:");
		if (mop < 4)
			nd_s(nd, mops[mop]);
		else {
			nd_s(nd, "mop");
			nd_u(nd, mop);
		}
		nd_s(nd, ",prf:");
		nd_u(nd, f & 7);
		nd_c(nd, ']');
		if (v > 1 && mlen > 24)
			rpl_options(nd, m + 24, mlen - 24);
		break;
	}
	case 2: {
		nd_need(nd, m, 20);
		unsigned f = m[1];
		int d = (f & 0x40) != 0;
		nd_c(nd, ' ');
		rpl_dagid(nd, m + 4, d);
		nd_s(nd, ",seq:");
		nd_u(nd, m[3]);
		nd_s(nd, ",instance:");
		nd_u(nd, m[0]);
		nd_s(nd, (f & 0x80) ? ",acK" : "");
		nd_s(nd, d ? ",Dagid" : "");
		nd_c(nd, ',');
		out_x2(nd->out, f);
		nd_c(nd, ']');
		unsigned hl = d ? 20 : 4;
		if (v > 1 && mlen > hl)
			rpl_options(nd, m + hl, mlen - hl);
		break;
	}
	case 3: {
		nd_need(nd, m, 4);
		unsigned f = m[1];
		int d = (f & 0x80) != 0;
		if (d)
			nd_need(nd, m + 4, 16);
		nd_c(nd, ' ');
		rpl_dagid(nd, m + 4, d);
		nd_s(nd, ",seq:");
		nd_u(nd, m[2]);
		nd_s(nd, ",instance:");
		nd_u(nd, m[0]);
		nd_s(nd, ",status:");
		nd_u(nd, m[3]);
		nd_c(nd, ']');
		unsigned hl = d ? 20 : 4;
		if (v > 1 && mlen > hl)
			rpl_options(nd, m + hl, mlen - hl);
		break;
	}
	default:
		break;
	}
}

struct icmp6_args {
	const uint8_t *bp;
	unsigned length;
	const struct ip_ctx *ip;
};

static void icmp6_body(nd_t *nd, const uint8_t *bp, unsigned length,
                       const struct ip_ctx *ip);

static void icmp6_run(nd_t *nd, void *arg)
{
	const struct icmp6_args *a = arg;
	icmp6_body(nd, a->bp, a->length, a->ip);
}

/* Some of tcpdump's ICMPv6 checks mark a truncation and return
 * (nd_mark_trunc below): the body runs in nd_run_marked's frame. */
void icmp6_print(nd_t *nd, const uint8_t *bp, unsigned length,
                 const struct ip_ctx *ip)
{
	struct icmp6_args a = { bp, length, ip };
	nd_proto(nd, "icmp6");
	nd_run_marked(nd, icmp6_run, &a);
}

static void icmp6_body(nd_t *nd, const uint8_t *bp, unsigned length,
                       const struct ip_ctx *ip)
{
	const struct options *opt = nd->opt;
	int v = opt->vflag;
	if (ip->ver != 6) {
		nd_s(nd, "[ICMPv6 requires IPv6]");
		nd_print_invalid(nd);
		return;
	}
	if (length == 0) {
		nd_s(nd, "ICMP6, length 0");
		nd_print_invalid(nd);
		return;
	}
	unsigned type = nd_u8(nd, bp);
	if (v && !ip->fragmented && nd_has(nd, bp, length)) { /* even with -K */
		uint16_t sum = ip_pseudo_cksum(ip, bp, length, 58);
		if (sum) {
			unsigned got = nd_be16(nd, bp + 2);
			uint32_t should = (uint32_t)got + sum;
			should = (should & 0xffff) + (should >> 16);
			nd_s(nd, "[bad icmp6 cksum 0x");
			out_x(nd->out, got, 4);
			nd_s(nd, " -> 0x");
			out_x(nd->out, (unsigned)(should & 0xffff), 4);
			nd_s(nd, "!] ");
		} else {
			nd_s(nd, "[icmp6 sum ok] ");
		}
	}
	nd_s(nd, "ICMP6, ");
	const char *tn = type_name(type);
	if (tn)
		nd_s(nd, tn);
	else {
		nd_s(nd, "unknown icmp6 type (");
		nd_u(nd, type);
		nd_c(nd, ')');
	}
	if (v && (type == 133 || type == 134 || type == 135 || type == 136 ||
		  type == 137 || type == 145 || type == 147)) {
		nd_s(nd, ", length ");
		nd_u(nd, length);
		  }

	const uint8_t *oip = bp + 8; /* the quoted packet of an error */
	unsigned code = nd_u8(nd, bp + 1);
	switch (type) {
	case 1:
		switch (code) {
		case 0:
			nd_s(nd, ", unreachable route");
			sp_ip6(nd, oip + 24);
			break;
		case 1:
			nd_s(nd, ",  unreachable prohibited");
			sp_ip6(nd, oip + 24);
			break;
		case 2:
			nd_s(nd, ", beyond scope");
			sp_ip6(nd, oip + 24);
			nd_s(nd, ", source address");
			sp_ip6(nd, oip + 8);
			break;
		case 3:
			nd_s(nd, ", unreachable address");
			sp_ip6(nd, oip + 24);
			break;
		case 4:
			nd_s(nd, ", unreachable port");
			if (!quoted_upper(nd, oip))
				nd_mark_trunc(nd);
			break;
		default:
			nd_s(nd, ", unknown unreach code (");
			nd_u(nd, code);
			nd_c(nd, ')');
			if (v <= 1)
				raw_dump(nd, bp, length);
			return;
		}
		break;
	case 2:
		{
			unsigned v0 = nd_be32(nd, bp + 4);
			nd_s(nd, ", mtu ");
			nd_u(nd, v0);
		}
		break;
	case 3:
		switch (code) {
		case 0:
			nd_need(nd, oip + 24, 16);
			nd_s(nd, " for");
			sp_ip6(nd, oip + 24);
			break;
		case 1:
			nd_s(nd, " (reassembly)");
			break;
		default:
			nd_s(nd, ", unknown code (");
			nd_u(nd, code);
			nd_c(nd, ')');
			break;
		}
		break;
	case 4:
		if (!nd_has(nd, oip, 40))
			nd_mark_trunc(nd);
		switch (code) {
		case 0: nd_s(nd, ", erroneous - octet "); break;
		case 1: nd_s(nd, ", next header - octet "); break;
		case 2: nd_s(nd, ", option - octet "); break;
		case 3: nd_s(nd, ", incomplete header chain - octet "); break;
		default: nd_s(nd, ", code-#"); nd_u(nd, code); break;
		}
		if (code <= 3)
			nd_u(nd, nd_be32(nd, bp + 4));
		break;
	case 128:
	case 129:
		{
			unsigned v0 = nd_be16(nd, bp + 4);
			unsigned v1 = nd_be16(nd, bp + 6);
			nd_s(nd, ", id ");
			nd_u(nd, v0);
			nd_s(nd, ", seq ");
			nd_u(nd, v1);
		}
		break;
	case 130:
		if (length == 24) {
			if (nd_has(nd, bp, 24)) {
				{
					unsigned v0 = nd_be16(nd, bp + 4);
					nd_s(nd, "max resp delay: ");
					nd_u(nd, v0);
					nd_s(nd, " addr: ");
				}
				put_ip6(nd, bp + 8);
			}
		} else if (length >= 28) {
			mldv2_query(nd, bp, length);
		} else {
			nd_s(nd, " unknown-version (len ");
			nd_u(nd, length);
			nd_s(nd, ") ");
		}
		break;
	case 131:
	case 132:
		if (nd_has(nd, bp, 24)) {
			{
				unsigned v0 = nd_be16(nd, bp + 4);
				nd_s(nd, "max resp delay: ");
				nd_u(nd, v0);
				nd_s(nd, " addr: ");
			}
			put_ip6(nd, bp + 8);
		}
		break;
	case 133:
		if (v)
			nd_options(nd, bp + 8, length > 8 ? length - 8 : 0);
		break;
	case 134:
		if (v) {
			static const struct tok raf[] = {
				{ 0x80, "managed" }, { 0x40, "other stateful" },
				{ 0x20, "home agent" }, { 0x02, "ipv6 only" },
				{ 0, NULL } };
			nd_need(nd, bp, 16);
			unsigned f = bp[5];
			nd_s(nd, "\n\thop limit ");
			nd_u(nd, bp[4]);
			nd_s(nd, ", ");
			put_flags(nd, f, raf);
			{
				const char *v0 = pref_name(f >> 3);
				unsigned v1 = nd_be16(nd, bp + 6);
				unsigned v2 = nd_be32(nd, bp + 8);
				unsigned v3 = nd_be32(nd, bp + 12);
				nd_s(nd, ", pref ");
				nd_s(nd, v0);
				nd_s(nd, ", router lifetime ");
				nd_u(nd, v1);
				nd_s(nd, "s, reachable time ");
				nd_u(nd, v2);
				nd_s(nd, "ms, retrans timer ");
				nd_u(nd, v3);
				nd_s(nd, "ms");
			}
			nd_options(nd, bp + 16, length > 16 ? length - 16 : 0);
		}
		break;
	case 135:
		nd_need(nd, bp + 8, 16);
		nd_s(nd, ", who has ");
		put_ip6(nd, bp + 8);
		if (v)
			nd_options(nd, bp + 24, length > 24 ? length - 24 : 0);
		break;
	case 136:
		nd_need(nd, bp + 8, 16);
		nd_s(nd, ", tgt is ");
		put_ip6(nd, bp + 8);
		if (v) {
			static const struct tok naf[] = {
				{ 0x80, "router" }, { 0x40, "solicited" },
				{ 0x20, "override" }, { 0, NULL } };
			nd_s(nd, ", ");
			put_flags(nd, nd_u8(nd, bp + 4), naf);
			nd_options(nd, bp + 24, length > 24 ? length - 24 : 0);
		}
		break;
	case 137:
		nd_need(nd, bp + 24, 16);
		nd_s(nd, ", ");
		put_ip6(nd, bp + 24);
		nd_need(nd, bp + 8, 16);
		nd_s(nd, " to ");
		put_ip6(nd, bp + 8);
		if (v)
			nd_options(nd, bp + 40, length > 40 ? length - 40 : 0);
		break;
	case 138:
		/* its truncation ends only its own part of the line */
		if (nd_try_span(nd, rr_print, bp, length))
			nd_print_trunc(nd);
		break;
	case 139:
	case 140:
		nodeinfo(nd, bp, length, type);
		break;
	case 141:
	case 142:
		break;
	case 155:
		rpl_print(nd, bp, length);
		break;
	case 143:
		mldv2_report(nd, bp, length);
		break;
	case 144:
	case 146:
		{
			unsigned v0 = nd_be16(nd, bp + 4);
			nd_s(nd, ", id 0x");
			out_x(nd->out, v0, 4);
		}
		break;
	case 145:
		if (v) {
			{
				unsigned v0 = nd_be16(nd, bp + 4);
				nd_s(nd, ", id 0x");
				out_x(nd->out, v0, 4);
			}
			for (unsigned off = 8; off < length; off += 16) {
				nd_need(nd, bp + off, 16);
				nd_s(nd, ", ");
				put_ip6(nd, bp + off);
			}
		}
		break;
	case 147:
		if (v) {
			{
				unsigned v0 = nd_be16(nd, bp + 4);
				nd_s(nd, ", id 0x");
				out_x(nd->out, v0, 4);
			}
			unsigned f = nd_be16(nd, bp + 6);
			if (f & 0xc000)
				nd_c(nd, ' ');
			if (f & 0x8000)
				nd_c(nd, 'M');
			if (f & 0x4000)
				nd_c(nd, 'O');
			nd_options(nd, bp + 8, length > 8 ? length - 8 : 0);
		}
		break;
	default:
		nd_s(nd, ", length ");
		nd_u(nd, length);
		if (v <= 1)
			raw_dump(nd, bp, length);
		return;
	}
	if (!v) {
		nd_s(nd, ", length ");
		nd_u(nd, length);
	}
}
