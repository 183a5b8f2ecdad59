import type { Fix, Report } from '../engine/types.js';
import { defineKind } from './define.js';
import { anachronisms } from './formulation/anachronism.js';
import { compileFormulations } from './formulation/compile.js';
import { compileEnumerations, enumerationReports } from './formulation/enumeration.js';
import { plenumReports } from './formulation/plenum.js';
import { findFormulations } from './formulation/search.js';
import type { CompiledEnumerations, CompiledFormulations, Options } from './formulation/types.js';
import { validateFormulations } from './formulation/validate.js';

export { compileFormulations } from './formulation/compile.js';
export { findFormulations } from './formulation/search.js';
export type { FormulationEntry, FormulationFinding } from './formulation/types.js';

interface Prepared {
  formulations: CompiledFormulations;
  enumerations: CompiledEnumerations;
}

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
 * (exact forms, variants, and the candidates `near` and `injected` judge), `enumeration` (fixed lists: order, members,
 * the list of the report's year), `plenum` (plenum lists run together), `anachronism`, and `alphabet` (the matching
 * alphabet the search reads the text in).
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
    enumerations: {
      type: 'object',
      default: [],
      description:
        '固定的并列提法：members（各项，按顺序）、standard、source、variants、minShared、subset、held、until',
    },
    ordered: {
      type: 'object',
      default: [],
      description: '固定顺序的并列提法（旧写法，各项须写全），如 [尊法, 学法, 守法, 用法]',
    },
    injectionWindow: { type: 'number', default: 40, description: '规范表述中混入文字的最大长度' },
  },
  messages: {
    default: '“{found}”不是规范表述，应写作“{term}”',
    injected: '规范表述“{term}”中混入了无关文字“{injected}”，应写作“{term}”',
    order: '“{found}”顺序不规范：{basis}是“{standard}”，应写作“{term}”',
    sequence: '“{found}”顺序不规范：应按{basis}“{standard}”的顺序书写',
    member: '“{found}”应为“{term}”：{basis}是“{standard}”',
    missing: '“{found}”缺少“{term}”：{basis}是“{standard}”',
    outdated: '“{found}”是{source}的提法，{year}年度的报告应写作“{standard}”（{current}）',
    anachronism: '“{found}”是{held}才有的提法，不应出现在{year}年度的报告中：请核对',
    plenum: '“{found}”把两届的全会连在一起，应写作“{term}”',
  },
  validate(o) {
    return validateFormulations(o);
  },
  prepare(o, env): Prepared {
    return {
      formulations: compileFormulations(o, env.matcher),
      enumerations: compileEnumerations(o, env.matcher),
    };
  },
  check(model, _o, prepared) {
    const { formulations: c, enumerations } = prepared as Prepared;
    const reports: Report[] = [];
    const { findings, exact } = findFormulations(model, c);
    for (const f of findings) {
      const term = f.entry.term;
      const found = model.text.slice(f.start, f.end);
      const fix: Fix | undefined = f.fixable ? { range: [f.start, f.end], text: term } : undefined;
      if (f.kind === 'injected') {
        const first = f.runs[0] as [number, number];
        const last = f.runs[f.runs.length - 1] as [number, number];
        reports.push({
          messageId: 'injected',
          start: f.start,
          end: f.end,
          data: { term, found, injected: model.text.slice(first[0], last[1]) },
          fix,
        });
      } else reports.push({ messageId: undefined, start: f.start, end: f.end, data: { term, found }, fix });
    }
    if (model.year !== null) reports.push(...anachronisms(model, c, exact, model.year));
    reports.push(...enumerationReports(model, enumerations, model.year), ...plenumReports(model));
    return reports.sort((a, b) => a.start - b.start || a.end - b.end);
  },
});
