/* fuzz_decode.c - libFuzzer harness for the analyzer's decoder.
 *
 * Input layout: byte 0 picks the link type (among every one the decoder
 * knows; the first eight are fuzz_print's, in its order, so its seeds work
 * here too), byte 1 the IP protocol of a reassembled datagram, the rest is
 * one captured packet.  The packet goes through decode_packet and
 * decode_packet_lite, then the same bytes through decode_datagram as the
 * datagram a fragment's facts belong to.  Every (pointer, length) the facts
 * hold must lie inside the bytes decoded, and the tunnel and VLAN counts
 * within their bounds: a violation aborts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/analyze/decode.h"

static const int dlts[] = {
	1, 0, 108, 12, 228, 229, 113, 276,   /* fuzz_print's eight */
	14, 101, 9, 50, 104, 107, 182, 11, 19, 8, 226, 239, 242, 149, 258,
	281, 282, 284, 285,
};

static const unsigned protos[] = { 6, 17, 1, 58, 4, 41, 47, 143, 132, 0 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void inside(const struct bytes *b, const uint8_t *p, size_t n)
{
	if (!b->p)
		return;
	if (b->p < p || b->p > p + n || b->len > (size_t)(p + n - b->p))
		abort();
}

static void check(const struct facts *f, const uint8_t *p, size_t n)
{
	inside(&f->payload, p, n);
	inside(&f->frag_data, p, n);
	inside(&f->http_method, p, n);
	inside(&f->http_uri, p, n);
	inside(&f->http_host, p, n);
	inside(&f->tls_sni, p, n);
	if (f->tunnel > DECODE_MAX_TUNNELS || f->nvlan > 8 || f->dns.nanswers > DNS_MAX_ANSWERS)
		abort();
	if (f->net == NET_IP4 && f->addr_len != 4)
		abort();
	if (f->net == NET_IP6 && f->addr_len != 16)
		abort();
	if (f->dns.qname_len >= DNS_NAME_MAX)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct facts f; /* large (DNS names): not on the stack */
	if (size < 2 || size > 65536 + 2)
		return 0;
	int dlt = dlts[data[0] % (sizeof dlts / sizeof dlts[0])];
	unsigned proto = protos[data[1] % (sizeof protos / sizeof protos[0])];
	/* a private copy, so reads past the end are caught by ASan */
	size_t n = size - 2;
	uint8_t *pkt = malloc(n ? n : 1);
	memcpy(pkt, data + 2, n);
	unsigned wire = (unsigned)n + (data[1] & 0x80 ? 7 : 0);

	decode_packet(&f, dlt, pkt, (unsigned)n, wire);
	check(&f, pkt, n);
	/* the datagram is the packet's own bytes, as the stream layer hands
	 * over a reassembled one: the facts keep their network fields */
	decode_datagram(&f, f.is_frag ? f.frag_proto : proto, pkt, (unsigned)n);
	check(&f, pkt, n);

	decode_packet_lite(&f, dlt, pkt, (unsigned)n, wire);
	check(&f, pkt, n);
	decode_datagram(&f, proto, pkt, (unsigned)n);
	check(&f, pkt, n);
	free(pkt);
	return 0;
}
