import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outputEncoding } from "../../src/pipeline/encode.js";
import { AtomicCsvWriter } from "../../src/pipeline/output.js";

/** RFC 4180 as the writer promises it, written the plain way: the oracle. */
function expected(rows: string[][], delimiter = ",", rowDelimiter = "\n"): string {
  const special = new RegExp(`["\r\n${delimiter}]`);
  const field = (s: string): string => (special.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(field).join(delimiter)).join(rowDelimiter) + (rows.length > 0 ? rowDelimiter : "");
}

async function writeAll(rows: string[][], opts: Partial<Parameters<typeof AtomicCsvWriter.open>[1]> = {}): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "mailsweep-out-"));
  const path = join(dir, "out.csv");
  const w = await AtomicCsvWriter.open(path, { delimiter: ",", rowDelimiter: "\n", bom: false, ...opts });
  for (const r of rows) await w.write(r);
  await w.finish();
  await w.commit();
  expect(readdirSync(dir)).toEqual(["out.csv"]); // no temp file left behind
  return readFileSync(path);
}

describe("AtomicCsvWriter", () => {
  it("writes every byte of rows that cross its 64 KB batches, whatever their size", async () => {
    const rows: string[][] = [];
    for (let i = 0; i < 3000; i++) rows.push([`${i}`, `имя ${i} 😀`, `a${i}@почта.рф`, i % 7 === 0 ? 'say "hi", then\nleave' : "x"]);
    // Rows larger than a batch, between ordinary ones.
    rows.splice(1000, 0, ["big", "ж".repeat(70_000)], ["bigger", "a".repeat(300_000)]);
    rows.splice(2000, 0, ["mixed", "€".repeat(40_000), "x".repeat(40_000)]);
    const out = await writeAll(rows);
    expect(out.toString("utf8")).toBe(expected(rows));
  });

  it("agrees with the plain formatter on any text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { minLength: 1, maxLength: 4 }), { maxLength: 200 }), async (rows) => {
        const out = await writeAll(rows);
        expect(out.toString("utf8")).toBe(expected(rows));
      }),
      { numRuns: 30 },
    );
  });

  it("keeps row order when the caller does not wait for backpressure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mailsweep-out-"));
    const path = join(dir, "out.csv");
    const w = await AtomicCsvWriter.open(path, { delimiter: ",", rowDelimiter: "\n", bom: false, encoding: outputEncoding("windows-1252", false) });
    const rows = Array.from({ length: 4000 }, (_, i) => [`${i}`, i % 50 === 0 ? "é".repeat(31_000) : i % 50 === 1 ? "è".repeat(40_000 + i) : `Zoë ${i}`]);
    await Promise.all(rows.map((r) => w.write(r)));
    await w.finish();
    await w.commit();
    expect(readFileSync(path).toString("latin1")).toBe(expected(rows));
  });

  it("starts with the BOM once, and writes single-byte code pages through the batch", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`${i}`, `Müller ${i}`, `café${i}@example.com`]);
    const utf8 = await writeAll(rows, { bom: true });
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.subarray(3).toString("utf8")).toBe(expected(rows));
    const latin = await writeAll(rows, { bom: false, encoding: outputEncoding("windows-1252", false) });
    expect(latin.length).toBe(Buffer.byteLength(expected(rows), "latin1"));
    expect(latin.toString("latin1")).toBe(expected(rows));
  });
});
