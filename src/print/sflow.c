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
	nd_printf(nd, "\n\t      ifindex %u, iftype %u, ifspeed %llu, ifdirection %u (%s)",
		  U32(0), U32(4), (unsigned long long)U64(8), dir,
		  dir <= 4 ? dirs[dir] : "Unknown");
	unsigned st = U32(20);
	nd_printf(nd, "\n\t      ifstatus %u, adminstatus: %s, operstatus: %s", st,
		  st & 1 ? "up" : "down", (st >> 1) & 1 ? "up" : "down");
	nd_printf(nd, "\n\t      In octets %llu, unicast pkts %u, multicast pkts %u, broadcast pkts %u, discards %u",
		  (unsigned long long)U64(24), U32(32), U32(36), U32(40), U32(44));
	nd_printf(nd, "\n\t      In errors %u, unknown protos %u", U32(48), U32(52));
	nd_printf(nd, "\n\t      Out octets %llu, unicast pkts %u, multicast pkts %u, broadcast pkts %u, discards %u",
		  (unsigned long long)U64(56), U32(64), U32(68), U32(72), U32(76));
	nd_printf(nd, "\n\t      Out errors %u, promisc mode %u", U32(80), U32(84));
	return 0;
}

static int counter_ethernet(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 52)
		return 1;
	nd_printf(nd, "\n\t      align errors %u, fcs errors %u, single collision %u, multiple collision %u, test error %u",
		  U32(0), U32(4), U32(8), U32(12), U32(16));
	nd_printf(nd, "\n\t      deferred %u, late collision %u, excessive collision %u, mac trans error %u",
		  U32(20), U32(24), U32(28), U32(32));
	nd_printf(nd, "\n\t      carrier error %u, frames too long %u, mac receive errors %u, symbol errors %u",
		  U32(36), U32(40), U32(44), U32(48));
	return 0;
}

static int counter_basevg(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 80)
		return 1;
	nd_printf(nd, "\n\t      in high prio frames %u, in high prio octets %llu",
		  U32(0), (unsigned long long)U64(4));
	nd_printf(nd, "\n\t      in norm prio frames %u, in norm prio octets %llu",
		  U32(12), (unsigned long long)U64(16));
	nd_printf(nd, "\n\t      in ipm errors %u, oversized %u, in data errors %u, null addressed frames %u",
		  U32(24), U32(28), U32(32), U32(36));
	nd_printf(nd, "\n\t      out high prio frames %u, out high prio octets %llu, trans into frames %u",
		  U32(40), (unsigned long long)U64(44), U32(52));
	nd_printf(nd, "\n\t      in hc high prio octets %llu, in hc norm prio octets %llu, out hc high prio octets %llu",
		  (unsigned long long)U64(56), (unsigned long long)U64(64),
		  (unsigned long long)U64(72));
	return 0;
}

static int counter_vlan(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 28)
		return 1;
	nd_printf(nd, "\n\t      vlan_id %u, octets %llu, unicast_pkt %u, multicast_pkt %u, broadcast_pkt %u, discards %u",
		  U32(0), (unsigned long long)U64(4), U32(12), U32(16), U32(20),
		  U32(24));
	return 0;
}

static int counter_processor(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 28)
		return 1;
	nd_printf(nd, "\n\t      5sec %u, 1min %u, 5min %u, total_mem %llu, total_mem %llu",
		  U32(0), U32(4), U32(8), (unsigned long long)U64(12),
		  (unsigned long long)U64(20));
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
		nd_printf(nd, "\n\t    enterprise %u, %s (%u) length %u", ent,
			  ent == 0 ? counter_name(type) : "Unknown", type, clen);
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
		nd_printf(nd, "\n\t    enterprise %u %s (%u) length %u", ent,
			  ent == 0 ? flow_name(type) : "Unknown", type, flen);
		p += 8;
		len -= 8;
		if (len < flen)
			return 1;
		if (ent == 0) {
			switch (type) {
			case 1:
				if (len < 16)
					return 1;
				nd_printf(nd, "\n\t      protocol %s (%u), length %u, stripped bytes %u, header_size %u",
					  raw_proto(U32(0)), U32(0), U32(4), U32(8),
					  U32(12));
				break;
			case 1001:
				if (len < 16)
					return 1;
				nd_printf(nd, "\n\t      src vlan %u, src pri %u, dst vlan %u, dst pri %u",
					  U32(0), U32(4), U32(8), U32(12));
				break;
			case 2:
				if (len < 24)
					return 1;
				nd_printf(nd, "\n\t      frame len %u, type %u", U32(0),
					  U32(20));
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
		nd_printf(nd, "sFlow version %u packet not supported", version);
		return;
	}
	int v6 = U32(4) != 1;
	unsigned alen = v6 ? 16 : 4, hlen = 24 + alen;
	if (len < hlen) {
		nd_printf(nd, "sFlowv%u [length %u < 28]", U32(0), len);
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, p, hlen);
	nd_printf(nd, "sFlowv%u, %s agent ", version, v6 ? "IPv6" : "IPv4");
	if (v6)
		put_ip6(nd, p + 8);
	else
		put_ip4(nd, p + 8);
	const uint8_t *q = p + 8 + alen;
	if (!nd->opt->vflag) {
		nd_printf(nd, ", agent-id %u, length %u", nd_be32(nd, q), len);
		return;
	}
	unsigned ns = nd_be32(nd, q + 12);
	nd_printf(nd, ", agent-id %u, seqnum %u, uptime %u, samples %u, length %u",
		  nd_be32(nd, q), nd_be32(nd, q + 4), nd_be32(nd, q + 8), ns, len);
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
		nd_printf(nd, "\n\t%s (%u), length %u,",
			  stype >= 1 && stype <= 4 ? snames[stype] : "Unknown",
			  stype, slen);
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
			nd_printf(nd, " seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, input %u output %u records %u",
				  U32(0), U32(4) >> 24, U32(4) & 0xffffff, U32(8), U32(12),
				  U32(16), U32(20), U32(24), U32(28));
			bad = flow_records(nd, p + 32, tlen - 32, U32(28));
			break;
		case 2:
			if (tlen < 12) {
				bad = 1;
				break;
			}
			nd_printf(nd, " seqnum %u, type %u, idx %u, records %u",
				  U32(0), U32(4) >> 24, U32(4) & 0xffffff, U32(8));
			bad = counter_records(nd, p + 12, tlen - 12, U32(8));
			break;
		case 3:
			if (tlen < 44) {
				bad = 1;
				break;
			}
			nd_printf(nd, " seqnum %u, type %u, idx %u, rate %u, pool %u, drops %u, records %u",
				  U32(0), U32(4), U32(8), U32(12), U32(16), U32(20),
				  U32(40));
			bad = flow_records(nd, p + 44, tlen - 44, U32(40));
			break;
		case 4:
			if (tlen < 16) {
				bad = 1;
				break;
			}
			nd_printf(nd, " seqnum %u, type %u, idx %u, records %u",
				  U32(0), U32(4), U32(8), U32(12));
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
