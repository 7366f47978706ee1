#!/usr/bin/env python3
"""Bounded UDP traffic and pcap checks for tests/live/run.sh (stdlib only).

  traffic.py send DST PORT COUNT [SIZE [MAX_SECONDS [PAUSE_EVERY]]]
      Sends COUNT datagrams (fewer if MAX_SECONDS runs out) to DST:PORT and
      prints how many were sent.  DST must be a loopback (127/8) or
      198.18.0.0/15 address (the namespaces the test creates): anything
      else is refused.  Payload: b'TRWL' + 4-byte sequence + filler.
  traffic.py check SENT FILE...
      Reads the pcap FILEs in order and checks, packet by packet, that they
      hold the test's datagrams 0..SENT-1, each exactly once and in order.
      Prints "N packets, all as sent" or what is wrong (exit 1).
  traffic.py subseq SENT FILE...
      Like check, but packets may be missing (drops): what is there must be
      distinct datagrams of 0..SENT-1 in order, and intact.
  traffic.py count FILE
      Prints the number of records; exit 1 if the file is not a whole,
      valid pcap file."""
import socket, struct, sys, time, ipaddress


def allowed(dst):
    a = ipaddress.ip_address(dst)
    return a in ipaddress.ip_network('127.0.0.0/8') or a in ipaddress.ip_network('198.18.0.0/15')


def payload(seq, size):
    head = b'TRWL' + struct.pack('>I', seq)
    fill = bytes((seq + i) & 0xff for i in range(max(0, size - 8)))
    return head + fill


def send(dst, port, count, size=64, max_seconds=10.0, pause_every=0):
    if not allowed(dst):
        sys.exit('traffic.py: refusing to send to %s (not loopback or the test namespaces)' % dst)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
    end = time.monotonic() + max_seconds
    sent = 0
    for seq in range(count):
        if time.monotonic() > end:
            break
        try:
            s.sendto(payload(seq, size), (dst, port))
        except (BlockingIOError, ConnectionRefusedError):
            continue
        sent += 1
        if pause_every and sent % pause_every == 0:
            time.sleep(0.001)
    print(sent)


def records(path):
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) < 24:
        raise ValueError('%s: %d bytes, no pcap header' % (path, len(data)))
    magic = struct.unpack('<I', data[:4])[0]
    if magic not in (0xa1b2c3d4, 0xa1b23c4d):
        raise ValueError('%s: bad magic %08x' % (path, magic))
    linktype = struct.unpack('<I', data[20:24])[0]
    off = 24
    while off < len(data):
        if off + 16 > len(data):
            raise ValueError('%s: partial record header at %d' % (path, off))
        _, _, caplen, length = struct.unpack('<IIII', data[off:off + 16])
        if off + 16 + caplen > len(data):
            raise ValueError('%s: partial record at %d' % (path, off))
        yield linktype, data[off + 16:off + 16 + caplen]
        off += 16 + caplen


def udp_payload(linktype, pkt):
    if linktype == 1:        # Ethernet
        ip = pkt[14:] if pkt[12:14] == b'\x08\x00' else None
    elif linktype == 113:    # Linux cooked v1
        ip = pkt[16:] if pkt[14:16] == b'\x08\x00' else None
    elif linktype == 276:    # Linux cooked v2
        ip = pkt[20:] if pkt[0:2] == b'\x08\x00' else None
    elif linktype in (101, 228):
        ip = pkt
    else:
        return None
    if not ip or ip[0] >> 4 != 4 or ip[9] != 17:
        return None
    ihl = (ip[0] & 15) * 4
    return ip[ihl + 8:]


def seqs(paths):
    out = []
    for p in paths:
        for lt, pkt in records(p):
            pl = udp_payload(lt, pkt)
            if pl is None or pl[:4] != b'TRWL':
                raise ValueError('%s: packet %d is not test traffic' % (p, len(out) + 1))
            seq = struct.unpack('>I', pl[4:8])[0]
            if pl != payload(seq, len(pl)):
                raise ValueError('%s: datagram %d damaged' % (p, seq))
            out.append(seq)
    return out


def main():
    cmd = sys.argv[1]
    try:
        if cmd == 'send':
            a = sys.argv[2:]
            send(a[0], int(a[1]), int(a[2]), int(a[3]) if len(a) > 3 else 64,
                 float(a[4]) if len(a) > 4 else 10.0, int(a[5]) if len(a) > 5 else 0)
        elif cmd in ('check', 'subseq'):
            sent = int(sys.argv[2])
            got = seqs(sys.argv[3:])
            if cmd == 'check' and got != list(range(sent)):
                missing = sorted(set(range(sent)) - set(got))
                sys.exit('%d packets, want %d; missing %d (first %s), out of order or repeated: %s' % (
                    len(got), sent, len(missing), missing[:5], len(got) != len(set(got))))
            if cmd == 'subseq' and (got != sorted(set(got)) or (got and got[-1] >= sent)):
                sys.exit('%d packets, not an ordered subset of the %d sent' % (len(got), sent))
            print('%d packets, all as sent' % len(got))
        elif cmd == 'count':
            print(sum(1 for _ in records(sys.argv[2])))
        else:
            sys.exit(__doc__)
    except ValueError as e:
        sys.exit(str(e))


main()
