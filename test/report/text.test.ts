import { describe, expect, it } from "vitest";
import { pct, renderSummary } from "../../src/report/text.js";
import { sampleReport } from "./sample.js";

describe("pct", () => {
  it.each([
    [0, 0, "0%"],
    [1, 2, "50.0%"],
    [1, 3, "33.3%"],
    [3, 500_000, "0.00%"],
    [30, 50_000, "0.06%"],
    [2, 3, "66.7%"],
    [7, 7, "100.0%"],
  ])("%i of %i → %s", (n, of, out) => {
    expect(pct(n, of)).toBe(out);
  });
});

describe("renderSummary", () => {
  const r = sampleReport();
  const text = renderSummary(r, { html: "/tmp/out/r.html", thresholds: ["x breached"] });
  const lines = text.split("\n");

  it("ends with one newline and carries no terminal codes", () => {
    expect(text.endsWith("\n")).toBe(true);
    expect(text).not.toMatch(/\u001b/);
  });

  it("headline: rows in, kept and rejected with shares of non-blank rows", () => {
    expect(text).toContain("rows in 2,003   kept 1,500 (75.0%)   rejected 500 (25.0%)   blank lines 3");
    expect(text).toContain("valid 1,200 (60.0%)   risky 250 (12.5%)   unknown 50 (2.5%)   invalid 500 (25.0%)");
  });

  it.each(Object.entries(sampleReport().by_code))("reason %s listed with its count, share and effect", (code, n) => {
    const line = lines.find((l) => l.trim().startsWith(`${code} `));
    expect(line).toBeDefined();
    const [, count, share, effect] = /^\s+\S+\s+([\d,]+)\s+([\d.]+%)\s+(rejects|flag)$/.exec(line!)!;
    expect(Number(count!.replace(/,/g, ""))).toBe(n);
    expect(share).toBe(pct(n!, 2000));
    const rejects = ["duplicate", "disposable_domain", "suppressed"].includes(code);
    expect(effect).toBe(rejects ? "rejects" : "flag");
  });

  it("orders reasons by count, largest first", () => {
    const counts = lines.filter((l) => /(rejects|flag)$/.test(l)).map((l) => Number(/\s([\d,]+)\s/.exec(l)![1]!.replace(/,/g, "")));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts).toHaveLength(Object.keys(r.by_code).length);
  });

  it.each([
    ["typo fixes with total and counts", "typo fixes applied: 40 — gmail.con → gmail.com (30)"],
    ["top rejected domains", "top rejected domains: mailinator.com (120)"],
    ["DNS cached vs queried vs unknown", "DNS: 100 domains — 80 queried, 20 from cache, 5 without a definite answer"],
    ["changes since the previous sweep", "4 newly rejected, 1 domain(s) stopped receiving mail (gone.example)"],
    ["guarded cells", "7 cell(s) guarded"],
    ["the clean file", "clean:    /tmp/out/list.clean.csv"],
    ["the rejected file", "rejected: /tmp/out/list.rejected.csv"],
    ["the report file", "report:   /tmp/out/list.report.json"],
    ["the html file", "html:     /tmp/out/r.html"],
    ["threshold breaches", "FAILED: x breached"],
    ["speed", "took 2.0 s (1,001 rows/s)"],
  ])("shows %s", (_what, needle) => {
    expect(text).toContain(needle);
  });

  it("shortens long lists with a count of the rest", () => {
    const many = sampleReport({ top_rejected_domains: Array.from({ length: 8 }, (_, i) => ({ domain: `d${i}.example`, rows: 10 - i })) });
    expect(renderSummary(many)).toContain("d4.example (6) and 3 more");
  });

  it("says DNS was skipped when offline, and omits empty sections", () => {
    const off = renderSummary(
      sampleReport({ dns: { checked: false, note: "x", stats: null, domains: [] }, typo_fixes: [], top_rejected_domains: [], since_previous_sweep: null, neutralised_cells: 0 }),
    );
    expect(off).toContain("DNS: skipped (--offline)");
    expect(off).not.toMatch(/typo fixes|top rejected|previous sweep|guarded|html:|FAILED/);
  });
});
