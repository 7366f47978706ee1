/* beep.c - BEEP (RFC 3080, TCP 10288): names the frame type from the first
 * four bytes, as tcpdump does (MSG and END are matched with a NUL after the
 * keyword, the others with a space). */
#include <string.h>

#include "print.h"

void beep_print(nd_t *nd, const uint8_t *p, unsigned len,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char kinds[][5] = {
		{ 'M', 'S', 'G', 0 }, "RPY ", "ERR ", "ANS ", "NUL ", "SEQ ",
		{ 'E', 'N', 'D', 0 },
	};
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "beep");
	if (len >= 4 && nd_has(nd, p, 4)) {
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
			if (memcmp(p, kinds[i], 4) == 0) {
				nd_s(nd, " BEEP ");
				out_mem(nd->out, kinds[i], 3);
				return;
			}
		}
	}
	nd_s(nd, " BEEP (payload or undecoded)");
}
