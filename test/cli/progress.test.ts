import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { colourAllowed, createProgress, progressFields, progressWanted } from "../../src/cli/progress.js";

class FakeTerminal extends Writable {
  readonly chunks: string[] = [];
  constructor(readonly isTTY: boolean) {
    super();
  }
  columns = 120;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(String(chunk));
    cb();
  }
  get text(): string {
    return this.chunks.join("");
  }
}

const P = (rows: number, bytes: number, totalBytes: number | null, domains = 10) => ({ rows, bytes, totalBytes, domains });

describe("progressWanted", () => {
  it.each([
    [true, false, {}, true],
    [false, false, {}, false],
    [true, true, {}, false],
    [true, false, { TERM: "dumb" }, false],
  ])("tty=%s quiet=%s env=%j → %s", (isTTY, quiet, env, out) => {
    expect(progressWanted({ stream: new FakeTerminal(isTTY), env, quiet })).toBe(out);
  });
});

describe("colourAllowed (no-color.org)", () => {
  it.each([
    [{}, true],
    [{ NO_COLOR: "" }, true],
    [{ NO_COLOR: "1" }, false],
    [{ NO_COLOR: "0" }, false],
  ])("%j → %s", (env, out) => expect(colourAllowed(env)).toBe(out));
});

describe("progressFields", () => {
  it.each([
    // rows, bytes, total, elapsed ms → rate, eta
    [P(10_000, 500, 1000), 2000, "5,000", " | ETA 2s"],
    [P(50_000, 250, 1000), 60_000, "833", " | ETA 3m00s"],
    [P(5000, 1, 1000), 10_000, "500", " | ETA 2h46m"],
    [P(5000, 300, null), 1000, "5,000", ""],
    [P(5000, 0, 1000), 1000, "5,000", " | ETA …"],
  ])("%j after %i ms", (p, ms, rate, eta) => {
    const f = progressFields(p, ms, 7);
    expect(f.rate).toBe(rate);
    expect(f.left).toBe(eta);
    expect(f.rows).toBe(p.rows.toLocaleString("en-US"));
    expect(f.resolved).toBe(" (7 resolved)");
  });
  it("leaves out the resolved count when DNS is off", () => {
    expect(progressFields(P(1, 1, 1), 1, null).resolved).toBe("");
  });
});

describe("createProgress", () => {
  it("writes to a terminal, with rows, rate and ETA, and clears the line when stopped", () => {
    const term = new FakeTerminal(true);
    let now = 0;
    const sink = createProgress({ stream: term, env: {}, quiet: false, resolved: () => 3, now: () => now });
    now = 2000;
    sink.update(P(10_000, 400, 1000, 12));
    sink.stop();
    expect(term.text).toMatch(/10,000 rows \| 5,000 rows\/s \| 12 domains \(3 resolved\) \| ETA 3s/);
    expect(term.text).toMatch(/\u001b\[36m/); // coloured bar
  });

  it("honours NO_COLOR: no colour codes, plain bar characters", () => {
    const term = new FakeTerminal(true);
    const sink = createProgress({ stream: term, env: { NO_COLOR: "1" }, quiet: false });
    sink.update(P(5000, 500, 1000));
    sink.stop();
    expect(term.text).toContain("5,000 rows");
    expect(term.text).not.toMatch(/\u001b\[3\dm/);
    expect(term.text).toMatch(/#{12}-{12}/);
  });

  it("has no bar or ETA when the size is unknown (stdin)", () => {
    const term = new FakeTerminal(true);
    const sink = createProgress({ stream: term, env: { NO_COLOR: "1" }, quiet: false });
    sink.update(P(5000, 500, null));
    sink.stop();
    expect(term.text).toContain("5,000 rows");
    expect(term.text).not.toMatch(/ETA|%/);
  });

  it.each([
    ["not a terminal", false, false],
    ["--quiet", true, true],
  ])("is silent when %s", (_what, isTTY, quiet) => {
    const term = new FakeTerminal(isTTY);
    const sink = createProgress({ stream: term, env: {}, quiet });
    sink.update(P(5000, 500, 1000));
    sink.stop();
    expect(term.text).toBe("");
  });
});
