/* pktap.c - Apple's PKTAP (DLT_PKTAP / LINKTYPE_PKTAP): a little-endian
 * metadata header naming the link type of the packet that follows. */
#include <pcap/pcap.h>

#include "print.h"

#define PKTAP_HDRLEN 108
#define PKT_REC_NONE 0
#define PKT_REC_PACKET 1

static void pktap_header(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned dlt = nd_le32(nd, p + 8), hdrlen = nd_le32(nd, p);
	const char *name = pcap_datalink_val_to_name((int)dlt);
	if (!nd->opt->qflag)
		nd_printf(nd, "DLT %s (%u) len %u", name ? name : "UNKNOWN", dlt, hdrlen);
	else
		nd_s(nd, name ? name : "UNKNOWN");
	nd_printf(nd, ", length %u: ", length);
}

unsigned pktap_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "pktap");
	if (len < PKTAP_HDRLEN) {
		nd_printf(nd, " (packet too short, %u < %u)", len, PKTAP_HDRLEN);
		nd_print_invalid(nd);
		return 0;
	}
	unsigned dlt = nd_le32(nd, p + 8), hdrlen = nd_le32(nd, p);
	if (hdrlen < PKTAP_HDRLEN) {
		nd_printf(nd, " (pkt_len too small, %u < %u)", hdrlen, PKTAP_HDRLEN);
		nd_print_invalid(nd);
		return 0;
	}
	if (hdrlen > len) {
		nd_printf(nd, " (pkt_len too big, %u > %u)", hdrlen, len);
		nd_print_invalid(nd);
		return 0;
	}
	nd_need(nd, p, hdrlen);
	if (nd->opt->eflag)
		pktap_header(nd, p, len);
	unsigned rectype = nd_le32(nd, p + 4);
	switch (rectype) {
	case PKT_REC_NONE:
		nd_s(nd, "no data");
		break;
	case PKT_REC_PACKET: {
		link_fn fn = dispatch_link((int)dlt);
		if (fn && ++nd->depth <= ND_MAX_DEPTH) {
			unsigned inner = fn(nd, p + hdrlen, caplen - hdrlen, len - hdrlen);
			nd->depth--;
			return hdrlen + inner;
		}
		if (!nd->opt->eflag)
			pktap_header(nd, p, len);
		if (!suppress_default(nd))
			link_default_print(nd, p + hdrlen, caplen - hdrlen);
		break;
	}
	}
	return hdrlen;
}
