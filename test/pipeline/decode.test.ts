import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decodedText } from "../../src/pipeline/bytes.js";
import { InputDecoder, firstInvalidUtf8, hasEscapedBytes, showEscapedBytes } from "../../src/pipeline/decode.js";
import { MailsweepError } from "../../src/errors.js";

async function decode(bytes: Buffer, opts: { encoding?: string; chunk?: number } = {}): Promise<{ text: string; stream: InputDecoder }> {
  const size = opts.chunk ?? bytes.length;
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  const stream = new InputDecoder({ encoding: opts.encoding, fileLabel: "in.csv" });
  let text = "";
  for await (const s of decodedText(Readable.from(parts), stream)) text += s;
  return { text, stream };
}

describe("InputDecoder", () => {
  const sample = "email,имя\nivan@mail.ru,Иван 😀\n";

  it.each([1, 2, 3, 5, 64])("decodes UTF-8 split into %i-byte chunks", async (chunk) => {
    const { text, stream } = await decode(Buffer.from(sample), { chunk });
    expect(text).toBe(sample);
    expect(stream.info).toMatchObject({ encoding: "utf-8", bom: false, detected: true });
  });

  it.each([
    ["utf-16le", Buffer.from(sample, "utf16le")],
    ["utf-16be", Buffer.from(sample, "utf16le").swap16()],
  ])("detects %s without a BOM from its NUL bytes (SQL Server bcp -w)", async (encoding, bytes) => {
    for (const chunk of [1, 4, 64]) {
      const { text, stream } = await decode(bytes, { chunk });
      expect(text).toBe(sample);
      expect(stream.info).toMatchObject({ encoding, bom: false, detected: true });
    }
  });

  it("keeps UTF-8 for text without NUL bytes, CJK included", async () => {
    const cjk = "メール,名前\ntaro@docomo.ne.jp,一郎\n";
    const { text, stream } = await decode(Buffer.from(cjk));
    expect(text).toBe(cjk);
    expect(stream.info.encoding).toBe("utf-8");
  });

  it("strips and reports a UTF-8 BOM", async () => {
    const { text, stream } = await decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]), { chunk: 2 });
    expect(text).toBe(sample);
    expect(stream.info.bom).toBe(true);
  });

  it.each([
    ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")])],
    ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, "utf16le").swap16()])],
  ])("detects %s from its BOM, across odd chunk splits", async (encoding, bytes) => {
    for (const chunk of [1, 3, 7]) {
      const { text, stream } = await decode(bytes, { chunk });
      expect(text).toBe(sample);
      expect(stream.info).toMatchObject({ encoding, bom: true });
    }
  });

  it("decodes windows-1251 when told to", async () => {
    const cp1251 = Buffer.from([0xc8, 0xe2, 0xe0, 0xed]); // "Иван"
    const { text } = await decode(cp1251, { encoding: "windows-1251" });
    expect(text).toBe("Иван");
  });

  it("turns an invalid byte into an escape instead of U+FFFD, and counts it", async () => {
    const bytes = Buffer.concat([Buffer.from("a,b\nbad"), Buffer.from([0xff]), Buffer.from(",x\nok,y\n")]);
    const { text, stream } = await decode(bytes, { chunk: 4 });
    expect(text).not.toContain("\ufffd");
    expect(hasEscapedBytes(text)).toBe(true);
    expect(showEscapedBytes(text)).toContain("bad\\xFF,x");
    expect(text.endsWith("ok,y\n")).toBe(true);
    expect(stream.invalidBytes).toBe(1);
    expect(stream.firstInvalidOffset).toBe(7);
    const err = stream.encodingError();
    expect(err).toBeInstanceOf(MailsweepError);
    expect(err.kind).toBe("data");
    expect(err.message).toMatch(/byte offset 7/);
    expect(err.message).toMatch(/--encoding/);
  });

  it("does not mistake a surrogate pair (emoji) for an escaped byte", () => {
    expect(hasEscapedBytes("😀")).toBe(false);
  });

  it("rejects an unknown --encoding as a usage error", () => {
    expect(() => new InputDecoder({ encoding: "no-such-thing", fileLabel: "x" })).toThrow(/Unknown encoding/);
  });
});

describe("firstInvalidUtf8", () => {
  it.each([
    ["ascii", [0x61, 0x62], -1],
    ["two-byte", [0xd0, 0x98], -1],
    ["lone continuation", [0x61, 0x80], 1],
    ["overlong 2-byte", [0xc0, 0xaf], 0],
    ["surrogate", [0xed, 0xa0, 0x80], 0],
    ["truncated at end", [0x61, 0xe2, 0x82], 1],
    ["above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["4-byte ok", [0xf0, 0x9f, 0x98, 0x80], -1],
  ])("%s", (_n, bytes, expected) => {
    expect(firstInvalidUtf8(Buffer.from(bytes))).toBe(expected);
  });
});
