/* bootp.c - BOOTP (RFC 951) and DHCP options (RFC 2132 and later), plus
 * the old CMU vendor area. */
#include "../core/names.h"
#include "print.h"

/* Option names; the first character says how the value is shown:
 * i addresses, l/L unsigned/signed 32-bit, s 16-bit, b bytes, x hex bytes,
 * a text, B booleans, p address pairs, $ decoded specially, ' ' other. */
static const char *const tag_names[256] = {
	[0] = " PAD", [1] = "iSubnet-Mask", [2] = "LTime-Zone",
	[3] = "iDefault-Gateway", [4] = "iTime-Server", [5] = "iIEN-Name-Server",
	[6] = "iDomain-Name-Server", [7] = "iLOG", [8] = "iCS",
	[9] = "iLPR-Server", [10] = "iIM", [11] = "iRL", [12] = "aHostname",
	[13] = "sBS", [14] = "aDP", [15] = "aDomain-Name", [16] = "iSS",
	[17] = "aRP", [18] = "aEP", [19] = "BIPF", [20] = "BSRT", [21] = "pPF",
	[22] = "sRSZ", [23] = "bTTL", [24] = "lMTU-Timeout", [25] = "sMTU-Table",
	[26] = "sMTU", [27] = "BLSN", [28] = "iBR", [29] = "BMD", [30] = "BMS",
	[31] = "BRouter-Discovery", [32] = "iRSA", [33] = "pStatic-Route",
	[34] = "BUT", [35] = "lAT", [36] = "BIE", [37] = "bTT", [38] = "lKI",
	[39] = "BKG", [40] = "aYD", [41] = "iYS", [42] = "iNTP",
	[43] = "bVendor-Option", [44] = "iNetbios-Name-Server", [45] = "iWDD",
	[46] = "$Netbios-Node", [47] = "aNetbios-Scope", [48] = "iXFS",
	[49] = "iXDM", [50] = "iRequested-IP", [51] = "lLease-Time",
	[52] = "$OO", [53] = " DHCP-Message", [54] = "iServer-ID",
	[55] = "bParameter-Request", [56] = "aMSG", [57] = "sMSZ", [58] = "lRN",
	[59] = "lRB", [60] = "aVendor-Class", [61] = "$Client-ID",
	[64] = "sN+D", [65] = "iN+S", [66] = "aTFTP", [67] = "aBF",
	[68] = "iMH", [69] = "iSMTP", [70] = "iPOP3", [71] = "iNNTP",
	[72] = "iWWW", [73] = "iFG", [74] = "iIRC", [75] = "iSTS",
	[76] = "iSTDA", [77] = "$User-Class", [78] = "bSLP-DA",
	[79] = "bSLP-SCOPE", [80] = "aSLP-NA", [81] = "$FQDN",
	[82] = "$Agent-Information", [83] = "bARMT", [88] = "aTZSTR",
	[89] = "bFQDNS", [90] = "bAUTH", [91] = "LLast-Transaction-Time",
	[92] = "iAssociated-IP", [93] = "sARCH", [94] = "bNDI", [95] = "aLDAP",
	[97] = "bGUID", [98] = "aUAP", [100] = "aPOSIX-TZ",
	[101] = "aTZ-Name", [112] = "iNI", [113] = "aNITAG",
	[114] = "aURL", [116] = "BNOAUTO", [117] = "sNSSEARCH",
	[118] = "iSUBNET", [121] = "$Classless-Static-Route",
	[150] = "iTFTP-Server-Address", [161] = "aMUD-URL",
	[249] = "$Classless-Static-Route-Microsoft", [255] = " END",
};

static const char *tag_name(unsigned tag)
{
	const char *s = tag < 256 ? tag_names[tag] : NULL;
	return s ? s : "?Unknown";
}

static const char *dhcp_msg_name(unsigned v)
{
	static const char *const n[] = {
		NULL, "Discover", "Offer", "Request", "Decline", "ACK", "NACK",
		"Release", "Inform", NULL, "LeaseQuery", "LeaseUnassigned",
		"LeaseUnknown", "LeaseActive",
	};
	return v < sizeof n / sizeof *n ? n[v] : NULL;
}

/* Bytes as text, every byte shown (escaped), no stop at NUL. */
static void put_text(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		nd_print_char(nd, nd_u8(nd, p + i));
}

static const char *hwtype_name(unsigned t)
{
	switch (t) {
	case 1: return "ether";
	case 6: return "ieee802";
	case 7: return "arcnet";
	case 15: return "frelay";
	case 21: return "strip";
	case 27: return "ieee1394";
	}
	return NULL;
}

/* Options decoded field by field ('$'); returns the bytes left over. */
static unsigned special_opt(nd_t *nd, unsigned tag, const uint8_t **bpp,
                            unsigned len)
{
	const uint8_t *bp = *bpp;
	int first = 1;
	switch (tag) {
	case 46: /* NetBIOS node type */
	case 52: /* option overload */
		if (len < 1) {
			nd_s(nd, "[ERROR: length < 1 bytes]");
			break;
		}
		{
			unsigned v = nd_u8(nd, bp);
			bp++;
			len--;
			const char *s = NULL;
			if (tag == 46) {
				switch (v) {
				case 1: s = "b-node"; break;
				case 2: s = "p-node"; break;
				case 4: s = "m-node"; break;
				case 8: s = "h-node"; break;
				}
			} else {
				switch (v) {
				case 1: s = "file"; break;
				case 2: s = "sname"; break;
				case 3: s = "file+sname"; break;
				}
			}
			if (s)
				nd_s(nd, s);
			else {
				nd_c(nd, '#');
				nd_u(nd, v);
			}
		}
		break;
	case 81: { /* client FQDN */
		if (len < 3) {
			nd_s(nd, "[ERROR: length < 3 bytes]");
			bp += len;
			len = 0;
			break;
		}
		unsigned fl = nd_u8(nd, bp);
		if (fl & 0xf0) {
			nd_s(nd, "[ERROR: MBZ nibble 0x");
			out_x(nd->out, (fl & 0xf0) >> 4, 0);
			nd_s(nd, " != 0] ");
		}
		if (fl & 0x0f) {
			nd_c(nd, '[');
			if (fl & 1) nd_c(nd, 'S');
			if (fl & 2) nd_c(nd, 'O');
			if (fl & 4) nd_c(nd, 'E');
			if (fl & 8) nd_c(nd, 'N');
			nd_s(nd, "] ");
		}
		bp++;
		unsigned r1 = nd_u8(nd, bp), r2 = nd_u8(nd, bp + 1);
		if (r1 || r2) {
			nd_u(nd, r1);
			nd_c(nd, '/');
			nd_u(nd, r2);
			nd_c(nd, ' ');
		}
		bp += 2;
		nd_c(nd, '"');
		put_text(nd, bp, len - 3);
		nd_c(nd, '"');
		bp += len - 3;
		len = 0;
		break;
	}
	case 61: { /* client identifier */
		if (len < 1) {
			nd_s(nd, "[ERROR: length < 1 bytes]");
			break;
		}
		unsigned type = nd_u8(nd, bp);
		bp++;
		len--;
		if (type == 0) {
			nd_c(nd, '"');
			put_text(nd, bp, len);
			nd_c(nd, '"');
			bp += len;
			len = 0;
			break;
		}
		const char *hn = hwtype_name(type);
		if (hn) {
			nd_s(nd, hn);
			nd_c(nd, ' ');
		} else {
			nd_s(nd, "hardware-type ");
			nd_u(nd, type);
			nd_s(nd, ", ");
		}
		while (len > 0) {
			if (!first)
				nd_c(nd, ':');
			out_x2(nd->out, nd_u8(nd, bp));
			bp++;
			len--;
			first = 0;
		}
		break;
	}
	case 82: /* relay agent information */
		while (len >= 2) {
			unsigned sub = nd_u8(nd, bp), sublen = nd_u8(nd, bp + 1);
			bp += 2;
			len -= 2;
			const char *sn = sub == 1 ? "Circuit-ID" : sub == 2 ? "Remote-ID"
				: sub == 6 ? "Subscriber-ID" : "Unknown";
			if (sublen > len) {
				nd_s(nd, "\n\t      ");
				nd_s(nd, sn);
				nd_s(nd, " SubOption ");
				nd_u(nd, sub);
				nd_s(nd, ", length ");
				nd_u(nd, sublen);
				nd_s(nd, ": length goes past end of option");
				bp += len;
				len = 0;
				break;
			}
			nd_s(nd, "\n\t      ");
			nd_s(nd, sn);
			nd_s(nd, " SubOption ");
			nd_u(nd, sub);
			nd_s(nd, ", length ");
			nd_u(nd, sublen);
			nd_s(nd, ": ");
			if (sub == 1 || sub == 2 || sub == 6)
				put_text(nd, bp, sublen);
			else
				print_unknown_data(nd, bp, "\n\t\t", sublen);
			len -= sublen;
			bp += sublen;
		}
		break;
	case 121: /* classless static routes */
	case 249:
		if (len < 5) {
			nd_s(nd, "[ERROR: length < 5 bytes]");
			bp += len;
			len = 0;
			break;
		}
		while (len > 0) {
			if (!first)
				nd_c(nd, ',');
			unsigned w = nd_u8(nd, bp);
			bp++;
			len--;
			if (w > 32) {
				nd_s(nd, "[ERROR: Mask width (");
				nd_u(nd, w);
				nd_s(nd, ") > 32]");
				bp += len;
				len = 0;
				break;
			}
			unsigned sig = (w + 7) / 8;
			if (len < sig + 4) {
				nd_s(nd, "[ERROR: Remaining length (");
				nd_u(nd, len);
				nd_s(nd, ") < ");
				nd_u(nd, sig + 4);
				nd_s(nd, " bytes]");
				bp += len;
				len = 0;
				break;
			}
			nd_c(nd, '(');
			if (w == 0) {
				nd_s(nd, "default");
			} else {
				for (unsigned i = 0; i < sig; i++) {
					if (i)
						nd_c(nd, '.');
					nd_u(nd, nd_u8(nd, bp));
					bp++;
				}
				for (unsigned i = sig; i < 4; i++)
					nd_s(nd, ".0");
				nd_c(nd, '/');
				nd_u(nd, w);
			}
			nd_c(nd, ':');
			put_ip4(nd, bp);
			nd_c(nd, ')');
			bp += 4;
			len -= sig + 4;
			first = 0;
		}
		break;
	case 77: { /* user class */
		unsigned n = 1;
		if (len < 2) {
			nd_s(nd, "[ERROR: length < 2 bytes]");
			bp += len;
			len = 0;
			break;
		}
		while (len > 0) {
			unsigned sl = nd_u8(nd, bp);
			bp++;
			len--;
			nd_s(nd, "\n\t      instance#");
			nd_u(nd, n);
			nd_s(nd, ": ");
			if (sl == 0) {
				nd_s(nd, "[ERROR: suboption length must be non-zero]");
				bp += len;
				len = 0;
				break;
			}
			if (len < sl) {
				nd_s(nd, "[ERROR: invalid option]");
				bp += len;
				len = 0;
				break;
			}
			nd_c(nd, '"');
			put_text(nd, bp, sl);
			nd_c(nd, '"');
			nd_s(nd, ", length ");
			nd_u(nd, sl);
			n++;
			len -= sl;
			bp += sl;
		}
		break;
	}
	default:
		nd_s(nd, "[unknown special tag ");
		nd_u(nd, tag);
		nd_s(nd, ", size ");
		nd_u(nd, len);
		nd_c(nd, ']');
		bp += len;
		len = 0;
		break;
	}
	*bpp = bp;
	return len;
}

static void rfc1048_print(nd_t *nd, void *arg)
{
	const uint8_t *bp = arg;
	unsigned v = nd->opt->vflag;
	nd_s(nd, "\n\t  Vendor-rfc1048 Extensions");
	{
		unsigned v0 = nd_be32(nd, bp);
		nd_s(nd, "\n\t    Magic Cookie 0x");
		out_x(nd->out, v0, 8);
	}
	bp += 4;
	while (nd_has(nd, bp, 1)) {
		unsigned tag = nd_u8(nd, bp++);
		if (tag == 0 && v < 3)
			continue;
		if (tag == 255 && v < 3)
			return;
		const char *name = tag_name(tag);
		char c = *name++;
		unsigned len = 0;
		if (tag != 0 && tag != 255)
			len = nd_u8(nd, bp++);
		nd_s(nd, "\n\t    ");
		nd_s(nd, name);
		nd_s(nd, " (");
		nd_u(nd, tag);
		nd_s(nd, "), length ");
		nd_u(nd, len);
		nd_s(nd, len > 0 ? ": " : "");
		if (tag == 0 && v > 2) {
			unsigned n = 1;
			while (nd_has(nd, bp, 1) && *bp == 0) {
				bp++;
				n++;
			}
			if (n > 1) {
				nd_s(nd, ", occurs ");
				nd_u(nd, n);
			}
		}
		nd_need(nd, bp, len);

		if (tag == 53 && len == 1) {
			unsigned m = nd_u8(nd, bp++);
			const char *s = dhcp_msg_name(m);
			if (s)
				nd_s(nd, s);
			else {
				nd_s(nd, "Unknown (");
				nd_u(nd, m);
				nd_c(nd, ')');
			}
			continue;
		}
		if (tag == 55) {
			for (unsigned idx = 0; len > 0; idx++, len--) {
				unsigned it = nd_u8(nd, bp++);
				nd_s(nd, idx % 4 == 0 ? "\n\t      " : ", ");
				nd_s(nd, tag_name(it) + 1);
				nd_s(nd, " (");
				nd_u(nd, it);
				nd_c(nd, ')');
			}
			continue;
		}
		if (c == '?')
			c = (len & 1) ? 'b' : (len & 2) ? 's' : 'l';
		int first = 1;
		switch (c) {
		case 'a':
			nd_c(nd, '"');
			put_text(nd, bp, len);
			nd_c(nd, '"');
			bp += len;
			len = 0;
			break;
		case 'i':
		case 'l':
		case 'L':
			for (; len >= 4; bp += 4, len -= 4, first = 0) {
				if (!first)
					nd_c(nd, ',');
				if (c == 'i')
					put_ip4(nd, bp);
				else if (c == 'L')
					out_d(nd->out, (int32_t)nd_be32(nd, bp));
				else
					nd_u(nd, nd_be32(nd, bp));
			}
			break;
		case 'p':
			for (; len >= 8; bp += 8, len -= 8, first = 0) {
				if (!first)
					nd_c(nd, ',');
				nd_c(nd, '(');
				put_ip4(nd, bp);
				nd_c(nd, ':');
				put_ip4(nd, bp + 4);
				nd_c(nd, ')');
			}
			break;
		case 's':
			for (; len >= 2; bp += 2, len -= 2, first = 0) {
				if (!first)
					nd_c(nd, ',');
				nd_u(nd, nd_be16(nd, bp));
			}
			break;
		case 'B':
			for (; len > 0; bp++, len--, first = 0) {
				if (!first)
					nd_c(nd, ',');
				unsigned b = nd_u8(nd, bp);
				if (b == 0)
					nd_c(nd, 'N');
				else if (b == 1)
					nd_c(nd, 'Y');
				else {
					nd_u(nd, b);
					nd_c(nd, '?');
				}
			}
			break;
		case '$':
			len = special_opt(nd, tag, &bp, len);
			break;
		case 'b':
		case 'x':
		default:
			for (; len > 0; bp++, len--, first = 0) {
				if (!first)
					nd_c(nd, c == 'x' ? ':' : '.');
				if (c == 'x')
					out_x2(nd->out, nd_u8(nd, bp));
				else
					nd_u(nd, nd_u8(nd, bp));
			}
			break;
		}
		if (len) {
			nd_s(nd, "\n\t  trailing data length ");
			nd_u(nd, len);
			bp += len;
		}
	}
}

static void cmu_print(nd_t *nd, const uint8_t *bp)
{
	static const struct { unsigned off; const char *name; } f[] = {
		{ 12, "DG" }, { 8, NULL }, { 16, "NS1" }, { 20, "NS2" },
		{ 24, "IEN1" }, { 28, "IEN2" }, { 32, "TS1" }, { 36, "TS2" },
	};
	nd_s(nd, " vend-cmu");
	nd_need(nd, bp + 4, 4);
	unsigned fl = nd_u8(nd, bp + 4);
	if (fl & ~1u) {
		nd_s(nd, " F:0x");
		out_x(nd->out, fl, 0);
	}
	for (unsigned i = 0; i < sizeof f / sizeof *f; i++) {
		const uint8_t *a = bp + f[i].off;
		if (nd_be32(nd, a) != 0) {
			nd_c(nd, ' ');
			nd_s(nd, f[i].name ? f[i].name
				  : (fl & 1) ? "SM" : "SM*");
			nd_c(nd, ':');
			put_ip4(nd, a);
		}
	}
}

/* A NUL-terminated string in a fixed field; 0 when the capture or the field
 * ended before the NUL. */
static int fixed_str(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		if (!nd_has(nd, p + i, 1))
			return 0;
		if (p[i] == 0)
			return 1;
		nd_print_char(nd, p[i]);
	}
	return 0;
}

void bootp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "bootp");
	unsigned op = nd_u8(nd, bp);
	nd_s(nd, "BOOTP/DHCP, ");
	if (op == 1)
		nd_s(nd, "Request");
	else if (op == 2)
		nd_s(nd, "Reply");
	else {
		nd_s(nd, "unknown (0x");
		out_x2(nd->out, op);
		nd_c(nd, ')');
	}
	unsigned htype = nd_u8(nd, bp + 1), hlen = nd_u8(nd, bp + 2);
	if (htype == 1 && hlen == 6 && op == 1) {
		nd_need(nd, bp + 28, 6);
		nd_s(nd, " from ");
		put_mac(nd, bp + 28);
	}
	nd_s(nd, ", length ");
	nd_u(nd, length);
	if (!nd->opt->vflag)
		return;
	if (!nd_has(nd, bp + 8, 2)) {
		nd_print_trunc(nd); /* returns, as tcpdump (dumps skip the link header) */
		return;
	}
	if (htype != 1) {
		nd_s(nd, ", htype ");
		nd_u(nd, htype);
	}
	if (htype != 1 || hlen != 6) {
		nd_s(nd, ", hlen ");
		nd_u(nd, hlen);
	}
	if (nd_u8(nd, bp + 3)) {
		unsigned v0 = nd_u8(nd, bp + 3);
		nd_s(nd, ", hops ");
		nd_u(nd, v0);
	}
	if (nd_be32(nd, bp + 4)) {
		unsigned v0 = nd_be32(nd, bp + 4);
		nd_s(nd, ", xid 0x");
		out_x(nd->out, v0, 0);
	}
	if (nd_be16(nd, bp + 8)) {
		unsigned v0 = nd_be16(nd, bp + 8);
		nd_s(nd, ", secs ");
		nd_u(nd, v0);
	}
	unsigned fl = nd_be16(nd, bp + 10);
	nd_s(nd, ", Flags [");
	nd_s(nd, fl & 0x8000 ? "Broadcast" : "none");
	nd_c(nd, ']');
	if (nd->opt->vflag > 1) {
		nd_s(nd, " (0x");
		out_x(nd->out, fl, 4);
		nd_c(nd, ')');
	}
	static const char *const addr_names[4] = {
		"Client-IP", "Your-IP", "Server-IP", "Gateway-IP",
	};
	for (unsigned i = 0; i < 4; i++) {
		const uint8_t *a = bp + 12 + 4 * i;
		if (nd_be32(nd, a)) {
			nd_s(nd, "\n\t  ");
			nd_s(nd, addr_names[i]);
			nd_c(nd, ' ');
			put_ip4(nd, a);
		}
	}
	if (htype == 1 && hlen == 6) {
		nd_s(nd, "\n\t  Client-Ethernet-Address ");
		put_mac(nd, bp + 28);
	}
	if (nd_u8(nd, bp + 44)) {
		nd_s(nd, "\n\t  sname \"");
		if (!fixed_str(nd, bp + 44, 64)) {
			nd_c(nd, '"');
			nd_print_trunc(nd);
			return;
		}
		nd_c(nd, '"');
	}
	if (nd_u8(nd, bp + 108)) {
		nd_s(nd, "\n\t  file \"");
		if (!fixed_str(nd, bp + 108, 128)) {
			nd_c(nd, '"');
			nd_print_trunc(nd);
			return;
		}
		nd_c(nd, '"');
	}
	const uint8_t *vend = bp + 236;
	if (!nd_has(nd, vend, 4)) {
		nd_print_trunc(nd); /* returns, as tcpdump */
		return;
	}
	if (memcmp(vend, "\x63\x82\x53\x63", 4) == 0) {
		/* tcpdump marks a truncation of the options and returns
		 * instead of unwinding (dumps then skip the link header) */
		if (nd_try(nd, rfc1048_print, (void *)vend))
			nd_print_trunc(nd);
	} else if (memcmp(vend, "CMU\0", 4) == 0) {
		cmu_print(nd, vend);
	} else {
		uint32_t ul = nd_be32(nd, vend);
		if (ul) {
			nd_s(nd, "\n\t  Vendor-#0x");
			out_x(nd->out, ul, 0);
		}
	}
}
