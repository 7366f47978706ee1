#include "ts.h"

#include <string.h>
#include <time.h>

void ts_init(struct ts_state *ts, int mode, int nano)
{
	*ts = (struct ts_state){ .mode = mode, .nano = nano, .zone_key = INT64_MIN };
}

/* Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
 * well-known civil-from-days arithmetic). */
void ts_civil(int64_t z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

static int64_t floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static long zone_offset(struct ts_state *ts, int64_t sec)
{
	int64_t key = floordiv(sec, 900);
	if (key != ts->zone_key) {
		time_t t = (time_t)sec;
		struct tm tm;
		ts->zone_off = localtime_r(&t, &tm) ? tm.tm_gmtoff : 0;
		ts->zone_key = key;
	}
	return ts->zone_off;
}

static const char pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233"
	"34353637383940414243444546474849505152535455565758596061626364656667"
	"6869707172737475767778798081828384858687888990919293949596979899";

/* tcpdump prints a fraction's low 32 bits, unsigned: a fraction of a
 * million microseconds or more shows all its digits, a negative one as
 * 2^32 less it. */
static void put_frac(struct ts_state *ts, struct out *o, int64_t frac)
{
	uint32_t f = (uint32_t)frac;
	if (!ts->nano && f < 1000000) { /* the common case, written in place */
		char *b = out_room(o, 7);
		b[0] = '.';
		memcpy(b + 1, pairs + 2 * (f / 10000), 2);
		memcpy(b + 3, pairs + 2 * (f / 100 % 100), 2);
		memcpy(b + 5, pairs + 2 * (f % 100), 2);
		out_commit(o, 7);
		return;
	}
	out_c(o, '.');
	out_uw(o, f, ts->nano ? 9 : 6, '0');
}

/* secs_of_day is below 86400 (every caller reduces it so). */
static void put_hms(struct out *o, int64_t secs_of_day)
{
	unsigned s = (unsigned)secs_of_day;
	char *b = out_room(o, 8);
	memcpy(b, pairs + 2 * (s / 3600), 2);
	b[2] = ':';
	memcpy(b + 3, pairs + 2 * (s / 60 % 60), 2);
	b[5] = ':';
	memcpy(b + 6, pairs + 2 * (s % 60), 2);
	out_commit(o, 8);
}

/* tcpdump refuses seconds whose low 32 bits, read as a signed 32-bit
 * value, are negative: a savefile's seconds past 2038 (libpcap hands them
 * over sign-extended), and pcapng's 64-bit seconds when bit 31 is set
 * (2^31 and 10^12 are refused, 2^32 is shown as 2106-02-07 06:28:16,
 * 2^40 as 36812-02-20). */
static int unconvertible(int64_t sec)
{
	return ((uint64_t)sec >> 31) & 1;
}

static const char conv_error[] = "[Error converting time]";

/* Prints b - a as [-| ]HH:MM:SS.frac (hours wrap at a day, as gmtime does):
 * the later minus the earlier, compared seconds first, then fractions as
 * signed numbers; a negative fraction difference borrows one second, once,
 * so invalid fractions (a million microseconds or more, or negative) give
 * the odd fractions tcpdump prints. */
static void put_delta(struct ts_state *ts, struct out *o, int64_t bs,
                      int64_t bf, int64_t as, int64_t af)
{
	int64_t unit = ts->nano ? 1000000000 : 1000000;
	int neg = bs < as || (bs == as && bf < af);
	if (neg) {
		int64_t ts_ = bs, tf = bf;
		bs = as; bf = af; as = ts_; af = tf;
	}
	int64_t s = bs - as;
	int64_t f = bf - af;
	if (f < 0) {
		f += unit;
		s--;
	}
	out_c(o, neg ? '-' : ' ');
	if (unconvertible(s)) {
		out_s(o, conv_error);
		return;
	}
	put_hms(o, s % 86400);
	put_frac(ts, o, f);
}

void ts_print(struct ts_state *ts, struct out *o, int64_t sec, int64_t frac)
{
	switch (ts->mode) {
	case 1:
		return;
	case 2:
		if (unconvertible(sec)) {
			out_s(o, conv_error);
			break;
		}
		out_d(o, (int64_t)(uint32_t)sec); /* tcpdump: the low 32 bits */
		put_frac(ts, o, frac);
		break;
	case 3:
		if (!ts->have_prev) {
			ts->prev_sec = sec;
			ts->prev_frac = frac;
			ts->have_prev = 1;
		}
		put_delta(ts, o, sec, frac, ts->prev_sec, ts->prev_frac);
		ts->prev_sec = sec;
		ts->prev_frac = frac;
		break;
	case 5:
		if (!ts->have_first) {
			ts->first_sec = sec;
			ts->first_frac = frac;
			ts->have_first = 1;
		}
		put_delta(ts, o, sec, frac, ts->first_sec, ts->first_frac);
		break;
	case 4:
	default: {
		if (unconvertible(sec)) {
			out_s(o, conv_error);
			break;
		}
		int64_t local = sec + zone_offset(ts, sec);
		int64_t days = floordiv(local, 86400);
		if (ts->mode == 4) {
			int y;
			unsigned m, d;
			ts_civil(days, &y, &m, &d);
			out_uw(o, (uint64_t)y, 4, '0');
			out_c(o, '-');
			out_uw(o, m, 2, '0');
			out_c(o, '-');
			out_uw(o, d, 2, '0');
			out_c(o, ' ');
		}
		put_hms(o, local - days * 86400);
		put_frac(ts, o, frac);
		break;
	}
	}
	out_c(o, ' ');
}
