/* cdp.c - Cisco Discovery Protocol (SNAP, Cisco OUI, pid 0x2000). */
#include "../core/names.h"
#include "print.h"

#define CDP_HEADER_LEN 4
#define CDP_TLV_HEADER_LEN 4

static void print_str(nd_t *nd, const uint8_t *p, unsigned l)
{
	nd_c(nd, '\'');
	for (unsigned i = 0; i < l; i++)
		nd_print_char(nd, nd_u8(nd, p + i));
	nd_c(nd, '\'');
}

static void print_version(nd_t *nd, const uint8_t *p, unsigned l)
{
	nd_s(nd, "\n\t  ");
	for (unsigned i = 0; i < l; i++) {
		unsigned c = nd_u8(nd, p + i);
		if (c == '\n')
			nd_s(nd, "\n\t  ");
		else
			nd_print_char(nd, (uint8_t)c);
	}
}

static void print_addr(nd_t *nd, const uint8_t *p, unsigned l)
{
	static const uint8_t prot_ipv6[8] = { 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd };
	if (l < 4) {
		nd_s(nd, " (not enough space for num)");
		goto invalid;
	}
	uint32_t num = nd_be32(nd, p);
	p += 4;
	l -= 4;
	while (num) {
		if (l < 2) {
			nd_s(nd, " (not enough space for PT+PL)");
			goto invalid;
		}
		unsigned pt = nd_u8(nd, p), pl = nd_u8(nd, p + 1);
		p += 2;
		l -= 2;
		if (l < pl + 2) {
			nd_s(nd, " (not enough space for P+AL)");
			goto invalid;
		}
		unsigned al = nd_be16(nd, p + pl);
		if (pt == 1 && pl == 1 && nd_u8(nd, p) == 0xcc && al == 4) {
			p += pl + 2;
			l -= pl + 2;
			if (l < al) {
				nd_s(nd, " (not enough space for A)");
				goto invalid;
			}
			nd_s(nd, "IPv4 (");
			nd_u(nd, num);
			nd_s(nd, ") ");
			put_ip4(nd, p);
			p += al;
			l -= al;
		} else if (pt == 2 && pl == 8 && nd_has(nd, p, 8) &&
			   memcmp(p, prot_ipv6, 8) == 0 && al == 16) {
			p += pl + 2;
			l -= pl + 2;
			if (l < al) {
				nd_s(nd, " (not enough space for A)");
				goto invalid;
			}
			nd_s(nd, "IPv6 (");
			nd_u(nd, num);
			nd_s(nd, ") ");
			put_ip6(nd, p);
			p += al;
			l -= al;
		} else {
			nd_s(nd, "pt=0x");
			out_x2(nd->out, pt);
			nd_s(nd, ", pl=");
			nd_u(nd, pl);
			nd_s(nd, ", pb=");
			while (pl != 0) {
				{
					unsigned v0 = nd_u8(nd, p);
					nd_c(nd, ' ');
					out_x2(nd->out, v0);
				}
				p++;
				l--;
				pl--;
			}
			nd_s(nd, ", al=");
			nd_u(nd, al);
			nd_s(nd, ", a=");
			p += 2;
			l -= 2;
			if (l < al) {
				nd_s(nd, " (not enough space for A)");
				goto invalid;
			}
			while (al != 0) {
				{
					unsigned v0 = nd_u8(nd, p);
					nd_c(nd, ' ');
					out_x2(nd->out, v0);
				}
				p++;
				l--;
				al--;
			}
		}
		num--;
		if (num)
			nd_c(nd, ' ');
	}
	if (l) {
		nd_s(nd, " (");
		nd_u(nd, l);
		nd_s(nd, " bytes of stray data)");
	}
	return;
invalid:
	nd_need(nd, p, l);
}

static void print_cap(nd_t *nd, const uint8_t *p, unsigned l)
{
	(void)l;
	static const struct tok caps[] = {
		{ 0x01, "Router" }, { 0x02, "Transparent Bridge" },
		{ 0x04, "Source Route Bridge" }, { 0x08, "L2 Switch" },
		{ 0x10, "L3 capable" }, { 0x20, "IGMP snooping" }, { 0x40, "L1 capable" },
		{ 0, NULL },
	};
	uint32_t v = nd_be32(nd, p);
	nd_s(nd, "(0x");
	out_x(nd->out, v, 8);
	nd_s(nd, "): ");
	put_bits(nd, caps, v, "none");
}

static void print_prefixes(nd_t *nd, const uint8_t *p, unsigned l)
{
	if (l % 5) {
		nd_s(nd, " [length ");
		nd_u(nd, l);
		nd_s(nd, " is not a multiple of 5]");
		nd_need(nd, p, l);
		return;
	}
	for (; l > 0; l -= 5, p += 5) {
		nd_need(nd, p, 5);
		nd_c(nd, ' ');
		nd_u(nd, p[0]);
		nd_c(nd, '.');
		nd_u(nd, p[1]);
		nd_c(nd, '.');
		nd_u(nd, p[2]);
		nd_c(nd, '.');
		nd_u(nd, p[3]);
		nd_c(nd, '/');
		nd_u(nd, p[4]);
	}
}

struct cdp_tlv {
	const char *name;
	int printer; /* 0 none */
	int min, max;
};

enum { P_NONE, P_STR, P_ADDR, P_CAP, P_VER, P_PREFIX, P_U16, P_DUPLEX, P_U8X,
       P_MTU, P_ATA };

static const struct cdp_tlv tlvs[] = {
	[0x01] = { "Device-ID", P_STR, -1, -1 },
	[0x02] = { "Address", P_ADDR, -1, -1 },
	[0x03] = { "Port-ID", P_STR, -1, -1 },
	[0x04] = { "Capability", P_CAP, 4, 4 },
	[0x05] = { "Version String", P_VER, -1, -1 },
	[0x06] = { "Platform", P_STR, -1, -1 },
	[0x07] = { "Prefixes", P_PREFIX, -1, -1 },
	[0x08] = { "Protocol-Hello option", P_NONE, -1, -1 },
	[0x09] = { "VTP Management Domain", P_STR, -1, -1 },
	[0x0a] = { "Native VLAN ID", P_U16, 2, 2 },
	[0x0b] = { "Duplex", P_DUPLEX, 1, 1 },
	[0x0e] = { "ATA-186 VoIP VLAN assignment", P_ATA, 3, 3 },
	[0x0f] = { "ATA-186 VoIP VLAN request", P_U16, 2, 2 },
	[0x11] = { "MTU", P_MTU, 4, 4 },
	[0x12] = { "AVVID trust bitmap", P_U8X, 1, 1 },
	[0x13] = { "AVVID untrusted ports CoS", P_U8X, 1, 1 },
	[0x14] = { "sysName", P_STR, -1, -1 },
	[0x16] = { "Management Addresses", P_ADDR, -1, -1 },
};
#define T_MAX 0x17

void cdp_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "cdp");
	unsigned orig = length;
	int v = nd->opt->vflag;
	if (length < CDP_HEADER_LEN) {
		nd_s(nd, " (packet length ");
		nd_u(nd, length);
		nd_s(nd, " < ");
		nd_u(nd, CDP_HEADER_LEN);
		nd_c(nd, ')');
		goto invalid;
	}
	{
		unsigned v0 = nd_u8(nd, p);
		unsigned v1 = nd_u8(nd, p + 1);
		nd_s(nd, "CDPv");
		nd_u(nd, v0);
		nd_s(nd, ", ttl: ");
		nd_u(nd, v1);
		nd_c(nd, 's');
	}
	unsigned ck = nd_be16(nd, p + 2);
	if (v) {
		nd_s(nd, ", checksum: 0x");
		out_x(nd->out, ck, 4);
		nd_s(nd, " (unverified), length ");
		nd_u(nd, orig);
	}
	p += CDP_HEADER_LEN;
	length -= CDP_HEADER_LEN;
	while (length) {
		if (length < CDP_TLV_HEADER_LEN) {
			nd_s(nd, " (remaining packet length ");
			nd_u(nd, length);
			nd_s(nd, " < ");
			nd_u(nd, CDP_TLV_HEADER_LEN);
			nd_c(nd, ')');
			goto invalid;
		}
		unsigned type = nd_be16(nd, p), len = nd_be16(nd, p + 2);
		const struct cdp_tlv *info = type < sizeof tlvs / sizeof tlvs[0] &&
					     tlvs[type].name ? &tlvs[type] : NULL;
		const char *name = info ? info->name : "unknown field type";
		if (len < CDP_TLV_HEADER_LEN) {
			if (v) {
				nd_s(nd, "\n\t");
				nd_s(nd, name);
				nd_s(nd, " (0x");
				out_x2(nd->out, type);
				nd_s(nd, "), TLV length: ");
				nd_u(nd, len);
				nd_s(nd, " byte");
				nd_s(nd, len == 1 ? "" : "s");
				nd_s(nd, " (too short)");
			} else {
				nd_s(nd, ", ");
				nd_s(nd, name);
				nd_s(nd, " TLV length ");
				nd_u(nd, len);
				nd_s(nd, " too short");
			}
			goto invalid;
		}
		if (len > length) {
			nd_s(nd, " (TLV length ");
			nd_u(nd, len);
			nd_s(nd, " > ");
			nd_u(nd, length);
			nd_c(nd, ')');
			goto invalid;
		}
		p += CDP_TLV_HEADER_LEN;
		length -= CDP_TLV_HEADER_LEN;
		len -= CDP_TLV_HEADER_LEN;
		if (!v && type == 0x01)
			nd_s(nd, ", Device-ID ");
		else if (v) {
			nd_s(nd, "\n\t");
			nd_s(nd, name);
			nd_s(nd, " (0x");
			out_x2(nd->out, type);
			nd_s(nd, "), value length: ");
			nd_u(nd, len);
			nd_s(nd, " byte");
			nd_s(nd, len == 1 ? "" : "s");
			nd_s(nd, ": ");
		}
		int covered = 0;
		if (info) {
			if ((info->min > 0 && len < (unsigned)info->min) ||
			    (info->max > 0 && len > (unsigned)info->max)) {
				nd_s(nd, " (malformed TLV)");
			} else if (v || type == 0x01) {
				switch (info->printer) {
				case P_STR: print_str(nd, p, len); break;
				case P_ADDR: print_addr(nd, p, len); break;
				case P_CAP: print_cap(nd, p, len); break;
				case P_VER: print_version(nd, p, len); break;
				case P_PREFIX: print_prefixes(nd, p, len); break;
				case P_U16: nd_printf(nd, "%u", nd_be16(nd, p)); break;
				case P_DUPLEX: nd_s(nd, nd_u8(nd, p) ? "full" : "half"); break;
				case P_U8X: nd_printf(nd, "0x%02x", nd_u8(nd, p)); break;
				case P_MTU: nd_printf(nd, "%u bytes", nd_be32(nd, p)); break;
				case P_ATA:
					{
						unsigned v0 = nd_u8(nd, p);
						unsigned v1 = nd_be16(nd, p + 1);
						nd_s(nd, "app ");
						nd_u(nd, v0);
						nd_s(nd, ", vlan ");
						nd_u(nd, v1);
					}
					break;
				default: nd_need(nd, p, len); break;
				}
				covered = 1;
			}
		}
		if (!covered) { /* tcpdump 4.99.3 dumps every TLV but Device-ID without -v */
			nd_need(nd, p, len);
			print_unknown_data(nd, p, "\n\t  ", len);
		}
		p += len;
		length -= len;
	}
	if (v < 1) {
		nd_s(nd, ", length ");
		nd_u(nd, orig);
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, length);
}
