/* extract.h - --extract DIR: each TCP direction that carried bytes written
 * to a file named as tcpflow 1.6 names it, and DIR/streams.json describing
 * them (docs/streams.md). */
#ifndef TRAWL_STREAM_EXTRACT_H
#define TRAWL_STREAM_EXTRACT_H

#include <stddef.h>

#include "stream.h"

struct extract;
/* Prepares DIR: creates it when missing (one level, mode 0755), refuses a
 * non-empty one or one that cannot be written: then returns NULL with a
 * message naming DIR in err (e.g. "--extract: /x/y: Permission denied",
 * "--extract: out: directory is not empty (trawl does not overwrite an earlier extraction)"). */
struct extract *extract_new(const char *dir, int nano, char *err, size_t errlen);
void extract_consumer(struct extract *x, struct stream_consumer *c);
/* After streams_finish(): writes DIR/streams.json (streams in the order
 * they opened, and the stats), flushes and closes everything.  Returns 0,
 * or -1 with a message in err (a write error names the file). */
int extract_finish(struct extract *x, const struct stream_stats *st, char *err, size_t errlen);
void extract_free(struct extract *x);

#endif
