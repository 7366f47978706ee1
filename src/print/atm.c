/* atm.c - LLC-encapsulated ATM (DLT_ATM_RFC1483, RFC 2684): Cisco-style
 * NLPID, an old 802.6 MAC header from the Fore driver, or LLC. */
#include "print.h"

unsigned atm_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "atm");
	unsigned hdrlen = 0;
	if (nd_u8(nd, p) == 0x03) {
		if (nd->opt->eflag)
			nd_s(nd, "CNLPID ");
		ethertype_print(nd, 0xfefe, p + 1, len - 1);
		return 1;
	}
	uint32_t llchdr = nd_be24(nd, p);
	if (llchdr != 0xaaaa03 && llchdr != 0xfefe03 && llchdr != 0x060603) {
		/* presumably an 802.6 MAC header */
		if (caplen < 20) {
			nd_print_trunc(nd);
			return 0;
		}
		if (nd->opt->eflag)
			nd_printf(nd, "%08x%08x %08x%08x ", nd_be32(nd, p), nd_be32(nd, p + 4),
				  nd_be32(nd, p + 8), nd_be32(nd, p + 12));
		len -= 20;
		caplen -= 20;
		p += 20;
		hdrlen += 20;
	}
	return hdrlen + llc_if_print(nd, p, caplen, len);
}
