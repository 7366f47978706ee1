/* txtproto.c - the line-oriented text protocols over TCP and UDP (HTTP, FTP,
 * SMTP, RTSP, SIP ...): one shared printer, driven by a name, an optional
 * list of request keywords and flags.
 *
 * What is printed (as tcpdump does):
 *   - the protocol name;
 *   - when the protocol has request keywords, nothing more unless the first
 *     line looks like a request (first token is a keyword, compared without
 *     case) or, with TXT_RESP_CODE2, a response (second token is three
 *     digits);
 *   - by default ": " and the first line; with -v ", length: N" and every
 *     line, each after "\n\t".
 * A line is printable ASCII or tabs, ended by CRLF or a lone LF.  A line with
 * anything else (a CR without LF, a control or 8-bit byte) ends the output
 * silently; a line that runs into the end of the payload is printed followed
 * by the truncation marker; one that runs into the end of the capture is not
 * printed and the packet ends with the marker. */
#include "print.h"

#define TOKEN_MAX 128

static int is_print(unsigned c)
{
	return c >= 0x20 && c < 0x7f;
}

/* Reads one token at *idx: printable ASCII up to a space, tab, CR or LF.
 * Fails (returns 0) on an empty or over-long token, a non-printable byte,
 * or when the capture ends first.  On success stores the token, moves *idx
 * past it and the spaces after it, and returns its length. */
static unsigned fetch_token(nd_t *nd, const uint8_t *p, unsigned len,
                            unsigned *idx, char *tok)
{
	unsigned i = *idx, n = 0;
	for (; i < len; i++) {
		if (!nd_has(nd, p + i, 1))
			return 0;
		unsigned c = p[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			break;
		if (!is_print(c) || n >= TOKEN_MAX)
			return 0;
		tok[n++] = (char)c;
	}
	if (n == 0)
		return 0;
	tok[n] = '\0';
	while (i < len && nd_has(nd, p + i, 1) && p[i] == ' ')
		i++;
	*idx = i;
	return n;
}

static int same_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'a' && x <= 'z')
			x = (char)(x - 32);
		if (y >= 'a' && y <= 'z')
			y = (char)(y - 32);
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int is_request_or_response(nd_t *nd, const uint8_t *p, unsigned len,
                                  const char *const *cmds, unsigned flags)
{
	char tok[TOKEN_MAX + 1];
	unsigned idx = 0;
	if (!fetch_token(nd, p, len, &idx, tok))
		return 0;
	for (const char *const *c = cmds; *c; c++)
		if (same_nocase(tok, *c))
			return 1;
	if (flags & TXT_RESP_CODE2) {
		if (fetch_token(nd, p, len, &idx, tok) == 3 &&
		    tok[0] >= '0' && tok[0] <= '9' && tok[1] >= '0' &&
		    tok[1] <= '9' && tok[2] >= '0' && tok[2] <= '9')
			return 1;
	}
	return 0;
}

/* Prints the line starting at idx after prefix; returns the index of the
 * next line, or 0 when printing must stop. */
static unsigned print_line(nd_t *nd, const char *prefix, const uint8_t *p,
                           unsigned idx, unsigned len)
{
	unsigned start = idx;
	for (; idx < len; idx++) {
		unsigned c = nd_u8(nd, p + idx);
		unsigned next;
		if (c == '\n') {
			next = idx + 1;
		} else if (c == '\r') {
			if (idx + 1 >= len || nd_u8(nd, p + idx + 1) != '\n')
				return 0;
			next = idx + 2;
		} else if (is_print(c) || c == '\t') {
			continue;
		} else {
			return 0;
		}
		nd_s(nd, prefix);
		out_mem(nd->out, (const char *)p + start, idx - start);
		return next;
	}
	/* No line end before the end of the payload. */
	nd_s(nd, prefix);
	out_mem(nd->out, (const char *)p + start, idx - start);
	nd_print_trunc(nd);
	return 0;
}

void txtproto_print(nd_t *nd, const uint8_t *p, unsigned len,
                    const char *name, const char *trunc_name,
                    const char *const *cmds, unsigned flags)
{
	nd_proto(nd, trunc_name);
	nd_s(nd, name);
	if (cmds && !is_request_or_response(nd, p, len, cmds, flags))
		return;
	if (nd->opt->vflag) {
		nd_s(nd, ", length: ");
		nd_u(nd, len);
		for (unsigned idx = 0; idx < len;) {
			idx = print_line(nd, "\n\t", p, idx, len);
			if (idx == 0)
				break;
		}
	} else {
		print_line(nd, ": ", p, 0, len);
	}
}
