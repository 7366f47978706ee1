/* dns.c - DNS messages over UDP and TCP (RFC 1035). */
#include "../core/names.h"
#include "print.h"

static const char *const opcodes[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA",
	" zoneInit", " zoneRef",
};

static const char *type_name(unsigned t)
{
	switch (t) {
	case 1: return "A";
	case 2: return "NS";
	case 5: return "CNAME";
	case 6: return "SOA";
	case 12: return "PTR";
	case 15: return "MX";
	case 16: return "TXT";
	case 28: return "AAAA";
	case 33: return "SRV";
	case 255: return "ANY";
	default: return NULL;
	}
}

/* Prints a possibly compressed name; returns the position after it in the
 * message (after the first pointer when compressed). Loops are cut off by
 * bounding the number of labels followed. */
static const uint8_t *put_name(nd_t *nd, const uint8_t *msg, const uint8_t *cp)
{
	const uint8_t *after = NULL;
	unsigned hops = 0, printed = 0;
	for (;;) {
		unsigned l = nd_u8(nd, cp);
		if ((l & 0xc0) == 0xc0) {
			unsigned off = (l & 0x3f) << 8 | nd_u8(nd, cp + 1);
			if (!after)
				after = cp + 2;
			if (++hops > 255)
				return after;
			cp = msg + off;
			continue;
		}
		if (l == 0) {
			if (!printed)
				nd_c(nd, '.');
			return after ? after : cp + 1;
		}
		nd_need(nd, cp + 1, l);
		for (unsigned i = 0; i < l; i++) {
			uint8_t c = cp[1 + i];
			if (c == '.' || c == '\\')
				nd_c(nd, '\\');
			if (c > 0x20 && c < 0x7f)
				nd_c(nd, (char)c);
			else
				nd_printf(nd, "\\%03o", c);
		}
		nd_c(nd, '.');
		printed = 1;
		cp += 1 + l;
	}
}

void dns_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "domain");
	nd_need(nd, bp, 12);
	unsigned id = nd_be16(nd, bp), flags = nd_be16(nd, bp + 2);
	unsigned qd = nd_be16(nd, bp + 4), an = nd_be16(nd, bp + 6);
	unsigned ns = nd_be16(nd, bp + 8), ar = nd_be16(nd, bp + 10);
	const uint8_t *cp = bp + 12;
	(void)cp;
	nd_u(nd, id);
	nd_s(nd, opcodes[(flags >> 11) & 15]);
	if (flags & 0x8000) {
		nd_printf(nd, " %u/%u/%u", an, ns, ar);
	} else {
		if (flags & 0x0100)
			nd_c(nd, '+');
		if (qd != 1)
			nd_printf(nd, " [%uq]", qd);
		if (an)
			nd_printf(nd, " [%ua]", an);
		if (ns)
			nd_printf(nd, " [%un]", ns);
		if (ar)
			nd_printf(nd, " [%uau]", ar);
		if (qd) {
			const uint8_t *after;
			nd_c(nd, ' ');
			/* the type comes after the name, so find it first */
			const uint8_t *np = cp;
			unsigned hops = 0;
			for (;;) {
				unsigned l = nd_u8(nd, np);
				if ((l & 0xc0) == 0xc0) { np += 2; break; }
				if (l == 0 || ++hops > 255) { np++; break; }
				np += 1 + l;
			}
			after = np;
			unsigned t = nd_be16(nd, after);
			const char *tn = type_name(t);
			if (tn)
				nd_s(nd, tn);
			else
				nd_printf(nd, "Type%u", t);
			nd_s(nd, "? ");
			put_name(nd, bp, cp);
		}
	}
	nd_printf(nd, " (%u)", length);
}

void dns_tcp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	if (length < 2)
		return;
	dns_print(nd, bp + 2, length - 2, ip, sport, dport);
}
