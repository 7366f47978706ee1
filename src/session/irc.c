/* irc.c - IRC: what a client (a bot, often) registered as, the channels it
 * joined and what it said, and the messages and orders it received. */
#include <string.h>

#include "internal.h"

static int irc_detect(const uint8_t *p, size_t n, int dir, unsigned port)
{
	(void)port;
	if (n < 5)
		return -1;
	if (dir == 0) {
		if (sess_ieq(p, n, "nick ") || sess_ieq(p, n, "cap ls"))
			return 1;
		if (sess_ieq(p, n, "pass ")) /* PASS, then NICK on the next line */
			return port >= 6660 && port <= 6669 ? 1 : -1;
		if (sess_ieq(p, n, "user ")) {
			/* USER name mode unused :real name */
			unsigned sp = 0;
			for (size_t i = 5; i < n && p[i] != '\n'; i++) {
				if (p[i] == ':')
					return sp >= 3 ? 1 : 0;
				if (p[i] == ' ')
					sp++;
			}
			return -1;
		}
		return 0;
	}
	if (sess_ieq(p, n, "notice auth") || sess_ieq(p, n, "ping :"))
		return 1;
	if (p[0] == ':') {
		/* ":server NOTICE ..." or ":server 001 ..." */
		size_t i = 1;
		while (i < n && p[i] != ' ')
			i++;
		if (i + 1 >= n)
			return -1;
		i++;
		if (sess_ieq(p + i, n - i, "notice ") || sess_ieq(p + i, n - i, "privmsg "))
			return 1;
		if (i + 4 <= n && p[i] >= '0' && p[i] <= '9' && p[i + 1] >= '0' && p[i + 1] <= '9' &&
		    p[i + 2] >= '0' && p[i + 2] <= '9' && p[i + 3] == ' ')
			return 1;
	}
	return 0;
}

/* Commands worth an event: from the client everything but the keepalives;
 * from the server what others said and did, and the welcome and topic. */
static int interesting(int dir, const uint8_t *c, size_t n)
{
	static const char *const from_server[] = { "privmsg", "notice", "join", "part", "kick",
						   "topic", "mode", "001", "332", "kill" };
	if (dir == 0)
		return !(n == 4 && (sess_ieq(c, n, "ping") || sess_ieq(c, n, "pong")));
	for (size_t i = 0; i < sizeof from_server / sizeof from_server[0]; i++)
		if (n == strlen(from_server[i]) && sess_ieq(c, n, from_server[i]))
			return 1;
	return 0;
}

static void irc_line(struct sessions *x, struct sess *ss, int dir, const uint8_t *p, size_t n,
                     int cut, const struct stream_ts *ts)
{
	size_t i = 0, ps = 0, pe = 0;
	if (n && p[0] == ':') { /* the prefix: who it comes from */
		ps = 1;
		while (i < n && p[i] != ' ')
			i++;
		pe = i;
		while (i < n && p[i] == ' ')
			i++;
	}
	size_t cs = i;
	while (i < n && p[i] != ' ')
		i++;
	size_t ce = i;
	if (ce == cs || !interesting(dir, p + cs, ce - cs))
		return;
	while (i < n && p[i] == ' ')
		i++;
	/* the parameters, and the trailing text after " :" */
	size_t ts_ = n, ms = i, me = n;
	for (size_t k = i; k < n; k++)
		if (p[k] == ':' && (k == i || p[k - 1] == ' ')) {
			ts_ = k + 1;
			me = k > i ? k - 1 : k;
			break;
		}
	ev_begin(x, ss, ts);
	ev_cstr(x, "direction", dir ? "to_client" : "to_server", NULL);
	ev_text(x, dir ? " <" : " >");
	if (pe > ps)
		ev_str(x, "prefix", p + ps, pe - ps, " :");
	ev_str(x, "command", p + cs, ce - cs, " ");
	if (me > ms)
		ev_str(x, "params", p + ms, me - ms, " ");
	if (ts_ < n || (ts_ == n && me < n))
		ev_str(x, "text", p + ts_, n - ts_, " :");
	if (cut)
		ev_bool(x, "truncated", 1);
	ev_end(x);
}

const struct app app_irc = {
	.name = "irc",
	.transports = APP_TCP,
	.detect = irc_detect,
	.line = irc_line,
};
