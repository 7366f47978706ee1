/* of10.c - OpenFlow 1.0 message bodies (printed with -v): echo data and
 * vendor messages, with Big Switch Networks' extensions decoded. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define BSN_VENDOR 0x005c16c7u

static void data_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_printf(nd, "\n\t data (%u octets)", len);
	if (nd->opt->vflag > 1) {
		size_t have = nd_avail(nd, p);
		hex_ascii_dump(nd->out, "\n\t  ", p, have < len ? (unsigned)have : len, 0);
		nd_need(nd, p, len);
	}
}

static void invalid(nd_t *nd)
{
	nd_s(nd, " (invalid)");
}

static void bsn_print(nd_t *nd, const uint8_t *p, unsigned mlen)
{
	static const char *const names[] = {
		"SET_IP_MASK", "GET_IP_MASK_REQUEST", "GET_IP_MASK_REPLY",
		"SET_MIRRORING", "GET_MIRRORING_REQUEST", "GET_MIRRORING_REPLY",
		"SHELL_COMMAND", "SHELL_OUTPUT", "SHELL_STATUS",
		"GET_INTERFACES_REQUEST", "GET_INTERFACES_REPLY",
	};
	if (mlen < 16) {
		invalid(nd);
		return;
	}
	uint32_t sub = nd_be32(nd, p + 12);
	if (sub < sizeof(names) / sizeof(names[0]))
		nd_printf(nd, "\n\t subtype %s", names[sub]);
	else
		nd_printf(nd, "\n\t subtype unknown (0x%08x)", sub);
	switch (sub) {
	case 0: case 1: case 2:
		if (mlen != 24)
			break;
		nd_printf(nd, ", index %u", nd_u8(nd, p + 16));
		if (sub != 1) {
			nd_need(nd, p + 20, 4);
			nd_s(nd, ", mask ");
			put_ip4(nd, p + 20);
		}
		return;
	case 3: case 4: case 5: {
		if (mlen != 20)
			break;
		unsigned r = nd_u8(nd, p + 16);
		if (r < 2)
			nd_printf(nd, ", report_mirror_ports %s", r ? "ON" : "OFF");
		else
			nd_printf(nd, ", report_mirror_ports bogus (%u)", r);
		return;
	}
	case 6:
		if (mlen < 20)
			break;
		nd_printf(nd, ", service %u, data '", nd_be32(nd, p + 16));
		if (nd_print_chars(nd, p + 20, mlen - 20))
			nd_trunc(nd);
		nd_c(nd, '\'');
		return;
	case 7:
		nd_s(nd, ", data '");
		if (nd_print_chars(nd, p + 16, mlen - 16))
			nd_trunc(nd);
		nd_c(nd, '\'');
		return;
	case 8:
		if (mlen != 20)
			break;
		nd_printf(nd, ", status 0x%08x", nd_be32(nd, p + 16));
		return;
	default:
		if (sub < sizeof(names) / sizeof(names[0]))
			break;
		data_print(nd, p + 16, mlen - 16);
		return;
	}
	invalid(nd);
}

void of10_body_print(nd_t *nd, const uint8_t *p, unsigned type, unsigned mlen)
{
	switch (type) {
	case 1: { /* ERROR */
		static const char *const types[] = {
			"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION",
			"FLOW_MOD_FAILED", "PORT_MOD_FAILED", "QUEUE_OP_FAILED",
		};
		static const char *const c0[] = { "INCOMPATIBLE", "EPERM" };
		static const char *const c1[] = {
			"BAD_VERSION", "BAD_TYPE", "BAD_STAT", "BAD_VENDOR",
			"BAD_SUBTYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY",
			"BUFFER_UNKNOWN",
		};
		static const char *const c2[] = {
			"BAD_TYPE", "BAD_LEN", "BAD_VENDOR", "BAD_VENDOR_TYPE",
			"BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY",
			"BAD_QUEUE",
		};
		static const char *const c3[] = {
			"ALL_TABLES_FULL", "OVERLAP", "EPERM", "BAD_EMERG_TIMEOUT",
			"BAD_COMMAND", "UNSUPPORTED",
		};
		static const char *const c4[] = { "BAD_PORT", "BAD_HW_ADDR" };
		static const char *const c5[] = { "BAD_PORT", "BAD_QUEUE", "EPERM" };
		static const char *const *const codes[] = { c0, c1, c2, c3, c4, c5 };
		static const unsigned ncodes[] = { 2, 9, 9, 6, 2, 3 };
		if (mlen < 12) {
			invalid(nd);
			break;
		}
		unsigned et = nd_be16(nd, p + 8), ec;
		if (et < 6)
			nd_printf(nd, "\n\t type %s", types[et]);
		else
			nd_printf(nd, "\n\t type unknown (0x%04x)", et);
		ec = nd_be16(nd, p + 10);
		if (et < 6 && ec < ncodes[et])
			nd_printf(nd, ", code %s", codes[et][ec]);
		else
			nd_printf(nd, ", code unknown (0x%04x)", ec);
		if (mlen > 12)
			data_print(nd, p + 12, mlen - 12);
		break;
	}
	case 2: case 3: /* ECHO_REQUEST, ECHO_REPLY */
		if (mlen > 8)
			data_print(nd, p + 8, mlen - 8);
		break;
	case 4: { /* VENDOR */
		if (mlen < 12) {
			invalid(nd);
			break;
		}
		uint32_t v = nd_be32(nd, p + 8);
		const char *vn = v == BSN_VENDOR ? "Big Switch Networks" :
				 v == 0x00002320 ? "Nicira Networks" : "unknown";
		nd_printf(nd, ", vendor 0x%08x (%s)", v, vn);
		if (v == BSN_VENDOR)
			bsn_print(nd, p, mlen);
		else
			data_print(nd, p + 12, mlen - 12);
		break;
	}
	}
}
