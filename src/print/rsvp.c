/* rsvp.c - Resource reSerVation Protocol (RFC 2205) with the RSVP-TE
 * (RFC 3209), refresh reduction (RFC 2961), GMPLS and UNI extensions
 * tcpdump decodes; IP protocol 46.  Objects without a decoder here are
 * shown as hex, as tcpdump does for the ones it does not decode. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const struct tok class_names[] = {
	{ 1, "Session" },
	{ 3, "RSVP Hop" },
	{ 4, "Integrity" },
	{ 5, "Time Values" },
	{ 6, "Error Spec" },
	{ 7, "Scope" },
	{ 8, "Style" },
	{ 9, "Flowspec" },
	{ 10, "FilterSpec" },
	{ 11, "Sender Template" },
	{ 12, "Sender TSpec" },
	{ 13, "Adspec" },
	{ 14, "Policy Data" },
	{ 15, "Confirm" },
	{ 16, "Label" },
	{ 19, "Label Request" },
	{ 20, "ERO" },
	{ 21, "RRO" },
	{ 22, "Hello" },
	{ 23, "Message ID" },
	{ 24, "Message ID Ack" },
	{ 25, "Message ID List" },
	{ 34, "Recovery Label" },
	{ 35, "Upstream Label" },
	{ 36, "Label Set" },
	{ 37, "Protection" },
	{ 50, "Sub-LSP to LSP" },
	{ 63, "Detour" },
	{ 66, "Class Type" },
	{ 125, "Class Type (old)" },
	{ 129, "Suggested Label" },
	{ 130, "Acceptable Label Set" },
	{ 131, "Restart Capability" },
	{ 134, "Capability" },
	{ 195, "Notify Request" },
	{ 196, "Administrative Status" },
	{ 204, "Properties" },
	{ 205, "Fast Re-Route" },
	{ 207, "Session Attribute" },
	{ 229, "Generalized UNI" },
	{ 230, "Call-ID" },
	{ 236, "Call Capability" },
	{ 0, NULL },
};

/* Keyed by class number * 256 + C-Type. */
static const struct tok ctype_names[] = {
	{ 0x0101, "IPv4" },
	{ 0x0102, "IPv6" },
	{ 0x0107, "Tunnel IPv4" },
	{ 0x010b, "UNI IPv4" },
	{ 0x010d, "IPv4 P2MP LSP Tunnel" },
	{ 0x010e, "IPv6 P2MP LSP Tunnel" },
	{ 0x0301, "IPv4" },
	{ 0x0302, "IPv6" },
	{ 0x0303, "IPv4 plus opt. TLVs" },
	{ 0x0304, "IPv6 plus opt. TLVs" },
	{ 0x0501, "1" },
	{ 0x0601, "IPv4" },
	{ 0x0602, "IPv6" },
	{ 0x0603, "IPv4 plus opt. TLVs" },
	{ 0x0604, "IPv6 plus opt. TLVs" },
	{ 0x0801, "1" },
	{ 0x0901, "obsolete" },
	{ 0x0902, "IntServ" },
	{ 0x0a01, "IPv4" },
	{ 0x0a02, "IPv6" },
	{ 0x0a03, "IPv6 Flow-label" },
	{ 0x0a07, "Tunnel IPv4" },
	{ 0x0a0c, "IPv4 P2MP LSP Tunnel" },
	{ 0x0a0d, "IPv6 P2MP LSP Tunnel" },
	{ 0x0b01, "IPv4" },
	{ 0x0b02, "IPv6" },
	{ 0x0b07, "Tunnel IPv4" },
	{ 0x0b0c, "IPv4 P2MP LSP Tunnel" },
	{ 0x0b0d, "IPv6 P2MP LSP Tunnel" },
	{ 0x0c02, "IntServ" },
	{ 0x0d02, "IntServ" },
	{ 0x0f01, "IPv4" },
	{ 0x0f02, "IPv6" },
	{ 0x1001, "Label" },
	{ 0x1002, "Generalized Label" },
	{ 0x1003, "Waveband Switching" },
	{ 0x1301, "without label range" },
	{ 0x1302, "with ATM label range" },
	{ 0x1303, "with FR label range" },
	{ 0x1304, "Generalized Label" },
	{ 0x1401, "IPv4" },
	{ 0x1501, "IPv4" },
	{ 0x1601, "Hello Request" },
	{ 0x1602, "Hello Ack" },
	{ 0x1701, "1" },
	{ 0x1801, "Message id ack" },
	{ 0x1802, "Message id nack" },
	{ 0x1901, "1" },
	{ 0x2201, "Label" },
	{ 0x2202, "Generalized Label" },
	{ 0x2203, "Waveband Switching" },
	{ 0x2301, "Label" },
	{ 0x2302, "Generalized Label" },
	{ 0x2303, "Waveband Switching" },
	{ 0x2401, "1" },
	{ 0x3201, "IPv4 sub-LSP" },
	{ 0x3202, "IPv6 sub-LSP" },
	{ 0x3f07, "Tunnel IPv4" },
	{ 0x4201, "1" },
	{ 0x7d01, "1" },
	{ 0x8101, "Label" },
	{ 0x8102, "Generalized Label" },
	{ 0x8103, "Waveband Switching" },
	{ 0x8301, "IPv4" },
	{ 0x8601, "1" },
	{ 0xc301, "IPv4" },
	{ 0xc302, "IPv6" },
	{ 0xc401, "1" },
	{ 0xcc01, "1" },
	{ 0xcd01, "1" },
	{ 0xcd07, "Tunnel IPv4" },
	{ 0xcf07, "Tunnel IPv4" },
	{ 0xe501, "1" },
	{ 0, NULL },
};

static const struct tok msg_names[] = {
	{ 1, "Path" }, { 2, "Resv" }, { 3, "PathErr" }, { 4, "ResvErr" },
	{ 5, "PathTear" }, { 6, "ResvTear" }, { 7, "ResvConf" },
	{ 12, "Bundle" }, { 13, "Acknowledgement" }, { 14, "Hello (Old)" },
	{ 15, "Refresh" }, { 20, "Hello" }, { 0, NULL },
};

static const struct tok xro_names[] = {
	{ 0, "Reserved" }, { 1, "IPv4 prefix" }, { 2, "IPv6 prefix" },
	{ 3, "Label" }, { 32, "Autonomous system number" },
	{ 64, "MPLS label switched path termination" }, { 0, NULL },
};

static const struct tok uni_names[] = {
	{ 1, "Source TNA address" }, { 2, "Destination TNA address" },
	{ 3, "Diversity" }, { 4, "Egress label" }, { 5, "Service level" },
	{ 0, NULL },
};

static const struct tok af_names[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" },
	{ 4, "HDLC" }, { 5, "BBN 1822" }, { 6, "802" }, { 7, "E.163" },
	{ 8, "E.164" }, { 9, "F.69" }, { 10, "X.121" }, { 11, "Novell IPX" },
	{ 12, "Appletalk" }, { 13, "Decnet IV" }, { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" }, { 25, "VPLS" },
	{ 196, "Layer-2 VPN" }, { 0, NULL },
};

static const struct tok style_names[] = {
	{ 17, "Wildcard Filter" }, { 10, "Fixed Filter" },
	{ 18, "Shared Explicit" }, { 0, NULL },
};

static const struct tok rro_bits[] = {
	{ 0x01, "Local protection available" }, { 0x02, "Local protection in use" },
	{ 0x04, "Bandwidth protection" }, { 0x08, "Node protection" }, { 0, NULL },
};
static const struct tok rro_label_bits[] = { { 0x01, "Global" }, { 0, NULL } };
static const struct tok cap_bits[] = {
	{ 0x0004, "RecoveryPath Transmit Enabled" },
	{ 0x0002, "RecoveryPath Desired" },
	{ 0x0001, "RecoveryPath Srefresh Capable" }, { 0, NULL },
};
static const struct tok sess_attr_bits[] = {
	{ 0x01, "Local Protection" }, { 0x02, "Label Recording" },
	{ 0x04, "SE Style" }, { 0x08, "Bandwidth protection" },
	{ 0x10, "Node protection" }, { 0, NULL },
};
static const struct tok hdr_bits[] = {
	{ 0x01, "Refresh reduction capable" }, { 0, NULL },
};

static void hex_avail(nd_t *nd, const uint8_t *p, const char *indent,
                      unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, indent, p, len < avail ? len : (unsigned)avail, 0);
}

enum { OBJ_OK, OBJ_SHORT, SUB_SHORT, OBJ_INVALID, OBJ_TRUNC };

static const struct tok param_names[] = {
	{ 4, "IS hop cnt" }, { 6, "Path b/w estimate" },
	{ 8, "Minimum path latency" }, { 10, "Composed MTU" },
	{ 127, "Token Bucket TSpec" }, { 130, "Guaranteed Service RSpec" },
	{ 133, "End-to-end composed value for C" },
	{ 134, "End-to-end composed value for D" },
	{ 135, "Since-last-reshaping point composed C" },
	{ 136, "Since-last-reshaping point composed D" }, { 0, NULL },
};

static double fl(nd_t *nd, const uint8_t *p)
{
	union { float f; uint32_t i; } u;
	u.i = nd_be32(nd, p);
	return u.f;
}

/* One IntServ parameter; returns its size, 0 to stop. */
static unsigned intserv(nd_t *nd, const uint8_t *t, unsigned tl)
{
	if (tl < 4)
		return 0;
	unsigned id = nd_u8(nd, t), pl = nd_be16(nd, t + 2) << 2;
	nd_printf(nd, "\n\t      Parameter ID: %s (%u), length: %u, Flags: [0x%02x]",
		  tok_name_or(param_names, id, "unknown"), id, pl, nd_u8(nd, t + 1));
	if (tl < pl + 4)
		return 0;
	switch (id) {
	case 4:
		if (pl == 4)
			nd_printf(nd, "\n\t\tIS hop count: %u", nd_be32(nd, t + 4));
		break;
	case 6:
		if (pl == 4)
			nd_printf(nd, "\n\t\tPath b/w estimate: %.10g Mbps",
				  (double)((float)fl(nd, t + 4) / 125000));
		break;
	case 8:
		if (pl == 4) {
			nd_s(nd, "\n\t\tMinimum path latency: ");
			if (nd_be32(nd, t + 4) == 0xffffffffu)
				nd_s(nd, "don't care");
			else
				nd_u(nd, nd_be32(nd, t + 4));
		}
		break;
	case 10:
		if (pl == 4)
			nd_printf(nd, "\n\t\tComposed MTU: %u bytes", nd_be32(nd, t + 4));
		break;
	case 127:
		if (pl == 20) {
			if (!nd_has(nd, t + 4, 20)) {
				nd_print_trunc(nd);
				return 0;
			}
			nd_printf(nd, "\n\t\tToken Bucket Rate: %.10g Mbps",
				  (double)((float)fl(nd, t + 4) / 125000));
			nd_printf(nd, "\n\t\tToken Bucket Size: %.10g bytes", fl(nd, t + 8));
			nd_printf(nd, "\n\t\tPeak Data Rate: %.10g Mbps",
				  (double)((float)fl(nd, t + 12) / 125000));
			nd_printf(nd, "\n\t\tMinimum Policed Unit: %u bytes", nd_be32(nd, t + 16));
			nd_printf(nd, "\n\t\tMaximum Packet Size: %u bytes", nd_be32(nd, t + 20));
		}
		break;
	case 130:
		if (pl == 8) {
			if (!nd_has(nd, t + 4, 8)) {
				nd_print_trunc(nd);
				return 0;
			}
			nd_printf(nd, "\n\t\tRate: %.10g Mbps",
				  (double)((float)fl(nd, t + 4) / 125000));
			nd_printf(nd, "\n\t\tSlack Term: %u", nd_be32(nd, t + 8));
		}
		break;
	case 133: case 134: case 135: case 136:
		if (pl == 4)
			nd_printf(nd, "\n\t\tValue: %u", nd_be32(nd, t + 4));
		break;
	default:
		if (nd->opt->vflag <= 1)
			hex_avail(nd, t + 4, "\n\t\t", pl);
		break;
	}
	return pl + 4;
}

/* The body of one object; sets *hex when tcpdump would hex dump it. */
static int object(nd_t *nd, unsigned cls, unsigned ct, const uint8_t *p,
                  unsigned tl, const char *in, int *hex)
{
	switch (cls) {
	case 1: /* session */
		switch (ct) {
		case 1:
			if (tl < 8)
				return OBJ_SHORT;
			nd_need(nd, p, 8);
			nd_printf(nd, "%s  IPv4 DestAddress: ", in);
			put_ip4(nd, p);
			nd_printf(nd, ", Protocol ID: 0x%02x", p[4]);
			nd_printf(nd, "%s  Flags: [0x%02x], DestPort %u", in, p[5],
				  nd_be16(nd, p + 6));
			return OBJ_OK;
		case 2:
			if (tl < 20)
				return OBJ_SHORT;
			nd_need(nd, p, 20);
			nd_printf(nd, "%s  IPv6 DestAddress: ", in);
			put_ip6(nd, p);
			nd_printf(nd, ", Protocol ID: 0x%02x", p[16]);
			nd_printf(nd, "%s  Flags: [0x%02x], DestPort %u", in, p[17],
				  nd_be16(nd, p + 18));
			return OBJ_OK;
		case 7:
		case 11:
			if (tl < 12)
				return OBJ_SHORT;
			nd_need(nd, p, 12);
			nd_printf(nd, "%s  IPv4 Tunnel EndPoint: ", in);
			put_ip4(nd, p);
			nd_printf(nd, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ",
				  nd_be16(nd, p + 6));
			put_ip4(nd, p + 8);
			return OBJ_OK;
		case 13:
			if (tl < 12)
				return OBJ_SHORT;
			nd_need(nd, p, 12);
			nd_printf(nd, "%s  IPv4 P2MP LSP ID: ", in);
			put_ip4(nd, p);
			nd_printf(nd, ", Tunnel ID: 0x%04x, Extended Tunnel ID: ",
				  nd_be16(nd, p + 6));
			put_ip4(nd, p + 8);
			return OBJ_OK;
		default:
			*hex = 1;
			return OBJ_OK;
		}
	case 3: /* RSVP hop */
		switch (ct) {
		case 1:
		case 3:
			if (tl < 8)
				return OBJ_SHORT;
			nd_need(nd, p, 8);
			nd_printf(nd, "%s  Previous/Next Interface: ", in);
			put_ip4(nd, p);
			nd_printf(nd, ", Logical Interface Handle: 0x%08x", nd_be32(nd, p + 4));
			if (tl > 8)
				*hex = 1;
			return OBJ_OK;
		case 2:
		case 4:
			if (tl < 20)
				return OBJ_SHORT;
			nd_need(nd, p, 20);
			nd_printf(nd, "%s  Previous/Next Interface: ", in);
			put_ip6(nd, p);
			nd_printf(nd, ", Logical Interface Handle: 0x%08x", nd_be32(nd, p + 16));
			*hex = 1;
			return OBJ_OK;
		default:
			*hex = 1;
			return OBJ_OK;
		}
	case 5: /* time values */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		nd_printf(nd, "%s  Refresh Period: %ums", in, nd_be32(nd, p));
		return OBJ_OK;
	case 15: /* confirm */
	case 195: /* notify request */
		if (ct == 1) {
			if (tl < 4)
				return OBJ_SHORT;
			nd_need(nd, p, 4);
			nd_printf(nd, "%s  IPv4 %s Address: ", in,
				  cls == 15 ? "Receiver" : "Notify Node");
			put_ip4(nd, p);
		} else if (ct == 2) {
			if (tl < 16)
				return OBJ_SHORT;
			nd_need(nd, p, 16);
			nd_printf(nd, "%s  IPv6 %s Address: ", in,
				  cls == 15 ? "Receiver" : "Notify Node");
			put_ip6(nd, p);
		} else {
			*hex = 1;
		}
		return OBJ_OK;
	case 16: case 34: case 35: case 129: /* labels */
		switch (ct) {
		case 1:
			for (; tl >= 4; tl -= 4, p += 4)
				nd_printf(nd, "%s  Label: %u", in, nd_be32(nd, p));
			return OBJ_OK;
		case 2:
			if (tl < 4)
				return OBJ_SHORT;
			nd_printf(nd, "%s  Generalized Label: %u", in, nd_be32(nd, p));
			return OBJ_OK;
		case 3:
			if (tl < 12)
				return OBJ_SHORT;
			nd_need(nd, p, 12);
			nd_printf(nd, "%s  Waveband ID: %u%s  Start Label: %u, Stop Label: %u",
				  in, nd_be32(nd, p), in, nd_be32(nd, p + 4),
				  nd_be32(nd, p + 8));
			return OBJ_OK;
		default:
			*hex = 1;
			return OBJ_OK;
		}
	case 8: /* style */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		nd_need(nd, p, 4);
		nd_printf(nd, "%s  Reservation Style: %s, Flags: [0x%02x]", in,
			  tok_name_or(style_names, nd_be24(nd, p + 1), "Unknown"), p[0]);
		return OBJ_OK;
	case 10: /* filter spec */
	case 11: /* sender template */
		switch (ct) {
		case 1:
			if (tl < 8)
				return OBJ_SHORT;
			nd_need(nd, p, 8);
			nd_printf(nd, "%s  Source Address: ", in);
			put_ip4(nd, p);
			nd_printf(nd, ", Source Port: %u", nd_be16(nd, p + 6));
			return OBJ_OK;
		case 2:
			if (tl < 20)
				return OBJ_SHORT;
			nd_need(nd, p, 20);
			nd_printf(nd, "%s  Source Address: ", in);
			put_ip6(nd, p);
			nd_printf(nd, ", Source Port: %u", nd_be16(nd, p + 18));
			return OBJ_OK;
		case 7:
			if (tl < 8)
				return OBJ_SHORT;
			nd_need(nd, p, 8);
			nd_printf(nd, "%s  IPv4 Tunnel Sender Address: ", in);
			put_ip4(nd, p);
			nd_printf(nd, ", LSP-ID: 0x%04x", nd_be16(nd, p + 6));
			return OBJ_OK;
		default:
			*hex = 1;
			return OBJ_OK;
		}
	case 20: /* ERO */
	case 21: /* RRO */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		while (tl >= 4) {
			nd_need(nd, p, 4);
			unsigned len = p[1], st = p[0] & 0x7f;
			const char *sn = tok_name_or(xro_names, st, NULL);
			if (sn)
				nd_printf(nd, "%s  Subobject Type: %s, length %u", in, sn, len);
			else
				nd_printf(nd, "%s  Subobject Type: Unknown %u, length %u", in,
					  st, len);
			if (tl < len) {
				nd_printf(nd, "%s  ERROR: ERO subobject length > object length", in);
				break;
			}
			if (len == 0) {
				nd_printf(nd, "%s  ERROR: zero length ERO subtype", in);
				break;
			}
			if (st == 1) {
				if (len != 8) {
					nd_s(nd, " ERROR: length != 8");
					return OBJ_INVALID;
				}
				nd_need(nd, p, 8);
				if (p[6] != 32) {
					nd_printf(nd, " ERROR: Prefix length %u != 32", p[6]);
					return OBJ_INVALID;
				}
				nd_printf(nd, ", %s, ", (p[0] & 0x80) ? "Loose" : "Strict");
				put_ip4(nd, p + 2);
				nd_printf(nd, "/%u, Flags: [", p[6]);
				put_bits(nd, rro_bits, p[7], "none");
				nd_c(nd, ']');
			} else if (st == 3) {
				if (len != 8) {
					nd_s(nd, " ERROR: length != 8");
					return OBJ_INVALID;
				}
				nd_need(nd, p, 8);
				nd_s(nd, ", Flags: [");
				put_bits(nd, rro_label_bits, p[2], "none");
				nd_printf(nd, "] (%#x), Class-Type: %s (%u), %u", p[2],
					  tok_name_or(ctype_names, p[3] + 256u * 21, "Unknown"),
					  p[3], nd_be32(nd, p + 4));
			}
			tl -= len;
			p += len;
		}
		return OBJ_OK;
	case 9: /* flowspec */
	case 12: /* sender tspec */
	case 13: /* adspec */
		if (ct != 2) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		nd_need(nd, p, 4);
		nd_printf(nd, "%s  Msg-Version: %u, length: %u", in, p[0] >> 4,
			  nd_be16(nd, p + 2) << 2);
		p += 4;
		tl -= 4;
		while (tl >= 4) {
			unsigned sl = nd_be16(nd, p + 2) << 2;
			unsigned st = nd_u8(nd, p);
			nd_printf(nd, "%s  Service Type: %s (%u), break bit %sset, Service length: %u",
				  in, st == 1 ? "Default/Global Information"
				  : st == 2 ? "Guaranteed Service"
				  : st == 5 ? "Controlled Load" : "unknown",
				  st, (nd_u8(nd, p + 1) & 0x80) ? "" : "not ", sl);
			p += 4;
			tl -= 4;
			while (sl >= 4) {
				unsigned n = intserv(nd, p, tl);
				if (n == 0)
					break;
				tl -= n;
				sl -= n;
				p += n;
			}
		}
		return OBJ_OK;
	case 19: /* label request */
		if (ct == 1) {
			for (; tl >= 4; tl -= 4, p += 4) {
				unsigned et = nd_be16(nd, p + 2);
				const char *en = ethertype_name(et);
				nd_printf(nd, "%s  L3 Protocol ID: ", in);
				if (en)
					nd_s(nd, en);
				else
					nd_printf(nd, "Unknown Protocol (0x%04x)", et);
			}
		} else {
			*hex = 1;
		}
		return OBJ_OK;
	case 6: { /* error spec */
		if (ct == 1 || ct == 3) {
			if (tl < 8)
				return OBJ_SHORT;
			nd_need(nd, p, 8);
			unsigned code = p[5], val = nd_be16(nd, p + 6);
			static const struct tok codes[] = {
				{ 24, "Routing Problem" }, { 25, "Notify Error" },
				{ 28, "Diffserv TE Error" }, { 125, "Diffserv TE Error (Old)" },
				{ 0, NULL },
			};
			static const struct tok routing[] = {
				{ 1, "Bad EXPLICIT_ROUTE object" }, { 2, "Bad strict node" },
				{ 3, "Bad loose node" }, { 4, "Bad initial subobject" },
				{ 5, "No route available toward destination" },
				{ 6, "Unacceptable label value" },
				{ 7, "RRO indicated routing loops" },
				{ 8, "non-RSVP-capable router in the path" },
				{ 9, "MPLS label allocation failure" },
				{ 10, "Unsupported L3PID" }, { 0, NULL },
			};
			static const struct tok dste[] = {
				{ 1, "Unexpected CT object" }, { 2, "Unsupported CT" },
				{ 3, "Invalid CT value" },
				{ 4, "CT/setup priority do not form a configured TE-Class" },
				{ 5, "CT/holding priority do not form a configured TE-Class" },
				{ 6, "CT/setup priority and CT/holding priority do not form a configured TE-Class" },
				{ 7, "Inconsistency between signaled PSC and signaled CT" },
				{ 8, "Inconsistency between signaled PHBs and signaled CT" },
				{ 0, NULL },
			};
			nd_printf(nd, "%s  Error Node Address: ", in);
			put_ip4(nd, p);
			nd_printf(nd, ", Flags: [0x%02x]%s  Error Code: %s (%u)", p[4], in,
				  tok_name_or(codes, code, "unknown"), code);
			if (code == 24)
				nd_printf(nd, ", Error Value: %s (%u)",
					  tok_name_or(routing, val, "unknown"), val);
			else if (code == 28 || code == 125)
				nd_printf(nd, ", Error Value: %s (%u)",
					  tok_name_or(dste, val, "unknown"), val);
			else
				nd_printf(nd, ", Unknown Error Value (%u)", val);
		} else {
			*hex = 1;
		}
		return OBJ_OK;
	}
	case 23: case 24: case 25: /* message ID (ack, list) */
		if (ct != 1 && ct != 2) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		nd_need(nd, p, 4);
		nd_printf(nd, "%s  Flags [0x%02x], epoch: %u", in, p[0], nd_be24(nd, p + 1));
		for (p += 4, tl -= 4; tl >= 4; tl -= 4, p += 4) {
			uint32_t id = nd_be32(nd, p);
			nd_printf(nd, "%s    Message-ID 0x%08x (%u)", in, id, id);
		}
		return OBJ_OK;
	case 36: { /* label set */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		unsigned action = nd_be16(nd, p) >> 8;
		static const char *const an[] = { "Inclusive list", "Exclusive list",
						  "Inclusive range", "Exclusive range" };
		nd_printf(nd, "%s  Action: %s (%u), Label type: %u", in,
			  action < 4 ? an[action] : "Unknown", action,
			  nd_be32(nd, p) & 0x7f);
		if (action == 2 || action == 3) {
			if (tl < 12)
				return OBJ_SHORT;
			nd_need(nd, p + 4, 8);
			nd_printf(nd, "%s  Start range: %u, End range: %u", in,
				  nd_be32(nd, p + 4), nd_be32(nd, p + 8));
		} else {
			unsigned n = 1;
			for (p += 4, tl -= 4; tl >= 4; tl -= 4, p += 4, n++)
				nd_printf(nd, "%s  Subchannel #%u: %u", in, n, nd_be32(nd, p));
		}
		return OBJ_OK;
	}
	case 22: /* hello */
		if (ct != 1 && ct != 2) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 8)
			return OBJ_SHORT;
		nd_need(nd, p, 8);
		nd_printf(nd, "%s  Source Instance: 0x%08x, Destination Instance: 0x%08x",
			  in, nd_be32(nd, p), nd_be32(nd, p + 4));
		return OBJ_OK;
	case 131: /* restart capability */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 8)
			return OBJ_SHORT;
		nd_need(nd, p, 8);
		nd_printf(nd, "%s  Restart  Time: %ums, Recovery Time: %ums", in,
			  nd_be32(nd, p), nd_be32(nd, p + 4));
		return OBJ_OK;
	case 134: { /* capability */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		uint32_t f = nd_be32(nd, p);
		if (f & ~7u)
			nd_printf(nd, "%s  [reserved=0x%08x must be zero]", in, f & ~7u);
		nd_printf(nd, "%s  Flags: [", in);
		put_bits(nd, cap_bits, f & 7, "none");
		nd_c(nd, ']');
		return OBJ_OK;
	}
	case 66:
	case 125: /* class type */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		nd_printf(nd, "%s  CT: %u", in, nd_be32(nd, p) & 7);
		return OBJ_OK;
	case 207: { /* session attribute */
		if (ct != 7) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		unsigned nl = nd_u8(nd, p + 3);
		if (tl < 4 + nl)
			return OBJ_SHORT;
		nd_printf(nd, "%s  Session Name: ", in);
		for (unsigned i = 0; i < nl; i++)
			nd_print_char(nd, nd_u8(nd, p + 4 + i));
		nd_need(nd, p, 3);
		nd_printf(nd, "%s  Setup Priority: %u, Holding Priority: %u, Flags: [",
			  in, p[0], p[1]);
		put_bits(nd, sess_attr_bits, p[2], "none");
		nd_printf(nd, "] (%#x)", p[2]);
		return OBJ_OK;
	}
	case 205: { /* fast reroute */
		union { float f; uint32_t i; } bw;
		if (ct == 1) {
			if (tl < 20)
				return OBJ_SHORT;
			nd_need(nd, p, 20);
			bw.i = nd_be32(nd, p + 4);
			nd_printf(nd, "%s  Setup Priority: %u, Holding Priority: %u, Hop-limit: %u, Bandwidth: %.10g Mbps",
				  in, p[0], p[1], p[2], (double)(bw.f * 8 / 1000000));
			nd_printf(nd, "%s  Include-any: 0x%08x, Exclude-any: 0x%08x, Include-all: 0x%08x",
				  in, nd_be32(nd, p + 8), nd_be32(nd, p + 12),
				  nd_be32(nd, p + 16));
		} else if (ct == 7) {
			if (tl < 16)
				return OBJ_SHORT;
			nd_need(nd, p, 16);
			bw.i = nd_be32(nd, p + 4);
			nd_printf(nd, "%s  Setup Priority: %u, Holding Priority: %u, Hop-limit: %u, Bandwidth: %.10g Mbps",
				  in, p[0], p[1], p[2], (double)(bw.f * 8 / 1000000));
			nd_printf(nd, "%s  Include Colors: 0x%08x, Exclude Colors: 0x%08x",
				  in, nd_be32(nd, p + 8), nd_be32(nd, p + 12));
		} else {
			*hex = 1;
		}
		return OBJ_OK;
	}
	case 229: { /* generalized UNI */
		if (ct != 1) {
			*hex = 1;
			return OBJ_OK;
		}
		if (tl < 4)
			return OBJ_SHORT;
		unsigned total = tl;
		while (total > 0) {
			unsigned sl = nd_be16(nd, p), w = nd_be16(nd, p + 2);
			unsigned st = w >> 8, af = w & 0xff;
			nd_printf(nd, "%s  Subobject Type: %s (%u), AF: %s (%u), length: %u",
				  in, tok_name_or(uni_names, st, "Unknown"), st,
				  tok_name_or(af_names, af, "Unknown"), af, sl);
			if (sl < 4 || sl > total)
				return OBJ_INVALID;
			switch (st) {
			case 1:
			case 2:
				if (af == 1) {
					if (sl < 8)
						return SUB_SHORT;
					nd_need(nd, p + 4, 4);
					nd_printf(nd, "%s    UNI IPv4 TNA address: ", in);
					put_ip4(nd, p + 4);
				} else if (af == 2) {
					if (sl < 20)
						return SUB_SHORT;
					nd_need(nd, p + 4, 16);
					nd_printf(nd, "%s    UNI IPv6 TNA address: ", in);
					put_ip6(nd, p + 4);
				} else if (af == 3) {
					*hex = 1;
				}
				break;
			case 3:
				if (sl > 4)
					*hex = 1;
				break;
			case 4:
				if (sl < 16)
					return SUB_SHORT;
				nd_need(nd, p + 4, 12);
				nd_printf(nd, "%s    U-bit: %x, Label type: %u, Logical port id: %u, Label: %u",
					  in, nd_be32(nd, p + 4) >> 31, nd_be32(nd, p + 4) & 0xff,
					  nd_be32(nd, p + 8), nd_be32(nd, p + 12));
				break;
			case 5:
				if (sl < 8)
					return SUB_SHORT;
				nd_printf(nd, "%s    Service level: %u", in, nd_be32(nd, p + 4) >> 24);
				break;
			default:
				*hex = 1;
				break;
			}
			total -= sl;
			p += sl;
		}
		return OBJ_OK;
	}
	default:
		*hex = 1;
		return OBJ_OK;
	}
}

/* Returns -1 when the output ended in an error. */
static int objects(nd_t *nd, const uint8_t *t, unsigned tlen, const char *in)
{
	while (tlen >= 4) {
		if (!nd_has(nd, t, 4)) {
			nd_print_trunc(nd);
			return -1;
		}
		unsigned len = nd_be16(nd, t), ct = t[3];
		if (len % 4) {
			nd_printf(nd, "%sERROR: object header size %u not a multiple of 4", in, len);
			return -1;
		}
		if (len < 4) {
			nd_printf(nd, "%sERROR: object header too short %u < 4", in, len);
			return -1;
		}
		unsigned cls = t[2];
		nd_printf(nd, "%s%s Object (%u) Flags: [%s", in,
			  tok_name_or(class_names, cls, "Unknown"), cls,
			  (cls & 0x80) ? ((cls & 0x40) ? "ignore and forward"
						     : "ignore silently") : "reject");
		nd_printf(nd, " if unknown], Class-Type: %s (%u), length: %u",
			  tok_name_or(ctype_names, cls * 256 + ct, "Unknown"), ct, len);
		if (tlen < len) {
			nd_printf(nd, "%sERROR: object goes past end of objects TLV", in);
			return -1;
		}
		if (!nd_has(nd, t, len)) {
			nd_print_trunc(nd);
			return -1;
		}
		int hex = 0;
		switch (object(nd, cls, ct, t + 4, len - 4, in, &hex)) {
		case OBJ_SHORT:
			nd_printf(nd, "%sERROR: object is too short", in);
			return -1;
		case SUB_SHORT:
			nd_printf(nd, "%sERROR: sub-object is too short", in);
			return -1;
		case OBJ_INVALID:
			nd_print_invalid(nd);
			return -1;
		default:
			break;
		}
		if (nd->opt->vflag > 1 || hex)
			hex_avail(nd, t + 4, "\n\t    ", len - 4);
		t += len;
		tlen -= len;
	}
	return 0;
}

static const char *msg_name(unsigned type)
{
	return tok_name_or(msg_names, type, NULL);
}

/* "RSVPvN TYPE Message (N), Flags: [...], length: N, ttl: N, checksum: 0x" */
static void common_line(nd_t *nd, const uint8_t *h, const char *pre)
{
	nd_need(nd, h, 8);
	unsigned type = h[1];
	const char *mn = msg_name(type);
	nd_printf(nd, "%sRSVPv%u ", pre, h[0] >> 4);
	if (mn)
		nd_s(nd, mn);
	else
		nd_printf(nd, "unknown, type: %u", type);
	nd_printf(nd, " Message (%u), Flags: [", type);
	put_bits(nd, hdr_bits, h[0] & 15, "none");
	nd_printf(nd, "], length: %u, ttl: %u, checksum: 0x%04x", nd_be16(nd, h + 6),
		  h[4], nd_be16(nd, h + 2));
}

void rsvp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip)
{
	(void)ip;
	nd_proto(nd, "rsvp");
	if (!nd_has(nd, bp, 8)) {
		nd_print_trunc(nd);
		return;
	}
	if ((bp[0] >> 4) != 1) {
		nd_printf(nd, "ERROR: RSVP version %u packet not supported", bp[0] >> 4);
		return;
	}
	unsigned type = bp[1];
	if (!nd->opt->vflag) {
		const char *mn = msg_name(type);
		nd_printf(nd, "RSVPv%u ", bp[0] >> 4);
		if (mn)
			nd_s(nd, mn);
		else
			nd_printf(nd, "unknown (%u)", type);
		nd_printf(nd, " Message, length: %u", len);
		return;
	}
	unsigned tlen = nd_be16(nd, bp + 6);
	common_line(nd, bp, "\n\t");
	if (tlen < 8) {
		nd_printf(nd, "ERROR: common header too short %u < 8", tlen);
		return;
	}
	const uint8_t *t = bp + 8;
	tlen -= 8;
	switch (type) {
	case 12:
		while (tlen > 0) {
			if (!nd_has(nd, t, 8)) {
				nd_print_trunc(nd);
				return;
			}
			if ((t[0] >> 4) != 1) {
				nd_printf(nd, "ERROR: RSVP version %u packet not supported",
					  t[0] >> 4);
				return;
			}
			unsigned sl = nd_be16(nd, t + 6);
			common_line(nd, t, "\n\t  ");
			if (sl < 8) {
				nd_printf(nd, "ERROR: common header too short %u < 8", sl);
				return;
			}
			if (tlen < sl) {
				nd_printf(nd, "ERROR: common header too large %u > %u", sl, tlen);
				return;
			}
			if (objects(nd, t + 8, sl - 8, "\n\t    ") == -1)
				return;
			t += sl;
			tlen -= sl;
		}
		break;
	case 1: case 2: case 3: case 4: case 5: case 6: case 7:
	case 13: case 14: case 15: case 20:
		objects(nd, t, tlen, "\n\t  ");
		break;
	default:
		hex_avail(nd, t, "\n\t    ", tlen);
		break;
	}
}
