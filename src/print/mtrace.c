/* mtrace.c - multicast traceroute queries and responses (IGMP types 0x1f
 * and 0x1e, draft-ietf-idmr-traceroute-ipm): the query header only. */
#include "../core/names.h"
#include "print.h"

void mtrace_print(nd_t *nd, const uint8_t *bp, unsigned len, const char *name)
{
	/* IGMP header (8), source, destination, response address, ttl+qid */
	if (len < 8 + 16) {
		nd_printf(nd, " [invalid len %u]", len);
		return;
	}
	const uint8_t *q = bp + 8;
	unsigned qid = nd_be24(nd, q + 13);
	nd_need(nd, q, 12);
	nd_s(nd, name);
	nd_printf(nd, " %u: ", qid);
	put_ip4(nd, q);
	nd_s(nd, " to ");
	put_ip4(nd, q + 4);
	nd_s(nd, " reply-to ");
	put_ip4(nd, q + 8);
	if ((q[8] & 0xf0) == 0xe0)
		nd_printf(nd, " with-ttl %u", nd_u8(nd, q + 12));
}
