/* decnet.c - DECnet Phase IV (ethertype 0x6003): the routing layer (a
 * little-endian length, optional padding, the flags byte, then either a
 * routing control message or a short/long data header) and the NSP
 * messages data packets carry.  Node addresses are 16-bit little-endian:
 * area in the top 6 bits, node in the low 10, shown "area.node". */
#include "../core/hexdump.h"
#include "print.h"

/* Routing flags */
#define RMF_CTL 0x01
#define RMF_FMT 0x07    /* data packet format: 2 short, 6 long */
#define RMF_RQR 0x08
#define RMF_RTS 0x10
#define RMF_IE 0x20
#define RMF_FVER 0x40
#define RMF_PAD 0x80

#define SHORT_HDR 6     /* flags, dst, src, forward */
#define LONG_HDR 21     /* flags, dst area/subarea/id, src ..., nl2, visits, class, pt */

static void put_dn(nd_t *nd, unsigned a)
{
	nd_u(nd, a >> 10);
	nd_c(nd, '.');
	nd_u(nd, a & 0x3ff);
}

/* Undecoded bytes: hex and ASCII of what was captured, then the truncation
 * marker when some were not. */
static void dump(nd_t *nd, const uint8_t *p, unsigned len)
{
	/* shown under -x too, as tcpdump */
	size_t avail = nd_avail(nd, p);
	link_default_print(nd, p, len < avail ? len : (unsigned)avail);
}

static const char *ntype(unsigned info)
{
	static const char *const names[] = { "reserved-ntype?", "l2rout", "l1rout",
					      "endnode" };
	return names[info & 3];
}

/* The routing-message segments: count, first id, cost/hops; the last two
 * bytes are the checksum. */
static void routes(nd_t *nd, const uint8_t *p, unsigned len, const char *what)
{
	while (len > 6) {
		unsigned count = nd_le16(nd, p), id = nd_le16(nd, p + 2),
			 info = nd_le16(nd, p + 4);
		if (count > 1024)
			return; /* bogus from here on */
		p += 6;
		len -= 6;
		nd_c(nd, '{');
		nd_s(nd, what);
		nd_c(nd, ' ');
		nd_u(nd, id);
		nd_c(nd, '-');
		nd_u(nd, id + count);
		nd_s(nd, " cost ");
		nd_u(nd, info & 0x1ff);
		nd_s(nd, " hops ");
		nd_u(nd, (info >> 10) & 0x1f);
		nd_s(nd, "} ");
	}
}

static void ctlmsg(nd_t *nd, const uint8_t *p, unsigned len)
{
	unsigned flags = nd_u8(nd, p);
	switch (flags & 0x0e) {
	case 0x00: { /* initialization */
		nd_s(nd, "init ");
		if (len < 12)
			goto invalid;
		nd_need(nd, p, 12);
		unsigned src = nd_le16(nd, p + 1), info = nd_u8(nd, p + 3),
			 blk = nd_le16(nd, p + 4), v = nd_u8(nd, p + 6),
			 e = nd_u8(nd, p + 7), u = nd_u8(nd, p + 8),
			 hello = nd_le16(nd, p + 9);
		nd_s(nd, ntype(info));
		nd_c(nd, ' ');
		if (info & 0x04)
			nd_s(nd, "verif ");
		if (info & 0x08)
			nd_s(nd, "blo ");
		nd_s(nd, "src ");
		put_dn(nd, src);
		nd_s(nd, "blksize ");
		nd_u(nd, blk);
		nd_s(nd, " vers ");
		nd_u(nd, v);
		nd_s(nd, " eco ");
		nd_u(nd, e);
		nd_s(nd, " ueco ");
		nd_u(nd, u);
		nd_s(nd, " hello ");
		nd_u(nd, hello);
		break;
	}
	case 0x02: { /* verification */
		nd_s(nd, "verification ");
		if (len < 4)
			goto invalid;
		nd_need(nd, p, 4);
		unsigned src = nd_le16(nd, p + 1), fcn = nd_u8(nd, p + 3);
		nd_s(nd, "src ");
		put_dn(nd, src);
		nd_printf(nd, " fcnval %o", fcn); /* octal, as tcpdump */
		break;
	}
	case 0x04: { /* hello and test */
		nd_s(nd, "test ");
		if (len < 4)
			goto invalid;
		nd_need(nd, p, 4);
		unsigned src = nd_le16(nd, p + 1), data = nd_u8(nd, p + 3);
		nd_s(nd, "src ");
		put_dn(nd, src);
		nd_printf(nd, " data %o", data); /* octal, as tcpdump */
		break;
	}
	case 0x06: /* level 1 routing */
	case 0x08: { /* level 2 routing */
		int l2 = (flags & 0x0e) == 0x08;
		nd_s(nd, l2 ? "lev-2-routing " : "lev-1-routing ");
		if (len < 4)
			goto invalid;
		nd_need(nd, p, 4);
		unsigned src = nd_le16(nd, p + 1);
		nd_s(nd, "src ");
		put_dn(nd, src);
		nd_c(nd, ' ');
		routes(nd, p + 4, len - 4, l2 ? "areas" : "ids");
		break;
	}
	case 0x0a: /* router hello */
	case 0x0c: { /* endnode hello */
		int rtr = (flags & 0x0e) == 0x0a;
		nd_s(nd, rtr ? "router-hello " : "endnode-hello ");
		if (len < (rtr ? 18u : 32u))
			goto invalid;
		nd_need(nd, p, rtr ? 18u : 32u);
		unsigned v = nd_u8(nd, p + 1), e = nd_u8(nd, p + 2), u = nd_u8(nd, p + 3),
			 src = nd_le16(nd, p + 8), info = nd_u8(nd, p + 10),
			 blk = nd_le16(nd, p + 11);
		nd_s(nd, ntype(info));
		nd_c(nd, ' ');
		if (info & 0x04)
			nd_s(nd, "verif ");
		if (info & 0x20)
			nd_s(nd, "nomcast ");
		if (info & 0x40)
			nd_s(nd, "blo ");
		if (rtr) {
			unsigned pri = nd_u8(nd, p + 13), hello = nd_le16(nd, p + 15);
			nd_s(nd, "vers ");
			nd_u(nd, v);
			nd_s(nd, " eco ");
			nd_u(nd, e);
			nd_s(nd, " ueco ");
			nd_u(nd, u);
			nd_s(nd, " src ");
			put_dn(nd, src);
			nd_s(nd, " blksize ");
			nd_u(nd, blk);
			nd_s(nd, " pri ");
			nd_u(nd, pri);
			nd_s(nd, " hello ");
			nd_u(nd, hello);
		} else {
			unsigned rtr_id = nd_le16(nd, p + 26), hello = nd_le16(nd, p + 28),
				 data = nd_u8(nd, p + 31);
			nd_s(nd, "vers ");
			nd_u(nd, v);
			nd_s(nd, " eco ");
			nd_u(nd, e);
			nd_s(nd, " ueco ");
			nd_u(nd, u);
			nd_s(nd, " src ");
			put_dn(nd, src);
			nd_s(nd, " blksize ");
			nd_u(nd, blk);
			nd_s(nd, " rtr ");
			put_dn(nd, rtr_id);
			nd_printf(nd, " hello %u data %o", hello, data);
		}
		break;
	}
	default:
		nd_s(nd, "unknown control message");
		link_default_print(nd, p, len); /* with the marker if cut */
		break;
	}
	return;
invalid:
	nd_print_invalid(nd);
}

/* The acknowledgement fields that may open an NSP message: each present
 * when its top bit is set; second names the other subchannel's. */
static const uint8_t *acks(nd_t *nd, const uint8_t *p, const char *oack,
                           const char *onak, unsigned *rem)
{
	unsigned a = nd_le16(nd, p);
	if (!(a & 0x8000))
		return p;
	nd_s(nd, a & 0x1000 ? "nak" : "ack");
	nd_c(nd, ' ');
	nd_u(nd, a & 0xfff);
	nd_c(nd, ' ');
	p += 2;
	*rem -= 2;
	if (*rem < 2)
		return NULL;
	a = nd_le16(nd, p);
	/* tcpdump's tests for the second field, bit for bit */
	if (!(a & 0xa000))
		return p;
	nd_s(nd, (a & 0xb000) == 0xb000 ? onak : oack);
	nd_c(nd, ' ');
	nd_u(nd, a & 0xfff);
	nd_c(nd, ' ');
	*rem -= 2;
	return p + 2;
}

/* The acknowledgements, then the segment number, each only while the
 * message's length lasts; 0 when it does not. */
static int acks_seg(nd_t *nd, const uint8_t *p, unsigned len, const char *oack,
                    const char *onak)
{
	unsigned rem = len - 5;
	const uint8_t *q = acks(nd, p + 5, oack, onak, &rem);
	if (!q || rem < 2)
		return 0;
	{
		unsigned v0 = nd_le16(nd, q) & 0xfff;
		nd_s(nd, "seg ");
		nd_u(nd, v0);
		nd_c(nd, ' ');
	}
	return 1;
}

static void services(nd_t *nd, unsigned svc)
{
	switch (svc & 0x0c) {
	case 0x04: nd_s(nd, "seg "); break;
	case 0x08: nd_s(nd, "msg "); break;
	}
}

static const char *reason(unsigned r)
{
	switch (r) {
	case 0: return "object rejected connect";
	case 1: return "insufficient resources";
	case 2: return "unrecognized node name";
	case 3: return "node is shutting down";
	case 4: return "unrecognized object";
	case 5: return "invalid object name format";
	case 6: return "object too busy";
	case 7: return "protocol error discovered";
	case 8: return "third party abort";
	case 9: return "user abort";
	case 10: return "invalid node name format";
	case 11: return "local node shutting down";
	case 32: return "insufficient local resources";
	case 33: return "insufficient remote user resources";
	case 34: return "invalid access control information";
	case 36: return "bad ACCOUNT information";
	case 38: return "no response from object";
	case 39: return "node unreachable";
	case 41: return "no link terminate";
	case 42: return "disconnect complete";
	case 43: return "bad image data in connect";
	case 54: return "cryptographic service mismatch";
	}
	return NULL;
}

static void put_reason(nd_t *nd, unsigned r)
{
	const char *s = reason(r);
	if (s) {
		nd_s(nd, s);
		nd_c(nd, ' ');
	} else {
		nd_s(nd, "reason-");
		nd_u(nd, r);
		nd_c(nd, ' ');
	}
}

static void nsp(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 5) {
		nd_s(nd, " (nsplen ");
		nd_u(nd, len);
		nd_s(nd, " < 5)");
		goto invalid;
	}
	unsigned flg = nd_u8(nd, p), dst = nd_le16(nd, p + 1), src = nd_le16(nd, p + 3);
	const uint8_t *q = p + 5;
	unsigned sub = flg & 0x70;
	switch (flg & 0x0c) {
	case 0x00: /* data */
		switch (sub) {
		case 0x00: case 0x20: case 0x40: case 0x60:
			nd_s(nd, "data ");
			nd_u(nd, src);
			nd_c(nd, '>');
			nd_u(nd, dst);
			nd_c(nd, ' ');
			if (len < 7 || !acks_seg(nd, p, len, "oack", "onak"))
				goto invalid;
			break;
		case 0x10: { /* link service */ {
			nd_s(nd, "link-service ");
			nd_u(nd, src);
			nd_c(nd, '>');
			nd_u(nd, dst);
			nd_c(nd, ' ');
		}
			if (len < 13)
				goto invalid;
			if (!acks_seg(nd, p, len, "ackdat", "nakdat"))
				goto invalid;
			/* at fixed places, whatever acknowledgements came before */
			unsigned ls = nd_u8(nd, p + 11), fcval = nd_u8(nd, p + 12);
			switch ((ls >> 2) & 3) {
			case 0:
				nd_s(nd, "dat seg count ");
				nd_u(nd, fcval);
				nd_c(nd, ' ');
				switch (ls & 3) {
				case 0: break;
				case 1: nd_s(nd, "donotsend-data "); break;
				case 2: nd_s(nd, "send-data "); break;
				default: nd_printf(nd, "reserved-fcmod? %x", ls); break;
				}
				break;
			case 1:
				nd_s(nd, "intr req count ");
				nd_u(nd, fcval);
				nd_c(nd, ' ');
				break;
			default:
				nd_s(nd, "reserved-fcval-int? ");
				out_x(nd->out, ls, 0);
				break;
			}
			break;
		}
		case 0x30: /* interrupt */
			nd_s(nd, "intr ");
			if (len < 7 || !acks_seg(nd, p, len, "ackdat", "nakdat"))
				goto invalid;
			break;
		default:
			nd_s(nd, "reserved-subtype? ");
			out_x(nd->out, flg, 0);
			nd_c(nd, ' ');
			nd_u(nd, src);
			nd_s(nd, " > ");
			nd_u(nd, dst);
			break;
		}
		break;
	case 0x04: /* acknowledgement */
		switch (sub) {
		case 0x00:
		case 0x10:
			nd_s(nd, sub ? "ils-ack" : "data-ack");
			nd_c(nd, ' ');
			nd_u(nd, src);
			nd_c(nd, '>');
			nd_u(nd, dst);
			nd_c(nd, ' ');
			if (len < 9)
				goto invalid;
			nd_need(nd, p, 9);
			unsigned rem = len - 5;
			if (!acks(nd, q, sub ? "ackdat" : "oack", sub ? "nakdat" : "onak",
				  &rem))
				goto invalid;
			break;
		case 0x20:
			nd_s(nd, "conn-ack ");
			nd_u(nd, dst);
			break;
		default:
			nd_s(nd, "reserved-acktype? ");
			out_x(nd->out, flg, 0);
			nd_c(nd, ' ');
			nd_u(nd, src);
			nd_s(nd, " > ");
			nd_u(nd, dst);
			break;
		}
		break;
	case 0x08: /* control */
		switch (sub) {
		case 0x10:
		case 0x60: {
			nd_s(nd, sub == 0x10 ? "conn-initiate" :
				  "retrans-conn-initiate");
			nd_c(nd, ' ');
			nd_u(nd, src);
			nd_c(nd, '>');
			nd_u(nd, dst);
			nd_c(nd, ' ');
			if (len < 9)
				goto invalid;
			static const char *const ver[] = { "3.2", "3.1", "4.0", "4.1" };
			nd_need(nd, p, 9);
			unsigned svc = nd_u8(nd, q), info = nd_u8(nd, q + 1),
				 seg = nd_le16(nd, q + 2);
			services(nd, svc);
			nd_s(nd, "ver ");
			nd_s(nd, ver[info & 3]);
			nd_s(nd, " segsize ");
			nd_u(nd, seg);
			nd_c(nd, ' ');
			break;
		}
		case 0x20: {
			nd_s(nd, "conn-confirm ");
			nd_u(nd, src);
			nd_c(nd, '>');
			nd_u(nd, dst);
			nd_c(nd, ' ');
			if (len < 10)
				goto invalid;
			static const char *const ver[] = { "3.2", "3.1", "4.0", "4.1" };
			nd_need(nd, p, 10);
			unsigned svc = nd_u8(nd, q), info = nd_u8(nd, q + 1),
				 seg = nd_le16(nd, q + 2), opt = nd_u8(nd, q + 4);
			services(nd, svc);
			nd_s(nd, "ver ");
			nd_s(nd, ver[info & 3]);
			nd_s(nd, " segsize ");
			nd_u(nd, seg);
			nd_c(nd, ' ');
			if (opt) {
				nd_s(nd, "optlen ");
				nd_u(nd, opt);
				nd_c(nd, ' ');
			}
			break;
		}
		case 0x30: {
			nd_s(nd, "disconn-initiate ");
			nd_u(nd, src);
			nd_c(nd, '>');
			nd_u(nd, dst);
			nd_c(nd, ' ');
			if (len < 8)
				goto invalid;
			unsigned r = nd_le16(nd, q), opt = nd_u8(nd, q + 2);
			put_reason(nd, r);
			if (opt) {
				nd_s(nd, "optlen ");
				nd_u(nd, opt);
				nd_c(nd, ' ');
			}
			break;
		}
		case 0x40:
			nd_s(nd, "disconn-confirm ");
			nd_u(nd, src);
			nd_c(nd, '>');
			nd_u(nd, dst);
			nd_c(nd, ' ');
			put_reason(nd, nd_le16(nd, q));
			break;
		default:
			nd_s(nd, "reserved-ctltype? ");
			out_x(nd->out, flg, 0);
			nd_c(nd, ' ');
			nd_u(nd, src);
			nd_s(nd, " > ");
			nd_u(nd, dst);
			break;
		}
		break;
	default:
		nd_s(nd, "reserved-type? ");
		out_x(nd->out, flg, 0);
		nd_c(nd, ' ');
		nd_u(nd, src);
		nd_s(nd, " > ");
		nd_u(nd, dst);
		break;
	}
	return;
invalid:
	nd_print_invalid(nd);
}

void decnet_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "decnet");
	if (length < SHORT_HDR) {
		nd_s(nd, " (length ");
		nd_u(nd, length);
		nd_s(nd, " < ");
		nd_u(nd, SHORT_HDR);
		nd_c(nd, ')');
		goto invalid;
	}
	unsigned pktlen = nd_le16(nd, p);
	if (pktlen < SHORT_HDR) {
		nd_s(nd, " (pktlen ");
		nd_u(nd, pktlen);
		nd_s(nd, " < ");
		nd_u(nd, SHORT_HDR);
		nd_c(nd, ')');
		goto invalid;
	}
	if (pktlen > length) {
		nd_s(nd, " (pktlen ");
		nd_u(nd, pktlen);
		nd_s(nd, " > ");
		nd_u(nd, length);
		nd_c(nd, ')');
		goto invalid;
	}
	unsigned len = pktlen;
	const uint8_t *rh = p + 2;
	unsigned flags = nd_u8(nd, rh);
	if (flags & RMF_PAD) {
		unsigned pad = flags & 0x7f;
		if (nd->opt->vflag) {
			nd_s(nd, "[pad:");
			nd_u(nd, pad);
			nd_s(nd, "] ");
		}
		if (len < pad + 2) {
			nd_s(nd, " (length ");
			nd_u(nd, len);
			nd_s(nd, " < ");
			nd_u(nd, pad + 2);
			nd_c(nd, ')');
			goto invalid;
		}
		rh += pad;
		len -= pad;
		flags = nd_u8(nd, rh);
	}
	if (flags & RMF_FVER) {
		nd_s(nd, "future-version-decnet");
		dump(nd, rh - 2, len);
		return;
	}
	if (flags & RMF_CTL) {
		ctlmsg(nd, rh, len);
		return;
	}
	unsigned dst, src, hops, hdr;
	switch (flags & RMF_FMT) {
	case 2:
		/* no length test here in tcpdump: a short rest after padding
		 * reads on until the capture ends */
		nd_need(nd, rh, SHORT_HDR);
		dst = nd_le16(nd, rh + 1);
		src = nd_le16(nd, rh + 3);
		hops = (nd_u8(nd, rh + 5) & 0x3f) + 1;
		hdr = SHORT_HDR;
		break;
	case 6:
		if (len < LONG_HDR) {
			nd_s(nd, " (length ");
			nd_u(nd, len);
			nd_s(nd, " < ");
			nd_u(nd, LONG_HDR);
			nd_c(nd, ')');
			goto invalid;
		}
		nd_need(nd, rh, LONG_HDR);
		dst = nd_le16(nd, rh + 7);
		src = nd_le16(nd, rh + 15);
		hops = nd_u8(nd, rh + 18);
		hdr = LONG_HDR;
		break;
	default:
		nd_s(nd, "unknown message flags under mask");
		dump(nd, rh - 2, len);
		return;
	}
	put_dn(nd, src);
	nd_s(nd, " > ");
	put_dn(nd, dst);
	nd_c(nd, ' ');
	nd_u(nd, pktlen);
	nd_c(nd, ' ');
	if (nd->opt->vflag) {
		if (flags & RMF_RQR)
			nd_s(nd, "RQR ");
		if (flags & RMF_RTS)
			nd_s(nd, "RTS ");
		if (flags & RMF_IE)
			nd_s(nd, "IE ");
		nd_u(nd, hops);
		nd_s(nd, " hops ");
	}
	nsp(nd, rh + hdr, len - hdr);
	return;
invalid:
	nd_print_invalid(nd);
}
