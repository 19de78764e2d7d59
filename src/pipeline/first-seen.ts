import { ByteArena } from "./arena.js";

/**
 * Which data row first had each address: the duplicate check of a whole run.
 *
 * A Map of a million strings costs ~80 MB of GC-scanned heap (~130 MB of RSS). This keeps the
 * keys' UTF-8 bytes in a block arena and the index in typed arrays, all off the JS heap (~50 MB
 * for a million addresses, grown in 1 MB steps rather than by doubling copies), and it is exact:
 * a hash match is confirmed byte for byte, so two different addresses are never taken for
 * duplicates.
 */

/** Entries live in blocks of this many, four Uint32 each: hash, arena offset, byte length, row. */
const ENTRY_BITS = 16;
const ENTRIES_PER_BLOCK = 1 << ENTRY_BITS;
const ENTRY_MASK = ENTRIES_PER_BLOCK - 1;

export class FirstSeen {
  private readonly arena = new ByteArena();
  private readonly entries: Uint32Array[] = [];
  private count = 0;
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
      const block = this.entries[e >>> ENTRY_BITS]!;
      const at = (e & ENTRY_MASK) << 2;
      if (block[at] === hash && block[at + 2] === bytes && this.arena.equals(block[at + 1]!, this.scratch, bytes)) {
        return block[at + 3];
      }
      i = (i + 1) & mask;
    }
    this.insert(i, hash, bytes, row);
    return undefined;
  }

  private insert(slot: number, hash: number, bytes: number, row: number): void {
    const e = this.count++;
    if (e >>> ENTRY_BITS === this.entries.length) this.entries.push(new Uint32Array(ENTRIES_PER_BLOCK * 4));
    const block = this.entries[e >>> ENTRY_BITS]!;
    const at = (e & ENTRY_MASK) << 2;
    block[at] = hash;
    block[at + 1] = this.arena.append(this.scratch, bytes);
    block[at + 2] = bytes;
    block[at + 3] = row;
    this.slots[slot] = e + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let i = this.entries[e >>> ENTRY_BITS]![(e & ENTRY_MASK) << 2]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
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
