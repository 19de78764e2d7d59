import { describe, expect, it } from "vitest";
import { createTypoCorrector } from "../../src/typos/index.js";
import { typoLists } from "../../src/typos/lists.js";

const typos = createTypoCorrector();

// [typed, intended]: undelegated TLDs next to a provider, and listed typo-squats.
const MUST_FIX: readonly (readonly [string, string])[] = [
  // Russian / CIS
  ["mail.ri", "mail.ru"],
  ["mail.rj", "mail.ru"],
  ["yandex.ri", "yandex.ru"],
  ["yandex.tu", "yandex.ru"],
  ["yandex.byy", "yandex.by"],
  ["yandex.kzz", "yandex.kz"],
  ["yandex.rus", "yandex.ru"],
  ["rambler.ry", "rambler.ru"],
  ["rambler.ri", "rambler.ru"],
  ["bk.ri", "bk.ru"],
  ["list.ri", "list.ru"],
  ["inbox.ri", "inbox.ru"],
  ["internet.ri", "internet.ru"],
  ["ukr.nte", "ukr.net"],
  ["ukr.nwt", "ukr.net"],
  ["i.uaa", "i.ua"],
  ["meta.uaa", "meta.ua"],
  ["tut.byy", "tut.by"],
  // Global
  ["gmail.con", "gmail.com"],
  ["gmail.cmo", "gmail.com"],
  ["gmail.cim", "gmail.com"],
  ["gmail.vom", "gmail.com"],
  ["gmail.comm", "gmail.com"],
  ["hotmail.con", "hotmail.com"],
  ["hotmial.con", "hotmail.com"],
  ["yahoo.con", "yahoo.com"],
  ["outlook.con", "outlook.com"],
  ["icloud.con", "icloud.com"],
  ["aol.con", "aol.com"],
  ["hotmail.co.ukk", "hotmail.co.uk"],
  // Listed typo-squats under real TLDs
  ["gmial.com", "gmail.com"],
  ["gmai.com", "gmail.com"],
  ["gamil.com", "gmail.com"],
  ["gnail.com", "gmail.com"],
  ["gmaill.com", "gmail.com"],
  ["gmail.co", "gmail.com"],
  ["gmail.cm", "gmail.com"],
  ["hotmial.com", "hotmail.com"],
  ["hotmal.com", "hotmail.com"],
  ["hotmaill.com", "hotmail.com"],
  ["yahooo.com", "yahoo.com"],
  ["yaho.com", "yahoo.com"],
  ["yahoo.cm", "yahoo.com"],
  ["outlok.com", "outlook.com"],
  ["iclod.com", "icloud.com"],
  // European
  ["gmx.ner", "gmx.net"],
  ["gmx.dee", "gmx.de"],
  ["web.dr", "web.de"],
  ["web.dee", "web.de"],
  ["t-online.dr", "t-online.de"],
  ["freenet.dr", "freenet.de"],
  ["orange.fe", "orange.fr"],
  ["free.frr", "free.fr"],
  ["laposte.nte", "laposte.net"],
  ["libero.iy", "libero.it"],
  ["virgilio.iy", "virgilio.it"],
  ["seznam.zc", "seznam.cz"],
  ["wp.pll", "wp.pl"],
  ["onet.pll", "onet.pl"],
  ["interia.ol", "interia.pl"],
  ["o2.pll", "o2.pl"],
  // Latin American
  ["uol.com.brr", "uol.com.br"],
  ["bol.com.brr", "bol.com.br"],
  ["terra.com.vr", "terra.com.br"],
  // Asian
  ["qq.con", "qq.com"],
  ["163.con", "163.com"],
  ["126.con", "126.com"],
  ["naver.con", "naver.com"],
  ["daum.nte", "daum.net"],
  ["hanmail.nte", "hanmail.net"],
  ["yahoo.co.jpp", "yahoo.co.jp"],
  ["lenta.ri", "lenta.ru"], // any free-mail domain may be the fix when the TLD does not exist
  ["mail.r", "mail.ru"], // cut short, but only one known domain starts so
  // equally near several known domains, but a slip of a neighbouring key for only one of them
  ["yandex.ry", "yandex.ru"], // yandex.by: `r` is nowhere near `b`
  ["sina.con", "sina.com"], // sina.cn: a stray `o` touches neither `c` nor `n`
  ["live.con", "live.com"], // live.cn likewise
  ["gmx.ce", "gmx.de"], // gmx.ch: `e` is nowhere near `h`
  // the listed TLD slip leads to a known domain and nothing else known is near
  ["gmail.comcom", "gmail.com"],
  // listed typo-squats: registered look-alikes, often with catch-all mail, so DNS cannot tell
  ["gmail.com.com", "gmail.com"],
  ["hotmail.com.com", "hotmail.com"],
  ["ggmail.com", "gmail.com"],
  ["hotnail.com", "hotmail.com"],
  ["outook.com", "outlook.com"],
  ["iclould.com", "icloud.com"],
  ["yahho.com", "yahoo.com"],
];

// Real domains that receive mail, or that are too close to several providers to guess.
const MUST_NOT_TOUCH: readonly string[] = [
  // providers and free mail that sit one edit from another provider
  "gmx.com", "gmx.net", "gmx.de", "gmx.at", "gmx.ch", "mail.com", "email.com", "me.com", "mac.com",
  "ymail.com", "gmail.com", "live.com", "aol.com", "aim.com", "msn.com", "hotmail.co.uk",
  "bk.ru", "list.ru", "mail.ru", "inbox.ru", "ya.ru", "yandex.ru", "yandex.ua", "yandex.by",
  "rambler.ru", "ro.ru", "ukr.net", "i.ua", "mail.ua", "hot.ee", "mail.ee", "inbox.lv", "inbox.lt",
  "mail.de", "web.de", "wp.pl", "o2.pl", "op.pl", "vp.pl", "onet.pl", "seznam.cz", "email.cz",
  "free.fr", "sfr.fr", "yahoo.co.jp", "yahoo.co.uk", "yahoo.com.br", "uol.com.br", "bol.com.br",
  "ig.com.br", "qq.com", "163.com", "126.com", "188.com", "139.com", "daum.net", "nate.com",
  // government and academic domains next to providers
  "mil.ru", "mail.mil.ru", "gov.ru", "mit.edu", "army.mil",
  // organisations' own domains, several one edit from a provider
  "company.io", "x.app", "wed.de", "weg.de", "gme.de", "bq.ru", "wahoo.com", "example.com",
  "mail.ru.com", "mx.gmail.com", "gmail.ru", "gmail.de", "yandex.team", "proton.ch", "mailbox.org",
  "kernel.org", "github.com", "google.com", "microsoft.com", "apple.com",
  // two providers equally near, both one neighbouring key away: no guess
  "gmx.ne",
  // cut short where several providers start the same way
  "yahoo.c", "gmx.c", "outlook.c", "yahoo.co", "yahoo.co.",
  // two known domains at the same distance: gmail.com and email.cz
  "gmail.c",
  // IDN look-alikes are the mixed-script check's business, never "corrected" into the brand
  "gmаil.com", "пример.рф",
  // not a domain at all
  "gmail", "",
];

describe("decide: must fix", () => {
  it.each(MUST_FIX)("%s → %s", (typed, intended) => {
    expect(typos.decide(typed)).toMatchObject({ kind: "fix", to: intended });
  });
  it("has at least 60 cases", () => {
    expect(MUST_FIX.length).toBeGreaterThanOrEqual(60);
  });
});

describe("decide: must not touch", () => {
  it.each(MUST_NOT_TOUCH.map((d) => [d]))("%s", (domain) => {
    expect(typos.decide(domain)).toEqual({ kind: "none" });
  });
  it("has at least 60 cases", () => {
    expect(MUST_NOT_TOUCH.length).toBeGreaterThanOrEqual(60);
  });
});

// Likely typos under a real TLD: suggested, never fixed; DNS may upgrade them.
const SUGGEST_DNS: readonly (readonly [string, string])[] = [
  ["gmaik.com", "gmail.com"], // not listed: a real TLD, so DNS must show it receives no mail
  ["gmail.co.uk", "gmail.com"],
  ["gmail.com.br", "gmail.com"],
  ["yandx.ru", "yandex.ru"],
  ["yandex.rs", "yandex.ru"],
  ["ramblr.ru", "rambler.ru"],
  ["hotmail.co.id", "hotmail.com"],
  ["mail.co", "mail.com"],
  ["outlook.cm", "outlook.com"],
  ["inbix.ru", "inbox.ru"],
  ["libero.is", "libero.it"],
  ["hotmail.co", "hotmail.com"],
  ["yahho.co.jp", "yahoo.co.jp"],
];

describe("decide: suggest under a real TLD", () => {
  it.each(SUGGEST_DNS)("%s → %s (suggest, dnsUpgradable)", (typed, intended) => {
    expect(typos.decide(typed)).toMatchObject({ kind: "suggest", to: intended, dnsUpgradable: true });
  });
});

// A provider's name under a country zone that is no registry category, one slip from the
// provider's own (`con.br` for `com.br`): tldts reads the zone as an organisation, yet the
// provider is the clear reading. Suggested, DNS-upgradable; never for longer hosts or other names.
const ZONE_SLIPS: readonly (readonly [string, string])[] = [
  ["uol.con.br", "uol.com.br"],
  ["uol.cm.br", "uol.com.br"],
  ["uol.com.be", "uol.com.br"],
  ["terra.co.br", "terra.com.br"],
  ["yahoo.co.jo", "yahoo.co.jp"],
  ["hotmail.com.mz", "hotmail.com.mx"],
  ["yahoo.cd.uk", "yahoo.co.uk"],
  ["hotmail.con.br", "hotmail.com.br"],
  // A real zone one slip from the provider's own zone wins over "the provider has no zone here,
  // so .com": `.bt` is next to `.br`, so this is Hotmail Brazil, not hotmail.com.
  ["hotmail.com.bt", "hotmail.com.br"],
];

describe("decide: provider under a mistyped second-level zone", () => {
  it.each(ZONE_SLIPS)("%s → %s (suggest, dnsUpgradable)", (typed, intended) => {
    expect(typos.decide(typed)).toMatchObject({ kind: "suggest", to: intended, dnsUpgradable: true });
  });
  it.each([
    ["mx1.uol.con.br"], // a host inside somebody's zone, not a typed provider address
    ["acme.con.br"], // no provider of that name
    ["mail.ru.net"], // mail.ru's suffix is one label: nothing to slip within
    ["uol.com.bt"], // com.bt is a real zone: the short-name rule for real zones applies
  ])("%s is left alone", (domain) => {
    expect(typos.decide(domain)).toEqual({ kind: "none" });
  });
});

// Organisation domains with a misspelt TLD: suggested, but no provider, so DNS cannot upgrade.
const SUGGEST_TLD: readonly (readonly [string, string])[] = [
  ["acme-widgets.con", "acme-widgets.com"],
  ["university.ogr", "university.org"],
  ["stadtwerke.dr", "stadtwerke.de"],
  ["zavod.ri", "zavod.ru"],
  ["shop.cpm", "shop.com"],
  ["live.ri", "live.ru"], // live.fi and live.ru are equally near: only the TLD slip is suggested
  ["hotmail.fe", "hotmail.fr"], // hotmail.de too: `f` touches `d` as `e` touches `r`
];

describe("decide: TLD slips of organisation domains", () => {
  it.each(SUGGEST_TLD)("%s → %s (suggest only)", (typed, intended) => {
    expect(typos.decide(typed)).toMatchObject({ kind: "suggest", to: intended, dnsUpgradable: false });
  });
});

describe("decide: properties", () => {
  it("a fix always points at a known mailbox domain", () => {
    const known = typoLists().known;
    for (const [typed] of MUST_FIX) {
      const d = typos.decide(typed);
      expect(d.kind === "fix" && known.has(d.to) && d.to !== typed).toBe(true);
    }
  });
  it("a suggestion under a real TLD points at a listed provider", () => {
    const providers = new Set(typoLists().targets.map((t) => t.domain));
    for (const [typed] of SUGGEST_DNS) {
      const d = typos.decide(typed);
      expect(d.kind === "suggest" && providers.has(d.to)).toBe(true);
    }
  });
  it("memoises per instance (same object back)", () => {
    const t = createTypoCorrector();
    expect(t.decide("mail.ri")).toBe(t.decide("mail.ri"));
  });
  it("gives a short lower-case reason", () => {
    const d = typos.decide("mail.ri");
    expect(d.kind === "fix" && d.why).toMatch(/^\.ri is not a top-level domain$/);
    const l = typos.decide("gmial.com");
    expect(l.kind === "fix" && l.why).toMatch(/known misspelling of gmail\.com/);
  });
  it("is idempotent: a fixed domain is never corrected again", () => {
    for (const [typed] of MUST_FIX) {
      const d = typos.decide(typed);
      if (d.kind === "fix") expect(typos.decide(d.to)).toEqual({ kind: "none" });
    }
  });
  it("reports its data sources with dates", () => {
    const names = typos.sources().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["providers", "typo-domains", "tld-typos"]));
    for (const s of typos.sources()) {
      expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.entries).toBeGreaterThan(0);
    }
  });
});
