/* analyze.c - the analyzer's entry points (the JSON events are in events.c). */
#include "analyze.h"

#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/names.h"
#include "../core/ts.h"
#include "../rules/rules.h"
#include "../session/session.h"
#include "../stream/extract.h"
#include "../stream/follow.h"
#include "../stream/stream.h"
#include "internal.h"
#include "json.h"
#include "report.h"

struct analyze {
	const struct options *opt;
	struct out *out;
	int dlt;
	unsigned long number;
	struct summary *sum;
	struct flowtab *flows;  /* for --conversations and the stream layer */
	int report_flows;       /* --conversations */
	int packet_json;        /* --json alone: one object per packet */
	struct eve_packets *eve;/* its clock and Community ID cache */
	struct streams *streams;/* --follow, --extract */
	struct follow *follow;
	struct extract *extract;
	struct sessions *sessions; /* --sessions, and for --extract and --rules */
	struct rules *rules;    /* --rules */
	struct report *report;  /* --report (its summary and flows are sum, flows) */
	struct facts f;
};

int analyze_wanted(const struct options *opt)
{
	return opt->summary || opt->conversations || opt->json || opt->follow || opt->extract ||
	       opt->sessions || opt->nrules || opt->report;
}

const struct mapread_keep *analyze_keep(const struct analyze *a)
{
	return a->sessions ? sessions_keep(a->sessions) : NULL;
}

int analyze_streams(const struct analyze *a)
{
	return a->streams != NULL;
}

static void **slot_of(void *ctx, const struct facts *f)
{
	return flows_slot(ctx, f);
}

static void report_alert_cb(void *ctx, uint32_t sid, uint32_t gid, uint32_t rev, const char *msg,
                            uint64_t sec, uint32_t frac)
{
	report_alert(ctx, sid, gid, rev, msg, sec, frac);
}

/* --rules and --var: loaded and compiled (the loading line on stderr). */
static struct rules *rules_load_all(const struct options *opt, char *err, size_t errlen)
{
	struct rules *r = rules_new();
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	char dflt[4096];
	const char *cache = opt->no_rules_cache ? NULL
			  : opt->rules_cache ? opt->rules_cache
					     : rules_cache_default(dflt, sizeof dflt);
	if (rules_cache(r, cache) < 0) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	for (int i = 0; i < opt->nvars; i++)
		if (rules_var(r, opt->vars[i], err, errlen) < 0)
			goto fail;
	for (int i = 0; i < opt->nrules; i++)
		if (rules_load(r, opt->rules[i], err, errlen) < 0)
			goto fail;
	if (rules_compile(r, opt->rules_strict, err, errlen) < 0)
		goto fail;
	return r;
fail:
	rules_free(r);
	return NULL;
}

/* The files' SHA-256 on a second thread (sessions_threaded) when events
 * are all that is written, read from files, and buffered as usual;
 * --threads 1 keeps everything on one thread (the tests compare). */
static int threads_ok(const struct options *opt)
{
	return opt->threads != 1 && opt->sessions && !opt->extract && !opt->follow && !opt->nrules && !opt->summary &&
	       !opt->conversations && !opt->report && !opt->lflag && !opt->Uflag && !opt->wfile &&
	       !opt->device && opt->rfile;
}

struct analyze *analyze_new(const struct options *opt, struct out *out, char *err, size_t errlen)
{
	struct analyze *a = calloc(1, sizeof *a);
	snprintf(err, errlen, "out of memory");
	if (!a)
		return NULL;
	a->opt = opt;
	a->out = out;
	a->dlt = 1;
	a->report_flows = opt->conversations;
	a->packet_json = opt->json && !opt->summary && !opt->conversations && !opt->follow &&
			 !opt->sessions && !opt->nrules;
	if ((opt->summary || opt->report) && !(a->sum = summary_new(opt->nano)))
		goto fail;
	if (opt->report && !(a->report = report_new(opt, err, errlen)))
		goto fail;
	if (a->packet_json && !(a->eve = eve_packets_new()))
		goto fail;
	int streams = opt->follow || opt->extract || opt->sessions || opt->nrules;
	if (opt->nrules && !(a->rules = rules_load_all(opt, err, errlen)))
		goto fail;
	if ((opt->conversations || streams || opt->report) &&
	    !(a->flows = flows_new(opt->max_flows ? (unsigned)opt->max_flows : AN_FLOWS_DEFAULT)))
		goto fail;
	if (streams) {
		struct stream_limits lim = {
			.flow_mem = (size_t)opt->stream_flow_mem,
			.total_mem = (size_t)opt->stream_mem,
			.frag_mem = (size_t)opt->frag_mem,
			.frag_timeout = (unsigned)opt->frag_timeout,
		};
		struct stream_consumer c;
		if (!(a->streams = streams_new(&lim, slot_of, a->flows)))
			goto fail;
		flows_on_evict(a->flows, streams_evict, a->streams);
		if (opt->extract) {
			if (!(a->extract = extract_new(opt->extract, opt->nano, err, errlen)))
				goto fail;
			extract_consumer(a->extract, &c);
			streams_add_consumer(a->streams, &c);
		}
		if (opt->follow) {
			enum follow_mode m = opt->json ? FOLLOW_JSON : opt->Xflag ? FOLLOW_HEX : FOLLOW_ASCII;
			if (!(a->follow = follow_new(out, m, opt->nano)))
				goto fail;
			follow_consumer(a->follow, &c);
			streams_add_consumer(a->streams, &c);
		}
		/* the session parsers also find the files --extract writes, and
		 * the application protocols and buffers the rules inspect */
		if (opt->sessions || opt->extract || a->rules) {
			if (!(a->sessions = sessions_new(opt->sessions ? out : NULL, opt->json, opt->nano,
							 opt->extract, err, errlen)))
				goto fail;
			sessions_consumer(a->sessions, &c);
			sessions_set_slot(a->sessions, streams_add_consumer(a->streams, &c));
			if (threads_ok(opt))
				sessions_threaded(a->sessions);
		}
		if (a->rules) { /* after the sessions: a stream's protocol is known first */
			/* with --summary the alerts are its section, not lines:
			 * --summary --json stays one document */
			rules_output(a->rules, opt->summary ? NULL : out, opt->json, opt->nano);
			rules_sessions(a->rules, a->sessions);
			if (a->report)
				rules_on_alert(a->rules, report_alert_cb, a->report);
			sessions_set_inspect(a->sessions, rules_inspect, a->rules);
			rules_consumer(a->rules, &c);
			rules_set_slot(a->rules, streams_add_consumer(a->streams, &c));
		}
	}
	return a;
fail:
	analyze_free(a);
	return NULL;
}

void analyze_link(struct analyze *a, int dlt)
{
	a->dlt = dlt;
}

void analyze_packet(struct analyze *a, const struct pcap_pkthdr *h, const uint8_t *p)
{
	struct facts *f = &a->f;
	if (a->packet_json)
		decode_packet(f, a->dlt, p, h->caplen, h->len);
	else /* the reports and streams need no names */
		decode_packet_lite(f, a->dlt, p, h->caplen, h->len);
	f->sec = (uint64_t)h->ts.tv_sec;
	f->frac = (uint32_t)h->ts.tv_usec;
	a->number++;
	if (a->sum)
		summary_add(a->sum, f);
	void **slot = a->flows ? flows_add(a->flows, f) : NULL;
	if (a->report) {
		/* the report lists DNS names and HTTP hosts, which the lite
		 * decode leaves out: those packets (few) are decoded again */
		if (f->lite && (f->app == APP_DNS || f->app == APP_HTTP_REQ)) {
			decode_packet(f, a->dlt, p, h->caplen, h->len);
			f->sec = (uint64_t)h->ts.tv_sec;
			f->frac = (uint32_t)h->ts.tv_usec;
		}
		report_packet(a->report, f);
	}
	if (a->packet_json) {
		out_reserve(a->out, OUT_SLACK);
		packet_json(a->out, a->eve, f, a->number, a->opt->nano);
	}
	if (!a->streams)
		return;
	if (!a->rules) { /* last: it may decode a reassembled datagram into f */
		streams_packet(a->streams, f, slot);
		return;
	}
	/* the rules see a fragment (its header tests), every packet of a
	 * stream through the stream layer, the others (and a datagram the
	 * defragmenter completed that has no stream) here */
	int was_frag = f->is_frag;
	if (was_frag)
		rules_packet(a->rules, f, NULL, 0);
	if (!streams_packet(a->streams, f, slot) && !f->is_frag)
		rules_packet(a->rules, f, NULL, 0);
}

/* The stream layer's closing counters, on stderr (so that they never mix
 * with --follow's output). */
static void streams_report(const struct stream_stats *s)
{
	fprintf(stderr,
		"trawl: streams: %llu tcp, %llu udp, %llu bytes; %llu gaps (%llu bytes missing; "
		"%llu forced by --stream-flow-mem, %llu by --stream-mem); %llu retransmitted "
		"(%llu differing), %llu out of order, %llu overlapping, %llu cut by the snap length; "
		"%llu evicted\n",
		(unsigned long long)s->tcp_streams, (unsigned long long)s->udp_streams,
		(unsigned long long)s->bytes, (unsigned long long)s->gaps,
		(unsigned long long)s->gap_bytes, (unsigned long long)s->gap_flow_mem,
		(unsigned long long)s->gap_total_mem, (unsigned long long)s->retrans,
		(unsigned long long)s->retrans_differ, (unsigned long long)s->out_of_order,
		(unsigned long long)s->overlaps, (unsigned long long)s->truncated,
		(unsigned long long)s->evicted);
	fprintf(stderr,
		"trawl: fragments: %llu taken, %llu datagrams reassembled; given up: %llu timed out, "
		"%llu over --frag-mem, %llu invalid; %llu overlapping\n",
		(unsigned long long)s->frag_fragments, (unsigned long long)s->frag_datagrams,
		(unsigned long long)s->frag_timeout, (unsigned long long)s->frag_mem,
		(unsigned long long)s->frag_bad, (unsigned long long)s->frag_overlaps);
}

/* --report's page, written once everything else has finished (files.json
 * included); 1 after a write error. */
static int report_done(struct analyze *a)
{
	return a->report && report_write(a->report, a->sum, a->flows) < 0;
}

int analyze_finish(struct analyze *a)
{
	int rc = 0;
	if (!a->streams)
		return report_done(a);
	streams_finish(a->streams);
	const struct stream_stats *st = streams_stats(a->streams);
	char err[512];
	if (a->extract && extract_finish(a->extract, st, err, sizeof err) < 0) {
		fprintf(stderr, "trawl: %s\n", err);
		rc = 1;
	}
	if (a->sessions && sessions_finish(a->sessions, err, sizeof err) < 0) {
		fprintf(stderr, "trawl: %s\n", err);
		rc = 1;
	}
	out_flush(a->out);
	streams_report(st);
	if (a->rules)
		rules_finish(a->rules);
	return rc | report_done(a);
}

void analyze_report(struct analyze *a)
{
	struct out *o = a->out;
	if (!a->opt->summary && !a->report_flows)
		return;
	if (a->opt->json) {
		/* one JSON object per line: the flow events and the flow table's
		 * stats event, then the summary document (as --summary --json
		 * alone writes it) */
		if (a->report_flows)
			flows_json(a->flows, o, a->opt->nano);
		if (a->opt->summary) {
			out_s(o, "{\"summary\":");
			summary_json(a->sum, o, a->opt->nano);
			if (a->rules) {
				out_s(o, ",\"alerts\":");
				rules_summary_json(a->rules, o);
			}
			out_s(o, "}\n");
		}
	} else {
		if (a->opt->summary)
			summary_text(a->sum, o);
		if (a->opt->summary && a->rules) {
			out_c(o, '\n');
			rules_summary_text(a->rules, o);
		}
		if (a->report_flows) {
			if (a->opt->summary)
				out_c(o, '\n');
			flows_text(a->flows, o, a->opt->nano);
		}
	}
	out_flush(o);
}

struct analyze *analyze_part(const struct analyze *a)
{
	if (!a->sum || a->flows || a->streams || a->opt->json || a->report)
		return NULL;
	char err[64];
	struct analyze *p = analyze_new(a->opt, a->out, err, sizeof err);
	if (p)
		p->dlt = a->dlt;
	return p;
}

void analyze_merge(struct analyze *a, struct analyze *part)
{
	summary_merge(a->sum, part->sum);
	a->number += part->number;
	analyze_free(part);
}

struct analyze *analyze_part_files(const struct analyze *a)
{
	if (!(a->sum || a->report_flows) || a->streams || a->report || a->packet_json || a->eve ||
	    a->rules)
		return NULL;
	char err[64];
	struct analyze *p = analyze_new(a->opt, a->out, err, sizeof err);
	if (p)
		p->dlt = a->dlt;
	return p;
}

int analyze_mergeable(const struct analyze *a, int later)
{
	if (a->flows && flows_evicted(a->flows))
		return 0;
	return !later || !a->sum || summary_merge_exact(a->sum);
}

int analyze_merge_exact(struct analyze *a, struct analyze *part)
{
	if (part->sum && !summary_merge_exact(part->sum))
		return -1;
	if (part->flows && flows_merge(a->flows, part->flows) < 0)
		return -1;
	if (part->sum)
		summary_merge(a->sum, part->sum);
	a->number += part->number;
	analyze_free(part);
	return 0;
}

void analyze_free(struct analyze *a)
{
	if (!a)
		return;
	summary_free(a->sum);
	report_free(a->report);
	eve_packets_free(a->eve);
	streams_free(a->streams); /* before the flow table, whose slots point into it */
	follow_free(a->follow);
	sessions_free(a->sessions);
	rules_free(a->rules);
	extract_free(a->extract);
	flows_free(a->flows);
	free(a);
}
