/* community_id.h - the Community ID flow hash, version 1, as Suricata's
 * and Zeek's logs carry it (`community_id`), so that trawl's events join
 * theirs.
 *
 * "1:" followed by the base64 of SHA-1 over: the seed (16 bits), the two
 * addresses, the IP protocol, a zero byte, and the two ports (or, for ICMP,
 * the type and code mapped as the spec says: the caller passes them as
 * ports), all in network byte order, the endpoint that sorts lower (address,
 * then port) first. */
#ifndef TRAWL_ANALYZE_COMMUNITY_ID_H
#define TRAWL_ANALYZE_COMMUNITY_ID_H

#include <stddef.h>
#include <stdint.h>

#define COMMUNITY_ID_LEN 30 /* "1:" and 28 base64 characters */

/* Writes the ID and a NUL into buf (COMMUNITY_ID_LEN + 1 bytes at least);
 * alen is 4 or 16; with_ports 0 for protocols that have none.  Returns the
 * length, or 0 when the hash could not be computed. */
size_t community_id_v1(char *buf, uint16_t seed, const uint8_t *src, const uint8_t *dst,
                       unsigned alen, unsigned proto, unsigned sport, unsigned dport,
                       int with_ports);

/* ICMP (proto 1) and ICMPv6 (58) as the spec says: the type and the type
 * of its counterpart (echo request and reply ...) stand for the ports, or,
 * for a type without one, the type and the code; such a one-way message's
 * endpoints are hashed as they come, not ordered. */
size_t community_id_icmp(char *buf, uint16_t seed, const uint8_t *src, const uint8_t *dst,
                         unsigned alen, unsigned proto, unsigned type, unsigned code);
/* The spec's "ports" of an ICMP message; returns 1 when it is one-way. */
int community_id_icmp_ports(unsigned proto, unsigned type, unsigned code, unsigned *sport,
                            unsigned *dport);

/* EVE's flow_id: one number for every event of a 5-tuple, either way round
 * (FNV-1a over the ordered tuple), stateless so that packet, flow and
 * session events agree, and below 2^53 so that jq and JavaScript read it
 * exactly.  A tuple used again later gets the same number. */
uint64_t flow_id_of(const uint8_t *src, const uint8_t *dst, unsigned alen, unsigned proto,
                    unsigned sport, unsigned dport);

#endif
