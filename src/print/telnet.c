/* telnet.c - Telnet option negotiation (RFC 854/855) at the start of a
 * segment: "[telnet WILL ECHO, SB ... SE]". */
#include "../core/hexdump.h"
#include "print.h"

#define IAC 255
#define SB 250
#define SE 240
#define CMD_FIRST 236

static const char *const telcmds[] = {
	"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
	"AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
};

static const char *const telopts[] = {
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME", "STATUS",
	"TIMING MARK", "RCTE", "NAOL", "NAOP", "NAOCRD", "NAOHTS", "NAOHTD",
	"NAOFFD", "NAOVTS", "NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT",
	"BYTE MACRO", "DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT",
	"SEND LOCATION", "TERMINAL TYPE", "END OF RECORD", "TACACS UID",
	"OUTPUT MARKING", "TTYLOC", "3270 REGIME", "X.3 PAD", "NAWS", "TSPEED",
	"LFLOW", "LINEMODE", "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION",
	"ENCRYPT", "NEW-ENVIRON",
};
#define NTELOPTS (sizeof telopts / sizeof *telopts)

static const char hexdig[] = "0123456789abcdef";

static const char *const sbcmds[] = { "IS", "SEND", "INFO" };
static const char *const authcmd[] = { "IS", "SEND", "REPLY", "NAME" };
static const char *const authtype[] = {
	"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA",
	"SSL", NULL, NULL, "LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS",
	"NTLM",
};
static const char *const enccmd[] = {
	"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START",
	"REQUEST-END", "END_KEYID", "DEC_KEYID",
};
static const char *const enctype[] = {
	"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", NULL,
	"CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64",
};

static void str_or_id(nd_t *nd, unsigned c, const char *const *tab,
                      unsigned n)
{
	nd_c(nd, ' ');
	if (c < n && tab[c])
		nd_s(nd, tab[c]);
	else
		out_xp(nd->out, c);
}

#define FETCH(c) do { \
		if (length < 1) \
			return -1; \
		c = nd_u8(nd, sp); \
		sp++; \
		length--; \
	} while (0)

/* One command from sp: its length, or -1 when it is not complete.  The
 * length-finding pass (print 0) leaves where a subnegotiation's IAC SE is
 * in *sb_end, and the printing pass of the same command takes it from
 * there rather than searching again. */
static int telnet_parse(nd_t *nd, const uint8_t *sp, unsigned length, int print,
                        const uint8_t **sb_end)
{
	const uint8_t *osp = sp;
	unsigned c, x;
	FETCH(c);
	if (c != IAC)
		return -1;
	FETCH(c);
	if (c == IAC) {
		if (print)
			nd_s(nd, "IAC IAC");
		return (int)(sp - osp);
	}
	if (c < CMD_FIRST)
		return -1;
	unsigned i = c - CMD_FIRST;
	if (c == SB || c >= 251) {
		FETCH(x);
		if (print) {
			nd_s(nd, telcmds[i]);
			nd_c(nd, ' ');
			if (x < NTELOPTS)
				nd_s(nd, telopts[x]);
			else
				out_xp(nd->out, x);
		}
		if (c != SB)
			return (int)(sp - osp);
		const uint8_t *p = sp;
		if (print && *sb_end) {
			p = *sb_end;
			goto found;
		}
		if (length >= 2) {
			/* IAC SE among the first length - 1 positions: where
			 * a position and the byte after it were captured, by
			 * memchr; past that, byte by byte through the checked
			 * reader, which unwinds where the capture ends */
			size_t npos = length - 1, avail = nd_avail(nd, sp);
			size_t safe = avail ? avail - 1 : 0;
			size_t lim = safe < npos ? safe : npos;
			size_t i = 0;
			while (i < lim) {
				const uint8_t *q = memchr(sp + i, IAC, lim - i);
				if (!q) {
					i = lim;
					break;
				}
				i = (size_t)(q - sp);
				if (sp[i + 1] == SE)
					break;
				i++;
			}
			p = sp + i;
		}
		while (length > (unsigned)(p + 1 - sp)) {
			if (nd_u8(nd, p) == IAC && nd_u8(nd, p + 1) == SE)
				break;
			p++;
		}
		if (nd_u8(nd, p) != IAC)
			return -1;
		*sb_end = p;
	found:;
		const char *const *t1 = sbcmds, *const *t2 = NULL;
		unsigned n1 = 3, n2 = 0;
		if (x == 37) {
			t1 = authcmd; n1 = 4;
			t2 = authtype; n2 = sizeof authtype / sizeof *authtype;
		} else if (x == 38) {
			t1 = enccmd; n1 = sizeof enccmd / sizeof *enccmd;
			t2 = enctype; n2 = sizeof enctype / sizeof *enctype;
		}
		if (p > sp) {
			FETCH(c);
			if (print)
				str_or_id(nd, c, t1, n1);
			if (t2 && p > sp) {
				FETCH(c);
				if (print)
					str_or_id(nd, c, t2, n2);
			}
		}
		if (!print) {
			/* the bytes up to p were read (or found captured) by
			 * the search above: nothing left to check */
			length -= (unsigned)(p - sp);
			sp = p;
		}
		while (p > sp) {
			FETCH(x);
			/* " %#x" of a byte, in place */
			char *b = out_room(nd->out, 5);
			b[0] = ' ';
			if (x == 0) {
				b[1] = '0';
				out_commit(nd->out, 2);
			} else if (x < 16) {
				b[1] = '0';
				b[2] = 'x';
				b[3] = hexdig[x];
				out_commit(nd->out, 4);
			} else {
				b[1] = '0';
				b[2] = 'x';
				b[3] = hexdig[x >> 4];
				b[4] = hexdig[x & 15];
				out_commit(nd->out, 5);
			}
		}
		if (print)
			nd_s(nd, " SE");
		sp += 2;
		return (int)(sp - osp);
	}
	if (print)
		nd_s(nd, telcmds[i]);
	return (int)(sp - osp);
}

void telnet_print(nd_t *nd, const uint8_t *sp, unsigned length,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "telnet");
	const uint8_t *osp = sp;
	int first = 1;
	int hex = nd->opt->Xflag && nd->opt->vflag > 2;
	while (length > 0 && nd_u8(nd, sp) == IAC) {
		const uint8_t *sb_end = NULL;
		int l = telnet_parse(nd, sp, length, 0, &sb_end);
		if (l < 0)
			break;
		if (hex) {
			if (first)
				nd_s(nd, "\nTelnet:");
			hex_dump(nd->out, "\n", sp, (unsigned)l, (unsigned)(sp - osp));
			if (l > 8)
				nd_s(nd, "\n\t\t\t\t");
			else
			{
				for (int k = (8 - l) * 3; k > 0; k--)
					nd_c(nd, ' ');
				nd_c(nd, '\t');
			}
		} else {
			nd_s(nd, first ? " [telnet " : ", ");
		}
		telnet_parse(nd, sp, length, 1, &sb_end);
		first = 0;
		sp += l;
		length -= (unsigned)l;
	}
	if (!first)
		nd_s(nd, hex ? "\n" : "]");
}
