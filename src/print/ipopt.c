/* ipopt.c - IPv4 header options (RFC 791 and later registries).
 *
 * Reading an option's type or length past the capture unwinds as usual
 * (" [|ip]"); running out inside a route or timestamp list returns -1 so
 * that ip.c prints " [truncated-option]". */
#include "../core/names.h"
#include "print.h"

#define OPT_EOL 0
#define OPT_NOP 1
#define OPT_RR 7
#define OPT_TS 68
#define OPT_TR 82
#define OPT_SEC 130
#define OPT_LSRR 131
#define OPT_SSRR 137
#define OPT_RA 148

static const char *opt_name(unsigned type)
{
	switch (type) {
	case OPT_EOL: return "EOL";
	case OPT_NOP: return "NOP";
	case OPT_TS: return "timestamp";
	case OPT_SEC: return "security";
	case OPT_RR: return "RR";
	case OPT_SSRR: return "SSRR";
	case OPT_LSRR: return "LSRR";
	case OPT_RA: return "RA";
	case OPT_TR: return "traceroute";
	default: return NULL;
	}
}

/* Record route / source route: pointer, then a list of addresses; the
 * addresses before the pointer (already visited) end with ','. */
static int opt_route(nd_t *nd, const uint8_t *cp, unsigned len)
{
	if (len < 3) {
		nd_printf(nd, " [bad length %u]", len);
		return 0;
	}
	if ((len + 1) & 3)
		nd_printf(nd, " [bad length %u]", len);
	unsigned ptr = nd_u8(nd, cp + 2) - 1u;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > len + 1)
		nd_printf(nd, " [bad ptr %u]", cp[2]);
	for (unsigned i = 3; i < len; i += 4) {
		if (!nd_has(nd, cp + i, 4))
			return -1;
		nd_c(nd, ' ');
		put_ip4(nd, cp + i);
		if (ptr > i)
			nd_c(nd, ',');
	}
	return 0;
}

/* Internet timestamp: flags select stamps only, address+stamp pairs, or
 * prespecified addresses; '^' marks where the pointer stands. */
static int opt_ts(nd_t *nd, const uint8_t *cp, unsigned len)
{
	if (len < 4) {
		nd_printf(nd, "[bad length %u]", len);
		return 0;
	}
	nd_s(nd, " TS{");
	unsigned fl = nd_u8(nd, cp + 3);
	unsigned hop = (fl & 15) != 0 ? 8 : 4;
	if ((len - 4) & (hop - 1))
		nd_printf(nd, "[bad length %u]", len);
	unsigned ptr = nd_u8(nd, cp + 2) - 1u;
	unsigned i = 0;
	if (ptr < 4 || ((ptr - 4) & (hop - 1)) || ptr > len + 1)
		nd_printf(nd, "[bad ptr %u]", cp[2]);
	switch (fl & 15) {
	case 0: nd_s(nd, "TSONLY"); break;
	case 1: nd_s(nd, "TS+ADDR"); break;
	case 3: nd_s(nd, "PRESPEC"); break;
	default:
		nd_printf(nd, "[bad ts type %u]", fl & 15);
		goto done;
	}
	for (i = 4; i < len; i += hop) {
		if (!nd_has(nd, cp + i, hop))
			return -1;
		nd_s(nd, ptr == i ? " ^ " : " ");
		nd_u(nd, nd_be32(nd, cp + i + hop - 4));
		nd_c(nd, '@');
		if (hop == 8)
			put_ip4(nd, cp + i);
	}
done:
	if (ptr == i)
		nd_s(nd, " ^ ");
	if (fl >> 4)
		nd_printf(nd, " [%u hops not recorded]} ", fl >> 4);
	else
		nd_c(nd, '}');
	return 0;
}

int ip_options_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	const char *sep = "";
	while (len > 0) {
		nd_s(nd, sep);
		sep = ",";
		unsigned type = nd_u8(nd, p);
		const char *name = opt_name(type);
		if (name)
			nd_s(nd, name);
		else
			nd_printf(nd, "unknown %u", type);
		unsigned olen = 1;
		if (type != OPT_EOL && type != OPT_NOP) {
			olen = nd_u8(nd, p + 1);
			if (olen < 2) {
				nd_printf(nd, " [bad length %u]", olen);
				return 0;
			}
		}
		if (olen > len) {
			nd_printf(nd, " [bad length %u]", olen);
			return 0;
		}
		if (!nd_has(nd, p, olen))
			return -1;
		switch (type) {
		case OPT_EOL:
			return 0;
		case OPT_TS:
			if (opt_ts(nd, p, olen) < 0)
				return -1;
			break;
		case OPT_RR:
		case OPT_SSRR:
		case OPT_LSRR:
			if (opt_route(nd, p, olen) < 0)
				return -1;
			break;
		case OPT_RA:
			if (olen < 4) {
				nd_printf(nd, " [bad length %u]", olen);
				break;
			}
			if (nd_be16(nd, p + 2) != 0)
				nd_printf(nd, " value %u", nd_be16(nd, p + 2));
			break;
		default:
			break;
		}
		p += olen;
		len -= olen;
	}
	return 0;
}

/* The final destination of a datagram with a loose or strict source route
 * (the last address of the route), which the TCP/UDP pseudo-header uses;
 * NULL when there is no such option.  The caller has checked that the
 * whole header (hlen bytes) was captured. */
const uint8_t *ip_final_dst(const uint8_t *iph)
{
	unsigned hlen = (iph[0] & 15) * 4u;
	const uint8_t *cp = iph + 20;
	unsigned left = hlen > 20 ? hlen - 20 : 0;
	while (left > 0) {
		unsigned type = cp[0], olen;
		if (type == OPT_EOL)
			break;
		if (type == OPT_NOP) {
			olen = 1;
		} else {
			if (left < 2)
				break;
			olen = cp[1];
			if (olen < 2 || olen > left)
				break;
		}
		if (type == OPT_LSRR || type == OPT_SSRR) {
			if (olen < 7)
				break;
			return cp + olen - 4;
		}
		cp += olen;
		left -= olen;
	}
	return NULL;
}
