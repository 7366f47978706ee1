/* names.h - addresses and ports as text, resolved to names unless -n.
 *
 * With -n every address is formatted by hand on the spot.  Without it,
 * results are kept in hash tables that grow with the number of distinct
 * addresses (lookups stay O(1) with millions of them), so each address costs
 * at most one resolver call per run, as in tcpdump. */
#ifndef TRAWL_NAMES_H
#define TRAWL_NAMES_H

#include <stdint.h>

#include "nd.h"

struct names *names_new(const struct options *opt);
void names_free(struct names *n);

/* Each reads its bytes through the bounds-checked reader and prints. */
void put_ip4(nd_t *nd, const uint8_t *a);
void put_ip6(nd_t *nd, const uint8_t *a);
void put_mac(nd_t *nd, const uint8_t *a);     /* with "(oui ...)" unless -n */
void put_mac_plain(nd_t *nd, const uint8_t *a); /* always xx:xx:... */
void put_tcpport(nd_t *nd, unsigned port);
void put_udpport(nd_t *nd, unsigned port);

/* Plain formatting, no resolution; buf must hold 16 / 46 / 18 bytes.
 * Return the length written (without the NUL). */
int fmt_ip4(char *buf, const uint8_t *a);
int fmt_ip6(char *buf, const uint8_t *a);
int fmt_mac(char *buf, const uint8_t *a);

#endif
