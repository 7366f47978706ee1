/* esp.c - ESP (RFC 4303): SPI and sequence number, and with -E the
 * decryption of the payload (OpenSSL libcrypto) and the printing of what it
 * carries.
 *
 * -E takes comma- or newline-separated SAs:
 *     spi@dstaddr algo:secret   (an SA for one SPI and destination)
 *     algo:secret               (the default SA, used when none matches)
 *     file PATH                 (a file of such lines; '#' starts a comment)
 *     ikev2 I|R 0xSPIi 0xSPIr authalgo:key encalgo:key   (IKEv2 payloads)
 * algo is an OpenSSL cipher name, optionally with "-cbc" and "-hmac96"
 * (12 bytes of ICV) suffixes; secret is 0x-prefixed hex or plain text.
 * As in tcpdump, the text is decoded at the first ESP or ISAKMP packet;
 * an unusable SA is skipped with a warning, and only a malformed hex secret
 * or an unreadable file stops the run. */
#include <arpa/inet.h>
#include <errno.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/provider.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ipsec.h"

#define EXIT_ESP_SECRET 15 /* tcpdump's status for a bad hex digit */
#define EXIT_OPEN_FILE 13  /* ... and for an unreadable secrets file */
#define MAX_FILE_NESTING 8

struct esp_state *esp_state_new(const struct options *opt)
{
	struct esp_state *st = calloc(1, sizeof *st);
	if (!st)
		return NULL;
	st->def = -1;
	st->pending = opt->espsecret;
	if (st->pending) {
		/* des-cbc and friends live in the legacy provider since
		 * OpenSSL 3; keep the default provider loaded as well. */
		OSSL_PROVIDER_try_load(NULL, "legacy", 1);
		/* the name tcpdump users write for triple DES */
		EVP_add_cipher_alias(SN_des_ede3_cbc, "3des");
	}
	return st;
}

void esp_state_free(struct esp_state *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < ESP_BUFS; i++)
		free(st->buf[i]);
	free(st->sa);
	free(st);
}

static void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("trawl: WARNING: -E: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* What has been printed so far goes out (as tcpdump's would), then the run
 * ends with tcpdump's status. */
static _Noreturn void fatal(nd_t *nd, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static _Noreturn void fatal(nd_t *nd, int status, const char *fmt, ...)
{
	va_list ap;
	out_flush(nd->out);
	va_start(ap, fmt);
	fputs("trawl: -E: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(status);
}

static int hexval(nd_t *nd, char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	fatal(nd, EXIT_ESP_SECRET, "invalid hex digit %c in espsecret", c);
}

/* Pairs of hex digits into out; a trailing odd digit is ignored.  Returns
 * the byte count, 0 when the text does not fit. */
static unsigned decode_hex(nd_t *nd, uint8_t *out, size_t cap, const char *hex)
{
	size_t n = strlen(hex) / 2;
	if (n > cap) {
		warn("secret is too big: %zu", n);
		return 0;
	}
	unsigned i = 0;
	while (hex[0] && hex[1]) {
		out[i++] = (uint8_t)(hexval(nd, hex[0]) << 4 | hexval(nd, hex[1]));
		hex += 2;
	}
	return i;
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a > b && strcmp(s + a - b, suf) == 0;
}

/* "algo:secret" into sa; 0 when unusable. */
static int decode_encalgo(nd_t *nd, char *text, struct esp_sa *sa)
{
	char *colon = strchr(text, ':');
	if (!colon) {
		warn("failed to decode espsecret: %s", text);
		return 0;
	}
	*colon = 0;
	unsigned authlen = 0;
	if (ends_with(text, "-hmac96")) {
		*strstr(text, "-hmac96") = 0;
		authlen = 12;
	}
	if (ends_with(text, "-cbc"))
		*strstr(text, "-cbc") = 0;
	const EVP_CIPHER *evp = EVP_get_cipherbyname(text);
	if (!evp) {
		warn("failed to find cipher algo %s", text);
		sa->evp = NULL;
		sa->authlen = sa->ivlen = 0;
		return 0;
	}
	sa->evp = (const struct evp_cipher_st *)evp;
	sa->authlen = authlen;
	int iv = EVP_CIPHER_iv_length(evp);
	sa->ivlen = iv > 0 ? (unsigned)iv : 0;
	const char *key = colon + 1;
	if (key[0] == '0' && key[1] == 'x') {
		sa->secretlen = decode_hex(nd, sa->secret, sizeof sa->secret, key + 2);
		if (sa->secretlen == 0)
			return 0;
	} else {
		size_t n = strlen(key);
		if (n > sizeof sa->secret)
			n = sizeof sa->secret;
		memcpy(sa->secret, key, n);
		sa->secretlen = (unsigned)n;
	}
	return 1;
}

static void add_sa(struct esp_state *st, const struct esp_sa *sa, int is_default)
{
	if (st->nsa == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 8;
		struct esp_sa *n = realloc(st->sa, cap * sizeof *n);
		if (!n) {
			warn("out of memory for SAs");
			return;
		}
		st->sa = n;
		st->cap = cap;
	}
	st->sa[st->nsa] = *sa;
	if (is_default)
		st->def = (long)st->nsa;
	st->nsa++;
}

/* "ikev2 I|R 0xSPIi 0xSPIr authalgo:key encalgo:key" (after "ikev2"). */
static void decode_ikeline(nd_t *nd, char *line, const char *file, unsigned lineno)
{
	char *f[5];
	for (int i = 0; i < 5; i++)
		f[i] = line ? strsep(&line, " \t") : NULL;
	if (!f[0] || !f[1] || !f[2] || !f[3] || !f[4]) {
		warn("failed to find all fields for ikev2 at %s:%u", file, lineno);
		return;
	}
	if ((f[0][0] != 'I' && f[0][0] != 'R') || strncmp(f[1], "0x", 2) != 0 ||
	    strncmp(f[2], "0x", 2) != 0 || strlen(f[1]) != 18 || strlen(f[2]) != 18) {
		warn("line %s:%u improperly formatted", file, lineno);
		return;
	}
	struct esp_sa sa;
	memset(&sa, 0, sizeof sa);
	sa.initiator = f[0][0] == 'I';
	if (decode_hex(nd, sa.spii, sizeof sa.spii, f[1] + 2) != 8 ||
	    decode_hex(nd, sa.spir, sizeof sa.spir, f[2] + 2) != 8)
		return;
	if (!decode_encalgo(nd, f[4], &sa))
		return;
	char *colon = strchr(f[3], ':');
	if (!colon) {
		warn("failed to decode espsecret: %s", f[3]);
		return;
	}
	*colon = 0;
	if (strcasecmp(f[3], "sha1") == 0 || strcasecmp(f[3], "md5") == 0)
		sa.authlen = 12;
	add_sa(nd->esp, &sa, 0);
}

static void decode_one(nd_t *nd, char *line, const char *file, unsigned lineno,
                       int nesting);

static void decode_file(nd_t *nd, const char *name, int nesting)
{
	if (nesting >= MAX_FILE_NESTING) {
		warn("%s: secrets files nested too deeply", name);
		return;
	}
	FILE *f = fopen(name, "r");
	if (!f)
		fatal(nd, EXIT_OPEN_FILE, "can't open %s: %s", name, strerror(errno));
	char line[1024];
	unsigned lineno = 0;
	while (fgets(line, sizeof line - 1, f)) {
		lineno++;
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		if (line[0] == '#' || line[0] == 0)
			continue;
		decode_one(nd, line, name, lineno, nesting + 1);
	}
	fclose(f);
}

static void decode_one(nd_t *nd, char *line, const char *file, unsigned lineno,
                       int nesting)
{
	char *first = strsep(&line, " \t");
	char *decode;
	int is_default = 0;
	struct esp_sa sa;
	memset(&sa, 0, sizeof sa);
	if (!line) { /* a single token: algo:secret, the default SA */
		decode = first;
		first = NULL;
		is_default = 1;
	} else {
		decode = line;
	}
	if (first && strcasecmp(first, "file") == 0) {
		decode_file(nd, line, nesting);
		return;
	}
	if (first && strcasecmp(first, "ikev2") == 0) {
		decode_ikeline(nd, line, file, lineno);
		return;
	}
	if (first) {
		char *at = first;
		char *spistr = strsep(&at, "@");
		char *endp;
		unsigned long spi = strtoul(spistr, &endp, 0);
		if (endp == spistr || !at) {
			warn("failed to decode spi# %s", endp);
			return;
		}
		sa.spi = (uint32_t)spi;
		if (inet_pton(AF_INET6, at, sa.daddr) == 1) {
			sa.daddr_len = 16;
		} else if (inet_pton(AF_INET, at, sa.daddr) == 1) {
			sa.daddr_len = 4;
		} else {
			warn("can not decode IP# %s", at);
			return;
		}
	}
	if (decode) {
		while (*decode == ' ' || *decode == '\t' || *decode == '\r' ||
		       *decode == '\n')
			decode++;
		if (!decode_encalgo(nd, decode, &sa))
			return;
	}
	add_sa(nd->esp, &sa, is_default);
}

void esp_sa_init(nd_t *nd)
{
	struct esp_state *st = nd->esp;
	if (!st || st->nsa || !st->pending)
		return;
	char *copy = strdup(st->pending);
	st->pending = NULL;
	if (!copy) {
		warn("out of memory");
		return;
	}
	char *p = copy;
	while (p && *p) {
		char *line = strsep(&p, "\n,");
		decode_one(nd, line, "cmdline", 0, 0);
	}
	free(copy);
}

/* Decrypts len bytes at ct (captured) into the buffer of this nesting depth;
 * NULL (after a warning where tcpdump gives one) when it cannot. */
static uint8_t *decrypt(nd_t *nd, const char *who, const struct esp_sa *sa,
                        const uint8_t *iv, const uint8_t *ct, size_t len)
{
	struct esp_state *st = nd->esp;
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	if (!ctx) {
		warn("%s: can't allocate memory for cipher context", who);
		return NULL;
	}
	uint8_t *out = NULL;
	if (EVP_CipherInit_ex(ctx, (const EVP_CIPHER *)sa->evp, NULL, sa->secret,
			      NULL, 0) != 1) {
		warn("%s: espkey init failed (cipher unavailable?)", who);
		goto done;
	}
	if (EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, 0) != 1) {
		warn("%s: IV init failed", who);
		goto done;
	}
	int bs = EVP_CIPHER_CTX_block_size(ctx);
	if (bs <= 0 || len % (unsigned)bs) {
		warn("%s: ciphertext size %zu is not a multiple of the cipher block size %d",
		     who, len, bs);
		goto done;
	}
	unsigned slot = nd->depth < ESP_BUFS ? nd->depth : ESP_BUFS - 1;
	size_t need = len ? len : 1;
	if (st->bufcap[slot] < need) {
		uint8_t *b = realloc(st->buf[slot], need);
		if (!b) {
			warn("%s: can't allocate memory for decryption buffer", who);
			goto done;
		}
		st->buf[slot] = b;
		st->bufcap[slot] = need;
	}
	int outl = 0;
	EVP_CIPHER_CTX_set_padding(ctx, 0);
	if (len && EVP_DecryptUpdate(ctx, st->buf[slot], &outl, ct, (int)len) != 1) {
		warn("%s: EVP_DecryptUpdate failed", who);
		goto done;
	}
	out = st->buf[slot];
done:
	EVP_CIPHER_CTX_free(ctx);
	return out;
}

const uint8_t *esp_ikev2_decrypt(nd_t *nd, int initiator, const uint8_t *spii,
                                 const uint8_t *spir, const uint8_t *buf,
                                 const uint8_t *end, size_t *len)
{
	struct esp_state *st = nd->esp;
	if (!st)
		return NULL;
	initiator = initiator != 0;
	const struct esp_sa *sa = NULL;
	for (size_t i = st->nsa; i-- > 0;) {
		const struct esp_sa *s = &st->sa[i];
		if (s->initiator == initiator && memcmp(spii, s->spii, 8) == 0 &&
		    memcmp(spir, s->spir, 8) == 0) {
			sa = s;
			break;
		}
	}
	if (!sa || !sa->evp)
		return NULL;
	if (end - buf < (ptrdiff_t)(sa->ivlen + sa->authlen) + 1)
		return NULL;
	end -= sa->authlen;
	const uint8_t *ct = buf + sa->ivlen;
	size_t ctlen = (size_t)(end - ct);
	if (!nd_has(nd, buf, (size_t)(end - buf)))
		return NULL;
	const uint8_t *pt = decrypt(nd, "esp_decrypt_buffer_by_ikev2_print", sa,
				    buf, ct, ctlen);
	if (pt)
		*len = ctlen;
	return pt;
}

void ipsec_demux(nd_t *nd, const uint8_t *p, unsigned len,
                 const struct ip_ctx *ip, unsigned nh)
{
	struct ip_ctx in = *ip;
	in.len = len;
	/* Transport printers that show addresses only when the IP header's
	 * own protocol field names them (as in tcpdump) keep that field,
	 * which here says ESP, AH or UDP; everything else goes through the
	 * IP demultiplexer with the payload's protocol. */
	if (nh == 6 || nh == 17 || nh == 33 || nh == 132) {
		ipproto_fn fn = dispatch_ipproto(nh);
		if (fn && nd->depth < ND_MAX_DEPTH) {
			nd->depth++;
			fn(nd, p, len, &in);
			nd->depth--;
			return;
		}
	}
	in.nh = nh;
	ip_demux(nd, p, len, &in);
}

void esp_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip)
{
	nd_proto(nd, "esp");
	/* tcpdump wants more than the 8-byte header */
	if (!nd_has(nd, bp, 9)) {
		nd_print_trunc(nd);
		return;
	}
	uint32_t spi = nd_be32(nd, bp);
	nd_s(nd, "ESP(spi=0x");
	out_x(nd->out, spi, 8);
	nd_s(nd, ",seq=0x");
	out_x(nd->out, nd_be32(nd, bp + 4), 0);
	nd_s(nd, "), length ");
	nd_u(nd, length);

	struct esp_state *st = nd->esp;
	if (!st)
		return;
	if (!st->nsa) {
		if (!st->pending)
			return;
		esp_sa_init(nd);
		if (!st->nsa)
			return;
	}

	const struct esp_sa *sa = NULL;
	unsigned alen;
	if (ip->ver == 6) {
		if (nd_be16(nd, ip->hdr + 4) == 0)
			return; /* no decryption of jumbograms */
		alen = 16;
	} else if (ip->ver == 4) {
		if (ip->fragmented)
			return; /* pad and next header are in the last fragment */
		alen = 4;
	} else {
		return;
	}
	for (size_t i = st->nsa; i-- > 0;) {
		const struct esp_sa *s = &st->sa[i];
		if (s->spi == spi && s->daddr_len == alen &&
		    nd_has(nd, ip->dst, alen) && memcmp(s->daddr, ip->dst, alen) == 0) {
			sa = s;
			break;
		}
	}
	if (!sa && st->def >= 0)
		sa = &st->sa[st->def];
	if (!sa)
		return;

	const uint8_t *iv = bp + 8;
	const uint8_t *end = nd->end;
	if (end - iv < (ptrdiff_t)sa->ivlen ||
	    (size_t)(end - iv) - sa->ivlen < sa->authlen) {
		nd_print_trunc(nd);
		return;
	}
	const uint8_t *ct = iv + sa->ivlen;
	end -= sa->authlen;
	size_t ctlen = (size_t)(end - ct);
	if (!sa->evp)
		return;
	if (!nd_has(nd, end - 1, 1)) {
		nd_print_trunc(nd);
		return;
	}
	const uint8_t *pt = decrypt(nd, "esp_print", sa, iv, ct, ctlen);
	if (!pt)
		return;
	if (ctlen < 2) {
		nd_print_trunc(nd);
		return;
	}
	unsigned padlen = pt[ctlen - 2];
	if (padlen + 2 > ctlen) {
		nd_print_trunc(nd);
		return;
	}
	unsigned nh = pt[ctlen - 1];
	nd_s(nd, ": ");
	size_t plen = ctlen - (padlen + 2);
	const uint8_t *save_pkt = nd->pkt, *save_end = nd->end;
	nd->pkt = pt;
	nd->end = pt + plen;
	ipsec_demux(nd, pt, (unsigned)plen, ip, nh);
	nd->pkt = save_pkt;
	nd->end = save_end;
}
