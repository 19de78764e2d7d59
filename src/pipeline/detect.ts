import { MailsweepError } from "../errors.js";
import { CsvRecordReader } from "./csv-reader.js";

/** Delimiters the detector chooses between (contract). */
export const DELIMITERS = [",", ";", "\t", "|"] as const;

export interface Sniffed {
  readonly delimiter: string;
  /** Excel's `sep=X` first line was present (it is kept in the outputs). */
  readonly sepLine: string | null;
  /**
   * The delimiter was given, named by `sep=`, or splits the sample into columns. False for a
   * one-column file, whose "," is only a default: no separator is in use there.
   */
  readonly inUse: boolean;
}

const SEP_LINE = /^sep=(.)\r?\n?/i;

/**
 * Pick the delimiter that splits the sample into the most consistent number of fields (> 1).
 * Ties go to the order of DELIMITERS. A one-column file gets ",".
 */
export function sniffDelimiter(sample: string, forced?: string): Sniffed {
  const sep = SEP_LINE.exec(sample);
  const sepLine = sep ? sep[0].replace(/\r?\n$/, "") : null;
  if (forced !== undefined) return { delimiter: forced, sepLine, inUse: true };
  if (sep) return { delimiter: sep[1]!, sepLine, inUse: true };
  let best: { delimiter: string; share: number; fields: number } = { delimiter: ",", share: 0, fields: 1 };
  for (const d of DELIMITERS) {
    const reader = new CsvRecordReader({ delimiter: d });
    const records = reader.push(sample).filter((r) => r.raw.trim() !== "").slice(0, 200);
    if (records.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [fields, count] of counts) {
      if (count > modeCount || (count === modeCount && fields > mode)) {
        mode = fields;
        modeCount = count;
      }
    }
    if (mode < 2) continue;
    const share = modeCount / records.length;
    if (share > best.share + 1e-9 || (Math.abs(share - best.share) < 1e-9 && mode > best.fields)) {
      best = { delimiter: d, share, fields: mode };
    }
  }
  return { delimiter: best.delimiter, sepLine, inUse: best.share > 0 };
}

/** Does a cell look like an address (for header detection and headerless column detection)? */
export function looksLikeAddress(cell: string): boolean {
  // NFKC: an address typed on a CJK IME has a full-width ＠ and letters, which cleaning folds.
  const s = cell.normalize("NFKC").trim().replace(/^mailto:/i, "").replace(/^.*<([^<>]*)>\s*$/, "$1");
  return s.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(s);
}

function headerKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^["'\s\ufeff]+|["'\s]+$/g, "")
    .replace(/[\s_\-.:/()]+/g, " ")
    .replace(/ё/g, "е")
    .trim();
}

/**
 * Header names that mean "the email address" exactly, after headerKey(): English and the
 * languages of the CRMs our users export from. A column named so beats one that merely contains
 * the word (`Secondary Email`, `Email Opt-In`).
 */
const EXACT_NAMES: ReadonlySet<string> = new Set(
  [
    "email", "e mail", "emails", "email address", "e mail address", "emailaddress", "email addr",
    "mail", "mail address", "mailaddress", "email id", "email adress",
    "почта", "электронная почта", "эл почта", "адрес электронной почты", "адрес эл почты",
    "электронный адрес", "адрес почты", "e mail адрес", "email адрес", "емейл", "емэйл", "имейл",
    "мейл", "е мейл", "эл адрес", "пошта", "електронна пошта", "адреса електронної пошти",
    "correo", "correo electronico", "correo electrónico", "email de contacto",
    "courriel", "adresse email", "adresse e mail", "adresse électronique", "mél",
    // Outlook's contact export in French and Italian names the column so ("Adresse de
    // messagerie", "Indirizzo posta elettronica"), next to "Type de messagerie" and the like.
    "adresse de messagerie", "adresse messagerie", "indirizzo posta elettronica", "indirizzo di posta elettronica",
    "e mail adresse", "email adresse", "emailadresse", "indirizzo email", "posta elettronica",
    "e posta", "e posta adresi", "endereço de email", "endereço de e mail", "adres email",
    "adres e mail", "e mailadres",
    // Nordic, Finnish, Central European, Greek exports (Excel and local CRMs).
    "e post", "epost", "e postadress", "e postadresse", "e postadres", "sähköposti", "sähköpostiosoite",
    "e mailová adresa", "e mailová adresa", "email cím", "e mail cím", "ηλεκτρονικό ταχυδρομείο",
    // Japanese, Chinese, Korean forms and CRMs.
    "メールアドレス", "メール", "eメール", "eメールアドレス", "電子メール", "電子メールアドレス",
    "邮箱", "电子邮箱", "电子邮件", "邮件地址", "邮箱地址", "電子郵件", "電郵", "郵箱", "電子郵件地址",
    "이메일", "이메일 주소", "전자우편",
  ].map(headerKey),
);

const CONTAINS =
  /(^|\s)(e ?mails?|mail|почта|пошта|емейл|имейл|correo|courriel|e ?post|messagerie)($|\s)|email|e-mail|почт|sähköposti|posta elettronica|メール|邮箱|邮件|郵件|郵箱|이메일/u;

/**
 * Names of columns that describe the address rather than hold it: consent, status, bounce data,
 * domain, counters, dates (`Email Opt-In`, `Email Marketing Consent`, `Email Status`,
 * `EMAIL_BLACKLISTED`, `Email Domain`, `Marketing emails opened`, `email_add_time`,
 * `Разрешить рассылку по e-mail`). Matched on the headerKey; long stems as substrings so joined
 * names (`HASOPTEDOUTOFEMAIL`, `EMAILBOUNCEDREASON`) match too, short words as whole words.
 */
const ATTRIBUTE =
  /opt ?in|opt ?out|opted|consent|permission|subscri(bed|ption)|unsubscri|bounce|blacklist|blocklist|quarantin|suppress|status|verifi|validat|domain|disabled|enabled|availab|confirm|timestamp|reason|frequen|preferen|engagement|hash|sha\d|md5|рассылк|статус|подтвержд|отпис|подписан|разреш|соглас|домен|дата|einwilligung|zustimmung|zgoda|statut|estado|(^|\s)(opt|type|label|display|date|time|at|count|rate|score|list|lists|ids?|sent|opens?|opened|clicks?|clicked|source|client|valid|format|allowed|accepts?|gdpr|double|last|тип)($|\s)/u;

/**
 * Marks of a second address column (`Secondary Email`, `Email 2`, `E-mail 3 Address`,
 * `Другой e-mail`): when a first one is there too, the first is the address to clean.
 */
const SECONDARY =
  /(^|\s)(secondary|second|other|alternate|alternative|alt|additional|backup|extra|[2-9]|другой|дополнительный|второй|запасной|доп)($|\s)/u;

/**
 * Names that hold the address in some exports only (MailerLite's `Subscriber`, a `Login` or
 * `Username` that is the address): chosen only when the data in the column are addresses.
 */
const WEAK_NAMES: ReadonlySet<string> = new Set(
  ["subscriber", "subscribers", "recipient", "contact", "login", "username", "user", "user name", "address", "identifier", "id",
    "подписчик", "получатель", "контакт", "логин", "адрес"].map(headerKey),
);

export interface ColumnChoice {
  readonly index: number;
  readonly how: "option" | "exact" | "contains" | "data";
}

function atShare(rows: readonly (readonly string[])[], index: number): number {
  if (rows.length === 0) return 0;
  let n = 0;
  for (const r of rows) if (looksLikeAddress(r[index] ?? "")) n++;
  return n / rows.length;
}

function listHeaders(header: readonly string[]): string {
  return header.map((h, i) => `${i + 1}: "${h}"`).join(", ");
}

/**
 * Choose the email column. `option` is `--email-column`: a header name (case-insensitive) or a
 * 1-based index. Without a header the column is given by index or detected from the data.
 */
export function chooseEmailColumn(
  header: readonly string[] | null,
  sample: readonly (readonly string[])[],
  option: string | undefined,
  fileLabel: string,
): ColumnChoice {
  const width = header?.length ?? Math.max(0, ...sample.map((r) => r.length));
  if (option !== undefined) {
    if (header) {
      const wanted = headerKey(option);
      const hits = header.flatMap((h, i) => (headerKey(h) === wanted ? [i] : []));
      if (hits.length === 1) return { index: hits[0]!, how: "option" };
      if (hits.length > 1) {
        throw new MailsweepError("data", `${fileLabel}: more than one column is named "${option}". Columns: ${listHeaders(header)}.`);
      }
    }
    if (/^\d+$/.test(option)) {
      const index = Number(option) - 1;
      if (index >= 0 && index < width) return { index, how: "option" };
    }
    throw new MailsweepError(
      "usage",
      header
        ? `--email-column "${option}" matches no column of ${fileLabel}. Columns: ${listHeaders(header)}.`
        : `--email-column ${option}: ${fileLabel} has ${width} column(s); give a 1-based index.`,
    );
  }
  if (header === null) {
    let bestIndex = -1;
    let bestShare = 0;
    for (let i = 0; i < width; i++) {
      const share = atShare(sample, i);
      if (share > bestShare) {
        bestShare = share;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) {
      throw new MailsweepError("data", `${fileLabel}: no column holds email addresses in the first rows; give --email-column N.`);
    }
    return { index: bestIndex, how: "data" };
  }
  const keys = header.map(headerKey);
  const exact = keys.flatMap((k, i) => (EXACT_NAMES.has(k) ? [i] : []));
  if (exact.length > 0) return pick(exact, "exact", header, sample, fileLabel);
  // A column that describes the address is a candidate only when its data are addresses.
  const contains = keys.flatMap((k, i) =>
    CONTAINS.test(k) && (!ATTRIBUTE.test(k) || atShare(sample, i) >= 0.5) ? [i] : [],
  );
  if (contains.length > 0) {
    const first = contains.filter((i) => !SECONDARY.test(keys[i]!));
    return pick(first.length > 0 ? first : contains, "contains", header, sample, fileLabel);
  }
  const weak = keys.flatMap((k, i) => (WEAK_NAMES.has(k) && atShare(sample, i) >= 0.5 ? [i] : []));
  if (weak.length > 0) return pick(weak, "data", header, sample, fileLabel);
  throw new MailsweepError(
    "data",
    `${fileLabel}: no column looks like the email address; name it with --email-column. Columns: ${listHeaders(header)}.`,
  );
}

/** One candidate wins; several are a tie that only clear data may break, else an error naming them. */
function pick(
  hits: readonly number[],
  how: ColumnChoice["how"],
  header: readonly string[],
  sample: readonly (readonly string[])[],
  fileLabel: string,
): ColumnChoice {
  if (hits.length === 1) return { index: hits[0]!, how };
  const ranked = hits.map((i) => ({ i, share: atShare(sample, i) })).sort((a, b) => b.share - a.share);
  if (ranked[0]!.share >= 0.5 && ranked[0]!.share - ranked[1]!.share >= 0.3) return { index: ranked[0]!.i, how };
  throw new MailsweepError(
    "data",
    `${fileLabel}: several columns could hold the email address (${hits.map((i) => `"${header[i]}"`).join(", ")}); choose one with --email-column. Columns: ${listHeaders(header)}.`,
  );
}

/**
 * Duplicate names, and blank names anywhere but at the end, are errors: a CRM re-import maps
 * columns by name, so the output would be ambiguous. Trailing blank names — the empty column
 * Excel leaves after a trailing delimiter — are allowed.
 */
export function checkHeaderNames(header: readonly string[], fileLabel: string): void {
  let last = header.length - 1;
  while (last >= 0 && header[last]!.trim() === "") last--;
  const problems: string[] = [];
  for (let i = 0; i <= last; i++) {
    if (header[i]!.trim() === "") problems.push(`column ${i + 1} has no name`);
  }
  const seen = new Map<string, number>();
  for (let i = 0; i <= last; i++) {
    const key = header[i]!.trim().toLowerCase();
    if (key === "") continue;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`columns ${first + 1} and ${i + 1} are both named "${header[i]!.trim()}"`);
    else seen.set(key, i);
  }
  if (problems.length > 0) {
    throw new MailsweepError("data", `${fileLabel}: header row problems: ${problems.join("; ")}.`);
  }
}
