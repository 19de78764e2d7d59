import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { CsvRecord } from "./csv-reader.js";
import type { DecodeStream } from "./decode.js";

/** What turns text into records: the CSV reader, or a line reader for plain logs. */
export interface RecordSource {
  push(text: string): CsvRecord[];
  end(): CsvRecord[];
}

/**
 * Read a CSV stream whose dialect is decided from its first text (`clean` and `bounces` both do):
 * `start(text, final)` gathers text until it can set up the reader, then returns the text to read
 * (or null to wait for more; with `final` it must decide). Records go to `feed` in input order;
 * reading waits while `feed` does (backpressure through stream/promises pipeline).
 */
export async function readCsv(
  source: Readable,
  decoder: DecodeStream,
  start: (text: string, final: boolean) => Promise<string | null>,
  reader: () => RecordSource | null,
  feed: (records: CsvRecord[]) => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<void> {
  await pipeline(
    source,
    decoder,
    async (texts: AsyncIterable<string>) => {
      for await (const text of texts) {
        const ready = reader();
        if (ready !== null) {
          await feed(ready.push(text));
          continue;
        }
        const body = await start(text, false);
        if (body !== null) await feed(reader()!.push(body));
      }
      if (reader() === null) {
        const body = await start("", true);
        if (body !== null) await feed(reader()!.push(body));
      }
      await feed(reader()!.end());
    },
    { signal: signal ?? new AbortController().signal },
  );
}
