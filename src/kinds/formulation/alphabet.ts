import type { DocumentModel } from '../../model/types.js';
import { charBits, hasChar } from '../../util/charset.js';
import { fromUtf16Codes, utf16Codes } from '../../util/codes.js';

/**
 * Maps a text to the matching alphabet, one UTF-16 unit for one, so offsets carry over unchanged: half- and
 * full-width brackets, quotes and commas compare equal, and so do the dashes of a range (2021-2025, 2021—2025,
 * 2021～2025, and 一 between digits).
 */
export function normalize(s: string): string {
  return fromUtf16Codes(normalizeCodes(utf16Codes(s)));
}

/** The key of a document's normalized code units among its derived facts. */
const NORMALIZED_CODES = {};

/**
 * A document's code units in the matching alphabet, made once: the search and the enumerations scan the same array,
 * so the engine's shared word scan (which remembers the last array it scanned) runs once for both.
 */
export function normalizedCodes(model: DocumentModel): Uint16Array {
  return model.derived(NORMALIZED_CODES, (m) => normalizeCodes(m.codes()));
}

/**
 * `normalize` on code units: a normalized copy (the search scans the copy and reads the string made from it), or
 * `codes` itself when no unit changes.
 */
export function normalizeCodes(codes: Uint16Array): Uint16Array {
  let out: Uint16Array | null = null;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (!hasChar(NORMALIZED, code)) continue;
    const to = NORMALIZED_TO[code] as number;
    // 一 stays 一 except between digits.
    if (to === code || (code === 0x4e00 && !(isDigitCode(codes[i - 1]) && isDigitCode(codes[i + 1]))))
      continue;
    out ??= codes.slice();
    out[i] = to;
  }
  return out ?? codes;
}

const NORMAL: Record<string, string> = {
  '(': '（',
  '﹙': '（',
  ')': '）',
  '﹚': '）',
  '-': '—',
  '－': '—',
  '–': '—',
  '‐': '—',
  '‑': '—',
  '―': '—',
  '~': '—',
  '～': '—',
  '〜': '—',
  '"': '“',
  '”': '“',
  '＂': '“',
  "'": '‘',
  '’': '‘',
  ',': '，',
  ':': '：',
  ';': '；',
};

/** What `normalize` writes for each UTF-16 unit (0: kept): the keys above, 一 (between digits), full-width digits. */
const NORMALIZED_TO = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(NORMAL)) NORMALIZED_TO[from.charCodeAt(0)] = to.charCodeAt(0);
NORMALIZED_TO[0x4e00] = '—'.charCodeAt(0);
for (let c = 0xff10; c <= 0xff19; c++) NORMALIZED_TO[c] = c - 0xfee0;
const NORMALIZED = charBits([...NORMALIZED_TO.keys()].filter((c) => NORMALIZED_TO[c] !== 0));

function isDigitCode(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19));
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
