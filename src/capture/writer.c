/* writer.c - -w with -C/-G/-W/-z/-U; see writer.h. */
#include "writer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define WBUF (64 * 1024)

/* tcpdump numbers -C files with as many digits as -W minus one has. */
static int wflag_chars(int w)
{
	int c = 0;
	for (w -= 1; w > 0; w /= 10)
		c++;
	return c;
}

/* The name of a file: -w's name through strftime when -G is given, then
 * the count when there is one to show. */
static void make_name(struct writer *w, int cnt, int max_chars)
{
	const char *base = w->opt->wfile;
	char tmp[sizeof w->name - 16];
	if (w->opt->Gsecs) {
		time_t now = time(NULL);
		struct tm tm;
		if (!localtime_r(&now, &tm) || strftime(tmp, sizeof tmp, base, &tm) == 0)
			snprintf(tmp, sizeof tmp, "%s", base);
	} else {
		snprintf(tmp, sizeof tmp, "%s", base);
	}
	if (cnt > 0 || max_chars > 0)
		snprintf(w->name, sizeof w->name, "%s%0*d", tmp, max_chars, cnt);
	else
		snprintf(w->name, sizeof w->name, "%s", tmp);
}

/* The 24-byte header libpcap would write for this handle (link type and
 * precision mapped by libpcap itself). */
static int make_header(struct writer *w, pcap_t *p)
{
	char mem[64];
	memset(mem, 0, sizeof mem);
	FILE *f = fmemopen(mem, sizeof mem, "w");
	if (!f)
		return -1;
	pcap_dumper_t *d = pcap_dump_fopen(p, f);
	if (!d) {
		fclose(f);
		fprintf(stderr, "trawl: %s\n", pcap_geterr(p));
		return -1;
	}
	pcap_dump_flush(d);
	memcpy(w->hdr, mem, sizeof w->hdr);
	pcap_dump_close(d);
	return 0;
}

/* Writes all of buf; on failure returns -1 with errno set and *done the
 * bytes that did reach the file. */
static int write_all(int fd, const unsigned char *buf, size_t len, size_t *done)
{
	*done = 0;
	while (*done < len) {
		ssize_t n = write(fd, buf + *done, len - *done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = ENOSPC;
			return -1;
		}
		*done += (size_t)n;
	}
	return 0;
}

static int fail_write(struct writer *w, int err)
{
	fprintf(stderr, "trawl: error writing %s: %s\n", w->to_stdout ? "standard output" : w->name,
		strerror(err));
	w->failed = 1;
	return -1;
}

static int open_file(struct writer *w)
{
	if (w->to_stdout) {
		w->fd = STDOUT_FILENO;
	} else {
		w->fd = open(w->name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
		if (w->fd < 0) {
			fprintf(stderr, "trawl: %s: %s\n", w->name, strerror(errno));
			w->failed = 1;
			return -1;
		}
	}
	size_t done;
	if (write_all(w->fd, w->hdr, sizeof w->hdr, &done) < 0) {
		int e = errno;
		if (!w->to_stdout && ftruncate(w->fd, 0) < 0)
			(void)0;
		return fail_write(w, e);
	}
	w->size = w->on_disk = sizeof w->hdr;
	w->Gstart = time(NULL);
	return 0;
}

int writer_open(struct writer *w, pcap_t *p, const struct options *opt)
{
	memset(w, 0, sizeof *w);
	w->opt = opt;
	w->fd = -1;
	w->to_stdout = strcmp(opt->wfile, "-") == 0;
	w->Wchars = opt->Wcount ? wflag_chars(opt->Wcount) : 0;
	w->cap = WBUF;
	w->buf = malloc(w->cap);
	if (!w->buf) {
		fprintf(stderr, "trawl: out of memory\n");
		return -1;
	}
	if (make_header(w, p) < 0)
		return -1;
	if (opt->Csize || opt->Gsecs)
		make_name(w, 0, opt->Csize ? w->Wchars : 0);
	else
		snprintf(w->name, sizeof w->name, "%s", opt->wfile);
	return open_file(w);
}

int writer_flush(struct writer *w)
{
	if (w->failed || w->fd < 0 || w->len == 0)
		return w->failed ? -1 : 0;
	size_t done;
	if (write_all(w->fd, w->buf, w->len, &done) < 0) {
		int e = errno;
		/* Cut the file back to the end of the last record that reached
		 * it whole: the buffer holds whole records only. */
		size_t off = 0;
		while (off + 16 <= done) {
			uint32_t caplen;
			memcpy(&caplen, w->buf + off + 8, 4);
			if (off + 16 + caplen > done)
				break;
			off += 16 + caplen;
			w->records_on_disk++;
		}
		if (!w->to_stdout && ftruncate(w->fd, (off_t)(w->on_disk + (long long)off)) < 0)
			(void)0;
		w->len = 0;
		w->buffered = 0;
		return fail_write(w, e);
	}
	w->on_disk += (long long)w->len;
	w->records_on_disk += w->buffered;
	w->buffered = 0;
	w->len = 0;
	return 0;
}

/* Runs "-z CMD FILE" without a shell, so no name can inject anything. */
static void post_rotate(struct writer *w, const char *file)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	if (!w->opt->zcmd)
		return;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "trawl: -z %s: fork: %s\n", w->opt->zcmd, strerror(errno));
		return;
	}
	if (pid == 0) {
		/* The command gets no descriptor of ours but stdin/out/err (not
		 * the capture socket, not the next file). */
		long maxfd = sysconf(_SC_OPEN_MAX);
		for (long fd = 3; fd < (maxfd > 0 && maxfd < 65536 ? maxfd : 65536); fd++)
			close((int)fd);
		char *argv[3] = { (char *)w->opt->zcmd, (char *)file, NULL };
		execvp(argv[0], argv);
		fprintf(stderr, "trawl: -z: execvp(%s, %s) failed: %s\n", argv[0], file, strerror(errno));
		_exit(1);
	}
}

static int close_file(struct writer *w)
{
	if (w->fd < 0)
		return 0;
	int rc = writer_flush(w);
	if (!w->to_stdout && close(w->fd) < 0 && rc == 0)
		rc = fail_write(w, errno);
	w->fd = -1;
	return rc;
}

static int rotate(struct writer *w, int cnt, int max_chars)
{
	char old[sizeof w->name];
	snprintf(old, sizeof old, "%s", w->name);
	if (close_file(w) < 0)
		return -1;
	post_rotate(w, old);
	make_name(w, cnt, max_chars);
	return open_file(w);
}

int writer_packet(struct writer *w, const struct pcap_pkthdr *h, const u_char *bytes)
{
	const struct options *o = w->opt;
	if (w->failed)
		return -1;
	if (o->Gsecs && !w->to_stdout) {
		time_t now = time(NULL);
		if (now - w->Gstart >= o->Gsecs) {
			w->Gcount++;
			if (o->Wcount && w->Gcount >= o->Wcount) {
				fprintf(stderr, "Maximum file limit reached: %d\n", o->Wcount);
				return 1;
			}
			w->Ccount = 0;
			if (rotate(w, 0, o->Csize ? w->Wchars : 0) < 0)
				return -1;
		}
	}
	if (o->Csize && !w->to_stdout && w->size > o->Csize) {
		w->Ccount++;
		if (o->Wcount && w->Ccount >= o->Wcount)
			w->Ccount = 0;
		if (rotate(w, w->Ccount, w->Wchars) < 0)
			return -1;
	}
	size_t need = 16 + h->caplen;
	if (w->len + need > w->cap && writer_flush(w) < 0)
		return -1;
	unsigned char *dst;
	unsigned char *big = NULL;
	if (need > w->cap) {
		big = malloc(need);
		if (!big)
			return fail_write(w, ENOMEM);
		dst = big;
	} else {
		dst = w->buf + w->len;
	}
	uint32_t rec[4] = { (uint32_t)h->ts.tv_sec, (uint32_t)h->ts.tv_usec, h->caplen, h->len };
	memcpy(dst, rec, 16);
	memcpy(dst + 16, bytes, h->caplen);
	if (big) {
		/* a record larger than the buffer: written on its own */
		unsigned char *save = w->buf;
		size_t savecap = w->cap;
		w->buf = big;
		w->len = need;
		w->buffered = 1;
		int rc = writer_flush(w);
		w->buf = save;
		w->cap = savecap;
		free(big);
		if (rc < 0)
			return -1;
	} else {
		w->len += need;
		w->buffered++;
	}
	w->size += (long long)need;
	w->records++;
	if (o->Uflag && writer_flush(w) < 0)
		return -1;
	return 0;
}

int writer_close(struct writer *w)
{
	int rc = close_file(w);
	free(w->buf);
	w->buf = NULL;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	return rc;
}

void writer_chown(struct writer *w, uid_t uid, gid_t gid)
{
	if (w->fd >= 0 && !w->to_stdout && fchown(w->fd, uid, gid) < 0)
		fprintf(stderr, "trawl: WARNING: can't give %s to the -Z user: %s\n", w->name, strerror(errno));
}
