import type { MarkerStyle } from './types.js';

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses Chinese numerals up to 99 (一, 十, 十二, 二十, 二十三); returns null for anything else. */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (DIGITS[s] ?? null) : null;
  if (s.indexOf('十', ten + 1) !== -1) return null;
  const tensPart = s.slice(0, ten);
  const unitsPart = s.slice(ten + 1);
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? DIGITS[tensPart] : undefined;
  const units = unitsPart === '' ? 0 : unitsPart.length === 1 ? DIGITS[unitsPart] : undefined;
  if (tens === undefined || units === undefined || tens === 0) return null;
  return tens * 10 + units;
}

const CN = '[一二三四五六七八九十]{1,3}';

export interface MarkerMatch {
  style: MarkerStyle;
  level: number;
  marker: string;
  ordinal: number;
}

/**
 * Official numbering at the start of a paragraph (GB/T 9704 结构层次序数: 一、 （一） 1. （1）),
 * half- and full-width alike. Arabic markers must not be followed by a digit (3.15万元 is no heading).
 */
const MARKERS: { style: MarkerStyle; level: number; re: RegExp; cn: boolean }[] = [
  { style: 'cn', level: 1, re: new RegExp(`^(${CN})[、]`), cn: true },
  { style: 'paren-cn', level: 2, re: new RegExp(`^[（(](${CN})[）)]`), cn: true },
  { style: 'arabic', level: 3, re: /^([0-9０-９]{1,2})(?:[.．](?![0-9０-９])|、)/, cn: false },
  { style: 'paren-arabic', level: 4, re: /^[（(]([0-9０-９]{1,2})[）)]/, cn: false },
  { style: 'enum', level: 0, re: new RegExp(`^其?(${CN})是`), cn: true },
];

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Recognises a numbering marker at the start of `text` (already trimmed of leading spaces). */
export function matchMarker(text: string): MarkerMatch | null {
  for (const m of MARKERS) {
    const hit = m.re.exec(text);
    if (!hit) continue;
    const digits = hit[1] ?? '';
    const ordinal = m.cn ? parseChineseNumber(digits) : Number.parseInt(toAsciiDigits(digits), 10);
    if (ordinal === null || Number.isNaN(ordinal)) continue;
    return { style: m.style, level: m.level, marker: hit[0], ordinal };
  }
  return null;
}

/**
 * Inline enumeration leads after a sentence boundary or a colon: 。二是 ；三是 ：一是. The match includes the mark
 * (a leading class lets the engine skip ahead; a lookbehind made it test every position): the lead is group 1.
 */
export const INLINE_ENUM = new RegExp(`[。；;：:！？!?]\\s*(其?(${CN})是)`, 'g');

/** Where a run-in heading stops: the first 。 ： or : (exclusive). */
export const RUN_IN_STOP = /[。：:！？!?]/;
