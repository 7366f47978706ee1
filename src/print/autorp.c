/* autorp.c - Cisco Auto-RP (UDP port 496): the announcement header, then
 * each rendezvous point with its PIM versions and group prefixes. */
#include "../core/names.h"
#include "print.h"

static const char *const pim_versions[4] = { "?", "1", "2", "1+2" };

static void autorp_body(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	unsigned vt = p[0], nrp = p[1], hold = (unsigned)(p[2] << 8 | p[3]);
	nd_s(nd, " auto-rp ");
	if (vt == 0x11)
		nd_s(nd, "candidate-advert");
	else if (vt == 0x12)
		nd_s(nd, "mapping");
	else
		nd_printf(nd, "type-0x%02x", vt);
	nd_s(nd, " Hold ");
	if (hold)
		put_relts_unsigned(nd, hold);
	else
		nd_s(nd, "FOREVER");
	p += 8;
	/* each RP: address, PIM version octet, group count, groups */
	for (; nrp > 0; nrp--) {
		nd_need(nd, p, 4);
		nd_s(nd, " RP ");
		put_ip4(nd, p);
		unsigned pv = nd_u8(nd, p + 4);
		nd_printf(nd, " PIMv%s", pim_versions[pv & 3]);
		if (pv & 0xfc)
			nd_printf(nd, " [rsvd=0x%02x]", pv & 0xfc);
		unsigned ngrp = nd_u8(nd, p + 5);
		p += 6;
		const char *sep = " ";
		for (; ngrp > 0; ngrp--) {
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
		}
	}
}

/* tcpdump checks each part before printing it and ends a short one with
 * the marker and a normal return (-x dumps then skip the link header). */
void cisco_autorp_print(nd_t *nd, const uint8_t *p, unsigned len,
                        const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	jmp_buf saved;
	(void)len; (void)ip; (void)sport; (void)dport;
	nd_proto(nd, "cisco_autorp");
	memcpy(&saved, &nd->trunc, sizeof saved);
	if (setjmp(nd->trunc) == 0) {
		autorp_body(nd, p);
		memcpy(&nd->trunc, &saved, sizeof saved);
		return;
	}
	memcpy(&nd->trunc, &saved, sizeof saved);
	nd->marked = false;
	nd_print_trunc(nd);
}
