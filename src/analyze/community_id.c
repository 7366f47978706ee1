/* community_id.c - Community ID v1 (see community_id.h). */
#include "community_id.h"

#include <openssl/evp.h>
#include <string.h>

/* The hash over the tuple as given when order is 0, else with the lower
 * endpoint first. */
static size_t cid_hash(char *buf, uint16_t seed, const uint8_t *src, const uint8_t *dst,
                       unsigned alen, unsigned proto, unsigned sport, unsigned dport,
                       int with_ports, int order)
{
	uint8_t in[2 + 16 + 16 + 2 + 4], md[EVP_MAX_MD_SIZE];
	unsigned n = 0, mdlen = 0;
	buf[0] = 0;
	if (alen != 4 && alen != 16)
		return 0;
	/* the lower endpoint first: by address, then by port */
	int c = memcmp(src, dst, alen);
	if (order && (c > 0 || (c == 0 && with_ports && sport > dport))) {
		const uint8_t *t = src;
		src = dst;
		dst = t;
		unsigned p = sport;
		sport = dport;
		dport = p;
	}
	in[n++] = (uint8_t)(seed >> 8);
	in[n++] = (uint8_t)seed;
	memcpy(in + n, src, alen);
	n += alen;
	memcpy(in + n, dst, alen);
	n += alen;
	in[n++] = (uint8_t)proto;
	in[n++] = 0;
	if (with_ports) {
		in[n++] = (uint8_t)(sport >> 8);
		in[n++] = (uint8_t)sport;
		in[n++] = (uint8_t)(dport >> 8);
		in[n++] = (uint8_t)dport;
	}
	if (!EVP_Digest(in, n, md, &mdlen, EVP_sha1(), NULL) || mdlen != 20)
		return 0;
	buf[0] = '1';
	buf[1] = ':';
	int k = EVP_EncodeBlock((unsigned char *)buf + 2, md, 20);
	if (k != 28) {
		buf[0] = 0;
		return 0;
	}
	return (size_t)(2 + k);
}

size_t community_id_v1(char *buf, uint16_t seed, const uint8_t *src, const uint8_t *dst,
                       unsigned alen, unsigned proto, unsigned sport, unsigned dport,
                       int with_ports)
{
	return cid_hash(buf, seed, src, dst, alen, proto, sport, dport, with_ports, 1);
}

int community_id_icmp_ports(unsigned proto, unsigned type, unsigned code, unsigned *sport,
                            unsigned *dport)
{
	/* message types that have a counterpart, both ways (the spec's table) */
	static const uint8_t v4[][2] = {
		{ 8, 0 }, { 13, 14 }, { 15, 16 }, { 10, 9 }, { 17, 18 },
	};
	static const uint8_t v6[][2] = {
		{ 128, 129 }, { 130, 131 }, { 133, 134 }, { 135, 136 }, { 139, 140 }, { 144, 145 },
	};
	const uint8_t(*t)[2] = proto == 58 ? v6 : v4;
	size_t n = proto == 58 ? sizeof v6 / sizeof v6[0] : sizeof v4 / sizeof v4[0];
	*sport = type;
	for (size_t i = 0; i < n; i++) {
		if (type == t[i][0] || type == t[i][1]) {
			*dport = type == t[i][0] ? t[i][1] : t[i][0];
			return 0;
		}
	}
	*dport = code;
	return 1;
}

size_t community_id_icmp(char *buf, uint16_t seed, const uint8_t *src, const uint8_t *dst,
                         unsigned alen, unsigned proto, unsigned type, unsigned code)
{
	unsigned sp, dp;
	int one_way = community_id_icmp_ports(proto, type, code, &sp, &dp);
	return cid_hash(buf, seed, src, dst, alen, proto, sp, dp, 1, !one_way);
}

uint64_t flow_id_of(const uint8_t *src, const uint8_t *dst, unsigned alen, unsigned proto,
                    unsigned sport, unsigned dport)
{
	int c = memcmp(src, dst, alen);
	if (c > 0 || (c == 0 && sport > dport)) {
		const uint8_t *t = src;
		src = dst;
		dst = t;
		unsigned p = sport;
		sport = dport;
		dport = p;
	}
	uint8_t in[16 + 16 + 5];
	unsigned n = 0;
	memcpy(in + n, src, alen);
	n += alen;
	memcpy(in + n, dst, alen);
	n += alen;
	in[n++] = (uint8_t)proto;
	in[n++] = (uint8_t)(sport >> 8);
	in[n++] = (uint8_t)sport;
	in[n++] = (uint8_t)(dport >> 8);
	in[n++] = (uint8_t)dport;
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a 64 */
	for (unsigned i = 0; i < n; i++) {
		h ^= in[i];
		h *= 0x100000001b3ull;
	}
	h ^= h >> 29; /* FNV's high bits mix poorly: fold before the cut */
	h &= (1ull << 53) - 1;
	return h ? h : 1;
}
