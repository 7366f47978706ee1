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
		else {
			nd_s(nd, "UDP, length ");
			nd_u(nd, len);
		}
		return;
	}
	nd_proto(nd, "hsrp");
	unsigned version = nd_u8(nd, p);
	nd_s(nd, "HSRPv");
	nd_u(nd, version);
	if (version != 0)
		return;
	unsigned op = nd_u8(nd, p + 1);
	if (op < 3) {
		nd_c(nd, '-');
		nd_s(nd, op_names[op]);
		nd_c(nd, ' ');
		nd_u(nd, len);
		nd_s(nd, ": ");
	} else {
		nd_s(nd, "-unknown (");
		nd_u(nd, op);
		nd_s(nd, ") ");
		nd_u(nd, len);
		nd_s(nd, ": ");
	}
	unsigned st = nd_u8(nd, p + 2);
	const char *sn = state_name(st);
	if (sn) {
		nd_s(nd, "state=");
		nd_s(nd, sn);
		nd_c(nd, ' ');
	} else {
		nd_s(nd, "state=Unknown (");
		nd_u(nd, st);
		nd_s(nd, ") ");
	}
	{
		unsigned v0 = nd_u8(nd, p + 6);
		nd_s(nd, "group=");
		nd_u(nd, v0);
		nd_c(nd, ' ');
	}
	unsigned rsv = nd_u8(nd, p + 7);
	if (rsv) {
		nd_s(nd, "[reserved=");
		nd_u(nd, rsv);
		nd_s(nd, "!] ");
	}
	nd_need(nd, p + 16, 4);
	nd_s(nd, "addr=");
	put_ip4(nd, p + 16);
	if (nd->opt->vflag) {
		{
			unsigned v0 = nd_u8(nd, p + 3);
			unsigned v1 = nd_u8(nd, p + 4);
			unsigned v2 = nd_u8(nd, p + 5);
			nd_s(nd, " hellotime=");
			nd_u(nd, v0);
			nd_s(nd, "s holdtime=");
			nd_u(nd, v1);
			nd_s(nd, "s priority=");
			nd_u(nd, v2);
			nd_s(nd, " auth=\"");
		}
		for (unsigned i = 0; i < 8; i++) {
			unsigned c = nd_u8(nd, p + 8 + i);
			if (c == 0)
				break;
			nd_print_char(nd, (uint8_t)c);
		}
		nd_c(nd, '"');
	}
}
