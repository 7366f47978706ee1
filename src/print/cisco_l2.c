/* cisco_l2.c - Cisco link-local protocols carried in SNAP with the Cisco
 * OUI: DTP (dynamic trunking) and UDLD (unidirectional link detection). */
#include "../core/names.h"
#include "print.h"

/* Text up to the first NUL, escaped like tcpdump. */
static void zstr(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		unsigned c = nd_u8(nd, p + i);
		if (c == 0)
			break;
		nd_print_char(nd, (uint8_t)c);
	}
}

void dtp_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "dtp");
	if (length < 1) {
		nd_s(nd, "[zero packet length]");
		nd_print_invalid(nd);
		return;
	}
	{
		unsigned v0 = nd_u8(nd, p);
		nd_s(nd, "DTPv");
		nd_u(nd, v0);
		nd_s(nd, ", length ");
		nd_u(nd, length);
	}
	if (nd->opt->vflag < 1)
		return;
	p++;
	length--;
	while (length) {
		if (length < 4) {
			nd_c(nd, '[');
			nd_u(nd, length);
			nd_s(nd, " bytes remaining]");
			goto invalid;
		}
		unsigned type = nd_be16(nd, p), len = nd_be16(nd, p + 2);
		if (type == 0)
			return;
		const char *n = type == 1 ? "Domain" : type == 2 ? "Status" :
				type == 3 ? "DTP type" : type == 4 ? "Neighbor" : "Unknown";
		nd_s(nd, "\n\t");
		nd_s(nd, n);
		nd_s(nd, " (0x");
		out_x(nd->out, type, 4);
		nd_s(nd, ") TLV, length ");
		nd_u(nd, len);
		if (len < 4 || len > length) {
			nd_s(nd, "[invalid TLV length ");
			nd_u(nd, len);
			nd_c(nd, ']');
			goto invalid;
		}
		switch (type) {
		case 1:
			nd_s(nd, ", ");
			zstr(nd, p + 4, len - 4);
			break;
		case 2:
		case 3:
			if (len != 5)
				goto invalid;
			{
				unsigned v0 = nd_u8(nd, p + 4);
				nd_s(nd, ", 0x");
				out_x(nd->out, v0, 0);
			}
			break;
		case 4:
			if (len != 10)
				goto invalid;
			nd_s(nd, ", ");
			put_mac(nd, p + 4);
			break;
		default:
			nd_need(nd, p, len);
			break;
		}
		p += len;
		length -= len;
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, length);
}

void udld_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "udld");
	if (length < 4)
		goto invalid;
	unsigned b0 = nd_u8(nd, p), ver = b0 >> 5, code = b0 & 0x1f;
	unsigned flags = nd_u8(nd, p + 1);
	p += 2;
	length -= 2;
	const char *cn = code == 1 ? "Probe message" : code == 2 ? "Echo message" :
			 code == 3 ? "Flush message" : "Reserved";
	nd_s(nd, "UDLDv");
	nd_u(nd, ver);
	nd_s(nd, ", Code ");
	nd_s(nd, cn);
	nd_s(nd, " (");
	out_x(nd->out, code, 0);
	nd_s(nd, "), Flags [");
	if (!(flags & 3))
		nd_s(nd, "none");
	else if ((flags & 3) == 3)
		nd_s(nd, "RT, RSY");
	else
		nd_s(nd, flags & 1 ? "RT" : "RSY");
	nd_s(nd, "] (0x");
	out_x2(nd->out, flags);
	nd_s(nd, "), length ");
	nd_u(nd, length + 2);
	if (nd->opt->vflag < 1)
		goto tcheck;
	{
		unsigned v0 = nd_be16(nd, p);
		nd_s(nd, "\n\tChecksum 0x");
		out_x(nd->out, v0, 4);
		nd_s(nd, " (unverified)");
	}
	p += 2;
	length -= 2;
	while (length) {
		if (length < 4)
			goto invalid;
		unsigned type = nd_be16(nd, p), len = nd_be16(nd, p + 2);
		static const char *const tn[] = {
			NULL, "Device-ID TLV", "Port-ID TLV", "Echo TLV",
			"Message Interval TLV", "Timeout Interval TLV",
			"Device Name TLV", "Sequence Number TLV",
		};
		nd_s(nd, "\n\t");
		nd_s(nd, type >= 1 && type <= 7 ? tn[type] : "Unknown");
		nd_s(nd, " (0x");
		out_x(nd->out, type, 4);
		nd_s(nd, ") TLV, length ");
		nd_u(nd, len);
		if (len <= 4)
			goto invalid;
		len -= 4;
		p += 4;
		length -= 4;
		if (len > length)
			goto invalid;
		switch (type) {
		case 1:
		case 2:
		case 6:
			nd_s(nd, ", ");
			zstr(nd, p, len);
			break;
		case 3:
			nd_s(nd, ", ");
			nd_print_chars(nd, p, len);
			break;
		case 4:
		case 5:
			if (len != 1)
				goto invalid;
			{
				unsigned v0 = nd_u8(nd, p);
				nd_s(nd, ", ");
				nd_u(nd, v0);
				nd_c(nd, 's');
			}
			break;
		case 7:
			if (len != 4)
				goto invalid;
			{
				unsigned v0 = nd_be32(nd, p);
				nd_s(nd, ", ");
				nd_u(nd, v0);
			}
			break;
		default:
			nd_need(nd, p, len);
			break;
		}
		p += len;
		length -= len;
	}
	return;
invalid:
	nd_print_invalid(nd);
tcheck:
	nd_need(nd, p, length);
}

/* VTP (VLAN trunking protocol). */
void vtp_print(nd_t *nd, const uint8_t *pptr, unsigned length)
{
	nd_proto(nd, "vtp");
	const uint8_t *p = pptr;
	if (length < 36) {
		nd_print_invalid(nd);
		nd_need(nd, pptr, length);
		return;
	}
	nd_need(nd, p, 36);
	unsigned type = p[1];
	static const char *const mt[] = { NULL, "Summary advertisement",
		"Subset advertisement", "Advertisement request", "Join message" };
	nd_s(nd, "VTPv");
	nd_u(nd, p[0]);
	nd_s(nd, ", Message ");
	nd_s(nd, type >= 1 && type <= 4 ? mt[type] : "Unknown message type");
	nd_s(nd, " (0x");
	out_x2(nd->out, type);
	nd_s(nd, "), length ");
	nd_u(nd, length);
	if (nd->opt->vflag < 1)
		goto tcheck;
	nd_s(nd, "\n\tDomain name: ");
	unsigned dlen = p[3];
	if (dlen < 1 || dlen > 32) {
		nd_s(nd, " [invalid MgmtD Len ");
		nd_u(nd, dlen);
		nd_c(nd, ']');
		goto invalid;
	}
	zstr(nd, p + 4, dlen);
	static const char *const hv[] = { NULL, "Followers", "Seq number", "Rsvd", "Rsvd" };
	nd_s(nd, ", ");
	nd_s(nd, type >= 1 && type <= 4 ? hv[type] : "Unknown");
	nd_s(nd, ": ");
	nd_u(nd, p[2]);
	p += 36;
	switch (type) {
	case 1:
		nd_need(nd, p, 8);
		{
			unsigned v0 = nd_be32(nd, p);
			nd_s(nd, "\n\t  Config Rev ");
			out_x(nd->out, v0, 0);
			nd_s(nd, ", Updater ");
		}
		nd_u(nd, p[4]);
		nd_c(nd, '.');
		nd_u(nd, p[5]);
		nd_c(nd, '.');
		nd_u(nd, p[6]);
		nd_c(nd, '.');
		nd_u(nd, p[7]);
		p += 8;
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p + 4);
			unsigned v2 = nd_be32(nd, p + 8);
			nd_s(nd, ", Timestamp 0x");
			out_x(nd->out, v0, 8);
			nd_s(nd, " 0x");
			out_x(nd->out, v1, 8);
			nd_s(nd, " 0x");
			out_x(nd->out, v2, 8);
		}
		p += 12;
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p + 4);
			unsigned v2 = nd_be32(nd, p + 8);
			unsigned v3 = nd_be32(nd, p + 12);
			nd_s(nd, ", MD5 digest: ");
			out_x(nd->out, v0, 8);
			out_x(nd->out, v1, 8);
			out_x(nd->out, v2, 8);
			out_x(nd->out, v3, 8);
		}
		break;
	case 2:
		{
			unsigned v0 = nd_be32(nd, p);
			nd_s(nd, ", Config Rev ");
			out_x(nd->out, v0, 0);
		}
		p += 4;
		while ((unsigned)(p - pptr) < length) {
			unsigned len = nd_u8(nd, p);
			if (len == 0)
				break;
			nd_need(nd, p, len);
			if (len < 12)
				goto invalid;
			static const char *const vt[] = { NULL, "Ethernet", "FDDI", "TrCRF",
							  "FDDI-net", "TrBRF" };
			unsigned st = p[1], ty = p[2], nl = p[3];
			{
				unsigned v0 = nd_be16(nd, p + 4);
				unsigned v1 = nd_be16(nd, p + 6);
				unsigned v2 = nd_be32(nd, p + 8);
				nd_s(nd, "\n\tVLAN info status ");
				nd_s(nd, st == 0 ? "Operational" : st == 1 ? "Suspended" : "Unknown");
				nd_s(nd, ", type ");
				nd_s(nd, ty >= 1 && ty <= 5 ? vt[ty] : "Unknown");
				nd_s(nd, ", VLAN-id ");
				nd_u(nd, v0);
				nd_s(nd, ", MTU ");
				nd_u(nd, v1);
				nd_s(nd, ", SAID 0x");
				out_x(nd->out, v2, 8);
				nd_s(nd, ", Name ");
			}
			unsigned rest = len - 12;
			unsigned padded = 4 * ((nl + 3) / 4);
			if (rest < padded)
				goto invalid;
			zstr(nd, p + 12, nl);
			p += len;
		}
		break;
	case 3:
		{
			unsigned v0 = nd_be32(nd, p);
			nd_s(nd, "\n\tStart value: ");
			nd_u(nd, v0);
		}
		break;
	}
	return;
invalid:
	nd_print_invalid(nd);
tcheck:
	nd_need(nd, pptr, length);
}
