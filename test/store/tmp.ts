import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { openStore, type OpenStoreOptions, type Store } from "../../src/store/index.js";

/**
 * A fresh temp folder per test and the stores opened in it, closed and removed afterwards.
 * Real SQLite files, never mocks: the point is what SQLite does with them.
 */
export function useTempStores(): {
  dir: () => string;
  open: (name?: string, opts?: OpenStoreOptions) => Store;
} {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) {
      try {
        s.close();
      } catch {
        // A test may have left it busy or closed it itself.
      }
    }
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dir = (): string => {
    if (dirs.length === 0) dirs.push(mkdtempSync(join(tmpdir(), "mailsweep-store-")));
    return dirs[0] as string;
  };
  const open = (name = "store.sqlite", opts: OpenStoreOptions = {}): Store => {
    const s = openStore(join(dir(), name), opts);
    stores.push(s);
    return s;
  };
  return { dir, open };
}
