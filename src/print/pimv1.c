/* pimv1.c - PIM version 1, carried in IGMP type 0x14. */
#include "../core/names.h"
#include "print.h"

static void for_pair(nd_t *nd, const uint8_t *a, const uint8_t *b)
{
	nd_need(nd, a, 4);
	nd_need(nd, b, 4);
	nd_s(nd, " for ");
	put_ip4(nd, a);
	nd_s(nd, " > ");
	put_ip4(nd, b);
}

/* bp is the IGMP header. */
void pimv1_print(nd_t *nd, const uint8_t *bp, unsigned len)
{
	(void)len;
	nd_proto(nd, "pimv1");
	unsigned type = nd_u8(nd, bp + 1);
	switch (type) {
	case 0:
		nd_s(nd, " Query");
		if (nd_has(nd, bp + 8, 1)) {
			unsigned mode = bp[8] >> 4;
			if (mode == 0)
				nd_s(nd, " Dense-mode");
			else if (mode == 1)
				nd_s(nd, " Sparse-mode");
			else if (mode == 2)
				nd_s(nd, " Sparse-Dense-mode");
			else
				nd_printf(nd, " mode-%u", mode);
		}
		if (nd->opt->vflag) {
			nd_s(nd, " (Hold-time ");
			put_relts_unsigned(nd, nd_be16(nd, bp + 10));
			nd_c(nd, ')');
		}
		break;
	case 1:
		nd_s(nd, " Register");
		nd_need(nd, bp + 8, 20);
		for_pair(nd, bp + 20, bp + 24);
		break;
	case 2:
		nd_s(nd, " Register-Stop");
		for_pair(nd, bp + 8, bp + 12);
		break;
	case 3:
		nd_s(nd, " Join/Prune");
		break;
	case 4:
		nd_s(nd, " RP-reachable");
		if (nd->opt->vflag) {
			nd_need(nd, bp + 8, 4);
			nd_s(nd, " group ");
			put_ip4(nd, bp + 8);
			if (nd_be32(nd, bp + 12) != 0xffffffffu) {
				nd_c(nd, '/');
				put_ip4(nd, bp + 12);
			}
			nd_need(nd, bp + 16, 4);
			nd_s(nd, " RP ");
			put_ip4(nd, bp + 16);
			nd_s(nd, " hold ");
			put_relts_unsigned(nd, nd_be16(nd, bp + 22));
		}
		break;
	case 5:
		nd_s(nd, " Assert");
		for_pair(nd, bp + 16, bp + 8);
		if (nd_be32(nd, bp + 12) != 0xffffffffu) {
			nd_c(nd, '/');
			put_ip4(nd, bp + 12);
		}
		{
			uint32_t pref = nd_be32(nd, bp + 20);
			uint32_t metric = nd_be32(nd, bp + 24);
			nd_printf(nd, " %s pref %u metric %u",
				  (pref & 0x80000000u) ? "RP-tree" : "SPT",
				  pref & 0x7fffffffu, metric);
		}
		break;
	case 6:
		nd_s(nd, " Graft");
		break;
	case 7:
		nd_s(nd, " Graft-ACK");
		break;
	case 8:
		nd_s(nd, " Mode");
		break;
	default:
		nd_printf(nd, " [type %u]", type);
		break;
	}
	unsigned ver = nd_u8(nd, bp + 4) >> 4;
	if (ver != 1)
		nd_printf(nd, " [v%u]", ver);
}
