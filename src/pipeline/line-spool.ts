/**
 * An append-only list of short strings kept as UTF-8 in one growing Buffer, off the JS heap. The
 * rejected addresses of a sweep (for the history diff) can number in the hundreds of thousands;
 * as JS strings in an array they would cost several times their size in GC-scanned memory.
 */
export class LineSpool {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(line: string): void {
    const need = Buffer.byteLength(line, "utf8") + 1;
    if (this.used + need > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + need));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(line, this.used, "utf8");
    this.buf[this.used++] = 0x0a;
    this.count++;
  }

  /** The lines in order. A line must not contain "\n" (addresses and codes never do). */
  *lines(): Generator<string> {
    let start = 0;
    for (let i = 0; i < this.used; i++) {
      if (this.buf[i] === 0x0a) {
        yield this.buf.toString("utf8", start, i);
        start = i + 1;
      }
    }
  }
}
