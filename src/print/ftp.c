/* ftp.c - the FTP control connection (TCP 21): every payload is text. */
#include "print.h"

void ftp_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_s(nd, ": ");
	txtproto_print(nd, p, len, "FTP", "ftp", NULL, 0);
}
