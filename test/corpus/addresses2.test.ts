import { describe, expect, it } from "vitest";
import { createChecker, type AddressVerdict } from "../../src/check/index.js";
import { buildCorpus, type Case, type Group } from "./addresses2.corpus.js";

/** What differs between a case's expectation and the verdict; empty when the case holds. */
function mismatches(c: Case, v: AddressVerdict): string[] {
  const out: string[] = [];
  if (v.status !== c.status) out.push(`status ${v.status}, expected ${c.status}`);
  if (c.normalized !== undefined && v.normalized !== c.normalized) out.push(`written ${JSON.stringify(v.normalized)}, expected ${JSON.stringify(c.normalized)}`);
  for (const code of c.has ?? []) if (!v.codes.includes(code)) out.push(`missing ${code}`);
  for (const code of c.not ?? []) if (v.codes.includes(code)) out.push(`unexpected ${code}`);
  if (c.suggestion !== undefined && v.suggestion !== c.suggestion) out.push(`suggestion ${JSON.stringify(v.suggestion)}, expected ${JSON.stringify(c.suggestion)}`);
  return out;
}

const corpus = buildCorpus();
const checker = createChecker({ typos: "fix" });

describe("second address corpus (offline, typos fix)", () => {
  it("has at least 400 cases, unique inputs, in every group", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(new Set(corpus.map((c) => c.input)).size).toBe(corpus.length);
    const groups = new Set<Group>(corpus.map((c) => c.group));
    expect([...groups].sort()).toEqual(["local", "messy", "real", "typo"]);
  });

  it.each(corpus.map((c) => [`${c.group}: ${JSON.stringify(c.input)}`, c] as const))("%s", async (_name, c) => {
    const v = await checker.check(c.input);
    expect(mismatches(c, v), `${c.why}; codes ${v.codes.join(",")}`).toEqual([]);
  });
});
