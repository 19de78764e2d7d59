import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deletionVariants, osaDistance } from "../../src/typos/distance.js";
import { createTypoCorrector } from "../../src/typos/index.js";
import { typoLists } from "../../src/typos/lists.js";

/** Textbook OSA distance, unbounded: the reference the bounded version must agree with. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      const up = d[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom(..."abcdeilmo.".split("")), maxLength: 9 });

describe("osaDistance", () => {
  it.each([
    ["gmial.com", "gmail.com", 1],
    ["ukr.nte", "ukr.net", 1],
    ["mail.ri", "mail.ru", 1],
    ["hotmial.con", "hotmail.com", 2],
    ["gmail.co", "gmail.com", 1],
    ["", "abc", 3],
    ["same", "same", 0],
  ])("%s ~ %s = %i", (a, b, expected) => {
    expect(osaDistance(a, b, 5)).toBe(expected);
  });

  it("agrees with the textbook algorithm within the bound, and says max+1 beyond it", () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const r = reference(a, b);
        expect(osaDistance(a, b, max)).toBe(r <= max ? r : max + 1);
      }),
      { numRuns: 400 },
    );
  });

  it("deletion variants share a member whenever the distance is at most 2", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        if (reference(a, b) > 2) return;
        const va = deletionVariants(a, 2);
        expect([...deletionVariants(b, 2)].some((v) => va.has(v))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("decide: safety properties", () => {
  const typos = createTypoCorrector();
  const lists = typoLists();
  const label = fc.string({ unit: fc.constantFrom(..."abcdefghilmnorstuwxy0123-".split("")), minLength: 1, maxLength: 10 })
    .filter((s) => !s.startsWith("-") && !s.endsWith("-"));
  const realTld = fc.constantFrom("com", "net", "org", "ru", "de", "fr", "pl", "co.uk", "com.br", "co.jp", "io", "app", "ua", "by");

  it("never fixes a domain under a real TLD unless it is a listed typo-domain", () => {
    fc.assert(
      fc.property(label, realTld, (name, tld) => {
        const domain = `${name}.${tld}`;
        const d = typos.decide(domain);
        if (d.kind === "fix") expect(lists.typoDomains.get(domain)).toBe(d.to);
      }),
      { numRuns: 2000 },
    );
  });

  it("never touches a known mailbox domain", () => {
    for (const known of lists.known) expect(typos.decide(known)).toEqual({ kind: "none" });
  });

  it("lists no typo-domain that is itself a known mailbox domain", () => {
    for (const typo of lists.typoDomains.keys()) expect(lists.known.has(typo)).toBe(false);
  });
});
