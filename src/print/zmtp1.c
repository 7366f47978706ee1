/* zmtp1.c - ZMTP/1.0 (ZeroMQ message transport over TCP, -T zmtp1): a run
 * of frames, each a length (one byte, or 0xff and eight bytes) covering a
 * flags byte and the body.  -v adds the flag bits and the first bytes of
 * each body in hex. */
#include <inttypes.h>

#include "../core/hexdump.h"
#include "print.h"

#define ZMTP_BODY_DUMP_MAX 128

/* Frames from p while p < end; end is already bounded by the capture. */
static void frames(nd_t *nd, const uint8_t *p, const uint8_t *end, int unwind)
{
	while (p < end) {
		uint64_t flen;
		unsigned first = nd_u8(nd, p);
		if (first == 0xff) {
			nd_s(nd, "\n\t frame flags+body (64-bit) length");
			flen = nd_be64(nd, p + 1);
			p += 9;
		} else {
			nd_s(nd, "\n\t frame flags+body  (8-bit) length");
			flen = first;
			p += 1;
		}
		nd_printf(nd, " %" PRIu64, flen);
		if (flen == 0)
			continue;
		unsigned flags = nd_u8(nd, p);
		uint64_t have = p < end ? (uint64_t)(end - p) : 0;
		if (have < flen)
			nd_printf(nd, " (%" PRIu64 " captured)", have);
		nd_printf(nd, ", flags 0x%02x", flags);
		if (nd->opt->vflag) {
			nd_c(nd, ' ');
			for (int bit = 7; bit >= 0; bit--) {
				nd_c(nd, bit == 7 ? '(' : '|');
				if (!(flags & (1u << bit)))
					nd_c(nd, '-');
				else
					nd_s(nd, bit == 0 ? "MORE" : "MBZ");
			}
			nd_c(nd, ')');
			uint64_t body = (have < flen ? have : flen) - 1;
			/* -v shows at most 128 bytes, -vv all captured */
			if (nd->opt->vflag == 1 && body > ZMTP_BODY_DUMP_MAX)
				body = ZMTP_BODY_DUMP_MAX;
			if (body > 0) {
				nd_printf(nd, ", first %" PRIu64 " byte(s) of body:",
					  body);
				hex_ascii_dump(nd->out, "\n\t ", p + 1, (unsigned)body, 0);
			}
		}
		if (have < flen) {
			if (unwind)
				nd_trunc(nd); /* the marker, and -x from the link header */
			nd_print_trunc(nd);
			return;
		}
		p += flen;
	}
}

void zmtp1_print(nd_t *nd, const uint8_t *p, unsigned len,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "zmtp1");
	nd_s(nd, ": ZMTP/1.0");
	/* Frames are read while captured payload remains. */
	size_t avail = nd_avail(nd, p);
	frames(nd, p, p + (avail < len ? avail : len), 0);
}

/* ZMTP/1.0 over PGM (-T pgm_zmtp1, -v only): each datagram starts with the
 * offset of its first whole frame (0xffff: none); the bytes before it end
 * a frame begun in an earlier datagram. */
void zmtp1_datagram_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (!nd->opt->vflag)
		return;
	nd_proto(nd, "zmtp1");
	size_t avail = nd_avail(nd, p);
	const uint8_t *end = p + (avail < len ? avail : len);
	unsigned off = nd_be16(nd, p);
	nd_printf(nd, "\n\t frame offset 0x%04x", off);
	p += 2;
	/* bytes of the datagram, and of them captured, after the offset */
	unsigned left = len >= 2 ? len - 2 : 0;
	size_t rest = p < end ? (size_t)(end - p) : 0;
	if (off != 0xffff && off > left) {
		nd_s(nd, " (exceeds datagram declared length)");
		nd_trunc(nd);
	}
	if (off == 0xffff || off > 0) {
		unsigned part = off == 0xffff ? left : off;
		size_t have = part < rest ? part : rest;
		nd_printf(nd, "\n\t frame intermediate part, %u bytes", part);
		if (have < part)
			nd_printf(nd, " (%zu captured)", have);
		size_t show = have;
		if (nd->opt->vflag == 1 && show > ZMTP_BODY_DUMP_MAX)
			show = ZMTP_BODY_DUMP_MAX;
		if (show > 0) {
			nd_printf(nd, ", first %zu byte(s):", show);
			hex_ascii_dump(nd->out, "\n\t ", p, (unsigned)show, 0);
		}
		if (off == 0xffff || part >= rest)
			return; /* nothing captured after it */
		p += part;
	}
	frames(nd, p, end, 1);
}
