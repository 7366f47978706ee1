/* progress.c - the progress line of long reads (progress.h). */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NEVER 0xffffffffu

uint32_t progress_countdown_ = NEVER;

static struct {
	int on;
	int active;         /* between progress_begin and progress_end */
	int shown;          /* the line is on the screen */
	uint64_t total;     /* bytes, 0 when unknown */
	uint64_t pkts;      /* records before the current countdown */
	uint64_t start_ns, last_ns;
	uint64_t pos;       /* the last position seen */
} pr;

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void progress_enable(int on)
{
	pr.on = on;
}

void progress_begin(const char *path)
{
	progress_end();
	if (!pr.on)
		return;
	struct stat st;
	pr.total = path && strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode) ?
		(uint64_t)st.st_size : 0;
	pr.pkts = 0;
	pr.pos = 0;
	pr.start_ns = pr.last_ns = now_ns();
	pr.active = 1;
	progress_countdown_ = PROGRESS_EVERY;
}

void progress_end(void)
{
	progress_countdown_ = NEVER;
	pr.active = 0;
	if (pr.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		pr.shown = 0;
	}
}

static void put_size(char *b, size_t n, double v)
{
	static const char *const u[] = { "B", "kB", "MB", "GB", "TB" };
	int i = 0;
	while (v >= 1000 && i < 4) {
		v /= 1000;
		i++;
	}
	snprintf(b, n, i ? "%.1f %s" : "%.0f %s", v, u[i]);
}

static void put_dur(char *b, size_t n, double s)
{
	unsigned long t = s > 0 && s < 1e8 ? (unsigned long)(s + 0.5) : 0;
	if (t >= 3600)
		snprintf(b, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(b, n, "%lu:%02lu", t / 60, t % 60);
}

void progress_poll_(uint64_t pos)
{
	if (!pr.active) { /* the counter wrapped around with the line off */
		progress_countdown_ = NEVER;
		return;
	}
	pr.pkts += PROGRESS_EVERY;
	progress_countdown_ = PROGRESS_EVERY;
	if (pos)
		pr.pos = pos;
	uint64_t t = now_ns();
	if (t - pr.start_ns < 1000000000u || t - pr.last_ns < 250000000u)
		return;
	pr.last_ns = t;
	double secs = (double)(t - pr.start_ns) / 1e9;
	uint64_t at = pr.total && pr.pos > pr.total ? pr.total : pr.pos;
	char done[24], all[24], rate[24], left[24], line[160];
	put_size(done, sizeof done, (double)at);
	put_size(rate, sizeof rate, (double)at / secs);
	if (pr.total && at) {
		put_size(all, sizeof all, (double)pr.total);
		put_dur(left, sizeof left, secs * (double)(pr.total - at) / (double)at);
		snprintf(line, sizeof line, "trawl: %s of %s (%.0f%%), %llu packets, %s/s, %s left",
			 done, all, 100.0 * (double)at / (double)pr.total,
			 (unsigned long long)pr.pkts, rate, left);
	} else if (at) {
		snprintf(line, sizeof line, "trawl: %s, %llu packets, %s/s", done,
			 (unsigned long long)pr.pkts, rate);
	} else {
		snprintf(line, sizeof line, "trawl: %llu packets, %.0f packets/s",
			 (unsigned long long)pr.pkts, (double)pr.pkts / secs);
	}
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	pr.shown = 1;
}

struct wrap {
	pcap_t *p;
	pcap_handler cb;
	u_char *user;
};

static void wrapped(u_char *u, const struct pcap_pkthdr *h, const u_char *d)
{
	struct wrap *w = (struct wrap *)u;
	if (__builtin_expect(progress_countdown_ == 1, 0)) {
		FILE *f = pcap_file(w->p);
		off_t o = f ? ftello(f) : -1;
		progress_packet(o > 0 ? (uint64_t)o : 0);
	} else {
		progress_countdown_--;
	}
	w->cb(w->user, h, d);
}

int progress_pcap_loop(pcap_t *p, pcap_handler cb, u_char *user)
{
	if (progress_countdown_ == NEVER)
		return pcap_loop(p, -1, cb, user);
	struct wrap w = { p, cb, user };
	return pcap_loop(p, -1, wrapped, (u_char *)&w);
}
