#!/usr/bin/env python3
"""gen_wifi - golden captures for IEEE 802.11 and IEEE 802.15.4:
wifi_80211 (DLT_IEEE802_11): management frames with elements (SSID,
rates, DS, TIM, challenge), every control frame, data frames in each
DS direction carrying LLC/SNAP and IP, a protected frame, QoS data with a
mesh control field, unknown types; wifi_radiotap (DLT_IEEE802_11_RADIO):
every field tcpdump 4.99.3 prints, extended presence words, a vendor
namespace, the FCS and padding flags; wifi_prism and wifi_avs; the
_trunc variants cut every frame short.  wpan (DLT_IEEE802_15_4_WITHFCS):
each frame type and addressing mode, FCS right and wrong, the auxiliary
security header, beacons with GTS and pending addresses, MAC commands;
wpan_trunc cuts them.
Usage: python3 gen_wifi.py OUTDIR.  Deterministic."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ipv4, mac, udp  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
A1, A2, A3, A4 = (mac('00:11:22:33:44:0%d' % i) for i in range(1, 5))


def mgmt(st, body, flags=0):
    return struct.pack('<HH', (st << 4) | (flags << 8), 0x013a) + A1 + A2 + A3 + b'\x10\x00' + body


def ctrl(st, rest, flags=0, dur=0x00c8):
    return struct.pack('<HH', (1 << 2) | (st << 4) | (flags << 8), dur) + rest


def data(st, flags, body, qos=False):
    h = struct.pack('<HH', (2 << 2) | (st << 4) | (flags << 8), 0x002c) + A1 + A2 + A3 + b'\x20\x00'
    if flags & 3 == 3:
        h += A4
    if qos:
        h += b'\x00\x00'
    return h + body


def ie(i, v):
    return bytes([i, len(v)]) + v


SSID = ie(0, b'trawl-lab')
RATES = ie(1, bytes([0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24]))
DS = ie(3, b'\x06')
TIM = ie(5, b'\x00\x01\x00\x00')
FIX = struct.pack('<QHH', 0x1122334455, 100, 0x0431)   # timestamp, interval, ESS|PRIVACY
snap_ip = b'\xaa\xaa\x03\x00\x00\x00\x08\x00' + ipv4(udp(b'hello', 5000, 53), 17)

frames = [
    mgmt(8, FIX + SSID + RATES + DS + TIM + ie(221, b'\x00\x50\xf2\x02')),
    mgmt(8, struct.pack('<QHH', 1, 100, 0x0002) + ie(0, b'') + RATES + DS),
    mgmt(5, FIX + SSID + RATES + DS),
    mgmt(4, SSID + RATES + ie(50, b'\x30\x48')),
    mgmt(0, struct.pack('<HH', 0x0431, 10) + SSID + RATES),
    mgmt(1, struct.pack('<HHH', 0x0431, 0, 0xc001) + RATES),
    mgmt(1, struct.pack('<HHH', 0x0001, 17, 0xc002)),
    mgmt(2, struct.pack('<HH', 0x0001, 10) + A3 + SSID),
    mgmt(3, struct.pack('<HHH', 0x0011, 300, 0xc003)),
    mgmt(9, b''),
    mgmt(10, struct.pack('<H', 8)),
    mgmt(11, struct.pack('<HHH', 0, 1, 0)),
    mgmt(11, struct.pack('<HHH', 1, 2, 0) + ie(16, b'challenge-text')),
    mgmt(11, struct.pack('<HHH', 1, 3, 15)),
    mgmt(12, struct.pack('<H', 3)),
    mgmt(12, struct.pack('<H', 200)),
    mgmt(13, b'\x03\x00'), mgmt(13, b'\x07\x01'), mgmt(13, b'\x0d\x01'),
    mgmt(13, b'\x0f\x02'), mgmt(13, b'\x0e\x00'), mgmt(13, b'\x7f\x05'),
    mgmt(13, b'\x20\x01'),
    mgmt(6, b'\x00'),
    mgmt(8, b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b', flags=0x40),
    ctrl(7, A1 + b'\x00\x00' + b'\x00' * 4),
    ctrl(8, A1 + A2 + struct.pack('<HH', 5, 0x1230)),
    ctrl(9, A1 + A2 + b'\x00' * 4),
    ctrl(10, A3 + A2, dur=0xc005),
    ctrl(11, A1 + A2), ctrl(12, A1), ctrl(13, A1, flags=0x08),
    ctrl(14, A1 + A3), ctrl(15, A1 + A3), ctrl(3, A1),
    data(0, 0x00, snap_ip), data(0, 0x01, snap_ip), data(0, 0x02, snap_ip),
    data(0, 0x03, snap_ip), data(8, 0x01, snap_ip, qos=True),
    data(0, 0x01, b'\xaa\xaa\x03\x00\x00\x00\x88\x8e\x01\x03\x00\x04\x01\x02\x00\x04'),
    data(0, 0x01, b'\x42\x42\x03' + b'\x00' * 8),
    data(4, 0x11, b''), data(12, 0x01, b'', qos=True),
    data(1, 0x01, snap_ip), data(2, 0x00, snap_ip), data(3, 0x00, snap_ip),
    data(0, 0x41, b'\x01\x02\x03\x20\x00\x00\x00\x00' + b'\x55' * 12),
    data(8, 0x3d, snap_ip, qos=True),
    struct.pack('<HH', 0x0c, 0) + b'\x00' * 20,
]
mesh = data(8, 0x03, b'\x02\x05\x01\x00\x00\x00' + A1 + A2 + A3 + snap_ip, qos=True)
mesh1 = data(8, 0x02, b'\x01\x20\x02\x00\x00\x00' + A4 + snap_ip, qos=True)


def radiotap(fields_present, body, words=None):
    present = words if words is not None else [fields_present]
    h = b''.join(struct.pack('<I', w) for w in present)
    hdr = b'\x00\x00' + struct.pack('<H', 4 + len(h) + len(body)) + h + body
    return hdr


def rt(present_words, fields, frame):
    """fields: the field bytes laid out after the presence words
    (alignment padding included by the caller)."""
    h = b''.join(struct.pack('<I', w) for w in present_words)
    return b'\x00\x00' + struct.pack('<H', 4 + len(h) + len(fields)) + h + fields + frame


ack = ctrl(13, A1)
beacon = frames[0]
qosdata = data(8, 0x01, snap_ip, qos=True)
rframes = [
    # TSFT flags rate channel dBm signal/noise antenna (bits 0,1,2,3,5,6,11)
    rt([0x0000086f], struct.pack('<QBBHHbbB', 123456789, 0x02, 0x0c, 2412, 0x00a0, -42, -90, 1) + b'\x00', beacon),
    rt([0x0000086f], struct.pack('<QBBHHbbB', 5, 0x0f, 0x6c, 5180, 0x0140, -60, -95, 0) + b'\x00', ack),
    rt([0x0000000e], struct.pack('<BBHH', 0x40, 0x16, 2437, 0x00c0), ack),
    rt([0x0000000c], struct.pack('<BxHH', 0x85, 2462, 0x0480), ack),
    rt([0x0000000c], struct.pack('<BxHH', 0x02, 2412, 0x0880 | 0x4000), ack),
    rt([0x0000000c], struct.pack('<BxHH', 0x02, 5200, 0x0150 | 0x8000), ack),
    rt([0x00040000], struct.pack('<IHBB', 0x0140 | 0x10000, 5180, 36, 20), ack),
    rt([0x00040000], struct.pack('<IHBB', 0x00c0 | 0x20000, 2422, 3, 20), ack),
    rt([0x00040000], struct.pack('<IHBB', 0x0480 | 0x40000 | 0x4000, 2432, 5, 20), ack),
    rt([0x00040008], struct.pack('<HHIHBB', 2412, 0x00a0, 0x00c0, 2437, 6, 20), ack),
    # FHSS, lock quality, tx attenuation, dB tx attenuation, dBm tx power
    rt([0x00000790], struct.pack('<BBHHHb', 3, 7, 40, 5, 3, 17), ack),
    # dB signal/noise, rx flags
    rt([0x00007000], struct.pack('<BBH', 30, 5, 0), ack),
    # xchannel + MCS + AMPDU
    rt([0x001c0000], struct.pack('<IHBBBBBxIHBB', 0x00c0 | 0x10000, 2412, 1, 20, 0x3f, 0x15, 7, 9, 0, 0, 0), qosdata),
    rt([0x00080000], struct.pack('<BBB', 0x07, 0x01, 76), qosdata),
    rt([0x00080000], struct.pack('<BBB', 0x02, 0x00, 90), qosdata),
    rt([0x00080000], struct.pack('<BBB', 0x3b, 0x6a, 3), qosdata),
    # VHT
    rt([0x00200000], struct.pack('<HBBBBBBBBH', 0x0044, 0x04, 4, 0x92, 0x00, 0x31, 0x00, 0x05, 0, 0), qosdata),
    rt([0x00200000], struct.pack('<HBBBBBBBBH', 0x0040, 0x00, 21, 0x11, 0x00, 0x00, 0x00, 0x00, 0, 0), qosdata),
    # extended presence: second word in the radiotap namespace, unknown bit
    rt([0x80000002, 0x00000001], struct.pack('<B', 0x00) + b'\x00\x00\x00', ack),
    rt([0x80000802, 0x00000020], struct.pack('<BB', 0x00, 2) + b'\x00\x00', ack),
    # a vendor namespace that is skipped, then back to radiotap
    rt([0xc0000002, 0xa0000000, 0x00000800], struct.pack('<Bx', 0x02) + b'\x00\x11\x22\x01' + struct.pack('<H', 4) + b'\xde\xad\xbe\xef' + b'\x03', ack),
    # bit 15 (tx flags): unknown size, stops the header
    rt([0x00008802], struct.pack('<BxHB', 0, 0, 1) + b'\x00', ack),
    # FCS present (flags 0x10), data padding (0x20)
    rt([0x00000002], b'\x10', ack + b'\x11\x22\x33\x44'),
    rt([0x00000002], b'\x30\x00\x00\x00', data(0, 0x01, b'', qos=True)[:26] + b'\x00\x00' + snap_ip),
    # bad-fcs, cfp
    rt([0x00000002], b'\x41', ack),
    # header length below 8, presence words past the length
    b'\x00\x00\x06\x00\x00\x00\x00\x00' + ack,
    b'\x00\x00\x08\x00\x00\x00\x00\x80' + ack,
    # a field cut by the header's length
    rt([0x00000001], b'\x00\x00\x00\x00', ack),
]


def avs(frame):
    return struct.pack('>II', 0x80211001, 64) + b'\x00' * 56 + frame


def prism(frame):
    return struct.pack('<II', 0x41, 144) + b'wlan0'.ljust(16, b'\x00') + b'\x00' * 120 + frame


def write(name, link, pkts, cut=None):
    p = Pcap(os.path.join(OUT, name + '.pcap'), linktype=link)
    for f in pkts:
        p.add(f, caplen=None if cut is None else cut(f))
    p.close()


os.makedirs(OUT, exist_ok=True)
write('wifi_80211', 105, frames + [mesh, mesh1])
write('wifi_80211_trunc', 105, frames + [mesh, mesh1], cut=lambda f: max(1, len(f) * 2 // 3))
write('wifi_80211_hdr', 105, frames + [mesh, mesh1], cut=lambda f: min(len(f), 20))
write('wifi_radiotap', 127, rframes)
write('wifi_radiotap_trunc', 127, rframes, cut=lambda f: max(1, len(f) - 30))
write('wifi_radiotap_short', 127, rframes, cut=lambda f: min(len(f), 14))
write('wifi_prism', 119, [prism(f) for f in frames[:6]] + [avs(frames[0]), b'\x00\x00\x00\x41' + b'\x00' * 20])
write('wifi_avs', 163, [avs(f) for f in frames[:6]] + [struct.pack('>II', 0x80211001, 4) + b'\x00' * 8])


def kermit(d):
    c = 0
    for b in d:
        c ^= b
        for _ in range(8):
            c = (c >> 1) ^ 0x8408 if c & 1 else c >> 1
    return c


def crc32r(d):
    c = 0
    for b in d:
        c ^= b
        for _ in range(8):
            c = (c >> 1) ^ 0xedb88320 if c & 1 else c >> 1
    return c


def wpan(ft, seq=0x42, ver=0, dm=2, sm=2, comp=True, sec=False, pend=False, ar=False, fcs=True, body=b'',
         addrs=None, crc4=False):
    fc = ft | (sec << 3) | (pend << 4) | (ar << 5) | (comp << 6) | (dm << 10) | (ver << 12) | (sm << 14)
    h = struct.pack('<HB', fc, seq)
    if addrs is None:
        addrs = bytes.fromhex('cdab3412') + (bytes.fromhex('3412') if not comp else b'') + bytes(range(1, 9))
    f = h + addrs + body
    if fcs:
        f += struct.pack('<I', crc32r(f)) if crc4 else struct.pack('<H', kermit(f))
    return f


short = bytes.fromhex('cdab3412') + bytes.fromhex('7856')
longs = bytes.fromhex('cdab') + bytes(range(1, 9)) + bytes(range(0x11, 0x19))
ss = struct.pack('<H', 15 | (3 << 4) | (5 << 8) | (1 << 12) | (1 << 14) | (1 << 15))
wframes = [
    wpan(1, body=b'hello, wpan'),
    wpan(1, body=b'hello, wpan', crc4=True),
    wpan(1, body=b'hello, wpan', fcs=False),
    wpan(1, ver=1, ar=True, pend=True, body=b'x' * 20),
    wpan(2, dm=0, sm=0, comp=False, addrs=b''),
    wpan(1, dm=3, sm=3, comp=False, addrs=longs[:2] + longs[2:10] + b'\xef\xbe' + longs[10:]),
    wpan(1, dm=3, sm=3, comp=True, addrs=longs),
    wpan(1, ver=2, dm=2, sm=3, comp=False, addrs=bytes.fromhex('cdab3412') + bytes(range(1, 9)), body=b'v2'),
    wpan(1, ver=2, dm=3, sm=2, comp=False, addrs=longs[:10] + b'\xef\xbe' + b'\x34\x12', body=b'v2'),
    wpan(1, ver=2, dm=0, sm=0, comp=True, addrs=b'\xcd\xab', body=b'v2'),
    wpan(1, dm=0, sm=2, comp=True, addrs=b'\x34\x12', body=b'err'),
    wpan(1, dm=1, sm=2),
    wpan(1, dm=2, sm=1),
    wpan(0, comp=False, addrs=short, body=ss + b'\x82\x01\x34\x12\x25\x78\x56\x13\x21\x11\x11' + bytes(range(8))
         + bytes(range(0x20, 0x28)) + b'beacon payload'),
    wpan(0, comp=False, addrs=short, body=ss + b'\x00\x00payload'),
    wpan(0, ver=2, comp=False, addrs=short, body=b'v2 beacon'),
]
for cid, d in ((1, b'\x8e'), (1, b'\x51'), (2, b'\x34\x12\x00'), (2, b'\x34\x12\x80'), (2, b'\x34\x12\x07'),
               (3, b'\x01'), (3, b'\x02'), (3, b'\x00'), (4, b''), (4, b'xyz'), (7, b''),
               (8, b'\xcd\xab\x34\x12\x0b\x78\x56'), (8, b'\xcd\xab\x34\x12\x0b\x78\x56\x02'),
               (9, b'\x35'), (9, b'\x03'), (1, b''), (2, b'\x01'), (9, b'\x01\x02'), (0x13, b'\x01\x02\x03'),
               (0x24, b''), (0x40, b'\xff')):
    wframes.append(wpan(3, body=bytes([cid]) + d))
for kim in range(4):
    for lvl in (0, 1, 6):
        wframes.append(wpan(1, ver=1, sec=True, body=bytes([lvl | (kim << 3)]) + struct.pack('<I', 0x01020304)
                            + bytes(range(0xa0, 0xa9)) + b'secured payload, MIC at the end'))
write('wpan', 195, wframes)
write('wpan_nofcs', 230, wframes[:6])
write('wpan_trunc', 195, wframes, cut=lambda f: max(1, len(f) * 2 // 3))
write('wpan_hdr', 195, wframes, cut=lambda f: min(len(f), 9))
write('wpan_tap', 283, [struct.pack('<BBH', 0, 0, 4) + f for f in wframes[:4]] + [b'\x01\x00\x04\x00' + wframes[0], b'\x00\x00\x40\x00' + wframes[0]])
