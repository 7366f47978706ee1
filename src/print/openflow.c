/* openflow.c - OpenFlow over TCP ports 6633 and 6653: the message loop and
 * the common header (version, type, length, xid).  Message bodies are
 * printed, with -v, by the version's printer (of10.c, of13.c; partly). */
#include "print.h"

static const char *const of10_types[] = {
	"HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "VENDOR",
	"FEATURES_REQUEST", "FEATURES_REPLY", "GET_CONFIG_REQUEST",
	"GET_CONFIG_REPLY", "SET_CONFIG", "PACKET_IN", "FLOW_REMOVED",
	"PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "PORT_MOD", "STATS_REQUEST",
	"STATS_REPLY", "BARRIER_REQUEST", "BARRIER_REPLY",
	"QUEUE_GET_CONFIG_REQUEST", "QUEUE_GET_CONFIG_REPLY",
};

static const char *const of13_types[] = {
	"HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "EXPERIMENTER",
	"FEATURES_REQUEST", "FEATURES_REPLY", "GET_CONFIG_REQUEST",
	"GET_CONFIG_REPLY", "SET_CONFIG", "PACKET_IN", "FLOW_REMOVED",
	"PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "GROUP_MOD", "PORT_MOD",
	"TABLE_MOD", "MULTIPART_REQUEST", "MULTIPART_REPLY", "BARRIER_REQUEST",
	"BARRIER_REPLY", "QUEUE_GET_CONFIG_REQUEST", "QUEUE_GET_CONFIG_REPLY",
	"ROLE_REQUEST", "ROLE_REPLY", "GET_ASYNC_REQUEST", "GET_ASYNC_REPLY",
	"SET_ASYNC", "METER_MOD",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* One message; returns the bytes it took, 0 to stop. */
static unsigned msg_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	unsigned ver = nd_u8(nd, p);
	nd_s(nd, "\n\tversion ");
	if (ver == 1)
		nd_s(nd, "1.0");
	else if (ver == 4)
		nd_s(nd, "1.3");
	else {
		nd_s(nd, "unknown (0x");
		out_x2(nd->out, ver);
		nd_c(nd, ')');
	}
	if (len < 2)
		goto end;
	unsigned type = nd_u8(nd, p + 1);
	const char *tn = NULL;
	if (ver == 1 && type < N(of10_types))
		tn = of10_types[type];
	else if (ver == 4 && type < N(of13_types))
		tn = of13_types[type];
	if (tn) {
		nd_s(nd, ", type ");
		nd_s(nd, tn);
	} else {
		nd_s(nd, ", type unknown (0x");
		out_x2(nd->out, type);
		nd_c(nd, ')');
	}
	if (len < 4)
		goto end;
	unsigned mlen = nd_be16(nd, p + 2);
	nd_s(nd, ", length ");
	nd_u(nd, mlen);
	if (mlen < 8)
		nd_s(nd, " (too short!)");
	if (len < 8)
		goto end;
	{
		unsigned v0 = nd_be32(nd, p + 4);
		nd_s(nd, ", xid 0x");
		out_x(nd->out, v0, 8);
	}
	if (mlen < 8) {
		nd_s(nd, " (invalid)");
		return 0;
	}
	if (ver == 1 && tn && !of10_len_ok(type, mlen)) {
		nd_s(nd, " (invalid)");
	} else if (ver == 1 && tn && nd->opt->vflag) {
		const uint8_t *save = nd_narrow(nd, p, mlen);
		of10_body_print(nd, p, type, mlen);
		nd->end = save;
	} else if (ver == 4 && tn && nd->opt->vflag) {
		const uint8_t *save = nd_narrow(nd, p, mlen);
		of13_body_print(nd, p, type, mlen);
		nd->end = save;
	}
	nd_need(nd, p, mlen);
	return mlen;
end:
	nd_s(nd, " (end of TCP payload)");
	return 0;
}

void openflow_print(nd_t *nd, const uint8_t *p, unsigned len,
                    const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip, (void)sport, (void)dport;
	nd_proto(nd, "openflow");
	nd_s(nd, ": OpenFlow");
	while (len > 0) {
		unsigned n = msg_print(nd, p, len);
		if (n == 0 || n > len)
			return;
		p += n;
		len -= n;
	}
}
