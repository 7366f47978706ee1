/* mpls.c - MPLS label stacks (RFC 3032) and a guess at the payload from
 * the bottom label or the first payload byte. */
#include "print.h"

static const char *const label_names[] = {
	"IPv4 explicit NULL", "router alert", "IPv6 explicit NULL",
	"implicit NULL", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
	"rsvd", "rsvd", "rsvd", "rsvd", "rsvd",
};

void mpls_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "mpls");
	nd_s(nd, "MPLS");
	uint32_t e;
	unsigned depth = 0;
	int v = nd->opt->vflag;
	do {
		if (length < 4) {
			nd_print_invalid(nd);
			nd_need(nd, p, length);
			return;
		}
		e = nd_be32(nd, p);
		unsigned label = e >> 12;
		nd_s(nd, depth && v ? "\n\t" : " ");
		nd_s(nd, "(label ");
		nd_u(nd, label);
		depth++;
		if (v && label < sizeof label_names / sizeof label_names[0]) {
			nd_s(nd, " (");
			nd_s(nd, label_names[label]);
			nd_c(nd, ')');
		}
		nd_s(nd, ", tc ");
		nd_u(nd, (e >> 9) & 7);
		if (e & 0x100)
			nd_s(nd, ", [S]");
		nd_s(nd, ", ttl ");
		nd_u(nd, e & 0xff);
		nd_c(nd, ')');
		p += 4;
		length -= 4;
	} while (!(e & 0x100));

	unsigned type = 0; /* ethertype of the payload, 0 when unknown */
	switch (e >> 12) {
	case 0:
	case 3:
		type = 0x0800;
		break;
	case 2:
		type = 0x86dd;
		break;
	default: {
		if (length < 1)
			return;
		unsigned first = nd_u8(nd, p);
		if (first >= 0x45 && first <= 0x4f)
			type = 0x0800;
		else if (first >= 0x60 && first <= 0x6f)
			type = 0x86dd;
		else if (first >= 0x81 && first <= 0x83)
			type = 0xfefe;
		break;
	}
	}
	if (!type) {
		if (!suppress_default(nd))
			link_default_print(nd, p, length);
		return;
	}
	nd_s(nd, v ? "\n\t" : " ");
	if (!ethertype_print(nd, type, p, length) && !suppress_default(nd))
		link_default_print(nd, p, length);
}

void mpls_udp_print(nd_t *nd, const uint8_t *p, unsigned len,
                    const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	(void)sport;
	(void)dport;
	mpls_print(nd, p, len);
}
