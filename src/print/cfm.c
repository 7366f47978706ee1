/* cfm.c - IEEE 802.1ag Connectivity Fault Management (ethertype 0x8902,
 * and the pre-standard 0xabcd): the common header, the fixed parts of the
 * Continuity Check, Loopback and Linktrace messages, and the TLVs.
 *
 * Every truncation here ends the way tcpdump's checks end it: the marker
 * is printed and the packet's dumps skip the link header, so reads go
 * through need() (nd_mark_trunc) rather than unwinding. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const struct tok opcodes[] = {
	{ 1, "Continuity Check Message" }, { 2, "Loopback Reply" },
	{ 3, "Loopback Message" }, { 4, "Linktrace Reply" },
	{ 5, "Linktrace Message" }, { 0, NULL },
};

static const struct tok md_formats[] = {
	{ 0, "IEEE 802.1" }, { 1, "No MD Name present" }, { 2, "DNS string" },
	{ 3, "MAC + 16Bit Integer" }, { 4, "Character string" }, { 0, NULL },
};

static const struct tok ma_formats[] = {
	{ 0, "IEEE 802.1" }, { 1, "Primary VID" }, { 2, "Character string" },
	{ 3, "16Bit Integer" }, { 4, "RFC2685 VPN-ID" }, { 0, NULL },
};

static const struct tok ltm_flags[] = {
	{ 0x80, "Use Forwarding-DB only" }, { 0, NULL },
};

static const struct tok ltr_flags[] = {
	{ 0x80, "UseFDB Only" }, { 0x40, "FwdYes" }, { 0x20, "Terminal MEP" },
	{ 0, NULL },
};

static const struct tok relay_actions[] = {
	{ 1, "Exact Match" }, { 2, "Filtering DB" }, { 3, "MIP CCM DB" },
	{ 0, NULL },
};

static const struct tok tlv_names[] = {
	{ 0, "End" }, { 1, "Sender ID" }, { 2, "Port status" },
	{ 3, "Interface status" }, { 4, "Data" }, { 5, "Reply Ingress" },
	{ 6, "Reply Egress" }, { 31, "Organization Specific" }, { 0, NULL },
};

static const struct tok port_status[] = {
	{ 1, "Blocked" }, { 2, "Up" }, { 0, NULL },
};

static const struct tok intf_status[] = {
	{ 1, "Up" }, { 2, "Down" }, { 3, "Testing" }, { 5, "Dormant" },
	{ 6, "not present" }, { 7, "lower Layer down" }, { 0, NULL },
};

static const struct tok chassis_types[] = {
	{ 1, "Chassis component" }, { 2, "Interface alias" },
	{ 3, "Port component" }, { 4, "MAC address" }, { 5, "Network address" },
	{ 6, "Interface name" }, { 7, "Locally assigned" }, { 0, NULL },
};

/* CCM interval codes 1..7 in seconds (0: invalid), single precision as
 * tcpdump has them (10 ms * 3.25 shows as 0.032). */
static const float ccm_secs[8] = {
	0, 0.00333f, 0.01f, 0.1f, 1, 10, 60, 600,
};

#define CCM_LEN 70      /* sequence, MEP ID, MAID, ITU-T Y.1731 */
#define LTM_LEN 17      /* transaction ID, TTL, original and target MAC */
#define LTR_LEN 6       /* transaction ID, TTL, relay action */
#define MAID_LEN 48

static void need(nd_t *nd, const uint8_t *p, size_t n)
{
	if (!nd_has(nd, p, n))
		nd_mark_trunc(nd);
}

/* Up to n bytes as escaped text, ending at the first NUL. */
static void put_text(nd_t *nd, const uint8_t *p, unsigned n)
{
	need(nd, p, n);
	for (unsigned i = 0; i < n && p[i]; i++)
		nd_print_char(nd, p[i]);
}

/* The Maintenance Association Identifier of a CCM (48 bytes, captured).
 * Returns 0 when a length is out of range (nothing follows then). */
static int maid_print(nd_t *nd, const uint8_t *m)
{
	unsigned md_fmt = m[0];
	const uint8_t *q = m + 1;
	unsigned rem = MAID_LEN - 1;
	nd_printf(nd, "\n\t  MD Name Format %s (%u)", tok_name_or(md_formats, md_fmt, "Unknown"),
		  md_fmt);
	if (md_fmt != 1) {
		unsigned md_len = m[1];
		nd_printf(nd, ", MD Name length %u", md_len);
		q = m + 2;
		rem = MAID_LEN - 2;
		if (md_len > rem - 3) {
			nd_printf(nd, " (too large, must be <= %u)", rem - 2);
			return 0;
		}
		nd_s(nd, "\n\t  MD Name: ");
		switch (md_fmt) {
		case 2: case 4:
			put_text(nd, q, md_len);
			break;
		case 3:
			if (md_len == 6) {
				nd_s(nd, "\n\t  MAC ");
				put_mac(nd, q);
			} else {
				nd_s(nd, "\n\t  MAC (length invalid)");
			}
			break;
		default:
			hex_dump(nd->out, "\n\t    ", q, md_len, 0);
			break;
		}
		q += md_len;
		rem -= md_len;
	}
	unsigned ma_fmt = q[0], ma_len = q[1];
	rem -= 2;
	nd_printf(nd, "\n\t  MA Name-Format %s (%u), MA name length %u",
		  tok_name_or(ma_formats, ma_fmt, "Unknown"), ma_fmt, ma_len);
	if (ma_len > rem) {
		nd_printf(nd, " (too large, must be <= %u)", rem);
		return 0;
	}
	nd_s(nd, "\n\t  MA Name: ");
	if (ma_fmt == 2)
		put_text(nd, q + 2, ma_len);
	else
		hex_dump(nd->out, "\n\t    ", q + 2, ma_len, 0);
	return 1;
}

/* The Sender ID TLV's value (v, len bytes, captured).  Returns where the
 * next TLV starts: tcpdump resumes at its cursor when a length inside
 * does not fit, which is one byte short of the value's end after the
 * chassis ID type. */
static const uint8_t *sender_id_print(nd_t *nd, const uint8_t *v, unsigned len)
{
	const uint8_t *c = v;
	unsigned r = len;
	int hexdump = 0;
	unsigned clen = c[0];
	c++;
	r--;
	if (clen) {
		if (r < 1)
			goto too_short;
		unsigned ctype = c[0];
		r--;
		nd_printf(nd, "\n\t  Chassis-ID Type %s (%u), Chassis-ID length %u",
			  tok_name_or(chassis_types, ctype, "Unknown"), ctype, clen);
		if (r < clen)
			goto too_short;
		c++;
		switch (ctype) {
		case 4:
			if (clen != 6) {
				nd_s(nd, " (invalid MAC address length)");
				hexdump = 1;
			} else {
				nd_s(nd, "\n\t  MAC ");
				put_mac(nd, c);
			}
			break;
		case 5: {
			unsigned af = c[0];
			nd_printf(nd, "\n\t  Network Address Type %s (%u)",
				  afnum_name(af) ? afnum_name(af) : "Unknown", af);
			if (af == 1) {
				if (clen - 1 != 4) {
					nd_printf(nd, "(invalid IPv4 address length %u)", clen - 1);
					hexdump = 1;
				} else {
					nd_s(nd, ", ");
					put_ip4(nd, c + 1);
				}
			} else if (af == 2) {
				if (clen - 1 != 16) {
					nd_printf(nd, "(invalid IPv6 address length %u)", clen - 1);
					hexdump = 1;
				} else {
					nd_s(nd, ", ");
					put_ip6(nd, c + 1);
				}
			} else {
				hexdump = 1;
			}
			break;
		}
		case 1: case 2: case 3: case 6: case 7:
			put_text(nd, c, clen);
			break;
		default:
			hexdump = 1;
			break;
		}
		c += clen;
		r -= clen;
	}
	if (r == 0)
		goto done;
	unsigned dlen = c[0];
	c++;
	r--;
	nd_printf(nd, "\n\t  Management Address Domain Length %u", dlen);
	if (dlen == 0)
		goto done;
	if (r < dlen)
		goto too_short;
	hex_dump(nd->out, "\n\t  Management Address Domain: ", c, dlen, 0);
	c += dlen;
	r -= dlen;
	if (r == 0) {
		nd_s(nd, " (Management Address Length is missing)");
		return c;
	}
	unsigned alen = c[0];
	c++;
	r--;
	nd_printf(nd, "\n\t  Management Address Length %u", alen);
	if (alen == 0)
		goto done;
	if (r < alen)
		goto too_short;
	hex_dump(nd->out, "\n\t  Management Address: ", c, alen, 0);
	c += alen;
	r -= alen;
done:
	if (hexdump || nd->opt->vflag > 1)
		print_unknown_data(nd, v, "\n\t  ", r);
	return c + r;
too_short:
	nd_s(nd, "\n\t  (TLV too short)");
	return c + r;
}

static void tlvs_print(nd_t *nd, const uint8_t *p, unsigned tlen)
{
	while (tlen > 0) {
		unsigned type = nd_u8(nd, p); /* this read unwinds, as tcpdump's */
		nd_printf(nd, "\n\t%s TLV (0x%02x)", tok_name_or(tlv_names, type, "Unknown"), type);
		if (type == 0)
			return;
		if (tlen < 3)
			goto too_short;
		need(nd, p, 3);
		unsigned len = (unsigned)(p[1] << 8 | p[2]);
		nd_printf(nd, ", length %u", len);
		p += 3;
		tlen -= 3;
		if (tlen < len)
			goto too_short;
		need(nd, p, len);
		const uint8_t *next = p + len;
		int hexdump = 0;
		switch (type) {
		case 2: case 3:
			if (len < 1) {
				nd_s(nd, " (too short, must be >= 1)");
				return;
			}
			nd_printf(nd, ", Status: %s (%u)",
				  tok_name_or(type == 2 ? port_status : intf_status, p[0], "Unknown"),
				  p[0]);
			break;
		case 1:
			if (len < 1) {
				nd_s(nd, " (too short, must be >= 1)");
				break;
			}
			next = sender_id_print(nd, p, len);
			/* the TLV's own dump, if any, came with it */
			tlen -= (unsigned)(next - p);
			p = next;
			continue;
		case 31:
			if (len < 4) {
				nd_s(nd, " (too short, must be >= 4)");
				return;
			}
			{
				uint32_t oui = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
				const char *o = oui_name(oui);
				nd_printf(nd, ", Vendor: %s (%u), Sub-Type %u", o ? o : "Unknown",
					  oui, p[3]);
			}
			hexdump = 1;
			break;
		default:
			hexdump = 1;
			break;
		}
		if (hexdump || nd->opt->vflag > 1)
			print_unknown_data(nd, p, "\n\t  ", len);
		p = next;
		tlen -= len;
	}
	return;
too_short:
	nd_s(nd, "\n\t\t packet is too short");
}

struct cfm_arg { const uint8_t *p; unsigned len; };

static void cfm_body(nd_t *nd, void *arg)
{
	const struct cfm_arg *a = arg;
	const uint8_t *p = a->p;
	unsigned len = a->len;
	if (len < 4) {
		nd_s(nd, "\n\t\t packet is too short");
		return;
	}
	need(nd, p, 4);
	unsigned ver = p[0] & 0x1f, level = p[0] >> 5, op = p[1], flags = p[2],
		 fto = p[3];
	if (ver != 0) {
		nd_printf(nd, "CFMv%u not supported, length %u", ver, len);
		return;
	}
	nd_printf(nd, "CFMv%u ", ver);
	const char *on = tok_name(opcodes, op);
	if (on)
		nd_s(nd, on);
	else
		nd_printf(nd, "unknown (%u)", op);
	nd_printf(nd, ", MD Level %u, length %u", level, len);
	if (!nd->opt->vflag)
		return;
	nd_printf(nd, "\n\tFirst TLV offset %u", fto);
	const uint8_t *t = p + 4;
	unsigned tlen = len - 4;
	if (fto > tlen) {
		nd_printf(nd, " (too large, must be <= %u)", tlen);
		return;
	}
	switch (op) {
	case 1: {
		if (fto < CCM_LEN) {
			nd_printf(nd, " (too small 1, must be >= %u)", CCM_LEN);
			return;
		}
		need(nd, t, CCM_LEN);
		nd_printf(nd, ", Flags [CCM Interval %u%s]", flags & 7,
			  flags & 0x80 ? ", RDI" : "");
		double secs = ccm_secs[flags & 7];
		if (secs != 0)
			nd_printf(nd, "\n\t  CCM Interval %.3fs, min CCM Lifetime %.3fs, "
				  "max CCM Lifetime %.3fs", secs, secs * 3.25, secs * 3.5);
		nd_printf(nd, "\n\t  Sequence Number 0x%08x, MA-End-Point-ID 0x%04x",
			  nd_be32(nd, t), nd_be16(nd, t + 4));
		if (!maid_print(nd, t + 6))
			return;
		break;
	}
	case 5:
		if (fto < LTM_LEN) {
			nd_printf(nd, " (too small 4, must be >= %u)", LTM_LEN);
			return;
		}
		need(nd, t, LTM_LEN);
		nd_s(nd, ", Flags [");
		put_bits(nd, ltm_flags, flags, "none");
		nd_printf(nd, "]\n\t  Transaction-ID 0x%08x, ttl %u", nd_be32(nd, t), t[4]);
		nd_s(nd, "\n\t  Original-MAC ");
		put_mac(nd, t + 5);
		nd_s(nd, ", Target-MAC ");
		put_mac(nd, t + 11);
		break;
	case 4:
		if (fto < LTR_LEN) {
			nd_printf(nd, " (too small 5, must be >= %u)", LTR_LEN);
			return;
		}
		need(nd, t, LTR_LEN);
		nd_s(nd, ", Flags [");
		put_bits(nd, ltr_flags, flags, "none");
		nd_printf(nd, "]\n\t  Transaction-ID 0x%08x, ttl %u", nd_be32(nd, t), t[4]);
		nd_printf(nd, "\n\t  Replay-Action %s (%u)",
			  tok_name_or(relay_actions, t[5], "Unknown"), t[5]);
		break;
	default:
		print_unknown_data(nd, t, "\n\t  ", tlen - fto);
		break;
	}
	tlvs_print(nd, t + fto, tlen - fto);
}

void cfm_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "cfm");
	struct cfm_arg a = { p, len };
	nd_run_marked(nd, cfm_body, &a);
}
