/* mapread.h - classic pcap savefiles read through a sliding mapping instead
 * of libpcap's fread path (measured in bench/: the copy and two calls per
 * packet were the largest cost left when printing or writing).  Records go
 * through the same BPF filter (pcap_offline_filter) and the same callback
 * pcap_loop would call; pcapng, stdin and pipes are declined and left to
 * libpcap. */
#ifndef TRAWL_MAPREAD_H
#define TRAWL_MAPREAD_H

#include <pcap/pcap.h>
#include <stdatomic.h>
#include <stddef.h>

#include "../options.h"

#define MAPREAD_DECLINED (-2)
#define MAPREAD_RESUME (-3)

/* Reads path (already opened as p by libpcap, which validated its header)
 * calling cb for each packet the filter accepts, until the end, or until
 * finished(user) says so.  Returns 0 at the end, MAPREAD_DECLINED when the
 * file is not one this reader handles (nothing was read), MAPREAD_RESUME
 * when it met a record it leaves to libpcap (oversized or damaged): p's
 * stream is then positioned at that record for pcap_loop to go on, or 1
 * when a mapping failed (the message is printed). */
int mapread_loop(pcap_t *p, const char *path, const struct options *opt,
                 pcap_handler cb, int (*finished)(u_char *user), u_char *user);

/* mapread_loop without the progress line (which only one thread may draw)
 * and without a finished() test: for a thread reading files of its own. */
int mapread_loop_bg(pcap_t *p, const char *path, const struct options *opt,
                    pcap_handler cb, u_char *user);

/* A reader of the packets' bytes that may still read them after the
 * callback returned (the session layer's hashing thread): told of each
 * mapping as it is made, and given it instead of its munmap when the
 * reader is done with it, to unmap it itself (from any thread) once done
 * too.  The bytes of a mapping stay as they are until then. */
struct mapread_keep {
	void *ctx;
	void (*mapped)(void *ctx, const void *m, size_t len);
	void (*retire)(void *ctx, void *m, size_t len);
};

/* mapread_loop, the mappings given to keep (NULL: as mapread_loop). */
int mapread_loop_kept(pcap_t *p, const char *path, const struct options *opt,
                      pcap_handler cb, int (*finished)(u_char *user), u_char *user,
                      const struct mapread_keep *keep);

/* Files smaller than this are read in one piece by mapread_loop2. */
#define MAPREAD_SPLIT_MIN (64u << 20)

/* For reports that add up (--summary): reads the file in two halves at
 * once.  A second thread guesses a record boundary past the middle (without
 * reading the file up to it) and hands the packets from there to
 * cb(user2), in order; the calling thread hands the packets before it to
 * cb(user1), in order, and checks the guess by landing on it exactly.  When
 * it does not, it reads on to the end itself and *used2 is 0: whatever
 * user2 received must then be thrown away.  Returns as mapread_loop (no
 * finished() test: every packet is read), or MAPREAD_DECLINED when it will
 * not split (not such a file, or smaller than MAPREAD_SPLIT_MIN) and
 * nothing was read.  After MAPREAD_RESUME the record libpcap must go on
 * from comes after every packet handed out and kept. */
int mapread_loop2(pcap_t *p, const char *path, const struct options *opt,
                  pcap_handler cb, u_char *user1, u_char *user2, int *used2);

/* Files from this size up are written (mapread_loop_write) on two cores
 * unless --threads 1. */
#define MAPREAD_PAR_MIN (4u << 20)

/* mapread_loop for -w, where cb is cheap: with a filter (and --threads 2,
 * or a file from MAPREAD_PAR_MIN on two cores) the filter runs on two
 * threads over chunks of the file, and cb is called in this thread, in
 * file order, with the same packets, as mapread_loop would.  Returns as
 * mapread_loop. */
int mapread_loop_write(pcap_t *p, const char *path, const struct options *opt,
                       pcap_handler cb, int (*finished)(u_char *user), u_char *user);

/* Whether mapread_loop would read path (a classic pcap savefile in a
 * regular file); its size in *size. */
int mapread_takes(const char *path, const struct options *opt, size_t *size);

/* The filter compiled as mapread_loop compiles it: 1, 0 when there is none,
 * -1 when libpcap rejects it. */
int mapread_compile(pcap_t *p, const struct options *opt, struct bpf_program *prog);

/* A second reader of the file mapread_loop reads in another thread
 * (printing on two cores, src/printpar.c): the same packets through the
 * same compiled filter (NULL: none) to cb, without the progress line,
 * until the end, until finished(user) or *abandon says so, or up to the
 * record mapread_loop leaves to libpcap.  Returns 0, MAPREAD_RESUME at such
 * a record, MAPREAD_DECLINED when it cannot read the file, 1 when a mapping
 * failed (said). */
int mapread_follow(const char *path, const struct options *opt, const struct bpf_program *prog,
                   const atomic_int *abandon, pcap_handler cb,
                   int (*finished)(u_char *user), u_char *user);

#endif
