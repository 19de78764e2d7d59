#!/usr/bin/env node
// Regenerates examples/subscribers.csv and examples/demo-zone.txt: a realistic, messy CRM export
// and the DNS answers the demo serves for its domains. Deterministic (seeded), so the files only
// change when this script does.
import { writeFileSync } from "node:fs";

let seed = 20261204;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];

const first = ["Ivan", "Maria", "John", "Anna", "Peter", "Olga", "Liam", "Emma", "Dmitry", "Sofia", "Lukas", "Chloé", "Marco", "Aiko", "Wei", "Ana", "Jan", "Zofia", "Pierre", "Elena", "Noah", "Mia", "Sergey", "Yulia", "Tom"];
const last = ["Petrov", "Ivanova", "Smith", "Müller", "Rossi", "Kowalski", "Dubois", "Tanaka", "Wang", "Silva", "Novak", "Garcia", "Sokolov", "Brown", "O'Neil", "Lee"];
const cities = ["Moscow", "Berlin", "London", "Paris", "Warsaw", "Milan", "Kyiv", "São Paulo", "Tokyo", "New York, NY", "Almaty", "Prague"];
const tags = ["newsletter", "webinar", "vip", "trial", "newsletter;promo", "event-2026", ""];

// Domains that receive mail in the demo zone (free providers and organisations).
const free = ["gmail.com", "mail.ru", "yandex.ru", "outlook.com", "yahoo.com", "gmx.de", "web.de", "bk.ru", "list.ru", "icloud.com", "hotmail.com", "qq.com", "uol.com.br", "rambler.ru", "ukr.net"];
const corporate = ["northwind-traders.com", "acme-widgets.de", "volga-logistics.ru", "brightpath.io", "fjord-analytics.no", "university-of-nowhere.edu", "tax-office.gov.uk"];

const rows = [];
const local = (f, l) => pick([`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}${Math.floor(rand() * 90 + 10)}`, `${f}${Math.floor(rand() * 1000)}`])
  .toLowerCase()
  .replace(/[^a-z0-9._]/g, "");
const phone = () => `+${Math.floor(rand() * 90 + 1)} ${Math.floor(rand() * 900 + 100)} ${Math.floor(rand() * 9000000 + 1000000)}`;
const date = () => `2026-${String(Math.floor(rand() * 11) + 1).padStart(2, "0")}-${String(Math.floor(rand() * 28) + 1).padStart(2, "0")}`;

function row(email, extra = {}) {
  const f = extra.first ?? pick(first);
  const l = extra.last ?? pick(last);
  return [f, l, email, extra.phone ?? phone(), extra.city ?? pick(cities), date(), extra.tags ?? pick(tags), pick(["yes", "yes", "yes", "no"])];
}

// The bulk: ordinary, valid subscribers.
for (let i = 0; i < 230; i++) {
  const f = pick(first);
  const l = pick(last);
  const domain = rand() < 0.7 ? pick(free) : pick(corporate);
  rows.push(row(`${local(f, l)}@${domain}`, { first: f, last: l }));
}
// Messy cells that normalise to a good address.
const messy = [
  "  Anna.Smith@GMAIL.COM ", "mailto:peter.novak@mail.ru", "Maria Ivanova <maria.ivanova@yandex.ru>", "<olga.k@bk.ru>",
  "john.lee@outlook.com.", "wei.wang@qq.com;", "sofia.silva@uol.com.br,", "ivan\u00a0@list.ru".replace("\u00a0", ""), "elena.s＠yandex.ru", "\u200bnoah.brown@icloud.com",
];
for (const m of messy) rows.push(row(m));
// Typos in well-known providers (fixed) and a suspected one.
const typos = ["dmitry.sokolov@mail.ri", "marco.rossi@gmial.com", "yulia88@yandex.ri", "tom.b@hotmial.com", "aiko.t@gmail.con", "lukas.m@gmailcom", "chloe.d@mail,ru", "pierre@gmail..com", "jan.novak@yahooo.com", "zofia.k@outlok.com"];
for (const t of typos) rows.push(row(t));
// Disposable, role, suppressed-looking and risky ones.
for (const d of ["temp123@mailinator.com", "qwerty@10minutemail.com", "test@guerrillamail.com", "anon@yopmail.com"]) rows.push(row(d));
for (const r of ["info@northwind-traders.com", "sales@acme-widgets.de", "noreply@brightpath.io", "support@volga-logistics.ru"]) rows.push(row(r));
// Domains whose DNS says no (demo zone): NXDOMAIN, null MX, no mail server, bad MX; and trouble.
for (const d of ["dead-startup-2019.com", "parked-domain.net", "intranet-only.org", "bad-mx-host.com"]) rows.push(row(`${local(pick(first), pick(last))}@${d}`));
for (const d of ["slow-dns-corp.com", "servfail-corp.com"]) rows.push(row(`${local(pick(first), pick(last))}@${d}`));
rows.push(row(`${local("liam", "garcia")}@old-school-host.com`)); // implicit MX (A only)
// Syntax problems and empties.
for (const bad of ["", "   ", "not-an-email", "john@@", "a..b@gmail.com", "spaces in@mail.ru", "user@localhost", "x@123.456"]) rows.push(row(bad));
// Duplicates of earlier rows, in other case and wrapping.
for (let i = 0; i < 8; i++) {
  const earlier = rows[Math.floor(rand() * 200)];
  rows.push(row(pick([earlier[2].toUpperCase(), ` ${earlier[2]} `, `mailto:${earlier[2]}`]), { first: earlier[0], last: earlier[1] }));
}
// Spreadsheet poison in a free-text column, and a look-alike domain.
rows.push(row("eve.attacker@gmail.com", { tags: '=HYPERLINK("http://evil.example/","click")' }));
rows.push(row("grace@pаypal.com")); // Cyrillic "а"
rows.push(row("user@пример.рф"));

// Shuffle the middle so problems are spread through the file, as in real exports.
for (let i = rows.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [rows[i], rows[j]] = [rows[j], rows[i]];
}

const quote = (c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const lines = [["First Name", "Last Name", "Email", "Phone", "City", "Signup Date", "Tags", "Email Opt-In"].join(",")];
rows.forEach((r, i) => {
  lines.push(r.map(quote).join(","));
  if (i === 40) lines.push(""); // a blank line, as exports sometimes have
  if (i === 90) lines.push("Broken,Row,broken.row@gmail.com,+1 555,Extra,Field,Here,yes,surplus"); // too many fields
  if (i === 150) lines.push("Short,Row,short.row@mail.ru"); // too few fields
});
lines.push('Unclosed,"Quote,left.open@gmail.com,+7 900,Moscow,2026-01-01,,yes'); // quote never closed
writeFileSync(new URL("../examples/subscribers.csv", import.meta.url), `${lines.join("\r\n")}\r\n`);

// The demo zone: every domain above, with the answer the demo wants to show.
const zone = [
  "# Demo zone for `npm run demo` (generated by scripts/make-example.mjs; served on 127.0.0.1 only).",
  "# Format: name TYPE value; faults: name FAULT nxdomain|servfail|refused|drop|delay=MS|truncate|garbage.",
  "# A name not listed answers NXDOMAIN.",
  "",
  "# Free providers and organisations that receive mail",
];
let ip = 10;
const providerMx = { "gmail.com": "gmail-smtp-in.l.google.com", "outlook.com": "outlook-com.olc.protection.outlook.com", "hotmail.com": "hotmail-com.olc.protection.outlook.com", "yandex.ru": "mx.yandex.ru", "mail.ru": "mxs.mail.ru", "bk.ru": "mxs.mail.ru", "list.ru": "mxs.mail.ru" };
const hosts = new Set();
const disposable = ["mailinator.com", "10minutemail.com", "guerrillamail.com", "yopmail.com"];
for (const d of [...free, ...corporate, ...disposable, "xn--e1afmkfd.xn--p1ai", "xn--pypal-4ve.com"]) {
  const mx = providerMx[d] ?? `mx.${d}`;
  zone.push(`${d} MX 10 ${mx}`);
  if (!hosts.has(mx)) {
    hosts.add(mx);
    zone.push(`${mx} A 93.184.216.${ip++}`);
  }
}
zone.push(
  "",
  "# Organisations whose DNS says no",
  "# dead-startup-2019.com is not listed: NXDOMAIN -> domain_not_found",
  "parked-domain.net MX 0 .",
  "parked-domain.net A 93.184.217.1",
  "intranet-only.org A 10.1.2.3",
  "bad-mx-host.com MX 10 localhost",
  "old-school-host.com A 93.184.217.2",
  "",
  "# Resolver trouble: kept as unknown, never rejected",
  "slow-dns-corp.com FAULT drop",
  "servfail-corp.com FAULT servfail",
  "# A large answer: truncated over UDP, so the resolver asks again over TCP (still valid)",
  "fjord-analytics.no FAULT truncate",
  "",
  "# The typo domains: not delegated TLDs, or known misspellings with no mail",
  "yahooo.com A 93.184.217.3",
  "outlok.com A 10.9.9.9",
);
writeFileSync(new URL("../examples/demo-zone.txt", import.meta.url), `${zone.join("\n")}\n`);
console.log(`wrote ${rows.length} rows and ${zone.length} zone lines`);
