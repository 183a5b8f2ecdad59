import { looksInjected } from '../shared/spam.js';
import { hasLineBreak } from './alphabet.js';
import type { Entry, FormulationFinding } from './types.js';

/**
 * The formulation with foreign text inserted: its first anchor here, its last anchor within the window, and every
 * character of the formulation in order in between, the rest forming at most three inserted runs that look injected.
 */
export function injectedFrom(
  text: string,
  at: number,
  e: Entry,
  suffixStarts: number[],
  window: number,
): FormulationFinding | null {
  const t = e.norm;
  const suffix = t.slice(-4);
  // Suffix starts ascend: begin at the first one after the prefix.
  let first = 0;
  let last = suffixStarts.length;
  while (first < last) {
    const mid = (first + last) >> 1;
    if ((suffixStarts[mid] as number) < at + 3) first = mid + 1;
    else last = mid;
  }
  for (let k = first; k < suffixStarts.length; k++) {
    const s = suffixStarts[k] as number;
    const end = s + suffix.length;
    if (end - at > t.length + window) break;
    if (hasLineBreak(text, at, end)) break;
    const runs = insertedRuns(text.slice(at, end), t);
    if (!runs || runs.length === 0) continue;
    const inserted = runs.map(([a, b]) => text.slice(at + a, at + b)).join('');
    if (!looksInjected(inserted)) continue;
    return {
      start: at,
      end,
      entry: e,
      kind: 'injected',
      distance: e.maxDistance + inserted.length,
      runs: runs.map(([a, b]) => [at + a, at + b]),
      fixable: e.fix,
    };
  }
  return null;
}

/** Runs of `span` outside an in-order alignment of `term` (prefix and suffix kept whole), or null when none exists. */
function insertedRuns(span: string, term: string): [number, number][] | null {
  if (span.length <= term.length) return null;
  let p = 0;
  while (p < term.length && span[p] === term[p]) p++;
  let q = 0;
  while (q < term.length - p && span[span.length - 1 - q] === term[term.length - 1 - q]) q++;
  const runs: [number, number][] = [];
  let i = p;
  const stop = span.length - q;
  let runStart = -1;
  for (let j = p; j < term.length - q; j++) {
    while (i < stop && span[i] !== term[j]) {
      if (runStart < 0) runStart = i;
      i++;
    }
    if (i >= stop) return null;
    if (runStart >= 0) {
      runs.push([runStart, i]);
      runStart = -1;
    }
    i++;
  }
  if (i < stop) runs.push([i, stop]);
  return runs.length <= 3 ? runs : null;
}
