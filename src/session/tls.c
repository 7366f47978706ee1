/* tls.c - TLS (and SSLv3) handshakes, on any TCP port: one event per
 * connection when the handshake is over, as EVE's tls events: the SNI the
 * client asked for, the version the server chose, and the server's first
 * certificate (subject, issuer, serial, SHA-1 fingerprint, validity) while
 * it is still sent in the clear (TLS 1.2 and before).  Found by content:
 * a handshake record whose first message is a ClientHello or ServerHello
 * (or an SSLv2-style ClientHello).
 *
 * Records are followed across segments (the 5-byte header, then the body
 * streamed), handshake messages across records; only the messages read
 * (ClientHello, ServerHello, Certificate) are buffered, at most
 * TLS_HS_MAX bytes of each: what is beyond is cut and told ("truncated").
 * A record that is not one (unknown type, version or length), a gap, or
 * the change to encryption ends the parsing of that direction.  The
 * certificate is read by OpenSSL's d2i_X509; one it refuses is told
 * ("cert_invalid") with the fingerprint of its bytes. */
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

#define TLS_HS_MAX 65536           /* bytes of a handshake message kept */
#define TLS_REC_MAX (16384 + 2048) /* a record's length (RFC 5246 6.2.3) */
#define TLS_SNI_MAX 256            /* bytes of the server name kept */
#define TLS_DN_MAX 1024            /* bytes of a subject or issuer kept */
#define TLS_SERIAL_MAX 32          /* bytes of a serial number told */
#define TLS_VERS_MAX 8             /* versions offered, kept */
#define TLS_JA3_MAX 2048           /* bytes of a JA3 or JA3S string kept (the hash is of what is kept) */

struct tls_dir {
	uint8_t rh[5], rhn;   /* the record header being read */
	uint8_t rtype, started, done;
	uint32_t rleft;       /* bytes of the record's body still to come */
	uint8_t hh[4], hhn;   /* the handshake message header being read */
	uint32_t hlen, hgot, keep;
	uint8_t *hbuf;        /* the first keep bytes of the message, when read */
};

struct tls {
	struct tls_dir d[2];
	uint8_t emitted, seen_ch, seen_sh, seen_cert, tls13, sslv2 /* the client's hello was SSLv2's */;
	uint8_t malformed, truncated, gap, cert_invalid, sni_cut;
	uint16_t version, cipher, client_version;
	uint16_t offered[TLS_VERS_MAX];
	uint8_t noffered;
	uint8_t sid[32], sidlen, resumed;
	uint16_t sni_len;
	uint8_t sni[TLS_SNI_MAX];
	uint16_t subject_len, issuer_len;
	char subject[TLS_DN_MAX], issuer[TLS_DN_MAX];
	char serial[TLS_SERIAL_MAX * 3], fingerprint[20 * 3];
	char notbefore[20], notafter[20];
	/* JA3 (the ClientHello) and JA3S (the ServerHello), for the rules'
	 * ja3.hash and ja3s.hash: built only while a rule engine inspects */
	uint16_t ja3_len, ja3s_len;
	char ja3[TLS_JA3_MAX], ja3s[TLS_JA3_MAX];
	char ja3_md5[33], ja3s_md5[33];
};

/* A JA3 string being built: decimal numbers joined by '-' in a field,
 * fields by ','; what does not fit is cut. */
struct ja3b {
	char *s;
	uint16_t *len;
	int first;  /* no number in the current field yet */
};

static void ja3_add(struct ja3b *j, unsigned v)
{
	char d[8];
	int k = 0;
	do
		d[k++] = (char)('0' + v % 10);
	while ((v /= 10) && k < 7);
	if (*j->len + k + 1 >= TLS_JA3_MAX)
		return;
	if (!j->first)
		j->s[(*j->len)++] = '-';
	while (k)
		j->s[(*j->len)++] = d[--k];
	j->first = 0;
}

static void ja3_field(struct ja3b *j)
{
	if (*j->len + 1 < TLS_JA3_MAX)
		j->s[(*j->len)++] = ',';
	j->first = 1;
}

static void ja3_md5(const char *s, size_t n, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned ml = 0;
	static const char hexl[] = "0123456789abcdef";
	out[0] = 0;
	if (!EVP_Digest(s, n, md, &ml, EVP_md5(), NULL) || ml != 16)
		return;
	for (unsigned i = 0; i < 16; i++) {
		out[2 * i] = hexl[md[i] >> 4];
		out[2 * i + 1] = hexl[md[i] & 15];
	}
	out[32] = 0;
}

static unsigned be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be24(const uint8_t *p)
{
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static int tls_detect(const uint8_t *p, size_t n, int dir, unsigned port)
{
	(void)port;
	if (n < 1)
		return -1;
	if (p[0] == 22) {
		/* handshake record, 3.0 to 3.4, whose first message is a hello */
		if ((n >= 2 && p[1] != 3) || (n >= 3 && p[2] > 4))
			return 0;
		if (n >= 5) {
			unsigned len = be16(p + 3);
			if (len < 4 || len > TLS_REC_MAX)
				return 0;
		}
		if (n >= 6 && p[5] != 1 && p[5] != 2)
			return 0;
		if (n >= 9 && be24(p + 6) < 38)
			return 0;
		if ((n >= 10 && p[9] != 3) || (n >= 11 && p[10] > 4))
			return 0;
		return n >= 11 ? 1 : -1;
	}
	if ((p[0] & 0x80) && dir == 0) {
		/* SSLv2's ClientHello: 2-byte length, type 1, version 2 or 3.x */
		if (n < 5)
			return -1;
		unsigned len = (unsigned)(p[0] & 0x7f) << 8 | p[1];
		if (p[2] != 1 || len < 9 || !((p[3] == 0 && p[4] == 2) || (p[3] == 3 && p[4] <= 4)))
			return 0;
		return 1;
	}
	return 0;
}

/* ---- the event ----------------------------------------------------------- */

static const char hexl[] = "0123456789abcdef", hexu[] = "0123456789ABCDEF";

static const char *version_name(unsigned v, char *b)
{
	switch (v) {
	case 0x0002: return "SSLv2";
	case 0x0300: return "SSLv3";
	case 0x0301: return "TLS 1.0";
	case 0x0302: return "TLS 1.1";
	case 0x0303: return "TLS 1.2";
	case 0x0304: return "TLS 1.3";
	}
	/* anything else as 0xNNNN (TLS 1.3 drafts are 0x7fNN) */
	b[0] = '0';
	b[1] = 'x';
	for (int i = 0; i < 4; i++)
		b[2 + i] = hexl[v >> (12 - 4 * i) & 15];
	b[6] = 0;
	return b;
}

static int grease(unsigned v)
{
	return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

static void emit(struct sessions *x, struct sess *ss, const struct stream_ts *ts)
{
	struct tls *t = ss->ps;
	char b[8];
	if (t->emitted)
		return;
	t->emitted = 1;
	if (!ev_on(x))
		return;
	ev_begin(x, ss, ts);
	ev_cstr(x, "version", t->seen_sh ? version_name(t->version, b) : "UNDETERMINED", " ");
	if (t->sni_len)
		ev_str(x, "sni", t->sni, t->sni_len, " sni ");
	if (t->subject_len) {
		ev_str(x, "subject", (const uint8_t *)t->subject, t->subject_len, " subject \"");
		ev_text(x, "\"");
	}
	if (t->issuer_len)
		ev_str(x, "issuerdn", (const uint8_t *)t->issuer, t->issuer_len, NULL);
	if (t->serial[0])
		ev_cstr(x, "serial", t->serial, NULL);
	if (t->fingerprint[0])
		ev_cstr(x, "fingerprint", t->fingerprint, NULL);
	if (t->notbefore[0])
		ev_cstr(x, "notbefore", t->notbefore, NULL);
	if (t->notafter[0])
		ev_cstr(x, "notafter", t->notafter, NULL);
	if (t->resumed && !t->seen_cert && !t->tls13) {
		ev_bool(x, "session_resumed", 1);
		ev_text(x, " resumed");
	}
	if (t->seen_ch) {
		ev_arr_begin(x, "client_versions", NULL);
		/* supported_versions, else the hello's own version */
		for (unsigned i = 0; i < (t->noffered ? t->noffered : 1u); i++) {
			const char *v = version_name(t->noffered ? t->offered[i] : t->client_version, b);
			ev_arr_str(x, (const uint8_t *)v, strlen(v), NULL);
		}
		ev_arr_end(x);
	}
	if (t->sslv2)
		ev_bool(x, "sslv2_hello", 1);
	if (t->seen_sh && t->version != 0x0002)
		ev_u(x, "cipher_suite", t->cipher, NULL);
	if (t->sni_cut)
		ev_bool(x, "sni_truncated", 1);
	if (t->cert_invalid) {
		ev_bool(x, "cert_invalid", 1);
		ev_text(x, " [certificate not parsable]");
	}
	if (t->truncated) {
		ev_bool(x, "truncated", 1);
		ev_text(x, " [truncated]");
	}
	if (t->malformed) {
		ev_bool(x, "malformed", 1);
		ev_text(x, " [malformed]");
	}
	if (t->gap) {
		ev_bool(x, "gap", 1);
		ev_text(x, " [gap]");
	}
	ev_end(x);
}

/* ---- inspection ----------------------------------------------------------- */

/* tls.version's string: "1.0" to "1.3", "3.0" (SSLv3), "2.0" (SSLv2), else
 * the number as 0xNNNN. */
static const char *version_str(unsigned v, char *b)
{
	switch (v) {
	case 0x0002: return "2.0";
	case 0x0300: return "3.0";
	case 0x0301: return "1.0";
	case 0x0302: return "1.1";
	case 0x0303: return "1.2";
	case 0x0304: return "1.3";
	}
	return version_name(v, b);
}

static void set(struct sess_bufs *b, int sb, const void *p, size_t n)
{
	b->p[sb] = p;
	b->n[sb] = (uint32_t)n;
	b->have |= (uint64_t)1 << sb;
}

/* The connection's buffers so far (one transaction, tx_id 0); fresh:
 * those new now.  what: 0 the ClientHello, 1 the ServerHello, 2 the
 * certificate. */
static void inspect(struct sessions *x, struct sess *ss, int what, const struct stream_ts *ts)
{
	struct tls *t = ss->ps;
	struct sess_bufs b;
	char vb[8];
	b.tx_id = 0;
	b.have = 0;
	if (t->sni_len)
		set(&b, SB_TLS_SNI, t->sni, t->sni_len);
	if (t->ja3_md5[0]) {
		set(&b, SB_TLS_JA3_HASH, t->ja3_md5, 32);
		set(&b, SB_TLS_JA3_STRING, t->ja3, t->ja3_len);
	}
	if (what >= 1 && t->seen_sh) {
		const char *v = version_str(t->version, vb);
		set(&b, SB_TLS_VERSION_STR, v, strlen(v));
		if (t->ja3s_md5[0]) {
			set(&b, SB_TLS_JA3S_HASH, t->ja3s_md5, 32);
			set(&b, SB_TLS_JA3S_STRING, t->ja3s, t->ja3s_len);
		}
	}
	uint64_t before = b.have;
	if (what == 2) {
		if (t->subject_len)
			set(&b, SB_TLS_CERT_SUBJECT, t->subject, t->subject_len);
		if (t->issuer_len)
			set(&b, SB_TLS_CERT_ISSUER, t->issuer, t->issuer_len);
		if (t->serial[0])
			set(&b, SB_TLS_CERT_SERIAL, t->serial, strlen(t->serial));
		if (t->fingerprint[0])
			set(&b, SB_TLS_CERT_FINGERPRINT, t->fingerprint, strlen(t->fingerprint));
	}
	b.fresh = what == 0 ? ((uint64_t)1 << SB_TLS_SNI | (uint64_t)1 << SB_TLS_JA3_HASH |
			       (uint64_t)1 << SB_TLS_JA3_STRING)
		: what == 1 ? ((uint64_t)1 << SB_TLS_VERSION_STR | (uint64_t)1 << SB_TLS_JA3S_HASH |
			       (uint64_t)1 << SB_TLS_JA3S_STRING)
		: b.have & ~before;
	b.fresh &= b.have;
	sess_inspect(x, ss, what ? 1 : 0, &b, ts);
}

/* ---- the handshake messages ---------------------------------------------- */

static void hello_extensions(struct tls *t, const uint8_t *b, size_t pos, size_t len, int client)
{
	if (pos + 2 > len)
		return; /* none */
	size_t end = pos + 2 + be16(b + pos);
	pos += 2;
	if (end > len) {
		t->malformed = 1;
		end = len;
	}
	while (pos + 4 <= end) {
		unsigned type = be16(b + pos), elen = be16(b + pos + 2);
		const uint8_t *e = b + pos + 4;
		if (pos + 4 + elen > end) {
			t->malformed = 1;
			return;
		}
		pos += 4 + elen;
		if (type == 0 && client && elen >= 2) {
			/* server_name: a list of (type, name); the first host_name */
			size_t at = 2, lend = 2 + be16(e);
			if (lend > elen)
				lend = elen;
			while (at + 3 <= lend) {
				unsigned nt = e[at], nl = be16(e + at + 1);
				if (at + 3 + nl > lend) {
					t->malformed = 1;
					break;
				}
				if (nt == 0 && !t->sni_len && nl) {
					unsigned k = nl < TLS_SNI_MAX ? nl : TLS_SNI_MAX;
					memcpy(t->sni, e + at + 3, k);
					t->sni_len = (uint16_t)k;
					t->sni_cut = k < nl;
					break;
				}
				at += 3 + nl;
			}
		} else if (type == 43 && client && elen >= 1) {
			/* supported_versions offered */
			size_t vl = e[0];
			if (vl + 1 > elen)
				vl = elen - 1;
			for (size_t i = 0; i + 1 < vl && t->noffered < TLS_VERS_MAX; i += 2) {
				unsigned v = be16(e + 1 + i);
				if (!grease(v))
					t->offered[t->noffered++] = (uint16_t)v;
			}
		} else if (type == 43 && !client && elen == 2) {
			t->version = (uint16_t)be16(e); /* the version chosen */
		}
	}
}

/* ClientHello and ServerHello share their start: version, random,
 * session id; then the client's cipher suites and compression methods, or
 * the server's chosen cipher suite and compression method. */
static void hello(struct tls *t, const uint8_t *b, size_t len, int client)
{
	if (len < 35) {
		t->malformed = 1;
		return;
	}
	unsigned ver = be16(b);
	size_t pos = 34, sl = b[pos];
	if (sl > 32 || pos + 1 + sl > len) {
		t->malformed = 1;
		return;
	}
	const uint8_t *sid = b + pos + 1;
	pos += 1 + sl;
	if (client) {
		t->seen_ch = 1;
		t->client_version = (uint16_t)ver;
		memcpy(t->sid, sid, sl);
		t->sidlen = (uint8_t)sl;
		if (pos + 2 > len || pos + 2 + be16(b + pos) > len) {
			t->malformed = 1;
			return;
		}
		pos += 2 + be16(b + pos);
		if (pos + 1 > len || pos + 1 + b[pos] > len) {
			t->malformed = 1;
			return;
		}
		pos += 1 + b[pos];
	} else {
		t->seen_sh = 1;
		t->version = (uint16_t)ver;
		t->resumed = sl && sl == t->sidlen && !memcmp(sid, t->sid, sl);
		if (pos + 3 > len) {
			t->malformed = 1;
			return;
		}
		t->cipher = (uint16_t)be16(b + pos);
		pos += 3;
	}
	hello_extensions(t, b, pos, len, client);
}

/* JA3 of a ClientHello (client) or JA3S of a ServerHello: the version, the
 * cipher suites (the server's one), the extension types in order, and for
 * the client the supported groups and point formats; GREASE values left
 * out; then its MD5.  Reads the message again, bounded by len. */
static void ja3(struct tls *t, const uint8_t *b, size_t len, int client)
{
	struct ja3b j = { client ? t->ja3 : t->ja3s, client ? &t->ja3_len : &t->ja3s_len, 1 };
	*j.len = 0;
	if (len < 35)
		return;
	ja3_add(&j, be16(b));
	ja3_field(&j);
	size_t pos = 34;
	pos += 1 + b[pos];
	if (client) {
		if (pos + 2 > len)
			return;
		size_t cl = be16(b + pos), end = pos + 2 + cl;
		if (end > len)
			return;
		for (size_t i = pos + 2; i + 1 < end; i += 2)
			if (!grease(be16(b + i)))
				ja3_add(&j, be16(b + i));
		pos = end;
		if (pos + 1 > len || pos + 1 + b[pos] > len)
			return;
		pos += 1 + b[pos];
	} else {
		if (pos + 3 > len)
			return;
		ja3_add(&j, be16(b + pos));
		pos += 3;
	}
	ja3_field(&j);
	const uint8_t *groups = NULL, *formats = NULL;
	size_t ngroups = 0, nformats = 0;
	if (pos + 2 <= len) {
		size_t end = pos + 2 + be16(b + pos);
		if (end > len)
			end = len;
		for (pos += 2; pos + 4 <= end;) {
			unsigned type = be16(b + pos), el = be16(b + pos + 2);
			const uint8_t *e = b + pos + 4;
			if (pos + 4 + el > end)
				break;
			pos += 4 + el;
			if (grease(type))
				continue;
			ja3_add(&j, type);
			if (type == 10 && el >= 2) {
				groups = e + 2;
				ngroups = be16(e) < el - 2 ? be16(e) : el - 2u;
			} else if (type == 11 && el >= 1) {
				formats = e + 1;
				nformats = e[0] < el - 1 ? e[0] : el - 1u;
			}
		}
	}
	if (client) {
		ja3_field(&j);
		for (size_t i = 0; i + 1 < ngroups; i += 2)
			if (!grease(be16(groups + i)))
				ja3_add(&j, be16(groups + i));
		ja3_field(&j);
		for (size_t i = 0; i < nformats; i++)
			ja3_add(&j, formats[i]);
	}
	ja3_md5(j.s, *j.len, client ? t->ja3_md5 : t->ja3s_md5);
}

static void put_time(char *out, const ASN1_TIME *tm)
{
	struct tm v;
	if (!tm || !ASN1_TIME_to_tm(tm, &v))
		return;
	unsigned f[6] = { (unsigned)(v.tm_year + 1900) % 10000, (unsigned)(v.tm_mon + 1) % 100,
			  (unsigned)v.tm_mday % 100, (unsigned)v.tm_hour % 100,
			  (unsigned)v.tm_min % 100, (unsigned)v.tm_sec % 100 };
	char *s = out;
	for (int i = 0; i < 4; i++)
		*s++ = (char)('0' + f[0] / (i == 0 ? 1000 : i == 1 ? 100 : i == 2 ? 10 : 1) % 10);
	static const char seps[] = "--T::";
	for (int i = 1; i < 6; i++) {
		*s++ = seps[i - 1];
		*s++ = (char)('0' + f[i] / 10);
		*s++ = (char)('0' + f[i] % 10);
	}
	*s = 0;
}

/* A distinguished name on one line, "C=US, O=Example, CN=www.example.com"
 * in the certificate's order, UTF-8, RFC 2253's escapes for , + " \ < > ;. */
static uint16_t put_dn(char *out, X509_NAME *nm)
{
	BIO *b = BIO_new(BIO_s_mem());
	if (!b)
		return 0;
	unsigned long fl = (ASN1_STRFLGS_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | XN_FLAG_SEP_CPLUS_SPC |
			   XN_FLAG_FN_SN | XN_FLAG_DUMP_UNKNOWN_FIELDS;
	int k = 0;
	if (X509_NAME_print_ex(b, nm, 0, fl) >= 0)
		k = BIO_read(b, out, TLS_DN_MAX);
	BIO_free(b);
	return (uint16_t)(k > 0 ? k : 0);
}

static void certificate(struct tls *t, const uint8_t *b, size_t len, int cut)
{
	if (t->seen_cert)
		return;
	if (len < 6) {
		if (cut)
			t->truncated = 1;
		else if (len >= 3 && be24(b) == 0)
			return; /* an empty list (no certificate) */
		else
			t->malformed = 1;
		return;
	}
	size_t clen = be24(b + 3);
	if (6 + clen > len) {
		if (cut)
			t->truncated = 1;
		else
			t->malformed = 1;
		return;
	}
	t->seen_cert = 1;
	const uint8_t *der = b + 6;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;
	if (EVP_Digest(der, clen, md, &mdlen, EVP_sha1(), NULL) && mdlen == 20) {
		for (unsigned i = 0; i < 20; i++) {
			t->fingerprint[3 * i] = hexl[md[i] >> 4];
			t->fingerprint[3 * i + 1] = hexl[md[i] & 15];
			t->fingerprint[3 * i + 2] = i < 19 ? ':' : 0;
		}
	}
	const unsigned char *q = der;
	X509 *c = d2i_X509(NULL, &q, (long)clen);
	if (!c) {
		t->cert_invalid = 1;
		return;
	}
	t->subject_len = put_dn(t->subject, X509_get_subject_name(c));
	t->issuer_len = put_dn(t->issuer, X509_get_issuer_name(c));
	const ASN1_INTEGER *sn = X509_get0_serialNumber(c);
	if (sn) {
		const unsigned char *d = ASN1_STRING_get0_data(sn);
		int n = ASN1_STRING_length(sn);
		if (n > TLS_SERIAL_MAX)
			n = TLS_SERIAL_MAX;
		for (int i = 0; i < n; i++) {
			t->serial[3 * i] = hexu[d[i] >> 4];
			t->serial[3 * i + 1] = hexu[d[i] & 15];
			t->serial[3 * i + 2] = i < n - 1 ? ':' : 0;
		}
	}
	put_time(t->notbefore, X509_get0_notBefore(c));
	put_time(t->notafter, X509_get0_notAfter(c));
	X509_free(c);
}

/* The handshake message types read, by direction. */
static int wanted(const struct tls *t, int dir, unsigned type)
{
	if (dir == 0)
		return type == 1;
	return type == 2 || (type == 11 && !t->tls13 && !t->seen_cert);
}

static void hs_message(struct sessions *x, struct sess *ss, int dir, const struct stream_ts *ts)
{
	struct tls *t = ss->ps;
	struct tls_dir *d = &t->d[dir];
	unsigned type = d->hh[0];
	size_t len = d->hlen < d->keep ? d->hlen : d->keep;
	int cut = d->hlen > d->keep;
	if (type == 1 && dir == 0 && d->hbuf) {
		hello(t, d->hbuf, len, 1);
		if (sess_inspecting(x) && t->seen_ch) {
			ja3(t, d->hbuf, len, 1);
			inspect(x, ss, 0, ts);
		}
	} else if (type == 2 && dir == 1 && d->hbuf) {
		hello(t, d->hbuf, len, 0);
		if (sess_inspecting(x) && t->seen_sh) {
			ja3(t, d->hbuf, len, 0);
			inspect(x, ss, 1, ts);
		}
		if (t->version == 0x0304 || (t->version >> 8) == 0x7f) {
			/* TLS 1.3: all that follows is encrypted */
			t->tls13 = 1;
			d->done = 1;
			emit(x, ss, ts);
		}
	} else if (type == 11 && dir == 1 && d->hbuf) {
		int had = t->seen_cert;
		certificate(t, d->hbuf, len, cut);
		if (sess_inspecting(x) && t->seen_cert && !had)
			inspect(x, ss, 2, ts);
	} else if (type == 14 && dir == 1) {
		emit(x, ss, ts); /* ServerHelloDone: the server has said all */
	}
	if (cut && wanted(t, dir, type))
		t->truncated = 1;
	free(d->hbuf);
	d->hbuf = NULL;
	d->hhn = 0;
}

static void handshake(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                      const struct stream_ts *ts)
{
	struct tls *t = ss->ps;
	struct tls_dir *d = &t->d[dir];
	while (n && !d->done) {
		if (d->hhn < 4) {
			d->hh[d->hhn++] = *p++;
			n--;
			if (d->hhn < 4)
				continue;
			d->hlen = be24(d->hh + 1);
			d->hgot = 0;
			d->keep = 0;
			if (wanted(t, dir, d->hh[0])) {
				d->keep = d->hlen < TLS_HS_MAX ? d->hlen : TLS_HS_MAX;
				if (d->keep && !(d->hbuf = malloc(d->keep)))
					d->keep = 0;
			}
			if (!d->hlen)
				hs_message(x, ss, dir, ts);
			continue;
		}
		size_t k = d->hlen - d->hgot;
		if (k > n)
			k = n;
		if (d->hgot < d->keep) {
			size_t c = d->keep - d->hgot < k ? d->keep - d->hgot : k;
			memcpy(d->hbuf + d->hgot, p, c);
		}
		d->hgot += (uint32_t)k;
		p += k;
		n -= k;
		if (d->hgot == d->hlen)
			hs_message(x, ss, dir, ts);
	}
}

/* SSLv2's record header and first message: a ClientHello (type 1) or a
 * ServerHello (type 4), which settles the version as SSLv2. */
static void sslv2(struct tls *t, int dir, const uint8_t *h)
{
	if (dir == 0 && h[2] == 1) {
		t->seen_ch = 1;
		t->sslv2 = 1;
		t->client_version = (uint16_t)be16(h + 3);
	} else if (dir == 1 && h[2] == 4) {
		t->seen_sh = 1;
		t->version = 0x0002;
	} else {
		t->malformed = 1;
	}
}

static void tls_data(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                     const struct stream_ts *ts)
{
	struct tls *t = ss->ps;
	struct tls_dir *d = &t->d[dir & 1];
	dir &= 1;
	while (n && !d->done) {
		if (d->rhn < 5) {
			d->rh[d->rhn++] = *p++;
			n--;
			if (d->rhn < 5)
				continue;
			if (!d->started && (d->rh[0] & 0x80)) {
				sslv2(t, dir, d->rh);
				d->done = 1;
				if (dir == 1)
					emit(x, ss, ts);
				break;
			}
			d->started = 1;
			unsigned type = d->rh[0], len = be16(d->rh + 3);
			if (type < 20 || type > 24 || d->rh[1] != 3 || d->rh[2] > 4 || !len ||
			    len > TLS_REC_MAX) {
				t->malformed = 1;
				d->done = 1;
				break;
			}
			d->rtype = (uint8_t)type;
			d->rleft = len;
			if (type == 20 || type == 23) {
				/* ChangeCipherSpec or application data: encrypted from
				 * here on; the handshake is over once the server has
				 * spoken */
				d->done = 1;
				if (dir == 1 || t->seen_sh || type == 23)
					emit(x, ss, ts);
				break;
			}
			continue;
		}
		size_t k = d->rleft < n ? d->rleft : n;
		if (d->rtype == 22)
			handshake(x, ss, dir, p, k, ts);
		p += k;
		n -= k;
		d->rleft -= (uint32_t)k;
		if (!d->rleft)
			d->rhn = 0;
	}
}

static void tls_gap(struct sessions *x, struct sess *ss, int dir, uint64_t n,
                    const struct stream_ts *ts)
{
	struct tls *t = ss->ps;
	struct tls_dir *d = &t->d[dir & 1];
	(void)x;
	(void)n;
	(void)ts;
	if (d->done)
		return;
	/* the records' framing is lost: nothing more is read this way */
	free(d->hbuf);
	d->hbuf = NULL;
	d->done = 1;
	if (!t->emitted)
		t->gap = 1;
}

static void tls_close(struct sessions *x, struct sess *ss)
{
	struct tls *t = ss->ps;
	struct stream_ts ts = ss->s->last;
	for (int i = 0; i < 2; i++) {
		struct tls_dir *d = &t->d[i];
		if (d->hbuf && wanted(t, i, d->hh[0]))
			t->truncated = 1; /* a message read cut by the end */
		free(d->hbuf);
		d->hbuf = NULL;
	}
	emit(x, ss, &ts);
}

const struct app app_tls = {
	.name = "tls",
	.transports = APP_TCP,
	.detect = tls_detect,
	.state_size = sizeof(struct tls),
	.data = tls_data,
	.gap = tls_gap,
	.close = tls_close,
};
