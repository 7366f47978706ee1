#include "print.h"
int mobility_print(nd_t *nd, const uint8_t *cp, const uint8_t *ip6)
{
	(void)ip6; (void)cp;
	nd_proto(nd, "mobility");
	return -1;
}
