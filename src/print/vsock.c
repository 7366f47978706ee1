/* vsock.c - Linux vsock monitor captures (DLT_VSOCK, 271), as tcpdump
 * 4.99.3 prints them: the transport, with -v the virtio header of a virtio
 * transport, then the monitor header's endpoints (cid.port), the
 * operation and the packet length; with -vv a payload's bytes in hex.
 *
 * The monitor header is little-endian: source and destination CIDs (64
 * bits), ports (32), operation, transport and payload length (16), two
 * reserved bytes.  The virtio header after it (44 bytes): CIDs, ports,
 * length, type, operation, flags, buf_alloc, fwd_cnt. */
#include <inttypes.h>

#include "../core/hexdump.h"
#include "print.h"

#define MON_HDR 32
#define VIRTIO_HDR 44

static uint64_t le64(nd_t *nd, const uint8_t *p)
{
	return (uint64_t)nd_le32(nd, p + 4) << 32 | nd_le32(nd, p);
}

static const char *const transports[] = { "UNKNOWN", "NO_INFO", "VIRTIO" };
static const char *const mon_ops[] = { "UNKNOWN", "CONNECT", "DISCONNECT", "CONTROL", "PAYLOAD" };
static const char *const virtio_ops[] = { "INVALID", "REQUEST", "RESPONSE", "RST",
					  "SHUTDOWN", "RW", "CREDIT UPDATE", "CREDIT REQUEST" };

static void virtio_header(nd_t *nd, const uint8_t *p)
{
	unsigned type = nd_le16(nd, p + 28), op = nd_le16(nd, p + 30);
	nd_printf(nd, " (len %u, type ", nd_le32(nd, p + 24));
	if (type == 1)
		nd_s(nd, "STREAM");
	else
		nd_printf(nd, "Invalid type (%u)", type);
	if (op < sizeof virtio_ops / sizeof virtio_ops[0])
		nd_printf(nd, ", op %s", virtio_ops[op]);
	else
		nd_printf(nd, ", op Invalid op (%u)", op);
	nd_printf(nd, ", flags %u, buf_alloc %u, fwd_cnt %u)", nd_le32(nd, p + 32),
		  nd_le32(nd, p + 36), nd_le32(nd, p + 40));
}

unsigned vsock_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	(void)len;
	nd_proto(nd, "vsock");
	if (caplen < MON_HDR) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned transport = nd_le16(nd, p + 26);
	if (transport < sizeof transports / sizeof transports[0])
		nd_s(nd, transports[transport]);
	else
		nd_printf(nd, "Invalid transport (%u)", transport);
	unsigned hdr = MON_HDR;
	if (transport == 2)
		hdr += VIRTIO_HDR;
	int cut = 0;
	if (nd->opt->vflag) {
		/* a virtio header not wholly captured is left out, and so is
		 * the line break that would follow it; the line ends with the
		 * truncation marker */
		if (transport != 2)
			nd_s(nd, "\n\t");
		else if (nd_has(nd, p + MON_HDR, VIRTIO_HDR)) {
			virtio_header(nd, p + MON_HDR);
			nd_s(nd, "\n\t");
		} else {
			cut = 1;
		}
	} else {
		nd_c(nd, ' ');
	}
	uint64_t scid = le64(nd, p), dcid = le64(nd, p + 8);
	unsigned sport = nd_le32(nd, p + 16), dport = nd_le32(nd, p + 20);
	unsigned op = nd_le16(nd, p + 24);
	nd_printf(nd, "%" PRIu64 ".%u > %" PRIu64 ".%u ", scid, sport, dcid, dport);
	if (op < sizeof mon_ops / sizeof mon_ops[0])
		nd_s(nd, mon_ops[op]);
	else
		nd_printf(nd, " invalid op (%u)", op);
	nd_printf(nd, ", length %u", caplen); /* the captured length, as tcpdump prints it */
	if (cut)
		nd_print_trunc(nd);
	else if (nd->opt->vflag > 1 && op == 4) {
		/* what was captured after the headers, however long the
		 * headers say it is; nothing there is a truncation */
		unsigned n = caplen > hdr ? caplen - hdr : 0;
		nd_need(nd, p + hdr, 1);
		nd_c(nd, '\n');
		hex_dump(nd->out, "\t", p + hdr, n, 0);
	}
	return MON_HDR; /* the dumps (-x) show the virtio header */
}
