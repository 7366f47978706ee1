/* evetime.h - EVE-style local timestamps ("2001-10-07T12:08:23.979220+0000")
 * for the stream consumers' JSON (--follow --json, streams.json).  The local
 * time of the last second formatted is kept, so that blocks of the same
 * second cost one conversion. */
#ifndef TRAWL_STREAM_EVETIME_H
#define TRAWL_STREAM_EVETIME_H

#include <stdint.h>
#include <string.h>
#include <time.h>

#include "../core/out.h"

struct eve_clock {
	int valid;
	uint64_t sec;
	char head[24];  /* YYYY-MM-DDTHH:MM:SS */
	char zone[8];   /* +HHMM */
	size_t hlen, zlen;
};

static inline size_t eve_digits_(char *b, uint64_t v, int width)
{
	char tmp[20];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && n < 20);
	size_t k = 0;
	for (int i = n; i < width; i++)
		b[k++] = '0';
	while (n)
		b[k++] = tmp[--n];
	return k;
}

/* sec.frac (frac in us, or ns when nano) without the quotes. */
static inline void eve_put_time(struct out *o, struct eve_clock *c, uint64_t sec, uint32_t frac,
                                int nano)
{
	if (!c->valid || c->sec != sec) {
		time_t t = (time_t)sec;
		struct tm tm;
		if (sec > (uint64_t)INT32_MAX * 1024 || !localtime_r(&t, &tm) ||
		    tm.tm_year < -1900 || tm.tm_year > 9999 - 1900) {
			c->valid = 0;
			out_u(o, sec);
			out_c(o, '.');
			out_uw(o, frac, nano ? 9 : 6, '0');
			return;
		}
		char *h = c->head;
		size_t k = eve_digits_(h, (uint64_t)(tm.tm_year + 1900), 4);
		h[k++] = '-';
		k += eve_digits_(h + k, (uint64_t)(tm.tm_mon + 1), 2);
		h[k++] = '-';
		k += eve_digits_(h + k, (uint64_t)tm.tm_mday, 2);
		h[k++] = 'T';
		k += eve_digits_(h + k, (uint64_t)tm.tm_hour, 2);
		h[k++] = ':';
		k += eve_digits_(h + k, (uint64_t)tm.tm_min, 2);
		h[k++] = ':';
		k += eve_digits_(h + k, (uint64_t)tm.tm_sec, 2);
		c->hlen = k;
		long off = tm.tm_gmtoff;
		c->zone[0] = off < 0 ? '-' : '+';
		if (off < 0)
			off = -off;
		off /= 60;
		k = 1 + eve_digits_(c->zone + 1, (uint64_t)(off / 60 % 100), 2);
		k += eve_digits_(c->zone + k, (uint64_t)(off % 60), 2);
		c->zlen = k;
		c->sec = sec;
		c->valid = 1;
	}
	out_mem(o, c->head, c->hlen);
	out_c(o, '.');
	out_uw(o, frac, nano ? 9 : 6, '0');
	out_mem(o, c->zone, c->zlen);
}

#endif
