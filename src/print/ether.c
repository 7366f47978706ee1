/* ether.c - Ethernet II and 802.3 framing, 802.1Q/QinQ tags. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define ETHER_HDRLEN 14
#define MAX_8023_LEN 1500

static int is_vlan(unsigned t)
{
	return t == 0x8100 || t == 0x9100 || t == 0x9200 || t == 0x88a8;
}

static void ether_type_print(nd_t *nd, unsigned type)
{
	const char *name = ethertype_name(type);
	if (!nd->opt->qflag) {
		nd_printf(nd, "ethertype %s (0x%04x)", name ? name : "Unknown", type);
	} else if (name) {
		nd_s(nd, name);
	} else {
		nd_printf(nd, "Unknown Ethertype (0x%04x)", type);
	}
}

static void addresses(nd_t *nd, const uint8_t *p)
{
	put_mac(nd, p + 6);
	nd_s(nd, " > ");
	put_mac(nd, p);
	nd_s(nd, ", ");
}

/* 802.1Q tag control information: "vlan N, p P[, DEI]". */
static void vlan_tci(nd_t *nd, unsigned tci)
{
	nd_s(nd, "vlan ");
	nd_u(nd, tci & 0xfff);
	nd_s(nd, ", p ");
	nd_u(nd, tci >> 13);
	if (tci & 0x1000)
		nd_s(nd, ", DEI");
	nd_s(nd, ", ");
}

unsigned ether_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                        unsigned len)
{
	nd_proto(nd, "ether");
	if (len < caplen) {
		nd_printf(nd, "[length %u < caplen %u]", len, caplen);
		nd_print_invalid(nd);
		return len;
	}
	if (caplen < ETHER_HDRLEN) {
		nd_print_trunc(nd);
		return caplen;
	}
	const uint8_t *frame = p;
	unsigned orig_len = len;
	int eflag = nd->opt->eflag;
	if (eflag)
		addresses(nd, frame);
	unsigned type = nd_be16(nd, p + 12);
	p += ETHER_HDRLEN;
	len -= ETHER_HDRLEN;
	caplen -= ETHER_HDRLEN;
	unsigned hdrlen = ETHER_HDRLEN;
	int printed_length = 0;

	while (is_vlan(type)) {
		if (caplen < 4 || len < 4) {
			nd_proto(nd, "vlan");
			nd_print_trunc(nd);
			return hdrlen + (caplen < len ? caplen : len);
		}
		if (eflag) {
			unsigned tci = nd_be16(nd, p);
			ether_type_print(nd, type);
			if (!printed_length) {
				nd_printf(nd, ", length %u: ", orig_len);
				printed_length = 1;
			} else {
				nd_s(nd, ", ");
			}
			vlan_tci(nd, tci);
		}
		type = nd_be16(nd, p + 2);
		p += 4;
		len -= 4;
		caplen -= 4;
		hdrlen += 4;
	}

	if (type <= MAX_8023_LEN) {
		/* a length: an 802.3 frame carrying LLC */
		unsigned plen = type;
		if (eflag) {
			nd_s(nd, "802.3");
			if (!printed_length)
				nd_printf(nd, ", length %u: ", plen);
		}
		if (plen < len) {
			len = plen;
			if (caplen > plen)
				caplen = plen;
		}
		llc_print(nd, p, len, caplen, frame + 6, frame);
		return hdrlen;
	}
	if (eflag) {
		ether_type_print(nd, type);
		if (!printed_length)
			nd_printf(nd, ", length %u: ", orig_len);
		else
			nd_s(nd, ", ");
	}
	if (!ethertype_print(nd, type, p, len)) {
		if (!eflag) {
			addresses(nd, frame);
			ether_type_print(nd, type);
			nd_printf(nd, ", length %u: ", orig_len);
		}
		if (!(nd->opt->xflag || nd->opt->Xflag || nd->opt->Aflag))
			hex_ascii_dump(nd->out, "\n\t", p, caplen, 0);
	}
	return hdrlen;
}

int ethertype_print(nd_t *nd, unsigned type, const uint8_t *p, unsigned len)
{
	ether_fn fn = dispatch_ether(type);
	if (!fn)
		return 0;
	if (++nd->depth > ND_MAX_DEPTH) {
		nd_s(nd, " [too many encapsulations]");
		return 1;
	}
	fn(nd, p, len);
	nd->depth--;
	return 1;
}
