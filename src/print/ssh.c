/* ssh.c - the SSH identification string ("SSH-2.0-..."). */
#include "print.h"

void ssh_print(nd_t *nd, const uint8_t *bp, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "ssh");
	static const char magic[4] = { 'S', 'S', 'H', '-' };
	for (unsigned i = 0; i < 4; i++)
		if (nd_u8(nd, bp + i) != (uint8_t)magic[i])
			return;
	unsigned idx;
	for (idx = 4; idx < len; idx++) {
		uint8_t c = nd_u8(nd, bp + idx);
		if (c == '\n')
			break;
		if (c == '\r') {
			if (idx + 1 >= len || nd_u8(nd, bp + idx + 1) != '\n')
				return;
			break;
		}
		if (c < 0x20 || c > 0x7e)
			return;
	}
	if (idx >= len)
		return;
	nd_s(nd, ": SSH: ");
	out_mem(nd->out, bp, idx);
}
