/* fr.c - Frame Relay (DLT_FRELAY): the Q.922 address, then either a
 * Cisco-style ethertype or the RFC 2427 UI/NLPID encapsulation. */
#include "print.h"

#define FR_EA_BIT 0x01
#define FR_CR_BIT 0x02000000
#define FR_DE 0x00020000
#define FR_BECN 0x00040000
#define FR_FECN 0x00080000

#define NLPID_Q933 0x08
#define NLPID_SNAP 0x80
#define NLPID_CLNP 0x81
#define NLPID_ESIS 0x82
#define NLPID_ISIS 0x83
#define NLPID_IP6 0x8e
#define NLPID_MFR 0xb1
#define NLPID_IP 0xcc
#define NLPID_PPP 0xcf

static const char *nlpid_name(unsigned n)
{
	switch (n) {
	case 0x00: return "NULL";
	case NLPID_Q933: return "Q.933";
	case 0x09: return "LMI";
	case NLPID_SNAP: return "SNAP";
	case NLPID_CLNP: return "CLNP";
	case NLPID_ESIS: return "ES-IS";
	case NLPID_ISIS: return "IS-IS";
	case 0x84: return "CONS";
	case 0x85: return "IDRP";
	case 0x8a: return "X25 ES-IS";
	case NLPID_IP6: return "IPv6";
	case NLPID_MFR: return "FRF.15";
	case 0xc1: return "ISIS_SPB";
	case NLPID_IP: return "IPv4";
	case NLPID_PPP: return "PPP";
	}
	return NULL;
}

/* Returns 1 for a valid address, 0 for an invalid one, -1 when the
 * capture ends inside it. */
static int q922_header(nd_t *nd, const uint8_t *p, unsigned length,
                       unsigned *dlci, unsigned *addr_len, uint32_t *flags)
{
	if (!nd_has(nd, p, 2) || length < 2)
		return -1;
	if (p[0] & FR_EA_BIT)
		return 0;
	*addr_len = 2;
	*dlci = ((p[0] & 0xfc) << 2) | ((p[1] & 0xf0) >> 4);
	*flags = (uint32_t)(p[0] & ~FR_EA_BIT) << 24 |
		 (uint32_t)(p[1] & 0x0f) << 16;
	if (p[1] & FR_EA_BIT)
		return 1;
	p += 2;
	length -= 2;
	if (!nd_has(nd, p, 1) || length < 1)
		return -1;
	(*addr_len)++;
	if (!(p[0] & FR_EA_BIT)) {
		*dlci = (*dlci << 7) | (p[0] >> 1);
		(*addr_len)++;
		p++;
		length--;
	}
	if (!nd_has(nd, p, 1) || length < 1)
		return -1;
	if (!(p[0] & FR_EA_BIT))
		return 0;
	*flags |= p[0] & 0x02; /* D/C */
	*dlci = (*dlci << 6) | (p[0] >> 2);
	return 1;
}

static void fr_flags(nd_t *nd, uint32_t flags)
{
	static const struct tok names[] = {
		{ FR_CR_BIT, "C!" }, { FR_DE, "DE" }, { FR_BECN, "BECN" },
		{ FR_FECN, "FECN" }, { 0x02, "sdlcore" }, { 0, NULL },
	};
	put_bits(nd, names, flags, "none");
}

static void fr_hdr_print(nd_t *nd, unsigned length, unsigned addr_len,
                         unsigned dlci, uint32_t flags, unsigned nlpid)
{
	if (nd->opt->qflag) {
		nd_printf(nd, "Q.922, DLCI %u, length %u: ", dlci, length);
		return;
	}
	nd_printf(nd, "Q.922, hdr-len %u, DLCI %u, Flags [", addr_len, dlci);
	fr_flags(nd, flags);
	if (nlpid <= 0xff) {
		const char *s = nlpid_name(nlpid);
		nd_printf(nd, "], NLPID %s (0x%02x), length %u: ", s ? s : "unknown",
			  nlpid, length);
	} else {
		const char *s = ethertype_name(nlpid);
		nd_printf(nd, "], cisco-ethertype %s (0x%04x), length %u: ",
			  s ? s : "unknown", nlpid, length);
	}
}

unsigned fr_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned dlci = 0, addr_len = 0;
	uint32_t flags = 0;
	nd_proto(nd, "fr");
	int ret = q922_header(nd, p, length, &dlci, &addr_len, &flags);
	if (ret == -1)
		goto trunc;
	if (ret == 0) {
		nd_s(nd, "Q.922, invalid address");
		return 0;
	}
	if (!nd_has(nd, p + addr_len, 1) || length < addr_len + 1)
		goto trunc;
	unsigned ctl = p[addr_len];
	if (ctl != 0x03 && dlci != 0) {
		/* Cisco-style: an ethertype right after the address */
		if (!nd_has(nd, p + addr_len, 2) || length < addr_len + 2) {
			nd_printf(nd, "UI %02x! ", ctl);
		} else {
			unsigned et = nd_be16(nd, p + addr_len);
			if (nd->opt->eflag)
				fr_hdr_print(nd, length, addr_len, dlci, flags, et);
			if (ethertype_print(nd, et, p + addr_len + 2, length - addr_len - 2))
				return addr_len + 2;
			nd_printf(nd, "UI %02x! ", ctl);
		}
	}
	if (!nd_has(nd, p + addr_len + 1, 1) || length < addr_len + 2)
		goto trunc;
	unsigned hdr_len;
	if (p[addr_len + 1] == 0) {
		if (addr_len != 3)
			nd_s(nd, "Pad! ");
		hdr_len = addr_len + 3;
	} else {
		if (addr_len == 3)
			nd_s(nd, "No pad! ");
		hdr_len = addr_len + 2;
	}
	if (length < hdr_len)
		goto trunc;
	unsigned nlpid = nd_u8(nd, p + hdr_len - 1); /* unwinds, as tcpdump */
	if (nd->opt->eflag)
		fr_hdr_print(nd, length, addr_len, dlci, flags, nlpid);
	p += hdr_len;
	length -= hdr_len;
	switch (nlpid) {
	case NLPID_IP:
		ethertype_print(nd, 0x0800, p, length);
		break;
	case NLPID_IP6:
		ethertype_print(nd, 0x86dd, p, length);
		break;
	case NLPID_CLNP:
	case NLPID_ESIS:
	case NLPID_ISIS:
		ethertype_print(nd, 0xfefe, p - 1, length + 1);
		break;
	case NLPID_SNAP:
		if (!snap_print(nd, p, length, (unsigned)nd_avail(nd, p), NULL, NULL, 0)) {
			if (!nd->opt->eflag)
				fr_hdr_print(nd, length + hdr_len, hdr_len, dlci, flags, nlpid);
			if (!suppress_default(nd))
				link_default_print(nd, p - hdr_len, length + hdr_len);
		}
		break;
	case NLPID_PPP:
		ppp_print(nd, p, length);
		break;
	case NLPID_MFR:
		frf15_print(nd, p, length);
		break;
	case NLPID_Q933:
		q933_print(nd, p, length);
		break;
	default:
		if (!nd->opt->eflag)
			fr_hdr_print(nd, length + hdr_len, addr_len, dlci, flags, nlpid);
		if (!nd->opt->xflag)
			link_default_print(nd, p, length);
		break;
	}
	return hdr_len;
trunc:
	/* as tcpdump: the -x dumps then show the whole frame */
	nd_print_trunc(nd);
	return 0;
}

unsigned fr_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "fr");
	if (caplen < 4) {
		nd_print_trunc(nd);
		return caplen;
	}
	return fr_print(nd, p, len);
}

/* The B(egin), E(nd) and C(ontrol) bits of FRF.15 and FRF.16 fragments. */
static const struct tok frf_flags[] = {
	{ 0x80, "Begin" }, { 0x40, "End" }, { 0x20, "Control" }, { 0, NULL },
};

/* FRF.15 end-to-end fragmentation header. */
void frf15_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	/* as tcpdump: too short by its length, the marker and back; cut
	 * short by the capture, unwinding (the dumps then show it all) */
	if (length < 2) {
		nd_print_trunc(nd);
		return;
	}
	nd_need(nd, p, 2);
	unsigned b0 = p[0], flags = b0 & 0xe0;
	unsigned seq = (b0 & 0x1e) << 7 | p[1];
	nd_printf(nd, "FRF.15, seq 0x%03x, Flags [", seq);
	put_bits(nd, frf_flags, flags, "none");
	nd_printf(nd, "],%s Fragmentation, length %u",
		  b0 & 0x01 ? "Interface" : "End-to-End", length);
}

/* FRF.16 multilink Frame Relay (DLT_MFR): control frames with their
 * information elements, and fragments carrying Frame Relay. */
static const char *mfr_msg_name(unsigned m)
{
	static const char *const names[] = {
		NULL, "Add Link", "Add Link ACK", "Add Link Reject", "Hello",
		"Hello ACK", "Remove Link", "Remove Link ACK",
	};
	return m < 8 ? names[m] : NULL;
}

static const char *mfr_ie_name(unsigned t)
{
	switch (t) {
	case 1: return "Bundle ID";
	case 2: return "Link ID";
	case 3: return "Magic Number";
	case 5: return "Timestamp";
	case 6: return "Vendor Extension";
	case 7: return "Cause";
	}
	return "Unknown";
}

unsigned mfr_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "mfr");
	if (length < 4) {
		nd_printf(nd, "[length %u < 4]", length);
		nd_print_invalid(nd);
		return length;
	}
	if (!nd_has(nd, p, 4)) {
		nd_print_trunc(nd);
		return length;
	}
	unsigned b0 = p[0], bec = b0 & 0xe0;
	if (bec == 0xe0 && p[1] == 0) {
		nd_s(nd, "FRF.16 Control, Flags [");
		put_bits(nd, frf_flags, bec, "none");
		nd_s(nd, "], ");
		const char *m = mfr_msg_name(p[2]);
		if (m)
			nd_s(nd, m);
		else
			nd_printf(nd, "Unknown Message (0x%02x)", p[2]);
		nd_printf(nd, ", length %u", length);
		const uint8_t *t = p + 3;
		unsigned tlen = length - 3;
		if (!nd->opt->vflag)
			return 3;
		while (tlen > 2) {
			/* as tcpdump: an IE header cut short by the capture
			 * ends with the marker and a normal return */
			if (!nd_has(nd, t, 2)) {
				nd_print_trunc(nd);
				return length;
			}
			unsigned type = nd_u8(nd, t), ilen = nd_u8(nd, t + 1);
			nd_printf(nd, "\n\tIE %s (%u), length %u: ", mfr_ie_name(type), type,
				  ilen);
			if (type == 0 || ilen <= 2)
				return 3;
			if (!nd_has(nd, t, ilen)) {
				nd_print_trunc(nd);
				return length;
			}
			t += 2;
			ilen -= 2;
			tlen -= 2;
			switch (type) {
			case 3:
				if (ilen != 4) {
					nd_printf(nd, "[IE data length %u != 4]", ilen);
					nd_print_invalid(nd);
					break;
				}
				nd_printf(nd, "0x%08x", nd_be32(nd, t));
				break;
			case 1:
			case 2:
				for (unsigned i = 0; i < ilen && i < 50; i++) {
					unsigned c = nd_u8(nd, t + i);
					if (c == 0)
						break;
					nd_print_char(nd, (uint8_t)c);
				}
				break;
			default:
				if (nd->opt->vflag <= 1)
					print_unknown_data(nd, t, "\n\t  ", ilen);
				break;
			}
			if (nd->opt->vflag > 1)
				print_unknown_data(nd, t, "\n\t  ", ilen);
			if (tlen < ilen)
				break;
			tlen -= ilen;
			t += ilen;
		}
		return 3;
	}
	unsigned seq = (b0 & 0x1e) << 7 | p[1];
	nd_printf(nd, "FRF.16 Frag, seq %u, Flags [", seq);
	put_bits(nd, frf_flags, bec, "none");
	if (bec == 0xc0 || bec == 0x80) {
		nd_s(nd, "], ");
		fr_print(nd, p + 2, length - 2);
		return 2;
	}
	nd_c(nd, ']');
	print_unknown_data(nd, p, "\n\t", length);
	return 0;
}

unsigned mfr_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "mfr");
	if (!nd_has(nd, p, 2)) {
		/* as tcpdump: the marker and back, nothing left to dump */
		nd_print_trunc(nd);
		return caplen;
	}
	return mfr_print(nd, p, len);
}
