#include "hexdump.h"

#include <pthread.h>

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Dumps are the slowest thing tcpdump prints (it formats every byte with
 * printf); here each line is assembled in a local array and appended with
 * one copy. */

static const char hexdig[] = "0123456789abcdef";

/* Writes ident + "0xOOOO: " into b; returns the length. */
static size_t line_head(char *b, const char *ident, size_t ilen, unsigned oset)
{
	memcpy(b, ident, ilen);
	char *p = b + ilen;
	*p++ = '0';
	*p++ = 'x';
	if (oset > 0xffff) {
		/* more than four digits, as %04x gives */
		char tmp[8];
		int n = 0;
		do {
			tmp[n++] = hexdig[oset & 15];
			oset >>= 4;
		} while (oset);
		while (n)
			*p++ = tmp[--n];
	} else {
		*p++ = hexdig[(oset >> 12) & 15];
		*p++ = hexdig[(oset >> 8) & 15];
		*p++ = hexdig[(oset >> 4) & 15];
		*p++ = hexdig[oset & 15];
	}
	*p++ = ':';
	*p++ = ' ';
	return (size_t)(p - b);
}

void hex_dump(struct out *o, const char *ident, const uint8_t *p, unsigned len,
              unsigned oset)
{
	size_t ilen = strlen(ident);
	if (ilen > 64)
		ilen = 64;
	char line[64 + 16 + 40];
	for (unsigned start = 0; start < len; start += 16) {
		unsigned n = len - start < 16 ? len - start : 16;
		size_t k = line_head(line, ident, ilen, oset + start);
		for (unsigned i = 0; i < n; i++) {
			uint8_t c = p[start + i];
			if (i % 2 == 0)
				line[k++] = ' ';
			line[k++] = hexdig[c >> 4];
			line[k++] = hexdig[c & 15];
		}
		out_mem(o, line, k);
	}
}

/* "xx" for every byte value, and the -X ASCII column's view of it. */
struct hex_tables {
	char hex[256][2];
	char asc[256];
};

static struct hex_tables hex_tables_;
static pthread_once_t hex_tables_once = PTHREAD_ONCE_INIT;

static void hex_tables_fill(void)
{
	struct hex_tables *t = &hex_tables_;
	for (int c = 0; c < 256; c++) {
		t->hex[c][0] = hexdig[c >> 4];
		t->hex[c][1] = hexdig[c & 15];
		t->asc[c] = (c > 0x20 && c < 0x7f) ? (char)c : '.';
	}
}

/* Filled once, whichever printing thread comes first (printpar.c). */
static const struct hex_tables *tables(void)
{
	pthread_once(&hex_tables_once, hex_tables_fill);
	return &hex_tables_;
}

#if defined(__SSE2__)
/* The hex and ASCII columns of a full 16-byte line with SSE2 (every x86-64
 * has it): the 32 digits computed at once, then placed four at a time after
 * their spaces; the ASCII column by two comparisons and a blend. */
static void full_line_sse2(char *hex, char *asc, const uint8_t *q)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	const __m128i nib = _mm_set1_epi8(0x0f);
	__m128i hi = _mm_and_si128(_mm_srli_epi16(v, 4), nib);
	__m128i lo = _mm_and_si128(v, nib);
	/* nibble n -> '0' + n, plus 'a' - '0' - 10 when n > 9 */
	const __m128i nine = _mm_set1_epi8(9), zero = _mm_set1_epi8('0');
	const __m128i adj = _mm_set1_epi8('a' - '0' - 10);
	hi = _mm_add_epi8(_mm_add_epi8(hi, zero),
			  _mm_and_si128(_mm_cmpgt_epi8(hi, nine), adj));
	lo = _mm_add_epi8(_mm_add_epi8(lo, zero),
			  _mm_and_si128(_mm_cmpgt_epi8(lo, nine), adj));
	char digits[32];
	_mm_storeu_si128((__m128i *)(void *)digits, _mm_unpacklo_epi8(hi, lo));
	_mm_storeu_si128((__m128i *)(void *)(digits + 16), _mm_unpackhi_epi8(hi, lo));
	for (unsigned g = 0; g < 8; g++) {
		hex[g * 5] = ' ';
		memcpy(hex + g * 5 + 1, digits + g * 4, 4);
	}
	hex[40] = ' ';
	hex[41] = ' ';
	/* printable: 0x21 .. 0x7e (as signed bytes, 0x80 and up are negative) */
	__m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x20)),
				   _mm_cmplt_epi8(v, _mm_set1_epi8(0x7f)));
	__m128i a = _mm_or_si128(_mm_and_si128(ok, v),
				 _mm_andnot_si128(ok, _mm_set1_epi8('.')));
	_mm_storeu_si128((__m128i *)(void *)asc, a);
}
#endif

void hex_ascii_dump(struct out *o, const char *ident, const uint8_t *p,
                    unsigned len, unsigned oset)
{
	const struct hex_tables *t = tables();
	size_t ilen = strlen(ident);
	if (ilen > 64)
		ilen = 64;
	for (unsigned start = 0; start < len; start += 16) {
		unsigned n = len - start < 16 ? len - start : 16;
		char *line = out_room(o, 64 + 16 + 42 + 16);
		size_t k = line_head(line, ident, ilen, oset + start);
		char *hex = line + k, *asc = hex + 42;
		const uint8_t *q = p + start;
		if (n == 16) {
			/* a full line: fixed layout, no padding to compute */
#if defined(__SSE2__)
			full_line_sse2(hex, asc, q);
#else
			for (unsigned i = 0; i < 16; i += 2) {
				char *h = hex + i / 2 * 5;
				h[0] = ' ';
				memcpy(h + 1, t->hex[q[i]], 2);
				memcpy(h + 3, t->hex[q[i + 1]], 2);
				asc[i] = t->asc[q[i]];
				asc[i + 1] = t->asc[q[i + 1]];
			}
			hex[40] = ' ';
			hex[41] = ' ';
#endif
		} else {
			/* the hex column is 40 wide, then two spaces */
			memset(hex, ' ', 42);
			for (unsigned i = 0; i < n; i++) {
				memcpy(hex + (i / 2) * 5 + (i % 2) * 2 + 1, t->hex[q[i]], 2);
				asc[i] = t->asc[q[i]];
			}
		}
		out_commit(o, k + 42 + n);
	}
}

void ascii_dump(struct out *o, const uint8_t *p, unsigned len)
{
	out_c(o, '\n');
	char buf[256];
	size_t k = 0;
	for (unsigned i = 0; i < len; i++) {
		uint8_t c = p[i];
		if (k == sizeof buf) {
			out_mem(o, buf, k);
			k = 0;
		}
		if (c == '\r') {
			/* a CR before the line's LF is dropped; a lone one is a dot */
			if (len - i - 1 > 1 && p[i + 1] != '\n')
				buf[k++] = '.';
		} else if (c == '\t' || c == ' ' || c == '\n' ||
			   (c > 0x20 && c < 0x7f)) {
			buf[k++] = (char)c;
		} else {
			buf[k++] = '.';
		}
	}
	out_mem(o, buf, k);
}
