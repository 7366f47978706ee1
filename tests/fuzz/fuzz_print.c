/* fuzz_print.c - libFuzzer harness for the packet printers.
 *
 * Input layout: byte 0 picks the link type (low 4 bits) and -E (bit 7:
 * ESP decryption with the golden tests' keys and a default SA), byte 1 the
 * flag set (-v level, -e, -x/-X/-A, -q, -S, -K), the rest is one captured
 * packet.  The whole printing path runs: link printer, dispatch, truncation
 * unwinding, decryption, dumps. */
#include <pcap/pcap.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "../../src/core/names.h"
#include "../../src/core/ts.h"
#include "../../src/print/ipsec.h"
#include "../../src/print/print.h"
#include "../../src/print/state.h"
#include "../../src/print/tcp.h"

/* 16 entries, so the selector is byte 0's low four bits (bit 7 stays -E);
 * the last repeats Ethernet only to fill the table. */
static const int dlts[] = { DLT_EN10MB, DLT_NULL, DLT_LOOP, DLT_RAW, DLT_IPV4,
			    DLT_IPV6, DLT_LINUX_SLL, DLT_LINUX_SLL2,
			    105, 127, 119, 163, 195, 230, 283, DLT_EN10MB };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct out out;
	static struct names *names; /* -n: holds no per-address state */
	static struct esp_state *esp; /* -E: SAs parsed on first use, kept */
	static int ready;
	if (!ready) {
		static const struct options nopt = { .nflag = 1 };
		static const struct options eopt = { .nflag = 1, .espsecret =
			"0x1001@198.51.100.2 aes128-cbc-hmac96:0x101112131415161718191a1b1c1d1e1f,"
			"0x1002@198.51.100.2 3des-cbc-hmac96:0x303132333435363738393a3b3c3d3e3f4041424344454647,"
			"0x1001@2001:db8::2 aes128-cbc-hmac96:0x101112131415161718191a1b1c1d1e1f,"
			"aes256-cbc-hmac96:0x505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f" };
		out_init(&out, open("/dev/null", O_WRONLY));
		dispatch_init();
		names = names_new(&nopt);
		esp = esp_state_new(&eopt);
		ready = 1;
	}
	if (size < 2 || size > 65536 + 2)
		return 0;
	unsigned f = data[1];
	struct options opt = { .nflag = 1, .vflag = f & 3, .eflag = (f >> 2) & 1,
			       .qflag = (f >> 6) & 1, .Sflag = (f >> 7) & 1,
			       .Kflag = (f >> 7) & (f >> 6) & 1 };
	switch ((f >> 3) & 7) {
	case 1: opt.xflag = 1; break;
	case 2: opt.xflag = 2; break;
	case 3: opt.Xflag = 1; break;
	case 4: opt.Xflag = 2; break;
	case 5: opt.Aflag = 1; break;
	default: break;
	}
	struct ts_state ts;
	ts_init(&ts, 2, 0);
	nd_t nd = { .opt = &opt, .out = &out, .ts = &ts };
	nd.names = names;
	if (data[0] & 0x80)
		nd.esp = esp; /* its SAs are parsed on first use and kept */
	nd.tcpseq = tcp_seqtab_new();
	struct print_state ps = { 0 }; /* fresh for each input, as tcpseq */
	nd.ps = &ps;
	link_fn link = dispatch_link(dlts[data[0] % (sizeof dlts / sizeof dlts[0])]);
	/* a private copy, so reads past the end are caught by ASan */
	size_t n = size - 2;
	uint8_t *pkt = malloc(n ? n : 1);
	memcpy(pkt, data + 2, n);
	struct pcap_pkthdr h = { .caplen = (bpf_u_int32)n, .len = (bpf_u_int32)n + (f & 0x20 ? 7 : 0) };
	print_packet(&nd, &h, pkt, 1, link);
	out.len = 0;
	free(pkt);
	tcp_seqtab_free(nd.tcpseq);
	return 0;
}
