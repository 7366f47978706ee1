/* nsh.c - Network Service Header (RFC 8300): base and service path
 * headers, context headers at -vvv, then the inner packet. */
#include "print.h"

void nsh_print(nd_t *nd, const uint8_t *bp, unsigned len)
{
	nd_proto(nd, "nsh");
	if (len < 8) {
		nd_printf(nd, " (packet length %u < 8)", len);
		nd_print_invalid(nd);
		return;
	}
	uint32_t base = nd_be32(nd, bp); /* [|nsh] alone when cut off here */
	nd_s(nd, "NSH, ");
	unsigned ver = base >> 30, oam = (base >> 29) & 1, ttl = (base >> 22) & 0x3f;
	unsigned words = (base >> 16) & 0x3f, md = (base >> 8) & 0xf,
		 next = base & 0xff;
	int v = nd->opt->vflag;
	if (v > 1)
		nd_printf(nd, "ver %u, ", ver);
	if (ver != 0)
		return;
	nd_printf(nd, "flags [%s], ", oam ? "O" : "none");
	if (v > 2) {
		nd_printf(nd, "TTL %u, length %u, ", ttl, words);
		if (md == 1 || md == 2)
			nd_printf(nd, "md type %u, ", md);
		else
			nd_printf(nd, "md type unknown (0x%02x), ", md);
	}
	if (v > 1) {
		nd_s(nd, "next-protocol ");
		switch (next) {
		case 1: nd_s(nd, "IPv4"); break;
		case 2: nd_s(nd, "IPv6"); break;
		case 3: nd_s(nd, "Ethernet"); break;
		case 4: nd_s(nd, "NSH"); break;
		case 5: nd_s(nd, "MPLS"); break;
		default: nd_printf(nd, "unknown (0x%02x)", next); break;
		}
		nd_s(nd, ", ");
	}
	if (words * 4 > len) {
		nd_printf(nd, " (too many headers for packet length %u)", len);
		nd_print_invalid(nd);
		return;
	}
	nd_printf(nd, "service-path-id 0x%06x, service-index 0x%x", nd_be24(nd, bp + 4),
		  nd_u8(nd, bp + 7));
	if (v < 3)
		nd_need(nd, bp, words * 4); /* the unprinted context headers */
	if (words < 2) {
		nd_s(nd, " (less than two headers)");
		nd_print_invalid(nd);
		return;
	}
	const uint8_t *p = bp + 8;
	unsigned ctx_words = words - 2;
	if (v > 2) {
		if (md == 1) {
			if (words != 6) {
				nd_s(nd, " (invalid length for the MD type)");
				nd_print_invalid(nd);
				return;
			}
			for (unsigned n = 0; n < ctx_words; n++)
				nd_printf(nd, "\n        Context[%02u]: 0x%08x", n,
					  nd_be32(nd, p + n * 4));
		} else if (md == 2) {
			unsigned n = 0;
			while (n < ctx_words) {
				const uint8_t *t = p + n * 4;
				unsigned cls = nd_be16(nd, t), type = nd_u8(nd, t + 2);
				unsigned tl = nd_u8(nd, t + 3) & 0x7f;
				n++;
				nd_printf(nd, "\n        TLV Class %u, Type %u, Len %u", cls,
					  type, tl);
				unsigned tw = (tl + 3) / 4;
				if (tw > ctx_words - n) {
					nd_s(nd, " (length too big)");
					nd_print_invalid(nd);
					return;
				}
				if (tl) {
					nd_s(nd, "\n            Value: 0x");
					for (unsigned k = 0; k < tl; k++) {
						unsigned v = nd_u8(nd, p + n * 4 + k);
						if (k)
							nd_c(nd, ':');
						out_x2(nd->out, v);
					}
				}
				n += tw;
			}
		}
	}
	bp += words * 4;
	len -= words * 4;
	nd_s(nd, v ? "\n    " : ": ");
	switch (next) {
	case 1:
		ethertype_print(nd, 0x0800, bp, len);
		break;
	case 2:
		ethertype_print(nd, 0x86dd, bp, len);
		break;
	case 3:
		ether_print(nd, bp, len);
		break;
	default:
		nd_s(nd, "ERROR: unknown-next-protocol");
		break;
	}
}
