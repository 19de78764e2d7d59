import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodedText, fileBytes } from "../../src/pipeline/bytes.js";
import { InputDecoder } from "../../src/pipeline/decode.js";
import { outputEncoding } from "../../src/pipeline/encode.js";

function tempFile(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "mailsweep-bytes-")), "in.csv");
  writeFileSync(path, bytes);
  return path;
}

async function readAll(path: string, chunkSize: number, encoding?: string): Promise<{ text: string; bytes: number }> {
  let bytes = 0;
  let text = "";
  const decoder = new InputDecoder({ encoding, fileLabel: path });
  for await (const t of decodedText(fileBytes(path, chunkSize), decoder, (c) => (bytes += c.length))) text += t;
  return { text, bytes };
}

describe("fileBytes + decodedText (one reused read buffer)", () => {
  const lines = Array.from({ length: 4000 }, (_, i) => `${i},Иван 😀 ${i},ivan.${i}@почта.рф,Zoë`).join("\n");

  it.each([1, 7, 1001, 4096, 64 * 1024])("gives back the exact text when chunks of %i bytes split characters", async (size) => {
    const file = Buffer.from(`\ufeff${lines}\n`, "utf8");
    const { text, bytes } = await readAll(tempFile(file), size);
    expect(bytes).toBe(file.length);
    expect(text).toBe(`${lines}\n`); // BOM stripped once, everything else as written
  });

  it("decodes a single-byte code page and UTF-16 through the same buffer", async () => {
    const cyr = "id;email\n1;ivan@mail.ru;Иван\n".repeat(500);
    const cp1251 = outputEncoding("windows-1251", false).encode(cyr);
    expect(cp1251.length).toBe(cyr.length); // one byte a character: really the code page
    expect((await readAll(tempFile(cp1251), 333, "windows-1251")).text).toBe(cyr);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, "utf16le")]);
    expect((await readAll(tempFile(utf16), 1001)).text).toBe(lines);
  });

  it("stops at once when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const chunks = fileBytes(tempFile(Buffer.from(lines)), 1024, controller.signal);
    await expect(chunks.next()).rejects.toMatchObject({ name: "AbortError" });
  });
});
