/**
 * Which data row first had each address: the duplicate check of a whole run.
 *
 * A Map of a million strings costs ~80 MB of GC-scanned heap (~130 MB of RSS). This keeps the
 * keys' UTF-8 bytes in one growing arena and the index in typed arrays (off the JS heap, ~50 MB
 * for a million addresses), and it is exact: a hash match is confirmed byte for byte, so two
 * different addresses are never taken for duplicates.
 */
export class FirstSeen {
  private arena = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private count = 0;
  private hashes = new Uint32Array(1 << 14);
  private offsets = new Uint32Array(1 << 14);
  private lengths = new Uint16Array(1 << 14);
  private rows = new Uint32Array(1 << 14);
  private slots = new Uint32Array(1 << 15); // entry index + 1; 0 = empty
  private readonly scratch = Buffer.allocUnsafe(4 * 1024);

  get size(): number {
    return this.count;
  }

  /** The row that first had `key`; or, when `key` is new, undefined after recording `row`. */
  firstOrAdd(key: string, row: number): number | undefined {
    const bytes = this.scratch.write(key, 0, "utf8");
    if (bytes >= this.scratch.length - 4) throw new Error("duplicate key longer than 4 KB");
    const hash = fnv1a(this.scratch, bytes);
    const mask = this.slots.length - 1;
    let i = hash & mask;
    for (;;) {
      const slot = this.slots[i]!;
      if (slot === 0) break;
      const e = slot - 1;
      if (this.hashes[e] === hash && this.lengths[e] === bytes) {
        const off = this.offsets[e]!;
        if (this.scratch.compare(this.arena, off, off + bytes, 0, bytes) === 0) return this.rows[e];
      }
      i = (i + 1) & mask;
    }
    this.insert(i, hash, bytes, row);
    return undefined;
  }

  private insert(slot: number, hash: number, bytes: number, row: number): void {
    if (this.used + bytes > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + bytes));
      this.arena.copy(bigger, 0, 0, this.used);
      this.arena = bigger;
    }
    this.scratch.copy(this.arena, this.used, 0, bytes);
    const e = this.count++;
    if (e >= this.hashes.length) this.growEntries();
    this.hashes[e] = hash;
    this.offsets[e] = this.used;
    this.lengths[e] = bytes;
    this.rows[e] = row;
    this.used += bytes;
    this.slots[slot] = e + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    this.hashes = grow(this.hashes, new Uint32Array(n));
    this.offsets = grow(this.offsets, new Uint32Array(n));
    this.lengths = grow(this.lengths, new Uint16Array(n));
    this.rows = grow(this.rows, new Uint32Array(n));
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let i = this.hashes[e]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
}

function grow<T extends Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** FNV-1a, 32 bits, over bytes. */
function fnv1a(buf: Buffer, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
