/* eigrp.c - Cisco Enhanced Interior Gateway Routing Protocol (RFC 7868),
 * IP protocol 88. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const char *opcode_name(unsigned op)
{
	switch (op) {
	case 1: return "Update";
	case 3: return "Query";
	case 4: return "Reply";
	case 5: return "Hello";
	case 6: return "IPX SAP";
	case 7: return "Probe";
	default: return NULL;
	}
}

static const char *tlv_name(unsigned t)
{
	switch (t) {
	case 0x0001: return "General Parameters";
	case 0x0002: return "Authentication";
	case 0x0003: return "Sequence";
	case 0x0004: return "Software Version";
	case 0x0005: return "Next Multicast Sequence";
	case 0x0102: return "IP Internal routes";
	case 0x0103: return "IP External routes";
	case 0x0202: return "AppleTalk Internal routes";
	case 0x0203: return "AppleTalk External routes";
	case 0x0204: return "AppleTalk Cable setup";
	case 0x0302: return "IPX Internal routes";
	case 0x0303: return "IPX External routes";
	default: return "Unknown";
	}
}

static const char *ext_proto(unsigned p)
{
	static const char *const n[] = {
		NULL, "IGRP", "EIGRP", "Static", "RIP", "Hello", "OSPF",
		"IS-IS", "EGP", "BGP", "IDRP", "Connected",
	};
	return p >= 1 && p <= 11 ? n[p] : "unknown";
}

static void hex_avail(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, "\n\t    ", p, len < avail ? len : (unsigned)avail, 0);
}

/* "%15s" of an address (right-aligned in 15 columns). */
static void put_ip4_w15(nd_t *nd, const uint8_t *a)
{
	struct out *o = nd->out;
	out_reserve(o, 512);
	size_t start = o->len;
	put_ip4(nd, a);
	size_t n = o->len - start;
	if (n < 15) {
		size_t pad = 15 - n;
		memmove(o->buf + start + pad, o->buf + start, n);
		memset(o->buf + start, ' ', pad);
		o->len += pad;
	}
}

static void delay_line(nd_t *nd, const uint8_t *p)
{
	{
		unsigned v0 = nd_be32(nd, p) / 100;
		unsigned v1 = nd_be32(nd, p + 4);
		unsigned v2 = nd_be24(nd, p + 8);
		unsigned v3 = nd_u8(nd, p + 11);
		unsigned v4 = nd_u8(nd, p + 12);
		unsigned v5 = nd_u8(nd, p + 13);
		nd_s(nd, "\n\t      delay ");
		nd_u(nd, v0);
		nd_s(nd, " ms, bandwidth ");
		nd_u(nd, v1);
		nd_s(nd, " Kbps, mtu ");
		nd_u(nd, v2);
		nd_s(nd, ", hop ");
		nd_u(nd, v3);
		nd_s(nd, ", reliability ");
		nd_u(nd, v4);
		nd_s(nd, ", load ");
		nd_u(nd, v5);
	}
}

/* IPv4 prefix (variable length) and next hop; returns 0 when the prefix
 * length is illegal. */
static int ip_prefix(nd_t *nd, const uint8_t *plenp, const uint8_t *nh)
{
	unsigned bits = nd_u8(nd, plenp);
	if (bits > 32) {
		nd_s(nd, "\n\t    illegal prefix length ");
		nd_u(nd, bits);
		return 0;
	}
	uint8_t prefix[4] = { 0, 0, 0, 0 };
	nd_copy(nd, prefix, plenp + 1, (bits + 7) / 8);
	nd_s(nd, "\n\t    IPv4 prefix: ");
	/* the prefix lives in a local buffer: format it as an address */
	const uint8_t *save_pkt = nd->pkt, *save_end = nd->end;
	nd->pkt = prefix;
	nd->end = prefix + 4;
	put_ip4_w15(nd, prefix);
	nd->pkt = save_pkt;
	nd->end = save_end;
	nd_c(nd, '/');
	nd_u(nd, bits);
	nd_s(nd, ", nexthop: ");
	if (nd_be32(nd, nh) == 0)
		nd_s(nd, "self");
	else
		put_ip4(nd, nh);
	return 1;
}

static void at_nexthop(nd_t *nd, const uint8_t *p)
{
	if (nd_be32(nd, p) == 0)
		nd_s(nd, "self");
	else {
		unsigned v0 = nd_be16(nd, p + 2);
		nd_u(nd, nd_be16(nd, p));
		nd_c(nd, '.');
		nd_u(nd, v0);
	}
}

void eigrp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                 const struct ip_ctx *ip)
{
	(void)ip;
	nd_proto(nd, "eigrp");
	if (!nd_has(nd, bp, 20)) {
		nd_print_trunc(nd); /* marked here; an enclosing ICMP goes on */
		return;
	}
	if (bp[0] != 2) {
		nd_s(nd, "EIGRP version ");
		nd_u(nd, bp[0]);
		nd_s(nd, " packet not supported");
		return;
	}
	unsigned op = bp[1];
	const char *on = opcode_name(op);
	if (!nd->opt->vflag) {
		if (on) {
			nd_s(nd, "EIGRP ");
			nd_s(nd, on);
			nd_s(nd, ", length: ");
			nd_u(nd, len);
		} else {
			nd_s(nd, "EIGRP unknown (");
			nd_u(nd, op);
			nd_s(nd, "), length: ");
			nd_u(nd, len);
		}
		return;
	}
	if (len < 20) {
		if (on) {
			nd_s(nd, "EIGRP ");
			nd_s(nd, on);
			nd_s(nd, ", length: ");
			nd_u(nd, len);
			nd_s(nd, " (too short, < 20)");
		} else {
			nd_s(nd, "EIGRP unknown (");
			nd_u(nd, op);
			nd_s(nd, "), length: ");
			nd_u(nd, len);
			nd_s(nd, " (too short, < 20)");
		}
		return;
	}
	unsigned tlen = len - 20;
	nd_s(nd, "\n\tEIGRP v");
	nd_u(nd, bp[0]);
	nd_s(nd, ", opcode: ");
	if (on)
		nd_s(nd, on);
	else {
		nd_s(nd, "unknown, type: ");
		nd_u(nd, op);
	}
	{
		unsigned v0 = nd_be16(nd, bp + 2);
		nd_s(nd, " (");
		nd_u(nd, op);
		nd_s(nd, "), chksum: 0x");
		out_x(nd->out, v0, 4);
		nd_s(nd, ", Flags: [");
	}
	uint32_t fl = nd_be32(nd, bp + 4);
	static const struct tok fn[] = {
		{ 1, "Init" }, { 2, "Conditionally Received" }, { 4, "Restart" },
		{ 8, "End-of-Table" }, { 0, NULL },
	};
	put_bits(nd, fn, fl, "none");
	{
		unsigned v0 = nd_be32(nd, bp + 8);
		unsigned v1 = nd_be32(nd, bp + 12);
		unsigned v2 = nd_be16(nd, bp + 16);
		unsigned v3 = nd_be16(nd, bp + 18);
		nd_s(nd, "]\n\tseq: 0x");
		out_x(nd->out, v0, 8);
		nd_s(nd, ", ack: 0x");
		out_x(nd->out, v1, 8);
		nd_s(nd, ", VRID: ");
		nd_u(nd, v2);
		nd_s(nd, ", AS: ");
		nd_u(nd, v3);
		nd_s(nd, ", length: ");
		nd_u(nd, tlen);
	}
	const uint8_t *t = bp + 20;
	while (tlen > 0) {
		if (!nd_has(nd, t, 4))
			goto trunc;
		unsigned tl = nd_be16(nd, t + 2), tt = nd_be16(nd, t);
		if (tl < 4 || tl > tlen) {
			hex_avail(nd, t + 4, tlen);
			return;
		}
		{
			const char *v0 = tlv_name(tt);
			nd_s(nd, "\n\t  ");
			nd_s(nd, v0);
			nd_s(nd, " TLV (0x");
			out_x(nd->out, tt, 4);
			nd_s(nd, "), length: ");
			nd_u(nd, tl);
		}
		const uint8_t *v = t + 4;
		unsigned vl = tl - 4;
		if (!nd_has(nd, t, tl))
			goto trunc;
		switch (tt) {
		case 0x0001:
			if (vl < 8) {
				nd_s(nd, " (too short, < 12)");
				break;
			}
			{
				unsigned v0 = nd_be16(nd, v + 6);
				nd_s(nd, "\n\t    holdtime: ");
				nd_u(nd, v0);
				nd_s(nd, "s, k1 ");
				nd_u(nd, v[0]);
				nd_s(nd, ", k2 ");
				nd_u(nd, v[1]);
				nd_s(nd, ", k3 ");
				nd_u(nd, v[2]);
				nd_s(nd, ", k4 ");
				nd_u(nd, v[3]);
				nd_s(nd, ", k5 ");
				nd_u(nd, v[4]);
			}
			break;
		case 0x0004:
			if (vl < 4) {
				nd_s(nd, " (too short, < 8)");
				break;
			}
			nd_s(nd, "\n\t    IOS version: ");
			nd_u(nd, v[0]);
			nd_c(nd, '.');
			nd_u(nd, v[1]);
			nd_s(nd, ", EIGRP version ");
			nd_u(nd, v[2]);
			nd_c(nd, '.');
			nd_u(nd, v[3]);
			break;
		case 0x0102:
			if (vl < 22) {
				nd_s(nd, " (too short, < 26)");
				break;
			}
			if (!ip_prefix(nd, v + 20, v))
				break;
			delay_line(nd, v + 4);
			break;
		case 0x0103:
			if (vl < 42) {
				nd_s(nd, " (too short, < 46)");
				break;
			}
			if (!ip_prefix(nd, v + 40, v))
				break;
			nd_s(nd, "\n\t      origin-router ");
			put_ip4(nd, v + 4);
			{
				unsigned v0 = nd_be32(nd, v + 8);
				const char *v1 = ext_proto(v[22]);
				unsigned v2 = nd_be32(nd, v + 12);
				unsigned v3 = nd_be32(nd, v + 16);
				nd_s(nd, ", origin-as ");
				nd_u(nd, v0);
				nd_s(nd, ", origin-proto ");
				nd_s(nd, v1);
				nd_s(nd, ", flags [0x");
				out_x2(nd->out, v[23]);
				nd_s(nd, "], tag 0x");
				out_x(nd->out, v2, 8);
				nd_s(nd, ", metric ");
				nd_u(nd, v3);
			}
			delay_line(nd, v + 24);
			break;
		case 0x0204:
			if (vl < 8) {
				nd_s(nd, " (too short, < 12)");
				break;
			}
			{
				unsigned v0 = nd_be16(nd, v);
				unsigned v1 = nd_be16(nd, v + 2);
				unsigned v2 = nd_be32(nd, v + 4);
				nd_s(nd, "\n\t    Cable-range: ");
				nd_u(nd, v0);
				nd_c(nd, '-');
				nd_u(nd, v1);
				nd_s(nd, ", Router-ID ");
				nd_u(nd, v2);
			}
			break;
		case 0x0202:
			if (vl < 24) {
				nd_s(nd, " (too short, < 28)");
				break;
			}
			{
				unsigned v0 = nd_be16(nd, v + 20);
				unsigned v1 = nd_be16(nd, v + 22);
				nd_s(nd, "\n\t     Cable-Range: ");
				nd_u(nd, v0);
				nd_c(nd, '-');
				nd_u(nd, v1);
				nd_s(nd, ", nexthop: ");
			}
			at_nexthop(nd, v);
			delay_line(nd, v + 4);
			break;
		case 0x0203:
			if (vl < 40) {
				nd_s(nd, " (too short, < 44)");
				break;
			}
			{
				unsigned v0 = nd_be16(nd, v + 36);
				unsigned v1 = nd_be16(nd, v + 38);
				nd_s(nd, "\n\t     Cable-Range: ");
				nd_u(nd, v0);
				nd_c(nd, '-');
				nd_u(nd, v1);
				nd_s(nd, ", nexthop: ");
			}
			at_nexthop(nd, v);
			{
				unsigned v0 = nd_be32(nd, v + 4);
				unsigned v1 = nd_be32(nd, v + 8);
				const char *v2 = ext_proto(v[16]);
				unsigned v3 = nd_be32(nd, v + 12);
				unsigned v4 = nd_be16(nd, v + 18);
				nd_s(nd, "\n\t      origin-router ");
				nd_u(nd, v0);
				nd_s(nd, ", origin-as ");
				nd_u(nd, v1);
				nd_s(nd, ", origin-proto ");
				nd_s(nd, v2);
				nd_s(nd, ", flags [0x");
				out_x2(nd->out, v[17]);
				nd_s(nd, "], tag 0x");
				out_x(nd->out, v3, 8);
				nd_s(nd, ", metric ");
				nd_u(nd, v4);
			}
			delay_line(nd, v + 20);
			break;
		default:
			if (nd->opt->vflag <= 1)
				hex_avail(nd, v, vl);
			break;
		}
		if (nd->opt->vflag > 1)
			hex_avail(nd, v, vl);
		t += tl;
		tlen -= tl;
	}
	return;
trunc:
	nd_print_trunc(nd);
}
