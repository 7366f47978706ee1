/* tcp.c - TCP: ports, flags, relative sequence numbers, options, checksum,
 * and the payload dispatch by port. */
#include <stdlib.h>
#include <string.h>

#include "../core/gentab.h"
#include "../core/names.h"
#include "print.h"
#include "tcp.h"

/* Relative sequence numbers: per connection, the first sequence numbers
 * seen in each direction (tcpdump learns them from the first packet with
 * ACK set, or anew from any SYN).  Keys are canonical: the numerically lower
 * address (then port) first, so both directions find one entry.  tcpdump
 * keeps every connection forever; trawl keeps those active within the last
 * 65536 new connections (two generations, see gentab.h), so memory stays
 * bounded on captures of any size. */
#define SEQ_LIMIT (1u << 16)

struct tcp_seqtab {
	struct gentab tab;
};

struct tcp_seqtab *tcp_seqtab_new(void)
{
	struct tcp_seqtab *t = calloc(1, sizeof *t);
	if (t && gentab_init(&t->tab, 37, sizeof(struct seq_val), SEQ_LIMIT, NULL) < 0) {
		free(t);
		t = NULL;
	}
	return t;
}

void tcp_seqtab_free(struct tcp_seqtab *t)
{
	if (t) {
		gentab_free(&t->tab);
		free(t);
	}
}

static const char *const option_names[] = {
	[0] = "eol", [1] = "nop", [2] = "mss", [3] = "wscale", [4] = "sackOK",
	[5] = "sack", [6] = "echo", [7] = "echoreply", [8] = "TS", [11] = "cc",
	[12] = "ccnew", [13] = "", [19] = "md5", [20] = "scps", [28] = "uto",
	[29] = "tcp-ao", [30] = "mptcp", [34] = "tfo", [254] = "exp",
};

static void put_flags(nd_t *nd, unsigned flags)
{
	static const char sym[] = "FSRP.UEW";
	char buf[8];
	int n = 0;
	for (int i = 0; i < 8; i++)
		if (flags & (1u << i))
			buf[n++] = sym[i];
	nd_s(nd, "Flags [");
	if (n)
		out_mem(nd->out, buf, (size_t)n);
	else
		nd_s(nd, "none");
	nd_c(nd, ']');
}

/* Relative sequence numbers, as tcpdump keeps them: the first segment with
 * ACK of a connection (or any SYN) sets the bases of both directions, later
 * ones print *seq and *ack less them.  Returns the connection's entry, NULL
 * when there is none (-S, no ACK, out of memory).  Also what a thread that
 * does not print a segment must do with it (shadow.c). */
const struct seq_val *tcp_seq_relative(nd_t *nd, const struct ip_ctx *ip, unsigned sport,
                                       unsigned dport, unsigned flags, uint32_t *seqp,
                                       uint32_t *ackp, int *revp)
{
	if (nd->opt->Sflag || !(flags & TH_ACK) || !nd->tcpseq)
		return NULL;
	unsigned alen = ip->ver == 6 ? 16 : 4;
	int c = memcmp(ip->src, ip->dst, alen);
	int rev = c > 0 || (c == 0 && sport > dport);
	uint8_t key[37] = { 0 };
	memcpy(key, rev ? ip->dst : ip->src, alen);
	memcpy(key + 16, rev ? ip->src : ip->dst, alen);
	unsigned lo = rev ? dport : sport, hi = rev ? sport : dport;
	key[32] = (uint8_t)(lo >> 8); key[33] = (uint8_t)lo;
	key[34] = (uint8_t)(hi >> 8); key[35] = (uint8_t)hi;
	key[36] = (uint8_t)ip->ver; /* tcpdump keeps IPv4 and IPv6 apart */
	if (revp)
		*revp = rev;
	int fresh;
	struct seq_val *e = gentab_put(&nd->tcpseq->tab, key, &fresh);
	uint32_t seq = *seqp, ack = *ackp;
	if (!e) {
		/* out of memory: print absolute numbers */
	} else if (fresh || (flags & TH_SYN)) {
		if (rev) {
			e->seq_hi = seq;
			e->seq_lo = ack - 1;
		} else {
			e->seq_lo = seq;
			e->seq_hi = ack - 1;
		}
	} else if (rev) {
		*seqp = seq - e->seq_hi;
		*ackp = ack - e->seq_lo;
	} else {
		*seqp = seq - e->seq_lo;
		*ackp = ack - e->seq_hi;
	}
	return e;
}

void tcp_print(nd_t *nd, const uint8_t *bp, unsigned length,
               const struct ip_ctx *ip)
{
	nd_proto(nd, "tcp");
	if (!nd_has(nd, bp + 2, 2)) {
		put_ip_addr(nd, ip, ip->src);
		nd_s(nd, " > ");
		put_ip_addr(nd, ip, ip->dst);
		nd_c(nd, ':');
		nd_print_trunc(nd);
		return;
	}
	unsigned sport = nd_be16(nd, bp), dport = nd_be16(nd, bp + 2);
	/* the addresses only when the IP header itself says TCP: after IPv6
	 * extension headers (a fragment header ...) the ports alone, as
	 * tcpdump prints them ("frag (0|624) 40014 > 80: ...") */
	if (ip->nh == 6) {
		put_ip_addr(nd, ip, ip->src);
		nd_c(nd, '.');
	}
	put_tcpport(nd, sport);
	nd_s(nd, " > ");
	if (ip->nh == 6) {
		put_ip_addr(nd, ip, ip->dst);
		nd_c(nd, '.');
	}
	put_tcpport(nd, dport);
	nd_s(nd, ": ");

	if (!nd_has(nd, bp, 20)) {
		/* tcpdump marks this and returns: dumps skip the link header */
		nd_print_trunc(nd);
		return;
	}
	unsigned hlen = (nd_u8(nd, bp + 12) >> 4) * 4u;
	if (hlen < 20) {
		nd_s(nd, " tcp ");
		nd_u(nd, length - hlen);
		nd_s(nd, " [bad hdr length ");
		nd_u(nd, hlen);
		nd_s(nd, " - too short, < 20]");
		return;
	}
	uint32_t seq = nd_be32(nd, bp + 4), ack = nd_be32(nd, bp + 8);
	unsigned win = nd_be16(nd, bp + 14), urp = nd_be16(nd, bp + 18);
	if (nd->opt->qflag) {
		nd_s(nd, "tcp ");
		nd_u(nd, length - hlen);
		if (hlen > length) {
			nd_s(nd, " [bad hdr length ");
			nd_u(nd, hlen);
			nd_s(nd, " - too long, > ");
			nd_u(nd, length);
			nd_c(nd, ']');
		}
		return;
	}
	unsigned flags = nd_u8(nd, bp + 13);
	put_flags(nd, flags);

	int rev = 0;
	uint32_t thseq = 0, thack = 0;
	if (!nd->opt->Sflag && (flags & TH_ACK) && nd->tcpseq) {
		const struct seq_val *e =
			tcp_seq_relative(nd, ip, sport, dport, flags, &seq, &ack, &rev);
		thseq = e ? e->seq_lo : 0;
		thack = e ? e->seq_hi : 0;
	}

	if (hlen > length) {
		nd_s(nd, " [bad hdr length ");
		nd_u(nd, hlen);
		nd_s(nd, " - too long, > ");
		nd_u(nd, length);
		nd_c(nd, ']');
		return;
	}
	if (nd->opt->vflag && !nd->opt->Kflag && !ip->fragmented &&
	    nd_has(nd, bp, length)) {
		uint16_t sum = ip_pseudo_cksum(ip, bp, length, 6);
		unsigned tsum = nd_be16(nd, bp + 16);
		nd_s(nd, ", cksum 0x");
		out_x(nd->out, tsum, 4);
		if (sum != 0) {
			uint32_t should = (uint32_t)tsum + sum;
			should = (should & 0xffff) + (should >> 16);
			nd_s(nd, " (incorrect -> 0x");
			out_x(nd->out, (unsigned)(should & 0xffff), 4);
			nd_c(nd, ')');
		} else {
			nd_s(nd, " (correct)");
		}
	}
	length -= hlen;
	if (nd->opt->vflag > 1 || length > 0 || (flags & (TH_SYN | TH_FIN | TH_RST))) {
		nd_s(nd, ", seq ");
		nd_u(nd, seq);
		if (length > 0) {
			nd_c(nd, ':');
			nd_u(nd, (uint32_t)(seq + length));
		}
	}
	if (flags & TH_ACK) {
		nd_s(nd, ", ack ");
		nd_u(nd, ack);
	}
	nd_s(nd, ", win ");
	nd_u(nd, win);
	if (flags & TH_URG) {
		nd_s(nd, ", urg ");
		nd_u(nd, urp);
	}

	if (hlen > 20) {
		struct tcp_opt_ctx oc = { .ip = ip, .tcp = bp, .hlen = hlen,
					  .length = length + hlen,
					  .payload_len = length,
					  .flags = flags, .rev = rev,
					  .thseq = thseq, .thack = thack };
		if (tcp_options_print(nd, bp + 20, hlen - 20, &oc) < 0)
			return;
	}
	nd_s(nd, ", length ");
	nd_u(nd, length);
	if (length == 0)
		return;

	if (!nd_has(nd, bp, hlen)) {
		{
			unsigned v0 = (unsigned)nd_avail(nd, bp);
			nd_s(nd, " [remaining caplen(");
			nd_u(nd, v0);
			nd_s(nd, ") < header length(");
			nd_u(nd, hlen);
			nd_s(nd, ")]");
		}
		nd_print_trunc(nd);
		return;
	}
	const uint8_t *payload = bp + hlen;
	if ((flags & TH_RST) && nd->opt->vflag) {
		tcp_rst_data_print(nd, payload, length);
		return;
	}
	port_fn fn;
	if (nd->opt->Tname) {
		/* Over TCP, -T knows only DNS (with its length prefix), RESP
		 * and ZMTP (printers.def's P_TYPE rows with a TCP printer);
		 * any other type leaves the payload undecoded. */
		fn = dispatch_type_tcp(nd->opt->Tname);
	} else {
		fn = dispatch_tcp(sport, dport);
	}
	if (fn && ++nd->depth <= ND_MAX_DEPTH) {
		fn(nd, payload, length, ip, sport, dport);
		nd->depth--;
	}
}

/* Prints ", options [...]"; returns -1 when the option list was bad or
 * truncated and the rest of the header line must not be printed.
 *
 * Like tcpdump, an option's data is checked against what is left of the
 * option space (too long: "[bad opt]") and, for most options, against the
 * capture before it is printed; a capture that ends there prints the
 * truncation marker followed by ">" when an option was printed before. */
int tcp_options_print(nd_t *nd, const uint8_t *cp, unsigned hlen,
                      const struct tcp_opt_ctx *oc)
{
	char sep = 0;
	nd_s(nd, ", options [");
	while (hlen > 0) {
		if (sep)
			nd_c(nd, sep);
		unsigned opt = nd_u8(nd, cp++);
		unsigned len;
		if (opt == 0 || opt == 1) {
			len = 1;
		} else {
			len = nd_u8(nd, cp++);
			if (len < 2 || len > hlen)
				goto bad;
			hlen--;
		}
		hlen--;
		unsigned datalen = 0;
		const char *name = opt < sizeof option_names / sizeof *option_names
					   ? option_names[opt] : NULL;
		if (name)
			nd_s(nd, name);
		else {
			nd_s(nd, "unknown-");
			nd_u(nd, opt);
		}
#define LENCHECK(l) do { \
		if ((l) > hlen) goto bad; \
		if (!nd_has(nd, cp, (l))) goto trunc; \
	} while (0)
		switch (opt) {
		case 0: case 1: case 4: /* eol, nop, sackOK: no data */
			break;
		case 2: /* mss */
			datalen = 2;
			LENCHECK(datalen);
			nd_c(nd, ' ');
			nd_u(nd, nd_be16(nd, cp));
			break;
		case 3: /* wscale */
			datalen = 1;
			LENCHECK(datalen);
			nd_c(nd, ' ');
			nd_u(nd, nd_u8(nd, cp));
			break;
		case 5: /* sack */
			datalen = len - 2;
			if (datalen % 8 != 0) {
				nd_s(nd, " invalid sack");
			} else {
				nd_c(nd, ' ');
				nd_u(nd, datalen / 8);
				nd_c(nd, ' ');
				for (unsigned i = 0; i < datalen; i += 8) {
					LENCHECK(i + 4);
					uint32_t s = nd_be32(nd, cp + i);
					LENCHECK(i + 8);
					uint32_t e = nd_be32(nd, cp + i + 4);
					uint32_t base = oc->rev ? oc->thseq : oc->thack;
					nd_c(nd, '{');
					nd_u(nd, s - base);
					nd_c(nd, ':');
					nd_u(nd, e - base);
					nd_c(nd, '}');
				}
			}
			break;
		case 6: case 7: case 11: case 12: case 13:
			datalen = 4;
			LENCHECK(datalen);
			nd_c(nd, ' ');
			nd_u(nd, nd_be32(nd, cp));
			break;
		case 8: /* timestamps */
			datalen = 8;
			LENCHECK(datalen);
			nd_s(nd, " val ");
			nd_u(nd, nd_be32(nd, cp));
			nd_s(nd, " ecr ");
			nd_u(nd, nd_be32(nd, cp + 4));
			break;
		default: {
			int r = tcp_option_extra(nd, opt, cp, len, hlen, oc,
						 &datalen);
			if (r == TCPOPT_BAD)
				goto bad;
			if (r == TCPOPT_TRUNC)
				goto trunc;
			if (r > 0)
				break;
			datalen = len - 2;
			if (datalen)
				nd_s(nd, " 0x");
			for (unsigned i = 0; i < datalen; i++) {
				LENCHECK(i + 1);
				out_x2(nd->out, nd_u8(nd, cp + i));
			}
			break;
		}
		}
#undef LENCHECK
		cp += datalen;
		hlen -= datalen;
		datalen++;
		if (opt != 0 && opt != 1)
			datalen++;
		if (datalen != len) {
			nd_s(nd, "[len ");
			nd_u(nd, len);
			nd_c(nd, ']');
		}
		sep = ',';
		if (opt == 0)
			break;
	}
	nd_c(nd, ']');
	return 0;
bad:
	nd_s(nd, "[bad opt]");
	if (sep)
		nd_c(nd, ']');
	return -1;
trunc:
	nd_print_trunc(nd);
	if (sep)
		nd_c(nd, '>');
	return -1;
}
