import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvRecordReader, type CsvRecord } from "../../src/pipeline/csv-reader.js";

function readAll(text: string, delimiter = ",", chunks: number[] = [], maxRecordChars?: number): CsvRecord[] {
  const reader = new CsvRecordReader({ delimiter, ...(maxRecordChars ? { maxRecordChars } : {}) });
  const out: CsvRecord[] = [];
  let pos = 0;
  for (const size of chunks) {
    out.push(...reader.push(text.slice(pos, pos + size)));
    pos += size;
  }
  out.push(...reader.push(text.slice(pos)));
  out.push(...reader.end());
  return out;
}

describe("CsvRecordReader", () => {
  it.each([
    ["plain", "a,b,c\n1,2,3\n", [["a", "b", "c"], ["1", "2", "3"]]],
    ["CRLF", "a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]],
    ["lone CR", "a,b\r1,2\r", [["a", "b"], ["1", "2"]]],
    ["no final newline", "a,b\n1,2", [["a", "b"], ["1", "2"]]],
    ["quoted delimiter", 'a,"b,c",d\n', [["a", "b,c", "d"]]],
    ["escaped quote", 'a,"say ""hi""",d\n', [["a", 'say "hi"', "d"]]],
    ["embedded newline", 'a,"line1\nline2",d\n', [["a", "line1\nline2", "d"]]],
    ["embedded CRLF", 'a,"line1\r\nline2",d\r\n', [["a", "line1\r\nline2", "d"]]],
    ["empty fields", ",,\n", [["", "", ""]]],
    ["blank line kept as a record", "a\n\nb\n", [["a"], [""], ["b"]]],
    ["stray quote in unquoted field is literal", 'Jane "JJ" Doe,x\n', [['Jane "JJ" Doe', "x"]]],
    ["text after closing quote is kept", '"abc"def,x\n', [["abcdef", "x"]]],
    ["empty quoted field", '"",x\n', [["", "x"]]],
  ])("%s", (_name, text, expected) => {
    expect(readAll(text).map((r) => r.fields)).toEqual(expected);
  });

  it("keeps the raw text and the starting line of each record", () => {
    const records = readAll('h1,h2\n"a\nb",c\nd,e\n');
    expect(records.map((r) => [r.raw, r.line])).toEqual([
      ["h1,h2", 1],
      ['"a\nb",c', 2],
      ["d,e", 4],
    ]);
  });

  it.each([";", "\t", "|"])("splits on %j", (d) => {
    expect(readAll(`a${d}b${d}"c${d}d"\n`, d).map((r) => r.fields)).toEqual([["a", "b", `c${d}d`]]);
  });

  it("recovers from a quote left open at end of file without losing the rows before it", () => {
    const records = readAll('a,b\n1,"open\n2,3\n4,5\n');
    expect(records[0]!.fields).toEqual(["a", "b"]);
    expect(records[1]).toMatchObject({ problem: "unclosed_quote", raw: '1,"open', line: 2 });
    expect(records.slice(2).map((r) => r.fields)).toEqual([["2", "3"], ["4", "5"]]);
  });

  it("gives up on a runaway quoted field at the record cap and reads on from the next line", () => {
    const long = "x".repeat(200);
    const text = `1,"never closed\n${long}\n2,3\n`;
    const records = readAll(text, ",", [10, 10, 10], 100);
    expect(records[0]).toMatchObject({ problem: "unclosed_quote", raw: '1,"never closed' });
    expect(records.some((r) => r.fields.join() === "2,3")).toBe(true);
  });

  it("cuts an over-long unquoted record at the cap, then continues", () => {
    const records = readAll(`${"y".repeat(500)}\nok,1\n`, ",", [50, 50, 50, 50, 50, 50], 100);
    expect(records[0]).toMatchObject({ problem: "record_too_long" });
    expect(records[0]!.raw.length).toBe(100);
    expect(records.at(-1)!.fields).toEqual(["ok", "1"]);
    expect(records).toHaveLength(2);
  });

  it("records the first line ending", () => {
    const reader = new CsvRecordReader({ delimiter: "," });
    reader.push("a,b\r\nc,d\n");
    expect(reader.lineEnding).toBe("\r\n");
  });

  it("gives the same records however the text is split into chunks", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[",\r\n]/g, "")),
      fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
      fc.constantFrom('"a,b"', '"x\r\ny"', '""""', "plain"),
    );
    const record = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(","));
    const file = fc.tuple(fc.array(record, { minLength: 1, maxLength: 12 }), fc.constantFrom("\n", "\r\n"));
    fc.assert(
      fc.property(file, fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 30 }), ([records, eol], splits) => {
        const text = records.join(eol) + eol;
        const whole = readAll(text).map((r) => [r.fields, r.raw, r.line]);
        const split = readAll(text, ",", splits).map((r) => [r.fields, r.raw, r.line]);
        expect(split).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe("CsvRecordReader across texts", () => {
  it("keeps a record cut between two texts code unit for code unit, lone surrogates included", () => {
    // Lone surrogates stand for undecodable input bytes (decode.ts) and must reach the row intact.
    const reader = new CsvRecordReader({ delimiter: "," });
    expect([...reader.records("id,email\n1,a\ud800b@x.")]).toHaveLength(1);
    const [row] = [...reader.records("com,\udfff\n")];
    expect(row?.fields).toEqual(["1", "a\ud800b@x.com", "\udfff"]);
    expect(row?.raw).toBe("1,a\ud800b@x.com,\udfff");
  });
});
