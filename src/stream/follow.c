/* follow.c - --follow (docs/streams.md).
 *
 * A block is the run of consecutive data calls of one stream and direction.
 * Its header announces its end and length, so the bytes are held until the
 * block ends: another stream or direction, a gap, the stream's close, a
 * byte that does not continue it, or FOLLOW_BLOCK_MAX bytes (then the rest
 * goes on in a new block of the same direction).  One block is pending at a
 * time, so memory stays fixed. */
#include "follow.h"

#include <stdlib.h>
#include <string.h>

#include "../analyze/internal.h"
#include "../analyze/json.h"
#include "../core/hexdump.h"
#include "evetime.h"

#define FOLLOW_BLOCK_MAX (64u << 10)

struct follow {
	struct out *o;
	enum follow_mode mode;
	int nano;
	struct an_clock clk;
	struct eve_clock eve;
	/* the pending block: bytes [start, start+len) of s's direction dir */
	const struct stream *s; /* NULL when nothing is pending */
	int dir;
	uint64_t start;
	struct stream_ts ts;    /* the packet that began it */
	size_t len;
	uint8_t *buf;           /* FOLLOW_BLOCK_MAX bytes */
};

static const char *proto_name(const struct stream *s)
{
	return s->proto == 6 ? "TCP" : "UDP";
}

static void put_end(struct out *o, const struct stream_side *sd, unsigned alen)
{
	an_put_addr(o, sd->addr, alen);
	out_c(o, '.');
	out_u(o, sd->port);
}

/* "== TIME PROTO SRC.SPORT > DST.DPORT: " */
static void text_head(struct follow *fw, const struct stream *s, int dir,
                      const struct stream_ts *ts)
{
	struct out *o = fw->o;
	out_s(o, "== ");
	an_put_time(o, &fw->clk, ts->sec, ts->frac, fw->nano, 0);
	out_c(o, ' ');
	out_s(o, proto_name(s));
	out_c(o, ' ');
	put_end(o, &s->side[dir], s->alen);
	out_s(o, " > ");
	put_end(o, &s->side[!dir], s->alen);
	out_s(o, ": ");
}

/* {"timestamp":...,"proto":"TCP","stream":{"direction":"...","offset":N,"length":N */
static void json_head(struct follow *fw, const struct stream *s, int dir, uint64_t off,
                      uint64_t len, const struct stream_ts *ts)
{
	struct out *o = fw->o;
	out_s(o, "{\"timestamp\":\"");
	eve_put_time(o, &fw->eve, ts->sec, ts->frac, fw->nano);
	out_s(o, "\",\"event_type\":\"stream\",\"stream_id\":");
	out_u(o, s->id);
	out_s(o, ",\"src_ip\":");
	json_addr(o, s->side[dir].addr, s->alen);
	out_s(o, ",\"src_port\":");
	out_u(o, s->side[dir].port);
	out_s(o, ",\"dest_ip\":");
	json_addr(o, s->side[!dir].addr, s->alen);
	out_s(o, ",\"dest_port\":");
	out_u(o, s->side[!dir].port);
	out_s(o, ",\"proto\":\"");
	out_s(o, proto_name(s));
	out_s(o, "\",\"stream\":{\"direction\":\"");
	out_s(o, dir ? "to_client" : "to_server");
	out_s(o, "\",\"offset\":");
	out_u(o, off);
	out_s(o, ",\"length\":");
	out_u(o, len);
}

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void put_base64(struct out *o, const uint8_t *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* up to 3 KiB of input per piece: 4 KiB of output fits the slack */
		size_t k = n - i < 3072 ? n - i : 3072;
		char *d = out_room(o, (k + 2) / 3 * 4);
		size_t w = 0, e = i + k;
		for (; i + 3 <= e; i += 3) {
			uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
			d[w++] = b64[v >> 18];
			d[w++] = b64[(v >> 12) & 63];
			d[w++] = b64[(v >> 6) & 63];
			d[w++] = b64[v & 63];
		}
		if (i < e) {
			uint32_t v = (uint32_t)p[i] << 16;
			if (i + 1 < e)
				v |= (uint32_t)p[i + 1] << 8;
			d[w++] = b64[v >> 18];
			d[w++] = b64[(v >> 12) & 63];
			d[w++] = i + 1 < e ? b64[(v >> 6) & 63] : '=';
			d[w++] = '=';
			i = e;
		}
		out_commit(o, w);
	}
}

/* payload_printable's text: printable ASCII, CR, LF and TAB as they are
 * (escaped as JSON escapes them: \r \n \t \" \\), every other byte '.'. */
static void put_printable(struct out *o, const uint8_t *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = n - i < 2048 ? n - i : 2048;
		char *d = out_room(o, 2 * k);
		size_t w = 0;
		for (size_t e = i + k; i < e; i++) {
			uint8_t c = p[i];
			if (c == '"' || c == '\\') {
				d[w++] = '\\';
				d[w++] = (char)c;
			} else if (c >= 0x20 && c < 0x7f) {
				d[w++] = (char)c;
			} else if (c == '\r' || c == '\n' || c == '\t') {
				d[w++] = '\\';
				d[w++] = c == '\r' ? 'r' : c == '\n' ? 'n' : 't';
			} else {
				d[w++] = '.';
			}
		}
		out_commit(o, w);
	}
}

/* Does -A's rendering of p (after its leading newline) end with one?  A CR
 * is dropped when it is one of the last two bytes or comes before a LF;
 * every other byte shows as one character. */
static int ascii_ends_nl(const uint8_t *p, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		if (p[i] != '\r')
			return p[i] == '\n';
		if (n - i - 1 > 1 && p[i + 1] != '\n')
			return 0; /* shown as '.' */
	}
	return 1; /* nothing shown: the dump's own leading newline ends it */
}

static void emit(struct follow *fw)
{
	const struct stream *s = fw->s;
	if (!s)
		return;
	struct out *o = fw->o;
	const uint8_t *p = fw->buf;
	size_t n = fw->len;
	if (fw->mode == FOLLOW_JSON) {
		json_head(fw, s, fw->dir, fw->start, n, &fw->ts);
		out_s(o, ",\"payload\":\"");
		put_base64(o, p, n);
		out_s(o, "\",\"payload_printable\":\"");
		put_printable(o, p, n);
		out_c(o, '"');
		out_s(o, "}}\n");
	} else {
		text_head(fw, s, fw->dir, &fw->ts);
		out_s(o, "bytes ");
		out_u(o, fw->start);
		out_c(o, ':');
		out_u(o, fw->start + n);
		out_s(o, " (");
		out_u(o, n);
		out_c(o, ')');
		if (fw->mode == FOLLOW_HEX) {
			hex_ascii_dump(o, "\n\t", p, (unsigned)n, 0);
			out_c(o, '\n');
		} else {
			ascii_dump(o, p, (unsigned)n);
			if (!ascii_ends_nl(p, n))
				out_c(o, '\n');
		}
	}
	fw->s = NULL;
	fw->len = 0;
}

static int followed(const struct stream *s)
{
	return s->proto == 6 || s->proto == 17;
}

static void on_open(void *ctx, struct stream *s)
{
	(void)ctx;
	(void)s;
}

static void on_data(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p,
                    size_t n, const struct stream_ts *ts)
{
	struct follow *fw = ctx;
	if (!followed(s) || n == 0)
		return;
	dir = dir ? 1 : 0;
	while (n > 0) {
		if (fw->s && (fw->s != s || fw->dir != dir || fw->start + fw->len != off ||
		              fw->len == FOLLOW_BLOCK_MAX))
			emit(fw);
		if (!fw->s) {
			fw->s = s;
			fw->dir = dir;
			fw->start = off;
			fw->ts = *ts;
			fw->len = 0;
		}
		size_t k = FOLLOW_BLOCK_MAX - fw->len;
		if (k > n)
			k = n;
		memcpy(fw->buf + fw->len, p, k);
		fw->len += k;
		p += k;
		off += k;
		n -= k;
	}
}

static void on_gap(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n,
                   const struct stream_ts *ts)
{
	struct follow *fw = ctx;
	if (!followed(s) || n == 0)
		return;
	dir = dir ? 1 : 0;
	emit(fw);
	struct out *o = fw->o;
	if (fw->mode == FOLLOW_JSON) {
		json_head(fw, s, dir, off, n, ts);
		out_s(o, ",\"gap\":true}}\n");
	} else {
		text_head(fw, s, dir, ts);
		out_s(o, "gap ");
		out_u(o, off);
		out_c(o, ':');
		out_u(o, off + n);
		out_s(o, " (");
		out_u(o, n);
		out_s(o, " bytes missing)\n");
	}
}

static void on_close(void *ctx, struct stream *s)
{
	struct follow *fw = ctx;
	if (fw->s == s)
		emit(fw);
}

struct follow *follow_new(struct out *o, enum follow_mode mode, int nano)
{
	struct follow *fw = calloc(1, sizeof *fw);
	if (!fw)
		return NULL;
	fw->o = o;
	fw->mode = mode;
	fw->nano = nano;
	fw->buf = malloc(FOLLOW_BLOCK_MAX);
	if (!fw->buf) {
		follow_free(fw);
		return NULL;
	}
	return fw;
}

void follow_consumer(struct follow *fw, struct stream_consumer *c)
{
	memset(c, 0, sizeof *c);
	c->ctx = fw;
	c->open = on_open;
	c->data = on_data;
	c->gap = on_gap;
	c->close = on_close;
}

void follow_free(struct follow *fw)
{
	if (!fw)
		return;
	/* streams close (and so flush their block) before this; a block still
	 * pending names a stream that may be gone, so it is dropped */
	free(fw->buf);
	free(fw);
}
