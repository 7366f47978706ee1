/* pfcount.c - LD_PRELOAD shim that counts calls to the printf family and
 * inet_ntop/inet_ntoa made through the dynamic linker, and prints the counts
 * to stderr at exit:
 *
 *   pfcount: total N vsnprintf N snprintf N ... 
 *
 * With PFCOUNT_FMT=K it also prints the K format strings seen most often
 * (by address, so one line per call site's literal), which is how the hot
 * call sites were found.  Built by bench/run.sh (cc -shared -fPIC -ldl).
 * Calls a program makes to libc from inside libc (e.g. glibc's own use of
 * its internals) are not seen: this counts the program's calls only. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <dlfcn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { VSNPRINTF, SNPRINTF, SPRINTF, VSPRINTF, PRINTF, FPRINTF, VFPRINTF,
       VPRINTF, INET_NTOP, INET_NTOA, ASPRINTF, VASPRINTF, NFN };
static const char *const fn_name[NFN] = {
	"vsnprintf", "snprintf", "sprintf", "vsprintf", "printf", "fprintf",
	"vfprintf", "vprintf", "inet_ntop", "inet_ntoa", "asprintf", "vasprintf"
};
static unsigned long long count[NFN];

#define NSLOT 4096
static struct { const char *fmt; unsigned long long n; } slot[NSLOT];
static int want_fmt = -1;

static void note(int fn, const char *fmt)
{
	count[fn]++;
	if (want_fmt < 0) {
		const char *e = getenv("PFCOUNT_FMT");
		want_fmt = e ? atoi(e) : 0;
	}
	if (!want_fmt || !fmt)
		return;
	size_t h = ((uintptr_t)fmt >> 3) % NSLOT;
	for (size_t i = 0; i < NSLOT; i++) {
		size_t k = (h + i) % NSLOT;
		if (slot[k].fmt == fmt || !slot[k].fmt) {
			slot[k].fmt = fmt;
			slot[k].n++;
			return;
		}
	}
}

static void *next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);
	if (!f)
		abort();
	return f;
}

typedef int (*vsn_t)(char *, size_t, const char *, va_list);
typedef int (*vs_t)(char *, const char *, va_list);
typedef int (*vf_t)(FILE *, const char *, va_list);
typedef int (*vas_t)(char **, const char *, va_list);
static vsn_t real_vsnprintf(void)
{
	static vsn_t f;
	if (!f)
		f = (vsn_t)next("vsnprintf");
	return f;
}
static vs_t real_vsprintf(void)
{
	static vs_t f;
	if (!f)
		f = (vs_t)next("vsprintf");
	return f;
}
static vf_t real_vfprintf(void)
{
	static vf_t f;
	if (!f)
		f = (vf_t)next("vfprintf");
	return f;
}
static vas_t real_vasprintf(void)
{
	static vas_t f;
	if (!f)
		f = (vas_t)next("vasprintf");
	return f;
}

int vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
	note(VSNPRINTF, fmt);
	return real_vsnprintf()(s, n, fmt, ap);
}
int snprintf(char *s, size_t n, const char *fmt, ...)
{
	note(SNPRINTF, fmt);
	va_list ap;
	va_start(ap, fmt);
	int r = real_vsnprintf()(s, n, fmt, ap);
	va_end(ap);
	return r;
}
int sprintf(char *s, const char *fmt, ...)
{
	note(SPRINTF, fmt);
	va_list ap;
	va_start(ap, fmt);
	int r = real_vsprintf()(s, fmt, ap);
	va_end(ap);
	return r;
}
int vsprintf(char *s, const char *fmt, va_list ap)
{
	note(VSPRINTF, fmt);
	return real_vsprintf()(s, fmt, ap);
}
int printf(const char *fmt, ...)
{
	note(PRINTF, fmt);
	va_list ap;
	va_start(ap, fmt);
	int r = real_vfprintf()(stdout, fmt, ap);
	va_end(ap);
	return r;
}
int vprintf(const char *fmt, va_list ap)
{
	note(VPRINTF, fmt);
	return real_vfprintf()(stdout, fmt, ap);
}
int fprintf(FILE *f, const char *fmt, ...)
{
	note(FPRINTF, fmt);
	va_list ap;
	va_start(ap, fmt);
	int r = real_vfprintf()(f, fmt, ap);
	va_end(ap);
	return r;
}
int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	note(VFPRINTF, fmt);
	return real_vfprintf()(f, fmt, ap);
}
int asprintf(char **s, const char *fmt, ...)
{
	note(ASPRINTF, fmt);
	va_list ap;
	va_start(ap, fmt);
	int r = real_vasprintf()(s, fmt, ap);
	va_end(ap);
	return r;
}
int vasprintf(char **s, const char *fmt, va_list ap)
{
	note(VASPRINTF, fmt);
	return real_vasprintf()(s, fmt, ap);
}
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	typedef const char *(*f_t)(int, const void *, char *, socklen_t);
	static f_t f;
	if (!f)
		f = (f_t)next("inet_ntop");
	note(INET_NTOP, NULL);
	return f(af, src, dst, size);
}
char *inet_ntoa(struct in_addr in)
{
	typedef char *(*f_t)(struct in_addr);
	static f_t f;
	if (!f)
		f = (f_t)next("inet_ntoa");
	note(INET_NTOA, NULL);
	return f(in);
}

static void say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	real_vfprintf()(stderr, fmt, ap);
	va_end(ap);
}

static int by_count(const void *a, const void *b)
{
	unsigned long long x = slot[*(const int *)a].n;
	unsigned long long y = slot[*(const int *)b].n;
	return x < y ? 1 : x > y ? -1 : 0;
}

__attribute__((destructor)) static void report(void)
{
	unsigned long long total = 0;
	for (int i = 0; i < NFN; i++)
		total += count[i];
	say("pfcount: total %llu", total);
	for (int i = 0; i < NFN; i++)
		if (count[i])
			say(" %s %llu", fn_name[i], count[i]);
	say("\n");
	if (want_fmt <= 0)
		return;
	static int idx[NSLOT];
	int n = 0;
	for (int i = 0; i < NSLOT; i++)
		if (slot[i].fmt)
			idx[n++] = i;
	qsort(idx, (size_t)n, sizeof idx[0], by_count);
	for (int i = 0; i < n && i < want_fmt; i++) {
		say("pfcount: %10llu \"", slot[idx[i]].n);
		for (const char *c = slot[idx[i]].fmt; *c; c++)
			say(*c == '\n' ? "\\n" : *c == '\t' ? "\\t" : "%c", *c);
		say("\"\n");
	}
}
