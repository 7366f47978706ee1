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
 * of that direction, and the reason is the event's "parse_error". */
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
};

struct dirst {
	uint8_t st, cut;
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

/* ---- the queue of requests ------------------------------------------------ */

static void pop(struct http *h)
{
	h->pend[h->head] = NULL;
	h->head = (h->head + 1) % HTTP_PENDING_MAX;
	h->count--;
}

static void drop_req(struct http *h, struct req *r)
{
	if (h->d[0].m.req == r)
		h->d[0].m.req = NULL; /* its body, still coming, goes on without it */
	free(r);
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
		drop_req(h, r);
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
	if (m->enc != ENC_ZLIB) {
		file_data(x, m->f, p, n);
		return;
	}
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
	if (m->enc == ENC_ZLIB && m->dec != DEC_DONE && m->dec != DEC_CAPPED) {
		m->dec = DEC_FAILED; /* a decoder cannot go on past missing bytes */
		dec_stop(m);
	}
}

static void msg_reset(struct dirst *d)
{
	dec_stop(&d->m);
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
		if (r) {
			if (!m->offered)
				offer(h, r);
			if (m->wire_len || had_file) {
				r->body_seen = 1;
				r->body_len = m->wire_len;
				r->body_done = had_file;
				memcpy(r->body_sha, res.sha256, sizeof r->body_sha);
				r->body_cut = had_file && !res.complete;
			}
			r->headers_cut |= m->headers_cut;
			m->req = NULL;
			if (!r->kept)
				free(r);
		}
	} else if (h->d[1].st != ST_START) {
		struct req *r = answer_req(x, ss, ts);
		if (r)
			pop(h);
		emit(x, ss, r, 1, had_file ? &res : NULL, ts);
		if (r)
			drop_req(h, r);
		h->next_answer++;
		if (h->next_tx < h->next_answer)
			h->next_tx = h->next_answer;
	}
	msg_reset(&h->d[dir]);
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
		msg_reset(d); /* interim: the final response follows */
		return;
	}
	struct req *r = answer_req(x, ss, ts);
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
		d->st = ST_HEADERS;
		return;
	case ST_HEADERS:
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
		if (len && line[len - 1] == '\r')
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
		drop_req(h, r);
	}
	for (int k = 0; k < 2; k++) {
		struct msg *m = &h->d[k].m;
		if (m->f)
			file_end(x, m->f, &ts, 0, NULL);
		m->f = NULL;
		if (m->req && !m->req->kept)
			free(m->req);
		m->req = NULL;
		dec_stop(m);
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
