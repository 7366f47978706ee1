/* slow.c - IEEE 802.3 Slow Protocols (ethertype 0x8809): LACP and the
 * Marker protocol.  OAM is named only. */
#include "../core/names.h"
#include "print.h"

static void state_flags(nd_t *nd, unsigned s)
{
	static const struct tok names[] = {
		{ 0x01, "Activity" }, { 0x02, "Timeout" }, { 0x04, "Aggregation" },
		{ 0x08, "Synchronization" }, { 0x10, "Collecting" },
		{ 0x20, "Distributing" }, { 0x40, "Default" }, { 0x80, "Expired" },
		{ 0, NULL },
	};
	put_bits(nd, names, s, "none");
}

static const char *tlv_name(unsigned sub, unsigned type)
{
	if (type == 0)
		return "Terminator";
	if (sub == 1)
		return type == 1 ? "Actor Information" : type == 2 ? "Partner Information" :
		       type == 3 ? "Collector Information" : "Unknown";
	if (sub == 2)
		return type == 1 ? "Marker Information" :
		       type == 2 ? "Marker Response Information" : "Unknown";
	return "Unknown";
}

static void marker_lacp(nd_t *nd, const uint8_t *p, unsigned tlen, unsigned sub)
{
	while (tlen > 0) {
		if (tlen < 2)
			goto tooshort;
		unsigned type = nd_u8(nd, p), len = nd_u8(nd, p + 1);
		{
			const char *v0 = tlv_name(sub, type);
			nd_s(nd, "\n\t");
			nd_s(nd, v0);
			nd_s(nd, " TLV (0x");
			out_x2(nd->out, type);
			nd_s(nd, "), length ");
			nd_u(nd, len);
		}
		if (type == 0)
			return;
		if (len < 2) {
			nd_s(nd, "\n\t    ERROR: illegal length - should be >= 2");
			return;
		}
		if (tlen < len)
			goto tooshort;
		nd_need(nd, p, len);
		const uint8_t *t = p + 2;
		unsigned tl = len - 2;
		unsigned key = sub << 8 | type;
		switch (key) {
		case 0x101:
		case 0x102:
			if (tl != 18) {
				nd_s(nd, "\n\t    ERROR: illegal length - should be 20");
				break;
			}
			nd_s(nd, "\n\t  System ");
			put_mac(nd, t + 2);
			{
				unsigned v0 = nd_be16(nd, t);
				unsigned v1 = nd_be16(nd, t + 8);
				unsigned v2 = nd_be16(nd, t + 12);
				unsigned v3 = nd_be16(nd, t + 10);
				nd_s(nd, ", System Priority ");
				nd_u(nd, v0);
				nd_s(nd, ", Key ");
				nd_u(nd, v1);
				nd_s(nd, ", Port ");
				nd_u(nd, v2);
				nd_s(nd, ", Port Priority ");
				nd_u(nd, v3);
				nd_s(nd, "\n\t  State Flags [");
			}
			state_flags(nd, nd_u8(nd, t + 14));
			nd_c(nd, ']');
			break;
		case 0x103:
			if (tl != 14) {
				nd_s(nd, "\n\t    ERROR: illegal length - should be 16");
				break;
			}
			{
				unsigned v0 = nd_be16(nd, t);
				nd_s(nd, "\n\t  Max Delay ");
				nd_u(nd, v0);
			}
			break;
		case 0x201:
			if (tl != 14) {
				nd_s(nd, "\n\t    ERROR: illegal length - should be 16");
				break;
			}
			nd_s(nd, "\n\t  Request System ");
			put_mac(nd, t + 2);
			{
				unsigned v0 = nd_be16(nd, t);
				unsigned v1 = nd_be32(nd, t + 8);
				nd_s(nd, ", Request Port ");
				nd_u(nd, v0);
				nd_s(nd, ", Request Transaction ID 0x");
				out_x(nd->out, v1, 8);
			}
			break;
		default:
			if (nd->opt->vflag <= 1)
				print_unknown_data(nd, t, "\n\t  ", tl);
			break;
		}
		if (nd->opt->vflag > 1)
			print_unknown_data(nd, t, "\n\t  ", tl);
		p += len;
		tlen -= len;
	}
	return;
tooshort:
	nd_s(nd, "\n\t\t packet is too short");
}

void slow_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "slow");
	if (len < 1) {
		nd_print_invalid(nd);
		return;
	}
	unsigned sub = nd_u8(nd, p);
	switch (sub) {
	case 1:
	case 2:
		if (len < 2) {
			nd_print_invalid(nd);
			return;
		}
		if (nd_u8(nd, p + 1) != 1) {
			{
				unsigned v0 = nd_u8(nd, p + 1);
				nd_s(nd, sub == 1 ? "LACP" : "MARKER");
				nd_s(nd, " version ");
				nd_u(nd, v0);
				nd_s(nd, " packet not supported");
			}
			return;
		}
		{
			unsigned v0 = nd_u8(nd, p + 1);
			nd_s(nd, sub == 1 ? "LACP" : "MARKER");
			nd_c(nd, 'v');
			nd_u(nd, v0);
			nd_s(nd, ", length ");
			nd_u(nd, len);
		}
		if (nd->opt->vflag)
			marker_lacp(nd, p + 2, len - 2, sub);
		return;
	case 3:
		nd_s(nd, "OAM, length ");
		nd_u(nd, len);
		return;
	default:
		nd_s(nd, "unknown (");
		nd_u(nd, sub);
		nd_s(nd, "), length ");
		nd_u(nd, len);
		print_unknown_data(nd, p, "\n\t", len);
		return;
	}
}
