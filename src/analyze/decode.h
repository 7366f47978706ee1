/* decode.h - the analyzer's decoder: one packet in, a plain struct of facts
 * out.
 *
 * Independent of the tcpdump text printers (which only print): this decoder
 * never prints, never allocates and never reads a byte it has not proved was
 * captured.  It understands just enough for the incident-response reports
 * (--summary, --conversations, --json) and the stream layer: link layers,
 * tunnels (followed to the inner flow), IPv4/IPv6, TCP/UDP/ICMP,
 * ARP, and a few application fields (DNS question and answers, HTTP request
 * line and Host, TLS ClientHello SNI).  Strings that come from the packet are
 * kept as (pointer, length) into the packet, or copied into fixed buffers in
 * the facts (DNS names), and are untrusted bytes: the JSON writer escapes
 * them. */
#ifndef TRAWL_ANALYZE_DECODE_H
#define TRAWL_ANALYZE_DECODE_H

#include <stdint.h>

#include "../core/tcpflags.h"

/* What the network layer turned out to be. */
enum net_kind { NET_NONE = 0, NET_IP4 = 4, NET_IP6 = 6, NET_ARP = 1, NET_OTHER = 2 };

enum app_kind { APP_NONE = 0, APP_DNS, APP_HTTP_REQ, APP_HTTP_RESP, APP_TLS };

/* The encapsulation a tunnelled packet's inner IP header came out of. */
enum tunnel_kind {
	TUN_NONE = 0,
	TUN_IPIP,      /* IP protocol 4 or 41, over IPv4 or IPv6 */
	TUN_GRE,       /* GRE v0 (IP, IPv6, MPLS, transparent Ethernet), v1 (PPP) */
	TUN_VXLAN,     /* UDP 4789 */
	TUN_GENEVE,    /* UDP 6081 */
	TUN_GTPU,      /* UDP 2152, G-PDU */
	TUN_VXLAN_GPE, /* UDP 4790 */
	TUN_OTV,       /* UDP 8472 */
	TUN_MPLS_UDP,  /* UDP 6635 */
	TUN_L2TP,      /* UDP 1701, data messages (PPP) */
	TUN_ETHER,     /* IP protocol 143: Ethernet */
};

#define DECODE_MAX_TUNNELS 4 /* encapsulations followed, at most */

#define DNS_NAME_MAX 256  /* bytes kept of a decoded DNS name */
#define DNS_MAX_ANSWERS 8 /* answers kept per message */

struct bytes {
	const uint8_t *p;
	unsigned len;
};

struct dns_answer {
	uint16_t type;
	uint32_t ttl;
	uint16_t owner_len;   /* the record's own name (EVE's rrname) */
	char owner[DNS_NAME_MAX];
	/* A / AAAA: the address; CNAME, NS, PTR: a name; others: nothing */
	uint8_t addr[16];
	uint8_t addr_len;
	uint16_t name_len;
	char name[DNS_NAME_MAX];
};

struct dns_facts {
	uint16_t id, flags;
	uint16_t qdcount, ancount;
	uint16_t qtype, qclass;
	uint8_t has_question;
	uint8_t nanswers;   /* answers decoded into an[] */
	uint8_t truncated;  /* the message ran out of captured bytes */
	uint16_t qname_len;
	char qname[DNS_NAME_MAX];
	struct dns_answer an[DNS_MAX_ANSWERS];
};

struct facts {
	/* capture */
	int dlt;
	unsigned caplen, len;
	uint64_t sec;
	uint32_t frac;    /* microseconds, or nanoseconds with --nano */

	/* link */
	uint8_t has_mac;
	uint8_t smac[6], dmac[6];
	uint8_t nvlan;
	uint16_t vlan[2];
	uint16_t vlan_tci, vlan_tpid; /* the outermost tag whole (priority bits too) and its TPID */
	uint16_t ethertype;   /* 0 when the link carries none (802.3 LLC: 0) */
	uint8_t llc;          /* an 802.3 length field, LLC payload */

	/* tunnels: for a tunnelled packet every network, transport and
	 * application field below describes the innermost IP header the
	 * decoder reached (the inner connection); the outermost IP header is
	 * kept here.  Link fields stay those of the outermost link. */
	uint8_t tunnel;       /* encapsulations followed, 0 when none */
	uint8_t tunnel_kind;  /* enum tunnel_kind of the outermost one */
	uint8_t outer_net;    /* NET_IP4 or NET_IP6 */
	uint8_t outer_proto;  /* the outer header's protocol (4, 41, 47, 17 ...) */
	uint8_t outer_src[16], outer_dst[16]; /* 4 or 16 bytes, as outer_net says */

	/* network */
	uint8_t net;          /* enum net_kind */
	uint8_t addr_len;     /* 4 or 16 */
	uint8_t src[16], dst[16];
	uint8_t proto;        /* IP protocol (after IPv6 extension headers) */
	uint8_t ttl;          /* TTL or hop limit */
	uint8_t frag;         /* a fragment other than the first */
	uint8_t more_frags;
	uint16_t ip_id;
	uint8_t tos;          /* IPv4 type of service, IPv6 traffic class */
	uint8_t ip_flags;     /* IPv4 flags: IPF_RB, IPF_DF, IPF_MF */
	uint32_t ip_opts;     /* IPv4 options present: bit n for option type n & 31 */
	unsigned ip_len;      /* total length the IP header claims */
	uint16_t arp_op;      /* ARP: operation */

	/* fragments: set for every fragment of a fragmented datagram (the
	 * first one too, whose transport header is decoded as well) */
	uint8_t is_frag;
	uint8_t frag_proto;      /* what the whole datagram carries */
	uint16_t frag_off;       /* this fragment's data offset, 8-byte units */
	uint32_t frag_id;        /* identification (IPv4: 16 bits, IPv6: 32) */
	unsigned frag_len;       /* its data length as the IP header says */
	struct bytes frag_data;  /* its data as captured (at most frag_len) */

	/* transport */
	uint8_t has_ports;    /* TCP or UDP header decoded */
	uint8_t has_tcp;
	uint8_t has_icmp;
	uint16_t sport, dport;
	uint8_t tcp_flags;
	uint32_t seq, ack;
	uint16_t win;
	uint8_t icmp_type, icmp_code;
	uint8_t has_icmp_echo;    /* icmp_id, icmp_seq read (an echo request or reply) */
	uint16_t icmp_id, icmp_seq;
	unsigned payload_len; /* transport payload length on the wire */
	struct bytes payload; /* the captured part of it */

	/* application */
	uint8_t lite;         /* decode_packet_lite: no DNS names, no Host */
	uint8_t app;          /* enum app_kind */
	struct bytes http_method, http_uri, http_host;
	uint16_t http_status;
	struct bytes tls_sni;
	struct dns_facts dns;
};

#define IPF_RB 0x4 /* ip_flags: the reserved bit, don't fragment, more fragments */
#define IPF_DF 0x2
#define IPF_MF 0x1

/* Decodes one captured packet of link type dlt into f.  Never fails: what
 * could not be decoded is simply absent.  Only the fields that apply are
 * set; the caller passes a zeroed struct or lets decode clear it.
 *
 * Link types: every one the printers know that can carry IP (Ethernet and
 * its switch-tag variants, BSD and Linux loopback and cooked headers, raw
 * IP, PPP, PPP in HDLC framing, Cisco HDLC, Frame Relay and MFR, ATM
 * (RFC 1483, CLIP), SLIP, NFLOG, pktap, IPNET, IPoIB), with VLAN tags
 * (0x8100, 0x88a8, 0x9100, 0x9200), MPLS, PPPoE, LLC/SNAP, NSH and
 * integrity-only MACsec under them.  Tunnels (enum tunnel_kind) are
 * followed, DECODE_MAX_TUNNELS deep at most, to the innermost IP header,
 * whose addresses, ports, protocol and payload are then the facts; an IP
 * fragment is not followed (decode_datagram follows its datagram).  ICMP
 * errors quoting a header are not tunnels: they stay the outer packet. */
void decode_packet(struct facts *f, int dlt, const uint8_t *p, unsigned caplen,
                   unsigned len);
/* The same, but DNS messages only as far as their header and HTTP requests
 * only to their method (what --summary needs): names, answers and the Host
 * header are left out. */
void decode_packet_lite(struct facts *f, int dlt, const uint8_t *p, unsigned caplen,
                        unsigned len);

/* Decodes the transport layer of a reassembled datagram carrying IP
 * protocol proto (its header first, n bytes) into f, whose link and network
 * fields are those of the datagram's fragments: the transport, payload and
 * application fields are set anew, the fragment fields cleared.  A datagram
 * that carries a tunnel (an outer IP header's fragments are never followed
 * into it) is followed: f then describes the inner packet, as decode_packet
 * would for an unfragmented one. */
void decode_datagram(struct facts *f, unsigned proto, const uint8_t *p, unsigned n);

/* Short protocol names for reports. */
const char *an_ethertype_name(unsigned type);  /* NULL when unknown */
const char *an_dnstype_name(unsigned type);    /* NULL when unknown */
/* The application protocol a packet belongs to: from its content when the
 * decoder recognized it, else from a well-known port; NULL when neither. */
const char *an_app_name(const struct facts *f);
/* The name of a well-known TCP (6) or UDP (17) port, or NULL. */
const char *an_port_app(unsigned proto, unsigned port);
/* The well-known port's application of a packet, its lower port first. */
const char *an_ports_app(const struct facts *f);

#endif
