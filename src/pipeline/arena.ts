/**
 * Append-only UTF-8 storage off the JS heap, in 1 MB blocks. The per-run indexes of a sweep
 * (every address seen, every rejected address) reach tens of MB on a million rows; in one
 * Buffer that doubles, each growth briefly holds the old and the new copy (48 MB for a 32 MB
 * arena) and leaves the allocator a freed hole of the old size. Fixed blocks grow by 1 MB.
 */
const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;

export class ByteArena {
  private readonly blocks: Buffer[] = [];
  private readonly ends: number[] = []; // bytes used in each block
  private current: Buffer | null = null;
  private used = 0;

  /**
   * Copies `n` bytes of `src` in and returns where they are (for equals/toString). A record
   * never spans two blocks; one longer than a block gets a block of its own.
   */
  append(src: Buffer, n: number): number {
    if (this.current === null || this.used + n > this.current.length) {
      this.current = Buffer.allocUnsafe(Math.max(BLOCK, n));
      this.used = 0;
      this.blocks.push(this.current);
      this.ends.push(0);
    }
    src.copy(this.current, this.used, 0, n);
    const at = (this.blocks.length - 1) * BLOCK + this.used;
    this.used += n;
    this.ends[this.ends.length - 1] = this.used;
    return at;
  }

  /** Whether the `n` bytes stored at `at` are the first `n` bytes of `src`. */
  equals(at: number, src: Buffer, n: number): boolean {
    const block = this.blocks[Math.floor(at / BLOCK)]!;
    const pos = at % BLOCK;
    return src.compare(block, pos, pos + n, 0, n) === 0;
  }

  /** The stored bytes as text. */
  toString(at: number, n: number): string {
    const pos = at % BLOCK;
    return this.blocks[Math.floor(at / BLOCK)]!.toString("utf8", pos, pos + n);
  }

  /** Each block's used bytes, in order: records in append order, none cut in two. */
  *chunks(): Generator<Buffer> {
    for (let i = 0; i < this.blocks.length; i++) yield this.blocks[i]!.subarray(0, this.ends[i]);
  }
}
