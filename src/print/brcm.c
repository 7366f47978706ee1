/* brcm.c - Broadcom switch tags (4 bytes), either between the source MAC
 * address and the ethertype or prepended to the frame.  The fields are
 * decoded exactly as tcpdump 4.99 shows them, including its reading of the
 * ingress fields one byte later than the hardware layout. */
#include "print.h"

#define BRCM_TAG_LEN 4

static const char *const te_names[4] = { "None", "Untag", "Header", "Reserved" };

static const char *rc_name(unsigned rc)
{
	switch (rc) {
	case 0x01: return "mirror";
	case 0x02: return "MAC learning";
	case 0x04: return "switching";
	case 0x08: return "prot term";
	case 0x10: return "prot snoop";
	case 0x20: return "exception";
	}
	return "reserved";
}

static void brcm_tag(nd_t *nd, const uint8_t *t)
{
	unsigned b0 = nd_u8(nd, t), b1 = nd_u8(nd, t + 1), b2 = nd_u8(nd, t + 2),
		 b3 = nd_u8(nd, t + 3);
	nd_printf(nd, "BRCM tag OP: %s", b0 ? "IG" : "EG");
	if (b0 & 0x20) {
		nd_printf(nd, ", TC: %u, TE: %s, TS: %u, DST map: 0x%04x",
			  (b1 >> 2) & 7, te_names[b1 & 3], b1 >> 7,
			  (b2 & 1) << 8 | b3);
	} else {
		nd_printf(nd, ", CID: %u, RC: %s, TC: %u, port: %u", b1, rc_name(b2),
			  b3 >> 5, b3 & 0x1f);
	}
	nd_s(nd, ", ");
}

unsigned brcm_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "brcm-tag");
	return ether_common(nd, p, caplen, len, BRCM_TAG_LEN, brcm_tag, NULL);
}

unsigned brcm_prepend_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                               unsigned len)
{
	nd_proto(nd, "brcm-tag-prepend");
	if (caplen < BRCM_TAG_LEN) {
		nd_print_trunc(nd);
		return 0;
	}
	if (len < BRCM_TAG_LEN) {
		nd_print_invalid(nd);
		return len;
	}
	if (nd->opt->eflag)
		brcm_tag(nd, p);
	nd_proto(nd, "ether");
	return BRCM_TAG_LEN + ether_common(nd, p + BRCM_TAG_LEN, caplen - BRCM_TAG_LEN,
					   len - BRCM_TAG_LEN, 0, NULL, NULL);
}
