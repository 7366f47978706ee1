/* mptcp.c - Multipath TCP option (kind 30, RFC 6824 and RFC 8684): the
 * subtype in the high nibble of the third byte, then per subtype fields.
 * Output follows tcpdump: "mptcp LEN SUBTYPE ..."; a length that does not
 * fit the subtype makes the option bad. */
#include <inttypes.h>

#include "../core/names.h"
#include "print.h"
#include "tcp.h"

enum {
	MP_CAPABLE, MP_JOIN, MP_DSS, MP_ADD_ADDR, MP_REMOVE_ADDR, MP_PRIO,
	MP_FAIL, MP_FASTCLOSE,
};

static const char *const subtype_names[] = {
	"capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail",
	"fast-close",
};

static int capable(nd_t *nd, const uint8_t *cp, unsigned len, unsigned flags)
{
	int syn_ok = (len == 4 || len == 12) && (flags & TH_SYN);
	int ack_ok = (len == 20 || len == 22) &&
		     (flags & (TH_SYN | TH_ACK)) == TH_ACK;
	if (!syn_ok && !ack_ok)
		return 0;
	unsigned version = nd_u8(nd, cp + 2) & 0x0f;
	if (version > 1) {
		nd_s(nd, " Unknown Version (");
		nd_u(nd, version);
		nd_c(nd, ')');
		return 1;
	}
	nd_s(nd, " v");
	nd_u(nd, version);
	if (nd_u8(nd, cp + 3) & 0x80)
		nd_s(nd, " csum");
	if (len == 12 || len >= 20) {
		nd_printf(nd, " {0x%" PRIx64, nd_be64(nd, cp + 4));
		if (len >= 20)
			nd_printf(nd, ",0x%" PRIx64, nd_be64(nd, cp + 12));
		nd_c(nd, '}');
	}
	return 1;
}

static int join(nd_t *nd, const uint8_t *cp, unsigned len, unsigned flags)
{
	if (!(len == 12 && (flags & TH_SYN)) &&
	    !(len == 16 && (flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK)) &&
	    !(len == 24 && (flags & TH_ACK)))
		return 0;
	if (len != 24) {
		if (nd_u8(nd, cp + 2) & 0x01)
			nd_s(nd, " backup");
		{
			unsigned v0 = nd_u8(nd, cp + 3);
			nd_s(nd, " id ");
			nd_u(nd, v0);
		}
	}
	switch (len) {
	case 12:
		{
			unsigned v0 = nd_be32(nd, cp + 4);
			unsigned v1 = nd_be32(nd, cp + 8);
			nd_s(nd, " token 0x");
			out_x(nd->out, v0, 0);
			nd_s(nd, " nonce 0x");
			out_x(nd->out, v1, 0);
		}
		break;
	case 16:
		nd_printf(nd, " hmac 0x%" PRIx64 " nonce 0x%x",
			  nd_be64(nd, cp + 4), nd_be32(nd, cp + 12));
		break;
	default:
		nd_s(nd, " hmac 0x");
		for (unsigned i = 0; i < 20; i++)
			out_x(nd->out, nd_u8(nd, cp + 4 + i), 2);
		break;
	}
	return 1;
}

/* Data Sequence Signal: flags F(0x10) m(0x08) M(0x04) a(0x02) A(0x01). */
static int dss(nd_t *nd, const uint8_t *cp, unsigned len, unsigned flags)
{
	if (len < 4 || (flags & TH_SYN))
		return 0;
	unsigned fl = nd_u8(nd, cp + 3);
	const uint8_t *p = cp + 4;
	unsigned left = len - 4;
	if (fl & 0x10)
		nd_s(nd, " fin");
	if (fl & 0x01) {
		nd_s(nd, " ack ");
		unsigned n = (fl & 0x02) ? 8 : 4;
		if (left < n)
			return 0;
		nd_u(nd, n == 8 ? nd_be64(nd, p) : nd_be32(nd, p));
		p += n;
		left -= n;
	}
	if (fl & 0x04) {
		nd_s(nd, " seq ");
		unsigned n = (fl & 0x08) ? 8 : 4;
		if (left < n)
			return 0;
		nd_u(nd, n == 8 ? nd_be64(nd, p) : nd_be32(nd, p));
		p += n;
		left -= n;
		if (left < 4)
			return 0;
		{
			unsigned v0 = nd_be32(nd, p);
			nd_s(nd, " subseq ");
			nd_u(nd, v0);
		}
		p += 4;
		left -= 4;
		if (left < 2)
			return 0;
		{
			unsigned v0 = nd_be16(nd, p);
			nd_s(nd, " len ");
			nd_u(nd, v0);
		}
		p += 2;
		left -= 2;
		if (left >= 2) {
			{
				unsigned v0 = nd_be16(nd, p);
				nd_s(nd, " csum 0x");
				out_x(nd->out, v0, 0);
			}
			left -= 2;
		}
	}
	return left == 0;
}

static int add_addr(nd_t *nd, const uint8_t *cp, unsigned len)
{
	int v6, port, hmac;
	switch (len) {
	case 8: v6 = 0; port = 0; hmac = 0; break;
	case 10: v6 = 0; port = 1; hmac = 0; break;
	case 16: v6 = 0; port = 0; hmac = 1; break;
	case 18: v6 = 0; port = 1; hmac = 1; break;
	case 20: v6 = 1; port = 0; hmac = 0; break;
	case 22: v6 = 1; port = 1; hmac = 0; break;
	case 28: v6 = 1; port = 0; hmac = 1; break;
	case 30: v6 = 1; port = 1; hmac = 1; break;
	default: return 0;
	}
	switch (nd_u8(nd, cp + 2) & 0x0f) {
	case 4: nd_s(nd, " v0-ip4"); break;
	case 6: nd_s(nd, " v0-ip6"); break;
	case 0: nd_s(nd, " v1"); break;
	case 1: nd_s(nd, " v1-echo"); break;
	default: nd_s(nd, " [bad version/echo]"); break;
	}
	{
		unsigned v0 = nd_u8(nd, cp + 3);
		nd_s(nd, " id ");
		nd_u(nd, v0);
		nd_c(nd, ' ');
	}
	const uint8_t *p = cp + 4;
	if (v6) {
		nd_need(nd, p, 16);
		put_ip6(nd, p);
		p += 16;
	} else {
		nd_need(nd, p, 4);
		put_ip4(nd, p);
		p += 4;
	}
	if (port) {
		{
			unsigned v0 = nd_be16(nd, p);
			nd_c(nd, ':');
			nd_u(nd, v0);
		}
		p += 2;
	}
	if (hmac)
		nd_printf(nd, " hmac 0x%" PRIx64, nd_be64(nd, p));
	return 1;
}

static int remove_addr(nd_t *nd, const uint8_t *cp, unsigned len)
{
	if (len < 4)
		return 0;
	nd_s(nd, " id");
	for (unsigned i = 3; i < len; i++) {
		unsigned v0 = nd_u8(nd, cp + i);
		nd_c(nd, ' ');
		nd_u(nd, v0);
	}
	return 1;
}

static int prio(nd_t *nd, const uint8_t *cp, unsigned len)
{
	if (len != 3 && len != 4)
		return 0;
	nd_s(nd, (nd_u8(nd, cp + 2) & 0x01) ? " backup" : " non-backup");
	if (len == 4) {
		unsigned v0 = nd_u8(nd, cp + 3);
		nd_s(nd, " id ");
		nd_u(nd, v0);
	}
	return 1;
}

int mptcp_print(nd_t *nd, const uint8_t *cp, unsigned len, unsigned flags)
{
	if (len < 3)
		return 0;
	unsigned sub = nd_u8(nd, cp + 2) >> 4;
	nd_c(nd, ' ');
	nd_u(nd, len);
	nd_c(nd, ' ');
	nd_s(nd, sub < sizeof subtype_names / sizeof *subtype_names
			  ? subtype_names[sub] : "unknown");
	switch (sub) {
	case MP_CAPABLE:
		return capable(nd, cp, len, flags);
	case MP_JOIN:
		return join(nd, cp, len, flags);
	case MP_DSS:
		return dss(nd, cp, len, flags);
	case MP_ADD_ADDR:
		return add_addr(nd, cp, len);
	case MP_REMOVE_ADDR:
		return remove_addr(nd, cp, len);
	case MP_PRIO:
		return prio(nd, cp, len);
	case MP_FAIL:
		if (len != 12)
			return 0;
		nd_printf(nd, " seq %" PRIu64, nd_be64(nd, cp + 4));
		return 1;
	case MP_FASTCLOSE:
		if (len != 12)
			return 0;
		nd_printf(nd, " key 0x%" PRIx64, nd_be64(nd, cp + 4));
		return 1;
	}
	return 1;
}
