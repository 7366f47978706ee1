#include "version.h"

#include <openssl/opensslv.h>
#include <pcap/pcap.h>
#include <stdio.h>

const char *trawl_lib_versions(void)
{
	static char buf[256];
	if (!buf[0])
		snprintf(buf, sizeof buf, "%s\n%s", pcap_lib_version(), OPENSSL_VERSION_TEXT);
	return buf;
}
