import { InvalidArgumentError, type Command } from "commander";
import { classifyBounceLog, DEFAULT_SENDER_ALERT_PERCENT, type LogFormat } from "../bounces/log.js";
import { renderBounceSummary } from "../bounces/log-summary.js";
import { MailsweepError } from "../errors.js";
import { DEFAULT_SOFT_THRESHOLD } from "../store/index.js";
import { print, type Io } from "./io.js";
import { parseDelimiter, parseOnOff, parsePositiveInt } from "./options.js";
import { openStoreOption } from "./store.js";

interface BouncesFlags {
  outDir?: string;
  emailColumn?: string;
  textColumn?: string;
  codeColumn?: string;
  dateColumn?: string;
  format: LogFormat;
  header: boolean;
  delimiter?: string;
  encoding?: string;
  store?: string | false;
  apply?: boolean;
  softThreshold: number;
  softDays: number;
  senderAlertPercent: number;
  failOnSenderAlert?: boolean;
  formulaGuard: boolean;
  json?: boolean;
}

/** Exit 1 with `--fail-on-sender-alert`: the summary (with the alert) was printed already. */
export class SenderAlertError extends MailsweepError {
  constructor(percent: number) {
    super("failed", `sender-side bounces are ${percent}% of the log`, { reported: true });
  }
}

function parseFormat(value: string): LogFormat {
  if (value === "auto" || value === "csv" || value === "text") return value;
  throw new InvalidArgumentError('expected "auto", "csv" or "text".');
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100 || value.trim() === "") throw new InvalidArgumentError("expected a percentage from 0 to 100.");
  return n;
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number of days (0 or more).");
  return n;
}

export function registerBounces(program: Command, io: Io): void {
  program
    .command("bounces")
    .description(
      "classify a bounce log: writes <stem>.bounces.csv and prints a summary; --apply feeds the suppression list. " +
        "Exit 0: ok; 1: sender alert with --fail-on-sender-alert; 64 usage; 65 unusable log; 66 log missing; 73/74 output",
    )
    .argument("<log>", 'bounce export (CSV, or one bounce per line), or "-" for standard input')
    .option("--out-dir <dir>", "where the output goes (default: the log's folder; current folder for stdin)")
    .option("--email-column <name>", "the recipient address column: header name or 1-based index")
    .option("--text-column <name>", "the bounce text (error reply) column: header name or 1-based index")
    .option("--code-column <name>", "a column with the reply code or DSN status (550, 5.1.1)")
    .option("--date-column <name>", "a column with the bounce date (ISO 8601, RFC 5322, epoch, DD.MM.YYYY)")
    .option("--format <f>", "auto | csv | text (text: one bounce per line, the address found in the line)", parseFormat, "auto")
    .option("--no-header", "the CSV has no header row")
    .option("--delimiter <c>", "field delimiter (default: detected among , ; TAB |)", parseDelimiter)
    .option("--encoding <e>", "input encoding (default: detected UTF-8 / UTF-16 with BOM)")
    .option("--store <path>", "the SQLite store (suppression list and bounce history)")
    .option("--no-store", "use no store (not allowed with --apply)")
    .option("--apply", "record the outcomes: hard bounces suppress at once, soft bounces count towards the threshold")
    .option("--soft-threshold <n>", "soft bounces needed to suppress", parsePositiveInt, DEFAULT_SOFT_THRESHOLD.count)
    .option("--soft-days <n>", "... spanning at least this many days", parseDays, DEFAULT_SOFT_THRESHOLD.days)
    .option("--sender-alert-percent <p>", "alert when sender-side bounces exceed this share of the log", parsePercent, DEFAULT_SENDER_ALERT_PERCENT)
    .option("--fail-on-sender-alert", "exit 1 when the sender alert fires")
    .option("--formula-guard <on|off>", "neutralise spreadsheet formula triggers in output cells", parseOnOff, true)
    .option("--json", "print the summary as JSON on stdout")
    .action(async (input: string, flags: BouncesFlags) => {
      if (flags.apply && flags.store === false) {
        throw new MailsweepError("usage", "--apply records bounces in the store; it cannot be used with --no-store.");
      }
      // The store is opened only to apply: classifying a log never touches it.
      const store = flags.apply ? openStoreOption(flags.store, io) : null;
      try {
        const result = await classifyBounceLog({
          input,
          stdin: io.stdin,
          outDir: flags.outDir,
          emailColumn: flags.emailColumn,
          textColumn: flags.textColumn,
          codeColumn: flags.codeColumn,
          dateColumn: flags.dateColumn,
          format: flags.format,
          noHeader: !flags.header,
          delimiter: flags.delimiter,
          encoding: flags.encoding,
          formulaGuard: flags.formulaGuard,
          senderAlertPercent: flags.senderAlertPercent,
          apply: store === null ? null : { store, threshold: { count: flags.softThreshold, days: flags.softDays } },
          signal: io.signal,
        });
        const s = result.summary;
        if (flags.json) print(io.stdout, JSON.stringify(s));
        else io.stdout.write(renderBounceSummary(s));
        if (s.sender.alert) {
          // Loud on stderr too, so a scheduler's mail or log shows it even when stdout is a file.
          print(io.stderr, `mailsweep: SENDER ALERT: ${s.sender.percent}% of the bounces in ${s.input} are sender-side (alert level ${s.sender.alert_percent}%); the problem is the sender, not the list.`);
          if (flags.failOnSenderAlert) throw new SenderAlertError(s.sender.percent);
        }
      } finally {
        store?.close();
      }
    });
}
