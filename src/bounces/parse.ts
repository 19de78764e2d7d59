/**
 * Parsing a bounce text before it is classified: undo the wrappers relays put around the remote
 * server's reply, join multi-line replies into one line, and pull out the reply codes.
 *
 * Pure functions; the regular expressions are constants without the `y` flag, and the global
 * ones are only used through String.prototype.replace, which always starts at index 0 and resets
 * `lastIndex` (so no state survives between calls).
 */

/** Bounce texts longer than this are cut before parsing: real replies are far shorter, and the cap
 * bounds the work any pattern can do on a hostile or concatenated log cell. */
export const MAX_BOUNCE_TEXT = 4096;

export interface ReplyCodes {
  /** Basic reply code (RFC 5321 §4.2.1), e.g. "550". */
  readonly code: string | null;
  /** Enhanced status code (RFC 3463 §2, registry in RFC 5248), e.g. "5.1.1". */
  readonly enhancedCode: string | null;
}

export interface ParsedBounce extends ReplyCodes {
  /** Unwrapped, joined, whitespace-collapsed text (original case). */
  readonly text: string;
  /** `text` lower-cased once, for matching. */
  readonly lower: string;
}

interface Wrapper {
  readonly id: string;
  /** Lower-case text that must occur for the pattern to apply: a cheap test before the RegExp. */
  readonly needle: string;
  readonly pattern: RegExp;
  /** Replacement; `$1` keeps the wrapped reply. */
  readonly replace: string;
  /** The real wrapper this undoes. */
  readonly comment: string;
}

/**
 * Relay wrappers, removed in this order. Each keeps the reply it wraps and drops only the framing,
 * so that the first reply code left in the text is the one the remote server sent.
 */
const WRAPPERS: readonly Wrapper[] = [
  {
    id: "postfix-log-status",
    needle: "status=",
    pattern: /^[^\n]*?\bstatus=(?:bounced|deferred|expired|undeliverable)\s*\(([\s\S]*)\)\s*$/i,
    replace: " $1 ",
    comment:
      "postfix/smtp[123]: 4Xz: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 ... (in reply to RCPT TO command))",
  },
  {
    id: "exchange-remote-server-returned",
    needle: "remote server returned",
    pattern: /\bremote server returned '([\s\S]*)'/i,
    replace: " $1 ",
    comment: "Exchange NDR: Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
  },
  {
    id: "exchange-remote-server-returned-ru",
    needle: "сервер вернул",
    pattern: /удал[её]нный сервер вернул '([\s\S]*)'/i,
    replace: " $1 ",
    comment: "Russian Exchange NDR: Удаленный сервер вернул '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
  },
  {
    id: "postfix-in-reply-to",
    needle: "in reply to",
    pattern: /\(in reply to [^()]{1,40}\)/gi,
    replace: " ",
    comment: "Postfix: ... User unknown in local recipient table (in reply to RCPT TO command)",
  },
  {
    id: "remote-host-said",
    needle: "remote host said",
    pattern: /\bremote host said:/gi,
    replace: " ",
    comment: "qmail: Connected to 192.0.2.1 but sender was rejected./Remote host said: 553 sorry, ...",
  },
  {
    id: "postfix-host-said",
    needle: "said:",
    pattern: /\bhost\s+[^\s\[]+(?:\s*\[[^\]\s]*\])?(?::\d+)?\s+said:/gi,
    replace: " ",
    comment: "Postfix: host gmail-smtp-in.l.google.com[142.250.27.26] said: 550-5.1.1 The email account ...",
  },
  {
    id: "exim-smtp-error-after",
    needle: "smtp error from remote",
    pattern: /\bsmtp error from remote (?:mail )?server after [^\n:]{1,60}:(?:\s*<[^>\n]{0,300}>[^:\n]{0,80}:)?/gi,
    replace: " ",
    comment: "Exim: SMTP error from remote mail server after RCPT TO:<bob@example.com>:\\n host mx.example.com [192.0.2.1]: 550 ...",
  },
  {
    id: "exim-smtp-error-for",
    needle: "smtp error from remote",
    pattern: /\bsmtp error from remote (?:mail )?server for [^\n]{1,60}? command,\s*host:\s*\S+(?:\s*\([^)\n]{0,60}\))?\s*reason:/gi,
    replace: " ",
    comment: "Exim 4.9x: SMTP error from remote server for RCPT TO command, host: mx.example.com (192.0.2.1) reason: 550 5.1.1 ...",
  },
  {
    id: "exim-host-line",
    needle: "]:",
    pattern: /\bhost\s+\S+\s+\[[0-9a-f.:]+\](?::\d+)?:/gi,
    replace: " ",
    comment: "Exim: host mx.example.com [192.0.2.1]: 550 5.1.1 <bob@example.com>: Recipient address rejected",
  },
  {
    id: "gmail-dsn-lead-in",
    needle: "was:",
    pattern: /\b(?:the response (?:from the remote server )?was|the error that the other server returned was):/gi,
    replace: " ",
    comment: "Gmail DSN: The response from the remote server was: 550 5.1.1 ... / The error that the other server returned was: 550 ...",
  },
  {
    id: "dsn-lead-in-ru",
    needle: "ответ",
    pattern: /(?:ответ (?:удал[её]нного )?сервера|получен ответ)\s*:/gi,
    replace: " ",
    comment: "Gmail/Yandex DSN in Russian: Ответ сервера: 550 5.1.1 The email account that you tried to reach does not exist.",
  },
  {
    id: "dsn-diagnostic-code",
    needle: "diagnostic-code",
    pattern: /\bdiagnostic-code:\s*(?:smtp|x-postfix|x-unix|x-local)\s*;/gi,
    replace: " ",
    comment: "RFC 3464 DSN field: Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>... User unknown",
  },
  {
    id: "smtp-semicolon",
    needle: "smtp;",
    pattern: /\bsmtp;\s*/gi,
    replace: " ",
    comment: "Exchange/DSN: #550 5.4.1 smtp; 550 5.4.1 Recipient address rejected: Access denied",
  },
  {
    id: "exchange-admin-diagnostics",
    needle: "server",
    pattern: /\b(?:diagnostic information for administrators:|generating server:\s*\S+)/gi,
    replace: " ",
    comment: "Exchange NDR: Diagnostic information for administrators: Generating server: EX01.example.com",
  },
];

/** A literal backslash-n (or \r\n, \r) as CSV exports write embedded line breaks. */
const LITERAL_NEWLINE = /\\r\\n|\\n|\\r/g;
const LITERAL_TAB = /\\t/g;

/**
 * Basic reply code: three digits, first 2/4/5, second 0-5 (RFC 5321 §4.2: the second digit is
 * 0-5), standing alone — not part of a longer number, an IP address or a dotted code. Second-digit
 * 6-9 rules out ports 465/587; the lead set rules out IP octets after a dot.
 */
const BASIC_CODE = /(?:^|[\s(#'"<\[:;=])([45][0-5]\d)(?=[\s\-.,;:)'"\]>]|$)/;
/** A 2xx reply is only taken at the very start (elsewhere "250" is too often a size or count). */
const BASIC_CODE_2XX_START = /^\s*(2[0-5]\d)(?=[\s\-]|$)/;
/**
 * Enhanced status code class.subject.detail (RFC 3463 §2: subject and detail 1-3 digits), not
 * inside an IP address or a version number: no digit or dot before, no digit or ".digit" after.
 */
const ENHANCED_CODE = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/;

/**
 * Reply-line prefixes: "550-" (continuation) or "550 " (last line), optionally followed by an
 * enhanced code, at the start of the text or after whitespace (RFC 5321 §4.2.1 multiline replies).
 */
const REPLY_PREFIX = /(^|\s)([245][0-5]\d)([- ])(?:([245]\.\d{1,3}\.\d{1,3})(?=\s|$))?\s*/g;

/** Replace literal escapes and cap the length. */
function prepare(raw: string): string {
  const capped = raw.length > MAX_BOUNCE_TEXT ? raw.slice(0, MAX_BOUNCE_TEXT) : raw;
  return capped.includes("\\") ? capped.replace(LITERAL_NEWLINE, "\n").replace(LITERAL_TAB, " ") : capped;
}

/**
 * The whitespace runs that collapsing changes: two or more characters, or one that is not a plain
 * space (line breaks, tabs, no-break and other Unicode spaces: the set `\s` matches, less " ").
 * A lone space between words is left alone, so a tidy text has no match at all. Replacing every
 * `\s+` run instead cost ~1.2 µs on a Postfix reply with two relay wrappers cut out, one call per
 * space; this costs ~0.2 µs.
 */
const UNTIDY_RUN = / \s+|[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]\s*/g;

/** Collapse whitespace runs to one space and trim: the same as `replace(/\s+/g, " ").trim()`. */
function tidy(text: string): string {
  return text.replace(UNTIDY_RUN, " ").trim();
}

interface Unwrapped {
  readonly text: string;
  readonly lower: string;
}

/** One test for all wrapper needles: most texts carry no wrapper, and then nothing else runs. */
const WRAPPER_GATE = new RegExp(
  [...new Set(WRAPPERS.map((w) => w.needle))].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
);

function unwrap(raw: string): Unwrapped {
  let text = prepare(raw);
  let lower = text.toLowerCase();
  if (!WRAPPER_GATE.test(lower)) return { text, lower };
  for (const wrapper of WRAPPERS) {
    if (!lower.includes(wrapper.needle)) continue;
    const next = text.replace(wrapper.pattern, wrapper.replace);
    if (next !== text) {
      text = next;
      lower = text.toLowerCase();
    }
  }
  return { text, lower };
}

/** Undo relay wrappers (see WRAPPERS), keeping line breaks. */
export function unwrapBounce(raw: string): string {
  return unwrap(raw).text;
}

/** The first basic reply code and the first enhanced status code found in a text. */
export function extractCodes(text: string): ReplyCodes {
  const start = BASIC_CODE_2XX_START.exec(text);
  const basic = start ?? BASIC_CODE.exec(text);
  const enhanced = ENHANCED_CODE.exec(text);
  return { code: basic?.[1] ?? null, enhancedCode: enhanced?.[1] ?? null };
}

/**
 * Join a multi-line reply into one line: "550-5.1.1 a\n550-5.1.1 b\n550 5.1.1 c" becomes
 * "550 5.1.1 a b c". Works the same when a log has already folded the lines into spaces. Only
 * prefixes carrying the reply's own code are removed; the first one stays as the reply's head.
 */
export function joinContinuations(text: string, code: string | null): string {
  const oneLine = tidy(text);
  // Without a "550-" continuation the prefixes would all be kept as they are.
  if (code === null || !oneLine.includes(`${code}-`)) return oneLine;
  let seen = false;
  let continuing = false;
  const joined = oneLine.replace(
    REPLY_PREFIX,
    (match: string, lead: string, found: string, sep: string, enhanced: string | undefined) => {
      if (found !== code) return match;
      if (!seen) {
        seen = true;
        continuing = sep === "-";
        return `${lead}${found} ${enhanced === undefined ? "" : `${enhanced} `}`;
      }
      // A "550-" line continues the reply; the "550 " line after it is the reply's last line.
      if (sep === "-" || continuing) {
        continuing = sep === "-";
        return lead;
      }
      return match;
    },
  );
  // The prefixes take their trailing whitespace along, so no double spaces are left behind.
  return joined === oneLine ? oneLine : joined.trim();
}

/** Unwrap, take the codes, join the lines, lower-case once. */
export function parseBounce(raw: string): ParsedBounce {
  const unwrapped = unwrap(raw);
  const codes = extractCodes(unwrapped.text);
  const text = joinContinuations(unwrapped.text, codes.code);
  // Most replies are one tidy line without wrappers: then the lower-cased copy is reused.
  const lower = text === unwrapped.text ? unwrapped.lower : text.toLowerCase();
  return { text, lower, code: codes.code, enhancedCode: codes.enhancedCode };
}
