/* dns.c - DNS over UDP (a message a datagram) and TCP (messages behind a
 * two-byte length, RFC 1035 4.2.2): one event per message, as EVE's dns
 * events in their version 2 shape: the header's flags, the first
 * question, and the answer and authority records with their data in
 * presentation form.  Found by content: a header that makes sense and a
 * question that parses (strictly away from the DNS ports).
 *
 * Hostile input: names are followed through at most DNS_HOPS compression
 * pointers and 255 bytes on the wire, label bytes outside printable ASCII
 * are escaped as \DDD (RFC 1035 5.1), a TCP message is buffered whole but
 * never more than its 16-bit length, and what cannot be parsed is told
 * ("malformed") rather than guessed. */
#include <stdlib.h>
#include <string.h>

#include "../core/names.h"
#include "internal.h"

#define DNS_HOPS 32        /* compression pointers followed in one name */
#define DNS_WIRE_MAX 255   /* bytes of a name on the wire (RFC 1035 3.1) */
#define DNS_TEXT_MAX 1200  /* a name or rdata as text (255 bytes escaped, and more) */
#define DNS_RR_MAX 64      /* records told per section; the rest are counted */
#define DNS_QD_LENIENT 64  /* questions in a message on a DNS port (mDNS asks many) */

struct dns_dir {
	uint8_t lenb[2];
	uint8_t nlen;        /* bytes of the length prefix read */
	uint8_t dead;        /* a gap: the framing is lost, nothing more parsed */
	uint32_t need, have; /* the message's length, bytes of it buffered */
	uint8_t *buf;        /* the message being gathered (need bytes) */
};

struct dns {
	struct dns_dir d[2];
};

static unsigned be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ---- text ---------------------------------------------------------------- */

struct txt {
	size_t n;
	char s[DNS_TEXT_MAX];
};

static void t_c(struct txt *t, char c)
{
	if (t && t->n < sizeof t->s)
		t->s[t->n++] = c;
}

static void t_s(struct txt *t, const char *s)
{
	while (*s)
		t_c(t, *s++);
}

static void t_u(struct txt *t, uint32_t v)
{
	char b[10];
	int k = 0;
	do {
		b[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (k)
		t_c(t, b[--k]);
}

/* A byte of a label or character-string in presentation form: '.' (in a
 * label) and '\' behind a backslash, anything outside printable ASCII as
 * \DDD. */
static void t_esc(struct txt *t, uint8_t c, int label)
{
	if (c > 0x20 && c < 0x7f) {
		if (c == '\\' || (label && c == '.') || (!label && c == '"'))
			t_c(t, '\\');
		t_c(t, (char)c);
		return;
	}
	if (!label && c == ' ') {
		t_c(t, ' ');
		return;
	}
	t_c(t, '\\');
	t_c(t, (char)('0' + c / 100));
	t_c(t, (char)('0' + c / 10 % 10));
	t_c(t, (char)('0' + c % 10));
}

/* ---- names and records --------------------------------------------------- */

enum { NAME_BAD = -1, NAME_SHORT = -2 };

static int hostchar(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '*';
}

/* The (possibly compressed) name at off of m[0..n), written to t (may be
 * NULL) without its final dot, "." for the root.  Returns the offset just
 * past the name where it is written (not where pointers lead), NAME_SHORT
 * when it runs past n, NAME_BAD when it is not a name (a pointer loop,
 * longer than 255 bytes, a reserved label type).  *host (may be NULL) is
 * set when every label byte is a letter, digit, '-', '_' or '*', and the
 * name not the root. */
static long name_at(const uint8_t *m, size_t n, size_t off, struct txt *t, int *host)
{
	size_t pos = off, end = 0, wire = 1;
	unsigned hops = 0, labels = 0;
	int jumped = 0, h = 1;
	for (;;) {
		if (pos >= n)
			return NAME_SHORT;
		unsigned l = m[pos];
		if ((l & 0xc0) == 0xc0) {
			if (pos + 1 >= n)
				return NAME_SHORT;
			if (++hops > DNS_HOPS)
				return NAME_BAD;
			if (!jumped)
				end = pos + 2;
			jumped = 1;
			pos = (size_t)(l & 0x3f) << 8 | m[pos + 1];
			continue;
		}
		if (l & 0xc0)
			return NAME_BAD;
		if (l == 0) {
			if (!jumped)
				end = pos + 1;
			break;
		}
		wire += l + 1;
		if (wire > DNS_WIRE_MAX)
			return NAME_BAD;
		if (pos + 1 + l > n)
			return NAME_SHORT;
		if (labels++)
			t_c(t, '.');
		for (unsigned i = 0; i < l; i++) {
			uint8_t c = m[pos + 1 + i];
			if (!hostchar(c))
				h = 0;
			t_esc(t, c, 1);
		}
		pos += 1 + l;
	}
	if (!labels) {
		t_c(t, '.');
		h = 0;
	}
	if (host)
		*host = h;
	return (long)end;
}

struct rr {
	struct txt name;
	unsigned type, cls;
	uint32_t ttl;
	size_t rd, rdlen;
};

/* The record at off; returns the offset past it, or <0. */
static long rr_at(const uint8_t *m, size_t n, size_t off, struct rr *r)
{
	if (r)
		r->name.n = 0;
	long e = name_at(m, n, off, r ? &r->name : NULL, NULL);
	if (e < 0)
		return e;
	size_t p = (size_t)e;
	if (p + 10 > n)
		return NAME_SHORT;
	size_t rdlen = be16(m + p + 8);
	if (p + 10 + rdlen > n)
		return NAME_SHORT;
	if (r) {
		r->type = be16(m + p);
		r->cls = be16(m + p + 2);
		r->ttl = be32(m + p + 4);
		r->rd = p + 10;
		r->rdlen = rdlen;
	}
	return (long)(p + 10 + rdlen);
}

static const struct {
	uint16_t type;
	const char *name;
} types[] = {
	{ 1, "A" },	     { 2, "NS" },	  { 3, "MD" },	       { 4, "MF" },
	{ 5, "CNAME" },	     { 6, "SOA" },	  { 7, "MB" },	       { 8, "MG" },
	{ 9, "MR" },	     { 10, "NULL" },	  { 11, "WKS" },       { 12, "PTR" },
	{ 13, "HINFO" },     { 14, "MINFO" },	  { 15, "MX" },	       { 16, "TXT" },
	{ 17, "RP" },	     { 18, "AFSDB" },	  { 24, "SIG" },       { 25, "KEY" },
	{ 28, "AAAA" },	     { 29, "LOC" },	  { 30, "NXT" },       { 33, "SRV" },
	{ 35, "NAPTR" },     { 36, "KX" },	  { 37, "CERT" },      { 38, "A6" },
	{ 39, "DNAME" },     { 41, "OPT" },	  { 43, "DS" },	       { 44, "SSHFP" },
	{ 45, "IPSECKEY" },  { 46, "RRSIG" },	  { 47, "NSEC" },      { 48, "DNSKEY" },
	{ 49, "DHCID" },     { 50, "NSEC3" },	  { 51, "NSEC3PARAM" }, { 52, "TLSA" },
	{ 55, "HIP" },	     { 59, "CDS" },	  { 60, "CDNSKEY" },   { 61, "OPENPGPKEY" },
	{ 64, "SVCB" },	     { 65, "HTTPS" },	  { 99, "SPF" },       { 249, "TKEY" },
	{ 250, "TSIG" },     { 251, "IXFR" },	  { 252, "AXFR" },     { 253, "MAILB" },
	{ 254, "MAILA" },    { 255, "ANY" },	  { 256, "URI" },      { 257, "CAA" },
};

/* The type's mnemonic, or TYPEn (RFC 3597) when it has none here. */
static void type_name(unsigned type, struct txt *t)
{
	t->n = 0;
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (types[i].type == type) {
			t_s(t, types[i].name);
			return;
		}
	t_s(t, "TYPE");
	t_u(t, type);
}

static void rcode_name(unsigned rc, struct txt *t)
{
	static const char *const names[] = { "NOERROR",	 "FORMERR", "SERVFAIL", "NXDOMAIN",
					     "NOTIMP",	 "REFUSED", "YXDOMAIN", "YXRRSET",
					     "NXRRSET",	 "NOTAUTH", "NOTZONE" };
	t->n = 0;
	if (rc < sizeof names / sizeof names[0])
		t_s(t, names[rc]);
	else
		t_u(t, rc);
}

struct soa {
	struct txt mname, rname;
	uint32_t v[5]; /* serial, refresh, retry, expire, minimum */
};

/* A name inside rdata: it must start there and its written part end there. */
static int rd_name(const uint8_t *m, size_t n, size_t at, size_t rdend, struct txt *t, size_t *next)
{
	if (at >= rdend)
		return 0;
	long e = name_at(m, n, at, t, NULL);
	if (e < 0 || (size_t)e > rdend)
		return 0;
	if (next)
		*next = (size_t)e;
	return 1;
}

/* The record's data in presentation form into t; 1 when there is some. */
static int rdata(const uint8_t *m, size_t n, const struct rr *r, struct txt *t, struct soa *soa)
{
	const uint8_t *d = m + r->rd;
	size_t end = r->rd + r->rdlen, at;
	char b[64];
	t->n = 0;
	switch (r->type) {
	case 1:
		if (r->rdlen != 4)
			return 0;
		t->n = (size_t)fmt_ip4(t->s, d);
		return 1;
	case 28:
		if (r->rdlen != 16)
			return 0;
		{
			int k = fmt_ip6(b, d);
			memcpy(t->s, b, (size_t)k);
			t->n = (size_t)k;
		}
		return 1;
	case 2: case 5: case 12: case 39: /* NS, CNAME, PTR, DNAME */
		return rd_name(m, n, r->rd, end, t, NULL);
	case 15: /* MX: preference, exchange */
		if (r->rdlen < 3)
			return 0;
		t_u(t, be16(d));
		t_c(t, ' ');
		return rd_name(m, n, r->rd + 2, end, t, NULL);
	case 33: /* SRV: priority, weight, port, target */
		if (r->rdlen < 7)
			return 0;
		for (int i = 0; i < 3; i++) {
			t_u(t, be16(d + 2 * i));
			t_c(t, ' ');
		}
		return rd_name(m, n, r->rd + 6, end, t, NULL);
	case 16: case 99: /* TXT, SPF: character-strings, quoted, space between */
		at = r->rd;
		while (at < end) {
			size_t l = m[at];
			if (at + 1 + l > end)
				return 0;
			if (at > r->rd)
				t_c(t, ' ');
			t_c(t, '"');
			for (size_t i = 0; i < l; i++)
				t_esc(t, m[at + 1 + i], 0);
			t_c(t, '"');
			at += 1 + l;
		}
		return 1;
	case 6: /* SOA: the data is its mname; the rest goes in "soa" */
		soa->mname.n = soa->rname.n = 0;
		if (!rd_name(m, n, r->rd, end, &soa->mname, &at) ||
		    !rd_name(m, n, at, end, &soa->rname, &at) || at + 20 > end)
			return 0;
		for (int i = 0; i < 5; i++)
			soa->v[i] = be32(m + at + 4 * i);
		memcpy(t->s, soa->mname.s, soa->mname.n);
		t->n = soa->mname.n;
		return 1;
	default:
		return 0;
	}
}

/* The whole message walked: the offset past its last record, or <0. */
static long walk(const uint8_t *m, size_t n)
{
	if (n < 12)
		return NAME_SHORT;
	size_t off = 12;
	unsigned qd = be16(m + 4);
	unsigned rrs = be16(m + 6) + be16(m + 8) + be16(m + 10);
	for (unsigned i = 0; i < qd; i++) {
		long e = name_at(m, n, off, NULL, NULL);
		if (e < 0)
			return e;
		if ((size_t)e + 4 > n)
			return NAME_SHORT;
		off = (size_t)e + 4;
	}
	for (unsigned i = 0; i < rrs; i++) {
		long e = rr_at(m, n, off, NULL);
		if (e < 0)
			return e;
		off = (size_t)e;
	}
	return (long)off;
}

/* ---- detection ----------------------------------------------------------- */

/* Is m (avail bytes of a message of total bytes) DNS?  1, 0, or -1 (more
 * bytes needed).  Lenient on the DNS ports: a header that makes sense and
 * a first question (or, for mDNS, record) that parses.  Elsewhere: one
 * question, opcode QUERY, Z clear, a host name of letters, digits and
 * '-', a usual class, and (when all of it is here) a message that walks
 * to its very end. */
static int looks_dns(const uint8_t *m, size_t avail, size_t total, int lenient)
{
	int complete = avail >= total;
	if (complete)
		avail = total;
	if (avail < 12)
		return complete ? 0 : -1;
	unsigned fl = be16(m + 2), qd = be16(m + 4), an = be16(m + 6), ns = be16(m + 8),
		 ar = be16(m + 10);
	unsigned opcode = fl >> 11 & 15;
	if (opcode == 3 || opcode > 6)
		return 0;
	if (lenient) {
		if (qd > DNS_QD_LENIENT || (qd == 0 && an == 0))
			return 0;
		long e = qd ? name_at(m, avail, 12, NULL, NULL) : rr_at(m, avail, 12, NULL);
		if (e == NAME_BAD)
			return 0;
		if (e < 0)
			return complete ? 0 : 1; /* a TCP probe: the header will do */
		return 1;
	}
	if (qd != 1 || opcode != 0 || (fl & 0x40))
		return 0;
	if ((uint64_t)12 + 5 + ((uint64_t)an + ns + ar) * 11 > total)
		return 0;
	int host = 0;
	long e = name_at(m, avail, 12, NULL, &host);
	if (e == NAME_BAD || (e >= 0 && !host))
		return 0;
	if (e < 0 || (size_t)e + 4 > avail)
		return complete ? 0 : -1;
	unsigned qtype = be16(m + e), qclass = be16(m + e + 2) & 0x7fff;
	if (qtype == 0 || (qclass != 1 && qclass != 3 && qclass != 4 && qclass != 255))
		return 0;
	if (!complete)
		return 1;
	return walk(m, total) == (long)total ? 1 : 0;
}

static int dns_detect(const uint8_t *p, size_t n, int dir, unsigned port)
{
	(void)dir;
	int lenient = port == 53 || port == 5353 || port == 5355;
	/* a datagram, whole */
	if (n >= 12 && looks_dns(p, n, n, lenient) > 0)
		return 1;
	/* the first bytes of a TCP direction: a length, then the message */
	if (n < 2)
		return -1;
	size_t len = be16(p);
	if (len < 12)
		return 0;
	return looks_dns(p + 2, n - 2, len, lenient);
}

/* ---- events -------------------------------------------------------------- */

/* One section's records as an array of objects (key), the first DNS_RR_MAX
 * of them; *off moves past them; *stop is set when one does not parse.
 * Text: the data of each record after sep (": " before the first, ", "
 * between), its type before it when it is not the question's. */
static void section(struct sessions *x, const uint8_t *m, size_t n, size_t *off, unsigned count,
                    const char *key, const char *first_sep, unsigned qtype, int *stop,
                    unsigned *dropped)
{
	struct rr r;
	struct txt tn, rd;
	struct soa soa;
	int begun = 0;
	for (unsigned i = 0; i < count && !*stop; i++) {
		long e = rr_at(m, n, *off, &r);
		if (e < 0) {
			*stop = 1;
			break;
		}
		*off = (size_t)e;
		if (i >= DNS_RR_MAX) {
			(*dropped)++;
			continue;
		}
		if (!begun) {
			ev_arr_begin(x, key, NULL);
			begun = 1;
		}
		const char *sep = i ? ", " : first_sep;
		type_name(r.type, &tn);
		int has = rdata(m, n, &r, &rd, &soa);
		int show_type = !has || r.type != qtype || first_sep[0] == ';';
		ev_obj_begin(x, NULL);
		ev_str(x, "rrname", (const uint8_t *)r.name.s, r.name.n, NULL);
		ev_str(x, "rrtype", (const uint8_t *)tn.s, tn.n, show_type ? sep : NULL);
		ev_u(x, "ttl", r.ttl, NULL);
		if (has)
			ev_str(x, "rdata", (const uint8_t *)rd.s, rd.n, show_type ? " " : sep);
		if (has && r.type == 6) {
			static const char *const k[5] = { "serial", "refresh", "retry", "expire",
							  "minimum" };
			ev_obj_begin(x, "soa");
			ev_str(x, "mname", (const uint8_t *)soa.mname.s, soa.mname.n, NULL);
			ev_str(x, "rname", (const uint8_t *)soa.rname.s, soa.rname.n, NULL);
			for (int j = 0; j < 5; j++)
				ev_u(x, k[j], soa.v[j], NULL);
			ev_obj_end(x);
		}
		ev_obj_end(x);
	}
	if (begun)
		ev_arr_end(x);
}

static const char hexd[] = "0123456789abcdef";

/* One message (n bytes at m; cut: the connection ended inside it). */
/* dns.query: a query's (QR 0) first question, its name as rrname tells
 * it (dotted, no final dot); tx_id the message's ID, as the events tell
 * it. */
static void inspect_query(struct sessions *x, struct sess *ss, const uint8_t *m, size_t n,
                          const struct stream_ts *ts)
{
	struct txt q;
	q.n = 0;
	if (be16(m + 2) >> 15 || !be16(m + 4))
		return;
	long e = name_at(m, n, 12, &q, NULL);
	if (e < 0 || (size_t)e + 4 > n)
		return;
	struct sess_bufs b;
	b.tx_id = be16(m);
	b.have = b.fresh = (uint64_t)1 << SB_DNS_QUERY;
	b.p[SB_DNS_QUERY] = (const uint8_t *)q.s;
	b.n[SB_DNS_QUERY] = (uint32_t)q.n;
	sess_inspect(x, ss, 0, &b, ts);
}

static void message(struct sessions *x, struct sess *ss, const uint8_t *m, size_t n, int cut,
                    const struct stream_ts *ts)
{
	if (n >= 12 && sess_inspecting(x))
		inspect_query(x, ss, m, n, ts);
	if (n < 12 || !ev_on(x))
		return;
	struct txt qname, t;
	unsigned id = be16(m), fl = be16(m + 2), qd = be16(m + 4), an = be16(m + 6),
		 ns = be16(m + 8);
	int qr = fl >> 15, bad = 0, hasq = 0;
	unsigned qtype = 0;
	size_t off = 12;
	qname.n = 0;
	for (unsigned i = 0; i < qd; i++) {
		long e = name_at(m, n, off, i == 0 ? &qname : NULL, NULL);
		if (e < 0 || (size_t)e + 4 > n) {
			bad = 1;
			break;
		}
		if (i == 0) {
			qtype = be16(m + e);
			hasq = 1;
		}
		off = (size_t)e + 4;
	}
	ev_begin(x, ss, ts);
	ev_u(x, "version", 2, NULL);
	ev_cstr(x, "type", qr ? "answer" : "query", " ");
	ev_u(x, "id", id, " ");
	char fh[4] = { hexd[fl >> 12], hexd[fl >> 8 & 15], hexd[fl >> 4 & 15], hexd[fl & 15] };
	ev_str(x, "flags", (const uint8_t *)fh, 4, NULL);
	ev_bool(x, "qr", qr);
	ev_bool(x, "aa", fl & 0x400);
	ev_bool(x, "tc", fl & 0x200);
	ev_bool(x, "rd", fl & 0x100);
	ev_bool(x, "ra", fl & 0x80);
	ev_u(x, "opcode", fl >> 11 & 15, NULL);
	if (qr) {
		rcode_name(fl & 15, &t);
		ev_str(x, "rcode", (const uint8_t *)t.s, t.n, " ");
	}
	if (hasq) {
		type_name(qtype, &t);
		ev_str(x, "rrtype", (const uint8_t *)t.s, t.n, " ");
		ev_str(x, "rrname", (const uint8_t *)qname.s, qname.n, " ");
	}
	unsigned dropped = 0;
	int stop = bad;
	section(x, m, n, &off, an, "answers", ": ", qtype, &stop, &dropped);
	section(x, m, n, &off, ns, "authorities", "; authority ", qtype, &stop, &dropped);
	if (stop || cut) {
		ev_bool(x, "malformed", 1);
		ev_text(x, " [malformed]");
	}
	if (dropped)
		ev_u(x, "rr_dropped", dropped, NULL);
	ev_end(x);
}

static void dns_data(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                     const struct stream_ts *ts)
{
	struct dns *d = ss->ps;
	if (ss->s->proto != 6) {
		message(x, ss, p, n, 0, ts);
		return;
	}
	struct dns_dir *q = &d->d[dir & 1];
	while (n && !q->dead) {
		if (q->nlen < 2) {
			q->lenb[q->nlen++] = *p++;
			n--;
			if (q->nlen == 2) {
				q->need = be16(q->lenb);
				q->have = 0;
				if (!q->need)
					q->nlen = 0;
			}
			continue;
		}
		if (!q->have && n >= q->need) {
			/* whole in this segment: no copy */
			message(x, ss, p, q->need, 0, ts);
			p += q->need;
			n -= q->need;
			q->nlen = 0;
			continue;
		}
		if (!q->buf && !(q->buf = malloc(q->need))) {
			q->dead = 1;
			return;
		}
		size_t k = q->need - q->have;
		if (k > n)
			k = n;
		memcpy(q->buf + q->have, p, k);
		q->have += (uint32_t)k;
		p += k;
		n -= k;
		if (q->have == q->need) {
			message(x, ss, q->buf, q->need, 0, ts);
			free(q->buf);
			q->buf = NULL;
			q->have = 0;
			q->nlen = 0;
		}
	}
}

static void dns_gap(struct sessions *x, struct sess *ss, int dir, uint64_t n,
                    const struct stream_ts *ts)
{
	struct dns *d = ss->ps;
	struct dns_dir *q = &d->d[dir & 1];
	(void)x;
	(void)n;
	(void)ts;
	/* the length prefixes can no longer be trusted: stop this direction */
	free(q->buf);
	q->buf = NULL;
	q->have = 0;
	q->dead = 1;
}

static void dns_close(struct sessions *x, struct sess *ss)
{
	struct dns *d = ss->ps;
	struct stream_ts ts = ss->s->last;
	for (int i = 0; i < 2; i++) {
		struct dns_dir *q = &d->d[i];
		if (q->buf && !q->dead && q->have >= 12)
			message(x, ss, q->buf, q->have, 1, &ts);
		free(q->buf);
		q->buf = NULL;
	}
}

const struct app app_dns = {
	.name = "dns",
	.transports = APP_TCP | APP_UDP,
	.detect = dns_detect,
	.state_size = sizeof(struct dns),
	.data = dns_data,
	.gap = dns_gap,
	.close = dns_close,
};
