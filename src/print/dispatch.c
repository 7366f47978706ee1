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
	{ DLT_NULL, null_if_print },
	{ DLT_LOOP, loop_if_print },
	{ DLT_RAW, raw_if_print },
	{ DLT_IPV4, ipv4_if_print },
	{ DLT_IPV6, ipv6_if_print },
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
	{ DLT_IPOIB, ipoib_if_print },
	{ DLT_DSA_TAG_BRCM, brcm_if_print },
	{ DLT_DSA_TAG_BRCM_PREPEND, brcm_prepend_if_print },
	{ DLT_DSA_TAG_DSA, dsa_if_print },
	{ DLT_DSA_TAG_EDSA, edsa_if_print },
	{ DLT_PPP_SERIAL, ppp_hdlc_if_print },
};

static const struct ether_row ether_rows[] = {
	{ 0x0800, ip_print },
	{ 0x86dd, ip6_print },
	{ 0x0806, arp_print },
	{ 0x8035, arp_print },
	{ 0x9000, loopback_print },
	{ 0x80f3, aarp_print },
	{ 0x8847, mpls_print },
	{ 0x8848, mpls_print },
	{ 0x88f7, ptp_print },
	{ 0x888e, eap_print },
	{ 0x8809, slow_print },
	{ 0x88cc, lldp_print },
	{ 0x8137, ipx_ether_print },
	{ 0x1111, calm_fast_print },
	{ 0x894f, nsh_print },
	{ 0x8863, pppoe_print },
	{ 0x8864, pppoe_print },
};

static const struct ipproto_row ipproto_rows[] = {
	{ 1, icmp_print },
	{ 6, tcp_print },
	{ 17, udp_print },
	{ 47, gre_print },
};

static const struct port_row udp_rows[] = {
	{ 53, 53, dns_print },
	{ 4789, 4789, vxlan_print },
	{ 4790, 4790, vxlan_gpe_print },
	{ 6081, 6081, geneve_print },
	{ 6635, 6635, mpls_udp_print },
	{ 8472, 8472, otv_print },
	{ 319, 320, ptp_udp_print },
};

static const struct port_row tcp_rows[] = {
	{ 53, 53, dns_tcp_print },
};

static const struct type_row type_rows[] = {
	{ "domain", dns_print },
	{ "vxlan", vxlan_print },
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

port_fn dispatch_udp(unsigned sport, unsigned dport)
{
	return by_rank(udp_rank, udp_rows, sport, dport);
}

port_fn dispatch_tcp(unsigned sport, unsigned dport)
{
	return by_rank(tcp_rank, tcp_rows, sport, dport);
}

port_fn dispatch_type(const char *name)
{
	for (size_t i = 0; i < N(type_rows); i++)
		if (strcmp(type_rows[i].name, name) == 0)
			return type_rows[i].fn;
	return NULL;
}
