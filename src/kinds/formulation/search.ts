import type { DocumentModel } from '../../model/types.js';
import { fromUtf16Codes } from '../../util/codes.js';
import type { Match } from '../../util/matcher.js';
import { partitionPoint } from '../../util/search.js';
import { normalizedCodes } from '../shared/normalized.js';
import { ignoredTester } from '../shared/ranges.js';
import { injectedFrom } from './injected.js';
import { nearFrom, nearTo } from './near.js';
import type { CompiledFormulations, Entry, FormulationFinding, Formulations, Role } from './types.js';

/**
 * Runs the search: wrong variants, near misses and injected formulations, non-overlapping, in text order; plus the
 * exact occurrences (for the anachronism check). Once per document and compilation; callers must not modify it.
 */
export function findFormulations(model: DocumentModel, c: CompiledFormulations): Formulations {
  return model.derived(c, (m) => search(m, c));
}

function search(model: DocumentModel, c: CompiledFormulations): Formulations {
  const original = model.codes();
  const codes = normalizedCodes(model);
  // Most reports have nothing to normalise: then the model's own text and units serve, and the lexicon's scan of
  // them is the one typo and web-residue use.
  const text = codes === original ? model.text : fromUtf16Codes(codes);
  const ignored = ignoredTester(model.ignoredRanges);
  const hits = c.matcher.findOverlapping(codes);

  // Exact forms and allowed look-alikes, leftmost-longest; then variants, leftmost-longest among themselves and
  // dropped only when an exact form contains them (党的十九大五中全会 is a variant although 党的十九大 is exact).
  const covered: [number, number][] = [];
  const exact: { start: number; end: number; entry: Entry }[] = [];
  for (const h of leftmostLongest(
    hits,
    (roles) => roles.some((r) => r.type === 'term' || r.type === 'allow'),
    c,
  )) {
    const term = (c.roles[h.index] as Role[]).find((r) => r.type === 'term');
    if (term) exact.push({ start: h.start, end: h.end, entry: c.entries[term.entry] as Entry });
    covered.push([h.start, h.end]);
  }
  // `covered` is sorted and non-overlapping: binary search for the last range starting before `e`.
  const isCovered = (st: number, e: number) => {
    const last = covered[partitionPoint(covered, (c) => c[0] >= e) - 1];
    return last !== undefined && last[1] > st;
  };
  const candidates: FormulationFinding[] = [];
  for (const h of leftmostLongest(hits, (roles) => roles.some((r) => r.type === 'variant'), c)) {
    if (isCovered(h.start, h.end) && coveredWhole(covered, h.start, h.end)) continue;
    const variant = (c.roles[h.index] as Role[]).find((r) => r.type === 'variant') as Role;
    const entry = c.entries[variant.entry] as Entry;
    if (entry.since && model.year !== null && model.year < entry.since) continue;
    if (entry.notAfter.some((a) => model.text.startsWith(a, h.start - a.length))) continue;
    if (ignored(h.start, h.end)) continue;
    candidates.push({
      start: h.start,
      end: h.end,
      entry,
      kind: 'variant',
      distance: 0,
      runs: [],
      fixable: entry.fix,
    });
  }

  // Near misses and injections, from the anchors that stand where no exact form does.
  const suffixHits = new Map<number, number[]>(); // entry → suffix starts, ascending
  for (const h of hits) {
    for (const r of c.roles[h.index] as Role[]) {
      if (r.type !== 'suffix') continue;
      let list = suffixHits.get(r.entry);
      if (!list) {
        list = [];
        suffixHits.set(r.entry, list);
      }
      list.push(h.start);
    }
  }
  const fuzzy: FormulationFinding[] = [];
  for (const h of hits) {
    for (const r of c.roles[h.index] as Role[]) {
      if (r.type !== 'prefix' && r.type !== 'suffix') continue;
      const entry = c.entries[r.entry] as Entry;
      if (isCovered(h.start, h.end)) continue;
      const near =
        r.type === 'prefix' ? nearFrom(text, codes, h.start, entry) : nearTo(text, codes, h.end, entry);
      if (near) {
        fuzzy.push(near);
        continue;
      }
      if (r.type === 'prefix') {
        const injected = injectedFrom(text, h.start, entry, suffixHits.get(r.entry) ?? [], c.injectionWindow);
        if (injected) fuzzy.push(injected);
      }
    }
  }
  // Best first: exact variants, then the closest near misses; overlapping weaker ones are dropped.
  fuzzy.sort((a, b) => a.distance - b.distance || a.start - b.start || b.end - b.start - (a.end - a.start));
  // Accepted findings never overlap: kept sorted by start, an overlap test is a binary search (a long document has
  // thousands of them).
  const accepted: FormulationFinding[] = [...candidates];
  const byStart = [...fuzzy].sort((a, b) => a.start - b.start);
  const longest = fuzzy.reduce((n, f) => Math.max(n, f.end - f.start), 0);
  for (const f of fuzzy) {
    if (isCovered(f.start, f.end) || ignored(f.start, f.end)) continue;
    const at = firstEndingAfter(accepted, f.start);
    const next = accepted[at];
    if (next && next.start < f.end) continue;
    if (f.fixable) {
      // Another formulation about as close makes the fix a guess.
      for (let k = firstStartingAfter(byStart, f.start - longest); k < byStart.length; k++) {
        const g = byStart[k] as FormulationFinding;
        if (g.start >= f.end) break;
        if (g.entry !== f.entry && f.start < g.end && g.distance <= f.distance + 1) {
          f.fixable = false;
          break;
        }
      }
    }
    accepted.splice(at, 0, f);
  }
  return { findings: accepted, exact };
}

/** In findings sorted by start and disjoint: the index of the first one ending after `offset`. */
function firstEndingAfter(sorted: FormulationFinding[], offset: number): number {
  return partitionPoint(sorted, (f) => f.end > offset);
}

/** In findings sorted by start: the index of the first one starting after `offset`. */
function firstStartingAfter(sorted: FormulationFinding[], offset: number): number {
  return partitionPoint(sorted, (f) => f.start > offset);
}

/** Whether one range of `covered` (sorted, disjoint) holds [start, end): only the last one starting by `start` can. */
function coveredWhole(covered: [number, number][], start: number, end: number): boolean {
  const last = covered[partitionPoint(covered, (c) => c[0] > start) - 1];
  return last !== undefined && end <= last[1];
}

function leftmostLongest(hits: Match[], keep: (roles: Role[]) => boolean, c: CompiledFormulations): Match[] {
  const out: Match[] = [];
  let lastEnd = 0;
  const sorted = hits
    .filter((h) => keep(c.roles[h.index] as Role[]))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const h of sorted) {
    if (h.start < lastEnd) continue;
    out.push(h);
    lastEnd = h.end;
  }
  return out;
}
