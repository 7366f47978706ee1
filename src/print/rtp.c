/* rtp.c - RTP (RFC 3550, and the version 1 draft) as -T rtp decodes UDP
 * payloads: "udp/rtp LEN cPT [+][*] SEQ TS", with -v the SSRC (version 1:
 * the first option word), a check of the header extension (version 2) or
 * the option chain (version 1), and the H.261 header of payload type 31. */
#include "print.h"

void rtp_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "rtp");
	if (len < 8) {
		nd_printf(nd, "udp/rtp, length %u < 8", len);
		return;
	}
	uint32_t i0 = nd_be32(nd, p), i1 = nd_be32(nd, p + 4);
	int v1 = (i0 >> 30) == 1;
	unsigned hlen = 8, pt, opt, marker;
	if (v1) {
		opt = (i0 >> 23) & 1;     /* options follow */
		marker = (i0 >> 22) & 1;
		pt = (i0 >> 16) & 0x3f;
	} else {
		if (len < 12) {
			nd_printf(nd, "udp/rtp, length %u < 12", len);
			return;
		}
		hlen = 12;
		opt = (i0 >> 28) & 1;     /* a header extension follows */
		marker = (i0 >> 23) & 1;
		pt = (i0 >> 16) & 0x7f;
	}
	unsigned dlen = len - hlen;
	nd_printf(nd, "udp/rtp%s %u c%u %s%s %u %u", v1 ? "v1" : "", dlen, pt,
	          opt ? "+" : "", marker ? "*" : "", i0 & 0xffff, i1);
	if (!nd->opt->vflag)
		return;
	nd_printf(nd, " %u", nd_be32(nd, p + 8));
	const uint8_t *q = p + hlen;
	unsigned words = dlen / 4;
	if (opt && v1) {
		uint32_t w;
		do {
			w = nd_be32(nd, q);
			unsigned olen = (w >> 16) & 0xff;
			if (olen == 0 || olen > words) {
				nd_s(nd, " !opt");
				return;
			}
			q += 4 * olen;
			words -= olen;
		} while (!(w & 0x80000000u));
	} else if (opt) {
		unsigned elen = (nd_be32(nd, q) & 0xffff) + 1;
		if (elen > words) {
			nd_s(nd, " !ext");
			return;
		}
		q += 4 * elen;
	}
	if (pt == 31)
		nd_printf(nd, " 0x%04x", nd_be32(nd, q) >> 16);
}
