/* smtp.c - SMTP: the envelope of each message (HELO/EHLO, MAIL FROM, RCPT
 * TO) and its Subject, From and To headers, as EVE's smtp event with its
 * email object, one per message. */
#include <string.h>

#include "internal.h"

#define FIELD_MAX 256
#define RCPT_MAX 16

struct field {
	uint8_t v[FIELD_MAX];
	size_t n;
};

struct smtp {
	struct field helo, from, subject, hfrom, hto;
	struct field rcpt[RCPT_MAX];
	unsigned nrcpt, rcpt_dropped;
	uint8_t in_data, in_headers, started;
	uint64_t body_bytes;
	struct stream_ts ts;
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
	f->n = n < FIELD_MAX ? n : FIELD_MAX;
	memcpy(f->v, p, f->n);
}

static void emit(struct sessions *x, struct sess *ss)
{
	struct smtp *m = ss->ps;
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
	if (m->hfrom.n)
		ev_str(x, "from", m->hfrom.v, m->hfrom.n, NULL);
	if (m->hto.n) {
		ev_arr_begin(x, "to", NULL);
		ev_arr_str(x, m->hto.v, m->hto.n, NULL);
		ev_arr_end(x);
	}
	if (m->subject.n)
		ev_str(x, "subject", m->subject.v, m->subject.n, " Subject: ");
	ev_u(x, "body_bytes", m->body_bytes, NULL);
	ev_end(x);
	m->from.n = 0;
	m->nrcpt = m->rcpt_dropped = 0;
	m->subject.n = m->hfrom.n = m->hto.n = 0;
	m->body_bytes = 0;
	m->started = 0;
}

static void smtp_line(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                      int cut, const struct stream_ts *ts)
{
	struct smtp *m = ss->ps;
	(void)cut;
	if (dir != 0)
		return;
	if (m->in_data) {
		if (n == 1 && p[0] == '.') {
			m->in_data = 0;
			emit(x, ss);
			return;
		}
		if (n && p[0] == '.') { /* dot-stuffing */
			p++;
			n--;
		}
		m->body_bytes += n + 2;
		if (!m->in_headers)
			return;
		if (!n) {
			m->in_headers = 0;
			return;
		}
		if (sess_ieq(p, n, "subject:"))
			set(&m->subject, p + 8, n - 8);
		else if (sess_ieq(p, n, "from:"))
			set(&m->hfrom, p + 5, n - 5);
		else if (sess_ieq(p, n, "to:"))
			set(&m->hto, p + 3, n - 3);
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
		m->in_data = m->in_headers = 1;
	}
}

static void smtp_close(struct sessions *x, struct sess *ss)
{
	struct smtp *m = ss->ps;
	if (m->started)
		emit(x, ss);
}

const struct app app_smtp = {
	.name = "smtp",
	.transports = APP_TCP,
	.detect = smtp_detect,
	.state_size = sizeof(struct smtp),
	.line = smtp_line,
	.close = smtp_close,
};
