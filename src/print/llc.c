/* llc.c - IEEE 802.2 LLC headers (after an 802.3 length, or on links that
 * carry LLC directly) and the SNAP header of RFC 1042. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define SAP_NULL 0x00
#define SAP_GLOBAL 0xff
#define SAP_IP 0x06
#define SAP_8021D 0x42
#define SAP_SNAP 0xaa
#define SAP_IPX 0xe0
#define SAP_NETBEUI 0xf0
#define SAP_ISONS 0xfe

#define LLC_UI 0x03
#define LLC_XID 0xaf
#define LLC_TEST 0xe3

struct llc_name { unsigned v; const char *s; };

static const struct llc_name sap_names[] = {
	{ 0x00, "Null" }, { 0xff, "Global" }, { 0x02, "802.1B I" },
	{ 0x04, "SNA" }, { 0x06, "IP" }, { 0x0e, "ProWay NM" }, { 0x42, "STP" },
	{ 0x4e, "RS511" }, { 0x7e, "ISO8208" }, { 0x8e, "ProWay" },
	{ 0xaa, "SNAP" }, { 0xe0, "IPX" }, { 0xf0, "NetBeui" }, { 0xfe, "OSI" },
	{ 0, NULL },
};

/* Unnumbered command codes (control byte with the poll/final bit
 * cleared). */
static const struct llc_name ucmd_names[] = {
	{ 0x03, "ui" }, { 0x43, "disc" }, { 0x63, "ua" }, { 0x6f, "sabme" },
	{ 0xe3, "test" }, { 0xaf, "xid" }, { 0x0f, "dm" }, { 0x87, "frmr" },
	{ 0, NULL },
};

static const struct llc_name scmd_names[] = {
	{ 0x00, "Receiver Ready" }, { 0x08, "Reject" },
	{ 0x04, "Receiver not Ready" }, { 0, NULL },
};

static const char *llc_lookup(const struct llc_name *t, unsigned v)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return NULL;
}

static void sap_print(nd_t *nd, unsigned sap, const char *unknown_fmt)
{
	const char *s = llc_lookup(sap_names, sap);
	if (s)
		nd_s(nd, s);
	else
		nd_printf(nd, unknown_fmt, sap);
}

/* PID names for the OUIs whose protocol identifiers tcpdump names. */
static const struct llc_name cisco_pids[] = {
	{ 0x2000, "CDP" }, { 0x2004, "DTP" }, { 0x0111, "UDLD" },
	{ 0x2003, "VTP" }, { 0x010b, "PVST" }, { 0x010c, "VLAN Bridge" },
	{ 0, NULL },
};

static const struct llc_name bridged_pids[] = {
	{ 0x0001, "Ethernet + FCS" }, { 0x0007, "Ethernet w/o FCS" },
	{ 0x0002, "802.4 + FCS" }, { 0x0008, "802.4 w/o FCS" },
	{ 0x0003, "802.5 + FCS" }, { 0x0009, "802.5 w/o FCS" },
	{ 0x0004, "FDDI + FCS" }, { 0x000a, "FDDI w/o FCS" },
	{ 0x0005, "802.6 + FCS" }, { 0x000b, "802.6 w/o FCS" },
	{ 0x000e, "BPDU" }, { 0, NULL },
};

static const char *pid_name(uint32_t oui, unsigned pid)
{
	switch (oui) {
	case 0x000000:
	case 0x0000f8:
		return ethertype_name(pid);
	case 0x00000c:
		return llc_lookup(cisco_pids, pid);
	case 0x0080c2:
		return llc_lookup(bridged_pids, pid);
	case 0x080007:
		return pid == 0x809b ? "Appletalk" : NULL;
	}
	return NULL;
}

static void snap_header(nd_t *nd, uint32_t oui, unsigned pid)
{
	const char *o = oui_name(oui), *n = pid_name(oui, pid);
	nd_s(nd, "oui ");
	nd_s(nd, o ? o : "Unknown");
	nd_s(nd, " (0x");
	out_x(nd->out, oui, 6);
	nd_s(nd, "), ");
	nd_s(nd, oui == 0 ? "ethertype" : "pid");
	nd_c(nd, ' ');
	nd_s(nd, n ? n : "Unknown");
	nd_s(nd, " (0x");
	out_x(nd->out, pid, 4);
	nd_c(nd, ')');
}

/* Returns 1 when the payload was decoded. */
int snap_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned caplen,
               const uint8_t *src, const uint8_t *dst, unsigned bridge_pad)
{
	nd_proto(nd, "snap");
	if (!nd_has(nd, p, 5) || caplen < 5 || len < 5) {
		nd_print_trunc(nd);
		return 1;
	}
	uint32_t oui = nd_be24(nd, p);
	unsigned pid = nd_be16(nd, p + 3);
	if (nd->opt->eflag) {
		snap_header(nd, oui, pid);
		nd_s(nd, ", length ");
		nd_u(nd, len - 5);
		nd_s(nd, ": ");
	}
	p += 5;
	len -= 5;
	caplen -= 5;
	switch (oui) {
	case 0x000000:
	case 0x0000f8:
		if (ethertype_print(nd, pid, p, len))
			return 1;
		break;
	case 0x00000c:
		if (pid == 0x010b || pid == 0x010c) {
			stp_print(nd, p, len);
			return 1;
		}
		if (pid == 0x2004) {
			dtp_print(nd, p, len);
			return 1;
		}
		if (pid == 0x2000) {
			cdp_print(nd, p, len);
			return 1;
		}
		if (pid == 0x2003) {
			vtp_print(nd, p, len);
			return 1;
		}
		if (pid == 0x0111) {
			udld_print(nd, p, len);
			return 1;
		}
		break;
	case 0x080007: /* Apple */
		if (pid == 0x809b) {
			atalk_print(nd, p, len);
			return 1;
		}
		break;
	case 0x0080c2:
		if (pid == 0x000e) {
			stp_print(nd, p, len);
			return 1;
		}
		if (pid == 0x0001 || pid == 0x0007) {
			if (len < bridge_pad || caplen < bridge_pad) {
				nd_print_trunc(nd);
				return 1;
			}
			ether_print(nd, p + bridge_pad, len - bridge_pad);
			return 1;
		}
		break;
	}
	if (!nd->opt->eflag) {
		if (src && dst) {
			put_mac(nd, src);
			nd_s(nd, " > ");
			put_mac(nd, dst);
			nd_c(nd, ' ');
		}
		if (oui == 0) {
			const char *n = ethertype_name(pid);
			nd_s(nd, "SNAP, ethertype ");
			nd_s(nd, n ? n : "Unknown");
			nd_s(nd, " (0x");
			out_x(nd->out, pid, 4);
			nd_s(nd, "), length ");
			nd_u(nd, len);
			nd_s(nd, ": ");
		} else {
			nd_s(nd, "SNAP, ");
			snap_header(nd, oui, pid);
			nd_s(nd, ", length ");
			nd_u(nd, len);
			nd_s(nd, ": ");
		}
	}
	return 0;
}

static const char *const flag_names[4] = { "Command", "Response", "Poll", "Final" };

/* Returns the LLC header length when the frame was printed, or minus that
 * length when the caller should dump the payload as unknown (from the
 * start of the LLC header). */
int llc_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned caplen,
              const uint8_t *src, const uint8_t *dst)
{
	nd_proto(nd, "llc");
	if (caplen < 3 || len < 3) {
		nd_print_trunc(nd);
		link_default_print(nd, p, caplen);
		return (int)caplen;
	}
	unsigned dsap_f = nd_u8(nd, p), ssap_f = nd_u8(nd, p + 1);
	unsigned control = nd_u8(nd, p + 2);
	int is_u = (control & 3) == 3;
	unsigned hdrlen = 3;
	if (!is_u) {
		if (caplen < 4 || len < 4) {
			nd_print_trunc(nd);
			link_default_print(nd, p, caplen);
			return (int)caplen;
		}
		control = nd_le16(nd, p + 2);
		hdrlen = 4;
	}
	if (ssap_f == SAP_GLOBAL && dsap_f == SAP_GLOBAL) {
		/* a raw 802.3 IPX frame */
		if (nd->opt->eflag)
			nd_s(nd, "IPX 802.3: ");
		ipx_print(nd, p, len);
		return 0;
	}
	unsigned dsap = dsap_f & 0xfe, ssap = ssap_f & 0xfe;
	if (nd->opt->eflag) {
		nd_s(nd, "LLC, dsap ");
		sap_print(nd, dsap, "Unknown");
		nd_s(nd, " (0x");
		out_x2(nd->out, dsap);
		nd_s(nd, ") ");
		nd_s(nd, dsap_f & 1 ? "Group" : "Individual");
		nd_s(nd, ", ssap ");
		sap_print(nd, ssap, "Unknown");
		nd_s(nd, " (0x");
		out_x2(nd->out, ssap);
		nd_s(nd, ") ");
		nd_s(nd, ssap_f & 1 ? "Response" : "Command");
		if (is_u) {
			nd_s(nd, ", ctrl 0x");
			out_x2(nd->out, control);
			nd_s(nd, ": ");
		} else {
			nd_s(nd, ", ctrl 0x");
			out_x(nd->out, control, 4);
			nd_s(nd, ": ");
		}
	}
	const uint8_t *q = p + hdrlen;
	unsigned qlen = len - hdrlen, qcap = caplen - hdrlen;

	if (ssap == SAP_ISONS && dsap == SAP_ISONS && control == LLC_UI) {
		isoclns_print(nd, q, qlen);
		return (int)hdrlen;
	}
	if (ssap == SAP_SNAP && dsap == SAP_SNAP && control == LLC_UI) {
		if (snap_print(nd, q, qlen, qcap, src, dst, 2))
			return (int)hdrlen + 5;
		return -(int)(hdrlen + 5);
	}
	if (ssap == SAP_8021D && dsap == SAP_8021D && control == LLC_UI) {
		stp_print(nd, q, qlen);
		return (int)hdrlen;
	}
	if (ssap == SAP_IP && dsap == SAP_IP && control == LLC_UI) {
		ip_print(nd, q, qlen);
		return (int)hdrlen;
	}
	if (ssap == SAP_IPX && dsap == SAP_IPX && control == LLC_UI) {
		if (nd->opt->eflag)
			nd_s(nd, "IPX 802.2: ");
		ipx_print(nd, q, qlen);
		return (int)hdrlen;
	}

	if (!nd->opt->eflag) {
		if (ssap == dsap) {
			if (src && dst) {
				put_mac(nd, src);
				nd_s(nd, " > ");
				put_mac(nd, dst);
				nd_c(nd, ' ');
			}
			sap_print(nd, dsap, "Unknown DSAP 0x%02x");
			nd_c(nd, ' ');
		} else if (src && dst) {
			put_mac(nd, src);
			nd_c(nd, ' ');
			sap_print(nd, ssap, "Unknown SSAP 0x%02x");
			nd_s(nd, " > ");
			put_mac(nd, dst);
			nd_c(nd, ' ');
			sap_print(nd, dsap, "Unknown DSAP 0x%02x");
			nd_c(nd, ' ');
		} else {
			sap_print(nd, ssap, "Unknown SSAP 0x%02x");
			nd_s(nd, " > ");
			sap_print(nd, dsap, "Unknown DSAP 0x%02x");
			nd_c(nd, ' ');
		}
	}

	unsigned resp = ssap_f & 1;
	if (is_u) {
		unsigned cmd = control & ~0x10u;
		const char *c = llc_lookup(ucmd_names, cmd);
		nd_s(nd, "Unnumbered, ");
		if (c)
			nd_s(nd, c);
		else
			out_x2(nd->out, cmd);
		nd_s(nd, ", Flags [");
		nd_s(nd, flag_names[resp | (control & 0x10 ? 2 : 0)]);
		nd_s(nd, "], length ");
		nd_u(nd, len);
		if (cmd == LLC_XID) {
			if (qlen == 0)
				return (int)hdrlen;
			/* as tcpdump: an XID field cut short by the capture
			 * ends with the marker and what there is of it, in
			 * hex and ASCII, and the frame counts as printed (the
			 * -x dumps start after the LLC header) */
			if (!nd_has(nd, q, 1) ||
			    (q[0] == 0x81 && !nd_has(nd, q, 3))) {
				nd_print_trunc(nd);
				hex_ascii_dump(nd->out, "\n\t", q,
					       (unsigned)nd_avail(nd, q), 0);
				return (int)hdrlen;
			}
			if (nd_u8(nd, q) == 0x81) {
				{
					unsigned v0 = nd_u8(nd, q + 1);
					unsigned v1 = nd_u8(nd, q + 2);
					nd_s(nd, ": ");
					out_x2(nd->out, v0);
					nd_c(nd, ' ');
					out_x2(nd->out, v1);
				}
				return (int)hdrlen;
			}
		}
		return -(int)hdrlen;
	}
	int info = (control & 3) != 1;
	if (!info) {
		const char *c = llc_lookup(scmd_names, control & 0x0c);
		nd_s(nd, "Supervisory, ");
		nd_s(nd, c ? c : "?");
		nd_s(nd, ", rcv seq ");
		nd_u(nd, (control >> 9) & 0x7f);
	} else {
		nd_s(nd, "Information, send seq ");
		nd_u(nd, (control >> 1) & 0x7f);
		nd_s(nd, ", rcv seq ");
		nd_u(nd, (control >> 9) & 0x7f);
	}
	nd_s(nd, ", Flags [");
	nd_s(nd, flag_names[resp | (control & 0x100 ? 2 : 0)]);
	nd_s(nd, "], length ");
	nd_u(nd, len);
	/* information frames carry data, dumped by the caller */
	return info ? -(int)hdrlen : (int)hdrlen;
}

/* Links that carry LLC directly. */
unsigned llc_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	int l = llc_print(nd, p, len, caplen, NULL, NULL);
	if (l < 0) {
		if (!suppress_default(nd))
			link_default_print(nd, p, caplen);
		l = -l;
	}
	return (unsigned)l;
}

/* Linux Classical IP over ATM: LLC/SNAP-encapsulated, or bare IP. */
unsigned cip_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	static const uint8_t rfcllc[6] = { 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00 };
	nd_proto(nd, "cip");
	if (nd->opt->eflag) {
		nd_u(nd, len);
		nd_s(nd, ": ");
	}
	if (caplen < sizeof rfcllc) {
		nd_print_trunc(nd);
		return 0;
	}
	if (memcmp(p, rfcllc, sizeof rfcllc) == 0)
		return llc_if_print(nd, p, caplen, len);
	ethertype_print(nd, 0x0800, p, len);
	return 0;
}
