import type { Report } from '../engine/types.js';
import { defineKind } from './define.js';
import { anachronisms } from './formulation/anachronism.js';
import { compileFormulations } from './formulation/compile.js';
import { orderReports } from './formulation/order.js';
import { findFormulations } from './formulation/search.js';
import type { CompiledFormulations, Options } from './formulation/types.js';
import { validateFormulations } from './formulation/validate.js';

export { compileFormulations } from './formulation/compile.js';
export { findFormulations } from './formulation/search.js';
export type { FormulationEntry, FormulationFinding } from './formulation/types.js';

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
 *
 * This module is the kind's entry; its parts are in `formulation/`: `compile` (entries and the automaton), `search`
 * (exact forms, variants, and the candidates `near` and `injected` judge), `order`, `anachronism`, and `alphabet`
 * (the matching alphabet the search reads the text in).
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
