import type { Command } from "commander";
import { createDnsChecker, type DnsCache } from "../dns/index.js";
import { cleanList } from "../pipeline/clean.js";
import { renderSummary } from "../report/text.js";
import { print, type Io } from "./io.js";
import { openStoreOption } from "./store.js";
import { collect, collectDnsServer, parseCodes, parseDelimiter, parseOnOff, parsePositiveInt, parseTypoMode } from "./options.js";
import type { TypoMode } from "../check/domain.js";

interface CleanFlags {
  outDir?: string;
  emailColumn?: string;
  header: boolean;
  delimiter?: string;
  encoding?: string;
  offline?: boolean;
  dnsServer?: string[];
  dnsTimeout?: number;
  concurrency?: number;
  typos: TypoMode;
  reject?: string[];
  keep?: string[];
  store?: string | false;
  refreshDns?: boolean;
  formulaGuard: boolean;
  json?: boolean;
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
    .option("--formula-guard <on|off>", "neutralise spreadsheet formula triggers in output cells", parseOnOff, true)
    .option("--json", "print the run summary as JSON on stdout")
    .action(async (input: string, flags: CleanFlags) => {
      const reject = parseCodes(flags.reject, "--reject");
      const keep = parseCodes(flags.keep, "--keep");
      const store = openStoreOption(flags.store, io);
      const dns = flags.offline
        ? null
        : createDnsChecker({
            servers: flags.dnsServer,
            timeoutMs: flags.dnsTimeout,
            concurrency: flags.concurrency,
            ...(store ? { cache: store.asDnsCache() as DnsCache } : {}),
            refresh: flags.refreshDns ?? false,
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
          typos: flags.typos,
          reject,
          keep,
          formulaGuard: flags.formulaGuard,
          signal: io.signal,
          dns,
          store,
          recordedOptions: {
            out_dir: flags.outDir ?? null,
            email_column: flags.emailColumn ?? null,
            header: flags.header,
            delimiter: flags.delimiter ?? null,
            encoding: flags.encoding ?? null,
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
          },
        });
        if (flags.json) print(io.stdout, JSON.stringify(result.report));
        else io.stdout.write(renderSummary(result.report));
      } finally {
        dns?.close();
        store?.close();
      }
    });
}
