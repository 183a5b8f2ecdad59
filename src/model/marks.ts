import { charBits, hasChar } from '../util/charset.js';
import { partitionPoint } from '../util/search.js';

/**
 * The punctuation marks rules read one by one (clause marks, brackets, quotes, book-title marks, in both widths).
 * A report of 10,000 characters holds ~1,000 of them: the punctuation rules visit these offsets, found in one pass
 * per document, instead of every character of every paragraph.
 */
export const INDEXED_MARKS = ',;:()?!<>，；：？！、。（）“”‘’《》〈〉【】〔〕«»';

const INDEXED = charBits(INDEXED_MARKS);

/** Whether a UTF-16 unit is one of `INDEXED_MARKS`. */
export function isIndexedMark(code: number): boolean {
  return hasChar(INDEXED, code);
}

/** Offsets of every `INDEXED_MARKS` character of a text (given as its code units), ascending. */
export function markOffsets(codes: Uint16Array): Int32Array {
  const found: number[] = [];
  for (let i = 0; i < codes.length; i++) if (hasChar(INDEXED, codes[i] as number)) found.push(i);
  return Int32Array.from(found);
}

/** Index of the first offset ≥ `offset` in an ascending list (its length when there is none). */
export function firstMarkAtOrAfter(marks: Int32Array, offset: number): number {
  return partitionPoint(marks, (m) => m >= offset);
}
