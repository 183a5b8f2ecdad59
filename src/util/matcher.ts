/**
 * A multi-pattern matcher (Aho–Corasick): compiled once from a word list, it finds every entry in one pass over
 * the text, whatever the number of entries. Lexicon rules compile it in their kind's `prepare`.
 *
 * Matching works on UTF-16 code units, the unit of every offset in the engine, so astral characters (𠀀) need no
 * special care: a pattern made of whole characters can only match whole characters.
 */

/** One occurrence of a word: `text.slice(start, end) === words[index]`. */
export interface Match {
  start: number;
  end: number;
  /** Index into the compiled word list (the first index when a word is listed twice). */
  index: number;
}

export interface Matcher {
  /** Number of distinct non-empty words. */
  readonly size: number;
  /** Leftmost-longest, non-overlapping occurrences in text order (what a lexicon rule reports). */
  findAll(text: string): Match[];
  /** Every occurrence, overlapping ones included, ordered by start then end (what anchor searches need). */
  findOverlapping(text: string): Match[];
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Nearest node on the fail chain (itself excluded) that ends a word, or -1. */
  output: number;
  /** Index of the word ending here, or -1. */
  word: number;
  depth: number;
}

/** Compiles a word list. Empty strings are ignored; duplicates keep their first index. */
export function compileMatcher(words: readonly string[]): Matcher {
  const nodes: Node[] = [{ next: new Map(), fail: 0, output: -1, word: -1, depth: 0 }];
  let size = 0;
  for (const [index, word] of words.entries()) {
    if (word.length === 0) continue;
    let n = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const node = nodes[n] as Node;
      let child = node.next.get(c);
      if (child === undefined) {
        child = nodes.length;
        nodes.push({ next: new Map(), fail: 0, output: -1, word: -1, depth: node.depth + 1 });
        node.next.set(c, child);
      }
      n = child;
    }
    const end = nodes[n] as Node;
    if (end.word === -1) {
      end.word = index;
      size++;
    }
  }

  // Breadth-first: a node's fail link is the longest proper suffix of its path that is also a path in the trie.
  const queue: number[] = [];
  for (const child of (nodes[0] as Node).next.values()) queue.push(child);
  for (let qi = 0; qi < queue.length; qi++) {
    const id = queue[qi] as number;
    const node = nodes[id] as Node;
    for (const [c, child] of node.next) {
      let f = node.fail;
      while (f !== 0 && !(nodes[f] as Node).next.has(c)) f = (nodes[f] as Node).fail;
      const target = (nodes[f] as Node).next.get(c);
      const childNode = nodes[child] as Node;
      childNode.fail = target !== undefined && target !== child ? target : 0;
      const failNode = nodes[childNode.fail] as Node;
      childNode.output = failNode.word !== -1 ? childNode.fail : failNode.output;
      queue.push(child);
    }
  }

  const scan = (text: string): Match[] => {
    const out: Match[] = [];
    if (size === 0) return out;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        const next = (nodes[state] as Node).next.get(c);
        if (next !== undefined) {
          state = next;
          break;
        }
        if (state === 0) break;
        state = (nodes[state] as Node).fail;
      }
      const here = nodes[state] as Node;
      for (let o = here.word !== -1 ? state : here.output; o !== -1; o = (nodes[o] as Node).output) {
        const node = nodes[o] as Node;
        out.push({ start: i + 1 - node.depth, end: i + 1, index: node.word });
      }
    }
    return out;
  };

  return {
    size,
    findOverlapping(text) {
      return scan(text).sort((a, b) => a.start - b.start || a.end - b.end);
    },
    findAll(text) {
      const all = scan(text).sort((a, b) => a.start - b.start || b.end - a.end);
      const out: Match[] = [];
      let lastEnd = 0;
      for (const m of all) {
        if (m.start < lastEnd) continue;
        out.push(m);
        lastEnd = m.end;
      }
      return out;
    },
  };
}
