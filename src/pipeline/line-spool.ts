import { ByteArena } from "./arena.js";

/**
 * An append-only list of short strings kept as UTF-8 off the JS heap. The rejected addresses of
 * a sweep (for the history diff) can number in the hundreds of thousands; as JS strings in an
 * array they would cost several times their size in GC-scanned memory.
 */
export class LineSpool {
  private readonly arena = new ByteArena();
  private scratch = Buffer.allocUnsafe(4 * 1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** A line must not contain "\n" (addresses and codes never do). */
  push(line: string): void {
    const need = Buffer.byteLength(line, "utf8") + 1;
    if (need > this.scratch.length) this.scratch = Buffer.allocUnsafe(need);
    const n = this.scratch.write(line, 0, "utf8");
    this.scratch[n] = 0x0a;
    this.arena.append(this.scratch, n + 1);
    this.count++;
  }

  /** The lines in order. */
  *lines(): Generator<string> {
    for (const chunk of this.arena.chunks()) {
      let start = 0;
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, start)) {
        yield chunk.toString("utf8", start, i);
        start = i + 1;
      }
    }
  }
}
