/* aoe.c - ATA over Ethernet (ethertype 0x88a2), as tcpdump 4.99.3 prints
 * it: the version and flags always; with -v the error, the common header
 * (major, minor, command, tag) and the command's own fields: an ATA
 * command, Query Config Information (and its config string), a MAC Mask
 * List (and its directives) or Reserve/Release (and its addresses).
 *
 * Fields are fetched one by one in print order, so that a short capture
 * ends the line where tcpdump ends it ("[|aoe]"); a length that the wire
 * length cannot hold is "(invalid)". */
#include "../core/names.h"
#include "print.h"

#define AOE_HDR 10 /* ver/flags, error, major, minor, command, tag */

static const struct tok flags[] = {
	{ 0x8, "Response" }, { 0x4, "Error" }, { 0x2, "MBZ-1" }, { 0x1, "MBZ-0" }, { 0, NULL },
};
static const struct tok errors[] = {
	{ 1, "Unrecognized command code" }, { 2, "Bad argument parameter" },
	{ 3, "Device unavailable" }, { 4, "Config string present" },
	{ 5, "Unsupported version" }, { 6, "Target is reserved" }, { 0, NULL },
};
static const struct tok commands[] = {
	{ 0, "Issue ATA Command" }, { 1, "Query Config Information" },
	{ 2, "MAC Mask List" }, { 3, "Reserve/Release" }, { 0, NULL },
};
static const struct tok aflags[] = {
	{ 0x80, "MBZ-7" }, { 0x40, "Ext48" }, { 0x20, "MBZ-5" }, { 0x10, "Device" },
	{ 0x08, "MBZ-3" }, { 0x04, "MBZ-2" }, { 0x02, "Async" }, { 0x01, "Write" }, { 0, NULL },
};
static const struct tok ccmds[] = {
	{ 0, "read config string" }, { 1, "test config string" },
	{ 2, "test config string prefix" }, { 3, "set config string" },
	{ 4, "force set config string" }, { 0, NULL },
};
static const struct tok mcmds[] = {
	{ 0, "Read Mac Mask List" }, { 1, "Edit Mac Mask List" }, { 0, NULL },
};
static const struct tok merrors[] = {
	{ 1, "Unspecified Error" }, { 2, "Bad DCmd directive" }, { 3, "Mask list full" }, { 0, NULL },
};
static const struct tok dcmds[] = {
	{ 0, "No Directive" }, { 1, "Add mac address to mask list" },
	{ 2, "Delete mac address from mask list" }, { 0, NULL },
};
static const struct tok rcmds[] = {
	{ 0, "Read reserve list" }, { 1, "Set reserve list" },
	{ 2, "Force set reserve list" }, { 0, NULL },
};

/* A name, or "Unknown (0xNN)". */
static void name_or_hex(nd_t *nd, const struct tok *t, unsigned v)
{
	const char *s = tok_name(t, v);
	if (s)
		nd_s(nd, s);
	else {
		nd_s(nd, "Unknown (0x");
		out_x2(nd->out, v);
		nd_c(nd, ')');
	}
}

/* Each returns 0 when the command's fields do not fit the wire length. */
static int ata(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 12)
		return 0;
	unsigned af = nd_u8(nd, p);
	nd_s(nd, "\n\tAFlags: [");
	put_bits(nd, aflags, af, "none");
	{
		unsigned v0 = nd_u8(nd, p + 1);
		nd_s(nd, "], Err/Feature: ");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_u8(nd, p + 2);
		nd_s(nd, ", Sector Count: ");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_u8(nd, p + 3);
		nd_s(nd, ", Cmd/Status: ");
		nd_u(nd, v0);
	}
	for (unsigned i = 0; i < 6; i++) {
		unsigned v0 = nd_u8(nd, p + 4 + i);
		nd_s(nd, i ? ", " : "\n\t");
		nd_s(nd, "lba");
		nd_u(nd, i);
		nd_s(nd, ": ");
		nd_u(nd, v0);
	}
	nd_need(nd, p + 10, 2); /* the reserved bytes are checked too */
	if (len > 12) {
		nd_s(nd, "\n\tData: ");
		nd_u(nd, len - 12);
		nd_s(nd, " bytes");
	}
	return 1;
}

static int query_config(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 8)
		return 0;
	{
		unsigned v0 = nd_be16(nd, p);
		nd_s(nd, "\n\tBuffer Count: ");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_be16(nd, p + 2);
		nd_s(nd, ", Firmware Version: ");
		nd_u(nd, v0);
	}
	{
		unsigned v0 = nd_u8(nd, p + 4);
		nd_s(nd, ", Sector Count: ");
		nd_u(nd, v0);
	}
	unsigned v = nd_u8(nd, p + 5);
	nd_s(nd, ", AoE: ");
	nd_u(nd, v >> 4);
	nd_s(nd, ", CCmd: ");
	const char *s = tok_name(ccmds, v & 0xf);
	/* tcpdump's format for an unknown one has no conversion in it */
	nd_s(nd, s ? s : "Unknown (0x02x)");
	unsigned cslen = nd_be16(nd, p + 6);
	if (cslen > len - 8)
		return 0;
	if (cslen) {
		nd_s(nd, "\n\tConfig String (length ");
		nd_u(nd, cslen);
		nd_s(nd, "): ");
		if (nd_print_chars(nd, p + 8, cslen))
			nd_trunc(nd); /* what was captured of it, then the marker */
	}
	return 1;
}

static int mac_mask_list(nd_t *nd, const uint8_t *p, unsigned len)
{
	if (len < 4)
		return 0;
	unsigned mcmd = nd_u8(nd, p + 1);
	nd_s(nd, "\n\tMCmd: ");
	name_or_hex(nd, mcmds, mcmd);
	unsigned merr = nd_u8(nd, p + 2);
	nd_s(nd, ", MError: ");
	name_or_hex(nd, merrors, merr);
	unsigned n = nd_u8(nd, p + 3);
	nd_s(nd, ", Dir Count: ");
	nd_u(nd, n);
	if (n * 8 > len - 4)
		return 0;
	for (unsigned i = 0; i < n; i++) {
		const uint8_t *d = p + 4 + 8 * i;
		unsigned dcmd = nd_u8(nd, d + 1);
		nd_s(nd, "\n\t DCmd: ");
		name_or_hex(nd, dcmds, dcmd);
		nd_need(nd, d + 2, 6);
		nd_s(nd, ", Ethernet Address: ");
		put_mac(nd, d + 2);
	}
	return 1;
}

static int reserve_release(nd_t *nd, const uint8_t *p, unsigned len)
{
	/* tcpdump: two bytes and whole addresses, the count agreeing with them */
	if (len < 2 || (len - 2) % 6 != 0)
		return 0;
	unsigned rcmd = nd_u8(nd, p);
	nd_s(nd, "\n\tRCmd: ");
	name_or_hex(nd, rcmds, rcmd);
	unsigned n = nd_u8(nd, p + 1);
	nd_s(nd, ", NMacs: ");
	nd_u(nd, n);
	if (2 + n * 6 != len)
		return 0;
	for (unsigned i = 0; i < n; i++) {
		nd_need(nd, p + 2 + 6 * i, 6);
		nd_s(nd, "\n\tEthernet Address ");
		nd_u(nd, i);
		nd_s(nd, ": ");
		put_mac(nd, p + 2 + 6 * i);
	}
	return 1;
}

void aoe_print(nd_t *nd, const uint8_t *p, unsigned len)
{
	nd_proto(nd, "aoe");
	nd_s(nd, "AoE length ");
	nd_u(nd, len);
	if (len < 1)
		goto invalid;
	unsigned vf = nd_u8(nd, p);
	nd_s(nd, ", Ver ");
	nd_u(nd, vf >> 4);
	if (vf >> 4 != 1)
		return; /* only version 1 is known */
	if (len < AOE_HDR)
		goto invalid;
	nd_s(nd, ", Flags: [");
	put_bits(nd, flags, vf & 0xf, "none");
	nd_c(nd, ']');
	if (!nd->opt->vflag)
		return;
	unsigned err = nd_u8(nd, p + 1);
	if (vf & 0x4) {
		const char *s = tok_name(errors, err);
		if (s) {
			nd_s(nd, "\n\tError: ");
			nd_s(nd, s);
		} else {
			nd_s(nd, "\n\tError: Invalid (");
			nd_u(nd, err);
			nd_c(nd, ')');
		}
	}
	{
		unsigned v0 = nd_be16(nd, p + 2);
		nd_s(nd, "\n\tMajor: 0x");
		out_x(nd->out, v0, 4);
	}
	{
		unsigned v0 = nd_u8(nd, p + 4);
		nd_s(nd, ", Minor: 0x");
		out_x2(nd->out, v0);
	}
	unsigned cmd = nd_u8(nd, p + 5);
	nd_s(nd, ", Command: ");
	name_or_hex(nd, commands, cmd);
	{
		unsigned v0 = nd_be32(nd, p + 6);
		nd_s(nd, ", Tag: 0x");
		out_x(nd->out, v0, 8);
	}
	const uint8_t *b = p + AOE_HDR;
	unsigned blen = len - AOE_HDR;
	int ok = 1;
	switch (cmd) {
	case 0: ok = ata(nd, b, blen); break;
	case 1: ok = query_config(nd, b, blen); break;
	case 2: ok = mac_mask_list(nd, b, blen); break;
	case 3: ok = reserve_release(nd, b, blen); break;
	default: break;
	}
	if (ok)
		return;
	p = b;
	len = blen;
invalid:
	nd_print_invalid(nd);
	nd_need(nd, p, len);
}
