/* ospf2.c - OSPF version 2 (RFC 2328): hello, database description, LS
 * request/update/ack, LSAs including opaque TE (RFC 3630, 4203), grace
 * (RFC 3623) and router information (RFC 4970) LSAs, and LLS (RFC 5613). */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const struct tok opt_bits[] = {
	{ 0x01, "MultiTopology" }, { 0x02, "External" }, { 0x04, "Multicast" },
	{ 0x08, "NSSA" }, { 0x10, "LLS" }, { 0x20, "Demand Circuit" },
	{ 0x40, "Opaque" }, { 0x80, "Up/Down" }, { 0, NULL },
};
static const struct tok rla_bits[] = {
	{ 0x01, "ABR" }, { 0x02, "ASBR" }, { 0x04, "Virtual" },
	{ 0x08, "Wildcard" }, { 0x10, "Nt" }, { 0x80, "Host" }, { 0, NULL },
};
static const struct tok dd_bits[] = {
	{ 0x04, "Init" }, { 0x02, "More" }, { 0x01, "Master" },
	{ 0x08, "OOBResync" }, { 0, NULL },
};
static const struct tok ri_cap_bits[] = {
	{ 1, "Reserved" }, { 2, "Reserved" }, { 4, "Reserved" },
	{ 8, "Reserved" }, { 16, "graceful restart capable" },
	{ 32, "graceful restart helper" }, { 64, "Stub router support" },
	{ 128, "Traffic engineering" }, { 256, "p2p over LAN" },
	{ 512, "path computation server" }, { 0, NULL },
};
static const struct tok lls_eo_bits[] = {
	{ 1, "LSDB resync" }, { 2, "Restart" }, { 0, NULL },
};
static const struct tok link_prot_bits[] = {
	{ 0x01, "Extra Traffic" }, { 0x02, "Unprotected" }, { 0x04, "Shared" },
	{ 0x08, "Dedicated 1:1" }, { 0x10, "Dedicated 1+1" },
	{ 0x20, "Enhanced" }, { 0x40, "Reserved" }, { 0x80, "Reserved" },
	{ 0, NULL },
};

static const struct tok lsa_names[] = {
	{ 1, "Router" }, { 2, "Network" }, { 3, "Summary" },
	{ 4, "ASBR Summary" }, { 5, "External" }, { 6, "Multicast Group" },
	{ 7, "NSSA" }, { 9, "Link Local Opaque" }, { 10, "Area Local Opaque" },
	{ 11, "Domain Wide Opaque" }, { 0, NULL },
};
static const struct tok opaque_names[] = {
	{ 1, "Traffic Engineering" }, { 3, "Graceful restart" },
	{ 4, "Router Information" }, { 0, NULL },
};
static const struct tok te_tlv_names[] = {
	{ 1, "Router Address" }, { 2, "Link" }, { 0, NULL },
};
static const struct tok te_sub_names[] = {
	{ 1, "Link Type" }, { 2, "Link ID" },
	{ 3, "Local Interface IP address" }, { 4, "Remote Interface IP address" },
	{ 5, "Traffic Engineering Metric" }, { 6, "Maximum Bandwidth" },
	{ 7, "Maximum Reservable Bandwidth" }, { 8, "Unreserved Bandwidth" },
	{ 9, "Administrative Group" }, { 11, "Link Local/Remote Identifier" },
	{ 14, "Link Protection Type" }, { 15, "Interface Switching Capability" },
	{ 16, "Shared Risk Link Group" }, { 17, "Bandwidth Constraints" },
	{ 0, NULL },
};
static const struct tok grace_names[] = {
	{ 1, "Grace Period" }, { 2, "Graceful restart Reason" },
	{ 3, "IPv4 interface address" }, { 0, NULL },
};
static const struct tok grace_reasons[] = {
	{ 0, "Unknown" }, { 1, "Software Restart" },
	{ 2, "Software Reload/Upgrade" }, { 3, "Control Processor Switch" },
	{ 0, NULL },
};
static const struct tok topologies[] = {
	{ 0, "default" }, { 1, "multicast" }, { 2, "management" }, { 0, NULL },
};
static const struct tok switch_caps[] = {
	{ 1, "Packet-Switch Capable-1" }, { 2, "Packet-Switch Capable-2" },
	{ 3, "Packet-Switch Capable-3" }, { 4, "Packet-Switch Capable-4" },
	{ 51, "Layer-2 Switch Capable" }, { 100, "Time-Division-Multiplex" },
	{ 150, "Lambda-Switch Capable" }, { 200, "Fiber-Switch Capable" },
	{ 0, NULL },
};
static const struct tok encodings[] = {
	{ 1, "Packet" }, { 2, "Ethernet V2/DIX" }, { 3, "ANSI/ETSI PDH" },
	{ 4, "Reserved" }, { 5, "SDH ITU-T G.707/SONET ANSI T1.105" },
	{ 6, "Reserved" }, { 7, "Digital Wrapper" }, { 8, "Lambda (photonic)" },
	{ 9, "Fiber" }, { 10, "Reserved" }, { 11, "FiberChannel" },
	{ 12, "G.709 ODUk (Digital Path)" }, { 13, "G.709 Optical Channel" },
	{ 0, NULL },
};
static const struct tok bc_models[] = {
	{ 0, "Russian dolls" }, { 1, "Maximum Allocation" },
	{ 2, "Maximum Allocation with Reservation" }, { 0, NULL },
};

/* Hex of up to len bytes as far as captured; 0 when p is past the end. */
static int unknown_data(nd_t *nd, const uint8_t *p, const char *ident,
                        unsigned len)
{
	if (!nd_has(nd, p, 0)) {
		nd_s(nd, ident);
		nd_s(nd, "Dissector error: print_unknown_data called with pointer past end of packet");
		return 0;
	}
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
	return 1;
}

static float bw(nd_t *nd, const uint8_t *p)
{
	union { float f; uint32_t i; } u;
	u.i = nd_be32(nd, p);
	return u.f * 8 / 1000000;
}

/* prefix then the address at p, or neither when p was not captured */
static void addr(nd_t *nd, const char *prefix, const uint8_t *p)
{
	nd_need(nd, p, 4);
	nd_s(nd, prefix);
	put_ip4(nd, p);
}

/* -1: stop (invalid or truncated) */
static int te_lsa(nd_t *nd, const uint8_t *t, unsigned left)
{
	while (left != 0) {
		if (!nd_has(nd, t, 4))
			return -1;
		if (left < 4) {
			nd_printf(nd, "\n\t    Remaining LS length %u < 4", left);
			return -1;
		}
		unsigned tt = nd_be16(nd, t), tl = nd_be16(nd, t + 2);
		t += 4;
		left -= 4;
		nd_printf(nd, "\n\t    %s TLV (%u), length: %u",
			  tok_name_or(te_tlv_names, tt, "unknown"), tt, tl);
		if (tl > left) {
			nd_printf(nd, "\n\t    Bogus length %u > %u", tl, left);
			return -1;
		}
		if (tt == 0 || tl == 0)
			return -1;
		switch (tt) {
		case 2:
			while (tl != 0) {
				if (tl < 4) {
					nd_printf(nd, "\n\t    Remaining TLV length %u < 4", tl);
					return -1;
				}
				unsigned st = nd_be16(nd, t), sl = nd_be16(nd, t + 2);
				t += 4;
				tl -= 4;
				if (st == 0 || sl == 0)
					goto invalid;
				nd_printf(nd, "\n\t      %s subTLV (%u), length: %u",
					  tok_name_or(te_sub_names, st, "unknown"), st, sl);
				if (tl < sl) {
					nd_printf(nd, "\n\t    Remaining TLV length %u < %u",
						  tl + 4, sl + 4);
					return -1;
				}
				if (!nd_has(nd, t, sl))
					return -1;
				switch (st) {
				case 9:
					if (sl != 4) {
						nd_s(nd, " != 4");
						goto invalid;
					}
					nd_printf(nd, ", 0x%08x", nd_be32(nd, t));
					break;
				case 2:
				case 11:
					if (sl != 4 && sl != 8) {
						nd_s(nd, " != 4 && != 8");
						goto invalid;
					}
					nd_s(nd, ", ");
					put_ip4(nd, t);
					nd_printf(nd, " (0x%08x)", nd_be32(nd, t));
					if (sl == 8) {
						nd_s(nd, ", ");
						put_ip4(nd, t + 4);
						nd_printf(nd, " (0x%08x)", nd_be32(nd, t + 4));
					}
					break;
				case 3:
				case 4:
					if (sl != 4) {
						nd_s(nd, " != 4");
						goto invalid;
					}
					nd_s(nd, ", ");
					put_ip4(nd, t);
					break;
				case 6:
				case 7:
					if (sl != 4) {
						nd_s(nd, " != 4");
						goto invalid;
					}
					nd_printf(nd, ", %.3f Mbps", bw(nd, t));
					break;
				case 8:
					if (sl != 32) {
						nd_s(nd, " != 32");
						goto invalid;
					}
					for (unsigned c = 0; c < 8; c++)
						nd_printf(nd, "\n\t\tTE-Class %u: %.3f Mbps", c,
							  bw(nd, t + c * 4));
					break;
				case 17:
					if (sl < 4) {
						nd_s(nd, " < 4");
						goto invalid;
					}
					nd_printf(nd, "\n\t\tBandwidth Constraints Model ID: %s (%u)",
						  tok_name_or(bc_models, t[0], "unknown"), t[0]);
					if (sl % 4 != 0) {
						nd_printf(nd, "\n\t\tlength %u != N x 4", sl);
						goto invalid;
					}
					if (sl > 36) {
						nd_printf(nd, "\n\t\tlength %u > 36", sl);
						goto invalid;
					}
					for (unsigned c = 0; c < (sl - 4) / 4; c++)
						nd_printf(nd, "\n\t\t  Bandwidth constraint CT%u: %.3f Mbps",
							  c, bw(nd, t + 4 + c * 4));
					break;
				case 5:
					if (sl != 4) {
						nd_s(nd, " != 4");
						goto invalid;
					}
					nd_printf(nd, ", Metric %u", nd_be32(nd, t));
					break;
				case 14:
					if (sl != 4) {
						nd_s(nd, " != 4");
						goto invalid;
					}
					nd_s(nd, ", ");
					put_bits(nd, link_prot_bits, t[0], "none");
					break;
				case 15:
					if (sl < 36) {
						nd_s(nd, " < 36");
						goto invalid;
					}
					nd_printf(nd, "\n\t\tInterface Switching Capability: %s",
						  tok_name_or(switch_caps, t[0], "Unknown"));
					nd_printf(nd, "\n\t\tLSP Encoding: %s\n\t\tMax LSP Bandwidth:",
						  tok_name_or(encodings, t[1], "Unknown"));
					for (unsigned c = 0; c < 8; c++)
						nd_printf(nd, "\n\t\t  priority level %u: %.3f Mbps",
							  c, bw(nd, t + 4 + c * 4));
					break;
				case 1:
					if (sl != 1) {
						nd_s(nd, " != 1");
						goto invalid;
					}
					nd_printf(nd, ", %s (%u)",
						  t[0] == 1 ? "Point-to-point"
						  : t[0] == 2 ? "Multi-Access" : "unknown",
						  t[0]);
					break;
				case 16: {
					if (sl % 4 != 0) {
						nd_s(nd, " != N x 4");
						goto invalid;
					}
					unsigned n = sl / 4;
					if (n)
						nd_s(nd, "\n\t\t  Shared risk group: ");
					/* tcpdump steps through the groups with the
					 * TLV pointer itself, then skips the subTLV
					 * length again */
					while (n > 0) {
						nd_u(nd, nd_be32(nd, t));
						t += 4;
						n--;
						if (n)
							nd_s(nd, ", ");
					}
					break;
				}
				default:
					if (nd->opt->vflag <= 1 &&
					    !unknown_data(nd, t, "\n\t\t", sl))
						return -1;
					break;
				}
				if (sl % 4)
					sl += 4 - sl % 4;
				if (tl < sl) {
					nd_printf(nd, "\n\t    Remaining TLV length %u < %u",
						  tl + 4, sl + 4);
					return -1;
				}
				tl -= sl;
				t += sl;
			}
			break;
		case 1:
			if (tl < 4) {
				nd_printf(nd, "\n\t    TLV length %u < 4", tl);
				return -1;
			}
			addr(nd, ", ", t);
			break;
		default:
			if (nd->opt->vflag <= 1 &&
			    !unknown_data(nd, t, "\n\t      ", tl))
				return -1;
			break;
		}
		if (tl % 4)
			tl += 4 - tl % 4;
		if (tl > left) {
			nd_printf(nd, "\n\t    Bogus padded length %u > %u", tl, left);
			return -1;
		}
		left -= tl;
		t += tl;
	}
	return 0;
invalid:
	nd_print_invalid(nd);
	return -1;
}

static int grace_lsa(nd_t *nd, const uint8_t *t, unsigned left)
{
	while (left > 0) {
		if (!nd_has(nd, t, 4))
			return -1;
		if (left < 4) {
			nd_printf(nd, "\n\t    Remaining LS length %u < 4", left);
			return -1;
		}
		unsigned tt = nd_be16(nd, t), tl = nd_be16(nd, t + 2);
		t += 4;
		left -= 4;
		nd_printf(nd, "\n\t    %s TLV (%u), length %u, value: ",
			  tok_name_or(grace_names, tt, "unknown"), tt, tl);
		if (tl > left) {
			nd_printf(nd, "\n\t    Bogus length %u > %u", tl, left);
			return -1;
		}
		if (tt == 0 || tl == 0)
			return -1;
		if (!nd_has(nd, t, tl))
			return -1;
		switch (tt) {
		case 1:
			if (tl != 4) {
				nd_printf(nd, "\n\t    Bogus length %u != 4", tl);
				return -1;
			}
			nd_printf(nd, "%us", nd_be32(nd, t));
			break;
		case 2:
			if (tl != 1) {
				nd_printf(nd, "\n\t    Bogus length %u != 1", tl);
				return -1;
			}
			nd_printf(nd, "%s (%u)", tok_name_or(grace_reasons, t[0], "Unknown"), t[0]);
			break;
		case 3:
			if (tl != 4) {
				nd_printf(nd, "\n\t    Bogus length %u != 4", tl);
				return -1;
			}
			put_ip4(nd, t);
			break;
		default:
			if (nd->opt->vflag <= 1 &&
			    !unknown_data(nd, t, "\n\t      ", tl))
				return -1;
			break;
		}
		if (tl % 4)
			tl += 4 - tl % 4;
		left -= tl;
		t += tl;
	}
	return 0;
}

/* The 20-byte LSA header; returns the LSA length or -1. */
static int lshdr(nd_t *nd, const uint8_t *h)
{
	unsigned len = nd_be16(nd, h + 18);
	if (len < 20) {
		nd_printf(nd, "\n\t    Bogus length %u < header (20)", len);
		return -1;
	}
	nd_need(nd, h, 20);
	nd_s(nd, "\n\t  Advertising Router ");
	put_ip4(nd, h + 8);
	nd_printf(nd, ", seq 0x%08x, age %us, length %u", nd_be32(nd, h + 12),
		  nd_be16(nd, h), len - 20);
	unsigned type = h[3];
	if (type >= 9 && type <= 11)
		nd_printf(nd, "\n\t    %s LSA (%u), Opaque-Type %s LSA (%u), Opaque-ID %u",
			  tok_name_or(lsa_names, type, "unknown"), type,
			  tok_name_or(opaque_names, h[4], "unknown"), h[4],
			  nd_be24(nd, h + 5));
	else {
		nd_printf(nd, "\n\t    %s LSA (%u), LSA-ID: ",
			  tok_name_or(lsa_names, type, "unknown"), type);
		put_ip4(nd, h + 4);
	}
	nd_s(nd, "\n\t    Options: [");
	put_bits(nd, opt_bits, h[2], "none");
	nd_c(nd, ']');
	return (int)len;
}

static void tos_metrics(nd_t *nd, const uint8_t *tos)
{
	unsigned count = nd_u8(nd, tos + 1) + 1u, n = 0;
	while (count != 0) {
		nd_need(nd, tos, 4);
		unsigned type = n ? tos[0] : 0;
		nd_printf(nd, "\n\t\ttopology %s (%u), metric %u",
			  tok_name_or(topologies, type, "Unknown"), type, nd_be16(nd, tos + 2));
		n++;
		tos += 4;
		count--;
	}
}

/* Returns the end of the LSA, or NULL to stop with a truncation mark. */
static const uint8_t *lsa(nd_t *nd, const uint8_t *l)
{
	int ls_len = lshdr(nd, l);
	if (ls_len < 0)
		return NULL;
	const uint8_t *end = l + ls_len;
	unsigned left = (unsigned)ls_len - 20;
	const uint8_t *b = l + 20;
	unsigned type = l[3];
	switch (type) {
	case 1: {
		unsigned rf = nd_u8(nd, b);
		nd_s(nd, "\n\t    Router LSA Options: [");
		put_bits(nd, rla_bits, rf, "none");
		nd_c(nd, ']');
		unsigned count = nd_be16(nd, b + 2);
		const uint8_t *r = b + 4;
		nd_need(nd, r, 12); /* tcpdump unwinds here */
		for (unsigned i = count; i != 0; i--) {
			nd_need(nd, r, 12); /* tcpdump unwinds here */
			const char *fmt;
			switch (r[8]) {
			case 4: fmt = "Virtual Link: Neighbor Router-ID: "; break;
			case 1: fmt = "Neighbor Router-ID: "; break;
			case 2: fmt = "Neighbor Network-ID: "; break;
			case 3: fmt = "Stub Network: "; break;
			default:
				nd_printf(nd, "\n\t      Unknown Router Link Type (%u)", r[8]);
				return end;
			}
			nd_s(nd, "\n\t      ");
			nd_s(nd, fmt);
			put_ip4(nd, r);
			nd_s(nd, r[8] == 3 ? ", Mask: " : ", Interface Address: ");
			put_ip4(nd, r + 4);
			tos_metrics(nd, r + 8);
			r += 12 + r[9] * 4u;
		}
		break;
	}
	case 2:
		nd_need(nd, b, 4);
		nd_s(nd, "\n\t    Mask ");
		put_ip4(nd, b);
		nd_s(nd, "\n\t    Connected Routers:");
		for (const uint8_t *a = b + 4; a < end; a += 4) {
			nd_need(nd, a, 4);
			nd_s(nd, "\n\t      ");
			put_ip4(nd, a);
		}
		break;
	case 3:
	case 4: {
		if (type == 3) {
			nd_need(nd, b, 4); /* tcpdump unwinds here */
			nd_s(nd, "\n\t    Mask ");
			put_ip4(nd, b);
		}
		nd_need(nd, b + 4, 4); /* tcpdump unwinds here */
		for (const uint8_t *p = b + 4; p < end; p += 4) {
			uint32_t ul = nd_be32(nd, p);
			unsigned topo = (ul >> 24) & 0x7f;
			nd_printf(nd, "\n\t\ttopology %s (%u) metric %u",
				  tok_name_or(topologies, topo, "Unknown"), topo, ul & 0xffffff);
		}
		break;
	}
	case 5:
	case 7:
		nd_need(nd, b, 4); /* tcpdump unwinds here */
		nd_s(nd, "\n\t    Mask ");
		put_ip4(nd, b);
		nd_need(nd, b + 4, 4); /* tcpdump unwinds here */
		for (const uint8_t *m = b + 4; m < end; m += 12) {
			uint32_t ul = nd_be32(nd, m);
			unsigned topo = (ul >> 24) & 0x7f;
			nd_printf(nd, "\n\t\ttopology %s (%u), type %u, metric",
				  tok_name_or(topologies, topo, "Unknown"), topo,
				  (ul & 0x80000000u) ? 2 : 1);
			if ((ul & 0xffffff) == 0xffffff)
				nd_s(nd, " infinite");
			else
				nd_printf(nd, " %u", ul & 0xffffff);
			if (nd_be32(nd, m + 4)) {
				nd_s(nd, ", forward ");
				put_ip4(nd, m + 4);
			}
			if (nd_be32(nd, m + 8)) {
				nd_s(nd, ", tag ");
				put_ip4(nd, m + 8);
			}
		}
		break;
	case 6:
		for (const uint8_t *m = b; m < end; m += 8) {
			uint32_t vt = nd_be32(nd, m);
			if (vt == 1) {
				addr(nd, "\n\t    Router Router-ID ", m + 4);
			} else if (vt == 2) {
				addr(nd, "\n\t    Network Designated Router ", m + 4);
			} else {
				nd_printf(nd, "\n\t    unknown VertexType (%u)", vt);
			}
		}
		break;
	case 9:
	case 10:
	case 11:
		switch (l[4]) {
		case 4: {
			const uint8_t *t = b;
			unsigned rem = left;
			while (rem != 0) {
				nd_need(nd, t, 4); /* tcpdump unwinds here */
				if (rem < 4) {
					nd_printf(nd, "\n\t    Remaining LS length %u < 4", rem);
					return end;
				}
				unsigned tt = nd_be16(nd, t), tl = nd_be16(nd, t + 2);
				t += 4;
				rem -= 4;
				nd_printf(nd, "\n\t    %s TLV (%u), length: %u, value: ",
					  tt == 1 ? "Router Capabilities" : "unknown", tt, tl);
				if (tl > rem) {
					nd_printf(nd, "\n\t    Bogus length %u > remaining LS length %u", tl, rem);
					return end;
				}
				nd_need(nd, t, tl); /* tcpdump unwinds here */
				if (tt == 1) {
					if (tl != 4) {
						nd_printf(nd, "\n\t    Bogus length %u != 4", tl);
						return end;
					}
					nd_s(nd, "Capabilities: ");
					put_bits(nd, ri_cap_bits, nd_be32(nd, t), "Unknown");
				} else if (nd->opt->vflag <= 1 &&
					   !unknown_data(nd, t, "\n\t      ", tl)) {
					return end;
				}
				t += tl;
				rem -= tl;
			}
			break;
		}
		case 3:
			if (grace_lsa(nd, b, left) == -1)
				return end;
			break;
		case 1:
			if (te_lsa(nd, b, left) == -1)
				return end;
			break;
		default:
			if (nd->opt->vflag <= 1 &&
			    !unknown_data(nd, b, "\n\t    ", left))
				return end;
			break;
		}
		break;
	default:
		break;
	}
	if (nd->opt->vflag > 1 && !unknown_data(nd, b, "\n\t    ", left))
		return NULL;
	return end;
}

static int decode_v2(nd_t *nd, const uint8_t *op, const uint8_t *dataend)
{
	const uint8_t *b = op + 24;
	switch (op[1]) {
	case 1: {
		unsigned ho = nd_u8(nd, b + 6);
		nd_s(nd, "\n\tOptions [");
		put_bits(nd, opt_bits, ho, "none");
		nd_c(nd, ']');
		nd_need(nd, b, 12);
		nd_printf(nd, "\n\t  Hello Timer %us, Dead Timer %us, Mask ",
			  nd_be16(nd, b + 4), nd_be32(nd, b + 8));
		put_ip4(nd, b);
		nd_printf(nd, ", Priority %u", b[7]);
		if (nd_be32(nd, b + 12)) {
			nd_s(nd, "\n\t  Designated Router ");
			put_ip4(nd, b + 12);
		}
		if (nd_be32(nd, b + 16)) {
			nd_s(nd, ", Backup Designated Router ");
			put_ip4(nd, b + 16);
		}
		const uint8_t *a = b + 20;
		if (a < dataend)
			nd_s(nd, "\n\t  Neighbor List:");
		for (; a < dataend; a += 4)
			addr(nd, "\n\t    ", a);
		break;
	}
	case 2: {
		unsigned dopt = nd_u8(nd, b + 2);
		nd_s(nd, "\n\tOptions [");
		put_bits(nd, opt_bits, dopt, "none");
		nd_c(nd, ']');
		unsigned dfl = nd_u8(nd, b + 3);
		nd_s(nd, ", DD Flags [");
		put_bits(nd, dd_bits, dfl, "none");
		nd_c(nd, ']');
		if (nd_be16(nd, b))
			nd_printf(nd, ", MTU: %u", nd_be16(nd, b));
		nd_printf(nd, ", Sequence: 0x%08x", nd_be32(nd, b + 4));
		for (const uint8_t *h = b + 8; h < dataend && lshdr(nd, h) != -1; h += 20)
			;
		break;
	}
	case 3:
		for (const uint8_t *r = b; r < dataend; r += 12) {
			nd_need(nd, r, 12); /* tcpdump unwinds here */
			uint32_t t = nd_be32(nd, r);
			nd_s(nd, "\n\t  Advertising Router: ");
			put_ip4(nd, r + 8);
			nd_printf(nd, ", %s LSA (%u)", tok_name_or(lsa_names, t, "unknown"), t);
			if (t >= 9 && t <= 11)
				nd_printf(nd, ", Opaque-Type: %s LSA (%u), Opaque-ID: %u",
					  tok_name_or(opaque_names, r[4], "unknown"), r[4],
					  nd_be24(nd, r + 5));
			else {
				nd_s(nd, ", LSA-ID: ");
				put_ip4(nd, r + 4);
			}
		}
		break;
	case 4: {
		uint32_t max = nd_be32(nd, b);
		nd_printf(nd, ", %u LSA%s", max, max == 1 ? "" : "s");
		const uint8_t *l = b + 4;
		for (uint32_t i = 1; i <= max; i++) {
			nd_printf(nd, "\n\t  LSA #%u", i);
			l = lsa(nd, l);
			if (!l)
				return 1;
		}
		break;
	}
	case 5:
		for (const uint8_t *h = b; lshdr(nd, h) != -1; h += 20)
			;
		break;
	default:
		break;
	}
	return 0;
}

static void decode_lls(nd_t *nd, const uint8_t *op, unsigned length)
{
	unsigned type = op[1];
	if (type == 1) {
		if (!(nd_u8(nd, op + 24 + 6) & 0x10))
			return;
	} else if (type == 2) {
		if (!(nd_u8(nd, op + 24 + 2) & 0x10))
			return;
	} else {
		return;
	}
	const uint8_t *d = op + nd_be16(nd, op + 2);
	const uint8_t *dataend = op + length;
	if (nd_be16(nd, op + 14) == 2)
		d += nd_u8(nd, op + 16 + 3);
	nd_printf(nd, "\n\t  LLS: checksum: 0x%04x", nd_be16(nd, d));
	d += 2;
	nd_printf(nd, ", length: %u", nd_be16(nd, d));
	d += 2;
	while (d < dataend) {
		unsigned t = nd_be16(nd, d);
		nd_printf(nd, "\n\t    %s (%u)",
			  t == 1 ? "Extended Options" : t == 2 ? "MD5 Authentication"
			  : "Unknown TLV", t);
		d += 2;
		unsigned l = nd_be16(nd, d);
		nd_printf(nd, ", length: %u", l);
		d += 2;
		if (t == 1) {
			if (l != 4) {
				nd_s(nd, " [should be 4]");
				l = 4;
			}
			uint32_t f = nd_be32(nd, d);
			nd_printf(nd, "\n\t      Options: 0x%08x [", f);
			put_bits(nd, lls_eo_bits, f, "?");
			nd_c(nd, ']');
		} else if (t == 2) {
			if (l != 20) {
				nd_s(nd, " [should be 20]");
				l = 20;
			}
			nd_printf(nd, "\n\t      Sequence number: 0x%08x", nd_be32(nd, d));
		}
		d += l;
	}
}

void ospf2_print(nd_t *nd, const uint8_t *bp, unsigned length);
void ospf2_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "ospf2");
	static const char *const tn[] = { NULL, "Hello", "Database Description",
					  "LS-Request", "LS-Update", "LS-Ack" };
	if (nd_be16(nd, bp + 14) == 2) {
		/* tcpdump drops the MD5 digest that trails the packet */
		length -= 16;
		nd->end = nd->end - nd->pkt >= 16 ? nd->end - 16 : nd->pkt;
	}
	unsigned type = nd_u8(nd, bp + 1);
	unsigned ver = nd_u8(nd, bp);
	if (type > 5 || type == 0) {
		nd_printf(nd, "OSPFv%u, unknown LS-type %u, length %u", ver, type, length);
		return;
	}
	nd_printf(nd, "OSPFv%u, %s, length %u", ver, tn[type], length);
	if (!nd->opt->vflag)
		return;
	unsigned olen = nd_be16(nd, bp + 2);
	if (length != olen)
		nd_printf(nd, " [len %u]", olen);
	const uint8_t *dataend = bp + (length > olen ? olen : length);
	addr(nd, "\n\tRouter-ID ", bp + 4);
	if (nd_be32(nd, bp + 8)) {
		nd_s(nd, ", Area ");
		put_ip4(nd, bp + 8);
	} else {
		nd_s(nd, ", Backbone Area");
	}
	nd_need(nd, bp + 16, 8);
	unsigned at = nd_be16(nd, bp + 14);
	nd_printf(nd, ", Authentication Type: %s (%u)",
		  at == 0 ? "none" : at == 1 ? "simple" : at == 2 ? "MD5" : "unknown", at);
	switch (at) {
	case 0:
		break;
	case 1:
		nd_s(nd, "\n\tSimple text password: ");
		for (unsigned i = 0; i < 8; i++) {
			uint8_t c = nd_u8(nd, bp + 16 + i);
			if (c == 0)
				break;
			nd_print_char(nd, c);
		}
		break;
	case 2:
		nd_printf(nd, "\n\tKey-ID: %u, Auth-Length: %u, Crypto Sequence Number: 0x%08x",
			  bp[18], bp[19], nd_be32(nd, bp + 20));
		break;
	default:
		return;
	}
	if (ver == 2) {
		if (decode_v2(nd, bp, dataend)) {
			nd_print_trunc(nd);
			return;
		}
		if (length > olen)
			decode_lls(nd, bp, length);
	} else {
		nd_printf(nd, " ospf [version %u]", ver);
	}
}
