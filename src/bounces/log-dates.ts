/**
 * Dates in bounce exports, read without guessing. A wrong date is worse than none: soft bounces
 * are counted over a span of days, so a day and month swapped could suppress a good address
 * weeks early. Accepted:
 *
 * - ISO 8601 / RFC 3339: `2025-01-31`, `2025-01-31 10:00`, `2025-01-31T10:00:00.123+03:00`
 *   (no zone → UTC);
 * - RFC 5322 §3.3 dates as in DSN `Arrival-Date:` and mail logs: `Fri, 31 Jan 2025 10:00:00 +0000`;
 * - Unix epoch seconds (10 digits) or milliseconds (13 digits), as SES and Mailgun export them;
 * - `31.01.2025` (day first: the dotted form is day-month-year wherever it is used);
 * - `1/31/2025` or `31/1/2025` only when one part is over 12; `3/4/2025` is ambiguous → null.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const EPOCH = /^(\d{10}|\d{13})(?:\.\d+)?$/;
const RFC5322 = /^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|[a-z]{1,5})?(?:\s*\([^)]*\))?$/i;

/** Dates before this are not bounces (a zero or placeholder); after "now + a day", a clock error. */
const EARLIEST = Date.UTC(1995, 0, 1);

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  // Date.UTC rolls 31 February into March: reject dates that do not exist.
  if (new Date(t).getUTCDate() !== d) return null;
  return t;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || /^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m === null) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === "-" ? -1 : 1) * minutes * 60_000;
}

function hour12(h: number, ampm: string | undefined): number {
  if (ampm === undefined) return h;
  const pm = ampm.toLowerCase() === "pm";
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

/** Epoch milliseconds of a cell, or null when it is not a date this module reads unambiguously. */
export function parseLogDateMs(cell: string, now: number = Date.now()): number | null {
  const s = cell.trim();
  if (s === "" || s.length > 64) return null;
  let t: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(s)) !== null) {
    const frac = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
    const base = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), frac);
    t = base === null ? null : base - zoneOffsetMs(m[8]);
  } else if ((m = EPOCH.exec(s)) !== null) {
    t = m[1]!.length === 10 ? Number(m[1]) * 1000 : Number(m[1]);
  } else if ((m = DOTTED.exec(s)) !== null) {
    t = utc(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  } else if ((m = SLASHED.exec(s)) !== null) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const h = hour12(Number(m[4] ?? 0), m[7]);
    if (a > 12 && b <= 12) t = utc(Number(m[3]), b, a, h, Number(m[5] ?? 0), Number(m[6] ?? 0));
    else if (b > 12 && a <= 12) t = utc(Number(m[3]), a, b, h, Number(m[5] ?? 0), Number(m[6] ?? 0));
    else if (a === b) t = utc(Number(m[3]), a, b, h, Number(m[5] ?? 0), Number(m[6] ?? 0));
    else t = null; // 3/4/2025: March 4th or 3 April — refuse to guess
  } else if (RFC5322.test(s)) {
    const parsed = Date.parse(s.replace(/\s*\([^)]*\)$/, ""));
    t = Number.isFinite(parsed) ? parsed : null;
  }
  if (t === null || !Number.isFinite(t) || t < EARLIEST || t > now + 86_400_000) return null;
  return t;
}

/** ISO string (Date#toISOString) of a cell's date, or null. */
export function parseLogDate(cell: string, now?: number): string | null {
  const t = parseLogDateMs(cell, now);
  return t === null ? null : new Date(t).toISOString();
}
