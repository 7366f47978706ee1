/* files.c - the files that transactions carry (HTTP bodies, FTP data,
 * SMTP attachments): hashed as they come, stored under --extract
 * DIR/files/ by their SHA-256, and told as EVE fileinfo events, on the
 * output (--sessions) and as the lines of DIR/files.json.
 *
 * A file is written under a temporary name (".part-N") and renamed to its
 * SHA-256 when it ends, so that a name from the network never becomes a
 * path, and the same content is stored once.  At most SESS_OPEN_FILES_MAX
 * files are written at once; a file beyond that is still hashed and told,
 * with "stored":false, and counted. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hashpipe.h"
#include "internal.h"

#define SFILE_BUF (32u << 10)

struct sfile {
	struct sess *ss;
	EVP_MD_CTX *sha256, *md5;
	int slot;            /* the hashing thread's digest (x->hp), or -1 */
	uint64_t size, gap_bytes, tx_id, id;
	int dir;
	int fd;              /* the temporary file, or -1 (not stored) */
	int write_err;
	size_t nlen;
	uint8_t name[SFILE_NAME_MAX];
	size_t blen;
	uint8_t *buf;        /* SFILE_BUF bytes waiting to be written */
};

int files_open(struct sessions *x, const char *dir, char *err, size_t errlen)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 || (mkdirat(dfd, "files", 0755) < 0 && errno != EEXIST)) {
		snprintf(err, errlen, "--extract: %s/files: %s", dir, strerror(errno));
		if (dfd >= 0)
			close(dfd);
		return -1;
	}
	int ffd = openat(dfd, "files", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int jfd = openat(dfd, "files.json", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	int e = errno;
	close(dfd);
	if (ffd < 0 || jfd < 0) {
		snprintf(err, errlen, "--extract: %s: %s", dir, strerror(e));
		if (ffd >= 0)
			close(ffd);
		if (jfd >= 0)
			close(jfd);
		return -1;
	}
	if (out_init(&x->files_json, jfd) < 0 || !(x->dir = strdup(dir))) {
		snprintf(err, errlen, "--extract: %s: out of memory", dir);
		close(ffd);
		close(jfd);
		return -1;
	}
	x->files_json_ok = 1;
	x->dirfd = ffd;
	return 0;
}

int files_close(struct sessions *x, char *err, size_t errlen)
{
	if (!x->files_json_ok)
		return 0;
	out_flush(&x->files_json);
	int e = x->files_json.failed;
	if (close(x->files_json.fd) < 0 && !e)
		e = errno;
	x->files_json.fd = -1;
	if (e) {
		snprintf(err, errlen, "--extract: %s/files.json: %s", x->dir, strerror(e));
		return -1;
	}
	if (x->st.store_errors) {
		snprintf(err, errlen, "--extract: %s/files: %llu files could not be written", x->dir,
		         (unsigned long long)x->st.store_errors);
		return -1;
	}
	return 0;
}

static void temp_name(char *b, size_t n, uint64_t id)
{
	snprintf(b, n, ".part-%llu", (unsigned long long)id);
}

/* The digests, fetched once: EVP_sha256() given to EVP_DigestInit_ex
 * makes OpenSSL 3 fetch the implementation again at every file. */
static const EVP_MD *md_sha256, *md_md5;

static void fetch_mds(void)
{
	if (!md_sha256) {
		EVP_MD *m = EVP_MD_fetch(NULL, "SHA256", NULL);
		md_sha256 = m ? m : EVP_sha256();
	}
	if (!md_md5) {
		EVP_MD *m = EVP_MD_fetch(NULL, "MD5", NULL);
		md_md5 = m ? m : EVP_md5();
	}
}

struct sfile *file_begin(struct sessions *x, struct sess *ss, int dir, const uint8_t *name,
                         size_t n, uint64_t tx_id)
{
	struct sfile *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->ss = ss;
	f->dir = dir;
	f->tx_id = tx_id;
	f->id = ++x->next_file_id;
	f->fd = -1;
	f->nlen = n < SFILE_NAME_MAX ? n : SFILE_NAME_MAX;
	if (name)
		memcpy(f->name, name, f->nlen);
	else
		f->nlen = 0;
	/* the SHA-256 on the hashing thread when there is one (never with
	 * files.json: x->hp is for --sessions alone), else here */
	f->slot = x->hp && !x->files_json_ok ? hp_begin(x->hp) : -1;
	if (f->slot < 0)
		fetch_mds();
	if (f->slot < 0)
		f->sha256 = EVP_MD_CTX_new();
	/* MD5 for files.json only: with --sessions alone a file costs one
	 * hash, not two */
	if (x->files_json_ok)
		f->md5 = EVP_MD_CTX_new();
	if ((f->slot < 0 && (!f->sha256 || !EVP_DigestInit_ex(f->sha256, md_sha256, NULL))) ||
	    (x->files_json_ok && !f->md5) ||
	    (f->md5 && !EVP_DigestInit_ex(f->md5, md_md5, NULL))) {
		EVP_MD_CTX_free(f->sha256);
		EVP_MD_CTX_free(f->md5);
		free(f);
		return NULL;
	}
	x->st.files++;
	if (x->dirfd >= 0) {
		if (x->open_files >= SESS_OPEN_FILES_MAX) {
			x->st.files_not_stored++;
		} else if ((f->buf = malloc(SFILE_BUF)) != NULL) {
			char tmp[48];
			temp_name(tmp, sizeof tmp, f->id);
			f->fd = openat(x->dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
			if (f->fd < 0) {
				x->st.store_errors++;
				free(f->buf);
				f->buf = NULL;
			} else {
				x->open_files++;
			}
		}
	}
	return f;
}

/* Writes n bytes at p whole (the first error is kept, the rest given up). */
static void write_all(struct sfile *f, const uint8_t *p, size_t n)
{
	size_t done = 0;
	while (done < n && !f->write_err) {
		ssize_t w = write(f->fd, p + done, n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			f->write_err = w < 0 ? errno : EIO;
		else
			done += (size_t)w;
	}
}

static void flush_buf(struct sfile *f)
{
	write_all(f, f->buf, f->blen);
	f->blen = 0;
}

/* Hashes and stores n bytes at p of f. */
static void consume(struct sessions *x, struct sfile *f, const uint8_t *p, size_t n)
{
	if (f->slot >= 0)
		hp_data(x->hp, f->slot, p, n);
	else
		EVP_DigestUpdate(f->sha256, p, n);
	if (f->md5)
		EVP_DigestUpdate(f->md5, p, n);
	if (f->fd < 0)
		return;
	if (f->blen + n > SFILE_BUF) {
		flush_buf(f);
		if (n >= SFILE_BUF) {
			write_all(f, p, n);
			return;
		}
	}
	memcpy(f->buf + f->blen, p, n);
	f->blen += n;
}

void file_data(struct sessions *x, struct sfile *f, const uint8_t *p, size_t n)
{
	if (!f || !n)
		return;
	f->size += n;
	consume(x, f, p, n);
}

void file_gap(struct sessions *x, struct sfile *f, uint64_t n)
{
	(void)x;
	if (f)
		f->gap_bytes += n;
}

static void hex(char *d, const uint8_t *p, unsigned n)
{
	static const char h[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		d[2 * i] = h[p[i] >> 4];
		d[2 * i + 1] = h[p[i] & 15];
	}
	d[2 * n] = 0;
}

/* The fileinfo event, to wherever x->o points. */
static void put_event(struct sessions *x, const struct sfile *f, const struct sfile_result *r,
                      const struct stream_ts *ts)
{
	ev_begin_as(x, f->ss, ts, "fileinfo");
	ev_str(x, "filename", f->name, f->nlen, " ");
	ev_bool(x, "gaps", r->gaps);
	ev_cstr(x, "state", r->complete ? "CLOSED" : "TRUNCATED", NULL);
	if (!r->complete)
		ev_text(x, " (truncated)");
	ev_cstr(x, "sha256", r->sha256, " sha256 ");
	if (r->md5[0])
		ev_cstr(x, "md5", r->md5, NULL);
	ev_bool(x, "stored", r->stored);
	ev_u(x, "file_id", f->id, NULL);
	ev_u(x, "size", r->size, " size ");
	ev_u(x, "tx_id", f->tx_id, NULL);
	ev_cstr(x, "direction", f->dir ? "to_client" : "to_server", NULL);
	ev_end(x);
}

void file_end(struct sessions *x, struct sfile *f, const struct stream_ts *ts, int complete,
              struct sfile_result *res)
{
	struct sfile_result r;
	memset(&r, 0, sizeof r);
	if (!f) {
		if (res)
			*res = r;
		return;
	}
	uint8_t md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;
	if (f->slot >= 0) {
		hp_end(x->hp, f->slot, r.sha256); /* a token: the digest comes later */
	} else {
		EVP_DigestFinal_ex(f->sha256, md, &mdlen);
		hex(r.sha256, md, mdlen > 32 ? 32 : mdlen);
	}
	if (f->md5) {
		EVP_DigestFinal_ex(f->md5, md, &mdlen);
		hex(r.md5, md, mdlen > 16 ? 16 : mdlen);
	}
	r.size = f->size;
	r.gaps = f->gap_bytes != 0;
	r.complete = complete && !r.gaps;
	if (f->fd >= 0) {
		flush_buf(f);
		if (close(f->fd) < 0 && !f->write_err)
			f->write_err = errno;
		x->open_files--;
		char tmp[48];
		temp_name(tmp, sizeof tmp, f->id);
		if (!f->write_err && renameat(x->dirfd, tmp, x->dirfd, r.sha256) == 0) {
			r.stored = 1;
			x->st.files_stored++;
		} else {
			x->st.store_errors++;
			unlinkat(x->dirfd, tmp, 0);
		}
	}
	if (!r.complete)
		x->st.files_incomplete++;
	if (x->files_json_ok) {
		struct out *o = x->o;
		int json = x->json;
		x->o = &x->files_json;
		x->json = 1;
		put_event(x, f, &r, ts);
		x->o = o;
		x->json = json;
	}
	if (x->o)
		put_event(x, f, &r, ts);
	if (res) {
		*res = r;
		sess_hash_hold(x, res->sha256);
	}
	sess_hash_drop(x, r.sha256);
	EVP_MD_CTX_free(f->sha256);
	EVP_MD_CTX_free(f->md5);
	free(f->buf);
	free(f);
}
