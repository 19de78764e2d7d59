import { once } from "../once.js";
import { packageVersion, require, type DataSource } from "./data.js";

export interface DisposableData {
  /** index.json: domains that are disposable themselves (and, by ownership, their subdomains). */
  readonly exact: ReadonlySet<string>;
  /** wildcard.json: providers that hand out arbitrary subdomains (`*.33mail.com`). */
  readonly wildcard: ReadonlySet<string>;
  readonly meta: DataSource;
}

function stringArray(value: unknown, file: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
    throw new Error(`disposable-email-domains/${file} is not an array of strings`);
  }
  return value.map((v) => v.toLowerCase());
}

/** The npm list, read once per process (121k names: a Set costs a few MB and ~20 ms). */
export const disposableData = once((): DisposableData => {
  const exact = new Set(stringArray(require("disposable-email-domains/index.json"), "index.json"));
  const wildcard = new Set(stringArray(require("disposable-email-domains/wildcard.json"), "wildcard.json"));
  return {
    exact,
    wildcard,
    meta: {
      name: "disposable-email-domains",
      source: "npm package disposable-email-domains (index.json exact list + wildcard.json parents)",
      version: packageVersion("disposable-email-domains"),
      date: null,
      entries: exact.size + wildcard.size,
    },
  };
});
