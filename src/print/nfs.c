/* nfs.c - NFS versions 2 and 3 over Sun RPC (RFC 1094, RFC 1813, RFC 5531),
 * UDP or TCP port 2049: calls to the port and replies from it.
 *
 * Partial: the call header, the procedure and the arguments of the common
 * procedures; file handles are always shown in tcpdump's "Unknown/" hex
 * form (its operating-system guesses are not made); replies show their
 * status only, as no call/reply (xid) map is kept yet. */
#include "print.h"

#define NFS_PORT 2049

static const char *const v3_procs[] = {
	"null", "getattr", "setattr", "lookup", "access", "readlink", "read",
	"write", "create", "mkdir", "symlink", "mknod", "remove", "rmdir",
	"rename", "link", "readdir", "readdirplus", "fsstat", "fsinfo",
	"pathconf", "commit",
};

/* NFSv2 procedure numbers mapped to the v3 ones (-1: v2 only). */
static const int v2_to_v3[] = {
	0, 1, 2, -1, 3, 5, 6, -2, 7, 8, 12, 14, 15, 10, 9, 13, 16, 18,
};

static uint32_t skip_aligned(nd_t *nd, uint32_t n)
{
	if (n > 0xfffffffcu)
		nd_trunc(nd);
	return (n + 3) & ~3u;
}

/* Prints " fh ..." and returns the pointer past the handle. */
static const uint8_t *fh_print(nd_t *nd, const uint8_t *p, unsigned vers)
{
	uint32_t len = 32;
	if (vers == 3) {
		len = nd_be32(nd, p);
		p += 4;
	}
	nd_need(nd, p, len);
	unsigned shown = len < 32 ? len : 32;
	nd_s(nd, " fh Unknown/");
	for (unsigned i = 0; i < shown; i++)
		nd_printf(nd, "%02X", p[i]);
	return p + skip_aligned(nd, len);
}

static const uint8_t *name_print(nd_t *nd, const uint8_t *p)
{
	nd_c(nd, ' ');
	uint32_t len = nd_be32(nd, p);
	p += 4;
	if (len > 0xfffffffcu) {
		nd_s(nd, "[cannot pad to 32-bit boundaries] (invalid)");
		nd_trunc(nd);
	}
	nd_need(nd, p, skip_aligned(nd, len));
	nd_c(nd, '"');
	for (uint32_t i = 0; i < len; i++)
		nd_print_char(nd, p[i]);
	nd_c(nd, '"');
	return p + skip_aligned(nd, len);
}

static const char *const stable_names[] = { "unstable", "datasync", "filesync" };

static void call_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_u(nd, len);
	unsigned vers = nd_be32(nd, p + 16);
	unsigned proc = nd_be32(nd, p + 20);
	if (vers != 3) {
		/* anything but version 3 is read as version 2 */
		int v3 = proc < sizeof(v2_to_v3) / sizeof(v2_to_v3[0]) ? v2_to_v3[proc] : -3;
		if (v3 == -1 || v3 == -2) {
			nd_s(nd, " nop");
			return;
		}
		if (v3 < 0) {
			nd_printf(nd, " proc-%u", proc);
			return;
		}
		proc = (unsigned)v3;
		vers = 2;
	}
	if (proc >= sizeof(v3_procs) / sizeof(v3_procs[0])) {
		nd_printf(nd, " proc-%u", proc);
		return;
	}
	nd_c(nd, ' ');
	nd_s(nd, v3_procs[proc]);
	const uint8_t *q = p + 24;
	for (int i = 0; i < 2; i++) { /* credentials, verifier */
		uint32_t alen = nd_be32(nd, q + 4);
		q += 8 + skip_aligned(nd, alen);
	}
	switch (proc) {
	case 1: case 2: case 5: case 18: case 19: case 20:
		fh_print(nd, q, vers);
		break;
	case 3: case 8: case 9: case 11: case 12: case 13:
		q = fh_print(nd, q, vers);
		name_print(nd, q);
		break;
	case 4: {
		static const char *const acc[] = {
			"NFS_ACCESS_READ", "NFS_ACCESS_LOOKUP", "NFS_ACCESS_MODIFY",
			"NFS_ACCESS_EXTEND", "NFS_ACCESS_DELETE", "NFS_ACCESS_EXECUTE",
		};
		q = fh_print(nd, q, vers);
		uint32_t a = nd_be32(nd, q);
		char sep = ' ';
		for (int i = 0; i < 6; i++)
			if (a & (1u << i)) {
				nd_c(nd, sep);
				nd_s(nd, acc[i]);
				sep = '|';
			}
		break;
	}
	case 6:
		q = fh_print(nd, q, vers);
		if (vers == 3)
			nd_printf(nd, " %u bytes @ %llu", nd_be32(nd, q + 8),
				  (unsigned long long)nd_be64(nd, q));
		else
			nd_printf(nd, " %u bytes @ %u", nd_be32(nd, q + 4),
				  nd_be32(nd, q));
		break;
	case 7:
		q = fh_print(nd, q, vers);
		if (vers == 3) {
			uint64_t off = nd_be64(nd, q);
			uint32_t cnt = nd_be32(nd, q + 8);
			uint32_t st = nd_be32(nd, q + 12);
			uint32_t dlen = nd_be32(nd, q + 16);
			nd_printf(nd, " %u (%u) bytes @ %llu", cnt, dlen,
				  (unsigned long long)off);
			if (nd->opt->vflag) {
				if (st < 3)
					nd_printf(nd, " <%s>", stable_names[st]);
				else
					nd_printf(nd, " <unknown-stable(%u)>", st);
			}
		} else {
			nd_printf(nd, " %u (%u) bytes @ %u (%u)", nd_be32(nd, q + 12),
				  nd_be32(nd, q + 8), nd_be32(nd, q + 4),
				  nd_be32(nd, q));
		}
		break;
	}
}

static void reply_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	static const char *const auth[] = {
		"OK", "Bogus Credentials (seal broken)",
		"Rejected Credentials (client should begin new session)",
		"Bogus Verifier (seal broken)", "Verifier expired or was replayed",
		"Credentials are too weak", "Bogus response verifier",
		"Unknown failure",
	};
	unsigned stat = nd_be32(nd, p + 8);
	if (stat == 0) {
		/* accepted; what follows needs the call (no xid map yet) */
		nd_printf(nd, "reply ok %u", len);
		return;
	}
	if (stat != 1) {
		nd_printf(nd, "reply Unknown rpc response code=%u %u", stat, len);
		return;
	}
	nd_printf(nd, "reply ERR %u: ", len);
	unsigned why = nd_be32(nd, p + 12);
	if (why == 0) {
		unsigned lo = nd_be32(nd, p + 16);
		nd_printf(nd, "RPC Version mismatch (%u-%u)", lo, nd_be32(nd, p + 20));
	} else if (why == 1) {
		unsigned a = nd_be32(nd, p + 16);
		if (a < 8)
			nd_printf(nd, "Auth %s", auth[a]);
		else
			nd_printf(nd, "Auth Invalid failure code %u", a);
	} else {
		nd_printf(nd, "Unknown reason for rejecting rpc message %u", why);
	}
}

static int nfs_common(nd_t *nd, const uint8_t *rp, unsigned len,
                      unsigned sport, unsigned dport)
{
	if (!nd_has(nd, rp, 8))
		return 0;
	unsigned dir = nd_be32(nd, rp + 4);
	if (dport == NFS_PORT && dir == 0) {
		nd_printf(nd, "NFS request xid %u ", nd_be32(nd, rp));
		call_print(nd, rp, len);
		return 1;
	}
	if (sport == NFS_PORT && dir == 1) {
		nd_printf(nd, "NFS reply xid %u ", nd_be32(nd, rp));
		reply_print(nd, rp, len);
		return 1;
	}
	return 0;
}

void nfs_udp_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	nd_proto(nd, "nfs");
	if (nfs_common(nd, p, len, sport, dport))
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
				nfs_common(nd, p + 4, frag, sport, dport);
				return;
			}
		}
	}
	port_fn fn = dispatch_tcp_next(nfs_tcp_print, sport, dport);
	if (fn)
		fn(nd, p, len, ip, sport, dport);
}
