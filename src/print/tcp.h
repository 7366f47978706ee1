/* tcp.h - what tcp.c shares with the files that print TCP options and
 * payloads (MPTCP, TCP-AO, Fast Open, RST data). */
#ifndef TRAWL_TCP_H
#define TRAWL_TCP_H

#include "../core/tcpflags.h"
#include "print.h"

struct tcp_seqtab *tcp_seqtab_new(void);
void tcp_seqtab_free(struct tcp_seqtab *t);

struct seq_val {
	uint32_t seq_lo; /* base of the lower endpoint's sequence numbers */
	uint32_t seq_hi;
};
const struct seq_val *tcp_seq_relative(nd_t *nd, const struct ip_ctx *ip, unsigned sport,
                                       unsigned dport, unsigned flags, uint32_t *seqp,
                                       uint32_t *ackp, int *revp);

struct tcp_opt_ctx {
	const struct ip_ctx *ip;
	const uint8_t *tcp;   /* the TCP header */
	unsigned hlen;        /* TCP header length */
	unsigned length;      /* TCP segment length (header and payload) */
	unsigned payload_len;
	unsigned flags;
	int rev;
	uint32_t thseq, thack;
};

int tcp_options_print(nd_t *nd, const uint8_t *cp, unsigned hlen,
                      const struct tcp_opt_ctx *oc);
/* Options beyond the classic ones (md5, scps, uto, tcp-ao, mptcp, tfo, exp).
 * cp points at the option data, len is the option's total length and room
 * the option bytes left in the header after its kind and length.  Returns 1
 * when printed (setting *datalen to the bytes consumed), 0 when unknown (the
 * caller prints hex), TCPOPT_BAD for a bad option and TCPOPT_TRUNC when the
 * data the option needs was not captured. */
#define TCPOPT_BAD (-1)
#define TCPOPT_TRUNC (-2)
int tcp_option_extra(nd_t *nd, unsigned opt, const uint8_t *cp, unsigned len,
                     unsigned room, const struct tcp_opt_ctx *oc,
                     unsigned *datalen);
/* MPTCP (option 30, mptcp.c): cp points at the option's kind byte, len is
 * its total length.  Returns 0 for a bad option. */
int mptcp_print(nd_t *nd, const uint8_t *cp, unsigned len, unsigned flags);
/* -v on a RST with payload: "[RST+ text]" or hex as tcpdump prints it. */
void tcp_rst_data_print(nd_t *nd, const uint8_t *p, unsigned len);

#endif
