/* ipnet.c - Solaris IPnet pseudo-header (DLT_IPNET): zone ids and an
 * address family before the IP packet. */
#include "print.h"

#define IPNET_HDRLEN 24

static const char *family_name(unsigned f)
{
	switch (f) {
	case 2: return "IPv4";
	case 26: return "IPv6";
	}
	return NULL;
}

static void ipnet_header(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned fam = nd_u8(nd, p + 1);
	const char *name = family_name(fam);
	nd_printf(nd, "%u > %u", nd_be32(nd, p + 16), nd_be32(nd, p + 20));
	if (!nd->opt->qflag)
		nd_printf(nd, ", family %s (%u)", name ? name : "Unknown", fam);
	else if (name)
		nd_printf(nd, ", %s", name);
	else
		nd_printf(nd, ", Unknown Ethertype (0x%04x)", fam);
	nd_printf(nd, ", length %u: ", length);
}

unsigned ipnet_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "ipnet");
	if (caplen < IPNET_HDRLEN) {
		nd_print_trunc(nd);
		return 0;
	}
	if (nd->opt->eflag)
		ipnet_header(nd, p, len);
	unsigned fam = nd_u8(nd, p + 1);
	const uint8_t *q = p + IPNET_HDRLEN;
	unsigned l = len - IPNET_HDRLEN;
	if (fam == 2 && ethertype_print(nd, 0x0800, q, l))
		return IPNET_HDRLEN;
	if (fam == 26 && ethertype_print(nd, 0x86dd, q, l))
		return IPNET_HDRLEN;
	if (!nd->opt->eflag)
		ipnet_header(nd, p, len);
	if (!suppress_default(nd))
		link_default_print(nd, q, caplen - IPNET_HDRLEN);
	return IPNET_HDRLEN;
}
