#!/usr/bin/env bash
# Speed and memory of trawl's session layer (HTTP) against tshark, in the
# same run, on the same capture.
#
#   bench/session.sh [MEGABYTES]     (default 300)
#
# The capture (bench/out/http-MB.pcap, made once by the generator below,
# deterministic): 200 keep-alive HTTP/1.1 connections open at once, each
# 1 to 20 transactions then FIN, a new connection taking its place; bodies
# of 100 bytes to 256 KiB, a third of them gzip (Content-Encoding), a fifth
# chunked, some requests POST with a body; IPv4 over Ethernet, 1448-byte
# segments, an ACK every two segments.  BENCH_CAPTURE names another
# capture instead.  Timed with /usr/bin/time -v, best of RUNS (default 3)
# for trawl, of TSHARK_RUNS (default 1: tshark takes minutes) for tshark:
#   trawl -r CAP --sessions >/dev/null
#   trawl -r CAP --sessions --json >/dev/null
#   trawl -r CAP --extract D1
#   tshark -r CAP -q --export-objects http,D2
#   tshark -r CAP -Y http -T fields -e http.host -e http.request.uri >/dev/null
# Each extraction writes into a new, empty directory under
# BENCH_EXTRACT_DIR (default bench/out), removed and synced before, untimed.
# After the extractions, trawl's complete HTTP files (files.json, state
# CLOSED) and tshark's objects are compared as sets of SHA-256.  Prints a
# table and the ratios tshark/trawl; the target is 20x.  No threshold is
# asserted.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-300}
runs=${RUNS:-3}
truns=${TSHARK_RUNS:-1}
out=${BENCH_DIR:-$root/bench/out}
mkdir -p "$out"
xroot=${BENCH_EXTRACT_DIR:-$out}
mkdir -p "$xroot"
trawl=${TRAWL:-$root/trawl}
[ -x "$trawl" ] || make -s -C "$root" trawl
command -v tshark >/dev/null || { echo "bench/session: tshark is not installed (apt-get install tshark)"; exit 1; }
command -v jq >/dev/null || { echo "bench/session: jq is needed"; exit 1; }
cap=${BENCH_CAPTURE:-$out/http-$mb.pcap}
if [ -z "${BENCH_CAPTURE:-}" ] && ! { [ -s "$cap" ] && [ "$(($(stat -c %s "$cap") >> 20))" -ge "$mb" ]; }; then
	echo "bench/session: writing $cap ($mb MiB)" >&2
	python3 - "$mb" "$cap" <<'PY'
import array, gzip, random, struct, sys

MSS = 1448
size, path = int(sys.argv[1]) << 20, sys.argv[2]
rng = random.Random(11)


def csum16(data):
    if len(data) % 2:
        data += b'\0'
    a = array.array('H', data)
    if sys.byteorder == 'little':
        a.byteswap()
    s = sum(a)
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return s


text = b''.join(b'<p>line %06d: the quick brown fox jumps over the lazy dog %08x</p>\n' % (i, i * 2654435761 & 0xffffffff)
                for i in range(8000))
noise = bytes(rng.getrandbits(8) for _ in range(1 << 19))


def body_of(n):
    a = rng.randrange(len(noise) - n) if n < len(noise) else 0
    return noise[a:a + n] if rng.random() < 0.5 else (text * (1 + n // len(text)))[:n]


# a pool of responses: (headers, wire body)
pool = []
for k in range(400):
    n = int(min(256 << 10, max(100, rng.lognormvariate(8.5, 1.4))))
    b = body_of(n)
    hdr = b'HTTP/1.1 200 OK\r\nServer: bench\r\nContent-Type: %s\r\n' % rng.choice(
        (b'text/html', b'application/octet-stream', b'image/png', b'application/javascript'))
    if k % 3 == 0:
        b = gzip.compress((text * (1 + n // len(text)))[:n], 6, mtime=0)
        hdr += b'Content-Encoding: gzip\r\n'
    if k % 5 == 0:
        w, i = b'', 0
        while i < len(b):
            c = b[i:i + 4096]
            w += b'%x\r\n' % len(c) + c + b'\r\n'
            i += 4096
        hdr += b'Transfer-Encoding: chunked\r\n\r\n'
        pool.append(hdr + w + b'0\r\n\r\n')
    else:
        pool.append(hdr + b'Content-Length: %d\r\n\r\n' % len(b) + b)

f = open(path, 'wb', buffering=1 << 20)
f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
written = [24]
t = [1700000000 * 1000000]
macs = (b'\x00\x0c\x29\xaa\xbb\xcc', b'\x00\x50\x56\x10\x20\x30')
ipid = [0]


def frame(src, dst, sp, dp, seq, ack, flags, payload):
    tcp = struct.pack('!HHIIBBHHH', sp, dp, seq & 0xffffffff, ack & 0xffffffff, 0x50, flags, 65535, 0, 0)
    c = (~csum16(src + dst + struct.pack('!BBH', 0, 6, 20 + len(payload)) + tcp + payload)) & 0xffff
    tcp = tcp[:16] + struct.pack('!H', c) + tcp[18:]
    ipid[0] = (ipid[0] + 1) & 0xffff
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 40 + len(payload), ipid[0], 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack('!H', (~csum16(ip)) & 0xffff) + ip[12:]
    fr = macs[0] + macs[1] + b'\x08\x00' + ip + tcp + payload
    t[0] += rng.randrange(5, 40)
    f.write(struct.pack('<IIII', t[0] // 1000000, t[0] % 1000000, len(fr), len(fr)) + fr)
    written[0] += 16 + len(fr)


hosts = [b'www.example%d.com' % i for i in range(50)]
nport = [1024]


class Conn:
    def __init__(self, i):
        self.c = struct.pack('!BBBB', 10, 2 + i % 200, (i // 200) % 250, 1 + rng.randrange(250))
        self.s = struct.pack('!BBBB', 172, 17, rng.randrange(16), 1 + rng.randrange(250))
        self.sp, self.p = rng.choice((80, 80, 80, 8080)), nport[0]
        nport[0] = 1024 + (nport[0] - 1023) % 60000
        self.cs, self.ss = rng.getrandbits(32), rng.getrandbits(32)
        self.left = 1 + rng.randrange(20)
        self.host = rng.choice(hosts)
        self.n = 0
        frame(self.c, self.s, self.p, self.sp, self.cs, 0, 0x02, b'')
        frame(self.s, self.c, self.sp, self.p, self.ss, self.cs + 1, 0x12, b'')
        self.cs += 1
        self.ss += 1
        frame(self.c, self.s, self.p, self.sp, self.cs, self.ss, 0x10, b'')
        self.resp = None

    def send(self, d, data):
        src, dst, sp, dp = (self.c, self.s, self.p, self.sp) if d == 0 else (self.s, self.c, self.sp, self.p)
        for k, a in enumerate(range(0, len(data), MSS)):
            seg = data[a:a + MSS]
            if d == 0:
                frame(src, dst, sp, dp, self.cs, self.ss, 0x18, seg)
                self.cs += len(seg)
            else:
                frame(src, dst, sp, dp, self.ss, self.cs, 0x18, seg)
                self.ss += len(seg)
                if k % 2:
                    frame(self.c, self.s, self.p, self.sp, self.cs, self.ss, 0x10, b'')
        if d == 0:
            frame(self.s, self.c, self.sp, self.p, self.ss, self.cs, 0x10, b'')

    def step(self):
        """the next request, or the next piece of the response; False when done"""
        if self.resp is None:
            if not self.left:
                frame(self.c, self.s, self.p, self.sp, self.cs, self.ss, 0x11, b'')
                frame(self.s, self.c, self.sp, self.p, self.ss, self.cs + 1, 0x11, b'')
                frame(self.c, self.s, self.p, self.sp, self.cs + 1, self.ss + 1, 0x10, b'')
                return False
            self.left -= 1
            self.n += 1
            url = b'/d%d/obj%d_%d.%s' % (rng.randrange(100), self.p, self.n, rng.choice((b'html', b'js', b'png', b'bin')))
            if rng.random() < 0.05:
                up = body_of(100 + rng.randrange(20000))
                r = b'POST %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: bench/1.0\r\nContent-Length: %d\r\n\r\n' % (
                    url, self.host, len(up)) + up
            else:
                r = b'GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: Mozilla/5.0 (bench)\r\nAccept: */*\r\nAccept-Encoding: gzip\r\nReferer: http://%s/\r\n\r\n' % (
                    url, self.host, self.host)
            self.send(0, r)
            self.resp = rng.choice(pool)
            self.at = 0
            return True
        piece = self.resp[self.at:self.at + 8 * MSS]
        self.at += len(piece)
        self.send(1, piece)
        if self.at >= len(self.resp):
            self.resp = None
        return True


live = [Conn(i) for i in range(200)]
k = 200
while written[0] < size:
    i = rng.randrange(len(live))
    if not live[i].step():
        live[i] = Conn(k)
        k += 1
for c in live:
    while c.step():
        pass
f.close()
PY
fi
size=$(stat -c %s "$cap")
cat "$cap" >/dev/null # in the page cache, for every tool below
export TZ=GMT0

# best NAME RUNS CMD...: runs CMD RUNS times; @DIR@ in CMD is replaced by a
# fresh directory (removed and synced before, untimed).  Prints
# "elapsed_s cpu_s maxrss_kib" of the fastest run.
best() {
	local name=$1 n=$2 bestline="" e u s m c i
	shift 2
	for i in $(seq "$n"); do
		rm -rf "$xroot/ext-$name"
		sync
		mkdir -p "$xroot/ext-$name"
		local args=()
		for a in "$@"; do args+=("${a//@DIR@/$xroot/ext-$name}"); done
		/usr/bin/time -v "${args[@]}" >/dev/null 2>"$out/time-$name.txt" || true
		e=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); v = 0; for (i = 1; i <= n; i++) v = v * 60 + t[i]; print v}' "$out/time-$name.txt")
		u=$(awk -F': ' '/User time/ {print $2}' "$out/time-$name.txt")
		s=$(awk -F': ' '/System time/ {print $2}' "$out/time-$name.txt")
		m=$(awk -F': ' '/Maximum resident/ {print $2}' "$out/time-$name.txt")
		c=$(awk -v a="$u" -v b="$s" 'BEGIN { printf "%.2f", a + b }')
		echo "  $name run $i: ${e} s elapsed, $c s CPU, $((m / 1024)) MiB" >&2
		if [ -z "$bestline" ] || [ "$(echo "$e < ${bestline%% *}" | bc)" = 1 ]; then bestline="$e $c $m"; fi
	done
	echo "$bestline"
}

echo "capture: $cap, $((size >> 20)) MiB, $("$trawl" -r "$cap" --summary --json 2>/dev/null | jq .summary.packets) packets (nproc $(nproc), load $(cut -d' ' -f1 /proc/loadavg))"
echo "trawl $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(tshark --version 2>/dev/null | head -1)"
ntx=$("$trawl" -r "$cap" --sessions --json 2>/dev/null | grep -c '"event_type":"http"' || true)
echo "http transactions (trawl --sessions): $ntx"
read -r se sc sm <<<"$(best sessions "$runs" "$trawl" -r "$cap" --sessions)"
read -r je jc jm <<<"$(best json "$runs" "$trawl" -r "$cap" --sessions --json)"
read -r xe xc xm <<<"$(best extract "$runs" "$trawl" -r "$cap" --extract @DIR@)"
jq -r 'select(.app_proto == "http" and .fileinfo.state == "CLOSED") | .fileinfo.sha256' \
	"$xroot/ext-extract/files.json" | sort -u >"$out/sha-trawl"
read -r te tc tm <<<"$(best tshark-export "$truns" tshark -r "$cap" -q --export-objects http,@DIR@)"
find "$xroot/ext-tshark-export" -type f -print0 | xargs -0 -r sha256sum | cut -d' ' -f1 | sort -u >"$out/sha-tshark"
read -r fe fc fm <<<"$(best tshark-fields "$truns" tshark -r "$cap" -Y http -T fields -e http.host -e http.request.uri)"
echo "objects: trawl $(wc -l <"$out/sha-trawl") distinct complete, tshark $(wc -l <"$out/sha-tshark") distinct, in both $(comm -12 "$out/sha-trawl" "$out/sha-tshark" | wc -l)"
rm -rf "$xroot/ext-extract" "$xroot/ext-tshark-export" "$xroot/ext-sessions" "$xroot/ext-json" "$xroot/ext-tshark-fields"
printf '%-58s %10s %10s %12s\n' "command (best of $runs; tshark of $truns)" "elapsed s" "cpu s" "max RSS MiB"
printf '%-58s %10s %10s %12s\n' "trawl -r CAP --sessions" "$se" "$sc" "$((sm / 1024))"
printf '%-58s %10s %10s %12s\n' "trawl -r CAP --sessions --json" "$je" "$jc" "$((jm / 1024))"
printf '%-58s %10s %10s %12s\n' "trawl -r CAP --extract D1" "$xe" "$xc" "$((xm / 1024))"
printf '%-58s %10s %10s %12s\n' "tshark -r CAP -q --export-objects http,D2" "$te" "$tc" "$((tm / 1024))"
printf '%-58s %10s %10s %12s\n' "tshark -r CAP -Y http -T fields -e http.host -e ...uri" "$fe" "$fc" "$((fm / 1024))"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", (b > 0 ? a / b : 0) }'; }
echo "export-objects / --extract: $(ratio "$te" "$xe") elapsed; -T fields / --sessions: $(ratio "$fe" "$se"); -T fields / --sessions --json: $(ratio "$fe" "$je") (target 20x)"
