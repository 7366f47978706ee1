/* ip6.c - IPv6 header and payload dispatch. */
#include "../core/names.h"
#include "print.h"

void ip6_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "ip6");
	nd_need(nd, bp, 40);
	if ((nd_u8(nd, bp) >> 4) != 6) {
		nd_printf(nd, "IP6, wrong link-layer encapsulation");
		nd_print_invalid(nd);
		return;
	}
	if (!nd->opt->eflag)
		nd_s(nd, "IP6 ");
	unsigned plen = nd_be16(nd, bp + 4);
	unsigned nh = nd_u8(nd, bp + 6);
	if (length < 40) {
		nd_printf(nd, "truncated-ip6 %u", length);
		return;
	}
	if (plen + 40 > length)
		plen = length - 40;
	nd_narrow(nd, bp, plen + 40);
	struct ip_ctx ip = { .ver = 6, .hdr = bp, .src = bp + 8, .dst = bp + 24,
			     .nh = nh, .len = plen };
	if (nh != 6 && nh != 17 && nh != 132 && nh != 33) {
		put_ip6(nd, ip.src);
		nd_s(nd, " > ");
		put_ip6(nd, ip.dst);
		nd_s(nd, ": ");
	}
	ip_demux(nd, bp + 40, plen, &ip);
}

unsigned ipv6_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	(void)caplen;
	ip6_print(nd, p, len);
	return 0;
}
