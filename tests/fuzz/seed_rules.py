#!/usr/bin/env python3
"""Seeds for fuzz_rules: rule files made here, covering every keyword the
parser knows (and some it skips), plus, when ../shared/rules/et-open is
there, a few hundred of its enabled rules.
    seed_rules.py CORPUS_DIR"""
import os
import random
import sys

HDR = 'alert tcp $HOME_NET any -> $EXTERNAL_NET $HTTP_PORTS'
RULES = [
    'var MY_NET [10.0.0.0/8,!10.1.0.0/16]\nportvar MY_PORTS [80,8000:8100,!8050]\n'
    'alert tcp $MY_NET $MY_PORTS -> ![$MY_NET,192.168.0.0/16] !$MY_PORTS (msg:"vars"; sid:1;)',
    'cli HOME_NET [192.168.0.0/16,fe80::/10]\nvar HOME_NET any\n'
    'alert ip $HOME_NET any <> [1.2.3.4-1.2.3.9,::1,2001:db8::/32,10.0.0.0/255.0.0.0] [:1023,60000:] (msg:"cli"; sid:2;)',
    HDR + ' (msg:"content \\"quoted\\" \\; x"; content:"GET |20 2f|"; depth:5; offset:0; nocase; content:!"x|3b|y"; distance:0; within:20; fast_pattern; sid:3; rev:2; gid:1;)',
    HDR + ' (msg:"fp"; content:"abcdef"; fast_pattern:1,3; content:"zz"; fast_pattern:only; rawbytes; startswith; endswith; sid:4;)',
    'alert http any any -> any any (msg:"sticky"; flow:established,to_server; http.method; content:"POST"; http.uri; content:"/a"; bsize:10<>20; http.uri.raw; content:"%2f"; http.host; content:"x.com"; endswith; http.host.raw; content:"X"; http.user_agent; content:"curl"; http.header; content:"A|3a|"; http.header.raw; content:"B"; http.header_names; content:"|0d 0a|Host"; http.cookie; content:"c="; http.referer; content:"r"; http.content_type; content:"json"; http.content_len; byte_test:0,=,0,0,string,dec; http.accept; content:"a"; http.accept_lang; content:"en"; http.accept_enc; content:"gzip"; http.connection; content:"close"; http.start; content:"GET"; http.request_line; content:"HTTP"; http.request_body; content:"body"; http.protocol; content:"1.1"; pkt_data; content:"raw"; sid:5;)',
    'alert http any any -> any any (msg:"resp"; flow:established,to_client; http.stat_code; content:"200"; http.stat_msg; content:"OK"; http.response_line; content:"HTTP/1.1"; http.server; content:"nginx"; http.location; content:"/x"; http.header; content:"Set"; http.cookie; content:"s"; http.content_type; content:"html"; http.start; content:"H"; file.data; content:"<html"; http.response_body; content:"b"; file_data; content:"c"; sid:6;)',
    HDR + ' (msg:"old"; content:"GET"; http_method; content:"/u"; http_uri; content:"/r"; http_raw_uri; content:"h"; http_header; content:"H"; http_raw_header; content:"c"; http_cookie; content:"ua"; http_user_agent; content:"ho"; http_host; content:"HO"; http_raw_host; content:"cb"; http_client_body; content:"sb"; http_server_body; content:"200"; http_stat_code; content:"OK"; http_stat_msg; uricontent:"/x"; urilen:>5; sid:7;)',
    'alert dns any any -> any any (msg:"dns"; dns.query; content:"evil"; dns_query; content:".com"; endswith; threshold:type limit, track by_src, count 1, seconds 60; sid:8;)',
    'alert tls any any -> any any (msg:"tls"; tls.sni; content:"x"; tls_sni; content:"y"; tls.cert_subject; content:"CN="; tls.cert_issuer; content:"O="; tls.cert_serial; content:"0A"; tls.cert_fingerprint; content:"aa:"; tls_cert_subject; content:"z"; tls.version:1.2; sid:9;)',
    HDR + ' (msg:"pcre"; content:"a"; pcre:"/^b[0-9]+\\x3b/Rsmi"; pcre:!"/c/UIPHDMCSYVWZQBOGEAx"; sid:10;)',
    HDR + ' (msg:"bytes"; content:"|00 01|"; byte_extract:2,0,len,relative,little; byte_extract:4,2,off,string,hex; byte_test:2,>,len,0,relative,big; byte_test:4,!&,0x80000000,off,relative; byte_test:1,=,2147483648,0,bitmask 0xff; byte_jump:2,0,relative,multiplier 2,post_offset -4,align,little; byte_jump:4,len,from_beginning,dce; byte_jump:2,1,from_end,string,dec; isdataat:!len,relative; isdataat:10; content:"x"; distance:len; within:off; sid:11;)',
    'alert icmp any any -> any any (msg:"icmp"; itype:8; icode:>0; icmp_id:1; icmp_seq:2; dsize:10<>40; ttl:<64; tos:!8; id:0; sid:12;)',
    'alert ip any any -> any any (msg:"ip"; ip_proto:gre; ipopts:lsrr; fragbits:M+; sameip; sid:13;)',
    HDR + ' (msg:"tcp"; flags:S,12; seq:0; ack:1; window:!1024; flow:stateless; detection_filter:track by_dst, count 5, seconds 10; sid:14;)',
    HDR + ' (msg:"flowbits"; flowbits:isset,a&b; flowbits:isnotset,c|d; flowbits:set,e; flowbits:unset,f; flowbits:toggle,g; flowbits:noalert; noalert; sid:15;)',
    'alert tcp-pkt any any -> any any (msg:"pkt"; flags:*SA; ipopts:any; ttl:10-20; ip_proto:!6; fragbits:!D; sid:16;)',
    'drop udp any any -> any 53 (msg:"drop"; dsize:>100; threshold:type both,track by_both,count 2,seconds 1; sid:17;)',
    'reject tcp any any -> any any (msg:"reject"; flow:to_client,only_stream; content:"x"; classtype:trojan-activity; priority:1; reference:url,x; metadata:a b, c d; target:src_ip; tag:session,10,packets; sid:18;)',
    'alert smb any any -> any any (msg:"skipped protocol"; sid:19;)',
    'alert dns any any -> any any (msg:"skipped kw"; dns.query; dotprefix; content:".x"; sid:20;)',
    'alert tcp any any -> any any (msg:"frag"; flow:only_frag; sid:21;)',
    'alert tcp any any -> any any (msg:"no sid";)',
    'alert tcp any any -> any any (msg:"bad"; nocase; sid:22;)',
    'alert tcp !any any -> any any (msg:"!any"; sid:23;)',
    'alert tcp $UNDEFINED any -> any any (msg:"undef"; sid:24;)',
    'alert tcp any any -> any any (msg:"bad pcre"; pcre:"/(/"; sid:25;)',
    'alert ftp any any -> any any (msg:"ftp"; content:"USER"; sid:26;)\n'
    'alert ftp-data any any -> any any (msg:"ftpd"; content:"MZ"; sid:27;)\n'
    'alert smtp any any -> any any (msg:"smtp"; flow:to_server; file.data; content:"x"; sid:28;)',
    'pass tcp [1.1.1.1,[2.2.2.2,![3.3.3.3,!3.3.3.4]]] [1:10,!5] -> any any (msg:"nested"; sid:29;)\n'
    'log tcp any any -> any any (msg:"log"; sid:30;)\nsdrop tcp any any -> any any (msg:"s"; sid:31;)\n'
    'rejectsrc tcp any any -> any any (msg:"r"; sid:32;)\nrejectdst tcp any any -> any any (msg:"r"; sid:33;)\n'
    'rejectboth tcp any any -> any any (msg:"r"; sid:34;)',
    'alert tcp any any -> any any (msg:"bsize"; content:"a"; bsize:<=5; bsize:>=1; bsize:!3; bsize:0<>9; urilen:1<>5,raw; urilen:3,norm; sid:35;)',
]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for i, r in enumerate(RULES):
        with open(os.path.join(out, 'made-%03d' % i), 'w') as f:
            f.write(r + '\n')
    with open(os.path.join(out, 'made-all'), 'w') as f:
        f.write('\n'.join(RULES) + '\n')
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    et = os.path.join(root, '..', 'shared', 'rules', 'et-open')
    if not os.path.isdir(et):
        return
    lines = []
    for name in sorted(os.listdir(et)):
        if not name.endswith('.rules'):
            continue
        with open(os.path.join(et, name), errors='replace') as f:
            lines += [l for l in f if l.strip() and not l.lstrip().startswith('#')]
    rnd = random.Random(1)
    pick = rnd.sample(lines, min(400, len(lines)))
    for i in range(0, len(pick), 4):
        with open(os.path.join(out, 'et-%03d' % (i // 4)), 'w') as f:
            f.writelines(pick[i:i + 4])


if __name__ == '__main__':
    main()
