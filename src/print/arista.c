/* arista.c - Arista vendor-specific ethertype 0xd28b: a subtype and
 * version, and for the timestamp subtype a 64- or 48-bit hardware
 * timestamp, before the ethertype of the frame. */
#include <time.h>

#include "print.h"

#define SUBTYPE_TIMESTAMP 0x0001

/* Returns the bytes consumed before the next ethertype, 0 when unknown. */
unsigned arista_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "arista");
	(void)len;
	unsigned subtype = nd_be16(nd, p);
	nd_s(nd, "SubType ");
	nd_s(nd, subtype == SUBTYPE_TIMESTAMP ? "Timestamp" : "Unknown");
	nd_s(nd, " (0x");
	out_x(nd->out, subtype, 4);
	nd_s(nd, "), ");
	if (subtype != SUBTYPE_TIMESTAMP)
		return 0;
	unsigned scale = nd_u8(nd, p + 2);
	const char *sname = scale == 0 ? "TAI" : scale == 1 ? "UTC" : "Unknown";
	nd_s(nd, "Timescale ");
	nd_s(nd, sname);
	nd_s(nd, " (");
	nd_u(nd, scale);
	nd_s(nd, "), ");
	unsigned v2 = nd_u8(nd, p + 3);
	unsigned format = v2 >> 4, hw = v2 & 0xf;
	const char *fname = format == 1 ? "64-bit" : format == 2 ? "48-bit" : "Unknown";
	const char *hname = hw == 0 ? "R/R2" : hw == 1 ? "R3" : "Unknown";
	nd_s(nd, "Format ");
	nd_s(nd, fname);
	nd_s(nd, " (");
	nd_u(nd, format);
	nd_s(nd, "), HwInfo ");
	nd_s(nd, hname);
	nd_s(nd, " (");
	nd_u(nd, hw);
	nd_s(nd, "), ");
	nd_s(nd, "Timestamp ");
	switch (format) {
	case 1: {
		uint32_t sec = nd_be32(nd, p + 4), ns = nd_be32(nd, p + 8);
		sec += ns / 1000000000u;
		ns %= 1000000000u;
		time_t t = (time_t)sec;
		struct tm tm;
		char buf[64];
		if (gmtime_r(&t, &tm) && strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm)) {
			nd_s(nd, buf);
			nd_c(nd, '.');
			out_uw(nd->out, ns, 9, '0');
		} else {
			nd_u(nd, sec);
			nd_c(nd, '.');
			out_uw(nd->out, ns, 9, '0');
		}
		nd_s(nd, ": ");
		return 12;
	}
	case 2: {
		unsigned sec = nd_be16(nd, p + 4);
		uint32_t ns = nd_be32(nd, p + 6);
		sec += ns / 1000000000u;
		ns %= 1000000000u;
		nd_u(nd, sec);
		nd_c(nd, '.');
		out_uw(nd->out, ns, 9, '0');
		nd_s(nd, ": ");
		return 10;
	}
	}
	return 0;
}
