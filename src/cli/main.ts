#!/usr/bin/env node
import { rmSync } from "node:fs";
import { EXIT } from "../errors.js";
import { liveTempFiles } from "../pipeline/output.js";
import { run } from "./program.js";

const controller = new AbortController();
let signals = 0;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    signals++;
    // First signal: stop cleanly (temp files removed, earlier outputs untouched). Second: now.
    if (signals > 1) {
      for (const path of liveTempFiles) rmSync(path, { force: true });
      process.exit(sig === "SIGTERM" ? EXIT.sigterm : EXIT.sigint);
    }
    controller.abort(sig);
  });
}
// A closed pipe on stdout (`mailsweep check … | head`) is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(EXIT.ok);
});

const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
