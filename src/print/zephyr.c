/* zephyr.c - Project Athena's Zephyr notices, UDP ports 2103 and 2104.
 *
 * A notice is a run of NUL-terminated text fields: version ("ZEPH0.2"),
 * field count, kind, uid, port, authentication (three), class, instance,
 * opcode, sender, recipient, format, checksum, multi-notice and its uid
 * (17 in all), then the message body.  Numbers are hexadecimal text.  The
 * output (kinds, the control classes' short forms, which opcodes show a
 * subscription triple) was worked out from tcpdump 4.99.3's output on
 * crafted notices: the header fields must all be there (" (invalid)" when
 * the notice ends inside them, " [|zephyr]" when the capture does), a
 * version that is not "ZEPH..." prints nothing at all. */
#include <string.h>

#include "print.h"

#define Z_HDR_FIELDS 17

enum { Z_VERSION, Z_NUMFIELDS, Z_KIND, Z_UID, Z_PORT, Z_AUTH, Z_AUTHLEN,
       Z_AUTHDATA, Z_CLASS, Z_INST, Z_OPCODE, Z_SENDER, Z_RECIPIENT,
       Z_FORMAT, Z_CKSUM, Z_MULTI, Z_MULTIUID };

struct zfield {
	const uint8_t *s;
	unsigned n;       /* length without the NUL */
};

struct zcursor {
	const uint8_t *p;
	unsigned left;    /* bytes of the notice from p on */
};

/* The next field: 1 found, 0 the notice ended inside it, -1 the capture
 * did (before the notice's end). */
static int zfield_next(nd_t *nd, struct zcursor *c, struct zfield *f)
{
	size_t avail = nd_avail(nd, c->p);
	unsigned lim = c->left < avail ? c->left : (unsigned)avail;
	const uint8_t *z = lim ? memchr(c->p, 0, lim) : NULL;
	if (!z)
		return avail < c->left ? -1 : 0;
	f->s = c->p;
	f->n = (unsigned)(z - c->p);
	c->p = z + 1;
	c->left -= f->n + 1;
	return 1;
}

static int zeq(const struct zfield *f, const char *s)
{
	size_t n = strlen(s);
	return f->n == n && memcmp(f->s, s, n) == 0;
}

static void zput(nd_t *nd, const struct zfield *f, int lower)
{
	for (unsigned i = 0; i < f->n; i++) {
		uint8_t ch = f->s[i];
		if (lower && ch >= 'A' && ch <= 'Z')
			ch = (uint8_t)(ch - 'A' + 'a');
		nd_print_char(nd, ch);
	}
}

static int zhexdigit(unsigned ch)
{
	if (ch >= '0' && ch <= '9')
		return (int)(ch - '0');
	ch |= 0x20;
	if (ch >= 'a' && ch <= 'f')
		return (int)(ch - 'a' + 10);
	return -1;
}

/* The field as C's strtol(s, NULL, 16) reads it (a 64-bit long, saturating),
 * then narrowed to int. */
static int zhex(const struct zfield *f)
{
	const uint8_t *s = f->s;
	unsigned i = 0, n = f->n;
	while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	int neg = 0;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	if (i + 2 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x' &&
	    zhexdigit(s[i + 2]) >= 0)
		i += 2;
	const uint64_t limit = (uint64_t)INT64_MAX + (neg ? 1u : 0u);
	uint64_t v = 0;
	int over = 0, d;
	for (; i < n && (d = zhexdigit(s[i])) >= 0; i++)
		if (!over) {
			if (v > (limit - (unsigned)d) / 16)
				over = 1;
			else
				v = v * 16 + (unsigned)d;
		}
	uint64_t r;
	if (over)
		r = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	else
		r = neg ? (uint64_t)0 - v : v;
	return (int)(int32_t)(uint32_t)r;
}

/* " <class,instance,recipient>" from the body, when three fields are
 * there. */
static void ztriple(nd_t *nd, struct zcursor *c)
{
	struct zfield t[3];
	for (int i = 0; i < 3; i++) {
		int r = zfield_next(nd, c, &t[i]);
		if (r < 0)
			nd_trunc(nd);
		if (r == 0)
			return;
	}
	nd_s(nd, " <");
	zput(nd, &t[0], 0);
	nd_c(nd, ',');
	zput(nd, &t[1], 0);
	nd_c(nd, ',');
	zput(nd, &t[2], 0);
	nd_c(nd, '>');
}

/* The short forms of the control classes; 0 when the notice gets the
 * generic "to <...> op ..." form. */
static int zctl(nd_t *nd, const struct zfield *h, struct zcursor *body)
{
	const struct zfield *cls = &h[Z_CLASS], *inst = &h[Z_INST];
	const struct zfield *op = &h[Z_OPCODE];
	if (zeq(cls, "LOGIN")) {
		static const char *const expose[] = {
			"NONE", "OPSTAFF", "REALM-VISIBLE", "REALM-ANNOUNCED",
			"NET-VISIBLE", "NET-ANNOUNCED",
		};
		if (zeq(op, "USER_FLUSH")) {
			nd_s(nd, " flush_locs");
			return 1;
		}
		for (size_t i = 0; i < sizeof expose / sizeof *expose; i++)
			if (zeq(op, expose[i])) {
				nd_s(nd, " set-exposure ");
				zput(nd, op, 1);
				return 1;
			}
		return 0;
	}
	if (zeq(cls, "USER_LOCATE")) {
		if (zeq(op, "USER_HIDE"))
			nd_s(nd, " hide");
		else if (zeq(op, "USER_UNHIDE"))
			nd_s(nd, " unhide");
		else {
			nd_s(nd, " locate ");
			zput(nd, inst, 0);
		}
		return 1;
	}
	if (zeq(cls, "ZEPHYR_CTL")) {
		if (zeq(inst, "CLIENT")) {
			static const char *const ops[][2] = {
				{ "SUBSCRIBE", "sub" },
				{ "SUBSCRIBE_NODEFS", "unsub-nodefs" },
				{ "UNSUBSCRIBE", "unsub" },
				{ "GIMME", "ret" },
				{ "GIMMEDEFS", "gimme-defs" },
				{ "CLEARSUB", "clear-subs" },
			};
			for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
				if (zeq(op, ops[i][0])) {
					nd_c(nd, ' ');
					nd_s(nd, ops[i][1]);
					if (i < 3)
						ztriple(nd, body);
					return 1;
				}
			nd_c(nd, ' ');
			zput(nd, op, 1);
			return 1;
		}
		if (zeq(inst, "HM")) {
			nd_c(nd, ' ');
			zput(nd, op, 1);
			return 1;
		}
		if (zeq(inst, "REALM")) {
			static const char *const ops[][2] = {
				{ "ADD_SUBSCRIBE", " realm add-subs" },
				{ "REQ_SUBSCRIBE", " realm req-subs" },
				{ "RLM_UNSUBSCRIBE", " realm rlm-unsub" },
				{ "RLM_SUBSCRIBE", " realm rlm-sub" },
			};
			for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
				if (zeq(op, ops[i][0]))
					nd_s(nd, ops[i][1]);
			return 1;
		}
		return 0;
	}
	if (zeq(cls, "HM_CTL") || zeq(cls, "WG_CTL")) {
		nd_c(nd, ' ');
		zput(nd, cls, 1);
		nd_c(nd, ' ');
		zput(nd, inst, 1);
		nd_c(nd, ' ');
		zput(nd, op, 1);
		return 1;
	}
	if (zeq(cls, "HM_STAT") && zeq(inst, "HMST_CLIENT") &&
	    zeq(op, "GIMMESTATS")) {
		nd_s(nd, " get-client-stats");
		return 1;
	}
	return 0;
}

void zephyr_print(nd_t *nd, const uint8_t *p, unsigned len,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char *const kinds[] = {
		"unsafe", "unacked", "acked", "hm-ack", "hm-ctl", "serv-ack",
		"serv-nak", "client-ack", "stat",
	};
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "zephyr");
	struct zcursor c = { p, len };
	struct zfield h[Z_HDR_FIELDS];
	for (int i = 0; i < Z_HDR_FIELDS; i++) {
		int r = zfield_next(nd, &c, &h[i]);
		if (r < 0)
			nd_trunc(nd);
		if (r == 0) {
			nd_print_invalid(nd);
			return;
		}
	}
	const struct zfield *ver = &h[Z_VERSION];
	if (ver->n < 4 || memcmp(ver->s, "ZEPH", 4) != 0)
		return;
	if (ver->n < 7 || memcmp(ver->s, "ZEPH0.2", 7) != 0) {
		struct zfield rest = { ver->s + 4, ver->n - 4 };
		nd_s(nd, " zephyr v");
		zput(nd, &rest, 0);
		return;
	}
	int kind = zhex(&h[Z_KIND]);
	nd_s(nd, " zephyr ");
	if (kind >= 0 && kind < (int)(sizeof kinds / sizeof *kinds))
		nd_s(nd, kinds[kind]);
	else
		nd_printf(nd, "type %d", kind);
	if (kind == 5) { /* serv-ack: the first body field */
		struct zcursor b = c;
		struct zfield f;
		int r = zfield_next(nd, &b, &f);
		if (r < 0)
			nd_trunc(nd);
		if (r == 1) {
			nd_c(nd, '/');
			zput(nd, &f, 0);
		}
	}
	if (h[Z_SENDER].n) {
		nd_c(nd, ' ');
		zput(nd, &h[Z_SENDER], 0);
	}
	if (zctl(nd, h, &c))
		return;
	nd_s(nd, " to <");
	zput(nd, &h[Z_CLASS], 0);
	nd_c(nd, ',');
	zput(nd, &h[Z_INST], 0);
	nd_c(nd, ',');
	if (h[Z_RECIPIENT].n)
		zput(nd, &h[Z_RECIPIENT], 0);
	else
		nd_c(nd, '*');
	nd_c(nd, '>');
	if (h[Z_OPCODE].n) {
		nd_s(nd, " op ");
		zput(nd, &h[Z_OPCODE], 0);
	}
}
