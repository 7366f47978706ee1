/* krb.c - Kerberos over UDP (ports 88 and 750): the protocol version, and
 * for version 4 the message type and byte order, and the principal names,
 * lifetimes and error codes of the messages tcpdump decodes.  Versions 1-3
 * and 5 (its ASN.1 AS-REQ/AS-REP tags) are only named, as tcpdump does;
 * other first octets print nothing. */
#include "print.h"

static const char *const err_names[] = {
	"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER",
	"NAME_MAST_KEY_VER", "SERV_MAST_KEY_VER", "BYTE_ORDER",
	"PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE", "NULL_KEY",
};

static const char *type_name(unsigned t)
{
	switch (t) {
	case 2: return "KDC_REQUEST";
	case 4: return "KDC_REPLY";
	case 6: return "APPL_REQUEST";
	case 8: return "APPL_REQUEST_MUTUAL";
	case 10: return "ERR_REPLY";
	case 12: return "PRIVATE";
	case 14: return "SAFE";
	case 16: return "APPL_ERR";
	}
	return NULL;
}

/* A NUL-terminated string; the capture ending first is a marked
 * truncation.  Returns the position after the NUL. */
static const uint8_t *c_str(nd_t *nd, const uint8_t *p)
{
	for (;;) {
		if (!nd_has(nd, p, 1))
			nd_mark_trunc(nd);
		uint8_t c = *p++;
		if (!c)
			return p;
		nd_print_char(nd, c);
	}
}

/* name.instance@realm, from p; returns the position after it. */
static const uint8_t *principal(nd_t *nd, const uint8_t *p)
{
	p = c_str(nd, p);
	nd_c(nd, '.');
	p = c_str(nd, p);
	nd_c(nd, '@');
	return c_str(nd, p);
}

static unsigned get16(nd_t *nd, const uint8_t *p, int le)
{
	return le ? nd_le16(nd, p) : nd_be16(nd, p);
}

static void krb_body(nd_t *nd, const uint8_t *p)
{
	if (!nd_has(nd, p, 1))
		nd_mark_trunc(nd);
	unsigned ver = p[0];
	switch (ver) {
	case 1: case 2: case 3: /* named only */
		nd_s(nd, " v");
		nd_u(nd, ver);
		return;
	case 106: case 107: /* version 5: an AS-REQ or AS-REP application tag, named only */
		nd_s(nd, " v5");
		return;
	case 4:
		break;
	default:
		return;
	}
	nd_s(nd, " v4");
	unsigned tb = nd_u8(nd, p + 1);
	unsigned t = tb & 0xfe;
	int le = tb & 1;
	const char *tn = type_name(t);
	nd_s(nd, le ? " le " : " be ");
	if (tn)
		nd_s(nd, tn);
	else {
		nd_c(nd, '#');
		nd_u(nd, t);
	}
	nd_s(nd, ": ");
	const uint8_t *cp = p + 2;
	switch (t) {
	case 2:
		cp = principal(nd, cp) + 4; /* and the time */
		{
			unsigned v0 = nd_u8(nd, cp) * 5u;
			nd_c(nd, ' ');
			nd_u(nd, v0);
			nd_s(nd, "min ");
		}
		cp = c_str(nd, cp + 1);
		nd_c(nd, '.');
		c_str(nd, cp);
		break;
	case 4:
		cp = principal(nd, cp) + 10;
		{
			unsigned v0 = get16(nd, cp, le);
			nd_s(nd, " (");
			nd_u(nd, v0);
			nd_c(nd, ')');
		}
		break;
	case 6:
		{
			unsigned v0 = nd_u8(nd, cp);
			nd_c(nd, 'v');
			nd_u(nd, v0);
			nd_c(nd, ' ');
		}
		cp = c_str(nd, cp + 1);
		{
			unsigned v0 = nd_u8(nd, cp);
			nd_s(nd, " (");
			nd_u(nd, v0);
			nd_c(nd, ')');
		}
		{
			unsigned v0 = nd_u8(nd, cp + 1);
			nd_s(nd, " (");
			nd_u(nd, v0);
			nd_c(nd, ')');
		}
		break;
	case 10: {
		cp = principal(nd, cp) + 4;
		unsigned e = get16(nd, cp, le);
		if (e < sizeof err_names / sizeof err_names[0]) {
			nd_c(nd, ' ');
			nd_s(nd, err_names[e]);
			nd_c(nd, ' ');
		} else {
			nd_s(nd, " #");
			nd_u(nd, e);
			nd_c(nd, ' ');
		}
		c_str(nd, cp + 4);
		break;
	}
	default:
		nd_s(nd, "(unknown)");
		break;
	}
}

/* A string running off the capture ends with the marker and a normal
 * return, as tcpdump's check there does (-x dumps then skip the link
 * header); other short reads unwind. */
static void krb_run(nd_t *nd, void *arg)
{
	krb_body(nd, arg);
}

void krb_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)len; (void)ip; (void)sport; (void)dport;
	nd_proto(nd, "krb");
	nd_run_marked(nd, krb_run, (void *)p);
}
