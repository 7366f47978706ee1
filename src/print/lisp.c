/* lisp.c - LISP control plane (RFC 6830): Map-Register and Map-Notify. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const char *type_name(unsigned t)
{
	switch (t) {
	case 0: return "LISP-Reserved";
	case 1: return "LISP-Map-Request";
	case 2: return "LISP-Map-Reply";
	case 3: return "LISP-Map-Register";
	case 4: return "LISP-Map-Notify";
	case 8: return "LISP-Encapsulated-Contol-Message";
	}
	return NULL;
}

static void put_hex(nd_t *nd, const char *ident, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
	if (len > avail)
		nd_trunc(nd);
}

void lisp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "lisp");
	if (!nd_has(nd, bp, 16)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned tf = bp[0], type = tf >> 4;
	const char *tn = type_name(type);
	if (tn) {
		nd_s(nd, tn);
		nd_c(nd, ',');
	} else {
		nd_s(nd, "unknown-type-");
		nd_u(nd, type);
		nd_c(nd, ',');
	}
	int v = nd->opt->vflag != 0;
	if (v) {
		uint32_t w = nd_be32(nd, bp);
		if (type == 3) {
			nd_s(nd, " flags [");
			static const struct tok bits[] = {
				{ 0x08000000, "P-Proxy-Map-Reply" },
				{ 0x02000000, "I-xTR-ID-Present" },
				{ 0x00000100, "M-Want-Map-Notify" }, { 0, NULL },
			};
			put_bits(nd, bits, w, "none");
			nd_s(nd, "],");
		} else if (type == 4) {
			nd_s(nd, " flags [");
			nd_s(nd, (w & 0x08000000) ? "I-xTR-ID-Present"
				  : "none");
			nd_s(nd, "],");
		}
	}
	if (type != 3 && type != 4)
		return;
	int xtr = type == 3 ? (tf & 0x02) != 0 : (tf & 0x08) != 0;
	unsigned alen = nd_be16(nd, bp + 14), rc = bp[3];
	const uint8_t *p = bp + 16;
	if (v) {
		unsigned key = nd_be16(nd, bp + 12);
		nd_s(nd, "\n    ");
		nd_u(nd, rc);
		nd_s(nd, " record(s), ");
		nd_s(nd, "Authentication ");
		nd_s(nd, key == 0 ? "None" : key == 1 ? "SHA1"
			  : key == 2 ? "SHA256" : "unknown-type");
		nd_c(nd, ',');
		put_hex(nd, "\n    Authentication-Data: ", p, alen);
	} else {
		nd_c(nd, ' ');
		nd_u(nd, rc);
		nd_s(nd, " record(s),");
	}
	p += alen;
	while (length > (unsigned)(p - bp) && rc != 0) {
		rc--;
		if (!nd_has(nd, p, 12))
			goto trunc;
		nd_c(nd, '\n');
		const uint8_t *e = p;
		p += 12;
		unsigned mask = e[5], afi = nd_be16(nd, e + 10), lc = e[4];
		if (v) {
			{
				unsigned v0 = nd_be32(nd, e);
				nd_s(nd, "      Record TTL ");
				nd_u(nd, v0);
				nd_c(nd, ',');
			}
			unsigned a = e[6];
			nd_s(nd, (a >> 4) & 1 ? " Authoritative," : " Non-Authoritative,");
			static const char *const acts[] = {
				"No-Action", "Natively-Forward", "Send-Map-Request", "Drop",
			};
			nd_c(nd, ' ');
			nd_s(nd, (a >> 5) < 4 ? acts[a >> 5] : "unknown");
			nd_c(nd, ',');
			{
				unsigned v0 = nd_be16(nd, e + 8) & 0x0fff;
				nd_s(nd, " Map Version: ");
				nd_u(nd, v0);
				nd_c(nd, ',');
			}
		}
		if (afi == 1) {
			nd_need(nd, p, 4);
			nd_s(nd, " EID ");
			put_ip4(nd, p);
			nd_c(nd, '/');
			nd_u(nd, mask);
			nd_c(nd, ',');
			p += 4;
		} else if (afi == 2) {
			nd_need(nd, p, 16);
			nd_s(nd, " EID ");
			put_ip6(nd, p);
			nd_c(nd, '/');
			nd_u(nd, mask);
			nd_c(nd, ',');
			p += 16;
		} else {
			return;
		}
		nd_c(nd, ' ');
		nd_u(nd, lc);
		nd_s(nd, " locator(s)");
		while (lc != 0) {
			lc--;
			if (!nd_has(nd, p, 8))
				goto trunc;
			const uint8_t *l = p;
			p += 8;
			unsigned lafi = nd_be16(nd, l + 6);
			if (v)
				nd_s(nd, "\n       ");
			if (lafi == 1) {
				if (!nd_has(nd, p, 4))
					goto trunc;
				nd_s(nd, " LOC ");
				put_ip4(nd, p);
				p += 4;
			} else if (lafi == 2) {
				if (!nd_has(nd, p, 16))
					goto trunc;
				nd_s(nd, " LOC ");
				put_ip6(nd, p);
				p += 16;
			}
			if (v) {
				nd_s(nd, "\n          Priority/Weight ");
				nd_u(nd, l[0]);
				nd_c(nd, '/');
				nd_u(nd, l[1]);
				nd_s(nd, ", Multicast Priority/Weight ");
				nd_u(nd, l[2]);
				nd_c(nd, '/');
				nd_u(nd, l[3]);
				nd_c(nd, ',');
				unsigned fl = nd_be16(nd, l + 4);
				nd_s(nd, " flags [");
				static const struct tok bits[] = {
					{ 4, "Local-Locator" }, { 2, "RLoc-Probed" },
					{ 1, "Reachable" }, { 0, NULL },
				};
				put_bits(nd, bits, fl, "none");
				nd_s(nd, "],");
			}
		}
	}
	if (xtr) {
		if (!nd_has(nd, p, 24)) {
			nd_print_invalid(nd);
			return;
		}
		hex_dump(nd->out, "\n    xTR-ID: ", p, 16, 0);
		{
			unsigned long long v0 = (unsigned long long)nd_be64(nd, p + 16);
			nd_s(nd, "\n    SITE-ID: ");
			nd_u(nd, v0);
		}
	} else if (nd_avail(nd, p) > 0) {
		hex_dump(nd->out, "\n    Data: ", p, (unsigned)nd_avail(nd, p), 0);
	}
	return;
trunc:
	nd_print_trunc(nd);
}
