/* nd.c - the truncation exits of the bounds-checked reader (nd.h).  The
 * trap they unwind to is set by whoever runs a printer (print.c). */
#include "nd.h"

void nd_trunc(nd_t *nd)
{
	longjmp(nd->trunc, 1);
}

void nd_print_trunc(nd_t *nd)
{
	nd_s(nd, " [|");
	nd_s(nd, nd->proto ? nd->proto : "");
	nd_c(nd, ']');
}

void nd_mark_trunc(nd_t *nd)
{
	nd->marked = true;
	longjmp(nd->trunc, 1);
}

void nd_run_marked(nd_t *nd, void (*body)(nd_t *, void *), void *arg)
{
	jmp_buf saved;
	memcpy(&saved, &nd->trunc, sizeof saved);
	nd->marked = false;
	if (setjmp(nd->trunc) == 0) {
		body(nd, arg);
		memcpy(&nd->trunc, &saved, sizeof saved);
		return;
	}
	memcpy(&nd->trunc, &saved, sizeof saved);
	if (!nd->marked)
		nd_trunc(nd); /* an ordinary truncation: on to the outer trap */
	nd->marked = false;
	nd_print_trunc(nd);
}

void nd_print_invalid(nd_t *nd)
{
	nd_s(nd, " (invalid)");
}
