#include "hexdump.h"

#include <pthread.h>

#include <string.h>

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
