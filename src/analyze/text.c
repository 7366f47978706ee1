/* text.c - text helpers the reports share (text.h). */
#include "text.h"

#include "../core/names.h"

void an_put_time(struct out *o, struct an_clock *c, uint64_t sec, uint32_t frac, int nano,
                 int with_date)
{
	if (!c->valid || c->sec != sec) {
		time_t t = (time_t)sec;
		if (!localtime_r(&t, &c->tm)) {
			c->valid = 0;
			out_u(o, sec);
			return;
		}
		c->valid = 1;
		c->sec = sec;
	}
	const struct tm *tm = &c->tm;
	if (with_date) {
		out_uw(o, (uint64_t)(tm->tm_year + 1900), 4, '0');
		out_c(o, '-');
		out_uw(o, (uint64_t)(tm->tm_mon + 1), 2, '0');
		out_c(o, '-');
		out_uw(o, (uint64_t)tm->tm_mday, 2, '0');
		out_c(o, ' ');
	}
	out_uw(o, (uint64_t)tm->tm_hour, 2, '0');
	out_c(o, ':');
	out_uw(o, (uint64_t)tm->tm_min, 2, '0');
	out_c(o, ':');
	out_uw(o, (uint64_t)tm->tm_sec, 2, '0');
	out_c(o, '.');
	out_uw(o, frac, nano ? 9 : 6, '0');
}

void an_put_addr(struct out *o, const uint8_t *a, unsigned len)
{
	char buf[48];
	int k = len == 4 ? fmt_ip4(buf, a) : len == 16 ? fmt_ip6(buf, a) : fmt_mac(buf, a);
	out_mem(o, buf, (size_t)k);
}

uint64_t an_span_ns(uint64_t sa, uint32_t fa, uint64_t sb, uint32_t fb, int nano)
{
	uint64_t m = nano ? 1 : 1000;
	uint64_t a = sa * 1000000000u + fa * m, b = sb * 1000000000u + fb * m;
	return b > a ? b - a : 0;
}
