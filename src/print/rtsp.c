/* rtsp.c - RTSP (TCP 554 and 8554), printed like HTTP. */
#include "print.h"

static const char *const rtsp_methods[] = {
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
	"RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN", NULL
};

void rtsp_print(nd_t *nd, const uint8_t *p, unsigned len,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_s(nd, ": ");
	txtproto_print(nd, p, len, "RTSP", "rtsp", rtsp_methods, TXT_RESP_CODE2);
}
