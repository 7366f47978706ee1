/* vqp.c - Cisco VLAN Query Protocol (VMPS). */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const char *msg_name(unsigned t)
{
	switch (t) {
	case 1: return "Request, Join Port";
	case 2: return "Response, VLAN";
	case 3: return "Request, Reconfirm";
	case 4: return "Response, Reconfirm";
	}
	return NULL;
}

static const char *err_name(unsigned c)
{
	switch (c) {
	case 0: return "No error";
	case 3: return "Access denied";
	case 4: return "Shutdown port";
	case 5: return "Wrong VTP domain";
	}
	return NULL;
}

static const char *obj_name(uint32_t t)
{
	switch (t) {
	case 0x0c01: return "Client IP Address";
	case 0x0c02: return "Port Name";
	case 0x0c03: return "VLAN Name";
	case 0x0c04: return "VTP Domain";
	case 0x0c05: return "Ethernet Packet";
	case 0x0c06: return "MAC Null";
	case 0x0c08: return "MAC Address";
	}
	return "Unknown";
}

static void put_code(nd_t *nd, const char *s, unsigned v)
{
	if (s)
		nd_s(nd, s);
	else
		nd_printf(nd, "unknown (%u)", v);
}

void vqp_print(nd_t *nd, const uint8_t *p, unsigned len,
               const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "vqp");
	if (!nd_has(nd, p, 8) || len < 8)
		goto trunc;
	unsigned ver = p[0], mt = p[1], ec = p[2], n = p[3];
	if (ver != 1) {
		nd_printf(nd, "VQP version %u packet not supported", ver);
		return;
	}
	if (!nd->opt->vflag) {
		nd_printf(nd, "VQPv%u ", ver);
		put_code(nd, msg_name(mt), mt);
		nd_s(nd, " Message, error-code ");
		nd_s(nd, err_name(ec) ? err_name(ec) : "unknown");
		nd_printf(nd, " (%u), length %u", ec, len);
		return;
	}
	nd_printf(nd, "\n\tVQPv%u, ", ver);
	put_code(nd, msg_name(mt), mt);
	nd_s(nd, " Message, error-code ");
	nd_s(nd, err_name(ec) ? err_name(ec) : "unknown");
	nd_printf(nd, " (%u), seq 0x%08x, items %u, length %u", ec, nd_be32(nd, p + 4),
		  n, len);
	const uint8_t *t = p + 8;
	unsigned tlen = len - 8;
	while (n != 0 && tlen != 0) {
		if (!nd_has(nd, t, 6) || tlen < 6)
			goto trunc;
		uint32_t ot = nd_be32(nd, t);
		unsigned ol = nd_be16(nd, t + 4);
		t += 6;
		tlen -= 6;
		nd_printf(nd, "\n\t  %s Object (0x%08x), length %u, value: ", obj_name(ot),
			  ot, ol);
		if (ot == 0 || ol == 0)
			return;
		if (!nd_has(nd, t, ol) || ol > tlen)
			goto trunc;
		switch (ot) {
		case 0x0c01:
			if (ol != 4)
				goto invalid;
			put_ip4(nd, t);
			nd_printf(nd, " (0x%08x)", nd_be32(nd, t));
			break;
		case 0x0c02: case 0x0c03: case 0x0c04: case 0x0c05:
			for (unsigned i = 0; i < ol && t[i]; i++)
				nd_print_char(nd, t[i]);
			break;
		case 0x0c08: case 0x0c06:
			if (ol != 6)
				goto invalid;
			put_mac(nd, t);
			break;
		default:
			if (nd->opt->vflag <= 1)
				hex_dump(nd->out, "\n\t    ", t, ol, 0);
			break;
		}
		t += ol;
		tlen -= ol;
		n--;
	}
	return;
invalid:
	nd_print_invalid(nd);
	return;
trunc:
	nd_trunc(nd);
}
