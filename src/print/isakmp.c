/* isakmp.c - ISAKMP / IKEv1 (RFC 2408, 2409) and IKEv2 (RFC 7296) on UDP
 * 500 (and 7500/8500), and UDP 4500 with its RFC 3948 framing: NAT
 * keepalives, the non-ESP marker before IKE, or ESP.
 *
 * The header line is "isakmp" plus, with -v, version and message ID (and
 * cookies with -vv), the phase, who sent it (IKEv1 remembers initiator
 * cookies and addresses) and the exchange type.  With -v the payload chain
 * follows, one payload a line, nested payloads indented by four spaces per
 * level.  IKEv2 encrypted payloads are decrypted when -E gave an "ikev2"
 * SA for the two SPIs. */
#include <string.h>

#include "../core/ipproto.h"
#include "../core/names.h"
#include "ipsec.h"

#define HDR_LEN 28
#define FLAG_E 0x01
#define FLAG_C 0x02
#define FLAG_I 0x08
#define FLAG_V 0x10
#define FLAG_R 0x20

/* Payload types. */
enum {
	NP_NONE = 0, NP_SA = 1, NP_P = 2, NP_T = 3, NP_KE = 4, NP_ID = 5,
	NP_CERT = 6, NP_CR = 7, NP_HASH = 8, NP_SIG = 9, NP_NONCE = 10,
	NP_N = 11, NP_D = 12, NP_VID = 13,
	NP_V2SA = 33, NP_V2KE = 34, NP_V2IDI = 35, NP_V2IDR = 36,
	NP_V2CERT = 37, NP_V2CR = 38, NP_V2AUTH = 39, NP_V2NONCE = 40,
	NP_V2N = 41, NP_V2D = 42, NP_V2VID = 43, NP_V2TSI = 44, NP_V2TSR = 45,
	NP_V2E = 46, NP_V2CP = 47, NP_V2EAP = 48,
};

/* Nesting at which payload chains stop being followed. */
#define MAX_NEST 64

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const np_names[] = {
	"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash",
	"sig", "nonce", "n", "d", "vid",
	"pay14", "pay15", "pay16", "pay17", "pay18",
	"pay19", "pay20", "pay21", "pay22", "pay23",
	"pay24", "pay25", "pay26", "pay27", "pay28",
	"pay29", "pay30", "pay31", "pay32",
	"v2sa", "v2ke", "v2IDi", "v2IDr", "v2cert",
	"v2cr", "v2auth", "v2nonce", "v2n", "v2d",
	"v2vid", "v2TSi", "v2TSr", "v2e", "v2cp",
	"v2eap",
};

static const char *const exch_names[] = {
	"none", "base", "ident", "auth", "agg", "inf", NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	"oakley-quick", "oakley-newgroup",
	"ikev2_init", "ikev2_auth", "child_sa", "inf2",
};

static const char *const protoid_names[] = {
	NULL, "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp",
};

static const char *const ikev1_p_names[] = { NULL, "ike" };
static const char *const ah_p_names[] = {
	NULL, "(reserved)", "md5", "sha", "1des", "sha2-256", "sha2-384",
	"sha2-512",
};
static const char *const esp_p_names[] = {
	NULL, "1des-iv64", "1des", "3des", "rc5", "idea", "cast",
	"blowfish", "3idea", "1des-iv32", "rc4", "null", "aes",
};
static const char *const ipcomp_p_names[] = { NULL, "oui", "deflate", "lzs" };
static const char *const v2_ttype_names[] = {
	NULL, "encr", "prf", "integ", "dh", "esn",
};
static const char *const prf_names[] = {
	NULL, "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc",
};
static const char *const integ_names[] = {
	NULL, "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc",
};
static const char *const esn_names[] = { "no-esn", "esn" };
static const char *const dh_names[] = {
	NULL, "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536",
	"iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09",
	"iana-grp10", "iana-grp11", "iana-grp12", "iana-grp13",
	"modp2048", "modp3072", "modp4096", "modp6144", "modp8192",
};

/* Attribute type names and, for some, names of their values. */
struct attrmap {
	const char *type;
	unsigned nvalue;
	const char *const *value;
};

static const char *const lifetype_v[] = { NULL, "sec", "kb" };
static const char *const encmode_v[] = { NULL, "tunnel", "transport" };
static const char *const ipsec_auth_v[] = {
	NULL, "hmac-md5", "hmac-sha1", "1des-mac", "keyed",
};
static const char *const oakley_enc_v[] = {
	NULL, "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes",
};
static const char *const oakley_hash_v[] = {
	NULL, "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512",
};
static const char *const oakley_auth_v[] = {
	NULL, "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised",
};
static const char *const grouptype_v[] = { NULL, "MODP", "ECP", "EC2N" };

static const struct attrmap ipsec_t_map[] = {
	{ NULL, 0, NULL },
	{ "lifetype", 3, lifetype_v },
	{ "life", 0, NULL },
	{ "group desc", 18, dh_names },
	{ "enc mode", 3, encmode_v },
	{ "auth", 5, ipsec_auth_v },
	{ "keylen", 0, NULL },
	{ "rounds", 0, NULL },
	{ "dictsize", 0, NULL },
	{ "privalg", 0, NULL },
};

static const struct attrmap encr_t_map[] = {
	{ NULL, 0, NULL }, { NULL, 0, NULL }, { NULL, 0, NULL },
	{ NULL, 0, NULL }, { NULL, 0, NULL }, { NULL, 0, NULL },
	{ NULL, 0, NULL }, { NULL, 0, NULL }, { NULL, 0, NULL },
	{ NULL, 0, NULL }, { NULL, 0, NULL }, { NULL, 0, NULL },
	{ NULL, 0, NULL }, { NULL, 0, NULL },
	{ "keylen", 0, NULL },
};

static const struct attrmap oakley_t_map[] = {
	{ NULL, 0, NULL },
	{ "enc", 8, oakley_enc_v },
	{ "hash", 7, oakley_hash_v },
	{ "auth", 6, oakley_auth_v },
	{ "group desc", 18, dh_names },
	{ "group type", 4, grouptype_v },
	{ "group prime", 0, NULL },
	{ "group gen1", 0, NULL },
	{ "group gen2", 0, NULL },
	{ "group curve A", 0, NULL },
	{ "group curve B", 0, NULL },
	{ "lifetype", 3, lifetype_v },
	{ "lifeduration", 0, NULL },
	{ "prf", 0, NULL },
	{ "keylen", 0, NULL },
	{ "field", 0, NULL },
	{ "order", 0, NULL },
};

/* A name from table, or "#N". */
static void put_name(nd_t *nd, unsigned v, const char *const *tab, size_t n)
{
	if (v < n && tab[v]) {
		nd_s(nd, tab[v]);
	} else {
		nd_c(nd, '#');
		nd_u(nd, v);
	}
}

#define PUT(nd, v, tab) put_name(nd, v, tab, N(tab))

static void put_np(nd_t *nd, unsigned np)
{
	PUT(nd, np, np_names);
}

/* " [|np]" - a payload that could not be printed to its end. */
static void np_trunc(nd_t *nd, unsigned np)
{
	nd_s(nd, " [|");
	put_np(nd, np);
	nd_c(nd, ']');
}

/* Bytes as hex; unwinds where the capture ends. */
static void hexprint(nd_t *nd, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out_x(nd->out, nd_u8(nd, p + i), 2);
}

/* Bytes as hex, all or nothing: 0 when they were not all captured. */
static int rawprint(nd_t *nd, const uint8_t *p, size_t n)
{
	if (!nd_has(nd, p, n))
		return 0;
	hexprint(nd, p, n);
	return 1;
}

static int before(const uint8_t *a, const uint8_t *b)
{
	return (uintptr_t)a < (uintptr_t)b;
}

/* "data=(first 10 bytes...last 20 bytes of the capture)". */
static int show_somedata(nd_t *nd, const uint8_t *cp)
{
	const uint8_t *ep = nd->end;
	size_t len = before(cp, ep) ? (size_t)(ep - cp) : 0;
	if (len > 10)
		len = 10;
	const uint8_t *end;
	size_t elen = 20;
	if ((size_t)(ep - nd->pkt) >= 20 && !before(ep - 20, cp + len)) {
		end = ep - 20;
	} else {
		end = cp + len;
		elen = (size_t)(ep - end);
	}
	nd_s(nd, " data=(");
	if (!rawprint(nd, cp, len))
		return 0;
	nd_s(nd, "...");
	if (elen && !rawprint(nd, end, elen))
		return 0;
	nd_c(nd, ')');
	return 1;
}

static void indent(nd_t *nd, int depth)
{
	nd_c(nd, '\n');
	for (int i = 0; i < depth; i++)
		nd_s(nd, "    ");
}

/* Per-message context handed down the payload printers. */
struct ike {
	uint8_t ck[16];      /* initiator and responder cookies (SPIs) */
	unsigned flags;
	unsigned phase;
};

typedef const uint8_t *(*payload_fn)(nd_t *nd, const struct ike *ike,
                                     unsigned np, const uint8_t *ext,
                                     unsigned item_len, uint32_t doi,
                                     uint32_t proto, int depth);

static const uint8_t *sub_print(nd_t *nd, const struct ike *ike, int v2,
                                unsigned np, const uint8_t *ext, uint32_t doi,
                                uint32_t proto, int depth);

/* ---- attributes (both versions) ---- */

static const uint8_t *attr_print(nd_t *nd, const uint8_t *p, const uint8_t *ep2,
                                 const struct attrmap *map, size_t nmap)
{
	unsigned first = nd_u8(nd, p);
	unsigned totlen = (first & 0x80) ? 4 : 4 + nd_be16(nd, p + 2);
	if (before(ep2, p + totlen)) {
		nd_s(nd, "[|attr]");
		return ep2 + 1;
	}
	nd_c(nd, '(');
	unsigned t = nd_be16(nd, p) & 0x7fff;
	if (map && t < nmap && map[t].type) {
		nd_s(nd, "type=");
		nd_s(nd, map[t].type);
		nd_c(nd, ' ');
	} else {
		nd_s(nd, "type=#");
		nd_u(nd, t);
		nd_c(nd, ' ');
	}
	if (first & 0x80) {
		nd_s(nd, "value=");
		unsigned v = nd_be16(nd, p + 2);
		if (map && t < nmap && v < map[t].nvalue && map[t].value[v]) {
			nd_s(nd, map[t].value[v]);
		} else if (!rawprint(nd, p + 2, 2)) {
			nd_c(nd, ')');
			return NULL;
		}
	} else {
		nd_s(nd, "len=");
		nd_u(nd, totlen - 4);
		nd_s(nd, " value=");
		if (!rawprint(nd, p + 4, totlen - 4)) {
			nd_c(nd, ')');
			return NULL;
		}
	}
	nd_c(nd, ')');
	return p + totlen;
}

/* ---- IKEv1 payloads ---- */

static const uint8_t *v1_sa(nd_t *nd, const struct ike *ike, unsigned np,
                            const uint8_t *ext, unsigned item_len, uint32_t doi0,
                            uint32_t proto, int depth)
{
	(void)np; (void)item_len; (void)doi0;
	nd_s(nd, "sa:");
	if (!nd_has(nd, ext, 12))
		goto trunc;
	uint32_t doi = nd_be32(nd, ext + 4), sit = nd_be32(nd, ext + 8);
	if (doi != 1) {
		nd_s(nd, " doi=");
		nd_u(nd, doi);
		nd_s(nd, " situation=");
		nd_u(nd, sit);
		return ext + 12;
	}
	nd_s(nd, " doi=ipsec situation=");
	int t = 0;
	if (sit & 1) {
		nd_s(nd, "identity");
		t++;
	}
	if (sit & 2) {
		nd_s(nd, t ? "+secrecy" : "secrecy");
		t++;
	}
	if (sit & 4)
		nd_s(nd, t ? "+integrity" : "integrity");
	const uint8_t *next = ext + 12;
	if (sit != 1) {
		/* tcpdump reads the "ident" from where the DOI is */
		{
			unsigned v0 = nd_be32(nd, ext + 4);
			nd_s(nd, " ident=");
			nd_u(nd, v0);
		}
		next += 4;
	}
	if (!nd_has(nd, next, 4))
		goto trunc;
	return sub_print(nd, ike, 0, NP_P, next, doi, proto, depth);
trunc:
	np_trunc(nd, NP_SA);
	return NULL;
}

static const uint8_t *v1_p(nd_t *nd, const struct ike *ike, unsigned np,
                           const uint8_t *ext, unsigned item_len, uint32_t doi,
                           uint32_t proto0, int depth)
{
	(void)np; (void)item_len; (void)proto0;
	nd_s(nd, "p:");
	if (!nd_has(nd, ext, 8))
		goto trunc;
	unsigned protoid = nd_u8(nd, ext + 5);
	{
		unsigned v0 = nd_u8(nd, ext + 4);
		nd_s(nd, " #");
		nd_u(nd, v0);
		nd_s(nd, " protoid=");
	}
	PUT(nd, protoid, protoid_names);
	{
		unsigned v0 = nd_u8(nd, ext + 7);
		nd_s(nd, " transform=");
		nd_u(nd, v0);
	}
	unsigned spi_size = nd_u8(nd, ext + 6);
	if (spi_size) {
		nd_s(nd, " spi=");
		if (!rawprint(nd, ext + 8, spi_size))
			goto trunc;
	}
	const uint8_t *next = ext + 8 + spi_size;
	if (!nd_has(nd, next, 4))
		goto trunc;
	return sub_print(nd, ike, 0, NP_T, next, doi, protoid, depth);
trunc:
	np_trunc(nd, NP_P);
	return NULL;
}

static const uint8_t *v1_t(nd_t *nd, const struct ike *ike, unsigned np,
                           const uint8_t *ext, unsigned item_len, uint32_t doi,
                           uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)depth;
	nd_s(nd, "t:");
	if (!nd_has(nd, ext, 8))
		goto trunc;
	const char *const *ids = NULL;
	size_t nids = 0;
	const struct attrmap *map = NULL;
	size_t nmap = 0;
	switch (proto) {
	case 1: ids = ikev1_p_names; nids = N(ikev1_p_names);
		map = oakley_t_map; nmap = N(oakley_t_map); break;
	case 2: ids = ah_p_names; nids = N(ah_p_names);
		map = ipsec_t_map; nmap = N(ipsec_t_map); break;
	case 3: ids = esp_p_names; nids = N(esp_p_names);
		map = ipsec_t_map; nmap = N(ipsec_t_map); break;
	case 4: ids = ipcomp_p_names; nids = N(ipcomp_p_names);
		map = ipsec_t_map; nmap = N(ipsec_t_map); break;
	}
	unsigned tid = nd_u8(nd, ext + 5);
	{
		unsigned v0 = nd_u8(nd, ext + 4);
		nd_s(nd, " #");
		nd_u(nd, v0);
		nd_s(nd, " id=");
	}
	if (ids)
		put_name(nd, tid, ids, nids);
	else
		nd_u(nd, tid);
	nd_c(nd, ' ');
	const uint8_t *cp = ext + 8, *ep2 = ext + item_len;
	while (before(cp, nd->end) && before(cp, ep2)) {
		cp = attr_print(nd, cp, ep2, map, nmap);
		if (!cp)
			goto trunc;
	}
	if (before(nd->end, ep2))
		nd_s(nd, "...");
	return cp;
trunc:
	np_trunc(nd, NP_T);
	return NULL;
}

/* ke, hash, sig, vid: a length and, with -vvv, the bytes. */
static const uint8_t *v1_blob(nd_t *nd, unsigned np, const uint8_t *ext,
                              unsigned item_len, const char *label)
{
	put_np(nd, np);
	nd_c(nd, ':');
	nd_s(nd, label);
	nd_s(nd, " len=");
	nd_u(nd, item_len - 4);
	if (nd->opt->vflag > 2 && item_len > 4) {
		nd_c(nd, ' ');
		if (!rawprint(nd, ext + 4, item_len - 4)) {
			np_trunc(nd, np);
			return NULL;
		}
	}
	return ext + item_len;
}

static const uint8_t *v1_ke(nd_t *nd, const struct ike *ike, unsigned np,
                            const uint8_t *ext, unsigned item_len, uint32_t doi,
                            uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	return v1_blob(nd, NP_KE, ext, item_len, " key");
}

static const uint8_t *v1_hash(nd_t *nd, const struct ike *ike, unsigned np,
                              const uint8_t *ext, unsigned item_len,
                              uint32_t doi, uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	return v1_blob(nd, NP_HASH, ext, item_len, "");
}

static const uint8_t *v1_sig(nd_t *nd, const struct ike *ike, unsigned np,
                             const uint8_t *ext, unsigned item_len, uint32_t doi,
                             uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	return v1_blob(nd, NP_SIG, ext, item_len, "");
}

static const uint8_t *v1_vid(nd_t *nd, const struct ike *ike, unsigned np,
                             const uint8_t *ext, unsigned item_len, uint32_t doi,
                             uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	return v1_blob(nd, NP_VID, ext, item_len, "");
}

static const char *const cert_names[] = {
	"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos", "crl",
	"arl", "spki", "x509attr",
};

static const uint8_t *v1_cert(nd_t *nd, unsigned np, const uint8_t *ext,
                              unsigned item_len)
{
	put_np(nd, np);
	nd_c(nd, ':');
	if (!nd_has(nd, ext, 6)) /* tcpdump's struct has a byte of data */
		goto trunc;
	nd_s(nd, " len=");
	nd_u(nd, item_len - 4);
	nd_s(nd, " type=");
	PUT(nd, nd_u8(nd, ext + 4), cert_names);
	if (nd->opt->vflag > 2 && item_len > 4) {
		nd_c(nd, ' ');
		if (!rawprint(nd, ext + 4, item_len - 4))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, np);
	return NULL;
}

static const uint8_t *v1_cert_p(nd_t *nd, const struct ike *ike, unsigned np,
                                const uint8_t *ext, unsigned item_len,
                                uint32_t doi, uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	return v1_cert(nd, NP_CERT, ext, item_len);
}

static const uint8_t *v1_cr_p(nd_t *nd, const struct ike *ike, unsigned np,
                              const uint8_t *ext, unsigned item_len,
                              uint32_t doi, uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	return v1_cert(nd, NP_CR, ext, item_len);
}

static const uint8_t *v1_nonce(nd_t *nd, const struct ike *ike, unsigned np,
                               const uint8_t *ext, unsigned item_len,
                               uint32_t doi, uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	nd_s(nd, "nonce: n len=");
	nd_u(nd, item_len - 4);
	if (item_len > 4) {
		if (nd->opt->vflag > 2) {
			nd_c(nd, ' ');
			if (!rawprint(nd, ext + 4, item_len - 4))
				goto trunc;
		} else if (nd->opt->vflag > 1) {
			nd_c(nd, ' ');
			if (!show_somedata(nd, ext + 4))
				goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, NP_NONCE);
	return NULL;
}

static void put_v4(nd_t *nd, const uint8_t *a)
{
	put_ip4(nd, a);
}

static void put_v6(nd_t *nd, const uint8_t *a)
{
	put_ip6(nd, a);
}

static const uint8_t *v1_id(nd_t *nd, const struct ike *ike, unsigned np,
                            const uint8_t *ext, unsigned item_len, uint32_t doi,
                            uint32_t proto, int depth)
{
	(void)np; (void)doi; (void)proto; (void)depth;
	static const char *const idtypes[] = {
		"IPv4", "IPv4net", "IPv6", "IPv6net",
	};
	static const char *const ipsec_idtypes[] = {
		NULL, "IPv4", "FQDN", "user FQDN", "IPv4net", "IPv6",
		"IPv6net", "IPv4range", "IPv6range", "ASN1 DN", "ASN1 GN",
		"keyid",
	};
	nd_s(nd, "id:");
	if (!nd_has(nd, ext, 8))
		goto trunc;
	const uint8_t *data = NULL;
	unsigned len = 0;
	if (item_len > 8) {
		data = ext + 8;
		len = item_len - 8;
	}
	if (ike->phase != 1 && ike->phase != 2) {
		nd_s(nd, " idtype=");
		PUT(nd, nd_u8(nd, ext + 4), idtypes);
		{
			unsigned v0 = nd_be32(nd, ext + 4) & 0xffffff;
			nd_s(nd, " doi_data=");
			nd_u(nd, v0);
		}
	} else {
		unsigned type = nd_u8(nd, ext + 4);
		nd_s(nd, " idtype=");
		PUT(nd, type, ipsec_idtypes);
		unsigned protoid = nd_u8(nd, ext + 5);
		/* 0 means any protocol here, not IP; tcpdump's own netdb
		 * keywords, not /etc/protocols' */
		const char *pname = nd->opt->nflag || !protoid ? NULL : ipproto_netdb(protoid);
		if (pname) {
			nd_s(nd, " protoid=");
			nd_s(nd, pname);
		} else {
			nd_s(nd, " protoid=");
			nd_u(nd, protoid);
		}
		{
			unsigned v0 = nd_be16(nd, ext + 6);
			nd_s(nd, " port=");
			nd_u(nd, v0);
		}
		if (len) {
			if (!nd_has(nd, data, len))
				goto trunc;
			switch (type) {
			case 1: /* IPv4 */
				if (len < 4) {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_s(nd, " [bad: < 4]");
				} else {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_c(nd, ' ');
					put_v4(nd, data);
				}
				len = 0;
				break;
			case 2: case 3: /* FQDN, user FQDN */
				nd_s(nd, " len=");
				nd_u(nd, len);
				nd_c(nd, ' ');
				for (unsigned i = 0; i < len; i++)
					nd_print_char(nd, nd_u8(nd, data + i));
				len = 0;
				break;
			case 4: /* IPv4 subnet */
				if (len < 8) {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_s(nd, " [bad: < 8]");
				} else {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_c(nd, ' ');
					put_v4(nd, data);
					nd_c(nd, '/');
					nd_u(nd, data[4]);
					nd_c(nd, '.');
					nd_u(nd, data[5]);
					nd_c(nd, '.');
					nd_u(nd, data[6]);
					nd_c(nd, '.');
					nd_u(nd, data[7]);
				}
				len = 0;
				break;
			case 5: /* IPv6 */
				if (len < 16) {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_s(nd, " [bad: < 16]");
				} else {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_c(nd, ' ');
					put_v6(nd, data);
				}
				len = 0;
				break;
			case 6: /* IPv6 subnet */
				if (len < 32) {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_s(nd, " [bad: < 32]");
				} else {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_c(nd, ' ');
					put_v6(nd, data);
					nd_s(nd, "/0x");
					hexprint(nd, data + 16, 16);
				}
				len = 0;
				break;
			case 7: /* IPv4 range */
				if (len < 8) {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_s(nd, " [bad: < 8]");
				} else {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_c(nd, ' ');
					put_v4(nd, data);
					nd_c(nd, '-');
					put_v4(nd, data + 4);
				}
				len = 0;
				break;
			case 8: /* IPv6 range */
				if (len < 32) {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_s(nd, " [bad: < 32]");
				} else {
					nd_s(nd, " len=");
					nd_u(nd, len);
					nd_c(nd, ' ');
					put_v6(nd, data);
					nd_c(nd, '-');
					put_v6(nd, data + 16);
				}
				len = 0;
				break;
			}
		}
	}
	if (data && len) {
		nd_s(nd, " len=");
		nd_u(nd, len);
		if (nd->opt->vflag > 2) {
			nd_c(nd, ' ');
			if (!rawprint(nd, data, len))
				goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, NP_ID);
	return NULL;
}

static const char *const notify_error_names[] = {
	NULL, "INVALID-PAYLOAD-TYPE", "DOI-NOT-SUPPORTED",
	"SITUATION-NOT-SUPPORTED", "INVALID-COOKIE", "INVALID-MAJOR-VERSION",
	"INVALID-MINOR-VERSION", "INVALID-EXCHANGE-TYPE", "INVALID-FLAGS",
	"INVALID-MESSAGE-ID", "INVALID-PROTOCOL-ID", "INVALID-SPI",
	"INVALID-TRANSFORM-ID", "ATTRIBUTES-NOT-SUPPORTED",
	"NO-PROPOSAL-CHOSEN", "BAD-PROPOSAL-SYNTAX", "PAYLOAD-MALFORMED",
	"INVALID-KEY-INFORMATION", "INVALID-ID-INFORMATION",
	"INVALID-CERT-ENCODING", "INVALID-CERTIFICATE",
	"CERT-TYPE-UNSUPPORTED", "INVALID-CERT-AUTHORITY",
	"INVALID-HASH-INFORMATION", "AUTHENTICATION-FAILED",
	"INVALID-SIGNATURE", "ADDRESS-NOTIFICATION", "NOTIFY-SA-LIFETIME",
	"CERTIFICATE-UNAVAILABLE", "UNSUPPORTED-EXCHANGE-TYPE",
	"UNEQUAL-PAYLOAD-LENGTHS",
};
static const char *const ipsec_notify_error_names[] = { "RESERVED" };
static const char *const notify_status_names[] = { "CONNECTED" };
static const char *const ipsec_notify_status_names[] = {
	"RESPONDER-LIFETIME", "REPLAY-STATUS", "INITIAL-CONTACT",
};

static const uint8_t *v1_n(nd_t *nd, const struct ike *ike, unsigned np,
                           const uint8_t *ext, unsigned item_len, uint32_t doi0,
                           uint32_t proto0, int depth)
{
	(void)ike; (void)np; (void)doi0; (void)proto0; (void)depth;
	nd_s(nd, "n:");
	if (!nd_has(nd, ext, 12))
		goto trunc;
	uint32_t doi = nd_be32(nd, ext + 4);
	unsigned proto = nd_u8(nd, ext + 8);
	unsigned spi_size;
	unsigned type;
	if (doi != 1) {
		nd_s(nd, " doi=");
		nd_u(nd, doi);
		nd_s(nd, " proto=");
		nd_u(nd, proto);
		nd_s(nd, " type=");
		type = nd_be16(nd, ext + 10);
		if (type < 8192)
			PUT(nd, type, notify_error_names);
		else if (type >= 16384 && type < 24576)
			PUT(nd, type - 16384, notify_status_names);
		else {
			nd_c(nd, '#');
			nd_u(nd, type);
		}
		spi_size = nd_u8(nd, ext + 9);
		if (spi_size) {
			nd_s(nd, " spi=");
			if (!rawprint(nd, ext + 12, spi_size))
				goto trunc;
		}
		return ext + 12 + spi_size;
	}
	nd_s(nd, " doi=ipsec proto=");
	PUT(nd, proto, protoid_names);
	type = nd_be16(nd, ext + 10);
	nd_s(nd, " type=");
	if (type < 8192)
		PUT(nd, type, notify_error_names);
	else if (type < 16384)
		put_name(nd, type - 8192, ipsec_notify_error_names,
			 N(ipsec_notify_error_names));
	else if (type < 24576)
		PUT(nd, type - 16384, notify_status_names);
	else if (type < 32768)
		put_name(nd, type - 24576, ipsec_notify_status_names,
			 N(ipsec_notify_status_names));
	else {
		nd_c(nd, '#');
		nd_u(nd, type);
	}
	spi_size = nd_u8(nd, ext + 9);
	if (spi_size) {
		nd_s(nd, " spi=");
		if (!rawprint(nd, ext + 12, spi_size))
			goto trunc;
	}
	const uint8_t *cp = ext + 12 + spi_size, *ep2 = ext + item_len;
	if (before(cp, nd->end)) {
		switch (type) {
		case 24576: /* responder lifetime */
			nd_s(nd, " attrs=(");
			while (before(cp, nd->end) && before(cp, ep2)) {
				cp = attr_print(nd, cp, ep2, oakley_t_map,
						N(oakley_t_map));
				if (!cp) {
					nd_c(nd, ')');
					goto trunc;
				}
			}
			nd_c(nd, ')');
			break;
		case 24577: /* replay status */
			nd_s(nd, " status=(");
			{
				const char *v0 = nd_be32(nd, cp) ? "en" : "dis";
				nd_s(nd, "replay detection ");
				nd_s(nd, v0);
				nd_s(nd, "abled)");
			}
			break;
		default:
			if (nd->opt->vflag > 3) {
				nd_s(nd, " data=(");
				if (!rawprint(nd, cp, (size_t)(nd->end - cp)))
					goto trunc;
				nd_c(nd, ')');
			} else if (!show_somedata(nd, cp)) {
				goto trunc;
			}
			break;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, NP_N);
	return NULL;
}

static const uint8_t *v1_d(nd_t *nd, const struct ike *ike, unsigned np,
                           const uint8_t *ext, unsigned item_len, uint32_t doi0,
                           uint32_t proto0, int depth)
{
	(void)ike; (void)np; (void)item_len; (void)doi0; (void)proto0;
	(void)depth;
	nd_s(nd, "d:");
	if (!nd_has(nd, ext, 12))
		goto trunc;
	uint32_t doi = nd_be32(nd, ext + 4);
	unsigned proto = nd_u8(nd, ext + 8);
	if (doi != 1) {
		nd_s(nd, " doi=");
		nd_u(nd, doi);
		nd_s(nd, " proto=");
		nd_u(nd, proto);
	} else {
		nd_s(nd, " doi=ipsec proto=");
		PUT(nd, proto, protoid_names);
	}
	unsigned spi_size = nd_u8(nd, ext + 9);
	unsigned num = nd_be16(nd, ext + 10);
	nd_s(nd, " spilen=");
	nd_u(nd, spi_size);
	nd_s(nd, " nspi=");
	nd_u(nd, num);
	nd_s(nd, " spi=");
	const uint8_t *q = ext + 12;
	for (unsigned i = 0; i < num; i++) {
		if (i)
			nd_c(nd, ',');
		if (!rawprint(nd, q, spi_size))
			goto trunc;
		q += spi_size;
	}
	return q;
trunc:
	np_trunc(nd, NP_D);
	return NULL;
}

/* ---- IKEv2 payloads ---- */

static void pay_name(nd_t *nd, unsigned np, unsigned critical)
{
	put_np(nd, np);
	if (critical & 0x80)
		nd_s(nd, "[C]");
	nd_c(nd, ':');
}

static const uint8_t *v2_gen(nd_t *nd, const struct ike *ike, unsigned np,
                             const uint8_t *ext, unsigned item_len, uint32_t doi,
                             uint32_t proto, int depth)
{
	(void)ike; (void)doi; (void)proto; (void)depth;
	if (!nd_has(nd, ext, 4))
		goto trunc;
	pay_name(nd, np, nd_u8(nd, ext + 1));
	nd_s(nd, " len=");
	nd_u(nd, item_len - 4);
	if (nd->opt->vflag > 2 && item_len > 4) {
		nd_c(nd, ' ');
		if (!rawprint(nd, ext + 4, item_len - 4))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, np);
	return NULL;
}

static const uint8_t *v2_t(nd_t *nd, int tcount, const uint8_t *ext,
                           unsigned item_len)
{
	if (!nd_has(nd, ext, 8))
		goto trunc;
	pay_name(nd, NP_T, nd_u8(nd, ext + 1));
	unsigned tid = nd_be16(nd, ext + 6);
	unsigned ttype = nd_u8(nd, ext + 4);
	const char *const *ids = NULL;
	size_t nids = 0;
	const struct attrmap *map = NULL;
	size_t nmap = 0;
	switch (ttype) {
	case 1: ids = esp_p_names; nids = N(esp_p_names);
		map = encr_t_map; nmap = N(encr_t_map); break;
	case 2: ids = prf_names; nids = N(prf_names); break;
	case 3: ids = integ_names; nids = N(integ_names); break;
	case 4: ids = dh_names; nids = N(dh_names); break;
	case 5: ids = esn_names; nids = N(esn_names); break;
	}
	nd_s(nd, " #");
	out_d(nd->out, tcount);
	nd_s(nd, " type=");
	PUT(nd, ttype, v2_ttype_names);
	nd_s(nd, " id=");
	if (ids)
		put_name(nd, tid, ids, nids);
	else
		nd_u(nd, tid);
	nd_c(nd, ' ');
	const uint8_t *cp = ext + 8, *ep2 = ext + item_len;
	while (before(cp, nd->end) && before(cp, ep2)) {
		cp = attr_print(nd, cp, ep2, map, nmap);
		if (!cp)
			goto trunc;
	}
	if (before(nd->end, ep2))
		nd_s(nd, "...");
	return cp;
trunc:
	np_trunc(nd, NP_T);
	return NULL;
}

static const uint8_t *v2_p(nd_t *nd, const uint8_t *ext, unsigned oplen,
                           int depth)
{
	if (!nd_has(nd, ext, 8))
		goto trunc;
	pay_name(nd, NP_P, nd_u8(nd, ext + 1));
	unsigned plen = oplen - 4;
	{
		unsigned v0 = nd_u8(nd, ext + 4);
		nd_s(nd, " #");
		nd_u(nd, v0);
		nd_s(nd, " protoid=");
	}
	PUT(nd, nd_u8(nd, ext + 5), protoid_names);
	{
		unsigned v0 = nd_u8(nd, ext + 7);
		nd_s(nd, " transform=");
		nd_u(nd, v0);
		nd_s(nd, " len=");
		nd_u(nd, oplen);
	}
	const uint8_t *cp = ext + 8;
	unsigned spi_size = nd_u8(nd, ext + 6);
	if (spi_size) {
		if (plen < spi_size)
			goto toolong;
		nd_s(nd, " spi=");
		if (!rawprint(nd, cp, spi_size))
			goto trunc;
		cp += spi_size;
		plen -= spi_size;
	}
	int tcount = 0;
	const uint8_t *t = ext;
	for (unsigned np = NP_T; np != 0; np = nd_u8(nd, t)) {
		tcount++;
		t = cp;
		if (plen < 4)
			goto toolong;
		if (!nd_has(nd, t, 4))
			goto trunc;
		unsigned ilen = nd_be16(nd, t + 2);
		if (ilen <= 4)
			goto trunc;
		if (plen < ilen)
			goto toolong;
		if (!nd_has(nd, cp, ilen))
			goto trunc;
		indent(nd, depth + 1);
		nd_c(nd, '(');
		if (np == NP_T) {
			cp = v2_t(nd, tcount, t, ilen);
			if (!cp)
				return NULL;
		} else {
			put_np(nd, np);
			cp += ilen;
		}
		nd_c(nd, ')');
		plen -= ilen;
	}
	return cp;
toolong:
	cp += plen;
	np_trunc(nd, NP_P);
	return cp;
trunc:
	np_trunc(nd, NP_P);
	return NULL;
}

static const uint8_t *v2_sa(nd_t *nd, const struct ike *ike, unsigned np,
                            const uint8_t *ext, unsigned item_len, uint32_t doi,
                            uint32_t proto, int depth)
{
	(void)ike; (void)item_len; (void)doi; (void)proto;
	if (!nd_has(nd, ext, 4))
		goto trunc;
	nd_s(nd, "sa");
	if (nd_u8(nd, ext + 1) & 0x80)
		nd_s(nd, "[C]");
	nd_c(nd, ':');
	unsigned salen = nd_be16(nd, ext + 2) - 4;
	nd_s(nd, " len=");
	nd_u(nd, salen);
	const uint8_t *cp = ext + 4, *p = ext;
	for (unsigned pnp = NP_P; pnp != 0; pnp = nd_u8(nd, p)) {
		p = cp;
		if (salen < 4)
			goto toolong;
		if (!nd_has(nd, p, 4))
			goto trunc;
		unsigned ilen = nd_be16(nd, p + 2);
		if (ilen <= 4)
			goto trunc;
		if (salen < ilen)
			goto toolong;
		if (!nd_has(nd, cp, ilen))
			goto trunc;
		indent(nd, depth + 1);
		nd_c(nd, '(');
		if (pnp == NP_P) {
			cp = v2_p(nd, p, ilen, depth + 1);
			if (!cp)
				return NULL;
		} else {
			put_np(nd, pnp);
			cp += ilen;
		}
		nd_c(nd, ')');
		salen -= ilen;
	}
	return cp;
toolong:
	cp += salen;
	np_trunc(nd, np);
	return cp;
trunc:
	np_trunc(nd, np);
	return NULL;
}

static const uint8_t *v2_ke(nd_t *nd, const struct ike *ike, unsigned np,
                            const uint8_t *ext, unsigned item_len, uint32_t doi,
                            uint32_t proto, int depth)
{
	(void)ike; (void)doi; (void)proto; (void)depth;
	if (!nd_has(nd, ext, 8))
		goto trunc;
	pay_name(nd, np, nd_u8(nd, ext + 1));
	if (item_len < 8) {
		nd_s(nd, " len=");
		nd_u(nd, item_len);
		nd_s(nd, " < 8");
		return ext + item_len;
	}
	nd_s(nd, " len=");
	nd_u(nd, item_len - 8);
	nd_s(nd, " group=");
	PUT(nd, nd_be16(nd, ext + 4), dh_names);
	if (nd->opt->vflag > 2 && item_len > 8) {
		nd_c(nd, ' ');
		if (!rawprint(nd, ext + 8, item_len - 8))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, np);
	return NULL;
}

static const uint8_t *v2_id(nd_t *nd, const struct ike *ike, unsigned np,
                            const uint8_t *ext, unsigned item_len, uint32_t doi,
                            uint32_t proto, int depth)
{
	(void)ike; (void)doi; (void)proto; (void)depth;
	if (!nd_has(nd, ext, 8))
		goto trunc;
	pay_name(nd, np, nd_u8(nd, ext + 1));
	nd_s(nd, " len=");
	nd_u(nd, item_len - 4);
	if (nd->opt->vflag > 2 && item_len > 4) {
		nd_c(nd, ' ');
		if (!rawprint(nd, ext + 4, item_len - 4))
			goto trunc;
	}
	unsigned tlen = item_len - 8; /* wraps for a short item, as in tcpdump */
	const uint8_t *td = ext + 8;
	int ascii = 0, hex = 0;
	switch (nd_u8(nd, ext + 4)) {
	case 1: nd_s(nd, " ipv4:"); hex = 1; break;
	case 2: nd_s(nd, " fqdn:"); ascii = 1; break;
	case 3: nd_s(nd, " rfc822:"); ascii = 1; break;
	case 5: nd_s(nd, " ipv6:"); hex = 1; break;
	case 9: nd_s(nd, " dn:"); hex = 1; break;
	case 10: nd_s(nd, " gn:"); hex = 1; break;
	case 11: nd_s(nd, " keyid:"); hex = 1; break;
	}
	if (ascii) {
		if (!nd_has(nd, td, tlen))
			goto trunc;
		for (unsigned i = 0; i < tlen; i++) {
			uint8_t c = td[i];
			nd_c(nd, c >= 0x20 && c < 0x7f ? (char)c : '.');
		}
	}
	if (hex && !rawprint(nd, td, tlen))
		goto trunc;
	return ext + item_len;
trunc:
	np_trunc(nd, np);
	return NULL;
}

static const uint8_t *v2_auth(nd_t *nd, const struct ike *ike, unsigned np,
                              const uint8_t *ext, unsigned item_len,
                              uint32_t doi, uint32_t proto, int depth)
{
	(void)ike; (void)doi; (void)proto; (void)depth;
	static const char *const methods[] = {
		"invalid", "rsasig", "shared-secret", "dsssig",
	};
	if (!nd_has(nd, ext, 8))
		goto trunc;
	pay_name(nd, np, nd_u8(nd, ext + 1));
	nd_s(nd, " len=");
	nd_u(nd, item_len - 4);
	nd_s(nd, " method=");
	PUT(nd, nd_u8(nd, ext + 4), methods);
	if (item_len > 4) {
		if (nd->opt->vflag > 1) {
			nd_s(nd, " authdata=(");
			if (!rawprint(nd, ext + 8, item_len - 8))
				goto trunc;
			nd_s(nd, ") ");
		} else if (nd->opt->vflag) {
			if (!show_somedata(nd, ext + 8))
				goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, np);
	return NULL;
}

static const uint8_t *v2_nonce(nd_t *nd, const struct ike *ike, unsigned np,
                               const uint8_t *ext, unsigned item_len,
                               uint32_t doi, uint32_t proto, int depth)
{
	(void)ike; (void)doi; (void)proto; (void)depth;
	if (!nd_has(nd, ext, 4))
		goto trunc;
	nd_s(nd, "nonce");
	if (nd_u8(nd, ext + 1) & 0x80)
		nd_s(nd, "[C]");
	nd_s(nd, ": len=");
	nd_u(nd, item_len - 4);
	if (nd->opt->vflag > 1 && item_len > 4) {
		nd_s(nd, " nonce=(");
		if (!rawprint(nd, ext + 4, item_len - 4))
			goto trunc;
		nd_s(nd, ") ");
	} else if (nd->opt->vflag && item_len > 4) {
		if (!show_somedata(nd, ext + 4))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, np);
	return NULL;
}

struct v2_notify {
	uint16_t type;
	uint8_t showspi;
	const char *name;
};

static const struct v2_notify v2_notifies[] = {
	{ 1, 0, "unsupported_critical_payload" },
	{ 4, 1, "invalid_ike_spi" },
	{ 5, 0, "invalid_major_version" },
	{ 7, 1, "invalid_syntax" },
	{ 9, 1, "invalid_message_id" },
	{ 11, 1, "invalid_spi" },
	{ 14, 1, "no_protocol_chosen" },
	{ 17, 1, "invalid_ke_payload" },
	{ 24, 1, "authentication_failed" },
	{ 34, 1, "single_pair_required" },
	{ 35, 0, "no_additional_sas" },
	{ 36, 0, "internal_address_failure" },
	{ 37, 0, "failed:cp_required" },
	{ 39, 0, "invalid_selectors" },
	{ 16384, 0, "initial_contact" },
	{ 16385, 0, "set_window_size" },
	{ 16386, 0, "additional_ts_possible" },
	{ 16387, 0, "ipcomp_supported" },
	{ 16388, 1, "nat_detection_source_ip" },
	{ 16389, 1, "nat_detection_destination_ip" },
	{ 16390, 1, "cookie" },
	{ 16391, 0, "use_transport_mode" },
	{ 16392, 0, "http_cert_lookup_supported" },
	{ 16393, 1, "rekey_sa" },
	{ 16394, 0, "tfc_padding_not_supported" },
	{ 16395, 0, "non_first_fragment_also" },
};

static const uint8_t *v2_n(nd_t *nd, const struct ike *ike, unsigned np,
                           const uint8_t *ext, unsigned item_len, uint32_t doi,
                           uint32_t proto, int depth)
{
	(void)ike; (void)np; (void)doi; (void)proto; (void)depth;
	if (!nd_has(nd, ext, 8))
		goto trunc;
	pay_name(nd, NP_N, nd_u8(nd, ext + 1));
	nd_s(nd, " prot_id=");
	PUT(nd, nd_u8(nd, ext + 4), protoid_names);
	unsigned type = nd_be16(nd, ext + 6);
	int showspi = 1, somedata = 0;
	const char *name = NULL;
	for (size_t i = 0; i < N(v2_notifies); i++) {
		if (v2_notifies[i].type == type) {
			name = v2_notifies[i].name;
			showspi = v2_notifies[i].showspi;
			somedata = type == 16390;
			break;
		}
	}
	if (!name) {
		if (type < 8192)
			name = "error";
		else if (type < 16384)
			name = "private-error";
		else if (type < 40960)
			name = "status";
		else
			name = "private-status";
	}
	nd_s(nd, " type=");
	nd_u(nd, type);
	nd_c(nd, '(');
	nd_s(nd, name);
	nd_c(nd, ')');
	unsigned spi_size = nd_u8(nd, ext + 5);
	if (showspi && spi_size) {
		nd_s(nd, " spi=");
		if (!rawprint(nd, ext + 8, spi_size))
			goto trunc;
	}
	const uint8_t *cp = ext + 8 + spi_size;
	if (before(cp, nd->end)) {
		size_t rest = (size_t)(nd->end - cp);
		if (nd->opt->vflag > 3 || (somedata && rest < 30)) {
			nd_s(nd, " data=(");
			if (!rawprint(nd, cp, rest))
				goto trunc;
			nd_c(nd, ')');
		} else if (somedata) {
			if (!show_somedata(nd, cp))
				goto trunc;
		}
	}
	return ext + item_len;
trunc:
	np_trunc(nd, NP_N);
	return NULL;
}

static const uint8_t *v2_vid(nd_t *nd, const struct ike *ike, unsigned np,
                             const uint8_t *ext, unsigned item_len, uint32_t doi,
                             uint32_t proto, int depth)
{
	(void)ike; (void)doi; (void)proto; (void)depth;
	if (!nd_has(nd, ext, 4))
		goto trunc;
	pay_name(nd, np, nd_u8(nd, ext + 1));
	unsigned len = item_len - 4;
	nd_s(nd, " len=");
	nd_u(nd, len);
	nd_s(nd, " vid=");
	if (!nd_has(nd, ext + 4, len))
		goto trunc;
	for (unsigned i = 0; i < len; i++) {
		uint8_t c = ext[4 + i];
		nd_c(nd, c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
	if (nd->opt->vflag > 2 && len > 4) {
		nd_c(nd, ' ');
		if (!rawprint(nd, ext + 4, len))
			goto trunc;
	}
	return ext + item_len;
trunc:
	np_trunc(nd, np);
	return NULL;
}

/* The encrypted payload: its bytes (-vvv), and what it holds when an -E
 * IKEv2 SA decrypts it.  Always ends the chain it is in. */
static const uint8_t *v2_e(nd_t *nd, const struct ike *ike, unsigned np,
                           const uint8_t *ext, unsigned item_len, uint32_t doi,
                           uint32_t proto, int depth)
{
	if (!nd_has(nd, ext, 4))
		goto trunc;
	pay_name(nd, np, nd_u8(nd, ext + 1));
	unsigned dlen = item_len - 4;
	nd_s(nd, " len=");
	nd_u(nd, dlen);
	const uint8_t *dat = ext + 4;
	if (nd->opt->vflag > 2 && dlen > 4) {
		nd_c(nd, ' ');
		if (!rawprint(nd, dat, dlen))
			goto trunc;
	}
	if (!nd_has(nd, dat, dlen))
		goto trunc;
	unsigned inner = nd_u8(nd, ext);
	if (nd->depth + 1 >= ESP_BUFS)
		return NULL;
	size_t ptlen = 0;
	const uint8_t *pt = esp_ikev2_decrypt(nd, ike->flags & FLAG_I, ike->ck,
					      ike->ck + 8, dat, dat + dlen, &ptlen);
	if (pt) {
		const uint8_t *save_pkt = nd->pkt, *save_end = nd->end;
		nd->depth++;
		nd->pkt = pt;
		nd->end = pt + ptlen;
		sub_print(nd, ike, 1, inner, pt, doi, proto, depth + 1);
		nd->pkt = save_pkt;
		nd->end = save_end;
		nd->depth--;
	}
	return NULL;
trunc:
	np_trunc(nd, np);
	return NULL;
}

static const payload_fn payload_fns[] = {
	[NP_SA] = v1_sa, [NP_P] = v1_p, [NP_T] = v1_t, [NP_KE] = v1_ke,
	[NP_ID] = v1_id, [NP_CERT] = v1_cert_p, [NP_CR] = v1_cr_p,
	[NP_HASH] = v1_hash, [NP_SIG] = v1_sig, [NP_NONCE] = v1_nonce,
	[NP_N] = v1_n, [NP_D] = v1_d, [NP_VID] = v1_vid,
	[NP_V2SA] = v2_sa, [NP_V2KE] = v2_ke, [NP_V2IDI] = v2_id,
	[NP_V2IDR] = v2_id, [NP_V2CERT] = v2_gen, [NP_V2CR] = v2_gen,
	[NP_V2AUTH] = v2_auth, [NP_V2NONCE] = v2_nonce, [NP_V2N] = v2_n,
	[NP_V2D] = v2_gen, [NP_V2VID] = v2_vid, [NP_V2TSI] = v2_gen,
	[NP_V2TSR] = v2_gen, [NP_V2CP] = v2_gen, [NP_V2EAP] = v2_gen,
};

/* One payload of type np at ext; returns where the next one starts, NULL
 * to stop the chain. */
static const uint8_t *sub0_print(nd_t *nd, const struct ike *ike, int v2,
                                 unsigned np, const uint8_t *ext, uint32_t doi,
                                 uint32_t proto, int depth)
{
	unsigned item_len = nd_be16(nd, ext + 2);
	if (item_len <= 4)
		return NULL;
	if (v2 && np == NP_V2E)
		return v2_e(nd, ike, np, ext, item_len, doi, proto, depth);
	if (np < N(payload_fns) && payload_fns[np])
		return payload_fns[np](nd, ike, np, ext, item_len, doi, proto,
				       depth);
	put_np(nd, np);
	return ext + item_len;
}

/* A chain of payloads starting with type np at ext, one a line. */
static const uint8_t *sub_print(nd_t *nd, const struct ike *ike, int v2,
                                unsigned np, const uint8_t *ext, uint32_t doi,
                                uint32_t proto, int depth)
{
	const uint8_t *cp = ext;
	while (np) {
		if (!nd_has(nd, ext, 4) || !nd_has(nd, ext, nd_be16(nd, ext + 2)))
			goto trunc;
		if (depth >= MAX_NEST)
			goto trunc;
		indent(nd, depth + 1);
		nd_c(nd, '(');
		cp = sub0_print(nd, ike, v2, np, ext, doi, proto, depth + 1);
		nd_c(nd, ')');
		if (!cp)
			return NULL;
		np = nd_u8(nd, ext);
		ext = cp;
	}
	return cp;
trunc:
	np_trunc(nd, np);
	return NULL;
}

/* ---- the message ---- */

static int cookie_find(const struct esp_state *st, const uint8_t *ck)
{
	for (int i = 0; i < IKE_COOKIES; i++)
		if (memcmp(ck, st->cookies[i].ck, 8) == 0)
			return i;
	return -1;
}

static void cookie_record(struct esp_state *st, const uint8_t *ck,
                          const struct ip_ctx *ip)
{
	int i = cookie_find(st, ck);
	if (i >= 0) {
		st->ncookie = (i + 1) % IKE_COOKIES;
		return;
	}
	struct ike_cookie *c = &st->cookies[st->ncookie];
	unsigned alen = ip->ver == 6 ? 16 : 4;
	if (ip->ver != 4 && ip->ver != 6)
		return;
	c->version = ip->ver;
	memcpy(c->iaddr, ip->src, alen);
	memcpy(c->raddr, ip->dst, alen);
	memcpy(c->ck, ck, 8);
	st->ncookie = (st->ncookie + 1) % IKE_COOKIES;
}

/* Whether the sender is the recorded initiator (or responder). */
static int cookie_side(const struct esp_state *st, int i,
                       const struct ip_ctx *ip, int initiator)
{
	const struct ike_cookie *c = &st->cookies[i];
	if ((ip->ver != 4 && ip->ver != 6) || c->version != ip->ver)
		return 0;
	unsigned alen = ip->ver == 6 ? 16 : 4;
	return memcmp(ip->src, initiator ? c->iaddr : c->raddr, alen) == 0;
}

static void v1_message(nd_t *nd, const uint8_t *bp, const struct ip_ctx *ip)
{
	struct esp_state *st = nd->esp;
	unsigned phase = nd_be32(nd, bp + 20) == 0 ? 1 : 2;
	nd_s(nd, phase == 1 ? " phase 1" : " phase 2/others");
	int i = st ? cookie_find(st, bp) : -1;
	int addrs_ok = ip && nd_has(nd, ip->src, ip->ver == 6 ? 16 : 4) &&
		       nd_has(nd, ip->dst, ip->ver == 6 ? 16 : 4);
	if (i < 0) {
		static const uint8_t zero[8];
		if (memcmp(bp + 8, zero, 8) == 0) {
			nd_s(nd, " I");
			if (st && addrs_ok)
				cookie_record(st, bp, ip);
		} else {
			nd_s(nd, " ?");
		}
	} else if (addrs_ok && cookie_side(st, i, ip, 1)) {
		nd_s(nd, " I");
	} else if (addrs_ok && cookie_side(st, i, ip, 0)) {
		nd_s(nd, " R");
	} else {
		nd_s(nd, " ?");
	}
	nd_c(nd, ' ');
	PUT(nd, nd_u8(nd, bp + 18), exch_names);
	unsigned flags = nd_u8(nd, bp + 19);
	if (flags) {
		nd_c(nd, '[');
		nd_s(nd, flags & FLAG_E ? "E" : "");
		nd_s(nd, flags & FLAG_C ? "C" : "");
		nd_c(nd, ']');
	}
	if (nd->opt->vflag) {
		nd_c(nd, ':');
		unsigned np = nd_u8(nd, bp + 16);
		if (flags & FLAG_E) {
			nd_s(nd, " [encrypted ");
			put_np(nd, np);
			nd_c(nd, ']');
			return;
		}
		struct ike ike = { .flags = flags, .phase = phase };
		memcpy(ike.ck, bp, 16);
		sub_print(nd, &ike, 0, np, bp + HDR_LEN, 0, 0, 0);
	}
}

static void v2_message(nd_t *nd, const uint8_t *bp)
{
	unsigned phase = nd_be32(nd, bp + 20) == 0 ? 1 : 2;
	nd_s(nd, phase == 1 ? " parent_sa" : " child_sa ");
	nd_c(nd, ' ');
	PUT(nd, nd_u8(nd, bp + 18), exch_names);
	unsigned flags = nd_u8(nd, bp + 19);
	if (flags) {
		nd_c(nd, '[');
		nd_s(nd, flags & FLAG_I ? "I" : "");
		nd_s(nd, flags & FLAG_V ? "V" : "");
		nd_s(nd, flags & FLAG_R ? "R" : "");
		nd_c(nd, ']');
	}
	if (nd->opt->vflag) {
		nd_c(nd, ':');
		unsigned np = nd_u8(nd, bp + 16);
		if (flags & FLAG_E) {
			nd_s(nd, " [encrypted ");
			put_np(nd, np);
			nd_c(nd, ']');
			return;
		}
		struct ike ike = { .flags = flags, .phase = phase };
		memcpy(ike.ck, bp, 16);
		sub_print(nd, &ike, 1, np, bp + HDR_LEN, 0, 0, 0);
	}
}

static void isakmp_message(nd_t *nd, const uint8_t *bp, unsigned length,
                           const struct ip_ctx *ip)
{
	nd_proto(nd, "isakmp");
	esp_sa_init(nd);
	if (!nd_has(nd, bp, HDR_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	nd_s(nd, "isakmp");
	unsigned vers = nd_u8(nd, bp + 17);
	unsigned major = vers >> 4, minor = vers & 15;
	if (nd->opt->vflag) {
		nd_c(nd, ' ');
		nd_u(nd, major);
		nd_c(nd, '.');
		nd_u(nd, minor);
		nd_s(nd, " msgid ");
		hexprint(nd, bp + 20, 4);
	}
	if (nd->opt->vflag > 1) {
		nd_s(nd, " cookie ");
		hexprint(nd, bp, 8);
		nd_s(nd, "->");
		hexprint(nd, bp + 8, 8);
	}
	nd_c(nd, ':');
	if (major != 1 && major != 2)
		return;
	if (major == 1)
		v1_message(nd, bp, ip);
	else
		v2_message(nd, bp);
	if (nd->opt->vflag) {
		uint32_t len = nd_be32(nd, bp + 24);
		if (len != length) {
			nd_s(nd, " (len mismatch: isakmp ");
			nd_u(nd, len);
			nd_s(nd, "/ip ");
			nd_u(nd, length);
			nd_c(nd, ')');
		}
	}
}

void isakmp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport;
	(void)dport;
	isakmp_message(nd, bp, length, ip);
}

void isakmp_rfc3948_print(nd_t *nd, const uint8_t *bp, unsigned length,
                          const struct ip_ctx *ip, unsigned sport,
                          unsigned dport)
{
	(void)sport;
	(void)dport;
	nd_proto(nd, "isakmp_rfc3948");
	if (length == 1 && nd_u8(nd, bp) == 0xff) {
		nd_s(nd, "isakmp-nat-keep-alive");
		return;
	}
	if (length < 4) {
		nd_print_trunc(nd);
		return;
	}
	if (nd_be32(nd, bp) == 0) {
		nd_s(nd, "NONESP-encap: ");
		isakmp_message(nd, bp + 4, length - 4, ip);
		return;
	}
	nd_s(nd, "UDP-encap: ");
	esp_print(nd, bp, length, ip);
}
