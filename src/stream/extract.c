/* extract.c - --extract DIR (docs/streams.md).
 *
 * Each TCP direction that carries a byte gets a file in DIR, named as
 * tcpflow 1.6 names it, created with O_EXCL (DIR was empty when the run
 * began, so a name that exists is one of this run's: the same 4-tuple's
 * stream again after the flow table evicted it; its bytes are appended and
 * streams.json says where they start).  Resources are bounded: at most
 * X_FILES_MAX files are open at once (the least recently written one is
 * closed and reopened later with O_APPEND), each direction buffers up to
 * X_BUF bytes (allocated when it first has data, freed at its close) while
 * all buffers together stay under X_BUFMEM_MAX (beyond it, writes go
 * straight to the file), and the SHA-256 of each direction is computed as
 * its bytes arrive.  At a stream's close its files are flushed, their
 * mtime set to the direction's last packet, and an entry kept for
 * streams.json (a fixed-size record per direction with data). */
#include "extract.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "../analyze/json.h"
#include "../core/out.h"
#include "evetime.h"

#define X_FILES_MAX 128
#define X_BUF ((size_t)32 << 10)
#define X_BUFMEM_MAX ((size_t)64 << 20)
#define X_NAME_MAX 160

struct xstream;

struct xdir {
	int fd;                 /* -1 when not open */
	uint8_t created, failed, appended;
	int err;                /* errno of the failure */
	char *buf;              /* X_BUF bytes, or NULL */
	size_t blen;
	EVP_MD_CTX *md;         /* from the first byte on */
	uint64_t bytes, gaps, gap_bytes, file_off;
	struct stream_ts first, last; /* data calls' times (when the stream's are unset) */
	struct xdir *prev, *next;     /* open files, most recently written first */
	struct xstream *xs;
};

/* A TCP stream being extracted; what names its files is copied from the
 * stream at open. */
struct xstream {
	struct xstream *hnext;
	const struct stream *s;
	uint64_t id;
	uint8_t alen, has_vlan;
	uint16_t vlan;
	unsigned reuse;
	uint8_t addr[2][16];
	uint16_t port[2];
	struct xdir d[2];
};

enum {
	XF_SYN = 1, XF_FIN = 2, XF_RST = 4, XF_MID = 8, XF_APPENDED = 16, XF_FAILED = 32,
};

/* One direction's line in streams.json. */
struct xentry {
	uint64_t id, bytes, gaps, gap_bytes, file_off;
	struct stream_ts first, last;
	uint8_t src[16], dst[16];
	uint16_t sport, dport, vlan;
	uint8_t alen, dir, has_vlan, flags, closed;
	unsigned reuse;
	int err;
	uint8_t sha[32];
};

struct extract {
	char *dir;
	int dfd, jfd;
	int nano;
	/* live streams, by stream pointer */
	struct xstream **tab;
	size_t nbuckets, count;
	const struct stream *last_s;
	struct xstream *last_xs;
	/* open files */
	struct xdir *lru_head, *lru_tail;
	unsigned nopen;
	size_t bufmem;
	/* finished directions */
	struct xentry *ent;
	size_t nent, cap;
	int oom;
	/* the first write error, and how many directions had one */
	char err[512];
	uint64_t nfail;
};

/* ---- names ---- */

static size_t put_end(char *b, size_t room, const uint8_t *a, unsigned alen, unsigned port)
{
	int k;
	if (alen == 4) {
		k = snprintf(b, room, "%03u.%03u.%03u.%03u.%05u", a[0], a[1], a[2], a[3], port);
	} else {
		char t[INET6_ADDRSTRLEN];
		if (!inet_ntop(AF_INET6, a, t, sizeof t))
			strcpy(t, "?");
		k = snprintf(b, room, "%s.%05u", t, port);
	}
	return k < 0 ? 0 : (size_t)k < room ? (size_t)k : room - 1;
}

/* SRC.SPORT-DST.DPORT[--VLAN][cN], tcpflow 1.6's name. */
static void file_name(char *b, size_t room, const uint8_t *src, unsigned sport,
                      const uint8_t *dst, unsigned dport, unsigned alen, int has_vlan,
                      unsigned vlan, unsigned reuse)
{
	size_t k = put_end(b, room, src, alen, sport);
	if (k + 1 < room)
		b[k++] = '-';
	k += put_end(b + k, room - k, dst, alen, dport);
	if (has_vlan && k < room)
		k += (size_t)snprintf(b + k, room - k, "--%u", vlan);
	if (reuse && k < room)
		snprintf(b + k, room - k, "c%u", reuse);
}

static void dir_name(char *b, size_t room, const struct xstream *xs, int dir)
{
	file_name(b, room, xs->addr[dir], xs->port[dir], xs->addr[!dir], xs->port[!dir],
	          xs->alen, xs->has_vlan, xs->vlan, xs->reuse);
}

/* ---- the table of live streams ---- */

static size_t bucket(const struct extract *x, const struct stream *s)
{
	uint64_t h = (uint64_t)(uintptr_t)s;
	h ^= h >> 29;
	h *= 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 32) & (x->nbuckets - 1);
}

static int tab_grow(struct extract *x)
{
	size_t nb = x->nbuckets ? x->nbuckets * 2 : 256;
	struct xstream **t = calloc(nb, sizeof *t);
	if (!t)
		return -1;
	struct xstream **old = x->tab;
	size_t onb = x->nbuckets;
	x->tab = t;
	x->nbuckets = nb;
	for (size_t i = 0; i < onb; i++) {
		struct xstream *e = old[i];
		while (e) {
			struct xstream *nx = e->hnext;
			size_t b = bucket(x, e->s);
			e->hnext = t[b];
			t[b] = e;
			e = nx;
		}
	}
	free(old);
	return 0;
}

static struct xstream *lookup(struct extract *x, const struct stream *s)
{
	if (x->last_s == s)
		return x->last_xs;
	if (!x->nbuckets)
		return NULL;
	struct xstream *e = x->tab[bucket(x, s)];
	while (e && e->s != s)
		e = e->hnext;
	if (e) {
		x->last_s = s;
		x->last_xs = e;
	}
	return e;
}

static void unlink_stream(struct extract *x, struct xstream *xs)
{
	struct xstream **pp = &x->tab[bucket(x, xs->s)];
	while (*pp && *pp != xs)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = xs->hnext;
	x->count--;
	if (x->last_xs == xs) {
		x->last_s = NULL;
		x->last_xs = NULL;
	}
}

/* ---- files ---- */

static void lru_unlink(struct extract *x, struct xdir *d)
{
	if (d->prev)
		d->prev->next = d->next;
	else
		x->lru_head = d->next;
	if (d->next)
		d->next->prev = d->prev;
	else
		x->lru_tail = d->prev;
	d->prev = d->next = NULL;
}

static void lru_front(struct extract *x, struct xdir *d)
{
	d->prev = NULL;
	d->next = x->lru_head;
	if (x->lru_head)
		x->lru_head->prev = d;
	x->lru_head = d;
	if (!x->lru_tail)
		x->lru_tail = d;
}

static void close_fd(struct extract *x, struct xdir *d)
{
	if (d->fd < 0)
		return;
	lru_unlink(x, d);
	close(d->fd);
	d->fd = -1;
	x->nopen--;
}

static void fail(struct extract *x, struct xdir *d, int e)
{
	if (d->failed)
		return;
	d->failed = 1;
	d->err = e;
	if (x->nfail++ == 0) {
		char name[X_NAME_MAX];
		dir_name(name, sizeof name, d->xs, (int)(d - d->xs->d));
		snprintf(x->err, sizeof x->err, "--extract: %s/%s: %s", x->dir, name, strerror(e));
	}
	close_fd(x, d);
	if (d->buf) {
		free(d->buf);
		d->buf = NULL;
		x->bufmem -= X_BUF;
	}
	d->blen = 0;
}

static int open_fd(struct extract *x, struct xdir *d)
{
	if (d->fd >= 0) {
		if (x->lru_head != d) {
			lru_unlink(x, d);
			lru_front(x, d);
		}
		return 0;
	}
	if (x->nopen >= X_FILES_MAX && x->lru_tail)
		close_fd(x, x->lru_tail);
	char name[X_NAME_MAX];
	dir_name(name, sizeof name, d->xs, (int)(d - d->xs->d));
	int fd;
	if (!d->created) {
		fd = openat(x->dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
		if (fd < 0 && errno == EEXIST) {
			fd = openat(x->dfd, name, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
			struct stat sb;
			if (fd >= 0 && fstat(fd, &sb) == 0) {
				d->file_off = (uint64_t)sb.st_size;
				d->appended = 1;
			}
		}
	} else {
		fd = openat(x->dfd, name, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
	}
	if (fd < 0) {
		fail(x, d, errno);
		return -1;
	}
	d->created = 1;
	d->fd = fd;
	x->nopen++;
	lru_front(x, d);
	return 0;
}

static void write_all(struct extract *x, struct xdir *d, const uint8_t *p, size_t n)
{
	if (d->failed || n == 0 || open_fd(x, d) < 0)
		return;
	while (n > 0) {
		ssize_t w = write(d->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			fail(x, d, errno);
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

static void flush_buf(struct extract *x, struct xdir *d)
{
	if (d->blen) {
		size_t n = d->blen;
		d->blen = 0;
		write_all(x, d, (const uint8_t *)d->buf, n);
	}
}

static void put(struct extract *x, struct xdir *d, const uint8_t *p, size_t n)
{
	if (d->failed)
		return;
	if (!d->buf && x->bufmem + X_BUF <= X_BUFMEM_MAX) {
		d->buf = malloc(X_BUF);
		if (d->buf)
			x->bufmem += X_BUF;
	}
	if (!d->buf) {
		write_all(x, d, p, n); /* buffer memory spent: straight through */
		return;
	}
	if (d->blen + n > X_BUF) {
		flush_buf(x, d);
		if (d->failed)
			return;
	}
	if (n >= X_BUF) {
		write_all(x, d, p, n);
		return;
	}
	memcpy(d->buf + d->blen, p, n);
	d->blen += n;
}

/* ---- the consumer ---- */

static void on_open(void *ctx, struct stream *s)
{
	struct extract *x = ctx;
	if (s->proto != 6 || (s->alen != 4 && s->alen != 16))
		return;
	if (x->count >= x->nbuckets && tab_grow(x) < 0 && !x->nbuckets) {
		x->oom = 1;
		return;
	}
	struct xstream *xs = calloc(1, sizeof *xs);
	if (!xs) {
		x->oom = 1;
		return;
	}
	xs->s = s;
	xs->id = s->id;
	xs->alen = s->alen;
	xs->has_vlan = s->has_vlan ? 1 : 0;
	xs->vlan = s->vlan;
	xs->reuse = s->reuse;
	for (int i = 0; i < 2; i++) {
		memcpy(xs->addr[i], s->side[i].addr, 16);
		xs->port[i] = s->side[i].port;
		xs->d[i].fd = -1;
		xs->d[i].xs = xs;
	}
	size_t b = bucket(x, s);
	xs->hnext = x->tab[b];
	x->tab[b] = xs;
	x->count++;
}

static void on_data(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p,
                    size_t n, const struct stream_ts *ts)
{
	(void)off;
	struct extract *x = ctx;
	if (s->proto != 6 || n == 0)
		return;
	struct xstream *xs = lookup(x, s);
	if (!xs)
		return;
	struct xdir *d = &xs->d[dir ? 1 : 0];
	if (!d->md) {
		d->md = EVP_MD_CTX_new();
		if (!d->md || !EVP_DigestInit_ex(d->md, EVP_sha256(), NULL)) {
			EVP_MD_CTX_free(d->md);
			d->md = NULL;
			x->oom = 1;
			return;
		}
		d->first = *ts;
	}
	EVP_DigestUpdate(d->md, p, n);
	d->bytes += n;
	d->last = *ts;
	put(x, d, p, n);
}

static void on_gap(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n,
                   const struct stream_ts *ts)
{
	(void)off;
	(void)ts;
	struct extract *x = ctx;
	if (s->proto != 6)
		return;
	struct xstream *xs = lookup(x, s);
	if (!xs)
		return;
	struct xdir *d = &xs->d[dir ? 1 : 0];
	d->gaps++;
	d->gap_bytes += n;
}

static int ts_set(const struct stream_ts *t)
{
	return t->sec || t->frac;
}

static void set_mtime(struct extract *x, struct xdir *d, const struct stream_ts *t)
{
	if (!d->created || d->failed)
		return;
	struct timespec tv[2];
	tv[0].tv_sec = (time_t)t->sec;
	tv[0].tv_nsec = x->nano ? (long)(t->frac % 1000000000u) : (long)(t->frac % 1000000u) * 1000;
	tv[1] = tv[0];
	if (d->fd >= 0) {
		futimens(d->fd, tv);
	} else {
		char name[X_NAME_MAX];
		dir_name(name, sizeof name, d->xs, (int)(d - d->xs->d));
		utimensat(x->dfd, name, tv, AT_SYMLINK_NOFOLLOW);
	}
}

/* Flushes one direction, keeps its entry, and frees what it held.  s is
 * NULL for a stream that was never closed (extract_finish). */
static void finish_dir(struct extract *x, struct xstream *xs, int dir, const struct stream *s)
{
	struct xdir *d = &xs->d[dir];
	if (d->bytes > 0 && d->md) {
		flush_buf(x, d);
		struct xentry e;
		memset(&e, 0, sizeof e);
		e.id = xs->id;
		e.dir = (uint8_t)dir;
		e.alen = xs->alen;
		memcpy(e.src, xs->addr[dir], 16);
		memcpy(e.dst, xs->addr[!dir], 16);
		e.sport = xs->port[dir];
		e.dport = xs->port[!dir];
		e.has_vlan = xs->has_vlan;
		e.vlan = xs->vlan;
		e.reuse = xs->reuse;
		e.bytes = d->bytes;
		e.gaps = d->gaps;
		e.gap_bytes = d->gap_bytes;
		e.file_off = d->file_off;
		e.first = d->first;
		e.last = d->last;
		e.closed = STREAM_END;
		if (s) {
			const struct stream_side *sd = &s->side[dir];
			if (ts_set(&sd->first))
				e.first = sd->first;
			if (ts_set(&sd->last))
				e.last = sd->last;
			e.flags |= (sd->syn ? XF_SYN : 0) | (sd->fin ? XF_FIN : 0) |
				   (sd->rst ? XF_RST : 0) | (s->midstream ? XF_MID : 0);
			if (s->closed != STREAM_OPEN)
				e.closed = s->closed;
		}
		if (d->appended)
			e.flags |= XF_APPENDED;
		if (d->failed) {
			e.flags |= XF_FAILED;
			e.err = d->err;
		}
		unsigned len = 0;
		if (!EVP_DigestFinal_ex(d->md, e.sha, &len))
			memset(e.sha, 0, sizeof e.sha);
		set_mtime(x, d, &e.last);
		if (x->nent == x->cap) {
			size_t nc = x->cap ? x->cap * 2 : 64;
			struct xentry *ne = realloc(x->ent, nc * sizeof *ne);
			if (ne) {
				x->ent = ne;
				x->cap = nc;
			}
		}
		if (x->nent < x->cap)
			x->ent[x->nent++] = e;
		else
			x->oom = 1;
	}
	close_fd(x, d);
	if (d->buf) {
		free(d->buf);
		d->buf = NULL;
		x->bufmem -= X_BUF;
	}
	EVP_MD_CTX_free(d->md);
	d->md = NULL;
}

static void on_close(void *ctx, struct stream *s)
{
	struct extract *x = ctx;
	if (s->proto != 6)
		return;
	struct xstream *xs = lookup(x, s);
	if (!xs)
		return;
	unlink_stream(x, xs);
	finish_dir(x, xs, 0, s);
	finish_dir(x, xs, 1, s);
	free(xs);
}

void extract_consumer(struct extract *x, struct stream_consumer *c)
{
	memset(c, 0, sizeof *c);
	c->ctx = x;
	c->open = on_open;
	c->data = on_data;
	c->gap = on_gap;
	c->close = on_close;
}

/* ---- the directory ---- */

struct extract *extract_new(const char *dir, int nano, char *err, size_t errlen)
{
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "--extract: %s: %s", dir, strerror(errno));
		return NULL;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0) {
		snprintf(err, errlen, "--extract: %s: %s", dir, strerror(errno));
		return NULL;
	}
	int dup_fd = dup(dfd);
	DIR *dp = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
	if (!dp) {
		snprintf(err, errlen, "--extract: %s: %s", dir, strerror(errno));
		if (dup_fd >= 0)
			close(dup_fd);
		close(dfd);
		return NULL;
	}
	int empty = 1;
	const struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			empty = 0;
			break;
		}
	}
	closedir(dp);
	if (!empty) {
		snprintf(err, errlen,
		         "--extract: %s: directory is not empty (trawl does not overwrite an earlier extraction)",
		         dir);
		close(dfd);
		return NULL;
	}
	/* streams.json now: proves DIR writable before any packet is read */
	int jfd = openat(dfd, "streams.json", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (jfd < 0) {
		snprintf(err, errlen, "--extract: %s: %s", dir, strerror(errno));
		close(dfd);
		return NULL;
	}
	struct extract *x = calloc(1, sizeof *x);
	if (x)
		x->dir = strdup(dir);
	if (!x || !x->dir || tab_grow(x) < 0) {
		snprintf(err, errlen, "--extract: %s: out of memory", dir);
		if (x)
			free(x->dir);
		free(x);
		close(jfd);
		close(dfd);
		return NULL;
	}
	x->dfd = dfd;
	x->jfd = jfd;
	x->nano = nano;
	return x;
}

/* ---- streams.json ---- */

static int ent_cmp(const void *a, const void *b)
{
	const struct xentry *p = a, *q = b;
	if (p->id != q->id)
		return p->id < q->id ? -1 : 1;
	return (int)p->dir - (int)q->dir;
}

static const char *closed_name(unsigned c)
{
	switch (c) {
	case STREAM_FIN: return "fin";
	case STREAM_RST: return "rst";
	case STREAM_REUSED: return "reused";
	case STREAM_EVICTED: return "evicted";
	default: return "end";
	}
}

static void put_bool(struct out *o, const char *key, int v)
{
	out_s(o, key);
	out_s(o, v ? "true" : "false");
}

static void put_entry(struct out *o, struct eve_clock *clk, const struct xentry *e, int nano)
{
	char name[X_NAME_MAX];
	file_name(name, sizeof name, e->src, e->sport, e->dst, e->dport, e->alen, e->has_vlan,
	          e->vlan, e->reuse);
	out_s(o, "{\"file\":");
	json_cstr(o, name);
	out_s(o, ",\"stream_id\":");
	out_u(o, e->id);
	out_s(o, e->dir ? ",\"direction\":\"to_client\"" : ",\"direction\":\"to_server\"");
	out_s(o, ",\"proto\":\"TCP\",\"src_ip\":");
	json_addr(o, e->src, e->alen);
	out_s(o, ",\"src_port\":");
	out_u(o, e->sport);
	out_s(o, ",\"dest_ip\":");
	json_addr(o, e->dst, e->alen);
	out_s(o, ",\"dest_port\":");
	out_u(o, e->dport);
	if (e->has_vlan) {
		out_s(o, ",\"vlan\":");
		out_u(o, e->vlan);
	}
	out_s(o, ",\"first\":\"");
	eve_put_time(o, clk, e->first.sec, e->first.frac, nano);
	out_s(o, "\",\"last\":\"");
	eve_put_time(o, clk, e->last.sec, e->last.frac, nano);
	out_s(o, "\",\"bytes\":");
	out_u(o, e->bytes);
	out_s(o, ",\"gaps\":");
	out_u(o, e->gaps);
	out_s(o, ",\"gap_bytes\":");
	out_u(o, e->gap_bytes);
	out_s(o, ",\"sha256\":\"");
	for (int i = 0; i < 32; i++)
		out_x(o, e->sha[i], 2);
	out_c(o, '"');
	put_bool(o, ",\"syn\":", e->flags & XF_SYN);
	put_bool(o, ",\"fin\":", e->flags & XF_FIN);
	put_bool(o, ",\"rst\":", e->flags & XF_RST);
	put_bool(o, ",\"midstream\":", e->flags & XF_MID);
	out_s(o, ",\"closed\":\"");
	out_s(o, closed_name(e->closed));
	out_c(o, '"');
	if (e->flags & XF_APPENDED) {
		out_s(o, ",\"file_offset\":");
		out_u(o, e->file_off);
	}
	if (e->flags & XF_FAILED) {
		out_s(o, ",\"write_error\":");
		json_cstr(o, strerror(e->err));
	}
	out_c(o, '}');
}

static void put_stat(struct out *o, const char *key, uint64_t v)
{
	out_s(o, key);
	out_u(o, v);
}

static void put_stats(struct out *o, const struct stream_stats *st)
{
	static const struct stream_stats zero;
	if (!st)
		st = &zero;
	put_stat(o, "\"stats\":{\"tcp_streams\":", st->tcp_streams);
	put_stat(o, ",\"udp_streams\":", st->udp_streams);
	put_stat(o, ",\"bytes\":", st->bytes);
	put_stat(o, ",\"retrans\":", st->retrans);
	put_stat(o, ",\"retrans_differ\":", st->retrans_differ);
	put_stat(o, ",\"out_of_order\":", st->out_of_order);
	put_stat(o, ",\"overlaps\":", st->overlaps);
	put_stat(o, ",\"gaps\":", st->gaps);
	put_stat(o, ",\"gap_bytes\":", st->gap_bytes);
	put_stat(o, ",\"gap_flow_mem\":", st->gap_flow_mem);
	put_stat(o, ",\"gap_total_mem\":", st->gap_total_mem);
	put_stat(o, ",\"evicted\":", st->evicted);
	put_stat(o, ",\"truncated\":", st->truncated);
	put_stat(o, ",\"frag_fragments\":", st->frag_fragments);
	put_stat(o, ",\"frag_datagrams\":", st->frag_datagrams);
	put_stat(o, ",\"frag_timeout\":", st->frag_timeout);
	put_stat(o, ",\"frag_mem\":", st->frag_mem);
	put_stat(o, ",\"frag_bad\":", st->frag_bad);
	put_stat(o, ",\"frag_overlaps\":", st->frag_overlaps);
	out_c(o, '}');
}

int extract_finish(struct extract *x, const struct stream_stats *st, char *err, size_t errlen)
{
	/* streams_finish() closed every stream; any left were never closed */
	for (size_t i = 0; i < x->nbuckets; i++) {
		while (x->tab[i]) {
			struct xstream *xs = x->tab[i];
			unlink_stream(x, xs);
			finish_dir(x, xs, 0, NULL);
			finish_dir(x, xs, 1, NULL);
			free(xs);
		}
	}
	if (x->jfd < 0) {
		snprintf(err, errlen, "--extract: %s/streams.json: already written", x->dir);
		return -1;
	}
	if (x->nent > 1)
		qsort(x->ent, x->nent, sizeof *x->ent, ent_cmp);
	struct out o;
	int rc = 0;
	if (out_init(&o, x->jfd) < 0) {
		snprintf(err, errlen, "--extract: %s/streams.json: out of memory", x->dir);
		rc = -1;
	} else {
		struct eve_clock clk;
		memset(&clk, 0, sizeof clk);
		out_s(&o, "{\"streams\":[");
		for (size_t i = 0; i < x->nent; i++) {
			out_s(&o, i ? ",\n" : "\n");
			put_entry(&o, &clk, &x->ent[i], x->nano);
			out_reserve(&o, OUT_SLACK);
		}
		out_s(&o, "\n],\n");
		put_stats(&o, st);
		out_s(&o, "}\n");
		out_flush(&o);
		int e = o.failed;
		out_free(&o);
		if (close(x->jfd) != 0 && !e)
			e = errno;
		x->jfd = -1;
		if (e) {
			snprintf(err, errlen, "--extract: %s/streams.json: %s", x->dir, strerror(e));
			rc = -1;
		}
	}
	if (x->nfail) {
		/* a file's write error comes first: it is the data that is incomplete */
		if (x->nfail > 1)
			snprintf(err, errlen, "%s (and %llu more files)", x->err,
			         (unsigned long long)(x->nfail - 1));
		else
			snprintf(err, errlen, "%s", x->err);
		rc = -1;
	} else if (x->oom && rc == 0) {
		snprintf(err, errlen, "--extract: %s: out of memory (some streams not extracted)",
		         x->dir);
		rc = -1;
	}
	return rc;
}

void extract_free(struct extract *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nbuckets; i++) {
		struct xstream *xs = x->tab[i];
		while (xs) {
			struct xstream *nx = xs->hnext;
			for (int k = 0; k < 2; k++) {
				if (xs->d[k].fd >= 0)
					close(xs->d[k].fd);
				free(xs->d[k].buf);
				EVP_MD_CTX_free(xs->d[k].md);
			}
			free(xs);
			xs = nx;
		}
	}
	free(x->tab);
	free(x->ent);
	if (x->jfd >= 0)
		close(x->jfd);
	if (x->dfd >= 0)
		close(x->dfd);
	free(x->dir);
	free(x);
}
