/* isis.c - IS-IS (ISO 10589, RFC 1195 and the many RFCs that add TLVs):
 * hellos, link state PDUs and sequence number PDUs with their TLVs. */
#include <stdio.h>
#include <string.h>

#include "../core/names.h"
#include "osi.h"

#define SYSID_LEN 6
#define NODEID_LEN 7
#define LSPID_LEN 8

static const struct tok pdu_types[] = {
	{ 15, "L1 Lan IIH" }, { 16, "L2 Lan IIH" }, { 17, "p2p IIH" },
	{ 18, "L1 LSP" }, { 20, "L2 LSP" }, { 24, "L1 CSNP" },
	{ 25, "L2 CSNP" }, { 26, "L1 PSNP" }, { 27, "L2 PSNP" }, { 0, NULL },
};

static const struct tok tlv_names[] = {
	{ 1, "Area address(es)" }, { 2, "IS Reachability" },
	{ 3, "ES Neighbor(s)" }, { 4, "Partition DIS" },
	{ 5, "Prefix Neighbors" }, { 6, "IS Neighbor(s)" },
	{ 7, "Instance Identifier" }, { 8, "Padding" }, { 9, "LSP entries" },
	{ 10, "Authentication" }, { 12, "Checksum" },
	{ 13, "Purge Originator Identifier" }, { 14, "LSP Buffersize" },
	{ 22, "Extended IS Reachability" }, { 24, "IS Alias ID" },
	{ 42, "DECnet Phase IV" }, { 66, "Lucent Proprietary" },
	{ 128, "IPv4 Internal Reachability" }, { 129, "Protocols supported" },
	{ 130, "IPv4 External Reachability" },
	{ 131, "Inter-Domain Information Type" },
	{ 132, "IPv4 Interface address(es)" },
	{ 133, "IPv4 authentication (deprecated)" },
	{ 134, "Traffic Engineering Router ID" },
	{ 135, "Extended IPv4 Reachability" }, { 137, "Hostname" },
	{ 138, "Shared Risk Link Group" },
	{ 143, "Multi-Topology-Aware Port Capability" },
	{ 144, "Multi-Topology Capability" },
	{ 176, "Nortel Proprietary" }, { 177, "Nortel Proprietary" },
	{ 211, "Restart Signaling" }, { 222, "Multi Topology IS Reachability" },
	{ 229, "Multi Topology" }, { 232, "IPv6 Interface address(es)" },
	{ 235, "Multi-Topology IPv4 Reachability" }, { 236, "IPv6 reachability" },
	{ 237, "Multi-Topology IP6 Reachability" },
	{ 240, "Point-to-point Adjacency State" },
	{ 241, "Hello PDU Sequence Number" },
	{ 242, "IS-IS Router Capability" }, { 250, "Vendor Private" },
	{ 0, NULL },
};

static const struct tok is_subtlv_names[] = {
	{ 3, "Administrative groups" }, { 4, "Link Local/Remote Identifier" },
	{ 5, "Link Remote Identifier" }, { 6, "IPv4 interface address" },
	{ 8, "IPv4 neighbor address" }, { 9, "Maximum link bandwidth" },
	{ 10, "Reservable link bandwidth" }, { 11, "Unreserved bandwidth" },
	{ 12, "IPv6 Interface address" }, { 13, "IPv6 Neighbor address" },
	{ 18, "Traffic Engineering Metric" }, { 19, "Link Attribute" },
	{ 20, "Link Protection Type" }, { 21, "Interface Switching Capability" },
	{ 22, "Bandwidth Constraints" }, { 29, "SPB Metric" },
	{ 32, "LAN Adjacency Segment Identifier" },
	{ 250, "Reserved for cisco specific extensions" },
	{ 251, "Reserved for cisco specific extensions" },
	{ 252, "Reserved for cisco specific extensions" },
	{ 253, "Reserved for cisco specific extensions" },
	{ 254, "Reserved for cisco specific extensions" },
	{ 255, "Reserved for future expansion" }, { 0, NULL },
};

static void put_id(nd_t *nd, const uint8_t *p, unsigned n)
{
	nd_need(nd, p, n);
	for (unsigned i = 0; i < n && i < SYSID_LEN; i++) {
		out_x2(nd->out, p[i]);
		if ((i & 1) && i + 1 < SYSID_LEN && i + 1 < n)
			nd_c(nd, '.');
	}
	if (n >= NODEID_LEN) {
		nd_c(nd, '.');
		out_x2(nd->out, p[6]);
	}
	if (n >= LSPID_LEN) {
		nd_c(nd, '-');
		out_x2(nd->out, p[7]);
	}
}

static void put_ip4at(nd_t *nd, const uint8_t *p)
{
	put_ip4(nd, p);
}

static void put_ip4_w15(nd_t *nd, const uint8_t *a)
{
	char b[16];
	size_t n = out_fmt_ip4(b, a); /* "%15s" */
	char *w = out_room(nd->out, 15);
	memset(w, ' ', 15 - n);
	memcpy(w + 15 - n, b, n);
	out_commit(nd->out, 15);
}

static void put_bw(nd_t *nd, uint32_t bits)
{
	float f;
	memcpy(&f, &bits, sizeof f);
	nd_printf(nd, "%.3f Mbps", f * 8 / 1000000);
}

static void metric(nd_t *nd, const char *pre, const char *name, unsigned m)
{
	nd_s(nd, pre);
	nd_s(nd, name);
	nd_s(nd, " Metric: ");
	nd_u(nd, m & 0x3f);
	nd_s(nd, ", ");
	nd_s(nd, m & 0x40 ? "External" : "Internal");
}

static void metric_block(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 4);
	metric(nd, ", ", "Default", p[0]);
	if (!(p[1] & 0x80))
		metric(nd, "\n\t\t  ", "Delay", p[1]);
	if (!(p[2] & 0x80))
		metric(nd, "\n\t\t  ", "Expense", p[2]);
	if (!(p[3] & 0x80))
		metric(nd, "\n\t\t  ", "Error", p[3]);
}

static const struct tok mt_names[] = {
	{ 0, "IPv4 unicast" }, { 1, "In-Band Management" },
	{ 2, "IPv6 unicast" }, { 3, "Multicast" },
	{ 4095, "Development, Experimental or Proprietary" }, { 0, NULL },
};

static const struct tok mt_flags[] = {
	{ 0x4000, "ATT bit set" }, { 0x8000, "Overload bit set" }, { 0, NULL },
};

/* Returns the octets used, 0 when there were too few. */
static unsigned mtid(nd_t *nd, const uint8_t *p, unsigned tlen)
{
	if (tlen < 2)
		return 0;
	unsigned v = nd_be16(nd, p);
	{
		const char *v0 = tok_name_or(mt_names, v & 0xfff, "Reserved for IETF Consensus");
		nd_s(nd, "\n\t      ");
		nd_s(nd, v0);
		nd_s(nd, " Topology (0x");
		out_x(nd->out, v & 0xfff, 3);
		nd_s(nd, "), Flags: [");
	}
	put_bits(nd, mt_flags, v & 0xf000, "none");
	nd_c(nd, ']');
	return 2;
}

static const struct tok lan_adj_flags[] = {
	{ 0x80, "Address family IPv6" }, { 0x40, "Backup" }, { 0x20, "Value" },
	{ 0x10, "Local significance" }, { 0x08, "Set of adjacencies" },
	{ 0x04, "Persistent" }, { 0, NULL },
};

static const struct tok bc_models[] = {
	{ 0, "Russian dolls" }, { 1, "Maximum Allocation" },
	{ 2, "Maximum Allocation with Reservation" }, { 0, NULL },
};

static const struct tok link_attr_bits[] = {
	{ 0x01, "Local Protection Available" }, { 0x02, "Link excluded from local protection path" },
	{ 0x04, "Local maintenance required" }, { 0, NULL },
};

static const struct tok link_prot_bits[] = {
	{ 0x01, "Extra Traffic" }, { 0x02, "Unprotected" }, { 0x04, "Shared" },
	{ 0x08, "Dedicated 1:1" }, { 0x10, "Dedicated 1+1" }, { 0x20, "Enhanced" },
	{ 0, NULL },
};

static void is_subtlv(nd_t *nd, const uint8_t *p, unsigned t, unsigned l, const char *ind)
{
	switch (t) {
	case 3: case 4: case 5:
		if (l >= 4) {
			{
				unsigned v0 = nd_be32(nd, p);
				nd_s(nd, ", 0x");
				out_x(nd->out, v0, 8);
			}
			if (l == 8) {
				unsigned v0 = nd_be32(nd, p + 4);
				nd_s(nd, ", 0x");
				out_x(nd->out, v0, 8);
			}
		}
		break;
	case 6: case 8:
		if (l >= 4) {
			nd_s(nd, ", ");
			put_ip4at(nd, p);
		}
		break;
	case 9: case 10:
		if (l >= 4) {
			nd_s(nd, ", ");
			put_bw(nd, nd_be32(nd, p));
		}
		break;
	case 11:
		if (l >= 32)
			for (unsigned c = 0; c < 8; c++) {
				nd_s(nd, ind);
				nd_s(nd, "  TE-Class ");
				nd_u(nd, c);
				nd_s(nd, ": ");
				put_bw(nd, nd_be32(nd, p + 4 * c));
			}
		break;
	case 22: case 250:
		if (l == 0)
			break;
		{
			const char *v0 = tok_name_or(bc_models, nd_u8(nd, p), "unknown");
			unsigned v1 = nd_u8(nd, p);
			nd_s(nd, ind);
			nd_s(nd, "Bandwidth Constraints Model ID: ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, v1);
			nd_c(nd, ')');
		}
		for (unsigned c = 0; c < (l - 1) / 4; c++) {
			nd_s(nd, ind);
			nd_s(nd, "  Bandwidth constraint CT");
			nd_u(nd, c);
			nd_s(nd, ": ");
			put_bw(nd, nd_be32(nd, p + 1 + 4 * c));
		}
		break;
	case 18:
		if (l >= 3) {
			unsigned v0 = nd_be24(nd, p);
			nd_s(nd, ", ");
			nd_u(nd, v0);
		}
		break;
	case 19:
		if (l == 2) {
			unsigned v = nd_be16(nd, p);
			nd_s(nd, ", [ ");
			put_bits(nd, link_attr_bits, v, "Unknown");
			nd_s(nd, " ] (0x");
			out_x(nd->out, v, 4);
			nd_c(nd, ')');
		}
		break;
	case 20:
		if (l >= 2) {
			nd_s(nd, ", ");
			put_bits(nd, link_prot_bits, nd_u8(nd, p), "none");
			{
				unsigned v0 = nd_u8(nd, p + 1);
				nd_s(nd, ", Priority ");
				nd_u(nd, v0);
			}
		}
		break;
	case 29:
		if (l >= 6) {
			unsigned v0 = nd_be24(nd, p);
			unsigned v1 = nd_u8(nd, p + 3);
			unsigned v2 = nd_be16(nd, p + 4);
			nd_s(nd, ", LM: ");
			nd_u(nd, v0);
			nd_s(nd, ", P: ");
			nd_u(nd, v1);
			nd_s(nd, ", P-ID: ");
			nd_u(nd, v2);
		}
		break;
	case 32:
		if (l >= 8) {
			unsigned f = nd_u8(nd, p);
			nd_s(nd, ind);
			nd_s(nd, "  Flags: [");
			put_bits(nd, lan_adj_flags, f, "none");
			{
				unsigned v0 = nd_u8(nd, p + 1);
				nd_c(nd, ']');
				nd_s(nd, ind);
				nd_s(nd, "  Weight: ");
				nd_u(nd, v0);
			}
			nd_need(nd, p + 2, SYSID_LEN);
			nd_s(nd, ind);
			nd_s(nd, "  Neighbor System-ID: ");
			put_id(nd, p + 2, SYSID_LEN);
			int v = f & 0x20, lf = f & 0x10;
			if (v && lf) {
				unsigned v0 = nd_be24(nd, p + 8);
				nd_s(nd, ind);
				nd_s(nd, "  Label: ");
				nd_u(nd, v0);
			} else if (!v && !lf) {
				unsigned v0 = nd_be32(nd, p + 8);
				nd_s(nd, ind);
				nd_s(nd, "  Index: ");
				nd_u(nd, v0);
			} else
				nd_print_invalid(nd);
		}
		break;
	default:
		print_unknown_data(nd, p, "\n\t\t    ", l);
		break;
	}
}

/* One extended IS reachability entry; returns its length or 0. */
static unsigned ext_is_reach(nd_t *nd, const uint8_t *p, unsigned type, unsigned rem)
{
	unsigned used = 0;
	if (rem < NODEID_LEN)
		return 0;
	nd_need(nd, p, NODEID_LEN);
	nd_s(nd, "\n\t      IS Neighbor: ");
	put_id(nd, p, NODEID_LEN);
	p += NODEID_LEN;
	rem -= NODEID_LEN;
	used += NODEID_LEN;
	if (type != 24) {
		if (rem < 3)
			return 0;
		{
			unsigned v0 = nd_be24(nd, p);
			nd_s(nd, ", Metric: ");
			nd_u(nd, v0);
		}
		p += 3;
		rem -= 3;
		used += 3;
	}
	if (rem < 1)
		return 0;
	unsigned sum = nd_u8(nd, p);
	p++;
	rem--;
	used++;
	if (!sum) {
		nd_s(nd, ", no sub-TLVs present");
		return used;
	}
	nd_s(nd, ", sub-TLVs present (");
	nd_u(nd, sum);
	nd_c(nd, ')');
	const char *ind = "\n\t        ";
	while (sum != 0) {
		if (rem < 2) {
			nd_s(nd, ind);
			nd_s(nd, "Remaining data in TLV shorter than a subTLV header");
			used += rem;
			break;
		}
		if (sum < 2) {
			nd_s(nd, ind);
			nd_s(nd, "Remaining data in subTLVs shorter than a subTLV header");
			used += sum;
			break;
		}
		unsigned st = nd_u8(nd, p), sl = nd_u8(nd, p + 1);
		p += 2;
		rem -= 2;
		sum -= 2;
		used += 2;
		{
			const char *v0 = tok_name_or(is_subtlv_names, st, "unknown");
			nd_s(nd, ind);
			nd_s(nd, v0);
			nd_s(nd, " subTLV #");
			nd_u(nd, st);
			nd_s(nd, ", length: ");
			nd_u(nd, sl);
		}
		if (sum < sl) {
			nd_s(nd, " (remaining data in subTLVs shorter than the current subTLV)");
			used += sum;
			break;
		}
		if (rem < sl) {
			nd_s(nd, " (> remaining tlv length)");
			used += rem;
			break;
		}
		nd_need(nd, p, sl);
		is_subtlv(nd, p, st, sl, ind);
		p += sl;
		rem -= sl;
		sum -= sl;
		used += sl;
	}
	return used;
}

static const struct tok ip_subtlv_names[] = {
	{ 1, "32-Bit Administrative tag" }, { 2, "64-Bit Administrative tag" },
	{ 3, "Prefix SID" }, { 0, NULL },
};

static const struct tok prefix_sid_flags[] = {
	{ 0x80, "Re-advertisement" }, { 0x40, "Node" }, { 0x20, "No-PHP" },
	{ 0x10, "Explicit NULL" }, { 0x08, "Value" }, { 0x04, "Local" },
	{ 0, NULL },
};

static const struct tok sid_algos[] = {
	{ 0, "SPF" }, { 1, "strict-SPF" }, { 0, NULL },
};

static int ip_subtlv(nd_t *nd, const uint8_t *p, unsigned t, unsigned l, const char *ind)
{
	{
		const char *v0 = tok_name_or(ip_subtlv_names, t, "unknown");
		nd_s(nd, ind);
		nd_s(nd, v0);
		nd_s(nd, " subTLV #");
		nd_u(nd, t);
		nd_s(nd, ", length: ");
		nd_u(nd, l);
	}
	if (!nd_has(nd, p, l))
		goto trunc;
	switch (t) {
	case 1:
		for (; l >= 4; l -= 4, p += 4) {
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p);
			nd_s(nd, ", 0x");
			out_x(nd->out, v0, 8);
			nd_s(nd, " (=");
			nd_u(nd, v1);
			nd_c(nd, ')');
		}
		break;
	case 2:
		for (; l >= 8; l -= 8, p += 8) {
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p + 4);
			nd_s(nd, ", 0x");
			out_x(nd->out, v0, 8);
			out_x(nd->out, v1, 8);
		}
		break;
	case 3: {
		unsigned f = nd_u8(nd, p), a = nd_u8(nd, p + 1);
		uint32_t sid;
		if (f & 0x08) {
			if (l < 5)
				goto trunc;
			sid = nd_be24(nd, p + 2);
		} else {
			if (l < 6)
				goto trunc;
			sid = nd_be32(nd, p + 2);
		}
		nd_s(nd, ", Flags [");
		put_bits(nd, prefix_sid_flags, f, "None");
		{
			const char *v0 = tok_name_or(sid_algos, a, "Unknown");
			nd_s(nd, "], Algo ");
			nd_s(nd, v0);
			nd_s(nd, " (");
			nd_u(nd, a);
			nd_s(nd, "), ");
			nd_s(nd, f & 0x08 ? "label" : "index");
			nd_c(nd, ' ');
			nd_u(nd, sid);
		}
		break;
	}
	default:
		print_unknown_data(nd, p, "\n\t\t    ", l);
		break;
	}
	return 1;
trunc:
	nd_print_trunc(nd);
	return 0;
}

/* One extended IPv4/IPv6 reachability entry; returns its length or 0. */
static unsigned ext_ip_reach(nd_t *nd, const uint8_t *p, int v6)
{
	unsigned status, bits, used;
	uint32_t m = nd_be32(nd, p);
	if (!v6) {
		status = nd_u8(nd, p + 4);
		bits = status & 0x3f;
		if (bits > 32) {
			nd_s(nd, "\n\t      IPv4 prefix: bad bit length ");
			nd_u(nd, bits);
			return 0;
		}
		used = 5;
	} else {
		status = nd_u8(nd, p + 4);
		bits = nd_u8(nd, p + 5);
		if (bits > 128) {
			nd_s(nd, "\n\t      IPv6 prefix: bad bit length ");
			nd_u(nd, bits);
			return 0;
		}
		used = 6;
	}
	p += used;
	unsigned bl = (bits + 7) / 8;
	uint8_t pfx[16] = { 0 };
	nd_copy(nd, pfx, p, bl);
	p += bl;
	used += bl;
	if (!v6) {
		nd_s(nd, "\n\t      IPv4 prefix: ");
		put_ip4_w15(nd, pfx);
	} else {
		char b[46];
		fmt_ip6(b, pfx);
		nd_s(nd, "\n\t      IPv6 prefix: ");
		nd_s(nd, b);
	}
	nd_c(nd, '/');
	nd_u(nd, bits);
	nd_s(nd, ", Distribution: ");
	nd_s(nd, status & 0x80 ? "down" : "up");
	nd_s(nd, ", Metric: ");
	nd_u(nd, m);
	int sub;
	if (!v6) {
		sub = status & 0x40;
		if (sub)
			nd_s(nd, ", sub-TLVs present");
	} else {
		sub = status & 0x20;
		nd_s(nd, ", ");
		nd_s(nd, status & 0x40 ? "External" : "Internal");
		nd_s(nd, sub ? ", sub-TLVs present" : "");
	}
	if (sub) {
		unsigned sl = nd_u8(nd, p);
		p++;
		used += sl + 1;
		nd_s(nd, " (");
		nd_u(nd, sl);
		nd_c(nd, ')');
		while (sl > 0) {
			unsigned st = nd_u8(nd, p), stl = nd_u8(nd, p + 1);
			p += 2;
			if (!ip_subtlv(nd, p, st, stl, "\n\t        "))
				return 0;
			p += stl;
			sl -= (stl + 2 > sl) ? sl : stl + 2;
		}
	}
	return used;
}

/* IPv4 internal/external reachability (RFC 1195); 0 on a short entry. */
static int ip_reach(nd_t *nd, const uint8_t *p, unsigned len)
{
	while (len > 0) {
		if (len < 12) {
			nd_s(nd, "short IPv4 Reachability (");
			nd_u(nd, len);
			nd_s(nd, " vs 12)");
			return 0;
		}
		if (!nd_has(nd, p, 12))
			return 0;
		uint32_t mask = nd_be32(nd, p + 8);
		int plen = -1;
		uint32_t inv = ~mask;
		if ((inv & (inv + 1)) == 0) {
			plen = 0;
			for (uint32_t mm = mask; mm; mm <<= 1)
				plen++;
		}
		if (plen < 0) {
			nd_s(nd, "\n\t      IPv4 prefix: ");
			put_ip4(nd, p + 4);
			nd_s(nd, " mask ");
			put_ip4(nd, p + 8);
		} else {
			nd_s(nd, "\n\t      IPv4 prefix: ");
			put_ip4_w15(nd, p + 4);
			nd_c(nd, '/');
			out_d(nd->out, plen);
		}
		nd_s(nd, ", Distribution: ");
		nd_s(nd, p[0] & 0x80 ? "down" : "up");
		nd_s(nd, ", Metric: ");
		nd_u(nd, p[0] & 0x3f);
		nd_s(nd, ", ");
		nd_s(nd, p[0] & 0x40 ? "External" : "Internal");
		if (!(p[1] & 0x80))
			metric(nd, "\n\t        ", "Delay", p[1]);
		if (!(p[2] & 0x80))
			metric(nd, "\n\t        ", "Expense", p[2]);
		if (!(p[3] & 0x80))
			metric(nd, "\n\t        ", "Error", p[3]);
		len -= 12;
		p += 12;
	}
	return 1;
}

static void mcid(nd_t *nd, const uint8_t *p)
{
	{
		unsigned v0 = nd_u8(nd, p);
		nd_s(nd, "ID: ");
		nd_u(nd, v0);
		nd_s(nd, ", Name: ");
	}
	nd_need(nd, p + 1, 32);
	for (unsigned i = 0; i < 32 && p[1 + i]; i++)
		nd_print_char(nd, p[1 + i]);
	{
		unsigned v0 = nd_be16(nd, p + 33);
		nd_s(nd, "\n\t              Lvl: ");
		nd_u(nd, v0);
		nd_s(nd, ", Digest: ");
	}
	for (unsigned i = 0; i < 16; i++) {
		out_x2(nd->out, nd_u8(nd, p + 35 + i)); /* %.2x */
		nd_c(nd, ' ');
	}
}

static const struct tok port_cap_names[] = {
	{ 4, "SPB MCID" }, { 5, "SPB Digest" }, { 6, "SPB BVID" }, { 0, NULL },
};

static void mt_port_cap(nd_t *nd, const uint8_t *p, unsigned len)
{
	while (len > 2) {
		unsigned t = nd_u8(nd, p), l = nd_u8(nd, p + 1);
		{
			const char *v0 = tok_name_or(port_cap_names, t, "unknown");
			nd_s(nd, "\n\t       ");
			nd_s(nd, v0);
			nd_s(nd, " subTLV #");
			nd_u(nd, t);
			nd_s(nd, ", length: ");
			nd_u(nd, l);
		}
		p += 2;
		len -= 2;
		if (len < l) {
			nd_s(nd, " (> containing TLV length)");
			return;
		}
		if (!nd_has(nd, p, l)) {
			nd_print_trunc(nd);
			return;
		}
		switch (t) {
		case 4:
			if (l < 102)
				goto too_short;
			nd_s(nd, "\n\t         MCID: ");
			mcid(nd, p);
			nd_s(nd, "\n\t         AUX-MCID: ");
			mcid(nd, p + 51);
			p += 102;
			len -= 102;
			l -= 102;
			break;
		case 5: {
			if (l < 33)
				goto too_short;
			unsigned b = p[0];
			nd_s(nd, "\n\t        RES: ");
			nd_u(nd, b >> 5);
			nd_s(nd, " V: ");
			nd_u(nd, (b >> 4) & 1);
			nd_s(nd, " A: ");
			nd_u(nd, (b >> 2) & 3);
			nd_s(nd, " D: ");
			nd_u(nd, b & 3);
			p++;
			nd_s(nd, "\n\t         Digest: ");
			for (unsigned i = 1; i <= 8; i++) {
				out_x(nd->out, nd_be32(nd, p), 8);
				nd_c(nd, ' ');
				if (i % 4 == 0 && i != 8)
					nd_s(nd, "\n\t                 ");
				p += 4;
			}
			len -= 33;
			l -= 33;
			break;
		}
		case 6:
			while (l != 0) {
				if (l < 4)
					goto too_short;
				{
					unsigned v0 = nd_be32(nd, p);
					nd_s(nd, "\n\t           ECT: ");
					out_x(nd->out, v0, 8);
				}
				p += 4;
				unsigned v = nd_be16(nd, p);
				nd_s(nd, " BVID: ");
				nd_u(nd, v >> 4);
				nd_s(nd, ", U:");
				out_x(nd->out, (v >> 3) & 1, 1);
				nd_s(nd, " M:");
				out_x(nd->out, (v >> 2) & 1, 1);
				nd_c(nd, ' ');
				p += 2;
				len -= 6 > len ? len : 6;
				l -= 6 > l ? l : 6;
			}
			break;
		}
		p += l;
		len -= l;
	}
	return;
too_short:
	nd_s(nd, " (too short)");
}

static const struct tok mt_cap_names[] = {
	{ 1, "SPB Instance" }, { 3, "SPBM Service Identifier and Unicast Address" }, { 0, NULL },
};

/* Returns 1 when it printed a truncation mark. */
static int mt_cap(nd_t *nd, const uint8_t *p, unsigned len)
{
	while (len > 2) {
		unsigned t = nd_u8(nd, p), l = nd_u8(nd, p + 1);
		p += 2;
		len -= 2;
		{
			const char *v0 = tok_name_or(mt_cap_names, t, "unknown");
			nd_s(nd, "\n\t      ");
			nd_s(nd, v0);
			nd_s(nd, " subTLV #");
			nd_u(nd, t);
			nd_s(nd, ", length: ");
			nd_u(nd, l);
		}
		if (len < l) {
			nd_s(nd, " (> containing TLV length)");
			return 0;
		}
		if (!nd_has(nd, p, l)) {
			nd_print_trunc(nd);
			return 0;
		}
		switch (t) {
		case 1: {
			if (l < 19)
				goto too_short;
			{
				unsigned v0 = nd_be32(nd, p);
				nd_s(nd, "\n\t        CIST Root-ID: ");
				out_x(nd->out, v0, 8);
			}
			{
				unsigned v0 = nd_be32(nd, p + 4);
				nd_c(nd, ' ');
				out_x(nd->out, v0, 8);
			}
			{
				unsigned v0 = nd_be32(nd, p + 8);
				nd_s(nd, ", Path Cost: ");
				out_x(nd->out, v0, 8);
			}
			{
				unsigned v0 = nd_be16(nd, p + 12);
				nd_s(nd, ", Prio: ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, p + 14) >> 5;
				nd_s(nd, "\n\t        RES: ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = (nd_be16(nd, p + 14) >> 4) & 1;
				nd_s(nd, ", V: ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be32(nd, p + 14) & 0xfffff;
				nd_s(nd, ", SPSource-ID: ");
				nd_u(nd, v0);
			}
			unsigned n = nd_u8(nd, p + 18);
			nd_s(nd, ", No of Trees: ");
			out_x(nd->out, n, 0);
			p += 19;
			len -= 19;
			l -= 19;
			while (n) {
				if (l < 8)
					goto too_short;
				unsigned b = nd_u8(nd, p);
				nd_s(nd, "\n\t         U:");
				nd_u(nd, b >> 7);
				nd_s(nd, ", M:");
				nd_u(nd, (b >> 6) & 1);
				nd_s(nd, ", A:");
				nd_u(nd, (b >> 5) & 1);
				nd_s(nd, ", RES:");
				nd_u(nd, b & 0x1f);
				{
					unsigned v0 = nd_be32(nd, p + 1);
					nd_s(nd, ", ECT: ");
					out_x(nd->out, v0, 8);
				}
				uint32_t v = nd_be24(nd, p + 5);
				nd_s(nd, ", BVID: ");
				nd_u(nd, (v >> 12) & 0xfff);
				nd_s(nd, ", SPVID: ");
				nd_u(nd, v & 0xfff);
				p += 8;
				len -= 8;
				l -= 8;
				n--;
			}
			break;
		}
		case 3:
			if (l < 8) {
				nd_print_trunc(nd);
				return 1;
			}
			{
				unsigned v0 = nd_be32(nd, p);
				nd_s(nd, "\n\t        BMAC: ");
				out_x(nd->out, v0, 8);
			}
			out_x(nd->out, nd_be16(nd, p + 4), 4);
			{
				unsigned v0 = nd_be16(nd, p + 6) >> 12;
				unsigned v1 = nd_be16(nd, p + 6) & 0xfff;
				nd_s(nd, ", RES: ");
				nd_u(nd, v0);
				nd_s(nd, ", VID: ");
				nd_u(nd, v1);
			}
			p += 8;
			len -= 8;
			l -= 8;
			while (l >= 4) {
				uint32_t v = nd_be32(nd, p);
				nd_s(nd, "\n\t        T: ");
				nd_u(nd, v >> 31);
				nd_s(nd, ", R: ");
				nd_u(nd, (v >> 30) & 1);
				nd_s(nd, ", RES: ");
				nd_u(nd, (v >> 24) & 0x3f);
				nd_s(nd, ", ISID: ");
				nd_u(nd, v & 0xffffff);
				p += 4;
				len -= 4;
				l -= 4;
			}
			break;
		}
		p += l;
		len -= l;
	}
	return 0;
too_short:
	nd_s(nd, " (too short)");
	return 0;
}

static const struct tok cap_flags[] = {
	{ 0x01, "S bit" }, { 0x02, "D bit" }, { 0, NULL },
};

static const struct tok cap_subtlv_names[] = {
	{ 2, "SR-Capabilities" }, { 0, NULL },
};

static const struct tok sr_cap_flags[] = {
	{ 0x80, "ipv4" }, { 0x40, "ipv6" }, { 0, NULL },
};

static void router_cap_subtlvs(nd_t *nd, const uint8_t *p, unsigned len)
{
	while (len >= 2) {
		unsigned t = nd_u8(nd, p), l = nd_u8(nd, p + 1);
		len -= 2;
		p += 2;
		{
			const char *v0 = tok_name_or(cap_subtlv_names, t, "unknown");
			nd_s(nd, "\n\t\t");
			nd_s(nd, v0);
			nd_s(nd, " subTLV #");
			nd_u(nd, t);
			nd_s(nd, ", length: ");
			nd_u(nd, l);
		}
		if (l > len || !nd_has(nd, p, l))
			break; /* quietly: the TLV loop notices the end */
		if (t == 2) {
			unsigned f = nd_u8(nd, p);
			nd_s(nd, ", Flags [");
			put_bits(nd, sr_cap_flags, f, "None");
			{
				unsigned v0 = nd_be24(nd, p + 1);
				nd_s(nd, "], Range ");
				nd_u(nd, v0);
			}
			const uint8_t *s = p + 4;
			unsigned sl = (l - 4) & 0xff;
			while (sl >= 5) {
				unsigned st = nd_u8(nd, s), stl = nd_u8(nd, s + 1);
				sl -= 2;
				s += 2;
				if (stl > sl)
					break;
				if (st == 1) {
					if (stl == 3) {
						unsigned v0 = nd_be24(nd, s);
						nd_s(nd, ", SID value ");
						nd_u(nd, v0);
					} else if (stl == 4) {
						unsigned v0 = nd_be32(nd, s);
						nd_s(nd, ", SID value ");
						nd_u(nd, v0);
					} else {
						nd_s(nd, ", Unknown SID length");
						nd_u(nd, stl);
					}
				} else {
					print_unknown_data(nd, s, "\n\t\t  ", stl);
				}
				s += stl;
				sl -= stl;
			}
		} else {
			print_unknown_data(nd, p, "\n\t\t", l);
		}
		len -= l;
		p += l;
	}
}

static const struct tok circuit_types[] = {
	{ 1, "Level 1 only" }, { 2, "Level 2 only" }, { 3, "Level 1, Level 2" },
	{ 0, NULL },
};

static const struct tok restart_flags[] = {
	{ 0x1, "Restart Request" }, { 0x2, "Restart Acknowledgement" },
	{ 0x4, "Suppress adjacency advertisement" }, { 0, NULL },
};

static const struct tok adj_states[] = {
	{ 0, "Up" }, { 1, "Initializing" }, { 2, "Down" }, { 0, NULL },
};

static const struct tok auth_types[] = {
	{ 1, "simple text password" }, { 54, "HMAC-MD5 password" },
	{ 3, "Generic Crypto key-id" }, { 255, "Routing Domain private password" },
	{ 0, NULL },
};

static void put_text(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = nd_u8(nd, p + i);
		if (!c)
			break;
		nd_print_char(nd, c);
	}
}

/* One TLV's value.  Returns 0 after printing a truncation mark (the PDU
 * ends there), 1 otherwise. */
static int tlv_print(nd_t *nd, unsigned type, const uint8_t *p, unsigned tlen,
                     const uint8_t *pdu, unsigned pdulen)
{
	const char *I = "\n\t      ";
	switch (type) {
	case 1:
		while (tlen != 0) {
			unsigned al = nd_u8(nd, p);
			p++;
			tlen--;
			if (tlen < al)
				return 2;
			if (al >= 1 && al <= 20)
				nd_need(nd, p, al);
			nd_s(nd, I);
			nd_s(nd, "Area address (length: ");
			nd_u(nd, al);
			nd_s(nd, "): ");
			osi_nsap(nd, p, al);
			p += al;
			tlen -= al;
		}
		break;
	case 6:
		while (tlen != 0) {
			if (tlen < 6)
				return 2;
			nd_need(nd, p, 6);
			nd_s(nd, I);
			nd_s(nd, "SNPA: ");
			put_id(nd, p, 6);
			p += 6;
			tlen -= 6;
		}
		break;
	case 13: {
		if (tlen < 1)
			break;
		unsigned n = nd_u8(nd, p);
		p++;
		tlen--;
		if (n == 0) {
			nd_s(nd, " No system IDs supplied");
			break;
		}
		if (tlen < SYSID_LEN)
			break;
		nd_need(nd, p, SYSID_LEN);
		nd_s(nd, I);
		nd_s(nd, "Purge Originator System-ID: ");
		put_id(nd, p, SYSID_LEN);
		p += SYSID_LEN;
		tlen -= SYSID_LEN;
		if (n == 1 || tlen < SYSID_LEN)
			break;
		nd_need(nd, p, 2 * SYSID_LEN + 1); /* tcpdump's check spans this much */ {
		nd_s(nd, I);
		nd_s(nd, "Received from System-ID: ");
		}
		put_id(nd, p, SYSID_LEN);
		break;
	}
	case 222:
	case 22:
	case 24:
		if (type == 222) {
			unsigned m = mtid(nd, p, tlen);
			if (!m)
				return 0;
			p += m;
			tlen -= m;
		}
		while (tlen != 0) {
			unsigned l = ext_is_reach(nd, p, type, tlen);
			if (!l)
				return 0;
			if (tlen < l) {
				nd_s(nd, " [remaining tlv length ");
				nd_u(nd, tlen);
				nd_s(nd, " < ");
				nd_u(nd, l);
				nd_c(nd, ']');
				nd_print_invalid(nd);
				break;
			}
			tlen -= l;
			p += l;
		}
		break;
	case 2:
		{
			unsigned v = nd_u8(nd, p);
			nd_s(nd, I);
			if (v == 0)
				nd_s(nd, "IsNotVirtual");
			else if (v == 1)
				nd_s(nd, "IsVirtual");
			else {
				nd_s(nd, "bogus virtual flag 0x");
				out_x2(nd->out, v);
			}
		}
		p++;
		tlen--;
		while (tlen >= 11) {
			nd_need(nd, p + 4, NODEID_LEN);
			nd_s(nd, I);
			nd_s(nd, "IS Neighbor: ");
			put_id(nd, p + 4, NODEID_LEN);
			metric_block(nd, p);
			tlen -= 11;
			p += 11;
		}
		break;
	case 235:
	case 237:
	case 135:
	case 236: {
		int v6 = type == 236 || type == 237;
		if (type == 235 || type == 237) {
			unsigned m = mtid(nd, p, tlen);
			if (!m)
				return 0;
			p += m;
			tlen -= m;
		}
		while (tlen != 0) {
			unsigned l = ext_ip_reach(nd, p, v6);
			if (!l)
				return 0;
			if (tlen < l) {
				nd_s(nd, " [remaining tlv length ");
				nd_u(nd, tlen);
				nd_s(nd, " < ");
				nd_u(nd, l);
				nd_c(nd, ']');
				nd_print_invalid(nd);
				break;
			}
			tlen -= l;
			p += l;
		}
		break;
	}
	case 5:
		if (tlen < 4)
			break;
		nd_need(nd, p, 4);
		nd_s(nd, I);
		nd_s(nd, "Metric Block");
		metric_block(nd, p);
		p += 4;
		tlen -= 4;
		while (tlen != 0) {
			unsigned pl = nd_u8(nd, p);
			p++;
			tlen--;
			if (pl < 2) {
				nd_s(nd, "\n\t\tAddress: prefix length ");
				nd_u(nd, pl);
				nd_s(nd, " < 2");
				break;
			}
			if (tlen < pl / 2)
				break;
			if (pl / 2 >= 1 && pl / 2 <= 20)
				nd_need(nd, p, pl / 2);
			nd_s(nd, "\n\t\tAddress: ");
			osi_nsap(nd, p, pl / 2);
			nd_c(nd, '/');
			nd_u(nd, pl * 4);
			p += pl / 2;
			tlen -= pl / 2;
		}
		break;
	case 10: {
		if (tlen < 1)
			break;
		unsigned at = nd_u8(nd, p);
		p++;
		tlen--;
		const char *an = tok_name(auth_types, at);
		if (an) {
			nd_s(nd, I);
			nd_s(nd, an);
			nd_s(nd, ": ");
		} else {
			nd_s(nd, I);
			nd_s(nd, "unknown Authentication type 0x");
			out_x2(nd->out, at);
			nd_s(nd, ": ");
		}
		if (at == 1) {
			put_text(nd, p, tlen);
		} else if (at == 54) {
			for (unsigned i = 0; i < tlen; i++)
				out_x2(nd->out, nd_u8(nd, p + i));
			if (tlen != 16)
				nd_s(nd, ", (invalid subTLV) ");
			nd_s(nd, " (unchecked)");
		} else if (at == 3) {
			nd_u(nd, nd_be16(nd, p));
			nd_s(nd, ", password: ");
			for (unsigned i = 2; i < tlen; i++)
				out_x2(nd->out, nd_u8(nd, p + i));
		} else {
			print_unknown_data(nd, p, "\n\t\t  ", tlen);
		}
		break;
	}
	case 240: {
		if (tlen >= 1) {
			unsigned s = nd_u8(nd, p);
			{
				const char *v0 = tok_name_or(adj_states, s, "unknown");
				nd_s(nd, I);
				nd_s(nd, "Adjacency State: ");
				nd_s(nd, v0);
				nd_s(nd, " (");
				nd_u(nd, s);
				nd_c(nd, ')');
			}
			tlen--;
		}
		if (tlen > 4) {
			{
				unsigned v0 = nd_be32(nd, p + 1);
				nd_s(nd, I);
				nd_s(nd, "Extended Local circuit-ID: 0x");
				out_x(nd->out, v0, 8);
			}
			tlen -= 4;
		}
		if (tlen >= SYSID_LEN) {
			nd_need(nd, p + 5, SYSID_LEN);
			nd_s(nd, I);
			nd_s(nd, "Neighbor System-ID: ");
			put_id(nd, p + 5, SYSID_LEN);
			tlen -= SYSID_LEN;
		}
		if (tlen >= 4) {
			unsigned v0 = nd_be32(nd, p + 11);
			nd_s(nd, I);
			nd_s(nd, "Neighbor Extended Local circuit-ID: 0x");
			out_x(nd->out, v0, 8);
		}
		break;
	}
	case 128:
	case 130:
		if (!ip_reach(nd, p, tlen))
			return 3;
		break;
	case 129:
		nd_s(nd, I);
		nd_s(nd, "NLPID(s): ");
		for (; tlen != 0; tlen--, p++) {
			unsigned v = nd_u8(nd, p);
			const char *s = osi_nlpid_name(v);
			nd_s(nd, s ? s : "unknown");
			nd_s(nd, " (0x");
			out_x2(nd->out, v);
			nd_c(nd, ')');
			if (tlen > 1)
				nd_s(nd, ", ");
		}
		break;
	case 143: {
		if (tlen < 2)
			break;
		unsigned v = nd_be16(nd, p);
		nd_s(nd, "\n\t       RES: ");
		nd_u(nd, v >> 12);
		nd_s(nd, ", MTID(s): ");
		nd_u(nd, v & 0xfff);
		if (tlen > 2)
			mt_port_cap(nd, p + 2, tlen - 2);
		break;
	}
	case 144: {
		if (tlen < 2)
			break;
		unsigned v = nd_be16(nd, p);
		nd_s(nd, I);
		nd_s(nd, "O: ");
		nd_u(nd, (v >> 15) & 1);
		nd_s(nd, ", RES: ");
		nd_u(nd, (v >> 12) & 7);
		nd_s(nd, ", MTID(s): ");
		nd_u(nd, v & 0xfff);
		if (tlen > 2 && mt_cap(nd, p + 2, tlen - 2))
			return 0;
		break;
	}
	case 134:
		if (tlen < 4)
			break;
		nd_need(nd, p, 4);
		nd_s(nd, I);
		nd_s(nd, "Traffic Engineering Router ID: ");
		put_ip4at(nd, p);
		break;
	case 132:
		for (; tlen >= 4; tlen -= 4, p += 4) {
			nd_need(nd, p, 4);
			nd_s(nd, I);
			nd_s(nd, "IPv4 interface address: ");
			put_ip4at(nd, p);
		}
		break;
	case 232:
		for (; tlen >= 16; tlen -= 16, p += 16) {
			nd_need(nd, p, 16);
			nd_s(nd, I);
			nd_s(nd, "IPv6 interface address: ");
			put_ip6(nd, p);
		}
		break;
	case 137:
		nd_s(nd, I);
		nd_s(nd, "Hostname: ");
		put_text(nd, p, tlen);
		break;
	case 211:
		if (tlen < 1)
			break;
		nd_need(nd, p, 1);
		nd_s(nd, I);
		nd_s(nd, "Flags [");
		put_bits(nd, restart_flags, nd_u8(nd, p), "none");
		nd_c(nd, ']');
		p++;
		tlen--;
		if (tlen < 2)
			break;
		nd_need(nd, p, 2);
		{
			unsigned v0 = nd_be16(nd, p);
			nd_s(nd, ", Remaining holding time ");
			nd_u(nd, v0);
			nd_c(nd, 's');
		}
		p += 2;
		tlen -= 2;
		if (tlen == SYSID_LEN) {
			nd_need(nd, p, SYSID_LEN);
			nd_s(nd, ", for ");
			put_id(nd, p, SYSID_LEN);
		}
		break;
	case 14:
		if (tlen < 2)
			break;
		{
			unsigned v0 = nd_be16(nd, p);
			nd_s(nd, I);
			nd_s(nd, "LSP Buffersize: ");
			nd_u(nd, v0);
		}
		break;
	case 229:
		while (tlen > 1) {
			unsigned m = mtid(nd, p, tlen);
			if (!m)
				return 0;
			p += m;
			tlen -= m;
		}
		break;
	case 7: {
		if (tlen < 4)
			break;
		{
			unsigned v0 = nd_be16(nd, p);
			nd_s(nd, I);
			nd_s(nd, "Instance ID: ");
			nd_u(nd, v0);
		}
		p += 2;
		tlen -= 2;
		unsigned n = tlen / 2;
		nd_s(nd, ", ITIDs(");
		nd_u(nd, n);
		nd_c(nd, ')');
		nd_s(nd, n ? ":" : "");
		nd_c(nd, ' ');
		for (; tlen >= 2; tlen -= 2, p += 2) {
			nd_u(nd, nd_be16(nd, p));
			if (tlen > 2)
				nd_s(nd, ", ");
		}
		break;
	}
	case 9:
		for (; tlen >= 16; tlen -= 16, p += 16) {
			nd_need(nd, p + 2, LSPID_LEN);
			nd_s(nd, I);
			nd_s(nd, "lsp-id: ");
			put_id(nd, p + 2, LSPID_LEN);
			{
				unsigned v0 = nd_be32(nd, p + 10);
				nd_s(nd, ", seq: 0x");
				out_x(nd->out, v0, 8);
			}
			{
				unsigned v0 = nd_be16(nd, p);
				nd_s(nd, ", lifetime: ");
				out_uw(nd->out, v0, 5, ' ');
				nd_c(nd, 's');
			}
			{
				unsigned v0 = nd_be16(nd, p + 14);
				nd_s(nd, ", chksum: 0x");
				out_x(nd->out, v0, 4);
			}
		}
		break;
	case 12:
		if (tlen < 2)
			break;
		{
			unsigned v0 = nd_be16(nd, p);
			nd_s(nd, I);
			nd_s(nd, "checksum: 0x");
			out_x(nd->out, v0, 4);
			nd_c(nd, ' ');
		}
		osi_cksum(nd, pdu, nd_be16(nd, p), (unsigned)(p - pdu), pdulen);
		break;
	case 242:
		if (tlen < 5) {
			nd_s(nd, " [object length ");
			nd_u(nd, tlen);
			nd_s(nd, " < 5]");
			nd_print_invalid(nd);
			break;
		}
		nd_need(nd, p, 4);
		nd_s(nd, I);
		nd_s(nd, "Router-ID ");
		put_ip4at(nd, p);
		nd_need(nd, p + 4, 1);
		nd_s(nd, ", Flags [");
		put_bits(nd, cap_flags, nd_u8(nd, p + 4), "none");
		nd_c(nd, ']');
		if (tlen > 5)
			router_cap_subtlvs(nd, p + 5, tlen - 5);
		break;
	case 250:
		if (tlen < 3)
			break;
		{
			uint32_t v = nd_be24(nd, p);
			const char *o = oui_name(v);
			nd_s(nd, I);
			nd_s(nd, "Vendor: ");
			nd_s(nd, o ? o : "Unknown");
			nd_s(nd, " (");
			nd_u(nd, v);
			nd_c(nd, ')');
		}
		if (tlen > 3)
			print_unknown_data(nd, p + 3, "\n\t\t", tlen - 3);
		break;
	case 8:
		break;
	case 4: /* Partition DIS: a system ID when there is room for one */
		if (tlen >= SYSID_LEN) {
			nd_s(nd, I);
			put_id(nd, p, SYSID_LEN);
		}
		break;
	case 131: {
		if (tlen < 1)
			break;
		unsigned t = nd_u8(nd, p);
		nd_s(nd, I);
		nd_s(nd, "Inter-Domain Information Type: ");
		if (t <= 2)
			nd_s(nd, t == 0 ? "Reserved" : t == 1 ? "Routing-Domain Specific"
			                                      : "AS Number Tag");
		else {
			nd_s(nd, "Unknown (0x");
			out_x2(nd->out, t);
			nd_c(nd, ')');
		}
		if (t == 2) {
			if (tlen >= 3) {
				unsigned v0 = nd_be16(nd, p + 1);
				nd_s(nd, "AS Number: ");
				nd_u(nd, v0);
			}
		} else if (tlen > 1) {
			print_unknown_data(nd, p + 1, I, tlen - 1);
		}
		break;
	}
	default:
		if (nd->opt->vflag <= 1)
			print_unknown_data(nd, p, "\n\t\t", tlen);
		break;
	}
	return 1;
}

static const char *const lsp_istypes[4] = {
	"Unused 0x0 (invalid)", "L1 IS", "Unused 0x2 (invalid)", "L2 IS",
};

int isis_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	const uint8_t *h = p;
	int e = nd->opt->eflag, v = nd->opt->vflag;
	nd_proto(nd, "isis");
	nd_need(nd, p, 8);
	if (!e)
		nd_s(nd, "IS-IS");
	unsigned fixed = p[1], ver = p[2], idlen_raw = p[3], pdu_ver = p[5];
	unsigned max_area_raw = p[7];
	if (ver != 1) {
		nd_s(nd, "version ");
		nd_u(nd, ver);
		nd_s(nd, " packet not supported");
		return 0;
	}
	if (idlen_raw != SYSID_LEN && idlen_raw != 0) {
		nd_s(nd, "system ID length of ");
		nd_u(nd, idlen_raw);
		nd_s(nd, " is not supported");
		return 0;
	}
	if (pdu_ver != 1) {
		nd_s(nd, "version ");
		nd_u(nd, pdu_ver);
		nd_s(nd, " packet not supported");
		return 0;
	}
	if (length < fixed) {
		nd_s(nd, "fixed header length ");
		nd_u(nd, fixed);
		nd_s(nd, " > packet length ");
		nd_u(nd, length);
		return 0;
	}
	if (fixed < 8) {
		nd_s(nd, "fixed header length ");
		nd_u(nd, fixed);
		nd_s(nd, " < minimum header size ");
		nd_u(nd, 8u);
		return 0;
	}
	unsigned max_area = max_area_raw;
	if (max_area == 0)
		max_area = 3;
	else if (max_area == 255) {
		nd_s(nd, "bad packet -- 255 areas");
		return 0;
	}
	unsigned idlen = idlen_raw ? idlen_raw : 6;
	unsigned type = p[4] & 0x1f;
	const char *tn = tok_name(pdu_types, type);
	if (v == 0) {
		nd_s(nd, e ? "" : ", ");
		if (tn)
			nd_s(nd, tn);
		else {
			nd_s(nd, "unknown PDU-Type ");
			nd_u(nd, type);
		}
	} else {
		nd_s(nd, e ? "" : ", ");
		nd_s(nd, "length ");
		nd_u(nd, length);
		nd_s(nd, "\n\t");
		if (tn)
			nd_s(nd, tn);
		else {
			nd_s(nd, "unknown, type ");
			nd_u(nd, type);
		}
		nd_s(nd, ", hlen: ");
		nd_u(nd, fixed);
		nd_s(nd, ", v: ");
		nd_u(nd, ver);
		nd_s(nd, ", pdu-v: ");
		nd_u(nd, pdu_ver);
		nd_s(nd, ", sys-id-len: ");
		nd_u(nd, idlen);
		nd_s(nd, " (");
		nd_u(nd, idlen_raw);
		nd_s(nd, "), max-area: ");
		nd_u(nd, max_area);
		nd_s(nd, " (");
		nd_u(nd, max_area_raw);
		nd_c(nd, ')');
		if (v > 1)
			print_unknown_data(nd, h, "\n\t", 8);
	}
	const uint8_t *q = p + 8;
	unsigned plen = length, pdu_len, hsize;
	switch (type) {
	case 15:
	case 16:
		hsize = 19;
		break;
	case 17:
		hsize = 12;
		break;
	case 18:
	case 20:
		hsize = 19;
		break;
	case 24:
	case 25:
		hsize = 25;
		break;
	case 26:
	case 27:
		hsize = 9;
		break;
	default:
		if (v == 0) {
			nd_s(nd, ", length ");
			nd_u(nd, length);
			return 1;
		}
		print_unknown_data(nd, q, "\n\t  ", length);
		return 0;
	}
	if (fixed != 8 + hsize) {
		nd_s(nd, ", bogus fixed header length ");
		nd_u(nd, fixed);
		nd_s(nd, " should be ");
		nd_u(nd, hsize);
		return 0;
	}
	nd_need(nd, q, hsize);
	switch (type) {
	case 15:
	case 16:
		pdu_len = nd_be16(nd, q + 9);
		if (v == 0) {
			nd_s(nd, ", src-id ");
			put_id(nd, q + 1, SYSID_LEN);
			nd_s(nd, ", lan-id ");
			put_id(nd, q + 12, NODEID_LEN);
			nd_s(nd, ", prio ");
			nd_u(nd, q[11]);
			nd_s(nd, ", length ");
			nd_u(nd, length);
			return 1;
		}
		if (plen > pdu_len)
			plen = length = pdu_len;
		nd_s(nd, "\n\t  source-id: ");
		put_id(nd, q + 1, SYSID_LEN);
		{
			unsigned v0 = nd_be16(nd, q + 7);
			nd_s(nd, ",  holding time: ");
			nd_u(nd, v0);
			nd_s(nd, "s, Flags: [");
		}
		if (tok_name(circuit_types, q[0]))
			nd_s(nd, tok_name(circuit_types, q[0]));
		else {
			nd_s(nd, "unknown circuit type 0x");
			out_x2(nd->out, q[0]);
		}
		nd_s(nd, "]\n\t  lan-id:    ");
		put_id(nd, q + 12, NODEID_LEN);
		nd_s(nd, ", Priority: ");
		nd_u(nd, q[11] & 0x7f);
		nd_s(nd, ", PDU length: ");
		nd_u(nd, pdu_len);
		break;
	case 17:
		pdu_len = nd_be16(nd, q + 9);
		if (v == 0) {
			nd_s(nd, ", src-id ");
			put_id(nd, q + 1, SYSID_LEN);
			nd_s(nd, ", length ");
			nd_u(nd, length);
			return 1;
		}
		if (plen > pdu_len)
			plen = length = pdu_len;
		nd_s(nd, "\n\t  source-id: ");
		put_id(nd, q + 1, SYSID_LEN);
		{
			unsigned v0 = nd_be16(nd, q + 7);
			nd_s(nd, ", holding time: ");
			nd_u(nd, v0);
			nd_s(nd, "s, Flags: [");
		}
		if (tok_name(circuit_types, q[0]))
			nd_s(nd, tok_name(circuit_types, q[0]));
		else {
			nd_s(nd, "unknown circuit type 0x");
			out_x2(nd->out, q[0]);
		}
		nd_s(nd, "]\n\t  circuit-id: 0x");
		out_x2(nd->out, q[11]);
		nd_s(nd, ", PDU length: ");
		nd_u(nd, pdu_len);
		break;
	case 18:
	case 20: {
		pdu_len = nd_be16(nd, q);
		if (v == 0) {
			nd_s(nd, ", lsp-id ");
			put_id(nd, q + 4, LSPID_LEN);
			{
				unsigned v0 = nd_be32(nd, q + 12);
				unsigned v1 = nd_be16(nd, q + 2);
				nd_s(nd, ", seq 0x");
				out_x(nd->out, v0, 8);
				nd_s(nd, ", lifetime ");
				out_uw(nd->out, v1, 5, ' ');
				nd_s(nd, "s, length ");
				nd_u(nd, length);
			}
			return 1;
		}
		if (plen > pdu_len)
			plen = length = pdu_len;
		nd_s(nd, "\n\t  lsp-id: ");
		put_id(nd, q + 4, LSPID_LEN);
		unsigned ck = nd_be16(nd, q + 16), tb = q[18];
		{
			unsigned v0 = nd_be32(nd, q + 12);
			unsigned v1 = nd_be16(nd, q + 2);
			nd_s(nd, ", seq: 0x");
			out_x(nd->out, v0, 8);
			nd_s(nd, ", lifetime: ");
			out_uw(nd->out, v1, 5, ' ');
			nd_s(nd, "s\n\t  chksum: 0x");
			out_x(nd->out, ck, 4);
		}
		osi_cksum(nd, q + 4, ck, 12, length - 12);
		nd_s(nd, ", PDU length: ");
		nd_u(nd, pdu_len);
		nd_s(nd, ", Flags: [ ");
		nd_s(nd, tb & 0x04 ? "Overload bit set, " : "");
		if (tb & 0x78) {
			nd_s(nd, tb & 0x08 ? "default " : "");
			nd_s(nd, tb & 0x10 ? "delay " : "");
			nd_s(nd, tb & 0x20 ? "expense " : "");
			nd_s(nd, tb & 0x40 ? "error " : "");
			nd_s(nd, "ATT bit set, ");
		}
		nd_s(nd, tb & 0x80 ? "P bit set, " : "");
		nd_s(nd, lsp_istypes[tb & 3]);
		nd_s(nd, " ]");
		break;
	}
	case 24:
	case 25:
		pdu_len = nd_be16(nd, q);
		if (v == 0) {
			nd_s(nd, ", src-id ");
			put_id(nd, q + 2, NODEID_LEN);
			nd_s(nd, ", length ");
			nd_u(nd, length);
			return 1;
		}
		if (plen > pdu_len)
			plen = length = pdu_len;
		nd_s(nd, "\n\t  source-id:    ");
		put_id(nd, q + 2, NODEID_LEN);
		nd_s(nd, ", PDU length: ");
		nd_u(nd, pdu_len);
		nd_s(nd, "\n\t  start lsp-id: ");
		put_id(nd, q + 9, LSPID_LEN);
		nd_s(nd, "\n\t  end lsp-id:   ");
		put_id(nd, q + 17, LSPID_LEN);
		break;
	default:
		pdu_len = nd_be16(nd, q);
		if (v == 0) {
			nd_s(nd, ", src-id ");
			put_id(nd, q + 2, NODEID_LEN);
			nd_s(nd, ", length ");
			nd_u(nd, length);
			return 1;
		}
		if (plen > pdu_len)
			plen = length = pdu_len;
		nd_s(nd, "\n\t  source-id:    ");
		put_id(nd, q + 2, NODEID_LEN);
		nd_s(nd, ", PDU length: ");
		nd_u(nd, pdu_len);
		break;
	}
	if (v > 1)
		print_unknown_data(nd, q, "\n\t  ", hsize);
	if (plen < fixed) {
		nd_s(nd, " [packet length ");
		nd_u(nd, plen);
		nd_s(nd, " < ");
		nd_u(nd, fixed);
		nd_c(nd, ']');
		nd_print_invalid(nd);
		return 1;
	}
	plen -= fixed;
	q = h + fixed;
	/* every TLV consumes at least its two header octets */
	while (plen > 0) {
		if (!nd_has(nd, q, 2) || plen < 2)
			goto trunc;
		unsigned t = q[0], l = q[1];
		q += 2;
		plen -= 2;
		{
			const char *v0 = tok_name_or(tlv_names, t, "unknown");
			nd_s(nd, "\n\t    ");
			nd_s(nd, v0);
			nd_s(nd, " TLV #");
			nd_u(nd, t);
			nd_s(nd, ", length: ");
			nd_u(nd, l);
		}
		if (plen < l)
			goto trunc;
		int r = tlv_print(nd, t, q, l, h, length);
		if (r == 0)
			goto trunc; /* 2: the TLV's decoding stopped short */
		if (r == 3)
			return 1; /* ended without a mark */
		if (v > 1)
			print_unknown_data(nd, q, "\n\t      ", l);
		q += l;
		plen -= l;
	}
	return 1;
trunc:
	nd_print_trunc(nd);
	return 1;
}
