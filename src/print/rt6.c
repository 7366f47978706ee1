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
	nd_s(nd, " (len=");
	nd_u(nd, len);
	unsigned type = nd_u8(nd, cp + 2);
	nd_s(nd, ", type=");
	nd_u(nd, type);
	if (type == 0)
		nd_s(nd, " [Deprecated]");
	{
		unsigned v0 = nd_u8(nd, cp + 3);
		nd_s(nd, ", segleft=");
		nd_u(nd, v0);
	}
	switch (type) {
	case 0:
	case 2: {
		uint32_t rsv = nd_be32(nd, cp + 4);
		if (v || rsv) {
			nd_s(nd, ", rsv=0x");
			out_x(nd->out, rsv, 0);
		}
		break;
	}
	case 4:
		{
			unsigned v0 = nd_u8(nd, cp + 4);
			nd_s(nd, ", last-entry=");
			nd_u(nd, v0);
		}
		if (v || nd_u8(nd, cp + 5)) {
			unsigned v0 = nd_u8(nd, cp + 5);
			nd_s(nd, ", flags=0x");
			out_x(nd->out, v0, 0);
		}
		{
			unsigned v0 = nd_be16(nd, cp + 6);
			nd_s(nd, ", tag=");
			out_x(nd->out, v0, 0);
		}
		break;
	default:
		nd_s(nd, " (unknown type)");
		nd_print_invalid(nd);
		return -1;
	}
	if (len % 2 == 1) {
		nd_s(nd, " (invalid length ");
		nd_u(nd, len);
		nd_c(nd, ')');
		nd_print_invalid(nd);
		return -1;
	}
	unsigned n = len / 2;
	const uint8_t *a = cp + 8;
	for (unsigned i = 0; i < n; i++, a += 16) {
		nd_need(nd, a, 16);
		nd_s(nd, ", [");
		nd_u(nd, i);
		nd_c(nd, ']');
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
