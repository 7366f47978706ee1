/* load.c - the rule set being loaded: variables (Snort 2.9's sample
 * snort.conf defaults, var lines, --var), rule files and directories,
 * classification.config and reference.config, the skipped-rule report. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

#define LINE_MAX_BYTES (1u << 20) /* a logical line (continuations joined) */

/* Snort 2.9's sample snort.conf, and what else ET Open's rules name */
static const char *const defaults[][2] = {
	{"HOME_NET", "any"},
	{"EXTERNAL_NET", "any"},
	{"DNS_SERVERS", "$HOME_NET"},
	{"SMTP_SERVERS", "$HOME_NET"},
	{"HTTP_SERVERS", "$HOME_NET"},
	{"SQL_SERVERS", "$HOME_NET"},
	{"TELNET_SERVERS", "$HOME_NET"},
	{"SSH_SERVERS", "$HOME_NET"},
	{"FTP_SERVERS", "$HOME_NET"},
	{"SIP_SERVERS", "$HOME_NET"},
	{"AIM_SERVERS", "$HOME_NET"},
	{"DNP3_SERVER", "$HOME_NET"},
	{"DNP3_CLIENT", "$HOME_NET"},
	{"MODBUS_SERVER", "$HOME_NET"},
	{"MODBUS_CLIENT", "$HOME_NET"},
	{"ENIP_SERVER", "$HOME_NET"},
	{"ENIP_CLIENT", "$HOME_NET"},
	/* Suricata's suricata.yaml adds these */
	{"SMB_SERVERS", "$HOME_NET"},
	{"DC_SERVERS", "$HOME_NET"},
	{"HTTP_PORTS",
	 "[36,80,81,82,83,84,85,86,87,88,89,90,311,383,591,593,631,901,1220,1414,1741,1830,2301,"
	 "2381,2809,3037,3128,3702,4343,4848,5250,6988,7000,7001,7144,7145,7510,7777,7779,8000,"
	 "8008,8014,8028,8080,8085,8088,8090,8118,8123,8180,8181,8243,8280,8300,8800,8888,8899,"
	 "9000,9060,9080,9090,9091,9443,9999,11371,34443,34444,41080,50002,55555]"},
	{"SHELLCODE_PORTS", "!80"},
	{"ORACLE_PORTS", "1024:"},
	{"SSH_PORTS", "22"},
	{"FTP_PORTS", "[21,2100,3535]"},
	{"SIP_PORTS", "[5060,5061,5600]"},
	{"FILE_DATA_PORTS", "[$HTTP_PORTS,110,143]"},
	{"GTP_PORTS", "[2123,2152,3386]"},
	{"DNP3_PORTS", "20000"},
	{"MODBUS_PORTS", "502"},
	{"TEREDO_PORTS", "3544"},
	{"VXLAN_PORTS", "4789"},
	{"GENEVE_PORTS", "6081"},
};

void rs_init(struct ruleset *rs)
{
	char err[64];
	memset(rs, 0, sizeof *rs);
	for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		(void)rs_set_var(rs, defaults[i][0], defaults[i][1], 0, err, sizeof err);
}

void rs_free(struct ruleset *rs)
{
	for (unsigned i = 0; i < rs->nrules; i++)
		rule_free(rs->rules[i]);
	free(rs->rules);
	for (unsigned i = 0; i < rs->nvars; i++) {
		free(rs->vars[i].name);
		free(rs->vars[i].value);
	}
	free(rs->vars);
	for (unsigned i = 0; i < rs->nclasses; i++) {
		free(rs->classes[i].name);
		free(rs->classes[i].desc);
	}
	free(rs->classes);
	for (unsigned i = 0; i < rs->nfb; i++)
		free(rs->fbnames[i]);
	free(rs->fbnames);
	for (unsigned i = 0; i < rs->nskips; i++)
		free(rs->skips[i].what);
	free(rs->skips);
	for (unsigned i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	memset(rs, 0, sizeof *rs);
}

static int var_name_ok(const char *n)
{
	if (!*n || strlen(n) > 128)
		return 0;
	for (; *n; n++)
		if (!(*n == '_' || (*n >= 'A' && *n <= 'Z') || (*n >= 'a' && *n <= 'z') ||
		      (*n >= '0' && *n <= '9')))
			return 0;
	return 1;
}

int rs_set_var(struct ruleset *rs, const char *name, const char *value, int from_cli,
               char *err, size_t errlen)
{
	if (!var_name_ok(name)) {
		snprintf(err, errlen, "bad variable name '%.40s'", name);
		return -1;
	}
	while (*value == ' ' || *value == '\t')
		value++;
	size_t vn = strlen(value);
	while (vn && (value[vn - 1] == ' ' || value[vn - 1] == '\t' || value[vn - 1] == '\r'))
		vn--;
	if (vn == 0) {
		snprintf(err, errlen, "variable %.40s without a value", name);
		return -1;
	}
	char *v = malloc(vn + 1);
	if (!v) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memcpy(v, value, vn);
	v[vn] = 0;
	for (unsigned i = 0; i < rs->nvars; i++) {
		struct rvar *x = &rs->vars[i];
		if (strcmp(x->name, name))
			continue;
		if (x->from_cli && !from_cli) {
			free(v); /* --var wins over the files' var lines */
			return 0;
		}
		free(x->value);
		x->value = v;
		x->from_cli = (uint8_t)(x->from_cli | (from_cli != 0));
		return 0;
	}
	struct rvar *nv = realloc(rs->vars, (rs->nvars + 1) * sizeof *nv);
	if (!nv) {
		free(v);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rs->vars = nv;
	nv[rs->nvars].name = strdup(name);
	if (!nv[rs->nvars].name) {
		free(v);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	nv[rs->nvars].value = v;
	nv[rs->nvars].from_cli = (uint8_t)(from_cli != 0);
	rs->nvars++;
	return 0;
}

/* ---- reading a file line by line -------------------------------------------- */

static char *slurp(const char *path, size_t *n, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 1 << 16, len = 0;
	char *b = malloc(cap + 1);
	while (b) {
		size_t k = fread(b + len, 1, cap - len, f);
		len += k;
		if (len < cap)
			break;
		cap *= 2;
		char *nb = realloc(b, cap + 1);
		if (!nb) {
			free(b);
			b = NULL;
		} else {
			b = nb;
		}
	}
	int rerr = ferror(f);
	fclose(f);
	if (!b || rerr) {
		free(b);
		snprintf(err, errlen, "%s: %s", path, b ? "read error" : "out of memory");
		return NULL;
	}
	b[len] = 0;
	*n = len;
	return b;
}

/* calls fn on each logical line: '\' at the end of a line joins the next;
 * line: where it starts */
typedef int (*line_fn)(struct ruleset *rs, const char *file, unsigned line, char *text,
                       size_t n, char *err, size_t errlen);

static int each_line(struct ruleset *rs, const char *file, char *buf, size_t len, line_fn fn,
                     char *err, size_t errlen)
{
	char *acc = NULL;
	size_t an = 0, acap = 0;
	unsigned lineno = 0, start = 0;
	size_t i = 0;
	int rc = 0;
	while (i < len) {
		size_t j = i;
		while (j < len && buf[j] != '\n')
			j++;
		lineno++;
		size_t e = j;
		while (e > i && (buf[e - 1] == '\r' || buf[e - 1] == ' ' || buf[e - 1] == '\t'))
			e--;
		int cont = e > i && buf[e - 1] == '\\';
		if (cont)
			e--;
		if (an == 0)
			start = lineno;
		size_t add = e - i;
		if (an + add > LINE_MAX_BYTES) {
			snprintf(err, errlen, "%s:%u: line too long", file, start);
			rc = -1;
			break;
		}
		if (an + add + 1 > acap) {
			size_t nc = (an + add + 1) * 2;
			char *na = realloc(acc, nc);
			if (!na) {
				snprintf(err, errlen, "out of memory");
				rc = -1;
				break;
			}
			acc = na;
			acap = nc;
		}
		memcpy(acc + an, buf + i, add);
		an += add;
		acc[an] = 0;
		i = j + 1;
		if (cont && i < len)
			continue;
		if (fn(rs, file, start, acc, an, err, errlen) < 0) {
			rc = -1;
			break;
		}
		an = 0;
	}
	free(acc);
	return rc;
}

static int word(const char **p, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(*p, w, n) || !(((*p)[n] == ' ') || (*p)[n] == '\t'))
		return 0;
	*p += n;
	while (**p == ' ' || **p == '\t')
		(*p)++;
	return 1;
}

static int class_line(struct ruleset *rs, const char *file, unsigned line, const char *v,
                      char *err, size_t errlen)
{
	/* name,description,priority */
	const char *c1 = strchr(v, ','), *c2 = c1 ? strrchr(c1 + 1, ',') : NULL;
	if (!c1 || !c2) {
		snprintf(err, errlen, "%s:%u: bad classification (name,description,priority)", file,
		         line);
		return -1;
	}
	char *end;
	long prio = strtol(c2 + 1, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	const char *nb = v, *ne = c1;
	while (ne > nb && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	if (*end || prio <= 0 || prio > 255 || ne == nb) {
		snprintf(err, errlen, "%s:%u: bad classification (name,description,priority)", file,
		         line);
		return -1;
	}
	const char *db = c1 + 1, *de = c2;
	while (db < de && (*db == ' ' || *db == '\t'))
		db++;
	while (de > db && (de[-1] == ' ' || de[-1] == '\t'))
		de--;
	char *name = strndup(nb, (size_t)(ne - nb)), *desc = strndup(db, (size_t)(de - db));
	if (!name || !desc) {
		free(name);
		free(desc);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (unsigned i = 0; i < rs->nclasses; i++) {
		if (!strcmp(rs->classes[i].name, name)) {
			free(name);
			free(rs->classes[i].desc);
			rs->classes[i].desc = desc;
			rs->classes[i].priority = (int)prio;
			return 0;
		}
	}
	struct rclass *c = realloc(rs->classes, (rs->nclasses + 1) * sizeof *c);
	if (!c) {
		free(name);
		free(desc);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rs->classes = c;
	c[rs->nclasses].name = name;
	c[rs->nclasses].desc = desc;
	c[rs->nclasses].priority = (int)prio;
	rs->nclasses++;
	return 0;
}

/* "config reference: name url": checked, not kept (nothing uses it) */
static int reference_line(const char *file, unsigned line, const char *v, char *err,
                          size_t errlen)
{
	const char *sp = v;
	while (*sp && *sp != ' ' && *sp != '\t')
		sp++;
	const char *u = sp;
	while (*u == ' ' || *u == '\t')
		u++;
	if (sp == v || !*u) {
		snprintf(err, errlen, "%s:%u: bad reference (name url)", file, line);
		return -1;
	}
	return 0;
}

/* a config line of a rule file or of classification.config /
 * reference.config; 1 when it was one */
static int config_line(struct ruleset *rs, const char *file, unsigned line, const char *p,
                       char *err, size_t errlen)
{
	if (!word(&p, "config"))
		return 0;
	if (!strncmp(p, "classification:", 15))
		return class_line(rs, file, line, p + 15 + strspn(p + 15, " \t"), err, errlen) < 0 ? -1
		                                                                                    : 1;
	if (!strncmp(p, "reference:", 10))
		return reference_line(file, line, p + 10 + strspn(p + 10, " \t"), err, errlen) < 0 ? -1
		                                                                                     : 1;
	return 1; /* other config lines: nothing for us */
}

static int rules_line(struct ruleset *rs, const char *file, unsigned line, char *text, size_t n,
                      char *err, size_t errlen)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t' || *p == '\r')
		p++;
	if (!*p || *p == '#')
		return 0;
	if (word(&p, "var") || word(&p, "ipvar") || word(&p, "portvar")) {
		const char *ne = p;
		while (*ne && *ne != ' ' && *ne != '\t')
			ne++;
		char name[130];
		size_t nn = (size_t)(ne - p);
		if (nn == 0 || nn >= sizeof name) {
			snprintf(err, errlen, "%s:%u: bad variable line", file, line);
			return -1;
		}
		memcpy(name, p, nn);
		name[nn] = 0;
		char e[200];
		if (rs_set_var(rs, name, ne, 0, e, sizeof e) < 0) {
			snprintf(err, errlen, "%s:%u: %s", file, line, e);
			return -1;
		}
		return 0;
	}
	if (word(&p, "include"))
		return 0;
	int c = config_line(rs, file, line, p, err, errlen);
	if (c)
		return c < 0 ? -1 : 0;
	size_t off = (size_t)(p - text);
	return rs_parse_rule(rs, p, n - off, file, line, err, errlen) < 0 ? -1 : 0;
}

static int conf_line(struct ruleset *rs, const char *file, unsigned line, char *text, size_t n,
                     char *err, size_t errlen)
{
	(void)n;
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '#')
		return 0;
	int c = config_line(rs, file, line, p, err, errlen);
	if (c == 0) {
		snprintf(err, errlen, "%s:%u: not a config line", file, line);
		return -1;
	}
	return c < 0 ? -1 : 0;
}

static int load_file(struct ruleset *rs, const char *path, line_fn fn, char *err, size_t errlen)
{
	size_t n;
	char *b = slurp(path, &n, err, errlen);
	if (!b)
		return -1;
	int rc = each_line(rs, path, b, n, fn, err, errlen);
	free(b);
	return rc;
}

/* classification.config and reference.config in dir, when there */
static int load_configs(struct ruleset *rs, const char *dir, char *err, size_t errlen)
{
	static const char *const names[] = {"classification.config", "reference.config"};
	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(dir) + strlen(names[i]) + 2;
		char *p = malloc(n);
		if (!p) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		snprintf(p, n, "%s/%s", dir, names[i]);
		struct stat st;
		int rc = 0;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			rc = load_file(rs, p, conf_line, err, errlen);
		free(p);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int rs_load(struct ruleset *rs, const char *path, char *err, size_t errlen)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		const char *slash = strrchr(path, '/');
		char *dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
		if (!dir) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		int rc = load_configs(rs, *dir ? dir : "/", err, errlen);
		free(dir);
		if (rc < 0)
			return -1;
		return load_file(rs, path, rules_line, err, errlen);
	}
	if (load_configs(rs, path, err, errlen) < 0)
		return -1;
	DIR *d = opendir(path);
	if (!d) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t nn = 0, cap = 0;
	int rc = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l < 7 || strcmp(de->d_name + l - 6, ".rules") || de->d_name[0] == '.')
			continue;
		if (nn == cap) {
			cap = cap ? cap * 2 : 64;
			char **v = realloc(names, cap * sizeof *v);
			if (!v) {
				rc = -1;
				break;
			}
			names = v;
		}
		if (!(names[nn] = strdup(de->d_name))) {
			rc = -1;
			break;
		}
		nn++;
	}
	closedir(d);
	if (rc < 0)
		snprintf(err, errlen, "out of memory");
	else
		qsort(names, nn, sizeof *names, name_cmp);
	for (size_t i = 0; i < nn && rc == 0; i++) {
		size_t n = strlen(path) + strlen(names[i]) + 2;
		char *p = malloc(n);
		if (!p) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
			break;
		}
		snprintf(p, n, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		rc = load_file(rs, p, rules_line, err, errlen);
		free(p);
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* ---- the report --------------------------------------------------------------- */

static void commas(char *o, size_t n, unsigned long v)
{
	char t[32];
	int l = snprintf(t, sizeof t, "%lu", v);
	size_t k = 0;
	for (int i = 0; i < l && k + 1 < n; i++) {
		if (i && (l - i) % 3 == 0 && k + 2 < n)
			o[k++] = ',';
		o[k++] = t[i];
	}
	o[k] = 0;
}

static int skip_cmp(const void *a, const void *b)
{
	const struct rskip *x = *(const struct rskip *const *)a, *y = *(const struct rskip *const *)b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->what, y->what);
}

void rs_report(const struct ruleset *rs, char *buf, size_t n)
{
	if (!n)
		return;
	char a[32], b[32], c[32];
	commas(a, sizeof a, rs->nrules);
	commas(b, sizeof b, rs->seen);
	size_t k = (size_t)snprintf(buf, n, "loaded %s of %s rules", a, b);
	if (k >= n || !rs->skipped || !rs->nskips)
		return;
	commas(c, sizeof c, rs->skipped);
	k += (size_t)snprintf(buf + k, n - k, "; skipped %s:", c);
	const struct rskip **v = malloc(rs->nskips * sizeof *v);
	if (!v)
		return;
	for (unsigned i = 0; i < rs->nskips; i++)
		v[i] = &rs->skips[i];
	qsort(v, rs->nskips, sizeof *v, skip_cmp);
	for (unsigned i = 0; i < rs->nskips && k < n; i++) {
		commas(c, sizeof c, v[i]->count);
		k += (size_t)snprintf(buf + k, n - k, "%s %s (%s)", i ? "," : "", v[i]->what, c);
	}
	free(v);
}
