/* alerts.c - feeds a capture through the report as the analyzer does (the
 * summary, the flow table, then report_packet) and adds rule alerts through
 * report_alert(), the hook the rule engine calls: every 7th packet gets an
 * alert of one of three signatures, one whose message is hostile markup.
 * tests/report/run.sh builds and runs it until --rules calls the hook:
 *   alerts CAPTURE OUT.html   (prints the number of alerts added) */
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

#include "../../src/analyze/internal.h"
#include "../../src/analyze/report.h"

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	char err[PCAP_ERRBUF_SIZE];
	pcap_t *p = pcap_open_offline(argv[1], err);
	if (!p) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	struct options opt;
	memset(&opt, 0, sizeof opt);
	opt.rfile = argv[1];
	opt.report = argv[2];
	struct report *r = report_new(&opt, err, sizeof err);
	struct summary *s = summary_new(0);
	struct flowtab *t = flows_new(1024);
	if (!r || !s || !t) {
		fprintf(stderr, "setup failed: %s\n", r ? "out of memory" : err);
		return 1;
	}
	static const char *const msg[3] = {
		"ET POLICY test <script>window.__pwned=20</script>",
		"\"><img src=x onerror=window.__pwned=21>",
		"GPL ATTACK_RESPONSE id check returned root",
	};
	struct pcap_pkthdr *h;
	const u_char *d;
	struct facts f;
	unsigned long n = 0, alerts = 0;
	int dlt = pcap_datalink(p);
	while (pcap_next_ex(p, &h, &d) == 1) {
		decode_packet(&f, dlt, d, h->caplen, h->len);
		f.sec = (uint64_t)h->ts.tv_sec;
		f.frac = (uint32_t)h->ts.tv_usec;
		summary_add(s, &f);
		flows_add(t, &f);
		report_packet(r, &f);
		if (n++ % 7 == 3) {
			unsigned k = (unsigned)(n % 3);
			report_alert(r, 2100000 + k, 1, 1 + k, msg[k], f.sec, f.frac);
			alerts++;
		}
	}
	int rc = report_write(r, s, t) < 0;
	report_free(r);
	summary_free(s);
	flows_free(t);
	pcap_close(p);
	printf("%lu\n", alerts);
	return rc;
}
