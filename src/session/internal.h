/* internal.h - what the session layer's parts share: the parser table
 * entry, the per-connection state, the event writer, expected connections
 * and files. */
#ifndef TRAWL_SESSION_INTERNAL_H
#define TRAWL_SESSION_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "../core/out.h"
#include "../stream/evetime.h"
#include "../analyze/internal.h"
#include "../stream/stream.h"
#include "session.h"

#define SESS_LINE_MAX 4096 /* bytes of one line kept; the rest is cut and noted */

struct sessions;
struct sess;
struct sfile;

enum { APP_TCP = 1, APP_UDP = 2 };
enum { APP_STATE_FTP, APP_STATE_MAX }; /* struct sessions' app_state[] */

/* One application protocol.  detect() looks at the first bytes a
 * direction carried (dir 0: client to server) and answers 1 (this is it),
 * 0 (it is not) or -1 (not enough bytes yet); port is the server's port,
 * for protocols that need a tie broken.  On UDP it is given each whole
 * datagram until one protocol says yes.  line() gets each complete line
 * of a direction, its end of line removed. */
struct app {
	const char *name;        /* app_proto, and the event_type of its events */
	unsigned transports;     /* APP_TCP, APP_UDP */
	int (*detect)(const uint8_t *p, size_t n, int dir, unsigned port);
	size_t state_size;
	void (*line)(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
	             int cut, const struct stream_ts *ts);
	/* raw bytes instead of lines (on UDP: one whole datagram a call) */
	void (*data)(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
	             const struct stream_ts *ts);
	/* bytes of dir from the stream's offset are missing for good (after
	 * the line buffer of dir has been dropped) */
	void (*gap)(struct sessions *x, struct sess *ss, int dir, uint64_t n,
	            const struct stream_ts *ts);
	void (*close)(struct sessions *x, struct sess *ss);
	/* A connection announced by another (sess_expect) has opened: cookie
	 * is what the announcer gave, copied; ps is already allocated.  Apps
	 * that are never found by content have detect NULL. */
	void (*expected)(struct sessions *x, struct sess *ss, const void *cookie, size_t n);
};

struct linebuf {
	uint8_t buf[SESS_LINE_MAX];
	size_t len;
	uint8_t cut;  /* the line being gathered was longer than the buffer */
};

struct sess {
	struct stream *s;
	const struct app *app;
	uint64_t flow_id;
	uint8_t decided;     /* app chosen, or given up (app NULL) */
	uint8_t tries;       /* UDP: datagrams asked about */
	uint8_t probe_len[2];
	uint8_t probe[2][64];/* the first bytes of each direction, for detection */
	struct linebuf *lb[2];/* allocated when the app is line-based */
	void *ps;            /* the parser's state, state_size bytes */
};

/* Counters of what the session layer gave up, reported at the end. */
struct sess_stats {
	uint64_t sessions, expected_taken, expected_dropped;
	uint64_t files, files_stored, files_not_stored, files_incomplete;
	uint64_t store_errors;
	/* inspection (sessions_set_inspect): header copies cut at their own
	 * bound, and buffers cut or not kept for SESS_BODY_INSPECT_TOTAL */
	uint64_t insp_cut, insp_mem_cut;
};

#define SESS_EXPECT_MAX 1024   /* announced connections waiting at once */
#define SESS_OPEN_FILES_MAX 128 /* files being written at once; more are hashed, not stored */

struct sess_expect {
	uint8_t addr[16];
	uint8_t alen, used;
	uint16_t port;
	const struct app *app;
	uint64_t sec;             /* when announced: waits at most SESS_EXPECT_SECS */
	size_t n;
	uint8_t cookie[256];
};
#define SESS_EXPECT_SECS 600

struct sessions {
	struct out *o;           /* where events go (NULL: --extract alone, no events) */
	/* the files' SHA-256 on a second thread (sessions_threaded): then o
	 * is its buffer, out the output */
	struct hashpipe *hp;
	struct out *out;
	int json, nano;
	int slot;                /* our slot in stream.user[] */
	struct an_clock clk;
	struct eve_clock eclk;
	/* the event being written */
	int depth;               /* nesting inside the protocol object */
	int first[8];            /* no field written yet at each depth */
	uint8_t arr[8];          /* the object at this depth is an array */
	int arr_first;
	const char *arr_sep;
	int in_arr;
	/* --extract DIR: the files and files.json */
	int dirfd;               /* DIR/files, or -1 */
	char *dir;
	struct out files_json;
	int files_json_ok;
	unsigned open_files;
	uint64_t next_file_id;
	/* announced connections (FTP data) */
	struct sess_expect expect[SESS_EXPECT_MAX];
	unsigned expect_next, expect_used;
	/* state an app keeps for the whole run, beyond one connection (ftp.c:
	 * the transfer commands its data connections look up): one malloc'd
	 * block each, freed by sessions_free() */
	void *app_state[APP_STATE_MAX];
	struct sess_stats st;
	/* the inspector (NULL: none, and nothing is kept for it) and the
	 * bytes held for it now, at most SESS_BODY_INSPECT_TOTAL */
	sess_inspect_fn insp;
	void *insp_ctx;
	size_t insp_mem;
};

/* The event writer.  An event is begun, given fields, and ended; text
 * output prints the fields' values after a header, JSON writes them under
 * the protocol's object ("ftp":{...}).  Without --sessions (--extract
 * alone) every call does nothing. */
void ev_begin(struct sessions *x, struct sess *ss, const struct stream_ts *ts);
/* The same with another event_type and object name (fileinfo). */
void ev_begin_as(struct sessions *x, struct sess *ss, const struct stream_ts *ts,
                 const char *event_type);
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
/* A nested object (JSON only): key NULL for an object inside an array
 * begun with ev_arr_begin.  Fields inside go through ev_str etc. */
void ev_obj_begin(struct sessions *x, const char *key);
void ev_obj_end(struct sessions *x);
/* Closes the protocol's object and opens a sibling one (EVE's "email"
 * beside "smtp"); JSON only. */
void ev_section(struct sessions *x, const char *name);
void ev_end(struct sessions *x);
/* Whether events are written at all (--sessions given). */
static inline int ev_on(const struct sessions *x) { return x->o != NULL; }

/* Splits bytes into lines and hands them to ss->app->line (for parsers
 * that clean their bytes first, as telnet does, or that switch between
 * lines and a body, as HTTP does). */
void sess_lines(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                const struct stream_ts *ts);

/* Case-insensitive comparison of the first k bytes with a lower-case word. */
int sess_ieq(const uint8_t *p, size_t n, const char *word);

/* Announces a TCP connection to come (FTP's PORT, PASV, EPRT, EPSV): the
 * next connection whose server side is addr:port (either side for port 0
 * never) is given app, and app->expected() the cookie (at most 256
 * bytes, copied).  Bounded: the oldest announcement is dropped (counted). */
void sess_expect(struct sessions *x, const uint8_t *addr, unsigned alen, unsigned port,
                 const struct app *app, const void *cookie, size_t n, const struct stream_ts *ts);

/* ---- inspection (session.h's inspector) -------------------------------- */

static inline int sess_inspecting(const struct sessions *x) { return x->insp != NULL; }
/* Hands b to the inspector (when there is one). */
void sess_inspect(struct sessions *x, struct sess *ss, int dir, const struct sess_bufs *b,
                  const struct stream_ts *ts);

/* A buffer kept for inspection: grows up to max bytes, its memory counted
 * against SESS_BODY_INSPECT_TOTAL (x->insp_mem).  What does not fit is
 * cut (cut set); counted in st.insp_cut when count_max says the bound max
 * is a cut worth telling (not for bodies, whose first bytes are all that
 * is ever given), in st.insp_mem_cut (once a buffer) when the total is
 * to blame. */
struct ibuf {
	uint8_t *p;
	uint32_t n, cap, max;
	uint8_t cut, count_max, memcut;
};
/* Appends n bytes (what fits); 0 when all were kept. */
int ibuf_add(struct sessions *x, struct ibuf *b, const void *p, size_t n);
void ibuf_free(struct sessions *x, struct ibuf *b);
/* Memory for inspection outside an ibuf: 1 when n more bytes may be held
 * (then counted), 0 when the total would be passed (counted as a cut). */
int sess_insp_take(struct sessions *x, size_t n);
void sess_insp_give(struct sessions *x, size_t n);

/* ---- files (files.c) ----------------------------------------------------- */

#define SFILE_NAME_MAX 1024

/* A file a transaction carries: hashed (SHA-256, MD5) as it comes, written
 * under --extract DIR/files/ (named by its SHA-256 at the end), and told
 * as a fileinfo event (with --sessions) and a line of DIR/files.json.
 * dir is the direction that carries it; tx_id the transaction's number in
 * its connection (from 0); name as the protocol gives it (any bytes). */
struct sfile *file_begin(struct sessions *x, struct sess *ss, int dir, const uint8_t *name,
                         size_t n, uint64_t tx_id);
void file_data(struct sessions *x, struct sfile *f, const uint8_t *p, size_t n);
/* n bytes of the file are missing (a gap in the stream). */
void file_gap(struct sessions *x, struct sfile *f, uint64_t n);
/* Ends the file (complete 0: cut short, truncated, or given up), writes
 * its event and files.json line, and gives its facts to the caller for its
 * own event when res is not NULL.  f is freed. */
struct sfile_result {
	uint64_t size;
	int gaps, complete, stored;
	char sha256[65], md5[33];
};
void file_end(struct sessions *x, struct sfile *f, const struct stream_ts *ts,
              int complete, struct sfile_result *res);

/* A file's digest as file_end gave it (sfile_result.sha256, copied) is
 * held once by the caller given res, who drops it when done with it:
 * with the hashing thread it may be a token for a digest still to come
 * (hashpipe.h), which ev_cstr writes as it will be.  Nothing for a digest
 * in hex. */
void sess_hash_hold(struct sessions *x, const char *sha256);
void sess_hash_drop(struct sessions *x, const char *sha256);

/* Opens DIR/files/ and DIR/files.json (files.c); closes them at the end. */
int files_open(struct sessions *x, const char *dir, char *err, size_t errlen);
int files_close(struct sessions *x, char *err, size_t errlen);

/* The fuzz harness: gives the just-opened connection s protocol app, as
 * if it had been detected (or announced, without a cookie). */
void sess_force(struct sessions *x, struct stream *s, const struct app *app);

extern const struct app app_ftp, app_ftp_data, app_smtp, app_irc, app_telnet, app_http,
	app_dns, app_tls;

#endif
