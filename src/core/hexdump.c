#include "hexdump.h"

#include <string.h>

static const char hexdig[] = "0123456789abcdef";

static void line_head(struct out *o, const char *ident, unsigned oset)
{
	out_s(o, ident);
	out_s(o, "0x");
	out_x(o, oset, 4);
	out_s(o, ": ");
}

void hex_dump(struct out *o, const char *ident, const uint8_t *p, unsigned len,
              unsigned oset)
{
	unsigned i = 0;
	for (; i + 1 < len; i += 2) {
		if (i % 16 == 0)
			line_head(o, ident, oset + i);
		char b[5] = { ' ', hexdig[p[i] >> 4], hexdig[p[i] & 15],
			      hexdig[p[i + 1] >> 4], hexdig[p[i + 1] & 15] };
		out_mem(o, b, 5);
	}
	if (len & 1) {
		if (i % 16 == 0)
			line_head(o, ident, oset + i);
		char b[3] = { ' ', hexdig[p[i] >> 4], hexdig[p[i] & 15] };
		out_mem(o, b, 3);
	}
}

static char graph(uint8_t c)
{
	return (c > 0x20 && c < 0x7f) ? (char)c : '.';
}

void hex_ascii_dump(struct out *o, const char *ident, const uint8_t *p,
                    unsigned len, unsigned oset)
{
	for (unsigned start = 0; start < len; start += 16) {
		unsigned n = len - start < 16 ? len - start : 16;
		char hex[40], asc[16];
		unsigned h = 0;
		for (unsigned i = 0; i < n; i++) {
			uint8_t c = p[start + i];
			if (i % 2 == 0)
				hex[h++] = ' ';
			hex[h++] = hexdig[c >> 4];
			hex[h++] = hexdig[c & 15];
			asc[i] = graph(c);
		}
		line_head(o, ident, oset + start);
		out_mem(o, hex, h);
		/* the hex column is 40 wide, then two spaces */
		for (unsigned k = h; k < 40 + 2; k++)
			out_c(o, ' ');
		out_mem(o, asc, n);
	}
}

void ascii_dump(struct out *o, const uint8_t *p, unsigned len)
{
	out_c(o, '\n');
	for (unsigned i = 0; i < len; i++) {
		uint8_t c = p[i];
		if (c == '\r') {
			/* a CR before the line's LF is dropped; a lone one is a dot */
			if (len - i - 1 > 1 && p[i + 1] != '\n')
				out_c(o, '.');
		} else if (c == '\t' || c == ' ' || c == '\n' ||
			   (c > 0x20 && c < 0x7f)) {
			out_c(o, (char)c);
		} else {
			out_c(o, '.');
		}
	}
}
