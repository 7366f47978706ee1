/* printpar.c - printing one savefile on two cores, byte for byte as on one.
 *
 * Both threads read the whole file (each through its own mapping, the same
 * filter) and run every packet through their own printers' state, so that
 * the state that crosses packets (TCP's relative sequence numbers, NFS
 * calls, delta timestamps ...) is the same in both as in one thread.  The
 * packets are cut into chunks of CHUNK that the two take turns at: a thread
 * prints the chunks it owns into its own buffer and only brings its state up
 * to date on the others (print_shadow, which for the common packets is a
 * few header reads).  A chunk's bytes reach the file descriptor when its turn
 * comes, after every earlier chunk's; a thread whose buffer fills before
 * then waits for the turn (so memory stays bounded).
 *
 * Waiting is always on an earlier chunk, which the other thread is printing
 * or has printed, so the two cannot wait on each other.  A record the mapped
 * reader leaves to libpcap (damage), -c's count, or the end stop both
 * threads at the same packet; the caller's thread then has every chunk of
 * the other written and carries on alone. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "capture/mapread.h"
#include "core/names.h"
#include "core/ts.h"
#include "print/print.h"
#include "print/state.h"
#include "printpar.h"

/* Packets per chunk: small enough that both threads stay close in the
 * file.  TRAWL_PRINTPAR_CHUNK sets it for the tests (1: every other packet
 * is the other thread's, which tests the shadowing hardest). */
#define CHUNK 256u

struct turns {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	unsigned long next; /* the chunk whose bytes are written next */
	atomic_int abandon; /* a reader failed: stop, write nothing more */
};

struct worker {
	struct turns *t;
	unsigned self;        /* 0: the caller's thread, 1: the other */
	const struct options *opt;
	nd_t *nd;
	link_fn link;
	unsigned long chunk_len; /* packets per chunk */
	unsigned long count;  /* packets the filter took so far */
	unsigned long chunk;  /* chunk of the current packet */
	int owns;             /* the current chunk is this thread's to print */
	int pending;          /* out holds bytes of an owned chunk not yet written */
	int alone;            /* the other thread is done: print everything */
	int done;             /* -c reached */
	unsigned long printed_chunks;        /* chunks this thread wrote */
	unsigned long shadowed[SHADOW_KINDS]; /* the other's packets, by print_shadow's answer */
};

/* out's sink: bytes of an owned chunk reach the descriptor in the chunk's
 * turn; a shadowed packet's are dropped. */
static void sink(void *ctx, const char *p, size_t n)
{
	(void)p;
	(void)n;
	struct worker *w = ctx;
	struct out *o = w->nd->out;
	if (!w->alone) {
		if (!w->owns)
			return;
		struct turns *t = w->t;
		pthread_mutex_lock(&t->mu);
		while (t->next != w->chunk && !atomic_load(&t->abandon))
			pthread_cond_wait(&t->cv, &t->mu);
		pthread_mutex_unlock(&t->mu);
		if (atomic_load(&t->abandon))
			return;
	}
	/* p and n are o's own buffer: written by out's usual path */
	o->sink = NULL;
	out_flush(o);
	o->sink = sink;
}

/* Writes the owned chunk's bytes in their turn and passes the turn on. */
static void publish(struct worker *w)
{
	if (!w->pending)
		return;
	out_flush(w->nd->out); /* waits in sink() */
	struct turns *t = w->t;
	pthread_mutex_lock(&t->mu);
	if (t->next == w->chunk)
		t->next = w->chunk + 1;
	pthread_cond_broadcast(&t->cv);
	pthread_mutex_unlock(&t->mu);
	w->pending = 0;
}

/* Nobody prints chunk c: pass its turn on (the other thread's run ended). */
static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *p)
{
	struct worker *w = (struct worker *)user;
	if (w->done)
		return;
	w->count++;
	if (!w->alone) {
		unsigned long c = (w->count - 1) / w->chunk_len;
		if (c != w->chunk) {
			publish(w);
			w->chunk = c;
			w->owns = (c & 1) == w->self;
			w->printed_chunks += w->owns;
		}
	}
	if (w->alone || w->owns) {
		w->pending = 1;
		print_packet(w->nd, h, p, w->count, w->link);
	} else {
		w->shadowed[print_shadow(w->nd, h, p, w->count, w->link)]++;
	}
	if (w->opt->count && w->count >= (unsigned long)w->opt->count)
		w->done = 1;
}

static int finished(u_char *user)
{
	struct worker *w = (struct worker *)user;
	return w->done || atomic_load_explicit(&w->t->abandon, memory_order_relaxed);
}

struct follower {
	struct worker w;
	const char *path;
	const struct bpf_program *prog;
	int rc;
};

static void *follow(void *arg)
{
	struct follower *f = arg;
	f->rc = mapread_follow(f->path, f->w.opt, f->prog, &f->w.t->abandon, on_packet, finished,
			       (u_char *)&f->w);
	if (f->rc == 0 || f->rc == MAPREAD_RESUME) {
		publish(&f->w);
	} else {
		atomic_store(&f->w.t->abandon, 1);
		pthread_mutex_lock(&f->w.t->mu);
		pthread_cond_broadcast(&f->w.t->cv);
		pthread_mutex_unlock(&f->w.t->mu);
	}
	return NULL;
}

int printpar_wanted(const struct options *opt, const char *path)
{
	size_t size;
	if (opt->threads < 2 || !opt->nflag || opt->Tname || !mapread_takes(path, opt, &size))
		return 0;
	return 1;
}

int printpar_run(pcap_t *p, const char *path, const struct options *opt, nd_t *nd,
                 link_fn link, unsigned long *count)
{
	struct bpf_program prog;
	int have_prog = mapread_compile(p, opt, &prog);
	if (have_prog < 0)
		return MAPREAD_DECLINED;

	/* the other thread's printers: their own state, their own buffer */
	struct out out2;
	struct ts_state ts2;
	nd_t nd2 = *nd;
	int ok = print_state_new(&nd2, opt) == 0; /* never the caller's */
	ok = out_init(&out2, nd->out->fd) == 0 && ok;
	ts_init(&ts2, opt->tflag, opt->nano);
	nd2.out = &out2;
	nd2.ts = &ts2;
	/* The state the caller's printers hold already is the same in nd2
	 * only when they hold none: one file, read from its start. */
	unsigned long chunk_len = CHUNK;
	const char *env = getenv("TRAWL_PRINTPAR_CHUNK");
	if (env && atol(env) > 0)
		chunk_len = (unsigned long)atol(env);
	struct turns t = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };
	struct follower f = {
		.w = { .t = &t, .self = 1, .opt = opt, .nd = &nd2, .link = link,
		       .chunk_len = chunk_len, .chunk = 0, .owns = 0 },
		.path = path, .prog = have_prog ? &prog : NULL,
	};
	struct worker lead = { .t = &t, .self = 0, .opt = opt, .nd = nd, .link = link,
			       .chunk_len = chunk_len, .chunk = 0, .owns = 1 };
	pthread_t th;
	int rc = MAPREAD_DECLINED;
	if (ok) {
		out2.sink = sink;
		out2.sink_ctx = &f.w;
		struct out *o = nd->out;
		out_flush(o); /* anything before the file's packets goes first */
		o->sink = sink;
		o->sink_ctx = &lead;
		if (pthread_create(&th, NULL, follow, &f) == 0) {
			rc = mapread_loop(p, path, opt, on_packet, finished, (u_char *)&lead);
			if (rc != 0 && rc != MAPREAD_RESUME) {
				atomic_store(&t.abandon, 1);
				pthread_mutex_lock(&t.mu);
				pthread_cond_broadcast(&t.cv);
				pthread_mutex_unlock(&t.mu);
			}
			pthread_join(th, NULL);
			if (f.rc != 0 && f.rc != MAPREAD_RESUME && rc != 1) {
				if (f.rc == MAPREAD_DECLINED) /* the file changed under us */
					fprintf(stderr, "trawl: %s: could not be read again\n", path);
				rc = 1;
			}
			if (getenv("TRAWL_PRINTPAR_TRACE")) /* for the tests */
				fprintf(stderr,
					"printpar: %lu packets in chunks of %lu; chunks printed %lu + %lu; "
					"shadowed: printed %lu + %lu, untouched %lu + %lu, tcp %lu + %lu\n",
					lead.count, chunk_len, lead.printed_chunks + (lead.count > 0),
					f.w.printed_chunks, lead.shadowed[SHADOW_PRINT],
					f.w.shadowed[SHADOW_PRINT], lead.shadowed[SHADOW_NONE],
					f.w.shadowed[SHADOW_NONE], lead.shadowed[SHADOW_TCP],
					f.w.shadowed[SHADOW_TCP]);
			/* every chunk of the other thread is written: on alone, the
			 * bytes still in o are the last */
			lead.alone = 1;
			*count = lead.count;
		}
		o->sink = NULL;
		o->sink_ctx = NULL;
	}
	if (atomic_load(&t.abandon))
		nd->out->len = 0; /* what was not written in turn must not be now */
	out_free(&out2);
	print_state_free(&nd2);
	if (have_prog)
		pcap_freecode(&prog);
	pthread_mutex_destroy(&t.mu);
	pthread_cond_destroy(&t.cv);
	return rc;
}
