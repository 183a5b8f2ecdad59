import { compileMatcher, leftmostLongest, type Match, type Matcher } from '../util/matcher.js';

/** Hands out word-list matchers that all share one automaton. */
export interface Lexicon {
  matcher(words: readonly string[]): Matcher;
}

/**
 * The word lists of every lexicon rule of a linter (typos, web residue, formulations…) in one Aho–Corasick
 * automaton, so a document is scanned once however many rules look words up in it. Each rule gets a matcher with
 * the usual interface that answers from the shared scan of the text it is given (the last text is remembered: the
 * rules of one lint ask one after another about the same `model.codes()`).
 */
export function createLexicon(): Lexicon {
  const lists: (readonly string[])[] = [];
  let automaton: Matcher | null = null;
  /** For each word of the automaton, the lists holding it: pairs of list number and index in that list. */
  let owners: number[][] = [];
  let lastText: string | Uint16Array | null = null;
  let lastHits: Match[] = [];

  const compile = (): Matcher => {
    const words: string[] = [];
    const wordIndex = new Map<string, number>();
    owners = [];
    lists.forEach((list, l) => {
      const seen = new Set<string>();
      list.forEach((word, i) => {
        // As in compileMatcher: empty words are ignored, a repeated word keeps its first index.
        if (word.length === 0 || seen.has(word)) return;
        seen.add(word);
        let u = wordIndex.get(word);
        if (u === undefined) {
          u = words.push(word) - 1;
          wordIndex.set(word, u);
          owners.push([]);
        }
        (owners[u] as number[]).push(l, i);
      });
    });
    return compileMatcher(words);
  };

  /** Every occurrence of every list's words, by start then end. */
  const hitsIn = (text: string | Uint16Array): Match[] => {
    automaton ??= compile();
    if (text !== lastText) {
      lastHits = automaton.findOverlapping(text);
      lastText = text;
    }
    return lastHits;
  };

  return {
    matcher(words) {
      const list = lists.push([...words]) - 1;
      // A list added after a scan (another config's options) makes the automaton be built again, once.
      automaton = null;
      lastText = null;
      const own = (text: string | Uint16Array): Match[] => {
        const out: Match[] = [];
        for (const hit of hitsIn(text)) {
          const o = owners[hit.index] as number[];
          for (let k = 0; k < o.length; k += 2)
            if (o[k] === list) out.push({ start: hit.start, end: hit.end, index: o[k + 1] as number });
        }
        return out;
      };
      return {
        size: new Set(words.filter((w) => w.length > 0)).size,
        findOverlapping: own,
        findAll: (text) => leftmostLongest(own(text)),
      };
    },
  };
}
