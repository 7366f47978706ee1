/* dns.c - DNS messages (RFC 1035 and successors) over UDP and TCP, and
 * multicast DNS (RFC 6762, UDP port 5353), printed the way tcpdump does.
 *
 * Layout of the line:
 *   query:    ID[op][+][%] [counts] TYPE[ CLASS]? NAME ...        (LEN)
 *   response: ID[op][rcode][*][-][|][$] [q: ...] AN/NS/AR records (LEN)
 * -v adds owner names to records, -vv the question of responses and the
 * authority/additional sections, -vvv the TTLs.
 *
 * Names may be compressed.  A compression pointer must point strictly
 * before the previous one (and before the name it starts in), so following
 * pointers always terminates; name text is cut at 255 characters. */
#include <arpa/inet.h>
#include <stdio.h>

#include "../core/names.h"
#include "print.h"

#define NAME_MAX_CHARS 255
#define T_OPT 41

/* What every routine below needs to know about the message being printed. */
struct dns {
	nd_t *nd;
	const uint8_t *msg; /* start of the DNS header: the base of pointers */
	int mdns;           /* the top class bit is QU / cache-flush */
};

static const char *const opcode_names[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA",
	" zoneInit", " zoneRef",
};

static const char *const rcode_names[24] = {
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
	" YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone", " Resp11",
	" Resp12", " Resp13", " Resp14", " NoChange", " BadVers",
	"Resp17", " Resp18", " Resp19", " Resp20", /* sic: tcpdump prints */
	"Resp21", " Resp22", " BadCookie",           /* 17, 21 unspaced */
};

/* Resource record types with a mnemonic; types 1..48 are dense. */
static const char *const low_types[49] = {
	NULL, "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL",
	"WKS", "PTR", "HINFO", "MINFO", "MX", "TXT", "RP", "AFSDB", "X25",
	"ISDN", "RT", "NSAP", "NSAP_PTR", "SIG", "KEY", "PX", "GPOS", "AAAA",
	"LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT",
	"A6", "DNAME", "SINK", "OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG",
	"NSEC", "DNSKEY",
};

static const struct tok high_types[] = {
	{ 99, "SPF" }, { 100, "UINFO" }, { 101, "UID" }, { 102, "GID" },
	{ 103, "UNSPEC" }, { 104, "UNSPECA" }, { 249, "TKEY" }, { 250, "TSIG" },
	{ 251, "IXFR" }, { 252, "AXFR" }, { 253, "MAILB" }, { 254, "MAILA" },
	{ 255, "ANY" }, { 256, "URI" }, { 0, NULL },
};

static const struct tok class_names[] = {
	{ 1, "IN" }, { 3, "CHAOS" }, { 4, "HS" }, { 255, "ANY" }, { 0, NULL },
};

static const struct tok edns_options[] = {
	{ 1, "LLQ" }, { 2, "UL" }, { 3, "NSID" }, { 5, "DAU" }, { 6, "DHU" },
	{ 7, "N3U" }, { 8, "ECS" }, { 9, "EXPIRE" }, { 10, "COOKIE" },
	{ 11, "KEEPALIVE" }, { 12, "PADDING" }, { 13, "CHAIN" },
	{ 14, "KEY-TAG" }, { 16, "CLIENT-TAG" }, { 17, "SERVER-TAG" },
	{ 0, NULL },
};

/* DNSSEC algorithm numbers (DAU), DS digest types (DHU), NSEC3 hashes (N3U). */
static const struct tok sec_algs[] = {
	{ 0, "DELETE" }, { 1, "RSAMD5" }, { 2, "DH" }, { 3, "DS" },
	{ 5, "RSASHA1" }, { 6, "DSA-NSEC3-SHA1" }, { 7, "RSASHA1-NSEC3-SHA1" },
	{ 8, "RSASHA256" }, { 10, "RSASHA512" }, { 12, "ECC-GOST" },
	{ 13, "ECDSAP256SHA256" }, { 14, "ECDSAP384SHA384" }, { 15, "ED25519" },
	{ 16, "ED448" }, { 252, "INDIRECT" }, { 253, "PRIVATEDNS" },
	{ 254, "PRIVATEOID" }, { 0, NULL },
};

static const struct tok ds_digests[] = {
	{ 1, "SHA-1" }, { 2, "SHA-256" }, { 3, "GOST_R_34.11-94" },
	{ 4, "SHA-384" }, { 0, NULL },
};

static const struct tok nsec3_hashes[] = {
	{ 1, "SHA-1" }, { 0, NULL },
};

#define OPT_DAU 5
#define OPT_DHU 6
#define OPT_N3U 7
#define OPT_ECS 8
#define OPT_EXPIRE 9
#define OPT_COOKIE 10
#define OPT_KEEPALIVE 11
#define OPT_PADDING 12
#define OPT_CHAIN 13
#define OPT_KEYTAG 14

/* Mnemonics of RR types and classes (NULL when there is none); lwres.c
 * uses them too. */
const char *dns_type_name(unsigned t)
{
	return t < 49 ? low_types[t] : tok_name(high_types, t);
}

const char *dns_class_name(unsigned c)
{
	return tok_name(class_names, c);
}

static void put_type(nd_t *nd, unsigned t)
{
	const char *s = dns_type_name(t);
	if (s) {
		nd_s(nd, s);
	} else {
		nd_s(nd, "Type");
		nd_u(nd, t);
	}
}

static void put_class(nd_t *nd, unsigned c)
{
	const char *s = tok_name(class_names, c);
	if (s) {
		nd_s(nd, s);
	} else {
		nd_s(nd, "(Class ");
		nd_u(nd, c);
		nd_c(nd, ')');
	}
}

/* A TTL as tcpdump's relative time: 1y2w3d4h5m6s, units that are zero
 * left out, "0s" for zero. */
static void put_ttl(nd_t *nd, uint32_t secs)
{
	static const struct { uint32_t n; char u; } units[] = {
		{ 31536000, 'y' }, { 604800, 'w' }, { 86400, 'd' },
		{ 3600, 'h' }, { 60, 'm' }, { 1, 's' },
	};
	if (secs == 0) {
		nd_s(nd, "0s");
		return;
	}
	for (unsigned i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (secs >= units[i].n) {
			nd_u(nd, secs / units[i].n);
			nd_c(nd, units[i].u);
			secs %= units[i].n;
		}
	}
}

/* Length of the label at cp, counting the bit-count byte of an RFC 2673
 * bit-string label.  Returns -1 (having said why, when there is a reason to
 * give) for label types that cannot be printed or a label cut short. */
static int label_len(nd_t *nd, const uint8_t *cp)
{
	if (!nd_has(nd, cp, 1))
		return -1;
	unsigned c = cp[0];
	switch (c & 0xc0) {
	case 0x40:
		if ((c & 0x3f) != 1) {
			nd_s(nd, "<ELT ");
			out_d(nd->out, (int)(c & 0x3f));
			nd_c(nd, '>');
			return -1;
		}
		if (!nd_has(nd, cp + 1, 1))
			return -1;
		{
			unsigned bits = cp[1] ? cp[1] : 256;
			return (int)((bits + 7) / 8 + 1);
		}
	case 0x80:
		nd_s(nd, "<BAD LABEL TYPE>");
		return -1;
	default:
		return (int)c;
	}
}

/* Skips a name without printing it.  Returns the position after it (after
 * the first compression pointer, whose second byte is not checked), or NULL
 * for an unusable label or a name running off the capture. */
static const uint8_t *name_skip(nd_t *nd, const uint8_t *cp)
{
	if (!nd_has(nd, cp, 1))
		return NULL;
	unsigned c = *cp++;
	while (c) {
		switch (c & 0xc0) {
		case 0xc0:
			return cp + 1;
		case 0x40: {
			if ((c & 0x3f) != 1 || !nd_has(nd, cp, 1))
				return NULL;
			unsigned bits = cp[0] ? cp[0] : 256;
			cp += 1 + (bits + 7) / 8;
			break;
		}
		case 0x80:
			return NULL;
		default:
			cp += c;
			break;
		}
		if (!nd_has(nd, cp, 1))
			return NULL;
		c = *cp++;
	}
	return cp;
}

/* RFC 2673 bit-string label: cp points at the bit count. */
static int put_bitlabel(nd_t *nd, const uint8_t *cp)
{
	unsigned bits = nd_u8(nd, cp);
	if (bits == 0)
		bits = 256;
	const uint8_t *lim = cp + 1 + (bits + 3) / 4;
	const uint8_t *bp = cp + 1;
	unsigned b = bits;
	nd_s(nd, "\\[x");
	for (; bp < lim && b > 7; b -= 8, bp++)
		out_x2(nd->out, nd_u8(nd, bp));
	if (b > 4) {
		unsigned v = nd_u8(nd, bp);
		out_x2(nd->out, v & (0xffu << (8 - b)) & 0xff);
	} else if (b > 0) {
		unsigned v = nd_u8(nd, bp);
		out_x(nd->out, (v >> 4) & (0x0fu << (4 - b)) & 0x0f, 0);
	}
	nd_c(nd, '/');
	nd_u(nd, bits);
	nd_c(nd, ']');
	return 0;
}

/* Prints the name at cp, following compression pointers relative to base.
 * Returns the position after the name in the record, or NULL when it could
 * not be printed completely (truncation or a bad label or pointer). */
const uint8_t *fqdn_print(nd_t *nd, const uint8_t *cp, const uint8_t *base)
{
	int l = label_len(nd, cp);
	if (l < 0)
		return NULL;
	/* Pointers must go backwards; unsigned wrap-around is intended when
	 * the base lies after the name (EDNS CHAIN). */
	uint32_t max_off = (uint32_t)((uintptr_t)cp - (uintptr_t)base);
	unsigned c = *cp++;
	const uint8_t *rp = NULL;
	int compressed = 0;
	unsigned chars = 0;

	if ((c & 0xc0) != 0xc0)
		rp = cp + l;
	if (c == 0) {
		nd_c(nd, '.');
		return rp;
	}
	while (c && cp < nd->end) {
		if ((c & 0xc0) == 0xc0) {
			if (!compressed) {
				rp = cp + 1;
				compressed = 1;
			}
			if (!nd_has(nd, cp, 1))
				return NULL;
			uint32_t off = ((c << 8) | cp[0]) & 0x3fff;
			if (off >= max_off) {
				nd_s(nd, "<BAD PTR>");
				return NULL;
			}
			max_off = off;
			cp = (const uint8_t *)((uintptr_t)base + off);
			if (!nd_has(nd, cp, 1))
				return NULL;
			c = cp[0];
			if ((l = label_len(nd, cp)) < 0)
				return NULL;
			cp++;
			continue;
		}
		if ((c & 0xc0) == 0x40) {
			/* label_len accepted only the bit-string type */
			put_bitlabel(nd, cp);
		} else {
			if (chars + (unsigned)l <= NAME_MAX_CHARS) {
				if (nd_print_chars(nd, cp, (unsigned)l))
					return NULL;
			} else if (chars < NAME_MAX_CHARS) {
				if (nd_print_chars(nd, cp, NAME_MAX_CHARS - chars))
					return NULL;
			}
			chars += (unsigned)l;
		}
		cp += l;
		if (chars <= NAME_MAX_CHARS)
			nd_c(nd, '.');
		chars++;
		if (!nd_has(nd, cp, 1))
			return NULL;
		c = cp[0];
		if ((l = label_len(nd, cp)) < 0)
			return NULL;
		cp++;
		if (!compressed)
			rp += l + 1;
	}
	if (chars > NAME_MAX_CHARS)
		nd_s(nd, "<DOMAIN NAME TOO LONG>");
	return rp;
}

/* One question: " TYPE[ CLASS][ (QU)]? NAME".  Returns the position after
 * it or NULL. */
static const uint8_t *question_print(const struct dns *d, const uint8_t *cp)
{
	nd_t *nd = d->nd;
	const uint8_t *np = cp;
	cp = name_skip(nd, cp);
	if (!cp || !nd_has(nd, cp, 4))
		return NULL;
	unsigned type = nd_be16(nd, cp), cls = nd_be16(nd, cp + 2);
	unsigned c = d->mdns ? (cls & 0x7fff) : cls;
	nd_c(nd, ' ');
	put_type(nd, type);
	if (c != 1) {
		nd_c(nd, ' ');
		put_class(nd, c);
	}
	if (d->mdns)
		nd_s(nd, (cls & 0x8000) ? " (QU)" : " (QM)");
	nd_s(nd, "? ");
	cp = fqdn_print(nd, np, d->msg);
	return cp ? cp + 4 : NULL;
}

/* Bytes of an EDNS option body as hex. */
static void put_hex(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_x2(nd->out, nd_u8(nd, p + i));
}

/* EDNS client subnet (RFC 7871): FAMILY SOURCE-PREFIX SCOPE-PREFIX ADDR. */
static void ecs_print(nd_t *nd, const uint8_t *cp, unsigned len)
{
	if (len < 4) {
		nd_print_invalid(nd);
		return;
	}
	unsigned family = nd_be16(nd, cp);
	unsigned src = nd_u8(nd, cp + 2), scope = nd_u8(nd, cp + 3);
	unsigned bits;
	if (family == 1)
		bits = 32;
	else if (family == 2)
		bits = 128;
	else {
		nd_print_invalid(nd);
		return;
	}
	if (len - 4 > bits / 8 || src > bits || scope > bits ||
	    (src + 7) / 8 != len - 4) {
		nd_print_invalid(nd);
		return;
	}
	uint8_t a[16] = { 0 };
	nd_copy(nd, a, cp + 4, len - 4);
	if (family == 1)
		out_ip4(nd->out, a);
	else
		out_ip6(nd->out, a);
	nd_c(nd, '/');
	out_d(nd->out, (int)src);
	nd_c(nd, '/');
	out_d(nd->out, (int)scope);
}

/* One EDNS option, "NAME[ DATA]"; returns the position after it or NULL. */
static const uint8_t *edns_option_print(const struct dns *d, const uint8_t *cp)
{
	nd_t *nd = d->nd;
	if (!nd_has(nd, cp, 2))
		return NULL;
	unsigned code = nd_be16(nd, cp);
	const char *name = tok_name(edns_options, code);
	if (name)
		nd_s(nd, name);
	else {
		nd_s(nd, "Opt");
		nd_u(nd, code);
	}
	if (!nd_has(nd, cp + 2, 2))
		return NULL;
	unsigned len = nd_be16(nd, cp + 2);
	cp += 4;
	if (!nd_has(nd, cp, len))
		return NULL;
	if (len == 0)
		return cp;
	nd_c(nd, ' ');
	switch (code) {
	case OPT_ECS:
		ecs_print(nd, cp, len);
		break;
	case OPT_COOKIE:
		/* client cookie (8), optionally a server cookie of 8..32 */
		if (len < 8 || (len > 8 && len < 16) || len > 40) {
			nd_print_invalid(nd);
		} else {
			put_hex(nd, cp, 8);
			if (len > 8) {
				nd_c(nd, ' ');
				put_hex(nd, cp + 8, len - 8);
			}
		}
		break;
	case OPT_KEEPALIVE:
		if (len != 2) {
			nd_print_invalid(nd);
		} else {
			/* units of 100 ms */
			unsigned v = nd_be16(nd, cp);
			nd_u(nd, v / 10);
			nd_c(nd, '.');
			nd_u(nd, v % 10);
			nd_s(nd, " sec");
		}
		break;
	case OPT_EXPIRE:
		if (len != 4)
			nd_print_invalid(nd);
		else {
			nd_u(nd, nd_be32(nd, cp));
			nd_s(nd, " sec");
		}
		break;
	case OPT_PADDING:
		nd_c(nd, '(');
		nd_u(nd, len);
		nd_c(nd, ')');
		break;
	case OPT_KEYTAG:
		if (len % 2) {
			nd_print_invalid(nd);
		} else {
			for (unsigned i = 0; i < len; i += 2) {
				if (i)
					nd_c(nd, ' ');
				nd_u(nd, nd_be16(nd, cp + i));
			}
		}
		break;
	case OPT_DAU:
	case OPT_DHU:
	case OPT_N3U: {
		const struct tok *t = code == OPT_DAU ? sec_algs :
					    code == OPT_DHU ? ds_digests :
					    nsec3_hashes;
		for (unsigned i = 0; i < len; i++) {
			unsigned a = nd_u8(nd, cp + i);
			const char *s = tok_name(t, a);
			if (i)
				nd_c(nd, ' ');
			if (s)
				nd_s(nd, s);
			else {
				nd_s(nd, "Alg_");
				nd_u(nd, a);
			}
		}
		break;
	}
	case OPT_CHAIN:
		/* the closest trust point; its result does not matter */
		fqdn_print(nd, cp, cp + len);
		break;
	default:
		put_hex(nd, cp, len);
		break;
	}
	return cp + len;
}

/* One resource record, preceded by a space.  Returns the position after
 * it; NULL when it was cut short in a way that ends the packet's line with
 * a truncation marker; the end of the capture when its fixed part is
 * missing (which quietly stops the section). */
static const uint8_t *rr_print(const struct dns *d, const uint8_t *cp)
{
	nd_t *nd = d->nd;
	const struct options *opt = nd->opt;

	if (opt->vflag) {
		nd_c(nd, ' ');
		if ((cp = fqdn_print(nd, cp, d->msg)) == NULL)
			return NULL;
	} else {
		cp = name_skip(nd, cp);
	}
	if (!cp || !nd_has(nd, cp, 10))
		return nd->end;

	unsigned type = nd_be16(nd, cp), cls = nd_be16(nd, cp + 2);
	unsigned c = d->mdns ? (cls & 0x7fff) : cls;
	unsigned opt_flags = 0;
	cp += 4;
	if (c != 1 && type != T_OPT) {
		nd_c(nd, ' ');
		put_class(nd, c);
	}
	if (d->mdns && (cls & 0x8000))
		nd_s(nd, " (Cache flush)");
	if (type == T_OPT) {
		opt_flags = nd_be16(nd, cp + 2);
	} else if (opt->vflag > 2) {
		nd_s(nd, " [");
		put_ttl(nd, nd_be32(nd, cp));
		nd_c(nd, ']');
	}
	cp += 4;
	unsigned len = nd_be16(nd, cp);
	cp += 2;
	const uint8_t *rp = cp + len;
	nd_c(nd, ' ');
	put_type(nd, type);
	if (rp > nd->end)
		return NULL;

	switch (type) {
	case 1: /* A */
		if (!nd_has(nd, cp, 4))
			return NULL;
		nd_c(nd, ' ');
		out_ip4(nd->out, cp);
		break;
	case 2: /* NS */
	case 5: /* CNAME */
	case 12: /* PTR */
	case 39: /* DNAME */
		nd_c(nd, ' ');
		if (fqdn_print(nd, cp, d->msg) == NULL)
			return NULL;
		break;
	case 6: /* SOA */
		if (!opt->vflag)
			break;
		nd_c(nd, ' ');
		if ((cp = fqdn_print(nd, cp, d->msg)) == NULL)
			return NULL;
		nd_c(nd, ' ');
		if ((cp = fqdn_print(nd, cp, d->msg)) == NULL)
			return NULL;
		if (!nd_has(nd, cp, 20))
			return NULL;
		for (unsigned i = 0; i < 5; i++) {
			nd_c(nd, ' ');
			nd_u(nd, nd_be32(nd, cp + 4 * i));
		}
		break;
	case 15: /* MX */
		nd_c(nd, ' ');
		if (!nd_has(nd, cp, 2))
			return NULL;
		if (fqdn_print(nd, cp + 2, d->msg) == NULL)
			return NULL;
		nd_c(nd, ' ');
		nd_u(nd, nd_be16(nd, cp));
		break;
	case 16: /* TXT */
		while (cp < rp) {
			nd_s(nd, " \"");
			unsigned n = nd_u8(nd, cp);
			cp++;
			if (nd_print_chars(nd, cp, n))
				return NULL;
			cp += n;
			nd_c(nd, '"');
		}
		break;
	case 33: /* SRV */
		nd_c(nd, ' ');
		if (!nd_has(nd, cp, 6))
			return NULL;
		if (fqdn_print(nd, cp + 6, d->msg) == NULL)
			return NULL;
		{
			unsigned v0 = nd_be16(nd, cp + 4);
			unsigned v1 = nd_be16(nd, cp);
			unsigned v2 = nd_be16(nd, cp + 2);
			nd_c(nd, ':');
			nd_u(nd, v0);
			nd_c(nd, ' ');
			nd_u(nd, v1);
			nd_c(nd, ' ');
			nd_u(nd, v2);
		}
		break;
	case 28: { /* AAAA */
		if (!nd_has(nd, cp, 16))
			return NULL;
		nd_c(nd, ' ');
		out_ip6(nd->out, cp);
		break;
	}
	case 38: { /* A6: prefix length, address suffix, prefix name */
		if (!nd_has(nd, cp, 1))
			return NULL;
		unsigned pbits = cp[0];
		unsigned pbyte = (pbits & ~7u) / 8;
		if (pbits > 128) {
			nd_c(nd, ' ');
			nd_u(nd, pbits);
			nd_s(nd, "(bad plen)");
			break;
		}
		if (pbits < 128) {
			uint8_t a[16] = { 0 };
			nd_copy(nd, a + pbyte, cp + 1, 16 - pbyte);
			nd_c(nd, ' ');
			nd_u(nd, pbits);
			nd_c(nd, ' ');
			out_ip6(nd->out, a);
		}
		if (pbits > 0) {
			nd_c(nd, ' ');
			if (fqdn_print(nd, cp + 1 + 16 - pbyte, d->msg) == NULL)
				return NULL;
		}
		break;
	}
	case 256: /* URI: priority weight target */
		if (!nd_has(nd, cp, len))
			return NULL;
		{
			unsigned v0 = nd_be16(nd, cp);
			unsigned v1 = nd_be16(nd, cp + 2);
			nd_c(nd, ' ');
			nd_u(nd, v0);
			nd_c(nd, ' ');
			nd_u(nd, v1);
			nd_c(nd, ' ');
		}
		if (nd_print_chars(nd, cp + 4, len - 4))
			return NULL;
		break;
	case T_OPT:
		nd_s(nd, " UDPsize=");
		nd_u(nd, c);
		if (opt_flags & 0x8000)
			nd_s(nd, " DO");
		if (cp < rp) {
			nd_s(nd, " [");
			while (cp < rp) {
				if ((cp = edns_option_print(d, cp)) == NULL)
					return NULL;
				if (cp < rp)
					nd_c(nd, ',');
			}
			nd_c(nd, ']');
		}
		break;
	case 104: /* UNSPECA: one long string */
		if (!nd_has(nd, cp, len))
			return NULL;
		if (nd_print_chars(nd, cp, len))
			return NULL;
		break;
	case 250: /* TSIG */
		if (!opt->vflag)
			break;
		nd_c(nd, ' ');
		if ((cp = fqdn_print(nd, cp, d->msg)) == NULL)
			return NULL;
		cp += 6; /* time signed */
		if (!nd_has(nd, cp, 2))
			return NULL;
		{
			unsigned v0 = nd_be16(nd, cp);
			nd_s(nd, " fudge=");
			nd_u(nd, v0);
		}
		cp += 2;
		if (!nd_has(nd, cp, 2))
			return NULL;
		{
			unsigned v0 = nd_be16(nd, cp);
			nd_s(nd, " maclen=");
			nd_u(nd, v0);
		}
		cp += 2 + nd_be16(nd, cp);
		if (!nd_has(nd, cp, 2))
			return NULL;
		{
			unsigned v0 = nd_be16(nd, cp);
			nd_s(nd, " origid=");
			nd_u(nd, v0);
		}
		cp += 2;
		if (!nd_has(nd, cp, 2))
			return NULL;
		{
			unsigned v0 = nd_be16(nd, cp);
			nd_s(nd, " error=");
			nd_u(nd, v0);
		}
		cp += 2;
		if (!nd_has(nd, cp, 2))
			return NULL;
		{
			unsigned v0 = nd_be16(nd, cp);
			nd_s(nd, " otherlen=");
			nd_u(nd, v0);
		}
		break;
	}
	return rp;
}

/* Prints count records of a section, separated by commas, each preceded by
 * a space; label (" ns:", " ar:") comes first when given.  Returns 0 when
 * the line must end in a truncation marker. */
static int section_print(const struct dns *d, const uint8_t **cpp,
                         unsigned count, const char *label)
{
	nd_t *nd = d->nd;
	const uint8_t *cp = *cpp;
	if (count && (!label || cp < nd->end)) {
		if (label)
			nd_s(nd, label);
		if ((cp = rr_print(d, cp)) == NULL)
			return 0;
		count--;
		while (cp < nd->end && count) {
			nd_c(nd, ',');
			if ((cp = rr_print(d, cp)) == NULL)
				return 0;
			count--;
		}
	}
	*cpp = cp;
	return count == 0;
}

/* How far the question section was skipped: the number of questions whose
 * name could be skipped, and where the last of them (with its type and
 * class) ends. */
struct qskip {
	unsigned n;
	const uint8_t *end;
};

/* The response code, extended by the OPT record's high bits when the
 * additional section has one (found without printing anything).  Fills *qs
 * for response_print's question loop, which need not skip the names again. */
static unsigned full_rcode(const struct dns *d, unsigned flags, unsigned qd,
                           unsigned an_ns, unsigned ar, struct qskip *qs)
{
	nd_t *nd = d->nd;
	unsigned rcode = flags & 0xf;
	const uint8_t *cp = d->msg + 12;
	qs->n = 0;
	qs->end = cp;
	for (unsigned i = 0; i < qd; i++) {
		if ((cp = name_skip(nd, cp)) == NULL)
			return rcode;
		cp += 4;
		qs->n = i + 1;
		qs->end = cp;
		if (!nd_has(nd, cp, 1))
			return rcode;
	}
	for (unsigned i = 0; i < an_ns; i++) {
		if ((cp = name_skip(nd, cp)) == NULL)
			return rcode;
		cp += 8;
		if (!nd_has(nd, cp, 2))
			return rcode;
		cp += 2 + nd_be16(nd, cp);
		if (!nd_has(nd, cp, 1))
			return rcode;
	}
	for (unsigned i = 0; i < ar; i++) {
		if ((cp = name_skip(nd, cp)) == NULL)
			return rcode;
		if (!nd_has(nd, cp, 2))
			return rcode;
		unsigned type = nd_be16(nd, cp);
		cp += 4;
		if (!nd_has(nd, cp, 1))
			return rcode;
		if (type == T_OPT)
			return rcode | (unsigned)cp[0] << 4;
		cp += 4;
		if (!nd_has(nd, cp, 2))
			return rcode;
		cp += 2 + nd_be16(nd, cp);
		if (!nd_has(nd, cp, 1))
			return rcode;
	}
	return rcode;
}

static int response_print(const struct dns *d, unsigned flags, unsigned qd,
                           unsigned an, unsigned ns, unsigned ar)
{
	nd_t *nd = d->nd;
	struct qskip qs;
	unsigned rcode = full_rcode(d, flags, qd, an + ns, ar, &qs);
	nd_s(nd, opcode_names[(flags >> 11) & 0xf]);
	if (rcode < 24)
		nd_s(nd, rcode_names[rcode]);
	else {
		nd_s(nd, " Resp");
		nd_u(nd, rcode & 0xfff);
	}
	if (flags & 0x0400)
		nd_c(nd, '*');
	if (!(flags & 0x0080))
		nd_c(nd, '-');
	if (flags & 0x0200)
		nd_c(nd, '|');
	if (flags & 0x0020)
		nd_c(nd, '$');
	if (qd != 1) {
		nd_s(nd, " [");
		nd_u(nd, qd);
		nd_s(nd, "q]");
	}

	const uint8_t *cp = d->msg + 12;
	if (nd->opt->vflag > 1) {
		for (unsigned i = 0; i < qd; i++) {
			if (i)
				nd_c(nd, ',');
			nd_s(nd, " q:");
			if ((cp = question_print(d, cp)) == NULL)
				goto trunc;
		}
	} else if (qd) {
		/* Skipping each name again (a comma before every question
		 * but the first) would end where full_rcode's skip did: after
		 * all qd, or, failing at question qs.n (its name, or the one
		 * byte full_rcode found missing past the previous question,
		 * which the name's skip finds missing too), after qs.n commas
		 * and in truncation. */
		unsigned commas = qs.n == qd ? qd - 1 : qs.n;
		for (unsigned i = 0; i < commas; i++)
			nd_c(nd, ',');
		if (qs.n < qd)
			goto trunc;
		cp = qs.end;
	}
	nd_c(nd, ' ');
	nd_u(nd, an);
	nd_c(nd, '/');
	nd_u(nd, ns);
	nd_c(nd, '/');
	nd_u(nd, ar);
	if (!section_print(d, &cp, an, NULL))
		goto trunc;
	if (nd->opt->vflag > 1) {
		if (!section_print(d, &cp, ns, " ns:"))
			goto trunc;
		if (!section_print(d, &cp, ar, " ar:"))
			goto trunc;
	}
	return 1;
trunc:
	return 0;
}

static int query_print(const struct dns *d, unsigned flags, unsigned qd,
                        unsigned an, unsigned ns, unsigned ar)
{
	nd_t *nd = d->nd;
	unsigned op = (flags >> 11) & 0xf;
	nd_s(nd, opcode_names[op]);
	if (flags & 0x0100)
		nd_c(nd, '+');
	if (flags & 0x0010)
		nd_c(nd, '%');
	if (flags & 0x06cf) {
		nd_s(nd, " [b2&3=0x");
		out_x(nd->out, flags, 0);
		nd_c(nd, ']');
	}
	if (op == 1) { /* inverse query */
		if (qd) {
			nd_s(nd, " [");
			nd_u(nd, qd);
			nd_s(nd, "q]");
		}
		if (an != 1) {
			nd_s(nd, " [");
			nd_u(nd, an);
			nd_s(nd, "a]");
		}
	} else {
		if (an) {
			nd_s(nd, " [");
			nd_u(nd, an);
			nd_s(nd, "a]");
		}
		if (qd != 1) {
			nd_s(nd, " [");
			nd_u(nd, qd);
			nd_s(nd, "q]");
		}
	}
	if (ns) {
		nd_s(nd, " [");
		nd_u(nd, ns);
		nd_s(nd, "n]");
	}
	if (ar) {
		nd_s(nd, " [");
		nd_u(nd, ar);
		nd_s(nd, "au]");
	}

	const uint8_t *cp = d->msg + 12;
	if (qd) {
		if ((cp = question_print(d, cp)) == NULL)
			goto trunc;
		qd--;
		while (cp < nd->end && qd) {
			if ((cp = question_print(d, cp)) == NULL)
				goto trunc;
			qd--;
		}
	}
	if (qd)
		goto trunc;
	if (nd->opt->vflag > 1) {
		if (!section_print(d, &cp, an, NULL))
			goto trunc;
		if (!section_print(d, &cp, ns, " ns:"))
			goto trunc;
		if (!section_print(d, &cp, ar, " ar:"))
			goto trunc;
	}
	return 1;
trunc:
	return 0;
}

static void domain_print(nd_t *nd, const uint8_t *bp, unsigned length,
                         int over_tcp, int mdns)
{
	nd_proto(nd, "domain");
	if (over_tcp) {
		/* RFC 1035 4.2.2: a two-byte length prefix, which must
		 * cover exactly the rest of the segment */
		if (length < 2) {
			nd_s(nd, " [DNS over TCP: length ");
			nd_u(nd, length);
			nd_s(nd, " < 2]");
			nd_print_invalid(nd);
			return;
		}
		length -= 2;
		unsigned prefix = nd_be16(nd, bp);
		if (prefix != length) {
			nd_s(nd, " [prefix length(");
			nd_u(nd, prefix);
			nd_s(nd, ") != length(");
			nd_u(nd, length);
			nd_s(nd, ")]");
			nd_print_invalid(nd);
			return;
		}
		bp += 2;
		nd_c(nd, ' ');
	}
	if (length < 12) {
		nd_s(nd, "domain [length ");
		nd_u(nd, length);
		nd_s(nd, " < 12]");
		nd_print_invalid(nd);
		return;
	}
	if (!nd_has(nd, bp, 12)) {
		/* tcpdump marks this and returns: dumps skip the link header */
		nd_print_trunc(nd);
		return;
	}
	struct dns d = { nd, bp, mdns };
	unsigned id = nd_be16(nd, bp), flags = nd_be16(nd, bp + 2);
	unsigned qd = nd_be16(nd, bp + 4), an = nd_be16(nd, bp + 6);
	unsigned ns = nd_be16(nd, bp + 8), ar = nd_be16(nd, bp + 10);
	nd_u(nd, id);
	int ok = (flags & 0x8000) ? response_print(&d, flags, qd, an, ns, ar)
				  : query_print(&d, flags, qd, an, ns, ar);
	if (ok) {
		nd_s(nd, " (");
		nd_u(nd, length);
		nd_c(nd, ')');
	} else
		nd_print_trunc(nd);
}

/* UDP port 53 and -T domain (which also reaches here from TCP). */
void dns_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport; (void)dport;
	domain_print(nd, bp, length, ip && ip->nh == 6, 0);
}

/* TCP port 53: each segment must hold exactly one whole message. */
void dns_tcp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	domain_print(nd, bp, length, 1, 0);
}

/* UDP port 5353: multicast DNS. */
void mdns_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	domain_print(nd, bp, length, 0, 1);
}
