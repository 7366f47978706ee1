/* tftp.c - TFTP (RFC 1350) with option extension (RFC 2347). */
#include "print.h"

/* Prints a NUL-terminated string of at most n bytes; returns the bytes used
 * including the NUL, or 0 when the string or the capture ended first. */
static unsigned put_zstr(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		if (!nd_has(nd, p + i, 1))
			return 0;
		if (p[i] == 0)
			return i + 1;
		nd_print_char(nd, p[i]);
	}
	return 0;
}

void tftp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char *const ops[] = {
		NULL, "RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK",
	};
	static const char *const errs[] = {
		"EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP",
		"EBADID", "EEXISTS", "ENOUSER",
	};
	(void)sport; (void)dport;
	if (ip && ip->nh == 6)
		return; /* -T tftp names a UDP payload */
	nd_proto(nd, "tftp");
	nd_s(nd, "TFTP");
	nd_printf(nd, ", length %u", length);
	if (length < 2)
		goto trunc;
	unsigned op = nd_be16(nd, bp);
	if (op >= 7 || !ops[op]) {
		nd_printf(nd, ", tftp-#%u", op);
		return;
	}
	nd_s(nd, ", ");
	nd_s(nd, ops[op]);
	bp += 2;
	length -= 2;
	unsigned u;
	switch (op) {
	case 1: case 2:
		if (length == 0)
			goto trunc;
		nd_s(nd, " \"");
		u = put_zstr(nd, bp, length);
		nd_c(nd, '"');
		if (u == 0)
			goto trunc;
		bp += u;
		length -= u;
		if (length == 0)
			goto trunc;
		nd_c(nd, ' ');
		u = put_zstr(nd, bp, length);
		if (u == 0)
			goto trunc;
		bp += u;
		length -= u;
		/* fall through: options */
	case 6:
		while (length != 0) {
			if (nd_u8(nd, bp) != 0)
				nd_c(nd, ' ');
			u = put_zstr(nd, bp, length);
			if (u == 0)
				goto trunc;
			bp += u;
			length -= u;
		}
		break;
	case 3: case 4:
		if (length < 2)
			goto trunc;
		nd_printf(nd, " block %u", nd_be16(nd, bp));
		break;
	case 5: {
		if (length < 2)
			goto trunc;
		unsigned e = nd_be16(nd, bp);
		if (e < 8)
			nd_printf(nd, " %s", errs[e]);
		else
			nd_printf(nd, " tftp-err-#%u \"", e);
		bp += 2;
		length -= 2;
		if (length == 0)
			goto trunc;
		nd_s(nd, " \"");
		u = put_zstr(nd, bp, length);
		nd_c(nd, '"');
		if (u == 0)
			goto trunc;
		break;
	}
	}
	return;
trunc:
	nd_print_trunc(nd);
}
