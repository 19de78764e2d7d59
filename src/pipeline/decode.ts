import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";
import { MailsweepError } from "../errors.js";
import { fixCp1252 } from "./cp1252.js";

/**
 * Bytes → text, refusing to guess. Detection covers UTF-8 with or without BOM and UTF-16 LE/BE
 * with BOM (contract); anything else needs `--encoding`. An invalid byte is an error naming its
 * offset and line — never U+FFFD, because a replaced character inside an address silently
 * produces a different, wrong address.
 */

export interface DecodeInfo {
  /** The WHATWG label in use, e.g. "utf-8", "utf-16le", "windows-1251". */
  encoding: string;
  /** The input started with a byte-order mark. */
  bom: boolean;
  /** The encoding was detected (true) or given with --encoding (false). */
  detected: boolean;
}

type Framing = "utf8" | "utf16le" | "utf16be" | "single" | "stateful";

const SINGLE_BYTE = /^(?:windows-12\d\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic|latin1|ascii|us-ascii|cp125\d)$/i;

function framingOf(encoding: string): Framing {
  if (encoding === "utf-8") return "utf8";
  if (encoding === "utf-16le") return "utf16le";
  if (encoding === "utf-16be") return "utf16be";
  return SINGLE_BYTE.test(encoding) ? "single" : "stateful";
}

/** Canonical WHATWG name of a label, or a usage error listing examples. */
export function canonicalEncoding(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new MailsweepError(
      "usage",
      `Unknown encoding "${label}". Examples: utf-8, utf-16le, windows-1251, windows-1252, koi8-r, iso-8859-2.`,
    );
  }
}

/** How many trailing bytes of `buf` start an incomplete character, so decoding stops before them. */
function incompleteTail(buf: Buffer, framing: Framing): number {
  const n = buf.length;
  if (framing === "utf8") {
    // Look back at most 3 bytes for the lead byte of the last sequence.
    for (let back = 1; back <= Math.min(3, n); back++) {
      const b = buf[n - back]!;
      if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }
  if (framing === "utf16le" || framing === "utf16be") {
    let tail = n % 2;
    const end = n - tail;
    if (end >= 2) {
      const unit = framing === "utf16le" ? buf[end - 2]! | (buf[end - 1]! << 8) : (buf[end - 2]! << 8) | buf[end - 1]!;
      if (unit >= 0xd800 && unit <= 0xdbff) tail += 2; // high surrogate waits for its pair
    }
    return tail;
  }
  return 0;
}

/**
 * UTF-16 without a BOM, as SQL Server's `bcp -w` and some .NET exporters write it: text in Latin
 * script then has a NUL in every other byte (the high byte of LE units, the first of BE units).
 * A UTF-8 CSV never holds NUL bytes, so this is evidence, not a guess. Half the units must show
 * the pattern and the other byte of a unit must almost never be NUL (CJK text has some).
 */
function utf16WithoutBom(head: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let lowNul = 0; // NUL at even offsets
  let highNul = 0; // NUL at odd offsets
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) lowNul++;
    if (head[i + 1] === 0) highNul++;
  }
  const units = n / 2;
  if (highNul >= units / 2 && lowNul < units / 10) return "utf-16le";
  if (lowNul >= units / 2 && highNul < units / 10) return "utf-16be";
  return null;
}

/** Which legacy encoding an undecodable UTF-8 file most likely is, for the error's suggestion. */
function guessLegacy(sample: Buffer): string {
  const text = new TextDecoder("windows-1251").decode(sample);
  let high = 0;
  let cyrillic = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    high++;
    if (cp >= 0x400 && cp <= 0x4ff) cyrillic++;
  }
  return high > 0 && cyrillic / high > 0.8 ? "windows-1251" : "windows-1252";
}

export interface InputDecoderOptions {
  /** `--encoding`: skip detection. */
  readonly encoding?: string | undefined;
  /** Named in error messages. */
  readonly fileLabel: string;
}

/**
 * Bytes to text, chunk by chunk (see bytes.ts for the loop): detects the encoding from the BOM
 * or the bytes, keeps an incomplete character for the next chunk, and turns undecodable bytes
 * into lone surrogates. Not a stream Transform on purpose: decoding at once, with nothing
 * queued, lets the caller reuse its read buffer and keeps text from waiting in a queue long
 * enough to be promoted to the old generation.
 */
export class InputDecoder {
  readonly info: DecodeInfo;
  private decoder: TextDecoder | null = null;
  private framing: Framing = "utf8";
  private head: Buffer | null = Buffer.alloc(0); // bytes held until the BOM can be judged
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0; // bytes of input consumed before `carry`
  private readonly fileLabel: string;
  private readonly forced: string | undefined;

  constructor(opts: InputDecoderOptions) {
    this.fileLabel = opts.fileLabel;
    this.forced = opts.encoding === undefined ? undefined : canonicalEncoding(opts.encoding);
    this.info = { encoding: this.forced ?? "utf-8", bom: false, detected: this.forced === undefined };
  }

  private start(first: Buffer): Buffer {
    let encoding = this.forced;
    let skip = 0;
    if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) {
      skip = 3;
      encoding ??= "utf-8";
    } else if (first[0] === 0xff && first[1] === 0xfe) {
      skip = 2;
      encoding ??= "utf-16le";
    } else if (first[0] === 0xfe && first[1] === 0xff) {
      skip = 2;
      encoding ??= "utf-16be";
    }
    encoding ??= utf16WithoutBom(first) ?? "utf-8";
    // A BOM that contradicts --encoding is kept as data only if it is not a BOM of that encoding.
    const bomMatches =
      (skip === 3 && encoding === "utf-8") ||
      (skip === 2 && first[0] === 0xff && encoding === "utf-16le") ||
      (skip === 2 && first[0] === 0xfe && encoding === "utf-16be");
    if (!bomMatches) skip = 0;
    this.info.encoding = encoding;
    this.info.bom = skip > 0;
    this.framing = framingOf(encoding);
    // ignoreBOM: we strip the BOM ourselves, once, at the start of the file — never mid-stream.
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    this.offset = skip;
    return first.subarray(skip);
  }

  /**
   * The text of the next bytes, decoded at once: nothing of `chunk` is kept
   * (an incomplete character at its end is copied), so the caller may reuse its buffer.
   */
  decodeBytes(chunk: Buffer): string {
    if (this.head !== null) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 4) return "";
      chunk = this.start(this.head);
      this.head = null;
    }
    return this.decodeChunk(chunk, false);
  }

  /** The text left at the end of the input. */
  decodeRest(): string {
    if (this.head !== null) {
      const rest = this.start(this.head);
      this.head = null;
      return this.decodeChunk(rest, true);
    }
    return this.decodeChunk(Buffer.alloc(0), true);
  }

  private decodeChunk(chunk: Buffer, final: boolean): string {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let text: string;
    let used: number;
    if (this.framing === "stateful") {
      // Multi-byte legacy encodings keep their own state: an error is located to this chunk and
      // stops the run (these files are rare and always come with an explicit --encoding).
      used = buf.length;
      try {
        text = this.decoder!.decode(buf, { stream: !final });
      } catch {
        throw this.undecodable(this.offset, buf);
      }
    } else {
      const tail = final ? 0 : incompleteTail(buf, this.framing);
      used = buf.length - tail;
      text = this.decodeWhole(buf.subarray(0, used));
    }
    this.carry = Buffer.from(buf.subarray(used));
    this.offset += used;
    return text;
  }

  /**
   * Decode complete characters. An invalid byte becomes U+DC00+byte — a lone surrogate that no
   * valid decoding produces (Python's "surrogateescape") — so the CSV reader can reject exactly
   * the record that holds it as `malformed_row` while the rest of the file goes on.
   */
  private decodeWhole(whole: Buffer): string {
    if (this.sample.length < SAMPLE_BYTES) this.sample = Buffer.concat([this.sample, whole.subarray(0, SAMPLE_BYTES - this.sample.length)]);
    if (this.framing === "utf8" && isUtf8(whole)) {
      const text = whole.toString("utf8");
      // Fewer UTF-16 units than bytes means multi-byte characters decoded fine: real UTF-8.
      this.validNonAscii += whole.length - text.length;
      return text;
    }
    const decoder = this.decoder!;
    let out = "";
    let pos = 0;
    while (pos < whole.length) {
      const rest = whole.subarray(pos);
      const bad = this.framing === "utf8" ? firstInvalidUtf8(rest) : this.firstInvalid(rest);
      const good = bad < 0 ? rest : rest.subarray(0, bad);
      let text = good.length > 0 ? decoder.decode(good) : "";
      if (this.framing === "utf8") this.validNonAscii += good.length - text.length;
      else if (this.info.encoding === "windows-1252") text = fixCp1252(text);
      out += text;
      if (bad < 0) break;
      const width = this.framing === "single" || this.framing === "utf8" ? 1 : 2;
      for (let i = 0; i < width && bad + i < rest.length; i++) {
        out += String.fromCharCode(ESCAPE_BASE + rest[bad + i]!);
      }
      this.invalidBytes++;
      this.firstInvalidOffset ??= this.offset + pos + bad;
      pos += bad + width;
    }
    return out;
  }

  /** First undecodable byte of complete characters in a non-UTF-8 encoding (binary search). */
  private firstInvalid(buf: Buffer): number {
    try {
      new TextDecoder(this.info.encoding, { fatal: true, ignoreBOM: true }).decode(buf);
      return -1;
    } catch {
      // fall through to the search
    }
    let lo = 0; // buf[0..lo) decodes
    let hi = buf.length; // buf[0..hi) does not
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      try {
        new TextDecoder(this.info.encoding, { fatal: true, ignoreBOM: true }).decode(buf.subarray(0, mid), {
          stream: true,
        });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    return this.framing === "single" ? lo : lo - (lo % 2);
  }

  private undecodable(at: number, sample: Buffer): MailsweepError {
    return new MailsweepError(
      "data",
      `${this.fileLabel}: invalid ${this.info.encoding} data in bytes ${at}–${at + sample.length}. ` +
        `Check that --encoding ${this.info.encoding} is right.`,
    );
  }

  /** Bytes replaced by escapes so far, and the offset of the first (for error messages). */
  invalidBytes = 0;
  firstInvalidOffset: number | undefined;
  /**
   * Roughly how much multi-byte UTF-8 decoded correctly (bytes beyond one per character). In a
   * file saved in a legacy encoding almost every accented or Cyrillic letter fails to decode and
   * only the odd byte pair happens to be valid UTF-8; in a UTF-8 file with a damaged row it is the
   * other way round.
   */
  validNonAscii = 0;
  /** The first bytes of the input, to guess the legacy encoding an error message suggests. */
  private sample: Buffer = Buffer.alloc(0);

  /** The message for a file in the wrong encoding: name the offset, suggest --encoding. */
  encodingError(): MailsweepError {
    const sample = this.sample.length > 0 ? this.sample : undefined;
    const where = this.firstInvalidOffset === undefined ? "" : ` (first at byte offset ${this.firstInvalidOffset})`;
    const suggestion = this.info.detected
      ? `The file is not UTF-8; if Excel or an older CRM saved it, try --encoding ${sample ? guessLegacy(sample) : "windows-1251 or windows-1252"}.`
      : `Check that --encoding ${this.info.encoding} is right.`;
    return new MailsweepError("data", `${this.fileLabel}: too many bytes that are not valid ${this.info.encoding}${where}. ${suggestion}`);
  }
}

const SAMPLE_BYTES = 64 * 1024;

/** Code unit that stands for an undecodable byte b: ESCAPE_BASE + b (U+DC80..U+DCFF for b >= 0x80). */
export const ESCAPE_BASE = 0xdc00;

// A low surrogate in U+DC00..U+DCFF that is not the second half of a pair.
const LONE_ESCAPE = /(?<![\ud800-\udbff])[\udc00-\udcff]/;
const LONE_ESCAPE_G = new RegExp(LONE_ESCAPE.source, "g");

/** Does this decoded text hold escaped (undecodable) bytes? */
export function hasEscapedBytes(s: string): boolean {
  return LONE_ESCAPE.test(s);
}

/** Show escaped bytes as \xNN so raw text in a detail cell is readable and valid UTF-8. */
export function showEscapedBytes(s: string): string {
  return s.replace(LONE_ESCAPE_G, (c) =>
    `\\x${(c.charCodeAt(0) - ESCAPE_BASE).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** Index of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Buffer): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min2 = 0x80;
    let max2 = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) min2 = 0xa0; // overlong
      if (c === 0xed) max2 = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) min2 = 0x90; // overlong
      if (c === 0xf4) max2 = 0x8f; // > U+10FFFF
    } else return i;
    if (i + need > n - 1) return i; // truncated: the data ends inside the sequence
    const c2 = b[i + 1]!;
    if (c2 < min2 || c2 > max2) return i;
    for (let k = 2; k <= need; k++) {
      const ck = b[i + k]!;
      if ((ck & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
