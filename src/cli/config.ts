import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { Command, Option } from "commander";
import { MailsweepError } from "../errors.js";

/**
 * `mailsweep.config.json` (or `--config FILE`): any `clean` option, by its long flag name without
 * the dashes (`"dns-server"`, `"typos"`, `"report-html"`). Values sit *under* the command line: a
 * flag given on the command line always wins. Every value goes through the same parser as the
 * flag, so a config file can never hold something the command line would refuse.
 */

export const CONFIG_FILE = "mailsweep.config.json";

/** Options whose value is a path: relative paths are taken from the config file's folder. */
const PATH_KEYS: ReadonlySet<string> = new Set(["out-dir", "store", "report-html", "allow-domains", "deny-domains"]);

/** Keys the config file may not hold (a config cannot name another config). */
const REFUSED_KEYS: ReadonlySet<string> = new Set(["config", "help", "version"]);

export type ConfigValue = string | number | boolean | readonly (string | number)[];

export interface LoadedConfig {
  /** Absolute path of the file read. */
  readonly path: string;
  readonly values: Readonly<Record<string, unknown>>;
}

function usage(file: string, message: string): MailsweepError {
  return new MailsweepError("usage", `${file}: ${message}`);
}

/**
 * Read the config: `explicit` if given (missing → exit 66), else `mailsweep.config.json` in `cwd`
 * if it exists, else null. `explicit === false` (`--no-config`) reads nothing.
 */
export async function loadConfig(explicit: string | false | undefined, cwd: string): Promise<LoadedConfig | null> {
  if (explicit === false) return null;
  const path = explicit === undefined ? join(cwd, CONFIG_FILE) : resolve(cwd, explicit);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === "ENOENT") return null;
    throw new MailsweepError("no_input", `Cannot read config file ${path}: ${code === "ENOENT" ? "no such file" : (err as Error).message}.`, { cause: err });
  }
  return parseConfig(text.replace(/^\ufeff/, ""), path);
}

/** Parse and shape-check the file's text (keys are checked against a command by applyConfig). */
export function parseConfig(text: string, path: string): LoadedConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw usage(path, `not valid JSON (${(err as Error).message}).`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw usage(path, 'expected a JSON object of options, e.g. {"typos": "suggest", "dns-server": ["9.9.9.9"]}.');
  }
  return { path, values: value as Record<string, unknown> };
}

function kebab(attr: string): string {
  return attr.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The config key an option answers to: its long flag without dashes and without `no-`. */
function keyOf(o: Option): string {
  return kebab(o.attributeName());
}

function distance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

function suggest(key: string, known: readonly string[]): string {
  const close = known.filter((k) => distance(key, k) <= 2 || (key.length > 3 && k.startsWith(key)));
  return close.length > 0 ? ` Did you mean "${close[0]}"?` : ` Known options: ${known.join(", ")}.`;
}

function scalar(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Merge the config under the flags of `cmd`: each key must name one of the command's options
 * (else exit 64, naming the key and the file); keys also given on the command line are skipped.
 * Returns the keys applied.
 */
export function applyConfig(cmd: Command, config: LoadedConfig): string[] {
  const byKey = new Map<string, Option[]>();
  for (const o of cmd.options) {
    const k = keyOf(o);
    if (REFUSED_KEYS.has(k)) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), o]);
  }
  const known = [...byKey.keys()].sort();
  const applied: string[] = [];
  for (const [key, raw] of Object.entries(config.values)) {
    if (key === "$schema" || key.startsWith("//")) continue; // room for a schema link and comments
    if (REFUSED_KEYS.has(key)) throw usage(config.path, `"${key}" cannot be set in a config file.`);
    const options = byKey.get(key);
    if (options === undefined) {
      const hint = key.startsWith("no-") && byKey.has(key.slice(3)) ? ` Write "${key.slice(3)}": false instead.` : suggest(key, known);
      throw usage(config.path, `unknown option "${key}".${hint}`);
    }
    const attr = options[0]!.attributeName();
    if (cmd.getOptionValueSource(attr) === "cli") continue; // the command line wins
    const value = convert(key, raw, options, config.path);
    cmd.setOptionValueWithSource(attr, value, "config");
    applied.push(key);
  }
  return applied;
}

function convert(key: string, raw: unknown, options: readonly Option[], file: string): unknown {
  const withArg = options.find((o) => o.required || o.optional);
  const flag = options.find((o) => o.isBoolean() && !o.negate);
  const negated = options.find((o) => o.negate);
  const bad = (what: string): MailsweepError => usage(file, `"${key}": ${what}`);

  if (typeof raw === "boolean") {
    if (raw === false && negated !== undefined) return false;
    if (flag !== undefined) return raw;
    if (raw === true && negated !== undefined && withArg === undefined) return true; // "header": true
    // on/off options (--formula-guard) read naturally as booleans too.
    if (withArg?.parseArg !== undefined) return parse(withArg, raw ? "on" : "off", undefined, bad);
    throw bad(withArg !== undefined ? `expected a value${negated ? " or false" : ""}, got ${raw}.` : "expected true or false.");
  }
  if (withArg === undefined) throw bad(`expected true or false, got ${JSON.stringify(raw)}.`);
  if (Array.isArray(raw)) {
    let acc: unknown = undefined;
    for (const item of raw as unknown[]) {
      const s = scalar(item);
      if (s === null) throw bad(`list items must be strings or numbers, got ${JSON.stringify(item)}.`);
      acc = parse(withArg, s, acc, bad);
      // Only repeatable options (their parser collects into an array) take a list.
      if (!Array.isArray(acc) && (raw as unknown[]).length > 1) throw bad("expected a single value, not a list.");
    }
    return acc;
  }
  const s = scalar(raw);
  if (s === null) throw bad(`expected a string or number, got ${JSON.stringify(raw)}.`);
  const resolved = PATH_KEYS.has(key) && !isAbsolute(s) ? resolve(dirname(file), s) : s;
  return parse(withArg, resolved, undefined, bad);
}

function parse(o: Option, value: string, previous: unknown, bad: (what: string) => MailsweepError): unknown {
  if (o.parseArg === undefined) return value;
  try {
    return o.parseArg(value, previous);
  } catch (err) {
    throw bad((err as Error).message);
  }
}
