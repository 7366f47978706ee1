/* snmp.c - SNMPv1, v2c and v3 (USM) messages: a small BER decoder and the
 * PDU, trap and variable-binding printers.  Object identifiers are shown
 * numerically with -n, else named as far as snmp_mib.h knows them. */
#include <stdio.h>

#include "print.h"
#include "snmp_mib.h"

/* One decoded BER element. */
enum be_type {
	BE_ANY, BE_NULL, BE_OCTET, BE_OID, BE_INT, BE_UNS, BE_STR, BE_SEQ,
	BE_INETADDR, BE_PDU, BE_UNS64, BE_NOSUCHOBJECT, BE_NOSUCHINST,
	BE_ENDOFMIBVIEW,
};

struct be {
	uint32_t asnlen;
	const uint8_t *raw;
	int32_t integer;
	uint32_t uns;
	uint64_t uns64;
	unsigned id, form, cls;
	enum be_type type;
};

static const char *const universal_ids[] = {
	"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID",
	"ObjectDes", "U-8", "U-9", "U-10", "U-11", "U-12", "U-13", "U-14",
	"U-15", "Sequence", "Set",
};
static const char *const application_ids[] = {
	"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5",
	"Counter64",
};
static const char *const context_ids[] = {
	"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
	"GetBulk", "Inform", "V2Trap", "Report",
};
static const char *const exception_ids[] = {
	"noSuchObject", "noSuchInstance", "endOfMibView",
};

struct asn_class {
	const char *name;
	const char *const *ids;
	unsigned n;
};

static const char *const private_ids[] = { "P-0" };

/* tcpdump names every class "x" in its diagnostics. */
static const struct asn_class classes[4] = {
	{ "x", universal_ids, 18 },
	{ "x", application_ids, 7 },
	{ "x", context_ids, 9 },
	{ "x", private_ids, 1 },
};

enum { GETREQ, GETNEXTREQ, GETRESP, SETREQ, TRAP, GETBULKREQ, INFORMREQ,
       V2TRAP, REPORT };

#define FAIL (-1)

/* Decodes the element at p (len bytes left); returns its whole size, or
 * FAIL after printing why. */
static int asn1_parse(nd_t *nd, const uint8_t *p, unsigned len, struct be *e)
{
	unsigned hdr;
	e->asnlen = 0;
	e->type = BE_ANY;
	if (len < 1) {
		nd_s(nd, "[nothing to parse]");
		return FAIL;
	}
	unsigned b = nd_u8(nd, p);
	unsigned id = b & 0x1f, form = (b & 0x20) >> 5, cls = (b & 0xc0) >> 6;
	e->form = form;
	e->cls = cls;
	e->id = id;
	p++;
	len--;
	hdr = 1;
	if (id == 0x1f) {
		id = 0;
		while (nd_u8(nd, p) & 0x80) {
			if (len < 1) {
				nd_s(nd, "[Xtagfield?]");
				return FAIL;
			}
			id = (id << 7) | (nd_u8(nd, p) & 0x7f);
			len--;
			hdr++;
			p++;
		}
		if (len < 1) {
			nd_s(nd, "[Xtagfield?]");
			return FAIL;
		}
		if (!nd_has(nd, p, 1))
			goto trunc;
		/* tcpdump keeps a tag number's low 8 bits: 0xff 0x30 is
		 * tag 176, 0x82 0x80 0x05 is 5 (Null, universally) */
		e->id = id = ((id << 7) | nd_u8(nd, p)) & 0xff;
		len--;
		hdr++;
		p++;
	}
	if (len < 1) {
		nd_s(nd, "[no asnlen]");
		return FAIL;
	}
	if (!nd_has(nd, p, 1))
		goto trunc;
	e->asnlen = *p;
	p++;
	len--;
	hdr++;
	if (e->asnlen & 0x80) {
		uint32_t noct = e->asnlen % 0x80;
		e->asnlen = 0;
		if (len < noct) {
			nd_printf(nd, "[asnlen? %d<%d]", (int)len, (int)noct);
			return FAIL;
		}
		if (!nd_has(nd, p, noct))
			goto trunc;
		for (; noct != 0; len--, hdr++, noct--)
			e->asnlen = (e->asnlen << 8) | *p++;
	}
	if (len < e->asnlen) {
		nd_printf(nd, "[len%d<asnlen%u]", (int)len, e->asnlen);
		return FAIL;
	}
	if (id >= classes[cls].n) {
		nd_printf(nd, "[id?%c/%s/%d]", form ? 'C' : 'P', classes[cls].name,
			  (int)id);
		return FAIL;
	}
	if (!nd_has(nd, p, e->asnlen))
		goto trunc;
	e->raw = p;
	if (form == 0) {
		switch (cls) {
		case 0:
			switch (id) {
			case 4:
				e->type = BE_STR;
				break;
			case 2: {
				if (e->asnlen == 0) {
					nd_s(nd, "[asnlen=0]");
					return FAIL;
				}
				uint32_t v = (*p & 0x80) ? 0xffffffffu : 0;
				for (uint32_t i = 0; i < e->asnlen; i++)
					v = (v << 8) | p[i];
				e->integer = (int32_t)v;
				e->type = BE_INT;
				break;
			}
			case 6:
				e->type = BE_OID;
				break;
			case 5:
				e->type = BE_NULL;
				e->raw = NULL;
				break;
			default:
				e->type = BE_OCTET;
				nd_printf(nd, "[P/U/%s]", universal_ids[id]);
				break;
			}
			break;
		case 1:
			switch (id) {
			case 0:
				e->type = BE_INETADDR;
				break;
			case 1: case 2: case 3: {
				uint32_t v = 0;
				for (uint32_t i = 0; i < e->asnlen; i++)
					v = (v << 8) + p[i];
				e->uns = v;
				e->type = BE_UNS;
				break;
			}
			case 6: {
				uint64_t v = 0;
				for (uint32_t i = 0; i < e->asnlen; i++)
					v = (v << 8) + p[i];
				e->uns64 = v;
				e->type = BE_UNS64;
				break;
			}
			default:
				e->type = BE_OCTET;
				nd_printf(nd, "[P/A/%s]", application_ids[id]);
				break;
			}
			break;
		case 2:
			switch (id) {
			case 0: e->type = BE_NOSUCHOBJECT; e->raw = NULL; break;
			case 1: e->type = BE_NOSUCHINST; e->raw = NULL; break;
			case 2: e->type = BE_ENDOFMIBVIEW; e->raw = NULL; break;
			}
			break;
		default:
			nd_printf(nd, "[P/%s/%s]", classes[cls].name,
				  classes[cls].ids[id]);
			e->type = BE_OCTET;
			break;
		}
	} else {
		switch (cls) {
		case 0:
			if (id == 16) {
				e->type = BE_SEQ;
			} else {
				e->type = BE_OCTET;
				nd_printf(nd, "C/U/%s", universal_ids[id]);
			}
			break;
		case 2:
			e->type = BE_PDU;
			break;
		default:
			e->type = BE_OCTET;
			nd_printf(nd, "C/%s/%s", classes[cls].name,
				  classes[cls].ids[id]);
			break;
		}
	}
	return (int)(e->asnlen + hdr);
trunc:
	nd_print_trunc(nd);
	return FAIL;
}

static int print_octets(nd_t *nd, const struct be *e)
{
	if (!nd_has(nd, e->raw, e->asnlen)) {
		nd_print_trunc(nd);
		return FAIL;
	}
	for (uint32_t i = 0; i < e->asnlen; i++)
		nd_printf(nd, "_%.2x", e->raw[i]);
	return 0;
}

static int print_string(nd_t *nd, const struct be *e)
{
	const uint8_t *p = e->raw;
	if (!nd_has(nd, p, e->asnlen)) {
		nd_print_trunc(nd);
		return FAIL;
	}
	int printable = 1;
	for (uint32_t i = 0; printable && i < e->asnlen; i++)
		printable = p[i] >= 0x20 && p[i] < 0x7f;
	if (printable) {
		nd_c(nd, '"');
		nd_print_chars(nd, p, e->asnlen);
		nd_c(nd, '"');
	} else {
		for (uint32_t i = 0; i < e->asnlen; i++)
			nd_printf(nd, i ? "_%.2x" : "%.2x", p[i]);
	}
	return 0;
}

#define MIB_NONE 0xffff
#define MIB_ROOT 0xfffe

/* One arc: named when the node being walked has a child with that arc,
 * then that child is walked; else the number, and the walk ends.  The
 * first arc after an abbreviation goes without its dot. */
static unsigned oid_arc(nd_t *nd, unsigned node, uint32_t arc, int first)
{
	if (!first)
		nd_c(nd, '.');
	if (node != MIB_NONE) {
		unsigned from = node == MIB_ROOT ? MIB_ROOT_FIRST : mib_nodes[node].first;
		unsigned n = node == MIB_ROOT ? MIB_ROOT_COUNT : mib_nodes[node].count;
		for (unsigned i = from; i < from + n; i++) {
			if (mib_nodes[i].arc == arc) {
				nd_s(nd, mib_nodes[i].name);
				return i;
			}
		}
	}
	nd_u(nd, arc);
	return MIB_NONE;
}

/* An object identifier's contents (len bytes at p, all captured) as
 * tcpdump prints them: the arcs in 32 bits, wrapping; the first
 * subidentifier split by a signed division by 40 (so one of 2^31 or more
 * gives a huge first arc, as tcpdump's); without -n an abbreviation
 * (snmp_mib.h) for a known prefix and names from the tree. */
static void oid_print(nd_t *nd, const uint8_t *p, uint32_t len)
{
	int named = !nd->opt->nflag;
	unsigned node = MIB_NONE;
	int first = -1;
	if (named) {
		for (size_t a = 0; a < sizeof mib_abbrevs / sizeof *mib_abbrevs; a++) {
			const struct mib_abbrev *ab = &mib_abbrevs[a];
			if (len >= ab->len && nd_has(nd, p, ab->len) &&
			    memcmp(p, ab->oid, ab->len) == 0) {
				nd_s(nd, ab->prefix);
				node = ab->node;
				p += ab->len;
				len -= ab->len;
				first = 1;
				break;
			}
		}
	}
	uint32_t o = 0;
	for (uint32_t i = 0; i < len; i++) {
		uint8_t c = nd_u8(nd, p + i);
		o = (o << 7) + (c & 0x7f);
		if (c & 0x80)
			continue;
		if (first < 0) {
			if (named)
				node = MIB_ROOT;
			first = 0;
			int64_t v = o >= 0x80000000u ? (int64_t)o - 0x100000000 : (int64_t)o;
			int64_t s = v / 40;
			if (s > 2)
				s = 2;
			node = oid_arc(nd, node, (uint32_t)s, 0);
			o = (uint32_t)(v - s * 40);
		}
		node = oid_arc(nd, node, o, first);
		if (--first < 0)
			first = 0;
		o = 0;
	}
}

static int asn1_print(nd_t *nd, const struct be *e)
{
	const uint8_t *p = e->raw;
	switch (e->type) {
	case BE_OCTET:
		return print_octets(nd, e);
	case BE_NULL:
		break;
	case BE_OID:
		oid_print(nd, p, e->asnlen);
		break;
	case BE_INT:
		nd_printf(nd, "%d", e->integer);
		break;
	case BE_UNS:
		nd_u(nd, e->uns);
		break;
	case BE_UNS64:
		nd_u(nd, e->uns64);
		break;
	case BE_STR:
		return print_string(nd, e);
	case BE_SEQ:
		nd_printf(nd, "Seq(%u)", e->asnlen);
		break;
	case BE_INETADDR:
		if (e->asnlen != 4)
			nd_s(nd, "[inetaddr len!=4]");
		for (uint32_t i = 0; i < e->asnlen; i++)
			nd_printf(nd, i ? ".%u" : "%u", nd_u8(nd, p + i));
		break;
	case BE_NOSUCHOBJECT: case BE_NOSUCHINST: case BE_ENDOFMIBVIEW:
		nd_printf(nd, "[%s]", exception_ids[e->id]);
		break;
	case BE_PDU:
		nd_printf(nd, "%s(%u)", context_ids[e->id], e->asnlen);
		break;
	case BE_ANY:
		nd_s(nd, "[BE_ANY!?]");
		break;
	default:
		nd_s(nd, "[be!?]");
		break;
	}
	return 0;
}

/* Parses the next element and checks its type; on a mismatch prints
 * "[what]" and the element.  Returns its size or FAIL. */
static int expect(nd_t *nd, const uint8_t *p, unsigned len, struct be *e,
                  enum be_type type, const char *what)
{
	int n = asn1_parse(nd, p, len, e);
	if (n < 0)
		return FAIL;
	if (e->type != type) {
		nd_printf(nd, "[%s]", what);
		asn1_print(nd, e);
		return FAIL;
	}
	return n;
}

static const char *error_status(int e, char *buf, size_t n)
{
	static const char *const names[] = {
		"noError", "tooBig", "noSuchName", "badValue", "readOnly",
		"genErr", "noAccess", "wrongType", "wrongLength",
		"wrongEncoding", "wrongValue", "noCreation",
		"inconsistentValue", "resourceUnavailable", "commitFailed",
		"undoFailed", "authorizationError", "notWritable",
		"inconsistentName",
	};
	if (e >= 0 && (size_t)e < sizeof names / sizeof *names)
		return names[e];
	snprintf(buf, n, "err=%u", (unsigned)e);
	return buf;
}

static void varbind_print(nd_t *nd, unsigned pduid, const uint8_t *np,
                          unsigned length)
{
	struct be e;
	int count = expect(nd, np, length, &e, BE_SEQ, "!SEQ of varbind");
	if (count < 0)
		return;
	if ((unsigned)count < length)
		nd_printf(nd, "[%d extra after SEQ of varbind]",
			  (int)(length - (unsigned)count));
	length = e.asnlen;
	np = e.raw;
	int getlike = pduid == GETREQ || pduid == GETNEXTREQ ||
		      pduid == GETBULKREQ;
	while (length > 0) {
		nd_c(nd, ' ');
		if ((count = expect(nd, np, length, &e, BE_SEQ, "!varbind")) < 0)
			return;
		const uint8_t *vbend = np + count;
		unsigned vblength = length - (unsigned)count;
		length = e.asnlen;
		np = e.raw;
		if ((count = expect(nd, np, length, &e, BE_OID, "objName!=OID")) < 0)
			return;
		if (asn1_print(nd, &e) < 0)
			return;
		length -= (unsigned)count;
		np += count;
		if (!getlike)
			nd_c(nd, '=');
		if ((count = asn1_parse(nd, np, length, &e)) < 0)
			return;
		if (getlike) {
			if (e.type != BE_NULL) {
				nd_s(nd, "[objVal!=NULL]");
				if (asn1_print(nd, &e) < 0)
					return;
			}
		} else if (asn1_print(nd, &e) < 0) {
			return;
		}
		length = vblength;
		np = vbend;
	}
}

static void snmppdu_print(nd_t *nd, unsigned pduid, const uint8_t *np,
                          unsigned length)
{
	struct be e;
	char buf[32];
	int count;
	int strict = pduid == GETREQ || pduid == GETNEXTREQ || pduid == SETREQ ||
		     pduid == INFORMREQ || pduid == V2TRAP || pduid == REPORT;
	if ((count = expect(nd, np, length, &e, BE_INT, "reqId!=INT")) < 0)
		return;
	if (nd->opt->vflag)
		nd_printf(nd, "R=%d ", e.integer);
	length -= (unsigned)count;
	np += count;

	if ((count = expect(nd, np, length, &e, BE_INT, "errorStatus!=INT")) < 0)
		return;
	int status = 0;
	if (strict && e.integer != 0) {
		nd_printf(nd, "[errorStatus(%s)!=0]",
			  error_status(e.integer, buf, sizeof buf));
	} else if (pduid == GETBULKREQ) {
		nd_printf(nd, " N=%d", e.integer);
	} else if (e.integer != 0) {
		nd_printf(nd, " %s", error_status(e.integer, buf, sizeof buf));
		status = e.integer;
	}
	length -= (unsigned)count;
	np += count;

	if ((count = expect(nd, np, length, &e, BE_INT, "errorIndex!=INT")) < 0)
		return;
	if (strict && e.integer != 0)
		nd_printf(nd, "[errorIndex(%d)!=0]", e.integer);
	else if (pduid == GETBULKREQ)
		nd_printf(nd, " M=%d", e.integer);
	else if (e.integer != 0) {
		if (!status)
			nd_printf(nd, "[errorIndex(%d) w/o errorStatus]", e.integer);
		else
			nd_printf(nd, "@%d", e.integer);
	} else if (status) {
		nd_s(nd, "[errorIndex==0]");
	}
	length -= (unsigned)count;
	np += count;
	varbind_print(nd, pduid, np, length);
}

static void trappdu_print(nd_t *nd, const uint8_t *np, unsigned length)
{
	static const char *const generic_names[] = {
		"coldStart", "warmStart", "linkDown", "linkUp",
		"authenticationFailure", "egpNeighborLoss",
		"enterpriseSpecific",
	};
	struct be e;
	int count;
	nd_c(nd, ' ');
	if ((count = expect(nd, np, length, &e, BE_OID, "enterprise!=OID")) < 0)
		return;
	if (asn1_print(nd, &e) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	nd_c(nd, ' ');
	if ((count = expect(nd, np, length, &e, BE_INETADDR,
			    "agent-addr!=INETADDR")) < 0)
		return;
	if (asn1_print(nd, &e) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_INT, "generic-trap!=INT")) < 0)
		return;
	int generic = e.integer;
	if (generic >= 0 && generic < 7)
		nd_printf(nd, " %s", generic_names[generic]);
	else
		nd_printf(nd, " gt=%d", generic);
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_INT, "specific-trap!=INT")) < 0)
		return;
	if (generic != 6) {
		if (e.integer != 0)
			nd_printf(nd, "[specific-trap(%d)!=0]", e.integer);
	} else {
		nd_printf(nd, " s=%d", e.integer);
	}
	length -= (unsigned)count;
	np += count;
	nd_c(nd, ' ');
	if ((count = expect(nd, np, length, &e, BE_UNS,
			    "time-stamp!=TIMETICKS")) < 0)
		return;
	if (asn1_print(nd, &e) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	varbind_print(nd, TRAP, np, length);
}

static void pdu_print(nd_t *nd, const uint8_t *np, unsigned length,
                      int version)
{
	struct be pdu;
	int count = asn1_parse(nd, np, length, &pdu);
	if (count < 0)
		return;
	if (pdu.type != BE_PDU) {
		nd_s(nd, "[no PDU]");
		return;
	}
	if ((unsigned)count < length)
		nd_printf(nd, "[%d extra after PDU]", (int)(length - (unsigned)count));
	if (nd->opt->vflag)
		nd_s(nd, "{ ");
	if (asn1_print(nd, &pdu) < 0)
		return;
	nd_c(nd, ' ');
	length = pdu.asnlen;
	np = pdu.raw;
	if (version == 0 && (pdu.id == GETBULKREQ || pdu.id == INFORMREQ ||
			     pdu.id == V2TRAP || pdu.id == REPORT)) {
		nd_s(nd, "[v2 PDU in v1 message]");
		return;
	}
	if (version == 1 && pdu.id == TRAP) {
		nd_s(nd, "[v1 PDU in v2 message]");
		return;
	}
	if (pdu.id == TRAP)
		trappdu_print(nd, np, length);
	else
		snmppdu_print(nd, pdu.id, np, length);
	if (nd->opt->vflag)
		nd_s(nd, " } ");
}

static void community_print(nd_t *nd, const uint8_t *np, unsigned length,
                            int version)
{
	struct be e;
	int count = expect(nd, np, length, &e, BE_STR, "comm!=STR");
	if (count < 0)
		return;
	if (!(e.asnlen == 6 && nd_has(nd, e.raw, 6) &&
	      memcmp(e.raw, "public", 6) == 0)) {
		nd_s(nd, "C=");
		if (print_string(nd, &e) < 0)
			return;
		nd_c(nd, ' ');
	}
	pdu_print(nd, np + count, length - (unsigned)count, version);
}

static void usm_print(nd_t *nd, const uint8_t *np, unsigned length)
{
	struct be e;
	int count;
	if ((count = expect(nd, np, length, &e, BE_SEQ, "!usm")) < 0)
		return;
	length = e.asnlen;
	np = e.raw;
	if ((count = expect(nd, np, length, &e, BE_STR,
			    "msgAuthoritativeEngineID!=STR")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_INT,
			    "msgAuthoritativeEngineBoots!=INT")) < 0)
		return;
	if (nd->opt->vflag)
		nd_printf(nd, "B=%d ", e.integer);
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_INT,
			    "msgAuthoritativeEngineTime!=INT")) < 0)
		return;
	if (nd->opt->vflag)
		nd_printf(nd, "T=%d ", e.integer);
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_STR, "msgUserName!=STR")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	nd_s(nd, "U=");
	if (print_string(nd, &e) < 0)
		return;
	nd_c(nd, ' ');
	if ((count = expect(nd, np, length, &e, BE_STR,
			    "msgAuthenticationParameters!=STR")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_STR,
			    "msgPrivacyParameters!=STR")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	if ((unsigned)count < length)
		nd_printf(nd, "[%d extra after usm SEQ]",
			  (int)(length - (unsigned)count));
}

static void scopedpdu_print(nd_t *nd, const uint8_t *np, unsigned length)
{
	struct be e;
	int count;
	if ((count = expect(nd, np, length, &e, BE_SEQ, "!scoped PDU")) < 0)
		return;
	length = e.asnlen;
	np = e.raw;
	if ((count = expect(nd, np, length, &e, BE_STR,
			    "contextEngineID!=STR")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	nd_s(nd, "E=");
	if (print_octets(nd, &e) < 0)
		return;
	nd_c(nd, ' ');
	if ((count = expect(nd, np, length, &e, BE_STR, "contextName!=STR")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	nd_s(nd, "C=");
	if (print_string(nd, &e) < 0)
		return;
	nd_c(nd, ' ');
	pdu_print(nd, np, length, 3);
}

static void v3msg_print(nd_t *nd, const uint8_t *np, unsigned length)
{
	struct be e;
	int count;
	const uint8_t *xnp = np;
	unsigned xlength = length;
	if ((count = expect(nd, np, length, &e, BE_SEQ, "!message")) < 0)
		return;
	length = e.asnlen;
	np = e.raw;
	if (nd->opt->vflag)
		nd_s(nd, "{ ");
	if ((count = expect(nd, np, length, &e, BE_INT, "msgID!=INT")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_INT, "msgMaxSize!=INT")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	if ((count = expect(nd, np, length, &e, BE_STR, "msgFlags!=STR")) < 0)
		return;
	if (e.asnlen != 1) {
		nd_printf(nd, "[msgFlags size %d]", (int)e.asnlen);
		return;
	}
	unsigned flags = nd_u8(nd, e.raw);
	if (flags != 0 && flags != 1 && flags != 3 && flags != 4 &&
	    flags != 5 && flags != 7) {
		nd_printf(nd, "[msgFlags=0x%02X]", flags);
		return;
	}
	length -= (unsigned)count;
	np += count;
	nd_printf(nd, "F=%s%s%s ", flags & 1 ? "a" : "", flags & 2 ? "p" : "",
		  flags & 4 ? "r" : "");
	if ((count = expect(nd, np, length, &e, BE_INT,
			    "msgSecurityModel!=INT")) < 0)
		return;
	int model = e.integer;
	length -= (unsigned)count;
	np += count;
	if ((unsigned)count < length)
		nd_printf(nd, "[%d extra after message SEQ]",
			  (int)(length - (unsigned)count));
	if (nd->opt->vflag)
		nd_s(nd, "} ");
	if (model != 3) {
		nd_printf(nd, "[security model %d]", model);
		return;
	}
	if (nd->opt->vflag)
		nd_s(nd, "{ USM ");
	length = xlength - (unsigned)(np - xnp);
	if ((count = expect(nd, np, length, &e, BE_STR,
			    "msgSecurityParameters!=STR")) < 0)
		return;
	length -= (unsigned)count;
	np += count;
	usm_print(nd, e.raw, e.asnlen);
	if (nd->opt->vflag)
		nd_s(nd, "} ");
	if (nd->opt->vflag)
		nd_s(nd, "{ ScopedPDU ");
	scopedpdu_print(nd, np, length);
	if (nd->opt->vflag)
		nd_s(nd, "} ");
}

void snmp_print(nd_t *nd, const uint8_t *np, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char *const versions[] = {
		"SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3",
	};
	(void)sport; (void)dport;
	if (ip && ip->nh == 6)
		return; /* -T snmp names a UDP payload */
	nd_proto(nd, "snmp");
	nd_c(nd, ' ');
	struct be e;
	int count = asn1_parse(nd, np, length, &e);
	if (count < 0)
		return;
	if (e.type != BE_SEQ) {
		nd_s(nd, "[!init SEQ]");
		asn1_print(nd, &e);
		return;
	}
	if ((unsigned)count < length)
		nd_printf(nd, "[%d extra after iSEQ]", (int)(length - (unsigned)count));
	length = e.asnlen;
	np = e.raw;
	if ((count = expect(nd, np, length, &e, BE_INT, "version!=INT")) < 0)
		return;
	int version = e.integer;
	if (version != 0 && version != 1 && version != 3) {
		nd_printf(nd, "SNMP [version = %d]", version);
		return;
	}
	if (nd->opt->vflag)
		nd_printf(nd, "{ %s ", versions[version]);
	length -= (unsigned)count;
	np += count;
	if (version == 3)
		v3msg_print(nd, np, length);
	else
		community_print(nd, np, length, version);
	if (nd->opt->vflag)
		nd_s(nd, "} ");
}
