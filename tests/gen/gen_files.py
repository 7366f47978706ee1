#!/usr/bin/env python3
"""gen_files.py OUTDIR - captures of FTP data connections and SMTP messages
with attachments, for tests/session/files.sh, and OUTDIR/planted.json: for
each capture the files planted in it (name, sha256 and size of the bytes
the files API must see, whether complete) and the facts the events must
tell.  Deterministic: a seeded generator, fixed timestamps."""
import base64
import hashlib
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Pcap, ether, ipv4, ipv6, tcp  # noqa: E402

R = random.Random(20011007)
SYN, FIN, RST, PSH, ACK = 0x02, 0x01, 0x04, 0x08, 0x10


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


class Conv:
    """One TCP connection written to a Pcap: handshake, data in segments
    of at most mss bytes, segments left out (a gap), FIN or RST."""

    def __init__(self, cap, cli, cport, srv, sport):
        self.cap = cap
        self.a = [(cli, cport), (srv, sport)]
        self.seq = [R.getrandbits(32), R.getrandbits(32)]
        self.v6 = ':' in cli

    def _pkt(self, d, flags, payload=b''):
        (src, sp), (dst, dp) = self.a[d], self.a[1 - d]
        t = tcp(payload, sp, dp, seq=self.seq[d] & 0xffffffff, ack=self.seq[1 - d] & 0xffffffff,
                flags=flags, src=src, dst=dst)
        if self.v6:
            self.cap.add(ether(ipv6(t, 6, src, dst), 0x86dd))
        else:
            self.cap.add(ether(ipv4(t, 6, src, dst)))

    def open(self):
        self._pkt(0, SYN)
        self.seq[0] += 1
        self._pkt(1, SYN | ACK)
        self.seq[1] += 1
        self._pkt(0, ACK)
        return self

    def send(self, d, data, mss=1000, skip=()):
        """skip: indexes of segments not sent (their bytes never seen)."""
        if isinstance(data, str):
            data = data.encode()
        for i, o in enumerate(range(0, len(data), mss)):
            seg = data[o:o + mss]
            if i not in skip:
                self._pkt(d, PSH | ACK, seg)
            self.seq[d] += len(seg)

    def fin(self):
        for d in (0, 1):
            self._pkt(d, FIN | ACK)
            self.seq[d] += 1
        self._pkt(0, ACK)

    def rst(self, d):
        self._pkt(d, RST | ACK)


def sha(b):
    return hashlib.sha256(b).hexdigest()


def planted(name, data, complete=True, **kw):
    d = {'name': name, 'sha256': sha(data), 'size': len(data), 'complete': complete}
    d.update(kw)
    return d


def ftp_session(cap, cli, srv, cport, lines):
    """A control connection: lines are (dir, text) or callables run in
    place (the data connections, between the control's packets)."""
    c = Conv(cap, cli, cport, srv, 21).open()
    c.send(1, '220 test FTP server ready.\r\n')
    for item in lines:
        if callable(item):
            item()
        else:
            c.send(item[0], item[1])
    c.fin()


def gen_ftp(out):
    """One control connection, three transfers: PASV (a 227 reply naming a
    private address, the server being behind NAT) + RETR, EPSV + STOR, PASV
    + LIST."""
    cap = Pcap(os.path.join(out, 'ftp.pcap'), start=1700000000)
    cli, srv = '192.0.2.10', '198.51.100.21'
    retr, stor = rbytes(4321), rbytes(3000)
    listing = b'-rw-r--r-- 1 0 0 4321 Nov 14 2023 secret.tar\r\n' \
              b'drwxr-xr-x 2 0 0 4096 Nov 14 2023 pub\r\n'

    def data(port, d, payload, cport):
        def f():
            c = Conv(cap, cli, cport, srv, port).open()
            c.send(d, payload)
            c.fin()
        return f
    ftp_session(cap, cli, srv, 40000, [
        (0, 'USER alice\r\n'), (1, '331 Password required for alice.\r\n'),
        (0, 'PASS s3cret\r\n'), (1, '230 User alice logged in.\r\n'),
        (0, 'TYPE I\r\n'), (1, '200 Type set to I\r\n'),
        (0, 'PASV\r\n'), (1, '227 Entering Passive Mode (10,0,0,5,195,80).\r\n'),
        (0, 'RETR secret.tar\r\n'), (1, '150 Opening BINARY mode data connection for secret.tar\r\n'),
        data(195 * 256 + 80, 1, retr, 40001),
        (1, '226 Transfer complete.\r\n'),
        (0, 'EPSV\r\n'), (1, '229 Entering Extended Passive Mode (|||50123|)\r\n'),
        (0, 'STOR up.bin\r\n'), (1, '150 Ok to send data.\r\n'),
        data(50123, 0, stor, 40002),
        (1, '226 Transfer complete.\r\n'),
        (0, 'PASV\r\n'), (1, '227 Entering Passive Mode (198,51,100,21,200,1)\r\n'),
        (0, 'LIST\r\n'), (1, '150 Here comes the directory listing.\r\n'),
        data(200 * 256 + 1, 1, listing, 40003),
        (1, '226 Directory send OK.\r\n'),
        (0, 'QUIT\r\n'), (1, '221 Goodbye.\r\n'),
    ])
    cap.close()
    return [planted('secret.tar', retr, command='RETR', direction='to_client', user='alice', port=50000),
            planted('up.bin', stor, command='STOR', direction='to_server', user='alice', port=50123),
            planted('LIST', listing, command='LIST', direction='to_client', user='alice', port=51201)]


def gen_ftp_active(out):
    """Active mode: PORT (IPv4; the server connects from port 20) + RETR,
    and EPRT over IPv6 + STOR."""
    cap = Pcap(os.path.join(out, 'ftp-active.pcap'), start=1700001000)
    a, b = rbytes(2500), rbytes(1800)
    cli, srv = '192.0.2.20', '198.51.100.22'

    def active(c_addr, s_addr, port, d, payload):
        def f():
            c = Conv(cap, s_addr, 20, c_addr, port).open()  # the server connects
            c.send(d, payload)
            c.fin()
        return f
    ftp_session(cap, cli, srv, 41000, [
        (0, 'USER bob\r\n'), (1, '331 Password required.\r\n'),
        (0, 'PASS x\r\n'), (1, '230 Logged in.\r\n'),
        (0, 'PORT 192,0,2,20,195,81\r\n'), (1, '200 PORT command successful.\r\n'),
        (0, 'RETR a.bin\r\n'), (1, '150 Opening data connection.\r\n'),
        active(cli, srv, 195 * 256 + 81, 0, a),
        (1, '226 Transfer complete.\r\n'),
        (0, 'QUIT\r\n'), (1, '221 Bye.\r\n'),
    ])
    cli6, srv6 = '2001:db8::20', '2001:db8::22'
    ftp_session(cap, cli6, srv6, 41001, [
        (0, 'USER carol\r\n'), (1, '331 Password required.\r\n'),
        (0, 'PASS y\r\n'), (1, '230 Logged in.\r\n'),
        (0, 'EPRT |2|2001:db8::20|50555|\r\n'), (1, '200 EPRT command successful.\r\n'),
        (0, 'STOR b.bin\r\n'), (1, '150 Opening data connection.\r\n'),
        active(cli6, srv6, 50555, 1, b),
        (1, '226 Transfer complete.\r\n'),
        (0, 'QUIT\r\n'), (1, '221 Bye.\r\n'),
    ])
    cap.close()
    return [planted('a.bin', a, command='RETR', direction='to_client', user='bob', port=50001),
            planted('b.bin', b, command='STOR', direction='to_server', user='carol', port=50555)]


def gen_ftp_broken(out):
    """A RETR whose data connection misses a segment (a gap: the file is
    incomplete), and one reset midway (TRUNCATED)."""
    cap = Pcap(os.path.join(out, 'ftp-broken.pcap'), start=1700002000)
    cli, srv = '192.0.2.30', '198.51.100.23'
    g, r = rbytes(5000), rbytes(6000)

    def gap():
        c = Conv(cap, cli, 42001, srv, 50007).open()
        c.send(1, g, skip=(2,))  # bytes 2000-2999 never seen
        c.fin()

    def reset():
        c = Conv(cap, cli, 42002, srv, 50008).open()
        c.send(1, r[:3000])
        c.rst(1)
    ftp_session(cap, cli, srv, 42000, [
        (0, 'USER dave\r\n'), (1, '331 Password required.\r\n'),
        (0, 'PASS z\r\n'), (1, '230 Logged in.\r\n'),
        (0, 'PASV\r\n'), (1, '227 Entering Passive Mode (198,51,100,23,195,87)\r\n'),
        (0, 'RETR gap.bin\r\n'), (1, '150 Opening.\r\n'),
        gap, (1, '226 Transfer complete.\r\n'),
        (0, 'PASV\r\n'), (1, '227 Entering Passive Mode (198,51,100,23,195,88)\r\n'),
        (0, 'RETR reset.bin\r\n'), (1, '150 Opening.\r\n'),
        reset, (1, '426 Connection closed; transfer aborted.\r\n'),
        (0, 'QUIT\r\n'), (1, '221 Bye.\r\n'),
    ])
    cap.close()
    seen = g[:2000] + g[3000:]
    return [planted('gap.bin', seen, complete=False, gaps=True, command='RETR', direction='to_client',
                    user='dave', port=50007),
            planted('reset.bin', r[:3000], complete=False, gaps=False, command='RETR',
                    direction='to_client', user='dave', port=50008)]


def b64lines(b):
    s = base64.b64encode(b).decode()
    return ''.join(s[i:i + 76] + '\r\n' for i in range(0, len(s), 76))


def smtp_conv(cap, cport, messages):
    """One SMTP connection; each message (mail_from, rcpts, data) is sent
    with the data dot-stuffed and ended by '.'; data None: the connection
    ends inside DATA."""
    c = Conv(cap, '192.0.2.40', cport, '198.51.100.25', 25).open()
    c.send(1, '220 mx.example.net ESMTP\r\n')
    c.send(0, 'EHLO client.example.org\r\n')
    c.send(1, '250-mx.example.net\r\n250 8BITMIME\r\n')
    for frm, rcpts, body, end in messages:
        c.send(0, 'MAIL FROM:<%s>\r\n' % frm)
        c.send(1, '250 OK\r\n')
        for r in rcpts:
            c.send(0, 'RCPT TO:<%s>\r\n' % r)
            c.send(1, '250 OK\r\n')
        c.send(0, 'DATA\r\n')
        c.send(1, '354 go ahead\r\n')
        stuffed = ''.join(('.' + l if l.startswith('.') else l) + '\r\n'
                          for l in body.split('\r\n')[:-1])
        c.send(0, stuffed + ('.\r\n' if end else ''))
        if end:
            c.send(1, '250 queued\r\n')
        else:
            break
    else:
        c.send(0, 'QUIT\r\n')
        c.send(1, '221 bye\r\n')
    c.fin()


def headers(subject, extra=''):
    return ('From: Mallory <mallory@example.org>\r\n'
            'To: drop@example.com, "Eve, E." <eve@example.com>\r\n'
            'Subject: %s\r\n'
            'Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n'
            'Message-ID: <%s@example.org>\r\n'
            'X-Mailer: mutt 1.0\r\n'
            'MIME-Version: 1.0\r\n%s' % (subject, subject.replace(' ', '.'), extra))


def gen_smtp(out):
    cap = Pcap(os.path.join(out, 'smtp.pcap'), start=1700003000)
    files = []
    # 1. one base64 attachment; 2. two attachments, base64 and quoted-printable
    a1 = rbytes(3000)
    m1 = headers('one attachment', 'Content-Type: multipart/mixed; boundary="b1"\r\n') + '\r\n' + \
        'preamble\r\n--b1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n' + \
        '--b1\r\nContent-Type: application/octet-stream; name="ignored.bin"\r\n' + \
        'Content-Disposition: attachment; filename="data1.bin"\r\n' + \
        'Content-Transfer-Encoding: base64\r\n\r\n' + b64lines(a1) + '--b1--\r\nepilogue\r\n'
    files.append(planted('data1.bin', a1, subject='one attachment'))
    a2, a3 = rbytes(1234), 'caf\xe9 = 100%\r\nline two'.encode('latin-1')
    a3qp = 'caf=E9 =3D 100%\r\nline =\r\ntwo'
    m2 = headers('two attachments', 'Content-Type: multipart/mixed;\r\n\tboundary=BND2\r\n') + '\r\n' + \
        '--BND2\r\nContent-Type: text/plain\r\n\r\nhello\r\n' + \
        '--BND2\r\nContent-Type: image/png;\r\n name="pic.png"\r\nContent-Transfer-Encoding: BASE64\r\n\r\n' + \
        b64lines(a2) + '--BND2\r\n' + \
        'Content-Disposition: attachment; filename=notes.txt\r\n' + \
        'Content-Transfer-Encoding: quoted-printable\r\n\r\n' + a3qp + '\r\n--BND2--\r\n'
    files.append(planted('pic.png', a2, subject='two attachments'))
    files.append(planted('notes.txt', a3, subject='two attachments'))
    smtp_conv(cap, 43000, [('mallory@example.org', ['drop@example.com', 'eve@example.com'], m1, True),
                           ('mallory@example.org', ['drop@example.com'], m2, True)])
    # 3. nested multipart: mixed > (alternative > text, html), (mixed > attachment)
    a4 = rbytes(2000)
    m3 = headers('nested', 'Content-Type: multipart/mixed; boundary="outer"\r\n') + '\r\n' + \
        '--outer\r\nContent-Type: multipart/alternative; boundary="alt"\r\n\r\n' + \
        '--alt\r\nContent-Type: text/plain\r\n\r\nplain\r\n--alt\r\nContent-Type: text/html\r\n\r\n<b>x</b>\r\n--alt--\r\n' + \
        '--outer\r\nContent-Type: multipart/mixed; boundary="inner"\r\n\r\n' + \
        '--inner\r\nContent-Disposition: attachment; filename="deep.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + \
        b64lines(a4) + '--inner--\r\n--outer--\r\n'
    files.append(planted('deep.bin', a4, subject='nested'))
    # 4. bad base64: invalid bytes sprinkled in the lines (skipped, noted)
    a5 = rbytes(900)
    good = b64lines(a5).split('\r\n')
    bad = '\r\n'.join(l[:10] + '!*' + l[10:] if l else l for l in good)
    m4 = headers('bad base64', 'Content-Type: multipart/mixed; boundary="b4"\r\n') + '\r\n' + \
        '--b4\r\nContent-Disposition: attachment; filename="bad.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + \
        bad + '--b4--\r\n'
    files.append(planted('bad.bin', a5, subject='bad base64', anomaly='invalid_base64'))
    # 5. no final boundary: the message ends inside the attachment
    a6 = rbytes(600)
    m5 = headers('no final boundary', 'Content-Type: multipart/mixed; boundary="b5"\r\n') + '\r\n' + \
        '--b5\r\nContent-Disposition: attachment; filename="open.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + \
        b64lines(a6)
    files.append(planted('open.bin', a6, complete=False, subject='no final boundary',
                         anomaly='boundary_not_closed'))
    # 6. a text attachment with lines beginning with '.' (dot-stuffed on the wire)
    a7 = b'.hidden\r\n..two dots\r\nplain\r\n.'
    m6 = headers('dots', 'Content-Type: multipart/mixed; boundary="b6"\r\n') + '\r\n' + \
        '--b6\r\nContent-Disposition: attachment; filename="dots.txt"\r\n\r\n' + \
        a7.decode() + '\r\n--b6--\r\n'
    files.append(planted('dots.txt', a7, subject='dots'))
    smtp_conv(cap, 43001, [('m@example.org', ['x@example.com'], m3, True),
                           ('m@example.org', ['x@example.com'], m4, True),
                           ('m@example.org', ['x@example.com'], m5, True),
                           ('m@example.org', ['x@example.com'], m6, True)])
    # 7. the connection ends inside DATA (no '.'): TRUNCATED message and file
    a8 = rbytes(700)
    m7 = headers('cut', 'Content-Disposition: attachment; filename="cut.bin"\r\n'
                 'Content-Transfer-Encoding: base64\r\n') + '\r\n' + b64lines(a8)
    files.append(planted('cut.bin', a8, complete=False, subject='cut'))
    smtp_conv(cap, 43002, [('m@example.org', ['x@example.com'], m7, False)])
    cap.close()
    return files


def gen_smtp_hostile(out):
    """Bounds: 100 KB of headers, 300 parts, a base64 line longer than a
    line may be, a non-UTF-8 file name with quotes, a multipart without a
    boundary, multiparts nested deeper than kept.  Only what must hold is
    planted: the non-UTF-8 name's file, and the file after the huge header
    block."""
    cap = Pcap(os.path.join(out, 'smtp-hostile.pcap'), start=1700004000)
    files = []
    n1, long_bytes = rbytes(300), rbytes(6000)
    name = b'ev"il\\\xff\xfe\x01.bin'  # quotes, a backslash, invalid UTF-8, a control byte
    huge = ''.join('X-Junk-%d: %s\r\n' % (i, 'j' * 200) for i in range(500))
    m1 = headers('hostile one', 'Content-Type: multipart/mixed; boundary="h"\r\n') + '\r\n' + \
        '--h\r\nContent-Disposition: attachment; filename="' + \
        name.replace(b'\\', b'\\\\').replace(b'"', b'\\"').decode('latin-1') + '"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + \
        b64lines(n1) + '--h\r\n' + \
        'Content-Disposition: attachment; filename="long.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + \
        base64.b64encode(long_bytes).decode() + '\r\n' + \
        ''.join('--h\r\nContent-Type: text/plain\r\n\r\npart %d\r\n' % i for i in range(300)) + '--h--\r\n'
    files.append(planted(name.decode('latin-1'), n1, subject='hostile one'))
    files.append(planted('long.bin', long_bytes[:4096 // 4 * 3], complete=False, subject='hostile one',
                         anomaly='line_cut'))
    m2 = headers('hostile two', 'Content-Type: multipart/mixed\r\n' + huge +
                 'Content-Disposition: attachment; filename="dropped.bin"\r\n') + '\r\n' + 'no boundary\r\n'
    deep = ''.join('--d%d\r\nContent-Type: multipart/mixed; boundary="d%d"\r\n\r\n' % (i, i + 1) for i in range(8))
    m3 = headers('hostile three', 'Content-Type: multipart/mixed; boundary="d0"\r\n') + '\r\n' + deep + \
        '--d8\r\nContent-Disposition: attachment; filename="tooDeep.bin"\r\n\r\nx\r\n'
    smtp_conv(cap, 44000, [('m@example.org', ['x@example.com'], m, True) for m in (m1, m2, m3)])
    cap.close()
    return files


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = {'ftp.pcap': gen_ftp(out), 'ftp-active.pcap': gen_ftp_active(out),
         'ftp-broken.pcap': gen_ftp_broken(out), 'smtp.pcap': gen_smtp(out),
         'smtp-hostile.pcap': gen_smtp_hostile(out)}
    with open(os.path.join(out, 'planted.json'), 'w') as f:
        json.dump(p, f, indent=1)


if __name__ == '__main__':
    main()
