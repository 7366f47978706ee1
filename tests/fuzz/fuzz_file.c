/* fuzz_file.c - libFuzzer harness for the capture-file path: libpcap's
 * savefile reader feeding the printers, as `trawl -r FILE -v` does. */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "../../src/core/names.h"
#include "../../src/core/ts.h"
#include "../../src/print/print.h"
#include "../../src/print/tcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	FILE *f = fmemopen((void *)data, size, "rb");
	if (!f)
		return 0;
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_fopen_offline(f, err); /* takes f */
	if (!p)
		return 0;
	struct options opt = { .nflag = 1, .vflag = 2, .Xflag = size & 1 };
	struct ts_state ts;
	ts_init(&ts, 0, 0);
	nd_t nd = { .opt = &opt, .out = &out, .ts = &ts };
	nd.names = names;
	nd.tcpseq = tcp_seqtab_new();
	link_fn link = dispatch_link(pcap_datalink(p));
	struct pcap_pkthdr *h;
	const u_char *pkt;
	unsigned long n = 0;
	while (link && pcap_next_ex(p, &h, &pkt) == 1 && n < 10000) {
		print_packet(&nd, h, pkt, ++n, link);
		out.len = 0;
	}
	pcap_close(p);
	tcp_seqtab_free(nd.tcpseq);
	return 0;
}
