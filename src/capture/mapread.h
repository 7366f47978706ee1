/* mapread.h - classic pcap savefiles read through a sliding mapping instead
 * of libpcap's fread path (measured in bench/: the copy and two calls per
 * packet were the largest cost left when printing or writing).  Records go
 * through the same BPF filter (pcap_offline_filter) and the same callback
 * pcap_loop would call; pcapng, stdin and pipes are declined and left to
 * libpcap. */
#ifndef TRAWL_MAPREAD_H
#define TRAWL_MAPREAD_H

#include <pcap/pcap.h>

#include "../options.h"

#define MAPREAD_DECLINED (-2)

/* Reads path (already opened as p by libpcap, which validated its header)
 * calling cb for each packet the filter accepts, until the end, or until
 * finished(user) says so.  Returns 0 at the end, 1 after a damaged file
 * (the message, naming the file, is printed), or MAPREAD_DECLINED when the
 * file is not one this reader handles (nothing was read). */
int mapread_loop(pcap_t *p, const char *path, const struct options *opt,
                 pcap_handler cb, int (*finished)(u_char *user), u_char *user);

#endif
