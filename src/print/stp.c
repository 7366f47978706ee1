/* stp.c - Spanning Tree BPDUs: 802.1D, RSTP (802.1w), MSTP (802.1s) with
 * its MSTI records, and SPB (802.1aq) with the v4 agreement data. */
#include "print.h"

#define STP_TIME_BASE 256
#define STP_BPDU_LEN 36
#define MSTP_MIN_LEN 102
#define MST_V3LEN_OFFSET 36
#define MST_CONFIG_INFO_LENGTH 64
#define MST_MSTI_OFFSET 102
#define MST_MSTI_LENGTH 16
#define SPB_MIN_LEN 87

static void bridge_id(nd_t *nd, const uint8_t *p)
{
	nd_need(nd, p, 8);
	out_x2(nd->out, p[0]);
	out_x2(nd->out, p[1]);
	nd_c(nd, '.');
	out_x2(nd->out, p[2]);
	nd_c(nd, ':');
	out_x2(nd->out, p[3]);
	nd_c(nd, ':');
	out_x2(nd->out, p[4]);
	nd_c(nd, ':');
	out_x2(nd->out, p[5]);
	nd_c(nd, ':');
	out_x2(nd->out, p[6]);
	nd_c(nd, ':');
	out_x2(nd->out, p[7]);
}

static void flag_names(nd_t *nd, unsigned f)
{
	static const struct tok names[] = {
		{ 0x01, "Topology change" }, { 0x02, "Proposal" }, { 0x10, "Learn" },
		{ 0x20, "Forward" }, { 0x40, "Agreement" },
		{ 0x80, "Topology change ACK" }, { 0, NULL },
	};
	put_bits(nd, names, f, "none");
}

static const char *port_role(unsigned flags)
{
	static const char *const roles[4] = { "Unknown", "Alternate", "Root",
					      "Designated" };
	return roles[(flags & 0x0c) >> 2];
}

static void times(nd_t *nd, const uint8_t *p)
{
	nd_printf(nd, "\n\tmessage-age %.2fs, max-age %.2fs, hello-time %.2fs, forwarding-delay %.2fs",
		  (float)nd_be16(nd, p) / STP_TIME_BASE,
		  (float)nd_be16(nd, p + 2) / STP_TIME_BASE,
		  (float)nd_be16(nd, p + 4) / STP_TIME_BASE,
		  (float)nd_be16(nd, p + 6) / STP_TIME_BASE);
}

static void config_bpdu(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned flags = nd_u8(nd, p + 4);
	nd_s(nd, ", Flags [");
	flag_names(nd, flags);
	nd_c(nd, ']');
	nd_need(nd, p + 17, 10); /* tcpdump formats the whole field list first */
	nd_s(nd, ", bridge-id ");
	bridge_id(nd, p + 17);
	{
		unsigned v0 = nd_be16(nd, p + 25);
		nd_c(nd, '.');
		out_x(nd->out, v0, 4);
		nd_s(nd, ", length ");
		nd_u(nd, length);
	}
	if (!nd->opt->vflag)
		return;
	times(nd, p + 27);
	nd_need(nd, p + 5, 12);
	nd_s(nd, "\n\troot-id ");
	bridge_id(nd, p + 5);
	{
		unsigned v0 = nd_be32(nd, p + 13);
		nd_s(nd, ", root-pathcost ");
		nd_u(nd, v0);
	}
	if (nd_u8(nd, p + 2) == 2) {
		const char *v0 = port_role(flags);
		nd_s(nd, ", port-role ");
		nd_s(nd, v0);
	}
}

/* Name fields: NUL-padded, printed up to the first NUL. */
static void zstring(nd_t *nd, const uint8_t *p, unsigned n)
{
	nd_need(nd, p, n);
	for (unsigned i = 0; i < n && p[i]; i++)
		nd_print_char(nd, p[i]);
}

static void mstp_bpdu(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned flags = nd_u8(nd, p + 4);
	nd_s(nd, ", CIST Flags [");
	flag_names(nd, flags);
	nd_s(nd, "], length ");
	nd_u(nd, length);
	if (!nd->opt->vflag)
		return;
	{
		const char *v0 = port_role(flags);
		nd_s(nd, "\n\tport-role ");
		nd_s(nd, v0);
		nd_s(nd, ", ");
	}
	nd_need(nd, p + 5, 12);
	nd_s(nd, "CIST root-id ");
	bridge_id(nd, p + 5);
	{
		unsigned v0 = nd_be32(nd, p + 13);
		nd_s(nd, ", CIST ext-pathcost ");
		nd_u(nd, v0);
	}
	nd_need(nd, p + 17, 8);
	nd_s(nd, "\n\tCIST regional-root-id ");
	bridge_id(nd, p + 17);
	{
		unsigned v0 = nd_be16(nd, p + 25);
		nd_s(nd, ", CIST port-id ");
		out_x(nd->out, v0, 4);
		nd_c(nd, ',');
	}
	times(nd, p + 27);
	{
		unsigned v0 = nd_be16(nd, p + 36);
		nd_s(nd, "\n\tv3len ");
		nd_u(nd, v0);
		nd_s(nd, ", ");
	}
	nd_s(nd, "MCID Name ");
	zstring(nd, p + 39, 32);
	{
		unsigned v0 = nd_be16(nd, p + 71);
		unsigned v1 = nd_be32(nd, p + 73);
		unsigned v2 = nd_be32(nd, p + 77);
		unsigned v3 = nd_be32(nd, p + 81);
		unsigned v4 = nd_be32(nd, p + 85);
		nd_s(nd, ", rev ");
		nd_u(nd, v0);
		nd_s(nd, ",\n\t\tdigest ");
		out_x(nd->out, v1, 8);
		out_x(nd->out, v2, 8);
		out_x(nd->out, v3, 8);
		out_x(nd->out, v4, 8);
		nd_s(nd, ", ");
	}
	{
		unsigned v0 = nd_be32(nd, p + 89);
		nd_s(nd, "CIST int-root-pathcost ");
		nd_u(nd, v0);
		nd_c(nd, ',');
	}
	nd_need(nd, p + 93, 8);
	nd_s(nd, "\n\tCIST bridge-id ");
	bridge_id(nd, p + 93);
	{
		unsigned v0 = nd_u8(nd, p + 101);
		nd_s(nd, ", CIST remaining-hops ");
		nd_u(nd, v0);
	}

	unsigned v3len = nd_be16(nd, p + 36);
	if (v3len > MST_CONFIG_INFO_LENGTH) {
		unsigned len = v3len - MST_CONFIG_INFO_LENGTH;
		unsigned off = MST_MSTI_OFFSET;
		while (len >= MST_MSTI_LENGTH) {
			const uint8_t *m = p + off;
			nd_need(nd, m, 3);
			unsigned mf = nd_u8(nd, m);
			{
				unsigned v0 = nd_be16(nd, m + 1) & 0x0fff;
				nd_s(nd, "\n\tMSTI ");
				nd_u(nd, v0);
				nd_s(nd, ", Flags [");
			}
			flag_names(nd, mf);
			{
				const char *v0 = port_role(mf);
				nd_s(nd, "], port-role ");
				nd_s(nd, v0);
			}
			nd_need(nd, m + 1, 12);
			nd_s(nd, "\n\t\tMSTI regional-root-id ");
			bridge_id(nd, m + 1);
			{
				unsigned v0 = nd_be32(nd, m + 9);
				nd_s(nd, ", pathcost ");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_u8(nd, m + 13) >> 4;
				unsigned v1 = nd_u8(nd, m + 14) >> 4;
				unsigned v2 = nd_u8(nd, m + 15);
				nd_s(nd, "\n\t\tMSTI bridge-prio ");
				nd_u(nd, v0);
				nd_s(nd, ", port-prio ");
				nd_u(nd, v1);
				nd_s(nd, ", hops ");
				nd_u(nd, v2);
			}
			len -= MST_MSTI_LENGTH;
			off += MST_MSTI_LENGTH;
		}
	}
}

static void spb_bpdu(nd_t *nd, const uint8_t *p, unsigned off)
{
	if (!nd->opt->vflag)
		return;
	const uint8_t *s = p + off;
	{
		unsigned v0 = nd_be16(nd, s);
		nd_s(nd, "\n\tv4len ");
		nd_u(nd, v0);
		nd_s(nd, ", ");
	}
	nd_s(nd, "AUXMCID Name ");
	zstring(nd, s + 3, 32);
	{
		unsigned v0 = nd_be16(nd, s + 35);
		unsigned v1 = nd_be32(nd, s + 37);
		unsigned v2 = nd_be32(nd, s + 41);
		unsigned v3 = nd_be32(nd, s + 45);
		unsigned v4 = nd_be32(nd, s + 49);
		nd_s(nd, ", Rev ");
		nd_u(nd, v0);
		nd_s(nd, ",\n\t\tdigest ");
		out_x(nd->out, v1, 8);
		out_x(nd->out, v2, 8);
		out_x(nd->out, v3, 8);
		out_x(nd->out, v4, 8);
	}
	unsigned a = nd_u8(nd, s + 53), fmt = nd_u8(nd, s + 55), con = nd_u8(nd, s + 56);
	{
		unsigned v0 = nd_be16(nd, s + 57);
		unsigned v1 = nd_be32(nd, s + 67);
		unsigned v2 = nd_be32(nd, s + 71);
		unsigned v3 = nd_be32(nd, s + 75);
		unsigned v4 = nd_be32(nd, s + 79);
		unsigned v5 = nd_be32(nd, s + 83);
		nd_s(nd, "\n\tAgreement num ");
		nd_u(nd, a >> 6);
		nd_s(nd, ", Discarded Agreement num ");
		nd_u(nd, (a >> 4) & 3);
		nd_s(nd, ", Agreement valid-flag ");
		nd_u(nd, (a >> 3) & 1);
		nd_s(nd, ",\n\tRestricted role-flag: ");
		nd_u(nd, (a >> 2) & 1);
		nd_s(nd, ", Format id ");
		nd_u(nd, fmt >> 4);
		nd_s(nd, " cap ");
		nd_u(nd, fmt);
		nd_s(nd, ", Convention id ");
		nd_u(nd, con >> 4);
		nd_s(nd, " cap ");
		nd_u(nd, con);
		nd_s(nd, ",\n\tEdge count ");
		nd_u(nd, v0);
		nd_s(nd, ", Agreement digest ");
		out_x(nd->out, v1, 8);
		out_x(nd->out, v2, 8);
		out_x(nd->out, v3, 8);
		out_x(nd->out, v4, 8);
		out_x(nd->out, v5, 8);
	}
}

void stp_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "stp");
	if (length < 4)
		goto invalid;
	if (nd_be16(nd, p)) {
		nd_s(nd, "unknown STP version, length ");
		nd_u(nd, length);
		return;
	}
	unsigned ver = nd_u8(nd, p + 2);
	switch (ver) {
	case 0: nd_s(nd, "STP 802.1d"); break;
	case 2: nd_s(nd, "STP 802.1w"); break;
	case 3: nd_s(nd, "STP 802.1s"); break;
	case 4: nd_s(nd, "STP 802.1aq"); break;
	default:
		nd_s(nd, "STP Unknown STP protocol (0x");
		out_x2(nd->out, ver);
		nd_c(nd, ')');
		return;
	}
	unsigned type = nd_u8(nd, p + 3);
	switch (type) {
	case 0x00: nd_s(nd, ", Config"); break;
	case 0x02: nd_s(nd, ", Rapid STP"); break;
	case 0x80: nd_s(nd, ", Topology Change"); break;
	default: nd_printf(nd, ", Unknown BPDU Type (0x%02x)", type); break;
	}
	switch (type) {
	case 0x00:
		if (length < STP_BPDU_LEN - 1)
			goto invalid;
		config_bpdu(nd, p, length);
		break;
	case 0x02:
		if (ver == 2) {
			if (length < STP_BPDU_LEN)
				goto invalid;
			config_bpdu(nd, p, length);
		} else if (ver == 3 || ver == 4) {
			if (length < MSTP_MIN_LEN)
				goto invalid;
			if (nd_u8(nd, p + 35) != 0)
				goto invalid;
			unsigned mstp_len = nd_be16(nd, p + MST_V3LEN_OFFSET) + 2;
			if (length < STP_BPDU_LEN + mstp_len)
				goto invalid;
			mstp_bpdu(nd, p, length);
			if (ver == 4) {
				unsigned spb_len = nd_be16(nd, p + MST_V3LEN_OFFSET + mstp_len) + 2;
				if (length < STP_BPDU_LEN + mstp_len + spb_len ||
				    spb_len < SPB_MIN_LEN)
					goto invalid;
				spb_bpdu(nd, p, STP_BPDU_LEN + mstp_len);
			}
		}
		break;
	}
	return;
invalid:
	nd_print_invalid(nd);
}
