/* json.c - JSON strings that stay valid whatever bytes a packet holds. */
#include "json.h"

#include <string.h>

#include "../core/names.h"

static const char hex[] = "0123456789abcdef";

static void esc_byte(struct out *o, uint8_t c)
{
	char b[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
	out_mem(o, b, 6);
}

/* Length of the well-formed UTF-8 sequence at p (2..4), or 0. */
static unsigned utf8_len(const uint8_t *p, size_t n)
{
	uint8_t c = p[0];
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && p[1] < 0xa0)
			return 0; /* overlong */
		if (c == 0xed && p[1] >= 0xa0)
			return 0; /* surrogates */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && p[1] < 0x90)
			return 0; /* overlong */
		if (c == 0xf4 && p[1] >= 0x90)
			return 0; /* above U+10FFFF */
		return 4;
	}
	return 0;
}

void json_str(struct out *o, const void *vp, size_t n)
{
	const uint8_t *p = vp;
	out_c(o, '"');
	size_t i = 0, run = 0; /* p[run..i) is plain text not yet written */
	while (i < n) {
		uint8_t c = p[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			i++;
			continue;
		}
		if (c >= 0x80) {
			unsigned k = utf8_len(p + i, n - i);
			if (k) {
				i += k;
				continue;
			}
		}
		out_mem(o, p + run, i - run);
		if (c == '"' || c == '\\') {
			char b[2] = { '\\', (char)c };
			out_mem(o, b, 2);
		} else {
			esc_byte(o, c);
		}
		run = ++i;
	}
	out_mem(o, p + run, i - run);
	out_c(o, '"');
}

void json_cstr(struct out *o, const char *s)
{
	json_str(o, s, strlen(s));
}

void json_addr(struct out *o, const uint8_t *a, unsigned len)
{
	char buf[48];
	int k = len == 4 ? fmt_ip4(buf, a) : len == 16 ? fmt_ip6(buf, a) : fmt_mac(buf, a);
	out_c(o, '"');
	out_mem(o, buf, (size_t)k);
	out_c(o, '"');
}

void json_time(struct out *o, uint64_t sec, uint32_t frac, int nano)
{
	out_u(o, sec);
	out_c(o, '.');
	out_uw(o, frac, nano ? 9 : 6, '0');
}

void json_fixed3(struct out *o, double v)
{
	if (!(v >= 0) || v > 1e18)
		v = 0;
	uint64_t m = (uint64_t)(v * 1000 + 0.5);
	out_u(o, m / 1000);
	out_c(o, '.');
	out_uw(o, m % 1000, 3, '0');
}
