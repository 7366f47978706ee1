/* ip.c - IPv4: header, -v fields, options, checksum, fragments, payload. */
#include "../core/names.h"
#include "print.h"

#define IP_HDRLEN 20
#define IP_MF 0x2000
#define IP_DF 0x4000
#define IP_RES 0x8000
#define IP_OFFMASK 0x1fff

static void ip_flags(nd_t *nd, unsigned off)
{
	const char *sep = "";
	nd_s(nd, "flags [");
	if (!(off & (IP_MF | IP_DF | IP_RES)))
		nd_s(nd, "none");
	if (off & IP_MF) { nd_s(nd, "+"); sep = ", "; }
	if (off & IP_DF) { nd_s(nd, sep); nd_s(nd, "DF"); sep = ", "; }
	if (off & IP_RES) { nd_s(nd, sep); nd_s(nd, "rsvd"); }
	nd_c(nd, ']');
}

/* Prints the options list; returns -1 when it ran out of bytes. */
int ip_options_print(nd_t *nd, const uint8_t *p, unsigned len);

static void addrs(nd_t *nd, const uint8_t *ip)
{
	put_ip4(nd, ip + 12);
	nd_s(nd, " > ");
	put_ip4(nd, ip + 16);
}

void ip_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "ip");
	unsigned ver = nd_u8(nd, bp) >> 4;
	if (ver != 4) {
		if (ver == 6)
			nd_s(nd, "IP6, wrong link-layer encapsulation");
		else
			nd_printf(nd, "IP%u", ver);
		nd_print_invalid(nd);
		return;
	}
	if (!nd->opt->eflag)
		nd_s(nd, "IP ");
	nd_need(nd, bp, IP_HDRLEN);
	if (length < IP_HDRLEN) {
		nd_printf(nd, "truncated-ip %u", length);
		return;
	}
	unsigned hlen = (nd_u8(nd, bp) & 15) * 4u;
	if (hlen < IP_HDRLEN) {
		nd_printf(nd, "bad-hlen %u", hlen);
		return;
	}
	unsigned totlen = nd_be16(nd, bp + 2);
	int presumed_tso = 0;
	if (totlen < hlen) {
		if (totlen) {
			nd_printf(nd, "bad-len %u", totlen);
			return;
		}
		totlen = length; /* a TSO send: the NIC fills in the length */
		presumed_tso = 1;
	}
	if (totlen > length) {
		nd_printf(nd, "truncated-ip - %u bytes missing! ", totlen - length);
		totlen = length;
	}
	nd_narrow(nd, bp, totlen);
	unsigned plen = totlen - hlen;
	unsigned off = nd_be16(nd, bp + 6);
	unsigned proto = nd_u8(nd, bp + 9);

	if (nd->opt->vflag) {
		unsigned tos = nd_u8(nd, bp + 1);
		nd_printf(nd, "(tos 0x%x", tos);
		static const char *const ecn[4] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
		nd_s(nd, ecn[tos & 3]);
		unsigned ttl = nd_u8(nd, bp + 8);
		if (ttl >= 1)
			nd_printf(nd, ", ttl %u", ttl);
		nd_printf(nd, ", id %u, offset %u, ", nd_be16(nd, bp + 4),
			  (off & IP_OFFMASK) * 8);
		ip_flags(nd, off);
		const char *pn = ipproto_name(proto);
		nd_printf(nd, ", proto %s (%u)", pn ? pn : "unknown", proto);
		if (presumed_tso)
			nd_printf(nd, ", length %u [was 0, presumed TSO]", length);
		else
			nd_printf(nd, ", length %u", nd_be16(nd, bp + 2));
		int truncated = 0;
		if (hlen > IP_HDRLEN) {
			nd_s(nd, ", options (");
			if (ip_options_print(nd, bp + IP_HDRLEN, hlen - IP_HDRLEN) < 0) {
				nd_s(nd, " [truncated-option]");
				truncated = 1;
			}
			nd_c(nd, ')');
		}
		if (!nd->opt->Kflag && nd_has(nd, bp, hlen)) {
			uint16_t sum = in_cksum(bp, hlen, 0);
			if (sum != 0) {
				unsigned ipsum = nd_be16(nd, bp + 10);
				/* the value the field should have held */
				uint32_t should = (uint32_t)ipsum + sum;
				should = (should & 0xffff) + (should >> 16);
				nd_printf(nd, ", bad cksum %x (->%x)!", ipsum,
					  (unsigned)(should & 0xffff));
			}
		}
		nd_s(nd, ")\n    ");
		if (truncated) {
			addrs(nd, bp);
			nd_s(nd, ": ");
			nd_print_trunc(nd);
			return;
		}
	}

	struct ip_ctx ip = {
		.ver = 4, .hdr = bp, .src = bp + 12, .dst = bp + 16, .nh = proto,
		.len = plen, .fragmented = (off & (IP_MF | IP_OFFMASK)) != 0,
	};
	if ((off & IP_OFFMASK) == 0) {
		if (proto != 6 && proto != 17 && proto != 132 && proto != 33) {
			addrs(nd, bp);
			nd_s(nd, ": ");
		}
		ip_demux(nd, bp + hlen, plen, &ip);
	} else {
		if (nd->opt->qflag > 1)
			return;
		addrs(nd, bp);
		nd_c(nd, ':');
		nd_printf(nd, " ip-proto-%u", proto);
	}
}

void ip_demux(nd_t *nd, const uint8_t *p, unsigned len, const struct ip_ctx *ip)
{
	ipproto_fn fn = dispatch_ipproto(ip->nh);
	if (fn && ++nd->depth <= ND_MAX_DEPTH) {
		fn(nd, p, len, ip);
		nd->depth--;
		return;
	}
	nd_printf(nd, " ip-proto-%u %u", ip->nh, len);
}

unsigned raw_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	(void)caplen;
	if (nd->opt->eflag)
		nd_s(nd, "ip: ");
	unsigned ver = nd_u8(nd, p) >> 4;
	if (ver == 6)
		ip6_print(nd, p, len);
	else
		ip_print(nd, p, len);
	return 0;
}

unsigned ipv4_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	(void)caplen;
	ip_print(nd, p, len);
	return 0;
}
