/* defrag.h - IPv4 and IPv6 fragment reassembly, bounded.
 *
 * Datagrams are keyed by (source, destination, identification, and for
 * IPv4 the protocol).  Fragments may come in any order, twice, or
 * overlapping: where they overlap, the FIRST copy of a byte wins (later
 * bytes are dropped and the overlap counted).  A datagram is given up
 * (counted) when it waits longer than the timeout (capture time), when
 * holding it would pass the memory bound (the oldest datagrams are given up
 * first to make room), or when a fragment is invalid (beyond 65535 bytes,
 * a last fragment contradicting another, data beyond the datagram's end, a
 * fragment other than the last whose length is not a multiple of 8, data not
 * wholly captured).
 *
 * Details:
 *   - the key includes the protocol for IPv6 too (the fragment header's next
 *     header): the completing fragment's frag_proto is then always the
 *     datagram's protocol.  (RFC 8200 takes the first fragment's; fragments
 *     that disagree here never complete and time out.)
 *   - overlaps keep the first copy for IPv6 as well (RFC 5722 would drop the
 *     datagram): the stream layer's policy is the same for both versions.
 *   - a datagram given up as invalid leaves a record (no data) until its
 *     timeout, so its later fragments are dropped (`ignored`) and it is
 *     counted once; one given up for memory or timeout leaves nothing, and
 *     later fragments of it start a new datagram.
 *   - the memory bound counts every byte held: fragment data, a small header
 *     per piece, and each datagram's record.  At most 65536 datagrams are
 *     held, and at most 32 per hash bucket (a new one in a full bucket gives
 *     up that bucket's oldest, counted in `mem`), and a datagram is held in at
 *     most 1024 pieces (the walk per fragment is bounded; a datagram cut
 *     finer is given up, counted in `mem`: 65535 bytes in fragments of 64
 *     bytes or more that do not overlap always fit).
 *   - a completed datagram is forgotten: a duplicate fragment arriving after
 *     completion starts a new datagram (which times out).
 *   - time is the capture's seconds, never going back (a packet older than
 *     the latest seen counts as the latest). */
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
	uint64_t pending;     /* datagrams incomplete now (kept up to date: read the
	                       * stats before defrag_free, which frees them) */
	uint64_t ignored;     /* fragments dropped: their datagram was given up as invalid */
};

/* mem: bytes of fragment data held at most; timeout: seconds.  NULL when
 * out of memory. */
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
