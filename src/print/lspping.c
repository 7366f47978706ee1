/* lspping.c - MPLS LSP ping (RFC 8029): the common header, the Target FEC
 * Stack TLV's sub-TLVs (LDP, RSVP, VPN, L2 VPN, FEC 128 pseudowire) and the
 * Downstream Mapping TLV's addresses; other TLVs are shown as hex. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

void ntp_time_put(nd_t *nd, const uint8_t *p); /* ntp.c */

static const char *tlv_name(unsigned t)
{
	switch (t) {
	case 1: return "Target FEC Stack";
	case 2: return "Downstream Mapping";
	case 3: return "Pad";
	case 5: return "Vendor Enterprise Code";
	case 7: return "Interface Label Stack";
	case 9: return "Error Code";
	case 10: return "Reply TOS Byte";
	case 15: return "BFD Discriminator";
	}
	return "Unknown";
}

static const char *subtlv_name(unsigned t)
{
	static const char *const n[] = {
		NULL, "LDP IPv4 prefix", "LDP IPv6 prefix",
		"RSVP IPv4 Session Query", "RSVP IPv6 Session Query", "Reserved",
		"VPN IPv4 prefix", "VPN IPv6 prefix", "L2 VPN endpoint",
		"FEC 128 pseudowire (old)", "FEC 128 pseudowire", NULL,
		"BGP labeled IPv4 prefix", "BGP labeled IPv6 prefix",
	};
	return t < sizeof n / sizeof *n && n[t] ? n[t] : "Unknown";
}

static void dump(nd_t *nd, const uint8_t *p, const char *ident, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
}

static void put_pw_type(nd_t *nd, unsigned type)
{
	const char *n = pw_type_name(type);
	nd_printf(nd, "%s (%u)", n ? n : "unknown", type);
}

/* Downstream Mapping TLV (RFC 4379 3.3): MTU, address type, the downstream
 * router's address and interface (address or index); the multipath
 * information and label stack after them are left to the hex dump. */
static void downstream_map(nd_t *nd, const uint8_t *p, unsigned tl)
{
	static const char *const at_names[] = {
		NULL, "IPv4", "Unnumbered IPv4", "IPv6", "IPv6",
	};
	if (tl < 4) {
		nd_s(nd, "\n\t      TLV is too short");
		return;
	}
	unsigned at = p[2];
	nd_printf(nd, "\n\t    MTU: %u, Address-Type: %s (%u)", nd_be16(nd, p),
		  at >= 1 && at <= 4 ? at_names[at] : "unknown", at);
	if (at < 1 || at > 4)
		return;
	unsigned al = at <= 2 ? 4 : 16, numbered = at == 1 || at == 3;
	unsigned need = 4 + al + (numbered ? al : 4);
	if (tl < need) {
		nd_s(nd, "\n\t      TLV is too short");
		return;
	}
	nd_s(nd, "\n\t    Downstream IP: ");
	if (al == 4)
		put_ip4(nd, p + 4);
	else
		put_ip6(nd, p + 4);
	if (numbered) {
		nd_s(nd, "\n\t    Downstream Interface IP: ");
		if (al == 4)
			put_ip4(nd, p + 4 + al);
		else
			put_ip6(nd, p + 4 + al);
	} else {
		nd_printf(nd, "\n\t    Downstream Interface Index: 0x%08x", nd_be32(nd, p + 4 + al));
	}
	if (tl - need < 4) /* the multipath type, depth limit and length */
		nd_s(nd, "\n\t      TLV is too short");
}

/* Returns 0, or 1 when the packet ended ("too short"). */
static int fec_stack(nd_t *nd, const uint8_t *tp, unsigned tl, int *tlv_hex)
{
	while (tl != 0) {
		if (tl < 4) {
			nd_s(nd, "\n\t      TLV is too short");
			*tlv_hex = 1;
			return 0;
		}
		unsigned st = nd_be16(nd, tp), sl = nd_be16(nd, tp + 2);
		const uint8_t *sp = tp + 4;
		if (tl < sl + 4) {
			nd_s(nd, "\n\t      TLV is too short");
			*tlv_hex = 1;
			return 0;
		}
		if (!nd_has(nd, sp, sl)) {
			nd_trunc(nd);
			return 2;
		}
		nd_printf(nd, "\n\t    %s subTLV (%u), length: %u", subtlv_name(st), st, sl);
		int hex = 0;
		switch (st) {
		case 1: case 12: case 2: case 13: {
			unsigned al = (st == 1 || st == 12) ? 4 : 16;
			if (sl != al + 1) {
				nd_printf(nd, "\n\t      invalid subTLV length, should be %u", al + 1);
				hex = 1;
				break;
			}
			nd_s(nd, "\n\t      ");
			if (al == 4)
				put_ip4(nd, sp);
			else
				put_ip6(nd, sp);
			nd_printf(nd, "/%u", sp[al]);
			break;
		}
		case 3:
			if (sl != 20) {
				nd_printf(nd, "\n\t      invalid subTLV length, should be %u", 20);
				hex = 1;
				break;
			}
			nd_s(nd, "\n\t      tunnel end-point ");
			put_ip4(nd, sp);
			nd_s(nd, ", tunnel sender ");
			put_ip4(nd, sp + 12);
			nd_printf(nd, ", lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id ",
				  nd_be16(nd, sp + 18), nd_be16(nd, sp + 6));
			put_ip4(nd, sp + 8);
			break;
		case 4:
			if (sl != 56) {
				nd_printf(nd, "\n\t      invalid subTLV length, should be %u", 56);
				hex = 1;
				break;
			}
			nd_s(nd, "\n\t      tunnel end-point ");
			put_ip6(nd, sp);
			nd_s(nd, ", tunnel sender ");
			put_ip6(nd, sp + 36);
			nd_printf(nd, ", lsp-id 0x%04x\n\t      tunnel-id 0x%04x, extended tunnel-id ",
				  nd_be16(nd, sp + 54), nd_be16(nd, sp + 18));
			put_ip6(nd, sp + 20);
			break;
		case 6: case 7: { /* VPN IPv4/IPv6 prefix: RD, prefix, length */
			unsigned al = st == 6 ? 4 : 16;
			if (sl != 8 + al + 1) {
				nd_printf(nd, "\n\t      invalid subTLV length, should be %u", 8 + al + 1);
				hex = 1;
				break;
			}
			nd_s(nd, "\n\t      RD: ");
			put_rd(nd, sp);
			nd_s(nd, ", ");
			if (al == 4)
				put_ip4(nd, sp + 8);
			else
				put_ip6(nd, sp + 8);
			nd_printf(nd, "/%u", sp[8 + al]);
			break;
		}
		case 8: /* L2 VPN endpoint: RD, sender and receiver VE IDs, encapsulation */
			if (sl != 14) {
				nd_printf(nd, "\n\t      invalid subTLV length, should be %u", 14);
				hex = 1;
				break;
			}
			nd_s(nd, "\n\t      RD: ");
			put_rd(nd, sp);
			nd_printf(nd, ", Sender VE ID: %u, Receiver VE ID: %u\n\t      Encapsulation Type: ",
				  nd_be16(nd, sp + 8), nd_be16(nd, sp + 10));
			put_pw_type(nd, nd_be16(nd, sp + 12));
			break;
		case 9: case 10: { /* FEC 128 pseudowire: [sender PE], remote PE, PW ID, type */
			unsigned need = st == 9 ? 10 : 14;
			if (sl != need) {
				nd_printf(nd, "\n\t      invalid subTLV length, should be %u", need);
				hex = 1;
				break;
			}
			const uint8_t *q = sp;
			nd_s(nd, "\n\t      ");
			if (st == 10) {
				nd_s(nd, "Sender PE: ");
				put_ip4(nd, q);
				nd_s(nd, ", ");
				q += 4;
			}
			nd_s(nd, "Remote PE: ");
			put_ip4(nd, q);
			nd_printf(nd, "\n\t      PW ID: 0x%08x, PW Type: ", nd_be32(nd, q + 4));
			put_pw_type(nd, nd_be16(nd, q + 8));
			break;
		}
		default:
			hex = 1;
			break;
		}
		if (nd->opt->vflag > 1 || hex)
			dump(nd, tp + 4, "\n\t      ", sl);
		if (sl % 4) {
			sl += 4 - sl % 4;
			if (tl < sl + 4) {
				nd_s(nd, "\n\t\t TLV is too short");
				return 2;
			}
		}
		tp += sl; /* sic: tcpdump does not step over the sub-TLV header */
		tl -= sl + 4;
	}
	return 0;
}

void lspping_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char *const reply_modes[] = {
		NULL, "Do not reply", "Reply via an IPv4/IPv6 UDP packet",
		"Reply via an IPv4/IPv6 UDP packet with Router Alert",
		"Reply via application level control channel",
	};
	static const char *const codes[] = {
		"No return code or return code contained in the Error Code TLV",
		"Malformed echo request received",
		"One or more of the TLVs was not understood",
		"Replying router is an egress for the FEC at stack depth %u",
		"Replying router has no mapping for the FEC at stack depth %u",
		"Reserved", "Reserved", "Reserved",
		"Label switched at stack-depth %u",
		"Label switched but no MPLS forwarding at stack-depth",
		"Mapping for this FEC is not the given label at stack depth %u",
		"No label entry at stack-depth %u",
		"Protocol not associated with interface at FEC stack depth %u",
		"Premature termination of ping due to label stack shrinking to a single label",
	};
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "lspping");
	if (len < 32) {
		nd_s(nd, "\n\t\t packet is too short");
		return;
	}
	if (!nd_has(nd, p, 32)) {
		nd_trunc(nd);
		return;
	}
	unsigned ver = nd_be16(nd, p), mt = p[4];
	if (ver != 1) {
		nd_printf(nd, "LSP-PING version %u packet not supported", ver);
		return;
	}
	const char *mn = mt == 1 ? "MPLS Echo Request" : mt == 2 ? "MPLS Echo Reply" : NULL;
	if (!nd->opt->vflag) {
		nd_printf(nd, "LSP-PINGv%u, %s, seq %u, length: %u", ver, mn ? mn : "unknown",
			  nd_be32(nd, p + 12), len);
		return;
	}
	unsigned rm = p[5], rc = p[6], sub = p[7];
	nd_printf(nd, "\n\tLSP-PINGv%u, msg-type: %s (%u), length: %u", ver,
		  mn ? mn : "unknown", mt, len);
	nd_printf(nd, "\n\t  reply-mode: %s (%u)", rm >= 1 && rm <= 4 ? reply_modes[rm]
		  : "unknown", rm);
	nd_s(nd, "\n\t  Return Code: ");
	if (rc < sizeof codes / sizeof *codes)
		nd_printf(nd, codes[rc], sub);
	else
		nd_s(nd, "unknown");
	nd_printf(nd, " (%u)\n\t  Return Subcode: (%u)", rc, sub);
	nd_printf(nd, "\n\t  Sender Handle: 0x%08x, Sequence: %u", nd_be32(nd, p + 8),
		  nd_be32(nd, p + 12));
	nd_s(nd, "\n\t  Sender Timestamp: ");
	ntp_time_put(nd, p + 16);
	nd_s(nd, " Receiver Timestamp: ");
	if (nd_be32(nd, p + 24) != 0 || nd_be32(nd, p + 28) != 0)
		ntp_time_put(nd, p + 24);
	else
		nd_s(nd, "no timestamp");
	const uint8_t *t = p + 32;
	unsigned tlen = len - 32;
	while (tlen != 0) {
		if (tlen < 4)
			goto tooshort;
		unsigned tt = nd_be16(nd, t), tl = nd_be16(nd, t + 2);
		nd_printf(nd, "\n\t  %s TLV (%u), length: %u", tlv_name(tt), tt, tl);
		if (tl == 0) {
			t += 4;
			tlen -= 4;
			continue;
		}
		if (tlen < tl + 4)
			goto tooshort;
		if (!nd_has(nd, t + 4, tl)) {
			nd_trunc(nd);
			return;
		}
		int tlv_hex = 0;
		if (tt == 1) {
			int r = fec_stack(nd, t + 4, tl, &tlv_hex);
			if (r == 2)
				return;
		} else if (tt == 2) {
			downstream_map(nd, t + 4, tl);
		}
		if (tt != 1 && nd->opt->vflag <= 1)
			dump(nd, t + 4, "\n\t    ", tl);
		if (nd->opt->vflag > 1 || tlv_hex)
			dump(nd, t + 4, "\n\t    ", tl);
		if (tl % 4) {
			tl += 4 - tl % 4;
			if (tlen < tl + 4)
				goto tooshort;
		}
		t += tl + 4;
		tlen -= tl + 4;
	}
	return;
tooshort:
	nd_s(nd, "\n\t\t packet is too short");
}
