/* ospf2.c - OSPF version 2 (RFC 2328) with opaque/TE LSAs. */
#include "../core/names.h"
#include "print.h"

void ospf2_print(nd_t *nd, const uint8_t *bp, unsigned length);
void ospf2_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "ospf2");
	(void)bp;
	nd_printf(nd, " ip-proto-89 %u", length);
}
