import type { KindContext, Report } from '../engine/types.js';
import type { DocumentModel, Heading, Section } from '../model/types.js';
import { allMatches } from '../util/regex.js';
import { partitionPoint } from '../util/search.js';
import { readDate } from './closing-date.js';
import { defineKind } from './define.js';
import { classifyParts, partsFrom } from './shared/parts.js';
import { ignoredChecker } from './shared/text.js';

interface Options {
  partsRule: string;
  nextYearPart: string;
}

const PLAN_WORDS = /安排|打算|计划|思路|展望|目标|要点|谋划|下一步|下步/u;
const FUTURE = /将|计划|拟|力争|争取|推动|着力|继续|进一步|要/u;
/**
 * A year a sentence is about: followed by 年，/年全年/年我镇/年共 (the pattern of a results sentence), and at a
 * sentence start (`opensSentence`, checked in code: a lookbehind here made the pattern test every position).
 */
const SENTENCE_YEAR =
  /((?:19|20)\d{2})年(?=[,，]|全年|度[,，]|(?:我|全)(?:镇|乡|县|区|市|局|委|办|街道)|共|累计)/gu;
const SENTENCE_END = '。；;！？!?';
const SPACE = /\s/u;

/** Whether `at` starts the text or follows a sentence end (spaces between allowed). */
function opensSentence(s: string, at: number): boolean {
  if (at === 0) return true;
  let j = at;
  while (j > 0 && SPACE.test(s[j - 1] as string)) j--;
  return j > 0 && SENTENCE_END.includes(s[j - 1] as string);
}
const HEADING_YEAR = /(?<![\d—\-－~～至到])((?:19|20)\d{2})年(?!以来|以前|前|底前)/gu;
const THIS_YEAR = /今年(?:以来|来|度)?/gu;

/**
 * A test "is this offset inside a citation (《…》 or “…”) of text[from, to)?". The citations are looked for on the
 * first question only: most headings and paragraphs hold no year, and so never ask.
 */
export function citationTester(text: string, from: number, to: number): (offset: number) => boolean {
  let cited: { start: number; end: number }[] | null = null;
  return (offset) => {
    if (!cited) {
      cited = [];
      for (const m of allMatches(/《[^《》\n]*》|“[^“”\n]*”/gu, text.slice(from, to))) {
        const start = from + m.index;
        cited.push({ start, end: start + m[0].length });
      }
    }
    return cited.some((r) => r.start <= offset && offset < r.end);
  };
}

/**
 * A test "is this offset inside one of these ranges?" in O(log n): the ranges may nest or overlap (sections and
 * enumeration leads), so each one sorted by start carries the furthest end reached so far.
 */
function rangeTester(ranges: { start: number; end: number }[]): (offset: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const r of sorted) reach.push(Math.max(r.end, reach[reach.length - 1] ?? r.end));
  return (offset) => {
    const hi = partitionPoint(sorted, (r) => r.start > offset) - 1;
    return hi >= 0 && offset < (reach[hi] as number);
  };
}

/** Offset ranges of the next-year part (下一步工作安排…), from the required-sections part definitions when loaded. */
function nextYearRanges(
  model: DocumentModel,
  o: Options,
  context: KindContext,
): { start: number; end: number }[] {
  try {
    const defs = partsFrom(context, o.partsRule);
    const part = classifyParts(model, defs).find((p) => p.definition.id === o.nextYearPart);
    if (part) {
      return [
        ...part.sections.map((s: Section) => ({ start: s.start, end: s.end })),
        ...part.leads.map((l: Heading) => ({ start: l.markerStart, end: l.paragraph.end })),
      ];
    }
  } catch {
    // required-sections is switched off: fall back to headings that name a plan.
  }
  const out: { start: number; end: number }[] = [];
  const visit = (s: Section) => {
    if (s.heading && /下一步|下步|打算|安排|计划|思路|展望/u.test(s.heading.text))
      out.push({ start: s.start, end: s.end });
    else for (const c of s.children) visit(c);
  };
  visit(model.root);
  return out;
}

/**
 * Years that contradict the report year: a heading of a 2025 report that says 2024年工作情况, a results sentence that
 * starts 2023年，我镇…, a plan heading for the report year instead of the next; and 今年 in a report written after its
 * year (as info). Legitimate other years stay quiet: the next-year plan, document titles (《…（2021—2025年）》),
 * ranges, history (2019年以来, 较2023年).
 */
export default defineKind<Options>({
  name: 'year-consistency',
  description: '正文和标题中的年份须与报告年度一致；“今年”在次年成文的报告里指代不明',
  options: {
    partsRule: {
      type: 'string',
      default: 'required-sections',
      description: '定义报告各部分的规则（读取其 sections 选项）',
    },
    nextYearPart: { type: 'string', default: 'next-year', description: '下一年度工作安排部分的 id' },
  },
  scope: 'document',
  messages: {
    default: '标题中的“{found}”与报告年度{year}年不符：本报告总结{year}年的工作，请核对年份',
    plan: '下一年度安排的标题写的是“{found}”：{year}年度报告应安排{next}年的工作，请核对年份',
    body: '“{found}”与报告年度{year}年不符：本报告总结{year}年的工作，请核对是否沿用了其他年度的材料',
    'this-year':
      '“{found}”指代不明：年度报告多在次年成文、公开，读者会把“今年”读作成文那一年，请写明“{expected}”',
  },
  check(model, o, _prepared, context) {
    const year = model.year;
    if (year === null) return [];
    const text = model.text;
    const reports: Report[] = [];
    const plans = nextYearRanges(model, o, context);
    const inPlan = rangeTester(plans);
    const ignored = ignoredChecker(model);

    for (const h of model.headings) {
      const from = h.span.start;
      const to = h.span.end;
      const inCitation = citationTester(text, from, to);
      for (const m of allMatches(HEADING_YEAR, text.slice(from, to))) {
        const start = from + (m.index ?? 0);
        const end = start + m[0].length;
        if (ignored(start) || inCitation(start)) continue;
        const y = Number(m[1]);
        const plan = inPlan(start) || PLAN_WORDS.test(h.text);
        if (plan && y === year + 1) continue;
        if (!plan && y === year) continue;
        reports.push({
          messageId: plan ? 'plan' : undefined,
          start,
          end,
          data: { found: m[0], year, next: year + 1 },
        });
      }
    }

    for (const p of model.paragraphs) {
      if (p.role !== 'body' && p.role !== 'heading') continue;
      const inCitation = citationTester(text, p.start, p.end);
      // Body text of a heading paragraph starts after the heading itself (checked above).
      const bodyFrom = p.heading ? p.heading.span.end : p.start;
      for (const m of allMatches(SENTENCE_YEAR, p.text)) {
        if (!opensSentence(p.text, m.index ?? 0)) continue;
        const start = p.start + (m.index ?? 0);
        if (start < bodyFrom || ignored(start) || inCitation(start)) continue;
        const y = Number(m[1]);
        if (y === year) continue;
        const sentenceEnd = p.text.slice((m.index ?? 0) + 5).search(/[。；;！？!?]/u);
        const sentence = p.text.slice(
          m.index ?? 0,
          sentenceEnd === -1 ? undefined : (m.index ?? 0) + 5 + sentenceEnd,
        );
        if (y === year + 1 && (inPlan(start) || FUTURE.test(sentence))) continue;
        // Only the neighbouring years: older ones are history (2019年，我镇被评为……).
        if (y !== year - 1 && y !== year + 1) continue;
        reports.push({ messageId: 'body', start, end: start + 5, data: { found: `${m[1]}年`, year } });
      }
    }

    // 今年 is the writing year; for a report written in its own year (dated December), it is right.
    const dated = model.closing.date ? readDate(model.closing.date.text) : null;
    if (!dated || dated.y !== year) {
      for (const p of model.paragraphs) {
        if (p.role !== 'body' && p.role !== 'heading') continue;
        for (const m of allMatches(THIS_YEAR, p.text)) {
          const start = p.start + (m.index ?? 0);
          if (ignored(start) || inPlan(start)) continue;
          const expected = m[0].replace('今年', `${year}年`).replace(/年度$/u, '年度');
          reports.push({
            messageId: 'this-year',
            severity: 'info',
            start,
            end: start + m[0].length,
            data: { found: m[0], expected, year },
          });
        }
      }
    }
    return reports.sort((a, b) => a.start - b.start);
  },
});
