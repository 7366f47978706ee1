/* ts.h - packet timestamps in every -t mode.
 *
 * The local-time offset is looked up once per quarter hour of capture time
 * and cached, never per packet: tcpdump without TZ set stats /etc/localtime
 * for each packet and runs 2.7x slower for it. */
#ifndef TRAWL_TS_H
#define TRAWL_TS_H

#include <stdint.h>

#include "out.h"

struct ts_state {
	int mode;      /* options.tflag */
	int nano;      /* the fraction has 9 digits, else 6 */
	int have_prev; /* -ttt: a previous packet was seen */
	int64_t prev_sec, first_sec;
	int64_t prev_frac, first_frac;
	int have_first;
	int64_t zone_key;  /* quarter hour the cached offset belongs to */
	long zone_off;     /* seconds east of UTC for zone_key */
};

void ts_init(struct ts_state *ts, int mode, int nano);
/* Prints the timestamp and its trailing space (nothing for -t).  frac is in
 * microseconds or nanoseconds as ts->nano says, and need not be valid: as
 * libpcap hands it over (a savefile's 32 bits read signed, then scaled), it
 * is printed in its low 32 bits, unsigned, and the deltas of -ttt and
 * -ttttt are taken in 64 bits with at most one borrow, as tcpdump does. */
void ts_print(struct ts_state *ts, struct out *o, int64_t sec, int64_t frac);
/* Splits a Unix time (seconds, may be negative) into the civil date in UTC. */
void ts_civil(int64_t days, int *y, unsigned *m, unsigned *d);

#endif
