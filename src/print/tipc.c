/* tipc.c - TIPC (Transparent Inter-Process Communication, ethertype
 * 0x88ca), version 2 header layout.  Word 0 holds the version, the user
 * (data importance or internal protocol), the header size in words and the
 * 17-bit message size; the rest depends on the user.  Node addresses are
 * zone.cluster.node (8, 12 and 12 bits). */
#include "print.h"

/* Users */
#define TIPC_LOW_IMPORTANCE 0
#define TIPC_MEDIUM_IMPORTANCE 1
#define TIPC_HIGH_IMPORTANCE 2
#define TIPC_CRITICAL_IMPORTANCE 3
#define TIPC_BCAST_PROTOCOL 5
#define TIPC_MSG_BUNDLER 6
#define TIPC_LINK_PROTOCOL 7
#define TIPC_CONN_MANAGER 8
#define TIPC_CHANGEOVER_PROTOCOL 10
#define TIPC_NAME_DISTRIBUTOR 11
#define TIPC_MSG_FRAGMENTER 12
#define TIPC_LINK_CONFIG 13

static const char *user_name(unsigned user)
{
	switch (user) {
	case TIPC_LOW_IMPORTANCE: return "Low Importance Data payload";
	case TIPC_MEDIUM_IMPORTANCE: return "Medium Importance Data payload";
	case TIPC_HIGH_IMPORTANCE: return "High Importance Data payload";
	case TIPC_CRITICAL_IMPORTANCE: return "Critical Importance Data payload";
	case TIPC_BCAST_PROTOCOL: return "Broadcast Link Protocol internal";
	case TIPC_MSG_BUNDLER: return "Message Bundler Protocol internal";
	case TIPC_LINK_PROTOCOL: return "Link State Protocol internal";
	case TIPC_CONN_MANAGER: return "Connection Manager internal";
	case TIPC_CHANGEOVER_PROTOCOL: return "Link Changeover Protocol internal";
	case TIPC_NAME_DISTRIBUTOR: return "Name Table Update Protocol internal";
	case TIPC_MSG_FRAGMENTER: return "Message Fragmentation Protocol internal";
	case TIPC_LINK_CONFIG: return "Neighbor Detection Protocol internal";
	}
	return "Unknown";
}

/* Message types (the top three bits of word 1) of payload messages; tcpdump
 * names internal messages' types from the same table. */
static const char *mtype_name(unsigned t)
{
	static const char *const names[] = { "CONN_MSG", "MCAST_MSG", "NAMED_MSG",
					      "DIRECT_MSG" };
	return t < 4 ? names[t] : "Unknown";
}

static void put_node(nd_t *nd, uint32_t a)
{
	nd_u(nd, a >> 24);
	nd_c(nd, '.');
	nd_u(nd, (a >> 12) & 0xfff);
	nd_c(nd, '.');
	nd_u(nd, a & 0xfff);
}

/* "TIPC vN.0 " */
static void head(nd_t *nd, uint32_t w0)
{
	nd_s(nd, "TIPC v");
	nd_u(nd, w0 >> 29);
	nd_s(nd, ".0 ");
}

static void sizes(nd_t *nd, uint32_t w0)
{
	{
		const char *v0 = user_name((w0 >> 25) & 0xf);
		nd_s(nd, ", headerlength ");
		nd_u(nd, ((w0 >> 21) & 0xf) * 4);
		nd_s(nd, " bytes, MessageSize ");
		nd_u(nd, w0 & 0x1ffff);
		nd_s(nd, " bytes, ");
		nd_s(nd, v0);
		nd_s(nd, ", messageType ");
	}
}

static void payload_msg(nd_t *nd, const uint8_t *p, uint32_t w0)
{
	uint32_t w1 = nd_be32(nd, p + 4);
	uint32_t prev = nd_be32(nd, p + 12), oport = nd_be32(nd, p + 16),
		 dport = nd_be32(nd, p + 20);
	unsigned hsize = ((w0 >> 21) & 0xf) * 4;
	uint32_t onode = 0, dnode = 0;
	if (hsize > 24) {
		onode = nd_be32(nd, p + 24);
		dnode = nd_be32(nd, p + 28);
	}
	head(nd, w0);
	if (hsize <= 24) {
		put_node(nd, prev);
		nd_c(nd, ':');
		nd_u(nd, oport);
		nd_s(nd, " > ");
		nd_u(nd, dport);
	} else {
		put_node(nd, onode);
		nd_c(nd, ':');
		nd_u(nd, oport);
		nd_s(nd, " > ");
		put_node(nd, dnode);
		nd_c(nd, ':');
		nd_u(nd, dport);
	}
	sizes(nd, w0);
	nd_s(nd, mtype_name(w1 >> 29));
	if (nd->opt->vflag && hsize > 24) {
		uint32_t w2 = nd_be32(nd, p + 8);
		nd_s(nd, "\n\tPrevious Node ");
		put_node(nd, prev);
		nd_s(nd, ", Broadcast Ack ");
		nd_u(nd, w1 & 0xffff);
		nd_s(nd, ", Link Ack ");
		nd_u(nd, w2 >> 16);
		nd_s(nd, ", Link Sequence ");
		nd_u(nd, w2 & 0xffff);
	}
}

static void internal_msg(nd_t *nd, const uint8_t *p, uint32_t w0)
{
	uint32_t w1 = nd_be32(nd, p + 4);
	uint32_t onode = nd_be32(nd, p + 24), dnode = nd_be32(nd, p + 28);
	head(nd, w0);
	put_node(nd, onode);
	nd_s(nd, " > ");
	put_node(nd, dnode);
	sizes(nd, w0);
	nd_s(nd, mtype_name(w1 >> 29));
	nd_s(nd, " (0x");
	out_x(nd->out, w1, 8);
	nd_c(nd, ')');
	if (!nd->opt->vflag)
		return;
	uint32_t w2 = nd_be32(nd, p + 8), prev = nd_be32(nd, p + 12),
		 w4 = nd_be32(nd, p + 16), w5 = nd_be32(nd, p + 20),
		 w8 = nd_be32(nd, p + 32), w9 = nd_be32(nd, p + 36);
	nd_s(nd, "\n\tPrevious Node ");
	put_node(nd, prev);
	nd_s(nd, ", Session No. ");
	nd_u(nd, w5 >> 16);
	nd_s(nd, ", Broadcast Ack ");
	nd_u(nd, w1 & 0xffff);
	nd_s(nd, ", Sequence Gap ");
	nd_u(nd, (w1 >> 16) & 0x1fff);
	nd_s(nd, ",  Broadcast Gap After ");
	nd_u(nd, w2 >> 16);
	nd_s(nd, ", Broadcast Gap To ");
	nd_u(nd, w2 & 0xffff);
	nd_s(nd, ", Last Sent Packet No. ");
	nd_u(nd, w4 >> 16);
	nd_s(nd, ", Next sent Packet No. ");
	nd_u(nd, w4 & 0xffff);
	nd_s(nd, ", Transport Sequence ");
	nd_u(nd, w8);
	nd_s(nd, ", msg_count ");
	nd_u(nd, w9 >> 16);
	nd_s(nd, ", Link Tolerance ");
	nd_u(nd, w9 & 0xffff);
}

static void link_conf(nd_t *nd, const uint8_t *p, uint32_t w0)
{
	uint32_t w1 = nd_be32(nd, p + 4), dom = nd_be32(nd, p + 8),
		 prev = nd_be32(nd, p + 12);
	head(nd, w0);
	put_node(nd, prev);
	nd_s(nd, " > ");
	put_node(nd, dom);
	sizes(nd, w0);
	unsigned t = w1 >> 29;
	nd_s(nd, t == 0 ? "Link request" : t == 1 ? "Link response" : "Unknown");
	if (!nd->opt->vflag)
		return;
	uint32_t net = nd_be32(nd, p + 16), w5 = nd_be32(nd, p + 20);
	nd_s(nd, "\n\tNodeSignature ");
	nd_u(nd, w1 & 0xffff);
	nd_s(nd, ", network_id ");
	nd_u(nd, net);
	nd_s(nd, ", media_id ");
	nd_u(nd, w5 & 0xff);
}

void tipc_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	(void)len;
	nd_proto(nd, "tipc");
	uint32_t w0 = nd_be32(nd, p);
	switch ((w0 >> 25) & 0xf) {
	case TIPC_LOW_IMPORTANCE:
	case TIPC_MEDIUM_IMPORTANCE:
	case TIPC_HIGH_IMPORTANCE:
	case TIPC_CRITICAL_IMPORTANCE:
	case TIPC_NAME_DISTRIBUTOR:
	case TIPC_CONN_MANAGER:
		payload_msg(nd, p, w0);
		break;
	case TIPC_BCAST_PROTOCOL:
	case TIPC_MSG_BUNDLER:
	case TIPC_LINK_PROTOCOL:
	case TIPC_CHANGEOVER_PROTOCOL:
	case TIPC_MSG_FRAGMENTER:
		internal_msg(nd, p, w0);
		break;
	case TIPC_LINK_CONFIG:
		link_conf(nd, p, w0);
		break;
	default:
		break;
	}
}
