import { boundedDistance } from '../../util/fuzzy.js';
import { hanOnly, hasLineBreak } from './alphabet.js';
import type { Entry, FormulationFinding } from './types.js';

/** The text's code units from `at` on, as long as the term and its allowed insertions (no copy: a view). */
export function nearFrom(text: string, codes: Uint16Array, at: number, e: Entry): FormulationFinding | null {
  const window = codes.subarray(at, Math.min(codes.length, at + e.norm.length + e.maxDistance));
  return bestNear(text, window, e.norm, e, (len) => [at, at + len]);
}

/** The same backwards from `end`: the window's units reversed, matched against the reversed term. */
export function nearTo(text: string, codes: Uint16Array, end: number, e: Entry): FormulationFinding | null {
  const from = Math.max(0, end - e.norm.length - e.maxDistance);
  const window = codes.slice(from, end).reverse();
  return bestNear(text, window, e.normReversed, e, (len) => [end - len, end]);
}

/**
 * One edit-distance table of the term against the text window gives the distance of every window prefix at once;
 * the shortest prefix at the smallest distance wins, and the word-distance bound is checked only for it.
 */
function bestNear(
  text: string,
  window: Uint16Array,
  term: string,
  e: Entry,
  span: (len: number) => [number, number],
): FormulationFinding | null {
  const row = prefixDistances(term, window, e.maxDistance);
  if (!row) return null;
  let best: { len: number; d: number } | null = null;
  for (let len = Math.max(1, term.length - e.maxDistance); len < row.length; len++) {
    const d = row[len] as number;
    if (d === 0 || d > e.maxDistance || (best && d >= best.d)) continue;
    const [a, b] = span(len);
    if (nearDistance(text.slice(a, b), e) !== d) continue;
    best = { len, d };
  }
  if (!best) return null;
  const [a, b] = span(best.len);
  return nearFinding(text, a, b, best.d, e);
}

/** Scratch rows of `prefixDistances`, grown as needed (the search runs once per anchor hit: no allocation per call). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance of `term` to every prefix of `window` (index = prefix length), capped at max+1.
 * Only the diagonal band |i − j| ≤ max is computed: outside it the distance is at least |i − j|, so it is the cap.
 * Null when every prefix is beyond `max` (most anchor hits: the text goes on with other words).
 */
function prefixDistances(term: string, window: Uint16Array, max: number): number[] | null {
  const n = window.length;
  const m = term.length;
  const cap = max + 1;
  if (rowA.length < n + 2) {
    rowA = new Int32Array(2 * n + 2);
    rowB = new Int32Array(2 * n + 2);
    rowC = new Int32Array(2 * n + 2);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  prev2.fill(cap, 0, n + 2);
  for (let j = 0; j <= n; j++) prev[j] = Math.min(j, cap);
  prev[n + 1] = cap;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    cur[0] = Math.min(i, cap);
    if (lo - 1 >= 1) cur[lo - 1] = cap;
    let rowMin = cur[0] as number;
    const ti = term.charCodeAt(i - 1);
    const tPrev = i > 1 ? term.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const wj = window[j - 1] as number;
      const cost = ti === wj ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ti === window[j - 2] && tPrev === wj)
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = Math.min(v, cap);
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell right of this band.
    if (hi + 1 <= n) cur[hi + 1] = cap;
    if (rowMin >= cap) return null;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const out: number[] = new Array(n + 1).fill(cap);
  for (let j = Math.max(0, m - max); j <= Math.min(n, m + max); j++) out[j] = prev[j] as number;
  return out;
}

/** Distance to the entry when within bounds (both over all characters and over Chinese characters), else +∞. */
function nearDistance(span: string, e: Entry): number {
  const d = boundedDistance(span, e.norm, e.maxDistance);
  if (d > e.maxDistance) return Number.POSITIVE_INFINITY;
  if (
    e.maxWordDistance < e.maxDistance &&
    boundedDistance(hanOnly(span), e.normWords, e.maxWordDistance) > e.maxWordDistance
  ) {
    return Number.POSITIVE_INFINITY;
  }
  return d;
}

function nearFinding(text: string, start: number, end: number, d: number, e: Entry): FormulationFinding {
  const anchored = text[start] === e.norm[0] && text[end - 1] === e.norm[e.norm.length - 1];
  const fixable = e.fix && anchored && d <= (e.norm.length >= 12 ? 2 : 1) && !hasLineBreak(text, start, end);
  return { start, end, entry: e, kind: 'near', distance: d, runs: [], fixable };
}
