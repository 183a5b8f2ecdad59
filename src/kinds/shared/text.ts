import type { DocumentModel, Paragraph, Span } from '../../model/types.js';
import type { CharBits } from '../../util/charset.js';
import { allMatches } from '../../util/regex.js';
import { partitionPoint } from '../../util/search.js';

/** Han ideographs (BMP and astral) — the characters that make a neighbour "Chinese text". */
const HAN = /\p{Script=Han}/u;
/** Full-width punctuation of Chinese text (GB/T 15834), including closing and opening marks. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/u;

/** Whether a code point (as a string of one or two UTF-16 units) is Chinese: a Han ideograph or full-width punctuation. */
export function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isChineseCode(ch.codePointAt(0) as number);
}

/**
 * The answers of the two patterns above for BMP characters, filled in on first sight of each (0 unknown, 1 yes,
 * 2 no): rules ask about the neighbours of every punctuation mark, and a table lookup is ~50× cheaper than a
 * Unicode-property regex test on a fresh one-character string.
 */
const chineseBmp = new Uint8Array(0x10000);

/** `isChinese` for a code point. */
export function isChineseCode(cp: number): boolean {
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // CJK Unified Ideographs, the bulk of any report
  if (cp > 0xffff) {
    const ch = String.fromCodePoint(cp);
    return HAN.test(ch) || CJK_PUNCT.test(ch);
  }
  let known = chineseBmp[cp] as number;
  if (known === 0) {
    const ch = String.fromCharCode(cp);
    known = HAN.test(ch) || CJK_PUNCT.test(ch) ? 1 : 2;
    chineseBmp[cp] = known;
  }
  return known === 1;
}

/** `isChinese(charAt(text, i))` without building the string. */
export function isChineseAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isChineseCode(text.codePointAt(i) as number);
}

/** `isChinese(charBefore(text, i))` without building the string. */
export function isChineseBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return isChineseCode(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000);
  }
  return isChineseCode(lo);
}

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && HAN.test(ch);
}

/** The code point ending just before `i` (handles surrogate pairs, so 𠀀 counts as one Han character). */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The code point starting at `i`. */
export function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  const cp = text.codePointAt(i) as number;
  return String.fromCodePoint(cp);
}

/** Paragraphs whose text a punctuation or number rule reads: everything but page residue. */
export function textParagraphs(
  model: DocumentModel,
  skipRoles: Paragraph['role'][] = ['residue'],
): Paragraph[] {
  return model.paragraphs.filter((p) => !skipRoles.includes(p.role));
}

/** Answers "is this offset inside an ignored range (Markdown code, HTML) or a URL?" in O(log n). */
export function ignoredChecker(model: DocumentModel, extra: Span[] = []): (offset: number) => boolean {
  const ranges = [...model.ignoredRanges, ...inlineCode(model), ...extra].sort((a, b) => a.start - b.start);
  // Most reports are plain text without URLs: rules ask this for every mark they look at.
  if (ranges.length === 0) return () => false;
  return (offset) => {
    const r = ranges[partitionPoint(ranges, (x) => x.start > offset) - 1];
    return r !== undefined && offset < r.end;
  };
}

/** Markdown code spans (`…`): the model ignores code blocks; spans inside a paragraph are found here. */
function inlineCode(model: DocumentModel): Span[] {
  if (model.format !== 'markdown') return [];
  const out: Span[] = [];
  for (const p of model.paragraphs) {
    for (const m of allMatches(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/gu, p.text)) {
      const start = p.start + (m.index ?? 0);
      out.push({ start, end: start + m[0].length, text: m[0] });
    }
  }
  return out;
}

/**
 * The UTF-16 units that occur in the text, as a bitset (8 KB), made once per document: a string with a unit outside
 * it occurs nowhere, which a bit tells at once where a search would read the whole text.
 */
export function presentChars(model: DocumentModel): CharBits {
  return model.derived(presentChars, (m) => {
    const codes = m.codes();
    const bits: CharBits = new Uint32Array(0x10000 / 32);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i] as number;
      bits[c >>> 5] = (bits[c >>> 5] as number) | (1 << (c & 31));
    }
    return bits;
  });
}

/** URLs in the paragraphs of `textParagraphs(model)`, found once per document for every rule that skips them. */
export function textUrls(model: DocumentModel): Span[] {
  return model.derived(textUrls, (m) => textParagraphs(m).flatMap((p) => urlRanges(m.text, p.start, p.end)));
}

/** `ignoredChecker(model, textUrls(model))`, built once per document. */
export function ignoredOrUrlChecker(model: DocumentModel): (offset: number) => boolean {
  return model.derived(ignoredOrUrlChecker, (m) => ignoredChecker(m, textUrls(m)));
}

const URL = /(?:https?:\/\/|ftp:\/\/|www\.)[\w\-.~:/?#[\]@!$&'*+,;=%]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** URLs and e-mail addresses in the text (their punctuation and digits belong to them). */
export function urlRanges(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const slice = text.slice(from, to);
  for (const m of allMatches(URL, slice)) {
    const start = from + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, text: m[0] });
  }
  return out;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (up to 99, the range of official numbering). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${units === 0 ? '' : CN_DIGITS[units]}`;
}
