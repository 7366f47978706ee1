/* stream.h - the stream layer: IP defragmentation, TCP reassembly, and the
 * in-order bytes of each connection handed to the consumers that want them
 * (--follow, --extract; later sessions and rules).
 *
 * It is fed the facts of each packet by the analyzer (src/analyze/decode.h:
 * one decode per packet serves every consumer) and keeps its per-connection
 * state hung off the analyzer's bounded flow table, not in a table of its
 * own: when the flow table evicts a conversation, its stream is flushed and
 * closed ("evicted").
 *
 * TCP, per direction, in sequence order (64-bit offsets from the first
 * sequence number, so wrap is invisible to consumers):
 *   - a segment already delivered (a retransmission, identical or not) is
 *     dropped; bytes of a segment overlapping what is delivered or queued are
 *     dropped too: the FIRST copy of a byte wins;
 *   - a segment ahead of the next expected byte is queued (bounded per
 *     direction and in total); when a bound is hit, or the connection ends,
 *     the hole before the queued data is declared a gap and the data after
 *     it delivered: a gap is reported with its offset and length and never
 *     filled with bytes of our own;
 *   - a connection without a SYN (midstream) starts at the first byte seen;
 *     a SYN on a 4-tuple whose stream has ended opens a new stream (its
 *     `reuse` one more).
 * UDP: each datagram's payload is delivered as the next bytes of its
 * direction; no reordering, no gaps.
 *
 * Everything it allocates is bounded (stream_limits) and what it gives up is
 * counted in stream_stats. */
#ifndef TRAWL_STREAM_H
#define TRAWL_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "../analyze/decode.h"

#define STREAM_CONSUMERS_MAX 4

/* A timestamp as the capture gives it: frac is microseconds, or nanoseconds
 * when the run is in nanosecond precision. */
struct stream_ts {
	uint64_t sec;
	uint32_t frac;
};

enum stream_close {
	STREAM_OPEN = 0,     /* not closed yet */
	STREAM_FIN,          /* both directions finished (FIN) or one FIN and the run ended */
	STREAM_RST,          /* reset */
	STREAM_REUSED,       /* a new SYN on the same 4-tuple after the end */
	STREAM_EVICTED,      /* the flow table needed the room */
	STREAM_END,          /* the capture ended (or the run stopped) with it open */
};

/* One direction of a connection. */
struct stream_side {
	uint8_t addr[16];
	uint16_t port;
	uint8_t syn, fin, rst;     /* seen from this side */
	uint64_t bytes;            /* delivered to the consumers */
	uint64_t gaps, gap_bytes;  /* holes declared, bytes in them */
	uint64_t pkts;             /* packets (segments, datagrams) sent */
	uint64_t data_pkts;        /* of them, with payload */
	struct stream_ts first, last; /* first and last payload byte's packet */
};

/* A connection as its consumers see it.  Read-only for them, but for
 * user[], where the consumer registered in slot k keeps its own state. */
struct stream {
	uint64_t id;               /* creation order in the run, from 0 */
	uint8_t proto;             /* 6 TCP, 17 UDP */
	uint8_t alen;              /* 4 or 16 */
	uint8_t has_vlan;
	uint16_t vlan;             /* the outermost 802.1Q tag (TCI, priority bits included) when has_vlan */
	unsigned reuse;            /* 0 for the first stream on this 4-tuple, then 1, 2, ... */
	uint8_t midstream;         /* TCP: no SYN seen before the data */
	uint8_t closed;            /* enum stream_close, set before close() is called */
	/* [0] the client: the sender of a SYN, the receiver of a SYN/ACK, else
	 * the side not on a port below 1024 when the other is, else the first
	 * sender; [1] the server */
	struct stream_side side[2];
	struct stream_ts first, last; /* first and last packet of the connection */
	void *user[STREAM_CONSUMERS_MAX];
};

/* What a consumer is told.  dir is 0 for client to server, 1 back.  The
 * data pointers are valid only during the call. */
struct stream_consumer {
	void *ctx;
	/* a new connection: its first SYN or first packet with payload is
	 * being handled (a bare ACK opens nothing) */
	void (*open)(void *ctx, struct stream *s);
	/* n in-order bytes of direction dir, starting at byte offset off of
	 * that direction; ts is the time of the packet that completed them */
	void (*data)(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p,
	             size_t n, const struct stream_ts *ts);
	/* n bytes of direction dir from offset off are missing for good */
	void (*gap)(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n,
	            const struct stream_ts *ts);
	/* the connection ended (s->closed says why); nothing more comes for s,
	 * which is freed after the call */
	void (*close)(void *ctx, struct stream *s);
	/* optional: each packet of s (a TCP segment, a UDP datagram, or a
	 * datagram the defragmenter completed), before its bytes are
	 * delivered; f is the packet's decode, dir its direction */
	void (*packet)(void *ctx, struct stream *s, int dir, const struct facts *f);
};

struct stream_limits {
	size_t flow_mem;    /* out-of-order bytes queued per direction (default 4 MiB) */
	size_t total_mem;   /* out-of-order bytes queued in all (default 256 MiB) */
	size_t frag_mem;    /* fragments held for reassembly in all (default 64 MiB) */
	unsigned frag_timeout; /* seconds a datagram may wait for its fragments (default 30) */
};
#define STREAM_FLOW_MEM_DEFAULT  ((size_t)4 << 20)
#define STREAM_TOTAL_MEM_DEFAULT ((size_t)256 << 20)
#define STREAM_FRAG_MEM_DEFAULT  ((size_t)64 << 20)
#define STREAM_FRAG_TIMEOUT_DEFAULT 30

struct stream_stats {
	uint64_t tcp_streams, udp_streams;
	uint64_t bytes;                /* delivered, all directions */
	uint64_t retrans;              /* segments wholly already delivered or queued */
	uint64_t retrans_differ;       /* ... whose bytes differed from the first copy seen */
	uint64_t out_of_order;         /* segments queued ahead of a hole */
	uint64_t overlaps;             /* segments partly overlapping what was there */
	uint64_t gaps, gap_bytes;      /* holes declared */
	uint64_t gap_flow_mem;         /* of those: forced by the per-direction bound */
	uint64_t gap_total_mem;        /* of those: forced by the total bound */
	uint64_t evicted;              /* streams closed because the flow table evicted them */
	uint64_t truncated;            /* segments not wholly captured (snap length): their captured part used, the rest a gap */
	/* fragments (src/stream/defrag.c) */
	uint64_t frag_fragments, frag_datagrams; /* fragments taken, datagrams completed */
	uint64_t frag_timeout, frag_mem, frag_bad;  /* datagrams given up: timed out, memory bound, invalid/uncaptured */
	uint64_t frag_overlaps;        /* fragments overlapping others (first copy wins) */
};

struct streams;

/* The flow table's slot for a packet's conversation (a pointer the stream
 * layer owns), creating the conversation when it is new: the analyzer's
 * flow table answers this (for datagrams the defragmenter completed; the
 * packets themselves come with their slot). */
typedef void **(*stream_slot_fn)(void *ctx, const struct facts *f);

struct streams *streams_new(const struct stream_limits *lim, stream_slot_fn slot, void *slot_ctx);
/* Registers a consumer; returns its slot in stream.user[], or -1 when full. */
int streams_add_consumer(struct streams *st, const struct stream_consumer *c);
/* One packet, decoded, with its flow-table slot (NULL when the packet has
 * no conversation).  f may be changed (a completed datagram is decoded into
 * it).  Returns 1 when the consumers' packet() was called for it (or for
 * the datagram it completed), 0 when the packet belongs to no stream. */
int streams_packet(struct streams *st, struct facts *f, void **slot);
/* The flow table evicts a conversation whose slot holds ext (non-NULL). */
void streams_evict(void *st, void *ext);
/* Closes every open stream (STREAM_END), delivering what is queued. */
void streams_finish(struct streams *st);
const struct stream_stats *streams_stats(const struct streams *st);
void streams_free(struct streams *st);

#endif
