/* state.h - what the printers keep from one packet to the next.
 *
 * One constructor gives an nd_t all of it: the name cache, TCP's relative
 * sequence numbers, ESP's keys (-E) and the per-protocol memory below.
 * Whoever prints (main.c, printpar.c's second thread) calls
 * print_state_new() once per nd_t and print_state_free() at the end;
 * only the printers that use a member look inside. */
#ifndef TRAWL_PRINT_STATE_H
#define TRAWL_PRINT_STATE_H

#include "../core/nd.h"

/* NFS calls seen lately, so that a reply (which names neither program,
 * version nor procedure) can be decoded: a ring of the last NFS_XIDMAP_N
 * calls, searched from the slot of the last match on, as tcpdump does. */
#define NFS_XIDMAP_N 64
struct nfs_xid {
	uint32_t xid, vers, proc;
	uint8_t ipver;               /* 0: slot unused */
	uint8_t client[16], server[16];
};
struct nfs_xidmap {
	struct nfs_xid e[NFS_XIDMAP_N];
	unsigned next, hint;
};

/* Rx (AFS) calls seen lately, so that a reply (which carries no opcode) can
 * be decoded: a ring of the last RX_CACHE_N calls (rx.c). */
#define RX_CACHE_N 64
struct rx_call {
	uint32_t callnum, opcode;
	uint8_t client[4], server[4];
	uint16_t dport, serviceid;
	uint8_t used;
};
struct rx_cache {
	struct rx_call e[RX_CACHE_N];
	unsigned next, hint;
};

struct print_state {
	unsigned slip_lastlen[2][256], slip_lastconn; /* SLIP header compression (slip.c) */
	struct nfs_xidmap nfsxid;    /* NFS calls awaiting replies (nfs.c) */
	struct rx_cache rxcache;     /* Rx calls awaiting replies (rx.c) */
};

/* Sets nd->names, nd->tcpseq, nd->esp and nd->ps, replacing whatever they
 * held (an nd_t copied from another keeps none of the other's state).
 * Returns 0, or -1 when memory ran out: then all four are NULL. */
int print_state_new(nd_t *nd, const struct options *opt);
/* Frees what print_state_new set (NULLs are fine) and clears the fields. */
void print_state_free(nd_t *nd);

#endif
