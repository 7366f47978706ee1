/* ptp.c - Precision Time Protocol v2 (IEEE 1588): the common header and
 * the sync, delay request/response, follow-up and announce bodies.  Over
 * UDP ports 319/320 and Ethernet type 0x88f7. */
#include "print.h"

#define PTP_HDR_LEN 34

static uint64_t be48(nd_t *nd, const uint8_t *p)
{
	return (uint64_t)nd_be16(nd, p) << 32 | nd_be32(nd, p + 2);
}

static void timestamp(nd_t *nd, const char *name, const uint8_t *p, const char *sep)
{
	nd_printf(nd, ", %s : %llu seconds%s %u nanoseconds", name,
		  (unsigned long long)be48(nd, p), sep, nd_be32(nd, p + 6));
}

static void ptp_flags(nd_t *nd, unsigned f)
{
	static const struct { unsigned bit; const char *s; } names[] = {
		{ 0x0100, "alternate master" }, { 0x0200, "two step" },
		{ 0x0400, "unicast" }, { 0x2000, "profile specific 1" },
		{ 0x4000, "profile specific 2" }, { 0x8000, "security mask" },
		{ 0x0001, "li 61" }, { 0x0002, "li 59" },
		{ 0x0004, "utc offset valid" }, { 0x0008, "ptp timescale" },
		{ 0x0010, "time traceable" }, { 0x0020, "freq traceable" },
	};
	const char *sep = "";
	int any = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (f & names[i].bit) {
			nd_s(nd, sep);
			nd_s(nd, names[i].s);
			sep = ", ";
			any = 1;
		}
	if (!any)
		nd_s(nd, "none");
}

void ptp_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "ptp");
	unsigned ver = nd_u8(nd, p + 1) & 0x0f;
	nd_printf(nd, "PTPv%u", ver);
	(void)len;
	if (ver != 2)
		return;
	unsigned b0 = nd_u8(nd, p), type = b0 & 0x0f;
	static const char *const types[16] = {
		"sync msg", "delay req msg", "peer delay req msg", "peer delay resp msg",
		NULL, NULL, NULL, NULL, "follow up msg", "delay resp msg",
		"peer delay resp follow up msg", "announce msg", "signaling msg",
		"management msg", NULL, NULL,
	};
	nd_printf(nd, ", v1 compat : %s", b0 & 0x10 ? "yes" : "no");
	nd_printf(nd, ", msg type : %s", types[type] ? types[type] : "none");
	nd_printf(nd, ", length : %u", nd_be16(nd, p + 2));
	nd_printf(nd, ", domain : %u", nd_u8(nd, p + 4));
	nd_printf(nd, ", reserved1 : %u", nd_u8(nd, p + 5));
	nd_s(nd, ", Flags [");
	ptp_flags(nd, nd_be16(nd, p + 6));
	nd_c(nd, ']');
	uint64_t corr = nd_be64(nd, p + 8);
	nd_printf(nd, ", NS correction : %llu", (unsigned long long)(corr >> 16));
	nd_printf(nd, ", sub NS correction : %u", (unsigned)(corr & 0xffff));
	nd_printf(nd, ", reserved2 : %u", nd_be32(nd, p + 16));
	nd_printf(nd, ", clock identity : 0x%llx", (unsigned long long)nd_be64(nd, p + 20));
	nd_printf(nd, ", port id : %u", nd_be16(nd, p + 28));
	nd_printf(nd, ", seq id : %u", nd_be16(nd, p + 30));
	unsigned ctl = nd_u8(nd, p + 32);
	static const char *const ctls[6] = { "Sync", "Delay_Req", "Follow_Up",
					     "Delay_Resp", "Management", "Other" };
	nd_printf(nd, ", control : %u (%s)", ctl, ctl < 6 ? ctls[ctl] : "Reserved");
	nd_printf(nd, ", log message interval : %d", (int)(int8_t)nd_u8(nd, p + 33));
	const uint8_t *b = p + PTP_HDR_LEN;
	switch (type) {
	case 0:
	case 1:
		timestamp(nd, "originTimeStamp", b, ",");
		break;
	case 8:
		timestamp(nd, "preciseOriginTimeStamp", b, ",");
		break;
	case 9:
		timestamp(nd, "receiveTimeStamp", b, ",");
		nd_printf(nd, ", port identity : 0x%llx", (unsigned long long)nd_be64(nd, b + 10));
		nd_printf(nd, ", port id : %u", nd_be16(nd, b + 18));
		break;
	case 11:
		timestamp(nd, "originTimeStamp", b, "");
		nd_printf(nd, ", origin cur utc :%d", (int)(int16_t)nd_be16(nd, b + 10));
		nd_printf(nd, ", rsvd : %u", nd_u8(nd, b + 12));
		nd_printf(nd, ", gm priority_1 : %u", nd_u8(nd, b + 13));
		nd_printf(nd, ", gm clock class : %u", nd_u8(nd, b + 14));
		nd_printf(nd, ", gm clock accuracy : %u", nd_u8(nd, b + 15));
		nd_printf(nd, ", gm clock variance : %u", nd_be16(nd, b + 16));
		nd_printf(nd, ", gm priority_2 : %u", nd_u8(nd, b + 18));
		nd_printf(nd, ", gm clock id : 0x%llx", (unsigned long long)nd_be64(nd, b + 19));
		nd_printf(nd, ", steps removed : %u", nd_be16(nd, b + 27));
		nd_printf(nd, ", time source : 0x%x", nd_u8(nd, b + 29));
		break;
	}
}

void ptp_udp_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	(void)sport;
	(void)dport;
	ptp_print(nd, p, len);
}
