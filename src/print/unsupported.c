/* unsupported.c - link types without a printer: tcpdump marks the packet
 * and dumps it whole. */
#include "print.h"

unsigned unsupported_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                              unsigned len)
{
	(void)len;
	nd_s(nd, "UNSUPPORTED");
	link_default_print(nd, p, caplen);
	return 0;
}
