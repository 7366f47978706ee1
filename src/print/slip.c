/* slip.c - SLIP captures (DLT_SLIP): a 16-byte pseudo header with the
 * direction and the Van Jacobson compressed TCP/IP header (RFC 1144),
 * then the IP packet. */
#include "print.h"
#include "state.h"

#define SLIP_HDRLEN 16
#define SLX_DIR 0
#define SLX_CHDR 1

#define TYPE_IP 0x40
#define TYPE_UNCOMPRESSED_TCP 0x70
#define TYPE_COMPRESSED_TCP 0x80

#define NEW_C 0x40
#define NEW_I 0x20
#define NEW_S 0x08
#define NEW_A 0x04
#define NEW_W 0x02
#define NEW_U 0x01
#define SPECIALS_MASK 0x0f
#define SPECIAL_I (NEW_S | NEW_W | NEW_U)
#define SPECIAL_D (NEW_S | NEW_A | NEW_W | NEW_U)

static const uint8_t *sl_change(nd_t *nd, const char *str, const uint8_t *cp)
{
	unsigned i = nd_u8(nd, cp);
	if (i == 0) {
		i = nd_be16(nd, cp + 1);
		cp += 3;
	} else {
		cp++;
	}
	nd_printf(nd, " %s%u", str, i);
	return cp;
}

static const uint8_t *sl_winchange(nd_t *nd, const uint8_t *cp)
{
	int i = nd_u8(nd, cp);
	if (i == 0) {
		i = (int16_t)nd_be16(nd, cp + 1);
		cp += 3;
	} else {
		cp++;
	}
	if (i >= 0)
		nd_printf(nd, " W+%d", i);
	else
		nd_printf(nd, " W%d", i);
	return cp;
}

/* Length of the uncompressed TCP/IP header in 32-bit words. */
static unsigned tcpip_words(nd_t *nd, const uint8_t *ip)
{
	nd_need(nd, ip, 20);
	unsigned hlen = nd_u8(nd, ip) & 0x0f;
	const uint8_t *th = ip + hlen * 4;
	nd_need(nd, th, 20);
	return hlen + (nd_u8(nd, th + 12) >> 4);
}

static void compressed_sl_print(nd_t *nd, const uint8_t *chdr, const uint8_t *ip,
                                unsigned length, unsigned dir)
{
	const uint8_t *cp = chdr;
	unsigned flags = nd_u8(nd, cp);
	cp++;
	if (flags & NEW_C) {
		nd->ps->slip_lastconn = nd_u8(nd, cp);
		cp++;
		nd_printf(nd, "ctcp %u", nd->ps->slip_lastconn);
	} else {
		nd_s(nd, "ctcp *");
	}
	cp += 2; /* TCP checksum */
	unsigned *last = &nd->ps->slip_lastlen[dir][nd->ps->slip_lastconn & 0xff];
	switch (flags & SPECIALS_MASK) {
	case SPECIAL_I:
		nd_printf(nd, " *SA+%u", *last);
		break;
	case SPECIAL_D:
		nd_printf(nd, " *S+%u", *last);
		break;
	default:
		if (flags & NEW_U)
			cp = sl_change(nd, "U=", cp);
		if (flags & NEW_W)
			cp = sl_winchange(nd, cp);
		if (flags & NEW_A)
			cp = sl_change(nd, "A+", cp);
		if (flags & NEW_S)
			cp = sl_change(nd, "S+", cp);
		break;
	}
	if (flags & NEW_I)
		cp = sl_change(nd, "I+", cp);
	unsigned hlen = tcpip_words(nd, ip);
	*last = length - (hlen << 2);
	nd_printf(nd, " %u (%ld)", *last, (long)(cp - chdr));
}

static void sliplink_print(nd_t *nd, const uint8_t *p, const uint8_t *ip,
                           unsigned length)
{
	unsigned dir = nd_u8(nd, p + SLX_DIR);
	int valid = 1;
	switch (dir) {
	case 0:
		nd_s(nd, "I ");
		break;
	case 1:
		nd_s(nd, "O ");
		break;
	default:
		nd_printf(nd, "Invalid direction %u ", dir);
		valid = 0;
		break;
	}
	unsigned chdr = nd_u8(nd, p + SLX_CHDR);
	switch (chdr & 0xf0) {
	case TYPE_IP:
		nd_printf(nd, "ip %u: ", length + SLIP_HDRLEN);
		break;
	case TYPE_UNCOMPRESSED_TCP: {
		/* the connection number sits in the IP protocol field of the
		 * saved header */
		nd->ps->slip_lastconn = nd_u8(nd, p + SLX_CHDR + 9);
		nd_printf(nd, "utcp %u: ", nd->ps->slip_lastconn);
		if (!valid)
			return;
		unsigned hlen = tcpip_words(nd, ip);
		nd->ps->slip_lastlen[dir][nd->ps->slip_lastconn & 0xff] = length - (hlen << 2);
		break;
	}
	default:
		if (!valid)
			return;
		if (chdr & TYPE_COMPRESSED_TCP) {
			compressed_sl_print(nd, p + SLX_CHDR, ip, length, dir);
			nd_s(nd, ": ");
		} else {
			nd_printf(nd, "slip-%u!: ", chdr);
		}
		break;
	}
}

unsigned sl_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "slip");
	if (caplen < SLIP_HDRLEN) {
		nd_print_trunc(nd);
		return 0;
	}
	len -= SLIP_HDRLEN;
	const uint8_t *ip = p + SLIP_HDRLEN;
	if (nd->opt->eflag)
		sliplink_print(nd, p, ip, len);
	unsigned v = nd_u8(nd, ip) >> 4;
	switch (v) {
	case 4:
		ethertype_print(nd, 0x0800, ip, len);
		break;
	case 6:
		ethertype_print(nd, 0x86dd, ip, len);
		break;
	default:
		nd_printf(nd, "ip v%u", v);
		break;
	}
	return SLIP_HDRLEN;
}
