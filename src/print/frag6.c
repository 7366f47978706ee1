/* frag6.c - IPv6 Fragment header (RFC 8200 section 4.5). */
#include "print.h"

/* Returns -1 for a fragment other than the first: its payload cannot be
 * decoded. */
int frag6_print(nd_t *nd, const uint8_t *cp, const uint8_t *ip6)
{
	nd_proto(nd, "frag6");
	unsigned offset;
	/* the fragment's payload length, computed as tcpdump does (it wraps
	 * when the header's payload length is too small) */
	uint64_t flen = (uint64_t)40 + nd_be16(nd, ip6 + 4) -
			(uint64_t)(cp - ip6) - 8;
	if (nd->opt->vflag) {
		uint32_t id = nd_be32(nd, cp + 4);
		offset = nd_be16(nd, cp + 2) & 0xfff8;
		nd_printf(nd, "frag (0x%08x:%u|%llu)", id, offset,
			  (unsigned long long)flen);
	} else {
		offset = nd_be16(nd, cp + 2) & 0xfff8;
		nd_printf(nd, "frag (%u|%llu)", offset, (unsigned long long)flen);
	}
	if (offset != 0)
		return -1;
	nd_c(nd, ' ');
	return 8;
}
