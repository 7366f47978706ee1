/* hscache.c - compiled Hyperscan databases kept on disk (see hscache.h).
 *
 * A file is DIR/hs-<sha256>.db, Hyperscan's serialized form as is.  It is
 * written under a temporary name and renamed, so that two runs (or the
 * two compiling threads) never see half a file; a file used has its time
 * set to now, which is what hscache_prune orders by. */
#include "hscache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A serialized database larger than this is not read (ET Open's largest
 * is a few MiB). */
#define HSCACHE_FILE_MAX (256u << 20)

const char *hscache_default_dir(char *buf, size_t len)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
	int n;
	if (x && *x == '/')
		n = snprintf(buf, len, "%s/trawl", x);
	else if (h && *h == '/')
		n = snprintf(buf, len, "%s/.cache/trawl", h);
	else
		return NULL;
	return n > 0 && (size_t)n < len ? buf : NULL;
}

static void feed(EVP_MD_CTX *c, const void *p, size_t n)
{
	EVP_DigestUpdate(c, p, n);
}

/* The file name of a compilation: hs-<hex of its SHA-256>.db. */
static int key_name(char *name, size_t len, const char *const *expr, const unsigned *flags,
                    const unsigned *ids, const size_t *lens, unsigned n, unsigned mode)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;
	if (!c || !EVP_DigestInit_ex(c, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(c);
		return -1;
	}
	const char *v = hs_version();
	feed(c, "trawl-hs-lit 1", 14);
	feed(c, v, strlen(v) + 1);
	feed(c, &mode, sizeof mode);
	feed(c, &n, sizeof n);
	for (unsigned i = 0; i < n; i++) {
		uint64_t l = lens[i];
		feed(c, &flags[i], sizeof flags[i]);
		feed(c, &ids[i], sizeof ids[i]);
		feed(c, &l, sizeof l);
		feed(c, expr[i], lens[i]);
	}
	int ok = EVP_DigestFinal_ex(c, md, &mdlen);
	EVP_MD_CTX_free(c);
	if (!ok || len < 3 + 2 * mdlen + 4)
		return -1;
	static const char hex[] = "0123456789abcdef";
	char *o = name;
	memcpy(o, "hs-", 3);
	o += 3;
	for (unsigned i = 0; i < mdlen; i++) {
		*o++ = hex[md[i] >> 4];
		*o++ = hex[md[i] & 15];
	}
	memcpy(o, ".db", 4);
	return 0;
}

static hs_database_t *load(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	hs_database_t *db = NULL;
	char *buf = NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size > HSCACHE_FILE_MAX || !(buf = malloc((size_t)st.st_size)))
		goto out;
	size_t got = 0;
	while (got < (size_t)st.st_size) {
		ssize_t k = read(fd, buf + got, (size_t)st.st_size - got);
		if (k <= 0)
			goto out;
		got += (size_t)k;
	}
	if (hs_deserialize_database(buf, got, &db) != HS_SUCCESS)
		db = NULL;
	else
		futimens(fd, NULL); /* used now: kept longest by hscache_prune */
out:
	free(buf);
	close(fd);
	return db;
}

static void store(int dirfd, const char *name, const hs_database_t *db)
{
	char *bytes = NULL;
	size_t len = 0;
	if (hs_serialize_database(db, &bytes, &len) != HS_SUCCESS)
		return;
	char tmp[128];
	snprintf(tmp, sizeof tmp, ".%.70s.%ld.%lx.tmp", name, (long)getpid(), (unsigned long)(uintptr_t)db);
	int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		size_t put = 0;
		while (put < len) {
			ssize_t k = write(fd, bytes + put, len - put);
			if (k <= 0)
				break;
			put += (size_t)k;
		}
		if (close(fd) == 0 && put == len)
			renameat(dirfd, tmp, dirfd, name);
		else
			unlinkat(dirfd, tmp, 0);
	}
	free(bytes); /* hs_serialize_database allocates with malloc by default */
}

/* mkdir -p of an absolute path, mode 0700 for what it makes. */
static int make_dir(const char *dir)
{
	char p[4096];
	size_t n = strlen(dir);
	if (n == 0 || n >= sizeof p)
		return -1;
	memcpy(p, dir, n + 1);
	for (size_t i = 1; i <= n; i++)
		if (p[i] == '/' || p[i] == 0) {
			char c = p[i];
			p[i] = 0;
			if (mkdir(p, 0700) < 0 && errno != EEXIST)
				return -1;
			p[i] = c;
		}
	return 0;
}

hs_error_t hscache_compile_lit(const char *dir, const char *const *expr, const unsigned *flags,
                               const unsigned *ids, const size_t *lens, unsigned n, unsigned mode,
                               hs_database_t **db, hs_compile_error_t **ce, int *hit)
{
	char name[80];
	int dirfd = -1;
	*hit = 0;
	if (dir && key_name(name, sizeof name, expr, flags, ids, lens, n, mode) == 0 &&
	    (dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 && make_dir(dir) == 0)
		dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd >= 0 && (*db = load(dirfd, name))) {
		*hit = 1;
		close(dirfd);
		return HS_SUCCESS;
	}
	hs_error_t e = hs_compile_lit_multi(expr, flags, ids, lens, n, mode, NULL, db, ce);
	if (e == HS_SUCCESS && dirfd >= 0)
		store(dirfd, name, *db);
	if (dirfd >= 0)
		close(dirfd);
	return e;
}

struct entry {
	char name[80];
	long long mtime;
	unsigned long long size;
};

static int by_age(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

void hscache_prune(const char *dir, unsigned long long max_bytes)
{
	if (!dir)
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct entry *e = NULL;
	size_t n = 0, cap = 0;
	unsigned long long total = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		struct stat st;
		if (l >= sizeof e->name || strncmp(de->d_name, "hs-", 3) || l < 6 ||
		    strcmp(de->d_name + l - 3, ".db") ||
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 64;
			struct entry *g = n < 100000 ? realloc(e, nc * sizeof *e) : NULL;
			if (!g)
				break;
			e = g;
			cap = nc;
		}
		memcpy(e[n].name, de->d_name, l + 1);
		e[n].mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
		e[n].size = (unsigned long long)st.st_size;
		total += e[n].size;
		n++;
	}
	if (total > max_bytes) {
		qsort(e, n, sizeof *e, by_age);
		for (size_t i = 0; i < n && total > max_bytes; i++)
			if (unlinkat(dirfd(d), e[i].name, 0) == 0)
				total -= e[i].size;
	}
	free(e);
	closedir(d);
}
