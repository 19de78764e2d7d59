import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { removeTempDirs, tempDir, writeFixture } from "../support/fixtures.js";
import { openStore } from "../../src/store/index.js";
import type { CleanReport } from "../../src/report/summary.js";

/**
 * The HTML report in a real browser (Debian's chromium, driven by playwright-core): the numbers a
 * colleague sees match report.json, nothing from the data runs, nothing is fetched, and it fits
 * a phone. Skips only when chromium is missing outside CI; in CI (`.ci/run` installs it) it runs.
 */

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);

// Hostile strings where input text reaches the page: file name, header/column name, store source.
const FILE = 'list"><img src=x onerror="window.__pwned=1">.csv';
const HEADER = "<script>window.__pwned=2</script>";
const SOURCE = "<script>window.__pwned=3</script><img src=x onerror=window.__pwned=4>";
const LIST = [
  `name,"${HEADER}"`,
  "Ann,ann@gmail.com",
  "Bob,trash@mailinator.com",
  "Cat,info@example.org",
  "Dan,ann@gmail.com",
  "Eve,eve@gmail.con",
  "Fay,fay@hotmial.com",
  "Gus,gus@gmail.con",
  "Hal,hal@example.org",
  "Ida,",
  "",
].join("\n");

afterAll(removeTempDirs);

describe.skipIf(!haveChromium && !process.env.CI)("HTML report in headless Chromium", () => {
  let context: BrowserContext;
  let profile: string;
  let report: CleanReport;
  let htmlPath: string;

  beforeAll(async () => {
    const dir = tempDir();
    writeFixture(dir, FILE, LIST);
    const storePath = join(dir, "store.db");
    const store = openStore(storePath);
    store.suppressionAdd({ address: "hal@example.org", reason: "manual", source: SOURCE });
    store.close();
    htmlPath = join(dir, "report.html");
    const res = await runCli(["clean", join(dir, FILE), "--offline", "--store", storePath, "--email-column", HEADER, "--report-html", htmlPath]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    report = JSON.parse(readFileSync(join(dir, FILE.replace(/\.csv$/, ".report.json")), "utf8")) as CleanReport;

    profile = mkdtempSync(join(tmpdir(), "mailsweep-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("shows report.json's numbers, runs nothing from the data, fetches nothing", async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });

    // No script ran: neither the planted globals nor any dialog, and no script element exists.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);
    // The hostile text is shown as text.
    expect(await page.locator("[data-field=input]").textContent()).toContain(FILE);
    expect(await page.locator("#suppressed").textContent()).toContain(SOURCE);
    // Only the page itself was requested.
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);

    // Headline numbers.
    const metrics = await page.$$eval("[data-metric]", (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute("data-metric"), Number((e.textContent ?? "").replace(/,/g, ""))])),
    );
    expect(metrics).toEqual({ ...report.rows, ...report.by_status });

    // One bar per code, with report.json's count, and drawn widths proportional to the counts.
    const bars = await page.$$eval("g.bar", (gs) =>
      gs.map((g) => ({ code: g.getAttribute("data-code")!, count: Number(g.getAttribute("data-count")), width: g.querySelector("rect")!.getBoundingClientRect().width })),
    );
    expect(Object.fromEntries(bars.map((b) => [b.code, b.count]))).toEqual(report.by_code);
    const top = bars.reduce((a, b) => (b.count > a.count ? b : a));
    for (const b of bars) expect(b.width / top.width).toBeCloseTo(b.count / top.count, 1);

    // Typo corrections with counts.
    const typos = await page.locator("#typos").textContent();
    for (const t of report.typo_fixes) expect(typos).toContain(t.fix);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL("report-html.png", ARTIFACTS).pathname, fullPage: true });
    await page.close();
  });

  it("fits a phone-width screen without sideways scrolling", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(inner);
    const chart = await page.locator("svg.chart").boundingBox();
    expect(chart!.width).toBeLessThanOrEqual(360);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL("report-html-phone.png", ARTIFACTS).pathname, fullPage: true });
    await page.close();
  });
});
