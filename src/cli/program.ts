import { Command, CommanderError } from "commander";
import { EXIT, exitCodeOf, MailsweepError } from "../errors.js";
import { VERSION } from "../report/summary.js";
import { registerCheck } from "./check.js";
import { registerClean } from "./clean.js";
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
    if (err instanceof MailsweepError) {
      print(io.stderr, `mailsweep: ${err.message}`);
      return exitCodeOf(err);
    }
    print(io.stderr, `mailsweep: internal error: ${(err as Error)?.stack ?? String(err)}`);
    return EXIT.internal;
  }
}
