import type { Report } from '../engine/types.js';
import { closestAt } from '../util/fuzzy.js';
import { defineKind } from './define.js';

interface Options {
  term: string;
  anchor: string;
  maxDistance: number;
  allow: string[];
  since: number;
}

/**
 * A standard formulation the report must contain, written exactly. Near misses (characters inserted, dropped,
 * swapped) do not count and are shown where they stand.
 */
export default defineKind<Options>({
  name: 'required-term',
  description: '报告必须准确写出的规范表述',
  options: {
    term: { type: 'string', required: true, description: '规范表述的准确写法' },
    anchor: { type: 'string', default: '', description: '近似写法的起始字（默认取规范表述的前两个字）' },
    maxDistance: { type: 'number', default: 2, description: '近似写法最多相差几个字' },
    allow: { type: 'string[]', default: [], description: '以起始字开头、但属于其他规范表述的写法' },
    since: { type: 'number', default: 0, description: '自哪个报告年度起要求（0 为不限）' },
  },
  scope: 'document',
  messages: {
    default: '全文未提及“{term}”：请在指导思想或主要举措中准确写明“{term}”',
    nearMiss: '“{found}”不是规范表述，应为“{term}”',
  },
  check(model, o) {
    if (o.since && model.year !== null && model.year < o.since) return [];
    const text = model.text;
    if (text.includes(o.term)) return [];
    const anchor = o.anchor || o.term.slice(0, 2);
    const reports: Report[] = [];
    for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
      if (o.allow.some((a) => text.startsWith(a, at))) continue;
      const best = closestAt(text, at, o.term, o.maxDistance);
      if (!best || best.distance === 0) continue;
      const found = text.slice(at, best.end);
      reports.push({
        messageId: 'nearMiss',
        start: at,
        end: best.end,
        data: { term: o.term, found },
        fix:
          best.distance === 1 && found.length === o.term.length
            ? { range: [at, best.end], text: o.term }
            : undefined,
      });
      at = best.end - 1;
    }
    if (reports.length > 0) return reports;
    const target =
      model.title?.span ?? model.paragraphs.find((p) => p.role === 'body' || p.role === 'heading');
    const start = target?.start ?? 0;
    return [{ start, end: target?.end ?? Math.min(1, text.length), data: { term: o.term } }];
  },
});
