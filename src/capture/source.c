#include "source.h"

#include <stdio.h>
#include <string.h>

void source_describe_dlt(int dlt, char *buf, size_t n)
{
	const char *name = pcap_datalink_val_to_name(dlt);
	const char *desc = pcap_datalink_val_to_description(dlt);
	if (name)
		snprintf(buf, n, "%s (%s)", name, desc ? desc : "unknown");
	else
		snprintf(buf, n, "%d", dlt);
}

pcap_t *source_open_file(const char *path, const struct options *opt)
{
	char err[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p = pcap_open_offline_with_tstamp_precision(
		path, opt->nano ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO, err);
	if (!p) {
		/* libpcap names the file for open errors but not for format
		 * errors ("unknown file format"); always say which file. */
		size_t k = strlen(path);
		if (strncmp(err, path, k) == 0 && err[k] == ':')
			fprintf(stderr, "trawl: %s\n", err);
		else
			fprintf(stderr, "trawl: %s: %s\n", path, err);
		return NULL;
	}
	char dlt[128];
	source_describe_dlt(pcap_datalink(p), dlt, sizeof dlt);
	fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n",
		path, dlt, pcap_snapshot(p));
	return p;
}

pcap_t *source_open_live(const char *device, const struct options *opt)
{
	char err[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p = pcap_create(device, err);
	if (!p) {
		fprintf(stderr, "trawl: %s\n", err);
		return NULL;
	}
	pcap_set_snaplen(p, opt->snaplen_set && opt->snaplen ? opt->snaplen : 262144);
	pcap_set_promisc(p, !opt->pflag);
	pcap_set_timeout(p, 1000);
	if (opt->immediate)
		pcap_set_immediate_mode(p, 1);
	if (opt->buffer_size)
		pcap_set_buffer_size(p, opt->buffer_size * 1024);
	pcap_set_tstamp_precision(p, opt->nano ? PCAP_TSTAMP_PRECISION_NANO
					       : PCAP_TSTAMP_PRECISION_MICRO);
	int rc = pcap_activate(p);
	if (rc < 0) {
		const char *why = pcap_geterr(p);
		if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
			fprintf(stderr, "trawl: %s: No such device exists\n(%s)\n", device, why);
		else if (rc == PCAP_ERROR_PERM_DENIED)
			fprintf(stderr, "trawl: %s: You don't have permission to capture on that device\n(%s)\n", device, why);
		else
			fprintf(stderr, "trawl: %s: %s\n", device, why);
		pcap_close(p);
		return NULL;
	}
	if (rc > 0)
		fprintf(stderr, "trawl: WARNING: %s: %s\n", device, pcap_geterr(p));
	if (opt->dlt_name) {
		int dlt = pcap_datalink_name_to_val(opt->dlt_name);
		if (dlt < 0 || pcap_set_datalink(p, dlt) < 0) {
			fprintf(stderr, "trawl: invalid data link type %s\n", opt->dlt_name);
			pcap_close(p);
			return NULL;
		}
	}
	char dlt[128];
	source_describe_dlt(pcap_datalink(p), dlt, sizeof dlt);
	if (!opt->vflag && !opt->wfile)
		fprintf(stderr, "trawl: verbose output suppressed, use -v[v]... for full protocol decode\n");
	fprintf(stderr, "%slistening on %s, link-type %s, snapshot length %d bytes\n",
		opt->wfile ? "trawl: " : "", device, dlt, pcap_snapshot(p));
	return p;
}

int source_set_filter(pcap_t *p, const struct options *opt, const char *device)
{
	bpf_u_int32 net = 0, mask = 0;
	char err[PCAP_ERRBUF_SIZE];
	if (device && pcap_lookupnet(device, &net, &mask, err) < 0)
		net = mask = 0;
	struct bpf_program prog;
	if (pcap_compile(p, &prog, opt->filter ? opt->filter : "", !opt->Oflag, mask) < 0) {
		fprintf(stderr, "trawl: %s\n", pcap_geterr(p));
		return -1;
	}
	if (opt->dflag) {
		bpf_dump(&prog, opt->dflag);
		pcap_freecode(&prog);
		return 1;
	}
	int rc = pcap_setfilter(p, &prog);
	pcap_freecode(&prog);
	if (rc < 0) {
		fprintf(stderr, "trawl: %s\n", pcap_geterr(p));
		return -1;
	}
	return 0;
}

int source_list_interfaces(void)
{
	pcap_if_t *devs;
	char err[PCAP_ERRBUF_SIZE];
	if (pcap_findalldevs(&devs, err) < 0) {
		fprintf(stderr, "trawl: %s\n", err);
		return 1;
	}
	int i = 1;
	for (pcap_if_t *d = devs; d; d = d->next, i++) {
		printf("%d.%s", i, d->name);
		if (d->description)
			printf(" (%s)", d->description);
		const char *sep = " [";
		int any = 0;
#define FLAG(bit, text) if (d->flags & (bit)) { printf("%s%s", sep, text); sep = ", "; any = 1; }
		FLAG(PCAP_IF_UP, "Up");
		FLAG(PCAP_IF_RUNNING, "Running");
		FLAG(PCAP_IF_WIRELESS, "Wireless");
		FLAG(PCAP_IF_LOOPBACK, "Loopback");
#undef FLAG
		if (!(d->flags & PCAP_IF_LOOPBACK)) {
			const char *st = NULL;
			switch (d->flags & PCAP_IF_CONNECTION_STATUS) {
			case PCAP_IF_CONNECTION_STATUS_CONNECTED: st = "Connected"; break;
			case PCAP_IF_CONNECTION_STATUS_DISCONNECTED: st = "Disconnected"; break;
			default: break;
			}
			if (st) {
				printf("%s%s", sep, st);
				any = 1;
			}
		}
		printf(any ? "]\n" : " [none]\n");
	}
	pcap_freealldevs(devs);
	return 0;
}

int source_list_dlts(pcap_t *p, const char *device)
{
	int *dlts;
	int n = pcap_list_datalinks(p, &dlts);
	if (n < 0) {
		fprintf(stderr, "trawl: %s\n", pcap_geterr(p));
		return 1;
	}
	printf("Data link types for %s (use option -y to set):\n", device);
	for (int i = 0; i < n; i++) {
		const char *name = pcap_datalink_val_to_name(dlts[i]);
		const char *desc = pcap_datalink_val_to_description(dlts[i]);
		if (name)
			printf("  %s (%s)\n", name, desc ? desc : "");
		else
			printf("  DLT %d\n", dlts[i]);
	}
	pcap_free_datalinks(dlts);
	return 0;
}
