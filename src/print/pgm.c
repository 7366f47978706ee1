/* pgm.c - Pragmatic General Multicast (RFC 3208), IP protocol 113 or
 * inside UDP with -T pgm. */
#include <arpa/inet.h>
#include <string.h>

#include "../core/names.h"
#include "print.h"

#define OPT_END 0x80
#define OPT_MASK 0x7f

/* A network-layer address with its AFI (1 IPv4, 2 IPv6), always numeric.
 * Returns its size, or 0 for another family or when not captured (the
 * caller then marks the truncation). */
static unsigned nla(nd_t *nd, unsigned afi, const uint8_t *p, char *buf)
{
	if (afi == 1) {
		if (!nd_has(nd, p, 4))
			return 0;
		inet_ntop(AF_INET, p, buf, INET6_ADDRSTRLEN);
		return 4;
	}
	if (afi == 2) {
		if (!nd_has(nd, p, 16))
			return 0;
		inet_ntop(AF_INET6, p, buf, INET6_ADDRSTRLEN);
		return 16;
	}
	return 0;
}

/* Fixed-length option check: prints the complaint and returns 0. */
static int fixed(nd_t *nd, const char *name, unsigned ol, unsigned want)
{
	if (ol != want) {
		nd_s(nd, "[Bad OPT_");
		nd_s(nd, name);
		nd_s(nd, " option, length ");
		nd_u(nd, ol);
		nd_s(nd, " != ");
		nd_u(nd, want);
		nd_c(nd, ']');
		return 0;
	}
	return 1;
}

/* Options after the type-specific part; returns 0 on a complaint that ends
 * the packet's output (tcpdump returns without the final "[len]"), else 1
 * with *endp just past the options. */
static int options(nd_t *nd, const uint8_t *bp, const uint8_t **endp)
{
	char buf[INET6_ADDRSTRLEN];
	if (!nd_has(nd, bp, 4))
		goto trunc;
	unsigned ot = nd_u8(nd, bp++);
	if ((ot & OPT_MASK) != 0) {
		nd_s(nd, "[First option bad, should be PGM_OPT_LENGTH, is ");
		nd_u(nd, ot & OPT_MASK);
		nd_c(nd, ']');
		return 0;
	}
	unsigned ol = nd_u8(nd, bp++);
	if (ol != 4) {
		nd_s(nd, "[Bad OPT_LENGTH option, length ");
		nd_u(nd, ol);
		nd_s(nd, " != 4]");
		return 0;
	}
	unsigned total = nd_be16(nd, bp);
	bp += 2;
	if (total < 4) {
		nd_s(nd, "[Bad total option length ");
		nd_u(nd, total);
		nd_s(nd, " < 4]");
		return 0;
	}
	nd_s(nd, " OPTS LEN ");
	nd_u(nd, total);
	total -= 4;
	while (total) {
		if (total < 4) {
			nd_s(nd, "[Total option length leaves no room for final option]");
			return 0;
		}
		ot = nd_u8(nd, bp++);
		ol = nd_u8(nd, bp++);
		if (ol < 4) {
			nd_s(nd, "[Bad option, length ");
			nd_u(nd, ol);
			nd_s(nd, " < 4]");
			break;
		}
		if (total < ol) {
			nd_s(nd, "[Total option length leaves no room for final option]");
			return 0;
		}
		if (!nd_has(nd, bp, ol - 2))
			goto trunc;
		uint32_t a, b, c;
		switch (ot & OPT_MASK) {
		case 0x00:
			if (!fixed(nd, "LENGTH", ol, 4))
				return 0;
			{
				unsigned v0 = nd_be16(nd, bp);
				nd_s(nd, " OPTS LEN (extra?) ");
				nd_u(nd, v0);
			}
			bp += 2;
			total -= 4;
			break;
		case 0x01:
			if (!fixed(nd, "FRAGMENT", ol, 16))
				return 0;
			a = nd_be32(nd, bp + 2);
			b = nd_be32(nd, bp + 6);
			c = nd_be32(nd, bp + 10);
			bp += 14;
			nd_s(nd, " FRAG seq ");
			nd_u(nd, a);
			nd_s(nd, " off ");
			nd_u(nd, b);
			nd_s(nd, " len ");
			nd_u(nd, c);
			total -= 16;
			break;
		case 0x02:
			bp += 2;
			ol -= 4;
			nd_s(nd, " NAK LIST");
			while (ol) {
				if (ol < 4) {
					nd_s(nd, "[Option length not a multiple of 4]");
					return 0;
				}
				{
					unsigned v0 = nd_be32(nd, bp);
					nd_c(nd, ' ');
					nd_u(nd, v0);
				}
				bp += 4;
				ol -= 4;
				total -= 4;
			}
			break;
		case 0x03:
			if (!fixed(nd, "JOIN", ol, 8))
				return 0;
			{
				unsigned v0 = nd_be32(nd, bp + 2);
				nd_s(nd, " JOIN ");
				nd_u(nd, v0);
			}
			bp += 6;
			total -= 8;
			break;
		case 0x04:
			if (!fixed(nd, "NAK_BO_IVL", ol, 12))
				return 0;
			a = nd_be32(nd, bp + 2);
			b = nd_be32(nd, bp + 6);
			bp += 10;
			nd_s(nd, " BACKOFF ivl ");
			nd_u(nd, a);
			nd_s(nd, " ivlseq ");
			nd_u(nd, b);
			total -= 12;
			break;
		case 0x05:
			if (!fixed(nd, "NAK_BO_RNG", ol, 12))
				return 0;
			a = nd_be32(nd, bp + 2);
			b = nd_be32(nd, bp + 6);
			bp += 10;
			nd_s(nd, " BACKOFF max ");
			nd_u(nd, a);
			nd_s(nd, " min ");
			nd_u(nd, b);
			total -= 12;
			break;
		case 0x07: {
			if (ol < 8) {
				nd_s(nd, "[Bad OPT_REDIRECT option, length ");
				nd_u(nd, ol);
				nd_s(nd, " < 8]");
				return 0;
			}
			bp += 2;
			unsigned afi = nd_be16(nd, bp);
			bp += 4;
			unsigned want = afi == 1 ? 4 : afi == 2 ? 16 : 0;
			if (!want)
				goto trunc;
			if (ol != 8 + want) {
				nd_s(nd, "[Bad OPT_REDIRECT option, length ");
				nd_u(nd, ol);
				nd_s(nd, " != 8 + address size]");
				return 0;
			}
			if (!nla(nd, afi, bp, buf))
				goto trunc;
			bp += want;
			total -= 8 + want;
			nd_s(nd, " REDIRECT ");
			nd_s(nd, buf);
			break;
		}
		case 0x08:
			if (!fixed(nd, "PARITY_PRM", ol, 8))
				return 0;
			{
				unsigned v0 = nd_be32(nd, bp + 2);
				nd_s(nd, " PARITY MAXTGS ");
				nd_u(nd, v0);
			}
			bp += 6;
			total -= 8;
			break;
		case 0x09:
			if (!fixed(nd, "PARITY_GRP", ol, 8))
				return 0;
			{
				unsigned v0 = nd_be32(nd, bp + 2);
				nd_s(nd, " PARITY GROUP ");
				nd_u(nd, v0);
			}
			bp += 6;
			total -= 8;
			break;
		case 0x0a:
			if (!fixed(nd, "CURR_TGSIZE", ol, 8))
				return 0;
			{
				unsigned v0 = nd_be32(nd, bp + 2);
				nd_s(nd, " PARITY ATGS ");
				nd_u(nd, v0);
			}
			bp += 6;
			total -= 8;
			break;
		case 0x0b:
			if (!fixed(nd, "NBR_UNREACH", ol, 4))
				return 0;
			bp += 2;
			nd_s(nd, " NBR_UNREACH");
			total -= 4;
			break;
		case 0x0c:
			nd_s(nd, " PATH_NLA [");
			nd_u(nd, ol);
			nd_c(nd, ']');
			bp += ol;
			total -= ol;
			break;
		case 0x0d:
			if (!fixed(nd, "SYN", ol, 4))
				return 0;
			bp += 2;
			nd_s(nd, " SYN");
			total -= 4;
			break;
		case 0x0e:
			if (!fixed(nd, "FIN", ol, 4))
				return 0;
			bp += 2;
			nd_s(nd, " FIN");
			total -= 4;
			break;
		case 0x0f:
			if (!fixed(nd, "RST", ol, 4))
				return 0;
			bp += 2;
			nd_s(nd, " RST");
			total -= 4;
			break;
		case 0x10:
			nd_s(nd, " CR");
			bp += ol;
			total -= ol;
			break;
		case 0x11:
			if (!fixed(nd, "CRQST", ol, 4))
				return 0;
			bp += 2;
			nd_s(nd, " CRQST");
			total -= 4;
			break;
		case 0x12:
		case 0x13: {
			const char *nm = (ot & OPT_MASK) == 0x12 ? "DATA" : "FEEDBACK";
			if (ol < 12) {
				nd_s(nd, "[Bad OPT_PGMCC_");
				nd_s(nd, nm);
				nd_s(nd, " option, length ");
				nd_u(nd, ol);
				nd_s(nd, " < 12]");
				return 0;
			}
			bp += 2;
			a = nd_be32(nd, bp);
			bp += 4;
			unsigned afi = nd_be16(nd, bp);
			bp += 4;
			unsigned want = afi == 1 ? 4 : afi == 2 ? 16 : 0;
			if (!want)
				goto trunc;
			if (ol != 12 + want) {
				nd_s(nd, "[Bad OPT_PGMCC_");
				nd_s(nd, nm);
				nd_s(nd, " option, length ");
				nd_u(nd, ol);
				nd_s(nd, " != 12 + address size]");
				return 0;
			}
			if (!nla(nd, afi, bp, buf))
				goto trunc;
			bp += want;
			total -= 12 + want;
			nd_s(nd, " PGMCC ");
			nd_s(nd, nm);
			nd_c(nd, ' ');
			nd_u(nd, a);
			nd_c(nd, ' ');
			nd_s(nd, buf);
			break;
		}
		default:
			nd_s(nd, " OPT_");
			out_xu(nd->out, ot, 2);
			nd_s(nd, " [");
			nd_u(nd, ol);
			nd_s(nd, "] ");
			bp += ol;
			total -= ol;
			break;
		}
		if (ot & OPT_END)
			break;
	}
	*endp = bp;
	return 1;
trunc:
	nd_print_trunc(nd);
	return 0;
}

void pgm_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip)
{
	char buf[INET6_ADDRSTRLEN], buf2[INET6_ADDRSTRLEN];
	nd_proto(nd, "pgm");
	if (!nd_has(nd, bp + 2, 2)) {
		put_ip_addr(nd, ip, ip->src);
		nd_s(nd, " > ");
		put_ip_addr(nd, ip, ip->dst);
		nd_c(nd, ':');
		nd_print_trunc(nd);
		return;
	}
	unsigned sport = nd_be16(nd, bp), dport = nd_be16(nd, bp + 2);
	if (ip->nh == 113) {
		put_ip_addr(nd, ip, ip->src);
		nd_c(nd, '.');
		put_tcpport(nd, sport);
		nd_s(nd, " > ");
		put_ip_addr(nd, ip, ip->dst);
		nd_c(nd, '.');
		put_tcpport(nd, dport);
		nd_s(nd, ": ");
	} else {
		put_tcpport(nd, sport);
		nd_s(nd, " > ");
		put_tcpport(nd, dport);
		nd_s(nd, ": ");
	}
	if (!nd_has(nd, bp, 16))
		goto trunc;
	{
		unsigned v0 = nd_be16(nd, bp + 14);
		nd_s(nd, "PGM, length ");
		nd_u(nd, v0);
	}
	if (!nd->opt->vflag)
		return;
	unsigned type = bp[4];
	nd_s(nd, " 0x");
	out_x2(nd->out, bp[8]);
	out_x2(nd->out, bp[9]);
	out_x2(nd->out, bp[10]);
	out_x2(nd->out, bp[11]);
	out_x2(nd->out, bp[12]);
	out_x2(nd->out, bp[13]);
	nd_c(nd, ' ');
	const uint8_t *p = bp + 16;
	unsigned n;
	switch (type) {
	case 0x00: /* SPM */
		if (!nd_has(nd, p, 16))
			goto trunc;
		n = nla(nd, nd_be16(nd, p + 12), p + 16, buf);
		if (!n)
			goto trunc;
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p + 4);
			unsigned v2 = nd_be32(nd, p + 8);
			nd_s(nd, "SPM seq ");
			nd_u(nd, v0);
			nd_s(nd, " trail ");
			nd_u(nd, v1);
			nd_s(nd, " lead ");
			nd_u(nd, v2);
			nd_s(nd, " nla ");
			nd_s(nd, buf);
		}
		p += 16 + n;
		break;
	case 0x01: { /* POLL */
		if (!nd_has(nd, p, 12))
			goto trunc;
		n = nla(nd, nd_be16(nd, p + 8), p + 12, buf);
		if (!n)
			goto trunc;
		const uint8_t *q = p + 12 + n;
		uint32_t ivl = nd_be32(nd, q), rnd = nd_be32(nd, q + 4),
			 mask = nd_be32(nd, q + 8);
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be16(nd, p + 4);
			nd_s(nd, "POLL seq ");
			nd_u(nd, v0);
			nd_s(nd, " round ");
			nd_u(nd, v1);
			nd_s(nd, " nla ");
			nd_s(nd, buf);
			nd_s(nd, " ivl ");
			nd_u(nd, ivl);
			nd_s(nd, " rnd 0x");
			out_x(nd->out, rnd, 8);
			nd_s(nd, " mask 0x");
			out_x(nd->out, mask, 8);
		}
		p = q + 12;
		break;
	}
	case 0x02: /* POLR */
		if (!nd_has(nd, p, 8))
			goto trunc;
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be16(nd, p + 4);
			nd_s(nd, "POLR seq ");
			nd_u(nd, v0);
			nd_s(nd, " round ");
			nd_u(nd, v1);
		}
		p += 8;
		break;
	case 0x04: /* ODATA */
	case 0x05: /* RDATA */
		if (!nd_has(nd, p, 8))
			goto trunc;
		{
			unsigned v0 = nd_be32(nd, p + 4);
			unsigned v1 = nd_be32(nd, p);
			nd_s(nd, type == 4 ? "ODATA" : "RDATA");
			nd_s(nd, " trail ");
			nd_u(nd, v0);
			nd_s(nd, " seq ");
			nd_u(nd, v1);
		}
		p += 8;
		break;
	case 0x08: /* NAK */
	case 0x09: /* NULLNAK */
	case 0x0a: { /* NCF */
		if (!nd_has(nd, p, 8))
			goto trunc;
		const uint8_t *q = p + 8;
		n = nla(nd, nd_be16(nd, p + 4), q, buf);
		if (!n)
			goto trunc;
		/* tcpdump skips the group's AFI and reserved field and then
		 * takes the AFI from the address itself */
		q += n + 4;
		n = nla(nd, nd_be16(nd, q), q, buf2);
		if (!n)
			goto trunc;
		q += n;
		nd_s(nd, type == 8 ? "NAK " : type == 9 ? "NNAK " : "NCF ");
		{
			unsigned v0 = nd_be32(nd, p);
			nd_c(nd, '(');
			nd_s(nd, buf);
			nd_s(nd, " -> ");
			nd_s(nd, buf2);
			nd_s(nd, "), seq ");
			nd_u(nd, v0);
		}
		p = q;
		break;
	}
	case 0x0b: /* ACK */
		if (!nd_has(nd, p, 8))
			goto trunc;
		{
			unsigned v0 = nd_be32(nd, p);
			nd_s(nd, "ACK seq ");
			nd_u(nd, v0);
		}
		p += 8;
		break;
	case 0x0c:
		nd_s(nd, "SPMR");
		p = bp; /* tcpdump looks for options from the header's start */
		break;
	default:
		nd_s(nd, "UNKNOWN type 0x");
		out_x2(nd->out, type);
		p = bp;
		break;
	}
	if (bp[5] & 0x01) {
		if (!options(nd, p, &p))
			return;
	}
	nd_s(nd, " [");
	nd_u(nd, length);
	nd_c(nd, ']');
	/* -T pgm_zmtp1: the data packets' payload is ZMTP/1.0 datagrams */
	if ((type == 0x04 || type == 0x05) && nd->opt->Tname &&
	    strcmp(nd->opt->Tname, "pgm_zmtp1") == 0) {
		size_t used = (size_t)(p - bp);
		zmtp1_datagram_print(nd, p, used < length ? length - (unsigned)used : 0);
	}
	return;
trunc:
	nd_print_trunc(nd);
}

void pgm_udp_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport;
	(void)dport;
	pgm_print(nd, p, len, ip);
}
