#include "source.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A line for stderr, or for say when given. */
static void say_line(void (*say)(void *, const char *), void *ctx, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say_line(void (*say)(void *, const char *), void *ctx, const char *fmt, ...)
{
	char line[PCAP_ERRBUF_SIZE + 4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (say)
		say(ctx, line);
	else
		fputs(line, stderr);
}

pcap_t *source_open_file_to(const char *path, const struct options *opt,
                            void (*say)(void *ctx, const char *line), void *ctx)
{
	char err[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p = pcap_open_offline_with_tstamp_precision(
		path, opt->nano ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO, err);
	if (!p) {
		/* libpcap names the file for open errors but not for format
		 * errors ("unknown file format"); always say which file. */
		size_t k = strlen(path);
		if (strncmp(err, path, k) == 0 && err[k] == ':')
			say_line(say, ctx, "trawl: %s\n", err);
		else
			say_line(say, ctx, "trawl: %s: %s\n", path, err);
		return NULL;
	}
	char dlt[128];
	source_describe_dlt(pcap_datalink(p), dlt, sizeof dlt);
	say_line(say, ctx, "reading from file %s, link-type %s, snapshot length %d\n", path, dlt,
		 pcap_snapshot(p));
	return p;
}

pcap_t *source_open_file(const char *path, const struct options *opt)
{
	return source_open_file_to(path, opt, NULL, NULL);
}

void source_first_file_notes(pcap_t *p)
{
	if (pcap_datalink(p) == DLT_LINUX_SLL2) /* interface indexes, not this machine's names */
		fputs("Warning: interface names might be incorrect\n", stderr);
}

/* tcpdump accepts the number -D prints in place of a name, unless an
 * interface has that number as its name.  Returns the name to use, or NULL
 * after printing "Invalid adapter index". */
static const char *resolve_device(const char *device, char *buf, size_t n)
{
	if (!device[0] || strspn(device, "0123456789") != strlen(device))
		return device;
	pcap_if_t *devs;
	char err[PCAP_ERRBUF_SIZE];
	if (pcap_findalldevs(&devs, err) < 0)
		return device;
	long want = strtol(device, NULL, 10), i = 1;
	const char *found = NULL;
	for (pcap_if_t *d = devs; d; d = d->next, i++) {
		if (strcmp(d->name, device) == 0) {
			pcap_freealldevs(devs);
			return device;
		}
		if (i == want) {
			snprintf(buf, n, "%s", d->name);
			found = buf;
		}
	}
	pcap_freealldevs(devs);
	if (!found)
		fprintf(stderr, "trawl: Invalid adapter index\n");
	return found;
}

/* tcpdump's wording for a failed pcap_activate. */
static void activate_error(const char *device, int rc, pcap_t *p)
{
	const char *why = pcap_geterr(p);
	if (rc == PCAP_ERROR)
		fprintf(stderr, "trawl: %s\n", why);
	else if ((rc == PCAP_ERROR_NO_SUCH_DEVICE || rc == PCAP_ERROR_PERM_DENIED) && why[0])
		fprintf(stderr, "trawl: %s: %s\n(%s)\n", device, pcap_statustostr(rc), why);
	else if (rc == PCAP_ERROR_RFMON_NOTSUP)
		fprintf(stderr, "trawl: %s: That device doesn't support monitor mode\n", device);
	else
		fprintf(stderr, "trawl: %s: %s\n", device, pcap_statustostr(rc));
}

pcap_t *source_open_live(const char *device, const struct options *opt)
{
	char err[PCAP_ERRBUF_SIZE] = "", namebuf[256];
	device = resolve_device(device, namebuf, sizeof namebuf);
	if (!device)
		return NULL;
	pcap_t *p = pcap_create(device, err);
	if (!p) {
		fprintf(stderr, "trawl: %s\n", err);
		return NULL;
	}
	pcap_set_snaplen(p, opt->snaplen_set && opt->snaplen ? opt->snaplen : 262144);
	pcap_set_promisc(p, !opt->pflag);
	/* The timeout is also the TPACKET_V3 block retire period: a short one
	 * bounds both delivery latency and the drain at stop (live.c). */
	pcap_set_timeout(p, SOURCE_TIMEOUT_MS);
	if (opt->immediate)
		pcap_set_immediate_mode(p, 1);
	if (opt->buffer_size)
		pcap_set_buffer_size(p, opt->buffer_size * 1024);
	if (opt->Iflag)
		pcap_set_rfmon(p, 1);
	if (opt->tstamp_type) {
		int t = pcap_tstamp_type_name_to_val(opt->tstamp_type);
		if (t < 0) {
			fprintf(stderr, "trawl: invalid time stamp type %s\n", opt->tstamp_type);
			pcap_close(p);
			return NULL;
		}
		int rc = pcap_set_tstamp_type(p, t);
		if (rc < 0) {
			fprintf(stderr, "trawl: %s: Can't set time stamp type: %s\n", device, pcap_statustostr(rc));
			pcap_close(p);
			return NULL;
		}
		if (rc > 0)
			fprintf(stderr, "trawl: WARNING: When trying to set timestamp type '%s' on %s: %s\n",
				opt->tstamp_type, device, pcap_statustostr(rc));
	}
	pcap_set_tstamp_precision(p, opt->nano ? PCAP_TSTAMP_PRECISION_NANO
					       : PCAP_TSTAMP_PRECISION_MICRO);
	int rc = pcap_activate(p);
	if (rc < 0) {
		activate_error(device, rc, p);
		pcap_close(p);
		return NULL;
	}
	if (rc > 0) {
		if (rc == PCAP_WARNING)
			fprintf(stderr, "trawl: WARNING: %s: %s\n", device, pcap_geterr(p));
		else
			fprintf(stderr, "trawl: WARNING: %s: %s\n(%s)\n", device, pcap_statustostr(rc), pcap_geterr(p));
	}
	/* Like tcpdump 4.99, "any" captures with the v2 cooked header. */
	const char *dlt_name = opt->dlt_name;
	if (!dlt_name && strcmp(device, "any") == 0)
		dlt_name = "LINUX_SLL2";
	if (dlt_name) {
		int dlt = pcap_datalink_name_to_val(dlt_name);
		if (dlt < 0) {
			fprintf(stderr, "trawl: invalid data link type %s\n", dlt_name);
			pcap_close(p);
			return NULL;
		}
		if (pcap_set_datalink(p, dlt) < 0) {
			fprintf(stderr, "trawl: %s is not one of the DLTs supported by this device\n", dlt_name);
			pcap_close(p);
			return NULL;
		}
		fprintf(stderr, "trawl: data link type %s\n", pcap_datalink_val_to_name(dlt));
	}
	if (opt->Qdir) {
		if (pcap_setdirection(p, opt->Qdir == 1 ? PCAP_D_IN : PCAP_D_OUT) < 0) {
			fprintf(stderr, "trawl: %s: pcap_setdirection() failed: %s\n", device, pcap_geterr(p));
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
	fflush(stderr);
	return p;
}

int source_list_tstamp_types(const char *device)
{
	char err[PCAP_ERRBUF_SIZE] = "", namebuf[256];
	device = resolve_device(device, namebuf, sizeof namebuf);
	if (!device)
		return 1;
	pcap_t *p = pcap_create(device, err);
	if (!p) {
		fprintf(stderr, "trawl: %s\n", err);
		return 1;
	}
	int *types;
	int n = pcap_list_tstamp_types(p, &types);
	if (n < 0) {
		fprintf(stderr, "trawl: %s\n", pcap_geterr(p));
		pcap_close(p);
		return 1;
	}
	if (n == 0) {
		printf("Time stamp type cannot be set for %s\n", device);
	} else {
		printf("Time stamp types for %s (use option -j to set):\n", device);
		for (int i = 0; i < n; i++) {
			const char *name = pcap_tstamp_type_val_to_name(types[i]);
			if (name)
				printf("  %s (%s)\n", name, pcap_tstamp_type_val_to_description(types[i]));
			else
				printf("  %d\n", types[i]);
		}
	}
	pcap_free_tstamp_types(types);
	pcap_close(p);
	return 0;
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
