import type { Report } from '../engine/types.js';
import type { Paragraph } from '../model/types.js';
import { defineKind } from './define.js';
import { classifyParts, partParagraphs, partsFrom, whereMissing } from './shared/parts.js';

interface Options {
  partsRule: string;
  part: string;
  mention: string;
  duties: Record<string, string>;
  minDuties: number;
}

interface Prepared {
  mention: RegExp;
  duties: { label: string; re: RegExp }[];
}

/**
 * The report must say how the principal leaders performed the first-responsible-person duty: naming the duty is
 * not enough, the text must report acts (亲自部署、年终述法、会前学法…) where the duty is discussed.
 */
export default defineKind<Options>({
  name: 'first-responsible-duty',
  description: '报告须写明党政主要负责人如何履行推进法治建设第一责任人职责',
  options: {
    partsRule: { type: 'string', default: 'required-sections', description: '定义报告各部分的规则 id' },
    part: { type: 'string', default: 'first-responsible', description: '第一责任人部分的 id' },
    mention: { type: 'regex', default: '第一责任人', description: '提及该职责的写法' },
    duties: { type: 'map', required: true, description: '表明履职的具体做法：“名称: 正则”' },
    minDuties: { type: 'number', default: 1, description: '至少写到几种不同的履职做法' },
  },
  scope: 'document',
  messages: {
    default:
      '全文没有报告党政主要负责人履行推进法治建设第一责任人职责的情况：请写明亲自部署、年终述法、会前学法等具体做法',
    thin: '只提到第一责任人职责，没有写怎样履行：请补充{hint}等具体做法',
  },
  prepare: (o): Prepared => ({
    mention: new RegExp(o.mention, 'u'),
    duties: Object.entries(o.duties).map(([label, re]) => ({ label, re: new RegExp(re, 'u') })),
  }),
  check(model, o, prepared, context) {
    const { mention, duties } = prepared as Prepared;
    const parts = classifyParts(model, partsFrom(context, o.partsRule));
    const index = parts.findIndex((p) => p.definition.id === o.part);
    const part = parts[index];
    let scope: Paragraph[] = [];
    if (part && (part.sections.length > 0 || part.leads.length > 0)) {
      scope = [...partParagraphs(part, parts), ...part.leads.map((l) => l.paragraph)];
    } else {
      scope = model.paragraphs.filter(
        (p) => (p.role === 'body' || p.role === 'heading') && mention.test(p.text),
      );
    }
    const reports: Report[] = [];
    if (scope.length === 0) {
      reports.push(whereMissing(model, parts, index >= 0 ? index : parts.length));
      return reports;
    }
    const found = duties.filter((d) => scope.some((p) => d.re.test(p.text)));
    if (found.length < o.minDuties) {
      const first = scope[0] as Paragraph;
      const lead = part?.sections[0]?.heading?.span ??
        part?.leads[0]?.span ?? { start: first.start, end: first.end };
      const missing = duties.filter((d) => !found.includes(d)).slice(0, 3);
      reports.push({
        messageId: 'thin',
        start: lead.start,
        end: lead.end,
        data: {
          count: found.length,
          minimum: o.minDuties,
          hint: missing.map((m) => `“${m.label}”`).join('、'),
        },
      });
    }
    return reports;
  },
});
