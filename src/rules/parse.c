/* parse.c - one rule's text into a struct rule: the header (action,
 * protocol, addresses and ports kept as text for rs_resolve, direction) and
 * the options, in Suricata 5+'s meaning where Snort 2.9 and Suricata
 * differ.  A rule with a keyword or protocol not supported is skipped and
 * tallied under that keyword; a malformed one is an error naming its
 * file:line. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define OPT_MAX 512     /* options in one rule */
#define FB_NAMES_MAX 64 /* flowbit names in one flowbits keyword */

struct pst {
	struct ruleset *rs;
	struct rule *r;
	const char *file;
	unsigned line;
	char *err;
	size_t errlen;
	int cur;            /* the sticky buffer following elements go to */
	int last_content;   /* index in r->m of the last content, -1: none */
	unsigned cap_m, cap_h, cap_fb;
	char vars[RULE_VARS_MAX][33];
	int nvars;
	int have_sid;
	const char *skip;   /* why the rule is skipped (static or in kwbuf) */
	char kwbuf[64];
};

static int fail(struct pst *s, const char *fmt, ...)
{
	char m[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	snprintf(s->err, s->errlen, "%s:%u: %s", s->file, s->line, m);
	return -1;
}

/* ---- small text helpers -------------------------------------------------- */

static int isws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* trims [*b, *e) in place */
static void trim(const char **b, const char **e)
{
	while (*b < *e && isws(**b))
		(*b)++;
	while (*e > *b && isws((*e)[-1]))
		(*e)--;
}

static int streq_n(const char *a, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(a, lit, n) == 0;
}

/* an unsigned number: decimal, or hex with 0x; the whole of s (trimmed) */
static int parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	while (isws(*s))
		s++;
	uint64_t v = 0;
	int digits = 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		for (; *s; s++) {
			int d;
			if (*s >= '0' && *s <= '9')
				d = *s - '0';
			else if (*s >= 'a' && *s <= 'f')
				d = *s - 'a' + 10;
			else if (*s >= 'A' && *s <= 'F')
				d = *s - 'A' + 10;
			else
				break;
			if (v > (UINT64_MAX >> 4))
				return -1;
			v = v << 4 | (uint64_t)d;
			digits++;
		}
	} else {
		for (; *s >= '0' && *s <= '9'; s++) {
			if (v > (UINT64_MAX - 9) / 10)
				return -1;
			v = v * 10 + (uint64_t)(*s - '0');
			digits++;
		}
	}
	while (isws(*s))
		s++;
	if (!digits || *s || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_i32(const char *s, int32_t *out)
{
	while (isws(*s))
		s++;
	int neg = 0;
	if (*s == '-') {
		neg = 1;
		s++;
	} else if (*s == '+') {
		s++;
	}
	uint64_t v;
	if (parse_u64(s, (uint64_t)INT32_MAX + (uint64_t)neg, &v) < 0)
		return -1;
	*out = neg ? (int32_t)(-(int64_t)v) : (int32_t)v;
	return 0;
}

/* A copy of [b, e) with the rule language's escapes (\" \; \\ \: ...)
 * undone; n bytes at most kept. */
static char *unescape(const char *b, const char *e, size_t n)
{
	char *o = malloc((size_t)(e - b) + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	for (const char *p = b; p < e && k < n; p++) {
		if (*p == '\\' && p + 1 < e)
			p++;
		o[k++] = *p;
	}
	o[k] = 0;
	return o;
}

/* The text inside a quoted value: `"..."`, or with neg a leading '!'
 * allowed before it.  0 and [*qb, *qe) when quoted. */
static int quoted(const char *v, int *neg, const char **qb, const char **qe)
{
	const char *b = v, *e = v + strlen(v);
	trim(&b, &e);
	if (neg) {
		*neg = 0;
		if (b < e && *b == '!') {
			*neg = 1;
			b++;
			while (b < e && isws(*b))
				b++;
		}
	}
	if (e - b < 2 || *b != '"' || e[-1] != '"')
		return -1;
	/* the closing quote must not be escaped */
	size_t bs = 0;
	for (const char *p = e - 2; p > b && *p == '\\'; p--)
		bs++;
	if (bs % 2)
		return -1;
	*qb = b + 1;
	*qe = e - 1;
	return 0;
}

/* ---- growing the rule's arrays -------------------------------------------- */

static struct rm *new_rm(struct pst *s, int kind, int buf)
{
	struct rule *r = s->r;
	if (r->nm == s->cap_m) {
		unsigned cap = s->cap_m ? s->cap_m * 2 : 8;
		struct rm *m = realloc(r->m, cap * sizeof *m);
		if (!m)
			return NULL;
		r->m = m;
		s->cap_m = cap;
	}
	struct rm *m = &r->m[r->nm++];
	memset(m, 0, sizeof *m);
	m->kind = (uint8_t)kind;
	m->buf = (uint8_t)buf;
	m->offset.var = m->depth.var = m->distance.var = m->within.var = m->value.var = -1;
	m->multiplier = 1;
	return m;
}

static struct rh *new_rh(struct pst *s, int field)
{
	struct rule *r = s->r;
	if (r->nhdr == s->cap_h) {
		unsigned cap = s->cap_h ? s->cap_h * 2 : 4;
		struct rh *h = realloc(r->hdr, cap * sizeof *h);
		if (!h)
			return NULL;
		r->hdr = h;
		s->cap_h = cap;
	}
	struct rh *h = &r->hdr[r->nhdr++];
	memset(h, 0, sizeof *h);
	h->field = (uint8_t)field;
	return h;
}

static int oom(struct pst *s)
{
	return fail(s, "out of memory");
}

/* ---- content --------------------------------------------------------------- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* content's text: |hex| sections, \ escapes */
static int decode_content(struct pst *s, const char *b, const char *e, uint8_t **out,
                          uint32_t *olen)
{
	uint8_t *o = malloc((size_t)(e - b) + 1);
	if (!o)
		return oom(s);
	size_t k = 0;
	int hex = 0, half = -1;
	for (const char *p = b; p < e; p++) {
		if (hex) {
			if (*p == '|') {
				if (half >= 0)
					goto odd;
				hex = 0;
			} else if (isws(*p)) {
				if (half >= 0)
					goto odd;
			} else {
				int h = hexval(*p);
				if (h < 0) {
					free(o);
					return fail(s, "bad hex digit '%c' in content", *p);
				}
				if (half < 0) {
					half = h;
				} else {
					o[k++] = (uint8_t)(half << 4 | h);
					half = -1;
				}
			}
		} else if (*p == '|') {
			hex = 1;
		} else if (*p == '\\') {
			if (p + 1 >= e) {
				free(o);
				return fail(s, "content ends with a lone backslash");
			}
			o[k++] = (uint8_t)*++p;
		} else if (*p == '"') {
			free(o);
			return fail(s, "unescaped quote in content");
		} else {
			o[k++] = (uint8_t)*p;
		}
	}
	if (hex) {
		free(o);
		return fail(s, "unterminated |hex| in content");
	}
	if (k == 0) {
		free(o);
		return fail(s, "empty content");
	}
	*out = o;
	*olen = (uint32_t)k;
	return 0;
odd:
	free(o);
	return fail(s, "odd hex digits in content");
}

static int kw_content(struct pst *s, const char *v, int buf)
{
	const char *b, *e;
	int neg;
	if (!v || quoted(v, &neg, &b, &e) < 0)
		return fail(s, "content needs a quoted string");
	struct rm *m = new_rm(s, RM_CONTENT, buf);
	if (!m)
		return oom(s);
	if (decode_content(s, b, e, &m->pat, &m->plen) < 0) {
		s->r->nm--;
		return -1;
	}
	if (neg)
		m->flags |= RMF_NEG;
	s->last_content = (int)(s->r->nm - 1);
	return 0;
}

static struct rm *last_content(struct pst *s, const char *kw)
{
	if (s->last_content < 0) {
		fail(s, "%s without a content before it", kw);
		return NULL;
	}
	return &s->r->m[s->last_content];
}

/* a number or a byte_extract variable of this rule */
static int parse_num(struct pst *s, const char *v, const char *kw, struct rm_num *out)
{
	if (!v)
		return fail(s, "%s needs a value", kw);
	const char *b = v, *e = v + strlen(v);
	trim(&b, &e);
	if (b < e && ((*b >= '0' && *b <= '9') || *b == '-' || *b == '+')) {
		char t[32];
		size_t n = (size_t)(e - b);
		if (n >= sizeof t)
			return fail(s, "bad number for %s", kw);
		memcpy(t, b, n);
		t[n] = 0;
		if (parse_i32(t, &out->v) < 0)
			return fail(s, "bad number for %s", kw);
		out->var = -1;
		return 0;
	}
	for (int i = 0; i < s->nvars; i++) {
		if (streq_n(b, (size_t)(e - b), s->vars[i])) {
			out->var = (int8_t)i;
			out->v = 0;
			return 0;
		}
	}
	return fail(s, "%s: '%.*s' is neither a number nor a byte_extract variable", kw,
	            (int)((e - b) > 40 ? 40 : (e - b)), b);
}

static int kw_modifier(struct pst *s, const char *kw, const char *v)
{
	struct rm *m = last_content(s, kw);
	if (!m)
		return -1;
	if (!strcmp(kw, "nocase")) {
		m->flags |= RMF_NOCASE;
	} else if (!strcmp(kw, "rawbytes")) {
		m->flags |= RMF_RAWBYTES;
	} else if (!strcmp(kw, "startswith")) {
		m->flags |= RMF_STARTSWITH;
	} else if (!strcmp(kw, "endswith")) {
		m->flags |= RMF_ENDSWITH;
	} else if (!strcmp(kw, "offset")) {
		if (parse_num(s, v, kw, &m->offset) < 0)
			return -1;
		m->has |= RMH_OFFSET;
	} else if (!strcmp(kw, "depth")) {
		if (parse_num(s, v, kw, &m->depth) < 0)
			return -1;
		m->has |= RMH_DEPTH;
	} else if (!strcmp(kw, "distance")) {
		if (parse_num(s, v, kw, &m->distance) < 0)
			return -1;
		m->has |= RMH_DISTANCE;
		m->flags |= RMF_RELATIVE;
	} else if (!strcmp(kw, "within")) {
		if (parse_num(s, v, kw, &m->within) < 0)
			return -1;
		m->has |= RMH_WITHIN;
		m->flags |= RMF_RELATIVE;
	} else if (!strcmp(kw, "fast_pattern")) {
		m->flags |= RMF_FAST;
		if (v) {
			const char *b = v, *e = v + strlen(v);
			trim(&b, &e);
			if (streq_n(b, (size_t)(e - b), "only")) {
				m->flags |= RMF_FAST_ONLY;
			} else if (b < e) {
				char t[48];
				size_t n = (size_t)(e - b);
				if (n >= sizeof t)
					return fail(s, "bad fast_pattern");
				memcpy(t, b, n);
				t[n] = 0;
				char *comma = strchr(t, ',');
				uint64_t off, len;
				if (!comma)
					return fail(s, "bad fast_pattern '%s'", t);
				*comma = 0;
				if (parse_u64(t, 65535, &off) < 0 || parse_u64(comma + 1, 65535, &len) < 0 ||
				    len == 0 || off + len > m->plen)
					return fail(s, "bad fast_pattern offset,length");
				m->fp_off = (uint32_t)off;
				m->fp_len = (uint32_t)len;
			}
		}
	}
	return 0;
}

/* ---- buffers ------------------------------------------------------------------ */

struct bufname {
	const char *name;
	int buf;
};

/* sticky buffers: set the buffer of what follows */
static const struct bufname sticky[] = {
	{"pkt_data", RB_PKT},
	{"file.data", SB_FILE_DATA},
	{"file_data", SB_FILE_DATA},
	{"http.uri", SB_HTTP_URI},
	{"http.uri.raw", SB_HTTP_URI_RAW},
	{"http.method", SB_HTTP_METHOD},
	{"http.host", SB_HTTP_HOST},
	{"http.host.raw", SB_HTTP_HOST_RAW},
	{"http.user_agent", SB_HTTP_USER_AGENT},
	{"http.header", SB_HTTP_HEADER},
	{"http.header.raw", SB_HTTP_HEADER_RAW},
	{"http.header_names", SB_HTTP_HEADER_NAMES},
	{"http_header_names", SB_HTTP_HEADER_NAMES},
	{"http.cookie", SB_HTTP_COOKIE},
	{"http.referer", SB_HTTP_REFERER},
	{"http_referer", SB_HTTP_REFERER},
	{"http.content_type", SB_HTTP_CONTENT_TYPE},
	{"http_content_type", SB_HTTP_CONTENT_TYPE},
	{"http.content_len", SB_HTTP_CONTENT_LEN},
	{"http_content_len", SB_HTTP_CONTENT_LEN},
	{"http.accept", SB_HTTP_ACCEPT},
	{"http_accept", SB_HTTP_ACCEPT},
	{"http.accept_lang", SB_HTTP_ACCEPT_LANG},
	{"http_accept_lang", SB_HTTP_ACCEPT_LANG},
	{"http.accept_enc", SB_HTTP_ACCEPT_ENC},
	{"http_accept_enc", SB_HTTP_ACCEPT_ENC},
	{"http.connection", SB_HTTP_CONNECTION},
	{"http_connection", SB_HTTP_CONNECTION},
	{"http.start", SB_HTTP_START},
	{"http_start", SB_HTTP_START},
	{"http.request_line", SB_HTTP_REQUEST_LINE},
	{"http_request_line", SB_HTTP_REQUEST_LINE},
	{"http.response_line", SB_HTTP_RESPONSE_LINE},
	{"http_response_line", SB_HTTP_RESPONSE_LINE},
	{"http.stat_code", SB_HTTP_STAT_CODE},
	{"http.stat_msg", SB_HTTP_STAT_MSG},
	{"http.server", SB_HTTP_SERVER},
	{"http_server", SB_HTTP_SERVER},
	{"http.location", SB_HTTP_LOCATION},
	{"http_location", SB_HTTP_LOCATION},
	{"http.request_body", SB_HTTP_REQUEST_BODY},
	{"http.response_body", SB_FILE_DATA},
	{"http.protocol", SB_HTTP_PROTOCOL},
	{"http_protocol", SB_HTTP_PROTOCOL},
	{"dns.query", SB_DNS_QUERY},
	{"dns_query", SB_DNS_QUERY},
	{"tls.sni", SB_TLS_SNI},
	{"tls_sni", SB_TLS_SNI},
	{"ja3.hash", SB_TLS_JA3_HASH},
	{"ja3_hash", SB_TLS_JA3_HASH},
	{"ja3.string", SB_TLS_JA3_STRING},
	{"ja3_string", SB_TLS_JA3_STRING},
	{"ja3s.hash", SB_TLS_JA3S_HASH},
	{"ja3s.string", SB_TLS_JA3S_STRING},
	{"tls.cert_subject", SB_TLS_CERT_SUBJECT},
	{"tls_cert_subject", SB_TLS_CERT_SUBJECT},
	{"tls.cert_issuer", SB_TLS_CERT_ISSUER},
	{"tls_cert_issuer", SB_TLS_CERT_ISSUER},
	{"tls.cert_serial", SB_TLS_CERT_SERIAL},
	{"tls_cert_serial", SB_TLS_CERT_SERIAL},
	{"tls.cert_fingerprint", SB_TLS_CERT_FINGERPRINT},
	{"tls_cert_fingerprint", SB_TLS_CERT_FINGERPRINT},
};

/* Snort's content modifiers: move the previous content into the buffer */
static const struct bufname modifiers[] = {
	{"http_uri", SB_HTTP_URI},
	{"http_raw_uri", SB_HTTP_URI_RAW},
	{"http_method", SB_HTTP_METHOD},
	{"http_header", SB_HTTP_HEADER},
	{"http_raw_header", SB_HTTP_HEADER_RAW},
	{"http_cookie", SB_HTTP_COOKIE},
	{"http_user_agent", SB_HTTP_USER_AGENT},
	{"http_host", SB_HTTP_HOST},
	{"http_raw_host", SB_HTTP_HOST_RAW},
	{"http_client_body", SB_HTTP_REQUEST_BODY},
	{"http_server_body", SB_FILE_DATA},
	{"http_stat_code", SB_HTTP_STAT_CODE},
	{"http_stat_msg", SB_HTTP_STAT_MSG},
};

static int find_buf(const struct bufname *t, size_t n, const char *kw)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].name[0] == kw[0] && !strcmp(t[i].name, kw))
			return t[i].buf;
	return -1;
}

/* ---- pcre ------------------------------------------------------------------------ */

static int kw_pcre(struct pst *s, const char *v)
{
	const char *b, *e;
	int neg;
	if (!v || quoted(v, &neg, &b, &e) < 0)
		return fail(s, "pcre needs a quoted \"/regex/flags\"");
	if (b >= e || *b != '/')
		return fail(s, "pcre must be written /regex/flags");
	const char *close = e - 1;
	while (close > b && *close != '/')
		close--;
	if (close == b)
		return fail(s, "pcre without its closing /");
	uint32_t opts = 0;
	uint16_t flags = neg ? RMF_NEG : 0;
	int buf = s->cur;
	for (const char *f = close + 1; f < e; f++) {
		switch (*f) {
		case 'i': opts |= PCRE2_CASELESS; break;
		case 's': opts |= PCRE2_DOTALL; break;
		case 'm': opts |= PCRE2_MULTILINE; break;
		case 'x': opts |= PCRE2_EXTENDED; break;
		case 'A': opts |= PCRE2_ANCHORED; break;
		case 'E': opts |= PCRE2_DOLLAR_ENDONLY; break;
		case 'G': opts |= PCRE2_UNGREEDY; break;
		case 'R': flags |= RMF_RELATIVE; break;
		case 'O': break;
		case 'B': break; /* rawbytes: nothing to do */
		case 'U': buf = SB_HTTP_URI; break;
		case 'I': buf = SB_HTTP_URI_RAW; break;
		case 'P': buf = SB_HTTP_REQUEST_BODY; break;
		case 'H': buf = SB_HTTP_HEADER; break;
		case 'D': buf = SB_HTTP_HEADER_RAW; break;
		case 'M': buf = SB_HTTP_METHOD; break;
		case 'C': buf = SB_HTTP_COOKIE; break;
		case 'S': buf = SB_HTTP_STAT_CODE; break;
		case 'Y': buf = SB_HTTP_STAT_MSG; break;
		case 'V': buf = SB_HTTP_USER_AGENT; break;
		case 'W': buf = SB_HTTP_HOST; break;
		case 'Z': buf = SB_HTTP_HOST_RAW; break;
		case 'Q': buf = SB_FILE_DATA; break;
		default:
			return fail(s, "unknown pcre flag '%c'", *f);
		}
	}
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)(b + 1), (PCRE2_SIZE)(close - b - 1), opts, &ec,
	                               &eo, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];
		if (pcre2_get_error_message(ec, msg, sizeof msg) < 0)
			snprintf((char *)msg, sizeof msg, "error %d", ec);
		return fail(s, "pcre \"%.60s\": %s at offset %zu", b, (const char *)msg, (size_t)eo);
	}
	/* JIT-compiled when it first runs (match.c); not JIT-able: interpreted */
	struct rm *m = new_rm(s, RM_PCRE, buf);
	if (!m) {
		pcre2_code_free(re);
		return oom(s);
	}
	m->re = re;
	m->flags = flags;
	return 0;
}

/* ---- byte_test, byte_jump, byte_extract --------------------------------------------- */

#define ARGS_MAX 16

/* splits v on ',' into trimmed, NUL-terminated pieces of buf */
static int split_args(char *buf, size_t bufn, const char *v, char **av)
{
	size_t n = strlen(v);
	if (n >= bufn)
		return -1;
	memcpy(buf, v, n + 1);
	int ac = 0;
	char *p = buf;
	for (;;) {
		if (ac == ARGS_MAX)
			return -1;
		char *c = strchr(p, ',');
		if (c)
			*c = 0;
		const char *b = p, *e = p + strlen(p);
		trim(&b, &e);
		((char *)e)[0] = 0;
		av[ac++] = (char *)b;
		if (!c)
			break;
		p = c + 1;
	}
	return ac;
}

/* the options byte_* share; 1 when a was one of them, 0 not, -1 bad */
static int byte_opt(struct pst *s, struct rm *m, const char *a, int *based)
{
	uint64_t x;
	if (!strcmp(a, "relative"))
		m->flags |= RMF_RELATIVE;
	else if (!strcmp(a, "big"))
		m->flags &= (uint16_t)~RMF_LITTLE;
	else if (!strcmp(a, "little"))
		m->flags |= RMF_LITTLE;
	else if (!strcmp(a, "dce"))
		m->flags |= RMF_DCE;
	else if (!strcmp(a, "string"))
		m->flags |= RMF_STRING;
	else if (!strcmp(a, "hex"))
		m->base = 16, *based = 1;
	else if (!strcmp(a, "dec"))
		m->base = 10, *based = 1;
	else if (!strcmp(a, "oct"))
		m->base = 8, *based = 1;
	else if (!strncmp(a, "bitmask", 7) && isws(a[7])) {
		if (parse_u64(a + 8, UINT64_MAX, &x) < 0 || x == 0)
			return fail(s, "bad bitmask '%s'", a + 8);
		m->bitmask = x;
	} else
		return 0;
	return 1;
}

static int byte_nbytes(struct pst *s, struct rm *m, const char *a, const char *kw)
{
	uint64_t n;
	/* 0: the whole buffer, as a string (ET's "http.content_len;
	 * byte_test:0,=,0,0,string,dec;"); byte_finish checks the string */
	if (parse_u64(a, 10, &n) < 0)
		return fail(s, "%s: bad number of bytes '%s'", kw, a);
	m->nbytes = (uint8_t)n;
	return 0;
}

static int byte_finish(struct pst *s, struct rm *m, int based, const char *kw)
{
	if (based)
		m->flags |= RMF_STRING;
	if (m->flags & RMF_STRING) {
		if (!m->base)
			m->base = 10;
	} else if (m->nbytes > 8 || m->nbytes == 0) {
		return fail(s, "%s: %s bytes needs string", kw, m->nbytes ? "more than 8" : "0");
	}
	return 0;
}

static int kw_byte_test(struct pst *s, const char *v)
{
	char buf[512], *av[ARGS_MAX];
	int ac = v ? split_args(buf, sizeof buf, v, av) : -1;
	if (ac < 4)
		return fail(s, "byte_test needs bytes,operator,value,offset");
	struct rm *m = new_rm(s, RM_BYTE_TEST, s->cur);
	if (!m)
		return oom(s);
	if (byte_nbytes(s, m, av[0], "byte_test") < 0)
		return -1;
	const char *op = av[1];
	if (*op == '!') {
		m->flags |= RMF_NEG;
		op++;
		while (isws(*op))
			op++;
	}
	if (!*op && (m->flags & RMF_NEG))
		m->op = OP_EQ; /* '!' alone: not equal */
	else if (!strcmp(op, "<"))
		m->op = OP_LT;
	else if (!strcmp(op, ">"))
		m->op = OP_GT;
	else if (!strcmp(op, "="))
		m->op = OP_EQ;
	else if (!strcmp(op, "<="))
		m->op = OP_LE;
	else if (!strcmp(op, ">="))
		m->op = OP_GE;
	else if (!strcmp(op, "&"))
		m->op = OP_AND;
	else if (!strcmp(op, "^"))
		m->op = OP_OR;
	else
		return fail(s, "byte_test: bad operator '%s'", av[1]);
	uint64_t x;
	if (parse_u64(av[2], UINT64_MAX, &x) == 0) {
		m->value.var = -1;
		m->value.v = x <= INT32_MAX ? (int32_t)x : (int32_t)(uint32_t)(x & 0xffffffffu);
		m->value2 = x;
	} else if (parse_num(s, av[2], "byte_test value", &m->value) < 0) {
		return -1;
	}
	if (parse_num(s, av[3], "byte_test offset", &m->offset) < 0)
		return -1;
	int based = 0;
	for (int i = 4; i < ac; i++) {
		int k = byte_opt(s, m, av[i], &based);
		if (k < 0)
			return -1;
		if (k == 0)
			return fail(s, "byte_test: unknown option '%s'", av[i]);
	}
	return byte_finish(s, m, based, "byte_test");
}

static int kw_byte_jump(struct pst *s, const char *v)
{
	char buf[512], *av[ARGS_MAX];
	int ac = v ? split_args(buf, sizeof buf, v, av) : -1;
	if (ac < 2)
		return fail(s, "byte_jump needs bytes,offset");
	struct rm *m = new_rm(s, RM_BYTE_JUMP, s->cur);
	if (!m)
		return oom(s);
	if (byte_nbytes(s, m, av[0], "byte_jump") < 0)
		return -1;
	if (parse_num(s, av[1], "byte_jump offset", &m->offset) < 0)
		return -1;
	int based = 0;
	for (int i = 2; i < ac; i++) {
		int k = byte_opt(s, m, av[i], &based);
		if (k < 0)
			return -1;
		if (k)
			continue;
		const char *a = av[i];
		if (!strcmp(a, "align"))
			m->flags |= RMF_ALIGN;
		else if (!strcmp(a, "from_beginning"))
			m->flags |= RMF_BEGIN;
		else if (!strcmp(a, "from_end"))
			m->flags |= RMF_END;
		else if (!strncmp(a, "multiplier", 10) && isws(a[10])) {
			int32_t x;
			if (parse_i32(a + 11, &x) < 0 || x <= 0)
				return fail(s, "byte_jump: bad multiplier");
			m->multiplier = x;
		} else if (!strncmp(a, "post_offset", 11) && isws(a[11])) {
			if (parse_i32(a + 12, &m->post_offset) < 0)
				return fail(s, "byte_jump: bad post_offset");
		} else
			return fail(s, "byte_jump: unknown option '%s'", a);
	}
	if ((m->flags & RMF_BEGIN) && (m->flags & RMF_END))
		return fail(s, "byte_jump: from_beginning and from_end");
	return byte_finish(s, m, based, "byte_jump");
}

static int kw_byte_extract(struct pst *s, const char *v)
{
	char buf[512], *av[ARGS_MAX];
	int ac = v ? split_args(buf, sizeof buf, v, av) : -1;
	if (ac < 3)
		return fail(s, "byte_extract needs bytes,offset,name");
	struct rm *m = new_rm(s, RM_BYTE_EXTRACT, s->cur);
	if (!m)
		return oom(s);
	if (byte_nbytes(s, m, av[0], "byte_extract") < 0)
		return -1;
	if (parse_num(s, av[1], "byte_extract offset", &m->offset) < 0)
		return -1;
	const char *name = av[2];
	size_t nl = strlen(name);
	if (nl == 0 || nl >= sizeof s->vars[0] || (name[0] >= '0' && name[0] <= '9') ||
	    name[0] == '-')
		return fail(s, "byte_extract: bad variable name '%.40s'", name);
	for (size_t i = 0; i < nl; i++)
		if (!(name[i] == '_' || name[i] == '.' || name[i] == '-' || (name[i] >= '0' && name[i] <= '9') ||
		      (name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z')))
			return fail(s, "byte_extract: bad variable name '%.40s'", name);
	int idx = -1;
	for (int i = 0; i < s->nvars; i++)
		if (!strcmp(s->vars[i], name))
			idx = i;
	if (idx < 0) {
		if (s->nvars == RULE_VARS_MAX)
			return fail(s, "more than %d byte_extract variables", RULE_VARS_MAX);
		idx = s->nvars++;
		memcpy(s->vars[idx], name, nl + 1);
	}
	m->var = (uint8_t)idx;
	int based = 0;
	for (int i = 3; i < ac; i++) {
		int k = byte_opt(s, m, av[i], &based);
		if (k < 0)
			return -1;
		if (k)
			continue;
		const char *a = av[i];
		if (!strncmp(a, "multiplier", 10) && isws(a[10])) {
			int32_t x;
			if (parse_i32(a + 11, &x) < 0 || x <= 0)
				return fail(s, "byte_extract: bad multiplier");
			m->multiplier = x;
		} else if (!strncmp(a, "align", 5) && (isws(a[5]) || !a[5])) {
			/* align 2|4: the value rounded up to a multiple of it;
			 * kept as RMF_ALIGN (4) */
			m->flags |= RMF_ALIGN;
		} else
			return fail(s, "byte_extract: unknown option '%s'", a);
	}
	return byte_finish(s, m, based, "byte_extract");
}

/* ---- isdataat, bsize, urilen ---------------------------------------------------------- */

static int kw_isdataat(struct pst *s, const char *v)
{
	char buf[256], *av[ARGS_MAX];
	int ac = v ? split_args(buf, sizeof buf, v, av) : -1;
	if (ac < 1 || !av[0][0])
		return fail(s, "isdataat needs a value");
	struct rm *m = new_rm(s, RM_ISDATAAT, s->cur);
	if (!m)
		return oom(s);
	const char *n = av[0];
	if (*n == '!') {
		m->flags |= RMF_NEG;
		n++;
	}
	if (parse_num(s, n, "isdataat", &m->offset) < 0)
		return -1;
	m->value = m->offset; /* the position: .offset (also in .value) */
	for (int i = 1; i < ac; i++) {
		if (!strcmp(av[i], "relative"))
			m->flags |= RMF_RELATIVE;
		else if (!strcmp(av[i], "rawbytes"))
			m->flags |= RMF_RAWBYTES;
		else
			return fail(s, "isdataat: unknown option '%s'", av[i]);
	}
	return 0;
}

/* "[op]N" or "N<>M": op, lo, hi.  range: 0 none allowed, 1 "N<>M", 2 also
 * "N-M" (ttl) */
static int parse_cmp(const char *v, uint64_t max, int range, uint8_t *op, uint64_t *lo,
                     uint64_t *hi)
{
	char t[64];
	const char *b = v, *e = v + strlen(v);
	trim(&b, &e);
	size_t n = (size_t)(e - b);
	if (n == 0 || n >= sizeof t)
		return -1;
	memcpy(t, b, n);
	t[n] = 0;
	char *p = t;
	*op = OP_EQ;
	if (!strncmp(p, "!=", 2))
		*op = OP_NE, p += 2;
	else if (*p == '!')
		*op = OP_NE, p += 1;
	else if (!strncmp(p, "<=", 2))
		*op = OP_LE, p += 2;
	else if (!strncmp(p, ">=", 2))
		*op = OP_GE, p += 2;
	else if (*p == '<' && p[1] != '>')
		*op = OP_LT, p += 1;
	else if (*p == '>')
		*op = OP_GT, p += 1;
	else if (*p == '=')
		*op = OP_EQ, p += 1;
	if (*op == OP_EQ && range) {
		char *sep = strstr(p, "<>");
		size_t sl = 2;
		if (!sep && range == 2) {
			sep = strchr(p + 1 < t + n ? p + 1 : p, '-');
			sl = 1;
		}
		if (sep) {
			*sep = 0;
			if (parse_u64(p, max, lo) < 0 || parse_u64(sep + sl, max, hi) < 0 || *lo >= *hi)
				return -1;
			*op = OP_RANGE;
			return 0;
		}
	}
	if (parse_u64(p, max, lo) < 0)
		return -1;
	*hi = 0;
	return 0;
}

/* bsize and urilen, an RM_BSIZE on buf.  Ranges: Suricata's bsize
 * documentation says its "lo<>hi" is inclusive; urilen's (and dsize's) are
 * exclusive ("bigger than 10, smaller than 20").  match.c's OP_RANGE is
 * lo < x < hi, so an inclusive range is stored as lo-1, hi+1 (lo 0: as
 * x <= hi). */
static int size_elem(struct pst *s, const char *kw, const char *v, int buf, int inclusive)
{
	uint8_t op;
	uint64_t lo, hi;
	if (!v || parse_cmp(v, INT32_MAX - 1, 1, &op, &lo, &hi) < 0)
		return fail(s, "bad %s '%.40s'", kw, v ? v : "");
	struct rm *m = new_rm(s, RM_BSIZE, buf);
	if (!m)
		return oom(s);
	m->op = op;
	m->value.v = (int32_t)lo;
	m->value2 = hi;
	if (op == OP_RANGE && inclusive) {
		if (lo == 0) {
			m->op = OP_LE;
			m->value.v = (int32_t)hi;
			m->value2 = 0;
		} else {
			m->value.v = (int32_t)(lo - 1);
			m->value2 = hi + 1;
		}
	}
	return 0;
}

static int kw_urilen(struct pst *s, const char *v)
{
	if (!v)
		return fail(s, "urilen needs a value");
	char t[64];
	size_t n = strlen(v);
	if (n >= sizeof t)
		return fail(s, "bad urilen");
	memcpy(t, v, n + 1);
	int buf = SB_HTTP_URI;
	char *comma = strchr(t, ',');
	if (comma) {
		*comma = 0;
		const char *b = comma + 1, *e = b + strlen(b);
		trim(&b, &e);
		if (streq_n(b, (size_t)(e - b), "raw"))
			buf = SB_HTTP_URI_RAW;
		else if (!streq_n(b, (size_t)(e - b), "norm"))
			return fail(s, "bad urilen option");
	}
	return size_elem(s, "urilen", t, buf, 0);
}

/* ---- header tests ---------------------------------------------------------------------- */

static int rh_cmp(struct pst *s, const char *kw, const char *v, int field, uint64_t max, int range)
{
	uint8_t op;
	uint64_t lo, hi;
	if (!v || parse_cmp(v, max, range, &op, &lo, &hi) < 0)
		return fail(s, "bad %s '%.40s'", kw, v ? v : "");
	struct rh *h = new_rh(s, field);
	if (!h)
		return oom(s);
	h->op = op;
	h->lo = (uint32_t)lo;
	h->hi = (uint32_t)hi;
	return 0;
}

/* "N" or "!N": equality, maybe negated */
static int rh_eq(struct pst *s, const char *kw, const char *v, int field, uint64_t max, int negok)
{
	if (!v)
		return fail(s, "%s needs a value", kw);
	while (isws(*v))
		v++;
	int neg = 0;
	if (negok && *v == '!') {
		neg = 1;
		v++;
	}
	uint64_t x;
	if (parse_u64(v, max, &x) < 0)
		return fail(s, "bad %s '%.40s'", kw, v);
	struct rh *h = new_rh(s, field);
	if (!h)
		return oom(s);
	h->op = OP_EQ;
	h->neg = (uint8_t)neg;
	h->lo = (uint32_t)x;
	return 0;
}

static const struct {
	const char *name;
	int num;
} protos[] = {
	{"ip", 0}, {"hopopt", 0}, {"icmp", 1}, {"igmp", 2}, {"ipip", 4}, {"tcp", 6}, {"egp", 8},
	{"udp", 17}, {"ipv6", 41}, {"rsvp", 46}, {"gre", 47}, {"esp", 50}, {"ah", 51},
	{"ipv6-icmp", 58}, {"icmpv6", 58}, {"ospf", 89}, {"pim", 103}, {"vrrp", 112}, {"sctp", 132},
};

static int kw_ip_proto(struct pst *s, const char *v)
{
	if (!v)
		return fail(s, "ip_proto needs a value");
	const char *b = v, *e = v + strlen(v);
	trim(&b, &e);
	uint8_t op = OP_EQ;
	if (b < e && *b == '!')
		op = OP_NE, b++;
	else if (b < e && *b == '<')
		op = OP_LT, b++;
	else if (b < e && *b == '>')
		op = OP_GT, b++;
	while (b < e && isws(*b))
		b++;
	char t[32];
	size_t n = (size_t)(e - b);
	if (n == 0 || n >= sizeof t)
		return fail(s, "bad ip_proto");
	memcpy(t, b, n);
	t[n] = 0;
	uint64_t x;
	if (parse_u64(t, 255, &x) < 0) {
		int found = -1;
		for (size_t i = 0; i < sizeof protos / sizeof protos[0]; i++)
			if (!strcmp(protos[i].name, t))
				found = protos[i].num;
		if (found < 0)
			return fail(s, "unknown ip_proto '%s'", t);
		x = (uint64_t)found;
	}
	struct rh *h = new_rh(s, RH_IP_PROTO);
	if (!h)
		return oom(s);
	h->op = op;
	h->lo = (uint32_t)x;
	if (op == OP_EQ && s->r->ipproto == 0 && !s->r->app)
		s->r->ipproto = (uint8_t)x;
	return 0;
}

static int kw_ipopts(struct pst *s, const char *v)
{
	static const struct {
		const char *n;
		unsigned t;
	} o[] = {{"eol", 0}, {"nop", 1}, {"rr", 7}, {"ts", 68}, {"sec", 130}, {"esec", 133},
	         {"lsrr", 131}, {"lsrre", 131}, {"ssrr", 137}, {"satid", 136}, {"any", 256}};
	const char *b = v ? v : "", *e = b + strlen(b);
	trim(&b, &e);
	for (size_t i = 0; i < sizeof o / sizeof o[0]; i++) {
		if (streq_n(b, (size_t)(e - b), o[i].n)) {
			struct rh *h = new_rh(s, RH_IPOPTS);
			if (!h)
				return oom(s);
			h->op = OP_EQ;
			h->lo = o[i].t;
			return 0;
		}
	}
	return fail(s, "bad ipopts '%.20s'", b);
}

/* flags and fragbits: letters and modifiers (+ * !) in any order */
static int bits_op(char c, uint8_t *op)
{
	if (c == '+')
		*op = RH_BITS_ALL;
	else if (c == '*')
		*op = RH_BITS_ANY;
	else if (c == '!')
		*op = RH_BITS_NOT;
	else
		return 0;
	return 1;
}

static int kw_fragbits(struct pst *s, const char *v)
{
	const char *b = v ? v : "", *e = b + strlen(b);
	trim(&b, &e);
	uint8_t op = RH_BITS_EXACT, bits = 0;
	int mods = 0;
	if (b == e)
		return fail(s, "fragbits needs a value");
	for (const char *p = b; p < e; p++) {
		switch (*p) {
		case 'M': bits |= IPF_MF; break;
		case 'D': bits |= IPF_DF; break;
		case 'R': bits |= IPF_RB; break;
		default:
			if (!bits_op(*p, &op) || ++mods > 1)
				return fail(s, "bad fragbits '%.20s'", b);
		}
	}
	struct rh *h = new_rh(s, RH_FRAGBITS);
	if (!h)
		return oom(s);
	h->op = op;
	h->lo = bits;
	return 0;
}

static int flag_bit(char c)
{
	switch (c) {
	case 'F': return TH_FIN;
	case 'S': return TH_SYN;
	case 'R': return TH_RST;
	case 'P': return TH_PSH;
	case 'A': return TH_ACK;
	case 'U': return TH_URG;
	case 'C': case '1': return TH_CWR;
	case 'E': case '2': return TH_ECE;
	}
	return -1;
}

static int kw_flags(struct pst *s, const char *v)
{
	const char *b = v ? v : "", *e = b + strlen(b);
	trim(&b, &e);
	const char *comma = memchr(b, ',', (size_t)(e - b));
	const char *fe = comma ? comma : e;
	uint8_t op = RH_BITS_EXACT;
	unsigned want = 0, ignore = 0;
	int mods = 0, zero = 0, any = 0;
	for (const char *p = b; p < fe; p++) {
		if (isws(*p))
			continue;
		int f = flag_bit(*p);
		if (f >= 0) {
			want |= (unsigned)f;
			any = 1;
		} else if (*p == '0') {
			zero = 1;
		} else if (!bits_op(*p, &op) || ++mods > 1) {
			return fail(s, "bad flags '%.20s'", b);
		}
	}
	if ((!any && !zero) || (zero && any))
		return fail(s, "bad flags '%.20s'", b);
	if (comma) {
		for (const char *p = comma + 1; p < e; p++) {
			if (isws(*p))
				continue;
			int f = flag_bit(*p);
			if (f < 0)
				return fail(s, "bad flags mask '%.20s'", comma + 1);
			ignore |= (unsigned)f;
		}
	}
	struct rh *h = new_rh(s, RH_FLAGS);
	if (!h)
		return oom(s);
	h->op = op;
	h->lo = want;
	h->hi = ignore;
	return 0;
}

/* ---- flow, flowbits, threshold ------------------------------------------------------------ */

static int kw_flow(struct pst *s, const char *v)
{
	char buf[256], *av[ARGS_MAX];
	int ac = v ? split_args(buf, sizeof buf, v, av) : -1;
	if (ac < 1)
		return fail(s, "bad flow");
	uint16_t f = 0;
	for (int i = 0; i < ac; i++) {
		const char *a = av[i];
		if (!strcmp(a, "established"))
			f |= RF_ESTABLISHED;
		else if (!strcmp(a, "not_established"))
			f |= RF_NOT_ESTABLISHED;
		else if (!strcmp(a, "stateless"))
			f |= RF_STATELESS;
		else if (!strcmp(a, "to_server") || !strcmp(a, "from_client"))
			f |= RF_TO_SERVER;
		else if (!strcmp(a, "to_client") || !strcmp(a, "from_server"))
			f |= RF_TO_CLIENT;
		else if (!strcmp(a, "only_stream"))
			f |= RF_ONLY_STREAM;
		else if (!strcmp(a, "no_stream"))
			f |= RF_NO_STREAM;
		else if (!strcmp(a, "no_frag") || !strcmp(a, "only_frag")) {
			snprintf(s->kwbuf, sizeof s->kwbuf, "flow:%s", a);
			s->skip = s->kwbuf;
			return 0;
		} else
			return fail(s, "unknown flow option '%.30s'", a);
	}
	if ((f & RF_TO_SERVER) && (f & RF_TO_CLIENT))
		return fail(s, "flow both to_server and to_client");
	if ((f & RF_ESTABLISHED) && (f & RF_NOT_ESTABLISHED))
		return fail(s, "flow both established and not_established");
	if ((f & RF_ONLY_STREAM) && (f & RF_NO_STREAM))
		return fail(s, "flow both only_stream and no_stream");
	s->r->flow |= f;
	return 0;
}

static int fb_intern(struct ruleset *rs, const char *name, size_t n, uint32_t *id)
{
	for (unsigned i = 0; i < rs->nfb; i++) {
		if (strlen(rs->fbnames[i]) == n && !memcmp(rs->fbnames[i], name, n)) {
			*id = i;
			return 0;
		}
	}
	char **v = realloc(rs->fbnames, (rs->nfb + 1) * sizeof *v);
	if (!v)
		return -1;
	rs->fbnames = v;
	char *c = malloc(n + 1);
	if (!c)
		return -1;
	memcpy(c, name, n);
	c[n] = 0;
	v[rs->nfb] = c;
	*id = rs->nfb++;
	return 0;
}

static int kw_flowbits(struct pst *s, const char *v)
{
	if (!v)
		return fail(s, "flowbits needs a value");
	const char *b = v, *e = v + strlen(v);
	trim(&b, &e);
	const char *comma = memchr(b, ',', (size_t)(e - b));
	const char *oe = comma ? comma : e, *ob = b;
	trim(&ob, &oe);
	size_t on = (size_t)(oe - ob);
	static const struct {
		const char *n;
		int op;
	} ops[] = {{"set", FB_SET},     {"unset", FB_UNSET},         {"toggle", FB_TOGGLE},
	           {"isset", FB_ISSET}, {"isnotset", FB_ISNOTSET}};
	if (streq_n(ob, on, "noalert")) {
		if (comma)
			return fail(s, "flowbits:noalert takes no name");
		s->r->noalert = 1;
		return 0;
	}
	int op = -1;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (streq_n(ob, on, ops[i].n))
			op = ops[i].op;
	if (op < 0)
		return fail(s, "unknown flowbits operation '%.20s'", ob);
	if (!comma)
		return fail(s, "flowbits:%.20s needs a name", ob);
	const char *nb = comma + 1, *ne = e;
	/* Snort's group ("set,name,group"): not in Suricata */
	if (memchr(nb, ',', (size_t)(ne - nb)))
		return fail(s, "flowbits: more than one ','");
	trim(&nb, &ne);
	int any = memchr(nb, '|', (size_t)(ne - nb)) != NULL;
	int all = memchr(nb, '&', (size_t)(ne - nb)) != NULL;
	if (any && all)
		return fail(s, "flowbits: names joined with both & and |");
	struct rule *r = s->r;
	if (r->nfb == s->cap_fb) {
		unsigned cap = s->cap_fb ? s->cap_fb * 2 : 2;
		struct fbop *f = realloc(r->fb, cap * sizeof *f);
		if (!f)
			return oom(s);
		r->fb = f;
		s->cap_fb = cap;
	}
	struct fbop *f = &r->fb[r->nfb];
	memset(f, 0, sizeof *f);
	f->op = (uint8_t)op;
	f->any = (uint8_t)any;
	f->ids = malloc(FB_NAMES_MAX * sizeof *f->ids);
	if (!f->ids)
		return oom(s);
	r->nfb++;
	const char *p = nb;
	for (;;) {
		const char *q = p;
		while (q < ne && *q != '&' && *q != '|')
			q++;
		const char *xb = p, *xe = q;
		trim(&xb, &xe);
		if (xb == xe)
			return fail(s, "flowbits: empty name");
		for (const char *c = xb; c < xe; c++)
			if (isws(*c))
				return fail(s, "flowbits: space in a name");
		if (f->n == FB_NAMES_MAX)
			return fail(s, "flowbits: more than %d names", FB_NAMES_MAX);
		if (fb_intern(s->rs, xb, (size_t)(xe - xb), &f->ids[f->n]) < 0)
			return oom(s);
		f->n++;
		if (q >= ne)
			break;
		p = q + 1;
	}
	return 0;
}

/* threshold and detection_filter: "name value" pairs joined by ',' */
static int kw_thresh(struct pst *s, const char *kw, const char *v, struct rthresh *t, int df)
{
	char buf[256], *av[ARGS_MAX];
	int ac = v ? split_args(buf, sizeof buf, v, av) : -1;
	if (ac < 1)
		return fail(s, "bad %s", kw);
	int have_type = df, have_track = 0, have_count = 0, have_secs = 0;
	memset(t, 0, sizeof *t);
	t->type = df ? THR_DETECTION_FILTER : THR_NONE;
	for (int i = 0; i < ac; i++) {
		char *a = av[i], *sp = a;
		while (*sp && !isws(*sp))
			sp++;
		char *val = sp;
		while (isws(*val))
			val++;
		size_t kn = (size_t)(sp - a);
		uint64_t x;
		if (!df && streq_n(a, kn, "type")) {
			if (!strcmp(val, "limit"))
				t->type = THR_LIMIT;
			else if (!strcmp(val, "threshold"))
				t->type = THR_THRESHOLD;
			else if (!strcmp(val, "both"))
				t->type = THR_BOTH;
			else
				return fail(s, "%s: bad type '%.20s'", kw, val);
			have_type = 1;
		} else if (streq_n(a, kn, "track")) {
			if (!strcmp(val, "by_src"))
				t->track = TRK_SRC;
			else if (!strcmp(val, "by_dst"))
				t->track = TRK_DST;
			else if (!strcmp(val, "by_rule"))
				t->track = TRK_RULE;
			else if (!strcmp(val, "by_both"))
				t->track = TRK_BOTH;
			else
				return fail(s, "%s: bad track '%.20s'", kw, val);
			have_track = 1;
		} else if (streq_n(a, kn, "count")) {
			if (parse_u64(val, UINT32_MAX, &x) < 0)
				return fail(s, "%s: bad count", kw);
			t->count = (uint32_t)x;
			have_count = 1;
		} else if (streq_n(a, kn, "seconds")) {
			if (parse_u64(val, UINT32_MAX, &x) < 0)
				return fail(s, "%s: bad seconds", kw);
			t->seconds = (uint32_t)x;
			have_secs = 1;
		} else {
			return fail(s, "%s: unknown '%.20s'", kw, a);
		}
	}
	if (!have_type || !have_track || !have_count || !have_secs)
		return fail(s, "%s needs%s track, count and seconds", kw, df ? "" : " type,");
	return 0;
}

/* ---- tls.version --------------------------------------------------------------------------- */

/* an exact match of the session layer's version text ("1.2") */
static int kw_tls_version(struct pst *s, const char *v)
{
	const char *b = v ? v : "", *e = b + strlen(b);
	trim(&b, &e);
	if (e - b >= 2 && *b == '"' && e[-1] == '"')
		b++, e--;
	static const struct {
		const char *in, *out;
	} map[] = {{"0x0300", "3.0"}, {"0x0301", "1.0"}, {"0x0302", "1.1"}, {"0x0303", "1.2"},
	           {"0x0304", "1.3"}, {"1.0", "1.0"},    {"1.1", "1.1"},    {"1.2", "1.2"},
	           {"1.3", "1.3"},    {"3.0", "3.0"}};
	const char *val = NULL;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (streq_n(b, (size_t)(e - b), map[i].in))
			val = map[i].out;
	if (!val)
		return fail(s, "bad tls.version '%.20s'", b);
	struct rm *m = new_rm(s, RM_CONTENT, SB_TLS_VERSION_STR);
	if (!m)
		return oom(s);
	size_t n = strlen(val);
	m->pat = malloc(n);
	if (!m->pat) {
		s->r->nm--;
		return oom(s);
	}
	memcpy(m->pat, val, n);
	m->plen = (uint32_t)n;
	m->flags = RMF_STARTSWITH | RMF_ENDSWITH;
	/* not a content later modifiers apply to */
	return 0;
}

/* ---- the options ------------------------------------------------------------------------------ */

/* keywords accepted and ignored: they change nothing an alert depends on */
static const char *const ignored[] = {"reference", "target", "tag"};

static int is_ignored(const char *kw)
{
	for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		if (!strcmp(ignored[i], kw))
			return 1;
	return 0;
}

static int option(struct pst *s, const char *kw, const char *v)
{
	struct rule *r = s->r;
	int b;
	uint64_t x;

	if (!strcmp(kw, "msg")) {
		const char *qb, *qe;
		if (!v || quoted(v, NULL, &qb, &qe) < 0)
			return fail(s, "msg needs a quoted string");
		free(r->msg);
		r->msg = unescape(qb, qe, RULE_MSG_MAX - 1);
		return r->msg ? 0 : oom(s);
	}
	if (!strcmp(kw, "sid") || !strcmp(kw, "rev") || !strcmp(kw, "gid")) {
		if (!v || parse_u64(v, UINT32_MAX, &x) < 0)
			return fail(s, "bad %s '%.20s'", kw, v ? v : "");
		if (kw[0] == 's') {
			if (x == 0)
				return fail(s, "sid 0");
			r->sid = (uint32_t)x;
			s->have_sid = 1;
		} else if (kw[0] == 'r') {
			r->rev = (uint32_t)x;
		} else {
			r->gid = (uint32_t)x;
		}
		return 0;
	}
	if (!strcmp(kw, "classtype")) {
		const char *cb = v ? v : "", *ce = cb + strlen(cb);
		trim(&cb, &ce);
		if (cb == ce)
			return fail(s, "classtype needs a name");
		free(r->classtype);
		r->classtype = unescape(cb, ce, 256);
		return r->classtype ? 0 : oom(s);
	}
	if (!strcmp(kw, "priority")) {
		if (!v || parse_u64(v, 255, &x) < 0 || x == 0)
			return fail(s, "bad priority");
		r->priority = (int)x;
		return 0;
	}
	if (!strcmp(kw, "metadata")) {
		if (!v)
			return fail(s, "metadata needs a value");
		size_t old = r->metadata ? strlen(r->metadata) : 0, n = strlen(v);
		char *md = realloc(r->metadata, old + n + 3);
		if (!md)
			return oom(s);
		if (old)
			memcpy(md + old, ", ", 2), old += 2;
		memcpy(md + old, v, n + 1);
		r->metadata = md;
		return 0;
	}
	if (is_ignored(kw))
		return 0;
	if (!strcmp(kw, "noalert")) {
		r->noalert = 1;
		return 0;
	}
	if (!strcmp(kw, "dotprefix")) { /* a transform of the sticky buffer */
		if (v)
			return fail(s, "dotprefix takes no value");
		if (s->cur == RB_PKT)
			return fail(s, "dotprefix needs a sticky buffer before it");
		r->dotprefix |= (uint64_t)1 << s->cur;
		return 0;
	}
	if (!strcmp(kw, "content"))
		return kw_content(s, v, s->cur);
	if (!strcmp(kw, "uricontent"))
		return kw_content(s, v, SB_HTTP_URI);
	if (!strcmp(kw, "nocase") || !strcmp(kw, "rawbytes") || !strcmp(kw, "offset") ||
	    !strcmp(kw, "depth") || !strcmp(kw, "distance") || !strcmp(kw, "within") ||
	    !strcmp(kw, "fast_pattern") || !strcmp(kw, "startswith") || !strcmp(kw, "endswith"))
		return kw_modifier(s, kw, v);
	if ((b = find_buf(sticky, sizeof sticky / sizeof sticky[0], kw)) >= 0) {
		if (v)
			return fail(s, "%s takes no value", kw);
		s->cur = b;
		return 0;
	}
	if ((b = find_buf(modifiers, sizeof modifiers / sizeof modifiers[0], kw)) >= 0) {
		struct rm *m = last_content(s, kw);
		if (!m)
			return -1;
		m->buf = (uint8_t)b;
		return 0;
	}
	if (!strcmp(kw, "pcre"))
		return kw_pcre(s, v);
	if (!strcmp(kw, "byte_test"))
		return kw_byte_test(s, v);
	if (!strcmp(kw, "byte_jump"))
		return kw_byte_jump(s, v);
	if (!strcmp(kw, "byte_extract"))
		return kw_byte_extract(s, v);
	if (!strcmp(kw, "isdataat"))
		return kw_isdataat(s, v);
	if (!strcmp(kw, "bsize"))
		return size_elem(s, "bsize", v, s->cur, 1);
	if (!strcmp(kw, "urilen"))
		return kw_urilen(s, v);
	if (!strcmp(kw, "tls.version"))
		return kw_tls_version(s, v);
	if (!strcmp(kw, "dsize"))
		return rh_cmp(s, kw, v, RH_DSIZE, 65535, 1);
	if (!strcmp(kw, "itype"))
		return rh_cmp(s, kw, v, RH_ITYPE, 255, 1);
	if (!strcmp(kw, "icode"))
		return rh_cmp(s, kw, v, RH_ICODE, 255, 1);
	if (!strcmp(kw, "ttl"))
		return rh_cmp(s, kw, v, RH_TTL, 255, 2);
	if (!strcmp(kw, "icmp_id"))
		return rh_eq(s, kw, v, RH_ICMP_ID, 65535, 0);
	if (!strcmp(kw, "icmp_seq"))
		return rh_eq(s, kw, v, RH_ICMP_SEQ, 65535, 0);
	if (!strcmp(kw, "tos"))
		return rh_eq(s, kw, v, RH_TOS, 255, 1);
	if (!strcmp(kw, "id"))
		return rh_eq(s, kw, v, RH_ID, 65535, 1);
	if (!strcmp(kw, "seq"))
		return rh_eq(s, kw, v, RH_SEQ, UINT32_MAX, 0);
	if (!strcmp(kw, "ack"))
		return rh_eq(s, kw, v, RH_ACK, UINT32_MAX, 0);
	if (!strcmp(kw, "window"))
		return rh_eq(s, kw, v, RH_WINDOW, 65535, 1);
	if (!strcmp(kw, "ip_proto"))
		return kw_ip_proto(s, v);
	if (!strcmp(kw, "ipopts"))
		return kw_ipopts(s, v);
	if (!strcmp(kw, "fragbits"))
		return kw_fragbits(s, v);
	if (!strcmp(kw, "flags"))
		return kw_flags(s, v);
	if (!strcmp(kw, "sameip")) {
		struct rh *h = new_rh(s, RH_SAMEIP);
		return h ? 0 : oom(s);
	}
	if (!strcmp(kw, "flow"))
		return kw_flow(s, v);
	if (!strcmp(kw, "flowbits"))
		return kw_flowbits(s, v);
	if (!strcmp(kw, "threshold"))
		return kw_thresh(s, kw, v, &r->thr, 0);
	if (!strcmp(kw, "detection_filter"))
		return kw_thresh(s, kw, v, &r->df, 1);
	/* not supported: the rule is skipped, tallied under the keyword */
	snprintf(s->kwbuf, sizeof s->kwbuf, "%s", kw);
	s->skip = s->kwbuf;
	return 0;
}

/* ---- the tally of skipped rules ---------------------------------------------------------------- */

static int tally(struct ruleset *rs, const char *what)
{
	rs->skipped++;
	for (unsigned i = 0; i < rs->nskips; i++) {
		if (!strcmp(rs->skips[i].what, what)) {
			rs->skips[i].count++;
			return 0;
		}
	}
	struct rskip *v = realloc(rs->skips, (rs->nskips + 1) * sizeof *v);
	if (!v)
		return -1;
	rs->skips = v;
	v[rs->nskips].what = strdup(what);
	if (!v[rs->nskips].what)
		return -1;
	v[rs->nskips].count = 1;
	rs->nskips++;
	return 0;
}

/* ---- after the options --------------------------------------------------------------------------- */

static int resp_buf(int b)
{
	switch (b) {
	case SB_HTTP_HEADER: return SB_HTTP_RESP_HEADER;
	case SB_HTTP_HEADER_RAW: return SB_HTTP_RESP_HEADER_RAW;
	case SB_HTTP_COOKIE: return SB_HTTP_RESP_COOKIE;
	case SB_HTTP_CONTENT_TYPE: return SB_HTTP_RESP_CONTENT_TYPE;
	case SB_HTTP_CONTENT_LEN: return SB_HTTP_RESP_CONTENT_LEN;
	case SB_HTTP_START: return SB_HTTP_RESP_START;
	}
	return b;
}

static void finish(struct rule *r)
{
	r->bufs = 0;
	for (unsigned i = 0; i < r->nm; i++) {
		struct rm *m = &r->m[i];
		/* the response's headers on a to_client rule */
		if (r->flow & RF_TO_CLIENT)
			m->buf = (uint8_t)resp_buf(m->buf);
		/* file.data on a to_server HTTP rule: the request body (Suricata
		 * 5+ inspects the files a request uploads) */
		if ((r->flow & RF_TO_SERVER) && m->buf == SB_FILE_DATA &&
		    !(r->app && !strcmp(r->app, "smtp")))
			m->buf = SB_HTTP_REQUEST_BODY;
		r->bufs |= (uint64_t)1 << m->buf;
	}
	/* the prefilter's content: fast_pattern's, else the longest (the
	 * first of equals); never a negated one */
	r->fast = -1;
	for (unsigned i = 0; i < r->nm; i++) {
		const struct rm *m = &r->m[i];
		if (m->kind == RM_CONTENT && (m->flags & RMF_FAST) && !(m->flags & RMF_NEG)) {
			r->fast = (int)i;
			return;
		}
	}
	uint32_t best = 0;
	for (unsigned i = 0; i < r->nm; i++) {
		const struct rm *m = &r->m[i];
		if (m->kind == RM_CONTENT && !(m->flags & RMF_NEG) && m->plen > best) {
			best = m->plen;
			r->fast = (int)i;
		}
	}
}

void rule_free(struct rule *r)
{
	if (!r)
		return;
	for (unsigned i = 0; i < r->nm; i++) {
		free(r->m[i].pat);
		if (r->m[i].re)
			pcre2_code_free(r->m[i].re);
	}
	free(r->m);
	free(r->hdr);
	for (unsigned i = 0; i < r->nfb; i++)
		free(r->fb[i].ids);
	free(r->fb);
	free(r->msg);
	free(r->classtype);
	free(r->metadata);
	free(r->src_text);
	free(r->sp_text);
	free(r->dst_text);
	free(r->dp_text);
	addrset_free(&r->src);
	addrset_free(&r->dst);
	portset_free(&r->sp);
	portset_free(&r->dp);
	/* r->file belongs to the rule set */
	free(r);
}

/* the rule set's copy of a file name (the last one, usually) */
static char *file_name(struct ruleset *rs, const char *file)
{
	if (rs->nfiles && !strcmp(rs->files[rs->nfiles - 1], file))
		return rs->files[rs->nfiles - 1];
	char **v = realloc(rs->files, (rs->nfiles + 1) * sizeof *v);
	if (!v)
		return NULL;
	rs->files = v;
	char *c = strdup(file);
	if (!c)
		return NULL;
	v[rs->nfiles++] = c;
	return c;
}

/* ---- the header ------------------------------------------------------------------------------------ */

static const struct {
	const char *name;
	uint8_t action;
} actions[] = {
	{"alert", RA_ALERT},        {"log", RA_LOG},          {"pass", RA_PASS},
	{"drop", RA_DROP},          {"sdrop", RA_DROP},       {"reject", RA_REJECT},
	{"rejectsrc", RA_REJECT},   {"rejectdst", RA_REJECT}, {"rejectboth", RA_REJECT},
};

static const struct {
	const char *name;
	uint8_t ipproto;
	const char *app;
	uint16_t flow;
} rprotos[] = {
	{"ip", 0, NULL, 0},
	{"tcp", 6, NULL, 0},
	{"udp", 17, NULL, 0},
	{"icmp", 1, NULL, 0},
	{"tcp-pkt", 6, NULL, RF_NO_STREAM},
	{"tcp-stream", 6, NULL, RF_ONLY_STREAM},
	{"http", 6, "http", 0},
	{"dns", 0, "dns", 0},
	{"tls", 6, "tls", 0},
	{"ftp", 6, "ftp", 0},
	{"ftp-data", 6, "ftp-data", 0},
	{"smtp", 6, "smtp", 0},
};

/* splits the header into 7 fields, keeping [...] (which may hold spaces)
 * together */
static int header_fields(char *h, char **f)
{
	int n = 0;
	char *p = h;
	for (;;) {
		while (isws(*p))
			p++;
		if (!*p)
			break;
		if (n == 7)
			return -1;
		char *start = p, *o = p;
		int depth = 0;
		while (*p && (depth > 0 || !isws(*p))) {
			if (*p == '[')
				depth++;
			else if (*p == ']' && depth > 0)
				depth--;
			if (!isws(*p))
				*o++ = *p; /* spaces inside lists dropped */
			p++;
		}
		int end = !*p;
		*o = 0;
		f[n++] = start;
		if (end)
			break;
		p++;
	}
	return n == 7 ? 0 : -1;
}

int rs_parse_rule(struct ruleset *rs, const char *text, size_t n, const char *file,
                  unsigned line, char *err, size_t errlen)
{
	struct pst s = {.rs = rs, .file = file ? file : "-", .line = line, .err = err,
	                .errlen = errlen, .cur = RB_PKT, .last_content = -1};
	rs->seen++;
	if (memchr(text, 0, n))
		return fail(&s, "NUL byte in rule");
	char *t = malloc(n + 1);
	if (!t)
		return oom(&s);
	memcpy(t, text, n);
	t[n] = 0;
	int rc = -1;
	struct rule *r = NULL;

	char *open = strchr(t, '(');
	char *close = strrchr(t, ')');
	if (!open || !close || close < open) {
		fail(&s, "malformed rule: no (options)");
		goto out;
	}
	for (char *p = close + 1; *p; p++) {
		if (!isws(*p)) {
			fail(&s, "malformed rule: text after the options");
			goto out;
		}
	}
	*open = 0;
	*close = 0;
	char *f[7];
	if (header_fields(t, f) < 0) {
		fail(&s, "malformed rule header (action proto src port dir dst port)");
		goto out;
	}
	int act = -1;
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (!strcmp(actions[i].name, f[0]))
			act = (int)i;
	if (act < 0) {
		fail(&s, "unknown action '%.20s'", f[0]);
		goto out;
	}
	if (strcmp(f[4], "->") && strcmp(f[4], "<>")) {
		fail(&s, "bad direction '%.10s'", f[4]);
		goto out;
	}
	int pr = -1;
	for (size_t i = 0; i < sizeof rprotos / sizeof rprotos[0]; i++)
		if (!strcmp(rprotos[i].name, f[1]))
			pr = (int)i;
	if (pr < 0) {
		char why[64];
		snprintf(why, sizeof why, "protocol %.40s", f[1]);
		rc = tally(rs, why) < 0 ? oom(&s) : 0;
		goto out;
	}
	r = calloc(1, sizeof *r);
	if (!r) {
		oom(&s);
		goto out;
	}
	s.r = r;
	r->gid = 1;
	r->fast = -1;
	r->action = actions[act].action;
	r->ipproto = rprotos[pr].ipproto;
	r->app = rprotos[pr].app;
	r->flow = rprotos[pr].flow;
	r->bidir = f[4][0] == '<';
	r->line = line;
	r->src_text = strdup(f[2]);
	r->sp_text = strdup(f[3]);
	r->dst_text = strdup(f[5]);
	r->dp_text = strdup(f[6]);
	if (!r->src_text || !r->sp_text || !r->dst_text || !r->dp_text) {
		oom(&s);
		goto out;
	}

	/* the options: split on ';' outside quotes, \ escaping a character;
	 * when the quotes do not pair up (ET has pcre:"/^["']?post/Ri"), on
	 * every unescaped ';' as Suricata does */
	int quotes = 1;
	for (char *p = open + 1; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '"')
			quotes = !quotes;
	}
	char *p = open + 1;
	unsigned nopt = 0;
	while (*p) {
		char *ob = p;
		int q = 0;
		while (*p && (q || *p != ';')) {
			if (*p == '\\' && p[1])
				p++;
			else if (*p == '"' && quotes)
				q = !q;
			p++;
		}
		char *oe = p;
		if (*p)
			p++;
		const char *b = ob, *e = oe;
		trim(&b, &e);
		if (b == e)
			continue;
		if (++nopt > OPT_MAX) {
			fail(&s, "more than %d options", OPT_MAX);
			goto out;
		}
		*(char *)e = 0;
		char *colon = strchr(b, ':');
		const char *val = NULL;
		const char *ke = colon ? colon : e;
		const char *kb = b;
		trim(&kb, &ke);
		if (colon) {
			val = colon + 1;
			while (isws(*val))
				val++;
		}
		char kw[64];
		size_t kn = (size_t)(ke - kb);
		if (kn == 0) {
			fail(&s, "option without a keyword");
			goto out;
		}
		if (kn >= sizeof kw) {
			/* no keyword is that long: an unknown one */
			snprintf(s.kwbuf, sizeof s.kwbuf, "%.40s...", kb);
			s.skip = s.kwbuf;
			break;
		}
		memcpy(kw, kb, kn);
		kw[kn] = 0;
		if (option(&s, kw, val) < 0)
			goto out;
		if (s.skip)
			break;
	}
	if (s.skip) {
		rc = tally(rs, s.skip) < 0 ? oom(&s) : 0;
		goto out;
	}
	if (!s.have_sid) {
		fail(&s, "rule without a sid");
		goto out;
	}
	if (!r->msg && !(r->msg = strdup(""))) {
		oom(&s);
		goto out;
	}
	finish(r);
	if (!(r->file = file_name(rs, s.file))) {
		oom(&s);
		goto out;
	}
	if (rs->nrules == rs->cap) {
		unsigned cap = rs->cap ? rs->cap * 2 : 256;
		struct rule **v = realloc(rs->rules, cap * sizeof *v);
		if (!v) {
			oom(&s);
			goto out;
		}
		rs->rules = v;
		rs->cap = cap;
	}
	r->index = rs->nrules;
	rs->rules[rs->nrules++] = r;
	r = NULL;
	rc = 1;
out:
	rule_free(r);
	free(t);
	return rc;
}
