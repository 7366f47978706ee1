/* pim.c - Protocol Independent Multicast (RFC 7761): the version and
 * message type; with -v only the common header is decoded so far. */
#include "print.h"

static const char *const pim_types[] = {
	"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap",
	"Assert", "Graft", "Graft Acknowledgement", "Candidate RP Advertisement",
	"Prune Refresh", "DF Election", "ECMP Redirect",
};

void pim_print(nd_t *nd, const uint8_t *bp, unsigned len,
               const struct ip_ctx *ip)
{
	(void)ip;
	nd_proto(nd, "pim");
	unsigned tv = nd_u8(nd, bp);
	unsigned ver = tv >> 4, type = tv & 15;
	if (ver != 2) {
		nd_printf(nd, "PIMv%u, length %u", ver, len);
		return;
	}
	const char *name = type < 12 ? pim_types[type] : "Unknown Type";
	if (!nd->opt->vflag)
		nd_printf(nd, "PIMv%u, %s, length %u", ver, name, len);
	else
		nd_printf(nd, "PIMv%u, length %u\n\t%s", ver, len, name);
}
