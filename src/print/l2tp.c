/* l2tp.c - L2TPv2 (RFC 2661) on UDP 1701: header flags, tunnel/session
 * IDs, sequence numbers, and either the control message's AVPs or the PPP
 * frame of a data message. */
#include "print.h"

#define FLAG_T 0x8000
#define FLAG_L 0x4000
#define FLAG_S 0x0800
#define FLAG_O 0x0200
#define FLAG_P 0x0100

#define AVP_M 0x8000
#define AVP_H 0x4000
#define AVP_LEN 0x03ff

static const char *const avp_names[] = {
	"MSGTYPE", "RESULT_CODE", "PROTO_VER", "FRAMING_CAP", "BEARER_CAP",
	"TIE_BREAKER", "FIRM_VER", "HOST_NAME", "VENDOR_NAME", "ASSND_TUN_ID",
	"RECV_WIN_SIZE", "CHALLENGE", "Q931_CC", "CHALLENGE_RESP",
	"ASSND_SESS_ID", "CALL_SER_NUM", "MINIMUM_BPS", "MAXIMUM_BPS",
	"BEARER_TYPE", "FRAMING_TYPE", "PACKET_PROC_DELAY", "CALLED_NUMBER",
	"CALLING_NUMBER", "SUB_ADDRESS", "TX_CONN_SPEED", "PHY_CHANNEL_ID",
	"INI_RECV_LCP", "LAST_SENT_LCP", "LAST_RECV_LCP", "PROXY_AUTH_TYPE",
	"PROXY_AUTH_NAME", "PROXY_AUTH_CHAL", "PROXY_AUTH_ID",
	"PROXY_AUTH_RESP", "CALL_ERRORS", "ACCM", "RANDOM_VECTOR",
	"PRIVATE_GRP_ID", "RX_CONN_SPEED", "SEQ_REQUIRED",
};

static const char *const msgtype_names[] = {
	NULL, "SCCRQ", "SCCRP", "SCCCN", "StopCCN", NULL, "HELLO", "OCRQ",
	"OCRP", "OCCN", "ICRQ", "ICRP", "ICCN", NULL, "CDN", "WEN", "SLI",
};

static const char *const authtype_names[] = {
	"Reserved", "Textual", "CHAP", "PAP", "No Auth", "MSCHAPv1",
};

static const char *const direction_names[] = {
	"global error", "at peer", "at local",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void put_tok(nd_t *nd, unsigned v, const char *const *tab, size_t n,
                    const char *unknown)
{
	if (v < n && tab[v])
		nd_s(nd, tab[v]);
	else
		nd_printf(nd, "%s%u", unknown, v);
}

static void too_short(nd_t *nd)
{
	nd_s(nd, "AVP too short");
}

static void octets(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_x(nd->out, nd_u8(nd, p + i), 2);
}

static void string(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		nd_print_char(nd, nd_u8(nd, p + i));
}

static uint32_t be32_halves(nd_t *nd, const uint8_t *p)
{
	return (uint32_t)nd_be16(nd, p) << 16 | nd_be16(nd, p + 2);
}

/* The value of IETF attribute type at p, n bytes. */
static void avp_value(nd_t *nd, unsigned type, const uint8_t *p, unsigned n)
{
	switch (type) {
	case 0: /* message type */
		if (n < 2)
			{ too_short(nd); return; }
		put_tok(nd, nd_be16(nd, p), msgtype_names, N(msgtype_names),
			"MSGTYPE-#");
		break;
	case 1: /* result code */
		if (n < 2)
			{ too_short(nd); return; }
		nd_u(nd, nd_be16(nd, p));
		if (n == 2)
			break;
		if (n < 4) {
			nd_s(nd, " AVP too short");
			break;
		}
		nd_printf(nd, "/%u", nd_be16(nd, p + 2));
		if (n == 4)
			break;
		nd_c(nd, ' ');
		string(nd, p + 4, n - 4);
		break;
	case 2: /* protocol version */
		if (n < 2)
			{ too_short(nd); return; }
		nd_printf(nd, "%u.%u", nd_u8(nd, p), nd_u8(nd, p + 1));
		break;
	case 3: /* framing capabilities */
	case 19: { /* framing type */
		if (n < 4)
			{ too_short(nd); return; }
		uint32_t v = nd_be32(nd, p);
		if (v & 2)
			nd_c(nd, 'A');
		if (v & 1)
			nd_c(nd, 'S');
		break;
	}
	case 4: /* bearer capabilities */
	case 18: { /* bearer type */
		if (n < 4)
			{ too_short(nd); return; }
		uint32_t v = nd_be32(nd, p);
		if (v & 2)
			nd_c(nd, 'A');
		if (v & 1)
			nd_c(nd, 'D');
		break;
	}
	case 5: /* tie breaker */
		if (n < 8)
			{ too_short(nd); return; }
		octets(nd, p, 8);
		break;
	case 6: case 9: case 10: case 14: /* 16-bit values */
		if (n < 2)
			{ too_short(nd); return; }
		nd_u(nd, nd_be16(nd, p));
		break;
	case 7: case 8: case 21: case 22: case 23: case 30: case 37:
		string(nd, p, n);
		break;
	case 11: case 26: case 27: case 28: case 31: case 33: case 36:
		octets(nd, p, n);
		break;
	case 12: /* Q.931 cause code */
		if (n < 3)
			{ too_short(nd); return; }
		nd_u(nd, nd_be16(nd, p));
		nd_printf(nd, ", %02x", nd_u8(nd, p + 2));
		if (n > 3) {
			nd_c(nd, ' ');
			string(nd, p + 3, n - 3);
		}
		break;
	case 13: /* challenge response */
		if (n < 16)
			{ too_short(nd); return; }
		octets(nd, p, 16);
		break;
	case 15: case 16: case 17: case 24: case 25: case 38: /* 32-bit */
		if (n < 4)
			{ too_short(nd); return; }
		nd_u(nd, nd_be32(nd, p));
		break;
	case 20:
		nd_s(nd, "obsolete");
		break;
	case 29: /* proxy authen type */
		if (n < 2)
			{ too_short(nd); return; }
		put_tok(nd, nd_be16(nd, p), authtype_names, N(authtype_names),
			"AuthType-#");
		break;
	case 32: /* proxy authen ID */
		if (n < 2)
			{ too_short(nd); return; }
		nd_u(nd, nd_be16(nd, p) & 0xff);
		break;
	case 34: { /* call errors */
		static const char *const labels[] = {
			"CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout",
			"AlignErr",
		};
		if (n < 2)
			{ too_short(nd); return; }
		p += 2;
		n -= 2;
		for (size_t i = 0; i < N(labels); i++) {
			if (n < 4)
				{ too_short(nd); return; }
			nd_printf(nd, "%s=%u ", labels[i], be32_halves(nd, p));
			p += 4;
			n -= 4;
		}
		break;
	}
	case 35: /* ACCM */
		if (n < 2)
			{ too_short(nd); return; }
		p += 2;
		n -= 2;
		if (n < 4)
			{ too_short(nd); return; }
		nd_printf(nd, "send=%08x ", be32_halves(nd, p));
		p += 4;
		n -= 4;
		if (n < 4)
			{ too_short(nd); return; }
		nd_printf(nd, "recv=%08x ", be32_halves(nd, p));
		break;
	case 46: /* PPP disconnect cause code */
		if (n < 5)
			{ too_short(nd); return; }
		nd_printf(nd, "%04x, ", nd_be16(nd, p));
		nd_printf(nd, "%04x ", nd_be16(nd, p + 2));
		put_tok(nd, nd_u8(nd, p + 4), direction_names,
			N(direction_names), "Direction-#");
		if (n > 5) {
			nd_c(nd, ' ');
			string(nd, p + 5, n - 5);
		}
		break;
	}
}

static void avps_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	while (length > 0) {
		nd_c(nd, ' ');
		unsigned hdr = nd_be16(nd, p);
		unsigned len = hdr & AVP_LEN;
		if (len < 6 || len > length || !nd_has(nd, p, len)) {
			nd_print_trunc(nd);
			return;
		}
		if (hdr & AVP_M)
			nd_c(nd, '*');
		if (hdr & AVP_H)
			nd_c(nd, '?');
		unsigned vendor = nd_be16(nd, p + 2);
		unsigned type = nd_be16(nd, p + 4);
		if (vendor) {
			nd_printf(nd, "VENDOR%04x:ATTR%04x(", vendor, type);
			octets(nd, p + 6, len - 6);
			nd_c(nd, ')');
		} else {
			if (type == 46)
				nd_s(nd, "PPP_DISCON_CC");
			else
				put_tok(nd, type, avp_names, N(avp_names), "AVP-#");
			nd_c(nd, '(');
			if (hdr & AVP_H)
				nd_s(nd, "???");
			else
				avp_value(nd, type, p + 6, len - 6);
			nd_c(nd, ')');
		}
		p += len;
		length -= len;
	}
}

void l2tp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	(void)sport;
	(void)dport;
	nd_proto(nd, "l2tp");
	unsigned flags = nd_be16(nd, bp);
	switch (flags & 0x000f) {
	case 2:
		nd_s(nd, " l2tp:");
		break;
	case 1:
		nd_s(nd, " l2f:");
		return;
	default:
		nd_s(nd, " Unknown Version, neither L2F(1) nor L2TP(2)");
		return;
	}
	nd_c(nd, '[');
	if (flags & FLAG_T)
		nd_c(nd, 'T');
	if (flags & FLAG_L)
		nd_c(nd, 'L');
	if (flags & FLAG_S)
		nd_c(nd, 'S');
	if (flags & FLAG_O)
		nd_c(nd, 'O');
	if (flags & FLAG_P)
		nd_c(nd, 'P');
	nd_c(nd, ']');
	const uint8_t *p = bp + 2;
	unsigned cnt = 2, l2len = 0;
	if (flags & FLAG_L) {
		l2len = nd_be16(nd, p);
		p += 2;
		cnt += 2;
	}
	nd_printf(nd, "(%u/", nd_be16(nd, p));
	nd_printf(nd, "%u)", nd_be16(nd, p + 2));
	p += 4;
	cnt += 4;
	if (flags & FLAG_S) {
		nd_printf(nd, "Ns=%u,", nd_be16(nd, p));
		nd_printf(nd, "Nr=%u", nd_be16(nd, p + 2));
		p += 4;
		cnt += 4;
	}
	if (flags & FLAG_O) {
		unsigned pad = nd_be16(nd, p);
		if (!nd_has(nd, p + 2, pad)) {
			nd_print_trunc(nd);
			return;
		}
		p += 2 + pad;
		cnt += 2 + pad;
	}
	if (flags & FLAG_L) {
		if (length < l2len) {
			nd_printf(nd, " Length %u larger than packet", l2len);
			return;
		}
		length = l2len;
	}
	if (length < cnt) {
		nd_printf(nd, " Length %u smaller than header length", length);
		return;
	}
	if (flags & FLAG_T) {
		if (!(flags & FLAG_L)) {
			nd_s(nd, " No length");
			return;
		}
		if (length == cnt)
			nd_s(nd, " ZLB");
		else
			avps_print(nd, p, length - cnt);
	} else {
		nd_s(nd, " {");
		ppp_print(nd, p, length - cnt);
		nd_c(nd, '}');
	}
}
