/* icmp.c - ICMP (RFC 792 and successors), with the quoted datagram of error
 * messages at -v and the RFC 4884/4950 multi-part extensions. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

/* tcpdump formats the description into a buffer of 164 bytes before
 * printing any of it; longer descriptions are cut there. */
#define ICMP_TEXT_MAX 163

enum {
	ECHOREPLY = 0, UNREACH = 3, SOURCEQUENCH = 4, REDIRECT = 5, ECHO = 8,
	ROUTERADVERT = 9, ROUTERSOLICIT = 10, TIMXCEED = 11, PARAMPROB = 12,
	TSTAMP = 13, TSTAMPREPLY = 14, IREQ = 15, IREQREPLY = 16,
	MASKREQ = 17, MASKREPLY = 18,
};

static const char *const unreach_fmt[] = {
	[0] = "net %s unreachable",
	[1] = "host %s unreachable",
	[5] = "%s unreachable - source route failed",
	[6] = "net %s unreachable - unknown",
	[7] = "host %s unreachable - unknown",
	[8] = "%s unreachable - source host isolated",
	[9] = "net %s unreachable - admin prohibited",
	[10] = "host %s unreachable - admin prohibited",
	[11] = "net %s unreachable - tos prohibited",
	[12] = "host %s unreachable - tos prohibited",
	[13] = "host %s unreachable - admin prohibited filter",
	[14] = "host %s unreachable - host precedence violation",
	[15] = "host %s unreachable - precedence cutoff",
};

static const char *simple_name(unsigned type)
{
	switch (type) {
	case ECHOREPLY: return "echo reply";
	case SOURCEQUENCH: return "source quench";
	case ECHO: return "echo request";
	case ROUTERSOLICIT: return "router solicitation";
	case TSTAMP: return "time stamp request";
	case TSTAMPREPLY: return "time stamp reply";
	case IREQ: return "information request";
	case IREQREPLY: return "information reply";
	case MASKREQ: return "address mask request";
	default: return NULL;
	}
}

/* Prints fmt with its one "%s" replaced by the address at a. */
static void fmt_addr(nd_t *nd, const char *fmt, const uint8_t *a)
{
	const char *s = strstr(fmt, "%s");
	out_mem(nd->out, fmt, (size_t)(s - fmt));
	put_ip4(nd, a);
	nd_s(nd, s + 2);
}

/* Milliseconds since midnight UT as hh:mm:ss.mmm. */
static void put_tstamp(nd_t *nd, uint32_t t)
{
	unsigned ms = t % 1000, sec = t / 1000;
	unsigned min = sec / 60, hrs;
	sec -= min * 60;
	hrs = min / 60;
	min -= hrs * 60;
	out_uw(nd->out, hrs, 2, '0');
	nd_c(nd, ':');
	out_uw(nd->out, min, 2, '0');
	nd_c(nd, ':');
	out_uw(nd->out, sec, 2, '0');
	nd_c(nd, '.');
	out_uw(nd->out, ms, 3, '0');
}

static int router_advert(nd_t *nd, const uint8_t *bp, size_t start)
{
	nd_s(nd, "router advertisement lifetime ");
	if (!nd_has(nd, bp + 4, 4))
		return 1;
	unsigned life = nd_be16(nd, bp + 6);
	if (life < 60)
		nd_u(nd, life);
	else if (life < 3600) {
		nd_u(nd, life / 60);
		nd_c(nd, ':');
		out_uw(nd->out, life % 60, 2, '0');
	} else {
		nd_u(nd, life / 3600);
		nd_c(nd, ':');
		out_uw(nd->out, (life % 3600) / 60, 2, '0');
		nd_c(nd, ':');
		out_uw(nd->out, life % 60, 2, '0');
	}
	unsigned num = nd_u8(nd, bp + 4);
	nd_c(nd, ' ');
	nd_u(nd, num);
	nd_c(nd, ':');
	unsigned size = nd_u8(nd, bp + 5);
	if (size != 2) {
		nd_s(nd, " [size ");
		nd_u(nd, size);
		nd_c(nd, ']');
		return 0;
	}
	const uint8_t *e = bp + 8;
	for (; num > 0; num--, e += 8) {
		if (!nd_has(nd, e, 8))
			return 1;
		if (nd->out->len - start > ICMP_TEXT_MAX)
			continue; /* cut anyway: only check the bytes */
		nd_s(nd, " {");
		put_ip4(nd, e);
		nd_c(nd, ' ');
		nd_u(nd, nd_be32(nd, e + 4));
		nd_c(nd, '}');
	}
	return 0;
}

/* The description after "ICMP ".  May unwind; the caller then drops what
 * was written.  Returns 1 where tcpdump checks the bytes itself and marks
 * the truncation without unwinding (the caller then goes on). */
static int icmp_text(nd_t *nd, const uint8_t *bp, unsigned type,
                     unsigned code, size_t start)
{
	const char *s;
	switch (type) {
	case ECHO:
	case ECHOREPLY:
		nd_need(nd, bp + 4, 4);
		{
			unsigned v0 = nd_be16(nd, bp + 4);
			unsigned v1 = nd_be16(nd, bp + 6);
			nd_s(nd, "echo ");
			nd_s(nd, type == ECHO ? "request" : "reply");
			nd_s(nd, ", id ");
			nd_u(nd, v0);
			nd_s(nd, ", seq ");
			nd_u(nd, v1);
		}
		return 0;
	case UNREACH:
		switch (code) {
		case 2:
			nd_need(nd, bp + 8 + 9, 1);
			nd_need(nd, bp + 8 + 16, 4);
			put_ip4(nd, bp + 24);
			nd_s(nd, " protocol ");
			nd_u(nd, bp[17]);
			nd_s(nd, " unreachable");
			return 0;
		case 3: {
			if (!nd_has(nd, bp + 8 + 9, 1))
				return 1;
			unsigned hlen = (nd_u8(nd, bp + 8) & 15) * 4u;
			unsigned dport = nd_be16(nd, bp + 8 + hlen + 2);
			unsigned proto = bp[17];
			nd_need(nd, bp + 24, 4);
			put_ip4(nd, bp + 24);
			if (proto == 6) {
				nd_s(nd, " tcp port ");
				put_tcpport(nd, dport);
			} else if (proto == 17) {
				nd_s(nd, " udp port ");
				put_udpport(nd, dport);
			} else {
				nd_s(nd, " protocol ");
				nd_u(nd, proto);
				nd_s(nd, " port ");
				nd_u(nd, dport);
			}
			nd_s(nd, " unreachable");
			return 0;
		}
		case 4: {
			unsigned mtu = nd_be16(nd, bp + 6);
			nd_need(nd, bp + 24, 4);
			put_ip4(nd, bp + 24);
			nd_s(nd, " unreachable - need to frag");
			if (mtu) {
				nd_s(nd, " (mtu ");
				nd_u(nd, mtu);
				nd_c(nd, ')');
			}
			return 0;
		}
		default:
			nd_need(nd, bp + 24, 4);
			if (code < sizeof unreach_fmt / sizeof unreach_fmt[0] &&
			    unreach_fmt[code]) {
				fmt_addr(nd, unreach_fmt[code], bp + 24);
			} else {
				put_ip4(nd, bp + 24);
				nd_s(nd, " unreachable - #");
				nd_u(nd, code);
			}
			return 0;
		}
	case REDIRECT:
		nd_need(nd, bp + 24, 4);
		nd_need(nd, bp + 4, 4);
		switch (code) {
		case 0: s = "redirect "; break;
		case 1: s = "redirect "; break;
		case 2: s = "redirect-tos "; break;
		case 3: s = "redirect-tos "; break;
		default: s = NULL; break;
		}
		if (s)
			nd_s(nd, s);
		else {
			nd_s(nd, "redirect-#");
			nd_u(nd, code);
			nd_c(nd, ' ');
		}
		put_ip4(nd, bp + 24);
		nd_s(nd, code > 3 ? " to " : (code & 1) ? " to host " : " to net ");
		put_ip4(nd, bp + 4);
		return 0;
	case ROUTERADVERT:
		return router_advert(nd, bp, start);
	case TIMXCEED:
		if (!nd_has(nd, bp + 24, 4))
			return 1;
		if (code == 0)
			nd_s(nd, "time exceeded in-transit");
		else if (code == 1)
			nd_s(nd, "ip reassembly time exceeded");
		else {
			nd_s(nd, "time exceeded-#");
			nd_u(nd, code);
		}
		return 0;
	case PARAMPROB:
		if (code) {
			nd_s(nd, "parameter problem - code ");
			nd_u(nd, code);
		} else {
			unsigned v0 = nd_u8(nd, bp + 4);
			nd_s(nd, "parameter problem - octet ");
			nd_u(nd, v0);
		}
		return 0;
	case MASKREPLY:
		{
			unsigned v0 = nd_be32(nd, bp + 8);
			nd_s(nd, "address mask is 0x");
			out_x(nd->out, v0, 8);
		}
		return 0;
	case TSTAMP:
		nd_need(nd, bp + 4, 4);
		{
			unsigned v0 = nd_be16(nd, bp + 4);
			unsigned v1 = nd_be16(nd, bp + 6);
			nd_s(nd, "time stamp query id ");
			nd_u(nd, v0);
			nd_s(nd, " seq ");
			nd_u(nd, v1);
		}
		return 0;
	case TSTAMPREPLY:
		if (!nd_has(nd, bp + 16, 4))
			return 1;
		nd_need(nd, bp + 4, 16);
		{
			unsigned v0 = nd_be16(nd, bp + 4);
			unsigned v1 = nd_be16(nd, bp + 6);
			nd_s(nd, "time stamp reply id ");
			nd_u(nd, v0);
			nd_s(nd, " seq ");
			nd_u(nd, v1);
			nd_s(nd, ": org ");
		}
		put_tstamp(nd, nd_be32(nd, bp + 8));
		nd_s(nd, ", recv ");
		put_tstamp(nd, nd_be32(nd, bp + 12));
		nd_s(nd, ", xmit ");
		put_tstamp(nd, nd_be32(nd, bp + 16));
		return 0;
	default:
		s = simple_name(type);
		if (s)
			nd_s(nd, s);
		else {
			nd_s(nd, "type-#");
			nd_u(nd, type);
		}
		return 0;
	}
}

static unsigned sum_shouldbe(unsigned field, unsigned computed)
{
	uint32_t s = (uint32_t)field + computed;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return s & 0xffff;
}

static const char *ext_class_name(unsigned c)
{
	switch (c) {
	case 1: return "MPLS Stack Entry";
	case 2: return "Interface Identification";
	case 3: return "Interface Information";
	default: return "unknown";
	}
}

/* RFC 4884 extension structure after the 128-byte original datagram. */
#define EXT_OFF 136

static void icmp_ext(nd_t *nd, const uint8_t *bp, unsigned plen)
{
	if (!nd_has(nd, bp, EXT_OFF + 5)) { /* header plus one data byte */
		nd_print_trunc(nd);
		return;
	}
	const uint8_t *ext = bp + EXT_OFF;
	if (bp[5] == 0 && nd_has(nd, ext, plen - EXT_OFF) &&
	    in_cksum(ext, plen - EXT_OFF, 0) != 0)
		return;
	unsigned ver = ext[0] >> 4;
	nd_s(nd, "\n\tICMP Multi-Part extension v");
	nd_u(nd, ver);
	if (ver != 2) {
		nd_s(nd, " packet not supported");
		return;
	}
	unsigned hlen = plen - EXT_OFF;
	if (nd_has(nd, ext, hlen)) {
		unsigned v0 = nd_be16(nd, ext + 2);
		const char *v1 = in_cksum(ext, hlen, 0) ? "in" : "";
		nd_s(nd, ", checksum 0x");
		out_x(nd->out, v0, 4);
		nd_s(nd, " (");
		nd_s(nd, v1);
		nd_s(nd, "correct), length ");
		nd_u(nd, hlen);
	}
	hlen -= 4;
	const uint8_t *o = ext + 4;
	while (hlen > 4) {
		if (!nd_has(nd, o, 4)) {
			nd_print_trunc(nd);
			return;
		}
		unsigned olen = nd_be16(nd, o);
		unsigned cls = o[2], ctype = o[3];
		o += 4;
		{
			const char *v0 = ext_class_name(cls);
			nd_s(nd, "\n\t  ");
			nd_s(nd, v0);
			nd_s(nd, " Object (");
			nd_u(nd, cls);
			nd_s(nd, "), Class-Type: ");
			nd_u(nd, ctype);
			nd_s(nd, ", length ");
			nd_u(nd, olen);
		}
		if (cls == 0 || olen < 4)
			return;
		olen -= 4;
		hlen -= 4;
		if (cls == 1 && ctype == 1) {
			uint32_t e = nd_be32(nd, o);
			nd_s(nd, "\n\t    label ");
			nd_u(nd, e >> 12);
			nd_s(nd, ", tc ");
			nd_u(nd, (e >> 9) & 7);
			if (e & 0x100)
				nd_s(nd, ", [S]");
			nd_s(nd, ", ttl ");
			nd_u(nd, e & 0xff);
		} else {
			size_t avail = nd_avail(nd, o);
			hex_dump(nd->out, "\n\t    ", o,
				 olen < avail ? olen : (unsigned)avail, 0);
		}
		if (hlen < olen)
			break;
		hlen -= olen;
		o += olen;
	}
}

struct icmp_text_call {
	const uint8_t *bp;
	unsigned type, code;
	size_t start;
	int local;
};

static void icmp_text_run(nd_t *nd, void *arg)
{
	struct icmp_text_call *c = arg;
	c->local = icmp_text(nd, c->bp, c->type, c->code, c->start);
}

static int icmp_head(nd_t *nd, const uint8_t *bp, unsigned type,
                     unsigned code)
{
	struct out *o = nd->out;
	out_reserve(o, 2048); /* no flush while the text may be rolled back */
	const size_t start = o->len;
	out_s(o, "ICMP ");
	struct icmp_text_call c = { bp, type, code, start + 5, 0 };
	if (nd_try(nd, icmp_text_run, &c)) {
		o->len = start;
		nd_trunc(nd);
	}
	if (c.local) {
		o->len = start;
		nd_print_trunc(nd);
		return 1;
	}
	if (o->len - (start + 5) > ICMP_TEXT_MAX)
		o->len = start + 5 + ICMP_TEXT_MAX;
	return 0;
}

void icmp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip)
{
	nd_proto(nd, "icmp");
	unsigned type = nd_u8(nd, bp), code = nd_u8(nd, bp + 1);
	if (icmp_head(nd, bp, type, code))
		return;
	nd_s(nd, ", length ");
	nd_u(nd, length);
	if (!nd->opt->vflag)
		return;
	if (!ip->fragmented && nd_has(nd, bp, length)) {
		uint16_t sum = in_cksum(bp, length, 0);
		if (sum != 0) {
			unsigned field = nd_be16(nd, bp + 2);
			{
				unsigned v0 = sum_shouldbe(field, sum);
				nd_s(nd, " (wrong icmp cksum ");
				out_x(nd->out, field, 0);
				nd_s(nd, " (->");
				out_x(nd->out, v0, 0);
				nd_s(nd, ")!)");
			}
		}
	}
	if (type == UNREACH || type == SOURCEQUENCH || type == REDIRECT ||
	    type == TIMXCEED || type == PARAMPROB) {
		const uint8_t *in = bp + 8;
		nd_s(nd, "\n\t");
		unsigned ilen = nd_be16(nd, in + 2);
		const uint8_t *old = nd_narrow(nd, in, ilen);
		/* tcpdump reads the length again within the narrowed end */
		ip_print(nd, in, nd_be16(nd, in + 2));
		nd_restore(nd, old);
	}
	nd_proto(nd, "icmp");
	if (length > EXT_OFF &&
	    (type == UNREACH || type == TIMXCEED || type == PARAMPROB))
		icmp_ext(nd, bp, length);
}
