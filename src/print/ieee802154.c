/* ieee802154.c - IEEE 802.15.4 MAC frames (DLT_IEEE802_15_4_WITHFCS,
 * DLT_IEEE802_15_4_NOFCS, DLT_IEEE802_15_4_TAP).
 *
 * As tcpdump 4.99.3: the frame type and version, with -v the sequence
 * number, with -vvv the frame control flags; the PAN IDs and addresses
 * ("-" for an absent PAN ID, "none" for an absent address); with -vvv the
 * FCS (a 4-octet CRC-32 or a 2-octet CRC-16 is recognised whatever the
 * link type says, else the last octets are kept as payload).  Then the
 * auxiliary security header, the beacon's superframe, GTS and pending
 * address fields, or the MAC command; what is left is dumped in hex.
 * Header and payload information elements (frames with "IE present") are
 * not decoded: what follows the header is dumped.  A frame cut short
 * prints tcpdump's "[ERROR: Truncated before ...]" notes. */
#include "print.h"

#define FC_TYPE(fc)        ((fc) & 7u)
#define FC_SECURITY        0x0008u
#define FC_PENDING         0x0010u
#define FC_AR              0x0020u
#define FC_PANID_COMP      0x0040u
#define FC_SEQ_SUPPRESS    0x0100u
#define FC_IE_PRESENT      0x0200u
#define FC_DST_MODE(fc)    (((fc) >> 10) & 3u)
#define FC_VERSION(fc)     (((fc) >> 12) & 3u)
#define FC_SRC_MODE(fc)    (((fc) >> 14) & 3u)

static const char *const type_names[8] = {
	"Beacon", "Data", "ACK", "Command", "Reserved", "Multipurpose",
	"Fragment", "Extended",
};

/* CRC-16 (ITU-T, reflected, initial value 0). */
static unsigned crc16(const uint8_t *p, unsigned n)
{
	unsigned crc = 0;
	for (unsigned i = 0; i < n; i++) {
		crc ^= p[i];
		for (int b = 0; b < 8; b++)
			crc = crc & 1 ? (crc >> 1) ^ 0x8408u : crc >> 1;
	}
	return crc;
}

/* CRC-32 (reflected polynomial 0x04c11db7, initial value 0, no final
 * complement), as tcpdump computes the 4-octet FCS. */
static uint32_t crc32(const uint8_t *p, unsigned n)
{
	uint32_t crc = 0;
	for (unsigned i = 0; i < n; i++) {
		crc ^= p[i];
		for (int b = 0; b < 8; b++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
	}
	return crc;
}

/* 0: no address, 2: short, 8: extended, -1: the reserved mode. */
static int addr_len(unsigned mode)
{
	static const int l[4] = { 0, -1, 2, 8 };
	return l[mode];
}

/* An address as tcpdump prints it: short ones as 16-bit hex, extended
 * ones octet by octet from the last. */
static void put_addr(nd_t *nd, const uint8_t *p, int len)
{
	if (len == 0) {
		nd_s(nd, "none");
	} else if (len == 2) {
		nd_printf(nd, "%04x", nd_le16(nd, p));
	} else {
		nd_need(nd, p, 8);
		for (int i = 7; i >= 0; i--)
			nd_printf(nd, i ? "%02x:" : "%02x", p[i]);
	}
}

static void default_print(nd_t *nd, const uint8_t *p, unsigned caplen)
{
	if (caplen && !suppress_default(nd))
		link_default_print(nd, p, caplen);
}

/* ---- beacons ---- */

static void superframe_print(nd_t *nd, unsigned ss)
{
	if (!nd->opt->vflag)
		return;
	nd_printf(nd, "\n\tBeacon order = %u, Superframe order = %u, ",
		  ss & 0xfu, (ss >> 4) & 0xfu);
	nd_printf(nd, "Final CAP Slot = %u", (ss >> 8) & 0xfu);
	if (ss & 0x1000)
		nd_s(nd, ", BLE enabled");
	if (ss & 0x4000)
		nd_s(nd, ", PAN Coordinator");
	if (ss & 0x8000)
		nd_s(nd, ", Association Permit");
}

/* Returns the GTS fields' length, or -1 when they are cut short. */
static int gts_print(nd_t *nd, const uint8_t *p, unsigned caplen)
{
	unsigned cnt = nd_u8(nd, p) & 7u;
	if (cnt == 0) {
		if (nd->opt->vflag)
			nd_printf(nd, "\n\tGTS Descriptor Count = %u, ", cnt);
		return 1;
	}
	unsigned len = 2 + cnt * 3;
	if (caplen < len) {
		nd_s(nd, " [ERROR: Truncated GTS Info List]");
		return -1;
	}
	if (nd->opt->vflag < 2)
		return (int)len;
	nd_printf(nd, "GTS Descriptor Count = %u, ", cnt);
	nd_printf(nd, "GTS Directions Mask = %02x, [ ", nd_u8(nd, p + 1) & 0x7fu);
	for (unsigned i = 0; i < cnt; i++) {
		const uint8_t *d = p + 2 + i * 3;
		nd_s(nd, "[ ");
		put_addr(nd, d, 2);
		/* tcpdump takes the slot and length from the octet after the
		 * address's first, not from the descriptor's third */
		unsigned v = nd_u8(nd, d + 1);
		nd_printf(nd, ", Start slot = %u, Length = %u ] ", v & 0xfu,
			  (v >> 4) & 0xfu);
	}
	nd_c(nd, ']');
	return (int)len;
}

static int pending_print(nd_t *nd, const uint8_t *p, unsigned caplen)
{
	unsigned spec = nd_u8(nd, p);
	unsigned ns = spec & 7u, ne = (spec >> 4) & 7u;
	unsigned len = 1 + ns * 2 + ne * 8;
	if (nd->opt->vflag)
		nd_printf(nd, "\n\tPending address list, # short addresses = %u, "
			  "# extended addresses = %u", ns, ne);
	if (caplen < len) {
		nd_s(nd, " [ERROR: Pending address list truncated]");
		return -1;
	}
	if (nd->opt->vflag < 2)
		return (int)len;
	if (ns) {
		nd_s(nd, ", Short address list = [ ");
		for (unsigned i = 0; i < ns; i++) {
			put_addr(nd, p + 1 + i * 2, 2);
			nd_c(nd, ' ');
		}
		nd_c(nd, ']');
	}
	if (ne) {
		nd_s(nd, ", Extended address list = [ ");
		for (unsigned i = 0; i < ne; i++) {
			put_addr(nd, p + 1 + ns * 2 + i * 8, 8);
			nd_c(nd, ' ');
		}
		nd_c(nd, ']');
	}
	return (int)len;
}

static void beacon_print(nd_t *nd, const uint8_t *p, unsigned caplen)
{
	if (caplen < 2) {
		nd_s(nd, "[ERROR: Truncated before beacon information]");
		return;
	}
	superframe_print(nd, nd_le16(nd, p));
	p += 2;
	caplen -= 2;
	if (caplen < 1) {
		nd_s(nd, "[ERROR: Truncated before GTS info]");
		return;
	}
	int l = gts_print(nd, p, caplen);
	if (l < 0)
		return;
	p += l;
	caplen -= (unsigned)l;
	if (caplen < 1) {
		nd_s(nd, "[ERROR: Truncated before pending addresses]");
		return;
	}
	l = pending_print(nd, p, caplen);
	if (l < 0)
		return;
	default_print(nd, p + l, caplen - (unsigned)l);
}

/* ---- MAC commands ---- */

static const char *const cmd_names[0x25] = {
	[0x01] = "Association Request command",
	[0x02] = "Association Response command",
	[0x03] = "Disassociation Notification command",
	[0x04] = "Data Request command",
	[0x05] = "PAN ID Conflict Notification command",
	[0x06] = "Orphan Notification command",
	[0x07] = "Beacon Request command",
	[0x08] = "Coordinator realignment command",
	[0x09] = "GTS request command",
	[0x0a] = "TRLE Management Request command",
	[0x0b] = "TRLE Management Response command",
	[0x13] = "DSME Association Request command",
	[0x14] = "DSME Association Response command",
	[0x15] = "DSME GTS Request command",
	[0x16] = "DSME GTS Response command",
	[0x17] = "DSME GTS Notify command",
	[0x18] = "DSME Information Request command",
	[0x19] = "DSME Information Response command",
	[0x1a] = "DSME Beacon Allocation Notification command",
	[0x1b] = "DSME Beacon Collision Notification command",
	[0x1c] = "DSME Link Report command",
	[0x20] = "RIT Data Request command",
	[0x21] = "DBS Request command",
	[0x22] = "DBS Response command",
	[0x23] = "RIT Data Response command",
	[0x24] = "Vendor Specific command",
};

static void command_print(nd_t *nd, const uint8_t *p, unsigned caplen)
{
	if (caplen < 1) {
		nd_s(nd, "[ERROR: Truncated before Command ID]");
		return;
	}
	unsigned id = nd_u8(nd, p);
	p++;
	caplen--;
	nd_s(nd, "Command ID = ");
	if (id < 0x25 && cmd_names[id])
		nd_printf(nd, "%s ", cmd_names[id]);
	else
		nd_printf(nd, "Reserved 0x%02x ", id);
	switch (id) {
	case 0x01: {
		if (caplen != 1) {
			nd_s(nd, "Invalid Association request command length");
			break;
		}
		unsigned c = nd_u8(nd, p);
		nd_s(nd, c & 0x02 ? "FFD, " : "RFD, ");
		if (c & 0x04)
			nd_s(nd, "AC powered, ");
		if (c & 0x08)
			nd_s(nd, "Receiver on when idle, ");
		if (c & 0x10)
			nd_s(nd, "Fast association, ");
		if (c & 0x40)
			nd_s(nd, "Security supported, ");
		if (c & 0x80)
			nd_s(nd, "Allocate address, ");
		p++;
		caplen--;
		break;
	}
	case 0x02: {
		static const char *const st[4] = {
			"Association successful", "PAN at capacity",
			"PAN access denied", "Hooping sequence offset duplication",
		};
		if (caplen != 3) {
			nd_s(nd, "Invalid Association response command length");
			break;
		}
		nd_s(nd, "Short address = ");
		put_addr(nd, p, 2);
		unsigned s = nd_u8(nd, p + 2);
		if (s < 4)
			nd_printf(nd, ", %s", st[s]);
		else if (s == 0x80)
			nd_s(nd, ", Fast association successful");
		else
			nd_printf(nd, ", Status = 0x%02x", s);
		p += 3;
		caplen -= 3;
		break;
	}
	case 0x03: {
		if (caplen != 1) {
			nd_s(nd, "Invalid Disassociation Notification command length");
			break;
		}
		unsigned r = nd_u8(nd, p);
		if (r == 0)
			nd_s(nd, "Reserved");
		else if (r == 1)
			nd_s(nd, "Reason = The coordinator wishes the device to leave PAN");
		else if (r == 2)
			nd_s(nd, "Reason = The device wishes to leave the PAN");
		else
			nd_printf(nd, "Reason = 0x%02x", nd_u8(nd, p + 1)); /* tcpdump reads past the command here */
		p++;
		caplen--;
		break;
	}
	case 0x08:
		if (caplen != 7 && caplen != 8) {
			nd_s(nd, "Invalid Coordinator Realignment command length");
			break;
		}
		nd_printf(nd, "Pan ID = 0x%04x, ", nd_le16(nd, p));
		nd_s(nd, "Coordinator short address = ");
		put_addr(nd, p + 2, 2);
		nd_printf(nd, ", Channel Number = %u", nd_u8(nd, p + 4));
		if (caplen == 8)
			nd_printf(nd, ", page = %u", nd_u8(nd, p + 7));
		nd_s(nd, ", Short address = ");
		put_addr(nd, p + 5, 2);
		p += caplen;
		caplen = 0;
		break;
	case 0x09: {
		if (caplen != 1) {
			nd_s(nd, "Invalid GTS Request command length");
			break;
		}
		unsigned g = nd_u8(nd, p);
		nd_printf(nd, "GTS Length = %u, %s, %s", g & 0xfu,
			  g & 0x10 ? "Receive-only GTS" : "Transmit-only GTS",
			  g & 0x20 ? "GTS allocation" : "GTS deallocations");
		p++;
		caplen--;
		break;
	}
	case 0x04: case 0x05: case 0x06: case 0x07:
		break;
	default:
		nd_s(nd, "Command Data = ");
		for (unsigned i = 0; i < caplen; i++)
			nd_printf(nd, "%02x ", nd_u8(nd, p + i));
		break;
	}
	default_print(nd, p, caplen);
}

/* ---- the auxiliary security header ---- */

/* Returns its length, or -1 after an error note. */
static int aux_security_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                              unsigned *miclen)
{
	static const uint8_t mic[8] = { 0, 4, 8, 16, 0, 4, 8, 16 };
	if (caplen < 1) {
		nd_s(nd, "[ERROR: Truncated before Aux Security Header]");
		return -1;
	}
	unsigned ctl = nd_u8(nd, p);
	unsigned level = ctl & 7u, kim = (ctl >> 3) & 3u;
	*miclen = mic[level];
	if (nd->opt->vflag)
		nd_printf(nd, "\n\tSecurity Level %u, Key Id Mode %u, ", level, kim);
	unsigned len = 1;
	if (!(ctl & 0x20)) {
		if (caplen < 5) {
			nd_s(nd, "[ERROR: Truncated before Frame Counter]");
			return -1;
		}
		if (nd->opt->vflag > 1)
			nd_printf(nd, "Frame Counter 0x%08x ", nd_le32(nd, p + 1));
		len = 5;
	}
	const uint8_t *k = p + len;
	switch (kim) {
	case 0:
		if (nd->opt->vflag > 1)
			nd_s(nd, "Implicit");
		break;
	case 1:
		if (caplen < len + 1) {
			nd_s(nd, "[ERROR: Truncated before Key Index]");
			return -1;
		}
		if (nd->opt->vflag > 1)
			nd_printf(nd, "KeyIndex 0x%02x, ", nd_u8(nd, k));
		len += 1;
		break;
	case 2:
		if (caplen < len + 5) {
			nd_s(nd, "[ERROR: Truncated before Key Source]");
			return -1;
		}
		if (nd->opt->vflag > 1) {
			/* "%0x4x": tcpdump's format, literal "4x" and all */
			nd_printf(nd, "KeySource 0x%04x:%x4x, ", nd_le16(nd, k),
				  nd_le16(nd, k + 2));
			nd_printf(nd, "KeyIndex 0x%02x, ", nd_u8(nd, k + 4));
		}
		len += 5;
		break;
	default:
		if (caplen < len + 9) {
			nd_s(nd, "[ERROR: Truncated before Key Source]");
			return -1;
		}
		/* tcpdump prints eight octets of key source but takes the
		 * index from the fifth and skips five, as for mode 2 */
		if (nd->opt->vflag > 1) {
			nd_s(nd, "KeySource ");
			put_addr(nd, k, 8);
			nd_printf(nd, ", KeyIndex 0x%02x, ", nd_u8(nd, k + 4));
		}
		len += 5;
		break;
	}
	return (int)len;
}

/* ---- the frame ---- */

/* Whether the PAN IDs are present, by frame version and addressing
 * (tcpdump's reading of IEEE 802.15.4-2015 table 7-2 for version 2). */
static void pan_ids(unsigned ver, int dlen, int slen, bool comp,
                    bool *dpan, bool *span)
{
	if (ver < 2) {
		*dpan = dlen != 0;
		*span = slen != 0 && !comp;
		return;
	}
	*dpan = *span = false;
	if (dlen == 0 && slen == 0)
		*dpan = comp;
	else if (dlen == 0)
		*span = !comp;
	else if (slen == 0)
		*dpan = !comp;
	else if (dlen == 8 && slen == 8)
		*dpan = !comp;
	else if (dlen == 2 && slen == 8)
		*dpan = true;
	else {
		*dpan = true;
		*span = !comp;
	}
}

static unsigned std_frame(nd_t *nd, const uint8_t *p, unsigned caplen,
                          unsigned fc)
{
	const struct options *o = nd->opt;
	/* the FCS: four octets, two, or (neither matching) none captured */
	uint32_t fcs = 0, crc = 0;
	unsigned fcslen = 0;
	if (caplen >= 4) {
		nd_need(nd, p, caplen);
		fcs = nd_le32(nd, p + caplen - 4);
		crc = crc32(p, caplen - 4);
		if (crc == fcs) {
			fcslen = 4;
		} else {
			fcs = nd_le16(nd, p + caplen - 2);
			crc = crc16(p, caplen - 2);
			if (crc == fcs)
				fcslen = 2;
		}
		caplen -= fcslen;
	}
	unsigned ver = FC_VERSION(fc), type = FC_TYPE(fc);
	nd_printf(nd, "v%u ", ver);
	if (o->vflag > 2) {
		if (fc & FC_SECURITY)
			nd_s(nd, "Security Enabled, ");
		if (fc & FC_PENDING)
			nd_s(nd, "Frame Pending, ");
		if (fc & FC_AR)
			nd_s(nd, "AR, ");
		if (fc & FC_PANID_COMP)
			nd_s(nd, "PAN ID Compression, ");
		if (fc & FC_SEQ_SUPPRESS)
			nd_s(nd, "Sequence Number Suppression, ");
		if (fc & FC_IE_PRESENT)
			nd_s(nd, "IE present, ");
	}
	if (fc & FC_SEQ_SUPPRESS) {
		if (ver < 2)
			nd_s(nd, "[ERROR: Sequence number suppressed on frames where version < 2]");
		if (o->vflag)
			nd_s(nd, "seq suppressed ");
		p += 2;
		caplen -= 2;
	} else {
		unsigned seq = nd_u8(nd, p + 2);
		if (o->vflag)
			nd_printf(nd, "seq %02x ", seq);
		p += 3;
		caplen -= 3;
	}
	int dlen = addr_len(FC_DST_MODE(fc)), slen = addr_len(FC_SRC_MODE(fc));
	if (slen < 0) {
		nd_s(nd, "[ERROR: Invalid src address mode]");
		return 0;
	}
	if (dlen < 0) {
		nd_s(nd, "[ERROR: Invalid dst address mode]");
		return 0;
	}
	bool comp = (fc & FC_PANID_COMP) != 0, dpan, span;
	if (ver < 2 && comp && (dlen == 0 || slen == 0))
		nd_s(nd, "[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]");
	pan_ids(ver, dlen, slen, comp, &dpan, &span);
	unsigned dst_pan = 0;
	if (dpan) {
		if (caplen < 2) {
			nd_s(nd, "[ERROR: Truncated before dst_pan]");
			return 0;
		}
		dst_pan = nd_le16(nd, p);
		nd_printf(nd, "%04x:", dst_pan);
		p += 2;
		caplen -= 2;
	} else {
		nd_s(nd, "-:");
	}
	if (caplen < (unsigned)dlen) {
		nd_s(nd, "[ERROR: Truncated before dst_addr]");
		return 0;
	}
	put_addr(nd, p, dlen);
	p += dlen;
	caplen -= (unsigned)dlen;
	nd_s(nd, " < ");
	if (span) {
		if (caplen < 2) {
			nd_s(nd, "[ERROR: Truncated before dst_pan]");
			return 0;
		}
		nd_printf(nd, "%04x:", nd_le16(nd, p));
		p += 2;
		caplen -= 2;
	} else {
		nd_s(nd, "-:");
	}
	if (caplen < (unsigned)slen) {
		nd_s(nd, "[ERROR: Truncated before dst_addr]");
		return 0;
	}
	put_addr(nd, p, slen);
	p += slen;
	caplen -= (unsigned)slen;
	nd_c(nd, ' ');

	unsigned miclen = 0;
	const uint8_t *mic = NULL;
	if (fc & FC_SECURITY) {
		int l = aux_security_print(nd, p, caplen, &miclen);
		if (l < 0)
			return 0;
		p += l;
		caplen -= (unsigned)l;
		if (miclen) {
			if (caplen < miclen) {
				nd_s(nd, "[ERROR: Truncated before MIC]");
				return 0;
			}
			caplen -= miclen;
			mic = p + caplen;
		}
	}
	if (o->vflag > 2) {
		if (mic) {
			nd_s(nd, "\n\tMIC ");
			for (unsigned i = 0; i < miclen; i++)
				nd_printf(nd, "%02x", nd_u8(nd, mic + i));
			nd_c(nd, ' ');
		}
		/* under four octets nothing was checked: both are 0 */
		if (crc == fcs)
			nd_printf(nd, "FCS %x ", fcs);
		else
			nd_printf(nd, "wrong FCS %x vs %x (assume no FCS stored) ",
				  fcs, crc);
	}
	switch (type) {
	case 0:
		if (ver < 2)
			beacon_print(nd, p, caplen);
		else
			default_print(nd, p, caplen);
		break;
	case 3:
		command_print(nd, p, caplen);
		break;
	default:
		default_print(nd, p, caplen);
		break;
	}
	return 1; /* what tcpdump 4.99.3 returns: -x/-X skip one octet */
}

static unsigned ieee802154_print(nd_t *nd, const uint8_t *p, unsigned caplen)
{
	nd_proto(nd, "802.15.4");
	if (caplen < 2) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned fc = nd_le16(nd, p);
	nd_printf(nd, "IEEE 802.15.4 %s packet ", type_names[FC_TYPE(fc)]);
	switch (FC_TYPE(fc)) {
	case 0: case 1: case 2: case 3:
		return std_frame(nd, p, caplen, fc);
	default:
		return 0;
	}
}

unsigned ieee802154_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                             unsigned len)
{
	(void)len;
	return ieee802154_print(nd, p, caplen);
}

unsigned ieee802154_tap_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                                 unsigned len)
{
	(void)len;
	nd_proto(nd, "802.15.4_tap");
	if (caplen < 4) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned ver = nd_u8(nd, p), hlen = nd_le16(nd, p + 2);
	if (ver != 0 || hlen < 4) {
		nd_print_invalid(nd);
		return 0; /* tcpdump's dumps then show the whole record */
	}
	if (caplen < hlen) {
		nd_print_trunc(nd);
		return caplen;
	}
	return hlen + ieee802154_print(nd, p + hlen, caplen - hlen);
}
