/* null.c - BSD loopback (DLT_NULL, host byte order) and DLT_LOOP (network
 * byte order): a 4-byte address family, then the packet. */
#include "print.h"

#define NULL_HDRLEN 4

static const char *af_name(uint32_t af)
{
	switch (af) {
	case 2: return "IPv4";
	case 7: return "ISO";
	case 16: return "Appletalk";
	case 23: return "IPX";
	case 24: case 28: case 30: return "IPv6";
	}
	return NULL;
}

static void af_header(nd_t *nd, uint32_t af, unsigned len)
{
	const char *name = af_name(af);
	if (!nd->opt->qflag)
		nd_printf(nd, "AF %s (%u)", name ? name : "Unknown", af);
	else if (name)
		nd_s(nd, name);
	else
		nd_printf(nd, "Unknown AF %u", af);
	nd_printf(nd, ", length %u: ", len);
}

static unsigned af_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                         unsigned len, int loop)
{
	nd_proto(nd, "null");
	if (caplen < NULL_HDRLEN) {
		nd_print_trunc(nd);
		return 0;
	}
	uint32_t af;
	if (loop) {
		af = nd_be32(nd, p);
	} else {
		af = nd_le32(nd, p);
		/* written on a host of the other byte order */
		if (af & 0xffff0000u)
			af = nd_be32(nd, p);
	}
	if (nd->opt->eflag)
		af_header(nd, af, len);
	p += NULL_HDRLEN;
	len -= NULL_HDRLEN;
	caplen -= NULL_HDRLEN;
	unsigned et = 0;
	switch (af) {
	case 2: et = 0x0800; break;
	case 24: case 28: case 30: et = 0x86dd; break;
	case 7: et = 0xfefe; break;
	case 16: et = 0x809b; break;
	case 23:
		ipx_print(nd, p, len);
		return NULL_HDRLEN;
	}
	if (et && ethertype_print(nd, et, p, len))
		return NULL_HDRLEN;
	if (!nd->opt->eflag)
		af_header(nd, af, len + NULL_HDRLEN);
	if (!suppress_default(nd))
		link_default_print(nd, p, caplen);
	return NULL_HDRLEN;
}

unsigned null_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	return af_print(nd, p, caplen, len, 0);
}

unsigned loop_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	return af_print(nd, p, caplen, len, 1);
}
