import { fromUtf16Codes, utf16Codes } from '../../util/codes.js';
import { normalizeCodes } from '../shared/normalized.js';

/**
 * Maps a text to the matching alphabet, one UTF-16 unit for one, so offsets carry over unchanged: half- and
 * full-width brackets, quotes and commas compare equal, and so do the dashes of a range (2021-2025, 2021—2025,
 * 2021～2025, and 一 between digits).
 */
export function normalize(s: string): string {
  return fromUtf16Codes(normalizeCodes(utf16Codes(s)));
}

export function hanOnly(s: string): string {
  return s.replace(/[^\p{Script=Han}]/gu, '');
}

export function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  return false;
}

/** A string backwards, unit by unit (terms are BMP text). */
export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
