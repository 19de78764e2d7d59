import { describe, expect, it } from "vitest";
import { createChecker, type ReasonCode } from "../../src/index.js";
import { ADDRESS_CASES_3 } from "./addresses3.corpus.js";

// The codes that carry a classification; codes outside this set (syntax_invalid, …) are not
// compared, so a case states only what it is about.
const CLASS_CODES: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  "typo_fixed",
  "typo_suspected",
  "free_mail",
  "corporate_domain",
  "edu_domain",
  "gov_domain",
  "disposable_domain",
  "role_account",
  "normalized",
]);

describe("third address corpus (ccTLD suffixes, regional providers, disposable, tags)", () => {
  const checker = createChecker({ typos: "fix" });

  it("has at least 200 distinct cells", () => {
    expect(new Set(ADDRESS_CASES_3.map((c) => c.input)).size).toBe(ADDRESS_CASES_3.length);
    expect(ADDRESS_CASES_3.length).toBeGreaterThanOrEqual(200);
  });

  it.each(ADDRESS_CASES_3.map((c) => [c.input, c] as const))("%s", async (_input, c) => {
    const v = await checker.check(c.input);
    const got = {
      status: v.status,
      written: v.normalized,
      codes: v.codes.filter((code) => CLASS_CODES.has(code)).sort(),
      ...(c.suggestion !== undefined ? { suggestion: v.suggestion } : {}),
    };
    const want = {
      status: c.status,
      written: c.written,
      codes: [...c.codes].sort(),
      ...(c.suggestion !== undefined ? { suggestion: c.suggestion } : {}),
    };
    expect(got, c.why).toEqual(want);
  });
});
