import { describe, expect, it } from "vitest";
import { createTypoCorrector } from "../../src/typos/index.js";
import { typoLists } from "../../src/typos/lists.js";

/**
 * data/free-mail-subdomains.txt (`*.rr.com`) must not leak into the corrector as a literal domain:
 * `*.rr.com` is no correction target, while the provider itself (`rr.com`) stays a known domain
 * that is never "corrected", and neither is any subdomain of it.
 */

const typos = createTypoCorrector();
const lists = typoLists();

describe("free-subdomain providers and the typo corrector", () => {
  it("no known domain, dot-less key or bare name holds a wildcard", () => {
    for (const d of lists.known) expect(d, d).not.toContain("*");
    for (const [k, v] of lists.dotless) expect(`${k} ${v}`).not.toContain("*");
    for (const [k, v] of lists.bare) expect(`${k} ${v}`).not.toContain("*");
    for (const t of lists.targets) expect(t.domain).not.toContain("*");
  });

  it.each(["rr.com", "ocn.ne.jp", "biglobe.ne.jp", "so-net.ne.jp", "plala.or.jp", "odn.ne.jp", "dion.ne.jp", "vodafone.ne.jp"])(
    "%s stays a known domain",
    (d) => {
      expect(lists.known.has(d)).toBe(true);
      expect(typos.decide(d)).toEqual({ kind: "none" });
    },
  );

  it.each(["nc.rr.com", "tampabay.rr.com", "twcny.rr.com", "socal.rr.com", "mba.ocn.ne.jp", "aa2.so-net.ne.jp", "t.vodafone.ne.jp"])(
    "%s is never corrected",
    (d) => {
      expect(typos.decide(d)).toEqual({ kind: "none" });
    },
  );
});
