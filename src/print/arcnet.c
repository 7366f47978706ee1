/* arcnet.c - ARCNET link layers: plain ARCNET (DLT 7, RFC 1051/1201
 * headers) and Linux ARCNET (DLT 129).
 *
 * Plain ARCNET: source, destination, protocol id; the RFC 1201 protocols
 * (all but the old IP/ARP and diagnostics ids) add a split flag and a
 * sequence number, and a flag of 0xff marks an exception packet whose
 * real flag and sequence number come four bytes later.  A non-first
 * fragment's payload is not decoded.  Linux ARCNET: source, destination,
 * two bytes of offset, protocol id, then flag and sequence number for the
 * RFC 1201 protocols.  With -e the header is "src dst proto length: "; for
 * Linux ARCNET tcpdump 4.99.3 names the protocol from the third byte (part
 * of the offset), which is reproduced. */
#include "print.h"

static const char *arc_type_name(unsigned t)
{
	switch (t) {
	case 0x80: return "diag";
	case 0xc4: return "ipv6";
	case 0xd4: return "ip";
	case 0xd5: return "arp";
	case 0xd6: return "rarp";
	case 0xdd: return "atalk";
	case 0xf0: return "oldip";
	case 0xf1: return "oldarp";
	case 0xf7: return "banyan";
	case 0xfa: return "ipx";
	}
	return NULL;
}

/* The RFC 1051 ids carry no split flag or sequence number. */
static int arc_phase1(unsigned t)
{
	return t == 0xf0 || t == 0xf1 || t == 0x80;
}

static void arc_head(nd_t *nd, const uint8_t *p, unsigned type, unsigned len)
{
	const char *n = arc_type_name(type);
	nd_printf(nd, "%02x %02x", p[0], p[1]);
	if (nd->opt->qflag)
		return;
	if (n) {
		nd_c(nd, ' ');
		nd_s(nd, n);
	} else {
		nd_printf(nd, " %02x", type);
	}
	(void)len;
}

/* The payload by protocol id; 0 when it is not decoded. */
static int arc_payload(nd_t *nd, unsigned type, const uint8_t *p, unsigned len)
{
	switch (type) {
	case 0xf0:
	case 0xd4:
		ip_print(nd, p, len);
		return 1;
	case 0xc4:
		ip6_print(nd, p, len);
		return 1;
	case 0xf1:
	case 0xd5:
	case 0xd6:
		arp_print(nd, p, len);
		return 1;
	case 0xdd:
		atalk_print(nd, p, len);
		return 1;
	case 0xfa:
		ipx_print(nd, p, len);
		return 1;
	}
	return 0;
}

static void arc_body(nd_t *nd, unsigned type, const uint8_t *p,
                     unsigned caplen, unsigned len)
{
	/* tcpdump dumps an unknown payload even with -x */
	if (!arc_payload(nd, type, p, len))
		link_default_print(nd, p, caplen);
}

unsigned arcnet_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                         unsigned len)
{
	nd_proto(nd, "arcnet");
	if (caplen < 3 || !nd_has(nd, p, 3)) {
		nd_trunc(nd);
	}
	unsigned type = p[2], hdr = 3, flag = 0, seqid = 0;
	int phds = !arc_phase1(type);
	if (phds) {
		if (caplen < 6 || !nd_has(nd, p, 6)) {
			arc_head(nd, p, type, len);
			nd_printf(nd, " %u: ", len);
			nd_s(nd, " phds");
			nd_trunc(nd);
		}
		flag = p[3];
		if (flag == 0xff) {
			if (caplen < 10 || !nd_has(nd, p, 10)) {
				arc_head(nd, p, type, len);
				nd_printf(nd, " %u: ", len);
				nd_s(nd, " phds extended");
				nd_trunc(nd);
			}
			flag = p[7];
			seqid = (unsigned)p[8] << 8 | p[9];
			hdr = 10;
		} else {
			seqid = (unsigned)p[4] << 8 | p[5];
			hdr = 6;
		}
	}
	if (nd->opt->eflag) {
		arc_head(nd, p, type, len);
		if (phds && !nd->opt->qflag) {
			nd_printf(nd, " seqid %04x", seqid);
			if (flag & 1)
				nd_printf(nd, " (first of %u fragments)", (flag + 3) / 2);
			else if (flag)
				nd_printf(nd, " (fragment %u)", flag / 2 + 1);
		}
		nd_printf(nd, " %u: ", len);
	}
	if (phds && flag && !(flag & 1))
		return hdr; /* a later fragment: its payload is not decoded */
	arc_body(nd, type, p + hdr, caplen - hdr, len - hdr);
	return hdr;
}

unsigned arcnet_linux_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                               unsigned len)
{
	nd_proto(nd, "arcnet_linux");
	if (caplen < 5 || !nd_has(nd, p, 5)) {
		nd_trunc(nd);
	}
	unsigned type = p[4], hdr = 5;
	if (!arc_phase1(type)) {
		if (caplen < 8 || !nd_has(nd, p, 8)) {
			nd_trunc(nd);
		}
		hdr = 8;
	}
	if (nd->opt->eflag) {
		arc_head(nd, p, p[2], len);
		nd_printf(nd, " %u: ", len);
	}
	arc_body(nd, type, p + hdr, caplen - hdr, len - hdr);
	return hdr;
}
