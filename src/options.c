/* options.c - tcpdump 4.99.3's command line, parsed the way tcpdump parses
 * it (getopt_long with the same option letters, bundling and attached
 * arguments), into struct options.
 *
 * The table below is the single list of options: it feeds getopt, --help
 * and the "not supported yet" refusal for options trawl does not do yet. */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "version.h"

enum {
	OPT_NANO = 256, OPT_MICRO, OPT_PRECISION, OPT_IMMEDIATE, OPT_COUNT,
	OPT_PRINT, OPT_VERSION, OPT_FP_TYPE, OPT_SAMPLING, OPT_HELP_LONG, OPT_THREADS,
};

/* the analyzer's options (src/analyze) */
enum {
	OPT_SUMMARY = 300, OPT_CONVERSATIONS, OPT_JSON, OPT_MAX_FLOWS,
	OPT_FOLLOW, OPT_SESSIONS, OPT_EXTRACT, OPT_STREAM_MEM, OPT_STREAM_FLOW_MEM, OPT_FRAG_MEM, OPT_FRAG_TIMEOUT,
};

/* the rule engine's (src/rules) */
enum { OPT_RULES = 350, OPT_VAR, OPT_RULES_STRICT, OPT_RULES_CACHE, OPT_NO_RULES_CACHE };
/* --report FILE.html (src/analyze/report.c) */
enum { OPT_REPORT = 380 };

struct optdef {
	int key;            /* short letter or OPT_* */
	const char *lng;    /* long name or NULL */
	int arg;            /* no_argument / required_argument */
	int supported;      /* 0: refused with "not supported yet" */
};

static const struct optdef defs[] = {
	{ 'A', NULL, no_argument, 1 },       { 'b', NULL, no_argument, 1 },
	{ 'B', "buffer-size", required_argument, 1 },
	{ 'c', NULL, required_argument, 1 }, { 'C', NULL, required_argument, 1 },
	{ 'd', NULL, no_argument, 1 },
	{ 'D', "list-interfaces", no_argument, 1 },
	{ 'e', NULL, no_argument, 1 },       { 'E', NULL, required_argument, 1 },
	{ 'f', NULL, no_argument, 1 },       { 'F', NULL, required_argument, 1 },
	{ 'G', NULL, required_argument, 1 }, { 'h', "help", no_argument, 1 },
	{ 'H', NULL, no_argument, 1 },
	{ 'i', "interface", required_argument, 1 },
	{ 'I', "monitor-mode", no_argument, 1 },
	{ 'j', "time-stamp-type", required_argument, 1 },
	{ 'J', "list-time-stamp-types", no_argument, 1 },
	{ 'K', "dont-verify-checksums", no_argument, 1 },
	{ 'l', NULL, no_argument, 1 },
	{ 'L', "list-data-link-types", no_argument, 1 },
	{ 'm', NULL, required_argument, 1 }, { 'M', NULL, required_argument, 1 },
	{ 'n', NULL, no_argument, 1 },       { 'N', NULL, no_argument, 1 },
	{ 'O', "no-optimize", no_argument, 1 },
	{ 'p', "no-promiscuous-mode", no_argument, 1 },
	{ 'q', NULL, no_argument, 1 },
	{ 'Q', "direction", required_argument, 1 },
	{ 'r', NULL, required_argument, 1 },
	{ 's', "snapshot-length", required_argument, 1 },
	{ 'S', "absolute-tcp-sequence-numbers", no_argument, 1 },
	{ 't', NULL, no_argument, 1 },       { 'T', NULL, required_argument, 1 },
	{ 'u', NULL, no_argument, 1 },
	{ 'U', "packet-buffered", no_argument, 1 },
	{ 'v', NULL, no_argument, 1 },       { 'V', NULL, required_argument, 1 },
	{ 'w', NULL, required_argument, 1 }, { 'W', NULL, required_argument, 1 },
	{ 'x', NULL, no_argument, 1 },       { 'X', NULL, no_argument, 1 },
	{ 'y', "linktype", required_argument, 1 },
	{ 'Y', "debug-filter-parser", no_argument, 0 },
	{ 'z', NULL, required_argument, 1 },
	{ 'Z', "relinquish-privileges", required_argument, 1 },
	{ '#', "number", no_argument, 1 },
	{ OPT_NANO, "nano", no_argument, 1 },
	{ OPT_MICRO, "micro", no_argument, 1 },
	{ OPT_PRECISION, "time-stamp-precision", required_argument, 1 },
	{ OPT_IMMEDIATE, "immediate-mode", no_argument, 1 },
	{ OPT_COUNT, "count", no_argument, 1 },
	{ OPT_PRINT, "print", no_argument, 1 },
	{ OPT_FP_TYPE, "fp-type", no_argument, 0 },
	{ OPT_SAMPLING, "print-sampling", required_argument, 0 },
	{ OPT_VERSION, "version", no_argument, 1 },
	{ OPT_THREADS, "threads", required_argument, 1 },
	{ OPT_SUMMARY, "summary", no_argument, 1 },
	{ OPT_CONVERSATIONS, "conversations", no_argument, 1 },
	{ OPT_JSON, "json", no_argument, 1 },
	{ OPT_REPORT, "report", required_argument, 1 },
	{ OPT_MAX_FLOWS, "max-flows", required_argument, 1 },
	{ OPT_FOLLOW, "follow", no_argument, 1 },
	{ OPT_SESSIONS, "sessions", no_argument, 1 },
	{ OPT_EXTRACT, "extract", required_argument, 1 },
	{ OPT_STREAM_MEM, "stream-mem", required_argument, 1 },
	{ OPT_STREAM_FLOW_MEM, "stream-flow-mem", required_argument, 1 },
	{ OPT_FRAG_MEM, "frag-mem", required_argument, 1 },
	{ OPT_FRAG_TIMEOUT, "frag-timeout", required_argument, 1 },
	{ OPT_RULES, "rules", required_argument, 1 },
	{ OPT_VAR, "var", required_argument, 1 },
	{ OPT_RULES_STRICT, "rules-strict", no_argument, 1 },
	{ OPT_RULES_CACHE, "rules-cache", required_argument, 1 },
	{ OPT_NO_RULES_CACHE, "no-rules-cache", no_argument, 1 },
};

#define NDEFS (sizeof defs / sizeof defs[0])

static const char usage_text[] =
	"Usage: trawl [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
	"\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n"
	"\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n"
	"\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n"
	"\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n"
	"\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n"
	"\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"
	"\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n";

static void print_version(FILE *f)
{
	fprintf(f, "trawl version %s\n%s\n", TRAWL_VERSION, trawl_lib_versions());
}

void options_usage(void)
{
	print_version(stderr);
	fputs(usage_text, stderr);
}

static void help(void)
{
	print_version(stdout);
	fputs(usage_text, stdout);
	fputs("\ntrawl reads, filters and prints packets exactly as tcpdump 4.99.3 does.\n"
	      "See trawl(1) for every option; options tcpdump has that trawl does not\n"
	      "do yet are refused with a message, never ignored.\n", stdout);
	fputs("\nReports: --summary (totals, protocols, ports, talkers), --conversations\n"
	      "(one row per conversation), --max-flows N (conversation table size).\n"
	      "--json: one JSON object per line, as Suricata's EVE events: a packet event\n"
	      "per packet, or with --conversations a flow event per conversation and a\n"
	      "stats event; --summary stays one document (docs/events.md).\n", stdout);
	fputs("--report FILE.html: the same in one self-contained page (docs/report.md).\n", stdout);
	fputs("\n--threads N: 2 (the default) or 1 cores for --sessions' hashing, -w with a\n"
	      "filter (from 4 MiB), and the reports over several files; printing a file\n"
	      "with -n uses two only when --threads 2 is given. The output is the same\n"
	      "byte for byte.\n", stdout);
	fputs("\nSessions: --sessions (one line, or with --json one EVE event, per\n"
	      "HTTP, FTP, SMTP, IRC, DNS or TLS transaction, telnet line and file carried,\n"
	      "the protocol found by content; --extract DIR also writes the files).\n", stdout);
	fputs("\nRules: --rules PATH (a Snort/Suricata rule file, or a directory of *.rules\n"
	      "such as Emerging Threats Open; repeatable), --var NAME=VALUE (HOME_NET ...),\n"
	      "--rules-strict (a rule with a keyword trawl lacks is an error, not skipped),\n"
	      "--rules-cache DIR (compiled Hyperscan databases kept between runs; default\n"
	      "$XDG_CACHE_HOME/trawl or ~/.cache/trawl), --no-rules-cache.\n"
	      "Alerts as Snort's fast alert lines, or EVE alert events with --json; with\n"
	      "--summary, alerts by signature.\n", stdout);
	fputs("\nStreams (IP fragments and TCP segments reassembled, see trawl(1)):\n"
	      "--follow (each connection's bytes, as -A, -X or --json shows them),\n"
	      "--extract DIR (each TCP direction to a file named as tcpflow names it,\n"
	      "and DIR/streams.json), --stream-mem SIZE (default 256M),\n"
	      "--stream-flow-mem SIZE (default 4M), --frag-mem SIZE (default 64M),\n"
	      "--frag-timeout SECONDS (default 30).\n", stdout);
}

static int fail(const char *fmt, const char *arg)
{
	fputs("trawl: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return 1;
}

/* A size in bytes with an optional k, m or g (KiB, MiB, GiB) suffix. */
static int parse_size(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || v < 0)
		return -1;
	long long m = 1;
	if (*end == 'k' || *end == 'K')
		m = 1LL << 10;
	else if (*end == 'm' || *end == 'M')
		m = 1LL << 20;
	else if (*end == 'g' || *end == 'G')
		m = 1LL << 30;
	if (m != 1)
		end++;
	if (*end || v > hi / m || v * m < lo)
		return -1;
	*out = v * m;
	return 0;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 0);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Reads a -F file, blanking '#' comments to the end of each line. */
static char *read_filter_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "trawl: can't open %s: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	int c;
	while (buf && (c = fgetc(f)) != EOF) {
		if (len + 1 >= cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
		buf[len++] = (char)c;
	}
	fclose(f);
	if (!buf)
		return NULL;
	buf[len] = 0;
	for (size_t i = 0; i < len; i++)
		if (buf[i] == '#')
			while (i < len && buf[i] != '\n')
				buf[i++] = ' ';
	return buf;
}

static char *join_args(int argc, char **argv)
{
	size_t n = 0;
	for (int i = 0; i < argc; i++)
		n += strlen(argv[i]) + 1;
	if (n == 0)
		return NULL;
	char *s = malloc(n), *p = s;
	if (!s)
		return NULL;
	for (int i = 0; i < argc; i++) {
		size_t k = strlen(argv[i]);
		memcpy(p, argv[i], k);
		p += k;
		*p++ = i + 1 < argc ? ' ' : 0;
	}
	return s;
}

static const struct optdef *find_def(int key)
{
	for (size_t i = 0; i < NDEFS; i++)
		if (defs[i].key == key)
			return &defs[i];
	return NULL;
}

static void describe(int key, char *buf, size_t n)
{
	const struct optdef *d = find_def(key);
	if (key < 256)
		snprintf(buf, n, "-%c", key);
	else
		snprintf(buf, n, "--%s", d && d->lng ? d->lng : "?");
}

int options_parse(struct options *opt, int argc, char **argv)
{
	char shorts[128];
	struct option longs[NDEFS + 1];
	size_t ns = 0, nl = 0;
	memset(opt, 0, sizeof *opt);
	for (size_t i = 0; i < NDEFS; i++) {
		if (defs[i].key < 256) {
			shorts[ns++] = (char)defs[i].key;
			if (defs[i].arg == required_argument)
				shorts[ns++] = ':';
		}
		if (defs[i].lng)
			longs[nl++] = (struct option){ defs[i].lng, defs[i].arg, NULL, defs[i].key };
	}
	shorts[ns] = 0;
	longs[nl] = (struct option){ 0, 0, 0, 0 };
	/* Like tcpdump, let getopt permute: options may follow the filter. */

	int c;
	long v;
	opterr = 1;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (c == '?' || c == ':') {
			options_usage();
			return 1;
		}
		const struct optdef *d = find_def(c);
		if (d && !d->supported) {
			char name[64];
			describe(c, name, sizeof name);
			fprintf(stderr, "trawl: option %s is not supported yet\n", name);
			return 1;
		}
		switch (c) {
		case 'A': opt->Aflag++; break;
		case 'b': opt->bflag++; break;
		case 'B':
			if (parse_long(optarg, 1, INT_MAX, &v))
				return fail("invalid packet buffer size %s", optarg);
			opt->buffer_size = (int)v;
			break;
		case 'c':
			if (parse_long(optarg, 1, LONG_MAX, &v))
				return fail("invalid packet count %s", optarg);
			opt->count = v;
			break;
		case 'd': opt->dflag++; break;
		case 'D': opt->Dflag++; break;
		case 'e': opt->eflag++; break;
		case 'E': opt->espsecret = optarg; break;
		case 'f': break; /* foreign-address test: names are resolved anyway */
		case 'F': opt->Ffile = optarg; break;
		case 'h': help(); return -1;
		case 'H': opt->Hflag++; break;
		case 'i': opt->device = optarg; break;
		case 'K': opt->Kflag++; break;
		case 'l': opt->lflag++; break;
		case 'L': opt->Lflag++; break;
		case 'n': opt->nflag++; break;
		case 'N': opt->Nflag++; break;
		case 'M': opt->msecret = optarg; break;
		case 'm': /* as Debian's tcpdump, built without libsmi, answers it */
			fprintf(stderr, "trawl: ignoring option `-m %s' (no libsmi support)\n", optarg);
			break;
		case 'O': opt->Oflag++; break;
		case 'p': opt->pflag++; break;
		case 'q': opt->qflag++; break;
		case 'r': {
			const char **g = realloc(opt->rfiles, (size_t)(opt->nrfiles + 1) * sizeof *g);
			if (!g)
				return fail("out of memory%s", "");
			g[opt->nrfiles++] = optarg;
			opt->rfiles = g;
			if (!opt->rfile)
				opt->rfile = optarg;
			break;
		}
		case 's':
			if (parse_long(optarg, 0, 262144, &v))
				return fail("invalid snaplen %s (must be >= 0 and <= 262144)", optarg);
			opt->snaplen = (int)v;
			opt->snaplen_set = 1;
			break;
		case 'S': opt->Sflag++; break;
		case 't': opt->tflag++; break;
		case 'T': opt->Tname = optarg; break;
		case 'u': opt->uflag++; break;
		case 'U': opt->Uflag++; break;
		case 'v': opt->vflag++; break;
		case 'V': opt->Vfile = optarg; break;
		case 'w': opt->wfile = optarg; break;
		case 'x': opt->xflag++; break;
		case 'X': opt->Xflag++; break;
		case 'y': opt->dlt_name = optarg; break;
		case 'C':
			if (parse_long(optarg, 1, LONG_MAX / 1000000, &v))
				return fail("invalid file size %s", optarg);
			opt->Csize = (long long)v * 1000000;
			break;
		case 'G':
			if (parse_long(optarg, 0, INT_MAX, &v))
				return fail("invalid rotation seconds %s", optarg);
			opt->Gsecs = (int)v;
			break;
		case 'W':
			if (parse_long(optarg, 1, INT_MAX, &v))
				return fail("invalid number of output files %s", optarg);
			opt->Wcount = (int)v;
			break;
		case 'z': opt->zcmd = optarg; break;
		case 'Z': opt->Zuser = optarg; break;
		case 'Q':
			if (strcmp(optarg, "in") == 0)
				opt->Qdir = 1;
			else if (strcmp(optarg, "out") == 0)
				opt->Qdir = 2;
			else if (strcmp(optarg, "inout") == 0)
				opt->Qdir = 0;
			else
				return fail("unknown capture direction `%s'", optarg);
			break;
		case 'j': opt->tstamp_type = optarg; break;
		case 'J': opt->Jflag++; break;
		case 'I': opt->Iflag++; break;
		case '#': opt->number++; break;
		case OPT_NANO: opt->nano = 1; opt->precision_set = 1; break;
		case OPT_MICRO: opt->nano = 0; opt->precision_set = 1; break;
		case OPT_PRECISION:
			if (strcmp(optarg, "nano") == 0)
				opt->nano = 1;
			else if (strcmp(optarg, "micro") == 0)
				opt->nano = 0;
			else
				return fail("unsupported time stamp precision%s", "");
			opt->precision_set = 1;
			break;
		case OPT_IMMEDIATE: opt->immediate = 1; break;
		case OPT_COUNT: opt->count_only = 1; break;
		case OPT_PRINT: opt->print_anyway = 1; break;
		case OPT_VERSION: print_version(stdout); return -1;
		case OPT_SUMMARY: opt->summary = 1; break;
		case OPT_CONVERSATIONS: opt->conversations = 1; break;
		case OPT_REPORT: opt->report = optarg; break;
		case OPT_JSON: opt->json = 1; break;
		case OPT_THREADS:
			if (parse_long(optarg, 1, 2, &v))
				return fail("invalid thread count %s (must be 1 or 2)", optarg);
			opt->threads = (int)v;
			break;
		case OPT_MAX_FLOWS:
			if (parse_long(optarg, 1, 4194304, &v))
				return fail("invalid flow table size %s (must be 1 to 4194304)", optarg);
			opt->max_flows = v;
			break;
		case OPT_FOLLOW: opt->follow = 1; break;
		case OPT_SESSIONS: opt->sessions = 1; break;
		case OPT_EXTRACT: opt->extract = optarg; break;
		case OPT_STREAM_MEM:
			if (parse_size(optarg, 1 << 16, 1LL << 40, &opt->stream_mem))
				return fail("invalid --stream-mem %s (a size from 64k to 1024g)", optarg);
			break;
		case OPT_STREAM_FLOW_MEM:
			if (parse_size(optarg, 1 << 12, 1LL << 40, &opt->stream_flow_mem))
				return fail("invalid --stream-flow-mem %s (a size from 4k to 1024g)", optarg);
			break;
		case OPT_FRAG_MEM:
			if (parse_size(optarg, 1 << 16, 1LL << 40, &opt->frag_mem))
				return fail("invalid --frag-mem %s (a size from 64k to 1024g)", optarg);
			break;
		case OPT_FRAG_TIMEOUT:
			if (parse_long(optarg, 1, 86400, &v))
				return fail("invalid --frag-timeout %s (seconds, 1 to 86400)", optarg);
			opt->frag_timeout = v;
			break;
		case OPT_RULES:
		case OPT_VAR: {
			const char ***list = c == OPT_RULES ? &opt->rules : &opt->vars;
			int *n = c == OPT_RULES ? &opt->nrules : &opt->nvars;
			const char **g = realloc(*list, (size_t)(*n + 1) * sizeof *g);
			if (!g)
				return fail("out of memory%s", "");
			g[(*n)++] = optarg;
			*list = g;
			break;
		}
		case OPT_RULES_STRICT: opt->rules_strict = 1; break;
		case OPT_RULES_CACHE:
			if (!*optarg)
				return fail("--rules-cache needs a directory%s", "");
			opt->rules_cache = optarg;
			break;
		case OPT_NO_RULES_CACHE: opt->no_rules_cache = 1; break;
		default:
			options_usage();
			return 1;
		}
	}
	if ((opt->nvars || opt->rules_strict || opt->rules_cache || opt->no_rules_cache) && !opt->nrules)
		return fail("--var, --rules-strict and --rules-cache need --rules%s", "");
	/* the -t count is the mode: 1 none, 2 unix, 3 delta, 4 date, 5 since first */
	if (opt->tflag > 5)
		return fail("only -t, -tt, -ttt, -tttt and -ttttt are supported%s", "");

	if (opt->Ffile) {
		opt->filter = read_filter_file(opt->Ffile);
		if (!opt->filter)
			return 1;
		if (optind < argc)
			fprintf(stderr, "Warning: trawl: the expression on the command line is ignored, -F %s is used instead\n", opt->Ffile);
	} else if (optind < argc) {
		opt->filter = join_args(argc - optind, argv + optind);
	}
	if (opt->rfile && opt->Vfile)
		return fail("-r and -V can not be used together%s", "");
	return 0;
}

void options_free(struct options *opt)
{
	free(opt->filter);
	opt->filter = NULL;
	free(opt->rfiles);
	opt->rfiles = NULL;
	free(opt->rules);
	free(opt->vars);
	opt->rules = opt->vars = NULL;
}
