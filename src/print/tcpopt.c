/* tcpopt.c - the TCP options beyond mss/wscale/sack/timestamps (MD5
 * signature, SCPS, user timeout, TCP-AO, Fast Open, experimental), and RST
 * payload text. */
#include <string.h>

#include <openssl/evp.h>

#include "print.h"
#include "tcp.h"

#define TCPOPT_MD5 19
#define TCPOPT_SCPS 20
#define TCPOPT_UTO 28
#define TCPOPT_AO 29
#define TCPOPT_MPTCP 30
#define TCPOPT_TFO 34
#define TCPOPT_EXP 254
#define TFO_EXP_MAGIC 0xf989
#define MD5_SIGLEN 16

static void put_hex_bytes(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_x(nd->out, nd_u8(nd, p + i), 2);
}

/* RFC 7413 cookie (or request for one); n bytes of cookie at p. */
static void tfo_body(nd_t *nd, const uint8_t *p, unsigned n)
{
	if (n == 0) {
		nd_s(nd, " cookiereq");
	} else if (n % 2 != 0 || n < 4 || n > 16) {
		nd_s(nd, " (invalid)");
	} else {
		nd_s(nd, " cookie ");
		put_hex_bytes(nd, p, n);
	}
}

/* RFC 2385: MD5 over the pseudo-header, the fixed TCP header with a zero
 * checksum, the payload and the -M secret.  The caller checked that the
 * whole segment was captured. */
static int md5_sig_ok(nd_t *nd, const uint8_t *sig,
                      const struct tcp_opt_ctx *oc)
{
	const struct ip_ctx *ip = oc->ip;
	const char *key = nd->opt->msecret;
	uint8_t ph[40], hdr[20], dig[EVP_MAX_MD_SIZE];
	unsigned phl, dl = 0;
	if (ip->ver == 6) {
		memcpy(ph, ip->src, 16);
		memcpy(ph + 16, ip->dst, 16);
		ph[32] = (uint8_t)(oc->length >> 24);
		ph[33] = (uint8_t)(oc->length >> 16);
		ph[34] = (uint8_t)(oc->length >> 8);
		ph[35] = (uint8_t)oc->length;
		ph[36] = ph[37] = ph[38] = 0;
		ph[39] = 6;
		phl = 40;
	} else {
		memcpy(ph, ip->src, 4);
		memcpy(ph + 4, ip->dst, 4);
		ph[8] = 0;
		ph[9] = 6;
		ph[10] = (uint8_t)(oc->length >> 8);
		ph[11] = (uint8_t)oc->length;
		phl = 12;
	}
	memcpy(hdr, oc->tcp, 20);
	hdr[16] = hdr[17] = 0;
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	if (!c)
		return 0;
	int ok = EVP_DigestInit_ex(c, EVP_md5(), NULL) &&
		 EVP_DigestUpdate(c, ph, phl) &&
		 EVP_DigestUpdate(c, hdr, 20) &&
		 EVP_DigestUpdate(c, oc->tcp + oc->hlen, oc->length - oc->hlen) &&
		 EVP_DigestUpdate(c, key, strlen(key)) &&
		 EVP_DigestFinal_ex(c, dig, &dl);
	EVP_MD_CTX_free(c);
	return ok && dl == MD5_SIGLEN && memcmp(dig, sig, MD5_SIGLEN) == 0;
}

/* The option needs n data bytes: they must lie within the option space
 * (room) and have been captured. */
static int need(nd_t *nd, const uint8_t *cp, unsigned n, unsigned room)
{
	if (n > room)
		return TCPOPT_BAD;
	if (!nd_has(nd, cp, n))
		return TCPOPT_TRUNC;
	return 0;
}

#define NEED(n) do { int r_ = need(nd, cp, (n), room); if (r_) return r_; } while (0)

int tcp_option_extra(nd_t *nd, unsigned opt, const uint8_t *cp, unsigned len,
                     unsigned room, const struct tcp_opt_ctx *oc,
                     unsigned *datalen)
{
	unsigned n;
	switch (opt) {
	case TCPOPT_MD5:
		n = MD5_SIGLEN;
		NEED(n);
		nd_c(nd, ' ');
		if (!nd_has(nd, oc->tcp, oc->length)) {
			nd_s(nd, "snaplen too short, can't check - ");
			put_hex_bytes(nd, cp, n);
		} else if (!nd->opt->msecret) {
			nd_s(nd, "shared secret not supplied with -M, can't check - ");
			put_hex_bytes(nd, cp, n);
		} else if (md5_sig_ok(nd, cp, oc)) {
			nd_s(nd, "valid");
		} else {
			nd_s(nd, " (invalid)");
		}
		*datalen = n;
		return 1;
	case TCPOPT_SCPS:
		NEED(2);
		{
			unsigned v0 = nd_u8(nd, cp);
			unsigned v1 = nd_u8(nd, cp + 1);
			nd_s(nd, " cap ");
			out_x2(nd->out, v0);
			nd_s(nd, " id ");
			nd_u(nd, v1);
		}
		*datalen = 2;
		return 1;
	case TCPOPT_UTO: {
		NEED(2);
		unsigned v = nd_be16(nd, cp);
		nd_s(nd, " 0x");
		out_x(nd->out, v, 0);
		/* low bit: granularity minutes, else seconds */
		nd_c(nd, ' ');
		nd_u(nd, (v & 1) ? (v >> 1) * 60 : v >> 1);
		*datalen = 2;
		return 1;
	}
	case TCPOPT_AO:
		n = len - 2;
		if (n < 2) {
			nd_s(nd, " (invalid)");
		} else {
			NEED(1);
			{
				unsigned v0 = nd_u8(nd, cp);
				nd_s(nd, " keyid ");
				nd_u(nd, v0);
			}
			NEED(2);
			{
				unsigned v0 = nd_u8(nd, cp + 1);
				nd_s(nd, " rnextkeyid ");
				nd_u(nd, v0);
			}
			if (n > 2) {
				nd_s(nd, " mac 0x");
				for (unsigned i = 2; i < n; i++) {
					NEED(i + 1);
					out_x(nd->out, cp[i], 2);
				}
			}
		}
		*datalen = n;
		return 1;
	case TCPOPT_MPTCP:
		n = len - 2;
		NEED(n);
		nd_proto(nd, "mptcp");
		if (!mptcp_print(nd, cp - 2, len, oc->flags))
			return TCPOPT_BAD;
		*datalen = n;
		return 1;
	case TCPOPT_TFO:
		n = len - 2;
		NEED(n);
		nd_c(nd, ' ');
		tfo_body(nd, cp, n);
		*datalen = n;
		return 1;
	case TCPOPT_EXP: {
		n = len - 2;
		NEED(n);
		if (n < 2)
			return TCPOPT_BAD;
		unsigned magic = nd_be16(nd, cp);
		if (magic == TFO_EXP_MAGIC) {
			nd_s(nd, "-tfo");
			tfo_body(nd, cp + 2, n - 2);
		} else {
			nd_c(nd, '-');
			out_x(nd->out, magic, 4);
		}
		*datalen = n;
		return 1;
	}
	}
	return 0;
}

void tcp_rst_data_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_s(nd, nd_has(nd, p, len) ? " [RST" : " [!RST");
	if (len > 30) {
		len = 30;
		nd_c(nd, '+');
	}
	nd_c(nd, ' ');
	nd_print_chars(nd, p, len);
	nd_c(nd, ']');
}
