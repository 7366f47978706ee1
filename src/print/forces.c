/* forces.c - Forwarding and Control Element Separation (RFC 5810) over
 * SCTP: the message type line; with -v the common header, -vv its flags,
 * -vvv the TLVs (LFB select, operations, path-data with full data, results
 * and nested path-data), -vvvv the raw message as well. */
#include <string.h>

#include "../core/hexdump.h"
#include "print.h"

#define PD_MAX_DEPTH 8  /* nested PATH-DATA followed at most this deep */

static const char *tom_name(unsigned t)
{
	switch (t) {
	case 0x01: return "Association Setup";
	case 0x02: return "Association TearDown";
	case 0x03: return "Config";
	case 0x04: return "Query";
	case 0x05: return "Event Notification";
	case 0x06: return "Packet Redirect";
	case 0x0f: return "HeartBeat";
	case 0x11: return "Association Response";
	case 0x13: return "Config Response";
	case 0x14: return "Query Response";
	default: return NULL;
	}
}

static void spaces(nd_t *nd, unsigned n)
{
	while (n--)
		nd_c(nd, ' ');
}

static const char *id_kind(uint32_t id)
{
	if (id >> 30 == 0)
		return "FE";
	if (id >> 30 == 1)
		return "CE";
	switch (id) {
	case 0xfffffffdu: return "AllCEsBroadcast";
	case 0xfffffffeu: return "AllFEsBroadcast";
	case 0xffffffffu: return "AllMulticast";
	}
	return "ForCESreserved";
}

static const char *oper_name(unsigned t)
{
	static const char *const n[] = {
		NULL, "Set", "SetProp", "SetResp", "SetPropResp", "Del",
		"DelResp", "Get", "GetProp", "GetResp", "GetPropResp", "Report",
		"Commit", "CommitResp", "RTRCOMP", /* 0xe: tcpdump's name */
	};
	return t < sizeof(n) / sizeof(n[0]) ? n[t] : NULL;
}

static const char *result_name(unsigned c)
{
	static const char *const n[] = {
		"SUCCESS", "INVALID HEADER", "LENGTH MISMATCH", "VERSION MISMATCH",
		"INVALID DESTINATION PID", "LFB UNKNOWN", "LFB NOT FOUND",
		"LFB INSTANCE ID NOT FOUND", "INVALID PATH", "COMPONENT DOES NOT EXIST",
		"EXISTS", "NOT FOUND", "READ ONLY", "INVALID ARRAY CREATION",
		"VALUE OUT OF RANGE", "CONTENTS TOO LONG", "INVALID PARAMETERS",
		"INVALID MESSAGE TYPE", "INVALID FLAGS", "INVALID TLV", "EVENT ERROR",
		"NOT SUPPORTED", "MEMORY ERROR", "INTERNAL ERROR",
	};
	if (c < sizeof(n) / sizeof(n[0]))
		return n[c];
	return c == 0xff ? "UNSPECIFIED ERROR" : "Unknown";
}

/* A bracketed hex dump of len octets, its lines indented by ind. */
static void bracket_dump(nd_t *nd, const uint8_t *p, unsigned len, unsigned ind)
{
	char ident[40];
	if (ind > sizeof ident - 2)
		ind = sizeof ident - 2;
	ident[0] = '\n';
	memset(ident + 1, ' ', ind);
	ident[ind + 1] = '\0';
	nd_need(nd, p, len);
	spaces(nd, ind);
	nd_c(nd, '[');
	hex_dump(nd->out, ident, p, len, 0);
	nd_s(nd, ident);
	nd_c(nd, ']');
}

static void pathdata_print(nd_t *nd, const uint8_t *p, unsigned len,
                           unsigned ind, unsigned depth, unsigned omask);

/* The data TLVs an operation may carry, as a mask of FULLDATA (1),
 * SPARSEDATA (2) and RESULT (4). */
static unsigned oper_data_mask(unsigned op)
{
	switch (op) {
	case 0x1: case 0x2: case 0xb: return 3;
	case 0x3: case 0x4: case 0x6: case 0xd: return 4;
	case 0x9: return 7;
	case 0xa: return 5;
	}
	return 0;
}

/* tcpdump's complaint about a data TLV the operation may not carry (at
 * every verbosity; the TLV is shown all the same). */
static void data_check(nd_t *nd, unsigned t, unsigned bit, unsigned omask)
{
	if (!(omask & bit))
		nd_printf(nd, "Illegal DATA encoding for type 0x%x programmed %u got %u\n",
			  t, bit, omask);
}

/* SPARSEDATA: its ILVs (type, length of the whole, value).  0 when
 * walked, 1 when tcpdump gives up on it. */
static int sparse_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned ind)
{
	int show = nd->opt->vflag >= 3;
	unsigned rem = len;
	while (rem > 0) {
		if (rem < 8) {
			nd_printf(nd, "Error: Invalid total length, rlen %u\n", rem);
			return 1;
		}
		uint32_t it = nd_be32(nd, p), il = nd_be32(nd, p + 4);
		if (il < 8) {
			nd_printf(nd, "Error: xLV too short, rlen %u\n", rem);
			return 1;
		}
		if (il > rem) {
			nd_printf(nd, "Error: xLV too long, rlen %u\n", rem);
			return 1;
		}
		if (show) {
			nd_c(nd, '\n');
			spaces(nd, ind + 1);
			nd_printf(nd, "ILV: type %x length %u\n", it, il);
			if (il > 8) {
				nd_need(nd, p + 8, il - 8);
				hex_dump(nd->out, "\t\t[", p + 8, il - 8, 0);
			}
		}
		p += il;
		rem -= il;
	}
	return 0;
}

/* The end of a data TLV's line: " pad N" when its length is not a
 * multiple of four. */
static void put_pad(nd_t *nd, unsigned tl)
{
	if (tl % 4)
		nd_printf(nd, " pad %u", 4 - tl % 4);
	nd_s(nd, " Bytes)\n");
}

/* The TLVs inside a PATH-DATA, at indentation ind; printed with -vvv,
 * checked against the operation's mask at every verbosity. */
static void pd_tlvs_print(nd_t *nd, const uint8_t *p, unsigned len,
                          unsigned ind, unsigned depth, unsigned omask)
{
	int show = nd->opt->vflag >= 3;
	while (len >= 4) {
		unsigned t = nd_be16(nd, p), tl = nd_be16(nd, p + 2);
		if (tl < 4 || tl > len)
			return;
		unsigned dl = tl - 4;
		switch (t) {
		case 0x110:
			if (depth < PD_MAX_DEPTH)
				pathdata_print(nd, p, tl, ind, depth + 1, omask);
			break;
		case 0x112:
			if (show) {
				spaces(nd, ind);
				nd_printf(nd, "FULLDATA TLV (Length %u DataLen %u", tl, dl);
				put_pad(nd, tl);
			}
			data_check(nd, t, 1, omask);
			if (show) /* with its padding, as tcpdump */
				bracket_dump(nd, p + 4, dl + ((4 - tl % 4) % 4), ind + 1);
			break;
		case 0x113:
			if (show) {
				spaces(nd, ind);
				nd_printf(nd, "SPARSEDATA TLV (Length %u DataLen %u", tl, dl);
				put_pad(nd, tl);
			}
			data_check(nd, t, 2, omask);
			if (sparse_print(nd, p + 4, dl, ind))
				return;
			break;
		case 0x114: {
			if (show) {
				spaces(nd, ind);
				nd_printf(nd, "RESULT TLV (Length %u DataLen %u", tl, dl);
				put_pad(nd, tl);
			}
			data_check(nd, t, 4, omask);
			/* as tcpdump: the length with its padding must be 4 */
			if (dl + (4 - tl % 4) % 4 != 4) {
				nd_printf(nd, "illegal RESULT-TLV: %u bytes!\n",
					  dl + (4 - tl % 4) % 4);
				return;
			}
			unsigned c = nd_u8(nd, p + 4);
			if (show) {
				spaces(nd, ind + 2);
				nd_printf(nd, "Result: %s (code 0x%x)\n", result_name(c), c);
			}
			break;
		}
		default:
			return;
		}
		tl = (tl + 3) & ~3u;
		if (tl > len)
			return;
		p += tl;
		len -= tl;
	}
}

static void pathdata_print(nd_t *nd, const uint8_t *p, unsigned len,
                           unsigned ind, unsigned depth, unsigned omask)
{
	int show = nd->opt->vflag >= 3;
	if (show) {
		spaces(nd, ind);
		nd_printf(nd, "PATH-DATA TLV, length %u (data encapsulated %u Bytes)\n",
			  len, len - 4);
	}
	if (len < 8)
		return;
	unsigned flags = nd_be16(nd, p + 4), cnt = nd_be16(nd, p + 6);
	if (show) {
		spaces(nd, ind + 1);
		nd_printf(nd, "Pathdata: Flags 0x%x ID count %u\n", flags, cnt);
	}
	if (cnt > (len - 8) / 4)
		return;
	for (unsigned i = 0; show && i < cnt; i++) {
		spaces(nd, ind + 1);
		nd_printf(nd, "ID#%02u: %u\n", i + 1, nd_be32(nd, p + 8 + 4 * i));
	}
	unsigned off = 8 + 4 * cnt;
	pd_tlvs_print(nd, p + off, len - off, ind + 3, depth, omask);
}

/* The operations each message type may carry (tcpdump names any other
 * "INValid" and goes on). */
static int oper_allowed(unsigned tom, unsigned op)
{
	switch (tom) {
	case 0x01: case 0x05: return op == 0xb;
	case 0x03: return op == 1 || op == 2 || op == 5 || op == 0xc || op == 0xe;
	case 0x04: return op == 7 || op == 8;
	case 0x13: return op == 3 || op == 4 || op == 6 || op == 0xd;
	case 0x14: return op == 9 || op == 0xa;
	}
	return 0;
}

/* "Data[" and a hex dump indented by nine, as tcpdump after an operation
 * it rejects. */
static void data_dump(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_s(nd, "         Data[");
	nd_need(nd, p, len);
	hex_dump(nd->out, "\n         ", p, len, 0);
	nd_s(nd, "\n         ]\n");
}

/* An LFB selector and its operations.  As tcpdump, an operation the
 * message may not carry or one too short for a path is reported at every
 * verbosity (with a dump of it at -vvv); the rest only at -vvv. */
static void lfbselect_print(nd_t *nd, const uint8_t *p, unsigned len,
                            unsigned tom)
{
	int show = nd->opt->vflag >= 3;
	if (show)
		nd_printf(nd, "\tLFBselect TLV, length %u (data length %u Bytes)\n",
			  len, len - 4);
	if (len < 12)
		return;
	uint32_t cls = nd_be32(nd, p + 4), inst = nd_be32(nd, p + 8);
	if (show) {
		spaces(nd, 9);
		if (cls == 1)
			nd_s(nd, "FEObj LFB");
		else if (cls == 2)
			nd_s(nd, "FEProtoObj LFB");
		else
			nd_printf(nd, "#%u", cls);
		nd_printf(nd, "(Classid %x) instance %x\n", cls, inst);
	}
	const uint8_t *o = p + 12;
	unsigned left = len - 12;
	while (left >= 4) {
		unsigned t = nd_be16(nd, o), ol = nd_be16(nd, o + 2);
		const char *on = oper_name(t);
		if (ol < 4 || ol > left)
			return;
		if (!oper_allowed(tom, t)) {
			/* on a line of its own (with -vvv the last one ended) */
			nd_printf(nd, "%s\t\tINValid oper-TLV type 0x%x length %u for this ForCES message\n",
				  show ? "" : "\n", t, ol);
			if (show)
				data_dump(nd, o, left);
		} else {
			if (show) {
				spaces(nd, 10);
				nd_printf(nd, "Oper TLV  %s(0x%x) length %u\n", on, t, ol);
			}
			const uint8_t *q = o + 4;
			unsigned ql = ol - 4;
			if (ql < 8) {
				nd_printf(nd, "\t\tOper TLV  %s(0x%x) length %u\n\t\tTruncated data size %u minimum required 8\n",
					  on, t, ol, ql);
				if (show)
					data_dump(nd, q, ql);
			} else if (t == 0xc || t == 0xe) {
				/* Commit, RTRCOMP: their data is not decoded */
			} else {
				while (ql >= 4) {
					unsigned pt = nd_be16(nd, q), pl = nd_be16(nd, q + 2);
					if (pt != 0x110 || pl < 4 || pl > ql)
						break;
					pathdata_print(nd, q, pl, 11, 1, oper_data_mask(t));
					pl = (pl + 3) & ~3u;
					if (pl > ql)
						break;
					q += pl;
					ql -= pl;
				}
			}
		}
		ol = (ol + 3) & ~3u;
		if (ol > left)
			return;
		o += ol;
		left -= ol;
	}
}

static void detail_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	unsigned ver = nd_u8(nd, p) >> 4;
	uint32_t flags = nd_be32(nd, p + 20);
	nd_printf(nd, "\n\tForCES Version %u len %uB flags 0x%08x ", ver, mlen,
		  flags);
	uint32_t src = nd_be32(nd, p + 4), dst = nd_be32(nd, p + 8);
	uint64_t corr = nd_be64(nd, p + 12);
	nd_printf(nd, "\n\tSrcID 0x%x(%s) DstID 0x%x(%s) Correlator 0x%llx",
		  src, id_kind(src), dst, id_kind(dst), (unsigned long long)corr);
	if (nd->opt->vflag < 2)
		return;
	static const char *const acks[] = {
		"NoACK", "SuccessACK", "FailureACK", "AlwaysACK",
	};
	static const char *const ems[] = {
		"EMReserved", "execute-all-or-none", "execute-until-failure",
		"continue-execute-on-failure",
	};
	static const char *const at[] = { "Standalone", "2PCtransaction" };
	static const char *const tps[] = {
		"StartofTransaction", "MiddleofTransaction", "EndofTransaction",
		"abort",
	};
	unsigned ack = flags >> 30, pri = (flags >> 27) & 7;
	unsigned rsv1 = (flags >> 24) & 7, em = (flags >> 22) & 3;
	unsigned a = (flags >> 21) & 1, tp = (flags >> 19) & 3;
	nd_s(nd, "\n\tForCES flags:");
	nd_printf(nd, "\n\t  %s(0x%x), prio=%u, %s(0x%x),", acks[ack], ack, pri,
		  ems[em], em);
	nd_printf(nd, "\n\t  %s(0x%x), %s(0x%x)", at[a], a, tps[tp], tp);
	nd_printf(nd, "\n\t  Extra flags: rsv(b5-7) 0x%x rsv(b13-31) 0x%x\n",
		  rsv1, flags & 0x7ffffu);
}

/* The whole message in hex after the TLVs (-vvvv). */
static void raw_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	nd_s(nd, "\n\t  Raw ForCES message");
	nd_s(nd, "\n\t [");
	nd_need(nd, p, mlen);
	hex_dump(nd->out, "\n\t ", p, mlen, 0);
	nd_s(nd, "\n\t ]");
}

static const char *top_tlv_name(unsigned t)
{
	switch (t) {
	case 0x0001: return "REDIRECT";
	case 0x0010: return "ASResult";
	case 0x0011: return "ASTreason";
	case 0x0110: return "PATH-DATA";
	case 0x0111: return "KEYINFO";
	case 0x0112: return "FULLDATA";
	case 0x0113: return "SPARSEDATA";
	case 0x0114: return "RESULT";
	case 0x0115: return "METADATA";
	case 0x0116: return "REDIRECTDATA";
	case 0x1000: return "LFBselect";
	}
	return NULL;
}

static void tlv_line(nd_t *nd, const char *name, unsigned tl)
{
	nd_printf(nd, "\t%s TLV, length %u (data length %u Bytes)", name, tl, tl - 4);
}

/* Association Response and TearDown: one 32-bit code.  0: printed; 1:
 * tcpdump calls it an error (the message is then dumped). */
static int asresult_print(nd_t *nd, const uint8_t *p, unsigned tl, int teardown)
{
	unsigned dl = tl - 4;
	if (nd->opt->vflag >= 3)
		tlv_line(nd, top_tlv_name(nd_be16(nd, p)), tl);
	if (dl != 4) {
		nd_printf(nd, "illegal %s-TLV: %u bytes!\n", teardown ? "ASTresult" : "ASRresult", dl);
		return 1;
	}
	uint32_t c = nd_be32(nd, p + 4);
	if (teardown ? c > 255 : c > 3) {
		nd_printf(nd, "illegal %s result code: %u!\n", teardown ? "ASTresult" : "ASRresult", c);
		return 1;
	}
	if (nd->opt->vflag < 3)
		return 0;
	if (teardown) {
		nd_s(nd, "Teardown reason:");
		static const char *const r[] = {
			"Normal Teardown", "Loss of Heartbeats", "Out of bandwidth",
			"Out of Memory", "Application Crash",
		};
		nd_printf(nd, "\n         %s(%x)\n         ", c < 5 ? r[c] : "Unknown Teardown reason", c);
	} else {
		static const char *const r[] = {
			"Success", "FE ID invalid", "permission denied", "Unknown",
		};
		nd_printf(nd, "\n         %s (%u)\n         ", r[c], c);
	}
	return 0;
}

/* Packet Redirect: its METADATA and REDIRECTDATA TLVs. */
static int redirect_print(nd_t *nd, const uint8_t *p, unsigned tl)
{
	unsigned dl = tl - 4;
	if (nd->opt->vflag >= 3)
		tlv_line(nd, top_tlv_name(nd_be16(nd, p)), tl);
	if (dl <= 8) {
		nd_printf(nd, "\n\t\ttruncated Redirect TLV: %u bytes missing! ", 8 - dl);
		return 1;
	}
	const uint8_t *q = p + 4;
	while (dl >= 4) {
		unsigned t = nd_be16(nd, q), l = nd_be16(nd, q + 2);
		if (l < 4 || l > dl)
			break;
		if (t == 0x115) {
			nd_printf(nd, "\n           METADATA length %u\n", l - 4);
		} else if (t == 0x116) {
			nd_printf(nd, "\n           Redirect Data length %u\n", l - 4);
			if (nd->opt->vflag >= 3) {
				nd_s(nd, "\t\t[");
				nd_need(nd, q + 4, l - 4);
				hex_dump(nd->out, "\n\t\t", q + 4, l - 4, 0);
				nd_s(nd, "\n\t\t]");
			}
		}
		l = (l + 3) & ~3u;
		if (l > dl)
			break;
		q += l;
		dl -= l;
	}
	return 0;
}

/* The top-level TLVs, at every verbosity as tcpdump (which checks them
 * whatever it prints): 0 when done, 1 for an error (the message is then
 * dumped), and -1 when the walk is left to the LFB selector printer. */
static int top_tlvs(nd_t *nd, const uint8_t *p, unsigned tom, unsigned mlen)
{
	unsigned rem = mlen - 24;
	if (tom == 0x0f) {
		if (rem == 0)
			return 0;
		nd_s(nd, "<0x1>Illegal Top level TLV!\n");
		return 1;
	}
	if (rem == 0) {
		if (tom == 0x01) /* Association Setup may carry none */
			return 0;
		nd_s(nd, "\tTop level TLV Data missing!\n");
		return 1;
	}
	const uint8_t *t = p + 24;
	int first = 1;
	while (rem > 0) {
		unsigned tt = rem >= 4 ? nd_be16(nd, t) : 0;
		unsigned tl = rem >= 4 ? nd_be16(nd, t + 2) : 0;
		/* as tcpdump: after an association TLV, the next header is
		 * found wanting whatever it holds */
		if (rem < 4 || tl < 4 || tl > rem ||
		    (!first && (tom == 0x02 || tom == 0x11))) {
			nd_printf(nd, "\tMess TopTLV header: min %u, total %u advertised %u ",
				  4, rem, tl);
			return 1;
		}
		if (!top_tlv_name(tt)) {
			nd_printf(nd, "\n\tInvalid ForCES Top TLV type=0x%x", tt);
			return 1;
		}
		int r;
		switch (tom) {
		case 0x02:
			r = asresult_print(nd, t, tl, 1);
			break;
		case 0x11:
			r = asresult_print(nd, t, tl, 0);
			break;
		case 0x06:
			r = redirect_print(nd, t, tl);
			break;
		default:
			if (tl - 4 < 12) {
				if (nd->opt->vflag >= 3)
					tlv_line(nd, top_tlv_name(tt), tl);
				nd_printf(nd, "\n\t\ttruncated lfb selector: %u bytes missing! ",
					  12 - (tl - 4));
				return 1;
			}
			return -1;
		}
		if (r)
			return r;
		first = 0;
		tl = (tl + 3) & ~3u;
		if (tl >= rem)
			break;
		t += tl;
		rem -= tl;
	}
	return 0;
}

/* The LFB selectors. */
static void lfb_tlvs(nd_t *nd, const uint8_t *p, unsigned mlen, unsigned tom)
{
	const uint8_t *t = p + 24;
	unsigned left = mlen - 24;
	while (left >= 4) {
		unsigned tt = nd_be16(nd, t), tl = nd_be16(nd, t + 2);
		if (tt != 0x1000 || tl < 4 || tl > left)
			break;
		lfbselect_print(nd, t, tl, tom);
		tl = (tl + 3) & ~3u;
		if (tl > left)
			break;
		t += tl;
		left -= tl;
	}
}

void forces_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "forces");
	unsigned tom = nd_u8(nd, p + 1);
	const char *tn = tom_name(tom);
	if (!tn) {
		nd_printf(nd, "Invalid ForCES message type %u\n", tom);
		goto error;
	}
	nd_printf(nd, "\n\tForCES %s ", tn);
	unsigned mlen = nd_be16(nd, p + 2) * 4u;
	if (mlen < 24 || mlen != len) { /* as tcpdump: exactly the chunk's data */
		nd_printf(nd, "Illegal ForCES pkt len - min %u, total recvd %u, advertised %u ",
			  24, len, mlen);
		goto error;
	}
	if (nd->opt->vflag)
		detail_print(nd, p, mlen);
	int r = top_tlvs(nd, p, tom, mlen);
	if (r > 0)
		goto error;
	if (r < 0)
		lfb_tlvs(nd, p, mlen, tom);
	if (nd->opt->vflag >= 4)
		raw_print(nd, p, mlen);
	return;
error:
	{
		size_t avail = nd_avail(nd, p);
		hex_dump(nd->out, "\n\t[", p, len < avail ? len : (unsigned)avail, 0);
	}
	nd_s(nd, "\n\t]");
}
