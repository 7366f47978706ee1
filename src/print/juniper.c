/* juniper.c - the Juniper capture header of the JUNOS link types
 * (DLT_JUNIPER_ATM1, DLT_JUNIPER_ES, DLT_JUNIPER_ETHER): the magic "MGC",
 * a flags octet, an optional list of extension TLVs, then a per-PIC cookie
 * and the frame as the interface saw it.
 *
 * As tcpdump 4.99.3 prints it: the direction and the cookie under -e, the
 * flags and extension TLVs under -vv (integers little-endian, 1 to 4 bytes;
 * a name's value is left empty), a frame without a layer 2 header read as
 * IPv4 or IPv6 by its first nibble after a 4-byte family word. */
#include "print.h"

#define JUNIPER_MAGIC 0x4d4743 /* "MGC" */
#define JF_IN    0x01
#define JF_NO_L2 0x02
#define JF_EXT   0x80

enum pic { PIC_NONE, PIC_ATM1, PIC_ES };

struct jl2 {
	const char *name;   /* truncation marker */
	enum pic pic;
	unsigned hlen;      /* bytes before the frame */
	unsigned proto;
	uint8_t flags;
	unsigned len;       /* frame length after hlen */
};

static const struct tok jflags[] = {
	{ 0x80, "Ext" }, { 0x40, "Filter" }, { 0x04, "IIF" },
	{ 0x02, "no-L2" }, { 0x01, "In" }, { 0, NULL },
};

static const struct tok ext_names[] = {
	{ 1, "Device Interface Index" },
	{ 2, "Device Interface Name" },
	{ 3, "Device Media Type" },
	{ 4, "Logical Interface Index" },
	{ 5, "Logical Unit Number" },
	{ 6, "Logical Interface Encapsulation" },
	{ 7, "TTP derived Device Media Type" },
	{ 8, "TTP derived Logical Interface Encapsulation" },
	{ 0, NULL },
};

static const struct tok ifmt_names[] = {
	{ 1, "Ethernet" }, { 2, "FDDI" }, { 3, "Token-Ring" }, { 4, "PPP" },
	{ 5, "Frame-Relay" }, { 6, "Cisco-HDLC" }, { 7, "SMDS-DXI" },
	{ 8, "ATM-PVC" }, { 9, "PPP-CCC" }, { 10, "Frame-Relay-CCC" },
	{ 11, "IP-over-IP" }, { 12, "GRE" }, { 13, "PIM-Encapsulator" },
	{ 14, "PIM-Decapsulator" }, { 15, "Cisco-HDLC-CCC" },
	{ 16, "VLAN-CCC" }, { 17, "Multilink-PPP" }, { 18, "Multilink-FR" },
	{ 19, "Multilink" }, { 20, "LSI" }, { 22, "ATM-CCC-Cell-Relay" },
	{ 23, "IPSEC-over-IP" }, { 24, "GGSN" }, { 27, "PPP-TCC" },
	{ 28, "Frame-Relay-TCC" }, { 29, "Cisco-HDLC-TCC" },
	{ 30, "Ethernet-CCC" }, { 31, "VPN-Loopback-tunnel" },
	{ 32, "Extended-VLAN-CCC" }, { 33, "Ethernet-over-ATM" },
	{ 34, "Monitor" }, { 35, "Ethernet-TCC" }, { 36, "VLAN-TCC" },
	{ 37, "Extended-VLAN-TCC" }, { 38, "Controller" },
	{ 39, "Multilink-FR-UNI-NNI" }, { 40, "LinkService" }, { 41, "VPLS" },
	{ 42, "VLAN-VPLS" }, { 43, "Extended-VLAN-VPLS" },
	{ 44, "Logical-tunnel" }, { 45, "General-Services" },
	{ 46, "Ethernet-VPLS-over-ATM" }, { 48, "Extended FR-CCC" },
	{ 49, "Extended FR-TCC" }, { 50, "Flexible-FrameRelay" },
	{ 52, "Flexible-Ethernet-Services" }, { 53, "Flow-collection" },
	{ 56, "PPPoE" }, { 57, "PPP-Subordinate" },
	{ 59, "Dynamic-Flow-Capture" }, { 60, "PIC Peer" },
	{ 0, NULL },
};

static const struct tok iflencaps_names[] = {
	{ 2, "ATM SNAP" }, { 3, "ATM NLPID" }, { 4, "ATM VCMUX" },
	{ 5, "ATM LLC" }, { 6, "PPP over ATM VCMUX" },
	{ 7, "PPP over ATM LLC" }, { 8, "PPP over FUNI" },
	{ 9, "CCC over ATM" }, { 10, "FR NLPID" }, { 11, "FR SNAP" },
	{ 12, "FR PPP" }, { 13, "FR CCC" }, { 14, "Ethernet" }, { 17, "PPP" },
	{ 18, "C-HDLC" }, { 19, "PPP CCC" }, { 20, "IPIP" }, { 21, "PIM Null" },
	{ 22, "GRE NULL" }, { 23, "PPP over GRE" }, { 24, "PIMd" },
	{ 25, "C-HDLC CCC" }, { 26, "CISCO compatible NLPID" },
	{ 27, "VLAN CCC" }, { 28, "MLPPP" }, { 29, "MLFR" }, { 30, "LSI Null" },
	{ 32, "ATM CCC Cell Relay" }, { 33, "Crypto" }, { 34, "GGSN" },
	{ 35, "ATM VCMUX TCC" }, { 36, "FR TCC" }, { 37, "PPP TCC" },
	{ 38, "C-HDLC TCC" }, { 39, "Ethernet CCC" }, { 40, "VT" },
	{ 41, "Ethernet over ATM LLC" }, { 42, "Extended VLAN CCC" },
	{ 43, "ATM SNAP TCC" }, { 44, "Monitor" }, { 45, "Ethernet TCC" },
	{ 46, "VLAN TCC" }, { 47, "Extended VLAN TCC" }, { 48, "MFR" },
	{ 49, "VPLS" }, { 50, "VLAN VPLS" }, { 51, "Extended VLAN VPLS" },
	{ 52, "General Services" }, { 53, "Ethernet VPLS over ATM LLC" },
	{ 54, "FR CCC" }, { 55, "MLPPP over ATM LLC" },
	{ 56, "Ethernet over ATM CCC" }, { 57, "LT VLAN" }, { 58, "Collector" },
	{ 59, "Aggregator" }, { 60, "LAPD" }, { 61, "PPPoE over ATM LLC" },
	{ 62, "PPPoE over Ethernet" }, { 63, "PPPoE" }, { 64, "" },
	{ 65, "C-HDLC via dialer" },
	{ 0, NULL },
};

static void put_tok(nd_t *nd, const struct tok *t, uint32_t v)
{
	const char *s = tok_name(t, v);
	if (s)
		nd_printf(nd, "%s (%u)", s, v);
	else
		nd_printf(nd, "Unknown (%u)", v);
}

/* The extension TLVs (-vv prints them); 0 when one overruns the list. */
static int ext_print(nd_t *nd, const uint8_t *p, unsigned ext_len)
{
	unsigned left = ext_len;
	int vv = nd->opt->vflag > 1;
	nd_need(nd, p, ext_len);
	while (left > 2) {
		unsigned type = nd_u8(nd, p), tlen = nd_u8(nd, p + 1);
		if (tlen == 0)
			break;
		if (tlen + 2 > left) {
			nd_printf(nd, " [extension_length %u < %u]", left, tlen + 2);
			nd_print_invalid(nd);
			return 0;
		}
		if (vv) {
			const char *s = tok_name(ext_names, type);
			nd_printf(nd, "\n\t  %s Extension TLV #%u, length %u, value ",
			          s ? s : "Unknown", type, tlen);
		}
		uint32_t v = 0;
		int isint = 1;
		switch (tlen) {
		case 1: v = nd_u8(nd, p + 2); break;
		case 2: v = nd_le16(nd, p + 2); break;
		case 3: nd_need(nd, p + 2, 3);
			v = (uint32_t)p[2] | (uint32_t)p[3] << 8 | (uint32_t)p[4] << 16;
			break;
		case 4: v = nd_le32(nd, p + 2); break;
		default: isint = 0; break;
		}
		if (vv && isint) {
			switch (type) {
			case 2:
				break;
			case 3: case 7:
				put_tok(nd, ifmt_names, v);
				break;
			case 6: case 8:
				put_tok(nd, iflencaps_names, v);
				break;
			default:
				nd_printf(nd, "%u", v);
				break;
			}
		}
		p += tlen + 2;
		left -= tlen + 2;
	}
	if (vv)
		nd_s(nd, "\n\t-----original packet-----\n\t");
	return 1;
}

/* IPv4 or IPv6 by the first nibble; 0 when neither. */
static int ip_guess(nd_t *nd, const uint8_t *p, unsigned len)
{
	unsigned v = nd_u8(nd, p);
	if (v >= 0x45 && v <= 0x4f)
		ip_print(nd, p, len);
	else if (v >= 0x60 && v <= 0x6f)
		ip6_print(nd, p, len);
	else
		return 0;
	return 1;
}

/* The common header.  Returns 0 when the packet has been dealt with (the
 * caller returns l2->hlen), 1 when the frame follows at p + l2->hlen. */
static int juniper_parse(nd_t *nd, const uint8_t *p, unsigned len,
                         struct jl2 *l2)
{
	nd_proto(nd, l2->name);
	nd_need(nd, p, 4);
	if (nd_be24(nd, p) != JUNIPER_MAGIC) {
		nd_s(nd, "no magic-number found!");
		l2->hlen = 0;
		return 0;
	}
	l2->flags = p[3];
	unsigned hlen = 4;
	if (nd->opt->eflag)
		nd_s(nd, l2->flags & JF_IN ? " In " : "Out ");
	if (nd->opt->vflag > 1) {
		nd_s(nd, "\n\tJuniper PCAP Flags [");
		put_bits(nd, jflags, l2->flags, "none");
		nd_c(nd, ']');
	}
	if (l2->flags & JF_EXT) {
		unsigned ext_len = nd_be16(nd, p + 4);
		hlen += 2;
		if (nd->opt->vflag > 1)
			nd_printf(nd, ", PCAP Extension(s) total length %u", ext_len);
		if (!ext_print(nd, p + hlen, ext_len)) {
			l2->hlen = 0;
			return 0;
		}
		hlen += ext_len;
	}
	if (l2->flags & JF_NO_L2) {
		if (nd->opt->eflag)
			nd_s(nd, "no-L2-hdr, ");
		hlen += 4;
		l2->hlen = hlen;
		l2->len = len > hlen ? len - hlen : 0;
		if (!ip_guess(nd, p + hlen, l2->len))
			nd_s(nd, "no IP-hdr found!");
		return 0;
	}
	if (l2->pic != PIC_NONE) {
		unsigned clen = l2->pic == PIC_ATM1 ? 4 : 0;
		nd_u8(nd, p + hlen);
		if (nd->opt->eflag)
			nd_printf(nd, "%s-PIC, cookie-len %u",
			          l2->pic == PIC_ATM1 ? "ATM1" : "ES", clen);
		nd_need(nd, p + hlen, clen);
		if (nd->opt->eflag) {
			if (clen) {
				nd_s(nd, ", cookie 0x");
				for (unsigned i = 0; i < clen; i++)
					nd_printf(nd, "%02x", p[hlen + i]);
			}
			nd_s(nd, ": ");
		}
		hlen += clen;
		l2->proto = nd_be16(nd, p + hlen);
	}
	l2->hlen = hlen;
	l2->len = len > hlen ? len - hlen : 0;
	if (nd->opt->eflag)
		nd_printf(nd, "hlen %u, proto 0x%04x, ", hlen, l2->proto);
	return 1;
}

unsigned juniper_ether_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                                unsigned len)
{
	(void)caplen;
	struct jl2 l2 = { .name = "juniper_ether", .pic = PIC_NONE };
	if (!juniper_parse(nd, p, len, &l2))
		return l2.hlen;
	return l2.hlen + ether_print(nd, p + l2.hlen, l2.len);
}

unsigned juniper_atm1_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                               unsigned len)
{
	(void)caplen;
	struct jl2 l2 = { .name = "juniper_atm1", .pic = PIC_ATM1 };
	if (!juniper_parse(nd, p, len, &l2))
		return l2.hlen;
	const uint8_t *f = p + l2.hlen;
	/* the cookie's first octet says whether an OAM cell follows */
	if (p[l2.hlen - 4] == 0x80) {
		oam_print(nd, f, l2.len, 0);
		return l2.hlen;
	}
	uint32_t llc = nd_be24(nd, f);
	if (llc == 0xfefe03 || llc == 0xaaaa03) {
		size_t avail = nd_avail(nd, f);
		unsigned cap = avail < l2.len ? (unsigned)avail : l2.len;
		llc_if_print(nd, f, cap, l2.len);
		return l2.hlen;
	}
	if (f[0] == 0x03) {
		isoclns_print(nd, f + 1, l2.len - 1);
		return l2.hlen;
	}
	ip_guess(nd, f, l2.len);
	return l2.hlen;
}

static const struct tok es_types[] = {
	{ 1, "ESP ENCR-AUTH" }, { 2, "ESP ENCR-AH AUTH" }, { 3, "ESP AUTH" },
	{ 4, "AH AUTH" }, { 5, "ESP ENCR" }, { 0, NULL },
};

unsigned juniper_es_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                             unsigned len)
{
	(void)caplen;
	struct jl2 l2 = { .name = "juniper_es", .pic = PIC_ES };
	if (!juniper_parse(nd, p, len, &l2))
		return l2.hlen;
	const uint8_t *f = p + l2.hlen;
	nd_need(nd, f, 16);
	unsigned type = f[3];
	const char *tn = tok_name(es_types, type);
	if (!tn) {
		nd_printf(nd, "ES Invalid type %u, length %u", type, l2.len);
		return l2.hlen;
	}
	/* the ESP types carry no SPI or tunnel addresses; tcpdump then reads
	 * the IP header from the start of the ES header */
	unsigned eslen = type <= 2 ? 0 : 16;
	nd_need(nd, f, 16);
	if (nd->opt->eflag) {
		nd_printf(nd, "ES SA, index %u, ttl %u type %s (%u), ",
		          nd_be16(nd, f), f[2], tn, type);
		if (eslen == 16)
			nd_printf(nd, "spi %u, Tunnel %u.%u.%u.%u > %u.%u.%u.%u, ",
			          nd_be32(nd, f + 4), f[8], f[9], f[10], f[11],
			          f[12], f[13], f[14], f[15]);
		nd_printf(nd, "length %u\n", l2.len - eslen);
	}
	ip_print(nd, f + eslen, l2.len - eslen);
	return l2.hlen;
}
