/* report.c - --report FILE.html: the capture on one self-contained page.
 *
 * Per packet (report_packet) this keeps only what the summary and the flow
 * table do not: packets and bytes over time in RBINS bins by protocol class
 * (the bin width grows as the capture goes on, merging bins, so the table
 * never grows), and bounded tables of the DNS names asked, HTTP hosts, URLs
 * and User-Agents, and TLS SNI names seen (RS_MAX entries each, RS_ARENA
 * bytes of names; what does not fit is counted).  report_alert() adds rule
 * alerts (by signature, RA_MAX of them).  At the end report_write() reads the
 * summary and the flow table through their views (report.h) and writes the
 * page: every list is a top N with a count of the rest, and every string is
 * cut to RW_STR bytes before escaping, so the page stays within 2 MB
 * whatever the capture (docs/report.md gives the budget).
 *
 * Safety: text from packets, from files.json and from rule messages is only
 * ever written as HTML text, escaped by put_text(): & < > " ' as entities,
 * control bytes, bytes that are not well-formed UTF-8 and invisible or
 * direction-changing code points as visible \xNN / \u{NNNN} text.  None goes
 * into an attribute's value other than as escaped text, none into the
 * script or the style sheet.  The page also carries a Content-Security-Policy
 * that allows no request at all and only the page's own script (by its
 * SHA-256), so that even a mistake here could not run a packet's script. */
#include "../core/ipproto.h"
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../core/names.h"
#include "../core/out.h"
#include "../version.h"
#include "internal.h"

/* ---- sizes ------------------------------------------------------------ */

#define RBINS 480          /* time bins */
#define NCLS 5             /* protocol classes of the time chart */
#define RS_MAX 4096        /* entries per name table */
#define RS_SLOTS 8192
#define RS_ARENA (1u << 20) /* name bytes per table */
#define RS_KEY 512         /* bytes of a name kept */
#define RA_MAX 512         /* alert signatures */
#define RA_MSG 256         /* bytes of an alert message kept */
#define RA_TIMES 8         /* alert times kept per signature */
#define RW_STR 160         /* bytes of a string written to the page */
#define RW_NAMES 100       /* rows per name table */
#define RW_CONV 300        /* rows of the conversations table */
#define RW_PAIRS 40        /* edges of the graph, at most */
#define RW_NODES 28        /* hosts of the graph, at most */
#define RW_PAIR_MAX 65536  /* host pairs aggregated for the graph */
#define RW_FILES 100       /* rows of the files table */
#define RW_ALERTS 100      /* rows of the alerts table */

static const char *const cls_name[NCLS] = { "TCP", "UDP", "ICMP", "other IP", "not IP" };
static const char *const cls_color[NCLS] = { "#3366cc", "#ff9900", "#109618", "#990099", "#888888" };

struct bin {
	uint64_t pkts[NCLS], bytes[NCLS];
	uint64_t alerts;
};

/* One table of names with counts. */
struct sent {
	uint32_t hash;
	uint32_t off;      /* into the arena */
	uint16_t len;      /* bytes kept */
	uint16_t aux;      /* part of the key: DNS type, URL host length */
	uint32_t full;     /* the name's length before it was cut */
	uint64_t count;
	uint64_t first_sec;
	uint32_t first_frac;
};

struct strtab {
	struct sent *e;    /* [RS_MAX] */
	uint32_t *slot;    /* [RS_SLOTS], index + 1 */
	char *arena;       /* [RS_ARENA] */
	unsigned n;
	size_t used;
	uint64_t total;    /* occurrences */
	uint64_t untracked;/* occurrences of names that did not fit */
};

struct sig {
	uint32_t sid, gid, rev;
	uint16_t msglen;
	char msg[RA_MSG];
	uint64_t count;
	uint64_t times[RA_TIMES]; /* nanoseconds */
	unsigned ntimes;
	uint64_t first, last;
};

enum { T_DNS, T_HOST, T_URL, T_UA, T_SNI, NTAB };

struct report {
	const struct options *opt;
	int fd;
	int nano;
	/* time bins: bin i covers [origin + i * width, + width) nanoseconds */
	int have_origin;
	uint64_t origin, width;
	unsigned nbins;    /* bins up to the last one used */
	uint64_t cur_lo, cur_hi; /* the bin last used, a cache */
	unsigned cur;
	struct bin bins[RBINS];
	struct strtab tab[NTAB];
	/* alerts */
	struct sig *sigs;  /* [RA_MAX] */
	unsigned nsigs;
	uint64_t alerts, alerts_untracked;
};

/* ---- a little arithmetic (no libm) -------------------------------------- */

static double m_sqrt(double x)
{
	if (x <= 0)
		return 0;
	double g = x > 1 ? x : 1;
	for (int i = 0; i < 60; i++)
		g = 0.5 * (g + x / g);
	return g;
}

static double m_log(double x) /* natural logarithm, x > 0 */
{
	if (x <= 0)
		return 0;
	int k = 0;
	while (x > 2) {
		x /= 2;
		k++;
	}
	while (x < 1) {
		x *= 2;
		k--;
	}
	double y = (x - 1) / (x + 1), y2 = y * y, s = 0, t = y;
	for (int i = 1; i < 40; i += 2) {
		s += t / i;
		t *= y2;
	}
	return 2 * s + k * 0.69314718055994530942;
}

#define M_PI_ 3.14159265358979323846

static double m_sin(double x) /* |x| <= 2 pi */
{
	while (x > M_PI_)
		x -= 2 * M_PI_;
	while (x < -M_PI_)
		x += 2 * M_PI_;
	double s = 0, t = x;
	for (int i = 1; i < 30; i += 2) {
		s += t;
		t *= -x * x / ((i + 1) * (i + 2));
	}
	return s;
}

static double m_cos(double x)
{
	return m_sin(x + M_PI_ / 2);
}

/* ---- time -------------------------------------------------------------- */

static uint64_t to_ns(uint64_t sec, uint32_t frac, int nano)
{
	if (sec > 18000000000ull) /* past the year 2540 (or a negative time): clamp */
		sec = 18000000000ull;
	return sec * 1000000000ull + (nano ? frac : (uint64_t)frac * 1000u);
}

/* Bin widths: each an integer multiple of the one before, so that bins
 * merge exactly; after the last, doubling. */
static const uint64_t widths[] = {
	1000000ull, 2000000ull, 10000000ull, 20000000ull, 100000000ull, 200000000ull,
	1000000000ull, 2000000000ull, 10000000000ull, 20000000000ull, 60000000000ull,
	120000000000ull, 600000000000ull, 1200000000000ull, 3600000000000ull,
	7200000000000ull, 21600000000000ull, 43200000000000ull, 86400000000000ull,
};

static uint64_t next_width(uint64_t w)
{
	for (size_t i = 0; i + 1 < sizeof widths / sizeof widths[0]; i++)
		if (widths[i] == w)
			return widths[i + 1];
	return w * 2;
}

/* Widens the bins until t (>= origin) falls in one. */
static void widen(struct report *r, uint64_t t)
{
	while ((t - r->origin) / r->width >= RBINS) {
		uint64_t w2 = next_width(r->width);
		uint64_t o2 = r->origin / w2 * w2;
		struct bin nb[RBINS];
		memset(nb, 0, sizeof nb);
		unsigned n2 = 0;
		for (unsigned i = 0; i < r->nbins; i++) {
			uint64_t j = (r->origin - o2 + (uint64_t)i * r->width) / w2;
			struct bin *d = &nb[j], *s = &r->bins[i];
			for (int c = 0; c < NCLS; c++) {
				d->pkts[c] += s->pkts[c];
				d->bytes[c] += s->bytes[c];
			}
			d->alerts += s->alerts;
			n2 = (unsigned)j + 1;
		}
		memcpy(r->bins, nb, sizeof nb);
		r->nbins = n2;
		r->origin = o2;
		r->width = w2;
	}
	r->cur_lo = r->cur_hi = 0; /* the cache is stale */
}

static struct bin *bin_at(struct report *r, uint64_t t)
{
	if (t >= r->cur_lo && t < r->cur_hi)
		return &r->bins[r->cur];
	if (!r->have_origin) {
		r->have_origin = 1;
		r->width = widths[0];
		r->origin = t / r->width * r->width;
	}
	if (t < r->origin) /* earlier than the first packet: counted in the first bin */
		return &r->bins[0];
	if ((t - r->origin) / r->width >= RBINS)
		widen(r, t);
	unsigned i = (unsigned)((t - r->origin) / r->width);
	if (i + 1 > r->nbins)
		r->nbins = i + 1;
	r->cur = i;
	r->cur_lo = r->origin + (uint64_t)i * r->width;
	r->cur_hi = r->cur_lo + r->width;
	return &r->bins[i];
}

/* ---- name tables ------------------------------------------------------- */

static int strtab_init(struct strtab *t)
{
	t->e = malloc(RS_MAX * sizeof *t->e);
	t->slot = calloc(RS_SLOTS, sizeof *t->slot);
	t->arena = malloc(RS_ARENA);
	return t->e && t->slot && t->arena ? 0 : -1;
}

static void strtab_free(struct strtab *t)
{
	free(t->e);
	free(t->slot);
	free(t->arena);
}

/* Counts one occurrence of the name p[0..n) (with aux, part of the key). */
static void strtab_add(struct strtab *t, const uint8_t *p, unsigned n, unsigned aux,
                       uint64_t sec, uint32_t frac)
{
	unsigned full = n;
	if (n > RS_KEY)
		n = RS_KEY;
	t->total++;
	uint32_t h = an_hash(p, n, 2166136261u ^ aux);
	uint32_t s = h & (RS_SLOTS - 1);
	for (;;) {
		uint32_t id = t->slot[s];
		if (!id)
			break;
		struct sent *e = &t->e[id - 1];
		if (e->hash == h && e->len == n && e->aux == aux && memcmp(t->arena + e->off, p, n) == 0) {
			e->count++;
			return;
		}
		s = (s + 1) & (RS_SLOTS - 1);
	}
	if (t->n == RS_MAX || RS_ARENA - t->used < n) {
		t->untracked++;
		return;
	}
	struct sent *e = &t->e[t->n++];
	e->hash = h;
	e->off = (uint32_t)t->used;
	e->len = (uint16_t)n;
	e->aux = (uint16_t)aux;
	e->full = full;
	e->count = 1;
	e->first_sec = sec;
	e->first_frac = frac;
	memcpy(t->arena + t->used, p, n);
	t->used += n;
	t->slot[s] = t->n;
}

/* The value of the request's User-Agent header, if in the captured part. */
static struct bytes user_agent(const struct facts *f)
{
	const uint8_t *p = f->payload.p;
	unsigned n = f->payload.len, i = 0;
	struct bytes none = { NULL, 0 };
	if (!p)
		return none;
	while (i < n && p[i] != '\n') /* the request line */
		i++;
	while (i < n) {
		i++;
		unsigned s = i;
		while (i < n && p[i] != '\n')
			i++;
		unsigned e = i;
		if (e > s && p[e - 1] == '\r')
			e--;
		if (e == s)
			break;
		if (e - s >= 11 && strncasecmp((const char *)p + s, "user-agent:", 11) == 0) {
			unsigned v = s + 11;
			while (v < e && (p[v] == ' ' || p[v] == '\t'))
				v++;
			return (struct bytes){ p + v, e - v };
		}
	}
	return none;
}

/* ---- the run ------------------------------------------------------------ */

struct report *report_new(const struct options *opt, char *err, size_t errlen)
{
	struct report *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	r->opt = opt;
	r->nano = opt->nano;
	r->fd = -1;
	for (int i = 0; i < NTAB; i++)
		if (strtab_init(&r->tab[i]) < 0)
			goto nomem;
	if (!(r->sigs = malloc(RA_MAX * sizeof *r->sigs)))
		goto nomem;
	r->fd = open(opt->report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (r->fd < 0) {
		snprintf(err, errlen, "--report %s: %s", opt->report, strerror(errno));
		report_free(r);
		return NULL;
	}
	return r;
nomem:
	snprintf(err, errlen, "out of memory");
	report_free(r);
	return NULL;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (int i = 0; i < NTAB; i++)
		strtab_free(&r->tab[i]);
	free(r->sigs);
	if (r->fd >= 0)
		close(r->fd);
	free(r);
}

void report_packet(struct report *r, const struct facts *f)
{
	uint64_t t = to_ns(f->sec, f->frac, r->nano);
	struct bin *b = bin_at(r, t);
	int c = 4;
	if (f->net == NET_IP4 || f->net == NET_IP6)
		c = f->proto == 6 ? 0 : f->proto == 17 ? 1 : f->proto == 1 || f->proto == 58 ? 2 : 3;
	b->pkts[c]++;
	b->bytes[c] += f->len;
	switch (f->app) {
	case APP_DNS:
		if (!(f->dns.flags & 0x8000) && f->dns.has_question)
			strtab_add(&r->tab[T_DNS], (const uint8_t *)f->dns.qname, f->dns.qname_len,
				   f->dns.qtype, f->sec, f->frac);
		break;
	case APP_HTTP_REQ: {
		uint8_t url[RS_KEY];
		unsigned hl = f->http_host.len < 255 ? f->http_host.len : 255;
		if (f->http_host.p)
			strtab_add(&r->tab[T_HOST], f->http_host.p, f->http_host.len, 0, f->sec, f->frac);
		unsigned ul = f->http_uri.len < RS_KEY - hl ? f->http_uri.len : RS_KEY - hl;
		if (hl)
			memcpy(url, f->http_host.p, hl);
		if (ul)
			memcpy(url + hl, f->http_uri.p, ul);
		strtab_add(&r->tab[T_URL], url, hl + ul, hl, f->sec, f->frac);
		struct bytes ua = user_agent(f);
		if (ua.p)
			strtab_add(&r->tab[T_UA], ua.p, ua.len, 0, f->sec, f->frac);
		break;
	}
	case APP_TLS:
		if (f->tls_sni.p)
			strtab_add(&r->tab[T_SNI], f->tls_sni.p, f->tls_sni.len, 0, f->sec, f->frac);
		break;
	}
}

void report_alert(struct report *r, uint32_t sid, uint32_t gid, uint32_t rev, const char *msg,
                  uint64_t sec, uint32_t frac)
{
	uint64_t t = to_ns(sec, frac, r->nano);
	bin_at(r, t)->alerts++;
	r->alerts++;
	struct sig *g = NULL;
	for (unsigned i = 0; i < r->nsigs; i++)
		if (r->sigs[i].sid == sid && r->sigs[i].gid == gid && r->sigs[i].rev == rev) {
			g = &r->sigs[i];
			break;
		}
	if (!g) {
		if (r->nsigs == RA_MAX) {
			r->alerts_untracked++;
			return;
		}
		g = &r->sigs[r->nsigs++];
		memset(g, 0, sizeof *g);
		g->sid = sid;
		g->gid = gid;
		g->rev = rev;
		size_t n = msg ? strnlen(msg, RA_MSG) : 0;
		memcpy(g->msg, msg ? msg : "", n);
		g->msglen = (uint16_t)n;
		g->first = t;
	}
	g->count++;
	if (t < g->first)
		g->first = t;
	if (t > g->last)
		g->last = t;
	if (g->ntimes < RA_TIMES)
		g->times[g->ntimes++] = t;
}

/* ---- writing helpers ---------------------------------------------------- */

/* Text that may come from anywhere, as HTML text: at most max bytes of it
 * (then an ellipsis and the full length). */
static void put_text(struct out *o, const void *pv, size_t n, size_t max)
{
	const uint8_t *p = pv;
	size_t full = n;
	if (n > max)
		n = max;
	size_t i = 0;
	while (i < n) {
		out_reserve(o, 32);
		unsigned c = p[i];
		if (c >= 0x20 && c < 0x7f) {
			switch (c) {
			case '&': out_s(o, "&amp;"); break;
			case '<': out_s(o, "&lt;"); break;
			case '>': out_s(o, "&gt;"); break;
			case '"': out_s(o, "&quot;"); break;
			case '\'': out_s(o, "&#39;"); break;
			default: out_c(o, (char)c);
			}
			i++;
			continue;
		}
		/* a well-formed UTF-8 sequence (no overlong form, no surrogate) */
		unsigned k = 0, cp = 0;
		if (c >= 0xc2 && c <= 0xdf) {
			k = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			k = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 4;
			cp = c & 0x07;
		}
		int ok = k && i + k <= n;
		for (unsigned j = 1; ok && j < k; j++) {
			if ((p[i + j] & 0xc0) != 0x80)
				ok = 0;
			cp = cp << 6 | (p[i + j] & 0x3f);
		}
		if (ok && ((k == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
			   (k == 4 && (cp < 0x10000 || cp > 0x10ffff))))
			ok = 0;
		if (!ok) {
			out_f(o, "\\x%02x", c);
			i++;
			continue;
		}
		/* invisible, line-breaking or direction-changing: shown by number */
		if ((cp >= 0x80 && cp <= 0x9f) || cp == 0xad || cp == 0x61c ||
		    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
		    (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff)
			out_f(o, "\\u{%04x}", cp);
		else
			out_mem(o, p + i, k);
		i += k;
	}
	if (full > n)
		out_f(o, "&hellip; (%zu bytes)", full);
}

static void put_cs(struct out *o, const char *s)
{
	put_text(o, s, strlen(s), (size_t)-1);
}

/* A number in a table cell, with its value for sorting. */
static void td_u(struct out *o, uint64_t v)
{
	out_s(o, "<td class=n data-v=\"");
	out_u(o, v);
	out_s(o, "\">");
	out_u(o, v);
	out_s(o, "</td>");
}

/* ns as UTC time, with digits (0, 3, 6 or 9) of the second's fraction. */
static void put_time_d(struct out *o, uint64_t ns, int digits, int date)
{
	time_t t = (time_t)(ns / 1000000000u);
	struct tm tm;
	if (!gmtime_r(&t, &tm)) {
		out_u(o, ns / 1000000000u);
		return;
	}
	if (date)
		out_f(o, "%04d-%02d-%02d ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	out_f(o, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (digits > 0) {
		uint64_t f = ns % 1000000000u;
		for (int i = digits; i < 9; i++)
			f /= 10;
		out_c(o, '.');
		out_uw(o, f, digits, '0');
	}
}

static void put_time(struct out *o, uint64_t ns, int nano, int date)
{
	put_time_d(o, ns, nano ? 9 : 6, date);
}

static void td_time(struct out *o, uint64_t ns, int nano)
{
	out_s(o, "<td data-v=\"");
	out_u(o, ns / 1000u);
	out_s(o, "\">");
	put_time(o, ns, nano, 1);
	out_s(o, "</td>");
}

/* A byte count for people: 1.5 MB. */
static void put_human(struct out *o, uint64_t v)
{
	static const char *const unit[] = { "B", "kB", "MB", "GB", "TB", "PB" };
	double d = (double)v;
	int u = 0;
	while (d >= 1000 && u < 5) {
		d /= 1000;
		u++;
	}
	if (u == 0)
		out_f(o, "%llu B", (unsigned long long)v);
	else
		out_f(o, "%.1f %s", d, unit[u]);
}

static void put_addr(struct out *o, const uint8_t *a, unsigned len)
{
	char buf[64];
	if (len == 4)
		fmt_ip4(buf, a);
	else if (len == 16)
		fmt_ip6(buf, a);
	else
		fmt_mac(buf, a);
	put_cs(o, buf);
}

/* A bar of share v/max, drawn in a cell. */
static void td_bar(struct out *o, uint64_t v, uint64_t max)
{
	double w = max ? 100.0 * (double)v / (double)max : 0;
	out_f(o, "<td class=bar aria-hidden=\"true\"><svg viewBox=\"0 0 100 10\" "
		 "preserveAspectRatio=\"none\"><rect width=\"%.1f\" height=\"10\"/></svg></td>", w);
}

static void td_pct(struct out *o, uint64_t v, uint64_t total)
{
	out_f(o, "<td class=n>%.1f%%</td>", total ? 100.0 * (double)v / (double)total : 0.0);
}

/* ---- the page: head ------------------------------------------------------ */

static const char css[] =
	":root{color-scheme:light}"
	"body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;"
	"max-width:1200px;padding:0 16px 40px;color:#222;background:#fff}"
	"h1{font-size:22px;margin:16px 0 4px}h2{font-size:18px;margin:28px 0 8px;"
	"border-bottom:2px solid #3366cc;padding-bottom:2px}h3{font-size:15px;margin:16px 0 6px}"
	"nav{position:sticky;top:0;background:#fff;padding:6px 0;border-bottom:1px solid #ddd;z-index:1}"
	"nav a{margin-right:12px;color:#3366cc;text-decoration:none}"
	"table{border-collapse:collapse;margin:4px 0 8px;font-size:13px}"
	"th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}"
	"th{background:#f2f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}"
	"td.s{word-break:break-all;max-width:520px;font-family:ui-monospace,monospace;font-size:12px}"
	"td.bar{width:120px;padding:2px}td.bar svg{width:120px;height:10px;display:block}"
	"td.bar rect{fill:#3366cc}"
	"table.sortable th{cursor:pointer}table.sortable th:after{content:' \\2195';color:#999}table.sortable th.nb:after{content:none}"
	".note{color:#555;font-size:12px}.chart{width:100%;height:auto;max-width:1000px}"
	".legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;"
	"width:10px;height:10px;margin-right:4px}"
	"svg text{font:11px system-ui,sans-serif;fill:#333}"
	".ov td:first-child{font-weight:600}"
	"@media print{nav{display:none}h2{break-after:avoid}table,svg{break-inside:avoid}"
	"body{max-width:none}}";

/* The page's one script: sorts tables by a column (numbers by data-v, the
 * rest by text), opens the tables folded under the charts for printing.  It
 * reads no packet data as code: it only compares cells' text. */
static const char script[] =
	"(function(){"
	"function sortBy(th){"
	"var t=th.closest('table'),b=t.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th);"
	"var asc=th.getAttribute('aria-sort')!=='ascending';"
	"var rows=Array.prototype.slice.call(b.rows);"
	"rows.sort(function(x,y){var a=x.cells[i],c=y.cells[i],r;"
	"var va=a.getAttribute('data-v'),vc=c.getAttribute('data-v');"
	"if(va!==null&&vc!==null){r=Number(va)-Number(vc);}"
	"else{r=a.textContent.localeCompare(c.textContent);}"
	"return asc?r:-r;});"
	"rows.forEach(function(r){b.appendChild(r);});"
	"Array.prototype.forEach.call(th.parentNode.children,function(h){h.removeAttribute('aria-sort');});"
	"th.setAttribute('aria-sort',asc?'ascending':'descending');}"
	"document.querySelectorAll('table.sortable thead th:not(.nb)').forEach(function(th){"
	"th.tabIndex=0;"
	"th.addEventListener('click',function(){sortBy(th);});"
	"th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sortBy(th);}});"
	"});"
	"window.addEventListener('beforeprint',function(){"
	"document.querySelectorAll('details').forEach(function(d){d.open=true;});});"
	"})();";

static void put_head(struct out *o, const struct options *opt)
{
	unsigned char md[32];
	unsigned mdlen = 0;
	char b64[64] = "";
	if (EVP_Digest(script, sizeof script - 1, md, &mdlen, EVP_sha256(), NULL) == 1 && mdlen == 32)
		EVP_EncodeBlock((unsigned char *)b64, md, 32);
	out_s(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
	/* no request to anywhere; only this page's own script runs */
	out_s(o, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		 "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; script-src 'sha256-");
	out_s(o, b64);
	out_s(o, "'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		 "<meta name=\"generator\" content=\"trawl " TRAWL_VERSION "\">\n<title>trawl report: ");
	put_cs(o, opt->rfile ? opt->rfile : opt->Vfile ? opt->Vfile : opt->device ? opt->device : "capture");
	out_s(o, "</title>\n<style>");
	out_s(o, css);
	out_s(o, "</style>\n</head>\n<body>\n");
}

/* ---- sections ------------------------------------------------------------ */

struct page {
	struct report *r;
	struct out *o;
	struct sum_view *v;
	struct flows_stats fst;
	int nano;
	int have_files;
};

static void sec_begin(struct out *o, const char *id, const char *title)
{
	out_f(o, "<section id=\"%s\" aria-labelledby=\"h-%s\">\n<h2 id=\"h-%s\">%s</h2>\n", id, id, id,
	      title);
}

static const char *dlt_label(int dlt)
{
	switch (dlt) {
	case 0: return "NULL (BSD loopback)";
	case 1: return "EN10MB (Ethernet)";
	case 12: case 14: case 101: return "RAW (raw IP)";
	case 108: return "LOOP (OpenBSD loopback)";
	case 113: return "LINUX_SLL (Linux cooked v1)";
	case 228: return "IPV4 (raw IPv4)";
	case 229: return "IPV6 (raw IPv6)";
	case 276: return "LINUX_SLL2 (Linux cooked v2)";
	default: return NULL;
	}
}

static void ov_row(struct out *o, const char *label, const char *key)
{
	out_s(o, "<tr><td>");
	out_s(o, label);
	out_s(o, "</td><td");
	if (key)
		out_f(o, " data-k=\"%s\"", key);
	out_c(o, '>');
}

static void sec_overview(struct page *pg)
{
	struct out *o = pg->o;
	const struct sum_view *v = pg->v;
	const struct options *opt = pg->r->opt;
	uint64_t t0 = to_ns(v->first_sec, v->first_frac, pg->nano);
	uint64_t t1 = to_ns(v->last_sec, v->last_frac, pg->nano);
	uint64_t span = v->have_time && t1 > t0 ? t1 - t0 : 0;
	double secs = (double)span / 1e9;
	sec_begin(o, "overview", "Overview");
	out_s(o, "<table class=ov>\n");
	ov_row(o, opt->device && !opt->rfile ? "Interface" : "Capture", NULL);
	put_cs(o, opt->rfile ? opt->rfile : opt->Vfile ? opt->Vfile : opt->device ? opt->device : "-");
	if (opt->filter) {
		out_s(o, "</td></tr>\n");
		ov_row(o, "Filter", NULL);
		put_cs(o, opt->filter);
	}
	out_s(o, "</td></tr>\n");
	ov_row(o, "Packets", "packets");
	out_u(o, v->all.pkts);
	out_s(o, "</td></tr>\n");
	ov_row(o, "Bytes (on the wire)", "bytes");
	out_u(o, v->all.bytes);
	out_s(o, "</td></tr>\n<tr><td>&nbsp;</td><td>");
	put_human(o, v->all.bytes);
	out_s(o, "</td></tr>\n");
	ov_row(o, "Bytes captured", "captured_bytes");
	out_u(o, v->capbytes);
	out_s(o, "</td></tr>\n");
	if (v->have_time) {
		ov_row(o, "First packet (UTC)", "first");
		put_time(o, t0, pg->nano, 1);
		out_s(o, "</td></tr>\n");
		ov_row(o, "Last packet (UTC)", "last");
		put_time(o, t1, pg->nano, 1);
		out_s(o, "</td></tr>\n");
		ov_row(o, "Duration", "duration");
		out_f(o, "%llu.%09llu s", (unsigned long long)(span / 1000000000u),
		      (unsigned long long)(span % 1000000000u));
		out_s(o, "</td></tr>\n");
	}
	ov_row(o, "Rates", "rates");
	if (secs > 0)
		out_f(o, "%.1f packets/s, %.1f bytes/s (%.1f kbit/s)", (double)v->all.pkts / secs,
		      (double)v->all.bytes / secs, (double)v->all.bytes * 8 / secs / 1000);
	else
		out_s(o, "-");
	out_s(o, "</td></tr>\n");
	if (v->all.pkts) {
		ov_row(o, "Average packet", NULL);
		out_f(o, "%.1f bytes", (double)v->all.bytes / (double)v->all.pkts);
		out_s(o, "</td></tr>\n");
	}
	ov_row(o, "Link types", "link_types");
	for (unsigned i = 0; i < v->ndlt; i++) {
		const char *dn = dlt_label(v->dlt[i]);
		if (i)
			out_s(o, "<br>");
		if (dn)
			out_f(o, "%s, DLT %d: ", dn, v->dlt[i]);
		else
			out_f(o, "DLT %d: ", v->dlt[i]);
		out_f(o, "%llu packets", (unsigned long long)v->dlts[i].pkts);
	}
	out_s(o, "</td></tr>\n");
	ov_row(o, "Hosts (IP addresses)", "hosts");
	out_u(o, v->nhosts);
	out_s(o, "</td></tr>\n");
	ov_row(o, "Conversations", "conversations");
	out_u(o, pg->fst.listed);
	if (pg->fst.evicted)
		out_f(o, " (and %llu evicted from the table of %u)", (unsigned long long)pg->fst.evicted,
		      pg->fst.max);
	out_s(o, "</td></tr>\n");
	ov_row(o, "Application events", NULL);
	out_f(o, "%llu DNS queries, %llu DNS responses, %llu HTTP requests, %llu HTTP responses, "
		 "%llu TLS ClientHellos with SNI",
	      (unsigned long long)v->dns_q, (unsigned long long)v->dns_r,
	      (unsigned long long)v->http_req, (unsigned long long)v->http_resp,
	      (unsigned long long)v->tls_sni);
	out_s(o, "</td></tr>\n");
	if (pg->r->alerts) {
		ov_row(o, "Alerts", "alerts");
		out_u(o, pg->r->alerts);
		out_s(o, "</td></tr>\n");
	}
	out_s(o, "</table>\n</section>\n");
}

/* ---- traffic over time ---------------------------------------------------- */

#define CH_W 1000.0
#define CH_H 220.0
#define CH_L 70.0  /* left margin: the y axis labels */
#define CH_B 40.0  /* bottom margin: the x axis labels and alert marks */
#define CH_T 10.0

static void put_axis_value(struct out *o, double v, int bytes)
{
	if (bytes) {
		put_human(o, (uint64_t)v);
		return;
	}
	if (v >= 1e6)
		out_f(o, "%.1fM", v / 1e6);
	else if (v >= 1e4)
		out_f(o, "%.0fk", v / 1e3);
	else
		out_f(o, "%.0f", v);
}

static void time_chart(struct page *pg, int bytes)
{
	struct out *o = pg->o;
	struct report *r = pg->r;
	unsigned n = r->nbins;
	double max = 0;
	for (unsigned i = 0; i < n; i++) {
		double s = 0;
		for (int c = 0; c < NCLS; c++)
			s += (double)(bytes ? r->bins[i].bytes[c] : r->bins[i].pkts[c]);
		if (s > max)
			max = s;
	}
	if (max <= 0)
		max = 1;
	double pw = CH_W - CH_L - 10, ph = CH_H - CH_T - CH_B, bw = pw / (n ? n : 1);
	const char *what = bytes ? "bytes" : "packets";
	out_f(o, "<figure><svg class=chart viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
		 "aria-labelledby=\"cap-%s\">\n", CH_W, CH_H, what);
	out_f(o, "<title id=\"cap-%s\">%s per interval of ", what, bytes ? "Bytes" : "Packets");
	out_f(o, "%.3f s", (double)r->width / 1e9);
	out_s(o, " by protocol; the table below has the numbers</title>\n");
	/* axes and grid */
	for (int g = 0; g <= 4; g++) {
		double y = CH_T + ph - ph * g / 4;
		out_f(o, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>",
		      CH_L, CH_L + pw, y, y);
		out_f(o, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", CH_L - 4, y + 4);
		put_axis_value(o, max * g / 4, bytes);
		out_s(o, "</text>\n");
	}
	/* one stacked step area per class */
	double *base = calloc(n ? n : 1, sizeof *base);
	if (!base)
		return;
	for (int c = 0; c < NCLS; c++) {
		uint64_t tot = 0;
		for (unsigned i = 0; i < n; i++)
			tot += bytes ? r->bins[i].bytes[c] : r->bins[i].pkts[c];
		if (!tot)
			continue;
		/* a step outline: up each bin's top, left to right, then down
		 * its bottom (the classes below), right to left */
		out_f(o, "<path fill=\"%s\" d=\"M%.1f %.1f", cls_color[c], CH_L,
		      CH_T + ph - ph * base[0] / max);
		for (unsigned i = 0; i < n; i++) {
			double v = base[i] + (double)(bytes ? r->bins[i].bytes[c] : r->bins[i].pkts[c]);
			out_f(o, "V%.1fH%.1f", CH_T + ph - ph * v / max, CH_L + bw * (i + 1));
		}
		for (unsigned i = n; i-- > 0;) {
			out_f(o, "V%.1fH%.1f", CH_T + ph - ph * base[i] / max, CH_L + bw * i);
			base[i] += (double)(bytes ? r->bins[i].bytes[c] : r->bins[i].pkts[c]);
		}
		out_f(o, "Z\"><title>%s</title></path>\n", cls_name[c]);
	}
	free(base);
	out_f(o, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>\n", CH_L,
	      CH_L + pw, CH_T + ph, CH_T + ph);
	/* time labels: five */
	for (int k = 0; k <= 4 && n; k++) {
		unsigned i = (unsigned)((n - 1) * k / 4);
		double x = CH_L + bw * i;
		out_f(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, CH_T + ph + 14,
		      k == 0 ? "start" : k == 4 ? "end" : "middle");
		put_time_d(o, r->origin + (uint64_t)i * r->width,
			   r->width >= 1000000000u ? 0 : 3, r->nbins * r->width > 86400000000000ull);
		out_s(o, "</text>\n");
	}
	/* alerts, marked under the axis */
	for (unsigned i = 0; i < n; i++) {
		if (!r->bins[i].alerts)
			continue;
		double x = CH_L + bw * (i + 0.5);
		out_f(o, "<path class=alertmark fill=\"#d62728\" d=\"M%.1f %.1fl-5 9h10z\"><title>%llu "
			 "alert%s at ", x, CH_T + ph + 20, (unsigned long long)r->bins[i].alerts,
		      r->bins[i].alerts == 1 ? "" : "s");
		put_time(o, r->origin + (uint64_t)i * r->width, pg->nano, 1);
		out_s(o, "</title></path>\n");
	}
	out_s(o, "</svg></figure>\n");
}

static void sec_time(struct page *pg)
{
	struct out *o = pg->o;
	struct report *r = pg->r;
	sec_begin(o, "time", "Traffic over time");
	if (!r->nbins) {
		out_s(o, "<p>No packets.</p>\n</section>\n");
		return;
	}
	out_f(o, "<p class=note>%u intervals of %g s from ", r->nbins, (double)r->width / 1e9);
	put_time(o, r->origin, pg->nano, 1);
	out_s(o, " UTC");
	if (r->alerts)
		out_s(o, "; red marks under the time axis: alerts");
	out_s(o, ".</p>\n<p class=legend>");
	for (int c = 0; c < NCLS; c++)
		out_f(o, "<span><i style=\"background:%s\"></i>%s</span>", cls_color[c], cls_name[c]);
	out_s(o, "</p>\n<h3>Packets</h3>\n");
	time_chart(pg, 0);
	out_s(o, "<h3>Bytes</h3>\n");
	time_chart(pg, 1);
	out_s(o, "<details><summary>The same as a table</summary>\n<table id=\"time-table\" "
		 "class=sortable><thead><tr><th>interval start (UTC)</th>");
	for (int c = 0; c < NCLS; c++)
		out_f(o, "<th>%s packets</th>", cls_name[c]);
	out_s(o, "<th>packets</th><th>bytes</th>");
	if (r->alerts)
		out_s(o, "<th>alerts</th>");
	out_s(o, "</tr></thead><tbody>\n");
	for (unsigned i = 0; i < r->nbins; i++) {
		const struct bin *b = &r->bins[i];
		uint64_t p = 0, by = 0;
		out_s(o, "<tr>");
		td_time(o, r->origin + (uint64_t)i * r->width, pg->nano);
		for (int c = 0; c < NCLS; c++) {
			td_u(o, b->pkts[c]);
			p += b->pkts[c];
			by += b->bytes[c];
		}
		td_u(o, p);
		td_u(o, by);
		if (r->alerts)
			td_u(o, b->alerts);
		out_s(o, "</tr>\n");
	}
	out_s(o, "</tbody></table></details>\n</section>\n");
}

/* ---- protocols ------------------------------------------------------------- */

static void proto_table_head(struct out *o, const char *id, const char *first)
{
	out_f(o, "<table id=\"%s\" class=sortable><thead><tr><th>%s</th><th>packets</th>"
		 "<th>bytes</th><th>%% packets</th><th class=nb aria-hidden=\"true\"></th></tr></thead><tbody>\n",
	      id, first);
}

static void proto_row(struct out *o, const char *label, uint64_t key, const struct rv_ctr *c,
                      uint64_t total, uint64_t max)
{
	out_f(o, "<tr data-key=\"%llu\"><td>", (unsigned long long)key);
	out_s(o, label);
	out_s(o, "</td>");
	td_u(o, c->pkts);
	td_u(o, c->bytes);
	td_pct(o, c->pkts, total);
	td_bar(o, c->pkts, max);
	out_s(o, "</tr>\n");
}

struct krank {
	unsigned key;
	struct rv_ctr c;
};

static int krank_cmp(const void *x, const void *y)
{
	const struct krank *a = x, *b = y;
	if (a->c.pkts != b->c.pkts)
		return a->c.pkts > b->c.pkts ? -1 : 1;
	if (a->c.bytes != b->c.bytes)
		return a->c.bytes > b->c.bytes ? -1 : 1;
	return a->key < b->key ? -1 : a->key > b->key;
}

static void sec_protocols(struct page *pg)
{
	struct out *o = pg->o;
	const struct sum_view *v = pg->v;
	uint64_t n = v->all.pkts;
	char label[96];
	sec_begin(o, "protocols", "Protocol breakdown");

	out_s(o, "<h3>Network layer</h3>\n");
	proto_table_head(o, "net-table", "network");
	struct rv_ctr nonip = { n - v->ip4.pkts - v->ip6.pkts, v->all.bytes - v->ip4.bytes - v->ip6.bytes };
	uint64_t mx = v->ip4.pkts > v->ip6.pkts ? v->ip4.pkts : v->ip6.pkts;
	if (nonip.pkts > mx)
		mx = nonip.pkts;
	proto_row(o, "IPv4", 4, &v->ip4, n, mx);
	proto_row(o, "IPv6", 6, &v->ip6, n, mx);
	proto_row(o, "not IP", 0, &nonip, n, mx);
	out_s(o, "</tbody></table>\n");

	struct krank kr[256];
	unsigned k = 0;
	for (unsigned i = 0; i < 256; i++)
		if (v->ipproto[i].pkts)
			kr[k++] = (struct krank){ i, v->ipproto[i] };
	qsort(kr, k, sizeof kr[0], krank_cmp);
	if (k) {
		out_s(o, "<h3>IP protocols</h3>\n");
		proto_table_head(o, "ipproto-table", "protocol");
		for (unsigned i = 0; i < k; i++) {
			const char *pn = ipproto_report(kr[i].key);
			snprintf(label, sizeof label, "%s (%u)", pn ? pn : "unassigned", kr[i].key);
			out_f(o, "<tr data-proto=\"%u\"><td>", kr[i].key);
			put_cs(o, label);
			out_s(o, "</td>");
			td_u(o, kr[i].c.pkts);
			td_u(o, kr[i].c.bytes);
			td_pct(o, kr[i].c.pkts, n);
			td_bar(o, kr[i].c.pkts, kr[0].c.pkts);
			out_s(o, "</tr>\n");
		}
		out_s(o, "</tbody></table>\n");
		if (v->frags.pkts)
			out_f(o, "<p class=note>%llu non-first IP fragments.</p>\n",
			      (unsigned long long)v->frags.pkts);
	}

	k = 0;
	for (unsigned i = 0; i < v->napp; i++)
		kr[k++] = (struct krank){ i, v->apps[i] };
	qsort(kr, k, sizeof kr[0], krank_cmp);
	if (k) {
		out_s(o, "<h3>Application protocols</h3>\n<p class=note>By content for DNS, HTTP "
			 "and TLS, else by well-known port.</p>\n");
		proto_table_head(o, "app-table", "application");
		for (unsigned i = 0; i < k; i++) {
			out_s(o, "<tr><td>");
			put_cs(o, v->app[kr[i].key]);
			out_s(o, "</td>");
			td_u(o, kr[i].c.pkts);
			td_u(o, kr[i].c.bytes);
			td_pct(o, kr[i].c.pkts, n);
			td_bar(o, kr[i].c.pkts, kr[0].c.pkts);
			out_s(o, "</tr>\n");
		}
		if (v->app_none.pkts) {
			out_s(o, "<tr><td>(none recognized)</td>");
			td_u(o, v->app_none.pkts);
			td_u(o, v->app_none.bytes);
			td_pct(o, v->app_none.pkts, n);
			td_bar(o, v->app_none.pkts, kr[0].c.pkts > v->app_none.pkts ? kr[0].c.pkts : v->app_none.pkts);
			out_s(o, "</tr>\n");
		}
		out_s(o, "</tbody></table>\n");
	}

	static const char *const what[2] = { "tcp", "udp" };
	for (int w = 0; w < 2; w++) {
		const struct rv_port *pt = w ? v->udp : v->tcp;
		unsigned np = w ? v->nudp : v->ntcp;
		if (!np)
			continue;
		out_f(o, "<h3>Top %s ports (service side)</h3>\n", w ? "UDP" : "TCP");
		proto_table_head(o, w ? "udp-table" : "tcp-table", "port");
		for (unsigned i = 0; i < np; i++) {
			const char *an = an_port_app(w ? 17 : 6, pt[i].port);
			snprintf(label, sizeof label, "%s/%u%s%s", what[w], pt[i].port, an ? " " : "",
				 an ? an : "");
			out_s(o, "<tr><td>");
			put_cs(o, label);
			out_s(o, "</td>");
			td_u(o, pt[i].c.pkts);
			td_u(o, pt[i].c.bytes);
			td_pct(o, pt[i].c.pkts, n);
			td_bar(o, pt[i].c.pkts, pt[0].c.pkts);
			out_s(o, "</tr>\n");
		}
		out_s(o, "</tbody></table>\n");
	}

	if (v->nether || v->llc.pkts) {
		out_s(o, "<h3>Ethertypes</h3>\n");
		proto_table_head(o, "ether-table", "ethertype");
		uint64_t emax = v->nether ? v->ether[0].c.pkts : 0;
		if (v->llc.pkts > emax)
			emax = v->llc.pkts;
		for (unsigned i = 0; i < v->nether; i++) {
			const char *en = an_ethertype_name(v->ether[i].port);
			snprintf(label, sizeof label, "%s (0x%04x)", en ? en : "unknown", v->ether[i].port);
			out_s(o, "<tr><td>");
			put_cs(o, label);
			out_s(o, "</td>");
			td_u(o, v->ether[i].c.pkts);
			td_u(o, v->ether[i].c.bytes);
			td_pct(o, v->ether[i].c.pkts, n);
			td_bar(o, v->ether[i].c.pkts, emax);
			out_s(o, "</tr>\n");
		}
		if (v->ether_rest.pkts)
			proto_row(o, "other ethertypes", 1, &v->ether_rest, n, emax);
		if (v->llc.pkts)
			proto_row(o, "802.3 LLC", 2, &v->llc, n, emax);
		out_s(o, "</tbody></table>\n");
	}
	if (v->syn || v->synack || v->rst || v->fin)
		out_f(o, "<p>TCP flags: %llu SYN, %llu SYN/ACK, %llu RST, %llu FIN.</p>\n",
		      (unsigned long long)v->syn, (unsigned long long)v->synack,
		      (unsigned long long)v->rst, (unsigned long long)v->fin);
	out_s(o, "</section>\n");
}

/* ---- talkers ------------------------------------------------------------- */

static void sec_talkers(struct page *pg)
{
	struct out *o = pg->o;
	const struct sum_view *v = pg->v;
	sec_begin(o, "talkers", "Top talkers");
	if (!v->ntop) {
		out_s(o, "<p>No IP hosts.</p>\n</section>\n");
		return;
	}
	out_f(o, "<p class=note>%u hosts by bytes sent and received", v->nhosts);
	if (v->hosts_dropped)
		out_f(o, "; the host table was full: %llu packet ends not counted by host",
		      (unsigned long long)v->hosts_dropped);
	if (v->nhosts > v->ntop)
		out_f(o, "; the %u others sent %llu packets, %llu bytes", v->nhosts - v->ntop,
		      (unsigned long long)v->top_rest_sent.pkts,
		      (unsigned long long)v->top_rest_sent.bytes);
	out_s(o, ".</p>\n<table id=\"talkers-table\" class=sortable><thead><tr><th>host</th>"
		 "<th>packets out</th><th>bytes out</th><th>packets in</th><th>bytes in</th>"
		 "<th>bytes</th><th class=nb aria-hidden=\"true\"></th></tr></thead><tbody>\n");
	uint64_t max = v->top[0].sent.bytes + v->top[0].rcvd.bytes;
	for (unsigned i = 0; i < v->ntop; i++) {
		const struct rv_host *h = &v->top[i];
		out_s(o, "<tr><td>");
		put_addr(o, h->a, h->len);
		out_s(o, "</td>");
		td_u(o, h->sent.pkts);
		td_u(o, h->sent.bytes);
		td_u(o, h->rcvd.pkts);
		td_u(o, h->rcvd.bytes);
		td_u(o, h->sent.bytes + h->rcvd.bytes);
		td_bar(o, h->sent.bytes + h->rcvd.bytes, max);
		out_s(o, "</tr>\n");
	}
	out_s(o, "</tbody></table>\n</section>\n");
}

/* ---- conversations: the table and the graph ---------------------------- */

struct pair {
	uint8_t alen, used;
	uint8_t a[16], b[16];
	uint64_t pkts, bytes;
	uint32_t conv;
};

struct collect {
	struct flow_view *top; /* a min-heap by bytes, RW_CONV */
	unsigned ntop;
	uint64_t all_pkts, all_bytes;
	struct pair *pairs;    /* open addressing, RW_PAIR_MAX * 2 slots */
	unsigned npairs;
	uint64_t pairs_untracked;
};

static uint64_t fv_bytes(const struct flow_view *v)
{
	return v->bytes[0] + v->bytes[1];
}

static int fv_less(const struct flow_view *a, const struct flow_view *b)
{
	uint64_t x = fv_bytes(a), y = fv_bytes(b);
	if (x != y)
		return x < y;
	/* ties: the later conversation is the lesser */
	if (a->first_sec != b->first_sec)
		return a->first_sec > b->first_sec;
	return a->first_frac > b->first_frac;
}

static void heap_down(struct flow_view *h, unsigned n, unsigned i)
{
	for (;;) {
		unsigned l = 2 * i + 1, m = i;
		if (l < n && fv_less(&h[l], &h[m]))
			m = l;
		if (l + 1 < n && fv_less(&h[l + 1], &h[m]))
			m = l + 1;
		if (m == i)
			return;
		struct flow_view t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static void collect_flow(void *ctx, const struct flow_view *v)
{
	struct collect *c = ctx;
	c->all_pkts += v->pkts[0] + v->pkts[1];
	c->all_bytes += fv_bytes(v);
	if (c->ntop < RW_CONV) {
		unsigned i = c->ntop++;
		c->top[i] = *v;
		while (i > 0 && fv_less(&c->top[i], &c->top[(i - 1) / 2])) {
			struct flow_view t = c->top[i];
			c->top[i] = c->top[(i - 1) / 2];
			c->top[(i - 1) / 2] = t;
			i = (i - 1) / 2;
		}
	} else if (fv_less(&c->top[0], v)) {
		c->top[0] = *v;
		heap_down(c->top, c->ntop, 0);
	}
	/* the host pair, for the graph */
	if (!c->pairs)
		return;
	const uint8_t *x = v->cli, *y = v->srv;
	if (memcmp(x, y, v->alen) > 0) {
		x = v->srv;
		y = v->cli;
	}
	uint8_t key[33] = { v->alen };
	memcpy(key + 1, x, v->alen);
	memcpy(key + 17, y, v->alen);
	uint32_t s = an_hash(key, sizeof key, 2166136261u) & (2 * RW_PAIR_MAX - 1);
	for (;;) {
		struct pair *p = &c->pairs[s];
		if (!p->used) {
			if (c->npairs == RW_PAIR_MAX) {
				c->pairs_untracked++;
				return;
			}
			c->npairs++;
			p->used = 1;
			p->alen = v->alen;
			memcpy(p->a, x, v->alen);
			memcpy(p->b, y, v->alen);
			break;
		}
		if (p->alen == v->alen && memcmp(p->a, x, v->alen) == 0 && memcmp(p->b, y, v->alen) == 0)
			break;
		s = (s + 1) & (2 * RW_PAIR_MAX - 1);
	}
	struct pair *p = &c->pairs[s];
	p->pkts += v->pkts[0] + v->pkts[1];
	p->bytes += fv_bytes(v);
	p->conv++;
}

static int fv_cmp_desc(const void *x, const void *y)
{
	const struct flow_view *a = x, *b = y;
	return fv_less(b, a) ? -1 : fv_less(a, b) ? 1 : 0;
}

static int pair_cmp(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;
	if (a->used != b->used)
		return a->used ? -1 : 1;
	if (a->bytes != b->bytes)
		return a->bytes > b->bytes ? -1 : 1;
	if (a->alen != b->alen)
		return a->alen < b->alen ? -1 : 1;
	int c = memcmp(a->a, b->a, a->alen);
	return c ? c : memcmp(a->b, b->b, a->alen);
}

struct node {
	uint8_t alen;
	uint8_t a[16];
	uint64_t bytes;
	double x, y;
};

static unsigned node_of(struct node *nd, unsigned *nn, const uint8_t *a, unsigned alen)
{
	for (unsigned i = 0; i < *nn; i++)
		if (nd[i].alen == alen && memcmp(nd[i].a, a, alen) == 0)
			return i;
	memset(&nd[*nn], 0, sizeof nd[*nn]);
	nd[*nn].alen = (uint8_t)alen;
	memcpy(nd[*nn].a, a, alen);
	nd[*nn].bytes = 0;
	return (*nn)++;
}

static int node_cmp(const void *x, const void *y)
{
	const struct node *a = x, *b = y;
	if (a->bytes != b->bytes)
		return a->bytes > b->bytes ? -1 : 1;
	return memcmp(a->a, b->a, 16);
}

static void sec_graph(struct page *pg, struct collect *c)
{
	struct out *o = pg->o;
	sec_begin(o, "graph", "Who talked to whom");
	if (!c->pairs || !c->npairs) {
		out_s(o, "<p>No conversations.</p>\n</section>\n");
		return;
	}
	qsort(c->pairs, 2 * RW_PAIR_MAX, sizeof *c->pairs, pair_cmp);
	unsigned ne = c->npairs < RW_PAIRS ? c->npairs : RW_PAIRS;
	struct node nd[2 * RW_PAIRS];
	unsigned nn = 0;
	unsigned ea[RW_PAIRS], eb[RW_PAIRS];
	for (unsigned i = 0; i < ne; i++) {
		/* at most RW_NODES hosts, so that the labels stay readable */
		unsigned k = nn;
		ea[i] = node_of(nd, &nn, c->pairs[i].a, c->pairs[i].alen);
		eb[i] = node_of(nd, &nn, c->pairs[i].b, c->pairs[i].alen);
		if (nn > RW_NODES) {
			nn = k;
			ne = i;
			break;
		}
		nd[ea[i]].bytes += c->pairs[i].bytes;
		nd[eb[i]].bytes += c->pairs[i].bytes;
	}
	/* nodes on a circle, the busiest first (clockwise from the top);
	 * edges keep their ends through a permutation */
	unsigned perm[2 * RW_PAIRS];
	struct node sorted[2 * RW_PAIRS];
	memcpy(sorted, nd, nn * sizeof *nd);
	qsort(sorted, nn, sizeof *sorted, node_cmp);
	for (unsigned i = 0; i < nn; i++)
		for (unsigned j = 0; j < nn; j++)
			if (sorted[j].alen == nd[i].alen && memcmp(sorted[j].a, nd[i].a, 16) == 0)
				perm[i] = j;
	const double W = 1000, H = 720, cx = W / 2, cy = H / 2, R = 270;
		for (unsigned j = 0; j < nn; j++) {
		double ang = -M_PI_ / 2 + 2 * M_PI_ * j / nn;
		sorted[j].x = cx + R * m_cos(ang);
		sorted[j].y = cy + R * m_sin(ang);
	}
	double lmax = m_log((double)c->pairs[0].bytes + 1);
	out_f(o, "<p class=note>The %u host pairs that exchanged the most bytes (of %u pairs", ne,
	      c->npairs);
	if (c->pairs_untracked)
		out_f(o, "; %llu conversations beyond %u pairs not drawn",
		      (unsigned long long)c->pairs_untracked, RW_PAIR_MAX);
	out_s(o, "); line width grows with bytes, circles with each host's share.</p>\n");
	out_f(o, "<figure><svg id=\"graph-svg\" class=chart viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
		 "aria-labelledby=\"cap-graph\"><title id=\"cap-graph\">Graph of the largest "
		 "conversations between hosts; the table below lists them</title>\n", W, H);
	for (unsigned i = ne; i-- > 0;) {
		const struct node *a = &sorted[perm[ea[i]]], *b = &sorted[perm[eb[i]]];
		double w = lmax > 0 ? 0.5 + 9.5 * m_log((double)c->pairs[i].bytes + 1) / lmax : 1;
		out_f(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#3366cc\" "
			 "stroke-opacity=\"0.55\" stroke-width=\"%.1f\"><title>",
		      a->x, a->y, b->x, b->y, w);
		put_addr(o, c->pairs[i].a, c->pairs[i].alen);
		out_s(o, " &#8596; ");
		put_addr(o, c->pairs[i].b, c->pairs[i].alen);
		out_f(o, ": %llu bytes, %llu packets</title></line>\n",
		      (unsigned long long)c->pairs[i].bytes, (unsigned long long)c->pairs[i].pkts);
	}
	uint64_t nmax = nn ? sorted[0].bytes : 1;
	for (unsigned j = 0; j < nn; j++) {
		const struct node *v = &sorted[j];
		double rr = 4 + 14 * m_sqrt((double)v->bytes / (double)(nmax ? nmax : 1));
		double dx = v->x - cx, dy = v->y - cy, d = m_sqrt(dx * dx + dy * dy);
		double lx = v->x + (d > 0 ? dx / d : 0) * (rr + 6), ly = v->y + (d > 0 ? dy / d : 0) * (rr + 6) + 4;
		const char *anchor = dx > 1 ? "start" : dx < -1 ? "end" : "middle";
		out_f(o, "<g class=node><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#ff9900\" "
			 "stroke=\"#663d00\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">",
		      v->x, v->y, rr, lx, ly, anchor);
		put_addr(o, v->a, v->alen);
		out_s(o, "</text></g>\n");
	}
	out_s(o, "</svg></figure>\n<details><summary>The same as a table</summary>\n"
		 "<table id=\"pairs-table\" class=sortable><thead><tr><th>host</th><th>host</th>"
		 "<th>conversations</th><th>packets</th><th>bytes</th></tr></thead><tbody>\n");
	for (unsigned i = 0; i < ne; i++) {
		out_s(o, "<tr><td>");
		put_addr(o, c->pairs[i].a, c->pairs[i].alen);
		out_s(o, "</td><td>");
		put_addr(o, c->pairs[i].b, c->pairs[i].alen);
		out_s(o, "</td>");
		td_u(o, c->pairs[i].conv);
		td_u(o, c->pairs[i].pkts);
		td_u(o, c->pairs[i].bytes);
		out_s(o, "</tr>\n");
	}
	out_s(o, "</tbody></table></details>\n</section>\n");
}

static void sec_conversations(struct page *pg, struct collect *c)
{
	struct out *o = pg->o;
	const struct flows_stats *st = &pg->fst;
	sec_begin(o, "conversations", "Conversations");
	qsort(c->top, c->ntop, sizeof *c->top, fv_cmp_desc);
	uint64_t lp = 0, lb = 0;
	for (unsigned i = 0; i < c->ntop; i++) {
		lp += c->top[i].pkts[0] + c->top[i].pkts[1];
		lb += fv_bytes(&c->top[i]);
	}
	out_f(o, "<p class=note>%u conversations (flow table of %u", st->listed, st->max);
	if (st->evicted)
		out_f(o, "; %llu evicted with %llu packets, %llu bytes",
		      (unsigned long long)st->evicted, (unsigned long long)st->ev_pkts,
		      (unsigned long long)st->ev_bytes);
	out_s(o, ")");
	if (st->listed > c->ntop)
		out_f(o, "; the %u with the most bytes are listed, the %u others had %llu packets, "
			 "%llu bytes", c->ntop, st->listed - c->ntop,
		      (unsigned long long)(c->all_pkts - lp), (unsigned long long)(c->all_bytes - lb));
	out_s(o, ". Click a column's heading to sort by it.</p>\n");
	out_s(o, "<table id=\"conv-table\" class=sortable><thead><tr><th>protocol</th><th>client</th>"
		 "<th>server</th><th>state</th><th>packets &gt;</th><th>bytes &gt;</th>"
		 "<th>packets &lt;</th><th>bytes &lt;</th><th>bytes</th><th>first (UTC)</th>"
		 "<th>duration s</th></tr></thead><tbody>\n");
	for (unsigned i = 0; i < c->ntop; i++) {
		const struct flow_view *v = &c->top[i];
		char proto[32], cl[64], sv[64];
		flow_view_text(v, proto, cl, sv);
		out_s(o, "<tr><td>");
		put_cs(o, proto);
		out_s(o, "</td><td>");
		put_cs(o, cl);
		out_s(o, "</td><td>");
		put_cs(o, sv);
		out_s(o, "</td><td>");
		put_cs(o, v->state);
		out_s(o, "</td>");
		td_u(o, v->pkts[0]);
		td_u(o, v->bytes[0]);
		td_u(o, v->pkts[1]);
		td_u(o, v->bytes[1]);
		td_u(o, fv_bytes(v));
		uint64_t f0 = to_ns(v->first_sec, v->first_frac, pg->nano);
		uint64_t f1 = to_ns(v->last_sec, v->last_frac, pg->nano);
		td_time(o, f0, pg->nano);
		uint64_t d = f1 > f0 ? f1 - f0 : 0;
		out_f(o, "<td class=n data-v=\"%llu\">%.3f</td></tr>\n", (unsigned long long)d / 1000u,
		      (double)d / 1e9);
	}
	out_s(o, "</tbody></table>\n</section>\n");
}

/* ---- names ------------------------------------------------------------- */

struct srank {
	const struct sent *e;
};

static int sent_cmp(const void *x, const void *y)
{
	const struct sent *a = *(const struct sent *const *)x, *b = *(const struct sent *const *)y;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->first_sec != b->first_sec)
		return a->first_sec < b->first_sec ? -1 : 1;
	if (a->first_frac != b->first_frac)
		return a->first_frac < b->first_frac ? -1 : 1;
	return a->off < b->off ? -1 : a->off > b->off;
}

/* The name's cell: its kept bytes (and, when it was cut in the table, the
 * length it had). */
static void td_name(struct out *o, const char *p, unsigned n, unsigned full)
{
	unsigned shown = n < RW_STR ? n : RW_STR;
	out_s(o, "<td class=s>");
	put_text(o, p, shown, shown);
	if (full > shown)
		out_f(o, "&hellip; (%u bytes)", full);
	out_s(o, "</td>");
}

static void name_table(struct page *pg, int which, const char *id, const char *title,
                       const char *col, const char *countcol)
{
	struct out *o = pg->o;
	const struct strtab *t = &pg->r->tab[which];
	out_f(o, "<h3>%s</h3>\n", title);
	if (!t->n) {
		out_s(o, "<p class=note>None.</p>\n");
		return;
	}
	const struct sent **v = malloc(t->n * sizeof *v);
	if (!v)
		return;
	for (unsigned i = 0; i < t->n; i++)
		v[i] = &t->e[i];
	qsort(v, t->n, sizeof *v, sent_cmp);
	unsigned k = t->n < RW_NAMES ? t->n : RW_NAMES;
	uint64_t shown = 0;
	for (unsigned i = 0; i < k; i++)
		shown += v[i]->count;
	out_f(o, "<p class=note>%u different, %llu in all", t->n, (unsigned long long)t->total);
	if (t->n > k)
		out_f(o, "; the %u others seen %llu times", t->n - k,
		      (unsigned long long)(t->total - t->untracked - shown));
	if (t->untracked)
		out_f(o, "; %llu more not counted by name (table full)", (unsigned long long)t->untracked);
	out_s(o, ".</p>\n");
	out_f(o, "<table id=\"%s\" class=\"sortable names\"><thead><tr>", id);
	if (which == T_URL)
		out_s(o, "<th>host</th><th>path</th>");
	else
		out_f(o, "<th>%s</th>", col);
	if (which == T_DNS)
		out_s(o, "<th>type</th>");
	out_f(o, "<th>%s</th><th>first seen (UTC)</th></tr></thead><tbody>\n", countcol);
	for (unsigned i = 0; i < k; i++) {
		const struct sent *e = v[i];
		const char *p = t->arena + e->off;
		out_s(o, "<tr>");
		if (which == T_URL) {
			unsigned hl = e->aux <= e->len ? e->aux : e->len;
			td_name(o, p, hl, hl);
			td_name(o, p + hl, e->len - hl, e->full - hl);
		} else {
			td_name(o, p, e->len, e->full);
		}
		if (which == T_DNS) {
			const char *tn = an_dnstype_name(e->aux);
			out_s(o, "<td>");
			if (tn)
				put_cs(o, tn);
			else
				out_f(o, "TYPE%u", e->aux);
			out_s(o, "</td>");
		}
		td_u(o, e->count);
		td_time(o, to_ns(e->first_sec, e->first_frac, pg->nano), pg->nano);
		out_s(o, "</tr>\n");
	}
	out_s(o, "</tbody></table>\n");
	free(v);
}

static void sec_names(struct page *pg)
{
	struct out *o = pg->o;
	sec_begin(o, "names", "Names: DNS, HTTP, TLS");
	out_s(o, "<p class=note>As the packets carry them: text from the network, shown escaped "
		 "(bytes that are not printable UTF-8 as \\xNN).</p>\n");
	name_table(pg, T_DNS, "dns-table", "DNS names queried", "name", "queries");
	name_table(pg, T_HOST, "host-table", "HTTP hosts", "Host", "requests");
	name_table(pg, T_URL, "url-table", "HTTP URLs", "URL", "requests");
	name_table(pg, T_UA, "ua-table", "HTTP User-Agents", "User-Agent", "requests");
	name_table(pg, T_SNI, "sni-table", "TLS server names (SNI)", "server name", "ClientHellos");
	out_s(o, "</section>\n");
}

/* ---- alerts -------------------------------------------------------------- */

static int sig_cmp(const void *x, const void *y)
{
	const struct sig *a = x, *b = y;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->gid != b->gid)
		return a->gid < b->gid ? -1 : 1;
	return a->sid < b->sid ? -1 : a->sid > b->sid;
}

static int u64_cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

static void sec_alerts(struct page *pg)
{
	struct out *o = pg->o;
	struct report *r = pg->r;
	if (!r->alerts)
		return;
	sec_begin(o, "alerts", "Alerts by signature");
	qsort(r->sigs, r->nsigs, sizeof *r->sigs, sig_cmp);
	unsigned k = r->nsigs < RW_ALERTS ? r->nsigs : RW_ALERTS;
	out_f(o, "<p class=note>%llu alerts from %u signatures", (unsigned long long)r->alerts,
	      r->nsigs);
	if (r->nsigs > k)
		out_f(o, "; the %u signatures after the first %u are not listed", r->nsigs - k, k);
	if (r->alerts_untracked)
		out_f(o, "; %llu alerts of signatures beyond %u not counted by signature",
		      (unsigned long long)r->alerts_untracked, RA_MAX);
	out_s(o, ".</p>\n<table id=\"alerts-table\" class=sortable><thead><tr><th>gid:sid:rev</th>"
		 "<th>message</th><th>alerts</th><th>first (UTC)</th><th>last (UTC)</th>"
		 "<th>times (the first kept)</th></tr></thead><tbody>\n");
	for (unsigned i = 0; i < k; i++) {
		struct sig *g = &r->sigs[i];
		out_f(o, "<tr><td>%u:%u:%u</td>", g->gid, g->sid, g->rev);
		out_s(o, "<td class=s>");
		put_text(o, g->msg, g->msglen, RW_STR);
		out_s(o, "</td>");
		td_u(o, g->count);
		td_time(o, g->first, pg->nano);
		td_time(o, g->last, pg->nano);
		out_s(o, "<td>");
		qsort(g->times, g->ntimes, sizeof g->times[0], u64_cmp);
		for (unsigned j = 0; j < g->ntimes; j++) {
			if (j)
				out_s(o, "<br>");
			put_time(o, g->times[j], pg->nano, 0);
		}
		if (g->count > g->ntimes)
			out_f(o, "<br>&hellip; %llu more", (unsigned long long)(g->count - g->ntimes));
		out_s(o, "</td></tr>\n");
	}
	out_s(o, "</tbody></table>\n</section>\n");
}

/* ---- extracted files (--extract DIR: DIR/files.json) ---------------------- */

/* The fields of one files.json line the table shows.  Strings are kept
 * decoded (JSON escapes undone), cut to their buffers. */
struct fileinfo {
	char filename[RW_STR + 1];
	size_t filename_full;
	char sha256[65], md5[33];
	char app[32], state[16], src[48], dst[48], proto[8];
	char ts[40];
	uint64_t size;
	unsigned sport, dport;
	int stored, gaps;
};

struct jp {
	const char *p, *end;
	int depth;
};

static void jp_ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
		j->p++;
}

static int hexv(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A JSON string at j->p (past its opening quote) decoded into buf (cut at
 * cap - 1 bytes, NUL-terminated); *full gets the decoded length. 0, or -1. */
static int jp_string(struct jp *j, char *buf, size_t cap, size_t *full)
{
	size_t n = 0;
	while (j->p < j->end && *j->p != '"') {
		char tmp[4];
		size_t k = 1;
		unsigned c = (unsigned char)*j->p++;
		if (c == '\\') {
			if (j->p >= j->end)
				return -1;
			c = (unsigned char)*j->p++;
			switch (c) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'u': {
				if (j->end - j->p < 4)
					return -1;
				unsigned cp = 0;
				for (int i = 0; i < 4; i++) {
					int h = hexv(j->p[i]);
					if (h < 0)
						return -1;
					cp = cp << 4 | (unsigned)h;
				}
				j->p += 4;
				if (cp >= 0xd800 && cp <= 0xdbff && j->end - j->p >= 6 && j->p[0] == '\\' &&
				    j->p[1] == 'u') {
					unsigned lo = 0;
					int ok = 1;
					for (int i = 0; i < 4; i++) {
						int h = hexv(j->p[2 + i]);
						if (h < 0)
							ok = 0;
						lo = lo << 4 | (unsigned)(h < 0 ? 0 : h);
					}
					if (ok && lo >= 0xdc00 && lo <= 0xdfff) {
						cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
						j->p += 6;
					}
				}
				/* as UTF-8 (a lone surrogate stays invalid bytes,
				 * which put_text shows as \xNN) */
				if (cp < 0x80) {
					tmp[0] = (char)cp;
				} else if (cp < 0x800) {
					tmp[0] = (char)(0xc0 | cp >> 6);
					tmp[1] = (char)(0x80 | (cp & 0x3f));
					k = 2;
				} else if (cp < 0x10000) {
					tmp[0] = (char)(0xe0 | cp >> 12);
					tmp[1] = (char)(0x80 | (cp >> 6 & 0x3f));
					tmp[2] = (char)(0x80 | (cp & 0x3f));
					k = 3;
				} else {
					tmp[0] = (char)(0xf0 | cp >> 18);
					tmp[1] = (char)(0x80 | (cp >> 12 & 0x3f));
					tmp[2] = (char)(0x80 | (cp >> 6 & 0x3f));
					tmp[3] = (char)(0x80 | (cp & 0x3f));
					k = 4;
				}
				goto put;
			}
			default: break; /* " \ / */
			}
		}
		tmp[0] = (char)c;
put:
		for (size_t i = 0; i < k; i++, n++)
			if (n + 1 < cap)
				buf[n] = tmp[i];
	}
	if (j->p >= j->end)
		return -1;
	j->p++;
	buf[n + 1 < cap ? n : cap - 1] = 0;
	if (full)
		*full = n;
	return 0;
}

static void cpy(char *d, size_t cap, const char *s)
{
	size_t n = strnlen(s, cap - 1);
	memcpy(d, s, n);
	d[n] = 0;
}

static void fi_set(struct fileinfo *fi, const char *key, const char *val, size_t full, int isstr)
{
#define CP(f) cpy(fi->f, sizeof fi->f, val)
	if (isstr) {
		if (strcmp(key, "filename") == 0) {
			CP(filename);
			fi->filename_full = full;
		} else if (strcmp(key, "sha256") == 0) {
			CP(sha256);
		} else if (strcmp(key, "md5") == 0) {
			CP(md5);
		} else if (strcmp(key, "app_proto") == 0) {
			CP(app);
		} else if (strcmp(key, "state") == 0) {
			CP(state);
		} else if (strcmp(key, "src_ip") == 0) {
			CP(src);
		} else if (strcmp(key, "dest_ip") == 0) {
			CP(dst);
		} else if (strcmp(key, "proto") == 0) {
			CP(proto);
		} else if (strcmp(key, "timestamp") == 0) {
			CP(ts);
		}
	} else {
		if (strcmp(key, "size") == 0)
			fi->size = strtoull(val, NULL, 10);
		else if (strcmp(key, "src_port") == 0)
			fi->sport = (unsigned)strtoul(val, NULL, 10);
		else if (strcmp(key, "dest_port") == 0)
			fi->dport = (unsigned)strtoul(val, NULL, 10);
		else if (strcmp(key, "stored") == 0)
			fi->stored = val[0] == 't';
		else if (strcmp(key, "gaps") == 0)
			fi->gaps = val[0] == 't';
	}
#undef CP
}

/* An object at j->p (its '{' next); the values of the keys fi_set knows,
 * at any depth.  0, or -1 when it is not JSON. */
static int jp_object(struct jp *j, struct fileinfo *fi)
{
	if (++j->depth > 8)
		return -1;
	jp_ws(j);
	if (j->p >= j->end || *j->p != '{')
		return -1;
	j->p++;
	jp_ws(j);
	if (j->p < j->end && *j->p == '}') {
		j->p++;
		j->depth--;
		return 0;
	}
	for (;;) {
		char key[32], val[RW_STR + 1];
		size_t full = 0;
		jp_ws(j);
		if (j->p >= j->end || *j->p != '"')
			return -1;
		j->p++;
		if (jp_string(j, key, sizeof key, NULL) < 0)
			return -1;
		jp_ws(j);
		if (j->p >= j->end || *j->p != ':')
			return -1;
		j->p++;
		jp_ws(j);
		if (j->p >= j->end)
			return -1;
		if (*j->p == '{') {
			if (jp_object(j, fi) < 0)
				return -1;
		} else if (*j->p == '"') {
			j->p++;
			if (jp_string(j, val, sizeof val, &full) < 0)
				return -1;
			fi_set(fi, key, val, full, 1);
		} else if (*j->p == '[') {
			/* arrays are not needed: skipped, strings and nesting minded */
			int d = 0;
			do {
				if (*j->p == '"') {
					j->p++;
					if (jp_string(j, val, sizeof val, NULL) < 0)
						return -1;
					continue;
				}
				d += *j->p == '[' || *j->p == '{';
				d -= *j->p == ']' || *j->p == '}';
				j->p++;
			} while (d > 0 && j->p < j->end);
		} else {
			size_t n = 0;
			while (j->p < j->end && *j->p != ',' && *j->p != '}' && n < sizeof val - 1)
				val[n++] = *j->p++;
			val[n] = 0;
			fi_set(fi, key, val, n, 0);
		}
		jp_ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == '}') {
			j->p++;
			j->depth--;
			return 0;
		}
		return -1;
	}
}

static void sec_files(struct page *pg)
{
	struct out *o = pg->o;
	const char *dir = pg->r->opt->extract;
	if (!dir)
		return;
	char path[4096];
	snprintf(path, sizeof path, "%s/files.json", dir);
	FILE *fp = fopen(path, "r");
	sec_begin(o, "files", "Extracted files");
	if (!fp) {
		out_s(o, "<p>No files.json in the --extract directory.</p>\n</section>\n");
		return;
	}
	out_s(o, "<p class=note>From ");
	put_cs(o, path);
	out_s(o, " (hashes of the bytes seen).</p>\n<table id=\"files-table\" class=sortable><thead>"
		 "<tr><th>file name</th><th>bytes</th><th>SHA-256</th><th>MD5</th><th>protocol</th>"
		 "<th>from</th><th>to</th><th>time</th><th>state</th></tr></thead><tbody>\n");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned rows = 0;
	uint64_t more = 0, bad = 0;
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (rows == RW_FILES) {
			more++;
			continue;
		}
		struct fileinfo fi;
		memset(&fi, 0, sizeof fi);
		struct jp j = { line, line + len, 0 };
		if (jp_object(&j, &fi) < 0) {
			bad++;
			continue;
		}
		rows++;
		out_s(o, "<tr><td class=s>");
		put_text(o, fi.filename, strlen(fi.filename), RW_STR);
		if (fi.filename_full > strlen(fi.filename))
			out_f(o, "&hellip; (%zu bytes)", fi.filename_full);
		out_s(o, "</td>");
		td_u(o, fi.size);
		out_s(o, "<td class=s>");
		put_cs(o, fi.sha256);
		out_s(o, "</td><td class=s>");
		put_cs(o, fi.md5);
		out_s(o, "</td><td>");
		put_cs(o, fi.app);
		out_s(o, "</td><td>");
		put_cs(o, fi.src);
		out_f(o, ":%u</td><td>", fi.sport);
		put_cs(o, fi.dst);
		out_f(o, ":%u</td><td>", fi.dport);
		put_cs(o, fi.ts);
		out_s(o, "</td><td>");
		put_cs(o, fi.state);
		if (fi.gaps)
			out_s(o, ", gaps");
		if (!fi.stored)
			out_s(o, ", not stored");
		out_s(o, "</td></tr>\n");
	}
	free(line);
	fclose(fp);
	out_s(o, "</tbody></table>\n");
	if (!rows)
		out_s(o, "<p>No files were extracted.</p>\n");
	if (more)
		out_f(o, "<p class=note>%llu more files not listed.</p>\n", (unsigned long long)more);
	if (bad)
		out_f(o, "<p class=note>%llu lines of files.json not understood.</p>\n",
		      (unsigned long long)bad);
	out_s(o, "</section>\n");
}

/* ---- the page ------------------------------------------------------------ */

int report_write(struct report *r, struct summary *s, struct flowtab *t)
{
	struct out o;
	if (r->fd < 0)
		return 0; /* written already */
	if (out_init(&o, r->fd) < 0) {
		fprintf(stderr, "trawl: --report: out of memory\n");
		return -1;
	}
	struct sum_view *v = malloc(sizeof *v);
	struct collect c = { 0 };
	c.top = malloc(RW_CONV * sizeof *c.top);
	c.pairs = calloc(2 * RW_PAIR_MAX, sizeof *c.pairs);
	if (!v || !c.top) {
		free(v);
		free(c.top);
		free(c.pairs);
		out_free(&o);
		fprintf(stderr, "trawl: --report: out of memory\n");
		return -1;
	}
	summary_view(s, v);
	struct page pg = { .r = r, .o = &o, .v = v, .nano = r->nano };
	flows_each(t, collect_flow, &c, &pg.fst);

	put_head(&o, r->opt);
	out_s(&o, "<header><h1>trawl report: ");
	put_cs(&o, r->opt->rfile ? r->opt->rfile : r->opt->Vfile ? r->opt->Vfile :
		   r->opt->device ? r->opt->device : "capture");
	out_s(&o, "</h1></header>\n<nav aria-label=\"sections\"><a href=\"#overview\">Overview</a>"
		  "<a href=\"#time\">Over time</a><a href=\"#protocols\">Protocols</a>"
		  "<a href=\"#talkers\">Talkers</a><a href=\"#graph\">Graph</a>"
		  "<a href=\"#conversations\">Conversations</a><a href=\"#names\">Names</a>");
	if (r->alerts)
		out_s(&o, "<a href=\"#alerts\">Alerts</a>");
	if (r->opt->extract)
		out_s(&o, "<a href=\"#files\">Files</a>");
	out_s(&o, "</nav>\n<main>\n");
	sec_overview(&pg);
	sec_alerts(&pg);
	sec_time(&pg);
	sec_protocols(&pg);
	sec_talkers(&pg);
	sec_graph(&pg, &c);
	sec_conversations(&pg, &c);
	sec_names(&pg);
	sec_files(&pg);
	out_s(&o, "</main>\n<footer><p class=note>Written by trawl " TRAWL_VERSION ". This page is "
		  "self-contained: it loads nothing and sends nothing.</p></footer>\n<script>");
	out_s(&o, script);
	out_s(&o, "</script>\n</body>\n</html>\n");
	out_flush(&o);
	int rc = 0;
	if (o.failed || close(r->fd) < 0) {
		fprintf(stderr, "trawl: --report %s: %s\n", r->opt->report,
			strerror(o.failed ? o.failed : errno));
		rc = -1;
	}
	r->fd = -1;
	out_free(&o);
	free(v);
	free(c.top);
	free(c.pairs);
	return rc;
}
