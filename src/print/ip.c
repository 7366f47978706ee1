/* ip.c - IPv4: header, -v fields, options, checksum, fragments, payload. */
#include "../core/ipproto.h"
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

/* " NAME" unless -n (when the protocol has a name), else " ip-proto-N". */
static void proto_word(nd_t *nd, unsigned proto)
{
	const char *name = nd->opt->nflag ? NULL : ipproto_netdb(proto);
	if (name) {
		nd_c(nd, ' ');
		nd_s(nd, name);
		return;
	}
	nd_s(nd, " ip-proto-");
	nd_u(nd, proto);
}

/* The value the checksum field should have held, given the field and the
 * checksum computed over the data including it. */
static unsigned ip_sum_shouldbe(unsigned field, unsigned computed)
{
	uint32_t s = (uint32_t)field + computed;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return s & 0xffff;
}

void ip_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "ip");
	unsigned ver = nd_u8(nd, bp) >> 4;
	if (ver != 4) {
		if (ver == 6)
			nd_s(nd, "IP6, wrong link-layer encapsulation");
		else {
			nd_s(nd, "IP");
			nd_u(nd, ver);
		}
		nd_print_invalid(nd);
		return;
	}
	if (!nd->opt->eflag)
		nd_s(nd, "IP ");
	if (!nd_has(nd, bp, IP_HDRLEN)) {
		nd_print_trunc(nd); /* marked here; the caller goes on */
		return;
	}
	if (length < IP_HDRLEN) {
		nd_s(nd, "truncated-ip ");
		nd_u(nd, length);
		return;
	}
	unsigned hlen = (bp[0] & 15) * 4u;
	if (hlen < IP_HDRLEN) {
		nd_s(nd, "bad-hlen ");
		nd_u(nd, hlen);
		return;
	}
	unsigned totlen = nd_be16(nd, bp + 2);
	if (length < totlen) {
		nd_s(nd, "truncated-ip - ");
		nd_u(nd, totlen - length);
		nd_s(nd, " bytes missing! ");
	}
	if (totlen < hlen) {
		nd_s(nd, "bad-len ");
		nd_u(nd, totlen);
		return;
	}
	const uint8_t *saved_end = nd_narrow(nd, bp, length < totlen ? length : totlen);
	unsigned plen = totlen - hlen;
	unsigned off = nd_be16(nd, bp + 6);
	unsigned proto = bp[9];

	if (nd->opt->vflag) {
		unsigned tos = bp[1];
		nd_s(nd, "(tos 0x");
		out_x(nd->out, tos, 1);
		static const char *const ecn[4] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
		nd_s(nd, ecn[tos & 3]);
		unsigned ttl = bp[8];
		if (ttl >= 1) {
			nd_s(nd, ", ttl ");
			nd_u(nd, ttl);
		}
		nd_s(nd, ", id ");
		nd_u(nd, nd_be16(nd, bp + 4));
		nd_s(nd, ", offset ");
		nd_u(nd, (off & IP_OFFMASK) * 8u);
		nd_s(nd, ", ");
		ip_flags(nd, off);
		const char *pn = ipproto_print(proto);
		nd_s(nd, ", proto ");
		nd_s(nd, pn ? pn : "unknown");
		nd_s(nd, " (");
		nd_u(nd, proto);
		nd_s(nd, "), length ");
		nd_u(nd, totlen);
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
				{
					unsigned v0 = ip_sum_shouldbe(ipsum, sum);
					nd_s(nd, ", bad cksum ");
					out_x(nd->out, ipsum, 0);
					nd_s(nd, " (->");
					out_x(nd->out, v0, 0);
					nd_s(nd, ")!");
				}
			}
		}
		nd_s(nd, ")\n    ");
		if (truncated) {
			addrs(nd, bp);
			nd_s(nd, ": ");
			nd_print_trunc(nd);
			nd_restore(nd, saved_end);
			return;
		}
	}

	struct ip_ctx ip = {
		.ver = 4, .hdr = bp, .src = bp + 12, .dst = bp + 16, .nh = proto,
		.len = plen, .fragmented = (off & IP_MF) != 0,
	};
	if ((off & IP_OFFMASK) == 0) {
		if (proto != 6 && proto != 17 && proto != 132 && proto != 33) {
			addrs(nd, bp);
			nd_s(nd, ": ");
		}
		if (!nd_has(nd, bp, hlen)) {
			{
				unsigned v0 = (unsigned)nd_avail(nd, bp);
				nd_s(nd, " [remaining caplen(");
				nd_u(nd, v0);
				nd_s(nd, ") < header length(");
				nd_u(nd, hlen);
				nd_s(nd, ")]");
			}
			nd_trunc(nd);
		}
		ip_demux(nd, bp + hlen, plen, &ip);
	} else {
		if (nd->opt->qflag > 1) {
			nd_restore(nd, saved_end);
			return;
		}
		addrs(nd, bp);
		nd_c(nd, ':');
		proto_word(nd, proto);
	}
	nd_restore(nd, saved_end);
}

/* "[ICMP requires IPv4] (invalid)" */
static void wrong_version(nd_t *nd, unsigned nh, const char *need)
{
	const char *pn = ipproto_print(nh);
	nd_c(nd, '[');
	nd_s(nd, pn ? pn : "unknown");
	nd_s(nd, " requires ");
	nd_s(nd, need);
	nd_c(nd, ']');
	nd_print_invalid(nd);
}

void ip_demux(nd_t *nd, const uint8_t *p, unsigned len, const struct ip_ctx *ip)
{
	switch (ip->nh) {
	case 1:  /* ICMP */
	case 2:  /* IGMP */
		if (ip->ver != 4) {
			wrong_version(nd, ip->nh, "IPv4");
			return;
		}
		break;
	case 58: /* ICMPv6 */
	case 143: /* Ethernet */
		if (ip->ver != 6) {
			wrong_version(nd, ip->nh, "IPv6");
			return;
		}
		break;
	case 59:
		nd_s(nd, "no next header");
		return;
	case 77:
		nd_s(nd, " nd ");
		nd_u(nd, len);
		return;
	default:
		break;
	}
	ipproto_fn fn = dispatch_ipproto(ip->nh);
	if (fn && nd->depth < ND_MAX_DEPTH) {
		nd->depth++;
		fn(nd, p, len, ip);
		nd->depth--;
		return;
	}
	proto_word(nd, ip->nh);
	nd_c(nd, ' ');
	nd_u(nd, len);
}

/* IP in IP (protocol 4): the inner datagram printed as any other. */
void ipip_print(nd_t *nd, const uint8_t *p, unsigned len,
                const struct ip_ctx *ip)
{
	(void)ip;
	ip_print(nd, p, len);
}

unsigned raw_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	(void)caplen;
	if (nd->opt->eflag)
		nd_s(nd, "ip: ");
	unsigned ver = nd_u8(nd, p) >> 4;
	if (ver == 6)
		ip6_print(nd, p, len);
	else if (ver == 4)
		ip_print(nd, p, len);
	else {
		nd_s(nd, "unknown ip ");
		nd_u(nd, ver);
	}
	return 0;
}

