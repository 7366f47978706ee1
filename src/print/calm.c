/* calm.c - CALM FAST (ISO 21218) over Ethernet type 0x1111: two network
 * reference bytes, then (with -v) the undecoded data. */
#include "../core/names.h"
#include "print.h"

void calm_fast_print_src(nd_t *nd, const uint8_t *bp, unsigned length,
                         const uint8_t *src)
{
	nd_proto(nd, "calm_fast");
	nd_s(nd, "CALM FAST");
	if (src) {
		nd_s(nd, " src:");
		put_mac(nd, src);
	}
	nd_s(nd, "; ");
	if (length < 2) {
		nd_printf(nd, " (length %u < 2)", length);
		nd_print_invalid(nd);
		return;
	}
	nd_printf(nd, "SrcNwref:%u; ", nd_u8(nd, bp));
	nd_printf(nd, "DstNwref:%u; ", nd_u8(nd, bp + 1));
	if (nd->opt->vflag) /* with -v only, and -x does not stop it */
		link_default_print(nd, bp + 2, length - 2);
}

void calm_fast_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	calm_fast_print_src(nd, bp, length, NULL);
}
