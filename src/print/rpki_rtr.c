/* rpki_rtr.c - the RPKI-to-Router protocol, version 0 (RFC 6810), TCP port
 * 323.  Without -v only the name is printed; with -v every PDU of the
 * segment, with -vv each one's bytes in hex as well. */
#include "../core/names.h"
#include "print.h"

static const char *pdu_name(unsigned t)
{
	switch (t) {
	case 0: return "Serial Notify";
	case 1: return "Serial Query";
	case 2: return "Reset Query";
	case 3: return "Cache Response";
	case 4: return "IPV4 Prefix";
	case 6: return "IPV6 Prefix";
	case 7: return "End of Data";
	case 8: return "Cache Reset";
	case 10: return "Error Report";
	}
	return NULL;
}

static unsigned pdu_min(unsigned t)
{
	switch (t) {
	case 0: case 1: case 7: return 12;
	case 4: return 20;
	case 6: return 32;
	case 10: return 12;
	}
	return 8;
}

static const char *const err_names[] = {
	"Corrupt Data", "Internal Error", "No Data Available",
	"Invalid Request", "Unsupported Protocol Version",
	"Unsupported PDU Type", "Withdrawal of Unknown Record",
	"Duplicate Announcement Received",
};

static void indent(nd_t *nd, unsigned n)
{
	nd_s(nd, "\n\t");
	for (unsigned i = 0; i < n; i++)
		nd_c(nd, ' ');
}

/* One PDU: its length, 0 to stop quietly, -1 when it is invalid. */
static long pdu_print(nd_t *nd, const uint8_t *p, unsigned tlen, unsigned ind,
                      unsigned depth)
{
	unsigned ver = nd_u8(nd, p), type = nd_u8(nd, p + 1);
	uint32_t plen = nd_be32(nd, p + 4);
	nd_printf(nd, "\n\tRPKI-RTRv%u", ver);
	if (ver != 0) {
		nd_s(nd, " (unknown)");
		return 0;
	}
	const char *name = pdu_name(type);
	nd_printf(nd, ", %s PDU (%u), length: %u", name ? name : "Unknown", type,
		  plen);
	if (plen < pdu_min(type) || plen > tlen)
		return -1;
	nd_need(nd, p, type == 10 ? 12 : plen);
	switch (type) {
	case 0: case 1: case 7:
		indent(nd, ind);
		nd_printf(nd, "Session ID: 0x%04x, Serial: %u", nd_be16(nd, p + 2),
			  nd_be32(nd, p + 8));
		break;
	case 3:
		indent(nd, ind);
		nd_printf(nd, "Session ID: 0x%04x", nd_be16(nd, p + 2));
		break;
	case 4:
		nd_need(nd, p + 8, 12);
		indent(nd, ind);
		nd_s(nd, "IPv4 Prefix ");
		put_ip4(nd, p + 12);
		nd_printf(nd, "/%u-%u, origin-as %u, flags 0x%02x", p[9], p[10],
			  nd_be32(nd, p + 16), p[8]);
		break;
	case 6:
		nd_need(nd, p + 8, 24);
		indent(nd, ind);
		nd_s(nd, "IPv6 Prefix ");
		put_ip6(nd, p + 12);
		nd_printf(nd, "/%u-%u, origin-as %u, flags 0x%02x", p[9], p[10],
			  nd_be32(nd, p + 28), p[8]);
		break;
	case 10: {
		unsigned code = nd_be16(nd, p + 2);
		uint32_t elen = nd_be32(nd, p + 8);
		indent(nd, ind);
		nd_printf(nd, "Error code: %s (%u), Encapsulated PDU length: %u",
			  code < 8 ? err_names[code] : "Unknown", code, elen);
		if (elen > plen - 12)
			return -1;
		if (elen) {
			indent(nd, ind + 2);
			nd_s(nd, "-----encapsulated PDU-----");
			if (depth < 8 && elen >= 8 &&
			    pdu_print(nd, p + 12, elen, ind + 2, depth + 1) < 0)
				return -1;
		}
		unsigned off = 12 + elen;
		if (plen - off < 4)
			return -1;
		uint32_t txt = nd_be32(nd, p + off);
		off += 4;
		if (txt > plen - off)
			return -1;
		if (txt) {
			indent(nd, ind);
			nd_s(nd, "Error text: ");
			if (nd_print_chars(nd, p + off, txt))
				nd_trunc(nd);
		}
		break;
	}
	}
	if (nd->opt->vflag > 1 || !name)
		print_unknown_data(nd, p, "\n\t  ", plen);
	return (long)plen;
}

void rpki_rtr_print(nd_t *nd, const uint8_t *p, unsigned len,
                    const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip, (void)sport, (void)dport;
	nd_proto(nd, "rpki_rtr");
	if (!nd->opt->vflag) {
		nd_s(nd, ", RPKI-RTR");
		return;
	}
	while (len > 0) {
		if (nd_u8(nd, p) != 0) {
			nd_printf(nd, "\n\tRPKI-RTRv%u (unknown)", p[0]);
			return;
		}
		if (len < 8) {
			nd_printf(nd, "(%u bytes is too few to decode) (invalid)", len);
			nd_need(nd, p, len);
			return;
		}
		long r = pdu_print(nd, p, len, 2, 0);
		if (r < 0) {
			nd_s(nd, " (invalid)");
			nd_need(nd, p, len);
			return;
		}
		if (r == 0)
			return;
		p += r;
		len -= (unsigned)r;
	}
}
