/* internal.h - what the rule engine's parts share: a parsed rule, its
 * detection list and header tests, the rule set being loaded. */
#ifndef TRAWL_RULES_INTERNAL_H
#define TRAWL_RULES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "../analyze/decode.h"
#include "../session/session.h"

/* Buffers a detection element can inspect: the session layer's (enum
 * sess_buf) and the payload: a packet's transport payload, or the
 * reassembled bytes of a TCP stream's direction. */
#define RB_PKT SB_MAX
#define RB_MAX (SB_MAX + 1)

#define RULE_VARS_MAX 8      /* byte_extract variables in one rule */
#define RULE_MSG_MAX 1024    /* bytes of msg kept */

enum rule_action { RA_ALERT, RA_LOG, RA_PASS, RA_DROP, RA_REJECT };

/* ---- addresses and ports (addr.c) --------------------------------------- */

struct cidr {
	uint8_t alen;   /* 4 or 16 */
	uint8_t bits;   /* prefix length */
	uint8_t a[16];  /* network address, host bits zero */
};

/* Matches when (any or an address of in[]) and no address of out[].  Nested
 * lists and negations are flattened into these two lists. */
struct addrset {
	uint8_t any;
	struct cidr *in, *out;
	unsigned nin, nout;
};

struct portrange {
	uint16_t lo, hi;
};

struct portset {
	uint8_t any;
	struct portrange *in, *out;
	unsigned nin, nout;
};

int addrset_match(const struct addrset *a, const uint8_t *ip, unsigned alen);
int portset_match(const struct portset *p, unsigned port);
void addrset_free(struct addrset *a);
void portset_free(struct portset *p);

/* ---- the detection list (match.c) ---------------------------------------- */

enum rm_kind {
	RM_CONTENT,
	RM_PCRE,
	RM_BYTE_TEST,
	RM_BYTE_JUMP,
	RM_BYTE_EXTRACT,
	RM_ISDATAAT,
	RM_BSIZE,
};

/* rm.flags */
#define RMF_NEG        0x0001 /* content:!"..", isdataat:!.., pcre:!"..", byte_test's '!' */
#define RMF_NOCASE     0x0002
#define RMF_RELATIVE   0x0004 /* after the previous match in the same buffer (distance/within, R, ",relative") */
#define RMF_STARTSWITH 0x0008
#define RMF_ENDSWITH   0x0010
#define RMF_FAST       0x0020 /* fast_pattern given for this content */
#define RMF_FAST_ONLY  0x0040
#define RMF_RAWBYTES   0x0080
#define RMF_STRING     0x0100 /* byte_*: the bytes are a number in text (base) */
#define RMF_LITTLE     0x0200 /* byte_*: little endian */
#define RMF_BEGIN      0x0400 /* byte_jump from_beginning */
#define RMF_END        0x0800 /* byte_jump from_end */
#define RMF_ALIGN      0x1000 /* byte_jump align */
#define RMF_DCE        0x2000 /* byte_*: dce (taken as little endian) */

/* rm.has: which of the content modifiers were given */
#define RMH_OFFSET   0x01
#define RMH_DEPTH    0x02
#define RMH_DISTANCE 0x04
#define RMH_WITHIN   0x08

/* A number that may be a byte_extract variable's value instead. */
struct rm_num {
	int32_t v;
	int8_t var; /* -1: v; 0..RULE_VARS_MAX-1: that variable */
};

/* Comparison operators of byte_test, bsize and the header tests. */
enum rm_op {
	OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE,
	OP_AND,    /* byte_test '&': (x & value) != 0 */
	OP_OR,     /* byte_test '^': (x ^ value) != 0 */
	OP_RANGE,  /* lo < x < hi (Suricata's "a<>b") */
};

struct rm {
	uint8_t kind;     /* enum rm_kind */
	uint8_t buf;      /* enum sess_buf, or RB_PKT */
	uint16_t flags;   /* RMF_* */
	uint8_t has;      /* RMH_* (content) */
	/* content: the bytes, decoded from |hex| and \ escapes */
	uint8_t *pat;
	uint32_t plen;
	uint32_t fp_off, fp_len; /* fast_pattern:off,len (fp_len 0: the whole) */
	struct rm_num offset, depth, distance, within;
	/* pcre: pcre2_code, compiled (and JIT-compiled when possible) */
	void *re;
	/* byte_test, byte_jump, byte_extract: bytes to read (1-8, or 1-10 as
	 * a string), base of a string (8, 10, 16); offset is .offset.
	 * nbytes 0 (always with RMF_STRING): the whole rest of the buffer, as
	 * ET's "http.content_len; byte_test:0,=,0,0,string,dec;" uses it.
	 * isdataat: its position is .offset (the same in .value). */
	uint8_t nbytes, base;
	uint8_t op;             /* byte_test, bsize: enum rm_op */
	uint8_t var;            /* byte_extract: the variable set */
	struct rm_num value;    /* byte_test's value; bsize's (lo) */
	uint64_t value2;        /* bsize's hi for OP_RANGE; byte_test: its value in
	                         * full (value.v holds only the low 32 bits of a
	                         * larger one) when value.var < 0 */
	int32_t multiplier;     /* byte_jump, byte_extract (1 when not given) */
	int32_t post_offset;    /* byte_jump */
	uint64_t bitmask;       /* byte_test, byte_jump, byte_extract (0: none) */
};

/* ---- header tests (match.c) ---------------------------------------------- */

enum rh_field {
	RH_DSIZE,      /* payload length of the packet */
	RH_ITYPE, RH_ICODE, RH_ICMP_ID, RH_ICMP_SEQ,
	RH_IP_PROTO, RH_TTL, RH_TOS, RH_ID,
	RH_SEQ, RH_ACK, RH_WINDOW,
	RH_FLAGS,      /* lo: TH_* bits wanted, hi: bits ignored; op: RH_BITS_* */
	RH_FRAGBITS,   /* lo: IPF_* bits, op: RH_BITS_* */
	RH_IPOPTS,     /* lo: the option's type (any: 256) */
	RH_SAMEIP,
};
/* op of RH_FLAGS and RH_FRAGBITS: exactly these bits (of those not
 * ignored), all of them (+), any of them (*), none of them (!) */
enum { RH_BITS_EXACT = 100, RH_BITS_ALL, RH_BITS_ANY, RH_BITS_NOT };

struct rh {
	uint8_t field;  /* enum rh_field */
	uint8_t op;     /* enum rm_op, or RH_BITS_* */
	uint8_t neg;    /* the whole test negated (tos:!8, id:!0) */
	uint32_t lo, hi;
};

/* ---- flowbits, thresholds ------------------------------------------------ */

enum fb_op { FB_SET, FB_UNSET, FB_TOGGLE, FB_ISSET, FB_ISNOTSET };
struct fbop {
	uint8_t op;
	uint8_t any;      /* isset/isnotset of "a|b": any of them; else all ("a&b") */
	uint16_t n;
	uint32_t *ids;    /* flowbit numbers (struct ruleset's names) */
};

enum { THR_NONE, THR_LIMIT, THR_THRESHOLD, THR_BOTH, THR_DETECTION_FILTER };
enum { TRK_SRC, TRK_DST, TRK_RULE, TRK_BOTH };
struct rthresh {
	uint8_t type, track;
	uint32_t count, seconds;
};

/* rule.flow: the flow keyword */
#define RF_ESTABLISHED     0x01
#define RF_NOT_ESTABLISHED 0x02
#define RF_STATELESS       0x04
#define RF_TO_SERVER       0x08 /* to_server, from_client */
#define RF_TO_CLIENT       0x10 /* to_client, from_server */
#define RF_ONLY_STREAM     0x20
#define RF_NO_STREAM       0x40

/* ---- a rule ---------------------------------------------------------------- */

struct rule {
	uint32_t gid, sid, rev;
	uint32_t index;          /* its position in the rule set */
	uint8_t action;          /* enum rule_action */
	uint8_t ipproto;         /* 0: any IP; 6, 17, 1 (icmp: ICMPv6 too), or ip_proto's */
	const char *app;         /* application protocol required ("http" ...), or NULL */
	uint8_t bidir;           /* <> */
	uint8_t noalert;         /* flowbits:noalert */
	uint16_t flow;           /* RF_* */
	char *msg;
	char *classtype;         /* NULL when none */
	const char *class_desc;  /* classification.config's description, or NULL */
	int priority;            /* priority keyword, else the classtype's, else 3 */
	char *metadata;          /* as written, or NULL */
	char *file;              /* where it was read (shared by the rules of a file) */
	unsigned line;
	/* header: as written (variables resolved by rs_resolve) */
	char *src_text, *sp_text, *dst_text, *dp_text;
	struct addrset src, dst;
	struct portset sp, dp;
	/* detection */
	struct rh *hdr;
	unsigned nhdr;
	struct rm *m;            /* in rule order */
	unsigned nm;
	uint64_t bufs;           /* bit b: an element inspects buffer b */
	uint64_t dotprefix;      /* bit b: buffer b inspected with a '.' before it (dotprefix) */
	int fast;                /* index in m[] of the prefilter's content, -1: none */
	struct fbop *fb;
	unsigned nfb;
	struct rthresh thr;      /* threshold / event_filter */
	struct rthresh df;       /* detection_filter */
};

/* ---- the rule set being loaded (load.c, parse.c) -------------------------- */

struct rvar {
	char *name, *value;
	uint8_t from_cli;        /* --var: rule files do not override it */
};

struct rclass {
	char *name, *desc;
	int priority;
};

struct rskip {
	char *what;              /* the keyword (or "protocol ssh") that made rules skip */
	unsigned count;
};

struct ruleset {
	struct rule **rules;
	unsigned nrules, cap;
	struct rvar *vars;
	unsigned nvars;
	struct rclass *classes;
	unsigned nclasses;
	char **fbnames;          /* flowbit names, numbered by position */
	unsigned nfb;
	unsigned seen;           /* enabled rule lines read */
	unsigned skipped;        /* of them, skipped for an unsupported keyword or protocol */
	struct rskip *skips;
	unsigned nskips;
	char **files;            /* the names rules' file point to (owned here) */
	unsigned nfiles;
};

void rs_init(struct ruleset *rs);
void rs_free(struct ruleset *rs);
/* A variable (--var when from_cli, else a var/ipvar/portvar line; a line
 * does not replace a --var).  The defaults of Snort's sample snort.conf
 * are there from rs_init: HOME_NET any, EXTERNAL_NET any, the *_SERVERS
 * $HOME_NET, HTTP_PORTS 80 ..., etc. */
int rs_set_var(struct ruleset *rs, const char *name, const char *value, int from_cli,
               char *err, size_t errlen);
/* A file or a directory of *.rules (and classification.config,
 * reference.config beside them). */
int rs_load(struct ruleset *rs, const char *path, char *err, size_t errlen);
/* One rule's text (no line breaks; a commented-out rule is not given).
 * Returns 1 when it was added, 0 when it was skipped (tallied), -1 when it
 * is malformed: err says "FILE:LINE: what is wrong". */
int rs_parse_rule(struct ruleset *rs, const char *text, size_t n, const char *file,
                  unsigned line, char *err, size_t errlen);
/* Resolves the headers' variables and the classtypes; -1 and err naming
 * the rule's file:line when a variable is undefined or a list malformed. */
int rs_resolve(struct ruleset *rs, char *err, size_t errlen);
/* "loaded N of M rules; skipped K: kw (n), kw (n), ..." */
void rs_report(const struct ruleset *rs, char *buf, size_t n);
void rule_free(struct rule *r);

/* ---- matching (match.c) ---------------------------------------------------- */

/* The buffers an evaluation has: p[b], n[b] for each bit b of have.
 * pkt_old: for RB_PKT on a stream, the bytes before this offset were
 * inspected before; a match counts only when the last content or pcre
 * match on RB_PKT ends after it (0: everything is new). */
struct rm_bufs {
	uint64_t have;
	const uint8_t *p[RB_MAX];
	uint32_t n[RB_MAX];
	uint32_t pkt_old;
};

struct rm_scratch;
struct rm_scratch *rm_scratch_new(void);
void rm_scratch_free(struct rm_scratch *s);
/* 1 when every element of r's detection list matches b (bounded
 * backtracking over the relative matches, as Suricata does), else 0.  An
 * element whose buffer is absent makes the rule fail, negated or not (as
 * Suricata never inspects a buffer that does not exist); a present empty
 * buffer is inspected. */
int rm_match(const struct rule *r, const struct rm_bufs *b, struct rm_scratch *s);
/* 1 when every header test of r holds for the packet f (dir: 0 client to
 * server, for nothing yet). */
int rh_match(const struct rule *r, const struct facts *f);

#endif
