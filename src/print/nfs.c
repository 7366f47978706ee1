/* nfs.c - NFS versions 2 and 3 over Sun RPC (RFC 1094, RFC 1813, RFC 5531),
 * UDP or TCP port 2049: calls to the port and replies from it.
 *
 * A reply carries neither the program, version nor procedure of its call,
 * so each call is remembered (xid, client and server addresses) in a ring of
 * the last NFS_XIDMAP_N calls kept in the nd_t context; a reply whose call
 * is found is decoded as that procedure's result.
 *
 * The layouts below are those of the RFCs; where tcpdump 4.99.3 reads a
 * field differently (a file handle advances by whole words, not rounded
 * up; a set size in a sattr3 takes one word; an NFSv2 READDIR result shows
 * its first three words as offset, size and eof) the output follows
 * tcpdump, since matching it is the point.  File handles are shown as
 * tcpdump shows them, after its guess of the server's operating system.
 * Any version but 3 is read as version 2, as tcpdump does. */
#include "print.h"
#include "state.h"

#define NFS_PORT 2049

enum { P_NULL, P_GETATTR, P_SETATTR, P_LOOKUP, P_ACCESS, P_READLINK, P_READ,
       P_WRITE, P_CREATE, P_MKDIR, P_SYMLINK, P_MKNOD, P_REMOVE, P_RMDIR,
       P_RENAME, P_LINK, P_READDIR, P_READDIRPLUS, P_FSSTAT, P_FSINFO,
       P_PATHCONF, P_COMMIT, P_NOOP = 25, P_NPROCS = 26 };

static const char *const proc_names[] = {
	"null", "getattr", "setattr", "lookup", "access", "readlink", "read",
	"write", "create", "mkdir", "symlink", "mknod", "remove", "rmdir",
	"rename", "link", "readdir", "readdirplus", "fsstat", "fsinfo",
	"pathconf", "commit",
};

/* NFSv2 procedure numbers as the v3 ones (ROOT, WRITECACHE and the numbers
 * past STATFS up to 25 show as "nop"). */
static const unsigned char v2_to_v3[P_NPROCS] = {
	P_NULL, P_GETATTR, P_SETATTR, P_NOOP, P_LOOKUP, P_READLINK, P_READ,
	P_NOOP, P_WRITE, P_CREATE, P_REMOVE, P_RENAME, P_LINK, P_SYMLINK,
	P_MKDIR, P_RMDIR, P_READDIR, P_FSSTAT, P_NOOP, P_NOOP, P_NOOP, P_NOOP,
	P_NOOP, P_NOOP, P_NOOP, P_NOOP,
};

static unsigned proc_v3(unsigned vers, unsigned proc)
{
	if (vers != 3 && proc < P_NPROCS)
		return v2_to_v3[proc];
	return proc;
}

static void proc_name(nd_t *nd, unsigned proc)
{
	if (proc < sizeof(proc_names) / sizeof(proc_names[0]))
		nd_printf(nd, " %s", proc_names[proc]);
	else if (proc == P_NOOP)
		nd_s(nd, " nop");
	else
		nd_printf(nd, " proc-%u", proc);
}

/* ---- the call table ---- */

static int addr_len(const struct ip_ctx *ip)
{
	return ip->ver == 6 ? 16 : 4;
}

static void xid_enter(nd_t *nd, const struct ip_ctx *ip, uint32_t xid,
                      uint32_t vers, uint32_t proc)
{
	struct nfs_xidmap *m = &nd->ps->nfsxid;
	struct nfs_xid *e = &m->e[m->next];
	m->next = (m->next + 1) % NFS_XIDMAP_N;
	memset(e, 0, sizeof *e);
	e->xid = xid;
	e->vers = vers;
	e->proc = proc;
	e->ipver = (uint8_t)(ip->ver == 6 ? 6 : 4);
	memcpy(e->client, ip->src, (size_t)addr_len(ip));
	memcpy(e->server, ip->dst, (size_t)addr_len(ip));
}

/* The call a reply answers, or NULL. */
static const struct nfs_xid *xid_find(nd_t *nd, const struct ip_ctx *ip,
                                      uint32_t xid)
{
	struct nfs_xidmap *m = &nd->ps->nfsxid;
	uint8_t ver = (uint8_t)(ip->ver == 6 ? 6 : 4);
	size_t al = (size_t)addr_len(ip);
	unsigned i = m->hint % NFS_XIDMAP_N;
	for (unsigned n = 0; n < NFS_XIDMAP_N; n++) {
		const struct nfs_xid *e = &m->e[i];
		if (e->ipver == ver && e->xid == xid &&
		    memcmp(e->client, ip->dst, al) == 0 &&
		    memcmp(e->server, ip->src, al) == 0) {
			m->hint = i;
			return e;
		}
		i = (i + 1) % NFS_XIDMAP_N;
	}
	return NULL;
}

/* ---- XDR reading (every read unwinds past the captured bytes) ---- */

static uint32_t get32(nd_t *nd, const uint8_t **pp)
{
	uint32_t v = nd_be32(nd, *pp);
	*pp += 4;
	return v;
}

static uint64_t get64(nd_t *nd, const uint8_t **pp)
{
	uint64_t v = nd_be64(nd, *pp);
	*pp += 8;
	return v;
}

/* Steps over n bytes without reading them (tcpdump checks nothing there
 * either): a step past the captured end stops at it, so that the next read
 * unwinds. */
static const uint8_t *adv(nd_t *nd, const uint8_t *p, size_t n)
{
	return n <= nd_avail(nd, p) ? p + n : nd->end;
}

static const char *const nfs_errs[][2] = {
	{ "\x01", "Operation not permitted" },
	{ "\x02", "No such file or directory" },
	{ "\x05", "Input/output error" },
	{ "\x06", "Device not configured" },
	{ "\x0b", "Resource deadlock avoided" },
	{ "\x0c", "Cannot allocate memory" },
	{ "\x0d", "Permission denied" },
	{ "\x11", "File exists" },
	{ "\x12", "Cross-device link" },
	{ "\x13", "Operation not supported by device" },
	{ "\x14", "Not a directory" },
	{ "\x15", "Is a directory" },
	{ "\x16", "Invalid argument" },
	{ "\x1a", "Text file busy" },
	{ "\x1b", "File too large" },
	{ "\x1c", "No space left on device" },
	{ "\x1e", "Read-only file system" },
	{ "\x1f", "Too many links" },
	{ "\x2d", "Operation not supported" },
	{ "\x3e", "Too many levels of symbolic links" },
	{ "\x3f", "File name too long" },
	{ "\x42", "Directory not empty" },
	{ "\x45", "Disc quota exceeded" },
	{ "\x46", "Stale NFS file handle" },
	{ "\x47", "Too many levels of remote in path" },
	{ "\x63", "Write cache flushed to disk" },
};

static const char *const nfs_errs3[] = { /* 10001 on */
	"Illegal NFS file handle", "Update synchronization mismatch",
	"READDIR/READDIRPLUS cookie is stale", "Operation not supported",
	"Buffer or request is too small", "Unspecified error on server",
	"Object of that type not supported",
	"Request couldn't be completed in time",
};

/* nfsstat: prints " ERROR: ..." unless it is OK; returns it. */
static uint32_t status(nd_t *nd, const uint8_t **pp)
{
	uint32_t st = get32(nd, pp);
	if (st == 0)
		return 0;
	if (nd->opt->qflag)
		return st;
	nd_s(nd, " ERROR: ");
	if (st >= 10001 && st <= 10008) {
		nd_s(nd, nfs_errs3[st - 10001]);
		return st;
	}
	for (size_t i = 0; i < sizeof(nfs_errs) / sizeof(nfs_errs[0]); i++)
		if ((unsigned char)nfs_errs[i][0][0] == st) {
			nd_s(nd, nfs_errs[i][1]);
			return st;
		}
	nd_printf(nd, "unk %u", st);
	return st;
}

/* Server guesses for a file handle, as tcpdump makes them (learnt from its
 * output): the layout is picked from which of the leading bytes are zero
 * and from a few length-like bytes, then shown as "major,minor/inode" or,
 * for a VMS UCX server, "fsname/inode". */
enum fh_kind { FH_UNKNOWN, FH_AUSPEX, FH_SUNOS4, FH_IRIX4, FH_DECOSF,
	       FH_BSD44, FH_ULTRIX, FH_SUNOS5, FH_HPUX9, FH_VMSUCX };

/* A UCX file system name: bytes 1 to 13 printable, or NUL to the end. */
static int fh_ucx_name(const uint8_t *fh)
{
	int ended = 0;
	for (int i = 1; i <= 13; i++) {
		if (fh[i] == 0)
			ended = 1;
		else if (ended || fh[i] < 0x20 || fh[i] > 0x7e)
			return 0;
	}
	return 1;
}

/* fh holds words (at least 4) captured words. */
static enum fh_kind fh_guess(const uint8_t *fh, uint32_t words)
{
	int dev_hi = fh[0] | fh[1], dev_lo = fh[2] | fh[3];
	if (!dev_hi) {
		if (!dev_lo)
			return FH_AUSPEX;
		if (fh[4] && !fh[5] && fh[8] == 12 && !fh[9])
			return FH_DECOSF;
		if (!fh[4] && fh[5] == 8 && !fh[6] && !fh[7])
			return FH_IRIX4;
		return FH_SUNOS4;
	}
	if (!dev_lo) {
		if (!(fh[6] | fh[7]))
			return FH_BSD44;
		if (words >= 6 && !(fh[21] | fh[23]))
			return FH_ULTRIX;
		return fh[9] == 10 ? FH_SUNOS5 : FH_UNKNOWN;
	}
	if (fh[8] == 12 && !fh[9])
		return FH_DECOSF;
	if (!fh[8] && fh[9] == 10)
		return (fh[4] | fh[5] | fh[6] | fh[7]) ? FH_SUNOS5 : FH_HPUX9;
	if (words >= 7 && fh_ucx_name(fh))
		return FH_VMSUCX;
	return FH_UNKNOWN;
}

static uint32_t fh_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint32_t fh_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* " fh " and the guessed form of a handle of words captured words. */
static void fh_show(nd_t *nd, const uint8_t *fh, uint32_t words)
{
	enum fh_kind kind = words >= 4 ? fh_guess(fh, words) : FH_UNKNOWN;
	uint32_t major = 0, minor = 0, ino = 0, dev;
	switch (kind) {
	case FH_UNKNOWN: {
		unsigned shown = words < 8 ? words : 8;
		nd_printf(nd, " fh %.*s/", shown < 7 ? (int)shown : 7,
			  "Unknown");
		for (unsigned i = 0; i < shown * 4; i++)
			nd_printf(nd, "%02X", fh[i]);
		return;
	}
	case FH_VMSUCX: {
		/* The name: up to a word count (64 at most) of characters
		 * from byte 1, ending at a NUL or a space, shown as is. */
		uint32_t n = words < 64 ? words : 64;
		nd_s(nd, " fh ");
		for (uint32_t i = 1; i <= n && fh[i] && fh[i] != ' '; i++)
			nd_c(nd, (char)fh[i]);
		ino = (uint32_t)fh[26] << 24 | (uint32_t)fh[27] << 16 |
		      (uint32_t)fh[23] << 8 | fh[22];
		nd_printf(nd, "/%u", ino);
		return;
	}
	case FH_AUSPEX:
		major = fh[6], minor = fh[7], ino = fh_be32(fh + 12);
		break;
	case FH_SUNOS4:
		major = fh[2], minor = fh[3], ino = fh_be32(fh + 12);
		break;
	case FH_IRIX4:
		major = fh[2], minor = fh[3], ino = fh_be32(fh + 8);
		break;
	case FH_DECOSF:
		dev = fh_le32(fh);
		major = dev >> 20, minor = dev & 0xfffff;
		ino = fh_le32(fh + 12);
		break;
	case FH_BSD44:
		major = fh[1], minor = fh[0], ino = fh_le32(fh + 12);
		break;
	case FH_ULTRIX:
		major = fh[1], minor = fh[0], ino = fh_le32(fh + 4);
		break;
	case FH_SUNOS5:
		dev = fh_be32(fh);
		major = dev >> 18, minor = dev & 0x3ffff;
		ino = fh_be32(fh + 12);
		break;
	case FH_HPUX9:
		major = fh[0], minor = fh_be32(fh) & 0xffffff;
		ino = fh_be32(fh + 12);
		break;
	}
	nd_printf(nd, " fh %u,%u/%u", major, minor, ino);
}

/* A file handle: v3 counted, v2 32 bytes.  Shown as fh_show() does (-u:
 * every word in hex, unpadded).  The handle is passed over by whole words,
 * as tcpdump does.  0 (nothing printed) when its bytes were not all
 * captured. */
static int fh_print(nd_t *nd, const uint8_t **pp, int v3)
{
	uint32_t len = 32;
	if (v3)
		len = get32(nd, pp);
	uint32_t words = len / 4;
	const uint8_t *p = *pp;
	if (!nd_has(nd, p, (size_t)words * 4))
		return 0;
	if (nd->opt->uflag) {
		nd_s(nd, " fh[");
		for (uint32_t i = 0; i < words; i++)
			nd_printf(nd, "%s%x", i ? ":" : "", nd_be32(nd, p + 4 * i));
		nd_c(nd, ']');
	} else {
		fh_show(nd, p, words);
	}
	*pp = p + (size_t)words * 4;
	return 1;
}

/* A counted string (file name, path) as "...", after a space if sp; 0
 * (having printed no more) when its bytes were not all captured (a missing
 * length unwinds). */
static int str_print(nd_t *nd, const uint8_t **pp, int sp)
{
	if (sp)
		nd_c(nd, ' ');
	uint32_t len = get32(nd, pp);
	if (len > 0xfffffffcu) {
		nd_s(nd, "[cannot pad to 32-bit boundaries]");
		nd_print_invalid(nd);
		return 0;
	}
	uint32_t padded = (len + 3) & ~3u;
	const uint8_t *p = *pp;
	if (!nd_has(nd, p, padded))
		return 0;
	nd_c(nd, '"');
	for (uint32_t i = 0; i < len; i++)
		nd_print_char(nd, p[i]);
	nd_c(nd, '"');
	*pp = p + padded;
	return 1;
}

static void time_print(nd_t *nd, const char *label, const uint8_t *p)
{
	uint32_t sec = nd_be32(nd, p), frac = nd_be32(nd, p + 4);
	nd_printf(nd, "%s%u.%06u", label, sec, frac);
}

static const char *const ftypes[] = {
	"NON", "REG", "DIR", "BLK", "CHR", "LNK", NULL, "FIFO",
};

static void ftype_print(nd_t *nd, uint32_t t)
{
	if (t < 8 && ftypes[t])
		nd_printf(nd, " %s", ftypes[t]);
	else
		nd_printf(nd, " unk-ft %u ", t);
}

/* fattr (v2 68 bytes, v3 84): nothing unless verbose, the short form when
 * it is, the long form too past 1.  Each form is checked before it is
 * shown; 0 when it was not all captured (the caller decides whether that
 * shows the truncation marker, as tcpdump's callers do). */
static int fattr_print(nd_t *nd, const uint8_t **pp, int v3, int verbose)
{
	const uint8_t *p = *pp;
	size_t size = v3 ? 84 : 68;
	if (!nd_has(nd, p, 20))
		return 0;
	*pp = adv(nd, p, size);
	if (!verbose)
		return 1;
	uint32_t type = nd_be32(nd, p), mode = nd_be32(nd, p + 4);
	uint32_t uid = nd_be32(nd, p + 12), gid = nd_be32(nd, p + 16);
	ftype_print(nd, type);
	nd_printf(nd, " %o ids %d/%d", mode, (int)uid, (int)gid);
	if (v3)
		nd_printf(nd, " sz %llu", (unsigned long long)nd_be64(nd, p + 20));
	else
		nd_printf(nd, " sz %u", nd_be32(nd, p + 20));
	if (verbose <= 1)
		return 1;
	if (!nd_has(nd, p, size))
		return 0;
	if (v3) {
		nd_printf(nd, " nlink %u rdev %u/%u fsid %llx fileid %llx",
			  nd_be32(nd, p + 8), nd_be32(nd, p + 36),
			  nd_be32(nd, p + 40),
			  (unsigned long long)nd_be64(nd, p + 44),
			  (unsigned long long)nd_be64(nd, p + 52));
		time_print(nd, " a/m/ctime ", p + 60);
		time_print(nd, " ", p + 68);
		time_print(nd, " ", p + 76);
	} else {
		nd_printf(nd, " nlink %u rdev 0x%x fsid 0x%x nodeid 0x%x",
			  nd_be32(nd, p + 8), nd_be32(nd, p + 28),
			  nd_be32(nd, p + 36), nd_be32(nd, p + 40));
		time_print(nd, " a/m/ctime ", p + 44);
		time_print(nd, " ", p + 52);
		time_print(nd, " ", p + 60);
	}
	return 1;
}

/* post_op_attr: unread attributes (not verbose) are passed over unchecked. */
static int post_op_attr(nd_t *nd, const uint8_t **pp, int verbose)
{
	if (!get32(nd, pp))
		return 1;
	if (!verbose) {
		*pp = adv(nd, *pp, 84);
		return 1;
	}
	return fattr_print(nd, pp, 1, verbose);
}

static int wcc_data(nd_t *nd, const uint8_t **pp, int verbose)
{
	if (verbose > 1)
		nd_s(nd, " PRE:");
	if (get32(nd, pp)) {
		const uint8_t *p = *pp;
		if (!nd_has(nd, p, 24))
			return 0;
		*pp = p + 24;
		if (verbose > 1) {
			nd_printf(nd, " sz %llu",
				  (unsigned long long)nd_be64(nd, p));
			time_print(nd, " mtime ", p + 8);
			time_print(nd, " ctime ", p + 16);
		}
	}
	if (verbose)
		nd_s(nd, " POST:");
	return post_op_attr(nd, pp, verbose);
}

/* sattr3, as tcpdump reads it: a set size takes one word past its flag. */
struct sattr {
	int mode_set, uid_set, gid_set;
	uint32_t mode, uid, gid, atime_how, mtime_how;
	const uint8_t *atime, *mtime;
};

static void sattr3_parse(nd_t *nd, const uint8_t **pp, struct sattr *sa)
{
	memset(sa, 0, sizeof *sa);
	if ((sa->mode_set = get32(nd, pp) != 0))
		sa->mode = get32(nd, pp);
	if ((sa->uid_set = get32(nd, pp) != 0))
		sa->uid = get32(nd, pp);
	if ((sa->gid_set = get32(nd, pp) != 0))
		sa->gid = get32(nd, pp);
	if (get32(nd, pp))
		get32(nd, pp);
	if ((sa->atime_how = get32(nd, pp)) == 2) {
		sa->atime = *pp;
		*pp = adv(nd, *pp, 8);
	}
	if ((sa->mtime_how = get32(nd, pp)) == 2) {
		sa->mtime = *pp;
		*pp = adv(nd, *pp, 8);
	}
}

static void sattr3_print(nd_t *nd, const struct sattr *sa)
{
	int v = nd->opt->vflag;
	if (!v)
		return;
	if (sa->mode_set)
		nd_printf(nd, " mode %o", sa->mode);
	if (sa->uid_set)
		nd_printf(nd, " uid %u", sa->uid);
	if (sa->gid_set)
		nd_printf(nd, " gid %u", sa->gid);
	if (v > 1 && sa->atime)
		time_print(nd, " atime ", sa->atime);
	if (v > 1 && sa->mtime)
		time_print(nd, " mtime ", sa->mtime);
}

static void stable_print(nd_t *nd, uint32_t st)
{
	static const char *const names[] = { "unstable", "datasync", "filesync" };
	if (st < 3)
		nd_printf(nd, " <%s>", names[st]);
	else
		nd_printf(nd, " <#%d>", (int)st);
}

/* ---- calls ---- */

static void access_print(nd_t *nd, uint32_t a)
{
	static const char *const bits[] = {
		"NFS_ACCESS_READ", "NFS_ACCESS_LOOKUP", "NFS_ACCESS_MODIFY",
		"NFS_ACCESS_EXTEND", "NFS_ACCESS_DELETE", "NFS_ACCESS_EXECUTE",
	};
	if (a == 0x3f) {
		nd_s(nd, " NFS_ACCESS_FULL");
		return;
	}
	if (a & ~0x3fu) {
		nd_printf(nd, " %04x", a);
		return;
	}
	char sep = ' ';
	for (int i = 0; i < 6; i++)
		if (a & (1u << i)) {
			nd_c(nd, sep);
			nd_s(nd, bits[i]);
			sep = '|';
		}
}

/* 0 when the arguments ran short where tcpdump checks quietly (handles,
 * names, credentials); other fields unwind. */
#define SOFT(x) do { if (!(x)) return 0; } while (0)

static int call_args(nd_t *nd, const uint8_t *p, unsigned proc, int v3)
{
	int v = nd->opt->vflag;
	struct sattr sa;
	switch (proc) {
	case P_GETATTR: case P_SETATTR: case P_READLINK: case P_FSSTAT:
	case P_FSINFO: case P_PATHCONF:
		SOFT(fh_print(nd, &p, v3));
		break;
	case P_LOOKUP: case P_CREATE: case P_MKDIR: case P_REMOVE: case P_RMDIR:
		SOFT(fh_print(nd, &p, v3));
		SOFT(str_print(nd, &p, 1));
		break;
	case P_ACCESS:
		SOFT(fh_print(nd, &p, v3));
		access_print(nd, get32(nd, &p));
		break;
	case P_READ:
		SOFT(fh_print(nd, &p, v3));
		if (v3) {
			uint64_t off = get64(nd, &p);
			nd_printf(nd, " %u bytes @ %llu", get32(nd, &p),
				  (unsigned long long)off);
		} else {
			uint32_t off = get32(nd, &p);
			nd_printf(nd, " %u bytes @ %u", get32(nd, &p), off);
		}
		break;
	case P_WRITE:
		SOFT(fh_print(nd, &p, v3));
		if (v3) {
			uint64_t off = get64(nd, &p);
			uint32_t cnt = get32(nd, &p);
			uint32_t st = get32(nd, &p);
			nd_printf(nd, " %u (%u) bytes @ %llu", get32(nd, &p), cnt,
				  (unsigned long long)off);
			if (v)
				stable_print(nd, st);
		} else {
			uint32_t begin = get32(nd, &p);
			uint32_t off = get32(nd, &p);
			uint32_t total = get32(nd, &p);
			nd_printf(nd, " %u (%u) bytes @ %u (%u)", get32(nd, &p),
				  total, off, begin);
		}
		break;
	case P_SYMLINK:
		SOFT(fh_print(nd, &p, v3));
		SOFT(str_print(nd, &p, 1));
		nd_s(nd, " ->");
		if (v3)
			sattr3_parse(nd, &p, &sa);
		SOFT(str_print(nd, &p, 0));
		if (v3)
			sattr3_print(nd, &sa);
		break;
	case P_MKNOD: {
		SOFT(fh_print(nd, &p, v3));
		SOFT(str_print(nd, &p, 1));
		uint32_t type = get32(nd, &p);
		sattr3_parse(nd, &p, &sa);
		if (type < 8 && ftypes[type])
			nd_printf(nd, " %s", ftypes[type]);
		else
			nd_printf(nd, " unk-ft %u", type);
		if (v && (type == 3 || type == 4)) {
			uint32_t maj = nd_be32(nd, p), min = nd_be32(nd, p + 4);
			nd_printf(nd, " %u/%u", maj, min);
		}
		sattr3_print(nd, &sa);
		break;
	}
	case P_RENAME:
		SOFT(fh_print(nd, &p, v3));
		SOFT(str_print(nd, &p, 1));
		nd_s(nd, " ->");
		SOFT(fh_print(nd, &p, v3));
		SOFT(str_print(nd, &p, 1));
		break;
	case P_LINK:
		SOFT(fh_print(nd, &p, v3));
		nd_s(nd, " ->");
		SOFT(fh_print(nd, &p, v3));
		SOFT(str_print(nd, &p, 1));
		break;
	case P_READDIR:
		SOFT(fh_print(nd, &p, v3));
		if (v3) {
			int64_t cookie = (int64_t)get64(nd, &p);
			const uint8_t *verf = p;
			p = adv(nd, p, 8);
			nd_printf(nd, " %u bytes @ %lld", get32(nd, &p),
				  (long long)cookie);
			if (v)
				nd_printf(nd, " verf %08x%08x", nd_be32(nd, verf),
					  nd_be32(nd, verf + 4));
		} else {
			uint32_t cookie = get32(nd, &p);
			nd_printf(nd, " %u bytes @ %u", get32(nd, &p), cookie);
		}
		break;
	case P_READDIRPLUS: {
		SOFT(fh_print(nd, &p, v3));
		int64_t cookie = (int64_t)get64(nd, &p);
		const uint8_t *verf = p;
		p = adv(nd, p, 8);
		nd_printf(nd, " %u bytes @ %lld", get32(nd, &p), (long long)cookie);
		if (v) {
			nd_printf(nd, " max %u", get32(nd, &p));
			nd_printf(nd, " verf %08x%08x", nd_be32(nd, verf),
				  nd_be32(nd, verf + 4));
		}
		break;
	}
	case P_COMMIT: {
		SOFT(fh_print(nd, &p, v3));
		uint64_t off = get64(nd, &p);
		nd_printf(nd, " %u bytes @ %llu", get32(nd, &p),
			  (unsigned long long)off);
		break;
	}
	default:
		break;
	}
	return 1;
}

#undef SOFT

/* A call cut short in its header, credentials, handles or names ends with
 * the marker and the printer returns as usual (so -x dumps start past the
 * link header); elsewhere it unwinds, as tcpdump's call printer does. */
static void call_print(nd_t *nd, const uint8_t *rp, unsigned len,
                       const struct ip_ctx *ip)
{
	nd_u(nd, len);
	if (!nd_has(nd, rp + 16, 8))
		goto soft;
	uint32_t vers = nd_be32(nd, rp + 16);
	uint32_t proc = nd_be32(nd, rp + 20);
	xid_enter(nd, ip, nd_be32(nd, rp), vers, proc);
	unsigned p3 = proc_v3(vers, proc);
	proc_name(nd, p3);
	if (p3 == P_NULL || p3 > P_COMMIT)
		return;
	const uint8_t *p = rp + 24;
	for (int i = 0; i < 2; i++) { /* credentials, verifier */
		uint32_t alen = nd_be32(nd, p + 4);
		p += 8;
		if (!nd_has(nd, p, ((size_t)alen + 3) & ~(size_t)3))
			goto soft;
		p += ((size_t)alen + 3) & ~(size_t)3;
	}
	if (call_args(nd, p, p3, vers == 3))
		return;
soft:
	nd_print_trunc(nd);
}

/* ---- replies ---- */

/* A result whose attributes run short ends there, with the truncation
 * marker only if its status was OK (tcpdump's error paths return quietly). */
#define CK(x) do { if (!(x)) goto short_; } while (0)

static void reply_result(nd_t *nd, const uint8_t *p, unsigned proc, int v3)
{
	int v = nd->opt->vflag;
	uint32_t st = 0;
	switch (proc) {
	case P_GETATTR:
		st = status(nd, &p);
		if (!st)
			CK(fattr_print(nd, &p, v3, !nd->opt->qflag));
		break;
	case P_SETATTR:
		st = status(nd, &p);
		if (v3)
			CK(wcc_data(nd, &p, v));
		else if (!st)
			CK(fattr_print(nd, &p, 0, !nd->opt->qflag));
		break;
	case P_LOOKUP:
		st = status(nd, &p);
		if (!v3) {
			if (!st) {
				CK(fh_print(nd, &p, 0));
				CK(fattr_print(nd, &p, 0, v));
			}
			break;
		}
		if (!st) {
			CK(fh_print(nd, &p, 1));
			CK(post_op_attr(nd, &p, v));
		}
		if (v > 1) {
			nd_s(nd, " post dattr:");
			CK(post_op_attr(nd, &p, v));
		}
		break;
	case P_ACCESS:
		st = status(nd, &p);
		if (v)
			nd_s(nd, " attr:");
		CK(post_op_attr(nd, &p, v));
		if (!st)
			nd_printf(nd, " c %04x", get32(nd, &p));
		break;
	case P_READLINK:
		st = status(nd, &p);
		if (v3)
			CK(post_op_attr(nd, &p, v));
		if (!st)
			CK(str_print(nd, &p, 1));
		break;
	case P_READ:
		st = status(nd, &p);
		if (!v3) {
			if (!st)
				CK(fattr_print(nd, &p, 0, v));
			break;
		}
		CK(post_op_attr(nd, &p, v));
		if (st)
			break;
		if (v) {
			nd_printf(nd, " %u bytes", get32(nd, &p));
			if (get32(nd, &p))
				nd_s(nd, " EOF");
		}
		break;
	case P_WRITE:
		st = status(nd, &p);
		if (!v3) {
			if (!st)
				CK(fattr_print(nd, &p, 0, v));
			break;
		}
		CK(wcc_data(nd, &p, v));
		if (st)
			break;
		if (v) {
			nd_printf(nd, " %u bytes", get32(nd, &p));
			if (v > 1) {
				stable_print(nd, get32(nd, &p));
				nd_printf(nd, " verf %llx",
					  (unsigned long long)get64(nd, &p));
			}
		}
		break;
	case P_CREATE: case P_MKDIR: case P_SYMLINK: case P_MKNOD:
		st = status(nd, &p);
		if (!v3) {
			if (!st && proc != P_SYMLINK) {
				CK(fh_print(nd, &p, 0));
				CK(fattr_print(nd, &p, 0, v));
			}
			break;
		}
		if (st) {
			CK(wcc_data(nd, &p, v));
			break;
		}
		if (!get32(nd, &p))
			break;
		CK(fh_print(nd, &p, 1));
		CK(post_op_attr(nd, &p, v));
		if (v > 1) {
			nd_s(nd, " dir attr:");
			CK(wcc_data(nd, &p, v));
		}
		break;
	case P_REMOVE: case P_RMDIR:
		st = status(nd, &p);
		if (v3)
			CK(wcc_data(nd, &p, v));
		break;
	case P_RENAME:
		st = status(nd, &p);
		if (v3 && v) {
			nd_s(nd, " from:");
			CK(wcc_data(nd, &p, v));
			nd_s(nd, " to:");
			CK(wcc_data(nd, &p, v));
		}
		break;
	case P_LINK:
		st = status(nd, &p);
		if (v3 && v) {
			nd_s(nd, " file POST:");
			CK(post_op_attr(nd, &p, v));
			nd_s(nd, " dir:");
			CK(wcc_data(nd, &p, v));
		}
		break;
	case P_READDIR: case P_READDIRPLUS:
		st = status(nd, &p);
		if (!v3) {
			if (st)
				break;
			uint32_t off = nd_be32(nd, p), size = nd_be32(nd, p + 4);
			nd_printf(nd, " offset 0x%x size %u ", off, size);
			if (nd_be32(nd, p + 8))
				nd_s(nd, " eof");
			break;
		}
		if (v)
			nd_s(nd, " POST:");
		CK(post_op_attr(nd, &p, v));
		if (st)
			break;
		if (v) {
			uint32_t hi = nd_be32(nd, p), lo = nd_be32(nd, p + 4);
			nd_printf(nd, " verf %08x%08x", hi, lo);
		}
		break;
	case P_FSSTAT:
		st = status(nd, &p);
		if (!v3) {
			if (st)
				break;
			CK(nd_has(nd, p, 20));
			nd_printf(nd, " tsize %u bsize %u blocks %u bfree %u bavail %u",
				  nd_be32(nd, p), nd_be32(nd, p + 4),
				  nd_be32(nd, p + 8), nd_be32(nd, p + 12),
				  nd_be32(nd, p + 16));
			break;
		}
		if (v)
			nd_s(nd, " POST:");
		CK(post_op_attr(nd, &p, v));
		if (st)
			break;
		CK(nd_has(nd, p, 52));
		nd_printf(nd, " tbytes %llu fbytes %llu abytes %llu",
			  (unsigned long long)nd_be64(nd, p),
			  (unsigned long long)nd_be64(nd, p + 8),
			  (unsigned long long)nd_be64(nd, p + 16));
		if (v)
			nd_printf(nd, " tfiles %llu ffiles %llu afiles %llu invar %u",
				  (unsigned long long)nd_be64(nd, p + 24),
				  (unsigned long long)nd_be64(nd, p + 32),
				  (unsigned long long)nd_be64(nd, p + 40),
				  nd_be32(nd, p + 48));
		break;
	case P_FSINFO:
		st = status(nd, &p);
		if (v)
			nd_s(nd, " POST:");
		CK(post_op_attr(nd, &p, v));
		if (st)
			break;
		CK(nd_has(nd, p, 48));
		nd_printf(nd, " rtmax %u rtpref %u wtmax %u wtpref %u dtpref %u",
			  nd_be32(nd, p), nd_be32(nd, p + 4), nd_be32(nd, p + 12),
			  nd_be32(nd, p + 16), nd_be32(nd, p + 24));
		if (v) {
			nd_printf(nd, " rtmult %u wtmult %u maxfsz %llu",
				  nd_be32(nd, p + 8), nd_be32(nd, p + 20),
				  (unsigned long long)nd_be64(nd, p + 28));
			time_print(nd, " delta ", p + 36);
			nd_c(nd, ' ');
		}
		break;
	case P_PATHCONF:
		st = status(nd, &p);
		if (v)
			nd_s(nd, " POST:");
		CK(post_op_attr(nd, &p, v));
		if (st)
			break;
		CK(nd_has(nd, p, 24));
		nd_printf(nd, " linkmax %u namemax %u %s %s %s %s",
			  nd_be32(nd, p), nd_be32(nd, p + 4),
			  nd_be32(nd, p + 8) ? "notrunc" : "",
			  nd_be32(nd, p + 12) ? "chownres" : "",
			  nd_be32(nd, p + 16) ? "igncase" : "",
			  nd_be32(nd, p + 20) ? "keepcase" : "");
		break;
	case P_COMMIT:
		st = status(nd, &p);
		CK(wcc_data(nd, &p, v));
		if (v > 1)
			nd_printf(nd, " verf %llx", (unsigned long long)get64(nd, &p));
		break;
	default:
		break;
	}
	return;
short_:
	if (!st)
		nd_print_trunc(nd);
}

#undef CK

static void reply_print(nd_t *nd, const uint8_t *rp, unsigned len,
                        const struct ip_ctx *ip)
{
	static const char *const auth[] = {
		"OK", "Bogus Credentials (seal broken)",
		"Rejected Credentials (client should begin new session)",
		"Bogus Verifier (seal broken)", "Verifier expired or was replayed",
		"Credentials are too weak", "Bogus response verifier",
		"Unknown failure",
	};
	static const char *const accept[] = {
		NULL, "PROG_UNAVAIL", "PROG_MISMATCH", "PROC_UNAVAIL",
		"GARBAGE_ARGS", "SYSTEM_ERR",
	};
	/* the status and a denial's details run short quietly */
	if (!nd_has(nd, rp + 8, 4)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned stat = nd_be32(nd, rp + 8);
	if (stat == 1) {
		nd_printf(nd, "reply ERR %u: ", len);
		if (!nd_has(nd, rp + 12, 4)) {
			nd_print_trunc(nd);
			return;
		}
		unsigned why = nd_be32(nd, rp + 12);
		if ((why == 0 && !nd_has(nd, rp + 16, 8)) ||
		    (why == 1 && !nd_has(nd, rp + 16, 4))) {
			nd_print_trunc(nd);
			return;
		}
		if (why == 0) {
			unsigned lo = nd_be32(nd, rp + 16);
			nd_printf(nd, "RPC Version mismatch (%u-%u)", lo,
				  nd_be32(nd, rp + 20));
		} else if (why == 1) {
			unsigned a = nd_be32(nd, rp + 16);
			if (a < 8)
				nd_printf(nd, "Auth %s", auth[a]);
			else
				nd_printf(nd, "Auth Invalid failure code %u", a);
		} else {
			nd_printf(nd, "Unknown reason for rejecting rpc message %u",
				  why);
		}
		return;
	}
	if (stat != 0) {
		nd_printf(nd, "reply Unknown rpc response code=%u %u", stat, len);
		return;
	}
	nd_printf(nd, "reply ok %u", len);
	const struct nfs_xid *e = xid_find(nd, ip, nd_be32(nd, rp));
	if (!e)
		return;
	unsigned vers = e->vers;
	unsigned p3 = proc_v3(vers, e->proc);
	proc_name(nd, p3);
	if (p3 == P_NULL || p3 > P_COMMIT)
		return;
	/* a verifier as long as the whole message ends it quietly */
	uint32_t vlen = nd_be32(nd, rp + 16);
	if (vlen >= len) {
		nd_print_trunc(nd);
		return;
	}
	const uint8_t *p = adv(nd, rp + 20, ((size_t)vlen + 3) & ~(size_t)3);
	uint32_t astat = get32(nd, &p);
	if (astat != 0) {
		if (astat < 6)
			nd_printf(nd, " %s", accept[astat]);
		else
			nd_printf(nd, " ar_stat %d", (int)astat);
		return;
	}
	reply_result(nd, p, p3, vers == 3);
}

static int nfs_common(nd_t *nd, const uint8_t *rp, unsigned len,
                      const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	if (!nd_has(nd, rp, 8))
		return 0;
	unsigned dir = nd_be32(nd, rp + 4);
	if (dport == NFS_PORT && dir == 0) {
		nd_printf(nd, "NFS request xid %u ", nd_be32(nd, rp));
		call_print(nd, rp, len, ip);
		return 1;
	}
	if (sport == NFS_PORT && dir == 1) {
		nd_printf(nd, "NFS reply xid %u ", nd_be32(nd, rp));
		reply_print(nd, rp, len, ip);
		return 1;
	}
	return 0;
}

int nfs_udp_try(nd_t *nd, const uint8_t *p, unsigned len,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	if (sport != NFS_PORT && dport != NFS_PORT)
		return 0;
	const char *was = nd->proto;
	nd_proto(nd, "nfs");
	if (nfs_common(nd, p, len, ip, sport, dport))
		return 1;
	nd_proto(nd, was);
	return 0;
}

void nfs_udp_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	nd_proto(nd, "nfs");
	if (nfs_common(nd, p, len, ip, sport, dport))
		return;
	port_fn fn = dispatch_udp_next(nfs_udp_print, sport, dport);
	if (fn)
		fn(nd, p, len, ip, sport, dport);
	else
		nd_printf(nd, "UDP, length %u", len);
}

void nfs_tcp_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	nd_proto(nd, "nfs");
	if (len >= 4 && nd_has(nd, p, 4)) {
		uint32_t frag = nd_be32(nd, p) & 0x7fffffff;
		if (frag > len - 4)
			frag = len - 4;
		if (nd_has(nd, p + 4, 8)) {
			unsigned dir = nd_be32(nd, p + 8);
			if ((dport == NFS_PORT && dir == 0) ||
			    (sport == NFS_PORT && dir == 1)) {
				nd_s(nd, ": ");
				nfs_common(nd, p + 4, frag, ip, sport, dport);
				return;
			}
		}
	}
	port_fn fn = dispatch_tcp_next(nfs_tcp_print, sport, dport);
	if (fn)
		fn(nd, p, len, ip, sport, dport);
}
