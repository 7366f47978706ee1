/* hsrp.c - Cisco Hot Standby Router Protocol version 0 (RFC 2281), UDP
 * port 1985, which tcpdump matches as the destination port only. */
#include "../core/names.h"
#include "print.h"

#define HSRP_PORT 1985

static const char *const op_names[] = { "hello", "coup", "resign" };

static const char *state_name(unsigned s)
{
	switch (s) {
	case 0: return "initial";
	case 1: return "learn";
	case 2: return "listen";
	case 4: return "speak";
	case 8: return "standby";
	case 16: return "active";
	}
	return NULL;
}

void hsrp_print(nd_t *nd, const uint8_t *p, unsigned len,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	if (dport != HSRP_PORT) {
		/* only the source port is HSRP's: tcpdump's chain of port
		 * tests goes on */
		port_fn fn = dispatch_udp_next(hsrp_print, sport, dport);
		if (fn)
			fn(nd, p, len, ip, sport, dport);
		else
			nd_printf(nd, "UDP, length %u", len);
		return;
	}
	nd_proto(nd, "hsrp");
	unsigned version = nd_u8(nd, p);
	nd_printf(nd, "HSRPv%u", version);
	if (version != 0)
		return;
	unsigned op = nd_u8(nd, p + 1);
	if (op < 3)
		nd_printf(nd, "-%s %u: ", op_names[op], len);
	else
		nd_printf(nd, "-unknown (%u) %u: ", op, len);
	unsigned st = nd_u8(nd, p + 2);
	const char *sn = state_name(st);
	if (sn)
		nd_printf(nd, "state=%s ", sn);
	else
		nd_printf(nd, "state=Unknown (%u) ", st);
	nd_printf(nd, "group=%u ", nd_u8(nd, p + 6));
	unsigned rsv = nd_u8(nd, p + 7);
	if (rsv)
		nd_printf(nd, "[reserved=%u!] ", rsv);
	nd_need(nd, p + 16, 4);
	nd_s(nd, "addr=");
	put_ip4(nd, p + 16);
	if (nd->opt->vflag) {
		nd_printf(nd, " hellotime=%us holdtime=%us priority=%u auth=\"",
			  nd_u8(nd, p + 3), nd_u8(nd, p + 4), nd_u8(nd, p + 5));
		for (unsigned i = 0; i < 8; i++) {
			unsigned c = nd_u8(nd, p + 8 + i);
			if (c == 0)
				break;
			nd_print_char(nd, (uint8_t)c);
		}
		nd_c(nd, '"');
	}
}
