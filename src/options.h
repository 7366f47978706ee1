/* options.h - the parsed command line: tcpdump 4.99.3's options, same meaning. */
#ifndef TRAWL_OPTIONS_H
#define TRAWL_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

struct esp_sa; /* ESP security associations from -E, owned by the esp printer */

struct options {
	/* printing */
	int nflag;      /* -n: no name resolution */
	int Nflag;      /* -N: strip domain from host names */
	int eflag;      /* -e: link-level header */
	int qflag;      /* -q: quick output */
	int Sflag;      /* -S: absolute TCP sequence numbers */
	int tflag;      /* timestamp mode: 0 default, 1 none, 2 unix, 3 delta, 4 date, 5 since first */
	int vflag;      /* -v count */
	int xflag;      /* -x count */
	int Xflag;      /* -X count */
	int Aflag;      /* -A count */
	int Hflag;      /* -H: 802.11s mesh headers */
	int bflag;      /* -b: BGP ASDOT */
	int Kflag;      /* -K: don't verify checksums */
	int uflag;      /* -u: undecoded NFS handles */
	int number;     /* -#: packet numbers */
	int lflag;      /* -l: line buffered */
	int Uflag;      /* -U: packet buffered */
	int nano;       /* --nano / --time-stamp-precision=nano */
	int precision_set;
	int print_anyway; /* --print together with -w */
	const char *Tname; /* -T type */
	const char *espsecret; /* -E */
	const char *msecret;   /* -M */

	/* sources and sinks */
	const char *rfile;  /* -r (the first, when several are given) */
	const char **rfiles; /* every -r, in order (a directory: its files) */
	int nrfiles;
	const char *wfile;  /* -w */
	const char *device; /* -i */
	const char *Ffile;  /* -F */
	const char *Vfile;  /* -V */
	long count;         /* -c, 0 for unlimited */
	int count_only;     /* --count: print only the number of packets read from files */
	int threads;        /* --threads: printing a file on 1 or 2 cores; 0 for the default */
	int snaplen;        /* -s, 0 for default */
	int snaplen_set;
	int pflag;          /* -p: not promiscuous */
	int immediate;      /* --immediate-mode */
	int Oflag;          /* -O: don't optimise the filter */
	int dflag;          /* -d count: dump compiled filter */
	int Dflag;          /* -D: list interfaces */
	int Lflag;          /* -L: list data link types */
	int buffer_size;    /* -B in KiB */
	const char *dlt_name; /* -y */
	/* live capture and writing (src/capture/) */
	long long Csize;      /* -C in bytes (argument x 1,000,000), 0 for none */
	int Gsecs;            /* -G rotation period in seconds, 0 for none */
	int Wcount;           /* -W number of files, 0 for unlimited */
	const char *zcmd;     /* -z post-rotate command */
	const char *Zuser;    /* -Z user to switch to */
	int Qdir;             /* -Q: 0 inout (default), 1 in, 2 out */
	const char *tstamp_type; /* -j */
	int Jflag;            /* -J: list time stamp types */
	int Iflag;            /* -I: monitor mode */

	char *filter; /* expression from -F or the remaining arguments, or NULL */

	/* incident-response reports (src/analyze) */
	int summary;        /* --summary */
	int conversations;  /* --conversations */
	const char *report; /* --report FILE.html */
	int json;           /* --json */
	long max_flows;     /* --max-flows, 0 for the default */

	/* the stream layer (src/stream); sizes in bytes, 0 for the defaults */
	int follow;                 /* --follow */
	int sessions;               /* --sessions (src/session) */
	const char *extract;        /* --extract DIR */
	long long stream_mem;       /* --stream-mem */
	long long stream_flow_mem;  /* --stream-flow-mem */
	long long frag_mem;         /* --frag-mem */
	long frag_timeout;          /* --frag-timeout, seconds */

	/* the rule engine (src/rules) */
	const char **rules;         /* --rules PATH, in order */
	int nrules;
	const char **vars;          /* --var NAME=VALUE */
	int nvars;
	int rules_strict;           /* --rules-strict */
	const char *rules_cache;    /* --rules-cache DIR (NULL: the default) */
	int no_rules_cache;         /* --no-rules-cache */
};

/* Parses argv into opt.  On a usage error prints tcpdump's message to stderr
 * and returns the exit status to use (>0); on success returns 0, and -1 when
 * the program must stop now with status 0 (--version, --help). */
int options_parse(struct options *opt, int argc, char **argv);
void options_free(struct options *opt);
void options_usage(void);

#endif
