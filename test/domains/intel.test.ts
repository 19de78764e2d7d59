import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDomainIntel, readDomainListFile } from "../../src/domains/index.js";
import type { ReasonCode } from "../../src/reasons.js";

const require = createRequire(import.meta.url);
const intel = createDomainIntel();
const codes = (domain: string, i = intel): ReasonCode[] => i.reasons(i.info(domain)).map((r) => r.code);

describe("disposable", () => {
  it.each([
    ["mailinator.com", "mailinator.com"], // exact entry of index.json
    ["abc.mailinator.com", "mailinator.com"], // parent of an exact entry
    ["guerrillamail.com", "guerrillamail.com"],
    ["someone.anonaddy.com", "anonaddy.com"], // only in wildcard.json
    ["anonaddy.me", "anonaddy.me"],
    ["deep.sub.33mail.com", "33mail.com"], // wildcard parent, two levels down
  ])("%s is disposable via %s", (domain, matched) => {
    const info = intel.info(domain);
    expect(info.disposable).toBe(matched);
    expect(info.free).toBe(false);
    expect(intel.reasons(info)).toEqual([{ code: "disposable_domain", domain, matched }]);
  });

  it.each(["gmail.com", "acme-industries.com", "mit.edu", "com", "co.uk"])("%s is not disposable", (domain) => {
    expect(intel.info(domain).disposable).toBeNull();
  });

  it("free wins over the npm list where they overlap (21cn.com is in both)", () => {
    // Guard: the overlap is real in the pinned package, so this test can fail if the rule breaks.
    const inPackage = (require("disposable-email-domains/index.json") as string[]).includes("21cn.com");
    expect(inPackage).toBe(true);
    const info = intel.info("21cn.com");
    expect(info.free).toBe(true);
    expect(info.disposable).toBeNull();
    expect(codes("21cn.com")).toEqual(["free_mail"]);
  });

  it("allow overrides the package, including subdomains", () => {
    const i = createDomainIntel({ allow: ["mailinator.com"] });
    expect(i.info("mailinator.com").disposable).toBeNull();
    expect(i.info("x.mailinator.com").disposable).toBeNull();
    expect(codes("mailinator.com", i)).toEqual(["corporate_domain"]);
  });

  it("deny adds a domain and its subdomains", () => {
    const i = createDomainIntel({ deny: ["Throwaway.Example"] });
    expect(i.info("throwaway.example").disposable).toBe("throwaway.example");
    expect(i.info("a.throwaway.example").disposable).toBe("throwaway.example");
    expect(i.info("example.org").disposable).toBeNull();
  });

  it("deny beats free (the user's explicit choice), and free is then false", () => {
    const i = createDomainIntel({ deny: ["mail.ru"] });
    const info = i.info("mail.ru");
    expect(info.disposable).toBe("mail.ru");
    expect(info.free).toBe(false);
  });

  it("the most specific override wins; allow beats deny at the same level", () => {
    const i = createDomainIntel({ allow: ["good.spam.test", "both.example"], deny: ["spam.test", "both.example"] });
    expect(i.info("good.spam.test").disposable).toBeNull();
    expect(i.info("bad.spam.test").disposable).toBe("spam.test");
    expect(i.info("both.example").disposable).toBeNull();
  });
});

describe("free / corporate / edu / gov", () => {
  it.each([
    ["gmail.com", ["free_mail"]],
    ["mail.ru", ["free_mail"]],
    ["yandex.kz", ["free_mail"]],
    ["ukr.net", ["free_mail"]],
    ["gmx.de", ["free_mail"]],
    ["seznam.cz", ["free_mail"]],
    ["uol.com.br", ["free_mail"]],
    ["qq.com", ["free_mail"]],
    ["naver.com", ["free_mail"]],
    ["yahoo.co.jp", ["free_mail"]],
    ["acme-industries.com", ["corporate_domain"]],
    ["mail.acme-industries.co.uk", ["corporate_domain"]],
    ["mit.edu", ["corporate_domain", "edu_domain"]],
    ["mail.university.edu", ["corporate_domain", "edu_domain"]],
    ["ox.ac.uk", ["corporate_domain", "edu_domain"]],
    ["students.ox.ac.uk", ["corporate_domain", "edu_domain"]],
    ["spbu.edu.ru", ["corporate_domain", "edu_domain"]],
    ["unsw.edu.au", ["corporate_domain", "edu_domain"]],
    ["u-tokyo.ac.jp", ["corporate_domain", "edu_domain"]],
    ["nasa.gov", ["corporate_domain", "gov_domain"]],
    ["hmrc.gov.uk", ["corporate_domain", "gov_domain"]],
    ["nalog.gov.ru", ["corporate_domain", "gov_domain"]],
    ["interieur.gouv.fr", ["corporate_domain", "gov_domain"]],
    ["army.mil", ["corporate_domain", "gov_domain"]],
    ["mil.ru", ["corporate_domain", "gov_domain"]],
    ["mail.mil.ru", ["corporate_domain", "gov_domain"]],
    ["edu.example.com", ["corporate_domain"]], // the word alone is not a sector
    ["gov-consulting.com", ["corporate_domain"]],
    ["mail.ri", []], // no such TLD: nobody's domain (the pipeline reports tld_invalid)
  ] as const)("%s → %j", (domain, expected) => {
    expect(codes(domain)).toEqual(expected);
  });

  it("corporate/edu/gov name the registrable domain", () => {
    expect(intel.reasons(intel.info("mail.university.edu"))).toEqual([
      { code: "corporate_domain", domain: "university.edu" },
      { code: "edu_domain", domain: "university.edu" },
    ]);
  });

  it("free and disposable never overlap on any free-mail entry", () => {
    for (const d of ["gmail.com", "yahoo.com", "mail.ru", "21cn.com", "163.com", "gmx.net", "web.de"]) {
      const info = intel.info(d);
      expect(info.free && info.disposable !== null).toBe(false);
    }
  });
});

describe("tldKnown and registrable", () => {
  it.each([
    ["gmail.com", true, "gmail.com"],
    ["x.app", true, "x.app"],
    ["company.io", true, "company.io"],
    ["пример.рф", true, "пример.рф"],
    ["xn--e1afmkfd.xn--p1ai", true, "xn--e1afmkfd.xn--p1ai"],
    ["uol.com.br", true, "uol.com.br"],
    ["a.b.blogspot.com", true, "blogspot.com"],
    // The PSL has no bare `za` rule, only its second-level zones: .za is still delegated
    ["mweb.co.za", true, "mweb.co.za"],
    ["uct.ac.za", true, "uct.ac.za"],
    ["gov.za", true, null],
    ["x.co.zaa", false, null],
    ["mail.ri", false, "mail.ri"],
    ["gmail.con", false, "gmail.con"],
    ["gmail.cmo", false, "gmail.cmo"],
    ["printer.local", false, "printer.local"],
    ["site.onion", false, null],
    ["host.123", false, null],
  ] as const)("%s: tldKnown=%s registrable=%s", (domain, tldKnown, registrable) => {
    const info = intel.info(domain);
    expect(info.tldKnown).toBe(tldKnown);
    if (registrable !== null) expect(info.registrable).toBe(registrable);
  });
});

describe("mixed script", () => {
  it.each([
    ["pаypal.com", "pаypal", ["Latin", "Cyrillic"]], // Cyrillic а (U+0430)
    ["gmаil.com", "gmаil", ["Latin", "Cyrillic"]],
    ["аpple.com", "аpple", ["Cyrillic", "Latin"]],
    ["gοogle.com", "gοogle", ["Latin", "Greek"]], // Greek omicron
    ["xn--pypal-4ve.com", "pаypal", ["Latin", "Cyrillic"]], // punycode of pаypal
    ["раура.com", "раура", ["Cyrillic", "Latin"]], // whole-script look-alike under a Latin TLD
  ] as const)("%s is mixed (%s)", (domain, label, scripts) => {
    const info = intel.info(domain);
    expect(info.mixedScript).toEqual({ label, scripts });
    expect(codes(domain)).toContain("mixed_script");
  });

  it.each(["пример.рф", "почта.рф", "bücher.de", "例え.jp", "παράδειγμα.ελ", "пример.com", "gmail.com", "xn--e1afmkfd.xn--p1ai"])(
    "%s is not mixed",
    (domain) => {
      expect(intel.info(domain).mixedScript).toBeNull();
      expect(codes(domain)).not.toContain("mixed_script");
    },
  );
});

describe("memo and sources", () => {
  it("returns the same object for the same domain", () => {
    const i = createDomainIntel();
    expect(i.info("gmail.com")).toBe(i.info("gmail.com"));
  });
  it("records provenance of every list", () => {
    const sources = intel.sources();
    const byName = new Map(sources.map((s) => [s.name, s]));
    expect(byName.get("disposable-email-domains")?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(byName.get("disposable-email-domains")?.entries).toBeGreaterThan(100_000);
    for (const name of ["free-mail", "edu-suffixes", "gov-suffixes"]) {
      expect(byName.get(name)?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(byName.get(name)?.source).not.toBe("unknown");
    }
  });
});

describe("readDomainListFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "mailsweep-domains-"));
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it("reads one domain per line, skipping comments and blanks, accepting *. and @ prefixes", () => {
    const p = file("ok.txt", "\ufeff# my list\nExample.COM\n\n*.spam.test  # wildcard form\n@throwaway.example\nexample.com\nпример.рф\n");
    expect(readDomainListFile(p)).toEqual(["example.com", "spam.test", "throwaway.example", "пример.рф"]);
  });

  it.each([
    ["not a domain", 2],
    ["localhost", 2],
    ["user@example.com", 2],
    ["-bad.example", 2],
  ])("rejects %j naming file and line", (bad, line) => {
    const p = file(`bad-${line}-${bad.length}.txt`, `example.com\n${bad}\n`);
    expect(() => readDomainListFile(p)).toThrow(new RegExp(`${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}:`));
  });

  it("names a missing file", () => {
    expect(() => readDomainListFile(join(dir, "nope.txt"))).toThrow(/nope\.txt/);
  });
});
