/* internal.h - what the analyzer's parts share. */
#ifndef TRAWL_ANALYZE_INTERNAL_H
#define TRAWL_ANALYZE_INTERNAL_H

#include <stdint.h>

#include "../core/out.h"
#include "decode.h"

struct summary;
struct flowtab;

struct summary *summary_new(int nano);
void summary_add(struct summary *s, const struct facts *f);
void summary_text(struct summary *s, struct out *o);
void summary_json(struct summary *s, struct out *o, int nano);
void summary_free(struct summary *s);
/* Adds src's counts (of packets that came after dst's) into dst. */
void summary_merge(struct summary *dst, const struct summary *src);
/* True when summary_merge(any dst, src) gives what one read would. */
int summary_merge_exact(const struct summary *src);

struct flowtab *flows_new(unsigned max_flows);
/* Counts f in its conversation; returns the conversation's slot for the
 * stream layer's state, or NULL when f has no conversation (no key). */
void **flows_add(struct flowtab *t, const struct facts *f);
/* The slot of f's conversation without counting f (made when missing). */
void **flows_slot(struct flowtab *t, const struct facts *f);
/* fn(ctx, ext) is called for a conversation evicted with ext non-NULL. */
void flows_on_evict(struct flowtab *t, void (*fn)(void *ctx, void *ext), void *ctx);
void flows_text(struct flowtab *t, struct out *o, int nano);
void flows_json(struct flowtab *t, struct out *o, int nano);
void flows_free(struct flowtab *t);
/* Adds src's conversations (of packets that came after t's) into t, as one
 * read of both would have left them: a conversation in both is one, its
 * counts summed, its opener and handshake as if src's packets had followed
 * t's.  -1, with t unchanged, when that cannot be exact: either table
 * evicted, or together they hold more than the limit (one read would have
 * evicted), or a stream layer hangs on them. */
int flows_merge(struct flowtab *t, const struct flowtab *src);
/* Conversations evicted so far. */
uint64_t flows_evicted(const struct flowtab *t);

/* EVE events (events.c). */
#include "../stream/evetime.h"
/* IANA's keyword for an IP protocol (EVE's "proto"), or NULL. */
const char *eve_proto_name(unsigned proto);
/* The keyword quoted, or the number as a string when there is none. */
void eve_put_proto(struct out *o, unsigned proto);
/* {"timestamp":"...","flow_id":N,"community_id":"...","event_type":"TYPE"
 * (flow_id when has_flow_id, community_id when cid is not empty). */
void eve_begin(struct out *o, struct eve_clock *c, uint64_t sec, uint32_t frac, int nano,
               int has_flow_id, uint64_t flow_id, const char *cid, const char *type);
/* ,"src_ip":..,"src_port":..,"dest_ip":..,"dest_port":..,"proto":".." */
void eve_tuple(struct out *o, const uint8_t *src, const uint8_t *dst, unsigned alen,
               unsigned proto, int ports, unsigned sport, unsigned dport);
/* "syn":true ... for each TCP flag set, as EVE names them. */
void eve_tcp_flags(struct out *o, int *first, unsigned flags);
/* A byte as two lower-case hex digits in quotes ("1b"). */
void eve_hex2(struct out *o, unsigned v);
/* The flow_id of a conversation without IP: the ARP protocol-address pair
 * (alen 4, etype 0x0806) or the MAC pair (alen 6) and its ethertype. */
uint64_t eve_l2_flow_id(const uint8_t *a, const uint8_t *b, unsigned alen, unsigned etype);

/* --json's per-packet events: the clock and a cache of Community IDs. */
struct eve_packets;
struct eve_packets *eve_packets_new(void);
void eve_packets_free(struct eve_packets *e);
void packet_json(struct out *o, struct eve_packets *e, const struct facts *f,
                 unsigned long number, int nano);

/* Text helpers for the reports (text.c). */
#include "text.h"

/* Cheap hash of a short byte string. */
static inline uint32_t an_hash(const uint8_t *p, unsigned n, uint32_t h)
{
	for (unsigned i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h ^ (h >> 15);
}

#endif
