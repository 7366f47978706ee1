/* decode.c - the analyzer's bounds-checked decoder (see decode.h).
 *
 * Every read goes through a length that was checked against the captured
 * end first; loops are bounded (VLAN tags, IPv6 extension headers, DNS
 * labels and compression pointers, TLS extensions). */
#include "decode.h"

#include <stddef.h>
#include <string.h>

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
		char tmp[DNS_NAME_MAX];
		uint16_t tl;
		int e = dns_name(m, n, (unsigned)off, tmp, &tl);
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

static void decode_l4(struct facts *f, const uint8_t *p, unsigned n, unsigned wire)
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
		}
		break;
	case 1:
	case 58:
		if (n < 2)
			return;
		f->has_icmp = 1;
		f->icmp_type = p[0];
		f->icmp_code = p[1];
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
	decode_l4(f, p, n, n);
}

static void decode_ip4(struct facts *f, const uint8_t *p, unsigned n)
{
	if (n < 20 || p[0] >> 4 != 4)
		return;
	unsigned hl = (unsigned)(p[0] & 15) * 4;
	if (hl < 20 || hl > n)
		return;
	f->net = NET_IP4;
	f->addr_len = 4;
	memcpy(f->src, p + 12, 4);
	memcpy(f->dst, p + 16, 4);
	f->proto = p[9];
	f->ttl = p[8];
	f->ip_id = (uint16_t)be16(p + 4);
	unsigned tl = be16(p + 2);
	f->ip_len = tl;
	unsigned fo = be16(p + 6);
	f->more_frags = (fo & 0x2000) != 0;
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
			return;
		}
	}
	decode_l4(f, p + hl, n - hl, tl - hl);
}

static int ip6_ext(unsigned nh)
{
	return nh == 0 || nh == 43 || nh == 44 || nh == 60 || nh == 51;
}

static void decode_ip6(struct facts *f, const uint8_t *p, unsigned n)
{
	if (n < 40 || p[0] >> 4 != 6)
		return;
	f->net = NET_IP6;
	f->addr_len = 16;
	memcpy(f->src, p + 8, 16);
	memcpy(f->dst, p + 24, 16);
	f->ttl = p[7];
	unsigned pl = be16(p + 4);
	f->ip_len = pl + 40;
	unsigned nh = p[6], o = 40;
	unsigned wire = pl;
	if (n > 40 + pl && pl)
		n = 40 + pl;
	for (unsigned k = 0; k < 8 && ip6_ext(nh); k++) {
		if (o + 8 > n) {
			f->proto = (uint8_t)nh;
			return;
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
				return;
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
		return;
	decode_l4(f, p + o, n - o, wire ? wire : n - o);
}

static void decode_arp(struct facts *f, const uint8_t *p, unsigned n)
{
	f->net = NET_ARP;
	if (n < 8)
		return;
	unsigned hln = p[4], pln = p[5];
	f->arp_op = (uint16_t)be16(p + 6);
	if (be16(p + 2) != 0x0800 || pln != 4 || n < 8 + 2 * hln + 8)
		return;
	f->addr_len = 4;
	memcpy(f->src, p + 8 + hln, 4);
	memcpy(f->dst, p + 8 + 2 * hln + 4, 4);
}

static void decode_ethertype(struct facts *f, unsigned type, const uint8_t *p, unsigned n)
{
	f->ethertype = (uint16_t)type;
	switch (type) {
	case 0x0800: decode_ip4(f, p, n); break;
	case 0x86dd: decode_ip6(f, p, n); break;
	case 0x0806: decode_arp(f, p, n); break;
	default: f->net = NET_OTHER; break;
	}
}

static void decode_ether(struct facts *f, const uint8_t *p, unsigned n)
{
	if (n < 14)
		return;
	f->has_mac = 1;
	memcpy(f->dmac, p, 6);
	memcpy(f->smac, p + 6, 6);
	unsigned type = be16(p + 12), o = 14;
	while ((type == 0x8100 || type == 0x88a8 || type == 0x9100) && o + 4 <= n) {
		if (f->nvlan < 2)
			f->vlan[f->nvlan] = (uint16_t)(be16(p + o) & 0xfff);
		if (f->nvlan < 255)
			f->nvlan++;
		type = be16(p + o + 2);
		o += 4;
		if (f->nvlan > 8)
			return;
	}
	if (type == 0x8100 || type == 0x88a8 || type == 0x9100)
		return;
	if (type <= 1500) {
		f->llc = 1;
		f->net = NET_OTHER;
		return;
	}
	decode_ethertype(f, type, p + o, n - o);
}

static void decode_family(struct facts *f, uint32_t fam, const uint8_t *p, unsigned n)
{
	if (fam == 2)
		decode_ethertype(f, 0x0800, p, n);
	else if (fam == 10 || fam == 24 || fam == 28 || fam == 30)
		decode_ethertype(f, 0x86dd, p, n);
	else
		f->net = NET_OTHER;
}

static void decode_raw(struct facts *f, const uint8_t *p, unsigned n)
{
	if (n < 1)
		return;
	if (p[0] >> 4 == 4)
		decode_ethertype(f, 0x0800, p, n);
	else if (p[0] >> 4 == 6)
		decode_ethertype(f, 0x86dd, p, n);
	else
		f->net = NET_OTHER;
}

static void decode_(struct facts *f, int dlt, const uint8_t *p, unsigned caplen,
                    unsigned len, int lite)
{
	memset(f, 0, offsetof(struct facts, dns));
	f->lite = (uint8_t)lite;
	f->dlt = dlt;
	f->caplen = caplen;
	f->len = len;
	switch (dlt) {
	case 1: /* EN10MB */
		decode_ether(f, p, caplen);
		break;
	case 0: /* NULL: host byte order family */
		if (caplen >= 4) {
			uint32_t le = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
			uint32_t fam = (le & 0xffff0000u) ? be32(p) : le;
			decode_family(f, fam, p + 4, caplen - 4);
		}
		break;
	case 108: /* LOOP: network byte order */
		if (caplen >= 4)
			decode_family(f, be32(p), p + 4, caplen - 4);
		break;
	case 12: case 14: case 101: /* RAW */
		decode_raw(f, p, caplen);
		break;
	case 228: /* IPV4 */
		decode_ethertype(f, 0x0800, p, caplen);
		break;
	case 229: /* IPV6 */
		decode_ethertype(f, 0x86dd, p, caplen);
		break;
	case 113: /* LINUX_SLL */
		if (caplen >= 16)
			decode_ethertype(f, be16(p + 14), p + 16, caplen - 16);
		break;
	case 276: /* LINUX_SLL2 */
		if (caplen >= 20)
			decode_ethertype(f, be16(p), p + 20, caplen - 20);
		break;
	default:
		break;
	}
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

const char *an_ipproto_name(unsigned proto)
{
	switch (proto) {
	case 0: return "hopopt";
	case 1: return "icmp";
	case 2: return "igmp";
	case 4: return "ipip";
	case 6: return "tcp";
	case 8: return "egp";
	case 9: return "igp";
	case 11: return "nvp";
	case 17: return "udp";
	case 41: return "ipv6";
	case 43: return "ipv6-route";
	case 44: return "ipv6-frag";
	case 46: return "rsvp";
	case 47: return "gre";
	case 50: return "esp";
	case 51: return "ah";
	case 58: return "icmp6";
	case 59: return "ipv6-nonxt";
	case 60: return "ipv6-opts";
	case 88: return "eigrp";
	case 89: return "ospf";
	case 103: return "pim";
	case 108: return "ipcomp";
	case 112: return "vrrp";
	case 115: return "l2tp";
	case 132: return "sctp";
	case 136: return "udplite";
	default: return NULL;
	}
}

const char *an_ethertype_name(unsigned type)
{
	switch (type) {
	case 0x0800: return "IPv4";
	case 0x0806: return "ARP";
	case 0x8035: return "RARP";
	case 0x86dd: return "IPv6";
	case 0x8100: return "802.1Q";
	case 0x88a8: return "802.1ad";
	case 0x8863: return "PPPoE-D";
	case 0x8864: return "PPPoE-S";
	case 0x8847: return "MPLS";
	case 0x8848: return "MPLS-mc";
	case 0x888e: return "EAPOL";
	case 0x88cc: return "LLDP";
	case 0x88e5: return "MACsec";
	case 0x88f7: return "PTP";
	case 0x9000: return "Loopback";
	default: return NULL;
	}
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
	if (!f->has_ports)
		return NULL;
	unsigned lo = f->sport < f->dport ? f->sport : f->dport;
	unsigned hi = f->sport < f->dport ? f->dport : f->sport;
	const char *n = an_port_app(f->proto, lo);
	return n ? n : an_port_app(f->proto, hi);
}
