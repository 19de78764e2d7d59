import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MailsweepError } from "../../src/errors.js";
import { chooseEmailColumn } from "../../src/pipeline/detect.js";
import { guardCell, unguardCell } from "../../src/formula.js";
import { runCli, type CliResult } from "../support/cli.js";
import {
  outputsExist,
  parseCsv,
  range,
  readOutputs,
  removeTempDirs,
  sweepRows,
  SWEEP_COLUMNS,
  tempDir,
  unguardedCells,
  writeFixture,
  type Outputs,
} from "../support/fixtures.js";
import { CASES, type ExportCase } from "./exports/cases.js";
import { encode, reportedEncoding } from "./exports/format.js";

afterAll(removeTempDirs);

/**
 * Real export shapes through the real CLI (offline, no store): detection, row accounting, cells
 * unchanged but for the address and the formula guard, and a second sweep that changes nothing.
 */

interface Parsed {
  readonly header: string[] | null;
  /** Data records (after the header), blank lines included, in input order. */
  readonly data: string[][];
  readonly blank: number[];
}

/** The input as an independent parser reads it. */
function parseInput(c: ExportCase): Parsed {
  let text = c.text.replace(/^sep=.\r?\n/, "");
  text = text.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, "");
  const recs = parseCsv(text, c.delimiter);
  const header = c.header === false ? null : recs.shift()!;
  const raw = rawRecords(text).slice(header ? 1 : 0);
  if (raw.length !== recs.length) throw new Error(`${c.name}: ${raw.length} raw records, ${recs.length} parsed`);
  // Blank means an empty line (`""` is a record with one empty field, not a blank line).
  const blank = raw.flatMap((r, i) => (r.trim() === "" ? [i + 1] : []));
  return { header, data: recs, blank };
}

/** Records as raw text: line ends outside quotes split them. */
function rawRecords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      out.push(text.slice(start, i));
      if (ch === "\r" && text[i + 1] === "\n") i++;
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Offline verdicts the corpus' address cells must get (see people.ts). */
const VERDICTS: Record<string, { status: string; code?: string; email?: string }> = {
  "anna.petrova@gmail.com": { status: "valid", email: "anna.petrova@gmail.com" },
  // The local part keeps its case (RFC 5321 §2.4); only the domain is lower-cased.
  "J.Smith@Outlook.com": { status: "valid", code: "normalized", email: "J.Smith@outlook.com" },
  " maria.garcia@yahoo.es ": { status: "valid", code: "normalized", email: "maria.garcia@yahoo.es" },
  '"Peter Müller" <peter.mueller@web.de>': { status: "valid", code: "normalized", email: "peter.mueller@web.de" },
  "tom.baker@gmail.con": { status: "valid", code: "typo_fixed", email: "tom.baker@gmail.com" },
  "": { status: "invalid", code: "empty" },
  "kate.temp@mailinator.com": { status: "invalid", code: "disposable_domain" },
  "sales@acme-industries.com": { status: "risky", code: "role_account" },
  "not an email": { status: "invalid", code: "syntax_invalid" },
  "Anna.Petrova@GMAIL.com": { status: "invalid", code: "duplicate" },
  "mailto:olga.nilsen@online.no": { status: "valid", code: "normalized", email: "olga.nilsen@online.no" },
  "zoe.oneil+news@fastmail.com": { status: "valid", email: "zoe.oneil+news@fastmail.com" },
  "anna.petrova@yandex.ru": { status: "valid", email: "anna.petrova@yandex.ru" },
  "Ivan.Sidorov@Mail.Ru": { status: "valid", code: "normalized", email: "Ivan.Sidorov@mail.ru" },
  " olga.kim@bk.ru ": { status: "valid", email: "olga.kim@bk.ru" },
  "sergey@gmail.con": { status: "valid", code: "typo_fixed", email: "sergey@gmail.com" },
  "temp@mailinator.com": { status: "invalid", code: "disposable_domain" },
  "info@stroy-market.ru": { status: "risky", code: "role_account" },
  "нет почты": { status: "invalid", code: "syntax_invalid" },
  "ANNA.PETROVA@YANDEX.RU": { status: "invalid", code: "duplicate" },
  "mailto:dmitry.li@list.ru": { status: "valid", email: "dmitry.li@list.ru" },
  "Елена Смирнова <e.smirnova@inbox.ru>": { status: "valid", email: "e.smirnova@inbox.ru" },
};

interface Run {
  readonly dir: string;
  readonly run: CliResult;
  readonly o: Outputs | null;
  readonly again: { run: CliResult; o: Outputs | null } | null;
}

async function sweep(c: ExportCase): Promise<Run> {
  const dir = tempDir();
  writeFixture(dir, `${c.name}.csv`, encode(c.text, c.encoding));
  const base = ["--offline", "--no-store", ...(c.args ?? [])];
  const run = await runCli(["clean", `${c.name}.csv`, ...base], { cwd: dir, timeoutMs: 60_000 });
  if (run.code !== 0) return { dir, run, o: null, again: null };
  const hasHeader = c.header !== false;
  const o = readOutputs(dir, c.name, c.delimiter, hasHeader);
  // The clean output is UTF-8 whatever the input was: no --encoding the second time.
  const againArgs = base.filter((a, i, all) => a !== "--encoding" && all[i - 1] !== "--encoding");
  const dir2 = join(dir, "again");
  const run2 = await runCli(["clean", `${c.name}.clean.csv`, "--out-dir", dir2, ...againArgs], { cwd: dir, timeoutMs: 60_000 });
  const o2 = run2.code === 0 ? readOutputs(dir2, `${c.name}.clean`, c.delimiter, hasHeader) : null;
  return { dir, run, o, again: { run: run2, o: o2 } };
}

async function pool<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!);
      }
    }),
  );
  return out;
}

const runs = new Map<string, Run>();
const OK = CASES.filter((c) => c.code === undefined);
const FAILING = CASES.filter((c) => c.code !== undefined);

describe("corpus: real export shapes through `clean`", () => {
  beforeAll(async () => {
    const done = await pool(CASES, 3, sweep);
    CASES.forEach((c, i) => runs.set(c.name, done[i]!));
  }, 600_000);

  it("has at least 40 export files", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(OK)("$name: exit 0, dialect, encoding and column detected", (c) => {
    const { run, o } = runs.get(c.name)!;
    expect(run.code, run.stderr).toBe(0);
    const d = o!.report.detected;
    expect(d.delimiter).toBe(c.delimiter);
    const enc = reportedEncoding(c.encoding);
    expect({ encoding: d.encoding, bom: d.bom }).toEqual(enc);
    expect(d.header).toBe(c.header !== false);
    const p = parseInput(c);
    if (c.column !== undefined) {
      expect(d.email_column.name).toBe(c.column);
      expect(d.email_column.index).toBe(p.header!.indexOf(c.column) + 1);
    }
  });

  it.each(OK)("$name: every row once, blank lines counted", (c) => {
    const { o } = runs.get(c.name)!;
    const p = parseInput(c);
    const r = o!.report.rows;
    expect(r.input_rows).toBe(p.data.length);
    expect(r.blank_rows).toBe(p.blank.length);
    expect(r.clean_rows + r.rejected_rows + r.blank_rows).toBe(r.input_rows);
    expect(o!.clean.rows.length).toBe(r.clean_rows);
    expect(o!.rejected.rows.length).toBe(r.rejected_rows);
    expect(sweepRows(o!)).toEqual(range(p.data.length, p.blank));
  });

  it.each(OK)("$name: header, BOM, sep= line, line ends and formula guard in the outputs", (c) => {
    const { o } = runs.get(c.name)!;
    const p = parseInput(c);
    for (const t of [o!.clean, o!.rejected]) {
      if (p.header) expect(t.header).toEqual([...p.header.map(guardCell), ...SWEEP_COLUMNS]);
      expect(t.bom).toBe(c.encoding !== "utf-8");
      expect(t.sepLine).toBe(c.text.startsWith("sep=") ? c.text.slice(0, 5) : null);
      expect(unguardedCells(t)).toEqual([]);
      const nl = /\r\n|\n|\r/.exec(c.text.replace(/^sep=.\r?\n/, ""))?.[0];
      const firstNl = /\r\n|\n|\r/.exec(t.bytes.toString("utf8"))?.[0];
      expect(JSON.stringify(firstNl)).toBe(JSON.stringify(nl));
    }
  });

  it.each(OK)("$name: data cells unchanged except the address and the guard", (c) => {
    const { o } = runs.get(c.name)!;
    const p = parseInput(c);
    const emailIndex = o!.report.detected.email_column.index - 1;
    const width = p.header?.length ?? Math.max(...p.data.map((r) => r.length));
    const sw = (name: (typeof SWEEP_COLUMNS)[number]): number => width + SWEEP_COLUMNS.indexOf(name);
    for (const row of [...o!.clean.rows, ...o!.rejected.rows]) {
      const n = Number(row[sw("sweep_row")]);
      const input = p.data[n - 1]!;
      expect(row).toHaveLength(width + SWEEP_COLUMNS.length);
      if (row[sw("sweep_reasons")]!.split(";").includes("malformed_row")) continue;
      for (let j = 0; j < width; j++) {
        if (j === emailIndex) continue;
        expect(row[j], `row ${n} column ${j + 1}`).toBe(guardCell(input[j] ?? ""));
      }
      const written = unguardCell(row[emailIndex]!);
      const original = input[emailIndex] ?? "";
      if (written !== original && row[sw("sweep_status")] !== "invalid") {
        expect(unguardCell(row[sw("sweep_original_email")]!), `row ${n}`).toBe(original);
      }
      const want = VERDICTS[original];
      if (want !== undefined) {
        expect(row[sw("sweep_status")], `row ${n} ${JSON.stringify(original)}`).toBe(want.status);
        if (want.code) expect(row[sw("sweep_reasons")]!.split(";"), `row ${n} ${JSON.stringify(original)}`).toContain(want.code);
        if (want.email) expect(written, `row ${n}`).toBe(want.email);
      }
    }
  });

  it.each(OK)("$name: a second sweep over the clean output changes nothing", (c) => {
    const { o, again } = runs.get(c.name)!;
    expect(again!.run.code, again!.run.stderr).toBe(0);
    const o2 = again!.o!;
    expect(o2.report.detected.own_output_reread).toBe(true);
    expect(o2.report.detected.email_column.index).toBe(o!.report.detected.email_column.index);
    expect(o2.rejected.rows).toEqual([]);
    expect(o2.clean.header).toEqual(o!.clean.header);
    // Same cells (no double guard), same status, same original and suggestion. sweep_row counts
    // rows of the file actually read, so it is renumbered; reasons are checked separately.
    const keep = (t: Outputs["clean"]): string[][] =>
      t.rows.map((r) => {
        const w = r.length - SWEEP_COLUMNS.length;
        return [...r.slice(0, w), r[w]!, r[w + 3]!, r[w + 4]!];
      });
    expect(keep(o2.clean)).toEqual(keep(o!.clean));
  });

  it.each(FAILING)("$name: exit $code naming the candidates, nothing written", (c) => {
    const { run, dir } = runs.get(c.name)!;
    expect(run.code, run.stderr).toBe(c.code);
    for (const m of c.mentions ?? []) expect(run.stderr).toContain(m);
    expect(outputsExist(dir, c.name)).toEqual([false, false, false]);
  });
});

describe("corpus: 100k-row export with blank lines", () => {
  const N = 100_000;
  let dir = "";
  let run: CliResult;
  let blanks: number[] = [];
  beforeAll(async () => {
    dir = tempDir();
    const lines = ["Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,NOTES"];
    for (let i = 1; i <= N; i++) {
      if (i % 997 === 0) {
        lines.push("");
        blanks.push(i);
        continue;
      }
      const note = i % 101 === 0 ? `"call back, ""soon""\nplease"` : i % 211 === 0 ? "=1+1" : "";
      lines.push(`user${i}@example${i % 50}.com,First${i},Last${i},${(i % 5) + 1},2023-01-01 00:00:00,${note}`);
    }
    writeFixture(dir, "big.csv", lines.join("\r\n") + "\r\n");
    run = await runCli(["clean", "big.csv", "--offline", "--no-store"], { cwd: dir, timeoutMs: 240_000 });
  }, 300_000);

  it("accounts for every row and counts the blank lines", () => {
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "big.report.json"), "utf8")) as Outputs["report"];
    expect(report.rows).toEqual({ input_rows: N, clean_rows: N - blanks.length, rejected_rows: 0, blank_rows: blanks.length });
    const o = readOutputs(dir, "big");
    expect(sweepRows(o)).toEqual(range(N, blanks));
    expect(unguardedCells(o.clean)).toEqual([]);
    const notes = o.clean.header!.indexOf("NOTES");
    expect(o.clean.rows.filter((r) => r[notes] === "call back, \"soon\"\nplease").length).toBe(Math.floor(N / 101));
  });
});

/** Header rows of real exports, with data that does not break ties by itself. */
describe("chooseEmailColumn on real header rows", () => {
  const A = (n: number): string => `person${n}@example.com`;
  const rows = (width: number, fill: (col: number, row: number) => string, n = 6): string[][] =>
    Array.from({ length: n }, (_, r) => Array.from({ length: width }, (_, c) => fill(c, r)));
  /** Every column holds addresses: only names can decide. */
  const allAddresses = (width: number): string[][] => rows(width, (c, r) => A(c * 10 + r));
  /** Address columns by index, the rest yes/no. */
  const addressesAt = (width: number, at: readonly number[]): string[][] => rows(width, (c, r) => (at.includes(c) ? A(c * 10 + r) : r % 2 ? "yes" : "no"));

  it.each<[string, string[], string[][], string | RegExp]>([
    ["numbered addresses: Email 1 wins", ["Name", "Email 1", "Email 2", "Email 3"], addressesAt(4, [1, 2, 3]), "Email 1"],
    ["Primary Email over Secondary Email", ["Primary Email", "Secondary Email"], allAddresses(2), "Primary Email"],
    ["Google Contacts: E-mail 1 - Value", ["Name", "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value"], addressesAt(5, [2, 4]), "E-mail 1 - Value"],
    ["Outlook: E-mail Address is exact", ["E-mail Address", "E-mail 2 Address", "E-mail Display Name"], allAddresses(3), "E-mail Address"],
    ["Bitrix24: work over other", ["Рабочий e-mail", "Другой e-mail"], allAddresses(2), "Рабочий e-mail"],
    ["Bitrix24: mailing address over the mailing permission", ["E-mail для рассылок", "Разрешить рассылку по e-mail"], addressesAt(2, [0]), "E-mail для рассылок"],
    ["amoCRM: Email (личный)", ["ID", "Имя", "Email (личный)", "Телефон"], addressesAt(4, [2]), "Email (личный)"],
    ["status and consent columns do not compete", ["Work Email", "Email Status", "Email Marketing Consent", "Unsubscribed Email"], addressesAt(4, [0]), "Work Email"],
    ["a describing name still wins when it holds the addresses", ["Name", "Unsubscribed Email"], addressesAt(2, [1]), "Unsubscribed Email"],
    ["HubSpot header only: Email Domain is not the address", ["Record ID", "Email Domain", "Work Email"], [], "Work Email"],
    ["Salesforce person accounts: PERSONEMAIL", ["HASOPTEDOUTOFEMAIL", "EMAILBOUNCEDREASON", "PERSONEMAIL"], [], "PERSONEMAIL"],
    ["Klaviyo consent timestamp", ["Contact Email", "Email Marketing Consent Timestamp", "Email Opt Out"], [], "Contact Email"],
    ["MailerLite: Subscriber holds the address", ["Subscriber", "Name", "Subscribed"], addressesAt(3, [0]), "Subscriber"],
    ["Login that is an address", ["Login", "Name"], addressesAt(2, [0]), "Login"],
    ["Japanese", ["氏名", "メールアドレス"], addressesAt(2, [1]), "メールアドレス"],
    ["Chinese", ["姓名", "电子邮箱"], addressesAt(2, [1]), "电子邮箱"],
    ["Chinese, contains", ["姓名", "联系邮箱"], addressesAt(2, [1]), "联系邮箱"],
    ["Korean", ["이름", "이메일 주소"], addressesAt(2, [1]), "이메일 주소"],
    ["Swedish", ["Förnamn", "E-postadress"], addressesAt(2, [1]), "E-postadress"],
    ["Norwegian", ["Navn", "E-post"], addressesAt(2, [1]), "E-post"],
    ["Finnish", ["Nimi", "Sähköpostiosoite"], addressesAt(2, [1]), "Sähköpostiosoite"],
    ["German compound", ["Name", "Arbeits-E-Mail"], addressesAt(2, [1]), "Arbeits-E-Mail"],
    // Errors: no address column, or a real tie the names cannot break.
    ["only an opt-in column is no address column", ["Name", "Email Opt-In", "Phone"], addressesAt(3, []), /no column looks like the email address/],
    ["header only, opt-in column", ["Name", "Email Opt-In"], [], /no column looks like the email address/],
    ["hashed addresses are not addresses", ["email_sha256", "phone_sha256"], rows(2, () => "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), /no column looks like the email address/],
    ["Subscriber holding names is not the address", ["Subscriber", "Status"], rows(2, (c) => (c ? "active" : "Ann Lee")), /no column looks like the email address/],
    ["Work and Personal both filled", ["Name", "Work Email", "Personal Email"], addressesAt(3, [1, 2]), /"Work Email", "Personal Email"/],
    ["Bitrix24: work and private both filled", ["Рабочий e-mail", "Частный e-mail"], allAddresses(2), /"Рабочий e-mail", "Частный e-mail"/],
    ["Pipedrive work/home/other all filled", ["Person - Email - Work", "Person - Email - Home", "Person - Email - Other"], allAddresses(3), /"Person - Email - Work", "Person - Email - Home"\)/],
    ["two exact names", ["Email", "E-mail"], allAddresses(2), /"Email", "E-mail"/],
  ])("%s", (_name, header, sample, expected) => {
    if (typeof expected === "string") {
      expect(header[chooseEmailColumn(header, sample, undefined, "f.csv").index]).toBe(expected);
    } else {
      let error: unknown;
      try {
        chooseEmailColumn(header, sample, undefined, "f.csv");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MailsweepError);
      expect((error as MailsweepError).kind).toBe("data");
      expect((error as Error).message).toMatch(expected);
    }
  });
});

describe("corpus: known gaps outside detect.ts", () => {
  // BUG (src/pipeline/decode.ts, Node >= 20.18.3 TextDecoder, nodejs/node#56542 and #60888):
  // `new TextDecoder("windows-1252")` takes a Latin-1 fast path, so bytes 0x80-0x9F become C1
  // controls instead of € ‚ „ … ‘ ’ “ ” – — ™ Œ Š Ž Ÿ. Every Excel regional CSV from a
  // Western locale with a euro sign or a smart quote comes out garbled, silently.
  // Repro: printf 'Name;Email\r\nO\x92Neil \x80;a@gmail.com\r\n' > e.csv; mailsweep clean e.csv
  // --offline --encoding windows-1252 → e.clean.csv holds U+0092 and U+0080.
  it("windows-1252 keeps €, smart quotes and dashes", async () => {
    const dir = tempDir();
    const text = "Name;Email;Note\r\nZoë O’Neil;zoe@gmail.com;“VIP” – 5 €\r\n";
    writeFixture(dir, "e.csv", encode(text, "windows-1252"));
    const run = await runCli(["clean", "e.csv", "--offline", "--no-store", "--encoding", "windows-1252"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const o = readOutputs(dir, "e", ";");
    expect(o.clean.rows[0]!.slice(0, 3)).toEqual(["Zoë O’Neil", "zoe@gmail.com", "“VIP” – 5 €"]);
  });

  // BUG (src/pipeline/clean.ts, re-reading own output): the second sweep keeps
  // sweep_original_email from the first but drops the codes that explain it (typo_fixed,
  // normalized), so the row says "original gmail.con" with no reason. Repro:
  // printf 'Email\ntom@gmail.con\n' > t.csv; mailsweep clean t.csv --offline;
  // mailsweep clean t.clean.csv --offline --out-dir o → sweep_reasons "free_mail" only.
  it("a second sweep keeps the codes that explain sweep_original_email", async () => {
    const dir = tempDir();
    writeFixture(dir, "t.csv", "Email,Name\ntom@gmail.con,Tom\n MARIA@yahoo.es ,Maria\n");
    expect((await runCli(["clean", "t.csv", "--offline", "--no-store"], { cwd: dir })).code).toBe(0);
    const first = readOutputs(dir, "t");
    const run2 = await runCli(["clean", "t.clean.csv", "--offline", "--no-store", "--out-dir", "again"], { cwd: dir });
    expect(run2.code, run2.stderr).toBe(0);
    const second = readOutputs(join(dir, "again"), "t.clean");
    const reasons = (o: Outputs): string[] => o.clean.rows.map((r) => r[2 + SWEEP_COLUMNS.indexOf("sweep_reasons")]!);
    expect(reasons(first)).toEqual(["typo_fixed;free_mail", "free_mail;normalized"]);
    expect(reasons(second)).toEqual(reasons(first));
  });
});
