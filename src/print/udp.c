/* udp.c - UDP: ports, length checks, checksum, payload dispatch by port. */
#include <string.h>

#include "../core/names.h"
#include "print.h"

/* "a.sport > b.dport: " - or without addresses when UDP is quoted inside
 * another protocol (an ICMP error), as tcpdump does. */
static void udpipaddr(nd_t *nd, const struct ip_ctx *ip, int sport, int dport)
{
	if (ip->nh == 17) {
		put_ip_addr(nd, ip, ip->src);
		if (sport >= 0) {
			nd_c(nd, '.');
			put_udpport(nd, (unsigned)sport);
		}
		nd_s(nd, " > ");
		put_ip_addr(nd, ip, ip->dst);
		if (dport >= 0) {
			nd_c(nd, '.');
			put_udpport(nd, (unsigned)dport);
		}
	} else if (sport >= 0) {
		put_udpport(nd, (unsigned)sport);
		nd_s(nd, " > ");
		put_udpport(nd, (unsigned)dport);
	} else {
		return; /* nothing known to print (after IPv6 extension headers) */
	}
	nd_s(nd, ": ");
}

/* The -T types tcpdump decodes over UDP. */
void udp_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip)
{
	nd_proto(nd, "udp");
	if (!nd_has(nd, bp + 2, 2)) {
		udpipaddr(nd, ip, -1, -1);
		nd_print_trunc(nd);
		return;
	}
	unsigned sport = nd_be16(nd, bp), dport = nd_be16(nd, bp + 2);
	if (length < 8) {
		udpipaddr(nd, ip, (int)sport, (int)dport);
		nd_s(nd, "truncated-udp ");
		nd_u(nd, length);
		return;
	}
	if (!nd_has(nd, bp + 4, 2)) {
		udpipaddr(nd, ip, (int)sport, (int)dport);
		nd_print_trunc(nd);
		return;
	}
	unsigned ulen = nd_be16(nd, bp + 4);
	if (ulen == 0 && length > 65535)
		ulen = length; /* RFC 2675 jumbogram */
	if (ulen < 8) {
		udpipaddr(nd, ip, (int)sport, (int)dport);
		nd_s(nd, "truncated-udplength ");
		nd_u(nd, ulen);
		return;
	}
	ulen -= 8;
	length -= 8;
	if (ulen < length)
		length = ulen;
	const uint8_t *cp = bp + 8;
	if (!nd_has(nd, cp, 0)) {
		udpipaddr(nd, ip, (int)sport, (int)dport);
		nd_print_trunc(nd);
		return;
	}
	const struct options *opt = nd->opt;
	if (opt->Tname) {
		/* -T: no checksum; types tcpdump does not decode over UDP print
		 * nothing at all, not even the addresses. */
		if (!dispatch_type_udp(opt->Tname))
			return;
		udpipaddr(nd, ip, (int)sport, (int)dport);
		port_fn fn = dispatch_type(opt->Tname);
		if (fn && ++nd->depth <= ND_MAX_DEPTH) {
			fn(nd, cp, length, ip, sport, dport);
			nd->depth--;
		}
		return;
	}
	udpipaddr(nd, ip, (int)sport, (int)dport);
	if (!opt->qflag && nfs_udp_try(nd, cp, length, ip, sport, dport))
		return;

	if (opt->vflag && !opt->Kflag && !ip->fragmented) {
		unsigned usum = nd_be16(nd, bp + 6);
		if (ip->ver == 4 && opt->vflag > 1) {
			if (usum == 0) {
				nd_s(nd, "[no cksum] ");
			} else if (nd_has(nd, cp, length)) {
				uint16_t sum = ip_pseudo_cksum(ip, bp, length + 8, 17);
				if (sum) {
					uint32_t should = (uint32_t)usum + sum;
					should = (should & 0xffff) + (should >> 16);
					nd_s(nd, "[bad udp cksum 0x");
					out_x(nd->out, usum, 4);
					nd_s(nd, " -> 0x");
					out_x(nd->out, (unsigned)(should & 0xffff), 4);
					nd_s(nd, "!] ");
				} else {
					nd_s(nd, "[udp sum ok] ");
				}
			}
		} else if (ip->ver == 6 && nd_has(nd, cp, length)) {
			uint16_t sum = ip_pseudo_cksum(ip, bp, length + 8, 17);
			if (sum) {
				uint32_t should = (uint32_t)usum + sum;
				should = (should & 0xffff) + (should >> 16);
				nd_s(nd, "[bad udp cksum 0x");
				out_x(nd->out, usum, 4);
				nd_s(nd, " -> 0x");
				out_x(nd->out, (unsigned)(should & 0xffff), 4);
				nd_s(nd, "!] ");
			} else {
				nd_s(nd, "[udp sum ok] ");
			}
		}
	}

	if (!opt->qflag) {
		port_fn fn = dispatch_udp(sport, dport);
		if (fn && ++nd->depth <= ND_MAX_DEPTH) {
			fn(nd, cp, length, ip, sport, dport);
			nd->depth--;
			return;
		}
	}
	if (ulen > length && !ip->fragmented) {
		nd_s(nd, "UDP, bad length ");
		nd_u(nd, ulen);
		nd_s(nd, " > ");
		nd_u(nd, length);
	} else {
		nd_s(nd, "UDP, length ");
		nd_u(nd, ulen);
	}
}
