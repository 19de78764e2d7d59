import { createPublicKey, type KeyObject } from "node:crypto";
import { describeFailure, type SenderResolver } from "./resolver.js";
import { finding, result, type CheckResult, type Finding } from "./types.js";

/**
 * Selectors tried when none is given. DNS cannot list a domain's selectors, so this is a guess at
 * the common ones; finding none proves nothing. Each comment names who uses it.
 */
export const COMMON_DKIM_SELECTORS: readonly string[] = [
  "google", // Google Workspace default
  "selector1", // Microsoft 365 (selector1/selector2 CNAMEs)
  "selector2",
  "default", // cPanel, Plesk, many self-hosted setups
  "dkim", // DirectAdmin, generic
  "mail", // generic, rspamd examples
  "k1", // Mailchimp / Mandrill, Mailgun
  "k2",
  "k3",
  "s1", // SendGrid
  "s2",
  "mandrill", // Mandrill (Mailchimp Transactional)
  "everlytic", // Everlytic
  "mxvault", // MXVault
  "smtp", // Mailgun, generic
  "mx", // Mailgun
  "fm1", // Fastmail
  "fm2",
  "fm3",
  "protonmail", // Proton Mail custom domains
  "protonmail2",
  "protonmail3",
  "sig1", // iCloud+ custom domains
  "zmail", // Zoho Mail
  "cm", // Campaign Monitor
  "key1", // generic
  "dkim1",
];

/** RFC 6376 §3.1: a selector is one or more dot-separated sub-domain labels. */
export function isValidSelector(s: string): boolean {
  return /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/i.test(s);
}

export interface DkimKey {
  readonly selector: string;
  readonly name: string;
  /** What was found at the name. */
  readonly state: "key" | "revoked" | "invalid" | "missing" | "unchecked";
  readonly keyType: string | null;
  /** RSA modulus length; 256 for ed25519; null when not read. */
  readonly bits: number | null;
  readonly testing: boolean;
  readonly record: string | null;
}

export interface DkimDetails {
  /** Selectors asked for (--dkim-selector), or null when the common list was probed. */
  readonly requested: readonly string[] | null;
  /** Requested selectors all; probed ones only when something was found or DNS failed. */
  readonly keys: readonly DkimKey[];
}

export interface DkimCheckOptions {
  /** Selectors to check; empty or absent: probe COMMON_DKIM_SELECTORS. */
  readonly selectors?: readonly string[];
}

const RETRY = "Run the audit again later or with another --dns-server.";
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex"); // RFC 8410 §4 AlgorithmIdentifier for Ed25519

/** RFC 6376 §3.2 tag list: "tag=value" separated by ";", whitespace around them ignored. */
export function parseTagList(text: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (name !== "" && !tags.has(name)) tags.set(name, part.slice(eq + 1).trim());
  }
  return tags;
}

type KeyVerdict = { readonly key: DkimKey; readonly findings: readonly Finding[] };

/**
 * DKIM key records (RFC 6376 §3.6.1): `<selector>._domainkey.<domain>` holds the public key the
 * receiver checks signatures with. A missing, revoked or weak key makes the signature fail
 * (RFC 8301 §3.2: RSA keys under 1024 bits must not be accepted).
 */
export async function checkDkim(domain: string, resolver: SenderResolver, opts: DkimCheckOptions = {}): Promise<CheckResult<DkimDetails>> {
  const requested = opts.selectors !== undefined && opts.selectors.length > 0 ? [...new Set(opts.selectors.map((s) => s.toLowerCase()))] : null;
  const selectors = requested ?? COMMON_DKIM_SELECTORS;
  const verdicts = await Promise.all(selectors.map((s) => judgeSelector(domain, s, resolver, requested !== null)));
  if (requested !== null) {
    const findings = verdicts.flatMap((v) => v.findings);
    const keys = verdicts.map((v) => v.key);
    const good = keys.filter((k) => k.state === "key").length;
    return result("dkim", `${good} of ${keys.length} selector${keys.length === 1 ? "" : "s"} with a usable key`, findings, { requested, keys });
  }
  const found = verdicts.filter((v) => v.key.state !== "missing" && v.key.state !== "unchecked");
  const unchecked = verdicts.filter((v) => v.key.state === "unchecked");
  if (found.length === 0) {
    const findings: Finding[] = [
      finding(
        "dkim_not_found",
        "warn",
        `No DKIM key was found at the ${selectors.length} common selectors (${selectors.slice(0, 6).join(", ")}, ...). This is not proof that ${domain} has none: DNS cannot list selectors.`,
        'Pass --dkim-selector with the selector your mail is signed with: the "s=" tag of the DKIM-Signature header in a message you sent. If there is none, turn on DKIM signing at your sending service.',
      ),
    ];
    if (unchecked.length > 0) findings.push(finding("dkim_unchecked", "warn", `${unchecked.length} of the common selectors could not be checked (timeout or server failure), so a key may have been missed.`, RETRY));
    return result("dkim", "no key at the common selectors", findings, { requested: null, keys: unchecked.map((v) => v.key) });
  }
  const findings = found.flatMap((v) => v.findings);
  const keys = found.map((v) => v.key);
  return result("dkim", `found ${keys.map((k) => `${k.selector}${k.bits !== null ? ` (${k.keyType ?? "?"} ${k.bits})` : ` (${k.state})`}`).join(", ")}`, findings, { requested: null, keys });
}

async function judgeSelector(domain: string, selector: string, resolver: SenderResolver, explicit: boolean): Promise<KeyVerdict> {
  const name = `${selector}._domainkey.${domain}`;
  const base = { selector, name, keyType: null, bits: null, testing: false, record: null };
  const txt = await resolver.txt(name);
  if (!txt.ok) {
    if (txt.negative === null) {
      return { key: { ...base, state: "unchecked" }, findings: [finding("dkim_unchecked", "warn", `The DKIM selector "${selector}" (${name}) could not be checked: ${describeFailure(txt)}.`, RETRY)] };
    }
    return {
      key: { ...base, state: "missing" },
      findings: explicit
        ? [finding("dkim_selector_missing", "fail", `No DKIM key is published for selector "${selector}" (${name}), so signatures made with it fail and DMARC cannot pass on DKIM.`, `Publish the TXT (or CNAME) record your sending service gives you for "${selector}", or check the selector name.`)]
        : [],
    };
  }
  // Records that are not key records (RFC 6376 §3.6.1 requires p=) are not counted, so a stray
  // TXT at the name does not hide the key.
  const keys = txt.value.filter((t) => parseTagList(t).has("p"));
  if (keys.length === 0) {
    if (txt.value.length === 0) return { key: { ...base, state: "missing" }, findings: explicit ? [finding("dkim_selector_missing", "fail", `No DKIM key is published for selector "${selector}" (${name}).`, "Publish the record your sending service gives you.")] : [] };
    return {
      key: { ...base, state: "invalid", record: txt.value[0] ?? null },
      findings: [finding("dkim_syntax", "fail", `The TXT record at ${name} is not a DKIM key record (it has no "p=" tag).`, 'Publish the key as "v=DKIM1; k=rsa; p=<base64 public key>".')],
    };
  }
  const findings: Finding[] = [];
  if (keys.length > 1) {
    findings.push(finding("dkim_multiple", "warn", `${name} holds ${keys.length} DKIM key records; receivers pick one, so signatures fail at random.`, "Keep exactly one key record per selector."));
  }
  const record = keys[0] ?? "";
  const judged = judgeKey(selector, name, record);
  return { key: judged.key, findings: [...findings, ...judged.findings] };
}

/** Judge one key record (RFC 6376 §3.6.1, RFC 8301, RFC 8463). Pure. */
export function judgeKey(selector: string, name: string, record: string): KeyVerdict {
  const tags = parseTagList(record);
  const keyType = (tags.get("k") ?? "rsa").toLowerCase();
  const testing = (tags.get("t") ?? "").split(":").some((f) => f.trim().toLowerCase() === "y");
  const base: DkimKey = { selector, name, state: "key", keyType, bits: null, testing, record };
  const findings: Finding[] = [];
  const v = tags.get("v");
  if (v !== undefined && (v !== "DKIM1" || !/^\s*v\s*=/.test(record))) {
    findings.push(finding("dkim_syntax", "fail", `The key record for selector "${selector}" has "v=${v}"; RFC 6376 §3.6.1 wants "v=DKIM1" as the first tag, and receivers discard it otherwise.`, 'Start the record with "v=DKIM1;" or leave v= out.'));
    return { key: { ...base, state: "invalid" }, findings };
  }
  const p = (tags.get("p") ?? "").replace(/\s+/g, "");
  if (p === "") {
    findings.push(finding("dkim_revoked", "fail", `The key for selector "${selector}" is revoked (empty "p="): signatures with it fail.`, "Sign with a current selector, or publish a new key here."));
    return { key: { ...base, state: "revoked" }, findings };
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(p)) {
    findings.push(finding("dkim_key_invalid", "fail", `The "p=" value for selector "${selector}" is not base64, so no signature can be checked with it.`, "Publish the key again exactly as your sending service gives it (long keys split into several quoted strings, nothing else changed)."));
    return { key: { ...base, state: "invalid" }, findings };
  }
  const der = Buffer.from(p, "base64");
  if (keyType === "rsa") {
    const key = rsaKey(der);
    const bits = key?.asymmetricKeyDetails?.modulusLength;
    if (key === null || key.asymmetricKeyType !== "rsa" || bits === undefined) {
      findings.push(finding("dkim_key_invalid", "fail", `The "p=" value for selector "${selector}" is not an RSA public key, so no signature can be checked with it.`, "Publish the key again exactly as your sending service gives it."));
      return { key: { ...base, state: "invalid" }, findings };
    }
    const withBits = { ...base, bits };
    if (bits < 1024) {
      findings.push(finding("dkim_key_weak", "fail", `The RSA key for selector "${selector}" has ${bits} bits; receivers refuse keys under 1024 bits (RFC 8301 §3.2), so the signature fails.`, "Generate a 2048-bit key and publish it under a new selector."));
    } else if (bits === 1024) {
      findings.push(finding("dkim_key_short", "warn", `The RSA key for selector "${selector}" has 1024 bits: still accepted, but below the 2048 bits RFC 8301 recommends.`, "Rotate to a 2048-bit key under a new selector."));
    }
    if (testing) findings.push(testingFinding(selector));
    if (!findings.some((f) => f.status !== "pass")) findings.push(finding("dkim_ok", "pass", `Selector "${selector}" has a ${bits}-bit RSA key.`));
    return { key: withBits, findings };
  }
  if (keyType === "ed25519") {
    // RFC 8463 §4.2: the raw 32-byte public key, not a SubjectPublicKeyInfo.
    const key = der.length === 32 ? tryKey(() => createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, der]), format: "der", type: "spki" })) : null;
    if (key === null) {
      findings.push(finding("dkim_key_invalid", "fail", `The "p=" value for selector "${selector}" is not a 32-byte Ed25519 public key (RFC 8463).`, "Publish the key again exactly as your signing software gives it."));
      return { key: { ...base, state: "invalid" }, findings };
    }
    if (testing) findings.push(testingFinding(selector));
    findings.push(finding("dkim_ok", "pass", `Selector "${selector}" has an Ed25519 key (RFC 8463). Some receivers cannot check Ed25519 yet, so sign with an RSA key as well.`));
    return { key: { ...base, bits: 256 }, findings };
  }
  findings.push(finding("dkim_key_type_unknown", "fail", `Selector "${selector}" has key type "k=${keyType}", which receivers do not know (rsa and ed25519 are defined).`, 'Publish an RSA key ("k=rsa").'));
  return { key: { ...base, state: "invalid" }, findings };
}

function testingFinding(selector: string): Finding {
  return finding("dkim_testing", "warn", `Selector "${selector}" is flagged as testing ("t=y"): receivers may treat its signatures as unsigned.`, 'Remove "t=y" once signing works.');
}

/** RFC 6376 says SubjectPublicKeyInfo in practice; a bare PKCS#1 RSAPublicKey is tolerated too. */
function rsaKey(der: Buffer): KeyObject | null {
  return tryKey(() => createPublicKey({ key: der, format: "der", type: "spki" })) ?? tryKey(() => createPublicKey({ key: der, format: "der", type: "pkcs1" }));
}

function tryKey(make: () => KeyObject): KeyObject | null {
  try {
    return make();
  } catch {
    return null;
  }
}
