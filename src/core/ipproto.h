/* ipproto.h - the IP protocol numbers' names, in one table for the
 * printers and the reports: each protocol with the name of each place
 * that shows it.
 *   netdb   the IANA keyword tcpdump prints for a protocol it does not
 *           decode, unless -n ("ip-proto-N" without one)
 *   print   the name of -v's "proto NAME (N)" (IPv4) and "next-header
 *           NAME (N)" (IPv6)
 *   report  the name in the reports (--summary, --conversations,
 *           --report), lower case as in /etc/protocols where tcpdump's
 *           other columns have none that fits */
#ifndef TRAWL_CORE_IPPROTO_H
#define TRAWL_CORE_IPPROTO_H

/* X(number, netdb, print, report); NULL where there is no name. */
#define IPPROTO_TABLE(X) \
	X(0, "hopopt", "Options", "hopopt") \
	X(1, "icmp", "ICMP", "icmp") \
	X(2, "igmp", "IGMP", "igmp") \
	X(3, "ggp", NULL, NULL) \
	X(4, "ipencap", "IPIP", "ipip") \
	X(5, "st", NULL, NULL) \
	X(6, "tcp", "TCP", "tcp") \
	X(7, "cbt", NULL, NULL) \
	X(8, "egp", "EGP", "egp") \
	X(9, "igp", "IGRP", "igp") \
	X(10, "bbn-rcc-mon", NULL, NULL) \
	X(11, "nvp-ii", NULL, "nvp") \
	X(12, "pup", NULL, NULL) \
	X(13, "argus", NULL, NULL) \
	X(14, "emcon", NULL, NULL) \
	X(15, "xnet", NULL, NULL) \
	X(16, "chaos", NULL, NULL) \
	X(17, "udp", "UDP", "udp") \
	X(18, "mux", NULL, NULL) \
	X(19, "dcn-meas", NULL, NULL) \
	X(20, "hmp", NULL, NULL) \
	X(21, "prm", NULL, NULL) \
	X(22, "xns-idp", NULL, NULL) \
	X(23, "trunk-1", NULL, NULL) \
	X(24, "trunk-2", NULL, NULL) \
	X(25, "leaf-1", NULL, NULL) \
	X(26, "leaf-2", NULL, NULL) \
	X(27, "rdp", NULL, NULL) \
	X(28, "irtp", NULL, NULL) \
	X(29, "iso-tp4", NULL, NULL) \
	X(30, "netblt", NULL, NULL) \
	X(31, "mfe-nsp", NULL, NULL) \
	X(32, "merit-inp", NULL, NULL) \
	X(33, "dccp", "DCCP", NULL) \
	X(34, "3pc", NULL, NULL) \
	X(35, "idpr", NULL, NULL) \
	X(36, "xtp", NULL, NULL) \
	X(37, "ddp", NULL, NULL) \
	X(38, "idpr-cmtp", NULL, NULL) \
	X(39, "tp++", NULL, NULL) \
	X(40, "il", NULL, NULL) \
	X(41, "ipv6", "IPv6", "ipv6") \
	X(42, "sdrp", NULL, NULL) \
	X(43, "ipv6-route", "Routing", "ipv6-route") \
	X(44, "ipv6-frag", "Fragment", "ipv6-frag") \
	X(45, "idrp", NULL, NULL) \
	X(46, "rsvp", "RSVP", "rsvp") \
	X(47, "gre", "GRE", "gre") \
	X(48, "dsr", NULL, NULL) \
	X(49, "bna", NULL, NULL) \
	X(50, "esp", "ESP", "esp") \
	X(51, "ah", "AH", "ah") \
	X(52, "i-nlsp", NULL, NULL) \
	X(53, "swipe", NULL, NULL) \
	X(54, "narp", NULL, NULL) \
	X(55, "mobile", "Mobile IP", NULL) \
	X(56, "tlsp", NULL, NULL) \
	X(57, "skip", NULL, NULL) \
	X(58, "ipv6-icmp", "ICMPv6", "icmp6") \
	X(59, "ipv6-nonxt", NULL, "ipv6-nonxt") \
	X(60, "ipv6-opts", NULL, "ipv6-opts") \
	X(62, "cftp", "Mobile IP (old)", NULL) \
	X(64, "sat-expak", NULL, NULL) \
	X(65, "kryptolan", NULL, NULL) \
	X(66, "rvd", NULL, NULL) \
	X(67, "ippc", NULL, NULL) \
	X(69, "sat-mon", NULL, NULL) \
	X(70, "visa", NULL, NULL) \
	X(71, "ipcv", NULL, NULL) \
	X(72, "cpnx", NULL, NULL) \
	X(73, "rspf", NULL, NULL) \
	X(74, "wsn", NULL, NULL) \
	X(75, "pvp", NULL, NULL) \
	X(76, "br-sat-mon", NULL, NULL) \
	X(77, "sun-nd", NULL, NULL) \
	X(78, "wb-mon", NULL, NULL) \
	X(79, "wb-expak", NULL, NULL) \
	X(80, "iso-ip", NULL, NULL) \
	X(81, "vmtp", NULL, NULL) \
	X(82, "secure-vmtp", NULL, NULL) \
	X(83, "vines", NULL, NULL) \
	X(84, "ttp", NULL, NULL) \
	X(85, "nsfnet-igp", NULL, NULL) \
	X(86, "dgp", NULL, NULL) \
	X(87, "tcf", NULL, NULL) \
	X(88, "eigrp", "EIGRP", "eigrp") \
	X(89, "ospf", "OSPF", "ospf") \
	X(90, "sprite-rpc", NULL, NULL) \
	X(91, "larp", NULL, NULL) \
	X(92, "mtp", NULL, NULL) \
	X(93, "ax.25", NULL, NULL) \
	X(94, "ipip", NULL, NULL) \
	X(95, "micp", NULL, NULL) \
	X(96, "scc-sp", NULL, NULL) \
	X(97, "etherip", NULL, NULL) \
	X(98, "encap", NULL, NULL) \
	X(100, "gmtp", NULL, NULL) \
	X(101, "ifmp", NULL, NULL) \
	X(102, "pnni", NULL, NULL) \
	X(103, "pim", "PIM", "pim") \
	X(104, "aris", NULL, NULL) \
	X(105, "scps", NULL, NULL) \
	X(106, "qnx", NULL, NULL) \
	X(107, "a/n", NULL, NULL) \
	X(108, "ipcomp", "Compressed IP", "ipcomp") \
	X(109, "snp", NULL, NULL) \
	X(110, "compaq-peer", NULL, NULL) \
	X(111, "ipx-in-ip", NULL, NULL) \
	X(112, "vrrp", "VRRP", "vrrp") \
	X(113, "pgm", "PGM", NULL) \
	X(115, "l2tp", NULL, "l2tp") \
	X(116, "ddx", NULL, NULL) \
	X(117, "iatp", NULL, NULL) \
	X(118, "stp", NULL, NULL) \
	X(119, "srp", NULL, NULL) \
	X(120, "uti", NULL, NULL) \
	X(121, "smp", NULL, NULL) \
	X(122, "sm", NULL, NULL) \
	X(123, "ptp", NULL, NULL) \
	X(124, "isis", NULL, NULL) \
	X(125, "fire", NULL, NULL) \
	X(126, "crtp", NULL, NULL) \
	X(127, "crudp", NULL, NULL) \
	X(128, "sscopmce", NULL, NULL) \
	X(129, "iplt", NULL, NULL) \
	X(130, "sps", NULL, NULL) \
	X(131, "pipe", NULL, NULL) \
	X(132, "sctp", "SCTP", "sctp") \
	X(133, "fc", NULL, NULL) \
	X(134, "rsvp-e2e-ignore", NULL, NULL) \
	X(135, "mobility-header", "Mobility", NULL) \
	X(136, "udplite", NULL, "udplite") \
	X(137, "mpls-in-ip", NULL, NULL) \
	X(138, "manet", NULL, NULL) \
	X(139, "hip", NULL, NULL) \
	X(140, "shim6", NULL, NULL) \
	X(141, "wesp", NULL, NULL) \
	X(142, "rohc", NULL, NULL) \
	X(143, NULL, "Ethernet", NULL) \
	X(253, "exptest-253", NULL, NULL) \
	X(254, "exptest-254", NULL, NULL) \
	X(255, "reserved", NULL, NULL)

/* NULL when the protocol has no such name (or is over 255). */
const char *ipproto_netdb(unsigned proto);
const char *ipproto_print(unsigned proto);
const char *ipproto_report(unsigned proto);

#endif
