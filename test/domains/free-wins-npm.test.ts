import { describe, expect, it, vi } from "vitest";
import type { DisposableData } from "../../src/domains/disposable.js";
import { createDomainIntel } from "../../src/domains/index.js";

/**
 * Free wins over the npm disposable list under a free-subdomain provider too. The pinned package
 * names no subdomain of our providers today (npm run data:check would ask for a review if a new
 * version did), so this file adds two such entries to the package data it sees: one exact name
 * and one wildcard parent, each below `*.rr.com`, plus a control outside any provider.
 */
vi.mock("../../src/domains/disposable.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/domains/disposable.js")>();
  const data = real.disposableData();
  const patched: DisposableData = {
    ...data,
    exact: new Set([...data.exact, "nc.rr.com", "spam.example-isp.test"]),
    wildcard: new Set([...data.wildcard, "throwaway.socal.rr.com"]),
  };
  return { ...real, disposableData: () => patched };
});

describe("free wins over the npm list below a provider", () => {
  const intel = createDomainIntel();

  it.each([["nc.rr.com"], ["a.nc.rr.com"], ["throwaway.socal.rr.com"], ["x.throwaway.socal.rr.com"]])("%s stays free", (domain) => {
    const info = intel.info(domain);
    expect(info.disposable).toBeNull();
    expect(info.free).toBe(true);
    expect(intel.reasons(info).map((r) => r.code)).toEqual(["free_mail"]);
  });

  it("the patched entries do apply outside a provider (the mock is live)", () => {
    expect(intel.info("spam.example-isp.test").disposable).toBe("spam.example-isp.test");
  });

  it("a user's deny still beats the provider", () => {
    const i = createDomainIntel({ deny: ["rr.com"] });
    expect(i.info("nc.rr.com").disposable).toBe("rr.com");
  });
});
