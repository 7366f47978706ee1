/* babel.c - the Babel routing protocol (RFC 6126/8966), version 2, with
 * prefix compression, source-specific TLVs and sub-TLVs. */
#include <stdio.h>

#include "../core/names.h"
#include "print.h"

enum {
	PAD1, PADN, ACK_REQ, ACK, HELLO, IHU, ROUTER_ID, NH, UPDATE,
	ROUTE_REQUEST, SEQNO_REQUEST, TSPC, HMAC, UPDATE_SS, REQUEST_SS,
	MH_REQUEST_SS,
};

#define TRUNC (-1)
#define INVALID (-2)

static const uint8_t v4prefix[16] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0,
};

static void put_id(nd_t *nd, const uint8_t *id)
{
	for (int i = 0; i < 8; i++) {
		unsigned v = nd_u8(nd, id + i);
		if (i)
			nd_c(nd, ':');
		out_x2(nd->out, v);
	}
}

/* Addresses decoded into a local buffer; shown numerically. */
static void put_address(nd_t *nd, const uint8_t *a)
{
	char buf[64];
	if (memcmp(a, v4prefix, 12) == 0)
		fmt_ip4(buf, a + 12);
	else
		fmt_ip6(buf, a);
	nd_s(nd, buf);
}

static void put_prefix(nd_t *nd, const uint8_t *a, unsigned plen)
{
	char buf[64];
	if (plen >= 96 && memcmp(a, v4prefix, 12) == 0) {
		fmt_ip4(buf, a + 12);
		nd_s(nd, buf);
		nd_c(nd, '/');
		nd_u(nd, plen - 96);
	} else {
		fmt_ip6(buf, a);
		nd_s(nd, buf);
		nd_c(nd, '/');
		nd_u(nd, plen);
	}
}

static void put_interval(nd_t *nd, unsigned i)
{
	if (i == 0)
		nd_s(nd, "0.0s (bogus)");
	else {
		nd_u(nd, i / 100);
		nd_c(nd, '.');
		out_uw(nd->out, i % 100, 2, '0');
		nd_c(nd, 's');
	}
}

static void put_interval_update(nd_t *nd, unsigned i)
{
	if (i == 0xffff)
		nd_s(nd, "infinity");
	else
		put_interval(nd, i);
}

static void put_timestamp(nd_t *nd, uint32_t t)
{
	nd_u(nd, t / 1000000);
	nd_c(nd, '.');
	out_uw(nd->out, t % 1000000, 6, '0');
	nd_c(nd, 's');
}

/* Octets consumed from p, or -1 on an encoding error.  dp is the prefix
 * compression state (the previous prefix of that family). */
static int network_prefix(nd_t *nd, int ae, int plen, unsigned omitted,
                          const uint8_t *p, const uint8_t *dp, unsigned len,
                          uint8_t *out)
{
	unsigned pb;
	uint8_t prefix[16];
	int consumed = 0;
	if (plen >= 0)
		pb = ((unsigned)plen + 7) / 8;
	else if (ae == 1)
		pb = 4;
	else
		pb = 16;
	if (pb > 16)
		return -1;
	memset(prefix, 0, 16);
	switch (ae) {
	case 0:
		break;
	case 1:
		if (omitted > 4 || pb > 4 || (pb > omitted && len < pb - omitted))
			return -1;
		memcpy(prefix, v4prefix, 12);
		if (omitted) {
			if (dp == NULL)
				return -1;
			memcpy(prefix, dp, 12 + omitted);
		}
		if (pb > omitted) {
			nd_copy(nd, prefix + 12 + omitted, p, pb - omitted);
			consumed = (int)(pb - omitted);
		}
		break;
	case 2:
		if (omitted > 16 || (pb > omitted && len < pb - omitted))
			return -1;
		if (omitted) {
			if (dp == NULL)
				return -1;
			memcpy(prefix, dp, omitted);
		}
		if (pb > omitted) {
			nd_copy(nd, prefix + omitted, p, pb - omitted);
			consumed = (int)(pb - omitted);
		}
		break;
	case 3:
		if (pb > 8 && len < pb - 8)
			return -1;
		prefix[0] = 0xfe;
		prefix[1] = 0x80;
		if (pb > 8) {
			nd_copy(nd, prefix + 8, p, pb - 8);
			consumed = (int)(pb - 8);
		}
		break;
	default:
		return -1;
	}
	memcpy(out, prefix, 16);
	return consumed;
}

static int network_address(nd_t *nd, int ae, const uint8_t *a, unsigned len,
                           uint8_t *out)
{
	return network_prefix(nd, ae, -1, 0, a, NULL, len, out);
}

static void subtlvs(nd_t *nd, const uint8_t *cp, const uint8_t *ep,
                    unsigned tlv_type)
{
	while (cp < ep) {
		unsigned st = nd_u8(nd, cp++);
		if (st == 0) {
			nd_s(nd, " sub-pad1");
			continue;
		}
		if (st & 0x80)
			nd_s(nd, " (M)");
		if (cp == ep)
			goto invalid;
		unsigned sl = nd_u8(nd, cp++);
		if (cp + sl > ep)
			goto invalid;
		switch (st) {
		case 1:
			nd_s(nd, " sub-padn");
			cp += sl;
			break;
		case 2: {
			nd_s(nd, " sub-diversity");
			if (sl == 0) {
				nd_s(nd, " empty");
				break;
			}
			const char *sep = " ";
			while (sl) {
				unsigned c = nd_u8(nd, cp);
				nd_s(nd, sep);
				if (c == 0)
					nd_s(nd, "reserved");
				else if (c == 255)
					nd_s(nd, "all");
				else
					nd_u(nd, c);
				cp++;
				sep = "-";
				sl--;
			}
			if (tlv_type != UPDATE && tlv_type != UPDATE_SS)
				nd_s(nd, " (bogus)");
			break;
		}
		case 3:
			nd_s(nd, " sub-timestamp");
			if (tlv_type == HELLO) {
				if (sl < 4)
					goto invalid;
				nd_c(nd, ' ');
				put_timestamp(nd, nd_be32(nd, cp));
			} else if (tlv_type == IHU) {
				if (sl < 8)
					goto invalid;
				nd_c(nd, ' ');
				put_timestamp(nd, nd_be32(nd, cp));
				nd_c(nd, '|');
				put_timestamp(nd, nd_be32(nd, cp + 4));
			} else {
				nd_s(nd, " (bogus)");
			}
			cp += sl;
			break;
		default:
			nd_s(nd, " sub-unknown-0x");
			out_x2(nd->out, st);
			cp += sl;
			break;
		}
	}
	return;
invalid:
	nd_print_invalid(nd);
}

static int tlvs(nd_t *nd, const uint8_t *cp, unsigned tlvs_len,
                unsigned remaining)
{
	uint8_t v4_prefix[16], v6_prefix[16];
	memcpy(v4_prefix, v4prefix, 16);
	memset(v6_prefix, 0, 16);
	int v = nd->opt->vflag != 0;
	unsigned i = 0;
#define ICHECK(l) if (i + (l) > tlvs_len || i + (l) > remaining) return INVALID
	while (i < tlvs_len) {
		const uint8_t *m = cp + i;
		ICHECK(1);
		unsigned type = nd_u8(nd, m);
		if (type == PAD1) {
			nd_s(nd, v ? "\n\tPad 1" : " pad1");
			i++;
			continue;
		}
		ICHECK(2);
		if (!nd_has(nd, m, 2))
			return TRUNC;
		unsigned len = m[1];
		ICHECK(2 + len);
		if (!nd_has(nd, m, 2 + len))
			return TRUNC;
		uint8_t prefix[16], src[16];
		int rc;
		switch (type) {
		case PADN:
			if (!v)
				nd_s(nd, " padN");
			else {
				nd_s(nd, "\n\tPad ");
				nd_u(nd, len + 2);
			}
			break;
		case ACK_REQ:
			if (!v) {
				nd_s(nd, " ack-req");
				break;
			}
			nd_s(nd, "\n\tAcknowledgment Request ");
			if (len < 6)
				return INVALID;
			out_x(nd->out, nd_be16(nd, m + 4), 4);
			nd_c(nd, ' ');
			put_interval(nd, nd_be16(nd, m + 6));
			break;
		case ACK:
			if (!v) {
				nd_s(nd, " ack");
				break;
			}
			nd_s(nd, "\n\tAcknowledgment ");
			if (len < 2)
				return INVALID;
			out_x(nd->out, nd_be16(nd, m + 2), 4);
			break;
		case HELLO: {
			if (!v) {
				nd_s(nd, " hello");
				break;
			}
			nd_s(nd, "\n\tHello ");
			if (len < 6)
				return INVALID;
			if (nd_be16(nd, m + 2) & 0x8000)
				nd_s(nd, "(Unicast) ");
			{
				unsigned v0 = nd_be16(nd, m + 4);
				nd_s(nd, "seqno ");
				nd_u(nd, v0);
				nd_c(nd, ' ');
			}
			unsigned iv = nd_be16(nd, m + 6);
			if (iv) {
				nd_s(nd, "interval ");
				put_interval(nd, iv);
			} else {
				nd_s(nd, "unscheduled");
			}
			if (len > 6)
				subtlvs(nd, m + 8, m + 2 + len, type);
			break;
		}
		case IHU: {
			if (!v) {
				nd_s(nd, " ihu");
				break;
			}
			nd_s(nd, "\n\tIHU ");
			if (len < 6)
				return INVALID;
			unsigned ae = m[2];
			rc = network_address(nd, (int)ae, m + 8, len - 6, prefix);
			if (rc < 0) {
				nd_print_trunc(nd);
				break;
			}
			if (ae == 0)
				nd_s(nd, "any");
			else
				put_address(nd, prefix);
			{
				unsigned v0 = nd_be16(nd, m + 4);
				nd_s(nd, " rxcost ");
				nd_u(nd, v0);
				nd_s(nd, " interval ");
			}
			put_interval(nd, nd_be16(nd, m + 6));
			if ((unsigned)rc < len - 6)
				subtlvs(nd, m + 8 + rc, m + 2 + len, type);
			break;
		}
		case ROUTER_ID:
			if (!v) {
				nd_s(nd, " router-id");
				break;
			}
			nd_s(nd, "\n\tRouter Id");
			if (len < 10)
				return INVALID;
			nd_c(nd, ' ');
			put_id(nd, m + 4);
			break;
		case NH: {
			if (!v) {
				nd_s(nd, " nh");
				break;
			}
			nd_s(nd, "\n\tNext Hop");
			if (len < 2)
				return INVALID;
			unsigned ae = m[2];
			rc = network_address(nd, (int)ae, m + 4, len - 2, prefix);
			if (rc < 0)
				return INVALID;
			nd_c(nd, ' ');
			if (ae == 0)
				nd_s(nd, "invalid AE 0");
			else
				put_address(nd, prefix);
			break;
		}
		case UPDATE: {
			unsigned fl = len >= 2 ? m[3] : 0;
			if (!v) {
				nd_s(nd, " update");
				if (len < 10)
					return INVALID;
				nd_s(nd, (fl & 0x80) ? "/prefix" : "");
				nd_s(nd, (fl & 0x40) ? "/id" : "");
				nd_s(nd, (fl & 0x3f) ? "/unknown" : "");
				break;
			}
			nd_s(nd, "\n\tUpdate");
			if (len < 10)
				return INVALID;
			unsigned ae = m[2], plen = m[4] + (ae == 1 ? 96 : 0);
			rc = network_prefix(nd, (int)ae, m[4], m[5], m + 12,
					    ae == 1 ? v4_prefix : v6_prefix, len - 10, prefix);
			if (rc < 0)
				return INVALID;
			nd_s(nd, (fl & 0x80) ? "/prefix" : "");
			nd_s(nd, (fl & 0x40) ? "/id" : "");
			nd_s(nd, (fl & 0x3f) ? "/unknown" : "");
			nd_c(nd, ' ');
			if (ae == 0)
				nd_s(nd, "any");
			else
				put_prefix(nd, prefix, plen & 0xff);
			{
				unsigned v0 = nd_be16(nd, m + 10);
				unsigned v1 = nd_be16(nd, m + 8);
				nd_s(nd, " metric ");
				nd_u(nd, v0);
				nd_s(nd, " seqno ");
				nd_u(nd, v1);
				nd_s(nd, " interval ");
			}
			put_interval_update(nd, nd_be16(nd, m + 6));
			if (fl & 0x80)
				memcpy(ae == 1 ? v4_prefix : v6_prefix, prefix, 16);
			if ((unsigned)rc < len - 10)
				subtlvs(nd, m + 12 + rc, m + 2 + len, type);
			break;
		}
		case ROUTE_REQUEST: {
			if (!v) {
				nd_s(nd, " route-request");
				break;
			}
			nd_s(nd, "\n\tRoute Request ");
			if (len < 2)
				return INVALID;
			unsigned ae = m[2], plen = m[3] + (ae == 1 ? 96 : 0);
			rc = network_prefix(nd, (int)ae, m[3], 0, m + 4, NULL, len - 2, prefix);
			if (rc < 0)
				return INVALID;
			nd_s(nd, "for ");
			if (ae == 0)
				nd_s(nd, "any");
			else
				put_prefix(nd, prefix, plen & 0xff);
			break;
		}
		case SEQNO_REQUEST: {
			if (!v) {
				nd_s(nd, " seqno-request");
				break;
			}
			nd_s(nd, "\n\tSeqno Request ");
			if (len < 14)
				return INVALID;
			unsigned ae = m[2];
			rc = network_prefix(nd, (int)ae, m[3], 0, m + 16, NULL, len - 14,
					    prefix);
			if (rc < 0)
				return INVALID;
			unsigned plen = m[3] + (ae == 1 ? 96 : 0);
			nd_c(nd, '(');
			nd_u(nd, m[6]);
			nd_s(nd, " hops) for ");
			if (ae == 0)
				nd_s(nd, "invalid AE 0");
			else
				put_prefix(nd, prefix, plen & 0xff);
			{
				unsigned v0 = nd_be16(nd, m + 4);
				nd_s(nd, " seqno ");
				nd_u(nd, v0);
				nd_s(nd, " id ");
			}
			put_id(nd, m + 8);
			break;
		}
		case TSPC:
			if (!v) {
				nd_s(nd, " tspc");
				break;
			}
			nd_s(nd, "\n\tTS/PC ");
			if (len < 6)
				return INVALID;
			{
				unsigned v0 = nd_be32(nd, m + 4);
				unsigned v1 = nd_be16(nd, m + 2);
				nd_s(nd, "timestamp ");
				nd_u(nd, v0);
				nd_s(nd, " packetcounter ");
				nd_u(nd, v1);
			}
			break;
		case HMAC:
			if (!v) {
				nd_s(nd, " hmac");
				break;
			}
			nd_s(nd, "\n\tHMAC ");
			if (len < 18)
				return INVALID;
			{
				unsigned v0 = nd_be16(nd, m + 2);
				nd_s(nd, "key-id ");
				nd_u(nd, v0);
				nd_s(nd, " digest-");
				nd_u(nd, len - 2);
				nd_c(nd, ' ');
			}
			for (unsigned j = 0; j < len - 2; j++)
				out_xu(nd->out, nd_u8(nd, m + j + 4), 2);
			break;
		case UPDATE_SS: {
			if (!v) {
				nd_s(nd, " ss-update");
				break;
			}
			nd_s(nd, "\n\tSS-Update");
			if (len < 10)
				return INVALID;
			unsigned ae = m[2], splen = m[3], plen = m[4], om = m[5];
			unsigned parsed = 10;
			rc = network_prefix(nd, (int)ae, (int)plen, om, m + 2 + parsed,
					    ae == 1 ? v4_prefix : v6_prefix, len - parsed,
					    prefix);
			if (rc < 0)
				return INVALID;
			if (ae == 1)
				plen += 96;
			parsed += (unsigned)rc;
			rc = network_prefix(nd, (int)ae, (int)splen, 0, m + 2 + parsed, NULL,
					    len - parsed, src);
			if (rc < 0)
				return INVALID;
			if (ae == 1)
				splen += 96;
			parsed += (unsigned)rc;
			nd_c(nd, ' ');
			put_prefix(nd, prefix, plen & 0xff);
			nd_s(nd, " from ");
			put_prefix(nd, src, splen & 0xff);
			{
				unsigned v0 = nd_be16(nd, m + 10);
				unsigned v1 = nd_be16(nd, m + 8);
				nd_s(nd, " metric ");
				nd_u(nd, v0);
				nd_s(nd, " seqno ");
				nd_u(nd, v1);
				nd_s(nd, " interval ");
			}
			put_interval_update(nd, nd_be16(nd, m + 6));
			if (parsed < len)
				subtlvs(nd, m + 2 + parsed, m + 2 + len, type);
			break;
		}
		case REQUEST_SS: {
			if (!v) {
				nd_s(nd, " ss-request");
				break;
			}
			nd_s(nd, "\n\tSS-Request ");
			if (len < 3)
				return INVALID;
			unsigned ae = m[2], plen = m[3], splen = m[4], parsed = 3;
			rc = network_prefix(nd, (int)ae, (int)plen, 0, m + 2 + parsed, NULL,
					    len - parsed, prefix);
			if (rc < 0)
				return INVALID;
			if (ae == 1)
				plen += 96;
			parsed += (unsigned)rc;
			rc = network_prefix(nd, (int)ae, (int)splen, 0, m + 2 + parsed, NULL,
					    len - parsed, src);
			if (rc < 0)
				return INVALID;
			if (ae == 1)
				splen += 96;
			if (ae == 0) {
				nd_s(nd, "for any");
			} else {
				nd_s(nd, "for (");
				put_prefix(nd, prefix, plen & 0xff);
				nd_s(nd, ", ");
				put_prefix(nd, src, splen & 0xff);
				nd_c(nd, ')');
			}
			break;
		}
		case MH_REQUEST_SS: {
			if (!v) {
				nd_s(nd, " ss-mh-request");
				break;
			}
			nd_s(nd, "\n\tSS-MH-Request ");
			if (len < 14)
				return INVALID;
			unsigned ae = m[2], plen = m[3], hopc = m[6], splen = m[7];
			unsigned seqno = nd_be16(nd, m + 4), parsed = 14;
			rc = network_prefix(nd, (int)ae, (int)plen, 0, m + 2 + parsed, NULL,
					    len - parsed, prefix);
			if (rc < 0)
				return INVALID;
			if (ae == 1)
				plen += 96;
			parsed += (unsigned)rc;
			rc = network_prefix(nd, (int)ae, (int)splen, 0, m + 2 + parsed, NULL,
					    len - parsed, src);
			if (rc < 0)
				return INVALID;
			if (ae == 1)
				splen += 96;
			nd_c(nd, '(');
			nd_u(nd, hopc);
			nd_s(nd, " hops) for (");
			put_prefix(nd, prefix, plen & 0xff);
			nd_s(nd, ", ");
			put_prefix(nd, src, splen & 0xff);
			nd_s(nd, ") seqno ");
			nd_u(nd, seqno);
			nd_s(nd, " id ");
			put_id(nd, m + 8);
			break;
		}
		case 16: /* MAC */
			if (!v)
				nd_s(nd, " mac");
			else {
				nd_s(nd, "\n\tMAC len ");
				nd_u(nd, len);
			}
			break;
		case 17: /* PC */
			if (!v) {
				nd_s(nd, " pc");
				break;
			}
			if (len < 4)
				return INVALID;
			{
				unsigned v0 = nd_be32(nd, m + 2);
				nd_s(nd, "\n\tPC value ");
				nd_u(nd, v0);
				nd_s(nd, " index len ");
				nd_u(nd, len - 4);
			}
			break;
		default:
			if (!v)
				nd_s(nd, " unknown");
			else {
				nd_s(nd, "\n\tUnknown message type ");
				nd_u(nd, type);
			}
			break;
		}
		i += len + 2;
	}
#undef ICHECK
	return 0;
}

void babel_print(nd_t *nd, const uint8_t *cp, unsigned length,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "babel");
	nd_s(nd, "babel");
	if (!nd_has(nd, cp, 4)) {
		nd_print_trunc(nd);
		return;
	}
	if (cp[0] != 42) {
		nd_s(nd, " invalid header");
		return;
	}
	nd_c(nd, ' ');
	nd_u(nd, cp[1]);
	if (cp[1] != 2) {
		nd_s(nd, " unknown version");
		return;
	}
	if (length < 4) {
		nd_print_invalid(nd);
		return;
	}
	unsigned body = nd_be16(nd, cp + 2);
	nd_s(nd, " (");
	nd_u(nd, body);
	nd_c(nd, ')');
	length -= 4;
	cp += 4;
	if (length < body) {
		nd_print_invalid(nd);
		return;
	}
	int r = tlvs(nd, cp, body, length);
	if (r == 0) {
		length -= body;
		cp += body;
		if (length != 0) {
			nd_s(nd, nd->opt->vflag ? "\n\t----" : " |");
			r = tlvs(nd, cp, length, length);
		}
	}
	if (r == TRUNC)
		nd_print_trunc(nd);
	else if (r == INVALID)
		nd_print_invalid(nd);
}
