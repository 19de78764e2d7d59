import { isIPv4, isIPv6 } from "node:net";

/**
 * SPF record syntax, RFC 7208 §4.5 (record selection) and §12 (the ABNF). Pure: text in, the
 * record's terms or the sentences saying why it is not a valid record out. A record with a syntax
 * error is a permerror for every receiver (§4.6), so it is as bad as no record at all.
 */

export type SpfQualifier = "+" | "-" | "~" | "?";

export type SpfMechanism =
  | { readonly kind: "all"; readonly qualifier: SpfQualifier; readonly text: string }
  | { readonly kind: "include" | "exists"; readonly qualifier: SpfQualifier; readonly text: string; readonly domain: string }
  | {
      readonly kind: "a" | "mx";
      readonly qualifier: SpfQualifier;
      readonly text: string;
      /** The domain-spec, or null for the current domain. */
      readonly domain: string | null;
      readonly cidr4: number;
      readonly cidr6: number;
    }
  | { readonly kind: "ptr"; readonly qualifier: SpfQualifier; readonly text: string; readonly domain: string | null }
  | { readonly kind: "ip4" | "ip6"; readonly qualifier: SpfQualifier; readonly text: string; readonly address: string; readonly prefix: number };

export interface SpfRecord {
  /** Directives in record order (evaluation order, §4.6.2). */
  readonly mechanisms: readonly SpfMechanism[];
  readonly redirect: string | null;
  readonly exp: string | null;
  /** Modifiers RFC 7208 does not define; ignored by receivers (§6). */
  readonly unknownModifiers: readonly { readonly name: string; readonly value: string }[];
}

export type SpfParse = { readonly ok: true; readonly record: SpfRecord } | { readonly ok: false; readonly errors: readonly string[] };

/** §4.5: a record starts with "v=spf1" followed by a space or the end ("v=spf10" is not one). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text);
}

const MECHANISMS = new Set(["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"]);
const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/i;

export function parseSpf(text: string): SpfParse {
  if (!isSpfRecord(text)) return { ok: false, errors: ['The record does not start with "v=spf1".'] };
  const errors: string[] = [];
  const mechanisms: SpfMechanism[] = [];
  const unknownModifiers: { name: string; value: string }[] = [];
  let redirect: string | null = null;
  let exp: string | null = null;
  // §12: terms are separated by one or more spaces; other whitespace is not allowed.
  const terms = text.slice("v=spf1".length).split(" ").filter((t) => t !== "");
  for (const term of terms) {
    if (/[^\x21-\x7e]/.test(term)) {
      errors.push(`"${term}" contains a character that is not allowed in an SPF record (tabs, line breaks and non-ASCII are not).`);
      continue;
    }
    const mod = MODIFIER.exec(term);
    if (mod !== null) {
      const name = (mod[1] ?? "").toLowerCase();
      const value = mod[2] ?? "";
      if (name === "redirect" || name === "exp") {
        // §6: each of these may appear at most once.
        if ((name === "redirect" ? redirect : exp) !== null) {
          errors.push(`"${name}=" appears more than once; RFC 7208 §6 allows it once.`);
          continue;
        }
        const problem = domainSpecProblem(value, name === "exp");
        if (problem !== null) errors.push(`"${term}": ${problem}`);
        else if (name === "redirect") redirect = value;
        else exp = value;
      } else {
        const problem = macroStringProblem(value, false);
        if (problem !== null) errors.push(`"${term}": ${problem}`);
        else unknownModifiers.push({ name, value });
      }
      continue;
    }
    const parsed = parseDirective(term);
    if (typeof parsed === "string") errors.push(parsed);
    else mechanisms.push(parsed);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, record: { mechanisms, redirect, exp, unknownModifiers } };
}

function parseDirective(term: string): SpfMechanism | string {
  const first = term[0] ?? "";
  const qualifier: SpfQualifier = first === "+" || first === "-" || first === "~" || first === "?" ? first : "+";
  const body = first === qualifier ? term.slice(1) : term;
  const m = /^([a-z0-9]+)(.*)$/i.exec(body);
  const name = (m?.[1] ?? "").toLowerCase();
  const rest = m?.[2] ?? "";
  if (!MECHANISMS.has(name)) return `"${term}" is not an SPF mechanism (known: all, include, a, mx, ptr, ip4, ip6, exists).`;
  switch (name) {
    case "all":
      if (rest !== "") return `"${term}": "all" takes no argument.`;
      return { kind: "all", qualifier, text: term };
    case "include":
    case "exists": {
      if (!rest.startsWith(":") || rest.length === 1) return `"${term}": "${name}" needs a domain, as in "${name}:example.com".`;
      const domain = rest.slice(1);
      const problem = domainSpecProblem(domain, false);
      if (problem !== null) return `"${term}": ${problem}`;
      return { kind: name, qualifier, text: term, domain };
    }
    case "a":
    case "mx": {
      // dual-cidr-length = [ "/" ip4 ] [ "//" ip6 ]; taken from the end, since a macro-literal may hold "/".
      const c = /^(.*?)(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(rest);
      const spec = c?.[1] ?? "";
      const cidr4 = c?.[2] === undefined ? 32 : Number(c[2]);
      const cidr6 = c?.[3] === undefined ? 128 : Number(c[3]);
      if (!cidrOk(c?.[2], 32) || !cidrOk(c?.[3], 128)) return `"${term}": the prefix length must be 0-32 for IPv4 and 0-128 for IPv6, without leading zeros.`;
      if (spec !== "" && !spec.startsWith(":")) return `"${term}" is not a valid "${name}" mechanism.`;
      if (spec === ":") return `"${term}": a domain is expected after ":".`;
      const domain = spec === "" ? null : spec.slice(1);
      if (domain !== null) {
        const problem = domainSpecProblem(domain, false);
        if (problem !== null) return `"${term}": ${problem}`;
      }
      return { kind: name, qualifier, text: term, domain, cidr4, cidr6 };
    }
    case "ptr": {
      if (rest !== "" && (!rest.startsWith(":") || rest.length === 1)) return `"${term}" is not a valid "ptr" mechanism.`;
      const domain = rest === "" ? null : rest.slice(1);
      if (domain !== null) {
        const problem = domainSpecProblem(domain, false);
        if (problem !== null) return `"${term}": ${problem}`;
      }
      return { kind: "ptr", qualifier, text: term, domain };
    }
    default: {
      // ip4 / ip6
      const v6 = name === "ip6";
      const a = /^:([^/]+)(?:\/(\d+))?$/.exec(rest);
      const address = a?.[1] ?? "";
      if (a === null || !(v6 ? isIPv6(address) : isIPv4(address))) {
        return `"${term}": "${name}" needs an ${v6 ? "IPv6" : "IPv4"} address, as in "${v6 ? "ip6:2001:db8::/32" : "ip4:192.0.2.0/24"}".`;
      }
      const max = v6 ? 128 : 32;
      if (!cidrOk(a[2], max)) return `"${term}": the prefix length must be 0-${max}, without leading zeros.`;
      return { kind: v6 ? "ip6" : "ip4", qualifier, text: term, address, prefix: a[2] === undefined ? max : Number(a[2]) };
    }
  }
}

function cidrOk(digits: string | undefined, max: number): boolean {
  if (digits === undefined) return true;
  if (digits.length > 1 && digits.startsWith("0")) return false;
  const n = Number(digits);
  return Number.isInteger(n) && n >= 0 && n <= max;
}

/** §7.1: macro letters; c, r and t only in "exp" (§7.2). */
const MACRO_LETTERS = "slodiphv";
const EXP_ONLY_LETTERS = "crt";

/** A sentence naming what is wrong with a macro-string, or null when it is valid (§7.1). */
export function macroStringProblem(value: string, inExp: boolean): string | null {
  let i = 0;
  while (i < value.length) {
    const ch = value[i] ?? "";
    if (ch !== "%") {
      i++;
      continue;
    }
    const next = value[i + 1];
    if (next === "%" || next === "_" || next === "-") {
      i += 2;
      continue;
    }
    if (next !== "{") return `a "%" must start a macro ("%{...}", "%%", "%_" or "%-").`;
    const close = value.indexOf("}", i);
    if (close === -1) return "a macro \"%{\" is not closed with \"}\".";
    const inner = value.slice(i + 2, close);
    const m = /^([a-z])(\d*)(r?)([-.+,/_=]*)$/i.exec(inner);
    const letter = (m?.[1] ?? "").toLowerCase();
    if (m === null || !(MACRO_LETTERS.includes(letter) || (inExp && EXP_ONLY_LETTERS.includes(letter)))) {
      return `"%{${inner}}" is not a valid macro${EXP_ONLY_LETTERS.includes(letter) && letter !== "" ? ` (the "${letter}" macro is only allowed in "exp")` : ""}.`;
    }
    if (m[2] !== undefined && m[2] !== "" && Number(m[2]) === 0) return `"%{${inner}}": a macro cannot keep zero labels.`;
    i = close + 1;
  }
  return null;
}

/**
 * §12 domain-spec = macro-string domain-end: the last label is a top label (not all digits) or a
 * macro. Only the syntax: whether the name exists is DNS's answer.
 */
export function domainSpecProblem(value: string, inExp: boolean): string | null {
  if (value === "") return "a domain is expected.";
  const macro = macroStringProblem(value, inExp);
  if (macro !== null) return macro;
  if (/%\{[^}]*\}$/.test(value)) return null;
  const labels = value.replace(/\.$/, "").split(".");
  const top = labels[labels.length - 1] ?? "";
  if (labels.length < 2 || !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(top) || /^\d+$/.test(top)) {
    return `"${value}" is not a domain name (RFC 7208 §7.1 wants a dotted name ending in a top-level label).`;
  }
  return null;
}
