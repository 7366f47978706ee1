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

static const struct tok flag_names[] = {
	{ 0x0001, "l1 61" }, { 0x0002, "l1 59" }, { 0x0004, "utc reasonable" },
	{ 0x0008, "timescale" }, { 0x0010, "time tracable" },
	{ 0x0020, "frequency tracable" }, { 0x0100, "alternate master" },
	{ 0x0200, "two step" }, { 0x0400, "unicast" },
	{ 0x1000, "profile specific 1" }, { 0x2000, "profile specific 2" },
	{ 0x4000, "security mask" }, { 0, NULL },
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
	nd_s(nd, ", ");
	nd_s(nd, name);
	nd_s(nd, " :");
	nd_need(nd, p, 6);
	{
		unsigned long long v0 = (unsigned long long)be48(nd, p);
		nd_c(nd, ' ');
		nd_u(nd, v0);
		nd_s(nd, " seconds");
		nd_s(nd, comma ? "," : "");
	}
	nd_need(nd, p + 6, 4);
	{
		unsigned v0 = nd_be32(nd, p + 6);
		nd_c(nd, ' ');
		nd_u(nd, v0);
		nd_s(nd, " nanoseconds");
	}
}

static void put_port(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	{
		unsigned long long v0 = (unsigned long long)be64(nd, p);
		nd_s(nd, ", port identity : 0x");
		out_x(nd->out, v0, 0);
	}
	nd_need(nd, p + 8, 2);
	{
		unsigned v0 = nd_be16(nd, p + 8);
		nd_s(nd, ", port id : ");
		nd_u(nd, v0);
	}
}

static void ptp_body(nd_t *nd, const uint8_t *dat, unsigned length)
{
	nd_proto(nd, "ptp");
	if (length < 34) {
		nd_s(nd, " [length ");
		nd_u(nd, length);
		nd_s(nd, " < 34]");
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, dat, 2);
	unsigned ver = dat[1];
	if (ver == 1) {
		nd_s(nd, "PTPv1 (not implemented)");
		return;
	}
	nd_s(nd, "PTPv");
	nd_u(nd, ver);
	if (ver != 2)
		return;
	unsigned mt = dat[0] & 0x0f;
	nd_s(nd, ", v1 compat : ");
	nd_s(nd, (dat[0] & 0x10) ? "yes" : "no");
	nd_s(nd, ", msg type : ");
	nd_s(nd, msg_names[mt] ? msg_names[mt] : "Reserved");
	nd_need(nd, dat + 2, 2);
	{
		unsigned v0 = nd_be16(nd, dat + 2);
		nd_s(nd, ", length : ");
		nd_u(nd, v0);
	}
	nd_need(nd, dat + 4, 2);
	nd_s(nd, ", domain : ");
	nd_u(nd, dat[4]);
	nd_need(nd, dat + 5, 1);
	nd_s(nd, ", reserved1 : ");
	nd_u(nd, dat[5]);
	nd_need(nd, dat + 6, 2);
	unsigned fl = nd_be16(nd, dat + 6);
	nd_s(nd, ", Flags [");
	put_bits(nd, flag_names, fl, "none");
	nd_c(nd, ']');
	nd_need(nd, dat + 8, 6);
	{
		unsigned long long v0 = (unsigned long long)be48(nd, dat + 8);
		nd_s(nd, ", NS correction : ");
		nd_u(nd, v0);
	}
	nd_need(nd, dat + 14, 2);
	{
		unsigned v0 = nd_be16(nd, dat + 14);
		nd_s(nd, ", sub NS correction : ");
		nd_u(nd, v0);
	}
	nd_need(nd, dat + 16, 4);
	{
		unsigned v0 = nd_be32(nd, dat + 16);
		nd_s(nd, ", reserved2 : ");
		nd_u(nd, v0);
	}
	nd_need(nd, dat + 20, 8);
	{
		unsigned long long v0 = (unsigned long long)be64(nd, dat + 20);
		nd_s(nd, ", clock identity : 0x");
		out_x(nd->out, v0, 0);
	}
	nd_need(nd, dat + 28, 2);
	{
		unsigned v0 = nd_be16(nd, dat + 28);
		nd_s(nd, ", port id : ");
		nd_u(nd, v0);
	}
	nd_need(nd, dat + 30, 2);
	{
		unsigned v0 = nd_be16(nd, dat + 30);
		nd_s(nd, ", seq id : ");
		nd_u(nd, v0);
	}
	nd_need(nd, dat + 32, 1);
	unsigned ctl = dat[32];
	nd_s(nd, ", control : ");
	nd_u(nd, ctl);
	nd_s(nd, " (");
	nd_s(nd, ctl < 6 ? ctl_names[ctl] : "Reserved");
	nd_c(nd, ')');
	nd_need(nd, dat + 33, 1);
	nd_s(nd, ", log message interval : ");
	nd_u(nd, dat[33]);
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
		{
			unsigned v0 = nd_be16(nd, b + 10);
			nd_s(nd, ", origin cur utc :");
			nd_u(nd, v0);
		}
				nd_need(nd, b + 12, 1);
		nd_s(nd, ", rsvd : ");
		nd_u(nd, b[12]);
				nd_need(nd, b + 13, 1);
		nd_s(nd, ", gm priority_1 : ");
		nd_u(nd, b[13]);
				nd_need(nd, b + 14, 1);
		nd_s(nd, ", gm clock class : ");
		nd_u(nd, b[14]);
				nd_need(nd, b + 15, 1);
		nd_s(nd, ", gm clock accuracy : ");
		nd_u(nd, b[15]);
				nd_need(nd, b + 16, 2);
		{
			unsigned v0 = nd_be16(nd, b + 16);
			nd_s(nd, ", gm clock variance : ");
			nd_u(nd, v0);
		}
				nd_need(nd, b + 18, 1);
		nd_s(nd, ", gm priority_2 : ");
		nd_u(nd, b[18]);
				nd_need(nd, b + 19, 8);
		{
			unsigned long long v0 = (unsigned long long)be64(nd, b + 19);
			nd_s(nd, ", gm clock id : 0x");
			out_x(nd->out, v0, 0);
		}
				nd_need(nd, b + 27, 2);
		{
			unsigned v0 = nd_be16(nd, b + 27);
			nd_s(nd, ", steps removed : ");
			nd_u(nd, v0);
		}
				nd_need(nd, b + 29, 1);
		nd_s(nd, ", time source : 0x");
		out_x(nd->out, b[29], 0);
		break;
	case 0xc:
		put_port(nd, b);
		break;
	case 0xd:
		put_port(nd, b);
		nd_need(nd, b, 1);
		nd_s(nd, ", , start boundary hops  ");
		nd_u(nd, b[0]);
		nd_s(nd, ", , boundary hops  ");
		nd_u(nd, b[0]);
		nd_s(nd, ", , flags  0x");
		out_x(nd->out, b[0], 0);
		nd_s(nd, ", , reserved  0x");
		out_x(nd->out, b[0], 0);
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
