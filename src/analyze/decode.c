/* decode.c - the analyzer's bounds-checked decoder (see decode.h).
 *
 * Every read goes through a length that was checked against the captured
 * end first; loops are bounded (VLAN tags, MPLS labels, GRE source routes,
 * GTP-U extension headers, NFLOG TLVs, IPv6 extension headers, DNS labels
 * and compression pointers, TLS extensions), and so is the nesting of
 * encapsulations (MAX_LAYERS, DECODE_MAX_TUNNELS). */
#include "decode.h"

#include <stddef.h>
#include <string.h>

#include "../core/ethertype.h"

static inline unsigned be16(const uint8_t *p) { return (unsigned)p[0] << 8 | p[1]; }
static inline uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ---- application layer ---------------------------------------------- */

/* Reads a possibly compressed DNS name at off in msg[0..n) into out (dotted,
 * raw label bytes, at most DNS_NAME_MAX-1 bytes kept).  Returns the offset
 * just past the name where it appears (not where pointers lead), or -1. */
static int dns_name(const uint8_t *msg, unsigned n, unsigned off, char *out,
                    uint16_t *outlen)
{
	unsigned pos = off, end = 0, kept = 0, hops = 0, total = 0;
	int jumped = 0;
	for (;;) {
		if (pos >= n)
			return -1;
		unsigned l = msg[pos];
		if ((l & 0xc0) == 0xc0) {
			if (pos + 1 >= n || ++hops > 32)
				return -1;
			if (!jumped)
				end = pos + 2;
			jumped = 1;
			pos = (l & 0x3f) << 8 | msg[pos + 1];
			continue;
		}
		if (l & 0xc0)
			return -1; /* extended label types: not decoded */
		if (l == 0) {
			if (!jumped)
				end = pos + 1;
			break;
		}
		if (pos + 1 + l > n || (total += l + 1) > 255 + 64)
			return -1;
		if (kept && kept < DNS_NAME_MAX - 1)
			out[kept++] = '.';
		for (unsigned i = 0; i < l && kept < DNS_NAME_MAX - 1; i++)
			out[kept++] = (char)msg[pos + 1 + i];
		pos += 1 + l;
	}
	if (kept == 0)
		out[kept++] = '.'; /* the root */
	out[kept] = 0;
	*outlen = (uint16_t)kept;
	return (int)end;
}

static void decode_dns(struct facts *f, const uint8_t *m, unsigned n)
{
	struct dns_facts *d = &f->dns;
	if (n < 12)
		return;
	d->id = (uint16_t)be16(m);
	d->flags = (uint16_t)be16(m + 2);
	d->qdcount = (uint16_t)be16(m + 4);
	d->ancount = (uint16_t)be16(m + 6);
	d->has_question = 0;
	d->nanswers = 0;
	d->truncated = 0;
	d->qname_len = 0;
	d->qname[0] = 0;
	d->qtype = d->qclass = 0;
	if ((d->flags >> 11 & 0xf) > 5 || d->qdcount > 64) /* opcode or count makes it unlikely DNS */
		return;
	f->app = APP_DNS;
	if (f->lite)
		return;
	int off = 12;
	for (unsigned q = 0; q < d->qdcount; q++) {
		char tmp[DNS_NAME_MAX];
		uint16_t tl;
		int e = dns_name(m, n, (unsigned)off, q == 0 ? d->qname : tmp,
				 q == 0 ? &d->qname_len : &tl);
		if (e < 0 || (unsigned)e + 4 > n) {
			d->truncated = 1;
			return;
		}
		if (q == 0) {
			d->qtype = (uint16_t)be16(m + e);
			d->qclass = (uint16_t)be16(m + e + 2);
			d->has_question = 1;
		}
		off = e + 4;
	}
	for (unsigned a = 0; a < d->ancount && d->nanswers < DNS_MAX_ANSWERS; a++) {
		struct dns_answer *an = &d->an[d->nanswers];
		int e = dns_name(m, n, (unsigned)off, an->owner, &an->owner_len);
		if (e < 0 || (unsigned)e + 10 > n) {
			d->truncated = 1;
			return;
		}
		an->type = (uint16_t)be16(m + e);
		an->ttl = be32(m + e + 4);
		unsigned rdlen = be16(m + e + 8);
		unsigned rd = (unsigned)e + 10;
		if (rd + rdlen > n) {
			d->truncated = 1;
			return;
		}
		an->addr_len = 0;
		an->name_len = 0;
		an->name[0] = 0;
		if (an->type == 1 && rdlen == 4) {
			memcpy(an->addr, m + rd, 4);
			an->addr_len = 4;
		} else if (an->type == 28 && rdlen == 16) {
			memcpy(an->addr, m + rd, 16);
			an->addr_len = 16;
		} else if (an->type == 5 || an->type == 2 || an->type == 12) {
			if (dns_name(m, rd + rdlen, rd, an->name, &an->name_len) < 0)
				an->name_len = 0;
		}
		d->nanswers++;
		off = (int)(rd + rdlen);
	}
}

static const struct { const char *m; unsigned len; } http_methods[] = {
	{ "GET", 3 }, { "POST", 4 }, { "HEAD", 4 }, { "PUT", 3 }, { "DELETE", 6 },
	{ "OPTIONS", 7 }, { "CONNECT", 7 }, { "PATCH", 5 }, { "TRACE", 5 },
};

static int is_http_request(struct facts *f, const uint8_t *p, unsigned n)
{
	for (size_t i = 0; i < sizeof http_methods / sizeof http_methods[0]; i++) {
		unsigned k = http_methods[i].len;
		if (n > k && p[k] == ' ' && memcmp(p, http_methods[i].m, k) == 0) {
			f->http_method = (struct bytes){ p, k };
			return 1;
		}
	}
	return 0;
}

static int ieq(const uint8_t *p, const char *s, unsigned k)
{
	for (unsigned i = 0; i < k; i++) {
		uint8_t c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (uint8_t)(c + 32);
		if (c != (uint8_t)s[i])
			return 0;
	}
	return 1;
}

static void decode_http(struct facts *f, const uint8_t *p, unsigned n)
{
	if (n >= 12 && memcmp(p, "HTTP/1.", 7) == 0 && p[8] == ' ') {
		unsigned st = 0;
		for (unsigned i = 9; i < 12; i++) {
			if (p[i] < '0' || p[i] > '9')
				return;
			st = st * 10 + (p[i] - '0');
		}
		f->app = APP_HTTP_RESP;
		f->http_status = (uint16_t)st;
		return;
	}
	if (!is_http_request(f, p, n))
		return;
	f->app = APP_HTTP_REQ;
	unsigned i = f->http_method.len + 1, u = i;
	while (i < n && p[i] != ' ' && p[i] != '\r' && p[i] != '\n')
		i++;
	f->http_uri = (struct bytes){ p + u, i - u };
	if (f->lite)
		return;
	/* the header lines: find Host: */
	while (i < n && p[i] != '\n')
		i++;
	while (i < n) {
		i++; /* past '\n' */
		unsigned s = i;
		while (i < n && p[i] != '\n')
			i++;
		unsigned e = i; /* line is p[s..e) */
		if (e > s && p[e - 1] == '\r')
			e--;
		if (e == s)
			break; /* end of headers */
		if (e - s >= 5 && ieq(p + s, "host:", 5)) {
			unsigned v = s + 5;
			while (v < e && (p[v] == ' ' || p[v] == '\t'))
				v++;
			unsigned w = e;
			while (w > v && (p[w - 1] == ' ' || p[w - 1] == '\t'))
				w--;
			f->http_host = (struct bytes){ p + v, w - v };
			break;
		}
	}
}

/* A TLS record carrying a ClientHello: finds the server_name extension. */
static void decode_tls(struct facts *f, const uint8_t *p, unsigned n)
{
	if (n < 6 || p[0] != 0x16 || p[1] != 3 || p[2] > 4)
		return;
	f->app = APP_TLS;
	unsigned rl = be16(p + 3);
	if (n > 5 + rl)
		n = 5 + rl;
	if (p[5] != 1 || n < 9) /* not a ClientHello */
		return;
	unsigned hl = (unsigned)p[6] << 16 | be16(p + 7);
	unsigned end = 9 + hl < n ? 9 + hl : n;
	unsigned o = 9 + 2 + 32; /* client_version, random */
	if (o + 1 > end)
		return;
	o += 1 + p[o]; /* session id */
	if (o + 2 > end)
		return;
	o += 2 + be16(p + o); /* cipher suites */
	if (o + 1 > end)
		return;
	o += 1 + p[o]; /* compression methods */
	if (o + 2 > end)
		return;
	unsigned xe = o + 2 + be16(p + o);
	o += 2;
	if (xe > end)
		xe = end;
	for (unsigned k = 0; k < 256 && o + 4 <= xe; k++) {
		unsigned type = be16(p + o), len = be16(p + o + 2);
		o += 4;
		if (o + len > xe)
			return;
		if (type == 0 && len >= 5) {
			/* server_name_list: length, then (type, length, name) */
			unsigned q = o + 2, le = o + len;
			while (q + 3 <= le) {
				unsigned nt = p[q], nl = be16(p + q + 1);
				if (q + 3 + nl > le)
					return;
				if (nt == 0) {
					f->tls_sni = (struct bytes){ p + q + 3, nl };
					return;
				}
				q += 3 + nl;
			}
			return;
		}
		o += len;
	}
}

static void decode_app(struct facts *f)
{
	const uint8_t *p = f->payload.p;
	unsigned n = f->payload.len;
	if (n == 0)
		return;
	unsigned sp = f->sport, dp = f->dport;
	if (f->has_tcp) {
		if (sp == 53 || dp == 53) {
			if (n >= 2 + 12)
				decode_dns(f, p + 2, n - 2 < be16(p) ? n - 2 : be16(p));
			return;
		}
		if (p[0] == 0x16) {
			decode_tls(f, p, n);
			if (f->app)
				return;
		}
		if (p[0] >= 'A' && p[0] <= 'Z')
			decode_http(f, p, n);
		return;
	}
	if (sp == 53 || dp == 53 || sp == 5353 || dp == 5353 || sp == 5355 || dp == 5355)
		decode_dns(f, p, n);
}

/* ---- transport and network ------------------------------------------- */

/* Nesting.  Every header that carries another one is a layer: link
 * headers, VLAN stacks, MPLS, PPP, LLC/SNAP, pktap, and the tunnels (IP in
 * IP, GRE, the UDP encapsulations).  A packet is decoded through at most
 * MAX_LAYERS layers and DECODE_MAX_TUNNELS tunnels, so the recursion below
 * is bounded whatever the packet says.
 *
 * kind is TUN_NONE while the outermost link is being decoded: only then are
 * the link fields (MAC addresses, VLANs, ethertype, llc) and the non-IP
 * network kinds (ARP, other) recorded.  Under a tunnel it names the tunnel,
 * and nothing is written until an inner IP header proves valid: a tunnel
 * whose inner packet is not IP (ARP over VXLAN, say) leaves the facts those
 * of the outer packet, as tcpdump's line shows no inner IP header either. */
#define MAX_LAYERS 24

static int l2_ether(struct facts *f, const uint8_t *p, unsigned n, unsigned tag,
                    unsigned kind, unsigned lvl);
static int l2_ppp(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                  unsigned lvl);
static int l2_nsh(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                  unsigned lvl);
static int l3_type(struct facts *f, unsigned type, const uint8_t *p, unsigned n,
                   unsigned kind, unsigned lvl);
static int net_ip4(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                   unsigned lvl);
static int net_ip6(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                   unsigned lvl);

/* An inner IP header was found valid: the outer one is kept (the first
 * time), and the network, transport and application fields start over. */
static void enter_tunnel(struct facts *f, unsigned kind)
{
	if (f->tunnel == 0) {
		f->tunnel_kind = (uint8_t)kind;
		f->outer_net = f->net;
		f->outer_proto = f->proto;
		memcpy(f->outer_src, f->src, sizeof f->outer_src);
		memcpy(f->outer_dst, f->dst, sizeof f->outer_dst);
	}
	f->tunnel++;
	uint8_t lite = f->lite;
	memset(&f->net, 0, offsetof(struct facts, dns) - offsetof(struct facts, net));
	f->lite = lite;
}

/* Whether the payload of the current IP header may be followed into a
 * tunnel: not for a fragment (its datagram is reassembled first, and
 * decode_datagram follows it then), and not beyond the bounds. */
static int may_tunnel(const struct facts *f, unsigned lvl)
{
	return !f->is_frag && f->tunnel < DECODE_MAX_TUNNELS && lvl < MAX_LAYERS;
}

/* GRE: version 0 with its optional checksum, key, sequence number and
 * source route entries; version 1 (PPTP) carrying PPP. */
static int tun_gre(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 4)
		return 0;
	unsigned flags = be16(p), prot = be16(p + 2), o = 4;
	if ((flags & 7) == 0) {
		if (flags & 0xc000) /* checksum (and offset) with C or R */
			o += 4;
		if (flags & 0x2000) /* key */
			o += 4;
		if (flags & 0x1000) /* sequence number */
			o += 4;
		if (flags & 0x4000) { /* source route entries, to a null one */
			for (unsigned k = 0;; k++) {
				if (k >= 64 || o + 4 > n)
					return 0;
				unsigned af = be16(p + o), len = p[o + 3];
				o += 4;
				if (af == 0 && len == 0)
					break;
				o += len;
			}
		}
		if (o > n)
			return 0;
		switch (prot) {
		case ET_TEB: /* transparent Ethernet bridging */
			return l2_ether(f, p + o, n - o, 0, TUN_GRE, lvl + 1);
		case ET_IPV4:
		case ET_IPV6:
		case ET_MPLS:
			return l3_type(f, prot, p + o, n - o, TUN_GRE, lvl + 1);
		}
		return 0;
	}
	if ((flags & 7) == 1) {
		if (flags & 0x2000)
			o += 4;
		if (!(flags & 0x1000)) /* no sequence number: no payload */
			return 0;
		o += 4;
		if (flags & 0x0080) /* acknowledgment number */
			o += 4;
		if (o > n || prot != ET_PPP)
			return 0;
		return l2_ppp(f, p + o, n - o, TUN_GRE, lvl + 1);
	}
	return 0;
}

/* GTP-U (3GPP TS 29.281): a G-PDU's header, its optional fields and
 * extension headers, then an IP packet. */
static int tun_gtpu(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 8 || (p[0] >> 5) != 1 || !(p[0] & 0x10) || p[1] != 0xff)
		return 0;
	unsigned len = be16(p + 2), o = 8;
	if (n > 8 + len)
		n = 8 + len;
	if (p[0] & 7) {
		if (n < 12)
			return 0;
		unsigned next = p[11];
		o = 12;
		for (unsigned k = 0; next; k++) {
			if (k >= 16 || o >= n)
				return 0;
			unsigned el = (unsigned)p[o] * 4;
			if (el == 0 || o + el > n)
				return 0;
			next = p[o + el - 1];
			o += el;
		}
	}
	if (o >= n)
		return 0;
	if (p[o] >> 4 == 4)
		return net_ip4(f, p + o, n - o, TUN_GTPU, lvl + 1);
	if (p[o] >> 4 == 6)
		return net_ip6(f, p + o, n - o, TUN_GTPU, lvl + 1);
	return 0;
}

/* L2TPv2 data messages (RFC 2661): the header, then PPP. */
static int tun_l2tp(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 2)
		return 0;
	unsigned flags = be16(p), o = 2;
	if ((flags & 15) != 2 || (flags & 0x8000))
		return 0;
	if (flags & 0x4000) {
		if (n < 4)
			return 0;
		unsigned l = be16(p + 2);
		if (l < n)
			n = l;
		o += 2;
	}
	o += 4; /* tunnel and session ids */
	if (flags & 0x0800)
		o += 4;
	if (flags & 0x0200) {
		if (o + 2 > n)
			return 0;
		o += 2 + be16(p + o);
	}
	if (o > n)
		return 0;
	return l2_ppp(f, p + o, n - o, TUN_L2TP, lvl + 1);
}

/* The UDP encapsulations tcpdump decodes, by port (either one), and
 * GTP-U. */
static int tun_udp(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	unsigned sp = f->sport, dp = f->dport;
#define PORT(x) (sp == (x) || dp == (x))
	if (PORT(1701))
		return tun_l2tp(f, p, n, lvl);
	if (PORT(8472)) /* OTV */
		return n >= 8 && l2_ether(f, p + 8, n - 8, 0, TUN_OTV, lvl + 1);
	if (PORT(4789)) /* VXLAN */
		return n >= 8 && l2_ether(f, p + 8, n - 8, 0, TUN_VXLAN, lvl + 1);
	if (PORT(6081)) { /* Geneve */
		if (n < 8 || p[0] >> 6 != 0)
			return 0;
		unsigned o = 8 + (unsigned)(p[0] & 0x3f) * 4, prot = be16(p + 2);
		if (o > n)
			return 0;
		if (prot == ET_TEB)
			return l2_ether(f, p + o, n - o, 0, TUN_GENEVE, lvl + 1);
		return l3_type(f, prot, p + o, n - o, TUN_GENEVE, lvl + 1);
	}
	if (PORT(4790)) { /* VXLAN-GPE: the header names the payload */
		if (n < 8)
			return 0;
		switch (p[3]) {
		case 1: return net_ip4(f, p + 8, n - 8, TUN_VXLAN_GPE, lvl + 1);
		case 2: return net_ip6(f, p + 8, n - 8, TUN_VXLAN_GPE, lvl + 1);
		case 3: return l2_ether(f, p + 8, n - 8, 0, TUN_VXLAN_GPE, lvl + 1);
		case 4: return l2_nsh(f, p + 8, n - 8, TUN_VXLAN_GPE, lvl + 1);
		}
		return 0;
	}
	if (PORT(6635))
		return l3_type(f, ET_MPLS, p, n, TUN_MPLS_UDP, lvl + 1);
	if (PORT(2152))
		return tun_gtpu(f, p, n, lvl);
#undef PORT
	return 0;
}

static void decode_l4(struct facts *f, const uint8_t *p, unsigned n, unsigned wire,
                      unsigned lvl)
{
	switch (f->proto) {
	case 6:
		if (n < 20)
			return;
		f->has_ports = f->has_tcp = 1;
		f->sport = (uint16_t)be16(p);
		f->dport = (uint16_t)be16(p + 2);
		f->seq = be32(p + 4);
		f->ack = be32(p + 8);
		f->tcp_flags = p[13];
		f->win = (uint16_t)be16(p + 14);
		{
			unsigned off = (unsigned)(p[12] >> 4) * 4;
			if (off < 20)
				return;
			f->payload_len = wire > off ? wire - off : 0;
			if (n > off)
				f->payload = (struct bytes){ p + off, n - off };
		}
		break;
	case 17:
		if (n < 8)
			return;
		f->has_ports = 1;
		f->sport = (uint16_t)be16(p);
		f->dport = (uint16_t)be16(p + 2);
		{
			unsigned ul = be16(p + 4);
			f->payload_len = ul >= 8 ? ul - 8 : (wire > 8 ? wire - 8 : 0);
			unsigned have = n - 8;
			if (ul >= 8 && have > ul - 8)
				have = ul - 8;
			f->payload = (struct bytes){ p + 8, have };
			if (may_tunnel(f, lvl) && tun_udp(f, p + 8, have, lvl))
				return;
		}
		break;
	case 1:
	case 58:
		if (n < 2)
			return;
		f->has_icmp = 1;
		f->icmp_type = p[0];
		f->icmp_code = p[1];
		if (n >= 8 && (f->proto == 1 ? (p[0] == 0 || p[0] == 8) : (p[0] == 128 || p[0] == 129))) {
			f->has_icmp_echo = 1;
			f->icmp_id = (uint16_t)be16(p + 4);
			f->icmp_seq = (uint16_t)be16(p + 6);
		}
		return;
	case 4:
		if (may_tunnel(f, lvl) && net_ip4(f, p, n, TUN_IPIP, lvl + 1))
			return;
		f->payload_len = wire;
		return;
	case 41:
		if (may_tunnel(f, lvl) && net_ip6(f, p, n, TUN_IPIP, lvl + 1))
			return;
		f->payload_len = wire;
		return;
	case 47:
		if (may_tunnel(f, lvl) && tun_gre(f, p, n, lvl))
			return;
		f->payload_len = wire;
		return;
	case 143: /* Ethernet (RFC 8986) */
		if (may_tunnel(f, lvl) && l2_ether(f, p, n, 0, TUN_ETHER, lvl + 1))
			return;
		f->payload_len = wire;
		return;
	default:
		f->payload_len = wire;
		return;
	}
	decode_app(f);
}

void decode_datagram(struct facts *f, unsigned proto, const uint8_t *p, unsigned n)
{
	memset(&f->has_ports, 0, offsetof(struct facts, dns) - offsetof(struct facts, has_ports));
	f->lite = 1;
	f->is_frag = f->frag = f->more_frags = 0;
	f->frag_data = (struct bytes){ 0, 0 };
	f->proto = (uint8_t)proto;
	decode_l4(f, p, n, n, 0);
}

static int net_ip4(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                   unsigned lvl)
{
	if (n < 20 || p[0] >> 4 != 4)
		return 0;
	unsigned hl = (unsigned)(p[0] & 15) * 4;
	if (hl < 20)
		return 0;
	if (kind)
		enter_tunnel(f, kind);
	f->net = NET_IP4;
	f->addr_len = 4;
	memcpy(f->src, p + 12, 4);
	memcpy(f->dst, p + 16, 4);
	f->proto = p[9];
	f->ttl = p[8];
	f->ip_id = (uint16_t)be16(p + 4);
	f->tos = p[1];
	unsigned tl = be16(p + 2);
	f->ip_len = tl;
	unsigned fo = be16(p + 6);
	f->more_frags = (fo & 0x2000) != 0;
	f->ip_flags = (uint8_t)(fo >> 13);
	if (hl > n)
		return 1; /* options cut short: the fixed header is all there is */
	f->ip_opts = 0;
	for (unsigned o = 20; o < hl;) { /* the options' types, for the rules' ipopts */
		unsigned t = p[o];
		if (t == 0)
			break;
		f->ip_opts |= 1u << (t & 31);
		if (t == 1) {
			o++;
			continue;
		}
		if (o + 1 >= hl || p[o + 1] < 2)
			break;
		o += p[o + 1];
	}
	if (tl < hl)
		tl = n; /* a bad length (TSO captures say 0): trust the capture */
	if (n > tl)
		n = tl;
	if (fo & 0x3fff) {
		f->is_frag = 1;
		f->frag_proto = p[9];
		f->frag_off = (uint16_t)(fo & 0x1fff);
		f->frag_id = f->ip_id;
		f->frag_len = tl - hl;
		f->frag_data = (struct bytes){ p + hl, n - hl };
		if (fo & 0x1fff) {
			f->frag = 1;
			return 1;
		}
	}
	decode_l4(f, p + hl, n - hl, tl - hl, lvl);
	return 1;
}

/* IPv6 extension headers: those with the common (next header, length in
 * 8-byte units) layout, the fragment header, and AH (4-byte units). */
static int ip6_ext(unsigned nh)
{
	switch (nh) {
	case 0:   /* hop-by-hop options */
	case 43:  /* routing */
	case 44:  /* fragment */
	case 51:  /* AH */
	case 60:  /* destination options */
	case 135: /* mobility */
	case 139: /* HIP */
	case 140: /* shim6 */
	case 253: /* experimental */
	case 254:
		return 1;
	}
	return 0;
}

static int net_ip6(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                   unsigned lvl)
{
	if (n < 40 || p[0] >> 4 != 6)
		return 0;
	if (kind)
		enter_tunnel(f, kind);
	f->net = NET_IP6;
	f->addr_len = 16;
	memcpy(f->src, p + 8, 16);
	memcpy(f->dst, p + 24, 16);
	f->ttl = p[7];
	f->tos = (uint8_t)((be16(p) >> 4) & 0xff);
	unsigned pl = be16(p + 4);
	f->ip_len = pl + 40;
	unsigned nh = p[6], o = 40;
	unsigned wire = pl;
	if (n > 40 + pl && pl)
		n = 40 + pl;
	for (unsigned k = 0; k < 8 && ip6_ext(nh); k++) {
		if (o + 8 > n) {
			f->proto = (uint8_t)nh;
			return 1;
		}
		unsigned next = p[o], len;
		if (nh == 44) {
			unsigned fo = be16(p + o + 2);
			f->more_frags = fo & 1;
			if (fo & 0xfff9) {
				unsigned dl = wire > 8 ? wire - 8 : 0;
				f->is_frag = 1;
				f->frag_proto = (uint8_t)next;
				f->frag_off = (uint16_t)(fo >> 3);
				f->frag_id = be32(p + o + 4);
				f->frag_len = dl;
				f->frag_data = (struct bytes){ p + o + 8, n - (o + 8) < dl ? n - (o + 8) : dl };
			}
			if (fo & 0xfff8) {
				f->proto = (uint8_t)next;
				f->frag = 1;
				return 1;
			}
			len = 8;
		} else if (nh == 51) {
			len = ((unsigned)p[o + 1] + 2) * 4;
		} else {
			len = ((unsigned)p[o + 1] + 1) * 8;
		}
		o += len;
		wire = wire > len ? wire - len : 0;
		nh = next;
	}
	f->proto = (uint8_t)nh;
	if (ip6_ext(nh) || o > n)
		return 1;
	decode_l4(f, p + o, n - o, wire ? wire : n - o, lvl);
	return 1;
}

static void decode_arp(struct facts *f, const uint8_t *p, unsigned n)
{
	f->net = NET_ARP;
	if (n < 8)
		return;
	unsigned hln = p[4], pln = p[5];
	f->arp_op = (uint16_t)be16(p + 6);
	if (be16(p + 2) != ET_IPV4 || pln != 4 || n < 8 + 2 * hln + 8)
		return;
	f->addr_len = 4;
	memcpy(f->src, p + 8 + hln, 4);
	memcpy(f->dst, p + 8 + 2 * hln + 4, 4);
}

/* MPLS (RFC 3032): the label stack, then IP as the bottom label or the
 * first payload byte says (the labels tcpdump guesses from). */
static int l2_mpls(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                   unsigned lvl)
{
	unsigned o = 0;
	uint32_t e;
	for (unsigned k = 0;; k++) {
		if (k >= 64 || o + 4 > n)
			return 0;
		e = be32(p + o);
		o += 4;
		if (e & 0x100)
			break;
	}
	unsigned label = e >> 12, v;
	if (label == 0 || label == 3)
		v = 4;
	else if (label == 2)
		v = 6;
	else if (o < n && p[o] >= 0x45 && p[o] <= 0x4f)
		v = 4;
	else if (o < n && p[o] >> 4 == 6)
		v = 6;
	else
		return 0;
	return v == 4 ? net_ip4(f, p + o, n - o, kind, lvl + 1)
		      : net_ip6(f, p + o, n - o, kind, lvl + 1);
}

/* PPP protocol numbers carrying what the decoder follows, as ethertypes. */
static unsigned ppp_to_ether(unsigned proto)
{
	switch (proto) {
	case ET_IPV4: case 0x0021: case 0x002f: return ET_IPV4; /* IP, VJ uncompressed */
	case ET_IPV6: case 0x0057: return ET_IPV6;
	case 0x0281: return ET_MPLS;
	case 0x0283: return ET_MPLS_MC;
	}
	return 0;
}

static int ppp_proto(struct facts *f, unsigned proto, const uint8_t *p, unsigned n,
                     unsigned kind, unsigned lvl)
{
	unsigned type = ppp_to_ether(proto);
	if (type)
		return l3_type(f, type, p, n, kind, lvl + 1);
	if (!kind && !f->net)
		f->net = NET_OTHER;
	return 0;
}

/* PPP: optional address and control bytes, a one- or two-byte protocol. */
static int l2_ppp(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                  unsigned lvl)
{
	if (n >= 2 && p[0] == 0xff && p[1] == 0x03) {
		p += 2;
		n -= 2;
	}
	if (n < 2)
		return 0;
	if (p[0] & 1)
		return ppp_proto(f, p[0], p + 1, n - 1, kind, lvl);
	return ppp_proto(f, be16(p), p + 2, n - 2, kind, lvl);
}

/* PPPoE session data (code 0): PPP, as long as the header says. */
static int l2_pppoe(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                    unsigned lvl)
{
	if (n < 6 || p[1] != 0)
		return 0;
	unsigned pl = be16(p + 4);
	n -= 6;
	return l2_ppp(f, p + 6, pl < n ? pl : n, kind, lvl + 1);
}

/* SNAP: an ethertype under OUI 0 (or Apple's 0xf8), bridged Ethernet under
 * the 802.1 OUI (after pad bytes). */
static int l2_snap(struct facts *f, const uint8_t *p, unsigned n, unsigned pad,
                   unsigned kind, unsigned lvl)
{
	if (n < 5)
		return 0;
	unsigned oui = (unsigned)p[0] << 16 | be16(p + 1), pid = be16(p + 3);
	p += 5;
	n -= 5;
	if (oui == 0 || oui == 0xf8)
		return l3_type(f, pid, p, n, kind, lvl + 1);
	if (oui == 0x0080c2 && (pid == 1 || pid == 7) && n >= pad)
		return l2_ether(f, p + pad, n - pad, 0, kind, lvl + 1);
	return 0;
}

/* 802.2 LLC: SNAP, or IP straight under SAP 6, in UI frames. */
static int l2_llc(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                  unsigned lvl)
{
	if (n < 3 || p[2] != 0x03 || (p[0] == 0xff && p[1] == 0xff))
		return 0;
	unsigned dsap = p[0] & 0xfe, ssap = p[1] & 0xfe;
	if (dsap == 0xaa && ssap == 0xaa)
		return l2_snap(f, p + 3, n - 3, 2, kind, lvl + 1);
	if (dsap == 0x06 && ssap == 0x06)
		return l3_type(f, ET_IPV4, p + 3, n - 3, kind, lvl + 1);
	return 0;
}

/* What an ethertype names.  Returns 1 when an IP header was decoded. */
static int l3_type(struct facts *f, unsigned type, const uint8_t *p, unsigned n,
                   unsigned kind, unsigned lvl)
{
	if (lvl > MAX_LAYERS)
		return 0;
	if (!kind && !f->ethertype)
		f->ethertype = (uint16_t)type;
	int r;
	switch (type) {
	case ET_IPV4:
		return net_ip4(f, p, n, kind, lvl);
	case ET_IPV6:
		return net_ip6(f, p, n, kind, lvl);
	case ET_ARP:
		if (!kind && !f->net)
			decode_arp(f, p, n);
		return 0;
	case ET_MPLS:
	case ET_MPLS_MC:
		r = l2_mpls(f, p, n, kind, lvl);
		break;
	case ET_PPPOE_S:
		r = l2_pppoe(f, p, n, kind, lvl);
		break;
	case ET_NSH:
		r = l2_nsh(f, p, n, kind, lvl);
		break;
	default:
		r = 0;
		break;
	}
	if (!r && !kind && !f->net)
		f->net = NET_OTHER;
	return r;
}

/* Network Service Header (RFC 8300): its length in words, then IP or
 * Ethernet as the next-protocol field says. */
static int l2_nsh(struct facts *f, const uint8_t *p, unsigned n, unsigned kind,
                  unsigned lvl)
{
	if (n < 8 || p[0] >> 6 != 0)
		return 0;
	unsigned o = (unsigned)(p[1] & 0x3f) * 4;
	if (o > n)
		return 0;
	switch (p[3]) {
	case 1: return net_ip4(f, p + o, n - o, kind, lvl + 1);
	case 2: return net_ip6(f, p + o, n - o, kind, lvl + 1);
	case 3: return l2_ether(f, p + o, n - o, 0, kind, lvl + 1);
	}
	return 0;
}

/* Ethernet, with tag bytes (switch tags) between the source address and
 * the type, an unencrypted MACsec SecTAG, VLAN tags, Arista timestamp
 * headers, and 802.3 frames carrying LLC. */
static int l2_ether(struct facts *f, const uint8_t *p, unsigned n, unsigned tag,
                    unsigned kind, unsigned lvl)
{
	if (lvl > MAX_LAYERS || n < 14 + tag)
		return 0;
	int top = !kind && !f->has_mac;
	if (top) {
		f->has_mac = 1;
		memcpy(f->dmac, p, 6);
		memcpy(f->smac, p + 6, 6);
	}
	unsigned o = 12 + tag, type = be16(p + o);
	o += 2;
	if (type == ET_MACSEC) { /* MACsec: only integrity-protected frames are readable */
		if (n - o < 6)
			return 0;
		unsigned tci = p[o], sl = p[o + 1], st = tci & 0x20 ? 14 : 6;
		if ((sl & ~0x3fu) || (tci & 0x8c) || n - o < st)
			return 0;
		o += st;
		if (sl) { /* a short frame: its length, then the ICV */
			if (n - o < sl + 16)
				return 0;
			n = o + sl;
		} else {
			if (n - o < 16)
				return 0;
			n -= 16; /* the ICV */
		}
		if (n - o < 2)
			return 0;
		type = be16(p + o);
		o += 2;
	}
	unsigned tags = 0;
	for (unsigned rounds = 0;; rounds++) {
		while (ethertype_is_vlan(type)) {
			if (++tags > 8 || n - o < 4)
				return 0;
			if (top) {
				if (f->nvlan < 2)
					f->vlan[f->nvlan] = (uint16_t)(be16(p + o) & 0xfff);
				if (!f->nvlan) {
					f->vlan_tci = (uint16_t)be16(p + o);
					f->vlan_tpid = (uint16_t)type;
				}
				f->nvlan++;
			}
			type = be16(p + o + 2);
			o += 4;
		}
		if (type != ET_ARISTA || rounds >= 4)
			break;
		/* Arista: a timestamp subheader, then another type */
		if (n - o < 4 || be16(p + o) != 1)
			return 0;
		unsigned used = p[o + 3] >> 4 == 1 ? 12 : p[o + 3] >> 4 == 2 ? 10 : 0;
		if (!used || n - o < used + 2)
			return 0;
		type = be16(p + o + used);
		o += used + 2;
	}
	if (type <= 1500 || type == ET_JUMBO) { /* 802.3 length (or jumbo): LLC */
		unsigned m = n - o;
		if (type <= 1500 && type < m)
			m = type;
		int r = l2_llc(f, p + o, m, kind, lvl + 1);
		if (top) {
			f->llc = 1;
			if (!r && !f->net)
				f->net = NET_OTHER;
		}
		return r;
	}
	return l3_type(f, type, p + o, n - o, kind, lvl + 1);
}

/* Linux cooked headers' protocol field: an ethertype, 802.2 (4), VLAN. */
static int l2_sll(struct facts *f, unsigned type, const uint8_t *p, unsigned n,
                  unsigned lvl)
{
	for (unsigned k = 0; type == ET_8021Q; k++) {
		if (k >= 8 || n < 4)
			return 0;
		type = be16(p + 2);
		if (type <= 1500)
			type = 4;
		p += 4;
		n -= 4;
	}
	if (type == 4)
		return l2_llc(f, p, n, 0, lvl + 1);
	if (type <= 1500)
		return 0;
	return l3_type(f, type, p, n, 0, lvl + 1);
}

/* The ethertypes tcpdump has a printer for (a Frame Relay frame whose
 * first two bytes are one of these is Cisco-style). */
static int ether_known(unsigned t)
{
	switch (t) {
	case ET_IPV4: case ET_IPV6: case ET_ARP: case ET_RARP: case ET_LOOPBACK:
	case ET_AARP: case ET_MPLS: case ET_MPLS_MC: case ET_PTP: case ET_EAPOL:
	case ET_SLOW: case ET_LLDP: case ET_NLB: case ET_IPX: case ET_CALM_FAST:
	case ET_NSH: case ET_PPPOE_D: case ET_PPPOE_S: case ET_OSI:
		return 1;
	}
	return 0;
}

/* Frame Relay: the Q.922 address, then a Cisco-style ethertype or the
 * RFC 2427 NLPID encapsulation. */
static int l2_fr(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 2 || (p[0] & 1))
		return 0;
	unsigned al = 2, dlci = (unsigned)(p[0] & 0xfc) << 2 | p[1] >> 4;
	if (!(p[1] & 1)) {
		if (n < 3)
			return 0;
		al = 3;
		if (!(p[2] & 1)) {
			dlci = dlci << 7 | p[2] >> 1;
			al = 4;
			if (n < 4)
				return 0;
		}
		if (!(p[al - 1] & 1))
			return 0;
		dlci = dlci << 6 | p[al - 1] >> 2;
	}
	if (n < al + 1)
		return 0;
	if (p[al] != 0x03 && dlci != 0 && n >= al + 2 && ether_known(be16(p + al)))
		return l3_type(f, be16(p + al), p + al + 2, n - al - 2, 0, lvl + 1);
	if (n < al + 2)
		return 0;
	unsigned hl = p[al + 1] == 0 ? al + 3 : al + 2;
	if (n < hl)
		return 0;
	unsigned nlpid = p[hl - 1];
	p += hl;
	n -= hl;
	switch (nlpid) {
	case 0xcc: return l3_type(f, ET_IPV4, p, n, 0, lvl + 1);
	case 0x8e: return l3_type(f, ET_IPV6, p, n, 0, lvl + 1);
	case 0x80: return l2_snap(f, p, n, 0, 0, lvl + 1);
	case 0xcf: return l2_ppp(f, p, n, 0, lvl + 1);
	}
	if (!f->net)
		f->net = NET_OTHER;
	return 0;
}

/* Cisco HDLC: address, control, an ethertype. */
static int l2_chdlc(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 4)
		return 0;
	unsigned type = be16(p + 2);
	if (type == ET_IPV4 || type == ET_IPV6 || type == ET_MPLS || type == ET_MPLS_MC)
		return l3_type(f, type, p + 4, n - 4, 0, lvl + 1);
	f->ethertype = (uint16_t)type;
	f->net = NET_OTHER;
	return 0;
}

static int l2_family(struct facts *f, uint32_t fam, const uint8_t *p, unsigned n,
                     unsigned lvl)
{
	if (fam == 2)
		return l3_type(f, ET_IPV4, p, n, 0, lvl + 1);
	if (fam == 10 || fam == 24 || fam == 28 || fam == 30)
		return l3_type(f, ET_IPV6, p, n, 0, lvl + 1);
	f->net = NET_OTHER;
	return 0;
}

static int l2_raw(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 1)
		return 0;
	if (p[0] >> 4 == 4)
		return l3_type(f, ET_IPV4, p, n, 0, lvl + 1);
	if (p[0] >> 4 == 6)
		return l3_type(f, ET_IPV6, p, n, 0, lvl + 1);
	f->net = NET_OTHER;
	return 0;
}

static inline uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Netfilter NFLOG: a family, then TLVs (host byte order: little-endian, as
 * tcpdump reads them) of which type 9 holds the packet. */
static int l2_nflog(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 4)
		return 0;
	unsigned off = 4;
	for (unsigned k = 0; off < n; k++) {
		if (k >= 256 || n - off < 4)
			return 0;
		unsigned size = (unsigned)p[off] | (unsigned)p[off + 1] << 8;
		unsigned type = (unsigned)p[off + 2] | (unsigned)p[off + 3] << 8;
		unsigned padded = (size + 3) & ~3u;
		if (size == 0 || padded > n - off)
			return 0;
		if (type == 9) {
			off += 4;
			break;
		}
		off += padded;
	}
	if (p[0] == 2)
		return l3_type(f, ET_IPV4, p + off, n - off, 0, lvl + 1);
	if (p[0] == 10)
		return l3_type(f, ET_IPV6, p + off, n - off, 0, lvl + 1);
	f->net = NET_OTHER;
	return 0;
}

static int l2_link(struct facts *f, unsigned dlt, const uint8_t *p, unsigned n,
                   unsigned lvl);

/* Apple's pktap: a little-endian header naming the link type that follows. */
static int l2_pktap(struct facts *f, const uint8_t *p, unsigned n, unsigned lvl)
{
	if (n < 108)
		return 0;
	uint32_t hl = le32(p);
	if (hl < 108 || hl > n || le32(p + 4) != 1)
		return 0;
	return l2_link(f, le32(p + 8), p + hl, n - hl, lvl + 1);
}

static int l2_link(struct facts *f, unsigned dlt, const uint8_t *p, unsigned n,
                   unsigned lvl)
{
	if (lvl > MAX_LAYERS)
		return 0;
	switch (dlt) {
	case 1: /* EN10MB */
		return l2_ether(f, p, n, 0, 0, lvl + 1);
	case 0: /* NULL: host byte order family */
		if (n < 4)
			return 0;
		{
			uint32_t fam = le32(p);
			if (fam & 0xffff0000u)
				fam = be32(p);
			return l2_family(f, fam, p + 4, n - 4, lvl);
		}
	case 108: /* LOOP: network byte order */
		return n >= 4 && l2_family(f, be32(p), p + 4, n - 4, lvl);
	/* RAW; and IPV4, IPV6 too: read by the version nibble, as tcpdump
	 * 4.99.3 reads them */
	case 12: case 14: case 101: case 228: case 229:
		return l2_raw(f, p, n, lvl);
	case 113: /* LINUX_SLL */
		return n >= 16 && l2_sll(f, be16(p + 14), p + 16, n - 16, lvl);
	case 276: /* LINUX_SLL2 */
		return n >= 20 && l2_sll(f, be16(p), p + 20, n - 20, lvl);
	case 9: /* PPP */
		return n >= 4 && l2_ppp(f, p, n, 0, lvl + 1);
	case 50: /* PPP_SERIAL: PPP in HDLC framing, or Cisco HDLC */
		if (n < 2)
			return 0;
		if (p[0] == 0x0f || p[0] == 0x8f)
			return l2_chdlc(f, p, n, lvl);
		if (n < 4 || p[0] != 0xff)
			return 0;
		return ppp_proto(f, be16(p + 2), p + 4, n - 4, 0, lvl);
	case 104: /* C_HDLC */
		return l2_chdlc(f, p, n, lvl);
	case 178: /* JUNIPER_ETHER: "MGC", flags, extensions, then Ethernet (or raw IP) */
		if (n < 4 || p[0] != 'M' || p[1] != 'G' || p[2] != 'C')
			return 0;
		{
			unsigned h = 4;
			if (p[3] & 0x80) { /* extension TLVs */
				if (n < 6)
					return 0;
				h = 6 + be16(p + 4);
			}
			if (p[3] & 0x02) /* no layer 2 header: a 4-byte word, then IP */
				return n >= h + 4 && l2_raw(f, p + h + 4, n - h - 4, lvl);
			return n >= h && l2_ether(f, p + h, n - h, 0, 0, lvl + 1);
		}
	case 107: /* FRELAY */
		return n >= 4 && l2_fr(f, p, n, lvl);
	case 182: /* MFR: fragments carrying Frame Relay */
		if (n < 4 || ((p[0] & 0xe0) == 0xe0 && p[1] == 0))
			return 0;
		if ((p[0] & 0xe0) == 0xc0 || (p[0] & 0xe0) == 0x80)
			return l2_fr(f, p + 2, n - 2, lvl);
		return 0;
	case 11: /* ATM_RFC1483: LLC, maybe after an 802.6 MAC header */
		if (n < 3 || p[0] == 0x03)
			return 0;
		{
			unsigned llc = (unsigned)p[0] << 16 | be16(p + 1);
			if (llc != 0xaaaa03 && llc != 0xfefe03 && llc != 0x060603) {
				if (n < 20)
					return 0;
				p += 20;
				n -= 20;
			}
		}
		return l2_llc(f, p, n, 0, lvl + 1);
	case 19: /* ATM_CLIP: LLC/SNAP, or bare IPv4 */
		if (n < 6)
			return 0;
		if (p[0] == 0xaa && p[1] == 0xaa && p[2] == 0x03 && !p[3] && !p[4] && !p[5])
			return l2_llc(f, p, n, 0, lvl + 1);
		return l3_type(f, ET_IPV4, p, n, 0, lvl + 1);
	case 8: /* SLIP: a 16-byte header */
		if (n < 17)
			return 0;
		return l2_raw(f, p + 16, n - 16, lvl);
	case 226: /* IPNET */
		if (n < 24)
			return 0;
		if (p[1] == 2)
			return l3_type(f, ET_IPV4, p + 24, n - 24, 0, lvl + 1);
		if (p[1] == 26)
			return l3_type(f, ET_IPV6, p + 24, n - 24, 0, lvl + 1);
		f->net = NET_OTHER;
		return 0;
	case 239: /* NFLOG */
		return l2_nflog(f, p, n, lvl);
	case 242: /* IPOIB */
		return n >= 44 && l3_type(f, be16(p + 40), p + 44, n - 44, 0, lvl + 1);
	case 149: case 258: /* PKTAP */
		return l2_pktap(f, p, n, lvl);
	case 281: /* DSA_TAG_BRCM */
		return l2_ether(f, p, n, 4, 0, lvl + 1);
	case 282: /* DSA_TAG_BRCM_PREPEND */
		return n >= 4 && l2_ether(f, p + 4, n - 4, 0, 0, lvl + 1);
	case 284: /* DSA_TAG_DSA */
		return l2_ether(f, p, n, 4, 0, lvl + 1);
	case 285: /* DSA_TAG_EDSA */
		return l2_ether(f, p, n, 8, 0, lvl + 1);
	}
	return 0;
}

static void decode_(struct facts *f, int dlt, const uint8_t *p, unsigned caplen,
                    unsigned len, int lite)
{
	memset(f, 0, offsetof(struct facts, dns));
	f->lite = (uint8_t)lite;
	f->dlt = dlt;
	f->caplen = caplen;
	f->len = len;
	if (dlt >= 0)
		l2_link(f, (unsigned)dlt, p, caplen, 0);
}

void decode_packet(struct facts *f, int dlt, const uint8_t *p, unsigned caplen,
                   unsigned len)
{
	decode_(f, dlt, p, caplen, len, 0);
}

void decode_packet_lite(struct facts *f, int dlt, const uint8_t *p, unsigned caplen,
                        unsigned len)
{
	decode_(f, dlt, p, caplen, len, 1);
}

/* ---- names ------------------------------------------------------------ */

const char *an_ethertype_name(unsigned type)
{
	return ethertype_report_name(type);
}

const char *an_dnstype_name(unsigned type)
{
	switch (type) {
	case 1: return "A";
	case 2: return "NS";
	case 5: return "CNAME";
	case 6: return "SOA";
	case 12: return "PTR";
	case 15: return "MX";
	case 16: return "TXT";
	case 28: return "AAAA";
	case 33: return "SRV";
	case 35: return "NAPTR";
	case 41: return "OPT";
	case 43: return "DS";
	case 46: return "RRSIG";
	case 47: return "NSEC";
	case 48: return "DNSKEY";
	case 64: return "SVCB";
	case 65: return "HTTPS";
	case 252: return "AXFR";
	case 255: return "ANY";
	default: return NULL;
	}
}

const char *an_port_app(unsigned proto, unsigned port)
{
	if (proto == 6) {
		switch (port) {
		case 20: return "ftp-data";
		case 21: return "ftp";
		case 22: return "ssh";
		case 23: return "telnet";
		case 25: case 587: return "smtp";
		case 53: return "dns";
		case 80: case 8080: return "http";
		case 110: return "pop3";
		case 111: return "sunrpc";
		case 119: return "nntp";
		case 135: return "msrpc";
		case 139: return "netbios-ssn";
		case 143: return "imap";
		case 179: return "bgp";
		case 389: return "ldap";
		case 443: return "https";
		case 445: return "smb";
		case 993: return "imaps";
		case 995: return "pop3s";
		case 1433: return "mssql";
		case 3306: return "mysql";
		case 3389: return "rdp";
		case 5432: return "postgresql";
		case 5900: return "vnc";
		case 6379: return "redis";
		}
		if (port >= 6660 && port <= 6669)
			return "irc";
		return NULL;
	}
	switch (port) {
	case 53: return "dns";
	case 67: case 68: return "dhcp";
	case 69: return "tftp";
	case 123: return "ntp";
	case 137: return "netbios-ns";
	case 138: return "netbios-dgm";
	case 161: case 162: return "snmp";
	case 443: return "quic";
	case 500: case 4500: return "isakmp";
	case 514: return "syslog";
	case 546: case 547: return "dhcpv6";
	case 1900: return "ssdp";
	case 5353: return "mdns";
	case 5355: return "llmnr";
	}
	return NULL;
}

const char *an_app_name(const struct facts *f)
{
	switch (f->app) {
	case APP_DNS:
		if (f->sport == 53 || f->dport == 53)
			return "dns";
		return f->sport == 5353 || f->dport == 5353 ? "mdns" :
		       f->sport == 5355 || f->dport == 5355 ? "llmnr" : "dns";
	case APP_HTTP_REQ:
	case APP_HTTP_RESP:
		return "http";
	case APP_TLS:
		return f->sport == 443 || f->dport == 443 ? "https" : "tls";
	}
	return an_ports_app(f);
}

const char *an_ports_app(const struct facts *f)
{
	if (!f->has_ports)
		return NULL;
	unsigned lo = f->sport < f->dport ? f->sport : f->dport;
	unsigned hi = f->sport < f->dport ? f->dport : f->sport;
	const char *n = an_port_app(f->proto, lo);
	return n ? n : an_port_app(f->proto, hi);
}
