import { getSegmenter, type TaggedWord } from '../segment/index.js';
import { partitionPoint } from '../util/search.js';
import type { TaggedToken } from './types.js';

/**
 * Characters the segmenter never puts inside a word. jieba (without HMM) first splits the text into runs of Han
 * characters, ASCII letters, digits and `+#&._%-`, and cuts each run on its own; every other character is a token
 * of its own (except CR LF, one token). So the words between two of these characters are the same whether the
 * segmenter sees the whole text or only that stretch: a word-boundary question needs only the clause around it.
 * The list is deliberately narrow (spaces, line breaks and common punctuation); a character missing from it only
 * makes a stretch longer, never wrong.
 */
const BREAK = new Uint8Array(65536);
for (const ch of ' \t\n\r\f\v\u00a0\u3000，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·,;:!?()"\'[]{}<>/\\|@$^*=~`')
  BREAK[ch.charCodeAt(0)] = 1;

/**
 * Word ends of recently cut stretches, by stretch text, shared by every document of the process: an editor relints
 * after each keystroke, and all clauses but the edited one are the same. Bounded; the oldest entry goes first.
 */
const recentCuts = new Map<string, number[]>();
const MAX_RECENT_CUTS = 4096;
const MAX_CACHED_STRETCH = 1000;

/** Offsets (relative to the stretch) where the segmenter ends a word. */
function wordEnds(stretch: string): number[] {
  let ends = recentCuts.get(stretch);
  if (!ends) {
    ends = [];
    let at = 0;
    for (const word of getSegmenter().cut(stretch)) {
      at += word.length;
      ends.push(at);
    }
    if (stretch.length > MAX_CACHED_STRETCH) return ends;
    if (recentCuts.size >= MAX_RECENT_CUTS) recentCuts.delete(recentCuts.keys().next().value as string);
    recentCuts.set(stretch, ends);
  }
  return ends;
}

interface Stretch {
  start: number;
  end: number;
  /** Offsets inside the stretch where a word ends. */
  boundaries: Set<number>;
}

/**
 * Answers "does a word start or end at this offset?" for one text, segmenting only the stretches between break
 * characters that are asked about, each once. A whole-text cut costs about 1 ms per 1,000 characters; a lexicon
 * rule asks about a handful of places.
 */
export function wordBoundaryTester(text: string): (offset: number) => boolean {
  /** Stretches already cut, sorted by start (disjoint). */
  const cut: Stretch[] = [];
  const isBreak = (i: number) => BREAK[text.charCodeAt(i)] === 1;
  /** Index of the first cut stretch ending after `offset`. */
  const firstEndingAfter = (offset: number) => partitionPoint(cut, (s) => s.end > offset);
  return (offset) => {
    if (offset < 0 || offset > text.length) return false;
    if (offset === 0 || offset === text.length) return text.length > 0;
    if (isBreak(offset - 1) || isBreak(offset)) {
      // CR LF is one token; every other break character stands alone.
      return !(text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10);
    }
    const k = firstEndingAfter(offset);
    let stretch = cut[k];
    if (!stretch || stretch.start >= offset) {
      const [start, end] = stretchAround(text, offset - 1);
      stretch = { start, end, boundaries: new Set() };
      for (const e of wordEnds(text.slice(start, end))) stretch.boundaries.add(start + e);
      cut.splice(k, 0, stretch);
    }
    return stretch.boundaries.has(offset);
  };
}

/** The stretch of non-break characters holding the character at `i` (not itself a break). */
function stretchAround(text: string, i: number): [number, number] {
  let start = i;
  while (start > 0 && BREAK[text.charCodeAt(start - 1)] !== 1) start--;
  let end = i + 1;
  while (end < text.length && BREAK[text.charCodeAt(end)] !== 1) end++;
  return [start, end];
}

/**
 * Answers "which word, with which part of speech, holds this offset?" for one text, tagging only the stretches
 * asked about, each once (rules ask about the neighbours of a few candidates). A break character is a word of its
 * own, tagged `x` as jieba tags punctuation.
 */
export function taggedWordFinder(text: string): (offset: number) => TaggedToken | null {
  /** Tagged words of the stretches already cut, by stretch start. */
  const byStart = new Map<number, TaggedToken[]>();
  return (offset) => {
    if (offset < 0 || offset >= text.length) return null;
    if (BREAK[text.charCodeAt(offset)] === 1) {
      const crlf = text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10;
      const start =
        text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
      const end = crlf ? offset + 2 : offset + 1;
      return { word: text.slice(start, end), start, end, tag: 'x' };
    }
    const [start, end] = stretchAround(text, offset);
    let words = byStart.get(start);
    if (!words) {
      words = [];
      let at = start;
      for (const w of getSegmenter().tag(text.slice(start, end)) as TaggedWord[]) {
        words.push({ word: w.word, tag: w.tag, start: at, end: at + w.word.length });
        at += w.word.length;
      }
      byStart.set(start, words);
    }
    return words[partitionPoint(words, (w) => w.end > offset)] ?? null;
  };
}
