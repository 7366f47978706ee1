#include "print.h"
void icmp6_print(nd_t *nd, const uint8_t *bp, unsigned length, const struct ip_ctx *ip)
{
	(void)ip; (void)bp;
	nd_proto(nd, "icmp6");
	nd_printf(nd, "ICMP6, length %u", length);
}
