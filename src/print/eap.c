/* eap.c - EAPOL frames (ethertype 0x888e) and the EAP packets they carry
 * (RFC 3748). */
#include "print.h"

static const char *eap_type_name(unsigned t)
{
	switch (t) {
	case 1: return "Identity";
	case 2: return "Notification";
	case 3: return "Nak";
	case 4: return "MD5-challenge";
	case 5: return "OTP";
	case 6: return "GTC";
	case 13: return "TLS";
	case 17: return "LEAP";
	case 18: return "SIM";
	case 21: return "TTLS";
	case 23: return "AKA";
	case 25: return "PEAP";
	case 26: return "MSCHAPv2";
	case 43: return "FAST";
	case 254: return "Expanded types";
	case 255: return "Experimental";
	}
	return "unknown";
}

static void tls_flags(nd_t *nd, unsigned f)
{
	static const struct tok bits[] = {
		{ 0x80, "L bit" }, { 0x40, "More fragments bit" },
		{ 0x20, "Start bit" }, { 0, NULL },
	};
	nd_s(nd, " flags [");
	put_bits(nd, bits, f, "none");
	nd_printf(nd, "] 0x%02x,", f);
}

void eap_print(nd_t *nd, const uint8_t *cp, unsigned length)
{
	nd_proto(nd, "eap");
	unsigned type = nd_u8(nd, cp + 1), len = nd_be16(nd, cp + 2);
	static const char *const ft[] = { "EAP packet", "EAPOL start", "EAPOL logoff",
					  "EAPOL key", "EAPOL Encap-ASF-Alert" };
	nd_printf(nd, "%s (%u) v%u, len %u", type < 5 ? ft[type] : "unknown", type,
		  nd_u8(nd, cp), len);
	if (nd->opt->vflag < 1)
		return;
	cp += 4;
	if (type != 0)
		return;
	if (len == 0)
		nd_trunc(nd);
	unsigned code = nd_u8(nd, cp);
	nd_s(nd, ", ");
	unsigned flen = len; /* EAPOL body length */
	len = nd_be16(nd, cp + 2);
	if (len > flen || flen > (length >= 4 ? length - 4 : 0)) {
		nd_s(nd, "EAP fragment?");
		return;
	}
	static const char *const cn[] = { NULL, "Request", "Response", "Success", "Failure" };
	nd_printf(nd, "%s (%u), id %u, len %u", code >= 1 && code <= 4 ? cn[code] : "unknown",
		  code, nd_u8(nd, cp + 1), len);
	nd_need(nd, cp, len);
	if (code != 1 && code != 2)
		return;
	unsigned sub = nd_u8(nd, cp + 4);
	nd_printf(nd, "\n\t\t Type %s (%u)", eap_type_name(sub), sub);
	switch (sub) {
	case 1:
	case 2:
		if (len > 5) {
			nd_s(nd, sub == 1 ? ", Identity: " : ", Notification: ");
			for (unsigned i = 5; i < len; i++)
				nd_print_char(nd, nd_u8(nd, cp + i));
		}
		break;
	case 3:
		for (unsigned i = 5; i < len; i++) {
			unsigned t = nd_u8(nd, cp + i);
			nd_printf(nd, " %s (%u),", eap_type_name(t), t);
		}
		break;
	case 21:
	case 13:
	case 43: {
		unsigned f = nd_u8(nd, cp + 5);
		if (sub == 21)
			nd_printf(nd, " TTLSv%u", f & 0x07);
		if (sub == 43)
			nd_printf(nd, " FASTv%u", f & 0x07);
		tls_flags(nd, f);
		if (f & 0x80)
			nd_printf(nd, " len %u", nd_be32(nd, cp + 6));
		break;
	}
	case 18:
	case 23: {
		unsigned s = nd_u8(nd, cp + 5);
		const char *n;
		switch (s) {
		case 1: n = "Challenge"; break;
		case 2: n = "Authentication-Reject"; break;
		case 4: n = "Synchronization-Failure"; break;
		case 5: n = "Identity"; break;
		case 10: n = "Start"; break;
		case 11: n = "Challenge"; break;
		case 12: n = "Notification"; break;
		case 13: n = "Reauthentication"; break;
		case 14: n = "Client-Error"; break;
		default: n = "unknown"; break;
		}
		nd_printf(nd, " subtype [%s] 0x%02x", n, s);
		break;
	}
	}
}
