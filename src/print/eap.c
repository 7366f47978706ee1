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
	nd_s(nd, "] 0x");
	out_x2(nd->out, f);
	nd_c(nd, ',');
}

void eap_print(nd_t *nd, const uint8_t *cp, unsigned length)
{
	nd_proto(nd, "eap");
	unsigned type = nd_u8(nd, cp + 1), len = nd_be16(nd, cp + 2);
	static const char *const ft[] = { "EAP packet", "EAPOL start", "EAPOL logoff",
					  "EAPOL key", "EAPOL Encap-ASF-Alert" };
	{
		unsigned v0 = nd_u8(nd, cp);
		nd_s(nd, type < 5 ? ft[type] : "unknown");
		nd_s(nd, " (");
		nd_u(nd, type);
		nd_s(nd, ") v");
		nd_u(nd, v0);
		nd_s(nd, ", len ");
		nd_u(nd, len);
	}
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
	{
		unsigned v0 = nd_u8(nd, cp + 1);
		nd_s(nd, code >= 1 && code <= 4 ? cn[code] : "unknown");
		nd_s(nd, " (");
		nd_u(nd, code);
		nd_s(nd, "), id ");
		nd_u(nd, v0);
		nd_s(nd, ", len ");
		nd_u(nd, len);
	}
	nd_need(nd, cp, len);
	if (code != 1 && code != 2)
		return;
	unsigned sub = nd_u8(nd, cp + 4);
	{
		const char *v0 = eap_type_name(sub);
		nd_s(nd, "\n\t\t Type ");
		nd_s(nd, v0);
		nd_s(nd, " (");
		nd_u(nd, sub);
		nd_c(nd, ')');
	}
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
			{
				const char *v0 = eap_type_name(t);
				nd_c(nd, ' ');
				nd_s(nd, v0);
				nd_s(nd, " (");
				nd_u(nd, t);
				nd_s(nd, "),");
			}
		}
		break;
	case 21:
	case 13:
	case 43: {
		unsigned f = nd_u8(nd, cp + 5);
		if (sub == 21) {
			nd_s(nd, " TTLSv");
			nd_u(nd, f & 0x07);
		}
		if (sub == 43) {
			nd_s(nd, " FASTv");
			nd_u(nd, f & 0x07);
		}
		tls_flags(nd, f);
		if (f & 0x80) {
			unsigned v0 = nd_be32(nd, cp + 6);
			nd_s(nd, " len ");
			nd_u(nd, v0);
		}
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
		nd_s(nd, " subtype [");
		nd_s(nd, n);
		nd_s(nd, "] 0x");
		out_x2(nd->out, s);
		break;
	}
	}
}
