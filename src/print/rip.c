/* rip.c - RIP versions 1 and 2 (RFC 1058, RFC 2453) with RFC 2082/4822
 * authentication entries. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define RIP_ROUTELEN 20

/* As much of len bytes at p as was captured, as a hex dump; tcpdump's
 * "unknown data" dump never marks a truncation itself. */
static void dump_captured(nd_t *nd, const uint8_t *p, const char *ident,
                          unsigned len)
{
	if (!nd_has(nd, p, 0)) {
		nd_s(nd, ident);
		nd_s(nd, "Dissector error: print_unknown_data called with pointer past end of packet");
		return;
	}
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, ident, p, len < avail ? len : (unsigned)avail, 0);
}

static const char *af_name(unsigned af)
{
	switch (af) {
	case 2: return "IPv4";
	case 6: return "NS";
	case 7: return "ISO";
	case 16: return "Appletalk";
	case 23: return "IPX";
	case 24: case 28: case 30: return "IPv6";
	}
	return NULL;
}

static void put_af(nd_t *nd, unsigned af)
{
	const char *s = af_name(af);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "Unknown (");
		nd_u(nd, af);
		nd_c(nd, ')');
	}
}

/* Prefix length of a contiguous netmask, -1 otherwise. */
static int mask2plen(uint32_t mask)
{
	int len = 32;
	uint32_t bit = 1;
	while (len > 0 && !(mask & bit)) {
		len--;
		bit <<= 1;
	}
	uint32_t want = len ? 0xffffffffu << (32 - len) : 0;
	return mask == want ? len : -1;
}

/* An address (or its name) right-aligned in width columns, like "%15s". */
static void put_ip4_padded(nd_t *nd, const uint8_t *a, size_t width)
{
	struct out *o = nd->out;
	nd_need(nd, a, 4);
	out_reserve(o, 1024); /* no flush between here and the shift */
	size_t start = o->len;
	put_ip4(nd, a);
	size_t n = o->len - start;
	if (n < width) {
		size_t pad = width - n;
		memmove(o->buf + start + pad, o->buf + start, n);
		memset(o->buf + start, ' ', pad);
		o->len += pad;
	}
}

static unsigned entry_v1(nd_t *nd, const uint8_t *p, unsigned remaining)
{
	if (remaining < RIP_ROUTELEN || !nd_has(nd, p, RIP_ROUTELEN))
		return 0;
	unsigned af = nd_be16(nd, p);
	if (af != 2 && af != 0) {
		nd_s(nd, "\n\t AFI ");
		put_af(nd, af);
		nd_s(nd, ", ");
		dump_captured(nd, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
		return RIP_ROUTELEN;
	}
	if (nd_be16(nd, p + 2) || nd_be32(nd, p + 8) || nd_be32(nd, p + 12)) {
		dump_captured(nd, p, "\n\t  ", RIP_ROUTELEN);
		return RIP_ROUTELEN;
	}
	nd_s(nd, af == 0 ? "\n\t  AFI 0, " : "\n\t  ");
	put_ip4(nd, p + 4);
	{
		unsigned v0 = nd_be32(nd, p + 16);
		nd_s(nd, ", metric: ");
		nd_u(nd, v0);
	}
	return RIP_ROUTELEN;
}

static unsigned entry_v2(nd_t *nd, const uint8_t *p, unsigned remaining)
{
	if (remaining < 4 || !nd_has(nd, p, 4))
		return 0;
	unsigned af = nd_be16(nd, p);
	if (af == 0xffff) {
		unsigned type = nd_be16(nd, p + 2);
		p += 4;
		remaining -= 4;
		if (type == 2) {
			nd_s(nd, "\n\t  Simple Text Authentication data: ");
			for (unsigned i = 0; i < 16; i++) {
				uint8_t c = nd_u8(nd, p + i);
				if (c == 0)
					break;
				nd_print_char(nd, c);
			}
		} else if (type == 3) {
			if (!nd_has(nd, p, 16) || remaining < 16)
				return 0;
			{
				unsigned v0 = nd_be16(nd, p);
				unsigned v1 = nd_be32(nd, p + 4);
				unsigned v2 = nd_be32(nd, p + 8);
				unsigned v3 = nd_be32(nd, p + 12);
				nd_s(nd, "\n\t  Auth header: Packet Len ");
				nd_u(nd, v0);
				nd_s(nd, ", Key-ID ");
				nd_u(nd, p[2]);
				nd_s(nd, ", Auth Data Len ");
				nd_u(nd, p[3]);
				nd_s(nd, ", SeqNo ");
				nd_u(nd, v1);
				nd_s(nd, ", MBZ ");
				nd_u(nd, v2);
				nd_s(nd, ", MBZ ");
				nd_u(nd, v3);
			}
		} else if (type == 1) {
			nd_s(nd, "\n\t  Auth trailer:");
			dump_captured(nd, p, "\n\t  ", remaining);
			return 4 + remaining;
		} else {
			nd_s(nd, "\n\t  Unknown (");
			nd_u(nd, type);
			nd_s(nd, ") Authentication data:");
			dump_captured(nd, p, "\n\t  ", remaining);
			return 4 + remaining;
		}
	} else if (af != 2 && af != 0) {
		nd_s(nd, "\n\t  AFI ");
		put_af(nd, af);
		dump_captured(nd, p + 4, "\n\t  ", RIP_ROUTELEN - 4);
	} else {
		if (!nd_has(nd, p, RIP_ROUTELEN) || remaining < RIP_ROUTELEN)
			return 0;
		nd_s(nd, "\n\t  AFI ");
		if (af == 2)
			nd_s(nd, "IPv4");
		else
			nd_s(nd, "0");
		nd_s(nd, ", ");
		put_ip4_padded(nd, p + 4, 15);
		nd_printf(nd, "/%-2d, tag 0x%04x, metric: %u, next-hop: ",
			  mask2plen(nd_be32(nd, p + 8)), nd_be16(nd, p + 2),
			  nd_be32(nd, p + 16));
		if (nd_be32(nd, p + 12))
			put_ip4(nd, p + 12);
		else
			nd_s(nd, "self");
	}
	return RIP_ROUTELEN;
}

void rip_print(nd_t *nd, const uint8_t *dat, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	static const char *const cmds[] = {
		NULL, "Request", "Response", "Trace on", "Trace off", "Poll",
		"Poll Entry",
	};
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "rip");
	size_t avail = nd_avail(nd, dat);
	unsigned len = avail < length ? (unsigned)avail : length;
	if (len < 4) {
		nd_print_trunc(nd);
		return;
	}
	len -= 4;
	unsigned vers = dat[1], cmd = dat[0];
	nd_s(nd, nd->opt->vflag ? "\n\t" : "");
	nd_s(nd, "RIPv");
	nd_u(nd, vers);
	if (vers == 0) { /* RFC 1058: to be ignored */
		dump_captured(nd, dat, "\n\t", length);
		return;
	}
	if (cmd >= 1 && cmd <= 6) {
		nd_s(nd, ", ");
		nd_s(nd, cmds[cmd]);
		nd_s(nd, ", length: ");
		nd_u(nd, length);
	} else {
		nd_s(nd, ", unknown command (");
		nd_u(nd, cmd);
		nd_s(nd, "), length: ");
		nd_u(nd, length);
	}
	if (!nd->opt->vflag)
		return;
	switch (cmd) {
	case 1: case 2:
		if (vers != 1 && vers != 2) {
			nd_s(nd, ", unknown version");
			break;
		}
		nd_s(nd, ", routes: ");
		nd_u(nd, length / RIP_ROUTELEN);
		nd_s(nd, vers == 2 ? " or less" : "");
		const uint8_t *p = dat + 4;
		while (len != 0) {
			unsigned n = vers == 1 ? entry_v1(nd, p, len)
					       : entry_v2(nd, p, len);
			if (n == 0) {
				nd_print_trunc(nd);
				break;
			}
			if (len < n) {
				nd_s(nd, " [remaining entries length ");
				nd_u(nd, len);
				nd_s(nd, " < ");
				nd_u(nd, n);
				nd_c(nd, ']');
				nd_print_invalid(nd);
				break;
			}
			p += n;
			len -= n;
		}
		break;
	case 4: case 5: case 6:
		break;
	default:
		if (nd->opt->vflag <= 1)
			dump_captured(nd, dat, "\n\t", length);
		break;
	}
	if (nd->opt->vflag > 1)
		dump_captured(nd, dat, "\n\t", length);
}
