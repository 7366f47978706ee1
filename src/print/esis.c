/* esis.c - ES-IS (ISO 9542): end system / intermediate system hellos and
 * redirects. */
#include "../core/names.h"
#include "osi.h"

static const struct tok esis_types[] = {
	{ 2, "ESH" }, { 4, "ISH" }, { 6, "redirect" }, { 0, NULL },
};

static const struct tok esis_opts[] = {
	{ 195, "QoS Maintenance" }, { 197, "Security" },
	{ 198, "ES Configuration Time" }, { 205, "Priority" },
	{ 225, "Address Mask" }, { 226, "SNPA Mask" },
	{ 129, "Protocols supported" }, { 0, NULL },
};

static void snpa_print(nd_t *nd, const uint8_t *p, unsigned n)
{
	nd_need(nd, p, n);
	if (n == 6) {
		put_mac_plain(nd, p);
		return;
	}
	if (n == 0) {
		nd_s(nd, "<empty>");
		return;
	}
	for (unsigned i = 0; i < n; i++) {
		if (i)
			nd_c(nd, ':');
		out_x2(nd->out, p[i]);
	}
}

void esis_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	const uint8_t *op = p;
	int e = nd->opt->eflag;
	nd_proto(nd, "esis");
	if (!e)
		nd_s(nd, "ES-IS");
	if (length <= 2) {
		nd_s(nd, nd->opt->qflag ? "bad pkt!" : "no header at all!");
		return;
	}
	nd_need(nd, p, 9);
	unsigned li = p[1], ver = p[2];
	if (p[0] != 0x82) {
		nd_printf(nd, " nlpid 0x%02x packet not supported", p[0]);
		return;
	}
	if (ver != 1) {
		nd_printf(nd, " version %u packet not supported", ver);
		return;
	}
	if (li > length) {
		nd_printf(nd, " length indicator(%u) > PDU size (%u)!", li, length);
		return;
	}
	if (li < 11) {
		nd_printf(nd, " length indicator %u < min PDU size:", li);
		while (nd_has(nd, p, 1)) {
			nd_printf(nd, "%02X", *p);
			p++;
		}
		return;
	}
	unsigned type = p[4] & 0x1f;
	const char *tn = tok_name(esis_types, type);
	if (nd->opt->vflag < 1) {
		nd_s(nd, e ? "" : ", ");
		if (tn)
			nd_s(nd, tn);
		else
			nd_printf(nd, "unknown type (%u)", type);
		nd_printf(nd, ", length %u", length);
		return;
	}
	nd_printf(nd, "%slength %u\n\t", e ? "" : ", ", length);
	if (tn)
		nd_s(nd, tn);
	else
		nd_printf(nd, "unknown type: %u", type);
	unsigned ck = nd_be16(nd, p + 7);
	nd_printf(nd, " (%u), v: %u, checksum: 0x%04x", type, ver, ck);
	osi_cksum(nd, p, ck, 7, li);
	nd_printf(nd, ", holding time: %us, length indicator: %u", nd_be16(nd, p + 5), li);
	if (nd->opt->vflag > 1)
		print_unknown_data(nd, op, "\n\t", 9);
	p += 9;
	li -= 9;
	switch (type) {
	case 6: {
		nd_need(nd, p, 1);
		if (li < 1)
			goto bad_redirect;
		unsigned dl = p[0];
		p++;
		li--;
		nd_need(nd, p, dl);
		if (li < dl)
			goto bad_redirect;
		const uint8_t *dst = p;
		p += dl;
		li -= dl;
		nd_s(nd, "\n\t  ");
		osi_nsap(nd, dst, dl);
		nd_need(nd, p, 1);
		if (li < 1)
			goto bad_redirect;
		unsigned sl = p[0];
		p++;
		li--;
		nd_need(nd, p, sl);
		if (li < sl)
			goto bad_redirect;
		const uint8_t *snpa = p;
		p += sl;
		li -= sl;
		nd_need(nd, p, 1);
		if (li < 1)
			goto bad_redirect;
		unsigned nl = p[0];
		p++; /* the length octet is not taken from li */
		nd_need(nd, p, nl);
		if (li < nl)
			goto bad_redirect;
		const uint8_t *net = p;
		p += nl;
		li -= nl;
		nd_printf(nd, "\n\t  SNPA (length: %u): ", sl);
		snpa_print(nd, snpa, sl);
		if (nl) {
			nd_printf(nd, "\n\t  NET (length: %u) ", nl);
			osi_nsap(nd, net, nl);
		}
		break;
bad_redirect:
		nd_s(nd, ", bad redirect/li");
		return;
	}
	case 2: {
		nd_need(nd, p, 1);
		if (li < 1)
			goto bad_esh;
		unsigned n = p[0];
		p++;
		li--;
		nd_printf(nd, "\n\t  Number of Source Addresses: %u", n);
		while (n > 0) {
			nd_need(nd, p, 1);
			if (li < 1)
				goto bad_esh;
			unsigned al = p[0];
			p++;
			li--;
			nd_need(nd, p, al);
			if (li < al)
				goto bad_esh;
			nd_printf(nd, "\n\t  NET (length: %u): ", al);
			osi_nsap(nd, p, al);
			p += al;
			li -= al;
			n--;
		}
		break;
bad_esh:
		nd_s(nd, ", bad esh/li");
		return;
	}
	case 4: {
		nd_need(nd, p, 1);
		if (li < 1) {
			nd_s(nd, ", bad ish/li");
			return;
		}
		unsigned al = p[0];
		p++;
		li--;
		nd_need(nd, p, al);
		if (li < al) {
			nd_s(nd, ", bad ish/li");
			return;
		}
		nd_printf(nd, "\n\t  NET (length: %u): ", al);
		osi_nsap(nd, p, al);
		p += al;
		li -= al;
		break;
	}
	default:
		if (nd->opt->vflag <= 1 && nd_avail(nd, p) > 0)
			print_unknown_data(nd, p, "\n\t  ", (unsigned)nd_avail(nd, p));
		return;
	}
	while (li != 0) {
		if (li < 2) {
			nd_s(nd, ", bad opts/li");
			return;
		}
		unsigned o = nd_u8(nd, p), ol = nd_u8(nd, p + 1);
		p += 2;
		li -= 2;
		if (ol > li) {
			nd_printf(nd, ", opt (%u) too long", o);
			return;
		}
		li -= ol;
		const char *on = tok_name(esis_opts, o);
		nd_printf(nd, "\n\t  %s Option #%u, length %u, value: ", on ? on : "Unknown", o, ol);
		const uint8_t *t = p;
		if (o == 198) {
			if (ol == 2)
				nd_printf(nd, "%us", nd_be16(nd, t));
			else
				nd_s(nd, "(bad length)");
		} else if (o == 129) {
			for (unsigned k = ol; k > 0; k--, t++) {
				unsigned v = nd_u8(nd, t);
				const char *s = osi_nlpid_name(v);
				nd_printf(nd, "%s (0x%02x)", s ? s : "unknown", v);
				if (k > 1)
					nd_s(nd, ", ");
			}
		} else {
			print_unknown_data(nd, t, "\n\t  ", ol);
		}
		if (nd->opt->vflag > 1) /* the NLPID list used up its length */
			print_unknown_data(nd, p, "\n\t  ", o == 129 ? 0 : ol);
		p += ol;
	}
}
