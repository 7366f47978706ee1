/* ppp.c - PPP (RFC 1661) framing and its control protocols: LCP, IPCP,
 * IPv6CP, CCP, BACP option lists, PAP, CHAP, multilink headers; the PPP
 * and PPP-in-HDLC link types. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define PPP_IP 0x0021
#define PPP_OSI 0x0023
#define PPP_IPX 0x002b
#define PPP_VJNC 0x002f
#define PPP_ML 0x003d
#define PPP_IPV6 0x0057
#define PPP_COMP 0x00fd
#define PPP_MPLS_UCAST 0x0281
#define PPP_MPLS_MCAST 0x0283
#define PPP_IPCP 0x8021
#define PPP_OSICP 0x8023
#define PPP_IPV6CP 0x8057
#define PPP_CCP 0x80fd
#define PPP_MPLSCP 0x8281
#define PPP_LCP 0xc021
#define PPP_PAP 0xc023
#define PPP_LQM 0xc025
#define PPP_SPAP 0xc027
#define PPP_BACP 0xc02b
#define PPP_BAP 0xc02d
#define PPP_CHAP 0xc223
#define PPP_EAP 0xc227
#define PPP_SPAP_OLD 0xc123

struct ppp_name { unsigned v; const char *s; };

static const struct ppp_name ppp_protos[] = {
	{ 0x0021, "IP" }, { 0x0023, "OSI" }, { 0x0025, "NS" },
	{ 0x0027, "DECNET" }, { 0x0029, "APPLE" }, { 0x002b, "IPX" },
	{ 0x002d, "VJC IP" }, { 0x002f, "VJNC IP" }, { 0x0031, "BRPDU" },
	{ 0x0033, "STII" }, { 0x0035, "VINES" }, { 0x003d, "MLPPP" },
	{ 0x0057, "IP6" }, { 0x00fd, "Compressed" }, { 0x0201, "HELLO" },
	{ 0x0231, "LUXCOM" }, { 0x0233, "SNS" }, { 0x0281, "MPLS" },
	{ 0x0283, "MPLS" }, { 0x8021, "IPCP" }, { 0x8023, "OSICP" },
	{ 0x8025, "NSCP" }, { 0x8027, "DECNETCP" }, { 0x8029, "APPLECP" },
	{ 0x802b, "IPXCP" }, { 0x8033, "STIICP" }, { 0x8035, "VINESCP" },
	{ 0x8057, "IP6CP" }, { 0x80fd, "CCP" }, { 0x8281, "MPLSCP" },
	{ 0xc021, "LCP" }, { 0xc023, "PAP" }, { 0xc025, "LQM" },
	{ 0xc027, "SPAP" }, { 0xc02b, "BACP" }, { 0xc02d, "BAP" },
	{ 0xc03d, "MLPPP-CP" }, { 0xc223, "CHAP" }, { 0xc227, "EAP" },
	{ 0, NULL },
};

static const struct ppp_name cp_codes[] = {
	{ 0, "Vendor-Extension" }, { 1, "Conf-Request" }, { 2, "Conf-Ack" },
	{ 3, "Conf-Nack" }, { 4, "Conf-Reject" }, { 5, "Term-Request" },
	{ 6, "Term-Ack" }, { 7, "Code-Reject" }, { 8, "Prot-Reject" },
	{ 9, "Echo-Request" }, { 10, "Echo-Reply" }, { 11, "Disc-Req" },
	{ 12, "Ident" }, { 13, "Time-Rem" }, { 14, "Reset-Req" },
	{ 15, "Reset-Ack" }, { 0, NULL },
};

static const char *const lcp_opts[] = {
	"Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num",
	"deprecated(6)", "PFC", "ACFC", "FCS-Alt", "SDP", "Num-Mode",
	"deprecated(12)", "Call-Back", "deprecated(14)", "deprecated(15)",
	"deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary",
	"DCE-Id", "MP+", "Link-Disc", "LCP-Auth-Opt", "COBS", "Prefix-elision",
	"Multilink-header-Form", "I18N", "SDL-over-SONET/SDH", "PPP-Muxing",
};
#define NUM_LCP_OPTS (sizeof(lcp_opts) / sizeof(lcp_opts[0]))

static const struct ppp_name ipcp_opts[] = {
	{ 1, "IP-Addrs" }, { 2, "IP-Comp" }, { 3, "IP-Addr" }, { 4, "Home-Addr" },
	{ 0x81, "Pri-DNS" }, { 0x82, "Pri-NBNS" }, { 0x83, "Sec-DNS" },
	{ 0x84, "Sec-NBNS" }, { 0, NULL },
};

static const struct ppp_name ipcp_comp[] = {
	{ 0x2d, "VJ-Comp" }, { 0x61, "IP Header Compression" }, { 0, NULL },
};

static const struct ppp_name ipcp_subopts[] = {
	{ 1, "RTP-Compression" }, { 2, "Enhanced RTP-Compression" }, { 0, NULL },
};

static const struct ppp_name ccp_opts[] = {
	{ 0, "OUI" }, { 1, "Pred-1" }, { 2, "Pred-2" }, { 3, "Puddle" },
	{ 16, "HP-PPC" }, { 17, "Stac-LZS" }, { 18, "MPPC" }, { 19, "Gand-FZA" },
	{ 20, "V.42bis" }, { 21, "BSD-Comp" }, { 23, "LZS-DCP" }, { 24, "MVRCA" },
	{ 25, "DEC" }, { 26, "Deflate" }, { 255, "Reserved" }, { 0, NULL },
};

static const struct ppp_name chap_algs[] = {
	{ 5, "MD5" }, { 0x80, "MS-CHAPv1" }, { 0x81, "MS-CHAPv2" }, { 0, NULL },
};

static const struct ppp_name callback_ops[] = {
	{ 0, "Location determined by user authentication" },
	{ 1, "Dialing string" }, { 2, "Location identifier" },
	{ 3, "E.164 number" }, { 4, "X.500 distinguished name" },
	{ 6, "CBCP" }, { 0, NULL },
};

static const char *ppp_lookup(const struct ppp_name *t, unsigned v)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return NULL;
}

static void name_or(nd_t *nd, const struct ppp_name *t, unsigned v,
                    const char *fmt)
{
	const char *s = ppp_lookup(t, v);
	if (s)
		nd_s(nd, s);
	else
		nd_printf(nd, fmt, v);
}

const char *ppp_proto_name(unsigned proto)
{
	return ppp_lookup(ppp_protos, proto);
}

static void bogus(nd_t *nd, const char *rel, unsigned want)
{
	nd_printf(nd, " (length bogus, should be %s %u)", rel, want);
}

/* Each option printer returns the option's length, or 0 to stop. */
static unsigned lcp_option(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length < 2)
		return 0;
	unsigned opt = nd_u8(nd, p), len = nd_u8(nd, p + 1);
	if (len < 2) {
		if (opt < NUM_LCP_OPTS)
			nd_printf(nd, "\n\t  %s Option (0x%02x), length %u (length bogus, should be >= 2)",
				  lcp_opts[opt], opt, len);
		else
			nd_printf(nd, "\n\tunknown LCP option 0x%02x", opt);
		return 0;
	}
	if (opt >= NUM_LCP_OPTS) {
		nd_printf(nd, "\n\tunknown LCP option 0x%02x", opt);
		return len;
	}
	nd_printf(nd, "\n\t  %s Option (0x%02x), length %u", lcp_opts[opt], opt, len);
	int v = nd->opt->vflag;
	switch (opt) {
	case 0: /* vendor extension */
		if (len < 6) {
			bogus(nd, ">=", 6);
			return len;
		}
		{
			uint32_t oui = nd_be24(nd, p + 2);
			const char *o = oui_name(oui);
			nd_printf(nd, ": Vendor: %s (%u)", o ? o : "Unknown", oui);
		}
		break;
	case 1: /* MRU */
	case 17: /* MRRU */
		if (len != 4) {
			bogus(nd, "=", 4);
			return len;
		}
		nd_printf(nd, ": %u", nd_be16(nd, p + 2));
		break;
	case 2: /* ACCM */
	case 5: /* magic number */
		if (len != 6) {
			bogus(nd, "=", 6);
			return len;
		}
		nd_printf(nd, ": 0x%08x", nd_be32(nd, p + 2));
		break;
	case 3: { /* authentication protocol */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return len;
		}
		unsigned ap = nd_be16(nd, p + 2);
		const char *s = ppp_lookup(ppp_protos, ap);
		nd_printf(nd, ": %s", s ? s : "Unknown Auth Proto (0x04x)");
		switch (ap) {
		case PPP_CHAP:
			nd_s(nd, ", ");
			name_or(nd, chap_algs, nd_u8(nd, p + 4), "Unknown Auth Alg %u");
			break;
		case PPP_PAP:
		case PPP_EAP:
		case PPP_SPAP:
		case PPP_SPAP_OLD:
			break;
		default:
			print_unknown_data(nd, p, "\n\t", len);
			break;
		}
		break;
	}
	case 4: /* quality protocol */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return len;
		}
		nd_s(nd, nd_be16(nd, p + 2) == PPP_LQM ? ": LQR" : ": unknown");
		break;
	case 7: /* PFC */
	case 8: /* ACFC */
		break;
	case 23: /* link discriminator */
		if (len != 4) {
			bogus(nd, "=", 4);
			return len;
		}
		nd_printf(nd, ": 0x%04x", nd_be16(nd, p + 2));
		break;
	case 13: /* callback */
		if (len < 3) {
			bogus(nd, ">=", 3);
			return len;
		}
		nd_s(nd, ": ");
		nd_s(nd, ": Callback Operation ");
		name_or(nd, callback_ops, nd_u8(nd, p + 2), "Unknown");
		nd_printf(nd, " (%u)", nd_u8(nd, p + 2));
		break;
	case 19: /* endpoint discriminator */
		if (len < 3) {
			bogus(nd, ">=", 3);
			return len;
		}
		switch (nd_u8(nd, p + 2)) {
		case 0:
			nd_s(nd, ": Null");
			break;
		case 1:
			nd_s(nd, ": Local");
			break;
		case 2:
			if (len != 7) {
				bogus(nd, "=", 7);
				return len;
			}
			nd_s(nd, ": IPv4 ");
			put_ip4(nd, p + 3);
			break;
		case 3:
			if (len != 9) {
				bogus(nd, "=", 9);
				return len;
			}
			nd_s(nd, ": MAC ");
			put_mac(nd, p + 3);
			break;
		case 4:
			nd_s(nd, ": Magic-Num-Block");
			break;
		case 5:
			nd_s(nd, ": PSNDN");
			break;
		default:
			nd_printf(nd, ": Unknown class %u", nd_u8(nd, p + 2));
			break;
		}
		break;
	default:
		if (v < 2)
			print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
		break;
	}
	if (v > 1)
		print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
	return len;
}

static unsigned ipcp_option(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length < 2)
		return 0;
	unsigned opt = nd_u8(nd, p), len = nd_u8(nd, p + 1);
	const char *name = ppp_lookup(ipcp_opts, opt);
	const uint8_t *dump = p + 2; /* what -vv dumps, len - 2 bytes */
	nd_printf(nd, "\n\t  %s Option (0x%02x), length %u", name ? name : "unknown",
		  opt, len);
	if (len < 2) {
		nd_s(nd, " (length bogus, should be >= 2)");
		return 0;
	}
	if (opt != 2)
		nd_need(nd, p, len); /* the whole option, before its value */
	int v = nd->opt->vflag;
	switch (opt) {
	case 1: /* two addresses (deprecated) */
		if (len != 10) {
			bogus(nd, "=", 10);
			return len;
		}
		nd_s(nd, ": src ");
		put_ip4(nd, p + 2);
		nd_s(nd, ", dst ");
		put_ip4(nd, p + 6);
		break;
	case 2: { /* IP compression */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return 0; /* tcpdump stops the list here */
		}
		unsigned cp = nd_be16(nd, p + 2);
		nd_s(nd, ": ");
		name_or(nd, ipcp_comp, cp, "Unknown");
		nd_printf(nd, " (0x%02x):", cp);
		if (cp != 0x61)
			break;
		if (len < 14) {
			bogus(nd, ">=", 14);
			return 0;
		}
		/* as tcpdump: 14 bytes checked from the value on (two more
		 * than a 14-byte option has), "[|ipcp]" and the end of the
		 * list when they were not captured */
		if (!nd_has(nd, p + 2, 14)) {
			nd_s(nd, "[|ipcp]");
			return 0;
		}
		nd_printf(nd, "\n\t    TCP Space %u, non-TCP Space %u, maxPeriod %u, maxTime %u, maxHdr %u",
			  nd_be16(nd, p + 4), nd_be16(nd, p + 6), nd_be16(nd, p + 8),
			  nd_be16(nd, p + 10), nd_be16(nd, p + 12));
		if (len > 14) {
			unsigned total = len - 14;
			const uint8_t *q = p + 14;
			/* as tcpdump: with suboptions, the -vv dump of the
			 * option starts two bytes past them and the ones
			 * walked (its length stays the option's) */
			dump = p + 16;
			nd_printf(nd, "\n\t      Suboptions, length %u", total);
			while (total >= 2) {
				unsigned so = nd_u8(nd, q), sl = nd_u8(nd, q + 1);
				if (so == 0 || sl == 0)
					break;
				nd_s(nd, "\n\t\t");
				name_or(nd, ipcp_subopts, so, "Unknown");
				nd_printf(nd, " Suboption #%u, length %u", so, sl);
				if (total < sl) {
					nd_printf(nd, " [remaining suboptions length %u < %u]",
						  total, sl);
					nd_print_invalid(nd);
					break;
				}
				total -= sl;
				q += sl;
				dump += sl;
			}
		}
		break;
	}
	case 3:
	case 4:
	case 0x81:
	case 0x82:
	case 0x83:
	case 0x84:
		if (len != 6) {
			bogus(nd, "=", 6);
			return 0;
		}
		nd_s(nd, ": ");
		put_ip4(nd, p + 2);
		break;
	default:
		if (v < 2)
			print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
		break;
	}
	if (v > 1)
		print_unknown_data(nd, dump, "\n\t    ", len - 2);
	return len;
}

static unsigned ip6cp_option(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length < 2)
		return 0;
	unsigned opt = nd_u8(nd, p), len = nd_u8(nd, p + 1);
	nd_printf(nd, "\n\t  %s Option (0x%02x), length %u",
		  opt == 1 ? "Interface-ID" : "unknown", opt, len);
	if (len < 2) {
		nd_s(nd, " (length bogus, should be >= 2)");
		return 0;
	}
	int v = nd->opt->vflag;
	if (opt == 1) {
		if (len != 10) {
			bogus(nd, "=", 10);
			return len;
		}
		nd_printf(nd, ": %04x:%04x:%04x:%04x", nd_be16(nd, p + 2),
			  nd_be16(nd, p + 4), nd_be16(nd, p + 6), nd_be16(nd, p + 8));
	} else if (v < 2) {
		print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
	}
	if (v > 1)
		print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
	return len;
}

static unsigned ccp_option(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length < 2)
		return 0;
	unsigned opt = nd_u8(nd, p), len = nd_u8(nd, p + 1);
	const char *name = ppp_lookup(ccp_opts, opt);
	nd_printf(nd, "\n\t  %s Option (0x%02x), length %u", name ? name : "Unknown",
		  opt, len);
	if (len < 2) {
		nd_s(nd, " (length bogus, should be >= 2)");
		return 0;
	}
	int v = nd->opt->vflag;
	switch (opt) {
	case 21: { /* BSD compress */
		if (len < 3) {
			bogus(nd, ">=", 3);
			return len;
		}
		unsigned b = nd_u8(nd, p + 2);
		nd_printf(nd, ": Version: %u, Dictionary Bits: %u", b >> 5, b & 0x1f);
		break;
	}
	case 24: { /* MVRCA */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return len;
		}
		unsigned b = nd_u8(nd, p + 2);
		nd_printf(nd, ": Features: %u, PxP: %s, History: %u, #CTX-ID: %u",
			  (b & 0xc0) >> 6, b & 0x20 ? "Enabled" : "Disabled",
			  b & 0x1f, nd_u8(nd, p + 3));
		break;
	}
	case 26: { /* deflate */
		if (len < 4) {
			bogus(nd, ">=", 4);
			return len;
		}
		unsigned b = nd_u8(nd, p + 2), c = nd_u8(nd, p + 3);
		nd_printf(nd, ": Window: %uK, Method: %s (0x%x), MBZ: %u, CHK: %u",
			  (b & 0xf0) >> 4, (b & 0x0f) == 8 ? "zlib" : "unknown",
			  b & 0x0f, (c & 0xfc) >> 2, c & 0x03);
		break;
	}
	default:
		if (v < 2)
			print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
		break;
	}
	if (v > 1)
		print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
	return len;
}

static unsigned bacp_option(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length < 2)
		return 0;
	unsigned opt = nd_u8(nd, p), len = nd_u8(nd, p + 1);
	nd_printf(nd, "\n\t  %s Option (0x%02x), length %u",
		  opt == 1 ? "Favored-Peer" : "Unknown", opt, len);
	if (len < 2) {
		nd_s(nd, " (length bogus, should be >= 2)");
		return 0;
	}
	int v = nd->opt->vflag;
	if (opt == 1) {
		if (len != 6) {
			bogus(nd, "=", 6);
			return len;
		}
		nd_printf(nd, ": Magic-Num 0x%08x", nd_be32(nd, p + 2));
	} else if (v < 2) {
		print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
	}
	if (v > 1)
		print_unknown_data(nd, p + 2, "\n\t    ", len - 2);
	return len;
}

/* LCP and the NCPs share the packet format of RFC 1661 section 5. */
static void ctrl_proto(nd_t *nd, unsigned proto, const uint8_t *p,
                       unsigned length)
{
	const uint8_t *start = p;
	name_or(nd, ppp_protos, proto, "unknown ctrl-proto (0x%04x)");
	nd_s(nd, ", ");
	if (length < 4 || !nd_has(nd, p, 2)) {
		nd_s(nd, "[|");
		name_or(nd, ppp_protos, proto, "unknown ctrl-proto (0x%04x)");
		nd_c(nd, ']');
		return;
	}
	unsigned code = nd_u8(nd, p);
	name_or(nd, cp_codes, code, "Unknown Opcode");
	nd_printf(nd, " (0x%02x), id %u, length %u", code, nd_u8(nd, p + 1),
		  length + 2);
	if (!nd->opt->vflag)
		return;
	unsigned len = nd_be16(nd, p + 2);
	const uint8_t *t = p + 4;
	if (len < 4) {
		nd_printf(nd, "\n\tencoded length %u (< 4))", len);
		return;
	}
	if (len > length) {
		nd_printf(nd, "\n\tencoded length %u (> packet length %u))", len, length);
		return;
	}
	length = len;
	nd_printf(nd, "\n\tencoded length %u (=Option(s) length %u)", len, len - 4);
	if (length == 4)
		return;
	if (nd->opt->vflag > 1)
		print_unknown_data(nd, start - 2, "\n\t", 6);

	switch (code) {
	case 0: /* vendor extension */
		if (length < 11)
			break;
		nd_printf(nd, "\n\t  Magic-Num 0x%08x", nd_be32(nd, t));
		{
			uint32_t oui = nd_be24(nd, t + 4);
			const char *o = oui_name(oui);
			nd_printf(nd, " Vendor: %s (%u)", o ? o : "Unknown", oui);
		}
		break;
	case 1:
	case 2:
	case 3:
	case 4: {
		/* an option header cut off by the capture end: "[|lcp]" right
		 * after what was printed (no space), as tcpdump does */
		const char *tn = proto == PPP_LCP ? "lcp" : proto == PPP_IPCP ? "ipcp" :
			proto == PPP_IPV6CP ? "ip6cp" : proto == PPP_CCP ? "ccp" :
			proto == PPP_BACP ? "bacp" : NULL;
		unsigned x = len - 4;
		do {
			if (tn && !nd_has(nd, t, 2)) {
				nd_s(nd, "[|");
				nd_s(nd, tn);
				nd_c(nd, ']');
				return;
			}
			unsigned j;
			switch (proto) {
			case PPP_LCP: j = lcp_option(nd, t, x); break;
			case PPP_IPCP: j = ipcp_option(nd, t, x); break;
			case PPP_IPV6CP: j = ip6cp_option(nd, t, x); break;
			case PPP_CCP: j = ccp_option(nd, t, x); break;
			case PPP_BACP: j = bacp_option(nd, t, x); break;
			default:
				if (nd->opt->vflag <= 1)
					print_unknown_data(nd, t, "\n\t    ", x);
				j = 0;
				break;
			}
			if (j == 0)
				break;
			if (j > x) {
				/* the option printed whole, then the list's
				 * shortfall, as tcpdump does */
				nd_printf(nd, " [remaining options length %u < %u]", x, j);
				nd_print_invalid(nd);
				break;
			}
			x -= j;
			t += j;
		} while (x > 0);
		break;
	}
	case 5:
	case 6:
		break;
	case 7:
		break;
	case 8: {
		if (length < 6)
			break;
		unsigned rp = nd_be16(nd, t);
		nd_s(nd, "\n\t  Rejected ");
		name_or(nd, ppp_protos, rp, "unknown");
		nd_printf(nd, " Protocol (0x%04x)", rp);
		if (len > 6) {
			nd_s(nd, "\n\t  Rejected Packet");
			print_unknown_data(nd, t + 2, "\n\t    ", len - 6);
		}
		break;
	}
	case 9:
	case 10:
	case 11:
		if (length < 8)
			break;
		nd_printf(nd, "\n\t  Magic-Num 0x%08x", nd_be32(nd, t));
		if (len > 8) {
			nd_s(nd, "\n\t  -----trailing data-----");
			if (!nd_has(nd, t + 4, len - 8)) {
				nd_s(nd, "[|");
				name_or(nd, ppp_protos, proto, "unknown ctrl-proto (0x%04x)");
				nd_c(nd, ']');
				return;
			}
			print_unknown_data(nd, t + 4, "\n\t  ", len - 8);
		}
		break;
	case 12:
		if (length < 8)
			break;
		nd_printf(nd, "\n\t  Magic-Num 0x%08x", nd_be32(nd, t));
		if (len > 8) {
			nd_s(nd, "\n\t  Message\n\t    ");
			if (nd_print_chars(nd, t + 4, len - 4)) {
				nd_s(nd, "[|");
				name_or(nd, ppp_protos, proto, "unknown ctrl-proto (0x%04x)");
				nd_c(nd, ']');
			}
		}
		break;
	case 13:
		if (length < 12)
			break;
		nd_printf(nd, "\n\t  Magic-Num 0x%08x", nd_be32(nd, t));
		nd_printf(nd, ", Seconds-Remaining %us", nd_be32(nd, t + 4));
		break;
	default:
		if (nd->opt->vflag <= 1)
			print_unknown_data(nd, start - 2, "\n\t  ", length + 2);
		break;
	}
}

static void mlppp_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "mlppp");
	if (!nd->opt->eflag)
		nd_s(nd, "MLPPP, ");
	if (length < 2 || !nd_has(nd, p, 2)) {
		nd_s(nd, "[|mlppp]");
		return;
	}
	unsigned w = nd_be16(nd, p);
	nd_printf(nd, "seq 0x%03x, Flags [", w & 0x0fff);
	if (!(w & 0xc000))
		nd_s(nd, "none");
	else if ((w & 0xc000) == 0xc000)
		nd_s(nd, "begin, end");
	else
		nd_s(nd, w & 0x8000 ? "begin" : "end");
	nd_printf(nd, "], length %u", length);
}

static const struct ppp_name chap_codes[] = {
	{ 1, "Challenge" }, { 2, "Response" }, { 3, "Success" }, { 4, "Fail" },
	{ 0, NULL },
};

static const struct ppp_name pap_codes[] = {
	{ 1, "Auth-Req" }, { 2, "Auth-ACK" }, { 3, "Auth-NACK" }, { 0, NULL },
};

static void chap_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length < 1) {
		nd_s(nd, "[|chap]");
		return;
	}
	if (length < 4) {
		nd_printf(nd, "[|chap 0x%02x]", nd_u8(nd, p));
		return;
	}
	unsigned code = nd_u8(nd, p);
	nd_s(nd, "CHAP, ");
	name_or(nd, chap_codes, code, "unknown");
	nd_printf(nd, " (0x%02x)", code);
	nd_printf(nd, ", id %u", nd_u8(nd, p + 1));
	unsigned len = nd_be16(nd, p + 2);
	unsigned used = 4;
	switch (code) {
	case 1:
	case 2: {
		if (length - used < 1)
			return;
		unsigned vs = nd_u8(nd, p + used);
		used++;
		if (length - used < vs)
			return;
		nd_s(nd, ", Value ");
		for (unsigned i = 0; i < vs; i++)
			nd_printf(nd, "%02x", nd_u8(nd, p + used + i));
		used += vs;
		nd_s(nd, ", Name ");
		if (len < used)
			nd_trunc(nd);
		for (unsigned i = used; i < len; i++)
			nd_print_char(nd, nd_u8(nd, p + i));
		break;
	}
	case 3:
	case 4:
		nd_s(nd, ", Msg ");
		if (len < used)
			nd_trunc(nd);
		for (unsigned i = used; i < len; i++)
			nd_print_char(nd, nd_u8(nd, p + i));
		break;
	}
}

static void pap_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length < 1) {
		nd_s(nd, "[|pap]");
		return;
	}
	if (length < 4) {
		nd_printf(nd, "[|pap 0x%02x]", nd_u8(nd, p));
		return;
	}
	unsigned code = nd_u8(nd, p);
	nd_s(nd, "PAP, ");
	name_or(nd, pap_codes, code, "unknown");
	nd_printf(nd, " (0x%02x)", code);
	nd_printf(nd, ", id %u", nd_u8(nd, p + 1));
	unsigned len = nd_be16(nd, p + 2);
	if (len > length) {
		nd_printf(nd, ", length %u > packet size", len);
		return;
	}
	length = len;
	if (length < 4) {
		nd_printf(nd, ", length %u < PAP header length", length);
		return;
	}
	const uint8_t *q = p + 4;
	switch (code) {
	case 1: {
		if (length - 4 < 1) {
			nd_s(nd, "[|pap]");
			return;
		}
		unsigned pl = nd_u8(nd, q);
		q++;
		if (length - (unsigned)(q - p) < pl)
			return;
		nd_s(nd, ", Peer ");
		for (unsigned i = 0; i < pl; i++)
			nd_print_char(nd, nd_u8(nd, q + i));
		q += pl;
		if (length - (unsigned)(q - p) < 1)
			return;
		unsigned wl = nd_u8(nd, q);
		q++;
		if (length - (unsigned)(q - p) < wl)
			return;
		nd_s(nd, ", Name ");
		for (unsigned i = 0; i < wl; i++)
			nd_print_char(nd, nd_u8(nd, q + i));
		break;
	}
	case 2:
	case 3: {
		if (length - 4 < 1) {
			nd_s(nd, "[|pap]");
			return;
		}
		unsigned ml = nd_u8(nd, q);
		q++;
		if (length - (unsigned)(q - p) < ml)
			return;
		nd_s(nd, ", Msg ");
		for (unsigned i = 0; i < ml; i++)
			nd_print_char(nd, nd_u8(nd, q + i));
		break;
	}
	}
}

#define HDLC_MAX 65536

/* A protocol number of 0x7eXX means the frame still carries HDLC byte
 * stuffing: undo it into a local copy and guess the framing again.  The
 * copy becomes the readable packet while it is decoded. */
static void ppp_hdlc(nd_t *nd, const uint8_t *p, unsigned length)
{
	uint8_t buf[HDLC_MAX];
	size_t avail = nd_avail(nd, p);
	if (length == 0)
		return;
	if (avail > HDLC_MAX)
		avail = HDLC_MAX;
	unsigned n = 0;
	for (size_t i = 0; i < avail; i++) {
		uint8_t c = p[i];
		if (c == 0x7d) {
			if (i + 1 >= avail)
				break;
			c = p[++i] ^ 0x20;
		}
		buf[n++] = c;
	}
	const uint8_t *opkt = nd->pkt, *oend = nd->end;
	nd->pkt = buf;
	nd->end = buf + n;
	unsigned proto;
	if (n < 1)
		goto trunc;
	proto = buf[0];
	if (proto == PPP_IP) {
		ethertype_print(nd, 0x0800, buf + 1, n - 1);
		goto done;
	}
	if (proto == PPP_IPV6) {
		ethertype_print(nd, 0x86dd, buf + 1, n - 1);
		goto done;
	}
	if (n < 2)
		goto trunc;
	proto = (unsigned)buf[0] << 8 | buf[1];
	if (proto == 0xff03) {
		if (n < 4)
			goto trunc;
		proto = (unsigned)buf[2] << 8 | buf[3];
		if ((proto & 0xff00) == 0x7e00)
			nd_printf(nd, "(protocol 0x%04x invalid)", proto);
		else
			ppp_proto_print(nd, proto, buf + 4, n - 4);
	} else if ((proto & 0xff00) == 0x7e00) {
		nd_printf(nd, "(protocol 0x%04x invalid)", proto);
	} else {
		ppp_proto_print(nd, proto, buf + 2, n - 2);
	}
	goto done;
trunc:
	nd_print_trunc(nd);
done:
	nd->pkt = opkt;
	nd->end = oend;
}

/* One PPP payload by protocol number. */
void ppp_proto_print(nd_t *nd, unsigned proto, const uint8_t *p, unsigned length)
{
	if ((proto & 0xff00) == 0x7e00) {
		if (++nd->depth > ND_MAX_DEPTH)
			return;
		ppp_hdlc(nd, p - 1, length);
		nd->depth--;
		return;
	}
	switch (proto) {
	case PPP_LCP:
	case PPP_IPCP:
	case PPP_OSICP:
	case PPP_MPLSCP:
	case PPP_IPV6CP:
	case PPP_CCP:
	case PPP_BACP:
		ctrl_proto(nd, proto, p, length);
		return;
	case PPP_ML:
		mlppp_print(nd, p, length);
		return;
	case PPP_CHAP:
		chap_print(nd, p, length);
		return;
	case PPP_PAP:
		pap_print(nd, p, length);
		return;
	case PPP_BAP:
		return;
	case 0x0800:
	case PPP_VJNC:
	case PPP_IP:
		ethertype_print(nd, 0x0800, p, length);
		return;
	case 0x86dd:
	case PPP_IPV6:
		ethertype_print(nd, 0x86dd, p, length);
		return;
	case 0x8137:
	case PPP_IPX:
		ipx_print(nd, p, length);
		return;
	case PPP_MPLS_UCAST:
	case PPP_MPLS_MCAST:
		if (ethertype_print(nd, proto == PPP_MPLS_UCAST ? 0x8847 : 0x8848, p, length))
			return;
		break;
	case PPP_COMP:
		nd_s(nd, "compressed PPP data");
		return;
	case PPP_OSI:
		/* OSI NLPIDs; Q.933 is the one decoded here.  tcpdump reads
		 * the NLPID in its OSI printer: a missing one is "[|isoclns]" */
		nd_proto(nd, "isoclns");
		if (length >= 1 && nd_u8(nd, p) == 0x08) {
			if (nd->opt->eflag) /* as the OSI printer names an NLPID */
				nd_s(nd, "OSI NLPID Q.933 (0x08): ");
			q933_print(nd, p + 1, length - 1);
			return;
		}
		if (ethertype_print(nd, 0xfefe, p, length))
			return;
		break;
	}
	name_or(nd, ppp_protos, proto, "unknown PPP protocol (0x%04x)");
	nd_c(nd, ' ');
	print_unknown_data(nd, p, "\n\t", length);
}

/* A PPP frame, optionally with the HDLC address and control bytes, and a
 * compressed (one-byte) protocol field. Returns the header length. */
unsigned ppp_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned olen = length, hdrlen = 0;
	nd_proto(nd, "ppp");
	if (length >= 2 && nd_u8(nd, p) == 0xff && nd_u8(nd, p + 1) == 0x03) {
		p += 2;
		length -= 2;
		hdrlen += 2;
	}
	if (length < 2) {
		nd_print_trunc(nd);
		return length;
	}
	unsigned proto;
	if (nd_u8(nd, p) % 2) {
		proto = nd_u8(nd, p);
		p++;
		length--;
		hdrlen++;
	} else {
		proto = nd_be16(nd, p);
		p += 2;
		length -= 2;
		hdrlen += 2;
	}
	if (nd->opt->eflag) {
		const char *s = ppp_lookup(ppp_protos, proto);
		nd_printf(nd, "%s (0x%04x), length %u", s ? s : "unknown", proto, olen);
		if (!s)
			return hdrlen;
		nd_s(nd, ": ");
	}
	ppp_proto_print(nd, proto, p, length);
	return hdrlen;
}

unsigned ppp_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "ppp");
	if (caplen < 4) {
		nd_print_trunc(nd);
		return caplen;
	}
	ppp_print(nd, p, len);
	return 4;
}

/* PPP in HDLC-like framing (DLT_PPP_SERIAL). */
unsigned ppp_hdlc_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                           unsigned len)
{
	nd_proto(nd, "ppp_hdlc");
	if (caplen < 2) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned addr = nd_u8(nd, p);
	if (addr == 0x0f || addr == 0x8f)
		return chdlc_if_print(nd, p, caplen, len);
	if (caplen < 4) {
		nd_print_trunc(nd);
		return caplen;
	}
	if (nd->opt->eflag)
		nd_printf(nd, "%02x %02x %u ", addr, nd_u8(nd, p + 1), len);
	if (addr != 0xff) {
		nd_printf(nd, "unknown addr %02x; ctrl %02x", nd_u8(nd, p + 2),
			  nd_u8(nd, p + 3));
		return 2;
	}
	unsigned proto = nd_be16(nd, p + 2);
	name_or(nd, ppp_protos, proto, "unknown PPP protocol (0x%04x)");
	nd_s(nd, ": ");
	ppp_proto_print(nd, proto, p + 4, len - 4);
	return 4;
}

/* PPP in an Ethernet frame (ethertype 0x880b): tcpdump puts ": " before
 * the PPP header as it does before any PPP payload it decodes. */
void ppp_ether_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length == 0)
		return; /* tcpdump prints nothing for an empty frame */
	nd_s(nd, ": ");
	ppp_print(nd, p, length);
}
