/* hsrp.c - Cisco Hot Standby Router Protocol (RFC 2281), version 0. */
#include "../core/names.h"
#include "print.h"

#define HSRP_PORT 1985

/* Seconds as tcpdump's relative times: "1m40s", "0s". */
static void put_relts(nd_t *nd, uint32_t secs)
{
	static const char units[] = "ywdhms";
	static const uint32_t sizes[] = { 31536000, 604800, 86400, 3600, 60, 1 };
	if (secs == 0) {
		nd_s(nd, "0s");
		return;
	}
	for (int i = 0; i < 6 && secs > 0; i++) {
		if (secs >= sizes[i]) {
			nd_printf(nd, "%u%c", secs / sizes[i], units[i]);
			secs %= sizes[i];
		}
	}
}

void hsrp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char *const ops[] = { "hello", "coup", "resign" };
	(void)ip; (void)sport;
	nd_proto(nd, "hsrp");
	if (dport != HSRP_PORT) {
		/* tcpdump looks at the destination port only */
		nd_printf(nd, "UDP, length %u", len);
		return;
	}
	unsigned version = nd_u8(nd, bp);
	nd_printf(nd, "HSRPv%u", version);
	if (version != 0)
		return;
	nd_c(nd, '-');
	unsigned op = nd_u8(nd, bp + 1);
	if (op < 3)
		nd_printf(nd, "%s ", ops[op]);
	else
		nd_printf(nd, "unknown (%u) ", op);
	nd_printf(nd, "%u: ", len);
	unsigned st = nd_u8(nd, bp + 2);
	const char *sn = st == 0 ? "initial" : st == 1 ? "learn" : st == 2 ? "listen"
		: st == 4 ? "speak" : st == 8 ? "standby" : st == 16 ? "active" : NULL;
	if (sn)
		nd_printf(nd, "state=%s ", sn);
	else
		nd_printf(nd, "state=Unknown (%u) ", st);
	nd_printf(nd, "group=%u ", nd_u8(nd, bp + 6));
	if (nd_u8(nd, bp + 7))
		nd_printf(nd, "[reserved=%u!] ", bp[7]);
	nd_need(nd, bp + 16, 4);
	nd_s(nd, "addr=");
	put_ip4(nd, bp + 16);
	if (!nd->opt->vflag)
		return;
	nd_s(nd, " hellotime=");
	put_relts(nd, nd_u8(nd, bp + 3));
	nd_s(nd, " holdtime=");
	put_relts(nd, nd_u8(nd, bp + 4));
	nd_printf(nd, " priority=%u", nd_u8(nd, bp + 5));
	nd_s(nd, " auth=\"");
	for (unsigned i = 0; i < 8; i++) {
		uint8_t c = nd_u8(nd, bp + 8 + i);
		if (c == 0)
			break;
		nd_print_char(nd, c);
	}
	nd_c(nd, '"');
}
