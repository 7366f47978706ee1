/* http.c - placeholder: the http parser is being written. */
#include "internal.h"

const struct app app_http = {
	.name = "http",
	.transports = APP_TCP,
};
