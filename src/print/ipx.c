/* ipx.c - Novell IPX: the 30-byte header, then SAP, RIP or a one-line
 * summary of the socket's protocol. */
#include "print.h"

#define IPX_HDRLEN 30

/* Service types tcpdump names (when not run with -n). */
static const struct tok sap_names[] = {
	{ 0x0000, "Unknown" },
	{ 0x0001, "User" },
	{ 0x0002, "User Group" },
	{ 0x0003, "PrintQueue" },
	{ 0x0004, "FileServer" },
	{ 0x0005, "JobServer" },
	{ 0x0006, "Gateway" },
	{ 0x0007, "PrintServer" },
	{ 0x0008, "ArchiveQueue" },
	{ 0x0009, "ArchiveServer" },
	{ 0x000a, "JobQueue" },
	{ 0x000b, "Administration" },
	{ 0x000f, "Novell TI-RPC" },
	{ 0x0017, "Diagnostics" },
	{ 0x0020, "NetBIOS" },
	{ 0x0021, "NAS SNA Gateway" },
	{ 0x0023, "NACS AsyncGateway" },
	{ 0x0024, "RemoteBridge/RoutingService" },
	{ 0x0026, "BridgeServer" },
	{ 0x0027, "TCP/IP Gateway" },
	{ 0x0028, "Point-to-point X.25 BridgeServer" },
	{ 0x0029, "3270 Gateway" },
	{ 0x002a, "CHI Corp" },
	{ 0x002c, "PC Chalkboard" },
	{ 0x002d, "TimeSynchServer" },
	{ 0x002e, "ARCserve5.0/PalindromeBackup" },
	{ 0x0045, "DI3270 Gateway" },
	{ 0x0047, "AdvertisingPrintServer" },
	{ 0x004a, "NetBlazerModems" },
	{ 0x004b, "BtrieveVAP" },
	{ 0x004c, "NetwareSQL" },
	{ 0x004d, "XtreeNetwork" },
	{ 0x0050, "BtrieveVAP4.11" },
	{ 0x0052, "QuickLink" },
	{ 0x0053, "PrintQueueUser" },
	{ 0x0058, "Multipoint X.25 Router" },
	{ 0x0060, "STLB/NLM" },
	{ 0x0064, "ARCserve" },
	{ 0x0066, "ARCserve3.0" },
	{ 0x0072, "WAN CopyUtility" },
	{ 0x007a, "TES-NetwareVMS" },
	{ 0x0092, "WATCOM Debugger/EmeraldTapeBackupServer" },
	{ 0x0095, "DDA OBGYN" },
	{ 0x0098, "NetwareAccessServer" },
	{ 0x009a, "Netware for VMS II/NamedPipeServer" },
	{ 0x009b, "NetwareAccessServer" },
	{ 0x009e, "PortableNetwareServer/SunLinkNVT" },
	{ 0x00a1, "PowerchuteAPC UPS" },
	{ 0x00aa, "LAWserve" },
	{ 0x00ac, "CompaqIDA StatusMonitor" },
	{ 0x0100, "PIPE STAIL" },
	{ 0x0102, "LAN ProtectBindery" },
	{ 0x0103, "OracleDataBaseServer" },
	{ 0x0107, "Netware386/RSPX RemoteConsole" },
	{ 0x010f, "NovellSNA Gateway" },
	{ 0x0111, "TestServer" },
	{ 0x0112, "HP PrintServer" },
	{ 0x0114, "CSA MUX" },
	{ 0x0115, "CSA LCA" },
	{ 0x0116, "CSA CM" },
	{ 0x0117, "CSA SMA" },
	{ 0x0118, "CSA DBA" },
	{ 0x0119, "CSA NMA" },
	{ 0x011a, "CSA SSA" },
	{ 0x011b, "CSA STATUS" },
	{ 0x011e, "CSA APPC" },
	{ 0x0126, "SNA TEST SSA Profile" },
	{ 0x012a, "CSA TRACE" },
	{ 0x012b, "NetwareSAA" },
	{ 0x012e, "IKARUS VirusScan" },
	{ 0x0130, "CommunicationsExecutive" },
	{ 0x0133, "NNS DomainServer/NetwareNamingServicesDomain" },
	{ 0x0135, "NetwareNamingServicesProfile" },
	{ 0x0137, "Netware386 PrintQueue/NNS PrintQueue" },
	{ 0x0141, "LAN SpoolServer" },
	{ 0x0152, "IRMALAN Gateway" },
	{ 0x0154, "NamedPipeServer" },
	{ 0x0166, "NetWareManagement" },
	{ 0x0168, "Intel PICKIT CommServer/Intel CAS TalkServer" },
	{ 0x0173, "Compaq" },
	{ 0x0174, "Compaq SNMP Agent" },
	{ 0x0175, "Compaq" },
	{ 0x0180, "XTreeServer/XTreeTools" },
	{ 0x018a, "NASI ServicesBroadcastServer" },
	{ 0x01b0, "GARP Gateway" },
	{ 0x01b1, "Binfview" },
	{ 0x01bf, "IntelLanDeskManager" },
	{ 0x01ca, "AXTEC" },
	{ 0x01cb, "ShivaNetModem/E" },
	{ 0x01cc, "ShivaLanRover/E" },
	{ 0x01cd, "ShivaLanRover/T" },
	{ 0x01ce, "ShivaUniversal" },
	{ 0x01d8, "CastelleFAXPressServer" },
	{ 0x01da, "CastelleLANPressPrintServer" },
	{ 0x01dc, "CastelleFAX/Xerox7033 FaxServer/ExcelLanFax" },
	{ 0x01f0, "LEGATO" },
	{ 0x01f5, "LEGATO" },
	{ 0x0233, "NMS Agent/NetwareManagementAgent" },
	{ 0x0237, "NMS IPX Discovery/LANternReadWriteChannel" },
	{ 0x0238, "NMS IP Discovery/LANternTrapAlarmChannel" },
	{ 0x023a, "LANtern" },
	{ 0x023c, "MAVERICK" },
	{ 0x023f, "NovellSMDR" },
	{ 0x024e, "NetwareConnect" },
	{ 0x024f, "NASI ServerBroadcast Cisco" },
	{ 0x026a, "NMS ServiceConsole" },
	{ 0x026b, "TimeSynchronizationServer Netware 4.x" },
	{ 0x0278, "DirectoryServer Netware 4.x" },
	{ 0x027b, "NetwareManagementAgent" },
	{ 0x0280, "Novell File and Printer Sharing Service for PC" },
	{ 0x0304, "NovellSAA Gateway" },
	{ 0x0308, "COM/VERMED" },
	{ 0x030a, "GalacticommWorldgroupServer" },
	{ 0x030c, "IntelNetport2/HP JetDirect/HP Quicksilver" },
	{ 0x0320, "AttachmateGateway" },
	{ 0x0327, "MicrosoftDiagnostiocs" },
	{ 0x0328, "WATCOM SQL Server" },
	{ 0x0335, "MultiTechSystems MultisynchCommServer" },
	{ 0x0343, "Xylogics RemoteAccessServer/LANModem" },
	{ 0x0355, "ArcadaBackupExec" },
	{ 0x0358, "MSLCD1" },
	{ 0x0361, "NETINELO" },
	{ 0x037e, "Powerchute UPS Monitoring" },
	{ 0x037f, "ViruSafeNotify" },
	{ 0x0386, "HP Bridge" },
	{ 0x0387, "HP Hub" },
	{ 0x0394, "NetWare SAA Gateway" },
	{ 0x039b, "LotusNotes" },
	{ 0x03b7, "CertusAntiVirus" },
	{ 0x03c4, "ARCserve4.0" },
	{ 0x03c7, "LANspool3.5" },
	{ 0x03d7, "LexmarkPrinterServer" },
	{ 0x03d8, "LexmarkXLE PrinterServer" },
	{ 0x03dd, "BanyanENS NetwareClient" },
	{ 0x03de, "GuptaSequelBaseServer/NetWareSQL" },
	{ 0x03e1, "UnivelUnixware" },
	{ 0x03e4, "UnivelUnixware" },
	{ 0x03fc, "IntelNetport" },
	{ 0x03fd, "PrintServerQueue" },
	{ 0x040a, "ipnServer" },
	{ 0x040d, "LVERRMAN" },
	{ 0x040e, "LVLIC" },
	{ 0x0414, "NET Silicon (DPI)/Kyocera" },
	{ 0x0429, "SiteLockVirus" },
	{ 0x0432, "UFHELPR???" },
	{ 0x0433, "Synoptics281xAdvancedSNMPAgent" },
	{ 0x0444, "MicrosoftNT SNA Server" },
	{ 0x0448, "Oracle" },
	{ 0x044c, "ARCserve5.01" },
	{ 0x0457, "CanonGP55" },
	{ 0x045a, "QMS Printers" },
	{ 0x045b, "DellSCSI Array" },
	{ 0x0491, "NetBlazerModems" },
	{ 0x04ac, "OnTimeScheduler" },
	{ 0x04b0, "CD-Net" },
	{ 0x0513, "EmulexNQA" },
	{ 0x0520, "SiteLockChecks" },
	{ 0x0529, "SiteLockChecks" },
	{ 0x052d, "CitrixOS2 AppServer" },
	{ 0x0535, "Tektronix" },
	{ 0x0536, "Milan" },
	{ 0x055d, "Attachmate SNA gateway" },
	{ 0x056b, "IBM8235 ModemServer" },
	{ 0x056c, "ShivaLanRover/E PLUS" },
	{ 0x056d, "ShivaLanRover/T PLUS" },
	{ 0x0580, "McAfeeNetShield" },
	{ 0x05b8, "NLM to workstation communication (Revelation Software)" },
	{ 0x05ba, "CompatibleSystemsRouters" },
	{ 0x05be, "CheyenneHierarchicalStorageManager" },
	{ 0x0606, "JCWatermarkImaging" },
	{ 0x060c, "AXISNetworkPrinter" },
	{ 0x0610, "AdaptecSCSIManagement" },
	{ 0x0621, "IBM AntiVirus" },
	{ 0x0640, "Windows95 RemoteRegistryService" },
	{ 0x064e, "MicrosoftIIS" },
	{ 0x067b, "Microsoft Win95/98 File and Print Sharing for NetWare" },
	{ 0x067c, "Microsoft Win95/98 File and Print Sharing for NetWare" },
	{ 0x076c, "Xerox" },
	{ 0x079b, "ShivaLanRover/E 115" },
	{ 0x079c, "ShivaLanRover/T 115" },
	{ 0x07b4, "CubixWorldDesk" },
	{ 0x07c1, "Quarterdeck IWare Connect V3.x NLM" },
	{ 0x07c2, "Quarterdeck IWare Connect V2.x NLM" },
	{ 0x0810, "ELAN License Server Demo" },
	{ 0x0824, "ShivaLanRoverAccessSwitch/E" },
	{ 0x086a, "ISSC Collector" },
	{ 0x087f, "ISSC DAS AgentAIX" },
	{ 0x0880, "Intel Netport PRO" },
	{ 0x0881, "Intel Netport PRO" },
	{ 0x0b29, "SiteLock" },
	{ 0x0c29, "SiteLockApplications" },
	{ 0x0c2c, "LicensingServer" },
	{ 0x2101, "PerformanceTechnologyInstantInternet" },
	{ 0x2380, "LAI SiteLock" },
	{ 0x238c, "MeetingMaker" },
	{ 0x4808, "SiteLockServer/SiteLockMetering" },
	{ 0x5555, "SiteLockUser" },
	{ 0x6312, "Tapeware" },
	{ 0x6f00, "RabbitGateway" },
	{ 0x7703, "MODEM" },
	{ 0x8002, "NetPortPrinters" },
	{ 0x8008, "WordPerfectNetworkVersion" },
	{ 0x85be, "Cisco EIGRP" },
	{ 0x8888, "WordPerfectNetworkVersion/QuickNetworkManagement" },
	{ 0x9000, "McAfeeNetShield" },
	{ 0x9604, "CSA-NT_MON" },
	{ 0xb6a8, "OceanIsleReachoutRemoteControl" },
	{ 0xf11f, "SiteLockMetering" },
	{ 0xf1ff, "SiteLock" },
	{ 0xf503, "Microsoft SQL Server" },
	{ 0xf905, "IBM TimeAndPlace" },
	{ 0xfbfb, "TopCallIII FaxServer" },
	{ 0xffff, "AnyService/Wildcard" },
	{ 0, NULL },
};

static void sap_type(nd_t *nd, unsigned t)
{
	const char *s = nd->opt->nflag ? NULL : tok_name(sap_names, t);
	if (s)
		nd_s(nd, s);
	else
		out_x(nd->out, t, 4);
}

static void ipx_addr(nd_t *nd, const uint8_t *net, const uint8_t *node)
{
	nd_need(nd, node, 6);
	out_x(nd->out, nd_be32(nd, net), 8);
	nd_c(nd, '.');
	out_x2(nd->out, node[0]);
	nd_c(nd, ':');
	out_x2(nd->out, node[1]);
	nd_c(nd, ':');
	out_x2(nd->out, node[2]);
	nd_c(nd, ':');
	out_x2(nd->out, node[3]);
	nd_c(nd, ':');
	out_x2(nd->out, node[4]);
	nd_c(nd, ':');
	out_x2(nd->out, node[5]);
}

static void sap_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned cmd = nd_be16(nd, p);
	p += 2;
	length -= 2;
	switch (cmd) {
	case 1:
	case 3:
		nd_s(nd, cmd == 1 ? "ipx-sap-req" : "ipx-sap-nearest-req");
		nd_c(nd, ' ');
		sap_type(nd, nd_be16(nd, p));
		return;
	case 2:
	case 4:
		nd_s(nd, cmd == 2 ? "ipx-sap-resp" : "ipx-sap-nearest-resp");
		for (int i = 0; i < 8 && length != 0; i++) {
			nd_need(nd, p, 2);
			if (length < 2)
				goto invalid;
			nd_c(nd, ' ');
			sap_type(nd, nd_be16(nd, p));
			nd_s(nd, " '");
			p += 2;
			length -= 2;
			if (length < 48) {
				nd_c(nd, '\'');
				goto invalid;
			}
			for (unsigned k = 0; k < 48; k++) {
				unsigned c = nd_u8(nd, p + k);
				if (!c)
					break;
				nd_print_char(nd, (uint8_t)c);
			}
			nd_c(nd, '\'');
			p += 48;
			length -= 48;
			nd_need(nd, p, 10);
			if (length < 10)
				goto invalid;
			nd_s(nd, " addr ");
			ipx_addr(nd, p, p + 4);
			p += 10;
			length -= 10;
			nd_need(nd, p, 4);
			if (length < 4)
				goto invalid;
			p += 4;
			length -= 4;
		}
		return;
	default:
		nd_s(nd, "ipx-sap-?");
		out_x(nd->out, cmd, 0);
		return;
	}
invalid:
	nd_print_invalid(nd);
}

static void ipx_rip_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	unsigned cmd = nd_be16(nd, p);
	p += 2;
	length -= 2;
	switch (cmd) {
	case 1:
		nd_s(nd, "ipx-rip-req");
		if (length != 0) {
			if (length < 8)
				goto invalid;
			{
				unsigned v0 = nd_be32(nd, p);
				unsigned v1 = nd_be16(nd, p + 4);
				unsigned v2 = nd_be16(nd, p + 6);
				nd_c(nd, ' ');
				out_x(nd->out, v0, 8);
				nd_c(nd, '/');
				nd_u(nd, v1);
				nd_c(nd, '.');
				nd_u(nd, v2);
			}
		}
		return;
	case 2:
		nd_s(nd, "ipx-rip-resp");
		for (int i = 0; i < 50 && length != 0; i++) {
			if (length < 8)
				goto invalid;
			{
				unsigned v0 = nd_be32(nd, p);
				unsigned v1 = nd_be16(nd, p + 4);
				unsigned v2 = nd_be16(nd, p + 6);
				nd_c(nd, ' ');
				out_x(nd->out, v0, 8);
				nd_c(nd, '/');
				nd_u(nd, v1);
				nd_c(nd, '.');
				nd_u(nd, v2);
			}
			p += 8;
			length -= 8;
		}
		return;
	default:
		nd_s(nd, "ipx-rip-?");
		out_x(nd->out, cmd, 0);
		return;
	}
invalid:
	nd_print_invalid(nd);
}

void ipx_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_proto(nd, "ipx");
	if (!nd->opt->eflag)
		nd_s(nd, "IPX ");
	nd_need(nd, p + 18, 12); /* the whole source is formatted at once */
	ipx_addr(nd, p + 18, p + 22);
	{
		unsigned v0 = nd_be16(nd, p + 28);
		nd_c(nd, '.');
		out_x(nd->out, v0, 4);
		nd_s(nd, " > ");
	}
	nd_need(nd, p + 6, 12);
	ipx_addr(nd, p + 6, p + 10);
	{
		unsigned v0 = nd_be16(nd, p + 16);
		nd_c(nd, '.');
		out_x(nd->out, v0, 4);
		nd_s(nd, ": ");
	}
	length = nd_be16(nd, p + 2);
	if (length < IPX_HDRLEN) {
		nd_s(nd, "[length ");
		nd_u(nd, length);
		nd_s(nd, " < ");
		nd_u(nd, IPX_HDRLEN);
		nd_c(nd, ']');
		nd_print_invalid(nd);
		return;
	}
	const uint8_t *d = p + IPX_HDRLEN;
	length -= IPX_HDRLEN;
	unsigned skt = nd_be16(nd, p + 16);
	switch (skt) {
	case 0x0451:
		nd_s(nd, "ipx-ncp ");
		nd_u(nd, length);
		break;
	case 0x0452:
		sap_print(nd, d, length);
		break;
	case 0x0453:
		ipx_rip_print(nd, d, length);
		break;
	case 0x0455:
		nd_s(nd, "ipx-netbios ");
		nd_u(nd, length);
		break;
	case 0x0456:
		nd_s(nd, "ipx-diags ");
		nd_u(nd, length);
		break;
	case 0x0553:
		nd_s(nd, "ipx-nwlink-dgm ");
		nd_u(nd, length);
		break;
	default:
		nd_s(nd, "ipx-#");
		out_x(nd->out, skt, 0);
		nd_c(nd, ' ');
		nd_u(nd, length);
		break;
	}
}

/* IPX as an Ethernet type ("Ethernet II" framing). */
void ipx_ether_print(nd_t *nd, const uint8_t *p, unsigned length)
{
	nd_s(nd, "(NOV-ETHII) ");
	ipx_print(nd, p, length);
}
