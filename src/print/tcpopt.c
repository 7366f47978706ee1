/* tcpopt.c - the TCP options beyond mss/wscale/sack/timestamps, and RST
 * payload text. */
#include "print.h"
#include "tcp.h"

int tcp_option_extra(nd_t *nd, unsigned opt, const uint8_t *cp, unsigned len,
                     const struct tcp_opt_ctx *oc, unsigned *datalen)
{
	(void)nd; (void)opt; (void)cp; (void)len; (void)oc; (void)datalen;
	return 0;
}

void tcp_rst_data_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_s(nd, nd_has(nd, p, len) ? " [RST" : " [!RST");
	if (len > 30) {
		len = 30;
		nd_c(nd, '+');
	}
	nd_c(nd, ' ');
	nd_print_chars(nd, p, len);
	nd_c(nd, ']');
}
