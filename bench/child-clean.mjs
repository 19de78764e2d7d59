// One benchmark run in a fresh process, so peak RSS is this run's alone.
// argv: mode (clean|passthrough|resolve) input outDir [dnsServer concurrency store]
// `resolve` asks the checker for every domain of the export and nothing else: the DNS side alone.
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";

const [mode, input, outDir, dnsServer, concurrency, storePath] = process.argv.slice(2);
const started = performance.now();
let rows = 0;
let extra = {};
if (mode === "passthrough") {
  const { parse, format } = await import("fast-csv");
  await pipeline(
    createReadStream(input, { highWaterMark: 256 * 1024 }),
    parse({ headers: false }).on("data", () => rows++),
    format({ headers: false }),
    createWriteStream(`${outDir}/passthrough.csv`),
  );
  rows -= 1;
} else if (mode === "resolve") {
  const { createDnsChecker } = await import("../dist/index.js");
  const { domainsOf } = await import("./generate.mjs");
  const dns = createDnsChecker({ servers: [dnsServer], concurrency: Number(concurrency), timeoutMs: 2000 });
  const names = domainsOf();
  let next = 0;
  // As many domains waiting as the clean pipeline's look-ahead keeps (PREFETCH_PENDING).
  await Promise.all(Array.from({ length: 150 }, async () => {
    while (next < names.length) await dns.check(names[next++]);
  }));
  rows = names.length;
  extra = { dns: dns.stats() };
  dns.close();
} else {
  const { cleanList, createDnsChecker, openStore } = await import("../dist/index.js");
  const store = storePath ? openStore(storePath) : null;
  const dns = dnsServer
    ? createDnsChecker({ servers: [dnsServer], concurrency: Number(concurrency), timeoutMs: 2000, ...(store ? { cache: store.asDnsCache() } : {}) })
    : null;
  const result = await cleanList({ input, outDir, dns, store });
  rows = result.report.rows.input_rows;
  if (dns) extra = { dns: dns.stats() };
  dns?.close();
  store?.close();
}
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ mode, rows, ms, rowsPerSecond: Math.round((rows / ms) * 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }) + "\n");
