/* sll.c - Linux "cooked" captures: v1 (DLT_LINUX_SLL, 16-byte header) and
 * v2 (DLT_LINUX_SLL2, 20 bytes with the interface index). */
#include <net/if.h>

#include "../core/ethertype.h"
#include "../core/names.h"
#include "print.h"

#define SLL_HDR_LEN 16
#define SLL2_HDR_LEN 20
#define MAX_ETHERNET_LENGTH_VAL 1500

#define SLL_P_802_3 0x0001
#define SLL_P_802_2 0x0004

static const char *pkttype_name(unsigned t)
{
	switch (t) {
	case 0: return "In";
	case 1: return "B";
	case 2: return "M";
	case 3: return "P";
	case 4: return "Out";
	}
	return "?";
}

/* "ethertype X (0x....), length N: " (nothing with -q). */
static void sll_type_len(nd_t *nd, unsigned type, unsigned length)
{
	if (nd->opt->qflag)
		return;
	if (type <= MAX_ETHERNET_LENGTH_VAL) {
		switch (type) {
		case SLL_P_802_3:
			nd_s(nd, "802.3");
			break;
		case SLL_P_802_2:
			nd_s(nd, "802.2");
			break;
		default:
			nd_s(nd, "ethertype Unknown (0x");
			out_x(nd->out, type, 4);
			nd_c(nd, ')');
			break;
		}
	} else {
		const char *s = ethertype_name(type);
		nd_s(nd, "ethertype ");
		nd_s(nd, s ? s : "Unknown");
		nd_s(nd, " (0x");
		out_x(nd->out, type, 4);
		nd_c(nd, ')');
	}
	nd_s(nd, ", length ");
	nd_u(nd, length);
	nd_s(nd, ": ");
}

static void sll1_header(nd_t *nd, const uint8_t *h, unsigned length)
{
	nd_printf(nd, "%3s ", pkttype_name(nd_be16(nd, h)));
	if (nd_be16(nd, h + 4) == 6) {
		put_mac(nd, h + 6);
		nd_c(nd, ' ');
	}
	sll_type_len(nd, nd_be16(nd, h + 14), length);
}

static void sll2_header(nd_t *nd, const uint8_t *h, unsigned length)
{
	{
		unsigned v0 = nd_be32(nd, h + 4);
		nd_s(nd, "ifindex ");
		nd_u(nd, v0);
		nd_c(nd, ' ');
	}
	if (nd_u8(nd, h + 11) == 6) {
		put_mac(nd, h + 12);
		nd_c(nd, ' ');
	}
	sll_type_len(nd, nd_be16(nd, h), length);
}

/* The payload after either header; type is the protocol field. */
static unsigned sll_payload(nd_t *nd, const uint8_t *hdr, unsigned hdrlen,
                            void (*header)(nd_t *, const uint8_t *, unsigned),
                            unsigned type, const uint8_t *p, unsigned caplen,
                            unsigned length)
{
	unsigned base = hdrlen;
	for (;;) {
		if (type <= MAX_ETHERNET_LENGTH_VAL) {
			if (type == SLL_P_802_3) {
				ipx_print(nd, p, length);
				return hdrlen;
			} else if (type == SLL_P_802_2) {
				int l = llc_print(nd, p, length, caplen, NULL, NULL);
				if (l >= 0)
					return hdrlen + (unsigned)l;
			}
			if (!suppress_default(nd))
				link_default_print(nd, p, caplen);
			return hdrlen;
		}
		if (type == ET_8021Q) {
			if (caplen < 4) {
				nd_proto(nd, "vlan");
				nd_print_trunc(nd);
				return hdrlen + caplen;
			}
			if (length < 4) {
				nd_proto(nd, "vlan");
				nd_print_invalid(nd);
				return hdrlen + length;
			}
			if (nd->opt->eflag) {
				unsigned tci = nd_be16(nd, p);
				nd_s(nd, "vlan ");
				nd_u(nd, tci & 0xfff);
				nd_s(nd, ", p ");
				nd_u(nd, tci >> 13);
				nd_s(nd, tci & 0x1000 ? ", DEI" : "");
				nd_s(nd, ", ");
			}
			type = nd_be16(nd, p + 2);
			if (type <= MAX_ETHERNET_LENGTH_VAL)
				type = SLL_P_802_2;
			if (!nd->opt->qflag) {
				const char *s = ethertype_name(type);
				nd_s(nd, "ethertype ");
				nd_s(nd, s ? s : "Unknown");
				nd_s(nd, ", ");
			}
			p += 4;
			length -= 4;
			caplen -= 4;
			hdrlen += 4;
			continue;
		}
		if (!ethertype_print(nd, type, p, length)) {
			if (!nd->opt->eflag)
				header(nd, hdr, length + base);
			if (!suppress_default(nd))
				link_default_print(nd, p, caplen);
		}
		return hdrlen;
	}
}

unsigned sll_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "sll");
	if (caplen < SLL_HDR_LEN) {
		nd_print_trunc(nd);
		return 0;
	}
	if (nd->opt->eflag)
		sll1_header(nd, p, len);
	unsigned type = nd_be16(nd, p + 14);
	return sll_payload(nd, p, SLL_HDR_LEN, sll1_header, type, p + SLL_HDR_LEN,
			   caplen - SLL_HDR_LEN, len - SLL_HDR_LEN);
}

unsigned sll2_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "sll2");
	if (caplen < SLL2_HDR_LEN) {
		nd_print_trunc(nd);
		return 0;
	}
	char ifname[IF_NAMESIZE + 1];
	if (!if_indextoname(nd_be32(nd, p + 4), ifname)) {
		ifname[0] = '?';
		ifname[1] = 0;
	}
	nd_printf(nd, "%-5s ", ifname);
	nd_printf(nd, "%-3s ", pkttype_name(nd_u8(nd, p + 10)));
	if (nd->opt->eflag)
		sll2_header(nd, p, len);
	unsigned type = nd_be16(nd, p);
	return sll_payload(nd, p, SLL2_HDR_LEN, sll2_header, type, p + SLL2_HDR_LEN,
			   caplen - SLL2_HDR_LEN, len - SLL2_HDR_LEN);
}
