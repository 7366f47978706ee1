/* fuzz_rules.c - libFuzzer harness of the rule parser and loader: the
 * input is a rule file's text.  Each line is a var line (rs_set_var; "cli
 * NAME VALUE" sets it as --var would) or a rule (rs_parse_rule); then
 * rs_resolve, rs_report, a few address and port matches, rs_free. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/rules/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);

static void var_line(struct ruleset *rs, const char *p, int cli)
{
	char name[64], err[256];
	size_t k = 0;
	while (*p && *p != ' ' && k + 1 < sizeof name)
		name[k++] = *p++;
	name[k] = 0;
	(void)rs_set_var(rs, name, p, cli, err, sizeof err);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
	struct ruleset rs;
	char err[512];
	rs_init(&rs);
	char *line = malloc(n + 1);
	if (!line)
		return 0;
	size_t i = 0;
	unsigned lineno = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && d[j] != '\n')
			j++;
		lineno++;
		size_t len = j - i;
		memcpy(line, d + i, len);
		line[len] = 0;
		i = j + 1;
		if (len == 0 || line[0] == '#')
			continue;
		if (!strncmp(line, "var ", 4) || !strncmp(line, "ipvar ", 6) ||
		    !strncmp(line, "portvar ", 8)) {
			var_line(&rs, strchr(line, ' ') + 1, 0);
			continue;
		}
		if (!strncmp(line, "cli ", 4)) {
			var_line(&rs, line + 4, 1);
			continue;
		}
		int rc = rs_parse_rule(&rs, line, len, "fuzz.rules", lineno, err, sizeof err);
		if (rc < 0 && strncmp(err, "fuzz.rules:", 11) != 0)
			abort(); /* an error always names file:line */
	}
	free(line);
	if (rs_resolve(&rs, err, sizeof err) == 0) {
		static const uint8_t a4[][4] = {{10, 1, 2, 3}, {192, 168, 0, 1}, {8, 8, 8, 8}};
		static const uint8_t a6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
		for (unsigned r = 0; r < rs.nrules; r++) {
			const struct rule *ru = rs.rules[r];
			for (unsigned k = 0; k < 3; k++) {
				(void)addrset_match(&ru->src, a4[k], 4);
				(void)addrset_match(&ru->dst, a4[k], 4);
			}
			(void)addrset_match(&ru->dst, a6, 16);
			(void)portset_match(&ru->sp, 80);
			(void)portset_match(&ru->dp, 65535);
			(void)portset_match(&ru->dp, 0);
		}
	}
	char rep[2048];
	rs_report(&rs, rep, sizeof rep);
	rs_free(&rs);
	return 0;
}
