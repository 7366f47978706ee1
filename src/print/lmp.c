/* lmp.c - Link Management Protocol (RFC 4204), with the OIF UNI 1.0
 * service discovery object. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

/* tcpdump's "bittok2str": names of the set bits, ", "-separated. */
static const struct tok header_flags[] = {
	{ 0x01, "Control Channel Down" }, { 0x02, "LMP restart" }, { 0, NULL },
};
static const struct tok te_link_flags[] = {
	{ 0x01, "Fault Management Supported" },
	{ 0x02, "Link Verification Supported" }, { 0, NULL },
};
static const struct tok data_link_flags[] = {
	{ 0x01, "Data Link Port" }, { 0x02, "Allocated for user traffic" },
	{ 0x04, "Failed link" }, { 0, NULL },
};
static const struct tok verify_flags[] = {
	{ 0x0001, "Verify all links" }, { 0x0002, "Data link type" },
	{ 0, NULL },
};
static const struct tok verify_errors[] = {
	{ 0x01, "Link Verification Procedure Not supported" },
	{ 0x02, "Unwilling to verify" },
	{ 0x04, "Unsupported verification transport mechanism" },
	{ 0x08, "Link-Id configuration error" },
	{ 0x10, "Unknown object c-type" }, { 0, NULL },
};
static const struct tok summary_errors[] = {
	{ 0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters" },
	{ 0x02, "Renegotiate LINK-SUMMARY parameters" },
	{ 0x04, "Invalid TE-LINK Object" },
	{ 0x08, "Invalid DATA-LINK Object" },
	{ 0x10, "Unknown TE-LINK Object c-type" },
	{ 0x20, "Unknown DATA-LINK Object c-type" }, { 0, NULL },
};
static const struct tok sc_sp_flags[] = {
	{ 0x01, "RSVP Supported" }, { 0x02, "LDP Supported" }, { 0, NULL },
};
static const struct tok sc_tp_flags[] = {
	{ 0x01, "Path/VC Overhead Transparency Supported" },
	{ 0x02, "Line/MS Overhead Transparency Supported" },
	{ 0x04, "Section/RS Overhead Transparency Supported" }, { 0, NULL },
};
static const struct tok sc_cct_flags[] = {
	{ 0x01, "Contiguous Concatenation Types Supported" }, { 0, NULL },
};
static const struct tok sc_nsa_tp_flags[] = {
	{ 0x01, "Standard SOH/RSOH Transparency Supported" },
	{ 0x02, "Standard LOH/MSOH Transparency Supported" }, { 0, NULL },
};
static const struct tok sc_tcm_flags[] = {
	{ 0x01, "Transparent Tandem Connection Monitoring Supported" },
	{ 0, NULL },
};
static const struct tok sc_div_flags[] = {
	{ 0x01, "Node Diversity Supported" }, { 0x02, "Link Diversity Supported" },
	{ 0x04, "SRLG Diversity Supported" }, { 0, NULL },
};

static const char *msg_name(unsigned t)
{
	static const char *const n[] = {
		NULL, "Config", "Config ACK", "Config NACK", "Hello",
		"Begin Verify", "Begin Verify ACK", "Begin Verify NACK",
		"End Verify", "End Verify ACK", "Test", "Test Status Success",
		"Test Status Failure", "Test Status ACK", "Link Summary",
		"Link Summary ACK", "Link Summary NACK", "Channel Status",
		"Channel Status ACK", "Channel Status Request",
		"Channel Status Response",
	};
	if (t < sizeof n / sizeof *n)
		return n[t];
	if (t == 50) return "Service Config";
	if (t == 51) return "Service Config ACK";
	if (t == 52) return "Service Config NACK";
	return NULL;
}

static const char *obj_name(unsigned c)
{
	static const char *const n[] = {
		NULL, "Control Channel ID", "Node ID", "Link ID", "Interface ID",
		"Message ID", "Configuration", "Hello", "Verify Begin",
		"Verify Begin ACK", "Verify ID", "TE Link", "Data Link",
		"Channel Status", "Channel Status Request",
	};
	if (c < sizeof n / sizeof *n && n[c])
		return n[c];
	if (c == 20) return "Error Code";
	if (c == 51) return "Service Config";
	return "Unknown";
}

static const char *ctype_name(unsigned cls, unsigned ct)
{
	static const char *const lr[] = { NULL, "Local", "Remote" };
	static const char *const link[] = {
		NULL, "IPv4 Local", "IPv4 Remote", "IPv6 Local", "IPv6 Remote",
		"Unnumbered Local", "Unnumbered Remote",
	};
	static const char *const fam[] = { NULL, "IPv4", "IPv6", "Unnumbered" };
	static const char *const num[] = { NULL, "1", "2", "3", "4" };
	switch (cls) {
	case 1: case 2:
		return ct >= 1 && ct <= 2 ? lr[ct] : NULL;
	case 3: case 4:
		return ct >= 1 && ct <= 6 ? link[ct] : NULL;
	case 5: case 20:
		return ct >= 1 && ct <= 2 ? num[ct] : NULL;
	case 6: case 7: case 8: case 9: case 10:
		return ct == 1 ? "1" : NULL;
	case 11: case 12: case 13: case 14:
		return ct >= 1 && ct <= 3 ? fam[ct] : NULL;
	case 51:
		return ct >= 1 && ct <= 4 ? num[ct] : NULL;
	}
	return NULL;
}

static const char *switch_cap(unsigned v)
{
	switch (v) {
	case 1: return "Packet-Switch Capable-1";
	case 2: return "Packet-Switch Capable-2";
	case 3: return "Packet-Switch Capable-3";
	case 4: return "Packet-Switch Capable-4";
	case 51: return "Layer-2 Switch Capable";
	case 100: return "Time-Division-Multiplex";
	case 150: return "Lambda-Switch Capable";
	case 200: return "Fiber-Switch Capable";
	}
	return "Unknown";
}

static const char *encoding(unsigned v)
{
	static const char *const n[] = {
		NULL, "Packet", "Ethernet V2/DIX", "ANSI/ETSI PDH", "Reserved",
		"SDH ITU-T G.707/SONET ANSI T1.105", "Reserved",
		"Digital Wrapper", "Lambda (photonic)", "Fiber", "Reserved",
		"FiberChannel",
	};
	return v >= 1 && v < sizeof n / sizeof *n ? n[v] : "Unknown";
}

/* A 32-bit IEEE float in bytes per second, shown in Mbps as tcpdump
 * computes it (in single precision). */
static void put_mbps(nd_t *nd, uint32_t bits)
{
	union { uint32_t i; float f; } u = { .i = bits };
	float r = u.f * 8 / 1000000;
	nd_printf(nd, "%.3f Mbps", (double)r);
}

static void put_v4_id(nd_t *nd, const char *label, const uint8_t *p)
{
	nd_s(nd, label);
	put_ip4(nd, p);
	{
		unsigned v0 = nd_be32(nd, p);
		nd_s(nd, " (0x");
		out_x(nd->out, v0, 8);
		nd_c(nd, ')');
	}
}

static void put_v6_id(nd_t *nd, const char *label, const uint8_t *p)
{
	nd_s(nd, label);
	put_ip6(nd, p);
	{
		unsigned v0 = nd_be32(nd, p);
		nd_s(nd, " (0x");
		out_x(nd->out, v0, 8);
		nd_c(nd, ')');
	}
}

static void dump_captured(nd_t *nd, const uint8_t *p, unsigned len)
{
	size_t avail = nd_avail(nd, p);
	hex_dump(nd->out, "\n\t    ", p, len < avail ? len : (unsigned)avail, 0);
}

/* Returns 1 when an unknown subobject asks for a hex dump. */
static int data_link_subobjs(nd_t *nd, const uint8_t *p, int total, int off)
{
	while (total > 0) {
		unsigned type = nd_u8(nd, p + off), len = nd_u8(nd, p + off + 1);
		nd_s(nd, "\n\t    Subobject, Type: ");
		nd_s(nd, type == 1 ? "Interface Switching Type"
			  : type == 2 ? "Wavelength" : "Unknown");
		nd_s(nd, " (");
		nd_u(nd, type);
		nd_s(nd, "), Length: ");
		nd_u(nd, len);
		if (len < 4) {
			nd_s(nd, " (too short)");
			break;
		}
		if (len % 4) {
			nd_s(nd, " (not a multiple of 4)");
			break;
		}
		if (total < (int)len) {
			nd_s(nd, " (goes past the end of the object)");
			break;
		}
		switch (type) {
		case 1: {
			unsigned sc = nd_u8(nd, p + off + 2), enc = nd_u8(nd, p + off + 3);
			{
				const char *v0 = switch_cap(sc);
				nd_s(nd, "\n\t      Switching Type: ");
				nd_s(nd, v0);
				nd_s(nd, " (");
				nd_u(nd, sc);
				nd_c(nd, ')');
			}
			{
				const char *v0 = encoding(enc);
				nd_s(nd, "\n\t      Encoding Type: ");
				nd_s(nd, v0);
				nd_s(nd, " (");
				nd_u(nd, enc);
				nd_c(nd, ')');
			}
			uint32_t bw = nd_be32(nd, p + off + 4);
			nd_s(nd, "\n\t      Min Reservable Bandwidth: ");
			put_mbps(nd, bw);
			bw = nd_be32(nd, p + off + 8);
			nd_s(nd, "\n\t      Max Reservable Bandwidth: ");
			put_mbps(nd, bw);
			break;
		}
		case 2:
			{
				unsigned v0 = nd_be32(nd, p + off + 4);
				nd_s(nd, "\n\t      Wavelength: ");
				nd_u(nd, v0);
			}
			break;
		default:
			return 1;
		}
		total -= (int)len;
		off += (int)len;
	}
	return 0;
}

static void channel_status(nd_t *nd, const uint8_t *p, unsigned tlen,
                           unsigned ct)
{
	unsigned step = ct == 2 ? 20 : 8, idl = step - 4;
	static const char *const st[] = {
		NULL, "Signal Okay", "Signal Degraded", "Signal Fail",
	};
	for (unsigned off = 0; off + step <= tlen; off += step) {
		if (ct == 1)
			put_v4_id(nd, "\n\t    Interface ID: ", p + off);
		else if (ct == 2)
			put_v6_id(nd, "\n\t    Interface ID: ", p + off);
		else {
			unsigned v0 = nd_be32(nd, p + off);
			unsigned v1 = nd_be32(nd, p + off);
			nd_s(nd, "\n\t    Interface ID: ");
			nd_u(nd, v0);
			nd_s(nd, " (0x");
			out_x(nd->out, v1, 8);
			nd_c(nd, ')');
		}
		uint32_t v = nd_be32(nd, p + off + idl);
		nd_s(nd, "\n\t\t    Active: ");
		nd_s(nd, v >> 31 ? "Allocated"
			  : "Non-allocated");
		nd_s(nd, " (");
		nd_u(nd, v >> 31);
		nd_c(nd, ')');
		nd_s(nd, "\n\t\t    Direction: ");
		nd_s(nd, (v >> 30) & 1 ? "Transmit"
			  : "Receive");
		nd_s(nd, " (");
		nd_u(nd, (v >> 30) & 1);
		nd_c(nd, ')');
		unsigned cs = v & 0x3ffffff;
		nd_s(nd, "\n\t\t    Channel Status: ");
		nd_s(nd, cs >= 1 && cs <= 3 ? st[cs] : "Unknown");
		nd_s(nd, " (");
		nd_u(nd, cs);
		nd_c(nd, ')');
	}
}

#define NOT_CORRECT(cond) if (cond) { nd_s(nd, " (not correct for object)"); break; }

/* One object's body; returns 1 when it should be hex dumped. */
static int object(nd_t *nd, unsigned cls, unsigned ct, const uint8_t *p,
                  unsigned tlen)
{
	switch (cls) {
	case 1: /* control channel id */
		if (ct != 1 && ct != 2)
			return 1;
		NOT_CORRECT(tlen != 4);
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p);
			nd_s(nd, "\n\t    Control Channel ID: ");
			nd_u(nd, v0);
			nd_s(nd, " (0x");
			out_x(nd->out, v1, 8);
			nd_c(nd, ')');
		}
		break;
	case 3: case 4: /* link id, interface id */
		switch (ct) {
		case 1: case 2:
			NOT_CORRECT(tlen != 4);
			put_v4_id(nd, "\n\t    IPv4 Link ID: ", p);
			break;
		case 3: case 4:
			NOT_CORRECT(tlen != 16);
			put_v6_id(nd, "\n\t    IPv6 Link ID: ", p);
			break;
		case 5: case 6:
			NOT_CORRECT(tlen != 4);
			{
				unsigned v0 = nd_be32(nd, p);
				unsigned v1 = nd_be32(nd, p);
				nd_s(nd, "\n\t    Link ID: ");
				nd_u(nd, v0);
				nd_s(nd, " (0x");
				out_x(nd->out, v1, 8);
				nd_c(nd, ')');
			}
			break;
		default:
			return 1;
		}
		break;
	case 5: /* message id */
		if (ct != 1 && ct != 2)
			return 1;
		NOT_CORRECT(tlen != 4);
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p);
			nd_s(nd, "\n\t    Message ID");
			nd_s(nd, ct == 2 ? " Ack" : "");
			nd_s(nd, ": ");
			nd_u(nd, v0);
			nd_s(nd, " (0x");
			out_x(nd->out, v1, 8);
			nd_c(nd, ')');
		}
		break;
	case 2: /* node id */
		if (ct != 1 && ct != 2)
			return 1;
		NOT_CORRECT(tlen != 4);
		put_v4_id(nd, "\n\t    Node ID: ", p);
		break;
	case 6: /* config */
		if (ct != 1)
			return 1;
		NOT_CORRECT(tlen != 4);
		{
			unsigned v0 = nd_be16(nd, p);
			unsigned v1 = nd_be16(nd, p + 2);
			nd_s(nd, "\n\t    Hello Interval: ");
			nd_u(nd, v0);
			nd_s(nd, "\n\t    Hello Dead Interval: ");
			nd_u(nd, v1);
		}
		break;
	case 7: /* hello */
		if (ct != 1)
			return 1;
		NOT_CORRECT(tlen != 8);
		{
			unsigned v0 = nd_be32(nd, p);
			unsigned v1 = nd_be32(nd, p + 4);
			nd_s(nd, "\n\t    Tx Seq: ");
			nd_u(nd, v0);
			nd_s(nd, ", Rx Seq: ");
			nd_u(nd, v1);
		}
		break;
	case 11: /* TE link */
		if (ct < 1 || ct > 3)
			return 1;
		NOT_CORRECT(tlen != (ct == 2 ? 36u : 12u));
		nd_s(nd, "\n\t    Flags: [");
		put_bits(nd, te_link_flags, nd_u8(nd, p), "none");
		nd_c(nd, ']');
		if (ct == 1) {
			put_v4_id(nd, "\n\t    Local Link-ID: ", p + 4);
			put_v4_id(nd, "\n\t    Remote Link-ID: ", p + 8);
		} else if (ct == 2) {
			put_v6_id(nd, "\n\t    Local Link-ID: ", p + 4);
			put_v6_id(nd, "\n\t    Remote Link-ID: ", p + 20);
		} else {
			{
				unsigned v0 = nd_be32(nd, p + 4);
				unsigned v1 = nd_be32(nd, p + 4);
				unsigned v2 = nd_be32(nd, p + 8);
				unsigned v3 = nd_be32(nd, p + 8);
				nd_s(nd, "\n\t    Local Link-ID: ");
				nd_u(nd, v0);
				nd_s(nd, " (0x");
				out_x(nd->out, v1, 8);
				nd_s(nd, ")\n\t    Remote Link-ID: ");
				nd_u(nd, v2);
				nd_s(nd, " (0x");
				out_x(nd->out, v3, 8);
				nd_c(nd, ')');
			}
		}
		break;
	case 12: { /* data link */
		if (ct < 1 || ct > 3)
			return 1;
		unsigned fixed = ct == 2 ? 36 : 12;
		NOT_CORRECT(tlen < fixed);
		nd_s(nd, "\n\t    Flags: [");
		put_bits(nd, data_link_flags, nd_u8(nd, p), "none");
		nd_c(nd, ']');
		if (ct == 1) {
			put_v4_id(nd, "\n\t    Local Interface ID: ", p + 4);
			put_v4_id(nd, "\n\t    Remote Interface ID: ", p + 8);
		} else if (ct == 2) {
			put_v6_id(nd, "\n\t    Local Interface ID: ", p + 4);
			put_v6_id(nd, "\n\t    Remote Interface ID: ", p + 20);
		} else {
			{
				unsigned v0 = nd_be32(nd, p + 4);
				unsigned v1 = nd_be32(nd, p + 4);
				unsigned v2 = nd_be32(nd, p + 8);
				unsigned v3 = nd_be32(nd, p + 8);
				nd_s(nd, "\n\t    Local Interface ID: ");
				nd_u(nd, v0);
				nd_s(nd, " (0x");
				out_x(nd->out, v1, 8);
				nd_s(nd, ")\n\t    Remote Interface ID: ");
				nd_u(nd, v2);
				nd_s(nd, " (0x");
				out_x(nd->out, v3, 8);
				nd_c(nd, ')');
			}
		}
		return data_link_subobjs(nd, p, (int)(tlen - fixed), (int)fixed);
	}
	case 8: { /* verify begin */
		if (ct != 1)
			return 1;
		NOT_CORRECT(tlen != 20);
		nd_s(nd, "\n\t    Flags: ");
		put_bits(nd, verify_flags, nd_be16(nd, p), "none");
		{
			unsigned v0 = nd_be16(nd, p + 2);
			nd_s(nd, "\n\t    Verify Interval: ");
			nd_u(nd, v0);
		}
		{
			unsigned v0 = nd_be32(nd, p + 4);
			nd_s(nd, "\n\t    Data links: ");
			nd_u(nd, v0);
		}
		{
			const char *v0 = encoding(nd_u8(nd, p + 8));
			nd_s(nd, "\n\t    Encoding type: ");
			nd_s(nd, v0);
		}
		unsigned vtm = nd_be16(nd, p + 10);
		nd_s(nd, "\n\t    Verify Transport Mechanism: ");
		nd_u(nd, vtm);
		nd_s(nd, " (0x");
		out_x(nd->out, vtm, 0);
		nd_c(nd, ')');
		nd_s(nd, (vtm & 8000) ? " (Payload test messages capable)" : "");
		uint32_t rate = nd_be32(nd, p + 12);
		nd_s(nd, "\n\t    Transmission Rate: ");
		put_mbps(nd, rate);
		{
			unsigned v0 = nd_be32(nd, p + 16);
			nd_s(nd, "\n\t    Wavelength: ");
			nd_u(nd, v0);
		}
		break;
	}
	case 9: /* verify begin ack */
		if (ct != 1)
			return 1;
		NOT_CORRECT(tlen != 4);
		{
			unsigned v0 = nd_be16(nd, p);
			unsigned v1 = nd_be16(nd, p + 2);
			nd_s(nd, "\n\t    Verify Dead Interval: ");
			nd_u(nd, v0);
			nd_s(nd, "\n\t    Verify Transport Response: ");
			nd_u(nd, v1);
		}
		break;
	case 10: /* verify id */
		if (ct != 1)
			return 1;
		NOT_CORRECT(tlen != 4);
		{
			unsigned v0 = nd_be32(nd, p);
			nd_s(nd, "\n\t    Verify ID: ");
			nd_u(nd, v0);
		}
		break;
	case 13: /* channel status */
		if (ct < 1 || ct > 3)
			return 1;
		channel_status(nd, p, tlen, ct);
		break;
	case 14: { /* channel status request */
		if (ct < 1 || ct > 3)
			return 1;
		unsigned step = ct == 2 ? 16 : 4;
		for (unsigned off = 0; off + step <= tlen; off += step) {
			if (ct == 1)
				put_v4_id(nd, "\n\t    Interface ID: ", p + off);
			else if (ct == 2)
				put_v6_id(nd, "\n\t    Interface ID: ", p + off);
			else {
				unsigned v0 = nd_be32(nd, p + off);
				unsigned v1 = nd_be32(nd, p + off);
				nd_s(nd, "\n\t    Interface ID: ");
				nd_u(nd, v0);
				nd_s(nd, " (0x");
				out_x(nd->out, v1, 8);
				nd_c(nd, ')');
			}
		}
		break;
	}
	case 20: /* error code */
		if (ct != 1 && ct != 2)
			return 1;
		NOT_CORRECT(tlen != 4);
		nd_s(nd, "\n\t    Error Code: ");
		put_bits(nd, ct == 1 ? verify_errors : summary_errors, nd_be32(nd, p), "none");
		break;
	case 51: /* service config */
		switch (ct) {
		case 1:
			NOT_CORRECT(tlen != 4);
			nd_s(nd, "\n\t Flags: ");
			put_bits(nd, sc_sp_flags, nd_u8(nd, p), "none");
			{
				unsigned v0 = nd_u8(nd, p + 1);
				nd_s(nd, "\n\t  UNI Version: ");
				nd_u(nd, v0);
			}
			break;
		case 2: {
			static const char *const sdh[] = {
				"VC-3", "VC-4", "STM-0", "STM-1", "STM-4", "STM-16",
				"STM-64", "STM-256",
			};
			static const char *const sonet[] = {
				"STS-1 SPE", "STS-3c SPE", "STS-1", "STM-3", "STM-12",
				"STM-48", "STM-192", "STS-768",
			};
			NOT_CORRECT(tlen != 16);
			unsigned lt = nd_u8(nd, p), sig = nd_u8(nd, p + 1);
			nd_s(nd, "\n\t  Link Type: ");
			nd_s(nd, lt == 5 ? "SDH ITU-T G.707" : lt == 6 ? "SONET ANSI T1.105"
				  : "Unknown");
			nd_s(nd, " (");
			nd_u(nd, lt);
			nd_c(nd, ')');
			if (lt == 5 || lt == 6) {
				nd_s(nd, "\n\t  Signal Type: ");
				nd_s(nd, sig >= 5 && sig <= 12 ? (lt == 5 ? sdh : sonet)[sig - 5]
					  : "Unknown");
				nd_s(nd, " (");
				nd_u(nd, sig);
				nd_c(nd, ')');
			}
			nd_s(nd, "\n\t  Transparency: ");
			put_bits(nd, sc_tp_flags, nd_u8(nd, p + 2), "none");
			nd_s(nd, "\n\t  Contiguous Concatenation Types: ");
			put_bits(nd, sc_cct_flags, nd_u8(nd, p + 3), "none");
			{
				unsigned v0 = nd_be16(nd, p + 4);
				nd_s(nd, "\n\t  Minimum NCC: ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, p + 6);
				nd_s(nd, "\n\t  Maximum NCC: ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, p + 8);
				nd_s(nd, "\n\t  Minimum NVC:");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, p + 10);
				nd_s(nd, "\n\t  Maximum NVC:");
				nd_u(nd, v0);
			}
			put_v4_id(nd, "\n\t    Local Interface ID: ", p + 12);
			break;
		}
		case 3:
			NOT_CORRECT(tlen != 8);
			nd_s(nd, "\n\t Transparency Flags: ");
			put_bits(nd, sc_nsa_tp_flags, nd_be32(nd, p), "none");
			nd_s(nd, "\n\t TCM Monitoring Flags: ");
			put_bits(nd, sc_tcm_flags, nd_u8(nd, p + 7), "none");
			break;
		case 4:
			NOT_CORRECT(tlen != 4);
			nd_s(nd, "\n\t Diversity: Flags: ");
			put_bits(nd, sc_div_flags, nd_u8(nd, p + 3), "none");
			break;
		default:
			return 1;
		}
		break;
	default:
		if (nd->opt->vflag <= 1)
			dump_captured(nd, p, tlen);
		break;
	}
	return 0;
}

void lmp_print(nd_t *nd, const uint8_t *pptr, unsigned length,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport; (void)dport;
	if (ip && ip->nh == 6)
		return; /* -T lmp names a UDP payload */
	nd_proto(nd, "lmp");
	if (!nd_has(nd, pptr, 8))
		nd_trunc(nd); /* unwinds, as tcpdump: dumps show the whole frame */
	unsigned version = pptr[0] >> 4, mt = pptr[3];
	if (version != 1) {
		nd_s(nd, "LMP version ");
		nd_u(nd, version);
		nd_s(nd, " packet not supported");
		return;
	}
	const char *mn = msg_name(mt);
	if (!nd->opt->vflag) {
		nd_s(nd, "LMPv");
		nd_u(nd, version);
		nd_c(nd, ' ');
		if (mn)
			nd_s(nd, mn);
		else {
			nd_s(nd, "unknown (");
			nd_u(nd, mt);
			nd_c(nd, ')');
		}
		nd_s(nd, " Message, length: ");
		nd_u(nd, length);
		return;
	}
	unsigned tlen = nd_be16(nd, pptr + 4);
	nd_s(nd, "\n\tLMPv");
	nd_u(nd, version);
	nd_s(nd, ", msg-type: ");
	if (mn)
		nd_s(nd, mn);
	else {
		nd_s(nd, "unknown, type: ");
		nd_u(nd, mt);
	}
	nd_s(nd, ", Flags: [");
	put_bits(nd, header_flags, pptr[2], "none");
	nd_s(nd, "], length: ");
	nd_u(nd, tlen);
	if (tlen < 8) {
		nd_s(nd, " (too short)");
		return;
	}
	if (tlen > length) {
		nd_s(nd, " (too long)");
		tlen = length;
	}
	const uint8_t *tptr = pptr + 8;
	tlen -= 8;
	while (tlen > 0) {
		unsigned olen = nd_be16(nd, tptr + 2), ctb = nd_u8(nd, tptr);
		unsigned ct = ctb & 0x7f, cls = nd_u8(nd, tptr + 1);
		const char *ctn = ctype_name(cls, ct);
		{
			const char *v0 = obj_name(cls);
			nd_s(nd, "\n\t  ");
			nd_s(nd, v0);
			nd_s(nd, " Object (");
			nd_u(nd, cls);
			nd_s(nd, "), Class-Type: ");
			nd_s(nd, ctn ? ctn : "Unknown");
			nd_s(nd, " (");
			nd_u(nd, ct);
			nd_s(nd, ") Flags: [");
			nd_s(nd, (ctb & 0x80) ? "" : "non-");
			nd_s(nd, "negotiable], length: ");
			nd_u(nd, olen);
		}
		if (olen < 4) {
			nd_s(nd, " (too short)");
			return;
		}
		if (olen % 4) {
			nd_s(nd, " (not a multiple of 4)");
			return;
		}
		if (!nd_has(nd, tptr, olen)) {
			nd_trunc(nd);
			return;
		}
		int hexdump = object(nd, cls, ct, tptr + 4, olen - 4);
		if (nd->opt->vflag > 1 || hexdump)
			dump_captured(nd, tptr + 4, olen - 4);
		if (tlen < olen) {
			nd_s(nd, " [remaining objects length ");
			nd_u(nd, tlen);
			nd_s(nd, " < ");
			nd_u(nd, olen);
			nd_c(nd, ']');
			nd_print_invalid(nd);
			break;
		}
		tptr += olen;
		tlen -= olen;
	}
}
