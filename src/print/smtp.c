/* smtp.c - SMTP (TCP 25): every payload is text. */
#include "print.h"

void smtp_print(nd_t *nd, const uint8_t *p, unsigned len,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_s(nd, ": ");
	txtproto_print(nd, p, len, "SMTP", "smtp", NULL, 0);
}
