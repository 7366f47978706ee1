/* dns.c - placeholder: the dns parser is being written. */
#include "internal.h"

const struct app app_dns = {
	.name = "dns",
	.transports = APP_TCP | APP_UDP,
};
