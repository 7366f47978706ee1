/* rules_parse_test.c - placeholder until the rule parse tests land. */
#include <stdio.h>
int main(void)
{
	puts("rules-parse: 0 tests (placeholder)");
	return 0;
}
