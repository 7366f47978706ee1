/* extract.c - stub until the consumer lands */
#include "extract.h"
#include <stdio.h>
struct extract *extract_new(const char *dir, int nano, char *err, size_t errlen)
{
	(void)dir; (void)nano;
	snprintf(err, errlen, "--extract: not built yet");
	return NULL;
}
void extract_consumer(struct extract *x, struct stream_consumer *c) { (void)x; (void)c; }
int extract_finish(struct extract *x, const struct stream_stats *st, char *err, size_t errlen) { (void)x; (void)st; (void)err; (void)errlen; return 0; }
void extract_free(struct extract *x) { (void)x; }
