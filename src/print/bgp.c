/* bgp.c - BGP-4 (RFC 4271): finds the messages in a TCP segment and shows
 * their headers.  Only KEEPALIVE needs nothing more; OPEN, UPDATE,
 * NOTIFICATION and ROUTE-REFRESH bodies are not decoded yet. */
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
		} else if (!n) {
			nd_printf(nd, "\n\t  no Message %u decoder", type);
			hex_dump(nd->out, "\n\t  ", p, hlen, 0);
		}
		p += hlen;
		start = p;
	}
}
