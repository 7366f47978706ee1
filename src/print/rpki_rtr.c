/* rpki_rtr.c - the RPKI-Router protocol (RFC 6810), version 0 PDUs. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

/* "\n", then a tab per 8 columns and spaces for the rest. */
static void put_indent(nd_t *nd, unsigned indent)
{
	nd_c(nd, '\n');
	for (; indent >= 8; indent -= 8)
		nd_c(nd, '\t');
	for (; indent > 0; indent--)
		nd_c(nd, ' ');
}

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
	return "Unknown";
}

static const char *error_name(unsigned c)
{
	static const char *const n[] = {
		"Corrupt Data", "Internal Error", "No Data Available",
		"Invalid Request", "Unsupported Protocol Version",
		"Unsupported PDU Type", "Withdrawal of Unknown Record",
		"Duplicate Announcement Received",
	};
	return c < sizeof n / sizeof *n ? n[c] : "Unknown";
}

static unsigned pdu(nd_t *nd, const uint8_t *p, unsigned len, int recurse,
                    unsigned indent)
{
	int hexdump = 0;
	unsigned plen = 0;
	if (len < 8) {
		nd_printf(nd, "(%u bytes is too few to decode)", len);
		goto invalid;
	}
	unsigned ver = nd_u8(nd, p);
	if (ver != 0) {
		put_indent(nd, 8);
		nd_printf(nd, "RPKI-RTRv%u (unknown)", ver);
		return len;
	}
	unsigned type = nd_u8(nd, p + 1);
	plen = nd_be32(nd, p + 4);
	put_indent(nd, 8);
	nd_printf(nd, "RPKI-RTRv%u, %s PDU (%u), length: %u", ver, pdu_name(type), type,
		  plen);
	if (plen < 8 || plen > len)
		goto invalid;
	switch (type) {
	case 0: case 1: case 7:
		if (plen != 12)
			goto invalid;
		nd_need(nd, p + 8, 4);
		put_indent(nd, indent + 2);
		nd_printf(nd, "Session ID: 0x%04x, Serial: %u", nd_be16(nd, p + 2),
			  nd_be32(nd, p + 8));
		break;
	case 2: case 8:
		if (plen != 8)
			goto invalid;
		break;
	case 3:
		if (plen != 8)
			goto invalid;
		put_indent(nd, indent + 2);
		nd_printf(nd, "Session ID: 0x%04x", nd_be16(nd, p + 2));
		break;
	case 4: case 6: {
		unsigned al = type == 4 ? 4 : 16;
		if (plen != 16 + al)
			goto invalid;
		nd_need(nd, p + 12, al + 4);
		put_indent(nd, indent + 2);
		nd_printf(nd, "IPv%c Prefix ", type == 4 ? '4' : '6');
		if (type == 4)
			put_ip4(nd, p + 12);
		else
			put_ip6(nd, p + 12);
		nd_printf(nd, "/%u-%u, origin-as %u, flags 0x%02x", nd_u8(nd, p + 9),
			  nd_u8(nd, p + 10), nd_be32(nd, p + 12 + al), nd_u8(nd, p + 8));
		break;
	}
	case 10: {
		unsigned tlen = 8;
		if (plen < tlen + 4)
			goto invalid;
		unsigned enc = nd_be32(nd, p + 8);
		tlen += 4;
		unsigned code = nd_be16(nd, p + 2);
		put_indent(nd, indent + 2);
		nd_printf(nd, "Error code: %s (%u), Encapsulated PDU length: %u",
			  error_name(code), code, enc);
		if (enc) {
			if (plen < tlen + enc)
				goto invalid;
			if (!recurse) {
				if (!nd_has(nd, p, tlen + enc)) {
					nd_print_trunc(nd);
					return len;
				}
			} else {
				put_indent(nd, indent + 4);
				nd_s(nd, "-----encapsulated PDU-----");
				pdu(nd, p + tlen, enc, 0, indent + 2);
			}
			tlen += enc;
		}
		if (plen < tlen + 4)
			goto invalid;
		unsigned text = nd_be32(nd, p + tlen);
		tlen += 4;
		if (text) {
			if (plen < tlen + text)
				goto invalid;
			put_indent(nd, indent + 2);
			nd_s(nd, "Error text: ");
			if (nd_print_chars(nd, p + tlen, text))
				nd_print_trunc(nd);
		}
		break;
	}
	default:
		if (!nd_has(nd, p, plen)) {
			nd_print_trunc(nd);
			return len;
		}
		hexdump = 1;
		break;
	}
	if (nd->opt->vflag > 1 || (nd->opt->vflag && hexdump)) {
		size_t avail = nd_avail(nd, p);
		hex_dump(nd->out, "\n\t  ", p, plen < avail ? plen : (unsigned)avail, 0);
	}
	return plen;
invalid:
	nd_print_invalid(nd);
	if (!nd_has(nd, p, len))
		nd_print_trunc(nd);
	return len;
}

void rpki_rtr_print(nd_t *nd, const uint8_t *p, unsigned len,
                    const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "rpki_rtr");
	if (!nd->opt->vflag) {
		nd_s(nd, ", RPKI-RTR");
		return;
	}
	while (len) {
		unsigned n = pdu(nd, p, len, 1, 8);
		if (n == 0 || n > len)
			break;
		len -= n;
		p += n;
	}
}
