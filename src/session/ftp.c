/* ftp.c - FTP control connections: every command with its reply, as EVE's
 * ftp events (command, command_data, reply[], completion_code[],
 * dynamic_port, mode), the user name kept for the connection. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define PENDING_MAX 8   /* commands awaiting a reply (pipelined) */
#define CMD_MAX 16
#define ARG_MAX 512
#define REPLY_LINES 8   /* lines of a multi-line reply kept */
#define REPLY_MAX 256

struct cmd {
	uint8_t name[CMD_MAX], arg[ARG_MAX];
	size_t nlen, alen;
	struct stream_ts ts;
};

struct ftp {
	struct cmd pend[PENDING_MAX];
	unsigned head, count;
	/* the reply being gathered */
	unsigned code;      /* of a multi-line reply in progress, 0 when none */
	uint8_t line[REPLY_LINES][REPLY_MAX];
	size_t llen[REPLY_LINES];
	unsigned nlines, dropped;
	unsigned codes[4], ncodes; /* preliminary (1xx) replies, then the final one */
};

static int has_ftp(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (sess_ieq(p + i, n - i, "ftp"))
			return 1;
	return 0;
}

static int ftp_detect(const uint8_t *p, size_t n, int dir, unsigned port)
{
	if (n < 4)
		return -1;
	if (dir == 1) {
		if (memcmp(p, "220", 3) != 0)
			return 0;
		return has_ftp(p, n) || port == 21 ? 1 : 0;
	}
	if (sess_ieq(p, n, "user ")) {
		/* FTP's USER has one argument; IRC's has four */
		for (size_t i = 5; i < n; i++) {
			if (p[i] == '\r' || p[i] == '\n')
				return 1;
			if (p[i] == ' ')
				return 0;
		}
		return -1;
	}
	static const char *const first[] = { "auth ", "feat", "syst", "pasv", "epsv", "port ",
					     "eprt ", "retr ", "stor ", "opts " };
	for (size_t i = 0; i < sizeof first / sizeof first[0]; i++)
		if (sess_ieq(p, n, first[i]))
			return port == 21 ? 1 : 0;
	return 0;
}

static unsigned reply_code(const uint8_t *p, size_t n, int *more)
{
	if (n < 3)
		return 0;
	for (int i = 0; i < 3; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	if (n > 3 && p[3] != ' ' && p[3] != '-')
		return 0;
	*more = n > 3 && p[3] == '-';
	return (unsigned)(p[0] - '0') * 100 + (unsigned)(p[1] - '0') * 10 + (unsigned)(p[2] - '0');
}

/* The port of PORT h1,h2,h3,h4,p1,p2, of a 227 reply's (h1,...,p2), of
 * EPRT |af|addr|port| and of a 229 reply's (|||port|); 0 when none. */
static unsigned six_numbers_port(const uint8_t *p, size_t n)
{
	unsigned v[6], k = 0, cur = 0;
	int in = 0;
	for (size_t i = 0; i <= n && k < 6; i++) {
		int dig = i < n && p[i] >= '0' && p[i] <= '9';
		if (dig) {
			cur = cur * 10 + (unsigned)(p[i] - '0');
			if (cur > 255)
				return 0;
			in = 1;
		} else if (in) {
			v[k++] = cur;
			cur = 0;
			in = 0;
			if (i < n && p[i] != ',' && k < 6)
				k = 0; /* numbers not separated by commas: start again */
		}
	}
	return k == 6 ? v[4] * 256 + v[5] : 0;
}

static unsigned pipe_port(const uint8_t *p, size_t n)
{
	/* the number between the last two '|' */
	size_t e = n;
	while (e > 0 && p[e - 1] != '|')
		e--;
	if (!e)
		return 0;
	size_t s = e - 1;
	while (s > 0 && p[s - 1] != '|')
		s--;
	unsigned v = 0;
	for (size_t i = s; i + 1 < e; i++) {
		if (p[i] < '0' || p[i] > '9' || v > 6553)
			return 0;
		v = v * 10 + (unsigned)(p[i] - '0');
	}
	return v <= 65535 ? v : 0;
}

static void emit(struct sessions *x, struct sess *ss, const struct cmd *c,
                 const struct stream_ts *ts)
{
	struct ftp *f = ss->ps;
	ev_begin(x, ss, c ? &c->ts : ts);
	if (c) {
		ev_str(x, "command", c->name, c->nlen, " ");
		if (c->alen)
			ev_str(x, "command_data", c->arg, c->alen, " ");
	}
	ev_arr_begin(x, "reply", c ? " -> " : " ");
	for (unsigned i = 0; i < f->nlines; i++)
		ev_arr_str(x, f->line[i], f->llen[i], " | ");
	ev_arr_end(x);
	unsigned code = f->ncodes ? f->codes[f->ncodes - 1] : 0;
	if (f->ncodes) {
		ev_arr_begin(x, "completion_code", NULL);
		for (unsigned i = 0; i < f->ncodes; i++)
			ev_arr_u(x, f->codes[i]);
		ev_arr_end(x);
	}
	if (f->dropped)
		ev_u(x, "reply_lines_dropped", f->dropped, NULL);
	ev_bool(x, "reply_received", f->nlines != 0);
	unsigned port = 0;
	const char *mode = NULL;
	if (c && c->nlen == 4 && sess_ieq(c->name, 4, "port")) {
		port = six_numbers_port(c->arg, c->alen);
		mode = "active";
	} else if (c && c->nlen == 4 && sess_ieq(c->name, 4, "eprt")) {
		port = pipe_port(c->arg, c->alen);
		mode = "active";
	} else if (code == 227 && f->nlines) {
		port = six_numbers_port(f->line[0], f->llen[0]);
		mode = "passive";
	} else if (code == 229 && f->nlines) {
		port = pipe_port(f->line[0], f->llen[0]);
		mode = "passive";
	}
	if (port) {
		ev_u(x, "dynamic_port", port, " data port ");
		ev_cstr(x, "mode", mode, " ");
	}
	ev_end(x);
}

static void ftp_line(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                     int cut, const struct stream_ts *ts)
{
	struct ftp *f = ss->ps;
	(void)cut;
	if (dir == 0) {
		if (!n)
			return;
		if (f->count == PENDING_MAX) { /* never answered: out without a reply */
			unsigned saved = f->nlines, sc = f->ncodes;
			f->nlines = f->ncodes = 0;
			emit(x, ss, &f->pend[f->head], ts);
			f->nlines = saved;
			f->ncodes = sc;
			f->head = (f->head + 1) % PENDING_MAX;
			f->count--;
		}
		struct cmd *c = &f->pend[(f->head + f->count) % PENDING_MAX];
		size_t i = 0;
		while (i < n && p[i] != ' ' && i < CMD_MAX)
			i++;
		memcpy(c->name, p, i);
		c->nlen = i;
		while (i < n && p[i] == ' ')
			i++;
		c->alen = n - i < ARG_MAX ? n - i : ARG_MAX;
		memcpy(c->arg, p + i, c->alen);
		c->ts = *ts;
		f->count++;
		return;
	}
	int more = 0;
	unsigned code = reply_code(p, n, &more);
	if (!f->code && !code)
		return; /* not a reply line */
	if (f->nlines < REPLY_LINES) {
		size_t k = n < REPLY_MAX ? n : REPLY_MAX;
		memcpy(f->line[f->nlines], p, k);
		f->llen[f->nlines++] = k;
	} else {
		f->dropped++;
	}
	if (!f->code && more) {
		f->code = code; /* a multi-line reply begins */
		return;
	}
	if (f->code && (code != f->code || more))
		return; /* inside a multi-line reply */
	/* the reply is complete: it answers the oldest command waiting (a
	 * 1xx reply is preliminary: the command waits on for its final one) */
	unsigned final = f->code ? f->code : code;
	f->code = 0;
	if (f->ncodes < 4)
		f->codes[f->ncodes++] = final;
	if (f->count && final < 200)
		return;
	emit(x, ss, f->count ? &f->pend[f->head] : NULL, ts); /* no command: the greeting */
	if (f->count) {
		f->head = (f->head + 1) % PENDING_MAX;
		f->count--;
	}
	f->nlines = 0;
	f->dropped = 0;
	f->ncodes = 0;
}

static void ftp_close(struct sessions *x, struct sess *ss)
{
	struct ftp *f = ss->ps;
	struct stream_ts ts = ss->s->last;
	while (f->count) {
		emit(x, ss, &f->pend[f->head], &ts);
		f->nlines = f->ncodes = 0;
		f->head = (f->head + 1) % PENDING_MAX;
		f->count--;
	}
}

const struct app app_ftp = {
	.name = "ftp",
	.transports = APP_TCP,
	.detect = ftp_detect,
	.state_size = sizeof(struct ftp),
	.line = ftp_line,
	.close = ftp_close,
};

/* placeholder: FTP data connections are being written */
const struct app app_ftp_data = {
	.name = "ftp-data",
	.transports = APP_TCP,
};
