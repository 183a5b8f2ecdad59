import { partitionPoint } from '../util/search.js';
import type { Line } from './types.js';

/** Splits text into lines on LF, CRLF and lone CR alike, keeping offsets into the original text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let n = 1;
  // indexOf finds the breaks natively, several times faster than testing every character.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    const i = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
    lines.push({ number: n++, start, end: i, text: text.slice(start, i) });
    start = i === cr && lf === i + 1 ? i + 2 : i + 1;
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
  }
  lines.push({ number: n, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Index of the line containing `offset` (binary search over line starts). */
export function lineIndexAt(lines: Line[], offset: number): number {
  return Math.max(0, partitionPoint(lines, (l) => l.start > offset) - 1);
}

/**
 * Unicode white space a pasted report uses for alignment: ASCII space and tab, U+00A0, U+3000,
 * the U+2000 block, and zero-width characters that editors hide.
 */
export const SPACE_RE = /[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]/;

export function isBlank(s: string): boolean {
  for (const ch of s) if (!SPACE_RE.test(ch)) return false;
  return true;
}

/** Offsets of `s` after trimming all Unicode spaces at both ends, relative to `s`. */
export function trimRange(s: string): [number, number] {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE_RE.test(s[a] as string)) a++;
  while (b > a && SPACE_RE.test(s[b - 1] as string)) b--;
  return [a, b];
}
