import { CsvRecordReader, type CsvRecord } from "./csv-reader.js";
import { sniffDelimiter, type Sniffed } from "./detect.js";

/**
 * What turns text into records: the CSV reader, or a line reader for plain logs. The records of
 * one call are taken in full before the next call.
 */
export interface RecordSource {
  records(text: string): Iterable<CsvRecord>;
  rest(): Iterable<CsvRecord>;
}

/**
 * Read CSV text whose dialect is decided from its first text (`clean` and `bounces` both do):
 * `start(text, final)` gathers text until it can set up the reader, then returns the text to read
 * (or null to wait for more; with `final` it must decide). Records go to `feed` in input order;
 * the next text is read only after `feed` is done with the last (backpressure).
 */
export async function readCsv(
  texts: AsyncIterable<string>,
  start: (text: string, final: boolean) => Promise<string | null>,
  reader: () => RecordSource | null,
  feed: (records: Iterable<CsvRecord>) => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<void> {
  for await (const text of texts) {
    signal?.throwIfAborted();
    const ready = reader();
    if (ready !== null) {
      await feed(ready.records(text));
      continue;
    }
    const body = await start(text, false);
    if (body !== null) await feed(reader()!.records(body));
  }
  signal?.throwIfAborted();
  if (reader() === null) {
    const body = await start("", true);
    if (body !== null) await feed(reader()!.records(body));
  }
  await feed(reader()!.rest());
}

export interface Probe {
  readonly sniffed: Sniffed;
  /** The sample without Excel's `sep=` line and leading blank lines: what the reader starts on. */
  readonly body: string;
  /** The sample's readable, non-blank records (the last may be cut short unless `final`). */
  readonly records: readonly CsvRecord[];
  /** The first line terminator seen, for outputs that keep the input's. */
  readonly lineEnding: "\n" | "\r\n" | "\r" | null;
}

/** Detect the dialect of the first text of a file and read its first records for detection. */
export function probeSample(sample: string, forcedDelimiter: string | undefined, final: boolean): Probe {
  const sniffed = sniffDelimiter(sample, forcedDelimiter);
  let body = sample;
  if (sniffed.sepLine !== null) body = body.slice(sniffed.sepLine.length).replace(/^\r?\n/, "");
  // Blank lines before the first record are not data rows.
  body = body.replace(/^(?:[ \t]*(?:\r\n|\n|\r))+/, "");
  const probe = new CsvRecordReader({ delimiter: sniffed.delimiter });
  const records = [...probe.push(body), ...(final ? probe.end() : [])].filter((r) => r.problem === null && r.raw.trim() !== "");
  return { sniffed, body, records, lineEnding: probe.lineEnding };
}
