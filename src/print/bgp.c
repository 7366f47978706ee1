/* bgp.c - BGP-4 (RFC 4271, TCP 179) with multiprotocol extensions
 * (RFC 4760), capabilities, communities and the common address families.
 *
 * Without -v only ": BGP" is printed.  With -v every message found in the
 * segment is decoded, each on its own "\n\t" line; a message the capture
 * does not hold completely ends the output with "[|BGP <type>]". */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define BGP_HDRLEN 19

static const struct tok msg_names[] = {
	{ 1, "Open" }, { 2, "Update" }, { 3, "Notification" },
	{ 4, "Keepalive" }, { 5, "Route Refresh" }, { 0, NULL },
};

static const struct tok safi_names[] = {
	{ 0, "Reserved" }, { 1, "Unicast" }, { 2, "Multicast" },
	{ 3, "Unicast+Multicast" }, { 4, "labeled Unicast" },
	{ 5, "Multicast VPN" }, { 64, "Tunnel" }, { 65, "VPLS" }, { 66, "MDT" },
	{ 70, "EVPN" }, { 128, "labeled VPN Unicast" },
	{ 129, "labeled VPN Multicast" }, { 130, "labeled VPN Unicast+Multicast" },
	{ 132, "Route Target Routing Information" }, { 0, NULL },
};

static const struct tok cap_names[] = {
	{ 1, "Multiprotocol Extensions" }, { 2, "Route Refresh" },
	{ 3, "Cooperative Route Filtering" },
	{ 4, "Multiple Routes to a Destination" },
	{ 5, "Extended Next Hop Encoding" }, { 8, "Multiple Labels" },
	{ 64, "Graceful Restart" }, { 65, "32-Bit AS Number" },
	{ 67, "Dynamic Capability" }, { 68, "Multisession BGP" },
	{ 69, "Multiple Paths" }, { 70, "Enhanced Route Refresh" },
	{ 71, "Long-lived Graceful Restart" }, { 128, "Route Refresh (Cisco)" },
	{ 0, NULL },
};

static const struct tok attr_names[] = {
	{ 1, "Origin" }, { 2, "AS Path" }, { 3, "Next Hop" },
	{ 4, "Multi Exit Discriminator" }, { 5, "Local Preference" },
	{ 6, "Atomic Aggregate" }, { 7, "Aggregator" }, { 8, "Community" },
	{ 9, "Originator ID" }, { 10, "Cluster List" }, { 11, "DPA" },
	{ 12, "Advertisers" }, { 13, "RCID Path / Cluster ID" },
	{ 14, "Multi-Protocol Reach NLRI" }, { 15, "Multi-Protocol Unreach NLRI" },
	{ 16, "Extended Community" }, { 17, "AS4 Path" }, { 18, "Aggregator4" },
	{ 22, "PMSI Tunnel" }, { 23, "Tunnel Encapsulation" },
	{ 24, "Traffic Engineering" }, { 25, "IPv6 Extended Community" },
	{ 26, "Accumulated IGP Metric" }, { 27, "PE Distinguisher Label" },
	{ 28, "Entropy Label" }, { 32, "Large Community" },
	{ 128, "Attribute Set" }, { 255, "Reserved for development" },
	{ 0, NULL },
};

static const struct tok notif_names[] = {
	{ 1, "Message Header Error" }, { 2, "OPEN Message Error" },
	{ 3, "UPDATE Message Error" }, { 4, "Hold Timer Expired" },
	{ 5, "Finite State Machine Error" }, { 6, "Cease" },
	{ 7, "Capability Message Error" }, { 0, NULL },
};

static const struct tok notif_hdr_sub[] = {
	{ 1, "Connection Not Synchronized" }, { 2, "Bad Message Length" },
	{ 3, "Bad Message Type" }, { 0, NULL },
};

static const struct tok notif_open_sub[] = {
	{ 1, "Unsupported Version Number" }, { 2, "Bad Peer AS" },
	{ 3, "Bad BGP Identifier" }, { 4, "Unsupported Optional Parameter" },
	{ 5, "Authentication Failure" }, { 6, "Unacceptable Hold Time" },
	{ 7, "Capability Message Error" }, { 0, NULL },
};

static const struct tok notif_update_sub[] = {
	{ 1, "Malformed Attribute List" },
	{ 2, "Unrecognized Well-known Attribute" },
	{ 3, "Missing Well-known Attribute" }, { 4, "Attribute Flags Error" },
	{ 5, "Attribute Length Error" }, { 6, "Invalid ORIGIN Attribute" },
	{ 7, "AS Routing Loop" }, { 8, "Invalid NEXT_HOP Attribute" },
	{ 9, "Optional Attribute Error" }, { 10, "Invalid Network Field" },
	{ 11, "Malformed AS_PATH" }, { 0, NULL },
};

static const struct tok notif_fsm_sub[] = {
	{ 0, "Unspecified Error" }, { 1, "In OpenSent State" },
	{ 2, "In OpenConfirm State" }, { 3, "In Established State" },
	{ 0, NULL },
};

static const struct tok notif_cease_sub[] = {
	{ 1, "Maximum Number of Prefixes Reached" },
	{ 2, "Administrative Shutdown" }, { 3, "Peer Unconfigured" },
	{ 4, "Administrative Reset" }, { 5, "Connection Rejected" },
	{ 6, "Other Configuration Change" },
	{ 7, "Connection Collision Resolution" }, { 0, NULL },
};

static const struct tok notif_cap_sub[] = {
	{ 1, "Invalid Action Value" }, { 2, "Invalid Capability Length" },
	{ 3, "Malformed Capability Value" },
	{ 4, "Unsupported Capability Code" }, { 0, NULL },
};

static const struct tok origin_names[] = {
	{ 0, "IGP" }, { 1, "EGP" }, { 2, "Incomplete" }, { 0, NULL },
};

static const char *afi_name(unsigned afi)
{
	return afnum_name(afi) ? afnum_name(afi) : "Unknown AFI";
}

static const char *safi_name(unsigned safi)
{
	return tok_name_or(safi_names, safi, "Unknown SAFI");
}

/* An AS number, plain or (-b) asdot. */
static void put_as(nd_t *nd, uint32_t as)
{
	if (nd->opt->bflag && as > 0xffff) {
		nd_u(nd, as >> 16);
		nd_c(nd, '.');
		nd_u(nd, as & 0xffff);
	} else
		nd_u(nd, as);
}

static void put_ip4_at(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	put_ip4(nd, p);
}

static void put_ip6_at(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 16);
	put_ip6(nd, p);
}

/* An address rebuilt in a local buffer (a prefix padded with zeros): the
 * name printers read only packet memory, so let them see this buffer. */
static void put_addr_buf(nd_t *nd, const uint8_t *a, int v6)
{
	const uint8_t *pkt = nd->pkt, *end = nd->end;
	nd->pkt = a;
	nd->end = a + (v6 ? 16 : 4);
	if (v6)
		put_ip6(nd, a);
	else
		put_ip4(nd, a);
	nd->pkt = pkt;
	nd->end = end;
}

static void hexdump_at(nd_t *nd, const char *ident, const uint8_t *p,
                       unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
	if (len > avail)
		nd_trunc(nd);
}

/* Route distinguisher (RFC 4364): type, then administrator and number.
 * Shared with LSP ping's VPN sub-TLVs. */
void put_rd(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	unsigned type = nd_be16(nd, p);
	switch (type) {
	case 0:
		{
			unsigned v0 = nd_be32(nd, p + 4);
			nd_u(nd, nd_be16(nd, p + 2));
			nd_c(nd, ':');
			nd_u(nd, v0);
			nd_s(nd, " (= ");
		}
		put_ip4(nd, p + 4);
		nd_c(nd, ')');
		break;
	case 1:
		put_ip4(nd, p + 2);
		{
			unsigned v0 = nd_be16(nd, p + 6);
			nd_c(nd, ':');
			nd_u(nd, v0);
		}
		break;
	case 2: /* 4-byte AS, then the same six bytes as an address and number */
		put_as(nd, nd_be32(nd, p + 2));
		{
			unsigned v0 = nd_be16(nd, p + 6);
			nd_c(nd, ':');
			nd_u(nd, v0);
			nd_s(nd, " (");
		}
		put_ip4(nd, p + 2);
		{
			unsigned v0 = nd_be16(nd, p + 6);
			nd_c(nd, ':');
			nd_u(nd, v0);
			nd_c(nd, ')');
		}
		break;
	default:
		nd_s(nd, "unknown RD format");
		break;
	}
}

/* IPv4/IPv6 prefix: length byte then the significant octets.  Returns the
 * bytes used, or -1 when the prefix length is impossible. */
static int put_prefix(nd_t *nd, const uint8_t *p, unsigned len, int v6)
{
	unsigned maxbits = v6 ? 128 : 32;
	if (len < 1)
		nd_trunc(nd);
	unsigned plen = nd_u8(nd, p);
	if (plen > maxbits)
		return -1;
	unsigned n = (plen + 7) / 8;
	if (1 + n > len)
		nd_trunc(nd);
	uint8_t a[16] = { 0 };
	nd_copy(nd, a, p + 1, n);
	if (plen % 8)
		a[n - 1] &= (uint8_t)(0xff << (8 - plen % 8));
	put_addr_buf(nd, a, v6);
	nd_c(nd, '/');
	nd_u(nd, plen);
	return (int)(1 + n);
}

/* Labeled prefix (RFC 8277): length covers a 3-byte label. */
static int put_labeled_prefix(nd_t *nd, const uint8_t *p, unsigned len,
                              int v6, int with_rd)
{
	unsigned maxbits = (v6 ? 128 : 32) + 24 + (with_rd ? 64 : 0);
	unsigned plen = nd_u8(nd, p);
	if (plen < 24 + (with_rd ? 64u : 0u) || plen > maxbits)
		return -1;
	unsigned bits = plen - 24 - (with_rd ? 64 : 0);
	unsigned n = (bits + 7) / 8;
	unsigned need = 1 + 3 + (with_rd ? 8 : 0) + n;
	if (need > len)
		nd_trunc(nd);
	uint32_t label = nd_be24(nd, p + 1);
	const uint8_t *q = p + 4;
	if (with_rd) {
		nd_s(nd, "RD: ");
		put_rd(nd, q);
		nd_s(nd, ", ");
		q += 8;
	}
	uint8_t a[16] = { 0 };
	nd_copy(nd, a, q, n);
	if (bits % 8)
		a[n - 1] &= (uint8_t)(0xff << (8 - bits % 8));
	put_addr_buf(nd, a, v6);
	nd_c(nd, '/');
	nd_u(nd, bits);
	nd_s(nd, ", label:");
	nd_u(nd, label >> 4);
	nd_c(nd, ' ');
	nd_s(nd, (label & 1) ? "(bottom)" : "(BOGUS: Bottom of Stack NOT set!)");
	return (int)need;
}

/* Route target membership NLRI (RFC 4684). */
static int put_rt_routing(nd_t *nd, const uint8_t *p, unsigned len)
{
	unsigned plen = nd_u8(nd, p);
	if (plen == 0) {
		nd_s(nd, "origin AS: 0, route-target: 0:0/0");
		return 1;
	}
	if (plen < 32 || plen > 96)
		return -1;
	unsigned n = (plen + 7) / 8;
	if (1 + n > len)
		nd_trunc(nd);
	nd_s(nd, "origin AS: ");
	put_as(nd, nd_be32(nd, p + 1));
	uint8_t rt[8] = { 0 };
	unsigned rtbits = plen - 32;
	nd_copy(nd, rt, p + 5, (rtbits + 7) / 8);
	nd_s(nd, ", route-target: ");
	unsigned type = (unsigned)rt[0] << 8 | rt[1];
	switch (type) {
	case 0x0002: case 0x0000:
		nd_u(nd, (unsigned)rt[2] << 8 | rt[3]);
		nd_c(nd, ':');
		nd_u(nd, (unsigned)rt[4] << 24 | (unsigned)rt[5] << 16 |
				  (unsigned)rt[6] << 8 | rt[7]);
		break;
	case 0x0102: case 0x0100:
		nd_u(nd, rt[2]);
		nd_c(nd, '.');
		nd_u(nd, rt[3]);
		nd_c(nd, '.');
		nd_u(nd, rt[4]);
		nd_c(nd, '.');
		nd_u(nd, rt[5]);
		nd_c(nd, ':');
		nd_u(nd, (unsigned)rt[6] << 8 | rt[7]);
		break;
	case 0x0202: case 0x0200:
		put_as(nd, (uint32_t)rt[2] << 24 | (uint32_t)rt[3] << 16 |
				   (uint32_t)rt[4] << 8 | rt[5]);
		nd_c(nd, ':');
		nd_u(nd, (unsigned)rt[6] << 8 | rt[7]);
		break;
	default:
		nd_u(nd, (unsigned)rt[2] << 8 | rt[3]);
		nd_c(nd, ':');
		nd_u(nd, (unsigned)rt[4] << 24 | (unsigned)rt[5] << 16 |
				  (unsigned)rt[6] << 8 | rt[7]);
		break;
	}
	nd_c(nd, '/');
	nd_u(nd, rtbits);
	if (rtbits) {
		nd_s(nd, " (");
		unsigned nb = (rtbits + 7) / 8;
		for (unsigned i = 0; i < nb; i++) {
			if (i && i % 2 == 0)
				nd_c(nd, ' ');
			out_x2(nd->out, rt[i]);
		}
		nd_c(nd, ')');
	}
	return (int)(1 + n);
}

/* Multicast VPN route (RFC 6514): type, length, then per type fields. */
static int put_mvpn(nd_t *nd, const uint8_t *p, unsigned len)
{
	static const struct tok types[] = {
		{ 1, "Intra-AS I-PMSI" }, { 2, "Inter-AS I-PMSI" },
		{ 3, "S-PMSI" }, { 4, "Intra-AS Segment-Leaf" },
		{ 5, "Source-Active" }, { 6, "Shared Tree Join" },
		{ 7, "Source Tree Join" }, { 0, NULL },
	};
	(void)len;
	unsigned type = nd_u8(nd, p), rlen = nd_u8(nd, p + 1);
	{
		const char *v0 = tok_name_or(types, type, "Unknown");
		nd_s(nd, "Route-Type: ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, type);
		nd_s(nd, "), length: ");
		nd_u(nd, rlen);
	}
	const uint8_t *q = p + 2;
	switch (type) {
	case 1:
		if (rlen != 12)
			break;
		nd_need(nd, q, 12);
		nd_s(nd, ", RD: ");
		put_rd(nd, q);
		nd_s(nd, ", Originator ");
		put_ip4(nd, q + 8);
		break;
	case 2:
		if (rlen != 12)
			break;
		nd_need(nd, q, 12);
		nd_s(nd, ", RD: ");
		put_rd(nd, q);
		nd_s(nd, ", Source-AS ");
		put_as(nd, nd_be32(nd, q + 8));
		break;
	case 5: case 6: case 7: {
		unsigned fixed = type == 5 ? 8 : 12;
		if (rlen != fixed + 10)
			break;
		nd_need(nd, q, rlen);
		nd_s(nd, ", RD: ");
		put_rd(nd, q);
		if (type != 5) {
			nd_s(nd, ", Source-AS ");
			put_as(nd, nd_be32(nd, q + 8));
		}
		q += fixed;
		nd_s(nd, ", Source ");
		put_ip4(nd, q + 1);
		nd_s(nd, ", Group ");
		put_ip4(nd, q + 6);
		break;
	}
	}
	return (int)(2 + rlen);
}

/* Whether a run of NLRI parses only with 4-byte path identifiers in front
 * (RFC 7911 add-path), judged as tcpdump does. */
static int looks_add_path(nd_t *nd, const uint8_t *p, unsigned len,
                          unsigned maxbits)
{
	unsigned off;
	if (len < 5)
		return 0;
	/* every entry must parse with a path identifier in front */
	for (off = 0; off < len;) {
		off += 4;
		if (!nd_has(nd, p + off, 1))
			break;
		unsigned plen = p[off];
		if (plen > maxbits)
			return 0;
		off += 1 + (plen + 7) / 8;
	}
	if (off > len)
		return 0;
	/* and must not parse as plain prefixes (a /0 among several counts
	 * as not parsing) */
	for (off = 0; off < len;) {
		if (!nd_has(nd, p + off, 1))
			break;
		unsigned plen = p[off];
		if (plen < 1 || plen > maxbits)
			return 1;
		off += 1 + (plen + 7) / 8;
	}
	return off > len;
}

/* One NLRI entry of the given family; returns bytes used or -1. */
static int put_nlri(nd_t *nd, unsigned afi, unsigned safi, const uint8_t *p,
                    unsigned len)
{
	int v6 = afi == 2;
	switch (safi) {
	case 1: case 2: case 3:
		return put_prefix(nd, p, len, v6);
	case 4:
		return put_labeled_prefix(nd, p, len, v6, 0);
	case 128: case 129: case 130:
		return put_labeled_prefix(nd, p, len, v6, 1);
	case 132:
		return put_rt_routing(nd, p, len);
	case 5:
		return put_mvpn(nd, p, len);
	}
	return -2;
}

static int family_known(unsigned afi, unsigned safi)
{
	if (afi == 1 || afi == 2)
		return safi == 1 || safi == 2 || safi == 3 || safi == 4 ||
		       safi == 5 ||
		       safi == 128 || safi == 129 || safi == 130 ||
		       (afi == 1 && safi == 132);
	return 0;
}

/* Whether the first byte (a prefix length in bits) is possible for the
 * family; tcpdump reports "(illegal prefix length)" otherwise. */
static int nlri_plen_ok(unsigned afi, unsigned safi, unsigned plen)
{
	unsigned addr = afi == 2 ? 128 : 32;
	switch (safi) {
	case 1: case 2: case 3:
		return plen <= addr;
	case 4:
		return plen >= 24 && plen <= addr + 24;
	case 128: case 129: case 130:
		return plen >= 88 && plen <= addr + 88;
	case 132:
		return plen == 0 || (plen >= 32 && plen <= 96);
	}
	return 1;
}

/* Bytes an NLRI entry with this prefix length occupies. */
static unsigned nlri_need(unsigned safi, unsigned plen)
{
	if (safi == 5)
		return 2;
	if (safi == 132 && plen == 0)
		return 1;
	return 1 + (plen + 7) / 8;
}

/* NLRI list of one family, each after prefix.  Like tcpdump, an entry is
 * read as far as the capture goes even past the list's own length; an
 * impossible prefix length ends the list ("(illegal prefix length)"), and
 * for plain prefixes the whole message. */
static void put_nlri_list(nd_t *nd, unsigned afi, unsigned safi,
                          const uint8_t *p, unsigned len, const char *prefix,
                          unsigned itemlen, int quiet_overrun,
                          int trunc_illegal)
{
	unsigned maxbits = afi == 2 ? 128 : 32;
	int plain = safi == 1 || safi == 2 || safi == 3;
	int addpath = plain && looks_add_path(nd, p, len, maxbits);
	while (len > 0) {
		uint32_t pathid = 0;
		unsigned used = 0;
		if (addpath) {
			pathid = nd_be32(nd, p);
			used = 4;
		}
		unsigned plen = nd_u8(nd, p + used);
		if (!nlri_plen_ok(afi, safi, plen)) {
			nd_s(nd, "\n\t    (illegal prefix length)");
			if (trunc_illegal)
				nd_trunc(nd);
			return;
		}
		unsigned need = nlri_need(safi, plen);
		/* tcpdump checks each entry against a fixed length (the
		 * attribute's) or, with itemlen 0, what is left of the list */
		if (safi != 5 && safi < 128 &&
		    need > (itemlen ? itemlen : len - used)) {
			if (quiet_overrun)
				return;
			nd_trunc(nd);
		}
		nd_need(nd, p + used, need);
		nd_s(nd, prefix);
		int n = put_nlri(nd, afi, safi, p + used, need);
		if (n < 0)
			return;
		if (addpath) {
			nd_s(nd, "   Path Id: ");
			nd_u(nd, pathid);
		}
		used += (unsigned)n;
		p += used;
		len = used < len ? len - used : 0;
	}
}

/* Whether AS_PATH uses 2-byte AS numbers: the segments must line up. */
static unsigned as_path_size(nd_t *nd, const uint8_t *p, unsigned len)
{
	unsigned off = 0;
	while (off < len) {
		if (!nd_has(nd, p + off, 2))
			return 2;
		unsigned type = p[off], count = p[off + 1];
		if (type < 1 || type > 4)
			return 4;
		off += 2 + count * 2;
	}
	return off == len ? 2 : 4;
}

static void put_as_path(nd_t *nd, const uint8_t *p, unsigned len,
                        unsigned assize)
{
	static const char *const open_s[] = { "?", "{ ", "", "( ", "({ " };
	static const char *const close_s[] = { "?", "}", "", ")", "})" };
	if (len == 0) {
		nd_s(nd, "empty");
		return;
	}
	const uint8_t *end = p + len;
	while (p < end) {
		nd_need(nd, p, 2);
		unsigned type = p[0], count = p[1];
		if (type < 1 || type > 4)
			type = 0;
		nd_s(nd, open_s[type]);
		p += 2;
		for (unsigned i = 0; i < count; i++) {
			uint32_t as = assize == 2 ? nd_be16(nd, p) : nd_be32(nd, p);
			put_as(nd, as);
			nd_c(nd, ' ');
			p += assize;
		}
		nd_s(nd, close_s[type]);
	}
}

/* tcpdump's spelling: the well-known ones with a space before and no
 * separator after, the others "AS:value" followed by ", " unless last. */
static void put_community(nd_t *nd, uint32_t c, int last)
{
	switch (c) {
	case 0xffffff01: nd_s(nd, " NO_EXPORT"); return;
	case 0xffffff02: nd_s(nd, " NO_ADVERTISE"); return;
	case 0xffffff03: nd_s(nd, " NO_EXPORT_SUBCONFED"); return;
	}
	nd_u(nd, c >> 16);
	nd_c(nd, ':');
	nd_u(nd, c & 0xffff);
	nd_s(nd, last ? "" : ", ");
}

static const struct tok extcomm_types[] = {
	{ 0x0002, "target" }, { 0x0102, "target" }, { 0x0202, "target" },
	{ 0x0003, "origin" }, { 0x0103, "origin" }, { 0x0203, "origin" },
	{ 0x4004, "link-BW" }, { 0x030c, "encapsulation" },
	{ 0x0005, "ospf-domain" }, { 0x0105, "ospf-domain" },
	{ 0x0205, "ospf-domain" }, { 0x8005, "ospf-domain" },
	{ 0x0306, "ospf-route-type" }, { 0x8000, "ospf-route-type" },
	{ 0x0107, "ospf-router-id" }, { 0x8001, "ospf-router-id" },
	{ 0x0009, "source-AS" }, { 0x010b, "vrf-route-import" },
	{ 0x000a, "l2vpn-id" }, { 0xf10a, "l2vpn-id" },
	{ 0x800a, "layer2-info" },
	{ 0x8800, "eigrp-general-route (flag, tag)" },
	{ 0x8801, "eigrp-route-metric (AS, delay)" },
	{ 0x8802, "eigrp-route-metric (reliability, nexthop, bandwidth)" },
	{ 0x8803, "eigrp-route-metric (load, MTU)" },
	{ 0x8804, "eigrp-external-route (remote-AS, remote-ID)" },
	{ 0x8805, "eigrp-external-route (remote-proto, remote-metric)" },
	{ 0, NULL },
};

static const struct tok ospf_rtypes[] = {
	{ 1, "Router" }, { 2, "Network" }, { 3, "Summary" }, { 5, "External" },
	{ 7, "NSSA External" }, { 129, "MPLS-VPN Sham" }, { 0, NULL },
};

static const struct tok l2_encaps[] = {
	{ 0, "Reserved" }, { 1, "Frame Relay" },
	{ 2, "ATM AAL5 SDU VCC transport" },
	{ 3, "ATM transparent cell transport" },
	{ 4, "Ethernet (VLAN) Tagged Mode" }, { 5, "Ethernet Raw Mode" },
	{ 6, "Cisco HDLC" }, { 7, "PPP" },
	{ 8, "SONET/SDH Circuit Emulation Service over MPLS" },
	{ 9, "ATM n-to-one VCC cell transport" },
	{ 10, "ATM n-to-one VPC cell transport" },
	{ 11, "IP layer 2 transport" }, { 15, "Frame Relay Port mode" },
	{ 17, "Structure-agnostic E1 over packet" },
	{ 18, "Structure-agnostic T1 (DS1) over packet" }, { 19, "VPLS" },
	{ 20, "Structure-agnostic T3 (DS3) over packet" },
	{ 21, "Nx64kbit/s Basic Service using Structure-aware" },
	{ 25, "Frame Relay DLCI" }, { 40, "Structure-agnostic E3 over packet" },
	{ 41, "Octet-aligned playload for Structure-agnostic DS1 circuits" },
	{ 42, "E1 Nx64kbit/s with CAS using Structure-aware" },
	{ 43, "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware" },
	{ 44, "DS1 (SF) Nx64kbit/s with CAS using Structure-aware" },
	{ 0, NULL },
};

static void put_extcomm(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	unsigned type = nd_be16(nd, p);
	const char *name = tok_name(extcomm_types, type);
	nd_s(nd, name ? name : "unknown extd community typecode");
	nd_s(nd, " (0x");
	out_x(nd->out, type, 4);
	nd_s(nd, "), Flags [");
	if (type & 0xc000) {
		if (type & 0x8000)
			nd_s(nd, "vendor-specific");
		if ((type & 0xc000) == 0xc000)
			nd_s(nd, ", ");
		if (type & 0x4000)
			nd_s(nd, "non-transitive");
	} else {
		nd_s(nd, "none");
	}
	nd_s(nd, "]: ");
	switch (type) {
	case 0x0002: case 0x0003: case 0x000a:
		{
			unsigned v0 = nd_be32(nd, p + 4);
			nd_u(nd, nd_be16(nd, p + 2));
			nd_c(nd, ':');
			nd_u(nd, v0);
			nd_s(nd, " (= ");
		}
		put_ip4(nd, p + 4);
		nd_c(nd, ')');
		break;
	case 0x0102: case 0x0103: case 0x010b: case 0xf10a:
		put_ip4(nd, p + 2);
		{
			unsigned v0 = nd_be16(nd, p + 6);
			nd_c(nd, ':');
			nd_u(nd, v0);
		}
		break;
	case 0x0202: case 0x0203:
		put_as(nd, nd_be32(nd, p + 2));
		{
			unsigned v0 = nd_be16(nd, p + 6);
			nd_c(nd, ':');
			nd_u(nd, v0);
		}
		break;
	case 0x0005: case 0x0105: case 0x0205: case 0x8005:
	case 0x0107: case 0x8001:
		put_ip4(nd, p + 2);
		break;
	case 0x0306: case 0x8000: {
		unsigned rt = p[6], mt = p[7];
		nd_s(nd, "area:");
		put_ip4(nd, p + 2);
		nd_s(nd, ", router-type:");
		const char *rn = tok_name(ospf_rtypes, rt);
		if (rn)
			nd_s(nd, rn);
		else {
			nd_s(nd, "unknown (0x");
			out_x2(nd->out, rt);
			nd_c(nd, ')');
		}
		nd_s(nd, ", metric-type:");
		nd_s(nd, (mt & 1) ? "E2" : "");
		nd_s(nd, (rt == 5 || rt == 7) ? "E1" : "");
		break;
	}
	case 0x0009:
		{
			unsigned v0 = nd_be16(nd, p + 2);
			nd_s(nd, "AS ");
			nd_u(nd, v0);
		}
		break;
	case 0x4004: {
		uint32_t bits = nd_be32(nd, p + 4);
		float bw;
		memcpy(&bw, &bits, sizeof bw);
		nd_printf(nd, "bandwidth: %.3f Mbps", (double)(bw * 8 / 1000000));
		break;
	}
	case 0x030c: {
		static const struct tok tunnels[] = {
			{ 1, "L2TPv3 over IP" }, { 2, "GRE" },
			{ 3, "Transmit Tunnel" }, { 4, "IPsec" },
			{ 5, "IP in IP with IPsec" }, { 6, "MPLS in IP with IPsec" },
			{ 7, "IP in IP" }, { 8, "VXLAN" }, { 9, "NVGRE" },
			{ 10, "MPLS" }, { 11, "MPLS in GRE" }, { 12, "VXLAN GPE" },
			{ 13, "MPLS in UDP" }, { 14, "IPv6" }, { 15, "SR TE" },
			{ 16, "Bare" }, { 17, "SR" }, { 0, NULL },
		};
		unsigned t = nd_be16(nd, p + 6);
		{
			const char *v0 = tok_name_or(tunnels, t, "unknown encaps");
			nd_s(nd, "Tunnel type: ");
			nd_s(nd, v0);
		}
		break;
	}
	case 0x800a:
		{
			unsigned v0 = nd_be16(nd, p + 4);
			nd_s(nd, tok_name_or(l2_encaps, p[2], "unknown encaps"));
			nd_s(nd, " Control Flags [0x");
			out_x2(nd->out, p[3]);
			nd_s(nd, "]:MTU ");
			nd_u(nd, v0);
		}
		break;
	default:
		for (unsigned i = 2; i < 8; i++)
			out_x2(nd->out, p[i]);
		break;
	}
}

static void attr_print(nd_t *nd, unsigned type, const uint8_t *p,
                       unsigned len, unsigned depth, const uint8_t *msg_end);

/* The path attributes of an UPDATE (or an ATTR_SET), each on its line. */
static void attrs_print(nd_t *nd, const uint8_t *p, unsigned len,
                        unsigned depth, const uint8_t *msg_end)
{
	const char *ind = depth ? "\n\t      " : "\n\t  ";
	/* tcpdump's dump after a short nested attribute starts at the
	 * attribute set's value (its origin AS), not at the attribute */
	const uint8_t *set_value = p - 4;
	while (len > 0) {
		nd_need(nd, p, 2);
		unsigned flags = p[0], type = p[1];
		unsigned hl = (flags & 0x10) ? 4 : 3;
		nd_need(nd, p, hl);
		unsigned alen = (flags & 0x10) ? nd_be16(nd, p + 2) : p[2];
		{
			const char *v0 = tok_name_or(attr_names, type, "Unknown Attribute");
			nd_s(nd, ind);
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, type);
			nd_s(nd, "), length: ");
			nd_u(nd, alen);
		}
		if (flags) {
			nd_s(nd, ", Flags [");
			if (flags & 0x80) nd_c(nd, 'O');
			if (flags & 0x40) nd_c(nd, 'T');
			if (flags & 0x20) nd_c(nd, 'P');
			if (flags & 0x10) nd_c(nd, 'E');
			if (flags & 0x0f) {
				nd_c(nd, '+');
				out_x(nd->out, flags & 0x0f, 0);
			}
			nd_s(nd, "]: ");
		}
		if (hl + alen > len) {
			if (depth) {
				nd_s(nd, " [path attr too short]");
				if (nd->opt->vflag > 1 && len > hl)
					hexdump_at(nd, "\n\t    ", set_value,
						   len - hl);
			} else {
				nd_s(nd, " [path attrs too short]");
			}
			return;
		}
		p += hl;
		len -= hl;
		attr_print(nd, type, p, alen, depth, msg_end);
		p += alen;
		len -= alen;
	}
}

static void mp_reach_print(nd_t *nd, const uint8_t *p, unsigned len,
                           const uint8_t *msg_end)
{
	if (len < 3)
		nd_trunc(nd);
	nd_need(nd, p, 3);
	unsigned afi = nd_be16(nd, p), safi = p[2];
	{
		const char *v0 = afi_name(afi);
		const char *v1 = safi_name(safi);
		nd_s(nd, "\n\t    AFI: ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, afi);
		nd_s(nd, "), ");
		nd_s(nd, safi > 128 ? "vendor specific " : "");
		nd_s(nd, "SAFI: ");
		nd_s(nd, v1);
		nd_s(nd, " (");
		nd_u(nd, safi);
		nd_c(nd, ')');
	}
	if (!family_known(afi, safi)) {
		nd_s(nd, "\n\t    no AFI ");
		nd_u(nd, afi);
		nd_s(nd, " / SAFI ");
		nd_u(nd, safi);
		nd_s(nd, " decoder");
		if (nd->opt->vflag <= 1)
			hexdump_at(nd, "\n\t    ", p, len);
		return;
	}
	const uint8_t *q = p + 3;
	unsigned nhlen = nd_u8(nd, q);
	q++;
	nd_need(nd, q, nhlen);
	if (4 + nhlen > len)
		nd_trunc(nd);
	nd_s(nd, "\n\t    nexthop: ");
	int with_rd = safi >= 128 && safi <= 130;
	unsigned alen = afi == 2 ? 16 : 4;
	unsigned tlen = nhlen;
	const uint8_t *nh = q;
	int first = 1;
	while (tlen > 0) {
		if (!first)
			nd_s(nd, ", ");
		first = 0;
		if (with_rd) {
			if (tlen < 8 + alen) {
				nd_s(nd, "invalid len");
				break;
			}
			nd_s(nd, "RD: ");
			put_rd(nd, nh);
			nd_s(nd, ", ");
			nh += 8;
			tlen -= 8;
		}
		if (tlen < alen) {
			nd_s(nd, "invalid len");
			break;
		}
		if (afi == 2)
			put_ip6_at(nd, nh);
		else
			put_ip4_at(nd, nh);
		nh += alen;
		tlen -= alen;
	}
	nd_s(nd, ", nh-length: ");
	nd_u(nd, nhlen);
	q += nhlen;
	if (q + 1 > p + len)
		nd_trunc(nd);
	unsigned snpa = nd_u8(nd, q);
	q++;
	if (snpa == 0)
		nd_s(nd, ", no SNPA");
	else {
		nd_s(nd, "\n\t    ");
		nd_u(nd, snpa);
		nd_s(nd, " SNPA");
	}
	for (unsigned i = 0; i < snpa; i++) {
		if (q >= p + len)
			nd_trunc(nd);
		unsigned sl = nd_u8(nd, q);
		nd_s(nd, "\n\t      ");
		nd_u(nd, sl);
		nd_s(nd, " bytes");
		q += 1 + sl;
		if (q > p + len)
			nd_trunc(nd);
	}
	(void)msg_end;
	put_nlri_list(nd, afi, safi, q, (unsigned)(p + len - q), "\n\t      ",
		      len, 0, 0);
}

static void mp_unreach_print(nd_t *nd, const uint8_t *p, unsigned len,
                             const uint8_t *msg_end)
{
	nd_need(nd, p, 3);
	unsigned afi = nd_be16(nd, p), safi = p[2];
	{
		const char *v0 = afi_name(afi);
		const char *v1 = safi_name(safi);
		nd_s(nd, "\n\t    AFI: ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, afi);
		nd_s(nd, "), ");
		nd_s(nd, safi > 128 ? "vendor specific " : "");
		nd_s(nd, "SAFI: ");
		nd_s(nd, v1);
		nd_s(nd, " (");
		nd_u(nd, safi);
		nd_c(nd, ')');
	}
	if (len == 3) {
		nd_s(nd, "\n\t      End-of-Rib Marker (empty NLRI)");
		return;
	}
	if (!family_known(afi, safi)) {
		nd_s(nd, "\n\t    no AFI ");
		nd_u(nd, afi);
		nd_s(nd, " / SAFI ");
		nd_u(nd, safi);
		nd_s(nd, " decoder");
		if (nd->opt->vflag <= 1)
			hexdump_at(nd, "\n\t    ", p, len);
		return;
	}
	(void)msg_end;
	put_nlri_list(nd, afi, safi, p + 3, len - 3, "\n\t      ",
		      len, safi == 4, 0);
}

static void attr_print(nd_t *nd, unsigned type, const uint8_t *p,
                       unsigned len, unsigned depth, const uint8_t *msg_end)
{
	switch (type) {
	case 1: /* origin */
		if (len != 1) {
			nd_s(nd, "invalid len");
			break;
		}
		nd_s(nd, tok_name_or(origin_names, nd_u8(nd, p),
				 "Unknown Origin Typecode"));
		break;
	case 2: case 17: /* AS path (2- or 4-byte numbers), AS4 path */
		if (len % 2) {
			nd_s(nd, "invalid len");
			break;
		}
		put_as_path(nd, p, len, type == 17 ? 4 : as_path_size(nd, p, len));
		break;
	case 3: /* next hop */
		if (len != 4) {
			nd_s(nd, "invalid len");
			break;
		}
		put_ip4_at(nd, p);
		break;
	case 4: case 5: /* MED, local preference */
		if (len != 4) {
			nd_s(nd, "invalid len");
			break;
		}
		nd_u(nd, nd_be32(nd, p));
		break;
	case 6: /* atomic aggregate */
		if (len != 0)
			nd_s(nd, "invalid len");
		break;
	case 7: case 18: /* aggregator */
		if (type == 7 && len != 6 && len != 8) {
			nd_s(nd, "invalid len");
			break;
		}
		if (type == 18 && len != 8) {
			nd_s(nd, "invalid len");
			break;
		}
		nd_s(nd, " AS #");
		put_as(nd, len == 6 ? nd_be16(nd, p) : nd_be32(nd, p));
		nd_s(nd, ", origin ");
		put_ip4_at(nd, p + len - 4);
		break;
	case 8: /* communities */
		if (len % 4) {
			nd_s(nd, "invalid len");
			break;
		}
		for (unsigned i = 0; i < len; i += 4)
			put_community(nd, nd_be32(nd, p + i), i + 4 >= len);
		break;
	case 9: /* originator */
		if (len != 4) {
			nd_s(nd, "invalid len");
			break;
		}
		put_ip4_at(nd, p);
		break;
	case 10: /* cluster list */
		if (len % 4) {
			nd_s(nd, "invalid len");
			break;
		}
		for (unsigned i = 0; i < len; i += 4) {
			put_ip4_at(nd, p + i);
			if (i + 4 < len)
				nd_s(nd, ", ");
		}
		break;
	case 14:
		mp_reach_print(nd, p, len, msg_end);
		break;
	case 15:
		mp_unreach_print(nd, p, len, msg_end);
		break;
	case 16: /* extended communities */
		if (len % 8) {
			nd_s(nd, "invalid len");
			break;
		}
		for (unsigned i = 0; i < len; i += 8) {
			nd_s(nd, "\n\t    ");
			put_extcomm(nd, p + i);
		}
		break;
	case 22: { /* PMSI tunnel (RFC 6514) */
		static const struct tok ttypes[] = {
			{ 1, "RSVP-TE P2MP LSP" }, { 2, "LDP P2MP LSP" },
			{ 3, "PIM-SSM Tree" }, { 4, "PIM-SM Tree" },
			{ 5, "PIM-Bidir Tree" }, { 6, "Ingress Replication" },
			{ 7, "LDP MP2MP LSP" }, { 0, NULL },
		};
		if (len < 5)
			nd_trunc(nd);
		unsigned fl = nd_u8(nd, p), tt = nd_u8(nd, p + 1);
		{
			const char *v0 = tok_name_or(ttypes, tt, "Unknown");
			unsigned v1 = nd_be24(nd, p + 2) >> 4;
			nd_s(nd, "\n\t    Tunnel-type ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, tt);
			nd_s(nd, "), Flags [");
			nd_s(nd, (fl & 1) ? "Leaf Information required" : "none");
			nd_s(nd, "], MPLS Label ");
			nd_u(nd, v1);
		}
		const uint8_t *q = p + 5;
		switch (tt) {
		case 1:
			nd_need(nd, q, 8);
			nd_s(nd, "\n\t      Extended-Tunnel-ID ");
			put_ip4(nd, q);
			{
				unsigned v0 = nd_be32(nd, q + 4);
				nd_s(nd, ", P2MP-ID 0x");
				out_x(nd->out, v0, 8);
			}
			break;
		case 2: case 7:
			nd_need(nd, q, 8);
			nd_s(nd, "\n\t      Root-Node ");
			put_ip4(nd, q);
			{
				unsigned v0 = nd_be32(nd, q + 4);
				nd_s(nd, ", LSP-ID 0x");
				out_x(nd->out, v0, 8);
			}
			break;
		case 3: case 4: case 5:
			nd_need(nd, q, 8);
			nd_s(nd, tt == 3 ? "\n\t      Root-Node " : "\n\t      Sender ");
			put_ip4(nd, q);
			nd_s(nd, ", P-Group ");
			put_ip4(nd, q + 4);
			break;
		case 6:
			nd_need(nd, q, 4);
			nd_s(nd, "\n\t      Tunnel-Endpoint ");
			put_ip4(nd, q);
			break;
		default:
			if (nd->opt->vflag <= 1)
				hexdump_at(nd, "\n\t      ", q, len - 5);
			break;
		}
		break;
	}
	case 26: { /* AIGP */
		const uint8_t *q = p;
		unsigned left = len;
		while (left >= 3) {
			unsigned t = nd_u8(nd, q), tl = nd_be16(nd, q + 1);
			nd_s(nd, "\n\t    ");
			nd_s(nd, t == 1 ? "AIGP" : "Unknown");
			nd_s(nd, " TLV (");
			nd_u(nd, t);
			nd_s(nd, "), length ");
			nd_u(nd, tl);
			if (tl < 3 || tl > left)
				nd_trunc(nd);
			if (t == 1 && tl == 11)
				nd_printf(nd, ", metric %" PRIu64, nd_be64(nd, q + 3));
			q += tl;
			left -= tl;
		}
		break;
	}
	case 32: /* large communities */
		if (len == 0 || len % 12) {
			nd_s(nd, "invalid len");
			break;
		}
		nd_s(nd, "\n\t    ");
		for (unsigned i = 0; i < len; i += 12) {
			{
				unsigned v0 = nd_be32(nd, p + i + 4);
				unsigned v1 = nd_be32(nd, p + i + 8);
				nd_u(nd, nd_be32(nd, p + i));
				nd_c(nd, ':');
				nd_u(nd, v0);
				nd_c(nd, ':');
				nd_u(nd, v1);
			}
			if (i + 12 < len)
				nd_s(nd, ", ");
		}
		return; /* tcpdump shows no -vv dump of a valid one */
	case 128: /* attribute set (RFC 6368) */
		if (len < 4)
			nd_trunc(nd);
		nd_s(nd, "\n\t    Origin AS: ");
		put_as(nd, nd_be32(nd, p));
		if (depth < 4)
			attrs_print(nd, p + 4, len - 4, depth + 1, msg_end);
		break;
	default:
		nd_s(nd, "\n\t    no Attribute ");
		nd_u(nd, type);
		nd_s(nd, " decoder");
		if (nd->opt->vflag <= 1)
			hexdump_at(nd, "\n\t    ", p, len);
		break;
	}
	if (nd->opt->vflag > 1 && len && type != 128)
		hexdump_at(nd, "\n\t    ", p, len);
}

static void update_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	const uint8_t *q = p + BGP_HDRLEN;
	const uint8_t *end = p + len;
	unsigned wlen = nd_be16(nd, q);
	q += 2;
	if (wlen > 1) {
		if (q + wlen > end)
			nd_trunc(nd);
		nd_s(nd, "\n\t  Withdrawn routes:");
		put_nlri_list(nd, 1, 1, q, wlen, "\n\t    ", wlen, 0, 1);
	}
	q += wlen;
	unsigned alen = nd_be16(nd, q);
	q += 2;
	if (alen == 0 && q == end && wlen != 1) {
		nd_s(nd, "\n\t  End-of-Rib Marker (empty NLRI)");
		return;
	}
	if (alen) {
		if (q + alen > end)
			nd_trunc(nd);
		attrs_print(nd, q, alen, 0, end);
		q += alen;
	}
	if (q < end) {
		nd_s(nd, "\n\t  Updated routes:");
		put_nlri_list(nd, 1, 1, q, (unsigned)(end - q), "\n\t    ", 0,
			      0, 0);
	}
}

/* Returns 0 when the capability was too short: tcpdump then skips the
 * rest of the capabilities in that parameter. */
static const char *cap_afi(unsigned afi)
{
	return afnum_name(afi) ? afnum_name(afi) : "Unknown";
}

static const char *cap_safi(unsigned safi)
{
	return tok_name_or(safi_names, safi, "Unknown");
}

static int cap_print(nd_t *nd, unsigned code, const uint8_t *p,
                     unsigned len)
{
	switch (code) {
	case 1:
		if (len < 4) {
			nd_s(nd, " (too short, < 4)");
			return 0;
		}
		{
			const char *v0 = cap_afi(nd_be16(nd, p));
			unsigned v1 = nd_be16(nd, p);
			const char *v2 = cap_safi(nd_u8(nd, p + 3));
			unsigned v3 = nd_u8(nd, p + 3);
			nd_s(nd, "\n\t\tAFI ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, v1);
			nd_s(nd, "), SAFI ");
			nd_s(nd, v2);
			nd_s(nd, " (");
			nd_u(nd, v3);
			nd_c(nd, ')');
		}
		break;
	case 2: case 128: case 71:
		break;
	case 8:
		for (unsigned i = 0; i + 4 <= len; i += 4) {
			const char *v0 = cap_afi(nd_be16(nd, p + i));
			unsigned v1 = nd_be16(nd, p + i);
			const char *v2 = cap_safi(nd_u8(nd, p + i + 2));
			unsigned v3 = nd_u8(nd, p + i + 2);
			unsigned v4 = nd_u8(nd, p + i + 3);
			nd_s(nd, "\n\t\tAFI ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, v1);
			nd_s(nd, "), SAFI ");
			nd_s(nd, v2);
			nd_s(nd, " (");
			nd_u(nd, v3);
			nd_s(nd, "), Count: ");
			nd_u(nd, v4);
		}
		break;
	case 64: {
		if (len < 2) {
			nd_s(nd, " (too short, < 2)");
			return 0;
		}
		unsigned v = nd_be16(nd, p);
		nd_s(nd, "\n\t\tRestart Flags: [");
		nd_s(nd, (v & 0x8000) ? "R" : "none");
		nd_s(nd, "], Restart Time ");
		nd_u(nd, v & 0xfff);
		nd_c(nd, 's');
		for (unsigned i = 2; i + 4 <= len; i += 4) {
			const char *v0 = cap_afi(nd_be16(nd, p + i));
			unsigned v1 = nd_be16(nd, p + i);
			const char *v2 = cap_safi(nd_u8(nd, p + i + 2));
			unsigned v3 = nd_u8(nd, p + i + 2);
			const char *v4 = (nd_u8(nd, p + i + 3) & 0x80) ? "yes" : "no";
			nd_s(nd, "\n\t\t  AFI ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, v1);
			nd_s(nd, "), SAFI ");
			nd_s(nd, v2);
			nd_s(nd, " (");
			nd_u(nd, v3);
			nd_s(nd, "), Forwarding state preserved: ");
			nd_s(nd, v4);
		}
		break;
	}
	case 65:
		if (len < 4) {
			nd_s(nd, " (too short, < 4)");
			return 0;
		}
		nd_s(nd, "\n\t\t 4 Byte AS ");
		put_as(nd, nd_be32(nd, p));
		break;
	case 69: {
		static const char *const sr[] = { "", "Receive", "Send", "Both" };
		if (len == 0) {
			nd_s(nd, " (bogus)");
			break;
		}
		for (unsigned i = 0; i + 4 <= len; i += 4) {
			unsigned v = nd_u8(nd, p + i + 3);
			{
				const char *v0 = cap_afi(nd_be16(nd, p + i));
				unsigned v1 = nd_be16(nd, p + i);
				const char *v2 = cap_safi(nd_u8(nd, p + i + 2));
				unsigned v3 = nd_u8(nd, p + i + 2);
				nd_s(nd, "\n\t\tAFI ");
				nd_s(nd, v0);
				nd_s(nd, " (");
				nd_u(nd, v1);
				nd_s(nd, "), SAFI ");
				nd_s(nd, v2);
				nd_s(nd, " (");
				nd_u(nd, v3);
				nd_s(nd, "), Send/Receive: ");
			}
			if (v >= 1 && v <= 3)
				nd_s(nd, sr[v]);
			else {
				nd_s(nd, "Bogus (0x");
				out_x2(nd->out, v);
				nd_c(nd, ')');
			}
		}
		if (len % 4)
			nd_s(nd, " (invalid)");
		break;
	}
	default:
		nd_s(nd, "\n\t\tno decoder for Capability ");
		nd_u(nd, code);
		if (nd->opt->vflag <= 1)
			hexdump_at(nd, "\n\t\t", p, len);
		break;
	}
	if (nd->opt->vflag > 1 && len)
		hexdump_at(nd, "\n\t\t", p, len);
	return 1;
}

static void open_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_need(nd, p, BGP_HDRLEN + 10);
	const uint8_t *q = p + BGP_HDRLEN;
	nd_s(nd, "\n\t  Version ");
	nd_u(nd, q[0]);
	nd_s(nd, ", my AS ");
	put_as(nd, nd_be16(nd, q + 1));
	{
		unsigned v0 = nd_be16(nd, q + 3);
		nd_s(nd, ", Holdtime ");
		nd_u(nd, v0);
		nd_s(nd, "s, ID ");
	}
	put_ip4(nd, q + 5);
	unsigned optlen = q[9];
	nd_s(nd, "\n\t  Optional parameters, length: ");
	nd_u(nd, optlen);
	q += 10;
	const uint8_t *end = q + optlen;
	if (end > p + len)
		end = p + len;
	while (q < end) {
		unsigned ptype = nd_u8(nd, q), plen = nd_u8(nd, q + 1);
		nd_s(nd, "\n\t    Option ");
		nd_s(nd, ptype == 2 ? "Capabilities Advertisement"
			  : ptype == 1 ? "Authentication Information" : "Unknown");
		nd_s(nd, " (");
		nd_u(nd, ptype);
		nd_s(nd, "), length: ");
		nd_u(nd, plen);
		q += 2;
		if (ptype != 2) {
			nd_s(nd, "\n\t      no decoder for option ");
			nd_u(nd, ptype);
			q += plen;
			continue;
		}
		const uint8_t *pe = q + plen;
		while (q < pe) {
			unsigned code = nd_u8(nd, q), clen = nd_u8(nd, q + 1);
			{
				const char *v0 = tok_name_or(cap_names, code, "Unknown");
				nd_s(nd, "\n\t      ");
				nd_s(nd, v0);
				nd_s(nd, " (");
				nd_u(nd, code);
				nd_s(nd, "), length: ");
				nd_u(nd, clen);
			}
			if (!cap_print(nd, code, q + 2, clen))
				break;
			q += 2 + clen;
		}
		q = pe;
	}
}

static void notification_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_need(nd, p, BGP_HDRLEN + 2);
	unsigned code = p[BGP_HDRLEN], sub = p[BGP_HDRLEN + 1];
	{
		const char *v0 = tok_name_or(notif_names, code, "Unknown Error");
		nd_s(nd, ", ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, code);
		nd_c(nd, ')');
	}
	const struct tok *st = NULL;
	const char *sep = ", ";
	switch (code) {
	case 1: st = notif_hdr_sub; break;
	case 2: st = notif_open_sub; break;
	case 3: st = notif_update_sub; break;
	case 5: st = notif_fsm_sub; sep = " "; break;
	case 6: st = notif_cease_sub; break;
	case 7: st = notif_cap_sub; sep = " "; break;
	}
	if (st) {
		const char *v0 = tok_name_or(st, sub, "Unknown");
		nd_s(nd, sep);
		nd_s(nd, "subcode ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, sub);
		nd_c(nd, ')');
	}
	if (code == 6 && (sub == 2 || sub == 4) && len > BGP_HDRLEN + 2) {
		const uint8_t *q = p + BGP_HDRLEN + 2;
		unsigned slen = nd_u8(nd, q);
		unsigned rest = len - BGP_HDRLEN - 2; /* the length byte on */
		if (slen == 0) {
			nd_s(nd, ", empty Shutdown Communication");
			q++;
			rest--;
		} else if (BGP_HDRLEN + 3 + slen > len) {
			nd_s(nd, ", invalid Shutdown Communication length");
		} else {
			nd_s(nd, ", Shutdown Communication (length: ");
			nd_u(nd, slen);
			nd_s(nd, "): \"");
			for (unsigned i = 0; i < slen; i++)
				nd_print_char(nd, nd_u8(nd, q + 1 + i));
			nd_c(nd, '"');
			q += 1 + slen;
			rest -= 1 + slen;
		}
		if (rest) {
			nd_s(nd, ", Data: (length: ");
			nd_u(nd, rest);
			nd_c(nd, ')');
			print_unknown_data(nd, q, "\n\t\t", rest);
		}
	} else if (code == 6 && sub == 1 && len >= BGP_HDRLEN + 9) {
		const uint8_t *q = p + BGP_HDRLEN + 2;
		{
			const char *v0 = afi_name(nd_be16(nd, q));
			unsigned v1 = nd_be16(nd, q);
			const char *v2 = safi_name(nd_u8(nd, q + 2));
			unsigned v3 = nd_u8(nd, q + 2);
			unsigned v4 = nd_be32(nd, q + 3);
			nd_s(nd, ", AFI ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, v1);
			nd_s(nd, "), SAFI ");
			nd_s(nd, v2);
			nd_s(nd, " (");
			nd_u(nd, v3);
			nd_s(nd, "), Max Prefixes: ");
			nd_u(nd, v4);
		}
	}
}

static void route_refresh_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	(void)len;
	nd_need(nd, p, BGP_HDRLEN + 4);
	unsigned afi = nd_be16(nd, p + BGP_HDRLEN), safi = p[BGP_HDRLEN + 3];
	{
		const char *v0 = afi_name(afi);
		const char *v1 = safi_name(safi);
		nd_s(nd, "\n\t  AFI ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, afi);
		nd_s(nd, "), SAFI ");
		nd_s(nd, v1);
		nd_s(nd, " (");
		nd_u(nd, safi);
		nd_c(nd, ')');
	}
}

/* One message of hlen bytes, all captured. */
static void pdu_print(nd_t *nd, const uint8_t *p, unsigned hlen)
{
	unsigned type = p[18];
	{
		const char *v0 = tok_name_or(msg_names, type, "Unknown");
		nd_s(nd, "\n\t");
		nd_s(nd, v0);
		nd_s(nd, " Message (");
		nd_u(nd, type);
		nd_s(nd, "), length: ");
		nd_u(nd, hlen);
	}
	switch (type) {
	case 1:
		open_print(nd, p, hlen);
		break;
	case 2:
		update_print(nd, p, hlen);
		break;
	case 3:
		notification_print(nd, p, hlen);
		break;
	case 4:
		break;
	case 5:
		route_refresh_print(nd, p, hlen);
		break;
	default:
		nd_s(nd, "\n\t  no Message ");
		nd_u(nd, type);
		nd_s(nd, " decoder");
		hexdump_at(nd, "\n\t  ", p, hlen);
		break;
	}
	if (nd->opt->vflag > 1 && type == 5)
		hexdump_at(nd, "\n\t  ", p, hlen);
}

/* A message whose own lengths run past its end is cut short with the
 * marker, and the next message is still decoded, as tcpdump does.  The
 * whole message was captured, so only such overruns unwind here. */
static void pdu_guarded(nd_t *nd, const uint8_t *p, unsigned hlen)
{
	const uint8_t *end = nd->end;
	if (nd_try_span(nd, pdu_print, p, hlen))
		nd_print_trunc(nd);
	nd->end = end;
}

void bgp_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "bgp");
	nd_s(nd, ": BGP");
	if (!nd->opt->vflag)
		return;
	size_t avail = nd_avail(nd, p);
	const uint8_t *end = p + (avail < len ? avail : len);
	const uint8_t *start = p;
	while (p < end) {
		if (*p != 0xff) {
			p++;
			continue;
		}
		if (!nd_has(nd, p, 16))
			break;
		static const uint8_t marker[16] = {
			0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
			0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		};
		if (memcmp(p, marker, 16) != 0) {
			p++;
			continue;
		}
		if (!nd_has(nd, p, BGP_HDRLEN)) {
			nd_print_trunc(nd); /* returns, as tcpdump */
			return;
		}
		unsigned hlen = nd_be16(nd, p + 16);
		if (p != start)
			nd_print_trunc(nd);
		if (hlen < BGP_HDRLEN) {
			nd_s(nd, "\nmessage length ");
			nd_u(nd, hlen);
			nd_s(nd, " < ");
			nd_u(nd, BGP_HDRLEN);
			nd_print_invalid(nd);
			break;
		}
		if (!nd_has(nd, p, hlen)) {
			{
				const char *v0 = tok_name_or(msg_names, p[18], "Unknown Message Type");
				nd_s(nd, "\n[|BGP ");
				nd_s(nd, v0);
				nd_c(nd, ']');
			}
			break;
		}
		pdu_guarded(nd, p, hlen);
		p += hlen;
		start = p;
	}
}
