/* pim.c - Protocol Independent Multicast version 2 (RFC 7761, 5015, 5059),
 * IP protocol 103.  PIMv1, which rides in IGMP, is in pimv1.c. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

enum addr_kind { A_UNICAST, A_GROUP, A_SOURCE };

/* Hex of up to len bytes, as far as captured. */
static void hex_avail(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, "\n\t    ", p, len < avail ? len : (unsigned)avail, 0);
}

/* An encoded unicast/group/source address; returns its size or -1 when
 * it is malformed or runs out (the caller then prints the truncation). */
static int addr_print(nd_t *nd, const uint8_t *bp, unsigned len,
                      enum addr_kind kind, unsigned alen)
{
	unsigned hdr = 0;
	int v6;
	if (alen == 0) {
		if (len < 2)
			return -1;
		unsigned fam = nd_u8(nd, bp);
		if (fam == 1)
			alen = 4;
		else if (fam == 2)
			alen = 16;
		else
			return -1;
		if (nd_u8(nd, bp + 1) != 0)
			return -1;
		hdr = 2;
	} else if (alen != 4 && alen != 16) {
		return -1;
	}
	v6 = alen == 16;
	bp += hdr;
	len -= hdr;
	if (kind == A_UNICAST) {
		if (len < alen || !nd_has(nd, bp, alen))
			return -1;
		if (v6)
			put_ip6(nd, bp);
		else
			put_ip4(nd, bp);
		return (int)(hdr + alen);
	}
	if (len < alen + 2 || !nd_has(nd, bp, alen + 2))
		return -1;
	if (v6)
		put_ip6(nd, bp + 2);
	else
		put_ip4(nd, bp + 2);
	if (bp[1] != (v6 ? 128 : 32)) {
		nd_c(nd, '/');
		nd_u(nd, bp[1]);
	}
	if (bp[0]) {
		if (kind == A_GROUP) {
			nd_s(nd, "(0x");
			out_x2(nd->out, bp[0]);
			nd_c(nd, ')');
		} else {
			nd_c(nd, '(');
			nd_s(nd, bp[0] & 4 ? "S" : "");
			nd_s(nd, bp[0] & 2 ? "W" : "");
			nd_s(nd, bp[0] & 1 ? "R" : "");
			if (bp[0] & 0xf8) {
				nd_s(nd, "+0x");
				out_x2(nd->out, bp[0] & 0xf8);
			}
			nd_c(nd, ')');
		}
	}
	return (int)(hdr + 2 + alen);
}

/* 0 correct, 1 incorrect, 2 unverified */
static int check_sum(nd_t *nd, const uint8_t *bp, unsigned len,
                     const struct ip_ctx *ip)
{
	if (!nd_has(nd, bp, len))
		return 2;
	if (ip->ver == 4)
		return in_cksum(bp, len, 0) ? 1 : 0;
	if (ip->ver == 6)
		return ip_pseudo_cksum(ip, bp, len, 103) ? 1 : 0;
	return 2;
}

static const char *type_name(unsigned t)
{
	static const char *const n[] = {
		"Hello", "Register", "Register Stop", "Join / Prune",
		"Bootstrap", "Assert", "Graft", "Graft Acknowledgement",
		"Candidate RP Advertisement", "Prune Refresh", "DF Election",
		"ECMP Redirect",
	};
	return t < 12 ? n[t] : "Unknown Type";
}

static const char *hello_opt_name(unsigned t)
{
	switch (t) {
	case 1: return "Hold Time";
	case 2: return "LAN Prune Delay";
	case 18: return "DR Priority (Old)";
	case 19: return "DR Priority";
	case 20: return "Generation ID";
	case 21: return "State Refresh Capability";
	case 22: return "Bi-Directional Capability";
	case 24: return "Address List";
	case 65001: return "Address List (Old)";
	default: return "Unknown";
	}
}

#define ADDR(kind)                                                        \
	do {                                                              \
		int adv_ = addr_print(nd, bp, len, kind, alen);           \
		if (adv_ < 0)                                             \
			goto trunc;                                       \
		bp += adv_;                                               \
		len -= (unsigned)adv_;                                    \
	} while (0)

static void invalid_len(nd_t *nd, unsigned olen, unsigned want)
{
	nd_s(nd, "[option length ");
	nd_u(nd, olen);
	nd_s(nd, " != ");
	nd_u(nd, want);
	nd_c(nd, ']');
	nd_print_invalid(nd);
}

/* Returns 0 normally, -1 when the hello was declared invalid. */
static int hello(nd_t *nd, const uint8_t *bp, unsigned len, unsigned alen)
{
	while (len > 0) {
		if (len < 4)
			goto trunc;
		unsigned ot = nd_be16(nd, bp), ol = nd_be16(nd, bp + 2);
		{
			const char *v0 = hello_opt_name(ot);
			nd_s(nd, "\n\t  ");
			nd_s(nd, v0);
			nd_s(nd, " Option (");
			nd_u(nd, ot);
			nd_s(nd, "), length ");
			nd_u(nd, ol);
			nd_s(nd, ", Value: ");
		}
		bp += 4;
		len -= 4;
		if (len < ol)
			goto trunc;
		if (!nd_has(nd, bp, ol))
			goto trunc;
		switch (ot) {
		case 1:
			if (ol != 2) {
				invalid_len(nd, ol, 2);
				return -1;
			}
			put_relts_unsigned(nd, nd_be16(nd, bp));
			break;
		case 2:
			if (ol != 4) {
				invalid_len(nd, ol, 4);
				return -1;
			} else {
				unsigned d = nd_be16(nd, bp);
				{
					unsigned v0 = nd_be16(nd, bp + 2);
					nd_s(nd, "\n\t    T-bit=");
					nd_u(nd, d >> 15);
					nd_s(nd, ", LAN delay ");
					nd_u(nd, d & 0x7fff);
					nd_s(nd, "ms, Override interval ");
					nd_u(nd, v0);
					nd_s(nd, "ms");
				}
			}
			break;
		case 18:
		case 19:
			if (ol == 0) {
				nd_s(nd, "Bi-Directional Capability (Old)");
			} else if (ol == 4) {
				nd_u(nd, nd_be32(nd, bp));
			} else {
				invalid_len(nd, ol, 4);
				return -1;
			}
			break;
		case 20:
			if (ol != 4) {
				invalid_len(nd, ol, 4);
				return -1;
			}
			{
				unsigned v0 = nd_be32(nd, bp);
				nd_s(nd, "0x");
				out_x(nd->out, v0, 8);
			}
			break;
		case 21:
			if (ol != 4) {
				invalid_len(nd, ol, 4);
				return -1;
			}
			nd_c(nd, 'v');
			nd_u(nd, bp[0]);
			if (bp[1]) {
				nd_s(nd, ", interval ");
				put_relts_unsigned(nd, bp[1]);
			}
			if (nd_be16(nd, bp + 2)) {
				unsigned v0 = nd_be16(nd, bp + 2);
				nd_s(nd, " ?0x");
				out_x(nd->out, v0, 4);
				nd_c(nd, '?');
			}
			break;
		case 22:
			break;
		case 24:
		case 65001:
			if (nd->opt->vflag > 1) {
				const uint8_t *q = bp;
				unsigned ql = len;
				while (q < bp + ol) {
					nd_s(nd, "\n\t    ");
					int adv = addr_print(nd, q, ql, A_UNICAST, alen);
					if (adv < 0)
						goto trunc;
					q += adv;
					ql -= (unsigned)adv;
				}
			}
			break;
		default:
			if (nd->opt->vflag <= 1)
				hex_avail(nd, bp, ol);
			break;
		}
		if (nd->opt->vflag > 1)
			hex_avail(nd, bp, ol);
		bp += ol;
		len -= ol;
	}
	return 0;
trunc:
	nd_print_trunc(nd);
	return 0;
}

static void pimv2_body(nd_t *nd, const uint8_t *bp, unsigned len,
                       const struct ip_ctx *ip)
{
	nd_proto(nd, "pimv2");
	if (len < 2) {
		nd_s(nd, "[length ");
		nd_u(nd, len);
		nd_s(nd, " < 2]");
		nd_print_invalid(nd);
		return;
	}
	unsigned tv = nd_u8(nd, bp), type = tv & 15;
	unsigned rsv = nd_u8(nd, bp + 1);
	unsigned alen = rsv & 15;
	if (alen)
		nd_s(nd, ", RFC2117-encoding");
	if (len < 4) {
		nd_s(nd, "[length ");
		nd_u(nd, len);
		nd_s(nd, " < 4]");
		nd_print_invalid(nd);
		return;
	}
	unsigned sum = nd_be16(nd, bp + 2);
	nd_s(nd, ", cksum 0x");
	out_x(nd->out, sum, 4);
	nd_c(nd, ' ');
	if (sum == 0) {
		nd_s(nd, "(unverified)");
	} else {
		int st;
		if (type == 1) {
			st = check_sum(nd, bp, 8, ip);
			if (st == 1)
				st = check_sum(nd, bp, len, ip);
		} else {
			st = check_sum(nd, bp, len, ip);
		}
		static const char *const sn[] = { "(correct)", "(incorrect)",
						  "(unverified)" };
		nd_s(nd, sn[st]);
	}
	const uint8_t *hdr = bp;
	bp += 4;
	len -= 4;
	switch (type) {
	case 0:
		hello(nd, bp, len, alen);
		return;
	case 1: {
		if (len < 4 || !nd_has(nd, bp, 4))
			goto trunc;
		uint32_t fl = nd_be32(nd, bp);
		const char *f = fl == 0x80000000u ? "Border"
				: fl == 0x40000000u ? "Null" : "none";
		nd_s(nd, ", Flags [ ");
		nd_s(nd, f);
		nd_s(nd, " ]\n\t");
		bp += 4;
		len -= 4;
		if (len == 0)
			goto trunc;
		unsigned v = nd_u8(nd, bp) >> 4;
		if (v == 0) {
			nd_need(nd, bp + 12, 8);
			nd_s(nd, "IP-Null-header ");
			put_ip4(nd, bp + 12);
			nd_s(nd, " > ");
			put_ip4(nd, bp + 16);
		} else if (v == 4) {
			ip_print(nd, bp, len);
		} else if (v == 6) {
			ip6_print(nd, bp, len);
		} else {
			nd_s(nd, "IP ver ");
			nd_u(nd, v);
		}
		return;
	}
	case 2:
		nd_s(nd, " group=");
		ADDR(A_GROUP);
		nd_s(nd, " source=");
		ADDR(A_UNICAST);
		return;
	case 3:
	case 6:
	case 7: {
		if (type != 7) {
			nd_s(nd, ", upstream-neighbor: ");
			ADDR(A_UNICAST);
		}
		if (len < 4)
			goto trunc;
		if (!nd_has(nd, bp, 4))
			goto trunc;
		unsigned ngroup = bp[1], hold = nd_be16(nd, bp + 2);
		nd_s(nd, "\n\t  ");
		nd_u(nd, ngroup);
		nd_s(nd, " group(s)");
		if (type != 7) {
			nd_s(nd, ", holdtime: ");
			if (hold == 0xffff)
				nd_s(nd, "infinite");
			else
				put_relts_unsigned(nd, hold);
		}
		bp += 4;
		len -= 4;
		for (unsigned i = 0; i < ngroup; i++) {
			nd_s(nd, "\n\t    group #");
			nd_u(nd, i + 1);
			nd_s(nd, ": ");
			ADDR(A_GROUP);
			if (len < 4)
				goto trunc;
			if (!nd_has(nd, bp, 4))
				goto trunc;
			unsigned nj = nd_be16(nd, bp), np = nd_be16(nd, bp + 2);
			nd_s(nd, ", joined sources: ");
			nd_u(nd, nj);
			nd_s(nd, ", pruned sources: ");
			nd_u(nd, np);
			bp += 4;
			len -= 4;
			for (unsigned j = 0; j < nj; j++) {
				nd_s(nd, "\n\t      joined source #");
				nd_u(nd, j + 1);
				nd_s(nd, ": ");
				ADDR(A_SOURCE);
			}
			for (unsigned j = 0; j < np; j++) {
				nd_s(nd, "\n\t      pruned source #");
				nd_u(nd, j + 1);
				nd_s(nd, ": ");
				ADDR(A_SOURCE);
			}
		}
		return;
	}
	case 4: {
		if (len < 2)
			goto trunc;
		{
			unsigned v0 = nd_be16(nd, bp);
			nd_s(nd, " tag=");
			out_x(nd->out, v0, 0);
		}
		bp += 2;
		len -= 2;
		if (len < 1)
			goto trunc;
		{
			unsigned v0 = nd_u8(nd, bp);
			nd_s(nd, " hashmlen=");
			nd_u(nd, v0);
		}
		if (len < 2)
			goto trunc;
		if (!nd_has(nd, bp + 2, 1))
			goto trunc;
		nd_s(nd, " BSRprio=");
		nd_u(nd, bp[1]);
		bp += 2;
		len -= 2;
		nd_s(nd, " BSR=");
		ADDR(A_UNICAST);
		for (unsigned i = 0; len > 0; i++) {
			nd_s(nd, " (group");
			nd_u(nd, i);
			nd_s(nd, ": ");
			ADDR(A_GROUP);
			if (len < 1)
				goto trunc;
			{
				unsigned v0 = nd_u8(nd, bp);
				nd_s(nd, " RPcnt=");
				nd_u(nd, v0);
			}
			if (len < 2)
				goto trunc;
			unsigned frp = nd_u8(nd, bp + 1);
			nd_s(nd, " FRPcnt=");
			nd_u(nd, frp);
			if (len < 4)
				goto trunc;
			bp += 4;
			len -= 4;
			for (unsigned j = 0; j < frp && len > 0; j++) {
				nd_s(nd, " RP");
				nd_u(nd, j);
				nd_c(nd, '=');
				ADDR(A_UNICAST);
				if (len < 2)
					goto trunc;
				nd_s(nd, ",holdtime=");
				put_relts_unsigned(nd, nd_be16(nd, bp));
				if (len < 3)
					goto trunc;
				{
					unsigned v0 = nd_u8(nd, bp + 2);
					nd_s(nd, ",prio=");
					nd_u(nd, v0);
				}
				if (len < 4)
					goto trunc;
				bp += 4;
				len -= 4;
			}
			nd_c(nd, ')');
		}
		return;
	}
	case 5:
		nd_s(nd, " group=");
		ADDR(A_GROUP);
		nd_s(nd, " src=");
		ADDR(A_UNICAST);
		if (len < 8)
			goto trunc;
		if (!nd_has(nd, bp, 8))
			goto trunc;
		if (bp[0] & 0x80)
			nd_s(nd, " RPT");
		{
			unsigned v0 = nd_be32(nd, bp) & 0x7fffffffu;
			nd_s(nd, " pref=");
			nd_u(nd, v0);
		}
		{
			unsigned v0 = nd_be32(nd, bp + 4);
			nd_s(nd, " metric=");
			nd_u(nd, v0);
		}
		return;
	case 8: {
		if (len < 1)
			goto trunc;
		unsigned pfx = nd_u8(nd, bp);
		nd_s(nd, " prefix-cnt=");
		nd_u(nd, pfx);
		if (len < 2)
			goto trunc;
		{
			unsigned v0 = nd_u8(nd, bp + 1);
			nd_s(nd, " prio=");
			nd_u(nd, v0);
		}
		if (len < 4)
			goto trunc;
		nd_s(nd, " holdtime=");
		put_relts_unsigned(nd, nd_be16(nd, bp + 2));
		bp += 4;
		len -= 4;
		nd_s(nd, " RP=");
		ADDR(A_UNICAST);
		for (unsigned i = 0; i < pfx && len > 0; i++) {
			nd_s(nd, " Group");
			nd_u(nd, i);
			nd_c(nd, '=');
			ADDR(A_GROUP);
		}
		return;
	}
	case 9:
		nd_s(nd, " src=");
		ADDR(A_UNICAST);
		nd_s(nd, " grp=");
		ADDR(A_GROUP);
		nd_s(nd, " forwarder=");
		ADDR(A_UNICAST);
		if (len < 2)
			goto trunc;
		nd_s(nd, " TUNR ");
		put_relts_unsigned(nd, nd_be16(nd, bp));
		return;
	case 10: {
		unsigned sub = nd_u8(nd, hdr + 1) >> 4;
		static const char *const dn[] = { NULL, "Offer", "Winner",
						  "Backoff", "Pass" };
		nd_s(nd, "\n\t  ");
		nd_s(nd, sub >= 1 && sub <= 4 ? dn[sub] : "Unknown");
		nd_c(nd, ',');
		nd_s(nd, " rpa=");
		ADDR(A_UNICAST);
		{
			unsigned v0 = nd_be32(nd, bp);
			nd_s(nd, " sender pref=");
			nd_u(nd, v0);
		}
		{
			unsigned v0 = nd_be32(nd, bp + 4);
			nd_s(nd, " sender metric=");
			nd_u(nd, v0);
		}
		bp += 8;
		len -= 8;
		if (sub == 3 || sub == 4) {
			const char *w = sub == 3 ? "offer" : "new winner";
			nd_s(nd, "\n\t  ");
			nd_s(nd, w);
			nd_s(nd, " addr=");
			ADDR(A_UNICAST);
			{
				unsigned v0 = nd_be32(nd, bp);
				nd_c(nd, ' ');
				nd_s(nd, w);
				nd_s(nd, " pref=");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be32(nd, bp + 4);
				nd_c(nd, ' ');
				nd_s(nd, w);
				nd_s(nd, " metric=");
				nd_u(nd, v0);
			}
			bp += 8;
			len -= 8;
			if (sub == 3) {
				int v0 = nd_be16(nd, bp);
				nd_s(nd, " interval ");
				out_d(nd->out, v0);
				nd_s(nd, "ms");
			}
		}
		return;
	}
	default:
		nd_s(nd, " [type ");
		nd_u(nd, type);
		nd_c(nd, ']');
		return;
	}
trunc:
	nd_print_trunc(nd);
}

void pim_print(nd_t *nd, const uint8_t *bp, unsigned len,
               const struct ip_ctx *ip)
{
	nd_proto(nd, "pim");
	unsigned tv = nd_u8(nd, bp), ver = tv >> 4;
	if (ver != 2) {
		nd_s(nd, "PIMv");
		nd_u(nd, ver);
		nd_s(nd, ", length ");
		nd_u(nd, len);
		return;
	}
	if (!nd->opt->vflag) {
		{
			const char *v0 = type_name(tv & 15);
			nd_s(nd, "PIMv2, ");
			nd_s(nd, v0);
			nd_s(nd, ", length ");
			nd_u(nd, len);
		}
		return;
	}
	{
		const char *v0 = type_name(tv & 15);
		nd_s(nd, "PIMv2, length ");
		nd_u(nd, len);
		nd_s(nd, "\n\t");
		nd_s(nd, v0);
	}
	pimv2_body(nd, bp, len, ip);
}
