/* shadow.c - a packet another thread prints: only what it changes here.
 *
 * When a file is printed on two cores (src/printpar.c), each thread prints
 * every other chunk of packets, and must still see the chunks it does not
 * print, because a few printers carry state from packet to packet: TCP's
 * relative sequence numbers, NFS and Rx calls awaiting their replies, SLIP's
 * compressed headers, -ttt and -ttttt's previous and first timestamps.
 *
 * The packets real traffic is made of are recognised here with a few header
 * reads and touch that state directly: a TCP segment over Ethernet and plain
 * IPv4 or IPv6 updates the sequence table exactly as tcp_print would, ARP and
 * UDP to printers known to keep nothing change nothing.  Every other packet
 * (tunnels, fragments, ICMP with its quoted headers, IP options, other link
 * types, anything odd) is printed in full into output that is thrown away,
 * which cannot differ from what the printing thread does with it. */
#include <pcap/pcap.h>

#include "../core/ethertype.h"
#include "../core/ts.h"
#include "print.h"
#include "tcp.h"

#define ETH_HLEN 14
#define MAX_SNAPLEN 262144u

static unsigned be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Printers that keep no state between packets and print no packet they
 * carry (checked by reading them: none reaches the IP, TCP, UDP, NFS, Rx,
 * ESP or link printers): a packet for them changes nothing here but, over
 * TCP, the sequence table.  No printer at all (an unknown ethertype or IP
 * protocol, a port nobody decodes) keeps nothing either. */
static const ether_fn leaf_ether[] = {
	arp_print, aarp_print, aoe_print, atalk_print, calm_fast_print, cfm_print,
	decnet_print, eap_print, geonet_print, ipx_ether_print, lldp_print,
	loopback_print, msnlb_print, ptp_eth_print, slow_print, tipc_print,
};
static const ipproto_fn leaf_ipproto[] = {
	dccp_print, eigrp_print, icmp6_print, igmp_print, igrp_print, ipcomp_print,
	ospf_print, pgm_print, rsvp_print, sctp_print, vrrp_print,
};
static const port_fn leaf_port[] = {
	/* UDP */
	ahcp_print, aodv_print, babel_print, bfd_print, bootp_print, cisco_autorp_print,
	dhcp6_print, dns_print, hncp_print, hsrp_print, krb_print, ldp_print, lisp_print,
	lmp_print, lspping_print, lwres_print, mdns_print, ntp_print, olsr_print, ptp_print,
	radius_print, rip_print, ripng_print, sflow_print, sip_print, snmp_print,
	someip_print, syslog_print, tftp_print, timed_print, vqp_print, wb_print,
	zephyr_print,
	/* TCP */
	beep_print, bgp_print, dns_tcp_print, ftp_print, http_print, pptp_print,
	resp_print, rpki_rtr_print, rtsp_print, smtp_print, ssh_print, telnet_print,
	whois_print,
};

#define IN(tab, fn) in_table((const void *const *)(tab), sizeof(tab) / sizeof((tab)[0]), (const void *)(fn))

static int in_table(const void *const *tab, size_t n, const void *fn)
{
	if (!fn)
		return 1;
	for (size_t i = 0; i < n; i++)
		if (tab[i] == fn)
			return 1;
	return 0;
}

/* Ethertypes ether_common handles itself before its table, and those whose
 * printers carry other packets. */
static int ether_special(unsigned t)
{
	switch (t) {
	case ET_IPV4: case ET_IPV6: case ET_JUMBO: case ET_ARISTA: case ET_OSI:
	case ET_MACSEC: case ET_CALM_FAST: case ET_GEONET: case ET_GEONET_OLD:
		return 1;
	default:
		return 0;
	}
}

/* What the packet p (caplen bytes of len on the wire, Ethernet) needs: for
 * a plain TCP segment, its IP context in *ip and header at *tcp. */
static int classify(const nd_t *nd, const uint8_t *p, unsigned caplen,
                                 unsigned len, struct ip_ctx *ip, const uint8_t **tcp)
{
	const struct options *opt = nd->opt;
	if (len < caplen || caplen < ETH_HLEN)
		return SHADOW_PRINT;
	unsigned off = 12, type = be16(p + off);
	for (int tags = 0; ethertype_is_vlan(type); tags++) {
		if (tags == 4 || caplen < off + 8 || len < off + 8)
			return SHADOW_PRINT;
		off += 4;
		type = be16(p + off);
	}
	off += 2;
	if (type <= 1500) { /* 802.3 with LLC: only spanning tree is let through */
		if (caplen < off + 3 || (p[off] & 0xfe) != 0x42 || (p[off + 1] & 0xfe) != 0x42)
			return SHADOW_PRINT;
		return SHADOW_NONE;
	}
	if (!ether_special(type))
		return IN(leaf_ether, dispatch_ether(type)) ? SHADOW_NONE : SHADOW_PRINT;
	unsigned wire = len - off; /* what ether_common hands the IP printer */
	const uint8_t *l4;
	unsigned proto;
	if (type == ET_IPV4) {
		const uint8_t *h = p + off;
		if (caplen - off < 20 || h[0] != 0x45)
			return SHADOW_PRINT; /* short, not version 4, or options */
		unsigned totlen = be16(h + 2), frag = be16(h + 6);
		if (totlen > wire || totlen < 20)
			return SHADOW_PRINT;
		if (frag & 0x1fff)
			return SHADOW_NONE; /* a later fragment: addresses and protocol only */
		*ip = (struct ip_ctx){ .ver = 4, .hdr = h, .src = h + 12, .dst = h + 16,
				       .nh = h[9], .len = totlen - 20,
				       .fragmented = (frag & 0x2000) != 0 };
		l4 = h + 20;
		proto = h[9];
		if (proto == 58 || proto == 143)
			return SHADOW_NONE; /* the wrong IP version: said, no more */
	} else if (type == ET_IPV6) {
		const uint8_t *h = p + off;
		if (caplen - off < 40 || (h[0] >> 4) != 6)
			return SHADOW_PRINT;
		unsigned plen = be16(h + 4);
		if (wire < 40 || plen == 0 || plen > wire - 40)
			return SHADOW_PRINT;
		*ip = (struct ip_ctx){ .ver = 6, .hdr = h, .src = h + 8, .dst = h + 24,
				       .nh = h[6], .len = plen };
		l4 = h + 40;
		proto = h[6];
		if (proto == 0 || proto == 43 || proto == 44 || proto == 60 || proto == 135 ||
		    proto == 139 || proto == 140 || proto == 51 || proto == 1 || proto == 2)
			return SHADOW_PRINT; /* extension headers, and what IPv6 refuses */
	} else {
		return SHADOW_PRINT;
	}
	if (proto != 6 && proto != 17)
		return IN(leaf_ipproto, dispatch_ipproto(proto)) ? SHADOW_NONE
									: SHADOW_PRINT;
	size_t have = caplen - (size_t)(l4 - p);
	if (opt->Tname || have < 4)
		return SHADOW_PRINT; /* -T: the payload printers are forced */
	unsigned sport = be16(l4), dport = be16(l4 + 2);
	if (proto == 17) {
		if (sport == 2049 || dport == 2049)
			return SHADOW_PRINT; /* NFS's calls and replies */
		return IN(leaf_port, dispatch_udp(sport, dport)) ? SHADOW_NONE : SHADOW_PRINT;
	}
	if (have < 20 || ip->len < 20 || !IN(leaf_port, dispatch_tcp(sport, dport)))
		return SHADOW_PRINT;
	*tcp = l4;
	return SHADOW_TCP;
}

int print_shadow(nd_t *nd, const struct pcap_pkthdr *h, const uint8_t *p,
                 unsigned long number, link_fn link)
{
	struct out *o = nd->out;
	size_t mark = o->len;
	if (h->caplen == 0 || h->len == 0 || h->len < h->caplen ||
	    h->caplen > MAX_SNAPLEN || h->len > MAX_SNAPLEN || link != ether_if_print) {
		print_packet(nd, h, p, number, link);
		o->len = mark;
		return SHADOW_PRINT;
	}
	struct ip_ctx ip;
	const uint8_t *tcp = NULL;
	int k = classify(nd, p, h->caplen, h->len, &ip, &tcp);
	if (k == SHADOW_PRINT) {
		print_packet(nd, h, p, number, link);
		o->len = mark;
		return SHADOW_PRINT;
	}
	int mode = nd->opt->tflag;
	if (mode == 3 || mode == 5) { /* deltas: the previous or first time */
		out_reserve(o, OUT_SLACK);
		print_ts(nd, h);
		o->len = mark;
	}
	if (k == SHADOW_TCP) {
		unsigned hlen = (tcp[12] >> 4) * 4u, flags = tcp[13];
		if (hlen < 20 || nd->opt->qflag)
			return k; /* tcp_print stops before the table */
		uint32_t seq = be32(tcp + 4), ack = be32(tcp + 8);
		tcp_seq_relative(nd, &ip, be16(tcp), be16(tcp + 2), flags, &seq, &ack, NULL);
	}
	return k;
}
