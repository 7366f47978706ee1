/* llc.c - IEEE 802.2 LLC headers after an 802.3 length field. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

void llc_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned caplen,
               const uint8_t *src, const uint8_t *dst)
{
	(void)len;
	nd_proto(nd, "llc");
	if (!nd->opt->eflag) {
		put_mac(nd, src);
		nd_s(nd, " > ");
		put_mac(nd, dst);
		nd_s(nd, ", ");
	}
	unsigned dsap = nd_u8(nd, p), ssap = nd_u8(nd, p + 1);
	nd_printf(nd, "LLC, dsap Unknown (0x%02x) Individual, ssap Unknown (0x%02x) Command, ctrl 0x%02x: ",
		  dsap & 0xfe, ssap & 0xfe, nd_u8(nd, p + 2));
	if (!(nd->opt->xflag || nd->opt->Xflag || nd->opt->Aflag))
		hex_ascii_dump(nd->out, "\n\t", p, caplen, 0);
}
