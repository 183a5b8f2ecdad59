import type { Report } from '../engine/types.js';
import type { DocumentModel } from '../model/types.js';
import { charBits, hasChar } from '../util/charset.js';
import { fromUtf16Codes, utf16Codes } from '../util/codes.js';
import { boundedDistance } from '../util/fuzzy.js';
import { compileMatcher, type Match, type Matcher } from '../util/matcher.js';
import { allMatches } from '../util/regex.js';
import { partitionPoint } from '../util/search.js';
import { defineKind } from './define.js';
import { ignoredTester } from './shared/ranges.js';
import { looksInjected } from './shared/spam.js';

/** One standard formulation (规范表述) and what is known about writing it wrongly. */
export interface FormulationEntry {
  /** The exact form, with full-width punctuation: 《》 are not part of it (a nested title takes 〈〉). */
  term: string;
  /** Known wrong forms, reported wherever they stand and fixed to `term`. */
  variants?: string[];
  /** Other correct formulations that look like this one (习近平经济思想 next to 习近平法治思想). */
  allow?: string[];
  /** Characters a near miss may differ by (inserted, dropped, replaced, swapped); 0 reports only `variants`. */
  maxDistance?: number;
  /** Of these, how many may be Chinese characters (the rest being digits and punctuation); default `maxDistance`. */
  maxWordDistance?: number;
  /** When the formulation came into being (YYYY-MM): citing it in the report of an earlier year is an anachronism. */
  held?: string;
  /** `variants` count as wrong only in reports of this year and later (法制副校长 was the name until 2021). */
  since?: number;
  /** A variant preceded by one of these strings is part of another word and not reported. */
  notAfter?: string[];
  /** Whether fixes are offered (default true). */
  fix?: boolean;
}

interface Options {
  formulations: FormulationEntry[];
  /** Series that have a fixed order (尊法、学法、守法、用法), reported when all parts appear in another order. */
  ordered: string[][];
  /** How many characters an injected advert may span inside a formulation. */
  injectionWindow: number;
}

type RoleType = 'term' | 'allow' | 'variant' | 'prefix' | 'suffix';
interface Role {
  entry: number;
  type: RoleType;
}

interface Entry extends Required<Omit<FormulationEntry, 'held' | 'since'>> {
  held: string | null;
  since: number;
  /** `term` in the matching alphabet (see `normalize`). */
  norm: string;
  normWords: string;
  /** `norm` backwards, for near misses found from the end anchor. */
  normReversed: string;
}

export interface CompiledFormulations {
  entries: Entry[];
  matcher: Matcher;
  words: string[];
  roles: Role[][];
  injectionWindow: number;
  ordered: { parts: string[]; re: RegExp }[];
  /** Plenum lists (十九届二中、三中、四中全会), expanded for the anachronism check. */
  heldByTerm: Map<string, string>;
}

/** A finding of the formulation search, shared with `web-residue` (which must not fix what this rule fixes). */
export interface FormulationFinding {
  start: number;
  end: number;
  entry: Entry;
  kind: 'variant' | 'near' | 'injected';
  distance: number;
  /** For `injected`: the inserted runs, as absolute offsets. */
  runs: [number, number][];
  fixable: boolean;
}

const PLENUM_LIST =
  /(十九|二十)届(?:中央)?([一二三四五六七八九]中(?:(?:[、，,和及与]|以及)[一二三四五六七八九]中)+)全会/gu;
const PLENUM_ITEM = /[一二三四五六七八九]中/gu;

/**
 * Standard formulations written wrongly: known wrong variants, near misses (characters inserted, dropped, replaced
 * or swapped), formulations with an advert injected inside, series in the wrong order, and formulations cited in
 * the report of a year before they existed.
 *
 * The search is one pass of one Aho–Corasick automaton over the text, for every entry at once: exact forms, known
 * variants, and two anchors per entry (its first 3 and last 4 characters). Only where an anchor stands without the
 * exact form is the bounded edit distance computed, so the cost stays linear in the text. Half- and full-width
 * punctuation and the hyphen-like dashes compare equal: their form is the business of the punctuation rules.
 *
 * Fixes: known variants; near misses whose first and last characters are the formulation's own (both ends anchored)
 * and that are no closer to another entry; and formulations with an advert injected inside, which are restored to
 * the exact form. That last fix belongs to this rule alone: `web-residue` reports the same advert without a fix (it
 * calls `findFormulations` with this rule's options), so `--fix` never sees two fixes for one span.
 */
export default defineKind<Options>({
  name: 'formulation',
  description: '规范表述（重要思想、会议、文件名称、固定提法）的错误写法、近似写法和混入文字',
  options: {
    formulations: {
      type: 'object',
      required: true,
      description: '规范表述列表：term、variants、allow、maxDistance、held…',
    },
    ordered: { type: 'object', default: [], description: '固定顺序的并列提法，如 [尊法, 学法, 守法, 用法]' },
    injectionWindow: { type: 'number', default: 40, description: '规范表述中混入文字的最大长度' },
  },
  messages: {
    default: '“{found}”不是规范表述，应写作“{term}”',
    injected: '规范表述“{term}”中混入了无关文字“{injected}”，应写作“{term}”',
    order: '“{found}”顺序不规范，应写作“{term}”',
    anachronism: '“{found}”是{held}才有的提法，不应出现在{year}年度的报告中：请核对',
  },
  validate(o) {
    return validateFormulations(o);
  },
  prepare(o, env) {
    return compileFormulations(o, env.matcher);
  },
  check(model, o, prepared) {
    const c = prepared as CompiledFormulations;
    const reports: Report[] = [];
    const { findings, exact } = findFormulations(model, c);
    for (const f of findings) {
      const term = f.entry.term;
      const found = model.text.slice(f.start, f.end);
      const fix = f.fixable ? { fix: { range: [f.start, f.end] as [number, number], text: term } } : {};
      if (f.kind === 'injected') {
        const first = f.runs[0] as [number, number];
        const last = f.runs[f.runs.length - 1] as [number, number];
        reports.push({
          messageId: 'injected',
          start: f.start,
          end: f.end,
          data: { term, found, injected: model.text.slice(first[0], last[1]) },
          ...fix,
        });
      } else reports.push({ start: f.start, end: f.end, data: { term, found }, ...fix });
    }
    if (model.year !== null) reports.push(...anachronisms(model, c, exact, model.year));
    reports.push(...orderReports(model, c, o));
    return reports.sort((a, b) => a.start - b.start || a.end - b.end);
  },
});

function validateFormulations(o: Options): { option: string; message: string }[] {
  const problems: { option: string; message: string }[] = [];
  if (!Array.isArray(o.formulations)) return [{ option: 'formulations', message: '“formulations” 应为列表' }];
  for (const [i, e] of (o.formulations as unknown[]).entries()) {
    const where = `第 ${i + 1} 项`;
    if (
      typeof e !== 'object' ||
      e === null ||
      typeof (e as FormulationEntry).term !== 'string' ||
      (e as FormulationEntry).term.length === 0
    ) {
      problems.push({ option: 'formulations', message: `${where}缺少 term（规范表述的准确写法）` });
      continue;
    }
    const f = e as FormulationEntry;
    for (const key of Object.keys(f)) {
      if (
        ![
          'term',
          'variants',
          'allow',
          'maxDistance',
          'maxWordDistance',
          'held',
          'since',
          'notAfter',
          'fix',
        ].includes(key)
      ) {
        problems.push({ option: 'formulations', message: `${where}（${f.term}）有未知字段 “${key}”` });
      }
    }
    for (const key of ['variants', 'allow', 'notAfter'] as const) {
      const v = f[key];
      if (v !== undefined && (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.length > 0))) {
        problems.push({
          option: 'formulations',
          message: `${where}（${f.term}）的 ${key} 应为非空字符串列表`,
        });
      }
    }
    for (const v of f.variants ?? []) {
      if (normalize(f.term).includes(normalize(v)))
        problems.push({
          option: 'formulations',
          message: `${where}：错误写法“${v}”包含在规范表述“${f.term}”中，修复会永不停止`,
        });
    }
    if (f.held !== undefined && !/^\d{4}-\d{2}$/.test(String(f.held)))
      problems.push({ option: 'formulations', message: `${where}（${f.term}）的 held 应写作 YYYY-MM` });
    for (const key of ['maxDistance', 'maxWordDistance', 'since'] as const) {
      const v = f[key];
      if (v !== undefined && (typeof v !== 'number' || v < 0 || !Number.isInteger(v)))
        problems.push({ option: 'formulations', message: `${where}（${f.term}）的 ${key} 应为非负整数` });
    }
    if ((f.maxDistance ?? 0) > 0 && f.term.length < 5)
      problems.push({
        option: 'formulations',
        message: `${where}（${f.term}）太短，不能做近似匹配（maxDistance 应为 0）`,
      });
  }
  if (
    !Array.isArray(o.ordered) ||
    !o.ordered.every(
      (s) => Array.isArray(s) && s.length >= 2 && s.every((x) => typeof x === 'string' && x.length > 0),
    )
  ) {
    problems.push({ option: 'ordered', message: '“ordered” 应为列表的列表，每项至少两个非空字符串' });
  }
  return problems;
}

const compiledByOptions = new WeakMap<object, CompiledFormulations>();

/**
 * Compiles the entries once per options object: `prepare` and `web-residue` (which reads this rule's options) share
 * one compilation, and so one search per document (see `findFormulations`). `matcher` builds the anchor matcher
 * (the engine's shared lexicon when called from `prepare`).
 */
export function compileFormulations(
  o: Options,
  matcher: (words: readonly string[]) => Matcher = compileMatcher,
): CompiledFormulations {
  let compiled = compiledByOptions.get(o);
  if (!compiled) {
    compiled = compile(o, matcher);
    compiledByOptions.set(o, compiled);
  }
  return compiled;
}

function compile(o: Options, matcher: (words: readonly string[]) => Matcher): CompiledFormulations {
  const entries: Entry[] = o.formulations.map((f) => {
    const norm = normalize(f.term);
    const maxDistance = f.maxDistance ?? 0;
    return {
      term: f.term,
      variants: f.variants ?? [],
      allow: f.allow ?? [],
      maxDistance,
      maxWordDistance: f.maxWordDistance ?? maxDistance,
      held: f.held ?? null,
      since: f.since ?? 0,
      notAfter: f.notAfter ?? [],
      fix: f.fix ?? true,
      norm,
      normWords: hanOnly(norm),
      normReversed: reverse(norm),
    };
  });
  const index = new Map<string, number>();
  const words: string[] = [];
  const roles: Role[][] = [];
  const add = (word: string, role: Role) => {
    let i = index.get(word);
    if (i === undefined) {
      i = words.length;
      index.set(word, i);
      words.push(word);
      roles.push([]);
    }
    (roles[i] as Role[]).push(role);
  };
  for (const [i, e] of entries.entries()) {
    add(e.norm, { entry: i, type: 'term' });
    for (const a of e.allow) add(normalize(a), { entry: i, type: 'allow' });
    for (const v of e.variants) add(normalize(v), { entry: i, type: 'variant' });
    if (e.maxDistance > 0) {
      add(e.norm.slice(0, 3), { entry: i, type: 'prefix' });
      add(e.norm.slice(-4), { entry: i, type: 'suffix' });
    }
  }
  const heldByTerm = new Map<string, string>();
  for (const e of entries) if (e.held) heldByTerm.set(e.term, e.held);
  const ordered = (o.ordered ?? []).map((parts) => {
    const alt = parts.map(escapeRegExp).join('|');
    return { parts, re: new RegExp(`(?:${alt})(?:[、，,和及与]?(?:${alt})){${parts.length - 1}}`, 'gu') };
  });
  return {
    entries,
    matcher: matcher(words),
    words,
    roles,
    injectionWindow: o.injectionWindow ?? 40,
    ordered,
    heldByTerm,
  };
}

interface Formulations {
  findings: FormulationFinding[];
  exact: { start: number; end: number; entry: Entry }[];
}

/**
 * Runs the search: wrong variants, near misses and injected formulations, non-overlapping, in text order; plus the
 * exact occurrences (for the anachronism check). Once per document and compilation; callers must not modify it.
 */
export function findFormulations(model: DocumentModel, c: CompiledFormulations): Formulations {
  return model.derived(c, (m) => search(m, c));
}

function search(model: DocumentModel, c: CompiledFormulations): Formulations {
  const original = model.codes();
  const codes = normalizeCodes(original);
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

/** The text's code units from `at` on, as long as the term and its allowed insertions (no copy: a view). */
function nearFrom(text: string, codes: Uint16Array, at: number, e: Entry): FormulationFinding | null {
  const window = codes.subarray(at, Math.min(codes.length, at + e.norm.length + e.maxDistance));
  return bestNear(text, window, e.norm, e, (len) => [at, at + len]);
}

/** The same backwards from `end`: the window's units reversed, matched against the reversed term. */
function nearTo(text: string, codes: Uint16Array, end: number, e: Entry): FormulationFinding | null {
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

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
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

/**
 * The formulation with foreign text inserted: its first anchor here, its last anchor within the window, and every
 * character of the formulation in order in between, the rest forming at most three inserted runs that look injected.
 */
function injectedFrom(
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

function anachronisms(
  model: DocumentModel,
  c: CompiledFormulations,
  exact: { start: number; end: number; entry: Entry }[],
  year: number,
): Report[] {
  const limit = `${year + 1}-03`;
  const reports: Report[] = [];
  const report = (start: number, end: number, found: string, held: string) => {
    const [y, m] = held.split('-');
    reports.push({
      messageId: 'anachronism',
      start,
      end,
      severity: 'warning',
      data: { found, held: `${y}年${Number(m)}月`, year },
    });
  };
  for (const x of exact)
    if (x.entry.held && x.entry.held > limit) report(x.start, x.end, x.entry.term, x.entry.held);
  for (const m of allMatches(PLENUM_LIST, model.text)) {
    const session = m[1] as string;
    const listStart = (m.index ?? 0) + m[0].indexOf(m[2] as string);
    for (const item of allMatches(PLENUM_ITEM, m[2] as string)) {
      const term = `${session}届${item[0]}全会`;
      const held = c.heldByTerm.get(term);
      const start = listStart + (item.index ?? 0);
      if (held && held > limit) report(start, start + item[0].length, term, held);
    }
  }
  return reports;
}

function orderReports(model: DocumentModel, c: CompiledFormulations, _o: Options): Report[] {
  const reports: Report[] = [];
  const ignored = ignoredTester(model.ignoredRanges);
  for (const { parts, re } of c.ordered) {
    for (const m of allMatches(re, model.text)) {
      const start = m.index ?? 0;
      const found = m[0];
      // Split into the parts as written and the separators between them.
      const seen: string[] = [];
      const seps: string[] = [];
      let i = 0;
      while (i < found.length) {
        const part = parts.find((p) => found.startsWith(p, i));
        if (part) {
          seen.push(part);
          i += part.length;
          continue;
        }
        const sepStart = i;
        while (i < found.length && !parts.some((p) => found.startsWith(p, i))) i++;
        seps.push(found.slice(sepStart, i));
      }
      if (new Set(seen).size !== parts.length || seen.every((p, k) => p === parts[k])) continue;
      if (ignored(start, start + found.length)) continue;
      const sepAt = seps.length === parts.length - 1 ? seps : parts.slice(1).map(() => '');
      const fixed = parts.map((p, k) => (k === 0 ? p : `${sepAt[k - 1]}${p}`)).join('');
      reports.push({
        messageId: 'order',
        start,
        end: start + found.length,
        data: { found, term: fixed },
        fix: { range: [start, start + found.length], text: fixed },
      });
    }
  }
  return reports;
}

/**
 * Maps a text to the matching alphabet, one UTF-16 unit for one, so offsets carry over unchanged: half- and
 * full-width brackets, quotes and commas compare equal, and so do the dashes of a range (2021-2025, 2021—2025,
 * 2021～2025, and 一 between digits).
 */
export function normalize(s: string): string {
  return fromUtf16Codes(normalizeCodes(utf16Codes(s)));
}

/**
 * `normalize` on code units: a normalized copy (the search scans the copy and reads the string made from it), or
 * `codes` itself when no unit changes.
 */
function normalizeCodes(codes: Uint16Array): Uint16Array {
  let out: Uint16Array | null = null;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (!hasChar(NORMALIZED, code)) continue;
    const to = NORMALIZED_TO[code] as number;
    // 一 stays 一 except between digits.
    if (to === code || (code === 0x4e00 && !(isDigitCode(codes[i - 1]) && isDigitCode(codes[i + 1]))))
      continue;
    out ??= codes.slice();
    out[i] = to;
  }
  return out ?? codes;
}

const NORMAL: Record<string, string> = {
  '(': '（',
  '﹙': '（',
  ')': '）',
  '﹚': '）',
  '-': '—',
  '－': '—',
  '–': '—',
  '‐': '—',
  '‑': '—',
  '―': '—',
  '~': '—',
  '～': '—',
  '〜': '—',
  '"': '“',
  '”': '“',
  '＂': '“',
  "'": '‘',
  '’': '‘',
  ',': '，',
  ':': '：',
  ';': '；',
};

/** What `normalize` writes for each UTF-16 unit (0: kept): the keys above, 一 (between digits), full-width digits. */
const NORMALIZED_TO = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(NORMAL)) NORMALIZED_TO[from.charCodeAt(0)] = to.charCodeAt(0);
NORMALIZED_TO[0x4e00] = '—'.charCodeAt(0);
for (let c = 0xff10; c <= 0xff19; c++) NORMALIZED_TO[c] = c - 0xfee0;
const NORMALIZED = charBits([...NORMALIZED_TO.keys()].filter((c) => NORMALIZED_TO[c] !== 0));

function isDigitCode(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19));
}

function hanOnly(s: string): string {
  return s.replace(/[^\p{Script=Han}]/gu, '');
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
