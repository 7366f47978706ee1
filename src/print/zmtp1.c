/* zmtp1.c - ZeroMQ Message Transport Protocol 1.0 frames over TCP
 * (selected with -T zmtp1). */
#include "../core/hexdump.h"
#include "print.h"

static const uint8_t *frame(nd_t *nd, const uint8_t *cp, const uint8_t *ep)
{
	uint64_t declared, header;
	nd_s(nd, "\n\t");
	unsigned first = nd_u8(nd, cp);
	if (first < 0xff) {
		declared = first;
		header = 1;
		nd_printf(nd, " frame flags+body  (8-bit) length %u", first);
	} else {
		declared = nd_be64(nd, cp + 1);
		header = 9;
		nd_printf(nd, " frame flags+body (64-bit) length %llu",
			  (unsigned long long)declared);
	}
	if (declared == 0)
		return cp + header;
	if (!nd_has(nd, cp + header, 1))
		goto trunc;
	unsigned flags = cp[header];
	uint64_t captured = (uint64_t)(ep - cp) - header; /* wraps like tcpdump */
	if (declared > captured)
		nd_printf(nd, " (%llu captured)", (unsigned long long)captured);
	nd_printf(nd, ", flags 0x%02x", flags);
	if (nd->opt->vflag) {
		uint64_t printed = captured < declared ? captured : declared;
		nd_printf(nd, " (%s|%s|%s|%s|%s|%s|%s|%s)",
			  flags & 0x80 ? "MBZ" : "-", flags & 0x40 ? "MBZ" : "-",
			  flags & 0x20 ? "MBZ" : "-", flags & 0x10 ? "MBZ" : "-",
			  flags & 0x08 ? "MBZ" : "-", flags & 0x04 ? "MBZ" : "-",
			  flags & 0x02 ? "MBZ" : "-", flags & 0x01 ? "MORE" : "-");
		if (nd->opt->vflag == 1 && printed > 129)
			printed = 129;
		if (printed > 1) {
			nd_printf(nd, ", first %llu byte(s) of body:",
				  (unsigned long long)(printed - 1));
			size_t avail = nd_avail(nd, cp + header + 1);
			if (printed - 1 > avail) {
				hex_ascii_dump(nd->out, "\n\t ", cp + header + 1,
					       (unsigned)avail, 0);
				nd_trunc(nd);
			}
			hex_ascii_dump(nd->out, "\n\t ", cp + header + 1,
				       (unsigned)(printed - 1), 0);
		}
	}
	cp += header;
	if (declared > (uint64_t)nd_avail(nd, cp))
		goto trunc;
	return cp + declared;
trunc:
	nd_print_trunc(nd);
	return ep;
}

void zmtp1_print(nd_t *nd, const uint8_t *cp, unsigned len,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport; (void)dport;
	if (ip && ip->nh == 17)
		return; /* -T zmtp1 names a TCP payload */
	nd_proto(nd, "zmtp1");
	const uint8_t *ep = cp + len;
	if (nd_avail(nd, cp) < len)
		ep = cp + nd_avail(nd, cp);
	nd_s(nd, ": ZMTP/1.0");
	while (cp < ep)
		cp = frame(nd, cp, ep);
}
