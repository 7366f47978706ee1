/* printpar.h - printing one savefile on two cores (printpar.c). */
#ifndef TRAWL_PRINTPAR_H
#define TRAWL_PRINTPAR_H

#include <pcap/pcap.h>

#include "options.h"
#include "print/print.h"

/* Whether path is printed on two cores: a classic pcap savefile, -n (name
 * lookups would be made twice), no -T, and --threads 2 given.  Not by
 * default: once the reader read into a buffer instead of the mapping
 * (mapread.c's win_buffered), one thread printed real-300 faster than two
 * at every flag set measured (-n 0.18 s against 0.27, -n -v 0.33 against
 * 0.42, -n -X 0.35 against 0.47: each thread reads the whole file and
 * shadows the other's packets, which is now as much work as printing
 * them). */
int printpar_wanted(const struct options *opt, const char *path);

/* Prints the packets of path (opened as p) as mapread_loop with print_packet
 * would, through nd (the caller's printers, which must not have seen a
 * packet yet) and a second thread.  Returns as mapread_loop; *count is the
 * number of packets printed.  After MAPREAD_RESUME every packet handed out is
 * written or in nd's buffer, and the caller goes on alone. */
int printpar_run(pcap_t *p, const char *path, const struct options *opt, nd_t *nd,
                 link_fn link, unsigned long *count);

#endif
