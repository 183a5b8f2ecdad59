import type { DocumentModel, Paragraph, Span } from '../../model/types.js';

/** Han ideographs (BMP and astral) — the characters that make a neighbour "Chinese text". */
const HAN = /\p{Script=Han}/u;
/** Full-width punctuation of Chinese text (GB/T 15834), including closing and opening marks. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/u;

/** Whether a code point (as a string of one or two UTF-16 units) is Chinese: a Han ideograph or full-width punctuation. */
export function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && (HAN.test(ch) || CJK_PUNCT.test(ch));
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
  return (offset) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid] as Span;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Markdown code spans (`…`): the model ignores code blocks; spans inside a paragraph are found here. */
function inlineCode(model: DocumentModel): Span[] {
  if (model.format !== 'markdown') return [];
  const out: Span[] = [];
  for (const p of model.paragraphs) {
    for (const m of p.text.matchAll(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/gu)) {
      const start = p.start + (m.index ?? 0);
      out.push({ start, end: start + m[0].length, text: m[0] });
    }
  }
  return out;
}

const URL = /(?:https?:\/\/|ftp:\/\/|www\.)[\w\-.~:/?#[\]@!$&'*+,;=%]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** URLs and e-mail addresses in the text (their punctuation and digits belong to them). */
export function urlRanges(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(URL)) {
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
