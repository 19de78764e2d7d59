import { TextDecoder } from "node:util";
import { MailsweepError } from "../errors.js";
import { cp1252Char } from "./cp1252.js";
import { canonicalEncoding } from "./decode.js";

/**
 * `--output-encoding`: UTF-8 (default), UTF-16LE (what Excel's "Unicode text" expects), or a
 * single-byte legacy code page for old CRMs (windows-1251, windows-1252, koi8-r, …). A character
 * the target cannot hold is an error naming the row — never a silent `?`.
 */
export interface OutputEncoding {
  readonly name: string;
  /** Bytes written before the first row (the BOM), if any. */
  readonly bom: Buffer | null;
  /** Index of the first character `text` cannot be written with, or -1. */
  unencodable(text: string): number;
  encode(text: string): Buffer;
}

const SINGLE_BYTE = /^(?:windows-12\d\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

export function outputEncoding(label: string, utf8Bom: boolean): OutputEncoding {
  const name = canonicalEncoding(label);
  if (name === "utf-8") {
    return {
      name,
      bom: utf8Bom ? Buffer.from([0xef, 0xbb, 0xbf]) : null,
      unencodable: (t) => {
        // Lone surrogates (undecodable input bytes are shown as \xNN before they get here).
        const m = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(t);
        return m ? m.index : -1;
      },
      encode: (t) => Buffer.from(t, "utf8"),
    };
  }
  if (name === "utf-16le") {
    return { name, bom: Buffer.from([0xff, 0xfe]), unencodable: () => -1, encode: (t) => Buffer.from(t, "utf16le") };
  }
  if (!SINGLE_BYTE.test(name)) {
    throw new MailsweepError("usage", `--output-encoding ${label}: supported are utf-8, utf-16le and single-byte code pages (windows-1251, windows-1252, koi8-r, iso-8859-*).`);
  }
  // The code page's table, inverted: decode each byte once, then map characters back.
  const decoder = new TextDecoder(name, { fatal: true });
  const table = new Map<number, number>();
  for (let b = 0; b < 256; b++) {
    try {
      const ch = name === "windows-1252" ? cp1252Char(b) : decoder.decode(Uint8Array.of(b));
      if (ch.length === 1 && !table.has(ch.charCodeAt(0))) table.set(ch.charCodeAt(0), b);
    } catch {
      // an unassigned byte in this code page
    }
  }
  return {
    name,
    bom: null,
    unencodable: (t) => {
      for (let i = 0; i < t.length; i++) if (!table.has(t.charCodeAt(i))) return i;
      return -1;
    },
    encode: (t) => {
      const out = Buffer.allocUnsafe(t.length);
      for (let i = 0; i < t.length; i++) out[i] = table.get(t.charCodeAt(i))!;
      return out;
    },
  };
}
