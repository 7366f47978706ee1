/* aodv.c - Ad hoc On-Demand Distance Vector routing (RFC 3561) over IPv4
 * and IPv6. */
#include "../core/names.h"
#include "print.h"

static void put_addr(nd_t *nd, const uint8_t *a, int v6)
{
	if (v6)
		put_ip6(nd, a);
	else
		put_ip4(nd, a);
}

static void extension(nd_t *nd, const uint8_t *ep, unsigned length)
{
	if (!nd_has(nd, ep, 2))
		goto trunc;
	if (ep[0] == 1) { /* hello */
		if (!nd_has(nd, ep, 6) || length < 6)
			goto trunc;
		if (ep[1] < 4) {
			nd_printf(nd, "\n\text HELLO - bad length %u", ep[1]);
			return;
		}
		nd_printf(nd, "\n\text HELLO %u ms", nd_be32(nd, ep + 2));
		return;
	}
	nd_printf(nd, "\n\text %u %u", ep[0], ep[1]);
	return;
trunc:
	nd_print_trunc(nd);
}

static void rreq(nd_t *nd, const uint8_t *d, unsigned length, int v6)
{
	unsigned al = v6 ? 16 : 4, sz = 16 + 2 * al;
	if (!nd_has(nd, d, sz) || length < sz) {
		nd_print_trunc(nd);
		return;
	}
	unsigned t = d[0];
	nd_printf(nd, " %srreq %u %s%s%s%s%shops %u id 0x%08x\n\tdst ", v6 ? "v6 " : "",
		  length, t & 0x80 ? "[J]" : "", t & 0x40 ? "[R]" : "",
		  t & 0x20 ? "[G]" : "", t & 0x10 ? "[D]" : "",
		  t & 0x08 ? "[U] " : " ", d[3], nd_be32(nd, d + 4));
	put_addr(nd, d + 8, v6);
	nd_printf(nd, " seq %u src ", nd_be32(nd, d + 8 + al));
	put_addr(nd, d + 12 + al, v6);
	nd_printf(nd, " seq %u", nd_be32(nd, d + 12 + 2 * al));
	if (length - sz >= 2)
		extension(nd, d + sz, length - sz);
}

static void rrep(nd_t *nd, const uint8_t *d, unsigned length, int v6)
{
	unsigned al = v6 ? 16 : 4, sz = 12 + 2 * al;
	if (!nd_has(nd, d, sz) || length < sz) {
		nd_print_trunc(nd);
		return;
	}
	unsigned t = d[0];
	nd_printf(nd, " rrep %u %s%sprefix %u hops %u\n\tdst ", length,
		  t & 0x80 ? "[R]" : "", t & 0x40 ? "[A] " : " ", d[2] & 0x1f, d[3]);
	put_addr(nd, d + 4, v6);
	nd_printf(nd, " dseq %u src ", nd_be32(nd, d + 4 + al));
	put_addr(nd, d + 8 + al, v6);
	nd_printf(nd, " %u ms", nd_be32(nd, d + 8 + 2 * al));
	if (length - sz >= 2)
		extension(nd, d + sz, length - sz);
}

static void rerr(nd_t *nd, const uint8_t *d, unsigned length, int v6)
{
	unsigned al = v6 ? 16 : 4, usz = al + 4;
	if (!nd_has(nd, d, 4) || length < 4) {
		nd_print_trunc(nd);
		return;
	}
	nd_printf(nd, " rerr %s [items %u] [%u]:", d[1] & 0x80 ? "[D]" : "", d[3],
		  length);
	const uint8_t *dp = d + 4;
	unsigned i = length - 4;
	for (unsigned dc = d[3]; dc != 0; dc--) {
		if (!nd_has(nd, dp, usz) || i < usz) {
			nd_print_trunc(nd);
			return;
		}
		nd_s(nd, " {");
		put_addr(nd, dp, v6);
		nd_printf(nd, "}(%u)", nd_be32(nd, dp + al));
		dp += usz;
		i -= usz;
	}
}

/* The IPv6 draft-01 messages, whatever the IP version. */
static void draft_rreq(nd_t *nd, const uint8_t *d, unsigned length)
{
	if (!nd_has(nd, d, 48) || length < 48) {
		nd_print_trunc(nd);
		return;
	}
	unsigned t = d[0];
	nd_printf(nd, " rreq %u %s%s%s%s%shops %u id 0x%08x\n\tdst ", length,
		  t & 0x80 ? "[J]" : "", t & 0x40 ? "[R]" : "",
		  t & 0x20 ? "[G]" : "", t & 0x10 ? "[D]" : "",
		  t & 0x08 ? "[U] " : " ", d[3], nd_be32(nd, d + 4));
	put_ip6(nd, d + 16);
	nd_printf(nd, " seq %u src ", nd_be32(nd, d + 8));
	put_ip6(nd, d + 32);
	nd_printf(nd, " seq %u", nd_be32(nd, d + 12));
	if (length - 48 >= 2)
		extension(nd, d + 48, length - 48);
}

static void draft_rrep(nd_t *nd, const uint8_t *d, unsigned length)
{
	if (!nd_has(nd, d, 44) || length < 44) {
		nd_print_trunc(nd);
		return;
	}
	unsigned t = d[0];
	nd_printf(nd, " rrep %u %s%sprefix %u hops %u\n\tdst ", length,
		  t & 0x80 ? "[R]" : "", t & 0x40 ? "[A] " : " ", d[2] & 0x1f, d[3]);
	put_ip6(nd, d + 8);
	nd_printf(nd, " dseq %u src ", nd_be32(nd, d + 4));
	put_ip6(nd, d + 24);
	nd_printf(nd, " %u ms", nd_be32(nd, d + 40));
	if (length - 44 >= 2)
		extension(nd, d + 44, length - 44);
}

void aodv_print(nd_t *nd, const uint8_t *dat, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport; (void)dport;
	nd_proto(nd, "aodv");
	int v6 = ip->ver == 6;
	unsigned type = nd_u8(nd, dat);
	nd_s(nd, " aodv");
	switch (type) {
	case 1:
		rreq(nd, dat, length, v6);
		break;
	case 2:
		rrep(nd, dat, length, v6);
		break;
	case 3:
		rerr(nd, dat, length, v6);
		break;
	case 4: case 19:
		nd_printf(nd, " rrep-ack %u", length);
		break;
	case 16:
		draft_rreq(nd, dat, length);
		break;
	case 17:
		draft_rrep(nd, dat, length);
		break;
	case 18:
		rerr(nd, dat, length, 1);
		break;
	default:
		nd_printf(nd, " type %u %u", type, length);
		break;
	}
}
