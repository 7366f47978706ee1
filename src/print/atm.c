/* atm.c - LLC-encapsulated ATM (DLT_ATM_RFC1483, RFC 2684): Cisco-style
 * NLPID, an old 802.6 MAC header from the Fore driver, or LLC. */
#include "print.h"

unsigned atm_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "atm");
	unsigned hdrlen = 0;
	if (nd_u8(nd, p) == 0x03) {
		if (nd->opt->eflag)
			nd_s(nd, "CNLPID ");
		ethertype_print(nd, 0xfefe, p + 1, len - 1);
		return 1;
	}
	uint32_t llchdr = nd_be24(nd, p);
	if (llchdr != 0xaaaa03 && llchdr != 0xfefe03 && llchdr != 0x060603) {
		/* presumably an 802.6 MAC header */
		if (caplen < 20) {
			nd_print_trunc(nd);
			return 0;
		}
		if (nd->opt->eflag)
			nd_printf(nd, "%08x%08x %08x%08x ", nd_be32(nd, p), nd_be32(nd, p + 4),
				  nd_be32(nd, p + 8), nd_be32(nd, p + 12));
		len -= 20;
		caplen -= 20;
		p += 20;
		hdrlen += 20;
	}
	return hdrlen + llc_if_print(nd, p, caplen, len);
}

/* OAM cells (ITU-T I.610): the cell header (after hec octets of HEC when
 * the capture kept it), then a cell-type/function-type octet; -v decodes
 * the fault management functions and checks the CRC-10. */
static const struct tok oam_pt[] = {
	{ 0, "user data, uncongested, SDU 0" },
	{ 1, "user data, uncongested, SDU 1" },
	{ 2, "user data, congested, SDU 0" },
	{ 3, "user data, congested, SDU 1" },
	{ 4, "VCC OAM F5 flow segment" },
	{ 5, "VCC OAM F5 flow end-to-end" },
	{ 6, "Traffic Control and resource Mgmt" },
	{ 0, NULL },
};

static const struct tok oam_celltype[] = {
	{ 1, "Fault Management" }, { 2, "Performance Management" },
	{ 8, "activate/deactivate" }, { 15, "System Management" },
	{ 0, NULL },
};

static const struct tok oam_fm[] = {
	{ 0, "AIS" }, { 1, "RDI" }, { 4, "Continuity Check" }, { 8, "Loopback" },
	{ 0, NULL },
};
static const struct tok oam_pm[] = {
	{ 0, "Forward Monitoring" }, { 1, "Backward Reporting" },
	{ 2, "Monitoring and Reporting" }, { 0, NULL },
};
static const struct tok oam_ad[] = {
	{ 0, "Performance Monitoring" }, { 1, "Continuity Check" },
	{ 0, NULL },
};

/* CRC-10 (x^10 + x^9 + x^5 + x^4 + x + 1) over n bytes. */
static unsigned crc10(const uint8_t *p, unsigned n)
{
	unsigned crc = 0;
	for (unsigned i = 0; i < n; i++)
		for (int b = 7; b >= 0; b--) {
			unsigned in = (p[i] >> b) & 1u;
			unsigned top = (crc >> 9) & 1u;
			crc = (crc << 1) & 0x3ffu;
			if (top ^ in)
				crc ^= 0x233u;
		}
	return crc;
}

static void put_words(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		nd_printf(nd, "%04x ", nd_be16(nd, p + 2 * i));
}

void oam_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned hec)
{
	nd_proto(nd, "oam");
	uint32_t hdr = nd_be32(nd, p + hec);
	unsigned ct = nd_u8(nd, p + hec + 4);
	unsigned vpi = (hdr >> 20) & 0xff, vci = (hdr >> 4) & 0xffff;
	unsigned pt = (hdr >> 1) & 7, clp = hdr & 1;
	if (vci == 3)
		nd_s(nd, "OAM F4 (segment), ");
	else if (vci == 4)
		nd_s(nd, "OAM F4 (end), ");
	else
		nd_s(nd, "OAM F5, ");
	const char *ptn = tok_name(oam_pt, pt);
	nd_printf(nd, "vpi %u, vci %u, payload [ %s ], clp %u, length %u",
	          vpi, vci, ptn ? ptn : "Unknown", clp, len);
	if (!nd->opt->vflag)
		return;
	unsigned cell = ct >> 4, func = ct & 15;
	const char *cn = tok_name(oam_celltype, cell);
	const struct tok *ft = cell == 1 ? oam_fm : cell == 2 ? oam_pm :
	                       cell == 8 ? oam_ad : NULL;
	const char *fn = ft ? tok_name(ft, func) : NULL;
	nd_printf(nd, "\n\tcell-type %s (%u), func-type %s (%u)",
	          cn ? cn : "unknown", cell, fn ? fn : ft ? "none" : "unknown",
	          func);
	const uint8_t *b = p + hec + 4; /* the 48-byte payload */
	nd_need(nd, b, 48);
	if (cell == 1 && func == 8) {
		nd_printf(nd, "\n\tLoopback-Indicator %s, Correlation-Tag 0x%08x",
		          (b[1] & 1) ? "Request" : "Reply", nd_be32(nd, b + 2));
		nd_s(nd, "\n\tLocation-ID ");
		put_words(nd, b + 7, 6);
		nd_s(nd, "\n\tSource-ID   ");
		put_words(nd, b + 19, 6);
	} else if (cell == 1 && (func == 0 || func == 1)) {
		nd_printf(nd, "\n\tFailure-type 0x%02x", b[1]);
		nd_s(nd, "\n\tLocation-ID ");
		put_words(nd, b + 3, 8);
	}
	unsigned ck = nd_be16(nd, b + 46) & 0x3ff;
	nd_printf(nd, "\n\tcksum 0x%03x (%scorrect)", ck,
	          crc10(b, 48) ? "in" : "");
}

static const struct tok q2931_msgs[] = {
	{ 0x02, "Call_proceeding" }, { 0x05, "Setup" }, { 0x07, "Connect" },
	{ 0x0f, "Connect_ack" }, { 0x46, "Restart" }, { 0x4d, "Release" },
	{ 0x4e, "Restart_ack" }, { 0x5a, "Release_complete" },
	{ 0x75, "Status_enquiry" }, { 0x7d, "Status" }, { 0x80, "Add_party" },
	{ 0x81, "Add_party_ack" }, { 0x82, "Add_party_reject" },
	{ 0x83, "Drop_party" }, { 0x84, "Drop_party_ack" },
	{ 0, NULL },
};

/* Signalling on VCI 5: Q.2931 over SSCOP. */
static void sig_print(nd_t *nd, const uint8_t *p)
{
	unsigned disc = nd_u8(nd, p);
	if (disc != 0x09) {
		nd_printf(nd, "SSCOP, proto %u ", disc);
		return;
	}
	nd_s(nd, "Q.2931");
	unsigned type = nd_u8(nd, p + 5);
	const char *tn = tok_name(q2931_msgs, type);
	if (tn)
		nd_printf(nd, ":%s ", tn);
	else
		nd_printf(nd, ":msgtype#%u ", type);
	nd_printf(nd, "CALL_REF:0x%06x", nd_be24(nd, p + 2));
}

/* DLT_SUNATM: direction/traffic-type octet, VPI, VCI, then the PDU. */
unsigned sunatm_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                         unsigned len)
{
	nd_proto(nd, "sunatm");
	unsigned dir = nd_u8(nd, p) >> 7, type = p[0] & 0x0f;
	if (nd->opt->eflag)
		nd_printf(nd, "%s: ", dir ? "Tx" : "Rx");
	nd_need(nd, p, 4);
	unsigned vpi = p[1], vci = nd_be16(nd, p + 2);
	if (nd->opt->eflag)
		nd_printf(nd, "VPI:%u VCI:%u ", vpi, vci);
	p += 4;
	len -= 4;
	caplen -= 4;
	nd_proto(nd, "atm");
	if (vpi == 0 && (vci == 3 || vci == 4)) {
		oam_print(nd, p, len, 1);
		return 4;
	}
	if (vpi == 0 && vci == 5) {
		sig_print(nd, p);
		return 4;
	}
	if (type == 1) { /* LANE: a LE client id, then an Ethernet frame */
		nd_proto(nd, "lane");
		nd_need(nd, p, 2);
		nd_proto(nd, "ether");
		if (!nd_has(nd, p, 16)) {
			nd_print_trunc(nd);
			return 4;
		}
		nd_printf(nd, "lecid:%04x ", nd_be16(nd, p));
		ether_print(nd, p + 2, len - 2);
		return 4;
	}
	llc_if_print(nd, p, caplen, len);
	return 4;
}
