/* ip6.c - IPv6: fixed header, -v fields, the extension header chain, and
 * the hand-off to the upper-layer protocol. */
#include <stdint.h>

#include "../core/ipproto.h"
#include "../core/names.h"
#include "print.h"

#define IP6_HDRLEN 40

/* A next header nothing decodes: " NAME LEN" with its netdb keyword
 * unless -n, else " ip-proto-N LEN" (as IPv4's). */
static void unknown_nh(nd_t *nd, unsigned nh, unsigned len)
{
	const char *name = nd->opt->nflag ? NULL : ipproto_netdb(nh);
	if (name) {
		nd_c(nd, ' ');
		nd_s(nd, name);
	} else {
		nd_s(nd, " ip-proto-");
		nd_u(nd, nh);
	}
	nd_c(nd, ' ');
	nd_u(nd, len);
}

static int prints_own_addrs(unsigned nh)
{
	return nh == 6 || nh == 17 || nh == 33 || nh == 132;
}

/* The upper layer: everything that is not an extension header. */
static void ip6_upper(nd_t *nd, const uint8_t *cp, unsigned len,
                      const struct ip_ctx *ip, unsigned nh)
{
	if (nh == 59) {
		nd_s(nd, "no next header");
		return;
	}
	if (++nd->depth > ND_MAX_DEPTH) {
		nd->depth--;
		unknown_nh(nd, nh, len);
		return;
	}
	ipproto_fn fn = dispatch_ipproto(nh);
	if (fn) {
		struct ip_ctx c = *ip;
		c.len = len;
		fn(nd, cp, len, &c);
	} else if (nh == 4) {
		ip_print(nd, cp, len);
	} else {
		unknown_nh(nd, nh, len);
	}
	nd->depth--;
}

/* The Hop-by-Hop header of a would-be jumbogram: a truncation there is
 * reported, and then the missing Jumbo Payload option too. */
static int hbh_jumbo_candidate(nd_t *nd, const uint8_t *cp, struct ip6_walk *w)
{
	nd_proto(nd, "hbhopt");
	nd_u8(nd, cp + 1); /* without its length, nothing more is said */
	jmp_buf saved;
	memcpy(&saved, &nd->trunc, sizeof saved);
	volatile int adv = -1;
	if (setjmp(nd->trunc) == 0)
		adv = ip6_hbhopt_print(nd, cp, w);
	else
		nd_print_trunc(nd);
	memcpy(&nd->trunc, &saved, sizeof saved);
	return adv;
}

void ip6_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "ip6");
	if (!nd_has(nd, bp, IP6_HDRLEN)) {
		/* tcpdump marks this and returns: dumps skip the link header */
		nd_print_trunc(nd);
		return;
	}
	const struct options *opt = nd->opt;
	if (!opt->eflag)
		nd_s(nd, "IP6 ");
	if (length < IP6_HDRLEN) {
		nd_s(nd, "truncated-ip6 ");
		nd_u(nd, length);
		return;
	}
	uint32_t w0 = nd_be32(nd, bp);
	if ((w0 >> 28) != 6) {
		nd_s(nd, "version error: ");
		nd_u(nd, (unsigned)(w0 >> 28));
		nd_s(nd, " != 6");
		return;
	}
	unsigned plen = nd_be16(nd, bp + 4);
	unsigned nh = nd_u8(nd, bp + 6);
	uint64_t total; /* header plus payload, as the header claims */
	if (plen != 0) {
		total = plen + IP6_HDRLEN;
		if (total > length) {
			nd_s(nd, "truncated-ip6 - ");
			nd_u(nd, (unsigned)(total - length));
			nd_s(nd, " bytes missing!");
		} else
			nd_narrow(nd, bp, (size_t)total);
	} else {
		/* a jumbogram, or an empty payload: decided at the upper layer */
		total = length;
	}

	if (opt->vflag) {
		unsigned tc = (w0 >> 20) & 0xff, fl = w0 & 0xfffff;
		nd_c(nd, '(');
		if (tc) {
			nd_s(nd, "class 0x");
			out_x2(nd->out, tc);
			nd_s(nd, ", ");
		}
		if (fl) {
			nd_s(nd, "flowlabel 0x");
			out_x(nd->out, fl, 5);
			nd_s(nd, ", ");
		}
		{
			unsigned v0 = nd_u8(nd, bp + 7);
			const char *v1 = ipproto_print(nh) ? ipproto_print(nh) : "unknown";
			nd_s(nd, "hlim ");
			nd_u(nd, v0);
			nd_s(nd, ", next-header ");
			nd_s(nd, v1);
			nd_s(nd, " (");
			nd_u(nd, nh);
			nd_s(nd, ") payload length: ");
			nd_u(nd, plen);
			nd_s(nd, ") ");
		}
	}

	struct ip_ctx ip = { .ver = 6, .hdr = bp, .src = bp + 8, .dst = bp + 24,
			     .nh = nh, .len = plen, .fragmented = 0 };
	struct ip6_walk w = { .ip6 = bp, .plen = plen };
	/* the checksum pseudo-header uses the final destination: that of the
	 * first routing header, unless a fragment header comes before it */
	int dst_fixed = 0;
	const uint8_t *cp = bp + IP6_HDRLEN;
	uint64_t left = total - IP6_HDRLEN;

	if (!prints_own_addrs(nh)) {
		put_ip6(nd, ip.src);
		nd_s(nd, " > ");
		put_ip6(nd, ip.dst);
		nd_s(nd, ": ");
	}
	for (;;) {
		int adv;
		switch (nh) {
		case 0:
			if (w.found_hbh) {
				nd_s(nd, "[The Hop-by-Hop Options header was already found]");
				nd_print_invalid(nd);
				return;
			}
			if (cp != bp + IP6_HDRLEN) {
				nd_s(nd, "[The Hop-by-Hop Options header don't follow the IPv6 header]");
				nd_print_invalid(nd);
				return;
			}
			w.found_hbh = 1;
			if (plen == 0) {
				adv = hbh_jumbo_candidate(nd, cp, &w);
				if (!w.found_jumbo) {
					nd_s(nd, "[No valid Jumbo Payload Hop-by-Hop option found]");
					nd_print_invalid(nd);
					return;
				}
			} else {
				adv = ip6_hbhopt_print(nd, cp, &w);
			}
			if (adv < 0)
				return;
			nh = nd_u8(nd, cp);
			break;
		case 60:
			adv = ip6_dstopt_print(nd, cp, &w);
			if (adv < 0)
				return;
			nh = nd_u8(nd, cp);
			break;
		case 44:
			adv = frag6_print(nd, cp, bp);
			if (adv < 0 || !nd_has(nd, cp, (size_t)adv + 1))
				return;
			nh = nd_u8(nd, cp);
			ip.fragmented = 1;
			dst_fixed = 1;
			break;
		case 43:
			if (!nd_has(nd, cp, 1)) { /* marked, not unwound, as tcpdump */
				nd_print_trunc(nd);
				return;
			}
			{
				const uint8_t *fd = ip.dst;
				adv = rt6_print(nd, cp, &fd);
				if (!dst_fixed)
					ip.dst = fd;
				dst_fixed = 1;
			}
			if (adv < 0)
				return;
			nh = nd_u8(nd, cp);
			break;
		case 62:
		case 135:
			mobility_print(nd, cp, bp);
			return;
		default: {
			nd_proto(nd, "ip6");
			uint64_t done = (uint64_t)(cp - bp);
			if (w.found_jumbo || plen == 0) {
				/* the length is now known: the Jumbo Payload
				 * option's, or else just the header */
				total = w.found_jumbo ? (uint64_t)w.jumbo + IP6_HDRLEN
						      : IP6_HDRLEN;
				if (total < done)
					nd_trunc(nd);
				if (w.found_jumbo && total > length) {
					nd_s(nd, "truncated-ip6 - ");
					nd_u(nd, (unsigned long long)(total - length));
					nd_s(nd, " bytes missing!");
				}
				if (total < SIZE_MAX)
					nd_narrow(nd, bp, (size_t)total);
				left = total - done;
			}
			ip6_upper(nd, cp, (unsigned)left, &ip, nh);
			return;
		}
		}
		nd_proto(nd, "ip6");
		if (left < (uint64_t)adv)
			nd_trunc(nd);
		cp += adv;
		left -= (uint64_t)adv;
	}
}

/* IPv6 carried by IPv4 (protocol 41) or by IPv6. */
void ip6_ipproto_print(nd_t *nd, const uint8_t *p, unsigned len,
                       const struct ip_ctx *ip)
{
	(void)ip;
	ip6_print(nd, p, len);
}

