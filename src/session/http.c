/* http.c - HTTP/1.x: one event per transaction (a request and its
 * response), as EVE's http events (hostname, url, http_user_agent,
 * http_method, protocol, status, http_content_type, http_refer, length,
 * redirect), and every body a file (src/session/files.c).
 *
 * Found by content on any port: a client that starts with a method and a
 * space, a server that starts with "HTTP/1.".  Each direction is a small
 * state machine over the bytes as they come: the start line and the header
 * lines are split here (one line kept at a time, cut at HTTP_LINE_MAX),
 * bodies are streamed, never held: Content-Length, chunked transfer coding
 * (sizes with extensions, trailers), or until the connection closes.  A
 * body in Content-Encoding gzip, x-gzip or deflate is inflated with zlib
 * (gzip, zlib or raw deflate, told apart by its first two bytes), and the
 * file hashed and stored is the decoded body, cut at HTTP_DECODED_MAX.
 *
 * Pipelining: requests wait in a queue (HTTP_PENDING_MAX) and responses
 * answer them in order; 1xx responses other than 101 are interim.  After
 * 101 or a successful CONNECT the connection is no longer HTTP.
 *
 * Everything fed by the traffic is bounded: a line, the header section of
 * a message (HTTP_HEADER_BYTES_MAX, HTTP_HEADERS_MAX), the queue, the
 * decoded size.  What cannot be parsed (a gap where the framing was being
 * read, a bad chunk size, a header section over its cap) stops the parsing
 * of that direction, and the reason is the event's "parse_error".
 *
 * With an inspector (sessions_set_inspect), each transaction's buffers
 * (session.h) are made when the headers of its request, then of its
 * response, are read (or cut short), and its bodies' first decoded bytes
 * gathered; the request's stay with it in the queue so that the
 * response's calls have them too.  Without one nothing of it is done. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "internal.h"

#define HTTP_PENDING_MAX 16            /* requests awaiting their response */
#define HTTP_LINE_MAX 4096             /* bytes of one header line kept */
#define HTTP_HEADER_BYTES_MAX (64u << 10) /* start line + headers of one message */
#define HTTP_HEADERS_MAX 256           /* header lines of one message */
#define HTTP_DECODED_MAX ((uint64_t)64 << 20) /* a decoded body is cut there */
#define HTTP_INFLATE_CHUNK 16384
/* inspection (sessions_set_inspect): what is kept of one message */
#define INS_RAW_MAX (8u << 10)    /* its header section as sent */
#define INS_ARENA_MAX (32u << 10) /* the buffers made from its start line and headers */

#define METHOD_MAX 24
#define PROTO_MAX 16
#define URL_MAX 2048
#define HOST_MAX 256
#define UA_MAX 512
#define REF_MAX 1024
#define CTYPE_MAX 256
#define LOC_MAX 1024

enum { ST_START, ST_HEADERS, ST_BODY, ST_CHUNK_SIZE, ST_CHUNK_DATA, ST_CHUNK_END, ST_TRAILERS,
       ST_UNTIL_CLOSE, ST_DEAD, ST_TUNNEL };
enum { ENC_NONE, ENC_ZLIB, ENC_OTHER };
enum { DEC_WAIT, DEC_RUN, DEC_DONE, DEC_FAILED, DEC_CAPPED };

/* ---- inspection state (only when an inspector is set) ----
 * A message's start line and header lines are gathered as they come (a
 * struct hcol); when its headers end they become the transaction's
 * buffers (a struct tbufs: one arena, each buffer an offset and length
 * into it), and its body's first SESS_BODY_INSPECT_MAX decoded bytes are
 * gathered beside them.  A request's tbufs stays with it in the queue
 * until its response is done, so that the response's calls still give
 * the request's buffers. */
struct hent {
	uint32_t noff, voff, vlen; /* into hcol.raw: the name, the value trimmed */
	uint16_t nlen;
};

struct hcol {
	struct ibuf line, raw;    /* the start line; the header lines as sent, ends included */
	unsigned nent;
	struct hent ent[HTTP_HEADERS_MAX];
};

struct tbufs {
	struct ibuf a, body;
	uint32_t off[SB_MAX], len[SB_MAX];
	uint64_t have;
	uint8_t hdr_fired, body_fired;
};

/* A field kept, cut at its array's size. */
#define FIELD(name, max) uint8_t name[max]; uint16_t name##_len; uint8_t name##_cut

struct req {
	uint64_t tx_id;
	struct stream_ts ts;
	FIELD(method, METHOD_MAX);
	FIELD(proto, PROTO_MAX);
	FIELD(url, URL_MAX);
	FIELD(host, HOST_MAX);
	FIELD(ua, UA_MAX);
	FIELD(ref, REF_MAX);
	uint8_t headers_cut, body_seen, body_done, body_cut, kept;
	uint64_t body_len;
	char body_sha[65];
	struct tbufs *ins;            /* inspection: its buffers */
};

/* The message being read in one direction (cleared between messages). */
struct msg {
	uint8_t enc, dec, chunked, has_cl, te_other, headers_cut, offered, ce_count;
	uint8_t head[2], headn;       /* an encoded body's first bytes */
	uint8_t gzip;                 /* the decoder reads gzip members */
	unsigned members;             /* compressed streams the decoder finished */
	uint32_t hdr_bytes, hdr_count;
	uint64_t cl, remain, wire_len, out_len;
	struct sfile *f;
	z_stream *z;
	struct req *req;              /* dir 0: the request being read */
	/* dir 1: the response's fields */
	unsigned status;
	struct stream_ts ts;
	FIELD(proto, PROTO_MAX);
	FIELD(ctype, CTYPE_MAX);
	FIELD(loc, LOC_MAX);
	/* inspection */
	struct hcol *col;             /* the start line and headers being read */
	struct tbufs *rins;           /* dir 1: the response's buffers */
	struct ibuf *ibody;           /* where the decoded body goes, while it does */
	uint8_t ib_stop;              /* the body is no longer gathered (a gap, full) */
};

struct dirst {
	uint8_t st, cut, crlf;        /* crlf: the line being handed ended in CR LF */
	size_t llen;
	struct msg m;
	uint8_t line[HTTP_LINE_MAX];
};

struct http {
	struct dirst d[2];
	struct req *pend[HTTP_PENDING_MAX];
	unsigned head, count;
	uint64_t next_tx;        /* the next request's tx_id */
	uint64_t next_answer;    /* the tx_id the next final response answers */
	const char *err;         /* why a direction stopped being parsed */
};

static void keep(uint8_t *dst, uint16_t *dlen, uint8_t *cut, size_t max, const uint8_t *p, size_t n)
{
	size_t k = n < max ? n : max;
	memcpy(dst, p, k);
	*dlen = (uint16_t)k;
	*cut = k < n;
}
#define KEEP(obj, name, p, n) keep((obj)->name, &(obj)->name##_len, &(obj)->name##_cut, sizeof (obj)->name, p, n)

/* ---- detection ------------------------------------------------------------ */

static const char *const methods[] = {
	"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "CONNECT", "TRACE", "PATCH",
	"PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH", "REPORT",
	"MKACTIVITY", "CHECKOUT", "MERGE", "MKCALENDAR", "ACL", "BIND", "LINK", "UNLINK",
};

static int http_detect(const uint8_t *p, size_t n, int dir, unsigned port)
{
	(void)port;
	if (dir == 1) {
		static const char v[] = "HTTP/1.";
		size_t k = n < 7 ? n : 7;
		if (memcmp(p, v, k) != 0)
			return 0;
		return n < 7 ? -1 : 1;
	}
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
		size_t k = strlen(methods[i]);
		size_t m = n < k ? n : k;
		if (memcmp(p, methods[i], m) != 0)
			continue;
		if (n <= k)
			return -1;
		if (p[k] != ' ')
			continue;
		/* when the request line is all there, it must not name another
		 * protocol's version (RTSP/1.0, SIP/2.0): HTTP/x or none (0.9) */
		const uint8_t *nl = memchr(p, '\n', n);
		if (!nl)
			return 1;
		size_t e = (size_t)(nl - p);
		if (e && p[e - 1] == '\r')
			e--;
		size_t sp = e;
		while (sp > k + 1 && p[sp - 1] != ' ')
			sp--;
		if (sp == k + 1)
			return 1; /* METHOD URI: HTTP/0.9 */
		return e - sp >= 5 && memcmp(p + sp, "HTTP/", 5) == 0 ? 1 : 0;
	}
	return 0;
}

/* ---- helpers ------------------------------------------------------------- */

static int is_tchar(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-.^_`|~", c));
}

static void trim(const uint8_t **p, size_t *n)
{
	while (*n && (**p == ' ' || **p == '\t')) {
		(*p)++;
		(*n)--;
	}
	while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t'))
		(*n)--;
}

static int name_is(const uint8_t *p, size_t n, const char *word)
{
	return n == strlen(word) && sess_ieq(p, n, word);
}

/* Decimal without sign, at most 18 digits; -1 when it is not that. */
static int64_t decimal(const uint8_t *p, size_t n)
{
	if (!n || n > 18)
		return -1;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* The last item of a comma-separated list, trimmed. */
static void last_item(const uint8_t **p, size_t *n)
{
	size_t i = *n;
	while (i && (*p)[i - 1] != ',')
		i--;
	*p += i;
	*n -= i;
	trim(p, n);
}

/* ---- the events ---------------------------------------------------------- */

static void emit(struct sessions *x, struct sess *ss, struct req *r, int answered,
                 const struct sfile_result *res, const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct msg *d = &h->d[1].m;
	if (!ev_on(x))
		return;
	ev_begin(x, ss, r ? &r->ts : ts);
	if (r) {
		ev_str(x, "http_method", r->method, r->method_len, " ");
		if (r->host_len)
			ev_str(x, "hostname", r->host, r->host_len, " ");
		else
			ev_text(x, " -");
		ev_str(x, "url", r->url, r->url_len, " ");
		if (r->ua_len) {
			ev_str(x, "http_user_agent", r->ua, r->ua_len, " \"");
			ev_text(x, "\"");
		}
		if (r->proto_len)
			ev_str(x, "protocol", r->proto, r->proto_len, NULL);
		if (r->ref_len)
			ev_str(x, "http_refer", r->ref, r->ref_len, NULL);
		if (r->body_seen) {
			ev_u(x, "request_body_length", r->body_len, " upload ");
			if (r->body_done)
				ev_cstr(x, "request_body_sha256", r->body_sha, " sha256 ");
			if (r->body_cut) {
				ev_bool(x, "request_body_truncated", 1);
				ev_text(x, " (truncated)");
			}
		}
		if (r->url_cut || r->host_cut || r->ua_cut || r->ref_cut)
			ev_bool(x, "fields_cut", 1);
		if (r->headers_cut)
			ev_bool(x, "request_headers_truncated", 1);
	} else {
		ev_text(x, " (no request)");
		if (d->proto_len)
			ev_str(x, "protocol", d->proto, d->proto_len, NULL);
	}
	if (answered) {
		ev_u(x, "status", d->status, " -> ");
		if (d->ctype_len)
			ev_str(x, "http_content_type", d->ctype, d->ctype_len, " ");
		else
			ev_text(x, " -");
		ev_u(x, "length", d->wire_len, " ");
		if (d->loc_len)
			ev_str(x, "redirect", d->loc, d->loc_len, " location ");
		if (res && res->sha256[0]) {
			ev_cstr(x, "sha256", res->sha256, " sha256 ");
			if (!res->complete) {
				ev_bool(x, "body_truncated", 1);
				ev_text(x, " (truncated)");
			}
		}
		if (d->headers_cut)
			ev_bool(x, "response_headers_truncated", 1);
	} else {
		ev_text(x, " -> (no response)");
	}
	if (!r && answered && h->next_answer < h->next_tx)
		ev_bool(x, "request_not_kept", 1);
	ev_u(x, "tx_id", r ? r->tx_id : h->next_answer, NULL);
	if (h->err) {
		ev_cstr(x, "parse_error", h->err, " [");
		ev_text(x, "]");
	}
	ev_end(x);
}

static void req_free(struct sessions *x, struct req *r);

/* ---- the queue of requests ------------------------------------------------ */

static void pop(struct http *h)
{
	h->pend[h->head] = NULL;
	h->head = (h->head + 1) % HTTP_PENDING_MAX;
	h->count--;
}

static void drop_req(struct sessions *x, struct http *h, struct req *r)
{
	if (h->d[0].m.req == r) {
		h->d[0].m.req = NULL; /* its body, still coming, goes on without it */
		h->d[0].m.ibody = NULL;
		h->d[0].m.ib_stop = 1;
	}
	req_free(x, r);
}

/* The request the next final response answers; requests the responses
 * went past (a response came before its request was all there) are told
 * unanswered. */
static struct req *answer_req(struct sessions *x, struct sess *ss, const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	while (h->count && h->pend[h->head]->tx_id < h->next_answer) {
		struct req *r = h->pend[h->head];
		pop(h);
		emit(x, ss, r, 0, NULL, ts);
		drop_req(x, h, r);
	}
	if (h->count && h->pend[h->head]->tx_id == h->next_answer)
		return h->pend[h->head];
	return NULL;
}

/* A request whose headers are read (or cut) joins the queue, or is not
 * kept when the queue is full (its response is then told alone). */
static void offer(struct http *h, struct req *r)
{
	h->d[0].m.offered = 1;
	if (h->count < HTTP_PENDING_MAX) {
		h->pend[(h->head + h->count) % HTTP_PENDING_MAX] = r;
		h->count++;
		r->kept = 1;
	}
}

/* ---- inspection ------------------------------------------------------------ */

static struct tbufs *tb_new(struct sessions *x)
{
	if (!sess_insp_take(x, sizeof(struct tbufs)))
		return NULL;
	struct tbufs *t = calloc(1, sizeof *t);
	if (!t) {
		sess_insp_give(x, sizeof(struct tbufs));
		return NULL;
	}
	t->a.max = INS_ARENA_MAX;
	t->a.count_max = 1;
	t->body.max = SESS_BODY_INSPECT_MAX;
	return t;
}

static void tb_free(struct sessions *x, struct tbufs *t)
{
	if (!t)
		return;
	ibuf_free(x, &t->a);
	ibuf_free(x, &t->body);
	free(t);
	sess_insp_give(x, sizeof(struct tbufs));
}

static void col_free(struct sessions *x, struct hcol *c)
{
	if (!c)
		return;
	ibuf_free(x, &c->line);
	ibuf_free(x, &c->raw);
	free(c);
	sess_insp_give(x, sizeof(struct hcol));
}

static void req_free(struct sessions *x, struct req *r)
{
	sess_hash_drop(x, r->body_sha);
	tb_free(x, r->ins);
	free(r);
}

/* The inspection state of a message whose start line was just read. */
static void ins_start(struct sessions *x, struct msg *m, int dir, const uint8_t *p, size_t n)
{
	if (!sess_inspecting(x) || m->col || !sess_insp_take(x, sizeof(struct hcol)))
		return;
	struct hcol *c = calloc(1, sizeof *c);
	struct tbufs *t = tb_new(x);
	if (!c || !t) {
		free(c);
		sess_insp_give(x, sizeof(struct hcol));
		tb_free(x, t);
		return;
	}
	c->line.max = HTTP_LINE_MAX;
	c->raw.max = INS_RAW_MAX;
	c->raw.count_max = 1;
	ibuf_add(x, &c->line, p, n);
	m->col = c;
	if (dir == 0)
		m->req->ins = t;
	else
		m->rins = t;
}

/* A header line (n 0: the empty line that ends them) as sent. */
static void ins_line(struct sessions *x, struct msg *m, const uint8_t *p, size_t n, int crlf)
{
	struct hcol *c = m->col;
	uint32_t at = c->raw.n;
	ibuf_add(x, &c->raw, p, n);
	ibuf_add(x, &c->raw, crlf ? "\r\n" : "\n", crlf ? 2 : 1);
	size_t k = 0;
	while (k < n && p[k] != ':')
		k++;
	if (!n || !k || k == n || p[0] == ' ' || p[0] == '\t' || c->nent >= HTTP_HEADERS_MAX ||
	    at + n > c->raw.n)
		return; /* not a field (as header() sees it), or cut */
	const uint8_t *v = p + k + 1;
	size_t vn = n - k - 1;
	trim(&v, &vn);
	struct hent *e = &c->ent[c->nent++];
	e->noff = at;
	e->nlen = (uint16_t)k;
	e->voff = at + (uint32_t)(v - p);
	e->vlen = (uint32_t)vn;
}

static void put(struct sessions *x, struct tbufs *t, const void *p, size_t n)
{
	ibuf_add(x, &t->a, p, n);
}

static void beg(struct tbufs *t, int sb)
{
	t->off[sb] = t->a.n;
}

static void end(struct tbufs *t, int sb)
{
	t->len[sb] = t->a.n - t->off[sb];
	t->have |= (uint64_t)1 << sb;
}

static void whole(struct sessions *x, struct tbufs *t, int sb, const uint8_t *p, size_t n)
{
	beg(t, sb);
	put(x, t, p, n);
	end(t, sb);
}

static int same_name(const struct hcol *c, const struct hent *a, const struct hent *b)
{
	if (a->nlen != b->nlen)
		return 0;
	for (unsigned i = 0; i < a->nlen; i++) {
		uint8_t u = c->raw.p[a->noff + i], v = c->raw.p[b->noff + i];
		if (u >= 'A' && u <= 'Z')
			u = (uint8_t)(u + 32);
		if (v >= 'A' && v <= 'Z')
			v = (uint8_t)(v + 32);
		if (u != v)
			return 0;
	}
	return 1;
}

static int ent_is(const struct hcol *c, const struct hent *e, const char *word)
{
	return name_is(c->raw.p + e->noff, e->nlen, word);
}

/* The values of every header named word, joined by ", " (as libhtp joins
 * a repeated header); no buffer when there is none.  1 when there was. */
static int joined(struct sessions *x, struct tbufs *t, const struct hcol *c, int sb,
                  const char *word)
{
	int found = 0;
	for (unsigned i = 0; i < c->nent; i++) {
		const struct hent *e = &c->ent[i];
		if (!ent_is(c, e, word))
			continue;
		if (!found)
			beg(t, sb);
		else
			put(x, t, ", ", 2);
		put(x, t, c->raw.p + e->voff, e->vlen);
		found = 1;
	}
	if (found)
		end(t, sb);
	return found;
}

/* "Name: value\r\n" for each header name, in the order of its first
 * appearance, a repeated one's values joined by ", "; skip: a header left
 * out (Cookie, Set-Cookie), or NULL. */
static void normalized(struct sessions *x, struct tbufs *t, const struct hcol *c, const char *skip)
{
	for (unsigned i = 0; i < c->nent; i++) {
		const struct hent *e = &c->ent[i];
		unsigned j = 0;
		while (j < i && !same_name(c, &c->ent[j], e))
			j++;
		if (j < i || (skip && ent_is(c, e, skip)))
			continue;
		put(x, t, c->raw.p + e->noff, e->nlen);
		put(x, t, ": ", 2);
		for (j = i; j < c->nent; j++)
			if (same_name(c, &c->ent[j], e)) {
				if (j > i)
					put(x, t, ", ", 2);
				put(x, t, c->raw.p + c->ent[j].voff, c->ent[j].vlen);
			}
		put(x, t, "\r\n", 2);
	}
}

static void names(struct sessions *x, struct tbufs *t, const struct hcol *c, int sb)
{
	beg(t, sb);
	put(x, t, "\r\n", 2);
	for (unsigned i = 0; i < c->nent; i++) {
		put(x, t, c->raw.p + c->ent[i].noff, c->ent[i].nlen);
		put(x, t, "\r\n", 2);
	}
	put(x, t, "\r\n", 2);
	end(t, sb);
}

static int hexv(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* %XX decoded (a '%' not followed by two hex digits stays); '+' stays. */
static size_t pct_decode(uint8_t *out, const uint8_t *p, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int a, b;
		if (p[i] == '%' && i + 2 < n && (a = hexv(p[i + 1])) >= 0 && (b = hexv(p[i + 2])) >= 0) {
			out[k++] = (uint8_t)(a << 4 | b);
			i += 2;
		} else {
			out[k++] = p[i];
		}
	}
	return k;
}

/* The normalized URI (http.uri): the path and query of an absolute URI
 * (its host goes to http.host), %XX decoded in both; in a path that
 * starts with '/', "." and ".." segments resolved (RFC 3986 5.2.4) and
 * runs of '/' made one; the fragment left out. */
static void norm_uri(struct sessions *x, struct tbufs *t, const uint8_t *u, size_t n)
{
	uint8_t path[HTTP_LINE_MAX], out[HTTP_LINE_MAX + 2];
	size_t q = 0;
	while (q < n && u[q] != '?' && u[q] != '#')
		q++;
	size_t pn = pct_decode(path, u, q < sizeof path ? q : sizeof path);
	size_t k = 0;
	if (pn && path[0] == '/') {
		/* segment by segment; out holds "/seg/seg" */
		size_t i = 0;
		int slash_end = 0;
		while (i < pn) {
			while (i < pn && path[i] == '/')
				i++;
			size_t s0 = i;
			while (i < pn && path[i] != '/')
				i++;
			size_t sl = i - s0;
			slash_end = i < pn || (sl == 0);
			if (sl == 0)
				break;
			if (sl == 1 && path[s0] == '.') {
				slash_end = 1;
				continue;
			}
			if (sl == 2 && path[s0] == '.' && path[s0 + 1] == '.') {
				while (k && out[k - 1] != '/')
					k--;
				if (k)
					k--;
				slash_end = 1;
				continue;
			}
			out[k++] = '/';
			memcpy(out + k, path + s0, sl);
			k += sl;
		}
		if (slash_end || !k)
			out[k++] = '/';
	} else {
		memcpy(out, path, pn);
		k = pn;
	}
	put(x, t, out, k);
	if (q < n && u[q] == '?') {
		size_t e = q + 1;
		while (e < n && u[e] != '#')
			e++;
		size_t dn = pct_decode(path, u + q, e - q < sizeof path ? e - q : sizeof path);
		put(x, t, path, dn);
	}
}

/* http.host from http.host.raw (already in the arena at off, len): lower
 * case, each comma-separated host without its port and trailing dots. */
static void norm_host(struct sessions *x, struct tbufs *t, uint32_t off, uint32_t len)
{
	uint8_t h[HTTP_LINE_MAX * 2];
	if (len > sizeof h)
		len = sizeof h;
	if (len)
		memcpy(h, t->a.p + off, len);
	beg(t, SB_HTTP_HOST);
	size_t i = 0;
	int first = 1;
	while (i <= len) {
		size_t e = i;
		while (e < len && h[e] != ',')
			e++;
		const uint8_t *v = h + i;
		size_t vn = e - i;
		trim(&v, &vn);
		size_t k = vn;
		if (vn && v[0] == '[') {
			const uint8_t *rb = memchr(v, ']', vn);
			if (rb)
				k = (size_t)(rb - v) + 1;
		} else {
			const uint8_t *c = memchr(v, ':', vn);
			if (c && !memchr(c + 1, ':', vn - (size_t)(c - v) - 1))
				k = (size_t)(c - v);
		}
		while (k && v[k - 1] == '.')
			k--;
		if (!first)
			put(x, t, ", ", 2);
		first = 0;
		for (size_t j = 0; j < k; j++) {
			uint8_t ch = v[j] >= 'A' && v[j] <= 'Z' ? (uint8_t)(v[j] + 32) : v[j];
			put(x, t, &ch, 1);
		}
		i = e + 1;
	}
	end(t, SB_HTTP_HOST);
}

/* A request's buffers from its request line and headers. */
static void build_req(struct sessions *x, struct tbufs *t, const struct hcol *c)
{
	const uint8_t *l = c->line.p ? c->line.p : (const uint8_t *)"";
	size_t n = c->line.n, i = 0;
	while (i < n && l[i] != ' ')
		i++;
	whole(x, t, SB_HTTP_METHOD, l, i);
	size_t u = i;
	while (u < n && l[u] == ' ')
		u++;
	size_t e = u;
	while (e < n && l[e] != ' ')
		e++;
	const uint8_t *v = l + e;
	size_t vn = n - e;
	trim(&v, &vn);
	/* an absolute URI: scheme://authority, whose host wins over Host */
	const uint8_t *uri = l + u, *auth = NULL;
	size_t un = e - u, an = 0;
	for (size_t k = 0; k < un && k < 16; k++) {
		if (uri[k] == ':' && k && k + 2 < un && uri[k + 1] == '/' && uri[k + 2] == '/') {
			size_t a0 = k + 3, a1 = a0;
			while (a1 < un && uri[a1] != '/' && uri[a1] != '?' && uri[a1] != '#')
				a1++;
			auth = uri + a0;
			an = a1 - a0;
			const uint8_t *at = NULL;
			for (size_t z = 0; z < an; z++)
				if (auth[z] == '@')
					at = auth + z;
			if (at) {
				an -= (size_t)(at + 1 - auth);
				auth = at + 1;
			}
			uri += a1;
			un -= a1;
			break;
		}
		if (!((uri[k] >= 'a' && uri[k] <= 'z') || (uri[k] >= 'A' && uri[k] <= 'Z') ||
		      (k && ((uri[k] >= '0' && uri[k] <= '9') || uri[k] == '+' || uri[k] == '-' ||
			     uri[k] == '.'))))
			break;
	}
	beg(t, SB_HTTP_URI);
	if (auth && (!un || uri[0] != '/'))
		put(x, t, "/", 1);
	norm_uri(x, t, uri, un);
	end(t, SB_HTTP_URI);
	whole(x, t, SB_HTTP_URI_RAW, l + u, e - u);
	if (vn)
		whole(x, t, SB_HTTP_PROTOCOL, v, vn);
	whole(x, t, SB_HTTP_REQUEST_LINE, l, n);
	if (auth && an)
		whole(x, t, SB_HTTP_HOST_RAW, auth, an);
	else
		joined(x, t, c, SB_HTTP_HOST_RAW, "host");
	if (t->have >> SB_HTTP_HOST_RAW & 1)
		norm_host(x, t, t->off[SB_HTTP_HOST_RAW], t->len[SB_HTTP_HOST_RAW]);
	joined(x, t, c, SB_HTTP_USER_AGENT, "user-agent");
	if (c->nent) {
		beg(t, SB_HTTP_HEADER);
		normalized(x, t, c, "cookie");
		end(t, SB_HTTP_HEADER);
		names(x, t, c, SB_HTTP_HEADER_NAMES);
	}
	whole(x, t, SB_HTTP_HEADER_RAW, c->raw.p, c->raw.n);
	joined(x, t, c, SB_HTTP_COOKIE, "cookie");
	joined(x, t, c, SB_HTTP_REFERER, "referer");
	joined(x, t, c, SB_HTTP_CONTENT_TYPE, "content-type");
	joined(x, t, c, SB_HTTP_CONTENT_LEN, "content-length");
	joined(x, t, c, SB_HTTP_ACCEPT, "accept");
	joined(x, t, c, SB_HTTP_ACCEPT_LANG, "accept-language");
	joined(x, t, c, SB_HTTP_ACCEPT_ENC, "accept-encoding");
	joined(x, t, c, SB_HTTP_CONNECTION, "connection");
	beg(t, SB_HTTP_START);
	put(x, t, l, n);
	put(x, t, "\r\n", 2);
	normalized(x, t, c, NULL);
	put(x, t, "\r\n", 2);
	end(t, SB_HTTP_START);
}

/* A response's buffers from its status line and headers. */
static void build_resp(struct sessions *x, struct tbufs *t, const struct hcol *c)
{
	const uint8_t *l = c->line.p ? c->line.p : (const uint8_t *)"";
	size_t n = c->line.n, i = 0;
	while (i < n && l[i] != ' ')
		i++;
	whole(x, t, SB_HTTP_RESP_PROTOCOL, l, i);
	while (i < n && l[i] == ' ')
		i++;
	size_t k = n - i < 3 ? n - i : 3;
	whole(x, t, SB_HTTP_STAT_CODE, l + i, k);
	const uint8_t *m = l + i + k;
	size_t mn = n - i - k;
	trim(&m, &mn);
	whole(x, t, SB_HTTP_STAT_MSG, m, mn);
	whole(x, t, SB_HTTP_RESPONSE_LINE, l, n);
	if (c->nent) {
		beg(t, SB_HTTP_RESP_HEADER);
		normalized(x, t, c, "set-cookie");
		end(t, SB_HTTP_RESP_HEADER);
		names(x, t, c, SB_HTTP_RESP_HEADER_NAMES);
	}
	whole(x, t, SB_HTTP_RESP_HEADER_RAW, c->raw.p, c->raw.n);
	joined(x, t, c, SB_HTTP_RESP_COOKIE, "set-cookie");
	joined(x, t, c, SB_HTTP_RESP_CONTENT_TYPE, "content-type");
	joined(x, t, c, SB_HTTP_RESP_CONTENT_LEN, "content-length");
	joined(x, t, c, SB_HTTP_SERVER, "server");
	joined(x, t, c, SB_HTTP_LOCATION, "location");
	beg(t, SB_HTTP_RESP_START);
	put(x, t, l, n);
	put(x, t, "\r\n", 2);
	normalized(x, t, c, NULL);
	put(x, t, "\r\n", 2);
	end(t, SB_HTTP_RESP_START);
}

static void fill(struct sess_bufs *b, const struct tbufs *t)
{
	if (!t)
		return;
	for (int i = 0; i < SB_MAX; i++) {
		if (!(t->have >> i & 1))
			continue;
		const struct ibuf *base = i == SB_HTTP_REQUEST_BODY || i == SB_FILE_DATA ? &t->body : &t->a;
		b->p[i] = base->p ? base->p + t->off[i] : (const uint8_t *)"";
		b->n[i] = t->len[i];
	}
	b->have |= t->have;
}

static void fire(struct sessions *x, struct sess *ss, int dir, uint64_t tx, const struct tbufs *rq,
                 const struct tbufs *rs, uint64_t fresh, const struct stream_ts *ts)
{
	struct sess_bufs b;
	b.tx_id = tx;
	b.have = 0;
	fill(&b, rq);
	fill(&b, rs);
	b.fresh = fresh & b.have;
	sess_inspect(x, ss, dir, &b, ts);
}

/* (a) The request's headers are read (or cut short): its buffers. */
static void ins_req_headers(struct sessions *x, struct sess *ss, const struct stream_ts *ts)
{
	struct msg *m = &((struct http *)ss->ps)->d[0].m;
	struct req *r = m->req;
	if (!m->col || !r || !r->ins || r->ins->hdr_fired)
		return;
	build_req(x, r->ins, m->col);
	col_free(x, m->col);
	m->col = NULL;
	r->ins->hdr_fired = 1;
	fire(x, ss, 0, r->tx_id, r->ins, NULL, r->ins->have, ts);
}

/* (c) The response's headers are read: its buffers, the request's too. */
static void ins_resp_headers(struct sessions *x, struct sess *ss, struct req *r,
                             const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct msg *m = &h->d[1].m;
	struct tbufs *t = m->rins;
	if (!m->col || !t || t->hdr_fired)
		return;
	build_resp(x, t, m->col);
	col_free(x, m->col);
	m->col = NULL;
	t->hdr_fired = 1;
	fire(x, ss, 1, r ? r->tx_id : h->next_answer, r ? r->ins : NULL, t, t->have, ts);
}

/* (b) and (d): a body's first bytes, once. */
static void ins_body(struct sessions *x, struct sess *ss, int dir, struct req *r,
                     const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct msg *m = &h->d[dir].m;
	struct tbufs *t = dir ? m->rins : r ? r->ins : NULL;
	m->ibody = NULL;
	m->ib_stop = 1;
	if (!t || t->body_fired || !t->body.n)
		return;
	int sb = dir ? SB_FILE_DATA : SB_HTTP_REQUEST_BODY;
	t->body_fired = 1;
	t->off[sb] = 0;
	t->len[sb] = t->body.n;
	t->have |= (uint64_t)1 << sb;
	if (dir) {
		fire(x, ss, 1, r ? r->tx_id : h->next_answer, r ? r->ins : NULL, t,
		     (uint64_t)1 << sb, ts);
		/* the response's last call: its body need not wait for the
		 * rest of a long download */
		ibuf_free(x, &t->body);
		t->have &= ~((uint64_t)1 << sb);
	} else
		fire(x, ss, 0, r->tx_id, t, NULL, (uint64_t)1 << sb, ts);
}

/* Decoded body bytes, gathered while the body is inspected. */
static void ins_gather(struct sessions *x, struct msg *m, const uint8_t *p, size_t n)
{
	if (m->ibody && n)
		ibuf_add(x, m->ibody, p, n);
}

/* ---- bodies --------------------------------------------------------------- */

static size_t url_path_len(const struct req *r)
{
	size_t n = 0;
	while (n < r->url_len && r->url[n] != '?' && r->url[n] != '#')
		n++;
	return n;
}

static void file_open(struct sessions *x, struct sess *ss, int dir, const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct req *r = dir ? answer_req(x, ss, ts) : h->d[0].m.req;
	uint64_t tx = r ? r->tx_id : h->next_answer;
	h->d[dir].m.f = file_begin(x, ss, dir, r ? r->url : NULL, r ? url_path_len(r) : 0, tx);
}

static void dec_stop(struct msg *m)
{
	if (m->z) {
		inflateEnd(m->z);
		free(m->z);
		m->z = NULL;
	}
}

/* Decoded bytes into the file, up to HTTP_DECODED_MAX. */
static void decoded(struct sessions *x, struct msg *m, const uint8_t *p, size_t n)
{
	if (m->out_len + n > HTTP_DECODED_MAX) {
		n = (size_t)(HTTP_DECODED_MAX - m->out_len);
		m->dec = DEC_CAPPED;
	}
	m->out_len += n;
	file_data(x, m->f, p, n);
	ins_gather(x, m, p, n);
}

/* gzip (1f 8b), zlib (a valid two-byte header with method 8), else raw
 * deflate: what servers send as "deflate" is either of the last two. */
static int dec_start(struct msg *m)
{
	int bits;
	if (m->head[0] == 0x1f && m->head[1] == 0x8b) {
		bits = 16 + MAX_WBITS;
		m->gzip = 1;
	} else if ((m->head[0] & 0x0f) == 8 && (m->head[0] >> 4) <= 7 &&
		   ((m->head[0] << 8) | m->head[1]) % 31 == 0) {
		bits = MAX_WBITS;
	} else {
		bits = -MAX_WBITS;
	}
	m->z = calloc(1, sizeof *m->z);
	if (!m->z)
		return -1;
	if (inflateInit2(m->z, bits) != Z_OK) {
		free(m->z);
		m->z = NULL;
		return -1;
	}
	m->dec = DEC_RUN;
	return 0;
}

static void inflate_some(struct sessions *x, struct msg *m, const uint8_t *p, size_t n)
{
	uint8_t out[HTTP_INFLATE_CHUNK];
	z_stream *z = m->z;
	while (n && m->dec == DEC_RUN) {
		size_t k = n < (1u << 30) ? n : (1u << 30);
		z->next_in = (Bytef *)(uintptr_t)p;
		z->avail_in = (uInt)k;
		while (m->dec == DEC_RUN) {
			uInt in0 = z->avail_in;
			z->next_out = out;
			z->avail_out = sizeof out;
			int r = inflate(z, Z_NO_FLUSH);
			size_t got = sizeof out - z->avail_out;
			if (got)
				decoded(x, m, out, got);
			if (m->dec != DEC_RUN)
				break;
			if (r == Z_STREAM_END) {
				m->members++;
				/* gzip: another member may follow */
				if (m->gzip && z->avail_in && inflateReset(z) == Z_OK)
					continue;
				m->dec = DEC_DONE;
				break;
			}
			if (r != Z_OK && r != Z_BUF_ERROR) {
				/* bad data: after a whole member it is trailing junk */
				m->dec = m->members ? DEC_DONE : DEC_FAILED;
				break;
			}
			if (r == Z_BUF_ERROR || (z->avail_in == 0 && z->avail_out != 0) ||
			    (got == 0 && z->avail_in == in0))
				break;
		}
		p += k;
		n -= k;
	}
	if (m->dec != DEC_RUN)
		dec_stop(m);
}

static void body_decode(struct sessions *x, struct msg *m, const uint8_t *p, size_t n);

/* n bytes of the message body (its chunks joined, still encoded). */
static void body_bytes(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                       const struct stream_ts *ts)
{
	struct msg *m = &((struct http *)ss->ps)->d[dir].m;
	if (!n)
		return;
	if (!m->f)
		file_open(x, ss, dir, ts);
	m->wire_len += n;
	if (!m->ibody && !m->ib_stop && sess_inspecting(x)) {
		struct req *r = m->req;
		m->ibody = dir ? (m->rins ? &m->rins->body : NULL) : r && r->ins ? &r->ins->body : NULL;
	}
	if (m->enc != ENC_ZLIB) {
		file_data(x, m->f, p, n);
		ins_gather(x, m, p, n);
	} else {
		body_decode(x, m, p, n);
	}
	if (m->ibody && m->ibody->n >= SESS_BODY_INSPECT_MAX) {
		/* all that is given of it: the response's goes now */
		if (dir)
			ins_body(x, ss, 1, answer_req(x, ss, ts), ts);
		m->ibody = NULL;
		m->ib_stop = 1;
	}
}

/* An encoded body's bytes into the decoder. */
static void body_decode(struct sessions *x, struct msg *m, const uint8_t *p, size_t n)
{
	if (m->dec == DEC_WAIT) {
		size_t k = (size_t)(2 - m->headn) < n ? (size_t)(2 - m->headn) : n;
		memcpy(m->head + m->headn, p, k);
		m->headn = (uint8_t)(m->headn + k);
		p += k;
		n -= k;
		if (m->headn < 2)
			return;
		if (dec_start(m) < 0) {
			m->dec = DEC_FAILED;
			return;
		}
		inflate_some(x, m, m->head, 2);
	}
	if (m->dec == DEC_RUN)
		inflate_some(x, m, p, n);
}

/* n bytes of the body are missing. */
static void body_gap(struct sessions *x, struct sess *ss, int dir, uint64_t n,
                     const struct stream_ts *ts)
{
	struct msg *m = &((struct http *)ss->ps)->d[dir].m;
	if (!m->f)
		file_open(x, ss, dir, ts);
	m->wire_len += n;
	file_gap(x, m->f, n);
	if (!m->ib_stop) {
		/* what came before the gap is what is inspected */
		if (dir)
			ins_body(x, ss, 1, answer_req(x, ss, ts), ts);
		m->ibody = NULL;
		m->ib_stop = 1;
	}
	if (m->enc == ENC_ZLIB && m->dec != DEC_DONE && m->dec != DEC_CAPPED) {
		m->dec = DEC_FAILED; /* a decoder cannot go on past missing bytes */
		dec_stop(m);
	}
}

static void msg_reset(struct sessions *x, struct dirst *d)
{
	dec_stop(&d->m);
	col_free(x, d->m.col);
	tb_free(x, d->m.rins);
	memset(&d->m, 0, sizeof d->m);
	d->st = ST_START;
}

/* Ends the message of dir being read, however far it got: its file, its
 * event (a response), its request's facts (a request). */
static void finish(struct sessions *x, struct sess *ss, int dir, int complete,
                   const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct msg *m = &h->d[dir].m;
	struct sfile_result res;
	memset(&res, 0, sizeof res);
	int had_file = m->f != NULL;
	if (m->enc == ENC_ZLIB && m->dec != DEC_DONE)
		complete = 0; /* not decoded to its end */
	if (had_file) {
		file_end(x, m->f, ts, complete, &res);
		m->f = NULL;
	}
	if (dir == 0) {
		struct req *r = m->req;
		ins_req_headers(x, ss, ts);
		if (r)
			ins_body(x, ss, 0, r, ts);
		if (r) {
			if (!m->offered)
				offer(h, r);
			if (m->wire_len || had_file) {
				r->body_seen = 1;
				r->body_len = m->wire_len;
				r->body_done = had_file;
				sess_hash_drop(x, r->body_sha); /* (a request has one body) */
				memcpy(r->body_sha, res.sha256, sizeof r->body_sha);
				sess_hash_hold(x, r->body_sha);
				r->body_cut = had_file && !res.complete;
			}
			r->headers_cut |= m->headers_cut;
			m->req = NULL;
			if (!r->kept)
				req_free(x, r);
		}
	} else if (h->d[1].st != ST_START) {
		struct req *r = answer_req(x, ss, ts);
		ins_resp_headers(x, ss, r, ts);
		ins_body(x, ss, 1, r, ts);
		if (r)
			pop(h);
		emit(x, ss, r, 1, had_file ? &res : NULL, ts);
		if (r)
			drop_req(x, h, r);
		h->next_answer++;
		if (h->next_tx < h->next_answer)
			h->next_tx = h->next_answer;
	}
	sess_hash_drop(x, res.sha256);
	msg_reset(x, &h->d[dir]);
}

/* Parsing of dir stops: the message in progress ends as far as it got. */
static void die(struct sessions *x, struct sess *ss, int dir, const char *why,
                const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	if (!h->err)
		h->err = why;
	struct dirst *d = &h->d[dir];
	if (d->st != ST_DEAD && d->st != ST_TUNNEL && (d->st != ST_START || d->m.req))
		finish(x, ss, dir, 0, ts);
	d->st = ST_DEAD;
	d->llen = 0;
}

/* ---- lines ----------------------------------------------------------------- */

static int request_line(struct http *h, const uint8_t *p, size_t n, int cut,
                        const struct stream_ts *ts)
{
	size_t i = 0;
	while (i < n && p[i] != ' ') {
		if (!is_tchar(p[i]))
			return -1;
		i++;
	}
	if (!i || i >= METHOD_MAX || i >= n)
		return -1;
	size_t u = i;
	while (u < n && p[u] == ' ')
		u++;
	size_t e = u;
	while (e < n && p[e] != ' ')
		e++;
	if (e == u)
		return -1;
	const uint8_t *v = p + e;
	size_t vn = n - e;
	trim(&v, &vn);
	if (vn && (vn < 5 || memcmp(v, "HTTP/", 5) != 0) && !cut)
		return -1;
	struct req *r = calloc(1, sizeof *r);
	if (!r)
		return -1;
	KEEP(r, method, p, i);
	KEEP(r, url, p + u, e - u);
	r->url_cut |= (uint8_t)(cut && !vn);
	KEEP(r, proto, v, vn);
	r->tx_id = h->next_tx++;
	r->ts = *ts;
	h->d[0].m.req = r;
	return 0;
}

static int status_line(struct msg *m, const uint8_t *p, size_t n, const struct stream_ts *ts)
{
	if (n < 5 || memcmp(p, "HTTP/", 5) != 0)
		return -1;
	size_t i = 5;
	while (i < n && p[i] != ' ')
		i++;
	KEEP(m, proto, p, i);
	while (i < n && p[i] == ' ')
		i++;
	if (n - i < 3 || (n - i > 3 && p[i + 3] != ' '))
		return -1;
	unsigned s = 0;
	for (int k = 0; k < 3; k++) {
		if (p[i + k] < '0' || p[i + k] > '9')
			return -1;
		s = s * 10 + (unsigned)(p[i + k] - '0');
	}
	if (s < 100)
		return -1;
	m->status = s;
	m->ts = *ts;
	return 0;
}

/* Content-Length: a number, or a list of the same number; 0 when bad. */
static int content_length(struct msg *m, const uint8_t *v, size_t n)
{
	size_t i = 0;
	while (i <= n) {
		size_t e = i;
		while (e < n && v[e] != ',')
			e++;
		const uint8_t *q = v + i;
		size_t qn = e - i;
		trim(&q, &qn);
		int64_t k = decimal(q, qn);
		if (k < 0 || (m->has_cl && (uint64_t)k != m->cl))
			return 0;
		m->cl = (uint64_t)k;
		m->has_cl = 1;
		i = e + 1;
	}
	return 1;
}

static void header(struct http *h, int dir, const uint8_t *p, size_t n)
{
	struct msg *m = &h->d[dir].m;
	size_t c = 0;
	while (c < n && p[c] != ':')
		c++;
	if (!c || c == n || p[0] == ' ' || p[0] == '\t')
		return; /* not a field (or a folded continuation): passed over */
	const uint8_t *v = p + c + 1;
	size_t vn = n - c - 1;
	trim(&v, &vn);
	if (name_is(p, c, "content-length")) {
		if (!content_length(m, v, vn))
			m->te_other = 2; /* bad: the framing is unknown */
	} else if (name_is(p, c, "transfer-encoding")) {
		last_item(&v, &vn);
		if (name_is(v, vn, "chunked")) {
			m->chunked = 1;
			m->te_other = m->te_other == 2 ? 2 : 0;
		} else if (vn) {
			m->chunked = 0;
			m->te_other = m->te_other == 2 ? 2 : 1;
		}
	} else if (name_is(p, c, "content-encoding")) {
		m->ce_count++;
		if (m->ce_count > 1 || memchr(v, ',', vn))
			m->enc = ENC_OTHER; /* stacked codings: kept as they are */
		else if (name_is(v, vn, "gzip") || name_is(v, vn, "x-gzip") || name_is(v, vn, "deflate"))
			m->enc = ENC_ZLIB;
		else if (vn && !name_is(v, vn, "identity"))
			m->enc = ENC_OTHER;
	} else if (dir == 0 && m->req) {
		struct req *r = m->req;
		if (name_is(p, c, "host"))
			KEEP(r, host, v, vn);
		else if (name_is(p, c, "user-agent"))
			KEEP(r, ua, v, vn);
		else if (name_is(p, c, "referer"))
			KEEP(r, ref, v, vn);
	} else if (dir == 1) {
		if (name_is(p, c, "content-type"))
			KEEP(m, ctype, v, vn);
		else if (name_is(p, c, "location"))
			KEEP(m, loc, v, vn);
	}
}

static void headers_end(struct sessions *x, struct sess *ss, int dir, const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct dirst *d = &h->d[dir];
	struct msg *m = &d->m;
	if (m->te_other == 2) {
		die(x, ss, dir, "bad Content-Length", ts);
		return;
	}
	if (dir == 0) {
		struct req *r = m->req;
		ins_req_headers(x, ss, ts);
		offer(h, r);
		if (r->method_len == 7 && !memcmp(r->method, "CONNECT", 7)) {
			finish(x, ss, 0, 1, ts);
			d->st = ST_TUNNEL; /* until the answer says otherwise */
		} else if (m->chunked) {
			d->st = ST_CHUNK_SIZE;
		} else if (m->te_other) {
			die(x, ss, 0, "request with a transfer coding other than chunked", ts);
		} else if (m->has_cl && m->cl) {
			d->st = ST_BODY;
			m->remain = m->cl;
		} else {
			finish(x, ss, 0, 1, ts);
		}
		return;
	}
	unsigned s = m->status;
	if (s < 200 && s != 101) {
		msg_reset(x, d); /* interim: the final response follows */
		return;
	}
	struct req *r = answer_req(x, ss, ts);
	ins_resp_headers(x, ss, r, ts);
	int head = r && r->method_len == 4 && !memcmp(r->method, "HEAD", 4);
	int connect = r && r->method_len == 7 && !memcmp(r->method, "CONNECT", 7);
	if (s == 101 || (connect && s < 300)) {
		finish(x, ss, 1, 1, ts);
		d->st = ST_TUNNEL; /* another protocol from here on */
		h->d[0].st = ST_TUNNEL;
		return;
	}
	if (connect && h->d[0].st == ST_TUNNEL)
		h->d[0].st = ST_START; /* refused: the client goes on in HTTP */
	if (head || s == 204 || s == 304) {
		finish(x, ss, 1, 1, ts);
	} else if (m->chunked) {
		d->st = ST_CHUNK_SIZE;
	} else if (!m->te_other && m->has_cl) {
		if (m->cl) {
			d->st = ST_BODY;
			m->remain = m->cl;
		} else {
			finish(x, ss, 1, 1, ts);
		}
	} else {
		d->st = ST_UNTIL_CLOSE;
	}
}

/* A chunk's size line: hex digits, then extensions after ';'. */
static int chunk_size(const uint8_t *p, size_t n, uint64_t *v)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	uint64_t s = 0;
	size_t digits = 0;
	for (; i < n; i++, digits++) {
		uint8_t c = p[i];
		unsigned h;
		if (c >= '0' && c <= '9')
			h = c - '0';
		else if (c >= 'a' && c <= 'f')
			h = c - 'a' + 10u;
		else if (c >= 'A' && c <= 'F')
			h = c - 'A' + 10u;
		else
			break;
		if (s >> 56)
			return -1; /* more than 2^60: not a size */
		s = s << 4 | h;
	}
	if (!digits)
		return -1;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i < n && p[i] != ';')
		return -1;
	*v = s;
	return 0;
}

static void on_line(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                    int cut, const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct dirst *d = &h->d[dir];
	struct msg *m = &d->m;
	switch (d->st) {
	case ST_START:
		if (!n) {
			m->hdr_bytes = 0; /* empty lines between messages */
			return;
		}
		if (dir == 0 ? request_line(h, p, n, cut, ts) < 0 : status_line(m, p, n, ts) < 0) {
			die(x, ss, dir, dir ? "not a status line" : "not a request line", ts);
			return;
		}
		ins_start(x, m, dir, p, n);
		d->st = ST_HEADERS;
		return;
	case ST_HEADERS:
		if (m->col)
			ins_line(x, m, p, n, d->crlf);
		if (!n) {
			headers_end(x, ss, dir, ts);
			return;
		}
		if (++m->hdr_count > HTTP_HEADERS_MAX) {
			m->headers_cut = 1;
			die(x, ss, dir, "more than 256 header lines", ts);
			return;
		}
		header(h, dir, p, n);
		return;
	case ST_CHUNK_SIZE: {
		uint64_t v;
		if (cut || chunk_size(p, n, &v) < 0) {
			die(x, ss, dir, "bad chunk size", ts);
			return;
		}
		if (v) {
			d->st = ST_CHUNK_DATA;
			m->remain = v;
		} else {
			d->st = ST_TRAILERS;
			m->hdr_bytes = 0;
		}
		return;
	}
	case ST_CHUNK_END:
		if (n) {
			die(x, ss, dir, "chunk not followed by its end of line", ts);
			return;
		}
		d->st = ST_CHUNK_SIZE;
		return;
	case ST_TRAILERS:
		if (!n)
			finish(x, ss, dir, 1, ts);
		return;
	default:
		return;
	}
}

static void http_data(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                      const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct dirst *d = &h->d[dir];
	while (n) {
		switch (d->st) {
		case ST_DEAD:
		case ST_TUNNEL:
			return;
		case ST_BODY:
		case ST_CHUNK_DATA: {
			size_t k = d->m.remain < n ? (size_t)d->m.remain : n;
			body_bytes(x, ss, dir, p, k, ts);
			d->m.remain -= k;
			p += k;
			n -= k;
			if (!d->m.remain) {
				if (d->st == ST_BODY)
					finish(x, ss, dir, 1, ts);
				else
					d->st = ST_CHUNK_END;
			}
			continue;
		}
		case ST_UNTIL_CLOSE:
			body_bytes(x, ss, dir, p, n, ts);
			return;
		default:
			break;
		}
		/* a line */
		const uint8_t *nl = memchr(p, '\n', n);
		size_t take = nl ? (size_t)(nl - p) : n;
		size_t used = nl ? take + 1 : n;
		int chunkline = d->st == ST_CHUNK_SIZE || d->st == ST_CHUNK_END;
		if (!chunkline) {
			d->m.hdr_bytes += (uint32_t)(used < HTTP_HEADER_BYTES_MAX ? used : HTTP_HEADER_BYTES_MAX);
			if (d->m.hdr_bytes > HTTP_HEADER_BYTES_MAX) {
				d->m.headers_cut = 1;
				die(x, ss, dir, "header section over 64 KiB", ts);
				return;
			}
		}
		const uint8_t *line = p;
		size_t len = take;
		int cut = 0;
		if (d->llen || !nl) {
			size_t room = HTTP_LINE_MAX - d->llen;
			size_t k = take < room ? take : room;
			if (k < take) {
				if (chunkline) {
					die(x, ss, dir, "bad chunk size", ts);
					return;
				}
				d->cut = 1;
			}
			memcpy(d->line + d->llen, p, k);
			d->llen += k;
			p += used;
			n -= used;
			if (!nl)
				return;
			line = d->line;
			len = d->llen;
			cut = d->cut;
			d->llen = 0;
			d->cut = 0;
		} else {
			p += used;
			n -= used;
		}
		d->crlf = len && line[len - 1] == '\r';
		if (d->crlf)
			len--;
		on_line(x, ss, dir, line, len, cut, ts);
	}
}

static void http_gap(struct sessions *x, struct sess *ss, int dir, uint64_t n,
                     const struct stream_ts *ts)
{
	struct http *h = ss->ps;
	struct dirst *d = &h->d[dir];
	switch (d->st) {
	case ST_DEAD:
	case ST_TUNNEL:
		return;
	case ST_BODY:
		/* Content-Length: the missing bytes count towards it */
		if (n > d->m.remain) {
			body_gap(x, ss, dir, d->m.remain, ts);
			die(x, ss, dir, "gap past the end of a body", ts);
			return;
		}
		body_gap(x, ss, dir, n, ts);
		d->m.remain -= n;
		if (!d->m.remain)
			finish(x, ss, dir, 1, ts);
		return;
	case ST_UNTIL_CLOSE:
		body_gap(x, ss, dir, n, ts);
		return;
	case ST_CHUNK_DATA:
		body_gap(x, ss, dir, n < d->m.remain ? n : d->m.remain, ts);
		die(x, ss, dir, "gap in a chunked body", ts);
		return;
	case ST_START:
		if (!d->llen && !d->m.req) {
			die(x, ss, dir, "gap between messages", ts);
			return;
		}
		/* fall through */
	default:
		d->m.headers_cut = 1;
		die(x, ss, dir, d->st == ST_START || d->st == ST_HEADERS ? "gap in headers" : "gap in chunked framing", ts);
		return;
	}
}

static void http_close(struct sessions *x, struct sess *ss)
{
	struct http *h = ss->ps;
	struct stream_ts ts = ss->s->last;
	/* the request side first: its body's facts go with the request */
	struct dirst *d = &h->d[0];
	if (d->st != ST_DEAD && d->st != ST_TUNNEL && (d->st != ST_START || d->m.req))
		finish(x, ss, 0, 0, &ts);
	d = &h->d[1];
	if (d->st == ST_UNTIL_CLOSE) {
		finish(x, ss, 1, ss->s->side[1].fin, &ts); /* the server's FIN ends it */
	} else if (d->st != ST_DEAD && d->st != ST_TUNNEL && d->st != ST_START) {
		if (d->st == ST_HEADERS)
			d->m.headers_cut = 1;
		finish(x, ss, 1, 0, &ts);
	}
	while (h->count) {
		struct req *r = h->pend[h->head];
		pop(h);
		emit(x, ss, r, 0, NULL, &ts);
		drop_req(x, h, r);
	}
	for (int k = 0; k < 2; k++) {
		struct msg *m = &h->d[k].m;
		if (m->f)
			file_end(x, m->f, &ts, 0, NULL);
		m->f = NULL;
		if (m->req && !m->req->kept)
			req_free(x, m->req);
		m->req = NULL;
		dec_stop(m);
		col_free(x, m->col);
		m->col = NULL;
		tb_free(x, m->rins);
		m->rins = NULL;
		m->ibody = NULL;
	}
}

const struct app app_http = {
	.name = "http",
	.transports = APP_TCP,
	.detect = http_detect,
	.state_size = sizeof(struct http),
	.data = http_data,
	.gap = http_gap,
	.close = http_close,
};
