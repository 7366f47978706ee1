/* ipcomp.c - IP Payload Compression (RFC 3173): the CPI.  The compressed
 * payload is not inflated, as in tcpdump. */
#include "print.h"

void ipcomp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                  const struct ip_ctx *ip)
{
	(void)length;
	(void)ip;
	nd_proto(nd, "ipcomp");
	unsigned cpi = nd_be16(nd, bp + 2);
	nd_s(nd, "IPComp(cpi=0x");
	out_x(nd->out, cpi, 4);
	nd_c(nd, ')');
}
