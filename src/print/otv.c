/* otv.c - Overlay Transport Virtualization (draft-hasmit-otv), an
 * Ethernet frame behind an 8-byte header. */
#include "print.h"

void otv_print(nd_t *nd, const uint8_t *bp, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "otv");
	nd_s(nd, "OTV, ");
	if (len < 8) {
		nd_printf(nd, "[length %u < 8]", len);
		nd_print_invalid(nd);
		if (!nd_has(nd, bp, len))
			nd_print_trunc(nd);
		return;
	}
	unsigned flags = nd_u8(nd, bp);
	nd_printf(nd, "flags [%s] (0x%02x), ", flags & 0x08 ? "I" : ".", flags);
	nd_printf(nd, "overlay %u, ", nd_be24(nd, bp + 1));
	nd_printf(nd, "instance %u\n", nd_be24(nd, bp + 4));
	bp += 8;
	len -= 8;
	if (++nd->depth <= ND_MAX_DEPTH)
		ether_if_print(nd, bp, (unsigned)nd_avail(nd, bp), len);
	nd->depth--;
}
