/* text.h - text helpers the reports share (summary.c, conversations.c,
 * analyze.c, the rules engine, --follow): times, addresses, spans.  Kept
 * apart from analyze.c so that the reports depend on it and not on the
 * analyzer that drives them. */
#ifndef TRAWL_ANALYZE_TEXT_H
#define TRAWL_ANALYZE_TEXT_H

#include <stdint.h>
#include <time.h>

#include "../core/out.h"

/* Local time of the last second formatted, so that rows of the same second
 * cost one conversion. */
struct an_clock {
	int valid;
	uint64_t sec;
	struct tm tm;
};
void an_put_time(struct out *o, struct an_clock *c, uint64_t sec, uint32_t frac, int nano,
                 int with_date);
void an_put_addr(struct out *o, const uint8_t *a, unsigned len);
/* Nanoseconds between two timestamps (b >= a assumed). */
uint64_t an_span_ns(uint64_t sa, uint32_t fa, uint64_t sb, uint32_t fb, int nano);

#endif
