import type { Report } from '../engine/types.js';
import type { Paragraph, Section } from '../model/types.js';
import { stepOverEmpty } from '../util/regex.js';
import { defineKind } from './define.js';
import { classifyParts, partParagraphs, partsFrom } from './shared/parts.js';

interface Options {
  partsRule: string;
  part: string;
  quantity: string;
  minimum: number;
  perSubsection: boolean;
}

/** Results are shown with figures: numbers with a unit or measure word, or percentages, in the results part. */
export default defineKind<Options>({
  name: 'quantified-results',
  description: '主要举措和成效部分应有量化数据（带单位或量词的数字、百分比）',
  options: {
    partsRule: { type: 'string', default: 'required-sections', description: '定义报告各部分的规则 id' },
    part: { type: 'string', default: 'measures', description: '成效部分的 id' },
    quantity: { type: 'regex', required: true, description: '一处量化数据的写法（正则）' },
    minimum: { type: 'number', default: 3, description: '成效部分至少几处量化数据' },
    perSubsection: {
      type: 'boolean',
      default: true,
      description: '对没有任何数据的二级小节给出提示（info）',
    },
  },
  scope: 'document',
  messages: {
    default:
      '“{name}”部分只有 {count} 处量化数据（至少 {minimum} 处）：请用数字、单位或百分比说明成效，如“办理行政复议案件 12 件”',
    subsection: '本小节没有量化数据：可补充数字、单位或百分比说明成效',
  },
  prepare: (o) => new RegExp(o.quantity, 'gu'),
  check(model, o, prepared, context) {
    const quantity = prepared as RegExp;
    const parts = classifyParts(model, partsFrom(context, o.partsRule));
    const part = parts.find((p) => p.definition.id === o.part);
    if (!part || part.sections.length === 0) return []; // A missing part is required-sections' finding.
    const paragraphs = partParagraphs(part, parts);
    const reports: Report[] = [];
    // Counted only up to the minimum (the count appears in the message only below it), and a subsection only
    // needs one figure: most results parts hold dozens, and each further search was wasted.
    const total = countUpTo(quantity, paragraphs, o.minimum);
    const first = part.sections[0] as Section;
    if (total < o.minimum) {
      const span = first.heading?.span ?? { start: first.start, end: first.start + 1 };
      reports.push({
        start: span.start,
        end: span.end,
        data: { count: total, minimum: o.minimum, name: part.definition.name },
      });
    }
    if (o.perSubsection) {
      const own = new Set(paragraphs);
      for (const s of part.sections) {
        for (const sub of s.children) {
          if (sub.level !== 2 || !sub.heading) continue;
          const ps = sub.paragraphs.filter((p) => own.has(p));
          if (ps.length > 0 && countUpTo(quantity, ps, 1) === 0) {
            reports.push({
              messageId: 'subsection',
              severity: 'info',
              start: sub.heading.span.start,
              end: sub.heading.span.end,
            });
          }
        }
      }
    }
    return reports;
  },
});

/** Matches of a global `re` in the paragraphs, counting stopped once `limit` is reached. */
function countUpTo(re: RegExp, paragraphs: Paragraph[], limit: number): number {
  let n = 0;
  for (const p of paragraphs) {
    re.lastIndex = 0;
    for (let m = re.exec(p.text); m !== null; m = re.exec(p.text)) {
      // An empty match is no figure (a custom pattern may allow one): step over it.
      if (m[0].length === 0) re.lastIndex = stepOverEmpty(re, p.text);
      else if (++n >= limit) {
        re.lastIndex = 0;
        return n;
      }
    }
  }
  return n;
}
