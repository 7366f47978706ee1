/* sflow.c - sFlow version 5 datagrams: flow and counter samples (plain and
 * expanded) and their records. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

/* As much of len bytes at p as was captured, as a hex dump. */
static void dump_captured(nd_t *nd, const uint8_t *p, const char *ident,
                          unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
}

#define U32(o) nd_be32(nd, p + (o))
#define U64(o) nd_be64(nd, p + (o))

static int counter_generic(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 88)
		return 1;
	unsigned dir = U32(16);
	static const char *const dirs[] = {
		"unknown", "full-duplex", "half-duplex", "in", "out",
	};
	{
		unsigned v0 = U32(0);
		unsigned v1 = U32(4);
		unsigned long long v2 = (unsigned long long)U64(8);
		nd_s(nd, "\n\t      ifindex ");
		nd_u(nd, v0);
		nd_s(nd, ", iftype ");
		nd_u(nd, v1);
		nd_s(nd, ", ifspeed ");
		nd_u(nd, v2);
		nd_s(nd, ", ifdirection ");
		nd_u(nd, dir);
		nd_s(nd, " (");
		nd_s(nd, dir <= 4 ? dirs[dir] : "Unknown");
		nd_c(nd, ')');
	}
	unsigned st = U32(20);
	nd_s(nd, "\n\t      ifstatus ");
	nd_u(nd, st);
	nd_s(nd, ", adminstatus: ");
	nd_s(nd, st & 1 ? "up" : "down");
	nd_s(nd, ", operstatus: ");
	nd_s(nd, (st >> 1) & 1 ? "up" : "down");
	{
		unsigned long long v0 = (unsigned long long)U64(24);
		unsigned v1 = U32(32);
		unsigned v2 = U32(36);
		unsigned v3 = U32(40);
		unsigned v4 = U32(44);
		nd_s(nd, "\n\t      In octets ");
		nd_u(nd, v0);
		nd_s(nd, ", unicast pkts ");
		nd_u(nd, v1);
		nd_s(nd, ", multicast pkts ");
		nd_u(nd, v2);
		nd_s(nd, ", broadcast pkts ");
		nd_u(nd, v3);
		nd_s(nd, ", discards ");
		nd_u(nd, v4);
	}
	{
		unsigned v0 = U32(48);
		unsigned v1 = U32(52);
		nd_s(nd, "\n\t      In errors ");
		nd_u(nd, v0);
		nd_s(nd, ", unknown protos ");
		nd_u(nd, v1);
	}
	{
		unsigned long long v0 = (unsigned long long)U64(56);
		unsigned v1 = U32(64);
		unsigned v2 = U32(68);
		unsigned v3 = U32(72);
		unsigned v4 = U32(76);
		nd_s(nd, "\n\t      Out octets ");
		nd_u(nd, v0);
		nd_s(nd, ", unicast pkts ");
		nd_u(nd, v1);
		nd_s(nd, ", multicast pkts ");
		nd_u(nd, v2);
		nd_s(nd, ", broadcast pkts ");
		nd_u(nd, v3);
		nd_s(nd, ", discards ");
		nd_u(nd, v4);
	}
	{
		unsigned v0 = U32(80);
		unsigned v1 = U32(84);
		nd_s(nd, "\n\t      Out errors ");
		nd_u(nd, v0);
		nd_s(nd, ", promisc mode ");
		nd_u(nd, v1);
	}
	return 0;
}

static int counter_ethernet(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 52)
		return 1;
	{
		unsigned v0 = U32(0);
		unsigned v1 = U32(4);
		unsigned v2 = U32(8);
		unsigned v3 = U32(12);
		unsigned v4 = U32(16);
		nd_s(nd, "\n\t      align errors ");
		nd_u(nd, v0);
		nd_s(nd, ", fcs errors ");
		nd_u(nd, v1);
		nd_s(nd, ", single collision ");
		nd_u(nd, v2);
		nd_s(nd, ", multiple collision ");
		nd_u(nd, v3);
		nd_s(nd, ", test error ");
		nd_u(nd, v4);
	}
	{
		unsigned v0 = U32(20);
		unsigned v1 = U32(24);
		unsigned v2 = U32(28);
		unsigned v3 = U32(32);
		nd_s(nd, "\n\t      deferred ");
		nd_u(nd, v0);
		nd_s(nd, ", late collision ");
		nd_u(nd, v1);
		nd_s(nd, ", excessive collision ");
		nd_u(nd, v2);
		nd_s(nd, ", mac trans error ");
		nd_u(nd, v3);
	}
	{
		unsigned v0 = U32(36);
		unsigned v1 = U32(40);
		unsigned v2 = U32(44);
		unsigned v3 = U32(48);
		nd_s(nd, "\n\t      carrier error ");
		nd_u(nd, v0);
		nd_s(nd, ", frames too long ");
		nd_u(nd, v1);
		nd_s(nd, ", mac receive errors ");
		nd_u(nd, v2);
		nd_s(nd, ", symbol errors ");
		nd_u(nd, v3);
	}
	return 0;
}

static int counter_basevg(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 80)
		return 1;
	{
		unsigned v0 = U32(0);
		unsigned long long v1 = (unsigned long long)U64(4);
		nd_s(nd, "\n\t      in high prio frames ");
		nd_u(nd, v0);
		nd_s(nd, ", in high prio octets ");
		nd_u(nd, v1);
	}
	{
		unsigned v0 = U32(12);
		unsigned long long v1 = (unsigned long long)U64(16);
		nd_s(nd, "\n\t      in norm prio frames ");
		nd_u(nd, v0);
		nd_s(nd, ", in norm prio octets ");
		nd_u(nd, v1);
	}
	{
		unsigned v0 = U32(24);
		unsigned v1 = U32(28);
		unsigned v2 = U32(32);
		unsigned v3 = U32(36);
		nd_s(nd, "\n\t      in ipm errors ");
		nd_u(nd, v0);
		nd_s(nd, ", oversized ");
		nd_u(nd, v1);
		nd_s(nd, ", in data errors ");
		nd_u(nd, v2);
		nd_s(nd, ", null addressed frames ");
		nd_u(nd, v3);
	}
	{
		unsigned v0 = U32(40);
		unsigned long long v1 = (unsigned long long)U64(44);
		unsigned v2 = U32(52);
		nd_s(nd, "\n\t      out high prio frames ");
		nd_u(nd, v0);
		nd_s(nd, ", out high prio octets ");
		nd_u(nd, v1);
		nd_s(nd, ", trans into frames ");
		nd_u(nd, v2);
	}
	{
		unsigned long long v0 = (unsigned long long)U64(56);
		unsigned long long v1 = (unsigned long long)U64(64);
		unsigned long long v2 = (unsigned long long)U64(72);
		nd_s(nd, "\n\t      in hc high prio octets ");
		nd_u(nd, v0);
		nd_s(nd, ", in hc norm prio octets ");
		nd_u(nd, v1);
		nd_s(nd, ", out hc high prio octets ");
		nd_u(nd, v2);
	}
	return 0;
}

static int counter_vlan(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 28)
		return 1;
	{
		unsigned v0 = U32(0);
		unsigned long long v1 = (unsigned long long)U64(4);
		unsigned v2 = U32(12);
		unsigned v3 = U32(16);
		unsigned v4 = U32(20);
		unsigned v5 = U32(24);
		nd_s(nd, "\n\t      vlan_id ");
		nd_u(nd, v0);
		nd_s(nd, ", octets ");
		nd_u(nd, v1);
		nd_s(nd, ", unicast_pkt ");
		nd_u(nd, v2);
		nd_s(nd, ", multicast_pkt ");
		nd_u(nd, v3);
		nd_s(nd, ", broadcast_pkt ");
		nd_u(nd, v4);
		nd_s(nd, ", discards ");
		nd_u(nd, v5);
	}
	return 0;
}

static int counter_processor(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 28)
		return 1;
	{
		unsigned v0 = U32(0);
		unsigned v1 = U32(4);
		unsigned v2 = U32(8);
		unsigned long long v3 = (unsigned long long)U64(12);
		unsigned long long v4 = (unsigned long long)U64(20);
		nd_s(nd, "\n\t      5sec ");
		nd_u(nd, v0);
		nd_s(nd, ", 1min ");
		nd_u(nd, v1);
		nd_s(nd, ", 5min ");
		nd_u(nd, v2);
		nd_s(nd, ", total_mem ");
		nd_u(nd, v3);
		nd_s(nd, ", total_mem ");
		nd_u(nd, v4);
	}
	return 0;
}

static const char *counter_name(unsigned t)
{
	switch (t) {
	case 1: return "Generic counter";
	case 2: return "Ethernet counter";
	case 3: return "Token ring counter";
	case 4: return "100 BaseVG counter";
	case 5: return "Vlan counter";
	case 1001: return "Processor counter";
	}
	return "Unknown";
}

static int counter_records(nd_t *nd, const uint8_t *p, unsigned len,
                           unsigned n)
{
	while (n > 0) {
		if (len < 8)
			return 1;
		uint32_t fmt = U32(0), clen = U32(4);
		unsigned ent = fmt >> 20, type = fmt & 0xfff;
		{
			const char *v0 = ent == 0 ? counter_name(type) : "Unknown";
			nd_s(nd, "\n\t    enterprise ");
			nd_u(nd, ent);
			nd_s(nd, ", ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, type);
			nd_s(nd, ") length ");
			nd_u(nd, clen);
		}
		p += 8;
		len -= 8;
		if (len < clen)
			return 1;
		if (ent == 0) {
			int r = 0;
			switch (type) {
			case 1: r = counter_generic(nd, p, len); break;
			case 2: r = counter_ethernet(nd, p, len); break;
			case 3: break; /* tcpdump shows nothing for these */
			case 4: r = counter_basevg(nd, p, len); break;
			case 5: r = counter_vlan(nd, p, len); break;
			case 1001: r = counter_processor(nd, p, len); break;
			default:
				if (nd->opt->vflag <= 1)
					dump_captured(nd, p, "\n\t\t", clen);
				break;
			}
			if (r)
				return 1;
		}
		p += clen;
		len -= clen;
		n--;
	}
	return 0;
}

static const char *flow_name(unsigned t)
{
	static const char *const ext[] = {
		"Extended Switch data", "Extended Router data",
		"Extended Gateway data", "Extended User data",
		"Extended URL data", "Extended MPLS data", "Extended NAT data",
		"Extended MPLS tunnel", "Extended MPLS VC", "Extended MPLS FEC",
		"Extended MPLS LVP FEC", "Extended VLAN tunnel",
	};
	switch (t) {
	case 1: return "Raw packet";
	case 2: return "Ethernet frame";
	case 3: return "IPv4 Data";
	case 4: return "IPv6 Data";
	}
	if (t >= 1001 && t <= 1012)
		return ext[t - 1001];
	return "Unknown";
}

static const char *raw_proto(unsigned p)
{
	static const char *const n[] = {
		NULL, "Ethernet", "Token Bus", "Token Ring", "FDDI",
		"Frame Relay", "X.25", "PPP", "SMDS", "AAL5", "AAL5 IP", "IPv4",
		"IPv6", "MPLS", "POS",
	};
	return p >= 1 && p < sizeof n / sizeof *n ? n[p] : "Unknown";
}

static int flow_records(nd_t *nd, const uint8_t *p, unsigned len, unsigned n)
{
	while (n > 0) {
		if (len < 8)
			return 1;
		uint32_t fmt = U32(0), flen = U32(4);
		unsigned ent = fmt >> 12, type = fmt & 0xfff;
		{
			const char *v0 = ent == 0 ? flow_name(type) : "Unknown";
			nd_s(nd, "\n\t    enterprise ");
			nd_u(nd, ent);
			nd_c(nd, ' ');
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, type);
			nd_s(nd, ") length ");
			nd_u(nd, flen);
		}
		p += 8;
		len -= 8;
		if (len < flen)
			return 1;
		if (ent == 0) {
			switch (type) {
			case 1:
				if (len < 16)
					return 1;
				{
					const char *v0 = raw_proto(U32(0));
					unsigned v1 = U32(0);
					unsigned v2 = U32(4);
					unsigned v3 = U32(8);
					unsigned v4 = U32(12);
					nd_s(nd, "\n\t      protocol ");
					nd_s(nd, v0);
					nd_s(nd, " (");
					nd_u(nd, v1);
					nd_s(nd, "), length ");
					nd_u(nd, v2);
					nd_s(nd, ", stripped bytes ");
					nd_u(nd, v3);
					nd_s(nd, ", header_size ");
					nd_u(nd, v4);
				}
				break;
			case 1001:
				if (len < 16)
					return 1;
				{
					unsigned v0 = U32(0);
					unsigned v1 = U32(4);
					unsigned v2 = U32(8);
					unsigned v3 = U32(12);
					nd_s(nd, "\n\t      src vlan ");
					nd_u(nd, v0);
					nd_s(nd, ", src pri ");
					nd_u(nd, v1);
					nd_s(nd, ", dst vlan ");
					nd_u(nd, v2);
					nd_s(nd, ", dst pri ");
					nd_u(nd, v3);
				}
				break;
			case 2:
				if (len < 24)
					return 1;
				{
					unsigned v0 = U32(0);
					unsigned v1 = U32(20);
					nd_s(nd, "\n\t      frame len ");
					nd_u(nd, v0);
					nd_s(nd, ", type ");
					nd_u(nd, v1);
				}
				break;
			case 3: case 4:
				break;
			default:
				if (type >= 1002 && type <= 1012)
					break;
				if (nd->opt->vflag <= 1)
					dump_captured(nd, p, "\n\t\t", flen);
				break;
			}
		}
		p += flen;
		len -= flen;
		n--;
	}
	return 0;
}

void sflow_print(nd_t *nd, const uint8_t *p, unsigned len,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "sflow");
	if (!nd_has(nd, p, 28))
		nd_trunc(nd); /* unwinds, as tcpdump: dumps show the whole frame */
	uint32_t version = U32(0);
	if (version != 5) {
		nd_s(nd, "sFlow version ");
		nd_u(nd, version);
		nd_s(nd, " packet not supported");
		return;
	}
	int v6 = U32(4) != 1;
	unsigned alen = v6 ? 16 : 4, hlen = 24 + alen;
	if (len < hlen) {
		{
			unsigned v0 = U32(0);
			nd_s(nd, "sFlowv");
			nd_u(nd, v0);
			nd_s(nd, " [length ");
			nd_u(nd, len);
			nd_s(nd, " < 28]");
		}
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, p, hlen);
	nd_s(nd, "sFlowv");
	nd_u(nd, version);
	nd_s(nd, ", ");
	nd_s(nd, v6 ? "IPv6" : "IPv4");
	nd_s(nd, " agent ");
	if (v6)
		put_ip6(nd, p + 8);
	else
		put_ip4(nd, p + 8);
	const uint8_t *q = p + 8 + alen;
	if (!nd->opt->vflag) {
		{
			unsigned v0 = nd_be32(nd, q);
			nd_s(nd, ", agent-id ");
			nd_u(nd, v0);
			nd_s(nd, ", length ");
			nd_u(nd, len);
		}
		return;
	}
	unsigned ns = nd_be32(nd, q + 12);
	{
		unsigned v0 = nd_be32(nd, q);
		unsigned v1 = nd_be32(nd, q + 4);
		unsigned v2 = nd_be32(nd, q + 8);
		nd_s(nd, ", agent-id ");
		nd_u(nd, v0);
		nd_s(nd, ", seqnum ");
		nd_u(nd, v1);
		nd_s(nd, ", uptime ");
		nd_u(nd, v2);
		nd_s(nd, ", samples ");
		nd_u(nd, ns);
		nd_s(nd, ", length ");
		nd_u(nd, len);
	}
	p += hlen;
	unsigned tlen = len - hlen;
	while (ns > 0 && tlen > 0) {
		uint32_t stype = U32(0) & 0xfff, slen = U32(4);
		if (tlen < 8)
			goto invalid;
		p += 8;
		tlen -= 8;
		static const char *const snames[] = {
			NULL, "flow sample", "counter sample",
			"expanded flow sample", "expanded counter sample",
		};
		nd_s(nd, "\n\t");
		nd_s(nd, stype >= 1 && stype <= 4 ? snames[stype] : "Unknown");
		nd_s(nd, " (");
		nd_u(nd, stype);
		nd_s(nd, "), length ");
		nd_u(nd, slen);
		nd_c(nd, ',');
		if (stype == 0 || slen == 0)
			return;
		if (tlen < slen)
			goto invalid;
		if (!nd_has(nd, p, slen)) {
			nd_trunc(nd);
			return;
		}
		int bad = 0;
		switch (stype) {
		case 1:
			if (tlen < 32) {
				bad = 1;
				break;
			}
			{
				unsigned v0 = U32(0);
				unsigned v1 = U32(4) >> 24;
				unsigned v2 = U32(4) & 0xffffff;
				unsigned v3 = U32(8);
				unsigned v4 = U32(12);
				unsigned v5 = U32(16);
				unsigned v6 = U32(20);
				unsigned v7 = U32(24);
				unsigned v8 = U32(28);
				nd_s(nd, " seqnum ");
				nd_u(nd, v0);
				nd_s(nd, ", type ");
				nd_u(nd, v1);
				nd_s(nd, ", idx ");
				nd_u(nd, v2);
				nd_s(nd, ", rate ");
				nd_u(nd, v3);
				nd_s(nd, ", pool ");
				nd_u(nd, v4);
				nd_s(nd, ", drops ");
				nd_u(nd, v5);
				nd_s(nd, ", input ");
				nd_u(nd, v6);
				nd_s(nd, " output ");
				nd_u(nd, v7);
				nd_s(nd, " records ");
				nd_u(nd, v8);
			}
			bad = flow_records(nd, p + 32, tlen - 32, U32(28));
			break;
		case 2:
			if (tlen < 12) {
				bad = 1;
				break;
			}
			{
				unsigned v0 = U32(0);
				unsigned v1 = U32(4) >> 24;
				unsigned v2 = U32(4) & 0xffffff;
				unsigned v3 = U32(8);
				nd_s(nd, " seqnum ");
				nd_u(nd, v0);
				nd_s(nd, ", type ");
				nd_u(nd, v1);
				nd_s(nd, ", idx ");
				nd_u(nd, v2);
				nd_s(nd, ", records ");
				nd_u(nd, v3);
			}
			bad = counter_records(nd, p + 12, tlen - 12, U32(8));
			break;
		case 3:
			if (tlen < 44) {
				bad = 1;
				break;
			}
			{
				unsigned v0 = U32(0);
				unsigned v1 = U32(4);
				unsigned v2 = U32(8);
				unsigned v3 = U32(12);
				unsigned v4 = U32(16);
				unsigned v5 = U32(20);
				unsigned v6 = U32(40);
				nd_s(nd, " seqnum ");
				nd_u(nd, v0);
				nd_s(nd, ", type ");
				nd_u(nd, v1);
				nd_s(nd, ", idx ");
				nd_u(nd, v2);
				nd_s(nd, ", rate ");
				nd_u(nd, v3);
				nd_s(nd, ", pool ");
				nd_u(nd, v4);
				nd_s(nd, ", drops ");
				nd_u(nd, v5);
				nd_s(nd, ", records ");
				nd_u(nd, v6);
			}
			bad = flow_records(nd, p + 44, tlen - 44, U32(40));
			break;
		case 4:
			if (tlen < 16) {
				bad = 1;
				break;
			}
			{
				unsigned v0 = U32(0);
				unsigned v1 = U32(4);
				unsigned v2 = U32(8);
				unsigned v3 = U32(12);
				nd_s(nd, " seqnum ");
				nd_u(nd, v0);
				nd_s(nd, ", type ");
				nd_u(nd, v1);
				nd_s(nd, ", idx ");
				nd_u(nd, v2);
				nd_s(nd, ", records ");
				nd_u(nd, v3);
			}
			bad = counter_records(nd, p + 16, tlen - 16, U32(12));
			break;
		default:
			if (nd->opt->vflag <= 1)
				dump_captured(nd, p, "\n\t    ", slen);
			break;
		}
		if (bad)
			goto invalid;
		p += slen;
		tlen -= slen;
		ns--;
	}
	return;
invalid:
	nd_print_invalid(nd);
	if (!nd_has(nd, p, tlen))
		nd_trunc(nd);
}
