/* rules_match_test.c - placeholder until the rule match tests land. */
#include <stdio.h>
int main(void)
{
	puts("rules-match: 0 tests (placeholder)");
	return 0;
}
