/* json.h - writing JSON through the buffered writer.
 *
 * json_str() escapes every byte so that the output is always valid UTF-8
 * JSON whatever the input: '"' and '\\' are escaped, control characters
 * (and DEL) become \u00XX, well-formed UTF-8 sequences pass through, and
 * every byte that is not part of one becomes \u00XX (the Latin-1 code point
 * of the same value). */
#ifndef TRAWL_ANALYZE_JSON_H
#define TRAWL_ANALYZE_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "../core/out.h"

void json_str(struct out *o, const void *p, size_t n);
void json_cstr(struct out *o, const char *s);
/* "key": with the separating comma when *first is 0 (then sets it to 0).
 * Inline, so that a literal key costs no strlen. */
static inline void json_key(struct out *o, int *first, const char *key)
{
	if (!*first)
		out_c(o, ',');
	*first = 0;
	out_c(o, '"');
	out_s(o, key);
	out_s(o, "\":");
}
/* An address of len 4 or 16 (or 6: a MAC) as a JSON string. */
void json_addr(struct out *o, const uint8_t *a, unsigned len);
/* sec.frac as a JSON number with 6 or 9 decimals. */
void json_time(struct out *o, uint64_t sec, uint32_t frac, int nano);
/* A non-negative rate or ratio with 3 decimals. */
void json_fixed3(struct out *o, double v);

#endif
