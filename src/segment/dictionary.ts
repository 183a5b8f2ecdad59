/**
 * Where each line of a dictionary starts (one more entry: the end), the sum of its frequencies, and the lines of the
 * common longer words: frequency at least `FREQUENT`, `FREQUENT_LENGTH` characters or more (the 7,500 words a rule
 * compares a text with, read without a pass over all 349,000 lines).
 */
export interface DictionaryIndex {
  starts: Uint32Array;
  totalFrequency: number;
  frequent: Uint32Array;
  /** The frequent lines' text (`word freq` per line), when the index was read from its file: faster than decoding. */
  frequentText?: string;
}

/** The frequency and the length from which a word is in `DictionaryIndex.frequent`. */
export const FREQUENT = 100;
export const FREQUENT_LENGTH = 3;

/** One pass over the bytes: the line starts and the frequency total of a `SortedDictionary`. */
export function indexDictionary(bytes: Uint8Array): DictionaryIndex {
  const n = bytes.length;
  // A line has at least two bytes (a character and its line break): enough room without growing.
  const starts = new Uint32Array((n >>> 1) + 2);
  let count = 0;
  let total = 0;
  const frequent: number[] = [];
  let p = 0;
  while (p < n) {
    // Skip blank lines and CR, which jieba skips too.
    if (bytes[p] === 10 || bytes[p] === 13) {
      p++;
      continue;
    }
    starts[count++] = p;
    let characters = 0;
    for (; p < n && bytes[p] !== 32 && bytes[p] !== 10; p++)
      if (((bytes[p] as number) & 0xc0) !== 0x80) characters++;
    if (bytes[p] === 32) {
      const frequency = numberAt(bytes, p + 1, n);
      total += frequency;
      if (frequency >= FREQUENT && characters >= FREQUENT_LENGTH) frequent.push(count - 1);
    }
    const end = bytes.indexOf(10, p);
    p = end < 0 ? n : end;
  }
  starts[count] = n;
  return { starts: starts.slice(0, count + 1), totalFrequency: total, frequent: Uint32Array.from(frequent) };
}

/**
 * jieba's dictionary file read as bytes and searched in place: one line per word, `word freq [tag]`, sorted by
 * bytes (the shipped dict.txt is; a test keeps it so). Nothing is parsed into objects: finding every dictionary
 * word inside a short clause costs a few binary searches, and loading costs one pass over the bytes.
 */
export class SortedDictionary {
  readonly bytes: Uint8Array;
  /** Byte offset where each line starts; one more entry, the end. */
  private readonly starts: Uint32Array;
  /** Sum of all frequencies, the denominator jieba's word probabilities use. */
  readonly totalFrequency: number;
  /** The lines of the common longer words (`DictionaryIndex.frequent`), ascending. */
  readonly frequentLines: Uint32Array;
  /** Their `word freq` text, one line each, when the stored index carried it. */
  readonly frequentText: string | null;

  /** `index` when it is known already (`dictionary-index.ts`), else computed here. */
  constructor(bytes: Uint8Array, index: DictionaryIndex = indexDictionary(bytes)) {
    this.bytes = bytes;
    this.starts = index.starts;
    this.totalFrequency = index.totalFrequency;
    this.frequentLines = index.frequent;
    this.frequentText = index.frequentText ?? null;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The frequency on line `i` (0 when it has none). */
  frequency(i: number): number {
    let p = this.starts[i] as number;
    const end = this.starts[i + 1] as number;
    while (p < end && this.bytes[p] !== 32 && this.bytes[p] !== 10) p++;
    return this.bytes[p] === 32 ? numberAt(this.bytes, p + 1, end) : 0;
  }

  /** How many characters the word on line `i` has (UTF-8 lead bytes, without decoding it). */
  wordLength(i: number): number {
    let count = 0;
    for (let p = this.starts[i] as number; p < (this.starts[i + 1] as number); p++) {
      const byte = this.bytes[p] as number;
      if (byte === 32 || byte === 10) break;
      if ((byte & 0xc0) !== 0x80) count++;
    }
    return count;
  }

  /** The word on line `i`. */
  word(i: number): string {
    const start = this.starts[i] as number;
    let end = start;
    while (end < (this.starts[i + 1] as number) && this.bytes[end] !== 32 && this.bytes[end] !== 10) end++;
    // A Buffer (as read from a file) decodes in place; other bytes get a view first.
    const bytes = Buffer.isBuffer(this.bytes)
      ? this.bytes
      : Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return bytes.toString('utf8', start, end);
  }

  /** The whole line `i` (`word freq tag`), without its line break. */
  line(i: number): Uint8Array {
    let end = this.starts[i + 1] as number;
    while (end > (this.starts[i] as number) && (this.bytes[end - 1] === 10 || this.bytes[end - 1] === 13))
      end--;
    return this.bytes.subarray(this.starts[i], end);
  }

  /** Byte `depth` of line `i`'s word, or 32 (the space after the word, lower than any byte of a word) past its end. */
  private byteAt(i: number, depth: number): number {
    const at = (this.starts[i] as number) + depth;
    const b = this.bytes[at] as number;
    return at >= (this.starts[i + 1] as number) || b === 10 || b === 13 ? 32 : b;
  }

  /**
   * Calls `found(line, endIndex)` for every dictionary word that starts at `key[from]` (UTF-8 bytes), with the
   * index just past the word in `key`. Lines sharing a prefix are contiguous, so each further byte narrows the
   * range with two binary searches, and the walk stops as soon as no word continues the prefix.
   */
  wordsAt(key: Uint8Array, from: number, found: (line: number, end: number) => void): void {
    let lo = 0;
    let hi = this.size;
    for (let k = from; k < key.length && lo < hi; k++) {
      const depth = k - from;
      const b = key[k] as number;
      if (b === 32 || b === 10 || b === 13) return;
      // First line whose byte at `depth` is ≥ b, then first whose byte is > b.
      let a = lo;
      let z = hi;
      while (a < z) {
        const m = (a + z) >>> 1;
        if (this.byteAt(m, depth) < b) a = m + 1;
        else z = m;
      }
      lo = a;
      z = hi;
      while (a < z) {
        const m = (a + z) >>> 1;
        if (this.byteAt(m, depth) <= b) a = m + 1;
        else z = m;
      }
      hi = a;
      // A word ends here when the first line of the range (the shortest word) has its space next.
      if (lo < hi && this.byteAt(lo, depth + 1) === 32) found(lo, k + 1);
    }
  }
}

/** The decimal number whose digits start at `from` (0 when none do), read up to the first other byte or `end`. */
function numberAt(bytes: Uint8Array, from: number, end: number): number {
  let value = 0;
  for (let p = from; p < end; p++) {
    const digit = (bytes[p] as number) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}
