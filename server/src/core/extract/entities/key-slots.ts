/**
 * Dense slot numbers 0, 1, 2, ... for 32-bit keys, in order of first sight: a Set or Map of numbers over typed
 * arrays (open addressing), so that hashes above 2^30 are not boxed and a document's lookups allocate nothing.
 * Sized once for at most `capacity` distinct keys.
 */
export class KeySlots {
  private readonly keys: Uint32Array;
  /** Slot + 1 of each table cell, 0 where empty. */
  private readonly cells: Int32Array;
  private readonly shift: number;
  size = 0;

  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < 2 * capacity) bits++;
    this.keys = new Uint32Array(1 << bits);
    this.cells = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** The slot of `key`, given the next free one when it is new. */
  slot(key: number): number {
    const { keys, cells } = this;
    const mask = cells.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at = (at + 1) & mask) {
      const cell = cells[at];
      if (cell === 0) { keys[at] = key; cells[at] = ++this.size; return this.size - 1; }
      if (keys[at] === key >>> 0) return cell - 1;
    }
  }
}
