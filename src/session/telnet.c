/* telnet.c - telnet: the lines the client typed (option negotiation
 * removed, erase characters applied), one event per line. */
#include <string.h>

#include "internal.h"

struct telnet {
	uint8_t state[2];   /* where in an IAC sequence each direction is */
	uint8_t cr[2];      /* the last byte was CR */
	uint8_t line[SESS_LINE_MAX];
	size_t len;
	uint8_t cut;
};

enum { T_DATA, T_IAC, T_OPT, T_SB, T_SB_IAC };

static int telnet_detect(const uint8_t *p, size_t n, int dir, unsigned port)
{
	(void)dir;
	if (n < 2)
		return port == 23 ? 1 : -1;
	if (p[0] == 0xff && p[1] >= 251 && p[1] <= 254)
		return 1;
	return port == 23 ? 1 : 0;
}

static void typed(struct sessions *x, struct sess *ss, const struct stream_ts *ts)
{
	struct telnet *t = ss->ps;
	ev_begin(x, ss, ts);
	ev_str(x, "typed", t->line, t->len, " > ");
	if (t->cut)
		ev_bool(x, "truncated", 1);
	ev_end(x);
	t->len = 0;
	t->cut = 0;
}

static void telnet_data(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                        const struct stream_ts *ts)
{
	struct telnet *t = ss->ps;
	for (size_t i = 0; i < n; i++) {
		uint8_t c = p[i];
		switch (t->state[dir]) {
		case T_IAC:
			if (c == 0xff)
				break; /* IAC IAC: a data byte 255 */
			t->state[dir] = c == 250 ? T_SB : c >= 251 && c <= 254 ? T_OPT : T_DATA;
			continue;
		case T_OPT:
			t->state[dir] = T_DATA;
			continue;
		case T_SB:
			if (c == 0xff)
				t->state[dir] = T_SB_IAC;
			continue;
		case T_SB_IAC:
			t->state[dir] = c == 240 ? T_DATA : T_SB;
			continue;
		default:
			if (c == 0xff) {
				t->state[dir] = T_IAC;
				continue;
			}
		}
		t->state[dir] = T_DATA;
		if (dir != 0)
			continue; /* only what the client typed */
		if (c == '\r' || c == '\n') {
			if (!(c == '\n' && t->cr[dir]))
				typed(x, ss, ts);
			t->cr[dir] = c == '\r';
			continue;
		}
		t->cr[dir] = 0;
		if (c == 0)
			continue; /* CR NUL */
		if (c == 0x08 || c == 0x7f) {
			if (t->len)
				t->len--;
			continue;
		}
		if (t->len < sizeof t->line)
			t->line[t->len++] = c;
		else
			t->cut = 1;
	}
}

static void telnet_close(struct sessions *x, struct sess *ss)
{
	struct telnet *t = ss->ps;
	if (t->len) {
		struct stream_ts ts = ss->s->last;
		typed(x, ss, &ts);
	}
}

const struct app app_telnet = {
	.name = "telnet",
	.transports = APP_TCP,
	.detect = telnet_detect,
	.state_size = sizeof(struct telnet),
	.data = telnet_data,
	.close = telnet_close,
};
