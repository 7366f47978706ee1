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
	nd_printf(nd, "\n\t      delay %u ms, bandwidth %u Kbps, mtu %u, hop %u, reliability %u, load %u",
		  nd_be32(nd, p) / 100, nd_be32(nd, p + 4), nd_be24(nd, p + 8),
		  nd_u8(nd, p + 11), nd_u8(nd, p + 12), nd_u8(nd, p + 13));
}

/* IPv4 prefix (variable length) and next hop; returns 0 when the prefix
 * length is illegal. */
static int ip_prefix(nd_t *nd, const uint8_t *plenp, const uint8_t *nh)
{
	unsigned bits = nd_u8(nd, plenp);
	if (bits > 32) {
		nd_printf(nd, "\n\t    illegal prefix length %u", bits);
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
	nd_printf(nd, "/%u, nexthop: ", bits);
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
	else
		nd_printf(nd, "%u.%u", nd_be16(nd, p), nd_be16(nd, p + 2));
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
		nd_printf(nd, "EIGRP version %u packet not supported", bp[0]);
		return;
	}
	unsigned op = bp[1];
	const char *on = opcode_name(op);
	if (!nd->opt->vflag) {
		if (on)
			nd_printf(nd, "EIGRP %s, length: %u", on, len);
		else
			nd_printf(nd, "EIGRP unknown (%u), length: %u", op, len);
		return;
	}
	if (len < 20) {
		if (on)
			nd_printf(nd, "EIGRP %s, length: %u (too short, < 20)", on, len);
		else
			nd_printf(nd, "EIGRP unknown (%u), length: %u (too short, < 20)",
				  op, len);
		return;
	}
	unsigned tlen = len - 20;
	nd_printf(nd, "\n\tEIGRP v%u, opcode: ", bp[0]);
	if (on)
		nd_s(nd, on);
	else
		nd_printf(nd, "unknown, type: %u", op);
	nd_printf(nd, " (%u), chksum: 0x%04x, Flags: [", op, nd_be16(nd, bp + 2));
	uint32_t fl = nd_be32(nd, bp + 4);
	static const char *const fn[] = { "Init", "Conditionally Received",
					  "Restart", "End-of-Table" };
	const char *sep = "";
	int any = 0;
	for (int i = 0; i < 4; i++)
		if (fl & (1u << i)) {
			nd_s(nd, sep);
			nd_s(nd, fn[i]);
			sep = ", ";
			any = 1;
		}
	if (!any)
		nd_s(nd, "none");
	nd_printf(nd, "]\n\tseq: 0x%08x, ack: 0x%08x, VRID: %u, AS: %u, length: %u",
		  nd_be32(nd, bp + 8), nd_be32(nd, bp + 12), nd_be16(nd, bp + 16),
		  nd_be16(nd, bp + 18), tlen);
	const uint8_t *t = bp + 20;
	while (tlen > 0) {
		if (!nd_has(nd, t, 4))
			goto trunc;
		unsigned tl = nd_be16(nd, t + 2), tt = nd_be16(nd, t);
		if (tl < 4 || tl > tlen) {
			hex_avail(nd, t + 4, tlen);
			return;
		}
		nd_printf(nd, "\n\t  %s TLV (0x%04x), length: %u", tlv_name(tt), tt, tl);
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
			nd_printf(nd, "\n\t    holdtime: %us, k1 %u, k2 %u, k3 %u, k4 %u, k5 %u",
				  nd_be16(nd, v + 6), v[0], v[1], v[2], v[3], v[4]);
			break;
		case 0x0004:
			if (vl < 4) {
				nd_s(nd, " (too short, < 8)");
				break;
			}
			nd_printf(nd, "\n\t    IOS version: %u.%u, EIGRP version %u.%u",
				  v[0], v[1], v[2], v[3]);
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
			nd_printf(nd, ", origin-as %u, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %u",
				  nd_be32(nd, v + 8), ext_proto(v[22]), v[23],
				  nd_be32(nd, v + 12), nd_be32(nd, v + 16));
			delay_line(nd, v + 24);
			break;
		case 0x0204:
			if (vl < 8) {
				nd_s(nd, " (too short, < 12)");
				break;
			}
			nd_printf(nd, "\n\t    Cable-range: %u-%u, Router-ID %u",
				  nd_be16(nd, v), nd_be16(nd, v + 2), nd_be32(nd, v + 4));
			break;
		case 0x0202:
			if (vl < 24) {
				nd_s(nd, " (too short, < 28)");
				break;
			}
			nd_printf(nd, "\n\t     Cable-Range: %u-%u, nexthop: ",
				  nd_be16(nd, v + 20), nd_be16(nd, v + 22));
			at_nexthop(nd, v);
			delay_line(nd, v + 4);
			break;
		case 0x0203:
			if (vl < 40) {
				nd_s(nd, " (too short, < 44)");
				break;
			}
			nd_printf(nd, "\n\t     Cable-Range: %u-%u, nexthop: ",
				  nd_be16(nd, v + 36), nd_be16(nd, v + 38));
			at_nexthop(nd, v);
			nd_printf(nd, "\n\t      origin-router %u, origin-as %u, origin-proto %s, flags [0x%02x], tag 0x%08x, metric %u",
				  nd_be32(nd, v + 4), nd_be32(nd, v + 8),
				  ext_proto(v[16]), v[17], nd_be32(nd, v + 12),
				  nd_be16(nd, v + 18));
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
