/**
 * Strings numbered 0, 1, 2… in the order added, kept in a few typed arrays instead of a `Map`.
 *
 * A model holds half a million features and as many misspelling keys; as `Map`s of strings they were
 * a million objects that every full garbage collection walked (a forced full collection took about
 * 175 ms with a model loaded, 65 ms with these arrays, 30 ms with no model), pausing whatever the process was
 * doing — a parse, a turn, a webhook. Here the keys' letters lie back to back in one array and the
 * table is an array of numbers, which the collector does not look into.
 *
 * @example
 * const ids = new StringIds();
 * ids.add('дубликат'); // 0
 * ids.add('аттестат'); // 1
 * ids.get('дубликат'); // 0
 * ids.get('диплом'); // undefined
 */
export class StringIds {
  /** The keys' UTF-16 code units, back to back. */
  private chars = new Uint16Array(1024);
  private charsUsed = 0;
  /** Where each key's code units start; the next key's start is its end. */
  private starts = new Int32Array(65);
  private hashes = new Int32Array(64);
  /** Open addressing: each slot holds a key's id + 1, or 0 when empty; never more than half full. */
  private slots = new Int32Array(128);
  private count = 0;

  /** The ids of these keys, in order (a repeated key keeps its first id). */
  static of(keys: Iterable<string>): StringIds {
    const ids = new StringIds();
    for (const key of keys) ids.add(key);
    return ids;
  }

  get size(): number {
    return this.count;
  }

  /** The key's id, or undefined when it was never added. */
  get(key: string): number | undefined {
    const held = this.slots[this.slotOf(key, hashOf(key))]!;
    return held === 0 ? undefined : held - 1;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** The key's id, added with the next id when new. */
  add(key: string): number {
    const hash = hashOf(key);
    const slot = this.slotOf(key, hash);
    if (this.slots[slot] !== 0) return this.slots[slot]! - 1;
    const id = this.count;
    this.store(id, key, hash);
    this.slots[slot] = id + 1;
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return id;
  }

  /** The key of an id. */
  keyOf(id: number): string {
    const start = this.starts[id]!;
    const end = this.starts[id + 1]!;
    let key = '';
    // In pieces: String.fromCharCode takes its arguments on the stack.
    for (let at = start; at < end; at += 4096) key += String.fromCharCode(...this.chars.subarray(at, Math.min(end, at + 4096)));
    return key;
  }

  /** Every key, in the order of their ids. */
  keys(): string[] {
    return Array.from({ length: this.count }, (_, id) => this.keyOf(id));
  }

  /** The slot that holds the key, or the empty slot where it would go. */
  private slotOf(key: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0 || (this.hashes[held - 1] === hash && this.equals(held - 1, key))) return slot;
    }
  }

  private equals(id: number, key: string): boolean {
    const start = this.starts[id]!;
    if (this.starts[id + 1]! - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private store(id: number, key: string, hash: number): void {
    if (this.charsUsed + key.length > this.chars.length) this.chars = grown(this.chars, this.charsUsed + key.length);
    if (id + 2 > this.starts.length) this.starts = grown(this.starts, id + 2);
    if (id + 1 > this.hashes.length) this.hashes = grown(this.hashes, id + 1);
    for (let i = 0; i < key.length; i++) this.chars[this.charsUsed + i] = key.charCodeAt(i);
    this.starts[id] = this.charsUsed;
    this.charsUsed += key.length;
    this.starts[id + 1] = this.charsUsed;
    this.hashes[id] = hash;
  }

  private rehash(length: number): void {
    this.slots = new Int32Array(length);
    const mask = length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }
}

/** FNV-1a over the UTF-16 code units, as a non-negative 31-bit number. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash & 0x7fffffff;
}

/** A copy at least `needed` long, doubling. */
function grown<T extends Uint16Array | Int32Array>(array: T, needed: number): T {
  let length = array.length * 2;
  while (length < needed) length *= 2;
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
