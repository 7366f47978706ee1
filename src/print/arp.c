/* arp.c - ARP and RARP (RFC 826, RFC 903). */
#include "../core/names.h"
#include "print.h"

void arp_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "arp");
	unsigned hrd = nd_be16(nd, bp), pro = nd_be16(nd, bp + 2);
	unsigned hln = nd_u8(nd, bp + 4), pln = nd_u8(nd, bp + 5);
	unsigned op = nd_be16(nd, bp + 6);
	const uint8_t *sha = bp + 8, *spa = sha + hln, *tha = spa + pln,
		      *tpa = tha + hln;
	if (hrd != 1 || pro != 0x0800 || hln != 6 || pln != 4) {
		nd_printf(nd, "ARP, Unknown Hardware (%u), length %u", hrd, length);
		return;
	}
	nd_s(nd, "ARP, ");
	switch (op) {
	case 1:
		nd_s(nd, "Request who-has ");
		put_ip4(nd, tpa);
		nd_s(nd, " tell ");
		put_ip4(nd, spa);
		break;
	case 2:
		nd_s(nd, "Reply ");
		put_ip4(nd, spa);
		nd_s(nd, " is-at ");
		put_mac(nd, sha);
		break;
	default:
		nd_printf(nd, "Unknown (%u)", op);
		break;
	}
	nd_printf(nd, ", length %u", length);
}
