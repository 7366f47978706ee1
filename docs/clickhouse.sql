-- docs/clickhouse.sql: trawl's EVE events (docs/events.md) in ClickHouse.
--
-- Written for, and tested with (tests/clickhouse/run.sh), Debian 12's
-- clickhouse-server 18.16; later versions read it too.  Run it on EVERY
-- server of the cluster (18.16's ON CLUSTER needs ZooKeeper; this does not):
--
--     clickhouse-client --multiquery < docs/clickhouse.sql
--
-- Loading: trawl's --json lines go in as they are, every kind mixed, into
-- trawl.eve; materialized views route each event to its table:
--
--     trawl -r x.pcap --conversations --sessions --rules R --json |
--       clickhouse-client --input_format_skip_unknown_fields=1 \
--         --input_format_import_nested_json=1 \
--         -q 'INSERT INTO trawl.eve FORMAT JSONEachRow'
--
-- input_format_import_nested_json (18.16 has it) maps the nested objects
-- ("flow":{"bytes_toserver":..}) onto the dotted columns (`flow.bytes_toserver`)
-- below, so no jq step is needed; input_format_skip_unknown_fields drops
-- what no column holds (dns.answers, ftp.reply, ...; the stats and summary
-- lines become rows of eve that no view takes).  A stream of one kind may
-- also go straight into its table (grep '"event_type":"flow"' | ...
-- INSERT INTO trawl.flow ...), with --insert_sample_with_metadata=1 as well
-- (else 18.16 leaves ts, a DEFAULT column, at 0000-00-00), but then
-- trawl.flow_host is not filled: prefer trawl.eve.
--
-- Insert on each sensor's own shard (its local tables), or into the
-- *_all Distributed tables, which spread events by flow_id so that all
-- the events of one connection (flow, sessions, files, alerts) sit on one
-- shard and join there.
--
-- Choices:
--  * Every table is PARTITION BY day (toYYYYMMDD of the event's time): a
--    question over "the week of the breach" reads 7 partitions of many;
--    weeks of capture are dropped a day at a time (ALTER TABLE ... DROP
--    PARTITION), which is how retention is kept.
--  * ORDER BY puts the column the seed's questions filter on first, then
--    time: flow by server port (who talked to 6666-6669), flow_host by host
--    (what did 172.16.134.191 do; top talkers), session by protocol and
--    client, alert by signature, file by SHA-256 (was this file seen
--    anywhere?).  The primary index skips whole 8192-row granules whose
--    key range misses, so a host's or port's rows are read, not the day's.
--  * A flow has two hosts and one ORDER BY cannot serve both, so
--    trawl.flow_host holds each IP flow twice, once from each end (host,
--    peer, role, what the host sent and received), ordered by host.
--  * Addresses are Strings as trawl writes them (18.16 has no IPv4/IPv6
--    column types); timestamp is kept as written (microseconds; it sorts
--    as time within one UTC offset, as trawl writes it with TZ=UTC0) and
--    ts, a DateTime to the second, is derived from it for partitions and
--    time filters (18.16 has no DateTime64).
--  * Arrays: 18.16 treats dotted Array columns with one prefix as one
--    Nested structure whose arrays must be of one length, so each prefix
--    keeps at most one array (ftp.completion_code, smtp.rcpt_to,
--    email.attachment); dns.answers (objects) is not kept.  Absent fields
--    read as 0 or '' (18.16 has no defaults from omitted JSON fields).

CREATE DATABASE IF NOT EXISTS trawl;

-- The entry point: every field any event kind has a column for. Null engine:
-- nothing is stored here; the views below take what they need.
CREATE TABLE IF NOT EXISTS trawl.eve
(
    timestamp String,
    flow_id UInt64,
    community_id String,
    event_type String,
    src_ip String,
    src_port UInt16,
    dest_ip String,
    dest_port UInt16,
    proto String,
    app_proto String,
    icmp_type UInt8,
    icmp_code UInt8,
    `flow.pkts_toserver` UInt64,
    `flow.pkts_toclient` UInt64,
    `flow.bytes_toserver` UInt64,
    `flow.bytes_toclient` UInt64,
    `flow.start` String,
    `flow.end` String,
    `flow.age` UInt32,
    `flow.state` String,
    `tcp.tcp_flags` String,
    `tcp.tcp_flags_ts` String,
    `tcp.tcp_flags_tc` String,
    `tcp.state` String,
    `trawl.net` String,
    `trawl.state` String,
    `trawl.opened_by` String,
    `trawl.handshake` UInt8,
    `trawl.port_app` String,
    `alert.action` String,
    `alert.gid` UInt32,
    `alert.signature_id` UInt32,
    `alert.rev` UInt32,
    `alert.signature` String,
    `alert.category` String,
    `alert.severity` UInt8,
    `fileinfo.filename` String,
    `fileinfo.size` UInt64,
    `fileinfo.gaps` UInt8,
    `fileinfo.state` String,
    `fileinfo.sha256` String,
    `fileinfo.md5` String,
    `fileinfo.stored` UInt8,
    `fileinfo.file_id` UInt64,
    `fileinfo.tx_id` UInt64,
    `fileinfo.direction` String,
    `http.http_method` String,
    `http.hostname` String,
    `http.url` String,
    `http.http_user_agent` String,
    `http.http_refer` String,
    `http.protocol` String,
    `http.status` UInt16,
    `http.http_content_type` String,
    `http.redirect` String,
    `http.length` UInt64,
    `http.sha256` String,
    `http.request_body_length` UInt64,
    `http.request_body_sha256` String,
    `http.tx_id` UInt64,
    `http.parse_error` String,
    `dns.type` String,
    `dns.id` UInt16,
    `dns.flags` String,
    `dns.rcode` String,
    `dns.rrname` String,
    `dns.rrtype` String,
    `dns.malformed` UInt8,
    `tls.version` String,
    `tls.sni` String,
    `tls.subject` String,
    `tls.issuerdn` String,
    `tls.serial` String,
    `tls.fingerprint` String,
    `tls.notbefore` String,
    `tls.notafter` String,
    `tls.cipher_suite` UInt16,
    `irc.direction` String,
    `irc.prefix` String,
    `irc.command` String,
    `irc.params` String,
    `irc.text` String,
    `ftp.command` String,
    `ftp.command_data` String,
    `ftp.completion_code` Array(UInt16),
    `ftp.reply_received` UInt8,
    `ftp.dynamic_port` UInt16,
    `ftp.mode` String,
    `ftp_data.command` String,
    `ftp_data.filename` String,
    `ftp_data.user` String,
    `ftp_data.control_flow_id` UInt64,
    `ftp_data.mode` String,
    `ftp_data.size` UInt64,
    `ftp_data.sha256` String,
    `ftp_data.state` String,
    `smtp.helo` String,
    `smtp.mail_from` String,
    `smtp.rcpt_to` Array(String),
    `email.status` String,
    `email.from` String,
    `email.subject` String,
    `email.date` String,
    `email.message_id` String,
    `email.x_mailer` String,
    `email.attachment` Array(String),
    `email.body_bytes` UInt64
) ENGINE = Null;

-- flow events (--conversations --json): one row per conversation.
-- Ordered by server port first: "who used port 6667" reads that port's rows.
CREATE TABLE IF NOT EXISTS trawl.flow
(
    timestamp String,
    ts DateTime DEFAULT parseDateTimeBestEffort(timestamp),
    flow_id UInt64,
    community_id String,
    src_ip String,
    src_port UInt16,
    dest_ip String,
    dest_port UInt16,
    proto String,
    icmp_type UInt8,
    icmp_code UInt8,
    `flow.pkts_toserver` UInt64,
    `flow.pkts_toclient` UInt64,
    `flow.bytes_toserver` UInt64,
    `flow.bytes_toclient` UInt64,
    `flow.start` String,
    `flow.end` String,
    `flow.age` UInt32,
    `flow.state` String,
    `tcp.tcp_flags` String,
    `tcp.tcp_flags_ts` String,
    `tcp.tcp_flags_tc` String,
    `trawl.net` String,
    `trawl.state` String,
    `trawl.opened_by` String,
    `trawl.handshake` UInt8,
    `trawl.port_app` String
) ENGINE = MergeTree
PARTITION BY toYYYYMMDD(ts)
ORDER BY (proto, dest_port, dest_ip, ts);

CREATE MATERIALIZED VIEW IF NOT EXISTS trawl.flow_mv TO trawl.flow AS
SELECT timestamp, parseDateTimeBestEffort(timestamp) AS ts, flow_id, community_id, src_ip, src_port, dest_ip, dest_port,
       proto, icmp_type, icmp_code,
       `flow.pkts_toserver`, `flow.pkts_toclient`, `flow.bytes_toserver`,
       `flow.bytes_toclient`, `flow.start`, `flow.end`, `flow.age`, `flow.state`,
       `tcp.tcp_flags`, `tcp.tcp_flags_ts`, `tcp.tcp_flags_tc`,
       `trawl.net`, `trawl.state`, `trawl.opened_by`, `trawl.handshake`, `trawl.port_app`
FROM trawl.eve WHERE event_type = 'flow';

-- Each IP flow from both ends: role 'client' (the flow's src) and 'server'.
-- port is the server's port either way.  Ordered by host: everything one
-- host did, and per-host sums (top talkers), read one host's rows.
CREATE TABLE IF NOT EXISTS trawl.flow_host
(
    timestamp String,
    ts DateTime DEFAULT parseDateTimeBestEffort(timestamp),
    flow_id UInt64,
    host String,
    peer String,
    role String,
    proto String,
    port UInt16,
    pkts_sent UInt64,
    bytes_sent UInt64,
    pkts_rcvd UInt64,
    bytes_rcvd UInt64,
    state String
) ENGINE = MergeTree
PARTITION BY toYYYYMMDD(ts)
ORDER BY (host, proto, port, ts);

CREATE MATERIALIZED VIEW IF NOT EXISTS trawl.flow_host_mv TO trawl.flow_host AS
SELECT timestamp, parseDateTimeBestEffort(timestamp) AS ts, flow_id,
       if(side = 1, src_ip, dest_ip) AS host,
       if(side = 1, dest_ip, src_ip) AS peer,
       if(side = 1, 'client', 'server') AS role,
       proto, dest_port AS port,
       if(side = 1, `flow.pkts_toserver`, `flow.pkts_toclient`) AS pkts_sent,
       if(side = 1, `flow.bytes_toserver`, `flow.bytes_toclient`) AS bytes_sent,
       if(side = 1, `flow.pkts_toclient`, `flow.pkts_toserver`) AS pkts_rcvd,
       if(side = 1, `flow.bytes_toclient`, `flow.bytes_toserver`) AS bytes_rcvd,
       `trawl.state` AS state
FROM trawl.eve ARRAY JOIN [1, 2] AS side
WHERE event_type = 'flow' AND src_ip != '';

-- Session events (--sessions --json): http, dns, tls, irc, ftp, ftp_data,
-- smtp, telnet; one table, the protocols' fields side by side (columnar:
-- an empty column costs next to nothing on disk).  Ordered by protocol and
-- client: "the IRC traffic of 172.16.134.191" is one key range.
CREATE TABLE IF NOT EXISTS trawl.session
(
    timestamp String,
    ts DateTime DEFAULT parseDateTimeBestEffort(timestamp),
    flow_id UInt64,
    community_id String,
    event_type String,
    src_ip String,
    src_port UInt16,
    dest_ip String,
    dest_port UInt16,
    proto String,
    app_proto String,
    `http.http_method` String,
    `http.hostname` String,
    `http.url` String,
    `http.http_user_agent` String,
    `http.http_refer` String,
    `http.protocol` String,
    `http.status` UInt16,
    `http.http_content_type` String,
    `http.redirect` String,
    `http.length` UInt64,
    `http.sha256` String,
    `http.request_body_length` UInt64,
    `http.request_body_sha256` String,
    `http.tx_id` UInt64,
    `http.parse_error` String,
    `dns.type` String,
    `dns.id` UInt16,
    `dns.flags` String,
    `dns.rcode` String,
    `dns.rrname` String,
    `dns.rrtype` String,
    `dns.malformed` UInt8,
    `tls.version` String,
    `tls.sni` String,
    `tls.subject` String,
    `tls.issuerdn` String,
    `tls.serial` String,
    `tls.fingerprint` String,
    `tls.notbefore` String,
    `tls.notafter` String,
    `tls.cipher_suite` UInt16,
    `irc.direction` String,
    `irc.prefix` String,
    `irc.command` String,
    `irc.params` String,
    `irc.text` String,
    `ftp.command` String,
    `ftp.command_data` String,
    `ftp.completion_code` Array(UInt16),
    `ftp.reply_received` UInt8,
    `ftp.dynamic_port` UInt16,
    `ftp.mode` String,
    `ftp_data.command` String,
    `ftp_data.filename` String,
    `ftp_data.user` String,
    `ftp_data.control_flow_id` UInt64,
    `ftp_data.mode` String,
    `ftp_data.size` UInt64,
    `ftp_data.sha256` String,
    `ftp_data.state` String,
    `smtp.helo` String,
    `smtp.mail_from` String,
    `smtp.rcpt_to` Array(String),
    `email.status` String,
    `email.from` String,
    `email.subject` String,
    `email.date` String,
    `email.message_id` String,
    `email.x_mailer` String,
    `email.attachment` Array(String),
    `email.body_bytes` UInt64
) ENGINE = MergeTree
PARTITION BY toYYYYMMDD(ts)
ORDER BY (event_type, src_ip, ts);

CREATE MATERIALIZED VIEW IF NOT EXISTS trawl.session_mv TO trawl.session AS
SELECT timestamp, parseDateTimeBestEffort(timestamp) AS ts, flow_id, community_id, event_type, src_ip, src_port, dest_ip,
       dest_port, proto, app_proto,
       `http.http_method`, `http.hostname`, `http.url`, `http.http_user_agent`,
       `http.http_refer`, `http.protocol`, `http.status`, `http.http_content_type`,
       `http.redirect`, `http.length`, `http.sha256`, `http.request_body_length`,
       `http.request_body_sha256`, `http.tx_id`, `http.parse_error`,
       `dns.type`, `dns.id`, `dns.flags`, `dns.rcode`, `dns.rrname`, `dns.rrtype`,
       `dns.malformed`,
       `tls.version`, `tls.sni`, `tls.subject`, `tls.issuerdn`, `tls.serial`,
       `tls.fingerprint`, `tls.notbefore`, `tls.notafter`, `tls.cipher_suite`,
       `irc.direction`, `irc.prefix`, `irc.command`, `irc.params`, `irc.text`,
       `ftp.command`, `ftp.command_data`, `ftp.completion_code`,
       `ftp.reply_received`, `ftp.dynamic_port`, `ftp.mode`,
       `ftp_data.command`, `ftp_data.filename`, `ftp_data.user`,
       `ftp_data.control_flow_id`, `ftp_data.mode`, `ftp_data.size`,
       `ftp_data.sha256`, `ftp_data.state`,
       `smtp.helo`, `smtp.mail_from`, `smtp.rcpt_to`,
       `email.status`, `email.from`, `email.subject`, `email.date`,
       `email.message_id`, `email.x_mailer`, `email.attachment`, `email.body_bytes`
FROM trawl.eve
WHERE event_type IN ('http', 'dns', 'tls', 'irc', 'ftp', 'ftp_data', 'smtp', 'telnet');

-- fileinfo events: every file a transaction carried.  Ordered by SHA-256:
-- "where else was this file seen" is one key lookup.
CREATE TABLE IF NOT EXISTS trawl.file
(
    timestamp String,
    ts DateTime DEFAULT parseDateTimeBestEffort(timestamp),
    flow_id UInt64,
    community_id String,
    src_ip String,
    src_port UInt16,
    dest_ip String,
    dest_port UInt16,
    proto String,
    app_proto String,
    `fileinfo.filename` String,
    `fileinfo.size` UInt64,
    `fileinfo.gaps` UInt8,
    `fileinfo.state` String,
    `fileinfo.sha256` String,
    `fileinfo.md5` String,
    `fileinfo.stored` UInt8,
    `fileinfo.file_id` UInt64,
    `fileinfo.tx_id` UInt64,
    `fileinfo.direction` String
) ENGINE = MergeTree
PARTITION BY toYYYYMMDD(ts)
ORDER BY (`fileinfo.sha256`, ts);

CREATE MATERIALIZED VIEW IF NOT EXISTS trawl.file_mv TO trawl.file AS
SELECT timestamp, parseDateTimeBestEffort(timestamp) AS ts, flow_id, community_id, src_ip, src_port, dest_ip, dest_port,
       proto, app_proto,
       `fileinfo.filename`, `fileinfo.size`, `fileinfo.gaps`, `fileinfo.state`,
       `fileinfo.sha256`, `fileinfo.md5`, `fileinfo.stored`, `fileinfo.file_id`,
       `fileinfo.tx_id`, `fileinfo.direction`
FROM trawl.eve WHERE event_type = 'fileinfo';

-- alert events (--rules PATH --json).  Ordered by signature: "alerts by
-- signature", and every firing of one sid, read one key range.
CREATE TABLE IF NOT EXISTS trawl.alert
(
    timestamp String,
    ts DateTime DEFAULT parseDateTimeBestEffort(timestamp),
    flow_id UInt64,
    community_id String,
    src_ip String,
    src_port UInt16,
    dest_ip String,
    dest_port UInt16,
    proto String,
    app_proto String,
    `alert.action` String,
    `alert.gid` UInt32,
    `alert.signature_id` UInt32,
    `alert.rev` UInt32,
    `alert.signature` String,
    `alert.category` String,
    `alert.severity` UInt8
) ENGINE = MergeTree
PARTITION BY toYYYYMMDD(ts)
ORDER BY (`alert.signature_id`, src_ip, ts);

CREATE MATERIALIZED VIEW IF NOT EXISTS trawl.alert_mv TO trawl.alert AS
SELECT timestamp, parseDateTimeBestEffort(timestamp) AS ts, flow_id, community_id, src_ip, src_port, dest_ip, dest_port,
       proto, app_proto,
       `alert.action`, `alert.gid`, `alert.signature_id`, `alert.rev`,
       `alert.signature`, `alert.category`, `alert.severity`
FROM trawl.eve WHERE event_type = 'alert';

-- The cluster's view: Distributed tables over the remote_servers cluster
-- named trawl (each shard a sensor's, or a group of sensors', server).
-- Queries go to every shard and merge; inserts here are spread by flow_id.
CREATE TABLE IF NOT EXISTS trawl.eve_all AS trawl.eve
    ENGINE = Distributed(trawl, trawl, eve, flow_id);
CREATE TABLE IF NOT EXISTS trawl.flow_all AS trawl.flow
    ENGINE = Distributed(trawl, trawl, flow, flow_id);
CREATE TABLE IF NOT EXISTS trawl.flow_host_all AS trawl.flow_host
    ENGINE = Distributed(trawl, trawl, flow_host, flow_id);
CREATE TABLE IF NOT EXISTS trawl.session_all AS trawl.session
    ENGINE = Distributed(trawl, trawl, session, flow_id);
CREATE TABLE IF NOT EXISTS trawl.file_all AS trawl.file
    ENGINE = Distributed(trawl, trawl, file, flow_id);
CREATE TABLE IF NOT EXISTS trawl.alert_all AS trawl.alert
    ENGINE = Distributed(trawl, trawl, alert, flow_id);
