/* ipoib.c - IP over InfiniBand (DLT_IPOIB): a 40-byte address pseudo
 * header, an ethertype and two reserved bytes. */
#include "print.h"

#define IPOIB_HDRLEN 44

static void ipoib_header(nd_t *nd, unsigned type, unsigned length, int label)
{
	const char *s = ethertype_name(type);
	if (label)
		nd_s(nd, "IPOIB");
	nd_s(nd, ", ethertype ");
	if (!nd->opt->qflag)
		nd_printf(nd, "%s (0x%04x)", s ? s : "Unknown", type);
	else
		nd_s(nd, s ? s : "Unknown");
	nd_printf(nd, ", length %u: ", length);
}

unsigned ipoib_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "ipoib");
	if (caplen < IPOIB_HDRLEN) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned type = nd_be16(nd, p + 40);
	if (nd->opt->eflag)
		ipoib_header(nd, type, len, 1);
	if (!ethertype_print(nd, type, p + IPOIB_HDRLEN, len - IPOIB_HDRLEN)) {
		if (!nd->opt->eflag)
			ipoib_header(nd, type, len, 0);
		if (!suppress_default(nd))
			link_default_print(nd, p + IPOIB_HDRLEN, caplen - IPOIB_HDRLEN);
	}
	return IPOIB_HDRLEN;
}
