import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputDecoder } from "../../src/pipeline/decode.js";
import { detectLayout, openOutputs, type Layout } from "../../src/pipeline/setup.js";
import { removeTempDirs, tempDir } from "../support/fixtures.js";

afterAll(removeTempDirs);

function layoutOf(sample: string, o: { noHeader?: boolean; emailColumn?: string } = {}): Layout {
  return detectLayout(sample, true, { ...o, label: "list.csv", decoder: new InputDecoder({ fileLabel: "list.csv" }) });
}

describe("detectLayout", () => {
  it.each<[string, string, Partial<Layout>, string]>([
    ["a plain header", "Name,Email\nAnn,ann@example.org\n", { delimiter: ",", width: 2, recordWidth: 2, emailIndex: 1, ownOutput: false, lineEnding: "\n" }, "Ann,ann@example.org\n"],
    ["semicolons and CRLF", "Email;Name\r\nann@example.org;Ann\r\n", { delimiter: ";", width: 2, emailIndex: 0, lineEnding: "\r\n" }, "ann@example.org;Ann\r\n"],
    ["no header", "Ann,ann@example.org,x\nBob,bob@example.org,y\n", { header: null, width: 3, emailIndex: 1 }, "Ann,ann@example.org,x\nBob,bob@example.org,y\n"],
    ["Excel's sep= line and blank lines first", "sep=|\n\n\nEmail|Name\nann@example.org|Ann\n", { delimiter: "|", sepLine: "sep=|", header: ["Email", "Name"] }, "ann@example.org|Ann\n"],
    ["our own output", "Email,sweep_status,sweep_reasons,sweep_detail,sweep_original_email,sweep_suggestion,sweep_row\na@example.org,valid,,,,,1\n", { header: ["Email"], width: 1, recordWidth: 7, ownOutput: true }, "a@example.org,valid,,,,,1\n"],
    ["our own headerless output", "Ann,a@example.org,valid,,,,,1\nBob,b@example.org,risky,role_account,x,,,2\n", { header: null, width: 2, recordWidth: 8, emailIndex: 1, ownOutput: true }, "Ann,a@example.org,valid,,,,,1\nBob,b@example.org,risky,role_account,x,,,2\n"],
    ["an empty file", "", { width: 1, emailIndex: 0, header: null }, ""],
    ["a headerless list whose first address has a slip", "ivan@@mail.ru\npetr@mail.ru\n", { header: null, width: 1, emailIndex: 0 }, "ivan@@mail.ru\npetr@mail.ru\n"],
    ["a headerless list whose first address is full-width", "taro＠docomo.ne.jp\nhana@ezweb.ne.jp\n", { header: null, width: 1 }, "taro＠docomo.ne.jp\nhana@ezweb.ne.jp\n"],
    ["one column: no separator in use, the line is the cell", "Email\nivan@mail.ru\npetr@mail,ru\n", { header: ["Email"], width: 1, lineIsCell: true }, "ivan@mail.ru\npetr@mail,ru\n"],
    ["one column named by sep=: its separator is in use", "sep=,\nEmail\nivan@mail.ru\n", { width: 1, lineIsCell: false }, "ivan@mail.ru\n"],
    ["two columns: the separator is in use", "Name,Email\nAnn,ann@example.org\n", { width: 2, lineIsCell: false }, "Ann,ann@example.org\n"],
  ])("%s", (_, sample, expected, body) => {
    const layout = layoutOf(sample);
    expect(layout).toMatchObject(expected);
    expect(layout.body).toBe(body);
    expect(layout.detection).toMatchObject({ delimiter: layout.delimiter, header: layout.header !== null, ownOutput: layout.ownOutput });
  });

  it("does not take a data row for a header when the email column is given by index", () => {
    // `john.gmail.com` is an address with a slip, not a column name.
    const layout = layoutOf("Ann,john.gmail.com\nBob,bob@example.org\n", { emailColumn: "2" });
    expect(layout.header).toBeNull();
    expect(layout.body.startsWith("Ann,")).toBe(true);
  });

  it("--no-header reads the first row as data", () => {
    expect(layoutOf("Name,Email\nAnn,ann@example.org\n", { noHeader: true }).header).toBeNull();
  });
});

describe("openOutputs", () => {
  const paths = (dir: string) => ({ clean: join(dir, "l.clean.csv"), rejected: join(dir, "l.rejected.csv") });

  it("writes the sep= hint and the guarded header to both outputs", async () => {
    const dir = tempDir();
    const layout = layoutOf("sep=;\n=Name;Email\nAnn;ann@example.org\n");
    const decoder = new InputDecoder({ fileLabel: "l.csv" });
    const w = await openOutputs(paths(dir), layout, decoder.info, { formulaGuard: true });
    for (const out of [w.clean, w.rejected]) {
      await out.finish();
      await out.commit();
    }
    const expected = "sep=;\n'=Name;Email;sweep_status;sweep_reasons;sweep_detail;sweep_original_email;sweep_suggestion;sweep_row\n";
    expect(readFileSync(paths(dir).clean, "utf8")).toBe(expected);
    expect(readFileSync(paths(dir).rejected, "utf8")).toBe(expected);
  });

  it("leaves no temp file when the header cannot be written", async () => {
    const dir = tempDir();
    const layout = layoutOf("Имя,Email\nAnn,ann@example.org\n");
    const decoder = new InputDecoder({ fileLabel: "l.csv" });
    await expect(openOutputs(paths(dir), layout, decoder.info, { formulaGuard: true, outputEncoding: "windows-1252" })).rejects.toThrow(/windows-1252 cannot hold/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
