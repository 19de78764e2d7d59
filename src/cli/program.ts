import { Command, CommanderError } from "commander";
import { DnsUnavailableError } from "../dns/index.js";
import { EXIT, exitCodeOf, MailsweepError } from "../errors.js";
import { StoreBusyError, StoreError } from "../store/index.js";
import { VERSION } from "../report/summary.js";
import { registerBounces } from "./bounces.js";
import { registerCheck } from "./check.js";
import { registerClean } from "./clean.js";
import { registerData } from "./data.js";
import { registerSender } from "./sender.js";
import { registerSuppress } from "./suppress.js";
import { print, type Io } from "./io.js";

export function buildProgram(io: Io): Command {
  const program = new Command()
    .name("mailsweep")
    .description("Email-list hygiene: clean subscriber lists, classify bounces, audit the sender's domain.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError("(run with --help for usage)");
  registerClean(program, io);
  registerCheck(program, io);
  registerSender(program, io);
  registerBounces(program, io);
  registerSuppress(program, io);
  registerData(program, io);
  return program;
}

/** Run the CLI; returns the exit status (contract) instead of exiting, so tests can call it. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return EXIT.ok;
      return EXIT.usage; // commander already printed the message
    }
    const known = asMailsweepError(err);
    if (known !== null) {
      if (!known.reported) print(io.stderr, `mailsweep: ${known.message}`);
      return exitCodeOf(known);
    }
    print(io.stderr, `mailsweep: internal error: ${(err as Error)?.stack ?? String(err)}`);
    return EXIT.internal;
  }
}

/** Module errors the CLI knows how to explain, mapped to contract exit statuses. */
function asMailsweepError(err: unknown): MailsweepError | null {
  if (err instanceof MailsweepError) return err;
  if (err instanceof DnsUnavailableError) {
    return new MailsweepError(
      "dns_unavailable",
      `${err.message} Nothing was written. Try again later, name another resolver with --dns-server, or run with --offline to skip DNS checks.`,
      { cause: err },
    );
  }
  if (err instanceof StoreBusyError) {
    return new MailsweepError("dns_unavailable", `${err.message} Another sweep is using the store; try again later.`, { cause: err });
  }
  if (err instanceof StoreError) return new MailsweepError("cant_create", err.message, { cause: err });
  return null;
}
