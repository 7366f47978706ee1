/* hashpipe.h - the SHA-256 of the files --sessions reports, computed on a
 * second thread, with the output order and bytes of the single-threaded
 * run.
 *
 * The session layer (the one thread that parses) hands each file's bytes
 * to the hashing thread through a bounded ring (copied: the bytes may be
 * an inflate buffer or a reassembly queue's), and writes its events into a
 * private buffer (hp_out) instead of the output.  A digest the parser does
 * not know yet is written as a 64-byte hole; when that buffer fills, it
 * goes through the same ring, after the commands that end the files its
 * holes name, and the hashing thread fills the holes and writes the bytes
 * out.  So the parser never waits for a digest, and the output is the
 * same bytes in the same order as when it hashes itself.
 *
 * A digest is named by a token (HP_TOKEN and its slot's number, in the
 * place of the 64 hex digits of sfile_result.sha256); a slot is reused
 * once every hole naming it has been handed over (its references dropped,
 * then the next buffer sent). */
#ifndef TRAWL_SESSION_HASHPIPE_H
#define TRAWL_SESSION_HASHPIPE_H

#include <stddef.h>

#include "../core/out.h"

#define HP_TOKEN '\x01'
#define HP_HEX 64 /* a hole: the digest in lower-case hex */

struct hashpipe;

/* Starts the thread; dst is where the output finally goes (its buffer is
 * flushed first, and not touched again until hp_finish).  NULL when the
 * thread or memory cannot be had. */
struct hashpipe *hp_new(struct out *dst);
/* Where the parser's events go while the thread runs. */
struct out *hp_out(struct hashpipe *h);
/* A new digest: its slot, or -1 when none is free (the caller then hashes
 * the file itself). */
int hp_begin(struct hashpipe *h);
void hp_data(struct hashpipe *h, int slot, const void *p, size_t n);
/* The file ended: its token into tok (at least 16 bytes); the caller holds
 * one reference to it. */
void hp_end(struct hashpipe *h, int slot, char *tok);
/* Whether s is a token. */
static inline int hp_is_token(const char *s) { return s[0] == HP_TOKEN; }
/* One more, or one fewer, reference to the token s (nothing for a digest
 * already in hex). */
void hp_hold(struct hashpipe *h, const char *s);
void hp_drop(struct hashpipe *h, const char *s);
/* The hole for token s, at the end of hp_out(). */
void hp_hole(struct hashpipe *h, const char *s);
/* For the file reader (src/capture/mapread.h): the bytes of its mappings
 * are hashed in place instead of copied, each mapping unmapped by the
 * hashing thread once it has passed it (at most a few are held so). */
struct mapread_keep;
const struct mapread_keep *hp_keep(struct hashpipe *h);
/* Sends what is left, waits for the thread to write it, and stops it:
 * dst then holds nothing more of ours; a write error of the thread is
 * left in dst->failed. */
void hp_finish(struct hashpipe *h);
void hp_free(struct hashpipe *h);

#endif
