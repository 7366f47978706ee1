/* dccp.c - Datagram Congestion Control Protocol (RFC 4340). */
#include "../core/names.h"
#include "print.h"

static const char *const type_names[] = {
	"DCCP-Request", "DCCP-Response", "DCCP-Data", "DCCP-Ack",
	"DCCP-DataAck", "DCCP-CloseReq", "DCCP-Close", "DCCP-Reset",
	"DCCP-Sync", "DCCP-SyncAck",
};

static const char *const reset_codes[] = {
	"unspecified", "closed", "aborted", "no_connection", "packet_error",
	"option_error", "mandatory_error", "connection_refused",
	"bad_service_code", "too_busy", "bad_init_cookie", "aggression_penalty",
};

static const char *const feature_names[] = {
	NULL, "ccid", "allow_short_seqno", "sequence_window", "ecn_incapable",
	"ack_ratio", "send_ack_vector", "send_ndp_count",
	"minimum checksum coverage", "check data checksum",
};

static uint64_t be48(nd_t *nd, const uint8_t *p)
{
	return (uint64_t)nd_be16(nd, p) << 32 | nd_be32(nd, p + 2);
}


static const char *const opt_names[] = { "change_l", "confirm_l", "change_r",
	"confirm_r", "initcookie", "ndp_count", "ack_vector0", "ack_vector1",
	"data_dropped", "timestamp", "timestamp_echo", "elapsed_time",
	"data_checksum" };

static void opt_name(nd_t *nd, unsigned type)
{
	if (type == 0)
		nd_s(nd, "nop");
	else if (type == 1)
		nd_s(nd, "mandatory");
	else if (type == 2)
		nd_s(nd, "slowreceiver");
	else if (type >= 32 && type <= 44)
		nd_s(nd, opt_names[type - 32]);
	else if (type >= 128) {
		nd_s(nd, "CCID option ");
		nd_u(nd, type);
	} else {
		nd_s(nd, "Option ");
		nd_u(nd, type);
	}
}

/* One option; returns its length, or 0 after printing why the walk stops
 * (a truncated option body is reported here; a missing type or length
 * byte unwinds). */
static unsigned option(nd_t *nd, const uint8_t *p, unsigned room)
{
	unsigned type = nd_u8(nd, p), len;
	if (type >= 32) {
		len = nd_u8(nd, p + 1);
		if (len < 2) {
			opt_name(nd, type);
			nd_s(nd, " optlen too short");
			return 0;
		}
	} else {
		len = 1;
	}
	if (len > room) {
		opt_name(nd, type);
		nd_s(nd, " optlen goes past header length");
		return 0;
	}
	if (!nd_has(nd, p, len)) {
		nd_print_trunc(nd);
		return 0;
	}
	if (type >= 128) {
		nd_s(nd, "CCID option ");
		nd_u(nd, type);
		switch (len) {
		case 4: nd_printf(nd, " %u", nd_be16(nd, p + 2)); break;
		case 6: nd_printf(nd, " %u", nd_be32(nd, p + 2)); break;
		default: break;
		}
		return len;
	}
	switch (type) {
	case 0: nd_s(nd, "nop"); break;
	case 1: nd_s(nd, "mandatory"); break;
	case 2: nd_s(nd, "slowreceiver"); break;
	case 32: case 33: case 34: case 35: {
		static const char *const n[] = { "change_l", "confirm_l",
						  "change_r", "confirm_r" };
		nd_s(nd, n[type - 32]);
		if (len < 3) {
			nd_s(nd, " optlen too short");
			break;
		}
		unsigned f = p[2];
		if (f < 10) {
			nd_c(nd, ' ');
			nd_s(nd, f ? feature_names[f] : "reserved");
			for (unsigned i = 3; i < len; i++) {
				nd_c(nd, ' ');
				nd_u(nd, p[i]);
			}
		}
		break;
	}
	case 36:
		nd_s(nd, "initcookie");
		if (len > 2) {
			nd_s(nd, " 0x");
			for (unsigned i = 2; i < len; i++)
				out_x2(nd->out, p[i]);
		}
		break;
	case 37:
		nd_s(nd, "ndp_count");
		for (unsigned i = 2; i < len; i++) {
			nd_c(nd, ' ');
			nd_u(nd, p[i]);
		}
		break;
	case 38: case 39:
		nd_s(nd, type == 38 ? "ack_vector0" : "ack_vector1");
		if (len > 2) {
			nd_s(nd, " 0x");
			for (unsigned i = 2; i < len; i++)
				out_x2(nd->out, p[i]);
		}
		break;
	case 40:
		nd_s(nd, "data_dropped");
		if (len > 2) {
			nd_s(nd, " 0x");
			for (unsigned i = 2; i < len; i++)
				out_x2(nd->out, p[i]);
		}
		break;
	case 41:
		nd_s(nd, "timestamp");
		if (len == 6) {
			unsigned v0 = nd_be32(nd, p + 2);
			nd_c(nd, ' ');
			nd_u(nd, v0);
		} else
			nd_s(nd, " [optlen != 6]");
		break;
	case 42:
		nd_s(nd, "timestamp_echo");
		switch (len) {
		case 6:
			{
				unsigned v0 = nd_be32(nd, p + 2);
				nd_c(nd, ' ');
				nd_u(nd, v0);
			}
			break;
		case 8:
			{
				unsigned v0 = nd_be32(nd, p + 2);
				nd_c(nd, ' ');
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, p + 6);
				nd_s(nd, " (elapsed time ");
				nd_u(nd, v0);
				nd_c(nd, ')');
			}
			break;
		case 10:
			{
				unsigned v0 = nd_be32(nd, p + 2);
				nd_c(nd, ' ');
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be32(nd, p + 6);
				nd_s(nd, " (elapsed time ");
				nd_u(nd, v0);
				nd_c(nd, ')');
			}
			break;
		default:
			nd_s(nd, " [optlen != 6 or 8 or 10]");
			break;
		}
		break;
	case 43:
		nd_s(nd, "elapsed_time");
		if (len == 6) {
			unsigned v0 = nd_be32(nd, p + 2);
			nd_c(nd, ' ');
			nd_u(nd, v0);
		} else if (len == 4) {
			unsigned v0 = nd_be16(nd, p + 2);
			nd_c(nd, ' ');
			nd_u(nd, v0);
		} else
			nd_s(nd, " [optlen != 4 or 6]");
		break;
	case 44:
		nd_s(nd, "data_checksum");
		if (len > 2) {
			nd_s(nd, " ");
			for (unsigned i = 2; i < len; i++)
				out_x2(nd->out, p[i]);
		}
		break;
	default:
		nd_s(nd, "Option ");
		nd_u(nd, type);
		break;
	}
	return len;
}

void dccp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip)
{
	nd_proto(nd, "dccp");
	const struct options *opt = nd->opt;
	/* the generic header, with its extended sequence number */
	if (!nd_has(nd, bp, 12) || ((bp[8] & 1) && !nd_has(nd, bp, 16))) {
		nd_print_trunc(nd);
		return;
	}
	unsigned sport = nd_be16(nd, bp), dport = nd_be16(nd, bp + 2);
	unsigned hlen = nd_u8(nd, bp + 4) * 4u;
	if (len < 8) {
		nd_s(nd, "truncated-dccp - ");
		nd_u(nd, 8 - len);
		nd_s(nd, " bytes missing!");
		return;
	}
	if (ip->nh == 33) {
		put_ip_addr(nd, ip, ip->src);
		nd_c(nd, '.');
		nd_u(nd, sport);
		nd_s(nd, " > ");
		put_ip_addr(nd, ip, ip->dst);
		nd_c(nd, '.');
		nd_u(nd, dport);
		nd_s(nd, ": ");
	} else {
		nd_u(nd, sport);
		nd_s(nd, " > ");
		nd_u(nd, dport);
		nd_s(nd, ": ");
	}
	nd_s(nd, "DCCP");
	if (opt->qflag) {
		nd_printf(nd, " %u", len - hlen); /* wraps, as in tcpdump */
		if (hlen > len) {
			nd_s(nd, " [bad hdr length ");
			nd_u(nd, hlen);
			nd_s(nd, " - too long, > ");
			nd_u(nd, len);
			nd_c(nd, ']');
		}
		return;
	}
	unsigned ccval = nd_u8(nd, bp + 5) >> 4, cscov = nd_u8(nd, bp + 5) & 15;
	if (opt->vflag) {
		nd_s(nd, " (CCVal ");
		nd_u(nd, ccval);
		nd_s(nd, ", CsCov ");
		nd_u(nd, cscov);
		if (!ip->fragmented && nd_has(nd, bp, len)) {
			unsigned cov = len;
			if (cscov) {
				cov = (nd_u8(nd, bp + 4) + cscov - 1) * 4u;
				if (cov > len)
					cov = len;
			}
			/* the pseudo-header carries the whole length */
			uint32_t s = 0;
			unsigned alen = ip->ver == 6 ? 16 : 4;
			for (unsigned i = 0; i < alen; i += 2)
				s += (uint32_t)(ip->src[i] << 8 | ip->src[i + 1]) +
				     (uint32_t)(ip->dst[i] << 8 | ip->dst[i + 1]);
			s += (len >> 16) + (len & 0xffff) + 33;
			uint16_t sum = in_cksum(bp, cov, s);
			unsigned got = nd_be16(nd, bp + 6);
			nd_s(nd, ", cksum 0x");
			out_x(nd->out, got, 4);
			nd_c(nd, ' ');
			if (sum) {
				uint32_t should = (uint32_t)got + sum;
				should = (should & 0xffff) + (should >> 16);
				nd_s(nd, "(incorrect -> 0x");
				out_x(nd->out, (unsigned)(should & 0xffff), 4);
				nd_c(nd, ')');
			} else {
				nd_s(nd, "(correct)");
			}
		}
		nd_c(nd, ')');
	}
	nd_c(nd, ' ');

	unsigned type = (nd_u8(nd, bp + 8) >> 1) & 15;
	int x = nd_u8(nd, bp + 8) & 1;
	unsigned fixed = x ? 16 : 12; /* generic header, 48 or 24-bit seq */
	/* what follows the generic header is laid out with the 8-byte
	 * acknowledgement subheader, whatever X says (as tcpdump does) */
	const uint8_t *ack = bp + fixed;
	unsigned extlen;
	switch (type) {
	case 0: extlen = fixed + 4; break;
	case 1: case 7: extlen = fixed + 8 + 4; break;
	case 2: extlen = fixed; break;
	case 3: case 4: case 5: case 6: case 8: case 9: extlen = fixed + 8; break;
	default: extlen = fixed; break;
	}
	if (type <= 9 && len < extlen) {
		nd_s(nd, "truncated-");
		nd_s(nd, type_names[type]);
		nd_s(nd, " - ");
		nd_u(nd, extlen - len);
		nd_s(nd, " bytes missing!");
		return;
	}
	switch (type) {
	case 0:
		if (!nd_has(nd, bp + fixed, 4)) { /* marked, not unwound, as tcpdump */
			nd_print_trunc(nd);
			return;
		}
		{
			unsigned v0 = nd_be32(nd, bp + fixed);
			nd_s(nd, type_names[type]);
			nd_s(nd, " (service=");
			nd_u(nd, v0);
			nd_s(nd, ") ");
		}
		break;
	case 1:
		if (!nd_has(nd, bp + fixed + 8, 4)) { /* marked, not unwound */
			nd_print_trunc(nd);
			return;
		}
		{
			unsigned v0 = nd_be32(nd, bp + fixed + 8);
			nd_s(nd, type_names[type]);
			nd_s(nd, " (service=");
			nd_u(nd, v0);
			nd_s(nd, ") ");
		}
		break;
	case 7: {
		if (!nd_has(nd, bp + fixed + 8, 4)) { /* marked, not unwound */
			nd_print_trunc(nd);
			return;
		}
		unsigned code = nd_u8(nd, bp + fixed + 8);
		nd_s(nd, type_names[type]);
		nd_s(nd, " (code=");
		nd_s(nd, code < 12 ? reset_codes[code] : "invalid");
		nd_s(nd, ") ");
		break;
	}
	default:
		if (type <= 9) {
			nd_s(nd, type_names[type]);
			nd_c(nd, ' ');
		} else {
			nd_s(nd, "unknown-type-");
			nd_u(nd, type);
			nd_c(nd, ' ');
		}
		break;
	}
	if (type != 0 && type != 2) {
		uint64_t a = x ? be48(nd, ack + 2) : nd_be24(nd, ack + 1);
		nd_s(nd, "(ack=");
		nd_u(nd, (unsigned long long)a);
		nd_s(nd, ") ");
	}
	if (opt->vflag < 2)
		return;
	uint64_t seq = x ? be48(nd, bp + 10) : nd_be24(nd, bp + 9);
	nd_s(nd, "seq ");
	nd_u(nd, (unsigned long long)seq);
	if (hlen > extlen) {
		const uint8_t *p = bp + extlen;
		unsigned room = hlen - extlen;
		nd_s(nd, " <");
		for (;;) {
			unsigned ol = option(nd, p, room);
			if (ol == 0)
				break;
			p += ol;
			room -= ol;
			if (room == 0)
				break;
			nd_s(nd, ", ");
		}
		nd_c(nd, '>');
	}
}
