/* lldp.c - Link Layer Discovery Protocol (IEEE 802.1AB): the mandatory
 * and optional TLVs, and the IEEE 802.1 / 802.3 / IANA organisational
 * TLVs.  Other organisations' TLVs are dumped in hex. */
#include "../core/names.h"
#include "print.h"

struct lldp_name { unsigned v; const char *s; };

static const char *lk(const struct lldp_name *t, unsigned v, const char *dflt)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return dflt;
}

/* bittok2str: names of the set bits, comma separated, or dflt. */
static void bits(nd_t *nd, const struct lldp_name *t, unsigned v, const char *dflt)
{
	const char *sep = "";
	int any = 0;
	for (; t->s; t++)
		if (t->v && (v & t->v) == t->v) {
			nd_s(nd, sep);
			nd_s(nd, t->s);
			sep = ", ";
			any = 1;
		}
	if (!any)
		nd_s(nd, dflt);
}

static const struct lldp_name tlv_names[] = {
	{ 0, "End" }, { 1, "Chassis ID" }, { 2, "Port ID" }, { 3, "Time to Live" },
	{ 4, "Port Description" }, { 5, "System Name" },
	{ 6, "System Description" }, { 7, "System Capabilities" },
	{ 8, "Management Address" }, { 127, "Organization specific" },
	{ 0, NULL },
};

static const struct lldp_name chassis_sub[] = {
	{ 1, "Chassis component" }, { 2, "Interface alias" },
	{ 3, "Port component" }, { 4, "MAC address" }, { 5, "Network address" },
	{ 6, "Interface name" }, { 7, "Local" }, { 0, NULL },
};

static const struct lldp_name port_sub[] = {
	{ 1, "Interface alias" }, { 2, "Port component" }, { 3, "MAC address" },
	{ 4, "Network Address" }, { 5, "Interface Name" },
	{ 6, "Agent circuit ID" }, { 7, "Local" }, { 0, NULL },
};

static const struct lldp_name cap_names[] = {
	{ 0x01, "Other" }, { 0x02, "Repeater" }, { 0x04, "Bridge" },
	{ 0x08, "WLAN AP" }, { 0x10, "Router" }, { 0x20, "Telephone" },
	{ 0x40, "Docsis" }, { 0x80, "Station Only" }, { 0x100, "C-VLAN" },
	{ 0x200, "S-VLAN" }, { 0x400, "TPMR" }, { 0, NULL },
};

static const struct lldp_name af_names[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" },
	{ 4, "HDLC" }, { 5, "BBN 1822" }, { 6, "802" }, { 7, "E.163" },
	{ 8, "E.164" }, { 9, "F.69" }, { 10, "X.121" }, { 11, "IPX" },
	{ 12, "Appletalk" }, { 13, "Decnet IV" }, { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" }, { 16, "DNS" },
	{ 17, "Distinguished Name" }, { 18, "AS Number" }, { 19, "XTP over IPv4" },
	{ 20, "XTP over IPv6" }, { 21, "XTP native mode XTP" },
	{ 22, "Fibre Channel World-Wide Port Name" },
	{ 23, "Fibre Channel World-Wide Node Name" }, { 24, "GWID" },
	{ 25, "Layer-2 VPN" }, { 26, "MPLS-TP Section Endpoint ID" },
	{ 27, "MPLS-TP LSP Endpoint ID" }, { 28, "MPLS-TP Pseudowire Endpoint ID" },
	{ 29, "MT IP Multi-Topology IPv4" }, { 30, "MT IP Multi-Topology IPv6" },
	{ 0, NULL },
};

static const struct lldp_name intf_num[] = {
	{ 1, "Unknown" }, { 2, "Interface Index" }, { 3, "System Port Number" },
	{ 0, NULL },
};

static const struct lldp_name sub8021[] = {
	{ 1, "Port VLAN Id" }, { 2, "Port and Protocol VLAN ID" },
	{ 3, "VLAN name" }, { 4, "Protocol Identity" },
	{ 5, "VID Usage Digest" }, { 6, "Management VID" },
	{ 7, "Link aggregation" }, { 8, "Congestion Notification" },
	{ 9, "ETS Configuration" }, { 10, "ETS Recommendation" },
	{ 11, "Priority Flow Control Configuration" },
	{ 12, "Application Priority" }, { 13, "EVB" }, { 14, "CDCP" },
	{ 0, NULL },
};

static const struct lldp_name sub8023[] = {
	{ 1, "MAC/PHY configuration/status" }, { 2, "Power via MDI" },
	{ 3, "Link aggregation" }, { 4, "Max frame size" }, { 0, NULL },
};

static const struct lldp_name autoneg[] = {
	{ 0x01, "supported" }, { 0x02, "enabled" }, { 0, NULL },
};

static const struct lldp_name ppvid_flags[] = {
	{ 0x02, "supported" }, { 0x04, "enabled" }, { 0, NULL },
};

static const struct lldp_name pmd_cap[] = {
	{ 0x4000, "10BASE-T hdx" }, { 0x2000, "10BASE-T fdx" },
	{ 0x1000, "100BASE-T4" }, { 0x0800, "100BASE-TX hdx" },
	{ 0x0400, "100BASE-TX fdx" }, { 0x0200, "100BASE-T2 hdx" },
	{ 0x0100, "100BASE-T2 fdx" }, { 0x0080, "Pause for fdx links" },
	{ 0x0040, "Asym PAUSE for fdx" }, { 0x0020, "Sym PAUSE for fdx" },
	{ 0x0010, "Asym and Sym PAUSE for fdx" },
	{ 0x0008, "1000BASE-{X LX SX CX} hdx" },
	{ 0x0004, "1000BASE-{X LX SX CX} fdx" }, { 0x0002, "1000BASE-T hdx" },
	{ 0x0001, "1000BASE-T fdx" }, { 0, NULL },
};

static const struct lldp_name mau_types[] = {
	{ 1, "AUI" }, { 2, "10BASE5" }, { 3, "FOIRL" }, { 4, "10BASE2" },
	{ 5, "10BASET duplex mode unknown" }, { 6, "10BASEFP" }, { 7, "10BASEFB" },
	{ 8, "10BASEFL duplex mode unknown" }, { 9, "10BROAD36" },
	{ 10, "10BASET hdx" }, { 11, "10BASET fdx" }, { 12, "10BASEFL hdx" },
	{ 13, "10BASEFL fdx" }, { 14, "100BASET4" }, { 15, "100BASETX hdx" },
	{ 16, "100BASETX fdx" }, { 17, "100BASEFX hdx" }, { 18, "100BASEFX fdx" },
	{ 19, "100BASET2 hdx" }, { 20, "100BASET2 fdx" }, { 21, "1000BASEX hdx" },
	{ 22, "1000BASEX fdx" }, { 23, "1000BASELX hdx" }, { 24, "1000BASELX fdx" },
	{ 25, "1000BASESX hdx" }, { 26, "1000BASESX fdx" }, { 27, "1000BASECX hdx" },
	{ 28, "1000BASECX fdx" }, { 29, "1000BASET hdx" }, { 30, "1000BASET fdx" },
	{ 31, "10GIGBASEX" }, { 32, "10GIGBASELX4" }, { 33, "10GIGBASER" },
	{ 34, "10GIGBASEER" }, { 35, "10GIGBASELR" }, { 36, "10GIGBASESR" },
	{ 37, "10GIGBASEW" }, { 38, "10GIGBASEEW" }, { 39, "10GIGBASELW" },
	{ 40, "10GIGBASESW" }, { 0, NULL },
};

static void zstr(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		unsigned c = nd_u8(nd, p + i);
		if (!c)
			break;
		nd_print_char(nd, (uint8_t)c);
	}
}

/* "AFI name (n): address"; returns 0 when the address is too short. */
static int network_addr(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 1)
		return 0;
	len--;
	unsigned af = nd_u8(nd, p);
	unsigned need = af == 1 ? 4 : af == 2 ? 16 : af == 6 ? 6 : 0;
	if (need && len < need)
		return 0;
	if (need)
		nd_need(nd, p + 1, need);
	{
		const char *v0 = lk(af_names, af, "Unknown");
		nd_s(nd, "AFI ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, af);
		nd_c(nd, ')');
	}
	switch (af) {
	case 1:
		nd_s(nd, ": ");
		put_ip4(nd, p + 1);
		break;
	case 2:
		nd_s(nd, ": ");
		put_ip6(nd, p + 1);
		break;
	case 6:
		nd_s(nd, ": ");
		put_mac(nd, p + 1);
		break;
	default:
		nd_s(nd, ", no AF printer !");
		break;
	}
	return 1;
}

static int mgmt_addr(nd_t *nd, const uint8_t *p, unsigned tlen)
{
	if (tlen < 1)
		return 0;
	unsigned alen = nd_u8(nd, p);
	p++;
	tlen--;
	if (tlen < alen)
		return 0;
	/* checked before anything of the line is printed */
	if (alen < 1)
		return 0;
	unsigned af = nd_u8(nd, p);
	unsigned need = af == 1 ? 4 : af == 2 ? 16 : af == 6 ? 6 : 0;
	if (need && alen - 1 < need)
		return 0;
	nd_s(nd, "\n\t  Management Address length ");
	nd_u(nd, alen);
	nd_s(nd, ", ");
	network_addr(nd, p, alen);
	p += alen;
	tlen -= alen;
	if (tlen < 5)
		return 0;
	unsigned sub = nd_u8(nd, p);
	{
		const char *v0 = lk(intf_num, sub, "Unknown");
		unsigned v1 = nd_be32(nd, p + 1);
		nd_s(nd, "\n\t  ");
		nd_s(nd, v0);
		nd_s(nd, " Interface Numbering (");
		nd_u(nd, sub);
		nd_s(nd, "): ");
		nd_u(nd, v1);
	}
	p += 5;
	tlen -= 5;
	if (tlen) {
		unsigned olen = nd_u8(nd, p);
		if (tlen < 1 + olen)
			return 0;
		if (olen) {
			nd_s(nd, "\n\t  OID length ");
			nd_u(nd, olen);
			zstr(nd, p + 1, olen);
		}
	}
	return 1;
}

/* IEEE 802.1Qau: one bit per priority, priority 0 the low-order bit. */
static void prio_bits(nd_t *nd, const char *title, unsigned v)
{
	nd_s(nd, "\n\t    ");
	nd_s(nd, title);
	nd_s(nd, "\n\t     Priority : 0  1  2  3  4  5  6  7");
	nd_s(nd, "\n\t     Value    : ");
	for (int i = 0; i < 8; i++) {
		out_ul(nd->out, (v >> i) & 1, 2);
		nd_c(nd, ' ');
	}
}

/* IEEE 802.1Qaz ETS: priority assignment (4 bits each, 4 bytes), TC
 * bandwidth (8 bytes), TSA assignment (8 bytes); p at the first table. */
static void ets_tables(nd_t *nd, const uint8_t *p)
{
	nd_s(nd, "\n\t    Priority Assignment Table");
	nd_s(nd, "\n\t     Priority : 0   1   2   3   4   5   6   7");
	nd_s(nd, "\n\t     Value    : ");
	for (int i = 0; i < 4; i++) {
		unsigned b = nd_u8(nd, p + i);
		out_ul(nd->out, b >> 4, 3);
		nd_c(nd, ' ');
		out_ul(nd->out, b & 0x0f, 3);
		nd_s(nd, i < 3 ? " " : "");
	}
	nd_s(nd, "\n\t    TC Bandwidth Table");
	nd_s(nd, "\n\t     TC%   : 0   1   2   3   4   5   6   7");
	nd_s(nd, "\n\t     Value : ");
	for (int i = 0; i < 8; i++) {
		out_ul(nd->out, nd_u8(nd, p + 4 + i), 3);
		nd_s(nd, i < 7 ? " " : "");
	}
	nd_s(nd, "\n\t    TSA Assignment Table");
	nd_s(nd, "\n\t     Traffic Class: 0   1   2   3   4   5   6   7");
	nd_s(nd, "\n\t     Value        : ");
	for (int i = 0; i < 8; i++) {
		out_ul(nd->out, nd_u8(nd, p + 12 + i), 3);
		nd_s(nd, i < 7 ? " " : "");
	}
}

static int private_8021(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 4) /* as tcpdump: no subtype, and no dump with -v */
		return 0;
	unsigned sub = nd_u8(nd, p + 3);
	{
		const char *v0 = lk(sub8021, sub, "unknown");
		nd_s(nd, "\n\t  ");
		nd_s(nd, v0);
		nd_s(nd, " Subtype (");
		nd_u(nd, sub);
		nd_c(nd, ')');
	}
	switch (sub) {
	case 1:
		if (len < 6)
			return 0; /* too short: no dump either */
		{
			unsigned v0 = nd_be16(nd, p + 4);
			nd_s(nd, "\n\t    port vlan id (PVID): ");
			nd_u(nd, v0);
		}
		break;
	case 2: {
		if (len < 7)
			return 0;
		unsigned f = nd_u8(nd, p + 4);
		{
			unsigned v0 = nd_be16(nd, p + 5);
			nd_s(nd, "\n\t    port and protocol vlan id (PPVID): ");
			nd_u(nd, v0);
			nd_s(nd, ", flags [");
		}
		bits(nd, ppvid_flags, f, "none");
		nd_s(nd, "] (0x");
		out_x2(nd->out, f);
		nd_c(nd, ')');
		break;
	}
	case 3: {
		if (len < 6)
			return 0;
		{
			unsigned v0 = nd_be16(nd, p + 4);
			nd_s(nd, "\n\t    vlan id (VID): ");
			nd_u(nd, v0);
		}
		if (len < 7)
			return 0;
		unsigned sl = nd_u8(nd, p + 6);
		if (len < 7 + sl)
			return 0;
		nd_s(nd, "\n\t    vlan name: ");
		zstr(nd, p + 7, sl);
		break;
	}
	case 4: {
		if (len < 5)
			return 0;
		unsigned sl = nd_u8(nd, p + 4);
		if (len < 5 + sl)
			return 0;
		nd_s(nd, "\n\t    protocol identity: ");
		zstr(nd, p + 5, sl);
		break;
	}
	case 7: {
		if (len < 9)
			return 0;
		unsigned st = nd_u8(nd, p + 4);
		nd_s(nd, "\n\t    aggregation status [");
		bits(nd, autoneg, st, "none");
		{
			unsigned v0 = nd_be32(nd, p + 5);
			nd_s(nd, "], aggregation port ID ");
			nd_u(nd, v0);
		}
		break;
	}
	case 8:
		if (len < 6)
			return 0;
		prio_bits(nd, "Pre-Priority CNPV Indicator", nd_u8(nd, p + 4));
		prio_bits(nd, "Pre-Priority Ready Indicator", nd_u8(nd, p + 5));
		break;
	case 9: case 10: {
		if (len < 25)
			return 0;
		unsigned t = nd_u8(nd, p + 4);
		if (sub == 9) {
			nd_s(nd, "\n\t    Willing:");
			nd_u(nd, t >> 7);
			nd_s(nd, ", CBS:");
			nd_u(nd, (t >> 6) & 2); /* CBS as tcpdump has it */
			nd_s(nd, ", RES:");
			nd_u(nd, (t >> 3) & 7);
			nd_s(nd, ", Max TCs:");
			nd_u(nd, t & 7);
		} else {
			nd_s(nd, "\n\t    RES: ");
			nd_u(nd, t);
		}
		ets_tables(nd, p + 5);
		break;
	}
	case 11: {
		if (len < 6)
			return 0;
		unsigned t = nd_u8(nd, p + 4);
		nd_s(nd, "\n\t    Willing: ");
		nd_u(nd, t >> 7);
		nd_s(nd, ", MBC: ");
		nd_u(nd, (t >> 6) & 1);
		nd_s(nd, ", RES: ");
		nd_u(nd, (t >> 4) & 3);
		nd_s(nd, ", PFC cap:");
		nd_u(nd, t & 0x0f);
		nd_c(nd, ' ');
		nd_s(nd, "\n\t    PFC Enable");
		t = nd_u8(nd, p + 5);
		nd_s(nd, "\n\t     Priority : 0  1  2  3  4  5  6  7");
		nd_s(nd, "\n\t     Value    : ");
		for (int i = 0; i < 8; i++) { /* "%-2d " of a bit */
			nd_c(nd, (char)('0' + ((t >> i) & 1)));
			nd_s(nd, "  ");
		}
		break;
	}
	case 12: {
		if (len < 5)
			return 0;
		{
			unsigned v0 = nd_u8(nd, p + 4);
			nd_s(nd, "\n\t    RES: ");
			nd_u(nd, v0);
		}
		if (len <= 5)
			return 0;
		unsigned sl = len - 5;
		if (sl % 3)
			return 0;
		nd_s(nd, "\n\t    Application Priority Table");
		for (unsigned i = 0; i < sl; i += 3) {
			unsigned t = nd_u8(nd, p + i + 5);
			{
				unsigned v0 = nd_be16(nd, p + i + 6);
				nd_s(nd, "\n\t      Priority: ");
				nd_u(nd, t >> 5);
				nd_s(nd, ", RES: ");
				nd_u(nd, (t >> 3) & 3);
				nd_s(nd, ", Sel: ");
				nd_u(nd, t & 7);
				nd_s(nd, ", Protocol ID: ");
				nd_u(nd, v0);
			}
		}
		break;
	}
	case 13: {
		if (len < 9)
			return 0;
		static const char *const modes[4] = { "Not Supported", "EVB Bridge",
			"EVB Station", "Reserved for future Standardization" };
		unsigned t = nd_u8(nd, p + 4);
		nd_s(nd, "\n\t    EVB Bridge Status");
		nd_s(nd, "\n\t      RES: ");
		nd_u(nd, t >> 3);
		nd_s(nd, ", BGID: ");
		nd_u(nd, (t >> 2) & 1);
		nd_s(nd, ", RRCAP: ");
		nd_u(nd, (t >> 1) & 1);
		nd_s(nd, ", RRCTR: ");
		nd_u(nd, t & 1);
		nd_s(nd, "\n\t    EVB Station Status");
		t = nd_u8(nd, p + 5);
		nd_s(nd, "\n\t      RES: ");
		nd_u(nd, t >> 4);
		nd_s(nd, ", SGID: ");
		nd_u(nd, (t >> 3) & 1);
		nd_s(nd, ", RRREQ: ");
		nd_u(nd, (t >> 2) & 1);
		nd_s(nd, ",RRSTAT: ");
		nd_u(nd, t & 3);
		t = nd_u8(nd, p + 6);
		nd_s(nd, "\n\t    R: ");
		nd_u(nd, t >> 5);
		nd_s(nd, ", RTE: ");
		nd_u(nd, t & 0x1f);
		nd_s(nd, ", ");
		t = nd_u8(nd, p + 7);
		nd_s(nd, "EVB Mode: ");
		nd_s(nd, modes[t >> 6]);
		nd_s(nd, " [");
		nd_u(nd, t >> 6);
		nd_c(nd, ']');
		nd_s(nd, "\n\t    ROL: ");
		nd_u(nd, (t >> 5) & 1);
		nd_s(nd, ", RWD: ");
		nd_u(nd, t & 0x1f);
		nd_s(nd, ", ");
		t = nd_u8(nd, p + 8);
		nd_s(nd, "RES: ");
		nd_u(nd, t >> 6);
		nd_s(nd, ", ROL: ");
		nd_u(nd, (t >> 5) & 1);
		nd_s(nd, ", RKA: ");
		nd_u(nd, t & 0x1f);
		break;
	}
	case 14: {
		if (len < 8)
			return 0;
		unsigned t = nd_u8(nd, p + 4);
		nd_s(nd, "\n\t    Role: ");
		nd_u(nd, t >> 7);
		nd_s(nd, ", RES: ");
		nd_u(nd, (t >> 4) & 7);
		nd_s(nd, ", Scomp: ");
		nd_u(nd, (t >> 3) & 1);
		nd_c(nd, ' ');
		{
			unsigned v0 = nd_be16(nd, p + 6) & 0x0fff;
			nd_s(nd, "ChnCap: ");
			nd_u(nd, v0);
		}
		unsigned sl = len - 8;
		if (sl % 3)
			return 0;
		for (unsigned i = 0; i < sl; i += 3) {
			uint32_t w = nd_be24(nd, p + i + 8);
			nd_s(nd, "\n\t    SCID: ");
			nd_u(nd, w >> 12);
			nd_s(nd, ", SVID: ");
			nd_u(nd, w & 0xfff);
		}
		break;
	}
	default:
		return 1;
	}
	return 0;
}

static int private_8023(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 4) /* as tcpdump: no subtype, and no dump with -v */
		return 0;
	unsigned sub = nd_u8(nd, p + 3);
	{
		const char *v0 = lk(sub8023, sub, "unknown");
		nd_s(nd, "\n\t  ");
		nd_s(nd, v0);
		nd_s(nd, " Subtype (");
		nd_u(nd, sub);
		nd_c(nd, ')');
	}
	switch (sub) {
	case 1: {
		if (len < 9)
			return 1;
		unsigned a = nd_u8(nd, p + 4), pmd = nd_be16(nd, p + 5),
			 mau = nd_be16(nd, p + 7);
		nd_s(nd, "\n\t    autonegotiation [");
		bits(nd, autoneg, a, "none");
		nd_s(nd, "] (0x");
		out_x2(nd->out, a);
		nd_c(nd, ')');
		nd_s(nd, "\n\t    PMD autoneg capability [");
		bits(nd, pmd_cap, pmd, "unknown");
		nd_s(nd, "] (0x");
		out_x(nd->out, pmd, 4);
		nd_c(nd, ')');
		{
			const char *v0 = lk(mau_types, mau, "unknown");
			nd_s(nd, "\n\t    MAU type ");
			nd_s(nd, v0);
			nd_s(nd, " (0x");
			out_x(nd->out, mau, 4);
			nd_c(nd, ')');
		}
		break;
	}
	case 3: {
		if (len < 9)
			return 1;
		unsigned st = nd_u8(nd, p + 4);
		nd_s(nd, "\n\t    aggregation status [");
		bits(nd, autoneg, st, "none");
		{
			unsigned v0 = nd_be32(nd, p + 5);
			nd_s(nd, "], aggregation port ID ");
			nd_u(nd, v0);
		}
		break;
	}
	case 4:
		if (len < 6) /* too short for the size: nothing, no dump */
			return 0;
		{
			unsigned v0 = nd_be16(nd, p + 4);
			nd_s(nd, "\n\t    MTU size ");
			nd_u(nd, v0);
		}
		break;
	default:
		return 1;
	}
	return 0;
}

static int private_iana(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 8) /* as tcpdump: no subtype, and no dump with -v */
		return 0;
	unsigned sub = nd_u8(nd, p + 3);
	nd_s(nd, "\n\t  ");
	nd_s(nd, sub == 1 ? "MUD-URL" : "unknown");
	nd_s(nd, " Subtype (");
	nd_u(nd, sub);
	nd_c(nd, ')');
	if (sub != 1)
		return 1;
	nd_s(nd, "\n\t  MUD-URL=");
	zstr(nd, p + 4, len - 4);
	return 0;
}


static void lldp_body(nd_t *nd, const uint8_t *pptr, unsigned len)
{
	const uint8_t *p = pptr;
	unsigned tlen = len;
	int v = nd->opt->vflag;
	nd_s(nd, "LLDP, length ");
	nd_u(nd, len);
	while (tlen >= 2) {
		unsigned tlv = nd_be16(nd, p);
		unsigned type = tlv >> 9, tl = tlv & 0x1ff;
		int hexdump = 0;
		tlen -= 2;
		p += 2;
		if (v) {
			const char *v0 = lk(tlv_names, type, "Unknown");
			nd_s(nd, "\n\t");
			nd_s(nd, v0);
			nd_s(nd, " TLV (");
			nd_u(nd, type);
			nd_s(nd, "), length ");
			nd_u(nd, tl);
		}
		if (!type || !tl)
			break;
		nd_need(nd, p, tl);
		if (tlen < tl)
			goto trunc;
		switch (type) {
		case 1:
		case 2:
			if (v) {
				if (tl < 2)
					goto trunc;
				unsigned sub = nd_u8(nd, p);
				{
					const char *v0 = lk(type == 1 ? chassis_sub : port_sub, sub, "Unknown");
					nd_s(nd, "\n\t  Subtype ");
					nd_s(nd, v0);
					nd_s(nd, " (");
					nd_u(nd, sub);
					nd_s(nd, "): ");
				}
				unsigned mac = type == 1 ? 4 : 3, net = type == 1 ? 5 : 4;
				if (sub == mac) {
					if (tl < 7)
						goto trunc;
					put_mac(nd, p + 1);
				} else if (sub == net) {
					if (!network_addr(nd, p + 1, tl - 1))
						goto trunc;
				} else if (sub >= 1 && sub <= 7) {
					zstr(nd, p + 1, tl - 1);
				} else {
					hexdump = 1;
				}
			}
			break;
		case 3:
			if (v) {
				if (tl < 2)
					goto trunc;
				{
					unsigned v0 = nd_be16(nd, p);
					nd_s(nd, ": TTL ");
					nd_u(nd, v0);
					nd_c(nd, 's');
				}
			}
			break;
		case 4:
			if (v) {
				nd_s(nd, ": ");
				zstr(nd, p, tl);
			}
			break;
		case 5:
			nd_s(nd, ": ");
			zstr(nd, p, tl);
			break;
		case 6:
			if (v) {
				nd_s(nd, "\n\t  ");
				zstr(nd, p, tl);
			}
			break;
		case 7:
			if (v) {
				if (tl < 4)
					goto trunc;
				unsigned cap = nd_be16(nd, p), ena = nd_be16(nd, p + 2);
				nd_s(nd, "\n\t  System  Capabilities [");
				bits(nd, cap_names, cap, "none");
				nd_s(nd, "] (0x");
				out_x(nd->out, cap, 4);
				nd_c(nd, ')');
				nd_s(nd, "\n\t  Enabled Capabilities [");
				bits(nd, cap_names, ena, "none");
				nd_s(nd, "] (0x");
				out_x(nd->out, ena, 4);
				nd_c(nd, ')');
			}
			break;
		case 8:
			if (v && !mgmt_addr(nd, p, tl))
				goto trunc;
			break;
		case 127:
			if (v) {
				if (tl < 3)
					goto trunc;
				uint32_t oui = nd_be24(nd, p);
				const char *o = oui_name(oui);
				nd_s(nd, ": OUI ");
				nd_s(nd, o ? o : "Unknown");
				nd_s(nd, " (0x");
				out_x(nd->out, oui, 6);
				nd_c(nd, ')');
				switch (oui) {
				case 0x0080c2: hexdump = private_8021(nd, p, tl); break;
				case 0x00120f: hexdump = private_8023(nd, p, tl); break;
				case 0x00005e: hexdump = private_iana(nd, p, tl); break;
				default: hexdump = 1; break;
				}
			}
			break;
		default:
			hexdump = 1;
			break;
		}
		if (v > 1 || (v && hexdump))
			print_unknown_data(nd, p, "\n\t  ", tl);
		tlen -= tl;
		p += tl;
	}
	return;
trunc:
	nd_print_trunc(nd);
}

/* tcpdump checks each TLV before decoding it and ends a short one with the
 * marker, returning normally (so -x dumps skip the link header): every
 * truncation inside LLDP ends that way. */
void lldp_print(nd_t *nd, const uint8_t *pptr, unsigned len)
{
	jmp_buf saved;
	nd_proto(nd, "lldp");
	memcpy(&saved, &nd->trunc, sizeof saved);
	if (setjmp(nd->trunc) == 0) {
		lldp_body(nd, pptr, len);
		memcpy(&nd->trunc, &saved, sizeof saved);
		return;
	}
	memcpy(&nd->trunc, &saved, sizeof saved);
	nd->marked = false;
	nd_print_trunc(nd);
}
