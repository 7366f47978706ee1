/* macsec.c - IEEE 802.1AE MACsec SecTAG, processed inside the Ethernet
 * walker: an encrypted or modified payload is dumped, otherwise the frame
 * goes on with the ethertype after the SecTAG. */
#include "../core/names.h"
#include "print.h"

#define SECTAG_NOSCI 6
#define SECTAG_SCI 14
#define ICV_LEN 16

#define TCI_V 0x80
#define TCI_ES 0x40
#define TCI_SC 0x20
#define TCI_SCB 0x10
#define TCI_E 0x08
#define TCI_C 0x04
#define SL_MASK 0x3f

static void sectag_print(nd_t *nd, const uint8_t *p, unsigned sl)
{
	unsigned tci = nd_u8(nd, p);
	nd_printf(nd, "an %u, pn %u, flags ", tci & 3, nd_be32(nd, p + 2));
	static const struct { unsigned bit; char c; } f[] = {
		{ TCI_E, 'E' }, { TCI_C, 'C' }, { TCI_ES, 'S' }, { TCI_SCB, 'B' },
		{ TCI_SC, 'I' },
	};
	int any = 0;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (tci & f[i].bit) {
			nd_c(nd, f[i].c);
			any = 1;
		}
	if (!any)
		nd_s(nd, "none");
	if (sl)
		nd_printf(nd, ", sl %u", sl);
	if (tci & TCI_SC)
		nd_printf(nd, ", sci %016llx", (unsigned long long)nd_be64(nd, p + 6));
	nd_s(nd, ", ");
}

/* Returns 0 when the caller should go on with the updated *pp, *lenp,
 * *caplenp, *hdrlenp; otherwise the link header length to return. */
unsigned macsec_print(nd_t *nd, const uint8_t **pp, unsigned *lenp,
                      unsigned *caplenp, unsigned *hdrlenp,
                      const uint8_t *src, const uint8_t *dst)
{
	const uint8_t *tag = *pp;
	const uint8_t *p = *pp;
	unsigned length = *lenp, caplen = *caplenp, hdrlen = *hdrlenp;
	nd_proto(nd, "macsec");
	if (caplen < SECTAG_NOSCI || length < SECTAG_NOSCI) {
		nd_print_trunc(nd);
		return hdrlen + caplen;
	}
	unsigned tci = nd_u8(nd, p), sectag_len = SECTAG_NOSCI;
	if (tci & TCI_SC) {
		sectag_len = SECTAG_SCI;
		if (caplen < SECTAG_SCI || length < SECTAG_SCI) {
			nd_print_trunc(nd);
			return hdrlen + caplen;
		}
	}
	unsigned slb = nd_u8(nd, p + 1);
	if ((slb & ~SL_MASK) || (tci & TCI_V)) {
		nd_print_invalid(nd);
		return hdrlen + caplen;
	}
	unsigned sl = slb & SL_MASK;
	if (nd->opt->eflag)
		sectag_print(nd, p, sl);
	p += sectag_len;
	length -= sectag_len;
	caplen -= sectag_len;
	hdrlen += sectag_len;
	if (sl) {
		if (length < sl + ICV_LEN) {
			nd_print_trunc(nd);
			return hdrlen + caplen;
		}
		length = sl + ICV_LEN;
		if (caplen > length)
			caplen = length;
	}
	if (tci & (TCI_E | TCI_C)) {
		/* encrypted or modified: the payload and ICV, undecoded */
		if (!nd->opt->eflag) {
			put_mac(nd, src);
			nd_s(nd, " > ");
			put_mac(nd, dst);
			nd_s(nd, " 802.1AE MACsec, ");
			sectag_print(nd, tag, sl);
		}
		if (!suppress_default(nd))
			link_default_print(nd, p, caplen);
		return hdrlen;
	}
	if (length < ICV_LEN || caplen < ICV_LEN) {
		nd_print_trunc(nd);
		return hdrlen + caplen;
	}
	length -= ICV_LEN;
	caplen -= ICV_LEN;
	*pp = p;
	*lenp = length;
	*caplenp = caplen;
	*hdrlenp = hdrlen;
	return 0;
}
