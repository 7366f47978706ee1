/* main.c - trawl: read or capture packets, filter, write and print them the
 * way tcpdump 4.99.3 does. */
#include <dirent.h>
#include <errno.h>
#include <pcap/pcap.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/live.h"
#include "capture/mapread.h"
#include "capture/progress.h"
#include "capture/source.h"
#include "capture/writer.h"
#include "core/names.h"
#include "core/out.h"
#include "core/ts.h"
#include "options.h"
#include "print/print.h"
#include "print/state.h"
#include "printpar.h"
#include "version.h"
#include "analyze/analyze.h"

/* Everything one run owns; nothing mutable lives outside it except what
 * the signal handlers in capture/live.c need. */
struct run {
	struct options opt;
	struct out out;
	struct ts_state ts;
	nd_t nd;
	pcap_t *pcap;
	struct writer w;
	int writing;         /* -w file open */
	int done;            /* -c reached, -W limit or write error: take no more */
	int werr;            /* a write failed */
	link_fn link;
	unsigned long count; /* packets accepted by the filter so far */
	int print;           /* decode to stdout (no -w, or --print) */
	int flush_each;      /* -l or -U: flush after every packet */
	int stop_on_signal;  /* reading a file with the stream layer: a signal ends the run cleanly */
	struct analyze *an;  /* --summary, --conversations, --json (src/analyze) */
	char **files;        /* -V LIST, several -r, -r DIR: the files */
	size_t nfiles;
};

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *p)
{
	struct run *r = (struct run *)user;
	if (r->done)
		return;
	if (r->stop_on_signal && live_stop_signal()) {
		r->done = 1;
		pcap_breakloop(r->pcap);
		return;
	}
	if (r->writing) {
		int wr = writer_packet(&r->w, h, p);
		if (wr != 0) {
			r->done = 1;
			r->werr = wr < 0;
			pcap_breakloop(r->pcap);
			return;
		}
	}
	r->count++;
	if (r->an) { /* the analyzer replaces the printers */
		analyze_packet(r->an, h, p);
		if (r->flush_each)
			out_flush(&r->out);
	}
	if (r->print) {
		print_packet(&r->nd, h, p, r->count, r->link);
		if (r->flush_each)
			out_flush(&r->out);
	}
	if (r->opt.count && r->count >= (unsigned long)r->opt.count) {
		r->done = 1;
		pcap_breakloop(r->pcap);
	}
}

static int run_finished(u_char *user)
{
	struct run *r = (struct run *)user;
	return r->done || (r->stop_on_signal && live_stop_signal());
}

/* Live output reaches stdout at the end of each batch of packets (at most
 * one write per ring block), not only when the big buffer fills. */
static void run_batch(u_char *user)
{
	struct run *r = (struct run *)user;
	if (r->print || r->an) /* packet lines, or --follow's blocks */
		out_flush(&r->out);
}

static void run_report(u_char *user)
{
	struct run *r = (struct run *)user;
	live_stats(r->pcap, r->count, 0);
}

static int open_output(struct run *r)
{
	if (!r->opt.wfile)
		return 0;
	if (r->writing)
		return 0;
	if (writer_open(&r->w, r->pcap, &r->opt) < 0) {
		writer_close(&r->w);
		return -1;
	}
	r->writing = 1;
	return 0;
}

static int close_output(struct run *r)
{
	int rc = r->werr;
	if (r->writing) {
		if (writer_close(&r->w) < 0)
			rc = 1;
		r->writing = 0;
	}
	return rc;
}

/* Sets up the printers and the reports for the link type of p. */
static void use_link(struct run *r, pcap_t *p)
{
	int dlt = pcap_datalink(p);
	if (r->print) {
		r->link = dispatch_link(dlt);
		if (!r->link)
			r->link = unsupported_if_print; /* as tcpdump: mark and dump */
	}
	if (r->an)
		analyze_link(r->an, dlt);
}

/* Runs the loop over one opened source; returns the exit status. */
static int run_source(struct run *r, const char *name, int live)
{
	use_link(r, r->pcap);
	if (live) {
		struct live_loop l = { r->pcap, on_packet, (u_char *)r, run_finished, run_report, run_batch };
		int sig = 0;
		int lrc = live_run(&l, name, &sig);
		if (sig && r->print && !r->opt.wfile)
			out_c(&r->out, '\n'); /* tcpdump ends an interrupted listing so */
		out_flush(&r->out);
		if (r->writing && writer_flush(&r->w) < 0)
			r->werr = 1;
		if (r->werr) /* "captured" is what the files hold */
			r->count = r->w.records_on_disk;
		live_stats(r->pcap, r->count, 1);
		return lrc < 0 || r->werr;
	}
	/* classic pcap files are read through a mapping; the rest by libpcap */
	progress_begin(name);
	int rc = MAPREAD_DECLINED;
	struct analyze *part;
	if (r->an && !r->print && !r->writing && !r->opt.count &&
	    (part = analyze_part(r->an)) != NULL) {
		/* a report that adds up: the two halves of a big file at once */
		struct run r2 = *r; /* on_packet's view for the other thread: */
		r2.an = part;       /* its own analyzer and count, no output */
		r2.count = 0;
		r2.flush_each = 0;
		int used2;
		rc = mapread_loop2(r->pcap, name, &r->opt, on_packet, (u_char *)r, (u_char *)&r2,
				   &used2);
		if (used2) {
			r->count += r2.count;
			analyze_merge(r->an, part); /* before any packet libpcap reads next */
		} else {
			analyze_free(part);
		}
	}
	if (rc == MAPREAD_DECLINED && r->print && !r->an && !r->writing && !r->flush_each &&
	    r->nfiles <= 1 && r->count == 0 && printpar_wanted(&r->opt, name)) {
		/* printing a big file: on two cores, the same bytes */
		unsigned long n = 0;
		rc = printpar_run(r->pcap, name, &r->opt, &r->nd, r->link, &n);
		r->count += n;
		if (r->opt.count && r->count >= (unsigned long)r->opt.count)
			r->done = 1;
	}
	if (rc == MAPREAD_DECLINED && r->writing && !r->print && !r->an)
		/* -w: the filter on two cores, the packets written here */
		rc = mapread_loop_write(r->pcap, name, &r->opt, on_packet, run_finished, (u_char *)r);
	if (rc == MAPREAD_DECLINED)
		rc = mapread_loop_kept(r->pcap, name, &r->opt, on_packet, run_finished, (u_char *)r,
				       r->an ? analyze_keep(r->an) : NULL);
	if (rc == MAPREAD_RESUME && r->done)
		rc = 0;
	if (rc == MAPREAD_DECLINED || rc == MAPREAD_RESUME)
		rc = progress_pcap_loop(r->pcap, on_packet, (u_char *)r);
	else if (rc != 0) {
		progress_end();
		out_flush(&r->out);
		return 1;
	}
	progress_end();
	out_flush(&r->out);
	if (rc == PCAP_ERROR && r->stop_on_signal && live_stop_signal())
		rc = 0; /* the stop signal interrupted a read (a pipe, a FIFO): a clean stop */
	if (rc == PCAP_ERROR) {
		fprintf(stderr, "trawl: %s: %s\n", name, pcap_geterr(r->pcap));
		return 1;
	}
	return r->werr;
}

static int setup_printing(struct run *r)
{
	if (out_init(&r->out, STDOUT_FILENO) < 0)
		return -1;
	ts_init(&r->ts, r->opt.tflag, r->opt.nano);
	dispatch_init();
	r->nd = (nd_t){ .opt = &r->opt, .out = &r->out, .ts = &r->ts };
	if (print_state_new(&r->nd, &r->opt) < 0)
		return -1;
	if (analyze_wanted(&r->opt)) {
		char err[512];
		r->an = analyze_new(&r->opt, &r->out, err, sizeof err);
		if (!r->an) {
			fprintf(stderr, "trawl: %s\n", err);
			return 1;
		}
	}
	if (r->opt.Tname && !dispatch_type_known(r->opt.Tname)) {
		fprintf(stderr, "trawl: unknown packet type `%s'\n", r->opt.Tname);
		return 1;
	}
	return 0;
}

static void free_files(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void teardown(struct run *r)
{
	free_files(r->files, r->nfiles);
	analyze_free(r->an);
	print_state_free(&r->nd);
	out_free(&r->out);
	options_free(&r->opt);
}

/* --count: the packets read from the files (that the filter took), as
 * tcpdump prints them; not for a live capture, whose counts go to stderr. */
static void put_count(struct run *r)
{
	if (!r->opt.count_only)
		return;
	out_u(&r->out, r->count);
	out_s(&r->out, r->count == 1 ? " packet\n" : " packets\n");
	out_flush(&r->out);
}

/* ---- many files ---------------------------------------------------------
 *
 * -V LIST, several -r, -r DIR: the reports are those of one sequential read
 * of the files (a flow that crosses a file boundary continues).  When the
 * reports add up (--summary, --conversations, text or --json, and nothing
 * else), the list is cut in two at the middle of its bytes and a second
 * thread reads the second half into an analyzer of its own, which is merged
 * after the first half's (analyze_merge_exact).  Nothing is copied between
 * the threads: each reads and filters its own files.  When the merge cannot
 * be exact (a bounded table overflowed) this thread goes on to read the
 * second half itself, after the first, as one read would.  Everything
 * else (packet lines, -w, streams, sessions, rules, --report, -c) reads
 * them one after the other on this thread, each as -r reads it.
 * --threads 1 forces that. */

/* What a reader of files says on stderr ("reading from file", errors), in
 * file order: the first half's straight out, the second half's kept until
 * the first half is read (and dropped when one read would have stopped
 * before them). */
struct msgs {
	char *s;
	size_t len, cap;
	int direct; /* straight to stderr, else kept in s */
};

static void msg_put(struct msgs *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void msg_put(struct msgs *m, const char *fmt, ...)
{
	char line[8192];
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	size_t n = (size_t)k < sizeof line ? (size_t)k : sizeof line - 1;
	if (m->direct) {
		fwrite(line, 1, n, stderr);
		return;
	}
	if (m->len + n > m->cap) {
		size_t cap = (m->cap ? 2 * m->cap : 4096) + n;
		char *g = realloc(m->s, cap);
		if (!g) { /* out of memory: say it late rather than never */
			fwrite(line, 1, n, stderr);
			return;
		}
		m->s = g;
		m->cap = cap;
	}
	memcpy(m->s + m->len, line, n);
	m->len += n;
}

static void msg_flush(struct msgs *m)
{
	if (m->len)
		fwrite(m->s, 1, m->len, stderr);
	m->len = 0;
}

/* source_open_file and source_set_filter (for a file) with their messages
 * to m; NULL after an error (said). */
static void msg_line(void *ctx, const char *line)
{
	msg_put(ctx, "%s", line);
}

static pcap_t *open_file_msg(const char *path, const struct options *opt, struct msgs *m)
{
	pcap_t *p = source_open_file_to(path, opt, msg_line, m);
	if (!p)
		return NULL;
	struct bpf_program prog;
	if (pcap_compile(p, &prog, opt->filter ? opt->filter : "", !opt->Oflag, 0) < 0) {
		msg_put(m, "trawl: %s\n", pcap_geterr(p));
		pcap_close(p);
		return NULL;
	}
	int rc = pcap_setfilter(p, &prog);
	pcap_freecode(&prog);
	if (rc < 0) {
		msg_put(m, "trawl: %s\n", pcap_geterr(p));
		pcap_close(p);
		return NULL;
	}
	return p;
}

/* One thread's share of the files: [from, to) into an. */
struct fpart {
	const struct options *opt;
	char **files;
	size_t from, to;
	struct analyze *an;
	unsigned long count;
	int main_thread;   /* the first half: draws the progress line */
	int rc;            /* 1: stopped by an error (said in msgs) */
	int given_up;      /* the second half: stopped, its merge could not be exact */
	atomic_int *spoiled; /* set by the first half when its merge cannot be exact */
	struct msgs msgs;
};

static void part_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *p)
{
	struct fpart *pt = (struct fpart *)user;
	pt->count++;
	analyze_packet(pt->an, h, p);
}

static void *read_part(void *arg)
{
	struct fpart *pt = arg;
	for (size_t i = pt->from; i < pt->to; i++) {
		/* between files: is the second half still worth reading? */
		if (pt->spoiled && pt->main_thread && !analyze_mergeable(pt->an, 0))
			atomic_store(pt->spoiled, 1);
		if (pt->spoiled && !pt->main_thread &&
		    (atomic_load(pt->spoiled) || !analyze_mergeable(pt->an, 1))) {
			pt->given_up = 1;
			break;
		}
		const char *name = pt->files[i];
		pcap_t *p = open_file_msg(name, pt->opt, &pt->msgs);
		if (!p) {
			pt->rc = 1;
			break;
		}
		if (i == 0) /* the first file of all: its messages go straight out */
			source_first_file_notes(p);
		analyze_link(pt->an, pcap_datalink(p));
		int rc;
		if (pt->main_thread) {
			progress_begin(name);
			rc = mapread_loop(p, name, pt->opt, part_packet, NULL, (u_char *)pt);
		} else {
			rc = mapread_loop_bg(p, name, pt->opt, part_packet, (u_char *)pt);
		}
		if (rc == MAPREAD_DECLINED || rc == MAPREAD_RESUME)
			rc = pt->main_thread ? progress_pcap_loop(p, part_packet, (u_char *)pt)
					     : pcap_loop(p, -1, part_packet, (u_char *)pt);
		if (pt->main_thread)
			progress_end();
		if (rc == PCAP_ERROR)
			msg_put(&pt->msgs, "trawl: %s: %s\n", name, pcap_geterr(p));
		pcap_close(p);
		if (rc != 0) {
			pt->rc = 1;
			break;
		}
	}
	return NULL;
}

/* Where to cut files[0, n) for two threads: the first index past half of
 * their bytes; 0 when they should not be split (not all regular files, or
 * the halves too uneven to gain). */
static size_t files_cut(char **files, size_t n)
{
	uint64_t total = 0, *size = malloc(n * sizeof *size);
	if (!size)
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(files[i], "-") == 0 || stat(files[i], &st) < 0 || !S_ISREG(st.st_mode)) {
			free(size);
			return 0;
		}
		size[i] = (uint64_t)st.st_size;
		total += size[i];
	}
	size_t cut = 0;
	uint64_t before = 0, best = UINT64_MAX;
	for (size_t i = 1; i < n; i++) { /* the cut whose halves differ least */
		before += size[i - 1];
		uint64_t d = before > total - before ? 2 * before - total : total - 2 * before;
		if (d < best) {
			best = d;
			cut = i;
		}
	}
	free(size);
	/* the smaller half at least a quarter of the bytes */
	return best <= total / 2 ? cut : 0;
}

/* The files one after the other on this thread. */
static int run_files_seq(struct run *r, char **files, size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0 && !r->done; i++) {
		r->pcap = source_open_file(files[i], &r->opt);
		if (!r->pcap) {
			rc = 1;
			break;
		}
		if (i == 0)
			source_first_file_notes(r->pcap);
		if (r->an && analyze_streams(r->an)) {
			live_signals(r->pcap);
			r->stop_on_signal = 1;
		}
		int fr = source_set_filter(r->pcap, &r->opt, NULL);
		if (fr == 0 && i == 0)
			fr = open_output(r);
		if (fr != 0)
			rc = fr < 0 ? 1 : 0;
		else
			rc = run_source(r, files[i], 0);
		pcap_close(r->pcap);
		r->pcap = NULL;
	}
	return rc;
}

/* The two halves on two threads, merged; -1 when that is not wanted or not
 * possible (nothing was read, nothing said), else the exit status.  The
 * first half is read into the run's analyzer, as one read would: when the
 * second half's cannot be merged exactly, this thread reads the second
 * half again after the first, and the other thread's work (and what it
 * would have said) is dropped. */
static int run_files_par(struct run *r, char **files, size_t n)
{
	if (n < 2 || !r->an || r->print || r->opt.wfile || r->opt.count || r->opt.count_only ||
	    r->opt.dflag || r->opt.threads == 1)
		return -1;
	size_t cut = files_cut(files, n);
	if (cut == 0)
		return -1;
	struct analyze *an2 = analyze_part_files(r->an);
	if (!an2)
		return -1;
	atomic_int spoiled = 0;
	struct fpart p1 = { .opt = &r->opt, .files = files, .from = 0, .to = cut, .an = r->an,
			    .main_thread = 1, .spoiled = &spoiled, .msgs = { .direct = 1 } };
	struct fpart p2 = { .opt = &r->opt, .files = files, .from = cut, .to = n, .an = an2,
			    .spoiled = &spoiled };
	pthread_t th;
	if (pthread_create(&th, NULL, read_part, &p2) != 0) {
		analyze_free(an2);
		return -1;
	}
	read_part(&p1);
	pthread_join(th, NULL);
	if (p1.rc) { /* one read would have stopped there: the second half unread */
		analyze_free(an2);
	} else if (!p2.given_up && analyze_merge_exact(r->an, an2) == 0) {
		msg_flush(&p2.msgs);
		p1.count += p2.count;
		p1.rc = p2.rc;
	} else {
		/* a bounded table overflowed: the second half again, here */
		analyze_free(an2);
		p1.from = cut;
		p1.to = n;
		p1.spoiled = NULL;
		read_part(&p1);
	}
	r->count = p1.count;
	free(p2.msgs.s);
	return p1.rc;
}

static int run_files(struct run *r, char **files, size_t n)
{
	int rc = run_files_par(r, files, n);
	if (rc >= 0)
		return rc;
	return run_files_seq(r, files, n);
}

static int by_version(const void *a, const void *b)
{
	return strverscmp(*(char *const *)a, *(char *const *)b);
}

/* Appends s (copied) to the list. */
static int add_file(char ***v, size_t *n, const char *s)
{
	char **g = realloc(*v, (*n + 1) * sizeof *g);
	if (!g)
		return -1;
	*v = g;
	if (!(g[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

/* The capture files of a directory: its regular files but hidden ones, in
 * name order with numbers compared as numbers (tcpdump -C's x, x1, x2 ...
 * x10). */
static int add_dir(char ***v, size_t *n, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "trawl: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	size_t first = *n;
	struct dirent *de;
	char path[4096];
	int rc = 0;
	while (rc == 0 && (de = readdir(d))) {
		struct stat st;
		if (de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= sizeof path ||
		    stat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		rc = add_file(v, n, path);
	}
	closedir(d);
	if (rc == 0)
		qsort(*v + first, *n - first, sizeof **v, by_version);
	else
		fprintf(stderr, "trawl: out of memory\n");
	return rc;
}

/* The files of -V LIST (one a line), or of several -r, or of -r DIR. */
static int collect_files(const struct options *opt, char ***v, size_t *n)
{
	if (opt->Vfile) {
		FILE *f = fopen(opt->Vfile, "r");
		if (!f) {
			fprintf(stderr, "trawl: %s: %s\n", opt->Vfile, strerror(errno));
			return -1;
		}
		char line[4096];
		int rc = 0;
		while (rc == 0 && fgets(line, sizeof line, f)) {
			line[strcspn(line, "\r\n")] = 0;
			if (line[0])
				rc = add_file(v, n, line);
		}
		fclose(f);
		if (rc < 0)
			fprintf(stderr, "trawl: out of memory\n");
		return rc;
	}
	for (int i = 0; i < opt->nrfiles; i++) {
		struct stat st;
		const char *f = opt->rfiles[i];
		int rc = strcmp(f, "-") && stat(f, &st) == 0 && S_ISDIR(st.st_mode) ? add_dir(v, n, f)
										     : add_file(v, n, f);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int is_dir(const char *path)
{
	struct stat st;
	return strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
	struct run r;
	memset(&r, 0, sizeof r);
	int rc = options_parse(&r.opt, argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (r.opt.Dflag)
		return source_list_interfaces();

	r.print = !r.opt.wfile || r.opt.print_anyway;
	r.flush_each = r.opt.lflag || r.opt.Uflag || isatty(STDOUT_FILENO);
	if (analyze_wanted(&r.opt) || r.opt.count_only)
		r.print = 0; /* reports (or --count's number) instead of packet lines */
	if (r.opt.lflag)
		setvbuf(stdout, NULL, _IOLBF, 0);
	/* the progress line of long reads: on a terminal that nothing else
	 * writes to meanwhile */
	progress_enable(isatty(STDERR_FILENO) &&
			!(isatty(STDOUT_FILENO) &&
			  (r.print || r.opt.follow || r.opt.sessions ||
			   (r.opt.json && !r.opt.summary && !r.opt.conversations))));
	rc = setup_printing(&r);
	if (rc) {
		if (rc < 0)
			fprintf(stderr, "trawl: out of memory\n");
		teardown(&r);
		return 1;
	}

	/* many files: -V LIST, several -r, -r DIR */
	if (r.opt.Vfile || r.opt.nrfiles > 1 || (r.opt.rfile && is_dir(r.opt.rfile))) {
		int cf = collect_files(&r.opt, &r.files, &r.nfiles);
		if (cf < 0 || r.nfiles == 0) {
			if (cf == 0)
				fprintf(stderr, "trawl: %s: no capture files in it\n",
					r.opt.Vfile ? r.opt.Vfile : r.opt.rfile);
			teardown(&r);
			return 1;
		}
		if (r.nfiles > 1 || r.opt.Vfile) {
			rc = run_files(&r, r.files, r.nfiles);
			if (close_output(&r))
				rc = 1;
			put_count(&r);
			if (r.an) {
				if (analyze_finish(r.an))
					rc = 1;
				analyze_report(r.an);
			}
			teardown(&r);
			return rc;
		}
	}

	int live = 0;
	const char *name;
	if (r.opt.rfile) {
		name = r.files ? r.files[0] : r.opt.rfile;
		r.pcap = source_open_file(name, &r.opt);
		if (r.pcap)
			source_first_file_notes(r.pcap);
	} else {
		name = r.opt.device;
		if (!name) {
			char err[PCAP_ERRBUF_SIZE];
			pcap_if_t *devs;
			if (pcap_findalldevs(&devs, err) < 0 || !devs) {
				fprintf(stderr, "trawl: no suitable device found\n");
				teardown(&r);
				return 1;
			}
			static char first[256];
			snprintf(first, sizeof first, "%s", devs->name);
			pcap_freealldevs(devs);
			name = first;
		}
		if (r.opt.Jflag) {
			rc = source_list_tstamp_types(name);
			teardown(&r);
			return rc;
		}
		if (r.opt.Lflag) {
			char err[PCAP_ERRBUF_SIZE];
			pcap_t *p = pcap_create(name, err);
			if (!p || pcap_activate(p) < 0) {
				fprintf(stderr, "trawl: %s: %s\n", name, p ? pcap_geterr(p) : err);
				if (p)
					pcap_close(p);
				teardown(&r);
				return 1;
			}
			rc = source_list_dlts(p, name);
			pcap_close(p);
			teardown(&r);
			return rc;
		}
		r.pcap = source_open_live(name, &r.opt);
		live = 1;
	}
	if (!r.pcap) {
		teardown(&r);
		return 1;
	}
	int fr = source_set_filter(r.pcap, &r.opt, live ? name : NULL);
	if (fr != 0) {
		pcap_close(r.pcap);
		teardown(&r);
		return fr < 0 ? 1 : 0;
	}
	if (open_output(&r) < 0) {
		pcap_close(r.pcap);
		teardown(&r);
		return 1;
	}
	if (r.opt.Zuser) {
		/* -Z: the device and the first file are open; give them up. */
		uid_t uid;
		gid_t gid;
		int zr = live_find_user(r.opt.Zuser, &uid, &gid);
		if (zr == 0 && r.writing && getuid() == 0)
			writer_chown(&r.w, uid, gid);
		if (zr < 0 || live_drop_privileges(r.opt.Zuser, uid, gid) < 0) {
			close_output(&r);
			pcap_close(r.pcap);
			teardown(&r);
			return 1;
		}
	}
	if (live || (r.an && analyze_streams(r.an))) {
		/* a file read for streams stops on a signal too, and flushes them */
		live_signals(r.pcap);
		r.stop_on_signal = !live;
	}
	rc = run_source(&r, name, live);
	if (!live)
		put_count(&r);
	if (r.an) {
		if (analyze_finish(r.an))
			rc = 1;
		analyze_report(r.an);
	}
	if (close_output(&r))
		rc = 1;
	pcap_close(r.pcap);
	teardown(&r);
	return rc;
}
