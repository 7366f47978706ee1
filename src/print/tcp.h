/* tcp.h - what tcp.c shares with the files that print TCP options and
 * payloads (MPTCP, TCP-AO, Fast Open, RST data). */
#ifndef TRAWL_TCP_H
#define TRAWL_TCP_H

#include "print.h"

struct tcp_seqtab *tcp_seqtab_new(void);
void tcp_seqtab_free(struct tcp_seqtab *t);

struct tcp_opt_ctx {
	const struct ip_ctx *ip;
	const uint8_t *tcp;   /* the TCP header */
	unsigned payload_len;
	unsigned flags;
	int rev;
	uint32_t thseq, thack;
};

int tcp_options_print(nd_t *nd, const uint8_t *cp, unsigned hlen,
                      const struct tcp_opt_ctx *oc);
/* Options beyond the classic ones (md5, scps, uto, tcp-ao, mptcp, tfo, exp).
 * cp points at the option data, len is the option's total length.  Returns
 * 1 when printed (setting *datalen to the bytes consumed), 0 when unknown
 * (the caller prints hex), -1 for a bad option. */
int tcp_option_extra(nd_t *nd, unsigned opt, const uint8_t *cp, unsigned len,
                     const struct tcp_opt_ctx *oc, unsigned *datalen);
/* -v on a RST with payload: "[RST+ text]" or hex as tcpdump prints it. */
void tcp_rst_data_print(nd_t *nd, const uint8_t *p, unsigned len);

#endif
