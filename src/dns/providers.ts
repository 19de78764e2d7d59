/**
 * Mailbox providers recognised from MX host names. Informational only (report, HTML): a provider
 * never changes a verdict.
 *
 * Each entry lists host-name suffixes matched on a label boundary ("google.com" matches
 * "aspmx.l.google.com", not "notgoogle.com"). Entries are tried in order, so a specific suffix
 * must come before a more general one. The comment names the MX hosts the entry comes from.
 */
interface ProviderRule {
  readonly name: string;
  readonly suffixes: readonly string[];
}

const PROVIDERS: readonly ProviderRule[] = [
  // gmail.com itself: gmail-smtp-in.l.google.com and alt1..4.gmail-smtp-in.l.google.com
  { name: "Gmail", suffixes: ["gmail-smtp-in.l.google.com"] },
  // Workspace: aspmx.l.google.com, alt1.aspmx.l.google.com, aspmx2.googlemail.com; since 2023 also smtp.google.com
  { name: "Google Workspace", suffixes: ["google.com", "googlemail.com"] },
  // Consumer Outlook.com / Hotmail: outlook-com.olc.protection.outlook.com
  { name: "Outlook.com", suffixes: ["olc.protection.outlook.com"] },
  // Exchange Online: contoso-com.mail.protection.outlook.com; DNSSEC-era hosts contoso-com.l-v1.mx.microsoft
  { name: "Microsoft 365", suffixes: ["mail.protection.outlook.com", "mx.microsoft", "outlook.com"] },
  // Yandex 360 for business: mx.yandex.net; yandex.ru itself: mx.yandex.ru
  { name: "Yandex 360", suffixes: ["yandex.net", "yandex.ru"] },
  // Mail.ru for business (biz.mail.ru): emx.mail.ru
  { name: "Mail.ru for business", suffixes: ["emx.mail.ru"] },
  // mail.ru, bk.ru, list.ru, inbox.ru: mxs.mail.ru
  { name: "Mail.ru", suffixes: ["mail.ru"] },
  // Zoho Mail by data centre: mx.zoho.com, mx2.zoho.eu, mx.zoho.in, mx.zoho.com.au, mx.zoho.jp, mx.zohocloud.ca
  { name: "Zoho Mail", suffixes: ["zoho.com", "zoho.eu", "zoho.in", "zoho.com.au", "zoho.jp", "zohocloud.ca", "zoho.sa"] },
  // Proofpoint: mx0a-00123456.pphosted.com; Proofpoint Essentials: mx1-us1.ppe-hosted.com
  { name: "Proofpoint", suffixes: ["pphosted.com", "ppe-hosted.com"] },
  // Mimecast: us-smtp-inbound-1.mimecast.com, eu-smtp-inbound-1.mimecast.com, za: *.mimecast.co.za
  { name: "Mimecast", suffixes: ["mimecast.com", "mimecast.co.za", "mimecast-offshore.com"] },
  // Cisco Secure Email (IronPort cloud): mx1.hc1234-56.iphmx.com
  { name: "Cisco Secure Email", suffixes: ["iphmx.com"] },
  // Barracuda Email Security: d123456a.ess.barracudanetworks.com
  { name: "Barracuda", suffixes: ["barracudanetworks.com"] },
  // iCloud Mail and custom domains on iCloud+: mx01.mail.icloud.com, mx02.mail.icloud.com
  { name: "iCloud", suffixes: ["icloud.com"] },
  // Yahoo and AOL: mta5.am0.yahoodns.net, mx-aol.mail.gm0.yahoodns.net
  { name: "Yahoo", suffixes: ["yahoodns.net"] },
  // Fastmail: in1-smtp.messagingengine.com, in2-smtp.messagingengine.com
  { name: "Fastmail", suffixes: ["messagingengine.com"] },
  // Proton Mail: mail.protonmail.ch, mailsec.protonmail.ch
  { name: "Proton Mail", suffixes: ["protonmail.ch"] },
  // Tuta (Tutanota): mail.tutanota.de
  { name: "Tuta", suffixes: ["tutanota.de"] },
  // GMX: mx00.gmx.net, mx01.gmx.net
  { name: "GMX", suffixes: ["gmx.net"] },
  // WEB.DE: mx-ha02.web.de, mx-ha03.web.de
  { name: "WEB.DE", suffixes: ["web.de"] },
];

/** The provider of the best-priority MX host that is recognised, or null. */
export function providerFor(hosts: readonly { exchange: string; priority: number }[]): string | null {
  const ordered = [...hosts].sort((a, b) => a.priority - b.priority);
  for (const h of ordered) {
    const name = providerOfHost(h.exchange);
    if (name !== null) return name;
  }
  return null;
}

/** The provider running one MX host name, or null. */
export function providerOfHost(exchange: string): string | null {
  const host = exchange.toLowerCase().replace(/\.$/, "");
  for (const rule of PROVIDERS) {
    if (rule.suffixes.some((s) => host === s || host.endsWith(`.${s}`))) return rule.name;
  }
  return null;
}
