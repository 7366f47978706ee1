/* forces.c - Forwarding and Control Element Separation (RFC 5810) over
 * SCTP: the message type line (the TLV body is not decoded). */
#include "../core/hexdump.h"
#include "print.h"

static const char *tom_name(unsigned t)
{
	switch (t) {
	case 0x01: return "Association Setup";
	case 0x02: return "Association TearDown";
	case 0x03: return "Config";
	case 0x04: return "Query";
	case 0x05: return "Event Notification";
	case 0x06: return "Packet Redirect";
	case 0x0f: return "HeartBeat";
	case 0x11: return "Association Response";
	case 0x13: return "Config Response";
	case 0x14: return "Query Response";
	default: return NULL;
	}
}

void forces_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "forces");
	unsigned tom = nd_u8(nd, p + 1);
	const char *tn = tom_name(tom);
	if (!tn) {
		nd_printf(nd, "Invalid ForCES message type %u\n", tom);
		goto error;
	}
	nd_printf(nd, "\n\tForCES %s ", tn);
	unsigned mlen = nd_be16(nd, p + 2) * 4u;
	if (mlen < 24 || mlen > len) {
		nd_printf(nd, "Illegal ForCES pkt len - min %u, total recvd %u, advertised %u ",
			  24, len, mlen);
		goto error;
	}
	return;
error:
	{
		size_t avail = nd_avail(nd, p);
		hex_dump(nd->out, "\n\t[", p, len < avail ? len : (unsigned)avail, 0);
	}
	nd_s(nd, "\n\t]");
}
