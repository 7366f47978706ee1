/* follow.h - --follow: each TCP and UDP connection's bytes in capture
 * order, one block per change of direction or connection, as text (-A or
 * -X style) or JSON (docs/streams.md). */
#ifndef TRAWL_STREAM_FOLLOW_H
#define TRAWL_STREAM_FOLLOW_H

#include "../core/out.h"
#include "stream.h"

struct follow;
enum follow_mode { FOLLOW_ASCII, FOLLOW_HEX, FOLLOW_JSON };
/* Writes blocks to o (the run's one buffered writer); nano: frac is ns. */
struct follow *follow_new(struct out *o, enum follow_mode mode, int nano);
/* Fills c (ctx = the follow) for streams_add_consumer(). */
void follow_consumer(struct follow *fw, struct stream_consumer *c);
void follow_free(struct follow *fw);

#endif
