/* whois.c - WHOIS (RFC 3912): a text protocol, shown line by line. */
#include "print.h"

/* One text line from idx: printed after prefix without its line end.
 * Returns the index after the line end, or 0 when the data is not text or
 * has no line end (then printed as far as it goes, marked truncated). */
static unsigned txt_line(nd_t *nd, const char *prefix, const uint8_t *p,
                         unsigned idx, unsigned len)
{
	unsigned start = idx, linelen;
	while (idx < len) {
		uint8_t c = nd_u8(nd, p + idx);
		if (c == '\n') {
			linelen = idx - start;
			idx++;
			goto print;
		} else if (c == '\r') {
			if (idx + 1 >= len)
				return 0;
			if (nd_u8(nd, p + idx + 1) == '\n') {
				linelen = idx - start;
				idx += 2;
				goto print;
			}
			return 0;
		} else if ((c < 0x20 || c > 0x7e) && c != '\t') {
			return 0;
		}
		idx++;
	}
	nd_s(nd, prefix);
	out_mem(nd->out, p + start, idx - start);
	nd_print_trunc(nd);
	return 0;
print:
	nd_s(nd, prefix);
	out_mem(nd->out, p + start, linelen);
	return idx;
}

void whois_print(nd_t *nd, const uint8_t *bp, unsigned len,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "whois");
	nd_s(nd, ": WHOIS");
	if (nd->opt->vflag) {
		nd_printf(nd, ", length: %u", len);
		unsigned idx = 0, eol;
		while (idx < len && (eol = txt_line(nd, "\n\t", bp, idx, len)) != 0)
			idx = eol;
	} else {
		txt_line(nd, ": ", bp, 0, len);
	}
}
