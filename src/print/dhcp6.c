/* dhcp6.c - DHCPv6 (RFC 8415) messages, relay messages and options. */
#include "../core/names.h"
#include "print.h"

static const struct tok msg_names[] = {
	{ 1, "solicit" }, { 2, "advertise" }, { 3, "request" },
	{ 4, "confirm" }, { 5, "renew" }, { 6, "rebind" }, { 7, "reply" },
	{ 8, "release" }, { 9, "decline" }, { 10, "reconfigure" },
	{ 11, "inf-req" }, { 12, "relay-fwd" }, { 13, "relay-reply" },
	{ 14, "leasequery" }, { 15, "leasequery-reply" }, { 0, NULL },
};

static const struct tok opt_names[] = {
	{ 1, "client-ID" }, { 2, "server-ID" }, { 3, "IA_NA" }, { 4, "IA_TA" },
	{ 5, "IA_ADDR" }, { 6, "option-request" }, { 7, "preference" },
	{ 8, "elapsed-time" }, { 9, "relay-message" }, { 11, "authentication" },
	{ 12, "server-unicast" }, { 13, "status-code" }, { 14, "rapid-commit" },
	{ 15, "user-class" }, { 16, "vendor-class" },
	{ 17, "vendor-specific-info" }, { 18, "interface-ID" },
	{ 19, "reconfigure-message" }, { 20, "reconfigure-accept" },
	{ 21, "SIP-servers-domain" }, { 22, "SIP-servers-address" },
	{ 23, "DNS-server" }, { 24, "DNS-search-list" }, { 25, "IA_PD" },
	{ 26, "IA_PD-prefix" }, { 27, "NIS-server" }, { 28, "NIS+-server" },
	{ 29, "NIS-domain-name" }, { 30, "NIS+-domain-name" },
	{ 31, "SNTP-servers" }, { 32, "lifetime" }, { 33, "BCMCS-domain-name" },
	{ 34, "BCMCS-server" }, { 36, "Geoconf-Civic" }, { 37, "Remote-ID" },
	{ 38, "Subscriber-ID" }, { 39, "Client-FQDN" }, { 40, "PANA-agent" },
	{ 41, "POSIX-timezone" }, { 42, "POSIX-tz-database" },
	{ 43, "Echo-request-option" }, { 44, "Lease-query" },
	{ 45, "LQ-client-data" }, { 46, "Clt-time" },
	{ 47, "LQ-relay-data" }, { 48, "LQ-client-link" },
	{ 56, "NTP-server" }, { 64, "AFTR-Name" }, { 112, "MUD-URL" },
	{ 0, NULL },
};

static void put_opt_name(nd_t *nd, unsigned code)
{
	const char *s = tok_name(opt_names, code);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "opt_");
		nd_u(nd, code);
	}
}

static void put_hexbytes(nd_t *nd, const uint8_t *p, unsigned from,
                         unsigned to)
{
	for (unsigned i = from; i < to; i++)
		out_x2(nd->out, nd_u8(nd, p + i));
}

static void dhcp6_msg(nd_t *nd, const uint8_t *cp, unsigned length);

static void dhcp6opt_print(nd_t *nd, const uint8_t *cp, const uint8_t *ep)
{
	if (++nd->depth > ND_MAX_DEPTH) {
		nd->depth--;
		nd_print_trunc(nd);
		return;
	}
	while (cp < ep) {
		if (ep < cp + 4)
			goto trunc;
		unsigned optlen = nd_be16(nd, cp + 2);
		if (ep < cp + 4 + optlen)
			goto trunc;
		unsigned type = nd_be16(nd, cp);
		nd_s(nd, " (");
		put_opt_name(nd, type);
		const uint8_t *tp = cp + 4;
		nd_need(nd, tp, optlen);
		switch (type) {
		case 1: case 2:
			if (optlen < 2) {
				nd_s(nd, " ?)");
				break;
			}
			switch (nd_be16(nd, tp)) {
			case 1:
				if (optlen >= 8) {
					{
						unsigned v0 = nd_be16(nd, tp + 2);
						unsigned v1 = nd_be32(nd, tp + 4);
						nd_s(nd, " hwaddr/time type ");
						nd_u(nd, v0);
						nd_s(nd, " time ");
						nd_u(nd, v1);
						nd_c(nd, ' ');
					}
					put_hexbytes(nd, tp, 8, optlen);
					nd_c(nd, ')');
				} else {
					nd_s(nd, " ?)");
				}
				break;
			case 2:
				if (optlen >= 10) {
					nd_s(nd, " vid ");
					put_hexbytes(nd, tp, 2, 10);
					nd_c(nd, ')');
				} else {
					nd_s(nd, " ?)");
				}
				break;
			case 3:
				if (optlen >= 4) {
					{
						unsigned v0 = nd_be16(nd, tp + 2);
						nd_s(nd, " hwaddr type ");
						nd_u(nd, v0);
						nd_c(nd, ' ');
					}
					put_hexbytes(nd, tp, 4, optlen);
					nd_c(nd, ')');
				} else {
					nd_s(nd, " ?)");
				}
				break;
			default:
				{
					unsigned v0 = nd_be16(nd, tp);
					nd_s(nd, " type ");
					nd_u(nd, v0);
					nd_c(nd, ')');
				}
				break;
			}
			break;
		case 5: /* IA address */
			if (optlen < 24) {
				nd_s(nd, " ?)");
				break;
			}
			nd_c(nd, ' ');
			put_ip6(nd, tp);
			{
				unsigned v0 = nd_be32(nd, tp + 16);
				unsigned v1 = nd_be32(nd, tp + 20);
				nd_s(nd, " pltime:");
				nd_u(nd, v0);
				nd_s(nd, " vltime:");
				nd_u(nd, v1);
			}
			if (optlen > 24)
				dhcp6opt_print(nd, tp + 24, tp + optlen);
			nd_c(nd, ')');
			break;
		case 6: case 43: /* option request, echo request */
			if (optlen % 2) {
				nd_s(nd, " ?)");
				break;
			}
			for (unsigned i = 0; i < optlen; i += 2) {
				nd_c(nd, ' ');
				put_opt_name(nd, nd_be16(nd, tp + i));
			}
			nd_c(nd, ')');
			break;
		case 7:
			if (optlen != 1) {
				nd_s(nd, " ?)");
				break;
			}
			{
				unsigned v0 = nd_u8(nd, tp);
				nd_c(nd, ' ');
				nd_u(nd, v0);
				nd_c(nd, ')');
			}
			break;
		case 8:
			if (optlen != 2) {
				nd_s(nd, " ?)");
				break;
			}
			{
				unsigned v0 = nd_be16(nd, tp);
				nd_c(nd, ' ');
				nd_u(nd, v0);
				nd_c(nd, ')');
			}
			break;
		case 9: { /* relay message */
			nd_s(nd, " (");
			const uint8_t *save = nd_narrow(nd, tp, optlen);
			dhcp6_msg(nd, tp, optlen);
			nd_restore(nd, save);
			nd_c(nd, ')');
			break;
		}
		case 11: { /* authentication */
			if (optlen < 11) {
				nd_s(nd, " ?)");
				break;
			}
			unsigned proto = nd_u8(nd, tp);
			if (proto == 2)
				nd_s(nd, " proto: delayed");
			else if (proto == 3)
				nd_s(nd, " proto: reconfigure");
			else {
				nd_s(nd, " proto: ");
				nd_u(nd, proto);
			}
			unsigned alg = nd_u8(nd, tp + 1);
			if (alg == 1)
				nd_s(nd, ", alg: HMAC-MD5");
			else {
				nd_s(nd, ", alg: ");
				nd_u(nd, alg);
			}
			unsigned rdm = nd_u8(nd, tp + 2);
			if (rdm == 0)
				nd_s(nd, ", RDM: mono");
			else {
				nd_s(nd, ", RDM: ");
				nd_u(nd, rdm);
			}
			nd_s(nd, ", RD:");
			const uint8_t *q = tp + 3;
			for (int i = 0; i < 4; i++, q += 2) {
				unsigned v0 = nd_be16(nd, q);
				nd_c(nd, ' ');
				out_x(nd->out, v0, 4);
			}
			unsigned ilen = optlen - 11;
			if (proto == 2) {
				if (ilen == 0)
					;
				else if (ilen < 20) {
					nd_s(nd, " ??");
				} else {
					unsigned rl = ilen - 20;
					if (rl > 0)
						nd_s(nd, ", realm: ");
					for (unsigned i = 0; i < rl; i++, q++)
						out_x2(nd->out, nd_u8(nd, q));
					{
						unsigned v0 = nd_be32(nd, q);
						nd_s(nd, ", key ID: ");
						out_x(nd->out, v0, 8);
					}
					q += 4;
					nd_s(nd, ", HMAC-MD5:");
					for (int i = 0; i < 4; i++, q += 4) {
						unsigned v0 = nd_be32(nd, q);
						nd_c(nd, ' ');
						out_x(nd->out, v0, 8);
					}
				}
			} else if (proto == 3) {
				if (ilen != 17) {
					nd_s(nd, " ??");
				} else {
					unsigned t = nd_u8(nd, q);
					nd_s(nd, t == 1 ? " reconfig-key" : t == 2
					     ? " type: HMAC-MD5" : " type: ??");
					q++;
					nd_s(nd, " value:");
					for (int i = 0; i < 4; i++, q += 4) {
						unsigned v0 = nd_be32(nd, q);
						nd_c(nd, ' ');
						out_x(nd->out, v0, 8);
					}
				}
			} else {
				nd_s(nd, " ??");
			}
			nd_c(nd, ')');
			break;
		}
		case 14: case 20:
			nd_c(nd, ')');
			break;
		case 18: case 38: /* interface id, subscriber id */
			nd_c(nd, ' ');
			put_hexbytes(nd, tp, 0, optlen < 10 ? optlen : 10);
			nd_s(nd, "...)");
			break;
		case 19: { /* reconfigure message */
			if (optlen != 1) {
				nd_s(nd, " ?)");
				break;
			}
			unsigned t = nd_u8(nd, tp);
			if (t == 5)
				nd_s(nd, " for renew)");
			else if (t == 11)
				nd_s(nd, " for inf-req)");
			else {
				nd_s(nd, " for ?\?\?(");
				out_x2(nd->out, t);
				nd_s(nd, "))");
			}
			break;
		}
		case 22: case 23: case 27: case 28: case 31: case 34: case 40:
		case 48:
			if (optlen % 16) {
				nd_s(nd, " ?)");
				break;
			}
			for (unsigned i = 0; i < optlen; i += 16) {
				nd_c(nd, ' ');
				put_ip6(nd, tp + i);
			}
			nd_c(nd, ')');
			break;
		case 21: case 24: { /* domain lists */
			const uint8_t *end = tp + optlen;
			while (tp < end) {
				nd_c(nd, ' ');
				tp = fqdn_print(nd, tp, end);
				if (tp == NULL)
					goto trunc;
			}
			nd_c(nd, ')');
			break;
		}
		case 13: { /* status code */
			if (optlen < 2) {
				nd_s(nd, " ?)");
				break;
			}
			static const char *const st[] = {
				"Success", "UnspecFail", "NoAddrsAvail",
				"NoBinding", "NotOnLink", "UseMulticast",
				"NoPrefixAvail", "UnknownQueryType",
				"MalformedQuery", "NotConfigured", "NotAllowed",
			};
			unsigned code = nd_be16(nd, tp);
			if (code < sizeof st / sizeof *st) {
				nd_c(nd, ' ');
				nd_s(nd, st[code]);
				nd_c(nd, ')');
			} else if (code > 255)
				nd_s(nd, " INVALID code)");
			else {
				nd_s(nd, " code");
				nd_u(nd, code);
				nd_c(nd, ')');
			}
			break;
		}
		case 3: case 25: /* IA_NA, IA_PD */
			if (optlen < 12) {
				nd_s(nd, " ?)");
				break;
			}
			{
				unsigned v0 = nd_be32(nd, tp);
				unsigned v1 = nd_be32(nd, tp + 4);
				unsigned v2 = nd_be32(nd, tp + 8);
				nd_s(nd, " IAID:");
				nd_u(nd, v0);
				nd_s(nd, " T1:");
				nd_u(nd, v1);
				nd_s(nd, " T2:");
				nd_u(nd, v2);
			}
			if (optlen > 12)
				dhcp6opt_print(nd, tp + 12, tp + optlen);
			nd_c(nd, ')');
			break;
		case 4: /* IA_TA */
			if (optlen < 4) {
				nd_s(nd, " ?)");
				break;
			}
			{
				unsigned v0 = nd_be32(nd, tp);
				nd_s(nd, " IAID:");
				nd_u(nd, v0);
			}
			if (optlen > 4)
				dhcp6opt_print(nd, tp + 4, tp + optlen);
			nd_c(nd, ')');
			break;
		case 26: /* IA prefix */
			if (optlen < 25) {
				nd_s(nd, " ?)");
				break;
			}
			nd_c(nd, ' ');
			put_ip6(nd, tp + 9);
			{
				unsigned v0 = nd_u8(nd, tp + 8);
				nd_c(nd, '/');
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be32(nd, tp);
				unsigned v1 = nd_be32(nd, tp + 4);
				nd_s(nd, " pltime:");
				nd_u(nd, v0);
				nd_s(nd, " vltime:");
				nd_u(nd, v1);
			}
			if (optlen > 25)
				dhcp6opt_print(nd, tp + 25, tp + optlen);
			nd_c(nd, ')');
			break;
		case 32: case 46:
			if (optlen != 4) {
				nd_s(nd, " ?)");
				break;
			}
			{
				unsigned v0 = nd_be32(nd, tp);
				nd_c(nd, ' ');
				nd_u(nd, v0);
				nd_c(nd, ')');
			}
			break;
		case 37: /* remote id */
			if (optlen < 4) {
				nd_s(nd, " ?)");
				break;
			}
			{
				unsigned v0 = nd_be32(nd, tp);
				nd_c(nd, ' ');
				nd_u(nd, v0);
				nd_c(nd, ' ');
			}
			put_hexbytes(nd, tp, 4, optlen < 14 ? optlen : 14);
			nd_s(nd, "...)");
			break;
		case 44: { /* lease query */
			if (optlen < 17) {
				nd_s(nd, " ?)");
				break;
			}
			unsigned qt = nd_u8(nd, tp);
			if (qt == 1)
				nd_s(nd, " by-address");
			else if (qt == 2)
				nd_s(nd, " by-clientID");
			else {
				nd_s(nd, " type_");
				nd_u(nd, qt);
			}
			nd_c(nd, ' ');
			put_ip6(nd, tp + 1);
			if (optlen > 17)
				dhcp6opt_print(nd, tp + 17, tp + optlen);
			nd_c(nd, ')');
			break;
		}
		case 45: /* client data */
			if (optlen > 0)
				dhcp6opt_print(nd, tp, tp + optlen);
			nd_c(nd, ')');
			break;
		case 47: /* relay data */
			if (optlen < 16) {
				nd_s(nd, " ?)");
				break;
			}
			nd_c(nd, ' ');
			put_ip6(nd, tp);
			nd_c(nd, ' ');
			put_hexbytes(nd, tp, 16, optlen < 26 ? optlen : 26);
			nd_s(nd, "...)");
			break;
		case 56: { /* NTP server */
			if (optlen < 4) {
				nd_s(nd, " ?)");
				break;
			}
			const uint8_t *end = cp + 4 + optlen;
			while (tp < end - 4) {
				unsigned sc = nd_be16(nd, tp);
				unsigned sl = nd_be16(nd, tp + 2);
				tp += 4;
				if (!nd_has(nd, tp, sl))
					goto trunc;
				if (tp + sl > end) {
					nd_s(nd, " ?");
					break;
				}
				nd_s(nd, " subopt:");
				nd_u(nd, sc);
				switch (sc) {
				case 1: case 2:
					if (sl != 16) {
						nd_s(nd, " ?");
						break;
					}
					nd_c(nd, ' ');
					put_ip6(nd, tp);
					break;
				case 3:
					nd_c(nd, ' ');
					if (fqdn_print(nd, tp, tp + sl) == NULL)
						goto trunc;
					break;
				default:
					nd_s(nd, " ?");
					break;
				}
				tp += sl;
			}
			nd_c(nd, ')');
			break;
		}
		case 64: { /* AFTR name */
			if (optlen < 3) {
				nd_s(nd, " ?)");
				break;
			}
			unsigned remain = optlen;
			nd_c(nd, ' ');
			while (remain && nd_u8(nd, tp)) {
				unsigned ll = nd_u8(nd, tp);
				tp++;
				if (ll < remain - 1) {
					for (unsigned i = 0; i < ll; i++)
						nd_print_char(nd, nd_u8(nd, tp + i));
					tp += ll;
					remain -= ll + 1;
					if (nd_u8(nd, tp))
						nd_c(nd, '.');
				} else {
					nd_s(nd, " ?");
					break;
				}
			}
			nd_c(nd, ')');
			break;
		}
		case 41: case 42: case 112: /* text */
			if (optlen < 5) {
				nd_s(nd, " ?)");
				break;
			}
			nd_c(nd, ' ');
			for (unsigned i = 0; i < optlen && tp[i]; i++)
				nd_print_char(nd, tp[i]);
			nd_c(nd, ')');
			break;
		default:
			nd_c(nd, ')');
			break;
		}
		cp += 4 + optlen;
	}
	nd->depth--;
	return;
trunc:
	nd->depth--;
	nd_print_trunc(nd);
}

static void dhcp6_msg(nd_t *nd, const uint8_t *cp, unsigned length)
{
	const uint8_t *ep = nd->end;
	if (nd_has(nd, cp, 0) && (size_t)(ep - cp) > length)
		ep = cp + length;
	nd_s(nd, "dhcp6");
	if (!nd_has(nd, cp, 4)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned type = nd_u8(nd, cp);
	const char *name = tok_name(msg_names, type);
	nd_c(nd, ' ');
	if (name)
		nd_s(nd, name);
	else {
		nd_s(nd, "msgtype-");
		nd_u(nd, type);
	}
	if (!nd->opt->vflag)
		return;
	nd_s(nd, " (");
	if (type != 12 && type != 13) {
		{
			unsigned v0 = nd_be32(nd, cp) & 0xffffff;
			nd_s(nd, "xid=");
			out_x(nd->out, v0, 0);
		}
		dhcp6opt_print(nd, cp + 4, ep);
	} else {
		nd_need(nd, cp + 2, 16);
		nd_s(nd, "linkaddr=");
		put_ip6(nd, cp + 2);
		nd_need(nd, cp + 18, 16);
		nd_s(nd, " peeraddr=");
		put_ip6(nd, cp + 18);
		dhcp6opt_print(nd, cp + 34, ep);
	}
	nd_c(nd, ')');
}

void dhcp6_print(nd_t *nd, const uint8_t *bp, unsigned length,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "dhcp6");
	dhcp6_msg(nd, bp, length);
}
