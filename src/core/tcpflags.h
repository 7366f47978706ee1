/* tcpflags.h - the TCP header's flag bits (RFC 9293, RFC 3168), for the
 * printers and the decoder alike. */
#ifndef TRAWL_CORE_TCPFLAGS_H
#define TRAWL_CORE_TCPFLAGS_H

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_PSH 0x08
#define TH_ACK 0x10
#define TH_URG 0x20
#define TH_ECE 0x40
#define TH_CWR 0x80

#endif
