/* tls.c - placeholder: the tls parser is being written. */
#include "internal.h"

const struct app app_tls = {
	.name = "tls",
	.transports = APP_TCP,
};
