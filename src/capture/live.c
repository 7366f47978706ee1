/* live.c - see live.h.
 *
 * Why stopping needs care: with TPACKET_V3 the kernel hands packets to
 * libpcap a block at a time, and a block is handed over only when it is
 * full or its retire timer (the pcap timeout) fires.  tcpdump's signal
 * handler breaks the loop at once, so the packets in the block being
 * filled are never read.  Here a stop signal only sets a flag; the loop
 * then switches the handle to non-blocking and keeps reading until the
 * kernel has retired every block that was open at the stop (bounded by
 * twice the retire period plus a margin), then until the ring is empty. */
#include "live.h"

#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "source.h"

/* Signal handlers can reach nothing else: these are the only mutable
 * file-scope variables, and only the handlers and the loop touch them. */
static volatile sig_atomic_t stop_sig;
static volatile sig_atomic_t usr1_seen;
static pcap_t *volatile sig_handle;

static void on_stop(int sig)
{
	if (!stop_sig)
		stop_sig = sig;
	if (sig_handle)
		pcap_breakloop(sig_handle);
}

static void on_usr1(int sig)
{
	(void)sig;
	usr1_seen = 1;
	if (sig_handle)
		pcap_breakloop(sig_handle);
}

void live_signals(pcap_t *p)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sig_handle = p;
	sa.sa_handler = on_stop;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int capture_error(const struct live_loop *l, const char *device)
{
	fprintf(stderr, "trawl: %s: %s\n", device, pcap_geterr(l->p));
	return -1;
}

/* Reads everything the kernel accepted before the stop. */
static int drain(const struct live_loop *l, const char *device)
{
	char err[PCAP_ERRBUF_SIZE];
	if (pcap_setnonblock(l->p, 1, err) < 0)
		fprintf(stderr, "trawl: WARNING: %s: %s\n", device, err);
	int fd = pcap_get_selectable_fd(l->p);
	long long start = now_ms();
	long long quiet = start + 2 * SOURCE_TIMEOUT_MS + 100; /* every open block retired */
	long long hard = quiet + 1000;                          /* a flood that goes on */
	for (;;) {
		int n = pcap_dispatch(l->p, -1, l->cb, l->user);
		if (n == PCAP_ERROR)
			return capture_error(l, device);
		if (l->finished(l->user))
			break;
		long long t = now_ms();
		if (t >= hard || (n <= 0 && t >= quiet))
			break;
		if (n > 0)
			continue;
		if (fd >= 0) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };
			long long left = quiet - t;
			poll(&pfd, 1, left < 10 ? (int)left : 10);
		} else {
			struct timespec ts = { 0, 10 * 1000000L };
			nanosleep(&ts, NULL);
		}
	}
	return 0;
}

int live_stop_signal(void)
{
	return stop_sig;
}

int live_run(const struct live_loop *l, const char *device, int *signalled)
{
	for (;;) {
		if (usr1_seen) {
			usr1_seen = 0;
			l->report(l->user);
		}
		if (stop_sig || l->finished(l->user))
			break;
		int n = pcap_dispatch(l->p, -1, l->cb, l->user);
		if (n == PCAP_ERROR)
			return capture_error(l, device);
		if (n > 0 && l->batch)
			l->batch(l->user);
	}
	*signalled = stop_sig;
	if (stop_sig && !l->finished(l->user))
		return drain(l, device);
	return 0;
}

#define PLURAL(n) ((n) == 1 ? "" : "s")

void live_stats(pcap_t *p, unsigned long captured, int verbose)
{
	struct pcap_stat st;
	if (pcap_stats(p, &st) < 0) {
		fprintf(stderr, "pcap_stats: %s\n", pcap_geterr(p));
		return;
	}
	const char *sep = verbose ? "\n" : ", ";
	if (!verbose)
		fputs("trawl: ", stderr);
	fprintf(stderr, "%lu packet%s captured%s", captured, PLURAL(captured), sep);
	fprintf(stderr, "%u packet%s received by filter%s", st.ps_recv, PLURAL(st.ps_recv), sep);
	fprintf(stderr, "%u packet%s dropped by kernel", st.ps_drop, PLURAL(st.ps_drop));
	if (st.ps_ifdrop)
		fprintf(stderr, "%s%u packet%s dropped by interface", sep, st.ps_ifdrop, PLURAL(st.ps_ifdrop));
	fputc('\n', stderr);
	fflush(stderr);
}

int live_find_user(const char *user, uid_t *uid, gid_t *gid)
{
	struct passwd *pw = getpwnam(user);
	if (!pw) {
		fprintf(stderr, "trawl: Couldn't find user '%s'\n", user);
		return -1;
	}
	*uid = pw->pw_uid;
	*gid = pw->pw_gid;
	return 0;
}

int live_drop_privileges(const char *user, uid_t uid, gid_t gid)
{
	if (getuid() != 0 && geteuid() != 0)
		return 0; /* as tcpdump: only root changes user */
	if (initgroups(user, gid) < 0 || setgid(gid) < 0 || setuid(uid) < 0) {
		fprintf(stderr, "trawl: Couldn't change to '%s' uid=%lu gid=%lu: %s\n", user,
			(unsigned long)uid, (unsigned long)gid, strerror(errno));
		return -1;
	}
	if (uid != 0 && (setuid(0) == 0 || seteuid(0) == 0)) {
		fprintf(stderr, "trawl: could regain root after switching to '%s'\n", user);
		return -1;
	}
	return 0;
}
