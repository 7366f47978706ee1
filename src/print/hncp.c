/* hncp.c - Home Networking Control Protocol (RFC 7788) over DNCP
 * (RFC 7787): nested TLVs, summarised on one line at low -v levels. */
#include <stdio.h>

#include "../core/names.h"
#include "print.h"

enum {
	RANGE_RESERVED = 0x10000, RANGE_UNASSIGNED, RANGE_PRIVATE, RANGE_FUTURE,
};

static const char *type_name(uint32_t t)
{
	switch (t) {
	case 1: return "Request network state";
	case 2: return "Request node state";
	case 3: return "Node endpoint";
	case 4: return "Network state";
	case 5: return "Node state";
	case 8: return "Peer";
	case 9: return "Keep-alive interval";
	case 10: return "Trust-Verdict";
	case 32: return "HNCP-Version";
	case 33: return "External-Connection";
	case 34: return "Delegated-Prefix";
	case 43: return "Prefix-Policy";
	case 37: return "DHCPv4-Data";
	case 38: return "DHCPv6-Data";
	case 35: return "Assigned-Prefix";
	case 36: return "Node-Address";
	case 39: return "DNS-Delegated-Zone";
	case 40: return "Domain-Name";
	case 41: return "Node-Name";
	case 42: return "Managed-PSK";
	case RANGE_RESERVED: return "Reserved";
	case RANGE_UNASSIGNED: return "Unassigned";
	case RANGE_PRIVATE: return "Private use";
	case RANGE_FUTURE: return "Future use";
	}
	return NULL;
}

static void indent_nl(nd_t *nd, int indent)
{
	nd_c(nd, '\n');
	for (int t = indent; t > 0; t--)
		nd_c(nd, '\t');
}

static void put_nid(nd_t *nd, const uint8_t *d)
{
	{
		unsigned v0 = nd_u8(nd, d + 1);
		unsigned v1 = nd_u8(nd, d + 2);
		unsigned v2 = nd_u8(nd, d + 3);
		out_x2(nd->out, nd_u8(nd, d));
		nd_c(nd, ':');
		out_x2(nd->out, v0);
		nd_c(nd, ':');
		out_x2(nd->out, v1);
		nd_c(nd, ':');
		out_x2(nd->out, v2);
	}
}

static void put_interval(nd_t *nd, uint32_t n)
{
	nd_u(nd, n / 1000);
	nd_c(nd, '.');
	out_uw(nd->out, n % 1000, 3, '0');
	nd_c(nd, 's');
}

static void put_256(nd_t *nd, const uint8_t *d)
{
	for (int i = 0; i < 4; i++)
		out_x(nd->out, (unsigned long long)nd_be64(nd, d + 8 * i), 16);
}

static int is_v4mapped(const uint8_t *a)
{
	static const uint8_t head[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	return memcmp(a, head, 12) == 0;
}

static void put_ip6addr(nd_t *nd, const uint8_t *cp)
{
	nd_need(nd, cp, 16);
	if (is_v4mapped(cp))
		put_ip4(nd, cp + 12);
	else
		put_ip6(nd, cp);
}

/* Text up to n bytes, stopping at a NUL, escaped. */
static void put_jnp(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = nd_u8(nd, p + i);
		if (c == 0)
			break;
		nd_print_char(nd, c);
	}
}

/* Returns the bytes used, -1 for a bad prefix length, -2/-3 when the
 * prefix runs past the data. */
static int put_prefix(nd_t *nd, const uint8_t *prefix, unsigned max)
{
	char buf[80], ab[64];
	unsigned plen = nd_u8(nd, prefix);
	if (plen >= 96 && max >= 13 && nd_has(nd, prefix + 1, 12) &&
	    is_v4mapped(prefix + 1)) {
		unsigned p4 = plen - 96;
		if (p4 > 32)
			return -1;
		max -= 1;
		uint8_t a[4] = { 0 };
		unsigned pb = (p4 + 7) / 8;
		if (max < pb + 12)
			return -3;
		nd_copy(nd, a, prefix + 13, pb);
		if (p4 % 8)
			a[pb - 1] &= (uint8_t)((0xff00 >> (p4 % 8)) & 0xff);
		fmt_ip4(ab, a);
		snprintf(buf, sizeof buf, "%s/%u", ab, p4);
		nd_s(nd, buf);
		return (int)(pb + 13);
	}
	if (max < 1)
		return -2;
	if (plen > 128)
		return -1;
	max -= 1;
	uint8_t a[16] = { 0 };
	unsigned pb = (plen + 7) / 8;
	if (max < pb)
		return -2;
	nd_copy(nd, a, prefix + 1, pb);
	if (plen % 8)
		a[pb - 1] &= (uint8_t)((0xff00 >> (plen % 8)) & 0xff);
	fmt_ip6(ab, a);
	snprintf(buf, sizeof buf, "%s/%u", ab, plen);
	nd_s(nd, buf);
	return (int)(1 + pb);
}

static int dns_label(nd_t *nd, const uint8_t *cp, unsigned max, int print)
{
	unsigned len = 0;
	while (len < max) {
		unsigned ll = nd_u8(nd, cp + len);
		len++;
		if (ll == 0)
			return (int)len;
		if (len > 1 && print)
			nd_c(nd, '.');
		if (len + ll > max) {
			if (print)
				put_jnp(nd, cp + len, max - len);
			break;
		}
		if (print)
			put_jnp(nd, cp + len, ll);
		len += ll;
	}
	if (print)
		nd_s(nd, "[|DNS]");
	return -1;
}

static int dhcpv4(nd_t *nd, const uint8_t *cp, unsigned length, int indent)
{
	unsigned i = 0;
	while (i < length) {
		if (i + 2 > length)
			return -1;
		const uint8_t *tlv = cp + i;
		unsigned type = nd_u8(nd, tlv), ol = nd_u8(nd, tlv + 1);
		const uint8_t *v = tlv + 2;
		indent_nl(nd, indent);
		nd_s(nd, type == 6 ? "DNS-server" : type == 42 ? "NTP-server"
		     : type == 119 ? "DNS-search" : "Unknown");
		nd_s(nd, " (");
		nd_u(nd, ol + 2);
		nd_c(nd, ')');
		if (i + 2 + ol > length)
			return -1;
		if (type == 6 || type == 42) {
			if (ol < 4 || ol % 4)
				return -1;
			for (unsigned t = 0; t < ol; t += 4) {
				nd_c(nd, ' ');
				put_ip4(nd, v + t);
			}
		} else if (type == 119) {
			const uint8_t *tp = v;
			while (tp < v + ol) {
				nd_c(nd, ' ');
				if ((tp = fqdn_print(nd, tp, v + ol)) == NULL)
					return -1;
			}
		}
		i += 2 + ol;
	}
	return 0;
}

static int dhcpv6(nd_t *nd, const uint8_t *cp, unsigned length, int indent)
{
	unsigned i = 0;
	while (i < length) {
		if (i + 4 > length)
			return -1;
		const uint8_t *tlv = cp + i;
		unsigned type = nd_be16(nd, tlv), ol = nd_be16(nd, tlv + 2);
		const uint8_t *v = tlv + 4;
		indent_nl(nd, indent);
		nd_s(nd, type == 23 ? "DNS-server" : type == 24 ? "DNS-search-list"
		     : type == 31 ? "SNTP-servers" : "Unknown");
		nd_s(nd, " (");
		nd_u(nd, ol + 4);
		nd_c(nd, ')');
		if (i + 4 + ol > length)
			return -1;
		if (type == 23 || type == 31) {
			if (ol % 16) {
				nd_print_invalid(nd);
				return -1;
			}
			for (unsigned t = 0; t < ol; t += 16) {
				nd_c(nd, ' ');
				put_ip6(nd, v + t);
			}
		} else if (type == 24) {
			const uint8_t *tp = v;
			while (tp < v + ol) {
				nd_c(nd, ' ');
				if ((tp = fqdn_print(nd, tp, v + ol)) == NULL)
					return -1;
			}
		}
		i += 4 + ol;
	}
	return 0;
}

static void type_in_line(nd_t *nd, uint32_t type, int count, int indent,
                         int *first)
{
	if (count <= 0)
		return;
	if (*first) {
		*first = 0;
		if (indent > 1)
			indent_nl(nd, indent);
		else
			nd_c(nd, ' ');
	} else {
		nd_s(nd, ", ");
	}
	const char *n = type_name(type);
	nd_s(nd, n ? n : "Easter Egg");
	if (count > 1) {
		nd_s(nd, " (x");
		out_d(nd->out, count);
		nd_c(nd, ')');
	}
}

static unsigned round4(unsigned n)
{
	return (n + 3) & ~3u;
}

static void rec(nd_t *nd, const uint8_t *cp, unsigned length, int indent)
{
	int v = nd->opt->vflag;
	int in_line = indent - 1 >= v && v < 3;
	int first = 1;
	uint32_t last_mask = 0xffffffffu;
	int last_count = -1;
	if (++nd->depth > ND_MAX_DEPTH) {
		nd->depth--;
		nd_print_trunc(nd);
		return;
	}
	unsigned i = 0;
	while (i < length) {
		const uint8_t *tlv = cp + i;
		if (!in_line)
			indent_nl(nd, indent);
		if (!nd_has(nd, tlv, 4))
			goto trunc;
		if (i + 4 > length)
			goto invalid;
		unsigned type = nd_be16(nd, tlv), bl = nd_be16(nd, tlv + 2);
		const uint8_t *val = tlv + 4;
		if (!nd_has(nd, val, bl))
			goto trunc;
		if (i + bl + 4 > length)
			goto invalid;
		uint32_t mask = type == 0 ? RANGE_RESERVED
			: (type >= 44 && type <= 511) ? RANGE_UNASSIGNED
			: (type >= 768 && type <= 1023) ? RANGE_PRIVATE : RANGE_FUTURE;
		if (type == 6 || type == 7)
			mask = RANGE_FUTURE;
		if (type_name(type) && type != 0)
			mask = type;
		if (in_line) {
			if (last_mask == mask) {
				last_count++;
			} else {
				type_in_line(nd, last_mask, last_count, indent, &first);
				last_mask = mask;
				last_count = 1;
			}
			goto next;
		}
		{
			const char *n = type_name(mask);
			nd_s(nd, n ? n : "Easter Egg (42)");
		}
		if (mask > 0xffff) {
			nd_s(nd, ": type=");
			nd_u(nd, type);
		}
		nd_s(nd, " (");
		nd_u(nd, bl + 4);
		nd_c(nd, ')');
		switch (mask) {
		case 1:
			if (bl != 0)
				nd_print_invalid(nd);
			break;
		case 2:
			if (bl != 4) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " NID: ");
			put_nid(nd, val);
			break;
		case 3:
			if (bl != 8) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " NID: ");
			put_nid(nd, val);
			{
				unsigned v0 = nd_be32(nd, val + 4);
				nd_s(nd, " EPID: ");
				out_x(nd->out, v0, 8);
			}
			break;
		case 4:
			if (bl != 8) {
				nd_print_invalid(nd);
				break;
			}
			{
				unsigned long long v0 = (unsigned long long)nd_be64(nd, val);
				nd_s(nd, " hash: ");
				out_x(nd->out, v0, 16);
			}
			break;
		case 5:
			if (bl < 20) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " NID: ");
			put_nid(nd, val);
			{
				unsigned v0 = nd_be32(nd, val + 4);
				nd_s(nd, " seqno: ");
				nd_u(nd, v0);
				nd_c(nd, ' ');
			}
			put_interval(nd, nd_be32(nd, val + 8));
			{
				unsigned long long v0 = (unsigned long long)nd_be64(nd, val + 12);
				nd_s(nd, " hash: ");
				out_x(nd->out, v0, 16);
			}
			rec(nd, val + 20, bl - 20, indent + 1);
			break;
		case 8:
			if (bl != 12) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " Peer-NID: ");
			put_nid(nd, val);
			{
				unsigned v0 = nd_be32(nd, val + 4);
				unsigned v1 = nd_be32(nd, val + 8);
				nd_s(nd, " Peer-EPID: ");
				out_x(nd->out, v0, 8);
				nd_s(nd, " Local-EPID: ");
				out_x(nd->out, v1, 8);
			}
			break;
		case 9:
			if (bl < 8) {
				nd_print_invalid(nd);
				break;
			}
			{
				unsigned v0 = nd_be32(nd, val);
				nd_s(nd, " EPID: ");
				out_x(nd->out, v0, 8);
				nd_s(nd, " Interval: ");
			}
			put_interval(nd, nd_be32(nd, val + 4));
			break;
		case 10:
			if (bl <= 36) {
				nd_print_invalid(nd);
				break;
			}
			{
				unsigned v0 = nd_u8(nd, val);
				nd_s(nd, " Verdict: ");
				nd_u(nd, v0);
				nd_s(nd, " Fingerprint: ");
			}
			put_256(nd, val + 4);
			nd_s(nd, " Common Name: ");
			put_jnp(nd, val + 36, bl - 36);
			break;
		case 32: {
			if (bl < 5) {
				nd_print_invalid(nd);
				break;
			}
			unsigned c = nd_be16(nd, val + 2);
			nd_s(nd, " M: ");
			nd_u(nd, (c >> 12) & 0xf);
			nd_s(nd, " P: ");
			nd_u(nd, (c >> 8) & 0xf);
			nd_s(nd, " H: ");
			nd_u(nd, (c >> 4) & 0xf);
			nd_s(nd, " L: ");
			nd_u(nd, c & 0xf);
			nd_s(nd, " User-agent: ");
			put_jnp(nd, val + 4, bl - 4);
			break;
		}
		case 33:
			rec(nd, val, bl, indent + 1);
			break;
		case 34: {
			if (bl < 9 || bl < 9 + (nd_u8(nd, val + 8) + 7u) / 8) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " VLSO: ");
			put_interval(nd, nd_be32(nd, val));
			nd_s(nd, " PLSO: ");
			put_interval(nd, nd_be32(nd, val + 4));
			nd_s(nd, " Prefix: ");
			int l = put_prefix(nd, val + 8, bl - 8);
			if (l == -1) {
				nd_s(nd, "(length is invalid)");
				break;
			}
			if (l < 0) {
				nd_print_invalid(nd);
				break;
			}
			l += 8 + (-l & 3);
			if ((int)bl >= l)
				rec(nd, val + l, bl - (unsigned)l, indent + 1);
			break;
		}
		case 43: {
			if (bl < 1) {
				nd_print_invalid(nd);
				break;
			}
			unsigned pol = nd_u8(nd, val);
			nd_s(nd, " type: ");
			if (pol == 0) {
				if (bl != 1) {
					nd_print_invalid(nd);
					break;
				}
				nd_s(nd, "Internet connectivity");
			} else if (pol <= 128) {
				nd_s(nd, "Dest-Prefix: ");
				int l = put_prefix(nd, val, bl);
				if (l == -1)
					nd_s(nd, "(length is invalid)");
				else if (l < 0)
					nd_print_invalid(nd);
			} else if (pol == 129) {
				nd_s(nd, "DNS domain: ");
				dns_label(nd, val + 1, bl - 1, 1);
			} else if (pol == 130) {
				nd_s(nd, "Opaque UTF-8: ");
				put_jnp(nd, val + 1, bl - 1);
			} else if (pol == 131) {
				if (bl != 1) {
					nd_print_invalid(nd);
					break;
				}
				nd_s(nd, "Restrictive assignment");
			} else {
				nd_s(nd, "Unknown (");
				nd_u(nd, pol);
				nd_c(nd, ')');
			}
			break;
		}
		case 37:
			if (bl == 0) {
				nd_print_invalid(nd);
				break;
			}
			if (dhcpv4(nd, val, bl, indent + 1) != 0)
				goto invalid;
			break;
		case 38:
			if (bl == 0) {
				nd_print_invalid(nd);
				break;
			}
			if (dhcpv6(nd, val, bl, indent + 1) != 0)
				nd_print_invalid(nd);
			break;
		case 35: {
			if (bl < 6 || bl < 6 + (nd_u8(nd, val + 5) + 7u) / 8) {
				nd_print_invalid(nd);
				break;
			}
			{
				unsigned v0 = nd_be32(nd, val);
				unsigned v1 = nd_u8(nd, val + 4) & 0xf;
				nd_s(nd, " EPID: ");
				out_x(nd->out, v0, 8);
				nd_s(nd, " Prty: ");
				nd_u(nd, v1);
			}
			nd_s(nd, " Prefix: ");
			int l = put_prefix(nd, val + 5, bl - 5);
			if (l < 0) {
				nd_print_invalid(nd);
				break;
			}
			l += 5;
			l += -l & 3;
			if ((int)bl >= l)
				rec(nd, val + l, bl - (unsigned)l, indent + 1);
			break;
		}
		case 36:
			if (bl < 20) {
				nd_print_invalid(nd);
				break;
			}
			{
				unsigned v0 = nd_be32(nd, val);
				nd_s(nd, " EPID: ");
				out_x(nd->out, v0, 8);
				nd_s(nd, " IP Address: ");
			}
			put_ip6addr(nd, val + 4);
			rec(nd, val + 20, bl - 20, indent + 1);
			break;
		case 39: {
			if (bl < 17) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " IP-Address: ");
			put_ip6addr(nd, val);
			unsigned f = nd_u8(nd, val + 16);
			nd_c(nd, ' ');
			nd_c(nd, (char)(f & 4) ? 'l' : '-');
			nd_c(nd, (char)(f & 2) ? 'b' : '-');
			nd_c(nd, (char)(f & 1) ? 's' : '-');
			nd_c(nd, ' ');
			int len = dns_label(nd, val + 17, bl - 17, 1);
			if (len < 0) {
				nd_print_invalid(nd);
				break;
			}
			len += 17;
			len += -len & 3;
			if ((int)bl >= len)
				rec(nd, val + len, bl - (unsigned)len, indent + 1);
			break;
		}
		case 40:
			if (bl == 0) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " Domain: ");
			dns_label(nd, val, bl, 1);
			break;
		case 41: {
			if (bl < 17) {
				nd_print_invalid(nd);
				break;
			}
			unsigned l = nd_u8(nd, val + 16);
			if (bl < 17 + l) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " IP-Address: ");
			put_ip6addr(nd, val);
			nd_s(nd, " Name: ");
			if (l < 64) {
				nd_c(nd, '"');
				put_jnp(nd, val + 17, l);
				nd_c(nd, '"');
			} else {
				nd_print_invalid(nd);
			}
			l = round4(l + 17);
			if (bl >= l)
				rec(nd, val + l, bl - l, indent + 1);
			break;
		}
		case 42:
			if (bl < 32) {
				nd_print_invalid(nd);
				break;
			}
			nd_s(nd, " PSK: ");
			put_256(nd, val);
			rec(nd, val + 32, bl - 32, indent + 1);
			break;
		default:
			break;
		}
next:
		i += 4 + round4(bl);
	}
	type_in_line(nd, last_mask, last_count, indent, &first);
	nd->depth--;
	return;
trunc:
	nd->depth--;
	nd_print_trunc(nd);
	return;
invalid:
	nd->depth--;
	nd_print_invalid(nd);
}

void hncp_print(nd_t *nd, const uint8_t *cp, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "hncp");
	nd_s(nd, "hncp (");
	nd_u(nd, length);
	nd_c(nd, ')');
	rec(nd, cp, length, 1);
}
