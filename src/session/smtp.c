/* smtp.c - SMTP: the envelope of each message (HELO/EHLO, MAIL FROM, RCPT
 * TO) and the message itself, parsed as MIME: its headers (From, To, Cc,
 * Subject, Date, Message-ID, X-Mailer), multipart bodies (nested up to
 * MIME_DEPTH), and every attachment, decoded (base64, quoted-printable)
 * and handed to the files API under its name, as EVE's smtp event with its
 * email object, one per message.
 *
 * Hostile input is bounded everywhere: a header is kept to HDR_MAX bytes
 * and a message's headers to HEADERS_MAX bytes, boundaries to BND_MAX
 * bytes, parts to PARTS_MAX a message, files to FILE_CAP bytes; what is cut
 * or skipped is listed in the email object's "anomalies".  Lines come from
 * sess_lines(): a line longer than SESS_LINE_MAX is cut, and an attachment
 * it belonged to is marked truncated. */
#include <string.h>

#include "internal.h"

#define FIELD_MAX 256
#define RCPT_MAX 16
#define TO_MAX 16
#define ATT_MAX 16           /* attachment names kept a message */
#define MIME_DEPTH 4         /* nested multiparts */
#define BND_MAX 80           /* a boundary is at most 70 bytes (RFC 2046) */
#define HDR_MAX 4096         /* one header, unfolded */
#define HEADERS_MAX (64u << 10) /* bytes of one entity's headers */
#define PARTS_MAX 256        /* boundary lines a message */
#define FILE_CAP ((uint64_t)64 << 20) /* bytes of one attachment */

struct field {
	uint8_t v[FIELD_MAX];
	size_t n;
};

enum { ST_HEADERS, ST_BODY, ST_SKIP }; /* ST_SKIP: preamble, epilogue, a part not kept */
enum { ENC_NONE, ENC_B64, ENC_QP };

enum { /* anomalies, bits */
	AN_B64 = 1, AN_NO_END = 2, AN_HDR_CUT = 4, AN_HEADERS_CAP = 8, AN_PARTS_CAP = 16,
	AN_FILE_CAP = 32, AN_LINE_CUT = 64, AN_DEPTH = 128, AN_NO_BOUNDARY = 256,
};
static const char *const an_names[] = {
	"invalid_base64", "boundary_not_closed", "header_cut", "headers_cap", "parts_cap",
	"file_cap", "line_cut", "multipart_too_deep", "multipart_without_boundary",
};

struct smtp {
	/* the envelope */
	struct field helo, from;
	struct field rcpt[RCPT_MAX];
	unsigned nrcpt, rcpt_dropped;
	uint8_t in_data, started, ended, had_data;
	uint64_t body_bytes, msgs;
	struct stream_ts ts;
	/* the message's headers */
	struct field subject, hfrom, date, msgid, mailer;
	struct field to[TO_MAX], cc[TO_MAX];
	unsigned nto, ncc, to_dropped;
	struct field att[ATT_MAX];
	unsigned natt, att_dropped;
	unsigned anomalies;
	/* MIME */
	int state;
	int depth;                       /* multiparts open */
	uint8_t bnd[MIME_DEPTH][BND_MAX];
	size_t blen[MIME_DEPTH];
	unsigned parts;
	/* the entity whose headers are being read */
	uint8_t hdr[HDR_MAX];            /* the header being unfolded */
	size_t hlen;
	uint32_t hbytes;                 /* of this entity's headers */
	uint8_t multipart, attachment, enc, has_name;
	uint8_t nbnd[BND_MAX];
	size_t nblen;
	uint8_t name[FIELD_MAX];
	size_t namelen;
	/* the part's file */
	struct sfile *file;
	uint64_t fsize;
	int fcut;                        /* cut short: a long line, the cap */
	int crlf_due;                    /* identity and QP: a line break before the next line */
	unsigned q;                      /* base64: bits gathered */
	int qn;                          /* ... how many sextets */
};

static int smtp_detect(const uint8_t *p, size_t n, int dir, unsigned port)
{
	if (n < 4)
		return -1;
	if (dir == 0)
		return sess_ieq(p, n, "helo ") || sess_ieq(p, n, "ehlo ") ? 1 : 0;
	if (memcmp(p, "220", 3) != 0)
		return 0;
	for (size_t i = 0; i + 4 <= n; i++)
		if (sess_ieq(p + i, n - i, "smtp"))
			return 1;
	return port == 25 || port == 587 || port == 465 ? 1 : 0;
}

static void set(struct field *f, const uint8_t *p, size_t n)
{
	while (n && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	f->n = n < FIELD_MAX ? n : FIELD_MAX;
	memcpy(f->v, p, f->n);
}

/* ---- decoding ------------------------------------------------------------ */

static void put(struct sessions *x, struct smtp *m, const uint8_t *p, size_t n)
{
	if (!m->file || m->fcut)
		return;
	if (m->fsize + n > FILE_CAP) {
		n = (size_t)(FILE_CAP - m->fsize);
		m->fcut = 1;
		m->anomalies |= AN_FILE_CAP;
	}
	file_data(x, m->file, p, n);
	m->fsize += n;
}

static int b64val(uint8_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Base64, across lines; whitespace skipped, other invalid bytes skipped
 * and noted; '=' ends a quantum. */
static void b64(struct sessions *x, struct smtp *m, const uint8_t *p, size_t n)
{
	uint8_t out[SESS_LINE_MAX];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int v = b64val(p[i]);
		if (v < 0) {
			if (p[i] == '=') {
				if (m->qn == 2)
					out[k++] = (uint8_t)(m->q >> 4);
				else if (m->qn == 3) {
					out[k++] = (uint8_t)(m->q >> 10);
					out[k++] = (uint8_t)(m->q >> 2);
				} else if (m->qn == 1)
					m->anomalies |= AN_B64;
				m->qn = 0;
				m->q = 0;
			} else if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
				m->anomalies |= AN_B64;
			}
			continue;
		}
		m->q = (m->q << 6 | (unsigned)v) & 0xffffff;
		if (++m->qn == 4) {
			out[k++] = (uint8_t)(m->q >> 16);
			out[k++] = (uint8_t)(m->q >> 8);
			out[k++] = (uint8_t)m->q;
			m->qn = 0;
			m->q = 0;
		}
	}
	put(x, m, out, k);
}

static int hexval(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static void qp(struct sessions *x, struct smtp *m, const uint8_t *p, size_t n)
{
	uint8_t out[SESS_LINE_MAX + 2];
	size_t k = 0;
	if (m->crlf_due) {
		out[k++] = '\r';
		out[k++] = '\n';
	}
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--; /* trailing white space is not part of the text */
	m->crlf_due = 1;
	for (size_t i = 0; i < n; i++) {
		if (p[i] != '=') {
			out[k++] = p[i];
			continue;
		}
		if (i + 1 == n) { /* a soft line break */
			m->crlf_due = 0;
			break;
		}
		int h = i + 2 < n ? hexval(p[i + 1]) : -1, l = i + 2 < n ? hexval(p[i + 2]) : -1;
		if (h >= 0 && l >= 0) {
			out[k++] = (uint8_t)(h << 4 | l);
			i += 2;
		} else {
			out[k++] = '='; /* not an escape: kept as is */
		}
	}
	put(x, m, out, k);
}

static void body_line(struct sessions *x, struct smtp *m, const uint8_t *p, size_t n)
{
	if (!m->file)
		return;
	if (m->enc == ENC_B64) {
		b64(x, m, p, n);
	} else if (m->enc == ENC_QP) {
		qp(x, m, p, n);
	} else {
		if (m->crlf_due)
			put(x, m, (const uint8_t *)"\r\n", 2);
		put(x, m, p, n);
		m->crlf_due = 1;
	}
}

static void end_file(struct sessions *x, struct smtp *m, const struct stream_ts *ts, int complete)
{
	if (!m->file)
		return;
	file_end(x, m->file, ts, complete && !m->fcut, NULL);
	m->file = NULL;
}

/* ---- headers -------------------------------------------------------------- */

/* The value of parameter key (lower case, with its '=') in a header value:
 * quoted ("a \"b\"") or a token; its length, or -1 when absent. */
static long param(const uint8_t *v, size_t n, const char *key, uint8_t *out, size_t max)
{
	size_t kl = strlen(key);
	int inq = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i] == '"')
			inq = !inq;
		if (inq || v[i] != ';')
			continue;
		size_t j = i + 1;
		while (j < n && (v[j] == ' ' || v[j] == '\t'))
			j++;
		if (!sess_ieq(v + j, n - j, key))
			continue;
		j += kl;
		while (j < n && (v[j] == ' ' || v[j] == '\t'))
			j++;
		size_t k = 0;
		if (j < n && v[j] == '"') {
			for (j++; j < n && v[j] != '"'; j++) {
				if (v[j] == '\\' && j + 1 < n)
					j++;
				if (k < max)
					out[k++] = v[j];
			}
		} else {
			for (; j < n && v[j] != ';' && v[j] != ' ' && v[j] != '\t'; j++)
				if (k < max)
					out[k++] = v[j];
		}
		return (long)k;
	}
	return -1;
}

/* Splits an address list on commas outside quotes and angle brackets. */
static void addr_list(struct field *a, unsigned *na, unsigned *dropped, const uint8_t *p, size_t n)
{
	int inq = 0, ang = 0;
	size_t s = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n) {
			if (p[i] == '"')
				inq = !inq;
			else if (!inq && p[i] == '<')
				ang = 1;
			else if (!inq && p[i] == '>')
				ang = 0;
			if (inq || ang || p[i] != ',')
				continue;
		}
		size_t b = s, e = i;
		while (b < e && (p[b] == ' ' || p[b] == '\t'))
			b++;
		if (b < e) {
			if (*na < TO_MAX)
				set(&a[(*na)++], p + b, e - b);
			else
				(*dropped)++;
		}
		s = i + 1;
	}
}

/* One whole (unfolded) header of the entity being read. */
static void header(struct smtp *m, const uint8_t *p, size_t n)
{
	const uint8_t *c = memchr(p, ':', n);
	if (!c)
		return;
	size_t kl = (size_t)(c - p), vl = n - kl - 1;
	const uint8_t *v = c + 1;
	while (vl && (*v == ' ' || *v == '\t')) {
		v++;
		vl--;
	}
#define IS(w) (kl == sizeof(w) - 1 && sess_ieq(p, kl, w))
	if (IS("content-type")) {
		if (sess_ieq(v, vl, "multipart/")) {
			m->multipart = 1;
			long k = param(v, vl, "boundary=", m->nbnd, BND_MAX);
			m->nblen = k > 0 ? (size_t)k : 0;
		}
		if (!m->has_name) {
			long k = param(v, vl, "name=", m->name, FIELD_MAX);
			if (k >= 0) {
				m->namelen = (size_t)k;
				m->has_name = 1;
			}
		}
	} else if (IS("content-disposition")) {
		if (sess_ieq(v, vl, "attachment"))
			m->attachment = 1;
		long k = param(v, vl, "filename=", m->name, FIELD_MAX);
		if (k < 0)
			k = param(v, vl, "filename*=", m->name, FIELD_MAX); /* RFC 2231: kept raw */
		if (k >= 0) {
			m->namelen = (size_t)k;
			m->has_name = 1;
		}
	} else if (IS("content-transfer-encoding")) {
		m->enc = sess_ieq(v, vl, "base64") ? ENC_B64 :
			 sess_ieq(v, vl, "quoted-printable") ? ENC_QP : ENC_NONE;
	} else if (m->depth == 0 && m->parts == 0) { /* the message's own headers */
		if (IS("subject"))
			set(&m->subject, v, vl);
		else if (IS("from"))
			set(&m->hfrom, v, vl);
		else if (IS("to"))
			addr_list(m->to, &m->nto, &m->to_dropped, v, vl);
		else if (IS("cc"))
			addr_list(m->cc, &m->ncc, &m->to_dropped, v, vl);
		else if (IS("date"))
			set(&m->date, v, vl);
		else if (IS("message-id"))
			set(&m->msgid, v, vl);
		else if (IS("x-mailer"))
			set(&m->mailer, v, vl);
	}
#undef IS
}

static void new_entity(struct smtp *m)
{
	m->state = ST_HEADERS;
	m->hlen = 0;
	m->hbytes = 0;
	m->multipart = m->attachment = m->has_name = 0;
	m->enc = ENC_NONE;
	m->nblen = m->namelen = 0;
}

/* The headers of an entity are over: a multipart opens, a file begins, or
 * the body is skipped. */
static void headers_done(struct sessions *x, struct sess *ss, struct smtp *m)
{
	if (m->hlen)
		header(m, m->hdr, m->hlen);
	m->hlen = 0;
	m->state = ST_SKIP;
	if (m->multipart) {
		if (!m->nblen) {
			m->anomalies |= AN_NO_BOUNDARY;
		} else if (m->depth >= MIME_DEPTH) {
			m->anomalies |= AN_DEPTH;
		} else {
			memcpy(m->bnd[m->depth], m->nbnd, m->nblen);
			m->blen[m->depth++] = m->nblen;
		}
		return; /* the preamble is skipped */
	}
	m->state = ST_BODY;
	if (!m->attachment && !m->has_name)
		return; /* text, not a file */
	if (m->natt < ATT_MAX)
		set(&m->att[m->natt++], m->name, m->namelen);
	else
		m->att_dropped++;
	m->file = file_begin(x, ss, 0, m->name, m->namelen, m->msgs);
	m->fsize = 0;
	m->fcut = 0;
	m->crlf_due = 0;
	m->q = 0;
	m->qn = 0;
}

/* Which open multipart's boundary the line is (-1: none), and whether it
 * is the closing one. */
static int boundary(const struct smtp *m, const uint8_t *p, size_t n, int *last)
{
	if (n < 3 || p[0] != '-' || p[1] != '-')
		return -1;
	for (int k = m->depth - 1; k >= 0; k--) {
		size_t b = m->blen[k];
		if (n < 2 + b || memcmp(p + 2, m->bnd[k], b) != 0)
			continue;
		size_t r = 2 + b;
		*last = n >= r + 2 && p[r] == '-' && p[r + 1] == '-';
		if (*last)
			r += 2;
		while (r < n && (p[r] == ' ' || p[r] == '\t'))
			r++;
		if (r == n)
			return k;
	}
	return -1;
}

static void message_line(struct sessions *x, struct sess *ss, struct smtp *m, const uint8_t *p,
                         size_t n, int cut, const struct stream_ts *ts)
{
	int last = 0, k = boundary(m, p, n, &last);
	if (k >= 0) {
		end_file(x, m, ts, 1);
		if (m->state == ST_HEADERS)
			m->hlen = 0;
		m->depth = k + 1;
		if (++m->parts > PARTS_MAX) {
			m->anomalies |= AN_PARTS_CAP;
			m->depth = 0; /* no more parts: the rest is skipped */
			m->state = ST_SKIP;
			return;
		}
		if (last) {
			m->depth = k;
			m->state = ST_SKIP; /* the epilogue */
		} else {
			new_entity(m);
		}
		return;
	}
	if (m->state == ST_SKIP)
		return;
	if (m->state == ST_BODY) {
		body_line(x, m, p, n);
		if (cut) { /* what the line kept is in; the rest of the file is not */
			m->anomalies |= AN_LINE_CUT;
			if (m->file)
				m->fcut = 1;
		}
		return;
	}
	/* headers */
	if (!n) {
		headers_done(x, ss, m);
		return;
	}
	if (cut)
		m->anomalies |= AN_HDR_CUT;
	if (m->hbytes + n > HEADERS_MAX) { /* the entity's further headers are dropped */
		m->anomalies |= AN_HEADERS_CAP;
		m->hbytes = HEADERS_MAX;
		return;
	}
	m->hbytes += (uint32_t)n;
	if (p[0] == ' ' || p[0] == '\t') { /* folded: goes on the header before */
		if (!m->hlen)
			return;
		size_t room = HDR_MAX - m->hlen, t = n < room ? n : room;
		if (t < n)
			m->anomalies |= AN_HDR_CUT;
		memcpy(m->hdr + m->hlen, p, t);
		m->hlen += t;
		return;
	}
	if (m->hlen)
		header(m, m->hdr, m->hlen);
	m->hlen = n < HDR_MAX ? n : HDR_MAX;
	if (m->hlen < n)
		m->anomalies |= AN_HDR_CUT;
	memcpy(m->hdr, p, m->hlen);
}

/* ---- events --------------------------------------------------------------- */

static void emit(struct sessions *x, struct sess *ss, const struct stream_ts *ts)
{
	struct smtp *m = ss->ps;
	if (m->in_data) { /* the connection ended inside the message */
		end_file(x, m, ts, 0);
		if (m->state == ST_HEADERS && m->depth == 0 && m->parts == 0 && m->hlen)
			header(m, m->hdr, m->hlen);
	}
	if (m->depth)
		m->anomalies |= AN_NO_END;
	ev_begin(x, ss, &m->ts);
	if (m->helo.n)
		ev_str(x, "helo", m->helo.v, m->helo.n, " HELO ");
	if (m->from.n)
		ev_str(x, "mail_from", m->from.v, m->from.n, " FROM ");
	if (m->nrcpt) {
		ev_arr_begin(x, "rcpt_to", " TO ");
		for (unsigned i = 0; i < m->nrcpt; i++)
			ev_arr_str(x, m->rcpt[i].v, m->rcpt[i].n, ",");
		ev_arr_end(x);
	}
	if (m->rcpt_dropped)
		ev_u(x, "rcpt_to_dropped", m->rcpt_dropped, NULL);
	ev_section(x, "email");
	if (m->had_data)
		ev_cstr(x, "status", m->ended ? "PARSE_DONE" : "TRUNCATED", NULL);
	if (!m->ended)
		ev_text(x, " (message truncated)");
	if (m->hfrom.n)
		ev_str(x, "from", m->hfrom.v, m->hfrom.n, NULL);
	if (m->nto) {
		ev_arr_begin(x, "to", NULL);
		for (unsigned i = 0; i < m->nto; i++)
			ev_arr_str(x, m->to[i].v, m->to[i].n, NULL);
		ev_arr_end(x);
	}
	if (m->ncc) {
		ev_arr_begin(x, "cc", NULL);
		for (unsigned i = 0; i < m->ncc; i++)
			ev_arr_str(x, m->cc[i].v, m->cc[i].n, NULL);
		ev_arr_end(x);
	}
	if (m->subject.n)
		ev_str(x, "subject", m->subject.v, m->subject.n, " Subject: ");
	if (m->date.n)
		ev_str(x, "date", m->date.v, m->date.n, NULL);
	if (m->msgid.n)
		ev_str(x, "message_id", m->msgid.v, m->msgid.n, NULL);
	if (m->mailer.n)
		ev_str(x, "x_mailer", m->mailer.v, m->mailer.n, NULL);
	if (m->natt) {
		ev_arr_begin(x, "attachment", " attachments: ");
		for (unsigned i = 0; i < m->natt; i++)
			ev_arr_str(x, m->att[i].v, m->att[i].n, ", ");
		ev_arr_end(x);
	}
	if (m->att_dropped)
		ev_u(x, "attachment_dropped", m->att_dropped, NULL);
	if (m->to_dropped)
		ev_u(x, "to_dropped", m->to_dropped, NULL);
	ev_u(x, "body_bytes", m->body_bytes, NULL);
	if (m->anomalies) {
		ev_arr_begin(x, "anomalies", " anomalies: ");
		for (unsigned i = 0; i < sizeof an_names / sizeof an_names[0]; i++)
			if (m->anomalies & (1u << i))
				ev_arr_str(x, (const uint8_t *)an_names[i], strlen(an_names[i]), ",");
		ev_arr_end(x);
	}
	ev_end(x);
	m->from.n = 0;
	m->nrcpt = m->rcpt_dropped = 0;
	m->subject.n = m->hfrom.n = m->date.n = m->msgid.n = m->mailer.n = 0;
	m->nto = m->ncc = m->to_dropped = 0;
	m->natt = m->att_dropped = 0;
	m->anomalies = 0;
	m->body_bytes = 0;
	m->started = m->ended = m->in_data = m->had_data = 0;
	m->depth = 0;
	m->parts = 0;
	m->msgs++;
}

static void smtp_line(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                      int cut, const struct stream_ts *ts)
{
	struct smtp *m = ss->ps;
	if (dir != 0)
		return;
	if (m->in_data) {
		if (n == 1 && p[0] == '.') {
			/* a part its boundary did not end may have been cut */
			end_file(x, m, ts, m->depth == 0);
			if (m->state == ST_HEADERS && m->depth == 0 && m->parts == 0 && m->hlen)
				header(m, m->hdr, m->hlen);
			m->in_data = 0;
			m->ended = 1;
			emit(x, ss, ts);
			return;
		}
		if (n && p[0] == '.') { /* dot-stuffing */
			p++;
			n--;
		}
		m->body_bytes += n + 2;
		message_line(x, ss, m, p, n, cut, ts);
		return;
	}
	if (sess_ieq(p, n, "helo ") || sess_ieq(p, n, "ehlo ")) {
		set(&m->helo, p + 5, n - 5);
	} else if (sess_ieq(p, n, "mail from:")) {
		set(&m->from, p + 10, n - 10);
		m->started = 1;
		m->ts = *ts;
	} else if (sess_ieq(p, n, "rcpt to:")) {
		if (m->nrcpt < RCPT_MAX)
			set(&m->rcpt[m->nrcpt++], p + 8, n - 8);
		else
			m->rcpt_dropped++;
	} else if (n == 4 && sess_ieq(p, n, "data")) {
		if (!m->started)
			m->ts = *ts;
		m->started = 1;
		m->in_data = m->had_data = 1;
		m->depth = 0;
		m->parts = 0;
		new_entity(m);
	} else if (n == 4 && sess_ieq(p, n, "rset")) {
		m->from.n = 0;
		m->nrcpt = m->rcpt_dropped = 0;
		m->started = 0;
	}
}

static void smtp_close(struct sessions *x, struct sess *ss)
{
	struct smtp *m = ss->ps;
	if (m->started)
		emit(x, ss, &ss->s->last);
}

const struct app app_smtp = {
	.name = "smtp",
	.transports = APP_TCP,
	.detect = smtp_detect,
	.state_size = sizeof(struct smtp),
	.line = smtp_line,
	.close = smtp_close,
};
