/* bfd.c - Bidirectional Forwarding Detection (RFC 5880 and its UDP
 * encapsulations): control packets on 3784 (single hop), 4784 (multihop),
 * 6784 (LAG micro-BFD) and echo packets on 3785.  tcpdump decodes BFD only
 * by destination port. */
#include "../core/hexdump.h"
#include "print.h"

#define BFD_CONTROL_PORT 3784
#define BFD_ECHO_PORT 3785
#define BFD_MULTIHOP_PORT 4784
#define BFD_LAG_PORT 6784

#define BFD_HDRLEN 24
#define BFD_FLAG_AUTH 0x04

static const struct tok v1_flags[] = {
	{ 0x20, "Poll" }, { 0x10, "Final" },
	{ 0x08, "Control Plane Independent" },
	{ 0x04, "Authentication Present" }, { 0x02, "Demand" },
	{ 0x01, "Multipoint" }, { 0, NULL },
};

static const struct tok v0_flags[] = {
	{ 0x80, "I Hear You" }, { 0x40, "Demand" }, { 0x20, "Poll" },
	{ 0x10, "Final" }, { 0x08, "Control Plane Independent" },
	{ 0x04, "Authentication Present" }, { 0x02, "Reserved" },
	{ 0x01, "Reserved" }, { 0, NULL },
};

static const char *const diag_names[] = {
	"No Diagnostic", "Control Detection Time Expired",
	"Echo Function Failed", "Neighbor Signaled Session Down",
	"Forwarding Plane Reset", "Path Down", "Concatenated Path Down",
	"Administratively Down", "Reverse Concatenated Path Down",
};

static const char *const state_names[] = { "AdminDown", "Down", "Init", "Up" };

static const char *const auth_names[] = {
	[1] = "Simple Password", [2] = "Keyed MD5", [3] = "Meticulous Keyed MD5",
	[4] = "Keyed SHA1", [5] = "Meticulous Keyed SHA1",
};

static void put_flags(nd_t *nd, const struct tok *t, unsigned v)
{
	nd_s(nd, "Flags: [");
	put_bits(nd, t, v, "none");
	nd_c(nd, ']');
}

/* -v hex of an undecoded packet: what was captured, without a marker. */
static void raw_dump(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, "\n\t", p, len < avail ? len : (unsigned)avail, 0);
}

static void put_hex(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_x(nd->out, p[i], 2);
}

/* Authentication section (RFC 5880 section 4.2), after the header. */
static void auth_print(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	unsigned type = p[0], alen = p[1];
	const char *name = type < sizeof auth_names / sizeof *auth_names &&
				   auth_names[type] ? auth_names[type] : "Unknown";
	nd_s(nd, "\n\tAuthentication: ");
	nd_s(nd, name);
	nd_s(nd, " (");
	nd_u(nd, type);
	nd_s(nd, "), length: ");
	nd_u(nd, alen);
	nd_s(nd, "\n\t  Auth Key ID: ");
	nd_u(nd, p[2]);
	unsigned dlen;
	const char *label;
	switch (type) {
	case 1:
		if (alen < 4 || alen > 19) {
			nd_s(nd, "[invalid length ");
			nd_u(nd, alen);
			nd_c(nd, ']');
			return;
		}
		nd_s(nd, ", Password: ");
		for (unsigned i = 3; i < alen; i++)
			nd_print_char(nd, nd_u8(nd, p + i));
		return;
	case 2: case 3:
		dlen = 16;
		label = "Digest";
		break;
	case 4: case 5:
		dlen = 20;
		label = "Hash";
		break;
	default:
		return;
	}
	if (alen != 8 + dlen) {
		nd_s(nd, "[invalid length ");
		nd_u(nd, alen);
		nd_c(nd, ']');
		return;
	}
	{
		unsigned v0 = nd_be32(nd, p + 4);
		nd_s(nd, ", Sequence Number: 0x");
		out_x(nd->out, v0, 8);
	}
	nd_need(nd, p + 8, dlen);
	nd_s(nd, "\n\t  ");
	nd_s(nd, label);
	nd_s(nd, ": ");
	put_hex(nd, p + 8, dlen);
}

static void control_print(nd_t *nd, const uint8_t *p, unsigned len,
                          const char *kind)
{
	nd_need(nd, p, BFD_HDRLEN);
	unsigned version = p[0] >> 5;
	if (version != 1)
		kind = "Control"; /* tcpdump names only version 1 by port */
	if (version > 1) {
		nd_s(nd, "BFDv");
		nd_u(nd, version);
		nd_s(nd, ", ");
		nd_s(nd, kind);
		nd_s(nd, ", length: ");
		nd_u(nd, len);
		if (nd->opt->vflag)
			raw_dump(nd, p, len);
		return;
	}
	unsigned diag = p[0] & 0x1f, flags, state = p[1] >> 6;
	const struct tok *ft;
	if (version == 0) {
		flags = p[1];
		ft = v0_flags;
	} else {
		flags = p[1] & 0x3f;
		ft = v1_flags;
	}
	if (!nd->opt->vflag) {
		nd_s(nd, "BFDv");
		nd_u(nd, version);
		nd_s(nd, ", ");
		nd_s(nd, kind);
		nd_s(nd, ", ");
		if (version == 1) {
			nd_s(nd, "State ");
			nd_s(nd, state_names[state]);
			nd_s(nd, ", ");
		}
		put_flags(nd, ft, flags);
		nd_s(nd, ", length: ");
		nd_u(nd, len);
		return;
	}
	nd_s(nd, "BFDv");
	nd_u(nd, version);
	nd_s(nd, ", length: ");
	nd_u(nd, len);
	nd_s(nd, "\n\t");
	nd_s(nd, kind);
	nd_s(nd, ", ");
	if (version == 1) {
		nd_s(nd, "State ");
		nd_s(nd, state_names[state]);
		nd_s(nd, ", ");
	}
	put_flags(nd, ft, flags);
	nd_s(nd, ", Diagnostic: ");
	nd_s(nd, diag < sizeof diag_names / sizeof *diag_names
			  ? diag_names[diag] : "unknown");
	nd_s(nd, " (0x");
	out_x2(nd->out, diag);
	nd_c(nd, ')');
	unsigned mult = p[2];
	uint32_t tx = nd_be32(nd, p + 12), rx = nd_be32(nd, p + 16);
	uint32_t echo = nd_be32(nd, p + 20);
	nd_s(nd, "\n\tDetection Timer Multiplier: ");
	nd_u(nd, mult);
	nd_s(nd, " (");
	nd_u(nd, (uint32_t)(mult * tx) / 1000);
	nd_s(nd, " ms Detection time), BFD Length: ");
	nd_u(nd, p[3]);
	{
		unsigned v0 = nd_be32(nd, p + 4);
		unsigned v1 = nd_be32(nd, p + 8);
		nd_s(nd, "\n\tMy Discriminator: 0x");
		out_x(nd->out, v0, 8);
		nd_s(nd, ", Your Discriminator: 0x");
		out_x(nd->out, v1, 8);
	}
	nd_s(nd, "\n\t  Desired min Tx Interval:    ");
	out_uw(nd->out, tx / 1000, 4, ' ');
	nd_s(nd, " ms");
	nd_s(nd, "\n\t  Required min Rx Interval:   ");
	out_uw(nd->out, rx / 1000, 4, ' ');
	nd_s(nd, " ms");
	nd_s(nd, "\n\t  Required min Echo Interval: ");
	out_uw(nd->out, echo / 1000, 4, ' ');
	nd_s(nd, " ms");
	if (flags & BFD_FLAG_AUTH)
		auth_print(nd, p + BFD_HDRLEN);
}

void bfd_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	nd_proto(nd, "bfd");
	switch (dport) {
	case BFD_CONTROL_PORT:
		control_print(nd, p, len, "Control");
		return;
	case BFD_MULTIHOP_PORT:
		control_print(nd, p, len, "Multihop");
		return;
	case BFD_LAG_PORT:
		control_print(nd, p, len, "Lag");
		return;
	case BFD_ECHO_PORT:
		nd_s(nd, "BFD, Echo, length: ");
		nd_u(nd, len);
		if (nd->opt->vflag)
			raw_dump(nd, p, len);
		return;
	}
	/* Only the source port is BFD's: tcpdump goes on with the other
	 * port tests. */
	port_fn fn = dispatch_udp_next(bfd_print, sport, dport);
	if (fn) {
		fn(nd, p, len, ip, sport, dport);
		return;
	}
	nd_s(nd, "UDP, length ");
	nd_u(nd, len);
}
