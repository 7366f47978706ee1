/* ipether.c - Ethernet frames carried directly by IP (protocol 143, as
 * used by SRv6 End.DX2). */
#include "print.h"

void ipether_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip)
{
	(void)ip;
	ether_if_print(nd, p, (unsigned)nd_avail(nd, p), len);
}
