import { describe, expect, it } from "vitest";
import { MailsweepError } from "../../src/errors.js";
import { detectBounceColumns, looksLikeBounceHeader } from "../../src/bounces/log-columns.js";
import { parseLogDate } from "../../src/bounces/log-dates.js";
import { addressInLine } from "../../src/bounces/log.js";

const TEXT = "550 5.1.1 <x@example.com>: Recipient address rejected: User unknown";
const ROWS_4 = [
  ["2025-01-02 10:00:00", "bob@example.com", "5.1.1", TEXT],
  ["2025-01-03 11:00:00", "ann@example.org", "4.2.2", "452 4.2.2 Mailbox full, try again later"],
];

type Case = [label: string, header: string[] | null, rows: string[][], expected: { email: number; text: number; code: number | null; date: number | null }];

const CASES: Case[] = [
  ["postfix-style DSN export", ["Date", "Recipient", "Status", "Diagnostic-Code"], ROWS_4, { email: 1, text: 3, code: 2, date: 0 }],
  ["SendGrid: email, reason, status, created", ["created", "email", "reason", "status"], [["1738490000", "bob@example.com", TEXT, "5.1.1"]], { email: 1, text: 2, code: 3, date: 0 }],
  ["SES camelCase", ["timestamp", "destination", "bounceType", "diagnosticCode"], [["2025-01-02T10:00:00Z", "bob@example.com", "Permanent", TEXT]], { email: 1, text: 3, code: null, date: 0 }],
  ["Russian CRM", ["Почта", "Описание", "Дата"], [["bob@example.com", TEXT, "02.01.2025"]], { email: 0, text: 1, code: null, date: 2 }],
  ["sender column is not the recipient", ["From Email", "To Email", "Error"], [["me@mycorp.com", "bob@example.com", TEXT]], { email: 1, text: 2, code: null, date: null }],
  ["a Status column with words is not a code", ["email", "status", "message"], [["bob@example.com", "bounced", TEXT]], { email: 0, text: 2, code: null, date: null }],
  ["unnamed text column found as the longest free text", ["email", "id", "col3"], [["bob@example.com", "17", TEXT]], { email: 0, text: 2, code: null, date: null }],
  ["headerless: by data", null, [["bob@example.com", TEXT], ["ann@example.org", "452 4.2.2 Mailbox full"]], { email: 0, text: 1, code: null, date: null }],
];

describe("detectBounceColumns", () => {
  it.each(CASES)("%s", (_label, header, rows, expected) => {
    const c = detectBounceColumns(header, rows, {}, "log.csv");
    expect({ email: c.email.index, text: c.text.index, code: c.code?.index ?? null, date: c.date?.index ?? null }).toEqual(expected);
  });

  it.each([
    [{ emailColumn: "Status" }, "email", 2],
    [{ textColumn: "4" }, "text", 3],
    [{ emailColumn: "recipient", textColumn: "diagnostic code" }, "text", 3],
  ] as const)("options win: %j → %s column %i", (opts, which, index) => {
    const c = detectBounceColumns(["Date", "Recipient", "Status", "Diagnostic-Code"], ROWS_4, opts, "log.csv");
    expect(c[which].index).toBe(index);
    expect(c[which].how).toBe("option");
  });

  it.each([
    ["no address column", ["name", "error"], [["Bob", TEXT]], "data"],
    ["no text column", ["email"], [["bob@example.com"]], "data"],
    ["an option naming no column", ["email", "error"], [["bob@example.com", TEXT]], "usage"],
  ] as const)("%s → MailsweepError %s", (label, header, rows, kind) => {
    const opts = label.startsWith("an option") ? { textColumn: "nope" } : {};
    let caught: unknown;
    try {
      detectBounceColumns(header, rows as unknown as string[][], opts, "log.csv");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MailsweepError);
    expect((caught as MailsweepError).kind).toBe(kind);
  });

  it.each([
    [["Email", "Error"], true],
    [["recipient", "smtp response"], true],
    [["bob@example.com", TEXT], false],
    [["foo", "bar"], false],
  ])("looksLikeBounceHeader(%j) = %s", (fields, expected) => {
    expect(looksLikeBounceHeader(fields)).toBe(expected);
  });
});

describe("parseLogDate", () => {
  const NOW = Date.UTC(2025, 5, 1);
  it.each([
    ["2025-01-31", "2025-01-31T00:00:00.000Z"],
    ["2025-01-31 10:00", "2025-01-31T10:00:00.000Z"],
    ["2025-01-31T10:00:00+03:00", "2025-01-31T07:00:00.000Z"],
    ["2025-01-31T10:00:00.250Z", "2025-01-31T10:00:00.250Z"],
    ["Fri, 31 Jan 2025 10:00:00 +0000", "2025-01-31T10:00:00.000Z"],
    ["1738317600", "2025-01-31T10:00:00.000Z"],
    ["1738317600000", "2025-01-31T10:00:00.000Z"],
    ["31.01.2025", "2025-01-31T00:00:00.000Z"],
    ["31/1/2025", "2025-01-31T00:00:00.000Z"],
    ["1/31/2025 2:00 PM", "2025-01-31T14:00:00.000Z"],
    ["3/4/2025", null],
    ["2025-02-30", null],
    ["1970-01-01", null],
    ["2030-01-01", null],
    ["yesterday", null],
    ["", null],
  ])("%j → %s", (cell, expected) => {
    expect(parseLogDate(cell, NOW)).toBe(expected);
  });
});

describe("addressInLine", () => {
  it.each([
    ["postfix to= beats the sender", "postfix/smtp[1]: 4Xz: from=<me@mycorp.com>, to=<bob@example.com>, relay=mx[1.2.3.4]:25, status=bounced (550 5.1.1 user unknown)", "bob@example.com"],
    ["Final-Recipient", "Final-Recipient: rfc822; ann@example.org Status: 5.1.1", "ann@example.org"],
    ["first address otherwise", "2025-01-02 joe@gmail.com 550 5.1.1 no such user (see help@gmail.com)", "joe@gmail.com"],
    ["none", "550 5.7.1 Service unavailable", null],
  ])("%s", (_label, line, expected) => {
    expect(addressInLine(line)).toBe(expected);
  });
});
