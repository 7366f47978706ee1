/* ip6opts.c - IPv6 Hop-by-Hop and Destination Options headers (RFC 8200),
 * with the Jumbo Payload (RFC 2675), Router Alert (RFC 2711) and Home
 * Address (RFC 6275) options. */
#include "../core/names.h"
#include "print.h"

#define OPT_PAD1 0x00
#define OPT_PADN 0x01
#define OPT_RTALERT 0x05
#define OPT_JUMBO 0xc2
#define OPT_HOMEADDR 0xc9

/* Sub-options of the Home Address option (printed with -v only). */
static void sub_options(nd_t *nd, const uint8_t *p, unsigned len)
{
	unsigned i = 0;
	while (i < len) {
		unsigned type = nd_u8(nd, p + i), olen;
		if (type == OPT_PAD1) {
			olen = 1;
		} else {
			if (i + 1 >= len)
				nd_mark_trunc(nd);
			olen = nd_u8(nd, p + i + 1) + 2u;
		}
		if (i + olen > len)
			nd_mark_trunc(nd);
		switch (type) {
		case OPT_PAD1:
			nd_s(nd, ", pad1");
			break;
		case OPT_PADN:
			nd_s(nd, ", padn");
			break;
		default:
			nd_printf(nd, ", sopt_type 0x%02x: len=%u", type, olen - 2);
			break;
		}
		i += olen;
	}
}

/* The options of one header.  An option that does not fit ends the walk
 * with the marker and a normal return, as tcpdump (the -x dumps then skip
 * the link header); the header itself was captured whole. */
static void options(nd_t *nd, const uint8_t *p, unsigned len, int is_hbh,
                    struct ip6_walk *w)
{
	int v = nd->opt->vflag != 0;
	int seen = 0; /* a Jumbo Payload option earlier in this header */
	unsigned i = 0;
	while (i < len) {
		unsigned type = nd_u8(nd, p + i), olen;
		if (type == OPT_PAD1) {
			olen = 1;
		} else {
			if (i + 1 >= len)
				nd_mark_trunc(nd);
			olen = nd_u8(nd, p + i + 1) + 2u;
		}
		if (i + olen > len)
			nd_mark_trunc(nd);
		const uint8_t *o = p + i;
		switch (type) {
		case OPT_PAD1:
			if (v)
				nd_s(nd, "(pad1)");
			break;
		case OPT_PADN:
			if (len - i < 2) {
				nd_s(nd, "(padn: trunc)");
				nd_mark_trunc(nd);
			}
			if (v)
				nd_s(nd, "(padn)");
			break;
		case OPT_RTALERT:
			if (len - i < 4) {
				nd_s(nd, "(rtalert: trunc)");
				nd_mark_trunc(nd);
			}
			if (olen != 4) {
				nd_printf(nd, "(rtalert: invalid len %u)", olen - 2);
				nd_mark_trunc(nd);
			}
			if (v)
				nd_printf(nd, "(rtalert: 0x%04x) ", nd_be16(nd, o + 2));
			break;
		case OPT_JUMBO: {
			if (len - i < 6) {
				nd_s(nd, "(jumbo: trunc)");
				nd_mark_trunc(nd);
			}
			if (olen != 6) {
				nd_printf(nd, "(jumbo: invalid len %u)", olen - 2);
				nd_mark_trunc(nd);
			}
			uint32_t jl = nd_be32(nd, o + 2);
			const char *why = NULL;
			if (seen) {
				why = " - already seen";
			} else {
				seen = 1;
				if (!is_hbh) {
					why = " - not a hop-by-hop option";
				} else if (w->plen != 0) {
					why = " - payload len != 0";
				} else if (jl < 65536) {
					why = " - < 65536";
				} else {
					w->found_jumbo = 1;
					w->jumbo = jl;
				}
			}
			if (v)
				nd_printf(nd, "(jumbo: %u%s) ", jl, why ? why : "");
			break;
		}
		case OPT_HOMEADDR:
			if (len - i < 18) {
				nd_s(nd, "(homeaddr: trunc)");
				nd_mark_trunc(nd);
			}
			if (olen < 18) {
				nd_printf(nd, "(homeaddr: invalid len %u)", olen - 2);
				nd_mark_trunc(nd);
			}
			if (v) {
				nd_s(nd, "(homeaddr: ");
				put_ip6(nd, o + 2);
				if (olen > 18)
					sub_options(nd, o + 18, olen - 18);
				nd_c(nd, ')');
			}
			break;
		default:
			if (v)
				nd_printf(nd, "(opt_type 0x%02x: len=%u)", type, olen - 2);
			break;
		}
		i += olen;
	}
	if (v)
		nd_c(nd, ' ');
}

struct opts_arg {
	const uint8_t *p;
	unsigned len;
	int is_hbh;
	struct ip6_walk *w;
	int done;
};

static void opts_body(nd_t *nd, void *arg)
{
	struct opts_arg *a = arg;
	options(nd, a->p, a->len, a->is_hbh, a->w);
	a->done = 1;
}

static int opts_header(nd_t *nd, const uint8_t *cp, struct ip6_walk *w,
                       int is_hbh)
{
	nd_proto(nd, is_hbh ? "hbhopt" : "dstopt");
	unsigned hlen = (nd_u8(nd, cp + 1) + 1u) * 8;
	if (!nd_has(nd, cp, hlen)) { /* marked, not unwound: dumps skip the link header */
		nd_print_trunc(nd);
		return -1;
	}
	nd_s(nd, is_hbh ? "HBH " : "DSTOPT ");
	/* Hop-by-Hop options are always walked (a Jumbo Payload option
	 * changes the length); Destination options only to be shown. */
	if (is_hbh || nd->opt->vflag) {
		struct opts_arg a = { cp + 2, hlen - 2, is_hbh, w, 0 };
		nd_run_marked(nd, opts_body, &a);
		if (!a.done)
			return -1;
	}
	return (int)hlen;
}

int ip6_hbhopt_print(nd_t *nd, const uint8_t *cp, struct ip6_walk *w)
{
	return opts_header(nd, cp, w, 1);
}

int ip6_dstopt_print(nd_t *nd, const uint8_t *cp, struct ip6_walk *w)
{
	return opts_header(nd, cp, w, 0);
}
