/* dispatch.c - the tables that route packets to printers.
 *
 * Adding a protocol: write its file, declare its entry in print.h, add one
 * row here.  Port rows keep tcpdump's precedence: the earlier row wins when
 * the source and destination ports both match something. */
#include <pcap/dlt.h>
#include <string.h>

#include "print.h"

static const struct link_row link_rows[] = {
	{ DLT_EN10MB, ether_if_print },
	{ 7, arcnet_if_print }, /* DLT_ARCNET */
	{ 129, arcnet_linux_if_print }, /* DLT_ARCNET_LINUX */
	{ DLT_NULL, null_if_print },
	{ DLT_LOOP, loop_if_print },
	{ DLT_RAW, raw_if_print },
	{ DLT_IPV4, raw_if_print }, /* tcpdump 4.99.3 reads both by the version nibble */
	{ DLT_IPV6, raw_if_print },
	{ DLT_LINUX_SLL, sll_if_print },
	{ DLT_LINUX_SLL2, sll2_if_print },
	{ DLT_PPP, ppp_if_print },
	{ 149, pktap_if_print }, /* DLT_PKTAP on Darwin, LINKTYPE_USER2 */
	{ 258, pktap_if_print }, /* LINKTYPE_PKTAP */
	{ DLT_FRELAY, fr_if_print },
	{ DLT_MFR, mfr_if_print },
	{ DLT_ATM_RFC1483, atm_if_print },
	{ DLT_ATM_CLIP, cip_if_print },
	{ DLT_SLIP, sl_if_print },
	{ DLT_C_HDLC, chdlc_if_print },
	{ DLT_IPNET, ipnet_if_print },
	{ DLT_NFLOG, nflog_if_print },
	{ DLT_IPOIB, ipoib_if_print },
	{ DLT_DSA_TAG_BRCM, brcm_if_print },
	{ DLT_DSA_TAG_BRCM_PREPEND, brcm_prepend_if_print },
	{ DLT_DSA_TAG_DSA, dsa_if_print },
	{ DLT_DSA_TAG_EDSA, edsa_if_print },
	{ DLT_PPP_SERIAL, ppp_hdlc_if_print },
	{ 271, vsock_if_print }, /* DLT_VSOCK */
	{ 105, ieee80211_if_print }, /* DLT_IEEE802_11 */
	{ 127, radiotap_if_print }, /* DLT_IEEE802_11_RADIO */
	{ 119, prism_if_print }, /* DLT_PRISM_HEADER */
	{ 163, avs_if_print }, /* DLT_IEEE802_11_RADIO_AVS */
	{ 195, ieee802154_if_print }, /* DLT_IEEE802_15_4_WITHFCS */
	{ 230, ieee802154_if_print }, /* DLT_IEEE802_15_4_NOFCS */
	{ 283, ieee802154_tap_if_print }, /* DLT_IEEE802_15_4_TAP */
	{ DLT_SUNATM, sunatm_if_print },
	{ DLT_JUNIPER_ETHER, juniper_ether_if_print },
	{ DLT_JUNIPER_ATM1, juniper_atm1_if_print },
	{ DLT_JUNIPER_ES, juniper_es_if_print },
};

static const struct ether_row ether_rows[] = {
	{ 0x0800, ip_print },
	{ 0x86dd, ip6_print },
	{ 0x0806, arp_print },
	{ 0x8035, arp_print },
	{ 0x9000, loopback_print },
	{ 0x80f3, aarp_print },
	{ 0x809b, atalk_print },
	{ 0x8847, mpls_print },
	{ 0x8848, mpls_print },
	{ 0x88f7, ptp_eth_print },
	{ 0x888e, eap_print },
	{ 0x8809, slow_print },
	{ 0x88cc, lldp_print },
	{ 0x886f, msnlb_print },
	{ 0x88a2, aoe_print },
	{ 0x8137, ipx_ether_print },
	{ 0x1111, calm_fast_print },
	{ 0x894f, nsh_print },
	{ 0x8863, pppoe_print },
	{ 0x8864, pppoe_print },
	{ 0xfefe, isoclns_print },
	{ 0x880b, ppp_ether_print },
	{ 0x88ca, tipc_print },
	{ 0x6003, decnet_print },
	{ 0x8902, cfm_print },
	{ 0xabcd, cfm_print }, /* CFM (old) */
	{ 0x8947, geonet_print },
	{ 0x0707, geonet_print }, /* GeoNet (old) */
};

static const struct ipproto_row ipproto_rows[] = {
	{ 1, icmp_print },
	{ 6, tcp_print },
	{ 17, udp_print },
	{ 2, igmp_print },
	{ 4, ipip_print },
	{ 112, vrrp_print },
	{ 33, dccp_print },
	{ 41, ip6_ipproto_print },
	{ 58, icmp6_print },
	{ 88, eigrp_print },
	{ 103, pim_print },
	{ 143, ipether_print },
	{ 50, esp_print },
	{ 51, ah_print },
	{ 108, ipcomp_print },
	{ 47, gre_print },
	{ 113, pgm_print },
	{ 9, igrp_print },
	{ 89, ospf_print },
	{ 46, rsvp_print },
	{ 132, sctp_print },
};

static const struct port_row udp_rows[] = {
	/* tcpdump's order of UDP port tests (checked pair by pair against
	 * tcpdump 4.99.3): the first row matching either port wins.  NFS is
	 * first because tcpdump checks the RPC direction before any port;
	 * printers whose test is narrower than their row (destination port
	 * only, RPC direction) hand other packets on (dispatch_udp_next). */
	{ 2049, 2049, nfs_udp_print }, /* RPC direction decides, as tcpdump */
	{ 53, 53, dns_print },
	{ 5353, 5353, mdns_print },
	{ 525, 525, timed_print },
	{ 69, 69, tftp_print },
	{ 67, 68, bootp_print },
	{ 520, 520, rip_print },
	{ 654, 654, aodv_print },
	{ 500, 500, isakmp_print },
	{ 4500, 4500, isakmp_rfc3948_print },
	{ 7500, 7500, isakmp_print },
	{ 8500, 8500, isakmp_print },
	{ 161, 162, snmp_print },
	{ 123, 123, ntp_print },
	{ 88, 88, krb_print },
	{ 750, 750, krb_print },
	{ 496, 496, cisco_autorp_print },
	{ 1701, 1701, l2tp_print },
	{ 7000, 7009, rx_print },
	{ 2103, 2104, zephyr_print },
	{ 521, 521, ripng_print },
	{ 546, 547, dhcp6_print },
	{ 5359, 5359, ahcp_print },
	{ 6696, 6697, babel_print },
	{ 8231, 8231, hncp_print },
	{ 4567, 4567, wb_print }, /* destination port only, as tcpdump */
	{ 1645, 1646, radius_print },
	{ 1812, 1813, radius_print },
	{ 1700, 1700, radius_print },
	{ 3799, 3799, radius_print },
	{ 1985, 1985, hsrp_print },
	{ 921, 921, lwres_print },
	{ 646, 646, ldp_print },
	{ 698, 698, olsr_print },
	{ 3503, 3503, lspping_print },
	{ 3784, 3785, bfd_print },
	{ 4784, 4784, bfd_print },
	{ 6784, 6784, bfd_print },
	{ 701, 701, lmp_print },
	{ 1589, 1589, vqp_print },
	{ 6343, 6343, sflow_print },
	{ 12222, 12223, lwapp_print }, /* control: to 12223, from it; then data */
	{ 5060, 5060, sip_print },
	{ 514, 514, syslog_print },
	{ 8472, 8472, otv_print },
	{ 4789, 4789, vxlan_print },
	{ 6081, 6081, geneve_print },
	{ 4342, 4342, lisp_print },
	{ 4790, 4790, vxlan_gpe_print },
	{ 6635, 6635, mpls_udp_print },
	{ 319, 320, ptp_print },
	{ 30490, 30490, someip_print },
	{ 49152, 49152, bcm_li_print }, /* source port only, as tcpdump */
};

static const struct port_row tcp_rows[] = {
	/* tcpdump order: telnet 23, SMTP 25, whois 43, BGP 179, PPTP 1723,
	 * RESP 6379, SSH 22, BEEP 10288, OpenFlow 6633/6653, FTP 21,
	 * HTTP 80/8080, RTSP 554/8554, then DNS 53 and the rest. */
	{ 23, 23, telnet_print },
	{ 25, 25, smtp_print },
	{ 43, 43, whois_print },
	{ 1723, 1723, pptp_print },
	{ 6379, 6379, resp_print },
	{ 22, 22, ssh_print },
	{ 179, 179, bgp_print },
	{ 10288, 10288, beep_print },
	{ 6633, 6633, openflow_print },
	{ 6653, 6653, openflow_print },
	{ 21, 21, ftp_print },
	{ 80, 80, http_print },
	{ 8080, 8080, http_print },
	{ 554, 554, rtsp_print },
	{ 8554, 8554, rtsp_print },
	{ 53, 53, dns_tcp_print },
	{ 323, 323, rpki_rtr_print },
	{ 646, 646, ldp_print },
	{ 2049, 2049, nfs_tcp_print },
};

/* Every -T name tcpdump 4.99.3 accepts, the one list of them: the payload
 * printer the type forces (NULL: accepted, payload left undecoded),
 * whether tcpdump decodes the type over UDP at all (it prints nothing of a
 * UDP datagram otherwise, not even the addresses), and the printer it
 * takes over TCP (where only DNS, with its length prefix, RESP and ZMTP
 * are decoded). */
static const struct type_row type_rows[] = {
	{ "aodv", NULL, 1, NULL },
	{ "carp", NULL, 0, NULL },
	{ "cnfp", NULL, 1, NULL },
	{ "domain", dns_print, 1, dns_tcp_print },
	{ "lmp", lmp_print, 1, NULL },
	{ "pgm", pgm_udp_print, 1, NULL },
	{ "pgm_zmtp1", pgm_udp_print, 1, NULL }, /* pgm_print decodes the payload */
	{ "ptp", NULL, 1, NULL },
	{ "radius", radius_print, 1, NULL },
	{ "resp", resp_print, 0, resp_print },
	{ "rpc", NULL, 1, NULL },
	{ "rtcp", NULL, 1, NULL },
	{ "rtp", rtp_print, 1, NULL },
	{ "snmp", snmp_print, 1, NULL },
	{ "someip", NULL, 1, NULL },
	{ "tftp", tftp_print, 1, NULL },
	{ "vat", NULL, 1, NULL },
	{ "vxlan", vxlan_print, 1, NULL },
	{ "wb", wb_type_print, 1, NULL },
	{ "zmtp1", zmtp1_print, 0, zmtp1_print },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Per-port index of the first matching row (0 = none), built once. */
static uint8_t udp_rank[65536], tcp_rank[65536];
static ipproto_fn ipproto_map[256];

static void rank_ports(uint8_t *rank, const struct port_row *rows, size_t n)
{
	for (size_t i = n; i-- > 0;)
		for (unsigned p = rows[i].lo; p <= rows[i].hi; p++)
			rank[p] = (uint8_t)(i + 1);
}

/* Called once before the first packet; the tables are read-only after. */
void dispatch_init(void)
{
	_Static_assert(N(udp_rows) < 255 && N(tcp_rows) < 255, "rank fits a byte");
	rank_ports(udp_rank, udp_rows, N(udp_rows));
	rank_ports(tcp_rank, tcp_rows, N(tcp_rows));
	for (size_t i = 0; i < N(ipproto_rows); i++)
		ipproto_map[ipproto_rows[i].proto] = ipproto_rows[i].fn;
}

link_fn dispatch_link(int dlt)
{
	for (size_t i = 0; i < N(link_rows); i++)
		if (link_rows[i].dlt == dlt)
			return link_rows[i].fn;
	return NULL;
}

ether_fn dispatch_ether(unsigned type)
{
	if (type == 0x0800)
		return ip_print; /* the common case, without a scan */
	for (size_t i = 0; i < N(ether_rows); i++)
		if (ether_rows[i].type == type)
			return ether_rows[i].fn;
	return NULL;
}

ipproto_fn dispatch_ipproto(unsigned proto)
{
	return proto < 256 ? ipproto_map[proto] : NULL;
}

static port_fn by_rank(const uint8_t *rank, const struct port_row *rows,
                       unsigned sport, unsigned dport)
{
	unsigned a = rank[sport & 0xffff], b = rank[dport & 0xffff];
	unsigned r = a && b ? (a < b ? a : b) : (a ? a : b);
	return r ? rows[r - 1].fn : NULL;
}

/* The first row after self's that matches either port: a printer whose own
 * test failed (a destination-only port, an RPC direction) hands the packet
 * on down tcpdump's chain of tests.  Only later rows are searched, so hand-
 * offs cannot go round in circles. */
static port_fn next_row(const struct port_row *rows, size_t n, port_fn self,
                        unsigned sport, unsigned dport)
{
	size_t i = 0;
	for (; i < n; i++)
		if (rows[i].fn == self &&
		    ((sport >= rows[i].lo && sport <= rows[i].hi) ||
		     (dport >= rows[i].lo && dport <= rows[i].hi)))
			break;
	for (i++; i < n; i++)
		if ((sport >= rows[i].lo && sport <= rows[i].hi) ||
		    (dport >= rows[i].lo && dport <= rows[i].hi))
			return rows[i].fn;
	return NULL;
}

port_fn dispatch_udp_next(port_fn self, unsigned sport, unsigned dport)
{
	return next_row(udp_rows, N(udp_rows), self, sport, dport);
}

port_fn dispatch_tcp_next(port_fn self, unsigned sport, unsigned dport)
{
	return next_row(tcp_rows, N(tcp_rows), self, sport, dport);
}

port_fn dispatch_udp(unsigned sport, unsigned dport)
{
	return by_rank(udp_rank, udp_rows, sport, dport);
}

port_fn dispatch_tcp(unsigned sport, unsigned dport)
{
	return by_rank(tcp_rank, tcp_rows, sport, dport);
}

static const struct type_row *type_row(const char *name)
{
	for (size_t i = 0; i < N(type_rows); i++)
		if (strcmp(type_rows[i].name, name) == 0)
			return &type_rows[i];
	return NULL;
}

port_fn dispatch_type(const char *name)
{
	const struct type_row *t = type_row(name);
	return t ? t->fn : NULL;
}

int dispatch_type_known(const char *name)
{
	return type_row(name) != NULL;
}

int dispatch_type_udp(const char *name)
{
	const struct type_row *t = type_row(name);
	return t && t->udp;
}

port_fn dispatch_type_tcp(const char *name)
{
	const struct type_row *t = type_row(name);
	return t ? t->tcp : NULL;
}
