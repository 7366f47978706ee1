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
	nd_s(nd, ", flags [");
	nd_s(nd, flags & 0x08 ? "I" : "invalid");
	nd_s(nd, "] (0x");
	out_x2(nd->out, flags);
	nd_s(nd, "), ");
	{
		unsigned v0 = nd_be24(nd, bp + 4);
		nd_s(nd, "vni ");
		nd_u(nd, v0);
		nd_c(nd, '\n');
	}
	ether_print(nd, bp + VXLAN_HDRLEN, len - VXLAN_HDRLEN);
}

/* VXLAN Generic Protocol Extension (UDP port 4790): the header names the
 * next protocol instead of always carrying Ethernet. */
void vxlan_gpe_print(nd_t *nd, const uint8_t *bp, unsigned len,
                     const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	(void)sport;
	(void)dport;
	nd_proto(nd, "vxlan_gpe");
	nd_s(nd, "VXLAN-GPE, ");
	if (len < VXLAN_HDRLEN) {
		nd_s(nd, " (len ");
		nd_u(nd, len);
		nd_s(nd, " < ");
		nd_u(nd, VXLAN_HDRLEN);
		nd_c(nd, ')');
		nd_print_invalid(nd);
		return;
	}
	unsigned flags = nd_u8(nd, bp);
	nd_s(nd, "flags [");
	if (!(flags & 0x0f))
		nd_s(nd, "none");
	if (flags & 0x08)
		nd_c(nd, 'I');
	if (flags & 0x04)
		nd_c(nd, 'P');
	if (flags & 0x02)
		nd_c(nd, 'B');
	if (flags & 0x01)
		nd_c(nd, 'O');
	nd_s(nd, "], ");
	{
		unsigned v0 = nd_be24(nd, bp + 4);
		nd_s(nd, "vni ");
		nd_u(nd, v0);
	}
	unsigned next = nd_u8(nd, bp + 3);
	nd_s(nd, nd->opt->vflag ? "\n    " : ": ");
	bp += VXLAN_HDRLEN;
	len -= VXLAN_HDRLEN;
	switch (next) {
	case 1:
		ethertype_print(nd, 0x0800, bp, len);
		break;
	case 2:
		ethertype_print(nd, 0x86dd, bp, len);
		break;
	case 3:
		ether_print(nd, bp, len);
		break;
	case 4:
		nsh_print(nd, bp, len);
		break;
	default:
		nd_s(nd, "ERROR: unknown-next-protocol");
		nd_print_invalid(nd);
		break;
	}
}

/* Overlay Transport Virtualization (UDP port 8472): a VXLAN-like header
 * with an overlay id and an instance id, then an Ethernet frame. */
void otv_print(nd_t *nd, const uint8_t *bp, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	(void)sport;
	(void)dport;
	nd_proto(nd, "otv");
	nd_s(nd, "OTV, ");
	if (len < VXLAN_HDRLEN) {
		nd_s(nd, "[|OTV]");
		return;
	}
	unsigned flags = nd_u8(nd, bp);
	nd_s(nd, "flags [");
	nd_s(nd, flags & 0x08 ? "I" : ".");
	nd_s(nd, "] (0x");
	out_x2(nd->out, flags);
	nd_s(nd, "), ");
	{
		unsigned v0 = nd_be24(nd, bp + 1);
		nd_s(nd, "overlay ");
		nd_u(nd, v0);
		nd_s(nd, ", ");
	}
	{
		unsigned v0 = nd_be24(nd, bp + 4);
		nd_s(nd, "instance ");
		nd_u(nd, v0);
		nd_c(nd, '\n');
	}
	ether_print(nd, bp + 8, len - 8);
}
