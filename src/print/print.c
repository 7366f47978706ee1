/* print.c - one packet: sanity checks, timestamp, link printer, dumps.
 *
 * This is the single place truncation unwinds to: a printer that reads past
 * the captured bytes longjmps here, the marker " [|proto]" is printed, and
 * the packet ends as usual (dumps, newline). */
#include <pcap/pcap.h>
#include <string.h>

#include "../core/hexdump.h"
#include "../core/ts.h"
#include "print.h"

#define MAX_SNAPLEN 262144u

/* tcpdump refuses to decode records whose lengths cannot be right. */
static int bad_header(nd_t *nd, const struct pcap_pkthdr *h)
{
	int bad = 0;
	if (h->caplen == 0) {
		nd_s(nd, "[Invalid header: caplen==0");
		bad = 1;
	}
	if (h->len == 0) {
		nd_s(nd, bad ? ", len==0" : "[Invalid header: len==0");
		bad = 1;
	} else if (h->len < h->caplen) {
		nd_s(nd, bad ? "," : "[Invalid header:");
		nd_printf(nd, " len(%u) < caplen(%u)", h->len, h->caplen);
		bad = 1;
	}
	if (h->caplen > MAX_SNAPLEN) {
		nd_s(nd, bad ? "," : "[Invalid header:");
		nd_printf(nd, " caplen(%u) > %u", h->caplen, MAX_SNAPLEN);
		bad = 1;
	}
	if (h->len > MAX_SNAPLEN) {
		nd_s(nd, bad ? "," : "[Invalid header:");
		nd_printf(nd, " len(%u) > %u", h->len, MAX_SNAPLEN);
		bad = 1;
	}
	if (bad)
		nd_s(nd, "]\n");
	return bad;
}

/* Runs the link printer under the truncation trap.  Kept apart so that no
 * local of print_packet lives across setjmp. */
static unsigned run_printer(nd_t *nd, link_fn link, const uint8_t *p,
                            unsigned caplen, unsigned len)
{
	if (setjmp(nd->trunc) == 0) {
		nd->ll_hdr_len = link(nd, p, caplen, len);
		return nd->ll_hdr_len;
	}
	nd_print_trunc(nd);
	return 0; /* dumps show the whole packet after a truncation */
}

void print_ts(nd_t *nd, const struct pcap_pkthdr *h)
{
	ts_print(nd->ts, nd->out, (int64_t)h->ts.tv_sec, (int64_t)h->ts.tv_usec);
}

void print_packet(nd_t *nd, const struct pcap_pkthdr *h, const uint8_t *p,
                  unsigned long number, link_fn link)
{
	struct out *o = nd->out;
	out_reserve(o, OUT_SLACK);
	if (nd->opt->number) {
		out_uw(o, number, 5, ' ');
		out_s(o, "  ");
	}
	if (bad_header(nd, h))
		return;
	print_ts(nd, h);

	nd->pkt = p;
	nd->end = p + h->caplen;
	nd->proto = "";
	nd->ll_hdr_len = 0;
	nd->depth = 0;
	unsigned hdrlen = run_printer(nd, link, p, h->caplen, h->len);
	nd->end = p + h->caplen;

	const struct options *opt = nd->opt;
	unsigned skip = hdrlen < h->caplen ? hdrlen : h->caplen;
	if (opt->Xflag) {
		if (opt->Xflag > 1)
			hex_ascii_dump(o, "\n\t", p, h->caplen, 0);
		else if (h->caplen > hdrlen)
			hex_ascii_dump(o, "\n\t", p + skip, h->caplen - skip, 0);
	} else if (opt->xflag) {
		if (opt->xflag > 1)
			hex_dump(o, "\n\t", p, h->caplen, 0);
		else if (h->caplen > hdrlen)
			hex_dump(o, "\n\t", p + skip, h->caplen - skip, 0);
	} else if (opt->Aflag) {
		if (opt->Aflag > 1)
			ascii_dump(o, p, h->caplen);
		else if (h->caplen > hdrlen)
			ascii_dump(o, p + skip, h->caplen - skip);
	}
	out_c(o, '\n');
}
