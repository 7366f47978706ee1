/* m3ua.c - SS7 MTP3 User Adaptation Layer (RFC 4666) over SCTP. */
#include "print.h"

static const struct tok mgmt[] = { { 0, "Error" }, { 1, "Notify" }, { 0, NULL } };
static const struct tok transfer[] = { { 1, "Data" }, { 0, NULL } };
static const struct tok ss7[] = {
	{ 1, "Destination Unavailable" }, { 2, "Destination Available" },
	{ 3, "Destination State Audit" }, { 4, "Signalling Congestion" },
	{ 5, "Destination User Part Unavailable" },
	{ 6, "Destination Restricted" }, { 0, NULL },
};
static const struct tok aspsm[] = {
	{ 1, "Up" }, { 2, "Down" }, { 3, "Heartbeat" }, { 4, "Up Acknowledgement" },
	{ 5, "Down Acknowledgement" }, { 6, "Heartbeat Acknowledgement" },
	{ 0, NULL },
};
static const struct tok asptm[] = {
	{ 1, "Active" }, { 2, "Inactive" }, { 3, "Active Acknowledgement" },
	{ 4, "Inactive Acknowledgement" }, { 0, NULL },
};
static const struct tok rkm[] = {
	{ 1, "Registration Request" }, { 2, "Registration Response" },
	{ 3, "Deregistration Request" }, { 4, "Deregistration Response" },
	{ 0, NULL },
};
static const struct tok classes[] = {
	{ 0, "Management" }, { 1, "Transfer" }, { 2, "SS7" },
	{ 3, "ASP State Maintenance" }, { 4, "ASP Traffic Maintenance" },
	{ 9, "Routing Key Management" }, { 0, NULL },
};
static const struct tok params[] = {
	{ 0x0004, "INFO String" }, { 0x0006, "Routing Context" },
	{ 0x0007, "Diagnostic Info" }, { 0x0009, "Heartbeat Data" },
	{ 0x000b, "Traffic Mode Type" }, { 0x000c, "Error Code" },
	{ 0x000d, "Status" }, { 0x0011, "ASP Identifier" },
	{ 0x0012, "Affected Point Code" }, { 0x0013, "Correlation ID" },
	{ 0x0200, "Network Appearance" }, { 0x0204, "User/Cause" },
	{ 0x0205, "Congestion Indications" }, { 0x0206, "Concerned Destination" },
	{ 0x0207, "Routing Key" }, { 0x0208, "Registration Result" },
	{ 0x0209, "Deregistration Result" },
	{ 0x020a, "Local Routing Key Identifier" },
	{ 0x020b, "Destination Point Code" }, { 0x020c, "Service Indicators" },
	{ 0x020e, "Originating Point Code List" }, { 0x0210, "Protocol Data" },
	{ 0x0212, "Registration Status" }, { 0x0213, "Deregistration Status" },
	{ 0, NULL },
};

static void tags(nd_t *nd, const uint8_t *buf, unsigned size)
{
	const uint8_t *p = buf;
	while (p < buf + size) {
		if (p + 4 > buf + size)
			goto invalid;
		unsigned tag = nd_be16(nd, p);
		const char *tn = tok_name(params, tag);
		if (tn)
			nd_printf(nd, "\n\t\t\t%s: ", tn);
		else
			nd_printf(nd, "\n\t\t\tUnknown Parameter (0x%04x): ", tag);
		unsigned hl = nd_be16(nd, p + 2);
		if (hl < 4 || p + hl > buf + size)
			goto invalid;
		unsigned vl = hl - 4;
		if (tag == 0x0200 || tag == 0x0006 || tag == 0x0013) {
			if (vl < 4) {
				nd_print_invalid(nd);
			} else {
				/* tcpdump reads the value from the parameter's
				 * own header */
				nd_printf(nd, "0x%08x", nd_be32(nd, p));
			}
		} else {
			nd_printf(nd, "(length %u)", vl + 4);
		}
		nd_need(nd, p + 4, vl);
		p += hl;
		unsigned al = (unsigned)(p - buf) % 4;
		if (al)
			p += 4 - al;
	}
	return;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, buf, size);
}

void m3ua_print(nd_t *nd, const uint8_t *buf, unsigned size)
{
	nd_proto(nd, "m3ua");
	if (size < 8) {
		nd_print_invalid(nd);
		nd_need(nd, buf, size);
		return;
	}
	nd_need(nd, buf, 8);
	if (buf[0] != 1)
		return;
	unsigned cls = buf[2], type = buf[3];
	const struct tok *dict = cls == 0 ? mgmt : cls == 1 ? transfer : cls == 2 ? ss7
		: cls == 3 ? aspsm : cls == 4 ? asptm : cls == 9 ? rkm : NULL;
	const char *cn = tok_name(classes, cls);
	if (cn)
		nd_printf(nd, "\n\t\t%s", cn);
	else
		nd_printf(nd, "\n\t\tUnknown message class %i", (int)cls);
	if (dict) {
		const char *tn = tok_name(dict, type);
		if (tn)
			nd_printf(nd, " %s Message", tn);
		else
			nd_printf(nd, " Unknown (0x%02x) Message", type);
	}
	uint32_t l = nd_be32(nd, buf + 4);
	if (size != l)
		nd_printf(nd, "\n\t\t\t@@@@@@ Corrupted length %u of message @@@@@@", l);
	else
		tags(nd, buf + 8, l - 8);
}
