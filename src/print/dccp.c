/* dccp.c - Datagram Congestion Control Protocol (RFC 4340), IP protocol 33. */
#include "../core/names.h"
#include "print.h"

static const char *const pkt_types[] = {
	"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack",
	"DCCP-DataAck", "DCCP-CloseReq", "DCCP-Close", "DCCP-Reset",
	"DCCP-Sync", "DCCP-SyncAck",
};

static const char *const reset_codes[] = {
	"unspecified", "closed", "aborted", "no_connection", "packet_error",
	"option_error", "mandatory_error", "connection_refused",
	"bad_service_code", "too_busy", "bad_init_cookie",
	"aggression_penalty",
};

static const char *const features[] = {
	"reserved", "ccid", "allow_short_seqno", "sequence_window",
	"ecn_incapable", "ack_ratio", "send_ack_vector", "send_ndp_count",
	"minimum checksum coverage", "check data checksum",
};

static const char *opt_name(unsigned t)
{
	switch (t) {
	case 0: return "nop";
	case 1: return "mandatory";
	case 2: return "slowreceiver";
	case 32: return "change_l";
	case 33: return "confirm_l";
	case 34: return "change_r";
	case 35: return "confirm_r";
	case 36: return "initcookie";
	case 37: return "ndp_count";
	case 38: return "ack_vector0";
	case 39: return "ack_vector1";
	case 40: return "data_dropped";
	case 41: return "timestamp";
	case 42: return "timestamp_echo";
	case 43: return "elapsed_time";
	case 44: return "data_checksum";
	default: return NULL;
	}
}

static void put_opt_name(nd_t *nd, unsigned t)
{
	const char *n = opt_name(t);
	if (n)
		nd_s(nd, n);
	else
		nd_printf(nd, "Option %u", t);
}

static uint32_t sum16(const uint8_t *p, unsigned n)
{
	uint32_t s = 0;
	for (unsigned i = 0; i + 1 < n; i += 2)
		s += (uint32_t)(p[i] << 8 | p[i + 1]);
	return s;
}

/* Checksum with the pseudo-header over len, covering cov bytes. */
static uint16_t dccp_sum(const struct ip_ctx *ip, const uint8_t *p,
                         unsigned len, unsigned cov)
{
	uint32_t s;
	if (ip->ver == 6) {
		s = sum16(ip->src, 16) + sum16(ip->dst, 16);
		s += (len >> 16) + (len & 0xffff) + 33;
	} else {
		const uint8_t *dst = ip_final_dst(ip->hdr);
		s = sum16(ip->src, 4) + sum16(dst ? dst : ip->dst, 4);
		s += 33 + (len & 0xffff);
	}
	return in_cksum(p, cov, s);
}

/* Returns the option's length, 0 to stop. */
static unsigned option(nd_t *nd, const uint8_t *o, unsigned hlen)
{
	unsigned t = nd_u8(nd, o), ol = 1;
	if (t >= 32) {
		ol = nd_u8(nd, o + 1);
		if (ol < 2) {
			if (t >= 128)
				nd_printf(nd, "CCID option %u optlen too short", t);
			else {
				put_opt_name(nd, t);
				nd_s(nd, " optlen too short");
			}
			return 0;
		}
	}
	if (hlen < ol) {
		if (t >= 128)
			nd_printf(nd, "CCID option %u optlen goes past header length", t);
		else {
			put_opt_name(nd, t);
			nd_s(nd, " optlen goes past header length");
		}
		return 0;
	}
	if (!nd_has(nd, o, ol)) {
		nd_print_trunc(nd);
		return 0;
	}
	if (t >= 128) {
		nd_printf(nd, "CCID option %u", t);
		if (ol == 4)
			nd_printf(nd, " %u", nd_be16(nd, o + 2));
		else if (ol == 6)
			nd_printf(nd, " %u", nd_be32(nd, o + 2));
		return ol;
	}
	put_opt_name(nd, t);
	switch (t) {
	case 32: case 33: case 34: case 35:
		if (ol < 3) {
			nd_s(nd, " optlen too short");
			return ol;
		}
		if (o[2] < 10) {
			nd_c(nd, ' ');
			nd_s(nd, features[o[2]]);
			for (unsigned i = 0; i < ol - 3; i++)
				nd_printf(nd, " %u", o[3 + i]);
		}
		break;
	case 36: case 38: case 39: case 40:
		if (ol > 2) {
			nd_s(nd, " 0x");
			for (unsigned i = 0; i < ol - 2; i++)
				nd_printf(nd, "%02x", o[2 + i]);
		}
		break;
	case 37:
		for (unsigned i = 0; i < ol - 2; i++)
			nd_printf(nd, " %u", o[2 + i]);
		break;
	case 41:
		if (ol == 6)
			nd_printf(nd, " %u", nd_be32(nd, o + 2));
		else
			nd_s(nd, " [optlen != 6]");
		break;
	case 42:
		if (ol == 6) {
			nd_printf(nd, " %u", nd_be32(nd, o + 2));
		} else if (ol == 8) {
			nd_printf(nd, " %u", nd_be32(nd, o + 2));
			nd_printf(nd, " (elapsed time %u)", nd_be16(nd, o + 6));
		} else if (ol == 10) {
			nd_printf(nd, " %u", nd_be32(nd, o + 2));
			nd_printf(nd, " (elapsed time %u)", nd_be32(nd, o + 6));
		} else {
			nd_s(nd, " [optlen != 6 or 8 or 10]");
		}
		break;
	case 43:
		if (ol == 6)
			nd_printf(nd, " %u", nd_be32(nd, o + 2));
		else if (ol == 4)
			nd_printf(nd, " %u", nd_be16(nd, o + 2));
		else
			nd_s(nd, " [optlen != 4 or 6]");
		break;
	case 44:
		if (ol > 2) {
			nd_c(nd, ' ');
			for (unsigned i = 0; i < ol - 2; i++)
				nd_printf(nd, "%02x", o[2 + i]);
		}
		break;
	default:
		break;
	}
	return ol;
}

static void put_addr(nd_t *nd, const struct ip_ctx *ip, const uint8_t *a)
{
	if (ip->ver == 6)
		put_ip6(nd, a);
	else
		put_ip4(nd, a);
}

void dccp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip)
{
	nd_proto(nd, "dccp");
	if (!nd_has(nd, bp, 12)) {
		nd_print_trunc(nd);
		return;
	}
	if (len < 12) {
		nd_printf(nd, "truncated-dccp - %u bytes missing!", 12 - len);
		return;
	}
	int x = bp[8] & 1;
	unsigned fixed = x ? 16 : 12;
	if (len < fixed) {
		nd_printf(nd, "truncated-dccp - %u bytes missing!", fixed - len);
		return;
	}
	if (!nd_has(nd, bp, fixed)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned sport = nd_be16(nd, bp), dport = nd_be16(nd, bp + 2);
	unsigned hlen = bp[4] * 4u;
	put_addr(nd, ip, ip->src);
	nd_printf(nd, ".%u > ", sport);
	put_addr(nd, ip, ip->dst);
	nd_printf(nd, ".%u: DCCP", dport);
	if (nd->opt->qflag) {
		nd_printf(nd, " %u", len - hlen);
		if (hlen > len)
			nd_printf(nd, " [bad hdr length %u - too long, > %u]", hlen, len);
		return;
	}
	unsigned cscov = bp[5] & 15;
	if (nd->opt->vflag)
		nd_printf(nd, " (CCVal %u, CsCov %u", bp[5] >> 4, cscov);
	if (nd->opt->vflag && nd_has(nd, bp, len)) {
		unsigned field = nd_be16(nd, bp + 6);
		nd_printf(nd, ", cksum 0x%04x ", field);
		unsigned cov = len;
		if (cscov) {
			cov = (bp[4] + cscov - 1) * 4u;
			if (cov > len)
				cov = len;
		}
		uint16_t sum = dccp_sum(ip, bp, len, cov);
		if (sum) {
			uint32_t s = field + (uint32_t)sum;
			s = (s & 0xffff) + (s >> 16);
			nd_printf(nd, "(incorrect -> 0x%04x)", (unsigned)(s & 0xffff));
		} else {
			nd_s(nd, "(correct)");
		}
	}
	if (nd->opt->vflag)
		nd_c(nd, ')');
	nd_c(nd, ' ');
	unsigned type = (bp[8] >> 1) & 15;
	unsigned extra = 0;
	switch (type) {
	case 0: extra = 4; break;
	case 1: extra = 12; break;
	case 2: extra = 0; break;
	case 7: extra = 12; break;
	default: extra = type < 10 ? 8 : 0; break;
	}
	if (type < 10 && extra) {
		fixed += extra;
		if (len < fixed) {
			nd_printf(nd, "truncated-%s - %u bytes missing!",
				  pkt_types[type], fixed - len);
			return;
		}
	}
	if ((type == 0 || type == 1 || type == 7) && !nd_has(nd, bp, fixed)) {
		nd_print_trunc(nd); /* tcpdump checks the type's header itself */
		return;
	}
	const uint8_t *ext = bp + (x ? 16 : 12);
	if (type == 0 || type == 1) {
		nd_printf(nd, "%s (service=%u) ", pkt_types[type],
			  nd_be32(nd, bp + fixed - 4));
	} else if (type == 7) {
		unsigned code = nd_u8(nd, ext + 8);
		nd_printf(nd, "%s (code=%s) ", pkt_types[type],
			  code < 12 ? reset_codes[code] : "invalid");
	} else if (type < 10) {
		nd_printf(nd, "%s ", pkt_types[type]);
	} else {
		nd_printf(nd, "unknown-type-%u ", type);
	}
	if (type != 2 && type != 0) {
		uint64_t ack = x ? ((uint64_t)nd_be16(nd, ext + 2) << 32 |
				    nd_be32(nd, ext + 4))
				 : nd_be24(nd, ext + 1);
		nd_printf(nd, "(ack=%llu) ", (unsigned long long)ack);
	}
	if (nd->opt->vflag < 2)
		return;
	uint64_t seq = x ? ((uint64_t)nd_be16(nd, bp + 10) << 32 |
			    nd_be32(nd, bp + 12))
			 : nd_be24(nd, bp + 9);
	nd_printf(nd, "seq %llu", (unsigned long long)seq);
	if (hlen > fixed) {
		const uint8_t *cp = bp + fixed;
		nd_s(nd, " <");
		hlen -= fixed;
		for (;;) {
			unsigned ol = option(nd, cp, hlen);
			if (!ol || hlen <= ol)
				break;
			hlen -= ol;
			cp += ol;
			nd_s(nd, ", ");
		}
		nd_c(nd, '>');
	}
}
