/* hscache.h - compiled Hyperscan databases kept on disk between runs.
 *
 * Compiling ET Open's literals takes Hyperscan about half a second on two
 * cores, every run, for the same rules.  A database is stored under the
 * SHA-256 of everything its compilation was given (Hyperscan's version,
 * the mode, each literal's bytes, flags and id), so that a file found is
 * the database the compilation would make; Hyperscan's own checks
 * (version, platform, checksum) refuse a stale or damaged file, and then
 * the database is compiled again.  The cache only saves time: when it
 * cannot be read or written the result is the same. */
#ifndef TRAWL_RULES_HSCACHE_H
#define TRAWL_RULES_HSCACHE_H

#include <hs/hs.h>
#include <stddef.h>

/* Databases found in the cache, and compiled, over a run (counted from
 * several threads with atomic adds). */
struct hscache_stats {
	unsigned hits, compiled;
};

/* The default directory: $XDG_CACHE_HOME/trawl, else $HOME/.cache/trawl;
 * NULL when neither is set.  Written into buf. */
const char *hscache_default_dir(char *buf, size_t len);

/* hs_compile_lit_multi through the cache dir (NULL: no cache).  Returns
 * HS_SUCCESS with *db, or Hyperscan's error with *ce. */
hs_error_t hscache_compile_lit(const char *dir, const char *const *expr, const unsigned *flags,
                               const unsigned *ids, const size_t *lens, unsigned n, unsigned mode,
                               hs_database_t **db, hs_compile_error_t **ce, int *hit);

/* Removes the least recently used databases of dir until what is left
 * takes at most max_bytes. */
void hscache_prune(const char *dir, unsigned long long max_bytes);

#endif
