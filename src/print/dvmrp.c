/* dvmrp.c - Distance Vector Multicast Routing Protocol (RFC 1075 and the
 * mrouted version 3 extensions), carried in IGMP type 0x13. */
#include "../core/names.h"
#include "print.h"

static void put_ip4_num(nd_t *nd, uint32_t a)
{
	nd_u(nd, a >> 24);
	nd_c(nd, '.');
	nd_u(nd, (a >> 16) & 255);
	nd_c(nd, '.');
	nd_u(nd, (a >> 8) & 255);
	nd_c(nd, '.');
	nd_u(nd, a & 255);
}

static int report(nd_t *nd, const uint8_t *bp, unsigned len)
{
	while (len > 0) {
		if (len < 3) {
			nd_s(nd, " [length ");
			nd_u(nd, len);
			nd_s(nd, " < 3]");
			return -1;
		}
		uint32_t mask = 0xffu << 24 | nd_be24(nd, bp);
		unsigned width = 1;
		if (bp[0])
			width = 2;
		if (bp[1])
			width = 3;
		if (bp[2])
			width = 4;
		nd_s(nd, "\n\tMask ");
		put_ip4_num(nd, mask);
		bp += 3;
		len -= 3;
		unsigned done;
		do {
			if (len < width + 1) {
				nd_s(nd, "\n\t  [Truncated Report]");
				return -1;
			}
			uint32_t origin = 0;
			unsigned i;
			for (i = 0; i < width; i++)
				origin = origin << 8 | nd_u8(nd, bp++);
			for (; i < 4; i++)
				origin <<= 8;
			unsigned metric = nd_u8(nd, bp++);
			done = metric & 0x80;
			nd_s(nd, "\n\t  ");
			put_ip4_num(nd, origin);
			nd_s(nd, " metric ");
			nd_u(nd, metric & 0x7f);
			len -= width + 1;
		} while (!done);
	}
	return 0;
}

static int probe(nd_t *nd, const uint8_t *bp, unsigned len)
{
	if (len < 4) {
		nd_s(nd, " [full length ");
		nd_u(nd, len);
		nd_c(nd, ']');
		return 0;
	}
	nd_s(nd, nd->opt->vflag > 1 ? "\n\t" : " ");
	{
		unsigned v0 = nd_be32(nd, bp);
		nd_s(nd, "genid ");
		nd_u(nd, v0);
	}
	if (nd->opt->vflag < 2)
		return 0;
	bp += 4;
	len -= 4;
	while (len > 0) {
		if (len < 4) {
			nd_s(nd, "[remaining length ");
			nd_u(nd, len);
			nd_s(nd, " < 4]");
			return -1;
		}
		nd_need(nd, bp, 4);
		nd_s(nd, "\n\tneighbor ");
		put_ip4(nd, bp);
		bp += 4;
		len -= 4;
	}
	return 0;
}

static int neighbors(nd_t *nd, const uint8_t *bp, unsigned len)
{
	while (len > 0) {
		if (len < 7) {
			nd_s(nd, " [length ");
			nd_u(nd, len);
			nd_s(nd, " < 7]");
			return -1;
		}
		const uint8_t *laddr = bp;
		unsigned metric = nd_u8(nd, bp + 4), thresh = nd_u8(nd, bp + 5);
		int ncount = nd_u8(nd, bp + 6);
		bp += 7;
		len -= 7;
		while (--ncount >= 0) {
			if (len < 4) {
				nd_s(nd, " [length ");
				nd_u(nd, len);
				nd_s(nd, " < 4]");
				return -1;
			}
			nd_need(nd, laddr, 4);
			nd_s(nd, " [");
			put_ip4(nd, laddr);
			nd_s(nd, " ->");
			nd_need(nd, bp, 4);
			nd_c(nd, ' ');
			put_ip4(nd, bp);
			nd_s(nd, ", (");
			nd_u(nd, metric);
			nd_c(nd, '/');
			nd_u(nd, thresh);
			nd_s(nd, ")]");
			bp += 4;
			len -= 4;
		}
	}
	return 0;
}

static int neighbors2(nd_t *nd, const uint8_t *bp, unsigned len,
                      unsigned major, unsigned minor)
{
	nd_s(nd, " (v ");
	nd_u(nd, major);
	nd_c(nd, '.');
	nd_u(nd, minor);
	nd_s(nd, "):");
	while (len > 0) {
		if (len < 8) {
			nd_s(nd, " [length ");
			nd_u(nd, len);
			nd_s(nd, " < 8]");
			return -1;
		}
		const uint8_t *laddr = bp;
		unsigned metric = nd_u8(nd, bp + 4), thresh = nd_u8(nd, bp + 5);
		unsigned flags = nd_u8(nd, bp + 6);
		int ncount = nd_u8(nd, bp + 7);
		bp += 8;
		len -= 8;
		while (--ncount >= 0 && len > 0) {
			if (len < 4) {
				nd_s(nd, " [length ");
				nd_u(nd, len);
				nd_s(nd, " < 4]");
				return -1;
			}
			nd_need(nd, laddr, 4);
			nd_s(nd, " [");
			put_ip4(nd, laddr);
			nd_s(nd, " -> ");
			nd_need(nd, bp, 4);
			put_ip4(nd, bp);
			nd_s(nd, " (");
			nd_u(nd, metric);
			nd_c(nd, '/');
			nd_u(nd, thresh);
			if (flags & 0x01)
				nd_s(nd, "/tunnel");
			if (flags & 0x02)
				nd_s(nd, "/srcrt");
			if (flags & 0x40)
				nd_s(nd, "/querier");
			if (flags & 0x20)
				nd_s(nd, "/disabled");
			if (flags & 0x10)
				nd_s(nd, "/down");
			nd_s(nd, ")]");
			bp += 4;
			len -= 4;
		}
		if (ncount != -1) {
			nd_s(nd, " [invalid ncount]");
			return -1;
		}
	}
	return 0;
}

static void src_grp(nd_t *nd, const uint8_t *bp)
{
	nd_need(nd, bp, 8);
	nd_s(nd, " src ");
	put_ip4(nd, bp);
	nd_s(nd, " grp ");
	put_ip4(nd, bp + 4);
}

/* bp is the IGMP header; len at least 8. */
void dvmrp_print(nd_t *nd, const uint8_t *bp, unsigned len)
{
	nd_proto(nd, "dvmrp");
	unsigned type = nd_u8(nd, bp + 1);
	const uint8_t *p = bp + 8;
	len -= 8;
	int r = 0;
	switch (type) {
	case 1:
		nd_s(nd, " Probe");
		if (nd->opt->vflag)
			r = probe(nd, p, len);
		break;
	case 2:
		nd_s(nd, " Report");
		if (nd->opt->vflag > 1)
			r = report(nd, p, len);
		break;
	case 3:
		nd_s(nd, " Ask-neighbors(old)");
		break;
	case 4:
		nd_s(nd, " Neighbors(old)");
		r = neighbors(nd, p, len);
		break;
	case 5:
		nd_s(nd, " Ask-neighbors2");
		break;
	case 6: {
		nd_s(nd, " Neighbors2");
		unsigned major = nd_u8(nd, bp + 7), minor = nd_u8(nd, bp + 6);
		r = neighbors2(nd, p, len, major, minor);
		break;
	}
	case 7:
		nd_s(nd, " Prune");
		src_grp(nd, p);
		nd_s(nd, " timer ");
		put_relts_unsigned(nd, nd_be32(nd, p + 8));
		break;
	case 8:
		nd_s(nd, " Graft");
		src_grp(nd, p);
		break;
	case 9:
		nd_s(nd, " Graft-ACK");
		src_grp(nd, p);
		break;
	default:
		nd_s(nd, " [type ");
		nd_u(nd, type);
		nd_c(nd, ']');
		break;
	}
	if (r < 0)
		nd_print_invalid(nd);
}
