/* q933.c - Q.933 signalling on Frame Relay (and the LMI of ANSI T1.617
 * Annex D / ITU Q.933 Annex A): call reference, message type, IEs. */
#include "print.h"

static const struct tok msg_names[] = {
	{ 0x00, "ESC to National" }, { 0x01, "Alert" },
	{ 0x02, "Call proceeding" }, { 0x07, "Connect" },
	{ 0x0f, "Connect ACK" }, { 0x03, "Progress" }, { 0x05, "Setup" },
	{ 0x45, "Disconnect" }, { 0x4d, "Release" },
	{ 0x5a, "Release complete" }, { 0x7d, "Status Reply" },
	{ 0x75, "Status Enquiry" }, { 0, NULL },
};

static const struct tok ie_names[] = {
	{ 0x01, "ANSI Report Type" }, { 0x19, "ANSI Link Verify" },
	{ 0x03, "ANSI Link Verify" }, { 0x07, "ANSI PVC Status" },
	{ 0x51, "CCITT Report Type" }, { 0x53, "CCITT Link Verify" },
	{ 0x57, "CCITT PVC Status" }, { 0, NULL },
};

/* Returns 1 when the IE is one of the LMI ones decoded here. */
static int lmi_ie(nd_t *nd, unsigned iecode, unsigned ielength, const uint8_t *p)
{
	int v = nd->opt->vflag;
	switch (iecode) {
	case 0x01:
	case 0x51:
		if (ielength < 1) {
			if (!v)
				nd_s(nd, ", ");
			nd_s(nd, "Invalid REPORT TYPE IE");
			return 1;
		}
		if (v) {
			unsigned t = nd_u8(nd, p);
			const char *s = t == 0 ? "Full Status" : t == 1 ? "Link verify" :
					t == 2 ? "Async PVC Status" : "unknown";
			nd_printf(nd, "%s (%u)", s, t);
		}
		return 1;
	case 0x03:
	case 0x19:
	case 0x53:
		if (!v)
			nd_s(nd, ", ");
		if (ielength < 2) {
			nd_s(nd, "Invalid LINK VERIFY IE");
			return 1;
		}
		nd_printf(nd, "TX Seq: %3d, RX Seq: %3d", nd_u8(nd, p), nd_u8(nd, p + 1));
		return 1;
	case 0x07:
	case 0x57: {
		if (!v)
			nd_s(nd, ", ");
		unsigned b0 = ielength > 0 ? nd_u8(nd, p) : 0;
		unsigned b1 = ielength > 1 ? nd_u8(nd, p + 1) : 0;
		unsigned b2 = ielength > 2 ? nd_u8(nd, p + 2) : 0;
		unsigned b3 = ielength > 3 ? nd_u8(nd, p + 3) : 0;
		if (ielength < 3 || (b0 & 0x80) ||
		    (ielength == 3 && !(b1 & 0x80)) ||
		    (ielength == 4 && ((b1 & 0x80) || !(b2 & 0x80))) ||
		    (ielength == 5 && ((b1 & 0x80) || (b2 & 0x80) || !(b3 & 0x80))) ||
		    ielength > 5 || !(nd_u8(nd, p + ielength - 1) & 0x80)) {
			nd_s(nd, "Invalid DLCI in PVC STATUS IE");
			return 1;
		}
		unsigned dlci = ((b0 & 0x3f) << 4) | ((b1 & 0x78) >> 3);
		if (ielength == 4)
			dlci = (dlci << 6) | ((b2 & 0x7e) >> 1);
		else if (ielength == 5)
			dlci = (dlci << 13) | (b2 & 0x7f) | ((b3 & 0x7e) >> 1);
		unsigned last = nd_u8(nd, p + ielength - 1);
		nd_printf(nd, "DLCI %u: status %s%s", dlci, last & 0x8 ? "New, " : "",
			  last & 0x2 ? "Active" : "Inactive");
		return 1;
	}
	}
	return 0;
}

void q933_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	int e = nd->opt->eflag, v = nd->opt->vflag;
	uint8_t call_ref[15];
	nd_proto(nd, "q.933");
	nd_s(nd, e ? "" : "Q.933");
	if (length == 0 || !nd_has(nd, p, 1)) {
		if (!e)
			nd_s(nd, ", ");
		nd_printf(nd, "length %u", length);
		goto trunc;
	}
	unsigned olen = length;
	unsigned crl = p[0] & 0x0f;
	p++;
	length--;
	for (unsigned i = 0; i < crl; i++) {
		if (length == 0 || !nd_has(nd, p, 1)) {
			if (!e)
				nd_s(nd, ", ");
			nd_printf(nd, "length %u", olen);
			goto trunc;
		}
		call_ref[i] = p[0];
		p++;
		length--;
	}
	if (length == 0 || !nd_has(nd, p, 1)) {
		if (!e)
			nd_s(nd, ", ");
		nd_printf(nd, "length %u", olen);
		goto trunc;
	}
	unsigned msgtype = p[0];
	p++;
	length--;

	unsigned codeset = 0, unshift_codeset = 0, non_locking_shift = 0;
	int is_ansi = 0;
	if (length != 0) {
		if (!nd_has(nd, p, 1)) {
			if (!e)
				nd_s(nd, ", ");
			nd_printf(nd, "length %u", olen);
			goto trunc;
		}
		unsigned ie = p[0];
		if ((ie & 0xf0) == 0x90) {
			p++;
			length--;
			codeset = ie & 0x07;
			if (!(ie & 0x08)) {
				if (codeset == 5)
					is_ansi = 1;
			} else {
				non_locking_shift = 1;
				unshift_codeset = 0;
			}
		}
	}
	if (!e)
		nd_s(nd, ", ");
	nd_printf(nd, "%s, codeset %u", is_ansi ? "ANSI" : "CCITT", codeset);
	if (crl != 0) {
		/* as tcpdump: a one-byte reference is tested by peeking at
		 * the byte after the message type, a read that unwinds (the
		 * -x dumps then show the whole frame) */
		if (crl == 1)
			nd_need(nd, p, 1);
		if (crl > 1 || p[0] != 0) {
			nd_s(nd, ", Call Ref: 0x");
			for (unsigned i = 0; i < crl; i++)
				nd_printf(nd, "%02x", call_ref[i]);
		}
	}
	const char *mn = tok_name(msg_names, msgtype);
	if (v)
		nd_printf(nd, ", %s (0x%02x), length %u", mn ? mn : "unknown message",
			  msgtype, olen);
	else if (mn)
		nd_printf(nd, ", %s", mn);
	else
		nd_printf(nd, ", unknown message 0x%02x", msgtype);

	while (length != 0) {
		if (non_locking_shift == 1) {
			non_locking_shift = 2;
		} else if (non_locking_shift == 2) {
			codeset = unshift_codeset;
			non_locking_shift = 0;
		}
		if (!nd_has(nd, p, 1)) {
			if (!v)
				nd_printf(nd, ", length %u", olen);
			goto trunc;
		}
		unsigned iecode = p[0];
		p++;
		length--;
		if (iecode & 0x80) {
			if ((iecode & 0xf0) == 0x90) {
				if (!(iecode & 0x08)) {
					non_locking_shift = 0;
				} else {
					non_locking_shift = 1;
					unshift_codeset = codeset;
				}
				codeset = iecode & 0x07;
			}
			continue;
		}
		if (length == 0 || !nd_has(nd, p, 1)) {
			if (!v)
				nd_printf(nd, ", length %u", olen);
			goto trunc;
		}
		unsigned ielength = p[0];
		p++;
		length--;
		int lmi = codeset == 0 || codeset == 5;
		if (v) {
			const char *s = lmi ? tok_name(ie_names, iecode) : NULL;
			nd_printf(nd, "\n\t%s IE (0x%02x), length %u: ", s ? s : "unknown",
				  iecode, ielength);
		}
		if (iecode == 0 || ielength == 0)
			return;
		if (length < ielength || !nd_has(nd, p, ielength)) {
			if (!v)
				nd_printf(nd, ", length %u", olen);
			goto trunc;
		}
		int known = lmi ? lmi_ie(nd, iecode, ielength, p) : 0;
		if (known) {
			if (v > 1)
				print_unknown_data(nd, p, "\n\t  ", ielength);
		} else if (v >= 1) {
			print_unknown_data(nd, p, "\n\t", ielength);
		}
		length -= ielength;
		p += ielength;
	}
	if (!v)
		nd_printf(nd, ", length %u", olen);
	return;
trunc:
	nd_print_trunc(nd);
}
