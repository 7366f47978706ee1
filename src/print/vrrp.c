/* vrrp.c - Virtual Router Redundancy Protocol v2 (RFC 3768) and v3
 * (RFC 5798), IP protocol 112. */
#include "../core/names.h"
#include "print.h"

void vrrp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip)
{
	nd_proto(nd, "vrrp");
	unsigned b0 = nd_u8(nd, bp);
	unsigned ver = b0 >> 4, type = b0 & 15;
	nd_s(nd, "VRRPv");
	nd_u(nd, ver);
	nd_s(nd, ", ");
	if (type == 1)
		nd_s(nd, "Advertisement");
	else {
		nd_s(nd, "unknown type (");
		nd_u(nd, type);
		nd_c(nd, ')');
	}
	unsigned ttl = ip->ver == 6 ? ip->hdr[7] : ip->hdr[8];
	if (ttl != 255) {
		nd_s(nd, ", (ttl ");
		nd_u(nd, ttl);
		nd_c(nd, ')');
	}
	if (ver < 2 || ver > 3 || type != 1)
		return;
	{
		unsigned v0 = nd_u8(nd, bp + 1);
		unsigned v1 = nd_u8(nd, bp + 2);
		nd_s(nd, ", vrid ");
		nd_u(nd, v0);
		nd_s(nd, ", prio ");
		nd_u(nd, v1);
	}
	unsigned auth = 0;
	if (ver == 2) {
		auth = nd_u8(nd, bp + 4);
		static const char *const an[] = { "none", "simple", "ah" };
		if (auth < 3) {
			nd_s(nd, ", authtype ");
			nd_s(nd, an[auth]);
		} else {
			nd_s(nd, ", authtype #");
			nd_u(nd, auth);
		}
		{
			unsigned v0 = nd_u8(nd, bp + 5);
			nd_s(nd, ", intvl ");
			nd_u(nd, v0);
			nd_s(nd, "s, length ");
			nd_u(nd, len);
		}
	} else {
		unsigned intvl = (nd_u8(nd, bp + 4) & 15) << 8 | nd_u8(nd, bp + 5);
		nd_s(nd, ", intvl ");
		nd_u(nd, intvl);
		nd_s(nd, "cs, length ");
		nd_u(nd, len);
	}
	if (!nd->opt->vflag)
		return;
	unsigned naddrs = nd_u8(nd, bp + 3);
	if (nd_has(nd, bp, len)) {
		uint16_t sum = ver == 2 ? in_cksum(bp, len, 0)
					: ip_pseudo_cksum(ip, bp, len, 112);
		if (sum) {
			unsigned v0 = nd_be16(nd, bp + 6);
			nd_s(nd, ", (bad vrrp cksum ");
			out_x(nd->out, v0, 0);
			nd_c(nd, ')');
		}
	}
	nd_s(nd, ", addrs");
	if (naddrs > 1) {
		nd_c(nd, '(');
		nd_u(nd, naddrs);
		nd_c(nd, ')');
	}
	nd_c(nd, ':');
	char c = ' ';
	const uint8_t *p = bp + 8;
	for (unsigned i = 0; i < naddrs; i++, p += 4) {
		nd_need(nd, p, ip->ver == 6 && ver == 3 ? 16 : 4);
		nd_c(nd, c);
		if (ip->ver == 6 && ver == 3) {
			put_ip6(nd, p);
			p += 12;
		} else {
			put_ip4(nd, p);
		}
		c = ',';
	}
	if (ver == 2 && auth == 1) {
		nd_s(nd, " auth \"");
		for (unsigned i = 0; i < 8; i++) {
			uint8_t ch = nd_u8(nd, p + i);
			if (ch == 0)
				break;
			nd_print_char(nd, ch);
		}
		nd_c(nd, '"');
	}
}
