/* of10.c - OpenFlow 1.0 message bodies (printed with -v): switch features
 * and ports, configuration, flow and port modification, packet in/out with
 * the frame decoded (-vvv), flow removal, statistics requests and replies,
 * queue configuration, errors, echo data and vendor messages and actions,
 * with Big Switch Networks' extensions decoded.
 *
 * Fields are read one at a time as they are printed, so a message cut short
 * by the capture (or by the end of the TCP segment) shows what it holds up
 * to the cut, then the truncation marker. */
#include <setjmp.h>
#include <string.h>

#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define BSN_VENDOR 0x005c16c7u
#define NICIRA_VENDOR 0x00002320u
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Sizes of the fixed structures (OpenFlow 1.0 specification). */
#define HDR_LEN 8u
#define PHY_PORT_LEN 48u
#define MATCH_LEN 40u
#define ACTION_MIN 8u

static void invalid(nd_t *nd)
{
	nd_s(nd, " (invalid)");
}

static void data_print(nd_t *nd, const char *pfx, const uint8_t *p,
                       unsigned len)
{
	nd_s(nd, pfx);
	nd_s(nd, "data (");
	nd_u(nd, len);
	nd_s(nd, " octets)");
	if (nd->opt->vflag > 1) {
		char ident[16];
		size_t n = strlen(pfx);
		if (n > sizeof ident - 2)
			n = sizeof ident - 2;
		memcpy(ident, pfx, n);
		ident[n] = ' ';
		ident[n + 1] = '\0';
		size_t have = nd_avail(nd, p);
		hex_ascii_dump(nd->out, ident, p, have < len ? (unsigned)have : len, 0);
		nd_need(nd, p, len);
	}
}

/* A NUL-padded text field of n octets, in quotes. */
static void str_print(nd_t *nd, const char *label, const uint8_t *p,
                      unsigned n)
{
	nd_need(nd, p, 1);
	nd_s(nd, label);
	nd_c(nd, '\'');
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = nd_u8(nd, p + i);
		if (c == 0)
			break;
		nd_print_char(nd, c);
	}
	nd_c(nd, '\'');
}

/* A bitmap: the value, the names of its known bits, and "(bogus)" when
 * bits outside known are set. */
static void bitmap_print(nd_t *nd, const struct tok *t, uint32_t v,
                         uint32_t known)
{
	if (v & known) {
		nd_s(nd, " (");
		put_bits(nd, t, v, "");
		nd_c(nd, ')');
	}
	if (v & ~known)
		nd_s(nd, " (bogus)");
}

static void bitmap32(nd_t *nd, const struct tok *t, uint32_t v, uint32_t known)
{
	nd_s(nd, "0x");
	out_x(nd->out, v, 8);
	bitmap_print(nd, t, v, known);
}

static void bitmap16(nd_t *nd, const struct tok *t, uint32_t v, uint32_t known)
{
	nd_s(nd, "0x");
	out_x(nd->out, v, 4);
	bitmap_print(nd, t, v, known);
}

static const struct tok port_names[] = {
	{ 0xff00, "MAX" }, { 0xfff8, "IN_PORT" }, { 0xfff9, "TABLE" }, { 0xfffa, "NORMAL" },
	{ 0xfffb, "FLOOD" }, { 0xfffc, "ALL" }, { 0xfffd, "CONTROLLER" },
	{ 0xfffe, "LOCAL" }, { 0xffff, "NONE" }, { 0, NULL },
};

static void port_print(nd_t *nd, unsigned port)
{
	const char *s = tok_name(port_names, port);
	if (s)
		nd_s(nd, s);
	else
		nd_u(nd, port);
}

static void table_print(nd_t *nd, unsigned t)
{
	if (t == 0xff)
		nd_s(nd, "ALL");
	else if (t == 0xfe)
		nd_s(nd, "EMERG");
	else
		nd_u(nd, t);
}

static void buffer_print(nd_t *nd, uint32_t b)
{
	if (b == 0xffffffffu)
		nd_s(nd, "NONE");
	else {
		nd_s(nd, "0x");
		out_x(nd->out, b, 8);
	}
}

/* The same, after a label: the value is read (and a truncation found)
 * before the label is printed. */
static void port_print_l(nd_t *nd, const char *label, unsigned port)
{
	nd_s(nd, label);
	port_print(nd, port);
}

static void table_print_l(nd_t *nd, const char *label, unsigned t)
{
	nd_s(nd, label);
	table_print(nd, t);
}

static void buffer_print_l(nd_t *nd, const char *label, uint32_t b)
{
	nd_s(nd, label);
	buffer_print(nd, b);
}

static void bitmap32_l(nd_t *nd, const char *label, const struct tok *t,
                       uint32_t v, uint32_t known)
{
	nd_s(nd, label);
	bitmap32(nd, t, v, known);
}

static void bitmap16_l(nd_t *nd, const char *label, const struct tok *t,
                       uint32_t v, uint32_t known)
{
	nd_s(nd, label);
	bitmap16(nd, t, v, known);
}

static const char *vendor_name(uint32_t v)
{
	return v == BSN_VENDOR ? "Big Switch Networks" :
	       v == NICIRA_VENDOR ? "Nicira Networks" : "unknown";
}

/* ---- ports ---- */

static const struct tok port_config[] = {
	{ 1u << 0, "PORT_DOWN" }, { 1u << 1, "NO_STP" }, { 1u << 2, "NO_RECV" },
	{ 1u << 3, "NO_RECV_STP" }, { 1u << 4, "NO_FLOOD" },
	{ 1u << 5, "NO_FWD" }, { 1u << 6, "NO_PACKET_IN" }, { 0, NULL },
};
#define PORT_CONFIG_KNOWN 0x7fu

static const struct tok port_features[] = {
	{ 1u << 0, "10MB_HD" }, { 1u << 1, "10MB_FD" }, { 1u << 2, "100MB_HD" },
	{ 1u << 3, "100MB_FD" }, { 1u << 4, "1GB_HD" }, { 1u << 5, "1GB_FD" },
	{ 1u << 6, "10GB_FD" }, { 1u << 7, "COPPER" }, { 1u << 8, "FIBER" },
	{ 1u << 9, "AUTONEG" }, { 1u << 10, "PAUSE" },
	{ 1u << 11, "PAUSE_ASYM" }, { 0, NULL },
};
#define PORT_FEATURES_KNOWN 0xfffu

static void port_state_print(nd_t *nd, uint32_t v)
{
	static const char *const stp[] = {
		"STP_LISTEN", "STP_LEARN", "STP_FORWARD", "STP_BLOCK",
	};
	nd_s(nd, "0x");
	out_x(nd->out, v, 8);
	nd_s(nd, " (");
	nd_s(nd, stp[(v >> 8) & 3]);
	nd_s(nd, (v & 1) ? ", LINK_DOWN" : "");
	nd_c(nd, ')');
	if (v & ~0x301u)
		nd_s(nd, " (bogus)");
}

/* ofp_phy_port, its lines starting with pfx. */
static void phy_port_print(nd_t *nd, const char *pfx, const uint8_t *p)
{
	unsigned no = nd_be16(nd, p);
	nd_s(nd, pfx);
	port_print_l(nd, "port_no ", no);
	nd_need(nd, p + 2, 6);
	nd_s(nd, ", hw_addr ");
	put_mac(nd, p + 2);
	str_print(nd, ", name ", p + 8, 16);
	if (nd->opt->vflag < 2) {
		nd_need(nd, p, PHY_PORT_LEN);
		return;
	}
	static const char *const names[] = {
		"config", "state", "curr", "advertised", "supported", "peer",
	};
	for (unsigned i = 0; i < N(names); i++) {
		uint32_t v = nd_be32(nd, p + 24 + 4 * i);
		nd_s(nd, pfx);
		nd_c(nd, ' ');
		nd_s(nd, names[i]);
		nd_c(nd, ' ');
		if (i == 0)
			bitmap32(nd, port_config, v, PORT_CONFIG_KNOWN);
		else if (i == 1)
			port_state_print(nd, v);
		else
			bitmap32(nd, port_features, v, PORT_FEATURES_KNOWN);
	}
}

/* ---- match ---- */

#define FW_IN_PORT (1u << 0)
#define FW_DL_VLAN (1u << 1)
#define FW_DL_SRC (1u << 2)
#define FW_DL_DST (1u << 3)
#define FW_DL_TYPE (1u << 4)
#define FW_NW_PROTO (1u << 5)
#define FW_TP_SRC (1u << 6)
#define FW_TP_DST (1u << 7)
#define FW_DL_VLAN_PCP (1u << 20)
#define FW_NW_TOS (1u << 21)

static const struct tok wildcard_names[] = {
	{ FW_IN_PORT, "IN_PORT" }, { FW_DL_VLAN, "DL_VLAN" },
	{ FW_DL_SRC, "DL_SRC" }, { FW_DL_DST, "DL_DST" },
	{ FW_DL_TYPE, "DL_TYPE" }, { FW_NW_PROTO, "NW_PROTO" },
	{ FW_TP_SRC, "TP_SRC" }, { FW_TP_DST, "TP_DST" },
	{ FW_DL_VLAN_PCP, "DL_VLAN_PCP" }, { FW_NW_TOS, "NW_TOS" },
	{ 0, NULL },
};
#define WILDCARDS_KNOWN 0x3fffffu

static void nw_addr_match(nd_t *nd, const char *pfx, const char *name,
                          const uint8_t *a, unsigned wbits)
{
	if (wbits >= 32)
		return;
	nd_need(nd, a, 4);
	nd_s(nd, pfx);
	nd_s(nd, "match ");
	nd_s(nd, name);
	nd_c(nd, ' ');
	put_ip4(nd, a);
	nd_c(nd, '/');
	nd_u(nd, 32 - wbits);
}

/* ofp_match: one line for each field that is not wildcarded. */
static void match_print(nd_t *nd, const char *pfx, const uint8_t *p)
{
	uint32_t w = nd_be32(nd, p);
	if (!(w & FW_IN_PORT)) {
		unsigned in_port = nd_be16(nd, p + 4);
		nd_s(nd, pfx);
		nd_s(nd, "match in_port ");
		port_print(nd, in_port);
	}
	if (!(w & FW_DL_SRC)) {
		nd_need(nd, p + 6, 6);
		nd_s(nd, pfx);
		nd_s(nd, "match dl_src ");
		put_mac(nd, p + 6);
	}
	if (!(w & FW_DL_DST)) {
		nd_need(nd, p + 12, 6);
		nd_s(nd, pfx);
		nd_s(nd, "match dl_dst ");
		put_mac(nd, p + 12);
	}
	if (!(w & FW_DL_VLAN)) {
		unsigned vlan = nd_be16(nd, p + 18);
		nd_s(nd, pfx);
		nd_s(nd, "match dl_vlan ");
		if (vlan == 0xffff)
			nd_s(nd, "NONE");
		else
			nd_u(nd, vlan);
	}
	if (!(w & FW_DL_VLAN_PCP)) {
		unsigned v0 = nd_u8(nd, p + 20);
		nd_s(nd, pfx);
		nd_s(nd, "match dl_vlan_pcp ");
		nd_u(nd, v0);
	}
	if (!(w & FW_DL_TYPE)) {
		unsigned v0 = nd_be16(nd, p + 22);
		nd_s(nd, pfx);
		nd_s(nd, "match dl_type 0x");
		out_x(nd->out, v0, 4);
	}
	if (!(w & FW_NW_TOS)) {
		unsigned v0 = nd_u8(nd, p + 24);
		nd_s(nd, pfx);
		nd_s(nd, "match nw_tos 0x");
		out_x2(nd->out, v0);
	}
	if (!(w & FW_NW_PROTO)) {
		unsigned v0 = nd_u8(nd, p + 25);
		nd_s(nd, pfx);
		nd_s(nd, "match nw_proto ");
		nd_u(nd, v0);
	}
	nw_addr_match(nd, pfx, "nw_src", p + 28, (w >> 8) & 0x3f);
	nw_addr_match(nd, pfx, "nw_dst", p + 32, (w >> 14) & 0x3f);
	int icmp = nd_be16(nd, p + 22) == 0x0800 && nd_u8(nd, p + 25) == 1;
	if (!(w & FW_TP_SRC)) {
		unsigned v0 = nd_be16(nd, p + 36);
		nd_s(nd, pfx);
		nd_s(nd, "match ");
		nd_s(nd, icmp ? "icmp_type" : "tp_src");
		nd_c(nd, ' ');
		nd_u(nd, v0);
	}
	if (!(w & FW_TP_DST)) {
		unsigned v0 = nd_be16(nd, p + 38);
		nd_s(nd, pfx);
		nd_s(nd, "match ");
		nd_s(nd, icmp ? "icmp_code" : "tp_dst");
		nd_c(nd, ' ');
		nd_u(nd, v0);
	}
}

/* ---- actions ---- */

static const char *const action_names[] = {
	"OUTPUT", "SET_VLAN_VID", "SET_VLAN_PCP", "STRIP_VLAN", "SET_DL_SRC",
	"SET_DL_DST", "SET_NW_SRC", "SET_NW_DST", "SET_NW_TOS", "SET_TP_SRC",
	"SET_TP_DST", "ENQUEUE",
};
#define AT_VENDOR 0xffffu

static const struct tok action_bits[] = {
	{ 1u << 0, "OUTPUT" }, { 1u << 1, "SET_VLAN_VID" },
	{ 1u << 2, "SET_VLAN_PCP" }, { 1u << 3, "STRIP_VLAN" },
	{ 1u << 4, "SET_DL_SRC" }, { 1u << 5, "SET_DL_DST" },
	{ 1u << 6, "SET_NW_SRC" }, { 1u << 7, "SET_NW_DST" },
	{ 1u << 8, "SET_NW_TOS" }, { 1u << 9, "SET_TP_SRC" },
	{ 1u << 10, "SET_TP_DST" }, { 1u << 11, "ENQUEUE" }, { 0, NULL },
};
#define ACTION_BITS_KNOWN 0xfffu

/* The length each action type must have (0: at least 8, a multiple of 8). */
static unsigned action_len(unsigned type)
{
	switch (type) {
	case 4: case 5: case 11: return 16;
	case AT_VENDOR: return 0;
	default: return 8;
	}
}

static void bsn_action_print(nd_t *nd, const char *pfx, const uint8_t *p,
                             unsigned len)
{
	if (len < 12) {
		invalid(nd);
		return;
	}
	uint32_t sub = nd_be32(nd, p + 8);
	switch (sub) {
	case 4:
		nd_s(nd, pfx);
		nd_s(nd, " subtype CHECKSUM");
		return;
	case 1: { /* MIRROR */
		nd_s(nd, pfx);
		nd_s(nd, " subtype MIRROR");
		if (len != 24) {
			invalid(nd);
			return;
		}
		{
			unsigned v0 = nd_be32(nd, p + 12);
			nd_s(nd, ", dest_port ");
			nd_u(nd, v0);
		}
		uint32_t tag = nd_be32(nd, p + 16);
		nd_s(nd, ", vlan_tag ");
		if (tag == 0)
			nd_s(nd, "none");
		else if (tag >> 16 == 0x8100) {
			nd_s(nd, "802.1Q (vlan ");
			nd_u(nd, tag & 0xfff);
			nd_s(nd, ", p ");
			nd_u(nd, (tag >> 13) & 7);
			nd_s(nd, (tag & 0x1000) ? ", DEI" : "");
			nd_c(nd, ')');
		} else {
			nd_s(nd, "unknown (0x");
			out_x(nd->out, tag >> 16, 4);
			nd_c(nd, ')');
		}
		unsigned cs = nd_u8(nd, p + 20);
		if (cs < 2) {
			nd_s(nd, ", copy_stage ");
			nd_s(nd, cs ? "EGRESS" : "INGRESS");
		} else {
			nd_s(nd, ", copy_stage unknown (");
			nd_u(nd, cs);
			nd_c(nd, ')');
		}
		return;
	}
	case 2: /* SET_TUNNEL_DST: not decoded further */
		nd_s(nd, pfx);
		nd_s(nd, " subtype SET_TUNNEL_DST");
		return;
	default:
		nd_s(nd, pfx);
		nd_s(nd, " subtype unknown (0x");
		out_x(nd->out, sub, 8);
		nd_c(nd, ')');
		return;
	}
}

/* A list of actions of len octets, each line starting with pfx. */
static void actions_print(nd_t *nd, const char *pfx, const uint8_t *p,
                          unsigned len)
{
	while (len > 0) {
		if (len < ACTION_MIN) {
			invalid(nd);
			nd_need(nd, p, len);
			return;
		}
		unsigned type = nd_be16(nd, p);
		nd_s(nd, pfx);
		nd_s(nd, "action type ");
		if (type < N(action_names))
			nd_s(nd, action_names[type]);
		else if (type == AT_VENDOR)
			nd_s(nd, "VENDOR");
		else {
			nd_s(nd, "invalid (0x");
			out_x(nd->out, type, 4);
			nd_c(nd, ')');
		}
		unsigned alen = nd_be16(nd, p + 2);
		nd_s(nd, ", len ");
		nd_u(nd, alen);
		unsigned want = type < N(action_names) || type == AT_VENDOR ?
				action_len(type) : 0;
		if (alen < ACTION_MIN || alen > len || alen % 8) {
			invalid(nd);
			nd_need(nd, p, len);
			return;
		}
		if (want && alen != want) {
			nd_s(nd, " (bogus)");
			type = 0xfffe; /* nothing more of it */
		}
		switch (type) {
		case 0: { /* OUTPUT */
			unsigned port = nd_be16(nd, p + 4);
			port_print_l(nd, ", port ", port);
			if (port == 0xfffd) {
				unsigned v0 = nd_be16(nd, p + 6);
				nd_s(nd, ", max_len ");
				nd_u(nd, v0);
			}
			break;
		}
		case 1:
			{
				unsigned v0 = nd_be16(nd, p + 4);
				nd_s(nd, ", vlan_vid ");
				nd_u(nd, v0);
			}
			break;
		case 2:
			{
				unsigned v0 = nd_u8(nd, p + 4);
				nd_s(nd, ", vlan_pcp ");
				nd_u(nd, v0);
			}
			break;
		case 3:
			break;
		case 4: case 5:
			nd_need(nd, p + 4, 6);
			nd_s(nd, ", dl_addr ");
			put_mac(nd, p + 4);
			break;
		case 6: case 7:
			nd_need(nd, p + 4, 4);
			nd_s(nd, ", nw_addr ");
			put_ip4(nd, p + 4);
			break;
		case 8:
			{
				unsigned v0 = nd_u8(nd, p + 4);
				nd_s(nd, ", nw_tos 0x");
				out_x2(nd->out, v0);
			}
			break;
		case 9: case 10:
			{
				unsigned v0 = nd_be16(nd, p + 4);
				nd_s(nd, ", tp_port ");
				nd_u(nd, v0);
			}
			break;
		case 11:
			port_print_l(nd, ", port ", nd_be16(nd, p + 4));
			{
				unsigned v0 = nd_be32(nd, p + 12);
				nd_s(nd, ", queue_id ");
				nd_u(nd, v0);
			}
			break;
		case AT_VENDOR: {
			uint32_t v = nd_be32(nd, p + 4);
			{
				const char *v0 = vendor_name(v);
				nd_s(nd, ", vendor 0x");
				out_x(nd->out, v, 8);
				nd_s(nd, " (");
				nd_s(nd, v0);
				nd_c(nd, ')');
			}
			if (v == BSN_VENDOR)
				bsn_action_print(nd, pfx, p, alen);
			else
				data_print(nd, pfx, p + 8, alen - 8);
			break;
		}
		default:
			break;
		}
		nd_need(nd, p, alen);
		p += alen;
		len -= alen;
	}
}

/* ---- packet data ---- */

/* A frame carried in PACKET_IN or PACKET_OUT: decoded with -vvv (a cut
 * inside it ends the frame only), else its length. */
static void frame_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len == 0)
		return;
	nd_s(nd, "\n\t data (");
	nd_u(nd, len);
	nd_s(nd, " octets)");
	if (nd->opt->vflag < 3)
		return;
	nd_s(nd, ", frame decoding below\n");
	jmp_buf saved;
	const uint8_t *end = nd->end;
	unsigned depth = nd->depth;
	const struct options *opt = nd->opt;
	struct options quiet = *opt; /* the frame: with three -v fewer */
	quiet.vflag = opt->vflag - 3;
	memcpy(saved, nd->trunc, sizeof saved);
	nd->opt = &quiet;
	if (setjmp(nd->trunc) == 0)
		ether_print(nd, p, len);
	else
		nd_print_trunc(nd);
	memcpy(nd->trunc, saved, sizeof saved);
	nd->opt = opt;
	nd->end = end;
	nd->depth = depth;
	nd_proto(nd, "openflow");
}

/* ---- Big Switch Networks vendor messages ---- */

static void bsn_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const char *const names[] = {
		"SET_IP_MASK", "GET_IP_MASK_REQUEST", "GET_IP_MASK_REPLY",
		"SET_MIRRORING", "GET_MIRRORING_REQUEST", "GET_MIRRORING_REPLY",
		"SHELL_COMMAND", "SHELL_OUTPUT", "SHELL_STATUS",
		"GET_INTERFACES_REQUEST", "GET_INTERFACES_REPLY",
		"SET_PKTIN_SUPPRESSION_REQUEST", "SET_L2_TABLE_REQUEST",
		"GET_L2_TABLE_REQUEST", "GET_L2_TABLE_REPLY",
		"VIRTUAL_PORT_CREATE_REQUEST", "VIRTUAL_PORT_CREATE_REPLY",
		"VIRTUAL_PORT_REMOVE_REQUEST", "BW_ENABLE_SET_REQUEST",
		"BW_ENABLE_GET_REQUEST", "BW_ENABLE_GET_REPLY",
		"BW_CLEAR_DATA_REQUEST", "BW_CLEAR_DATA_REPLY",
		"BW_ENABLE_SET_REPLY", "SET_L2_TABLE_REPLY",
		"SET_PKTIN_SUPPRESSION_REPLY", "VIRTUAL_PORT_REMOVE_REPLY",
		"HYBRID_GET_REQUEST", "HYBRID_GET_REPLY", NULL, NULL,
		"PDU_TX_REQUEST", "PDU_TX_REPLY", "PDU_RX_REQUEST",
		"PDU_RX_REPLY", "PDU_RX_TIMEOUT",
	};
	if (mlen < 16) {
		invalid(nd);
		return;
	}
	uint32_t sub = nd_be32(nd, p + 12);
	if (sub < N(names) && names[sub]) {
		nd_s(nd, "\n\t subtype ");
		nd_s(nd, names[sub]);
	} else {
		nd_s(nd, "\n\t subtype unknown (0x");
		out_x(nd->out, sub, 8);
		nd_c(nd, ')');
	}
	switch (sub) {
	case 0: case 1: case 2:
		if (mlen != 24)
			break;
		{
			unsigned v0 = nd_u8(nd, p + 16);
			nd_s(nd, ", index ");
			nd_u(nd, v0);
		}
		if (sub != 1) {
			nd_need(nd, p + 20, 4);
			nd_s(nd, ", mask ");
			put_ip4(nd, p + 20);
		}
		return;
	case 3: case 4: case 5: {
		if (mlen != 20)
			break;
		unsigned r = nd_u8(nd, p + 16);
		if (r < 2) {
			nd_s(nd, ", report_mirror_ports ");
			nd_s(nd, r ? "ON" : "OFF");
		} else {
			nd_s(nd, ", report_mirror_ports bogus (");
			nd_u(nd, r);
			nd_c(nd, ')');
		}
		return;
	}
	case 6:
		if (mlen < 20)
			break;
		{
			unsigned v0 = nd_be32(nd, p + 16);
			nd_s(nd, ", service ");
			nd_u(nd, v0);
			nd_s(nd, ", data '");
		}
		if (nd_print_chars(nd, p + 20, mlen - 20))
			nd_trunc(nd);
		nd_c(nd, '\'');
		return;
	case 7:
		nd_s(nd, ", data '");
		if (nd_print_chars(nd, p + 16, mlen - 16))
			nd_trunc(nd);
		nd_c(nd, '\'');
		return;
	case 8:
		if (mlen != 20)
			break;
		{
			unsigned v0 = nd_be32(nd, p + 16);
			nd_s(nd, ", status 0x");
			out_x(nd->out, v0, 8);
		}
		return;
	case 17: /* VIRTUAL_PORT_REMOVE_REQUEST */
		if (mlen != 20)
			break;
		{
			unsigned v0 = nd_be32(nd, p + 16);
			nd_s(nd, ", vport_no ");
			nd_u(nd, v0);
		}
		return;
	case 9: case 13: case 19: case 21: case 27: /* requests without a body */
		if (mlen != 16)
			break;
		return;
	default: /* the others are not decoded further */
		return;
	}
	invalid(nd);
}

/* ---- statistics ---- */

static const char *stats_name(unsigned t)
{
	static const char *const names[] = {
		"DESC", "FLOW", "AGGREGATE", "TABLE", "PORT", "QUEUE",
	};
	if (t < N(names))
		return names[t];
	return t == 0xffff ? "VENDOR" : NULL;
}

static void stats_type_print(nd_t *nd, unsigned t, unsigned flags, int reply)
{
	static const struct tok reply_flags[] = { { 1, "MORE" }, { 0, NULL } };
	const char *s = stats_name(t);
	if (s) {
		nd_s(nd, "\n\t type ");
		nd_s(nd, s);
	} else {
		nd_s(nd, "\n\t type invalid (0x");
		out_x(nd->out, t, 4);
		nd_c(nd, ')');
	}
	bitmap16_l(nd, ", flags ", reply_flags, flags, reply ? 1u : 0u);
}

/* The body of a VENDOR stats request or reply (its vendor id, then data),
 * or of a type without a decoder (data). */
static void other_stats_body(nd_t *nd, unsigned t, const uint8_t *b, unsigned blen)
{
	if (t != 0xffff) {
		if (blen)
			data_print(nd, "\n\t ", b, blen);
		return;
	}
	if (blen < 4) {
		invalid(nd);
		return;
	}
	uint32_t v = nd_be32(nd, b);
	{
		const char *v0 = vendor_name(v);
		nd_s(nd, ", vendor 0x");
		out_x(nd->out, v, 8);
		nd_s(nd, " (");
		nd_s(nd, v0);
		nd_c(nd, ')');
	}
	if (blen > 4)
		data_print(nd, "\n\t ", b + 4, blen - 4);
}

static void stats_request_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	if (mlen < 12) {
		invalid(nd);
		return;
	}
	unsigned t = nd_be16(nd, p + 8);
	stats_type_print(nd, t, nd_be16(nd, p + 10), 0);
	const uint8_t *b = p + 12;
	unsigned blen = mlen - 12;
	switch (t) {
	case 0: case 3: /* DESC, TABLE */
		if (blen)
			invalid(nd);
		return;
	case 1: case 2: /* FLOW, AGGREGATE */
		if (blen != MATCH_LEN + 4) {
			invalid(nd);
			return;
		}
		match_print(nd, "\n\t ", b);
		table_print_l(nd, "\n\t table_id ", nd_u8(nd, b + 40));
		port_print_l(nd, ", out_port ", nd_be16(nd, b + 42));
		return;
	case 4: /* PORT */
		if (blen != 8) {
			invalid(nd);
			return;
		}
		port_print_l(nd, "\n\t port_no ", nd_be16(nd, b));
		return;
	case 5: { /* QUEUE */
		if (blen != 8) {
			invalid(nd);
			return;
		}
		port_print_l(nd, "\n\t port_no ", nd_be16(nd, b));
		uint32_t q = nd_be32(nd, b + 4);
		if (q == 0xffffffffu)
			nd_s(nd, ", queue_id ALL");
		else {
			nd_s(nd, ", queue_id ");
			nd_u(nd, q);
		}
		return;
	}
	default:
		other_stats_body(nd, t, b, blen);
		return;
	}
}

static void u64_field(nd_t *nd, const char *name, const uint8_t *p)
{
	{
		unsigned long long v0 = (unsigned long long)nd_be64(nd, p);
		nd_s(nd, ", ");
		nd_s(nd, name);
		nd_c(nd, ' ');
		nd_u(nd, v0);
	}
}

static void stats_reply_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	if (mlen < 12) {
		invalid(nd);
		return;
	}
	unsigned t = nd_be16(nd, p + 8);
	stats_type_print(nd, t, nd_be16(nd, p + 10), 1);
	const uint8_t *b = p + 12;
	unsigned blen = mlen - 12;
	switch (t) {
	case 0: { /* DESC */
		static const char *const names[] = {
			"mfr_desc", "hw_desc", "sw_desc", "serial_num", "dp_desc",
		};
		static const unsigned lens[] = { 256, 256, 256, 32, 256 };
		if (blen != 1056) {
			invalid(nd);
			return;
		}
		for (unsigned i = 0; i < N(names); i++) {
			nd_need(nd, b, lens[i]);
			nd_s(nd, "\n\t  ");
			nd_s(nd, names[i]);
			nd_c(nd, ' ');
			str_print(nd, "", b, lens[i]);
			b += lens[i];
		}
		return;
	}
	case 1: /* FLOW */
		while (blen > 0) {
			if (blen < 88) {
				invalid(nd);
				nd_need(nd, b, blen);
				return;
			}
			unsigned elen = nd_be16(nd, b);
			nd_s(nd, "\n\t length ");
			nd_u(nd, elen);
			if (elen < 88 || elen > blen) {
				invalid(nd);
				nd_need(nd, b, blen);
				return;
			}
			table_print_l(nd, ", table_id ", nd_u8(nd, b + 2));
			match_print(nd, "\n\t  ", b + 4);
			{
				unsigned v0 = nd_be32(nd, b + 44);
				nd_s(nd, "\n\t  duration_sec ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be32(nd, b + 48);
				nd_s(nd, ", duration_nsec ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, b + 52);
				nd_s(nd, ", priority ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, b + 54);
				nd_s(nd, ", idle_timeout ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, b + 56);
				nd_s(nd, ", hard_timeout ");
				nd_u(nd, v0);
			}
			{
				unsigned long long v0 = (unsigned long long)nd_be64(nd, b + 64);
				nd_s(nd, ", cookie 0x");
				out_x(nd->out, v0, 16);
			}
			u64_field(nd, "packet_count", b + 72);
			u64_field(nd, "byte_count", b + 80);
			actions_print(nd, "\n\t  ", b + 88, elen - 88);
			b += elen;
			blen -= elen;
		}
		return;
	case 2: /* AGGREGATE */
		if (blen != 24) {
			invalid(nd);
			return;
		}
		{
			unsigned long long v0 = (unsigned long long)nd_be64(nd, b);
			nd_s(nd, "\n\t packet_count ");
			nd_u(nd, v0);
		}
		u64_field(nd, "byte_count", b + 8);
		{
			unsigned v0 = nd_be32(nd, b + 16);
			nd_s(nd, ", flow_count ");
			nd_u(nd, v0);
		}
		return;
	case 3: /* TABLE */
		if (blen % 64) {
			invalid(nd);
			return;
		}
		for (; blen > 0; b += 64, blen -= 64) {
			table_print_l(nd, "\n\t table_id ", nd_u8(nd, b));
			str_print(nd, ", name ", b + 4, 32);
			bitmap32_l(nd, "\n\t  wildcards ", wildcard_names, nd_be32(nd, b + 36),
				 WILDCARDS_KNOWN);
			{
				unsigned v0 = nd_be32(nd, b + 40);
				nd_s(nd, "\n\t  max_entries ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be32(nd, b + 44);
				nd_s(nd, ", active_count ");
				nd_u(nd, v0);
			}
			u64_field(nd, "lookup_count", b + 48);
			u64_field(nd, "matched_count", b + 56);
		}
		return;
	case 4: { /* PORT */
		static const char *const names[] = {
			"rx_packets", "tx_packets", "rx_bytes", "tx_bytes",
			"rx_dropped", "tx_dropped", "rx_errors", "tx_errors",
			"rx_frame_err", "rx_over_err", "rx_crc_err", "collisions",
		};
		if (blen % 104) {
			invalid(nd);
			return;
		}
		for (; blen > 0; b += 104, blen -= 104) {
			port_print_l(nd, "\n\t  port_no ", nd_be16(nd, b));
			if (nd->opt->vflag < 2) {
				nd_need(nd, b, 104);
				continue;
			}
			for (unsigned i = 0; i < N(names); i++)
				u64_field(nd, names[i], b + 8 + 8 * i);
		}
		return;
	}
	case 5: /* QUEUE */
		if (blen % 32) {
			invalid(nd);
			return;
		}
		for (; blen > 0; b += 32, blen -= 32) {
			port_print_l(nd, "\n\t  port_no ", nd_be16(nd, b));
			{
				unsigned v0 = nd_be32(nd, b + 4);
				nd_s(nd, ", queue_id ");
				nd_u(nd, v0);
			}
			u64_field(nd, "tx_bytes", b + 8);
			u64_field(nd, "tx_packets", b + 16);
			u64_field(nd, "tx_errors", b + 24);
		}
		return;
	default:
		other_stats_body(nd, t, b, blen);
		return;
	}
}

/* ---- queues ---- */

static void queue_props_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	while (len > 0) {
		if (len < 8) {
			nd_s(nd, "\n\t   property");
			invalid(nd);
			nd_need(nd, p, len);
			return;
		}
		unsigned t = nd_be16(nd, p), plen = nd_be16(nd, p + 2);
		nd_s(nd, "\n\t   property ");
		if (t == 0)
			nd_s(nd, "NONE");
		else if (t == 1)
			nd_s(nd, "MIN_RATE");
		else {
			nd_s(nd, "invalid (0x");
			out_x(nd->out, t, 4);
			nd_c(nd, ')');
		}
		nd_s(nd, ", len ");
		nd_u(nd, plen);
		if (plen < 8 || plen > len || (t == 0 && plen != 8) ||
		    (t == 1 && plen != 16)) {
			invalid(nd);
			nd_need(nd, p, len);
			return;
		}
		if (t == 1) {
			unsigned r = nd_be16(nd, p + 8);
			if (r > 1000)
				nd_s(nd, ", rate disabled");
			else {
				nd_s(nd, ", rate ");
				nd_u(nd, r / 10);
				nd_c(nd, '.');
				nd_u(nd, r % 10);
				nd_c(nd, '%');
			}
		} else if (t != 0 && plen > 8) {
			data_print(nd, "\n\t   ", p + 8, plen - 8);
		}
		nd_need(nd, p, plen);
		p += plen;
		len -= plen;
	}
}

static void queue_reply_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	if (mlen < 16) {
		invalid(nd);
		return;
	}
	port_print_l(nd, "\n\t port ", nd_be16(nd, p + 8));
	const uint8_t *q = p + 16;
	unsigned len = mlen - 16;
	while (len > 0) {
		if (len < 8) {
			nd_s(nd, "\n\t  queue");
			invalid(nd);
			nd_need(nd, q, len);
			return;
		}
		{
			unsigned v0 = nd_be32(nd, q);
			nd_s(nd, "\n\t  queue_id ");
			nd_u(nd, v0);
		}
		unsigned qlen = nd_be16(nd, q + 4);
		nd_s(nd, ", len ");
		nd_u(nd, qlen);
		if (qlen < 8 || qlen > len) {
			invalid(nd);
			nd_need(nd, q, len);
			return;
		}
		if (nd->opt->vflag >= 2)
			queue_props_print(nd, q + 8, qlen - 8);
		else
			nd_need(nd, q, qlen);
		q += qlen;
		len -= qlen;
	}
}

/* ---- errors ---- */

static void error_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const char *const types[] = {
		"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION",
		"FLOW_MOD_FAILED", "PORT_MOD_FAILED", "QUEUE_OP_FAILED",
	};
	static const char *const c0[] = { "INCOMPATIBLE", "EPERM" };
	static const char *const c1[] = {
		"BAD_VERSION", "BAD_TYPE", "BAD_STAT", "BAD_VENDOR",
		"BAD_SUBTYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY",
		"BUFFER_UNKNOWN",
	};
	static const char *const c2[] = {
		"BAD_TYPE", "BAD_LEN", "BAD_VENDOR", "BAD_VENDOR_TYPE",
		"BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY",
		"BAD_QUEUE",
	};
	static const char *const c3[] = {
		"ALL_TABLES_FULL", "OVERLAP", "EPERM", "BAD_EMERG_TIMEOUT",
		"BAD_COMMAND", "UNSUPPORTED",
	};
	static const char *const c4[] = { "BAD_PORT", "BAD_HW_ADDR" };
	static const char *const c5[] = { "BAD_PORT", "BAD_QUEUE", "EPERM" };
	static const char *const *const codes[] = { c0, c1, c2, c3, c4, c5 };
	static const unsigned ncodes[] = { 2, 9, 9, 6, 2, 3 };
	if (mlen < 12) {
		invalid(nd);
		return;
	}
	unsigned et = nd_be16(nd, p + 8), ec;
	if (et < N(types)) {
		nd_s(nd, "\n\t type ");
		nd_s(nd, types[et]);
	} else {
		nd_s(nd, "\n\t type invalid (0x");
		out_x(nd->out, et, 4);
		nd_c(nd, ')');
	}
	ec = nd_be16(nd, p + 10);
	if (et < N(types) && ec < ncodes[et]) {
		nd_s(nd, ", code ");
		nd_s(nd, codes[et][ec]);
	} else {
		nd_s(nd, ", code invalid (0x");
		out_x(nd->out, ec, 4);
		nd_c(nd, ')');
	}
	if (mlen > 12)
		data_print(nd, "\n\t ", p + 12, mlen - 12);
}

/* ---- the messages ---- */

static void features_reply_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const struct tok caps[] = {
		{ 1u << 0, "FLOW_STATS" }, { 1u << 1, "TABLE_STATS" },
		{ 1u << 2, "PORT_STATS" }, { 1u << 3, "STP" },
		{ 1u << 4, "RESERVED" }, { 1u << 5, "IP_REASM" },
		{ 1u << 6, "QUEUE_STATS" }, { 1u << 7, "ARP_MATCH_IP" },
		{ 0, NULL },
	};
	{
		unsigned long long v0 = (unsigned long long)nd_be64(nd, p + 8);
		nd_s(nd, "\n\t dpid 0x");
		out_x(nd->out, v0, 16);
	}
	{
		unsigned v0 = nd_be32(nd, p + 16);
		nd_s(nd, ", n_buffers ");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_u8(nd, p + 20);
		nd_s(nd, ", n_tables ");
		nd_u(nd, v0);
	}
	bitmap32_l(nd, "\n\t capabilities ", caps, nd_be32(nd, p + 24), 0xefu);
	bitmap32_l(nd, "\n\t actions ", action_bits, nd_be32(nd, p + 28), ACTION_BITS_KNOWN);
	if ((mlen - 32) % PHY_PORT_LEN) {
		invalid(nd);
		return;
	}
	for (unsigned off = 32; off < mlen; off += PHY_PORT_LEN)
		phy_port_print(nd, "\n\t  ", p + off);
}

static void config_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const char *const frag[] = {
		"FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM",
	};
	if (mlen != 12) {
		invalid(nd);
		return;
	}
	unsigned f = nd_be16(nd, p + 8);
	if (f < N(frag)) {
		nd_s(nd, "\n\t flags ");
		nd_s(nd, frag[f]);
	} else {
		nd_s(nd, "\n\t flags invalid (0x");
		out_x(nd->out, f, 4);
		nd_c(nd, ')');
	}
	{
		unsigned v0 = nd_be16(nd, p + 10);
		nd_s(nd, ", miss_send_len ");
		nd_u(nd, v0);
	}
}

static void flow_mod_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const char *const cmds[] = {
		"ADD", "MODIFY", "MODIFY_STRICT", "DELETE", "DELETE_STRICT",
	};
	static const struct tok flags[] = {
		{ 1, "SEND_FLOW_REM" }, { 2, "CHECK_OVERLAP" }, { 4, "EMERG" },
		{ 0, NULL },
	};
	if (mlen < 72) {
		invalid(nd);
		return;
	}
	match_print(nd, "\n\t ", p + 8);
	{
		unsigned long long v0 = (unsigned long long)nd_be64(nd, p + 48);
		nd_s(nd, "\n\t cookie 0x");
		out_x(nd->out, v0, 16);
	}
	unsigned cmd = nd_be16(nd, p + 56);
	if (cmd < N(cmds)) {
		nd_s(nd, ", command ");
		nd_s(nd, cmds[cmd]);
	} else {
		nd_s(nd, ", command invalid (0x");
		out_x(nd->out, cmd, 4);
		nd_c(nd, ')');
	}
	unsigned v = nd_be16(nd, p + 58);
	if (v) {
		nd_s(nd, ", idle_timeout ");
		nd_u(nd, v);
	}
	v = nd_be16(nd, p + 60);
	if (v) {
		nd_s(nd, ", hard_timeout ");
		nd_u(nd, v);
	}
	v = nd_be16(nd, p + 62);
	if (v) {
		nd_s(nd, ", priority ");
		nd_u(nd, v);
	}
	if (cmd < 3) {
		buffer_print_l(nd, ", buffer_id ", nd_be32(nd, p + 64));
	}
	if (cmd == 3 || cmd == 4) {
		port_print_l(nd, ", out_port ", nd_be16(nd, p + 68));
	}
	bitmap16_l(nd, ", flags ", flags, nd_be16(nd, p + 70), 7);
	actions_print(nd, "\n\t ", p + 72, mlen - 72);
}

static void packet_in_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	if (mlen < 18) {
		invalid(nd);
		return;
	}
	buffer_print_l(nd, "\n\t buffer_id ", nd_be32(nd, p + 8));
	{
		unsigned v0 = nd_be16(nd, p + 12);
		nd_s(nd, ", total_len ");
		nd_u(nd, v0);
	}
	port_print_l(nd, ", in_port ", nd_be16(nd, p + 14));
	unsigned r = nd_u8(nd, p + 16);
	if (r == 0)
		nd_s(nd, ", reason NO_MATCH");
	else if (r == 1)
		nd_s(nd, ", reason ACTION");
	else {
		nd_s(nd, ", reason invalid (0x");
		out_x2(nd->out, r);
		nd_c(nd, ')');
	}
	frame_print(nd, p + 18, mlen - 18);
}

static void packet_out_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	if (mlen < 16) {
		invalid(nd);
		return;
	}
	{
		unsigned v0 = nd_be32(nd, p + 8);
		nd_s(nd, "\n\t buffer_id 0x");
		out_x(nd->out, v0, 8);
	}
	port_print_l(nd, ", in_port ", nd_be16(nd, p + 12));
	unsigned alen = nd_be16(nd, p + 14);
	if (alen > mlen - 16) {
		invalid(nd);
		return;
	}
	actions_print(nd, "\n\t ", p + 16, alen);
	if (mlen - 16 - alen)
		frame_print(nd, p + 16 + alen, mlen - 16 - alen);
}

static void flow_removed_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const char *const reasons[] = {
		"IDLE_TIMEOUT", "HARD_TIMEOUT", "DELETE",
	};
	if (mlen != 88) {
		invalid(nd);
		return;
	}
	match_print(nd, "\n\t ", p + 8);
	{
		unsigned long long v0 = (unsigned long long)nd_be64(nd, p + 48);
		nd_s(nd, "\n\t cookie 0x");
		out_x(nd->out, v0, 16);
	}
	{
		unsigned v0 = nd_be16(nd, p + 56);
		nd_s(nd, ", priority ");
		nd_u(nd, v0);
	}
	unsigned r = nd_u8(nd, p + 58);
	if (r < N(reasons)) {
		nd_s(nd, ", reason ");
		nd_s(nd, reasons[r]);
	} else {
		nd_s(nd, ", reason unknown (0x");
		out_x2(nd->out, r);
		nd_c(nd, ')');
	}
	{
		unsigned v0 = nd_be32(nd, p + 60);
		nd_s(nd, ", duration_sec ");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_be32(nd, p + 64);
		nd_s(nd, ", duration_nsec ");
		nd_u(nd, v0);
	}
	unsigned idle = nd_be16(nd, p + 68);
	if (idle) {
		nd_s(nd, ", idle_timeout ");
		nd_u(nd, idle);
	}
	u64_field(nd, "packet_count", p + 72);
	u64_field(nd, "byte_count", p + 80);
}

static void port_status_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const char *const reasons[] = { "ADD", "DELETE", "MODIFY" };
	if (mlen != 64) {
		invalid(nd);
		return;
	}
	unsigned r = nd_u8(nd, p + 8);
	if (r < N(reasons)) {
		nd_s(nd, "\n\t reason ");
		nd_s(nd, reasons[r]);
	} else {
		nd_s(nd, "\n\t reason invalid (0x");
		out_x2(nd->out, r);
		nd_c(nd, ')');
	}
	phy_port_print(nd, "\n\t  ", p + 16);
}

static void port_mod_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	if (mlen != 32) {
		invalid(nd);
		return;
	}
	port_print_l(nd, "\n\t port_no ", nd_be16(nd, p + 8));
	nd_need(nd, p + 10, 6);
	nd_s(nd, ", hw_addr ");
	put_mac(nd, p + 10);
	bitmap32_l(nd, "\n\t config ", port_config, nd_be32(nd, p + 16), PORT_CONFIG_KNOWN);
	bitmap32_l(nd, "\n\t mask ", port_config, nd_be32(nd, p + 20), PORT_CONFIG_KNOWN);
	bitmap32_l(nd, "\n\t advertise ", port_features, nd_be32(nd, p + 24), PORT_FEATURES_KNOWN);
}

/* The lengths each message type may have: at least min, and exactly min
 * when fixed. */
int of10_len_ok(unsigned type, unsigned mlen)
{
	static const struct { uint8_t min, fixed; } t[] = {
		[0] = { 8, 0 }, [1] = { 12, 0 }, [2] = { 8, 0 }, [3] = { 8, 0 },
		[4] = { 12, 0 }, [5] = { 8, 1 }, [6] = { 32, 0 }, [7] = { 8, 1 },
		[8] = { 12, 1 }, [9] = { 12, 1 }, [10] = { 18, 0 },
		[11] = { 88, 1 }, [12] = { 64, 1 }, [13] = { 16, 0 },
		[14] = { 72, 0 }, [15] = { 32, 1 }, [16] = { 12, 0 },
		[17] = { 12, 0 }, [18] = { 8, 1 }, [19] = { 8, 1 },
		[20] = { 12, 1 }, [21] = { 16, 0 },
	};
	if (type >= N(t))
		return 1;
	return t[type].fixed ? mlen == t[type].min : mlen >= t[type].min;
}

void of10_body_print(nd_t *nd, const uint8_t *p, unsigned type, unsigned mlen)
{
	switch (type) {
	case 1: /* ERROR */
		error_print(nd, p, mlen);
		break;
	case 2: case 3: /* ECHO_REQUEST, ECHO_REPLY */
		if (mlen > 8)
			data_print(nd, "\n\t ", p + 8, mlen - 8);
		break;
	case 4: { /* VENDOR */
		if (mlen < 12) {
			invalid(nd);
			break;
		}
		uint32_t v = nd_be32(nd, p + 8);
		{
			const char *v0 = vendor_name(v);
			nd_s(nd, ", vendor 0x");
			out_x(nd->out, v, 8);
			nd_s(nd, " (");
			nd_s(nd, v0);
			nd_c(nd, ')');
		}
		if (v == BSN_VENDOR)
			bsn_print(nd, p, mlen);
		else if (mlen > 12)
			data_print(nd, "\n\t ", p + 12, mlen - 12);
		break;
	}
	case 6: /* FEATURES_REPLY */
		features_reply_print(nd, p, mlen);
		break;
	case 8: case 9: /* GET_CONFIG_REPLY, SET_CONFIG */
		config_print(nd, p, mlen);
		break;
	case 10:
		packet_in_print(nd, p, mlen);
		break;
	case 11:
		flow_removed_print(nd, p, mlen);
		break;
	case 12:
		port_status_print(nd, p, mlen);
		break;
	case 13:
		packet_out_print(nd, p, mlen);
		break;
	case 14:
		flow_mod_print(nd, p, mlen);
		break;
	case 15:
		port_mod_print(nd, p, mlen);
		break;
	case 16:
		stats_request_print(nd, p, mlen);
		break;
	case 17:
		stats_reply_print(nd, p, mlen);
		break;
	case 20: /* QUEUE_GET_CONFIG_REQUEST */
		if (mlen != 12) {
			invalid(nd);
			break;
		}
		port_print_l(nd, "\n\t port ", nd_be16(nd, p + 8));
		break;
	case 21:
		queue_reply_print(nd, p, mlen);
		break;
	case 0: /* HELLO */
		if (mlen > 8)
			data_print(nd, "\n\t ", p + 8, mlen - 8);
		break;
	default: /* FEATURES_REQUEST, GET_CONFIG_REQUEST, BARRIER_* */
		break;
	}
}
