/**
 * A set of UTF-16 units as a bitset. Per-character scans test every character of a report against a set; 8 KB of
 * bits stay in the CPU's first-level cache where a 64 KB lookup table does not (measured: about twice as fast).
 */
export type CharBits = Uint32Array;

export function charBits(chars: Iterable<string | number>): CharBits {
  const bits = new Uint32Array(0x10000 / 32);
  for (const ch of chars) {
    const c = typeof ch === 'number' ? ch : ch.charCodeAt(0);
    bits[c >>> 5] = (bits[c >>> 5] as number) | (1 << (c & 31));
  }
  return bits;
}

export function hasChar(bits: CharBits, c: number): boolean {
  return (((bits[c >>> 5] as number) >>> (c & 31)) & 1) === 1;
}
