import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** Where a list came from, for the report's provenance section. */
export interface DataSource {
  readonly name: string;
  readonly source: string;
  readonly version: string | null;
  readonly date: string | null;
  readonly entries: number;
}

/** A parsed `data/*.txt` list: its provenance header and its entry lines. */
export interface DataList {
  readonly meta: DataSource;
  /** Entry lines in file order (sorted, lower-case, unique: scripts/data-check.mjs enforces it). */
  readonly lines: readonly string[];
}

/** The package root: `data/` sits beside both `src/` (tsx, vitest) and `dist/` (built). */
function dataUrl(file: string): URL {
  return new URL(`../../data/${file}`, import.meta.url);
}

/**
 * Parse a data list: leading `# key: value` header lines, then one entry per line.
 * Blank lines and further `#` lines are ignored.
 */
export function parseDataList(name: string, text: string): DataList {
  const header = new Map<string, string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      const m = /^#\s*([a-z]+)\s*:\s*(.*)$/i.exec(line);
      if (m && m[1] !== undefined && m[2] !== undefined && !header.has(m[1].toLowerCase())) {
        header.set(m[1].toLowerCase(), m[2].trim());
      }
      continue;
    }
    lines.push(line);
  }
  return {
    meta: {
      name,
      source: header.get("source") ?? "unknown",
      version: header.get("version") ?? null,
      date: header.get("updated") ?? null,
      entries: lines.length,
    },
    lines,
  };
}

/** Read `data/<name>.txt` from the package. */
export function loadDataList(name: string): DataList {
  const url = dataUrl(`${name}.txt`);
  return parseDataList(name, readFileSync(fileURLToPath(url), "utf8"));
}

/** Lines of the form `key value` as a map (typo-domains, tld-typos). */
export function pairs(list: DataList): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const line of list.lines) {
    const [key, value, ...rest] = line.split(/\s+/);
    if (key === undefined || value === undefined || rest.length > 0) {
      throw new Error(`data/${list.meta.name}.txt: expected "key value" but found "${line}"`);
    }
    out.set(key, value);
  }
  return out;
}

export const require = createRequire(import.meta.url);

/** The version field of an installed package, or null when it cannot be read. */
export function packageVersion(pkg: string): string | null {
  try {
    const json: unknown = require(`${pkg}/package.json`);
    if (typeof json === "object" && json !== null && "version" in json && typeof json.version === "string") {
      return json.version;
    }
  } catch {
    // The package hides package.json behind an exports map: provenance then says "unknown".
  }
  return null;
}
