/* writer.h - -w savefiles: pcap records written with write(2) from our own
 * buffer, so that a failed write (disk full) can be cut back to the last
 * whole record; rotation by size (-C), time (-G), a ring of files (-W) and
 * a post-rotate command (-z), as tcpdump 4.99.3 does them. */
#ifndef TRAWL_WRITER_H
#define TRAWL_WRITER_H

#include <pcap/pcap.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../options.h"

struct writer {
	const struct options *opt;
	unsigned char hdr[24];  /* the savefile header, as libpcap writes it */
	int fd;                 /* -1 when no file is open */
	int to_stdout;          /* -w - */
	char name[4096];        /* the current file */
	long long size;         /* bytes of the current file, buffered ones included */
	long long on_disk;      /* bytes of the current file already written */
	unsigned char *buf;
	size_t len, cap;
	int Ccount;             /* -C: number of the current file */
	int Gcount;             /* -G: files opened by rotation */
	time_t Gstart;          /* -G: when the current file was opened */
	int Wchars;             /* digits of -W, for -C names */
	int failed;             /* a write failed: nothing more is written */
	unsigned long records;  /* packets written, over all files */
	unsigned long buffered; /* records in buf */
	unsigned long records_on_disk; /* records that reached the files whole */
};

/* Opens the first file; 0, or -1 after printing why. */
int writer_open(struct writer *w, pcap_t *p, const struct options *opt);
/* Writes one packet, rotating first when -C or -G says so.  Returns 0
 * when written, 1 when -G with -W reached its last file (the packet is not
 * written; the capture must end with status 0), -1 on a write error
 * (printed; the file is cut back to its last whole record). */
int writer_packet(struct writer *w, const struct pcap_pkthdr *h, const u_char *bytes);
/* Writes what is buffered; 0 or -1 (printed). */
int writer_flush(struct writer *w);
/* Flushes and closes; 0 or -1 (printed). */
int writer_close(struct writer *w);
/* Gives the open file to uid/gid (before dropping privileges). */
void writer_chown(struct writer *w, uid_t uid, gid_t gid);

#endif
