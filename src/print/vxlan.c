/* vxlan.c - Virtual eXtensible LAN (RFC 7348): an 8-byte header with the
 * network identifier, then an Ethernet frame. */
#include "print.h"

#define VXLAN_HDRLEN 8

void vxlan_print(nd_t *nd, const uint8_t *bp, unsigned len,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	(void)sport;
	(void)dport;
	nd_proto(nd, "vxlan");
	nd_s(nd, "VXLAN");
	if (len < VXLAN_HDRLEN) {
		nd_print_invalid(nd);
		return;
	}
	unsigned flags = nd_u8(nd, bp);
	unsigned vni = nd_be24(nd, bp + 4);
	nd_printf(nd, ", flags [%s] (0x%02x), vni %u\n", flags & 0x08 ? "I" : "invalid",
		  flags, vni);
	ether_print(nd, bp + VXLAN_HDRLEN, len - VXLAN_HDRLEN);
}
