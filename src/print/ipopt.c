/* ipopt.c - IPv4 header options (RFC 791 and later registries). */
#include "../core/names.h"
#include "print.h"

int ip_options_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	const char *sep = "";
	while (len > 0) {
		if (!nd_has(nd, p, 1))
			return -1;
		unsigned type = p[0];
		unsigned olen;
		nd_s(nd, sep);
		sep = ",";
		if (type == 0 || type == 1) {
			nd_s(nd, type == 0 ? "EOL" : "NOP");
			olen = 1;
		} else {
			if (!nd_has(nd, p, 2))
				return -1;
			olen = p[1];
			nd_printf(nd, "unknown %u", type);
			if (olen < 2 || olen > len) {
				nd_printf(nd, " [bad length %u]", olen);
				return 0;
			}
		}
		p += olen;
		len -= olen;
		if (type == 0)
			break;
	}
	return 0;
}
