#!/usr/bin/env bash
# FTP data connections and SMTP attachments as files: the captures of
# tests/gen/gen_files.py (PASV + RETR behind NAT, EPSV + STOR, PASV + LIST,
# three transfers on one control connection; PORT from port 20, EPRT over
# IPv6; a data connection with a gap, one reset; SMTP with one and two
# attachments, base64 and quoted-printable, nested multipart, bad base64,
# no final boundary, dot-stuffed lines, a connection cut inside DATA;
# hostile: a non-UTF-8 file name, a line past the line buffer, 300 parts,
# 100 KB of headers, multiparts too deep),
# through --sessions (text and --json) and --extract DIR: every file's
# event and its bytes under DIR/files/ are checked against the planted
# ones (hashlib), with the normal and the ASan+UBSan binaries.
#   files.sh [BINARY [SANITIZER_BINARY]]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
san=${2:-$root/trawl-sanitize}
dir=${CAPTURE_DIR:-$root/tests/out}/session-files
rm -rf "$dir"
mkdir -p "$dir"
export TZ=GMT0
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL files $*"; }
has() { grep -qF -- "$2" "$1" && ok || bad "no line with '$2' in $1"; }
command -v jq >/dev/null || { echo "files: jq is needed (apt-get install jq)"; exit 1; }
python3 "$root/tests/gen/gen_files.py" "$dir" || { echo "files: gen_files.py failed"; exit 1; }

caps="ftp ftp-active ftp-broken smtp smtp-hostile"
for b in "$bin" "$san"; do
	[ -x "$b" ] || { bad "no binary at $b"; continue; }
	tag=$(basename "$b")
	for c in $caps; do
		out=$dir/$tag-$c
		"$b" -r "$dir/$c.pcap" --sessions >"$out.txt" 2>"$out.err" || bad "$tag $c: --sessions exited $?"
		"$b" -r "$dir/$c.pcap" --sessions --json >"$out.json" 2>>"$out.err" || bad "$tag $c: --json exited $?"
		mkdir -p "$out.x"
		"$b" -r "$dir/$c.pcap" --extract "$out.x" >/dev/null 2>>"$out.err" || bad "$tag $c: --extract exited $?"
		grep -q "Sanitizer\|runtime error" "$out.err" && bad "$tag $c: $(grep -m1 -E 'ERROR|runtime error' "$out.err")"
		jq -e . "$out.json" >/dev/null 2>&1 && ok || bad "$tag $c: invalid JSON"
		# every planted file: its events and its stored bytes
		if python3 - "$dir/planted.json" "$c.pcap" "$out.json" "$out.x" <<'EOF'
import hashlib, json, os, sys
planted = json.load(open(sys.argv[1]))[sys.argv[2]]
ev = [json.loads(l) for l in open(sys.argv[3])]
xdir = sys.argv[4]
fails = []
def check(cond, what):
    if not cond:
        fails.append(what)
fi = [e for e in ev if e["event_type"] == "fileinfo"]
check(len(fi) == len(planted), "%d fileinfo events, want %d" % (len(fi), len(planted)))
lines = [json.loads(l) for l in open(os.path.join(xdir, "files.json"))]
check(len(lines) == len(planted), "%d files.json lines, want %d" % (len(lines), len(planted)))
check(all(l["event_type"] == "fileinfo" for l in lines), "files.json: not all fileinfo")
for p in planted:
    n, sha = p["name"], p["sha256"]
    f = [e for e in fi if e["fileinfo"]["filename"] == n]
    check(len(f) == 1, "%s: %d fileinfo events" % (n, len(f)))
    if not f:
        continue
    f = f[0]["fileinfo"]
    check(f["sha256"] == sha and f["size"] == p["size"], "%s: sha256/size %s %d" % (n, f["sha256"], f["size"]))
    check(f["state"] == ("CLOSED" if p["complete"] else "TRUNCATED"), "%s: state %s" % (n, f["state"]))
    check(f["gaps"] == p.get("gaps", False), "%s: gaps %s" % (n, f["gaps"]))
    check(f["direction"] == p.get("direction", "to_server"), "%s: direction %s" % (n, f["direction"]))
    l = [l for l in lines if l["fileinfo"]["filename"] == n]
    check(len(l) == 1 and l[0]["fileinfo"]["sha256"] == sha and l[0]["fileinfo"]["stored"],
          "%s: files.json line" % n)
    path = os.path.join(xdir, "files", sha)
    check(os.path.isfile(path) and hashlib.sha256(open(path, "rb").read()).hexdigest() == sha,
          "%s: %s missing or its bytes differ" % (n, path))
    if "command" in p:  # FTP: the ftp_data event, the control's event
        d = [e for e in ev if e["event_type"] == "ftp_data" and e["ftp_data"]["sha256"] == sha]
        check(len(d) == 1, "%s: %d ftp_data events" % (n, len(d)))
        if d:
            d = d[0]["ftp_data"]
            check(d["command"] == p["command"] and d["user"] == p["user"] and d["size"] == p["size"]
                  and d["state"] == f["state"], "%s: ftp_data %s" % (n, d))
            check(d.get("filename") == (None if p["command"] == "LIST" else n), "%s: ftp_data filename" % n)
            ctl = [e for e in ev if e["event_type"] == "ftp" and e["flow_id"] == d["control_flow_id"]
                   and e["ftp"].get("command") == p["command"]
                   and e["ftp"].get("command_data", "") == ("" if p["command"] == "LIST" else n)]
            check(len(ctl) == 1 and ctl[0]["ftp"].get("dynamic_port") == p["port"],
                  "%s: the control event's dynamic_port" % n)
        data = [e for e in ev if e["event_type"] == "ftp_data" and e["ftp_data"]["sha256"] == sha]
        check(all(e["dest_port"] == p["port"] or e["src_port"] == p["port"] for e in data),
              "%s: the data connection's port" % n)
    else:  # SMTP: the message's email object
        m = [e for e in ev if e["event_type"] == "smtp" and e["email"].get("subject") == p["subject"]]
        check(len(m) == 1 and n in m[0]["email"].get("attachment", []), "%s: email event" % n)
        if m and "anomaly" in p:
            check(p["anomaly"] in m[0]["email"].get("anomalies", []), "%s: anomaly %s" % (n, p["anomaly"]))
        if m:
            check(m[0]["email"]["status"] == ("TRUNCATED" if p["subject"] == "cut" else "PARSE_DONE"),
                  "%s: email status" % n)
for w in fails:
    print("   ", w)
sys.exit(1 if fails else 0)
EOF
		then ok; else bad "$tag $c: the planted files (above)"; fi
	done
	t=$dir/$tag
	# text
	has "$t-ftp.txt" 'ftp_data 192.0.2.10.40001 > 198.51.100.21.50000: RETR secret.tar user alice size 4321 sha256 '
	has "$t-ftp.txt" 'ftp 192.0.2.10.40000 > 198.51.100.21.21: PASV -> 227 Entering Passive Mode (10,0,0,5,195,80). data port 50000 passive'
	has "$t-ftp.txt" 'ftp_data 192.0.2.10.40003 > 198.51.100.21.51201: LIST user alice size 85 '
	has "$t-ftp-active.txt" 'ftp_data 198.51.100.22.20 > 192.0.2.20.50001: RETR a.bin user bob size 2500 '
	has "$t-ftp-active.txt" 'ftp_data 2001:db8::22.20 > 2001:db8::20.50555: STOR b.bin user carol size 1800 '
	has "$t-ftp-broken.txt" 'RETR gap.bin user dave size 4000 sha256 '
	grep -q 'ftp_data .*RETR reset.bin user dave size 3000 sha256 [0-9a-f]* (truncated)$' "$t-ftp-broken.txt" && ok ||
		bad "$tag: the reset transfer's text"
	has "$t-smtp.txt" 'Subject: two attachments attachments: pic.png, notes.txt'
	has "$t-smtp.txt" 'Subject: bad base64 attachments: bad.bin anomalies: invalid_base64'
	has "$t-smtp.txt" 'TO <x@example.com> (message truncated) Subject: cut attachments: cut.bin'
	# jq: the EVE shapes
	jq -e -s '[.[] | select(.event_type == "ftp_data")] | length == 3 and all(.[]; .app_proto == "ftp-data"
	          and .ftp_data.mode == "passive" and .ftp_data.state == "CLOSED")' "$t-ftp.json" >/dev/null && ok ||
		bad "$tag: ftp.json ftp_data events"
	jq -e -s '[.[] | select(.event_type == "ftp_data") | .ftp_data.mode] == ["active","active"]' \
		"$t-ftp-active.json" >/dev/null && ok || bad "$tag: active mode"
	jq -e -s '[.[] | select(.event_type == "smtp")] | length == 7 and
	          (.[0].email.to == ["drop@example.com", "\"Eve, E.\" <eve@example.com>"]) and
	          (.[0].smtp.rcpt_to == ["<drop@example.com>", "<eve@example.com>"]) and
	          .[0].email.x_mailer == "mutt 1.0" and .[0].email.message_id == "<one.attachment@example.org>"' \
		<(grep '"event_type":"smtp"' "$t-smtp.json") >/dev/null && ok || bad "$tag: smtp.json email fields"
	# the quoted-printable attachment decodes to the planted bytes (checked
	# above); the nested part's file came from inside two multiparts
	jq -e -s '[.[] | select(.event_type == "smtp") | .email.anomalies] == [["parts_cap","line_cut"],
	          ["headers_cap","multipart_without_boundary"],["boundary_not_closed","multipart_too_deep"]]' \
		"$t-smtp-hostile.json" >/dev/null && ok || bad "$tag: the hostile message's anomalies"
	jq -e -s '[.[] | select(.event_type == "smtp" and .email.subject == "nested")] | .[0].email.attachment == ["deep.bin"]
	          and (.[0].email.anomalies == null)' "$t-smtp.json" >/dev/null && ok || bad "$tag: nested"
done
echo "files: $pass passed, $fail failed"
[ "$fail" = 0 ]
