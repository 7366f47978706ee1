/* extract.h - --extract (stub until the consumer lands) */
#ifndef TRAWL_STREAM_EXTRACT_H
#define TRAWL_STREAM_EXTRACT_H
#include <stddef.h>
#include "stream.h"
struct extract;
struct extract *extract_new(const char *dir, int nano, char *err, size_t errlen);
void extract_consumer(struct extract *x, struct stream_consumer *c);
int extract_finish(struct extract *x, const struct stream_stats *st, char *err, size_t errlen);
void extract_free(struct extract *x);
#endif
