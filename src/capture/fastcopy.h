/* fastcopy.h - `trawl -r FILE -w OUT [filter]` without per-packet library
 * calls: the savefile is mapped, each record run through libpcap's BPF
 * interpreter (pcap_offline_filter) and matching records copied to OUT in
 * large writes.  bench/run.sh's "write" job is why it exists: through
 * pcap_next_ex/pcap_dump trawl could not beat tcpdump, which uses the same
 * calls.  Only classic pcap files in host byte order with microsecond
 * timestamps and well-formed records take this path; anything else (pcapng,
 * swapped, nanosecond, truncated or oversized records) goes through libpcap
 * as before, so the output is always what libpcap would have written. */
#ifndef TRAWL_FASTCOPY_H
#define TRAWL_FASTCOPY_H

#include <pcap/pcap.h>

#include "../options.h"

/* Returns -1 when the file does not qualify (nothing was written), else the
 * exit status; *count gets the number of packets written. */
int fastcopy_run(pcap_t *p, pcap_dumper_t *d, const struct options *opt,
                 unsigned long *count);

#endif
