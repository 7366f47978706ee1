/* consumers_test.c - unit tests of the stream layer's consumers (--follow,
 * --extract), driven by hand-made streams: each callback is called as
 * stream.c would call it.  Ends with "consumers: N passed, M failed" and
 * exits non-zero when anything failed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "../../src/core/out.h"
#include "../../src/stream/extract.h"
#include "../../src/stream/follow.h"

static int passed, failed;

static void check(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "FAIL: %s\n", what);
	}
}

static void check_str(const char *got, const char *want, const char *what)
{
	int ok = got && strcmp(got, want) == 0;
	check(ok, what);
	if (!ok)
		fprintf(stderr, "--- want:\n%s--- got:\n%s---\n", want, got ? got : "(null)");
}

/* ---- fake streams ---- */

static void mk4(struct stream *s, uint64_t id, const char *a, unsigned ap, const char *b,
                unsigned bp)
{
	memset(s, 0, sizeof *s);
	s->id = id;
	s->proto = 6;
	s->alen = 4;
	unsigned x[4];
	sscanf(a, "%u.%u.%u.%u", &x[0], &x[1], &x[2], &x[3]);
	for (int i = 0; i < 4; i++)
		s->side[0].addr[i] = (uint8_t)x[i];
	sscanf(b, "%u.%u.%u.%u", &x[0], &x[1], &x[2], &x[3]);
	for (int i = 0; i < 4; i++)
		s->side[1].addr[i] = (uint8_t)x[i];
	s->side[0].port = (uint16_t)ap;
	s->side[1].port = (uint16_t)bp;
}

static void mk6(struct stream *s, uint64_t id, unsigned proto, unsigned ap, unsigned bp)
{
	memset(s, 0, sizeof *s);
	s->id = id;
	s->proto = (uint8_t)proto;
	s->alen = 16;
	static const uint8_t a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	static const uint8_t b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };
	memcpy(s->side[0].addr, a, 16);
	memcpy(s->side[1].addr, b, 16);
	s->side[0].port = (uint16_t)ap;
	s->side[1].port = (uint16_t)bp;
}

static struct stream_ts T(uint64_t sec, uint32_t frac)
{
	struct stream_ts t = { sec, frac };
	return t;
}

/* Feeds n bytes of dir as stream.c does (offsets kept per direction). */
static void feed(const struct stream_consumer *c, struct stream *s, int dir, const void *p,
                 size_t n, struct stream_ts ts)
{
	uint64_t off = s->side[dir].bytes;
	s->side[dir].bytes += n;
	if (!s->side[dir].first.sec)
		s->side[dir].first = ts;
	s->side[dir].last = ts;
	s->last = ts;
	c->data(c->ctx, s, dir, off, p, n, &ts);
}

static void gap(const struct stream_consumer *c, struct stream *s, int dir, uint64_t n,
                struct stream_ts ts)
{
	uint64_t off = s->side[dir].bytes;
	s->side[dir].bytes += n; /* offsets go on past the hole */
	c->gap(c->ctx, s, dir, off, n, &ts);
}

/* ---- output capture ---- */

static int cap_fd;

static char *drain(struct out *o)
{
	static char buf[1 << 20];
	out_flush(o);
	off_t n = lseek(cap_fd, 0, SEEK_CUR);
	lseek(cap_fd, 0, SEEK_SET);
	size_t k = 0;
	if (n > 0 && (size_t)n < sizeof buf) {
		ssize_t r = pread(cap_fd, buf, (size_t)n, 0);
		k = r > 0 ? (size_t)r : 0;
	}
	buf[k] = 0;
	if (ftruncate(cap_fd, 0) != 0)
		perror("ftruncate");
	return buf;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *b = malloc(cap + 1);
	size_t r;
	while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			char *nb = realloc(b, cap * 2 + 1);
			if (!nb) {
				free(b);
				b = NULL;
				break;
			}
			b = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (b)
		b[n] = 0;
	if (len)
		*len = n;
	return b;
}

static int file_is(const char *dir, const char *name, const void *want, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	size_t len;
	char *b = slurp(path, &len);
	int ok = b && len == n && memcmp(b, want, n) == 0;
	if (!ok)
		fprintf(stderr, "  %s: %s, %zu bytes (want %zu)\n", path, b ? "differs" : "missing",
		        b ? len : 0, n);
	free(b);
	return ok;
}

static unsigned count_files(const char *dir)
{
	DIR *d = opendir(dir);
	unsigned n = 0;
	const struct dirent *e;
	while (d && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	if (d)
		closedir(d);
	return n;
}

static unsigned open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	unsigned n = 0;
	const struct dirent *e;
	while (d && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	if (d)
		closedir(d);
	return n;
}

static void rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	const struct dirent *e;
	char path[1024];
	while (d && (e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void sha_hex(const void *p, size_t n, char *hex)
{
	unsigned char md[32];
	unsigned len = 0;
	EVP_Digest(p, n, md, &len, EVP_sha256(), NULL);
	for (int i = 0; i < 32; i++)
		sprintf(hex + 2 * i, "%02x", md[i]);
}

/* ---- --follow ---- */

static void test_follow_ascii(struct out *o)
{
	struct follow *fw = follow_new(o, FOLLOW_ASCII, 0);
	struct stream_consumer c;
	follow_consumer(fw, &c);
	struct stream s;
	mk4(&s, 3, "61.219.90.180", 3711, "192.168.100.45", 21);
	c.open(c.ctx, &s);
	feed(&c, &s, 1, "220 ready\r\n", 11, T(1002456503, 919220));
	feed(&c, &s, 0, "USER anon", 9, T(1002456503, 979220));
	feed(&c, &s, 0, "ymous\r\n", 7, T(1002456503, 989220));
	gap(&c, &s, 0, 1460, T(1002456504, 10000));
	feed(&c, &s, 0, "x\ty\001z", 5, T(1002456504, 20000));
	feed(&c, &s, 1, "a\rb\r\r", 5, T(1002456504, 30000));
	feed(&c, &s, 1, "", 0, T(1002456504, 40000));
	check_str(drain(o),
		"== 12:08:23.919220 TCP 192.168.100.45.21 > 61.219.90.180.3711: bytes 0:11 (11)\n"
		"220 ready\n"
		"== 12:08:23.979220 TCP 61.219.90.180.3711 > 192.168.100.45.21: bytes 0:16 (16)\n"
		"USER anonymous\n"
		"== 12:08:24.010000 TCP 61.219.90.180.3711 > 192.168.100.45.21: gap 16:1476 (1460 bytes missing)\n"
		"== 12:08:24.020000 TCP 61.219.90.180.3711 > 192.168.100.45.21: bytes 1476:1481 (5)\n"
		"x\ty.z\n",
		"follow: blocks per direction, gap line, pending block held");
	s.closed = STREAM_FIN;
	c.close(c.ctx, &s);
	check_str(drain(o),
		"== 12:08:24.030000 TCP 192.168.100.45.21 > 61.219.90.180.3711: bytes 11:16 (5)\n"
		"a.b\n",
		"follow: close flushes; CRs as -A shows them");

	/* two streams interleaved; a block of a stream that closes */
	struct stream s2;
	mk6(&s2, 4, 17, 5353, 53);
	c.open(c.ctx, &s2);
	mk4(&s, 5, "10.0.0.1", 1000, "10.0.0.2", 80);
	c.open(c.ctx, &s);
	feed(&c, &s2, 0, "q\n", 2, T(1002456505, 1));
	feed(&c, &s, 0, "GET\n", 4, T(1002456505, 2));
	feed(&c, &s2, 0, "r\n", 2, T(1002456505, 3));
	s2.closed = STREAM_END;
	c.close(c.ctx, &s2);
	s.closed = STREAM_END;
	c.close(c.ctx, &s);
	check_str(drain(o),
		"== 12:08:25.000001 UDP 2001:db8::1.5353 > 2001:db8::2.53: bytes 0:2 (2)\nq\n"
		"== 12:08:25.000002 TCP 10.0.0.1.1000 > 10.0.0.2.80: bytes 0:4 (4)\nGET\n"
		"== 12:08:25.000003 UDP 2001:db8::1.5353 > 2001:db8::2.53: bytes 2:4 (2)\nr\n",
		"follow: streams interleaved, UDP over IPv6");

	/* the block bound: 70000 bytes in one call make two blocks */
	mk4(&s, 6, "10.0.0.1", 1001, "10.0.0.2", 80);
	c.open(c.ctx, &s);
	static uint8_t big[70000];
	memset(big, 'a', sizeof big);
	big[65535] = '\n';
	big[sizeof big - 1] = '\n';
	feed(&c, &s, 0, big, sizeof big, T(1002456506, 0));
	c.close(c.ctx, &s);
	const char *got = drain(o);
	const char *h1 = "== 12:08:26.000000 TCP 10.0.0.1.1001 > 10.0.0.2.80: bytes 0:65536 (65536)\n";
	const char *h2 = "== 12:08:26.000000 TCP 10.0.0.1.1001 > 10.0.0.2.80: bytes 65536:70000 (4464)\n";
	size_t l1 = strlen(h1), l2 = strlen(h2);
	check(strlen(got) == l1 + 65536 + l2 + 4464 && !strncmp(got, h1, l1) &&
	      got[l1] == 'a' && got[l1 + 65535] == '\n' && !strncmp(got + l1 + 65536, h2, l2) &&
	      got[l1 + 65536 + l2 + 4463] == '\n',
	      "follow: a block is at most 64 KiB, the rest follows in the next");
	follow_free(fw);

	/* nanoseconds */
	fw = follow_new(o, FOLLOW_ASCII, 1);
	follow_consumer(fw, &c);
	mk4(&s, 7, "10.0.0.1", 1, "10.0.0.2", 2);
	c.open(c.ctx, &s);
	feed(&c, &s, 0, "hi", 2, T(1002456503, 979220123));
	c.close(c.ctx, &s);
	check_str(drain(o), "== 12:08:23.979220123 TCP 10.0.0.1.1 > 10.0.0.2.2: bytes 0:2 (2)\nhi\n",
	          "follow: nanosecond time");
	follow_free(fw);
}

static void test_follow_hex(struct out *o)
{
	struct follow *fw = follow_new(o, FOLLOW_HEX, 0);
	struct stream_consumer c;
	follow_consumer(fw, &c);
	struct stream s;
	mk4(&s, 3, "61.219.90.180", 3711, "192.168.100.45", 21);
	c.open(c.ctx, &s);
	feed(&c, &s, 0, "USER anonymous\r\nPASS x", 22, T(1002456503, 979220));
	c.close(c.ctx, &s);
	check_str(drain(o),
		"== 12:08:23.979220 TCP 61.219.90.180.3711 > 192.168.100.45.21: bytes 0:22 (22)\n"
		"\t0x0000:  5553 4552 2061 6e6f 6e79 6d6f 7573 0d0a  USER.anonymous..\n"
		"\t0x0010:  5041 5353 2078                           PASS.x\n",
		"follow -X: hex and ASCII, offsets from the block start");
	follow_free(fw);
}

static void test_follow_json(struct out *o)
{
	struct follow *fw = follow_new(o, FOLLOW_JSON, 0);
	struct stream_consumer c;
	follow_consumer(fw, &c);
	struct stream s;
	mk4(&s, 3, "61.219.90.180", 3711, "192.168.100.45", 21);
	c.open(c.ctx, &s);
	feed(&c, &s, 0, "USER anonymous\r\n", 16, T(1002456503, 979220));
	gap(&c, &s, 0, 1460, T(1002456504, 10000));
	feed(&c, &s, 1, "\"\\\x01\xff", 4, T(1002456504, 20000));
	c.close(c.ctx, &s);
	check_str(drain(o),
		"{\"timestamp\":\"2001-10-07T12:08:23.979220+0000\",\"event_type\":\"stream\",\"stream_id\":3,"
		"\"src_ip\":\"61.219.90.180\",\"src_port\":3711,\"dest_ip\":\"192.168.100.45\",\"dest_port\":21,"
		"\"proto\":\"TCP\",\"stream\":{\"direction\":\"to_server\",\"offset\":0,\"length\":16,"
		"\"payload\":\"VVNFUiBhbm9ueW1vdXMNCg==\",\"payload_printable\":\"USER anonymous\\r\\n\"}}\n"
		"{\"timestamp\":\"2001-10-07T12:08:24.010000+0000\",\"event_type\":\"stream\",\"stream_id\":3,"
		"\"src_ip\":\"61.219.90.180\",\"src_port\":3711,\"dest_ip\":\"192.168.100.45\",\"dest_port\":21,"
		"\"proto\":\"TCP\",\"stream\":{\"direction\":\"to_server\",\"offset\":16,\"length\":1460,\"gap\":true}}\n"
		"{\"timestamp\":\"2001-10-07T12:08:24.020000+0000\",\"event_type\":\"stream\",\"stream_id\":3,"
		"\"src_ip\":\"192.168.100.45\",\"src_port\":21,\"dest_ip\":\"61.219.90.180\",\"dest_port\":3711,"
		"\"proto\":\"TCP\",\"stream\":{\"direction\":\"to_client\",\"offset\":0,\"length\":4,"
		"\"payload\":\"IlwB/w==\",\"payload_printable\":\"\\\"\\\\..\"}}\n",
		"follow --json: blocks and gaps as EVE-style objects");
	/* base64 of every length modulo 3 */
	mk4(&s, 8, "10.0.0.1", 1, "10.0.0.2", 2);
	c.open(c.ctx, &s);
	feed(&c, &s, 0, "ab", 2, T(1002456503, 0));
	feed(&c, &s, 1, "abc", 3, T(1002456503, 0));
	feed(&c, &s, 0, "a", 1, T(1002456503, 0));
	c.close(c.ctx, &s);
	const char *got = drain(o);
	check(strstr(got, "\"payload\":\"YWI=\"") && strstr(got, "\"payload\":\"YWJj\"") &&
	      strstr(got, "\"payload\":\"YQ==\""), "follow --json: base64 padding");
	follow_free(fw);
}

/* ---- --extract ---- */

static char tmpdir[256];

static void test_extract_basic(void)
{
	char dir[300], err[512];
	snprintf(dir, sizeof dir, "%s/x1", tmpdir);
	struct extract *x = extract_new(dir, 0, err, sizeof err);
	check(x != NULL, "extract: a missing DIR is created");
	if (!x) {
		fprintf(stderr, "  %s\n", err);
		return;
	}
	struct stream_consumer c;
	extract_consumer(x, &c);
	struct stream a, v, u, r, s6;
	mk4(&a, 0, "192.168.100.45", 21, "61.219.90.180", 3711);
	a.side[0].syn = a.side[1].syn = 1;
	c.open(c.ctx, &a);
	mk4(&v, 1, "10.0.14.4", 179, "10.0.14.1", 63656);
	v.has_vlan = 1;
	v.vlan = 49166;
	v.midstream = 1;
	c.open(c.ctx, &v);
	mk6(&u, 2, 17, 5353, 53);
	c.open(c.ctx, &u);
	mk4(&r, 3, "10.0.0.1", 40000, "10.0.0.2", 80);
	r.has_vlan = 1;
	r.vlan = 7;
	r.reuse = 2;
	c.open(c.ctx, &r);
	mk6(&s6, 4, 6, 1234, 80);
	c.open(c.ctx, &s6);

	feed(&c, &a, 0, "USER anonymous\r\n", 16, T(1002456503, 979220));
	feed(&c, &a, 1, "331 ok\r\n", 8, T(1002456504, 0));
	gap(&c, &a, 0, 100, T(1002456504, 5));
	feed(&c, &a, 0, "PASS x\r\n", 8, T(1002456505, 250000));
	feed(&c, &u, 0, "udp", 3, T(1002456505, 0));
	feed(&c, &v, 1, "bgp", 3, T(1002456506, 0));
	feed(&c, &r, 0, "r", 1, T(1002456506, 0));
	feed(&c, &s6, 0, "six", 3, T(1002456506, 0));
	/* closes in another order than the opens */
	s6.closed = STREAM_RST;
	s6.side[1].rst = 1;
	c.close(c.ctx, &s6);
	u.closed = STREAM_END;
	c.close(c.ctx, &u);
	v.closed = STREAM_EVICTED;
	c.close(c.ctx, &v);
	a.closed = STREAM_FIN;
	a.side[0].fin = 1;
	c.close(c.ctx, &a);
	r.closed = STREAM_END;
	c.close(c.ctx, &r);

	struct stream_stats st;
	memset(&st, 0, sizeof st);
	st.tcp_streams = 4;
	st.udp_streams = 1;
	st.frag_overlaps = 77;
	int rc = extract_finish(x, &st, err, sizeof err);
	check(rc == 0, "extract: finish succeeds");
	if (rc)
		fprintf(stderr, "  %s\n", err);
	extract_free(x);

	check(file_is(dir, "192.168.100.045.00021-061.219.090.180.03711",
	              "USER anonymous\r\nPASS x\r\n", 24), "extract: IPv4 name, bytes in order, gap left out");
	check(file_is(dir, "061.219.090.180.03711-192.168.100.045.00021", "331 ok\r\n", 8),
	      "extract: the other direction");
	check(file_is(dir, "010.000.014.001.63656-010.000.014.004.00179--49166", "bgp", 3),
	      "extract: --VLAN suffix; a direction without bytes has no file");
	check(file_is(dir, "010.000.000.001.40000-010.000.000.002.00080--7c2", "r", 1),
	      "extract: VLAN then cN");
	check(file_is(dir, "2001:db8::1.01234-2001:db8::2.00080", "six", 3), "extract: IPv6 name");
	check(count_files(dir) == 6, "extract: no file for UDP or empty directions");

	char path[512];
	struct stat sb;
	snprintf(path, sizeof path, "%s/192.168.100.045.00021-061.219.090.180.03711", dir);
	check(stat(path, &sb) == 0 && sb.st_mtim.tv_sec == 1002456505 &&
	      sb.st_mtim.tv_nsec == 250000000, "extract: mtime is the last packet's time");

	snprintf(path, sizeof path, "%s/streams.json", dir);
	char *j = slurp(path, NULL);
	check(j != NULL, "extract: streams.json written");
	if (!j)
		return;
	char hex[65];
	sha_hex("USER anonymous\r\nPASS x\r\n", 24, hex);
	char want[1024];
	snprintf(want, sizeof want,
	         "{\"file\":\"192.168.100.045.00021-061.219.090.180.03711\",\"stream_id\":0,"
	         "\"direction\":\"to_server\",\"proto\":\"TCP\",\"src_ip\":\"192.168.100.45\",\"src_port\":21,"
	         "\"dest_ip\":\"61.219.90.180\",\"dest_port\":3711,\"first\":\"2001-10-07T12:08:23.979220+0000\","
	         "\"last\":\"2001-10-07T12:08:25.250000+0000\",\"bytes\":24,\"gaps\":1,\"gap_bytes\":100,"
	         "\"sha256\":\"%s\",\"syn\":true,\"fin\":true,\"rst\":false,\"midstream\":false,\"closed\":\"fin\"}",
	         hex);
	check(strstr(j, want) != NULL, "extract: streams.json entry (times, counts, sha256, flags)");
	if (!strstr(j, want))
		fprintf(stderr, "--- want:\n%s\n--- in:\n%s\n", want, j);
	const char *p0 = strstr(j, "\"stream_id\":0,\"direction\":\"to_server\"");
	const char *p1 = strstr(j, "\"stream_id\":0,\"direction\":\"to_client\"");
	const char *p2 = strstr(j, "\"stream_id\":1,");
	const char *p3 = strstr(j, "\"stream_id\":3,");
	const char *p4 = strstr(j, "\"stream_id\":4,");
	check(p0 && p1 && p2 && p3 && p4 && p0 < p1 && p1 < p2 && p2 < p3 && p3 < p4 &&
	      !strstr(j, "\"stream_id\":2,"), "extract: entries in open order, UDP left out");
	check(strstr(j, "\"vlan\":49166,") && strstr(j, "\"midstream\":true,\"closed\":\"evicted\"") &&
	      strstr(j, "\"rst\":false,\"midstream\":false,\"closed\":\"rst\"") &&
	      strstr(j, "2001:db8::1.01234-2001:db8::2.00080\",\"stream_id\":4,\"direction\":\"to_server\","
	                "\"proto\":\"TCP\",\"src_ip\":\"2001:db8::1\""),
	      "extract: vlan, midstream, closed reasons, IPv6 addresses");
	check(strstr(j, "\"stats\":{\"tcp_streams\":4,\"udp_streams\":1,\"bytes\":0,") &&
	      strstr(j, "\"frag_overlaps\":77}}\n"), "extract: stats");
	if (system("command -v jq >/dev/null 2>&1") == 0) {
		char cmd[600];
		snprintf(cmd, sizeof cmd, "jq -e '.streams|length == 5' %s >/dev/null", path);
		check(system(cmd) == 0, "extract: streams.json is valid JSON (jq)");
	}
	free(j);
}

static void test_extract_dirs(void)
{
	char dir[300], err[512], path[400];
	snprintf(dir, sizeof dir, "%s/x2", tmpdir);
	mkdir(dir, 0755);
	snprintf(path, sizeof path, "%s/old", dir);
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd >= 0)
		close(fd);
	struct extract *x = extract_new(dir, 0, err, sizeof err);
	char want[600];
	snprintf(want, sizeof want,
	         "--extract: %s: directory is not empty (trawl does not overwrite an earlier extraction)", dir);
	check(!x && !strcmp(err, want), "extract: a non-empty DIR is refused");
	extract_free(x);

	x = extract_new(path, 0, err, sizeof err);
	snprintf(want, sizeof want, "--extract: %s: Not a directory", path);
	check(!x && !strcmp(err, want), "extract: a file as DIR is refused");
	extract_free(x);

	snprintf(path, sizeof path, "%s/none/deeper", tmpdir);
	x = extract_new(path, 0, err, sizeof err);
	snprintf(want, sizeof want, "--extract: %s: No such file or directory", path);
	check(!x && !strcmp(err, want), "extract: only one level is created");
	extract_free(x);

	if (geteuid() != 0) {
		snprintf(path, sizeof path, "%s/ro", tmpdir);
		mkdir(path, 0555);
		x = extract_new(path, 0, err, sizeof err);
		snprintf(want, sizeof want, "--extract: %s: Permission denied", path);
		check(!x && !strcmp(err, want), "extract: an unwritable DIR is refused");
		extract_free(x);
	}

	/* an existing empty DIR is fine */
	snprintf(path, sizeof path, "%s/x3", tmpdir);
	mkdir(path, 0700);
	x = extract_new(path, 0, err, sizeof err);
	check(x != NULL, "extract: an empty DIR is used");
	if (x) {
		check(extract_finish(x, NULL, err, sizeof err) == 0, "extract: no streams");
		extract_free(x);
		snprintf(want, sizeof want, "%s/streams.json", path);
		char *j = slurp(want, NULL);
		check(j && !strncmp(j, "{\"streams\":[\n],\n\"stats\":{\"tcp_streams\":0,", 41),
		      "extract: streams.json with no streams");
		free(j);
	}
}

/* Many streams at once, each writing more than a buffer: files are closed
 * and reopened, never more than the bound open; contents stay right. */
static void test_extract_many(unsigned nstreams, size_t chunk, unsigned rounds, const char *sub,
                              const char *what)
{
	char dir[300], err[512];
	snprintf(dir, sizeof dir, "%s/%s", tmpdir, sub);
	struct extract *x = extract_new(dir, 0, err, sizeof err);
	if (!x) {
		check(0, err);
		return;
	}
	struct stream_consumer c;
	extract_consumer(x, &c);
	struct stream *s = calloc(nstreams, sizeof *s);
	uint8_t *buf = malloc(chunk);
	unsigned fd0 = open_fds(), maxfd = 0;
	for (unsigned i = 0; i < nstreams; i++) {
		char a[32];
		snprintf(a, sizeof a, "10.1.%u.%u", i / 250, i % 250 + 1);
		mk4(&s[i], i, a, 1024 + i, "10.9.9.9", 80);
		c.open(c.ctx, &s[i]);
	}
	for (unsigned k = 0; k < rounds; k++) {
		for (unsigned i = 0; i < nstreams; i++) {
			memset(buf, 'A' + (int)((i + k) % 26), chunk);
			feed(&c, &s[i], 0, buf, chunk, T(1002456503 + k, i));
		}
		unsigned n = open_fds() - fd0;
		if (n > maxfd)
			maxfd = n;
	}
	for (unsigned i = 0; i < nstreams; i++) {
		s[i].closed = STREAM_END;
		c.close(c.ctx, &s[i]);
	}
	int rc = extract_finish(x, NULL, err, sizeof err);
	extract_free(x);
	int ok = rc == 0 && maxfd <= 128 && count_files(dir) == nstreams + 1;
	uint8_t *want = malloc(chunk * rounds);
	for (unsigned i = 0; ok && i < nstreams; i++) {
		for (unsigned k = 0; k < rounds; k++)
			memset(want + k * chunk, 'A' + (int)((i + k) % 26), chunk);
		char name[128];
		snprintf(name, sizeof name, "010.001.%03u.%03u.%05u-010.009.009.009.00080", i / 250,
		         i % 250 + 1, 1024 + i);
		ok = file_is(dir, name, want, chunk * rounds);
	}
	if (!ok)
		fprintf(stderr, "  rc %d, at most %u files open, %u files\n", rc, maxfd, count_files(dir));
	check(ok, what);
	free(want);
	free(buf);
	free(s);
}

/* The same name twice (the flow table evicted a stream, its 4-tuple came
 * back): the second stream's bytes are appended and the entry says where. */
static void test_extract_again(void)
{
	char dir[300], err[512];
	snprintf(dir, sizeof dir, "%s/x6", tmpdir);
	struct extract *x = extract_new(dir, 0, err, sizeof err);
	if (!x) {
		check(0, err);
		return;
	}
	struct stream_consumer c;
	extract_consumer(x, &c);
	struct stream a, b;
	mk4(&a, 0, "10.0.0.1", 1, "10.0.0.2", 2);
	c.open(c.ctx, &a);
	feed(&c, &a, 0, "first,", 6, T(1002456503, 0));
	a.closed = STREAM_EVICTED;
	c.close(c.ctx, &a);
	mk4(&b, 1, "10.0.0.1", 1, "10.0.0.2", 2);
	b.midstream = 1;
	c.open(c.ctx, &b);
	feed(&c, &b, 0, "second", 6, T(1002456504, 0));
	b.closed = STREAM_END;
	c.close(c.ctx, &b);
	int rc = extract_finish(x, NULL, err, sizeof err);
	extract_free(x);
	check(rc == 0 && file_is(dir, "010.000.000.001.00001-010.000.000.002.00002", "first,second", 12),
	      "extract: a name met again is appended to");
	char path[400];
	snprintf(path, sizeof path, "%s/streams.json", dir);
	char *j = slurp(path, NULL);
	check(j && strstr(j, "\"closed\":\"end\",\"file_offset\":6}"), "extract: file_offset of the second");
	free(j);
}

/* A write error (the file size limit, as a full disk would) names the file;
 * the other files stay complete and streams.json is still written. */
static void test_extract_write_error(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		struct rlimit rl = { 100000, 100000 };
		setrlimit(RLIMIT_FSIZE, &rl);
		char dir[300], err[512];
		snprintf(dir, sizeof dir, "%s/x7", tmpdir);
		struct extract *x = extract_new(dir, 0, err, sizeof err);
		if (!x)
			_exit(10);
		struct stream_consumer c;
		extract_consumer(x, &c);
		struct stream a, b;
		mk4(&a, 0, "10.0.0.1", 1, "10.0.0.2", 2);
		mk4(&b, 1, "10.0.0.1", 3, "10.0.0.2", 4);
		c.open(c.ctx, &a);
		c.open(c.ctx, &b);
		static uint8_t big[50000];
		memset(big, 'z', sizeof big);
		for (int i = 0; i < 4; i++) {
			feed(&c, &a, 0, big, sizeof big, T(1002456503, 0));
			feed(&c, &b, 0, "ok", 2, T(1002456503, 0));
		}
		a.closed = b.closed = STREAM_END;
		c.close(c.ctx, &a);
		c.close(c.ctx, &b);
		int rc = extract_finish(x, NULL, err, sizeof err);
		extract_free(x);
		char want[600];
		snprintf(want, sizeof want,
		         "--extract: %s/010.000.000.001.00001-010.000.000.002.00002: File too large", dir);
		if (rc != -1)
			_exit(11);
		if (strcmp(err, want)) {
			fprintf(stderr, "  got \"%s\"\n", err);
			_exit(12);
		}
		if (!file_is(dir, "010.000.000.001.00003-010.000.000.002.00004", "okokokok", 8))
			_exit(13);
		char path[400];
		snprintf(path, sizeof path, "%s/streams.json", dir);
		char *j = slurp(path, NULL);
		if (!j || !strstr(j, "\"write_error\":\"File too large\"}"))
			_exit(14);
		free(j);
		_exit(0);
	}
	int st = 0;
	waitpid(pid, &st, 0);
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "extract: a write error names the file, others complete");
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		fprintf(stderr, "  child status %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

int main(void)
{
	setenv("TZ", "GMT0", 1);
	tzset();
	snprintf(tmpdir, sizeof tmpdir, "/tmp/consumers-test.XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	char cap[300];
	snprintf(cap, sizeof cap, "%s/out", tmpdir);
	cap_fd = open(cap, O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct out o;
	if (cap_fd < 0 || out_init(&o, cap_fd) < 0) {
		perror(cap);
		return 1;
	}
	test_follow_ascii(&o);
	test_follow_hex(&o);
	test_follow_json(&o);
	out_free(&o);
	close(cap_fd);
	unlink(cap);

	test_extract_basic();
	test_extract_dirs();
	test_extract_many(300, 40000, 3, "x4", "extract: 300 streams, files closed and reopened");
	test_extract_many(2100, 10, 2, "x5", "extract: past the buffer memory bound, written through");
	test_extract_again();
	test_extract_write_error();

	if (!failed) {
		static const char *subs[] = { "x1", "x2", "x3", "x4", "x5", "x6", "x7", "ro", NULL };
		char p[400];
		for (int i = 0; subs[i]; i++) {
			snprintf(p, sizeof p, "%s/%s", tmpdir, subs[i]);
			rm_tree(p);
		}
		rmdir(tmpdir);
	} else {
		fprintf(stderr, "(files kept in %s)\n", tmpdir);
	}
	printf("consumers: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
