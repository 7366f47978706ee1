/* lwres.c - BIND 9 lightweight resolver protocol (UDP port 921).
 *
 * A 28-byte header (length, version, flags, serial, opcode, result,
 * receive length, auth type and length) followed, for version 0, by an
 * opcode-specific body: getaddrsbyname, getnamebyaddr, getrdatabyname.
 * Names are length-prefixed and NUL-terminated; addresses carry a family
 * and a length. */
#include "../core/names.h"
#include "print.h"

#define LW_HDR_LEN 28
#define LW_RESPONSE 0x0001
#define LW_ADDR_V4 0x00000001
#define LW_ADDR_V6 0x00000002

#define OP_NOOP 0x00000000u
#define OP_GABN 0x00010001u
#define OP_GNBA 0x00010002u
#define OP_GRBN 0x00010003u

static void put_rdtype(nd_t *nd, unsigned t)
{
	const char *s = dns_type_name(t);
	if (s)
		nd_s(nd, s);
	else
		nd_printf(nd, "Type%u", t);
}

static void put_rdclass(nd_t *nd, unsigned c)
{
	const char *s = dns_class_name(c);
	if (s)
		nd_s(nd, s);
	else
		nd_printf(nd, "Class%u", c);
}

/* " NAME" of a 2-byte length, the text and its NUL; returns the bytes
 * used. */
static unsigned name_len_print(nd_t *nd, const uint8_t *p)
{
	unsigned l = nd_be16(nd, p);
	nd_c(nd, ' ');
	if (nd_print_chars(nd, p + 2, l))
		nd_trunc(nd);
	if (nd_u8(nd, p + 2 + l) != 0)
		nd_s(nd, " (not NUL-terminated!)");
	return 2 + l + 1;
}

/* "HEX" of a 2-byte length and that many bytes (run together with what
 * precedes it, as tcpdump prints it). */
static unsigned bin_len_print(nd_t *nd, const uint8_t *p)
{
	unsigned l = nd_be16(nd, p);
	for (unsigned i = 0; i < l; i++)
		nd_printf(nd, "%02x", nd_u8(nd, p + 2 + i));
	return 2 + l;
}

/* An address: family (4), length (2), bytes.  Returns the bytes used or
 * -1 when the length is too short for the family. */
static int addr_print(nd_t *nd, const uint8_t *p)
{
	unsigned fam = nd_be32(nd, p), l = nd_be16(nd, p + 4);
	const uint8_t *a = p + 6;
	nd_need(nd, a, l);
	switch (fam) {
	case 1:
		if (l < 4)
			return -1;
		nd_c(nd, ' ');
		put_ip4(nd, a);
		return 6 + 4;
	case 2:
		if (l < 16)
			return -1;
		nd_c(nd, ' ');
		put_ip6(nd, a);
		return 6 + 16;
	default:
		nd_printf(nd, " %u/", fam);
		for (unsigned i = 0; i < l; i++)
			nd_printf(nd, "%02x", a[i]);
		return (int)(6 + l);
	}
}

void lwres_print(nd_t *nd, const uint8_t *bp, unsigned length,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	const struct options *opt = nd->opt;
	const uint8_t *s;
	int unaligned = 0;
	int adv;

	nd_proto(nd, "lwres");
	nd_need(nd, bp, LW_HDR_LEN);
	unsigned ver = nd_be16(nd, bp + 4);
	nd_s(nd, " lwres");
	if (opt->vflag || ver != 0)
		nd_printf(nd, " v%u", ver);
	if (ver != 0) {
		s = bp + nd_be32(nd, bp);
		goto tail;
	}
	unsigned flags = nd_be16(nd, bp + 6);
	int response = flags & LW_RESPONSE;
	uint32_t op = nd_be32(nd, bp + 12);
	switch (op) {
	case OP_NOOP: nd_s(nd, " noop"); break;
	case OP_GABN: nd_s(nd, " getaddrsbyname"); break;
	case OP_GNBA: nd_s(nd, " getnamebyaddr"); break;
	case OP_GRBN: nd_s(nd, " getrdatabyname"); break;
	default: nd_printf(nd, " #0x%x", op); break;
	}
	if (!response)
		nd_c(nd, '?');
	if (flags & ~LW_RESPONSE)
		nd_printf(nd, "[0x%x]", flags);
	if (opt->vflag > 1) {
		nd_printf(nd, " (serial:0x%x result:0x%x recvlen:%u",
			  nd_be32(nd, bp + 8), nd_be32(nd, bp + 16),
			  nd_be32(nd, bp + 20));
		if (opt->vflag > 2)
			nd_printf(nd, " authtype:0x%x authlen:%u",
				  nd_be16(nd, bp + 24), nd_be16(nd, bp + 26));
		nd_c(nd, ')');
	}

	const uint8_t *body = bp + LW_HDR_LEN;
	s = body;
	if (!response) {
		switch (op) {
		case OP_GABN: {
			nd_need(nd, body, 10);
			if (opt->vflag > 2)
				nd_printf(nd, " flags:0x%x", nd_be32(nd, body));
			uint32_t t = nd_be32(nd, body + 4);
			switch (t & (LW_ADDR_V4 | LW_ADDR_V6)) {
			case LW_ADDR_V4: nd_s(nd, " IPv4"); break;
			case LW_ADDR_V6: nd_s(nd, " IPv6"); break;
			case LW_ADDR_V4 | LW_ADDR_V6: nd_s(nd, " IPv4/6"); break;
			}
			if (t & ~(uint32_t)(LW_ADDR_V4 | LW_ADDR_V6))
				nd_printf(nd, "[0x%x]", t);
			s = body + 8;
			s += name_len_print(nd, s);
			break;
		}
		case OP_GNBA:
			if (opt->vflag > 2)
				nd_printf(nd, " flags:0x%x", nd_be32(nd, body));
			s = body + 4;
			if ((adv = addr_print(nd, s)) < 0)
				goto invalid;
			s += adv;
			break;
		case OP_GRBN:
			nd_need(nd, body, 10);
			if (opt->vflag > 2)
				nd_printf(nd, " flags:0x%x", nd_be32(nd, body));
			nd_c(nd, ' ');
			put_rdtype(nd, nd_be16(nd, body + 6));
			if (nd_be16(nd, body + 4) != 1) {
				nd_c(nd, ' ');
				put_rdclass(nd, nd_be16(nd, body + 4));
			}
			s = body + 8;
			s += name_len_print(nd, s);
			break;
		case OP_NOOP:
			break;
		default:
			unaligned = 1;
			break;
		}
	} else {
		switch (op) {
		case OP_NOOP:
			break;
		case OP_GABN: {
			nd_need(nd, body, 10);
			if (opt->vflag > 2)
				nd_printf(nd, " flags:0x%x", nd_be32(nd, body));
			unsigned nal = nd_be16(nd, body + 4);
			unsigned nad = nd_be16(nd, body + 6);
			nd_printf(nd, " %u/%u", nal, nad);
			s = body + 8;
			s += name_len_print(nd, s);
			for (unsigned i = 0; i < nal; i++)
				s += name_len_print(nd, s);
			for (unsigned i = 0; i < nad; i++) {
				if ((adv = addr_print(nd, s)) < 0)
					goto invalid;
				s += adv;
			}
			break;
		}
		case OP_GNBA: {
			nd_need(nd, body, 8);
			if (opt->vflag > 2)
				nd_printf(nd, " flags:0x%x", nd_be32(nd, body));
			unsigned nal = nd_be16(nd, body + 4);
			nd_printf(nd, " %u", nal);
			s = body + 6;
			s += name_len_print(nd, s);
			for (unsigned i = 0; i < nal; i++)
				s += name_len_print(nd, s);
			break;
		}
		case OP_GRBN: {
			nd_need(nd, body, 16);
			if (opt->vflag > 2)
				nd_printf(nd, " flags:0x%x", nd_be32(nd, body));
			nd_c(nd, ' ');
			put_rdtype(nd, nd_be16(nd, body + 6));
			if (nd_be16(nd, body + 4) != 1) {
				nd_c(nd, ' ');
				put_rdclass(nd, nd_be16(nd, body + 4));
			}
			nd_s(nd, " TTL ");
			{
				uint32_t ttl = nd_be32(nd, body + 8);
				static const struct { uint32_t n; char u; } units[] = {
					{ 31536000, 'y' }, { 604800, 'w' },
					{ 86400, 'd' }, { 3600, 'h' },
					{ 60, 'm' }, { 1, 's' },
				};
				if (ttl == 0)
					nd_s(nd, "0s");
				for (unsigned i = 0; i < 6; i++)
					if (ttl >= units[i].n) {
						nd_u(nd, ttl / units[i].n);
						nd_c(nd, units[i].u);
						ttl %= units[i].n;
					}
			}
			unsigned nrd = nd_be16(nd, body + 12);
			unsigned nsig = nd_be16(nd, body + 14);
			nd_printf(nd, " %u/%u", nrd, nsig);
			s = body + 16;
			s += name_len_print(nd, s);
			for (unsigned i = 0; i < nrd; i++)
				s += bin_len_print(nd, s);
			for (unsigned i = 0; i < nsig; i++)
				s += bin_len_print(nd, s);
			break;
		}
		default:
			unaligned = 1;
			break;
		}
	}

tail:;
	uint32_t plen = nd_be32(nd, bp);
	if (plen != length)
		nd_printf(nd, " [len: %u != %u]", plen, length);
	if (!unaligned && (uintptr_t)s < (uintptr_t)bp + plen)
		nd_s(nd, "[extra]");
	return;
invalid:
	nd_print_invalid(nd);
}
