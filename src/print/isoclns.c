/* isoclns.c - the OSI network layer: dispatch on the initial protocol
 * identifier (NLPID, ISO/TR 9577) and CLNP (ISO 8473).  ES-IS and IS-IS
 * live in esis.c and isis.c; the helpers they share are here. */
#include "osi.h"

static const struct tok nlpids[] = {
	{ 0x00, "NULL" }, { 0x08, "Q.933" }, { 0x80, "SNAP" },
	{ 0x81, "CLNP" }, { 0x82, "ES-IS" }, { 0x83, "IS-IS" },
	{ 0x8e, "IPv6" }, { 0xb1, "FRF.15" }, { 0xc1, "ISIS_SPB" },
	{ 0xcc, "IPv4" }, { 0xcf, "PPP" }, { 0, NULL },
};

const char *osi_nlpid_name(unsigned v)
{
	return tok_name(nlpids, v);
}

void osi_nsap(nd_t *nd, const uint8_t *p, unsigned n)
{
	if (n < 1 || n > 20) {
		nd_s(nd, "isonsap_string: illegal length");
		return;
	}
	nd_need(nd, p, n);
	for (unsigned i = 0; i < n; i++) {
		out_x2(nd->out, p[i]);
		if (!(i & 1) && i + 1 < n)
			nd_c(nd, '.');
	}
}

/* The ISO 8473 annex C checksum: the two octets at off that make the
 * Fletcher sums over len octets come out zero. */
static unsigned osi_fletcher(const uint8_t *p, unsigned off, unsigned len)
{
	uint32_t c0 = 0, c1 = 0;
	for (unsigned i = 0; i < len; i++) {
		if (i != off && i != off + 1)
			c0 += p[i];
		c1 += c0;
	}
	c0 %= 255;
	c1 %= 255;
	long m = (long)(len - off) * (long)c0;
	long x = m - (long)c0 - (long)c1;
	long y = (long)c1 - m - 1;
	if (y >= 0)
		y++;
	if (x < 0)
		x--;
	x %= 255;
	y %= 255;
	if (x == 0)
		x = 255;
	if (y == 0)
		y = 255;
	return (unsigned)(((x & 0xff) << 8) | (y & 0xff));
}

void osi_cksum(nd_t *nd, const uint8_t *p, unsigned cksum, unsigned off,
               unsigned len)
{
	if (!cksum || !nd_has(nd, p + off, 2) || off > len || !nd_has(nd, p, len)) {
		nd_s(nd, " (unverified)");
		return;
	}
	unsigned c = osi_fletcher(p, off, len);
	if (c == cksum)
		nd_s(nd, " (correct)");
	else {
		nd_s(nd, " (incorrect should be 0x");
		out_x(nd->out, c, 4);
		nd_c(nd, ')');
	}
}

static const struct tok clnp_types[] = {
	{ 0x01, "Error Report" }, { 0x1c, "Data" }, { 0x1d, "Multi-cast Data" },
	{ 0x1e, "Echo Request" }, { 0x1f, "Echo Response" }, { 0, NULL },
};

static const struct tok clnp_opts[] = {
	{ 0xc1, "Discard Reason" }, { 0xc5, "Security" }, { 0xc3, "QoS Maintenance" },
	{ 0xcd, "Priority" }, { 0xcb, "Source Routing" }, { 0xcc, "Record Route" },
	{ 0xcf, "Padding" }, { 0, NULL },
};

static void clnp_type(nd_t *nd, unsigned t)
{
	const char *s = tok_name(clnp_types, t);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "unknown (");
		nd_u(nd, t);
		nd_c(nd, ')');
	}
}

static const struct tok clnp_scopes[] = {
	{ 0x40, "Source Address Specific" }, { 0x80, "Destination Address Specific" },
	{ 0xc0, "Globally unique" }, { 0, NULL },
};

static const struct tok clnp_flags[] = {
	{ 0x80, "Segmentation permitted" }, { 0x40, "more Segments" },
	{ 0x20, "request Error Report" }, { 0, NULL },
};

static const struct tok qos_bits[] = {
	{ 0x20, "reserved" }, { 0x10, "sequencing vs. delay" }, { 0x08, "congested" },
	{ 0x04, "delay vs. cost" }, { 0x02, "error vs. delay" }, { 0x01, "error vs. cost" },
	{ 0, NULL },
};

static void clnp_option(nd_t *nd, unsigned o, const uint8_t *p, unsigned ol)
{
	const char *s;
	switch (o) {
	case 0xcd:
		if (ol == 1)
			nd_printf(nd, "0x%1x", p[0] & 0x0f);
		else
			nd_s(nd, ", bad opt len");
		return;
	case 0xc3:
		if (ol < 1)
			break;
		s = tok_name(clnp_scopes, p[0] & 0xc0);
		nd_s(nd, "\n\t    Format Code: ");
		nd_s(nd, s ? s : "Reserved");
		if ((p[0] & 0xc0) == 0xc0) {
			nd_s(nd, "\n\t    QoS Flags [");
			put_bits(nd, qos_bits, p[0], "none");
			nd_c(nd, ']');
		}
		return;
	case 0xc5:
		if (ol < 2)
			break;
		s = tok_name(clnp_scopes, p[0] & 0xc0);
		nd_s(nd, "\n\t    Format Code: ");
		nd_s(nd, s ? s : "Reserved");
		nd_s(nd, ", Security-Level ");
		nd_u(nd, p[1]);
		return;
	case 0xcf:
		nd_s(nd, "padding data");
		return;
	}
	print_unknown_data(nd, p, "\n\t  ", ol);
}

/* Returns 0 when the caller should dump the PDU as unknown data. */
static int clnp_print(nd_t *nd, const uint8_t *p, unsigned length, unsigned depth)
{
	const uint8_t *op = p;
	nd_proto(nd, "clnp");
	if (!nd_has(nd, p, 9)) {
		/* tcpdump prints the marker and returns here (the -x dumps
		 * then skip the link header) */
		nd_print_trunc(nd);
		return 1;
	}
	unsigned li = p[1], rem = li;
	unsigned type = p[4] & 0x1f, flags = p[4] & 0xe0;
	int e = nd->opt->eflag;
	if (!e)
		nd_s(nd, "CLNP");
	if (li > length) {
		nd_s(nd, " length indicator(");
		nd_u(nd, li);
		nd_s(nd, ") > PDU size (");
		nd_u(nd, length);
		nd_s(nd, ")!");
		return 0;
	}
	if (li < 9) {
		nd_s(nd, " length indicator ");
		nd_u(nd, li);
		nd_s(nd, " < min PDU size:");
		while (nd_has(nd, p, 1)) {
			out_xu(nd->out, *p, 2);
			p++;
		}
		return 0;
	}
	p += 9;
	rem -= 9;
	static const char bad[] = "li < size of fixed part of CLNP header and addresses";
	if (rem < 1) {
		nd_s(nd, bad);
		return 0;
	}
	unsigned dlen = nd_u8(nd, p);
	p++;
	rem--;
	if (rem < dlen) {
		nd_s(nd, bad);
		return 0;
	}
	if (!nd_has(nd, p, dlen))
		goto trunc;
	const uint8_t *dst = p;
	p += dlen;
	rem -= dlen;
	if (rem < 1) {
		nd_s(nd, bad);
		return 0;
	}
	unsigned slen = nd_u8(nd, p);
	p++;
	rem--;
	if (rem < slen) {
		nd_s(nd, bad);
		return 0;
	}
	if (!nd_has(nd, p, slen))
		goto trunc;
	const uint8_t *src = p;
	p += slen;
	rem -= slen;
	if (nd->opt->vflag < 1) {
		if (!e)
			nd_s(nd, ", ");
		osi_nsap(nd, src, slen);
		nd_s(nd, " > ");
		osi_nsap(nd, dst, dlen);
		nd_s(nd, ", ");
		clnp_type(nd, type);
		nd_s(nd, ", length ");
		nd_u(nd, length);
		return 1;
	}
	nd_s(nd, e ? "" : ", ");
	nd_s(nd, "length ");
	nd_u(nd, length);
	nd_s(nd, "\n\t");
	clnp_type(nd, type);
	{
		unsigned v0 = nd_be16(nd, op + 5);
		unsigned v1 = nd_be16(nd, op + 7);
		nd_s(nd, " PDU, hlen: ");
		nd_u(nd, li);
		nd_s(nd, ", v: ");
		nd_u(nd, op[2]);
		nd_s(nd, ", lifetime: ");
		nd_u(nd, op[3] / 2);
		nd_c(nd, '.');
		nd_u(nd, (op[3] % 2) * 5);
		nd_s(nd, "s, Segment PDU length: ");
		nd_u(nd, v0);
		nd_s(nd, ", checksum: 0x");
		out_x(nd->out, v1, 4);
	}
	osi_cksum(nd, op, nd_be16(nd, op + 7), 7, li);
	nd_s(nd, "\n\tFlags [");
	put_bits(nd, clnp_flags, flags, "none");
	nd_s(nd, "]\n\tsource address (length ");
	nd_u(nd, slen);
	nd_s(nd, "): ");
	osi_nsap(nd, src, slen);
	nd_s(nd, "\n\tdest   address (length ");
	nd_u(nd, dlen);
	nd_s(nd, "): ");
	osi_nsap(nd, dst, dlen);
	if (flags & 0x80) {
		if (rem < 6) {
			nd_s(nd, "li < size of fixed part of CLNP header, addresses, and segment part");
			return 0;
		}
		if (!nd_has(nd, p, 6))
			goto trunc;
		{
			unsigned v0 = nd_be16(nd, p);
			unsigned v1 = nd_be16(nd, p + 2);
			unsigned v2 = nd_be16(nd, p + 4);
			nd_s(nd, "\n\tData Unit ID: 0x");
			out_x(nd->out, v0, 4);
			nd_s(nd, ", Segment Offset: ");
			nd_u(nd, v1);
			nd_s(nd, ", Total PDU Length: ");
			nd_u(nd, v2);
		}
		p += 6;
		rem -= 6;
	}
	while (rem != 0) {
		if (rem < 2) {
			nd_s(nd, ", bad opts/li");
			return 0;
		}
		unsigned o = nd_u8(nd, p), ol = nd_u8(nd, p + 1);
		p += 2;
		rem -= 2;
		if (ol > rem) {
			nd_s(nd, ", opt (");
			nd_u(nd, o);
			nd_s(nd, ") too long");
			return 0;
		}
		if (!nd_has(nd, p, ol))
			goto trunc;
		rem -= ol;
		const char *on = tok_name(clnp_opts, o);
		nd_s(nd, "\n\t  ");
		nd_s(nd, on ? on : "Unknown");
		nd_s(nd, " Option #");
		nd_u(nd, o);
		nd_s(nd, ", length ");
		nd_u(nd, ol);
		nd_s(nd, ", value: ");
		clnp_option(nd, o, p, ol);
		if (nd->opt->vflag > 1)
			print_unknown_data(nd, p, "\n\t  ", ol);
		p += ol;
	}
	if ((type == 0x01 || type == 0x1f) && depth < 4 && nd_u8(nd, p) == 0x81) {
		nd_s(nd, "\n\t-----original packet-----\n\t");
		clnp_print(nd, p, length - li, depth + 1);
		return 1;
	}
	if (length > (unsigned)(p - op)) {
		nd_s(nd, "\n\t  undecoded non-header data, length ");
		nd_u(nd, length - li);
		print_unknown_data(nd, p, "\n\t  ", length - (unsigned)(p - op));
	}
	return 1;
trunc:
	/* as tcpdump: the fixed part, the addresses, the segment part and
	 * each option's value are checked whole; the marker, and back */
	nd_print_trunc(nd);
	return 1;
}

void isoclns_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "isoclns");
	unsigned id = nd_u8(nd, p);
	int e = nd->opt->eflag;
	if (e) {
		const char *s = osi_nlpid_name(id);
		nd_s(nd, "OSI NLPID ");
		nd_s(nd, s ? s : "Unknown");
		nd_s(nd, " (0x");
		out_x2(nd->out, id);
		nd_s(nd, "): ");
	}
	switch (id) {
	case 0x81:
		if (!clnp_print(nd, p, length, 0))
			print_unknown_data(nd, p, "\n\t", length);
		break;
	case 0x82:
		esis_print(nd, p, length);
		break;
	case 0x83:
		if (!isis_print(nd, p, length))
			print_unknown_data(nd, p, "\n\t", length);
		break;
	case 0x00:
		nd_s(nd, e ? "" : ", ");
		nd_s(nd, "length: ");
		nd_u(nd, length);
		break;
	case 0xcc:
		ethertype_print(nd, 0x0800, p + 1, length - 1);
		break;
	case 0x8e:
		ethertype_print(nd, 0x86dd, p + 1, length - 1);
		break;
	case 0xcf:
		if (++nd->depth > ND_MAX_DEPTH)
			return;
		ppp_print(nd, p + 1, length - 1);
		nd->depth--;
		break;
	default:
		if (!e) {
			nd_s(nd, "OSI NLPID 0x");
			out_x2(nd->out, id);
			nd_s(nd, " unknown");
		}
		nd_s(nd, e ? "" : ", ");
		nd_s(nd, "length: ");
		nd_u(nd, length);
		if (length > 1)
			print_unknown_data(nd, p, "\n\t", length);
		break;
	}
}

/* Ethernet type 0xfefe: one octet precedes the NLPID. */
void isoclns_ether_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	if (length == 0 || !nd_has(nd, p, 1)) {
		nd_print_trunc(nd);
		return;
	}
	isoclns_print(nd, p + 1, length - 1);
}
