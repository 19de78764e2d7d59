import type { InputDecoder } from "./decode.js";

/**
 * When undecodable records mean the encoding is wrong rather than that a few rows are broken.
 * Asked three times a run: on the detection sample, mid-file (to stop early) and at the end.
 */

/** What the decoder has seen so far; an InputDecoder is one. */
export type DecodeEvidence = Pick<InputDecoder, "info" | "invalidBytes" | "validNonAscii" | "encodingError">;

/** Stop early, mid-file, only when undecodable rows are this common (and outweigh good text). */
const EARLY_UNDECODABLE_MIN = 20;
const EARLY_UNDECODABLE_SHARE = 0.2;

/**
 * Undecodable records mean a wrong encoding, not a damaged row, when they are not a lone
 * exception (two or more, or half the rows) and undecodable bytes outnumber the multi-byte text
 * that decoded correctly (see InputDecoder.validNonAscii).
 */
export function wrongEncoding(d: DecodeEvidence, bad: number, rows: number): boolean {
  return bad > 0 && (!d.info.detected || ((bad >= 2 || bad * 2 >= rows) && d.invalidBytes > d.validNonAscii));
}

/** Clearly another encoding already, `bad` undecodable records in `rows`: no need to read the rest. */
export function clearlyWrongEncoding(d: DecodeEvidence, bad: number, rows: number): boolean {
  return bad >= EARLY_UNDECODABLE_MIN && bad > EARLY_UNDECODABLE_SHARE * rows && d.invalidBytes > d.validNonAscii;
}
