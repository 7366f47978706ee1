/* bgp.c - BGP-4 (RFC 4271): finds the messages in a TCP segment and shows
 * their headers.  Only KEEPALIVE needs nothing more; OPEN, UPDATE,
 * NOTIFICATION and ROUTE-REFRESH bodies are not decoded yet. */
#include "../core/hexdump.h"
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
	{ 1, "Unicast" }, { 2, "Multicast" }, { 3, "Unicast+Multicast" },
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
		} else if (!n) {
			nd_printf(nd, "\n\t  no Message %u decoder", type);
			hex_dump(nd->out, "\n\t  ", p, hlen, 0);
		}
		p += hlen;
		start = p;
	}
}
