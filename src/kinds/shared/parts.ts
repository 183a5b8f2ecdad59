import type { DocumentModel, Heading, Paragraph, Section } from '../../model/types.js';

/** One part the regulation requires, as configured in the `required-sections` rule file. */
export interface PartDefinition {
  id: string;
  /** Name used in messages (主要举措和成效…). */
  name: string;
  /** What the regulation says the part reports, for the message. */
  content?: string;
  /** Patterns (regular expressions) a heading's text matches. */
  headings: string[];
  /** Heading to suggest when the part is missing. */
  suggest?: string;
  /** Headings matching these are never this part (基本情况 is no result). */
  exclude?: string[];
  /** A level-1 section that is no other part counts as this one (topical results sections). */
  topical?: boolean;
  /** An enumeration lead (一是……) naming the part also meets it. */
  enumeration?: boolean;
}

export interface PartMatch {
  definition: PartDefinition;
  sections: Section[];
  leads: Heading[];
  /** Offset just after the part's last paragraph; -1 when absent. */
  end: number;
}

type TextTest = (text: string) => boolean;

interface Compiled {
  definition: PartDefinition;
  /** Whether a heading matches one of the patterns; tested as one alternation, not one pattern after another. */
  headings: TextTest;
  exclude: TextTest;
}

const compiledCache = new WeakMap<PartDefinition[], Compiled[]>();

export function isPartList(v: unknown): v is PartDefinition[] {
  return (
    Array.isArray(v) &&
    v.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        typeof p.id === 'string' &&
        typeof p.name === 'string' &&
        Array.isArray(p.headings) &&
        p.headings.every((h: unknown) => typeof h === 'string'),
    )
  );
}

function compile(defs: PartDefinition[]): Compiled[] {
  let c = compiledCache.get(defs);
  if (!c) {
    c = defs.map((definition) => ({
      definition,
      headings: anyOf(definition.headings),
      exclude: anyOf(definition.exclude ?? []),
    }));
    compiledCache.set(defs, c);
  }
  return c;
}

/**
 * One test for a list of patterns, true where any matches. Each pattern is compiled on its own first, so an error
 * names it; then they are merged into one alternation (a heading is tested once per part, not once per pattern),
 * except when a pattern has backreferences (merging shifts group numbers) or the merge does not compile (the same
 * group name twice). Each alternative keeps its own `^` and `$`.
 */
function anyOf(patterns: string[]): TextTest {
  const each = patterns.map((p) => new RegExp(p, 'u'));
  if (each.length === 0) return () => false;
  if (each.length > 1 && !patterns.some((p) => /\\(?:[1-9]|k<)/.test(p))) {
    try {
      const merged = new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'u');
      return (text) => merged.test(text);
    } catch {
      // fall through: test one after another
    }
  }
  return (text) => each.some((r) => r.test(text));
}

const matches = (c: Compiled, text: string) => c.headings(text) && !c.exclude(text);

function walk(section: Section, visit: (s: Section) => void): void {
  for (const child of section.children) {
    visit(child);
    walk(child, visit);
  }
}

/**
 * Finds each required part in the report: by heading at any level, by enumeration lead where allowed, and
 * (for topical parts) by level-1 sections that are no other part. Computed once per model and definition list.
 */
export function classifyParts(model: DocumentModel, defs: PartDefinition[]): PartMatch[] {
  return model.derived(defs, () => classify(model, defs));
}

function classify(model: DocumentModel, defs: PartDefinition[]): PartMatch[] {
  const compiled = compile(defs);
  const result: PartMatch[] = compiled.map((c) => ({
    definition: c.definition,
    sections: [],
    leads: [],
    end: -1,
  }));
  const claimed = new Set<Section>();
  walk(model.root, (s) => {
    const text = s.heading?.text ?? '';
    // A section inside one already claimed keeps its parent's part (（三）存在问题 inside 一、工作情况 is still a problem).
    const i = compiled.findIndex((c) => !c.definition.topical && matches(c, text));
    const j = i >= 0 ? i : compiled.findIndex((c) => c.definition.topical && matches(c, text));
    if (j >= 0) {
      (result[j] as PartMatch).sections.push(s);
      claimed.add(s);
    }
  });
  // Level-1 sections that are no other part are topical results (一、全面加大法治政府建设统筹推进力度).
  const topical = compiled.findIndex((c) => c.definition.topical);
  if (topical >= 0) {
    const c = compiled[topical] as Compiled;
    for (const s of model.root.children) {
      if (!claimed.has(s) && !c.exclude(s.heading?.text ?? ''))
        (result[topical] as PartMatch).sections.push(s);
    }
  }
  for (const lead of model.enumerations) {
    const idx = compiled.findIndex((c) => c.definition.enumeration && matches(c, lead.text));
    if (idx >= 0) (result[idx] as PartMatch).leads.push(lead);
  }
  for (const r of result) {
    for (const s of r.sections) r.end = Math.max(r.end, lastParagraphEnd(s));
    for (const l of r.leads) r.end = Math.max(r.end, l.paragraph.end);
  }
  return result;
}

export function lastParagraphEnd(s: Section): number {
  const last = s.paragraphs[s.paragraphs.length - 1];
  return last ? last.end : s.heading ? s.heading.span.end : s.start;
}

/** Paragraphs of a part, without those of sub-sections that belong to another part. */
export function partParagraphs(part: PartMatch, all: PartMatch[]): Paragraph[] {
  const foreign = new Set<Paragraph>();
  const own = new Set(part.sections);
  for (const other of all) {
    if (other === part) continue;
    for (const s of other.sections) if (isInsideAny(s, own)) for (const p of s.paragraphs) foreign.add(p);
  }
  const seen = new Set<Paragraph>();
  const out: Paragraph[] = [];
  for (const s of part.sections) {
    for (const p of s.paragraphs) {
      if (foreign.has(p) || seen.has(p)) continue;
      seen.add(p);
      out.push(p);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a section lies inside one of `outer` (walking up its ancestors: a handful of levels). */
function isInsideAny(inner: Section, outer: Set<Section>): boolean {
  for (let s: Section | null = inner.parent; s; s = s.parent) if (outer.has(s)) return true;
  return false;
}

/**
 * Where a missing part belongs: right after the last present part that the regulation lists before it,
 * else at the start of the body. Returns a one-character range so editors can show it.
 */
export function whereMissing(
  model: DocumentModel,
  parts: PartMatch[],
  index: number,
): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i < index; i++) at = Math.max(at, (parts[i] as PartMatch).end);
  if (at > 0) return { start: at - 1, end: at };
  const first = model.paragraphs.find((p) => p.role === 'body' || p.role === 'heading');
  if (first) return { start: first.start, end: first.start + 1 };
  return { start: 0, end: Math.min(1, model.text.length) };
}

/** The end of the body (before the closing block): where a missing last part or statement belongs. */
export function bodyEnd(model: DocumentModel): { start: number; end: number } {
  const body = model.paragraphs.filter((p) => p.role === 'body' || p.role === 'heading');
  const last = body[body.length - 1];
  if (!last) return { start: 0, end: Math.min(1, model.text.length) };
  return { start: last.end - 1, end: last.end };
}

/** Options of the rule whose `sections` define the parts (default: required-sections). */
export function partsFrom(
  context: { ruleOptions(id: string): Record<string, unknown> | undefined },
  ruleId: string,
): PartDefinition[] {
  const defs = context.ruleOptions(ruleId)?.sections;
  if (!isPartList(defs))
    throw new Error(`规则 ${ruleId} 未加载或没有 sections 选项，无法确定报告的各组成部分`);
  return defs;
}
