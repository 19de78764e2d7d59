import type { Command } from "commander";
import { adviceFor, classifyBounce } from "../bounces/index.js";
import { createChecker } from "../check/index.js";
import { MailsweepError } from "../errors.js";
import { createDnsChecker } from "../dns/index.js";
import { StoreError, type Store } from "../store/index.js";
import { print, type Io } from "./io.js";
import { openStoreOption } from "./store.js";
import { collect, collectDnsServer, parsePositiveInt, parseTypoMode } from "./options.js";
import type { TypoMode } from "../check/domain.js";

interface CheckFlags {
  json?: boolean;
  offline?: boolean;
  dnsServer?: string[];
  dnsTimeout?: number;
  typos: TypoMode;
  bounce?: string[];
  store?: string | false;
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command("check")
    .description('check single addresses; or classify a bounce text with --bounce "text"')
    .argument("[address...]", "one or more addresses")
    .option("--json", "print one JSON object per address, one per line")
    .option("--offline", "no network: skip DNS checks")
    .option("--dns-server <host[:port]>", "DNS server to ask (repeatable)", collectDnsServer)
    .option("--dns-timeout <ms>", "per-query DNS timeout in milliseconds", parsePositiveInt)
    .option("--typos <mode>", "fix | suggest | off", parseTypoMode, "fix")
    .option("--bounce <text>", "classify a bounce text (repeatable): category, action, codes and advice", collect)
    .option("--store <path>", "the store whose suppression list is consulted (read-only)")
    .option("--no-store", "ignore the suppression list")
    .action(async (addresses: string[], flags: CheckFlags) => {
      for (const text of flags.bounce ?? []) printBounce(io, text, flags.json === true);
      if (addresses.length === 0) {
        if (flags.bounce === undefined) throw new MailsweepError("usage", 'check: give one or more addresses, or --bounce "text".');
        return;
      }
      const dns = flags.offline ? null : createDnsChecker({ servers: flags.dnsServer, timeoutMs: flags.dnsTimeout });
      // The suppression list, read-only: `check` must agree with `clean` on suppressed addresses.
      // No store yet means nothing is suppressed.
      let store: Store | null = null;
      try {
        store = openStoreOption(flags.store, io, { readonly: true });
      } catch (err) {
        if (!(err instanceof StoreError && err.code === "open_failed")) throw err;
      }
      try {
        if (dns !== null) await dns.canary();
        const checker = createChecker({ typos: flags.typos, dns, suppressed: store?.suppressionLookup() ?? null });
        for (const raw of addresses) {
          const v = await checker.check(raw);
          if (flags.json) {
            print(io.stdout, JSON.stringify({ input: v.input, normalized: v.normalized, status: v.status, codes: v.codes, details: v.details, suggestion: v.suggestion, dns: v.dns }));
          } else {
            const shown = v.normalized !== raw ? `${raw} → ${v.normalized}` : raw;
            print(io.stdout, `${shown}: ${v.status}${v.rejected && v.status !== "invalid" ? " (rejected by --reject)" : ""}`);
            for (let i = 0; i < v.codes.length; i++) print(io.stdout, `  ${v.codes[i]}: ${v.details[i]}`);
            if (v.suggestion) print(io.stdout, `  suggestion: ${v.suggestion}`);
          }
        }
      } finally {
        dns?.close();
        store?.close();
      }
    });
}

/** `check --bounce`: one classification, for quick support work. */
function printBounce(io: Io, text: string, json: boolean): void {
  const c = classifyBounce(text);
  if (json) {
    print(io.stdout, JSON.stringify({ bounce: text, ...c, advice: adviceFor(c.category) }));
    return;
  }
  print(io.stdout, `bounce: ${c.category} → ${c.action} (${c.side === "none" ? "no side" : `${c.side} side`}, ${c.severity})`);
  if (c.code !== null || c.enhancedCode !== null) print(io.stdout, `  codes: ${[c.code, c.enhancedCode].filter((x) => x !== null).join(" ")}`);
  if (c.evidence !== null) print(io.stdout, `  evidence: ${JSON.stringify(c.evidence)} (rule ${c.rule})`);
  if (c.blocklist !== undefined) print(io.stdout, `  blocklist: ${c.blocklist}`);
  print(io.stdout, `  advice: ${adviceFor(c.category)}`);
  if (c.category === "sender_config") print(io.stdout, "  next: run `mailsweep sender <your-domain>` to check SPF, DKIM, DMARC and MX.");
}
