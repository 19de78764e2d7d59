/**
 * DMARC record syntax, RFC 7489 §6.3 (tags) and §6.4 (ABNF). Pure: text in, the policy or the
 * sentences saying what is wrong out.
 */

export type DmarcPolicy = "none" | "quarantine" | "reject";
export type DmarcAlignment = "r" | "s";

export interface DmarcUri {
  /** As written, without the "!size" suffix. */
  readonly uri: string;
  /** For mailto: URIs, the address; else null. */
  readonly address: string | null;
  /** The "!10m" size limit, as written, or null. */
  readonly maxSize: string | null;
}

export interface DmarcRecord {
  /** null when p= is missing or invalid but the record still applies as p=none (§6.6.3). */
  readonly p: DmarcPolicy | null;
  readonly sp: DmarcPolicy | null;
  /** DMARCbis: policy for non-existent subdomains. */
  readonly np: DmarcPolicy | null;
  readonly pct: number;
  readonly adkim: DmarcAlignment;
  readonly aspf: DmarcAlignment;
  readonly rua: readonly DmarcUri[];
  readonly ruf: readonly DmarcUri[];
  readonly fo: string;
  readonly ri: number;
  readonly tags: Readonly<Record<string, string>>;
}

export type DmarcParse =
  | {
      readonly ok: true;
      readonly record: DmarcRecord;
      /** Tag values receivers ignore or fall back from; the record still applies. */
      readonly problems: readonly string[];
      readonly unknownTags: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly string[] };

/** §6.6.3: records that do not start with "v=DMARC1" are discarded. */
export function isDmarcRecord(text: string): boolean {
  return /^v[ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)/.test(text);
}

const POLICIES: readonly string[] = ["none", "quarantine", "reject"];
// RFC 7489 §6.3, plus the DMARCbis draft's np, psd and t, which receivers already meet.
const KNOWN_TAGS = new Set(["v", "p", "sp", "np", "pct", "adkim", "aspf", "rua", "ruf", "fo", "rf", "ri", "psd", "t"]);

export function parseDmarc(text: string): DmarcParse {
  if (!isDmarcRecord(text)) return { ok: false, errors: ['The record does not start with "v=DMARC1".'] };
  const seen = new Map<string, string>();
  const errors: string[] = [];
  const problems: string[] = [];
  const unknownTags: string[] = [];
  for (const part of text.split(";")) {
    const t = part.trim();
    if (t === "") continue;
    const m = /^([a-zA-Z0-9_]+)[ \t]*=[ \t]*(.*)$/.exec(t);
    if (m === null) {
      problems.push(`"${t}" is not a tag=value pair.`);
      continue;
    }
    const name = (m[1] ?? "").toLowerCase();
    if (seen.has(name)) {
      problems.push(`The tag "${name}" appears more than once; only the first counts.`);
      continue;
    }
    seen.set(name, (m[2] ?? "").trim());
    if (!KNOWN_TAGS.has(name)) unknownTags.push(name);
  }
  // fromEntries defines own properties, so a tag named "__proto__" stays a plain tag.
  const tags: Readonly<Record<string, string | undefined>> = Object.fromEntries(seen);

  const policy = (tag: string): DmarcPolicy | null | "invalid" => {
    const v = tags[tag];
    if (v === undefined) return null;
    const lower = v.toLowerCase();
    return POLICIES.includes(lower) ? (lower as DmarcPolicy) : "invalid";
  };
  const rua = parseUris(tags.rua, "rua", problems);
  const ruf = parseUris(tags.ruf, "ruf", problems);
  let p = policy("p");
  const sp = policy("sp");
  if (p === null || p === "invalid" || sp === "invalid") {
    // §6.6.3: without a valid p (or with an invalid sp) the record applies as p=none only when
    // it has a valid rua; otherwise receivers ignore it entirely.
    const why = p === null ? 'The record has no "p=" policy tag.' : p === "invalid" ? `"p=${tags.p ?? ""}" is not a policy (none, quarantine or reject).` : `"sp=${tags.sp ?? ""}" is not a policy (none, quarantine or reject).`;
    if (rua.length === 0) errors.push(`${why} Without a valid rua= either, receivers ignore the record.`);
    else problems.push(`${why} Receivers treat the record as p=none.`);
    p = null;
  }
  const np = policy("np");
  if (np === "invalid") problems.push(`"np=${tags.np ?? ""}" is not a policy (none, quarantine or reject).`);

  let pct = 100;
  if (tags.pct !== undefined) {
    const n = /^\d{1,3}$/.test(tags.pct) ? Number(tags.pct) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= 100) pct = n;
    else problems.push(`"pct=${tags.pct}" must be a whole number from 0 to 100; receivers use 100.`);
  }
  const alignment = (tag: "adkim" | "aspf"): DmarcAlignment => {
    const v = tags[tag];
    if (v === undefined) return "r";
    if (v === "r" || v === "s") return v;
    problems.push(`"${tag}=${v}" must be "r" (relaxed) or "s" (strict); receivers use relaxed.`);
    return "r";
  };
  const adkim = alignment("adkim");
  const aspf = alignment("aspf");
  const fo = tags.fo ?? "0";
  if (!/^[01ds](?:[ \t]*:[ \t]*[01ds])*$/.test(fo)) problems.push(`"fo=${fo}" must be 0, 1, d or s, separated by ":".`);
  let ri = 86400;
  if (tags.ri !== undefined) {
    if (/^\d{1,10}$/.test(tags.ri)) ri = Number(tags.ri);
    else problems.push(`"ri=${tags.ri}" must be a number of seconds.`);
  }
  if (tags.rf !== undefined && !/^afrf(?:[ \t]*:[ \t]*[a-z0-9]+)*$/i.test(tags.rf)) problems.push(`"rf=${tags.rf}" should be "afrf".`);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: { p, sp: sp === "invalid" ? null : sp, np: np === "invalid" ? null : np, pct, adkim, aspf, rua, ruf, fo, ri, tags: Object.fromEntries(seen) },
    problems,
    unknownTags,
  };
}

/**
 * §6.4: dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ], comma-separated. Receivers
 * only send to mailto: URIs in practice; an invalid URI is dropped (and said so).
 */
function parseUris(value: string | undefined, tag: string, problems: string[]): DmarcUri[] {
  if (value === undefined) return [];
  const out: DmarcUri[] = [];
  for (const raw of value.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:[^!\s]+)(?:!(\d+[kmgt]?))?$/i.exec(item);
    if (m === null) {
      problems.push(`"${tag}=${item}" is not a valid report address; write it as mailto:reports@example.com.`);
      continue;
    }
    const uri = m[1] ?? "";
    const mailto = /^mailto:([^@\s]+@[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z0-9-]+)$/i.exec(uri);
    if (/^mailto:/i.test(uri) && mailto === null) {
      problems.push(`"${tag}=${item}": the mailto: address is not a valid email address.`);
      continue;
    }
    if (mailto === null) problems.push(`"${tag}=${item}": receivers send reports only to mailto: addresses.`);
    out.push({ uri, address: mailto?.[1]?.toLowerCase() ?? null, maxSize: m[2] ?? null });
  }
  return out;
}
