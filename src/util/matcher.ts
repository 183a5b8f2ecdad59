/**
 * A multi-pattern matcher (Aho–Corasick): compiled once from a word list, it finds every entry in one pass over
 * the text, whatever the number of entries. Lexicon rules compile it in their kind's `prepare`.
 *
 * Matching works on UTF-16 code units, the unit of every offset in the engine, so astral characters (𠀀) need no
 * special care: a pattern made of whole characters can only match whole characters.
 */

import { type CharBits, charBits, hasChar } from './charset.js';
import { utf16Codes } from './codes.js';

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
  /**
   * Leftmost-longest, non-overlapping occurrences in text order (what a lexicon rule reports). The text may be given
   * as its UTF-16 code units (`DocumentModel.codes()`), which saves the copy.
   */
  findAll(text: string | Uint16Array): Match[];
  /** Every occurrence, overlapping ones included, ordered by start then end (what anchor searches need). */
  findOverlapping(text: string | Uint16Array): Match[];
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

  const output = Int32Array.from(nodes, (n) => n.output);
  const wordAt = Int32Array.from(nodes, (n) => n.word);
  const depth = Int32Array.from(nodes, (n) => n.depth);
  const dense = denseTransitions(nodes, queue);
  const step = dense ? null : sparseTransitions(nodes);

  const scan = (text: string | Uint16Array): Match[] => {
    const out: Match[] = [];
    if (size === 0) return out;
    const codes = typeof text === 'string' ? utf16Codes(text) : text;
    const report = (state: number, end: number) => {
      for (
        let o = wordAt[state] !== -1 ? state : (output[state] as number);
        o !== -1;
        o = output[o] as number
      ) {
        out.push({ start: end - (depth[o] as number), end, index: wordAt[o] as number });
      }
    };
    let state = 0;
    if (dense) {
      // The hot loop of every lexicon rule: one table lookup per character.
      const { table, column, width, inWords, startsWord, emits } = dense;
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i] as number;
        // Most characters of a report start no word and occur in none: tested on bitsets that stay in cache. At
        // the root (most of the time) only a word's first character moves on; common characters such as 法 or 治
        // occur inside many words but start few.
        if (state === 0) {
          if (!hasChar(startsWord, c)) continue;
        } else if (!hasChar(inWords, c)) {
          state = 0;
          continue;
        }
        state = table[state * width + (column[c] as number)] as number;
        if (emits[state] === 1) report(state, i + 1);
      }
    } else if (step) {
      for (let i = 0; i < codes.length; i++) {
        state = step(state, codes[i] as number);
        if (state !== 0) report(state, i + 1);
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
      return leftmostLongest(scan(text));
    },
  };
}

/** The leftmost-longest, non-overlapping matches of a set of occurrences (sorted in place), in text order. */
export function leftmostLongest(matches: Match[]): Match[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let lastEnd = 0;
  for (const m of matches) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** Above this many table cells (4 bytes each) the automaton keeps its sparse transitions. */
const MAX_DENSE_CELLS = 1 << 20;

/**
 * The automaton as a table: one row per state, one column per character of the word list (column 0 for every other
 * character, which leads back to the root), failure links folded in, so a step is one lookup. Word lists of lexicon
 * rules have a few hundred states over a few hundred characters; null when the table would be too large.
 */
interface DenseTransitions {
  /** Row `state * width`, column `column[c]`: the next state (16 bits: half the cache lines of 32). */
  table: Uint16Array;
  column: Uint16Array;
  width: number;
  /** The characters of the words (8 KB, where `column` takes 128 KB). */
  inWords: CharBits;
  /** The first characters of the words: the only ones that leave the root. */
  startsWord: CharBits;
  /** 1 for a state that ends a word or has one on its fail chain. */
  emits: Uint8Array;
}

function denseTransitions(nodes: Node[], breadthFirst: number[]): DenseTransitions | null {
  const column = new Uint16Array(0x10000);
  const chars: number[] = [];
  for (const node of nodes) {
    for (const c of node.next.keys()) {
      if (column[c] === 0) {
        chars.push(c);
        column[c] = chars.length;
      }
    }
  }
  const width = chars.length + 1;
  if (nodes.length * width > MAX_DENSE_CELLS || nodes.length > 0xffff) return null;
  const table = new Uint16Array(nodes.length * width);
  for (const [c, child] of (nodes[0] as Node).next) table[column[c] as number] = child;
  // Breadth-first, a state's failure state (shallower) has its row filled before the state itself.
  for (const id of breadthFirst) {
    const node = nodes[id] as Node;
    const row = id * width;
    const failRow = node.fail * width;
    for (let k = 1; k < width; k++) {
      table[row + k] = node.next.get(chars[k - 1] as number) ?? (table[failRow + k] as number);
    }
  }
  const emits = Uint8Array.from(nodes, (n) => (n.word !== -1 || n.output !== -1 ? 1 : 0));
  return {
    table,
    column,
    width,
    inWords: charBits(chars),
    startsWord: charBits((nodes[0] as Node).next.keys()),
    emits,
  };
}

/** Transitions through per-state maps and failure links, for word lists too large for `denseTransitions`. */
function sparseTransitions(nodes: Node[]): (state: number, c: number) => number {
  const next = nodes.map((n) => n.next);
  const fail = Int32Array.from(nodes, (n) => n.fail);
  const inWords = charBits(nodes.flatMap((node) => [...node.next.keys()]));
  return (state, c) => {
    if (!hasChar(inWords, c)) return 0;
    for (let s = state; ; s = fail[s] as number) {
      const to = (next[s] as Map<number, number>).get(c);
      if (to !== undefined) return to;
      if (s === 0) return 0;
    }
  };
}
