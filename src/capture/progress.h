/* progress.h - a progress line on stderr for long reads, when stderr is a
 * terminal: bytes read (of the file's size), packets, rate and time left.
 * Nothing at all otherwise.
 *
 * The readers call progress_packet() once per record: a counter check,
 * and every PROGRESS_EVERY records a look at the clock; the line is
 * redrawn at most four times a second, and only once a read has lasted a
 * second (short reads show nothing).  Single-threaded: only the thread
 * that reads the start of a file reports. */
#ifndef TRAWL_PROGRESS_H
#define TRAWL_PROGRESS_H

#include <pcap/pcap.h>
#include <stdint.h>

#define PROGRESS_EVERY 1024

extern uint32_t progress_countdown_; /* records until the next clock look */
void progress_poll_(uint64_t pos);

/* Turns the line on (once, at start): the caller passes whether stderr is a
 * terminal that nothing else writes to while reading. */
void progress_enable(int on);
/* A file about to be read (its size is the total when it is a regular
 * file; "-" or a pipe has none). */
void progress_begin(const char *path);
/* Erases the line (end of a file, or before anything else is written). */
void progress_end(void);

/* One record read; pos is how far into the file the reader is (bytes), or
 * an estimate of it. */
static inline void progress_packet(uint64_t pos)
{
	if (__builtin_expect(--progress_countdown_ == 0, 0))
		progress_poll_(pos);
}

/* pcap_loop(p, -1, cb, user) with the progress line, for what libpcap
 * reads itself (pcapng, stdin); the position is its stream's. */
int progress_pcap_loop(pcap_t *p, pcap_handler cb, u_char *user);

#endif
