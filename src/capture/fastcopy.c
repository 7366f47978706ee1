#include "fastcopy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define WBUF (1u << 20)
#define MAX_CAPLEN 262144u

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4); /* host order: only host-order files come here */
	return v;
}

/* True when every record is whole and within the limits libpcap enforces
 * without adjusting anything. */
static int well_formed(const uint8_t *m, size_t size, uint32_t snaplen)
{
	size_t off = 24;
	while (off < size) {
		if (size - off < 16)
			return 0;
		uint32_t caplen = rd32(m + off + 8);
		if (caplen > snaplen || caplen > MAX_CAPLEN || size - off - 16 < caplen)
			return 0;
		off += 16 + (size_t)caplen;
	}
	return 1;
}

static int flush(int fd, const uint8_t *buf, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, buf, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += k;
		n -= (size_t)k;
	}
	return 0;
}

int fastcopy_run(pcap_t *p, pcap_dumper_t *d, const struct options *opt,
                 unsigned long *count)
{
	const uint16_t one = 1;
	if (*(const uint8_t *)&one != 1 || !opt->rfile || !strcmp(opt->rfile, "-") || opt->nano)
		return -1;
	int in = open(opt->rfile, O_RDONLY);
	if (in < 0)
		return -1;
	struct stat st;
	if (fstat(in, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < 24) {
		close(in);
		return -1;
	}
	size_t size = (size_t)st.st_size;
	uint8_t *m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, in, 0);
	close(in);
	if (m == MAP_FAILED)
		return -1;
	madvise(m, size, MADV_SEQUENTIAL);
	int rc = -1;
	struct bpf_program prog;
	int have_prog = 0;
	uint8_t *buf = NULL;
	if (rd32(m) != 0xa1b2c3d4u || pcap_snapshot(p) <= 0 ||
	    !well_formed(m, size, (uint32_t)pcap_snapshot(p)))
		goto out;
	if (pcap_compile(p, &prog, opt->filter ? opt->filter : "", !opt->Oflag, 0) < 0)
		goto out; /* source_set_filter compiled it already; cannot happen */
	have_prog = 1;
	buf = malloc(WBUF);
	if (!buf || pcap_dump_flush(d) < 0)
		goto out;
	int fd = fileno(pcap_dump_file(d));
	size_t used = 0, off = 24;
	unsigned long n = 0;
	rc = 0;
	while (off < size) {
		const uint8_t *rec = m + off;
		struct pcap_pkthdr h;
		h.caplen = rd32(rec + 8);
		h.len = rd32(rec + 12);
		size_t total = 16 + (size_t)h.caplen;
		off += total;
		if (!pcap_offline_filter(&prog, &h, rec + 16))
			continue;
		if (used + total > WBUF) {
			if (flush(fd, buf, used) < 0) {
				rc = 1;
				break;
			}
			used = 0;
		}
		memcpy(buf + used, rec, total);
		used += total;
		if (++n == (unsigned long)opt->count && opt->count)
			break;
	}
	if (rc == 0 && flush(fd, buf, used) < 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "trawl: error writing %s: %s\n", opt->wfile, strerror(errno));
	*count = n;
out:
	free(buf);
	if (have_prog)
		pcap_freecode(&prog);
	munmap(m, size);
	return rc;
}
