/* krb.c - Kerberos, UDP port 88 (and 750): the protocol version, and for
 * version 4 the message type and its principal names.  Version 5 (ASN.1,
 * AS-REQ/AS-REP application tags) is only named, as tcpdump does; other
 * first octets print nothing. */
#include "print.h"

static const struct tok krb4_types[] = {
	{ 1, "KDC_REQUEST" }, { 2, "KDC_REPLY" }, { 3, "APPL_REQUEST" },
	{ 4, "APPL_REQUEST_MUTUAL" }, { 5, "ERR_REPLY" }, { 6, "PRIVATE" },
	{ 7, "SAFE" }, { 0, NULL },
};

static const char *const krb4_errors[] = {
	"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER",
	"NAME_MAST_KEY_VER", "SERV_MAST_KEY_VER", "BYTE_ORDER",
	"PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE", "NULL_KEY",
};

/* A NUL-terminated string; unwinds when its end was not captured. */
static const uint8_t *cstr(nd_t *nd, const uint8_t *p)
{
	while (nd_u8(nd, p) != 0)
		nd_print_char(nd, *p++);
	return p + 1;
}

static const uint8_t *principal(nd_t *nd, const uint8_t *p)
{
	p = cstr(nd, p);
	nd_c(nd, '.');
	p = cstr(nd, p);
	nd_c(nd, '@');
	return cstr(nd, p);
}

static unsigned get16(nd_t *nd, const uint8_t *p, int le)
{
	return le ? nd_le16(nd, p) : nd_be16(nd, p);
}

static void krb4_print(nd_t *nd, const uint8_t *p)
{
	unsigned b = nd_u8(nd, p + 1);
	int le = b & 1;
	unsigned type = b >> 1;
	nd_s(nd, le ? " le" : " be");
	const char *tn = tok_name(krb4_types, type);
	if (tn) {
		nd_c(nd, ' ');
		nd_s(nd, tn);
	} else {
		nd_printf(nd, " #%u", type);
	}
	nd_s(nd, ": ");
	const uint8_t *cp = p + 2;
	switch (type) {
	case 1: /* KDC_REQUEST */
		cp = principal(nd, cp);
		cp += 4; /* ctime */
		nd_printf(nd, " %umin ", nd_u8(nd, cp) * 5u);
		cp++;
		cp = cstr(nd, cp);
		nd_c(nd, '.');
		cstr(nd, cp);
		break;
	case 2: /* KDC_REPLY */
		cp = principal(nd, cp);
		cp += 10; /* ctime, n, exp, kvno */
		nd_printf(nd, " (%u)", get16(nd, cp, le));
		break;
	case 3: /* APPL_REQUEST */
		nd_printf(nd, "v%u ", nd_u8(nd, cp));
		cp = cstr(nd, cp + 1);
		nd_printf(nd, " (%u)", nd_u8(nd, cp));
		nd_printf(nd, " (%u)", nd_u8(nd, cp + 1));
		break;
	case 5: /* ERR_REPLY */
		cp = principal(nd, cp);
		cp += 4; /* ctime */
		{
			unsigned e = get16(nd, cp, le);
			if (e < sizeof krb4_errors / sizeof krb4_errors[0]) {
				nd_c(nd, ' ');
				nd_s(nd, krb4_errors[e]);
			} else {
				nd_printf(nd, " #%u", e);
			}
		}
		cp += 4;
		nd_c(nd, ' ');
		cstr(nd, cp);
		break;
	default:
		nd_s(nd, "(unknown)");
		break;
	}
}

void krb_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)len; (void)ip; (void)sport; (void)dport;
	nd_proto(nd, "krb");
	unsigned v = nd_u8(nd, p);
	switch (v) {
	case 1: case 2: case 3:
		nd_printf(nd, " v%u", v);
		break;
	case 4:
		nd_s(nd, " v4");
		krb4_print(nd, p);
		break;
	case 106: case 107:
		nd_s(nd, " v5");
		break;
	default:
		break;
	}
}
