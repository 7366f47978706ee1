/* rt6.c - IPv6 Routing header: type 0 (deprecated, RFC 5095), type 2
 * (Mobile IPv6, RFC 6275) and type 4 (Segment Routing, RFC 8754). */
#include "../core/names.h"
#include "print.h"

/* Prints the header; *final_dst is set to the address the upper-layer
 * checksum uses (the last hop), when it was captured. */
int rt6_print(nd_t *nd, const uint8_t *cp, const uint8_t **final_dst)
{
	nd_proto(nd, "rt6");
	int v = nd->opt->vflag != 0;
	nd_s(nd, "RT6");
	unsigned len = nd_u8(nd, cp + 1);
	nd_printf(nd, " (len=%u", len);
	unsigned type = nd_u8(nd, cp + 2);
	nd_printf(nd, ", type=%u", type);
	if (type == 0)
		nd_s(nd, " [Deprecated]");
	nd_printf(nd, ", segleft=%u", nd_u8(nd, cp + 3));
	switch (type) {
	case 0:
	case 2: {
		uint32_t rsv = nd_be32(nd, cp + 4);
		if (v || rsv)
			nd_printf(nd, ", rsv=0x%x", rsv);
		break;
	}
	case 4:
		nd_printf(nd, ", last-entry=%u", nd_u8(nd, cp + 4));
		if (v || nd_u8(nd, cp + 5))
			nd_printf(nd, ", flags=0x%x", nd_u8(nd, cp + 5));
		nd_printf(nd, ", tag=%x", nd_be16(nd, cp + 6));
		break;
	default:
		nd_s(nd, " (unknown type)");
		nd_print_invalid(nd);
		return -1;
	}
	if (len % 2 == 1) {
		nd_printf(nd, " (invalid length %u)", len);
		nd_print_invalid(nd);
		return -1;
	}
	unsigned n = len / 2;
	const uint8_t *a = cp + 8;
	for (unsigned i = 0; i < n; i++, a += 16) {
		nd_need(nd, a, 16);
		nd_printf(nd, ", [%u]", i);
		put_ip6(nd, a);
	}
	nd_s(nd, ") ");
	if (type == 4) {
		if (nd_has(nd, cp + 8, 16)) /* segment 0, whatever the length */
			*final_dst = cp + 8;
	} else if (n > 0) {
		*final_dst = cp + 8 + 16 * (n - 1);
	}
	return (int)((len + 1) * 8);
}
