/* lwapp.c - Lightweight Access Point Protocol (RFC 5412), UDP port 12222
 * (data) and 12223 (control).
 *
 * Every LWAPP packet starts with a 6-byte transport header: version (2
 * bits), radio id (3 bits), the C(ontrol), F(ragment) and L(ast fragment)
 * bits, a fragment id, a payload length and the Status/WLANs field.  On the
 * control port the messages follow, each with an 8-byte header (type,
 * sequence number, element length, session id); packets sent to the
 * control port carry the access point's MAC address in front of it all.
 *
 * As tcpdump 4.99.3: the message elements are not decoded (only the message
 * headers, with -v); a data packet's payload is dumped in hex with -v; a
 * short capture ends the line with the marker and returns (the -x dumps
 * then skip the link header). */
#include "../core/names.h"
#include "print.h"

#define LWAPP_HDR_LEN 6
#define LWAPP_MSG_HDR_LEN 8
#define LWAPP_DATA_PORT 12222
#define LWAPP_CONTROL_PORT 12223

static const struct tok lwapp_flags[] = {
	{ 0x01, "Last Fragment Bit" },
	{ 0x02, "Fragment Bit" },
	{ 0x04, "Control Bit" },
	{ 0, NULL },
};

static const struct tok lwapp_msg_types[] = {
	{ 1, "Discovery req" },
	{ 2, "Discovery resp" },
	{ 3, "Join req" },
	{ 4, "Join resp" },
	{ 5, "Join ack" },
	{ 6, "Join confirm" },
	{ 10, "Configure req" },
	{ 11, "Configure resp" },
	{ 12, "Update req" },
	{ 13, "Update resp" },
	{ 14, "WTP event req" },
	{ 15, "WTP event resp" },
	{ 16, "Change state event req" },
	{ 17, "Change state event resp" },
	{ 22, "Echo req" },
	{ 23, "Echo resp" },
	{ 24, "Image data req" },
	{ 25, "Image data resp" },
	{ 26, "Channel status req" },
	{ 27, "Channel status resp" },
	{ 30, "Key update req" },
	{ 31, "Key update resp" },
	{ 32, "Primary discovery req" },
	{ 33, "Primary discovery resp" },
	{ 34, "Data transfer req" },
	{ 35, "Data transfer resp" },
	{ 36, "Clear config ind" },
	{ 37, "Wlan config req" },
	{ 38, "Wlan config resp" },
	{ 39, "Mobile config req" },
	{ 40, "Mobile config resp" },
	{ 0, NULL },
};

/* The start of the header line, common to both ports: "LWAPPvN, Control
 * frame, " (the C bit decides, whatever the port).  Returns 0 (and has
 * said so) for a version other than 0. */
static int lwapp_head(nd_t *nd, unsigned b0)
{
	unsigned ver = b0 >> 6;
	if (ver != 0) {
		nd_s(nd, "LWAPP version ");
		nd_u(nd, ver);
		nd_s(nd, " packet not supported");
		return 0;
	}
	nd_s(nd, "LWAPPv");
	nd_u(nd, ver);
	nd_s(nd, (b0 & 0x04) ? ", Control frame, " : ", Data frame, ");
	return 1;
}

static void lwapp_put_flags(nd_t *nd, unsigned b0)
{
	nd_s(nd, "Flags [");
	put_bits(nd, lwapp_flags, b0, "none");
	nd_s(nd, "], ");
}

static void lwapp_control(nd_t *nd, const uint8_t *p, unsigned len,
                          int has_ap_ident)
{
	nd_proto(nd, "lwapp_control");
	const uint8_t *t = p + (has_ap_ident ? 6 : 0);
	if (!nd_has(nd, p, (size_t)(t - p) + LWAPP_HDR_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned b0 = nd_u8(nd, t);
	if (!lwapp_head(nd, b0))
		return;
	if (!nd->opt->vflag) {
		lwapp_put_flags(nd, b0);
		nd_s(nd, "length ");
		nd_u(nd, len);
		return;
	}
	unsigned tlen = nd_be16(nd, t + 2);
	nd_s(nd, "Radio-id ");
	nd_u(nd, (b0 >> 3) & 7);
	nd_s(nd, ", ");
	lwapp_put_flags(nd, b0);
	nd_s(nd, "Frag-id ");
	nd_u(nd, nd_u8(nd, t + 1));
	nd_s(nd, ", length ");
	nd_u(nd, tlen);
	if (has_ap_ident) {
		nd_s(nd, "\n\tAP identity: ");
		put_mac(nd, p);
	}
	t += LWAPP_HDR_LEN;
	while (tlen > 0) {
		if (!nd_has(nd, t, LWAPP_MSG_HDR_LEN)) {
			nd_print_trunc(nd);
			return;
		}
		unsigned type = nd_u8(nd, t);
		unsigned mlen = nd_be16(nd, t + 2);
		if (tlen < LWAPP_MSG_HDR_LEN + mlen) {
			nd_s(nd, "\n\t  Msg goes past end of PDU");
			return;
		}
		const char *name = tok_name(lwapp_msg_types, type);
		nd_s(nd, "\n\t  Msg type: ");
		nd_s(nd, name ? name : "Unknown");
		nd_s(nd, " (");
		nd_u(nd, type);
		nd_s(nd, "), Seqnum: ");
		nd_u(nd, nd_u8(nd, t + 1));
		nd_s(nd, ", Msg len: ");
		nd_u(nd, mlen);
		nd_s(nd, ", Session: 0x");
		out_x(nd->out, nd_be32(nd, t + 4), 8);
		/* as tcpdump: the element bytes are checked from the start of
		 * the message header, not after it */
		if (!nd_has(nd, t, mlen)) {
			nd_print_trunc(nd);
			return;
		}
		t += LWAPP_MSG_HDR_LEN + mlen;
		tlen -= LWAPP_MSG_HDR_LEN + mlen;
	}
}

static void lwapp_data(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "lwapp_data");
	if (!nd_has(nd, p, LWAPP_HDR_LEN)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned b0 = nd_u8(nd, p);
	if (!lwapp_head(nd, b0))
		return;
	if (!nd->opt->vflag) {
		lwapp_put_flags(nd, b0);
		nd_s(nd, "length ");
		nd_u(nd, len);
		return;
	}
	unsigned tlen = nd_be16(nd, p + 2);
	nd_s(nd, "Radio-id  ");
	nd_u(nd, (b0 >> 3) & 7);
	nd_s(nd, ", ");
	lwapp_put_flags(nd, b0);
	if (tlen < LWAPP_HDR_LEN) {
		nd_s(nd, "length ");
		nd_u(nd, tlen);
		nd_s(nd, " < transport header length");
		return;
	}
	nd_s(nd, "Frag-id  ");
	nd_u(nd, nd_u8(nd, p + 1));
	nd_s(nd, ", length ");
	nd_u(nd, tlen);
	print_unknown_data(nd, p + LWAPP_HDR_LEN, "\n\t", tlen - LWAPP_HDR_LEN);
}

void lwapp_print(nd_t *nd, const uint8_t *p, unsigned len,
                 const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip;
	/* tcpdump's order: to the control port (with the AP's identity),
	 * from it, then either way on the data port */
	if (dport == LWAPP_CONTROL_PORT)
		lwapp_control(nd, p, len, 1);
	else if (sport == LWAPP_CONTROL_PORT)
		lwapp_control(nd, p, len, 0);
	else
		lwapp_data(nd, p, len);
}
