import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomainIntel, type DomainIntel } from "../../src/domains/index.js";
import { MailsweepError } from "../../src/errors.js";
import { cleanList, type CleanResult } from "../../src/pipeline/clean.js";
import { createTypoCorrector, type TypoCorrector } from "../../src/typos/index.js";
import { range, readOutputs, SWEEP_COLUMNS, tempDir, writeFixture, removeTempDirs } from "../support/fixtures.js";

afterAll(removeTempDirs);

/**
 * Row accounting (contract) as a property: whatever the CSV looks like — quoting, embedded
 * newlines and delimiters, blank lines, rows of the wrong width, a quote left open — every data
 * record lands in exactly one output, `input_rows = clean_rows + rejected_rows + blank_rows`, and
 * every output row has the input's width plus the six sweep columns.
 */

const NASTY_UNITS = ["a", "Z", "0", '"', ",", ";", "\t", "|", "\n", "\r", "\r\n", "=", "+", "-", "@", " ", "'", "é", "＠", "ё", "\u202e", "<", ">", "."];

const addressLike = fc
  .tuple(
    fc.string({ unit: fc.constantFrom("a", "b", "Q", "1", ".", "_", "+", "-", "=", "'"), minLength: 0, maxLength: 6 }),
    fc.constantFrom("gmail.com", "GMAIL.com", "mail.ri", "gmail.con", "example.org", "mailinator.com", "yandex.ru", "x", "", "b.c.d", "почта.рф"),
    fc.constantFrom("%s", " %s ", "mailto:%s", "Name <%s>", "%s.", "%s;", "%s,", '"Q" <%s>'),
    fc.constantFrom("@", "＠", "@@", ""),
  )
  .map(([local, domain, wrap, at]) => wrap.replace("%s", `${local}${at}${domain}`));

const nasty = fc.string({ unit: fc.constantFrom(...NASTY_UNITS), maxLength: 8 });
const field = fc.oneof({ arbitrary: addressLike, weight: 2 }, { arbitrary: nasty, weight: 2 }, { arbitrary: fc.constant(""), weight: 1 });

const csvCase = fc
  .record({
    width: fc.integer({ min: 1, max: 5 }),
    emailAt: fc.nat(),
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    /** Leave delimiter and column to detection (the run may then refuse the file, cleanly). */
    detect: fc.boolean(),
    bom: fc.boolean(),
    trailingEol: fc.boolean(),
    unclosedLast: fc.boolean(),
    typos: fc.constantFrom("fix", "suggest", "off") as fc.Arbitrary<"fix" | "suggest" | "off">,
    formulaGuard: fc.boolean(),
    rows: fc.array(
      fc.oneof(
        { arbitrary: fc.record({ kind: fc.constant("row" as const), fields: fc.array(field, { minLength: 5, maxLength: 5 }), quoteAll: fc.boolean() }), weight: 6 },
        { arbitrary: fc.record({ kind: fc.constant("blank" as const), text: fc.constantFrom("", " ", "\t ") }), weight: 1 },
        { arbitrary: fc.record({ kind: fc.constant("width" as const), fields: fc.array(field, { minLength: 1, maxLength: 8 }) }), weight: 1 },
      ),
      { maxLength: 25 },
    ),
  })
  .map((c) => ({ ...c, emailAt: c.emailAt % c.width }));

type Case = typeof csvCase extends fc.Arbitrary<infer T> ? T : never;

function quote(f: string, delimiter: string, force: boolean): string {
  const must = f.includes(delimiter) || f.includes('"') || f.includes("\n") || f.includes("\r");
  return must || force ? `"${f.replace(/"/g, '""')}"` : f;
}

interface Rendered {
  readonly text: string;
  readonly records: number;
  /** 1-based data-row numbers of blank records. */
  readonly blanks: number[];
  /** Data-row number → the fields of a well-formed row of the right width. */
  readonly good: Map<number, string[]>;
  readonly wellFormed: boolean;
}

/** The file text and what it holds. */
function render(c: Case): Rendered {
  const header = Array.from({ length: c.width }, (_, i) => (i === c.emailAt ? "Email" : `col${i}`));
  const lines = [header.join(c.delimiter)];
  const blanks: number[] = [];
  const good = new Map<number, string[]>();
  for (const [i, r] of c.rows.entries()) {
    if (r.kind === "blank") {
      lines.push(r.text);
      blanks.push(i + 1);
      continue;
    }
    const fields = r.kind === "row" ? r.fields.slice(0, c.width) : r.fields;
    const line = fields.map((f) => quote(f, c.delimiter, r.kind === "row" && r.quoteAll)).join(c.delimiter);
    // A one-column record that is empty or only blanks is a blank line: the contract may skip it.
    if (line.trim() === "") blanks.push(i + 1);
    else if (r.kind === "row") good.set(i + 1, fields);
    lines.push(line);
  }
  let records = c.rows.length;
  let wellFormed = true;
  if (c.unclosedLast) {
    lines.push(`"never closed${c.delimiter}x`);
    records++;
    wellFormed = false;
  }
  const last = lines[lines.length - 1]!;
  // Without a final line break an empty last line is no record at all; keep the count exact.
  const eolAtEnd = c.trailingEol || last.trim() === "";
  const text = (c.bom ? "\ufeff" : "") + lines.join(c.eol) + (eolAtEnd ? c.eol : "");
  return { text, records, blanks, good, wellFormed };
}

describe("cleanList row accounting (property)", () => {
  let intel: DomainIntel;
  let typoCorrector: TypoCorrector;
  beforeAll(() => {
    // Built once: the disposable list is large, and the lists are read-only per run.
    intel = createDomainIntel();
    typoCorrector = createTypoCorrector();
  });

  it("every record lands in exactly one output, counts add up, widths are right", async () => {
    const root = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(csvCase, async (c) => {
        const dir = join(root, String(n++));
        const { text, records, blanks, good, wellFormed } = render(c);
        mkdirSync(dir, { recursive: true });
        writeFixture(dir, "p.csv", text);
        let result: CleanResult;
        try {
          result = await cleanList({
            input: join(dir, "p.csv"),
            outDir: dir,
            emailColumn: c.detect ? undefined : "Email",
            delimiter: c.detect ? undefined : c.delimiter,
            typos: c.typos,
            formulaGuard: c.formulaGuard,
            dns: null,
            intel,
            typoCorrector,
          });
        } catch (err) {
          // Refusing a file is allowed only as a clean usage/data error that leaves nothing behind.
          expect(c.detect).toBe(true);
          expect(err).toBeInstanceOf(MailsweepError);
          expect(["data", "usage"]).toContain((err as MailsweepError).kind);
          expect(readdirSync(dir)).toEqual(["p.csv"]);
          rmSync(dir, { recursive: true, force: true });
          return;
        }
        const detected = result.report.detected;
        const o = readOutputs(dir, "p", detected.delimiter, detected.header);
        const rows = result.report.rows;
        expect(readdirSync(dir).sort()).toEqual(["p.clean.csv", "p.csv", "p.rejected.csv", "p.report.json"]);
        const width = (o.clean.rows[0] ?? o.rejected.rows[0] ?? o.clean.header ?? []).length - SWEEP_COLUMNS.length;
        // Exact expectations hold when the run read the file the way it was written.
        const asWritten = detected.delimiter === c.delimiter && detected.header && detected.email_column.index === c.emailAt + 1;
        if (!asWritten) {
          expect(rows.input_rows).toBe(rows.clean_rows + rows.rejected_rows + rows.blank_rows);
          for (const t of [o.clean, o.rejected]) for (const r of t.rows) expect(r).toHaveLength(width + SWEEP_COLUMNS.length);
          rmSync(dir, { recursive: true, force: true });
          return;
        }
        expect(o.report.rows).toEqual(rows);
        expect(rows.input_rows).toBe(rows.clean_rows + rows.rejected_rows + rows.blank_rows);
        expect(o.clean.rows.length).toBe(rows.clean_rows);
        expect(o.rejected.rows.length).toBe(rows.rejected_rows);
        if (wellFormed) {
          expect(rows.input_rows).toBe(records);
          expect(rows.blank_rows).toBe(blanks.length);
        }
        for (const t of [o.clean, o.rejected]) {
          expect(t.header).toHaveLength(c.width + SWEEP_COLUMNS.length);
          for (const r of t.rows) expect(r).toHaveLength(c.width + SWEEP_COLUMNS.length);
        }
        const seen = [...o.clean.rows, ...o.rejected.rows].map((r) => Number(r[r.length - 1]));
        const sorted = [...seen].sort((a, b) => a - b);
        expect(new Set(seen).size).toBe(seen.length);
        expect(sorted.every((v) => Number.isInteger(v) && v >= 1 && v <= rows.input_rows)).toBe(true);
        if (wellFormed) expect(sorted).toEqual(range(records, blanks));
        // Columns other than the address are written back unchanged (guarded if they start a formula).
        for (const r of [...o.clean.rows, ...o.rejected.rows]) {
          const want = good.get(Number(r[r.length - 1]));
          if (want === undefined) continue;
          for (let i = 0; i < c.width; i++) {
            if (i === c.emailAt) continue;
            const w = c.formulaGuard && /^[=+\-@\t\r]/.test(want[i]!) ? `'${want[i]}` : want[i];
            expect(r[i]).toBe(w);
          }
        }
        if (c.formulaGuard) {
          for (const cell of [...o.clean.rows.flat(), ...o.rejected.rows.flat()]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      // PROPERTY_RUNS / PROPERTY_SEED let a long local hunt reuse the same test.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40), ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
    );
    rmSync(root, { recursive: true, force: true });
  }, 60_000);
});
