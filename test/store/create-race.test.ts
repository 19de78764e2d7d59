import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../../dist/store/index.js", import.meta.url));

/** Open (and so create and migrate) the store in a fresh process; resolves to its exit code and stderr. */
function openInChild(path: string): Promise<{ code: number | null; stderr: string }> {
  const script = `import(${JSON.stringify(dist)}).then(({ openStore }) => { const s = openStore(${JSON.stringify(path)}); s.sweepPrevious("x"); s.close(); })`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script]);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("several processes creating the same new store at once", () => {
  it("all open it, none takes it for another program's file", async () => {
    for (let round = 0; round < 6; round++) {
      const path = join(mkdtempSync(join(tmpdir(), "mailsweep-race-")), "store.sqlite");
      const results = await Promise.all(Array.from({ length: 6 }, () => openInChild(path)));
      for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    }
  });
});
