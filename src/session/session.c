/* session.c - the session layer: protocol detection, lines, events (see
 * session.h). */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analyze/community_id.h"
#include "../analyze/internal.h"
#include "../analyze/json.h"
#include "../core/names.h"
#include "../stream/evetime.h"
#include "hashpipe.h"
#include "internal.h"

/* The protocols, in the order they are asked: the first that says yes
 * wins.  Adding one is a file and a row here. */
static const struct app *const apps[] = {
	&app_http, &app_ftp, &app_smtp, &app_irc, &app_tls, &app_dns, &app_telnet,
};
#define NAPPS (sizeof apps / sizeof apps[0])


int sess_ieq(const uint8_t *p, size_t n, const char *word)
{
	size_t k = strlen(word);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++) {
		uint8_t c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (uint8_t)(c + 32);
		if (c != (uint8_t)word[i])
			return 0;
	}
	return 1;
}

/* ---- the event writer ---------------------------------------------------- */

static void put_endpoint(struct out *o, const struct stream *s, int side)
{
	char b[64];
	int k = s->alen == 4 ? fmt_ip4(b, s->side[side].addr) : fmt_ip6(b, s->side[side].addr);
	out_mem(o, b, (size_t)k);
	out_c(o, '.');
	out_u(o, s->side[side].port);
}

static void put_json_addr(struct out *o, const struct stream *s, int side)
{
	json_addr(o, s->side[side].addr, s->alen);
}

void ev_begin_as(struct sessions *x, struct sess *ss, const struct stream_ts *ts,
                 const char *type)
{
	struct out *o = x->o;
	const struct stream *s = ss->s;
	if (!o)
		return;
	out_reserve(o, OUT_SLACK);
	x->depth = 0;
	x->first[0] = 1;
	x->arr[0] = 0;
	x->in_arr = 0;
	if (!x->json) {
		an_put_time(o, &x->clk, ts->sec, ts->frac, x->nano, 0);
		out_c(o, ' ');
		out_s(o, type);
		out_c(o, ' ');
		put_endpoint(o, s, 0);
		out_s(o, " > ");
		put_endpoint(o, s, 1);
		out_c(o, ':');
		return;
	}
	char cid[COMMUNITY_ID_LEN + 1];
	out_s(o, "{\"timestamp\":\"");
	eve_put_time(o, &x->eclk, ts->sec, ts->frac, x->nano);
	out_c(o, '"');
	out_s(o, ",\"flow_id\":");
	out_u(o, ss->flow_id);
	if (community_id_v1(cid, 0, s->side[0].addr, s->side[1].addr, s->alen, s->proto,
			    s->side[0].port, s->side[1].port, 1)) {
		out_s(o, ",\"community_id\":\"");
		out_s(o, cid);
		out_c(o, '"');
	}
	out_s(o, ",\"event_type\":\"");
	out_s(o, type);
	out_s(o, "\",\"src_ip\":");
	put_json_addr(o, s, 0);
	out_s(o, ",\"src_port\":");
	out_u(o, s->side[0].port);
	out_s(o, ",\"dest_ip\":");
	put_json_addr(o, s, 1);
	out_s(o, ",\"dest_port\":");
	out_u(o, s->side[1].port);
	out_s(o, s->proto == 6 ? ",\"proto\":\"TCP\"" : ",\"proto\":\"UDP\"");
	out_s(o, ",\"app_proto\":\"");
	out_s(o, ss->app ? ss->app->name : "failed");
	out_s(o, "\",\"");
	out_s(o, type);
	out_s(o, "\":{");
}

void ev_begin(struct sessions *x, struct sess *ss, const struct stream_ts *ts)
{
	ev_begin_as(x, ss, ts, ss->app->name);
}

/* Text: printable ASCII as is, the rest as '.', at most 400 bytes. */
static void put_text(struct out *o, const uint8_t *p, size_t n)
{
	size_t k = n < 400 ? n : 400;
	char *d = out_room(o, k + 3);
	for (size_t i = 0; i < k; i++)
		d[i] = p[i] >= 0x20 && p[i] < 0x7f ? (char)p[i] : '.';
	if (k < n) {
		memcpy(d + k, "...", 3);
		k += 3;
	}
	out_commit(o, k);
}

/* The key of a field (or the comma before an array item). */
static void key(struct sessions *x, const char *k)
{
	if (x->arr[x->depth]) {
		if (!x->first[x->depth])
			out_c(x->o, ',');
		x->first[x->depth] = 0;
		return;
	}
	json_key(x->o, &x->first[x->depth], k);
}

void ev_str(struct sessions *x, const char *k, const uint8_t *p, size_t n, const char *sep)
{
	if (!x->o)
		return;
	out_reserve(x->o, OUT_SLACK);
	if (x->json) {
		key(x, k);
		json_str(x->o, p, n);
	} else if (sep) {
		out_s(x->o, sep);
		put_text(x->o, p, n);
	}
}

void ev_cstr(struct sessions *x, const char *k, const char *s, const char *sep)
{
	if (x->hp && hp_is_token(s)) { /* a digest the hashing thread fills in */
		if (!x->o)
			return;
		out_reserve(x->o, OUT_SLACK);
		if (x->json) {
			key(x, k);
			out_c(x->o, '"');
			hp_hole(x->hp, s);
			out_c(x->o, '"');
		} else if (sep) {
			out_s(x->o, sep);
			hp_hole(x->hp, s);
		}
		return;
	}
	ev_str(x, k, (const uint8_t *)s, strlen(s), sep);
}

void sess_hash_hold(struct sessions *x, const char *sha256)
{
	if (x->hp)
		hp_hold(x->hp, sha256);
}

void sess_hash_drop(struct sessions *x, const char *sha256)
{
	if (x->hp)
		hp_drop(x->hp, sha256);
}

void ev_u(struct sessions *x, const char *k, uint64_t v, const char *sep)
{
	if (!x->o)
		return;
	if (x->json) {
		key(x, k);
		out_u(x->o, v);
	} else if (sep) {
		out_s(x->o, sep);
		out_u(x->o, v);
	}
}

void ev_bool(struct sessions *x, const char *k, int v)
{
	if (x->o && x->json) {
		key(x, k);
		out_s(x->o, v ? "true" : "false");
	}
}

void ev_text(struct sessions *x, const char *s)
{
	if (x->o && !x->json)
		out_s(x->o, s);
}

static void push(struct sessions *x, int arr)
{
	if (x->depth + 1 < (int)(sizeof x->first / sizeof x->first[0]))
		x->depth++;
	x->first[x->depth] = 1;
	x->arr[x->depth] = (uint8_t)arr;
}

static void pop(struct sessions *x)
{
	if (x->depth > 0)
		x->depth--;
}

void ev_arr_begin(struct sessions *x, const char *k, const char *sep)
{
	if (!x->o)
		return;
	x->in_arr = 1;
	x->arr_first = 1;
	x->arr_sep = sep;
	if (x->json) {
		key(x, k);
		out_c(x->o, '[');
		push(x, 1);
	}
}

void ev_arr_str(struct sessions *x, const uint8_t *p, size_t n, const char *sep)
{
	if (!x->o)
		return;
	out_reserve(x->o, OUT_SLACK);
	if (x->json) {
		key(x, NULL);
		json_str(x->o, p, n);
	} else if (x->arr_sep) {
		out_s(x->o, x->arr_first ? x->arr_sep : sep);
		put_text(x->o, p, n);
	}
	x->arr_first = 0;
}

void ev_arr_u(struct sessions *x, uint64_t v)
{
	if (x->o && x->json) {
		key(x, NULL);
		out_u(x->o, v);
	}
	x->arr_first = 0;
}

void ev_arr_end(struct sessions *x)
{
	if (x->o && x->json) {
		out_c(x->o, ']');
		pop(x);
	}
	x->in_arr = 0;
}

void ev_obj_begin(struct sessions *x, const char *k)
{
	if (!x->o || !x->json)
		return;
	key(x, k);
	out_c(x->o, '{');
	push(x, 0);
}

void ev_obj_end(struct sessions *x)
{
	if (!x->o || !x->json)
		return;
	out_c(x->o, '}');
	pop(x);
}

void ev_section(struct sessions *x, const char *name)
{
	if (!x->o || !x->json)
		return;
	out_s(x->o, "},\"");
	out_s(x->o, name);
	out_s(x->o, "\":{");
	x->depth = 0;
	x->first[0] = 1;
	x->arr[0] = 0;
}

void ev_end(struct sessions *x)
{
	if (x->o)
		out_s(x->o, x->json ? "}}\n" : "\n");
}

/* ---- announced connections ----------------------------------------------- */

void sess_expect(struct sessions *x, const uint8_t *addr, unsigned alen, unsigned port,
                 const struct app *app, const void *cookie, size_t n, const struct stream_ts *ts)
{
	if ((alen != 4 && alen != 16) || !port)
		return;
	struct sess_expect *e = &x->expect[x->expect_next];
	x->expect_next = (x->expect_next + 1) % SESS_EXPECT_MAX;
	if (e->used)
		x->st.expected_dropped++;
	else
		x->expect_used++;
	memset(e, 0, sizeof *e);
	memcpy(e->addr, addr, alen);
	e->alen = (uint8_t)alen;
	e->port = (uint16_t)port;
	e->app = app;
	e->sec = ts->sec;
	e->n = n < sizeof e->cookie ? n : sizeof e->cookie;
	memcpy(e->cookie, cookie, e->n);
	e->used = 1;
}

/* The announcement a new connection answers: its server side (or, when
 * the announcer got the direction wrong, its client side) is the announced
 * address and port.  The newest wins. */
static struct sess_expect *expected(struct sessions *x, const struct stream *s)
{
	for (unsigned k = 0; k < SESS_EXPECT_MAX; k++) {
		unsigned i = (x->expect_next + SESS_EXPECT_MAX - 1 - k) % SESS_EXPECT_MAX;
		struct sess_expect *e = &x->expect[i];
		if (!e->used)
			continue;
		if (s->first.sec > e->sec + SESS_EXPECT_SECS) {
			e->used = 0;
			x->expect_used--;
			x->st.expected_dropped++;
			continue;
		}
		if (e->alen != s->alen)
			continue;
		for (int side = 1; side >= 0; side--)
			if (e->port == s->side[side].port && !memcmp(e->addr, s->side[side].addr, e->alen))
				return e;
	}
	return NULL;
}

/* ---- detection and lines ------------------------------------------------- */

static struct sess *sess_of(struct sessions *x, struct stream *s)
{
	return s->user[x->slot];
}

static int start_parser(struct sess *ss)
{
	if (ss->app && ss->app->state_size && !ss->ps) {
		ss->ps = calloc(1, ss->app->state_size);
		if (!ss->ps) {
			ss->app = NULL;
			return -1;
		}
	}
	return 0;
}

static void on_open(void *ctx, struct stream *s)
{
	struct sessions *x = ctx;
	s->user[x->slot] = NULL;
	if (s->proto != 6 && s->proto != 17)
		return;
	struct sess *ss = calloc(1, sizeof *ss);
	if (!ss)
		return;
	ss->s = s;
	ss->flow_id = flow_id_of(s->side[0].addr, s->side[1].addr, s->alen, s->proto,
				 s->side[0].port, s->side[1].port);
	s->user[x->slot] = ss;
	x->st.sessions++;
	if (s->proto == 6 && x->expect_used) {
		struct sess_expect *e = expected(x, s);
		if (e) {
			ss->app = e->app;
			ss->decided = 1;
			e->used = 0;
			x->expect_used--;
			x->st.expected_taken++;
			if (start_parser(ss) == 0 && ss->app->expected)
				ss->app->expected(x, ss, e->cookie, e->n);
		}
	}
}

/* Asks the protocols about the bytes seen so far; decides when one says
 * yes, or when all say no (or both directions' probes are full). */
static void detect(struct sess *ss)
{
	int undecided = 0;
	for (size_t i = 0; i < NAPPS; i++) {
		if (!(apps[i]->transports & APP_TCP) || !apps[i]->detect)
			continue;
		for (int dir = 0; dir < 2; dir++) {
			if (!ss->probe_len[dir])
				continue;
			int r = apps[i]->detect(ss->probe[dir], ss->probe_len[dir], dir,
						ss->s->side[1].port);
			if (r > 0) {
				ss->app = apps[i];
				ss->decided = 1;
				return;
			}
			if (r < 0 && ss->probe_len[dir] < sizeof ss->probe[dir])
				undecided = 1;
		}
	}
	int full = ss->probe_len[0] >= sizeof ss->probe[0] && ss->probe_len[1] >= sizeof ss->probe[1];
	if (!undecided && (full || (ss->probe_len[0] && ss->probe_len[1])))
		ss->decided = 1; /* nothing we know: stays silent */
}

/* UDP: each datagram is asked about whole, up to a few of them. */
#define SESS_UDP_TRIES 4
static void detect_udp(struct sess *ss, int dir, const uint8_t *p, size_t n)
{
	int undecided = 0;
	for (size_t i = 0; i < NAPPS; i++) {
		if (!(apps[i]->transports & APP_UDP) || !apps[i]->detect)
			continue;
		int r = apps[i]->detect(p, n, dir, ss->s->side[1].port);
		if (r > 0) {
			ss->app = apps[i];
			ss->decided = 1;
			return;
		}
		if (r < 0)
			undecided = 1;
	}
	if (!undecided || ++ss->tries >= SESS_UDP_TRIES)
		ss->decided = 1;
}

void sess_lines(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                const struct stream_ts *ts)
{
	struct linebuf *lb = ss->lb[dir];
	if (!lb) {
		lb = ss->lb[dir] = malloc(sizeof *lb);
		if (!lb)
			return;
		lb->len = 0;
		lb->cut = 0;
	}
	while (n) {
		const uint8_t *nl = memchr(p, '\n', n);
		size_t take = nl ? (size_t)(nl - p) : n;
		size_t room = sizeof lb->buf - lb->len;
		size_t k = take < room ? take : room;
		memcpy(lb->buf + lb->len, p, k);
		lb->len += k;
		if (k < take)
			lb->cut = 1;
		if (!nl)
			return;
		size_t len = lb->len;
		if (len && lb->buf[len - 1] == '\r')
			len--;
		lb->len = 0;
		int cut = lb->cut;
		lb->cut = 0;
		ss->app->line(x, ss, dir, lb->buf, len, cut, ts);
		p = nl + 1;
		n -= take + 1;
	}
}

static void deliver(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                    const struct stream_ts *ts)
{
	if (ss->app->data)
		ss->app->data(x, ss, dir, p, n, ts);
	else if (ss->app->line)
		sess_lines(x, ss, dir, p, n, ts);
}

static void on_data(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p, size_t n,
                    const struct stream_ts *ts)
{
	struct sessions *x = ctx;
	struct sess *ss = sess_of(x, s);
	(void)off;
	if (!ss)
		return;
	if (s->proto == 17) {
		if (!ss->decided) {
			detect_udp(ss, dir, p, n);
			if (!ss->app || start_parser(ss) < 0)
				return;
		}
		if (ss->app)
			deliver(x, ss, dir, p, n, ts);
		return;
	}
	if (!ss->decided) {
		size_t k = sizeof ss->probe[dir] - ss->probe_len[dir];
		if (k > n)
			k = n;
		memcpy(ss->probe[dir] + ss->probe_len[dir], p, k);
		ss->probe_len[dir] = (uint8_t)(ss->probe_len[dir] + k);
		detect(ss);
		if (!ss->decided)
			return;
		if (!ss->app || start_parser(ss) < 0)
			return;
		/* what was held for detection goes first, then the rest of p */
		for (int d = 0; d < 2; d++) {
			size_t held = ss->probe_len[d];
			if (d == dir)
				held -= k;
			if (held && ss->app)
				deliver(x, ss, d, ss->probe[d], held, ts);
		}
		if (ss->app)
			deliver(x, ss, dir, p, n, ts);
		return;
	}
	if (ss->app)
		deliver(x, ss, dir, p, n, ts);
}

static void on_gap(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n,
                   const struct stream_ts *ts)
{
	struct sessions *x = ctx;
	struct sess *ss = sess_of(x, s);
	(void)off;
	if (!ss)
		return;
	/* a line cut by a gap is not joined across it */
	if (ss->lb[dir]) {
		ss->lb[dir]->len = 0;
		ss->lb[dir]->cut = 0;
	}
	if (ss->app && ss->app->gap)
		ss->app->gap(x, ss, dir, n, ts);
}

static void on_close(void *ctx, struct stream *s)
{
	struct sessions *x = ctx;
	struct sess *ss = sess_of(x, s);
	if (!ss)
		return;
	if (!ss->decided && s->proto == 6 && (ss->probe_len[0] || ss->probe_len[1])) {
		/* a short connection: decide on what there is */
		for (size_t i = 0; i < NAPPS && !ss->app; i++)
			for (int d = 0; d < 2 && !ss->app; d++)
				if ((apps[i]->transports & APP_TCP) && apps[i]->detect &&
				    ss->probe_len[d] &&
				    apps[i]->detect(ss->probe[d], ss->probe_len[d], d, s->side[1].port) > 0)
					ss->app = apps[i];
		ss->decided = 1;
		if (ss->app && start_parser(ss) == 0) {
			struct stream_ts ts = s->last;
			for (int d = 0; d < 2; d++)
				if (ss->probe_len[d] && ss->app)
					deliver(x, ss, d, ss->probe[d], ss->probe_len[d], &ts);
		}
	}
	if (ss->app) {
		struct stream_ts ts = s->last;
		/* a last line without its end of line */
		for (int d = 0; d < 2; d++)
			if (ss->lb[d] && ss->lb[d]->len && ss->app->line) {
				size_t len = ss->lb[d]->len;
				ss->lb[d]->len = 0;
				ss->app->line(x, ss, d, ss->lb[d]->buf, len, ss->lb[d]->cut, &ts);
			}
		if (ss->app->close)
			ss->app->close(x, ss);
	}
	free(ss->lb[0]);
	free(ss->lb[1]);
	free(ss->ps);
	free(ss);
	s->user[x->slot] = NULL;
}

struct sessions *sessions_new(struct out *o, int json, int nano, const char *extract_dir,
                              char *err, size_t errlen)
{
	struct sessions *x = calloc(1, sizeof *x);
	if (!x) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	x->o = o;
	x->json = json;
	x->nano = nano;
	x->dirfd = -1;
	if (extract_dir && files_open(x, extract_dir, err, errlen) < 0) {
		free(x);
		return NULL;
	}
	return x;
}

void sessions_consumer(struct sessions *x, struct stream_consumer *c)
{
	*c = (struct stream_consumer){ x, on_open, on_data, on_gap, on_close, NULL };
}

void sessions_set_slot(struct sessions *x, int slot)
{
	x->slot = slot;
}

int sessions_threaded(struct sessions *x)
{
	if (x->hp || !x->o || x->files_json_ok || x->insp)
		return x->hp != NULL;
	if (!(x->hp = hp_new(x->o)))
		return 0;
	x->out = x->o;
	x->o = hp_out(x->hp);
	return 1;
}

const struct mapread_keep *sessions_keep(const struct sessions *x)
{
	return x->hp ? hp_keep(x->hp) : NULL;
}

/* Stops the hashing thread, its output written. */
static void unthread(struct sessions *x)
{
	if (!x->hp)
		return;
	hp_finish(x->hp);
	hp_free(x->hp);
	x->hp = NULL;
	x->o = x->out;
}

int sessions_finish(struct sessions *x, char *err, size_t errlen)
{
	unthread(x);
	const struct sess_stats *t = &x->st;
	if (t->insp_cut || t->insp_mem_cut)
		fprintf(stderr,
			"trawl: sessions: inspection buffers cut: %llu at their own bound, "
			"%llu at the bound on all (%zu MiB)\n",
			(unsigned long long)t->insp_cut, (unsigned long long)t->insp_mem_cut,
			SESS_BODY_INSPECT_TOTAL >> 20);
	if (t->expected_dropped || t->files_not_stored || t->store_errors)
		fprintf(stderr,
			"trawl: sessions: %llu announced connections not seen; files: %llu, "
			"%llu not stored (more than %d open at once), %llu store errors\n",
			(unsigned long long)t->expected_dropped, (unsigned long long)t->files,
			(unsigned long long)t->files_not_stored, SESS_OPEN_FILES_MAX,
			(unsigned long long)t->store_errors);
	return files_close(x, err, errlen);
}

void sessions_free(struct sessions *x)
{
	if (!x)
		return;
	unthread(x);
	if (x->dirfd >= 0)
		close(x->dirfd);
	if (x->files_json_ok)
		out_free(&x->files_json);
	free(x->dir);
	for (int i = 0; i < APP_STATE_MAX; i++)
		free(x->app_state[i]);
	free(x);
}

/* ---- inspection ----------------------------------------------------------- */

static void unthread(struct sessions *x);

void sessions_set_inspect(struct sessions *x, sess_inspect_fn fn, void *ctx)
{
	unthread(x); /* the inspector and the hashing thread do not mix */
	x->insp = fn;
	x->insp_ctx = ctx;
}

const char *sessions_app(const struct sessions *x, const struct stream *s)
{
	const struct sess *ss = s->user[x->slot];
	return ss && ss->app ? ss->app->name : NULL;
}

void sess_inspect(struct sessions *x, struct sess *ss, int dir, const struct sess_bufs *b,
                  const struct stream_ts *ts)
{
	if (x->insp && b->fresh)
		x->insp(x->insp_ctx, ss->s, dir, b, ts);
}

int sess_insp_take(struct sessions *x, size_t n)
{
	if (n > SESS_BODY_INSPECT_TOTAL - x->insp_mem) {
		x->st.insp_mem_cut++;
		return 0;
	}
	x->insp_mem += n;
	return 1;
}

void sess_insp_give(struct sessions *x, size_t n)
{
	x->insp_mem -= n < x->insp_mem ? n : x->insp_mem;
}

int ibuf_add(struct sessions *x, struct ibuf *b, const void *p, size_t n)
{
	size_t room = b->max - b->n, k = n < room ? n : room;
	if (k < n && !b->cut) {
		b->cut = 1;
		if (b->count_max)
			x->st.insp_cut++;
	}
	if (b->n + k > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + k)
			cap *= 2;
		if (cap > b->max)
			cap = b->max;
		size_t left = SESS_BODY_INSPECT_TOTAL - x->insp_mem;
		if (cap - b->cap > left) {
			/* as much as the total allows */
			cap = b->cap + left;
			if (!b->memcut)
				x->st.insp_mem_cut++;
			b->cut = b->memcut = 1;
			if (cap < b->n + k)
				k = cap - b->n;
		}
		if (cap > b->cap) {
			uint8_t *q = realloc(b->p, cap);
			if (!q) {
				b->cut = 1;
				return -1;
			}
			x->insp_mem += cap - b->cap;
			b->p = q;
			b->cap = (uint32_t)cap;
		}
	}
	if (k)
		memcpy(b->p + b->n, p, k);
	b->n += (uint32_t)k;
	return k < n ? -1 : 0;
}

void ibuf_free(struct sessions *x, struct ibuf *b)
{
	free(b->p);
	sess_insp_give(x, b->cap);
	b->p = NULL;
	b->n = b->cap = 0;
}

/* ---- for the fuzz harness ------------------------------------------------ */

void sess_force(struct sessions *x, struct stream *s, const struct app *app)
{
	struct sess *ss = sess_of(x, s);
	if (!ss || ss->decided)
		return;
	ss->app = app;
	ss->decided = 1;
	start_parser(ss);
}
