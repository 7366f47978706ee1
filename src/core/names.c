#include "names.h"

#include "gentab.h"
#include "oui.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/ether.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Resolved names, one bounded table per address family; keys are the raw
 * address bytes, values the text to print (heap strings). */
#define NAMES_LIMIT (1u << 18) /* per generation: at most 2^19 names cached */

struct names {
	const struct options *opt;
	struct gentab ip4, ip6, mac;
	char *tcp[65536];
	char *udp[65536];
};

static void drop_text(void *val)
{
	char *text;
	memcpy(&text, val, sizeof text);
	free(text);
}

static const char *cached(struct gentab *t, const uint8_t *key)
{
	char *text = NULL;
	void *v = gentab_get(t, key);
	if (v)
		memcpy(&text, v, sizeof text);
	return text;
}

/* Stores text (taking ownership) and returns it, or "?" without memory. */
static const char *remember(struct gentab *t, const uint8_t *key, char *text)
{
	int fresh;
	void *v = text ? gentab_put(t, key, &fresh) : NULL;
	if (!v) {
		free(text);
		return "?";
	}
	memcpy(v, &text, sizeof text);
	return text;
}

static void load_services(struct names *n)
{
	struct servent *sv;
	setservent(0);
	while ((sv = getservent()) != NULL) {
		unsigned port = ntohs((uint16_t)sv->s_port);
		char **slot = NULL;
		if (strcmp(sv->s_proto, "tcp") == 0)
			slot = &n->tcp[port];
		else if (strcmp(sv->s_proto, "udp") == 0)
			slot = &n->udp[port];
		if (slot && !*slot)
			*slot = strdup(sv->s_name);
	}
	endservent();
}

struct names *names_new(const struct options *opt)
{
	struct names *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	n->opt = opt;
	if (gentab_init(&n->ip4, 4, sizeof(char *), NAMES_LIMIT, drop_text) ||
	    gentab_init(&n->ip6, 16, sizeof(char *), NAMES_LIMIT, drop_text) ||
	    gentab_init(&n->mac, 6, sizeof(char *), NAMES_LIMIT, drop_text)) {
		names_free(n);
		return NULL;
	}
	if (!opt->nflag)
		load_services(n);
	return n;
}

void names_free(struct names *n)
{
	if (!n)
		return;
	gentab_free(&n->ip4);
	gentab_free(&n->ip6);
	gentab_free(&n->mac);
	for (unsigned i = 0; i < 65536; i++) {
		free(n->tcp[i]);
		free(n->udp[i]);
	}
	free(n);
}

int fmt_ip4(char *buf, const uint8_t *a)
{
	return (int)out_fmt_ip4(buf, a);
}

int fmt_ip6(char *buf, const uint8_t *a)
{
	return (int)out_fmt_ip6(buf, a);
}

int fmt_mac(char *buf, const uint8_t *a)
{
	static const char hex[] = "0123456789abcdef";
	char *s = buf;
	for (int i = 0; i < 6; i++) {
		*s++ = hex[a[i] >> 4];
		*s++ = hex[a[i] & 15];
		if (i < 5)
			*s++ = ':';
	}
	*s = 0;
	return 17;
}

static char *strip_domain(char *name, const struct options *opt)
{
	if (name && opt->Nflag) {
		char *dot = strchr(name, '.');
		if (dot)
			*dot = 0;
	}
	return name;
}

void put_ip4(nd_t *nd, const uint8_t *a)
{
	char buf[16];
	nd_need(nd, a, 4);
	if (nd->opt->nflag) {
		out_ip4(nd->out, a);
		return;
	}
	struct names *n = nd->names;
	const char *text = cached(&n->ip4, a);
	if (!text) {
		struct hostent *h = gethostbyaddr(a, 4, AF_INET);
		char *t;
		if (h && h->h_name) {
			t = strip_domain(strdup(h->h_name), n->opt);
		} else {
			fmt_ip4(buf, a);
			t = strdup(buf);
		}
		text = remember(&n->ip4, a, t);
	}
	out_s(nd->out, text);
}

void put_ip6(nd_t *nd, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN];
	nd_need(nd, a, 16);
	if (nd->opt->nflag) {
		out_ip6(nd->out, a);
		return;
	}
	struct names *n = nd->names;
	const char *text = cached(&n->ip6, a);
	if (!text) {
		struct hostent *h = gethostbyaddr(a, 16, AF_INET6);
		char *t;
		if (h && h->h_name) {
			t = strip_domain(strdup(h->h_name), n->opt);
		} else {
			fmt_ip6(buf, a);
			t = strdup(buf);
		}
		text = remember(&n->ip6, a, t);
	}
	out_s(nd->out, text);
}

void put_mac_plain(nd_t *nd, const uint8_t *a)
{
	char buf[18];
	nd_need(nd, a, 6);
	out_mem(nd->out, buf, (size_t)fmt_mac(buf, a));
}

void put_mac(nd_t *nd, const uint8_t *a)
{
	nd_need(nd, a, 6);
	if (nd->opt->nflag) {
		put_mac_plain(nd, a);
		return;
	}
	struct names *n = nd->names;
	const char *text = cached(&n->mac, a);
	if (!text) {
		char buf[256];
		struct ether_addr ea;
		memcpy(ea.ether_addr_octet, a, 6);
		static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
		if (ether_ntohost(buf, &ea) == 0) {
			/* the name /etc/ethers gives */
		} else if (!memcmp(a, bcast, 6)) {
			snprintf(buf, sizeof buf, "Broadcast"); /* tcpdump's one built-in name */
		} else {
			char mac[18];
			fmt_mac(mac, a);
			const char *o = oui_name((uint32_t)a[0] << 16 | (uint32_t)a[1] << 8 | a[2]);
			snprintf(buf, sizeof buf, "%s (oui %s)", mac, o ? o : "Unknown");
		}
		char *t = strdup(buf);
		text = remember(&n->mac, a, t);
	}
	out_s(nd->out, text);
}

static void put_port(nd_t *nd, char **tab, unsigned port)
{
	if (!nd->opt->nflag && tab[port & 0xffff])
		out_s(nd->out, tab[port & 0xffff]);
	else
		out_u(nd->out, port);
}

void put_tcpport(nd_t *nd, unsigned port)
{
	put_port(nd, nd->names->tcp, port);
}

void put_udpport(nd_t *nd, unsigned port)
{
	put_port(nd, nd->names->udp, port);
}
