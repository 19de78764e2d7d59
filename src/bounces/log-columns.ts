import { MailsweepError } from "../errors.js";
import { looksLikeAddress } from "../pipeline/detect.js";
import { parseLogDate } from "./log-dates.js";

/**
 * Which columns of a bounce export hold the recipient, the bounce text, and (optionally) a reply
 * code and a date. ESPs and MTAs name them differently (Mailchimp "Email Address", SendGrid
 * "email" + "reason", Postmark "Recipient" + "Details", Mailgun "recipient" + "delivery-status
 * message", Amazon SES "destination" + "diagnosticCode", Russian CRMs "Почта" + "Описание"), so
 * the names are matched after folding case, spaces and punctuation, and the data breaks ties.
 */

export type ColumnHow = "option" | "exact" | "contains" | "data";

export interface ColumnPick {
  /** 0-based index into the header (or the row, without a header). */
  readonly index: number;
  readonly how: ColumnHow;
}

export interface BounceColumns {
  readonly email: ColumnPick;
  readonly text: ColumnPick;
  readonly code: ColumnPick | null;
  readonly date: ColumnPick | null;
}

export interface ColumnOptions {
  readonly emailColumn?: string | undefined;
  readonly textColumn?: string | undefined;
  readonly codeColumn?: string | undefined;
  readonly dateColumn?: string | undefined;
}

/** Header name folded for matching: NFKC, lower case, punctuation and underscores as spaces. */
export function foldHeader(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^["'\s\ufeff]+|["'\s]+$/g, "")
    .replace(/[\s_\-.:/()[\]#]+/g, " ")
    .replace(/ё/g, "е")
    .trim();
}

/** camelCase headers (SES `diagnosticCode`, `bounceType`) split before folding. */
function fold(name: string): string {
  return foldHeader(name.replace(/([a-z])([A-Z])/g, "$1 $2"));
}

const EMAIL_EXACT: ReadonlySet<string> = new Set(
  [
    "email", "e-mail", "emails", "email address", "e-mail address", "emailaddress", "mail", "mail address",
    "recipient", "recipients", "recipient address", "recipient email", "recipient e-mail", "rcpt", "rcpt to",
    "to", "to address", "address", "destination", "final recipient", "final-recipient", "original recipient",
    "bounced address", "bounce address", "bounced email", "subscriber", "subscriber email",
    "почта", "электронная почта", "адрес", "адрес почты", "email адрес", "e-mail адрес", "получатель",
    "адрес получателя", "почта получателя", "e-mail получателя", "email получателя", "емейл", "имейл",
  ].map(fold),
);
const EMAIL_CONTAINS = /\be ?mail\b|\bemails?\b|recipient|\brcpt\b|почт|получател|емейл|имейл/u;
/** "From Email", "Sender Address": the sending side, never the bounced recipient. */
const SENDER_SIDE = /\bfrom\b|sender|reply to|отправител|\bот\b/u;

const TEXT_EXACT: ReadonlySet<string> = new Set(
  [
    "error", "error message", "error text", "errors", "reason", "bounce reason", "reason text", "diagnostic",
    "diagnostic code", "diagnostic-code", "diagnostics", "message", "response", "smtp response", "smtp reply",
    "smtp error", "smtp message", "smtp", "status text", "status message", "bounce", "bounce message",
    "bounce text", "bounce details", "details", "detail", "description", "remote response", "server response",
    "reply", "delivery status message", "delivery-status message", "bounce description",
    "описание", "ошибка", "текст ошибки", "причина", "сообщение", "ответ сервера", "описание ошибки",
    "причина отказа", "диагностика",
  ].map(fold),
);
const TEXT_CONTAINS = /error|reason|diagnos|response|reply|smtp|bounce|message|detail|descr|описан|ошибк|причин|сообщен|ответ|диагност/u;

const CODE_EXACT: ReadonlySet<string> = new Set(
  [
    "code", "status", "status code", "smtp code", "smtp status", "dsn", "dsn status", "enhanced code",
    "enhanced status", "enhanced status code", "reply code", "response code", "error code", "bounce code",
    "код", "код ошибки", "статус",
  ].map(fold),
);
const CODE_CONTAINS = /\bcode\b|\bstatus\b|\bdsn\b|код/u;

const DATE_EXACT: ReadonlySet<string> = new Set(
  [
    "date", "time", "timestamp", "datetime", "date time", "bounced at", "bounce date", "bounce time", "created",
    "created at", "event time", "event date", "received", "received at", "sent at", "arrival date", "logged at",
    "дата", "время", "дата и время", "дата время", "дата отказа",
  ].map(fold),
);
const DATE_CONTAINS = /date|time|\bat\b|created|дата|время/u;

/** Share of the sample rows whose cell satisfies `test`; 0 for an empty sample. */
function share(rows: readonly (readonly string[])[], index: number, test: (cell: string) => boolean): number {
  let n = 0;
  let of = 0;
  for (const r of rows) {
    const cell = (r[index] ?? "").trim();
    if (cell === "") continue;
    of++;
    if (test(cell)) n++;
  }
  return of === 0 ? 0 : n / of;
}

function meanLength(rows: readonly (readonly string[])[], index: number): number {
  let total = 0;
  for (const r of rows) total += (r[index] ?? "").trim().length;
  return rows.length === 0 ? 0 : total / rows.length;
}

/** A reply code cell: "550", "5.1.1", "550 5.1.1", "smtp; 550 5.1.1". */
export function looksLikeCode(cell: string): boolean {
  return CODE_CELL.test(cell);
}

/** A cell that is only a code: "550", "5.1.1", "550 5.1.1", "smtp; 550", "5.1.1 (bad destination mailbox)". */
const CODE_CELL = /^\s*(?:smtp;\s*)?(?:[245]\d\d(?:[ -]+[245]\.\d{1,3}\.\d{1,3})?|[245]\.\d{1,3}\.\d{1,3})(?:\s*\([^)]{0,60}\))?\s*$/i;

function looksLikeDate(cell: string): boolean {
  return parseLogDate(cell) !== null;
}

/** Free text: several words with letters (a bounce reply), not a code, a date or an address. */
function looksLikeText(cell: string): boolean {
  return /\p{L}{2,}\s+\S+/u.test(cell) && !looksLikeAddress(cell);
}

function listHeaders(header: readonly string[]): string {
  return header.map((h, i) => `${i + 1}: "${h}"`).join(", ");
}

/** `--x-column NAME|N`: a header name (folded) or a 1-based index. */
function byOption(option: string, flag: string, header: readonly string[] | null, width: number, label: string): ColumnPick {
  if (header !== null) {
    const wanted = fold(option);
    const hits = header.flatMap((h, i) => (fold(h) === wanted ? [i] : []));
    if (hits.length === 1) return { index: hits[0]!, how: "option" };
    if (hits.length > 1) throw new MailsweepError("data", `${label}: more than one column is named "${option}". Columns: ${listHeaders(header)}.`);
  }
  if (/^\d+$/.test(option)) {
    const index = Number(option) - 1;
    if (index >= 0 && index < width) return { index, how: "option" };
  }
  throw new MailsweepError(
    "usage",
    header !== null
      ? `${flag} "${option}" matches no column of ${label}. Columns: ${listHeaders(header)}.`
      : `${flag} ${option}: ${label} has ${width} column(s); give a 1-based index.`,
  );
}

interface NameRule {
  readonly exact: ReadonlySet<string>;
  readonly contains: RegExp;
  /** Does the data fit (share of non-empty sample cells passing the test)? */
  readonly fits: (cell: string) => boolean;
  /** Least share of fitting cells for a named column to be accepted. */
  readonly minShare: number;
  /** Names that look right but mean something else. */
  readonly not?: RegExp;
}

/**
 * The column a rule names: exact names beat "contains" names; among several, the one whose data
 * fits best (and, for text, is longest). A named column whose data plainly does not fit (a
 * "Status" column holding "bounced") is passed over rather than trusted.
 */
function byName(rule: NameRule, header: readonly string[], rows: readonly (readonly string[])[], taken: ReadonlySet<number>): ColumnPick | null {
  const keys = header.map(fold);
  for (const [how, test] of [
    ["exact", (k: string) => rule.exact.has(k)],
    ["contains", (k: string) => rule.contains.test(k)],
  ] as const) {
    const hits = keys
      .flatMap((k, i) => (!taken.has(i) && test(k) && rule.not?.test(k) !== true ? [i] : []))
      .map((i) => ({ i, fit: rows.length === 0 ? 1 : share(rows, i, rule.fits), len: meanLength(rows, i) }))
      .filter((h) => h.fit >= rule.minShare)
      .sort((a, b) => b.fit - a.fit || b.len - a.len || a.i - b.i);
    if (hits.length > 0) return { index: hits[0]!.i, how };
  }
  return null;
}

/** The column whose cells fit best, at least `min` of them; ties go to the longer text. */
function byData(rows: readonly (readonly string[])[], width: number, fits: (cell: string) => boolean, min: number, taken: ReadonlySet<number>): ColumnPick | null {
  let best: { i: number; fit: number; len: number } | null = null;
  for (let i = 0; i < width; i++) {
    if (taken.has(i)) continue;
    const fit = share(rows, i, fits);
    const len = meanLength(rows, i);
    if (fit < min) continue;
    if (best === null || fit > best.fit + 1e-9 || (Math.abs(fit - best.fit) < 1e-9 && len > best.len)) best = { i, fit, len };
  }
  return best === null ? null : { index: best.i, how: "data" };
}

/**
 * Choose the columns of a bounce log. `header` is null for a headerless file; `rows` is a sample
 * of data rows. Throws a `usage` error for an option that names no column, and a `data` error
 * (exit 65) when the address or text column cannot be found.
 */
export function detectBounceColumns(
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  opts: ColumnOptions,
  label: string,
): BounceColumns {
  const width = header?.length ?? Math.max(0, ...rows.map((r) => r.length));
  const taken = new Set<number>();
  const pick = (option: string | undefined, flag: string, rule: NameRule, dataMin: number | null): ColumnPick | null => {
    let chosen: ColumnPick | null = null;
    if (option !== undefined) chosen = byOption(option, flag, header, width, label);
    else if (header !== null) chosen = byName(rule, header, rows, taken);
    if (chosen === null && dataMin !== null && option === undefined) chosen = byData(rows, width, rule.fits, dataMin, taken);
    if (chosen !== null) taken.add(chosen.index);
    return chosen;
  };
  const where = header !== null ? ` Columns: ${listHeaders(header)}.` : "";

  const email = pick(opts.emailColumn, "--email-column", { exact: EMAIL_EXACT, contains: EMAIL_CONTAINS, fits: looksLikeAddress, minShare: 0.5, not: SENDER_SIDE }, 0.5);
  if (email === null) {
    throw new MailsweepError("data", `${label}: no column looks like the recipient address; name it with --email-column.${where}`);
  }
  // Code and date first, so neither can be mistaken for the free-text column.
  const code = pick(opts.codeColumn, "--code-column", { exact: CODE_EXACT, contains: CODE_CONTAINS, fits: looksLikeCode, minShare: 0.5, not: /diagnos|message|text|reason|descr|описан/u }, null);
  const date = pick(opts.dateColumn, "--date-column", { exact: DATE_EXACT, contains: DATE_CONTAINS, fits: looksLikeDate, minShare: 0.5 }, null);
  const text =
    pick(opts.textColumn, "--text-column", { exact: TEXT_EXACT, contains: TEXT_CONTAINS, fits: looksLikeText, minShare: 0.3 }, null) ??
    byData(rows, width, looksLikeText, 0.3, taken);
  if (text === null) {
    throw new MailsweepError("data", `${label}: no column holds bounce texts (error replies); name it with --text-column.${where}`);
  }
  return { email, text, code, date };
}

/**
 * Is this the header row of a bounce log? Not when any cell is an address; yes when a cell names
 * an address or text column (so a log whose first row happens to lack an address is not taken
 * for a header unless its names say so).
 */
export function looksLikeBounceHeader(fields: readonly string[]): boolean {
  if (fields.some(looksLikeAddress)) return false;
  return fields.some((f) => {
    const k = fold(f);
    return EMAIL_EXACT.has(k) || EMAIL_CONTAINS.test(k) || TEXT_EXACT.has(k) || TEXT_CONTAINS.test(k);
  });
}
