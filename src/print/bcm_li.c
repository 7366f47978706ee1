/* bcm_li.c - Broadcom lawful-intercept shim header over UDP. */
#include "print.h"

#define BCM_LI_PORT 49152

void bcm_li_print(nd_t *nd, const uint8_t *bp, unsigned length,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char *const dirs[] = { NULL, "unused", "egress", "ingress" };
	static const char *const types[] = {
		"undecided", "ipv4", "ipv6", "ethernet",
	};
	static const char *const subtypes[] = {
		NULL, "single VLAN tag", "double VLAN tag", "untagged",
	};
	(void)ip; (void)dport;
	nd_proto(nd, "bcm_li");
	if (sport != BCM_LI_PORT) {
		/* tcpdump looks at the source port only */
		nd_s(nd, "UDP, length ");
		nd_u(nd, length);
		return;
	}
	if (length < 4) {
		nd_s(nd, " (length ");
		nd_u(nd, length);
		nd_s(nd, " < 4)");
		nd_print_invalid(nd);
		return;
	}
	uint32_t shim = nd_be32(nd, bp);
	unsigned dir = (shim >> 29) & 7, type = (shim >> 25) & 0xf;
	unsigned sub = (shim >> 22) & 7, id = shim & 0x3fffff;
	length -= 4;
	bp += 4;
	const char *v = nd->opt->vflag ? "\n    " : "";
	nd_s(nd, v);
	nd_s(nd, "BCM-LI-SHIM: direction ");
	nd_s(nd, dir < 4 && dirs[dir] ? dirs[dir] : "unknown");
	nd_s(nd, ", pkt-type ");
	nd_s(nd, type >= 4 && type <= 7 ? types[type - 4] : "unknown");
	nd_s(nd, ", pkt-subtype ");
	nd_s(nd, sub < 4 && subtypes[sub] ? subtypes[sub] : "unknown");
	nd_s(nd, ", li-id ");
	nd_u(nd, id);
	nd_s(nd, v);
	if (!nd->opt->vflag) {
		if (!nd_has(nd, bp, length))
			nd_print_trunc(nd);
		return;
	}
	if (++nd->depth > ND_MAX_DEPTH) {
		nd->depth--;
		return;
	}
	switch (type) {
	case 7:
		ether_if_print(nd, bp, (unsigned)nd_avail(nd, bp), length);
		break;
	case 5:
		ip_print(nd, bp, length);
		break;
	case 6:
		ip6_print(nd, bp, length);
		break;
	case 4: {
		unsigned v4 = nd_u8(nd, bp) >> 4;
		if (v4 == 4)
			ip_print(nd, bp, length);
		else if (v4 == 6)
			ip6_print(nd, bp, length);
		else
			nd_s(nd, "unknown payload");
		break;
	}
	default:
		nd_print_invalid(nd);
		break;
	}
	nd->depth--;
}
