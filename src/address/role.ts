import { readFileSync } from "node:fs";

/**
 * Role accounts: mailboxes read by a function or a team (RFC 2142 names like `postmaster`,
 * `abuse`, plus the common business ones), not by the person who subscribed. Mail to them draws
 * more complaints and rarely converts, so the pipeline flags them `role_account` (risky).
 *
 * Only a whole local part matches: `info@` is a role, `infoservices@`, `info2024@` and
 * `salesforce@` are not, because a prefix rule flags too many personal addresses.
 */

/** data/ sits beside both src/ (tests, tsx) and dist/ (built package). */
const ROLE_LIST_URL = new URL("../../data/role-local-parts.txt", import.meta.url);

/** `no-reply`, `no_reply`, `no.reply` and `noreply` are one role. */
const SEPARATORS = /[-_.]/g;

export function roleKey(local: string): string {
  return local.toLowerCase().replace(SEPARATORS, "");
}

/** Entries of a data list file: `#` comment lines and blank lines skipped. */
export function parseListFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

export interface RoleMatcher {
  /** The role name for a local part, or null. */
  roleOf(local: string): string | null;
  /** How many entries the list has (for the report's data-list versions). */
  readonly size: number;
}

/**
 * A matcher over the given role names. Variants that differ only in separators map to one role
 * name: the separator-less entry when the list has one (`noreply`), else the first listed
 * (`mailer-daemon`), so counts per role do not split by spelling.
 */
export function createRoleMatcher(entries: readonly string[]): RoleMatcher {
  const byKey = new Map<string, string>();
  for (const e of entries) {
    const key = roleKey(e);
    const current = byKey.get(key);
    if (current === undefined || e === key) byKey.set(key, e);
  }
  return {
    size: entries.length,
    roleOf(local: string): string | null {
      const plus = local.indexOf("+");
      const base = plus >= 0 ? local.slice(0, plus) : local;
      if (base === "") return null;
      return byKey.get(roleKey(base)) ?? null;
    },
  };
}

/** Read once per process on first use; the matcher is immutable afterwards. */
function lazy<T>(make: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

export const defaultRoleMatcher: () => RoleMatcher = lazy(() =>
  createRoleMatcher(parseListFile(readFileSync(ROLE_LIST_URL, "utf8"))),
);

/**
 * The role this local part denotes ("info", "noreply", ...) or null. Ignores case, a `+tag`
 * (RFC 5233 subaddress), and `-`/`_`/`.` spelling variants of multi-word roles.
 */
export function roleOf(local: string): string | null {
  return defaultRoleMatcher().roleOf(local);
}
