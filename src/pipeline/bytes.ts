import { open } from "node:fs/promises";
import type { InputDecoder } from "./decode.js";

/**
 * A file's bytes in chunks read into ONE reused buffer: each chunk is valid until the next one is
 * asked for. `fs.createReadStream` allocates a fresh buffer per read; over a 90 MB list read twice
 * (the main pass and the DNS look-ahead) that is ~180 MB of buffers that V8 frees only after
 * external memory has grown by tens of MB, most of the run-to-run spread in peak RSS.
 */
export async function* fileBytes(path: string, chunkSize: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafeSlow(chunkSize);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await file.read(buffer, 0, chunkSize, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/**
 * Text from bytes, decoded as each chunk arrives (InputDecoder.decodeBytes keeps nothing of a
 * chunk, so a reused buffer is safe). `onBytes` sees every chunk first (hashing, progress).
 */
export async function* decodedText(
  chunks: AsyncIterable<Buffer>,
  decoder: InputDecoder,
  onBytes?: (chunk: Buffer) => void,
): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    onBytes?.(chunk);
    const text = decoder.decodeBytes(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decoder.decodeRest();
  if (rest.length > 0) yield rest;
}
