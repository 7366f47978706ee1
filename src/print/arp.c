/* arp.c - ARP, RARP and InARP (RFC 826, RFC 903, RFC 2390), and the ATM
 * flavour of RFC 2225 with its split address lengths. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define HRD_ETHER 1
#define HRD_FRELAY 15
#define HRD_ATM2225 19

#define PRO_IP 0x0800
#define PRO_TRAIL 0x1000

static const struct tok hrd_names[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" }, { 7, "ArcNet" },
	{ 15, "FrameRelay" }, { 19, "ATM" }, { 23, "Strip" },
	{ 24, "IEEE 1394" }, { 32, "InfiniBand" }, { 0, NULL },
};

static const struct tok op_names[] = {
	{ 1, "Request" }, { 2, "Reply" }, { 3, "Reverse Request" },
	{ 4, "Reverse Reply" }, { 8, "Inverse Request" }, { 9, "Inverse Reply" },
	{ 10, "NACK Reply" }, { 0, NULL },
};

static void hrd_print(nd_t *nd, unsigned hrd)
{
	const char *s = tok_name(hrd_names, hrd);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "Unknown Hardware (");
		nd_u(nd, hrd);
		nd_c(nd, ')');
	}
}

static void pro_print(nd_t *nd, unsigned pro)
{
	const char *s = ethertype_name(pro);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "Unknown Protocol (0x");
		out_x(nd->out, pro, 4);
		nd_c(nd, ')');
	}
}

static int op_print(nd_t *nd, unsigned op)
{
	const char *s = tok_name(op_names, op);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "Unknown (");
		nd_u(nd, op);
		nd_c(nd, ')');
	}
	return s != NULL;
}

/* A protocol address: only IPv4 (or trailer-encapsulated IPv4) of length 4
 * can be shown. */
static void paddr(nd_t *nd, const uint8_t *a, unsigned pro, unsigned len)
{
	if (pro != PRO_IP && pro != PRO_TRAIL)
		nd_s(nd, "<wrong proto type>");
	else if (len != 4)
		nd_s(nd, "<wrong len>");
	else
		put_ip4(nd, a);
}

/* A hardware address of any length, the way tcpdump's link address
 * formatter does it. */
static void haddr(nd_t *nd, const uint8_t *a, unsigned len, int ether)
{
	if (len == 0) {
		nd_s(nd, "<empty>");
		return;
	}
	nd_need(nd, a, len);
	if (ether && len == 6) {
		put_mac(nd, a);
		return;
	}
	for (unsigned i = 0; i < len; i++) {
		if (i)
			nd_c(nd, ':');
		out_x2(nd->out, a[i]);
	}
}

static int all_zero(nd_t *nd, const uint8_t *a, unsigned len)
{
	nd_need(nd, a, len);
	for (unsigned i = 0; i < len; i++)
		if (a[i])
			return 0;
	return 1;
}

/* Undecoded ARP: tcpdump's default hex and ASCII dump of what was
 * captured. */
static void arp_dump(nd_t *nd, const uint8_t *bp)
{
	hex_ascii_dump(nd->out, "\n\t", bp, (unsigned)nd_avail(nd, bp), 0);
}

/* ATM address: number, then ",subaddress" when there is one. */
static void atm_addr(nd_t *nd, const uint8_t *ha, unsigned hlen,
                     const uint8_t *sa, unsigned slen)
{
	if (hlen == 0) {
		nd_s(nd, "<No address>");
		return;
	}
	haddr(nd, ha, hlen, 0);
	if (slen) {
		nd_c(nd, ',');
		haddr(nd, sa, slen, 0);
	}
}

static void atmarp_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	unsigned pro = nd_be16(nd, bp + 2);
	unsigned shln = nd_u8(nd, bp + 4) & 0x3f, ssln = nd_u8(nd, bp + 5) & 0x3f;
	unsigned op = nd_be16(nd, bp + 6);
	unsigned spln = nd_u8(nd, bp + 8);
	unsigned thln = nd_u8(nd, bp + 9) & 0x3f, tsln = nd_u8(nd, bp + 10) & 0x3f;
	unsigned tpln = nd_u8(nd, bp + 11);
	const uint8_t *sha = bp + 12, *ssa = sha + shln, *spa = ssa + ssln;
	const uint8_t *tha = spa + spln, *tsa = tha + thln, *tpa = tsa + tsln;

	if (!nd_has(nd, tpa, tpln))
		nd_trunc(nd);
	if (!nd->opt->eflag)
		nd_s(nd, "ARP, ");
	int v = nd->opt->vflag;
	if ((pro != PRO_IP && pro != PRO_TRAIL) || spln != 4 || tpln != 4 || v) {
		hrd_print(nd, HRD_ATM2225);
		nd_s(nd, ", ");
		pro_print(nd, pro);
		nd_s(nd, " (len ");
		nd_u(nd, spln);
		nd_c(nd, '/');
		nd_u(nd, tpln);
		nd_c(nd, ')');
		if (!v)
			goto out;
	}
	if (v)
		nd_s(nd, ", ");
	if (!op_print(nd, op)) {
		nd_c(nd, ' ');
		arp_dump(nd, bp);
		return;
	}
	nd_c(nd, ' ');
	switch (op) {
	case 1:
		nd_s(nd, "who-has ");
		paddr(nd, tpa, pro, tpln);
		if (thln) {
			nd_s(nd, " (");
			atm_addr(nd, tha, thln, tsa, tsln);
			nd_c(nd, ')');
		}
		nd_s(nd, " tell ");
		paddr(nd, spa, pro, spln);
		break;
	case 2:
		paddr(nd, spa, pro, spln);
		nd_s(nd, " is-at ");
		atm_addr(nd, sha, shln, ssa, ssln);
		break;
	case 8:
		nd_s(nd, "who-is ");
		atm_addr(nd, tha, thln, tsa, tsln);
		nd_s(nd, " tell ");
		atm_addr(nd, sha, shln, ssa, ssln);
		break;
	case 9:
		atm_addr(nd, sha, shln, ssa, ssln);
		nd_s(nd, "at "); /* sic: tcpdump prints no space here */
		paddr(nd, spa, pro, spln);
		break;
	case 10:
		nd_s(nd, "for ");
		paddr(nd, spa, pro, spln);
		break;
	default:
		arp_dump(nd, bp);
		return;
	}
out:
	nd_s(nd, ", length ");
	nd_u(nd, length);
}

void arp_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "arp");
	nd_need(nd, bp, 8);
	unsigned hrd = nd_be16(nd, bp), pro = nd_be16(nd, bp + 2);
	unsigned hln = nd_u8(nd, bp + 4), pln = nd_u8(nd, bp + 5);
	unsigned op = nd_be16(nd, bp + 6);

	if (hrd == HRD_ATM2225) {
		atmarp_print(nd, bp, length);
		return;
	}
	int ether = hrd != HRD_FRELAY;
	const uint8_t *sha = bp + 8, *spa = sha + hln, *tha = spa + pln,
		      *tpa = tha + hln;
	if (!nd_has(nd, tpa, pln))
		nd_trunc(nd);
	if (!nd->opt->eflag)
		nd_s(nd, "ARP, ");
	int v = nd->opt->vflag;
	if ((pro != PRO_IP && pro != PRO_TRAIL) || pln != 4 || hln == 0 || v) {
		hrd_print(nd, hrd);
		nd_s(nd, " (len ");
		nd_u(nd, hln);
		nd_s(nd, "), ");
		pro_print(nd, pro);
		nd_s(nd, " (len ");
		nd_u(nd, pln);
		nd_c(nd, ')');
		if (!v)
			goto out;
	}
	if (v)
		nd_s(nd, ", ");
	op_print(nd, op);
	nd_c(nd, ' ');
	switch (op) {
	case 1:
		nd_s(nd, "who-has ");
		paddr(nd, tpa, pro, pln);
		if (!all_zero(nd, tha, hln)) {
			nd_s(nd, " (");
			haddr(nd, tha, hln, ether);
			nd_c(nd, ')');
		}
		nd_s(nd, " tell ");
		paddr(nd, spa, pro, pln);
		break;
	case 2:
		paddr(nd, spa, pro, pln);
		nd_s(nd, " is-at ");
		haddr(nd, sha, hln, ether);
		break;
	case 3:
	case 8:
		nd_s(nd, "who-is ");
		haddr(nd, tha, hln, ether);
		nd_s(nd, " tell ");
		haddr(nd, sha, hln, ether);
		break;
	case 4:
		haddr(nd, tha, hln, ether);
		nd_s(nd, " at ");
		paddr(nd, tpa, pro, pln);
		break;
	case 9:
		haddr(nd, sha, hln, ether);
		nd_s(nd, " at ");
		paddr(nd, spa, pro, pln);
		break;
	default:
		arp_dump(nd, bp);
		return;
	}
out:
	nd_s(nd, ", length ");
	nd_u(nd, length);
}

/* AppleTalk ARP (ethertype 0x80f3). */
static void ddp_addr(nd_t *nd, const uint8_t *a)
{
	nd_u(nd, (unsigned)a[1] << 8 | a[2]);
	nd_c(nd, '.');
	nd_u(nd, a[3]);
}

void aarp_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	nd_proto(nd, "aarp");
	nd_s(nd, "aarp ");
	if (!nd_has(nd, bp, 28)) {
		nd_print_trunc(nd);
		return;
	}
	if (length < 28) {
		nd_s(nd, " [|aarp ");
		nd_u(nd, length);
		nd_c(nd, ']');
		return;
	}
	unsigned htype = nd_be16(nd, bp), ptype = nd_be16(nd, bp + 2);
	unsigned halen = bp[4], palen = bp[5], op = nd_be16(nd, bp + 6);
	const uint8_t *hsaddr = bp + 8, *psaddr = bp + 14, *hdaddr = bp + 18,
		      *pdaddr = bp + 24;
	(void)hdaddr;
	if (htype == 1 && ptype == 0x809b && halen == 6 && palen == 4) {
		switch (op) {
		case 1:
			nd_s(nd, "who-has ");
			ddp_addr(nd, pdaddr);
			nd_s(nd, " tell ");
			ddp_addr(nd, psaddr);
			return;
		case 2:
			nd_s(nd, "reply ");
			ddp_addr(nd, psaddr);
			nd_s(nd, " is-at ");
			put_mac(nd, hsaddr);
			return;
		case 3:
			nd_s(nd, "probe ");
			ddp_addr(nd, pdaddr);
			nd_s(nd, " tell ");
			ddp_addr(nd, psaddr);
			return;
		}
	}
	nd_s(nd, "len ");
	nd_u(nd, length);
	nd_s(nd, " op ");
	nd_u(nd, op);
	nd_s(nd, " htype ");
	nd_u(nd, htype);
	nd_s(nd, " ptype ");
	out_xp(nd->out, ptype);
	nd_s(nd, " halen ");
	nd_u(nd, halen);
	nd_s(nd, " palen ");
	nd_u(nd, palen);
}
