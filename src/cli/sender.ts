import type { Command } from "commander";
import { DnsUnavailableError } from "../dns/index.js";
import { interruptedBy, MailsweepError } from "../errors.js";
import { auditSender, createSenderResolver, renderAudit, type SenderResolver } from "../sender/index.js";
import { print, type Io } from "./io.js";
import { collect, parsePositiveInt } from "./options.js";

interface SenderFlags {
  ip?: string;
  dkimSelector?: string[];
  dnsServer?: string[];
  dnsTimeout?: number;
  json?: boolean;
}

/**
 * The audit ran and at least one check failed: exit 1 (documented for `sender`). Not a
 * MailsweepError: nothing went wrong operationally, and the report is already printed.
 */
/** Exit 1: the audit ran and printed its table, and at least one check failed. */
export class ChecksFailedError extends MailsweepError {
  constructor(readonly failed: readonly string[]) {
    super("failed", `sender audit: ${failed.length} check${failed.length === 1 ? "" : "s"} failed (${failed.join(", ")}).`, { reported: true });
  }
}

export function registerSender(program: Command, io: Io): void {
  program
    .command("sender")
    .description("audit the sending domain's DNS (MX, SPF, DMARC, DKIM; PTR with --ip). Exit 0: nothing fails; 1: a check fails; 75: DNS unavailable")
    .argument("<domain>", "the domain you send from (the part after @ in your From and bounce addresses)")
    .option("--ip <addr>", "the sending server's IP: checks SPF authorises it, and its reverse DNS (PTR, forward-confirmed)")
    .option("--dkim-selector <s>", "DKIM selector to check (repeatable; default: try common selectors)", collect)
    .option("--dns-server <host[:port]>", "DNS server to ask (repeatable; default: the system resolver)", collect)
    .option("--dns-timeout <ms>", "per-query DNS timeout in milliseconds", parsePositiveInt)
    .option("--json", "print the audit as one JSON object")
    .action(async (domain: string, flags: SenderFlags) => {
      let resolver: SenderResolver;
      try {
        resolver = createSenderResolver({ servers: flags.dnsServer, timeoutMs: flags.dnsTimeout });
      } catch (e) {
        throw usage(e);
      }
      const onAbort = (): void => resolver.close();
      io.signal.addEventListener("abort", onAbort);
      try {
        const audit = await auditSender(domain, { resolver, ip: flags.ip, dkimSelectors: flags.dkimSelector }).catch((e: unknown) => {
          if (io.signal.aborted) throw interruptedBy(io.signal, "the audit was not finished");
          if (e instanceof DnsUnavailableError) {
            throw new MailsweepError("dns_unavailable", `${e.message} Nothing was checked; retry later or pass --dns-server.`, { cause: e });
          }
          throw usage(e);
        });
        if (io.signal.aborted) throw interruptedBy(io.signal, "the audit was not finished");
        if (flags.json) print(io.stdout, JSON.stringify(audit));
        else io.stdout.write(renderAudit(audit));
        const checks = Object.entries(audit.checks).flatMap(([name, c]) => (c !== null && c.status === "fail" ? [name] : []));
        if (checks.length > 0) throw new ChecksFailedError(checks);
      } finally {
        io.signal.removeEventListener("abort", onAbort);
        resolver.close();
      }
    });
}

/** A RangeError from our own validation is a usage error (exit 64); anything else passes through. */
function usage(e: unknown): unknown {
  return e instanceof RangeError ? new MailsweepError("usage", e.message, { cause: e }) : e;
}

