/* sctp.c - Stream Control Transmission Protocol (RFC 4960) chunks, IP
 * protocol 132; M3UA payloads are handed to m3ua.c at -vv. */
#include "../core/hexdump.h"
#include "../core/names.h"
#include "print.h"

static const char *chunk_name(unsigned id)
{
	static const char *const n[] = {
		"DATA", "INIT", "INIT ACK", "SACK", "HB REQ", "HB ACK", "ABORT",
		"SHUTDOWN", "SHUTDOWN ACK", "OP ERR", "COOKIE ECHO", "COOKIE ACK",
		"ECN ECHO", "ECN CWR", "SHUTDOWN COMPLETE",
	};
	if (id < 15)
		return n[id];
	switch (id) {
	case 192: return "FOR CUM TSN";
	case 193: return "REL CTRL";
	case 194: return "REL CTRL ACK";
	default: return NULL;
	}
}

static const char *ppid_name(uint32_t p)
{
	static const char *const n[] = {
		NULL, "ISDN Q.921", "M2UA", "M3UA", "SUA", "M2PA", "V5.2",
		"H.248", "BICC", "TALI", "DUA", "ASAP", "ENRP", "H.323", "Q.IPC",
		"SIMCO", "DDPSC", "DDPSSC", "S1AP", "RUA", "HNBAP", "ForCES HP",
		"ForCES MP", "ForCES LP", "SBc-AP", "NBAP", NULL, "X2AP",
	};
	return p < sizeof n / sizeof n[0] ? n[p] : NULL;
}

static const char *forces_channel(unsigned port)
{
	switch (port) {
	case 6704: return "ForCES HP";
	case 6705: return "ForCES MP";
	case 6706: return "ForCES LP";
	default: return NULL;
	}
}

void sctp_print(nd_t *nd, const uint8_t *bp, unsigned len,
                const struct ip_ctx *ip)
{
	nd_proto(nd, "sctp");
	if (len < 12) {
		nd_s(nd, "truncated-sctp - ");
		nd_u(nd, 12 - len);
		nd_s(nd, " bytes missing!");
		return;
	}
	if (!nd_has(nd, bp, 12))
		goto trunc;
	unsigned sport = nd_be16(nd, bp), dport = nd_be16(nd, bp + 2);
	put_ip_addr(nd, ip, ip->src);
	nd_c(nd, '.');
	nd_u(nd, sport);
	nd_s(nd, " > ");
	put_ip_addr(nd, ip, ip->dst);
	nd_c(nd, '.');
	nd_u(nd, dport);
	nd_s(nd, ": sctp");
	int forces = 0;
	const char *fc;
	if ((fc = forces_channel(sport))) {
		nd_c(nd, '[');
		nd_s(nd, fc);
		nd_c(nd, ']');
		forces = 1;
	}
	if ((fc = forces_channel(dport))) {
		nd_c(nd, '[');
		nd_s(nd, fc);
		nd_c(nd, ']');
		forces = 1;
	}
	const uint8_t *p = bp + 12;
	unsigned rem = len - 12;
	const char *sep = nd->opt->vflag >= 2 ? "\n\t" : " (";
	for (unsigned n = 1; rem != 0; n++) {
		if (rem < 4) {
			nd_s(nd, sep);
			nd_u(nd, n);
			nd_s(nd, ") [chunk descriptor cut off at end of packet]");
			break;
		}
		if (!nd_has(nd, p, 4))
			goto trunc;
		unsigned clen = nd_be16(nd, p + 2);
		if (clen < 4) {
			nd_s(nd, sep);
			nd_u(nd, n);
			nd_s(nd, ") [Bad chunk length ");
			nd_u(nd, clen);
			nd_s(nd, ", < size of chunk descriptor]");
			break;
		}
		unsigned crem = clen;
		unsigned align = clen % 4 ? 4 - clen % 4 : 0;
		if (rem < align) {
			nd_s(nd, sep);
			nd_u(nd, n);
			nd_s(nd, ") [Bad chunk length ");
			nd_u(nd, clen);
			nd_s(nd, ", > remaining data in packet]");
			break;
		}
		if (!nd_has(nd, p, clen))
			goto trunc;
		unsigned id = p[0], flg = p[1];
		const uint8_t *c = p + 4;
		rem -= 4;
		crem -= 4;
		nd_s(nd, sep);
		nd_u(nd, n);
		nd_s(nd, ") ");
		const char *cn = chunk_name(id);
		if (cn) {
			nd_c(nd, '[');
			nd_s(nd, cn);
			nd_s(nd, "] ");
		} else {
			nd_s(nd, "[Unknown chunk type: 0x");
			out_x(nd->out, id, 0);
			nd_s(nd, "] ");
		}
		switch (id) {
		case 0: {
			if (flg & 4)
				nd_s(nd, "(U)");
			if (flg & 2)
				nd_s(nd, "(B)");
			if (flg & 1)
				nd_s(nd, "(E)");
			if (flg & 7)
				nd_c(nd, ' ');
			if (crem < 12) {
				nd_s(nd, "bogus chunk length ");
				nd_u(nd, clen);
				nd_c(nd, ']');
				return;
			}
			uint32_t ppid = nd_be32(nd, c + 8);
			{
				unsigned v0 = nd_be32(nd, c);
				nd_s(nd, "[TSN: ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			{
				unsigned v0 = nd_be16(nd, c + 4);
				nd_s(nd, "[SID: ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			{
				unsigned v0 = nd_be16(nd, c + 6);
				nd_s(nd, "[SSEQ ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			const char *pn = ppid_name(ppid);
			if (pn) {
				nd_s(nd, "[PPID ");
				nd_s(nd, pn);
				nd_s(nd, "] ");
			} else {
				nd_s(nd, "[PPID 0x");
				out_x(nd->out, ppid, 0);
				nd_s(nd, "] ");
			}
			if (!forces)
				forces = ppid >= 21 && ppid <= 23;
			c += 12;
			rem -= 12;
			crem -= 12;
			unsigned psize = crem;
			if (psize == 0) {
				nd_s(nd, "bogus chunk length ");
				nd_u(nd, clen);
				nd_c(nd, ']');
				return;
			}
			if (forces) {
				forces_print(nd, c, psize);
				nd_proto(nd, "sctp");
			} else if (nd->opt->vflag >= 2) {
				if (ppid == 3) {
					m3ua_print(nd, c, psize);
					nd_proto(nd, "sctp");
				} else if (suppress_default(nd)) {
					nd_s(nd, "[Payload]");
				} else {
					nd_s(nd, "[Payload:");
					size_t avail = nd_avail(nd, c);
					hex_ascii_dump(nd->out, "\n\t", c,
						       psize < avail ? psize : (unsigned)avail, 0);
					if (psize > avail)
						nd_print_trunc(nd);
					nd_c(nd, ']');
				}
			}
			c += psize;
			rem -= psize;
			crem -= psize;
			break;
		}
		case 1:
		case 2:
			if (crem < 16) {
				nd_s(nd, "bogus chunk length ");
				nd_u(nd, clen);
				nd_c(nd, ']');
				return;
			}
			{
				unsigned v0 = nd_be32(nd, c);
				nd_s(nd, "[init tag: ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			{
				unsigned v0 = nd_be32(nd, c + 4);
				nd_s(nd, "[rwnd: ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			{
				unsigned v0 = nd_be16(nd, c + 8);
				nd_s(nd, "[OS: ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			{
				unsigned v0 = nd_be16(nd, c + 10);
				nd_s(nd, "[MIS: ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			{
				unsigned v0 = nd_be32(nd, c + 12);
				nd_s(nd, "[init TSN: ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			c += crem;
			rem -= crem;
			crem = 0;
			break;
		case 3: {
			if (crem < 12) {
				nd_s(nd, "bogus chunk length ");
				nd_u(nd, clen);
				nd_c(nd, ']');
				return;
			}
			uint32_t cum = nd_be32(nd, c);
			unsigned ngap = nd_be16(nd, c + 8), ndup = nd_be16(nd, c + 10);
			nd_s(nd, "[cum ack ");
			nd_u(nd, cum);
			nd_s(nd, "] ");
			{
				unsigned v0 = nd_be32(nd, c + 4);
				nd_s(nd, "[a_rwnd ");
				nd_u(nd, v0);
				nd_s(nd, "] ");
			}
			nd_s(nd, "[#gap acks ");
			nd_u(nd, ngap);
			nd_s(nd, "] ");
			nd_s(nd, "[#dup tsns ");
			nd_u(nd, ndup);
			nd_s(nd, "] ");
			c += 12;
			rem -= 12;
			crem -= 12;
			for (unsigned i = 0; crem != 0 && i < ngap; i++) {
				if (crem < 4) {
					nd_s(nd, "bogus chunk length ");
					nd_u(nd, clen);
					nd_c(nd, ']');
					return;
				}
				{
					unsigned v0 = cum + nd_be16(nd, c);
					unsigned v1 = cum + nd_be16(nd, c + 2);
					nd_s(nd, "\n\t\t[gap ack block #");
					nd_u(nd, i + 1);
					nd_s(nd, ": start = ");
					nd_u(nd, v0);
					nd_s(nd, ", end = ");
					nd_u(nd, v1);
					nd_s(nd, "] ");
				}
				c += 4;
				rem -= 4;
				crem -= 4;
			}
			for (unsigned i = 0; crem != 0 && i < ndup; i++) {
				if (crem < 4) {
					nd_s(nd, "bogus chunk length ");
					nd_u(nd, clen);
					nd_c(nd, ']');
					return;
				}
				{
					unsigned v0 = nd_be32(nd, c);
					nd_s(nd, "\n\t\t[dup TSN #");
					nd_u(nd, i + 1);
					nd_s(nd, ": ");
					nd_u(nd, v0);
					nd_s(nd, "] ");
				}
				c += 4;
				rem -= 4;
				crem -= 4;
			}
			break;
		}
		default:
			c += crem;
			rem -= crem;
			crem = 0;
			break;
		}
		c += crem;
		rem -= crem;
		if (nd->opt->vflag < 2)
			sep = ", (";
		if (align) {
			if (!nd_has(nd, c, align))
				goto trunc;
			c += align;
			rem -= align;
		}
		p = c;
	}
	return;
trunc:
	nd_print_trunc(nd);
}
