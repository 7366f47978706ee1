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
		"Commit", "CommitResp", "TranFlush",
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
                           unsigned ind, unsigned depth);

/* The TLVs inside a PATH-DATA, at indentation ind. */
static void pd_tlvs_print(nd_t *nd, const uint8_t *p, unsigned len,
                          unsigned ind, unsigned depth)
{
	while (len >= 4) {
		unsigned t = nd_be16(nd, p), tl = nd_be16(nd, p + 2);
		if (tl < 4 || tl > len)
			return;
		unsigned dl = tl - 4;
		switch (t) {
		case 0x110:
			if (depth < PD_MAX_DEPTH)
				pathdata_print(nd, p, tl, ind, depth + 1);
			break;
		case 0x112:
			spaces(nd, ind);
			nd_printf(nd, "FULLDATA TLV (Length %u DataLen %u Bytes)\n",
				  tl, dl);
			bracket_dump(nd, p + 4, dl, ind + 1);
			break;
		case 0x114: {
			spaces(nd, ind);
			nd_printf(nd, "RESULT TLV (Length %u DataLen %u Bytes)\n",
				  tl, dl);
			if (dl < 4)
				return;
			unsigned c = nd_u8(nd, p + 4);
			spaces(nd, ind + 2);
			nd_printf(nd, "Result: %s (code 0x%x)\n", result_name(c), c);
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
                           unsigned ind, unsigned depth)
{
	spaces(nd, ind);
	nd_printf(nd, "PATH-DATA TLV, length %u (data encapsulated %u Bytes)\n",
		  len, len - 4);
	if (len < 8)
		return;
	unsigned flags = nd_be16(nd, p + 4), cnt = nd_be16(nd, p + 6);
	spaces(nd, ind + 1);
	nd_printf(nd, "Pathdata: Flags 0x%x ID count %u\n", flags, cnt);
	if (cnt > (len - 8) / 4)
		return;
	for (unsigned i = 0; i < cnt; i++) {
		spaces(nd, ind + 1);
		nd_printf(nd, "ID#%02u: %u\n", i + 1, nd_be32(nd, p + 8 + 4 * i));
	}
	unsigned off = 8 + 4 * cnt;
	pd_tlvs_print(nd, p + off, len - off, ind + 3, depth);
}

static void lfbselect_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_printf(nd, "\tLFBselect TLV, length %u (data length %u Bytes)\n",
		  len, len - 4);
	if (len < 12)
		return;
	uint32_t cls = nd_be32(nd, p + 4), inst = nd_be32(nd, p + 8);
	spaces(nd, 9);
	if (cls == 1)
		nd_s(nd, "FEObj LFB");
	else if (cls == 2)
		nd_s(nd, "FEProtoObj LFB");
	else
		nd_printf(nd, "#%u", cls);
	nd_printf(nd, "(Classid %x) instance %x\n", cls, inst);
	const uint8_t *o = p + 12;
	unsigned left = len - 12;
	while (left >= 4) {
		unsigned t = nd_be16(nd, o), ol = nd_be16(nd, o + 2);
		const char *on = oper_name(t);
		if (!on || ol < 4 || ol > left)
			return;
		spaces(nd, 10);
		nd_printf(nd, "Oper TLV  %s(0x%x) length %u\n", on, t, ol);
		const uint8_t *q = o + 4;
		unsigned ql = ol - 4;
		while (ql >= 4) {
			unsigned pt = nd_be16(nd, q), pl = nd_be16(nd, q + 2);
			if (pt != 0x110 || pl < 4 || pl > ql)
				break;
			pathdata_print(nd, q, pl, 11, 1);
			pl = (pl + 3) & ~3u;
			if (pl > ql)
				break;
			q += pl;
			ql -= pl;
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
	if (nd->opt->vflag >= 3) {
		const uint8_t *t = p + 24;
		unsigned left = mlen - 24;
		while (left >= 4) {
			unsigned tt = nd_be16(nd, t), tl = nd_be16(nd, t + 2);
			if (tt != 0x1000 || tl < 4 || tl > left)
				break;
			lfbselect_print(nd, t, tl);
			tl = (tl + 3) & ~3u;
			if (tl > left)
				break;
			t += tl;
			left -= tl;
		}
	}
	if (nd->opt->vflag >= 4) {
		nd_s(nd, "\n\t  Raw ForCES message\n\t [");
		nd_need(nd, p, mlen);
		hex_dump(nd->out, "\n\t ", p, mlen, 0);
		nd_s(nd, "\n\t ]");
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
	if (mlen < 24 || mlen > len) {
		nd_printf(nd, "Illegal ForCES pkt len - min %u, total recvd %u, advertised %u ",
			  24, len, mlen);
		goto error;
	}
	if (nd->opt->vflag)
		detail_print(nd, p, mlen);
	return;
error:
	{
		size_t avail = nd_avail(nd, p);
		hex_dump(nd->out, "\n\t[", p, len < avail ? len : (unsigned)avail, 0);
	}
	nd_s(nd, "\n\t]");
}
