import type { Segmenter } from '../../segment/index.js';

/**
 * Typing slips no word list can hold, judged with the segmenter's dictionary: a character typed twice where the
 * language does not double it (全面面推进), and a stray character inside a word (依法行安政). Both are found by a
 * cheap scan of the characters first; the segmenter is asked only about the few places the scan leaves.
 */
export interface Slip {
  type: 'doubled' | 'stray';
  /** Offset of the character to delete. */
  at: number;
  /** The stretch shown in the message, and what it reads without the character. */
  start: number;
  end: number;
  expected: string;
}

/** Words a stray character can sit inside: at least three characters, and common enough to be meant. */
export const STRAY_WORD_LENGTH = 3;
export const STRAY_WORD_FREQUENCY = 300;

/** Characters the segmenter never puts inside a word (as in model/words.ts): a clause is cut between them. */
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/**
 * Parts of speech of a character that is a word of grammar (jieba's tags): particles, conjunctions, prepositions,
 * adverbs, pronouns, numerals, measure and location words. Between two words they are text, not slips: 法治和政府
 * is no 法治政府 with a stray 和, 依法不行政 no 依法行政.
 */
const GRAMMAR_TAG = /^(?:u[a-z]?|c|p|d|dg|r|rr|rz|rg|m|mq|q|f|y|e|o|h|k)$/u;
/**
 * A term so common (the domain dictionary's, 依法行政, 行政执法) that a character between its two words is a slip
 * even when both halves are words (行政划执法): reports do not put modifiers inside these terms.
 */
const TERM_FREQUENCY = 10000;
/** Characters that end compounds (法治村, 服务型, 规范化, 示范点): between a term's two words they are meant. */
const COMPOUND_SUFFIX = new Set('省市县区乡镇村组街型化性式类级员站室所点园队户家');
/** Characters of administrative levels: they make compounds the dictionary lacks (全县县乡两级, 全镇镇村干部). */
const LEVEL_CHARACTERS = new Set('省市县区乡镇村组街');
/** A doubled character that is a common word (人人, 常常, 层层, 个个): the language doubles it. */
const REDUPLICATION_FREQUENCY = 20;
/** The words on either side of a doubled character: common enough that the reading is clear. */
const NEIGHBOUR_FREQUENCY = 20;
/** At a clause's edge (位置置。) only the word beside the copy speaks for it: it must be a common one. */
const CLAUSE_EDGE_FREQUENCY = 200;

/** A word a stray character may have broken, cut where the character went in: word[0, at) + stray + word[at…]. */
interface Split {
  word: string;
  at: number;
  frequency: number;
}

export interface SlipDictionary {
  segmenter: Segmenter;
  /** The splits of the words a stray character may have broken, by the pair of characters on either side of it. */
  splits: Map<number, Split[]>;
  /** One bit per hash of the pairs of `splits`: most pairs of a text are none, and a bit says so faster than the map. */
  pairBits: Uint8Array;
  /**
   * One bit per hash of each split's pair with the word's next character outward (`tripleHash`): of the positions
   * whose pair is in `splits`, ~9 in 10 have a neighbour that no split's word has there (measured on the corpus).
   */
  tripleBits: Uint8Array;
  /** Word lengths of the clauses cut so far (bounded). */
  cuts: Map<string, number[]>;
}

/** Two Han characters as one small integer (a V8 Smi, which a Map hashes fastest); isHan keeps both ≥ 0x3400. */
const pairKey = (before: number, after: number) => (before - 0x3400) * 0x6c00 + (after - 0x3400);
const PAIR_HASH_BITS = 20;
/** Fibonacci hashing of both characters (the high bits of the product depend on every bit of the key). */
const pairHash = (before: number, after: number) =>
  Math.imul((before << 16) | after, 0x9e3779b1) >>> (32 - PAIR_HASH_BITS);

/**
 * A hash of a split's pair and the character beside it: `outer` before `before` for a split after the word's second
 * character (its head has two or more), else after `after` (`side` 1).
 */
const tripleHash = (outer: number, before: number, after: number, side: number) =>
  Math.imul(((before << 16) | after) ^ Math.imul(outer + side, 0x85ebca6b), 0x9e3779b1) >>>
  (32 - PAIR_HASH_BITS);

const setBit = (bits: Uint8Array, h: number) => {
  bits[h >>> 3] = (bits[h >>> 3] as number) | (1 << (h & 7));
};

/** The word sets `findSlips` needs, from the segmenter's dictionary (once per process). */
export function slipDictionary(segmenter: Segmenter): SlipDictionary {
  const splits = new Map<number, Split[]>();
  const pairBits = new Uint8Array(1 << (PAIR_HASH_BITS - 3));
  const tripleBits = new Uint8Array(1 << (PAIR_HASH_BITS - 3));
  for (const { word: w, frequency } of segmenter.words(STRAY_WORD_LENGTH, STRAY_WORD_FREQUENCY)) {
    let han = true;
    for (let k = 0; k < w.length && han; k++) han = isHan(w.charCodeAt(k));
    if (!han) continue;
    for (let k = 1; k < w.length; k++) {
      const before = w.charCodeAt(k - 1);
      const after = w.charCodeAt(k);
      setBit(pairBits, pairHash(before, after));
      // Words have three characters or more: a split after the first has one after `after`.
      setBit(
        tripleBits,
        k >= 2
          ? tripleHash(w.charCodeAt(k - 2), before, after, 0)
          : tripleHash(w.charCodeAt(k + 1), before, after, 1),
      );
      const key = pairKey(w.charCodeAt(k - 1), w.charCodeAt(k));
      const split = { word: w, at: k, frequency };
      const list = splits.get(key);
      if (list) list.push(split);
      else splits.set(key, [split]);
    }
  }
  return { segmenter, splits, pairBits, tripleBits, cuts: new Map() };
}

/**
 * Slips in the ranges `[from, to)` of a text (its paragraphs; offsets are the text's), read from its UTF-16 units
 * (`codes`, faster to scan than the string). `skip(offset)` excludes Markdown code and URLs.
 */
export function findSlips(
  text: string,
  codes: Uint16Array,
  ranges: readonly { start: number; end: number }[],
  dict: SlipDictionary,
  skip: (offset: number) => boolean,
): Slip[] {
  const out: Slip[] = [];
  const bits = dict.pairBits;
  for (const { start: from, end: to } of ranges) {
    let before = 0;
    let c = codes[from] as number;
    for (let i = from; i < to - 1; i++) {
      const after = codes[i + 1] as number;
      // The pair's bit first, whatever the characters: one test that fails at ~97 % of positions, where testing
      // three characters for Han first cost more than the rest of the loop (14.6 -> 8.5 ms over the corpus).
      const h = pairHash(before, after);
      if (((bits[h >>> 3] as number) & (1 << (h & 7))) !== 0 || c === after) {
        if (isHan(c)) {
          if (c === after) {
            if (!skip(i)) {
              const slip = doubled(text, i, from, to, dict);
              if (slip) out.push(slip);
            }
          } else if (
            isHan(before) &&
            isHan(after) &&
            mayBreakWord(dict.tripleBits, codes, i, from, to, before, after)
          ) {
            const splits = dict.splits.get(pairKey(before, after));
            if (splits && !skip(i)) {
              const slip = stray(text, codes, i, from, to, splits, dict);
              if (slip) out.push(slip);
            }
          }
        }
      }
      before = c;
      c = after;
    }
  }
  return out;
}

/**
 * Whether `codes[i]` may sit inside a word of `splits` (a necessary condition, from `tripleBits`): the word's next
 * character outward, before `before` or after `after`, is there.
 */
function mayBreakWord(
  bits: Uint8Array,
  codes: Uint16Array,
  i: number,
  from: number,
  to: number,
  before: number,
  after: number,
): boolean {
  let h = tripleHash(i - 2 >= from ? (codes[i - 2] as number) : 0, before, after, 0);
  if (((bits[h >>> 3] as number) & (1 << (h & 7))) !== 0) return true;
  h = tripleHash(i + 2 < to ? (codes[i + 2] as number) : 0, before, after, 1);
  return ((bits[h >>> 3] as number) & (1 << (h & 7))) !== 0;
}

/** The clause around an offset: the run of Han characters the segmenter cuts on its own. */
function clause(text: string, at: number, from: number, to: number): [number, number] {
  let a = at;
  while (a > from && isHan(text.charCodeAt(a - 1))) a--;
  let b = at + 1;
  while (b < to && isHan(text.charCodeAt(b))) b++;
  return [a, b];
}

/** Word boundaries of a clause, as offsets of the text. */
function cut(dict: SlipDictionary, text: string, a: number, b: number): number[] {
  const clauseText = text.slice(a, b);
  let lengths = dict.cuts.get(clauseText);
  if (!lengths) {
    lengths = dict.segmenter.cut(clauseText).map((w) => w.length);
    // An editor relints after each keystroke: the clauses it asks about again are cut once.
    if (dict.cuts.size >= MAX_CUTS) dict.cuts.clear();
    dict.cuts.set(clauseText, lengths);
  }
  const ends = [a];
  let at = a;
  for (const length of lengths) {
    at += length;
    ends.push(at);
  }
  return ends;
}

const MAX_CUTS = 2048;

const frequency = (dict: SlipDictionary, word: string) => dict.segmenter.entry(word)?.frequency ?? 0;

/**
 * `text[i]` and `text[i + 1]` are the same character. A slip when the segmenter leaves one of them a word of its own
 * between two words of two or more characters, one of them holding the other copy (全面|面|推进), and no reading
 * puts both copies in words (工作|作风, 宪法|法律): the language doubles nothing there. Left alone: a doubled
 * character that is itself a common word or inside one (人人, 常常, 家家户户), AABB (扎扎实实), ABB before 的 or 地
 * (亮堂堂的), an office before its head (司法所所长), and the characters of administrative levels.
 */
function doubled(text: string, i: number, from: number, to: number, dict: SlipDictionary): Slip | null {
  const ch = text[i] as string;
  if (LEVEL_CHARACTERS.has(ch)) return null;
  // AABB (认认真真) on either side, and ABB adjectives before 的/地.
  if (text[i + 2] !== undefined && text[i + 2] === text[i + 3] && i + 3 < to) return null;
  if (i - 2 >= from && text[i - 2] === text[i - 1]) return null;
  if (/[的地]/u.test(text[i + 2] ?? '')) return null;
  // An office and its head: 司法所所长, 卫生院院长, 林业站站长 (the office's name may be no dictionary word).
  if (text[i + 2] === '长') return null;
  if (frequency(dict, ch + ch) >= REDUPLICATION_FREQUENCY) return null;
  const [a, b] = clause(text, i, from, to);
  // Asked of the dictionary before the segmenter (cheaper): 工作|作风 has a reading with both copies in words, and a
  // slip needs one copy inside a common word.
  const leftWord = endsWordAt(dict, text, a, i + 1);
  const rightWord = startsWordAt(dict, text, i + 1, b);
  if (leftWord === rightWord) return null;
  const ends = cut(dict, text, a, b);
  const k = ends.indexOf(i + 1);
  if (k < 0) return null; // one word holds both copies (面面俱到, 家家户户)
  const left: [number, number] = [ends[k - 1] as number, i + 1];
  const right: [number, number] = [i + 1, ends[k + 1] as number];
  const leftLen = left[1] - left[0];
  const rightLen = right[1] - right[0];
  // The stray copy stands alone; the other copy ends or starts a longer word.
  let strayAt: number;
  let outer: [number, number] | undefined;
  if (rightLen === 1 && leftLen >= 2) {
    strayAt = i + 1;
    outer = k + 2 < ends.length ? [ends[k + 1] as number, ends[k + 2] as number] : undefined;
  } else if (leftLen === 1 && rightLen >= 2) {
    strayAt = i;
    outer = k >= 2 ? [ends[k - 2] as number, ends[k - 1] as number] : undefined;
  } else return null;
  const word = strayAt === i + 1 ? text.slice(left[0], left[1]) : text.slice(right[0], right[1]);
  const wordFrequency = frequency(dict, word);
  if (wordFrequency < NEIGHBOUR_FREQUENCY) return null;
  if (outer) {
    if (outer[1] - outer[0] < 2) return null;
    if (frequency(dict, text.slice(outer[0], outer[1])) < NEIGHBOUR_FREQUENCY) return null;
  } else if (wordFrequency < CLAUSE_EDGE_FREQUENCY) return null;
  const start = Math.min(left[0], outer?.[0] ?? left[0]);
  const end = Math.max(right[1], outer?.[1] ?? right[1]);
  return {
    type: 'doubled',
    at: strayAt,
    start,
    end,
    expected: text.slice(start, strayAt) + text.slice(strayAt + 1, end),
  };
}

/** Whether a dictionary word of two or more characters ends at `end` (starting at or after `a`). */
function endsWordAt(dict: SlipDictionary, text: string, a: number, end: number): boolean {
  for (let s = end - 2; s >= Math.max(a, end - 6); s--)
    if (dict.segmenter.entry(text.slice(s, end))) return true;
  return false;
}

/** Whether a dictionary word of two or more characters starts at `start` (ending at or before `b`). */
function startsWordAt(dict: SlipDictionary, text: string, start: number, b: number): boolean {
  for (let e = start + 2; e <= Math.min(b, start + 6); e++)
    if (dict.segmenter.entry(text.slice(start, e))) return true;
  return false;
}

/**
 * `text[i]` sits between two characters that are adjacent inside a common word of three or more characters. A slip
 * when deleting it leaves that word, the character is no word of grammar (和, 的, 不…), and the segmenter finds no
 * word it belongs to: it stands alone among fragments (依法|行|安|政).
 */
function stray(
  text: string,
  codes: Uint16Array,
  i: number,
  from: number,
  to: number,
  splits: Split[],
  dict: SlipDictionary,
): Slip | null {
  // The longest word whose head ends before the character and whose tail starts after it.
  let best: [number, number] | null = null;
  let term = false;
  for (const { word, at, frequency } of splits) {
    const s = i - at;
    const e = i + 1 + word.length - at;
    if (s < from || e > to || (best && e - s <= best[1] - best[0])) continue;
    // The word's characters on either side of the stray one, compared unit by unit (no string is made).
    let same = true;
    for (let j = 0; j < word.length && same; j++)
      same = codes[j < at ? s + j : i + 1 + j - at] === word.charCodeAt(j);
    if (same) {
      best = [s, e];
      term = frequency >= TERM_FREQUENCY;
    }
  }
  if (!best) return null;
  const [a, b] = clause(text, i, from, to);
  const [ws, we] = best;
  const tag = dict.segmenter.entry(text[i] as string)?.tag ?? '';
  if (GRAMMAR_TAG.test(tag)) return null;
  // A character that makes a word with a neighbour is no stray (and the segmenter would not leave it alone).
  if (dict.segmenter.entry(text.slice(i - 1, i + 1)) || dict.segmenter.entry(text.slice(i, i + 2)))
    return null;
  const ends = cut(dict, text, a, b);
  // The character is a word of its own, and the segmenter leaves the word it broke in pieces, two or more of them one
  // character long (依法|行|安|政; 加|强行|划|政|执法 counts 行 and 政): 一|是|部分 has one, 法治|型|政府 none.
  if (!ends.includes(i) || !ends.includes(i + 1)) return null;
  let singles = 0;
  for (let j = 1; j < ends.length; j++) {
    const start = Math.max(ws, ends[j - 1] as number);
    const end = Math.min(we, ends[j] as number);
    if (start !== i && end - start === 1) singles++;
  }
  // Between the two words of a term, a character that makes a compound with the first is meant: 民主法治村建设.
  if (singles < 2 && (!term || COMPOUND_SUFFIX.has(text[i] as string))) return null;
  return { type: 'stray', at: i, start: ws, end: we, expected: text.slice(ws, i) + text.slice(i + 1, we) };
}
