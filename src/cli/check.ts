import type { Command } from "commander";
import { createChecker } from "../check/index.js";
import { createDnsChecker } from "../dns/index.js";
import { print, type Io } from "./io.js";
import { collect, collectDnsServer, parsePositiveInt, parseTypoMode } from "./options.js";
import type { TypoMode } from "../check/domain.js";

interface CheckFlags {
  json?: boolean;
  offline?: boolean;
  dnsServer?: string[];
  dnsTimeout?: number;
  typos: TypoMode;
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command("check")
    .description("check single addresses")
    .argument("<address...>", "one or more addresses")
    .option("--json", "print one JSON object per address, one per line")
    .option("--offline", "no network: skip DNS checks")
    .option("--dns-server <host[:port]>", "DNS server to ask (repeatable)", collectDnsServer)
    .option("--dns-timeout <ms>", "per-query DNS timeout in milliseconds", parsePositiveInt)
    .option("--typos <mode>", "fix | suggest | off", parseTypoMode, "fix")
    .action(async (addresses: string[], flags: CheckFlags) => {
      const dns = flags.offline ? null : createDnsChecker({ servers: flags.dnsServer, timeoutMs: flags.dnsTimeout });
      try {
        if (dns !== null) await dns.canary();
        const checker = createChecker({ typos: flags.typos, dns });
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
      }
    });
}
