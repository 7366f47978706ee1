/* bgp.c - BGP-4 (RFC 4271): finds the messages in a TCP segment and shows
 * their headers.  Only KEEPALIVE needs nothing more; OPEN, UPDATE,
 * NOTIFICATION and ROUTE-REFRESH bodies are not decoded yet. */
#include <stdio.h>

#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const char *msg_name(unsigned t)
{
	switch (t) {
	case 1: return "Open";
	case 2: return "Update";
	case 3: return "Notification";
	case 4: return "Keepalive";
	case 5: return "Route Refresh";
	}
	return NULL;
}

struct code_name { unsigned v; const char *s; };

static const char *lookup(const struct code_name *t, unsigned v, const char *d)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return d;
}

static const struct code_name major_names[] = {
	{ 1, "Message Header Error" }, { 2, "OPEN Message Error" },
	{ 3, "UPDATE Message Error" }, { 4, "Hold Timer Expired" },
	{ 5, "Finite State Machine Error" }, { 6, "Cease" },
	{ 7, "Capability Message Error" }, { 0, NULL },
};

static const struct code_name minor_msg[] = {
	{ 1, "Connection Not Synchronized" }, { 2, "Bad Message Length" },
	{ 3, "Bad Message Type" }, { 0, NULL },
};
static const struct code_name minor_open[] = {
	{ 1, "Unsupported Version Number" }, { 2, "Bad Peer AS" },
	{ 3, "Bad BGP Identifier" }, { 4, "Unsupported Optional Parameter" },
	{ 5, "Authentication Failure" }, { 6, "Unacceptable Hold Time" },
	{ 7, "Capability Message Error" }, { 0, NULL },
};
static const struct code_name minor_update[] = {
	{ 1, "Malformed Attribute List" }, { 2, "Unrecognized Well-known Attribute" },
	{ 3, "Missing Well-known Attribute" }, { 4, "Attribute Flags Error" },
	{ 5, "Attribute Length Error" }, { 6, "Invalid ORIGIN Attribute" },
	{ 7, "AS Routing Loop" }, { 8, "Invalid NEXT_HOP Attribute" },
	{ 9, "Optional Attribute Error" }, { 10, "Invalid Network Field" },
	{ 11, "Malformed AS_PATH" }, { 0, NULL },
};
static const struct code_name minor_fsm[] = {
	{ 0, "Unspecified Error" }, { 1, "In OpenSent State" },
	{ 2, "In OpenConfirm State" }, { 3, "In Established State" }, { 0, NULL },
};
static const struct code_name minor_cease[] = {
	{ 1, "Maximum Number of Prefixes Reached" }, { 2, "Administrative Shutdown" },
	{ 3, "Peer Unconfigured" }, { 4, "Administrative Reset" },
	{ 5, "Connection Rejected" }, { 6, "Other Configuration Change" },
	{ 7, "Connection Collision Resolution" }, { 0, NULL },
};
static const struct code_name minor_cap[] = {
	{ 1, "Invalid Action Value" }, { 2, "Invalid Capability Length" },
	{ 3, "Malformed Capability Value" }, { 4, "Unsupported Capability Code" },
	{ 0, NULL },
};
static const struct code_name af_names[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" },
	{ 4, "HDLC" }, { 5, "BBN 1822" }, { 6, "802" }, { 7, "E.163" },
	{ 8, "E.164" }, { 9, "F.69" }, { 10, "X.121" }, { 11, "Novell IPX" },
	{ 12, "Appletalk" }, { 13, "Decnet IV" }, { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" }, { 25, "VPLS" }, { 0, NULL },
};
static const struct code_name safi_names[] = {
	{ 0, "Reserved" }, { 1, "Unicast" }, { 2, "Multicast" }, { 3, "Unicast+Multicast" },
	{ 4, "labeled Unicast" }, { 5, "Multicast VPN" }, { 64, "Tunnel" },
	{ 65, "VPLS" }, { 66, "MDT" }, { 70, "EVPN" },
	{ 128, "labeled VPN Unicast" }, { 129, "labeled VPN Multicast" },
	{ 130, "labeled VPN Unicast+Multicast" },
	{ 132, "Route Target Routing Information" }, { 0, NULL },
};

static void notification(nd_t *nd, const uint8_t *dat, unsigned length)
{
	nd_need(nd, dat, 21);
	if (length < 21)
		return;
	unsigned ma = dat[19], mi = dat[20];
	nd_printf(nd, ", %s (%u)", lookup(major_names, ma, "Unknown Error"), ma);
	const struct code_name *t = NULL;
	const char *sep = ", ";
	switch (ma) {
	case 1: t = minor_msg; break;
	case 2: t = minor_open; break;
	case 3: t = minor_update; break;
	case 5: t = minor_fsm; sep = " "; break;
	case 6: t = minor_cease; break;
	case 7: t = minor_cap; sep = " "; break;
	default: return;
	}
	nd_printf(nd, "%ssubcode %s (%u)", sep, lookup(t, mi, "Unknown"), mi);
	if (ma != 6)
		return;
	const uint8_t *tp = dat + 21;
	if (mi == 1 && length >= 28) {
		unsigned af = nd_be16(nd, tp), safi = nd_u8(nd, tp + 2);
		nd_printf(nd, ", AFI %s (%u), SAFI %s (%u), Max Prefixes: %u",
			  lookup(af_names, af, "Unknown"), af,
			  lookup(safi_names, safi, "Unknown"), safi, nd_be32(nd, tp + 3));
	}
	if ((mi == 2 || mi == 4) && length >= 22) {
		unsigned cl = nd_u8(nd, tp), off = 0;
		if (cl > length - 22) {
			nd_s(nd, ", invalid Shutdown Communication length");
		} else if (cl == 0) {
			nd_s(nd, ", empty Shutdown Communication");
			off = 1;
		} else {
			nd_printf(nd, ", Shutdown Communication (length: %u): \"", cl);
			for (unsigned i = 0; i < cl; i++)
				nd_print_char(nd, nd_u8(nd, tp + 1 + i));
			nd_c(nd, '"');
			off = cl + 1;
		}
		if (length > off + 21) {
			unsigned dl = length - (off + 21);
			nd_printf(nd, ", Data: (length: %u)", dl);
			nd_need(nd, tp + off, dl);
			hex_dump(nd->out, "\n\t\t", tp + off, dl, 0);
		}
	}
}

static const struct code_name cap_names[] = {
	{ 1, "Multiprotocol Extensions" }, { 2, "Route Refresh" },
	{ 3, "Cooperative Route Filtering" },
	{ 4, "Multiple Routes to a Destination" },
	{ 5, "Extended Next Hop Encoding" }, { 8, "Multiple Labels" },
	{ 64, "Graceful Restart" }, { 65, "32-Bit AS Number" },
	{ 67, "Dynamic Capability" }, { 68, "Multisession BGP" },
	{ 69, "Multiple Paths" }, { 70, "Enhanced Route Refresh" },
	{ 71, "Long-lived Graceful Restart" }, { 128, "Route Refresh (Cisco)" },
	{ 0, NULL },
};

/* An AS number, in "asdot" notation with -b when above 65535. */
static void put_as(nd_t *nd, uint32_t as)
{
	if (nd->opt->bflag && as > 65535)
		nd_printf(nd, "%u.%u", as >> 16, as & 0xffff);
	else
		nd_printf(nd, "%u", as);
}

static void put_afi_safi(nd_t *nd, unsigned afi, unsigned safi)
{
	nd_printf(nd, "AFI %s (%u), SAFI %s (%u)", lookup(af_names, afi, "Unknown"),
		  afi, lookup(safi_names, safi, "Unknown"), safi);
}

static void dump_captured(nd_t *nd, const uint8_t *p, const char *ident,
                          unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
}

/* Returns -1 when the capture ended (marker printed). */
static int capabilities(nd_t *nd, const uint8_t *opt, unsigned caps_len)
{
	unsigned i = 0;
	while (i < caps_len) {
		if (!nd_has(nd, opt + i, 2))
			goto trunc;
		unsigned ct = opt[i], cl = opt[i + 1];
		nd_printf(nd, "\n\t      %s (%u), length: %u", lookup(cap_names, ct, "Unknown"),
			  ct, cl);
		if (!nd_has(nd, opt + i + 2, cl))
			goto trunc;
		const uint8_t *c = opt + i + 2;
		switch (ct) {
		case 1:
			if (cl < 4) {
				nd_s(nd, " (too short, < 4)");
				return 0;
			}
			nd_s(nd, "\n\t\t");
			put_afi_safi(nd, nd_be16(nd, c), c[3]);
			break;
		case 8:
			for (unsigned off = 0, t = cl; t >= 4; t -= 4, off += 4) {
				nd_s(nd, "\n\t\t");
				put_afi_safi(nd, nd_be16(nd, c + off), c[off + 2]);
				nd_printf(nd, ", Count: %u", c[off + 3]);
			}
			break;
		case 64: {
			if (cl < 2) {
				nd_s(nd, " (too short, < 2)");
				return 0;
			}
			nd_printf(nd, "\n\t\tRestart Flags: [%s], Restart Time %us",
				  (c[0] & 0x80) ? "R" : "none", nd_be16(nd, c) & 0xfff);
			for (unsigned off = 2, t = cl - 2; t >= 4; t -= 4, off += 4) {
				nd_s(nd, "\n\t\t  ");
				put_afi_safi(nd, nd_be16(nd, c + off), c[off + 2]);
				nd_printf(nd, ", Forwarding state preserved: %s",
					  (c[off + 3] & 0x80) ? "yes" : "no");
			}
			break;
		}
		case 2: case 71: case 128:
			break;
		case 65:
			if (cl < 4) {
				nd_s(nd, " (too short, < 4)");
				return 0;
			}
			nd_s(nd, "\n\t\t 4 Byte AS ");
			put_as(nd, nd_be32(nd, c));
			break;
		case 69:
			if (cl == 0) {
				nd_s(nd, " (bogus)");
				break;
			}
			for (unsigned off = 0, t = cl; t != 0; t -= 4, off += 4) {
				if (t < 4) {
					nd_print_invalid(nd);
					break;
				}
				unsigned sr = c[off + 3];
				nd_s(nd, "\n\t\t");
				put_afi_safi(nd, nd_be16(nd, c + off), c[off + 2]);
				nd_s(nd, ", Send/Receive: ");
				if (sr >= 1 && sr <= 3)
					nd_s(nd, sr == 1 ? "Receive" : sr == 2 ? "Send" : "Both");
				else
					nd_printf(nd, "Bogus (0x%02x)", sr);
			}
			break;
		default:
			nd_printf(nd, "\n\t\tno decoder for Capability %u", ct);
			if (nd->opt->vflag <= 1)
				dump_captured(nd, c, "\n\t\t", cl);
			break;
		}
		if (nd->opt->vflag > 1 && cl != 0)
			dump_captured(nd, c, "\n\t\t", cl);
		i += 2 + cl;
	}
	return 0;
trunc:
	nd_print_trunc(nd);
	return -1;
}

static void open_msg(nd_t *nd, const uint8_t *dat, unsigned length)
{
	if (!nd_has(nd, dat, 29) || length < 29) {
		nd_print_trunc(nd);
		return;
	}
	nd_printf(nd, "\n\t  Version %u, my AS ", dat[19]);
	put_as(nd, nd_be16(nd, dat + 20));
	nd_printf(nd, ", Holdtime %us, ID ", nd_be16(nd, dat + 22));
	put_ip4(nd, dat + 24);
	unsigned optslen = dat[28];
	nd_printf(nd, "\n\t  Optional parameters, length: %u", optslen);
	const uint8_t *opt = dat + 29;
	unsigned i = 0;
	while (i < optslen) {
		if (!nd_has(nd, opt + i, 2)) {
			nd_print_trunc(nd);
			return;
		}
		unsigned ot = opt[i], ol = opt[i + 1];
		if (2 + i + ol > optslen) {
			nd_printf(nd, "\n\t     Option %u, length: %u, goes past the end of the options",
				  ot, ol);
			break;
		}
		nd_printf(nd, "\n\t    Option %s (%u), length: %u",
			  ot == 1 ? "Authentication Information" : ot == 2
			  ? "Capabilities Advertisement" : "Unknown", ot, ol);
		if (ot == 2) {
			capabilities(nd, opt + 2 + i, ol);
		} else {
			nd_printf(nd, "\n\t      no decoder for option %u", ot);
		}
		i += 2 + ol;
	}
}

static const struct code_name attr_names[] = {
	{ 1, "Origin" }, { 2, "AS Path" }, { 3, "Next Hop" },
	{ 4, "Multi Exit Discriminator" }, { 5, "Local Preference" },
	{ 6, "Atomic Aggregate" }, { 7, "Aggregator" }, { 8, "Community" },
	{ 9, "Originator ID" }, { 10, "Cluster List" }, { 11, "DPA" },
	{ 12, "Advertisers" }, { 13, "RCID Path / Cluster ID" },
	{ 14, "Multi-Protocol Reach NLRI" }, { 15, "Multi-Protocol Unreach NLRI" },
	{ 16, "Extended Community" }, { 17, "AS4 Path" }, { 18, "Aggregator4" },
	{ 22, "PMSI Tunnel" }, { 23, "Tunnel Encapsulation" },
	{ 24, "Traffic Engineering" }, { 25, "IPv6 Extended Community" },
	{ 26, "Accumulated IGP Metric" }, { 27, "PE Distinguisher Labels" }, { 28, "Entropy Label" },
	{ 29, "BGP-LS" }, { 32, "Large Community" }, { 128, "Attribute Set" },
	{ 255, "Reserved for development" }, { 0, NULL },
};

/* "a.b.c.d/len" from a length-prefixed IPv4 prefix; the bytes used, -1
 * for a bad length, -2 when it runs past itemlen. */
static int decode_prefix4(nd_t *nd, const uint8_t *p, unsigned itemlen,
                          char *buf, size_t buflen)
{
	if (itemlen < 1)
		return -2;
	unsigned plen = nd_u8(nd, p);
	if (plen > 32)
		return -1;
	itemlen--;
	uint8_t a[4] = { 0 };
	unsigned pb = (plen + 7) / 8;
	if (itemlen < pb)
		return -2;
	nd_copy(nd, a, p + 1, pb);
	if (plen % 8)
		a[pb - 1] &= (uint8_t)((0xff00 >> (plen % 8)) & 0xff);
	char ab[16];
	fmt_ip4(ab, a);
	snprintf(buf, buflen, "%s/%u", ab, plen);
	return (int)(1 + pb);
}

static int check_add_path_max(nd_t *nd, const uint8_t *p, unsigned length,
                              unsigned maxlen)
{
	unsigned off, pl;
	if (length < 5)
		return 0;
	for (off = 0; off < length;) {
		off += 4;
		if (!nd_has(nd, p + off, 1))
			break;
		pl = p[off];
		if (pl > maxlen)
			return 0;
		off += 1 + (pl + 7) / 8;
	}
	if (off > length)
		return 0;
	for (off = 0; off < length;) {
		if (!nd_has(nd, p + off, 1))
			break;
		pl = p[off];
		if (pl < 1 || pl > maxlen)
			return 1;
		off += 1 + (pl + 7) / 8;
	}
	if (off > length)
		return 1;
	return 0;
}

static int check_add_path(nd_t *nd, const uint8_t *p, unsigned length)
{
	return check_add_path_max(nd, p, length, 32);
}

/* Prefix lists (withdrawn or updated routes); 0, or -1 when truncated. */
static int prefixes(nd_t *nd, const uint8_t **pp, unsigned *lenp, unsigned n)
{
	const uint8_t *p = *pp;
	char buf[64];
	int ap = check_add_path(nd, p, n);
	uint32_t path_id = 0;
	while (n != 0) {
		if (ap) {
			if (n < 4) {
				p += n;
				*lenp -= n;
				break;
			}
			path_id = nd_be32(nd, p);
			p += 4;
			*lenp -= 4;
			n -= 4;
		}
		int w = decode_prefix4(nd, p, n, buf, sizeof buf);
		if (w == -1) {
			nd_s(nd, "\n\t    (illegal prefix length)");
			break;
		}
		if (w == -2) {
			*pp = p;
			return -1;
		}
		nd_printf(nd, "\n\t    %s", buf);
		if (ap)
			nd_printf(nd, "   Path Id: %u", path_id);
		p += w;
		*lenp -= (unsigned)w;
		n -= (unsigned)w;
	}
	*pp = p;
	return 0;
}

static unsigned as_size(nd_t *nd, unsigned atype, const uint8_t *p, unsigned len)
{
	if (atype == 17)
		return 4;
	const uint8_t *t = p;
	while (t < p + len) {
		if (!nd_has(nd, t, 2))
			return 4;
		if (t[0] < 1 || t[0] > 4)
			return 4;
		t += 2 + t[1] * 2;
	}
	return t == p + len ? 2 : 4;
}

static const struct code_name extcomm_names[] = {
	{ 0x0002, "target" }, { 0x0102, "target" }, { 0x0202, "target" },
	{ 0x0003, "origin" }, { 0x0103, "origin" }, { 0x0203, "origin" },
	{ 0x4004, "link-BW" }, { 0x0005, "ospf-domain" }, { 0x0105, "ospf-domain" },
	{ 0x0205, "ospf-domain" }, { 0x8005, "ospf-domain" },
	{ 0x0306, "ospf-route-type" }, { 0x8000, "ospf-route-type" },
	{ 0x0107, "ospf-router-id" }, { 0x8001, "ospf-router-id" },
	{ 0x0009, "source-AS" }, { 0x000a, "l2vpn-id" }, { 0x010b, "vrf-route-import" },
	{ 0x030c, "encapsulation" }, { 0, NULL },
};

static const struct code_name ospf_rt_names[] = {
	{ 1, "Router" }, { 2, "Network" }, { 3, "Summary" }, { 5, "External" },
	{ 7, "NSSA External" }, { 129, "MPLS-VPN Sham" }, { 0, NULL },
};

static const struct code_name tunnel_names[] = {
	{ 1, "L2TPv3 over IP" }, { 2, "GRE" }, { 3, "Transmit Tunnel" },
	{ 4, "IPsec" }, { 5, "IP in IP with IPsec" }, { 6, "MPLS in IP with IPsec" },
	{ 7, "IP in IP" }, { 8, "VXLAN" }, { 9, "NVGRE" }, { 10, "MPLS" },
	{ 11, "MPLS in GRE" }, { 12, "VXLAN GPE" }, { 13, "MPLS in UDP" },
	{ 14, "IPv6" }, { 15, "SR TE" }, { 16, "Bare" }, { 17, "SR" }, { 0, NULL },
};

/* One 8-byte extended community. */
static void extcomm(nd_t *nd, const uint8_t *t)
{
	nd_need(nd, t, 8);
	unsigned type = nd_be16(nd, t);
	const char *n = lookup(extcomm_names, type, NULL);
	nd_printf(nd, "\n\t    %s (0x%04x), Flags [%s%s%s]: ",
		  n ? n : "unknown extd community typecode", type,
		  (type & 0x8000) ? "vendor-specific" : "",
		  (type & 0xc000) == 0xc000 ? ", " : "",
		  (type & 0x4000) ? "non-transitive" : (type & 0x8000) ? "" : "none");
	switch (n ? type : 0xffff) {
	case 0x0002: case 0x0003: case 0x000a:
		nd_printf(nd, "%u:%u (= ", nd_be16(nd, t + 2), nd_be32(nd, t + 4));
		put_ip4(nd, t + 4);
		nd_c(nd, ')');
		break;
	case 0x0102: case 0x0103: case 0x010b:
		put_ip4(nd, t + 2);
		nd_printf(nd, ":%u", nd_be16(nd, t + 6));
		break;
	case 0x0202: case 0x0203:
		put_as(nd, nd_be32(nd, t + 2));
		nd_printf(nd, ":%u", nd_be16(nd, t + 6));
		break;
	case 0x4004: {
		uint32_t b = nd_be32(nd, t + 4);
		float fv;
		memcpy(&fv, &b, 4);
		nd_printf(nd, "bandwidth: %.3f Mbps", (double)fv * 8 / 1000000);
		break;
	}
	case 0x0005: case 0x0105: case 0x0205: case 0x8005:
	case 0x0107: case 0x8001:
		put_ip4(nd, t + 2);
		break;
	case 0x0306: case 0x8000: {
		unsigned rt = t[6];
		nd_s(nd, "area:");
		put_ip4(nd, t + 2);
		nd_s(nd, ", router-type:");
		const char *r = lookup(ospf_rt_names, rt, NULL);
		if (r)
			nd_s(nd, r);
		else
			nd_printf(nd, "unknown (0x%02x)", rt);
		nd_s(nd, ", metric-type:");
		if (t[7] & 1)
			nd_s(nd, "E2");
		if (rt == 5 || rt == 7)
			nd_s(nd, "E1");
		break;
	}
	case 0x0009:
		nd_printf(nd, "AS %u", nd_be16(nd, t + 2));
		break;
	case 0x030c:
		nd_printf(nd, "Tunnel type: %s",
			  lookup(tunnel_names, nd_be16(nd, t + 6), "unknown encaps"));
		break;
	default:
		for (unsigned i = 0; i < 6; i++)
			nd_printf(nd, "%02x", t[2 + i]);
		break;
	}
}

/* A route distinguisher, "as:n (= a.b.c.d)", "a.b.c.d:n" or "as4:n". */
static void put_rd(nd_t *nd, const uint8_t *t)
{
	switch (nd_be16(nd, t)) {
	case 0:
		nd_printf(nd, "%u:%u (= ", nd_be16(nd, t + 2), nd_be32(nd, t + 4));
		put_ip4(nd, t + 4);
		nd_c(nd, ')');
		break;
	case 1:
		put_ip4(nd, t + 2);
		nd_printf(nd, ":%u", nd_be16(nd, t + 6));
		break;
	case 2:
		put_as(nd, nd_be32(nd, t + 2));
		nd_printf(nd, ":%u", nd_be16(nd, t + 6));
		break;
	default:
		nd_s(nd, "unknown RD format");
		break;
	}
}

/* Route Target membership NLRI (RFC 4684); bytes used or -1. */
static int rt_prefix(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 1);
	unsigned plen = p[0];
	if (plen == 0) {
		nd_s(nd, "\n\t      default route target");
		return 1;
	}
	if (plen < 32 || plen > 96)
		return -3;
	nd_need(nd, p + 1, 4);
	nd_s(nd, "\n\t      origin AS: ");
	put_as(nd, nd_be32(nd, p + 1));
	unsigned rl = plen - 32, rb = (rl + 7) / 8;
	uint8_t rt[8] = { 0 };
	nd_need(nd, p + 5, rb);
	memcpy(rt, p + 5, rb);
	if (rl % 8)
		rt[rb - 1] &= (uint8_t)((0xff00 >> (rl % 8)) & 0xff);
	char hex[32];
	size_t o = 0;
	for (unsigned i = 0; i < rb; i++)
		o += (size_t)snprintf(hex + o, sizeof hex - o, "%s%02x",
				      (i && !(i % 2)) ? " " : "", rt[i]);
	hex[o] = 0;
	if (rl == 0) {
		nd_s(nd, ", route-target: 0:0/0");
	} else if (rl < 16) {
		nd_printf(nd, ", route-target: partial-type: (%s/%u)", hex, rl);
	} else {
		unsigned ty = (unsigned)rt[0] << 8 | rt[1];
		if (ty == 0x0002) {
			nd_printf(nd, ", route-target: %u:%u", (unsigned)rt[2] << 8 | rt[3],
				  (unsigned)rt[4] << 24 | (unsigned)rt[5] << 16 |
				  (unsigned)rt[6] << 8 | rt[7]);
		} else if (ty == 0x0102) {
			char ab[16];
			fmt_ip4(ab, rt + 2);
			nd_printf(nd, ", route-target: %s:%u", ab, (unsigned)rt[6] << 8 | rt[7]);
		} else if (ty == 0x0202) {
			nd_s(nd, ", route-target: ");
			put_as(nd, (uint32_t)rt[2] << 24 | (uint32_t)rt[3] << 16 |
			       (uint32_t)rt[4] << 8 | rt[5]);
			nd_printf(nd, ":%u", (unsigned)rt[6] << 8 | rt[7]);
		} else {
			nd_printf(nd, ", route target: unknown-type(%04x) (%s/%u)", ty, hex, rl);
			return (int)(5 + rb);
		}
		nd_printf(nd, "/%u (%s)", rl, hex);
	}
	return (int)(5 + rb);
}

/* One MP NLRI prefix: bytes used, -1 for a bad length, -2 past itemlen. */
static int mp_prefix(nd_t *nd, unsigned afi, unsigned safi, const uint8_t *p,
                     unsigned itemlen)
{
	if (safi == 132)
		return rt_prefix(nd, p);
	unsigned alen = afi == 1 ? 4 : 16, extra = 0;
	if (safi == 4)
		extra = 24;
	else if (safi == 128)
		extra = 24 + 64;
	nd_need(nd, p, 1);
	if (itemlen < 1)
		return -2;
	unsigned plen = p[0];
	if (plen < extra || plen - extra > alen * 8)
		return -1;
	unsigned pl = plen - extra, pb = (pl + 7) / 8, eb = extra / 8;
	if (itemlen < 1 + eb + pb)
		return -2;
	nd_need(nd, p + 1, eb + pb);
	uint8_t a[16] = { 0 };
	memcpy(a, p + 1 + eb, pb);
	if (pl % 8)
		a[pb - 1] &= (uint8_t)((0xff00 >> (pl % 8)) & 0xff);
	char ab[64];
	if (afi == 1)
		fmt_ip4(ab, a);
	else
		fmt_ip6(ab, a);
	nd_s(nd, "\n\t      ");
	if (safi == 128) {
		nd_s(nd, "RD: ");
		put_rd(nd, p + 4);
		nd_s(nd, ", ");
	}
	nd_printf(nd, "%s/%u", ab, pl);
	if (extra) {
		uint32_t l = (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
		nd_printf(nd, ", label:%u %s", l >> 4,
			  (l & 1) ? "(bottom)" : "(BOGUS: Bottom of Stack NOT set!)");
	}
	return (int)(1 + eb + pb);
}

static int mp_known(unsigned afi, unsigned safi)
{
	return ((afi == 1 || afi == 2) &&
	        ((safi >= 1 && safi <= 4) || safi == 128)) ||
	       (afi == 1 && safi == 132);
}

static void mp_nlri(nd_t *nd, unsigned afi, unsigned safi, const uint8_t *t,
                    unsigned len)
{
	int ap = safi == 1 && check_add_path_max(nd, t, len, afi == 1 ? 32 : 128);
	while (len) {
		uint32_t pid = 0;
		if (ap) {
			nd_need(nd, t, 4);
			if (len < 4)
				nd_trunc(nd);
			pid = nd_be32(nd, t);
			t += 4;
			len -= 4;
		}
		/* Like tcpdump, a prefix may run past the attribute; only the
		 * capture bounds it. */
		int w = mp_prefix(nd, afi, safi, t, ~0u);
		if (w == -1 || w == -3) {
			nd_s(nd, w == -3 ? "\n\t      (illegal prefix length)"
				       : "\n\t    (illegal prefix length)");
			return;
		}
		if (w == -2)
			nd_trunc(nd);
		if (ap)
			nd_printf(nd, "   Path Id: %u", pid);
		t += w;
		if ((unsigned)w >= len)
			break;
		len -= (unsigned)w;
	}
}

/* AFI/SAFI line; 0 when there is no decoder for the pair. */
static int mp_head(nd_t *nd, const uint8_t *t, unsigned len, unsigned *afi,
                   unsigned *safi)
{
	nd_need(nd, t, 3);
	if (len < 3)
		nd_trunc(nd);
	*afi = nd_be16(nd, t);
	*safi = t[2];
	const char *an = *afi ? lookup(af_names, *afi, NULL) : NULL;
	nd_printf(nd, "\n\t    AFI: %s (%u), %sSAFI: %s (%u)", an ? an : "Unknown AFI", *afi,
		  *safi > 128 ? "vendor specific " : "",
		  *safi ? lookup(safi_names, *safi, "Unknown SAFI") : "Unknown SAFI", *safi);
	if (!mp_known(*afi, *safi)) {
		nd_printf(nd, "\n\t    no AFI %u / SAFI %u decoder", *afi, *safi);
		if (nd->opt->vflag <= 1) {
			nd_need(nd, t, len);
			hex_dump(nd->out, "\n\t    ", t, len, 0);
		}
		return 0;
	}
	return 1;
}

static void mp_reach(nd_t *nd, const uint8_t *t, unsigned len)
{
	unsigned afi, safi;
	if (!mp_head(nd, t, len, &afi, &safi))
		return;
	nd_need(nd, t + 3, 1);
	unsigned nhl = t[3];
	t += 4;
	if (len < 4 || len - 4 < nhl)
		nd_trunc(nd);
	len -= 4;
	nd_need(nd, t, nhl);
	nd_s(nd, "\n\t    nexthop: ");
	unsigned rdl = safi == 128 ? 8 : 0, al = afi == 1 ? 4 : 16;
	const uint8_t *n = t;
	unsigned nl = nhl;
	while (nl) {
		if (nl < rdl + al) {
			nd_s(nd, "invalid len");
			break;
		}
		if (rdl) {
			nd_s(nd, "RD: ");
			put_rd(nd, n);
			nd_s(nd, ", ");
		}
		if (afi == 1)
			put_ip4(nd, n + rdl);
		else
			put_ip6(nd, n + rdl);
		n += rdl + al;
		nl -= rdl + al;
		if (nl)
			nd_s(nd, ", ");
	}
	nd_printf(nd, ", nh-length: %u", nhl);
	t += nhl;
	len -= nhl;
	nd_need(nd, t, 1);
	if (len < 1)
		nd_trunc(nd);
	unsigned snpa = t[0];
	t++;
	len--;
	if (snpa) {
		nd_printf(nd, "\n\t    %u SNPA", snpa);
		for (; snpa; snpa--) {
			nd_need(nd, t, 1);
			unsigned sl = t[0];
			nd_printf(nd, "\n\t      %u bytes", sl);
			nd_need(nd, t + 1, sl);
			if (len < 1 + sl)
				nd_trunc(nd);
			t += 1 + sl;
			len -= 1 + sl;
		}
	} else {
		nd_s(nd, ", no SNPA");
	}
	mp_nlri(nd, afi, safi, t, len);
}

static void mp_unreach(nd_t *nd, const uint8_t *t, unsigned len)
{
	unsigned afi, safi;
	if (!mp_head(nd, t, len, &afi, &safi))
		return;
	if (len == 3) {
		nd_s(nd, "\n\t      End-of-Rib Marker (empty NLRI)");
		return;
	}
	mp_nlri(nd, afi, safi, t + 3, len - 3);
}

static void attr_head(nd_t *nd, const char *ind, unsigned fl, unsigned type,
                      unsigned al)
{
	nd_printf(nd, "%s%s (%u), length: %u", ind,
		  lookup(attr_names, type, "Unknown Attribute"), type, al);
	if (fl) {
		nd_printf(nd, ", Flags [%s%s%s%s", fl & 0x80 ? "O" : "", fl & 0x40 ? "T" : "",
			  fl & 0x20 ? "P" : "", fl & 0x10 ? "E" : "");
		if (fl & 0xf)
			nd_printf(nd, "+%x", fl & 0xf);
		nd_s(nd, "]: ");
	}
}

static void attr(nd_t *nd, unsigned atype, const uint8_t *p, unsigned alen);

/* ATTR_SET (128): an origin AS and nested attributes; 0, -1 when the
 * origin AS is missing, else the bytes left when a nested one is short. */
static int attr_set(nd_t *nd, const uint8_t *t, unsigned len)
{
	nd_need(nd, t, 4);
	if (len < 4)
		return -1;
	nd_s(nd, "\n\t    Origin AS: ");
	put_as(nd, nd_be32(nd, t));
	t += 4;
	len -= 4;
	while (len) {
		nd_need(nd, t, 2);
		if (len < 2)
			return (int)len;
		unsigned fl = t[0], type = t[1];
		unsigned ll = (fl & 0x10) ? 2 : 1;
		t += 2;
		len -= 2;
		nd_need(nd, t, ll);
		if (len < ll)
			return (int)len;
		unsigned al = ll == 2 ? nd_be16(nd, t) : t[0];
		t += ll;
		len -= ll;
		attr_head(nd, "\n\t      ", fl, type, al);
		if (len < al)
			return (int)len;
		attr(nd, type, t, al);
		t += al;
		len -= al;
	}
	return 0;
}

static void attr(nd_t *nd, unsigned atype, const uint8_t *p, unsigned alen)
{
	const uint8_t *t = p;
	unsigned len = alen;
	switch (atype) {
	case 128:
		{
			int r = attr_set(nd, t, len);
			if (r < 0)
				nd_trunc(nd);
			if (r > 0)
				nd_s(nd, " [path attr too short]");
			alen = (unsigned)r;
		}
		break;
	case 1:
		if (len != 1) {
			nd_s(nd, "invalid len");
			break;
		}
		{
			unsigned o = nd_u8(nd, t);
			nd_s(nd, o == 0 ? "IGP" : o == 1 ? "EGP" : o == 2 ? "Incomplete"
			     : "Unknown Origin Typecode");
		}
		break;
	case 2: case 17: {
		if (len % 2) {
			nd_s(nd, "invalid len");
			break;
		}
		if (!len) {
			nd_s(nd, "empty");
			break;
		}
		unsigned sz = as_size(nd, atype, p, len);
		static const char *const op[] = { "?", "{ ", "", "( ", "({ " };
		static const char *const cl[] = { "?", "}", "", ")", "})" };
		while (t < p + len) {
			unsigned seg = nd_u8(nd, t), cnt = nd_u8(nd, t + 1);
			nd_s(nd, seg >= 1 && seg <= 4 ? op[seg] : "?");
			for (unsigned i = 0; i < cnt * sz; i += sz) {
				nd_need(nd, t + 2 + i, sz);
				put_as(nd, sz == 2 ? nd_be16(nd, t + 2 + i) : nd_be32(nd, t + 2 + i));
				nd_c(nd, ' ');
			}
			nd_s(nd, seg >= 1 && seg <= 4 ? cl[seg] : "?");
			t += 2 + cnt * sz;
		}
		break;
	}
	case 3: case 9:
		if (len != 4) {
			nd_s(nd, "invalid len");
			break;
		}
		put_ip4(nd, t);
		break;
	case 4: case 5:
		if (len != 4) {
			nd_s(nd, "invalid len");
			break;
		}
		nd_u(nd, nd_be32(nd, t));
		break;
	case 6:
		if (len != 0)
			nd_s(nd, "invalid len");
		break;
	case 7: case 18:
		if ((atype == 7 && len != 6 && len != 8) || (atype == 18 && len != 8)) {
			nd_s(nd, "invalid len");
			break;
		}
		nd_need(nd, t, len);
		nd_s(nd, " AS #");
		if (len == 6) {
			put_as(nd, nd_be16(nd, t));
			nd_s(nd, ", origin ");
			put_ip4(nd, t + 2);
		} else {
			put_as(nd, nd_be32(nd, t));
			nd_s(nd, ", origin ");
			put_ip4(nd, t + 4);
		}
		break;
	case 8:
		if (len % 4) {
			nd_s(nd, "invalid len");
			break;
		}
		while (len != 0) {
			uint32_t c = nd_be32(nd, t);
			if (c == 0xffffff01)
				nd_s(nd, " NO_EXPORT");
			else if (c == 0xffffff02)
				nd_s(nd, " NO_ADVERTISE");
			else if (c == 0xffffff03)
				nd_s(nd, " NO_EXPORT_SUBCONFED");
			else
				nd_printf(nd, "%u:%u%s", c >> 16, c & 0xffff, len > 4 ? ", " : "");
			t += 4;
			len -= 4;
		}
		break;
	case 10:
		if (len % 4) {
			nd_s(nd, "invalid len");
			break;
		}
		while (len != 0) {
			put_ip4(nd, t);
			if (len > 4)
				nd_s(nd, ", ");
			t += 4;
			len -= 4;
		}
		break;
	case 14:
		mp_reach(nd, t, len);
		break;
	case 15:
		mp_unreach(nd, t, len);
		break;
	case 26:
		while (len >= 3) {
			nd_need(nd, t, 3);
			unsigned tt = t[0], tl = nd_be16(nd, t + 1);
			nd_printf(nd, "\n\t    %s (%u), length %u",
				  tt == 1 ? "AIGP TLV" : "Unknown TLV", tt, tl);
			if (tl < 3 || tl > len)
				nd_trunc(nd);
			if (tt == 1) {
				if (tl != 11)
					nd_trunc(nd);
				nd_need(nd, t + 3, 8);
				nd_printf(nd, ", metric %llu",
					  (unsigned long long)nd_be32(nd, t + 3) << 32 |
					  nd_be32(nd, t + 7));
			} else if (nd->opt->vflag <= 1 && tl > 3) {
				nd_need(nd, t + 3, tl - 3);
				hex_dump(nd->out, "\n\t      ", t + 3, tl - 3, 0);
			}
			t += tl;
			len -= tl;
		}
		break;
	case 16:
		if (len % 8) {
			nd_s(nd, "invalid len");
			break;
		}
		for (; len >= 8; t += 8, len -= 8)
			extcomm(nd, t);
		break;
	case 32:
		if (len == 0 || len % 12) {
			nd_s(nd, "invalid len");
			break;
		}
		nd_s(nd, "\n\t    ");
		while (len > 0) {
			nd_printf(nd, "%u:%u:%u%s", nd_be32(nd, t), nd_be32(nd, t + 4),
				  nd_be32(nd, t + 8), len > 12 ? ", " : "");
			t += 12;
			len -= 12;
		}
		alen = 0;
		break;
	default:
		nd_need(nd, p, len);
		nd_printf(nd, "\n\t    no Attribute %u decoder", atype);
		if (nd->opt->vflag <= 1)
			hex_dump(nd->out, "\n\t    ", p, len, 0);
		break;
	}
	if (nd->opt->vflag > 1 && alen) {
		nd_need(nd, p, alen);
		hex_dump(nd->out, "\n\t    ", p, alen, 0);
	}
}

/* One attribute; a truncation inside it ends only this message, so it is
 * caught here: -1 then. */
static int attr_guarded(nd_t *nd, unsigned type, const uint8_t *p, unsigned al)
{
	jmp_buf save;
	memcpy(save, nd->trunc, sizeof save);
	if (setjmp(nd->trunc)) {
		memcpy(nd->trunc, save, sizeof save);
		return -1;
	}
	attr(nd, type, p, al);
	memcpy(nd->trunc, save, sizeof save);
	return 0;
}

/* UPDATE; returns -1 when truncated. */
static int update_msg(nd_t *nd, const uint8_t *dat, unsigned length)
{
	nd_need(nd, dat, 19);
	if (length < 19)
		return -1;
	const uint8_t *p = dat + 19;
	length -= 19;
	if (!nd_has(nd, p, 2) || length < 2)
		return -1;
	unsigned wlen = nd_be16(nd, p);
	p += 2;
	length -= 2;
	if (wlen > 1) {
		if (!nd_has(nd, p, wlen) || length < wlen)
			return -1;
		nd_s(nd, "\n\t  Withdrawn routes:");
		unsigned before = length;
		if (prefixes(nd, &p, &length, wlen) < 0)
			return -1;
		wlen -= before - length;
	} else {
		if (!nd_has(nd, p, wlen) || length < wlen)
			return -1;
		p += wlen;
		length -= wlen;
	}
	if (!nd_has(nd, p, 2) || length < 2)
		return -1;
	unsigned alen_total = nd_be16(nd, p);
	p += 2;
	length -= 2;
	if (wlen == 0 && alen_total == 0 && length == 0) {
		nd_s(nd, "\n\t  End-of-Rib Marker (empty NLRI)");
		return 0;
	}
	if (!nd_has(nd, p, alen_total))
		return -1;
	unsigned len = alen_total;
	while (len) {
		if (!nd_has(nd, p, 2) || length < 2)
			return -1;
		if (len < 2) {
			nd_s(nd, "\n\t  [path attrs too short]");
			p += len;
			length -= len;
			break;
		}
		unsigned fl = p[0], type = p[1];
		p += 2;
		len -= 2;
		length -= 2;
		unsigned ll = (fl & 0x10) ? 2 : 1;
		if (!nd_has(nd, p, ll) || length < ll)
			return -1;
		if (len < ll) {
			nd_s(nd, "\n\t  [path attrs too short]");
			p += len;
			length -= len;
			break;
		}
		unsigned al = ll == 2 ? nd_be16(nd, p) : p[0];
		p += ll;
		len -= ll;
		length -= ll;
		attr_head(nd, "\n\t  ", fl, type, al);
		if (len < al) {
			nd_s(nd, " [path attrs too short]");
			p += len;
			length -= len;
			break;
		}
		if (length < al)
			return -1;
		if (attr_guarded(nd, type, p, al) < 0)
			return -1;
		p += al;
		len -= al;
		length -= al;
	}
	if (length) {
		nd_s(nd, "\n\t  Updated routes:");
		if (prefixes(nd, &p, &length, length) < 0)
			return -1;
	}
	return 0;
}

void bgp_print(nd_t *nd, const uint8_t *dat, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const uint8_t marker[16] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	(void)ip; (void)sport; (void)dport; (void)length;
	nd_proto(nd, "bgp");
	nd_s(nd, ": BGP");
	if (!nd->opt->vflag)
		return;
	const uint8_t *p = dat, *start = dat, *ep = nd->end;
	while (p < ep) {
		if (*p != 0xff) {
			p++;
			continue;
		}
		if (!nd_has(nd, p, 16))
			break;
		if (memcmp(p, marker, 16) != 0) {
			p++;
			continue;
		}
		if (!nd_has(nd, p, 19)) {
			nd_print_trunc(nd);
			return;
		}
		if (start != p)
			nd_print_trunc(nd);
		unsigned hlen = nd_be16(nd, p + 16), type = p[18];
		if (hlen < 19) {
			nd_printf(nd, "\nmessage length %u < 19", hlen);
			nd_print_invalid(nd);
			break;
		}
		const char *n = msg_name(type);
		if (!nd_has(nd, p, hlen)) {
			nd_printf(nd, "\n[|BGP %s]", n ? n : "Unknown Message Type");
			break;
		}
		nd_printf(nd, "\n\t%s Message (%u), length: %u", n ? n : "Unknown", type,
			  hlen);
		if (type == 3) {
			notification(nd, p, hlen);
		} else if (type == 1) {
			open_msg(nd, p, hlen);
		} else if (type == 2) {
			if (update_msg(nd, p, hlen) < 0)
				nd_print_trunc(nd);
		} else if (type == 5) {
			if (hlen >= 23) {
				nd_s(nd, "\n\t  ");
				put_afi_safi(nd, nd_be16(nd, p + 19), nd_u8(nd, p + 22));
				if (nd->opt->vflag > 1) {
					nd_need(nd, p, 23);
					dump_captured(nd, p, "\n\t  ", hlen);
				}
			}
		} else if (!n) {
			nd_printf(nd, "\n\t  no Message %u decoder", type);
			hex_dump(nd->out, "\n\t  ", p, hlen, 0);
		}
		p += hlen;
		start = p;
	}
}
