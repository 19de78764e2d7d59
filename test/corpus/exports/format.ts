import { encodeWindows1251, utf16 } from "../../support/fixtures.js";

/** How each platform writes a CSV: delimiter, line end, quoting, final newline, encoding. */

export type Quote = "minimal" | "all" | "none";
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le-bom" | "windows-1251" | "windows-1252";

export interface Dialect {
  readonly delimiter: string;
  readonly newline: "\n" | "\r\n" | "\r";
  readonly quote: Quote;
  /** Google Sheets ends the last record without a newline. */
  readonly finalNewline: boolean;
}

export function field(value: string, d: Dialect): string {
  if (d.quote === "none") return value;
  const must = value.includes(d.delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r");
  return d.quote === "all" || must ? `"${value.replace(/"/g, '""')}"` : value;
}

export function table(header: readonly string[] | null, rows: readonly (readonly string[])[], d: Dialect): string {
  const lines = [...(header ? [header] : []), ...rows].map((r) => r.map((v) => field(v, d)).join(d.delimiter));
  return lines.join(d.newline) + (d.finalNewline ? d.newline : "");
}

// windows-1252 bytes 0x80..0x9f that differ from Latin-1.
const CP1252_EXTRA: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97 };

export function encodeWindows1252(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else if (CP1252_EXTRA[ch] !== undefined) out.push(CP1252_EXTRA[ch]);
    else throw new Error(`encodeWindows1252: ${ch} is not encodable`);
  }
  return Buffer.from(out);
}

export function encode(text: string, enc: Encoding): Buffer {
  switch (enc) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le-bom":
      return utf16(text, "le");
    case "windows-1251":
      return encodeWindows1251(text);
    case "windows-1252":
      return encodeWindows1252(text);
  }
}

/** The WHATWG label report.json names, and whether a BOM was present. */
export function reportedEncoding(enc: Encoding): { encoding: string; bom: boolean } {
  switch (enc) {
    case "utf-8":
      return { encoding: "utf-8", bom: false };
    case "utf-8-bom":
      return { encoding: "utf-8", bom: true };
    case "utf-16le-bom":
      return { encoding: "utf-16le", bom: true };
    case "windows-1251":
    case "windows-1252":
      return { encoding: enc, bom: false };
  }
}
