/* ntp.c - NTP (RFC 5905): time messages (modes 0-5), control messages
 * (mode 6); mode 7 and others show only the header summary. */
#include <string.h>
#include <time.h>

#include "../core/names.h"
#include "print.h"

static const char *const ntp_modes[8] = {
	"unspecified", "symmetric active", "symmetric passive", "Client",
	"Server", "Broadcast", "Control Message", "Reserved",
};

static const char *const ntp_leap[4] = {
	"", "+1s", "-1s", "clock unsynchronized",
};

#define FRAC_SCALE 4294967296.0
#define NTP_UNIX_OFFSET 2208988800LL

/* 32.32 fixed point: "sec.nanosec" plus the UTC date when sec is set. */
void ntp_time_put(nd_t *nd, const uint8_t *p)
{
	uint32_t sec = nd_be32(nd, p), frac = nd_be32(nd, p + 4);
	uint32_t ns = (uint32_t)((double)frac / FRAC_SCALE * 1000000000.0);
	nd_u(nd, sec);
	nd_c(nd, '.');
	out_uw(nd->out, ns, 9, '0');
	if (sec) {
		time_t t = (time_t)((int64_t)sec - NTP_UNIX_OFFSET);
		struct tm tm;
		char buf[64];
		if (gmtime_r(&t, &tm) == NULL) {
			nd_s(nd, " [Time is out of range]");
			return;
		}
		strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
		nd_s(nd, " (");
		nd_s(nd, buf);
		nd_c(nd, ')');
	}
}

/* Difference of two timestamps, the way tcpdump computes it. */
static void ntp_delta_put(nd_t *nd, const uint8_t *org, const uint8_t *t)
{
	uint32_t u = nd_be32(nd, t), uf = nd_be32(nd, t + 4);
	uint32_t ou = nd_be32(nd, org), ouf = nd_be32(nd, org + 4);
	if (ou == 0 && ouf == 0) {
		ntp_time_put(nd, t);
		return;
	}
	int64_t i = (int64_t)u - (int64_t)ou;
	uint32_t f;
	int neg;
	if (i > 0) {
		neg = 0;
		f = uf - ouf;
		if (ouf > uf)
			i--;
	} else if (i < 0) {
		neg = 1;
		f = ouf - uf;
		if (uf > ouf)
			i++;
		i = -i;
	} else if (uf > ouf) {
		neg = 0;
		f = uf - ouf;
	} else {
		neg = 1;
		f = ouf - uf;
	}
	uint32_t ns = (uint32_t)((double)f / FRAC_SCALE * 1000000000.0);
	nd_s(nd, neg ? "-" : "+");
	out_d(nd->out, (long long)i);
	nd_c(nd, '.');
	out_uw(nd->out, ns, 9, '0');
}

/* 16.16 fixed point. */
static void sfix_put(nd_t *nd, const uint8_t *p)
{
	unsigned i = nd_be16(nd, p), f = nd_be16(nd, p + 2);
	unsigned us = (unsigned)((double)f / 65536.0 * 1000000.0);
	nd_u(nd, i); /* %d.%06d: i below 65536, us below 10^6 */
	nd_c(nd, '.');
	out_uw(nd->out, us, 6, '0');
}

/* " (invalid)", then the marker when not even the claimed length was
 * captured. */
static void ntp_invalid(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_print_invalid(nd);
	if (!nd_has(nd, bp, length))
		nd_print_trunc(nd);
}

static void ntp_time_rest(nd_t *nd, const uint8_t *bp, unsigned length);

static void ntp_time_msg(nd_t *nd, const uint8_t *bp, unsigned length)
{
	if (length < 48) {
		ntp_invalid(nd, bp, length);
		return;
	}
	unsigned stratum = nd_u8(nd, bp + 1);
	const char *sname;
	if (stratum == 0)
		sname = "unspecified";
	else if (stratum == 1)
		sname = "primary reference";
	else if (stratum <= 15)
		sname = "secondary reference";
	else
		sname = "reserved";
	nd_s(nd, ", Stratum ");
	nd_u(nd, stratum);
	nd_s(nd, " (");
	nd_s(nd, sname);
	nd_c(nd, ')');
	int poll = (int8_t)nd_u8(nd, bp + 2);
	nd_s(nd, ", poll ");
	out_d(nd->out, poll);
	if (poll > -32 && poll < 32) {
		if (poll >= 0) {
			nd_s(nd, " (");
			nd_u(nd, 1u << poll);
			nd_s(nd, "s)");
		} else {
			nd_s(nd, " (1/");
			nd_u(nd, 1u << -poll);
			nd_s(nd, "s)");
		}
	}
	{
		int v0 = (int8_t)nd_u8(nd, bp + 3);
		nd_s(nd, ", precision ");
		out_d(nd->out, v0);
	}

	/* From here tcpdump marks a truncation and returns instead of
	 * unwinding, so -x/-X dumps after it skip the link header. */
	if (nd_try_span(nd, ntp_time_rest, bp, length))
		nd_print_trunc(nd);
}

static void ntp_time_rest(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_need(nd, bp + 4, 4);
	nd_s(nd, "\n\tRoot Delay: ");
	sfix_put(nd, bp + 4);
	nd_need(nd, bp + 8, 4);
	nd_s(nd, ", Root dispersion: ");
	sfix_put(nd, bp + 8);
	nd_need(nd, bp + 12, 4);
	nd_s(nd, ", Reference-ID: ");
	const uint8_t *ref = bp + 12;
	switch (nd_u8(nd, bp + 1)) {
	case 0:
		nd_s(nd, "(unspec)");
		break;
	case 1:
		for (int k = 0; k < 4; k++)
			nd_print_char(nd, nd_u8(nd, ref + k));
		break;
	case 62:
		put_ip4(nd, ref);
		nd_s(nd, " INFO_QUERY");
		return;
	case 63:
		put_ip4(nd, ref);
		nd_s(nd, " INFO_REPLY");
		return;
	default:
		{
			unsigned v0 = nd_be32(nd, ref);
			nd_s(nd, "0x");
			out_x(nd->out, v0, 8);
		}
		break;
	}
	nd_need(nd, bp + 16, 8);
	nd_s(nd, "\n\t  Reference Timestamp:  ");
	ntp_time_put(nd, bp + 16);
	nd_need(nd, bp + 24, 8);
	nd_s(nd, "\n\t  Originator Timestamp: ");
	ntp_time_put(nd, bp + 24);
	nd_need(nd, bp + 32, 8);
	nd_s(nd, "\n\t  Receive Timestamp:    ");
	ntp_time_put(nd, bp + 32);
	nd_need(nd, bp + 40, 8);
	nd_s(nd, "\n\t  Transmit Timestamp:   ");
	ntp_time_put(nd, bp + 40);
	nd_s(nd, "\n\t    Originator - Receive Timestamp:  ");
	ntp_delta_put(nd, bp + 24, bp + 32);
	nd_s(nd, "\n\t    Originator - Transmit Timestamp: ");
	ntp_delta_put(nd, bp + 24, bp + 40);

	if (length == 48 + 4) {
		{
			unsigned v0 = nd_be32(nd, bp + 48);
			nd_s(nd, "\n\tKey id: ");
			nd_u(nd, v0);
		}
	} else if (length == 48 + 4 + 16 || length == 48 + 4 + 20) {
		{
			unsigned v0 = nd_be32(nd, bp + 48);
			nd_s(nd, "\n\tKey id: ");
			nd_u(nd, v0);
		}
		nd_need(nd, bp + 52, length - 52);
		nd_s(nd, "\n\tAuthentication: ");
		for (unsigned k = 0; k < (length - 52) / 4; k++)
			out_x(nd->out, nd_be32(nd, bp + 52 + 4 * k), 8);
	} else if (length > 48) {
		nd_s(nd, "\n\t(");
		nd_u(nd, length - 48);
		nd_s(nd, " more bytes after the header)");
	}
}

static void ntp_control_msg(nd_t *nd, const uint8_t *bp, unsigned length)
{
	unsigned c = nd_u8(nd, bp + 1);
	nd_s(nd, c & 0x80 ? ", Response" : ", Request");
	nd_s(nd, c & 0x40 ? ", Error" : ", OK");
	nd_s(nd, c & 0x20 ? ", More" : ", Last");
	nd_s(nd, ", OpCode=");
	nd_u(nd, c & 0x1f);
	nd_c(nd, '\n');
	{
		unsigned v0 = nd_be16(nd, bp + 2);
		nd_s(nd, "\tSequence=");
		nd_u(nd, v0);
	}
	unsigned st = nd_be16(nd, bp + 4);
	if (st) {
		nd_s(nd, ", Status=");
		out_xp(nd->out, st);
	} else
		nd_s(nd, ", Status=0");
	{
		unsigned v0 = nd_be16(nd, bp + 6);
		nd_s(nd, ", Assoc.=");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_be16(nd, bp + 8);
		nd_s(nd, ", Offset=");
		nd_u(nd, v0);
	}
	unsigned count = nd_be16(nd, bp + 10);
	nd_s(nd, ", Count=");
	nd_u(nd, count);
	if (12 + count > length) {
		ntp_invalid(nd, bp, length);
		return;
	}
	if (count) {
		if (!nd_has(nd, bp + 12, count)) {
			nd_print_trunc(nd); /* returns, as tcpdump */
			return;
		}
		nd_s(nd, "\n\tTO-BE-DONE: data not interpreted");
	}
}

void ntp_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "ntp");
	unsigned st = nd_u8(nd, bp);
	unsigned mode = st & 7;
	nd_s(nd, "NTPv");
	nd_u(nd, (st >> 3) & 7);
	nd_s(nd, ", ");
	nd_s(nd, ntp_modes[mode]);
	nd_s(nd, ", length ");
	nd_u(nd, length);
	if (!nd->opt->vflag)
		return;
	unsigned li = st & 0xc0;
	nd_s(nd, "\n\tLeap indicator: ");
	nd_s(nd, ntp_leap[li >> 6]);
	nd_s(nd, " (");
	nd_u(nd, li);
	nd_c(nd, ')');
	if (mode <= 5)
		ntp_time_msg(nd, bp, length);
	else if (mode == 6)
		ntp_control_msg(nd, bp, length);
}
