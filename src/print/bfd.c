/* bfd.c - BFD (RFC 5880/5881/5883/7130) control and echo packets. */
#include "../core/hexdump.h"
#include "print.h"

#define BFD_CONTROL 3784
#define BFD_ECHO 3785
#define BFD_MULTIHOP 4784
#define BFD_LAG 6784

static const char *const states[4] = { "AdminDown", "Down", "Init", "Up" };

static const char *const diags[] = {
	"No Diagnostic", "Control Detection Time Expired",
	"Echo Function Failed", "Neighbor Signaled Session Down",
	"Forwarding Plane Reset", "Path Down", "Concatenated Path Down",
	"Administratively Down", "Reverse Concatenated Path Down",
};

static const char *const auth_types[] = {
	NULL, "Simple Password", "Keyed MD5", "Meticulous Keyed MD5",
	"Keyed SHA1", "Meticulous Keyed SHA1",
};

/* v1 flags are the low six bits; v0 uses all eight. */
static void put_flags(nd_t *nd, unsigned f, int v0)
{
	static const char *const names1[6] = {
		"Poll", "Final", "Control Plane Independent",
		"Authentication Present", "Demand", "Multipoint",
	};
	static const char *const names0[8] = {
		"I Hear You", "Demand", "Poll", "Final",
		"Control Plane Independent", "Authentication Present",
		"Reserved", "Reserved",
	};
	const char *const *names = v0 ? names0 : names1;
	unsigned n = v0 ? 8 : 6, top = v0 ? 0x80 : 0x20;
	int any = 0;
	nd_s(nd, "Flags: [");
	for (unsigned i = 0; i < n; i++) {
		if (f & (top >> i)) {
			if (any)
				nd_s(nd, ", ");
			nd_s(nd, names[i]);
			any = 1;
		}
	}
	if (!any)
		nd_s(nd, "none");
	nd_c(nd, ']');
}

/* The undecoded payload, as much as was captured. */
static void raw_dump(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, "\n\t", p, len < avail ? len : (unsigned)avail, 0);
}

static const char *port_name(unsigned port)
{
	return port == BFD_CONTROL ? "Control" : port == BFD_MULTIHOP ? "Multihop"
	       : "Lag";
}

/* The authentication section; 1 when the capture ended inside it. */
static int auth_print(nd_t *nd, const uint8_t *p)
{
	p += 24;
	if (!nd_has(nd, p, 4))
		return 1;
	unsigned type = p[0], len = p[1];
	nd_printf(nd, "\n\tAuthentication: %s (%u), length: %u",
		  type < 6 && auth_types[type] ? auth_types[type] : "Unknown",
		  type, len);
	p += 2;
	nd_printf(nd, "\n\t  Auth Key ID: %u", nd_u8(nd, p));
	switch (type) {
	case 1:
		if (len < 4 || len > 19) {
			nd_printf(nd, "[invalid length %u]", len);
			break;
		}
		p++;
		nd_s(nd, ", Password: ");
		for (unsigned i = 0; i < len - 3; i++)
			nd_print_char(nd, nd_u8(nd, p + i));
		break;
	case 2: case 3: case 4: case 5: {
		unsigned flen = type <= 3 ? 24 : 28, hlen = type <= 3 ? 16 : 20;
		if (len != flen) {
			nd_printf(nd, "[invalid length %u]", len);
			break;
		}
		p += 2;
		nd_printf(nd, ", Sequence Number: 0x%08x", nd_be32(nd, p));
		p += 4;
		if (!nd_has(nd, p, hlen))
			return 1;
		nd_s(nd, type <= 3 ? "\n\t  Digest: " : "\n\t  Hash: ");
		for (unsigned i = 0; i < hlen; i++)
			nd_printf(nd, "%02x", p[i]);
		break;
	}
	}
	return 0;
}

void bfd_print(nd_t *nd, const uint8_t *bp, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport;
	nd_proto(nd, "bfd");
	if (dport != BFD_CONTROL && dport != BFD_MULTIHOP && dport != BFD_LAG &&
	    dport != BFD_ECHO) {
		/* tcpdump looks at the destination port only */
		nd_printf(nd, "UDP, length %u", len);
		return;
	}
	if (dport == BFD_ECHO) {
		nd_printf(nd, "BFD, Echo, length: %u", len);
		if (nd->opt->vflag)
			raw_dump(nd, bp, len);
		return;
	}
	if (!nd_has(nd, bp, 24)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned vd = bp[0], flags = bp[1], version = vd >> 5, diag = vd & 0x1f;
	if (version > 1) {
		nd_printf(nd, "BFDv%u, Control, length: %u", version, len);
		if (nd->opt->vflag)
			raw_dump(nd, bp, len);
		return;
	}
	int v0 = version == 0;
	if (!nd->opt->vflag) {
		nd_printf(nd, "BFDv%u, %s, ", version,
			  v0 ? "Control" : port_name(dport));
		if (!v0)
			nd_printf(nd, "State %s, ", states[flags >> 6]);
		put_flags(nd, v0 ? flags : flags & 0x3f, v0);
		nd_printf(nd, ", length: %u", len);
		return;
	}
	nd_printf(nd, "BFDv%u, length: %u\n\t%s, ", version, len,
		  v0 ? "Control" : port_name(dport));
	if (!v0)
		nd_printf(nd, "State %s, ", states[flags >> 6]);
	put_flags(nd, v0 ? flags : flags & 0x3f, v0);
	nd_printf(nd, ", Diagnostic: %s (0x%02x)",
		  diag < sizeof diags / sizeof *diags ? diags[diag] : "unknown",
		  diag);
	uint32_t tx = nd_be32(nd, bp + 12);
	nd_printf(nd, "\n\tDetection Timer Multiplier: %u (%u ms Detection time), BFD Length: %u",
		  bp[2], (uint32_t)(bp[2] * tx) / 1000, bp[3]);
	nd_printf(nd, "\n\tMy Discriminator: 0x%08x", nd_be32(nd, bp + 4));
	nd_printf(nd, ", Your Discriminator: 0x%08x", nd_be32(nd, bp + 8));
	nd_printf(nd, "\n\t  Desired min Tx Interval:    %4u ms", tx / 1000);
	nd_printf(nd, "\n\t  Required min Rx Interval:   %4u ms",
		  nd_be32(nd, bp + 16) / 1000);
	nd_printf(nd, "\n\t  Required min Echo Interval: %4u ms",
		  nd_be32(nd, bp + 20) / 1000);
	if ((flags & 0x04) && auth_print(nd, bp))
		nd_print_trunc(nd);
}
