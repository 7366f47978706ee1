/* ipproto.c - the IP protocol names (see ipproto.h). */
#include <stddef.h>

#include "ipproto.h"

struct ipproto_names {
	const char *netdb, *print, *report;
};

#define IPPROTO_ROW(n, netdb, print, report) [n] = { netdb, print, report },
static const struct ipproto_names names[256] = { IPPROTO_TABLE(IPPROTO_ROW) };

const char *ipproto_netdb(unsigned proto)
{
	return proto < 256 ? names[proto].netdb : NULL;
}

const char *ipproto_print(unsigned proto)
{
	return proto < 256 ? names[proto].print : NULL;
}

const char *ipproto_report(unsigned proto)
{
	return proto < 256 ? names[proto].report : NULL;
}
