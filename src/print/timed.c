/* timed.c - the BSD time synchronisation protocol (TSP) of timed, UDP
 * port 525: type, version, sequence, a time or hop count, a host name. */
#include "print.h"

static const char *const tsp_names[] = {
	"TSP_ANY", "TSP_ADJTIME", "TSP_ACK", "TSP_MASTERREQ", "TSP_MASTERACK",
	"TSP_SETTIME", "TSP_MASTERUP", "TSP_SLAVEUP", "TSP_ELECTION",
	"TSP_ACCEPT", "TSP_REFUSE", "TSP_CONFLICT", "TSP_RESOLVE", "TSP_QUIT",
	"TSP_DATE", "TSP_DATEREQ", "TSP_DATEACK", "TSP_TRACEON",
	"TSP_TRACEOFF", "TSP_MSITE", "TSP_MSITEREQ", "TSP_TEST",
	"TSP_SETDATE", "TSP_SETDATEREQ", "TSP_LOOP",
};

void timed_print(nd_t *nd, const uint8_t *p, unsigned len,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)len, (void)ip, (void)sport, (void)dport;
	nd_proto(nd, "timed");
	unsigned type = nd_u8(nd, p);
	if (type < sizeof(tsp_names) / sizeof(tsp_names[0]))
		nd_s(nd, tsp_names[type]);
	else
		nd_printf(nd, "(tsp_type %#x)", type);
	nd_printf(nd, " vers %u", nd_u8(nd, p + 1));
	nd_printf(nd, " seq %u", nd_be16(nd, p + 2));
	if (type == 24) {
		nd_printf(nd, " hopcnt %u", nd_u8(nd, p + 4));
	} else if (type == 5 || type == 1 || type == 22 || type == 23) {
		int32_t sec = (int32_t)nd_be32(nd, p + 4);
		int32_t usec = (int32_t)nd_be32(nd, p + 8);
		if (usec < 0 || usec >= 1000000)
			return;
		nd_s(nd, " time ");
		if (sec < 0 && usec != 0) {
			sec++;
			if (sec == 0)
				nd_c(nd, '-');
			usec = 1000000 - usec;
		}
		nd_printf(nd, "%d.%06d", sec, usec);
	}
	nd_s(nd, " name ");
	const uint8_t *s = p + 12;
	for (unsigned i = 0; i < 256; i++) {
		uint8_t c = nd_u8(nd, s + i);
		if (c == 0)
			break;
		nd_print_char(nd, c);
	}
}
