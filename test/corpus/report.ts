// Prints the corpus misjudgments: npx tsx test/corpus/report.ts
import { evaluate } from "./evaluate.js";

const { total, misses } = await evaluate();
const by = new Map<string, number>();
for (const m of misses) {
  by.set(m.part, (by.get(m.part) ?? 0) + 1);
  console.log(`${m.part}\t${JSON.stringify(m.cell)}\t${m.problem}`);
}
console.log(`\n${total} cells, ${misses.length} misjudgments`, Object.fromEntries(by));
