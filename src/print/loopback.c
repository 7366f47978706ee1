/* loopback.c - Ethernet configuration testing protocol (ethertype 0x9000,
 * the "loopback" of the Ethernet v2 spec): a skip count, then the
 * function at that offset. All fields are little-endian. */
#include "../core/names.h"
#include "print.h"

void loopback_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "loopback");
	nd_s(nd, "Loopback");
	if (len < 2) {
		nd_print_invalid(nd);
		nd_need(nd, p, len);
		return;
	}
	unsigned skip = nd_le16(nd, p);
	p += 2;
	len -= 2;
	nd_printf(nd, ", skipCount %u", skip);
	if (skip % 8)
		nd_s(nd, " (bogus)");
	if (skip > len) {
		nd_print_invalid(nd);
		nd_need(nd, p, len);
		return;
	}
	p += skip;
	len -= skip;
	if (len < 2) {
		nd_print_invalid(nd);
		nd_need(nd, p, len);
		return;
	}
	unsigned fn = nd_le16(nd, p);
	p += 2;
	len -= 2;
	switch (fn) {
	case 1:
		nd_s(nd, ", Reply");
		if (len < 2) {
			nd_print_invalid(nd);
			nd_need(nd, p, len);
			return;
		}
		nd_printf(nd, ", receipt number %u", nd_le16(nd, p));
		p += 2;
		len -= 2;
		nd_printf(nd, ", data (%u octets)", len);
		nd_need(nd, p, len);
		break;
	case 2:
		nd_s(nd, ", Forward Data");
		if (len < 6) {
			nd_print_invalid(nd);
			nd_need(nd, p, len);
			return;
		}
		nd_s(nd, ", forwarding address ");
		put_mac(nd, p);
		p += 6;
		len -= 6;
		nd_printf(nd, ", data (%u octets)", len);
		nd_need(nd, p, len);
		break;
	default:
		nd_printf(nd, ",  invalid (%u)", fn);
		nd_need(nd, p, len);
		break;
	}
}
