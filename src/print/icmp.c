/* icmp.c - ICMP (RFC 792 and successors). */
#include "../core/names.h"
#include "print.h"

void icmp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip)
{
	(void)ip;
	nd_proto(nd, "icmp");
	unsigned type = nd_u8(nd, bp), code = nd_u8(nd, bp + 1);
	switch (type) {
	case 0:
	case 8:
		nd_printf(nd, "ICMP echo %s, id %u, seq %u", type ? "request" : "reply",
			  nd_be16(nd, bp + 4), nd_be16(nd, bp + 6));
		break;
	default:
		nd_printf(nd, "ICMP type-#%u", type);
		(void)code;
		break;
	}
	nd_printf(nd, ", length %u", length);
}
