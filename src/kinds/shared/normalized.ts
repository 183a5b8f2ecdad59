import type { DocumentModel } from '../../model/types.js';

/**
 * The matching alphabet of formulation (and of every word list that may share its scan): half- and full-width
 * brackets, quotes and commas compare equal, and so do the dashes of a range (2021-2025, 2021—2025, 2021～2025, and
 * 一 between digits). One UTF-16 unit for one, so offsets carry over unchanged.
 */
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

/** What `normalizeCodes` writes for each UTF-16 unit it changes (0: kept): the keys above, 一, full-width digits. */
const NORMALIZED_TO = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(NORMAL)) NORMALIZED_TO[from.charCodeAt(0)] = to.charCodeAt(0);
NORMALIZED_TO[0x4e00] = '—'.charCodeAt(0); // 一, between digits only
for (let c = 0xff10; c <= 0xff19; c++) NORMALIZED_TO[c] = c - 0xfee0;

/**
 * The units after 一 up to the next one the table changes: the CJK ideographs and everything up to ﹙, where a
 * report's characters mostly lie, so the loop below passes them on two comparisons.
 */
const KEPT_FROM = 0x4e00;
let keptTo = 0x10000;
for (let c = KEPT_FROM + 1; c < 0x10000; c++) {
  if (NORMALIZED_TO[c] !== 0) {
    keptTo = c;
    break;
  }
}

/** A character normalization reads or writes: a word holding none matches the same places before and after. */
const TOUCHED = new Set<number>();
for (let c = 0; c < 0x10000; c++) {
  const to = NORMALIZED_TO[c] as number;
  if (to !== 0) TOUCHED.add(c).add(to);
}

function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Code units in the matching alphabet: a normalized copy, or `codes` itself when no unit changes. Normalizing twice
 * changes nothing the first time did not (no unit it writes is one it changes).
 */
export function normalizeCodes(codes: Uint16Array): Uint16Array {
  let out: Uint16Array | null = null;
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    const code = codes[i] as number;
    if (code > KEPT_FROM && code < keptTo) continue;
    const to = NORMALIZED_TO[code] as number;
    if (to === 0) continue;
    // 一 stays 一 except between digits.
    if (
      code === 0x4e00 &&
      !(i > 0 && i + 1 < n && isDigitCode(codes[i - 1] as number) && isDigitCode(codes[i + 1] as number))
    )
      continue;
    out ??= codes.slice();
    out[i] = to;
  }
  return out ?? codes;
}

/** The key of a document's normalized code units among its derived facts. */
const NORMALIZED_CODES = {};

/**
 * A document's code units in the matching alphabet, made once: formulation's search and enumerations, and every
 * word list `normalizationInvariant` holds for, scan the same array, so the engine's shared word scan (which
 * remembers the last array it scanned) runs once for all of them.
 */
export function normalizedCodes(model: DocumentModel): Uint16Array {
  return model.derived(NORMALIZED_CODES, (m) => normalizeCodes(m.codes()));
}

/**
 * Whether no word holds a character normalization reads or writes. Then a word matches the normalized units exactly
 * where it matches the document's own: where it matches, no unit is one normalization changes, so the units are the
 * same; and where it matches the normalized units, none is one normalization wrote, so none was changed.
 */
export function normalizationInvariant(words: readonly string[]): boolean {
  for (const w of words) for (let i = 0; i < w.length; i++) if (TOUCHED.has(w.charCodeAt(i))) return false;
  return true;
}

/**
 * The units a word-list rule hands its matcher: the normalized ones when its words are `normalizationInvariant`
 * (the same hits, from the scan formulation needs anyway: one scan of the document for every list instead of two),
 * else the document's own.
 */
export function lexiconCodes(model: DocumentModel, invariant: boolean): Uint16Array {
  return invariant ? normalizedCodes(model) : model.codes();
}
