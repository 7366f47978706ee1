/* inspect_test.c - the session layer's inspection buffers (session.h's
 * sessions_set_inspect): made-up HTTP, DNS and TLS connections fed to the
 * sessions consumer as stream.c would feed them, every buffer an inspector
 * is given checked byte for byte with its have/fresh masks, tx_id and
 * direction; and the bound on the memory held for inspection.  Ends with
 * "inspect: N tests, M failed" and exits non-zero when anything failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "../../src/session/internal.h"
#include "../../src/session/session.h"

static int tests, failed;

#define CHECK(c, ...)                                               \
	do {                                                        \
		tests++;                                            \
		if (!(c)) {                                         \
			failed++;                                   \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                        \
			printf("\n");                               \
		}                                                   \
	} while (0)

/* ---- the recording inspector ---- */

#define CALLS_MAX 64
struct call {
	int dir;
	uint64_t tx, have, fresh;
	uint8_t *p[SB_MAX];
	uint32_t n[SB_MAX];
};
static struct call calls[CALLS_MAX];
static int ncalls;

static void rec(void *ctx, struct stream *s, int dir, const struct sess_bufs *b,
                const struct stream_ts *ts)
{
	(void)ctx;
	(void)s;
	(void)ts;
	if (ncalls >= CALLS_MAX)
		return;
	struct call *c = &calls[ncalls++];
	c->dir = dir;
	c->tx = b->tx_id;
	c->have = b->have;
	c->fresh = b->fresh;
	for (int i = 0; i < SB_MAX; i++) {
		c->p[i] = NULL;
		c->n[i] = 0;
		if (b->have >> i & 1) {
			c->p[i] = malloc(b->n[i] + 1);
			memcpy(c->p[i], b->p[i], b->n[i]);
			c->n[i] = b->n[i];
		}
	}
}

static void reset_calls(void)
{
	for (int k = 0; k < ncalls; k++)
		for (int i = 0; i < SB_MAX; i++)
			free(calls[k].p[i]);
	ncalls = 0;
}

#define BIT(b) ((uint64_t)1 << (b))

/* Buffer sb of call k is exactly want (n bytes). */
static void buf_is(int k, int sb, const void *want, size_t n, int line)
{
	tests++;
	if (k >= ncalls) {
		failed++;
		printf("FAIL line %d: no call %d\n", line, k);
		return;
	}
	const struct call *c = &calls[k];
	if (!(c->have >> sb & 1)) {
		failed++;
		printf("FAIL line %d: call %d has no buffer %d\n", line, k, sb);
		return;
	}
	if (c->n[sb] != n || memcmp(c->p[sb], want, n) != 0) {
		failed++;
		printf("FAIL line %d: call %d buffer %d: want [%.*s] (%zu), got [%.*s] (%u)\n", line, k,
		       sb, (int)n, (const char *)want, n, (int)c->n[sb], (const char *)c->p[sb], c->n[sb]);
	}
}
#define BUF(k, sb, s) buf_is(k, sb, s, strlen(s), __LINE__)
#define BUFN(k, sb, p, n) buf_is(k, sb, p, n, __LINE__)

/* ---- fake streams, fed as stream.c feeds its consumers ---- */

static struct stream_ts T(uint64_t sec)
{
	struct stream_ts t = { sec, 0 };
	return t;
}

static void mk(struct stream *s, uint64_t id, unsigned proto, unsigned cport, unsigned sport)
{
	memset(s, 0, sizeof *s);
	s->id = id;
	s->proto = (uint8_t)proto;
	s->alen = 4;
	uint8_t a[4] = { 10, 0, (uint8_t)(id >> 8), (uint8_t)id }, b[4] = { 10, 9, 9, 9 };
	memcpy(s->side[0].addr, a, 4);
	memcpy(s->side[1].addr, b, 4);
	s->side[0].port = (uint16_t)cport;
	s->side[1].port = (uint16_t)sport;
	s->first = T(1000);
}

static void feed(const struct stream_consumer *c, struct stream *s, int dir, const void *p, size_t n)
{
	struct stream_ts ts = T(1000);
	uint64_t off = s->side[dir].bytes;
	s->side[dir].bytes += n;
	s->last = ts;
	c->data(c->ctx, s, dir, off, p, n, &ts);
}

static void feeds(const struct stream_consumer *c, struct stream *s, int dir, const char *str)
{
	feed(c, s, dir, str, strlen(str));
}

static void finish(const struct stream_consumer *c, struct stream *s)
{
	s->closed = STREAM_FIN;
	s->side[0].fin = s->side[1].fin = 1;
	c->close(c->ctx, s);
}

static struct sessions *new_sessions(struct stream_consumer *c, int inspect)
{
	char err[256];
	struct sessions *x = sessions_new(NULL, 0, 0, NULL, err, sizeof err);
	if (!x) {
		printf("sessions_new: %s\n", err);
		exit(1);
	}
	sessions_consumer(x, c);
	sessions_set_slot(x, 0);
	if (inspect)
		sessions_set_inspect(x, rec, NULL);
	return x;
}

/* ---- HTTP ---- */

static size_t gzip(const char *in, uint8_t *out, size_t cap)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)strlen(in);
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	size_t n = cap - z.avail_out;
	deflateEnd(&z);
	return n;
}

#define REQ1_LINE "GET /a/./b/../c%20d//e/%2E%2E/f?x=%41+b#frag HTTP/1.1"
#define REQ1_HDRS                        \
	"Host: WWW.Example.COM:8080\r\n" \
	"User-Agent: UA/1.0  \r\n"       \
	"Cookie: a=1; b=2\r\n"           \
	"Accept: */*\r\n"                \
	"X-Dup: 1\r\n"                   \
	"Referer: http://r.example/\r\n" \
	"x-dup: 2\r\n"                   \
	"Accept-Language: en\r\n"        \
	"Accept-Encoding: gzip\r\n"      \
	"Connection: keep-alive\r\n"
#define REQ2_LINE "POST /up HTTP/1.1"
#define REQ2_HDRS "Host: h2\n" \
	"Content-Length: 5\r\n"     \
	"Content-Type: text/plain\r\n"
#define BODY1 "hello gzip world, hello gzip world"

static void test_http(void)
{
	struct stream_consumer c;
	struct sessions *x = new_sessions(&c, 1);
	struct stream s;
	mk(&s, 1, 6, 40000, 8080);
	c.open(c.ctx, &s);
	/* two pipelined requests, split at odd places */
	const char *req = REQ1_LINE "\r\n" REQ1_HDRS "\r\n" REQ2_LINE "\r\n" REQ2_HDRS "\r\nhello";
	size_t rn = strlen(req);
	feed(&c, &s, 0, req, 7);
	feed(&c, &s, 0, req + 7, 100);
	feed(&c, &s, 0, req + 107, rn - 107);
	CHECK(ncalls == 3, "3 calls after the requests, got %d", ncalls);
	/* (a) the first request */
	uint64_t req1 = BIT(SB_HTTP_METHOD) | BIT(SB_HTTP_URI) | BIT(SB_HTTP_URI_RAW) |
			BIT(SB_HTTP_PROTOCOL) | BIT(SB_HTTP_REQUEST_LINE) | BIT(SB_HTTP_HOST) |
			BIT(SB_HTTP_HOST_RAW) | BIT(SB_HTTP_USER_AGENT) | BIT(SB_HTTP_HEADER) |
			BIT(SB_HTTP_HEADER_RAW) | BIT(SB_HTTP_HEADER_NAMES) | BIT(SB_HTTP_COOKIE) |
			BIT(SB_HTTP_REFERER) | BIT(SB_HTTP_ACCEPT) | BIT(SB_HTTP_ACCEPT_LANG) |
			BIT(SB_HTTP_ACCEPT_ENC) | BIT(SB_HTTP_CONNECTION) | BIT(SB_HTTP_START);
	CHECK(calls[0].dir == 0 && calls[0].tx == 0, "call 0: dir %d tx %llu", calls[0].dir,
	      (unsigned long long)calls[0].tx);
	CHECK(calls[0].have == req1 && calls[0].fresh == req1, "call 0 masks %llx %llx",
	      (unsigned long long)calls[0].have, (unsigned long long)calls[0].fresh);
	BUF(0, SB_HTTP_METHOD, "GET");
	BUF(0, SB_HTTP_URI, "/a/c d/f?x=A+b");
	BUF(0, SB_HTTP_URI_RAW, "/a/./b/../c%20d//e/%2E%2E/f?x=%41+b#frag");
	BUF(0, SB_HTTP_PROTOCOL, "HTTP/1.1");
	BUF(0, SB_HTTP_REQUEST_LINE, REQ1_LINE);
	BUF(0, SB_HTTP_HOST, "www.example.com");
	BUF(0, SB_HTTP_HOST_RAW, "WWW.Example.COM:8080");
	BUF(0, SB_HTTP_USER_AGENT, "UA/1.0");
	BUF(0, SB_HTTP_HEADER,
	    "Host: WWW.Example.COM:8080\r\nUser-Agent: UA/1.0\r\nAccept: */*\r\nX-Dup: 1, 2\r\n"
	    "Referer: http://r.example/\r\nAccept-Language: en\r\nAccept-Encoding: gzip\r\n"
	    "Connection: keep-alive\r\n");
	BUF(0, SB_HTTP_HEADER_RAW, REQ1_HDRS "\r\n");
	BUF(0, SB_HTTP_HEADER_NAMES,
	    "\r\nHost\r\nUser-Agent\r\nCookie\r\nAccept\r\nX-Dup\r\nReferer\r\nx-dup\r\n"
	    "Accept-Language\r\nAccept-Encoding\r\nConnection\r\n\r\n");
	BUF(0, SB_HTTP_COOKIE, "a=1; b=2");
	BUF(0, SB_HTTP_REFERER, "http://r.example/");
	BUF(0, SB_HTTP_ACCEPT, "*/*");
	BUF(0, SB_HTTP_ACCEPT_LANG, "en");
	BUF(0, SB_HTTP_ACCEPT_ENC, "gzip");
	BUF(0, SB_HTTP_CONNECTION, "keep-alive");
	BUF(0, SB_HTTP_START,
	    REQ1_LINE "\r\nHost: WWW.Example.COM:8080\r\nUser-Agent: UA/1.0\r\nCookie: a=1; b=2\r\n"
	    "Accept: */*\r\nX-Dup: 1, 2\r\nReferer: http://r.example/\r\nAccept-Language: en\r\n"
	    "Accept-Encoding: gzip\r\nConnection: keep-alive\r\n\r\n");
	/* (a) the second, whose Host line ends in a bare LF */
	uint64_t req2 = BIT(SB_HTTP_METHOD) | BIT(SB_HTTP_URI) | BIT(SB_HTTP_URI_RAW) |
			BIT(SB_HTTP_PROTOCOL) | BIT(SB_HTTP_REQUEST_LINE) | BIT(SB_HTTP_HOST) |
			BIT(SB_HTTP_HOST_RAW) | BIT(SB_HTTP_HEADER) | BIT(SB_HTTP_HEADER_RAW) |
			BIT(SB_HTTP_HEADER_NAMES) | BIT(SB_HTTP_CONTENT_TYPE) |
			BIT(SB_HTTP_CONTENT_LEN) | BIT(SB_HTTP_START);
	CHECK(calls[1].dir == 0 && calls[1].tx == 1, "call 1: dir %d tx %llu", calls[1].dir,
	      (unsigned long long)calls[1].tx);
	CHECK(calls[1].have == req2 && calls[1].fresh == req2, "call 1 masks %llx %llx",
	      (unsigned long long)calls[1].have, (unsigned long long)calls[1].fresh);
	BUF(1, SB_HTTP_METHOD, "POST");
	BUF(1, SB_HTTP_URI, "/up");
	BUF(1, SB_HTTP_HOST, "h2");
	BUF(1, SB_HTTP_CONTENT_LEN, "5");
	BUF(1, SB_HTTP_CONTENT_TYPE, "text/plain");
	BUF(1, SB_HTTP_HEADER_RAW, REQ2_HDRS "\r\n");
	BUF(1, SB_HTTP_HEADER_NAMES, "\r\nHost\r\nContent-Length\r\nContent-Type\r\n\r\n");
	/* (b) its body */
	CHECK(calls[2].dir == 0 && calls[2].tx == 1, "call 2: dir %d tx %llu", calls[2].dir,
	      (unsigned long long)calls[2].tx);
	CHECK(calls[2].have == (req2 | BIT(SB_HTTP_REQUEST_BODY)) &&
		      calls[2].fresh == BIT(SB_HTTP_REQUEST_BODY),
	      "call 2 masks %llx %llx", (unsigned long long)calls[2].have,
	      (unsigned long long)calls[2].fresh);
	BUF(2, SB_HTTP_REQUEST_BODY, "hello");
	BUF(2, SB_HTTP_METHOD, "POST");

	/* the answers: a chunked gzip body (two chunks), then a redirect */
	uint8_t gz[512];
	size_t gn = gzip(BODY1, gz, sizeof gz);
	char head[512];
	int hn = snprintf(head, sizeof head,
			  "HTTP/1.1 200 OK\r\nServer: srv/1\r\nContent-Encoding: gzip\r\n"
			  "Transfer-Encoding: chunked\r\nSet-Cookie: s=1\r\nSet-Cookie: t=2\r\n"
			  "Content-Type: text/html\r\n\r\n%zx\r\n",
			  gn / 2);
	feed(&c, &s, 1, head, (size_t)hn);
	feed(&c, &s, 1, gz, gn / 2);
	hn = snprintf(head, sizeof head, "\r\n%zx\r\n", gn - gn / 2);
	feed(&c, &s, 1, head, (size_t)hn);
	feed(&c, &s, 1, gz + gn / 2, gn - gn / 2);
	feeds(&c, &s, 1, "\r\n0\r\n\r\n");
	feeds(&c, &s, 1, "HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n");
	CHECK(ncalls == 6, "6 calls after the responses, got %d", ncalls);
	uint64_t resp1 = BIT(SB_HTTP_RESP_PROTOCOL) | BIT(SB_HTTP_STAT_CODE) | BIT(SB_HTTP_STAT_MSG) |
			 BIT(SB_HTTP_RESPONSE_LINE) | BIT(SB_HTTP_RESP_HEADER) |
			 BIT(SB_HTTP_RESP_HEADER_NAMES) | BIT(SB_HTTP_RESP_HEADER_RAW) |
			 BIT(SB_HTTP_RESP_COOKIE) | BIT(SB_HTTP_RESP_CONTENT_TYPE) |
			 BIT(SB_HTTP_SERVER) | BIT(SB_HTTP_RESP_START);
	/* (c) the first response's headers, the first request's buffers still there */
	CHECK(calls[3].dir == 1 && calls[3].tx == 0, "call 3: dir %d tx %llu", calls[3].dir,
	      (unsigned long long)calls[3].tx);
	CHECK(calls[3].have == (req1 | resp1) && calls[3].fresh == resp1, "call 3 masks %llx %llx",
	      (unsigned long long)calls[3].have, (unsigned long long)calls[3].fresh);
	BUF(3, SB_HTTP_URI, "/a/c d/f?x=A+b");
	BUF(3, SB_HTTP_STAT_CODE, "200");
	BUF(3, SB_HTTP_STAT_MSG, "OK");
	BUF(3, SB_HTTP_RESP_PROTOCOL, "HTTP/1.1");
	BUF(3, SB_HTTP_RESPONSE_LINE, "HTTP/1.1 200 OK");
	BUF(3, SB_HTTP_SERVER, "srv/1");
	BUF(3, SB_HTTP_RESP_COOKIE, "s=1, t=2");
	BUF(3, SB_HTTP_RESP_CONTENT_TYPE, "text/html");
	BUF(3, SB_HTTP_RESP_HEADER,
	    "Server: srv/1\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"
	    "Content-Type: text/html\r\n");
	BUF(3, SB_HTTP_RESP_HEADER_RAW,
	    "Server: srv/1\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"
	    "Set-Cookie: s=1\r\nSet-Cookie: t=2\r\nContent-Type: text/html\r\n\r\n");
	BUF(3, SB_HTTP_RESP_HEADER_NAMES,
	    "\r\nServer\r\nContent-Encoding\r\nTransfer-Encoding\r\nSet-Cookie\r\nSet-Cookie\r\n"
	    "Content-Type\r\n\r\n");
	BUF(3, SB_HTTP_RESP_START,
	    "HTTP/1.1 200 OK\r\nServer: srv/1\r\nContent-Encoding: gzip\r\n"
	    "Transfer-Encoding: chunked\r\nSet-Cookie: s=1, t=2\r\nContent-Type: text/html\r\n\r\n");
	/* (d) its body, decoded */
	CHECK(calls[4].dir == 1 && calls[4].tx == 0, "call 4: dir %d tx %llu", calls[4].dir,
	      (unsigned long long)calls[4].tx);
	CHECK(calls[4].have == (req1 | resp1 | BIT(SB_FILE_DATA)) &&
		      calls[4].fresh == BIT(SB_FILE_DATA),
	      "call 4 masks %llx %llx", (unsigned long long)calls[4].have,
	      (unsigned long long)calls[4].fresh);
	BUF(4, SB_FILE_DATA, BODY1);
	/* (c) the redirect: the second request's body still there; no body, no (d) */
	uint64_t resp2 = BIT(SB_HTTP_RESP_PROTOCOL) | BIT(SB_HTTP_STAT_CODE) | BIT(SB_HTTP_STAT_MSG) |
			 BIT(SB_HTTP_RESPONSE_LINE) | BIT(SB_HTTP_RESP_HEADER) |
			 BIT(SB_HTTP_RESP_HEADER_NAMES) | BIT(SB_HTTP_RESP_HEADER_RAW) |
			 BIT(SB_HTTP_RESP_CONTENT_LEN) | BIT(SB_HTTP_LOCATION) |
			 BIT(SB_HTTP_RESP_START);
	CHECK(calls[5].dir == 1 && calls[5].tx == 1, "call 5: dir %d tx %llu", calls[5].dir,
	      (unsigned long long)calls[5].tx);
	CHECK(calls[5].have == (req2 | BIT(SB_HTTP_REQUEST_BODY) | resp2) &&
		      calls[5].fresh == resp2,
	      "call 5 masks %llx %llx", (unsigned long long)calls[5].have,
	      (unsigned long long)calls[5].fresh);
	BUF(5, SB_HTTP_REQUEST_BODY, "hello");
	BUF(5, SB_HTTP_STAT_CODE, "302");
	BUF(5, SB_HTTP_STAT_MSG, "Found");
	BUF(5, SB_HTTP_LOCATION, "/x");
	BUF(5, SB_HTTP_RESP_CONTENT_LEN, "0");
	CHECK(!strcmp(sessions_app(x, &s) ? sessions_app(x, &s) : "(null)", "http"),
	      "sessions_app: http");
	finish(&c, &s);
	CHECK(ncalls == 6, "nothing more at the close, got %d calls", ncalls);
	CHECK(x->insp_mem == 0, "all inspection memory given back (%zu held)", x->insp_mem);
	reset_calls();

	/* an absolute URI: its host wins; a body cut by the connection's end */
	mk(&s, 2, 6, 40001, 3128);
	c.open(c.ctx, &s);
	feeds(&c, &s, 0, "GET http://user@Ex.COM.:81/p/../q HTTP/1.0\r\nHost: other\r\n\r\n");
	feeds(&c, &s, 1, "HTTP/1.0 200 OK\r\n\r\nuntil the end");
	CHECK(ncalls == 2, "2 calls before the close, got %d", ncalls);
	BUF(0, SB_HTTP_URI, "/q");
	BUF(0, SB_HTTP_HOST, "ex.com");
	BUF(0, SB_HTTP_HOST_RAW, "Ex.COM.:81");
	CHECK(!(calls[1].have & BIT(SB_HTTP_RESP_HEADER)), "no response headers: no http.header");
	BUF(1, SB_HTTP_RESP_HEADER_RAW, "\r\n");
	BUF(1, SB_HTTP_STAT_MSG, "OK");
	finish(&c, &s);
	CHECK(ncalls == 3, "the body at the close, got %d calls", ncalls);
	CHECK(calls[2].fresh == BIT(SB_FILE_DATA) && calls[2].tx == 0 && calls[2].dir == 1,
	      "call 2: the body");
	BUF(2, SB_FILE_DATA, "until the end");
	BUF(2, SB_HTTP_HOST, "ex.com");
	reset_calls();

	/* a header section over INS_RAW_MAX: cut at it, counted */
	mk(&s, 3, 6, 40002, 80);
	c.open(c.ctx, &s);
	feeds(&c, &s, 0, "GET / HTTP/1.1\r\nHost: a\r\n");
	char big[200];
	memset(big, 'v', sizeof big);
	memcpy(big, "X-Big: ", 7);
	memcpy(big + sizeof big - 2, "\r\n", 2);
	for (int i = 0; i < 60; i++)
		feed(&c, &s, 0, big, sizeof big);
	feeds(&c, &s, 0, "\r\n");
	CHECK(ncalls == 1, "1 call, got %d", ncalls);
	CHECK(calls[0].n[SB_HTTP_HEADER_RAW] == 8192, "raw headers cut at 8 KiB: %u",
	      calls[0].n[SB_HTTP_HEADER_RAW]);
	CHECK(x->st.insp_cut >= 1, "the cut counted");
	BUF(0, SB_HTTP_HOST, "a");
	finish(&c, &s);
	reset_calls();
	CHECK(x->insp_mem == 0, "all inspection memory given back (%zu held)", x->insp_mem);
	sessions_free(x);
}

/* No inspector: nothing kept. */
static void test_no_inspector(void)
{
	struct stream_consumer c;
	struct sessions *x = new_sessions(&c, 0);
	struct stream s;
	mk(&s, 1, 6, 40000, 80);
	c.open(c.ctx, &s);
	feeds(&c, &s, 0, "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n01234");
	feeds(&c, &s, 1, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234");
	CHECK(x->insp_mem == 0 && ncalls == 0, "no inspector: nothing held (%zu)", x->insp_mem);
	finish(&c, &s);
	sessions_free(x);
}

/* The bound on all that is held: many responses whose bodies are held at
 * once (connections not closed) pass SESS_BODY_INSPECT_TOTAL. */
static void test_total_bound(void)
{
	struct stream_consumer c;
	struct sessions *x = new_sessions(&c, 1);
	enum { N = 1100 };
	struct stream *s = calloc(N, sizeof *s);
	static uint8_t body[SESS_BODY_INSPECT_MAX];
	memset(body, 'b', sizeof body);
	size_t peak = 0;
	for (int i = 0; i < N; i++) {
		mk(&s[i], (uint64_t)i, 6, 40000, 80);
		c.open(c.ctx, &s[i]);
		feeds(&c, &s[i], 0, "GET / HTTP/1.1\r\nHost: a\r\n\r\n");
		feeds(&c, &s[i], 1, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
		feed(&c, &s[i], 1, body, sizeof body - 1);
		if (x->insp_mem > peak)
			peak = x->insp_mem;
	}
	CHECK(peak <= SESS_BODY_INSPECT_TOTAL, "held %zu, at most %zu", peak, SESS_BODY_INSPECT_TOTAL);
	CHECK(peak > SESS_BODY_INSPECT_TOTAL - (1u << 20), "held %zu: the bound reached", peak);
	CHECK(x->st.insp_mem_cut > 0, "cuts for the total counted (%llu)",
	      (unsigned long long)x->st.insp_mem_cut);
	CHECK(ncalls == CALLS_MAX, "calls recorded");
	for (int i = 0; i < N; i++)
		finish(&c, &s[i]);
	CHECK(x->insp_mem == 0, "all given back at the end (%zu held)", x->insp_mem);
	free(s);
	reset_calls();
	sessions_free(x);
}

/* ---- DNS ---- */

static size_t dns_msg(uint8_t *m, unsigned id, int qr, const char *name)
{
	size_t k = 0;
	m[k++] = (uint8_t)(id >> 8);
	m[k++] = (uint8_t)id;
	m[k++] = qr ? 0x81 : 0x01;
	m[k++] = qr ? 0x80 : 0x00;
	static const uint8_t counts[8] = { 0, 1, 0, 0, 0, 0, 0, 0 };
	uint8_t ct[8];
	memcpy(ct, counts, 8);
	if (qr)
		ct[3] = 1;
	memcpy(m + k, ct, 8);
	k += 8;
	const char *p = name;
	while (*p) {
		const char *dot = strchr(p, '.');
		size_t l = dot ? (size_t)(dot - p) : strlen(p);
		m[k++] = (uint8_t)l;
		memcpy(m + k, p, l);
		k += l;
		p += l + (dot ? 1 : 0);
	}
	m[k++] = 0;
	m[k++] = 0, m[k++] = 1, m[k++] = 0, m[k++] = 1; /* A IN */
	if (qr) {
		static const uint8_t an[] = { 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1 };
		memcpy(m + k, an, sizeof an);
		k += sizeof an;
	}
	return k;
}

static void test_dns(void)
{
	struct stream_consumer c;
	struct sessions *x = new_sessions(&c, 1);
	struct stream s;
	uint8_t m[512];
	mk(&s, 1, 17, 40000, 53);
	c.open(c.ctx, &s);
	feed(&c, &s, 0, m, dns_msg(m, 0x1234, 0, "www.example.com"));
	feed(&c, &s, 1, m, dns_msg(m, 0x1234, 1, "www.example.com"));
	CHECK(ncalls == 1, "DNS/UDP: one call (the query), got %d", ncalls);
	CHECK(calls[0].dir == 0 && calls[0].tx == 0x1234, "DNS: dir %d tx %llu", calls[0].dir,
	      (unsigned long long)calls[0].tx);
	CHECK(calls[0].have == BIT(SB_DNS_QUERY) && calls[0].fresh == BIT(SB_DNS_QUERY),
	      "DNS masks");
	BUF(0, SB_DNS_QUERY, "www.example.com");
	CHECK(sessions_app(x, &s) && !strcmp(sessions_app(x, &s), "dns"), "sessions_app: dns");
	finish(&c, &s);
	reset_calls();

	/* over TCP: two-byte lengths, the query split */
	mk(&s, 2, 6, 40001, 53);
	c.open(c.ctx, &s);
	size_t n = dns_msg(m + 2, 7, 0, "a.b.example");
	m[0] = 0;
	m[1] = (uint8_t)n;
	feed(&c, &s, 0, m, 5);
	feed(&c, &s, 0, m + 5, n + 2 - 5);
	n = dns_msg(m + 2, 7, 1, "a.b.example");
	m[1] = (uint8_t)n;
	feed(&c, &s, 1, m, n + 2);
	CHECK(ncalls == 1, "DNS/TCP: one call, got %d", ncalls);
	CHECK(calls[0].tx == 7 && calls[0].dir == 0, "DNS/TCP: tx, dir");
	BUF(0, SB_DNS_QUERY, "a.b.example");
	finish(&c, &s);
	reset_calls();
	sessions_free(x);
}

/* ---- TLS ---- */

static size_t make_cert(uint8_t *out, size_t cap)
{
	EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	X509 *c = X509_new();
	X509_set_version(c, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(c), 0x0A1B2C);
	X509_gmtime_adj(X509_getm_notBefore(c), 0);
	X509_gmtime_adj(X509_getm_notAfter(c), 86400);
	X509_NAME *nm = X509_get_subject_name(c);
	X509_NAME_add_entry_by_txt(nm, "C", MBSTRING_ASC, (const unsigned char *)"US", -1, -1, 0);
	X509_NAME_add_entry_by_txt(nm, "O", MBSTRING_ASC, (const unsigned char *)"Example", -1, -1, 0);
	X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC, (const unsigned char *)"www.example.com",
				   -1, -1, 0);
	X509_NAME *is = X509_NAME_new();
	X509_NAME_add_entry_by_txt(is, "C", MBSTRING_ASC, (const unsigned char *)"US", -1, -1, 0);
	X509_NAME_add_entry_by_txt(is, "O", MBSTRING_ASC, (const unsigned char *)"Test CA", -1, -1, 0);
	X509_set_issuer_name(c, is);
	X509_set_pubkey(c, k);
	X509_sign(c, k, EVP_sha256());
	int n = i2d_X509(c, NULL);
	size_t r = 0;
	if (n > 0 && (size_t)n <= cap) {
		unsigned char *p = out;
		i2d_X509(c, &p);
		r = (size_t)n;
	}
	X509_NAME_free(is);
	X509_free(c);
	EVP_PKEY_free(k);
	return r;
}

static void put24(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v >> 16);
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)v;
}

static void test_tls(void)
{
	struct stream_consumer c;
	struct sessions *x = new_sessions(&c, 1);
	struct stream s;
	mk(&s, 1, 6, 40000, 443);
	c.open(c.ctx, &s);
	/* ClientHello with server_name "Example.org" */
	static const char sni[] = "Example.org";
	uint8_t ch[256];
	size_t k = 9;
	ch[k++] = 3, ch[k++] = 3;
	memset(ch + k, 0x11, 32);
	k += 32;
	ch[k++] = 0;                         /* session id */
	ch[k++] = 0, ch[k++] = 2, ch[k++] = 0, ch[k++] = 0x2f; /* cipher suites */
	ch[k++] = 1, ch[k++] = 0;            /* compression */
	size_t sl = strlen(sni);
	size_t el = 4 + 2 + 3 + sl;
	ch[k++] = 0, ch[k++] = (uint8_t)el;  /* extensions */
	ch[k++] = 0, ch[k++] = 0, ch[k++] = 0, ch[k++] = (uint8_t)(2 + 3 + sl);
	ch[k++] = 0, ch[k++] = (uint8_t)(3 + sl);
	ch[k++] = 0, ch[k++] = 0, ch[k++] = (uint8_t)sl;
	memcpy(ch + k, sni, sl);
	k += sl;
	ch[0] = 22, ch[1] = 3, ch[2] = 1, ch[3] = (uint8_t)((k - 5) >> 8), ch[4] = (uint8_t)(k - 5);
	ch[5] = 1;
	put24(ch + 6, k - 9);
	feed(&c, &s, 0, ch, k);
	CHECK(ncalls == 1, "TLS: a call for the ClientHello, got %d", ncalls);
	uint64_t ja3 = BIT(SB_TLS_JA3_HASH) | BIT(SB_TLS_JA3_STRING);
	uint64_t ja3s = BIT(SB_TLS_JA3S_HASH) | BIT(SB_TLS_JA3S_STRING);
	CHECK(calls[0].dir == 0 && calls[0].tx == 0 && calls[0].have == (BIT(SB_TLS_SNI) | ja3) &&
		      calls[0].fresh == (BIT(SB_TLS_SNI) | ja3),
	      "TLS call 0");
	BUF(0, SB_TLS_SNI, sni);
	/* JA3: version 771, cipher 47, extension 0, no groups, no point formats */
	BUF(0, SB_TLS_JA3_STRING, "771,47,0,,");
	BUF(0, SB_TLS_JA3_HASH, "6169fabc98e3e6c9690301eaf306d632");

	/* ServerHello, Certificate, ServerHelloDone in one record */
	uint8_t der[2048], sv[4096];
	size_t dn = make_cert(der, sizeof der);
	CHECK(dn > 0, "certificate made");
	k = 5;
	sv[k++] = 2;
	put24(sv + k, 38);
	k += 3;
	sv[k++] = 3, sv[k++] = 3;
	memset(sv + k, 0x22, 32);
	k += 32;
	sv[k++] = 0, sv[k++] = 0, sv[k++] = 0x2f, sv[k++] = 0;
	sv[k++] = 11;
	put24(sv + k, dn + 6);
	put24(sv + k + 3, dn + 3);
	put24(sv + k + 6, dn);
	k += 9;
	memcpy(sv + k, der, dn);
	k += dn;
	sv[k++] = 14, sv[k++] = 0, sv[k++] = 0, sv[k++] = 0;
	sv[0] = 22, sv[1] = 3, sv[2] = 3, sv[3] = (uint8_t)((k - 5) >> 8), sv[4] = (uint8_t)(k - 5);
	feed(&c, &s, 1, sv, 100);
	feed(&c, &s, 1, sv + 100, k - 100);
	CHECK(ncalls == 3, "TLS: 3 calls, got %d", ncalls);
	CHECK(calls[1].dir == 1 &&
		      calls[1].have == (BIT(SB_TLS_SNI) | BIT(SB_TLS_VERSION_STR) | ja3 | ja3s) &&
		      calls[1].fresh == (BIT(SB_TLS_VERSION_STR) | ja3s),
	      "TLS call 1 masks");
	BUF(1, SB_TLS_VERSION_STR, "1.2");
	/* JA3S: version 771, cipher 47, no extensions */
	BUF(1, SB_TLS_JA3S_STRING, "771,47,");
	BUF(1, SB_TLS_JA3S_HASH, "5397c414a9ebeaff1bf18b70ca22eaa0");
	uint64_t cert = BIT(SB_TLS_CERT_SUBJECT) | BIT(SB_TLS_CERT_ISSUER) | BIT(SB_TLS_CERT_SERIAL) |
			BIT(SB_TLS_CERT_FINGERPRINT);
	CHECK(calls[2].dir == 1 && calls[2].tx == 0 &&
		      calls[2].have == (cert | BIT(SB_TLS_SNI) | BIT(SB_TLS_VERSION_STR) | ja3 | ja3s) &&
		      calls[2].fresh == cert,
	      "TLS call 2 masks %llx %llx", (unsigned long long)calls[2].have,
	      (unsigned long long)calls[2].fresh);
	BUF(2, SB_TLS_SNI, sni);
	BUF(2, SB_TLS_CERT_SUBJECT, "C=US, O=Example, CN=www.example.com");
	BUF(2, SB_TLS_CERT_ISSUER, "C=US, O=Test CA");
	BUF(2, SB_TLS_CERT_SERIAL, "0A:1B:2C");
	unsigned char md[20];
	unsigned mdl = 0;
	EVP_Digest(der, dn, md, &mdl, EVP_sha1(), NULL);
	char fp[60];
	for (int i = 0; i < 20; i++)
		snprintf(fp + 3 * i, sizeof fp - 3 * (size_t)i, i < 19 ? "%02x:" : "%02x", md[i]);
	BUF(2, SB_TLS_CERT_FINGERPRINT, fp);
	finish(&c, &s);
	reset_calls();
	sessions_free(x);
}

int main(void)
{
	test_http();
	test_no_inspector();
	test_dns();
	test_tls();
	test_total_bound();
	reset_calls();
	printf("inspect: %d tests, %d failed\n", tests, failed);
	return failed ? 1 : 0;
}
