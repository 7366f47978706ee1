/* pptp.c - PPTP control connection (RFC 2637) on TCP 1723: the header
 * and the fields of each control message type. */
#include "print.h"

#define MAGIC_COOKIE 0x1a2b3c4d

enum {
	SCCRQ = 1, SCCRP, StopCCRQ, StopCCRP, ECHORQ, ECHORP, OCRQ, OCRP,
	ICRQ, ICRP, ICCN, CCRQ, CDN, WEN, SLI,
};

static const char *const msg_names[] = {
	"NOT_DEFINED", "SCCRQ", "SCCRP", "StopCCRQ", "StopCCRP", "ECHORQ",
	"ECHORP", "OCRQ", "OCRP", "ICRQ", "ICRP", "ICCN", "CCRQ", "CDN", "WEN",
	"SLI",
};

static const char *const sccrp_results[] = {
	NULL, "Successful channel establishment", "General error",
	"Command channel already exists",
	"Requester is not authorized to establish a command channel",
	"The protocol version of the requester is not supported",
};
static const char *const echorp_results[] = { NULL, "OK", "General Error" };
static const char *const ocrp_results[] = {
	NULL, "Connected", "General Error", "No Carrier", "Busy",
	"No Dial Tone", "Time-out", "Do Not Accept",
};
static const char *const icrp_results[] = {
	NULL, "Connect", "General Error", "Do Not Accept",
};
static const char *const cdn_results[] = {
	NULL, "Lost Carrier", "General Error", "Admin Shutdown", "Request",
};
static const char *const err_names[] = {
	"None", "Not-Connected", "Bad-Format", "Bad-Value", "No-Resource",
	"Bad-Call-ID", "PAC-Error",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Up to n bytes of text, stopping at a NUL. */
static void text(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = nd_u8(nd, p + i);
		if (c == 0)
			break;
		nd_print_char(nd, c);
	}
}

static void field_text(nd_t *nd, const char *name, const uint8_t *p, unsigned n)
{
	nd_c(nd, ' ');
	nd_s(nd, name);
	nd_c(nd, '(');
	text(nd, p, n);
	nd_c(nd, ')');
}

static void u16f(nd_t *nd, const char *name, const uint8_t *p)
{
	{
		unsigned v0 = nd_be16(nd, p);
		nd_c(nd, ' ');
		nd_s(nd, name);
		nd_c(nd, '(');
		nd_u(nd, v0);
		nd_c(nd, ')');
	}
}

static void u32f(nd_t *nd, const char *name, const uint8_t *p)
{
	{
		unsigned v0 = nd_be32(nd, p);
		nd_c(nd, ' ');
		nd_s(nd, name);
		nd_c(nd, '(');
		nd_u(nd, v0);
		nd_c(nd, ')');
	}
}

/* Reserved fields must be zero; tcpdump says so when they are not. */
static void reserved(nd_t *nd, unsigned v)
{
	if (v) {
		nd_s(nd, " [ERROR: reserved=");
		nd_u(nd, v);
		nd_s(nd, " must be zero]");
	}
}

static void rsv16(nd_t *nd, const uint8_t *p)
{
	reserved(nd, nd_be16(nd, p));
}

static void result_code(nd_t *nd, const uint8_t *p, unsigned msg)
{
	unsigned v = nd_u8(nd, p);
	nd_s(nd, " RESULT_CODE(");
	nd_u(nd, v);
	if (nd->opt->vflag) {
		const char *const *tab = NULL;
		size_t n = 0;
		switch (msg) {
		case SCCRP: tab = sccrp_results; n = N(sccrp_results); break;
		case StopCCRP:
		case ECHORP: tab = echorp_results; n = N(echorp_results); break;
		case OCRP: tab = ocrp_results; n = N(ocrp_results); break;
		case ICRP: tab = icrp_results; n = N(icrp_results); break;
		case CDN: tab = cdn_results; n = N(cdn_results); break;
		}
		if (tab) {
			nd_c(nd, ':');
			nd_s(nd, v < n && tab[v] ? tab[v] : "?");
		}
	}
	nd_c(nd, ')');
}

static void err_code(nd_t *nd, const uint8_t *p)
{
	unsigned v = nd_u8(nd, p);
	nd_s(nd, " ERR_CODE(");
	nd_u(nd, v);
	if (nd->opt->vflag) {
		const char *v0 = v < N(err_names) ? err_names[v] : "?";
		nd_c(nd, ':');
		nd_s(nd, v0);
	}
	nd_c(nd, ')');
}

static void proto_ver(nd_t *nd, const uint8_t *p)
{
	{
		unsigned v0 = nd_u8(nd, p);
		unsigned v1 = nd_u8(nd, p + 1);
		nd_s(nd, " PROTO_VER(");
		nd_u(nd, v0);
		nd_c(nd, '.');
		nd_u(nd, v1);
		nd_c(nd, ')');
	}
}

static void framing_cap(nd_t *nd, const uint8_t *p)
{
	nd_s(nd, " FRAME_CAP(");
	uint32_t v = nd_be32(nd, p);
	if (v & 1)
		nd_c(nd, 'A');
	if (v & 2)
		nd_c(nd, 'S');
	nd_c(nd, ')');
}

static void bearer_cap(nd_t *nd, const uint8_t *p)
{
	uint32_t v = nd_be32(nd, p); /* read before the label, as in tcpdump */
	nd_s(nd, " BEARER_CAP(");
	if (v & 2)
		nd_c(nd, 'D');
	if (v & 1)
		nd_c(nd, 'A');
	nd_c(nd, ')');
}

static void bearer_type(nd_t *nd, const uint8_t *p)
{
	static const char *const names[] = { "?", "A", "D", "Any" };
	uint32_t v = nd_be32(nd, p);
	nd_s(nd, " BEARER_TYPE(");
	nd_s(nd, v < 4 ? names[v] : "?");
	nd_c(nd, ')');
}

static void framing_type(nd_t *nd, const uint8_t *p)
{
	static const char *const names[] = { "?", "A", "S", "E" };
	uint32_t v = nd_be32(nd, p);
	nd_s(nd, " FRAME_TYPE(");
	nd_s(nd, v < 4 ? names[v] : "?");
	nd_c(nd, ')');
}

static void host_vendor(nd_t *nd, const uint8_t *p)
{
	field_text(nd, "HOSTNAME", p, 64);
	field_text(nd, "VENDOR", p + 64, 64);
}

static unsigned min64(unsigned v)
{
	return v < 64 ? v : 64;
}

void pptp_print(nd_t *nd, const uint8_t *bp, unsigned length,
                const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)length;
	(void)ip;
	(void)sport;
	(void)dport;
	nd_proto(nd, "pptp");
	nd_s(nd, ": pptp");
	int v = nd->opt->vflag;
	if (v) {
		{
			unsigned v0 = nd_be16(nd, bp);
			nd_s(nd, " Length=");
			nd_u(nd, v0);
		}
		switch (nd_be16(nd, bp + 2)) {
		case 1: nd_s(nd, " CTRL-MSG"); break;
		case 2: nd_s(nd, " MGMT-MSG"); break;
		default: nd_s(nd, " UNKNOWN-MSG-TYPE"); break;
		}
	}
	uint32_t mc = nd_be32(nd, bp + 4);
	if (mc != MAGIC_COOKIE) {
		nd_s(nd, " UNEXPECTED Magic-Cookie!!(");
		out_x(nd->out, mc, 8);
		nd_c(nd, ')');
	}
	if (v || mc != MAGIC_COOKIE) {
		nd_s(nd, " Magic-Cookie=");
		out_x(nd->out, mc, 8);
	}
	unsigned type = nd_be16(nd, bp + 8);
	if (type < N(msg_names)) {
		nd_s(nd, " CTRL_MSGTYPE=");
		nd_s(nd, msg_names[type]);
	} else {
		nd_s(nd, " UNKNOWN_CTRL_MSGTYPE(");
		nd_u(nd, type);
		nd_c(nd, ')');
	}
	rsv16(nd, bp + 10);
	const uint8_t *p = bp + 12;
	switch (type) {
	case SCCRQ:
		proto_ver(nd, p);
		rsv16(nd, p + 2);
		framing_cap(nd, p + 4);
		bearer_cap(nd, p + 8);
		u16f(nd, "MAX_CHAN", p + 12);
		u16f(nd, "FIRM_REV", p + 14);
		host_vendor(nd, p + 16);
		break;
	case SCCRP:
		proto_ver(nd, p);
		result_code(nd, p + 2, type);
		err_code(nd, p + 3);
		framing_cap(nd, p + 4);
		bearer_cap(nd, p + 8);
		u16f(nd, "MAX_CHAN", p + 12);
		u16f(nd, "FIRM_REV", p + 14);
		host_vendor(nd, p + 16);
		break;
	case StopCCRQ: {
		unsigned r = nd_u8(nd, p);
		nd_s(nd, " REASON(");
		nd_u(nd, r);
		if (v) {
			static const char *const reasons[] = {
				"?", ":None", ":Stop-Protocol",
				":Stop-Local-Shutdown",
			};
			nd_s(nd, r >= 1 && r <= 3 ? reasons[r] : ":?");
		}
		nd_c(nd, ')');
		reserved(nd, nd_u8(nd, p + 1));
		rsv16(nd, p + 2);
		break;
	}
	case StopCCRP:
		result_code(nd, p, type);
		err_code(nd, p + 1);
		rsv16(nd, p + 2);
		break;
	case ECHORQ:
		u32f(nd, "ID", p);
		break;
	case ECHORP:
		u32f(nd, "ID", p);
		result_code(nd, p + 4, type);
		err_code(nd, p + 5);
		rsv16(nd, p + 6);
		break;
	case OCRQ: {
		u16f(nd, "CALL_ID", p);
		u16f(nd, "CALL_SER_NUM", p + 2);
		u32f(nd, "MIN_BPS", p + 4);
		u32f(nd, "MAX_BPS", p + 8);
		bearer_type(nd, p + 12);
		framing_type(nd, p + 16);
		u16f(nd, "RECV_WIN", p + 20);
		u16f(nd, "PROC_DELAY", p + 22);
		unsigned plen = nd_be16(nd, p + 24);
		nd_s(nd, " PHONE_NO_LEN(");
		nd_u(nd, plen);
		nd_c(nd, ')');
		rsv16(nd, p + 26);
		field_text(nd, "PHONE_NO", p + 28, min64(plen));
		field_text(nd, "SUB_ADDR", p + 92, 64);
		break;
	}
	case OCRP:
		u16f(nd, "CALL_ID", p);
		u16f(nd, "PEER_CALL_ID", p + 2);
		result_code(nd, p + 4, type);
		err_code(nd, p + 5);
		u16f(nd, "CAUSE_CODE", p + 6);
		u32f(nd, "CONN_SPEED", p + 8);
		u16f(nd, "RECV_WIN", p + 12);
		u16f(nd, "PROC_DELAY", p + 14);
		u32f(nd, "PHY_CHAN_ID", p + 16);
		break;
	case ICRQ: {
		u16f(nd, "CALL_ID", p);
		u16f(nd, "CALL_SER_NUM", p + 2);
		bearer_type(nd, p + 4);
		u32f(nd, "PHY_CHAN_ID", p + 8);
		unsigned dlen = nd_be16(nd, p + 12);
		nd_s(nd, " DIALED_NO_LEN(");
		nd_u(nd, dlen);
		nd_c(nd, ')');
		unsigned glen = nd_be16(nd, p + 14);
		nd_s(nd, " DIALING_NO_LEN(");
		nd_u(nd, glen);
		nd_c(nd, ')');
		field_text(nd, "DIALED_NO", p + 16, min64(dlen));
		field_text(nd, "DIALING_NO", p + 80, min64(glen));
		field_text(nd, "SUB_ADDR", p + 144, 64);
		break;
	}
	case ICRP:
		u16f(nd, "CALL_ID", p);
		u16f(nd, "PEER_CALL_ID", p + 2);
		result_code(nd, p + 4, type);
		err_code(nd, p + 5);
		u16f(nd, "RECV_WIN", p + 6);
		u16f(nd, "PROC_DELAY", p + 8);
		rsv16(nd, p + 10);
		break;
	case ICCN:
		u16f(nd, "PEER_CALL_ID", p);
		rsv16(nd, p + 2);
		u32f(nd, "CONN_SPEED", p + 4);
		u16f(nd, "RECV_WIN", p + 8);
		u16f(nd, "PROC_DELAY", p + 10);
		framing_type(nd, p + 12);
		break;
	case CCRQ:
		u16f(nd, "CALL_ID", p);
		rsv16(nd, p + 2);
		break;
	case CDN:
		u16f(nd, "CALL_ID", p);
		result_code(nd, p + 2, type);
		err_code(nd, p + 3);
		u16f(nd, "CAUSE_CODE", p + 4);
		rsv16(nd, p + 6);
		field_text(nd, "CALL_STATS", p + 8, 128);
		break;
	case WEN:
		u16f(nd, "PEER_CALL_ID", p);
		rsv16(nd, p + 2);
		u32f(nd, "CRC_ERR", p + 4);
		u32f(nd, "FRAMING_ERR", p + 8);
		u32f(nd, "HARDWARE_OVERRUN", p + 12);
		u32f(nd, "BUFFER_OVERRUN", p + 16);
		u32f(nd, "TIMEOUT_ERR", p + 20);
		u32f(nd, "ALIGN_ERR", p + 24);
		break;
	case SLI:
		u16f(nd, "PEER_CALL_ID", p);
		rsv16(nd, p + 2);
		{
			unsigned v0 = nd_be32(nd, p + 4);
			nd_s(nd, " SEND_ACCM(0x");
			out_x(nd->out, v0, 8);
			nd_c(nd, ')');
		}
		{
			unsigned v0 = nd_be32(nd, p + 8);
			nd_s(nd, " RECV_ACCM(0x");
			out_x(nd->out, v0, 8);
			nd_c(nd, ')');
		}
		break;
	}
}
