/* session.h - --sessions: application transactions on the reassembled
 * streams (FTP commands and replies, IRC commands, SMTP envelopes, the
 * lines typed into telnet), one event per transaction.
 *
 * A consumer of the stream layer (src/stream/stream.h).  The protocol of a
 * connection is found from its first bytes (an FTP or SMTP greeting, an
 * IRC registration, telnet option negotiation), the ports only breaking
 * ties, so that IRC on 31337 or FTP on 2121 is still recognized.  Each
 * protocol is one file and one row of the table in session.c.
 *
 * Output: one line per event, or with --json one EVE-shaped JSON object
 * per line (timestamp, flow_id, community_id, event_type, src_ip,
 * src_port, dest_ip, dest_port, proto, app_proto and the protocol's own
 * object), the client always the source. */
#ifndef TRAWL_SESSION_H
#define TRAWL_SESSION_H

#include "../core/out.h"
#include "../stream/stream.h"

struct sessions;

/* o NULL: no events (--extract alone, for the files); extract_dir: write
 * the transferred files and DIR/files.json there (NULL: not). */
struct sessions *sessions_new(struct out *o, int json, int nano, const char *extract_dir,
                              char *err, size_t errlen);
void sessions_consumer(struct sessions *ss, struct stream_consumer *c);
/* The slot streams_add_consumer() gave (its per-stream state lives in
 * stream.user[slot]). */
void sessions_set_slot(struct sessions *ss, int slot);
/* After streams_finish(): the counters on stderr, files.json completed. */
int sessions_finish(struct sessions *ss, char *err, size_t errlen);
void sessions_free(struct sessions *ss);

#endif
