/* source.h - where packets come from (files, interfaces) and go (-w),
 * all through libpcap. */
#ifndef TRAWL_SOURCE_H
#define TRAWL_SOURCE_H

#include <pcap/pcap.h>

#include "../options.h"

/* Opens a savefile ("-" is stdin); prints tcpdump's stderr banner.  On
 * failure prints an error naming the file and returns NULL. */
pcap_t *source_open_file(const char *path, const struct options *opt);
/* What tcpdump adds after the banner of the first file it reads (and not
 * of the next ones of -V): the warning that LINUX_SLL2's interface names
 * may not be this machine's. */
void source_first_file_notes(pcap_t *p);
/* The same with each line of the banner or error handed to say instead. */
pcap_t *source_open_file_to(const char *path, const struct options *opt,
                            void (*say)(void *ctx, const char *line), void *ctx);
/* Opens and activates a live capture; prints the "listening on" banner. */
pcap_t *source_open_live(const char *device, const struct options *opt);
/* Compiles and installs the filter (NULL: none); -1 on error (printed). */
int source_set_filter(pcap_t *p, const struct options *opt, const char *device);
/* -D */
int source_list_interfaces(void);
/* -J */
int source_list_tstamp_types(const char *device);
/* pcap timeout of live captures, in ms (also the TPACKET_V3 block timeout) */
#define SOURCE_TIMEOUT_MS 100
/* -L */
int source_list_dlts(pcap_t *p, const char *device);
/* "EN10MB (Ethernet)" */
void source_describe_dlt(int dlt, char *buf, size_t n);

#endif
