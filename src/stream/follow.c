/* follow.c - stub: header lines and raw bytes, for testing the layer */
#include "follow.h"
#include <stdlib.h>
#include "../core/names.h"
struct follow { struct out *o; };
static void put_end(struct out *o, const struct stream *s, int dir, int src)
{
	char b[64];
	const struct stream_side *x = &s->side[src ? dir : !dir];
	int k = s->alen == 4 ? fmt_ip4(b, x->addr) : fmt_ip6(b, x->addr);
	out_mem(o, b, (size_t)k);
	out_c(o, '.');
	out_u(o, x->port);
}
static void on_data(void *ctx, struct stream *s, int dir, uint64_t off, const uint8_t *p, size_t n, const struct stream_ts *ts)
{
	struct follow *fw = ctx; (void)ts;
	out_s(fw->o, "== "); put_end(fw->o, s, dir, 1); out_s(fw->o, " > "); put_end(fw->o, s, dir, 0);
	out_s(fw->o, ": bytes "); out_u(fw->o, off); out_c(fw->o, ':'); out_u(fw->o, off + n); out_c(fw->o, '\n');
	out_mem(fw->o, p, n); out_c(fw->o, '\n');
}
static void on_gap(void *ctx, struct stream *s, int dir, uint64_t off, uint64_t n, const struct stream_ts *ts)
{
	struct follow *fw = ctx; (void)ts;
	out_s(fw->o, "== "); put_end(fw->o, s, dir, 1); out_s(fw->o, " > "); put_end(fw->o, s, dir, 0);
	out_s(fw->o, ": gap "); out_u(fw->o, off); out_c(fw->o, ':'); out_u(fw->o, off + n); out_c(fw->o, '\n');
}
static void on_close(void *ctx, struct stream *s)
{
	struct follow *fw = ctx;
	out_s(fw->o, "== closed "); out_u(fw->o, s->id); out_c(fw->o, ' '); out_u(fw->o, s->closed); out_c(fw->o, '\n');
}
struct follow *follow_new(struct out *o, enum follow_mode mode, int nano)
{
	(void)mode; (void)nano;
	struct follow *fw = calloc(1, sizeof *fw);
	if (fw) fw->o = o;
	return fw;
}
void follow_consumer(struct follow *fw, struct stream_consumer *c)
{
	*c = (struct stream_consumer){ fw, NULL, on_data, on_gap, on_close };
}
void follow_free(struct follow *fw) { free(fw); }
