/* gre.c - Generic Routing Encapsulation: version 0 (RFC 1701/2784/2890,
 * with the old source routing entries) and version 1, the enhanced GRE
 * of PPTP (RFC 2637). */
#include "../core/names.h"
#include "print.h"

#define GRE_CP 0x8000 /* checksum present */
#define GRE_RP 0x4000 /* routing present */
#define GRE_KP 0x2000 /* key present */
#define GRE_SP 0x1000 /* sequence# present */
#define GRE_sP 0x0800 /* strict source route */
#define GRE_AP 0x0080 /* acknowledgment# present */

static void gre_flags(nd_t *nd, unsigned flags)
{
	static const struct { unsigned bit; const char *s; } names[] = {
		{ GRE_CP, "checksum present" }, { GRE_RP, "routing present" },
		{ GRE_KP, "key present" }, { GRE_SP, "sequence# present" },
		{ GRE_sP, "source routing present" }, { GRE_AP, "ack present" },
	};
	const char *sep = "";
	nd_s(nd, ", Flags [");
	int any = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (flags & names[i].bit) {
			nd_s(nd, sep);
			nd_s(nd, names[i].s);
			sep = ", ";
			any = 1;
		}
	}
	if (!any)
		nd_s(nd, "none");
	nd_c(nd, ']');
}

/* Source route entries of unit bytes each (4: IPv4 addresses, 2: AS
 * numbers), the one at off marked; returns 0 when the entry list is
 * malformed or runs past the capture (the caller marks the truncation). */
static int sre_entries(nd_t *nd, unsigned off, unsigned len, const uint8_t *bp,
                       unsigned unit)
{
	const uint8_t *up = bp;
	if (off & (unit - 1)) {
		nd_printf(nd, ", badoffset=%u", off);
		return 0;
	}
	if (len & (unit - 1)) {
		nd_printf(nd, ", badlength=%u", len);
		return 0;
	}
	if (off >= len) {
		nd_printf(nd, ", badoff/len=%u/%u", off, len);
		return 0;
	}
	for (; len; bp += unit, len -= unit) {
		if (!nd_has(nd, bp, unit))
			return 0;
		int here = (unsigned)(bp - up) == off;
		if (unit == 4) {
			nd_s(nd, here ? " *" : " ");
			put_ip4(nd, bp);
		} else {
			nd_printf(nd, " %s%x", here ? "*" : "", nd_be16(nd, bp));
		}
	}
	return 1;
}

static int sre_print(nd_t *nd, unsigned af, unsigned off, unsigned len,
                     const uint8_t *bp)
{
	if (af != 0x0800 && af != 0xfffe) {
		nd_printf(nd, ", (rtaf=0x%x)", af);
		return 1;
	}
	nd_s(nd, af == 0x0800 ? ", (rtaf=ip" : ", (rtaf=asn");
	int ret = sre_entries(nd, off, len, bp, af == 0x0800 ? 4 : 2);
	nd_c(nd, ')');
	return ret;
}

static void proto_name(nd_t *nd, unsigned prot)
{
	const char *s = ethertype_name(prot);
	nd_printf(nd, ", proto %s (0x%04x)", s ? s : "unknown", prot);
}

static void demarc(nd_t *nd)
{
	nd_s(nd, nd->opt->vflag < 1 ? ": " : "\n\t");
}

static void gre0(nd_t *nd, const uint8_t *bp, unsigned length)
{
	unsigned len = length;
	unsigned flags = nd_be16(nd, bp);
	if (nd->opt->vflag)
		gre_flags(nd, flags);
	len -= 2;
	bp += 2;
	if (len < 2 || !nd_has(nd, bp, 2))
		goto trunc;
	unsigned prot = nd_be16(nd, bp);
	len -= 2;
	bp += 2;
	if (flags & (GRE_CP | GRE_RP)) {
		if (len < 2 || !nd_has(nd, bp, 2))
			goto trunc;
		if (nd->opt->vflag)
			nd_printf(nd, ", sum 0x%x", nd_be16(nd, bp));
		bp += 2;
		len -= 2;
		if (len < 2 || !nd_has(nd, bp, 2))
			goto trunc;
		nd_printf(nd, ", off 0x%x", nd_be16(nd, bp));
		bp += 2;
		len -= 2;
	}
	if (flags & GRE_KP) {
		if (len < 4 || !nd_has(nd, bp, 4))
			goto trunc;
		nd_printf(nd, ", key=0x%x", nd_be32(nd, bp));
		bp += 4;
		len -= 4;
	}
	if (flags & GRE_SP) {
		if (len < 4 || !nd_has(nd, bp, 4))
			goto trunc;
		nd_printf(nd, ", seq %u", nd_be32(nd, bp));
		bp += 4;
		len -= 4;
	}
	if (flags & GRE_RP) {
		for (unsigned n = 0;; n++) {
			if (len < 4 || !nd_has(nd, bp, 4))
				goto trunc;
			unsigned af = nd_be16(nd, bp);
			unsigned sreoff = nd_u8(nd, bp + 2), srelen = nd_u8(nd, bp + 3);
			bp += 4;
			len -= 4;
			if (af == 0 && srelen == 0)
				break;
			if (!sre_print(nd, af, sreoff, srelen, bp))
				goto trunc;
			if (len < srelen)
				goto trunc;
			bp += srelen;
			len -= srelen;
			(void)n;
		}
	}
	if (nd->opt->eflag)
		proto_name(nd, prot);
	nd_printf(nd, ", length %u", length);
	demarc(nd);
	switch (prot) {
	case 0x6558: /* transparent Ethernet bridging */
		ether_print(nd, bp, len);
		return;
	case 0x00fe: /* ISO CLNS */
		if (ethertype_print(nd, 0xfefe, bp, len))
			return;
		break;
	case 0x0800: case 0x86dd: case 0x8847: /* the payloads GREv0 decodes */
	case 0x88be: case 0x22eb:               /* ERSPAN II / III */
		if (ethertype_print(nd, prot, bp, len))
			return;
		break;
	default:
		break;
	}
	nd_printf(nd, "gre-proto-0x%x", prot);
	return;
trunc:
	nd_print_trunc(nd);
}

static void gre1(nd_t *nd, const uint8_t *bp, unsigned length)
{
	unsigned len = length;
	unsigned flags = nd_be16(nd, bp);
	len -= 2;
	bp += 2;
	if (nd->opt->vflag)
		gre_flags(nd, flags);
	if (len < 2 || !nd_has(nd, bp, 2))
		goto trunc;
	unsigned prot = nd_be16(nd, bp);
	len -= 2;
	bp += 2;
	if (flags & GRE_KP) {
		if (len < 4 || !nd_has(nd, bp, 4))
			goto trunc;
		nd_printf(nd, ", call %u", nd_be32(nd, bp) & 0xffff);
		len -= 4;
		bp += 4;
	}
	if (flags & GRE_SP) {
		if (len < 4 || !nd_has(nd, bp, 4))
			goto trunc;
		nd_printf(nd, ", seq %u", nd_be32(nd, bp));
		bp += 4;
		len -= 4;
	}
	if (flags & GRE_AP) {
		if (len < 4 || !nd_has(nd, bp, 4))
			goto trunc;
		nd_printf(nd, ", ack %u", nd_be32(nd, bp));
		bp += 4;
		len -= 4;
	}
	if (!(flags & GRE_SP))
		nd_s(nd, ", no-payload");
	if (nd->opt->eflag)
		proto_name(nd, prot);
	nd_printf(nd, ", length %u", length);
	if (!(flags & GRE_SP))
		return;
	demarc(nd);
	if (prot == 0x880b)
		ppp_print(nd, bp, len);
	else
		nd_printf(nd, "gre-proto-0x%x", prot);
	return;
trunc:
	nd_print_trunc(nd);
}

void gre_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip)
{
	(void)ip;
	nd_proto(nd, "gre");
	if (length < 2 || !nd_has(nd, bp, 2)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned vers = nd_be16(nd, bp) & 7;
	nd_printf(nd, "GREv%u", vers);
	switch (vers) {
	case 0:
		gre0(nd, bp, length);
		break;
	case 1:
		gre1(nd, bp, length);
		break;
	default:
		nd_s(nd, " ERROR: unknown-version");
		break;
	}
}
