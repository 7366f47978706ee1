/* geonet.c - ETSI GeoNetworking (ethertype 0x8947, and the earlier 0x0707)
 * as tcpdump 4.99.3 decodes it: the 36-byte common header with the
 * sender's long position vector, the extended header of the types whose
 * size is known, the BTP ports and the ITS PDU header; with -v the rest
 * is dumped. */
#include "../core/names.h"
#include "print.h"

#define GN_COMMON_LEN 36

static const char *nh_name(unsigned nh)
{
	switch (nh) {
	case 0: return "Any";
	case 1: return "BTP-A";
	case 2: return "BTP-B";
	case 3: return "IPv6";
	}
	return "Unknown";
}

/* The header type's name; *ext gets the length of its extended header,
 * -1 when tcpdump does not know it (nothing more is decoded then). */
static const char *ht_name(unsigned ht, unsigned hst, int *ext)
{
	static const char *const area[2][3] = {
		{ "GeoAnycastCircle", "GeoAnycastRect", "GeoAnycastElipse" },
		{ "GeoBroadcastCircle", "GeoBroadcastRect", "GeoBroadcastElipse" },
	};
	*ext = -1;
	switch (ht) {
	case 0:
		*ext = 0;
		return "Any";
	case 1:
		*ext = 0;
		return "Beacon";
	case 2:
		return "GeoUnicast";
	case 3: case 4:
		return hst < 3 ? area[ht - 3][hst] : "Unknown";
	case 5:
		if (hst == 0) {
			*ext = 0;
			return "TopoScopeBcast-SH";
		}
		if (hst == 1) {
			*ext = 32;
			return "TopoScopeBcast-MH";
		}
		return "Unknown";
	case 6:
		if (hst == 0)
			return "LocService-Request";
		if (hst == 1)
			return "LocService-Reply";
		return "Unknown";
	}
	return "Unknown";
}

static const char *its_name(unsigned t)
{
	switch (t) {
	case 0: return "CAM";
	case 1: return "DENM";
	case 101: return "TPEGM";
	case 102: return "TSPDM";
	case 103: return "VPM";
	case 104: return "SRM";
	case 105: return "SLAM";
	case 106: return "ecoCAM";
	case 107: return "ITM";
	}
	return NULL;
}

static void geonet_print_src(nd_t *nd, const uint8_t *bp, unsigned length,
                             const uint8_t *src)
{
	nd_proto(nd, "geonet");
	nd_s(nd, "GeoNet");
	if (src) {
		nd_s(nd, " src:");
		put_mac(nd, src);
	}
	nd_s(nd, "; ");
	if (length < GN_COMMON_LEN) {
		nd_s(nd, " (common header length ");
		nd_u(nd, length);
		nd_s(nd, " < ");
		nd_u(nd, GN_COMMON_LEN);
		nd_c(nd, ')');
		nd_print_invalid(nd);
		return;
	}
	unsigned b0 = nd_u8(nd, bp), b1 = nd_u8(nd, bp + 1);
	unsigned ver = b0 >> 4, nh = b0 & 0x0f, ht = b1 >> 4, hst = b1 & 0x0f;
	unsigned plen = nd_be16(nd, bp + 4), hops = nd_u8(nd, bp + 7);
	int ext;
	const char *htn = ht_name(ht, hst, &ext);
	{
		const char *v0 = nh_name(nh);
		nd_s(nd, "v:");
		nd_u(nd, ver);
		nd_s(nd, " NH:");
		nd_u(nd, nh);
		nd_c(nd, '-');
		nd_s(nd, v0);
		nd_s(nd, " HT:");
		nd_u(nd, ht);
		nd_c(nd, '-');
		nd_u(nd, hst);
		nd_c(nd, '-');
		nd_s(nd, htn);
		nd_s(nd, " HopLim:");
		nd_u(nd, hops);
		nd_s(nd, " Payload:");
		nd_u(nd, plen);
		nd_c(nd, ' ');
	}
	/* the long position vector: address, timestamp, latitude, longitude */
	nd_need(nd, bp + 8, 8);
	char mac[24];
	nd_s(nd, "GN_ADDR:");
	for (int i = 0; i < 8; i++) {
		static const char hx[] = "0123456789abcdef";
		unsigned c = bp[8 + i];
		mac[3 * i] = hx[c >> 4];
		mac[3 * i + 1] = hx[c & 15];
		mac[3 * i + 2] = i < 7 ? ':' : ' ';
	}
	out_mem(nd->out, mac, sizeof mac);
	{
		unsigned v0 = nd_be32(nd, bp + 20);
		nd_s(nd, "lat:");
		nd_u(nd, v0);
		nd_c(nd, ' ');
	}
	{
		unsigned v0 = nd_be32(nd, bp + 24);
		nd_s(nd, "lon:");
		nd_u(nd, v0);
	}
	bp += GN_COMMON_LEN;
	length -= GN_COMMON_LEN;
	if (ext >= 0) {
		if (length < (unsigned)ext) {
			nd_s(nd, " (header size ");
			out_d(nd->out, ext);
			nd_s(nd, " > ");
			nd_u(nd, length);
			nd_c(nd, ')');
			nd_print_invalid(nd);
			return;
		}
		bp += ext;
		length -= (unsigned)ext;
		if (nh == 1 || nh == 2) {
			if (length < 4) {
				nd_s(nd, " (BTP length ");
				nd_u(nd, length);
				nd_s(nd, " < 4)");
				nd_print_invalid(nd);
				return;
			}
			{
				unsigned v0 = nd_be16(nd, bp);
				nd_s(nd, "; BTP Dst:");
				nd_u(nd, v0);
			}
			{
				unsigned v0 = nd_be16(nd, bp + 2);
				nd_s(nd, " Src:");
				nd_u(nd, v0);
			}
			bp += 4;
			length -= 4;
			if (length >= 2) {
				{
					unsigned v0 = nd_u8(nd, bp);
					nd_s(nd, "; ItsPduHeader v:");
					nd_u(nd, v0);
				}
				unsigned t = nd_u8(nd, bp + 1);
				const char *tn = its_name(t);
				if (tn) {
					nd_s(nd, " t:");
					nd_u(nd, t);
					nd_c(nd, '-');
					nd_s(nd, tn);
				} else {
					nd_s(nd, " t:");
					nd_u(nd, t);
					nd_s(nd, "-unknown (");
					nd_u(nd, t);
					nd_c(nd, ')');
				}
			}
		}
	}
	if (nd->opt->vflag && length)
		link_default_print(nd, bp, length);
}

void geonet_print(nd_t *nd, const uint8_t *bp, unsigned length)
{
	geonet_print_src(nd, bp, length, NULL);
}

void geonet_ether_print(nd_t *nd, const uint8_t *bp, unsigned length,
                        const uint8_t *src)
{
	geonet_print_src(nd, bp, length, src);
}
