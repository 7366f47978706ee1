/* print.h - how printers are found: the dispatch tables and their row types.
 *
 * Each protocol lives in its own file (ether.c, ip.c, tcp.c ...) and exports
 * one entry function.  printers.def registers each of them with the link
 * type, ethertype, IP protocol number, UDP/TCP ports or -T name that route
 * to it; from it come their declarations (below) and dispatch.c's tables, so
 * adding a protocol is one new file plus one row there
 * (docs/adding-a-printer.md). */
/* Parallel work appends declarations to the end of this file, so it is
 * guarded with #pragma once rather than an #endif that has to stay last. */
#pragma once

#include <stdint.h>

#include "../core/nd.h"
#include "../core/oui.h"

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
/* -T NAME: force a UDP/TCP payload interpretation (dispatch.c's one list). */
struct type_row { const char *name; port_fn fn; uint8_t udp; port_fn tcp; };

link_fn dispatch_link(int dlt);
ether_fn dispatch_ether(unsigned type);
ipproto_fn dispatch_ipproto(unsigned proto);
port_fn dispatch_udp(unsigned sport, unsigned dport);
port_fn dispatch_tcp(unsigned sport, unsigned dport);
/* -T NAME: the printer it forces (NULL: none); whether tcpdump decodes it
 * over UDP; the printer it takes over TCP (NULL: none). */
port_fn dispatch_type(const char *name);
int dispatch_type_udp(const char *name);
port_fn dispatch_type_tcp(const char *name);
/* -T NAME is one tcpdump accepts (a printer may still be missing). */
int dispatch_type_known(const char *name);
void dispatch_init(void);

/* Entry point: one packet, timestamp, printers, dumps, newline. */
struct print_run;
void print_packet(nd_t *nd, const struct pcap_pkthdr *h, const uint8_t *p,
                  unsigned long packet_number, link_fn link);
/* The packet's timestamp as the -t options ask (and -ttt/-ttttt's state). */
void print_ts(nd_t *nd, const struct pcap_pkthdr *h);
/* A packet another thread prints (src/printpar.c): what it changes in the
 * printers' state, and no output (shadow.c).  Returns how: SHADOW_PRINT
 * (printed, the output dropped), SHADOW_NONE (nothing to change) or
 * SHADOW_TCP (the sequence table only). */
enum { SHADOW_PRINT, SHADOW_NONE, SHADOW_TCP, SHADOW_KINDS };
int print_shadow(nd_t *nd, const struct pcap_pkthdr *h, const uint8_t *p,
                 unsigned long number, link_fn link);

/* Every printer the tables name (printers.def, the one place a printer is
 * registered), declared from its rows; each is defined in the file of its
 * protocol.  Several rows of one printer declare it again, harmlessly. */
#define P_LINK(dlt, fn) unsigned fn(nd_t *, const uint8_t *, unsigned, unsigned);
#define P_ETHER(type, fn) void fn(nd_t *, const uint8_t *, unsigned);
#define P_IPPROTO(proto, fn) void fn(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *);
#define P_UDP(lo, hi, fn) void fn(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *, \
                                  unsigned, unsigned);
#define P_TCP(lo, hi, fn) P_UDP(lo, hi, fn)
#define P_TYPE(name, fn, udp, tcp_fn) P_UDP(0, 0, fn)
#include "printers.def"

/* 802.2 LLC (and SNAP) after an 802.3 length; src/dst are the MAC
 * addresses, printed when the payload is not decoded. */
int llc_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned caplen,
              const uint8_t *src, const uint8_t *dst);

const char *dns_type_name(unsigned type);   /* NULL when unknown */
const char *dns_class_name(unsigned cls);   /* NULL when unknown */
void zmtp1_datagram_print(nd_t *, const uint8_t *, unsigned);

/* Ethernet-type payload dispatch shared by every link layer that carries an
 * ethertype (Ethernet, VLAN, SLL, GRE ...).  Returns 0 when no printer knows
 * the type, so the caller can print its own "unknown" line. */
int ethertype_print(nd_t *nd, unsigned type, const uint8_t *p, unsigned len);
/* IP payload dispatch; prints "ip-proto-N len" for unknown protocols. */
void ip_demux(nd_t *nd, const uint8_t *p, unsigned len,
              const struct ip_ctx *ip);

/* Helpers shared by printers. */
const char *ethertype_name(unsigned type); /* NULL when unknown */
const char *afnum_name(unsigned af);        /* NULL when unknown */
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
unsigned ppp_print(nd_t *nd, const uint8_t *p, unsigned length);
void ppp_proto_print(nd_t *nd, unsigned proto, const uint8_t *p, unsigned length);
const char *ppp_proto_name(unsigned proto);
/* Seconds as "1y2w3d4h5m6s" ("0s" for zero). */
void put_relts_unsigned(nd_t *nd, uint32_t secs);
/* IPv4-family printers (ipv4 area). */
void mtrace_print(nd_t *, const uint8_t *, unsigned, const char *);
void dvmrp_print(nd_t *, const uint8_t *, unsigned);
void pimv1_print(nd_t *, const uint8_t *, unsigned);
void m3ua_print(nd_t *, const uint8_t *, unsigned);
void forces_print(nd_t *, const uint8_t *, unsigned);
/* Last hop of an IPv4 source route option, else NULL (header captured). */
const uint8_t *ip_final_dst(const uint8_t *iph);

/* IPv6 (ip6.c) and its extension headers (ip6opts.c, rt6.c, frag6.c,
 * mobility.c).  The walk state is shared by the header chain printers. */
struct ip6_walk {
	const uint8_t *ip6;   /* the fixed header */
	unsigned plen;        /* its payload length field */
	int found_hbh;
	int found_jumbo;      /* a valid Jumbo Payload option was seen */
	uint32_t jumbo;       /* its value */
};
/* Each returns the length of its header, or -1 when nothing follows that
 * can be decoded (the printer has said why). */
int ip6_hbhopt_print(nd_t *nd, const uint8_t *cp, struct ip6_walk *w);
int ip6_dstopt_print(nd_t *nd, const uint8_t *cp, struct ip6_walk *w);
int rt6_print(nd_t *nd, const uint8_t *cp, const uint8_t **final_dst);
int frag6_print(nd_t *nd, const uint8_t *cp, const uint8_t *ip6);
int mobility_print(nd_t *nd, const uint8_t *cp, const uint8_t *ip6);
/* Line-oriented text protocols (txtproto.c): prints name, then the first
 * line (or, with -v, ", length: N" and every line).  cmds: request keywords
 * (NULL: every payload is text); TXT_RESP_CODE2: a line whose second token
 * is a three-digit code is a response. */
#define TXT_RESP_CODE2 1u
void txtproto_print(nd_t *nd, const uint8_t *p, unsigned len,
                    const char *name, const char *trunc_name,
                    const char *const *cmds, unsigned flags);
unsigned unsupported_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned chdlc_print(nd_t *nd, const uint8_t *p, unsigned length);
unsigned macsec_print(nd_t *nd, const uint8_t **pp, unsigned *lenp,
                      unsigned *caplenp, unsigned *hdrlenp,
                      const uint8_t *src, const uint8_t *dst);
unsigned arista_print(nd_t *nd, const uint8_t *p, unsigned len);
unsigned llc_if_print(nd_t *, const uint8_t *, unsigned, unsigned);
unsigned fr_print(nd_t *nd, const uint8_t *p, unsigned length);
void frf15_print(nd_t *, const uint8_t *, unsigned);
void calm_fast_print_src(nd_t *nd, const uint8_t *bp, unsigned length,
                         const uint8_t *src);
void q933_print(nd_t *, const uint8_t *, unsigned);
unsigned mfr_print(nd_t *nd, const uint8_t *p, unsigned length);
void ipx_print(nd_t *, const uint8_t *, unsigned);
void stp_print(nd_t *, const uint8_t *, unsigned);
void dtp_print(nd_t *, const uint8_t *, unsigned);
void udld_print(nd_t *, const uint8_t *, unsigned);
void vtp_print(nd_t *, const uint8_t *, unsigned);
void cdp_print(nd_t *, const uint8_t *, unsigned);

/* IPsec and IKE (esp.c, ah.c, ipcomp.c, isakmp.c). */
struct esp_state *esp_state_new(const struct options *opt);
void esp_state_free(struct esp_state *st);
unsigned ah_header_print(nd_t *nd, const uint8_t *bp);

/* A value and its name, for the many name tables and flag sets. */
struct tok { uint32_t v; const char *s; };
/* The name of v in t (ended by a NULL name), or NULL. */
const char *tok_name(const struct tok *t, uint32_t v);
/* The same, or dflt when v has no name in t. */
const char *tok_name_or(const struct tok *t, uint32_t v, const char *dflt);
/* The names in t of the bits set in v, joined by ", "; none if no bit has one. */
void put_bits(nd_t *nd, const struct tok *t, uint32_t v, const char *none);
/* An IPv4 or IPv6 address, as the context's version says. */
void put_ip_addr(nd_t *nd, const struct ip_ctx *ip, const uint8_t *a);
/* A domain name in DNS wire form (labels, bit-string labels, compression
 * pointers relative to base that must point backwards), as tcpdump prints
 * names in DNS, DHCPv6 and elsewhere.  Returns the position after the name,
 * or NULL when it could not be printed whole. */
const uint8_t *fqdn_print(nd_t *nd, const uint8_t *cp, const uint8_t *base);
/* An NFS call to port 2049 or reply from it, decoded before UDP's checksum
 * (as tcpdump does); 0 when the payload is not one. */
int nfs_udp_try(nd_t *, const uint8_t *, unsigned, const struct ip_ctx *,
                unsigned, unsigned);
void of10_body_print(nd_t *nd, const uint8_t *p, unsigned type, unsigned mlen);
int of10_len_ok(unsigned type, unsigned mlen);
void of13_body_print(nd_t *nd, const uint8_t *p, unsigned type, unsigned mlen);
/* OSI (isoclns.c): p at the NLPID octet; isoclns_ether_print skips the
 * octet that follows Ethernet type 0xfefe. */
void isoclns_ether_print(nd_t *, const uint8_t *, unsigned);
/* For a printer that declines a packet matched by its row: the next printer
 * down the precedence order for these ports, or NULL. */
port_fn dispatch_udp_next(port_fn self, unsigned sport, unsigned dport);
port_fn dispatch_tcp_next(port_fn self, unsigned sport, unsigned dport);
/* A BGP route distinguisher (RFC 4364), 8 bytes (bgp.c). */
void put_rd(nd_t *nd, const uint8_t *p);
/* A pseudowire type's name (RFC 4446), or NULL (ldp.c). */
const char *pw_type_name(unsigned type);

/* An ATM OAM cell (atm.c), after hec octets of HEC (1 when the capture
 * kept it). */
void oam_print(nd_t *nd, const uint8_t *p, unsigned len, unsigned hec);
/* ETSI GeoNetworking over Ethernet, which names the source (geonet.c). */
void geonet_ether_print(nd_t *nd, const uint8_t *bp, unsigned length,
                        const uint8_t *src);
