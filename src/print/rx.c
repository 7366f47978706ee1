/* rx.c - AFS Rx (UDP ports 7000-7009): the Rx header, acknowledgements,
 * and the calls and replies of the AFS services (file server, cache
 * manager callbacks, protection, volume location, kauth, volume server,
 * basic overseer, and the Ubik database protocol under pt/vldb/kauth).
 *
 * An Rx reply carries no opcode, so each call seen is remembered in a ring
 * of the last RX_CACHE_N calls kept in the nd_t context (call number,
 * client and server addresses, server port, service id, opcode); a reply
 * from the server port whose call is found is decoded as that opcode's
 * result.  Like tcpdump, the addresses are the four bytes at offsets 12 and
 * 16 of the network header, whatever its version.
 *
 * The argument layouts are those of the OpenAFS RPC interfaces.  Each
 * opcode's arguments are described by a short format string (see put_spec)
 * interpreted against the packet; the few composite structures (VLDB
 * entries, volume lists, ACLs ...) have their own readers.
 *
 * Truncation: a word that is not captured unwinds to " [|rx]" (the Rx
 * length is then not printed); strings, fixed-size names and some
 * structures are checked first and end the decoding with " [|SERVICE]",
 * after which the length is printed as usual. */
#include <time.h>

#include "../core/names.h"
#include "print.h"
#include "state.h"

#define RX_HDR_LEN 28

enum { T_DATA = 1, T_ACK = 2, T_ABORT = 4 };
enum { F_CLIENT_INIT = 1 };

static const struct tok rx_types[] = {
	{ 1, "data" }, { 2, "ack" }, { 3, "busy" }, { 4, "abort" },
	{ 5, "ackall" }, { 6, "challenge" }, { 7, "response" }, { 8, "debug" },
	{ 9, "params" }, { 13, "version" }, { 0, NULL },
};

static const struct tok ack_reasons[] = {
	{ 1, "ack requested" }, { 2, "duplicate packet" },
	{ 3, "out of sequence" }, { 4, "exceeds window" },
	{ 5, "no buffer space" }, { 6, "ping" }, { 7, "ping response" },
	{ 8, "delay" }, { 9, "idle" }, { 0, NULL },
};

static const struct tok fs_errors[] = {
	{ 101, "salvage volume" }, { 102, "no such vnode" },
	{ 103, "no such volume" }, { 104, "volume exist" },
	{ 105, "no service" }, { 106, "volume offline" },
	{ 107, "voline online" }, { 108, "diskfull" },
	{ 109, "diskquota exceeded" }, { 110, "volume busy" },
	{ 111, "volume moved" }, { 112, "AFS IO error" }, { 0, NULL },
};

/* One opcode: its name and the format of its arguments and results. */
struct rx_op {
	uint32_t op;
	const char *name;
	const char *call;
	const char *reply;
};

struct rx_svc {
	const char *name;
	const char *trunc;      /* marker of a failed check */
	const struct rx_op *ops;
	unsigned strmax;        /* longest counted string */
	unsigned vecmax;        /* characters in a fixed-size name */
	int ubik;               /* Ubik opcodes are served on this port */
	int fs_errors;          /* aborts name the file server's errors */
	int short_reply;        /* a reply with no body is decoded anyway */
};

/* ---- the services ---- */

/* Format strings: tokens separated by spaces, each "label=code", "label="
 * (the label alone) or "code"; an underscore in a label prints as a space.
 * Codes: F fid, U unsigned, D signed, T date, V Ubik version, Q 64-bit
 * unsigned, S counted string, N fixed-size name, X AFSStoreStatus,
 * A AFS UUID, K a word read and not shown, O a counted opaque skipped, Y VLDB volume type, B fid list,
 * C callback list, L ACL, I signed id list, J name list, E/e/u VLDB entry
 * (old, "N" and "U" layouts), M volume info list, R destination server,
 * W destination server list, Z Ubik syncsite flag. */
static const struct rx_op fs_ops[] = {
	{ 130, "fetch-data", "F offset=U length=U", "" },
	{ 131, "fetch-acl", "F", "L" },
	{ 132, "fetch-status", "F", "" },
	{ 133, "store-data", "F X offset=U length=U flen=U", "" },
	{ 134, "store-acl", "F L", "" },
	{ 135, "store-status", "F X", "" },
	{ 136, "remove-file", "F S", "" },
	{ 137, "create-file", "F S X", "new=F" },
	{ 138, "rename", "old=F S new=F S", "" },
	{ 139, "symlink", "F S link_to=S", "" },
	{ 140, "link", "F S link_to=F", "" },
	{ 141, "makedir", "F S X", "new=F" },
	{ 142, "rmdir", "F S", "" },
	{ 143, "oldsetlock", "F", "" },
	{ 144, "oldextlock", "F", "" },
	{ 145, "oldrellock", "F", "" },
	{ 146, "get-stats", "", "" },
	{ 147, "give-cbs", "", "" },
	{ 148, "get-vlinfo", "S", "" },
	{ 149, "get-vlstats", "volid=U", "" },
	{ 150, "set-vlstats", "volid=U", "" },
	{ 151, "get-rootvl", "", "root_volume=S" },
	{ 152, "check-token", "", "" },
	{ 153, "get-time", "", "T" },
	{ 154, "nget-vlinfo", "volname=S", "" },
	{ 155, "bulk-stat", "B", "" },
	{ 156, "setlock", "F", "" },
	{ 157, "extlock", "F", "" },
	{ 158, "rellock", "F", "" },
	{ 159, "xstat-ver", "", "" },
	{ 160, "get-xstat", "", "" },
	{ 161, "dfs-lookup", "", "" },
	{ 162, "dfs-flushcps", "", "" },
	{ 163, "dfs-symlink", "", "" },
	{ 220, "residency", "", "" },
	{ 65536, "inline-bulk-status", "B", "" },
	{ 65537, "fetch-data-64", "F offset=Q length=Q", "" },
	{ 65538, "store-data-64", "F X offset=Q length=Q flen=Q", "" },
	{ 65539, "give-up-all-cbs", "", "" },
	{ 65540, "get-caps", "", "" },
	{ 65541, "cb-rx-conn-addr", "addr=U", "" },
	{ 0, NULL, NULL, NULL },
};

static const struct rx_op cb_ops[] = {
	{ 204, "callback", "C", "" },
	{ 205, "initcb", "", "" },
	{ 206, "probe", "", "" },
	{ 207, "getlock", "", "" },
	{ 208, "getce", "", "" },
	{ 209, "xstatver", "", "" },
	{ 210, "getxstat", "", "" },
	{ 211, "initcb2", "", "" },
	{ 212, "whoareyou", "", "" },
	{ 213, "initcb3", "", "A" },
	{ 214, "probeuuid", "afsuuid=A", "" },
	{ 215, "getsrvprefs", "", "" },
	{ 216, "getcellservdb", "", "" },
	{ 217, "getlocalcell", "", "" },
	{ 218, "getcacheconf", "", "" },
	{ 65536, "getce64", "", "" },
	{ 65537, "getcellbynum", "", "" },
	{ 65538, "tellmeaboutyourself", "", "" },
	{ 0, NULL, NULL, NULL },
};

static const struct rx_op pt_ops[] = {
	{ 500, "new-user", "S id=D oldid=D", "" },
	{ 501, "where-is-it", "id=D", "" },
	{ 502, "dump-entry", "pos=D", "" },
	{ 503, "add-to-group", "uid=D gid=D", "" },
	{ 504, "name-to-id", "J", "ids:=I" },
	{ 505, "id-to-name", "ids:=I", "J" },
	{ 506, "delete", "id=D", "" },
	{ 507, "remove-from-group", "uid=D gid=D", "" },
	{ 508, "get-cps", "id=D", "I" },
	{ 509, "new-entry", "S flag=D oid=D", "" },
	{ 510, "list-max", "", "maxuid=D maxgid=D" },
	{ 511, "set-max", "id=D gflag=D", "" },
	{ 512, "list-entry", "id=D", "" },
	{ 513, "change-entry", "id=D S oldid=D newid=D", "" },
	{ 514, "list-elements", "id=D", "I" },
	{ 515, "same-mbr-of", "uid=D gid=D", "" },
	{ 516, "set-fld-sentry", "", "" },
	{ 517, "list-owned", "id=D", "I" },
	{ 518, "get-cps2", "id=D", "I" },
	{ 519, "get-host-cps", "id=D", "I" },
	{ 520, "update-entry", "id=D S", "" },
	{ 521, "list-entries", "", "" },
	{ 530, "list-super-groups", "id=D", "" },
	{ 0, NULL, NULL, NULL },
};

static const struct rx_op vldb_ops[] = {
	{ 501, "create-entry", "N", "" },
	{ 502, "delete-entry", "volid=D Y", "" },
	{ 503, "get-entry-by-id", "volid=D Y", "E" },
	{ 504, "get-entry-by-name", "S", "E" },
	{ 505, "get-new-volume-id", "bump=D", "newvol=U" },
	{ 506, "replace-entry", "volid=D Y N", "" },
	{ 507, "update-entry", "volid=D Y", "" },
	{ 508, "setlock", "volid=D Y", "" },
	{ 509, "releaselock", "volid=D Y", "" },
	{ 510, "list-entry", "index=D", "count=D nextindex=D E" },
	{ 511, "list-attrib", "", "" },
	{ 512, "linked-list", "", "" },
	{ 513, "get-stats", "", "" },
	{ 514, "probe", "", "" },
	{ 515, "get-addrs", "", "" },
	{ 516, "change-addr", "", "" },
	{ 517, "create-entry-n", "N", "" },
	{ 518, "get-entry-by-id-n", "volid=D Y", "e" },
	{ 519, "get-entry-by-name-n", "S", "e" },
	{ 520, "replace-entry-n", "volid=D Y N", "" },
	{ 521, "list-entry-n", "index=D", "count=D nextindex=D e" },
	{ 522, "list-attrib-n", "", "" },
	{ 523, "linked-list-n", "", "" },
	{ 524, "update-entry-by-name", "S", "" },
	{ 525, "create-entry-u", "", "" },
	{ 526, "get-entry-by-id-u", "", "u" },
	{ 527, "get-entry-by-name-u", "S", "u" },
	{ 528, "replace-entry-u", "", "" },
	{ 529, "list-entry-u", "", "count=D nextindex=D e" },
	{ 530, "list-attrib-u", "", "" },
	{ 531, "linked-list-u", "", "" },
	{ 532, "regaddr", "", "" },
	{ 533, "get-addrs-u", "", "" },
	{ 534, "list-attrib-n2", "", "" },
	{ 0, NULL, NULL, NULL },
};

static const struct rx_op kauth_ops[] = {
	{ 1, "auth-old", "principal=S S", "" },
	{ 2, "change-pw", "principal=S S", "" },
	{ 3, "get-ticket-old", "kvno=D domain=S O principal=S S", "" },
	{ 4, "set-pw", "principal=S S kvno=D", "" },
	{ 5, "set-fields", "principal=S S", "" },
	{ 6, "create-user", "principal=S S", "" },
	{ 7, "delete-user", "principal=S S", "" },
	{ 8, "get-entry", "principal=S S", "" },
	{ 9, "list-entry", "", "" },
	{ 10, "get-stats", "", "" },
	{ 11, "debug", "", "" },
	{ 12, "get-pw", "name=S", "" },
	{ 13, "get-random-key", "", "" },
	{ 14, "unlock", "principal=S S", "" },
	{ 15, "lock-status", "principal=S S", "" },
	{ 21, "authenticate", "principal=S S", "" },
	{ 22, "authenticate-v2", "principal=S S", "" },
	{ 23, "get-ticket", "kvno=D domain=S O principal=S S", "" },
	{ 0, NULL, NULL, NULL },
};

static const struct rx_op vol_ops[] = {
	{ 100, "create-volume", "partition=U name=S type=U parent=U",
	  "volid=U trans=U" },
	{ 101, "delete-volume", "trans=U", "" },
	{ 102, "restore", "totrans=U flags=U", "" },
	{ 103, "forward", "fromtrans=U fromdate=T R desttrans=D", "" },
	{ 104, "end-trans", "trans=U", "U" },
	{ 105, "clone", "trans=U purgevol=U newtype=U newname=S", "newvol=U" },
	{ 106, "set-flags", "trans=U flags=U", "" },
	{ 107, "get-flags", "trans=U", "U" },
	{ 108, "trans-create", "vol=U partition=U flags=U", "trans=U" },
	{ 109, "dump", "fromtrans=U fromdate=T", "" },
	{ 110, "get-nth-volume", "index=U", "volume=U partition=U" },
	{ 111, "set-forwarding", "tid=U newsite=U", "" },
	{ 112, "get-name", "tid=", "S" },
	{ 113, "get-status", "tid=",
	  "volid=U nextuniq=U type=U parentid=U clone=U backup=U restore=U "
	  "maxquota=U minquota=U owner=U create=T access=T update=T expire=T "
	  "backup=T copy=T" },
	{ 114, "sig-restore", "name=S type=U pid=U cloneid=U", "" },
	{ 115, "list-partitions", "", "" },
	{ 116, "list-volumes", "partition=U flags=U", "M" },
	{ 117, "set-id-types", "tid=U name=S type=U pid=U clone=U backup=U", "" },
	{ 118, "monitor", "", "" },
	{ 119, "partition-info", "name=S", "" },
	{ 120, "reclone", "tid=U", "" },
	{ 121, "list-one-volume", "partid=U volid=U", "M" },
	{ 122, "nuke", "partid=U volid=U", "" },
	{ 123, "set-date", "tid=U date=T", "" },
	{ 124, "x-list-volumes", "partid=U volid=U", "" },
	{ 125, "x-list-one-volume", "partid=U volid=U", "" },
	{ 126, "set-info", "tid=U", "" },
	{ 127, "x-list-partitions", "", "" },
	{ 128, "forward-multiple", "fromtrans=U fromdate=T W", "" },
	{ 65536, "convert-ro", "partid=U volid=U", "" },
	{ 65537, "get-size", "", "" },
	{ 65538, "dump-v2", "fromtrans=U fromdate=T flags=U", "" },
	{ 0, NULL, NULL, NULL },
};

static const struct rx_op bos_ops[] = {
	{ 80, "create-bnode", "type=S instance=S", "" },
	{ 81, "delete-bnode", "S", "" },
	{ 82, "set-status", "S status=D", "" },
	{ 83, "get-status", "S", "" },
	{ 84, "enumerate-instance", "D", "" },
	{ 85, "get-instance-info", "S", "" },
	{ 86, "get-instance-parm", "S num=D", "" },
	{ 87, "add-superuser", "S", "" },
	{ 88, "delete-superuser", "S", "" },
	{ 89, "list-superusers", "D", "" },
	{ 90, "list-keys", "D", "" },
	{ 91, "add-key", "D", "" },
	{ 92, "delete-key", "D", "" },
	{ 93, "set-cell-name", "S", "" },
	{ 94, "get-cell-name", "", "" },
	{ 95, "get-cell-host", "D", "" },
	{ 96, "add-cell-host", "S", "" },
	{ 97, "delete-cell-host", "S", "" },
	{ 98, "set-t-status", "S status=D", "" },
	{ 99, "shutdown-all", "", "" },
	{ 100, "restart-all", "", "" },
	{ 101, "startup-all", "", "" },
	{ 102, "set-noauth-flag", "", "" },
	{ 103, "re-bozo", "", "" },
	{ 104, "restart", "S", "" },
	{ 105, "start-bozo-install", "S size=D flags=D date=D", "" },
	{ 106, "uninstall", "S", "" },
	{ 107, "get-dates", "", "" },
	{ 108, "exec", "S", "" },
	{ 109, "prune", "", "" },
	{ 110, "set-restart-time", "", "" },
	{ 111, "get-restart-time", "", "" },
	{ 112, "start-bozo-log", "S", "" },
	{ 113, "wait-all", "", "" },
	{ 114, "get-instance-strings", "S", "" },
	{ 115, "get-restricted", "", "" },
	{ 116, "set-restricted", "", "" },
	{ 0, NULL, NULL, NULL },
};

static const struct rx_op ubik_ops[] = {
	{ 10000, "vote-beacon",
	  "Z votestart=T dbversion=V tid=V", "" },
	{ 10001, "vote-debug-old", "", "" },
	{ 10002, "vote-sdebug-old", "", "" },
	{ 10003, "vote-getsyncsite", "site=U", "" },
	{ 10004, "vote-debug", "", "" },
	{ 10005, "vote-sdebug", "", "" },
	{ 10006, "vote-xdebug", "", "" },
	{ 10007, "vote-xsdebug", "", "" },
	{ 20000, "disk-begin", "tid=V", "" },
	{ 20001, "disk-commit", "tid=V", "" },
	{ 20002, "disk-lock", "tid=V file=D pos=D length=D K", "" },
	{ 20003, "disk-write", "tid=V file=D pos=D", "" },
	{ 20004, "disk-getversion", "", "dbversion=V" },
	{ 20005, "disk-getfile", "file=D", "" },
	{ 20006, "disk-sendfile", "file=D length=D dbversion=V", "" },
	{ 20007, "disk-abort", "tid=V", "" },
	{ 20008, "disk-releaselocks", "tid=V", "" },
	{ 20009, "disk-truncate", "tid=V file=D length=D", "" },
	{ 20010, "disk-probe", "tid=V", "" },
	{ 20011, "disk-writev", "", "" },
	{ 20012, "disk-interfaceaddr", "tid=V oldversion=V newversion=V", "" },
	{ 20013, "disk-setversion", "", "" },
	{ 0, NULL, NULL, NULL },
};

enum { P_FS = 7000, P_CB, P_PT, P_VLDB, P_KAUTH, P_VOL, P_ERROR, P_BOS };

static const struct rx_svc svcs[] = {
	{ "fs", " [|fs]", fs_ops, 256, 0, 0, 1, 0 },
	{ "cb", " [|cb]", cb_ops, 256, 0, 0, 0, 0 },
	{ "pt", " [|pt]", pt_ops, 64, 64, 1, 0, 1 },
	{ "vldb", " [|vldb]", vldb_ops, 65, 65, 1, 0, 1 },
	{ "kauth", " [|kauth]", kauth_ops, 64, 0, 1, 0, 0 },
	{ "vol", " [|vol]", vol_ops, 256, 32, 0, 0, 0 },
	{ NULL, NULL, NULL, 0, 0, 0, 0, 0 }, /* 7006: error service */
	{ "bos", " [|bos]", bos_ops, 256, 0, 0, 0, 0 },
};

static const struct rx_svc ubik_svc = {
	"ubik", " [|ubik]", ubik_ops, 256, 0, 0, 0, 0
};

static const struct rx_svc *svc_of_port(unsigned port)
{
	if (port < P_FS || port > P_BOS || !svcs[port - P_FS].name)
		return NULL;
	return &svcs[port - P_FS];
}

static const struct rx_op *find_op(const struct rx_svc *svc, uint32_t op)
{
	for (const struct rx_op *o = svc->ops; o->name; o++)
		if (o->op == op)
			return o;
	return NULL;
}

static int is_ubik_op(uint32_t op)
{
	return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013);
}

/* ---- the argument reader ---- */

struct rd {
	nd_t *nd;
	const uint8_t *bp;
	const struct rx_svc *svc;
};

static uint32_t w32(struct rd *r)
{
	uint32_t v = nd_be32(r->nd, r->bp);
	r->bp += 4;
	return v;
}

static void put_date(nd_t *nd, int32_t v)
{
	time_t t = (time_t)v;
	struct tm tm;
	char buf[64];
	if (gmtime_r(&t, &tm) &&
	    strftime(buf, sizeof buf, "%Y/%m/%d %H:%M:%S", &tm)) {
		nd_c(nd, ' ');
		nd_s(nd, buf);
	} else {
		nd_s(nd, " [Error converting time]");
	}
}

/* A counted string; 0 when it is longer than the service allows or not
 * captured whole. */
static int put_str(struct rd *r)
{
	uint32_t n = w32(r);
	if (n > r->svc->strmax)
		return 0;
	nd_s(r->nd, " \"");
	if (nd_print_chars(r->nd, r->bp, n))
		return 0;
	nd_c(r->nd, '"');
	r->bp += (n + 3) & ~3u;
	return 1;
}

/* A fixed-size name sent a character per word; printed up to its NUL. */
static int put_vec(struct rd *r, unsigned max)
{
	if (!nd_has(r->nd, r->bp, (size_t)max * 4))
		return 0;
	nd_s(r->nd, " \"");
	unsigned i = 0;
	for (; i < max; i++) {
		uint8_t c = r->bp[i * 4 + 3];
		if (c == 0)
			break;
		nd_print_char(r->nd, c);
	}
	nd_c(r->nd, '"');
	r->bp += (size_t)max * 4;
	return 1;
}

/* " fid VOLUME/VNODE/UNIQUE", checked first. */
static int put_fid(struct rd *r)
{
	if (!nd_has(r->nd, r->bp, 12))
		return 0;
	uint32_t a = w32(r), b = w32(r), c = w32(r);
	nd_printf(r->nd, " fid %u/%u/%u", a, b, c);
	return 1;
}

static int put_uuid(struct rd *r)
{
	if (!nd_has(r->nd, r->bp, 44))
		return 0;
	uint32_t a = w32(r), b = w32(r), c = w32(r);
	nd_printf(r->nd, " %08x%04x%04x", a, b, c);
	for (int i = 0; i < 8; i++)
		nd_printf(r->nd, "%02x", w32(r) & 0xff);
	return 1;
}

static int put_storestatus(struct rd *r)
{
	if (!nd_has(r->nd, r->bp, 24))
		return 0;
	uint32_t mask = w32(r);
	if (mask)
		nd_s(r->nd, " StoreStatus");
	uint32_t date = w32(r), owner = w32(r), group = w32(r);
	uint32_t mode = w32(r), seg = w32(r);
	if (mask & 1) {
		nd_s(r->nd, " date");
		put_date(r->nd, (int32_t)date);
	}
	if (mask & 2)
		nd_printf(r->nd, " owner %u", owner);
	if (mask & 4)
		nd_printf(r->nd, " group %u", group);
	if (mask & 8)
		nd_printf(r->nd, " mode %o", mode & 07777);
	if (mask & 16)
		nd_printf(r->nd, " segsize %u", seg);
	if (mask & 1024)
		nd_s(r->nd, " fsync");
	return 1;
}

/* An ACL: "npos\nnneg\n" then "name rights\n" per entry, as text. */
static int put_acl(struct rd *r)
{
	nd_t *nd = r->nd;
	uint32_t n = w32(r);
	if (n > 1024) /* AFSOPAQUEMAX */
		return 0;
	if (!nd_has(nd, r->bp, n))
		return 0;
	const uint8_t *s = r->bp, *end = r->bp + n;
	r->bp += (n + 3) & ~3u;
	/* parse decimal numbers and names from s..end */
	long counts[2];
	for (int k = 0; k < 2; k++) {
		long v = 0;
		int any = 0, neg = 0;
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\n'))
			s++;
		if (s < end && (*s == '-' || *s == '+'))
			neg = *s++ == '-';
		while (s < end && *s >= '0' && *s <= '9') {
			if (v < 100000000)
				v = v * 10 + (*s - '0');
			s++;
			any = 1;
		}
		if (!any)
			return 1;
		counts[k] = neg ? -v : v;
	}
	static const struct { char c; int bit; } rights[] = {
		{ 'r', 0 }, { 'l', 3 }, { 'i', 2 }, { 'd', 4 }, { 'w', 1 },
		{ 'k', 5 }, { 'a', 6 },
	};
	for (int k = 0; k < 2; k++) {
		for (long i = 0; i < counts[k]; i++) {
			const uint8_t *name = NULL;
			size_t nl = 0;
			long acc = 0;
			int neg = 0, any = 0;
			while (s < end && (*s == ' ' || *s == '\t' || *s == '\n'))
				s++;
			name = s;
			while (s < end && *s != ' ' && *s != '\t' && *s != '\n')
				s++;
			nl = (size_t)(s - name);
			if (nl == 0)
				return 1;
			while (s < end && (*s == ' ' || *s == '\t' || *s == '\n'))
				s++;
			if (s < end && (*s == '-' || *s == '+'))
				neg = *s++ == '-';
			while (s < end && *s >= '0' && *s <= '9') {
				if (acc < 100000000)
					acc = acc * 10 + (*s - '0');
				s++;
				any = 1;
			}
			if (!any)
				return 1;
			if (neg)
				acc = -acc;
			nd_s(nd, k ? " -{" : " +{");
			for (size_t j = 0; j < nl; j++)
				nd_print_char(nd, name[j]);
			nd_c(nd, ' ');
			for (int b = 0; b < 7; b++)
				if (acc & (1L << rights[b].bit))
					nd_c(nd, rights[b].c);
			nd_c(nd, '}');
		}
	}
	return 1;
}

/* A VLDB entry: old (8 servers, a type word first), "N" (13 servers) or
 * "U" (13 servers named by UUID). */
static int put_vldb_entry(struct rd *r, int kind)
{
	nd_t *nd = r->nd;
	unsigned nsrv = kind == 'E' ? 8 : 13;
	if (!put_vec(r, r->svc->vecmax))
		return 0;
	if (kind == 'E') { /* volumeType */
		if (!nd_has(nd, r->bp, 4))
			return 0;
		r->bp += 4;
	}
	nd_s(nd, " numservers");
	uint32_t n = w32(r);
	nd_c(nd, ' ');
	nd_u(nd, n);
	nd_s(nd, " servers");
	for (unsigned i = 0; i < nsrv; i++) {
		if (kind == 'u') {
			if (i < n) {
				nd_s(nd, " afsuuid");
				if (!put_uuid(r))
					return 0;
			} else {
				if (!nd_has(nd, r->bp, 44))
					return 0;
				r->bp += 44;
			}
		} else {
			if (!nd_has(nd, r->bp, 4))
				return 0;
			if (i < n) {
				nd_c(nd, ' ');
				put_ip4(nd, r->bp);
			}
			r->bp += 4;
		}
	}
	if (kind == 'u')
		r->bp += 4 * nsrv; /* serverUnique */
	nd_s(nd, " partitions");
	for (unsigned i = 0; i < nsrv; i++) {
		uint32_t v = w32(r);
		if (i < n) {
			if (v <= 26) {
				nd_c(nd, ' ');
				nd_c(nd, (char)'a' + (int)v);
			} else {
				nd_c(nd, ' ');
				nd_u(nd, v);
			}
		}
	}
	if (!nd_has(nd, r->bp, 4 * nsrv)) /* serverFlags */
		return 0;
	r->bp += 4 * nsrv;
	nd_s(nd, " rwvol");
	{
		unsigned v0 = w32(r);
		nd_c(nd, ' ');
		nd_u(nd, v0);
	}
	nd_s(nd, " rovol");
	{
		unsigned v0 = w32(r);
		nd_c(nd, ' ');
		nd_u(nd, v0);
	}
	nd_s(nd, " backup");
	{
		unsigned v0 = w32(r);
		nd_c(nd, ' ');
		nd_u(nd, v0);
	}
	return 1;
}

static int run_spec(struct rd *r, const char *spec);

static int put_code(struct rd *r, char code)
{
	nd_t *nd = r->nd;
	switch (code) {
	case 'F':
		return put_fid(r);
	case 'U':
		{
			unsigned v0 = w32(r);
			nd_c(nd, ' ');
			nd_u(nd, v0);
		}
		return 1;
	case 'D':
		{
			int v0 = (int32_t)w32(r);
			nd_c(nd, ' ');
			out_d(nd->out, v0);
		}
		return 1;
	case 'T':
		put_date(nd, (int32_t)w32(r));
		return 1;
	case 'V': {
		if (!nd_has(nd, r->bp, 8))
			return 0;
		uint32_t a = w32(r), b = w32(r);
		nd_c(nd, ' ');
		nd_u(nd, a);
		nd_c(nd, '.');
		nd_u(nd, b);
		return 1;
	}
	case 'Q': {
		uint64_t hi = w32(r);
		uint64_t lo = w32(r);
		nd_c(nd, ' ');
		nd_u(nd, (unsigned long long)(hi << 32 | lo));
		return 1;
	}
	case 'S':
		return put_str(r);
	case 'N':
		return put_vec(r, r->svc->vecmax);
	case 'X':
		return put_storestatus(r);
	case 'A':
		return put_uuid(r);
	case 'K':
		(void)w32(r);
		return 1;
	case 'O': { /* a counted opaque, skipped (unpadded, as tcpdump) */
		uint32_t n = w32(r);
		if (!nd_has(nd, r->bp, n))
			return 0;
		r->bp += n;
		return 1;
	}
	case 'Y': {
		uint32_t t = w32(r);
		static const char *const vt[] = { "read-write", "read-only", "backup" };
		if (t < 3) {
			nd_s(nd, " type ");
			nd_s(nd, vt[t]);
		}
		return 1;
	}
	case 'Z': {
		uint32_t v = w32(r);
		nd_s(nd, v ? " syncsite yes" : " syncsite no");
		return 1;
	}
	case 'B': case 'C': {
		uint32_t j = w32(r);
		for (uint32_t i = 0; i < j; i++) {
			if (i)
				nd_c(nd, ',');
			if (!put_fid(r))
				return 0;
		}
		if (j == 0)
			nd_s(nd, " <none!>");
		if (code == 'C') {
			uint32_t k = w32(r);
			if (k)
				nd_c(nd, ';');
			for (uint32_t i = 0; i < k; i++) {
				nd_s(nd, " ver");
				{
					int v0 = (int32_t)w32(r);
					nd_c(nd, ' ');
					out_d(nd->out, v0);
				}
				nd_s(nd, " expires");
				put_date(nd, (int32_t)w32(r));
				(void)w32(r); /* the callback type */
			}
		}
		return 1;
	}
	case 'L':
		return put_acl(r);
	case 'I': {
		uint32_t j = w32(r);
		for (uint32_t i = 0; i < j; i++) {
			int v0 = (int32_t)w32(r);
			nd_c(nd, ' ');
			out_d(nd->out, v0);
		}
		if (j == 0)
			nd_s(nd, " <none!>");
		return 1;
	}
	case 'J': {
		uint32_t j = w32(r);
		for (uint32_t i = 0; i < j; i++)
			if (!put_vec(r, r->svc->vecmax))
				return 0;
		if (j == 0)
			nd_s(nd, " <none!>");
		return 1;
	}
	case 'E': case 'e': case 'u':
		return put_vldb_entry(r, code);
	case 'M': {
		uint32_t j = w32(r);
		for (uint32_t i = 0; i < j; i++) {
			if (i)
				nd_c(nd, ',');
			nd_s(nd, " name");
			if (!put_vec(r, 32))
				return 0;
			{
				unsigned v0 = w32(r);
				nd_s(nd, " volid ");
				nd_u(nd, v0);
			}
			nd_s(nd, " type"); /* not shown, nor read */
			r->bp += 4 * 21; /* the rest of the volintInfo */
		}
		if (j == 0)
			nd_s(nd, " <none!>");
		return 1;
	}
	case 'R': {
		if (!nd_has(nd, r->bp, 12))
			return 0;
		uint32_t a = w32(r), b = w32(r), c = w32(r);
		nd_s(nd, " server ");
		nd_u(nd, a);
		nd_c(nd, ':');
		nd_u(nd, b);
		nd_c(nd, ':');
		nd_u(nd, c);
		return 1;
	}
	case 'W': {
		uint32_t j = w32(r);
		for (uint32_t i = 0; i < j; i++) {
			if (i)
				nd_c(nd, ',');
			if (!nd_has(nd, r->bp, 12))
				return 0;
			uint32_t a = w32(r), b = w32(r), c = w32(r);
			nd_s(nd, " server ");
			nd_u(nd, a);
			nd_c(nd, ':');
			nd_u(nd, b);
			nd_c(nd, ':');
			nd_u(nd, c);
		}
		if (j == 0)
			nd_s(nd, " <none!>");
		return 1;
	}
	}
	return 1;
}

/* Runs a format string; 0 when a check failed (the caller prints the
 * service's truncation marker). */
static int run_spec(struct rd *r, const char *spec)
{
	const char *s = spec;
	while (*s) {
		while (*s == ' ')
			s++;
		const char *t = s;
		while (*s && *s != ' ')
			s++;
		const char *eq = memchr(t, '=', (size_t)(s - t));
		if (eq) {
			nd_c(r->nd, ' ');
			for (const char *c = t; c < eq; c++)
				nd_c(r->nd, *c == '_' ? ' ' : *c);
			t = eq + 1;
		}
		if (t < s && !put_code(r, *t))
			return 0;
	}
	return 1;
}

/* ---- calls and replies ---- */

static void svc_call(nd_t *nd, const struct rx_svc *svc, const uint8_t *bp,
                     unsigned length)
{
	if (length <= RX_HDR_LEN)
		return;
	uint32_t op = nd_be32(nd, bp + RX_HDR_LEN);
	nd_c(nd, ' ');
	nd_s(nd, svc->name);
	const struct rx_svc *use = svc;
	if (svc->ubik && is_ubik_op(op)) {
		nd_s(nd, " ubik");
		use = &ubik_svc;
	}
	nd_s(nd, " call ");
	const struct rx_op *o = find_op(use, op);
	if (o)
		nd_s(nd, o->name);
	else {
		nd_s(nd, "op#");
		nd_u(nd, op);
	}
	if (!o)
		return;
	struct rd r = { nd, bp + RX_HDR_LEN + 4, use };
	if (!run_spec(&r, o->call))
		nd_s(nd, use->trunc);
}

static void svc_reply(nd_t *nd, const struct rx_svc *svc, const uint8_t *bp,
                      unsigned length, uint32_t op, unsigned type)
{
	if (length <= RX_HDR_LEN && !svc->short_reply)
		return;
	nd_c(nd, ' ');
	nd_s(nd, svc->name);
	const struct rx_svc *use = svc;
	if (svc->ubik && is_ubik_op(op)) {
		nd_s(nd, " ubik");
		use = &ubik_svc;
	}
	nd_s(nd, " reply ");
	const struct rx_op *o = find_op(use, op);
	if (o)
		nd_s(nd, o->name);
	else {
		nd_s(nd, "op#");
		nd_u(nd, op);
	}
	struct rd r = { nd, bp + RX_HDR_LEN, use };
	if (type == T_DATA) {
		if (use == &ubik_svc && op == 10000)
			nd_s(nd, " vote no");
		else if (o && !run_spec(&r, o->reply))
			nd_s(nd, use->trunc);
		return;
	}
	/* an abort: its code */
	if (use == &ubik_svc && op == 10000) {
		nd_s(nd, " vote yes until");
		put_date(nd, (int32_t)w32(&r));
		return;
	}
	if (!svc->fs_errors)
		nd_s(nd, " errcode");
	int32_t code = (int32_t)w32(&r);
	if (svc->fs_errors) {
		const char *e = tok_name(fs_errors, (uint32_t)code);
		if (e) {
			nd_s(nd, " error ");
			nd_s(nd, e);
		} else {
			nd_s(nd, " error #");
			out_d(nd->out, code);
		}
	} else {
		nd_c(nd, ' ');
		out_d(nd->out, code);
	}
}

/* ---- the call cache ---- */

static void cache_insert(nd_t *nd, const uint8_t *bp,
                         const struct ip_ctx *ip, unsigned dport)
{
	if (!nd_has(nd, bp + RX_HDR_LEN, 4))
		return;
	struct rx_cache *c = &nd->ps->rxcache;
	struct rx_call *e = &c->e[c->next];
	c->next = (c->next + 1) % RX_CACHE_N;
	e->callnum = nd_be32(nd, bp + 8);
	memcpy(e->client, ip->hdr + 12, 4);
	memcpy(e->server, ip->hdr + 16, 4);
	e->dport = (uint16_t)dport;
	e->serviceid = nd_be16(nd, bp + 26);
	e->opcode = nd_be32(nd, bp + RX_HDR_LEN);
	e->used = 1;
}

static int cache_find(nd_t *nd, const uint8_t *bp, const struct ip_ctx *ip,
                      unsigned sport, uint32_t *opcode)
{
	struct rx_cache *c = &nd->ps->rxcache;
	uint32_t callnum = nd_be32(nd, bp + 8);
	uint16_t sid = nd_be16(nd, bp + 26);
	unsigned i = c->hint % RX_CACHE_N;
	for (unsigned n = 0; n < RX_CACHE_N; n++, i = (i + 1) % RX_CACHE_N) {
		const struct rx_call *e = &c->e[i];
		if (e->used && e->callnum == callnum &&
		    memcmp(e->client, ip->hdr + 16, 4) == 0 &&
		    memcmp(e->server, ip->hdr + 12, 4) == 0 &&
		    e->serviceid == sid && e->dport == sport) {
			c->hint = i;
			*opcode = e->opcode;
			return 1;
		}
	}
	return 0;
}

/* ---- acknowledgements ---- */

static void put_runs(nd_t *nd, const uint8_t *acks, unsigned n,
                     uint32_t first, uint8_t want, const char *label)
{
	int any = 0;
	for (unsigned i = 0; i < n; i++) {
		if (acks[i] != want)
			continue;
		unsigned j = i;
		while (j + 1 < n && acks[j + 1] == want)
			j++;
		nd_s(nd, any ? "," : label);
		any = 1;
		nd_u(nd, first + i);
		if (j > i) {
			nd_c(nd, '-');
			nd_u(nd, first + j);
		}
		i = j;
	}
}

static void ack_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	const uint8_t *p = bp + RX_HDR_LEN;
	if (!nd_has(nd, p, 18)) {
		nd_s(nd, " [|ack]");
		return;
	}
	if (nd->opt->vflag > 2) {
		unsigned v0 = nd_be16(nd, p);
		unsigned v1 = nd_be16(nd, p + 2);
		nd_s(nd, " bufspace ");
		nd_u(nd, v0);
		nd_s(nd, " maxskew ");
		nd_u(nd, v1);
	}
	uint32_t first = nd_be32(nd, p + 4);
	{
		unsigned v0 = nd_be32(nd, p + 12);
		nd_s(nd, " first ");
		nd_u(nd, first);
		nd_s(nd, " serial ");
		nd_u(nd, v0);
		nd_s(nd, " reason ");
	}
	unsigned reason = p[16];
	const char *rs = tok_name(ack_reasons, reason);
	if (rs)
		nd_s(nd, rs);
	else {
		nd_c(nd, '#');
		nd_u(nd, reason);
	}
	unsigned n = p[17];
	p += 18;
	if (!nd_has(nd, p, n)) {
		nd_s(nd, " [|ack]");
		return;
	}
	put_runs(nd, p, n, first, 1, " acked ");
	put_runs(nd, p, n, first, 0, " nacked ");
	p += n + 3;
	if (nd->opt->vflag > 1) {
		static const char *const names[] = { " ifmtu", " maxmtu",
						     " rwind", " maxpackets" };
		const uint8_t *end = bp + length;
		for (int i = 0; i < 4; i++, p += 4) {
			if (p + 4 > end || !nd_has(nd, p, 4))
				break;
			nd_s(nd, names[i]);
			{
				unsigned v0 = nd_be32(nd, p);
				nd_c(nd, ' ');
				nd_u(nd, v0);
			}
		}
	}
}

/* ---- the entry point ---- */

void rx_print(nd_t *nd, const uint8_t *bp, unsigned length,
              const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	nd_proto(nd, "rx");
	if (!nd_has(nd, bp, RX_HDR_LEN)) {
		nd_s(nd, " [|rx] (");
		nd_u(nd, length);
		nd_c(nd, ')');
		return;
	}
	unsigned type = bp[20], flags = bp[21];
	uint32_t seq = nd_be32(nd, bp + 12);
	const char *tn = tok_name(rx_types, type);
	if (tn) {
		nd_s(nd, " rx ");
		nd_s(nd, tn);
	} else {
		nd_s(nd, " rx type ");
		nd_u(nd, type);
	}
	unsigned v = nd->opt->vflag;
	if (v) {
		if (v > 1) {
			unsigned v0 = nd_be32(nd, bp + 4);
			unsigned v1 = nd_be32(nd, bp + 8);
			nd_s(nd, " cid ");
			out_x(nd->out, v0, 8);
			nd_s(nd, " call# ");
			nd_u(nd, v1);
		}
		{
			unsigned v0 = nd_be32(nd, bp + 16);
			nd_s(nd, " seq ");
			nd_u(nd, seq);
			nd_s(nd, " ser ");
			nd_u(nd, v0);
		}
		if (v > 2) {
			unsigned v0 = nd_be16(nd, bp + 26);
			nd_s(nd, " secindex ");
			nd_u(nd, bp[23]);
			nd_s(nd, " serviceid ");
			nd_u(nd, v0);
		}
		if (v > 1) {
			static const char *const fl[] = { "client-init", "req-ack",
				"last-pckt", "more-pckts", "free-pckt" };
			int any = 0;
			for (int i = 0; i < 6; i++) {
				if (!(flags & (1u << i)))
					continue;
				const char *s;
				if (i < 5)
					s = fl[i];
				else if (type == T_ACK)
					s = "slow-start";
				else if (type == T_DATA)
					s = "jumbogram";
				else
					continue;
				nd_s(nd, any ? ",<" : " <");
				nd_s(nd, s);
				nd_c(nd, '>');
				any = 1;
			}
		}
	}
	uint32_t opcode;
	if (type == T_DATA && seq == 1 && (flags & F_CLIENT_INIT)) {
		cache_insert(nd, bp, ip, dport);
		const struct rx_svc *svc = svc_of_port(dport);
		if (svc)
			svc_call(nd, svc, bp, length);
	} else if (((type == T_DATA && seq == 1) || type == T_ABORT) &&
		   !(flags & F_CLIENT_INIT) &&
		   cache_find(nd, bp, ip, sport, &opcode)) {
		const struct rx_svc *svc = svc_of_port(sport);
		if (svc)
			svc_reply(nd, svc, bp, length, opcode, type);
	}
	if (type == T_ACK)
		ack_print(nd, bp, length);
	nd_s(nd, " (");
	nd_u(nd, length);
	nd_c(nd, ')');
}
