/* mapread.c - a reader for classic pcap savefiles: -r FILE for printing,
 * writing (-w) and the reports alike.
 *
 * libpcap reads a savefile with fread: every byte is copied twice (kernel to
 * stdio, stdio to its buffer), with two calls per packet.  Here each record
 * is handed to the same callback pcap_loop would call, after the same BPF
 * filter (pcap_offline_filter), from a window onto the file that slides
 * (so memory stays bounded whatever the file's size): either read into a
 * buffer with pread (printing, -w, the streams and sessions: win_buffered,
 * measured faster than a mapping on this project's VM), or the file mapped
 * read-only, where a consumer keeps using the bytes after the callback
 * (--sessions' hashing thread) or tables must stay in the caches
 * (--summary's two halves: a copy streamed through the caches evicted its
 * tables).  Anything this reader does not handle (pcapng, stdin, a pipe) is
 * left to libpcap.  Writing (-w, mapread_loop_write) also runs the filter
 * on two threads.  Damaged files stop with libpcap's messages and exit
 * status 1. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mapread.h"
#include "progress.h"

#define MAX_CAPLEN 262144u
#define WINDOW (4u << 20) /* what is mapped counts in RSS: 4 MiB keeps print within 32 MiB */

static uint32_t get32(const uint8_t *p, int swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

/* Positions libpcap's own stream at the record at off, so that pcap_loop
 * carries on from there with libpcap's handling of what this reader does not
 * take on (records longer than the snapshot length, damage). */
static int hand_back(pcap_t *p, size_t off)
{
	FILE *f = pcap_file(p);
	if (!f || fseeko(f, (off_t)off, SEEK_SET) != 0)
		return 1;
	return MAPREAD_RESUME;
}

/* One open savefile and its format. */
struct mfile {
	const char *path;
	const struct options *opt;
	int fd;
	size_t size;
	int swap, nano;
	uint32_t snap;
	const struct mapread_keep *keep; /* NULL: the mappings are ours alone */
	size_t pf_dist; /* read_records prefetches the file this far ahead (0: no) */
};

/* A reader's window onto the file: bytes [base, base + mlen) at m. */
struct win {
	const uint8_t *m;
	size_t base, mlen;
	size_t want; /* bytes to map (0: WINDOW) */
	uint8_t *own; /* not NULL: the window is read into this buffer of cap bytes */
	size_t cap;
};

/* Opens path when it is a classic pcap file this reader handles. */
static int mfile_open(struct mfile *f, const char *path, const struct options *opt)
{
	if (!path || strcmp(path, "-") == 0)
		return -1;
	f->path = path;
	f->opt = opt;
	f->keep = NULL;
	f->pf_dist = 0;
	f->fd = open(path, O_RDONLY);
	if (f->fd < 0)
		return -1;
	struct stat st;
	uint8_t head[24];
	if (fstat(f->fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < 24 ||
	    pread(f->fd, head, 24, 0) != 24) {
		close(f->fd);
		return -1;
	}
	f->size = (size_t)st.st_size;
	uint32_t magic;
	memcpy(&magic, head, 4);
	if (magic == 0xa1b2c3d4u || magic == 0xa1b23c4du) {
		f->swap = 0;
		f->nano = magic == 0xa1b23c4du;
	} else if (magic == 0xd4c3b2a1u || magic == 0x4d3cb2a1u) {
		f->swap = 1;
		f->nano = magic == 0x4d3cb2a1u;
	} else {
		close(f->fd);
		return -1;
	}
	f->snap = get32(head + 16, f->swap);
	if (f->snap == 0 || f->snap > MAX_CAPLEN)
		f->snap = MAX_CAPLEN;
	return 0;
}

/* Makes the record at off readable in w (with room for the largest record
 * that may start there); 0, or -1 when the mapping failed (said). */
static int win_slide(const struct mfile *f, struct win *w, size_t off);

static inline int win_at(const struct mfile *f, struct win *w, size_t off)
{
	size_t need = 16 + MAX_CAPLEN;
	if (need > f->size - off)
		need = f->size - off;
	if (__builtin_expect(w->m && off >= w->base && off + need <= w->base + w->mlen, 1))
		return 0;
	return win_slide(f, w, off);
}

/* Slides the window to start at the page holding off. */
static void win_unmap(const struct mfile *f, struct win *w)
{
	if (!w->m)
		return;
	if (w->own)
		;
	else if (f->keep)
		f->keep->retire(f->keep->ctx, (void *)w->m, w->mlen);
	else
		munmap((void *)w->m, w->mlen);
	w->m = NULL;
}

static int win_slide(const struct mfile *f, struct win *w, size_t off)
{
	win_unmap(f, w);
	w->base = off & ~(size_t)4095;
	size_t want = w->want ? w->want : WINDOW;
	if (want < 4096 + 16 + MAX_CAPLEN) /* the largest record from any offset of the page */
		want = 4096 + 16 + MAX_CAPLEN;
	w->mlen = f->size - w->base < want ? f->size - w->base : want;
	if (w->own) {
		size_t got = 0;
		if (w->mlen > w->cap) {
			errno = EINVAL;
			got = SIZE_MAX;
		}
		while (got < w->mlen) {
			ssize_t n = pread(f->fd, w->own + got, w->mlen - got, (off_t)(w->base + got));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				if (n == 0)
					errno = EIO; /* the file shrank */
				got = SIZE_MAX;
				break;
			}
			got += (size_t)n;
		}
		if (got == SIZE_MAX) {
			fprintf(stderr, "trawl: %s: %s\n", f->path, strerror(errno));
			return -1;
		}
		w->m = w->own;
		return 0;
	}
	void *m = mmap(NULL, w->mlen, PROT_READ, MAP_PRIVATE | MAP_POPULATE, f->fd, (off_t)w->base);
	if (m == MAP_FAILED) {
		fprintf(stderr, "trawl: %s: %s\n", f->path, strerror(errno));
		w->m = NULL;
		return -1;
	}
	w->m = m;
	if (f->keep)
		f->keep->mapped(f->keep->ctx, m, w->mlen);
	return 0;
}

static void win_close(const struct mfile *f, struct win *w)
{
	win_unmap(f, w);
	free(w->own);
	w->own = NULL;
}

static void win_own(struct win *w, size_t chunk);

/* Bytes a sequential reader reads at a time into its buffer (win_buffered). */
#define READBUF (1u << 20)

/* Makes w a window read into a buffer of READBUF bytes and more (pread),
 * for a reader that goes through the file once, in order, and holds no
 * record past its callback.  Measured on real-300 (the 2-core VM, idle):
 * trawl -n took 0.18-0.19 s this way against 0.29-0.30 s through the
 * mapping, -n -v 0.33 against 0.47: the first load of each mapped page's
 * records waited on a page walk (4 KiB pages, nested under the VM's), where
 * the buffer's pages stay in the TLB and the kernel's copy streams. */
static void win_buffered(struct win *w)
{
	w->want = READBUF;
	win_own(w, READBUF);
	if (!w->own)
		w->want = 0;
}

/* The record at off when it is one this reader takes (caplen within the
 * snapshot length and inside the file): its length with the header, else 0. */
static inline size_t record_at(const struct mfile *f, const uint8_t *r, size_t off)
{
	if (f->size - off < 16)
		return 0;
	uint32_t caplen = get32(r + 8, f->swap);
	if (caplen > f->snap || f->size - off - 16 < caplen)
		return 0;
	return 16 + (size_t)caplen;
}

/* The pcap_pkthdr libpcap would make of the record r of length rl. */
static inline void record_hdr(const struct mfile *f, const uint8_t *r, size_t rl,
                              struct pcap_pkthdr *h)
{
	uint32_t sec = get32(r, f->swap), frac = get32(r + 4, f->swap);
	/* libpcap reads the seconds and the fraction signed in a file of this
	 * machine's byte order, unsigned in a byte-swapped one (which shows
	 * in -ttt and -ttttt past 2038), then scales the fraction in a long:
	 * an invalid one of 2^31 and more is negative there, and divided
	 * toward zero */
	h->ts.tv_sec = f->swap ? (time_t)sec : (time_t)(int32_t)sec;
	int64_t fr = f->swap ? (int64_t)frac : (int64_t)(int32_t)frac;
	if (f->nano && !f->opt->nano)
		fr /= 1000;
	else if (!f->nano && f->opt->nano)
		fr *= 1000;
	h->ts.tv_usec = (suseconds_t)fr;
	h->caplen = (uint32_t)(rl - 16);
	h->len = get32(r + 12, f->swap);
}

/* Prefetches the lines of the window from *pf up to off + f->pf_dist: the
 * hardware's own prefetching stops at each page, and a record's header is
 * otherwise a wait on memory each time. */
static inline void stream_ahead(const struct mfile *f, const struct win *w, size_t *pf, size_t off)
{
	size_t lim = off + f->pf_dist;
	if (lim > w->base + w->mlen)
		lim = w->base + w->mlen;
	size_t q = *pf > off ? *pf : off;
	for (; q < lim; q += 64)
		__builtin_prefetch(w->m + (q - w->base));
	*pf = q;
}

#define READ_END 0
#define READ_STOPPED 1 /* finished(user) said so */
#define READ_DAMAGED 2 /* *offp is a record left to libpcap */
#define READ_FAILED 3  /* a mapping failed (said) */

/* Hands the records from *offp up to stop (a record boundary, or the end)
 * through the filter to cb.  When split is given, stop is read from it as
 * the records go (another thread publishes it); until it is published, the
 * records before half are safe to read, since the split is never earlier. */
static int read_records(const struct mfile *f, struct win *w, const struct bpf_program *prog,
                        size_t *offp, size_t stop, _Atomic size_t *split, size_t half,
                        const atomic_int *abandon,
                        pcap_handler cb, int (*finished)(u_char *user), u_char *user)
{
	size_t off = *offp;
	size_t pf = off;
	struct pcap_pkthdr h;
	int rc = READ_END;
	for (;;) {
		if (split) {
			stop = atomic_load_explicit(split, memory_order_acquire);
			while (stop == SIZE_MAX && off >= half) { /* not yet known */
				sched_yield();
				stop = atomic_load_explicit(split, memory_order_acquire);
			}
		}
		if (off >= stop || off >= f->size)
			break;
		if (abandon && atomic_load_explicit(abandon, memory_order_relaxed))
			break;
		if (f->size - off < 16) {
			rc = READ_DAMAGED;
			break;
		}
		if (win_at(f, w, off) < 0) {
			rc = READ_FAILED;
			break;
		}
		const uint8_t *r = w->m + (off - w->base);
		size_t rl = record_at(f, r, off);
		if (rl == 0) { /* oversized or cut short: libpcap's own rules and messages */
			rc = READ_DAMAGED;
			break;
		}
		record_hdr(f, r, rl, &h);
		off += rl;
		if (off + 128 <= w->base + w->mlen) { /* the next record, while this one is decoded */
			__builtin_prefetch(w->m + (off - w->base));
			__builtin_prefetch(w->m + (off - w->base) + 64);
		}
		if (f->pf_dist)
			stream_ahead(f, w, &pf, off);
		if (!abandon) /* the thread reading the start: the progress line */
			progress_packet(split ? 2 * off : off);
		if (prog && !pcap_offline_filter(prog, &h, r + 16))
			continue;
		cb(user, &h, r + 16);
		if (finished && finished(user)) {
			rc = READ_STOPPED;
			break;
		}
	}
	*offp = off;
	return rc;
}

/* The filter compiled as source_set_filter compiles it for files (netmask
 * 0); -1 when libpcap rejects it (its own path then reports it). */
static int compile(pcap_t *p, const struct options *opt, struct bpf_program *prog)
{
	if (!opt->filter)
		return 0;
	if (pcap_compile(p, prog, opt->filter, !opt->Oflag, 0) < 0)
		return -1;
	return 1;
}

int mapread_loop(pcap_t *p, const char *path, const struct options *opt,
                 pcap_handler cb, int (*finished)(u_char *user), u_char *user)
{
	return mapread_loop_kept(p, path, opt, cb, finished, user, NULL);
}

int mapread_loop_kept(pcap_t *p, const char *path, const struct options *opt,
                      pcap_handler cb, int (*finished)(u_char *user), u_char *user,
                      const struct mapread_keep *keep)
{
	struct mfile f;
	if (mfile_open(&f, path, opt) < 0)
		return MAPREAD_DECLINED;
	f.keep = keep;
	struct bpf_program prog;
	int have_prog = compile(p, opt, &prog);
	if (have_prog < 0) {
		close(f.fd);
		return MAPREAD_DECLINED;
	}
	struct win w = { 0 };
	if (!keep) /* the hashing thread reads file bytes in the mapping after the callback */
		win_buffered(&w);
	size_t off = 24;
	int r = read_records(&f, &w, have_prog ? &prog : NULL, &off, SIZE_MAX, NULL, 0, NULL,
			     cb, finished, user);
	int rc = r == READ_FAILED ? 1 : r == READ_DAMAGED ? hand_back(p, off) : 0;
	if (have_prog)
		pcap_freecode(&prog);
	win_close(&f, &w);
	close(f.fd);
	return rc;
}

int mapread_takes(const char *path, const struct options *opt, size_t *size)
{
	struct mfile f;
	if (mfile_open(&f, path, opt) < 0)
		return 0;
	*size = f.size;
	close(f.fd);
	return 1;
}

int mapread_compile(pcap_t *p, const struct options *opt, struct bpf_program *prog)
{
	return compile(p, opt, prog);
}

/* The whole of f for a thread other than the one that shows the progress
 * line (read_records leaves the line alone when given an abandon flag). */
static int read_quiet(const struct mfile *f, const struct bpf_program *prog,
                      const atomic_int *abandon, pcap_handler cb,
                      int (*finished)(u_char *user), u_char *user, size_t *offp)
{
	struct win w = { 0 };
	win_buffered(&w);
	size_t off = 24;
	int r = read_records(f, &w, prog, &off, SIZE_MAX, NULL, 0, abandon, cb, finished, user);
	win_close(f, &w);
	*offp = off;
	return r;
}

int mapread_follow(const char *path, const struct options *opt, const struct bpf_program *prog,
                   const atomic_int *abandon, pcap_handler cb,
                   int (*finished)(u_char *user), u_char *user)
{
	struct mfile f;
	if (mfile_open(&f, path, opt) < 0)
		return MAPREAD_DECLINED;
	size_t off;
	int r = read_quiet(&f, prog, abandon, cb, finished, user, &off);
	close(f.fd);
	return r == READ_FAILED ? 1 : r == READ_DAMAGED ? MAPREAD_RESUME : 0;
}

/* mapread_loop for a thread other than the one that shows the progress
 * line. */
int mapread_loop_bg(pcap_t *p, const char *path, const struct options *opt,
                    pcap_handler cb, u_char *user)
{
	struct mfile f;
	if (mfile_open(&f, path, opt) < 0)
		return MAPREAD_DECLINED;
	struct bpf_program prog;
	int have_prog = compile(p, opt, &prog);
	if (have_prog < 0) {
		close(f.fd);
		return MAPREAD_DECLINED;
	}
	atomic_int never = 0;
	size_t off;
	int r = read_quiet(&f, have_prog ? &prog : NULL, &never, cb, NULL, user, &off);
	int rc = r == READ_FAILED ? 1 : r == READ_DAMAGED ? hand_back(p, off) : 0;
	if (have_prog)
		pcap_freecode(&prog);
	close(f.fd);
	return rc;
}

/* ---- two halves in two threads ----------------------------------------- */

struct half2 {
	const struct mfile *f;
	const struct bpf_program *prog;
	_Atomic size_t split;   /* the second half's first record; SIZE_MAX until known */
	atomic_int abandon;     /* the split proved wrong: the second half is not wanted */
	pcap_handler cb;
	u_char *user2;
	size_t off;             /* where the second half stopped */
	int rc;
};

#define RESYNC_SPAN (1u << 20) /* how far past the middle a boundary is looked for */
#define RESYNC_CHAIN 32        /* records that must follow one another exactly */

/* A record boundary at or after from, found without reading the file from
 * its start: the first offset where RESYNC_CHAIN records (or all up to the
 * end) follow one another with believable headers.  A guess, which the first
 * thread checks by landing on it exactly; f->size when there is none. */
/* Whether the record at r (at o) is believable where a boundary is guessed:
 * within ten years of the first packet, a valid fraction, a wire length no
 * shorter than the captured one.  Its length with the header, else 0. */
static inline size_t believable(const struct mfile *f, const uint8_t *r, size_t o, uint32_t sec0)
{
	uint32_t sec = get32(r, f->swap), frac = get32(r + 4, f->swap);
	uint32_t len = get32(r + 12, f->swap);
	size_t rl = record_at(f, r, o);
	if (rl == 0 || len < rl - 16 || len > MAX_CAPLEN ||
	    frac >= (f->nano ? 1000000000u : 1000000u) ||
	    (sec > sec0 ? sec - sec0 : sec0 - sec) > 315360000u)
		return 0;
	return rl;
}

static size_t resync(const struct mfile *f, struct win *w, size_t from, uint32_t sec0)
{
	size_t end = from + RESYNC_SPAN;
	size_t c = from;
	while (c < end && c + 16 <= f->size) {
		if (win_at(f, w, c) < 0)
			return f->size;
		/* the offsets whose own header is not believable, quickly: a
		 * guess in a long packet's payload passes many of them */
		size_t lim = w->base + w->mlen - 15;
		if (lim > end)
			lim = end;
		if (lim > f->size - 15)
			lim = f->size - 15;
		while (c < lim) {
			const uint8_t *r = w->m + (c - w->base);
			uint32_t caplen = get32(r + 8, f->swap), sec = get32(r, f->swap);
			if (caplen <= f->snap && (sec > sec0 ? sec - sec0 : sec0 - sec) <= 315360000u)
				break;
			c++;
		}
		if (c >= lim)
			continue; /* the window's end (slid next time round), or the span's */
		size_t o = c;
		unsigned n = 0;
		while (n < RESYNC_CHAIN && o + 16 <= f->size) {
			if (win_at(f, w, o) < 0)
				return f->size;
			size_t rl = believable(f, w->m + (o - w->base), o, sec0);
			if (rl == 0)
				break;
			o += rl;
			n++;
		}
		if (n == RESYNC_CHAIN || (n > 0 && o == f->size))
			return c;
		c++;
	}
	return f->size;
}

/* The second thread: guesses the first record boundary after the middle,
 * publishes it, and reads from there unless told its half is not wanted. */
static void *second_half(void *arg)
{
	struct half2 *t = arg;
	const struct mfile *f = t->f;
	struct win w = { 0 };
	uint32_t sec0 = 0;
	if (win_at(f, &w, 24) == 0 && f->size >= 24 + 16)
		sec0 = get32(w.m + (24 - w.base), f->swap);
	size_t off = w.m ? resync(f, &w, f->size / 2, sec0) : f->size;
	atomic_store_explicit(&t->split, off, memory_order_release);
	t->rc = READ_END;
	if (off < f->size)
		t->rc = read_records(f, &w, t->prog, &off, SIZE_MAX, NULL, 0, &t->abandon,
				     t->cb, NULL, t->user2);
	t->off = off;
	win_close(f, &w);
	return NULL;
}

int mapread_loop2(pcap_t *p, const char *path, const struct options *opt,
                  pcap_handler cb, u_char *user1, u_char *user2, int *used2)
{
	*used2 = 0;
	struct mfile f;
	if (mfile_open(&f, path, opt) < 0)
		return MAPREAD_DECLINED;
	if (f.size < MAPREAD_SPLIT_MIN) {
		close(f.fd);
		return MAPREAD_DECLINED;
	}
	/* one compiled filter each: compiled here, one after the other */
	struct bpf_program prog1, prog2;
	int have1 = compile(p, opt, &prog1);
	int have2 = have1 > 0 ? compile(p, opt, &prog2) : have1;
	if (have1 < 0 || have2 < 0) {
		if (have1 > 0)
			pcap_freecode(&prog1);
		close(f.fd);
		return MAPREAD_DECLINED;
	}
	struct half2 t = { .f = &f, .prog = have2 ? &prog2 : NULL, .cb = cb, .user2 = user2 };
	atomic_init(&t.split, SIZE_MAX);
	atomic_init(&t.abandon, 0);
	pthread_t th;
	if (pthread_create(&th, NULL, second_half, &t) != 0) {
		if (have1)
			pcap_freecode(&prog1);
		if (have2)
			pcap_freecode(&prog2);
		close(f.fd);
		return MAPREAD_DECLINED;
	}
	struct win w = { 0 };
	size_t off = 24;
	int r1 = read_records(&f, &w, have1 ? &prog1 : NULL, &off, SIZE_MAX, &t.split,
			      f.size / 2, NULL, cb, NULL, user1);
	size_t split = atomic_load_explicit(&t.split, memory_order_acquire);
	int whole = r1 == READ_END && off != split && off < f.size;
	if (whole) {
		/* the guess was not a record boundary: this thread reads on */
		atomic_store_explicit(&t.abandon, 1, memory_order_relaxed);
		r1 = read_records(&f, &w, have1 ? &prog1 : NULL, &off, SIZE_MAX, NULL, 0, NULL,
				  cb, NULL, user1);
	}
	win_close(&f, &w);
	pthread_join(th, NULL);
	/* a damaged record before the split ends this reader's way through the
	 * file (libpcap goes on from it), so the second half is not wanted */
	*used2 = r1 == READ_END && !whole && split < f.size;
	int rc = 0;
	if (r1 == READ_FAILED || (*used2 && t.rc == READ_FAILED))
		rc = 1;
	else if (r1 == READ_DAMAGED)
		rc = hand_back(p, off);
	else if (*used2 && t.rc == READ_DAMAGED)
		rc = hand_back(p, t.off);
	if (have1)
		pcap_freecode(&prog1);
	if (have2)
		pcap_freecode(&prog2);
	close(f.fd);
	return rc;
}

/* ---- writing: the filter on two cores ----------------------------------
 *
 * For -w, where handing a packet on is cheap and reading the records and
 * running the filter is most of the work.  The file is cut into chunks of
 * CHUNK_BYTES that either thread takes the next of when it is free; a
 * chunk's first record is guessed by resync (the first chunk's is known),
 * and the thread copies the records of the chunk that the filter takes into
 * the chunk's slot of a ring of WRING.  The calling thread hands the slots'
 * records to cb in file order, checking each guess as it goes: a chunk is
 * used only when it starts exactly where the one before ended.  When it
 * does not (or a thread could not read the file), this thread reads that
 * chunk's records again itself, from there, as read_records would; a
 * damaged record ends the chunk that meets it, and once every record
 * before it is handed on, libpcap goes on from it.  Memory: WRING slots of
 * at most a chunk and a largest record each, and a window of as much for
 * each thread (read into a buffer: see win_own). */

#define CHUNK_BYTES (1u << 20)
#define WRING 4

struct wslot {
	unsigned long seq;   /* chunk number + 1 once the slot holds that chunk */
	size_t start;        /* its first record (resync's guess) */
	size_t end;          /* where its reader stopped: the next chunk's first record */
	int state;           /* READ_END, READ_DAMAGED (at end), READ_FAILED (at end) */
	size_t nrec;         /* records read, for the progress line */
	size_t len;          /* bytes of matching records in buf, as in the file */
	uint8_t *buf;
};

struct wpar {
	const struct mfile *f;
	size_t chunk;        /* bytes per chunk */
	unsigned long nchunks;
	uint32_t sec0;       /* the first record's seconds, for resync */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	unsigned long claim;    /* the next chunk to be read */
	unsigned long consumed; /* the chunks handed on (or given up) */
	int stop;               /* no more chunks are wanted */
	struct wslot slot[WRING];
	unsigned long by[2];    /* chunks read by each thread (trace) */
};

/* Reads chunk k into its slot through window w and filter prog. */
static void wpar_chunk(struct wpar *t, struct win *w, const struct bpf_program *prog,
                       unsigned long k)
{
	const struct mfile *f = t->f;
	struct wslot *s = &t->slot[k % WRING];
	size_t cs = 24 + k * t->chunk;
	size_t ce = f->size - cs < t->chunk ? f->size : cs + t->chunk;
	/* the chunk and the longest record that may start at its end, and no
	 * more: the other thread reads the chunks between */
	size_t mbase = cs & ~(size_t)4095;
	if (!w->m || cs < w->base || ce + 16 + MAX_CAPLEN > w->base + w->mlen) {
		win_unmap(f, w);
		w->want = ce + 16 + MAX_CAPLEN - mbase;
		if (win_slide(f, w, cs) < 0) {
			s->start = cs; /* said; the calling thread reads the chunk again */
			s->end = cs;
			s->state = READ_FAILED;
			s->nrec = s->len = 0;
			return;
		}
	}
	size_t off = k == 0 ? 24 : resync(f, w, cs, t->sec0);
	size_t pf = off;
	struct pcap_pkthdr h;
	s->start = off;
	s->state = READ_END;
	s->nrec = 0;
	s->len = 0;
	while (off < ce) {
		if (f->size - off < 16) {
			s->state = READ_DAMAGED;
			break;
		}
		if (win_at(f, w, off) < 0) {
			s->state = READ_FAILED;
			break;
		}
		const uint8_t *r = w->m + (off - w->base);
		size_t rl = record_at(f, r, off);
		if (rl == 0) {
			s->state = READ_DAMAGED;
			break;
		}
		s->nrec++;
		off += rl;
		stream_ahead(f, w, &pf, off);
		if (prog) {
			record_hdr(f, r, rl, &h);
			if (!pcap_offline_filter(prog, &h, r + 16))
				continue;
		}
		memcpy(s->buf + s->len, r, rl);
		s->len += rl;
	}
	s->end = off;
}

/* Makes w a window read into a buffer (pread), for chunks of chunk bytes
 * (if the buffer cannot be had, w stays a mapping).  Measured on real-300
 * with -w: mapping and walking the records took three to four times the
 * user time of reading them (the page walks of mapped pages, and with two
 * threads each munmap stops the other for its TLB), for about the same
 * system time. */
static void win_own(struct win *w, size_t chunk)
{
#ifndef WPAR_MMAP
	w->cap = chunk + 4096 + 16 + MAX_CAPLEN;
	w->own = chunk < SIZE_MAX / 2 ? malloc(w->cap) : NULL;
#else
	(void)w; (void)chunk;
#endif
}

struct wpar_worker {
	struct wpar *t;
	const struct bpf_program *prog;
};

static void *wpar_thread(void *arg)
{
	struct wpar_worker *ww = arg;
	struct wpar *t = ww->t;
	struct win w = { 0 };
	win_own(&w, t->chunk);
	pthread_mutex_lock(&t->mu);
	for (;;) {
		if (t->stop || t->claim >= t->nchunks)
			break;
		if (t->claim >= t->consumed + WRING) {
			pthread_cond_wait(&t->cv, &t->mu);
			continue;
		}
		unsigned long k = t->claim++;
		t->by[1]++;
		pthread_mutex_unlock(&t->mu);
		wpar_chunk(t, &w, ww->prog, k);
		pthread_mutex_lock(&t->mu);
		t->slot[k % WRING].seq = k + 1;
		pthread_cond_broadcast(&t->cv);
	}
	pthread_mutex_unlock(&t->mu);
	win_close(t->f, &w);
	return NULL;
}

/* Hands the records of slot s on to cb; READ_STOPPED when finished() said
 * so (at *posp, past the record handed on last). */
static int wpar_deliver(const struct mfile *f, const struct wslot *s, size_t *posp,
                        pcap_handler cb, int (*finished)(u_char *user), u_char *user)
{
	struct pcap_pkthdr h;
	for (size_t i = 0; i < s->nrec; i++)
		progress_packet(s->end);
	size_t o = 0;
	while (o < s->len) {
		const uint8_t *r = s->buf + o;
		size_t rl = 16 + (size_t)get32(r + 8, f->swap);
		record_hdr(f, r, rl, &h);
		o += rl;
		cb(user, &h, r + 16);
		if (finished && finished(user))
			return READ_STOPPED;
	}
	*posp = s->end;
	return READ_END;
}

/* Whether mapread_loop_write reads path on two threads. */
static int wpar_wanted(const struct options *opt, const struct mfile *f)
{
	if (opt->threads == 1 || !opt->filter)
		return 0;
	if (opt->threads >= 2)
		return 1;
	return f->size >= MAPREAD_PAR_MIN && sysconf(_SC_NPROCESSORS_ONLN) >= 2;
}

int mapread_loop_write(pcap_t *p, const char *path, const struct options *opt,
                       pcap_handler cb, int (*finished)(u_char *user), u_char *user)
{
	struct mfile f;
	if (mfile_open(&f, path, opt) < 0)
		return MAPREAD_DECLINED;
	struct bpf_program prog1, prog2;
	int have1 = compile(p, opt, &prog1);
	if (have1 < 0) {
		close(f.fd);
		return MAPREAD_DECLINED;
	}
	/* read into a buffer of 1 MiB and a longest record (this thread's
	 * reading, and its chunks read again), else mapped and prefetched */
	struct win w = { 0 };
	win_own(&w, 1u << 20);
	w.want = w.cap;
	if (!w.own)
		f.pf_dist = 2048;
	size_t off = 24;
	int r = -1;
	if (wpar_wanted(opt, &f) && compile(p, opt, &prog2) > 0) {
		struct wpar t = { .f = &f, .chunk = CHUNK_BYTES,
				  .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };
		const char *env = getenv("TRAWL_WRITEPAR_CHUNK");
		if (env && atol(env) > 0)
			t.chunk = (size_t)atol(env);
		t.nchunks = (unsigned long)((f.size - 24 + t.chunk - 1) / t.chunk);
		int ok = 1;
		for (int i = 0; i < WRING; i++)
			if (!(t.slot[i].buf = malloc(t.chunk + 16 + MAX_CAPLEN)))
				ok = 0;
		uint8_t first[4];
		if (f.size >= 24 + 16 && pread(f.fd, first, 4, 24) == 4)
			t.sec0 = get32(first, f.swap);
		struct wpar_worker ww = { .t = &t, .prog = &prog2 };
		pthread_t th;
		if (ok && pthread_create(&th, NULL, wpar_thread, &ww) == 0) {
			struct win wr = { 0 }; /* this thread's chunks */
			win_own(&wr, t.chunk);
			unsigned long again = 0;
			r = READ_END;
			pthread_mutex_lock(&t.mu);
			while (t.consumed < t.nchunks) {
				unsigned long k = t.consumed;
				struct wslot *s = &t.slot[k % WRING];
				if (s->seq == k + 1) {
					pthread_mutex_unlock(&t.mu);
					int rest = 1; /* the chunk's records from off: read here */
					if (s->start == off) {
						r = wpar_deliver(&f, s, &off, cb, finished, user);
						if (r == READ_END && s->state == READ_DAMAGED)
							r = READ_DAMAGED;
						rest = r == READ_END && s->state == READ_FAILED;
					}
					if (rest) { /* a wrong guess, or a mapping failed */
						size_t cs = 24 + k * t.chunk;
						size_t ce = f.size - cs < t.chunk ? f.size : cs + t.chunk;
						again++;
						r = read_records(&f, &w, &prog1, &off, ce, NULL, 0, NULL,
								 cb, finished, user);
					}
					pthread_mutex_lock(&t.mu);
					t.consumed++;
					if (r != READ_END)
						break;
					pthread_cond_broadcast(&t.cv);
				} else if (t.claim < t.nchunks && t.claim < t.consumed + WRING) {
					unsigned long k = t.claim++;
					t.by[0]++;
					pthread_mutex_unlock(&t.mu);
					wpar_chunk(&t, &wr, &prog1, k);
					pthread_mutex_lock(&t.mu);
					s = &t.slot[k % WRING];
					s->seq = k + 1;
				} else {
					pthread_cond_wait(&t.cv, &t.mu);
				}
			}
			t.stop = 1;
			pthread_cond_broadcast(&t.cv);
			pthread_mutex_unlock(&t.mu);
			pthread_join(th, NULL);
			win_close(&f, &wr);
			if (getenv("TRAWL_WRITEPAR_TRACE")) /* for the tests */
				fprintf(stderr, "writepar: %lu chunks of %zu; read %lu + %lu; %lu read again\n",
					t.nchunks, t.chunk, t.by[0], t.by[1], again);
		}
		for (int i = 0; i < WRING; i++)
			free(t.slot[i].buf);
		pthread_mutex_destroy(&t.mu);
		pthread_cond_destroy(&t.cv);
		pcap_freecode(&prog2);
	}
	if (r < 0) /* one thread */
		r = read_records(&f, &w, have1 ? &prog1 : NULL, &off, SIZE_MAX, NULL, 0, NULL,
				 cb, finished, user);
	int rc = r == READ_FAILED ? 1 : r == READ_DAMAGED ? hand_back(p, off) : 0;
	if (have1)
		pcap_freecode(&prog1);
	win_close(&f, &w);
	close(f.fd);
	return rc;
}
