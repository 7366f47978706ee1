/* session.h - --sessions: application transactions on the reassembled
 * streams (FTP commands and replies, IRC commands, SMTP envelopes, the
 * lines typed into telnet), one event per transaction.
 *
 * A consumer of the stream layer (src/stream/stream.h).  The protocol of a
 * connection is found from its first bytes (an FTP or SMTP greeting, an
 * IRC registration, telnet option negotiation), the ports only breaking
 * ties, so that IRC on 31337 or FTP on 2121 is still recognized.  Each
 * protocol is one file and one row of the table in session.c.
 *
 * Output: one line per event, or with --json one EVE-shaped JSON object
 * per line (timestamp, flow_id, community_id, event_type, src_ip,
 * src_port, dest_ip, dest_port, proto, app_proto and the protocol's own
 * object), the client always the source. */
#ifndef TRAWL_SESSION_H
#define TRAWL_SESSION_H

#include "../core/out.h"
#include "../stream/stream.h"

struct sessions;

/* o NULL: no events (--extract alone, for the files); extract_dir: write
 * the transferred files and DIR/files.json there (NULL: not). */
struct sessions *sessions_new(struct out *o, int json, int nano, const char *extract_dir,
                              char *err, size_t errlen);
void sessions_consumer(struct sessions *ss, struct stream_consumer *c);
/* The slot streams_add_consumer() gave (its per-stream state lives in
 * stream.user[slot]). */
void sessions_set_slot(struct sessions *ss, int slot);
/* The files' SHA-256 on a second thread, the output the same bytes in the
 * same order (src/session/hashpipe.h): for events alone (no --extract, no
 * inspector), when nothing else writes to the output until
 * sessions_finish().  1 when it runs. */
int sessions_threaded(struct sessions *ss);
/* With the hashing thread: what the file reader gives its mappings to, so
 * that the thread hashes their bytes in place (NULL: none). */
struct mapread_keep;
const struct mapread_keep *sessions_keep(const struct sessions *ss);
/* After streams_finish(): the counters on stderr, files.json completed. */
int sessions_finish(struct sessions *ss, char *err, size_t errlen);
void sessions_free(struct sessions *ss);

/* ---- inspection buffers, for the rules (src/rules) ----------------------
 * The parsers hand each transaction's fields to an inspector as they
 * become known: an HTTP request's line and headers, its body, the
 * response's line and headers, its body (decoded, the first
 * SESS_BODY_INSPECT_MAX bytes); a DNS query; a TLS ClientHello's SNI, the
 * version the server chose and its certificate's names.  Buffers are the
 * bytes as Suricata's sticky buffers of the same name define them:
 *   - values of a named header are trimmed, and a header sent more than
 *     once gives its values joined by ", " (as libhtp joins them);
 *   - http.uri: %XX decoded in the path and the query ('+' stays); a path
 *     that starts with '/' has its "." and ".." segments resolved (RFC
 *     3986 5.2.4) and runs of '/' made one; no fragment; of an absolute
 *     URI only its path and query (its host is http.host's);
 *   - http.host: from the absolute URI when there is one, else the Host
 *     header; lower case, without the port and trailing dots;
 *   - http.header: "Name: value\r\n" per header name, in the order of its
 *     first appearance, no extra CRLF at the end; Cookie (request) and
 *     Set-Cookie (response) left out; http.start: the start line, CRLF,
 *     the same lines with the cookies, and an empty line;
 *   - http.header.raw: the header lines as sent, ends of line as sent,
 *     the empty line that ends them included;
 *   - http.header_names: "\r\nName1\r\nName2\r\n\r\n", every name as sent;
 *   - request_body and file.data: decoded as the files are (chunks
 *     joined, gzip/deflate inflated), cut at SESS_BODY_INSPECT_MAX; bytes
 *     after a gap are not added.
 * Header copies are bounded (8 KiB of header lines, 32 KiB of buffers a
 * message), all that is held for inspection by SESS_BODY_INSPECT_TOTAL;
 * what is cut for them is counted and reported at the end. */
enum sess_buf {
	/* HTTP request */
	SB_HTTP_METHOD,         /* http.method */
	SB_HTTP_URI,            /* http.uri: normalized (%-decoded, path cleaned) */
	SB_HTTP_URI_RAW,        /* http.uri.raw: as sent */
	SB_HTTP_PROTOCOL,       /* http.protocol: "HTTP/1.1" */
	SB_HTTP_REQUEST_LINE,   /* http.request_line */
	SB_HTTP_HOST,           /* http.host: lower-cased, port removed */
	SB_HTTP_HOST_RAW,       /* http.host.raw */
	SB_HTTP_USER_AGENT,     /* http.user_agent */
	SB_HTTP_HEADER,         /* http.header (request): "Name: value\r\n" each, cookie left out */
	SB_HTTP_HEADER_RAW,     /* http.header.raw (request) */
	SB_HTTP_HEADER_NAMES,   /* http.header_names (request) */
	SB_HTTP_COOKIE,         /* http.cookie (request's Cookie) */
	SB_HTTP_REFERER,        /* http.referer */
	SB_HTTP_CONTENT_TYPE,   /* http.content_type (request) */
	SB_HTTP_CONTENT_LEN,    /* http.content_len (request) */
	SB_HTTP_ACCEPT,         /* http.accept */
	SB_HTTP_ACCEPT_LANG,    /* http.accept_lang */
	SB_HTTP_ACCEPT_ENC,     /* http.accept_enc */
	SB_HTTP_CONNECTION,     /* http.connection */
	SB_HTTP_START,          /* http.start (request line + headers) */
	SB_HTTP_REQUEST_BODY,   /* http.request_body / http_client_body */
	/* HTTP response */
	SB_HTTP_STAT_CODE,      /* http.stat_code */
	SB_HTTP_STAT_MSG,       /* http.stat_msg */
	SB_HTTP_RESPONSE_LINE,  /* http.response_line */
	SB_HTTP_RESP_HEADER,    /* http.header on a to_client rule */
	SB_HTTP_RESP_HEADER_RAW,/* http.header.raw on a to_client rule */
	SB_HTTP_RESP_COOKIE,    /* http.cookie on a to_client rule (Set-Cookie) */
	SB_HTTP_RESP_CONTENT_TYPE, /* http.content_type on a to_client rule */
	SB_HTTP_RESP_CONTENT_LEN,  /* http.content_len on a to_client rule */
	SB_HTTP_SERVER,         /* http.server */
	SB_HTTP_LOCATION,       /* http.location */
	SB_HTTP_RESP_START,     /* http.start on a to_client rule */
	SB_FILE_DATA,           /* file.data: the response body, decoded */
	/* DNS */
	SB_DNS_QUERY,           /* dns.query: a query's first question name, as rrname (no final dot) */
	/* TLS */
	SB_TLS_SNI,             /* tls.sni */
	SB_TLS_CERT_SUBJECT,    /* tls.cert_subject ("C=US, O=..., CN=...") */
	SB_TLS_CERT_ISSUER,     /* tls.cert_issuer */
	SB_TLS_CERT_SERIAL,     /* tls.cert_serial ("0A:1B:...") */
	SB_TLS_CERT_FINGERPRINT,/* tls.cert_fingerprint (sha1, "aa:bb:...") */
	SB_TLS_VERSION_STR,     /* not a sticky buffer: "1.2" etc. ("3.0" SSLv3), for tls.version */
	/* added after the first cut of this list */
	SB_HTTP_RESP_PROTOCOL,  /* http.protocol on a to_client rule: "HTTP/1.1" */
	SB_HTTP_RESP_HEADER_NAMES, /* http.header_names on a to_client rule */
	SB_TLS_JA3_HASH,        /* ja3.hash: MD5 of the ClientHello's JA3 string, lower-case hex */
	SB_TLS_JA3_STRING,      /* ja3.string: "771,4865-4866,0-23-65281,29-23,0" */
	SB_TLS_JA3S_HASH,       /* ja3s.hash: MD5 of the ServerHello's JA3S string */
	SB_TLS_JA3S_STRING,     /* ja3s.string: "771,4865,43-51" */
	SB_MAX
};
#define SESS_BODY_INSPECT_MAX (64u << 10) /* body bytes given for file.data and request_body */
#define SESS_BODY_INSPECT_TOTAL ((size_t)64 << 20) /* all bodies held for it at once */

struct sess_bufs {
	uint64_t tx_id;          /* the transaction's number in its connection */
	uint64_t have;           /* bit b set: p[b], n[b] are this transaction's buffer b */
	uint64_t fresh;          /* of have: the buffers new since the last call for it */
	const uint8_t *p[SB_MAX];
	uint32_t n[SB_MAX];
};
/* Called when a transaction has new buffers; dir is the direction whose
 * bytes completed them (0 client to server); everything is valid only
 * during the call.  tx_id: HTTP, the transaction's number as the http
 * events number them (from 0); DNS, the message's ID; TLS, 0.  HTTP calls
 * (request's headers, request body, response's headers, response body)
 * carry in have the request's buffers until the response is done. */
typedef void (*sess_inspect_fn)(void *ctx, struct stream *s, int dir, const struct sess_bufs *b,
                                const struct stream_ts *ts);
/* Without it nothing is kept or computed for inspection. */
void sessions_set_inspect(struct sessions *ss, sess_inspect_fn fn, void *ctx);
/* The application protocol found on s ("http", "ftp", ...), NULL while
 * unknown or when none. */
const char *sessions_app(const struct sessions *ss, const struct stream *s);

#endif
