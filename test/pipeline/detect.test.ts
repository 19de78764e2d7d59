import { describe, expect, it } from "vitest";
import { MailsweepError } from "../../src/errors.js";
import { checkHeaderNames, chooseEmailColumn, looksLikeAddress, sniffDelimiter } from "../../src/pipeline/detect.js";

describe("sniffDelimiter", () => {
  it.each([
    ["comma", "a,b,c\n1,2,3\n", ","],
    ["semicolon with commas inside names", "name;email\nDoe, Jane;j@x.com\nRoe, Rick;r@x.com\n", ";"],
    ["tab", "a\tb\n1\t2\n", "\t"],
    ["pipe", "a|b|c\n1|2|3\n", "|"],
    ["one column", "email\na@x.com\nb@y.com\n", ","],
    ["quoted delimiters do not count", '"a;b",c\n"d;e",f\n', ","],
  ])("%s", (_n, sample, expected) => {
    expect(sniffDelimiter(sample).delimiter).toBe(expected);
  });

  it("honours Excel's sep= line", () => {
    expect(sniffDelimiter("sep=;\r\na;b\n")).toEqual({ delimiter: ";", sepLine: "sep=;", inUse: true });
  });

  it("honours a forced delimiter", () => {
    expect(sniffDelimiter("a,b\n", "|").delimiter).toBe("|");
  });
});

describe("chooseEmailColumn", () => {
  const rows = [["Ann", "ann@x.com", "yes"]];
  it.each([
    [["Name", "Email", "Opt"], 1, "exact"],
    [["Name", "E-mail", "Opt"], 1, "exact"],
    [["Name", "Email Address", "Opt"], 1, "exact"],
    [["Имя", "Почта", "x"], 1, "exact"],
    [["Имя", "Электронная почта", "x"], 1, "exact"],
    [["Name", "EMAIL", "Email Opt-In"], 1, "exact"],
    [["Secondary Email", "Email", "Email Opt-In"], 1, "exact"],
    [["Name", "Work Email", "Opt"], 1, "contains"],
    // Outlook contact exports in French and Italian, with their type/display-name neighbours.
    [["Nom", "Adresse de messagerie", "Type de messagerie"], 1, "exact"],
    [["Nome", "Indirizzo posta elettronica", "Tipo posta elettronica"], 1, "exact"],
    [["Nom", "Adresse messagerie (pro)", "Ville"], 1, "contains"],
  ])("%j → column %i (%s)", (header, index, how) => {
    expect(chooseEmailColumn(header, rows, undefined, "f.csv")).toEqual({ index, how });
  });

  it("is an error listing the headers when nothing matches", () => {
    expect(() => chooseEmailColumn(["a", "b"], rows, undefined, "f.csv")).toThrow(/Columns: 1: "a", 2: "b"/);
  });

  it("is an error when two columns match equally and the data does not decide", () => {
    try {
      chooseEmailColumn(["Email", "E-mail"], [["a@x.com", "b@y.com"]], undefined, "f.csv");
      expect.unreachable();
    } catch (err) {
      expect((err as MailsweepError).kind).toBe("data");
      expect((err as Error).message).toMatch(/"Email", "E-mail"/);
    }
  });

  it("lets clear data break a tie of equal names", () => {
    expect(chooseEmailColumn(["Email", "E-mail"], [["yes", "b@y.com"], ["no", "c@y.com"]], undefined, "f.csv").index).toBe(1);
  });

  it.each([
    ["email", 1],
    ["EMAIL", 1],
    ["3", 2],
  ])("--email-column %s", (opt, index) => {
    expect(chooseEmailColumn(["Name", "Email", "Other"], rows, opt, "f.csv").index).toBe(index);
  });

  it("--email-column that matches nothing is a usage error", () => {
    expect(() => chooseEmailColumn(["Name"], rows, "mail2", "f.csv")).toThrow(MailsweepError);
  });

  it("detects the column from the data without a header", () => {
    expect(chooseEmailColumn(null, [["x", "a@b.com"], ["y", "c@d.org"]], undefined, "f.csv")).toEqual({ index: 1, how: "data" });
  });
});

describe("checkHeaderNames", () => {
  it("allows trailing blank names", () => {
    expect(() => checkHeaderNames(["a", "b", "", ""], "f")).not.toThrow();
  });
  it.each([
    [["a", "", "b"], /column 2 has no name/],
    [["Email", "name", "email"], /columns 1 and 3 are both named "email"/],
  ])("%j is an error", (header, message) => {
    expect(() => checkHeaderNames(header, "f")).toThrow(message);
  });
});

describe("looksLikeAddress", () => {
  it.each([
    ["a@b.com", true],
    [" mailto:a@b.com ", true],
    ["Ann <a@b.com>", true],
    ["email", false],
    ["a@b", false],
    ["taro＠docomo.ne.jp", true],
    ["ｔａｒｏ@docomo.ne.jp", true],
  ])("%j → %s", (cell, expected) => {
    expect(looksLikeAddress(cell)).toBe(expected);
  });
});
