import { isIPv4, isIPv6 } from "node:net";

/**
 * The test zone format: one record a line, `#` starts a comment.
 *
 *   example.com MX 10 mx1.example.com
 *   nullmx.test MX 0 .
 *   host.example.com A 93.184.215.14
 *   v6.test AAAA 2606:4700::1
 *   example.com TXT "v=spf1 -all"          (several "quoted" "strings" make one record)
 *   1.2.3.4.in-addr.arpa PTR host.example.com
 *   www.example.com CNAME example.com
 *   slow.test FAULT delay=800
 *   flaky.test FAULT servfail MX times=1   (optional record type; optional count of queries hit)
 *
 * Faults: nxdomain | servfail | refused | drop | delay=MS | truncate | garbage.
 */

export const RECORD_TYPES = { A: 1, NS: 2, CNAME: 5, PTR: 12, MX: 15, TXT: 16, AAAA: 28 } as const;
export type RecordType = keyof typeof RECORD_TYPES;

export type ZoneRecord =
  | { readonly name: string; readonly type: "A" | "AAAA"; readonly address: string }
  | { readonly name: string; readonly type: "MX"; readonly priority: number; readonly exchange: string }
  | { readonly name: string; readonly type: "TXT"; readonly texts: readonly string[] }
  | { readonly name: string; readonly type: "PTR" | "CNAME" | "NS"; readonly target: string };

export type FaultKind = "nxdomain" | "servfail" | "refused" | "drop" | "delay" | "truncate" | "garbage";

export interface FaultRule {
  readonly name: string;
  readonly fault: FaultKind;
  /** For `delay`. */
  readonly delayMs: number;
  /** Only queries of this type; undefined = every type. */
  readonly type: RecordType | undefined;
  /** Only the first N matching queries; undefined = all of them. */
  readonly times: number | undefined;
}

export interface Zone {
  readonly records: readonly ZoneRecord[];
  readonly faults: readonly FaultRule[];
}

/** Lower-case, no trailing dot; the root is "". */
export function canonical(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

function isRecordType(t: string): t is RecordType {
  return Object.prototype.hasOwnProperty.call(RECORD_TYPES, t);
}

/** Split a TXT value into its quoted strings; unquoted text is one string. */
function parseTxt(value: string, lineNo: number): string[] {
  const v = value.trim();
  if (!v.startsWith('"')) return [v];
  const out: string[] = [];
  let i = 0;
  while (i < v.length) {
    if (v[i] === " " || v[i] === "\t") {
      i++;
      continue;
    }
    if (v[i] !== '"') throw new Error(`zone line ${lineNo}: text outside quotes in TXT value`);
    let s = "";
    i++;
    while (i < v.length && v[i] !== '"') {
      if (v[i] === "\\" && i + 1 < v.length) i++;
      s += v[i];
      i++;
    }
    if (i >= v.length) throw new Error(`zone line ${lineNo}: unclosed quote in TXT value`);
    i++;
    out.push(s);
  }
  return out;
}

/** A line's content without its comment; a `#` inside a quoted TXT string is kept. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === "#" && !quoted) return line.slice(0, i);
  }
  return line;
}

export function parseZoneLine(line: string, lineNo = 1): ZoneRecord | FaultRule | undefined {
  const text = stripComment(line).trim();
  if (text === "") return undefined;
  const m = /^(\S+)\s+(\S+)\s*(.*)$/.exec(text);
  if (!m) throw new Error(`zone line ${lineNo}: expected "name TYPE value": ${line}`);
  const name = canonical(m[1] ?? "");
  const type = (m[2] ?? "").toUpperCase();
  const value = (m[3] ?? "").trim();
  const words = value.split(/\s+/).filter((w) => w !== "");
  if (type === "FAULT") return parseFault(name, words, lineNo);
  if (!isRecordType(type)) throw new Error(`zone line ${lineNo}: unknown record type ${type}`);
  switch (type) {
    case "A":
    case "AAAA": {
      const address = words[0] ?? "";
      if (type === "A" ? !isIPv4(address) : !isIPv6(address)) throw new Error(`zone line ${lineNo}: bad ${type} address ${address}`);
      return { name, type, address };
    }
    case "MX": {
      const priority = Number(words[0]);
      const exchange = words[1];
      if (!Number.isInteger(priority) || priority < 0 || priority > 65535 || exchange === undefined) {
        throw new Error(`zone line ${lineNo}: MX needs "PRIORITY HOST"`);
      }
      return { name, type, priority, exchange: canonical(exchange) };
    }
    case "TXT":
      return { name, type, texts: parseTxt(value, lineNo) };
    case "PTR":
    case "CNAME":
    case "NS": {
      const target = words[0];
      if (target === undefined) throw new Error(`zone line ${lineNo}: ${type} needs a target`);
      return { name, type, target: canonical(target) };
    }
  }
}

function parseFault(name: string, words: readonly string[], lineNo: number): FaultRule {
  const [what = "", ...rest] = words;
  let fault: FaultKind;
  let delayMs = 0;
  const delay = /^delay=(\d+)$/.exec(what);
  if (delay) {
    fault = "delay";
    delayMs = Number(delay[1]);
  } else if (["nxdomain", "servfail", "refused", "drop", "truncate", "garbage"].includes(what)) {
    fault = what as FaultKind;
  } else {
    throw new Error(`zone line ${lineNo}: unknown fault ${what}`);
  }
  let type: RecordType | undefined;
  let times: number | undefined;
  for (const w of rest) {
    const t = /^times=(\d+)$/.exec(w);
    if (t) times = Number(t[1]);
    else if (isRecordType(w.toUpperCase())) type = w.toUpperCase() as RecordType;
    else throw new Error(`zone line ${lineNo}: unexpected "${w}" after fault`);
  }
  return { name, fault, delayMs, type, times };
}

export function parseZone(text: string): Zone {
  const records: ZoneRecord[] = [];
  const faults: FaultRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const entry = parseZoneLine(line, i + 1);
    if (entry === undefined) return;
    if ("fault" in entry) faults.push(entry);
    else records.push(entry);
  });
  return { records, faults };
}
