/* live.h - the live capture loop: stop signals (SIGINT, SIGTERM, SIGHUP)
 * that lose no packet the kernel had accepted, SIGUSR1 statistics, the
 * closing statistics, and -Z. */
#ifndef TRAWL_LIVE_H
#define TRAWL_LIVE_H

#include <pcap/pcap.h>
#include <sys/types.h>

struct live_loop {
	pcap_t *p;
	pcap_handler cb;
	u_char *user;
	int (*finished)(u_char *user); /* -c reached, -W limit, write error */
	void (*report)(u_char *user);  /* SIGUSR1 arrived */
	void (*batch)(u_char *user);   /* after each batch the kernel handed over */
};

/* Installs the handlers for SIGINT, SIGTERM, SIGHUP and SIGUSR1. */
void live_signals(pcap_t *p);
/* The stop signal received since live_signals(), 0 when none (reading a
 * file with the stream layer stops on it as a capture does). */
int live_stop_signal(void);
/* Captures until a stop signal or l->finished(); after a signal, drains
 * what the kernel still holds (the partly filled ring block included).
 * Returns 0, or -1 on a capture error (message printed, naming device).
 * *signalled is the stop signal, 0 when none. */
int live_run(const struct live_loop *l, const char *device, int *signalled);
/* tcpdump's statistics: verbose, three lines (the end of a capture);
 * otherwise one line after "trawl: " (SIGUSR1). */
void live_stats(pcap_t *p, unsigned long captured, int verbose);
/* -Z: looks the user up (prints "Couldn't find user" and returns -1). */
int live_find_user(const char *user, uid_t *uid, gid_t *gid);
/* -Z: switches to the user for good when running as root; -1 on failure. */
int live_drop_privileges(const char *user, uid_t uid, gid_t gid);

#endif
