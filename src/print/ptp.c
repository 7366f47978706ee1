/* ptp.c - Precision Time Protocol version 2 (IEEE 1588-2008) over UDP
 * ports 319/320 and over Ethernet. */
#include "print.h"

static const char *const msg_names[16] = {
	[0x0] = "sync msg", [0x1] = "delay req msg", [0x2] = "peer delay req msg",
	[0x3] = "peer delay resp msg", [0x8] = "follow up msg",
	[0x9] = "delay resp msg", [0xa] = "pdelay resp fup msg",
	[0xb] = "announce msg", [0xc] = "signalling msg", [0xd] = "management msg",
};

static const char *const ctl_names[] = {
	"Sync", "Delay_Req", "Follow_Up", "Delay_Resp", "Management", "Other",
};

static const char *const flag_names[16] = {
	[0] = "l1 61", [1] = "l1 59", [2] = "utc reasonable", [3] = "timescale",
	[4] = "time tracable", [5] = "frequency tracable", [8] = "alternate master",
	[9] = "two step", [10] = "unicast", [12] = "profile specific 1",
	[13] = "profile specific 2", [14] = "security mask",
};

static uint64_t be48(nd_t *nd, const uint8_t *p)
{
	return (uint64_t)nd_be16(nd, p) << 32 | nd_be32(nd, p + 2);
}

static uint64_t be64(nd_t *nd, const uint8_t *p)
{
	return (uint64_t)nd_be32(nd, p) << 32 | nd_be32(nd, p + 4);
}

/* ", NAME : S seconds, N nanoseconds" (no comma before the nanoseconds
 * in an announce message, as tcpdump). */
static void put_ts(nd_t *nd, const char *name, const uint8_t *p, int comma)
{
	nd_printf(nd, ", %s :", name);
	nd_need(nd, p, 6);
	nd_printf(nd, " %llu seconds%s", (unsigned long long)be48(nd, p), comma ? "," : "");
	nd_need(nd, p + 6, 4);
	nd_printf(nd, " %u nanoseconds", nd_be32(nd, p + 6));
}

static void put_port(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	nd_printf(nd, ", port identity : 0x%llx", (unsigned long long)be64(nd, p));
	nd_need(nd, p + 8, 2);
	nd_printf(nd, ", port id : %u", nd_be16(nd, p + 8));
}

static void ptp_body(nd_t *nd, const uint8_t *dat, unsigned length)
{
	nd_proto(nd, "ptp");
	if (length < 34) {
		nd_printf(nd, " [length %u < 34]", length);
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, dat, 2);
	unsigned ver = dat[1];
	if (ver == 1) {
		nd_s(nd, "PTPv1 (not implemented)");
		return;
	}
	nd_printf(nd, "PTPv%u", ver);
	if (ver != 2)
		return;
	unsigned mt = dat[0] & 0x0f;
	nd_printf(nd, ", v1 compat : %s", (dat[0] & 0x10) ? "yes" : "no");
	nd_printf(nd, ", msg type : %s", msg_names[mt] ? msg_names[mt] : "Reserved");
	nd_need(nd, dat + 2, 2);
	nd_printf(nd, ", length : %u", nd_be16(nd, dat + 2));
	nd_need(nd, dat + 4, 2);
	nd_printf(nd, ", domain : %u", dat[4]);
	nd_need(nd, dat + 5, 1);
	nd_printf(nd, ", reserved1 : %u", dat[5]);
	nd_need(nd, dat + 6, 2);
	unsigned fl = nd_be16(nd, dat + 6);
	nd_s(nd, ", Flags [");
	int any = 0;
	for (unsigned b = 0; b < 16; b++) {
		if ((fl & (1u << b)) && flag_names[b]) {
			nd_printf(nd, "%s%s", any ? ", " : "", flag_names[b]);
			any = 1;
		}
	}
	nd_s(nd, any ? "]" : "none]");
	nd_need(nd, dat + 8, 6);
	nd_printf(nd, ", NS correction : %llu", (unsigned long long)be48(nd, dat + 8));
	nd_need(nd, dat + 14, 2);
	nd_printf(nd, ", sub NS correction : %u", nd_be16(nd, dat + 14));
	nd_need(nd, dat + 16, 4);
	nd_printf(nd, ", reserved2 : %u", nd_be32(nd, dat + 16));
	nd_need(nd, dat + 20, 8);
	nd_printf(nd, ", clock identity : 0x%llx", (unsigned long long)be64(nd, dat + 20));
	nd_need(nd, dat + 28, 2);
	nd_printf(nd, ", port id : %u", nd_be16(nd, dat + 28));
	nd_need(nd, dat + 30, 2);
	nd_printf(nd, ", seq id : %u", nd_be16(nd, dat + 30));
	nd_need(nd, dat + 32, 1);
	unsigned ctl = dat[32];
	nd_printf(nd, ", control : %u (%s)", ctl, ctl < 6 ? ctl_names[ctl] : "Reserved");
	nd_need(nd, dat + 33, 1);
	nd_printf(nd, ", log message interval : %u", dat[33]);
	const uint8_t *b = dat + 34;
	switch (mt) {
	case 0x0: case 0x1:
		put_ts(nd, "originTimeStamp", b, 1);
		break;
	case 0x8:
		put_ts(nd, "preciseOriginTimeStamp", b, 1);
		break;
	case 0x9: case 0x3:
		put_ts(nd, "receiveTimeStamp", b, 1);
		put_port(nd, b + 10);
		break;
	case 0x2: case 0xa:
		put_ts(nd, "preciseOriginTimeStamp", b, 1);
		put_port(nd, b + 10);
		break;
	case 0xb:
		put_ts(nd, "originTimeStamp", b, 0);
				nd_need(nd, b + 10, 2);
		nd_printf(nd, ", origin cur utc :%u", nd_be16(nd, b + 10));
				nd_need(nd, b + 12, 1);
		nd_printf(nd, ", rsvd : %u", b[12]);
				nd_need(nd, b + 13, 1);
		nd_printf(nd, ", gm priority_1 : %u", b[13]);
				nd_need(nd, b + 14, 1);
		nd_printf(nd, ", gm clock class : %u", b[14]);
				nd_need(nd, b + 15, 1);
		nd_printf(nd, ", gm clock accuracy : %u", b[15]);
				nd_need(nd, b + 16, 2);
		nd_printf(nd, ", gm clock variance : %u", nd_be16(nd, b + 16));
				nd_need(nd, b + 18, 1);
		nd_printf(nd, ", gm priority_2 : %u", b[18]);
				nd_need(nd, b + 19, 8);
		nd_printf(nd, ", gm clock id : 0x%llx", (unsigned long long)be64(nd, b + 19));
				nd_need(nd, b + 27, 2);
		nd_printf(nd, ", steps removed : %u", nd_be16(nd, b + 27));
				nd_need(nd, b + 29, 1);
		nd_printf(nd, ", time source : 0x%x", b[29]);
		break;
	case 0xc:
		put_port(nd, b);
		break;
	case 0xd:
		put_port(nd, b);
		nd_need(nd, b, 1);
		nd_printf(nd, ", , start boundary hops  %u", b[0]);
		nd_printf(nd, ", , boundary hops  %u", b[0]);
		nd_printf(nd, ", , flags  0x%x", b[0]);
		nd_printf(nd, ", , reserved  0x%x", b[0]);
		break;
	default:
		break;
	}
}

void ptp_print(nd_t *nd, const uint8_t *dat, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	ptp_body(nd, dat, length);
}

void ptp_eth_print(nd_t *nd, const uint8_t *dat, unsigned length)
{
	ptp_body(nd, dat, length);
}
