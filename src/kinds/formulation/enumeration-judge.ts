import type { Report } from '../../engine/types.js';
import type { DocumentModel } from '../../model/types.js';
import { boundedDistance } from '../../util/fuzzy.js';
import type { CompiledEnumerations, Enumeration, Hit } from './types.js';

const LIST_SEPARATOR = /[、，,]/;
const QUOTE_OR_SPACE = /[“”"‘’'「」『』\s\u3000]/;

/** Whether an enumeration is the standard in the report of `year` (any, when the year is unknown). */
export function validIn(e: Enumeration, year: number | null): boolean {
  if (year === null) return true;
  return (e.until === null || year <= e.until) && (e.held === null || e.held <= `${year + 1}-03`);
}

/**
 * What is wrong with one quoted list: the version of another year, the order, members written wrongly (known
 * forms, one character off, a member of the other version, or any word in the place of a long list's member) or
 * left out between two others.
 */
export function judge(
  model: DocumentModel,
  c: CompiledEnumerations,
  k: number,
  cluster: Hit[],
  year: number | null,
): Report[] {
  const e = c.list[k] as Enumeration;
  const text = model.text;
  const first = cluster[0] as Hit;
  const last = cluster[cluster.length - 1] as Hit;
  const [start, end] = widen(text, first.start, last.end);
  const found = inner(text.slice(start, end));
  const data = { found, standard: inner(e.standard), basis: e.basis };
  if (year !== null && e.until !== null && year > e.until) {
    const current = c.list.find(
      (x) => x !== e && validIn(x, year) && x.members.some((m) => e.members.includes(m)),
    );
    if (!current) return [];
    const current_ = {
      standard: inner(current.standard),
      current: current.source ?? '规范表述',
      source: e.source ?? '',
    };
    return [{ messageId: 'outdated', start, end, severity: 'warning', data: { ...data, ...current_, year } }];
  }
  if (year !== null && !validIn(e, year)) {
    const [y, m] = (e.held as string).split('-');
    const held = `${y}年${Number(m)}月`;
    return [{ messageId: 'anachronism', start, end, severity: 'warning', data: { found, held, year } }];
  }
  const order = cluster.map((h) => h.member);
  if (order.some((m, i) => i > 0 && m < (order[i - 1] as number))) {
    const term = cluster.some((h) => h.variant) ? null : reordered(text, cluster, e);
    if (term === null) return [{ messageId: 'sequence', start, end, data }];
    return [
      {
        messageId: 'order',
        start,
        end,
        data: { ...data, term },
        fix: { range: [first.start, last.end], text: term },
      },
    ];
  }
  const reports: Report[] = [];
  const member = (from: number, to: number, m: number, certain: boolean): Report => ({
    messageId: 'member',
    start: from,
    end: to,
    data: { ...data, found: text.slice(from, to), term: e.members[m] as string },
    fix: certain ? { range: [from, to], text: e.members[m] as string } : undefined,
  });
  for (const h of cluster) if (h.variant) reports.push(member(h.start, h.end, h.member, true));
  const missing: string[] = [];
  for (let i = 1; i < cluster.length; i++) {
    const a = cluster[i - 1] as Hit;
    const b = cluster[i] as Hit;
    const between = e.members.slice(a.member + 1, b.member);
    const items = middleItems(text, a.end, b.start);
    if (items.length === 1 && between.length === 1) {
      const [from, to] = items[0] as [number, number];
      reports.push(member(from, to, a.member + 1, near(text.slice(from, to), between[0] as string)));
    } else if (items.length === 0 && !e.subset) missing.push(...between);
  }
  if (missing.length > 0)
    reports.push({ messageId: 'missing', start, end, data: { ...data, term: missing.join('、') } });
  const shared = new Set(order).size;
  const edges: [number, [number, number] | null][] = [
    [first.member - 1, edgeItem(model, e, first.start, -1, first.member - 1)],
    [last.member + 1, edgeItem(model, e, last.end, 1, last.member + 1)],
  ];
  for (const [m, span] of edges) {
    if (!span || m < 0 || m >= e.members.length) continue;
    const written = text.slice(span[0], span[1]);
    const sibling = c.list.some(
      (x) => x !== e && x.members.includes(written) && x.members.some((y) => e.members.includes(y)),
    );
    const long = e.members.length >= 5 && shared >= e.members.length - 1;
    if (near(written, e.members[m] as string) || sibling || long)
      reports.push(member(span[0], span[1], m, near(written, e.members[m] as string)));
  }
  return reports;
}

/** Quotes inside a quoted message take the single marks (GB/T 15834): 增强‘四个意识’. */
function inner(s: string): string {
  return s.replace(/“/g, '‘').replace(/”/g, '’');
}

/** The list's span, with the quotes around its first and last member (“四个意识”…“两个维护”). */
function widen(text: string, start: number, end: number): [number, number] {
  return [
    /[“‘"]/.test(text[start - 1] ?? '') ? start - 1 : start,
    /[”’"]/.test(text[end] ?? '') ? end + 1 : end,
  ];
}

/** A written member one character off a long member (廉洁成信), the correction being certain. */
function near(written: string, member: string): boolean {
  return member.length >= 4 && written.length === member.length && boundedDistance(written, member, 1) === 1;
}

/** Items standing alone between two members: text between list separators, quotes and spaces left out. */
function middleItems(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const cuts: number[] = [];
  for (let i = from; i < to; i++) if (LIST_SEPARATOR.test(text[i] as string)) cuts.push(i);
  for (let i = 1; i < cuts.length; i++) {
    let a = (cuts[i - 1] as number) + 1;
    let b = cuts[i] as number;
    while (a < b && QUOTE_OR_SPACE.test(text[a] as string)) a++;
    while (b > a && QUOTE_OR_SPACE.test(text[b - 1] as string)) b--;
    if (b > a) out.push([a, b]);
  }
  return out;
}

/**
 * The item written where a list's first (or last) member stands, when a list separator sets it apart from the
 * members around: its last (first) words as long as the member they replace, on word boundaries (加快建设职责明确、权责法定…).
 */
function edgeItem(
  model: DocumentModel,
  e: Enumeration,
  at: number,
  dir: -1 | 1,
  m: number,
): [number, number] | null {
  const member = e.members[m];
  if (!member) return null;
  const text = model.text;
  let i = dir < 0 ? at - 1 : at;
  const skip = () => {
    while (i >= 0 && i < text.length && QUOTE_OR_SPACE.test(text[i] as string)) i += dir;
  };
  skip();
  if (!LIST_SEPARATOR.test(text[i] ?? '')) return null;
  i += dir;
  skip();
  const [from, to] = dir < 0 ? [i + 1 - member.length, i + 1] : [i, i + member.length];
  if (from < 0 || to > text.length || /[、，,。；;：:\s“”"]/.test(text.slice(from, to))) return null;
  return model.isWordBoundary(from) && model.isWordBoundary(to) ? [from, to] : null;
}

/** The members in their order, with the separators as written; null when anything but separators stands between. */
function reordered(text: string, cluster: Hit[], e: Enumeration): string | null {
  const seps: string[] = [];
  for (let i = 1; i < cluster.length; i++) {
    const gap = text.slice((cluster[i - 1] as Hit).end, (cluster[i] as Hit).start);
    if (!/^(?:[、，,和及与]|以及)?$/.test(gap)) return null;
    seps.push(gap);
  }
  const members = [...cluster].sort((a, b) => a.member - b.member).map((h) => e.members[h.member] as string);
  return members.map((p, k) => (k === 0 ? p : `${seps[k - 1]}${p}`)).join('');
}
