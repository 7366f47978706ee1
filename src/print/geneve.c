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
		{
			const char *v0 = opt_class_name(cls);
			nd_s(nd, "class ");
			nd_s(nd, v0);
			nd_s(nd, " (0x");
			out_x(nd->out, cls, 0);
			nd_s(nd, ") type 0x");
			out_x(nd->out, type, 0);
			nd_s(nd, type & 0x80 ? "(C)" : "");
			nd_s(nd, " len ");
			nd_u(nd, olen);
		}
		if (olen > len) {
			nd_s(nd, " [bad length]");
			return;
		}
		if (nd->opt->vflag > 1 && olen > 4) {
			nd_s(nd, " data");
			for (unsigned i = 4; i < olen; i += 4) {
				unsigned v0 = nd_be32(nd, bp + i);
				nd_c(nd, ' ');
				out_x(nd->out, v0, 8);
			}
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
		nd_s(nd, " [length ");
		nd_u(nd, len);
		nd_s(nd, " < ");
		nd_u(nd, GENEVE_HDRLEN);
		nd_c(nd, ']');
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
		nd_s(nd, " ERROR: unknown-version ");
		nd_u(nd, version);
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
	nd_s(nd, "], vni 0x");
	out_x(nd->out, vni, 0);
	if (rsvd) {
		nd_s(nd, ", rsvd 0x");
		out_x(nd->out, rsvd, 0);
	}
	if (nd->opt->eflag) {
		const char *s = ethertype_name(prot);
		nd_s(nd, ", proto ");
		nd_s(nd, s ? s : "unknown");
		nd_s(nd, " (0x");
		out_x(nd->out, prot, 4);
		nd_c(nd, ')');
	}
	unsigned opts_len = (ver_opt & 0x3f) * 4;
	if (len < opts_len) {
		nd_s(nd, " truncated-geneve - ");
		nd_u(nd, opts_len - len);
		nd_s(nd, " bytes missing");
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
		else {
			nd_u(nd, opts_len);
			nd_s(nd, " bytes");
		}
		nd_c(nd, ']');
	}
	bp += opts_len;
	len -= opts_len;
	nd_s(nd, nd->opt->vflag < 1 ? ": " : "\n\t");
	if (!ethertype_print(nd, prot, bp, len)) {
		if (prot == 0x6558)
			ether_print(nd, bp, len);
		else {
			nd_s(nd, "geneve-proto-0x");
			out_x(nd->out, prot, 0);
		}
	}
}
