/* ethertype.h - the ethertypes, in one table for the printers and the
 * reports: each with the name of each place that shows it, and the VLAN
 * tag types the printers and the decoder step over.
 *   print   the name tcpdump prints in "ethertype NAME (0x....)"
 *   report  the name in the reports (--summary, --report), where the
 *           analysis half has one
 * Header only: the decoder is also built alone (tests, fuzzing). */
#ifndef TRAWL_CORE_ETHERTYPE_H
#define TRAWL_CORE_ETHERTYPE_H

#include <stddef.h>

/* X(identifier, value, print, report); NULL where there is no name. */
#define ETHERTYPE_TABLE(X) \
	X(ET_GRE_OSI, 0x00fe, "GRE-OSI", NULL) \
	X(ET_PUP, 0x0200, "PUP", NULL) \
	X(ET_NS, 0x0600, "NS", NULL) \
	X(ET_GEONET_OLD, 0x0707, "GeoNet (old)", NULL) \
	X(ET_IPV4, 0x0800, "IPv4", "IPv4") \
	X(ET_ARP, 0x0806, "ARP", "ARP") \
	X(ET_TRAIL, 0x1000, "Trail", NULL) \
	X(ET_CALM_FAST, 0x1111, "CALM FAST", NULL) \
	X(ET_MOP_DL, 0x6001, "MOP DL", NULL) \
	X(ET_MOP_RC, 0x6002, "MOP RC", NULL) \
	X(ET_DN, 0x6003, "DN", NULL) \
	X(ET_LAT, 0x6004, "LAT", NULL) \
	X(ET_SCA, 0x6007, "SCA", NULL) \
	X(ET_TEB, 0x6558, "TEB", NULL) \
	X(ET_RARP, 0x8035, "Reverse ARP", "RARP") \
	X(ET_LANBRIDGE, 0x8038, "Lanbridge", NULL) \
	X(ET_DECDNS, 0x803c, "DEC DNS", NULL) \
	X(ET_DECDTS, 0x803e, "DEC DTS", NULL) \
	X(ET_VEXP, 0x805b, "VEXP", NULL) \
	X(ET_VPROD, 0x805c, "VPROD", NULL) \
	X(ET_ATALK, 0x809b, "Appletalk", NULL) \
	X(ET_AARP, 0x80f3, "Appletalk ARP", NULL) \
	X(ET_8021Q, 0x8100, "802.1Q", "802.1Q") \
	X(ET_IPX, 0x8137, "IPX", NULL) \
	X(ET_IPV6, 0x86dd, "IPv6", "IPv6") \
	X(ET_MPCP, 0x8808, "MPCP", NULL) \
	X(ET_SLOW, 0x8809, "Slow Protocols", NULL) \
	X(ET_PPP, 0x880b, "PPP", NULL) \
	X(ET_MPLS, 0x8847, "MPLS unicast", "MPLS") \
	X(ET_MPLS_MC, 0x8848, "MPLS multicast", "MPLS-mc") \
	X(ET_PPPOE_D, 0x8863, "PPPoE D", "PPPoE-D") \
	X(ET_PPPOE_S, 0x8864, "PPPoE S", "PPPoE-S") \
	X(ET_NLB, 0x886f, "MS NLB heartbeat", NULL) \
	X(ET_JUMBO, 0x8870, "Jumbo", NULL) \
	X(ET_EAPOL, 0x888e, "EAPOL", "EAPOL") \
	X(ET_RRCP, 0x8899, "Realtek protocols", NULL) \
	X(ET_AOE, 0x88a2, "AoE", NULL) \
	X(ET_8021AD, 0x88a8, "802.1Q-QinQ", "802.1ad") \
	X(ET_TIPC, 0x88ca, "TIPC", NULL) \
	X(ET_LLDP, 0x88cc, "LLDP", "LLDP") \
	X(ET_MACSEC, 0x88e5, "802.1AE MACsec", "MACsec") \
	X(ET_PTP, 0x88f7, "PTP", "PTP") \
	X(ET_CFM, 0x8902, "CFM", NULL) \
	X(ET_IEEE1905, 0x893a, "IEEE1905.1", NULL) \
	X(ET_GEONET, 0x8947, "GeoNet", NULL) \
	X(ET_NSH, 0x894f, "NSH", NULL) \
	X(ET_LOOPBACK, 0x9000, "Loopback", "Loopback") \
	X(ET_8021Q_9100, 0x9100, "802.1Q-9100", NULL) \
	X(ET_8021Q_9200, 0x9200, "802.1Q-9200", NULL) \
	X(ET_ARISTA, 0xd28b, "Arista Vendor Specific Protocol", NULL) \
	X(ET_CFM_OLD, 0xabcd, "CFM (old)", NULL) \
	X(ET_OSI, 0xfefe, "OSI", NULL)

#define ETHERTYPE_ENUM_(id, v, print, report) id = v,
enum ethertype { ETHERTYPE_TABLE(ETHERTYPE_ENUM_) };
#undef ETHERTYPE_ENUM_

#define ETHERTYPE_PRINT_(id, v, print, report) case v: return print;
#define ETHERTYPE_REPORT_(id, v, print, report) case v: return report;

/* NULL when the type has no such name. */
static inline const char *ethertype_print_name(unsigned type)
{
	switch (type) {
	ETHERTYPE_TABLE(ETHERTYPE_PRINT_)
	default: return NULL;
	}
}

static inline const char *ethertype_report_name(unsigned type)
{
	switch (type) {
	ETHERTYPE_TABLE(ETHERTYPE_REPORT_)
	default: return NULL;
	}
}

#undef ETHERTYPE_PRINT_
#undef ETHERTYPE_REPORT_

/* The tag types of 802.1Q VLAN tags the printers and the decoder step
 * over: 802.1Q, 802.1ad (QinQ) and the two pre-standard QinQ types. */
static inline int ethertype_is_vlan(unsigned type)
{
	return type == ET_8021Q || type == ET_8021AD ||
	       type == ET_8021Q_9100 || type == ET_8021Q_9200;
}

#endif
