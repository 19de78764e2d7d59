import { describe, expect, it } from "vitest";
import { ALL_CODES, FLAG_CODES, REJECT_CODES, type Reason } from "../src/reasons.js";
import { verdict } from "../src/verdict.js";

const r = (code: string) => ({ code }) as unknown as Reason;

describe("verdict", () => {
  it.each([
    [[], "valid", false],
    [["free_mail", "normalized"], "valid", false],
    [["role_account"], "risky", false],
    [["typo_suspected"], "risky", false],
    [["dns_unknown"], "unknown", false],
    [["dns_unknown", "role_account"], "unknown", false],
    [["duplicate"], "invalid", true],
    [["disposable_domain", "dns_unknown"], "invalid", true],
  ])("%j → %s", (codes, status, rejected) => {
    expect(verdict(codes.map(r))).toEqual({ status, rejected });
  });

  it("--keep turns a reject code into a risky row that stays", () => {
    expect(verdict([r("disposable_domain")], { keep: new Set(["disposable_domain"]), reject: new Set() })).toEqual({ status: "risky", rejected: false });
  });

  it("--reject moves a flagged row to the rejected list without changing its status", () => {
    expect(verdict([r("role_account")], { keep: new Set(), reject: new Set(["role_account"]) })).toEqual({ status: "risky", rejected: true });
    expect(verdict([r("free_mail")], { keep: new Set(), reject: new Set(["free_mail"]) })).toEqual({ status: "valid", rejected: true });
  });

  it("every reject code rejects and no flag does", () => {
    for (const code of REJECT_CODES) expect(verdict([r(code)]).rejected).toBe(true);
    for (const code of FLAG_CODES) expect(verdict([r(code)]).rejected).toBe(false);
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
  });
});
