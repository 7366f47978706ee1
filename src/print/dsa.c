/* dsa.c - Marvell switch tags, DSA (4 bytes) and EDSA (8 bytes: an
 * ethertype, two reserved bytes, then the DSA tag), between the source
 * MAC address and the ethertype. */
#include "print.h"

#define DSA_LEN 4
#define EDSA_LEN 8

static const char *const modes[4] = { "To CPU", "From CPU", "To Sniffer", "Forward" };

static const char *const cpu_codes[8] = {
	"BPDU (MGMT) Trap", "Frame2Reg", "IGMP/MLD Trap", "Policy Trap",
	"ARP Mirror", "Policy Mirror", "reserved", "reserved",
};

static void dsa_common(nd_t *nd, const uint8_t *t)
{
	unsigned b0 = nd_u8(nd, t), b1 = nd_u8(nd, t + 1), b2 = nd_u8(nd, t + 2),
		 b3 = nd_u8(nd, t + 3);
	unsigned mode = b0 >> 6, tagged = b0 & 0x20, dev = b0 & 0x1f;
	unsigned port = b1 >> 3, bit2 = b1 & 0x04, cfi = b1 & 0x01;
	unsigned pri = b2 >> 5, vid = (b2 & 0x0f) << 8 | b3;
	unsigned code = (b1 & 0x06) | (b2 >> 4 & 1);

	if (nd->opt->eflag) {
		nd_printf(nd, "mode %s, ", modes[mode]);
		switch (mode) {
		case 0:
			nd_printf(nd, "source dev %u, port %u, ", dev, port);
			nd_printf(nd, "code %s, ", cpu_codes[code]);
			break;
		case 1:
			nd_printf(nd, "target dev %u, port %u, ", dev, port);
			break;
		case 2:
			nd_printf(nd, "source dev %u, port %u, %s sniff, ", dev, port,
				  bit2 ? "ingress" : "egress");
			break;
		case 3:
			nd_printf(nd, "dev %u, %s %u, ", dev, bit2 ? "trunk" : "port", port);
			break;
		}
		nd_printf(nd, "%s, ", tagged ? "tagged" : "untagged");
		if (cfi)
			nd_s(nd, "CFI, ");
		nd_printf(nd, "VID %u, ", vid);
		nd_printf(nd, "FPri %u, ", pri);
	} else {
		switch (mode) {
		case 0:
			nd_printf(nd, "port %u.%u > CPU, ", dev, port);
			break;
		case 1:
			nd_printf(nd, "CPU > port %u.%u, ", dev, port);
			break;
		case 2:
			nd_printf(nd, "port %u.%u > %s Sniffer, ", dev, port, bit2 ? "Rx" : "Tx");
			break;
		case 3:
			nd_printf(nd, "Forward %s %u.%u, ", bit2 ? "trunk" : "port", dev, port);
			break;
		}
		nd_printf(nd, "VLAN %u%c, ", vid, tagged ? 't' : 'u');
	}
}

static void dsa_tag(nd_t *nd, const uint8_t *t)
{
	nd_s(nd, nd->opt->eflag ? "Marvell DSA " : "DSA ");
	dsa_common(nd, t);
}

static void edsa_tag(nd_t *nd, const uint8_t *t)
{
	unsigned et = nd_be16(nd, t);
	if (nd->opt->eflag) {
		const char *s = ethertype_name(et);
		nd_printf(nd, "Marvell EDSA ethertype 0x%04x (%s), rsvd %u %u, ", et,
			  s ? s : "Unknown", nd_u8(nd, t + 2), nd_u8(nd, t + 3));
	} else {
		nd_printf(nd, "EDSA 0x%04x, ", et);
	}
	dsa_common(nd, t + 4);
}

unsigned dsa_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "dsa");
	return ether_common(nd, p, caplen, len, DSA_LEN, dsa_tag, NULL);
}

unsigned edsa_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	nd_proto(nd, "edsa");
	return ether_common(nd, p, caplen, len, EDSA_LEN, edsa_tag, NULL);
}
