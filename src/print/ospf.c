/* ospf.c - OSPF version 2 (RFC 2328) and its entry point for IP protocol 89
 * (version 3 over IPv6 is in ospf6.c). */
#include "../core/names.h"
#include "print.h"

void ospf6_print(nd_t *nd, const uint8_t *bp, unsigned length);
void ospf2_print(nd_t *nd, const uint8_t *bp, unsigned length);

void ospf_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip)
{
	if (ip->ver == 6)
		ospf6_print(nd, bp, len);
	else
		ospf2_print(nd, bp, len);
}
