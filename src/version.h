#ifndef TRAWL_VERSION_H
#define TRAWL_VERSION_H
#define TRAWL_VERSION "0.1.0"
/* "libpcap version ...\nOpenSSL ..." as tcpdump --version lists them. */
const char *trawl_lib_versions(void);
#endif
