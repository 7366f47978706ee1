/* internal.h - what the session layer's parts share: the parser table
 * entry, the per-connection state, and the event writer. */
#ifndef TRAWL_SESSION_INTERNAL_H
#define TRAWL_SESSION_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "../core/out.h"
#include "../stream/stream.h"

#define SESS_LINE_MAX 4096 /* bytes of one line kept; the rest is cut and noted */

struct sessions;
struct sess;

/* One application protocol.  detect() looks at the first bytes a
 * direction carried (dir 0: client to server) and answers 1 (this is it),
 * 0 (it is not) or -1 (not enough bytes yet); port is the server's port,
 * for protocols that need a tie broken.  line() gets each complete line of
 * a direction, its end of line removed. */
struct app {
	const char *name;
	int (*detect)(const uint8_t *p, size_t n, int dir, unsigned port);
	size_t state_size;
	void (*line)(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
	             int cut, const struct stream_ts *ts);
	/* raw bytes instead of lines (telnet strips option negotiation itself) */
	void (*data)(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
	             const struct stream_ts *ts);
	void (*close)(struct sessions *x, struct sess *ss);
};

struct linebuf {
	uint8_t buf[SESS_LINE_MAX];
	size_t len;
	uint8_t cut;  /* the line being gathered was longer than the buffer */
};

struct sess {
	struct stream *s;
	const struct app *app;
	uint8_t decided;     /* app chosen, or given up (app NULL) */
	uint8_t probe_len[2];
	uint8_t probe[2][64];/* the first bytes of each direction, for detection */
	struct linebuf lb[2];
	void *ps;            /* the parser's state, state_size bytes */
};

/* The event writer.  An event is begun, given fields, and ended; text
 * output prints the fields' values after a header, JSON writes them under
 * the protocol's object. */
void ev_begin(struct sessions *x, struct sess *ss, const struct stream_ts *ts);
/* "key":"value" in JSON; in text the value after sep (NULL: JSON only). */
void ev_str(struct sessions *x, const char *key, const uint8_t *p, size_t n, const char *sep);
void ev_cstr(struct sessions *x, const char *key, const char *s, const char *sep);
void ev_u(struct sessions *x, const char *key, uint64_t v, const char *sep);
void ev_bool(struct sessions *x, const char *key, int v);
/* Text output only: s as it is. */
void ev_text(struct sessions *x, const char *s);
/* An array of strings: begun, items, ended. */
void ev_arr_begin(struct sessions *x, const char *key, const char *sep);
void ev_arr_str(struct sessions *x, const uint8_t *p, size_t n, const char *sep);
void ev_arr_u(struct sessions *x, uint64_t v);
void ev_arr_end(struct sessions *x);
/* Closes the protocol's object and opens a sibling one (EVE's "email"
 * beside "smtp"); JSON only. */
void ev_section(struct sessions *x, const char *name);
void ev_end(struct sessions *x);
/* Splits bytes into lines and hands them to ss->app->line (for parsers
 * that clean their bytes first, as telnet does). */
void sess_lines(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                const struct stream_ts *ts);

/* Case-insensitive comparison of the first k bytes with a lower-case word. */
int sess_ieq(const uint8_t *p, size_t n, const char *word);

extern const struct app app_ftp, app_smtp, app_irc, app_telnet;

#endif
