import { quotedTxt, reverseName, type DkimTestKeys } from "./sender-keys.js";

/**
 * The sender-audit test zone (format: dns-zone.ts). Addresses in 93.184.0.0/16 are globally
 * routable, so MX hosts count as usable; nothing here is ever asked of public DNS.
 */
export function senderZone(keys: DkimTestKeys): string {
  const chain = Array.from({ length: 11 }, (_, i) => `c${i + 1}.chain.test`);
  const nine = Array.from({ length: 9 }, (_, i) => `n${i + 1}.chain.test`);
  return `
# ---- good.test: every check passes
good.test MX 10 mx.good.test
mx.good.test A 93.184.215.10
good.test TXT "v=spf1 ip4:93.184.216.0/24 include:_spf.esp.test -all"
good.test TXT "google-site-verification=abc"
_spf.esp.test TXT "v=spf1 ip4:93.184.217.0/24 ip6:2606:4700:10::/48 -all"
_dmarc.good.test TXT "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
s2048._domainkey.good.test TXT ${quotedTxt(`v=DKIM1; k=rsa; p=${keys.rsa2048}`)}
google._domainkey.good.test TXT ${quotedTxt(`v=DKIM1; k=rsa; p=${keys.rsa2048}`)}
${reverseName("93.184.216.5")} PTR mail.good.test
mail.good.test A 93.184.216.5

# ---- MX
gw.test MX 1 aspmx.l.google.com
gw.test MX 5 alt1.aspmx.l.google.com
aspmx.l.google.com A 142.250.1.26
alt1.aspmx.l.google.com A 142.250.2.26
nullmx.test MX 0 .
implicit.test A 93.184.215.40
nomail.test TXT "hello"
dangling.test MX 10 gone.dangling.test
partial.test MX 10 localhost
partial.test MX 20 mx.good.test
privmx.test MX 10 in.privmx.test
in.privmx.test A 10.0.0.5
mxdrop.test FAULT drop MX

# ---- SPF
multi.test TXT "v=spf1 -all"
multi.test TXT "v=spf1 ip4:93.184.216.1 -all"
nospf.test TXT "google-site-verification=xyz"
syntax.test TXT "v=spf1 ip4:300.1.1.1 foo -all"
chain.test TXT "v=spf1 ${chain.map((c) => `include:${c}`).join(" ")} -all"
${chain.map((c, i) => `${c} TXT "v=spf1 ip4:93.184.230.${i + 1} -all"`).join("\n")}
nine.test TXT "v=spf1 ${nine.map((c) => `include:${c}`).join(" ")} -all"
${nine.map((c, i) => `${c} TXT "v=spf1 ip4:93.184.231.${i + 1} -all"`).join("\n")}
loop.test TXT "v=spf1 include:loop2.test -all"
loop2.test TXT "v=spf1 include:loop.test -all"
redirect.test TXT "v=spf1 redirect=_spf.esp.test"
voids.test TXT "v=spf1 a:gone1.voids.test a:gone2.voids.test a:gone3.voids.test -all"
voids.test A 93.184.232.1
incmissing.test TXT "v=spf1 include:nothing-here.test -all"
plusall.test TXT "v=spf1 +all"
neutral.test TXT "v=spf1 ?all"
noall.test TXT "v=spf1 ip4:93.184.216.0/24"
ptr.test TXT "v=spf1 ptr -all"
amx.test TXT "v=spf1 a mx -all"
amx.test A 93.184.218.1
amx.test MX 10 mx.amx.test
mx.amx.test A 93.184.218.2
cidr.test TXT "v=spf1 a:host.cidr.test/24 -all"
host.cidr.test A 93.184.219.1
exists.test TXT "v=spf1 exists:%{i}._spf.exists.test -all"
93.184.220.7._spf.exists.test A 127.0.0.2
soft.test TXT "v=spf1 ip4:93.184.216.0/24 ~all"
spfdrop.test FAULT drop TXT
incdrop.test TXT "v=spf1 include:dropped.test -all"
dropped.test FAULT drop TXT

# ---- DMARC
_dmarc.monitor.test TXT "v=DMARC1; p=none; rua=mailto:d@monitor.test"
monitor.test MX 10 mx.good.test
monitor.test TXT "v=spf1 mx -all"
_dmarc.org.test TXT "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@org.test"
sub.org.test A 93.184.215.50
twodmarc.test A 93.184.215.51
_dmarc.twodmarc.test TXT "v=DMARC1; p=reject"
_dmarc.twodmarc.test TXT "v=DMARC1; p=none"
_dmarc.badp.test TXT "v=DMARC1; p=block"
_dmarc.badp2.test TXT "v=DMARC1; p=block; rua=mailto:d@badp2.test"
_dmarc.pct.test TXT "v=DMARC1; p=quarantine; pct=20; rua=mailto:d@pct.test"
_dmarc.ext.test TXT "v=DMARC1; p=reject; rua=mailto:r@reports.test"
_dmarc.extok.test TXT "v=DMARC1; p=reject; rua=mailto:r@reports.test"
extok.test._report._dmarc.reports.test TXT "v=DMARC1"
_dmarc.dmarcdrop.test FAULT drop TXT
_dmarc.strict.test TXT "v=DMARC1; p=reject; adkim=s; aspf=s; rua=mailto:d@strict.test; foo=bar"

# ---- DKIM
s1024._domainkey.good.test TXT ${quotedTxt(`v=DKIM1; k=rsa; p=${keys.rsa1024}`)}
s512._domainkey.good.test TXT "v=DKIM1; k=rsa; p=${keys.rsa512}"
ed._domainkey.good.test TXT "v=DKIM1; k=ed25519; p=${keys.ed25519}"
pkcs1._domainkey.good.test TXT ${quotedTxt(`v=DKIM1; p=${keys.rsa2048Pkcs1}`)}
revoked._domainkey.good.test TXT "v=DKIM1; k=rsa; p="
testing._domainkey.good.test TXT ${quotedTxt(`v=DKIM1; t=y; k=rsa; p=${keys.rsa2048}`)}
garbled._domainkey.good.test TXT "v=DKIM1; k=rsa; p=not*base64"
notakey._domainkey.good.test TXT "hello world"
dsa._domainkey.good.test TXT "v=DKIM1; k=dsa; p=AAAA"
cname._domainkey.good.test CNAME s2048._domainkey.good.test
slowsel._domainkey.good.test FAULT drop TXT

# ---- PTR
${reverseName("93.184.216.7")} PTR other.test
other.test A 93.184.216.99
${reverseName("93.184.216.8")} PTR 93-184-216-8.dynamic.isp.test
93-184-216-8.dynamic.isp.test A 93.184.216.8
${reverseName("2606:4700:10::5")} PTR mail6.good.test
mail6.good.test AAAA 2606:4700:10::5
${reverseName("93.184.216.9")} FAULT drop
`;
}
