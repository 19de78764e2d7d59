import { resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { createDnsChecker, type DnsCache, type DomainDns } from "../dns/index.js";
import type { Store } from "../store/index.js";
import { createDomainIntel, readDomainListFile } from "../domains/index.js";
import { MailsweepError } from "../errors.js";
import { cleanList } from "../pipeline/clean.js";
import { isReasonCode, type ReasonCode } from "../reasons.js";
import { renderHtmlReport } from "../report/html.js";
import type { CleanReport } from "../report/summary.js";
import { pct, renderSummary } from "../report/text.js";
import { applyConfig, loadConfig } from "./config.js";
import { print, type Io } from "./io.js";
import { createProgress } from "./progress.js";
import { openStoreOption } from "./store.js";
import { collect, collectDnsServer, parseCodes, parseDelimiter, parseOnOff, parsePositiveInt, parseTypoMode } from "./options.js";
import type { TypoMode } from "../check/domain.js";

/**
 * The list degraded past a limit the scheduler set (--fail-on, --max-rejected-percent). Every
 * output was written; run() prints the message and exits 1, so cron mails it and CI goes red.
 */
/** Exit 1: `--fail-on` / `--max-rejected-percent` tripped; the outputs were written. */
export class ThresholdExceededError extends MailsweepError {
  constructor(readonly breaches: readonly string[]) {
    super("failed", `exit threshold exceeded: ${breaches.join("; ")}. The outputs were written.`);
  }
}

export interface Thresholds {
  readonly failOn: readonly ReasonCode[];
  readonly maxRejectedPercent: number | null;
}

/** Which limits this run broke, as sentences (empty: none). Pure, from report.json alone. */
export function thresholdBreaches(r: CleanReport, t: Thresholds): string[] {
  const out: string[] = [];
  for (const code of t.failOn) {
    const n = r.by_code[code] ?? 0;
    if (n > 0) out.push(`${n} row(s) carry ${code} (--fail-on)`);
  }
  if (t.maxRejectedPercent !== null) {
    const total = r.rows.input_rows - r.rows.blank_rows;
    const share = total === 0 ? 0 : (100 * r.rows.rejected_rows) / total;
    if (share > t.maxRejectedPercent) {
      out.push(`${pct(r.rows.rejected_rows, total)} of rows rejected, above --max-rejected-percent ${t.maxRejectedPercent}`);
    }
  }
  return out;
}

/** `--fail-on a,b --fail-on c`: any reason code, reject or flag (a sudden wave of dns_unknown counts too). */
export function parseFailOn(values: readonly string[] | undefined): ReasonCode[] {
  const codes: ReasonCode[] = [];
  for (const value of values ?? []) {
    for (const raw of value.split(",")) {
      const code = raw.trim();
      if (code === "") continue;
      if (!isReasonCode(code)) throw new MailsweepError("usage", `--fail-on: unknown code "${code}". See the reason-code table in the README.`);
      if (!codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}

export function parsePercent(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError("expected a percentage from 0 to 100.");
  return n;
}

/**
 * The store's DNS cache, used so that a busy or broken store costs at most one wait: after the
 * first error, reads and writes stop for the rest of the run (the answers are still right, just
 * not remembered).
 */
function forgivingCache(store: Store, io: Io): DnsCache {
  const inner = store.asDnsCache();
  let broken = false;
  const fail = (err: unknown): undefined => {
    if (!broken) print(io.stderr, `mailsweep: warning: DNS cache disabled for this run: ${(err as Error).message}`);
    broken = true;
    return undefined;
  };
  return {
    get: (domain) => {
      if (broken) return undefined;
      try {
        return inner.get(domain) as DomainDns | undefined;
      } catch (err) {
        return fail(err);
      }
    },
    put: (domain, value, ttl) => {
      if (broken) return;
      try {
        inner.put(domain, value, ttl);
      } catch (err) {
        fail(err);
      }
    },
  };
}

/** `--allow-domains` / `--deny-domains`: a missing or malformed file is a usage error naming it. */
function domainListOption(path: string | undefined): string[] | undefined {
  if (path === undefined) return undefined;
  try {
    return readDomainListFile(path);
  } catch (err) {
    throw new MailsweepError("usage", (err as Error).message);
  }
}

interface CleanFlags {
  outDir?: string;
  emailColumn?: string;
  header: boolean;
  delimiter?: string;
  encoding?: string;
  outputEncoding?: string;
  offline?: boolean;
  dnsServer?: string[];
  dnsTimeout?: number;
  concurrency?: number;
  typos: TypoMode;
  reject?: string[];
  keep?: string[];
  store?: string | false;
  refreshDns?: boolean;
  allowDomains?: string;
  denyDomains?: string;
  formulaGuard: boolean;
  json?: boolean;
  quiet?: boolean;
  reportHtml?: string;
  failOn?: string[];
  maxRejectedPercent?: number;
  config?: string | false;
}

export function registerClean(program: Command, io: Io): void {
  program
    .command("clean")
    .description("clean a subscriber list: writes <stem>.clean.csv, <stem>.rejected.csv and <stem>.report.json")
    .argument("<input>", 'CSV file, or "-" for standard input')
    .option("--out-dir <dir>", "where outputs go (default: the input's folder; current folder for stdin)")
    .option("--email-column <name>", "the column that holds the address: header name or 1-based index")
    .option("--no-header", "the file has no header row")
    .option("--delimiter <c>", "field delimiter (default: detected among , ; TAB |)", parseDelimiter)
    .option("--encoding <e>", "input encoding (default: detected UTF-8 / UTF-16 with BOM)")
    .option("--output-encoding <e>", "utf-8 (default), utf-16le, or a single-byte code page such as windows-1251")
    .option("--offline", "no network: skip DNS checks")
    .option("--dns-server <host[:port]>", "DNS server to ask (repeatable; default: the system resolver)", collectDnsServer)
    .option("--dns-timeout <ms>", "per-query DNS timeout in milliseconds", parsePositiveInt)
    .option("--concurrency <n>", "parallel DNS lookups (default 50)", parsePositiveInt)
    .option("--typos <mode>", "fix | suggest | off", parseTypoMode, "fix")
    .option("--reject <codes>", "also reject rows with these flag codes (comma-separated, repeatable)", collect)
    .option("--keep <codes>", "keep rows with these reject codes in the clean list, flagged", collect)
    .option("--store <path>", "the SQLite store (DNS cache, suppression list, sweep history)")
    .option("--no-store", "use no store")
    .option("--refresh-dns", "ignore cached DNS answers (fresh ones are still cached)")
    .option("--allow-domains <file>", "domains never to treat as disposable (one per line)")
    .option("--deny-domains <file>", "extra disposable domains (one per line; subdomains match too)")
    .option("--formula-guard <on|off>", "neutralise spreadsheet formula triggers in output cells", parseOnOff, true)
    .option("--json", "print the run summary as JSON on stdout")
    .option("--report-html <file>", "also write a self-contained HTML report")
    .option("-q, --quiet", "no progress bar and no text summary (errors still go to stderr)")
    .option("--fail-on <codes>", "exit 1 (outputs still written) when any row carries one of these codes (comma-separated, repeatable)", collect)
    .option("--max-rejected-percent <n>", "exit 1 (outputs still written) when more than N% of rows are rejected", parsePercent)
    .option("--config <file>", `read options from this JSON file (default: ./mailsweep.config.json if present); flags win`)
    .option("--no-config", "ignore ./mailsweep.config.json")
    .action(async (input: string, _flags: CleanFlags, command: Command) => {
      const config = await loadConfig(command.opts<CleanFlags>().config, process.cwd());
      if (config !== null) applyConfig(command, config);
      const flags = command.opts<CleanFlags>();
      const thresholds: Thresholds = { failOn: parseFailOn(flags.failOn), maxRejectedPercent: flags.maxRejectedPercent ?? null };
      const htmlPath = flags.reportHtml === undefined ? null : resolve(flags.reportHtml);
      if (htmlPath !== null && input !== "-" && htmlPath === resolve(input)) {
        throw new MailsweepError("usage", `Refusing to overwrite the input: --report-html names ${input}.`);
      }
      const intel = createDomainIntel({ allow: domainListOption(flags.allowDomains), deny: domainListOption(flags.denyDomains), memo: false });
      const reject = parseCodes(flags.reject, "--reject");
      const keep = parseCodes(flags.keep, "--keep");
      const store = openStoreOption(flags.store, io);
      const dns = flags.offline
        ? null
        : createDnsChecker({
            servers: flags.dnsServer,
            timeoutMs: flags.dnsTimeout,
            concurrency: flags.concurrency,
            ...(store ? { cache: forgivingCache(store, io) } : {}),
            refresh: flags.refreshDns ?? false,
          });
      const progress = createProgress({
        stream: io.stderr,
        env: io.env,
        quiet: flags.quiet ?? false,
        resolved: dns === null ? undefined : () => dns.stats().queried + dns.stats().cached,
      });
      try {
        const result = await cleanList({
          input,
          stdin: io.stdin,
          outDir: flags.outDir,
          emailColumn: flags.emailColumn,
          noHeader: !flags.header,
          delimiter: flags.delimiter,
          encoding: flags.encoding,
          outputEncoding: flags.outputEncoding,
          typos: flags.typos,
          reject,
          keep,
          formulaGuard: flags.formulaGuard,
          signal: io.signal,
          dns,
          store,
          intel,
          onProgress: (p) => progress.update(p),
          // Rendered from the finished report and committed atomically with the other outputs.
          ...(htmlPath !== null
            ? { extraOutput: { path: htmlPath, render: (r: CleanReport) => renderHtmlReport(r, { thresholds: thresholdBreaches(r, thresholds) }) } }
            : {}),
          recordedOptions: {
            out_dir: flags.outDir ?? null,
            email_column: flags.emailColumn ?? null,
            header: flags.header,
            delimiter: flags.delimiter ?? null,
            encoding: flags.encoding ?? null,
            output_encoding: flags.outputEncoding ?? null,
            offline: flags.offline ?? false,
            dns_servers: flags.dnsServer ?? [],
            dns_timeout_ms: flags.dnsTimeout ?? null,
            concurrency: flags.concurrency ?? null,
            typos: flags.typos,
            reject,
            keep,
            formula_guard: flags.formulaGuard,
            store: flags.store === false ? null : (store?.path ?? null),
            refresh_dns: flags.refreshDns ?? false,
            allow_domains: flags.allowDomains ?? null,
            deny_domains: flags.denyDomains ?? null,
            report_html: htmlPath,
            fail_on: thresholds.failOn,
            max_rejected_percent: thresholds.maxRejectedPercent,
            config: config?.path ?? null,
          },
        });
        progress.stop();
        const breaches = thresholdBreaches(result.report, thresholds);
        if (flags.json) print(io.stdout, JSON.stringify(result.report));
        else if (!flags.quiet) io.stdout.write(renderSummary(result.report, { html: htmlPath, thresholds: breaches }));
        if (breaches.length > 0) throw new ThresholdExceededError(breaches);
      } finally {
        progress.stop();
        dns?.close();
        try {
          store?.close();
        } catch (err) {
          // The outputs are committed; a store that cannot flush its cache is worth a warning only.
          print(io.stderr, `mailsweep: warning: ${(err as Error).message}`);
        }
      }
    });
}
