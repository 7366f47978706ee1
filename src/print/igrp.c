/* igrp.c - Cisco Interior Gateway Routing Protocol, IP protocol 9. */
#include "print.h"

#define RTE_SIZE 14

void igrp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip)
{
	(void)ip;
	nd_proto(nd, "igrp");
	nd_s(nd, "igrp:");
	unsigned nint = nd_be16(nd, bp + 4), nsys = nd_be16(nd, bp + 6);
	unsigned next = nd_be16(nd, bp + 8);
	unsigned vop = nd_u8(nd, bp), op = vop & 15;
	if (op == 1)
		nd_s(nd, " update");
	else if (op == 2)
		nd_s(nd, " request");
	else
		nd_printf(nd, " op-#%u", op);
	nd_printf(nd, " V%u edit=%u AS=%u (%u/%u/%u)", vop >> 4, nd_u8(nd, bp + 1),
		  nd_be16(nd, bp + 2), nint, nsys, next);
	unsigned sum = nd_be16(nd, bp + 10);
	if (nd->opt->vflag)
		nd_printf(nd, " checksum=0x%04x", sum);
	length -= 12;
	const uint8_t *cp = bp + 12;
	while (length >= RTE_SIZE) {
		unsigned n0 = nd_u8(nd, cp), n1 = nd_u8(nd, cp + 1),
			 n2 = nd_u8(nd, cp + 2);
		if (nint > 0) {
			nd_printf(nd, " *.%u.%u.%u", n0, n1, n2);
			nint--;
		} else if (nsys > 0) {
			nd_printf(nd, " %u.%u.%u.0", n0, n1, n2);
			nsys--;
		} else if (next > 0) {
			nd_printf(nd, " X%u.%u.%u.0", n0, n1, n2);
			next--;
		} else {
			nd_printf(nd, " [extra bytes %u]", length);
			break;
		}
		uint32_t delay = nd_be24(nd, cp + 3), bw = nd_be24(nd, cp + 6);
		uint32_t metric = bw + delay;
		if (metric > 0xffffff)
			metric = 0xffffff;
		unsigned mtu = nd_be16(nd, cp + 9);
		nd_printf(nd, " d=%u b=%u r=%u l=%u M=%u mtu=%u in %u hops",
			  10 * delay, bw == 0 ? 0 : 10000000 / bw, nd_u8(nd, cp + 11),
			  nd_u8(nd, cp + 12), metric, mtu, nd_u8(nd, cp + 13));
		length -= RTE_SIZE;
		cp += RTE_SIZE;
	}
	if (nint || nsys || next || length)
		nd_print_invalid(nd);
}
