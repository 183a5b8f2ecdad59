import type { Report } from '../../engine/types.js';
import type { DocumentModel } from '../../model/types.js';
import { compileMatcher, type Match, type Matcher } from '../../util/matcher.js';
import { partitionPoint } from '../../util/search.js';
import { normalizedCodes } from '../shared/normalized.js';
import { ignoredTester } from '../shared/ranges.js';
import { judge, validIn } from './enumeration-judge.js';
import type {
  CompiledEnumerations,
  Enumeration,
  EnumerationEntry,
  Hit,
  MemberRole,
  Options,
} from './types.js';

const CLAUSE_END = /[。；;！？!?：:\n\r]/;

/** Compiles the fixed enumerations, and the `ordered` series of older configurations as enumerations of their own. */
export function compileEnumerations(
  o: Options,
  matcher: (words: readonly string[]) => Matcher = compileMatcher,
): CompiledEnumerations {
  const entries: EnumerationEntry[] = [
    ...(o.enumerations ?? []),
    ...(o.ordered ?? []).map((members) => ({
      members,
      standard: members.join(''),
      minShared: members.length,
    })),
  ];
  const list: Enumeration[] = entries.map((e) => {
    const variants = new Map<string, number>();
    for (const [member, forms] of Object.entries(e.variants ?? {}))
      for (const v of forms) variants.set(v, e.members.indexOf(member));
    return {
      members: e.members,
      standard: e.standard ?? e.members.join('、'),
      basis: e.source ? `${e.source}的表述` : '规范表述',
      source: e.source ?? null,
      variants,
      minShared: e.minShared ?? Math.ceil(e.members.length / 2) + 1,
      subset: e.subset ?? false,
      held: e.held ?? null,
      until: e.until ?? null,
    };
  });
  const words: string[] = [];
  const roles: MemberRole[][] = [];
  const add = (word: string, role: MemberRole) => {
    const i = words.indexOf(word);
    if (i >= 0) (roles[i] as MemberRole[]).push(role);
    else {
      words.push(word);
      roles.push([role]);
    }
  };
  for (const [k, e] of list.entries()) {
    for (const [m, member] of e.members.entries()) add(member, { enumeration: k, member: m, variant: false });
    for (const [v, m] of e.variants) add(v, { enumeration: k, member: m, variant: true });
  }
  return { list, matcher: matcher(words), roles };
}

/**
 * Fixed enumerations quoted wrongly (职能科学、权责法定…的法治政府; 科学立法、严格执法、公正司法、全民守法; 尊法学法守法用法):
 * a list counts as a quotation when it writes at least `minShared` members exactly, close together; then a member in
 * the wrong order, a member written wrongly (崇法, 职责明确 where 职能科学 belongs), a member left out between two
 * others, or the list of another year (the 2015—2020 纲要's in a 2023 report) is reported. Members left out at either
 * end are a choice (形成严格执法、公正司法、全民守法的氛围), not a misquotation.
 */
export function enumerationReports(
  model: DocumentModel,
  c: CompiledEnumerations,
  year: number | null,
): Report[] {
  // Members hold no character the alphabet changes, and offsets carry over: the search's array serves.
  const hits = c.matcher.findOverlapping(normalizedCodes(model));
  if (hits.length === 0) return [];
  const text = model.text;
  const ignored = ignoredTester(model.ignoredRanges);
  const candidates: { k: number; cluster: Hit[]; shared: number; valid: boolean }[] = [];
  const byEnumeration = splitHits(hits, c);
  for (const [k, e] of c.list.entries()) {
    const own = byEnumeration[k] as Hit[];
    if (own.length < e.minShared) continue;
    for (const cluster of clusters(text, own, e)) {
      const shared = new Set(cluster.map((h) => h.member)).size;
      if (shared !== cluster.length || shared < e.minShared) continue; // a member twice is no quotation
      const first = cluster[0] as Hit;
      const last = cluster[cluster.length - 1] as Hit;
      if (ignored(first.start, last.end) || model.residueLines.has(model.lineAt(first.start).number))
        continue;
      candidates.push({ k, cluster, shared, valid: validIn(e, year) });
    }
  }
  // Where lists of several enumerations overlap, the one most members match speaks; a tie goes to this year's.
  candidates.sort((a, b) => b.shared - a.shared || Number(b.valid) - Number(a.valid));
  // Accepted spans, sorted and disjoint: an overlap test is a binary search.
  const taken: [number, number][] = [];
  const reports: Report[] = [];
  for (const cand of candidates) {
    const start = (cand.cluster[0] as Hit).start;
    const end = (cand.cluster[cand.cluster.length - 1] as Hit).end;
    const at = partitionPoint(taken, (x) => x[1] > start);
    if ((taken[at]?.[0] ?? Number.POSITIVE_INFINITY) < end) continue;
    taken.splice(at, 0, [start, end]);
    reports.push(...judge(model, c, cand.k, cand.cluster, year));
  }
  return reports;
}

/** The hits of each enumeration, leftmost-longest among its own members (one pass over the shared hits). */
function splitHits(hits: Match[], c: CompiledEnumerations): Hit[][] {
  const own: Hit[][] = c.list.map(() => []);
  for (const h of hits)
    for (const r of c.roles[h.index] as MemberRole[])
      (own[r.enumeration] as Hit[]).push({
        start: h.start,
        end: h.end,
        member: r.member,
        variant: r.variant,
      });
  return own.map((list) => {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Hit[] = [];
    for (const h of list) if (out.length === 0 || h.start >= (out[out.length - 1] as Hit).end) out.push(h);
    return out;
  });
}

/**
 * Runs of hits close together in one sentence. A member met twice starts a new run, at the last comma before it
 * (推进科学立法、公正司法、全民守法，形成严格执法、公正司法、全民守法的氛围 holds two lists).
 */
function clusters(text: string, hits: Hit[], e: Enumeration): Hit[][] {
  const longest = Math.max(...e.members.map((m) => m.length));
  const out: Hit[][] = [];
  let run: Hit[] = [];
  for (const h of hits) {
    const prev = run[run.length - 1];
    const gap = prev ? text.slice(prev.end, h.start) : '';
    if (prev && (gap.length > 2 * longest + 6 || CLAUSE_END.test(gap))) {
      out.push(run);
      run = [];
    }
    while (run.some((x) => x.member === h.member)) {
      // The new run starts after the last comma between two hits, or with this hit.
      let cut = run.length;
      for (let j = run.length - 1; j >= 1 && cut === run.length; j--)
        if (/[，,]/.test(text.slice((run[j - 1] as Hit).end, (run[j] as Hit).start))) cut = j;
      out.push(run.slice(0, cut));
      run = run.slice(cut);
    }
    run.push(h);
  }
  out.push(run);
  return out.filter((r) => r.length >= 2);
}
