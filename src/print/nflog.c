/* nflog.c - Linux netfilter NFLOG messages (DLT_NFLOG): a 4-byte header
 * (address family, version, resource id) and then TLVs whose length and
 * type are in the capturing host's byte order (little-endian here, as
 * tcpdump reads them on such hosts), each padded to 4 bytes; the TLV of
 * type 9 carries the logged packet. */
#include "print.h"

#define NFLOG_HDRLEN 4
#define NFULA_PAYLOAD 9

static void nflog_header(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned fam = p[0];
	const char *name = fam == 2 ? "IPv4" : fam == 10 ? "IPv6" : NULL;
	nd_printf(nd, "version %u, resource ID %u, ", p[1], nd_be16(nd, p + 2));
	if (!nd->opt->qflag)
		nd_printf(nd, "family %s (%u)", name ? name : "Unknown", fam);
	else if (name)
		nd_s(nd, name);
	else
		nd_printf(nd, "Unknown NFLOG (0x%02x)", fam);
	nd_printf(nd, ", length %u: ", length);
}

unsigned nflog_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "nflog");
	if (caplen < NFLOG_HDRLEN) {
		nd_print_trunc(nd);
		return caplen;
	}
	if (nd->opt->eflag)
		nflog_header(nd, p, len);
	/* tcpdump marks a TLV that does not fit and returns; dumps then
	 * start at that TLV */
	unsigned off = NFLOG_HDRLEN;
	while (off < len) { /* the wire length: a capture cut short is marked */
		if (caplen - off < 4) {
			nd_print_trunc(nd);
			return off;
		}
		unsigned size = nd_le16(nd, p + off), type = nd_le16(nd, p + off + 2);
		unsigned padded = (size + 3) & ~3u;
		if (size == 0 || padded > caplen - off) {
			nd_print_trunc(nd);
			return off;
		}
		if (type == NFULA_PAYLOAD) {
			/* the length said counts the TLV's own header, as tcpdump's does */
			len = len > off ? len - off : 0;
			off += 4;
			caplen -= off;
			goto payload;
		}
		off += padded;
	}
	/* no payload TLV: what follows the last one is taken for the packet */
	len = len > off ? len - off : 0;
	caplen -= off;
payload:;
	const uint8_t *q = p + off;
	unsigned fam = p[0];
	if (fam == 2 && ethertype_print(nd, 0x0800, q, len))
		return off;
	if (fam == 10 && ethertype_print(nd, 0x86dd, q, len))
		return off;
	if (!nd->opt->eflag)
		nflog_header(nd, p, len);
	if (!suppress_default(nd))
		link_default_print(nd, q, caplen);
	return off;
}
