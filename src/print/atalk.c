/* atalk.c - AppleTalk: the long DDP header (Inside AppleTalk, ch. 4) and
 * the ATP and NBP messages it carries; other DDP types are shown by name
 * and length.  Reached from Ethernet type 0x809b, SNAP with Apple's OUI,
 * and ARCNET.  The output forms are tcpdump 4.99.3's, learned from its
 * output: "AT " (unless -e; -v adds tcpdump's "et1 " before it), then
 * "net.node.socket > net.node.socket:" (a broadcast node, 255, leaves the
 * node out); the payload length is what the link layer says, less the 13
 * bytes of header. */
#include "print.h"

#define DDP_HDR 13

static void at_addr(nd_t *nd, unsigned net, unsigned node, unsigned skt)
{
	if (node == 255)
		nd_printf(nd, "%u.%u", net, skt);
	else
		nd_printf(nd, "%u.%u.%u", net, node, skt);
}

/* An ATP bitmap as "<0-3,5>". */
static void atp_bitmap(nd_t *nd, unsigned bm)
{
	char c = '<';
	for (unsigned i = 0; i < 8; i++) {
		if (!(bm & (1u << i)))
			continue;
		unsigned j = i;
		while (j + 1 < 8 && (bm & (1u << (j + 1))))
			j++;
		if (j > i)
			nd_printf(nd, "%c%u-%u", c, i, j);
		else
			nd_printf(nd, "%c%u", c, i);
		c = ',';
		i = j;
	}
	if (c == '<')
		nd_c(nd, '<');
	nd_c(nd, '>');
}

static void atp_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 8 || !nd_has(nd, p, 8)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned ctl = p[0], bm = p[1], tid = (unsigned)p[2] << 8 | p[3];
	uint32_t ud = nd_be32(nd, p + 4);
	len -= 8;
	switch (ctl & 0xc0) {
	case 0x40:
		nd_printf(nd, " atp-req%s %u", (ctl & 0x20) ? " " : "*", tid);
		atp_bitmap(nd, bm);
		nd_printf(nd, " [len=%u]", len);
		if (ctl & 0x10)
			nd_s(nd, " [EOM]");
		if (ctl & 0x08)
			nd_s(nd, " [STS]");
		break;
	case 0x80:
		nd_printf(nd, " atp-resp%s%u:%u (%u)", (ctl & 0x10) ? "*" : " ",
			  tid, bm, len);
		if (ctl & 0x08)
			nd_s(nd, " [STS]");
		break;
	case 0xc0:
		nd_printf(nd, " atp-rel  %u", tid);
		atp_bitmap(nd, bm);
		nd_printf(nd, " [len=%u]", len);
		if (ctl & 0x08)
			nd_s(nd, "[STS]");
		break;
	default:
		nd_printf(nd, " atp-0x%x  %u (%u)", ctl, tid, len);
		break;
	}
	if (ud)
		nd_printf(nd, " 0x%x", ud);
}

/* A length-prefixed NBP name part; returns the bytes it took, 0 when they
 * were not all captured (what was is shown, then " [|atalk]"). */
static unsigned nbp_str(nd_t *nd, const uint8_t *p)
{
	if (!nd_has(nd, p, 1)) {
		nd_print_trunc(nd);
		return 0;
	}
	unsigned n = p[0];
	if (nd_print_chars(nd, p + 1, n)) {
		nd_print_trunc(nd);
		return 0;
	}
	return n + 1;
}

/* One tuple's name as "obj:type@zone"; returns the tuple's length, 0 when
 * a name ran out (tcpdump says so and goes on with the rest of the line),
 * -1 (after " [|atalk]") when the tuple's fixed part is missing. */
static int nbp_name(nd_t *nd, const uint8_t *t)
{
	static const char sep[] = ":@\"";
	unsigned off = 5;
	if (!nd_has(nd, t, 5)) {
		nd_print_trunc(nd);
		return -1;
	}
	nd_s(nd, " \"");
	for (int i = 0; i < 3; i++) {
		unsigned n = nbp_str(nd, t + off);
		if (!n)
			return 0;
		off += n;
		nd_c(nd, sep[i]);
	}
	return (int)off;
}

static void nbp_print(nd_t *nd, const uint8_t *p, unsigned len,
                      unsigned snet, unsigned snode)
{
	if (len < 10) {
		nd_printf(nd, " truncated-nbp %u", len);
		return;
	}
	if (!nd_has(nd, p, 2)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned ctl = p[0] >> 4, count = p[0] & 0xf, id = p[1];
	const uint8_t *t = p + 2;
	switch (ctl) {
	case 1:
	case 2: {
		nd_printf(nd, " nbp-%s %u:", ctl == 1 ? "brRq" : "lkup", id);
		if (nbp_name(nd, t) < 0)
			return;
		if (count != 1)
			nd_printf(nd, " [ntup=%u]", count);
		nd_s(nd, " [addr=");
		at_addr(nd, (unsigned)t[0] << 8 | t[1], t[2], t[3]);
		nd_c(nd, ']');
		break;
	}
	case 3:
		nd_printf(nd, " nbp-reply %u:", id);
		for (unsigned i = 0; i < count; i++) {
			int n = nbp_name(nd, t);
			if (n < 0)
				return;
			unsigned net = (unsigned)t[0] << 8 | t[1], node = t[2];
			unsigned skt = t[3], en = t[4];
			if (n <= 0)
				return;
			nd_printf(nd, "(%u)", en);
			if (net == snet && node == snode)
				nd_printf(nd, " %u", skt);
			else {
				nd_c(nd, ' ');
				at_addr(nd, net, node, skt);
			}
			t += (unsigned)n;
		}
		break;
	default:
		nd_printf(nd, " nbp-0x%x  %u (%u)", p[0], id, len - 2);
		break;
	}
}

void atalk_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "ddp");
	if (nd->opt->vflag)
		nd_s(nd, "et1 ");
	if (!nd->opt->eflag)
		nd_s(nd, "AT ");
	if (len < DDP_HDR) {
		nd_printf(nd, " [|ddp %u]", len);
		return;
	}
	if (!nd_has(nd, p, DDP_HDR)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned dnet = (unsigned)p[4] << 8 | p[5];
	unsigned snet = (unsigned)p[6] << 8 | p[7];
	unsigned dnode = p[8], snode = p[9], dskt = p[10], sskt = p[11];
	unsigned type = p[12];
	at_addr(nd, snet, snode, sskt);
	nd_s(nd, " > ");
	at_addr(nd, dnet, dnode, dskt);
	nd_s(nd, ": ");
	nd_proto(nd, "atalk");
	p += DDP_HDR;
	len -= DDP_HDR;
	switch (type) {
	case 2:
		nbp_print(nd, p, len, snet, snode);
		break;
	case 3:
		atp_print(nd, p, len);
		break;
	case 1:
		nd_printf(nd, " at-rtmp %u", len);
		break;
	case 4:
		nd_printf(nd, " at-echo %u", len);
		break;
	case 5:
		nd_printf(nd, " at-rtmpReq %u", len);
		break;
	default:
		nd_printf(nd, " at-#%u %u", type, len);
		break;
	}
}
