import { selfAndParents } from "./tld.js";

/**
 * Academic and government domains are recognised by suffix patterns kept in
 * data/edu-suffixes.txt and data/gov-suffixes.txt. A pattern is either a public suffix
 * (`edu`, `ac.uk`, `gouv.fr`) or a registrable domain used by a whole sector (`mil.ru`,
 * `bund.de`). The comparison runs on the registrable domain and its parents, so a mail host
 * (`mail.university.edu`) counts as its organisation, while a look-alike that merely contains
 * the word (`edu.example.com`) does not.
 */
export function matchesSector(registrable: string | null, domain: string, patterns: ReadonlySet<string>): boolean {
  for (const candidate of selfAndParents(registrable ?? domain)) {
    if (patterns.has(candidate)) return true;
  }
  return false;
}
