/**
 * Runs the corpus through the real library entry (`checkAddress`, offline, `--typos fix`) and
 * lists every misjudgment. Shared by the test and by `npx tsx test/corpus/report.ts`, which prints
 * the misjudgments when the corpus grows.
 */
import { createChecker } from "../../src/check/index.js";
import { roleOf } from "../../src/address/index.js";
import { MESSY, MUST_FIX, MUST_NOT_TOUCH, NOT_ROLES, ROLES, type CellCase } from "./addresses.corpus.js";

export interface Miss {
  readonly part: "messy" | "fix" | "untouched" | "role" | "not_role";
  readonly cell: string;
  readonly problem: string;
}

const LOCALS = ["anna", "ivan.petrov", "j.smith+news", "Maria.Garcia", "wang_wei88", "o.mueller"];

/** MUST_FIX and MUST_NOT_TOUCH as cells, with varied local parts. */
export function fixCells(): CellCase[] {
  return MUST_FIX.map(([typed, intended], i) => {
    const local = LOCALS[i % LOCALS.length] ?? "anna";
    return { cell: `${local}@${typed}`, normalized: `${local}@${intended}`, status: "valid", codes: ["typo_fixed"] };
  });
}

export function untouchedCells(): CellCase[] {
  return MUST_NOT_TOUCH.map((domain, i) => {
    const local = LOCALS[i % LOCALS.length] ?? "anna";
    return {
      cell: `${local}@${domain}`,
      normalized: `${local}@${domain}`,
      status: "valid",
      codes: [],
      absent: ["typo_fixed", "typo_suspected", "syntax_invalid", "disposable_domain", "mixed_script"],
    };
  });
}

export async function evaluate(): Promise<{ total: number; misses: Miss[] }> {
  const checker = createChecker({ typos: "fix" });
  const misses: Miss[] = [];
  const parts: [Miss["part"], CellCase[]][] = [
    ["messy", [...MESSY]],
    ["fix", fixCells()],
    ["untouched", untouchedCells()],
  ];
  let total = 0;
  for (const [part, cases] of parts) {
    for (const c of cases) {
      total++;
      const v = await checker.check(c.cell);
      const problems: string[] = [];
      if (c.normalized !== null && v.normalized !== c.normalized) problems.push(`normalized ${JSON.stringify(v.normalized)} ≠ ${JSON.stringify(c.normalized)}`);
      if (v.status !== c.status) problems.push(`status ${v.status} ≠ ${c.status}`);
      for (const code of c.codes) if (!v.codes.includes(code)) problems.push(`missing ${code}`);
      for (const code of c.absent ?? []) if (v.codes.includes(code)) problems.push(`unexpected ${code}`);
      if (problems.length > 0) {
        misses.push({ part, cell: c.cell, problem: `${problems.join("; ")} [${v.codes.join(",")}${v.suggestion ? ` → ${v.suggestion}` : ""}]` });
      }
    }
  }
  for (const local of ROLES) {
    total++;
    if (roleOf(local) === null) misses.push({ part: "role", cell: local, problem: "not flagged role_account" });
  }
  for (const local of NOT_ROLES) {
    total++;
    const r = roleOf(local);
    if (r !== null) misses.push({ part: "not_role", cell: local, problem: `flagged as role ${r}` });
  }
  return { total, misses };
}
