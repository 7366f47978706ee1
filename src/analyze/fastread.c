/* fastread.c - a lean reader for classic pcap savefiles, used by the
 * analyzer (--summary, --conversations, --json) on -r FILE.
 *
 * libpcap reads a savefile with fread, a record header and then a record at
 * a time: every byte is copied twice (kernel to stdio, stdio to libpcap's
 * buffer) with two calls per packet.  Here the file is read with pread in
 * 2 MiB blocks into one buffer that stays in the CPU cache, and each record
 * is handed, in place, to the same callback pcap_loop would call, after the
 * same BPF filter (pcap_offline_filter).  Memory stays at the one buffer
 * whatever the file's size.  Anything this reader does not handle (pcapng,
 * stdin, a pipe) is left to libpcap.  Damaged files stop with libpcap's
 * messages and exit status 1. */
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze.h"

#define MAX_CAPLEN 262144u
#define BUFSZ (2u << 20) /* > 16 + MAX_CAPLEN */

static uint32_t get32(const uint8_t *p, int swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

int analyze_fast_loop(pcap_t *p, const char *path, const struct options *opt,
                      pcap_handler cb, u_char *user, const unsigned long *accepted)
{
	if (!path || strcmp(path, "-") == 0)
		return -2;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -2;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < 24) {
		close(fd);
		return -2;
	}
	uint8_t head[24];
	if (pread(fd, head, 24, 0) != 24) {
		close(fd);
		return -2;
	}
	uint32_t magic;
	memcpy(&magic, head, 4);
	int swap, nano;
	if (magic == 0xa1b2c3d4u || magic == 0xa1b23c4du) {
		swap = 0;
		nano = magic == 0xa1b23c4du;
	} else if (magic == 0xd4c3b2a1u || magic == 0x4d3cb2a1u) {
		swap = 1;
		nano = magic == 0x4d3cb2a1u;
	} else {
		close(fd);
		return -2;
	}
	uint32_t snap = get32(head + 16, swap);
	if (snap == 0 || snap > MAX_CAPLEN)
		snap = MAX_CAPLEN;

	struct bpf_program prog;
	int have_prog = 0;
	if (opt->filter) {
		if (pcap_compile(p, &prog, opt->filter, !opt->Oflag, PCAP_NETMASK_UNKNOWN) < 0) {
			close(fd);
			return -2; /* libpcap's own path reports it */
		}
		have_prog = 1;
	}

	int rc = 0;
	uint8_t *buf = malloc(BUFSZ);
	if (!buf) {
		if (have_prog)
			pcap_freecode(&prog);
		close(fd);
		return -2;
	}
	size_t have = 0, pos = 0, fileoff = 24; /* buf[pos..have) is unread file data */
	int eof = 0;
	struct pcap_pkthdr h;
	for (;;) {
		size_t avail = have - pos;
		if (!eof && (avail < 16 || avail - 16 < get32(buf + pos + 8, swap))) {
			/* move the partial record to the front and refill */
			memmove(buf, buf + pos, have - pos);
			have -= pos;
			pos = 0;
			while (have < BUFSZ) {
				ssize_t n = pread(fd, buf + have, BUFSZ - have, (off_t)fileoff);
				if (n < 0 && errno == EINTR)
					continue;
				if (n < 0) {
					fprintf(stderr, "trawl: %s: %s\n", path, strerror(errno));
					rc = 1;
					break;
				}
				if (n == 0) {
					eof = 1;
					break;
				}
				have += (size_t)n;
				fileoff += (size_t)n;
			}
			if (rc)
				break;
		}
		if (pos == have)
			break;
		if (have - pos < 16) {
			fprintf(stderr, "trawl: %s: truncated dump file; tried to read 16 header bytes, only got %zu\n",
				path, have - pos);
			rc = 1;
			break;
		}
		const uint8_t *r = buf + pos;
		uint32_t sec = get32(r, swap), frac = get32(r + 4, swap);
		uint32_t caplen = get32(r + 8, swap), len = get32(r + 12, swap);
		if (caplen > MAX_CAPLEN) {
			fprintf(stderr, "trawl: %s: invalid packet capture length %u, bigger than maximum of %u\n",
				path, caplen, MAX_CAPLEN);
			rc = 1;
			break;
		}
		if (have - pos - 16 < caplen) {
			fprintf(stderr, "trawl: %s: truncated dump file; tried to read %u captured bytes, only got %zu\n",
				path, caplen, have - pos - 16);
			rc = 1;
			break;
		}
		pos += 16 + (size_t)caplen;
		h.ts.tv_sec = (time_t)sec;
		if (nano && !opt->nano)
			frac /= 1000;
		else if (!nano && opt->nano)
			frac *= 1000;
		h.ts.tv_usec = (suseconds_t)frac;
		h.caplen = caplen > snap ? snap : caplen;
		h.len = len;
		if (have_prog && !pcap_offline_filter(&prog, &h, r + 16))
			continue;
		cb(user, &h, r + 16);
		if (opt->count && *accepted >= (unsigned long)opt->count)
			break;
	}
	free(buf);
	if (have_prog)
		pcap_freecode(&prog);
	close(fd);
	return rc;
}
