/* ieee80211.c - IEEE 802.11 frames (DLT_IEEE802_11) and the capture
 * headers that precede them: radiotap (DLT_IEEE802_11_RADIO), the Prism
 * monitor header (DLT_PRISM_HEADER) and the AVS header
 * (DLT_IEEE802_11_RADIO_AVS).
 *
 * Output follows tcpdump 4.99.3: radiotap fields as "value unit " runs,
 * then the frame's subtype and a one-line summary of its body; -e adds the
 * addresses (and with -v the frame control flags and duration); data frames
 * go on to LLC.  Truncation inside a frame body ends with " [|802.11]",
 * inside the radiotap header with " [|802.11_radio]". */
#include <stdbool.h>

#include "../core/names.h"
#include "print.h"

/* Frame control field (little-endian 16 bits). */
#define FC_TYPE(fc)      (((fc) >> 2) & 3u)
#define FC_SUBTYPE(fc)   (((fc) >> 4) & 0xfu)
#define FC_TO_DS(fc)     ((fc) & 0x0100u)
#define FC_FROM_DS(fc)   ((fc) & 0x0200u)
#define FC_MORE_FRAG(fc) ((fc) & 0x0400u)
#define FC_RETRY(fc)     ((fc) & 0x0800u)
#define FC_PWR_MGMT(fc)  ((fc) & 0x1000u)
#define FC_MORE_DATA(fc) ((fc) & 0x2000u)
#define FC_PROTECTED(fc) ((fc) & 0x4000u)
#define FC_ORDER(fc)     ((fc) & 0x8000u)

enum { T_MGMT = 0, T_CTRL = 1, T_DATA = 2 };

/* Data subtype bits. */
#define D_CF_ACK(st)  ((st) & 1u)
#define D_CF_POLL(st) ((st) & 2u)
#define D_NULL(st)    ((st) & 4u)
#define D_QOS(st)     ((st) & 8u)

/* Management subtypes. */
enum {
	ST_ASSOC_REQ = 0, ST_ASSOC_RESP = 1, ST_REASSOC_REQ = 2,
	ST_REASSOC_RESP = 3, ST_PROBE_REQ = 4, ST_PROBE_RESP = 5,
	ST_BEACON = 8, ST_ATIM = 9, ST_DISASSOC = 10, ST_AUTH = 11,
	ST_DEAUTH = 12, ST_ACTION = 13,
};

/* Control subtypes. */
enum {
	C_WRAPPER = 7, C_BAR = 8, C_BA = 9, C_PS_POLL = 10, C_RTS = 11,
	C_CTS = 12, C_ACK = 13, C_CF_END = 14, C_END_ACK = 15,
};

/* Header lengths of the control frames (unknown subtypes: 0). */
static const uint8_t ctrl_hdrlen[16] = {
	[C_WRAPPER] = 16, [C_BAR] = 20, [C_BA] = 10, [C_PS_POLL] = 16,
	[C_RTS] = 16, [C_CTS] = 10, [C_ACK] = 10, [C_CF_END] = 16,
	[C_END_ACK] = 16,
};

static const char *const mgmt_names[16] = {
	[ST_ASSOC_REQ] = "Assoc Request", [ST_ASSOC_RESP] = "Assoc Response",
	[ST_REASSOC_REQ] = "ReAssoc Request",
	[ST_REASSOC_RESP] = "ReAssoc Response",
	[ST_PROBE_REQ] = "Probe Request", [ST_PROBE_RESP] = "Probe Response",
	[ST_BEACON] = "Beacon", [ST_ATIM] = "ATIM",
	[ST_DISASSOC] = "Disassociation", [ST_AUTH] = "Authentication",
	[ST_DEAUTH] = "DeAuthentication", [ST_ACTION] = "Action",
};

static const char *const ctrl_names[16] = {
	[C_WRAPPER] = "Control Wrapper", [C_BAR] = "BAR", [C_BA] = "BA",
	[C_PS_POLL] = "Power Save-Poll", [C_RTS] = "Request-To-Send",
	[C_CTS] = "Clear-To-Send", [C_ACK] = "Acknowledgment",
	[C_CF_END] = "CF-End", [C_END_ACK] = "CF-End+CF-Ack",
};

static const char *const status_text[108] = {
	"Successful", /* 0 */
	"Unspecified failure", /* 1 */
	"TDLS wakeup schedule rejected but alternative schedule provided", /* 2 */
	"TDLS wakeup schedule rejected", /* 3 */
	"Reserved", /* 4 */
	"Security disabled", /* 5 */
	"Unacceptable lifetime", /* 6 */
	"Not in same BSS", /* 7 */
	"Reserved", /* 8 */
	"Reserved", /* 9 */
	"Cannot Support all requested capabilities in the Capability Information field", /* 10 */
	"Reassociation denied due to inability to confirm that association exists", /* 11 */
	"Association denied due to reason outside the scope of this standard", /* 12 */
	"Responding STA does not support the specified authentication algorithm", /* 13 */
	"Received an Authentication frame with authentication transaction sequence number out of expected sequence", /* 14 */
	"Authentication rejected because of challenge failure", /* 15 */
	"Authentication rejected due to timeout waiting for next frame in sequence", /* 16 */
	"Association denied because AP is unable to handle additional associated STAs", /* 17 */
	"Association denied due to requesting STA not supporting all of the data rates in the BSSBasicRateSet parameter, the Basic HT-MCS Set field of the HT Operation parameter, or the Basic VHT-MCS and NSS Set field in the VHT Operation parameter", /* 18 */
	"Association denied due to requesting STA not supporting the short preamble option", /* 19 */
	"Reserved", /* 20 */
	"Reserved", /* 21 */
	"Association request rejected because Spectrum Management capability is required", /* 22 */
	"Association request rejected because the information in the Power Capability element is unacceptable", /* 23 */
	"Association request rejected because the information in the Supported Channels element is unacceptable", /* 24 */
	"Association denied due to requesting STA not supporting the Short Slot Time option", /* 25 */
	"Reserved", /* 26 */
	"Association denied because the requested STA does not support HT features", /* 27 */
	"R0KH unreachable", /* 28 */
	"Association denied because the requesting STA does not support the phased coexistence operation (PCO) transition time required by the AP", /* 29 */
	"Association request rejected temporarily; try again later", /* 30 */
	"Robust management frame policy violation", /* 31 */
	"Unspecified, QoS-related failure", /* 32 */
	"Association denied because QoS AP or PCP has insufficient bandwidth to handle another QoS STA", /* 33 */
	"Association denied due to excessive frame loss rates and/or poor conditions on current operating channel", /* 34 */
	"Association (with QoS BSS) denied because the requesting STA does not support the QoS facility", /* 35 */
	"Reserved", /* 36 */
	"The request has been declined", /* 37 */
	"The request has not been successful as one or more parameters have invalid values", /* 38 */
	"The allocation or TS has not been created because the request cannot be honored; however, a suggested TSPEC/DMG TSPEC is provided so that the initiating STA can attempt to set another allocation or TS with the suggested changes to the TSPEC/DMG TSPEC", /* 39 */
	"Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9", /* 40 */
	"Invalid group cipher", /* 41 */
	"Invalid pairwise cipher", /* 42 */
	"Invalid AKMP", /* 43 */
	"Unsupported RSNE version", /* 44 */
	"Invalid RSNE capabilities", /* 45 */
	"Cipher suite rejected because of security policy", /* 46 */
	"The TS or allocation has not been created; however, the HC or PCP might be capable of creating a TS or allocation, in response to a request, after the time indicated in the TS Delay element", /* 47 */
	"Direct Link is not allowed in the BSS by policy", /* 48 */
	"The Destination STA is not present within this BSS", /* 49 */
	"The Destination STA is not a QoS STA", /* 50 */
	"Association denied because the listen interval is too large", /* 51 */
	"Invalid FT Action frame count", /* 52 */
	"Invalid pairwise master key identifier (PMKID)", /* 53 */
	"Invalid MDE", /* 54 */
	"Invalid FTE", /* 55 */
	"Requested TCLAS processing is not supported by the AP or PCP", /* 56 */
	"The AP or PCP has insufficient TCLAS processing resources to satisfy the request", /* 57 */
	"The TS has not been created because the request cannot be honored; however, the HC or PCP suggests that the STA transition to a different BSS to set up the TS", /* 58 */
	"GAS Advertisement Protocol not supported", /* 59 */
	"No outstanding GAS request", /* 60 */
	"GAS Response not received from the Advertisement Server", /* 61 */
	"STA timed out waiting for GAS Query Response", /* 62 */
	"LARGE GAS Response is larger than query response length limit", /* 63 */
	"Request refused because home network does not support request", /* 64 */
	"Advertisement Server in the network is not currently reachable", /* 65 */
	"Reserved", /* 66 */
	"Request refused due to permissions received via SSPN interface", /* 67 */
	"Request refused because the AP or PCP does not support unauthenticated access", /* 68 */
	"Reserved", /* 69 */
	"Reserved", /* 70 */
	"Reserved", /* 71 */
	"Invalid contents of RSNE", /* 72 */
	"U-APSD coexistence is not supported", /* 73 */
	"Requested U-APSD coexistence mode is not supported", /* 74 */
	"Requested Interval/Duration value cannot be supported with U-APSD coexistence", /* 75 */
	"Authentication is rejected because an Anti-Clogging Token is required", /* 76 */
	"Authentication is rejected because the offered finite cyclic group is not supported", /* 77 */
	"The TBTT adjustment request has not been successful because the STA could not find an alternative TBTT", /* 78 */
	"Transmission failure", /* 79 */
	"Requested TCLAS Not Supported", /* 80 */
	"TCLAS Resources Exhausted", /* 81 */
	"Rejected with Suggested BSS transition", /* 82 */
	"Reject with recommended schedule", /* 83 */
	"Reject because no wakeup schedule specified", /* 84 */
	"Success, the destination STA is in power save mode", /* 85 */
	"FST pending, in process of admitting FST session", /* 86 */
	"Performing FST now", /* 87 */
	"FST pending, gap(s) in block ack window", /* 88 */
	"Reject because of U-PID setting", /* 89 */
	"Reserved", /* 90 */
	"Reserved", /* 91 */
	"(Re)Association refused for some external reason", /* 92 */
	"(Re)Association refused because of memory limits at the AP", /* 93 */
	"(Re)Association refused because emergency services are not supported at the AP", /* 94 */
	"GAS query response not yet received", /* 95 */
	"Reject since the request is for transition to a frequency band subject to DSE procedures and FST Initiator is a dependent STA", /* 96 */
	"Requested TCLAS processing has been terminated by the AP", /* 97 */
	"The TS schedule conflicts with an existing schedule; an alternative schedule is provided", /* 98 */
	"The association has been denied; however, one or more Multi-band elements are included that can be used by the receiving STA to join the BSS", /* 99 */
	"The request failed due to a reservation conflict", /* 100 */
	"The request failed due to exceeded MAF limit", /* 101 */
	"The request failed due to exceeded MCCA track limit", /* 102 */
	"Association denied because the information in theSpectrum Management field is unacceptable", /* 103 */
	"Association denied because the requesting STA does not support VHT features", /* 104 */
	"Enablement denied", /* 105 */
	"Enablement denied due to restriction from an authorized GDB", /* 106 */
	"Authorization deenabled", /* 107 */
};
static const char *const reason_text[67] = {
	"Reserved", /* 0 */
	"Unspecified reason", /* 1 */
	"Previous authentication no longer valid", /* 2 */
	"Deauthenticated because sending STA is leaving (or has left) IBSS or ESS", /* 3 */
	"Disassociated due to inactivity", /* 4 */
	"Disassociated because AP is unable to handle all currently  associated STAs", /* 5 */
	"Class 2 frame received from nonauthenticated STA", /* 6 */
	"Class 3 frame received from nonassociated STA", /* 7 */
	"Disassociated because sending STA is leaving (or has left) BSS", /* 8 */
	"STA requesting (re)association is not authenticated with responding STA", /* 9 */
	"Disassociated because the information in the Power Capability element is unacceptable", /* 10 */
	"Disassociated because the information in the Supported Channels element is unacceptable", /* 11 */
	"Disassociated due to BSS transition management", /* 12 */
	"Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9", /* 13 */
	"Message integrity code (MIC) failure", /* 14 */
	"4-Way Handshake timeout", /* 15 */
	"Group key handshake timeout", /* 16 */
	"Information element in 4-Way Handshake different from (Re)AssociationRequest/Probe Response/Beacon frame", /* 17 */
	"Invalid group cipher", /* 18 */
	"Invalid pairwise cipher", /* 19 */
	"Invalid AKMP", /* 20 */
	"Unsupported RSNE version", /* 21 */
	"Invalid RSNE capabilities", /* 22 */
	"IEEE 802.1X authentication failed", /* 23 */
	"Cipher suite rejected because of the security policy", /* 24 */
	"TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link", /* 25 */
	"TDLS direct-link teardown for unspecified reason", /* 26 */
	"Disassociated because session terminated by SSP request", /* 27 */
	"Disassociated because of lack of SSP roaming agreement", /* 28 */
	"Requested service rejected because of SSP cipher suite or AKM requirement", /* 29 */
	"Requested service not authorized in this location", /* 30 */
	"TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS service characteristics or operational mode (e.g. an HT BSS change from 40 MHz channel to 20 MHz channel)", /* 31 */
	"Disassociated for unspecified, QoS-related reason", /* 32 */
	"Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA", /* 33 */
	"Disassociated because of excessive number of frames that need to be acknowledged, but are not acknowledged due to AP transmissions and/or poor channel conditions", /* 34 */
	"Disassociated because STA is transmitting outside the limits of its TXOPs", /* 35 */
	"Requested from peer STA as the STA is leaving the BSS (or resetting)", /* 36 */
	"Requested from peer STA as it does not want to use the mechanism", /* 37 */
	"Requested from peer STA as the STA received frames using the mechanism for which a set up is required", /* 38 */
	"Requested from peer STA due to time out", /* 39 */
	"Reserved", /* 40 */
	"Reserved", /* 41 */
	"Reserved", /* 42 */
	"Reserved", /* 43 */
	"Reserved", /* 44 */
	"Peer STA does not support the requested cipher suite", /* 45 */
	"In a DLS Teardown frame: The teardown was initiated by the DLS peer. In a Disassociation frame: Disassociated because authorized access limit reached", /* 46 */
	"In a DLS Teardown frame: The teardown was initiated by the AP. In a Disassociation frame: Disassociated due to external service requirements", /* 47 */
	"Invalid FT Action frame count", /* 48 */
	"Invalid pairwise master key identifier (PMKID)", /* 49 */
	"Invalid MDE", /* 50 */
	"Invalid FTE", /* 51 */
	"Mesh peering canceled for unknown reasons", /* 52 */
	"The mesh STA has reached the supported maximum number of peer mesh STAs", /* 53 */
	"The received information violates the Mesh Configuration policy configured in the mesh STA profile", /* 54 */
	"The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering", /* 55 */
	"The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh Peering Confirm frame", /* 56 */
	"The confirmTimer for the mesh peering instance times out", /* 57 */
	"The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match", /* 58 */
	"The mesh STA receives inconsistent information about the mesh parameters between mesh peering Management frames", /* 59 */
	"The mesh STA fails the authenticated mesh peering exchange because due to failure in selecting either the pairwise ciphersuite or group ciphersuite", /* 60 */
	"The mesh STA does not have proxy information for this external destination", /* 61 */
	"The mesh STA does not have forwarding information for this destination", /* 62 */
	"The mesh STA determines that the link to the next hop of an active path in its forwarding information is no longer usable", /* 63 */
	"The Deauthentication frame was sent because the MAC address of the STA already exists in the mesh BSS", /* 64 */
	"The mesh STA performs channel switch to meet regulatory requirements", /* 65 */
	"The mesh STA performs channel switching with unspecified reason", /* 66 */
};

static const uint16_t ht_rate10[77][2][2] = {
	{ { 65, 72 }, { 135, 150 } }, /* 0 */
	{ { 130, 144 }, { 270, 300 } }, /* 1 */
	{ { 195, 217 }, { 405, 450 } }, /* 2 */
	{ { 260, 289 }, { 540, 600 } }, /* 3 */
	{ { 390, 433 }, { 810, 900 } }, /* 4 */
	{ { 520, 578 }, { 1080, 1200 } }, /* 5 */
	{ { 585, 650 }, { 1215, 1350 } }, /* 6 */
	{ { 650, 722 }, { 1350, 1500 } }, /* 7 */
	{ { 130, 144 }, { 270, 300 } }, /* 8 */
	{ { 260, 289 }, { 540, 600 } }, /* 9 */
	{ { 390, 433 }, { 810, 900 } }, /* 10 */
	{ { 520, 578 }, { 1080, 1200 } }, /* 11 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 12 */
	{ { 1040, 1156 }, { 2160, 2400 } }, /* 13 */
	{ { 1170, 1300 }, { 2430, 2700 } }, /* 14 */
	{ { 1300, 1444 }, { 2700, 3000 } }, /* 15 */
	{ { 195, 217 }, { 405, 450 } }, /* 16 */
	{ { 390, 433 }, { 810, 900 } }, /* 17 */
	{ { 585, 650 }, { 1215, 1350 } }, /* 18 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 19 */
	{ { 1170, 1300 }, { 2430, 2700 } }, /* 20 */
	{ { 1560, 1733 }, { 3240, 3600 } }, /* 21 */
	{ { 1755, 1950 }, { 3645, 4050 } }, /* 22 */
	{ { 1950, 2167 }, { 4050, 4500 } }, /* 23 */
	{ { 260, 289 }, { 540, 600 } }, /* 24 */
	{ { 520, 578 }, { 1080, 1200 } }, /* 25 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 26 */
	{ { 1040, 1156 }, { 2160, 2400 } }, /* 27 */
	{ { 1560, 1733 }, { 3240, 3600 } }, /* 28 */
	{ { 2080, 2311 }, { 4320, 4800 } }, /* 29 */
	{ { 2340, 2600 }, { 4860, 5400 } }, /* 30 */
	{ { 2600, 2889 }, { 5400, 6000 } }, /* 31 */
	{ { 0, 0 }, { 60, 67 } }, /* 32 */
	{ { 390, 433 }, { 810, 900 } }, /* 33 */
	{ { 520, 578 }, { 1080, 1200 } }, /* 34 */
	{ { 650, 722 }, { 1350, 1500 } }, /* 35 */
	{ { 585, 650 }, { 1215, 1350 } }, /* 36 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 37 */
	{ { 975, 1083 }, { 2025, 2250 } }, /* 38 */
	{ { 520, 578 }, { 1080, 1200 } }, /* 39 */
	{ { 650, 722 }, { 1350, 1500 } }, /* 40 */
	{ { 650, 722 }, { 1350, 1500 } }, /* 41 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 42 */
	{ { 910, 1011 }, { 1890, 2100 } }, /* 43 */
	{ { 910, 1011 }, { 1890, 2100 } }, /* 44 */
	{ { 1040, 1156 }, { 2160, 2400 } }, /* 45 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 46 */
	{ { 975, 1083 }, { 2025, 2250 } }, /* 47 */
	{ { 975, 1083 }, { 2025, 2250 } }, /* 48 */
	{ { 1170, 1300 }, { 2430, 2700 } }, /* 49 */
	{ { 1365, 1517 }, { 2835, 3150 } }, /* 50 */
	{ { 1365, 1517 }, { 2835, 3150 } }, /* 51 */
	{ { 1560, 1733 }, { 3240, 3600 } }, /* 52 */
	{ { 650, 722 }, { 1350, 1500 } }, /* 53 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 54 */
	{ { 910, 1011 }, { 1890, 2100 } }, /* 55 */
	{ { 780, 867 }, { 1620, 1800 } }, /* 56 */
	{ { 910, 1011 }, { 1890, 2100 } }, /* 57 */
	{ { 1040, 1156 }, { 2160, 2400 } }, /* 58 */
	{ { 1170, 1300 }, { 2430, 2700 } }, /* 59 */
	{ { 1040, 1156 }, { 2160, 2400 } }, /* 60 */
	{ { 1170, 1300 }, { 2430, 2700 } }, /* 61 */
	{ { 1300, 1444 }, { 2700, 3000 } }, /* 62 */
	{ { 1300, 1444 }, { 2700, 3000 } }, /* 63 */
	{ { 1430, 1589 }, { 2970, 3300 } }, /* 64 */
	{ { 975, 1083 }, { 2025, 2250 } }, /* 65 */
	{ { 1170, 1300 }, { 2430, 2700 } }, /* 66 */
	{ { 1365, 1517 }, { 2835, 3150 } }, /* 67 */
	{ { 1170, 1300 }, { 2430, 2700 } }, /* 68 */
	{ { 1365, 1517 }, { 2835, 3150 } }, /* 69 */
	{ { 1560, 1733 }, { 3240, 3600 } }, /* 70 */
	{ { 1755, 1950 }, { 3645, 4050 } }, /* 71 */
	{ { 1560, 1733 }, { 3240, 3600 } }, /* 72 */
	{ { 1755, 1950 }, { 3645, 4050 } }, /* 73 */
	{ { 1950, 2167 }, { 4050, 4500 } }, /* 74 */
	{ { 1950, 2167 }, { 4050, 4500 } }, /* 75 */
	{ { 2145, 2383 }, { 4455, 4950 } }, /* 76 */
};

static const char *const auth_alg_text[3] = { "Open System", "Shared Key", "EAP" };

static const char *status_str(unsigned s)
{
	return s < sizeof status_text / sizeof status_text[0] ? status_text[s] : "n/a";
}

static const char *reason_str(unsigned r)
{
	return r < sizeof reason_text / sizeof reason_text[0] ? reason_text[r] : "Reserved";
}

static const char *auth_alg_str(unsigned a)
{
	return a < 3 ? auth_alg_text[a] : "Reserved";
}

/* ------------------------------------------------------------------ */
/* Management frame bodies: the fixed fields, then the elements.      */

#define CAP_ESS(c)     ((c) & 0x0001u)
#define CAP_PRIVACY(c) ((c) & 0x0010u)

/* The first SSID, rates, DS, CF, TIM and mesh ID elements of a body;
 * only what the summaries print is kept. */
struct mgmt_body {
	unsigned cap, status, aid, reason, auth_alg, auth_seq;
	uint8_t ap[6];
	bool ssid_present, rates_present, ds_present;
	unsigned ssid_len, rates_len, ds_channel;
	uint8_t ssid[33];
	uint8_t rates[16];
};

enum { E_SSID = 0, E_RATES = 1, E_DS = 3, E_CF = 4, E_TIM = 5,
       E_CHALLENGE = 16, E_MESHID = 114 };

/* Walks the elements from p+off over len bytes.  Returns false when an
 * element is cut short by the capture or the length, or is longer than
 * tcpdump allows for its kind (the summary then ends with a marker). */
static bool parse_elements(nd_t *nd, struct mgmt_body *b, const uint8_t *p,
                           unsigned off, unsigned len)
{
	while (len != 0) {
		if (!nd_has(nd, p + off, 2) || len < 2)
			return false;
		unsigned id = p[off], elen = p[off + 1];
		if (!nd_has(nd, p + off + 2, elen) || len < elen + 2)
			return false;
		const uint8_t *v = p + off + 2;
		switch (id) {
		case E_SSID:
			if (elen > 32)
				return false;
			if (!b->ssid_present) {
				memcpy(b->ssid, v, elen);
				b->ssid[elen] = 0;
				b->ssid_len = elen;
				b->ssid_present = true;
			}
			break;
		case E_CHALLENGE:
			if (elen > 253)
				return false;
			break;
		case E_RATES:
			if (elen > 16)
				return false;
			if (!b->rates_present && elen != 0) {
				memcpy(b->rates, v, elen);
				b->rates_len = elen;
				b->rates_present = true;
			}
			break;
		case E_DS:
			if (elen == 1 && !b->ds_present) {
				b->ds_channel = v[0];
				b->ds_present = true;
			}
			break;
		case E_TIM:
			if (elen > 3 && elen - 3 > 251)
				return false;
			break;
		case E_MESHID:
			if (elen > 32)
				return false;
			break;
		default:
			break;
		}
		off += 2 + elen;
		len -= 2 + elen;
	}
	return true;
}

static void print_ssid(nd_t *nd, const struct mgmt_body *b)
{
	if (!b->ssid_present)
		return;
	nd_s(nd, " (");
	for (unsigned i = 0; i < b->ssid_len && b->ssid[i]; i++)
		nd_print_char(nd, b->ssid[i]);
	nd_c(nd, ')');
}

/* A rate in units of 500 kb/s, as "%2.1f". */
static void put_half_mbit(nd_t *nd, unsigned r)
{
	nd_u(nd, r / 2);
	nd_s(nd, r & 1 ? ".5" : ".0");
}

static void print_rates(nd_t *nd, const struct mgmt_body *b)
{
	if (!b->rates_present)
		return;
	const char *sep = " [";
	for (unsigned i = 0; i < b->rates_len; i++) {
		nd_s(nd, sep);
		put_half_mbit(nd, b->rates[i] & 0x7fu);
		if (b->rates[i] & 0x80)
			nd_c(nd, '*');
		sep = " ";
	}
	nd_s(nd, " Mbit]");
}

static void print_ds_channel(nd_t *nd, const struct mgmt_body *b)
{
	if (b->ds_present)
		nd_printf(nd, " CH: %u", b->ds_channel);
	if (CAP_PRIVACY(b->cap))
		nd_s(nd, ", PRIVACY");
}

/* Beacons and probe responses: timestamp, interval, capabilities. */
static bool handle_beacon_like(nd_t *nd, const uint8_t *p, unsigned len,
                               bool beacon)
{
	struct mgmt_body b = { 0 };
	if (!nd_has(nd, p, 12) || len < 12)
		return false;
	b.cap = nd_le16(nd, p + 10);
	bool ok = parse_elements(nd, &b, p, 12, len - 12);
	print_ssid(nd, &b);
	print_rates(nd, &b);
	if (beacon)
		nd_s(nd, CAP_ESS(b.cap) ? " ESS" : " IBSS");
	print_ds_channel(nd, &b);
	return ok;
}

static bool handle_assoc_request(nd_t *nd, const uint8_t *p, unsigned len)
{
	struct mgmt_body b = { 0 };
	if (!nd_has(nd, p, 4) || len < 4)
		return false;
	bool ok = parse_elements(nd, &b, p, 4, len - 4);
	print_ssid(nd, &b);
	print_rates(nd, &b);
	return ok;
}

static bool handle_assoc_response(nd_t *nd, const uint8_t *p, unsigned len)
{
	struct mgmt_body b = { 0 };
	if (!nd_has(nd, p, 6) || len < 6)
		return false;
	b.cap = nd_le16(nd, p);
	b.status = nd_le16(nd, p + 2);
	b.aid = nd_le16(nd, p + 4);
	bool ok = parse_elements(nd, &b, p, 6, len - 6);
	nd_printf(nd, " AID(%x) :%s: %s", b.aid & 0x3fffu,
		  CAP_PRIVACY(b.cap) ? " PRIVACY " : "", status_str(b.status));
	return ok;
}

static bool handle_reassoc_request(nd_t *nd, const uint8_t *p, unsigned len)
{
	struct mgmt_body b = { 0 };
	if (!nd_has(nd, p, 10) || len < 10)
		return false;
	memcpy(b.ap, p + 4, 6);
	bool ok = parse_elements(nd, &b, p, 10, len - 10);
	print_ssid(nd, &b);
	nd_s(nd, " AP : ");
	put_mac(nd, p + 4);
	return ok;
}

static bool handle_probe_request(nd_t *nd, const uint8_t *p, unsigned len)
{
	struct mgmt_body b = { 0 };
	bool ok = parse_elements(nd, &b, p, 0, len);
	print_ssid(nd, &b);
	print_rates(nd, &b);
	return ok;
}

static bool handle_disassoc(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (!nd_has(nd, p, 2) || len < 2)
		return false;
	nd_printf(nd, ": %s", reason_str(nd_le16(nd, p)));
	return true;
}

static bool handle_auth(nd_t *nd, const uint8_t *p, unsigned len)
{
	struct mgmt_body b = { 0 };
	if (!nd_has(nd, p, 6) || len < 6)
		return false;
	b.auth_alg = nd_le16(nd, p);
	b.auth_seq = nd_le16(nd, p + 2);
	b.status = nd_le16(nd, p + 4);
	bool ok = parse_elements(nd, &b, p, 6, len - 6);
	const char *st = b.auth_seq % 2 ? status_str(b.status) : "";
	if (b.auth_alg == 1 && (b.auth_seq == 2 || b.auth_seq == 3))
		nd_printf(nd, " (%s)-%x [Challenge Text] %s",
			  auth_alg_str(b.auth_alg), b.auth_seq, st);
	else
		nd_printf(nd, " (%s)-%x: %s", auth_alg_str(b.auth_alg),
			  b.auth_seq, st);
	return ok;
}

static bool handle_deauth(nd_t *nd, const uint8_t *src, const uint8_t *p,
                          unsigned len)
{
	if (!nd_has(nd, p, 2) || len < 2)
		return false;
	const char *reason = reason_str(nd_le16(nd, p));
	if (nd->opt->eflag) {
		nd_printf(nd, ": %s", reason);
	} else {
		nd_s(nd, " (");
		put_mac(nd, src);
		nd_printf(nd, "): %s", reason);
	}
	return true;
}

static void action_name(nd_t *nd, const char *const *names, unsigned n,
                        unsigned act)
{
	if (act < n && names[act])
		nd_s(nd, names[act]);
	else
		nd_printf(nd, "Act#%u", act);
}

static bool handle_action(nd_t *nd, const uint8_t *src, const uint8_t *p,
                          unsigned len)
{
	static const char *const ba[] = { "ADDBA Request", "ADDBA Response", "DELBA" };
	static const char *const ht[] = { "TxChWidth", "MIMOPwrSave" };
	static const char *const mesh[] = {
		"MeshLink", "HWMP", "Gate Announcement", "Congestion Control",
		"MCCA Setup Request", "MCCA Setup Reply",
		"MCCA Advertisement Request", "MCCA Advertisement",
		"MCCA Teardown", "TBTT Adjustment Request",
		"TBTT Adjustment Response",
	};
	static const char *const multihop[] = { "Proxy Update", "Proxy Update Confirmation" };
	static const char *const selfprot[] = {
		NULL, "Peering Open", "Peering Confirm", "Peering Close",
		"Group Key Inform", "Group Key Acknowledge",
	};
#define NA(a) (sizeof(a) / sizeof((a)[0]))
	if (!nd_has(nd, p, 2) || len < 2)
		return false;
	if (nd->opt->eflag) {
		nd_s(nd, ": ");
	} else {
		nd_s(nd, " (");
		put_mac(nd, src);
		nd_s(nd, "): ");
	}
	unsigned cat = p[0], act = p[1];
	switch (cat) {
	case 0: nd_printf(nd, "Spectrum Management Act#%u", act); break;
	case 1: nd_printf(nd, "QoS Act#%u", act); break;
	case 2: nd_printf(nd, "DLS Act#%u", act); break;
	case 3: nd_s(nd, "BA "); action_name(nd, ba, NA(ba), act); break;
	case 7: nd_s(nd, "HT "); action_name(nd, ht, NA(ht), act); break;
	case 13: nd_s(nd, "MeshAction "); action_name(nd, mesh, NA(mesh), act); break;
	case 14:
		nd_s(nd, "MultiohopAction ");
		action_name(nd, multihop, NA(multihop), act);
		break;
	case 15:
		nd_s(nd, "SelfprotectAction ");
		action_name(nd, selfprot, NA(selfprot), act);
		break;
	case 127: nd_printf(nd, "Vendor Act#%u", act); break;
	default: nd_printf(nd, "Reserved(%u) Act#%u", cat, act); break;
	}
#undef NA
	return true;
}

/* " IV:%3x Pad %x KeyID %x" of a protected frame. */
static bool wep_print(nd_t *nd, const uint8_t *p)
{
	if (!nd_has(nd, p, 4))
		return false;
	uint32_t iv = nd_le32(nd, p);
	nd_printf(nd, " IV:%3x Pad %x KeyID %x", iv & 0xffffffu,
		  (iv >> 24) & 0x3fu, (iv >> 30) & 3u);
	return true;
}

static bool mgmt_body_print(nd_t *nd, unsigned fc, const uint8_t *src,
                            const uint8_t *p, unsigned len)
{
	unsigned st = FC_SUBTYPE(fc);
	if (mgmt_names[st])
		nd_s(nd, mgmt_names[st]);
	else
		nd_printf(nd, "Unhandled Management subtype(%x)", st);
	if (FC_PROTECTED(fc))
		return wep_print(nd, p);
	switch (st) {
	case ST_ASSOC_REQ: return handle_assoc_request(nd, p, len);
	case ST_ASSOC_RESP:
	case ST_REASSOC_RESP: return handle_assoc_response(nd, p, len);
	case ST_REASSOC_REQ: return handle_reassoc_request(nd, p, len);
	case ST_PROBE_REQ: return handle_probe_request(nd, p, len);
	case ST_PROBE_RESP: return handle_beacon_like(nd, p, len, false);
	case ST_BEACON: return handle_beacon_like(nd, p, len, true);
	case ST_DISASSOC: return handle_disassoc(nd, p, len);
	case ST_AUTH: return handle_auth(nd, p, len);
	case ST_DEAUTH: return handle_deauth(nd, src, p, len);
	case ST_ACTION: return handle_action(nd, src, p, len);
	default: return true;
	}
}

/* Control frames: p at the frame control field. */
static bool ctrl_body_print(nd_t *nd, unsigned fc, const uint8_t *p)
{
	unsigned st = FC_SUBTYPE(fc);
	nd_s(nd, ctrl_names[st] ? ctrl_names[st] : "Unknown Ctrl Subtype");
	if (st == C_WRAPPER)
		return true;
	if (!nd_has(nd, p, ctrl_hdrlen[st]))
		return false;
	bool e = nd->opt->eflag;
	switch (st) {
	case C_BAR:
		if (!e) {
			nd_s(nd, " RA:");
			put_mac(nd, p + 4);
			nd_s(nd, " TA:");
			put_mac(nd, p + 10);
			nd_printf(nd, " CTL(%x) SEQ(%u) ", nd_le16(nd, p + 16),
				  nd_le16(nd, p + 18));
		}
		break;
	case C_PS_POLL:
		nd_printf(nd, " AID(%x)", nd_le16(nd, p + 2));
		break;
	case C_RTS:
		if (!e) {
			nd_s(nd, " TA:");
			put_mac(nd, p + 10);
			nd_c(nd, ' ');
		}
		break;
	default: /* BA, CTS, ACK, CF-End, CF-End+CF-Ack */
		if (!e) {
			nd_s(nd, " RA:");
			put_mac(nd, p + 4);
			nd_c(nd, ' ');
		}
		break;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* The -e header summary.                                             */

static void addr(nd_t *nd, const char *label, const uint8_t *a)
{
	nd_s(nd, label);
	put_mac(nd, a);
	nd_c(nd, ' ');
}

static void data_header_print(nd_t *nd, unsigned fc, const uint8_t *p)
{
	unsigned st = FC_SUBTYPE(fc);
	if (D_CF_ACK(st) || D_CF_POLL(st) || D_QOS(st)) {
		nd_s(nd, "CF ");
		if (D_CF_ACK(st))
			nd_s(nd, D_CF_POLL(st) ? "Ack/Poll" : "Ack");
		else if (D_CF_POLL(st))
			nd_s(nd, "Poll");
		if (D_QOS(st))
			nd_s(nd, "+QoS");
		nd_c(nd, ' ');
	}
	const uint8_t *a1 = p + 4, *a2 = p + 10, *a3 = p + 16, *a4 = p + 24;
	if (!FC_TO_DS(fc) && !FC_FROM_DS(fc)) {
		addr(nd, "DA:", a1); addr(nd, "SA:", a2); addr(nd, "BSSID:", a3);
	} else if (!FC_TO_DS(fc)) {
		addr(nd, "DA:", a1); addr(nd, "BSSID:", a2); addr(nd, "SA:", a3);
	} else if (!FC_FROM_DS(fc)) {
		addr(nd, "BSSID:", a1); addr(nd, "SA:", a2); addr(nd, "DA:", a3);
	} else {
		addr(nd, "RA:", a1); addr(nd, "TA:", a2); addr(nd, "DA:", a3);
		addr(nd, "SA:", a4);
	}
}

static void ctrl_header_print(nd_t *nd, unsigned fc, const uint8_t *p)
{
	switch (FC_SUBTYPE(fc)) {
	case C_BAR:
		nd_s(nd, " RA:");
		put_mac(nd, p + 4);
		nd_s(nd, " TA:");
		put_mac(nd, p + 10);
		nd_printf(nd, " CTL(%x) SEQ(%u) ", nd_le16(nd, p + 16),
			  nd_le16(nd, p + 18));
		break;
	case C_PS_POLL:
		addr(nd, "BSSID:", p + 4);
		addr(nd, "TA:", p + 10);
		break;
	case C_RTS:
		addr(nd, "RA:", p + 4);
		addr(nd, "TA:", p + 10);
		break;
	case C_CF_END:
	case C_END_ACK:
		addr(nd, "RA:", p + 4);
		addr(nd, "BSSID:", p + 10);
		break;
	case C_BA:
	case C_CTS:
	case C_ACK:
		addr(nd, "RA:", p + 4);
		break;
	default:
		break;
	}
}

static void hdr_print(nd_t *nd, unsigned fc, const uint8_t *p, unsigned hdrlen,
                      unsigned meshlen)
{
	if (nd->opt->vflag) {
		if (FC_MORE_DATA(fc))
			nd_s(nd, "More Data ");
		if (FC_MORE_FRAG(fc))
			nd_s(nd, "More Fragments ");
		if (FC_PWR_MGMT(fc))
			nd_s(nd, "Pwr Mgmt ");
		if (FC_RETRY(fc))
			nd_s(nd, "Retry ");
		if (FC_ORDER(fc))
			nd_s(nd, "Strictly Ordered ");
		if (FC_PROTECTED(fc))
			nd_s(nd, "Protected ");
		if (FC_TYPE(fc) != T_CTRL || FC_SUBTYPE(fc) != C_PS_POLL)
			nd_printf(nd, "%uus ", nd_le16(nd, p + 2));
	}
	if (meshlen) {
		const uint8_t *mc = p + hdrlen - meshlen;
		unsigned ae = nd_u8(nd, mc) & 3u;
		nd_printf(nd, "MeshData (AE %u TTL %u seq %u", ae, nd_u8(nd, mc + 1),
			  nd_le32(nd, mc + 2));
		if (ae > 0) {
			nd_s(nd, " A4:");
			put_mac(nd, mc + 6);
		}
		if (ae > 1) {
			nd_s(nd, " A5:");
			put_mac(nd, mc + 12);
		}
		if (ae > 2) {
			nd_s(nd, " A6:");
			put_mac(nd, mc + 18);
		}
		nd_s(nd, ") ");
	}
	switch (FC_TYPE(fc)) {
	case T_MGMT:
		addr(nd, "BSSID:", p + 16);
		addr(nd, "DA:", p + 4);
		addr(nd, "SA:", p + 10);
		break;
	case T_CTRL:
		ctrl_header_print(nd, fc, p);
		break;
	default:
		data_header_print(nd, fc, p);
		break;
	}
}

/* ------------------------------------------------------------------ */
/* The 802.11 frame.                                                  */

/* The frame's header length, or 0 (after saying why) when the type or
 * control subtype is unknown. */
static unsigned header_length(nd_t *nd, unsigned fc)
{
	switch (FC_TYPE(fc)) {
	case T_MGMT:
		return 24;
	case T_CTRL:
		if (!ctrl_hdrlen[FC_SUBTYPE(fc)])
			nd_printf(nd, "unknown 802.11 ctrl frame subtype (%u)",
				  FC_SUBTYPE(fc));
		return ctrl_hdrlen[FC_SUBTYPE(fc)];
	case T_DATA: {
		unsigned l = FC_TO_DS(fc) && FC_FROM_DS(fc) ? 30 : 24;
		return D_QOS(FC_SUBTYPE(fc)) ? l + 2 : l;
	}
	default:
		nd_printf(nd, "unknown 802.11 frame type (%u)", FC_TYPE(fc));
		return 0;
	}
}

/* Prints a frame of len bytes (caplen captured), with Atheros padding
 * after the header when pad and fcslen bytes of FCS at the end; returns
 * the length of the headers -x/-X skip. */
static unsigned ieee80211_print(nd_t *nd, const uint8_t *p, unsigned len,
                                unsigned orig_caplen, bool pad, unsigned fcslen)
{
	unsigned caplen = orig_caplen;
	nd_proto(nd, "802.11");
	if (len < fcslen) {
		nd_print_trunc(nd);
		return caplen;
	}
	len -= fcslen;
	if (caplen > len) {
		/* the FCS was captured: it is not part of the frame */
		unsigned extra = caplen - len;
		caplen -= extra;
		nd->end -= extra;
	}
	if (caplen < 2) {
		nd_print_trunc(nd);
		return orig_caplen;
	}
	unsigned fc = nd_le16(nd, p);
	unsigned hdrlen = header_length(nd, fc);
	if (hdrlen == 0)
		return 0;
	if (pad)
		hdrlen = (hdrlen + 3) & ~3u;
	unsigned meshlen = 0;
	if (nd->opt->Hflag && FC_TYPE(fc) == T_DATA && D_QOS(FC_SUBTYPE(fc))) {
		if (!nd_has(nd, p + hdrlen, 1) || caplen < hdrlen + 1) {
			nd_print_trunc(nd);
			return hdrlen;
		}
		unsigned f = p[hdrlen];
		meshlen = (f & ~3u) ? 0 : 6 * (1 + (f & 3u));
		hdrlen += meshlen;
	}
	if (caplen < hdrlen) {
		nd_print_trunc(nd);
		return hdrlen;
	}
	if (nd->opt->eflag)
		hdr_print(nd, fc, p, hdrlen, meshlen);

	const uint8_t *body = p + hdrlen;
	len -= hdrlen;
	caplen -= hdrlen;
	switch (FC_TYPE(fc)) {
	case T_MGMT:
		if (!mgmt_body_print(nd, fc, p + 10, body, len)) {
			nd_print_trunc(nd);
			return hdrlen;
		}
		break;
	case T_CTRL:
		if (!ctrl_body_print(nd, fc, p)) {
			nd_print_trunc(nd);
			return hdrlen;
		}
		break;
	default: {
		if (D_NULL(FC_SUBTYPE(fc)))
			return hdrlen;
		if (FC_PROTECTED(fc)) {
			nd_s(nd, "Data");
			if (!wep_print(nd, body)) {
				nd_print_trunc(nd);
				return hdrlen;
			}
			break;
		}
		const uint8_t *src, *dst;
		if (!FC_TO_DS(fc)) {
			src = FC_FROM_DS(fc) ? p + 16 : p + 10;
			dst = p + 4;
		} else {
			src = FC_FROM_DS(fc) ? p + 24 : p + 10;
			dst = p + 16;
		}
		int l = llc_print(nd, body, len, caplen, src, dst);
		if (l < 0) {
			if (!suppress_default(nd))
				link_default_print(nd, body, caplen);
			l = -l;
		}
		hdrlen += (unsigned)l;
		break;
	}
	}
	return hdrlen;
}

unsigned ieee80211_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                            unsigned len)
{
	return ieee80211_print(nd, p, len, caplen, false, 0);
}

/* ------------------------------------------------------------------ */
/* Radiotap.                                                          */

/* Reads the header's fields in order, each aligned to its own size from
 * the start of the header, never past the header's length (a field that
 * does not fit makes the read fail; the header itself was captured). */
struct cpack {
	const uint8_t *buf;
	size_t len, off;
};

static bool cp_reserve(struct cpack *c, size_t size, size_t *at)
{
	size_t o = (c->off + size - 1) & ~(size - 1);
	if (o + size > c->len)
		return false;
	*at = o;
	return true;
}

static bool cp_u8(struct cpack *c, unsigned *v)
{
	if (c->off >= c->len)
		return false;
	*v = c->buf[c->off++];
	return true;
}

static bool cp_le16(struct cpack *c, unsigned *v)
{
	size_t at;
	if (!cp_reserve(c, 2, &at))
		return false;
	*v = (unsigned)c->buf[at] | (unsigned)c->buf[at + 1] << 8;
	c->off = at + 2;
	return true;
}

static bool cp_le32(struct cpack *c, uint32_t *v)
{
	size_t at;
	if (!cp_reserve(c, 4, &at))
		return false;
	*v = (uint32_t)c->buf[at] | (uint32_t)c->buf[at + 1] << 8 |
	     (uint32_t)c->buf[at + 2] << 16 | (uint32_t)c->buf[at + 3] << 24;
	c->off = at + 4;
	return true;
}

static bool cp_le64(struct cpack *c, uint64_t *v)
{
	size_t at;
	if (!cp_reserve(c, 8, &at))
		return false;
	uint64_t r = 0;
	for (int i = 7; i >= 0; i--)
		r = r << 8 | c->buf[at + (size_t)i];
	*v = r;
	c->off = at + 8;
	return true;
}

static bool cp_advance(struct cpack *c, size_t n)
{
	if (c->off + n > c->len)
		return false;
	c->off += n;
	return true;
}

/* Channel flags. */
#define CH_TURBO   0x00010u
#define CH_CCK     0x00020u
#define CH_OFDM    0x00040u
#define CH_2GHZ    0x00080u
#define CH_5GHZ    0x00100u
#define CH_DYN     0x00400u
#define CH_GFSK    0x00800u
#define CH_HALF    0x04000u
#define CH_QUARTER 0x08000u
#define CH_HT20    0x10000u
#define CH_HT40U   0x20000u
#define CH_HT40D   0x40000u
#define HAS(f, m) (((f) & (m)) == (m))

#define RT_MCS_BIT (1u << 19)
#define RT_XCHANNEL_BIT (1u << 18)

static void print_chaninfo(nd_t *nd, unsigned freq, uint32_t flags,
                           uint32_t present)
{
	nd_printf(nd, "%u MHz", freq);
	if (present & RT_MCS_BIT) {
		nd_s(nd, " 11n"); /* the VHT field changes nothing in 4.99.3 */
	} else {
		if (HAS(flags, CH_2GHZ | CH_GFSK))
			nd_s(nd, " FHSS");
		if (HAS(flags, CH_5GHZ | CH_OFDM)) {
			if (flags & CH_HALF)
				nd_s(nd, " 11a/10Mhz");
			else if (flags & CH_QUARTER)
				nd_s(nd, " 11a/5Mhz");
			else
				nd_s(nd, " 11a");
		}
		if (HAS(flags, CH_2GHZ | CH_OFDM) || HAS(flags, CH_2GHZ | CH_DYN)) {
			if (flags & CH_HALF)
				nd_s(nd, " 11g/10Mhz");
			else if (flags & CH_QUARTER)
				nd_s(nd, " 11g/5Mhz");
			else
				nd_s(nd, " 11g");
		} else if (HAS(flags, CH_2GHZ | CH_CCK)) {
			nd_s(nd, " 11b");
		}
		if (flags & CH_TURBO)
			nd_s(nd, " Turbo");
	}
	if (flags & CH_HT20)
		nd_s(nd, " ht/20");
	else if (flags & CH_HT40D)
		nd_s(nd, " ht/40-");
	else if (flags & CH_HT40U)
		nd_s(nd, " ht/40+");
	nd_c(nd, ' ');
}

static void put_rate10(nd_t *nd, unsigned r10)
{
	nd_printf(nd, "%u.%u", r10 / 10, r10 % 10);
}

/* Radiotap flags field. */
#define RF_CFP      0x01u
#define RF_SHORTPRE 0x02u
#define RF_WEP      0x04u
#define RF_FRAG     0x08u
#define RF_FCS      0x10u
#define RF_DATAPAD  0x20u
#define RF_BADFCS   0x40u

/* One field of the default namespace.  Returns false when nothing more of
 * the header can be read (a field cut short, or one of unknown size). */
static bool radiotap_field(nd_t *nd, struct cpack *c, unsigned bit,
                           unsigned *flagsp, uint32_t present)
{
	unsigned a, b, d;
	uint32_t w;
	uint64_t q;
	switch (bit) {
	case 0: /* TSFT */
		if (!cp_le64(c, &q))
			goto trunc;
		nd_printf(nd, "%lluus tsft ", (unsigned long long)q);
		break;
	case 1: /* flags */
		if (!cp_u8(c, &a))
			goto trunc;
		*flagsp = a;
		if (a & RF_CFP)
			nd_s(nd, "cfp ");
		if (a & RF_SHORTPRE)
			nd_s(nd, "short preamble ");
		if (a & RF_WEP)
			nd_s(nd, "wep ");
		if (a & RF_FRAG)
			nd_s(nd, "fragmented ");
		if (a & RF_BADFCS)
			nd_s(nd, "bad-fcs ");
		break;
	case 2: /* rate */
		if (!cp_u8(c, &a))
			goto trunc;
		if (a >= 0x80 && a <= 0x8f) {
			nd_printf(nd, "MCS %u ", a & 0x7fu);
		} else {
			put_half_mbit(nd, a);
			nd_s(nd, " Mb/s ");
		}
		break;
	case 3: /* channel */
		if (!cp_le16(c, &a) || !cp_le16(c, &b))
			goto trunc;
		if (!(present & RT_XCHANNEL_BIT))
			print_chaninfo(nd, a, b, present);
		break;
	case 4: /* FHSS */
		if (!cp_u8(c, &a) || !cp_u8(c, &b))
			goto trunc;
		nd_printf(nd, "fhset %u fhpat %u ", a, b);
		break;
	case 5: /* dBm antenna signal */
		if (!cp_u8(c, &a))
			goto trunc;
		nd_printf(nd, "%ddBm signal ", (int)(int8_t)a);
		break;
	case 6: /* dBm antenna noise */
		if (!cp_u8(c, &a))
			goto trunc;
		nd_printf(nd, "%ddBm noise ", (int)(int8_t)a);
		break;
	case 7: /* lock quality */
		if (!cp_le16(c, &a))
			goto trunc;
		nd_printf(nd, "%u sq ", a);
		break;
	case 8: /* TX attenuation */
		if (!cp_le16(c, &a))
			goto trunc;
		nd_printf(nd, "%d tx power ", -(int)(int16_t)a); /* signed, as tcpdump reads it */
		break;
	case 9: /* dB TX attenuation: one octet, as tcpdump 4.99.3 reads it */
		if (!cp_u8(c, &a))
			goto trunc;
		nd_printf(nd, "%ddB tx attenuation ", -(int)(int8_t)a);
		break;
	case 10: /* dBm TX power */
		if (!cp_u8(c, &a))
			goto trunc;
		nd_printf(nd, "%ddBm tx power ", (int)(int8_t)a);
		break;
	case 11: /* antenna */
		if (!cp_u8(c, &a))
			goto trunc;
		nd_printf(nd, "antenna %u ", a);
		break;
	case 12: /* dB antenna signal */
		if (!cp_u8(c, &a))
			goto trunc;
		nd_printf(nd, "%udB signal ", a);
		break;
	case 13: /* dB antenna noise */
		if (!cp_u8(c, &a))
			goto trunc;
		nd_printf(nd, "%udB noise ", a);
		break;
	case 14: /* RX flags: read, not printed */
		if (!cp_le16(c, &a))
			goto trunc;
		break;
	case 18: /* XChannel */
		if (!cp_le32(c, &w) || !cp_le16(c, &a) || !cp_u8(c, &b) ||
		    !cp_u8(c, &d))
			goto trunc;
		print_chaninfo(nd, a, w, present);
		break;
	case 19: { /* MCS */
		static const char *const bw[4] = {
			"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)",
		};
		unsigned known, fl, mcs;
		if (!cp_u8(c, &known) || !cp_u8(c, &fl) || !cp_u8(c, &mcs))
			goto trunc;
		if (known & 0x02) {
			unsigned r10 = 0;
			if (mcs <= 76 && (known & 0x05))
				r10 = ht_rate10[mcs][(fl & 3u) == 1][(fl & 4u) != 0];
			if (r10) {
				put_rate10(nd, r10);
				nd_printf(nd, " Mb/s MCS %u ", mcs);
			} else {
				nd_printf(nd, "MCS %u ", mcs);
			}
		}
		if (known & 0x01)
			nd_printf(nd, "%s ", bw[fl & 3u]);
		if (known & 0x04)
			nd_s(nd, fl & 0x04 ? "short GI " : "long GI ");
		if (known & 0x08)
			nd_s(nd, fl & 0x08 ? "greenfield " : "mixed ");
		if (known & 0x10)
			nd_s(nd, fl & 0x10 ? "LDPC FEC " : "BCC FEC ");
		if (known & 0x20)
			nd_printf(nd, "RX-STBC%u ", (fl & 0x60u) >> 5);
		break;
	}
	case 20: /* A-MPDU status: read, not printed */
		if (!cp_le32(c, &w) || !cp_le16(c, &a) || !cp_u8(c, &b) ||
		    !cp_u8(c, &d))
			goto trunc;
		break;
	case 21: { /* VHT */
		static const char *const vbw[32] = {
			"20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)",
			"80 MHz", "80 MHz (L)", "80 MHz (U)", "80 MHz (LL)",
			"80 MHz (LU)", "80 MHz (UL)", "80 MHz (UU)", "160 MHz",
			"160 MHz (L)", "160 MHz (U)", "160 MHz (LL)",
			"160 MHz (LU)", "160 MHz (UL)", "160 MHz (UU)",
			"160 MHz (LLL)", "160 MHz (LLU)", "160 MHz (LUL)",
			"160 MHz (UUU)", "160 MHz (ULL)", "160 MHz (ULU)",
			"160 MHz (UUL)", "160 MHz (UUU)", "unknown (26)",
			"unknown (27)", "unknown (28)", "unknown (29)",
			"unknown (30)", "unknown (31)",
		};
		unsigned known, fl, bwv, mn[4], coding, gid, paid;
		if (!cp_le16(c, &known) || !cp_u8(c, &fl) || !cp_u8(c, &bwv))
			goto trunc;
		for (int i = 0; i < 4; i++)
			if (!cp_u8(c, &mn[i]))
				goto trunc;
		if (!cp_u8(c, &coding) || !cp_u8(c, &gid) || !cp_le16(c, &paid))
			goto trunc;
		for (unsigned i = 0; i < 4; i++) {
			if ((mn[i] & 0x0f) == 0)
				continue;
			nd_printf(nd, "User %u MCS %u ", i, (mn[i] & 0xf0u) >> 4);
			nd_s(nd, coding & (1u << i) ? "LDPC FEC " : "BCC FEC ");
		}
		if (known & 0x0040)
			nd_printf(nd, "%s ", vbw[bwv & 0x1fu]);
		if (known & 0x0004)
			nd_s(nd, fl & 0x04 ? "short GI " : "long GI ");
		break;
	}
	default:
		nd_printf(nd, "[bit %u] ", bit);
		return false;
	}
	return true;
trunc:
	nd_print_trunc(nd);
	return false;
}

static bool radiotap_namespace(nd_t *nd, struct cpack *c, unsigned *flags,
                               uint32_t present, unsigned bit0)
{
	for (uint32_t left = present; left; left &= left - 1) {
		unsigned bitno = (unsigned)__builtin_ctz(left);
		if (bitno >= 29)
			break;
		if (!radiotap_field(nd, c, bit0 + bitno, flags, present))
			return false;
	}
	return true;
}

#define RT_NAMESPACE (1u << 29)
#define RT_VENDOR    (1u << 30)
#define RT_EXT       (1u << 31)

unsigned radiotap_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                           unsigned len)
{
	nd_proto(nd, "802.11_radio");
	if (caplen < 8) {
		nd_print_trunc(nd);
		return caplen;
	}
	unsigned hlen = nd_le16(nd, p + 2);
	if (hlen < 8 || caplen < hlen) {
		nd_print_trunc(nd);
		return caplen;
	}
	/* the presence words: each but the last has the extension bit */
	unsigned last = 4;
	while (last + 4 <= hlen && (nd_le32(nd, p + last) & RT_EXT))
		last += 4;
	if (last + 4 > hlen) {
		nd_print_trunc(nd);
		return caplen;
	}
	struct cpack c = { p, hlen, last + 4 };
	unsigned flags = 0, bit0 = 0, skip = 0;
	bool vendor = false;
	for (unsigned w = 4; w <= last; w += 4) {
		uint32_t present = nd_le32(nd, p + w);
		if (vendor) {
			if (!cp_advance(&c, skip))
				break;
			skip = 0;
		} else if (!radiotap_namespace(nd, &c, &flags, present, bit0)) {
			break;
		}
		switch (present & (RT_NAMESPACE | RT_VENDOR)) {
		case 0:
			bit0 += 32;
			break;
		case RT_NAMESPACE:
			bit0 = 0;
			vendor = false;
			break;
		case RT_VENDOR: {
			/* OUI, sub-namespace and skip length; tcpdump checks
			 * the 2-byte alignment but reads from where it is */
			size_t at;
			unsigned o;
			bit0 = 0;
			vendor = true;
			if (!cp_reserve(&c, 2, &at) || !cp_u8(&c, &o) ||
			    !cp_u8(&c, &o) || !cp_u8(&c, &o) || !cp_u8(&c, &o) ||
			    !cp_le16(&c, &skip))
				nd_print_trunc(nd);
			break;
		}
		default:
			break;
		}
	}
	const uint8_t *old = nd->end;
	unsigned r = ieee80211_print(nd, p + hlen, len - hlen, caplen - hlen,
				     (flags & RF_DATAPAD) != 0,
				     flags & RF_FCS ? 4 : 0);
	nd_restore(nd, old);
	return hlen + r;
}

/* ------------------------------------------------------------------ */
/* AVS and Prism monitor headers.                                     */

static unsigned avs_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                          unsigned len)
{
	nd_proto(nd, "802.11_radio_avs");
	if (caplen < 8) {
		nd_print_trunc(nd);
		return caplen;
	}
	uint32_t hlen = nd_be32(nd, p + 4);
	if (hlen < 8 || caplen < hlen) {
		nd_print_trunc(nd);
		return caplen;
	}
	return hlen + ieee80211_print(nd, p + hlen, len - hlen, caplen - hlen,
				      false, 0);
}

unsigned avs_if_print(nd_t *nd, const uint8_t *p, unsigned caplen, unsigned len)
{
	return avs_print(nd, p, caplen, len);
}

#define PRISM_HDRLEN 144

unsigned prism_if_print(nd_t *nd, const uint8_t *p, unsigned caplen,
                        unsigned len)
{
	nd_proto(nd, "prism");
	if (caplen < 4) {
		nd_print_trunc(nd);
		return caplen;
	}
	uint32_t code = nd_be32(nd, p);
	if (code == 0x80211001 || code == 0x80211002)
		return avs_print(nd, p, caplen, len);
	if (caplen < PRISM_HDRLEN) {
		nd_print_trunc(nd);
		return caplen;
	}
	return PRISM_HDRLEN + ieee80211_print(nd, p + PRISM_HDRLEN,
					      len - PRISM_HDRLEN,
					      caplen - PRISM_HDRLEN, false, 0);
}
