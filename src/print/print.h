/* print.h - how printers are found: the dispatch tables and their row types.
 *
 * Each protocol lives in its own file (ether.c, ip.c, tcp.c ...) and exports
 * one entry function.  dispatch.c holds the tables that map a link type, an
 * ethertype, an IP protocol number or a UDP/TCP port to those functions, so
 * adding a protocol is one new file plus one row there. */
#ifndef TRAWL_PRINT_H
#define TRAWL_PRINT_H

#include <stdint.h>

#include "../core/nd.h"

struct pcap_pkthdr;

/* What the network layer hands to the transport printers. */
struct ip_ctx {
	int ver;              /* 4 or 6 */
	const uint8_t *hdr;   /* the IP header */
	const uint8_t *src;   /* 4 or 16 bytes */
	const uint8_t *dst;
	unsigned nh;          /* protocol number of the payload */
	unsigned len;         /* payload length the IP header claims */
	int fragmented;       /* not the whole datagram (more frags or offset) */
};

/* Link layer: prints the header (and what it carries) and returns the length
 * of the link header, which -x/-X/-A skip. */
typedef unsigned (*link_fn)(nd_t *nd, const uint8_t *p, unsigned caplen,
                            unsigned len);
/* Network layer, chosen by ethertype (or PPP/LLC protocol mapped to one). */
typedef void (*ether_fn)(nd_t *nd, const uint8_t *p, unsigned len);
/* Above IP, chosen by protocol number. */
typedef void (*ipproto_fn)(nd_t *nd, const uint8_t *p, unsigned len,
                           const struct ip_ctx *ip);
/* Above UDP or TCP, chosen by port. */
typedef void (*port_fn)(nd_t *nd, const uint8_t *p, unsigned len,
                        const struct ip_ctx *ip, unsigned sport,
                        unsigned dport);

struct link_row { int dlt; link_fn fn; };
struct ether_row { uint16_t type; ether_fn fn; };
struct ipproto_row { uint8_t proto; ipproto_fn fn; };
/* A row matches when the source or destination port lies in [lo, hi]; the
 * first matching row wins, as in tcpdump's chains of port tests. */
struct port_row { uint16_t lo, hi; port_fn fn; };
/* -T NAME: force a UDP/TCP payload interpretation. */
struct type_row { const char *name; port_fn fn; };

link_fn dispatch_link(int dlt);
ether_fn dispatch_ether(unsigned type);
ipproto_fn dispatch_ipproto(unsigned proto);
port_fn dispatch_udp(unsigned sport, unsigned dport);
port_fn dispatch_tcp(unsigned sport, unsigned dport);
port_fn dispatch_type(const char *name);
void dispatch_init(void);

/* Entry point: one packet, timestamp, printers, dumps, newline. */
struct print_run;
void print_packet(nd_t *nd, const struct pcap_pkthdr *h, const uint8_t *p,
                  unsigned long packet_number, link_fn link);

/* Printers the tables name (each defined in the file of its protocol). */
unsigned ether_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned null_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned loop_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned raw_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned ipv4_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned ipv6_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned sll_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned sll2_if_print(nd_t *, const uint8_t *, unsigned, unsigned);

/* 802.2 LLC (and SNAP) after an 802.3 length; src/dst are the MAC
 * addresses, printed when the payload is not decoded. */
int llc_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned caplen,
              const uint8_t *src, const uint8_t *dst);
void ip_print(nd_t *, const uint8_t *, unsigned);
void ip6_print(nd_t *, const uint8_t *, unsigned);
void arp_print(nd_t *, const uint8_t *, unsigned);

void tcp_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *);
void udp_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *);
void icmp_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *);

void dns_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
               unsigned, unsigned);
void dns_tcp_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
                   unsigned, unsigned);

/* Ethernet-type payload dispatch shared by every link layer that carries an
 * ethertype (Ethernet, VLAN, SLL, GRE ...).  Returns 0 when no printer knows
 * the type, so the caller can print its own "unknown" line. */
int ethertype_print(nd_t *nd, unsigned type, const uint8_t *p, unsigned len);
/* IP payload dispatch; prints "ip-proto-N len" for unknown protocols. */
void ip_demux(nd_t *nd, const uint8_t *p, unsigned len,
              const struct ip_ctx *ip);

/* Helpers shared by printers. */
const char *ethertype_name(unsigned type); /* NULL when unknown */
const char *ipproto_name(unsigned proto);  /* NULL when unknown */
/* Internet checksum over a sequence of fragments. */
uint16_t in_cksum(const uint8_t *p, unsigned len, uint32_t sum);
uint16_t ip_pseudo_cksum(const struct ip_ctx *ip, const uint8_t *p,
                         unsigned len, unsigned proto);
/* Prints a run of raw bytes as tcpdump's default "\n\t0x0000:  ..." dump of
 * an undecoded payload (used with -v on unknown protocols). */
/* Untrusted bytes as text, the way tcpdump escapes them. */
void nd_print_char(nd_t *nd, uint8_t c);
int nd_print_chars(nd_t *nd, const uint8_t *p, unsigned n);
void print_unknown_data(nd_t *nd, const uint8_t *p, const char *ident,
                        unsigned len);

/* Link layers (link helper). */
unsigned ether_common(nd_t *nd, const uint8_t *p, unsigned caplen,
                      unsigned len, unsigned tag_len,
                      void (*tag_fn)(nd_t *, const uint8_t *),
                      void (*encap_fn)(nd_t *, const uint8_t *));
unsigned ether_print(nd_t *nd, const uint8_t *p, unsigned len);
void ether_type_print(nd_t *nd, unsigned type);
void link_default_print(nd_t *nd, const uint8_t *p, unsigned len);
int suppress_default(const nd_t *nd);
int snap_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned caplen,
               const uint8_t *src, const uint8_t *dst, unsigned bridge_pad);
void loopback_print(nd_t *, const uint8_t *, unsigned);
void pppoe_print(nd_t *, const uint8_t *, unsigned);
unsigned ppp_print(nd_t *nd, const uint8_t *p, unsigned length);
void ppp_proto_print(nd_t *nd, unsigned proto, const uint8_t *p, unsigned length);
const char *ppp_proto_name(unsigned proto);
unsigned ppp_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned ppp_hdlc_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
void gre_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *);
void vxlan_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
                 unsigned, unsigned);
void geneve_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
                  unsigned, unsigned);
unsigned dsa_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned edsa_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned brcm_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned brcm_prepend_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned ipnet_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned ipoib_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned unsupported_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned chdlc_print(nd_t *nd, const uint8_t *p, unsigned length);
unsigned chdlc_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned macsec_print(nd_t *nd, const uint8_t **pp, unsigned *lenp,
                      unsigned *caplenp, unsigned *hdrlenp,
                      const uint8_t *src, const uint8_t *dst);
void mpls_print(nd_t *, const uint8_t *, unsigned);
void mpls_udp_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
                    unsigned, unsigned);
unsigned arista_print(nd_t *nd, const uint8_t *p, unsigned len);
unsigned sl_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
void aarp_print(nd_t *, const uint8_t *, unsigned);
unsigned llc_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned cip_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned atm_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
void vxlan_gpe_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
                     unsigned, unsigned);
void nsh_print(nd_t *, const uint8_t *, unsigned);
unsigned fr_print(nd_t *nd, const uint8_t *p, unsigned length);
unsigned fr_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
void frf15_print(nd_t *, const uint8_t *, unsigned);
void calm_fast_print(nd_t *, const uint8_t *, unsigned);
void calm_fast_print_src(nd_t *nd, const uint8_t *bp, unsigned length,
                         const uint8_t *src);
void q933_print(nd_t *, const uint8_t *, unsigned);
unsigned pktap_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned mfr_print(nd_t *nd, const uint8_t *p, unsigned length);
unsigned mfr_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
void ipx_print(nd_t *, const uint8_t *, unsigned);
void ipx_ether_print(nd_t *, const uint8_t *, unsigned);
void stp_print(nd_t *, const uint8_t *, unsigned);
void dtp_print(nd_t *, const uint8_t *, unsigned);
void udld_print(nd_t *, const uint8_t *, unsigned);
void vtp_print(nd_t *, const uint8_t *, unsigned);
void lldp_print(nd_t *, const uint8_t *, unsigned);
void cdp_print(nd_t *, const uint8_t *, unsigned);
void otv_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
               unsigned, unsigned);
void slow_print(nd_t *, const uint8_t *, unsigned);
void eap_print(nd_t *, const uint8_t *, unsigned);
void ptp_print(nd_t *, const uint8_t *, unsigned);
void ptp_udp_print(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
                   unsigned, unsigned);

#endif
