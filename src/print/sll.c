/* sll.c - Linux "cooked" captures, v1 (DLT_LINUX_SLL) and v2. */
#include "../core/names.h"
#include "print.h"

unsigned sll_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "sll");
	if (caplen < 16) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned proto = nd_be16(nd, p + 14);
	if (!ethertype_print(nd, proto, p + 16, len - 16))
		nd_printf(nd, "ethertype Unknown (0x%04x), length %u", proto, len);
	return 16;
}

unsigned sll2_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "sll2");
	if (caplen < 20) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned proto = nd_be16(nd, p);
	if (!ethertype_print(nd, proto, p + 20, len - 20))
		nd_printf(nd, "ethertype Unknown (0x%04x), length %u", proto, len);
	return 20;
}
