import type { Report } from '../engine/types.js';
import type { DocumentModel, Paragraph } from '../model/types.js';
import { defineKind } from './define.js';
import {
  bodyEnd,
  classifyParts,
  type PartMatch,
  partParagraphs,
  partsFrom,
  whereMissing,
} from './shared/parts.js';

interface Options {
  partsRule: string;
  problemsPart: string;
  nextPart: string;
  problemTerms: string[];
  nextTerms: string[];
  minItems: number;
  minSentenceLength: number;
}

/**
 * Problems and next steps must be stated and substantive. A part's items are its sub-headings and enumeration
 * leads; without either, its sentences of some length. A statement in body text alone counts as one item.
 */
export default defineKind<Options>({
  name: 'problems-next-steps',
  description: '存在的问题和下一步工作须写明，且内容充实（至少两项具体内容）',
  options: {
    partsRule: { type: 'string', default: 'required-sections', description: '定义报告各部分的规则 id' },
    problemsPart: { type: 'string', default: 'shortcomings', description: '问题部分的 id' },
    nextPart: { type: 'string', default: 'next-year', description: '下一步工作部分的 id' },
    problemTerms: { type: 'string[]', required: true, description: '正文中陈述问题的写法（正则）' },
    nextTerms: { type: 'string[]', required: true, description: '正文中陈述下一步工作的写法（正则）' },
    minItems: { type: 'number', default: 2, description: '至少几项具体内容' },
    minSentenceLength: { type: 'number', default: 12, description: '算作一项内容的句子最少字数' },
  },
  scope: 'document',
  messages: {
    default: '全文没有写存在的问题和不足：请如实写明{minimum}项以上具体问题及其原因',
    noNext: '全文没有写下一步工作安排：请写明下一年度推进法治政府建设的{minimum}项以上具体安排',
    thinProblems: '存在的问题只写了 {count} 项（至少 {minimum} 项）：请具体写明问题和原因，不要只写套话',
    thinNext: '下一步工作只写了 {count} 项（至少 {minimum} 项）：请写明具体措施',
  },
  prepare: (o) => ({
    problem: new RegExp(o.problemTerms.join('|'), 'u'),
    next: new RegExp(o.nextTerms.join('|'), 'u'),
  }),
  check(model, o, prepared, context) {
    const { problem, next } = prepared as { problem: RegExp; next: RegExp };
    const parts = classifyParts(model, partsFrom(context, o.partsRule));
    const reports: Report[] = [];
    const judge = (partId: string, term: RegExp, none: string, thin: string, atEnd: boolean) => {
      const index = parts.findIndex((p) => p.definition.id === partId);
      const part = parts[index];
      if (part && part.sections.length > 0) {
        const n = itemsOf(model, part, parts, o.minSentenceLength);
        if (n < o.minItems) {
          const span = part.sections[0]?.heading?.span ?? { start: part.end - 1, end: part.end };
          reports.push({
            messageId: thin,
            start: span.start,
            end: span.end,
            data: { count: n, minimum: o.minItems },
          });
        }
        return;
      }
      const mentions = model.paragraphs.filter(
        (p) => (p.role === 'body' || p.role === 'heading') && term.test(p.text),
      );
      if (mentions.length === 0) {
        const where = atEnd ? bodyEnd(model) : whereMissing(model, parts, index >= 0 ? index : parts.length);
        reports.push({ messageId: none, ...where, data: { minimum: o.minItems } });
      } else if (mentions.length < o.minItems) {
        const m = mentions[0] as Paragraph;
        const hit = term.exec(m.text);
        const start = m.start + (hit?.index ?? 0);
        reports.push({
          messageId: thin,
          start,
          end: start + (hit?.[0].length ?? 1),
          data: { count: mentions.length, minimum: o.minItems },
        });
      }
    };
    judge(o.problemsPart, problem, 'default', 'thinProblems', false);
    judge(o.nextPart, next, 'noNext', 'thinNext', true);
    return reports;
  },
});

function itemsOf(model: DocumentModel, part: PartMatch, all: PartMatch[], minSentence: number): number {
  const paragraphs = partParagraphs(part, all);
  const own = new Set(paragraphs);
  const partHeadings = new Set(part.sections.map((s) => s.heading));
  const subHeadings = model.headings.filter((h) => own.has(h.paragraph) && !partHeadings.has(h)).length;
  const leads = model.enumerations.filter((e) => own.has(e.paragraph)).length;
  if (subHeadings + leads > 0) return Math.max(subHeadings, leads);
  const partHeadingParagraphs = new Set(part.sections.map((s) => s.heading?.paragraph));
  let sentences = 0;
  for (const p of paragraphs) {
    if (partHeadingParagraphs.has(p) && !p.heading?.runIn) continue;
    // Clauses, not sentences: one long sentence can list several concrete measures, separated by commas.
    for (const s of p.text.split(/[。；;！？!?，,]/)) if (s.trim().length >= minSentence) sentences++;
  }
  return sentences;
}
