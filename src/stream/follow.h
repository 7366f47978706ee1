/* follow.h - --follow (stub until the consumer lands) */
#ifndef TRAWL_STREAM_FOLLOW_H
#define TRAWL_STREAM_FOLLOW_H
#include "../core/out.h"
#include "stream.h"
struct follow;
enum follow_mode { FOLLOW_ASCII, FOLLOW_HEX, FOLLOW_JSON };
struct follow *follow_new(struct out *o, enum follow_mode mode, int nano);
void follow_consumer(struct follow *fw, struct stream_consumer *c);
void follow_free(struct follow *fw);
#endif
