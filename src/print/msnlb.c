/* msnlb.c - Microsoft Network Load Balancing heartbeats (ethertype 0x886f):
 * after a 4-byte signature and a 4-byte version, the sending host's priority
 * (little-endian), the cluster's address and the host's own address. */
#include "../core/names.h"
#include "print.h"

void msnlb_print(nd_t *nd, const uint8_t *bp, unsigned len)
{
	(void)len;
	nd_proto(nd, "msnlb");
	nd_s(nd, "MS NLB heartbeat");
	nd_printf(nd, ", host priority: %u", nd_le32(nd, bp + 8));
	nd_need(nd, bp + 12, 4); /* each field whole, or the marker */
	nd_s(nd, ", cluster IP: ");
	put_ip4(nd, bp + 12);
	nd_need(nd, bp + 16, 4);
	nd_s(nd, ", host IP: ");
	put_ip4(nd, bp + 16);
}
