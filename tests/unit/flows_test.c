/* flows_test.c - unit tests for the analyzer's bounded tables: the
 * conversation table's least-recently-seen eviction (which conversation
 * goes, the callback that closes its stream, the counts the report gives)
 * and summary_merge (two halves merged report what one read reports).
 * Prints one line per failure and ends with "flows: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/analyze/decode.h"
#include "../../src/analyze/internal.h"
#include "../../src/core/out.h"

static int passed, failed;

#define CHECK(cond) do { if (cond) passed++; else { failed++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

/* An Ethernet/IPv4/UDP packet from 10.0.0.SRC:SPORT to 10.0.0.2:53 with
 * n bytes of payload; returns its length. */
static unsigned udp_packet(uint8_t *b, unsigned src, unsigned sport, unsigned n)
{
	static const uint8_t eth[14] = { 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6, 8, 0 };
	memcpy(b, eth, 14);
	uint8_t *ip = b + 14;
	unsigned tot = 20 + 8 + n;
	memset(ip, 0, 28 + n);
	ip[0] = 0x45;
	ip[2] = (uint8_t)(tot >> 8);
	ip[3] = (uint8_t)tot;
	ip[8] = 64;
	ip[9] = 17;
	ip[12] = 10, ip[15] = (uint8_t)src;
	ip[16] = 10, ip[19] = 2;
	uint8_t *u = ip + 20;
	u[0] = (uint8_t)(sport >> 8), u[1] = (uint8_t)sport;
	u[2] = 0, u[3] = 53;
	u[4] = (uint8_t)((8 + n) >> 8), u[5] = (uint8_t)(8 + n);
	return 14 + tot;
}

static struct facts f;

static void feed(unsigned src, unsigned sport, unsigned n, uint64_t sec)
{
	static uint8_t b[2048];
	unsigned len = udp_packet(b, src, sport, n);
	decode_packet_lite(&f, 1, b, len, len);
	f.sec = sec;
	f.frac = 0;
}

static uintptr_t evicted[16];
static unsigned nevicted;

static void on_evict(void *ctx, void *ext)
{
	(void)ctx;
	if (nevicted < 16)
		evicted[nevicted++] = (uintptr_t)ext;
}

/* The report's text, as a string (the writer's buffer, not flushed). */
static char *text(void (*fn)(void *, struct out *), void *arg)
{
	struct out o;
	if (out_init(&o, -1) < 0)
		return NULL;
	fn(arg, &o);
	char *s = malloc(o.len + 1);
	if (s) {
		memcpy(s, o.buf, o.len);
		s[o.len] = 0;
	}
	out_free(&o);
	return s;
}

static void flows_text_(void *t, struct out *o) { flows_text(t, o, 0); }
static void summary_text_(void *s, struct out *o) { summary_text(s, o); }

static void test_eviction(void)
{
	struct flowtab *t = flows_new(4);
	CHECK(t != NULL);
	if (!t)
		return;
	flows_on_evict(t, on_evict, NULL);
	/* four conversations fill the table; each gets a tag in its slot */
	for (unsigned k = 1; k <= 4; k++) {
		feed(k, 1000 + k, 10, k);
		void **slot = flows_add(t, &f);
		CHECK(slot != NULL);
		if (slot)
			*slot = (void *)(uintptr_t)k;
	}
	CHECK(nevicted == 0);
	/* conversation 1 seen again: 2 is now the least recently seen */
	feed(1, 1001, 10, 5);
	flows_add(t, &f);
	feed(5, 1005, 10, 6);
	void **slot = flows_add(t, &f);
	CHECK(nevicted == 1 && evicted[0] == 2);
	CHECK(slot != NULL && *slot == NULL); /* a new conversation's slot is empty */
	/* a reply (the other direction) is the same conversation: no eviction */
	static uint8_t b[2048];
	unsigned len = udp_packet(b, 3, 1003, 4);
	/* swap source and destination to make it the answer */
	uint8_t tmp[4];
	memcpy(tmp, b + 26, 4), memcpy(b + 26, b + 30, 4), memcpy(b + 30, tmp, 4);
	uint8_t p0 = b[34], p1 = b[35];
	b[34] = b[36], b[35] = b[37], b[36] = p0, b[37] = p1;
	decode_packet_lite(&f, 1, b, len, len);
	f.sec = 7;
	flows_add(t, &f);
	CHECK(nevicted == 1);
	/* two more new ones evict 4 then 1 (3 was just seen, 5 is newer) */
	feed(6, 1006, 10, 8);
	flows_add(t, &f);
	feed(7, 1007, 10, 9);
	flows_add(t, &f);
	CHECK(nevicted == 3 && evicted[1] == 4 && evicted[2] == 1);
	char *s = text(flows_text_, t);
	/* 2 (one packet), 4 (one) and 1 (two) were evicted: 4 packets, 4 x 52 bytes */
	CHECK(s && strstr(s, "Conversations: 4 (flow table limit 4; 3 evicted with 4 packets, 208 bytes)"));
	if (s && !strstr(s, "3 evicted"))
		printf("  got: %.200s\n", s);
	/* the ones left: 3, 5, 6, 7 and no other */
	static const char *const kept[] = { "10.0.0.3:1003", "10.0.0.5:1005", "10.0.0.6:1006", "10.0.0.7:1007" };
	static const char *const gone[] = { "10.0.0.1:1001", "10.0.0.2:1002", "10.0.0.4:1004" };
	for (unsigned k = 0; k < 4; k++)
		CHECK(s && strstr(s, kept[k]));
	for (unsigned k = 0; k < 3; k++)
		CHECK(s && !strstr(s, gone[k]));
	if (s && (!strstr(s, kept[0]) || strstr(s, gone[0])))
		printf("  got: %.600s\n", s);
	free(s);
	flows_free(t);
}

static void summary_json_(void *s, struct out *o) { summary_json(s, o, 0); }

/* Two halves split at `at` and merged report, in text and JSON, what one
 * read of all 200 packets reports. */
static void merge_at(unsigned at)
{
	struct summary *all = summary_new(0), *a = summary_new(0), *b = summary_new(0);
	CHECK(all && a && b);
	if (!all || !a || !b)
		return;
	for (unsigned i = 0; i < 200; i++) {
		feed(1 + i % 7, 2000 + i % 13, i % 300, 100 + i);
		summary_add(all, &f);
		summary_add(i < at ? a : b, &f);
	}
	summary_merge(a, b);
	char *sa = text(summary_text_, all), *sm = text(summary_text_, a);
	CHECK(sa && sm && strcmp(sa, sm) == 0);
	CHECK(sa && strstr(sa, "\n  packets                         200\n"));
	if (sa && sm && strcmp(sa, sm))
		printf("  split at %u:\n%s\n  merged:\n%s\n", at, sa, sm);
	free(sa);
	free(sm);
	sa = text(summary_json_, all), sm = text(summary_json_, a);
	CHECK(sa && sm && strcmp(sa, sm) == 0);
	CHECK(sa && strncmp(sa, "{\"packets\":200,", 15) == 0);
	/* the first and last times are the whole read's */
	CHECK(sa && strstr(sa, "\"first\":100.000000,\"last\":299.000000,"));
	free(sa);
	free(sm);
	summary_free(all);
	summary_free(a);
	summary_free(b);
}

static void test_summary_merge(void)
{
	merge_at(120);
	merge_at(0);   /* an empty first half */
	merge_at(200); /* an empty second half */
	merge_at(1);
}

int main(void)
{
	test_eviction();
	test_summary_merge();
	printf("flows: %d passed, %d failed\n", passed, failed);
	return failed != 0;
}
