// `npm run bench`: throughput and memory of the pipeline, measured, never asserted in tests.
//   offline: clean --offline vs a plain fast-csv parse→format passthrough of the same file
//   dns:     1M rows over 50k domains against the loopback DNS server with 20 ms latency
//   bounces: classification throughput
// Env: BENCH_ROWS (default 1,000,000), BENCH_ONLY=offline|dns|bounces.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}bench/out`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const only = process.env.BENCH_ONLY;

function child(args) {
  const text = execFileSync(process.execPath, [`${root}bench/child-clean.mjs`, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(text.trim().split("\n").at(-1));
}

const input = `${out}/synthetic.csv`;
await generate(input, rows);
const size = statSync(input).size;
console.log(`synthetic export: ${rows.toLocaleString()} rows, ${(size / 1e6).toFixed(1)} MB (${(size / rows).toFixed(0)} bytes/row), 9 columns`);

if (!only || only === "offline") {
  const pass = child(["passthrough", input, out]);
  const clean = child(["clean", input, out]);
  console.log(`passthrough (fast-csv parse→format): ${pass.rowsPerSecond.toLocaleString()} rows/s, peak RSS ${pass.peakRssMb} MB`);
  console.log(`clean --offline:                     ${clean.rowsPerSecond.toLocaleString()} rows/s, peak RSS ${clean.peakRssMb} MB`);
  console.log(`ratio clean/passthrough: ${(clean.rowsPerSecond / pass.rowsPerSecond).toFixed(2)} (target >= 0.85; peak RSS target < 250 MB)`);
}

if (!only || only === "dns") {
  const latency = 20;
  const concurrency = 50;
  const server = spawn(process.execPath, ["--import", "tsx", `${root}bench/dns-server.ts`, String(latency)], { stdio: ["ignore", "pipe", "inherit"] });
  const address = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));
  const store = `${out}/bench-store.sqlite`;
  const alone = child(["resolve", input, out, address, String(concurrency)]);
  const cold = child(["clean", input, out, address, String(concurrency), store]);
  const warm = child(["clean", input, out, address, String(concurrency), store]);
  const growingInput = `${out}/synthetic-growing.csv`;
  await generate(growingInput, rows, { layout: "growing" });
  const growing = child(["clean", growingInput, out, address, String(concurrency), `${out}/bench-store-growing.sqlite`]);
  server.kill();
  const distinct = cold.dns.queried;
  const ideal = (distinct * latency) / concurrency;
  // Each synthetic domain has its own MX host, whose address is looked up too (to catch MX
  // records pointing at private or loopback addresses): two round trips per domain.
  const floor = 2 * ideal;
  console.log(`DNS run (cold): ${(cold.ms / 1000).toFixed(1)} s for ${cold.rows.toLocaleString()} rows, ${distinct.toLocaleString()} domains queried; peak RSS ${cold.peakRssMb} MB`);
  console.log(`  ideal, one query per domain (domains × ${latency} ms / ${concurrency}): ${(ideal / 1000).toFixed(1)} s → ratio ${(cold.ms / ideal).toFixed(2)} (target <= 1.3)`);
  console.log(`  floor with the MX host's address lookup (two queries per domain): ${(floor / 1000).toFixed(1)} s → ratio ${(cold.ms / floor).toFixed(2)}`);
  // The DNS side alone, same names, same server: how close the resolver work is to its floor.
  // What the clean run adds is the CSV work of the rows that wait for the last answers: every
  // row after the first 100k needs one of the 50k domains, so in input order it waits until
  // nearly all are answered (holding those rows instead would break the memory budget).
  console.log(`  the DNS side alone (${alone.rows.toLocaleString()} domains, no CSV): ${(alone.ms / 1000).toFixed(1)} s → ${(alone.ms / floor).toFixed(2)} × the two-query floor`);
  console.log(`DNS run (cold, domains introduced across the file as in a sign-up-ordered export): ${(growing.ms / 1000).toFixed(1)} s, ${growing.dns.queried.toLocaleString()} domains queried → ${(growing.ms / floor).toFixed(2)} × the two-query floor, ${(growing.ms / ideal).toFixed(2)} × the one-query ideal; peak RSS ${growing.peakRssMb} MB`);
  console.log(`DNS run (warm, cached): ${(warm.ms / 1000).toFixed(1)} s, ${warm.dns.queried} queried, ${warm.dns.cached.toLocaleString()} from cache; peak RSS ${warm.peakRssMb} MB`);
}

if (!only || only === "bounces") {
  try {
    const { benchClassify } = await import("../dist/bounces/bench.js");
    const r = benchClassify(1_000_000);
    console.log(`bounce classification: ${Math.round(r.linesPerSecond).toLocaleString()} lines/s (target >= 200,000)`);
  } catch (err) {
    console.log(`bounce classification: not available (${err.message})`);
  }
}
