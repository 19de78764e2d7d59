import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FirstSeen } from "../../src/pipeline/first-seen.js";

describe("FirstSeen", () => {
  it("returns the first row of a repeated key and records new ones", () => {
    const s = new FirstSeen();
    expect(s.firstOrAdd("a@x.com", 1)).toBeUndefined();
    expect(s.firstOrAdd("b@x.com", 2)).toBeUndefined();
    expect(s.firstOrAdd("a@x.com", 3)).toBe(1);
    expect(s.firstOrAdd("пользователь@пример.рф", 4)).toBeUndefined();
    expect(s.firstOrAdd("пользователь@пример.рф", 5)).toBe(4);
    expect(s.size).toBe(3);
  });

  it("agrees with a Map through growth and rehashing", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 0, maxLength: 12 }), { maxLength: 3000 }), (keys) => {
        const s = new FirstSeen();
        const m = new Map<string, number>();
        keys.forEach((k, row) => {
          const expected = m.get(k);
          if (expected === undefined) m.set(k, row);
          expect(s.firstOrAdd(k, row)).toBe(expected);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("keeps a hundred thousand distinct keys distinct", () => {
    const s = new FirstSeen();
    for (let i = 0; i < 100_000; i++) expect(s.firstOrAdd(`user${i}@corp${i % 977}.com`, i)).toBeUndefined();
    for (let i = 0; i < 100_000; i += 997) expect(s.firstOrAdd(`user${i}@corp${i % 977}.com`, -1)).toBe(i);
  });
});

describe("LineSpool", () => {
  it("gives back every line in order, through growth, in any script", async () => {
    const { LineSpool } = await import("../../src/pipeline/line-spool.js");
    const spool = new LineSpool();
    const lines = Array.from({ length: 20_000 }, (_, i) => `user${i}@почта${i % 7}.рф\tduplicate;free_mail`);
    for (const l of lines) spool.push(l);
    expect(spool.size).toBe(lines.length);
    expect([...spool.lines()]).toEqual(lines);
  });

  it("keeps lines whole across its 1 MB blocks, and a line longer than a block", async () => {
    const { LineSpool } = await import("../../src/pipeline/line-spool.js");
    const spool = new LineSpool();
    const lines: string[] = [];
    // ~3.4 MB of lines of uneven length, so block ends fall mid-way through where a line would go.
    for (let i = 0; i < 60_000; i++) lines.push(`${"x".repeat(i % 97)}${i}@почта.рф\tduplicate`);
    lines.splice(30_000, 0, "y".repeat(1_500_000), "z".repeat(1 << 20));
    for (const l of lines) spool.push(l);
    const back = [...spool.lines()];
    expect(back.length).toBe(lines.length);
    expect(back).toEqual(lines);
  });
});
