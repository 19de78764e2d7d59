import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAddress } from "../../src/check/index.js";
import { createDomainIntel } from "../../src/domains/index.js";
import type { ReasonCode } from "../../src/reasons.js";
import { runCli, type CliResult } from "../support/cli.js";
import { removeTempDirs } from "../support/fixtures.js";

afterAll(removeTempDirs);

/**
 * data/free-mail-subdomains.txt: consumer ISPs that hand out mailboxes on regional or per-server
 * subdomains (Road Runner's nc.rr.com, OCN's xx.ocn.ne.jp). Each must read as free mail, and
 * nothing that merely resembles such a provider may.
 */

const intel = createDomainIntel();
const codes = (domain: string, i = intel): ReasonCode[] => i.reasons(i.info(domain)).map((r) => r.code);

/** Entries of the shipped list, so a case can fail if the list loses its entry. */
const shipped = readFileSync(new URL("../../data/free-mail-subdomains.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.startsWith("*."));

describe("free on a provider's subdomains", () => {
  it.each([
    ["nc.rr.com"],
    ["tampabay.rr.com"],
    ["twcny.rr.com"],
    ["socal.rr.com"],
    ["austin.rr.com"],
    ["deep.region.rr.com"], // any depth below the provider
    ["NC.RR.COM."], // case and the root dot, as the exact match takes them
    ["rr.com"], // the provider itself stays free
    ["mba.ocn.ne.jp"],
    ["m12.biglobe.ne.jp"],
    ["ebony.plala.or.jp"],
    ["aa2.so-net.ne.jp"],
    ["par.odn.ne.jp"],
    ["d1.dion.ne.jp"],
    ["ab.auone-net.jp"],
    ["hera.eonet.ne.jp"],
    ["t.vodafone.ne.jp"],
    ["bücher.rr.com"], // a Unicode label under an ASCII provider
    ["xn--bcher-kva.rr.com"], // and its punycode spelling
  ])("%s → free_mail", (domain) => {
    const info = intel.info(domain);
    expect(info.free).toBe(true);
    expect(info.disposable).toBeNull();
    expect(codes(domain)).toEqual(["free_mail"]);
  });

  it.each([
    ["evilrr.com", ["corporate_domain"]], // not on a label boundary
    ["rr.com.evil.net", ["corporate_domain"]], // contains the provider, belongs to evil.net
    ["nc.rr.com.evil.net", ["corporate_domain"]],
    ["rr.co", ["corporate_domain"]],
    ["xocn.ne.jp", ["corporate_domain"]],
    ["ocn.ne.jp.example.com", ["corporate_domain"]],
    ["corp.mail.ru", ["corporate_domain"]], // VK staff mail: mail.ru is free only as itself
    ["x.gmail.com", ["corporate_domain"]], // a plain free-mail entry does not reach its subdomains
    ["mail.protection.outlook.com", ["corporate_domain"]],
    ["nc.rr.con", []], // no such TLD: nobody's domain (the pipeline reports tld_invalid)
  ] as const)("%s → %j", (domain, expected) => {
    expect(intel.info(domain).free).toBe(false);
    expect(codes(domain)).toEqual(expected);
  });

  it("a public suffix above a provider is never free (ne.jp, or.jp)", () => {
    for (const d of ["ne.jp", "or.jp", "x.ne.jp"]) expect(codes(d), d).not.toContain("free_mail");
  });

  it("names the address's own domain in the reason", () => {
    expect(intel.reasons(intel.info("tampabay.rr.com"))).toEqual([{ code: "free_mail", domain: "tampabay.rr.com" }]);
  });

  it("every shipped entry makes a made-up subdomain free and its look-alike corporate", () => {
    expect(shipped.length).toBeGreaterThan(5);
    for (const line of shipped) {
      const provider = line.slice(2);
      expect(codes(`zz9.${provider}`), provider).toEqual(["free_mail"]);
      expect(codes(`zz9${provider}`), provider).not.toContain("free_mail");
    }
  });
});

describe("--allow-domains / --deny-domains keep their meaning", () => {
  it.each([
    // deny on the provider covers its subdomains: the user's choice beats our list, as for mail.ru
    [{ deny: ["rr.com"] }, "nc.rr.com", "rr.com"],
    [{ deny: ["rr.com"] }, "rr.com", "rr.com"],
    // deny on one subdomain only
    [{ deny: ["nc.rr.com"] }, "nc.rr.com", "nc.rr.com"],
    [{ deny: ["nc.rr.com"] }, "socal.rr.com", null],
    // the most specific user entry wins
    [{ deny: ["rr.com"], allow: ["nc.rr.com"] }, "nc.rr.com", null],
    [{ deny: ["rr.com"], allow: ["nc.rr.com"] }, "socal.rr.com", "rr.com"],
  ] as const)("%j: %s disposable via %s", (opts, domain, matched) => {
    const i = createDomainIntel({ allow: [...("allow" in opts ? opts.allow : [])], deny: [...opts.deny] });
    const info = i.info(domain);
    expect(info.disposable).toBe(matched);
    // free and disposable never both: a denied provider is no longer reported as free mail
    expect(info.free).toBe(matched === null);
    expect(codes(domain, i)).toEqual(matched === null ? ["free_mail"] : ["disposable_domain"]);
  });

  it("allow on the provider keeps it free", () => {
    const i = createDomainIntel({ allow: ["rr.com"] });
    expect(codes("nc.rr.com", i)).toEqual(["free_mail"]);
  });
});

describe("checkAddress offline", () => {
  it.each([
    ["a@nc.rr.com", "valid", ["free_mail"]],
    ["Kenji@Mba.OCN.ne.jp", "valid", ["free_mail", "normalized"]],
    ["info@tampabay.rr.com", "risky", ["role_account", "free_mail"]],
    ["b@evilrr.com", "valid", ["corporate_domain"]],
    ["c@corp.mail.ru", "valid", ["corporate_domain"]],
    ["d@rr.com.evil.net", "valid", ["corporate_domain"]],
  ] as const)("%s → %s %j", async (address, status, expected) => {
    const v = await checkAddress(address, { dns: null });
    expect(v.status).toBe(status);
    expect([...v.codes].sort()).toEqual([...expected].sort());
    expect(v.suggestion).toBeNull(); // a provider's subdomain is never "corrected"
  });
});

describe("mailsweep check --offline --json", () => {
  let run: CliResult;
  const addresses = ["a@nc.rr.com", "b@x.ocn.ne.jp", "c@evilrr.com", "d@corp.mail.ru"];
  beforeAll(async () => {
    run = await runCli(["check", "--offline", "--json", ...addresses]);
  });

  it.each([
    [0, ["free_mail"]],
    [1, ["free_mail"]],
    [2, ["corporate_domain"]],
    [3, ["corporate_domain"]],
  ])("line %i → %j", (i, expected) => {
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as { input: string; status: string; codes: string[] });
    expect(lines.map((l) => l.input)).toEqual(addresses);
    expect(lines[i]!.codes).toEqual(expected);
    expect(lines[i]!.status).toBe("valid");
  });
});
