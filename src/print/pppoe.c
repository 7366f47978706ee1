/* pppoe.c - PPP over Ethernet (RFC 2516): discovery packets with their
 * tags, and session packets carrying PPP. */
#include "print.h"

#define PPPOE_HDRLEN 6
#define MAXTAGPRINT 80

static const struct tok codes[] = {
	{ 0x09, "PADI" }, { 0x07, "PADO" }, { 0x19, "PADR" }, { 0x65, "PADS" },
	{ 0xa7, "PADT" }, { 0x00, "" }, { 0, NULL },
};

static const struct tok tags[] = {
	{ 0x0000, "EOL" }, { 0x0101, "Service-Name" }, { 0x0102, "AC-Name" },
	{ 0x0103, "Host-Uniq" }, { 0x0104, "AC-Cookie" },
	{ 0x0105, "Vendor-Specific" }, { 0x0110, "Relay-Session-ID" },
	{ 0x0120, "PPP-Max-Payload" }, { 0x0201, "Service-Name-Error" },
	{ 0x0202, "AC-System-Error" }, { 0x0203, "Generic-Error" },
	{ 0, NULL },
};

static void tag_name(nd_t *nd, unsigned type)
{
	const char *s = tok_name(tags, type);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "TAG-0x");
		out_x(nd->out, type, 0);
	}
}

void pppoe_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "pppoe");
	if (length < PPPOE_HDRLEN) {
		nd_s(nd, " (length ");
		nd_u(nd, length);
		nd_s(nd, " < ");
		nd_u(nd, PPPOE_HDRLEN);
		nd_c(nd, ')');
		nd_print_invalid(nd);
		return;
	}
	length -= PPPOE_HDRLEN;
	nd_need(nd, bp, PPPOE_HDRLEN);
	unsigned ver = nd_u8(nd, bp) >> 4, type = nd_u8(nd, bp) & 0x0f;
	unsigned code = nd_u8(nd, bp + 1);
	unsigned sid = nd_be16(nd, bp + 2), plen = nd_be16(nd, bp + 4);
	const uint8_t *payload = bp + PPPOE_HDRLEN;

	if (ver != 1) {
		nd_s(nd, " [ver ");
		nd_u(nd, ver);
		nd_c(nd, ']');
	}
	if (type != 1) {
		nd_s(nd, " [type ");
		nd_u(nd, type);
		nd_c(nd, ']');
	}
	nd_s(nd, "PPPoE ");
	const char *cs = tok_name(codes, code);
	if (cs)
		nd_s(nd, cs);
	else {
		nd_s(nd, "PAD-");
		out_x(nd->out, code, 0);
	}
	if (code == 0x09 && plen > 1484 - PPPOE_HDRLEN) {
		nd_s(nd, " [len ");
		nd_u(nd, plen);
		nd_s(nd, "!]");
	}
	if (plen > length) {
		nd_s(nd, " [len ");
		nd_u(nd, plen);
		nd_s(nd, " > ");
		nd_u(nd, length);
		nd_s(nd, "!]");
		plen = length;
	}
	if (sid) {
		nd_s(nd, " [ses 0x");
		out_x(nd->out, sid, 0);
		nd_c(nd, ']');
	}

	if (code == 0) {
		nd_c(nd, ' ');
		ppp_print(nd, payload, plen);
		return;
	}
	/* discovery: a list of tags, ended by the end of the payload or an
	 * end-of-list tag */
	unsigned tag_type = 0xffff;
	const uint8_t *p = payload;
	while (tag_type && p < payload + plen) {
		tag_type = nd_be16(nd, p);
		unsigned tag_len = nd_be16(nd, p + 2);
		p += 4;
		if (tag_len) {
			nd_need(nd, p, tag_len);
			unsigned ascii = 0, garbage = 0, n = 0;
			char str[MAXTAGPRINT];
			for (const uint8_t *v = p; v < p + tag_len && n < MAXTAGPRINT - 1; v++) {
				if (*v >= 0x20 && *v < 0x7f) {
					str[n++] = (char)*v;
					ascii++;
				} else {
					str[n++] = '.';
					garbage++;
				}
			}
			str[n] = 0;
			nd_s(nd, " [");
			tag_name(nd, tag_type);
			if (ascii > garbage) {
				nd_s(nd, " \"");
				nd_s(nd, str);
				nd_s(nd, "\"]");
			} else {
				nd_s(nd, " 0x");
				for (unsigned i = 0; i < tag_len; i++)
					out_xu(nd->out, p[i], 2);
				nd_c(nd, ']');
			}
		} else {
			nd_s(nd, " [");
			tag_name(nd, tag_type);
			nd_c(nd, ']');
		}
		p += tag_len;
	}
}
