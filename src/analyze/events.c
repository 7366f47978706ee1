/* events.c - the EVE-shaped JSON events of the analyzer: the fields every
 * event starts with, and `--json`'s one `packet` event per packet.
 *
 * The layout is documented in docs/events.md; everything here is on the
 * per-packet path: no printf, no allocation, strings through json_str. */
#include <stdlib.h>
#include <string.h>

#include "community_id.h"
#include "internal.h"
#include "json.h"

/* IANA's protocol keywords, as EVE's "proto" carries them. */
const char *eve_proto_name(unsigned p)
{
	static const char *const n[144] = {
		[0] = "HOPOPT", [1] = "ICMP", [2] = "IGMP", [3] = "GGP", [4] = "IPv4", [5] = "ST",
		[6] = "TCP", [7] = "CBT", [8] = "EGP", [9] = "IGP", [10] = "BBN-RCC-MON",
		[11] = "NVP-II", [12] = "PUP", [17] = "UDP", [27] = "RDP", [33] = "DCCP",
		[41] = "IPv6", [43] = "IPv6-Route", [44] = "IPv6-Frag", [46] = "RSVP", [47] = "GRE",
		[50] = "ESP", [51] = "AH", [58] = "IPv6-ICMP", [59] = "IPv6-NoNxt",
		[60] = "IPv6-Opts", [88] = "EIGRP", [89] = "OSPFIGP", [94] = "IPIP", [97] = "ETHERIP",
		[98] = "ENCAP", [103] = "PIM", [108] = "IPComp", [112] = "VRRP", [113] = "PGM",
		[115] = "L2TP", [132] = "SCTP", [135] = "Mobility Header", [136] = "UDPLite",
		[137] = "MPLS-in-IP", [139] = "HIP", [140] = "Shim6", [141] = "WESP", [142] = "ROHC",
		[143] = "Ethernet",
	};
	return p < sizeof n / sizeof n[0] ? n[p] : NULL;
}

void eve_put_proto(struct out *o, unsigned proto)
{
	const char *n = eve_proto_name(proto);
	out_c(o, '"');
	if (n)
		out_s(o, n);
	else
		out_u(o, proto);
	out_c(o, '"');
}

void eve_begin(struct out *o, struct eve_clock *c, uint64_t sec, uint32_t frac, int nano,
               int has_flow_id, uint64_t flow_id, const char *cid, const char *type)
{
	out_s(o, "{\"timestamp\":\"");
	eve_put_time(o, c, sec, frac, nano);
	out_c(o, '"');
	if (has_flow_id) {
		out_s(o, ",\"flow_id\":");
		out_u(o, flow_id);
	}
	if (cid && cid[0]) {
		out_s(o, ",\"community_id\":\"");
		out_s(o, cid);
		out_c(o, '"');
	}
	out_s(o, ",\"event_type\":\"");
	out_s(o, type);
	out_c(o, '"');
}

void eve_tuple(struct out *o, const uint8_t *src, const uint8_t *dst, unsigned alen,
               unsigned proto, int ports, unsigned sport, unsigned dport)
{
	out_s(o, ",\"src_ip\":");
	json_addr(o, src, alen);
	if (ports) {
		out_s(o, ",\"src_port\":");
		out_u(o, sport);
	}
	out_s(o, ",\"dest_ip\":");
	json_addr(o, dst, alen);
	if (ports) {
		out_s(o, ",\"dest_port\":");
		out_u(o, dport);
	}
	out_s(o, ",\"proto\":");
	eve_put_proto(o, proto);
}

void eve_tcp_flags(struct out *o, int *first, unsigned fl)
{
	static const struct { uint8_t bit; const char *name; } t[] = {
		{ TH_SYN, "syn" }, { TH_FIN, "fin" }, { TH_RST, "rst" }, { TH_PSH, "psh" },
		{ TH_ACK, "ack" }, { TH_URG, "urg" }, { TH_ECE, "ecn" }, { TH_CWR, "cwr" },
	};
	for (unsigned i = 0; i < 8; i++) {
		if (fl & t[i].bit) {
			json_key(o, first, t[i].name);
			out_s(o, "true");
		}
	}
}

void eve_hex2(struct out *o, unsigned v)
{
	static const char hex[] = "0123456789abcdef";
	char b[4] = { '"', hex[v >> 4 & 15], hex[v & 15], '"' };
	out_mem(o, b, 4);
}

/* ---- the Community ID of a packet, remembered per tuple ---------------- */

/* The tuple as hashed: for TCP, UDP and the other IP protocols ordered
 * (the ID is the same both ways), for ICMP as it came with its type and code
 * (one-way messages are not ordered). */
struct cid_key {
	uint8_t a[16], b[16];
	uint16_t pa, pb;
	uint8_t alen, proto, kind, pad;
};

struct cid_slot {
	struct cid_key k;
	uint8_t valid;
	uint8_t len;
	/* ,"flow_id":N,"community_id":"1:..." as written */
	char ids[96];
};

#define CID_SLOTS 4096 /* a power of two */

struct eve_packets {
	struct eve_clock clk;
	struct cid_slot slot[CID_SLOTS];
};

struct eve_packets *eve_packets_new(void)
{
	return calloc(1, sizeof(struct eve_packets));
}

void eve_packets_free(struct eve_packets *e)
{
	free(e);
}

/* ,"flow_id":N,"community_id":"..." of f's IP tuple (the Community ID left
 * out when it cannot be computed), from the cache or made into it; *len is
 * its length. */
static const char *packet_ids(struct eve_packets *e, const struct facts *f, size_t *len)
{
	unsigned sp = f->has_ports ? f->sport : 0, dp = f->has_ports ? f->dport : 0;
	uint64_t fid = flow_id_of(f->src, f->dst, f->addr_len, f->proto, sp, dp);
	struct cid_key k;
	memset(&k, 0, sizeof k);
	const uint8_t *a = f->src, *b = f->dst;
	k.alen = f->addr_len;
	k.proto = f->proto;
	if (f->has_icmp && (f->proto == 1 || f->proto == 58)) {
		k.kind = 2;
		sp = f->icmp_type;
		dp = f->icmp_code;
	} else {
		k.kind = sp || dp; /* as the conversation table: port 0 is no port */
		int c = memcmp(a, b, k.alen);
		if (c > 0 || (c == 0 && sp > dp)) {
			a = f->dst;
			b = f->src;
			unsigned t = sp;
			sp = dp;
			dp = t;
		}
	}
	memcpy(k.a, a, k.alen);
	memcpy(k.b, b, k.alen);
	k.pa = (uint16_t)sp;
	k.pb = (uint16_t)dp;
	uint64_t h = fid ^ ((uint64_t)sp << 16 | dp) * 0x9e3779b97f4a7c15ull;
	struct cid_slot *s = &e->slot[(h ^ h >> 29) & (CID_SLOTS - 1)];
	if (!s->valid || memcmp(&s->k, &k, sizeof k) != 0) {
		char id[COMMUNITY_ID_LEN + 1];
		size_t n;
		if (k.kind == 2)
			n = community_id_icmp(id, 0, k.a, k.b, k.alen, k.proto, sp, dp);
		else
			n = community_id_v1(id, 0, k.a, k.b, k.alen, k.proto, sp, dp, k.kind);
		char digits[20];
		int nd = 0;
		do {
			digits[nd++] = (char)('0' + fid % 10);
			fid /= 10;
		} while (fid && nd < 20);
		char *w = s->ids;
		memcpy(w, ",\"flow_id\":", 11);
		w += 11;
		while (nd)
			*w++ = digits[--nd];
		if (n == COMMUNITY_ID_LEN) {
			memcpy(w, ",\"community_id\":\"", 17);
			w += 17;
			memcpy(w, id, n);
			w += n;
			*w++ = '"';
		}
		s->len = (uint8_t)(w - s->ids);
		s->k = k;
		s->valid = 1;
	}
	*len = s->len;
	return s->ids;
}

/* ---- one `packet` event per packet ------------------------------------ */

static void put_dnstype(struct out *o, unsigned type)
{
	const char *n = an_dnstype_name(type);
	out_c(o, '"');
	if (n) {
		out_s(o, n);
	} else { /* RFC 3597, as the dns session events write it */
		out_s(o, "TYPE");
		out_u(o, type);
	}
	out_c(o, '"');
}

static void put_rcode(struct out *o, unsigned rc)
{
	static const char *const n[] = {
		"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
		"YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE",
	};
	out_c(o, '"');
	if (rc < sizeof n / sizeof n[0])
		out_s(o, n[rc]);
	else
		out_u(o, rc);
	out_c(o, '"');
}

static void dns_json(struct out *o, const struct dns_facts *d)
{
	static const struct { uint16_t bit; const char *name; } fl[] = {
		{ 0x8000, "qr" }, { 0x0400, "aa" }, { 0x0200, "tc" }, { 0x0100, "rd" },
		{ 0x0080, "ra" }, { 0x0020, "ad" }, { 0x0010, "cd" },
	};
	int first = 1, answer = d->flags >> 15;
	out_c(o, '{');
	json_key(o, &first, "type");
	out_s(o, answer ? "\"answer\"" : "\"query\"");
	json_key(o, &first, "id");
	out_u(o, d->id);
	json_key(o, &first, "flags");
	out_c(o, '"');
	out_x(o, d->flags, 4);
	out_c(o, '"');
	for (unsigned i = 0; i < sizeof fl / sizeof fl[0]; i++) {
		if (d->flags & fl[i].bit) {
			json_key(o, &first, fl[i].name);
			out_s(o, "true");
		}
	}
	json_key(o, &first, "opcode");
	out_u(o, d->flags >> 11 & 15);
	if (d->has_question) {
		json_key(o, &first, "rrname");
		json_str(o, d->qname, d->qname_len);
		json_key(o, &first, "rrtype");
		put_dnstype(o, d->qtype);
	}
	if (answer) {
		json_key(o, &first, "rcode");
		put_rcode(o, d->flags & 15);
	}
	if (d->nanswers) {
		json_key(o, &first, "answers");
		out_c(o, '[');
		for (unsigned i = 0; i < d->nanswers; i++) {
			const struct dns_answer *an = &d->an[i];
			int f2 = 1;
			out_s(o, i ? ",{" : "{");
			json_key(o, &f2, "rrname");
			json_str(o, an->owner, an->owner_len);
			json_key(o, &f2, "rrtype");
			put_dnstype(o, an->type);
			json_key(o, &f2, "ttl");
			out_u(o, an->ttl);
			if (an->addr_len) {
				json_key(o, &f2, "rdata");
				json_addr(o, an->addr, an->addr_len);
			} else if (an->name_len) {
				json_key(o, &f2, "rdata");
				json_str(o, an->name, an->name_len);
			}
			out_c(o, '}');
		}
		out_c(o, ']');
	}
	json_key(o, &first, "ancount");
	out_u(o, d->ancount);
	if (d->truncated) {
		json_key(o, &first, "truncated");
		out_s(o, "true");
	}
	out_c(o, '}');
}

/* The application a packet's content showed (EVE's app_proto), or NULL. */
static const char *content_app(const struct facts *f)
{
	switch (f->app) {
	case APP_DNS:
		return an_app_name(f);
	case APP_HTTP_REQ:
	case APP_HTTP_RESP:
		return "http";
	case APP_TLS:
		return "tls";
	}
	return NULL;
}

void packet_json(struct out *o, struct eve_packets *e, const struct facts *f,
                 unsigned long number, int nano)
{
	int ip = (f->net == NET_IP4 || f->net == NET_IP6) && (f->addr_len == 4 || f->addr_len == 16);
	if (ip) {
		size_t n;
		const char *ids = packet_ids(e, f, &n);
		out_s(o, "{\"timestamp\":\"");
		eve_put_time(o, &e->clk, f->sec, f->frac, nano);
		out_c(o, '"');
		out_mem(o, ids, n);
		out_s(o, ",\"event_type\":\"packet\"");
	} else if (f->net == NET_ARP && f->addr_len) {
		eve_begin(o, &e->clk, f->sec, f->frac, nano, 1,
			  eve_l2_flow_id(f->src, f->dst, 4, 0x0806), NULL, "packet");
	} else if (f->has_mac) {
		eve_begin(o, &e->clk, f->sec, f->frac, nano, 1,
			  eve_l2_flow_id(f->smac, f->dmac, 6, f->llc ? 0 : f->ethertype), NULL,
			  "packet");
	} else {
		eve_begin(o, &e->clk, f->sec, f->frac, nano, 0, 0, NULL, "packet");
	}
	if (f->nvlan) {
		out_s(o, ",\"vlan\":[");
		for (unsigned i = 0; i < f->nvlan && i < 2; i++) {
			if (i)
				out_c(o, ',');
			out_u(o, f->vlan[i]);
		}
		out_c(o, ']');
	}
	if (ip) {
		eve_tuple(o, f->src, f->dst, f->addr_len, f->proto, f->has_ports, f->sport, f->dport);
		if (f->has_icmp) {
			out_s(o, ",\"icmp_type\":");
			out_u(o, f->icmp_type);
			out_s(o, ",\"icmp_code\":");
			out_u(o, f->icmp_code);
		}
		const char *app = content_app(f);
		if (app) {
			out_s(o, ",\"app_proto\":\"");
			out_s(o, app);
			out_c(o, '"');
		}
	}

	/* trawl's own facts */
	int first = 1;
	out_s(o, ",\"pkt\":{");
	json_key(o, &first, "n");
	out_u(o, number);
	json_key(o, &first, "caplen");
	out_u(o, f->caplen);
	json_key(o, &first, "len");
	out_u(o, f->len);
	if (ip) {
		json_key(o, &first, "ip_version");
		out_c(o, f->net == NET_IP4 ? '4' : '6');
		json_key(o, &first, "ttl");
		out_u(o, f->ttl);
		if (f->net == NET_IP4) {
			json_key(o, &first, "ip_id");
			out_u(o, f->ip_id);
		}
		json_key(o, &first, "ip_len");
		out_u(o, f->ip_len);
		if (f->frag || f->more_frags) {
			json_key(o, &first, "fragment");
			out_s(o, f->frag ? "\"later\"" : "\"first\"");
		}
		if (f->has_ports) {
			json_key(o, &first, "payload_len");
			out_u(o, f->payload_len);
		}
		const char *pa = an_ports_app(f);
		if (pa) {
			json_key(o, &first, "port_app");
			json_cstr(o, pa);
		}
	}
	if (f->llc) {
		json_key(o, &first, "llc");
		out_s(o, "true");
	}
	out_c(o, '}');

	if (f->has_mac || f->ethertype) {
		int f2 = 1;
		out_s(o, ",\"ether\":{");
		if (f->has_mac) {
			json_key(o, &f2, "src_mac");
			json_addr(o, f->smac, 6);
			json_key(o, &f2, "dest_mac");
			json_addr(o, f->dmac, 6);
		}
		if (f->ethertype && !f->llc) {
			json_key(o, &f2, "ether_type");
			out_u(o, f->ethertype);
		}
		out_c(o, '}');
	}
	if (f->has_tcp) {
		int f2 = 1;
		out_s(o, ",\"tcp\":{");
		json_key(o, &f2, "tcp_flags");
		eve_hex2(o, f->tcp_flags);
		eve_tcp_flags(o, &f2, f->tcp_flags);
		json_key(o, &f2, "seq");
		out_u(o, f->seq);
		json_key(o, &f2, "ack_seq");
		out_u(o, f->ack);
		json_key(o, &f2, "win");
		out_u(o, f->win);
		out_c(o, '}');
	} else if (f->net == NET_ARP) {
		int f2 = 1;
		out_s(o, ",\"arp\":{");
		json_key(o, &f2, "opcode");
		if (f->arp_op == 1 || f->arp_op == 2)
			out_s(o, f->arp_op == 1 ? "\"request\"" : "\"reply\"");
		else
			out_u(o, f->arp_op);
		if (f->addr_len) {
			json_key(o, &f2, "src_ip");
			json_addr(o, f->src, 4);
			json_key(o, &f2, "dest_ip");
			json_addr(o, f->dst, 4);
		}
		out_c(o, '}');
	}
	if (f->app == APP_DNS) {
		out_s(o, ",\"dns\":");
		dns_json(o, &f->dns);
	} else if (f->app == APP_HTTP_REQ || f->app == APP_HTTP_RESP) {
		int f2 = 1;
		out_s(o, ",\"http\":{");
		if (f->app == APP_HTTP_REQ) {
			if (f->http_host.p) {
				json_key(o, &f2, "hostname");
				json_str(o, f->http_host.p, f->http_host.len);
			}
			json_key(o, &f2, "url");
			json_str(o, f->http_uri.p, f->http_uri.len);
			json_key(o, &f2, "http_method");
			json_str(o, f->http_method.p, f->http_method.len);
		} else {
			json_key(o, &f2, "status");
			out_u(o, f->http_status);
		}
		out_c(o, '}');
	} else if (f->app == APP_TLS && f->tls_sni.p) {
		out_s(o, ",\"tls\":{\"sni\":");
		json_str(o, f->tls_sni.p, f->tls_sni.len);
		out_c(o, '}');
	}
	out_s(o, "}\n");
}

uint64_t eve_l2_flow_id(const uint8_t *a, const uint8_t *b, unsigned alen, unsigned etype)
{
	return flow_id_of(a, b, alen, 0, etype, etype);
}
