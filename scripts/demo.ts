// `npm run demo`: the whole tool with no internet. Starts the loopback DNS server from the tests
// with examples/demo-zone.txt, runs the real CLI on examples/subscribers.csv against it, prints
// the summary and where the files are, and stops the server.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startDnsServer } from "../test/support/dns-server.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = `${root}demo-output`;
mkdirSync(outDir, { recursive: true });

const server = await startDnsServer({ zone: { file: `${root}examples/demo-zone.txt` } });
console.log(`Demo DNS server on ${server.server} (serving examples/demo-zone.txt; no query leaves this machine)\n`);
const args = [
  `${root}dist/cli/main.js`,
  "clean",
  `${root}examples/subscribers.csv`,
  "--dns-server",
  server.server,
  "--dns-timeout",
  "400",
  "--out-dir",
  outDir,
  "--store",
  `${outDir}/store.sqlite`,
  ...process.argv.slice(2),
];
const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, args, { stdio: "inherit" });
  child.on("exit", (status, signal) => resolve(status ?? (signal === "SIGTERM" ? 143 : 130)));
});
await server.close();
console.log(`\nDNS queries answered: ${server.queries()}. Run it again: the DNS answers come from the store's cache.`);
process.exitCode = code;
