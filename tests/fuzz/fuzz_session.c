/* fuzz_session.c - libFuzzer harness for the session layer's parsers
 * (src/session/: HTTP, FTP and its data connections, SMTP and MIME, IRC,
 * TLS, DNS, telnet, and the files they carry), fed bytes directly, without
 * packets, so that the fuzzer spends its time in the parsers.
 *
 * Input layout: byte 0: bit 0 JSON or text events, bit 1 also through the
 * files.json writer's path (events off: as --extract alone runs them);
 * then four connection headers of 3 bytes: [app][port_hi][port_lo], where
 * app's low 4 bits pick the protocol (0 to NAPPS-1 forced as if detected,
 * anything else left to detection by content) and bit 4 makes it UDP;
 * then records [op][len_hi][len_lo][len bytes]: op bits 0-1 the
 * connection, bit 2 the direction (server to client), bit 3 a gap of len
 * bytes instead of data (no bytes follow), bit 4 the connection ends
 * after the record (reset when bit 5 is set too); a later record on it
 * opens a new one.  Connection k is 10.0.0.1:(40000+k) > 10.0.0.2:port_k,
 * so that an FTP control connection's PASV or PORT can announce another
 * (the fuzzer finds the port from the comparison). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "../../src/core/out.h"
#include "../../src/session/internal.h"
#include "../../src/session/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct app *const forced[] = {
	&app_http, &app_ftp, &app_ftp_data, &app_smtp, &app_irc, &app_tls, &app_dns, &app_telnet,
};
#define NAPPS (sizeof forced / sizeof forced[0])
#define NCONN 4

struct conn {
	struct stream *s;
	uint64_t off[2];
	unsigned uses;
};

static struct stream *conn_open(struct stream_consumer *c, unsigned k, const uint8_t *hdr,
                                unsigned reuse, uint64_t t)
{
	struct stream *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->id = k;
	s->proto = (hdr[0] & 16) ? 17 : 6;
	s->alen = 4;
	s->reuse = reuse;
	memcpy(s->side[0].addr, "\x0a\x00\x00\x01", 4);
	memcpy(s->side[1].addr, "\x0a\x00\x00\x02", 4);
	s->side[0].port = (uint16_t)(40000 + k);
	s->side[1].port = (uint16_t)(hdr[1] << 8 | hdr[2]);
	s->first.sec = t;
	s->last.sec = t;
	c->open(c->ctx, s);
	return s;
}

static void conn_close(struct stream_consumer *c, struct conn *cn, int how)
{
	cn->s->closed = (uint8_t)how;
	c->close(c->ctx, cn->s);
	free(cn->s);
	cn->s = NULL;
	cn->off[0] = cn->off[1] = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 + 3 * NCONN)
		return 0;
	static int null_fd = -1;
	if (null_fd < 0)
		null_fd = open("/dev/null", O_WRONLY);
	struct out out;
	if (out_init(&out, null_fd) < 0)
		return 0;
	char err[256];
	int json = data[0] & 1;
	struct sessions *x = sessions_new((data[0] & 2) ? NULL : &out, json, 0, NULL, err, sizeof err);
	if (!x) {
		out_free(&out);
		return 0;
	}
	struct stream_consumer c;
	sessions_consumer(x, &c);
	sessions_set_slot(x, 0);
	const uint8_t *hdr = data + 1;
	struct conn cn[NCONN];
	memset(cn, 0, sizeof cn);
	uint64_t t = 1000000000u;
	size_t o = 1 + 3 * NCONN;
	unsigned records = 0;
	while (o + 3 <= size && records++ < 4096) {
		unsigned op = data[o];
		size_t len = (size_t)data[o + 1] << 8 | data[o + 2];
		o += 3;
		unsigned k = op & 3, dir = (op >> 2) & 1;
		const uint8_t *h = hdr + 3 * k;
		if (!cn[k].s) {
			cn[k].s = conn_open(&c, k, h, cn[k].uses++, t);
			if (!cn[k].s)
				break;
			if ((h[0] & 15) < NAPPS)
				sess_force(x, cn[k].s, forced[h[0] & 15]);
		}
		struct stream *s = cn[k].s;
		struct stream_ts ts = { t++, (uint32_t)(o % 1000000) };
		s->last = ts;
		if (op & 8) {
			c.gap(c.ctx, s, (int)dir, cn[k].off[dir], len ? len : 1, &ts);
			cn[k].off[dir] += len ? len : 1;
		} else {
			if (len > size - o)
				len = size - o;
			/* a private copy, freed after the call: a pointer kept into
			 * the data is caught */
			uint8_t *p = malloc(len ? len : 1);
			if (!p)
				break;
			memcpy(p, data + o, len);
			if (len)
				c.data(c.ctx, s, (int)dir, cn[k].off[dir], p, len, &ts);
			free(p);
			cn[k].off[dir] += len;
			o += len;
		}
		if (op & 16)
			conn_close(&c, &cn[k], (op & 32) ? STREAM_RST : STREAM_FIN);
	}
	for (unsigned k = 0; k < NCONN; k++)
		if (cn[k].s)
			conn_close(&c, &cn[k], STREAM_END);
	sessions_finish(x, err, sizeof err);
	sessions_free(x);
	out_flush(&out);
	out_free(&out);
	return 0;
}
