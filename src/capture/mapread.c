/* mapread.c - a zero-copy reader for classic pcap savefiles: -r FILE for
 * printing, writing (-w) and the reports alike.
 *
 * libpcap reads a savefile with fread: every byte is copied twice (kernel to
 * stdio, stdio to its buffer), with two calls per packet, although the
 * reports look at a few header bytes of each packet.  (Reading with pread
 * into one buffer instead was measured slower: the copy streams the whole
 * file through the CPU caches and evicts the summary's tables.)  Here the file is mapped read-only and each record
 * is handed to the same callback pcap_loop would call, pointing into the
 * mapping (a sliding window of WINDOW bytes, so memory stays bounded
 * whatever the file's size), after the same BPF filter (pcap_offline_filter).  Anything this
 * reader does not handle (pcapng, stdin, a pipe) is left to libpcap.
 * Damaged files stop with libpcap's messages and exit status 1. */
#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mapread.h"

#define MAX_CAPLEN 262144u
#define WINDOW (4u << 20) /* what is mapped counts in RSS: 4 MiB keeps print within 32 MiB */

static uint32_t get32(const uint8_t *p, int swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

/* Positions libpcap's own stream at the record at off, so that pcap_loop
 * carries on from there with libpcap's handling of what this reader does not
 * take on (records longer than the snapshot length, damage). */
static int hand_back(pcap_t *p, size_t off)
{
	FILE *f = pcap_file(p);
	if (!f || fseeko(f, (off_t)off, SEEK_SET) != 0)
		return 1;
	return MAPREAD_RESUME;
}

int mapread_loop(pcap_t *p, const char *path, const struct options *opt,
                 pcap_handler cb, int (*finished)(u_char *user), u_char *user)
{
	if (!path || strcmp(path, "-") == 0)
		return MAPREAD_DECLINED;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return MAPREAD_DECLINED;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < 24) {
		close(fd);
		return MAPREAD_DECLINED;
	}
	size_t size = (size_t)st.st_size;
	uint8_t head[24];
	if (pread(fd, head, 24, 0) != 24) {
		close(fd);
		return MAPREAD_DECLINED;
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
		return MAPREAD_DECLINED;
	}
	const uint8_t *m = NULL; /* the window: file bytes [base, base + mlen) */
	size_t base = 0, mlen = 0;
	uint32_t snap = get32(head + 16, swap);
	if (snap == 0 || snap > MAX_CAPLEN)
		snap = MAX_CAPLEN;

	struct bpf_program prog;
	int have_prog = 0;
	if (opt->filter) {
		/* netmask 0, as source_set_filter compiles it for files */
		if (pcap_compile(p, &prog, opt->filter, !opt->Oflag, 0) < 0) {
			close(fd);
			return MAPREAD_DECLINED; /* libpcap's own path reports it */
		}
		have_prog = 1;
	}

	int rc = 0;
	size_t off = 24;
	struct pcap_pkthdr h;
	while (off < size) {
		if (size - off < 16) {
			rc = hand_back(p, off);
			break;
		}
		size_t need = 16 + MAX_CAPLEN;
		if (need > size - off)
			need = size - off;
		if (off < base || off + need > base + mlen) {
			/* slide the window to start at the page holding off */
			if (m)
				munmap((void *)m, mlen);
			base = off & ~(size_t)4095;
			mlen = size - base < WINDOW ? size - base : WINDOW;
			m = mmap(NULL, mlen, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, (off_t)base);
			if (m == MAP_FAILED) {
				fprintf(stderr, "trawl: %s: %s\n", path, strerror(errno));
				m = NULL;
				rc = 1;
				break;
			}
		}
		const uint8_t *r = m + (off - base);
		uint32_t sec = get32(r, swap), frac = get32(r + 4, swap);
		uint32_t caplen = get32(r + 8, swap), len = get32(r + 12, swap);
		if (caplen > snap || size - off - 16 < caplen) {
			/* oversized or cut short: libpcap's own rules and messages */
			rc = hand_back(p, off);
			break;
		}
		off += 16 + (size_t)caplen;
		if (off + 128 <= base + mlen) { /* the next record, while this one is decoded */
			__builtin_prefetch(m + (off - base));
			__builtin_prefetch(m + (off - base) + 64);
		}
		h.ts.tv_sec = (time_t)(int32_t)sec; /* libpcap reads it signed */
		if (nano && !opt->nano)
			frac /= 1000;
		else if (!nano && opt->nano)
			frac *= 1000;
		h.ts.tv_usec = (suseconds_t)frac;
		h.caplen = caplen;
		h.len = len;
		if (have_prog && !pcap_offline_filter(&prog, &h, r + 16))
			continue;
		cb(user, &h, r + 16);
		if (finished(user))
			break;
	}
	if (have_prog)
		pcap_freecode(&prog);
	if (m)
		munmap((void *)m, mlen);
	close(fd);
	return rc;
}
