/* bgp.c - BGP-4 (RFC 4271): finds the messages in a TCP segment and shows
 * their headers.  Only KEEPALIVE needs nothing more; OPEN, UPDATE,
 * NOTIFICATION and ROUTE-REFRESH bodies are not decoded yet. */
#include "../core/hexdump.h"
#include "print.h"

static const char *msg_name(unsigned t)
{
	switch (t) {
	case 1: return "Open";
	case 2: return "Update";
	case 3: return "Notification";
	case 4: return "Keepalive";
	case 5: return "Route Refresh";
	}
	return NULL;
}

void bgp_print(nd_t *nd, const uint8_t *dat, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const uint8_t marker[16] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	(void)ip; (void)sport; (void)dport; (void)length;
	nd_proto(nd, "bgp");
	nd_s(nd, ": BGP");
	if (!nd->opt->vflag)
		return;
	const uint8_t *p = dat, *start = dat, *ep = nd->end;
	while (p < ep) {
		if (*p != 0xff) {
			p++;
			continue;
		}
		if (!nd_has(nd, p, 16))
			break;
		if (memcmp(p, marker, 16) != 0) {
			p++;
			continue;
		}
		if (!nd_has(nd, p, 19)) {
			nd_print_trunc(nd);
			return;
		}
		if (start != p)
			nd_print_trunc(nd);
		unsigned hlen = nd_be16(nd, p + 16), type = p[18];
		if (hlen < 19) {
			nd_printf(nd, "\nmessage length %u < 19", hlen);
			nd_print_invalid(nd);
			break;
		}
		const char *n = msg_name(type);
		if (!nd_has(nd, p, hlen)) {
			nd_printf(nd, "\n[|BGP %s]", n ? n : "Unknown Message Type");
			break;
		}
		nd_printf(nd, "\n\t%s Message (%u), length: %u", n ? n : "Unknown", type,
			  hlen);
		if (!n) {
			nd_printf(nd, "\n\t  no Message %u decoder", type);
			hex_dump(nd->out, "\n\t  ", p, hlen, 0);
		}
		p += hlen;
		start = p;
	}
}
