/* chdlc.c - Cisco HDLC framing and its SLARP keepalive/address protocol. */
#include "../core/names.h"
#include "print.h"

#define CHDLC_HDRLEN 4
#define SLARP_MIN_LEN 14
#define SLARP_MAX_LEN 18

static void slarp_print(nd_t *nd, const uint8_t *cp, unsigned length)
{
	nd_proto(nd, "chdlc_slarp");
	nd_printf(nd, "SLARP (length: %u), ", length);
	if (length < SLARP_MIN_LEN || !nd_has(nd, cp, SLARP_MIN_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	uint32_t code = nd_be32(nd, cp);
	switch (code) {
	case 0:
		nd_s(nd, "request");
		break;
	case 1:
		nd_s(nd, "reply ");
		put_ip4(nd, cp + 4);
		nd_c(nd, '/');
		put_ip4(nd, cp + 8);
		break;
	case 2:
		nd_printf(nd, "keepalive: mineseen=0x%08x, yourseen=0x%08x, reliability=0x%04x",
			  nd_be32(nd, cp + 4), nd_be32(nd, cp + 8), nd_be16(nd, cp + 12));
		if (length >= SLARP_MAX_LEN) {
			/* tcpdump moves its cursor here, which shifts the -vv
			 * dump below */
			cp += SLARP_MIN_LEN;
			unsigned sec = nd_be32(nd, cp) / 1000;
			unsigned min = sec / 60;
			sec -= min * 60;
			unsigned hrs = min / 60;
			min -= hrs * 60;
			unsigned days = hrs / 24;
			hrs -= days * 24;
			nd_printf(nd, ", link uptime=%ud%uh%um%us", days, hrs, min, sec);
		}
		break;
	default:
		nd_printf(nd, "0x%02x unknown", code);
		if (nd->opt->vflag <= 1)
			print_unknown_data(nd, cp + 4, "\n\t", length - 4);
		break;
	}
	if (SLARP_MAX_LEN < length && nd->opt->vflag)
		nd_printf(nd, ", (trailing junk: %u bytes)", length - SLARP_MAX_LEN);
	if (nd->opt->vflag > 1)
		print_unknown_data(nd, cp + 4, "\n\t", length - 4);
}

unsigned chdlc_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "chdlc");
	if (length < CHDLC_HDRLEN) {
		nd_print_trunc(nd);
		return length;
	}
	unsigned proto = nd_be16(nd, p + 2);
	if (nd->opt->eflag) {
		unsigned cast = nd_u8(nd, p);
		const char *s = ethertype_name(proto);
		if (cast == 0x0f)
			nd_s(nd, "unicast");
		else if (cast == 0x8f)
			nd_s(nd, "bcast");
		else
			nd_printf(nd, "0x%02x", cast);
		nd_printf(nd, ", ethertype %s (0x%04x), length %u: ", s ? s : "Unknown",
			  proto, length);
	}
	length -= CHDLC_HDRLEN;
	p += CHDLC_HDRLEN;
	switch (proto) {
	case 0x8035:
		slarp_print(nd, p, length);
		break;
	case 0xfefe:
		/* a "fudge" byte may precede the ISO header */
		if (length < 2) {
			nd_print_trunc(nd);
			break;
		}
		{
			unsigned n = nd_u8(nd, p + 1);
			if (n == 0x81 || n == 0x82 || n == 0x83)
				ethertype_print(nd, 0xfefe, p + 1, length - 1);
			else
				ethertype_print(nd, 0xfefe, p, length);
		}
		break;
	case 0x0800:
	case 0x86dd:
	case 0x8847:
	case 0x8848:
		if (ethertype_print(nd, proto, p, length))
			break;
		/* fall through */
	default:
		if (!nd->opt->eflag)
			nd_printf(nd, "unknown CHDLC protocol (0x%04x)", proto);
		break;
	}
	return CHDLC_HDRLEN;
}

unsigned chdlc_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	(void)caplen;
	return chdlc_print(nd, p, len);
}
