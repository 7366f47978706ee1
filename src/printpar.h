/* printpar.h - printing one savefile on two cores (printpar.c). */
#ifndef TRAWL_PRINTPAR_H
#define TRAWL_PRINTPAR_H

#include <pcap/pcap.h>

#include "options.h"
#include "print/print.h"

/* Files from this size up are printed on two cores unless --threads 1. */
#define PRINTPAR_MIN_SIZE (4u << 20)

/* Whether path is printed on two cores: a classic pcap savefile, -n (name
 * lookups would be made twice), no -T, and --threads 2 or a big enough file
 * on a machine with two cores. */
int printpar_wanted(const struct options *opt, const char *path);

/* Prints the packets of path (opened as p) as mapread_loop with print_packet
 * would, through nd (the caller's printers, which must not have seen a
 * packet yet) and a second thread.  Returns as mapread_loop; *count is the
 * number of packets printed.  After MAPREAD_RESUME every packet handed out is
 * written or in nd's buffer, and the caller goes on alone. */
int printpar_run(pcap_t *p, const char *path, const struct options *opt, nd_t *nd,
                 link_fn link, unsigned long *count);

#endif
