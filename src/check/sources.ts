import { loadDataList, type DataSource } from "../domains/data.js";
import type { DomainIntel } from "../domains/index.js";
import type { TypoCorrector } from "../typos/index.js";

/**
 * Every list that can decide a verdict, once each: the domain lists, the typo lists (which share
 * some with the domain module) and the role local parts. report.json and `mailsweep data` print it.
 */
export function dataSources(intel: DomainIntel, typos: TypoCorrector): DataSource[] {
  const seen = new Set<string>();
  const all = [...intel.sources(), ...typos.sources(), loadDataList("role-local-parts").meta];
  return all.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)));
}
