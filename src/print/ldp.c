/* ldp.c - MPLS Label Distribution Protocol (RFC 5036) over UDP (hellos)
 * and TCP (sessions). */
#include <stdio.h>

#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const struct tok msg_names[] = {
	{ 0x0001, "Notification" }, { 0x0100, "Hello" },
	{ 0x0200, "Initialization" }, { 0x0201, "Keepalive" },
	{ 0x0300, "Address" }, { 0x0301, "Address Withdraw" },
	{ 0x0400, "Label Mapping" }, { 0x0401, "Label Request" },
	{ 0x0402, "Label Withdraw" }, { 0x0403, "Label Release" },
	{ 0x0404, "Label Abort Request" }, { 0, NULL },
};

static const struct tok tlv_names[] = {
	{ 0x0100, "FEC" }, { 0x0101, "Address List" }, { 0x0103, "Hop Count" },
	{ 0x0104, "Path Vector" }, { 0x0200, "Generic Label" },
	{ 0x0201, "ATM Label" }, { 0x0202, "Frame-Relay Label" },
	{ 0x0300, "Status" }, { 0x0301, "Extended Status" },
	{ 0x0302, "Returned PDU" }, { 0x0303, "Returned Message" },
	{ 0x0400, "Common Hello Parameters" },
	{ 0x0401, "IPv4 Transport Address" },
	{ 0x0402, "Configuration Sequence Number" },
	{ 0x0403, "IPv6 Transport Address" },
	{ 0x0500, "Common Session Parameters" },
	{ 0x0501, "ATM Session Parameters" },
	{ 0x0502, "Frame-Relay Session Parameters" },
	{ 0x0503, "Fault-Tolerant Session Parameters" },
	{ 0x0600, "Label Request Message ID" }, { 0x0601, "MTU" }, { 0, NULL },
};

static const struct tok fec_names[] = {
	{ 1, "Wildcard" }, { 2, "Prefix" }, { 3, "Host address" },
	{ 0x80, "Martini VC" }, { 0, NULL },
};

static const struct tok af_names[] = {
	{ 0, "Reserved" }, { 1, "IPv4" }, { 2, "IPv6" }, { 3, "NSAP" },
	{ 4, "HDLC" }, { 5, "BBN 1822" }, { 6, "802" }, { 7, "E.163" },
	{ 8, "E.164" }, { 9, "F.69" }, { 10, "X.121" }, { 11, "Novell IPX" },
	{ 12, "Appletalk" }, { 13, "Decnet IV" }, { 14, "Banyan Vines" },
	{ 15, "E.164 with NSAP subaddress" }, { 25, "VPLS" }, { 0, NULL },
};

static const struct tok pw_types[] = {
	{ 0x0000, "Reserved" }, { 0x0019, "Frame Relay DLCI" },
	{ 0x0001, "Frame Relay DLCI (Martini Mode)" },
	{ 0x0002, "ATM AAL5 SDU VCC transport" },
	{ 0x0003, "ATM transparent cell transport" },
	{ 0x0004, "Ethernet VLAN" }, { 0x0005, "Ethernet" },
	{ 0x0006, "Cisco-HDLC" }, { 0x0007, "PPP" },
	{ 0x0008, "SONET/SDH Circuit Emulation Service over MPLS" },
	{ 0x0009, "ATM n-to-one VCC cell transport" },
	{ 0x000a, "ATM n-to-one VPC cell transport" },
	{ 0x000b, "IP Layer2 Transport" },
	{ 0x000c, "ATM one-to-one VCC Cell Mode" },
	{ 0x000d, "ATM one-to-one VPC Cell Mode" },
	{ 0x000e, "ATM AAL5 PDU VCC transport" },
	{ 0x000f, "Frame-Relay Port mode" },
	{ 0x0010, "SONET/SDH Circuit Emulation over Packet" },
	{ 0x0011, "Structure-agnostic E1 over Packet" },
	{ 0x0012, "Structure-agnostic T1 (DS1) over Packet" },
	{ 0x0013, "Structure-agnostic E3 over Packet" },
	{ 0x0014, "Structure-agnostic T3 (DS3) over Packet" },
	{ 0x0015, "CESoPSN basic mode" }, { 0x0016, "TDMoIP basic mode" },
	{ 0x0017, "CESoPSN TDM with CAS" }, { 0x0018, "TDMoIP TDM with CAS" },
	{ 0x0040, "IP-interworking" }, { 0, NULL },
};

/* Pseudowire type names (RFC 4446), shared with LSP ping's FEC 128 sub-TLVs. */
const char *pw_type_name(unsigned type)
{
	return tok_name_or(pw_types, type, NULL);
}


static const struct tok ifparm_names[] = {
	{ 0x01, "MTU" }, { 0x03, "Description" }, { 0x0c, "VCCV" }, { 0, NULL },
};

static void dump_captured(nd_t *nd, const uint8_t *p, const char *ident,
                          unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
}

/* "a.b.c.d/len" or "x::/len" from a length-prefixed prefix; returns the
 * bytes used, -1 for a bad length, -2 when it runs past itemlen. */
static int decode_prefix(nd_t *nd, const uint8_t *p, unsigned itemlen, int v6,
                         char *buf, size_t buflen)
{
	if (itemlen < 1)
		return -2;
	unsigned plen = nd_u8(nd, p), max = v6 ? 128 : 32;
	if (plen > max)
		return -1;
	itemlen--;
	uint8_t a[16] = { 0 };
	unsigned pb = (plen + 7) / 8;
	if (itemlen < pb)
		return -2;
	nd_copy(nd, a, p + 1, pb);
	if (plen % 8)
		a[pb - 1] &= (uint8_t)((0xff00 >> (plen % 8)) & 0xff);
	char ab[64];
	if (v6)
		fmt_ip6(ab, a);
	else
		fmt_ip4(ab, a);
	snprintf(buf, buflen, "%s/%u", ab, plen);
	return (int)(1 + pb);
}

#define TLV_TCHECK(minlen) do { \
		if (tlen < (minlen)) { \
			nd_printf(nd, " [tlv length %u < %u]", tlen, (unsigned)(minlen)); \
			nd_print_invalid(nd); \
			return tlv_len + 4; \
		} \
	} while (0)

static unsigned tlv(nd_t *nd, const uint8_t *p, unsigned msg_tlen)
{
	if (!nd_has(nd, p, 4))
		goto trunc;
	unsigned tlv_len = nd_be16(nd, p + 2);
	if (tlv_len + 4u > msg_tlen) {
		nd_s(nd, "\n\t\t TLV contents go past end of message");
		return 0;
	}
	unsigned tlen = tlv_len, raw = nd_be16(nd, p), type = raw & 0x3fff;
	nd_printf(nd, "\n\t    %s TLV (0x%04x), length: %u, Flags: [%s and %s forward if unknown]",
		  tok_name_or(tlv_names, type, "Unknown"), type, tlv_len,
		  (raw & 0x8000) ? "continue processing" : "ignore",
		  (raw & 0x4000) ? "do" : "don't");
	p += 4;
	char buf[100];
	switch (type) {
	case 0x0400:
		TLV_TCHECK(4);
		nd_printf(nd, "\n\t      Hold Time: %us, Flags: [%s Hello%s]", nd_be16(nd, p),
			  (nd_be16(nd, p + 2) & 0x8000) ? "Targeted" : "Link",
			  (nd_be16(nd, p + 2) & 0x4000) ? ", Request for targeted Hellos" : "");
		break;
	case 0x0401:
		TLV_TCHECK(4);
		nd_need(nd, p, 4);
		nd_s(nd, "\n\t      IPv4 Transport Address: ");
		put_ip4(nd, p);
		break;
	case 0x0403:
		TLV_TCHECK(16);
		nd_need(nd, p, 16);
		nd_s(nd, "\n\t      IPv6 Transport Address: ");
		put_ip6(nd, p);
		break;
	case 0x0402:
		TLV_TCHECK(4);
		nd_printf(nd, "\n\t      Sequence Number: %u", nd_be32(nd, p));
		break;
	case 0x0101: {
		TLV_TCHECK(2);
		unsigned af = nd_be16(nd, p);
		p += 2;
		tlen -= 2;
		const char *an = tok_name_or(af_names, af, NULL);
		if (an)
			nd_printf(nd, "\n\t      Address Family: %s, addresses", an);
		else
			nd_printf(nd, "\n\t      Address Family: Unknown (%u), addresses", af);
		if (af == 1) {
			for (; tlen >= 4; tlen -= 4, p += 4) {
				nd_need(nd, p, 4);
				nd_c(nd, ' ');
				put_ip4(nd, p);
			}
		} else if (af == 2) {
			for (; tlen >= 16; tlen -= 16, p += 16) {
				nd_need(nd, p, 16);
				nd_c(nd, ' ');
				put_ip6(nd, p);
			}
		}
		break;
	}
	case 0x0500:
		TLV_TCHECK(8);
		nd_printf(nd, "\n\t      Version: %u, Keepalive: %us, Flags: [Downstream %s, Loop Detection %s]",
			  nd_be16(nd, p), nd_be16(nd, p + 2),
			  (nd_be16(nd, p + 6) & 0x8000) ? "On Demand" : "Unsolicited",
			  (nd_be16(nd, p + 6) & 0x4000) ? "Enabled" : "Disabled");
		break;
	case 0x0100: {
		TLV_TCHECK(1);
		unsigned ft = nd_u8(nd, p);
		nd_printf(nd, "\n\t      %s FEC (0x%02x)", tok_name_or(fec_names, ft, "Unknown"), ft);
		p++;
		tlen--;
		if (ft == 2) {
			TLV_TCHECK(2);
			unsigned af = nd_be16(nd, p);
			p += 2;
			tlen -= 2;
			if (af == 1 || af == 2) {
				int i = decode_prefix(nd, p, tlen, af == 2, buf, sizeof buf);
				if (i == -2)
					goto trunc;
				if (i == -1)
					nd_printf(nd, ": IPv%c prefix (invalid length)",
						  af == 2 ? '6' : '4');
				else
					nd_printf(nd, ": IPv%c prefix %s", af == 2 ? '6' : '4', buf);
			} else {
				nd_printf(nd, ": Address family %u prefix", af);
			}
		} else if (ft == 0x80) {
			TLV_TCHECK(7);
			unsigned vil = nd_u8(nd, p + 2), pw = nd_be16(nd, p);
			if (vil == 0) {
				nd_printf(nd, ": %s, %scontrol word, group-ID %u, VC-info-length: %u",
					  tok_name_or(pw_types, pw & 0x7fff, "Unknown"),
					  (pw & 0x8000) ? "" : "no ", nd_be32(nd, p + 3), vil);
				break;
			}
			TLV_TCHECK(11);
			nd_printf(nd, ": %s, %scontrol word, group-ID %u, VC-ID %u, VC-info-length: %u",
				  tok_name_or(pw_types, pw & 0x7fff, "Unknown"),
				  (pw & 0x8000) ? "" : "no ", nd_be32(nd, p + 3),
				  nd_be32(nd, p + 7), vil);
			if (vil < 4) {
				nd_s(nd, " (invalid, < 4");
				return tlv_len + 4;
			}
			vil -= 4;
			p += 11;
			tlen -= 11;
			TLV_TCHECK(vil);
			while (vil > 2) {
				unsigned it = nd_u8(nd, p), il = nd_u8(nd, p + 1);
				if (il < 2 || vil < il)
					break;
				nd_printf(nd, "\n\t\tInterface Parameter: %s (0x%02x), len %u",
					  tok_name_or(ifparm_names, it, "Unknown"), it, il);
				if (it == 0x01) {
					nd_printf(nd, ": %u", nd_be16(nd, p + 2));
				} else if (it == 0x03) {
					nd_s(nd, ": ");
					for (unsigned i = 2; i < il; i++)
						nd_print_char(nd, nd_u8(nd, p + i));
				} else if (it == 0x0c) {
					static const struct tok cc[] = {
						{ 1, "PWE3 control word" },
						{ 2, "MPLS Router Alert Label" },
						{ 4, "MPLS inner label TTL = 1" }, { 0, NULL },
					};
					static const struct tok cv[] = {
						{ 1, "ICMP Ping" }, { 2, "LSP Ping" }, { 4, "BFD" },
						{ 0, NULL },
					};
					unsigned c = nd_u8(nd, p + 2), v = nd_u8(nd, p + 3);
					nd_printf(nd, "\n\t\t  Control Channels (0x%02x) = [", c);
					put_bits(nd, cc, c, "none");
					nd_printf(nd, "]\n\t\t  CV Types (0x%02x) = [", v);
					put_bits(nd, cv, v, "none");
					nd_c(nd, ']');
				} else {
					dump_captured(nd, p + 2, "\n\t\t  ", il - 2);
				}
				vil -= il;
				p += il;
			}
		}
		break;
	}
	case 0x0200:
		TLV_TCHECK(4);
		nd_printf(nd, "\n\t      Label: %u", nd_be32(nd, p) & 0xfffff);
		break;
	case 0x0300: {
		TLV_TCHECK(8);
		uint32_t ui = nd_be32(nd, p);
		nd_printf(nd, "\n\t      Status: 0x%02x, Flags: [%s and %s forward]",
			  ui & 0x3fffffff, (ui & 0x80000000) ? "Fatal error"
			  : "Advisory Notification", (ui & 0x40000000) ? "do" : "don't");
		ui = nd_be32(nd, p + 4);
		if (ui)
			nd_printf(nd, ", causing Message ID: 0x%08x", ui);
		break;
	}
	case 0x0503: {
		TLV_TCHECK(12);
		unsigned f = nd_be16(nd, p);
		nd_printf(nd, "\n\t      Flags: [%sReconnect, %sSave State, %sAll-Label Protection, %s Checkpoint, %sRe-Learn State]",
			  (f & 0x8000) ? "" : "No ", (f & 0x8) ? "" : "Don't ",
			  (f & 0x4) ? "" : "No ",
			  (f & 0x2) ? "Sequence Numbered Label" : "All Labels",
			  (f & 0x1) ? "" : "Don't ");
		uint32_t ui = nd_be32(nd, p + 4);
		if (ui)
			nd_printf(nd, ", Reconnect Timeout: %ums", ui);
		ui = nd_be32(nd, p + 8);
		if (ui)
			nd_printf(nd, ", Recovery Time: %ums", ui);
		break;
	}
	case 0x0601:
		TLV_TCHECK(2);
		nd_printf(nd, "\n\t      MTU: %u", nd_be16(nd, p));
		break;
	default:
		if (nd->opt->vflag <= 1)
			dump_captured(nd, p, "\n\t      ", tlen);
		break;
	}
	return tlv_len + 4;
trunc:
	nd_trunc(nd);
	return 0;
}

static unsigned pdu(nd_t *nd, const uint8_t *p)
{
	const char *nl = nd->opt->vflag ? "\n\t" : "";
	if (!nd_has(nd, p, 10))
		goto trunc;
	unsigned version = nd_be16(nd, p);
	if (version != 1) {
		nd_printf(nd, "%sLDP version %u packet not supported", nl, version);
		return 0;
	}
	unsigned plen = nd_be16(nd, p + 2);
	if (plen < 6) {
		nd_printf(nd, "%sLDP, pdu-length: %u (too short, < 6)", nl, plen);
		return 0;
	}
	nd_need(nd, p + 4, 6);
	nd_printf(nd, "%sLDP, Label-Space-ID: ", nl);
	put_ip4(nd, p + 4);
	nd_printf(nd, ":%u, pdu-length: %u", nd_be16(nd, p + 8), plen);
	if (!nd->opt->vflag)
		return 0;
	const uint8_t *t = p + 10;
	uint16_t tlen = (uint16_t)(plen - 6);
	while (tlen > 0) {
		if (!nd_has(nd, t, 8))
			goto trunc;
		unsigned mlen = nd_be16(nd, t + 2), raw = nd_be16(nd, t);
		unsigned mtype = raw & 0x7fff;
		if (mlen < 4) {
			nd_printf(nd, "\n\t  %s Message (0x%04x), length: %u (too short, < 4)",
				  tok_name_or(msg_names, mtype, "Unknown"), mtype, mlen);
			return 0;
		}
		nd_printf(nd, "\n\t  %s Message (0x%04x), length: %u, Message ID: 0x%08x, Flags: [%s if unknown]",
			  tok_name_or(msg_names, mtype, "Unknown"), mtype, mlen,
			  nd_be32(nd, t + 4), (raw & 0x8000) ? "continue processing" : "ignore");
		const uint8_t *mp = t + 8;
		unsigned mtlen = mlen - 4;
		if (!nd_has(nd, t, mlen))
			goto trunc;
		switch (mtype) {
		case 0x0001: case 0x0100: case 0x0200: case 0x0201: case 0x0300:
		case 0x0400: case 0x0301: case 0x0402:
			while (mtlen >= 4) {
				unsigned n = tlv(nd, mp, mtlen);
				if (n == 0)
					break;
				mtlen -= n;
				mp += n;
			}
			break;
		default:
			if (nd->opt->vflag <= 1)
				dump_captured(nd, mp, "\n\t  ", mtlen);
			break;
		}
		if (nd->opt->vflag > 1)
			dump_captured(nd, t + 8, "\n\t  ", mlen);
		t += mlen + 4;
		tlen = (uint16_t)(tlen - (mlen + 4));
	}
	return plen + 4;
trunc:
	nd_trunc(nd);
	return 0;
}

void ldp_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "ldp");
	while (len > 18) {
		unsigned n = pdu(nd, p);
		if (n == 0)
			return;
		if (len < n) {
			nd_printf(nd, " [remaining length %u < %u]", len, n);
			nd_print_invalid(nd);
			break;
		}
		len -= n;
		p += n;
	}
}
