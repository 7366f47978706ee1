/* defrag.h - IPv4 and IPv6 fragment reassembly, bounded.
 *
 * Datagrams are keyed by (source, destination, identification, and for
 * IPv4 the protocol).  Fragments may come in any order, twice, or
 * overlapping: where they overlap, the FIRST copy of a byte wins (later
 * bytes are dropped and the overlap counted).  A datagram is given up
 * (counted) when it waits longer than the timeout (capture time), when
 * holding it would pass the memory bound (the oldest datagrams are given up
 * first to make room), or when a fragment is invalid (beyond 65535 bytes,
 * a last fragment contradicting another, data not wholly captured). */
#ifndef TRAWL_STREAM_DEFRAG_H
#define TRAWL_STREAM_DEFRAG_H

#include <stddef.h>
#include <stdint.h>

#include "../analyze/decode.h"

struct defrag;

struct defrag_stats {
	uint64_t fragments;   /* fragments taken */
	uint64_t datagrams;   /* datagrams completed */
	uint64_t timed_out;   /* datagrams given up: timeout */
	uint64_t mem;         /* datagrams given up: memory bound */
	uint64_t bad;         /* datagrams given up or fragments refused: invalid or not wholly captured */
	uint64_t overlaps;    /* fragments that overlapped bytes already held */
	uint64_t pending;     /* datagrams still incomplete at defrag_free (counted there) */
};

/* mem: bytes of fragment data held at most; timeout: seconds. */
struct defrag *defrag_new(size_t mem, unsigned timeout);
void defrag_free(struct defrag *d);
/* Takes the fragment described by f (f->is_frag set; f->frag_* and the
 * addresses, f->net, f->sec/frac filled).  Returns 1 when this fragment
 * completed its datagram: *out and *outlen are then the datagram's data
 * (what follows the IP header(s): the transport header first), valid until
 * the next call; 0 otherwise.  Also expires what is older than f's time
 * minus the timeout. */
int defrag_add(struct defrag *d, const struct facts *f, const uint8_t **out, unsigned *outlen);
const struct defrag_stats *defrag_stats(const struct defrag *d);

#endif
