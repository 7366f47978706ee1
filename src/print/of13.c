/* of13.c - OpenFlow 1.3 message bodies (printed with -v): hello elements,
 * errors, echo, experimenter, features, switch config, port status and
 * port/table modification.  Other messages' bodies are not decoded yet. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void data_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_printf(nd, "\n\t data (%u octets)", len);
	if (nd->opt->vflag > 1) {
		size_t have = nd_avail(nd, p);
		hex_ascii_dump(nd->out, "\n\t  ", p, have < len ? (unsigned)have : len, 0);
		nd_need(nd, p, len);
	}
}

static void bits_print(nd_t *nd, uint32_t v, const char *const *names,
                       unsigned n)
{
	nd_printf(nd, "0x%08x", v);
	if (!v)
		return;
	const char *sep = " (";
	for (unsigned i = 0; i < n && i < 32; i++)
		if ((v & (1u << i)) && names[i]) {
			nd_s(nd, sep);
			nd_s(nd, names[i]);
			sep = ", ";
		}
	if (sep[0] == ',')
		nd_c(nd, ')');
}

static const char *const err_types[] = {
	"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION", "BAD_INSTRUCTION",
	"BAD_MATCH", "FLOW_MOD_FAILED", "GROUP_MOD_FAILED", "PORT_MOD_FAILED",
	"TABLE_MOD_FAILED", "QUEUE_OP_FAILED", "SWITCH_CONFIG_FAILED",
	"ROLE_REQUEST_FAILED", "METER_MOD_FAILED", "TABLE_FEATURES_FAILED",
};
static const char *const hello_codes[] = { "INCOMPATIBLE", "EPERM" };
static const char *const req_codes[] = {
	"BAD_VERSION", "BAD_TYPE", "BAD_MULTIPART", "BAD_EXPERIMENTER",
	"BAD_EXP_TYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY", "BUFFER_UNKNOWN",
	"BAD_TABLE_ID", "IS_SLAVE", "BAD_PORT", "BAD_PACKET",
	"MULTIPART_BUFFER_OVERFLOW",
};
static const char *const action_codes[] = {
	"BAD_TYPE", "BAD_LEN", "BAD_EXPERIMENTER", "BAD_EXP_TYPE",
	"BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY", "BAD_QUEUE",
	"BAD_OUT_GROUP", "MATCH_INCONSISTENT", "UNSUPPORTED_ORDER", "BAD_TAG",
	"BAD_SET_TYPE", "BAD_SET_LEN", "BAD_SET_ARGUMENT",
};
static const char *const group_codes[] = {
	"GROUP_EXISTS", "INVALID_GROUP", "WEIGHT_UNSUPPORTED", "OUT_OF_GROUPS",
	"OUT_OF_BUCKETS", "CHAINING_UNSUPPORTED", "WATCH_UNSUPPORTED", "LOOP",
	"UNKNOWN_GROUP", "CHAINED_GROUP", "BAD_TYPE", "BAD_COMMAND",
	"BAD_BUCKET", "BAD_WATCH", "EPERM",
};

static const char *const port_config[] = {
	"PORT_DOWN", NULL, "NO_RECV", NULL, NULL, "NO_FWD", "NO_PACKET_IN",
};
static const char *const port_features[] = {
	"10MB_HD", "10MB_FD", "100MB_HD", "100MB_FD", "1GB_HD", "1GB_FD",
	"10GB_FD", "40GB_FD", "100GB_FD", "1TB_FD", "OTHER", "COPPER", "FIBER",
	"AUTONEG", "PAUSE", "PAUSE_ASYM",
};
static const char *const capabilities[] = {
	"FLOW_STATS", "TABLE_STATS", "PORT_STATS", "GROUP_STATS", NULL,
	"IP_REASM", "QUEUE_STATS", NULL, "PORT_BLOCKED",
};

static const char *experimenter_name(uint32_t v)
{
	switch (v) {
	case 0x005c16c7: return "Big Switch Networks";
	case 0x00002320: return "Nicira Networks";
	case 0x00d0f0db: return "Ericsson";
	}
	return "unknown";
}

static void invalid(nd_t *nd)
{
	nd_s(nd, " (invalid)");
}

void of13_body_print(nd_t *nd, const uint8_t *p, unsigned type, unsigned mlen)
{
	switch (type) {
	case 0: { /* HELLO: elements */
		static const char *const vers[] = { "1.0", "1.1", "1.2", "1.3",
						    "1.4", "1.5" };
		unsigned off = 8;
		while (off + 4 <= mlen) {
			unsigned et = nd_be16(nd, p + off);
			if (et == 1)
				nd_s(nd, "\n\t type VERSIONBITMAP");
			else
				nd_printf(nd, "\n\t type unknown (0x%04x)", et);
			unsigned el = nd_be16(nd, p + off + 2);
			nd_printf(nd, ", length %u", el);
			if (el < 4 || el > mlen - off) {
				invalid(nd);
				return;
			}
			if (et == 1) {
				if (el != 8) {
					nd_s(nd, " (bogus)");
				} else {
					nd_s(nd, ", bitmap ");
					bits_print(nd, nd_be32(nd, p + off + 4), vers,
						   N(vers));
				}
			}
			off += el;
		}
		return;
	}
	case 1: { /* ERROR */
		if (mlen < 12) {
			invalid(nd);
			return;
		}
		unsigned et = nd_be16(nd, p + 8), ec;
		const char *const *codes = NULL;
		unsigned nc = 0;
		switch (et) {
		case 0: codes = hello_codes; nc = N(hello_codes); break;
		case 1: codes = req_codes; nc = N(req_codes); break;
		case 2: codes = action_codes; nc = N(action_codes); break;
		case 6: codes = group_codes; nc = N(group_codes); break;
		}
		if (et < N(err_types))
			nd_printf(nd, "\n\t type %s", err_types[et]);
		else
			nd_printf(nd, "\n\t type unknown (0x%04x)", et);
		ec = nd_be16(nd, p + 10);
		if (codes && ec < nc)
			nd_printf(nd, ", code %s", codes[ec]);
		else
			nd_printf(nd, ", code unknown (0x%04x)", ec);
		if (mlen > 12)
			data_print(nd, p + 12, mlen - 12);
		return;
	}
	case 2: case 3:
		if (mlen > 8)
			data_print(nd, p + 8, mlen - 8);
		return;
	case 4: { /* EXPERIMENTER */
		if (mlen < 16) {
			invalid(nd);
			return;
		}
		uint32_t e = nd_be32(nd, p + 8);
		nd_printf(nd, "\n\t experimenter 0x%08x (%s)", e,
			  experimenter_name(e));
		nd_printf(nd, ", exp_type 0x%08x", nd_be32(nd, p + 12));
		if (mlen > 16)
			data_print(nd, p + 16, mlen - 16);
		return;
	}
	case 6: /* FEATURES_REPLY */
		if (mlen != 32) {
			invalid(nd);
			return;
		}
		nd_printf(nd, "\n\t dpid 0x%016llx, n_buffers %u, n_tables %u, auxiliary_id %u",
			  (unsigned long long)nd_be64(nd, p + 8), nd_be32(nd, p + 16),
			  nd_u8(nd, p + 20), nd_u8(nd, p + 21));
		nd_s(nd, "\n\t capabilities ");
		bits_print(nd, nd_be32(nd, p + 24), capabilities, N(capabilities));
		return;
	case 8: case 9: { /* GET_CONFIG_REPLY, SET_CONFIG */
		static const char *const frag[] = { "FRAG_NORMAL", "FRAG_DROP",
						    "FRAG_REASM" };
		if (mlen != 12) {
			invalid(nd);
			return;
		}
		unsigned f = nd_be16(nd, p + 8);
		if (f < 3)
			nd_printf(nd, "\n\t flags %s", frag[f]);
		else
			nd_printf(nd, "\n\t flags unknown (0x%04x)", f);
		nd_printf(nd, ", miss_send_len %u", nd_be16(nd, p + 10));
		return;
	}
	case 12: { /* PORT_STATUS */
		static const char *const reasons[] = { "ADD", "DELETE", "MODIFY" };
		if (mlen != 80) {
			invalid(nd);
			return;
		}
		unsigned r = nd_u8(nd, p + 8);
		if (r < 3)
			nd_printf(nd, "\n\t reason %s", reasons[r]);
		else
			nd_printf(nd, "\n\t reason unknown (0x%02x)", r);
		const uint8_t *q = p + 16;
		nd_need(nd, q, 64);
		nd_printf(nd, "\n\t  port_no %u, hw_addr ", nd_be32(nd, q));
		put_mac(nd, q + 8);
		nd_s(nd, ", name '");
		for (unsigned i = 0; i < 16 && q[16 + i]; i++)
			nd_print_char(nd, q[16 + i]);
		nd_c(nd, '\'');
		if (nd->opt->vflag < 2)
			return;
		static const char *const state[] = { "LINK_DOWN", "BLOCKED", "LIVE" };
		static const char *const fl[] = { "advertised", "supported", "peer" };
		nd_s(nd, "\n\t   config ");
		bits_print(nd, nd_be32(nd, q + 32), port_config, N(port_config));
		nd_s(nd, "\n\t   state ");
		bits_print(nd, nd_be32(nd, q + 36), state, N(state));
		nd_s(nd, "\n\t   curr ");
		bits_print(nd, nd_be32(nd, q + 40), port_features, N(port_features));
		for (unsigned i = 0; i < 3; i++) {
			nd_printf(nd, "\n\t   %s ", fl[i]);
			bits_print(nd, nd_be32(nd, q + 44 + 4 * i), port_features,
				   N(port_features));
		}
		nd_printf(nd, "\n\t   curr_speed %ukbps", nd_be32(nd, q + 56));
		nd_printf(nd, "\n\t   max_speed %ukbps", nd_be32(nd, q + 60));
		return;
	}
	case 16: /* PORT_MOD */
		if (mlen != 40) {
			invalid(nd);
			return;
		}
		nd_need(nd, p, 40);
		nd_printf(nd, "\n\t port_no %u, hw_addr ", nd_be32(nd, p + 8));
		put_mac(nd, p + 16);
		nd_s(nd, "\n\t  config ");
		bits_print(nd, nd_be32(nd, p + 24), port_config, N(port_config));
		nd_s(nd, "\n\t  mask ");
		bits_print(nd, nd_be32(nd, p + 28), port_config, N(port_config));
		nd_s(nd, "\n\t  advertise ");
		bits_print(nd, nd_be32(nd, p + 32), port_features, N(port_features));
		return;
	case 17: /* TABLE_MOD */
		if (mlen != 16) {
			invalid(nd);
			return;
		}
		nd_printf(nd, "\n\t table_id %u, config 0x%08x", nd_u8(nd, p + 8),
			  nd_be32(nd, p + 12));
		return;
	case 22: /* QUEUE_GET_CONFIG_REQUEST */
		if (mlen != 16) {
			invalid(nd);
			return;
		}
		nd_printf(nd, "\n\t port %u", nd_be32(nd, p + 8));
		return;
	case 24: case 25: { /* ROLE_REQUEST, ROLE_REPLY */
		static const char *const roles[] = { "NOCHANGE", "EQUAL", "MASTER",
						     "SLAVE" };
		if (mlen != 24) {
			invalid(nd);
			return;
		}
		uint32_t r = nd_be32(nd, p + 8);
		if (r < 4)
			nd_printf(nd, "\n\t role %s", roles[r]);
		else
			nd_printf(nd, "\n\t role unknown (0x%08x)", r);
		nd_printf(nd, ", generation_id 0x%016llx",
			  (unsigned long long)nd_be64(nd, p + 16));
		return;
	}
	case 27: case 28: { /* GET_ASYNC_REPLY, SET_ASYNC */
		static const char *const pin[] = { "NO_MATCH", "ACTION",
						   "INVALID_TTL" };
		static const char *const pst[] = { "ADD", "DELETE", "MODIFY" };
		static const char *const what[] = { "packet_in_mask",
						     "port_status_mask",
						     "flow_removed_mask" };
		if (mlen != 32) {
			invalid(nd);
			return;
		}
		for (unsigned i = 0; i < 6; i++) {
			nd_printf(nd, "\n\t %s[%s] ", what[i / 2],
				  i % 2 ? "S" : "EM");
			bits_print(nd, nd_be32(nd, p + 8 + 4 * i),
				   i < 2 ? pin : pst, 3);
		}
		return;
	}
	}
}
