/* fuzz_match.c - libFuzzer harness for the rule matcher (src/rules/match.c):
 * rm_match and rh_match on a small rule and buffers made from the input.
 *
 * Input:
 *   [0]      low 3 bits: elements - 1; bits 3-5: header tests
 *   [1]      pkt_old (x 4)
 *   [2]      buffers present (bit b: buffer b of the four below)
 *   [3..20)  facts: net, proto, ttl, tos, ip_flags, ip_opts, has_*, icmp,
 *            tcp flags, seq, ack, win, payload_len, addresses
 *   per element 10 bytes: kind|buf, flags lo, flags hi, has, offset,
 *            depth/within, distance, nbytes|base, op|var|pcre, value;
 *            then the content's pattern (0-7 bytes: its length from the
 *            flags byte)
 *   per header test 5 bytes: field, op, neg, lo, hi
 *   the rest: the four buffers' bytes, split at the first two bytes' cuts.
 * Patterns of pcre elements come from a fixed table compiled once. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../src/rules/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

static const struct {
	const char *re;
	uint32_t opts;
} pats[] = {
	{ "^GET", 0 },
	{ "a.*b", PCRE2_DOTALL },
	{ "(a|b)+c", 0 },
	{ "\\d{2,}", 0 },
	{ "^$", 0 },
	{ "foo", PCRE2_CASELESS },
	{ "x*", 0 },
	{ "(a+)+$", 0 },
	{ "\\x00\\x01", 0 },
	{ "(?<=a)b", 0 },
	{ ".{5}", PCRE2_DOTALL },
	{ "^[a-z]+\\r?$", PCRE2_MULTILINE },
	{ "(?:ab|a)*c", 0 },
	{ "\\bhttp://[^/]+/", PCRE2_CASELESS },
	{ "([0-9a-f]{2}:){3}", 0 },
	{ "(.*)*z", 0 },
};
#define NPATS (sizeof pats / sizeof pats[0])

static pcre2_code *res[NPATS];
static struct rm_scratch *scratch;

static void init(void)
{
	if (scratch)
		return;
	scratch = rm_scratch_new();
	for (size_t i = 0; i < NPATS; i++) {
		int err;
		PCRE2_SIZE eo;
		res[i] = pcre2_compile((PCRE2_SPTR)pats[i].re, PCRE2_ZERO_TERMINATED, pats[i].opts,
		                       &err, &eo, NULL);
		/* every other pattern JIT-compiled, to exercise both paths */
		if (res[i] && (i & 1) == 0)
			pcre2_jit_compile(res[i], PCRE2_JIT_COMPLETE);
	}
}

static const uint8_t bufs4[4] = { RB_PKT, SB_HTTP_URI, SB_HTTP_HOST, SB_DNS_QUERY };

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	init();
	if (!scratch || n < 20)
		return 0;
	size_t pos = 0;
	unsigned nm = (d[0] & 7) + 1, nh = (d[0] >> 3) & 7;
	uint32_t pkt_old = (uint32_t)d[1] * 4;
	unsigned have4 = d[2];
	pos = 3;

	struct facts f;
	memset(&f, 0, sizeof f);
	const uint8_t *q = d + pos;
	f.net = (q[0] & 3) == 0 ? NET_IP4 : (q[0] & 3) == 1 ? NET_IP6 : NET_NONE;
	f.addr_len = f.net == NET_IP6 ? 16 : 4;
	f.proto = q[1];
	f.ttl = q[2];
	f.tos = q[3];
	f.ip_flags = q[4] & 7;
	f.ip_opts = (uint32_t)q[5] << 24 | (uint32_t)q[5] << 3 | (q[5] & 1);
	f.has_tcp = q[6] & 1;
	f.has_icmp = (q[6] >> 1) & 1;
	f.has_icmp_echo = (q[6] >> 2) & 1;
	f.icmp_type = q[7];
	f.icmp_code = q[8];
	f.icmp_id = (uint16_t)(q[9] << 8 | q[10]);
	f.icmp_seq = q[10];
	f.tcp_flags = q[11];
	f.seq = (uint32_t)q[12] << 24 | q[13];
	f.ack = q[13];
	f.win = q[14];
	f.payload_len = q[15];
	f.ip_id = q[16];
	memset(f.src, q[0] >> 2, sizeof f.src);
	memset(f.dst, (q[0] >> 4) & 1 ? q[0] >> 2 : q[1], sizeof f.dst);
	pos += 17;

	struct rm m[8];
	uint8_t patbuf[8][8];
	memset(m, 0, sizeof m);
	unsigned k = 0;
	for (; k < nm && pos + 10 <= n; k++) {
		const uint8_t *e = d + pos;
		pos += 10;
		struct rm *x = &m[k];
		x->kind = (uint8_t)((e[0] & 7) % 7);
		x->buf = bufs4[(e[0] >> 3) & 3];
		x->flags = (uint16_t)(e[1] | (e[2] << 8));
		x->has = e[3] & 15;
		x->offset.v = (int8_t)e[4];
		x->depth.v = e[5];
		x->within.v = e[5] & 0x3f;
		x->distance.v = (int8_t)e[6];
		x->offset.var = x->depth.var = x->within.var = x->distance.var = x->value.var = -1;
		if (e[0] & 0x40) /* one of them from a variable */
			switch (e[9] & 3) {
			case 0: x->offset.var = e[9] >> 6; break;
			case 1: x->distance.var = e[9] >> 6; break;
			case 2: x->within.var = e[9] >> 6; break;
			default: x->value.var = e[9] >> 6; break;
			}
		x->nbytes = (uint8_t)(e[7] & 15);
		x->base = (e[7] >> 4) < 5 ? 10 : (e[7] >> 4) < 10 ? 16 : 8;
		x->op = e[8] % 9;
		x->var = (e[8] >> 4) & 3;
		x->value.v = e[9] & 0x80 ? (int8_t)e[9] : e[9];
		x->value2 = (uint64_t)e[9] * 3;
		x->multiplier = (e[8] >> 6) + 1;
		x->post_offset = (int8_t)e[6] >> 2;
		x->bitmask = (e[3] & 0x80) ? (uint64_t)e[9] << (e[3] & 7) : 0;
		if (x->kind == RM_PCRE)
			x->re = res[e[8] % NPATS];
		if (x->kind == RM_CONTENT) {
			unsigned pl = (e[2] >> 5) & 7;
			if (pos + pl > n)
				pl = (unsigned)(n - pos);
			memcpy(patbuf[k], d + pos, pl);
			pos += pl;
			x->pat = patbuf[k];
			x->plen = pl;
		}
	}
	struct rh h[8];
	unsigned kh = 0;
	for (; kh < nh && pos + 5 <= n; kh++) {
		const uint8_t *e = d + pos;
		pos += 5;
		h[kh].field = e[0] % (RH_SAMEIP + 1);
		h[kh].op = (e[1] & 0x80) ? RH_BITS_EXACT + (e[1] & 3) : e[1] % 9;
		h[kh].neg = e[2] & 1;
		h[kh].lo = e[3] | ((e[2] & 2) ? 256u : 0);
		h[kh].hi = e[4];
	}

	struct rule r;
	memset(&r, 0, sizeof r);
	r.m = m;
	r.nm = k;
	r.hdr = h;
	r.nhdr = kh;
	r.fast = -1;

	struct rm_bufs b;
	memset(&b, 0, sizeof b);
	b.pkt_old = pkt_old;
	const uint8_t *rest = d + pos;
	size_t rn = n - pos;
	size_t c1 = rn ? (size_t)rest[0] * rn / 256 : 0, c2 = rn > 1 ? (size_t)rest[1] * rn / 256 : 0;
	if (c1 > c2) {
		size_t t = c1;
		c1 = c2;
		c2 = t;
	}
	size_t cut[5] = { 0, c1, c2, c2 + (rn - c2) / 2, rn };
	for (unsigned i = 0; i < 4; i++) {
		if (!((have4 >> i) & 1))
			continue;
		b.have |= (uint64_t)1 << bufs4[i];
		b.p[bufs4[i]] = rest + cut[i];
		b.n[bufs4[i]] = (uint32_t)(cut[i + 1] - cut[i]);
	}
	rm_match(&r, &b, scratch);
	rh_match(&r, &f);
	return 0;
}
