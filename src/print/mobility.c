/* mobility.c - the Mobility Header of Mobile IPv6 (RFC 6275 section 6.1)
 * and its options. */
#include "../core/names.h"
#include "print.h"

static const char *const mh_names[] = { "BRR", "HoTI", "CoTI", "HoT", "CoT",
					 "BU", "BA", "BE" };
/* Smallest message of each type, options excluded. */
static const unsigned mh_minlen[] = { 8, 16, 16, 24, 24, 12, 12, 24 };

static void mh_options(nd_t *nd, const uint8_t *p, unsigned len)
{
	unsigned i = 0;
	while (i < len) {
		unsigned type = nd_u8(nd, p + i), olen;
		if (type == 0) {
			olen = 1;
		} else {
			if (i + 1 >= len)
				nd_trunc(nd);
			olen = nd_u8(nd, p + i + 1) + 2u;
		}
		if (i + olen > len)
			nd_trunc(nd);
		/* tcpdump wants the byte after each option captured too */
		nd_need(nd, p + i + olen, 1);
		const uint8_t *o = p + i;
		switch (type) {
		case 0:
			nd_s(nd, "(pad1)");
			break;
		case 1:
			nd_s(nd, "(padn)");
			break;
		case 2:
			if (len - i < 4) {
				nd_s(nd, "(refresh: trunc)");
				nd_trunc(nd);
			}
			{
				unsigned v0 = nd_be16(nd, o + 2) << 2;
				nd_s(nd, "(refresh: ");
				nd_u(nd, v0);
				nd_c(nd, ')');
			}
			break;
		case 3:
			if (len - i < 18) {
				nd_s(nd, "(altcoa: trunc)");
				nd_trunc(nd);
			}
			nd_need(nd, o + 2, 16);
			nd_s(nd, "(alt-CoA: ");
			put_ip6(nd, o + 2);
			nd_c(nd, ')');
			break;
		case 4:
			if (len - i < 6) {
				nd_s(nd, "(ni: trunc)");
				nd_trunc(nd);
			}
			{
				unsigned v0 = nd_be16(nd, o + 2);
				unsigned v1 = nd_be16(nd, o + 4);
				nd_s(nd, "(ni: ho=0x");
				out_x(nd->out, v0, 4);
				nd_s(nd, " co=0x");
				out_x(nd->out, v1, 4);
				nd_c(nd, ')');
			}
			break;
		case 5:
			if (len - i < 12) {
				nd_s(nd, "(auth: trunc)");
				nd_trunc(nd);
			}
			nd_s(nd, "(auth)");
			break;
		default:
			if (len - i < 2) {
				nd_s(nd, "(sopt_type ");
				nd_u(nd, type);
				nd_s(nd, ": trunc)");
				nd_trunc(nd);
			}
			nd_s(nd, "(type-0x");
			out_x2(nd->out, type);
			nd_s(nd, ": len=");
			nd_u(nd, olen - 2);
			nd_c(nd, ')');
			break;
		}
		i += olen;
	}
}

static void cookie(nd_t *nd, const char *what, const char *kind,
                   const uint8_t *p)
{
	if (!nd->opt->vflag)
		return;
	{
		unsigned v0 = nd_be32(nd, p);
		unsigned v1 = nd_be32(nd, p + 4);
		nd_c(nd, ' ');
		nd_s(nd, what);
		nd_c(nd, ' ');
		nd_s(nd, kind);
		nd_c(nd, '=');
		out_x(nd->out, v0, 8);
		nd_c(nd, ':');
		out_x(nd->out, v1, 8);
	}
}

int mobility_print(nd_t *nd, const uint8_t *cp, const uint8_t *ip6)
{
	(void)ip6;
	nd_proto(nd, "mobility");
	/* These two are marked without unwinding, as tcpdump does, so -x
	 * dumps after them skip the link header; later reads unwind. */
	if (!nd_has(nd, cp + 1, 1)) {
		nd_print_trunc(nd);
		return -1;
	}
	unsigned mhlen = (nd_u8(nd, cp + 1) + 1u) * 8;
	unsigned type = nd_u8(nd, cp + 2);
	if (type < 8 && mhlen < mh_minlen[type]) {
		nd_s(nd, "(header length ");
		nd_u(nd, mhlen);
		nd_s(nd, " is too small for type ");
		nd_u(nd, type);
		nd_c(nd, ')');
		nd_print_trunc(nd);
		return -1;
	}
	if (type < 8) {
		nd_s(nd, "mobility: ");
		nd_s(nd, mh_names[type]);
	} else {
		nd_s(nd, "mobility: type-#");
		nd_u(nd, type);
	}
	unsigned hlen;
	switch (type) {
	case 0:
		hlen = 8;
		break;
	case 1:
	case 2:
		cookie(nd, type == 1 ? "Home" : "Care-of", "Init Cookie", cp + 8);
		hlen = 16;
		break;
	case 3:
	case 4:
		{
			unsigned v0 = nd_be16(nd, cp + 6);
			nd_s(nd, " nonce id=0x");
			out_x(nd->out, v0, 0);
		}
		cookie(nd, type == 3 ? "Home" : "Care-of", "Init Cookie", cp + 8);
		cookie(nd, type == 3 ? "Home" : "Care-of", "Keygen Token",
			       cp + 16);
		hlen = 24;
		break;
	case 5: {
		{
			unsigned v0 = nd_be16(nd, cp + 6);
			nd_s(nd, " seq#=");
			nd_u(nd, v0);
		}
		if (!nd_has(nd, cp + 8, 2)) { /* marked, not unwound */
			nd_print_trunc(nd);
			return -1;
		}
		unsigned f = nd_u8(nd, cp + 8);
		if (f & 0xf0)
			nd_c(nd, ' ');
		if (f & 0x80) nd_c(nd, 'A');
		if (f & 0x40) nd_c(nd, 'H');
		if (f & 0x20) nd_c(nd, 'L');
		if (f & 0x10) nd_c(nd, 'K');
		{
			unsigned v0 = nd_be16(nd, cp + 10) << 2;
			nd_s(nd, " lifetime=");
			nd_u(nd, v0);
		}
		hlen = 12;
		break;
	}
	case 6:
		{
			unsigned v0 = nd_u8(nd, cp + 6);
			nd_s(nd, " status=");
			nd_u(nd, v0);
		}
		if (nd_u8(nd, cp + 7) & 0x80)
			nd_s(nd, " K");
		{
			unsigned v0 = nd_be16(nd, cp + 8);
			nd_s(nd, " seq#=");
			nd_u(nd, v0);
		}
		{
			unsigned v0 = nd_be16(nd, cp + 10) << 2;
			nd_s(nd, " lifetime=");
			nd_u(nd, v0);
		}
		hlen = 12;
		break;
	case 7:
		{
			unsigned v0 = nd_u8(nd, cp + 6);
			nd_s(nd, " status=");
			nd_u(nd, v0);
		}
		nd_need(nd, cp + 8, 16);
		nd_s(nd, " homeaddr ");
		put_ip6(nd, cp + 8);
		hlen = 24;
		break;
	default:
		{
			unsigned v0 = nd_u8(nd, cp + 1);
			nd_s(nd, " len=");
			nd_u(nd, v0);
		}
		return (int)mhlen;
	}
	if (nd->opt->vflag && hlen < mhlen) {
		/* a truncated option is marked, not unwound, as tcpdump does */
		jmp_buf saved;
		memcpy(&saved, &nd->trunc, sizeof saved);
		volatile int r = (int)mhlen;
		if (setjmp(nd->trunc) == 0)
			mh_options(nd, cp + hlen, mhlen - hlen);
		else {
			nd_print_trunc(nd);
			r = -1;
		}
		memcpy(&nd->trunc, &saved, sizeof saved);
		return r;
	}
	return (int)mhlen;
}
