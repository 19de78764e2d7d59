import type { Command } from "commander";
import { dataSources } from "../check/sources.js";
import { createDomainIntel } from "../domains/index.js";
import { createTypoCorrector } from "../typos/index.js";
import { print, type Io } from "./io.js";

export function registerData(program: Command, io: Io): void {
  program
    .command("data")
    .description("print the data lists that decide verdicts: source, version, date, entries (also in every report.json)")
    .option("--json", "one JSON object per list, one per line")
    .action((flags: { json?: boolean }) => {
      for (const s of dataSources(createDomainIntel(), createTypoCorrector())) {
        if (flags.json) print(io.stdout, JSON.stringify(s));
        else print(io.stdout, `${s.name.padEnd(28)} ${String(s.entries).padStart(7)}  ${s.version ?? "-"}  ${s.date ?? "-"}  ${s.source}`);
      }
    });
}
