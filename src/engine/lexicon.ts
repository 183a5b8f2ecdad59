import { compileMatcher, leftmostLongest, type Match, type Matcher } from '../util/matcher.js';

interface Scan {
  text: string | Uint16Array;
  hits: Match[];
  byList: Match[][] | null;
}

/** Hands out word-list matchers that all share one automaton. */
export interface Lexicon {
  matcher(words: readonly string[]): Matcher;
}

/**
 * The word lists of every lexicon rule of a linter (typos, web residue, formulations…) in one Aho–Corasick
 * automaton, so a document is scanned once however many rules look words up in it. Each rule gets a matcher with
 * the usual interface that answers from the shared scan of the text it is given (the last two texts are remembered:
 * the rules of one lint ask one after another about the same `model.codes()`, and formulation about its normalized
 * copy of it, in whatever order the rules run).
 */
export function createLexicon(): Lexicon {
  const lists: (readonly string[])[] = [];
  let automaton: Matcher | null = null;
  /** For each word of the automaton, the lists holding it: pairs of list number and index in that list. */
  let owners: number[][] = [];
  /** The last two scans, newest first: their text, hits, and hits split by list (made on the first request). */
  let scans: Scan[] = [];

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

  /** The scan of `text`: every occurrence of every list's words, by start then end. */
  const scanOf = (text: string | Uint16Array): Scan => {
    automaton ??= compile();
    let scan = scans.find((x) => x.text === text);
    if (!scan) {
      scan = { text, hits: automaton.findOverlapping(text), byList: null };
      scans = [scan, ...scans.slice(0, 1)];
    }
    return scan;
  };

  /** One list's hits in the scan of `text`, as that list's indices; a fresh array (callers sort it). */
  const hitsOf = (list: number, text: string | Uint16Array): Match[] => {
    const scan = scanOf(text);
    if (!scan.byList) {
      const byList: Match[][] = lists.map(() => []);
      for (const hit of scan.hits) {
        const o = owners[hit.index] as number[];
        for (let k = 0; k < o.length; k += 2)
          (byList[o[k] as number] as Match[]).push({
            start: hit.start,
            end: hit.end,
            index: o[k + 1] as number,
          });
      }
      scan.byList = byList;
    }
    return (scan.byList[list] as Match[]).slice();
  };

  return {
    matcher(words) {
      const list = lists.push([...words]) - 1;
      // A list added after a scan (another config's options) makes the automaton be built again, once.
      automaton = null;
      scans = [];
      const own = (text: string | Uint16Array): Match[] => hitsOf(list, text);
      return {
        size: new Set(words.filter((w) => w.length > 0)).size,
        findOverlapping: own,
        findAll: (text) => leftmostLongest(own(text)),
      };
    },
  };
}
