/* state.c - the printers' state behind one constructor (state.h). */
#include <stdlib.h>

#include "../core/names.h"
#include "state.h"
#include "tcp.h"

int print_state_new(nd_t *nd, const struct options *opt)
{
	nd->names = names_new(opt);
	nd->tcpseq = tcp_seqtab_new();
	nd->esp = esp_state_new(opt);
	nd->ps = calloc(1, sizeof *nd->ps);
	if (nd->names && nd->tcpseq && nd->esp && nd->ps)
		return 0;
	print_state_free(nd);
	return -1;
}

void print_state_free(nd_t *nd)
{
	names_free(nd->names);
	tcp_seqtab_free(nd->tcpseq);
	esp_state_free(nd->esp);
	free(nd->ps);
	nd->names = NULL;
	nd->tcpseq = NULL;
	nd->esp = NULL;
	nd->ps = NULL;
}
