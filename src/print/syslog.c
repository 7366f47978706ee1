/* syslog.c - BSD syslog over UDP (RFC 3164/5424 priority and text). */
#include "print.h"

static const char *const facilities[24] = {
	"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
	"uucp", "cron", "authpriv", "ftp", "ntp", "security", "console", "cron",
	"local0", "local1", "local2", "local3", "local4", "local5", "local6",
	"local7",
};

static const char *const severities[8] = {
	"emergency", "alert", "critical", "error", "warning", "notice", "info",
	"debug",
};

static void put_name(nd_t *nd, const char *const *tab, unsigned n, unsigned v)
{
	if (v < n)
		nd_s(nd, tab[v]);
	else
		nd_printf(nd, "unknown (%u)", v);
}

void syslog_print(nd_t *nd, const uint8_t *bp, unsigned len,
                  const struct ip_ctx *ip, unsigned sport, unsigned dport)
{
	(void)ip; (void)sport; (void)dport;
	nd_proto(nd, "syslog");
	unsigned off = 0, pri = 0;
	if (nd_u8(nd, bp) != '<') {
		nd_print_invalid(nd);
		return;
	}
	off++;
	while (off <= 3) {
		unsigned c = nd_u8(nd, bp + off);
		if (c < '0' || c > '9')
			break;
		pri = pri * 10 + (c - '0');
		off++;
	}
	if (nd_u8(nd, bp + off) != '>') {
		nd_print_invalid(nd);
		return;
	}
	off++;
	unsigned fac = (pri & 0x3f8) >> 3, sev = pri & 7;
	if (!nd->opt->vflag) {
		nd_s(nd, "SYSLOG ");
		put_name(nd, facilities, 24, fac);
		nd_c(nd, '.');
		put_name(nd, severities, 8, sev);
		nd_printf(nd, ", length: %u", len);
		return;
	}
	nd_printf(nd, "SYSLOG, length: %u\n\tFacility ", len);
	put_name(nd, facilities, 24, fac);
	nd_printf(nd, " (%u), Severity ", fac);
	put_name(nd, severities, 8, sev);
	nd_printf(nd, " (%u)\n\tMsg: ", sev);
	for (; off < len; off++)
		nd_print_char(nd, nd_u8(nd, bp + off));
	if (nd->opt->vflag > 1)
		print_unknown_data(nd, bp, "\n\t", len);
}
