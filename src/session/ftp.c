/* ftp.c - FTP: control connections, every command with its reply, as EVE's
 * ftp events (command, command_data, reply[], completion_code[],
 * dynamic_port, mode), the user name kept for the connection; and the data
 * connections they announce (PASV, EPSV, PORT, EPRT), each an ftp_data
 * event and a file.
 *
 * A data connection is announced before the command that uses it is sent
 * (PASV, then RETR), so its announcement cannot name the file.  Instead
 * each control connection gets a number in the run, and every transfer
 * command (RETR, STOR, STOU, APPE, LIST, NLST, MLSD) it sends is written,
 * with its argument and the user name, into a bounded per-run table (a
 * ring of XFER_MAX, the oldest overwritten) kept in the sessions'
 * app_state.  The announcement's cookie carries the control connection's
 * number and how many transfer commands it had sent when the announcing
 * command was sent; the data connection, when its first byte comes (or
 * when it ends), takes the first transfer command of its control
 * connection from that count on.  The table outlives the control
 * connection, which may well end first. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define PENDING_MAX 8   /* commands awaiting a reply (pipelined) */
#define CMD_MAX 16
#define ARG_MAX 512
#define REPLY_LINES 8   /* lines of a multi-line reply kept */
#define REPLY_MAX 256
#define USER_MAX 64
#define XFER_MAX 256    /* transfer commands remembered in the run */

struct cmd {
	uint8_t name[CMD_MAX], arg[ARG_MAX];
	size_t nlen, alen;
	uint32_t xseq;      /* transfer commands sent before this one */
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
	/* the connection */
	uint64_t ctrl_id;   /* its number in the run, from 1 (0: not given yet) */
	uint32_t xseq;      /* transfer commands sent */
	uint8_t user[USER_MAX];
	size_t ulen;
	unsigned data_port; /* the last data connection announced, for the next transfer's event */
	const char *data_mode;
};

/* What an announced data connection is given. */
struct ftp_cookie {
	uint64_t ctrl_flow_id, ctrl_id;
	uint32_t xseq;
	uint8_t passive;
	uint8_t ulen;
	uint8_t user[USER_MAX];
};

/* The run's transfer commands (app_state[APP_STATE_FTP]). */
struct xfer {
	uint64_t ctrl_id;   /* 0: unused */
	uint32_t seq;
	uint8_t nlen;
	uint8_t name[8];
	uint16_t alen;
	uint8_t arg[ARG_MAX];
};
struct ftp_reg {
	uint64_t next_ctrl_id;
	unsigned next;
	struct xfer x[XFER_MAX];
};

static struct ftp_reg *reg(struct sessions *x)
{
	if (!x->app_state[APP_STATE_FTP])
		x->app_state[APP_STATE_FTP] = calloc(1, sizeof(struct ftp_reg));
	return x->app_state[APP_STATE_FTP];
}

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

/* PORT h1,h2,h3,h4,p1,p2 and a 227 reply's (h1,...,p2): the port (0 when
 * none) and the address into a[4]. */
static unsigned six_numbers(const uint8_t *p, size_t n, uint8_t a[4])
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
	if (k != 6)
		return 0;
	for (int i = 0; i < 4; i++)
		a[i] = (uint8_t)v[i];
	return v[4] * 256 + v[5];
}

/* RFC 2428's <d>af<d>addr<d>port<d> (EPRT's argument; a 229 reply's
 * (|||port|) from its '('): the port (0 when none), the address into a
 * (*alen 4 or 16, or 0 when the field is empty). */
static unsigned ext_addr(const uint8_t *p, size_t n, uint8_t a[16], unsigned *alen)
{
	*alen = 0;
	if (n < 5 || p[0] < 33 || p[0] > 126)
		return 0;
	uint8_t d = p[0];
	size_t f[4], k = 0; /* where each field begins */
	for (size_t i = 1; i <= n && k < 4; i++)
		if (p[i - 1] == d)
			f[k++] = i;
	if (k < 4 || p[f[3] - 1] != d)
		return 0;
	/* fields: f[0] af, f[1] addr, f[2] port; each ends at the next d */
	size_t ae = f[2] - 1, pe = f[3] - 1;
	unsigned port = 0;
	if (pe == f[2])
		return 0;
	for (size_t i = f[2]; i < pe; i++) {
		if (p[i] < '0' || p[i] > '9' || port > 6553)
			return 0;
		port = port * 10 + (unsigned)(p[i] - '0');
	}
	if (port > 65535)
		port = 0;
	size_t al = ae - f[1];
	if (al && al < 64) {
		char t[64];
		memcpy(t, p + f[1], al);
		t[al] = 0;
		if (inet_pton(AF_INET, t, a) == 1)
			*alen = 4;
		else if (inet_pton(AF_INET6, t, a) == 1)
			*alen = 16;
	}
	return port;
}

static unsigned epsv_port(const uint8_t *p, size_t n)
{
	const uint8_t *o = memchr(p, '(', n);
	uint8_t a[16];
	unsigned alen;
	return o ? ext_addr(o + 1, n - (size_t)(o + 1 - p), a, &alen) : 0;
}

/* An address that does not route on the Internet: RFC 1918, loopback,
 * link-local, shared (RFC 6598), unspecified; IPv6 ULA, link-local,
 * loopback, unspecified. */
static int private_addr(const uint8_t *a, unsigned alen)
{
	if (alen == 4)
		return a[0] == 10 || a[0] == 127 || a[0] == 0 || (a[0] == 172 && (a[1] & 0xf0) == 16) ||
		       (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) ||
		       (a[0] == 100 && (a[1] & 0xc0) == 64);
	static const uint8_t zero[15];
	return (a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||
	       !memcmp(a, zero, 15);
}

static int is_word(const struct cmd *c, const char *w)
{
	return c && c->nlen == strlen(w) && sess_ieq(c->name, c->nlen, w);
}

static int is_transfer(const uint8_t *name, size_t n)
{
	static const char *const t[] = { "retr", "stor", "stou", "appe", "list", "nlst", "mlsd" };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (n == 4 && sess_ieq(name, n, t[i]))
			return 1;
	return 0;
}

/* Announces the data connection a reply (or the command it answers)
 * tells of; remembers its port for the event.
 *
 * The address: EPSV gives none, the control connection's server is used.
 * PASV's and PORT's own address is used, but for one that does not route
 * (10/8, 192.168/16, ...) and differs from the control connection's
 * address of that side: that is a host behind NAT telling its inside
 * address, and the capture, which saw the control connection on the
 * outside address, will see the data connection there too.  A routable
 * address other than the control connection's (FXP, a transfer between
 * two servers) is used as given. */
static void announce(struct sessions *x, struct sess *ss, const struct cmd *c, unsigned code,
                     const struct stream_ts *ts)
{
	struct ftp *f = ss->ps;
	const struct stream *s = ss->s;
	uint8_t a[16];
	unsigned alen = 0, port = 0;
	int passive = 0;
	if ((is_word(c, "port") || is_word(c, "eprt")) && code >= 200 && code < 300) {
		if (is_word(c, "port")) {
			port = six_numbers(c->arg, c->alen, a);
			alen = 4;
		} else {
			port = ext_addr(c->arg, c->alen, a, &alen);
		}
	} else if (code == 227 && f->nlines) {
		port = six_numbers(f->line[f->nlines - 1], f->llen[f->nlines - 1], a);
		alen = 4;
		passive = 1;
	} else if (code == 229 && f->nlines) {
		port = epsv_port(f->line[f->nlines - 1], f->llen[f->nlines - 1]);
		passive = 1;
	} else {
		return;
	}
	if (!port)
		return;
	int side = passive; /* whose address: the server's for PASV/EPSV */
	if (!alen || alen != s->alen ||
	    (private_addr(a, alen) && memcmp(a, s->side[side].addr, alen) != 0)) {
		alen = s->alen;
		memcpy(a, s->side[side].addr, alen);
	}
	f->data_port = port;
	f->data_mode = passive ? "passive" : "active";
	struct ftp_cookie ck;
	memset(&ck, 0, sizeof ck);
	ck.ctrl_flow_id = ss->flow_id;
	ck.ctrl_id = f->ctrl_id;
	ck.xseq = c ? c->xseq : f->xseq;
	ck.passive = (uint8_t)passive;
	ck.ulen = (uint8_t)f->ulen;
	memcpy(ck.user, f->user, f->ulen);
	sess_expect(x, a, alen, port, &app_ftp_data, &ck, sizeof ck, ts);
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
	uint8_t a[16];
	unsigned alen;
	if (is_word(c, "port")) {
		port = six_numbers(c->arg, c->alen, a);
		mode = "active";
	} else if (is_word(c, "eprt")) {
		port = ext_addr(c->arg, c->alen, a, &alen);
		mode = "active";
	} else if (code == 227 && f->nlines) {
		port = six_numbers(f->line[f->nlines - 1], f->llen[f->nlines - 1], a);
		mode = "passive";
	} else if (code == 229 && f->nlines) {
		port = epsv_port(f->line[f->nlines - 1], f->llen[f->nlines - 1]);
		mode = "passive";
	} else if (c && is_transfer(c->name, c->nlen) && f->data_port) {
		/* the data connection this transfer used */
		port = f->data_port;
		mode = f->data_mode;
		f->data_port = 0;
	}
	if (port) {
		ev_u(x, "dynamic_port", port, " data port ");
		ev_cstr(x, "mode", mode, " ");
	}
	ev_end(x);
}

/* A transfer command into the run's table. */
static void remember(struct sessions *x, struct ftp *f, const struct cmd *c)
{
	struct ftp_reg *r = reg(x);
	if (!r)
		return;
	struct xfer *t = &r->x[r->next];
	r->next = (r->next + 1) % XFER_MAX;
	t->ctrl_id = f->ctrl_id;
	t->seq = f->xseq;
	t->nlen = (uint8_t)c->nlen; /* 4: is_transfer */
	for (size_t i = 0; i < c->nlen && i < sizeof t->name; i++)
		t->name[i] = c->name[i] >= 'a' && c->name[i] <= 'z' ? (uint8_t)(c->name[i] - 32) : c->name[i];
	t->alen = (uint16_t)c->alen;
	memcpy(t->arg, c->arg, c->alen);
}

static void ftp_line(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                     int cut, const struct stream_ts *ts)
{
	struct ftp *f = ss->ps;
	(void)cut;
	if (!f->ctrl_id) {
		struct ftp_reg *r = reg(x);
		f->ctrl_id = r ? ++r->next_ctrl_id : 0;
	}
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
		c->xseq = f->xseq;
		f->count++;
		if (is_word(c, "user")) {
			f->ulen = c->alen < USER_MAX ? c->alen : USER_MAX;
			memcpy(f->user, c->arg, f->ulen);
		} else if (is_transfer(c->name, c->nlen) && f->ctrl_id) {
			remember(x, f, c);
			f->xseq++;
		}
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
	const struct cmd *c = f->count ? &f->pend[f->head] : NULL; /* none: the greeting */
	announce(x, ss, c, final, ts);
	emit(x, ss, c, ts);
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

/* ---- data connections ---------------------------------------------------- */

struct ftp_data {
	struct ftp_cookie ck;
	int resolved;        /* the transfer command was found */
	uint8_t cmd[8];
	size_t clen;
	uint8_t arg[ARG_MAX];
	size_t alen;
	struct sfile *file;
	int started;
	int ddir;            /* the direction carrying the file */
	uint64_t other_bytes;/* bytes the other way (there should be none) */
};

static void fd_expected(struct sessions *x, struct sess *ss, const void *cookie, size_t n)
{
	struct ftp_data *d = ss->ps;
	(void)x;
	memcpy(&d->ck, cookie, n < sizeof d->ck ? n : sizeof d->ck);
	if (d->ck.ulen > USER_MAX)
		d->ck.ulen = USER_MAX;
	d->ddir = -1;
}

/* The first transfer command the control connection sent from the
 * announcement on. */
static void resolve(struct sessions *x, struct ftp_data *d)
{
	const struct ftp_reg *r = x->app_state[APP_STATE_FTP];
	if (d->resolved || !r || !d->ck.ctrl_id)
		return;
	const struct xfer *best = NULL;
	for (unsigned i = 0; i < XFER_MAX; i++) {
		const struct xfer *t = &r->x[i];
		if (t->ctrl_id == d->ck.ctrl_id && t->seq >= d->ck.xseq && (!best || t->seq < best->seq))
			best = t;
	}
	if (!best)
		return;
	d->resolved = 1;
	d->clen = best->nlen < sizeof d->cmd ? best->nlen : sizeof d->cmd;
	memcpy(d->cmd, best->name, d->clen);
	d->alen = best->alen < ARG_MAX ? best->alen : ARG_MAX;
	memcpy(d->arg, best->arg, d->alen);
}

static int is_cmd(const struct ftp_data *d, const char *w)
{
	return d->clen == strlen(w) && !memcmp(d->cmd, w, d->clen);
}

/* Begins the file on the first bytes (or gap) of direction dir.  Its
 * direction in FTP's terms: RETR and listings download (to_client), STOR,
 * STOU, APPE upload (to_server); with no command known, the server of a
 * passive connection (the TCP server) or of an active one (the TCP
 * client) sending is a download. */
static void start(struct sessions *x, struct sess *ss, int dir)
{
	struct ftp_data *d = ss->ps;
	resolve(x, d);
	d->started = 1;
	d->ddir = dir;
	int fdir;
	if (is_cmd(d, "STOR") || is_cmd(d, "STOU") || is_cmd(d, "APPE"))
		fdir = 0;
	else if (d->resolved)
		fdir = 1;
	else
		fdir = d->ck.passive ? dir : 1 - dir;
	/* a listing is stored under its command's name */
	int listing = is_cmd(d, "LIST") || is_cmd(d, "NLST") || is_cmd(d, "MLSD");
	if (listing || !d->alen)
		d->file = file_begin(x, ss, fdir, d->cmd, d->clen, 0);
	else
		d->file = file_begin(x, ss, fdir, d->arg, d->alen, 0);
}

static void fd_data(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                    const struct stream_ts *ts)
{
	struct ftp_data *d = ss->ps;
	(void)ts;
	if (!d->started)
		start(x, ss, dir);
	if (dir == d->ddir)
		file_data(x, d->file, p, n);
	else
		d->other_bytes += n;
}

static void fd_gap(struct sessions *x, struct sess *ss, int dir, uint64_t n,
                   const struct stream_ts *ts)
{
	struct ftp_data *d = ss->ps;
	(void)ts;
	if (!d->started)
		start(x, ss, dir);
	if (dir == d->ddir)
		file_gap(x, d->file, n);
}

static void fd_close(struct sessions *x, struct sess *ss)
{
	struct ftp_data *d = ss->ps;
	struct stream_ts ts = ss->s->last;
	if (!d->started) /* nothing came: an empty transfer (or one cut at once) */
		start(x, ss, d->ck.passive ? 1 : 0);
	resolve(x, d);
	struct sfile_result r;
	int complete = ss->s->closed == STREAM_FIN;
	file_end(x, d->file, &ts, complete, &r);
	d->file = NULL;
	ev_begin_as(x, ss, &ts, "ftp_data");
	if (d->resolved) {
		ev_str(x, "command", d->cmd, d->clen, " ");
		if (d->alen)
			ev_str(x, "filename", d->arg, d->alen, " ");
	} else {
		ev_text(x, " (no transfer command seen)");
	}
	if (d->ck.ulen)
		ev_str(x, "user", d->ck.user, d->ck.ulen, " user ");
	ev_u(x, "control_flow_id", d->ck.ctrl_flow_id, NULL);
	ev_cstr(x, "mode", d->ck.passive ? "passive" : "active", NULL);
	ev_u(x, "size", r.size, " size ");
	ev_cstr(x, "sha256", r.sha256, " sha256 ");
	sess_hash_drop(x, r.sha256);
	ev_bool(x, "gaps", r.gaps);
	ev_cstr(x, "state", r.complete ? "CLOSED" : "TRUNCATED", NULL);
	if (!r.complete)
		ev_text(x, r.gaps ? " (truncated: gaps)" : " (truncated)");
	if (d->other_bytes)
		ev_u(x, "other_direction_bytes", d->other_bytes, NULL);
	ev_end(x);
}

const struct app app_ftp_data = {
	.name = "ftp-data",
	.transports = APP_TCP,
	.state_size = sizeof(struct ftp_data),
	.data = fd_data,
	.gap = fd_gap,
	.close = fd_close,
	.expected = fd_expected,
};
