/* autorp.c - Cisco Auto-RP (UDP port 496): the announcement header, then
 * each rendezvous point with its PIM versions and group prefixes. */
#include "../core/names.h"
#include "print.h"

static const char *const pim_versions[4] = { "?", "1", "2", "1+2" };

/* As tcpdump: each part is first checked against what the UDP length
 * leaves (a short datagram ends with the marker and a normal return: the
 * -x dumps then skip the link header), then printed as it is read, so a
 * capture cut short unwinds at the first field it lacks (the dumps then
 * show the whole frame).  The header's count is read before "Hold", an
 * RP's address and each group (6 bytes) are read whole before anything of
 * them is printed. */
static void autorp_body(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 8)
		goto trunc;
	nd_s(nd, " auto-rp ");
	unsigned vt = nd_u8(nd, p);
	if (vt == 0x11)
		nd_s(nd, "candidate-advert");
	else if (vt == 0x12)
		nd_s(nd, "mapping");
	else
		nd_printf(nd, "type-0x%02x", vt);
	unsigned nrp = nd_u8(nd, p + 1);
	nd_s(nd, " Hold ");
	unsigned hold = nd_be16(nd, p + 2);
	if (hold)
		put_relts_unsigned(nd, hold);
	else
		nd_s(nd, "FOREVER");
	p += 8;
	len -= 8;
	/* each RP: address, PIM version octet, group count, groups */
	for (; nrp > 0; nrp--) {
		if (len < 4)
			goto trunc;
		nd_need(nd, p, 4);
		nd_s(nd, " RP ");
		put_ip4(nd, p);
		if (len < 5)
			goto trunc;
		unsigned pv = nd_u8(nd, p + 4);
		nd_printf(nd, " PIMv%s", pim_versions[pv & 3]);
		if (pv & 0xfc)
			nd_printf(nd, " [rsvd=0x%02x]", pv & 0xfc);
		if (len < 6)
			goto trunc;
		unsigned ngrp = nd_u8(nd, p + 5);
		p += 6;
		len -= 6;
		const char *sep = " ";
		for (; ngrp > 0; ngrp--) {
			if (len < 6)
				goto trunc;
			nd_need(nd, p, 6);
			unsigned fl = p[0];
			nd_s(nd, sep);
			if (fl & 1)
				nd_c(nd, '!');
			put_ip4(nd, p + 2);
			nd_printf(nd, "/%u", p[1]);
			if (fl & 2)
				nd_s(nd, " bidir");
			if (fl & 0xfc)
				nd_printf(nd, "[rsvd=0x%02x]", fl & 0xfc);
			sep = ",";
			p += 6;
			len -= 6;
		}
	}
	return;
trunc:
	nd_print_trunc(nd);
}

void cisco_autorp_print(nd_t *nd, const uint8_t *p, unsigned len,
                        const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "cisco_autorp");
	autorp_body(nd, p, len);
}
