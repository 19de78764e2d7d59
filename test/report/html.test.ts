import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtmlReport } from "../../src/report/html.js";
import { HOSTILE, sampleReport } from "./sample.js";

describe("escapeHtml", () => {
  it.each([
    ["<script>", "&lt;script&gt;"],
    ['"><img onerror=x>', "&quot;&gt;&lt;img onerror=x&gt;"],
    ["a & b", "a &amp; b"],
    ["it's", "it&#39;s"],
    ["&amp;", "&amp;amp;"],
    ["plain ü 日本", "plain ü 日本"],
    [42, "42"],
  ])("%j → %j", (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });
});

describe("renderHtmlReport", () => {
  const report = {
    ...sampleReport(),
    suppressed: [{ address: `x${HOSTILE.img}@y.com`, row: 7, since: "2026-11-01", category: HOSTILE.script, source: HOSTILE.attr }],
  };
  const html = renderHtmlReport(report, { thresholds: ["33.3% of rows rejected"] });

  it("lets no markup from the data through", () => {
    // The only tags are ours: no script element at all, no img, no event-handler attribute.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // Every real tag is ours; none may carry an event handler (escaped text may mention one).
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toContain(HOSTILE.img);
    expect(html).toContain(escapeHtml(HOSTILE.script));
    expect(html).toContain(escapeHtml(`x${HOSTILE.img}@y.com`));
  });

  it("has a strict CSP whose style hash matches the inline stylesheet", () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta).not.toBeNull();
    const policy = meta![1]!.replace(/&#39;/g, "'");
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|script-src [^;]*(http|\*)/);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash("sha256").update(css, "utf8").digest("base64");
    expect(policy).toContain(`'sha256-${hash}'`);
    // No inline style attributes: the hash-only policy would block them.
    expect(html).not.toMatch(/\sstyle="/);
  });

  it("fetches nothing: no external URL in any src/href", () => {
    expect(html).not.toMatch(/\s(?:src|href)="(?!#)/i);
    expect(html).not.toMatch(/url\(/i);
  });

  it("shows the headline numbers from the report", () => {
    const metric = (name: string) => new RegExp(`data-metric="${name}">([\\d,]+)<`).exec(html)?.[1]?.replace(/,/g, "");
    expect(Number(metric("input_rows"))).toBe(report.rows.input_rows);
    expect(Number(metric("clean_rows"))).toBe(report.rows.clean_rows);
    expect(Number(metric("rejected_rows"))).toBe(report.rows.rejected_rows);
    expect(Number(metric("blank_rows"))).toBe(report.rows.blank_rows);
    for (const s of ["valid", "risky", "unknown", "invalid"] as const) expect(Number(metric(s))).toBe(report.by_status[s]);
  });

  it("draws one bar per reason code, widths proportional to counts", () => {
    const bars = [...html.matchAll(/data-code="([^"]+)" data-count="(\d+)">.*?data-width="(\d+)"/g)].map((m) => ({
      code: m[1]!,
      count: Number(m[2]),
      width: Number(m[3]),
    }));
    expect(Object.fromEntries(bars.map((b) => [b.code, b.count]))).toEqual(report.by_code);
    const max = Math.max(...bars.map((b) => b.count));
    const widest = Math.max(...bars.map((b) => b.width));
    for (const b of bars) expect(Math.abs(b.width - (widest * b.count) / max)).toBeLessThanOrEqual(1);
    // Largest first.
    expect(bars.map((b) => b.count)).toEqual([...bars.map((b) => b.count)].sort((a, b) => b - a));
  });

  it.each([
    ["typo corrections", /gmail\.con → gmail\.com<\/td><td class="num">30</],
    ["top domains with rows, rejected rows, verdict and provider", /gmail\.com<\/td><td class="num">800<\/td><td class="num">10<\/td><td>mx<\/td><td>Google</],
    ["suppressed addresses", /<table id="suppressed">/],
    ["data-list versions", /disposable-email-domains<\/td><td>1\.0\.62/],
    ["options used", /<code>typos<\/code><\/td><td>fix</],
    ["threshold breach", /class="alert" data-field="threshold">33\.3% of rows rejected/],
    ["phone-width viewport", /<meta name="viewport" content="width=device-width/],
    ["the previous sweep", /gone\.example/],
    ["more suppressed than listed", /First 1 of 2/],
  ])("has %s", (_what, pattern) => {
    expect(html).toMatch(pattern);
  });

  it("says when DNS was skipped", () => {
    const offline = renderHtmlReport(
      sampleReport({
        dns: { checked: false, note: "Offline run: DNS checks were skipped.", stats: null, domains: [] },
        top_domains: [{ domain: "gmail.com", rows: 3, rejected_rows: 0, verdict: null, provider: null }],
      }),
    );
    expect(offline).toContain("Offline run: DNS checks were skipped.");
    expect(offline).toContain("not checked");
  });

  it("renders an empty chart note when there are no codes", () => {
    const none = renderHtmlReport(sampleReport({ by_code: {} }));
    expect(none).not.toContain('class="bar"');
    expect(none).toContain("No reason codes");
  });
});
