/* analyze.h - incident-response reports: --summary, --conversations, --json.
 *
 * main.c hands every packet that passed the filter to analyze_packet()
 * instead of the tcpdump printers, and calls analyze_report() once at the
 * end of the run (end of file, -c reached, or a signal when live). */
#ifndef TRAWL_ANALYZE_H
#define TRAWL_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/out.h"
#include "../options.h"

struct pcap_pkthdr;
struct analyze;

/* Default and upper limit of the conversation (flow) table. */
#define AN_FLOWS_DEFAULT 262144
#define AN_FLOWS_MAX     4194304
/* Hosts the summary's talker table tracks (later ones are counted apart). */
#define AN_HOSTS_MAX     65536

/* True when the options ask for any analyzer output. */
int analyze_wanted(const struct options *opt);
/* Allocates everything the run needs up front; NULL with a message in err
 * (out of memory, an --extract directory that cannot be used). */
struct analyze *analyze_new(const struct options *opt, struct out *out, char *err, size_t errlen);
/* True when the stream layer runs (--follow, --extract): a stop signal
 * must then end the reading cleanly, so that every stream is flushed. */
int analyze_streams(const struct analyze *a);
/* Ends the stream layer: flushes and closes every stream, writes
 * --extract's streams.json, reports its counters on stderr; then writes
 * --report's page.  Returns 0, or 1 after an error it reported. */
int analyze_finish(struct analyze *a);
/* The link type of the source about to be read (once per file). */
void analyze_link(struct analyze *a, int dlt);
void analyze_packet(struct analyze *a, const struct pcap_pkthdr *h, const uint8_t *p);
/* Writes the --summary / --conversations reports: text, or with --json the
 * flow events, the flow table's stats event and the summary document, one
 * JSON object per line. */
void analyze_report(struct analyze *a);
void analyze_free(struct analyze *a);

/* Reports that add up (--summary alone) can be built in parts: a file read
 * in two halves at once feeds a second analyzer from analyze_part(), whose
 * counts analyze_merge() then adds into the first (the part's packets being
 * the later ones) and frees.  analyze_part is NULL when the reports asked
 * for cannot be built so. */
struct analyze *analyze_part(const struct analyze *a);
void analyze_merge(struct analyze *a, struct analyze *part);

/* Many files (main.c's run_files): the files after some point read into a
 * part of their own, while a reads those before.  analyze_part_files is
 * NULL unless the reports asked for are --summary and --conversations
 * (text or --json) alone.  analyze_merge_exact adds the part into a and
 * frees it when the result is exactly what reading the files one after the
 * other into a would have given, and returns 0; else it returns -1 and
 * leaves both as they were (a bounded table overflowed: read again). */
struct analyze *analyze_part_files(const struct analyze *a);
int analyze_merge_exact(struct analyze *a, struct analyze *part);
/* False once a merge with a as the earlier part (later 0) or as the later
 * one (later 1) can no longer be exact, whatever comes next: the reading
 * of the other part can stop. */
int analyze_mergeable(const struct analyze *a, int later);


#endif
