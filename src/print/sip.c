/* sip.c - SIP over UDP 5060: request or status line, every line at -v. */
#include "print.h"

static const char *const sip_methods[] = {
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY",
	"OPTIONS", "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE",
	"UPDATE", "PUBLISH", NULL
};

void sip_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	txtproto_print(nd, p, len, "SIP", "sip", sip_methods, TXT_RESP_CODE2);
}
