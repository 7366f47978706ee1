/* ipsec.h - state shared by the ESP and ISAKMP printers (one per run,
 * reached through nd->esp): the security associations from -E, the IKEv1
 * initiator-cookie cache, and the buffers decrypted payloads are printed
 * from. */
#ifndef TRAWL_IPSEC_H
#define TRAWL_IPSEC_H

#include <stddef.h>
#include <stdint.h>

#include "print.h"

struct evp_cipher_st;

/* One security association: an ESP SA (spi@daddr, or the default one with
 * neither) or an IKEv2 SA (initiator flag and the two IKE SPIs). */
struct esp_sa {
	uint32_t spi;
	unsigned daddr_len; /* 4, 16, or 0 when not given */
	uint8_t daddr[16];
	const struct evp_cipher_st *evp;
	unsigned ivlen, authlen;
	uint8_t secret[256];
	unsigned secretlen;
	int initiator;
	uint8_t spii[8], spir[8];
};

#define IKE_COOKIES 20

struct ike_cookie {
	uint8_t ck[8];
	int version; /* 4, 6, or 0 for an empty slot */
	uint8_t iaddr[16], raddr[16];
};

#define ESP_BUFS (ND_MAX_DEPTH + 2)

struct esp_state {
	const char *pending; /* -E text, decoded at the first ESP/ISAKMP packet */
	struct esp_sa *sa;   /* in the order given; searched newest first */
	size_t nsa, cap;
	long def;            /* index of the default SA, -1 when none */
	struct ike_cookie cookies[IKE_COOKIES];
	int ncookie;         /* next slot to fill */
	uint8_t *buf[ESP_BUFS]; /* decryption output, one per nesting depth */
	size_t bufcap[ESP_BUFS];
};

/* Decodes the -E text the first time it is needed (tcpdump does it at the
 * first ESP or ISAKMP packet, so warnings and errors come out then). */
void esp_sa_init(nd_t *nd);

/* IKEv2: decrypts buf..end with the SA for (initiator, spii, spir).  On
 * success returns the plaintext (valid until the next packet) and sets *len;
 * NULL when no SA matches or decryption is impossible. */
const uint8_t *esp_ikev2_decrypt(nd_t *nd, int initiator, const uint8_t *spii,
                                 const uint8_t *spir, const uint8_t *buf,
                                 const uint8_t *end, size_t *len);

/* The payload of ESP/AH/IPComp: next header nh at p, inside the datagram
 * described by ip (IPv4 / IPv6 in IP included). */
void ipsec_demux(nd_t *nd, const uint8_t *p, unsigned len,
                 const struct ip_ctx *ip, unsigned nh);

#endif
