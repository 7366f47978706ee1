/* rules.h - --rules: alerts from Snort 2.9 / Suricata 5+ rules (Emerging
 * Threats Open and the like), on packets, defragmented datagrams,
 * reassembled TCP streams and the application buffers of the sessions.
 *
 * A consumer of the analyzer's one decode (src/analyze/decode.h), of the
 * stream layer (in-order bytes of each connection) and of the session
 * layer (the sticky buffers: http.uri, dns.query, tls.sni, file.data ...).
 * Loading: rules_new, rules_var / rules_load (any order: variables are
 * resolved at rules_compile), rules_compile; then packets; then
 * rules_finish.  The parts:
 *   parse.c   one rule's text into a struct rule (internal.h)
 *   load.c    files and directories, var lines, classification.config,
 *             reference.config, the skipped-keyword tally
 *   addr.c    address and port sets (lists, ranges, negation, variables)
 *   match.c   a rule's detection list on its buffers, header keywords
 *   prefilter.c  Hyperscan over each buffer: the rules worth evaluating
 *   engine.c  the per-packet and per-stream work, flow state (flowbits,
 *             established), thresholds, alerts out */
#ifndef TRAWL_RULES_H
#define TRAWL_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "../analyze/decode.h"
#include "../core/out.h"
#include "../session/session.h"
#include "../stream/stream.h"

struct rules;

struct rules *rules_new(void);
/* --rules-cache DIR: compiled Hyperscan databases kept in dir between
 * runs (NULL, the default here: none; src/rules/hscache.h). */
int rules_cache(struct rules *r, const char *dir);
/* The default: $XDG_CACHE_HOME/trawl, else $HOME/.cache/trawl (in buf);
 * NULL when neither is set. */
const char *rules_cache_default(char *buf, size_t len);
/* --var NAME=VALUE (overrides a var line of the rule files). */
int rules_var(struct rules *r, const char *name_eq_value, char *err, size_t errlen);
/* --rules PATH: a rule file, or a directory whose *.rules are all read
 * (in name order); classification.config and reference.config beside them
 * are read when present.  A malformed rule is an error naming file:line;
 * a rule with a keyword not supported is skipped and counted. */
int rules_load(struct rules *r, const char *path, char *err, size_t errlen);
/* Resolves variables, builds the prefilter, and writes the loading line
 * ("trawl: rules: loaded N of M rules ...") to stderr.  strict: a skipped
 * rule is an error. */
int rules_compile(struct rules *r, int strict, char *err, size_t errlen);

/* Where alerts go: o, as Snort's fast alert lines, or EVE alert events
 * with json; nano: timestamps in nanoseconds. */
void rules_output(struct rules *r, struct out *o, int json, int nano);

/* Also tells fn of every alert (the HTML report's alerts section). */
typedef void (*rules_alert_fn)(void *ctx, uint32_t sid, uint32_t gid, uint32_t rev,
                               const char *msg, uint64_t sec, uint32_t frac);
void rules_on_alert(struct rules *r, rules_alert_fn fn, void *ctx);

/* One decoded packet (or a datagram the stream layer completed), with the
 * connection it belongs to (NULL: none tracked) and its direction (0
 * client to server). */
void rules_packet(struct rules *r, const struct facts *f, struct stream *s, int dir);
/* The stream-layer consumer (reassembled payload) and its slot. */
void rules_consumer(struct rules *r, struct stream_consumer *c);
void rules_set_slot(struct rules *r, int slot);
/* The session layer, for sessions_set_inspect() and app_proto. */
void rules_sessions(struct rules *r, struct sessions *ss);
void rules_inspect(void *rules, struct stream *s, int dir, const struct sess_bufs *b,
                   const struct stream_ts *ts);

/* Alerts by signature (count, first, last) for --summary. */
void rules_summary_text(struct rules *r, struct out *o);
void rules_summary_json(struct rules *r, struct out *o);
/* The closing counters on stderr (alerts, what was dropped). */
void rules_finish(struct rules *r);
void rules_free(struct rules *r);

#endif
