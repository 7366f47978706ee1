/* someip.c - SOME/IP (AUTOSAR Scalable service-Oriented MiddlewarE over
 * IP) message header. */
#include "print.h"

static const char *msg_type(unsigned t)
{
	switch (t) {
	case 0x00: return "REQUEST";
	case 0x01: return "REQUEST_NO_RETURN";
	case 0x02: return "NOTIFICATION";
	case 0x80: return "RESPONSE";
	case 0x81: return "ERROR";
	case 0x20: return "TP_REQUEST";
	case 0x21: return "TP_REQUEST_NO_RETURN";
	case 0x22: return "TP_NOTIFICATION";
	case 0xa0: return "TP_RESPONSE";
	case 0xa1: return "TP_ERROR";
	}
	return "Unknown";
}

static const char *ret_code(unsigned c)
{
	static const char *const n[] = {
		"E_OK", "E_NOT_OK", "E_UNKNOWN_SERVICE", "E_UNKNOWN_METHOD",
		"E_NOT_READY", "E_NOT_REACHABLE", "E_TIMEOUT",
		"E_WRONG_PROTOCOL_VERSION", "E_WRONG_INTERFACE_VERSION",
		"E_MALFORMED_MESSAGE", "E_WRONG_MESSAGE_TYPE",
		"E_E2E_REPEATED", "E_E2E_WRONG_SEQUENCE", "E_E2E",
		"E_E2E_NOT_AVAILABLE", "E_E2E_NO_NEW_DATA",
	};
	return c < sizeof n / sizeof *n ? n[c] : "Unknown";
}

void someip_print(nd_t *nd, const uint8_t *bp, unsigned len,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "someip");
	nd_s(nd, "SOMEIP");
	if (len < 16) {
		nd_print_invalid(nd);
		return;
	}
	uint32_t mid = nd_be32(nd, bp);
	nd_printf(nd, ", service %u, %s %u", mid >> 16,
		  (mid & 0x8000) ? "event" : "method", mid & 0x7fff);
	nd_printf(nd, ", len %u", nd_be32(nd, bp + 4));
	uint32_t rid = nd_be32(nd, bp + 8);
	nd_printf(nd, ", client %u, session %u", rid >> 16, rid & 0xffff);
	nd_printf(nd, ", pver %u", nd_u8(nd, bp + 12));
	nd_printf(nd, ", iver %u", nd_u8(nd, bp + 13));
	nd_printf(nd, ", msgtype %s", msg_type(nd_u8(nd, bp + 14)));
	nd_printf(nd, ", retcode %s\n", ret_code(nd_u8(nd, bp + 15)));
}
