/* radius.c - RADIUS (RFC 2865/2866 and extensions): header, attributes,
 * vendor-specific attributes, and the EAP packets RADIUS carries. */
#include <time.h>

#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

void ntp_time_put(nd_t *nd, const uint8_t *p); /* ntp.c */

static const struct tok commands[] = {
	{ 1, "Access-Request" }, { 2, "Access-Accept" }, { 3, "Access-Reject" },
	{ 4, "Accounting-Request" }, { 5, "Accounting-Response" },
	{ 11, "Access-Challenge" }, { 12, "Status-Server" },
	{ 13, "Status-Client" }, { 40, "Disconnect-Request" },
	{ 41, "Disconnect-ACK" }, { 42, "Disconnect-NAK" },
	{ 43, "CoA-Request" }, { 44, "CoA-ACK" }, { 45, "CoA-NAK" },
	{ 255, "Reserved" }, { 0, NULL },
};

/* SMI network management private enterprise codes. */
static const struct tok vendors[] = {
	{ 0, "IETF (reserved)" },
	{ 5, "ACC" },
	{ 9, "Cisco" },
	{ 11, "Hewlett Packard" },
	{ 42, "Sun Microsystems" },
	{ 61, "Merit" },
	{ 74, "AT&T" },
	{ 161, "Motorola" },
	{ 166, "Shiva" },
	{ 193, "Ericsson AB" },
	{ 255, "Cisco VPN 5000" },
	{ 307, "Livingston" },
	{ 311, "Microsoft" },
	{ 429, "3Com" },
	{ 529, "Ascend" },
	{ 1584, "Bay Networks" },
	{ 1991, "Foundry" },
	{ 2180, "Versanet" },
	{ 2352, "Redback" },
	{ 2636, "Juniper Networks" },
	{ 2637, "Aptis" },
	{ 2937, "Deutsche Telekom AG" },
	{ 3054, "Ixia Communications" },
	{ 3076, "Cisco VPN 3000" },
	{ 3085, "CoSine Communications" },
	{ 3199, "Shasta" },
	{ 3224, "Netscreen" },
	{ 3309, "Nomadix" },
	{ 3414, "T-Mobile" },
	{ 3561, "The Broadband Forum" },
	{ 3902, "ZTE" },
	{ 4329, "Siemens" },
	{ 4491, "CableLabs" },
	{ 4874, "Unisphere Networks" },
	{ 5263, "Cisco BBSM" },
	{ 5535, "3rd Generation Partnership Project 2 (3GPP2)" },
	{ 5806, "SK Telecom" },
	{ 5925, "ipUnplugged" },
	{ 5948, "Issanni Communications" },
	{ 5951, "Netscaler" },
	{ 6490, "T-Mobile" },
	{ 6618, "Quintum" },
	{ 6728, "Interlink" },
	{ 7951, "CNCTC" },
	{ 8164, "Starent Networks" },
	{ 8744, "Colubris" },
	{ 10415, "3GPP" },
	{ 10529, "Gemtek-Systems" },
	{ 10704, "Barracuda Networks" },
	{ 10923, "Ericsson AB - Packet Core Networks" },
	{ 11665, "dacom" },
	{ 11862, "Columbia University" },
	{ 12356, "Fortinet" },
	{ 12951, "Verizon Wireless" },
	{ 13745, "Plixer" },
	{ 14122, "Wi-Fi Alliance" },
	{ 16787, "T-Systems Nova" },
	{ 20942, "China Telecom - Guangzhou Research Institute" },
	{ 26866, "Gigamon Systems" },
	{ 32622, "CACE Technologies" },
	{ 35632, "ntop" },
	{ 46098, "Ericsson Canada" },
	{ 0, NULL },
};

static const struct tok error_causes[] = {
	{ 201, "Residual Session Context Removed" },
	{ 202, "Invalid EAP Packet (Ignored)" },
	{ 401, "Unsupported Attribute" }, { 402, "Missing Attribute" },
	{ 403, "NAS Identification Mismatch" }, { 404, "Invalid Request" },
	{ 405, "Unsupported Service" }, { 406, "Unsupported Extension" },
	{ 407, "Invalid Attribute Value" },
	{ 501, "Administratively Prohibited" },
	{ 502, "Request Not Routable (Proxy)" },
	{ 503, "Session Context Not Found" },
	{ 504, "Session Context Not Removable" },
	{ 505, "Other Proxy Processing Error" },
	{ 506, "Resources Unavailable" }, { 507, "Request Initiated" },
	{ 508, "Multiple Session Selection Unsupported" },
	{ 509, "Location Info Required" }, { 0, NULL },
};

/* Names of the values of enumerated attributes. */
static const char *const service_type[] = {
	"Login", "Framed", "Callback Login", "Callback Framed", "Outbound",
	"Administrative", "NAS Prompt", "Authenticate Only",
	"Callback NAS Prompt", "Call Check", "Callback Administrative",
	"Voice", "Fax", "Modem Relay", "IAPP-Register", "IAPP-AP-Check",
	"Authorize Only", "Framed-Management", "Additional-Authorization",
};

static const char *const frm_proto[] = {
	"PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP",
	"X.75 Synchronous", "GPRS PDP Context",
};

static const char *const frm_routing[] = {
	"None", "Send", "Listen", "Send&Listen",
};

static const char *const frm_comp[] = {
	"None", "VJ TCP/IP", "IPX", "Stac-LZS",
};

static const char *const login_serv[] = {
	"Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT",
	"X.25-PAD", "X.25-T3POS", "Unassigned", "TCP Clear Quiet",
};

static const char *const term_action[] = {
	"Default", "RADIUS-Request",
};

static const char *const acct_status[] = {
	"Start", "Stop", "Interim-Update", "Unassigned", "Unassigned",
	"Unassigned", "Accounting-On", "Accounting-Off", "Tunnel-Start",
	"Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start",
	"Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed",
};

static const char *const acct_auth[] = {
	"RADIUS", "Local", "Remote", "Diameter",
};

static const char *const acct_term[] = {
	"User Request", "Lost Carrier", "Lost Service", "Idle Timeout",
	"Session Timeout", "Admin Reset", "Admin Reboot", "Port Error",
	"NAS Error", "NAS Request", "NAS Reboot", "Port Unneeded",
	"Port Preempted", "Port Suspended", "Service Unavailable",
	"Callback", "User Error", "Host Request", "Supplicant Restart",
	"Reauthentication Failure", "Port Reinitialized",
	"Port Administratively Disabled", "Lost Power",
};

static const char *const ingress_filters[] = {
	"Enabled", "Disabled",
};

static const char *const nas_port_type[] = {
	"Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110",
	"Virtual", "PIAFS", "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax",
	"SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL", "Ethernet", "xDSL",
	"Cable", "Wireless - Other", "Wireless - IEEE 802.11", "Token-Ring",
	"FDDI", "Wireless - CDMA200", "Wireless - UMTS", "Wireless - 1X-EV",
	"IAPP", "FTTP", "Wireless - IEEE 802.16", "Wireless - IEEE 802.20",
	"Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE",
	"PPPoEoVLAN", "PPPoEoQinQ", "xPON", "Wireless - XGP",
	"WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK", "WIMAX-SFF",
	"WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS",
};

static const char *const tunnel_type[] = {
	"PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP",
	"ESP", "GRE", "DVS", "IP-in-IP Tunneling", "VLAN",
};

static const char *const tunnel_medium[] = {
	"IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164",
	"F.69", "X.121", "IPX", "Appletalk", "Decnet IV", "Banyan Vines",
	"E.164 with NSAP subaddress",
};

static const char *const arap_zone[] = {
	"Only access to dfl zone", "Use zone filter inc.", "Not used",
	"Use zone filter exc.",
};

static const char *const prompt[] = {
	"No Echo", "Echo",
};

/* How an attribute's value is shown. */
enum kind {
	K_NONE, K_STR, K_NUM, K_ADDR, K_ADDR6, K_PREFIX6, K_VENDOR, K_TIME,
	K_STRANGE, K_ERRCAUSE, K_VEC64, K_MIP6PFX, K_OPNAME, K_LOCINFO,
	K_LOCDATA, K_BLPR,
};

struct attr {
	const char *name;
	unsigned char kind;
	unsigned char first; /* value of the first table entry */
	unsigned char n;     /* table entries */
	const char *const *values;
};

#define T(tab, f) f, sizeof tab / sizeof *tab, tab
static const struct attr attrs[130] = {
	[1] = { "User-Name", K_STR, 0, 0, NULL },
	[2] = { "User-Password", K_NONE, 0, 0, NULL },
	[3] = { "CHAP-Password", K_NONE, 0, 0, NULL },
	[4] = { "NAS-IP-Address", K_ADDR, 0, 0, NULL },
	[5] = { "NAS-Port", K_NUM, 0, 0, NULL },
	[6] = { "Service-Type", K_NUM, T(service_type, 1) },
	[7] = { "Framed-Protocol", K_NUM, T(frm_proto, 1) },
	[8] = { "Framed-IP-Address", K_ADDR, 0, 0, NULL },
	[9] = { "Framed-IP-Netmask", K_ADDR, 0, 0, NULL },
	[10] = { "Framed-Routing", K_NUM, T(frm_routing, 0) },
	[11] = { "Filter-Id", K_STR, 0, 0, NULL },
	[12] = { "Framed-MTU", K_NUM, 0, 0, NULL },
	[13] = { "Framed-Compression", K_NUM, T(frm_comp, 0) },
	[14] = { "Login-IP-Host", K_ADDR, 0, 0, NULL },
	[15] = { "Login-Service", K_NUM, T(login_serv, 0) },
	[16] = { "Login-TCP-Port", K_NUM, 0, 0, NULL },
	[17] = { "Unassigned", K_NONE, 0, 0, NULL },
	[18] = { "Reply-Message", K_STR, 0, 0, NULL },
	[19] = { "Callback-Number", K_STR, 0, 0, NULL },
	[20] = { "Callback-Id", K_STR, 0, 0, NULL },
	[21] = { "Unassigned", K_NONE, 0, 0, NULL },
	[22] = { "Framed-Route", K_STR, 0, 0, NULL },
	[23] = { "Framed-IPX-Network", K_NUM, 0, 0, NULL },
	[24] = { "State", K_STR, 0, 0, NULL },
	[25] = { "Class", K_STR, 0, 0, NULL },
	[26] = { "Vendor-Specific", K_VENDOR, 0, 0, NULL },
	[27] = { "Session-Timeout", K_NUM, 0, 0, NULL },
	[28] = { "Idle-Timeout", K_NUM, 0, 0, NULL },
	[29] = { "Termination-Action", K_NUM, T(term_action, 0) },
	[30] = { "Called-Station-Id", K_STR, 0, 0, NULL },
	[31] = { "Calling-Station-Id", K_STR, 0, 0, NULL },
	[32] = { "NAS-Identifier", K_STR, 0, 0, NULL },
	[33] = { "Proxy-State", K_STR, 0, 0, NULL },
	[34] = { "Login-LAT-Service", K_STR, 0, 0, NULL },
	[35] = { "Login-LAT-Node", K_STR, 0, 0, NULL },
	[36] = { "Login-LAT-Group", K_STR, 0, 0, NULL },
	[37] = { "Framed-AppleTalk-Link", K_NUM, 0, 0, NULL },
	[38] = { "Framed-AppleTalk-Network", K_NUM, 0, 0, NULL },
	[39] = { "Framed-AppleTalk-Zone", K_STR, 0, 0, NULL },
	[40] = { "Acct-Status-Type", K_NUM, T(acct_status, 1) },
	[41] = { "Acct-Delay-Time", K_NUM, 0, 0, NULL },
	[42] = { "Acct-Input-Octets", K_NUM, 0, 0, NULL },
	[43] = { "Acct-Output-Octets", K_NUM, 0, 0, NULL },
	[44] = { "Acct-Session-Id", K_STR, 0, 0, NULL },
	[45] = { "Acct-Authentic", K_NUM, T(acct_auth, 1) },
	[46] = { "Acct-Session-Time", K_NUM, 0, 0, NULL },
	[47] = { "Acct-Input-Packets", K_NUM, 0, 0, NULL },
	[48] = { "Acct-Output-Packets", K_NUM, 0, 0, NULL },
	[49] = { "Acct-Terminate-Cause", K_NUM, T(acct_term, 1) },
	[50] = { "Acct-Multi-Session-Id", K_STR, 0, 0, NULL },
	[51] = { "Acct-Link-Count", K_NUM, 0, 0, NULL },
	[52] = { "Acct-Input-Gigawords", K_NUM, 0, 0, NULL },
	[53] = { "Acct-Output-Gigawords", K_NUM, 0, 0, NULL },
	[54] = { "Unassigned", K_NONE, 0, 0, NULL },
	[55] = { "Event-Timestamp", K_TIME, 0, 0, NULL },
	[56] = { "Egress-VLANID", K_NUM, 0, 0, NULL },
	[57] = { "Ingress-Filters", K_NUM, T(ingress_filters, 1) },
	[58] = { "Egress-VLAN-Name", K_STR, 0, 0, NULL },
	[59] = { "User-Priority-Table", K_NONE, 0, 0, NULL },
	[60] = { "CHAP-Challenge", K_STR, 0, 0, NULL },
	[61] = { "NAS-Port-Type", K_NUM, T(nas_port_type, 0) },
	[62] = { "Port-Limit", K_NUM, 0, 0, NULL },
	[63] = { "Login-LAT-Port", K_STR, 0, 0, NULL },
	[64] = { "Tunnel-Type", K_NUM, T(tunnel_type, 1) },
	[65] = { "Tunnel-Medium-Type", K_NUM, T(tunnel_medium, 1) },
	[66] = { "Tunnel-Client-Endpoint", K_STR, 0, 0, NULL },
	[67] = { "Tunnel-Server-Endpoint", K_STR, 0, 0, NULL },
	[68] = { "Acct-Tunnel-Connection", K_STR, 0, 0, NULL },
	[69] = { "Tunnel-Password", K_STR, 0, 0, NULL },
	[70] = { "ARAP-Password", K_STRANGE, 0, 0, NULL },
	[71] = { "ARAP-Features", K_STRANGE, 0, 0, NULL },
	[72] = { "ARAP-Zone-Access", K_NUM, T(arap_zone, 1) },
	[73] = { "ARAP-Security", K_STR, 0, 0, NULL },
	[74] = { "ARAP-Security-Data", K_STR, 0, 0, NULL },
	[75] = { "Password-Retry", K_NUM, 0, 0, NULL },
	[76] = { "Prompt", K_NUM, T(prompt, 0) },
	[77] = { "Connect-Info", K_STR, 0, 0, NULL },
	[78] = { "Configuration-Token", K_STR, 0, 0, NULL },
	[79] = { "EAP-Message", K_STR, 0, 0, NULL },
	[80] = { "Message-Authenticator", K_STR, 0, 0, NULL },
	[81] = { "Tunnel-Private-Group-ID", K_STR, 0, 0, NULL },
	[82] = { "Tunnel-Assignment-ID", K_STR, 0, 0, NULL },
	[83] = { "Tunnel-Preference", K_NUM, 0, 0, NULL },
	[84] = { "ARAP-Challenge-Response", K_STRANGE, 0, 0, NULL },
	[85] = { "Acct-Interim-Interval", K_NUM, 0, 0, NULL },
	[86] = { "Acct-Tunnel-Packets-Lost", K_NUM, 0, 0, NULL },
	[87] = { "NAS-Port-Id", K_STR, 0, 0, NULL },
	[88] = { "Framed-Pool", K_STR, 0, 0, NULL },
	[89] = { "CUI", K_STR, 0, 0, NULL },
	[90] = { "Tunnel-Client-Auth-ID", K_STR, 0, 0, NULL },
	[91] = { "Tunnel-Server-Auth-ID", K_STR, 0, 0, NULL },
	[92] = { "NAS-Filter-Rule", K_STR, 0, 0, NULL },
	[93] = { "Unassigned", K_NONE, 0, 0, NULL },
	[94] = { "Originating-Line-Info", K_NONE, 0, 0, NULL },
	[95] = { "NAS-IPv6-Address", K_ADDR6, 0, 0, NULL },
	[96] = { "Framed-Interface-ID", K_NONE, 0, 0, NULL },
	[97] = { "Framed-IPv6-Prefix", K_PREFIX6, 0, 0, NULL },
	[98] = { "Login-IPv6-Host", K_ADDR6, 0, 0, NULL },
	[99] = { "Framed-IPv6-Route", K_STR, 0, 0, NULL },
	[100] = { "Framed-IPv6-Pool", K_STR, 0, 0, NULL },
	[101] = { "Error-Cause", K_ERRCAUSE, 0, 0, NULL },
	[102] = { "EAP-Key-Name", K_NONE, 0, 0, NULL },
	[103] = { "Digest-Response", K_STR, 0, 0, NULL },
	[104] = { "Digest-Realm", K_STR, 0, 0, NULL },
	[105] = { "Digest-Nonce", K_STR, 0, 0, NULL },
	[106] = { "Digest-Response-Auth", K_STR, 0, 0, NULL },
	[107] = { "Digest-Nextnonce", K_STR, 0, 0, NULL },
	[108] = { "Digest-Method", K_STR, 0, 0, NULL },
	[109] = { "Digest-URI", K_STR, 0, 0, NULL },
	[110] = { "Digest-Qop", K_STR, 0, 0, NULL },
	[111] = { "Digest-Algorithm", K_STR, 0, 0, NULL },
	[112] = { "Digest-Entity-Body-Hash", K_STR, 0, 0, NULL },
	[113] = { "Digest-CNonce", K_STR, 0, 0, NULL },
	[114] = { "Digest-Nonce-Count", K_STR, 0, 0, NULL },
	[115] = { "Digest-Username", K_STR, 0, 0, NULL },
	[116] = { "Digest-Opaque", K_STR, 0, 0, NULL },
	[117] = { "Digest-Auth-Param", K_STR, 0, 0, NULL },
	[118] = { "Digest-AKA-Auts", K_STR, 0, 0, NULL },
	[119] = { "Digest-Domain", K_STR, 0, 0, NULL },
	[120] = { "Digest-Stale", K_STR, 0, 0, NULL },
	[121] = { "Digest-HA1", K_STR, 0, 0, NULL },
	[122] = { "SIP-AOR", K_STR, 0, 0, NULL },
	[123] = { "Delegated-IPv6-Prefix", K_PREFIX6, 0, 0, NULL },
	[124] = { "MIP6-Feature-Vector", K_VEC64, 0, 0, NULL },
	[125] = { "MIP6-Home-Link-Prefix", K_MIP6PFX, 0, 0, NULL },
	[126] = { "Operator-Name", K_OPNAME, 0, 0, NULL },
	[127] = { "Location-Information", K_LOCINFO, 0, 0, NULL },
	[128] = { "Location-Data", K_LOCDATA, 0, 0, NULL },
	[129] = { "Basic-Location-Policy-Rules", K_BLPR, 0, 0, NULL },
};

static const struct tok eap_codes[] = {
	{ 1, "Request" }, { 2, "Response" }, { 3, "Success" }, { 4, "Failure" },
	{ 0, NULL },
};

static const struct tok eap_types[] = {
	{ 0, "No proposed" }, { 1, "Identity" }, { 2, "Notification" },
	{ 3, "Nak" }, { 4, "MD5-challenge" }, { 5, "OTP" }, { 6, "GTC" },
	{ 13, "TLS" }, { 18, "SIM" }, { 21, "TTLS" }, { 23, "AKA" },
	{ 43, "FAST" }, { 254, "Expanded types" }, { 255, "Experimental" },
	{ 0, NULL },
};

static const struct tok aka_subtypes[] = {
	{ 1, "Challenge" }, { 2, "Auth reject" }, { 4, "Sync failure" },
	{ 5, "Identity" }, { 10, "Start" }, { 11, "Challenge" },
	{ 12, "Notification" }, { 13, "Reauth" }, { 14, "Client error" },
	{ 0, NULL },
};

static void put_name(nd_t *nd, const struct tok *t, unsigned v,
                     const char *dflt)
{
	const char *s = tok_name(t, v);
	nd_s(nd, s ? s : dflt);
}

/* Text of up to n bytes, stopping at a NUL, escaped. */
static void put_jnp(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = nd_u8(nd, p + i);
		if (c == 0)
			break;
		nd_print_char(nd, c);
	}
}

static void tls_flags(nd_t *nd, unsigned f)
{
	static const struct tok names[] = {
		{ 0x80, "L bit" }, { 0x40, "More fragments bit" },
		{ 0x20, "Start bit" }, { 0, NULL },
	};
	nd_s(nd, " flags [");
	put_bits(nd, names, f, "none");
	nd_s(nd, "] 0x");
	out_x2(nd->out, f);
}

/* An EAP packet (RFC 3748) inside an EAP-Message attribute. */
static void eap_in_radius(nd_t *nd, const uint8_t *cp, unsigned length)
{
	unsigned type = nd_u8(nd, cp);
	unsigned len = nd_be16(nd, cp + 2);
	if (len != length) {
		nd_s(nd, "EAP fragment?");
		return;
	}
	put_name(nd, eap_codes, type, "unknown");
	{
		unsigned v0 = nd_u8(nd, cp + 1);
		nd_s(nd, " (");
		nd_u(nd, type);
		nd_s(nd, "), id ");
		nd_u(nd, v0);
		nd_s(nd, ", len ");
		nd_u(nd, len);
	}
	nd_need(nd, cp, len);
	if (type != 1 && type != 2)
		return;
	if (len < 5) {
		nd_s(nd, " (too short for EAP request/response)");
		return;
	}
	unsigned sub = nd_u8(nd, cp + 4);
	nd_s(nd, "\n\t\t Type ");
	put_name(nd, eap_types, sub, "unknown");
	nd_s(nd, " (");
	nd_u(nd, sub);
	nd_c(nd, ')');
	switch (sub) {
	case 1: case 2:
		if (len > 5) {
			nd_s(nd, sub == 1 ? ", Identity: " : ", Notification: ");
			put_jnp(nd, cp + 5, len - 5);
		}
		break;
	case 3:
		for (unsigned i = 5; i < len; i++) {
			unsigned t = nd_u8(nd, cp + i);
			nd_s(nd, i == 5 ? " " : ", ");
			put_name(nd, eap_types, t, "unknown");
			nd_s(nd, " (");
			nd_u(nd, t);
			nd_c(nd, ')');
		}
		break;
	case 13: case 21: case 43: {
		unsigned f = nd_u8(nd, cp + 5);
		if (sub == 21) {
			nd_s(nd, " TTLSv");
			nd_u(nd, f & 7);
		} else if (sub == 43) {
			nd_s(nd, " FASTv");
			nd_u(nd, f & 7);
		}
		tls_flags(nd, f);
		if (f & 0x80) {
			unsigned v0 = nd_be32(nd, cp + 6);
			nd_s(nd, ", len ");
			nd_u(nd, v0);
		}
		break;
	}
	case 18: case 23: {
		unsigned s = nd_u8(nd, cp + 5);
		nd_s(nd, " subtype [");
		put_name(nd, aka_subtypes, s, "unknown");
		nd_s(nd, "] 0x");
		out_x2(nd->out, s);
		break;
	}
	}
}

static void put_tagged(nd_t *nd, unsigned c)
{
	nd_s(nd, c == 0x31 ? "Tagged" : c == 0x32 ? "Untagged" : "Unknown tag");
	nd_s(nd, " (0x");
	out_x2(nd->out, c);
	nd_s(nd, ") ");
}

static void put_tag(nd_t *nd, unsigned t)
{
	if (t) {
		nd_s(nd, "Tag[");
		nd_u(nd, t);
		nd_s(nd, "] ");
	} else
		nd_s(nd, "Tag[Unused] ");
}

/* Text attributes (some with a tag or other prefix first); returns -1 when
 * the value is too short for its prefix. */
static int attr_string(nd_t *nd, const uint8_t *data, unsigned length,
                       unsigned code)
{
	switch (code) {
	case 69: { /* Tunnel-Password */
		if (length < 3)
			return -1;
		unsigned t = nd_u8(nd, data);
		put_tag(nd, t <= 0x1f ? t : 0);
		{
			unsigned v0 = nd_be16(nd, data + 1);
			nd_s(nd, "Salt ");
			nd_u(nd, v0);
			nd_c(nd, ' ');
		}
		data += 3;
		length -= 3;
		break;
	}
	case 66: case 67: case 81: case 82: case 90: case 91: {
		unsigned t = nd_u8(nd, data);
		if (t <= 0x1f) {
			put_tag(nd, t);
			data++;
			length--;
		}
		break;
	}
	case 58: /* Egress-VLAN-Name */
		put_tagged(nd, nd_u8(nd, data));
		data++;
		length--;
		break;
	case 79:
		eap_in_radius(nd, data, length);
		return 0;
	}
	for (unsigned i = 0; i < length; i++) {
		uint8_t c = nd_u8(nd, data + i);
		if (c == 0)
			break;
		nd_c(nd, c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
	return 0;
}

static void put_duration(nd_t *nd, uint32_t v)
{
	if (v < 60) {
		out_uw(nd->out, v, 2, '0');
		nd_s(nd, " secs");
	} else if (v < 3600) {
		out_uw(nd->out, v / 60, 2, '0');
		nd_c(nd, ':');
		out_uw(nd->out, v % 60, 2, '0');
		nd_s(nd, " min");
	} else {
		out_uw(nd->out, v / 3600, 2, '0');
		nd_c(nd, ':');
		out_uw(nd->out, (v % 3600) / 60, 2, '0');
		nd_c(nd, ':');
		out_uw(nd->out, v % 60, 2, '0');
		nd_s(nd, " hours");
	}
}

static void attr_num(nd_t *nd, const uint8_t *data, unsigned length,
                     unsigned code)
{
	const struct attr *a = &attrs[code];
	if (length != 4) {
		nd_s(nd, "ERROR: length ");
		nd_u(nd, length);
		nd_s(nd, " != 4");
		return;
	}
	if (a->n) {
		uint32_t v;
		if (code == 64 || code == 65) {
			put_tag(nd, nd_u8(nd, data));
			v = nd_be24(nd, data + 1);
		} else {
			v = nd_be32(nd, data);
		}
		if (v >= a->first && v - a->first < a->n)
			nd_s(nd, a->values[v - a->first]);
		else {
			nd_c(nd, '#');
			nd_u(nd, v);
		}
		return;
	}
	uint32_t v = 0;
	if (code != 83 && code != 56)
		v = nd_be32(nd, data);
	switch (code) {
	case 23: /* Framed-IPX-Network */
		if (v == 0xfffffffe)
			nd_s(nd, "NAS Select");
		else
			nd_u(nd, v);
		break;
	case 27: case 28: case 41: case 46: case 85:
		put_duration(nd, v);
		break;
	case 37:
		if (v)
			nd_u(nd, v);
		else
			nd_s(nd, "Unnumbered");
		break;
	case 38:
		if (v)
			nd_u(nd, v);
		else
			nd_s(nd, "NAS assigned");
		break;
	case 83: /* Tunnel-Preference */
		put_tag(nd, nd_u8(nd, data));
		nd_u(nd, nd_be24(nd, data + 1));
		break;
	case 56: /* Egress-VLANID */
		put_tagged(nd, nd_u8(nd, data));
		nd_u(nd, nd_be24(nd, data + 1));
		break;
	default:
		nd_u(nd, v);
		break;
	}
}

static void attr_address(nd_t *nd, const uint8_t *data, unsigned length,
                         unsigned code)
{
	if (length != 4) {
		nd_s(nd, "ERROR: length ");
		nd_u(nd, length);
		nd_s(nd, " != 4");
		return;
	}
	uint32_t v = nd_be32(nd, data);
	if ((code == 8 || code == 14) && v == 0xffffffff)
		nd_s(nd, "User Selected");
	else if ((code == 8 || code == 14) && v == 0xfffffffe)
		nd_s(nd, "NAS Select");
	else
		put_ip4(nd, data);
}

static void attr_prefix6(nd_t *nd, const uint8_t *data, unsigned length)
{
	if (length < 2 || length > 18) {
		nd_s(nd, "ERROR: length ");
		nd_u(nd, length);
		nd_s(nd, " not in range (2..18)");
		return;
	}
	if (!nd_has(nd, data, length)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned plen = data[1];
	if (plen > 128) {
		nd_s(nd, "ERROR: netmask ");
		nd_u(nd, plen);
		nd_s(nd, " not in range (0..128)");
		return;
	}
	uint8_t a[16] = { 0 };
	memcpy(a, data + 2, length - 2);
	char buf[64];
	fmt_ip6(buf, a);
	nd_s(nd, buf);
	nd_c(nd, '/');
	nd_u(nd, plen);
	if (plen > 8 * (length - 2))
		nd_s(nd, " (inconsistent prefix length)");
}

static void attr_time(nd_t *nd, const uint8_t *data, unsigned length)
{
	if (length != 4) {
		nd_s(nd, "ERROR: length ");
		nd_u(nd, length);
		nd_s(nd, " != 4");
		return;
	}
	time_t t = (time_t)nd_be32(nd, data);
	struct tm tm;
	char buf[128];
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm) == 0) {
		nd_s(nd, "[Time is out of range]");
		return;
	}
	nd_s(nd, buf);
}

static void put_hexup(nd_t *nd, const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		out_xu(nd->out, nd_u8(nd, p + i), 2);
}

/* The ARAP attributes. */
static void attr_strange(nd_t *nd, const uint8_t *data, unsigned length,
                         unsigned code)
{
	switch (code) {
	case 70:
		if (length != 16) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " != 16");
			return;
		}
		nd_s(nd, "User_challenge (");
		put_hexup(nd, data, 8);
		nd_s(nd, ") User_resp(");
		put_hexup(nd, data + 8, 8);
		nd_c(nd, ')');
		break;
	case 71:
		if (length != 14) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " != 14");
			return;
		}
		nd_s(nd, nd_u8(nd, data) ? "User can change password"
					  : "User cannot change password");
		{
			unsigned v0 = nd_u8(nd, data + 1);
			nd_s(nd, ", Min password length: ");
			nd_u(nd, v0);
		}
		nd_s(nd, ", created at: ");
		put_hexup(nd, data + 2, 4);
		nd_s(nd, ", expires in: ");
		put_hexup(nd, data + 6, 4);
		nd_s(nd, ", Current Time: ");
		put_hexup(nd, data + 10, 4);
		break;
	case 84:
		if (length < 8) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " != 8");
			return;
		}
		put_hexup(nd, data, 8);
		break;
	}
}

static void attr_vendor(nd_t *nd, const uint8_t *data, unsigned length)
{
	if (length < 4) {
		nd_print_trunc(nd);
		return;
	}
	unsigned id = nd_be32(nd, data);
	data += 4;
	length -= 4;
	nd_s(nd, "Vendor: ");
	put_name(nd, vendors, id, "Unknown");
	nd_s(nd, " (");
	nd_u(nd, id);
	nd_c(nd, ')');
	while (length >= 2) {
		unsigned vt = nd_u8(nd, data), vl = nd_u8(nd, data + 1);
		if (vl < 2) {
			nd_s(nd, "\n\t    Vendor Attribute: ");
			nd_u(nd, vt);
			nd_s(nd, ", Length: ");
			nd_u(nd, vl);
			nd_s(nd, " (bogus, must be >= 2)");
			return;
		}
		if (vl > length) {
			nd_s(nd, "\n\t    Vendor Attribute: ");
			nd_u(nd, vt);
			nd_s(nd, ", Length: ");
			nd_u(nd, vl);
			nd_s(nd, " (bogus, goes past end of vendor-specific attribute)");
			return;
		}
		data += 2;
		vl -= 2;
		length -= 2;
		if (!nd_has(nd, data, vl)) {
			nd_print_trunc(nd);
			return;
		}
		nd_s(nd, "\n\t    Vendor Attribute: ");
		nd_u(nd, vt);
		nd_s(nd, ", Length: ");
		nd_u(nd, vl);
		nd_s(nd, ", Value: ");
		for (unsigned i = 0; i < vl; i++, data++)
			nd_c(nd, *data >= 0x20 && *data < 0x7f ? (char)*data : '.');
		length -= vl;
	}
}

static void attr_special(nd_t *nd, const uint8_t *data, unsigned length,
                         unsigned kind)
{
	switch (kind) {
	case K_ERRCAUSE: {
		if (length != 4) {
			nd_s(nd, "Error: length ");
			nd_u(nd, length);
			nd_s(nd, " != 4");
			break;
		}
		unsigned v = nd_be32(nd, data);
		nd_s(nd, "Error cause ");
		nd_u(nd, v);
		nd_s(nd, ": ");
		const char *s = tok_name(error_causes, v);
		if (s)
			nd_s(nd, s);
		else {
			nd_s(nd, "Error-Cause ");
			nd_u(nd, v);
			nd_s(nd, " not known");
		}
		break;
	}
	case K_VEC64: {
		static const char *const bits[] = {
			"MIP6_INTEGRATED", "LOCAL_HOME_AGENT_ASSIGNMENT",
			"PMIP6_SUPPORTED", "IP4_HOA_SUPPORTED",
			"LOCAL_MAG_ROUTING_SUPPORTED", "ASSIGN_LOCAL_IP",
			"MIP4_SUPPORTED", "OPTIMIZED_IDLE_MODE_MOBILITY",
			"GTPv2_SUPPORTED", "IP4_TRANSPORT_SUPPORTED",
			"IP4_HOA_ONLY_SUPPORTED", "INTER_MAG_ROUTING_SUPPORTED",
		};
		if (length != 8) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " != 8");
			break;
		}
		nd_c(nd, '[');
		uint64_t v = nd_be64(nd, data);
		const char *sep = "";
		for (unsigned i = 0; i < sizeof bits / sizeof *bits; i++) {
			unsigned bit = i < 2 ? i : i + 38;
			if (v & ((uint64_t)1 << bit)) {
				nd_s(nd, sep);
				nd_s(nd, bits[i]);
				sep = ", ";
			}
		}
		nd_c(nd, ']');
		break;
	}
	case K_MIP6PFX:
		if (length != 17) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " != 17");
			break;
		}
		if (!nd_has(nd, data, length)) {
			nd_print_trunc(nd);
			break;
		}
		if (nd_u8(nd, data) > 128) {
			{
				unsigned v0 = nd_u8(nd, data);
				nd_s(nd, "ERROR: netmask ");
				nd_u(nd, v0);
				nd_s(nd, " not in range (0..128)");
			}
			break;
		}
		put_ip6(nd, data + 1);
		{
			unsigned v0 = nd_u8(nd, data);
			nd_c(nd, '/');
			nd_u(nd, v0);
		}
		break;
	case K_OPNAME: {
		static const char *const nss[] = { "TADIG", "REALM", "E212", "ICC" };
		if (length < 2) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " < 2");
			break;
		}
		unsigned ns = nd_u8(nd, data);
		if (ns >= 0x30 && ns <= 0x33) {
			nd_c(nd, '[');
			nd_s(nd, nss[ns - 0x30]);
			nd_s(nd, "] ");
		} else {
			nd_s(nd, "[unknown namespace ");
			nd_u(nd, ns);
			nd_s(nd, "] ");
		}
		nd_print_chars(nd, data + 1, length - 1);
		break;
	}
	case K_LOCINFO: {
		if (length < 21) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " < 21");
			break;
		}
		unsigned idx = nd_be16(nd, data);
		unsigned code = nd_u8(nd, data + 2), ent = nd_u8(nd, data + 3);
		nd_s(nd, "index ");
		nd_u(nd, idx);
		nd_s(nd, ", code ");
		if (code <= 1)
			nd_s(nd, code ? "Geospatial" : "Civic");
		else {
			nd_s(nd, "Unknown (");
			nd_u(nd, code);
			nd_c(nd, ')');
		}
		nd_s(nd, ", entity ");
		if (ent <= 1)
			nd_s(nd, ent ? "RADIUS" : "User");
		else {
			nd_s(nd, "Unknown (");
			nd_u(nd, ent);
			nd_c(nd, ')');
		}
		nd_s(nd, ", sighting time ");
		ntp_time_put(nd, data + 4);
		nd_s(nd, ", time to live ");
		ntp_time_put(nd, data + 12);
		nd_s(nd, ", method \"");
		nd_print_chars(nd, data + 20, length - 20);
		nd_c(nd, '"');
		break;
	}
	case K_LOCDATA:
		if (length < 3) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " < 3");
			break;
		}
		{
			unsigned v0 = nd_be16(nd, data);
			nd_s(nd, "index ");
			nd_u(nd, v0);
			nd_s(nd, ", location");
		}
		hex_ascii_dump(nd->out, "\n\t    ", data + 2, length - 2, 0);
		break;
	case K_BLPR: {
		if (length < 10) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " < 10");
			break;
		}
		unsigned fl = nd_be16(nd, data);
		nd_s(nd, "flags [");
		if (!fl)
			nd_s(nd, "none");
		for (unsigned i = 0; i < 16; i++) {
			if (!(fl & (1u << i)))
				continue;
			if (i == 15)
				nd_s(nd, "Retransmission Allowed");
			else {
				nd_s(nd, "MBZ-");
				nd_u(nd, 15 - i);
			}
			if (fl >> (i + 1))
				nd_s(nd, ", ");
		}
		nd_s(nd, "], retention expires ");
		ntp_time_put(nd, data + 2);
		if (length > 10) {
			nd_s(nd, ", note well \"");
			nd_print_chars(nd, data + 10, length - 10);
			nd_c(nd, '"');
		}
		break;
	}
	}
}

static void attr_value(nd_t *nd, const uint8_t *data, unsigned length,
                       unsigned code)
{
	unsigned kind = attrs[code].kind;
	/* These check that the whole value was captured before printing
	 * (and the attribute list goes on after the marker). */
	if ((kind == K_STR || kind == K_OPNAME || kind == K_LOCINFO ||
	     kind == K_LOCDATA || kind == K_BLPR) && !nd_has(nd, data, length)) {
		nd_print_trunc(nd);
		return;
	}
	switch (kind) {
	case K_NONE:
		break;
	case K_STR:
		if (attr_string(nd, data, length, code) < 0)
			nd_print_trunc(nd);
		break;
	case K_NUM:
		attr_num(nd, data, length, code);
		break;
	case K_ADDR:
		attr_address(nd, data, length, code);
		break;
	case K_ADDR6:
		if (length != 16) {
			nd_s(nd, "ERROR: length ");
			nd_u(nd, length);
			nd_s(nd, " != 16");
		} else
			put_ip6(nd, data);
		break;
	case K_PREFIX6:
		attr_prefix6(nd, data, length);
		break;
	case K_VENDOR:
		attr_vendor(nd, data, length);
		break;
	case K_TIME:
		attr_time(nd, data, length);
		break;
	case K_STRANGE:
		attr_strange(nd, data, length, code);
		break;
	default:
		attr_special(nd, data, length, kind);
		break;
	}
}

static void radius_attrs(nd_t *nd, const uint8_t *p, unsigned length)
{
	while (length > 0) {
		if (length < 2 || !nd_has(nd, p, 2)) {
			nd_print_trunc(nd);
			return;
		}
		unsigned type = p[0], len = p[1];
		const char *name = type != 0 && type < 130 ? attrs[type].name
							 : "Unknown";
		nd_s(nd, "\n\t  ");
		nd_s(nd, name);
		nd_s(nd, " Attribute (");
		nd_u(nd, type);
		nd_s(nd, "), length: ");
		nd_u(nd, len);
		if (len < 2) {
			nd_s(nd, " (bogus, must be >= 2)");
			return;
		}
		if (len > length) {
			nd_s(nd, " (bogus, goes past end of packet)");
			return;
		}
		nd_s(nd, ", Value: ");
		if (type < 130 && len > 2)
			attr_value(nd, p + 2, len - 2, type);
		if (nd->opt->vflag > 1) {
			/* as much of the value as was captured, no marker */
			size_t avail = nd_avail(nd, p + 2);
			hex_dump(nd->out, "\n\t    ", p + 2,
				 len - 2 < avail ? len - 2 : (unsigned)avail, 0);
		}
		length -= len;
		p += len;
	}
}

void radius_print(nd_t *nd, const uint8_t *bp, unsigned length,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)sport; (void)dport;
	if (ip && ip->nh == 6)
		return; /* -T radius names a UDP payload */
	nd_proto(nd, "radius");
	if (!nd_has(nd, bp, 20)) {
		nd_print_trunc(nd);
		return;
	}
	unsigned len = nd_be16(nd, bp + 2);
	if (len < 20) {
		nd_print_trunc(nd);
		return;
	}
	if (len > length)
		len = length;
	unsigned code = bp[0];
	const char *cname = tok_name(commands, code);
	if (!cname)
		cname = "Unknown Command";
	if (!nd->opt->vflag) {
		nd_s(nd, "RADIUS, ");
		nd_s(nd, cname);
		nd_s(nd, " (");
		nd_u(nd, code);
		nd_s(nd, "), id: 0x");
		out_x2(nd->out, bp[1]);
		nd_s(nd, " length: ");
		nd_u(nd, len);
		return;
	}
	nd_s(nd, "RADIUS, length: ");
	nd_u(nd, len);
	nd_s(nd, "\n\t");
	nd_s(nd, cname);
	nd_s(nd, " (");
	nd_u(nd, code);
	nd_s(nd, "), id: 0x");
	out_x2(nd->out, bp[1]);
	nd_s(nd, ", Authenticator: ");
	for (int i = 0; i < 16; i++)
		out_x2(nd->out, bp[4 + i]);
	if (len > 20)
		radius_attrs(nd, bp + 20, len - 20);
}
