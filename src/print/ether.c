/* ether.c - Ethernet II and 802.3 framing, 802.1Q/QinQ tags, and the
 * common frame walker that switch-tag link types (DSA, EDSA, Broadcom)
 * reuse. */
#include "../core/ethertype.h"
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define ETHER_HDRLEN 14
#define MAX_8023_LEN 1500

/* "ethertype NAME (0x....)", or with -q only the name. */
void ether_type_print(nd_t *nd, unsigned type)
{
	const char *name = ethertype_name(type);
	if (!nd->opt->qflag) {
		nd_s(nd, "ethertype ");
		nd_s(nd, name ? name : "Unknown");
		nd_s(nd, " (0x");
		out_x(nd->out, type, 4);
		nd_c(nd, ')');
	} else if (name) {
		nd_s(nd, name);
	} else {
		nd_s(nd, "Unknown Ethertype (0x");
		out_x(nd->out, type, 4);
		nd_c(nd, ')');
	}
}

static void addresses(nd_t *nd, const uint8_t *src, const uint8_t *dst)
{
	put_mac(nd, src);
	nd_s(nd, " > ");
	put_mac(nd, dst);
	nd_s(nd, ", ");
}

/* tcpdump's default printer for undecoded bytes: hex and ASCII of what was
 * captured of len bytes, then the truncation marker if some were missing. */
void link_default_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	int trunc = len > avail;
	hex_ascii_dump(nd->out, "\n\t", p, trunc ? (unsigned)avail : len, 0);
	if (trunc)
		nd_trunc(nd); /* unwinds, as tcpdump's: dumps show the whole frame */
}

/* -x, -X and -q leave undecoded payloads undumped. */
int suppress_default(const nd_t *nd)
{
	return nd->opt->xflag || nd->opt->Xflag || nd->opt->qflag;
}

/* 802.1Q tag control information. */
static void vlan_tci(nd_t *nd, unsigned tci)
{
	nd_s(nd, "vlan ");
	nd_u(nd, tci & 0xfff);
	nd_s(nd, ", p ");
	nd_u(nd, tci >> 13);
	if (tci & 0x1000)
		nd_s(nd, ", DEI");
}

unsigned ether_common(nd_t *nd, const uint8_t *p, unsigned caplen,
                      unsigned len, unsigned tag_len,
                      void (*tag_fn)(nd_t *, const uint8_t *),
                      void (*encap_fn)(nd_t *, const uint8_t *))
{
	if (len < caplen) {
		nd_s(nd, "[length ");
		nd_u(nd, len);
		nd_s(nd, " < caplen ");
		nd_u(nd, caplen);
		nd_c(nd, ']');
		nd_print_invalid(nd);
		return len;
	}
	if (caplen < ETHER_HDRLEN + tag_len) {
		nd_print_trunc(nd);
		return caplen;
	}
	if (encap_fn)
		encap_fn(nd, p);
	const uint8_t *dst = p, *src = p + 6;
	unsigned orig_len = len;
	int eflag = nd->opt->eflag;
	unsigned type = nd_be16(nd, p + 12 + tag_len);
	if (eflag)
		addresses(nd, src, dst);
	p += 12;
	len -= 12;
	caplen -= 12;
	unsigned hdrlen = 12;
	if (tag_len) {
		if (tag_fn)
			tag_fn(nd, p);
		p += tag_len;
		len -= tag_len;
		caplen -= tag_len;
		hdrlen += tag_len;
	}
	p += 2;
	len -= 2;
	caplen -= 2;
	hdrlen += 2;

	int printed_length = 0;
	if (type == ET_MACSEC) {
		if (eflag) {
			ether_type_print(nd, type);
			nd_s(nd, ", length ");
			nd_u(nd, orig_len);
			nd_s(nd, ": ");
			printed_length = 1;
		}
		unsigned r = macsec_print(nd, &p, &len, &caplen, &hdrlen, src, dst);
		if (r)
			return r;
		if (caplen < 2) {
			nd_proto(nd, "ether");
			nd_print_trunc(nd);
			return hdrlen + caplen;
		}
		type = nd_be16(nd, p);
		p += 2;
		len -= 2;
		caplen -= 2;
		hdrlen += 2;
	}
	for (unsigned rounds = 0;; rounds++) {
	while (ethertype_is_vlan(type)) {
		if (caplen < 4) {
			nd_proto(nd, "vlan");
			nd_print_trunc(nd);
			return hdrlen + caplen;
		}
		if (len < 4) {
			nd_proto(nd, "vlan");
			nd_print_invalid(nd);
			return hdrlen + len;
		}
		if (eflag) {
			unsigned tci = nd_be16(nd, p);
			ether_type_print(nd, type);
			if (!printed_length) {
				nd_s(nd, ", length ");
				nd_u(nd, orig_len);
				nd_s(nd, ": ");
				printed_length = 1;
			} else {
				nd_s(nd, ", ");
			}
			vlan_tci(nd, tci);
			nd_s(nd, ", ");
		}
		type = nd_be16(nd, p + 2);
		p += 4;
		len -= 4;
		caplen -= 4;
		hdrlen += 4;
	}

	if (type <= MAX_8023_LEN) {
		/* a length: an 802.3 frame carrying LLC */
		if (type < len) {
			len = type;
			if (caplen > len)
				caplen = len;
		}
		const uint8_t *old = nd_narrow(nd, p, len);
		if (eflag) {
			nd_s(nd, "802.3");
			if (!printed_length) {
				nd_s(nd, ", length ");
				nd_u(nd, len);
				nd_s(nd, ": ");
			}
		}
		int llc_len = llc_print(nd, p, len, caplen, src, dst);
		if (llc_len < 0) {
			if (!suppress_default(nd))
				link_default_print(nd, p, caplen);
			llc_len = -llc_len;
		}
		nd_restore(nd, old);
		return hdrlen + (unsigned)llc_len;
	}
	if (type == ET_JUMBO) {
		/* Alteon jumbo frames: an LLC header follows the type */
		int llc_len = llc_print(nd, p, len, caplen, src, dst);
		if (llc_len < 0) {
			if (!suppress_default(nd))
				link_default_print(nd, p, caplen);
			llc_len = -llc_len;
		}
		return hdrlen + (unsigned)llc_len;
	}
	if (type == ET_ARISTA && rounds < ND_MAX_DEPTH) {
		/* Arista vendor header, then another ethertype */
		if (caplen < 2 || len < 2) {
			nd_s(nd, "[|arista]");
			return hdrlen + (caplen < len ? caplen : len);
		}
		ether_type_print(nd, type);
		nd_s(nd, ", length ");
		nd_u(nd, orig_len);
		nd_s(nd, ": ");
		unsigned used = arista_print(nd, p, len);
		if (used == 0) {
			if (!eflag) {
				addresses(nd, src, dst);
				ether_type_print(nd, type);
				nd_s(nd, ", length ");
				nd_u(nd, orig_len);
				nd_s(nd, ": ");
			}
			if (!suppress_default(nd))
				link_default_print(nd, p, caplen);
			return hdrlen;
		}
		p += used;
		len -= used;
		caplen -= used;
		hdrlen += used;
		type = nd_be16(nd, p);
		p += 2;
		len -= 2;
		caplen -= 2;
		hdrlen += 2;
		printed_length = 0;
		continue;
	}
	break;
	}
	if (type == ET_OSI) { /* OSI: one octet precedes the NLPID */
		if (eflag) {
			ether_type_print(nd, type);
			if (!printed_length) {
				nd_s(nd, ", length ");
				nd_u(nd, orig_len);
				nd_s(nd, ": ");
			} else
				nd_s(nd, ", ");
		}
		isoclns_ether_print(nd, p, len);
		return hdrlen;
	}
	if (eflag) {
		ether_type_print(nd, type);
		if (!printed_length) {
			nd_s(nd, ", length ");
			nd_u(nd, orig_len);
			nd_s(nd, ": ");
		} else
			nd_s(nd, ", ");
	}
	if (type == ET_CALM_FAST) {
		/* CALM FAST names the source address */
		calm_fast_print_src(nd, p, len, src);
		return hdrlen;
	}
	if (type == ET_GEONET || type == ET_GEONET_OLD) {
		/* so does GeoNetworking */
		geonet_ether_print(nd, p, len, src);
		return hdrlen;
	}
	if (!ethertype_print(nd, type, p, len)) {
		if (!eflag) {
			addresses(nd, src, dst);
			ether_type_print(nd, type);
			nd_s(nd, ", length ");
			nd_u(nd, orig_len);
			nd_s(nd, ": ");
		}
		if (!suppress_default(nd))
			link_default_print(nd, p, caplen);
	}
	return hdrlen;
}

unsigned ether_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                        unsigned len)
{
	nd_proto(nd, "ether");
	return ether_common(nd, p, caplen, len, 0, NULL, NULL);
}

/* An Ethernet frame carried inside something else (VXLAN, Geneve, GRE
 * transparent bridging ...): its captured part is what remains. */
unsigned ether_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	unsigned caplen = avail < len ? (unsigned)avail : len;
	nd_proto(nd, "ether");
	return ether_common(nd, p, caplen, len, 0, NULL, NULL);
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
