/* report.h - --report FILE.html: one self-contained page (docs/report.md).
 *
 * One more consumer of the analyzer's per-packet facts: report_packet() is
 * called for every packet after the summary and the flow table have counted
 * it, and keeps only what those do not (traffic over time, DNS names, HTTP
 * hosts, URLs and User-Agents, TLS SNI, alerts), in tables allocated once.
 * report_write() then reads the summary's and the flow table's counts
 * through the views below and writes the page.  Every string that came from
 * a packet (or from files.json, or a rule's message) is escaped for HTML
 * where it is written; none is ever written inside the page's script. */
#ifndef TRAWL_ANALYZE_REPORT_H
#define TRAWL_ANALYZE_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "../options.h"
#include "decode.h"

struct report;
struct summary;
struct flowtab;

/* Opens (creates or truncates) opt->report now, so that a bad path fails
 * before the capture is read; NULL with a message in err.  With --extract,
 * DIR/files.json is read when the page is written (after the stream layer
 * has finished writing it). */
struct report *report_new(const struct options *opt, char *err, size_t errlen);
/* One packet's facts (full decode for DNS and HTTP requests, so that names
 * and Host are there). */
void report_packet(struct report *r, const struct facts *f);
/* A rule's alert at packet time (sec, frac as the packets': micro- or
 * nanoseconds with --nano).  msg is any bytes up to its NUL (escaped when
 * written).  The alerts section is left out when none was added. */
void report_alert(struct report *r, uint32_t sid, uint32_t gid, uint32_t rev, const char *msg,
                  uint64_t sec, uint32_t frac);
/* Writes the page from the report's own tables and the summary's and flow
 * table's counts; 0, or -1 after a write error (said on stderr). */
int report_write(struct report *r, struct summary *s, struct flowtab *t);
void report_free(struct report *r);

/* ---- read-only views of the summary and the flow table ----------------- */

struct rv_ctr {
	uint64_t pkts, bytes;
};

#define RV_NDLT 8
#define RV_NAPP 64
#define RV_TOP_HOSTS 20 /* the summary's --json lists the first 10 of these */
#define RV_TOP_PORTS 10

struct rv_host {
	uint8_t len;
	uint8_t a[16];
	struct rv_ctr sent, rcvd;
};

struct rv_port {
	unsigned port;
	struct rv_ctr c;
};

struct sum_view {
	struct rv_ctr all;
	uint64_t capbytes;
	int have_time;
	uint64_t first_sec, last_sec;
	uint32_t first_frac, last_frac;
	unsigned ndlt;
	int dlt[RV_NDLT];
	struct rv_ctr dlts[RV_NDLT], dlt_other;
	struct rv_ctr llc, nolink, ip4, ip6, frags;
	struct rv_ctr ipproto[256];
	struct rv_port ether[16];  /* the top ethertypes, by packets */
	unsigned nether;
	struct rv_ctr ether_rest;  /* the ethertypes after those */
	struct rv_port tcp[RV_TOP_PORTS], udp[RV_TOP_PORTS];
	unsigned ntcp, nudp;
	uint64_t syn, synack, rst, fin;
	uint64_t dns_q, dns_r, http_req, http_resp, tls_sni;
	unsigned napp;
	const char *app[RV_NAPP];
	struct rv_ctr apps[RV_NAPP], app_none;
	unsigned nhosts;
	uint64_t hosts_dropped;
	unsigned ntop;               /* top talkers, ranked as --summary ranks them */
	struct rv_host top[RV_TOP_HOSTS];
	struct rv_ctr top_rest_sent; /* the hosts after those, summed */
};

/* Fills v from s (summary.c). */
void summary_view(struct summary *s, struct sum_view *v);

struct flow_view {
	uint8_t kind;      /* enum net_kind */
	uint8_t alen;      /* 4, 16 or 6 (MACs) */
	uint8_t proto;
	uint8_t ports;     /* TCP or UDP with ports */
	uint8_t cli[16], srv[16];
	uint16_t cport, sport;
	uint64_t pkts[2], bytes[2]; /* [0] client to server, [1] back */
	uint64_t first_sec, last_sec;
	uint32_t first_frac, last_frac;
	const char *state;
	const void *priv;
};

struct flows_stats {
	uint32_t max, listed;
	uint64_t evicted, ev_pkts, ev_bytes, unkeyed;
};

/* Calls fn for every conversation with a packet, in table order
 * (conversations.c), and fills st. */
void flows_each(struct flowtab *t, void (*fn)(void *ctx, const struct flow_view *v), void *ctx,
                struct flows_stats *st);
/* The conversation's protocol as --conversations writes it ("tcp",
 * "udp6", "arp", ...) and its two ends with ports ("10.0.0.1:80"). */
void flow_view_text(const struct flow_view *v, char proto[32], char cli[64], char srv[64]);

#endif
