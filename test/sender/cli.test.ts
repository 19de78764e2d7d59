import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecksFailedError, registerSender } from "../../src/cli/sender.js";
import type { Io } from "../../src/cli/io.js";
import { exitCodeOf, MailsweepError } from "../../src/errors.js";
import { startDnsServer, type TestDnsServer } from "../support/dns-server.js";
import { makeDkimKeys } from "../support/sender-keys.js";
import { senderZone } from "../support/sender-zone.js";

// The `sender` command in-process through registerSender on a commander program, with the exit
// mapping program.ts applies (plus ChecksFailedError → 1, which the lead wires into run()).

let dns: TestDnsServer;
let dead: TestDnsServer;

beforeAll(async () => {
  dns = await startDnsServer({ zone: senderZone(makeDkimKeys()) });
  dead = await startDnsServer({ zone: ". FAULT drop" });
});
afterAll(async () => {
  await dns.close();
  await dead.close();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString("utf8");
}

async function sender(args: readonly string[], signal: AbortSignal = new AbortController().signal): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: Io = { stdout, stderr, stdin: new PassThrough(), env: {}, signal };
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });
  registerSender(program, io);
  for (const c of program.commands) c.exitOverride();
  let code = 0;
  try {
    await program.parseAsync(["sender", ...args], { from: "user" });
  } catch (e) {
    if (e instanceof ChecksFailedError) code = exitCodeOf(e);
    else if (e instanceof MailsweepError) {
      stderr.write(`mailsweep: ${e.message}\n`);
      code = exitCodeOf(e);
    } else if (e instanceof CommanderError) code = 64;
    else throw e;
  }
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out(), stderr: err() };
}

const dnsArgs = (): string[] => ["--dns-server", dns.server, "--dns-timeout", "500"];

describe("mailsweep sender (in-process)", () => {
  it("exits 0 and prints a table when nothing fails", async () => {
    const r = await sender(["good.test", "--ip", "93.184.216.5", "--dkim-selector", "s2048", ...dnsArgs()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Sender audit for good\.test \(sending IP 93\.184\.216\.5\)/);
    for (const check of ["MX", "SPF", "DMARC", "DKIM", "PTR"]) expect(r.stdout).toMatch(new RegExp(`^${check} +pass `, "m"));
    expect(r.stdout).toMatch(/^Result: pass\.$/m);
  });

  it("exits 0 with warnings only", async () => {
    const r = await sender(["monitor.test", ...dnsArgs()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^DMARC +WARN/m);
    expect(r.stdout).toMatch(/Result: pass with warnings/);
  });

  it("exits 1 when a check fails, and prints the fix", async () => {
    const r = await sender(["multi.test", ...dnsArgs()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^SPF +FAIL/m);
    expect(r.stdout).toMatch(/fix: Merge them into one TXT record/);
    expect(r.stdout).toMatch(/^Result: FAIL \(.*SPF.*\)/m);
  });

  it("--json prints one object with every check and its finding codes", async () => {
    const r = await sender(["good.test", "--json", "--dkim-selector", "s512", "--dkim-selector", "s2048", ...dnsArgs()]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const audit = JSON.parse(lines[0] ?? "") as {
      domain: string;
      status: string;
      checks: Record<string, { status: string; findings: { code: string }[] } | null>;
    };
    expect(audit.domain).toBe("good.test");
    expect(audit.status).toBe("fail");
    expect(audit.checks.ptr).toBeNull();
    expect(audit.checks.dkim?.findings.map((f) => f.code)).toEqual(["dkim_key_weak", "dkim_ok"]);
    expect(audit.checks.spf?.status).toBe("pass");
  });

  it("a DNS timeout on one check is a warning, never a failure", async () => {
    const r = await sender(["spfdrop.test", "--json", ...dnsArgs()]);
    const audit = JSON.parse(r.stdout) as { checks: { spf: { status: string; findings: { code: string }[] } } };
    expect(audit.checks.spf.status).toBe("warn");
    expect(audit.checks.spf.findings.map((f) => f.code)).toEqual(["spf_unchecked"]);
  });

  it("exits 75 before printing anything when DNS does not answer", async () => {
    const r = await sender(["good.test", "--dns-server", dead.server, "--dns-timeout", "500"]);
    expect(r.code).toBe(75);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/does not answer/);
  });

  it.each([
    [["not_a_domain!"]],
    [["good.test", "--ip", "1.2.3"]],
    [["good.test", "--dkim-selector", "a b"]],
    [["good.test", "--dns-server", "dns.example.com"]],
    [["good.test", "--dns-timeout", "0"]],
    [[]],
  ])("exits 64 for bad usage %j", async (args) => {
    const r = await sender(args.length === 0 ? [] : [...args, ...(args.includes("--dns-server") ? [] : ["--dns-server", dns.server])]);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe("");
  });

  it("an abort before the answers come in is an interruption (130)", async () => {
    const ac = new AbortController();
    const pending = sender(["good.test", "--dns-server", dead.server, "--dns-timeout", "2000"], ac.signal);
    setTimeout(() => ac.abort("SIGINT"), 100);
    const r = await pending;
    expect(r.code).toBe(130);
  });
});

// End to end through the built binary, once the lead has registered the command in program.ts
// (skipped until then: `node dist/cli/main.js --help` does not list "sender").
const root = fileURLToPath(new URL("../../", import.meta.url));
const main = `${root}dist/cli/main.js`;
const registered = existsSync(main) && /\bsender\b/.test(spawnSync(process.execPath, [main, "--help"], { encoding: "utf8" }).stdout);

/** Async, so the loopback DNS server in this process keeps answering while the child runs. */
function cli(args: readonly string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [main, "sender", ...args], { encoding: "utf8" }, (_err, stdout) => {
      resolve({ status: child.exitCode, stdout });
    });
  });
}

describe.skipIf(!registered)("mailsweep sender (built CLI)", () => {
  it.each([
    [["good.test", "--ip", "93.184.216.5", "--dkim-selector", "s2048"], 0],
    [["multi.test"], 1],
    [["not_a_domain!"], 64],
  ])("%j exits %i", async (args, code) => {
    const r = await cli([...args, "--dns-server", dns.server, "--dns-timeout", "500"]);
    expect(r.status).toBe(code);
  });

  it("exits 75 when DNS does not answer", async () => {
    const r = await cli(["good.test", "--dns-server", dead.server, "--dns-timeout", "500"]);
    expect(r.status).toBe(75);
    expect(r.stdout).toBe("");
  });

  it("--json is valid JSON", async () => {
    const r = await cli(["good.test", "--json", "--dkim-selector", "s2048", "--dns-server", dns.server]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { status: string }).status).toBe("pass");
  });
});
