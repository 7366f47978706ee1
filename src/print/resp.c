/* resp.c - RESP, the Redis serialization protocol, including inline
 * commands and pipelined requests.  Every step consumes at least one byte,
 * so a packet is never parsed forever. */
#include <limits.h>

#include "print.h"

#define TRUNC (-1)

static int resp_parse(nd_t *nd, const uint8_t *bp, int length);

/* ' "text"'; 0, or TRUNC when the capture ends inside. */
static int segment(nd_t *nd, const uint8_t *bp, int len)
{
	nd_s(nd, " \"");
	if (nd_print_chars(nd, bp, (unsigned)len))
		return TRUNC;
	nd_c(nd, '"');
	return 0;
}

/* Finds "\r\n" from *pp within *lenp bytes. */
static int find_crlf(nd_t *nd, const uint8_t **pp, int *lenp)
{
	for (;;) {
		if (*lenp < 2 || !nd_has(nd, *pp, 2))
			return TRUNC;
		if ((*pp)[0] == '\r' && (*pp)[1] == '\n')
			return 0;
		(*pp)++;
		(*lenp)--;
	}
}

/* The length after '$' or '*': >= 0, or -1 null, -2 truncated, -3 too
 * large, -4 negative, -5 invalid.  *endp is where parsing stopped. */
static int get_length(nd_t *nd, const uint8_t *bp, int len,
                      const uint8_t **endp)
{
	int result = 0, saw_digit = 0, neg = 0, too_large = 0;
	if (len == 0)
		goto trunc;
	if (nd_u8(nd, bp) == '-') {
		neg = 1;
		bp++;
		len--;
	}
	for (;;) {
		if (len == 0)
			goto trunc;
		unsigned c = nd_u8(nd, bp);
		if (c < '0' || c > '9') {
			if (!saw_digit) {
				bp++;
				goto invalid;
			}
			break;
		}
		c -= '0';
		if (result > INT_MAX / 10) {
			too_large = 1;
		} else {
			result *= 10;
			if (result == (INT_MAX / 10) * 10 && (int)c > INT_MAX % 10)
				too_large = 1;
			else
				result += (int)c;
		}
		bp++;
		len--;
		saw_digit = 1;
	}
	if (nd_u8(nd, bp) != '\r') {
		bp++;
		goto invalid;
	}
	bp++;
	len--;
	if (len == 0)
		goto trunc;
	if (nd_u8(nd, bp) != '\n') {
		bp++;
		goto invalid;
	}
	bp++;
	*endp = bp;
	if (neg) {
		if (too_large || result != 1)
			return -4;
		return -1;
	}
	return too_large ? -3 : result;
trunc:
	*endp = bp;
	return -2;
invalid:
	*endp = bp;
	return -5;
}

static int bad_length(nd_t *nd, int v)
{
	switch (v) {
	case -1: nd_s(nd, " null"); break;
	case -2: return TRUNC;
	case -3: nd_s(nd, " length too large"); break;
	case -4: nd_s(nd, " length negative and not -1"); break;
	default: nd_s(nd, " invalid"); break;
	}
	return 0;
}

/* '+', '-' and ':' lines. */
static int simple(nd_t *nd, const uint8_t *bp, int length)
{
	int cur = length - 1;
	bp++;
	const uint8_t *p = bp;
	if (find_crlf(nd, &p, &cur) < 0)
		return TRUNC;
	int len = (int)(p - bp);
	if (segment(nd, bp, len) < 0)
		return TRUNC;
	return 1 + len + 2;
}

static int bulk_string(nd_t *nd, const uint8_t *bp, int length)
{
	int cur = length - 1;
	const uint8_t *endp;
	bp++;
	int slen = get_length(nd, bp, cur, &endp);
	cur -= (int)(endp - bp);
	bp = endp;
	if (slen >= 0) {
		if (slen == 0) {
			nd_s(nd, " empty");
		} else {
			if (cur < slen || !nd_has(nd, bp, (size_t)slen))
				return TRUNC;
			if (segment(nd, bp, slen) < 0)
				return TRUNC;
			bp += slen;
			cur -= slen;
		}
		if (find_crlf(nd, &bp, &cur) < 0)
			return TRUNC;
		bp += 2;
		cur -= 2;
	} else if (bad_length(nd, slen) < 0) {
		return TRUNC;
	}
	return length - cur;
}

static int array(nd_t *nd, const uint8_t *bp, int length)
{
	int cur = length - 1;
	const uint8_t *endp;
	bp++;
	int n = get_length(nd, bp, cur, &endp);
	cur -= (int)(endp - bp);
	bp = endp;
	if (n > 0) {
		if (++nd->depth > 20000) { /* bounded by the packet anyway */
			nd->depth--;
			return TRUNC;
		}
		for (int i = 0; i < n; i++) {
			int r = resp_parse(nd, bp, cur);
			if (r < 0) {
				nd->depth--;
				return TRUNC;
			}
			bp += r;
			cur -= r;
		}
		nd->depth--;
	} else if (n == 0) {
		nd_s(nd, " empty");
	} else if (bad_length(nd, n) < 0) {
		return TRUNC;
	}
	return length - cur;
}

/* Skips all CRs and LFs; TRUNC when the data ends before any was seen. */
static int consume_cr_lf(nd_t *nd, const uint8_t **pp, int *lenp)
{
	int seen = 0;
	for (;;) {
		if (*lenp == 0 || !nd_has(nd, *pp, 1))
			return seen ? 0 : TRUNC;
		if (**pp != '\r' && **pp != '\n')
			return 0;
		seen = 1;
		(*pp)++;
		(*lenp)--;
	}
}

/* Inline command: CRs and LFs, text up to CR or LF, then CRs and LFs. */
static int inline_cmd(nd_t *nd, const uint8_t *bp, int length)
{
	int cur = length;
	if (consume_cr_lf(nd, &bp, &cur) < 0)
		return TRUNC;
	const uint8_t *p = bp;
	for (;;) {
		if (cur < 1)
			return TRUNC;
		uint8_t c = nd_u8(nd, p);
		if (c == '\r' || c == '\n')
			break;
		p++;
		cur--;
	}
	if (segment(nd, bp, (int)(p - bp)) < 0)
		return TRUNC;
	if (consume_cr_lf(nd, &p, &cur) < 0)
		return TRUNC;
	return length - cur;
}

static int resp_parse(nd_t *nd, const uint8_t *bp, int length)
{
	if (length < 1)
		return TRUNC;
	switch (nd_u8(nd, bp)) {
	case '+': case '-': case ':':
		return simple(nd, bp, length);
	case '$':
		return bulk_string(nd, bp, length);
	case '*':
		return array(nd, bp, length);
	default:
		return inline_cmd(nd, bp, length);
	}
}

void resp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport; (void)dport;
	if (ip && ip->nh == 17)
		return; /* -T resp names a TCP payload */
	nd_proto(nd, "resp");
	nd_s(nd, ": RESP");
	int len = length > INT_MAX ? INT_MAX : (int)length;
	while (len > 0) {
		int r = resp_parse(nd, bp, len);
		if (r <= 0) {
			nd_print_trunc(nd);
			return;
		}
		bp += r;
		len -= r;
	}
}
