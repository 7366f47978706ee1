/* ahcp.c - the Ad-Hoc Configuration Protocol, version 1. */
#include <time.h>

#include "../core/names.h"
#include "print.h"

static const char *const opt_names[] = {
	"Pad", "Mandatory", "Origin Time", "Expires", "My-IPv6-Address",
	"My-IPv4-Address", "IPv6 Prefix", "IPv4 Prefix", "IPv6 Address",
	"IPv4 Address", "IPv6 Prefix Delegation", "IPv4 Prefix Delegation",
	"Name Server", "NTP Server",
};

/* " (invalid)", then the marker when the rest was not captured. */
static void invalid(nd_t *nd, const uint8_t *cp, unsigned len)
{
	nd_print_invalid(nd);
	if (!nd_has(nd, cp, len))
		nd_trunc(nd); /* prints [|ahcp] once and stops */
}

/* Address (prefix) lists; addr is 4 or 16 bytes, pfx adds a length byte. */
static void addresses(nd_t *nd, const uint8_t *cp, unsigned len,
                      unsigned alen, int pfx)
{
	const char *sep = ": ";
	unsigned step = alen + (pfx ? 1 : 0);
	while (len) {
		if (len < step) {
			invalid(nd, cp, len);
			return;
		}
		nd_need(nd, cp, step); /* whole entry or nothing, as tcpdump */
		nd_s(nd, sep);
		if (alen == 16)
			put_ip6(nd, cp);
		else
			put_ip4(nd, cp);
		if (pfx)
			nd_printf(nd, "/%u", nd_u8(nd, cp + alen));
		cp += step;
		len -= step;
		sep = ", ";
	}
}

static void options(nd_t *nd, const uint8_t *cp, unsigned len)
{
	while (len) {
		unsigned no = nd_u8(nd, cp);
		cp++;
		len--;
		if (no < sizeof opt_names / sizeof *opt_names)
			nd_printf(nd, "\n\t %s", opt_names[no]);
		else
			nd_printf(nd, "\n\t Unknown-%u", no);
		if (no == 0 || no == 1)
			continue;
		if (!len) {
			invalid(nd, cp, len);
			return;
		}
		unsigned ol = nd_u8(nd, cp);
		cp++;
		len--;
		if (ol > len) {
			invalid(nd, cp, len);
			return;
		}
		switch (no) {
		case 2:
			if (ol != 4) {
				invalid(nd, cp, ol);
				break;
			} else {
				time_t t = (time_t)nd_be32(nd, cp);
				struct tm tm;
				char buf[64];
				if (gmtime_r(&t, &tm) &&
				    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm))
					nd_printf(nd, ": %s", buf);
				else
					nd_s(nd, ": [Time is out of range]");
			}
			break;
		case 3:
			if (ol != 4)
				invalid(nd, cp, ol);
			else
				nd_printf(nd, ": %us", nd_be32(nd, cp));
			break;
		case 4: case 8: case 12: case 13:
			addresses(nd, cp, ol, 16, 0);
			break;
		case 5: case 9:
			addresses(nd, cp, ol, 4, 0);
			break;
		case 6: case 10:
			addresses(nd, cp, ol, 16, 1);
			break;
		case 11:
			addresses(nd, cp, ol, 4, 1);
			break;
		default:
			nd_printf(nd, " (Length %u)", ol);
			if (!nd_has(nd, cp, ol)) {
				nd_trunc(nd);
				return;
			}
			break;
		}
		cp += ol;
		len -= ol;
	}
}

static void body(nd_t *nd, const uint8_t *cp, unsigned len)
{
	static const char *const msgs[] = {
		"Discover", "Offer", "Request", "Ack", "Nack", "Release",
	};
	if (len < 4) {
		invalid(nd, cp, len);
		return;
	}
	unsigned type = nd_u8(nd, cp), mbz = nd_u8(nd, cp + 1);
	unsigned blen = nd_be16(nd, cp + 2);
	cp += 4;
	len -= 4;
	if (nd->opt->vflag) {
		if (type < 6)
			nd_printf(nd, "\n\t%s", msgs[type]);
		else
			nd_printf(nd, "\n\tUnknown-%u", type);
		if (mbz)
			nd_printf(nd, ", MBZ %u", mbz);
		nd_printf(nd, ", Length %u", blen);
	}
	if (blen > len) {
		invalid(nd, cp, len);
		return;
	}
	if (nd->opt->vflag >= 2)
		options(nd, cp, blen);
	else if (!nd_has(nd, cp, blen))
		nd_trunc(nd); /* unwinds, as tcpdump */
}

void ahcp_print(nd_t *nd, const uint8_t *cp, unsigned len,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "ahcp");
	nd_s(nd, "AHCP");
	if (len < 2 || nd_u8(nd, cp) != 43) {
		invalid(nd, cp, len);
		return;
	}
	unsigned version = nd_u8(nd, cp + 1);
	cp += 2;
	len -= 2;
	if (version != 1) {
		nd_printf(nd, " Version %u (unknown)", version);
		if (!nd_has(nd, cp, len))
			nd_print_trunc(nd);
		return;
	}
	nd_s(nd, " Version 1");
	if (len < 22) {
		invalid(nd, cp, len);
		return;
	}
	if (!nd->opt->vflag) {
		if (!nd_has(nd, cp, 22))
			nd_trunc(nd); /* unwinds, as tcpdump */
	} else {
		nd_printf(nd, "\n\tHopcount %u", nd_u8(nd, cp));
		nd_printf(nd, ", Original Hopcount %u", nd_u8(nd, cp + 1));
		nd_printf(nd, ", Nonce 0x%08x", nd_be32(nd, cp + 2));
		nd_need(nd, cp + 6, 8);
		nd_s(nd, ", Source Id ");
		for (int i = 0; i < 8; i++) {
			unsigned v = nd_u8(nd, cp + 6 + i);
			if (i)
				nd_c(nd, ':');
			out_x2(nd->out, v);
		}
		nd_need(nd, cp + 14, 8);
		nd_s(nd, ", Destination Id ");
		for (int i = 0; i < 8; i++) {
			unsigned v = nd_u8(nd, cp + 14 + i);
			if (i)
				nd_c(nd, ':');
			out_x2(nd->out, v);
		}
	}
	body(nd, cp + 22, len - 22);
}
