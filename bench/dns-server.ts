// The loopback DNS server for the benchmark, in its own process so it does not share the
// pipeline's event loop. Serves corpN.com and the free providers with an MX and a public A.
import { startDnsServer } from "../test/support/dns-server.js";

const latencyMs = Number(process.argv[2] ?? 20);
const server = await startDnsServer({
  zone: "",
  latencyMs,
  fallback: (name) => {
    if (!name.includes(".")) return []; // the root (canary) and TLDs: NODATA
    if (name.startsWith("mx.")) return [`${name} A 93.184.216.34`];
    return [`${name} MX 10 mx.${name}`];
  },
});
process.stdout.write(`${server.server}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
