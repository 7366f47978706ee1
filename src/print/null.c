/* null.c - BSD loopback (DLT_NULL, host byte order) and DLT_LOOP (network
 * byte order): a 4-byte address family, then the packet. */
#include "print.h"

static unsigned af_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                         unsigned len, int big_endian)
{
	nd_proto(nd, "null");
	if (caplen < 4) {
		nd_print_trunc(nd);
		return caplen;
	}
	uint32_t af = big_endian ? nd_be32(nd, p) : nd_le32(nd, p);
	/* a capture from the other byte order shows the family in the top bytes */
	if ((af & 0xffff0000u) != 0)
		af = (af >> 24) | ((af >> 8) & 0xff00) | ((af << 8) & 0xff0000) | (af << 24);
	const char *name;
	switch (af) {
	case 2: name = "IPv4"; break;
	case 24: case 28: case 30: name = "IPv6"; break;
	case 7: name = "OSI"; break;
	case 16: name = "Appletalk"; break;
	case 23: name = "Novell"; break;
	default: name = NULL; break;
	}
	if (nd->opt->eflag) {
		if (name)
			nd_printf(nd, "AF %s (%u), length %u: ", name, af, len);
		else
			nd_printf(nd, "AF Unknown (%u), length %u: ", af, len);
	}
	p += 4;
	len -= 4;
	if (af == 2)
		ip_print(nd, p, len);
	else if (af == 24 || af == 28 || af == 30)
		ip6_print(nd, p, len);
	else {
		if (!nd->opt->eflag)
			nd_printf(nd, "AF %s (%u), length %u: ", name ? name : "Unknown",
				  af, len + 4);
	}
	return 4;
}

unsigned null_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	return af_print(nd, p, caplen, len, 0);
}

unsigned loop_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	return af_print(nd, p, caplen, len, 1);
}
