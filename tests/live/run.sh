#!/usr/bin/env bash
# Live capture: on loopback, and across two "hosts" made of network
# namespaces joined by a veth pair that this script creates and removes.
#
# Network safety: traffic goes only to 127.0.0.1 and to 198.18.0.1/.2, the
# addresses this script gives the namespaces (tests/live/traffic.py refuses
# any other destination); every load is bounded in count and in time; -n
# everywhere, so no name is ever looked up.
#
# Needs root (capture, namespaces, tmpfs); otherwise says so and skips,
# or fails under CI (CI=true, as .ci/run sets it).
set -u
# CI=true (as .ci/run sets it) or STRICT=1: a part that cannot run (a tool,
# the corpus or root missing) fails instead of being skipped
strict() { [ "${CI:-}" = true ] || [ "${STRICT:-}" = 1 ]; }
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/trawl}
py=${PYTHON:-python3}
tr="$root/tests/live/traffic.py"
dir=$(mktemp -d /tmp/trawl-live.XXXXXX)
chmod 755 "$dir"
export TZ=GMT0
pass=0 fail=0 skip=0
ns1=trawl-h1-$$ ns2=trawl-h2-$$ v1=trl1-$$ v2=trl2-$$
ip1=198.18.0.1 ip2=198.18.0.2
pids=()

cleanup() {
	for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
	mountpoint -q "$dir/full" 2>/dev/null && umount "$dir/full"
	ip netns del "$ns1" 2>/dev/null
	ip netns del "$ns2" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ "$(id -u)" -ne 0 ]; then
	if strict; then echo "live: FAILED: not root (live capture, namespaces and tmpfs need root) (CI=true or STRICT=1)"; exit 1; fi
	echo "live: SKIPPED: not root (live capture, namespaces and tmpfs need root)"
	exit 0
fi
if ! command -v "$py" >/dev/null; then
	if strict; then echo "live: FAILED: no python3 for the traffic generator (CI=true or STRICT=1)"; exit 1; fi
	echo "live: SKIPPED: no python3 for the traffic generator"
	exit 0
fi

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL live $1: $2"; [ -f "${3:-}" ] && sed 's/^/    /' "$3" | head -8; }
note() { echo "live: $*"; }
# missing NAME WHY: a part that cannot run here: skipped (and counted), or
# a failure under CI=true / STRICT=1
missing() {
	if strict; then bad "$1" "cannot run: $2"; else skip=$((skip + 1)); note "SKIPPED $1: $2"; fi
}
have_tcpdump=0
command -v tcpdump >/dev/null && have_tcpdump=1

# start NAME CMD...: runs a capture in the background, waits for its
# "listening on" banner; sets $cap_pid.  stdout/stderr go to $dir/NAME.out/.err.
start() {
	local name=$1
	shift
	"$@" >"$dir/$name.out" 2>"$dir/$name.err" &
	cap_pid=$!
	pids+=("$cap_pid")
	for _ in $(seq 100); do
		grep -q "listening on" "$dir/$name.err" 2>/dev/null && { sleep 0.3; return 0; }
		kill -0 "$cap_pid" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}

# finish [SIGNAL]: stops the capture (or waits for it) within 10 s; sets $cap_rc.
finish() {
	local sig=${1:-}
	[ -n "$sig" ] && kill -"$sig" "$cap_pid" 2>/dev/null
	for _ in $(seq 200); do
		kill -0 "$cap_pid" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$cap_pid" 2>/dev/null; then
		kill -KILL "$cap_pid"
		echo "capture did not stop within 10 s" >>"$dir/timeout.err"
	fi
	wait "$cap_pid"
	cap_rc=$?
}

stat_of() { sed -n "s/^\([0-9]*\) packets\{0,1\} $2\$/\1/p" "$dir/$1.err"; }

send() { "$py" "$tr" send "$@"; }

# ---------------------------------------------------------------- loopback
lo_port=47801

# Errors: no such interface, bad -Q, -I on loopback, unknown -Z user.
"$bin" -n -i nosuch0 -c 1 >/dev/null 2>"$dir/e.err"; rc=$?
[ $rc -eq 1 ] && grep -q "nosuch0: No such device exists" "$dir/e.err" && ok || bad no-such-interface "exit $rc" "$dir/e.err"
"$bin" -n -i lo -Q sideways >/dev/null 2>"$dir/e.err"; rc=$?
[ $rc -eq 1 ] && grep -q "unknown capture direction .sideways'" "$dir/e.err" && ok || bad bad-direction "exit $rc" "$dir/e.err"
"$bin" -n -i lo -I -c 1 >/dev/null 2>"$dir/e.err"; rc=$?
[ $rc -eq 1 ] && grep -q "lo: That device doesn't support monitor mode" "$dir/e.err" && ok || bad monitor-mode "exit $rc" "$dir/e.err"
"$bin" -n -i lo -Z no-such-user-here -c 1 >/dev/null 2>"$dir/e.err"; rc=$?
[ $rc -eq 1 ] && grep -q "Couldn't find user 'no-such-user-here'" "$dir/e.err" && ok || bad no-such-user "exit $rc" "$dir/e.err"
"$bin" -J -i lo >"$dir/j.out" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q "^Time stamp types for lo (use option -j to set):" "$dir/j.out" && ok || bad list-tstamp "exit $rc" "$dir/j.out"
"$bin" -D >"$dir/d.out" 2>&1 && grep -q "^[0-9]*\.lo \[" "$dir/d.out" && ok || bad list-interfaces "" "$dir/d.out"
if command -v setpriv >/dev/null; then
	setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" -n -i lo -c 1 >/dev/null 2>"$dir/e.err"; rc=$?
	[ $rc -eq 1 ] && grep -q "lo: You don't have permission" "$dir/e.err" && ok || bad no-permission "exit $rc" "$dir/e.err"
else
	missing no-permission "no setpriv (util-linux) to run as nobody"
fi

# -c N stops at exactly N, printed and counted.
if start count "$bin" -n -l -i lo -c 10 udp and dst port $lo_port; then
	send 127.0.0.1 $lo_port 50 64 5 >/dev/null
	finish
	n=$(grep -c "127.0.0.1.$lo_port: UDP, length 64" "$dir/count.out")
	[ $cap_rc -eq 0 ] && [ "$n" -eq 10 ] && [ "$(stat_of count captured)" = 10 ] && ok ||
		bad count "exit $cap_rc, $n lines" "$dir/count.err"
else bad count "did not start" "$dir/count.err"; fi

# --rules live: an alert per matching datagram (fast lines, then EVE alert
# events), and the threshold rule's one; written as they come.
cat >"$dir/live.rules" <<EOF
alert udp any any -> 127.0.0.1 $((lo_port + 2)) (msg:"live TRWL datagram"; content:"TRWL"; depth:4; classtype:misc-activity; sid:9000001; rev:1;)
alert udp any any -> any any (msg:"live limit"; content:"TRWL"; threshold:type limit, track by_src, count 1, seconds 600; sid:9000002; rev:1;)
alert udp any any -> any any (msg:"live decoy"; content:"NOPE"; sid:9000003; rev:1;)
EOF
for fmt in fast json; do
	extra=""; [ $fmt = json ] && extra=--json
	if start "rules-$fmt" "$bin" -n -i lo --rules "$dir/live.rules" $extra "udp and dst port $((lo_port + 2))"; then
		send 127.0.0.1 $((lo_port + 2)) 15 64 5 >/dev/null
		finish INT
		if [ $fmt = fast ]; then
			a=$(grep -c '\[1:9000001:1\] live TRWL datagram \[\*\*\] \[Classification: misc-activity\] \[Priority: 3\] {UDP} 127.0.0.1:[0-9]* -> 127.0.0.1:'$((lo_port + 2))'$' "$dir/rules-$fmt.out")
			b=$(grep -c '\[1:9000002:1\]' "$dir/rules-$fmt.out")
		else
			a=$(jq -c 'select(.event_type == "alert" and .alert.signature_id == 9000001)' "$dir/rules-$fmt.out" | grep -c .)
			b=$(jq -c 'select(.alert.signature_id == 9000002)' "$dir/rules-$fmt.out" | grep -c .)
		fi
		c=$(grep -c 9000003 "$dir/rules-$fmt.out")
		[ $cap_rc -eq 0 ] && [ "$a" -eq 15 ] && [ "$b" -eq 1 ] && [ "$c" -eq 0 ] && ok ||
			bad "rules-$fmt" "exit $cap_rc, $a/15 alerts, $b/1 limited, $c decoys" "$dir/rules-$fmt.err"
	else bad "rules-$fmt" "did not start" "$dir/rules-$fmt.err"; fi
done

# A filter on live traffic, printed as tcpdump prints the written file.
if start filter "$bin" -n -i lo -w "$dir/filter.pcap" --print "udp and dst port $((lo_port + 1))"; then
	send 127.0.0.1 $lo_port 30 64 5 >/dev/null
	send 127.0.0.1 $((lo_port + 1)) 20 100 5 >/dev/null
	finish INT
	"$py" "$tr" check 20 "$dir/filter.pcap" >"$dir/filter.chk" 2>&1 &&
		[ "$(stat_of filter captured)" = 20 ] && ok || bad filter "exit $cap_rc" "$dir/filter.chk"
	if [ $have_tcpdump = 1 ]; then
		tcpdump -n -r "$dir/filter.pcap" >"$dir/filter.want" 2>/dev/null
		cmp -s "$dir/filter.want" "$dir/filter.out" && ok || bad filter-print "live output differs from tcpdump -r" "$dir/filter.out"
	else
		missing filter-print "no tcpdump to print the written file"
	fi
else bad filter "did not start" "$dir/filter.err"; fi

# Live packets printed with other printing options, as tcpdump prints the
# written file with the same options.
if [ $have_tcpdump = 0 ]; then
	missing print-options "no tcpdump to print the written files"
else
	k=0
	for opts in "-e -vvv -XX -tttt" "-q -A -ttt -#" "-x -tt -v -K" "-t -l -AA -nn"; do
		k=$((k + 1))
		if start "print$k" "$bin" -n $opts -i lo -w "$dir/print$k.pcap" --print "udp and dst port $lo_port"; then
			send 127.0.0.1 $lo_port 12 80 5 >/dev/null
			finish INT
			tcpdump -n $opts -r "$dir/print$k.pcap" >"$dir/print$k.want" 2>/dev/null
			cmp -s "$dir/print$k.want" "$dir/print$k.out" && [ -s "$dir/print$k.want" ] && ok ||
				bad "print-options $opts" "live output differs from tcpdump -r" "$dir/print$k.out"
		else bad "print-options $opts" "did not start" "$dir/print$k.err"; fi
	done
fi

# Stop by each signal: every datagram sent before the signal is in the
# file, in order, intact; "captured" equals the file's packets.
# The signal comes $delay seconds after the sender is done: 0 (sooner than
# the kernel retires a ring block: only draining at stop gets them all),
# and 0.3 as in the issue.
stop_test() { # NAME SIGNAL DEST NSEXEC... -- CAPTURE ARGS
	local name=$1 sig=$2 dst=$3 n=2000
	shift 3
	local pre=()
	while [ "$1" != -- ]; do pre+=("$1"); shift; done
	shift
	if ! start "$name" "${pre[@]}" "$bin" -n "$@" -w "$dir/$name.pcap" "udp and dst port $lo_port"; then
		bad "$name" "did not start" "$dir/$name.err"; return
	fi
	local sent
	sent=$("${snd[@]}" "$py" "$tr" send "$dst" $lo_port $n 200 10 100)
	sleep "$delay"
	finish "$sig"
	local cap recv drop in_file
	cap=$(stat_of "$name" captured); recv=$(stat_of "$name" "received by filter"); drop=$(stat_of "$name" "dropped by kernel")
	in_file=$("$py" "$tr" count "$dir/$name.pcap" 2>&1)
	if [ $cap_rc -eq 0 ] && "$py" "$tr" check "$sent" "$dir/$name.pcap" >"$dir/$name.chk" 2>&1 &&
		[ "$cap" = "$in_file" ]; then
		ok
	else
		bad "$name" "exit $cap_rc, sent $sent, captured $cap, in file $in_file" "$dir/$name.chk"
	fi
	note "stop by SIG$sig $delay s after the last packet ($name): sent $sent, captured $cap, written $in_file, received by filter $recv, dropped $drop"
}
snd=()
delay=0
for sig in INT TERM HUP; do stop_test "stop-lo-$sig" $sig 127.0.0.1 -- -i lo; done
delay=0.3
stop_test stop-lo-INT-0.3 INT 127.0.0.1 -- -i lo
delay=0
stop_test stop-lo-immediate INT 127.0.0.1 -- -i lo --immediate-mode -s 512
stop_test stop-any INT 127.0.0.1 -- -i any

# Stop while printing: every packet printed, then the empty line.
if start stop-print "$bin" -n -i lo "udp and dst port $lo_port"; then
	sent=$(send 127.0.0.1 $lo_port 2000 200 10 100)
	finish INT
	n=$(grep -c "127.0.0.1.$lo_port: UDP, length 200$" "$dir/stop-print.out")
	[ "$n" = "$sent" ] && [ "$(stat_of stop-print captured)" = "$sent" ] && [ -z "$(tail -n 1 "$dir/stop-print.out")" ] &&
		ok || bad stop-print "sent $sent, printed $n" "$dir/stop-print.err"
	note "stop by SIGINT while printing: sent $sent, printed $n"
else bad stop-print "did not start" "$dir/stop-print.err"; fi

# tcpdump on the same runs, for comparison (not a test).
if command -v tcpdump >/dev/null; then
	for d in 0 0.3; do
		if start ref tcpdump -Z root -n -i lo -w "$dir/ref.pcap" "udp and dst port $lo_port"; then
			sent=$(send 127.0.0.1 $lo_port 2000 200 10 100)
			sleep $d
			finish INT
			note "tcpdump 4.99.3, the same run, SIGINT $d s after: sent $sent, written $("$py" "$tr" count "$dir/ref.pcap" 2>&1)"
		fi
	done
fi

# Printed packets reach stdout while the capture runs (no -l needed to
# see a trickle of packets within a second).
if start trickle "$bin" -n -i lo "udp and dst port $lo_port"; then
	send 127.0.0.1 $lo_port 3 64 5 >/dev/null
	sleep 0.8
	n=$(grep -c "UDP, length 64" "$dir/trickle.out")
	finish INT
	[ "$n" = 3 ] && ok || bad trickle "$n of 3 lines out before the stop" "$dir/trickle.err"
else bad trickle "did not start" "$dir/trickle.err"; fi

# SIGUSR1 prints the statistics on one line and the capture goes on.
if start usr1 "$bin" -n -i lo -w "$dir/usr1.pcap" "udp and dst port $lo_port"; then
	send 127.0.0.1 $lo_port 5 64 5 >/dev/null
	sleep 0.4
	kill -USR1 "$cap_pid"
	sleep 0.3
	send 127.0.0.1 $lo_port 5 64 5 >/dev/null
	finish TERM
	grep -q "^trawl: [0-9]* packets\{0,1\} captured, [0-9]* packets\{0,1\} received by filter, [0-9]* packets\{0,1\} dropped by kernel$" "$dir/usr1.err" &&
		[ "$(stat_of usr1 captured)" = 10 ] && ok || bad usr1 "exit $cap_rc" "$dir/usr1.err"
else bad usr1 "did not start" "$dir/usr1.err"; fi

# Rotation by size: -C 1 (1,000,000 bytes), names f, f1, f2, ...; with -W 2
# a ring f0, f1; -z runs on each closed file, without a shell.
cat >"$dir/post.sh" <<EOF
#!/bin/sh
printf '%s\n' "\$#:\$1" >>"$dir/post.log"
EOF
chmod 755 "$dir/post.sh"
mkdir "$dir/size"
if start size "$bin" -n -i lo -C 1 -w "$dir/size/f" -z "$dir/post.sh" "udp and dst port $lo_port"; then
	sent=$(send 127.0.0.1 $lo_port 3000 1000 10 100)
	sleep 0.3
	finish INT
	files=$(cd "$dir/size" && ls | sort -V | tr '\n' ' ')
	"$py" "$tr" check "$sent" "$dir/size/f" "$dir/size/f1" "$dir/size/f2" "$dir/size/f3" >"$dir/size.chk" 2>&1 &&
		[ "$files" = "f f1 f2 f3 " ] && [ "$(stat -c %s "$dir/size/f")" -gt 1000000 ] &&
		[ "$(stat -c %s "$dir/size/f")" -lt 1002000 ] && ok || bad rotate-size "files: $files" "$dir/size.chk"
	sleep 0.2
	printf '1:%s\n' "$dir/size/f" "$dir/size/f1" "$dir/size/f2" >"$dir/post.want"
	cmp -s "$dir/post.want" "$dir/post.log" && ok || bad post-rotate "-z calls differ" "$dir/post.log"
else bad rotate-size "did not start" "$dir/size.err"; fi
mkdir "$dir/ring"
if start ring "$bin" -n -i lo -C 1 -W 2 -w "$dir/ring/f" "udp and dst port $lo_port"; then
	sent=$(send 127.0.0.1 $lo_port 3000 1000 10 100)
	sleep 0.3
	finish INT
	files=$(cd "$dir/ring" && ls | tr '\n' ' ')
	"$py" "$tr" subseq "$sent" "$dir/ring/f0" >"$dir/ring.chk" 2>&1 &&
		"$py" "$tr" subseq "$sent" "$dir/ring/f1" >>"$dir/ring.chk" 2>&1 &&
		[ "$files" = "f0 f1 " ] && ok || bad rotate-ring "files: $files" "$dir/ring.chk"
else bad rotate-ring "did not start" "$dir/ring.err"; fi
# -z with a file name made to inject: the name reaches the command as one
# argument and no shell ever sees it.
mkdir "$dir/inj"
: >"$dir/post.log"
evil="x;touch pwned;\$(touch pwned2) 'q"
if start inject env -C "$dir/inj" "$bin" -n -i lo -C 1 -w "$evil" -z "$dir/post.sh" "udp and dst port $lo_port"; then
	send 127.0.0.1 $lo_port 1500 1000 10 100 >/dev/null
	sleep 0.3
	finish INT
	sleep 0.2
	[ ! -e "$dir/inj/pwned" ] && [ ! -e "$dir/inj/pwned2" ] && grep -qxF "1:$evil" "$dir/post.log" && ok ||
		bad post-rotate-injection "" "$dir/post.log"
else bad post-rotate-injection "did not start" "$dir/inject.err"; fi

# Rotation by time: -G 1 with a strftime name; -W 3 ends the capture after
# three files with "Maximum file limit reached: 3" and status 0.
mkdir "$dir/time"
if start time "$bin" -n -i lo -G 1 -W 3 -w "$dir/time/t-%H%M%S" "udp and dst port $lo_port"; then
	total=0
	for _ in 1 2 3 4 5; do
		s=$(send 127.0.0.1 $lo_port 20 64 5)
		total=$((total + s))
		sleep 1.1
		kill -0 "$cap_pid" 2>/dev/null || break
	done
	finish TERM
	nfiles=$(ls "$dir/time" | grep -c '^t-[0-9]\{6\}$')
	all_ok=1
	for f in "$dir"/time/t-*; do "$py" "$tr" count "$f" >/dev/null 2>&1 || all_ok=0; done
	[ $cap_rc -eq 0 ] && [ "$nfiles" -eq 3 ] && [ $all_ok -eq 1 ] &&
		grep -q "^Maximum file limit reached: 3$" "$dir/time.err" && ok || bad rotate-time "exit $cap_rc, $nfiles files" "$dir/time.err"
else bad rotate-time "did not start" "$dir/time.err"; fi

# -Z: after the device and first file are open the process runs as nobody;
# the files belong to nobody; the capture is complete.
if id nobody >/dev/null 2>&1; then
	mkdir "$dir/priv"
	chown nobody "$dir/priv"
	if start priv "$bin" -n -i lo -Z nobody -C 1 -w "$dir/priv/f" "udp and dst port $lo_port"; then
		uid=$(awk '/^Uid:/ {print $2 "," $3 "," $4 "," $5}' /proc/"$cap_pid"/status)
		sent=$(send 127.0.0.1 $lo_port 1500 1000 10 100)
		sleep 0.3
		finish INT
		owners=$(stat -c %U "$dir"/priv/* | sort -u | tr '\n' ' ')
		nobody=$(id -u nobody)
		"$py" "$tr" check "$sent" "$dir/priv/f" "$dir/priv/f1" >"$dir/priv.chk" 2>&1 &&
			[ "$uid" = "$nobody,$nobody,$nobody,$nobody" ] && [ "$owners" = "nobody " ] && ok ||
			bad drop-privileges "uid $uid, owners $owners" "$dir/priv.chk"
	else bad drop-privileges "did not start" "$dir/priv.err"; fi
else
	missing drop-privileges "no user nobody to run as"
fi

# Disk full during -w: a clear message, exit 1, and the file stays a
# valid capture of datagrams as sent.
mkdir "$dir/full"
if mount -t tmpfs -o size=256k trawl-live-full "$dir/full" 2>/dev/null; then
	if start full "$bin" -n -i lo -U -w "$dir/full/f" "udp and dst port $lo_port"; then
		send 127.0.0.1 $lo_port 1000 1000 10 100 >/dev/null
		sleep 0.3
		finish INT
		"$py" "$tr" subseq 1000 "$dir/full/f" >"$dir/full.chk" 2>&1 &&
			[ $cap_rc -eq 1 ] && grep -q "error writing $dir/full/f: No space left on device" "$dir/full.err" &&
			[ "$(stat_of full captured)" = "$("$py" "$tr" count "$dir/full/f")" ] && ok ||
			bad disk-full "exit $cap_rc" "$dir/full.err"
		note "disk full: $(cat "$dir/full.chk") kept in a 256 KiB file system"
	else bad disk-full "did not start" "$dir/full.err"; fi
	umount "$dir/full"
else
	missing disk-full "cannot mount a tmpfs"
fi

# ------------------------------------------------- two namespaces, a veth
if ip netns add "$ns1" 2>/dev/null && ip netns add "$ns2" 2>/dev/null &&
	ip link add "$v1" netns "$ns1" type veth peer name "$v2" netns "$ns2" 2>/dev/null; then
	ip -n "$ns1" addr add $ip1/30 dev "$v1"
	ip -n "$ns2" addr add $ip2/30 dev "$v2"
	ip -n "$ns1" link set "$v1" up
	ip -n "$ns2" link set "$v2" up
	ip -n "$ns1" link set lo up
	ip -n "$ns2" link set lo up
	in1=(ip netns exec "$ns1")
	in2=(ip netns exec "$ns2")
	sleep 0.5

	# Stop by each signal, capturing in h2 what h1 sends.
	snd=("${in1[@]}")
	for sig in INT TERM HUP; do stop_test "stop-veth-$sig" $sig $ip2 "${in2[@]}" -- -i "$v2"; done
	stop_test stop-veth-count INT $ip2 "${in2[@]}" -- -i "$v2" -c 100000
	snd=()

	# -Q: the datagrams from h1 arrive (in), none leaves h2 (out).
	for d in in out; do
		if start "dir-$d" "${in2[@]}" "$bin" -n -i "$v2" -Q $d -w "$dir/dir-$d.pcap" "udp and dst port $lo_port"; then
			"${in1[@]}" "$py" "$tr" send $ip2 $lo_port 25 64 5 >/dev/null
			sleep 0.3
			finish INT
			want=25; [ $d = out ] && want=0
			got=$("$py" "$tr" count "$dir/dir-$d.pcap")
			[ "$got" = $want ] && ok || bad "direction-$d" "$got packets, want $want" "$dir/dir-$d.err"
		else bad "direction-$d" "did not start" "$dir/dir-$d.err"; fi
	done

	# A bounded flood into a capture whose reader is stalled (output to a
	# pipe nobody reads for 2 s), with a small buffer: drops must be
	# reported, and exactly: received = sent, captured = received - dropped
	# = packets in the file, each of them intact and in order.
	if start flood "${in2[@]}" sh -c "'$bin' -n -l -i '$v2' -B 256 -w '$dir/flood.pcap' --print 'udp and dst port $lo_port' | (sleep 2; cat >/dev/null)"; then
		sent=$("${in1[@]}" "$py" "$tr" send $ip2 $lo_port 200000 200 4 0)
		sleep 2.5
		pkill_pid=$(pgrep -P "$cap_pid" -x trawl | head -1)
		[ -n "$pkill_pid" ] && kill -INT "$pkill_pid"
		finish
		cap=$(stat_of flood captured); recv=$(stat_of flood "received by filter"); drop=$(stat_of flood "dropped by kernel")
		in_file=$("$py" "$tr" count "$dir/flood.pcap" 2>&1)
		"$py" "$tr" subseq "$sent" "$dir/flood.pcap" >"$dir/flood.chk" 2>&1 &&
			[ "$recv" -le "$sent" ] && [ "$cap" = "$in_file" ] && [ "$cap" -eq $((recv - drop)) ] && [ "$drop" -gt 0 ] &&
			ok || bad flood "sent $sent, captured $cap, in file $in_file, received $recv, dropped $drop" "$dir/flood.chk"
		note "flood: sent $sent, captured $cap, written $in_file, received by filter $recv, dropped $drop"
	else bad flood "did not start" "$dir/flood.err"; fi

	# Capturing on an interface that is down is refused.
	ip -n "$ns2" link set "$v2" down
	"${in2[@]}" "$bin" -n -i "$v2" -c 1 >/dev/null 2>"$dir/e.err"; rc=$?
	[ $rc -eq 1 ] && grep -q "$v2: That device is not up" "$dir/e.err" && ok || bad interface-down "exit $rc" "$dir/e.err"
	ip -n "$ns2" link set "$v2" up
	sleep 0.5
	# The interface disappears under a capture: a message, exit 1, and the
	# file is a valid capture of what was sent.  (An interface that only
	# goes down is waited for, as tcpdump does.)
	if start gone "${in2[@]}" "$bin" -n -i "$v2" -w "$dir/gone.pcap" "udp and dst port $lo_port"; then
		"${in1[@]}" "$py" "$tr" send $ip2 $lo_port 30 64 5 >/dev/null
		sleep 0.3
		ip -n "$ns2" link del "$v2"
		finish
		"$py" "$tr" check 30 "$dir/gone.pcap" >"$dir/gone.chk" 2>&1 && [ $cap_rc -eq 1 ] &&
			grep -q "$v2: The interface disappeared" "$dir/gone.err" && ok ||
			bad interface-gone "exit $cap_rc" "$dir/gone.err"
	else bad interface-gone "did not start" "$dir/gone.err"; fi
else
	missing namespaces "cannot create network namespaces and a veth pair"
fi

[ -f "$dir/timeout.err" ] && cat "$dir/timeout.err"
s=""; [ "$skip" -ne 0 ] && s=", $skip skipped"
echo "live: $pass passed, $fail failed$s"
[ $fail -eq 0 ]
