/* decode_test.c - unit tests for the analyzer's decoder (src/analyze/
 * decode.c) on packets built here byte by byte: Ethernet, VLAN tags (one,
 * two, priority bits), IPv4 (options, flags, a bad header length), IPv6
 * (extension headers), TCP, UDP, ICMP and ICMPv6 echo, ARP, raw IP, DNS and
 * HTTP, captures cut at every layer, and fragments of both IP versions.
 * Every fact is compared with its exact value.  Prints one line per failure
 * and ends with "decode: N passed, N failed". */
#include <stdio.h>
#include <string.h>

#include "../../src/analyze/decode.h"

static int passed, failed;

#define CHECK(cond) do { if (cond) passed++; else { failed++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

/* ---- building packets ------------------------------------------------- */

static uint8_t pkt[2048];
static unsigned plen;

static void put(const void *b, unsigned n) { memcpy(pkt + plen, b, n); plen += n; }
static void put8(unsigned v) { pkt[plen++] = (uint8_t)v; }
static void put16(unsigned v) { put8(v >> 8); put8(v); }
static void put32(uint32_t v) { put16(v >> 16); put16(v & 0xffff); }

static const uint8_t DMAC[6] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const uint8_t SMAC[6] = { 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb };
static const uint8_t A4[4] = { 192, 0, 2, 1 }, B4[4] = { 198, 51, 100, 7 };
static const uint8_t A6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const uint8_t B6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xbe, 0xef };

static void eth(unsigned type)
{
	plen = 0;
	put(DMAC, 6);
	put(SMAC, 6);
	put16(type);
}

/* an IPv4 header of ihl words (options: NOPs then end-of-list padding,
 * unless opts is given), total length tot, fragment field fo */
static unsigned ip4_at;
static void ip4(unsigned ihl, unsigned tot, unsigned id, unsigned fo, unsigned ttl,
                unsigned proto, const uint8_t *opts, unsigned optlen)
{
	ip4_at = plen;
	put8(0x40 | ihl);
	put8(0x28); /* TOS */
	put16(tot);
	put16(id);
	put16(fo);
	put8(ttl);
	put8(proto);
	put16(0); /* checksum: the decoder does not check it */
	put(A4, 4);
	put(B4, 4);
	unsigned room = ihl * 4 - 20;
	if (opts)
		put(opts, optlen);
	for (unsigned i = opts ? optlen : 0; i < room; i++)
		put8(0);
}

static void ip6(unsigned pl, unsigned nh, unsigned hlim)
{
	put32(0x6a0abcde); /* version 6, class 0xa0, flow 0xabcde */
	put16(pl);
	put8(nh);
	put8(hlim);
	put(A6, 16);
	put(B6, 16);
}

static void tcp(unsigned sp, unsigned dp, uint32_t seq, uint32_t ack, unsigned flags,
                unsigned win, unsigned optwords)
{
	put16(sp);
	put16(dp);
	put32(seq);
	put32(ack);
	put8((5 + optwords) << 4);
	put8(flags);
	put16(win);
	put16(0);
	put16(0);
	for (unsigned i = 0; i < optwords; i++)
		put32(0x01010101); /* NOPs */
}

static void udp(unsigned sp, unsigned dp, unsigned ulen)
{
	put16(sp);
	put16(dp);
	put16(ulen);
	put16(0);
}

static struct facts f;

static void dec(int dlt, unsigned caplen)
{
	memset(&f, 0xa5, sizeof f); /* the decoder must clear what it leaves */
	decode_packet(&f, dlt, pkt, caplen, plen);
}

/* ---- the tests -------------------------------------------------------- */

static void test_ip4_tcp(void)
{
	eth(0x0800);
	ip4(5, 20 + 24 + 5, 0x1234, 0x4000, 64, 6, NULL, 0);
	tcp(40000, 80, 0x01020304, 0xa0b0c0d0, TH_SYN | TH_ACK, 29200, 1);
	put("hello", 5);
	dec(1, plen);
	CHECK(f.dlt == 1 && f.caplen == plen && f.len == plen);
	CHECK(f.has_mac && !memcmp(f.dmac, DMAC, 6) && !memcmp(f.smac, SMAC, 6));
	CHECK(f.ethertype == 0x0800 && f.nvlan == 0 && !f.llc && f.tunnel == 0);
	CHECK(f.net == NET_IP4 && f.addr_len == 4);
	CHECK(!memcmp(f.src, A4, 4) && !memcmp(f.dst, B4, 4));
	CHECK(f.proto == 6 && f.ttl == 64 && f.ip_id == 0x1234 && f.tos == 0x28);
	CHECK(f.ip_flags == IPF_DF && !f.more_frags && !f.frag && !f.is_frag);
	CHECK(f.ip_len == 49 && f.ip_opts == 0);
	CHECK(f.has_ports && f.has_tcp && !f.has_icmp);
	CHECK(f.sport == 40000 && f.dport == 80);
	CHECK(f.seq == 0x01020304 && f.ack == 0xa0b0c0d0);
	CHECK(f.tcp_flags == (TH_SYN | TH_ACK) && f.win == 29200);
	CHECK(f.payload_len == 5 && f.payload.len == 5 && f.payload.p == pkt + 14 + 20 + 24);
	CHECK(f.app == APP_NONE);

	/* the wire length counts, the capture only what is there */
	dec(1, plen - 2);
	CHECK(f.has_tcp && f.payload_len == 5 && f.payload.len == 3);
	/* cut inside the TCP header: addresses yes, ports no */
	dec(1, 14 + 20 + 19);
	CHECK(f.net == NET_IP4 && f.proto == 6 && !f.has_ports && !f.has_tcp && f.sport == 0);
	CHECK(f.payload_len == 0 && f.payload.p == NULL);
	/* cut inside the IPv4 header: Ethernet only */
	dec(1, 14 + 19);
	CHECK(f.has_mac && f.ethertype == 0x0800 && f.net == NET_NONE && f.addr_len == 0 && f.proto == 0);
	/* cut inside the Ethernet header: nothing */
	dec(1, 13);
	CHECK(!f.has_mac && f.ethertype == 0 && f.net == NET_NONE);
	/* a TCP data offset below 5 words: ports, no payload */
	pkt[14 + 20 + 12] = 0x40;
	dec(1, plen);
	CHECK(f.has_tcp && f.sport == 40000 && f.payload_len == 0 && f.payload.len == 0);
	/* an IPv4 header length below 20 bytes is not decoded, as if cut */
	pkt[14] = 0x44;
	dec(1, plen);
	CHECK(f.ethertype == 0x0800 && f.net == NET_NONE && f.addr_len == 0 && !f.has_ports);
	/* nor is version 5 */
	pkt[14] = 0x55;
	dec(1, plen);
	CHECK(f.net == NET_NONE && f.addr_len == 0 && f.proto == 0);
}

static void test_ip4_options(void)
{
	/* record route (7, 7 bytes), NOP, router alert (148, 4 bytes) */
	static const uint8_t opts[] = { 7, 7, 4, 0, 0, 0, 0, 1, 148, 4, 0, 0 };
	eth(0x0800);
	ip4(8, 32 + 8 + 3, 7, 0, 1, 17, opts, sizeof opts);
	udp(5353, 5353, 11);
	put("abc", 3);
	dec(1, plen);
	CHECK(f.net == NET_IP4 && f.proto == 17);
	CHECK(f.ip_opts == (1u << 7 | 1u << 1 | 1u << (148 & 31)));
	CHECK(f.has_ports && !f.has_tcp && f.sport == 5353 && f.dport == 5353);
	CHECK(f.payload_len == 3 && f.payload.len == 3 && f.payload.p == pkt + 14 + 32 + 8);
	/* options cut short by the capture: the fixed header is kept, no ports */
	dec(1, 14 + 28);
	CHECK(f.net == NET_IP4 && f.proto == 17 && f.ttl == 1 && !f.has_ports && f.ip_opts == 0);
	/* Ethernet padding after the datagram is not payload */
	put("PADPADPAD", 9);
	dec(1, plen);
	CHECK(f.payload_len == 3 && f.payload.len == 3);
}

static void test_vlan_ip6_udp(void)
{
	eth(0x8100);
	put16(0xa064); /* priority 5, VLAN 100 */
	put16(0x86dd);
	ip6(8 + 4, 17, 255);
	udp(53000, 443, 12);
	put("quic", 4);
	dec(1, plen);
	CHECK(f.ethertype == 0x86dd && f.nvlan == 1 && f.vlan[0] == 100);
	CHECK(f.vlan_tci == 0xa064 && f.vlan_tpid == 0x8100);
	CHECK(f.net == NET_IP6 && f.addr_len == 16);
	CHECK(!memcmp(f.src, A6, 16) && !memcmp(f.dst, B6, 16));
	CHECK(f.proto == 17 && f.ttl == 255 && f.tos == 0xa0 && f.ip_len == 52);
	CHECK(f.has_ports && f.sport == 53000 && f.dport == 443);
	CHECK(f.payload_len == 4 && f.payload.len == 4 && f.payload.p == pkt + 18 + 40 + 8);
	/* cut inside the tag: nothing past the MAC addresses */
	dec(1, 16);
	CHECK(f.has_mac && f.net == NET_NONE && f.ethertype == 0);
	/* cut inside the IPv6 header */
	dec(1, 18 + 39);
	CHECK(f.ethertype == 0x86dd && f.net == NET_NONE);
	/* cut inside UDP */
	dec(1, 18 + 40 + 7);
	CHECK(f.net == NET_IP6 && f.proto == 17 && !f.has_ports);

	/* QinQ: 802.1ad outside, 802.1Q inside; the outer tag is vlan[0] */
	eth(0x88a8);
	put16(0x0010);
	put16(0x8100);
	put16(0x2fff);
	put16(0x0800);
	ip4(5, 28, 1, 0, 9, 17, NULL, 0);
	udp(1, 2, 8);
	dec(1, plen);
	CHECK(f.nvlan == 2 && f.vlan[0] == 16 && f.vlan[1] == 0xfff);
	CHECK(f.vlan_tpid == 0x88a8 && f.vlan_tci == 0x0010);
	CHECK(f.net == NET_IP4 && f.has_ports && f.sport == 1 && f.dport == 2 && f.payload_len == 0);
}

static void test_ip6_ext(void)
{
	/* hop-by-hop (8 bytes), destination options (16 bytes), then TCP */
	eth(0x86dd);
	ip6(8 + 16 + 20, 0, 64);
	put8(60), put8(0), put16(0x0104), put32(0);
	put8(6), put8(1), put16(0x0104);
	for (int i = 0; i < 3; i++)
		put32(0);
	tcp(22, 51000, 1, 2, TH_ACK | TH_PSH, 100, 0);
	dec(1, plen);
	CHECK(f.net == NET_IP6 && f.proto == 6 && f.ip_len == 40 + 44);
	CHECK(f.has_tcp && f.sport == 22 && f.dport == 51000 && f.tcp_flags == (TH_ACK | TH_PSH));
	CHECK(f.payload_len == 0);
	/* cut inside the second extension header: its type is the protocol */
	dec(1, 14 + 40 + 8 + 4);
	CHECK(f.net == NET_IP6 && f.proto == 60 && !f.has_ports);
}

static void test_icmp(void)
{
	eth(0x0800);
	ip4(5, 20 + 8 + 4, 2, 0, 64, 1, NULL, 0);
	put8(8), put8(0), put16(0), put16(0xbeef), put16(7);
	put32(0);
	dec(1, plen);
	CHECK(f.has_icmp && !f.has_ports && f.icmp_type == 8 && f.icmp_code == 0);
	CHECK(f.has_icmp_echo && f.icmp_id == 0xbeef && f.icmp_seq == 7);
	/* a destination unreachable is no echo */
	pkt[14 + 20] = 3, pkt[14 + 20 + 1] = 1;
	dec(1, plen);
	CHECK(f.has_icmp && f.icmp_type == 3 && f.icmp_code == 1 && !f.has_icmp_echo && f.icmp_id == 0);
	/* an echo cut before its identifier: type and code only */
	pkt[14 + 20] = 0, pkt[14 + 20 + 1] = 0;
	dec(1, 14 + 20 + 6);
	CHECK(f.has_icmp && f.icmp_type == 0 && !f.has_icmp_echo);
	dec(1, 14 + 20 + 1);
	CHECK(!f.has_icmp && f.proto == 1);

	/* ICMPv6 echo reply (129); 8 (echo request in v4) is not echo in v6 */
	eth(0x86dd);
	ip6(8, 58, 64);
	put8(129), put8(0), put16(0), put16(0x0102), put16(0x0304);
	dec(1, plen);
	CHECK(f.net == NET_IP6 && f.proto == 58 && f.has_icmp && f.icmp_type == 129);
	CHECK(f.has_icmp_echo && f.icmp_id == 0x0102 && f.icmp_seq == 0x0304);
	pkt[14 + 40] = 8;
	dec(1, plen);
	CHECK(f.has_icmp && f.icmp_type == 8 && !f.has_icmp_echo);
}

static void test_arp_raw(void)
{
	eth(0x0806);
	put16(1), put16(0x0800), put8(6), put8(4), put16(2);
	put(SMAC, 6), put(A4, 4), put(DMAC, 6), put(B4, 4);
	dec(1, plen);
	CHECK(f.net == NET_ARP && f.arp_op == 2 && f.addr_len == 4);
	CHECK(!memcmp(f.src, A4, 4) && !memcmp(f.dst, B4, 4) && !f.has_ports);
	dec(1, plen - 1); /* the target address cut: the operation only */
	CHECK(f.net == NET_ARP && f.arp_op == 2 && f.addr_len == 0);

	/* raw IP (DLT_RAW 12 and LINKTYPE_RAW 101): no link header at all */
	plen = 0;
	ip4(5, 28, 3, 0, 5, 17, NULL, 0);
	udp(123, 123, 8);
	for (int dlt = 12; dlt <= 101; dlt += 89) {
		dec(dlt, plen);
		CHECK(f.dlt == dlt && !f.has_mac && f.net == NET_IP4 && f.has_ports && f.sport == 123);
	}
	plen = 0;
	ip6(8, 17, 1);
	udp(546, 547, 8);
	dec(12, plen); /* DLT_RAW reads the version nibble */
	CHECK(f.net == NET_IP6 && f.has_ports && f.dport == 547);
	dec(229, plen); /* DLT_IPV6 */
	CHECK(f.net == NET_IP6 && f.has_ports && f.dport == 547);
}

static void test_frag4(void)
{
	/* the first fragment: MF, offset 0; its UDP header is decoded */
	eth(0x0800);
	ip4(5, 20 + 8 + 16, 0x4242, 0x2000, 64, 17, NULL, 0);
	udp(1000, 2000, 8 + 40);
	for (int i = 0; i < 16; i++)
		put8(i);
	dec(1, plen);
	CHECK(f.is_frag && !f.frag && f.more_frags && f.ip_flags == IPF_MF);
	CHECK(f.frag_proto == 17 && f.frag_off == 0 && f.frag_id == 0x4242);
	CHECK(f.frag_len == 24 && f.frag_data.len == 24 && f.frag_data.p == pkt + 34);
	CHECK(f.has_ports && f.sport == 1000 && f.dport == 2000);
	CHECK(f.payload_len == 40 && f.payload.len == 16); /* UDP's own length: the datagram's */

	/* a later fragment (offset 3 units = 24 bytes, the last): no ports */
	eth(0x0800);
	ip4(5, 20 + 24, 0x4242, 3, 64, 17, NULL, 0);
	for (int i = 0; i < 24; i++)
		put8(16 + i);
	dec(1, plen);
	CHECK(f.is_frag && f.frag && !f.more_frags && f.frag_off == 3 && f.frag_id == 0x4242);
	CHECK(f.frag_len == 24 && f.frag_data.len == 24 && f.frag_data.p == pkt + 34);
	CHECK(f.proto == 17 && !f.has_ports && f.sport == 0 && f.payload_len == 0);
	/* captured short: frag_len as the header says, frag_data as captured */
	dec(1, plen - 10);
	CHECK(f.frag && f.frag_len == 24 && f.frag_data.len == 14);

	/* decode_datagram on the reassembled datagram: the transport anew */
	uint8_t dg[48];
	memcpy(dg, "\x03\xe8\x07\xd0\x00\x30\x00\x00", 8);
	for (int i = 0; i < 40; i++)
		dg[8 + i] = (uint8_t)i;
	decode_datagram(&f, 17, dg, sizeof dg);
	CHECK(!f.is_frag && !f.frag && f.frag_data.p == NULL && f.frag_data.len == 0);
	CHECK(f.net == NET_IP4 && !memcmp(f.src, A4, 4)); /* the network facts stay */
	CHECK(f.has_ports && f.sport == 1000 && f.dport == 2000 && f.payload_len == 40 &&
	      f.payload.len == 40 && f.payload.p == dg + 8);
}

static void test_frag6(void)
{
	/* a first fragment: fragment header (next 6, offset 0, M), then TCP */
	eth(0x86dd);
	ip6(8 + 20 + 4, 44, 64);
	put8(6), put8(0), put16(0x0001), put32(0xcafef00d);
	tcp(443, 50000, 9, 10, TH_ACK, 1, 0);
	put("abcd", 4);
	dec(1, plen);
	CHECK(f.is_frag && !f.frag && f.more_frags && f.frag_proto == 6 && f.frag_off == 0);
	CHECK(f.frag_id == 0xcafef00d && f.frag_len == 24 && f.frag_data.len == 24);
	CHECK(f.frag_data.p == pkt + 14 + 48);
	CHECK(f.proto == 6 && f.has_tcp && f.sport == 443 && f.payload_len == 4);

	/* a later one: offset 100 units of 8 bytes, no M */
	eth(0x86dd);
	ip6(8 + 16, 44, 64);
	put8(6), put8(0), put16(100 << 3), put32(0xcafef00d);
	for (int i = 0; i < 16; i++)
		put8(i);
	dec(1, plen);
	CHECK(f.is_frag && f.frag && !f.more_frags && f.frag_off == 100 && f.frag_proto == 6);
	CHECK(f.frag_len == 16 && f.frag_data.len == 16 && f.proto == 6 && !f.has_tcp);
	/* an atomic fragment (offset 0, no M) is not a fragment */
	pkt[14 + 40 + 2] = 0, pkt[14 + 40 + 3] = 0;
	dec(1, plen);
	CHECK(!f.is_frag && !f.frag && f.proto == 6);
}

static void test_apps(void)
{
	/* a DNS query: example.org AAAA */
	static const uint8_t q[] = { 0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
		7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'o', 'r', 'g', 0, 0, 28, 0, 1 };
	eth(0x0800);
	ip4(5, 20 + 8 + sizeof q, 5, 0, 64, 17, NULL, 0);
	udp(33333, 53, 8 + sizeof q);
	put(q, sizeof q);
	dec(1, plen);
	CHECK(f.app == APP_DNS && f.dns.id == 0x1234 && f.dns.flags == 0x0100);
	CHECK(f.dns.qdcount == 1 && f.dns.ancount == 0 && f.dns.has_question);
	CHECK(f.dns.qtype == 28 && f.dns.qclass == 1 && !f.dns.truncated);
	CHECK(f.dns.qname_len == 11 && !memcmp(f.dns.qname, "example.org", 11));
	CHECK(an_app_name(&f) && !strcmp(an_app_name(&f), "dns"));
	/* the question cut inside its name */
	dec(1, plen - 10);
	CHECK(f.app == APP_DNS && f.dns.truncated && !f.dns.has_question);

	/* an HTTP request: method, URI, Host */
	static const char req[] = "GET /index.html HTTP/1.1\r\nUser-Agent: x\r\nHost: www.example.com\r\n\r\n";
	eth(0x0800);
	ip4(5, 20 + 20 + sizeof req - 1, 6, 0, 64, 6, NULL, 0);
	tcp(50001, 8080, 1, 1, TH_ACK | TH_PSH, 512, 0);
	put(req, sizeof req - 1);
	dec(1, plen);
	CHECK(f.app == APP_HTTP_REQ);
	CHECK(f.http_method.len == 3 && !memcmp(f.http_method.p, "GET", 3));
	CHECK(f.http_uri.len == 11 && !memcmp(f.http_uri.p, "/index.html", 11));
	CHECK(f.http_host.len == 15 && !memcmp(f.http_host.p, "www.example.com", 15));
	/* the lite decoder leaves the Host out */
	decode_packet_lite(&f, 1, pkt, plen, plen);
	CHECK(f.app == APP_HTTP_REQ && f.lite && f.http_host.len == 0);
}

static void test_names(void)
{
	CHECK(!strcmp(an_ethertype_name(0x0800), "IPv4"));
	CHECK(!strcmp(an_ethertype_name(0x86dd), "IPv6"));
	CHECK(an_ethertype_name(0x1234) == NULL);
	CHECK(!strcmp(an_dnstype_name(28), "AAAA"));
	CHECK(an_port_app(6, 443) && !strcmp(an_port_app(6, 443), "https"));
	CHECK(an_port_app(17, 53) && !strcmp(an_port_app(17, 53), "dns"));
	CHECK(an_port_app(6, 1) == NULL);
}

int main(void)
{
	test_ip4_tcp();
	test_ip4_options();
	test_vlan_ip6_udp();
	test_ip6_ext();
	test_icmp();
	test_arp_raw();
	test_frag4();
	test_frag6();
	test_apps();
	test_names();
	printf("decode: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
