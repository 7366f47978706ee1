/* geneve.c - Generic Network Virtualization Encapsulation (RFC 8926):
 * header, variable-length options (listed with -v, their data with -vv),
 * then the payload named by an ethertype. */
#include "print.h"

#define GENEVE_HDRLEN 8

static const char *opt_class_name(unsigned c)
{
	switch (c) {
	case 0x0100: return "Linux";
	case 0x0101: return "Open vSwitch";
	case 0x0102: return "Open Virtual Networking (OVN)";
	case 0x0103: return "In-band Network Telemetry (INT)";
	case 0x0104: return "VMware";
	}
	if (c <= 0x00ff)
		return "Standard";
	if (c >= 0xfff0)
		return "Experimental";
	return "Unknown";
}

static void geneve_opts(nd_t *nd, const uint8_t *bp, unsigned len)
{
	const char *sep = "";
	while (len > 0) {
		nd_s(nd, sep);
		sep = ", ";
		unsigned cls = nd_be16(nd, bp), type = nd_u8(nd, bp + 2);
		unsigned olen = 4 + (nd_u8(nd, bp + 3) & 0x1f) * 4;
		nd_printf(nd, "class %s (0x%x) type 0x%x%s len %u", opt_class_name(cls),
			  cls, type, type & 0x80 ? "(C)" : "", olen);
		if (olen > len) {
			nd_s(nd, " [bad length]");
			return;
		}
		if (nd->opt->vflag > 1 && olen > 4) {
			nd_s(nd, " data");
			for (unsigned i = 4; i < olen; i += 4)
				nd_printf(nd, " %08x", nd_be32(nd, bp + i));
		}
		bp += olen;
		len -= olen;
	}
}

void geneve_print(nd_t *nd, const uint8_t *bp, unsigned len,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	(void)sport;
	(void)dport;
	nd_proto(nd, "geneve");
	nd_s(nd, "Geneve");
	if (len < GENEVE_HDRLEN) {
		nd_printf(nd, " [length %u < %u]", len, GENEVE_HDRLEN);
		nd_print_invalid(nd);
		return;
	}
	if (!nd_has(nd, bp, GENEVE_HDRLEN)) { /* marked, not unwound, as tcpdump */
		nd_print_trunc(nd);
		return;
	}
	unsigned ver_opt = nd_u8(nd, bp);
	unsigned version = ver_opt >> 6;
	if (version != 0) {
		nd_printf(nd, " ERROR: unknown-version %u", version);
		return;
	}
	unsigned flags = nd_u8(nd, bp + 1);
	unsigned prot = nd_be16(nd, bp + 2);
	unsigned vni = nd_be24(nd, bp + 4);
	unsigned rsvd = nd_u8(nd, bp + 7);
	bp += GENEVE_HDRLEN;
	len -= GENEVE_HDRLEN;
	static const char *const flag_names[8] = { "O", "C", "R1", "R2", "R3", "R4", "R5", "R6" };
	nd_s(nd, ", Flags [");
	if (!flags)
		nd_s(nd, "none");
	for (unsigned i = 0; i < 8; i++)
		if (flags & (0x80u >> i))
			nd_s(nd, flag_names[i]);
	nd_printf(nd, "], vni 0x%x", vni);
	if (rsvd)
		nd_printf(nd, ", rsvd 0x%x", rsvd);
	if (nd->opt->eflag) {
		const char *s = ethertype_name(prot);
		nd_printf(nd, ", proto %s (0x%04x)", s ? s : "unknown", prot);
	}
	unsigned opts_len = (ver_opt & 0x3f) * 4;
	if (len < opts_len) {
		nd_printf(nd, " truncated-geneve - %u bytes missing", opts_len - len);
		return;
	}
	if (!nd_has(nd, bp, opts_len)) {
		nd_print_trunc(nd);
		return;
	}
	if (opts_len > 0) {
		nd_s(nd, ", options [");
		if (nd->opt->vflag)
			geneve_opts(nd, bp, opts_len);
		else
			nd_printf(nd, "%u bytes", opts_len);
		nd_c(nd, ']');
	}
	bp += opts_len;
	len -= opts_len;
	nd_s(nd, nd->opt->vflag < 1 ? ": " : "\n\t");
	if (!ethertype_print(nd, prot, bp, len)) {
		if (prot == 0x6558)
			ether_print(nd, bp, len);
		else
			nd_printf(nd, "geneve-proto-0x%x", prot);
	}
}
