/* igmp.c - IGMP v1/v2 (RFC 1112, 2236) and v3 (RFC 3376); DVMRP, PIMv1 and
 * mtrace ride in IGMP types and have their own files. */
#include "../core/names.h"
#include "print.h"

static void put_gaddr_list(nd_t *nd, const uint8_t *p, unsigned n)
{
	nd_s(nd, " {");
	for (unsigned i = 0; i < n; i++) {
		nd_need(nd, p + 4 * i, 4);
		nd_c(nd, ' ');
		put_ip4(nd, p + 4 * i);
	}
	nd_s(nd, " }");
}

static void v3_query(nd_t *nd, const uint8_t *bp, unsigned len)
{
	nd_s(nd, " v3");
	if (len < 12 || (len & 3)) {
		nd_printf(nd, " [invalid len %u]", len);
		return;
	}
	unsigned mrc = nd_u8(nd, bp + 1), mrt;
	if (mrc < 128)
		mrt = mrc;
	else
		mrt = ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3);
	if (mrc != 100) {
		nd_s(nd, " [max resp time ");
		if (mrt < 600)
			nd_printf(nd, "%.1fs", mrt * 0.1);
		else
			put_relts_unsigned(nd, mrt / 10);
		nd_c(nd, ']');
	}
	if (nd_be32(nd, bp + 4) == 0)
		return;
	nd_s(nd, " [gaddr ");
	put_ip4(nd, bp + 4);
	unsigned nsrcs = nd_be16(nd, bp + 10);
	if (nsrcs > 0) {
		if (len < 12 + (nsrcs << 2))
			nd_s(nd, " [invalid number of sources]");
		else if (nd->opt->vflag < 2)
			nd_printf(nd, ", %u source(s)", nsrcs);
		else
			put_gaddr_list(nd, bp + 12, nsrcs);
	}
	nd_c(nd, ']');
}

static const char *record_type(unsigned t)
{
	static const char *const names[] = {
		NULL, "is_in", "is_ex", "to_in", "to_ex", "allow", "block",
	};
	return t < 7 ? names[t] : NULL;
}

static void v3_report(nd_t *nd, const uint8_t *bp, unsigned len)
{
	if (len < 8 || (len & 3)) {
		nd_printf(nd, " [invalid len %u]", len);
		return;
	}
	unsigned ngroups = nd_be16(nd, bp + 6);
	nd_printf(nd, ", %u group record(s)", ngroups);
	if (!nd->opt->vflag)
		return;
	unsigned g = 8;
	for (unsigned i = 0; i < ngroups; i++) {
		if (len < g + 8) {
			nd_s(nd, " [invalid number of groups]");
			return;
		}
		nd_need(nd, bp + g + 4, 4);
		nd_s(nd, " [gaddr ");
		put_ip4(nd, bp + g + 4);
		unsigned t = nd_u8(nd, bp + g);
		const char *tn = record_type(t);
		if (tn) {
			nd_c(nd, ' ');
			nd_s(nd, tn);
		} else {
			nd_printf(nd, "  [v3-report-#%u]", t);
		}
		unsigned nsrcs = nd_be16(nd, bp + g + 2);
		if (len < g + 8 + (nsrcs << 2)) {
			nd_printf(nd, " [invalid number of sources %u]", nsrcs);
			return;
		}
		if (nd->opt->vflag == 1)
			nd_printf(nd, ", %u source(s)", nsrcs);
		else
			put_gaddr_list(nd, bp + g + 8, nsrcs);
		g += 8 + (nsrcs << 2);
		nd_c(nd, ']');
	}
}

void igmp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip)
{
	(void)ip;
	nd_proto(nd, "igmp");
	if (nd->opt->qflag) {
		nd_s(nd, "igmp");
		return;
	}
	unsigned type = nd_u8(nd, bp);
	switch (type) {
	case 0x11:
		nd_s(nd, "igmp query");
		if (len >= 12) {
			v3_query(nd, bp, len);
		} else {
			unsigned code = nd_u8(nd, bp + 1);
			if (code) {
				nd_s(nd, " v2");
				if (code != 100)
					nd_printf(nd, " [max resp time %u]", code);
			} else {
				nd_s(nd, " v1");
			}
			if (nd_be32(nd, bp + 4)) {
				nd_s(nd, " [gaddr ");
				put_ip4(nd, bp + 4);
				nd_c(nd, ']');
			}
			if (len != 8)
				nd_printf(nd, " [len %u]", len);
		}
		break;
	case 0x12:
		nd_need(nd, bp + 4, 4);
		nd_s(nd, "igmp v1 report ");
		put_ip4(nd, bp + 4);
		if (len != 8)
			nd_printf(nd, " [len %u]", len);
		break;
	case 0x16:
		nd_need(nd, bp + 4, 4);
		nd_s(nd, "igmp v2 report ");
		put_ip4(nd, bp + 4);
		break;
	case 0x22:
		nd_s(nd, "igmp v3 report");
		v3_report(nd, bp, len);
		break;
	case 0x17:
		nd_need(nd, bp + 4, 4);
		nd_s(nd, "igmp leave ");
		put_ip4(nd, bp + 4);
		break;
	case 0x13:
		nd_s(nd, "igmp dvmrp");
		if (len < 8)
			nd_printf(nd, " [len %u]", len);
		else
			dvmrp_print(nd, bp, len);
		break;
	case 0x14:
		nd_s(nd, "igmp pimv1");
		pimv1_print(nd, bp, len);
		break;
	case 0x1e:
		mtrace_print(nd, bp, len, "mresp");
		break;
	case 0x1f:
		mtrace_print(nd, bp, len, "mtrace");
		break;
	default:
		nd_printf(nd, "igmp-%u", type);
		break;
	}
	if (nd->opt->vflag && len >= 4 && nd_has(nd, bp, len) &&
	    in_cksum(bp, len, 0) != 0)
		nd_printf(nd, " bad igmp cksum %x!", nd_be16(nd, bp + 2));
}
