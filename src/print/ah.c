/* ah.c - the IP Authentication Header (RFC 4302): length, SPI, sequence
 * number and ICV, then the protocol it protects. */
#include "ipsec.h"

/* Prints the header; returns its length in bytes. */
unsigned ah_header_print(nd_t *nd, const uint8_t *bp)
{
	nd_proto(nd, "ah");
	nd_s(nd, "AH");
	unsigned words = nd_u8(nd, bp + 1);
	unsigned hlen = (words + 2) * 4;
	nd_c(nd, '(');
	if (nd->opt->vflag) {
		nd_s(nd, "length=");
		nd_u(nd, words);
		nd_c(nd, '(');
		nd_u(nd, hlen);
		nd_s(nd, "-bytes),");
	}
	unsigned reserved = nd_be16(nd, bp + 2);
	if (reserved) {
		nd_s(nd, "reserved=0x");
		out_x(nd->out, reserved, 0);
		nd_s(nd, "[MustBeZero],");
	}
	uint32_t spi = nd_be32(nd, bp + 4); /* read before printing, as tcpdump */
	nd_s(nd, "spi=0x");
	out_x(nd->out, spi, 8);
	nd_c(nd, ',');
	uint32_t seq = nd_be32(nd, bp + 8);
	nd_s(nd, "seq=0x");
	out_x(nd->out, seq, 0);
	nd_s(nd, ",icv=0x");
	for (const uint8_t *p = bp + 12; p < bp + hlen; p++)
		out_x(nd->out, nd_u8(nd, p), 2);
	nd_s(nd, "): ");
	return hlen;
}

void ah_print(nd_t *nd, const uint8_t *bp, unsigned length,
              const struct ip_ctx *ip)
{
	nd_proto(nd, "ah");
	if (!nd_has(nd, bp, 1)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned nh = nd_u8(nd, bp);
	unsigned hlen = ah_header_print(nd, bp);
	/* tcpdump subtracts without a check: a short datagram wraps */
	ipsec_demux(nd, bp + hlen, length - hlen, ip, nh);
}
