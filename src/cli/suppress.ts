import { InvalidArgumentError, type Command } from "commander";
import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { normalizeAndValidate } from "../address/normalize.js";
import { MailsweepError } from "../errors.js";
import { CsvRecordReader } from "../pipeline/csv-reader.js";
import { decodedText, fileBytes } from "../pipeline/bytes.js";
import { InputDecoder, hasEscapedBytes } from "../pipeline/decode.js";
import { chooseEmailColumn, looksLikeAddress, sniffDelimiter } from "../pipeline/detect.js";
import { guardCell, unguardCell } from "../formula.js";
import { AtomicCsvWriter, syncDir } from "../pipeline/output.js";
import { defaultStorePath, type Store, type Suppression, type SuppressionEntry, type SuppressionReason } from "../store/index.js";
import { print, type Io } from "./io.js";
import { parseOnOff } from "./options.js";
import { openStoreOption } from "./store.js";

/** `suppress export` columns (contract of the issue), also recognised by `suppress add --file`. */
export const EXPORT_COLUMNS = ["address", "reason", "category", "source", "first_seen", "last_seen", "note"] as const;

const REASONS: readonly SuppressionReason[] = ["hard_bounce", "soft_bounce_threshold", "manual", "complaint", "unsubscribed"];

function isReason(value: string): value is SuppressionReason {
  return (REASONS as readonly string[]).includes(value);
}

function parseReason(value: string): SuppressionReason {
  if (isReason(value)) return value;
  throw new InvalidArgumentError(`expected one of ${REASONS.join(", ")}.`);
}

interface StoreFlags {
  store?: string | false;
}

function storeFlags(cmd: Command): Command {
  return cmd.option("--store <path>", "the SQLite store (default under the user's data folder)").option("--no-store", "(not allowed: the list lives in the store)");
}

function noStore(flags: StoreFlags): void {
  if (flags.store === false) throw new MailsweepError("usage", "suppress manages the suppression list in the store; --no-store leaves nothing to manage.");
}

/** Opens the store read-only for reading; null when it does not exist yet (an empty list). */
function openForReading(flags: StoreFlags, io: Io): Store | null {
  noStore(flags);
  const path = typeof flags.store === "string" ? flags.store : defaultStorePath(io.env);
  if (!existsSync(path)) return null;
  return openStoreOption(flags.store, io, { readonly: true });
}

function openForWriting(flags: StoreFlags, io: Io): Store {
  noStore(flags);
  const store = openStoreOption(flags.store, io);
  if (store === null) throw new MailsweepError("usage", "no store");
  return store;
}

/** An address from the command line or a file cell: normalised, or null when it is not one. */
function addressOf(cell: string): string | null {
  const v = normalizeAndValidate(cell).validation;
  return v?.address?.normalized ?? null;
}

function row(s: Suppression): string[] {
  return [s.address, s.reason, s.category ?? "", s.source, s.firstSeen, s.lastSeen, s.note ?? ""];
}

function table(rows: readonly string[][], header: readonly string[]): string {
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const fmt = (r: readonly string[]): string =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => "-".repeat(w))), ...rows.map(fmt)].join("\n");
}

/** One line per cell: control characters shown, not obeyed, when printing to a terminal. */
function printable(cell: string): string {
  return cell.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

interface FileEntry {
  readonly line: number;
  readonly entry: SuppressionEntry | null;
  readonly raw: string;
}

/** Reads `add --file`: a CSV (address column detected; our own export keeps its reasons) or one address a line. */
async function readAddressFile(path: string, reason: SuppressionReason, note: string | undefined): Promise<FileEntry[]> {
  if (!existsSync(path)) throw new MailsweepError("no_input", `Cannot read ${path}: no such file.`);
  let text = "";
  const decoder = new InputDecoder({ fileLabel: path });
  try {
    for await (const chunk of decodedText(fileBytes(path, 64 * 1024), decoder)) text += chunk;
  } catch (err) {
    if (err instanceof MailsweepError) throw err;
    throw new MailsweepError("no_input", `Cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  const sniffed = sniffDelimiter(text.slice(0, 64 * 1024));
  if (sniffed.sepLine !== null) text = text.slice(sniffed.sepLine.length).replace(/^\r?\n/, "");
  const reader = new CsvRecordReader({ delimiter: sniffed.delimiter });
  const records = [...reader.push(text), ...reader.end()].filter((r) => r.raw.trim() !== "");
  if (records.length === 0) return [];
  const first = records[0]!;
  const hasHeader = first.problem === null && !first.fields.some((f) => looksLikeAddress(unguardCell(f)));
  const header = hasHeader ? first.fields.map((h, i) => unguardCell(i === 0 ? h.replace(/^\ufeff/, "") : h).trim()) : null;
  const data = records.slice(hasHeader ? 1 : 0);
  const own = header !== null && EXPORT_COLUMNS.every((c, i) => header[i]?.toLowerCase() === c);
  let index = 0;
  if (own) index = 0;
  else if (header !== null && header.some((h) => h.toLowerCase() === "address")) index = header.findIndex((h) => h.toLowerCase() === "address");
  else index = chooseEmailColumn(header, data.slice(0, 50).map((r) => r.fields.map(unguardCell)), undefined, path).index;
  const source = basename(path);
  return data.map((r) => {
    if (r.problem !== null || hasEscapedBytes(r.raw)) return { line: r.line, entry: null, raw: r.raw };
    const cells = r.fields.map(unguardCell);
    const address = addressOf(cells[index] ?? "");
    if (address === null) return { line: r.line, entry: null, raw: r.raw };
    if (own) {
      const [, rsn = "", category = "", src = "", , last = "", n = ""] = cells;
      return {
        line: r.line,
        raw: r.raw,
        entry: {
          address,
          reason: isReason(rsn) ? rsn : reason,
          category: category === "" ? null : category,
          source: src === "" ? source : src,
          at: Number.isFinite(Date.parse(last)) ? last : undefined,
          note: n === "" ? (note ?? null) : n,
        },
      };
    }
    return { line: r.line, raw: r.raw, entry: { address, reason, source, note: note ?? null } };
  });
}

export function registerSuppress(program: Command, io: Io): void {
  const suppress = program
    .command("suppress")
    .description("list / add / remove / export suppressed addresses (the list `clean` rejects as suppressed)");

  storeFlags(suppress.command("list").description("print the suppression list as a table (or --json: one object per line)"))
    .option("--json", "one JSON object per address, one per line")
    .action((flags: StoreFlags & { json?: boolean }) => {
      const store = openForReading(flags, io);
      try {
        const entries = store === null ? [] : [...store.suppressionList()];
        if (flags.json) {
          for (const s of entries) {
            print(io.stdout, JSON.stringify({ address: s.address, reason: s.reason, category: s.category, source: s.source, first_seen: s.firstSeen, last_seen: s.lastSeen, note: s.note }));
          }
          return;
        }
        if (entries.length === 0) {
          print(io.stdout, "The suppression list is empty.");
          return;
        }
        const rows = entries.map((s) => {
          const r = row(s).map(printable);
          r[4] = r[4]!.slice(0, 10);
          r[5] = r[5]!.slice(0, 10);
          return r;
        });
        print(io.stdout, table(rows, EXPORT_COLUMNS));
        print(io.stdout, `${entries.length} suppressed address${entries.length === 1 ? "" : "es"}.`);
      } finally {
        store?.close();
      }
    });

  storeFlags(suppress.command("add").description("suppress addresses by hand (or --file F: a CSV or one address a line)"))
    .argument("[address...]", "addresses to suppress")
    .option("--file <path>", "read addresses from a file (CSV with a detected address column, or one per line)")
    .option("--reason <reason>", `why: ${REASONS.join(", ")}`, parseReason, "manual")
    .option("--note <text>", "a note kept with each address")
    .action(async (addresses: string[], flags: StoreFlags & { file?: string; reason: SuppressionReason; note?: string }) => {
      noStore(flags);
      if (addresses.length === 0 && flags.file === undefined) throw new MailsweepError("usage", "suppress add: give addresses, or --file F.");
      const entries: SuppressionEntry[] = [];
      const bad = addresses.filter((a) => addressOf(a) === null);
      if (bad.length > 0) throw new MailsweepError("usage", `Not an address: ${bad.map((b) => JSON.stringify(b)).join(", ")}. Nothing was added.`);
      for (const a of addresses) entries.push({ address: addressOf(a)!, reason: flags.reason, source: "manual", note: flags.note ?? null });
      let skipped: FileEntry[] = [];
      if (flags.file !== undefined) {
        const read = await readAddressFile(flags.file, flags.reason, flags.note);
        skipped = read.filter((r) => r.entry === null);
        for (const r of read) if (r.entry !== null) entries.push(r.entry);
      }
      const store = openForWriting(flags, io);
      let added = 0;
      let updated = 0;
      try {
        store.batch(() => {
          for (const e of entries) {
            if (store.suppressionGet(e.address) === undefined) added++;
            else updated++;
            store.suppressionAdd(e);
          }
        });
      } finally {
        store.close();
      }
      for (const s of skipped.slice(0, 20)) print(io.stderr, `mailsweep: ${flags.file}: line ${s.line}: no address, skipped: ${printable(s.raw.slice(0, 200))}`);
      if (skipped.length > 20) print(io.stderr, `mailsweep: ${flags.file}: ${skipped.length - 20} more line(s) skipped.`);
      print(io.stdout, `suppressed: ${added} added, ${updated} already on the list (updated)${skipped.length > 0 ? `, ${skipped.length} line(s) without an address skipped` : ""}.`);
      if (entries.length === 0 && skipped.length > 0) throw new MailsweepError("data", `${flags.file}: no line holds an address.`);
    });

  storeFlags(suppress.command("remove").description("take addresses off the suppression list (their earlier soft bounces stop counting)"))
    .argument("<address...>", "addresses to remove")
    .action((addresses: string[], flags: StoreFlags) => {
      const store = openForWriting(flags, io);
      try {
        for (const a of addresses) {
          const address = addressOf(a) ?? a.trim();
          const removed = store.suppressionRemove(address);
          print(io.stdout, removed ? `removed: ${address}` : `not on the list: ${address}`);
        }
      } finally {
        store.close();
      }
    });

  storeFlags(suppress.command("export").description(`write the list as CSV (${EXPORT_COLUMNS.join(",")}) to stdout or --out FILE (atomic)`))
    .option("--out <file>", "write to this file (atomically) instead of stdout")
    .option("--formula-guard <on|off>", "neutralise spreadsheet formula triggers in cells", parseOnOff, true)
    .action(async (flags: StoreFlags & { out?: string; formulaGuard: boolean }) => {
      const store = openForReading(flags, io);
      const cells = (r: readonly string[]): string[] => (flags.formulaGuard ? r.map(guardCell) : [...r]);
      try {
        if (flags.out === undefined) {
          const quote = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
          io.stdout.write(`${EXPORT_COLUMNS.join(",")}\n`);
          if (store !== null) for (const s of store.suppressionList()) io.stdout.write(`${cells(row(s)).map(quote).join(",")}\n`);
          return;
        }
        const out = resolve(flags.out);
        const writer = await AtomicCsvWriter.open(out, { delimiter: ",", rowDelimiter: "\n", bom: false });
        try {
          await writer.write([...EXPORT_COLUMNS]);
          let n = 0;
          if (store !== null) {
            for (const s of store.suppressionList()) {
              await writer.write(cells(row(s)));
              n++;
            }
          }
          await writer.finish();
          await writer.commit();
          await syncDir(dirname(out));
          print(io.stderr, `mailsweep: exported ${n} address${n === 1 ? "" : "es"} to ${flags.out}`);
        } catch (err) {
          await writer.abort();
          throw err;
        }
      } finally {
        store?.close();
      }
    });
}
