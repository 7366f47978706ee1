/* fuzz_file.c - libFuzzer harness for the capture-file path, as
 * `trawl -r FILE -v` takes it: the file (held in a memfd) is opened by
 * libpcap, read through trawl's mapped reader (src/capture/mapread.c), and
 * handed back to libpcap's reader where the mapped one declines or stops,
 * feeding the printers.  Odd-sized inputs also run with -X. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <sys/mman.h>

#include "../../src/capture/mapread.h"
#include "../../src/core/names.h"
#include "../../src/core/ts.h"
#include "../../src/print/print.h"
#include "../../src/print/state.h"
#include "../../src/print/tcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fz {
	nd_t nd;
	link_fn link;
	unsigned long n;
};

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *pkt)
{
	struct fz *z = (struct fz *)user;
	print_packet(&z->nd, h, pkt, ++z->n, z->link);
	z->nd.out->len = 0;
}

static int finished(u_char *user)
{
	return ((struct fz *)user)->n >= 10000;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct out out;
	static struct names *names; /* -n: holds no per-address state */
	static int ready;
	if (!ready) {
		static const struct options nopt = { .nflag = 1 };
		out_init(&out, open("/dev/null", O_WRONLY));
		dispatch_init();
		names = names_new(&nopt);
		ready = 1;
	}
	int fd = memfd_create("fuzz_file", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(path, err);
	if (!p) {
		close(fd);
		return 0;
	}
	struct options opt = { .nflag = 1, .vflag = 2, .Xflag = size & 1 };
	struct ts_state ts;
	ts_init(&ts, 0, 0);
	struct fz z = { .nd = { .opt = &opt, .out = &out, .ts = &ts } };
	z.nd.names = names;
	z.nd.tcpseq = tcp_seqtab_new();
	static struct print_state ps;
	memset(&ps, 0, sizeof ps); /* fresh for each input, as tcpseq */
	z.nd.ps = &ps;
	z.link = dispatch_link(pcap_datalink(p));
	if (z.link) {
		int rc = mapread_loop(p, path, &opt, on_packet, finished, (u_char *)&z);
		if ((rc == MAPREAD_DECLINED || rc == MAPREAD_RESUME) && !finished((u_char *)&z))
			pcap_loop(p, (int)(10000 - z.n), on_packet, (u_char *)&z);
	}
	pcap_close(p);
	close(fd);
	tcp_seqtab_free(z.nd.tcpseq);
	return 0;
}
