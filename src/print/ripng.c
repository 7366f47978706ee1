/* ripng.c - RIPng (RFC 2080): requests and responses with their route
 * table entries. */
#include "../core/names.h"
#include "print.h"

#define RIPNG_ENTLEN 20

/* One route table entry: "prefix/len", " [tag]", and " (metric)" in a
 * response. */
static void entry(nd_t *nd, const uint8_t *e, int resp)
{
	nd_s(nd, nd->opt->vflag > 1 ? "\n\t" : " ");
	nd_need(nd, e, 19);
	put_ip6(nd, e);
	nd_printf(nd, "/%u", e[18]);
	unsigned tag = nd_be16(nd, e + 16);
	if (tag)
		nd_printf(nd, " [%u]", tag);
	nd_need(nd, e + 19, 1);
	if (resp && e[19])
		nd_printf(nd, " (%u)", e[19]);
}

void ripng_print(nd_t *nd, const uint8_t *dat, unsigned length,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const uint8_t zero[16];
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "ripng");
	nd_need(nd, dat, 2);
	unsigned cmd = dat[0], vers = dat[1];
	if (vers != 1) {
		nd_printf(nd, " [vers %u] (invalid)", vers);
		return;
	}
	if (cmd != 1 && cmd != 2) {
		nd_printf(nd, " ripng-%u ?? %u (invalid)", cmd, length);
		return;
	}
	if (length < 4) {
		nd_s(nd, " (invalid)");
		return;
	}
	const uint8_t *e = dat + 4;
	unsigned rest = length - 4;
	if (cmd == 1 && rest == RIPNG_ENTLEN) {
		nd_need(nd, e, RIPNG_ENTLEN);
		if (memcmp(e, zero, 16) == 0 && e[19] == 16) {
			nd_s(nd, " ripng-req dump");
			return;
		}
	}
	nd_printf(nd, " %s %u", cmd == 1 ? "ripng-req" : "ripng-resp", rest / RIPNG_ENTLEN);
	if (rest % RIPNG_ENTLEN) {
		nd_printf(nd, "[%u]: (invalid)", length);
		return;
	}
	nd_c(nd, ':');
	for (; rest >= RIPNG_ENTLEN; rest -= RIPNG_ENTLEN, e += RIPNG_ENTLEN)
		entry(nd, e, cmd == 2);
}
