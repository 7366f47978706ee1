/* wb.c - the LBL "wb" shared whiteboard protocol, UDP destination port 4567.
 *
 * A 12-byte header (source id, timestamp, version, type, flags) is followed
 * by one of: a drawing-op burst (dop), a session id announcement (id),
 * repair request/reply (rreq/rrep), page state query/reply (preq/prep) or
 * kill.  The layouts and the output were worked out from tcpdump 4.99.3's
 * output on crafted packets: fixed-size messages that do not fit print
 * " (invalid)", the variable parts (prep's page states, the drawing ops
 * shown with -v) end in " [|wb]" when they run out.  Every loop advances
 * by at least 8 bytes per step and stops when the captured bytes end. */
#include "../core/names.h"
#include "print.h"

#define WB_PORT 4567

/* " addr:uid" style helpers: a 32-bit number and an IPv4 address. */
static void put_u(nd_t *nd, const uint8_t *p)
{
	nd_u(nd, nd_be32(nd, p));
}

/* The captured byte at off from base, with n bytes after it, or unwind. */
static const uint8_t *wb_at(nd_t *nd, const uint8_t *base, size_t off, size_t n)
{
	size_t avail = nd_avail(nd, base);
	if (off > avail || avail - off < n)
		nd_trunc(nd);
	return base + off;
}

/* Drawing ops from base, sequence numbers ss..es (-v). */
static void wb_dops(nd_t *nd, const uint8_t *base, uint32_t ss, uint32_t es)
{
	static const char *const names[] = {
		"RECT", "LINE", "ML", "DEL", "XFORM", "ELL", "CHAR", "STR",
		"NOP", "PSCODE", "PSCOMP", "REF", "SKIP", "HOLE",
	};
	size_t off = 0;
	nd_s(nd, " <");
	for (; ss <= es; ss++) {
		const uint8_t *p = wb_at(nd, base, off, 8);
		unsigned t = p[7];
		if (t == 14 || t == 15) { /* SKIP, HOLE: jump to a sequence number */
			uint32_t ts = nd_be32(nd, p);
			nd_printf(nd, " %s%d", names[t - 2], (int)(ts - ss + 1));
			if (ts > es) {
				nd_s(nd, "[|]");
				break;
			}
			ss = ts;
		} else if (t >= 2 && t <= 13) {
			nd_c(nd, ' ');
			nd_s(nd, names[t - 2]);
		} else {
			nd_printf(nd, " dop-%u!", t);
		}
		off += 8 + (size_t)nd_be16(nd, p + 4);
	}
	nd_s(nd, " >");
}

/* A fixed-size message body: false when it is not all there (" (invalid)"
 * when the message is too short, " [|wb]" when the capture is). */
static int wb_fits(nd_t *nd, const uint8_t *p, unsigned len, unsigned need)
{
	if (len < need) {
		nd_print_invalid(nd);
		return 0;
	}
	if (!nd_has(nd, p, need))
		nd_trunc(nd);
	return 1;
}

static void wb_id(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_s(nd, " wb-id:");
	if (len < 28) {
		nd_print_invalid(nd);
		return;
	}
	nd_need(nd, p, 24);
	nd_c(nd, ' ');
	put_u(nd, p + 12);
	nd_c(nd, '/');
	put_ip4(nd, p + 16);
	nd_c(nd, ':');
	put_u(nd, p + 20);
	nd_s(nd, " (max ");
	put_u(nd, p);
	nd_c(nd, '/');
	put_ip4(nd, p + 4);
	nd_c(nd, ':');
	put_u(nd, p + 8);
	nd_s(nd, ") ");
	unsigned nid = nd_be16(nd, p + 24);
	const uint8_t *io = p + 28;
	if (len - 28 < (size_t)nid * 8) {
		nd_print_invalid(nd);
		return;
	}
	char c = '<';
	for (unsigned i = 0; i < nid; i++, io += 8) {
		nd_need(nd, io, 8);
		nd_c(nd, c);
		put_ip4(nd, io);
		nd_c(nd, ':');
		put_u(nd, io + 4);
		c = ',';
	}
	nd_s(nd, "> \"");
	/* the session name: up to a NUL or the end of the message */
	const uint8_t *end = p + len;
	for (; io < end; io++) {
		uint8_t ch = nd_u8(nd, io);
		if (ch == 0)
			break;
		nd_print_char(nd, ch);
	}
	nd_c(nd, '"');
}

static void wb_prep(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_s(nd, " wb-prep:");
	if (len < 4) {
		nd_print_invalid(nd);
		return;
	}
	uint32_t n = nd_be32(nd, p);
	size_t off = 4;
	while (n != 0) {
		const uint8_t *ps = wb_at(nd, p, off, 12);
		nd_c(nd, ' ');
		put_u(nd, ps);
		nd_c(nd, '/');
		put_ip4(nd, ps + 4);
		nd_c(nd, ':');
		put_u(nd, ps + 8);
		/* tcpdump reads one byte of the 16-bit id count */
		unsigned nid = nd_u8(nd, ps + 12);
		off += 16;
		char c = '<';
		for (unsigned i = 0; i < nid; i++, off += 8) {
			const uint8_t *io = wb_at(nd, p, off, 8);
			nd_c(nd, c);
			put_ip4(nd, io);
			nd_c(nd, ':');
			put_u(nd, io + 4);
			c = ',';
		}
		nd_c(nd, '>');
		n--;
	}
}

static void wb_body(nd_t *nd, const uint8_t *p, unsigned len);

/* -T wb: whatever the ports. */
void wb_type_print(nd_t *nd, const uint8_t *p, unsigned len,
                   const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	wb_body(nd, p, len);
}

void wb_print(nd_t *nd, const uint8_t *p, unsigned len,
              const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	if (dport != WB_PORT) {
		/* tcpdump tests the destination port only */
		port_fn fn = dispatch_udp_next(wb_print, sport, dport);
		if (fn)
			fn(nd, p, len, ip, sport, dport);
		else
			nd_printf(nd, "UDP, length %u", len);
		return;
	}
	wb_body(nd, p, len);
}

static void wb_body(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "wb");
	if (len < 12 || !nd_has(nd, p, 12)) {
		if (len < 12)
			nd_print_invalid(nd);
		else
			nd_trunc(nd);
		return;
	}
	unsigned type = p[10], flags = p[11];
	if (flags)
		nd_c(nd, '*');
	const uint8_t *b = p + 12;
	len -= 12;
	switch (type) {
	case 0: /* drawing ops */
		nd_s(nd, " wb-dop:");
		if (!wb_fits(nd, b, len, 16))
			return;
		nd_c(nd, ' ');
		put_ip4(nd, b);
		nd_c(nd, ':');
		put_u(nd, b + 4);
		nd_c(nd, '<');
		put_u(nd, b + 8);
		nd_c(nd, ':');
		put_u(nd, b + 12);
		nd_c(nd, '>');
		if (nd->opt->vflag)
			wb_dops(nd, b + 16, nd_be32(nd, b + 8), nd_be32(nd, b + 12));
		break;
	case 1:
		wb_id(nd, b, len);
		break;
	case 2:
	case 3:
		nd_s(nd, type == 2 ? " wb-rreq:" : " wb-rrep:");
		if (!wb_fits(nd, b, len, 20))
			return;
		nd_s(nd, type == 2 ? " please repair " : " for ");
		put_ip4(nd, b);
		nd_c(nd, ' ');
		put_ip4(nd, b + 4);
		nd_c(nd, ':');
		put_u(nd, b + 8);
		nd_c(nd, '<');
		put_u(nd, b + 12);
		nd_c(nd, ':');
		put_u(nd, b + 16);
		nd_c(nd, '>');
		if (type == 3 && nd->opt->vflag)
			wb_dops(nd, b + 20, nd_be32(nd, b + 12), nd_be32(nd, b + 16));
		break;
	case 4:
		nd_s(nd, " wb-kill");
		break;
	case 5:
		nd_s(nd, " wb-preq:");
		if (!wb_fits(nd, b, len, 16))
			return;
		nd_s(nd, " need ");
		put_u(nd, b + 8);
		nd_c(nd, '/');
		put_ip4(nd, b);
		nd_c(nd, ':');
		put_u(nd, b + 4);
		break;
	case 7:
		wb_prep(nd, b, len);
		break;
	default:
		nd_printf(nd, " wb-%u!", type);
		nd_print_invalid(nd);
		break;
	}
}
