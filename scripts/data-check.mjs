#!/usr/bin/env node
// Checks the project's data lists (npm run data:check). For every data/*.txt:
//   - a "# source:" and a "# updated: YYYY-MM-DD" header before the first entry;
//   - entries lower-case, unique, sorted in plain JS code-unit order (the order `<` gives);
//   - for "key value" lists, every key unique.
// Across lists:
//   - providers.txt ⊆ free-mail.txt (a correction only ever points at a consumer mailbox);
//   - free-mail-subdomains.txt: every entry is "*." + a registrable domain under a delegated TLD
//     (never a public suffix such as *.ne.jp) that free-mail.txt also lists; free-mail.txt itself
//     holds no "*" entry, since its lines are literal domains (and typo-correction targets);
//   - typo-domains.txt: each typo is not itself a provider/free domain, each target is a provider;
//   - tld-typos.txt: no typed TLD is a delegated TLD (Public Suffix List, ICANN section, via tldts);
//   - free ∩ disposable = ∅ after our override rule: a free-mail domain that the npm list
//     also names must be acknowledged in free-overrides.txt (free wins there at run time), and
//     every acknowledged override must be in free-mail.txt; an npm entry under a free-subdomain
//     provider (x.rr.com for *.rr.com) must be acknowledged the same way.
// Exits 1 with one "file:line: problem" message per finding; 0 when clean.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { domainToASCII, fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

const PAIR_LISTS = new Set(["typo-domains.txt", "tld-typos.txt"]);

/** Letters, digits and inner hyphens, 1-63 characters (RFC 1035 §2.3.1, as IDNA A-labels too). */
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A domain name that can exist: IDN accepted through its A-label form, two labels at least. */
function plausibleDomain(name) {
  const ascii = domainToASCII(name);
  const labels = ascii.split(".");
  return ascii !== "" && ascii.length <= 253 && labels.length >= 2 && labels.every((l) => LDH_LABEL.test(l));
}

/** `a.b.c` → [`a.b.c`, `b.c`, `c`]. */
function selfAndParents(domain) {
  const out = [domain];
  for (let i = domain.indexOf("."); i >= 0; i = domain.indexOf(".", i + 1)) out.push(domain.slice(i + 1));
  return out;
}

/** Parse one list: header keys, entries with their 1-based line numbers, and format problems. */
export function checkList(file, text) {
  const problems = [];
  const header = new Map();
  const entries = [];
  let prev = null;
  const keys = new Map();
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const n = i + 1;
    if (line.trim() === "") return;
    if (line.startsWith("#")) {
      const m = /^#\s*([a-z]+)\s*:\s*(.*)$/i.exec(line);
      if (m && entries.length === 0) header.set(m[1].toLowerCase(), m[2].trim());
      return;
    }
    if (line !== line.trim()) problems.push(`${file}:${n}: leading or trailing whitespace in "${line}"`);
    const entry = line.trim();
    if (entry !== entry.toLowerCase()) problems.push(`${file}:${n}: not lower-case: "${entry}"`);
    if (prev !== null && entry === prev) problems.push(`${file}:${n}: duplicate entry "${entry}"`);
    else if (prev !== null && entry < prev) problems.push(`${file}:${n}: not sorted: "${entry}" comes after "${prev}"`);
    if (PAIR_LISTS.has(file)) {
      const parts = entry.split(/\s+/);
      if (parts.length !== 2) problems.push(`${file}:${n}: expected "key value", found "${entry}"`);
      const seen = keys.get(parts[0]);
      if (seen !== undefined) problems.push(`${file}:${n}: key "${parts[0]}" already on line ${seen}`);
      else keys.set(parts[0], n);
    } else if (/\s/.test(entry)) {
      problems.push(`${file}:${n}: whitespace inside entry "${entry}"`);
    }
    entries.push({ entry, line: n });
    prev = entry;
  });
  if (!header.has("source")) problems.push(`${file}:1: missing "# source:" header`);
  const updated = header.get("updated");
  if (updated === undefined) problems.push(`${file}:1: missing "# updated: YYYY-MM-DD" header`);
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(updated)) problems.push(`${file}:1: "# updated:" is not YYYY-MM-DD: "${updated}"`);
  return { header, entries, problems };
}

/** Run every check over a data directory; returns the list of problems (empty when clean). */
export function checkData(dataDir) {
  const problems = [];
  const lists = new Map();
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith(".txt")).sort()) {
    const result = checkList(file, readFileSync(join(dataDir, file), "utf8"));
    problems.push(...result.problems);
    lists.set(file, result.entries);
  }
  const need = (file) => {
    const l = lists.get(file);
    if (l === undefined) problems.push(`${file}:0: list is missing from ${dataDir}`);
    return l ?? [];
  };
  const firstField = (e) => e.entry.split(/\s+/);

  const freeEntries = need("free-mail.txt");
  const free = new Set(freeEntries.map((e) => e.entry));
  for (const f of freeEntries) {
    if (f.entry.includes("*")) {
      problems.push(`free-mail.txt:${f.line}: "${f.entry}" is a wildcard; "*.domain" entries belong in free-mail-subdomains.txt`);
    }
  }
  const providers = need("providers.txt");
  const providerSet = new Set(providers.map((e) => e.entry));
  for (const p of providers) {
    if (!free.has(p.entry)) problems.push(`providers.txt:${p.line}: "${p.entry}" is not in free-mail.txt`);
  }
  for (const t of need("typo-domains.txt")) {
    const [typo, target] = firstField(t);
    if (free.has(typo) || providerSet.has(typo)) {
      problems.push(`typo-domains.txt:${t.line}: "${typo}" is a real provider, it cannot be a typo`);
    }
    if (target !== undefined && !providerSet.has(target)) {
      problems.push(`typo-domains.txt:${t.line}: target "${target}" is not in providers.txt`);
    }
  }
  const { getDomain, parse } = require("tldts");
  // free-mail-subdomains.txt: "*.rr.com" → rr.com, checked as a provider's own registrable domain.
  const freeParents = new Map();
  for (const w of need("free-mail-subdomains.txt")) {
    const parent = w.entry.startsWith("*.") ? w.entry.slice(2) : null;
    if (parent === null || !plausibleDomain(parent)) {
      problems.push(`free-mail-subdomains.txt:${w.line}: expected "*." and a domain name, found "${w.entry}"`);
      continue;
    }
    const ascii = domainToASCII(parent);
    if (!parse(ascii, { allowPrivateDomains: false }).isIcann || getDomain(ascii, { allowPrivateDomains: false }) !== ascii) {
      problems.push(
        `free-mail-subdomains.txt:${w.line}: "${parent}" is not a registrable domain under a delegated TLD (a public suffix such as ne.jp would make a whole zone free)`,
      );
    }
    if (!free.has(parent)) problems.push(`free-mail-subdomains.txt:${w.line}: "${parent}" is not in free-mail.txt`);
    freeParents.set(parent, w.line);
  }
  for (const t of need("tld-typos.txt")) {
    const [typed, intended] = firstField(t);
    if (parse(typed, { allowPrivateDomains: false }).isIcann) {
      problems.push(`tld-typos.txt:${t.line}: ".${typed}" is a delegated TLD, so it is not a typo`);
    }
    if (intended !== undefined && !parse(intended, { allowPrivateDomains: false }).isIcann) {
      problems.push(`tld-typos.txt:${t.line}: ".${intended}" is not a delegated TLD`);
    }
  }

  const exact = new Set(require("disposable-email-domains/index.json"));
  const wildcard = new Set(require("disposable-email-domains/wildcard.json"));
  const overrides = need("free-overrides.txt");
  const acknowledged = new Set(overrides.map((e) => e.entry));
  /** The free-subdomain provider whose entry covers `domain` (itself or a parent), or undefined. */
  const coveringParent = (domain) => selfAndParents(domain).find((d) => freeParents.has(d));
  for (const o of overrides) {
    if (!free.has(o.entry) && coveringParent(o.entry) === undefined) {
      problems.push(`free-overrides.txt:${o.line}: "${o.entry}" is not in free-mail.txt nor under a free-mail-subdomains.txt entry`);
    }
  }
  for (const f of need("free-mail.txt")) {
    if ((exact.has(f.entry) || wildcard.has(f.entry)) && !acknowledged.has(f.entry)) {
      problems.push(
        `free-mail.txt:${f.line}: "${f.entry}" is also in the npm disposable list; review it and add it to free-overrides.txt (free wins) or remove it here`,
      );
    }
  }
  if (freeParents.size > 0) {
    for (const d of [...exact, ...wildcard]) {
      const parent = coveringParent(d);
      if (parent !== undefined && parent !== d && !acknowledged.has(d)) {
        problems.push(
          `free-mail-subdomains.txt:${freeParents.get(parent)}: "*.${parent}" covers "${d}", which the npm disposable list names; review it and add it to free-overrides.txt (free wins) or remove the entry`,
        );
      }
    }
  }
  return problems;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const dataDir = process.argv[2] ?? fileURLToPath(new URL("../data/", import.meta.url));
  const problems = checkData(dataDir);
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`data:check: ${problems.length} problem(s) in ${dataDir}`);
    process.exit(1);
  }
  console.log(`data:check: all lists in ${dataDir} are sorted, lower-case, unique and consistent`);
}
