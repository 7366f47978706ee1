/* dispatch.c - the tables that route packets to printers, built from the
 * rows of printers.def (adding a protocol: its file and one row there, see
 * docs/adding-a-printer.md).  Port rows keep tcpdump's precedence: the
 * earlier row wins when the source and destination ports both match
 * something. */
#include <pcap/dlt.h>
#include <string.h>

#include "print.h"

static const struct link_row link_rows[] = {
#define P_LINK(dlt, fn) { dlt, fn },
#include "printers.def"
};

static const struct ether_row ether_rows[] = {
#define P_ETHER(type, fn) { type, fn },
#include "printers.def"
};

static const struct ipproto_row ipproto_rows[] = {
#define P_IPPROTO(proto, fn) { proto, fn },
#include "printers.def"
};

static const struct port_row udp_rows[] = {
#define P_UDP(lo, hi, fn) { lo, hi, fn },
#include "printers.def"
};

static const struct port_row tcp_rows[] = {
#define P_TCP(lo, hi, fn) { lo, hi, fn },
#include "printers.def"
};

static const struct type_row type_rows[] = {
#define P_TYPE(name, fn, udp, tcp_fn) { name, fn, udp, tcp_fn },
#define P_TYPE_ONLY(name, udp) { name, NULL, udp, NULL },
#include "printers.def"
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
