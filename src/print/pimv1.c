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

static void jp_put_addr(nd_t *nd, const uint8_t *a)
{
	nd_need(nd, a, 4);
	put_ip4(nd, a);
}

/* Join/Prune, Graft and Graft-ACK bodies (after the 8-byte header). */
static void join_prune(nd_t *nd, const uint8_t *bp, unsigned len)
{
	if (nd_has(nd, bp, 30) && bp[11] == 1) {
		unsigned njoin = nd_be16(nd, bp + 20);
		if (njoin + nd_be16(nd, bp + 22) == 1) {
			nd_s(nd, " RPF ");
			put_ip4(nd, bp);
			nd_c(nd, ' ');
			unsigned hold = nd_be16(nd, bp + 6);
			if (hold != 180) {
				nd_s(nd, "Hold ");
				put_relts_unsigned(nd, hold);
			}
			nd_s(nd, njoin ? "Join" : "Prune");
			nd_s(nd, " (");
			put_ip4(nd, bp + 26);
			nd_printf(nd, "/%u, ", bp[25] & 0x3f);
			put_ip4(nd, bp + 12);
			if (nd_be32(nd, bp + 16) != 0xffffffffu) {
				nd_c(nd, '/');
				put_ip4(nd, bp + 16);
			}
			nd_printf(nd, ") %s%s %s",
				  (bp[24] & 1) ? "Sparse" : "Dense",
				  (bp[25] & 0x80) ? " WC" : "",
				  (bp[25] & 0x40) ? "RP" : "SPT");
			return;
		}
	}
	int vv = nd->opt->vflag > 1;
	if (len < 4)
		goto trunc;
	if (vv)
		nd_c(nd, '\n');
	nd_need(nd, bp, 4);
	nd_s(nd, " Upstream Nbr: ");
	jp_put_addr(nd, bp);
	bp += 4;
	len -= 4;
	if (len < 4)
		goto trunc;
	if (vv)
		nd_c(nd, '\n');
	nd_s(nd, " Hold time: ");
	put_relts_unsigned(nd, nd_be16(nd, bp + 2));
	if (!vv)
		return;
	bp += 4;
	len -= 4;
	if (len < 4)
		goto trunc;
	unsigned ngroups = nd_u8(nd, bp + 3);
	bp += 4;
	len -= 4;
	while (ngroups != 0) {
		if (len < 4)
			goto trunc;
		nd_need(nd, bp, 4);
		nd_s(nd, "\n\tGroup: ");
		jp_put_addr(nd, bp);
		bp += 4;
		len -= 4;
		if (len < 4)
			goto trunc;
		if (nd_be32(nd, bp) != 0xffffffffu) {
			nd_c(nd, '/');
			put_ip4(nd, bp);
		}
		bp += 4;
		len -= 4;
		if (len < 4)
			goto trunc;
		unsigned nj = nd_be16(nd, bp), np = nd_be16(nd, bp + 2);
		nd_printf(nd, " joined: %u pruned: %u", nj, np);
		bp += 4;
		len -= 4;
		for (unsigned i = 0; i < nj + np; i++) {
			if (len < 6)
				goto trunc;
			nd_need(nd, bp, 6);
			nd_printf(nd, "\n\t%s %s%s%s", i < nj ? "Join " : "Prune",
				  (bp[0] & 1) ? "Sparse " : "Dense ",
				  (bp[1] & 0x80) ? "WC " : "",
				  (bp[1] & 0x40) ? "RP " : "SPT ");
			put_ip4(nd, bp + 2);
			nd_printf(nd, "/%u", bp[1] & 0x3f);
			bp += 6;
			len -= 6;
		}
		ngroups--;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

/* bp is the IGMP header. */
void pimv1_print(nd_t *nd, const uint8_t *bp, unsigned len)
{
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
		if (!nd_has(nd, bp + 8, 20)) {
			nd_print_trunc(nd);
			return;
		}
		for_pair(nd, bp + 20, bp + 24);
		break;
	case 2:
		nd_s(nd, " Register-Stop");
		for_pair(nd, bp + 8, bp + 12);
		break;
	case 3:
	case 6:
	case 7:
		nd_s(nd, type == 3 ? " Join/Prune" : type == 6 ? " Graft" : " Graft-ACK");
		if (nd->opt->vflag) {
			if (len < 8) {
				nd_print_trunc(nd);
				break;
			}
			join_prune(nd, bp + 8, len - 8);
		}
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
